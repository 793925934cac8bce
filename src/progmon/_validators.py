r"""The checks every model type shares: texts, numbers, years, lists, flags.

One place for each rule, so that a text, a number or a year is refused the
same way wherever it appears (a measurement, a target, a resource, a file),
with the element and the value named. The converters here normalise (a
numpy integer becomes an ``int``); the validators refuse. Each raises a
:class:`~progmon.errors.ValidationError`.
"""

from __future__ import annotations

import decimal
import fractions
import math
import numbers
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

import attrs
import pint

from . import units
from .errors import ValidationError

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "YEARS",
    "as_tuple",
    "check_bool",
    "check_by",
    "check_id",
    "check_number",
    "check_str",
    "check_text",
    "check_texts",
    "check_title",
    "element_of",
    "finite_magnitude",
    "is_number",
    "is_year",
    "optional",
    "plain_number",
    "plain_value",
    "plain_year",
    "stored_number",
    "tuple_of",
]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

# --------------------------------------------------------------------------- elements


def element_of(instance: object) -> str:
    """How errors name ``instance``: its kind and, where it has one, its id or title.

    Example:
        >>> from progmon import Goal
        >>> element_of(Goal(id="veilig", statement="Veiliger"))
        "goal 'veilig'"
    """
    owner = type(instance).__name__.lower()
    for key in ("id", "title", "purpose", "description"):
        ident = getattr(instance, key, None)
        if isinstance(ident, str) and ident.strip():
            return f"{owner} {ident!r}"
    period = getattr(instance, "period", None)
    if period is not None and isinstance(getattr(period, "label", None), str):
        return f"{owner} {period}"
    return owner


# --------------------------------------------------------------------------- texts

# A lone surrogate cannot be encoded, so no file can hold it. An id ends up
# in file names and HTML anchors, where control and format characters
# (bidirectional overrides, zero-width joiners) and line separators mislead.
_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_NOT_IN_IDS: Final = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
_CATEGORY_NAMES: Final = {
    "Cc": "control character",
    "Cf": "format character",
    "Zl": "line separator",
    "Zp": "paragraph separator",
    "Cs": "lone surrogate",
}
_SURROGATE_ADVICE: Final = (
    ", half of a character, which no file can hold: was the text decoded with "
    "errors='surrogateescape'?"
)
_ID_ADVICE: Final = ": an id names files and links; use letters, digits, - and _"


def check_text(
    value: object, *, field: str, element: str, required: bool = False, identifier: bool = False
) -> None:
    r"""Refuse ``value`` unless it is a text that can be written to a file.

    The one check of every text in the model: a string; with ``required``
    more than white space; without lone surrogates; and with
    ``identifier`` without control characters, format characters or line
    separators. Any other character is data: a note may hold an escape or
    a tab, which the review shows inert.

    Raises:
        ValidationError: naming ``element``, ``field`` and the value.

    Example:
        >>> check_text("Wijk\x1b[2J", field="note", element="goal 'g'")
        >>> check_text("wijk\u202e", field="id", element="goal", identifier=True)
        Traceback (most recent call last):
        ...
        progmon.errors.ValidationError: goal: id must not hold the format character U+202E ...
    """
    if not isinstance(value, str):
        raise ValidationError(f"{field} must be a string", element=element, value=value)
    if required and not value.strip():
        raise ValidationError(f"{field} must not be empty", element=element, value=value)
    position = _first_refused(value, identifier=identifier)
    if position is not None:
        character = value[position]
        category = unicodedata.category(character)
        raise ValidationError(
            f"{field} must not hold the {_CATEGORY_NAMES[category]} U+{ord(character):04X} "
            f"(character {position + 1}){_SURROGATE_ADVICE if category == 'Cs' else _ID_ADVICE}",
            element=element,
            value=value,
        )


def _first_refused(text: str, *, identifier: bool) -> int | None:
    """Where the first character lies that ``text`` may not hold, if any."""
    # Fast paths, for notes of megabytes: a printable text holds none of the
    # refused characters, and a regular expression finds a surrogate.
    if identifier and not text.isprintable():
        return next((i for i, c in enumerate(text) if unicodedata.category(c) in _NOT_IN_IDS), None)
    match = _LONE_SURROGATE.search(text)
    return None if match is None else match.start()


def _text(*, required: bool = False, identifier: bool = False) -> Validator:
    """A field validator: :func:`check_text` with the field and its owner named."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        # The common case first, cheaply: a plain printable text (a note with a tab or
        # a newline goes the long way); the message is made only for a refusal.
        if (
            type(value) is str
            and (value.isprintable() or not identifier)
            and (not required or value.strip())
            and (value.isascii() or not _LONE_SURROGATE.search(value))
        ):
            return
        check_text(
            value,
            field=f"{type(instance).__name__.lower()} {attribute.name}"
            if required
            else attribute.name,
            element=element_of(instance),
            required=required,
            identifier=identifier,
        )

    return check


#: An id: a required text without control or format characters.
check_id: Final = _text(required=True, identifier=True)
#: A required text: more than white space.
check_title: Final = _text(required=True)
#: An optional text: any string that a file can hold, empty included.
check_str: Final = _text()


def check_texts(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A tuple of optional texts, each checked as :func:`check_text` does."""
    tuple_of(str, "strings")(instance, attribute, value)
    assert isinstance(value, tuple)  # noqa: S101  # the line above refuses anything else
    for index, item in enumerate(value):
        check_text(item, field=f"{attribute.name}[{index}]", element=element_of(instance))


# --------------------------------------------------------------------------- flags and lists


def check_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A field validator: ``True`` or ``False``, nothing that merely looks like one."""
    if not isinstance(value, bool):
        raise ValidationError(
            f"{attribute.name} must be True or False", element=element_of(instance), value=value
        )


def as_tuple(value: Any) -> Any:
    """An iterable of values as a tuple.

    A string, a mapping or a single value is kept as it is, for the
    validator to refuse with the element named: a string would otherwise
    become a tuple of characters, a dict a tuple of its keys.

    Example:
        >>> as_tuple([1, 2]), as_tuple("ab")
        ((1, 2), 'ab')
    """
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def tuple_of(kind: type | tuple[type, ...], what: str) -> Validator:
    """A field validator: the field is a tuple of ``kind`` values."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        element = element_of(instance)
        if not isinstance(value, tuple):
            raise ValidationError(
                f"{attribute.name} must be a list of {what}", element=element, value=value
            )
        for item in value:
            if not isinstance(item, kind):
                raise ValidationError(
                    f"{attribute.name} must hold {what} only", element=element, value=item
                )

    return check


def optional(kind: type, what: str) -> Validator:
    """A field validator: the field is None or a ``kind`` value."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, kind):
            raise ValidationError(
                f"{attribute.name} must be {what} or None",
                element=element_of(instance),
                value=value,
            )

    return check


# --------------------------------------------------------------------------- numbers


def _is_bool(value: object) -> bool:
    # numpy's bool is no subclass of bool, and no number either.
    return isinstance(value, bool) or type(value).__name__ in {"bool_", "bool"}


def _is_scalar_array(value: Any) -> bool:
    """Whether ``value`` is a numpy array of one number (shape ``()``), as numpy returns often."""
    dtype = getattr(value, "dtype", None)
    return (
        getattr(value, "shape", None) == ()
        and getattr(dtype, "kind", "") in {"i", "u", "f"}
        and hasattr(value, "item")
    )


_PLAIN_NUMBERS: Final = frozenset({int, float})


def is_number(value: object) -> bool:
    """Whether ``value`` is a real number: a :class:`numbers.Real` or a Decimal, not a bool.

    (Decimal is no ``numbers.Real``: it does not mix with floats.)

    Example:
        >>> from decimal import Decimal
        >>> is_number(7.5), is_number(Decimal("7.5")), is_number(True), is_number("7.5")
        (True, True, False, False)
    """
    if type(value) in _PLAIN_NUMBERS:  # the common case, without the ABCs' slow checks
        return True
    return isinstance(value, numbers.Real | decimal.Decimal) and not _is_bool(value)


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
    if type(value) in _PLAIN_NUMBERS:
        return value
    if _is_scalar_array(value):
        value = value.item()
    if not is_number(value) or type(value) in _PLAIN_NUMBERS:
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
    if type(value) in _PLAIN_NUMBERS:
        return value
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


def check_number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A field validator: :func:`finite_magnitude`, naming ``Class.field``."""
    finite_magnitude(value, element=f"{type(instance).__name__}.{attribute.name}")


# --------------------------------------------------------------------------- years

FIRST_YEAR: Final = 1800
LAST_YEAR: Final = 2200
YEARS: Final = f"a year from {FIRST_YEAR} to {LAST_YEAR}"
"""How messages name the years progmon accepts."""


def plain_year(value: Any) -> Any:
    """A whole number of another type (a numpy integer) as an ``int``; anything else unchanged.

    Example:
        >>> import numpy as np
        >>> plain_year(np.int64(2022)), plain_year(2022.0)
        (2022, 2022.0)
    """
    if value is None or type(value) is int:  # the common cases, without the ABC's slow check
        return value
    if isinstance(value, numbers.Integral) and not _is_bool(value):
        return int(value)
    return value


def is_year(value: object) -> bool:
    """Whether ``value`` is a calendar year progmon accepts: an ``int`` from 1800 to 2200.

    Example:
        >>> is_year(2022), is_year(True), is_year(2022.0), is_year(99)
        (True, False, False, False)
    """
    return (
        isinstance(value, int) and not isinstance(value, bool) and FIRST_YEAR <= value <= LAST_YEAR
    )


def check_by(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    """A field validator: None or a year progmon accepts, for a deadline."""
    if value is not None and not is_year(value):
        raise ValidationError(
            f"deadline must be {YEARS}",
            element=f"{type(instance).__name__}.{attribute.name}",
            value=value,
        )
