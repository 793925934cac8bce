"""Figures from CSV files, added to a programme.

A figures file has one figure a row::

    indicator;period;value;unit;source;margin;note
    veilig_buurt;2019;7,5;mark;Burgerpanel Kennispunt Twente;;
    meldingsbereidheid;2019;.;percent;;;nog niet gemeten

The columns ``indicator, period, value, unit`` are required, ``source,
margin, sample_size, note, provisional`` optional. Separated by ``,`` the
decimal sign is a point; separated by ``;`` (as Dutch spreadsheets write)
a decimal comma is read too. An empty value or ``.`` is a missing figure:
it is kept, with its note.
"""

from __future__ import annotations

import csv
import io
import os
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

import attrs
import pint

from progmon import units
from progmon._indicator import Indicator, Measurement, Source
from progmon._programme import Programme
from progmon._write import as_path
from progmon.errors import (
    AmbiguityError,
    DuplicateError,
    FileFormatError,
    ProgmonError,
    ProgmonWarning,
    ValidationError,
)

from ._converter import THOUSANDS, format_number, number_literal, parse_period
from ._text import read_text, without_bom

__all__ = [
    "Figure",
    "Merge",
    "add_measurements",
    "load_measurements",
    "parse_number",
    "read_measurements",
]

REQUIRED_COLUMNS: Final = ("indicator", "period", "value", "unit")
OPTIONAL_COLUMNS: Final = ("source", "margin", "sample_size", "note", "provisional")
MISSING: Final = frozenset({"", "."})

_TRUE: Final = frozenset({"true", "ja", "yes", "1", "x", "voorlopig"})
_FALSE: Final = frozenset({"false", "nee", "no", "0", ""})


@attrs.frozen
class Figure:
    """One figure read from a file, for the indicator with id ``indicator``.

    ``origin`` says where it was read (``"figures.csv line 3"``), for error
    messages and reports.

    Example:
        >>> figure = Figure("meldingen", Measurement(2019, 731), "figures.csv line 3")
        >>> figure.measurement.period.label, figure.origin
        ('2019', 'figures.csv line 3')
    """

    indicator: str
    measurement: Measurement
    origin: str


@attrs.frozen
class Merge:
    """The result of :func:`~progmon.io.add_measurements`: the new programme and what changed.

    Attributes:
        programme: The programme with the figures in it.
        added: The figures that filled a period without a figure.
        replaced: For each figure that replaced one already there, the
            indicator id, the old and the new measurement.

    Example:
        >>> from progmon import Ambition, Goal, Indicator, Programme
        >>> ind = Indicator(id="x", name="X", unit="report", measurements=[Measurement(2019, 7)])
        >>> p = Programme(id="p", name="P", ambitions=[
        ...     Ambition(title="A", goals=[Goal(id="g", statement="S", indicators=[ind])])])
        >>> merge = add_measurements(p, [Figure("x", Measurement(2019, 8), "line 2")], replace=True)
        >>> [(indicator, old.value) for indicator, old, new in merge.replaced]
        [('x', <Quantity(7.0, 'report')>)]
        >>> merge.programme.indicator("x").latest.value
        <Quantity(8.0, 'report')>
    """

    programme: Programme
    added: tuple[Figure, ...]
    replaced: tuple[tuple[str, Measurement, Measurement], ...]


# --------------------------------------------------------------------------- numbers

_PLAIN: Final = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
# A thousands group starts with 1-9: 0.125 is a decimal to every reader.
_DUTCH_GROUPED: Final = re.compile(rf"^[+-]?{THOUSANDS}(?:,\d+)?$")
_DUTCH: Final = re.compile(r"^[+-]?(?:\d+(?:,\d*)?|,\d+)$")
_WHOLE: Final = re.compile(r"[0-9]+")


def parse_number(text: str, *, decimal_comma: bool = False) -> float:
    """Read a number as a spreadsheet writes it.

    With ``decimal_comma`` (files separated by ``;``), ``7,5`` is 7.5 and
    ``1.089,5`` is 1089.5; ``1.089`` could be either 1089 or 1.089, and is
    refused, but ``0.125`` is read (no thousands group starts with 0).
    Without it only a decimal point is read. A whole number is an ``int``,
    every digit kept.

    Raises:
        FileFormatError: not a number.
        AmbiguityError: a number with a point that could group thousands.

    Example:
        >>> parse_number("37,2", decimal_comma=True), parse_number("1.089,5", decimal_comma=True)
        (37.2, 1089.5)
        >>> parse_number("7.5"), parse_number("0.125", decimal_comma=True), parse_number("731")
        (7.5, 0.125, 731)
    """
    text = text.strip()
    if decimal_comma:
        if _DUTCH_GROUPED.match(text):
            if "," not in text:
                raise AmbiguityError(
                    "could be a number with a thousands point or with a decimal point: write "
                    "it without the point (1089) or with a decimal comma (1,089)",
                    value=text,
                )
            return number_literal(text.replace(".", "").replace(",", "."))
        if _DUTCH.match(text):
            return number_literal(text.replace(",", "."))
    if _PLAIN.match(text):
        return number_literal(text)
    if "," in text and not decimal_comma:
        raise FileFormatError(
            "has a decimal comma: separate the columns by ; to use decimal commas, "
            "or write a decimal point",
            value=text,
        )
    raise FileFormatError("is not a number", value=text)


# --------------------------------------------------------------------------- reading


def read_measurements(path: str | os.PathLike[str]) -> tuple[Figure, ...]:
    """The figures in a CSV file, each with the line it was read from.

    Raises:
        ProgmonFileError: the file cannot be read.
        FileFormatError: a column is missing or unknown, a row is malformed.
        ProgmonError: a value is not allowed, naming the file and line.

    Example:
        >>> figures = read_measurements("tests/fixtures/figures_nl.csv")
        >>> figures[0].indicator, figures[0].origin
        ('woonoverlast_burengerucht', 'tests/fixtures/figures_nl.csv line 2')
    """
    where = as_path(path, element="figures file")
    text = read_text(where, advice=": save it as CSV UTF-8")
    return read_measurements_text(text, origin=str(where))


def read_measurements_text(text: str, *, origin: str = "<string>") -> tuple[Figure, ...]:
    r"""The figures in the text of a CSV file; ``origin`` names it in errors.

    Example:
        >>> text = "indicator,period,value,unit\nbuurtpreventie,2021,12,count\n"
        >>> figure = read_measurements_text(text, origin="figures.csv")[0]
        >>> figure.indicator, figure.measurement.value, figure.origin
        ('buurtpreventie', <Quantity(12, 'count')>, 'figures.csv line 2')
    """
    if not isinstance(text, str):
        raise FileFormatError(
            "takes the text of a CSV file (read_measurements takes a path)",
            element=origin,
            value=text,
        )
    text = without_bom(text)
    header_line = next((line for line in text.splitlines() if line.strip()), "")
    if not header_line:
        raise FileFormatError("is empty: it needs a header row", element=origin)
    delimiter = ";" if ";" in header_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns: list[str] | None = None
    figures: list[Figure] = []
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if columns is None:
                columns = _check_header(row, origin, reader.line_num)
                continue
            where = f"{origin} line {reader.line_num}"
            if len(row) != len(columns):
                raise FileFormatError(
                    f"has {len(row)} cells where the header has {len(columns)} columns",
                    element=where,
                    value=delimiter.join(row),
                )
            cells = {name: cell.strip() for name, cell in zip(columns, row, strict=True)}
            figures.append(_figure(cells, where, decimal_comma=delimiter == ";"))
    except csv.Error as e:
        raise FileFormatError(
            f"is not valid CSV: {e}", element=f"{origin} line {reader.line_num}"
        ) from e
    return tuple(figures)


def _column_name(cell: str) -> str:
    # Spreadsheets write "Sample size" or "sample-size" for sample_size.
    return "_".join(re.split(r"[\s_-]+", cell.strip().lower()))


def _check_header(row: list[str], origin: str, line: int) -> list[str]:
    columns = [_column_name(cell) for cell in row]
    where = f"{origin} line {line}"
    unknown = [c for c in columns if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if unknown:
        advice = (
            ": separate the columns by , or ; (not by tabs)"
            if len(row) == 1 and "\t" in row[0]
            else ""
        )
        raise FileFormatError(
            f"has unknown columns; the columns are {', '.join(REQUIRED_COLUMNS)} and "
            f"optionally {', '.join(OPTIONAL_COLUMNS)}{advice}",
            element=where,
            value=row[columns.index(unknown[0])].strip(),
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise FileFormatError(
            f"misses the columns {', '.join(missing)}", element=where, value=",".join(columns)
        )
    twice = sorted({c for c in columns if columns.count(c) > 1})
    if twice:
        raise FileFormatError("has a column twice", element=where, value=twice[0])
    return columns


def _figure(cells: Mapping[str, str], where: str, *, decimal_comma: bool) -> Figure:
    try:
        indicator = cells["indicator"]
        if not indicator:
            raise FileFormatError("indicator: the indicator id is empty", value="")
        period = parse_period(cells["period"])
        unit = units.to_unit(cells["unit"], element="unit") if cells["unit"] else None
        value = _quantity(cells["value"], unit, decimal_comma=decimal_comma)
        margin_text = cells.get("margin", "")
        margin = (
            None
            if margin_text in MISSING
            else _quantity(margin_text, unit, decimal_comma=decimal_comma)
        )
        sample_text = cells.get("sample_size", "")
        sample_size = None
        if sample_text:
            # A whole number cannot have decimals: 1.250 in a Dutch file is 1250.
            digits = sample_text
            if decimal_comma and _DUTCH_GROUPED.match(sample_text) and "," not in sample_text:
                digits = sample_text.replace(".", "")
            # ASCII digits only: "²" passes str.isdigit() but not int().
            if not _WHOLE.fullmatch(digits):
                raise FileFormatError("sample_size: must be a whole number", value=sample_text)
            sample_size = int(digits)
        source = Source(cells["source"]) if cells.get("source") else None
        measurement = Measurement(
            period,
            value,
            margin=margin,
            sample_size=sample_size,
            source=source,
            note=cells.get("note", ""),
            provisional=_flag(cells.get("provisional", "")),
        )
    except ProgmonError as e:
        raise _located(e, where) from e
    return Figure(indicator, measurement, where)


def _quantity(text: str, unit: Any, *, decimal_comma: bool) -> Any:
    if text in MISSING:
        return None
    number = parse_number(text, decimal_comma=decimal_comma)
    return number if unit is None else units.Quantity(number, unit)


def _flag(text: str) -> bool:
    folded = text.strip().lower()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise FileFormatError("provisional: must be true or false (ja/nee)", value=text)


def _located(error: ProgmonError, where: str) -> ProgmonError:
    """The same error, with ``where`` (file, line or key) in front of its element."""
    element = f"{where}: {error.element}" if error.element else where
    if error.value is None and not str(error).endswith("(got None)"):
        return type(error)(error.message, element=element)
    return type(error)(error.message, element=element, value=error.value)


# --------------------------------------------------------------------------- adding


def add_measurements(
    programme: Programme, figures: Iterable[Figure], *, replace: bool = False
) -> Merge:
    """Add ``figures`` to the indicators of ``programme``, all or none.

    A period whose figure is recorded as missing may be filled in; a period
    that has a figure already is refused, unless ``replace`` is true: then
    the old figure is replaced and listed in :attr:`Merge.replaced`.

    Raises:
        ValidationError: a figure is for an indicator the programme lacks.
        DuplicateError: two figures for one indicator and period, or a
            figure for a period that has one (without ``replace``).
        ProgmonError: a figure does not fit its indicator (unit, range).
            Every error names the file and line of the figure.

    Example:
        >>> from progmon import Ambition, Goal, Indicator, Programme
        >>> ind = Indicator(id="x", name="X", unit="report")
        >>> p = Programme(id="p", name="P", ambitions=[
        ...     Ambition(title="A", goals=[Goal(id="g", statement="S", indicators=[ind])])])
        >>> fig = Figure("x", Measurement(2019, 731), "figures.csv line 2")
        >>> add_measurements(p, [fig]).programme.indicator("x").latest.value
        <Quantity(731.0, 'report')>
    """
    figures = tuple(figures)
    seen: dict[tuple[str, Any], Figure] = {}
    for figure in figures:
        key = (figure.indicator, figure.measurement.period)
        if key in seen:
            raise DuplicateError(
                f"has a second figure for indicator {figure.indicator!r} in "
                f"{figure.measurement.period.label} (the first: {seen[key].origin})",
                element=figure.origin,
                value=figure.measurement.period.label,
            )
        seen[key] = figure
    changed: dict[str, Indicator] = {}
    replaced: list[tuple[str, Measurement, Measurement]] = []
    for figure in figures:
        try:
            indicator = (
                changed[figure.indicator]
                if figure.indicator in changed
                else programme.indicator(figure.indicator)
            )
        except ValidationError:
            raise ValidationError(
                "has no indicator with this id in the programme",
                element=f"{figure.origin}: indicator",
                value=figure.indicator,
            ) from None
        new = figure.measurement
        old = indicator.measurement(new.period)
        if old is not None and old.value is not None:
            if not replace:
                raise DuplicateError(
                    f"indicator {figure.indicator!r} has a figure for {new.period.label} "
                    f"already ({_shown(old)}): pass replace=True to replace it",
                    element=figure.origin,
                    value=new.period.label,
                )
            replaced.append((figure.indicator, old, new))
        try:
            changed[figure.indicator] = indicator.with_measurement(new, replace=True)
        except ProgmonError as e:
            raise _located(e, figure.origin) from e
    return Merge(_apply(programme, figures), figures, tuple(replaced))


def _apply(programme: Programme, figures: Sequence[Figure]) -> Programme:
    """``programme`` with ``figures`` added; they were checked beforehand."""
    # Each indicator takes its new figures as it stands in the result so far:
    # a total replaced after its component must carry the component's new
    # figures, not the ones it had in ``programme``.
    result = programme
    for indicator_id in dict.fromkeys(figure.indicator for figure in figures):
        current = result.indicator(indicator_id)
        for figure in figures:
            if figure.indicator == indicator_id:
                current = current.with_measurement(figure.measurement, replace=True)
        result = result.with_indicator(current)
    return result


def load_measurements(
    programme: Programme, path: str | os.PathLike[str], *, replace: bool = False
) -> Programme:
    """A new programme with the figures of a CSV file added.

    See :func:`~progmon.io.read_measurements` for the file and :func:`~progmon.io.add_measurements`
    for the rules. Each figure that is replaced (``replace=True``) is
    reported in a :class:`~progmon.errors.ProgmonWarning` with its old value.

    Example:
        >>> from progmon.io import load
        >>> p = load("tests/fixtures/figures_programme.toml")
        >>> p2 = load_measurements(p, "tests/fixtures/figures_nl.csv")
        >>> p2.indicator("woonoverlast_burengerucht").measurement(2019).value
        <Quantity(234.0, 'report')>
    """
    merge = add_measurements(programme, read_measurements(path), replace=replace)
    warn_replaced(merge, str(path))
    return merge.programme


def warn_replaced(merge: Merge, origin: str) -> None:
    """One :class:`~progmon.errors.ProgmonWarning` per replaced figure, with the old value."""
    for indicator_id, old, new in merge.replaced:
        warnings.warn(
            ProgmonWarning(
                f"{origin}: indicator {indicator_id!r} {new.period.label}: replaced the figure "
                f"{_shown(old)} by {_shown(new, like=old)}"
            ),
            stacklevel=3,
        )


def _shown(measurement: Measurement, *, like: Measurement | None = None) -> str:
    """A figure as a message shows it; a plain number takes the unit of ``like``."""
    value = measurement.value
    if value is None:
        return "(missing)"
    if not isinstance(value, pint.Quantity) and like and isinstance(like.value, pint.Quantity):
        value = units.Quantity(value, like.value.units)
    if isinstance(value, pint.Quantity):
        return f"{format_number(value.magnitude)} {value.units:~P}"
    return f"{format_number(value)}"
