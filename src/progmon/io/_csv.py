"""Figures from CSV files, added to a programme.

A figures file has one figure a row::

    indicator;period;value;unit;source;margin;note
    veilig_buurt;2019;7,5;mark;Burgerpanel Kennispunt Twente;;
    meldingsbereidheid;2019;.;percent;;;nog niet gemeten

The columns ``indicator, period, value, unit`` are required, ``source,
margin, sample_size, note, provisional, replaces, region`` optional; their
Dutch names (``periode, waarde, eenheid, bron, marge, steekproef, noot,
voorlopig, correctie, regio``) are read too. A row with a ``region`` is a
figure of the indicator's reference of that name (the country, the
province, ...), made where the indicator has none yet; an empty region is
the programme's own figure. Separated by ``,`` the decimal sign is a point; separated by ``;``
(as Dutch spreadsheets write) a decimal comma is read too. An empty value or
``.`` is a missing figure: it is kept, with its note. A value written with a
percent sign (``28,8%``) is that many percent. Empty columns at the right of
the header, as spreadsheets save them, are ignored.

The rows of an Excel workbook (:mod:`progmon.io._xlsx`) are read by the same
rules, cell by cell.
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
from progmon._period import Period
from progmon._programme import Programme
from progmon._write import as_path
from progmon.errors import (
    AmbiguityError,
    DuplicateError,
    FileFormatError,
    ProgmonError,
    ProgmonWarning,
    UnitError,
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
OPTIONAL_COLUMNS: Final = (
    "source",
    "margin",
    "sample_size",
    "note",
    "provisional",
    "replaces",
    "region",
)
MISSING: Final = frozenset({"", "."})

COLUMN_ALIASES: Final = {
    "periode": "period",
    "waarde": "value",
    "eenheid": "unit",
    "bron": "source",
    "marge": "margin",
    "steekproef": "sample_size",
    "steekproefomvang": "sample_size",
    "steekproef_omvang": "sample_size",
    "noot": "note",
    "opmerking": "note",
    "voorlopig": "provisional",
    "correctie": "replaces",
    "vervangt": "replaces",
    "correction": "replaces",
    "regio": "region",
}
"""The Dutch names of the columns, as :func:`column_name` folds them, and the column each names."""

_DUTCH_NAMES: Final = (
    "indicator, periode, waarde, eenheid; bron, marge, steekproef, noot (or opmerking), "
    "voorlopig, correctie, regio"
)

# WAAR/ONWAAR: what Dutch Excel writes for its booleans, in cells and in CSV.
_TRUE: Final = frozenset({"true", "ja", "yes", "1", "x", "voorlopig", "waar"})
_FALSE: Final = frozenset({"false", "nee", "no", "0", "", "onwaar"})


@attrs.frozen
class Figure:
    """One figure read from a file, for the indicator with id ``indicator``.

    ``origin`` says where it was read (``"figures.csv line 3"``), for error
    messages and reports. ``replaces`` is true where the row says it corrects
    a figure given before (the column ``replaces``, ``correctie``): a figure
    file beside a programme may then replace an earlier figure.

    Example:
        >>> figure = Figure("meldingen", Measurement(2019, 731), "figures.csv line 3")
        >>> figure.measurement.period.label, figure.origin
        ('2019', 'figures.csv line 3')
    """

    indicator: str
    measurement: Measurement
    origin: str
    replaces: bool = False
    region: str = ""

    @property
    def place(self) -> str:
        """The figure's indicator, and its reference where it has one, as messages name them.

        Example:
            >>> Figure("x", Measurement(2019, 4.3), "line 2", region="Nederland").place
            "indicator 'x' reference 'Nederland'"
        """
        if self.region:
            return f"indicator {self.indicator!r} reference {self.region!r}"
        return f"indicator {self.indicator!r}"


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
    lines = [line for line in text.splitlines()[: _TITLE_ROWS + 1] if line.strip()]
    if not lines:
        raise FileFormatError("is empty: it needs a header row", element=origin)
    # The line with the most separators decides (the header, or a row of figures),
    # not a title above it ("Tabel 1, Veiligheid"); in a Dutch file a row has more
    # ; than decimal commas.
    widest = max(lines, key=lambda line: line.count(";") + line.count(","))
    delimiter = ";" if widest.count(";") > widest.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns: list[str] | None = None
    figures: list[Figure] = []
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if columns is None:
                if title_row(row) and reader.line_num <= _TITLE_ROWS:
                    continue
                columns = check_header(row, f"{origin} line {reader.line_num}")
                continue
            where = f"{origin} line {reader.line_num}"
            # A spreadsheet saves the empty columns right of the header as
            # empty cells: more cells than columns are fine while they are empty.
            extra = row[len(columns) :]
            if len(row) < len(columns) or any(cell.strip() for cell in extra):
                raise FileFormatError(
                    f"has {len(row)} cells where the header has {len(columns)} columns",
                    element=where,
                    value=delimiter.join(row),
                )
            cells = {name: cell.strip() for name, cell in zip(columns, row, strict=False)}
            figures.append(row_figure(cells, where, decimal_comma=delimiter == ";"))
    except csv.Error as e:
        raise FileFormatError(
            f"is not valid CSV: {e}", element=f"{origin} line {reader.line_num}"
        ) from e
    if columns is None:
        raise FileFormatError("has no header row, only titles", element=origin)
    return tuple(figures)


# A spreadsheet's table often has its title, and a line on its source, above the
# header; so many lines of one cell are passed over before the header.
_TITLE_ROWS: Final = 10


def title_row(cells: Sequence[object]) -> bool:
    """Whether a row above the header is a title: one cell of text that names no column.

    Example:
        >>> title_row(["Tabel 1: Veiligheid", "", ""]), title_row(["indicator", "", ""])
        (True, False)
    """
    filled = [cell for cell in cells if cell is not None and str(cell).strip()]
    return (
        len(filled) == 1
        and isinstance(filled[0], str)
        and "\t" not in filled[0]  # a tab-separated header, which gets its own advice
        and column_name(filled[0]) not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS
    )


def column_name(cell: str) -> str:
    """The column that a header cell names: case, spaces, ``_`` and ``-`` aside, Dutch or English.

    Example:
        >>> column_name("Sample size"), column_name("Steekproef-omvang"), column_name(" Periode ")
        ('sample_size', 'sample_size', 'period')
    """
    # Spreadsheets write "Sample size" or "sample-size" for sample_size.
    folded = "_".join(re.split(r"[\s_-]+", cell.strip().lower()))
    return COLUMN_ALIASES.get(folded, folded)


#: Where a CBS table goes instead of a figure file (said by the CSV and the Excel reader).
CBS_TABLE_ADVICE: Final = (
    "a CBS table is named in a [[cbs]] table of the programme file, which says which column "
    "goes to which indicator"
)


def check_header(row: Sequence[str], where: str) -> list[str]:
    """The columns a header row names, in order, without the empty ones at its right.

    Raises:
        FileFormatError: naming ``where``: a column unknown, missing, twice,
            or without a name between named ones.
    """
    names = list(row)
    # Spreadsheets save the empty columns right of the data as empty cells.
    while names and not names[-1].strip():
        names.pop()
    columns = [column_name(cell) for cell in names]
    for number, name in enumerate(names, start=1):
        if not name.strip():
            raise FileFormatError(
                f"has no name for column {number} (between {names[number - 2].strip()!r} and "
                f"{names[number].strip()!r}): name it, or delete the column",
                element=where,
            )
    known = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
    unknown = [c for c in columns if c not in known]
    if unknown:
        advice = (
            ": separate the columns by , or ; (not by tabs)"
            if len(names) == 1 and "\t" in names[0]
            else ""
        )
        if "Perioden" in (name.strip() for name in names):
            advice = f": it looks like a CBS table export, and {CBS_TABLE_ADVICE}"
        raise FileFormatError(
            f"has unknown columns; the columns are {', '.join(REQUIRED_COLUMNS)} and "
            f"optionally {', '.join(OPTIONAL_COLUMNS)} (in Dutch: {_DUTCH_NAMES}){advice}",
            element=where,
            value=names[columns.index(unknown[0])].strip(),
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise FileFormatError(
            f"misses the columns {', '.join(missing)}", element=where, value=",".join(columns)
        )
    for index, column in enumerate(columns):
        first = columns.index(column)
        if first != index:
            raise FileFormatError(
                f"has the column {column} twice (as {names[first].strip()!r} and "
                f"{names[index].strip()!r})",
                element=where,
                value=names[index].strip(),
            )
    return columns


def row_figure(cells: Mapping[str, object], where: str, *, decimal_comma: bool) -> Figure:
    """The figure in one row: ``cells`` maps column names to the cells.

    A cell is a text, read as a CSV file writes it (``decimal_comma`` as in
    :func:`parse_number`), or a value a workbook holds as such: an ``int``
    or ``float``, a ``bool``, a :class:`~progmon.Period`, a quantity (a
    percentage cell), or None for an empty cell.

    Raises:
        ProgmonError: naming ``where`` and the value.
    """
    try:
        indicator = _text(cells["indicator"], "indicator")
        if not indicator:
            raise FileFormatError("indicator: the indicator id is empty", value="")
        period = _period(cells["period"])
        unit_text = _text(cells["unit"], "unit")
        unit = units.to_unit(unit_text, element="unit") if unit_text else None
        value = _quantity(cells["value"], unit, decimal_comma=decimal_comma)
        margin = _quantity(cells.get("margin"), unit, decimal_comma=decimal_comma)
        source_text = _text(cells.get("source"), "source")
        measurement = Measurement(
            period,
            value,
            margin=margin,
            sample_size=_sample_size(cells.get("sample_size"), decimal_comma=decimal_comma),
            source=Source(source_text) if source_text else None,
            note=_text(cells.get("note"), "note"),
            provisional=_flag(cells.get("provisional"), "provisional"),
        )
        replaces = _flag(cells.get("replaces"), "replaces")
        region = _text(cells.get("region"), "region")
    except ProgmonError as e:
        raise _located(e, where) from e
    return Figure(indicator, measurement, where, replaces, region)


def _text(cell: object, column: str) -> str:
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, bool):
        raise FileFormatError(f"{column}: must be a text, not a truth value", value=cell)
    if isinstance(cell, int | float):
        # An id or a note typed as a number in a workbook: the text it shows.
        return str(format_number(cell))
    raise FileFormatError(f"{column}: must be a text", value=cell)


def _period(cell: object) -> Period:
    if isinstance(cell, Period):
        return cell
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)  # a year in a cell formatted with decimals
    if isinstance(cell, bool) or not isinstance(cell, int | str):
        raise FileFormatError(
            "period: must be a year (2019), a month (2019-12) or a date range", value=cell
        )
    return parse_period(cell)


def _sample_size(cell: object, *, decimal_comma: bool) -> int | None:
    if cell is None or cell == "":
        return None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, int) and not isinstance(cell, bool):
        return cell
    if not isinstance(cell, str):
        raise FileFormatError("sample_size: must be a whole number", value=cell)
    # A whole number cannot have decimals: 1.250 in a Dutch file is 1250.
    digits = cell
    if decimal_comma and _DUTCH_GROUPED.match(cell) and "," not in cell:
        digits = cell.replace(".", "")
    # ASCII digits only: "²" passes str.isdigit() but not int().
    if not _WHOLE.fullmatch(digits):
        raise FileFormatError("sample_size: must be a whole number", value=cell)
    return int(digits)


_PERCENT_SIGN: Final = re.compile(r"\s*%$")


def _quantity(cell: object, unit: Any, *, decimal_comma: bool) -> Any:
    if cell is None or (isinstance(cell, str) and cell.strip() in MISSING):
        return None
    if isinstance(cell, pint.Quantity):
        return _percentage(cell, unit)
    if isinstance(cell, str):
        text = cell.strip()
        if _PERCENT_SIGN.search(text):
            # "28,8%" is what a spreadsheet saves for a percentage cell: 28.8 percent.
            number = parse_number(_PERCENT_SIGN.sub("", text), decimal_comma=decimal_comma)
            return _percentage(units.Quantity(number, "percent"), unit, shown=text)
        number = parse_number(text, decimal_comma=decimal_comma)
    elif isinstance(cell, bool):
        raise FileFormatError("is a truth value (WAAR or ONWAAR), not a number", value=cell)
    elif isinstance(cell, int | float):
        number = cell
    else:
        raise FileFormatError("is not a number", value=cell)
    return number if unit is None else units.Quantity(number, unit)


def _percentage(quantity: Any, unit: Any, *, shown: object = None) -> Any:
    """A percentage in the unit that the unit column names: percent, or another share."""
    if unit is None:
        return quantity
    if not units.is_share(unit):
        raise UnitError(
            f"is a percentage, but the unit is {unit:~P}: write the number without %, "
            "or give a share such as percent as the unit",
            value=quantity if shown is None else shown,
        )
    return quantity if quantity.units == unit else quantity.to(unit)


def _flag(cell: object, column: str) -> bool:
    if cell is None:
        return False
    if isinstance(cell, bool):
        return cell
    folded = str(cell).strip().lower()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise FileFormatError(f"{column}: must be true or false (ja/nee, WAAR/ONWAAR)", value=cell)


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
    seen: dict[tuple[str, str, Any], Figure] = {}
    for figure in figures:
        key = (figure.indicator, figure.region, figure.measurement.period)
        if key in seen:
            raise DuplicateError(
                f"has a second figure for {figure.place} in "
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
        old = existing_figure(indicator, figure)
        if old is not None:
            if not replace:
                raise DuplicateError(
                    f"{figure.place} has a figure for {new.period.label} "
                    f"already ({_shown(old)}): pass replace=True to replace it",
                    element=figure.origin,
                    value=new.period.label,
                )
            replaced.append((figure.indicator, old, new))
        try:
            changed[figure.indicator] = _with_figure(indicator, figure)
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
                current = _with_figure(current, figure)
        result = result.with_indicator(current)
    return result


def existing_figure(indicator: Indicator, figure: Figure) -> Measurement | None:
    """The figure ``indicator`` holds for ``figure``'s period (and reference), if it has one."""
    if figure.region:
        reference = indicator.reference(figure.region)
        old = None if reference is None else reference.measurement(figure.measurement.period)
    else:
        old = indicator.measurement(figure.measurement.period)
    return None if old is None or old.value is None else old


def _with_figure(indicator: Indicator, figure: Figure) -> Indicator:
    """``indicator`` with ``figure`` in its place: its own figures, or its reference's."""
    if figure.region:
        return indicator.with_reference_measurement(figure.region, figure.measurement, replace=True)
    return indicator.with_measurement(figure.measurement, replace=True)


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
    places = {id(figure.measurement): figure.place for figure in merge.added}
    for indicator_id, old, new in merge.replaced:
        place = places.get(id(new), f"indicator {indicator_id!r}")
        warnings.warn(
            ProgmonWarning(
                f"{origin}: {place} {new.period.label}: replaced the figure "
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
