"""Periods: the stretch of time a figure is about, and the one place that reads them.

A :class:`Period` is a year, a month, a quarter, a run of whole years, a
day or any range of days; :attr:`Period.kind` says which, so that labels,
file codes and the review's words all follow from one decision.
"""

from __future__ import annotations

import calendar
import enum
import functools
import re
from datetime import date, datetime
from typing import Final

import attrs

from ._validators import YEARS, check_text, is_year, plain_year
from .errors import ValidationError

__all__ = ["Period", "PeriodKind", "to_optional_period", "to_period"]

_YEAR: Final = re.compile(r"^\d{4}$")
_MONTH: Final = re.compile(r"^(\d{4})-(\d{2})$")
_RANGE: Final = re.compile(r"^(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})$")


class PeriodKind(enum.Enum):
    """What kind of stretch of time a period is.

    Example:
        >>> Period.month(2019, 12).kind, Period.parse("2019-01-01/2019-06-30").kind
        (<PeriodKind.MONTH: 'month'>, <PeriodKind.RANGE: 'range'>)
    """

    YEAR = "year"
    """One calendar year."""
    MONTH = "month"
    """One calendar month."""
    QUARTER = "quarter"
    """One calendar quarter (CBS ``2019KW03``)."""
    YEARS = "years"
    """Two or more whole calendar years (a programme's term, 2018-2022)."""
    DAY = "day"
    """One day."""
    RANGE = "range"
    """Any other range of days."""


def _kind(start: date, end: date) -> PeriodKind:
    whole_years = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if whole_years:
        return PeriodKind.YEAR if start.year == end.year else PeriodKind.YEARS
    if start == end:
        return PeriodKind.DAY
    month_end = date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    if start.day == 1 and end == month_end:
        return PeriodKind.MONTH
    quarter_start = start.day == 1 and start.month % 3 == 1
    last_day = calendar.monthrange(end.year, end.month)[1]
    quarter_end = (end.year, end.month, end.day) == (start.year, start.month + 2, last_day)
    if quarter_start and quarter_end:
        return PeriodKind.QUARTER
    return PeriodKind.RANGE


def _default_label(start: date, end: date) -> str:
    kind = _kind(start, end)
    if kind is PeriodKind.YEAR:
        return str(start.year)
    if kind is PeriodKind.MONTH:
        return f"{start.year}-{start.month:02d}"
    return f"{start.isoformat()}/{end.isoformat()}"


def _is_day(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def _check_year(year: object) -> None:
    if not is_year(year):
        raise ValidationError(f"must be {YEARS}", element="period", value=year)


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
        year = plain_year(year)
        if label is None and cls is Period and type(year) is int:
            return _year(year)
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
        year, month = plain_year(year), plain_year(month)
        _check_year(year)
        if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
            raise ValidationError(
                "month must be a whole number from 1 to 12", element="period", value=month
            )
        start = date(year, month, 1)
        end = date(year, month, calendar.monthrange(year, month)[1])
        return cls(start, end, label if label is not None else _default_label(start, end))

    @classmethod
    def quarter(cls, year: int, quarter: int, *, label: str | None = None) -> Period:
        """One quarter of a year, as CBS tables give some figures (``2019KW03``).

        Example:
            >>> Period.quarter(2020, 2).start, Period.quarter(2020, 2).kind.value
            (datetime.date(2020, 4, 1), 'quarter')
        """
        year, quarter = plain_year(year), plain_year(quarter)
        _check_year(year)
        if isinstance(quarter, bool) or not isinstance(quarter, int) or not 1 <= quarter <= 4:
            raise ValidationError(
                "quarter must be a whole number from 1 to 4", element="period", value=quarter
            )
        first = 3 * quarter - 2
        start = date(year, first, 1)
        end = date(year, first + 2, calendar.monthrange(year, first + 2)[1])
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
    def kind(self) -> PeriodKind:
        """Whether this is a year, a month, a quarter, whole years, a day or another range.

        Example:
            >>> Period.year(2019).kind, Period.parse("2018-01-01/2022-12-31").kind
            (<PeriodKind.YEAR: 'year'>, <PeriodKind.YEARS: 'years'>)
        """
        return _kind(self.start, self.end)

    @property
    def midpoint(self) -> float:
        """The middle of the period as a decimal year (2019 is 2019.5).

        Trends are computed on these times, so that a survey every other
        year, or in December, lands where it belongs.

        Example:
            >>> round(Period.year(2019).midpoint, 3)
            2019.5
        """
        return _midpoint(self.start, self.end)

    @property
    def is_year(self) -> bool:
        """Whether this is exactly one calendar year.

        Example:
            >>> Period.year(2019).is_year, Period.month(2019, 1).is_year
            (True, False)
        """
        return self.kind is PeriodKind.YEAR

    def __str__(self) -> str:
        return self.label


@functools.lru_cache(maxsize=1024)
def _year(year: int) -> Period:
    """The calendar year ``year``, made once: a period is a value, and years recur."""
    _check_year(year)
    start, end = date(year, 1, 1), date(year, 12, 31)
    return Period(start, end, str(year))


@functools.lru_cache(maxsize=8192)
def _midpoint(start: date, end: date) -> float:
    # Worked out once per period: trends and assessments ask for it for every figure.
    return (_decimal_year(start) + _decimal_year(end, end_of_day=True)) / 2


def _decimal_year(day: date, *, end_of_day: bool = False) -> float:
    days_in_year = 366 if calendar.isleap(day.year) else 365
    ordinal = day.timetuple().tm_yday - (0 if end_of_day else 1)
    return day.year + ordinal / days_in_year


def to_period(value: Period | int | str) -> Period:
    """Accept a :class:`Period`, an ``int`` year or a string for :meth:`Period.parse`.

    Example:
        >>> to_period(2019) == Period.year(2019)
        True
    """
    if isinstance(value, Period):
        return value
    if type(value) is int:
        return Period.year(value)
    value = plain_year(value)
    if isinstance(value, str):
        return Period.parse(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return Period.year(value)
    raise ValidationError(
        "is not a period: give a year, a Period or a string", element="period", value=value
    )


def to_optional_period(value: Period | int | str | None) -> Period | None:
    """:func:`to_period`, or None for None."""
    return None if value is None else to_period(value)
