"""One chart per indicator, as SVG to put inline in the HTML review.

matplotlib (the ``plot`` extra) is imported only here and only when a chart
is drawn, so the Markdown review works without it. Charts are drawn on a
bare :class:`matplotlib.figure.Figure` (no pyplot, no global state) inside
an ``rc_context``; the SVG output is deterministic (a hash salt per
indicator, no date) and self-contained: text stays text in the page's own
fonts, and the XML header, DOCTYPE and metadata are stripped.
"""

from __future__ import annotations

import io
import re
from typing import Any, Final

from progmon._model import Measurement, Period
from progmon.errors import ProgmonError

from ._format import Formatter
from ._text import label

__all__ = ["chart_svg", "chartable"]

_SERIES: Final = "#1f4e79"
_TARGET: Final = "#1b7a3a"
_PATH: Final = "#6b7785"
_PROJECTION: Final = "#c25e00"
_BASELINE: Final = "#8a94a0"

_HEADER: Final = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_METADATA: Final = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)
_ID: Final = re.compile(r'\bid="([^"]+)"')
_ID_OR_REFERENCE: Final = re.compile(r'(\bid="|#)([A-Za-z_][\w.:-]*)(?=["\)])')
_SIZE: Final = re.compile(r'(<svg[^>]*?)\s(width|height)="[^"]*"')


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


def chart_svg(assessment: Any, fmt: Formatter) -> str:
    """An inline SVG chart of one indicator's assessment.

    Shows the figures up to ``as_of`` (with their survey margins), the
    baseline, the target at the deadline with the straight path to it, and
    the projection to the deadline, with a legend in ``fmt``'s language.

    Raises:
        PlotExtraMissing: matplotlib is not installed.

    Example:
        >>> import types
        >>> from progmon import Indicator, Measurement
        >>> ind = Indicator(id="x", name="X", unit="report",
        ...                 measurements=[Measurement(2016, 3), Measurement(2019, 4)])
        >>> a = types.SimpleNamespace(indicator=ind, as_of=2019, baseline=ind.measurements[0],
        ...     latest=ind.measurements[1], target_value=None, projection=None, deadline=None)
        >>> svg = chart_svg(a, Formatter("nl"))
        >>> svg.startswith("<svg"), "<metadata>" in svg
        (True, False)
    """
    try:
        import matplotlib as mpl
        from matplotlib.figure import Figure
    except ImportError as e:  # pragma: no cover - the test environment has the extra
        raise PlotExtraMissing(
            "charts in the HTML review need matplotlib: pip install 'progmon-nl[plot]'",
            element="report",
        ) from e

    indicator = assessment.indicator
    unit = indicator.unit
    figures = _figures(assessment)
    xs = [_x(m.period) for m in figures]
    ys = [float(m.value.m_as(unit)) for m in figures]
    margins = [float(m.margin.m_as(unit)) if m.margin is not None else 0.0 for m in figures]

    style = _style(indicator.id)
    with mpl.rc_context(style):
        fig = Figure(figsize=(6.4, 3.0), layout="constrained")
        ax = fig.subplots()
        ax.grid(axis="y", color="#e3e7eb", linewidth=0.8)
        ax.set_axisbelow(True)
        if any(margins):
            ax.errorbar(
                xs,
                ys,
                yerr=margins,
                fmt="none",
                ecolor=_SERIES,
                alpha=0.45,
                capsize=3,
                linewidth=1,
                label=label("chart_margin", fmt),
            )
        ax.plot(
            xs,
            ys,
            color=_SERIES,
            marker="o",
            markersize=4.5,
            linewidth=2,
            label=label("chart_series", fmt),
        )
        last_x = xs[-1]
        baseline = assessment.baseline
        if baseline is not None and baseline.value is not None:
            base_x, base_y = _x(baseline.period), float(baseline.value.m_as(unit))
            ax.axhline(base_y, color=_BASELINE, linewidth=0.8, linestyle=(0, (1, 2)))
            ax.plot(
                [base_x],
                [base_y],
                linestyle="none",
                marker="o",
                markersize=9,
                markerfacecolor="none",
                markeredgecolor=_BASELINE,
                markeredgewidth=1.5,
                label=label("chart_baseline", fmt),
            )
        deadline = assessment.deadline
        due_x = deadline + 0.5 if deadline is not None else None
        if assessment.target_value is not None and due_x is not None:
            target_y = float(assessment.target_value.m_as(unit))
            if baseline is not None and baseline.value is not None:
                ax.plot(
                    [_x(baseline.period), due_x],
                    [float(baseline.value.m_as(unit)), target_y],
                    color=_PATH,
                    linestyle="--",
                    linewidth=1.2,
                    label=label("chart_path", fmt),
                )
            ax.plot(
                [due_x],
                [target_y],
                linestyle="none",
                marker="*",
                markersize=13,
                color=_TARGET,
                label=label("chart_target", fmt),
            )
            last_x = max(last_x, due_x)
        if assessment.projection is not None and due_x is not None:
            ax.plot(
                [xs[-1], due_x],
                [ys[-1], float(assessment.projection.m_as(unit))],
                color=_PROJECTION,
                linestyle=":",
                linewidth=2,
                label=label("chart_projection", fmt),
            )
            last_x = max(last_x, due_x)
        _axes(ax, min(xs), last_x, unit, fmt)
        fig.legend(
            loc="outside lower center",
            ncols=6,
            frameon=False,
            fontsize=8,
            handlelength=1.8,
            columnspacing=1.2,
        )
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    title = f"{label('chart_caption', fmt)} {indicator.name}"
    return _clean(buffer.getvalue(), title, f"chart-{indicator.id}")


def _style(indicator_id: str) -> Any:
    """The rc settings of a chart: quiet axes, page fonts, a deterministic SVG."""
    return {
        "svg.hashsalt": f"progmon-{indicator_id}",
        "svg.fonttype": "none",
        "svg.id": f"chart-{indicator_id}",
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


def _axes(ax: Any, first: float, last: float, unit: Any, fmt: Formatter) -> None:
    """Years under the figures, numbers in the review's language up the side."""
    from matplotlib.ticker import FuncFormatter

    from progmon import units

    first_year, last_year = int(first), int(last)
    step = 1 if last_year - first_year <= 12 else 2
    years = list(range(first_year, last_year + 1, step))
    ax.set_xticks([y + 0.5 for y in years], [fmt.year(y) for y in years])
    ax.set_xlim(first_year - 0.1, last_year + 1.1)
    ax.yaxis.set_major_formatter(
        FuncFormatter(lambda value, _pos: fmt.number(value, _axis_decimals(ax)))
    )
    ax.set_ylabel("%" if units.is_share(unit) else fmt.unit_name(unit))


def _axis_decimals(ax: Any) -> int:
    ticks = [t for t in ax.get_yticks() if abs(t) > 1e-12]
    if all(float(t).is_integer() for t in ticks):
        return 0
    return 1 if all(float(round(t * 10, 6)).is_integer() for t in ticks) else 2


def _unique_ids(svg: str, prefix: str) -> str:
    """Prefix the ids inside one chart, so that many charts share a page.

    matplotlib numbers its elements ``axes_1``, ``line2d_1`` ... in every
    chart; the references to them (``#id`` in ``xlink:href`` and ``url()``)
    get the same prefix.
    """
    names = set(_ID.findall(svg)) - {prefix}
    if not names:
        return svg

    def rename(match: re.Match[str]) -> str:
        name = match[2]
        return f"{match[1]}{prefix}-{name}" if name in names else match[0]

    return _ID_OR_REFERENCE.sub(rename, svg)


def _clean(svg: str, title: str, prefix: str) -> str:
    svg = _HEADER.sub("", svg, count=1)
    svg = _METADATA.sub("", svg)
    svg = _unique_ids(svg, prefix)
    # The page sizes the chart: width from CSS, height from the viewBox.
    for _ in range(2):
        svg = _SIZE.sub(r"\1", svg, count=1)
    escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    svg = svg.replace(
        "<svg ",
        f'<svg class="chart" role="img" aria-label="{escaped.replace(chr(34), "&quot;")}" ',
        1,
    )
    return re.sub(
        r"(<svg[^>]*>)", lambda m: f"{m[1]}<title>{escaped}</title>", svg, count=1
    ).strip()
