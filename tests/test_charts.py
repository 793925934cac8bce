"""The charts of the HTML review: SVG written directly, ticks chosen by matplotlib.

The y-axis ticks are compared with matplotlib's own choice: a matplotlib
Figure drawn in the test (the chart as progmon drew it with matplotlib
before, constrained layout and legend included) is the reference. The rest
checks the SVG as XML: every part of the chart there where it should be and
absent where it should not, ids unique and under the chart's number, the
same bytes for the same input, and the indicator's name escaped.
"""

from __future__ import annotations

import math
import re
import types
from typing import Any
from xml.etree import ElementTree as ET

import matplotlib as mpl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure

import progmon
from progmon import Direction, Indicator, Level, Measurement, units
from progmon.assessment import assess
from progmon.report import render
from progmon.report._charts import (
    _axis_decimals,
    _chart_data,
    _visible,
    _y_axis,
    chart_svg,
    chartable,
)
from progmon.report._format import Formatter
from progmon.report._text import label

SVG = "http://www.w3.org/2000/svg"
NS = {"svg": SVG}
ONE_ROW = 173.6  # the axes' height over a legend of one row
TWO_ROWS = 161.6  # and of two


def parse(svg: str) -> ET.Element:
    # The chart progmon writes, which must be well-formed XML: expat fetches no DTD.
    return ET.fromstring(svg)  # noqa: S314


def part(root: ET.Element, name: str) -> ET.Element | None:
    return root.find(f".//*[@id='{root.get('id')}-{name}']")


def texts(element: ET.Element | None) -> list[str]:
    assert element is not None
    return [t.text or "" for t in element.iter(f"{{{SVG}}}text")]


def rich(name: str = "Rapportcijfer veilige buurt", **fields: Any) -> Any:
    """Margins, two milestones, a target, a projection and a baseline."""
    indicator = Indicator(
        id="x",
        name=name,
        unit=fields.pop("unit", "mark"),
        measurements=[
            Measurement(2016, 6.6, margin=0.2),
            Measurement(2017, 6.9, margin=0.25),
            Measurement(2018, 7.0, margin=0.2),
            Measurement(2019, 7.05, margin=0.3),
        ],
        target=Level(7.6, by=2023),
        milestones=[Level(7.1, by=2019), Level(7.3, by=2021)],
        **fields,
    )
    return assess(indicator, as_of=2020)


def plain(*figures: tuple[int, float], as_of: int = 2020, **fields: Any) -> Any:
    indicator = Indicator(
        id="y",
        name="Meldingen",
        unit=fields.pop("unit", "report"),
        measurements=[Measurement(year, value) for year, value in figures],
        **fields,
    )
    return assess(indicator, as_of=as_of)


# --------------------------------------------------------------------------- ticks


def matplotlib_axis(ys: list[float], height: float) -> tuple[float, float, list[float]]:
    """matplotlib's limits and drawn ticks for ``ys`` on an axes ``height`` points tall."""
    fig = Figure(figsize=(6.4, 3.0))
    ax = fig.add_axes((0.1, 0.15, 0.85, height / 216))
    ax.tick_params(labelsize=9)  # the charts' font size: one tick per 18 points at most
    ax.plot(range(len(ys)), ys)
    low, high = ax.get_ylim()
    return low, high, _visible([float(t) for t in ax.get_yticks()], low, high)


DATA = [
    [6.6, 7.6],
    [1089, 973, 1031, 1089],
    [22.1, 32.0, 39.6],
    [5.4, 3.4],
    [0.0, 0.0],
    [5.0, 5.0],
    [-5.0, -6.0, -1.0],
    [-1.7, 1.7],
    [1e14, 1e14 + 3],
    [0.001, 0.0012],
    [123456.0, 98765.0],
    [0.5, 1.5, 60.0],
]


@pytest.mark.parametrize("height", [ONE_ROW, TWO_ROWS, 170.18])
@pytest.mark.parametrize("ys", DATA, ids=[str(d) for d in DATA])
def test_the_ticks_are_the_ones_matplotlib_chooses(ys: list[float], height: float) -> None:
    low, high, ticks = _y_axis(ys, height)
    ref_low, ref_high, ref_ticks = matplotlib_axis(ys, height)
    assert (low, high) == (ref_low, ref_high)
    assert _visible(ticks, low, high) == ref_ticks


@given(
    st.lists(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), min_size=2, max_size=8),
    st.sampled_from([ONE_ROW, TWO_ROWS, 120.0, 60.0]),
)
def test_the_ticks_are_matplotlibs_for_any_data(ys: list[float], height: float) -> None:
    low, high, ticks = _y_axis(ys, height)
    ref_low, ref_high, ref_ticks = matplotlib_axis(ys, height)
    assert (low, high) == (ref_low, ref_high)
    assert _visible(ticks, low, high) == ref_ticks


def old_chart_numbers(assessment: Any, fmt: Formatter) -> list[str]:
    """The numbers of the chart as progmon drew it with matplotlib: the whole figure.

    The same artists, legend and constrained layout, so that the axes have
    the height matplotlib gave them, which decides how many ticks fit.
    """
    data = _chart_data(assessment)
    fig = Figure(figsize=(6.4, 3.0), layout="constrained")
    ax = fig.subplots()
    ax.tick_params(labelsize=9)
    if any(data.margins):
        ax.errorbar(data.xs, data.ys, yerr=data.margins, fmt="none", capsize=3, label="m")
    ax.plot(data.xs, data.ys, marker="o", label="s")
    if data.base is not None:
        ax.axhline(data.base[1])
        ax.plot([data.base[0]], [data.base[1]], marker="o", linestyle="none", label="b")
    if data.path:
        ax.plot(*zip(*data.path, strict=True), linestyle="--", label="p")
    if data.target is not None:
        ax.plot([data.target[0]], [data.target[1]], marker="*", linestyle="none", label="t")
    if data.projection:
        ax.plot(*zip(*data.projection, strict=True), linestyle=":", label="j")
    unit = assessment.indicator.unit
    ax.set_ylabel("%" if units.is_share(unit) else fmt.unit_name(unit), fontsize=9)
    entries = len(ax.get_legend_handles_labels()[0])
    fig.legend(loc="outside lower center", ncols=6 if entries < 6 else 3, fontsize=8)
    fig.draw_without_rendering()
    low, high = ax.get_ylim()
    ticks = [float(t) for t in ax.get_yticks()]
    # As the old chart's tick formatter: decimals from every tick the locator gave.
    decimals = _axis_decimals(ticks)
    return [fmt.number(t, decimals) for t in _visible(ticks, low, high)]


def numbers(svg: str) -> list[str]:
    return texts(part(parse(svg), "numbers"))


def test_the_numbers_up_the_side_are_those_of_the_matplotlib_chart() -> None:
    cases = [a for a in assess_all(progmon.load("examples/veiligheid.toml")) if chartable(a)]
    assert len(cases) == 10
    cases += [rich(), rich(unit="percent"), plain((2018, 5), (2019, 5))]
    for lang in ("nl", "en"):
        fmt = Formatter(lang)
        for case in cases:
            assert numbers(chart_svg(case, fmt)) == old_chart_numbers(case, fmt)


def assess_all(programme: Any) -> list[Any]:
    """Every indicator's assessment, components included, as the review lists them."""

    def walk(assessment: Any) -> list[Any]:
        return [assessment, *(a for c in assessment.components for a in walk(c))]

    return [a for top in progmon.assess(programme, as_of=2020).indicators() for a in walk(top)]


def test_a_matplotlibrc_does_not_change_the_chart() -> None:
    fmt = Formatter("nl")
    before = chart_svg(rich(), fmt)
    with mpl.rc_context({"axes.autolimit_mode": "round_numbers", "axes.ymargin": 0.3}):
        assert chart_svg(rich(), fmt) == before


# --------------------------------------------------------------------------- what is drawn


def test_every_part_of_a_rich_chart() -> None:
    fmt = Formatter("nl")
    root = parse(chart_svg(rich(), fmt, number=4))
    assert root.get("viewBox") == "0 0 460.8 216"
    assert root.get("class") == "chart"
    assert root.get("role") == "img"
    assert "DejaVu Sans" in (root.get("font-family") or "")
    # Four figures as a line with a dot each, and their four error bars.
    figures = part(root, "figures")
    assert figures is not None
    assert len(figures.findall(".//svg:circle", NS)) == 4
    margins = part(root, "margins")
    assert margins is not None
    assert len(margins.findall("svg:path", NS)) == 4
    # The baseline: a dotted line across and a hollow ring.
    baseline = part(root, "baseline")
    assert baseline is not None
    assert baseline.find("svg:path", NS) is not None
    assert baseline.find("svg:circle", NS) is not None
    assert baseline.get("fill") == "none"
    # The dashed path from the baseline through two milestones, marked, to the target.
    path = part(root, "path")
    assert path is not None
    line, *marks = path.findall("svg:path", NS)
    assert line.get("stroke-dasharray")
    assert len(marks) == 2
    assert len(re.findall(r"[ML]", line.get("d") or "")) == 4
    assert part(root, "target") is not None
    projection = part(root, "projection")
    assert projection is not None
    assert projection.get("stroke-dasharray")
    assert texts(part(root, "years")) == [str(y) for y in range(2016, 2024)]
    assert texts(part(root, "numbers")) == ["6,4", "6,6", "6,8", "7,0", "7,2", "7,4", "7,6"]
    # Six entries, in two rows of three, filled column by column.
    legend = texts(part(root, "legend"))
    keys = ["series", "baseline", "milestones", "target", "projection", "margin"]
    assert legend == [label(f"chart_{key}", fmt) for key in keys]
    rows = sorted({t.get("y") for t in root.iterfind(".//*[@id='chart-4-legend']/svg:text", NS)})
    assert len(rows) == 2
    # The plot area clips what is drawn in it.
    (clip,) = root.iterfind(".//svg:clipPath", NS)
    assert clip.get("id") == "chart-4-plot"


def test_the_unit_up_the_side() -> None:
    share = parse(chart_svg(rich(unit="percent"), Formatter("en")))
    unit = part(share, "unit")
    assert unit is not None
    assert unit.text == "%"
    assert (unit.get("transform") or "").startswith("rotate(-90 ")
    counts = parse(chart_svg(plain((2018, 5), (2019, 6)), Formatter("nl")))
    count_unit = part(counts, "unit")
    assert count_unit is not None
    assert count_unit.text == "meldingen"
    # A mark has no name: no label, and no room kept for one.
    assert part(parse(chart_svg(rich(), Formatter("nl"))), "unit") is None


def test_what_is_not_there_is_not_drawn() -> None:
    fmt = Formatter("en")
    root = parse(chart_svg(plain((2018, 5), (2019, 6)), fmt))
    for absent in ("margins", "path", "target", "projection"):
        assert part(root, absent) is None, absent
    assert texts(part(root, "legend")) == ["figure", "baseline"]
    # One row of entries.
    assert len({t.get("y") for t in root.iterfind(".//*[@id='chart-1-legend']/svg:text", NS)}) == 1


def test_no_path_to_a_target_the_baseline_meets() -> None:
    fmt = Formatter("en")
    met = plain((2018, 7), (2019, 6), target=Level(5, by=2022), direction=Direction.INCREASE)
    root = parse(chart_svg(met, fmt))
    assert part(root, "path") is None
    assert part(root, "target") is not None
    assert "path to target" not in texts(part(root, "legend"))
    way = plain((2018, 7), (2019, 6), target=Level(9, by=2022), direction=Direction.INCREASE)
    assert part(parse(chart_svg(way, fmt)), "path") is not None


def test_a_path_without_milestones_is_unmarked() -> None:
    fmt = Formatter("en")
    root = parse(chart_svg(plain((2018, 7), (2019, 6), target=Level(9, by=2022)), fmt))
    path = part(root, "path")
    assert path is not None
    assert len(path.findall("svg:path", NS)) == 1
    assert "path to target" in texts(part(root, "legend"))


def test_a_target_or_projection_that_is_no_number_is_left_out() -> None:
    ind = Indicator(
        id="x", name="X", unit="report", measurements=[Measurement(2016, 3), Measurement(2019, 4)]
    )
    quantity = units.Quantity(math.inf, "report")
    a = types.SimpleNamespace(
        indicator=ind,
        as_of=2019,
        baseline=ind.measurements[0],
        latest=ind.measurements[1],
        target_value=quantity,
        projection=quantity,
        deadline=2022,
    )
    root = parse(chart_svg(a, Formatter("en")))
    assert part(root, "target") is None
    assert part(root, "projection") is None
    assert part(root, "figures") is not None


def test_huge_figures_and_margins_that_overflow() -> None:
    ind = Indicator(
        id="x",
        name="X",
        unit="report",
        measurements=[
            Measurement(2018, 1e308, margin=1e308),
            Measurement(2019, 1.5e308, margin=1.7e308),
        ],
        target=Level(1.7e308),
    )
    svg = chart_svg(assess(ind, as_of=2019), Formatter("en"))
    shown = numbers(svg)
    assert "1.5E308" in shown
    assert "1E308" in shown
    # The ticks past the largest float are drawn without a number.
    grid = part(parse(svg), "grid")
    assert grid is not None
    assert (grid.get("d") or "").count("M") > len(shown)
    assert not re.search(r"inf|nan", svg, re.IGNORECASE)
    for number in re.findall(r'(?:x|y|cx|cy|d)="([^"]*)"', svg):
        for value in re.findall(r"-?\d+(?:\.\d+)?", number):
            assert abs(float(value)) < 1000, number


def test_tiny_figures_are_drawn_in_a_power_of_ten() -> None:
    a = plain((2018, 1e-300), (2019, 3e-300), target=Level(2e-300, by=2022))
    root = parse(chart_svg(a, Formatter("en")))
    assert part(root, "target") is not None
    assert len(texts(part(root, "numbers"))) >= 2


def test_years_every_second_year_on_a_longer_span() -> None:
    a = plain(*((year, float(year % 7)) for year in range(2000, 2020)), as_of=2020)
    assert texts(part(parse(chart_svg(a, Formatter("nl"))), "years")) == [
        str(y) for y in range(2000, 2020, 2)
    ]


# --------------------------------------------------------------------------- the SVG


def test_the_svg_is_xml_with_ids_under_the_charts_number() -> None:
    svg = chart_svg(rich(), Formatter("nl"), number=12)
    root = parse(svg)
    assert root.tag == f"{{{SVG}}}svg"
    assert root[0].tag == f"{{{SVG}}}title"
    ids = [e.get("id") for e in root.iter() if e.get("id") is not None]
    assert len(ids) == len(set(ids))
    assert ids[0] == "chart-12"
    assert all(re.fullmatch(r"chart-12(-[a-z]+)?", i or "") for i in ids), ids
    # Every reference points into the chart itself.
    references = re.findall(r"url\(#([^)]*)\)", svg)
    assert references
    assert set(references) <= set(ids)
    assert "href" not in svg
    assert "<style" not in svg
    assert "<script" not in svg
    assert re.findall(r"https?://[^\"]*", svg) == [SVG]


def test_the_same_input_gives_the_same_bytes() -> None:
    first = chart_svg(rich(), Formatter("nl"), number=2)
    assert chart_svg(rich(), Formatter("nl"), number=2) == first
    programme = progmon.load("examples/veiligheid.toml")
    html = render(programme, format="html", as_of=2020)
    assert render(programme, format="html", as_of=2020) == html


@pytest.mark.parametrize("name", ['<script>alert("x")</script> & co', 'a"b', "R&D <b>", "x\x07y"])
def test_the_name_is_escaped(name: str) -> None:
    svg = chart_svg(rich(name=name), Formatter("en"))
    assert "<script" not in svg
    assert "<b>" not in svg
    root = parse(svg)
    caption = root.get("aria-label")
    assert caption == f"Course of {name}".replace("\x07", "\\x07")
    assert root[0].text == caption
    # The name is in the title and the accessible name only, nowhere else.
    assert all(name not in text for text in texts(root))


def test_a_chart_in_the_page_has_no_script_and_its_own_ids() -> None:
    html = render(progmon.load("examples/veiligheid.toml"), format="html", as_of=2020)
    svgs = re.findall(r"<svg\b.*?</svg>", html, re.DOTALL)
    assert len(svgs) == 10
    for number, svg in enumerate(svgs, start=1):
        root = parse(svg)
        assert root.get("id") == f"chart-{number}"
        assert all(
            (e.get("id") or "").startswith(f"chart-{number}") for e in root.iter() if e.get("id")
        )
