"""Targets (streefwaarden): what an indicator should reach, and by when.

A level is not a change: "32 initiatives" is a :class:`Level`, "360 fewer
crimes" a :class:`Change`, "10 % fewer" a :class:`RelativeChange`, "has
risen" an :class:`Improve`, "at least 7.5" a norm, :class:`AtLeast`. Values
given as plain numbers are in the unit of the indicator the target belongs
to; the indicator converts quantities to its unit when the target is
attached (:meth:`Target.in_unit`).

Every kind of target is one class here, and owns what it means: its key in
programme files (:attr:`Target.tag`), the value it requires from a baseline
(:meth:`Target.required`), the direction it implies
(:meth:`Target.implied_direction`), how the assessment judges it
(:attr:`Target.kind`, whose rule decides whether it is met) and the words
of the review (:attr:`Target.words`). A new kind is a new subclass; the
files, the assessment and the review find it from the class. The docs page
"Adding a target kind" shows one.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from typing import Any, ClassVar, Final, Literal, Self

import attrs
import pint

from . import units
from ._validators import (
    check_by,
    check_number,
    finite_magnitude,
    plain_number,
    plain_value,
    plain_year,
    stored_number,
)
from .errors import AmbiguityError, ValidationError

__all__ = [
    "AtLeast",
    "AtMost",
    "Change",
    "Direction",
    "Improve",
    "Kind",
    "Level",
    "Maintain",
    "RelativeChange",
    "Target",
]


class Direction(enum.Enum):
    """The direction in which an indicator improves.

    Example:
        >>> Direction("decrease"), Direction.INCREASE.value
        (<Direction.DECREASE: 'decrease'>, 'increase')
    """

    INCREASE = "increase"
    DECREASE = "decrease"

    @property
    def sign(self) -> int:
        """``+1`` for INCREASE, ``-1`` for DECREASE.

        Example:
            >>> Direction.DECREASE.sign
            -1
        """
        return 1 if self is Direction.INCREASE else -1

    @classmethod
    def of_sign(cls, sign: float) -> Direction | None:
        """INCREASE for a positive number, DECREASE for a negative one, None for zero or NaN.

        Example:
            >>> Direction.of_sign(-3.5), Direction.of_sign(0.0)
            (<Direction.DECREASE: 'decrease'>, None)
        """
        if sign > 0:
            return cls.INCREASE
        if sign < 0:
            return cls.DECREASE
        return None


class Kind(enum.IntEnum):
    """How the assessment judges a target, as an integer for arrays.

    Each target kind follows one of these rules; the rule decides when a
    target is met and which rules of the status table apply.

    Example:
        >>> Level.kind, AtLeast.kind, Improve.kind
        (<Kind.LEVEL: 1>, <Kind.NORM: 4>, <Kind.IMPROVE: 2>)
    """

    TREND = 0
    """No target, only a desired direction; judged by the growth rate."""
    LEVEL = 1
    """A value to reach by the deadline; met once reached."""
    IMPROVE = 2
    """Better than the baseline."""
    MAINTAIN = 3
    """At least as good as the baseline."""
    NORM = 4
    """A value to stay beyond; met while it holds, at risk where the projection crosses it."""


#: How a target's value is written in the review: as a quantity in the
#: indicator's unit (7,5), a difference (-360 misdrijven), a fraction of the
#: baseline (-10 %), or not at all.
AmountStyle = Literal["quantity", "difference", "fraction", "none"]

_KINDS: Final[dict[str, type[Target]]] = {}


def _by() -> Any:
    """The ``by`` field every target kind has: the deadline year, or None for the goal's."""
    return attrs.field(default=None, converter=plain_year, validator=check_by)


@attrs.frozen
class Target:
    """The base of every target kind: what an indicator should reach, and by when.

    A kind declares, as class attributes, its ``tag`` (the key in programme
    files: ``level = 32``), ``value_field`` (the name of the field that holds
    its value, or None), ``amount_style`` (how the review writes that value),
    ``kind`` (the rule that judges it) and ``words`` (the review's phrase in
    each language, with the placeholders ``{value}``, ``{required}``,
    ``{better}``, ``{base}`` and ``{baseline}``). It overrides
    :meth:`Target.required`, :meth:`Target.implied_direction` and, where it
    fixes a direction whatever the figures, :meth:`Target.fixed_direction`.

    Example:
        >>> {"level", "at_least", "change", "improve"} <= set(Target.kinds())
        True
        >>> Target.of_tag("at_least")
        <class 'progmon._targets.AtLeast'>
    """

    tag: ClassVar[str]
    value_field: ClassVar[str | None] = None
    amount_style: ClassVar[AmountStyle] = "none"
    kind: ClassVar[Kind]
    words: ClassVar[Mapping[str, str]]

    by: int | None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        tag = cls.__dict__.get("tag")
        if isinstance(tag, str):  # attrs makes a second class of each kind; register it last
            _KINDS[tag] = cls

    @staticmethod
    def kinds() -> Mapping[str, type[Target]]:
        """Every target kind, by its tag in programme files.

        Example:
            >>> Target.kinds()["level"].__name__
            'Level'
        """
        return dict(_KINDS)

    @staticmethod
    def of_tag(tag: str) -> type[Target]:
        """The target kind whose tag in programme files is ``tag``.

        Raises:
            ValidationError: no kind has that tag.

        Example:
            >>> Target.of_tag("change").__name__
            'Change'
        """
        try:
            return _KINDS[tag]
        except KeyError:
            raise ValidationError(
                f"is not a target kind: use one of {', '.join(sorted(_KINDS))}",
                element="target",
                value=tag,
            ) from None

    @property
    def value(self) -> Any:
        """The number or quantity that the target names (None for Improve and Maintain).

        Example:
            >>> Change(-360).value
            -360
        """
        return None if self.value_field is None else getattr(self, self.value_field)

    def in_unit(self, unit: Any, *, element: str) -> Self:
        """This target with its value in ``unit``, the indicator's unit.

        Raises:
            UnitError: the value's unit does not fit.
            ValidationError: the value lies outside the unit's range.
        """
        return self

    def required(self, baseline: float) -> float:
        """The value the target requires at its deadline, from the baseline figure (NaN if none).

        Example:
            >>> Change(-360).required(4000.0), Improve().required(4000.0)
            (3640.0, nan)
        """
        return math.nan

    def implied_direction(self, baseline: float | None) -> Direction | None:
        """The direction in which the target asks the indicator to move, where it tells.

        ``baseline`` is the baseline figure, or None before there is one.

        Example:
            >>> Level(32).implied_direction(20.0), Level(32).implied_direction(None)
            (<Direction.INCREASE: 'increase'>, None)
        """
        return self.fixed_direction()

    def fixed_direction(self) -> Direction | None:
        """The direction the target implies whatever the figures (a norm, a change), or None.

        A direction given by hand must agree with it; other targets take the
        direction they are given.

        Example:
            >>> AtMost(25).fixed_direction(), Level(32).fixed_direction()
            (<Direction.DECREASE: 'decrease'>, None)
        """
        return None

    def needs_direction(self) -> str:
        """Why this target cannot be judged without a direction, or ``""`` when it can.

        Example:
            >>> Improve().needs_direction()[:20]
            'an Improve target ne'
        """
        if self.kind is Kind.TREND:
            return ""
        name = type(self).__name__
        article = "an" if name[0] in "AEIOU" else "a"
        return f"{article} {name} target needs a direction (Direction.INCREASE or .DECREASE)"


def _check_value(instance: Target, attribute: attrs.Attribute[Any], value: object) -> None:
    check_number(instance, attribute, value)


def _quantity_in(value: Any, unit: Any, *, element: str, what: str) -> Any:
    """``value`` (a number in ``unit`` or a quantity) as a quantity in ``unit``, in range."""
    if isinstance(value, pint.Quantity):
        units.check_compatible(value.units, unit, element=element)
        value = value.m_as(unit)
    quantity = units.Quantity(stored_number(value), unit)
    units.check_in_range(quantity.magnitude, unit, element=element, what=what)
    return quantity


def _magnitude(value: Any) -> float:
    return float(value.magnitude) if isinstance(value, pint.Quantity) else float(value)


@attrs.frozen
class Level(Target):
    """Reach ``value`` by the deadline.

    Whether more or less is better is the indicator's direction, given or
    inferred from the baseline figure (a level above it asks for more). A
    level that the baseline already meets in the given direction is a norm
    that holds: ACHIEVED.

    Example:
        >>> Level(32, by=2022)
        Level(value=32, by=2022)
    """

    tag: ClassVar[str] = "level"
    value_field: ClassVar[str | None] = "value"
    amount_style: ClassVar[AmountStyle] = "quantity"
    kind: ClassVar[Kind] = Kind.LEVEL
    words: ClassVar[Mapping[str, str]] = {"nl": "{value}", "en": "{value}"}

    value: pint.Quantity[Any] | float = attrs.field(converter=plain_value, validator=_check_value)
    by: int | None = _by()

    def in_unit(self, unit: Any, *, element: str) -> Self:
        """The level as a quantity in ``unit``, within the unit's range."""
        value = _quantity_in(self.value, unit, element=element, what="a level must")
        return attrs.evolve(self, value=value)

    def required(self, baseline: float) -> float:
        """The level itself."""
        return _magnitude(self.value)

    def implied_direction(self, baseline: float | None) -> Direction | None:
        """Up where the level lies above the baseline figure, down where below; else unknown."""
        if baseline is None or math.isnan(baseline):
            return None
        # Compared as stored, exactly: an int beyond 2**53 against its neighbour too.
        level = self.value.magnitude if isinstance(self.value, pint.Quantity) else self.value
        return Direction.of_sign((level > baseline) - (level < baseline))

    def needs_direction(self) -> str:
        """A level equal to the baseline, or without one yet, does not say which way is better."""
        return (
            f"a level of {_magnitude(self.value):g} does not say whether more or less is better "
            "(there is no baseline figure to compare it with, or it equals the baseline): give "
            'a direction (direction = "increase" or "decrease"), or write the target as a norm '
            "(at_least or at_most; AtLeast or AtMost in Python)"
        )


@attrs.frozen
class _Norm(Target):
    """What the two norms share: a value in the indicator's unit that is itself required.

    It has no tag, so it is no target kind of its own.
    """

    value_field: ClassVar[str | None] = "value"
    amount_style: ClassVar[AmountStyle] = "quantity"
    kind: ClassVar[Kind] = Kind.NORM

    value: pint.Quantity[Any] | float = attrs.field(converter=plain_value, validator=_check_value)
    by: int | None = _by()

    def in_unit(self, unit: Any, *, element: str) -> Self:
        """The norm as a quantity in ``unit``, within the unit's range."""
        value = _quantity_in(self.value, unit, element=element, what="a norm must")
        return attrs.evolve(self, value=value)

    def required(self, baseline: float) -> float:
        """The norm itself."""
        return _magnitude(self.value)


@attrs.frozen
class AtLeast(_Norm):
    """A norm: stay at or above ``value`` ("minimaal 7,5").

    Higher is better. A norm that holds is ACHIEVED, whatever the trend;
    one that holds now but whose projection crosses it before the deadline
    is AT_RISK; one that does not hold is judged as a level.

    Example:
        >>> AtLeast(7.5, by=2022).fixed_direction()
        <Direction.INCREASE: 'increase'>
    """

    tag: ClassVar[str] = "at_least"
    words: ClassVar[Mapping[str, str]] = {"nl": "minimaal {value}", "en": "at least {value}"}

    def fixed_direction(self) -> Direction | None:
        """INCREASE: more is better."""
        return Direction.INCREASE


@attrs.frozen
class AtMost(_Norm):
    """A norm: stay at or below ``value`` ("maximaal 25 %").

    Lower is better; otherwise as :class:`AtLeast`.

    Example:
        >>> AtMost(25, by=2022).fixed_direction()
        <Direction.DECREASE: 'decrease'>
    """

    tag: ClassVar[str] = "at_most"
    words: ClassVar[Mapping[str, str]] = {"nl": "maximaal {value}", "en": "at most {value}"}

    def fixed_direction(self) -> Direction | None:
        """DECREASE: less is better."""
        return Direction.DECREASE


@attrs.frozen
class Change(Target):
    """Change by ``amount`` from the baseline: ``Change(-360)`` is 360 fewer.

    For an indicator in percent, ``amount`` is in percentage points, given
    as a plain number; a quantity in percent is refused as ambiguous
    (points or percent of the baseline?); use :class:`RelativeChange` for
    the latter.

    Example:
        >>> Change(-360).amount
        -360
    """

    tag: ClassVar[str] = "change"
    value_field: ClassVar[str | None] = "amount"
    amount_style: ClassVar[AmountStyle] = "difference"
    kind: ClassVar[Kind] = Kind.LEVEL
    words: ClassVar[Mapping[str, str]] = {
        "nl": "{value} t.o.v. de nulmeting{required}",
        "en": "{value} on the baseline{required}",
    }

    amount: pint.Quantity[Any] | float = attrs.field(converter=plain_value, validator=_check_value)
    by: int | None = _by()

    def in_unit(self, unit: Any, *, element: str) -> Self:
        """The change as a plain number in ``unit`` (percentage points for a share)."""
        amount = self.amount
        if isinstance(amount, pint.Quantity):
            if units.is_share(unit) and units.is_share(amount.units):
                raise AmbiguityError(
                    "a change of a share given in percent could mean percentage points or a "
                    "percentage of the baseline: give Change(points) as a plain number, or "
                    "RelativeChange(fraction)",
                    element=element,
                    value=str(amount),
                )
            units.check_compatible(amount.units, unit, element=element)
            amount = amount.m_as(unit)
        return attrs.evolve(self, amount=stored_number(amount))

    def required(self, baseline: float) -> float:
        """The baseline figure plus the change."""
        return baseline + float(_magnitude(self.amount))

    def fixed_direction(self) -> Direction | None:
        """The sign of the change: fewer crimes asks for less."""
        return Direction.of_sign(_magnitude(self.amount))


def _check_fraction(instance: Target, attribute: attrs.Attribute[Any], value: float) -> None:
    check_number(instance, attribute, value)
    if value <= -1:
        raise ValidationError(
            "a relative change cannot fall by 100 % or more",
            element="RelativeChange.fraction",
            value=value,
        )


def _to_fraction(value: float | pint.Quantity[Any]) -> float:
    value = plain_value(value)
    if isinstance(value, pint.Quantity):
        if not units.is_share(value.units):
            raise ValidationError(
                "must be a fraction or a quantity in percent",
                element="RelativeChange.fraction",
                value=str(value),
            )
        return float(value.m_as("dimensionless"))
    return plain_number(value)  # type: ignore[no-any-return]


@attrs.frozen
class RelativeChange(Target):
    """Change by ``fraction`` of the baseline value: ``-0.1`` is 10 % fewer.

    Example:
        >>> RelativeChange(units.Quantity(-10, "percent")).fraction
        -0.1
    """

    tag: ClassVar[str] = "relative_change"
    value_field: ClassVar[str | None] = "fraction"
    amount_style: ClassVar[AmountStyle] = "fraction"
    kind: ClassVar[Kind] = Kind.LEVEL
    words: ClassVar[Mapping[str, str]] = {
        "nl": "{value} t.o.v. de nulmeting{required}",
        "en": "{value} on the baseline{required}",
    }

    fraction: float = attrs.field(converter=_to_fraction, validator=_check_fraction)
    by: int | None = _by()

    def required(self, baseline: float) -> float:
        """The baseline figure times one plus the fraction."""
        return baseline * (1.0 + self.fraction)

    def implied_direction(self, baseline: float | None) -> Direction | None:
        """The sign of the fraction, turned for a negative baseline.

        Half of a deficit of -100 EUR more is -150 EUR: a way down. Before
        there is a baseline figure, a positive one is assumed.
        """
        sign = -1.0 if baseline is not None and baseline < 0 else 1.0
        return Direction.of_sign(sign * self.fraction)


@attrs.frozen
class Improve(Target):
    """Be better than the baseline, in the indicator's direction.

    Example:
        >>> Improve(by=2022)
        Improve(by=2022)
    """

    tag: ClassVar[str] = "improve"
    kind: ClassVar[Kind] = Kind.IMPROVE
    words: ClassVar[Mapping[str, str]] = {"nl": "{better} dan {base}", "en": "{better} than {base}"}

    by: int | None = _by()


@attrs.frozen
class Maintain(Target):
    """Stay at least as good as the baseline.

    Example:
        >>> Maintain().by is None
        True
    """

    tag: ClassVar[str] = "maintain"
    kind: ClassVar[Kind] = Kind.MAINTAIN
    words: ClassVar[Mapping[str, str]] = {
        "nl": "minstens gelijk aan {baseline}",
        "en": "at least as good as {baseline}",
    }

    by: int | None = _by()


def finite_required(target: Target, baseline: float, *, element: str) -> float:
    """:meth:`Target.required`, refused where the baseline makes it meaningless (not finite).

    Example:
        >>> finite_required(Change(-360), 4000.0, element="x")
        3640.0
    """
    value = target.required(baseline)
    if not math.isnan(value):
        finite_magnitude(value, element=element)
    return value
