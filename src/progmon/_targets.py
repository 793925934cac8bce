"""Targets (streefwaarden): what an indicator should reach, and by when.

A level is not a change: "32 initiatives" is a :class:`Level`, "360 fewer
crimes" a :class:`Change`, "10 % fewer" a :class:`RelativeChange`, "has
risen" an :class:`Improve`. Values given as plain numbers are in the unit
of the indicator the target belongs to; the indicator converts quantities to
its unit when the target is attached (see :func:`normalize_target`).
"""

from __future__ import annotations

import decimal
import fractions
import math
import numbers
from typing import Any, Final, TypeAlias

import attrs
import pint

from . import units
from .errors import AmbiguityError, ValidationError

__all__ = ["Change", "Improve", "Level", "Maintain", "RelativeChange", "Target"]

_FIRST_YEAR, _LAST_YEAR = 1800, 2200


def plain_number(value: Any) -> Any:
    """A real number as a Python ``int`` or ``float``, exactly where it can be; else unchanged.

    Data arrive as numpy scalars (pandas, CSV readers, arrays), as
    :class:`~decimal.Decimal` (a database, a spreadsheet library) or as
    :class:`~fractions.Fraction`: all are numbers. Integers stay integers,
    so that ``2**53 + 1`` keeps its last digit; a Decimal or Fraction that
    is whole becomes an ``int``, any other a ``float``. A bool (numpy's
    too) is no number: it stays as it is, for the validator to refuse with
    the element named, as does anything that is not a number.

    Example:
        >>> import numpy as np
        >>> from decimal import Decimal
        >>> from fractions import Fraction
        >>> plain_number(np.int64(32)), plain_number(np.float32(0.5)), plain_number(np.bool_(True))
        (32, 0.5, np.True_)
        >>> plain_number(Decimal("7.5")), plain_number(Fraction(6, 3)), plain_number(2**53 + 1)
        (7.5, 2, 9007199254740993)
    """
    if _is_scalar_array(value):
        value = value.item()
    if not is_number(value) or type(value) in {int, float}:
        return value
    if isinstance(value, numbers.Integral):  # numpy integers, int subclasses
        return int(value)
    if isinstance(value, decimal.Decimal | fractions.Fraction):
        return _whole_or_float(value)
    return float(value)  # numpy floats, float subclasses


def _whole_or_float(value: decimal.Decimal | fractions.Fraction) -> Any:
    if isinstance(value, decimal.Decimal) and (not value.is_finite() or value.is_zero()):
        # No int for NaN or infinity, and int(-0) would lose the sign; a
        # signalling NaN, which float() refuses, is a NaN all the same.
        return math.nan if value.is_nan() else float(value)
    whole = int(value)
    if whole == value:
        return whole
    try:
        return float(value)
    except OverflowError:
        return value  # beyond a float: the validator refuses it as not finite


def plain_value(value: Any) -> Any:
    """A number as :func:`plain_number` makes it, or a quantity with such a magnitude.

    Example:
        >>> from decimal import Decimal
        >>> plain_value(units.Quantity(Decimal("1.5"), "fte"))
        <Quantity(1.5, 'fte')>
    """
    if isinstance(value, pint.Quantity):
        magnitude = plain_number(value.magnitude)
        if magnitude is value.magnitude:
            return value
        return units.Quantity(magnitude, value.units)
    return plain_number(value)


def stored_number(value: float) -> float:
    """A figure as an indicator stores it: a ``float``, unless a float would change it.

    Integers beyond 2**53 stay ``int``: their float is another number.

    Example:
        >>> stored_number(731), stored_number(2**53 + 1), stored_number(-0.0)
        (731.0, 9007199254740993, -0.0)
    """
    if isinstance(value, int):
        try:
            as_float = float(value)
        except OverflowError:
            return value
        return as_float if as_float == value else value
    return float(value)


def plain_year(value: Any) -> Any:
    """A whole number of another type (a numpy integer) as an ``int``; anything else unchanged.

    Example:
        >>> import numpy as np
        >>> plain_year(np.int64(2022)), plain_year(2022.0)
        (2022, 2022.0)
    """
    if isinstance(value, numbers.Integral) and not _is_bool(value):
        return int(value)
    return value


def _is_scalar_array(value: Any) -> bool:
    """Whether ``value`` is a numpy array of one number (shape ``()``), as numpy returns often."""
    dtype = getattr(value, "dtype", None)
    return (
        getattr(value, "shape", None) == ()
        and getattr(dtype, "kind", "") in {"i", "u", "f"}
        and hasattr(value, "item")
    )


def is_number(value: object) -> bool:
    """Whether ``value`` is a real number: a :class:`numbers.Real` or a Decimal, not a bool.

    (Decimal is no ``numbers.Real``: it does not mix with floats.)

    Example:
        >>> from decimal import Decimal
        >>> is_number(7.5), is_number(Decimal("7.5")), is_number(True), is_number("7.5")
        (True, True, False, False)
    """
    return isinstance(value, numbers.Real | decimal.Decimal) and not _is_bool(value)


def _is_bool(value: object) -> bool:
    # numpy's bool is no subclass of bool, and no number either.
    return isinstance(value, bool) or type(value).__name__ in {"bool_", "bool"}


def is_year(value: object) -> bool:
    """Whether ``value`` is a calendar year progmon accepts: an ``int`` from 1800 to 2200.

    Example:
        >>> is_year(2022), is_year(True), is_year(2022.0), is_year(99)
        (True, False, False, False)
    """
    return (
        isinstance(value, int)
        and not isinstance(value, bool)
        and _FIRST_YEAR <= value <= _LAST_YEAR
    )


YEARS: Final = f"a year from {_FIRST_YEAR} to {_LAST_YEAR}"
"""How messages name the years progmon accepts."""


def _check_by(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and not is_year(value):
        raise ValidationError(
            f"deadline must be {YEARS}",
            element=f"{type(instance).__name__}.by",
            value=value,
        )


def finite_magnitude(value: object, *, element: str) -> float:
    """The magnitude of a number or scalar quantity, refused unless finite.

    Every real number is one (numpy's, Decimal, Fraction); a bool is none.
    An integer too large for a float (beyond 1.8e308) is not finite.

    Raises:
        ValidationError: ``value`` is no number or not finite.

    Example:
        >>> finite_magnitude(units.Quantity(7.5, "mark"), element="x")
        7.5
        >>> finite_magnitude(10**400, element="Level.value")
        Traceback (most recent call last):
        ...
        progmon.errors.ValidationError: Level.value: must be finite, not NaN or infinite ...
    """
    magnitude = value.magnitude if isinstance(value, pint.Quantity) else value
    if not is_number(magnitude):
        raise ValidationError("must be a number or a scalar quantity", element=element, value=value)
    try:
        number = float(magnitude)  # type: ignore[arg-type]  # is_number checked it
    except (OverflowError, ValueError):  # an int beyond a float, a signalling NaN
        number = math.nan
    if not math.isfinite(number):
        raise ValidationError("must be finite, not NaN or infinite", element=element, value=value)
    return number


def _check_number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    finite_magnitude(value, element=f"{type(instance).__name__}.{attribute.name}")


@attrs.frozen
class Level:
    """Reach (at least, or at most) ``value`` by the deadline.

    Whether more or less is better follows from the indicator's direction.

    Example:
        >>> Level(32, by=2022)
        Level(value=32, by=2022)
    """

    value: pint.Quantity[Any] | float = attrs.field(converter=plain_value, validator=_check_number)
    by: int | None = attrs.field(default=None, converter=plain_year, validator=_check_by)


@attrs.frozen
class Change:
    """Change by ``amount`` from the baseline: ``Change(-360)`` is 360 fewer.

    For an indicator in percent, ``amount`` is in percentage points, given
    as a plain number; a quantity in percent is refused as ambiguous
    (points or percent of the baseline?); use :class:`RelativeChange` for
    the latter.

    Example:
        >>> Change(-360).amount
        -360
    """

    amount: pint.Quantity[Any] | float = attrs.field(converter=plain_value, validator=_check_number)
    by: int | None = attrs.field(default=None, converter=plain_year, validator=_check_by)


def _check_fraction(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    _check_number(instance, attribute, value)
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
class RelativeChange:
    """Change by ``fraction`` of the baseline value: ``-0.1`` is 10 % fewer.

    Example:
        >>> RelativeChange(units.Quantity(-10, "percent")).fraction
        -0.1
    """

    fraction: float = attrs.field(converter=_to_fraction, validator=_check_fraction)
    by: int | None = attrs.field(default=None, converter=plain_year, validator=_check_by)


@attrs.frozen
class Improve:
    """Be better than the baseline, in the indicator's direction.

    Example:
        >>> Improve(by=2022)
        Improve(by=2022)
    """

    by: int | None = attrs.field(default=None, converter=plain_year, validator=_check_by)


@attrs.frozen
class Maintain:
    """Stay at least as good as the baseline.

    Example:
        >>> Maintain().by is None
        True
    """

    by: int | None = attrs.field(default=None, converter=plain_year, validator=_check_by)


Target: TypeAlias = Level | Change | RelativeChange | Improve | Maintain
"""Any of the target kinds."""

TARGET_TYPES: tuple[type, ...] = (Level, Change, RelativeChange, Improve, Maintain)


def normalize_target(target: Target, unit: Any, *, element: str) -> Target:
    """Return ``target`` with its values in ``unit``, the indicator's unit.

    A ``Level`` gets a quantity in ``unit``; a ``Change`` a plain number in
    ``unit`` (percentage points for a share).

    Raises:
        UnitError: a value's unit does not fit.
        AmbiguityError: a change of a share given in percent.
    """
    if isinstance(target, Level):
        value = target.value
        if isinstance(value, pint.Quantity):
            units.check_compatible(value.units, unit, element=f"{element} target")
            value = units.Quantity(stored_number(value.m_as(unit)), unit)
        else:
            value = units.Quantity(stored_number(value), unit)
        bounds = units.valid_range(unit)
        if bounds is not None and not bounds[0] <= value.magnitude <= bounds[1]:
            raise ValidationError(
                f"a level must lie between {bounds[0]:g} and {bounds[1]:g} {unit}",
                element=f"{element} target",
                value=str(value),
            )
        return attrs.evolve(target, value=value)
    if isinstance(target, Change):
        amount = target.amount
        if isinstance(amount, pint.Quantity):
            if units.is_share(unit) and units.is_share(amount.units):
                raise AmbiguityError(
                    "a change of a share given in percent could mean percentage points or a "
                    "percentage of the baseline: give Change(points) as a plain number, or "
                    "RelativeChange(fraction)",
                    element=f"{element} target",
                    value=str(amount),
                )
            units.check_compatible(amount.units, unit, element=f"{element} target")
            amount = amount.m_as(unit)
        return attrs.evolve(target, amount=stored_number(amount))
    return target
