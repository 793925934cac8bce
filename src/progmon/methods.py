r"""Assessment methods: how a status follows from baseline, latest figure and target.

Each method is named after its source and keeps its thresholds as data
(constructor arguments, shown in :attr:`Method.thresholds` and in every
assessment). All work on numpy arrays, many indicators or regions at once.
Notation: baseline :math:`y_b` at :math:`t_b`, latest figure :math:`y_l` at
:math:`t_l`, the value :math:`y_T` required at the deadline :math:`T`,
desired direction :math:`d = +1` (higher is better) or :math:`-1`.

* :class:`GrowthRatio` (Eurostat SDG monitoring, Statistics Canada / open-sdg):
  :math:`R = d\,\mathrm{CAGR}_a / |\mathrm{CAGR}_r|` with
  :math:`\mathrm{CAGR}_a = (y_l/y_b)^{1/(t_l - t_b)} - 1` and
  :math:`\mathrm{CAGR}_r = (y_T/y_b)^{1/(T - t_b)} - 1`.
* :class:`Projection` (UNSD SDG progress chart): project the latest value to
  the deadline at the observed compound growth,
  :math:`\hat y_T = y_b (1 + \mathrm{CAGR}_a)^{T - t_b}`, and
  :math:`P = d(\hat y_T - y_b)/|y_T - y_b|`.
* :class:`ProRata`: the latest figure against the straight path,
  :math:`Q = d(y_l - y_b)/|e(t_l) - y_b|` with
  :math:`e(t) = y_b + (y_T - y_b)(t - t_b)/(T - t_b)`.

Without a quantitative target (``Improve``, or a direction alone) every
method judges the annual growth rate in the desired direction against fixed
rate thresholds (open-sdg's method for indicators without a target). The
formulas, sources and worked examples are in ``docs/explanation/methods.md``.

Example:
    >>> from progmon import methods
    >>> methods.GrowthRatio().thresholds["on_track"]
    0.95
    >>> methods.get_method("pro-rata").name
    'pro-rata'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Protocol, runtime_checkable

import attrs
import numpy as np

from ._progress import (
    FloatArray,
    Gap,
    IntArray,
    check_thresholds,
    classify,
    compound_possible,
    expected_value,
    project,
)
from ._progress import _cagr as _compound_rate
from ._targets import finite_magnitude, plain_number
from .errors import ValidationError

__all__ = ["DEFAULT", "Gap", "GrowthRatio", "Method", "ProRata", "Projection", "get_method"]


@runtime_checkable
class Method(Protocol):
    """An assessment method: a name, thresholds, and vectorised rules.

    :func:`progmon.assess` and :func:`progmon.assess_panel` accept any object
    with these members; each rule receives a :class:`Gap` for all rows at once.

    Example:
        >>> from progmon import methods
        >>> isinstance(methods.ProRata(), methods.Method), methods.ProRata().name
        (True, 'pro-rata')
    """

    @property
    def name(self) -> str:
        """A short name, e.g. ``"growth-ratio"``."""
        ...

    @property
    def thresholds(self) -> Mapping[str, float]:
        """The thresholds the method uses, by name."""
        ...

    def ratio(self, gap: Gap) -> FloatArray:
        """The key number for rows with a quantitative target (higher is better)."""
        ...

    def classify(self, ratio: FloatArray) -> IntArray:
        """Status codes for key numbers."""
        ...

    def classify_rate(self, rate: FloatArray) -> IntArray:
        """Status codes for growth rates in the desired direction."""
        ...

    def project(self, gap: Gap) -> FloatArray:
        """The projected value at the deadline."""
        ...


def _threshold(default: float, *, kw_only: bool = False) -> float:
    """A threshold field: a real number (not a bool, not a text), stored as a float."""
    return attrs.field(
        default=default,
        kw_only=kw_only,
        converter=attrs.Converter(_to_threshold, takes_self=True, takes_field=True),
    )


def _to_threshold(value: object, instance: object, field: attrs.Attribute[float]) -> float:
    return finite_magnitude(plain_number(value), element=f"{type(instance).__name__}.{field.name}")


def _check_flag(instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise ValidationError(
            f"{attribute.name} must be True or False",
            element=type(instance).__name__,
            value=value,
        )


def _rate_field(default: float) -> float:
    return _threshold(default, kw_only=True)


class _Thresholds:
    """The ratio and rate thresholds that every method here has, and the rules using them."""

    on_track: float
    at_risk: float
    off_track: float
    rate_on_track: float
    rate_at_risk: float
    rate_off_track: float

    def __attrs_post_init__(self) -> None:
        element = type(self).__name__
        check_thresholds(
            element, on_track=self.on_track, at_risk=self.at_risk, off_track=self.off_track
        )
        check_thresholds(
            element,
            rate_on_track=self.rate_on_track,
            rate_at_risk=self.rate_at_risk,
            rate_off_track=self.rate_off_track,
        )

    @property
    def thresholds(self) -> Mapping[str, float]:
        """The thresholds, by name.

        Example:
            >>> sorted(GrowthRatio().thresholds)
            ['at_risk', 'off_track', 'on_track', 'rate_at_risk', 'rate_off_track', 'rate_on_track']
        """
        return {
            "on_track": self.on_track,
            "at_risk": self.at_risk,
            "off_track": self.off_track,
            "rate_on_track": self.rate_on_track,
            "rate_at_risk": self.rate_at_risk,
            "rate_off_track": self.rate_off_track,
        }

    def classify(self, ratio: FloatArray) -> IntArray:
        """Status codes of key numbers, from ON_TRACK (>= ``on_track``) to DETERIORATING.

        Example:
            >>> GrowthRatio().classify(np.array([0.9665, 0.2])).tolist()
            [1, 3]
        """
        return classify(ratio, self.on_track, self.at_risk, self.off_track)

    def classify_rate(self, rate: FloatArray) -> IntArray:
        """Status codes of annual growth rates in the desired direction (no quantitative target).

        Example:
            >>> GrowthRatio().classify_rate(np.array([0.02, 0.01, 0.001, -0.01])).tolist()
            [1, 2, 3, 4]
        """
        return classify(rate, self.rate_on_track, self.rate_at_risk, self.rate_off_track)


def _linear_ratio(gap: Gap) -> FloatArray:
    actual = (gap.y_latest - gap.y_base) / (gap.t_latest - gap.t_base)
    needed = np.abs((gap.required - gap.y_base) / (gap.t_deadline - gap.t_base))
    return gap.sign * actual / np.where(needed > 0, needed, np.nan)


@attrs.frozen
class GrowthRatio(_Thresholds):
    r"""The Eurostat / open-sdg growth ratio: actual over required compound growth.

    :math:`R = d \cdot \mathrm{CAGR}_a / |\mathrm{CAGR}_r|`, the actual
    compound annual growth from baseline to latest over the growth needed from
    baseline to target by the deadline (sdg-build ``ProgressMeasure``:
    ``sign * direction * cagr_o / abs(cagr_r)``). R >= 0.95 ON_TRACK,
    0.6 <= R < 0.95 AT_RISK, 0 <= R < 0.6 OFF_TRACK, R < 0 DETERIORATING.
    Where compound growth is undefined (a zero baseline, values of both
    signs) the same ratio of linear annual changes is used.

    Args:
        on_track: R from which the indicator is on track (Eurostat: 95 %).
        at_risk: R from which progress is made but must speed up (60 %).
        off_track: R from which there is (limited) progress; below it the
            indicator moves away from the target (0).
        rate_on_track: Without a quantitative target: annual growth in the
            desired direction from which it is on track (open-sdg: 1.5 %).
        rate_at_risk: ... AT_RISK (0.5 %).
        rate_off_track: ... OFF_TRACK; below it DETERIORATING (0).

    Example:
        The open-sdg worked example: 100 in 2015, 80 in 2020, target 50 by
        2030, lower is better.

        >>> from progmon._progress import Gap
        >>> gap = Gap(t_base=np.array(2015.5), y_base=np.array(100.0), t_latest=np.array(2020.5),
        ...           y_latest=np.array(80.0), t_deadline=np.array(2030.5),
        ...           required=np.array(50.0), sign=np.array(-1.0))
        >>> round(float(GrowthRatio().ratio(gap)), 4)
        0.9665
    """

    on_track: float = _threshold(0.95)
    at_risk: float = _threshold(0.6)
    off_track: float = _threshold(0.0)
    rate_on_track: float = _rate_field(0.015)
    rate_at_risk: float = _rate_field(0.005)
    rate_off_track: float = _rate_field(0.0)

    @property
    def name(self) -> str:
        """``"growth-ratio"``."""
        return "growth-ratio"

    def ratio(self, gap: Gap) -> FloatArray:
        """R for each row; NaN where the target equals the baseline."""
        compound = compound_possible(gap.y_base, gap.y_latest, gap.required) & (
            gap.t_latest > gap.t_base
        )
        actual = _compound_rate(gap.t_base, gap.y_base, gap.t_latest, gap.y_latest)
        needed = np.abs(_compound_rate(gap.t_base, gap.y_base, gap.t_deadline, gap.required))
        flip = np.where(gap.y_base < 0, -1.0, 1.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            growth = flip * gap.sign * actual / np.where(needed > 0, needed, np.nan)
            return np.where(compound, growth, _linear_ratio(gap))

    def project(self, gap: Gap) -> FloatArray:
        """The latest value continued at its compound growth to the deadline."""
        return project(gap.t_base, gap.y_base, gap.t_latest, gap.y_latest, gap.t_deadline)


@attrs.frozen
class Projection(_Thresholds):
    r"""The UNSD SDG progress chart: project the latest value to the deadline.

    :math:`\hat y_T = y_l (1 + \mathrm{CAGR}_a)^{T - t_l}` (equivalently
    :math:`y_b (1 + \mathrm{CAGR}_a)^{T - t_b}`) and
    :math:`P = d(\hat y_T - y_b)/|y_T - y_b|`, the share of the required
    change that the current pace delivers by the deadline. P >= 0.95
    ON_TRACK (UNSD: "substantial progress / on track"), 0.10 <= P < 0.95
    AT_RISK ("fair progress, but acceleration needed"), 0 <= P < 0.10
    OFF_TRACK, P < 0 DETERIORATING (UNSD's "limited or no progress /
    deterioration", split at 0).

    Args:
        on_track: P from which the indicator is on track (0.95).
        at_risk: P from which progress is fair but too slow (0.10).
        off_track: P below which the indicator moves away (0).
        compound: Project at the compound growth rate (UNSD); False projects
            the straight line through baseline and latest figure.
        rate_on_track: See :class:`GrowthRatio`.
        rate_at_risk: See :class:`GrowthRatio`.
        rate_off_track: See :class:`GrowthRatio`.

    Example:
        >>> from progmon._progress import Gap
        >>> gap = Gap(t_base=np.array(2015.5), y_base=np.array(100.0), t_latest=np.array(2020.5),
        ...           y_latest=np.array(80.0), t_deadline=np.array(2030.5),
        ...           required=np.array(50.0), sign=np.array(-1.0))
        >>> round(float(Projection().ratio(gap)), 4)  # (51.2 - 100) / (50 - 100)
        0.976
    """

    on_track: float = _threshold(0.95)
    at_risk: float = _threshold(0.10)
    off_track: float = _threshold(0.0)
    rate_on_track: float = _rate_field(0.015)
    rate_at_risk: float = _rate_field(0.005)
    rate_off_track: float = _rate_field(0.0)
    compound: bool = attrs.field(default=True, kw_only=True, validator=_check_flag)

    @property
    def name(self) -> str:
        """``"projection"``."""
        return "projection"

    def project(self, gap: Gap) -> FloatArray:
        """The projected value at the deadline."""
        return project(
            gap.t_base,
            gap.y_base,
            gap.t_latest,
            gap.y_latest,
            gap.t_deadline,
            compound=self.compound,
        )

    def ratio(self, gap: Gap) -> FloatArray:
        """P for each row; NaN where the target equals the baseline."""
        needed = np.abs(gap.required - gap.y_base)
        with np.errstate(divide="ignore", invalid="ignore"):
            return (
                gap.sign * (self.project(gap) - gap.y_base) / np.where(needed > 0, needed, np.nan)
            )


@attrs.frozen
class ProRata(_Thresholds):
    r"""The latest figure against the straight path from baseline to target.

    The expected value at the time of the latest figure is
    :math:`e(t_l) = y_b + (y_T - y_b)(t_l - t_b)/(T - t_b)`, and
    :math:`Q = d(y_l - y_b)/|e(t_l) - y_b|`, the change achieved over the
    change planned by now (the schedule performance index of earned-value
    management). Q >= 0.95 ON_TRACK, 0.6 <= Q < 0.95 AT_RISK, 0 <= Q < 0.6
    OFF_TRACK, Q < 0 DETERIORATING: the growth ratio's thresholds, so that
    the two can be compared.

    Args:
        on_track: Q from which the indicator is on track (0.95).
        at_risk: Q from which progress is made but too slow (0.6).
        off_track: Q below which the indicator moves away (0).
        rate_on_track: See :class:`GrowthRatio`.
        rate_at_risk: See :class:`GrowthRatio`.
        rate_off_track: See :class:`GrowthRatio`.

    Example:
        >>> from progmon._progress import Gap
        >>> gap = Gap(t_base=np.array(2015.5), y_base=np.array(100.0), t_latest=np.array(2020.5),
        ...           y_latest=np.array(80.0), t_deadline=np.array(2030.5),
        ...           required=np.array(50.0), sign=np.array(-1.0))
        >>> round(float(ProRata().ratio(gap)), 4)  # 20 achieved of 16.67 planned
        1.2
    """

    on_track: float = _threshold(0.95)
    at_risk: float = _threshold(0.6)
    off_track: float = _threshold(0.0)
    rate_on_track: float = _rate_field(0.015)
    rate_at_risk: float = _rate_field(0.005)
    rate_off_track: float = _rate_field(0.0)

    @property
    def name(self) -> str:
        """``"pro-rata"``."""
        return "pro-rata"

    def ratio(self, gap: Gap) -> FloatArray:
        """Q for each row; NaN where nothing was planned yet or the target equals the baseline."""
        planned = np.abs(
            expected_value(gap.t_latest, gap.t_base, gap.y_base, gap.t_deadline, gap.required)
            - gap.y_base
        )
        with np.errstate(divide="ignore", invalid="ignore"):
            return gap.sign * (gap.y_latest - gap.y_base) / np.where(planned > 0, planned, np.nan)

    def project(self, gap: Gap) -> FloatArray:
        """The straight line through baseline and latest figure, at the deadline."""
        return project(
            gap.t_base, gap.y_base, gap.t_latest, gap.y_latest, gap.t_deadline, compound=False
        )


DEFAULT: Final = GrowthRatio()
"""The default method of :func:`progmon.assessment.assess`: :class:`GrowthRatio`."""

_BY_NAME: Final[Mapping[str, type[GrowthRatio | Projection | ProRata]]] = {
    "growth-ratio": GrowthRatio,
    "projection": Projection,
    "pro-rata": ProRata,
}


def get_method(method: str | Method | None) -> Method:
    """The method for a name (``"growth-ratio"``, ``"projection"``, ``"pro-rata"``).

    A method instance is returned as it is, None gives the default
    (:class:`GrowthRatio`).

    Raises:
        ValidationError: an unknown name, or not a method.

    Example:
        >>> get_method("projection")
        Projection(on_track=0.95, at_risk=0.1, off_track=0.0, rate_on_track=0.015, rate_at_risk=0.005, rate_off_track=0.0, compound=True)
        >>> get_method(None).name
        'growth-ratio'
    """  # noqa: E501  # a doctest line cannot be wrapped
    if method is None:
        return DEFAULT
    if isinstance(method, str):
        key = method.strip().lower().replace("_", "-").replace(" ", "-")
        try:
            return _BY_NAME[key]()
        except KeyError:
            raise ValidationError(
                f"is not a method: use one of {', '.join(_BY_NAME)} or a method instance",
                element="method",
                value=method,
            ) from None
    if isinstance(method, Method):
        return method
    raise ValidationError(
        "is not a method: give a name or a method instance", element="method", value=method
    )
