"""One chart per indicator, as SVG to put inline in the HTML review.

The chart is written directly as an SVG tree with :mod:`xml.etree.ElementTree`:
every text in it, the indicator's name above all, reaches the markup only
through the serializer, which escapes it. Its element ids are
``chart-<number>`` and ``chart-<number>-<part>``, made of the chart's number
on the page, never of anything a user wrote. The SVG is deterministic (same
input, same bytes) and self-contained: no external reference, no script, no
``<style>`` (presentation attributes only, which no CSP governs), text as
``<text>`` in the page's own fonts.

The layout is that of the matplotlib charts progmon drew before: a viewBox
of 460.8 x 216 (a 6.4 x 3.0 in figure at 72 pt/in), the axes and legend
where matplotlib's constrained layout put them, text measured with DejaVu
Sans's advance widths. The numbers up the side are matplotlib's own choice:
its default locator (:class:`matplotlib.ticker.MaxNLocator` with
AutoLocator's steps) on the data limits with matplotlib's default 5 %
margins, so matplotlib (the ``plot`` extra) is still needed, and imported
only here and only when a chart is drawn: the Markdown review works
without it. Drawing the figure with matplotlib cost about 60 ms a chart
(artists, font metrics, constrained layout, a Babel call per tick per
draw); this costs well under a millisecond.
"""

from __future__ import annotations

import contextlib
import math
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, Final
from xml.etree import ElementTree as ET

import attrs

from progmon._indicator import Measurement
from progmon._inert import inert
from progmon._period import Period
from progmon.errors import ProgmonError

from ._format import Formatter
from ._text import compared_with, label

__all__ = ["chart_svg", "chartable"]

_SERIES: Final = "#1f4e79"
_TARGET: Final = "#1b7a3a"
_PATH: Final = "#6b7785"
_PROJECTION: Final = "#c25e00"
_BASELINE: Final = "#8a94a0"
_GRID: Final = "#e3e7eb"
_SPINE: Final = "#9aa3ad"
_TICKS: Final = "#555555"
_AXIS_LABEL: Final = "#333333"
# The reference lines (the country, the province, ...), in turn: dark enough on white.
_REFERENCES: Final = ("#7b3294", "#a6611a", "#008080", "#5e3c99", "#b2182b")
_SQUARE: Final = 2.0  # half a reference figure's square marker
_FONTS: Final = "'DejaVu Sans', Arial, Helvetica, sans-serif"

# The chart's values are in the indicator's unit: a percentage up the side is "%",
# a permillage "‰"; a share of one (dimensionless) is named as its unit is.
_AXIS_SIGNS: Final = {100.0: "%", 1000.0: "‰"}

_SVG: Final = "http://www.w3.org/2000/svg"
# The two characters XML 1.0 cannot hold that inert() leaves (it shows the
# controls and surrogates XML refuses too): shown as their escapes as well,
# so that the chart stays an XML document whatever the indicator's name.
_NOT_IN_XML: Final = str.maketrans({"\ufffe": "\\ufffe", "\uffff": "\\uffff"})

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

# ----------------------------------------------------------------- the layout
# Lengths in the viewBox's units (points). Where a number is not a setting of
# the old charts (font sizes, tick lengths, legend spacing in ems), it is
# where matplotlib's constrained layout put things in them, measured on its
# SVG: the charts keep their look, and their aspect ratio on the page.
_WIDTH: Final = 460.8
_HEIGHT: Final = 216.0
_PAD: Final = 3.0  # constrained layout's padding around everything
_FONT: Final = 9.0  # axis text
_LEGEND_FONT: Final = 8.0
_TICK: Final = 3.5  # a tick's length, and the gap between tick and label
_LABEL_PAD: Final = 4.0  # between the unit label and the numbers
# A line of DejaVu Sans as matplotlib measures it: 0.76 em above the baseline,
# 0.24 below; a number beside a tick has its baseline 0.38 em below it.
_ASCENT: Final = 0.76
_CENTRE_TO_BASELINE: Final = 0.38
_ROW: Final = 12.0  # legend rows: 1.5 em of 8 pt
_LAST_ROW: Final = 204.08  # the centre of the legend's last row
_AXES_TO_LEGEND: Final = 27.48  # from the axes' bottom to the legend's first row
_HANDLE: Final = 14.4  # a legend's handle, 1.8 em
_HANDLE_TO_TEXT: Final = 6.4  # 0.8 em
_COLUMN_GAP: Final = 9.6  # 1.2 em
_TEXT_BASELINE: Final = 2.8  # a legend text's baseline below its row's centre
# matplotlib's default AutoLocator: at most one tick per two font heights of
# the axis, at most 9 intervals, in steps of 1, 2, 2.5, 5 or 10 times a power
# of ten; and the 5 % margin it adds to the data limits (axes.ymargin).
_STEPS: Final = (1.0, 2.0, 2.5, 5.0, 10.0)
_MAX_BINS: Final = 9
_MARGIN: Final = 0.05

# DejaVu Sans's advance widths, in 1/2048 em, for " " to "~" (read from the
# font matplotlib ships: FT2Font.load_char(c).linearHoriAdvance at 2048 px):
# they place the legend's entries and the axes beside the numbers' width.
_ADVANCES: Final = (
    *(651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690),
    *(1303,) * 10,
    *(690, 690, 1716, 1716, 1716, 1087, 2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587),
    *(1540, 604, 604, 1343, 1141, 1767, 1532, 1612, 1235, 1612, 1423, 1300, 1251, 1499),
    *(1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024, 1024, 1255, 1300, 1126),
    *(1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253, 1300, 1300),
    *(842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716),
)
_OTHER_ADVANCES: Final = {
    "\xa0": 651,
    "\u202f": 409,
    "\u2212": 1716,
    "\u2013": 1024,
    "\u2014": 2048,
    "\u20ac": 1303,
    "\xb1": 1716,
}
_UNKNOWN_ADVANCE: Final = 1303  # a digit's: DejaVu Sans's most common width


# matplotlib's markers: a 5-pointed star of 13 pt ("*"), a thin diamond of 5 pt
# ("d"), circles of 4.5 pt ("o") and 9 pt (the baseline's hollow one).
def _star(radius: float, inner: float) -> tuple[tuple[float, float], ...]:
    """The outline of a five-pointed star, point up, as matplotlib's ``Path.unit_regular_star``."""
    return tuple(
        (r * math.cos(a), -r * math.sin(a))  # SVG's y runs down
        for k in range(10)
        for r, a in [(radius if k % 2 == 0 else inner, math.radians(90 + 36 * k))]
    )


_STAR: Final = _star(6.5, 6.5 * 0.381966)
_DIAMOND: Final = ((0.0, 3.535534), (2.12132, 0.0), (0.0, -3.535534), (-2.12132, 0.0))
_DOT: Final = 2.25
_RING: Final = 4.5
_CAP: Final = 3.0  # half an error bar's cap
# Dashes as matplotlib scales its patterns with the line's width.
_DOTTED_THIN: Final = "0.8,1.6"
_DASHED: Final = "4.44,1.92"
_DOTTED: Final = "2,3.3"


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
    baseline, the target at the deadline with the straight path to it
    (through the milestones, marked, where there are any), and the
    projection to the deadline, with a legend in ``fmt``'s language.
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
        >>> 'viewBox="0 0 460.8 216"' in svg, "<script>" in svg, 'id="chart-3"' in svg
        (True, False, True)
    """
    try:
        import matplotlib.ticker  # noqa: F401  # the y-axis ticks are matplotlib's
    except ImportError as e:  # pragma: no cover - the test environment has the extra
        raise PlotExtraMissing(
            "charts in the HTML review need matplotlib: pip install 'progmon-nl[plot]'",
            element="report",
        ) from e

    from progmon import units

    data = _chart_data(assessment)
    unit = assessment.indicator.unit
    caption = _shown(
        f"{label('chart_caption', fmt)} {assessment.indicator.name}"
        + compared_with([name for name, _ in data.references], fmt)
    )
    legend = _legend(data, fmt)
    layout = _layout(
        data,
        fmt,
        rows=math.ceil(len(legend) / _columns(len(legend))),
        unit_label=_shown(_AXIS_SIGNS.get(units.share_scale(unit) or 0.0) or fmt.unit_name(unit)),
    )
    prefix = f"chart-{number}"
    root = ET.Element(
        "svg",
        {
            "class": "chart",
            "role": "img",
            "aria-label": caption,
            "xmlns": _SVG,
            "viewBox": f"0 0 {_n(_WIDTH)} {_n(_HEIGHT)}",
            "id": prefix,
            "font-family": _FONTS,
        },
    )
    ET.SubElement(root, "title").text = caption
    _background(root, layout, prefix)
    _draw(root, data, layout, prefix)
    _axes(root, layout, prefix)
    _draw_legend(root, legend, prefix)
    return ET.tostring(root, encoding="unicode")


def _shown(text: str) -> str:
    """``text`` as a chart shows it: controls as their escapes, XML-safe."""
    return inert(text).translate(_NOT_IN_XML)


# ----------------------------------------------------------------- the data


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
    references: list[tuple[str, list[tuple[float, float]]]] = attrs.field(factory=list)
    """Each reference's name and figures (x, y), up to ``as_of``."""

    @property
    def path(self) -> list[tuple[float, float]]:
        """The path from the baseline through the milestones to the target, if drawn."""
        if self.base is None or self.target is None:
            return []
        # No path to a target the baseline already meets (a norm that holds).
        if (
            self.direction is not None
            and self.direction.sign * (self.target[1] - self.base[1]) <= 0
        ):
            return []
        return [self.base, *self.steps, self.target]

    @property
    def projection(self) -> list[tuple[float, float]]:
        """The projection from the latest figure to the deadline, if there is one."""
        if self.projected is None or self.due is None:
            return []
        return [(self.xs[-1], self.ys[-1]), (self.due, self.projected)]

    @property
    def last_x(self) -> float:
        """The last x the chart shows: the latest figure, the target or the deadline."""
        ends = [self.xs[-1]]
        if self.target is not None:
            ends.append(self.target[0])
        if self.projection:
            ends.append(self.projection[-1][0])
        return max(ends)

    def limits(self) -> list[float]:
        """Every y the chart draws: matplotlib's data limits are their extremes."""
        ys = [*self.ys]
        if any(self.margins):
            ys += [y - m for y, m in zip(self.ys, self.margins, strict=True)]
            ys += [y + m for y, m in zip(self.ys, self.margins, strict=True)]
        ys += [y for _, y in [*self.path, *self.projection]]
        ys += [y for _, points in self.references for _, y in points]
        if self.base is not None:
            ys.append(self.base[1])
        if self.target is not None:
            ys.append(self.target[1])
        return [y for y in ys if math.isfinite(y)]


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
    as_of = assessment.as_of
    references = [
        (
            reference.name,
            [
                (_x(m.period), magnitude(m.value))
                for m in reference.measurements
                if m.value is not None and (as_of is None or m.period.start.year <= as_of)
            ],
        )
        for reference in getattr(assessment.indicator, "references", ())
    ]
    references = [(name, points) for name, points in references if points]
    scale = _scale(
        [
            *ys,
            *margins,
            base_y,
            target_y,
            projected,
            *(v for _, v in steps),
            *(y for _, points in references for _, y in points),
        ]
    )
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
        references=[(name, [(x, y / scale) for x, y in points]) for name, points in references],
    )


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


# ----------------------------------------------------------------- the axes


def _y_axis(ys: Sequence[float], height: float) -> tuple[float, float, list[float]]:
    """The y limits and ticks matplotlib chooses for data ``ys`` on an axes ``height`` tall.

    The same steps as matplotlib's ``Axes.autoscale_view`` with its default
    locator and margins: widen a single value, add 5 % on each side, then
    the locator's ticks, which reach a step beyond the limits (as
    ``Axes.get_yticks``).

    Example:
        >>> low, high, ticks = _y_axis([6.6, 7.6], 161.6)
        >>> round(low, 2), round(high, 2), [round(t, 1) for t in ticks]
        (6.55, 7.65, [6.4, 6.6, 6.8, 7.0, 7.2, 7.4, 7.6, 7.8])
    """
    import matplotlib as mpl
    from matplotlib.ticker import MaxNLocator

    # One tick per two font heights at most, as the axis's get_tick_space.
    bins = min(max(math.floor(height / (2 * _FONT)), 1), _MAX_BINS)
    locator = MaxNLocator(nbins=bins, steps=list(_STEPS))
    # The locator reads one setting, the autolimit mode: its default, whatever
    # a matplotlibrc says, so that the same data make the same chart anywhere.
    pinned = (
        contextlib.nullcontext()
        if mpl.rcParams["axes.autolimit_mode"] == "data"
        else mpl.rc_context({"axes.autolimit_mode": "data"})
    )
    with pinned:
        low, high = locator.nonsingular(min(ys), max(ys))
        margin = (high - low) * _MARGIN
        low, high = locator.view_limits(low - margin, high + margin)
        ticks = [float(t) for t in locator.tick_values(low, high)]
    return float(low), float(high), ticks


def _visible(ticks: Iterable[float], low: float, high: float) -> list[float]:
    """The ticks matplotlib draws: those within the limits, give or take rounding."""
    slack = 1e-10 * (high - low)
    return [t for t in ticks if low - slack <= t <= high + slack]


def _axis_decimals(ticks: Iterable[float]) -> int:
    shown = [t for t in ticks if abs(t) > 1e-12 and math.isfinite(t)]
    if all(float(t).is_integer() for t in shown):
        return 0
    return 1 if all(float(round(t * 10, 6)).is_integer() for t in shown) else 2


def _width(text: str, size: float) -> float:
    """The width of ``text`` in DejaVu Sans of ``size`` points.

    Example:
        >>> round(_width("1.050", 9), 2), round(_width("meting", 8), 2)
        (25.77, 28.22)
    """
    total = 0
    for char in text:
        code = ord(char)
        if 32 <= code < 127:
            total += _ADVANCES[code - 32]
        elif char in _OTHER_ADVANCES:
            total += _OTHER_ADVANCES[char]
        else:
            # An accented letter is as wide as its letter in DejaVu Sans.
            base = unicodedata.normalize("NFD", char)[:1]
            ascii_base = base and 32 <= ord(base) < 127
            total += _ADVANCES[ord(base) - 32] if ascii_base else _UNKNOWN_ADVANCE
    return total * size / 2048


@attrs.frozen
class _Layout:
    """Where a chart's axes are, and what they show."""

    left: float
    right: float
    top: float
    bottom: float
    x_low: float
    x_high: float
    y_low: float
    y_high: float
    years: list[tuple[float, str]]  # (x, label) under the axes
    numbers: list[tuple[float, str]]  # (y, label) up the side
    unit_label: str

    def x(self, value: float) -> float:
        return self.left + (value - self.x_low) / (self.x_high - self.x_low) * (
            self.right - self.left
        )

    def y(self, value: float) -> float:
        return self.bottom - (value - self.y_low) / (self.y_high - self.y_low) * (
            self.bottom - self.top
        )


def _layout(data: _ChartData, fmt: Formatter, *, rows: int, unit_label: str) -> _Layout:
    """The axes' place and ticks: the legend below, numbers and unit label beside."""
    bottom = _LAST_ROW - (rows - 1) * _ROW - _AXES_TO_LEGEND
    top = _PAD
    ys = data.limits()
    y_low, y_high, ticks = _y_axis(ys, bottom - top)
    # A number at the very top sticks out above the axes: they move down for
    # it, as constrained layout does (which can change the ticks, so again).
    for _ in range(2):
        shown = _visible(ticks, y_low, y_high)
        above = max(shown, default=y_low)
        share = (y_high - above) / (y_high - y_low)  # of the height, above it
        label_top = _FONT * (_ASCENT - _CENTRE_TO_BASELINE)
        needed = _PAD + label_top
        if top + share * (bottom - top) >= needed - 1e-9:
            break
        top = (needed - share * bottom) / (1 - share)
        y_low, y_high, ticks = _y_axis(ys, bottom - top)
    shown = _visible(ticks, y_low, y_high)

    def unscaled(tick: float) -> float:
        # A tick of 1.2 in units of 1e308 is the figure 1.2e308, not 1.2000000000000001e308.
        return tick if data.scale == 1.0 else float(f"{tick * data.scale:.12g}")

    decimals = _axis_decimals(unscaled(t) for t in ticks)
    numbers = [
        # A margin may reach past the largest float: drawn, not named.
        (t, fmt.number(figure, decimals) if math.isfinite(figure := unscaled(t)) else "")
        for t in shown
    ]
    widest = max((_width(text, _FONT) for _, text in numbers), default=0.0)
    left = _PAD + widest + 2 * _TICK
    if unit_label:
        left += _FONT + _LABEL_PAD

    first_year, last_year = int(min(data.xs)), int(data.last_x)
    span = last_year - first_year
    step = next((s for s in _YEAR_STEPS if span <= _YEAR_TICKS * s), _YEAR_STEPS[-1])
    years = [(y + 0.5, fmt.year(y)) for y in range(first_year, last_year + 1, step)]
    x_low, x_high = first_year - 0.1, last_year + 1.1
    right = _WIDTH - _PAD
    # The last year's name may reach past the right edge (a long span ends a
    # few tenths of a year after its last named year): the axes narrow for it.
    last, text = years[-1]
    share = (last - x_low) / (x_high - x_low)
    half = _width(text, _FONT) / 2
    if left + share * (right - left) + half > _WIDTH - _PAD:
        right = left + (_WIDTH - _PAD - half - left) / share
    return _Layout(
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        x_low=x_low,
        x_high=x_high,
        y_low=y_low,
        y_high=y_high,
        years=years,
        numbers=numbers,
        unit_label=unit_label,
    )


# ----------------------------------------------------------------- drawing


def _n(value: float) -> str:
    """A coordinate as the SVG writes it: two decimals at most, no "-0"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _line(points: Iterable[tuple[float, float]]) -> str:
    return "M" + " L".join(f"{_n(x)} {_n(y)}" for x, y in points)


def _shape(outline: Iterable[tuple[float, float]], x: float, y: float) -> str:
    return _line((x + dx, y + dy) for dx, dy in outline) + "z"


def _square(x: float, y: float) -> str:
    """A reference figure's marker: a small square around (x, y)."""
    side = _n(2 * _SQUARE)
    return f"M{_n(x - _SQUARE)} {_n(y - _SQUARE)} h{side} v{side} h-{side}Z"


def _sub(parent: ET.Element, tag: str, **attributes: str) -> ET.Element:
    # Python names for SVG's attributes: stroke_width is stroke-width.
    return ET.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attributes.items()})


def _background(root: ET.Element, layout: _Layout, prefix: str) -> None:
    """The white page, the plot area's clip, and the grid behind the figures."""
    _sub(root, "rect", width=_n(_WIDTH), height=_n(_HEIGHT), fill="#ffffff")
    clip = _sub(_sub(root, "defs"), "clipPath", id=f"{prefix}-plot")
    _sub(
        clip,
        "rect",
        x=_n(layout.left),
        y=_n(layout.top),
        width=_n(layout.right - layout.left),
        height=_n(layout.bottom - layout.top),
    )
    d = " ".join(
        f"M{_n(layout.left)} {_n(layout.y(t))} H{_n(layout.right)}" for t, _ in layout.numbers
    )
    if d:
        _sub(
            root,
            "path",
            id=f"{prefix}-grid",
            d=d,
            fill="none",
            stroke=_GRID,
            stroke_width="0.8",
            stroke_linecap="square",
        )


def _draw(root: ET.Element, data: _ChartData, layout: _Layout, prefix: str) -> None:
    """The figures, margins, baseline, path, target and projection, in the plot area."""
    area = _sub(root, "g", clip_path=f"url(#{prefix}-plot)", stroke_linejoin="round")
    points = [(layout.x(x), layout.y(y)) for x, y in zip(data.xs, data.ys, strict=True)]
    if any(data.margins):
        bars = _sub(area, "g", id=f"{prefix}-margins", stroke=_SERIES, stroke_opacity="0.45")
        for (x, _), y, m in zip(points, data.ys, data.margins, strict=True):
            low, high = layout.y(y - m), layout.y(y + m)
            _sub(
                bars,
                "path",
                d=f"M{_n(x)} {_n(low)} V{_n(high)}"
                f" M{_n(x - _CAP)} {_n(low)} H{_n(x + _CAP)}"
                f" M{_n(x - _CAP)} {_n(high)} H{_n(x + _CAP)}",
            )
    _draw_references(area, data, layout, prefix)  # under the municipality's own line
    figures = _sub(area, "g", id=f"{prefix}-figures")
    _sub(
        figures,
        "path",
        d=_line(points),
        fill="none",
        stroke=_SERIES,
        stroke_width="2",
        stroke_linecap="square",
    )
    dots = _sub(figures, "g", fill=_SERIES, stroke=_SERIES)
    for x, y in points:
        _sub(dots, "circle", cx=_n(x), cy=_n(y), r=_n(_DOT))
    if data.base is not None:
        base = _sub(area, "g", id=f"{prefix}-baseline", fill="none", stroke=_BASELINE)
        y = layout.y(data.base[1])
        _sub(
            base,
            "path",
            d=f"M{_n(layout.left)} {_n(y)} H{_n(layout.right)}",
            stroke_width="0.8",
            stroke_dasharray=_DOTTED_THIN,
        )
        _sub(
            base, "circle", cx=_n(layout.x(data.base[0])), cy=_n(y), r=_n(_RING), stroke_width="1.5"
        )
    if path := data.path:
        drawn = [(layout.x(x), layout.y(y)) for x, y in path]
        way = _sub(area, "g", id=f"{prefix}-path", fill=_PATH, stroke=_PATH)
        _sub(way, "path", d=_line(drawn), fill="none", stroke_width="1.2", stroke_dasharray=_DASHED)
        for x, y in drawn[1:-1]:
            _sub(way, "path", d=_shape(_DIAMOND, x, y), stroke_linejoin="miter")
    if data.target is not None:
        x, y = layout.x(data.target[0]), layout.y(data.target[1])
        _sub(
            area,
            "path",
            id=f"{prefix}-target",
            d=_shape(_STAR, x, y),
            fill=_TARGET,
            stroke=_TARGET,
            stroke_linejoin="bevel",
        )
    if projection := data.projection:
        _sub(
            area,
            "path",
            id=f"{prefix}-projection",
            d=_line((layout.x(x), layout.y(y)) for x, y in projection),
            fill="none",
            stroke=_PROJECTION,
            stroke_width="2",
            stroke_dasharray=_DOTTED,
        )


def _draw_references(area: ET.Element, data: _ChartData, layout: _Layout, prefix: str) -> None:
    """A line per reference, each in its colour, a square at each figure."""
    for number, (_, reference) in enumerate(data.references):
        colour = _REFERENCES[number % len(_REFERENCES)]
        drawn = [(layout.x(x), layout.y(y)) for x, y in reference]
        line = _sub(area, "g", id=f"{prefix}-reference-{number + 1}", fill=colour, stroke=colour)
        _sub(line, "path", d=_line(drawn), fill="none", stroke_width="1.5")
        for x, y in drawn:
            _sub(line, "path", d=_square(x, y))


def _axes(root: ET.Element, layout: _Layout, prefix: str) -> None:
    """The two spines, years under the figures, numbers and the unit up the side."""
    left, bottom = _n(layout.left), _n(layout.bottom)
    _sub(
        root,
        "path",
        d=f"M{left} {_n(layout.top)} V{bottom} H{_n(layout.right)}",
        fill="none",
        stroke=_SPINE,
        stroke_width="0.8",
        stroke_linecap="square",
        stroke_linejoin="miter",
    )
    font = {"font_size": _n(_FONT), "fill": _TICKS}
    ticks = {"stroke": _TICKS, "stroke_width": "0.8"}
    x_axis = _sub(root, "g", id=f"{prefix}-years", text_anchor="middle", **font)
    _sub(
        x_axis,
        "path",
        d=" ".join(f"M{_n(layout.x(x))} {bottom} v{_n(_TICK)}" for x, _ in layout.years),
        **ticks,
    )
    baseline = _n(layout.bottom + 2 * _TICK + _ASCENT * _FONT)
    for x, text in layout.years:
        _sub(x_axis, "text", x=_n(layout.x(x)), y=baseline).text = text
    y_axis = _sub(root, "g", id=f"{prefix}-numbers", text_anchor="end", **font)
    if layout.numbers:
        _sub(
            y_axis,
            "path",
            d=" ".join(f"M{left} {_n(layout.y(t))} h-{_n(_TICK)}" for t, _ in layout.numbers),
            **ticks,
        )
    beside = _n(layout.left - 2 * _TICK)
    for t, text in layout.numbers:
        if text:  # a tick past the largest float has a mark, no number
            y = _n(layout.y(t) + _CENTRE_TO_BASELINE * _FONT)
            _sub(y_axis, "text", x=beside, y=y).text = text
    if layout.unit_label:
        # Read bottom to top, centred on the axes, its baseline a line's ascent in.
        at_x, at_y = _n(_PAD + _ASCENT * _FONT), _n((layout.top + layout.bottom) / 2)
        _sub(
            root,
            "text",
            id=f"{prefix}-unit",
            x=at_x,
            y=at_y,
            transform=f"rotate(-90 {at_x} {at_y})",
            text_anchor="middle",
            font_size=_n(_FONT),
            fill=_AXIS_LABEL,
        ).text = layout.unit_label


# ----------------------------------------------------------------- the legend


def _legend(data: _ChartData, fmt: Formatter) -> list[tuple[str, str]]:
    """The legend's entries, (kind, text), in matplotlib's order: lines, then error bars."""
    entries = [("figures", label("chart_series", fmt))]
    if data.base is not None:
        entries.append(("baseline", label("chart_baseline", fmt)))
    if data.path:
        milestones = len(data.path) > 2
        kind = "milestones" if milestones else "path"
        entries.append((kind, label(f"chart_{kind}", fmt)))
    if data.target is not None:
        entries.append(("target", label("chart_target", fmt)))
    if data.projection:
        entries.append(("projection", label("chart_projection", fmt)))
    if any(data.margins):
        entries.append(("margins", label("chart_margin", fmt)))
    # Each reference by its name, a text from the file: escaped by the XML API.
    entries.extend(
        (f"reference-{number}", _shown(name)) for number, (name, _) in enumerate(data.references)
    )
    return entries


def _columns(entries: int) -> int:
    # Six entries are wider than the chart: two rows of three; else one row.
    return entries if entries < _LEGEND_COLUMNS * 2 else _LEGEND_COLUMNS


def _draw_legend(root: ET.Element, entries: list[tuple[str, str]], prefix: str) -> None:
    """The legend under the axes, centred, filled column by column as matplotlib does."""
    columns = _columns(len(entries))
    rows = math.ceil(len(entries) / columns)
    grid = [entries[c * rows : (c + 1) * rows] for c in range(columns)]
    widths = [
        _HANDLE + _HANDLE_TO_TEXT + max(_width(text, _LEGEND_FONT) for _, text in column)
        for column in grid
    ]
    x = (_WIDTH - sum(widths) - _COLUMN_GAP * (columns - 1)) / 2
    legend = _sub(root, "g", id=f"{prefix}-legend", font_size=_n(_LEGEND_FONT))
    first_row = _LAST_ROW - (rows - 1) * _ROW
    for column, width in zip(grid, widths, strict=True):
        for row, (kind, text) in enumerate(column):
            y = first_row + row * _ROW
            _handle(legend, kind, x, y)
            text_x, text_y = _n(x + _HANDLE + _HANDLE_TO_TEXT), _n(y + _TEXT_BASELINE)
            _sub(legend, "text", x=text_x, y=text_y).text = text
        x += width + _COLUMN_GAP


def _handle(legend: ET.Element, kind: str, x: float, y: float) -> None:
    """The sample of one legend entry: its line and marker, as on the chart."""
    middle = x + _HANDLE / 2
    across = f"M{_n(x)} {_n(y)} H{_n(x + _HANDLE)}"
    if kind == "figures":
        _sub(
            legend,
            "path",
            d=across,
            stroke=_SERIES,
            stroke_width="2",
            stroke_linecap="square",
        )
        _sub(legend, "circle", cx=_n(middle), cy=_n(y), r=_n(_DOT), fill=_SERIES, stroke=_SERIES)
    elif kind == "baseline":
        _sub(
            legend,
            "circle",
            cx=_n(middle),
            cy=_n(y),
            r=_n(_RING),
            fill="none",
            stroke=_BASELINE,
            stroke_width="1.5",
        )
    elif kind in {"path", "milestones"}:
        _sub(legend, "path", d=across, stroke=_PATH, stroke_width="1.2", stroke_dasharray=_DASHED)
        if kind == "milestones":
            _sub(
                legend,
                "path",
                d=_shape(_DIAMOND, middle, y),
                fill=_PATH,
                stroke=_PATH,
                stroke_linejoin="miter",
            )
    elif kind == "target":
        _sub(
            legend,
            "path",
            d=_shape(_STAR, middle, y),
            fill=_TARGET,
            stroke=_TARGET,
            stroke_linejoin="bevel",
        )
    elif kind == "projection":
        _sub(
            legend,
            "path",
            d=across,
            stroke=_PROJECTION,
            stroke_width="2",
            stroke_dasharray=_DOTTED,
        )
    elif kind.startswith("reference-"):
        colour = _REFERENCES[int(kind.removeprefix("reference-")) % len(_REFERENCES)]
        _sub(legend, "path", d=across, stroke=colour, stroke_width="1.5")
        _sub(legend, "path", d=_square(middle, y), fill=colour, stroke=colour)
    else:  # margins: an error bar with its caps
        low, high = _n(y + 4), _n(y - 4)
        left, right = _n(middle - _CAP), _n(middle + _CAP)
        _sub(
            legend,
            "path",
            d=f"M{_n(middle)} {low} V{high} M{left} {low} H{right} M{left} {high} H{right}",
            stroke=_SERIES,
            stroke_opacity="0.45",
        )
