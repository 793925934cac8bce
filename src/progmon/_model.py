"""The domain model: a programme, its ambitions, goals, indicators and figures.

Every type is a frozen attrs class. Converters normalise input (an ``int``
year becomes a :class:`Period`, a unit string a pint unit), validators
refuse what cannot be right, and an :class:`Indicator` stores its figures
and target in its own unit. Changing a value means making a new one:
``attrs.evolve`` or the ``with_*`` methods.
"""

from __future__ import annotations

import calendar
import enum
import fractions
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any, Final

import attrs
import pint

from . import units
from ._targets import (
    TARGET_TYPES,
    YEARS,
    Change,
    Improve,
    Level,
    RelativeChange,
    Target,
    finite_magnitude,
    is_year,
    stored_number,
)
from ._targets import normalize_target as _normalize_target
from ._targets import plain_value as _plain_value
from ._targets import plain_year as _plain_year
from .errors import DuplicateError, UnitError, ValidationError

__all__ = [
    "Action",
    "Ambition",
    "Direction",
    "Goal",
    "Indicator",
    "IndicatorKind",
    "Measurement",
    "Period",
    "Programme",
    "Resource",
    "Section",
    "Source",
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


class IndicatorKind(enum.Enum):
    """What an indicator measures, in the terms of a Dutch budget.

    EFFECT indicators answer "Wat willen we bereiken?", OUTPUT indicators
    "Wat gaan we daarvoor doen?"; CONTEXT indicators describe the situation
    without a target of the council.

    Example:
        >>> Indicator(id="x", name="X", unit="percent", kind=IndicatorKind.CONTEXT).kind.value
        'context'
    """

    EFFECT = "effect"
    OUTPUT = "output"
    CONTEXT = "context"


# --------------------------------------------------------------------------- checks

#: The languages a review can be written in.
LANGUAGES = ("nl", "en")


def _element_of(instance: object) -> str:
    """How errors name ``instance``: its kind and, where it has one, its id or title."""
    owner = type(instance).__name__.lower()
    for key in ("id", "title", "purpose", "description"):
        ident = getattr(instance, key, None)
        if isinstance(ident, str) and ident.strip():
            return f"{owner} {ident!r}"
    period = getattr(instance, "period", None)
    if isinstance(period, Period):
        return f"{owner} {period}"
    return owner


# A lone surrogate cannot be encoded, so no file can hold it. An id ends up
# in file names and HTML anchors, where control and format characters
# (bidirectional overrides, zero-width joiners) and line separators mislead.
_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_NOT_IN_IDS: Final = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


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


def _text(
    *, required: bool = False, identifier: bool = False
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """A field validator: :func:`check_text` with the field and its owner named."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check_text(
            value,
            field=f"{type(instance).__name__.lower()} {attribute.name}"
            if required
            else attribute.name,
            element=_element_of(instance),
            required=required,
            identifier=identifier,
        )

    return check


_check_id = _text(required=True, identifier=True)
_check_text = _text(required=True)
_check_str = _text()


def _check_texts(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A tuple of optional texts, each checked as :func:`check_text` does."""
    _tuple_of(str, "strings")(instance, attribute, value)
    assert isinstance(value, tuple)  # noqa: S101  # the line above refuses anything else
    for index, item in enumerate(value):
        check_text(item, field=f"{attribute.name}[{index}]", element=_element_of(instance))


def _check_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise ValidationError(
            f"{attribute.name} must be True or False", element=_element_of(instance), value=value
        )


def _as_tuple(value: Any) -> Any:
    """An iterable of values as a tuple.

    A string, a mapping or a single value is kept as it is, for the
    validator to refuse with the element named: a string would otherwise
    become a tuple of characters, a dict a tuple of its keys.
    """
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def _tuple_of(
    kind: type | tuple[type, ...], what: str
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """A validator: the field is a tuple of ``kind`` values."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        element = _element_of(instance)
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


def _check_optional(
    kind: type, what: str
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """A validator: the field is None or a ``kind`` value."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, kind):
            raise ValidationError(
                f"{attribute.name} must be {what} or None",
                element=_element_of(instance),
                value=value,
            )

    return check


# --------------------------------------------------------------------------- periods

_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})$")


def _default_label(start: date, end: date) -> str:
    if start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return str(start.year)
    last_day = calendar.monthrange(start.year, start.month)[1]
    if start.day == 1 and end == date(start.year, start.month, last_day):
        return f"{start.year}-{start.month:02d}"
    return f"{start.isoformat()}/{end.isoformat()}"


@attrs.frozen(order=True)
class Period:
    """A stretch of time a figure is about: a year, a month, any date range.

    ``start`` and ``end`` are both inclusive. Build periods with the named
    constructors; wherever a period is asked for, an ``int`` year and the
    strings of :meth:`parse` are accepted too.

    Example:
        >>> Period.year(2019)
        Period(start=datetime.date(2019, 1, 1), end=datetime.date(2019, 12, 31), label='2019')
        >>> Period.month(2019, 12, label="december 2019").label
        'december 2019'
    """

    start: date
    end: date = attrs.field()
    # The label is how a period is shown ("december 2019"), not which period
    # it is: "2019-12" and "december 2019" are one period.
    label: str = attrs.field(eq=False, order=False)

    @label.default
    def _label_default(self) -> str:
        if not (_is_day(self.start) and _is_day(self.end)):
            return ""  # the validator refuses the dates
        return _default_label(self.start, self.end)

    @end.validator
    def _check_dates(self, attribute: attrs.Attribute[date], value: date) -> None:
        # The one place where a period's dates are checked, however it was
        # built: a period the model holds is one every file can hold.
        # A datetime is a date to isinstance, but compares with neither.
        if not (_is_day(self.start) and _is_day(value)):
            raise ValidationError(
                "start and end must be dates (datetime.date, not datetime)",
                element="period",
                value=(self.start, value),
            )
        _check_year(self.start.year)
        _check_year(value.year)
        if value < self.start:
            raise ValidationError(
                "ends before it starts", element="period", value=f"{self.start}/{value}"
            )

    @label.validator
    def _check_label(self, attribute: attrs.Attribute[str], value: str) -> None:
        check_text(value, field="label", element="period")

    @classmethod
    def year(cls, year: int, *, label: str | None = None) -> Period:
        """The calendar year ``year``.

        Example:
            >>> Period.year(2013).label
            '2013'
        """
        year = _plain_year(year)
        _check_year(year)  # here already: a date cannot even hold some years
        start, end = date(year, 1, 1), date(year, 12, 31)
        return cls(start, end, label if label is not None else _default_label(start, end))

    @classmethod
    def month(cls, year: int, month: int, *, label: str | None = None) -> Period:
        """One month, e.g. a survey held in ``december 2019``.

        Example:
            >>> Period.month(2019, 12).end
            datetime.date(2019, 12, 31)
        """
        year, month = _plain_year(year), _plain_year(month)
        _check_year(year)
        if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
            raise ValidationError(
                "month must be a whole number from 1 to 12", element="period", value=month
            )
        start = date(year, month, 1)
        end = date(year, month, calendar.monthrange(year, month)[1])
        return cls(start, end, label if label is not None else _default_label(start, end))

    @classmethod
    def between(cls, start: date, end: date, *, label: str | None = None) -> Period:
        """Any range of days, both ends included.

        Example:
            >>> from datetime import date
            >>> Period.between(date(2020, 1, 1), date(2021, 12, 31)).label
            '2020-01-01/2021-12-31'
        """
        if label is None:
            return cls(start, end)
        return cls(start, end, label)

    @classmethod
    def parse(cls, text: str, *, label: str | None = None) -> Period:
        """Read ``"2019"``, ``"2019-12"`` or ``"2019-01-01/2019-06-30"``.

        Example:
            >>> Period.parse("2019-12").label
            '2019-12'
        """
        if not isinstance(text, str):
            raise ValidationError(
                "Period.parse takes a text such as '2019' or '2019-12'",
                element="period",
                value=text,
            )
        text = text.strip()
        if _YEAR.match(text):
            return cls.year(int(text), label=label)
        if match := _MONTH.match(text):
            return cls.month(int(match[1]), int(match[2]), label=label)
        if match := _RANGE.match(text):
            try:
                start, end = date.fromisoformat(match[1]), date.fromisoformat(match[2])
            except ValueError as e:
                raise ValidationError(
                    "is not a valid date range", element="period", value=text
                ) from e
            return cls.between(start, end, label=label)
        raise ValidationError(
            "is not a period: use a year (2019), a month (2019-12) or a date range "
            "(2019-01-01/2019-06-30)",
            element="period",
            value=text,
        )

    @property
    def midpoint(self) -> float:
        """The middle of the period as a decimal year (2019 is 2019.5).

        Trends are computed on these times, so that a survey every other
        year, or in December, lands where it belongs.

        Example:
            >>> round(Period.year(2019).midpoint, 3)
            2019.5
        """
        return (_decimal_year(self.start) + _decimal_year(self.end, end_of_day=True)) / 2

    @property
    def is_year(self) -> bool:
        """Whether this is exactly one calendar year."""
        return self.start == date(self.start.year, 1, 1) and self.end == date(
            self.start.year, 12, 31
        )

    def __str__(self) -> str:
        return self.label


def _is_day(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def _decimal_year(day: date, *, end_of_day: bool = False) -> float:
    days_in_year = 366 if calendar.isleap(day.year) else 365
    ordinal = day.timetuple().tm_yday - (0 if end_of_day else 1)
    return day.year + ordinal / days_in_year


def _check_year(year: object) -> None:
    if not is_year(year):
        raise ValidationError(f"must be {YEARS}", element="period", value=year)


def to_period(value: Period | int | str) -> Period:
    """Accept a :class:`Period`, an ``int`` year or a string for :meth:`Period.parse`.

    Example:
        >>> to_period(2019) == Period.year(2019)
        True
    """
    if isinstance(value, Period):
        return value
    value = _plain_year(value)
    if isinstance(value, str):
        return Period.parse(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return Period.year(value)
    raise ValidationError(
        "is not a period: give a year, a Period or a string", element="period", value=value
    )


def _to_optional_period(value: Period | int | str | None) -> Period | None:
    return None if value is None else to_period(value)


# --------------------------------------------------------------------------- sources


@attrs.frozen
class Source:
    """Where a figure comes from, as the document cites it.

    ``str(source)`` is the citation: the title, preceded by the publisher
    where the title does not name it.

    Example:
        >>> str(Source("Politie jaarcijfers 2019", publisher="Politie", year=2019))
        'Politie jaarcijfers 2019'
        >>> str(Source("Burgerpanel peiling december 2019", publisher="Kennispunt Twente"))
        'Kennispunt Twente, Burgerpanel peiling december 2019'
    """

    title: str = attrs.field(validator=_check_str)
    publisher: str = attrs.field(default="", validator=_check_str)
    year: int | None = attrs.field(default=None, converter=_plain_year)
    url: str = attrs.field(default="", validator=_check_str)
    note: str = attrs.field(default="", validator=_check_str)

    @year.validator
    def _check_year(self, attribute: attrs.Attribute[int | None], value: object) -> None:
        if value is not None and not is_year(value):
            raise ValidationError(
                f"year must be {YEARS} or None",
                element=f"source {self.title!r}",
                value=value,
            )

    def __str__(self) -> str:
        if self.publisher and self.publisher.casefold() not in self.title.casefold():
            return f"{self.publisher}, {self.title}"
        return self.title


# --------------------------------------------------------------------------- measurements


def _to_value(value: object) -> Any:
    """A figure or amount: a quantity, or a plain number as an indicator stores it."""
    value = _plain_value(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return stored_number(value)
    return value  # None, a quantity, or something the validator refuses by name


def _check_value(instance: Measurement, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    element = f"measurement {instance.period}: {attribute.name}"
    magnitude = finite_magnitude(value, element=element)
    if attribute.name == "margin" and magnitude < 0:
        raise ValidationError("a margin cannot be negative", element=element, value=value)


def _check_sample_size(
    instance: Measurement, attribute: attrs.Attribute[Any], value: int | None
) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise ValidationError(
            "must be a whole number of at least 1",
            element=f"measurement {instance.period}: sample_size",
            value=value,
        )
    if value is not None and value > sys.float_info.max:
        # The survey tests compute with floats: a size beyond them is no size.
        raise ValidationError(
            "must be finite: larger than any number a calculation can hold",
            element=f"measurement {instance.period}: sample_size",
            value=value,
        )


@attrs.frozen
class Measurement:
    """One figure of an indicator for one period.

    ``value`` is a pint quantity, or a plain number in the unit of the
    indicator it belongs to; ``None`` records a figure that is missing (say
    why in ``note``). Inside an indicator, ``value`` and ``margin`` are
    quantities in the indicator's unit.

    ``margin`` is the half-width of the 95 % confidence interval of a survey
    figure, ``sample_size`` the number of respondents, ``provisional`` marks
    a figure that may still change.

    Example:
        >>> m = Measurement(2019, units.Quantity(731, "report"))
        >>> m.period.label, m.value
        ('2019', <Quantity(731, 'report')>)
    """

    period: Period = attrs.field(converter=to_period)
    value: Any = attrs.field(default=None, converter=_to_value, validator=_check_value)
    margin: Any = attrs.field(default=None, converter=_to_value, validator=_check_value)
    sample_size: int | None = attrs.field(
        default=None, converter=_plain_year, validator=_check_sample_size
    )
    source: Source | None = attrs.field(default=None, validator=_check_optional(Source, "a Source"))
    note: str = attrs.field(default="", validator=_check_str)
    provisional: bool = attrs.field(default=False, validator=_check_bool)

    @property
    def is_missing(self) -> bool:
        """Whether the figure is missing (recorded with ``value=None``).

        Example:
            >>> Measurement(2020, note="cijfers volgen").is_missing
            True
        """
        return self.value is None

    @classmethod
    def series(cls, values: Mapping[Any, Any], **common: Any) -> tuple[Measurement, ...]:
        """Figures for several periods that share a source, note or margin.

        Example:
            >>> ms = Measurement.series({2016: 273, 2017: 276})
            >>> [m.period.label for m in ms]
            ['2016', '2017']
        """
        if not isinstance(values, Mapping):
            raise ValidationError(
                "series takes a mapping of period to value", element="measurements", value=values
            )
        return tuple(cls(period, value, **common) for period, value in values.items())


def _in_unit(measurement: Measurement, unit: Any, element: str) -> Measurement:
    """``measurement`` with value and margin as quantities in ``unit``."""
    changes: dict[str, Any] = {}
    for name in ("value", "margin"):
        value = getattr(measurement, name)
        if value is None:
            continue
        where = f"{element} {measurement.period} {name}"
        if isinstance(value, pint.Quantity):
            units.check_compatible(value.units, unit, element=where)
            value = value.m_as(unit)
        changes[name] = units.Quantity(stored_number(value), unit)
    result = attrs.evolve(measurement, **changes)
    if result.value is not None:
        bounds = units.valid_range(unit)
        magnitude = result.value.magnitude
        if bounds is not None and not bounds[0] <= magnitude <= bounds[1]:
            raise ValidationError(
                f"must lie between {bounds[0]:g} and {bounds[1]:g} {unit}",
                element=f"{element} {measurement.period}",
                value=str(result.value),
            )
    return result


# --------------------------------------------------------------------------- indicators

#: How deeply components may nest: a total of totals of totals is three levels.
COMPONENT_LEVELS: Final = 16


def _levels(indicator: Indicator) -> int:
    """How many levels of components ``indicator`` has below it (0: none)."""
    # Each component was checked when it was made, so this recursion is shallow.
    return 1 + max(map(_levels, indicator.components)) if indicator.components else 0


def _check_periods_apart(measurements: Iterable[Measurement], *, element: str) -> None:
    """Refuse two figures for one period, or for periods that overlap.

    A figure for 2019 and one for December 2019 would both be "the figure
    of 2019": which is the latest, and which the baseline, is a guess.
    ``measurements`` are sorted by period.
    """
    reaching: Period | None = None  # of the periods so far, the one that ends last
    for measurement in measurements:
        period = measurement.period
        if reaching is not None and period.start <= reaching.end:
            if period == reaching:
                raise DuplicateError(
                    "has two measurements for one period", element=element, value=period.label
                )
            raise ValidationError(
                f"has measurements for overlapping periods {reaching.label} and {period.label}: "
                "give figures for periods that do not overlap (a year, or its months, not both)",
                element=element,
                value=period.label,
            )
        if reaching is None or period.end > reaching.end:
            reaching = period


@attrs.frozen
class _BadUnit:
    """A unit that was refused; the indicator reports it with its id."""

    error: UnitError


def _to_unit_or_keep(value: Any) -> Any:
    try:
        return units.to_unit(value)
    except UnitError as e:
        return _BadUnit(e)


@attrs.frozen
class Indicator:
    """An indicator: what is measured, in which unit, and what should be reached.

    ``measurements`` are stored sorted by period, one per period, in the
    indicator's ``unit``. ``direction`` (in which the indicator improves) is
    inferred from a ``Change``, ``RelativeChange`` or ``Level`` target where
    it is not given. ``baseline`` (the nulmeting) defaults to the first
    period with a figure. ``components`` are the parts of a total (e.g.
    kinds of nuisance), indicators themselves. ``note`` says what a reader
    must know, e.g. "nog niet gemeten".

    Example:
        >>> crimes = Indicator(
        ...     id="misdrijven", name="Geregistreerde misdrijven", unit="crime",
        ...     measurements=(Measurement(2019, 4000), Measurement(2018, 4200)),
        ...     target=Change(-360),
        ... )
        >>> [m.period.label for m in crimes.measurements], crimes.direction
        (['2018', '2019'], <Direction.DECREASE: 'decrease'>)
        >>> crimes.baseline.label
        '2018'
    """

    id: str = attrs.field(validator=_check_id)
    name: str = attrs.field(validator=_check_text)
    unit: Any = attrs.field(converter=_to_unit_or_keep)
    measurements: tuple[Measurement, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(Measurement, "Measurement values")
    )
    target: Target | None = None
    direction: Direction | None = None
    baseline: Period | None = attrs.field(default=None, converter=_to_optional_period)
    kind: IndicatorKind = IndicatorKind.EFFECT
    description: str = attrs.field(default="", validator=_check_str)
    note: str = attrs.field(default="", validator=_check_str)
    source: Source | None = attrs.field(default=None, validator=_check_optional(Source, "a Source"))
    components: tuple[Indicator, ...] = attrs.field(default=(), converter=_as_tuple)

    def __attrs_post_init__(self) -> None:
        element = f"indicator {self.id!r}"
        if isinstance(self.unit, _BadUnit):
            refused = self.unit.error
            raise UnitError(f"unit {refused.message}", element=element, value=refused.value)
        self._check_types(element)
        measurements = tuple(
            sorted(
                (_in_unit(m, self.unit, element) for m in self.measurements), key=lambda m: m.period
            )
        )
        _check_periods_apart(measurements, element=element)
        target = self.target
        if target is not None:
            target = _normalize_target(target, self.unit, element=element)
        baseline = self.baseline
        measured = [m for m in measurements if m.value is not None]
        if baseline is None and measured:
            baseline = measured[0].period
        elif baseline is not None and measurements and baseline not in {m.period for m in measured}:
            raise ValidationError("baseline has no figure", element=element, value=baseline.label)
        direction = self._infer_direction(target, measurements, baseline, element)
        for component in self.components:
            units.check_compatible(
                component.unit, self.unit, element=f"{element} component {component.id!r}"
            )
        if (
            target is not None
            and target.by is not None
            and baseline is not None
            and (target.by < baseline.start.year)
        ):
            raise ValidationError(
                f"target deadline lies before the baseline {baseline.label}",
                element=element,
                value=target.by,
            )
        object.__setattr__(self, "measurements", measurements)
        object.__setattr__(self, "target", target)
        object.__setattr__(self, "baseline", baseline)
        object.__setattr__(self, "direction", direction)

    def _check_types(self, element: str) -> None:
        # components are checked here, not by a field validator: the class
        # Indicator does not exist yet where its fields are declared.
        _tuple_of(Indicator, "indicators")(
            self, attrs.fields(Indicator).components, self.components
        )
        if _levels(self) > COMPONENT_LEVELS:
            raise ValidationError(
                f"has components nested more than {COMPONENT_LEVELS} levels deep (totals of "
                "totals of ...): no file or review holds that",
                element=element,
                value=_levels(self),
            )
        if self.target is not None and not isinstance(self.target, TARGET_TYPES):
            raise ValidationError("is not a target", element=element, value=self.target)
        if self.direction is not None and not isinstance(self.direction, Direction):
            raise ValidationError(
                "direction must be a Direction", element=element, value=self.direction
            )
        if not isinstance(self.kind, IndicatorKind):
            raise ValidationError("kind must be an IndicatorKind", element=element, value=self.kind)

    def _infer_direction(
        self,
        target: Target | None,
        measurements: tuple[Measurement, ...],
        baseline: Period | None,
        element: str,
    ) -> Direction | None:
        implied: Direction | None = None
        base = next((m.value for m in measurements if m.period == baseline), None)
        if isinstance(target, Change) and target.amount != 0:
            implied = Direction.INCREASE if float(target.amount) > 0 else Direction.DECREASE
        elif isinstance(target, RelativeChange) and target.fraction != 0:
            # A fraction of a negative baseline points the other way: half of
            # -100 EUR more is -150 EUR. Without a baseline, assume a positive one.
            sign = -1 if base is not None and base.magnitude < 0 else 1
            implied = Direction.INCREASE if sign * target.fraction > 0 else Direction.DECREASE
        elif isinstance(target, Level) and base is not None and target.value != base:
            implied = Direction.INCREASE if target.value > base else Direction.DECREASE
        if self.direction is not None and implied is not None and implied is not self.direction:
            raise ValidationError(
                f"direction {self.direction.value} contradicts the target, which asks to "
                f"{implied.value}",
                element=element,
                value=target,
            )
        direction = self.direction or implied
        if isinstance(target, Improve) and direction is None:
            raise ValidationError(
                "an Improve target needs a direction (Direction.INCREASE or .DECREASE)",
                element=element,
                value=target,
            )
        return direction

    # ------------------------------------------------------------------ reading

    @property
    def is_measured(self) -> bool:
        """Whether the indicator has at least one figure.

        Example:
            >>> Indicator(id="x", name="X", unit="count").is_measured
            False
        """
        return any(m.value is not None for m in self.measurements)

    @property
    def baseline_measurement(self) -> Measurement | None:
        """The measurement of the baseline period, if any."""
        return next((m for m in self.measurements if m.period == self.baseline), None)

    @property
    def latest(self) -> Measurement | None:
        """The most recent measurement with a figure, if any.

        Example:
            >>> ms = [Measurement(2019, 3), Measurement(2020, note="volgt")]
            >>> Indicator(id="x", name="X", unit="count", measurements=ms).latest.period.label
            '2019'
        """
        return next((m for m in reversed(self.measurements) if m.value is not None), None)

    def measurement(self, period: Period | int | str) -> Measurement | None:
        """The measurement for ``period``, or None.

        Example:
            >>> Indicator(id="x", name="X", unit="count",
            ...           measurements=[Measurement(2019, 3)]).measurement(2019).value
            <Quantity(3.0, 'count')>
        """
        wanted = to_period(period)
        return next((m for m in self.measurements if m.period == wanted), None)

    def walk(self) -> Iterator[Indicator]:
        """This indicator, then its components, depth first."""
        yield self
        for component in self.components:
            yield from component.walk()

    # ------------------------------------------------------------------ changing

    def with_measurement(self, measurement: Measurement, *, replace: bool = False) -> Indicator:
        """A copy with ``measurement`` added.

        Raises:
            DuplicateError: there is a figure for that period already, and
                ``replace`` is false.

        Example:
            >>> ind = Indicator(id="x", name="X", unit="report")
            >>> ind.with_measurement(Measurement(2019, 731)).latest.value
            <Quantity(731.0, 'report')>
        """
        if not isinstance(measurement, Measurement):
            raise ValidationError(
                "with_measurement takes a Measurement",
                element=f"indicator {self.id!r}",
                value=measurement,
            )
        existing = [m for m in self.measurements if m.period == measurement.period]
        if existing and not replace:
            raise DuplicateError(
                "has a measurement for this period already",
                element=f"indicator {self.id!r}",
                value=measurement.period.label,
            )
        kept = tuple(m for m in self.measurements if m.period != measurement.period)
        return attrs.evolve(self, measurements=(*kept, measurement))

    def evolve(self, **changes: Any) -> Indicator:
        """A copy with ``changes`` applied and validated again."""
        return attrs.evolve(self, **changes)

    @classmethod
    def total_of(cls, components: Iterable[Indicator], **fields: Any) -> Indicator:
        """An indicator whose figures are the sum of ``components`` per period.

        ``fields`` are the total's own (``id``, ``name``, ``target``, ...);
        its ``unit`` defaults to that of the first component. A period in
        which a component has no figure gets a missing total (``value``
        None), so that the gap shows. A total figure cites the components'
        source where they share one, and is provisional where any part is.

        The total is computed once: :meth:`Programme.with_indicator` with a
        changed component does not recompute it.

        Raises:
            ValidationError: no components, or something that is not an
                indicator among them.
            UnitError: a component's unit does not fit the total's.

        Example:
            >>> a = Indicator(id="a", name="A", unit="report", measurements=[Measurement(2019, 2)])
            >>> b = Indicator(id="b", name="B", unit="report", measurements=[Measurement(2019, 3)])
            >>> Indicator.total_of([a, b], id="t", name="T", unit="report").latest.value
            <Quantity(5.0, 'report')>
        """
        element = f"indicator {fields.get('id')!r}"
        parts = _as_tuple(components)
        if not isinstance(parts, tuple) or not parts:
            raise ValidationError("a total needs components", element=element, value=components)
        if "measurements" in fields:
            raise ValidationError(
                "total_of sets measurements itself", element=element, value=fields["measurements"]
            )
        for part in parts:
            _check_is_indicator(part, element=f"{element} components")
        unit = units.to_unit(fields.get("unit", parts[0].unit), element=f"{element} unit")
        for part in parts:
            units.check_compatible(part.unit, unit, element=f"{element} component {part.id!r}")
        periods = sorted({m.period for c in parts for m in c.measurements})
        totals = []
        for period in periods:
            figures = [c.measurement(period) for c in parts]
            present = [f for f in figures if f is not None and f.value is not None]
            provisional = any(f.provisional for f in present)
            if len(present) < len(parts):
                totals.append(Measurement(period, None, provisional=provisional))
                continue
            total = _exact_sum(f.value.m_as(unit) for f in present)
            cited = {f.source for f in present}
            source = cited.pop() if len(cited) == 1 else None
            totals.append(
                Measurement(
                    period, units.Quantity(total, unit), source=source, provisional=provisional
                )
            )
        fields["unit"] = unit
        return cls(measurements=tuple(totals), components=parts, **fields)


def _exact_sum(values: Iterable[float]) -> float:
    """The sum of ``values``, as an indicator stores it; exact, not rounded at every step.

    Example:
        >>> _exact_sum([2**53 + 1, 2.0]), _exact_sum([1e16, 1.0, -1e16]), sum([1e16, 1.0, -1e16])
        (9007199254740995, 1.0, 0.0)
    """
    total = sum(map(fractions.Fraction, values), fractions.Fraction(0))
    return stored_number(total.numerator if total.denominator == 1 else float(total))


# --------------------------------------------------------------------------- goals


def _check_deadline(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and not is_year(value):
        raise ValidationError(
            "deadline must be a year", element=f"goal {getattr(instance, 'id', '')!r}", value=value
        )


@attrs.frozen
class Goal:
    """A goal (strategisch doel): a statement, a deadline and its indicators.

    Targets without their own ``by`` are due at the goal's ``deadline``.

    Example:
        >>> g = Goal(id="veilig", statement="Inwoners voelen zich veiliger", deadline=2022)
        >>> g.deadline
        2022
    """

    id: str = attrs.field(validator=_check_id)
    statement: str = attrs.field(validator=_check_text)
    indicators: tuple[Indicator, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(Indicator, "indicators")
    )
    deadline: int | None = attrs.field(
        default=None, converter=_plain_year, validator=_check_deadline
    )
    title: str = attrs.field(default="", validator=_check_str)
    results: str = attrs.field(default="", validator=_check_str)
    note: str = attrs.field(default="", validator=_check_str)

    def __attrs_post_init__(self) -> None:
        _check_unique(
            ((i.id, "indicator") for ind in self.indicators for i in ind.walk()),
            element=f"goal {self.id!r}",
        )
        if self.deadline is None:
            return
        for indicator in self.indicators:
            baseline = indicator.baseline
            if (
                indicator.target is not None
                and indicator.target.by is None
                and (baseline is not None and self.deadline < baseline.start.year)
            ):
                raise ValidationError(
                    f"deadline lies before the baseline {baseline.label} of indicator "
                    f"{indicator.id!r}",
                    element=f"goal {self.id!r}",
                    value=self.deadline,
                )

    def deadline_of(self, indicator: Indicator) -> int | None:
        """The year ``indicator``'s target is due: its own ``by``, else the goal's.

        Example:
            >>> ind = Indicator(id="x", name="X", unit="count", target=Level(3))
            >>> Goal(id="g", statement="S", indicators=[ind], deadline=2022).deadline_of(ind)
            2022
        """
        if indicator.target is not None and indicator.target.by is not None:
            return indicator.target.by
        return self.deadline


def _check_unique(pairs: Iterable[tuple[str, str]], *, element: str) -> None:
    seen: set[tuple[str, str]] = set()
    for key in pairs:
        if key in seen:
            raise DuplicateError(f"has two {key[1]}s with one id", element=element, value=key[0])
        seen.add(key)


# --------------------------------------------------------------------------- ambitions


@attrs.frozen
class Action:
    """Something the municipality does for an ambition (an inspanning).

    Example:
        >>> Action("volgen snel en zichtbaar meldingen van overlast op").description[:6]
        'volgen'
    """

    description: str = attrs.field(validator=_check_text)
    period: Period | None = attrs.field(default=None, converter=_to_optional_period)
    note: str = attrs.field(default="", validator=_check_str)


def _check_resource_amount(
    instance: Resource, attribute: attrs.Attribute[Any], value: object
) -> None:
    element = f"resource {instance.purpose!r}"
    if not isinstance(value, pint.Quantity):
        raise UnitError("amount must be a quantity in EUR or fte", element=element, value=value)
    if value.dimensionality not in (
        units.registry.EUR.dimensionality,
        units.registry.fte.dimensionality,
    ):
        raise UnitError(
            "amount must be money (EUR) or staff (fte)", element=element, value=str(value)
        )
    magnitude = finite_magnitude(value, element=f"{element} amount")
    # Money may be negative (a saving, bezuiniging); staff may not.
    bounds = units.valid_range(value.units)
    if bounds is not None and not bounds[0] <= magnitude <= bounds[1]:
        raise ValidationError(
            f"amount must lie between {bounds[0]:g} and {bounds[1]:g} {value.units}",
            element=element,
            value=str(value),
        )


@attrs.frozen
class Resource:
    """What an ambition may cost: a budget in EUR or staff in fte, for a period.

    ``incidental`` marks one-off money (incidenteel) as opposed to a
    structural budget.

    Example:
        >>> r = Resource("Preventie mensenhandel", units.Quantity(50_000, "EUR"), period=2021,
        ...              incidental=True)
        >>> r.is_money, r.period.label
        (True, '2021')
    """

    purpose: str = attrs.field(validator=_check_text)
    amount: Any = attrs.field(converter=_to_value, validator=_check_resource_amount)
    period: Period | None = attrs.field(default=None, converter=_to_optional_period)
    incidental: bool = attrs.field(default=False, validator=_check_bool)
    note: str = attrs.field(default="", validator=_check_str)

    @property
    def is_money(self) -> bool:
        """Whether the amount is money (else it is staff)."""
        return bool(self.amount.dimensionality == units.registry.EUR.dimensionality)


@attrs.frozen
class Section:
    """A narrative part of a review: a title, paragraphs and bullet points.

    Example:
        >>> Section("Terugblik", paragraphs=("Wij hebben ...",)).title
        'Terugblik'
    """

    title: str = attrs.field(validator=_check_str)
    paragraphs: tuple[str, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_check_texts
    )
    bullets: tuple[str, ...] = attrs.field(default=(), converter=_as_tuple, validator=_check_texts)


@attrs.frozen
class Ambition:
    """An ambition: what the council wants, with its goals, actions and means.

    ``context`` holds context indicators that describe the ambition's field
    without a target (e.g. CBS figures on feelings of safety).

    Example:
        >>> Ambition(title="Samen maken we Almelo veiliger!").goals
        ()
    """

    title: str = attrs.field(validator=_check_text)
    goals: tuple[Goal, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(Goal, "goals")
    )
    description: str = attrs.field(default="", validator=_check_str)
    actions: tuple[Action, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(Action, "Action values")
    )
    resources: tuple[Resource, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(Resource, "Resource values")
    )
    context: tuple[Indicator, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(Indicator, "indicators")
    )
    sections: tuple[Section, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(Section, "Section values")
    )

    def indicators(self) -> Iterator[Indicator]:
        """Every indicator of every goal, in order, then the context indicators."""
        for goal in self.goals:
            yield from goal.indicators
        yield from self.context


# --------------------------------------------------------------------------- programmes


def _check_is_indicator(value: object, *, element: str) -> None:
    if not isinstance(value, Indicator):
        raise ValidationError("takes an Indicator", element=element, value=value)


@attrs.frozen
class Programme:
    """A programme of the council: ambitions, goals, indicators and figures.

    Example:
        >>> p = Programme(id="veiligheid", name="Programma Veiligheid")
        >>> list(p.goals())
        []
    """

    id: str = attrs.field(validator=_check_id)
    name: str = attrs.field(validator=_check_text)
    ambitions: tuple[Ambition, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(Ambition, "Ambition values")
    )
    organisation: str = attrs.field(default="", validator=_check_str)
    number: str = attrs.field(default="", validator=_check_str)
    period: Period | None = attrs.field(default=None, converter=_to_optional_period)
    review: str = attrs.field(default="", validator=_check_str)
    summary: str = attrs.field(default="", validator=_check_str)
    sections: tuple[Section, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_tuple_of(Section, "Section values")
    )
    language: str = attrs.field(default="nl")

    @language.validator
    def _check_language(self, attribute: attrs.Attribute[str], value: object) -> None:
        if value not in LANGUAGES:
            raise ValidationError(
                f"language must be one of {', '.join(LANGUAGES)}",
                element=_element_of(self),
                value=value,
            )

    def __attrs_post_init__(self) -> None:
        element = f"programme {self.id!r}"
        _check_unique(((g.id, "goal") for g in self.goals()), element=element)
        _check_unique(
            ((i.id, "indicator") for ind in self.indicators() for i in ind.walk()),
            element=element,
        )

    def goals(self) -> Iterator[Goal]:
        """Every goal, in order.

        Example:
            >>> g = Goal(id="g", statement="S")
            >>> [x.id for x in Programme(id="p", name="P",
            ...                          ambitions=[Ambition(title="A", goals=[g])]).goals()]
            ['g']
        """
        for ambition in self.ambitions:
            yield from ambition.goals

    def indicators(self) -> Iterator[Indicator]:
        """Every indicator, in order: per ambition, goal indicators then context.

        Components are reached through :meth:`Indicator.walk`.
        """
        for ambition in self.ambitions:
            yield from ambition.indicators()

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator (or component) with ``indicator_id``.

        Raises:
            ValidationError: there is none.
        """
        for top in self.indicators():
            for indicator in top.walk():
                if indicator.id == indicator_id:
                    return indicator
        raise ValidationError(
            "has no indicator with this id", element=f"programme {self.id!r}", value=indicator_id
        )

    def goal_of(self, indicator: Indicator) -> Goal | None:
        """The goal an indicator (or component) belongs to, if any."""
        _check_is_indicator(indicator, element=f"programme {self.id!r}")
        for goal in self.goals():
            for top in goal.indicators:
                if any(i.id == indicator.id for i in top.walk()):
                    return goal
        return None

    def with_indicator(self, indicator: Indicator) -> Programme:
        """A copy in which the indicator with ``indicator.id`` is replaced.

        The indicator may be a goal's, a context indicator or a component; it
        replaces the old one whole, its components included. A total is not
        recomputed from a changed component: give the total its figure too,
        or build it again with :meth:`Indicator.total_of`.

        Raises:
            ValidationError: ``indicator`` is not an Indicator, or the
                programme has no indicator with its id.

        Example:
            >>> ind = Indicator(id="x", name="X", unit="report")
            >>> p = Programme(id="p", name="P", ambitions=[
            ...     Ambition(title="A", goals=[Goal(id="g", statement="S", indicators=[ind])])])
            >>> p2 = p.with_indicator(ind.with_measurement(Measurement(2019, 5)))
            >>> p2.indicator("x").latest.value
            <Quantity(5.0, 'report')>
        """
        _check_is_indicator(indicator, element=f"programme {self.id!r}")
        self.indicator(indicator.id)

        def swap(current: Indicator) -> Indicator:
            if current.id == indicator.id:
                return indicator
            if any(i.id == indicator.id for i in current.walk()):
                return attrs.evolve(current, components=tuple(swap(c) for c in current.components))
            return current

        ambitions = tuple(
            attrs.evolve(
                ambition,
                goals=tuple(
                    attrs.evolve(goal, indicators=tuple(swap(i) for i in goal.indicators))
                    for goal in ambition.goals
                ),
                context=tuple(swap(i) for i in ambition.context),
            )
            for ambition in self.ambitions
        )
        return attrs.evolve(self, ambitions=ambitions)

    def evolve(self, **changes: Any) -> Programme:
        """A copy with ``changes`` applied and validated again."""
        return attrs.evolve(self, **changes)
