"""One chart per indicator, as SVG to put inline in the HTML review.

matplotlib (the ``plot`` extra) is imported only here and only when a chart
is drawn, so the Markdown review works without it. Charts are drawn on a
bare :class:`matplotlib.figure.Figure` (no pyplot, no global state) inside
an ``rc_context``; the SVG output is deterministic (one hash salt, no date)
and self-contained: text stays text in the page's own fonts, and the XML
header, DOCTYPE and metadata are stripped.

matplotlib's SVG is reworked as an XML tree (:mod:`xml.etree.ElementTree`),
never as text: the indicator's name reaches the chart only as the text of
its ``<title>`` and the value of its ``aria-label``, which the serializer
escapes, and the chart's element ids get a prefix made of the chart's
number on the page, not of anything a user wrote.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable
from typing import Any, Final
from xml.etree import ElementTree as ET

import attrs

from progmon._indicator import Measurement
from progmon._inert import inert
from progmon._period import Period
from progmon.errors import ProgmonError

from ._format import Formatter
from ._text import label

__all__ = ["chart_svg", "chartable"]

_SERIES: Final = "#1f4e79"
_TARGET: Final = "#1b7a3a"
_PATH: Final = "#6b7785"
_PROJECTION: Final = "#c25e00"
_BASELINE: Final = "#8a94a0"

_SVG: Final = "http://www.w3.org/2000/svg"
_XLINK: Final = "http://www.w3.org/1999/xlink"
# ElementTree's "{uri}name" as an HTML page writes inline SVG: plain tags,
# "xlink:href". The namespaces are declared as attributes after class, role
# and aria-label, so the chart opens with <svg class="chart" ...> and still
# parses as an SVG document of its own.
_PREFIXES: Final = {_SVG: "", _XLINK: "xlink:"}
_DECLARATIONS: Final = {"xmlns": _SVG, "xmlns:xlink": _XLINK}
_URL_REFERENCE: Final = re.compile(r"url\(#([^)]*)\)")
# The two characters XML 1.0 cannot hold that inert() leaves (it shows the
# controls and surrogates XML refuses too): shown as their escapes as well,
# so that the chart stays an XML document whatever the indicator's name.
_NOT_IN_XML: Final = re.compile("[\ufffe\uffff]")

# matplotlib computes limits, margins and ticks in floats: near 1.8e308 a
# value plus its margin overflows, and near zero the span of 1e-300 figures
# underflows. Outside this band the chart is drawn in units of a power of
# ten, and the axis shows the figures as they are.
_SCALED_BELOW: Final = 1e-15
_SCALED_FROM: Final = 1e15
# At most this many years are named under a chart; longer spans name every
# 2nd, 5th, 10th ... year.
_YEAR_TICKS: Final = 12
_YEAR_STEPS: Final = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
_LEGEND_COLUMNS: Final = 3


class PlotExtraMissing(ProgmonError, ImportError):
    """Charts need matplotlib, the ``plot`` extra."""


def _figures(assessment: Any) -> list[Measurement]:
    """The measurements with a figure, up to the assessment's ``as_of`` year."""
    as_of = assessment.as_of
    return [
        m
        for m in assessment.indicator.measurements
        if m.value is not None and (as_of is None or m.period.start.year <= as_of)
    ]


def chartable(assessment: Any) -> bool:
    """Whether an indicator has the two or more figures a chart needs.

    Example:
        >>> import types
        >>> from progmon import Indicator, Measurement
        >>> ind = Indicator(id="x", name="X", unit="report",
        ...                 measurements=[Measurement(2016, 3), Measurement(2019, 4)])
        >>> chartable(types.SimpleNamespace(indicator=ind, as_of=2019))
        True
        >>> chartable(types.SimpleNamespace(indicator=ind, as_of=2018))
        False
    """
    return len(_figures(assessment)) >= 2


def _x(period: Period) -> float:
    return period.midpoint


def chart_svg(assessment: Any, fmt: Formatter, *, number: int = 1) -> str:
    """An inline SVG chart of one indicator's assessment.

    Shows the figures up to ``as_of`` (with their survey margins), the
    baseline, the target at the deadline with the straight path to it, and
    the projection to the deadline, with a legend in ``fmt``'s language.
    A target or projection that is no number (an overflow in the
    assessment) is left out; the rest is drawn.

    Args:
        assessment: An ``IndicatorAssessment``.
        fmt: The formatter of the review's language.
        number: The chart's number on the page: its element ids are
            ``chart-<number>`` and ``chart-<number>-...``.

    Raises:
        PlotExtraMissing: matplotlib is not installed.

    Example:
        >>> import types
        >>> from progmon import Indicator, Measurement
        >>> ind = Indicator(id='x"><script>', name="X <b>", unit="report",
        ...                 measurements=[Measurement(2016, 3), Measurement(2019, 4)])
        >>> a = types.SimpleNamespace(indicator=ind, as_of=2019, baseline=ind.measurements[0],
        ...     latest=ind.measurements[1], target_value=None, projection=None, deadline=None)
        >>> svg = chart_svg(a, Formatter("nl"), number=3)
        >>> svg.startswith('<svg class="chart" role="img" aria-label="Verloop van X &lt;b&gt;"')
        True
        >>> "<metadata>" in svg, "<script>" in svg, 'id="chart-3"' in svg
        (False, False, True)
    """
    try:
        import matplotlib as mpl
        from matplotlib.figure import Figure
    except ImportError as e:  # pragma: no cover - the test environment has the extra
        raise PlotExtraMissing(
            "charts in the HTML review need matplotlib: pip install 'progmon-nl[plot]'",
            element="report",
        ) from e

    data = _chart_data(assessment)
    with mpl.rc_context(_STYLE):
        fig = Figure(figsize=(6.4, 3.0), layout="constrained")
        ax = fig.subplots()
        ax.grid(axis="y", color="#e3e7eb", linewidth=0.8)
        ax.set_axisbelow(True)
        last_x = _draw(ax, data, fmt)
        _axes(ax, min(data.xs), last_x, assessment.indicator.unit, fmt, scale=data.scale)
        entries = len(ax.get_legend_handles_labels()[0])
        fig.legend(
            loc="outside lower center",
            # Six entries are wider than the chart: two rows of three.
            ncols=6 if entries < _LEGEND_COLUMNS * 2 else _LEGEND_COLUMNS,
            frameon=False,
            fontsize=8,
            handlelength=1.8,
            columnspacing=1.2,
        )
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    caption = f"{label('chart_caption', fmt)} {assessment.indicator.name}"
    title = _NOT_IN_XML.sub(lambda m: f"\\u{ord(m[0]):04x}", inert(caption))
    return _clean(buffer.getvalue(), title, f"chart-{number}")


@attrs.frozen
class _ChartData:
    """What a chart shows, in the chart's scale (values divided by ``scale``)."""

    xs: list[float]
    ys: list[float]
    margins: list[float]
    scale: float
    base: tuple[float, float] | None
    target: tuple[float, float] | None
    projected: float | None
    due: float | None
    steps: list[tuple[float, float]]
    direction: Any


def _chart_data(assessment: Any) -> _ChartData:
    unit = assessment.indicator.unit

    def magnitude(quantity: Any) -> float:
        return float(quantity.m_as(unit))

    figures = _figures(assessment)
    ys = [magnitude(m.value) for m in figures]
    margins = [magnitude(m.margin) if m.margin is not None else 0.0 for m in figures]
    baseline = assessment.baseline
    base_y = (
        magnitude(baseline.value) if baseline is not None and baseline.value is not None else None
    )
    deadline = assessment.deadline
    due_x = deadline + 0.5 if deadline is not None else None
    target_y = _finite(assessment.target_value, magnitude) if due_x is not None else None
    projected = _finite(assessment.projection, magnitude) if due_x is not None else None
    # The path to the target runs through each milestone's value at its year.
    steps = [
        (m.by + 0.5, value)
        for m in getattr(assessment, "milestones", ())
        if (value := _finite(m.required, magnitude)) is not None
    ]
    scale = _scale([*ys, *margins, base_y, target_y, projected, *(v for _, v in steps)])
    return _ChartData(
        xs=[_x(m.period) for m in figures],
        ys=[y / scale for y in ys],
        margins=[m / scale for m in margins],
        scale=scale,
        base=None if base_y is None else (_x(baseline.period), base_y / scale),
        target=None if target_y is None or due_x is None else (due_x, target_y / scale),
        projected=None if projected is None else projected / scale,
        due=due_x,
        steps=[(x, y / scale) for x, y in steps],
        direction=assessment.indicator.direction,
    )


def _draw(ax: Any, data: _ChartData, fmt: Formatter) -> float:
    """Draw the figures, baseline, path, target and projection; return the last x."""
    xs, ys = data.xs, data.ys
    if any(data.margins):
        ax.errorbar(
            xs,
            ys,
            yerr=data.margins,
            fmt="none",
            ecolor=_SERIES,
            alpha=0.45,
            capsize=3,
            linewidth=1,
            label=label("chart_margin", fmt),
        )
    ax.plot(
        xs, ys, color=_SERIES, marker="o", markersize=4.5, linewidth=2,
        label=label("chart_series", fmt),
    )  # fmt: skip
    last_x = xs[-1]
    if data.base is not None:
        ax.axhline(data.base[1], color=_BASELINE, linewidth=0.8, linestyle=(0, (1, 2)))
        ax.plot(
            [data.base[0]],
            [data.base[1]],
            linestyle="none",
            marker="o",
            markersize=9,
            markerfacecolor="none",
            markeredgecolor=_BASELINE,
            markeredgewidth=1.5,
            label=label("chart_baseline", fmt),
        )
    if data.target is not None:
        # No path to a target the baseline already meets (a norm that holds).
        has_way = data.direction is None or (
            data.base is not None and data.direction.sign * (data.target[1] - data.base[1]) > 0
        )
        if data.base is not None and has_way:
            _draw_path(ax, [data.base, *data.steps, data.target], fmt, milestones=len(data.steps))
        ax.plot(
            [data.target[0]],
            [data.target[1]],
            linestyle="none",
            marker="*",
            markersize=13,
            color=_TARGET,
            label=label("chart_target", fmt),
        )
        last_x = max(last_x, data.target[0])
    if data.projected is not None and data.due is not None:
        ax.plot(
            [xs[-1], data.due],
            [ys[-1], data.projected],
            color=_PROJECTION,
            linestyle=":",
            linewidth=2,
            label=label("chart_projection", fmt),
        )
        last_x = max(last_x, data.due)
    return last_x


# The rc settings of a chart: quiet axes, page fonts, a deterministic SVG. The
# hash salt is the same for every chart: their ids differ by their prefix.
# (Any: matplotlib types the keys as a Literal of every rc name.)
def _draw_path(
    ax: Any, points: list[tuple[float, float]], fmt: Formatter, *, milestones: int
) -> None:
    """The path from the baseline to the target, through the milestones (marked) if any."""
    ax.plot(
        [x for x, _ in points],
        [y for _, y in points],
        color=_PATH,
        linestyle="--",
        linewidth=1.2,
        marker="d" if milestones else None,
        markevery=list(range(1, milestones + 1)) if milestones else None,
        markersize=5,
        label=label("chart_milestones" if milestones else "chart_path", fmt),
    )


_STYLE: Final[Any] = {
    "svg.hashsalt": "progmon",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#9aa3ad",
    "axes.labelcolor": "#333333",
    "xtick.color": "#555555",
    "ytick.color": "#555555",
}


def _finite(quantity: Any, magnitude: Any) -> float | None:
    """``quantity``'s magnitude, or None where there is none or it is no number."""
    if quantity is None:
        return None
    value = float(magnitude(quantity))
    return value if math.isfinite(value) else None


def _scale(values: Iterable[float | None]) -> float:
    """The power of ten the chart is drawn in: 1 unless its figures are huge or tiny.

    Example:
        >>> _scale([3.0, 1089.0, None]), _scale([1.5e308, 1e308]), _scale([2e-300, 0.0])
        (1.0, 1e+308, 1e-300)
    """
    largest = max((abs(v) for v in values if v is not None and math.isfinite(v)), default=0.0)
    if largest == 0.0 or _SCALED_BELOW <= largest < _SCALED_FROM:
        return 1.0
    return float(10.0 ** math.floor(math.log10(largest)))


def _axes(ax: Any, first: float, last: float, unit: Any, fmt: Formatter, *, scale: float) -> None:
    """Years under the figures, numbers in the review's language up the side."""
    from matplotlib.ticker import FuncFormatter

    from progmon import units

    first_year, last_year = int(first), int(last)
    span = last_year - first_year
    step = next((s for s in _YEAR_STEPS if span <= _YEAR_TICKS * s), _YEAR_STEPS[-1])
    years = list(range(first_year, last_year + 1, step))
    ax.set_xticks([y + 0.5 for y in years], [fmt.year(y) for y in years])
    ax.set_xlim(first_year - 0.1, last_year + 1.1)

    def unscaled(tick: float) -> float:
        # A tick of 1.2 in units of 1e308 is the figure 1.2e308, not 1.2000000000000001e308.
        return float(tick) if scale == 1.0 else float(f"{float(tick) * scale:.12g}")

    def tick_label(tick: float, _position: int) -> str:
        figure = unscaled(tick)
        if not math.isfinite(figure):
            return ""  # a margin may reach past the largest float: drawn, not named
        return fmt.number(figure, _axis_decimals(unscaled(t) for t in ax.get_yticks()))

    ax.yaxis.set_major_formatter(FuncFormatter(tick_label))
    ax.set_ylabel("%" if units.is_share(unit) else fmt.unit_name(unit))


def _axis_decimals(ticks: Iterable[float]) -> int:
    shown = [t for t in ticks if abs(t) > 1e-12 and math.isfinite(t)]
    if all(float(t).is_integer() for t in shown):
        return 0
    return 1 if all(float(round(t * 10, 6)).is_integer() for t in shown) else 2


def _plain(name: str) -> str:
    """An ElementTree name (``{uri}href``) as the page writes it (``xlink:href``)."""
    uri, brace, local = name[1:].partition("}")
    if name.startswith("{") and brace and uri in _PREFIXES:
        return _PREFIXES[uri] + local
    return name


def _clean(svg: str, title: str, prefix: str) -> str:
    """Matplotlib's SVG as inline SVG for the page, with ``title`` and ids under ``prefix``.

    Example:
        >>> raw = ('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" '
        ...        'width="10pt" height="5pt" viewBox="0 0 10 5"><metadata>m</metadata>'
        ...        '<clipPath id="p1"/><g clip-path="url(#p1)"/></svg>')
        >>> _clean(raw, 'A "quote" & <tag>', "chart-2")  # doctest: +NORMALIZE_WHITESPACE
        '<svg class="chart" role="img" aria-label="A &quot;quote&quot; &amp; &lt;tag&gt;"
        xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
        viewBox="0 0 10 5" id="chart-2"><title>A "quote" &amp; &lt;tag&gt;</title><clipPath
        id="chart-2-p1" /><g clip-path="url(#chart-2-p1)" /></svg>'
    """
    # matplotlib's own output: parsing it resolves no entity and fetches no DTD.
    root = ET.fromstring(svg)  # noqa: S314
    metadata = f"{{{_SVG}}}metadata"
    for parent in root.iter():
        for child in [c for c in parent if c.tag == metadata]:
            parent.remove(child)
    for element in root.iter():
        element.tag = _plain(element.tag)
        element.attrib = {_plain(key): value for key, value in element.attrib.items()}
    _prefix_ids(root, prefix)
    # The page sizes the chart: width from CSS, height from the viewBox.
    kept = {k: v for k, v in root.attrib.items() if k not in {"width", "height", "id"}}
    root.attrib = {
        "class": "chart",
        "role": "img",
        "aria-label": title,
        **_DECLARATIONS,
        **kept,
        "id": prefix,
    }
    caption = ET.Element("title")
    caption.text = title
    caption.tail, root.text = root.text, None
    root.insert(0, caption)
    return ET.tostring(root, encoding="unicode").strip()


def _prefix_ids(root: ET.Element, prefix: str) -> None:
    """Put ``prefix`` before every id in ``root`` and every reference to one.

    matplotlib numbers its elements ``axes_1``, ``line2d_1`` ... in every
    chart, so that many charts on one page need a prefix each. References
    are ``#id`` in ``xlink:href`` and ``url(#id)`` in any attribute or style.
    """
    ids = {e.attrib["id"]: f"{prefix}-{e.attrib['id']}" for e in root.iter() if "id" in e.attrib}

    def renamed(match: re.Match[str]) -> str:
        return f"url(#{ids.get(match[1], match[1])})"

    def rewritten(key: str, value: str) -> str:
        if key == "id":
            return ids[value]
        if key in {"href", "xlink:href"} and value.startswith("#"):
            return "#" + ids.get(value[1:], value[1:])
        return _URL_REFERENCE.sub(renamed, value)

    for element in root.iter():
        element.attrib = {key: rewritten(key, value) for key, value in element.attrib.items()}
        if element.tag == "style" and element.text:
            element.text = _URL_REFERENCE.sub(renamed, element.text)
