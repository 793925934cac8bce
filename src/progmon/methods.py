r"""Assessment methods: how a status follows from baseline, latest figure and target.

Each method is named after its source and keeps its thresholds as data
(constructor arguments, shown in :attr:`Thresholds.thresholds` and in every
assessment). All work on numpy arrays, many indicators or regions at once:
a method receives the numbers of all rows it judges as one :class:`Rows`.
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
* :class:`ProRata`: the latest figure against the path,
  :math:`Q = d(y_l - y_b)/|e(t_l) - y_b|` with :math:`e(t)` the expected
  value on the straight path to the target (or the broken path through the
  milestones).

Without a quantitative target (``Improve``, or a direction alone) every
method judges the annual growth rate in the desired direction against fixed
rate thresholds (open-sdg's method for indicators without a target), scaled
near a natural limit where ``natural_limit`` asks for it. A method written
elsewhere needs only the members of :class:`Method`; subclassing
:class:`Thresholds` gives it the thresholds and the rules that use them.
The docs page "Adding a method" shows one.

Example:
    >>> from progmon import methods
    >>> methods.GrowthRatio().thresholds["on_track"]
    0.95
    >>> methods.get_method("pro-rata").name
    'pro-rata'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Final, Protocol, runtime_checkable

import attrs
import numpy as np
import numpy.typing as npt

from ._formulas import (
    FloatArray,
    IntArray,
    check_thresholds,
    classify,
    compound_possible,
    compound_rate,
    expected_value,
    limit_scale,
    project,
)
from ._validators import finite_magnitude, is_number, plain_number
from .errors import ValidationError

__all__ = [
    "DEFAULT",
    "GrowthRatio",
    "Method",
    "ProRata",
    "Projection",
    "Rows",
    "Thresholds",
    "get_method",
]


def _floats(value: npt.ArrayLike) -> FloatArray:
    return np.asarray(value, dtype=np.float64)


@attrs.frozen
class Rows:
    """The numbers of the rows a method judges, as arrays of one shape (one row per series).

    ``y_latest`` is the effective latest value: the baseline where a survey
    change lies within its margin. ``limit`` is each row's natural limit
    (NaN: none); ``path_t`` and ``path_y`` the milestones' times and required
    values, shape ``(..., k)`` with NaN where a row has fewer (``k`` may be 0).

    Example:
        >>> rows = Rows(t_base=np.array([2015.5]), y_base=np.array([100.0]),
        ...             t_latest=np.array([2020.5]), y_latest=np.array([80.0]),
        ...             t_deadline=np.array([2030.5]), required=np.array([50.0]),
        ...             sign=np.array([-1.0]))
        >>> (rows.y_latest - rows.y_base) / (rows.required - rows.y_base)  # the gap closed
        array([0.4])
        >>> rows.expected(rows.t_latest).round(2)  # a third of the way by 2020
        array([83.33])
    """

    t_base: FloatArray = attrs.field(converter=_floats)
    y_base: FloatArray = attrs.field(converter=_floats)
    t_latest: FloatArray = attrs.field(converter=_floats)
    y_latest: FloatArray = attrs.field(converter=_floats)
    t_deadline: FloatArray = attrs.field(converter=_floats)
    required: FloatArray = attrs.field(converter=_floats)
    sign: FloatArray = attrs.field(converter=_floats)
    limit: FloatArray = attrs.field(default=np.nan, converter=_floats)
    path_t: FloatArray = attrs.field(factory=lambda: np.empty((0,)), converter=_floats)
    path_y: FloatArray = attrs.field(factory=lambda: np.empty((0,)), converter=_floats)

    def expected(self, t: npt.ArrayLike) -> FloatArray:
        """The value expected at ``t`` on each row's path to its target (milestones included)."""
        return expected_value(
            t,
            self.t_base,
            self.y_base,
            self.t_deadline,
            self.required,
            path_t=self.path_t,
            path_y=self.path_y,
        )


@runtime_checkable
class Method(Protocol):
    """An assessment method: a name, words for the review, thresholds, vectorised rules.

    :func:`progmon.assess` and :func:`progmon.assess_panel` accept any object
    with these members; each rule receives a :class:`Rows` for all rows at
    once. ``title``, ``ratio_name`` and ``explanation`` are the review's words,
    by language (``"nl"``, ``"en"``), so a new method reads right in the
    review without touching it.

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
    def title(self) -> Mapping[str, str]:
        """The method's name in the review, by language."""
        ...

    @property
    def ratio_name(self) -> Mapping[str, str]:
        """The name of its key number in the review, by language."""
        ...

    @property
    def explanation(self) -> Mapping[str, str]:
        """How it decides, in a sentence or two, by language."""
        ...

    @property
    def thresholds(self) -> Mapping[str, float]:
        """The thresholds the method uses, by name."""
        ...

    def ratio(self, rows: Rows) -> FloatArray:
        """The key number for rows with a quantitative target (higher is better)."""
        ...

    def classify(self, ratio: FloatArray, rows: Rows) -> IntArray:
        """Status codes for key numbers."""
        ...

    def classify_rate(self, rate: FloatArray, rows: Rows) -> IntArray:
        """Status codes for growth rates in the desired direction."""
        ...

    def project(self, rows: Rows) -> FloatArray:
        """The projected value at the deadline."""
        ...


def _to_threshold(value: object, instance: object, field: attrs.Attribute[float]) -> float:
    return finite_magnitude(plain_number(value), element=f"{type(instance).__name__}.{field.name}")


def _threshold(name: str, *, kw_only: bool = False) -> Any:
    """A threshold field: a real number (not a bool, not a text); its default is the class's."""
    return attrs.field(
        default=attrs.Factory(lambda self: type(self).defaults[name], takes_self=True),
        kw_only=kw_only,
        converter=attrs.Converter(_to_threshold, takes_self=True, takes_field=True),
    )


def _limit_field() -> Any:
    """The ``natural_limit`` field: off, a number, or True for each indicator's unit."""
    return attrs.field(
        default=False,
        kw_only=True,
        converter=attrs.Converter(_to_limit, takes_self=True, takes_field=True),
    )


def _to_limit(value: object, instance: object, field: attrs.Attribute[Any]) -> bool | float:
    if isinstance(value, bool) or value is None:
        return bool(value)
    if not is_number(value):
        raise ValidationError(
            "natural_limit must be True (the limit of each indicator's unit), a number, or False",
            element=f"{type(instance).__name__}.natural_limit",
            value=value,
        )
    return finite_magnitude(plain_number(value), element=f"{type(instance).__name__}.natural_limit")


@attrs.frozen
class Thresholds:
    """The ratio and rate thresholds every method here has, and the rules that use them.

    A key number (the method's ratio) of at least ``on_track`` is ON_TRACK,
    at least ``at_risk`` AT_RISK, at least ``off_track`` OFF_TRACK, else
    DETERIORATING; the annual growth rate of an indicator without a
    quantitative target likewise against the three ``rate_`` thresholds. A
    subclass sets its defaults in ``defaults``.

    ``natural_limit`` (open-sdg 2.4, off by default) scales the positive rate
    thresholds of an indicator near its natural limit by open-sdg's factor
    :math:`C` (:meth:`Thresholds.limit_scale`): ``True`` takes each indicator's
    limit from its unit (100 % for a share, 10 for a mark, in the direction
    that is better), a number is the limit of every row.

    Example:
        >>> sorted(GrowthRatio().thresholds)
        ['at_risk', 'off_track', 'on_track', 'rate_at_risk', 'rate_off_track', 'rate_on_track']
    """

    defaults: ClassVar[Mapping[str, float]] = {
        "on_track": 0.95,
        "at_risk": 0.6,
        "off_track": 0.0,
        "rate_on_track": 0.015,
        "rate_at_risk": 0.005,
        "rate_off_track": 0.0,
    }

    on_track: float = _threshold("on_track")
    at_risk: float = _threshold("at_risk")
    off_track: float = _threshold("off_track")
    rate_on_track: float = _threshold("rate_on_track", kw_only=True)
    rate_at_risk: float = _threshold("rate_at_risk", kw_only=True)
    rate_off_track: float = _threshold("rate_off_track", kw_only=True)
    natural_limit: bool | float = _limit_field()

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
            >>> Projection().thresholds["at_risk"]
            0.1
        """
        return {
            "on_track": self.on_track,
            "at_risk": self.at_risk,
            "off_track": self.off_track,
            "rate_on_track": self.rate_on_track,
            "rate_at_risk": self.rate_at_risk,
            "rate_off_track": self.rate_off_track,
        }

    def classify(self, ratio: FloatArray, rows: Rows | None = None) -> IntArray:
        """Status codes of key numbers, from ON_TRACK (>= ``on_track``) to DETERIORATING.

        Example:
            >>> GrowthRatio().classify(np.array([0.9665, 0.2])).tolist()
            [1, 3]
        """
        return classify(ratio, self.on_track, self.at_risk, self.off_track)

    def classify_rate(self, rate: FloatArray, rows: Rows | None = None) -> IntArray:
        """Status codes of annual growth rates in the desired direction (no quantitative target).

        Example:
            >>> GrowthRatio().classify_rate(np.array([0.02, 0.01, 0.001, -0.01])).tolist()
            [1, 2, 3, 4]
        """
        scale = self.limit_scale(rows) if rows is not None else 1.0
        # Only thresholds above zero shrink: a fall stays a fall (open-sdg).
        on_track, at_risk, off_track = (
            np.where(value > 0, value * scale, value)
            for value in (self.rate_on_track, self.rate_at_risk, self.rate_off_track)
        )
        return classify(rate, on_track, at_risk, off_track)

    def limit_scale(self, rows: Rows) -> FloatArray:
        """open-sdg's factor C per row (1 where ``natural_limit`` is off or a row has no limit).

        Example:
            >>> rows = Rows(t_base=2015.5, y_base=95.0, t_latest=2020.5, y_latest=96.0,
            ...             t_deadline=np.nan, required=np.nan, sign=1.0, limit=100.0)
            >>> float(GrowthRatio(natural_limit=True).limit_scale(rows).round(4))
            0.2037
        """
        if self.natural_limit is False:
            return np.ones(np.shape(rows.y_base))
        limit = rows.limit if self.natural_limit is True else float(self.natural_limit)
        # open-sdg ignores a limit where a quantitative target is given (a level
        # without a deadline is judged by its growth rate, but has its target).
        return np.where(np.isnan(rows.required), limit_scale(rows.y_base, limit), 1.0)


def _linear_ratio(rows: Rows) -> FloatArray:
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        actual = (rows.y_latest - rows.y_base) / (rows.t_latest - rows.t_base)
        needed = np.abs((rows.required - rows.y_base) / (rows.t_deadline - rows.t_base))
        return rows.sign * actual / np.where(needed > 0, needed, np.nan)


@attrs.frozen
class GrowthRatio(Thresholds):
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
        natural_limit: open-sdg 2.4's scaling of the rate thresholds near a
            natural limit (see :class:`Thresholds`); off by default.

    Example:
        The open-sdg worked example: 100 in 2015, 80 in 2020, target 50 by
        2030, lower is better.

        >>> rows = Rows(t_base=np.array(2015.5), y_base=np.array(100.0),
        ...             t_latest=np.array(2020.5), y_latest=np.array(80.0),
        ...             t_deadline=np.array(2030.5), required=np.array(50.0), sign=np.array(-1.0))
        >>> round(float(GrowthRatio().ratio(rows)), 4)
        0.9665
    """

    name: ClassVar[str] = "growth-ratio"
    title: ClassVar[Mapping[str, str]] = {
        "nl": "groeiratio (Eurostat / SDG)",
        "en": "growth ratio (Eurostat / SDG)",
    }
    ratio_name: ClassVar[Mapping[str, str]] = {"nl": "groeiratio", "en": "growth ratio"}
    explanation: ClassVar[Mapping[str, str]] = {
        "nl": (
            "Per indicator vergelijken we de gemiddelde jaarlijkse groei sinds de nulmeting met de "
            "groei die nodig is om de streefwaarde op tijd te halen: R = werkelijke groei / "
            "benodigde groei. R ≥ 0,95 is op koers, 0,6 tot 0,95 risico, 0 tot 0,6 niet op koers, "
            "R < 0 verslechterd; een gehaalde streefwaarde is behaald (Eurostat, UN SDG)."
        ),
        "en": (
            "For each indicator we compare the average yearly growth since the baseline with the "
            "growth needed to reach the target in time: R = actual growth / required growth. "
            "R ≥ 0.95 is on track, 0.6 to 0.95 at risk, 0 to 0.6 off track, R < 0 deteriorating; "
            "a target reached is achieved (Eurostat, UN SDG)."
        ),
    }

    def ratio(self, rows: Rows) -> FloatArray:
        """R for each row; NaN where the target equals the baseline."""
        compound = compound_possible(rows.y_base, rows.y_latest, rows.required) & (
            rows.t_latest > rows.t_base
        )
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            actual = compound_rate(rows.t_base, rows.y_base, rows.t_latest, rows.y_latest)
            needed = np.abs(compound_rate(rows.t_base, rows.y_base, rows.t_deadline, rows.required))
            flip = np.where(rows.y_base < 0, -1.0, 1.0)
            growth = flip * rows.sign * actual / np.where(needed > 0, needed, np.nan)
            return np.where(compound, growth, _linear_ratio(rows))

    def project(self, rows: Rows) -> FloatArray:
        """The latest value continued at its compound growth to the deadline."""
        return project(rows.t_base, rows.y_base, rows.t_latest, rows.y_latest, rows.t_deadline)


@attrs.frozen
class Projection(Thresholds):
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
        natural_limit: See :class:`GrowthRatio`.

    Example:
        >>> rows = Rows(t_base=np.array(2015.5), y_base=np.array(100.0),
        ...             t_latest=np.array(2020.5), y_latest=np.array(80.0),
        ...             t_deadline=np.array(2030.5), required=np.array(50.0), sign=np.array(-1.0))
        >>> round(float(Projection().ratio(rows)), 4)  # (51.2 - 100) / (50 - 100)
        0.976
    """

    defaults: ClassVar[Mapping[str, float]] = {**Thresholds.defaults, "at_risk": 0.10}
    name: ClassVar[str] = "projection"
    title: ClassVar[Mapping[str, str]] = {"nl": "projectie (UNSD)", "en": "projection (UNSD)"}
    ratio_name: ClassVar[Mapping[str, str]] = {"nl": "projectieratio", "en": "projection ratio"}
    explanation: ClassVar[Mapping[str, str]] = {
        "nl": (
            "Per indicator trekken we de trend sinds de nulmeting door tot de deadline en "
            "vergelijken de verwachte waarde met de streefwaarde (UNSD-methode)."
        ),
        "en": (
            "For each indicator we extend the trend since the baseline to the deadline and compare "
            "the projected value with the target (UNSD method)."
        ),
    }

    compound: bool = attrs.field(default=True, kw_only=True)

    @compound.validator
    def _check_compound(self, attribute: attrs.Attribute[bool], value: object) -> None:
        if not isinstance(value, bool):
            raise ValidationError(
                "compound must be True or False", element="Projection", value=value
            )

    def project(self, rows: Rows) -> FloatArray:
        """The projected value at the deadline."""
        return project(
            rows.t_base,
            rows.y_base,
            rows.t_latest,
            rows.y_latest,
            rows.t_deadline,
            compound=self.compound,
        )

    def ratio(self, rows: Rows) -> FloatArray:
        """P for each row; NaN where the target equals the baseline."""
        needed = np.abs(rows.required - rows.y_base)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            moved = self.project(rows) - rows.y_base
            return rows.sign * moved / np.where(needed > 0, needed, np.nan)


@attrs.frozen
class ProRata(Thresholds):
    r"""The latest figure against the path from baseline to target.

    The expected value at the time of the latest figure :math:`e(t_l)` lies on
    the straight path :math:`y_b + (y_T - y_b)(t_l - t_b)/(T - t_b)`, or on the
    broken path through the milestones where there are any, and
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
        natural_limit: See :class:`GrowthRatio`.

    Example:
        >>> rows = Rows(t_base=np.array(2015.5), y_base=np.array(100.0),
        ...             t_latest=np.array(2020.5), y_latest=np.array(80.0),
        ...             t_deadline=np.array(2030.5), required=np.array(50.0), sign=np.array(-1.0))
        >>> round(float(ProRata().ratio(rows)), 4)  # 20 achieved of 16.67 planned
        1.2
    """

    name: ClassVar[str] = "pro-rata"
    title: ClassVar[Mapping[str, str]] = {"nl": "pro-rata-pad", "en": "pro rata path"}
    ratio_name: ClassVar[Mapping[str, str]] = {"nl": "pro-rata-ratio", "en": "pro rata ratio"}
    explanation: ClassVar[Mapping[str, str]] = {
        "nl": (
            "Per indicator vergelijken we de laatste meting met de waarde op het pad van "
            "nulmeting naar streefwaarde (door de mijlpalen, waar die er zijn) in hetzelfde jaar."
        ),
        "en": (
            "For each indicator we compare the latest figure with the value on the path from "
            "baseline to target (through the milestones, where there are any) in the same year."
        ),
    }

    def ratio(self, rows: Rows) -> FloatArray:
        """Q for each row; NaN where nothing was planned yet or the target equals the baseline."""
        planned = np.abs(rows.expected(rows.t_latest) - rows.y_base)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            achieved = rows.y_latest - rows.y_base
            return rows.sign * achieved / np.where(planned > 0, planned, np.nan)

    def project(self, rows: Rows) -> FloatArray:
        """The straight line through baseline and latest figure, at the deadline."""
        return project(
            rows.t_base, rows.y_base, rows.t_latest, rows.y_latest, rows.t_deadline, compound=False
        )


DEFAULT: Final = GrowthRatio()
"""The default method of :func:`progmon.assess`: :class:`GrowthRatio`."""

_BY_NAME: Final[Mapping[str, type[Thresholds]]] = {
    cls.name: cls for cls in (GrowthRatio, Projection, ProRata)
}


def get_method(method: str | Method | None) -> Method:
    """The method for a name (``"growth-ratio"``, ``"projection"``, ``"pro-rata"``).

    A method instance is returned as it is, None gives the default
    (:class:`GrowthRatio`).

    Raises:
        ValidationError: an unknown name, or not a method.

    Example:
        >>> get_method("projection").name
        'projection'
        >>> get_method(None).name
        'growth-ratio'
    """
    if method is None:
        return DEFAULT
    if isinstance(method, str):
        key = method.strip().lower().replace("_", "-").replace(" ", "-")
        try:
            return _BY_NAME[key]()  # type: ignore[return-value]  # each one is a Method
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
