"""The one cattrs converter between programmes and plain data (TOML/JSON).

The model knows nothing of files; this module maps it to nested dicts,
lists, strings and numbers that a policy adviser can read and edit:

* a period is ``2019`` (a year), ``"2019-12"`` (a month), ``"2018/2022"``
  (whole years) or ``"2019-01-01/2019-06-30"`` (days), and, when it carries
  a label of its own, ``{ dates = "2019-12", label = "december 2019" }``;
* figures, margins and target values are plain numbers in the unit of their
  indicator; a budget is ``"50000 EUR"``;
* a target is tagged by its kind: ``{ level = 32 }``, the norms
  ``{ at_least = 7.5 }`` and ``{ at_most = 25 }``, ``{ change = -360 }``,
  ``{ relative_change = -0.1 }``, ``{ improve = true }``,
  ``{ maintain = true }``, each with an optional ``by = 2022``;
* an indicator's ``milestones`` are a list of such targets, each with its
  year: ``milestones = [{ level = 7.1, by = 2019 }]``;
* an indicator's ``references`` are a list of tables, each with a ``name``,
  an optional ``kind`` and its ``measurements`` in the indicator's unit:
  ``references = [{ name = "Nederland", kind = "country", measurements =
  [{ period = 2019, value = 4.3 }] }]``;
* an indicator of the BBV catalogue is ``{ bbv = "winkeldiefstallen" }``:
  it takes the entry's id, name (in the programme's language), unit,
  direction, definition (as ``description``) and source; a key written
  beside ``bbv`` wins, and a programme is written with ``bbv`` and only the
  keys that differ from the entry;
* enums are their values (``"decrease"``, ``"context"``), a source is its
  title or a table, and fields at their default are left out.

Structuring is strict (a string is never silently made a number, nor a
number a string) and every problem is reported as one
:class:`~progmon.errors.ProgmonError` naming the key path, e.g.
``ambitions[0].goals[2].indicators[0].unit``, and the value.
"""

from __future__ import annotations

import contextlib
import contextvars
import difflib
import enum
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime, time
from typing import Any, Final, Self, get_args, get_origin

import attrs
import cattrs
import pint
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from progmon import units
from progmon._indicator import (
    Indicator,
    IndicatorKind,
    Measurement,
    PlainFigures,
    Reference,
    Source,
    plain_figures,
)
from progmon._period import Period, PeriodKind
from progmon._programme import Action, Ambition, Goal, Programme, Resource, Section
from progmon._targets import Direction, Target
from progmon.errors import AmbiguityError, FileFormatError, ProgmonError

__all__ = [
    "FORMAT_VERSION",
    "THOUSANDS",
    "converter",
    "format_number",
    "misspelt_key",
    "number_literal",
    "parse_period",
    "parse_quantity",
    "structure_programme",
    "unstructure_programme",
]

FORMAT_VERSION: Final = 1
"""The version of the programme file format that this progmon writes and reads."""

# --------------------------------------------------------------------------- scalars


# How messages name a value's kind; the first that fits. A bool is an int,
# and a datetime a date, to isinstance: they come first.
_KINDS: Final[tuple[tuple[type | tuple[type, ...], str], ...]] = (
    (bool, "a boolean"),
    ((int, float), "a number"),
    (str, "a text"),
    (Mapping, "a table"),
    ((list, tuple), "a list"),
    (datetime, "a date and time"),  # TOML has dates and times of its own
    (date, "a date"),
    (time, "a time"),
)


def _kind_of(value: object) -> str:
    return next((name for kind, name in _KINDS if isinstance(value, kind)), type(value).__name__)


def _structure_str(value: object, _: object) -> str:
    if not isinstance(value, str):
        raise FileFormatError(f"must be a text, not {_kind_of(value)}", value=value)
    return value


def _structure_int(value: object, _: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FileFormatError(f"must be a whole number, not {_kind_of(value)}", value=value)
    return value


def _structure_number(value: object, _: object) -> float:
    # An int stays an int: 2**53 + 1 has no float; the model decides how to store it.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FileFormatError(f"must be a number, not {_kind_of(value)}", value=value)
    return value


def _structure_bool(value: object, _: object) -> bool:
    if not isinstance(value, bool):
        raise FileFormatError(f"must be true or false, not {_kind_of(value)}", value=value)
    return value


def format_number(value: float) -> int | float:
    """A number as a file shows it best: ``731`` rather than ``731.0``.

    Whole numbers that a float holds exactly become ints; every other float
    stays a float, whose ``repr`` both TOML and JSON keep exactly, ``-0.0``
    included (an int has no negative zero).

    Example:
        >>> format_number(731.0), format_number(7.5), format_number(1e300), format_number(-0.0)
        (731, 7.5, 1e+300, -0.0)
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    number = float(value)
    negative_zero = number == 0 and math.copysign(1, number) < 0
    if number.is_integer() and abs(number) < 2**53 and not negative_zero:
        return int(number)
    return number


# A whole number of more digits than this lies beyond every float.
_FLOAT_DIGITS: Final = 400


def number_literal(text: str) -> int | float:
    """The number that a literal such as ``731``, ``-7.5`` or ``1e3`` writes.

    A literal without a point or an exponent is an ``int``, so that a whole
    number keeps every digit. Every number read from a text goes through here.

    Example:
        >>> number_literal("9007199254740993"), number_literal("7.50"), number_literal("-0.0")
        (9007199254740993, 7.5, -0.0)
    """
    if re.fullmatch(r"[+-]?\d+", text) and len(text) <= _FLOAT_DIGITS:
        return int(text)
    return float(text)  # beyond a float: infinite, which the model refuses by name


_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_QUANTITY = re.compile(rf"^\s*({_NUMBER})\s*(.*?)\s*$")
THOUSANDS: Final = r"[1-9]\d{0,2}(?:\.\d{3})+"
"""A number with points that group thousands, as a Dutch reader writes 50.000 or 1.250.000.

A group starts with 1-9: no one writes 0.125 for 125, so 0.125 is a decimal.
"""
# 50.000 or 1.250.000: thousands to a Dutch reader, decimals to Python. Never guessed.
_GROUPED = re.compile(rf"^\s*[+-]?{THOUSANDS}(?![\d.,eE])")


def parse_quantity(text: str, *, require_unit: bool = False) -> Any:
    """Read ``"731 report"``, ``"50000 EUR"``, ``"-10 %"`` or a bare ``"7.5"``.

    Only a number followed by a unit is accepted: nothing is evaluated. A
    number that reads as thousands to a Dutch reader (``"50.000 EUR"``) is
    refused, as is a decimal comma: a point is a decimal point, never a
    thousands separator.

    Raises:
        FileFormatError: not a number with a unit.
        AmbiguityError: a point that could group thousands.
        UnitError: the unit is unknown.

    Example:
        >>> parse_quantity("50000 EUR")
        <Quantity(50000, 'EUR')>
        >>> parse_quantity("-10 %")
        <Quantity(-10, 'percent')>
    """
    if _GROUPED.match(text):
        raise AmbiguityError(
            "has a point that could group thousands (Dutch 50.000) or mark decimals: "
            "write whole numbers without points (50000 EUR), decimals with a point (1.5 fte)",
            value=text,
        )
    match = _QUANTITY.match(text)
    if match is None:
        raise FileFormatError("must be a number, optionally followed by a unit", value=text)
    number, unit = number_literal(match[1]), match[2]
    if re.match(r",\d", unit):
        raise FileFormatError("has a decimal comma: write a decimal point (7.5 fte)", value=text)
    if re.match(r"_\d", unit):
        raise FileFormatError(
            "has an underscore in its number: write the digits without it (1000 EUR)", value=text
        )
    if not unit:
        if require_unit:
            raise FileFormatError("must be a number followed by its unit", value=text)
        return number
    if unit == "%":
        unit = "percent"
    return units.Quantity(number, units.to_unit(unit))


def _structure_figure(value: object, _: object) -> Any:
    """A figure, margin or target value: a number in the indicator's unit, or a quantity text."""
    # A quoted figure must say its unit: a quoted bare number is a mistake, not a number.
    if isinstance(value, str):
        return parse_quantity(value, require_unit=True)
    return _structure_number(value, None)


def _unstructure_figure(value: Any) -> Any:
    # Inside an indicator every figure is a quantity in the indicator's unit:
    # the file keeps the number only, the unit is written once per indicator.
    if isinstance(value, pint.Quantity):
        return format_number(value.magnitude)
    return format_number(value)


def _structure_optional_figure(value: object, _: object) -> Any:
    return None if value is None else _structure_figure(value, None)


def _unstructure_optional_figure(value: Any) -> Any:
    return None if value is None else _unstructure_figure(value)


def _structure_amount(value: object, _: object) -> Any:
    if isinstance(value, str):
        return parse_quantity(value, require_unit=True)
    raise FileFormatError(
        f'must be an amount with its unit, such as "50000 EUR" or "2 fte", not {_kind_of(value)}',
        value=value,
    )


def _unstructure_amount(value: Any) -> str:
    number = repr(format_number(value.magnitude))
    if _GROUPED.match(number):
        number += "0"  # 1.125 would be refused as 1125 in Dutch eyes; 1.1250 is the same float
    return f"{number} {value.units}"


def _structure_unit(value: object, _: object) -> Any:
    if not isinstance(value, str):
        raise FileFormatError(f"must be a unit name, not {_kind_of(value)}", value=value)
    return units.to_unit(value)


def _unstructure_unit(value: Any) -> str:
    return str(value)


def _enum_hook(enum_type: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    choices = [member.value for member in enum_type]

    def structure(value: object, _: object) -> enum.Enum:
        if isinstance(value, str):
            for member in enum_type:
                if member.value == value:
                    return member
        raise FileFormatError(f"must be one of {', '.join(map(repr, choices))}", value=value)

    return structure


# --------------------------------------------------------------------------- periods

_CBS_PERIOD = re.compile(r"^(\d{4})(JJ|KW|MM)(\d{2})$")
_YEARS = re.compile(r"^(\d{4})/(\d{4})$")


def parse_period(text: str | int, *, label: str | None = None) -> Period:
    """Read a period as files write it.

    Besides :meth:`~progmon.Period.parse` (``"2019"``, ``"2019-12"``,
    ``"2019-01-01/2019-06-30"``) this reads whole years ``"2018/2022"``,
    an ``int`` year, and CBS period codes: ``"2019JJ00"`` (a year),
    ``"2019KW03"`` (a quarter), ``"2019MM12"`` (a month).

    Example:
        >>> parse_period("2019JJ00").label
        '2019'
        >>> parse_period("2018/2022").end
        datetime.date(2022, 12, 31)
        >>> parse_period("2020KW02").start
        datetime.date(2020, 4, 1)
    """
    if isinstance(text, bool) or not isinstance(text, int | str):
        raise FileFormatError(
            f'must be a period such as 2019 or "2019-12", not {_kind_of(text)}', value=text
        )
    if isinstance(text, int):
        return Period.year(text, label=label)
    stripped = text.strip()
    if match := _CBS_PERIOD.match(stripped):
        year, kind, number = int(match[1]), match[2], int(match[3])
        if kind == "JJ" and number == 0:
            return Period.year(year, label=label)
        if kind == "MM" and 1 <= number <= 12:
            return Period.month(year, number, label=label)
        if kind == "KW" and 1 <= number <= 4:
            return Period.quarter(year, number, label=label)
        raise FileFormatError("is not a CBS period code this reader knows", value=text)
    if match := _YEARS.match(stripped):
        first_year, last_year = int(match[1]), int(match[2])
        start, end = Period.year(first_year).start, Period.year(last_year).end
        return Period.between(start, end, label=label)
    return Period.parse(stripped, label=label)


def _period_code(period: Period) -> int | str:
    start, end, kind = period.start, period.end, period.kind
    if kind is PeriodKind.YEAR:
        return start.year
    if kind is PeriodKind.MONTH:
        return f"{start.year}-{start.month:02d}"
    if kind is PeriodKind.YEARS:
        return f"{start.year}/{end.year}"
    return f"{start.isoformat()}/{end.isoformat()}"


def _unstructure_period(period: Period) -> int | str | dict[str, str]:
    code = _period_code(period)
    # The label is not part of a period's equality: compare it on its own.
    if period.label == parse_period(code).label:
        return code
    return {"dates": str(code), "label": period.label}


def _structure_period(value: object, _: object) -> Period:
    if isinstance(value, Mapping):
        extra = set(value) - {"dates", "label"}
        if extra or "dates" not in value:
            raise FileFormatError(
                'a period table has the keys "dates" and "label", e.g. '
                '{ dates = "2019-12", label = "december 2019" }',
                value=dict(value),
            )
        with _at("dates"):
            period = _structure_period(value["dates"], None)
        label = value.get("label")
        if label is None:
            return period
        with _at("label"):
            if not isinstance(label, str):
                raise FileFormatError("a period label must be a text", value=label)
            return attrs.evolve(period, label=label)
    if isinstance(value, int | str) and not isinstance(value, bool):
        return parse_period(value)
    advice = (
        ': a period is not a date; write a date range in quotes, "2019-01-01/2019-06-30"'
        if isinstance(value, date | time)
        else ""
    )
    raise FileFormatError(
        f'must be a period such as 2019 or "2019-12", not {_kind_of(value)}{advice}', value=value
    )


def _structure_optional_period(value: object, _: object) -> Period | None:
    return None if value is None else _structure_period(value, None)


# --------------------------------------------------------------------------- sources


def _unstructure_source(source: Source) -> str | dict[str, Any]:
    if source == Source(source.title):
        return source.title
    return _SOURCE_TABLE(source)


def _structure_source(value: object, _: object) -> Source:
    if isinstance(value, str):
        return Source(value)
    source: Source = _SOURCE_FROM_TABLE(value, Source)
    return source


# --------------------------------------------------------------------------- targets


def _unstructure_target(target: Target) -> dict[str, Any]:
    """A target as its table: its kind's tag with its value, and ``by`` where it has one."""
    data: dict[str, Any]
    if target.value_field is None:
        data = {target.tag: True}
    elif target.amount_style == "fraction":
        data = {target.tag: format_number(target.value)}
    else:
        data = {target.tag: _unstructure_figure(target.value)}
    if target.by is not None:
        data["by"] = target.by
    return data


def _structure_target(value: object, _: object) -> Target | None:
    if value is None:
        return None
    return _structure_a_target(value, Target)


def _structure_a_target(value: object, _: object) -> Target:
    """A target from its table; every kind is found by its tag (:meth:`Target.kinds`)."""
    kinds = Target.kinds()
    if not isinstance(value, Mapping):
        raise FileFormatError(
            "a target is a table such as { level = 32 }, { change = -360 } or "
            f"{{ improve = true }}, not {_kind_of(value)}",
            value=value,
        )
    tagged = [key for key in value if key in kinds]
    extra = sorted(set(value) - set(kinds) - {"by"})
    if len(tagged) != 1 or extra:
        raise FileFormatError(
            f"a target has exactly one of the keys {', '.join(kinds)}, and optionally by",
            value=dict(value),
        )
    tag = tagged[0]
    kind = kinds[tag]
    # Built in two steps, so that an error names the key it comes from.
    with _at(tag):
        given = value[tag]
        target: Target
        if kind.value_field is not None:
            target = kind(_structure_figure(given, None))
        elif given is not True:
            raise FileFormatError(f"write {tag} = true", value=given)
        else:
            target = kind()  # type: ignore[call-arg]
    if value.get("by") is None:
        return target
    with _at("by"):
        return attrs.evolve(target, by=_structure_int(value["by"], None))


# --------------------------------------------------------------------------- collections


def _is_tuple_of(type_: Any) -> bool:
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(type_: Any) -> Callable[[object, object], tuple[Any, ...]]:
    item_type = get_args(type_)[0]

    def structure(value: object, _: object) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise FileFormatError(f"must be a list, not {_kind_of(value)}", value=value)
        items, errors = [], []
        for index, item in enumerate(value):
            try:
                items.append(converter.structure(item, item_type))
            except Exception as e:  # noqa: BLE001  # collected, like cattrs does, to name the index
                e.__notes__ = [
                    *getattr(e, "__notes__", []),
                    IterableValidationNote(f"@ index {index}", index, item_type),
                ]
                errors.append(e)
        if errors:
            raise IterableValidationError("while structuring a list", errors, type_)
        return tuple(items)

    return structure


# --------------------------------------------------------------------------- classes


@contextlib.contextmanager
def _at(*segments: str | int) -> Iterator[None]:
    """Extend the key path of any error raised inside by ``segments``."""
    try:
        yield
    except Exception as e:
        e.__notes__ = [*getattr(e, "__notes__", []), _PathNote(*segments)]
        raise


class _PathNote(str):
    """A note that extends the key path of an error found after structuring."""

    __slots__ = ("segments",)

    segments: tuple[str | int, ...]

    def __new__(cls, *segments: str | int) -> Self:
        note = super().__new__(cls, "@ " + ".".join(map(str, segments)))
        note.segments = segments
        return note


def _class_hook(cls: type, **overrides: Any) -> Callable[[object, object], Any]:
    generated: Callable[[Mapping[str, Any], Any], Any] = make_dict_structure_fn(
        cls,
        converter,
        _cattrs_forbid_extra_keys=True,
        _cattrs_detailed_validation=True,
        **overrides,
    )
    name = cls.__name__.lower()

    def structure(value: object, _: object) -> Any:
        if not isinstance(value, Mapping):
            raise FileFormatError(f"a {name} must be a table, not {_kind_of(value)}", value=value)
        try:
            return generated(value, cls)
        except cattrs.ClassValidationError as e:
            raised = e.exceptions[0]
            # An error of the model's own (a validator, a rule of the whole
            # indicator) comes without a key path: find the key it is about.
            if (
                len(e.exceptions) == 1
                and isinstance(raised, ProgmonError)
                and not getattr(raised, "__notes__", None)
                and not _LOCATING.get()
            ):
                _locate(value, lambda table: generated(table, cls), raised)
            raise

    return structure


# Set while the locator tries variants of a table: their errors need no key path.
_LOCATING: Final = contextvars.ContextVar("locating", default=False)


def _locate(table: Mapping[str, Any], build: Callable[[Any], object], error: ProgmonError) -> None:
    """Point ``error``, raised by the model for ``table`` as a whole, at the key it is about.

    The key is the one without which the table is valid: a figure out of
    range (``measurements[1].value``), a deadline before the baseline
    (``target.by``), the second of two equal ids (``goals[1].id``).
    """
    token = _LOCATING.set(True)
    try:
        path = _culprit(table, build, error)
    finally:
        _LOCATING.reset(token)
    if path:
        error.__notes__ = [_PathNote(*path)]


def _culprit(
    value: Any, build: Callable[[Any], object], error: ProgmonError
) -> tuple[str | int, ...]:
    """The key path inside ``value`` that ``build(value)`` fails on; ``()`` if it is ``value``."""
    if isinstance(value, list):
        index = _culprit_in_list(value, build, error)
        if index is None:
            return ()

        def build_item(item: Any, index: int = index) -> object:
            return build([*value[:index], item, *value[index + 1 :]])

        return (index, *_culprit(value[index], build_item, error))
    if isinstance(value, Mapping):
        return _culprit_in_table(value, build, error)
    return ()


# Up to this many items, each is tried by leaving it out; beyond, a bisection
# keeps the search at n log n builds of the list, not n squared.
_ONE_BY_ONE: Final = 16


def _culprit_in_list(
    items: list[Any], build: Callable[[Any], object], error: ProgmonError
) -> int | None:
    """The index of the item that ``build(items)`` fails on, if one can be found."""
    if not items or not _builds(build, []):
        return None
    shown = str(error.value)
    named = [i for i, item in enumerate(items) if _holds(item, shown)]
    # From the end: of two figures that collide, the later one is the mistake.
    candidates = named[::-1] + (
        list(reversed(range(len(items)))) if len(items) <= _ONE_BY_ONE else []
    )
    for index in candidates:
        if _builds(build, items[:index] + items[index + 1 :]):
            return index
    if len(items) <= _ONE_BY_ONE:
        return None
    # The item whose addition turns a valid start of the list into an invalid one.
    valid, invalid = 0, len(items)
    while invalid - valid > 1:
        middle = (valid + invalid) // 2
        if _builds(build, items[:middle]):
            valid = middle
        else:
            invalid = middle
    return invalid - 1


def _holds(value: Any, shown: str) -> bool:
    """Whether ``value``, or a plain value in its tables, is shown as ``shown``."""
    if isinstance(value, Mapping):
        return any(_holds(item, shown) for item in value.values())
    return not isinstance(value, list) and str(value) == shown


_CULPRIT_ORDER: Final[dict[type, int]] = {dict: 1, list: 2}


def _culprit_in_table(
    table: Mapping[str, Any], build: Callable[[Any], object], error: ProgmonError
) -> tuple[str | int, ...]:
    # Plain values first, then tables, lists last: a deadline is the culprit rather
    # than the indicators it precedes, a target's year rather than the figures.
    for key in sorted(table, key=lambda k: _CULPRIT_ORDER.get(type(table[k]), 0)):
        if _builds(build, {k: v for k, v in table.items() if k != key}):

            def build_key(item: Any, key: str = key) -> object:
                return build({**table, key: item})

            return (key, *_culprit(table[key], build_key, error))
    # No key can go (the period of a figure, the kind of a target): the key
    # holding the value the error names, else the value a target sets.
    shown = str(error.value)
    named = [k for k, v in table.items() if not isinstance(v, Mapping | list) and str(v) == shown]
    tagged = [k for k in table if k in Target.kinds()]
    for keys in (named, tagged):
        if len(keys) == 1:
            return (keys[0],)
    return ()


def _builds(build: Callable[[Any], object], value: Any) -> bool:
    try:
        build(value)
    except Exception:  # noqa: BLE001  # any failure: this variant is not valid either
        return False
    return True


# The unit of the indicator whose figures are being read (None: none readable),
# so that a plain figure is made a quantity in it once, not a number made one later.
# Its range, worked out once for the series, goes with it.
_UNIT: Final = contextvars.ContextVar[tuple[Any, tuple[float, float] | None]](
    "unit", default=(None, None)
)


# The language of the programme being read or written: the name and description an
# indicator of the BBV catalogue takes are in it.
_LANGUAGE: Final = contextvars.ContextVar[str]("language", default="nl")


def _bbv_entry(value: object) -> Any:
    """The catalogue's entry named by ``value``'s ``bbv`` key, or None."""
    from progmon import bbv

    given = value.get("bbv", "") if isinstance(value, Mapping) else ""
    if given == "" and type(given) is str:
        return None
    with _at("bbv"):
        entry = bbv.get(given)  # refused with the closest ids: did you mean ...?
        entry.to_unit()  # its populations, before the unit is read
    return entry


def _language() -> Any:
    language = _LANGUAGE.get()
    return language if language in ("nl", "en") else "nl"  # another is refused by Programme


def _with_bbv(value: Mapping[str, Any]) -> Mapping[str, Any]:
    """``value``, an indicator's table with a ``bbv`` key, with the entry's fields filled in."""
    entry = _bbv_entry(value)
    if entry is None:
        return value
    inherited: dict[str, Any] = {
        "id": entry.id,
        "name": entry.name(_language()),
        "unit": entry.unit,
        "description": entry.definition(_language()),
        "source": {"title": entry.source.title, "publisher": entry.source.publisher},
    }
    if entry.direction is not None:
        inherited["direction"] = entry.direction.value
    return inherited | dict(value)


def _structure_indicator(value: object, _: object) -> Indicator:
    if isinstance(value, Mapping) and "bbv" in value:
        value = _with_bbv(value)
    unit = bounds = None
    given = value.get("unit") if isinstance(value, Mapping) else None
    if isinstance(given, str):
        with contextlib.suppress(ProgmonError):  # refused below, by the unit's own hook
            unit = units.to_unit(given)
            bounds = units.valid_range(unit)
    fast_table = None
    if unit is not None and isinstance(value, Mapping):
        plain = plain_figures(value.get("measurements"), unit, bounds, _plain_source)
        if plain is not None:
            # Checked as a whole, and made into measurements only when read.
            fast_table = {**value, "measurements": plain}
    token = _UNIT.set((unit, bounds))
    try:
        # Through a name bound below: an indicator holds indicators (components).
        if fast_table is not None:
            with contextlib.suppress(Exception):  # an error: told by the table as written
                fast: Indicator = _INDICATOR_FROM_TABLE(fast_table, Indicator)
                return fast
        indicator: Indicator = _INDICATOR_FROM_TABLE(value, Indicator)
    finally:
        _UNIT.reset(token)
    return indicator


def _plain_source(value: object) -> Source | None:
    """The source a figure cites, as the ordinary hook makes it; None where it refuses it."""
    try:
        return _structure_source(value, Source)
    except Exception:  # noqa: BLE001  # any refusal: the ordinary path names it
        return None


def _structure_measurement(value: object, _: object) -> Measurement:
    # Most figures of a file are a year and plain numbers: made directly. Any
    # other goes through the generated hook and the model's checks, which give
    # the errors; the fast path refuses nothing itself. A figure file's figure
    # comes made already (load_with_figures puts it among its indicator's).
    if isinstance(value, Measurement):
        return value
    plain = plain_figures([value], *_UNIT.get(), _plain_source)
    if plain is not None:
        return plain.made()[0]
    measurement: Measurement = _MEASUREMENT_FROM_TABLE(value, Measurement)
    return measurement


def _structure_measurements(value: object, type_: object) -> Any:
    # A whole series of plain figures checked as one; any other list goes the
    # ordinary way, item by item, which names the index of each error. An
    # indicator's own plain figures come checked already (_structure_indicator).
    if type(value) is PlainFigures:
        return value
    plain = plain_figures(value, *_UNIT.get(), _plain_source)
    if plain is not None:
        return plain.made()
    return _MEASUREMENTS(value, type_)


def _unstructure_indicator(indicator: Indicator) -> dict[str, Any]:
    data: dict[str, Any] = _INDICATOR_TABLE(indicator)
    # The baseline defaults to the first period with a figure: said only where it differs.
    first = next((m.period for m in indicator.measurements if m.value is not None), None)
    if indicator.baseline == first:
        data.pop("baseline", None)
    if indicator.bbv:
        return _bbv_table(indicator, data)
    return data


def _bbv_table(indicator: Indicator, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` of an indicator of the BBV catalogue: ``bbv`` first, then what differs."""
    from progmon import bbv

    data.pop("bbv")
    table: dict[str, Any] = {"bbv": indicator.bbv}
    inherited = bbv.inherited(bbv.get(indicator.bbv), _language())
    for key, value in inherited.items():
        if getattr(indicator, key) != value and key not in data:
            # At its default, which the entry would replace: said, as an empty text.
            data[key] = converter.unstructure(getattr(indicator, key))
    return table | {
        key: item
        for key, item in data.items()
        if key not in inherited or getattr(indicator, key) != inherited[key]
    }


converter: Final = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
"""The cattrs converter of progmon's file format (used by :func:`progmon.io.load`)."""

converter.register_structure_hook(str, _structure_str)
converter.register_structure_hook(int, _structure_int)
converter.register_structure_hook(float, _structure_number)
converter.register_structure_hook(bool, _structure_bool)
converter.register_structure_hook(Period, _structure_period)
converter.register_structure_hook(Period | None, _structure_optional_period)
converter.register_unstructure_hook(Period, _unstructure_period)
converter.register_structure_hook(Direction, _enum_hook(Direction))
converter.register_structure_hook(IndicatorKind, _enum_hook(IndicatorKind))
# Milestones: a list of targets, each a table tagged by its kind.
converter.register_structure_hook(Target, _structure_a_target)
converter.register_unstructure_hook_func(
    lambda cls: isinstance(cls, type) and issubclass(cls, Target), _unstructure_target
)
converter.register_structure_hook_factory(_is_tuple_of, _tuple_hook)

_FIGURE = override(struct_hook=_structure_figure, unstruct_hook=_unstructure_figure)
_OPTIONAL_FIGURE = override(
    struct_hook=_structure_optional_figure, unstruct_hook=_unstructure_optional_figure
)
_FIELD_HOOKS: Final[dict[type, dict[str, Any]]] = {
    Measurement: {"value": _OPTIONAL_FIGURE, "margin": _OPTIONAL_FIGURE},
    Resource: {
        "amount": override(struct_hook=_structure_amount, unstruct_hook=_unstructure_amount)
    },
    Indicator: {
        "unit": override(struct_hook=_structure_unit, unstruct_hook=_unstructure_unit),
        "target": override(struct_hook=_structure_target, unstruct_hook=_unstructure_target),
    },
}

# Hooks are generated leaf first: cattrs resolves a field's hook when it
# generates the hook of the class that holds it. An indicator holds
# indicators (components), so its hooks go through a late-bound name.
_SOURCE_TABLE: Final = make_dict_unstructure_fn(Source, converter, _cattrs_omit_if_default=True)
_SOURCE_FROM_TABLE: Final = _class_hook(Source)
converter.register_unstructure_hook(Source, _unstructure_source)
converter.register_structure_hook(Source, _structure_source)
converter.register_unstructure_hook(Indicator, _unstructure_indicator)
converter.register_structure_hook(Indicator, _structure_indicator)

for _cls in (Section, Resource, Action, Measurement):
    _hooks = _FIELD_HOOKS.get(_cls, {})
    converter.register_unstructure_hook(
        _cls, make_dict_unstructure_fn(_cls, converter, _cattrs_omit_if_default=True, **_hooks)
    )
    converter.register_structure_hook(_cls, _class_hook(_cls, **_hooks))
_MEASUREMENT_FROM_TABLE: Final = _class_hook(Measurement, **_FIELD_HOOKS[Measurement])
converter.register_structure_hook(Measurement, _structure_measurement)
_MEASUREMENTS: Final = _tuple_hook(tuple[Measurement, ...])
converter.register_structure_hook_func(
    lambda type_: type_ == tuple[Measurement, ...], _structure_measurements
)
# A reference's figures are plain numbers in the unit of its indicator, as the indicator's own.
_REFERENCE_TABLE: Final = make_dict_unstructure_fn(
    Reference, converter, _cattrs_omit_if_default=True
)


def _unstructure_reference(reference: Reference) -> dict[str, Any]:
    # Name and kind first: a reader meets them before the figures.
    data: dict[str, Any] = _REFERENCE_TABLE(reference)
    return {key: data[key] for key in ("name", "kind") if key in data} | data


converter.register_unstructure_hook(Reference, _unstructure_reference)
converter.register_structure_hook(Reference, _class_hook(Reference))

_INDICATOR_TABLE: Final = make_dict_unstructure_fn(
    Indicator, converter, _cattrs_omit_if_default=True, **_FIELD_HOOKS[Indicator]
)
_INDICATOR_FROM_TABLE: Final = _class_hook(Indicator, **_FIELD_HOOKS[Indicator])

for _whole in (Goal, Ambition, Programme):
    converter.register_unstructure_hook(
        _whole, make_dict_unstructure_fn(_whole, converter, _cattrs_omit_if_default=True)
    )
    converter.register_structure_hook(_whole, _class_hook(_whole))


# --------------------------------------------------------------------------- programmes


def unstructure_programme(programme: Programme) -> dict[str, Any]:
    """``programme`` as plain data, ``format`` first.

    A source with more than a title is written once, in the ``sources``
    table, and named by its key wherever it is cited.

    Example:
        >>> unstructure_programme(Programme(id="p", name="P"))
        {'format': 1, 'id': 'p', 'name': 'P'}
    """
    token = _LANGUAGE.set(programme.language)
    try:
        data: dict[str, Any] = converter.unstructure(programme, Programme)
    finally:
        _LANGUAGE.reset(token)
    cited: list[dict[str, Any]] = []
    titles: set[str] = set()
    for _, table in _tables_citing(data):
        source = table["source"]
        if isinstance(source, str):
            titles.add(source)
        elif source not in cited:
            cited.append(source)
    while True:
        sources = _keyed(cited, titles)
        # A title the reader would take for a key, or for a misspelt one, is
        # written as a source table; its key may catch other titles in turn.
        misread = {title for title in titles if title in sources or misspelt_key(title, sources)}
        if not misread:
            break
        titles -= misread
        cited.extend({"title": title} for title in sorted(misread))
    keys = {repr(source): key for key, source in sources.items()}
    for _, table in _tables_citing(data):
        source = table["source"]
        if not isinstance(source, str) or source not in titles:
            table["source"] = keys[repr(source if isinstance(source, dict) else {"title": source})]
    # The populations first: a reader meets them before the units that are per one.
    head = {
        "format": FORMAT_VERSION,
        **({"populations": data.pop("populations")} if "populations" in data else {}),
    }
    return {**head, **data, "sources": sources} if sources else {**head, **data}


def _keyed(cited: list[dict[str, Any]], titles: set[str]) -> dict[str, dict[str, Any]]:
    """The sources table: each source under a key made of its title, no key a plain title."""
    sources: dict[str, dict[str, Any]] = {}
    for source in cited:
        key = base = _slug(source["title"]) or "source"
        number = 2
        while key in sources or key in titles:
            key, number = f"{base}-{number}", number + 1
        sources[key] = source
    return sources


def misspelt_key(citation: str, keys: Iterable[str]) -> str | None:
    """The key of the sources table that ``citation`` was probably meant to be, if any.

    A citation without white space that is close to a key (``politie-2019``
    for ``politie_2019``) is a misspelt key rather than a title; a citation
    with spaces is a title.

    Example:
        >>> misspelt_key("politie-2019", ["politie_2019", "cbs"])
        'politie_2019'
        >>> misspelt_key("Politie jaarcijfers 2019", ["politie_2019"]) is None
        True
    """
    if any(character.isspace() for character in citation):
        return None
    folded = {key.casefold(): key for key in keys}
    close = difflib.get_close_matches(citation.casefold(), folded, n=1, cutoff=0.8)
    return folded[close[0]] if close else None


def _tables_citing(
    data: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any]]]:
    """Every table (of an indicator or measurement) in ``data`` that has a source, and its path."""
    if isinstance(data, dict):
        if "source" in data:
            yield path, data
        for key, value in data.items():
            yield from _tables_citing(value, (*path, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _tables_citing(item, (*path, index))


def _slug(text: str) -> str:
    # Whole words only, so that a key reads as the start of the title.
    key = ""
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        if key and len(key) + 1 + len(word) > 32:  # short enough to read
            break
        key = f"{key}-{word}" if key else word
    return key


def _resolve_sources(content: dict[str, Any], origin: str) -> dict[str, Any]:
    """``content`` with the keys of its ``sources`` table replaced by the sources they name.

    ``content`` is left as it is: the tables on the way to a replaced source are
    copied, every other table and list is shared (a copy of the whole file
    would cost about a third of reading it).
    """
    sources = content.pop("sources", {})
    if not isinstance(sources, Mapping):
        raise FileFormatError(
            f"must be a table of sources, not {_kind_of(sources)}",
            element=f"{origin}: sources",
            value=sources,
        )
    for key, source in sources.items():
        if not isinstance(source, Mapping):
            raise FileFormatError(
                f"a source must be a table such as {{ title = ..., publisher = ... }}, "
                f"not {_kind_of(source)}",
                element=f"{origin}: sources.{key}",
                value=source,
            )
    if not sources:
        return content  # no key to replace, and none to misspell
    resolved: dict[str, Any] = _resolved(content, sources, origin, ())
    return resolved


def _resolved(
    value: Any, sources: Mapping[str, Any], origin: str, path: tuple[str | int, ...]
) -> Any:
    """``value`` with every cited key of ``sources`` replaced; itself where nothing changed."""
    if isinstance(value, dict):
        table = value
        cited = table.get("source")
        if isinstance(cited, str):
            if cited in sources:
                table = {**table, "source": dict(sources[cited])}
            elif (key := misspelt_key(cited, sources)) is not None:
                raise FileFormatError(
                    f"is not a key of the sources table: did you mean {key!r}? (A source written "
                    "as a text with spaces is read as its title.)",
                    element=f"{origin}: {_format_path((*path, 'source'))}",
                    value=cited,
                )
        changed = {
            key: new
            for key, item in table.items()
            if isinstance(item, dict | list)
            and (new := _resolved(item, sources, origin, (*path, key))) is not item
        }
        return {**table, **changed} if changed else table
    if isinstance(value, list):
        items = [_resolved(item, sources, origin, (*path, i)) for i, item in enumerate(value)]
        return (
            items if any(new is not old for new, old in zip(items, value, strict=True)) else value
        )
    return value


def structure_programme(data: object, *, origin: str) -> Programme:
    """The programme in ``data``, as read from ``origin`` (a file name).

    Raises:
        ProgmonError: naming ``origin``, the key path and the value; the
            class of the first problem found (a ``FileFormatError`` for a
            malformed file, a ``UnitError`` for an unknown unit, ...).

    Example:
        >>> structure_programme({"format": 1, "id": "p", "name": "P"}, origin="p.toml").name
        'P'
    """
    if not isinstance(data, Mapping):
        raise FileFormatError(f"must hold a table, not {_kind_of(data)}", element=origin)
    version = data.get("format")
    # True == 1 and 1.0 == 1 in Python; only the integer 1 is the format.
    if type(version) is not int or version != FORMAT_VERSION:
        if version is None:
            message = f"has no format key: write format = {FORMAT_VERSION} at the top"
            if (meant := close_key("format", list(map(str, data)))) is not None:
                message += f" (keys are case-sensitive: {meant} is not format)"
        elif type(version) is not int:
            message = f"must be the whole number {FORMAT_VERSION}, not {_kind_of(version)}"
        else:
            message = f"has a format this progmon does not read (it reads {FORMAT_VERSION})"
        raise FileFormatError(message, element=f"{origin}: format", value=version)
    content = _resolve_sources(
        {key: value for key, value in data.items() if key != "format"}, origin
    )
    _define_populations(content.get("populations"), origin)
    token = _LANGUAGE.set(content.get("language", "nl"))
    try:
        programme: Programme = converter.structure(content, Programme)
    except Exception as e:  # every problem becomes one ProgmonError, below
        raise translate_error(e, origin=origin) from e
    finally:
        _LANGUAGE.reset(token)
    return _with_bbv_populations(programme)


def _with_bbv_populations(programme: Programme) -> Programme:
    """``programme`` with the populations of its BBV indicators among its own."""
    from progmon import bbv

    entries = [
        bbv.get(each.bbv) for top in programme.indicators() for each in top.walk() if each.bbv
    ]
    if not entries:
        return programme
    missing = {
        name: description
        for name, description in bbv.populations(entries).items()
        if name not in programme.populations
    }
    if not missing:
        return programme
    return attrs.evolve(programme, populations={**programme.populations, **missing})


def _define_populations(table: object, origin: str) -> None:
    """Define the ``populations`` of a file before its units are read: they may be per one."""
    if table is None:
        return
    if not isinstance(table, Mapping):
        raise FileFormatError(
            'must be a table of populations, such as jongeren = "inhabitants aged 12-17", '
            f"not {_kind_of(table)}",
            element=f"{origin}: populations",
            value=table,
        )
    for name, description in table.items():
        units.define_population(name, description, element=f"{origin}: populations.{name}")


def translate_error(error: BaseException, *, origin: str) -> ProgmonError:
    """One :class:`ProgmonError` for a (nested) structuring error, with its key path."""
    # An unknown key comes first: a misspelt key explains the key found missing.
    problems = sorted(
        _leaves(error, ()), key=lambda problem: not isinstance(problem[1], ForbiddenExtraKeysError)
    )
    path, leaf = problems[0]
    where = _format_path(path)
    element = f"{origin}: {where}" if where else origin
    others = len(problems) - 1
    more = f" (and {others} more problem{'s' if others > 1 else ''})" if others else ""
    if isinstance(leaf, ProgmonError):
        message = leaf.message
        last = str(path[-1]) if path else ""
        if leaf.element and leaf.element not in {last, "unit", "period"}:
            message = f"{leaf.element}: {message}"
        if leaf.value is None and not str(leaf).endswith("(got None)"):
            return type(leaf)(message + more, element=element)
        return type(leaf)(message + more, element=element, value=leaf.value)
    if isinstance(leaf, ForbiddenExtraKeysError):
        allowed = [a.name for a in attrs.fields(leaf.cl)]
        if leaf.cl is Programme:
            allowed = ["format", *allowed, "sources"]
        extra = sorted(map(str, leaf.extra_fields))
        meant = close_key(extra[0], allowed)
        advice = f": did you mean {meant}? (keys are case-sensitive)" if meant else ""
        kind = leaf.cl.__name__.lower()
        return FileFormatError(
            f"is not a key of {'an' if kind[0] in 'aeiou' else 'a'} {kind}{advice}; its keys are: "
            f"{', '.join(allowed)}"
            + (f" (and {len(extra) - 1} more unknown: {', '.join(extra[1:])})" if extra[1:] else "")
            + more,
            element=f"{origin}: {_format_path((*path, extra[0]))}",
            value=extra[0],
        )
    if isinstance(leaf, KeyError):
        return FileFormatError(f"is required but missing{more}", element=element)
    return FileFormatError(f"{leaf}{more}", element=element)


def close_key(key: str, allowed: list[str]) -> str | None:
    """The key of ``allowed`` that ``key`` misspells (another case, a typo), if any.

    Example:
        >>> close_key("Regio", ["region", "table"]), close_key("x", ["region"])
        ('region', None)
    """
    folded = {name.casefold(): name for name in allowed}
    if key.casefold() in folded:
        return folded[key.casefold()]
    close = difflib.get_close_matches(key.casefold(), folded, n=1, cutoff=0.75)
    return folded[close[0]] if close else None


def _leaves(
    error: BaseException, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], BaseException]]:
    if isinstance(error, BaseValidationError):
        for sub in error.exceptions:
            yield from _leaves(sub, path + _note_segments(sub))
    else:
        yield path, error


def _note_segments(error: BaseException) -> tuple[str | int, ...]:
    segments: list[str | int] = []
    # Each level a error passes adds its note after the inner ones: outermost last.
    for note in reversed(getattr(error, "__notes__", ())):
        if isinstance(note, AttributeValidationNote):
            segments.append(note.name)
        elif isinstance(note, IterableValidationNote):
            segments.append(note.index)
        elif isinstance(note, _PathNote):
            segments.extend(note.segments)
    return tuple(segments)


def _format_path(path: tuple[str | int, ...]) -> str:
    text = ""
    for segment in path:
        if isinstance(segment, int):
            text += f"[{segment}]"
        else:
            text += f".{segment}" if text else segment
    return text
