"""Assess a programme: a status for every indicator, goal, ambition and the whole.

:func:`assess` takes a :class:`~progmon.Programme`, :class:`~progmon.Ambition`,
:class:`~progmon.Goal` or :class:`~progmon.Indicator` and returns an
assessment tree of the same level. Every node has a :class:`Status`; the
indicator nodes carry the numbers that led to it (baseline, latest figure,
change, trend, projection, the method's ratio and thresholds), so that a
report can explain every status.

:func:`assess_panel` does the same calculations on numpy arrays for many
series at once (regions x indicators x years, NaN for gaps); :func:`assess`
calls it with one row per indicator. Units at the edges, arrays in the middle.

Conventions:

* a figure sits at the midpoint of its period (:attr:`~progmon.Period.midpoint`, 2019
  is 2019.5); a deadline year ``Y`` at ``Y + 0.5``, consistent with yearly
  figures, so that baseline 2015, latest 2020 and deadline 2030 are 5 and 15
  years apart;
* ``as_of`` year ``Y`` uses the figures of periods that start on or before
  31 December ``Y``; the value expected on the straight path is given at
  ``Y + 0.5``;
* roll-up: a goal, ambition or programme gets the worst status among its
  judged indicators (not NOT_MEASURED, INSUFFICIENT_DATA or NO_TARGET), in
  the order ACHIEVED < ON_TRACK < AT_RISK < OFF_TRACK < DETERIORATING; when
  none is judged, NOT_MEASURED if nothing was measured, else
  INSUFFICIENT_DATA. Context indicators (kind CONTEXT) and components are
  assessed and shown, but not rolled up or counted.

Example:
    >>> import progmon
    >>> from progmon.assessment import assess
    >>> crimes = progmon.Indicator(
    ...     id="misdrijven", name="Misdrijven", unit="crime", target=progmon.Change(-360, by=2022),
    ...     measurements=[progmon.Measurement(2018, 4000), progmon.Measurement(2019, 3850)])
    >>> result = assess(crimes, as_of=2020)
    >>> result.status, round(result.ratio, 2), result.target_value
    (<Status.ON_TRACK: 'on-track'>, 1.61, <Quantity(3640.0, 'crime')>)
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import Any, Final, ParamSpec, TypeAlias, TypeVar, overload

import attrs
import numpy as np
import numpy.typing as npt
import pint

from . import _progress, trend, units
from . import methods as _methods
from ._model import Ambition, Goal, Indicator, IndicatorKind, Measurement, Period, Programme
from ._progress import (
    FloatArray,
    Kind,
    Status,
    expected_value,
    judge,
    required_value,
)
from ._targets import Change, Improve, Level, Maintain, RelativeChange
from .errors import ValidationError
from .methods import Method

__all__ = [
    "REASONS",
    "AmbitionAssessment",
    "GoalAssessment",
    "IndicatorAssessment",
    "Kind",
    "PanelAssessment",
    "ProgrammeAssessment",
    "Status",
    "assess",
    "assess_panel",
    "required_value",
    "roll_up",
]

AsOf: TypeAlias = int | Period | date | None
MethodLike: TypeAlias = Method | str | None

_SIGNIFICANCE: Final = 0.05

REASONS: Final = _progress.REASONS
"""Why an indicator has its status, as short codes (``"target-met"``, ``"ratio"``, ...).

``PanelAssessment.reason`` holds indexes into this tuple, and
``IndicatorAssessment.reason`` the code itself; the review turns each code
into a sentence in Dutch or English.

Example:
    >>> REASONS[:4]
    ('not-measured', 'no-target', 'no-baseline', 'target-met')
"""


# --------------------------------------------------------------------------- panels


def _readonly(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
    array = np.array(array)
    array.flags.writeable = False
    return array


def _arrays_equal(a: object, b: object) -> bool:
    x, y = np.asarray(a), np.asarray(b)
    if x.shape != y.shape:
        return False
    return bool(np.array_equal(x, y, equal_nan=x.dtype.kind == "f"))


_ARRAY_EQ: Final = attrs.cmp_using(eq=_arrays_equal)


@attrs.frozen
class PanelAssessment:
    """The assessment of many series at once; every array has the panel's shape.

    ``status`` holds :attr:`Status.code` values (:meth:`statuses` turns them
    into :class:`Status`), ``reason`` indexes :data:`~progmon.assessment.REASONS`. Values are in
    the unit of the input; times in its time scale. NaN where a number does
    not apply.

    Attributes:
        status: Status codes (int8).
        reason: Reason codes (int8), see :data:`~progmon.assessment.REASONS`.
        ratio: The method's key number (growth ratio R, projection ratio P,
            pro-rata ratio Q) for rows with a quantitative target.
        rate: Annual growth from baseline to latest in the desired direction
            (compound where defined, see ``compound``).
        compound: Whether ``rate`` is compound growth.
        progress: Share of the gap baseline -> target closed (1.0 = met).
        projection: Projected value at the deadline.
        expected: Value expected at ``at`` on the straight path to the target.
        expected_latest: The same at the time of the latest figure.
        required: The value required at the deadline.
        baseline, baseline_time: The baseline figure and its time.
        latest, latest_time: The latest figure up to ``as_of`` and its time.
        change: ``latest - baseline``.
        relative_change: ``change / |baseline|`` (NaN for a zero baseline).
        significant: 1.0 if the change exceeds its margin, 0.0 if not, NaN if unknown.
        slope: Trend per year: Theil-Sen with 3 or more points, else the
            two-point slope.
        trend: Mann-Kendall: "increasing", "decreasing", "no trend", or ""
            with fewer than 4 points.
        count: Number of figures from the baseline up to ``as_of``.
        method: The method's name.
        thresholds: The method's thresholds.

    Example:
        Two municipalities, one indicator, lower is better, target 50 by 2030:

        >>> res = assess_panel([2015.5, 2020.5], [[100.0, 80.0], [100.0, 95.0]], target=50,
        ...                    deadline=2030.5, direction=-1)
        >>> [s.value for s in res.statuses()], res.progress.tolist()
        (['on-track', 'off-track'], [0.4, 0.1])
    """

    status: npt.NDArray[np.int8] = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    reason: npt.NDArray[np.int8] = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    ratio: FloatArray = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    rate: FloatArray = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    compound: npt.NDArray[np.bool_] = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    progress: FloatArray = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    projection: FloatArray = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    expected: FloatArray = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    expected_latest: FloatArray = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    required: FloatArray = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    baseline: FloatArray = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    baseline_time: FloatArray = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    latest: FloatArray = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    latest_time: FloatArray = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    change: FloatArray = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    relative_change: FloatArray = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    significant: FloatArray = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    slope: FloatArray = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    trend: npt.NDArray[np.str_] = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    count: npt.NDArray[np.int64] = attrs.field(converter=_readonly, eq=_ARRAY_EQ)
    method: str = ""
    thresholds: Mapping[str, float] = attrs.field(factory=dict)

    def statuses(self) -> npt.NDArray[np.object_]:
        """The status codes as :class:`Status` members (an object array).

        Example:
            >>> res = assess_panel([2015.5, 2020.5], [[100.0, 80.0]], target=50,
            ...                    deadline=2030.5, direction=-1)
            >>> res.statuses().tolist()
            [<Status.ON_TRACK: 'on-track'>]
        """
        lookup = np.array(list(Status), dtype=object)
        return lookup[self.status.astype(np.intp)]

    def reasons(self) -> npt.NDArray[np.str_]:
        """The reason codes as strings."""
        return np.asarray(REASONS)[self.reason.astype(np.intp)]

    def counts(self) -> dict[Status, int]:
        """How many series have each status.

        Example:
            >>> res = assess_panel([2015.5, 2020.5], [[100.0, 80.0], [100.0, 120.0]], target=50,
            ...                    deadline=2030.5, direction=-1)
            >>> res.counts()[Status.DETERIORATING]
            1
        """
        found = Counter(int(c) for c in self.status.ravel())
        return {status: found.get(status.code, 0) for status in Status}


def _broadcast_rows(value: npt.ArrayLike | None, shape: tuple[int, ...], fill: float) -> FloatArray:
    array = np.full(shape, fill) if value is None else np.asarray(value, dtype=np.float64)
    try:
        return np.broadcast_to(array, shape)
    except ValueError as e:
        raise ValidationError(
            f"does not broadcast to the panel's shape {shape}",
            element="assess_panel",
            value=array.shape,
        ) from e


def _pick(values: FloatArray, index: npt.NDArray[np.intp]) -> FloatArray:
    picked: FloatArray = np.take_along_axis(values, index[..., None], axis=-1)[..., 0]
    return picked


def _significance(
    base: tuple[FloatArray, FloatArray, FloatArray],
    last: tuple[FloatArray, FloatArray, FloatArray],
    share_scale: float | None,
) -> FloatArray:
    """1/0/NaN: margins first (CBS rule), else a z-test on shares with sample sizes."""
    y0, m0, n0 = base
    y1, m1, n1 = last
    by_margin = trend.margin_test(y0, m0, y1, m1)
    known = np.asarray(by_margin.known)
    result = np.where(known, np.asarray(by_margin.significant, dtype=np.float64), np.nan)
    if share_scale is not None:
        usable = ~known & np.isfinite(n0) & np.isfinite(n1) & np.isfinite(y0) & np.isfinite(y1)
        if usable.any():
            p0 = np.clip(np.where(usable, y0 / share_scale, 0.5), 0.0, 1.0)
            p1 = np.clip(np.where(usable, y1 / share_scale, 0.5), 0.0, 1.0)
            size0, size1 = np.where(usable, n0, 1.0), np.where(usable, n1, 1.0)
            test = trend.proportions_ztest(p1, size1, p0, size0)
            pvalue = np.asarray(test.pvalue)
            decided = usable & np.isfinite(pvalue)
            # Equal shares of 0 or 1 have no variance: the change (none) is not significant.
            no_change = usable & ~np.isfinite(pvalue)
            result = np.where(decided, (pvalue < _SIGNIFICANCE).astype(np.float64), result)
            result = np.where(no_change, 0.0, result)
    return result


@attrs.frozen
class _Ends:
    """Where each series starts (its baseline) and ends (its latest figure)."""

    values: FloatArray
    times: FloatArray
    used: npt.NDArray[np.bool_]
    first: npt.NDArray[np.intp]
    last: npt.NDArray[np.intp]
    has_base: npt.NDArray[np.bool_]
    any_valid: npt.NDArray[np.bool_]
    t_base: FloatArray
    y_base: FloatArray
    t_last: FloatArray
    y_last: FloatArray


def _ends(
    t: npt.ArrayLike, y: npt.ArrayLike, baseline: npt.ArrayLike | None, as_of: float | None
) -> _Ends:
    values = np.asarray(y, dtype=np.float64)
    if values.ndim == 0:
        raise ValidationError("must have a time axis", element="assess_panel(y)", value=y)
    try:
        times = np.broadcast_to(np.asarray(t, dtype=np.float64), values.shape)
    except ValueError as e:
        raise ValidationError(
            "t does not broadcast against y", element="assess_panel(t)", value=np.shape(t)
        ) from e
    if values.shape[-1] == 0:
        # No figures at all: one missing figure says the same and keeps argmax defined.
        values = np.full((*values.shape[:-1], 1), np.nan)
        times = np.full(values.shape, np.nan)
    rows = values.shape[:-1]
    n = values.shape[-1]
    valid = ~np.isnan(values) & ~np.isnan(times)
    if as_of is not None:
        valid &= times <= as_of
    base_t = _broadcast_rows(baseline, rows, np.nan)
    if baseline is None:
        first = np.argmax(valid, axis=-1)
        has_base = valid.any(axis=-1)
    else:
        at_base = valid & (times == base_t[..., None])
        first = np.argmax(at_base, axis=-1)
        has_base = at_base.any(axis=-1)
        # Figures before the baseline belong to before the programme: not counted in its trend.
        valid_from_base = valid & (times >= base_t[..., None])
    if baseline is None:
        valid_from_base = valid
    last = n - 1 - np.argmax(valid[..., ::-1], axis=-1)
    any_valid = valid.any(axis=-1)
    t_base = np.where(has_base, _pick(times, first), np.nan)
    y_base = np.where(has_base, _pick(values, first), np.nan)
    t_last = np.where(any_valid, _pick(times, last), np.nan)
    y_last = np.where(any_valid, _pick(values, last), np.nan)

    return _Ends(
        values=values,
        times=times,
        used=valid_from_base & np.asarray(has_base)[..., None],
        first=first,
        last=last,
        has_base=np.asarray(has_base),
        any_valid=np.asarray(any_valid),
        t_base=t_base,
        y_base=y_base,
        t_last=t_last,
        y_last=y_last,
    )


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _overflow_to_inf(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``func`` with numpy's overflow warning off.

    Figures beyond the range of a double (1e308) overflow to inf or NaN in
    differences and ratios, as in :mod:`progmon.trend`; that is no reason
    for a warning in the middle of a report.
    """

    @functools.wraps(func)
    def quiet(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with np.errstate(over="ignore"):
            return func(*args, **kwargs)

    return quiet


@_overflow_to_inf
def assess_panel(
    t: npt.ArrayLike,
    y: npt.ArrayLike,
    *,
    target: npt.ArrayLike | None = None,
    deadline: npt.ArrayLike | None = None,
    direction: npt.ArrayLike | None = None,
    kind: npt.ArrayLike | None = None,
    baseline: npt.ArrayLike | None = None,
    as_of: float | None = None,
    at: float | None = None,
    margin: npt.ArrayLike | None = None,
    sample_size: npt.ArrayLike | None = None,
    share_scale: float | None = None,
    method: MethodLike = None,
) -> PanelAssessment:
    """Assess many series at once: regions x indicators x times, NaN for gaps.

    Args:
        t: Times of the columns (decimal years), shape ``(n,)`` or
            broadcasting against ``y``.
        y: Values, shape ``(..., n)``; NaN marks a missing figure.
        target: The value required at the deadline (for a ``Change`` use
            :func:`~progmon.assessment.required_value`); NaN or None: no quantitative target.
            Broadcasts against ``y.shape[:-1]``.
        deadline: The time of the deadline on the scale of ``t`` (for
            mid-year times ``Y + 0.5``); NaN or None: none.
        direction: +1 where higher is better, -1 where lower is better, 0 or
            NaN where unknown.
        kind: :class:`~progmon.assessment.Kind` codes; default LEVEL where ``target`` is given,
            else TREND (judged by the growth rate in ``direction``).
        baseline: The time of the baseline figure; default the first figure.
        as_of: The last time to use (figures after it are ignored).
        at: The time for ``expected`` (default ``as_of``, else the latest).
        margin: 95 % margins of the figures, like ``y``; NaN where unknown.
        sample_size: Sample sizes of the figures (survey shares), like ``y``.
        share_scale: The value of 100 % in the unit of ``y`` (100 for
            percent, 1 for fractions), enabling the z-test on sample sizes.
        method: A method, its name, or None for :class:`~progmon.methods.GrowthRatio`.

    Returns:
        A :class:`PanelAssessment` whose arrays have shape ``y.shape[:-1]``.

    Raises:
        ValidationError: shapes that do not broadcast, an unknown method.

    Example:
        Three regions, one indicator (lower is better), target 50 by 2030:

        >>> import numpy as np
        >>> years = np.arange(2015, 2021) + 0.5
        >>> y = np.array([[100, 97, 94, 90, 85, 80],          # a municipality
        ...               [100, 99, np.nan, 98, 97, 96],      # its reference group
        ...               [100, 101, 103, 104, 106, 108.0]])  # the country
        >>> res = assess_panel(years, y, target=50, deadline=2030.5, direction=-1)
        >>> [s.value for s in res.statuses()]
        ['on-track', 'off-track', 'deteriorating']
        >>> res.ratio.round(4).tolist()
        [0.9665, 0.1801, -0.3435]
    """
    chosen = _methods.get_method(method)
    ends = _ends(t, y, baseline, as_of)
    values, first, last, has_base = ends.values, ends.first, ends.last, ends.has_base
    t_base, y_base, t_last, y_last = ends.t_base, ends.y_base, ends.t_last, ends.y_last
    rows = values.shape[:-1]

    if np.shape(y)[-1] == 0:
        # No figures, so no margins: _ends padded y with one missing figure.
        margin = sample_size = None
    margins = _broadcast_rows(margin, values.shape, np.nan)
    sizes = _broadcast_rows(sample_size, values.shape, np.nan)
    significant = _significance(
        (y_base, _pick(margins, first), _pick(sizes, first)),
        (y_last, _pick(margins, last), _pick(sizes, last)),
        share_scale,
    )
    significant = np.where(has_base & (t_last > t_base), significant, np.nan)

    required = _broadcast_rows(target, rows, np.nan)
    default_kind = np.where(np.isnan(required), Kind.TREND, Kind.LEVEL)
    kinds = default_kind if kind is None else np.broadcast_to(np.asarray(kind, np.int8), rows)
    sign = np.nan_to_num(_broadcast_rows(direction, rows, 0.0), nan=0.0)
    t_deadline = _broadcast_rows(deadline, rows, np.nan)

    verdict = judge(
        chosen,
        n_valid=ends.any_valid.astype(np.float64),
        t_base=t_base,
        y_base=y_base,
        t_latest=t_last,
        y_latest=y_last,
        required=required,
        t_deadline=t_deadline,
        sign=sign,
        kind=kinds,
        significant=significant,
    )
    when = at if at is not None else as_of
    level = kinds == Kind.LEVEL
    expected = np.where(
        level,
        expected_value(t_last if when is None else when, t_base, y_base, t_deadline, required),
        np.nan,
    )
    expected_latest = np.where(
        level, expected_value(t_last, t_base, y_base, t_deadline, required), np.nan
    )
    slope, direction_of_trend, count = _trends(ends.times, values, ends.used)
    change = y_last - y_base
    with np.errstate(divide="ignore", invalid="ignore"):
        relative = np.where(y_base != 0, change / np.abs(y_base), np.nan)
    return PanelAssessment(
        status=verdict.status,
        reason=verdict.reason,
        ratio=verdict.ratio,
        rate=verdict.rate,
        compound=verdict.compound,
        progress=verdict.progress,
        projection=verdict.projection,
        expected=expected,
        expected_latest=expected_latest,
        required=np.where(level, required, np.nan),
        baseline=y_base,
        baseline_time=t_base,
        latest=y_last,
        latest_time=t_last,
        change=change,
        relative_change=relative,
        significant=significant,
        slope=slope,
        trend=direction_of_trend,
        count=count,
        method=chosen.name,
        thresholds=dict(chosen.thresholds),
    )


def _trends(
    times: FloatArray, values: FloatArray, used: npt.NDArray[np.bool_]
) -> tuple[FloatArray, npt.NDArray[np.str_], npt.NDArray[np.int64]]:
    """Slope (Theil-Sen from 3 points, else two-point) and Mann-Kendall (from 4 points)."""
    masked = np.where(used, values, np.nan)
    count = used.sum(axis=-1)
    rows = values.shape[:-1]
    slope = np.full(rows, np.nan)
    direction = np.full(rows, "", dtype="<U10")
    if (count >= 2).any():
        ols = np.asarray(trend.ols(times, masked).slope, dtype=np.float64)
        slope = np.where(count == 2, ols, slope)
    if (count >= 3).any():
        sen = np.asarray(trend.sen_slope(times, masked).slope, dtype=np.float64)
        slope = np.where(count >= 3, sen, slope)
    if (count >= 4).any():
        test = np.asarray(trend.mann_kendall(masked).trend).astype("<U10")
        direction = np.where(count >= 4, test, direction)
    return slope, direction, count


# --------------------------------------------------------------------------- model objects


@attrs.frozen
class IndicatorAssessment:
    """The assessment of one indicator, with the numbers behind its status.

    Quantities are in the indicator's unit. ``ratio`` is the method's key
    number (R, P or Q); ``rate`` the annual growth in the desired direction
    (the key number without a quantitative target); ``reason`` one of
    :data:`~progmon.assessment.REASONS`.

    Example:
        The seed's nuisance reports: 1,089 in 2016, 973 in 2019, to fall.

        >>> import progmon
        >>> reports = progmon.Indicator(
        ...     id="woonoverlast", name="Meldingen woonoverlast", unit="report",
        ...     direction=progmon.Direction.DECREASE, target=progmon.Improve(by=2022),
        ...     measurements=progmon.Measurement.series({2016: 1089, 2019: 973}))
        >>> result = progmon.assess(reports, as_of=2020)
        >>> result.status, result.reason, result.change
        (<Status.ACHIEVED: 'achieved'>, 'target-met', <Quantity(-116.0, 'report')>)
        >>> result.baseline.period.label, result.latest.period.label
        ('2016', '2019')
    """

    indicator: Indicator
    status: Status
    as_of: int
    method: str
    deadline: int | None
    baseline: Measurement | None
    latest: Measurement | None
    target_value: Any
    change: Any
    change_points: float | None
    relative_change: float | None
    significant: bool | None
    slope: Any
    trend: str | None
    projection: Any
    expected: Any
    ratio: float | None
    progress: float | None
    thresholds: Mapping[str, float]
    reason: str
    components: tuple[IndicatorAssessment, ...] = ()
    expected_latest: Any = None
    rate: float | None = None
    compound: bool | None = None
    years: float | None = None
    """Years from the baseline to the latest figure (midpoint to midpoint)."""

    def indicators(self) -> Iterator[IndicatorAssessment]:
        """This assessment (so that every level has ``indicators()``)."""
        yield self


_ROW_FIELDS: Final = (
    "status", "reason", "ratio", "rate", "compound", "progress", "projection", "expected",
    "expected_latest", "required", "baseline_time", "latest_time", "change", "relative_change",
    "significant", "slope", "trend",
)  # fmt: skip


def _float_or_none(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def _quantity(value: float, unit: Any) -> Any:
    return None if math.isnan(value) else units.Quantity(float(value), unit)


def _cutoff(as_of: AsOf, figures: Iterable[Measurement]) -> tuple[date, int, float]:
    """The last day whose figures count, the as_of year, and the time for ``expected``."""
    if as_of is None:
        starts = [m.period.start for m in figures if m.value is not None]
        year = max(starts).year if starts else date.today().year  # noqa: DTZ011  # a year, no zone
        return date(year, 12, 31), year, year + 0.5
    from ._targets import plain_year  # here: this function is all of the module that uses it

    as_of = plain_year(as_of)  # a numpy integer is a year too
    try:
        # The Period constructors check the year and the type, as for any period.
        if isinstance(as_of, int) and not isinstance(as_of, bool):
            period = Period.year(as_of)
            return period.end, as_of, as_of + 0.5
        if isinstance(as_of, Period):
            return as_of.end, as_of.end.year, as_of.midpoint
        if isinstance(as_of, date):
            return as_of, as_of.year, Period.between(as_of, as_of).midpoint
    except ValidationError as e:
        raise ValidationError(e.message, element="as_of", value=as_of) from None
    raise ValidationError("is not a year, Period or date", element="as_of", value=as_of)


def _magnitude(value: Any, unit: Any) -> float:
    if value is None:
        return math.nan
    if isinstance(value, pint.Quantity):
        return float(value.m_as(unit))
    return float(value)


def _target_row(indicator: Indicator, y_base: float) -> tuple[Kind, float]:
    target = indicator.target
    if isinstance(target, Level):
        return Kind.LEVEL, _magnitude(target.value, indicator.unit)
    if isinstance(target, Change):
        return Kind.LEVEL, float(required_value("change", y_base, float(target.amount)))
    if isinstance(target, RelativeChange):
        return Kind.LEVEL, float(required_value("relative-change", y_base, target.fraction))
    if isinstance(target, Improve):
        return Kind.IMPROVE, math.nan
    if isinstance(target, Maintain):
        return Kind.MAINTAIN, math.nan
    return Kind.TREND, math.nan


def _indicator_assessment(
    indicator: Indicator, deadline: int | None, cutoff: tuple[date, int, float], method: Method
) -> IndicatorAssessment:
    last_day, year, at = cutoff
    unit = indicator.unit
    figures = [
        m for m in indicator.measurements if m.value is not None and m.period.start <= last_day
    ]
    baseline = indicator.baseline_measurement
    if baseline is not None and baseline.period.start > last_day:
        baseline = None
    if indicator.target is not None and indicator.target.by is not None:
        deadline = indicator.target.by
    t = np.array([m.period.midpoint for m in figures])
    y = np.array([[_magnitude(m.value, unit) for m in figures]])
    margin = np.array([[_magnitude(m.margin, unit) for m in figures]])
    size = np.array([[math.nan if m.sample_size is None else m.sample_size for m in figures]])
    y_base = math.nan if baseline is None else _magnitude(baseline.value, unit)
    kind, required = _target_row(indicator, y_base)
    share_scale = (
        float(units.Quantity(1, "dimensionless").m_as(unit)) if units.is_share(unit) else None
    )
    direction = indicator.direction.sign if indicator.direction is not None else 0
    if kind is Kind.LEVEL and math.isfinite(y_base) and required != y_base:
        # The required value fixes the way to go. The model infers the
        # direction of a RelativeChange from the sign of the fraction alone,
        # which points the wrong way for a negative baseline: halving a
        # deficit of -100 requires -50, a way up.
        direction = 1 if required > y_base else -1
    panel = assess_panel(
        t if figures else np.empty(0),
        y if figures else np.empty((1, 0)),
        target=required,
        deadline=math.nan if deadline is None else deadline + 0.5,
        direction=direction,
        kind=int(kind),
        baseline=math.nan if baseline is None else baseline.period.midpoint,
        at=at,
        margin=margin if figures else None,
        sample_size=size if figures else None,
        share_scale=share_scale,
        method=method,
    )
    row = {name: getattr(panel, name)[0] for name in _ROW_FIELDS}
    latest = figures[-1] if figures else None
    change = float(row["change"])
    significant = float(row["significant"])
    trend_name = str(row["trend"])
    years = float(row["latest_time"] - row["baseline_time"])
    return IndicatorAssessment(
        indicator=indicator,
        status=Status.from_code(int(row["status"])),
        as_of=year,
        method=method.name,
        deadline=deadline,
        baseline=baseline,
        latest=latest,
        target_value=_quantity(float(row["required"]), unit),
        change=_quantity(change, unit),
        change_points=(
            None
            if share_scale is None or math.isnan(change)
            else float(units.Quantity(change, unit).m_as("percent"))
        ),
        relative_change=_float_or_none(float(row["relative_change"])),
        significant=None if math.isnan(significant) else bool(significant),
        slope=_quantity(float(row["slope"]), unit / units.registry.year),
        trend=trend_name or None,
        projection=_quantity(float(row["projection"]), unit),
        expected=_quantity(float(row["expected"]), unit),
        ratio=_float_or_none(float(row["ratio"])),
        progress=_float_or_none(float(row["progress"])),
        thresholds=dict(panel.thresholds),
        reason=REASONS[int(row["reason"])],
        components=tuple(
            _indicator_assessment(c, deadline, cutoff, method) for c in indicator.components
        ),
        expected_latest=_quantity(float(row["expected_latest"]), unit),
        rate=_float_or_none(float(row["rate"])),
        compound=None if math.isnan(float(row["rate"])) else bool(row["compound"]),
        years=_float_or_none(years),
    )


def roll_up(statuses: Iterable[Status]) -> Status:
    """The status of a whole: the worst judged status, else NOT_MEASURED or INSUFFICIENT_DATA.

    A whole is ACHIEVED only when all its parts are: where some parts are
    achieved and others cannot be judged yet (not measured, too few
    figures, no target), the whole is ON_TRACK at best, because nobody can
    say the unmeasured parts were reached.

    Example:
        >>> roll_up([Status.ON_TRACK, Status.AT_RISK, Status.NOT_MEASURED])
        <Status.AT_RISK: 'at-risk'>
        >>> roll_up([Status.ACHIEVED, Status.ACHIEVED])
        <Status.ACHIEVED: 'achieved'>
        >>> roll_up([Status.ACHIEVED, Status.NOT_MEASURED])
        <Status.ON_TRACK: 'on-track'>
        >>> roll_up([Status.NOT_MEASURED, Status.NO_TARGET])
        <Status.INSUFFICIENT_DATA: 'insufficient-data'>
        >>> roll_up([])
        <Status.NOT_MEASURED: 'not-measured'>
    """
    seen = list(statuses)
    judged = [s for s in seen if s.is_judged]
    if judged:
        worst = max(judged, key=lambda s: s.rank)
        if worst is Status.ACHIEVED and len(judged) < len(seen):
            return Status.ON_TRACK
        return worst
    if all(s is Status.NOT_MEASURED for s in seen):
        return Status.NOT_MEASURED
    return Status.INSUFFICIENT_DATA


def _counted(assessments: Iterable[IndicatorAssessment]) -> list[IndicatorAssessment]:
    return [a for a in assessments if a.indicator.kind is not IndicatorKind.CONTEXT]


def _counts(assessments: Iterable[IndicatorAssessment]) -> dict[Status, int]:
    found = Counter(a.status for a in assessments)
    return {status: found.get(status, 0) for status in Status}


@attrs.frozen
class GoalAssessment:
    """The assessment of a goal: its indicators and the rolled-up status.

    Example:
        >>> import progmon
        >>> ind = progmon.Indicator(id="initiatieven", name="Initiatieven", unit="count",
        ...                         target=progmon.Level(32),
        ...                         measurements=progmon.Measurement.series({2018: 20, 2020: 26}))
        >>> goal = progmon.Goal(id="g", statement="Meer initiatieven", deadline=2022,
        ...                     indicators=[ind])
        >>> result = progmon.assess(goal, as_of=2020)
        >>> result.status, [a.indicator.id for a in result.indicators()]
        (<Status.ON_TRACK: 'on-track'>, ['initiatieven'])

    ``counts`` counts the statuses of the indicators that are rolled up
    (context indicators are not).
    """

    goal: Goal
    status: Status
    as_of: int
    method: str
    deadline: int | None
    indicator_assessments: tuple[IndicatorAssessment, ...]
    counts: Mapping[Status, int]

    def indicators(self) -> Iterator[IndicatorAssessment]:
        """The indicator assessments, in order."""
        yield from self.indicator_assessments


@attrs.frozen
class AmbitionAssessment:
    """The assessment of an ambition: its goals, its context indicators, the roll-up.

    Example:
        >>> import progmon
        >>> ind = progmon.Indicator(id="x", name="X", unit="report", target=progmon.Improve(),
        ...                         direction=progmon.Direction.DECREASE,
        ...                         measurements=progmon.Measurement.series({2016: 9, 2019: 7}))
        >>> ambition = progmon.Ambition(title="Veiliger", goals=[
        ...     progmon.Goal(id="g", statement="S", deadline=2022, indicators=[ind])])
        >>> result = progmon.assess(ambition, as_of=2020)
        >>> result.status, [g.goal.id for g in result.goals()]
        (<Status.ACHIEVED: 'achieved'>, ['g'])
    """

    ambition: Ambition
    status: Status
    as_of: int
    method: str
    goal_assessments: tuple[GoalAssessment, ...]
    context: tuple[IndicatorAssessment, ...]
    counts: Mapping[Status, int]

    def indicators(self) -> Iterator[IndicatorAssessment]:
        """The goals' indicator assessments, then the context indicators'."""
        for goal in self.goal_assessments:
            yield from goal.indicators()
        yield from self.context

    def goals(self) -> Iterator[GoalAssessment]:
        """The goal assessments, in order."""
        yield from self.goal_assessments


@attrs.frozen
class ProgrammeAssessment:
    """The assessment of a programme: its ambitions and the overall status.

    ``counts`` counts the statuses of the indicators that are rolled up.

    Example:
        The Almelo worked example at its midterm: two indicators achieved,
        none off track, five not measured yet.

        >>> import progmon
        >>> result = progmon.assess(progmon.load("examples/veiligheid.toml"), as_of=2020)
        >>> result.status
        <Status.ON_TRACK: 'on-track'>
        >>> result.counts[progmon.Status.ACHIEVED], result.counts[progmon.Status.NOT_MEASURED]
        (2, 5)
    """

    programme: Programme
    status: Status
    as_of: int
    method: str
    ambition_assessments: tuple[AmbitionAssessment, ...]
    counts: Mapping[Status, int]

    def indicators(self) -> Iterator[IndicatorAssessment]:
        """Every indicator assessment, per ambition: goal indicators, then context."""
        for ambition in self.ambition_assessments:
            yield from ambition.indicators()

    def goals(self) -> Iterator[GoalAssessment]:
        """Every goal assessment, in order."""
        for ambition in self.ambition_assessments:
            yield from ambition.goals()

    def ambitions(self) -> Iterator[AmbitionAssessment]:
        """The ambition assessments, in order."""
        yield from self.ambition_assessments


Assessment: TypeAlias = (
    IndicatorAssessment | GoalAssessment | AmbitionAssessment | ProgrammeAssessment
)


def _goal_assessment(goal: Goal, cutoff: tuple[date, int, float], method: Method) -> GoalAssessment:
    parts = tuple(
        _indicator_assessment(ind, goal.deadline, cutoff, method) for ind in goal.indicators
    )
    counted = _counted(parts)
    return GoalAssessment(
        goal=goal,
        status=roll_up(a.status for a in counted),
        as_of=cutoff[1],
        method=method.name,
        deadline=goal.deadline,
        indicator_assessments=parts,
        counts=_counts(counted),
    )


def _ambition_assessment(
    ambition: Ambition, cutoff: tuple[date, int, float], method: Method
) -> AmbitionAssessment:
    goals = tuple(_goal_assessment(goal, cutoff, method) for goal in ambition.goals)
    context = tuple(_indicator_assessment(ind, None, cutoff, method) for ind in ambition.context)
    counted = _counted(a for goal in goals for a in goal.indicators())
    return AmbitionAssessment(
        ambition=ambition,
        status=roll_up(a.status for a in counted),
        as_of=cutoff[1],
        method=method.name,
        goal_assessments=goals,
        context=context,
        counts=_counts(counted),
    )


def _figures(x: Programme | Ambition | Goal | Indicator) -> Iterator[Measurement]:
    if isinstance(x, Indicator):
        tops: Iterable[Indicator] = (x,)
    elif isinstance(x, Goal):
        tops = x.indicators
    else:
        tops = x.indicators()
    for top in tops:
        for ind in top.walk():
            yield from ind.measurements


@overload
def assess(
    x: Programme, *, as_of: AsOf = None, method: MethodLike = None
) -> ProgrammeAssessment: ...
@overload
def assess(x: Ambition, *, as_of: AsOf = None, method: MethodLike = None) -> AmbitionAssessment: ...
@overload
def assess(x: Goal, *, as_of: AsOf = None, method: MethodLike = None) -> GoalAssessment: ...
@overload
def assess(
    x: Indicator, *, as_of: AsOf = None, method: MethodLike = None
) -> IndicatorAssessment: ...
def assess(
    x: Programme | Ambition | Goal | Indicator,
    *,
    as_of: AsOf = None,
    method: MethodLike = None,
) -> Assessment:
    """Assess a programme, ambition, goal or indicator.

    Args:
        x: What to assess.
        as_of: A year (figures of periods starting in or before it count), a
            :class:`~progmon.Period` or a date; None: the year of the latest figure.
        method: A method from :mod:`progmon.methods`, its name
            (``"growth-ratio"``, ``"projection"``, ``"pro-rata"``) or None for
            the default, :class:`~progmon.methods.GrowthRatio`.

    Returns:
        A :class:`ProgrammeAssessment`, :class:`AmbitionAssessment`,
        :class:`GoalAssessment` or :class:`IndicatorAssessment`.

    Raises:
        ValidationError: ``x`` is not a model object, a bad ``as_of`` or
            an unknown method.

    Example:
        >>> import progmon
        >>> reports = progmon.Indicator(
        ...     id="woonoverlast", name="Meldingen woonoverlast", unit="report",
        ...     direction=progmon.Direction.DECREASE, target=progmon.Improve(),
        ...     measurements=progmon.Measurement.series({2016: 1089, 2017: 1089, 2019: 973}))
        >>> goal = progmon.Goal(id="zorg", statement="Minder overlast", deadline=2022,
        ...                     indicators=[reports])
        >>> result = assess(goal, as_of=2020)
        >>> result.status, result.counts[Status.ACHIEVED]
        (<Status.ACHIEVED: 'achieved'>, 1)
    """
    chosen = _methods.get_method(method)
    if not isinstance(x, Programme | Ambition | Goal | Indicator):
        raise ValidationError(
            "can only assess a Programme, Ambition, Goal or Indicator",
            element="assess",
            value=type(x).__name__,
        )
    cutoff = _cutoff(as_of, _figures(x))
    if isinstance(x, Indicator):
        return _indicator_assessment(x, None, cutoff, chosen)
    if isinstance(x, Goal):
        return _goal_assessment(x, cutoff, chosen)
    if isinstance(x, Ambition):
        return _ambition_assessment(x, cutoff, chosen)
    ambitions = tuple(_ambition_assessment(a, cutoff, chosen) for a in x.ambitions)
    counted = _counted(a for amb in ambitions for g in amb.goals() for a in g.indicators())
    return ProgrammeAssessment(
        programme=x,
        status=roll_up(a.status for a in counted),
        as_of=cutoff[1],
        method=chosen.name,
        ambition_assessments=ambitions,
        counts=_counts(counted),
    )
