"""The one engine: the assessment of many series at once, on numpy arrays.

:func:`assess_panel` takes figures of shape ``(..., n)`` (regions x
indicators x times, NaN for a gap), finds each series' baseline and latest
figure, applies the common rules and the method, and returns every number
behind every status in a :class:`PanelAssessment`. :func:`progmon.assess`
gathers a programme's indicators into one call of it.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from typing import Any, Final, ParamSpec, TypeAlias, TypeVar

import attrs
import numpy as np
import numpy.typing as npt

from . import trend
from ._formulas import (
    BoolArray,
    FloatArray,
    IntArray,
    floats,
    gap_closed,
    growth_rate,
    met,
)
from ._status import (
    ACHIEVED,
    AT_RISK,
    DETERIORATING,
    INSUFFICIENT_DATA,
    NO_TARGET,
    NOT_MEASURED,
    OFF_TRACK,
    REASONS,
    Status,
    reason_code,
)
from ._targets import Kind
from .errors import ValidationError
from .methods import DEFAULT, Method, Rows, get_method

__all__ = ["PanelAssessment", "assess_panel"]

MethodLike: TypeAlias = Method | str | None

#: Survey figures with sample sizes: a change is significant below this p-value.
SIGNIFICANCE: Final = 0.05


#: The series of a panel are assessed this many figures at a time (2 MB of
#: floats): one chunk's arrays stay in the processor's cache, where a pass
#: over all of a large panel at once streams every intermediate through memory.
_CHUNK_VALUES: Final = 1 << 18


class _Owned:
    """An array that :func:`assess_panel` made for its result alone: kept, not copied."""

    __slots__ = ("array",)

    def __init__(self, array: npt.NDArray[Any]) -> None:
        array.flags.writeable = False
        self.array = array

    def __array__(self, dtype: Any = None, copy: Any = None) -> npt.NDArray[Any]:
        return self.array


def _readonly(array: npt.ArrayLike) -> npt.NDArray[Any]:
    if isinstance(array, _Owned):
        return array.array
    if type(array).__module__.startswith("xarray"):
        # The result of an xarray input keeps its labels (computed, see _assess_scaled).
        return array  # type: ignore[return-value]
    result = np.array(array)
    result.flags.writeable = False
    return result


def _arrays_equal(a: object, b: object) -> bool:
    x, y = np.asarray(a), np.asarray(b)
    if x.shape != y.shape:
        return False
    return bool(np.array_equal(x, y, equal_nan=x.dtype.kind == "f"))


_ARRAY_EQ: Final = attrs.cmp_using(eq=_arrays_equal)


def _array() -> Any:
    return attrs.field(converter=_readonly, eq=_ARRAY_EQ)


class _Statistics:
    """The slope and Mann-Kendall trend of a panel's series, worked out on first use.

    Holds the series (a copy) and which of their figures count until then.
    Two are equal when their results are; a pickle holds the results alone.
    """

    __slots__ = ("_count", "_slope", "_t", "_trend", "_used", "_values")

    def __init__(
        self,
        series: tuple[FloatArray, FloatArray, BoolArray, npt.NDArray[np.int64]] | None,
        slope: FloatArray | None = None,
        trend: npt.NDArray[np.str_] | None = None,
    ) -> None:
        self._t: FloatArray | None = None
        self._values: FloatArray | None = None
        self._used: BoolArray | None = None
        self._count: npt.NDArray[np.int64] | None = None
        if series is not None:
            self._t, self._values, self._used, self._count = series
        self._slope, self._trend = slope, trend

    @classmethod
    def empty(cls) -> _Statistics:
        return cls(None, _readonly(np.empty(0)), _readonly(np.empty(0, "<U10")))

    def _work_out(self) -> tuple[FloatArray, npt.NDArray[np.str_]]:
        if self._slope is None or self._trend is None:
            assert self._t is not None  # noqa: S101
            assert self._values is not None  # noqa: S101
            assert self._used is not None  # noqa: S101
            assert self._count is not None  # noqa: S101
            masked = np.where(self._used, self._values, np.nan)
            slope, direction = _trends(self._t, masked, self._count)
            self._slope, self._trend = _Owned(slope).array, _Owned(direction).array
            self._t = self._values = self._used = self._count = None
        return self._slope, self._trend

    @property
    def slope(self) -> FloatArray:
        return self._work_out()[0]

    @property
    def trend(self) -> npt.NDArray[np.str_]:
        return self._work_out()[1]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Statistics):
            return NotImplemented
        return _arrays_equal(self.slope, other.slope) and _arrays_equal(self.trend, other.trend)

    __hash__ = None  # type: ignore[assignment]  # as the arrays it holds

    def __getstate__(self) -> tuple[FloatArray, npt.NDArray[np.str_]]:
        return self._work_out()

    def __setstate__(self, state: tuple[FloatArray, npt.NDArray[np.str_]]) -> None:
        self._t = self._values = self._used = self._count = None
        self._slope, self._trend = (_readonly(a) for a in state)


@attrs.frozen(repr=False)
class PanelAssessment:
    """The assessment of many series at once; every array has the panel's shape.

    ``status`` holds :attr:`Status.code` values (:meth:`statuses` turns them
    into :class:`Status`), ``reason`` indexes :data:`~progmon.assessment.REASONS`.
    Values are in the unit of the input; times in its time scale. NaN where a
    number does not apply.

    Attributes:
        status: Status codes (int8).
        reason: Reason codes (int8), see :data:`~progmon.assessment.REASONS`.
        ratio: The method's key number (growth ratio R, projection ratio P,
            pro-rata ratio Q) for rows with a quantitative target.
        rate: Annual growth from baseline to latest in the desired direction
            (compound where defined, see ``compound``).
        compound: Whether ``rate`` is compound growth.
        progress: Share of the gap baseline -> target closed by the latest
            figure (1.0 = met).
        expected_progress: Share of the gap that the path to the target
            (through the milestones) has closed by ``at``.
        projection: Projected value at the deadline.
        expected: Value expected at ``at`` on the path to the target.
        expected_latest: The same at the time of the latest figure.
        required: The value required at the deadline.
        baseline, baseline_time: The baseline figure and its time.
        latest, latest_time: The latest figure up to ``as_of`` and its time.
        change: ``latest - baseline``.
        relative_change: ``change / |baseline|`` (NaN for a zero baseline).
        significant: 1.0 if the change exceeds its margin, 0.0 if not, NaN if unknown.
        count: Number of figures from the baseline up to ``as_of``.
        method: The method that assessed the panel.

    Example:
        Two municipalities, one indicator, lower is better, target 50 by 2030:

        >>> res = assess_panel([2015.5, 2020.5], [[100.0, 80.0], [100.0, 95.0]], target=50,
        ...                    deadline=2030.5, direction=-1)
        >>> [s.value for s in res.statuses()], res.progress.tolist()
        (['on-track', 'off-track'], [0.4, 0.1])

    ``slope`` and ``trend``, statistics of each whole series, are worked out
    when first read (from a copy of the figures), not in :func:`assess_panel`.
    """

    status: npt.NDArray[np.int8] = _array()
    reason: npt.NDArray[np.int8] = _array()
    ratio: FloatArray = _array()
    rate: FloatArray = _array()
    compound: BoolArray = _array()
    progress: FloatArray = _array()
    expected_progress: FloatArray = _array()
    projection: FloatArray = _array()
    expected: FloatArray = _array()
    expected_latest: FloatArray = _array()
    required: FloatArray = _array()
    baseline: FloatArray = _array()
    baseline_time: FloatArray = _array()
    latest: FloatArray = _array()
    latest_time: FloatArray = _array()
    change: FloatArray = _array()
    relative_change: FloatArray = _array()
    significant: FloatArray = _array()
    count: npt.NDArray[np.int64] = _array()
    method: Method = DEFAULT
    # Typed Any for the reference's signature, which shows no private class.
    _statistics: Any = attrs.field(factory=_Statistics.empty, alias="statistics", repr=False)

    @property
    def slope(self) -> FloatArray:
        """The trend per year (Theil-Sen from 3 points, else the two-point slope).

        Example:
            >>> assess_panel([2015, 2016, 2017], [[10.0, 12.0, 13.0]]).slope.tolist()
            [1.5]
        """
        statistics: _Statistics = self._statistics
        return statistics.slope

    @property
    def trend(self) -> npt.NDArray[np.str_]:
        """The Mann-Kendall trend ("increasing", "decreasing", "no trend"; "" below 4 points).

        Example:
            >>> assess_panel([2015, 2016, 2017, 2018, 2019], [[1.0, 2, 3, 4, 5]]).trend.tolist()
            ['increasing']
        """
        statistics: _Statistics = self._statistics
        return statistics.trend

    def __repr__(self) -> str:
        shown = [f.name for f in attrs.fields(PanelAssessment) if f.repr]
        at = shown.index("count")
        names = [*shown[:at], "slope", "trend", *shown[at:]]
        return f"PanelAssessment({', '.join(f'{n}={getattr(self, n)!r}' for n in names)})"

    @property
    def thresholds(self) -> Mapping[str, float]:
        """The method's thresholds, by name."""
        return dict(self.method.thresholds)

    def statuses(self) -> npt.NDArray[np.object_]:
        """The status codes as :class:`Status` members (an object array).

        Example:
            >>> res = assess_panel([2015.5, 2020.5], [[100.0, 80.0]], target=50,
            ...                    deadline=2030.5, direction=-1)
            >>> res.statuses().tolist()
            [<Status.ON_TRACK: 'on-track'>]
        """
        return _STATUSES[np.asarray(self.status, dtype=np.intp)]

    def reasons(self) -> npt.NDArray[np.str_]:
        """The reason codes as strings.

        Example:
            >>> assess_panel([2015.5, 2020.5], [[100.0, 80.0]], target=50, deadline=2030.5,
            ...              direction=-1).reasons().tolist()
            ['ratio']
        """
        return np.asarray(REASONS)[np.asarray(self.reason, dtype=np.intp)]

    def counts(self) -> dict[Status, int]:
        """How many series have each status.

        Example:
            >>> res = assess_panel([2015.5, 2020.5], [[100.0, 80.0], [100.0, 120.0]], target=50,
            ...                    deadline=2030.5, direction=-1)
            >>> res.counts()[Status.DETERIORATING]
            1
        """
        found = np.bincount(np.asarray(self.status).reshape(-1), minlength=len(_STATUSES))
        return dict(zip(_MEMBERS, found.tolist(), strict=True))


_STATUSES: Final = np.array(list(Status), dtype=object)
_MEMBERS: Final = tuple(Status)


# --------------------------------------------------------------------------- inputs


def _broadcast_rows(value: npt.ArrayLike | None, shape: tuple[int, ...], fill: float) -> FloatArray:
    array = np.float64(fill) if value is None else np.asarray(value, dtype=np.float64)
    try:
        return np.broadcast_to(array, shape)
    except ValueError as e:
        raise ValidationError(
            f"does not broadcast to the panel's shape {shape}",
            element="assess_panel",
            value=array.shape,
        ) from e


def _pick(values: FloatArray, index: npt.NDArray[np.intp]) -> FloatArray:
    """``values[i, index[i]]`` for each row ``i``."""
    if values.strides[0] == 0 and len(values):  # one row for all (times shared by every series)
        shared: FloatArray = values[0][index]
        return shared
    rows, n = values.shape
    if values.flags.c_contiguous:
        flat: FloatArray = values.reshape(-1).take(np.arange(0, rows * n, n) + index)
        return flat
    picked: FloatArray = values[np.arange(rows), index]
    return picked


@attrs.frozen
class _Ends:
    """Where each series starts (its baseline) and ends (its latest figure)."""

    used: BoolArray
    count: npt.NDArray[np.int64]
    first: npt.NDArray[np.intp]
    last: npt.NDArray[np.intp]
    has_base: BoolArray
    any_valid: BoolArray
    t_base: FloatArray
    y_base: FloatArray
    t_last: FloatArray
    y_last: FloatArray


def _over_time(mask: BoolArray) -> BoolArray:
    """``mask`` of rows ``(c, n)`` time-major: reductions over time then add whole rows.

    On short series that is several times faster than reducing the last axis.
    """
    return np.ascontiguousarray(mask.T)


def _first_true(mask: BoolArray, mask_t: BoolArray) -> npt.NDArray[np.intp]:
    """``argmax(mask, axis=-1)``: the first True of each row (0 where none is).

    Most series have their first figure: only the others are searched.
    """
    if mask.shape[-1] == 0 or mask_t[0].all():
        return np.zeros(mask.shape[0], dtype=np.intp)
    first = np.zeros(mask.shape[0], dtype=np.intp)
    others = np.flatnonzero(~mask_t[0])
    first[others] = np.argmax(mask[others], axis=-1)
    return first


def _last_true(mask: BoolArray, mask_t: BoolArray) -> npt.NDArray[np.intp]:
    """``n - 1 - argmax(mask[..., ::-1], axis=-1)``: the last True of each row (else n - 1)."""
    n = mask.shape[-1]
    last = np.full(mask.shape[0], n - 1, dtype=np.intp)
    if n == 0 or mask_t[-1].all():
        return last
    others = np.flatnonzero(~mask_t[-1])
    last[others] = n - 1 - np.argmax(mask[others, ::-1], axis=-1)
    return last


def _ends(
    times: FloatArray, values: FloatArray, base_t: FloatArray | None, as_of: float | None
) -> _Ends:
    """The ends of the rows ``(c, n)`` of one chunk, and the number of figures that count."""
    # isnan of times shared by every series on their one row.
    timed = np.broadcast_to(~np.isnan(times[:1]), times.shape) if times.strides[0] == 0 else None
    valid = ~np.isnan(values) & (~np.isnan(times) if timed is None else timed)
    if as_of is not None:
        valid &= times <= as_of
    valid_t = _over_time(valid)
    any_valid = np.asarray(valid_t.any(axis=0))
    last = _last_true(valid, valid_t)
    if base_t is None:
        first = _first_true(valid, valid_t)
        has_base, used, used_t = any_valid, valid, valid_t
    else:
        # A row whose baseline time is NaN has no baseline figure (yet): nothing to judge.
        at_base = valid & (times == base_t[..., None])
        first = np.argmax(at_base, axis=-1)
        has_base = np.asarray(_over_time(at_base).any(axis=0))
        # Figures before the baseline belong to before the programme: not counted in its trend.
        used = valid & (times >= base_t[..., None]) & has_base[..., None]
        used_t = _over_time(used)
    return _Ends(
        used=used,
        count=used_t.view(np.uint8).sum(axis=0, dtype=np.int64),
        first=first,
        last=last,
        has_base=has_base,
        any_valid=any_valid,
        t_base=np.where(has_base, _pick(times, first), np.nan),
        y_base=np.where(has_base, _pick(values, first), np.nan),
        t_last=np.where(any_valid, _pick(times, last), np.nan),
        y_last=np.where(any_valid, _pick(values, last), np.nan),
    )


def _significance(
    base: tuple[FloatArray, FloatArray, FloatArray],
    last: tuple[FloatArray, FloatArray, FloatArray],
    share_scale: FloatArray,
) -> FloatArray:
    """1/0/NaN: margins first (CBS rule), else a z-test on shares with sample sizes."""
    y0, m0, n0 = base
    y1, m1, n1 = last
    by_margin = trend.margin_test(y0, m0, y1, m1)
    known = np.asarray(by_margin.known)
    result = np.where(known, np.asarray(by_margin.significant, dtype=np.float64), np.nan)
    scale = np.broadcast_to(share_scale, y0.shape)
    usable = (
        ~known
        & np.isfinite(scale)
        & np.isfinite(n0)
        & np.isfinite(n1)
        & np.isfinite(y0)
        & np.isfinite(y1)
    )
    if usable.any():
        unit = np.where(usable, scale, 1.0)
        p0 = np.clip(np.where(usable, y0 / unit, 0.5), 0.0, 1.0)
        p1 = np.clip(np.where(usable, y1 / unit, 0.5), 0.0, 1.0)
        size0, size1 = np.where(usable, n0, 1.0), np.where(usable, n1, 1.0)
        test = trend.proportions_ztest(p1, size1, p0, size0)
        pvalue = np.asarray(test.pvalue)
        decided = usable & np.isfinite(pvalue)
        # Equal shares of 0 or 1 have no variance: the change (none) is not significant.
        no_change = usable & ~np.isfinite(pvalue)
        result = np.where(decided, (pvalue < SIGNIFICANCE).astype(np.float64), result)
        result = np.where(no_change, 0.0, result)
    return result


# --------------------------------------------------------------------------- the rules


@attrs.frozen
class _Verdict:
    status: IntArray
    reason: IntArray
    ratio: FloatArray
    rate: FloatArray
    compound: BoolArray
    progress: FloatArray
    projection: FloatArray
    way: BoolArray


def _judge(
    method: Method, rows: Rows, *, count: FloatArray, kind: IntArray, significant: FloatArray
) -> _Verdict:
    """Apply the common rules and ``method`` to every row: the one decision table.

    The rules, first match wins: no figure NOT_MEASURED; no target and no
    direction NO_TARGET; no baseline figure INSUFFICIENT_DATA; a norm that
    holds but whose projection crosses it before the deadline AT_RISK; a
    target met (a norm that holds) ACHIEVED; only the baseline
    INSUFFICIENT_DATA; a Maintain target not met DETERIORATING; a level
    target without direction OFF_TRACK; a level target without deadline, an
    Improve target or a direction alone: the growth rate against the
    method's rate thresholds; a level target (a norm not met): the method's
    ratio against its thresholds, at most OFF_TRACK once the deadline has
    passed. A change within its survey margin counts as no change.
    """
    tb, yb, tl, y_eff = rows.t_base, rows.y_base, rows.t_latest, rows.y_latest
    req, tt, sgn = rows.required, rows.t_deadline, rows.sign
    within_margin = significant == 0
    quantitative = (kind == Kind.LEVEL) | (kind == Kind.NORM)
    norm, maintain = kind == Kind.NORM, kind == Kind.MAINTAIN
    directed = sgn != 0
    reached = met(kind, y_eff, yb, req, sgn)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        raw_rate, compound = growth_rate(tb, yb, tl, y_eff)
        rate = sgn * raw_rate
        ratio = np.where(quantitative, method.ratio(rows), np.nan)
        projection = method.project(rows)
        crosses = (
            norm & reached & (tt > tl) & (sgn * (projection - req) < 0) if norm.any() else False
        )
    way = _has_way(kind, sgn, req, yb)
    progress = np.where(way, gap_closed(yb, y_eff, req), np.nan)
    # The growth rate decides rows without a quantitative target or deadline only.
    if (~quantitative | np.isnan(tt)).any():
        rate_status = method.classify_rate(np.nan_to_num(rate, nan=0.0), rows)
    else:
        rate_status = np.zeros(count.shape, dtype=np.int8)
    ratio_status = method.classify(np.nan_to_num(ratio, nan=0.0), rows)
    worse = sgn * (y_eff - yb) < 0
    gap_zero_status = np.where(worse, DETERIORATING, OFF_TRACK)
    passed_status = np.where(ratio_status == DETERIORATING, DETERIORATING, OFF_TRACK)
    margin_or = (
        np.where(within_margin, reason_code("change-within-margin"), -1)
        if within_margin.any()
        else -1
    )
    has_base = ~np.isnan(yb)
    moved = tl > tb

    rules: list[tuple[Any, Any, Any]] = [
        (count == 0, NOT_MEASURED, reason_code("not-measured")),
        ((kind == Kind.TREND) & ~directed, NO_TARGET, reason_code("no-target")),
        (~has_base, INSUFFICIENT_DATA, reason_code("no-baseline")),
        (crosses & moved, AT_RISK, reason_code("norm-at-risk")),
        (norm & reached, ACHIEVED, reason_code("norm-holds")),
        (reached, ACHIEVED, reason_code("target-met")),
        (~moved, INSUFFICIENT_DATA, reason_code("baseline-only")),
        (maintain & directed, DETERIORATING, reason_code("not-maintained")),
        ((quantitative | maintain) & ~directed, OFF_TRACK, reason_code("no-direction")),
        (quantitative & np.isnan(tt), rate_status, reason_code("no-deadline")),
        (quantitative & (tt <= tl), passed_status, reason_code("deadline-passed")),
        (quantitative & np.isnan(ratio), gap_zero_status, reason_code("gap-zero")),
        (quantitative, ratio_status, np.where(margin_or >= 0, margin_or, reason_code("ratio"))),
    ]
    shape = count.shape
    rate_reason = np.where(margin_or >= 0, margin_or, reason_code("rate"))
    status = np.array(np.broadcast_to(rate_status, shape), dtype=np.int8)
    reason = np.array(np.broadcast_to(rate_reason, shape), dtype=np.int8)
    # First match wins: the rules from the last to the first, each over what follows it.
    for condition, rule_status, rule_reason in reversed(rules):
        where = np.broadcast_to(condition, shape)
        if where.any():  # most rules apply to no row of a panel
            np.copyto(status, rule_status, where=where, casting="unsafe")
            np.copyto(reason, rule_reason, where=where, casting="unsafe")
    judged = status <= DETERIORATING
    # "+ 0.0" turns the -0.0 of "no change, lower is better" into 0.0, which
    # a report prints as 0.00 rather than as a move the wrong way.
    return _Verdict(
        status=status,
        reason=reason,
        ratio=np.where(judged & quantitative, ratio, np.nan) + 0.0,
        rate=np.where(moved, rate, np.nan) + 0.0,
        compound=compound,
        progress=progress,
        projection=np.where(moved, projection, np.nan),
        way=way,
    )


def _has_way(kind: Any, sign: Any, required: Any, baseline: Any) -> BoolArray:
    """Where a share of the way to the target means something: a way in the better direction.

    A target that the baseline already meets (a norm that holds) has no way to go.
    """
    quantitative = (kind == Kind.LEVEL) | (kind == Kind.NORM)
    with np.errstate(invalid="ignore"):
        return np.asarray(quantitative & ((sign == 0) | (sign * (required - baseline) > 0)))


def _trends(
    t: FloatArray, masked: FloatArray, count: npt.NDArray[np.int64]
) -> tuple[FloatArray, npt.NDArray[np.str_]]:
    """Slope (Theil-Sen from 3 points, else two-point) and Mann-Kendall (from 4 points).

    ``masked`` holds the figures that count, NaN elsewhere; each statistic is
    worked out for the rows with enough of them only (a row's result does not
    depend on the others).
    """
    rows, n = masked.shape[:-1], masked.shape[-1]
    series = math.prod(rows)
    y = masked.reshape(series, n)
    times = np.broadcast_to(t, masked.shape).reshape(series, n)
    t_missing = np.broadcast_to(np.isnan(t), masked.shape).reshape(series, n)
    counts = count.reshape(series)
    slope = np.full(series, np.nan)
    direction = np.full(series, "", dtype="<U10")
    with np.errstate(all="ignore"):
        two = counts == 2
        # The slopes and the trend alone: no p-value, so no scipy.
        if two.any():
            slope[two] = trend._ols_slope(*_where_rows(two, times, y, t_missing))  # noqa: SLF001
        more = counts >= 3
        if more.any():
            slope[more] = trend._sen_slope_only(*_where_rows(more, times, y, t_missing))  # noqa: SLF001
        four = counts >= 4
        if four.any():
            (shown,) = _where_rows(four, y)
            direction[four] = trend._mann_kendall_trend(shown)  # noqa: SLF001
    return slope.reshape(rows), direction.reshape(rows)


def _where_rows(mask: BoolArray, *arrays: npt.NDArray[Any]) -> list[npt.NDArray[Any]]:
    """The rows of ``arrays`` where ``mask``; the arrays themselves where it holds for all."""
    if mask.all():
        return list(arrays)
    return [array[mask] for array in arrays]


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
    share_scale: npt.ArrayLike | None = None,
    limit: npt.ArrayLike | None = None,
    path_t: npt.ArrayLike | None = None,
    path_y: npt.ArrayLike | None = None,
    method: MethodLike = None,
) -> PanelAssessment:
    """Assess many series at once: regions x indicators x times, NaN for gaps.

    Args:
        t: Times of the columns (decimal years), shape ``(n,)`` or
            broadcasting against ``y``.
        y: Values, shape ``(..., n)``; NaN marks a missing figure.
        target: The value required at the deadline (for a ``Change`` use
            :func:`~progmon.assessment.required_value`); NaN or None: no
            quantitative target. Broadcasts against ``y.shape[:-1]``.
        deadline: The time of the deadline on the scale of ``t`` (for
            mid-year times ``Y + 0.5``); NaN or None: none.
        direction: +1 where higher is better, -1 where lower is better, 0 or
            NaN where unknown.
        kind: :class:`~progmon.assessment.Kind` codes; default LEVEL where
            ``target`` is given, else TREND (judged by the growth rate in
            ``direction``). NORM judges ``target`` as a norm.
        baseline: The time of the baseline figure (NaN: none yet); default the first figure.
        as_of: The last time to use (figures after it are ignored).
        at: The time for ``expected`` (default ``as_of``, else the latest).
        margin: 95 % margins of the figures, like ``y``; NaN where unknown.
        sample_size: Sample sizes of the figures (survey shares), like ``y``.
        share_scale: The value of 100 % in the unit of ``y`` (100 for
            percent, 1 for fractions), enabling the z-test on sample sizes;
            per row, NaN where a row is not a share.
        limit: Each row's natural limit, for methods with ``natural_limit=True``.
        path_t: The times of each row's milestones, shape ``(..., k)``, NaN
            where a row has fewer.
        path_y: The values the milestones require, like ``path_t``.
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
    chosen = get_method(method)
    given = {
        "t": t,
        "y": y,
        "target": target,
        "deadline": deadline,
        "direction": direction,
        "kind": kind,
        "baseline": baseline,
        "margin": margin,
        "sample_size": sample_size,
        "share_scale": share_scale,
        "limit": limit,
        "path_t": path_t,
        "path_y": path_y,
    }
    if trend._scale_of(*given.values()) is not None:  # noqa: SLF001
        return _assess_scaled(given, as_of=as_of, at=at, method=chosen)
    values = np.asarray(y, dtype=np.float64)
    if values.ndim == 0:
        raise ValidationError("must have a time axis", element="assess_panel(y)", value=y)
    # A copy: the statistics read the times when first asked for, maybe after t changed.
    t_arr = np.array(t, dtype=np.float64)
    try:
        np.broadcast_to(t_arr, values.shape)
    except ValueError as e:
        raise ValidationError(
            "t does not broadcast against y", element="assess_panel(t)", value=np.shape(t)
        ) from e
    if values.shape[-1] == 0:
        # No figures at all: one missing figure says the same and keeps argmax defined;
        # no figures, so no margins.
        values = np.full((*values.shape[:-1], 1), np.nan)
        t_arr = np.full(values.shape, np.nan)
        margin = sample_size = None
    rows, n = values.shape[:-1], values.shape[-1]
    series = math.prod(rows)

    def per_row(value: npt.ArrayLike | None, fill: float) -> FloatArray:
        return _broadcast_rows(value, rows, fill).reshape(series)

    def per_figure(value: npt.ArrayLike | None) -> FloatArray | None:
        if value is None:
            return None
        return _broadcast_rows(value, values.shape, np.nan).reshape(series, n)

    kinds = None if kind is None else np.broadcast_to(np.asarray(kind, np.int8), rows)
    path_times, path_values = _path(path_t, path_y, rows)
    k = path_times.shape[-1]
    shares = None if share_scale is None else per_row(share_scale, np.nan)
    inputs = _Inputs(
        times=np.broadcast_to(t_arr, values.shape).reshape(series, n),
        values=values.reshape(series, n),
        base=None if baseline is None else per_row(baseline, np.nan),
        margins=per_figure(margin),
        sizes=per_figure(sample_size) if shares is not None else None,
        shares=shares,
        required=per_row(target, np.nan),
        kind=None if kinds is None else kinds.reshape(series),
        direction=per_row(direction, 0.0),
        deadline=per_row(deadline, np.nan),
        limit=per_row(limit, np.nan),
        path_t=path_times.reshape(series, k),
        path_y=path_values.reshape(series, k),
    )
    results, used = _assess_rows(chosen, inputs, as_of=as_of, at=at)
    fields = {name: _Owned(value.reshape(rows)) for name, value in results.items()}
    count = results["count"].reshape(rows)
    if values is y or not values.flags.owndata:
        # The statistics read the figures when first asked for, maybe after y changed.
        values = values.copy()
    return PanelAssessment(
        **fields,  # type: ignore[arg-type]
        method=chosen,
        statistics=_Statistics((t_arr, values, used.reshape(values.shape), count)),
    )


#: The fields of a panel's assessment, and their types, as blocks of a dask array hold them.
_SCALED: Final[dict[str, Any]] = {
    **{f.name: np.float64 for f in attrs.fields(PanelAssessment) if f.name[0] != "_"},
    "status": np.int8,
    "reason": np.int8,
    "compound": np.bool_,
    "count": np.int64,
    "slope": np.float64,
    "trend": "<U10",
}
del _SCALED["method"]
_PER_FIGURE: Final = frozenset({"t", "y", "margin", "sample_size"})
_PER_MILESTONE: Final = frozenset({"path_t", "path_y"})


def _assess_scaled(
    given: dict[str, Any], *, as_of: float | None, at: float | None, method: Method
) -> PanelAssessment:
    """:func:`assess_panel` of dask or xarray input: block by block over the series, then computed.

    The blocks run where dask runs them (a cluster, if one is set up); the
    result, one value per series, is brought together, with ``slope`` and
    ``trend`` worked out in the same pass. An xarray input gives DataArrays
    labelled as the series of ``y``.
    """
    names = [name for name, value in given.items() if value is not None]
    axes = ["n" if n in _PER_FIGURE else "k" if n in _PER_MILESTONE else "" for n in names]

    def core(*blocks: npt.NDArray[Any]) -> tuple[npt.NDArray[Any], ...]:
        res = assess_panel(
            **dict(zip(names, blocks, strict=True)), as_of=as_of, at=at, method=method
        )
        return tuple(np.asarray(getattr(res, name)) for name in _SCALED)

    arrays = [(given[name], axis) for name, axis in zip(names, axes, strict=True)]
    found = trend._map_series(core, given["y"], arrays, list(_SCALED.values()))  # noqa: SLF001
    if trend._scale_of(*found) == "xarray":  # noqa: SLF001
        import xarray

        computed = xarray.Dataset(dict(zip(_SCALED, found, strict=True))).compute()
        fields: dict[str, Any] = {name: computed[name] for name in _SCALED}
    else:
        import dask

        done = dask.compute(*found)  # type: ignore[attr-defined,no-untyped-call]
        fields = {name: _Owned(np.asarray(v)) for name, v in zip(_SCALED, done, strict=True)}
    slope, direction = fields.pop("slope"), fields.pop("trend")
    return PanelAssessment(
        **fields,
        method=method,
        statistics=_Statistics(None, _readonly(slope), _readonly(direction)),
    )


@attrs.frozen
class _Inputs:
    """The arguments of :func:`assess_panel` as rows: ``(series,)``, or ``(series, n)`` per figure.

    None where an argument was not given and its absence says all.
    """

    times: FloatArray
    values: FloatArray
    base: FloatArray | None
    margins: FloatArray | None
    sizes: FloatArray | None
    shares: FloatArray | None
    required: FloatArray
    kind: IntArray | None
    direction: FloatArray
    deadline: FloatArray
    limit: FloatArray
    path_t: FloatArray
    path_y: FloatArray


def _assess_rows(
    chosen: Method, inputs: _Inputs, *, as_of: float | None, at: float | None
) -> tuple[dict[str, npt.NDArray[Any]], BoolArray]:
    """Assess all rows, a chunk at a time: the fields, and which figures count."""
    series, n = inputs.values.shape
    step = max(1, _CHUNK_VALUES // n)
    parts = [slice(start, start + step) for start in range(0, max(series, 1), step)]
    if len(parts) == 1:
        return _assess_chunk(chosen, inputs, parts[0], as_of=as_of, at=at)
    results: dict[str, npt.NDArray[Any]] = {}
    used = np.empty((series, n), dtype=bool)
    for part in parts:
        found, used[part] = _assess_chunk(chosen, inputs, part, as_of=as_of, at=at)
        if not results:
            results = {name: np.empty(series, dtype=f.dtype) for name, f in found.items()}
        for name, value in found.items():
            results[name][part] = value
    return results, used


def _part(array: npt.NDArray[Any] | None, part: slice) -> Any:
    return None if array is None else array[part]


def _assess_chunk(
    chosen: Method,
    inputs: _Inputs,
    part: slice,
    *,
    as_of: float | None,
    at: float | None,
) -> tuple[dict[str, npt.NDArray[Any]], BoolArray]:
    """Assess the rows ``part`` of a panel: its fields, and which figures count."""
    values = inputs.values[part]
    ends = _ends(inputs.times[part], values, _part(inputs.base, part), as_of)
    first, last, has_base = ends.first, ends.last, ends.has_base
    t_base, y_base, t_last, y_last = ends.t_base, ends.y_base, ends.t_last, ends.y_last
    margins, sizes = _part(inputs.margins, part), _part(inputs.sizes, part)
    if margins is None and sizes is None:
        # Neither margins nor sample sizes (with the scale of a share): nothing to test.
        significant = np.full(y_base.shape, np.nan)
    else:
        nothing = np.full(y_base.shape, np.nan)

        def at_index(figures: FloatArray | None, index: npt.NDArray[np.intp]) -> FloatArray:
            return nothing if figures is None else _pick(figures, index)

        significant = _significance(
            (y_base, at_index(margins, first), at_index(sizes, first)),
            (y_last, at_index(margins, last), at_index(sizes, last)),
            nothing if inputs.shares is None else inputs.shares[part],
        )
        significant = np.where(has_base & (t_last > t_base), significant, np.nan)

    required = inputs.required[part]
    if inputs.kind is None:
        kinds = np.where(np.isnan(required), Kind.TREND, Kind.LEVEL).astype(np.int8)
    else:
        kinds = inputs.kind[part]
    sign = np.nan_to_num(inputs.direction[part], nan=0.0)
    judged_rows = Rows(
        t_base=t_base,
        y_base=y_base,
        t_latest=t_last,
        # A change within its survey margin counts as no change.
        y_latest=np.where(significant == 0, y_base, y_last),
        t_deadline=inputs.deadline[part],
        required=required,
        sign=sign,
        limit=inputs.limit[part],
        path_t=inputs.path_t[part],
        path_y=inputs.path_y[part],
    )
    verdict = _judge(
        chosen,
        judged_rows,
        count=ends.any_valid.astype(np.float64),
        kind=kinds,
        significant=significant,
    )
    when = at if at is not None else as_of
    quantitative = (kinds == Kind.LEVEL) | (kinds == Kind.NORM)
    at_time = t_last if when is None else when
    expected = np.where(quantitative, judged_rows.expected(at_time), np.nan)
    if when is None:
        expected_latest = expected
    else:
        expected_latest = np.where(quantitative, judged_rows.expected(t_last), np.nan)
    change = y_last - y_base
    with np.errstate(divide="ignore", invalid="ignore"):
        relative = np.where(y_base != 0, change / np.abs(y_base), np.nan)
    fields: dict[str, npt.NDArray[Any]] = {
        "status": verdict.status,
        "reason": verdict.reason,
        "ratio": verdict.ratio,
        "rate": verdict.rate,
        "compound": verdict.compound,
        "progress": verdict.progress,
        "expected_progress": np.where(verdict.way, gap_closed(y_base, expected, required), np.nan),
        "projection": verdict.projection,
        "expected": expected,
        "expected_latest": expected_latest,
        "required": np.where(quantitative, required, np.nan),
        "baseline": y_base,
        "baseline_time": t_base,
        "latest": y_last,
        "latest_time": t_last,
        "change": change,
        "relative_change": relative,
        "significant": significant,
        "count": ends.count,
    }
    return fields, ends.used


def _path(
    path_t: npt.ArrayLike | None, path_y: npt.ArrayLike | None, rows: tuple[int, ...]
) -> tuple[FloatArray, FloatArray]:
    """The milestones' times and values as arrays of shape ``(*rows, k)``."""
    if path_t is None and path_y is None:
        return np.empty((*rows, 0)), np.empty((*rows, 0))
    if path_t is None or path_y is None:
        raise ValidationError(
            "path_t and path_y go together: give both or neither",
            element="assess_panel",
            value=(path_t is None, path_y is None),
        )
    times, values = floats(path_t), floats(path_y)
    if times.ndim == 0 or times.shape != values.shape:
        raise ValidationError(
            "path_t and path_y must have one shape, (..., k)",
            element="assess_panel",
            value=(times.shape, values.shape),
        )
    k = times.shape[-1]
    try:
        return (
            np.broadcast_to(times, (*rows, k)),
            np.broadcast_to(values, (*rows, k)),
        )
    except ValueError as e:
        raise ValidationError(
            f"path_t does not broadcast to the panel's shape {(*rows, k)}",
            element="assess_panel",
            value=times.shape,
        ) from e
