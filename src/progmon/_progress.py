r"""Targets and progress on numpy arrays: the numeric core of the assessment.

Everything here works on plain float arrays in one unit, broadcast against
each other, NaN meaning "unknown"; units and model objects stay at the edges
(:mod:`progmon.assessment`). Times are decimal years: a figure sits at the
midpoint of its period, a deadline year ``Y`` at ``Y + 0.5``.

With baseline :math:`(t_b, y_b)`, latest figure :math:`(t_l, y_l)`, required
value :math:`y_T` at the deadline :math:`T` and desired direction
:math:`d = \pm 1`:

* required value: ``Level(v)`` gives :math:`v`, ``Change(a)`` gives
  :math:`y_b + a`, ``RelativeChange(f)`` gives :math:`y_b (1 + f)`;
* share of the gap closed: :math:`(y_l - y_b) / (y_T - y_b)`;
* expected value on the straight path:
  :math:`y_b + (y_T - y_b)(t - t_b)/(T - t_b)`, ``t`` clipped to
  :math:`[t_b, T]`;
* projection at the deadline, compound (the UNSD progress chart):
  :math:`y_b (1 + r)^{T - t_b}` with :math:`r` the compound annual growth
  from baseline to latest, or linear: :math:`y_b + (y_l - y_b)(T - t_b)/(t_l - t_b)`.

Compound growth needs values of one sign (:func:`compound_possible`); where
the values cross or touch zero the linear formulas are used instead, so that
nothing is divided by zero.
"""

from __future__ import annotations

import enum
import itertools
from typing import Any, Final, Protocol, TypeAlias

import attrs
import numpy as np
import numpy.typing as npt

from . import trend
from .errors import ValidationError

__all__ = [
    "Kind",
    "Status",
    "compound_possible",
    "expected_value",
    "gap_closed",
    "growth_rate",
    "project",
    "required_value",
]

FloatArray: TypeAlias = npt.NDArray[np.float64]
IntArray: TypeAlias = npt.NDArray[np.int8]


class Status(enum.Enum):
    """The status of an indicator, goal, ambition or programme.

    The first five are judgements, from best to worst; the last three say why
    there is no judgement. ``rank`` orders the judgements for the roll-up
    (higher is worse, DETERIORATING worst) and is -1 for the others; ``code``
    is the small integer that panels use.

    Example:
        >>> Status.ON_TRACK.value, Status.ON_TRACK.rank
        ('on-track', 1)
        >>> Status.from_code(4)
        <Status.DETERIORATING: 'deteriorating'>
        >>> Status.NOT_MEASURED.is_judged
        False
    """

    ACHIEVED = "achieved"
    ON_TRACK = "on-track"
    AT_RISK = "at-risk"
    OFF_TRACK = "off-track"
    DETERIORATING = "deteriorating"
    NOT_MEASURED = "not-measured"
    INSUFFICIENT_DATA = "insufficient-data"
    NO_TARGET = "no-target"

    @property
    def code(self) -> int:
        """The integer code of this status in panel results (0-7)."""
        return _STATUS_ORDER.index(self)

    @property
    def is_judged(self) -> bool:
        """Whether this is a judgement (ACHIEVED ... DETERIORATING)."""
        return self.code <= _DETERIORATING

    @property
    def rank(self) -> int:
        """The order of the roll-up, 0 ACHIEVED ... 4 DETERIORATING (worst); -1 if not judged."""
        return self.code if self.is_judged else -1

    @classmethod
    def from_code(cls, code: int) -> Status:
        """The status with integer ``code``."""
        try:
            return _STATUS_ORDER[int(code)]
        except IndexError:
            raise ValidationError(
                "is not a status code (0-7)", element="status", value=code
            ) from None


_STATUS_ORDER: Final = tuple(Status)
ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, _DETERIORATING = 0, 1, 2, 3, 4
DETERIORATING: Final = _DETERIORATING
NOT_MEASURED, INSUFFICIENT_DATA, NO_TARGET = 5, 6, 7


class Kind(enum.IntEnum):
    """What kind of target a row of a panel has, as an integer for arrays.

    Example:
        >>> import numpy as np
        >>> from progmon import assess_panel
        >>> res = assess_panel([2016.5, 2019.5], [[1089.0, 973.0]], direction=-1,
        ...                    kind=Kind.IMPROVE)
        >>> res.statuses().tolist()
        [<Status.ACHIEVED: 'achieved'>]
    """

    TREND = 0
    """No target, only a desired direction; judged by the growth rate."""
    LEVEL = 1
    """A value to reach by the deadline (Level, Change, RelativeChange)."""
    IMPROVE = 2
    """Better than the baseline."""
    MAINTAIN = 3
    """At least as good as the baseline."""


#: Machine-readable reasons, indexed by the reason code of a panel result.
REASONS: Final = (
    "not-measured",
    "no-target",
    "no-baseline",
    "target-met",
    "baseline-only",
    "not-maintained",
    "no-direction",
    "no-deadline",
    "deadline-passed",
    "gap-zero",
    "change-within-margin",
    "ratio",
    "rate",
)
_REASON: Final = {name: code for code, name in enumerate(REASONS)}


# --------------------------------------------------------------------------- formulas


def _floats(value: Any) -> FloatArray:
    return np.asarray(value, dtype=np.float64)


def required_value(kind: str, baseline: npt.ArrayLike, amount: npt.ArrayLike) -> FloatArray:
    """The value a target requires at its deadline.

    Args:
        kind: ``"level"`` (``amount`` is the value), ``"change"`` (``amount``
            is added to the baseline) or ``"relative-change"`` (``amount`` is
            a fraction of the baseline).
        baseline: Baseline values.
        amount: The target's number, in the indicator's unit (a fraction for
            a relative change).

    Raises:
        ValidationError: an unknown ``kind``.

    Example:
        >>> float(required_value("change", 4000, -360))
        3640.0
        >>> required_value("relative-change", [100, 22], -0.1).round(6).tolist()
        [90.0, 19.8]
    """
    base, value = _floats(baseline), _floats(amount)
    if kind == "level":
        return np.broadcast_to(value, np.broadcast_shapes(base.shape, value.shape)).copy()
    # A required value beyond the largest float is infinite, as in the rest of the arithmetic.
    with np.errstate(over="ignore"):
        if kind == "change":
            return base + value
        if kind == "relative-change":
            return base * (1.0 + value)
    raise ValidationError(
        "must be 'level', 'change' or 'relative-change'", element="target kind", value=kind
    )


def gap_closed(
    baseline: npt.ArrayLike, latest: npt.ArrayLike, required: npt.ArrayLike
) -> FloatArray:
    """The share of the gap from baseline to target closed by ``latest``.

    1.0 means the target is reached, 0 no change, negative a move away. NaN
    where there is no gap (the target equals the baseline).

    Example:
        >>> float(gap_closed(100, 80, 50))
        0.4
    """
    base, last, req = _floats(baseline), _floats(latest), _floats(required)
    gap = req - base
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(gap != 0, (last - base) / np.where(gap != 0, gap, 1.0), np.nan)


def expected_value(
    t: npt.ArrayLike,
    t_base: npt.ArrayLike,
    y_base: npt.ArrayLike,
    t_deadline: npt.ArrayLike,
    required: npt.ArrayLike,
) -> FloatArray:
    """The value expected at time ``t`` on the straight path baseline -> target (pro rata).

    Before the baseline it is the baseline, after the deadline the target.

    Example:
        >>> float(expected_value(2020.5, 2015.5, 100, 2030.5, 50))  # a third of the way
        83.33333333333334
    """
    tb, yb, tt, req = _floats(t_base), _floats(y_base), _floats(t_deadline), _floats(required)
    span = tt - tb
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.clip((_floats(t) - tb) / np.where(span > 0, span, np.nan), 0.0, 1.0)
    return yb + (req - yb) * share


def compound_possible(y_base: npt.ArrayLike, *others: npt.ArrayLike) -> npt.NDArray[np.bool_]:
    """Whether compound growth is defined: all values of one sign, the first not zero.

    Example:
        >>> compound_possible([100, 0, -5, 10], [80, 5, -1, -2]).tolist()
        [True, False, True, False]
    """
    base = _floats(y_base)
    positive, negative = base > 0, base < 0
    for other in others:
        value = _floats(other)
        positive = positive & (value >= 0)
        negative = negative & (value <= 0)
    return positive | negative


def _cagr(t0: FloatArray, y0: FloatArray, t1: FloatArray, y1: FloatArray) -> FloatArray:
    """Compound annual growth from (t0, y0) to (t1, y1); values of negative series flipped."""
    flip = np.where(y0 < 0, -1.0, 1.0)
    t0, y0, t1, y1 = np.broadcast_arrays(t0, flip * y0, t1, flip * y1)
    # A value that overflowed (a target of 1e308 + 1e308) has no growth rate: NaN, as
    # for a gap, rather than trend.cagr's refusal of an infinite input.
    y0, y1 = (np.where(np.isfinite(y), y, np.nan) for y in (y0, y1))
    rate = trend.cagr(np.stack([t0, t1], axis=-1), np.stack([y0, y1], axis=-1))
    return _floats(rate)


def growth_rate(
    t0: npt.ArrayLike, y0: npt.ArrayLike, t1: npt.ArrayLike, y1: npt.ArrayLike
) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
    r"""Annual growth from (t0, y0) to (t1, y1), and whether it is compound.

    Compound (:func:`progmon.trend.cagr`) where :func:`compound_possible`;
    for a series of negative values the rate of their magnitudes, with its
    sign turned, so that a positive rate always means "the value rises".
    Elsewhere (a zero baseline, values that change sign) the linear change per
    year relative to the mean magnitude of the two values,
    :math:`(y_1 - y_0) / (t_1 - t_0) / ((|y_0| + |y_1|)/2)`, 0 when both are 0.

    Example:
        >>> rate, compound = growth_rate(2015.5, 100, 2020.5, 80)
        >>> round(float(rate), 6), bool(compound)
        (-0.043648, True)
        >>> rate, compound = growth_rate(2015, 0, 2020, 5)
        >>> round(float(rate), 6), bool(compound)
        (0.4, False)
    """
    a0, b0, a1, b1 = np.broadcast_arrays(_floats(t0), _floats(y0), _floats(t1), _floats(y1))
    compound = compound_possible(b0, b1) & (a1 > a0)
    # The magnitude of a negative series falling means the value rises.
    rate = np.where(b0 < 0, -1.0, 1.0) * _cagr(a0, b0, a1, b1)
    scale = (np.abs(b0) + np.abs(b1)) / 2.0
    with np.errstate(divide="ignore", invalid="ignore"):
        linear = (b1 - b0) / (a1 - a0) / np.where(scale > 0, scale, np.nan)
    linear = np.where((scale == 0) & (a1 > a0), 0.0, linear)
    return np.where(compound, rate, linear), compound


def project(
    t_base: npt.ArrayLike,
    y_base: npt.ArrayLike,
    t_latest: npt.ArrayLike,
    y_latest: npt.ArrayLike,
    t_deadline: npt.ArrayLike,
    *,
    compound: bool = True,
) -> FloatArray:
    """The value at the deadline if the change from baseline to latest goes on.

    ``compound=True`` continues the compound growth (the UNSD progress chart),
    falling back to a straight line where compound growth is not defined;
    ``compound=False`` always continues the straight line. A deadline at or
    before the latest figure gives the latest figure.

    Example:
        >>> round(float(project(2015.5, 100, 2020.5, 80, 2030.5)), 2)  # 100 * 0.8**3
        51.2
        >>> float(project(2015.5, 100, 2020.5, 80, 2030.5, compound=False))
        40.0
    """
    tb, yb, tl, yl, tt = np.broadcast_arrays(
        _floats(t_base), _floats(y_base), _floats(t_latest), _floats(y_latest), _floats(t_deadline)
    )
    elapsed = tl - tb
    with np.errstate(divide="ignore", invalid="ignore"):
        linear = yb + (yl - yb) * (tt - tb) / np.where(elapsed > 0, elapsed, np.nan)
        if compound:
            ok = compound_possible(yb, yl) & (elapsed > 0)
            ratio = np.where(ok, yl / np.where(yb != 0, yb, 1.0), 1.0)
            growth = yb * ratio ** ((tt - tb) / np.where(elapsed > 0, elapsed, 1.0))
            linear = np.where(ok, growth, linear)
    return np.where(tt <= tl, yl, linear)


# --------------------------------------------------------------------------- judging


@attrs.frozen
class Gap:
    """The numbers of each row that a method needs (arrays of one shape).

    ``y_latest`` is the effective latest value: the baseline where a survey
    change lies within its margin. A method (:class:`progmon.methods.Method`)
    receives one ``Gap`` for all the rows it judges.

    Example:
        >>> gap = Gap(t_base=np.array([2015.5]), y_base=np.array([100.0]),
        ...           t_latest=np.array([2020.5]), y_latest=np.array([80.0]),
        ...           t_deadline=np.array([2030.5]), required=np.array([50.0]),
        ...           sign=np.array([-1.0]))
        >>> (gap.y_latest - gap.y_base) / (gap.required - gap.y_base)  # the gap closed
        array([0.4])
    """

    t_base: FloatArray
    y_base: FloatArray
    t_latest: FloatArray
    y_latest: FloatArray
    t_deadline: FloatArray
    required: FloatArray
    sign: FloatArray


class RowMethod(Protocol):
    """What :func:`judge` asks of an assessment method."""

    @property
    def name(self) -> str:
        """The method's name."""
        ...

    def ratio(self, gap: Gap) -> FloatArray:
        """The key number for rows with a quantitative target."""
        ...

    def classify(self, ratio: FloatArray) -> IntArray:
        """Status codes for the key numbers."""
        ...

    def classify_rate(self, rate: FloatArray) -> IntArray:
        """Status codes for growth rates in the desired direction (no quantitative target)."""
        ...

    def project(self, gap: Gap) -> FloatArray:
        """The projected value at the deadline."""
        ...


#: A key number within this fraction of a threshold below it counts as reaching it.
THRESHOLD_SLACK: Final = 1e-9


def _reaches(value: FloatArray, threshold: float) -> npt.NDArray[np.bool_]:
    # Figures are decimals: a ratio that is exactly 0.6 by hand comes out as
    # 0.5999999999999996 in binary floating point, and must not drop a class.
    return np.asarray(value >= threshold - THRESHOLD_SLACK * abs(threshold))


def classify(value: FloatArray, on_track: float, at_risk: float, off_track: float) -> IntArray:
    """Status codes from descending thresholds: >= on_track ON_TRACK ... < off_track DETERIORATING.

    A value within :data:`THRESHOLD_SLACK` (relative) below a threshold
    counts as reaching it, so that a key number that equals a threshold in
    exact arithmetic gets the status the threshold table gives it.

    Example:
        >>> classify(np.array([1.0, 0.7, 0.1, -0.2]), 0.95, 0.6, 0.0).tolist()
        [1, 2, 3, 4]
        >>> classify(np.array([0.5999999999999996]), 0.95, 0.6, 0.0).tolist()  # 0.6 by hand
        [2]
    """
    codes = np.select(
        [_reaches(value, on_track), _reaches(value, at_risk), _reaches(value, off_track)],
        [ON_TRACK, AT_RISK, OFF_TRACK],
        default=DETERIORATING,
    )
    return codes.astype(np.int8)


def check_thresholds(element: str, **thresholds: float) -> None:
    """Refuse thresholds that are not finite numbers in descending order."""
    values = list(thresholds.values())
    for name, value in thresholds.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or not np.isfinite(value):
            raise ValidationError(
                "threshold must be a finite number", element=f"{element}.{name}", value=value
            )
    if any(a < b for a, b in itertools.pairwise(values)):
        raise ValidationError(
            "thresholds must descend: on_track >= at_risk >= off_track",
            element=element,
            value=thresholds,
        )


@attrs.frozen
class Judgement:
    """Per row: status and reason codes and the numbers behind them."""

    status: IntArray
    reason: IntArray
    ratio: FloatArray
    rate: FloatArray
    compound: npt.NDArray[np.bool_]
    progress: FloatArray
    projection: FloatArray
    y_effective: FloatArray


def judge(  # one decision table, kept in one place on purpose
    method: RowMethod,
    *,
    n_valid: npt.ArrayLike,
    t_base: npt.ArrayLike,
    y_base: npt.ArrayLike,
    t_latest: npt.ArrayLike,
    y_latest: npt.ArrayLike,
    required: npt.ArrayLike,
    t_deadline: npt.ArrayLike,
    sign: npt.ArrayLike,
    kind: npt.ArrayLike,
    significant: npt.ArrayLike,
) -> Judgement:
    """Apply the common rules and ``method`` to every row.

    The rules, first match wins: no figure NOT_MEASURED; no target and no
    direction NO_TARGET; no baseline figure INSUFFICIENT_DATA; target met
    (a change within the margin counting as no change) ACHIEVED; only the
    baseline INSUFFICIENT_DATA; a Maintain target not met DETERIORATING; a
    level target without direction OFF_TRACK; a level target without
    deadline, an Improve target or a direction alone: the growth rate
    against the method's rate thresholds; a level target: the method's
    ratio against its thresholds, at most OFF_TRACK once the deadline has
    passed.

    ``significant`` is 1 (the change exceeds its margin), 0 (it does not) or
    NaN (unknown: treated as a real change).
    """
    arrays = np.broadcast_arrays(
        _floats(n_valid),
        _floats(t_base),
        _floats(y_base),
        _floats(t_latest),
        _floats(y_latest),
        _floats(required),
        _floats(t_deadline),
        _floats(sign),
        np.asarray(kind, dtype=np.int8),
        _floats(significant),
    )
    count, tb, yb, tl, yl, req, tt, sgn, knd, sig = arrays
    within_margin = sig == 0
    y_eff = np.where(within_margin, yb, yl)
    change = sgn * (y_eff - yb)
    equal_base = np.isclose(y_eff, yb, rtol=1e-12, atol=0.0)
    equal_target = np.isclose(y_eff, req, rtol=1e-12, atol=0.0)
    level, improve, maintain = knd == Kind.LEVEL, knd == Kind.IMPROVE, knd == Kind.MAINTAIN
    directed = sgn != 0
    met = (
        (level & directed & ((sgn * (y_eff - req) >= 0) | equal_target))
        | (level & ~directed & equal_target)
        | (improve & directed & (change > 0) & ~equal_base)
        | (maintain & ((directed & (change >= 0)) | equal_base))
    )

    gap = Gap(
        t_base=tb, y_base=yb, t_latest=tl, y_latest=y_eff, t_deadline=tt, required=req, sign=sgn
    )
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        raw_rate, compound = growth_rate(tb, yb, tl, y_eff)
        rate = sgn * raw_rate
        ratio = np.where(level, method.ratio(gap), np.nan)
        projection = method.project(gap)
    progress = np.where(level, gap_closed(yb, y_eff, req), np.nan)
    rate_status = method.classify_rate(np.nan_to_num(rate, nan=0.0))
    ratio_status = method.classify(np.nan_to_num(ratio, nan=0.0))
    worse = change < 0
    gap_zero_status = np.where(worse, DETERIORATING, OFF_TRACK)
    passed_status = np.where(ratio_status == DETERIORATING, DETERIORATING, OFF_TRACK)
    margin_or = np.where(within_margin, _REASON["change-within-margin"], -1)

    rules: list[tuple[Any, Any, Any]] = [
        (count == 0, NOT_MEASURED, _REASON["not-measured"]),
        ((knd == Kind.TREND) & ~directed, NO_TARGET, _REASON["no-target"]),
        (np.isnan(yb), INSUFFICIENT_DATA, _REASON["no-baseline"]),
        (met, ACHIEVED, _REASON["target-met"]),
        (~(tl > tb), INSUFFICIENT_DATA, _REASON["baseline-only"]),
        (maintain & directed, DETERIORATING, _REASON["not-maintained"]),
        ((level | maintain) & ~directed, OFF_TRACK, _REASON["no-direction"]),
        (level & np.isnan(tt), rate_status, _REASON["no-deadline"]),
        (level & (tt <= tl), passed_status, _REASON["deadline-passed"]),
        (level & np.isnan(ratio), gap_zero_status, _REASON["gap-zero"]),
        (level, ratio_status, np.where(margin_or >= 0, margin_or, _REASON["ratio"])),
    ]
    conditions = [np.asarray(c, dtype=bool) for c, _, _ in rules]
    status = np.select(
        conditions, [np.broadcast_to(s, count.shape) for _, s, _ in rules], rate_status
    )
    rate_reason = np.where(margin_or >= 0, margin_or, _REASON["rate"])
    reason = np.select(
        conditions, [np.broadcast_to(r, count.shape) for _, _, r in rules], rate_reason
    )
    judged = status <= DETERIORATING
    # "+ 0.0" turns the -0.0 of "no change, lower is better" into 0.0, which
    # a report prints as 0.00 rather than as a move the wrong way.
    return Judgement(
        status=status.astype(np.int8),
        reason=reason.astype(np.int8),
        ratio=np.where(judged & level, ratio, np.nan) + 0.0,
        rate=np.where(tl > tb, rate, np.nan) + 0.0,
        compound=compound,
        progress=progress,
        projection=np.where(tl > tb, projection, np.nan),
        y_effective=y_eff,
    )
