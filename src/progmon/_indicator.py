"""Indicators and their figures: what is measured, in which unit, towards which target.

An :class:`Indicator` stores its figures (:class:`Measurement`), target and
milestones in its own unit, and settles its direction once, here: given,
or implied by the target (a change, a norm) or by the target against the
baseline figure (a level). The direction is never inferred from a figure
loaded later: a copy with more figures (:meth:`Indicator.with_measurement`,
``attrs.evolve``) keeps the direction it had.
"""

from __future__ import annotations

import contextlib
import enum
import fractions
import functools
import itertools
import math
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import Any, Final

import attrs
import numpy as np
import numpy.typing as npt
import pint

from . import units
from ._period import Period, to_optional_period, to_period
from ._targets import Direction, Kind, Target
from ._validators import (
    FIRST_YEAR,
    LAST_YEAR,
    YEARS,
    as_tuple,
    check_bool,
    check_id,
    check_str,
    check_title,
    finite_magnitude,
    is_year,
    optional,
    plain_value,
    plain_year,
    stored_number,
    tuple_of,
)
from .errors import AmbiguityError, DuplicateError, UnitError, ValidationError

__all__ = [
    "COMPONENT_LEVELS",
    "REFERENCE_KINDS",
    "Indicator",
    "IndicatorKind",
    "Measurement",
    "PlainFigures",
    "Reference",
    "Source",
    "plain_figures",
]


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

    title: str = attrs.field(validator=check_str)
    publisher: str = attrs.field(default="", validator=check_str)
    year: int | None = attrs.field(default=None, converter=plain_year)
    url: str = attrs.field(default="", validator=check_str)
    note: str = attrs.field(default="", validator=check_str)

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


def to_value(value: object) -> Any:
    """A figure or amount: a quantity, or a plain number as an indicator stores it."""
    if value is None or type(value) is float:
        return value  # stored as it is: the common cases, first
    value = plain_value(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return stored_number(value)
    return value  # None, a quantity, or something the validator refuses by name


def _check_value(instance: Measurement, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if type(value) is float and math.isfinite(value) and (value >= 0 or attribute.name != "margin"):
        return  # a plain finite figure: nothing to name
    element = f"measurement {instance.period}: {attribute.name}"
    magnitude = finite_magnitude(value, element=element)
    if attribute.name == "margin" and magnitude < 0:
        raise ValidationError("a margin cannot be negative", element=element, value=value)


def _check_sample_size(
    instance: Measurement, attribute: attrs.Attribute[Any], value: int | None
) -> None:
    if value is None:
        return
    element = f"measurement {instance.period}: sample_size"
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError("must be a whole number of at least 1", element=element, value=value)
    if value > sys.float_info.max:
        # The survey tests compute with floats: a size beyond them is no size.
        raise ValidationError(
            "must be finite: larger than any number a calculation can hold",
            element=element,
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
    value: Any = attrs.field(default=None, converter=to_value, validator=_check_value)
    margin: Any = attrs.field(default=None, converter=to_value, validator=_check_value)
    sample_size: int | None = attrs.field(
        default=None, converter=plain_year, validator=_check_sample_size
    )
    source: Source | None = attrs.field(default=None, validator=optional(Source, "a Source"))
    note: str = attrs.field(default="", validator=check_str)
    provisional: bool = attrs.field(default=False, validator=check_bool)

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


_PLAIN_KEYS: Final = frozenset(
    {"period", "value", "margin", "sample_size", "note", "provisional", "source"}
)
_USUAL_KEYS: Final = frozenset({"period", "value"})
_EXACT: Final = 2**53  # every whole number up to it is a float exactly
_NUMBERS: Final = frozenset({int, float})
_SIZES: Final = frozenset({int})
_SCALARS: Final = frozenset({str, int, float, bool, type(None)})


class PlainFigures:
    """A file's series of plain figures: checked as a whole, made into measurements when read.

    The common case of a file is a list of tables of a year and plain finite
    numbers, with perhaps a margin, a sample size, a plain note or a
    provisional flag. :func:`plain_figures` checks such a list a field at a
    time (not a figure at a time) and gives this; an :class:`Indicator`
    given it as its ``measurements`` settles its baseline and direction from
    it and makes the :class:`Measurement` values only when they are first
    read (the assessment reads the figures as arrays, and needs none).
    ``years`` and ``values`` are the figures' years and values (None:
    missing), ``sources`` their sources (None: none, for every figure), in
    the order of ``items``.
    """

    __slots__ = ("items", "sources", "unit", "values", "years")

    def __init__(
        self,
        items: list[dict[str, Any]],
        unit: Any,
        years: list[int],
        values: list[Any],
        sources: list[Source | None] | None = None,
    ) -> None:
        self.items = items
        self.unit = unit
        self.years = years
        self.values = values
        self.sources = sources

    def made(self) -> tuple[Measurement, ...]:
        """The measurements, in the order of the file.

        Example:
            >>> plain_figures([{"period": 2019, "value": 7}, {"period": 2018}]).made()[1].is_missing
            True
        """
        sources = itertools.repeat(None) if self.sources is None else self.sources
        return tuple(map(_made, self.items, itertools.repeat(self.unit), sources))

    def in_order(self) -> PlainFigures | None:
        """These figures sorted by year; None where two share a year (the checks then name it).

        Example:
            >>> plain_figures([{"period": 2019}, {"period": 2018}]).in_order().years
            [2018, 2019]
            >>> plain_figures([{"period": 2019}, {"period": 2019}]).in_order() is None
            True
        """
        years = self.years
        if all(map(int.__lt__, years, years[1:])):
            return self
        order = sorted(range(len(years)), key=years.__getitem__)
        ordered = [years[i] for i in order]
        if not all(map(int.__lt__, ordered, ordered[1:])):
            return None
        items, values, sources = self.items, self.values, self.sources
        return PlainFigures(
            [items[i] for i in order],
            self.unit,
            ordered,
            [values[i] for i in order],
            None if sources is None else [sources[i] for i in order],
        )


def plain_figures(
    items: object,
    unit: Any = None,
    bounds: tuple[float, float] | None = None,
    source_of: Callable[[object], Source | None] | None = None,
) -> PlainFigures | None:
    """``items``, tables of figures as a file gives them, if every one is plain; else None.

    A figure is plain when it has a year and plain finite numbers, a plain
    (ASCII, printable) note and a ``True``/``False`` provisional flag; its
    value lies in ``bounds`` (:func:`units.valid_range` of ``unit``, worked
    out once for the series). A figure's source is plain where ``source_of``
    makes a :class:`Source` of it (a title, or a table of plain texts and
    numbers), once for each distinct source of the list. Anything else (a
    period text, a quantity, any value that :class:`Measurement` would
    refuse or convert) gives None, and the caller makes the measurements the
    ordinary way, with their checks and their errors: this path never
    refuses anything itself.
    The checks go a field at a time over the whole list, in C where Python
    has it. Given ``unit``, the measurements made hold their value and margin
    as quantities in it, as an indicator stores them.

    Example:
        >>> figures = plain_figures([{"period": 2019, "value": 731}])
        >>> figures.made() == (Measurement(2019, 731),)
        True
        >>> plain_figures([{"period": 2019, "value": -1}], units.to_unit("crime"), (0, 1)) is None
        True
        >>> plain_figures([{"period": "2019-Q1", "value": 1}]) is None
        True
    """
    if type(items) is not list or not items or {*map(type, items)} != {dict}:
        return None
    keys = set().union(*items)
    if not _PLAIN_KEYS.issuperset(keys):
        return None
    years = [fields.get("period") for fields in items]
    if {*map(type, years)} != {int} or not (min(years) >= FIRST_YEAR and max(years) <= LAST_YEAR):
        return None
    values = [fields.get("value") for fields in items]
    if not _plain_numbers(values, None if unit is None else bounds, at_least_zero=False):
        return None
    sources = _plain_sources(items, source_of) if "source" in keys else None
    if (keys - _USUAL_KEYS and not _plain_extras(items, keys)) or (
        "source" in keys and sources is None
    ):
        return None
    return PlainFigures(items, unit, years, values, sources)


def _plain_sources(
    items: list[dict[str, Any]], source_of: Callable[[object], Source | None] | None
) -> list[Source | None] | None:
    """The source of each of ``items`` (None: none), each made once; None if one is not plain."""
    if source_of is None:
        return None
    made: dict[object, Source | None] = {}
    sources: list[Source | None] = []
    for fields in items:
        given = fields.get("source")
        if given is None and "source" not in fields:
            sources.append(None)
            continue
        # A title, or a table of scalars (what a key of the sources table names).
        key: object = given
        if type(given) is dict:
            key = tuple(given.items())
            if not all(type(v) in _SCALARS for _, v in key):
                return None
        elif type(given) is not str:
            return None
        if key not in made:
            made[key] = source_of(given)
        source = made[key]
        if source is None:
            return None
        sources.append(source)
    return sources


def _plain_extras(items: list[dict[str, Any]], keys: set[str]) -> bool:
    """Whether the rarer fields of ``items`` are plain; looked at only where a figure has them."""
    if "margin" in keys and not _plain_numbers(
        [fields.get("margin") for fields in items], None, at_least_zero=True
    ):
        return False
    if "sample_size" in keys:
        sizes = [size for fields in items if (size := fields.get("sample_size")) is not None]
        if sizes and (
            not _SIZES.issuperset(map(type, sizes))
            or min(sizes) < 1
            or max(sizes) > sys.float_info.max
        ):
            return False
    if "note" in keys:
        notes = [fields.get("note", "") for fields in items]
        if {*map(type, notes)} != {str}:
            return False
        joined = "".join(notes)  # printable and ASCII as a whole where every note is
        if not (joined.isascii() and joined.isprintable()):
            return False
    return "provisional" not in keys or {
        type(fields.get("provisional", False)) for fields in items
    } == {bool}


def _plain_numbers(
    numbers: list[Any], bounds: tuple[float, float] | None, *, at_least_zero: bool
) -> bool:
    """Whether ``numbers`` (None: no figure) are each finite, stored as floats, in ``bounds``."""
    present = [number for number in numbers if number is not None]
    if not present:
        return True
    kinds = {*map(type, present)}
    if not _NUMBERS.issuperset(kinds):
        return False  # a bool, a text, a table
    # Large numbers are plain where they are floats already; a whole number
    # beyond a float's precision is kept exact the ordinary way.
    if (
        (min(present) < -_EXACT or max(present) > _EXACT)
        and int in kinds
        and any(abs(number) > _EXACT for number in present if type(number) is int)
    ):
        return False
    if float in kinds and not all(map(math.isfinite, present)):
        return False
    if at_least_zero and min(present) < 0:
        return False
    return bounds is None or (bounds[0] <= min(present) and max(present) <= bounds[1])


def _made(fields: Mapping[str, Any], unit: Any, source: Source | None) -> Measurement:
    """The measurement of plain ``fields`` (:func:`plain_figures` checked them), from ``source``."""
    value = fields.get("value")
    margin = fields.get("margin")
    if value is not None:
        value = float(value)
        if unit is not None:
            value = units._quantity(value, unit)  # noqa: SLF001  # the registry's own fast path
    if margin is not None:
        margin = float(margin)
        if unit is not None:
            margin = units._quantity(margin, unit)  # noqa: SLF001
    # Checked already, as a series: made without validating each figure again.
    return _unchecked(
        to_period(fields["period"]),
        value,
        margin,
        fields.get("sample_size"),
        source,
        fields.get("note", ""),
        fields.get("provisional", False),
    )


def _unchecked(  # noqa: PLR0917  # a Measurement's fields, in their order
    period: Period,
    value: Any,
    margin: Any,
    sample_size: int | None,
    source: Source | None,
    note: str,
    provisional: bool,
) -> Measurement:
    """The :class:`Measurement` of fields known to be valid, made without checking them again."""
    made: Measurement = object.__new__(Measurement)
    put = object.__setattr__
    put(made, "period", period)
    put(made, "value", value)
    put(made, "margin", margin)
    put(made, "sample_size", sample_size)
    put(made, "source", source)
    put(made, "note", note)
    put(made, "provisional", provisional)
    return made


def _in_unit(
    measurement: Measurement, unit: Any, bounds: tuple[float, float] | None, element: str
) -> Measurement:
    """``measurement`` with value and margin as quantities in ``unit``.

    ``bounds`` is ``units.valid_range(unit)``, worked out once for the series.
    """
    value = _quantity_in(measurement.value, unit, measurement, "value", element)
    margin = _quantity_in(measurement.margin, unit, measurement, "margin", element)
    if value is not None and bounds is not None and not bounds[0] <= value.magnitude <= bounds[1]:
        units.check_in_range(value.magnitude, unit, element=f"{element} {measurement.period}")
    if value is measurement.value and margin is measurement.margin:
        return measurement  # in the unit already (an indicator rebuilt by evolve)
    # The measurement was validated when it was made, and a figure in another unit is
    # the same figure: a copy with the two fields set, without validating it again.
    m = measurement
    return _unchecked(m.period, value, margin, m.sample_size, m.source, m.note, m.provisional)


def _quantity_in(value: Any, unit: Any, measurement: Measurement, field: str, element: str) -> Any:
    """``value`` (a number in ``unit``, a quantity, or None) as a quantity in ``unit``.

    ``measurement`` and ``field`` name the value in an error.
    """
    if value is None:
        return None
    if isinstance(value, pint.Quantity):
        if units.in_unit(value, unit) and type(value.magnitude) is float:
            return value
        where = f"{element} {measurement.period} {field}"
        units.check_compatible(value.units, unit, element=where)
        value = stored_number(value.m_as(unit))
    # A stored number already (Measurement made it one), or the float of a conversion.
    return units._quantity(value, unit)  # noqa: SLF001  # the registry's own fast path


def _period_order(measurement: Measurement) -> tuple[date, date]:
    # The order of Period (attrs compares start, then end), as a key of plain
    # dates: sorting compares them in C, not through attrs' generated methods.
    return measurement.period.start, measurement.period.end


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


# --------------------------------------------------------------------------- references

#: The kinds of reference a comparison names (``Reference.kind``), or None.
REFERENCE_KINDS: Final = ("country", "province", "region", "size-class", "peer-group")


def _check_reference_name(instance: Reference, attribute: attrs.Attribute[str], value: str) -> None:
    check_title(instance, attribute, value)


def _check_reference_kind(
    instance: Reference, attribute: attrs.Attribute[str | None], value: object
) -> None:
    if value is not None and value not in REFERENCE_KINDS:
        raise ValidationError(
            f"kind must be one of {', '.join(REFERENCE_KINDS)} or None",
            element=f"reference {instance.name!r}",
            value=value,
        )


def _check_reference_measurements(
    instance: Reference, attribute: attrs.Attribute[Any], value: object
) -> None:
    element = f"reference {instance.name!r}"
    if not isinstance(value, tuple):
        raise ValidationError(
            "measurements must be a list of Measurement values", element=element, value=value
        )
    for item in value:
        if not isinstance(item, Measurement):
            raise ValidationError(
                "measurements must hold Measurement values only", element=element, value=item
            )


@attrs.frozen
class Reference:
    """The figures of an indicator for a reference region or group.

    A reference is what a municipality compares itself with: the country
    (``kind="country"``, "Nederland"), its province, a region, the
    municipalities of its size class (``"size-class"``, "gemeenten
    100.000-150.000 inwoners") or a named set of peers (``"peer-group"``).
    ``kind`` is one of ``"country"``, ``"province"``, ``"region"``,
    ``"size-class"``, ``"peer-group"`` or None; ``name`` is how the review
    names it, unique within an indicator.

    Inside an :class:`Indicator` (``Indicator(references=[...])``), the
    figures are in the indicator's unit, sorted by period, one a period, and
    in the unit's range, as the indicator's own.

    Example:
        >>> nl = Reference("Nederland", Measurement.series({2019: 4.3}), kind="country")
        >>> ind = Indicator(id="x", name="X", unit="crime per 1000 inhabitant", references=[nl])
        >>> ind.reference("Nederland").measurements[0].value
        <Quantity(4.3, 'crime / thousand_inhabitants')>
    """

    name: str = attrs.field(validator=_check_reference_name)
    measurements: tuple[Measurement, ...] = attrs.field(
        default=(), converter=as_tuple, validator=_check_reference_measurements
    )
    kind: str | None = attrs.field(default=None, validator=_check_reference_kind)
    note: str = attrs.field(default="", validator=check_str)

    @property
    def latest(self) -> Measurement | None:
        """The most recent figure with a value, if any.

        Example:
            >>> Reference("NL", [Measurement(2019, 3), Measurement(2020)]).latest.period.label
            '2019'
        """
        return next((m for m in reversed(self.measurements) if m.value is not None), None)

    def measurement(self, period: Period | int | str) -> Measurement | None:
        """The figure for ``period``, or None.

        Example:
            >>> Reference("NL", [Measurement(2019, 3)]).measurement(2019).value
            3.0
        """
        wanted = to_period(period)
        return next((m for m in self.measurements if m.period == wanted), None)


def _references_in_unit(
    references: tuple[Reference, ...], unit: Any, bounds: tuple[float, float] | None, element: str
) -> tuple[Reference, ...]:
    """``references`` with their figures in ``unit``, sorted and checked as an indicator's own."""
    names: set[str] = set()
    result = []
    for reference in references:
        if not isinstance(reference, Reference):
            raise ValidationError(
                "references must hold Reference values only", element=element, value=reference
            )
        if reference.name in names:
            raise DuplicateError(
                "has two references of one name", element=element, value=reference.name
            )
        names.add(reference.name)
        where = f"{element} reference {reference.name!r}"
        measurements = tuple(
            sorted(
                (_in_unit(m, unit, bounds, where) for m in reference.measurements),
                key=_period_order,
            )
        )
        _check_periods_apart(measurements, element=where)
        if any(a is not b for a, b in zip(measurements, reference.measurements, strict=True)):
            reference = attrs.evolve(reference, measurements=measurements)  # noqa: PLW2901
        result.append(reference)
    return tuple(result)


# --------------------------------------------------------------------------- indicators


@attrs.frozen
class Series:
    """An indicator's figures as arrays, one entry a measurement, in their order.

    ``starts`` are the periods' first days (proleptic ordinals, sorted),
    ``times`` their midpoints as decimal years; ``values``, ``margins`` and
    ``sizes`` the figures in the indicator's unit, NaN where there is none:
    the four rows of ``block``, so that a panel gathers them in one step.
    ``measured`` are the positions of the figures with a value, ``baseline``
    the position of the baseline figure (-1: none). ``share_scale`` is the
    value of 100 % in the unit (NaN: not a share), ``limit`` the natural
    limit in the better direction (100 % for a share, 10 for a mark; NaN:
    none, or no direction).

    Example:
        >>> ind = Indicator(id="x", name="X", unit="report",
        ...                 measurements=[Measurement(2018, 4), Measurement(2019, None)])
        >>> series_of(ind).times.tolist(), series_of(ind).values.tolist()
        ([2018.5, 2019.5], [4.0, nan])
        >>> series_of(ind).measured, series_of(ind).baseline
        ((0,), 0)
    """

    starts: tuple[int, ...]
    block: npt.NDArray[np.float64]
    measured: tuple[int, ...]
    baseline: int
    share_scale: float
    limit: float

    @property
    def times(self) -> npt.NDArray[np.float64]:
        """The periods' midpoints, as decimal years."""
        row: npt.NDArray[np.float64] = self.block[0]
        return row

    @property
    def values(self) -> npt.NDArray[np.float64]:
        """The figures, in the indicator's unit (NaN: none)."""
        row: npt.NDArray[np.float64] = self.block[1]
        return row

    @property
    def margins(self) -> npt.NDArray[np.float64]:
        """The figures' margins, in the indicator's unit (NaN: none)."""
        row: npt.NDArray[np.float64] = self.block[2]
        return row

    @property
    def sizes(self) -> npt.NDArray[np.float64]:
        """The figures' sample sizes (NaN: none)."""
        row: npt.NDArray[np.float64] = self.block[3]
        return row

    @classmethod
    def of(cls, indicator: Indicator) -> Series:
        """The arrays of ``indicator``'s measurements."""
        nan = math.nan
        pending = indicator._pending  # noqa: SLF001  # plain figures not made yet: read as they are
        if pending is not None:
            periods = list(map(to_period, pending.years))
            rows = [
                [nan if (x := f.get(key)) is None else float(x) for f in pending.items]
                for key in ("value", "margin", "sample_size")
            ]
        else:
            figures = indicator.measurements
            periods = [m.period for m in figures]
            rows = [
                [nan if m.value is None else m.value.magnitude for m in figures],
                [nan if m.margin is None else m.margin.magnitude for m in figures],
                [nan if m.sample_size is None else m.sample_size for m in figures],
            ]
        block = np.array([[p.midpoint for p in periods], *rows], dtype=np.float64).reshape(
            4, len(periods)
        )
        block.flags.writeable = False
        return cls(
            starts=tuple(p.start.toordinal() for p in periods),
            block=block,
            # A stored value is never NaN: NaN marks a missing figure.
            measured=tuple(np.flatnonzero(~np.isnan(block[1])).tolist()),
            baseline=next((i for i, p in enumerate(periods) if p == indicator.baseline), -1),
            share_scale=_or_nan(units.share_scale(indicator.unit)),
            limit=_natural_limit(indicator),
        )


def _or_nan(value: float | None) -> float:
    return math.nan if value is None else value


def _natural_limit(indicator: Indicator) -> float:
    """The natural limit in the better direction: 100 % for a share, 10 for a mark."""
    bounds = units.valid_range(indicator.unit)
    if bounds is None or indicator.direction is None:
        return math.nan
    value = bounds[1] if indicator.direction.sign > 0 else bounds[0]
    return value if math.isfinite(value) else math.nan


#: How deeply components may nest: a total of totals of totals is three levels.
COMPONENT_LEVELS: Final = 16


def _levels(indicator: Indicator) -> int:
    """How many levels of components ``indicator`` has below it (0: none)."""
    # Each component was checked when it was made, so this recursion is shallow.
    return 1 + max(map(_levels, indicator.components)) if indicator.components else 0


@attrs.frozen
class _BadUnit:
    """A unit that was refused; the indicator reports it with its id."""

    error: UnitError


def _to_unit_or_keep(value: Any) -> Any:
    try:
        return units.to_unit(value)
    except UnitError as e:
        return _BadUnit(e)


def _check_measurements(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not PlainFigures:  # checked as a whole already
        _tuple_of_measurements(instance, attribute, value)


_tuple_of_measurements: Final = tuple_of(Measurement, "Measurement values")


def check_is_indicator(value: object, *, element: str) -> None:
    """Refuse ``value`` unless it is an :class:`Indicator`."""
    if not isinstance(value, Indicator):
        raise ValidationError("takes an Indicator", element=element, value=value)


@attrs.frozen
class Indicator:
    """An indicator: what is measured, in which unit, and what should be reached.

    ``measurements`` are stored sorted by period, one per period, in the
    indicator's ``unit``. ``direction`` (in which the indicator improves) is
    given, or implied by the target: by a change or a norm whatever the
    figures, by a level against the baseline figure. ``baseline`` (the
    nulmeting) defaults to the first period with a figure. ``milestones``
    are interim targets, each with its year (``Level(7.1, by=2019)``).
    ``components`` are the parts of a total (e.g. kinds of nuisance),
    indicators themselves. ``note`` says what a reader must know, e.g. "nog
    niet gemeten". ``references`` are the same indicator for reference
    regions or groups (:class:`Reference`: the country, the province, the
    size class), their figures checked and stored like the indicator's own;
    their names are unique within the indicator.

    ``bbv`` is the id of a BBV policy indicator of :mod:`progmon.bbv` that
    this indicator is ('' for none). The constructor checks the id and takes
    from the catalogue's entry what cannot depend on the programme's
    language: its ``direction`` where none is given (and the entry has one)
    and its ``source`` where none is given. Name, unit and description are
    the caller's: :func:`progmon.bbv.indicator` and a programme file's
    ``bbv = "..."`` take those from the entry too, in the programme's
    language.

    Example:
        >>> from progmon import Change
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

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_title)
    unit: Any = attrs.field(converter=_to_unit_or_keep)
    measurements: tuple[Measurement, ...] = attrs.field(
        default=(), converter=as_tuple, validator=_check_measurements
    )
    target: Target | None = None
    direction: Direction | None = None
    baseline: Period | None = attrs.field(default=None, converter=to_optional_period)
    kind: IndicatorKind = IndicatorKind.EFFECT
    description: str = attrs.field(default="", validator=check_str)
    note: str = attrs.field(default="", validator=check_str)
    source: Source | None = attrs.field(default=None, validator=optional(Source, "a Source"))
    components: tuple[Indicator, ...] = attrs.field(default=(), converter=as_tuple)
    milestones: tuple[Target, ...] = attrs.field(default=(), converter=as_tuple)
    references: tuple[Reference, ...] = attrs.field(default=(), converter=as_tuple)
    bbv: str = ""

    def __attrs_post_init__(self) -> None:
        element = f"indicator {self.id!r}"
        if self.bbv or type(self.bbv) is not str:  # one test for an indicator without it
            _inherit_bbv(self, element)
        if isinstance(self.unit, _BadUnit):
            refused = self.unit.error
            raise UnitError(f"unit {refused.message}", element=element, value=refused.value)
        self._check_types(element)
        bounds = units.valid_range(self.unit)
        measurements, baseline, base_value = self._settle_figures(bounds, element)
        target = (
            None
            if self.target is None
            else self.target.in_unit(self.unit, element=f"{element} target")
        )
        milestones = tuple(
            sorted(
                (m.in_unit(self.unit, element=f"{element} milestone") for m in self.milestones),
                key=lambda m: m.by or 0,
            )
        )
        direction = _direction(self.direction, target, milestones, base_value, element=element)
        for component in self.components:
            units.check_compatible(
                component.unit, self.unit, element=f"{element} component {component.id!r}"
            )
        _check_deadlines(target, milestones, baseline, element=element)
        if type(self.references) is not tuple or self.references:
            if not isinstance(self.references, tuple):
                raise ValidationError(
                    "references must be a list of Reference values",
                    element=element,
                    value=self.references,
                )
            references = _references_in_unit(self.references, self.unit, bounds, element)
            object.__setattr__(self, "references", references)
        if type(measurements) is PlainFigures:
            # Made when first read (__getattr__): the assessment needs arrays only.
            object.__setattr__(self, "_pending", measurements)
            object.__delattr__(self, "measurements")
        else:
            object.__setattr__(self, "measurements", measurements)
        object.__setattr__(self, "target", target)
        object.__setattr__(self, "milestones", milestones)
        object.__setattr__(self, "baseline", baseline)
        object.__setattr__(self, "direction", direction)

    def _settle_figures(
        self, bounds: tuple[float, float] | None, element: str
    ) -> tuple[tuple[Measurement, ...] | PlainFigures, Period | None, float | None]:
        """The figures as stored (sorted, in the unit), the baseline, and its figure."""
        given = self.measurements
        pending: object = given  # a PlainFigures, from a file
        if isinstance(pending, PlainFigures):
            plain = pending.in_order() if pending.unit == self.unit else None
            if plain is not None:
                return plain, *_plain_baseline(plain, self.baseline, element)
            given = pending.made()  # two figures for a year, or another unit: the checks say
        measurements = tuple(
            sorted((_in_unit(m, self.unit, bounds, element) for m in given), key=_period_order)
        )
        _check_periods_apart(measurements, element=element)
        measured = [m for m in measurements if m.value is not None]
        periods = {m.period for m in measured}
        baseline = _checked_baseline(
            self.baseline,
            measured[0].period if measured else None,
            periods.__contains__,
            any_figures=bool(measurements),
            element=element,
        )
        base = next((m.value for m in measured if m.period == baseline), None)
        return measurements, baseline, None if base is None else base.magnitude

    def __getattr__(self, name: str) -> Any:
        # Only the measurements of plain figures from a file are made late (_settle_figures).
        if name == "measurements":
            pending = self._pending
            if pending is not None:
                measurements = pending.made()
                object.__setattr__(self, "measurements", measurements)
                # The file's tables are not needed once the measurements are made.
                object.__setattr__(self, "_pending", None)
                return measurements
            with contextlib.suppress(AttributeError):
                # Made meanwhile (by another thread): set before the tables were let go.
                made: tuple[Measurement, ...] = object.__getattribute__(self, "measurements")
                return made
        raise AttributeError(
            f"{type(self).__name__!r} object has no attribute {name!r}", name=name, obj=self
        )

    @functools.cached_property
    def _pending(self) -> PlainFigures | None:
        # Set by __attrs_post_init__ for figures made when first read; else none.
        return None

    def _check_types(self, element: str) -> None:
        # components are checked here, not by a field validator: the class
        # Indicator does not exist yet where its fields are declared.
        tuple_of(Indicator, "indicators")(self, attrs.fields(Indicator).components, self.components)
        if _levels(self) > COMPONENT_LEVELS:
            raise ValidationError(
                f"has components nested more than {COMPONENT_LEVELS} levels deep (totals of "
                "totals of ...): no file or review holds that",
                element=element,
                value=_levels(self),
            )
        if self.target is not None and not isinstance(self.target, Target):
            raise ValidationError("is not a target", element=element, value=self.target)
        tuple_of(Target, "targets")(self, attrs.fields(Indicator).milestones, self.milestones)
        for milestone in self.milestones:
            if milestone.by is None:
                raise ValidationError(
                    "a milestone needs its year: give it by=YEAR",
                    element=f"{element} milestone",
                    value=milestone,
                )
        if self.direction is not None and not isinstance(self.direction, Direction):
            raise ValidationError(
                "direction must be a Direction", element=element, value=self.direction
            )
        if not isinstance(self.kind, IndicatorKind):
            raise ValidationError("kind must be an IndicatorKind", element=element, value=self.kind)

    # ------------------------------------------------------------------ reading

    @property
    def is_measured(self) -> bool:
        """Whether the indicator has at least one figure.

        Example:
            >>> Indicator(id="x", name="X", unit="count").is_measured
            False
        """
        return any(m.value is not None for m in self.measurements)

    @functools.cached_property
    def _series(self) -> Series:
        # Made once, when first asked: the assessment reads the figures as arrays
        # for every row of its panel, and an indicator is immutable.
        return Series.of(self)

    @property
    def baseline_measurement(self) -> Measurement | None:
        """The measurement of the baseline period, if any.

        Example:
            >>> ind = Indicator(id="x", name="X", unit="count",
            ...                 measurements=Measurement.series({2018: 3, 2019: 4}))
            >>> ind.baseline_measurement.value
            <Quantity(3.0, 'count')>
        """
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

    def reference(self, name: str) -> Reference | None:
        """The reference named ``name``, or None.

        Example:
            >>> nl = Reference("Nederland", [Measurement(2019, 4.3)])
            >>> ind = Indicator(id="x", name="X", unit="count", references=[nl])
            >>> ind.reference("Nederland").name, ind.reference("Overijssel")
            ('Nederland', None)
        """
        return next((r for r in self.references if r.name == name), None)

    def with_reference_measurement(
        self, name: str, measurement: Measurement, *, replace: bool = False
    ) -> Indicator:
        """A copy with ``measurement`` added to the reference ``name`` (made if absent).

        Raises:
            DuplicateError: the reference has a figure for that period
                already, and ``replace`` is false.

        Example:
            >>> ind = Indicator(id="x", name="X", unit="report")
            >>> ind = ind.with_reference_measurement("Nederland", Measurement(2019, 700))
            >>> ind.reference("Nederland").latest.value
            <Quantity(700.0, 'report')>
        """
        element = f"indicator {self.id!r} reference {name!r}"
        if not isinstance(measurement, Measurement):
            raise ValidationError(
                "with_reference_measurement takes a Measurement", element=element, value=measurement
            )
        reference = self.reference(name)
        if reference is None:
            references = (*self.references, Reference(name, (measurement,)))
        else:
            old = reference.measurement(measurement.period)
            if old is not None and old.value is not None and not replace:
                raise DuplicateError(
                    "has a measurement for this period already",
                    element=element,
                    value=measurement.period.label,
                )
            kept = tuple(m for m in reference.measurements if m.period != measurement.period)
            changed = attrs.evolve(reference, measurements=(*kept, measurement))
            references = tuple(changed if r is reference else r for r in self.references)
        return attrs.evolve(self, references=references)

    def walk(self) -> Iterator[Indicator]:
        """This indicator, then its components, depth first.

        Example:
            >>> part = Indicator(id="a", name="A", unit="report")
            >>> [i.id for i in Indicator(id="t", name="T", unit="report", components=[part]).walk()]
            ['t', 'a']
        """
        yield self
        for component in self.components:
            yield from component.walk()

    # ------------------------------------------------------------------ changing

    def with_measurement(self, measurement: Measurement, *, replace: bool = False) -> Indicator:
        """A copy with ``measurement`` added; its direction and baseline stay as they were.

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
        """A copy with ``changes`` applied and validated again.

        Example:
            >>> Indicator(id="x", name="X", unit="report").evolve(name="Y").name
            'Y'
        """
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
        parts = as_tuple(components)
        if not isinstance(parts, tuple) or not parts:
            raise ValidationError("a total needs components", element=element, value=components)
        if "measurements" in fields:
            raise ValidationError(
                "total_of sets measurements itself", element=element, value=fields["measurements"]
            )
        for part in parts:
            check_is_indicator(part, element=f"{element} components")
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


def _checked_baseline(
    given: Period | None,
    first: Period | None,
    has_figure: Callable[[Period], bool],
    *,
    any_figures: bool,
    element: str,
) -> Period | None:
    """The baseline: the ``first`` period with a figure, or ``given``, which must have one.

    A baseline given before any figure is recorded is kept; once there are
    figures (a missing one too), it must be the period of one with a value.
    """
    if given is None:
        return first
    if any_figures and not has_figure(given):
        raise ValidationError("baseline has no figure", element=element, value=given.label)
    return given


def _plain_baseline(
    figures: PlainFigures, given: Period | None, element: str
) -> tuple[Period | None, float | None]:
    """The baseline of plain ``figures`` (sorted by year) and its figure, as for measurements."""
    values, years = figures.values, figures.years
    if given is None:
        first = next((i for i, value in enumerate(values) if value is not None), None)
        if first is None:
            return None, None
        return to_period(years[first]), float(values[first])

    def has_figure(period: Period) -> bool:
        year = period.start.year
        return year in years and values[years.index(year)] is not None and period == to_period(year)

    # A file's list of plain figures is never empty.
    baseline = _checked_baseline(given, None, has_figure, any_figures=True, element=element)
    assert baseline is not None  # noqa: S101  # given, and checked
    return baseline, float(values[years.index(baseline.start.year)])


def _inherit_bbv(indicator: Indicator, element: str) -> None:
    """Check ``indicator.bbv`` and take the entry's direction and source where none is given."""
    from . import bbv  # the catalogue is made of indicators: imported when first needed

    try:
        entry = bbv.get(indicator.bbv)
    except ValidationError as e:
        raise ValidationError(e.message, element=f"{element} bbv", value=indicator.bbv) from None
    if indicator.direction is None and entry.direction is not None:
        object.__setattr__(indicator, "direction", entry.direction)
    if indicator.source is None:
        object.__setattr__(indicator, "source", entry.source)


def _direction(
    given: Direction | None,
    target: Target | None,
    milestones: tuple[Target, ...],
    baseline: float | None,
    *,
    element: str,
) -> Direction | None:
    """The one place that settles an indicator's direction.

    Given by hand, it must agree with every target that fixes one (a change,
    a norm); a level given with a direction is a norm in that direction, so
    it never contradicts. Not given, it is the one the target implies, from
    the baseline figure where it takes one. A target that cannot be judged
    without a direction, and implies none, is refused.
    """
    for each in (target, *milestones):
        fixed = None if each is None else each.fixed_direction()
        if given is not None and fixed is not None and fixed is not given:
            raise ValidationError(
                f"direction {given.value} contradicts the target, which asks to {fixed.value}",
                element=element,
                value=each,
            )
    if given is not None or target is None:
        return given
    implied = target.implied_direction(baseline)
    if implied is None and target.kind is not Kind.TREND:
        error = AmbiguityError if target.kind in {Kind.LEVEL, Kind.NORM} else ValidationError
        raise error(target.needs_direction(), element=element, value=target)
    for milestone in milestones:
        # A step on the way goes the way of the target.
        fixed = milestone.fixed_direction()
        if implied is not None and fixed is not None and fixed is not implied:
            raise ValidationError(
                f"a milestone contradicts the target: it asks to {fixed.value}, the target to "
                f"{implied.value}",
                element=element,
                value=milestone,
            )
    return implied


def _check_deadlines(
    target: Target | None, milestones: tuple[Target, ...], baseline: Period | None, *, element: str
) -> None:
    """Targets and milestones fall due in order: after the baseline, one a year, the target last."""
    start = None if baseline is None else baseline.start.year
    if target is not None and target.by is not None and start is not None and target.by < start:
        raise ValidationError(
            f"target deadline lies before the baseline {baseline}", element=element, value=target.by
        )
    for earlier, later in itertools.pairwise(milestones):
        if earlier.by == later.by:
            raise DuplicateError("has two milestones for one year", element=element, value=later.by)
    for milestone in milestones:
        assert milestone.by is not None  # noqa: S101  # _check_types refused None
        if start is not None and milestone.by < start:
            raise ValidationError(
                f"a milestone lies before the baseline {baseline}",
                element=element,
                value=milestone,
            )
        if target is not None and target.by is not None and milestone.by >= target.by:
            raise ValidationError(
                f"a milestone lies in or after the target's deadline {target.by}: a milestone "
                "is a step before it",
                element=element,
                value=milestone,
            )


def _exact_sum(values: Iterable[float]) -> float:
    """The sum of ``values``, as an indicator stores it; exact, not rounded at every step.

    Example:
        >>> _exact_sum([2**53 + 1, 2.0]), _exact_sum([1e16, 1.0, -1e16]), sum([1e16, 1.0, -1e16])
        (9007199254740995, 1.0, 0.0)
    """
    total = sum(map(fractions.Fraction, values), fractions.Fraction(0))
    return stored_number(total.numerator if total.denominator == 1 else float(total))


def series_of(indicator: Indicator) -> Series:
    """``indicator``'s figures as read-only arrays, made once per indicator."""
    return indicator._series  # noqa: SLF001 - the cache is the indicator's own
