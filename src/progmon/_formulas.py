r"""The formulas of the assessment, on numpy arrays: one place for each.

Everything here works on plain float arrays in one unit, broadcast against
each other, NaN meaning "unknown"; units and model objects stay at the edges.
Times are decimal years: a figure sits at the midpoint of its period, a
deadline year ``Y`` at ``Y + 0.5``.

With baseline :math:`(t_b, y_b)`, latest figure :math:`(t_l, y_l)`, required
value :math:`y_T` at the deadline :math:`T` and desired direction
:math:`d = \pm 1`:

* required value: ``Level(v)`` gives :math:`v`, ``Change(a)`` gives
  :math:`y_b + a`, ``RelativeChange(f)`` gives :math:`y_b (1 + f)`;
* share of the gap closed: :math:`(y_l - y_b) / (y_T - y_b)`;
* expected value on the path: the straight line
  :math:`y_b + (y_T - y_b)(t - t_b)/(T - t_b)`, or, with milestones, the
  broken line through each milestone's required value at its year;
  ``t`` clipped to :math:`[t_b, T]`;
* projection at the deadline, compound (the UNSD progress chart):
  :math:`y_b (1 + r)^{T - t_b}` with :math:`r` the compound annual growth
  from baseline to latest, or linear: :math:`y_b + (y_l - y_b)(T - t_b)/(t_l - t_b)`;
* the natural-limit scale of open-sdg 2.4 for the rate thresholds of a
  bounded indicator: :math:`C = 1 - (|y_b|/|L|)^{4.44}` for
  :math:`|y_b| \le |L|`, :math:`1 - ((2|L| - |y_b|)/|L|)^{4.44}` up to
  :math:`2|L|`, else 1.

Compound growth needs values of one sign (:func:`compound_possible`); where
the values cross or touch zero the linear formulas are used instead, so that
nothing is divided by zero.
"""

from __future__ import annotations

import itertools
from typing import Any, Final, TypeAlias

import numpy as np
import numpy.typing as npt

from . import trend
from ._status import AT_RISK, DETERIORATING, OFF_TRACK, ON_TRACK
from ._targets import Kind
from .errors import ValidationError

__all__ = [
    "THRESHOLD_SLACK",
    "check_thresholds",
    "classify",
    "compound_possible",
    "expected_value",
    "gap_closed",
    "growth_rate",
    "limit_scale",
    "met",
    "project",
    "required_value",
]

FloatArray: TypeAlias = npt.NDArray[np.float64]
IntArray: TypeAlias = npt.NDArray[np.int8]
BoolArray: TypeAlias = npt.NDArray[np.bool_]


def floats(value: Any) -> FloatArray:
    """``value`` as an array of floats."""
    return np.asarray(value, dtype=np.float64)


# --------------------------------------------------------------------------- targets


def required_value(kind: str, baseline: npt.ArrayLike, amount: npt.ArrayLike) -> FloatArray:
    """The value a target requires at its deadline, for panels of many rows.

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
    base, value = floats(baseline), floats(amount)
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


def met(
    kind: npt.ArrayLike,
    value: npt.ArrayLike,
    baseline: npt.ArrayLike,
    required: npt.ArrayLike,
    sign: npt.ArrayLike,
) -> BoolArray:
    """Whether each row's target is met by ``value``, by the rule of its kind.

    A level or a norm is met at or beyond the required value in the desired
    direction (exactly at it without a direction); Improve when better than
    the baseline; Maintain when not worse. Values equal to 12 significant
    digits count as equal, so that a figure typed as the target meets it.

    Example:
        >>> met([Kind.LEVEL, Kind.NORM, Kind.IMPROVE, Kind.MAINTAIN],
        ...     [7.8, 7.8, 7.8, 7.8], 7.9, 7.5, 1).tolist()
        [True, True, False, False]
    """
    knd = np.asarray(kind, dtype=np.int8)
    y, yb, req, sgn = floats(value), floats(baseline), floats(required), floats(sign)
    equal_base = np.isclose(y, yb, rtol=1e-12, atol=0.0)
    equal_target = np.isclose(y, req, rtol=1e-12, atol=0.0)
    change = sgn * (y - yb)
    directed = sgn != 0
    quantitative = (knd == Kind.LEVEL) | (knd == Kind.NORM)
    with np.errstate(invalid="ignore"):
        return np.asarray(
            (quantitative & directed & ((sgn * (y - req) >= 0) | equal_target))
            | (quantitative & ~directed & equal_target)
            | ((knd == Kind.IMPROVE) & directed & (change > 0) & ~equal_base)
            | ((knd == Kind.MAINTAIN) & ((directed & (change >= 0)) | equal_base))
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
        >>> round(float(gap_closed(6.9, 7.0, 7.3)), 12)  # 0.1 of 0.4
        0.25
    """
    base, last, req = floats(baseline), floats(latest), floats(required)
    gap = req - base
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        return np.where(gap != 0, (last - base) / np.where(gap != 0, gap, 1.0), np.nan)


def expected_value(
    t: npt.ArrayLike,
    t_base: npt.ArrayLike,
    y_base: npt.ArrayLike,
    t_deadline: npt.ArrayLike,
    required: npt.ArrayLike,
    *,
    path_t: npt.ArrayLike | None = None,
    path_y: npt.ArrayLike | None = None,
) -> FloatArray:
    """The value expected at time ``t`` on the path from baseline to target.

    The path is the straight line from the baseline to the required value at
    the deadline (pro rata) or, with milestones, the broken line through the
    value each milestone requires at its time (``path_t``, ``path_y`` of
    shape ``(..., k)``, NaN where a row has fewer). Before the baseline it is
    the baseline, after the deadline the target.

    Example:
        >>> float(expected_value(2020.5, 2015.5, 100, 2030.5, 50))  # a third of the way
        83.33333333333334
        >>> float(expected_value(2018.5, 2017.5, 6.9, 2022.5, 7.3, path_t=[2019.5], path_y=[7.1]))
        7.0
    """
    tb, yb, tt, req = floats(t_base), floats(y_base), floats(t_deadline), floats(required)
    when = floats(t)
    if path_t is None or path_y is None or np.size(path_t) == 0:
        span = tt - tb
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            share = np.clip((when - tb) / np.where(span > 0, span, np.nan), 0.0, 1.0)
            return yb + (req - yb) * share
    shape = np.broadcast_shapes(when.shape, tb.shape, yb.shape, tt.shape, req.shape)
    pt, py = floats(path_t), floats(path_y)
    shape = np.broadcast_shapes(shape, pt.shape[:-1], py.shape[:-1])
    k = max(pt.shape[-1], py.shape[-1])
    times = np.concatenate(
        [
            np.broadcast_to(tb, shape)[..., None],
            np.broadcast_to(pt, (*shape, k)),
            np.broadcast_to(tt, shape)[..., None],
        ],
        axis=-1,
    )
    values = np.concatenate(
        [
            np.broadcast_to(yb, shape)[..., None],
            np.broadcast_to(py, (*shape, k)),
            np.broadcast_to(req, shape)[..., None],
        ],
        axis=-1,
    )
    # Nodes in time order, the missing (NaN) ones last, so that neighbours are the path.
    order = np.argsort(np.where(np.isnan(times), np.inf, times), axis=-1)
    times = np.take_along_axis(times, order, axis=-1)
    values = np.take_along_axis(values, order, axis=-1)
    at = np.broadcast_to(when, shape)
    result = np.where(at <= times[..., 0], values[..., 0], np.nan)
    last = values[..., 0].copy()
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for i in range(times.shape[-1] - 1):
            t0, t1 = times[..., i], times[..., i + 1]
            y0, y1 = values[..., i], values[..., i + 1]
            valid = ~np.isnan(t1) & ~np.isnan(t0)
            inside = valid & (at > t0) & (at <= t1)
            span = np.where(t1 > t0, t1 - t0, np.nan)
            result = np.where(inside, y0 + (y1 - y0) * (at - t0) / span, result)
            last = np.where(valid, y1, last)
    # After the last node: its value (the target); a row without a baseline stays NaN.
    after = np.isnan(result) & ~np.isnan(times[..., 0]) & ~np.isnan(at)
    return np.where(after, last, result)


# --------------------------------------------------------------------------- growth


def compound_possible(y_base: npt.ArrayLike, *others: npt.ArrayLike) -> BoolArray:
    """Whether compound growth is defined: all values of one sign, the first not zero.

    Example:
        >>> compound_possible([100, 0, -5, 10], [80, 5, -1, -2]).tolist()
        [True, False, True, False]
    """
    base = floats(y_base)
    positive, negative = base > 0, base < 0
    for other in others:
        value = floats(other)
        positive = positive & (value >= 0)
        negative = negative & (value <= 0)
    return positive | negative


def compound_rate(t0: FloatArray, y0: FloatArray, t1: FloatArray, y1: FloatArray) -> FloatArray:
    """Compound annual growth from (t0, y0) to (t1, y1); the values of negative series flipped.

    Example:
        >>> round(float(compound_rate(np.array(2015.5), np.array(100.0), np.array(2020.5),
        ...                           np.array(80.0))), 6)
        -0.043648
    """
    flip = np.where(y0 < 0, -1.0, 1.0)
    t0, y0, t1, y1 = np.broadcast_arrays(t0, flip * y0, t1, flip * y1)
    # A value that overflowed (a target of 1e308 + 1e308) has no growth rate: NaN, as
    # for a gap, rather than trend.cagr's refusal of an infinite input.
    y0, y1 = (np.where(np.isfinite(y), y, np.nan) for y in (y0, y1))
    rate = trend.cagr(np.stack([t0, t1], axis=-1), np.stack([y0, y1], axis=-1))
    return floats(rate)


def growth_rate(
    t0: npt.ArrayLike, y0: npt.ArrayLike, t1: npt.ArrayLike, y1: npt.ArrayLike
) -> tuple[FloatArray, BoolArray]:
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
    a0, b0, a1, b1 = np.broadcast_arrays(floats(t0), floats(y0), floats(t1), floats(y1))
    compound = compound_possible(b0, b1) & (a1 > a0)
    # The magnitude of a negative series falling means the value rises.
    rate = np.where(b0 < 0, -1.0, 1.0) * compound_rate(a0, b0, a1, b1)
    scale = (np.abs(b0) + np.abs(b1)) / 2.0
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
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
        floats(t_base), floats(y_base), floats(t_latest), floats(y_latest), floats(t_deadline)
    )
    elapsed = tl - tb
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        linear = yb + (yl - yb) * (tt - tb) / np.where(elapsed > 0, elapsed, np.nan)
        if compound:
            ok = compound_possible(yb, yl) & (elapsed > 0)
            ratio = np.where(ok, yl / np.where(yb != 0, yb, 1.0), 1.0)
            growth = yb * ratio ** ((tt - tb) / np.where(elapsed > 0, elapsed, 1.0))
            linear = np.where(ok, growth, linear)
    return np.where(tt <= tl, yl, linear)


#: The exponent of open-sdg's natural-limit scale (sdg-build 2.4, ``a = 4.44``).
LIMIT_EXPONENT: Final = 4.44


def limit_scale(y_base: npt.ArrayLike, limit: npt.ArrayLike) -> FloatArray:
    """open-sdg's factor C that scales the rate thresholds of an indicator near its limit.

    A share that cannot pass 100 % cannot grow 1.5 % a year for long from
    95 %; C (between 0 and 1) shrinks the positive rate thresholds the
    closer the baseline lies to the limit. NaN limit: no limit, C = 1.

    Example:
        >>> limit_scale([50.0, 95.0, 100.0, 250.0], 100.0).round(4).tolist()
        [0.9539, 0.2037, 0.0, 1.0]
        >>> float(limit_scale(50.0, np.nan))
        1.0
    """
    base, lim = np.abs(floats(y_base)), np.abs(floats(limit))
    with np.errstate(divide="ignore", invalid="ignore"):
        below = 1.0 - (base / lim) ** LIMIT_EXPONENT
        above = 1.0 - ((2.0 * lim - base) / lim) ** LIMIT_EXPONENT
    # First: 2|L| or more (and a limit of 0) is far from it, whatever the division made.
    scale = np.where(base >= 2.0 * lim, 1.0, np.where(base <= lim, below, above))
    return np.where(np.isnan(lim) | np.isnan(base), 1.0, np.clip(scale, 0.0, 1.0))


# --------------------------------------------------------------------------- thresholds

#: A key number within this fraction of a threshold below it counts as reaching it.
THRESHOLD_SLACK: Final = 1e-9


def _reaches(value: FloatArray, threshold: npt.ArrayLike) -> BoolArray:
    # Figures are decimals: a ratio that is exactly 0.6 by hand comes out as
    # 0.5999999999999996 in binary floating point, and must not drop a class.
    level = floats(threshold)
    return np.asarray(value >= level - THRESHOLD_SLACK * np.abs(level))


def classify(
    value: FloatArray, on_track: npt.ArrayLike, at_risk: npt.ArrayLike, off_track: npt.ArrayLike
) -> IntArray:
    """Status codes from descending thresholds: >= on_track ON_TRACK ... < off_track DETERIORATING.

    A value within :data:`THRESHOLD_SLACK` (relative) below a threshold
    counts as reaching it, so that a key number that equals a threshold in
    exact arithmetic gets the status the threshold table gives it. The
    thresholds may be arrays, one per row (scaled for a natural limit).

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
    """Refuse thresholds that are not in descending order.

    Raises:
        ValidationError: naming ``element`` and the thresholds.

    Example:
        >>> check_thresholds("GrowthRatio", on_track=0.6, at_risk=0.95)
        Traceback (most recent call last):
        ...
        progmon.errors.ValidationError: GrowthRatio: thresholds must descend: ...
    """
    values = list(thresholds.values())
    if any(a < b for a, b in itertools.pairwise(values)):
        raise ValidationError(
            "thresholds must descend: on_track >= at_risk >= off_track",
            element=element,
            value=thresholds,
        )
