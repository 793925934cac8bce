"""Targets (streefwaarden): what an indicator should reach, and by when.

A level is not a change: "32 initiatives" is a :class:`Level`, "360 fewer
crimes" a :class:`Change`, "10 % fewer" a :class:`RelativeChange`, "has
risen" an :class:`Improve`. Values given as plain numbers are in the unit
of the indicator the target belongs to; the indicator converts quantities to
its unit when the target is attached (see :func:`normalize_target`).
"""

from __future__ import annotations

import math
from typing import Any, TypeAlias

import attrs
import pint

from . import units
from .errors import AmbiguityError, ValidationError

__all__ = ["Change", "Improve", "Level", "Maintain", "RelativeChange", "Target"]

_FIRST_YEAR, _LAST_YEAR = 1800, 2200


def _numpy_kind(value: object) -> str:
    """The dtype kind of a numpy scalar or 0-d array ("i", "u", "f", "b", ...), else ""."""
    dtype = getattr(value, "dtype", None)
    if dtype is None or getattr(value, "shape", None) != ():
        return ""
    return str(getattr(dtype, "kind", ""))


def plain_number(value: Any) -> Any:
    """A numpy integer or float scalar as a ``float``; anything else unchanged.

    Data often arrive as numpy scalars (from pandas, CSV readers, arrays);
    they are numbers. A numpy bool is not, so it stays as it is and the
    validator refuses it, as it refuses ``True``.

    Example:
        >>> import numpy as np
        >>> plain_number(np.int64(32)), plain_number(np.bool_(True))
        (32.0, np.True_)
    """
    if _numpy_kind(value) in {"i", "u", "f"}:
        return float(value)
    return value


def plain_year(value: Any) -> Any:
    """A numpy integer scalar as an ``int``; anything else unchanged.

    Example:
        >>> import numpy as np
        >>> plain_year(np.int64(2022))
        2022
    """
    if _numpy_kind(value) in {"i", "u"}:
        return int(value)
    return value


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


def _check_by(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and not is_year(value):
        raise ValidationError(
            f"deadline must be a year from {_FIRST_YEAR} to {_LAST_YEAR}",
            element=f"{type(instance).__name__}.by",
            value=value,
        )


def finite_magnitude(value: object, *, element: str) -> float:
    """The magnitude of a number or scalar quantity, refused unless finite.

    Raises:
        ValidationError: ``value`` is no number (a bool is none) or not finite.

    Example:
        >>> finite_magnitude(units.Quantity(7.5, "mark"), element="x")
        7.5
    """
    magnitude = value.magnitude if isinstance(value, pint.Quantity) else value
    if isinstance(magnitude, bool) or not isinstance(magnitude, int | float):
        raise ValidationError("must be a number or a scalar quantity", element=element, value=value)
    if not math.isfinite(magnitude):
        raise ValidationError("must be finite, not NaN or infinite", element=element, value=value)
    return float(magnitude)


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

    value: pint.Quantity[Any] | float = attrs.field(converter=plain_number, validator=_check_number)
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

    amount: pint.Quantity[Any] | float = attrs.field(
        converter=plain_number, validator=_check_number
    )
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
            value = units.Quantity(float(value.m_as(unit)), unit)
        else:
            value = units.Quantity(float(value), unit)
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
            amount = float(amount.m_as(unit))
        return attrs.evolve(target, amount=float(amount))
    return target
