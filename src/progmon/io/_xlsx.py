r"""Figures from Excel workbooks, and tables written as workbooks (the ``excel`` extra).

A figures workbook has the columns of a CSV figures file
(:mod:`progmon.io._csv`), Dutch names included, in a header row on a named
sheet or the first visible one. A cell is read for what it holds:

* a number is that number (an ``int`` cell stays an ``int``); a number in a
  percentage format (``0,0%``), which Excel keeps as a fraction, is what the
  cell shows: 0.288 shown as 28,8% is 28.8 percent, in the unit the unit
  column names (percent, permille, ...) or, with the unit empty, in percent;
* a truth value (``WAAR``/``ONWAAR``) is one, as are those texts;
* a date in the period column is the period its format shows: a day
  (``31-12-2019``), a month (``dec-19``, which Excel makes of ``2019-12``
  typed in) or a year (``yyyy``); a year is best typed as a number, 2021;
* a text is read as a cell of a ``;``-separated CSV file: ``7,5`` and
  ``7.5`` are 7.5, ``28,8%`` is 28.8 percent, ``.`` is a missing figure;
* a formula is the result Excel saved with it. A formula saved without a
  result (a workbook written by a program, never opened in Excel), an error
  such as ``#DEEL/0!`` and a date where a number belongs are refused, naming
  the cell.

Empty rows and the empty columns right of the header are skipped. Nothing in
a workbook is executed (macros are not even read), and its rows are read one
at a time: a sheet of a million rows takes time, not memory.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import io
import math
import os
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import Any, Final
from xml.etree.ElementTree import ParseError

from progmon import units
from progmon._period import Period
from progmon._write import as_path, refuse_inputs, write_bytes
from progmon.errors import FileFormatError, ProgmonError, ProgmonFileError, ValidationError

from ._converter import format_number, number_literal
from ._csv import (
    _TITLE_ROWS,
    CBS_TABLE_ADVICE,
    Figure,
    check_header,
    read_measurements,
    row_figure,
    title_row,
)

__all__ = [
    "CSV_SUFFIXES",
    "EXCEL_SUFFIXES",
    "Table",
    "read_figures",
    "read_measurements_xlsx",
    "write_xlsx",
]

CSV_SUFFIXES: Final = frozenset({".csv", ".txt"})
EXCEL_SUFFIXES: Final = frozenset({".xlsx", ".xlsm"})

Table = tuple[Sequence[str], Iterable[Sequence[object]]]
"""A table for :func:`write_xlsx`: its column names, and its rows of cell values."""

_INSTALL: Final = 'needs the excel extra: pip install "progmon-nl[excel]"'

_ZIP: Final = b"PK\x03\x04"
# Compound File Binary: an Excel 97-2003 workbook, or an encrypted .xlsx.
_OLE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# openpyxl reads every part but the sheets whole (the shared texts, the styles).
_MAX_WHOLE_PART: Final = 256 * 1024 * 1024
# The XML parser takes time quadratic in the length of one comment or text (a
# 16 MB comment: 10 s), and such a part compresses to almost nothing: a part of
# more than a few megabytes compressed more than a hundred times is no workbook
# of figures (their sheets compress ten to thirty times).
_MAX_RATIO: Final = 100
_RATIO_FROM: Final = 4 * 1024 * 1024

# What openpyxl raises on a workbook it cannot read: a broken zip, a missing
# part, XML that does not parse or holds what the format does not allow.
_BROKEN: Final = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    IndexError,
    AttributeError,
    TypeError,
    ValueError,
    ParseError,
)

# An Excel cell holds at most this many characters.
_MAX_CELL_TEXT: Final = 32_767
# The largest whole number all of whose digits Excel keeps.
_EXCEL_DIGITS: Final = 10**15 - 1
# The largest number a cell holds; openpyxl writes a larger float as infinity.
_EXCEL_LARGEST: Final = 9.99999999999999e307
# The first day Excel and Python count alike.
_FIRST_EXCEL_DAY: Final = dt.date(1900, 3, 1)
# Excel's own 1900 date system starts here (its serial 1 is 1900-01-01).
_EXCEL_EPOCH: Final = dt.date(1899, 12, 30)


def _openpyxl() -> Any:
    try:
        import openpyxl  # only where a workbook is read: the core works without
    except ImportError as e:
        raise ProgmonError(f"reading and writing Excel workbooks {_INSTALL}") from e
    return openpyxl


# --------------------------------------------------------------------------- reading


def read_figures(path: str | os.PathLike[str], *, sheet: str | None = None) -> tuple[Figure, ...]:
    """The figures in a CSV file (``.csv``, ``.txt``) or a workbook (``.xlsx``, ``.xlsm``).

    ``sheet`` names the sheet of a workbook (the first visible one without
    it). An Excel 97-2003 ``.xls`` file is refused with the advice to save
    it as ``.xlsx``.

    Raises:
        FileFormatError: another suffix, or what :func:`read_measurements_xlsx`
            and :func:`~progmon.io.read_measurements` raise.

    Example:
        >>> read_figures("tests/fixtures/figures_nl.csv")[0].origin
        'tests/fixtures/figures_nl.csv line 2'
        >>> read_figures("tests/fixtures/figures_nl.xlsx")[0].origin
        'tests/fixtures/figures_nl.xlsx sheet Cijfers row 2'
    """
    where = as_path(path, element="figures file")
    suffix = where.suffix.lower()
    if suffix in CSV_SUFFIXES:
        if sheet is not None:
            raise ValidationError(
                "is a CSV file, which has no sheets", element=str(where), value=sheet
            )
        return read_measurements(where)
    if suffix in EXCEL_SUFFIXES:
        return read_measurements_xlsx(where, sheet=sheet)
    advice = (
        ": save it in Excel as an Excel workbook (.xlsx) or as CSV UTF-8"
        if suffix in {".xls", ".xlsb", ".ods"}
        else ""
    )
    if suffix == ".json":
        advice = f": {CBS_TABLE_ADVICE}"
    raise FileFormatError(
        f"is not a figures file: figures files are {_suffixes()}{advice}",
        element=str(where),
        value=where.suffix,
    )


def _suffixes() -> str:
    return ", ".join(sorted(CSV_SUFFIXES | EXCEL_SUFFIXES))


def read_measurements_xlsx(
    path: str | os.PathLike[str], *, sheet: str | None = None
) -> tuple[Figure, ...]:
    """The figures on a sheet of a workbook, each with its file, sheet and row.

    ``sheet`` names the sheet; without it the first visible sheet is read.
    The cells are read as the module describes; every figure's ``origin``
    is ``"<file> sheet <name> row <n>"``, with Excel's row numbers.

    Raises:
        ProgmonError: openpyxl is not installed (the ``excel`` extra).
        ProgmonFileError: the file cannot be read.
        FileFormatError: not a workbook, encrypted or broken; no such sheet
            (the message lists the sheets); a column missing or unknown; a
            cell that holds an error, a formula without a saved result, or
            a value of the wrong kind, naming the cell.
        ProgmonError: a value is not allowed, naming file, sheet and row.

    Example:
        >>> figures = read_measurements_xlsx("tests/fixtures/figures_nl.xlsx", sheet="Cijfers")
        >>> figures[0].indicator, figures[0].measurement.value, figures[0].origin
        ('woonoverlast_burengerucht', <Quantity(276, 'report')>, 'tests/fixtures/figures_nl.xlsx sheet Cijfers row 2')
    """  # noqa: E501  # a doctest line cannot be wrapped
    openpyxl = _openpyxl()
    where = as_path(path, element="figures file")
    origin = str(where)
    _check_container(where, origin)
    with contextlib.ExitStack() as stack, warnings.catch_warnings():
        # openpyxl warns about parts it drops (data validation, slicers): not the user's concern.
        warnings.filterwarnings("ignore", module=r"openpyxl(\.|$)")
        values_book = _load(openpyxl, stack.enter_context(where.open("rb")), origin, data_only=True)
        stack.callback(values_book.close)
        # A second reading of the same rows keeps the formulas: a formula whose
        # result was never saved is None to the first, and must not pass for empty.
        formula_book = _load(
            openpyxl, stack.enter_context(where.open("rb")), origin, data_only=False
        )
        stack.callback(formula_book.close)
        values = _sheet(values_book, sheet, origin)
        formulas = formula_book[values.title]
        # The dimension a file declares may be wrong or huge; read the cells that are there.
        values.reset_dimensions()
        formulas.reset_dimensions()
        rows = zip(
            _guarded(values.iter_rows(), origin),
            _guarded(formulas.iter_rows(), origin),
            strict=True,
        )
        return tuple(_figures(rows, f"{origin} sheet {values.title}"))


def _check_container(path: Path, origin: str) -> None:
    try:
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as e:
        raise ProgmonFileError(
            f"cannot be read: {e.strerror or e}", element=origin, value=str(path)
        ) from e
    if head.startswith(_OLE):
        raise FileFormatError(
            "is encrypted (protected by a password) or an Excel 97-2003 workbook: remove the "
            "password, or save it as an Excel workbook (.xlsx)",
            element=origin,
        )
    if not head.startswith(_ZIP):
        looks_like_text = bool(head) and all(32 <= b < 127 or b in b"\t\r\n" for b in head)
        advice = ": it looks like text; if it is CSV, name it .csv" if looks_like_text else ""
        raise FileFormatError(f"is not an Excel workbook (.xlsx){advice}", element=origin)
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise FileFormatError(f"is not a readable workbook: {e}", element=origin) from e
    for part in parts:
        if not part.filename.startswith("xl/worksheets/") and part.file_size > _MAX_WHOLE_PART:
            raise FileFormatError(
                f"has a part of {part.file_size:,} bytes, more than a figures workbook holds",
                element=origin,
                value=part.filename,
            )
        if part.file_size > _RATIO_FROM and part.file_size > _MAX_RATIO * part.compress_size:
            raise FileFormatError(
                f"has a part of {part.file_size:,} bytes packed into {part.compress_size:,}, "
                "more tightly than any workbook of figures is (it may be made to exhaust the "
                "reader): open it in Excel and save it again, or save the figures as CSV",
                element=origin,
                value=part.filename,
            )


def _load(openpyxl: Any, stream: io.BufferedReader, origin: str, *, data_only: bool) -> Any:
    try:
        # A stream, not a name: openpyxl would judge a file by its suffix.
        return openpyxl.load_workbook(
            stream, read_only=True, data_only=data_only, keep_vba=False, keep_links=False
        )
    # OSError: openpyxl's word for a zip without a workbook part in it.
    except (*_BROKEN, OSError, openpyxl.utils.exceptions.InvalidFileException) as e:
        raise FileFormatError(
            f"is not a readable workbook ({type(e).__name__}: {e}): open it in Excel and save "
            "it again as an Excel workbook (.xlsx)",
            element=origin,
        ) from e


def _sheet(book: Any, name: str | None, origin: str) -> Any:
    sheets = ", ".join(repr(title) for title in book.sheetnames)
    if name is None:
        for candidate in book.worksheets:
            if candidate.sheet_state == "visible":
                return candidate
        raise FileFormatError(f"has no visible worksheet (its sheets: {sheets})", element=origin)
    if not isinstance(name, str):
        raise ValidationError("a sheet is named by a text", element=f"{origin} sheet", value=name)
    if name not in book.sheetnames:
        raise FileFormatError(
            f"has no sheet of this name; its sheets are {sheets}", element=origin, value=name
        )
    found = book[name]
    if not hasattr(found, "iter_rows"):
        raise FileFormatError(
            "is a chart sheet, not a sheet of cells", element=f"{origin} sheet {name}"
        )
    return found


def _guarded(rows: Iterable[Any], origin: str) -> Iterator[Any]:
    """``rows``, with what openpyxl raises on a broken sheet turned into one clear error."""
    iterator = iter(rows)
    while True:
        try:
            row = next(iterator)
        except StopIteration:
            return
        except _BROKEN as e:
            raise FileFormatError(
                f"is not a readable workbook ({type(e).__name__}: {e})", element=origin
            ) from e
        yield row


def _figures(rows: Iterable[tuple[Any, Any]], origin: str) -> Iterator[Figure]:
    columns: list[str] | None = None
    for number, (cells, formulas) in enumerate(rows, start=1):
        values = [cell.value for cell in cells]
        if all(_blank(value) for value in values):
            continue
        where = f"{origin} row {number}"
        if columns is None:
            if title_row(values) and number <= _TITLE_ROWS:
                continue  # a title or a line on the source above the header
            columns = check_header([_header_text(value) for value in values], where)
            continue
        for index in range(len(columns), len(values)):
            if not _blank(values[index]):
                raise FileFormatError(
                    "has a value in a column without a name: name the column, or delete it",
                    element=f"{where}: cell {_coordinate(index, number)}",
                    value=values[index],
                )
        read = {
            column: _cell(
                cells[index] if index < len(cells) else None,
                formulas[index] if index < len(formulas) else None,
                column,
                f"{where}: cell {_coordinate(index, number)}",
            )
            for index, column in enumerate(columns)
        }
        yield row_figure(read, where, decimal_comma=True)
    if columns is None:
        raise FileFormatError("is empty: it needs a header row", element=origin)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _header_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(format_number(value))
    return str(value)


def _coordinate(index: int, row: int) -> str:
    letters = ""
    column = index + 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row}"


def _cell(cell: Any, formula: Any, column: str, where: str) -> object:
    """The value of one cell, as :func:`~progmon.io._csv.row_figure` takes it."""
    value = None if cell is None else cell.value
    if value is None:
        text = None if formula is None else formula.value
        if getattr(formula, "data_type", None) == "f" and isinstance(text, str):
            raise FileFormatError(
                "holds a formula whose result is not saved in the file (a workbook written by "
                "a program, never opened in Excel): type the value, or open the workbook in "
                "Excel or LibreOffice and save it",
                element=where,
                value=text,
            )
        return None
    if cell.data_type == "e":
        raise FileFormatError("holds an Excel error instead of a value", element=where, value=value)
    if isinstance(value, str | bool):
        return value
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        if column == "period":
            return _date_period(value, cell.number_format, where)
        if column in {"note", "source"} and isinstance(value, dt.date):
            return value.isoformat()
        raise FileFormatError(
            f"{column}: is a date or a time, not a number: format the cell as a number",
            element=where,
            value=str(value),
        )
    if column in {"value", "margin"} and _is_percentage(cell.number_format):
        # Excel keeps 28,8% as 0.288: the figure is what the cell shows.
        shown = number_literal(str(decimal.Decimal(repr(value)) * 100))
        return units.Quantity(shown, "percent")
    return value


_LITERALS: Final = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def _format_codes(number_format: str) -> str:
    """A number format without its literal texts, escapes, colours and paddings."""
    return _LITERALS.sub("", number_format or "").lower()


def _is_percentage(number_format: str) -> bool:
    return "%" in _format_codes(number_format)


def _date_period(value: dt.date | dt.time | dt.timedelta, number_format: str, where: str) -> Period:
    if isinstance(value, dt.time | dt.timedelta) or (
        isinstance(value, dt.datetime) and value.time() != dt.time(0)
    ):
        raise FileFormatError(
            "period: is a time, not a day, month or year: format the cell as a date or type "
            "the period as text (2019-12)",
            element=where,
            value=str(value),
        )
    day = value.date() if isinstance(value, dt.datetime) else value
    serial = (day - _EXCEL_EPOCH).days
    if 1900 <= serial <= 2200:  # the years a programme may be about
        raise FileFormatError(
            f"period: is a date in 1905 or 1906, which is how Excel shows the number {serial} "
            f"in a date format: to mean the year {serial}, format the cell as a number",
            element=where,
            value=day.isoformat(),
        )
    codes = _format_codes(number_format)
    # What the cell shows is the period: no day in the format, a month; no month, a year.
    if "d" in codes or "h" in codes or "s" in codes:
        return Period.between(day, day)
    if "m" in codes:
        return Period.month(day.year, day.month)
    if "y" in codes:
        return Period.year(day.year)
    return Period.between(day, day)


# --------------------------------------------------------------------------- writing


def write_xlsx(
    tables: Mapping[str, Table],
    path: str | os.PathLike[str],
    *,
    inputs: Iterable[object] = (),
) -> Path:
    r"""Write ``tables`` as a workbook, one sheet per table, and return its path.

    Each table is ``(columns, rows)``: its column names and its rows, one
    cell value per column: a text, a number, a truth value, a date or None
    (an empty cell; so are NaN and an empty text). The header row is bold and stays in view;
    columns are as wide as their texts (within limits). A whole number of
    more than the 15 digits Excel keeps, a number beyond the largest a cell
    holds (about 1e308), and a date before 1 March 1900, where Excel's
    calendar starts, are written as texts, shown exactly. Other numbers keep
    16 significant digits, as openpyxl writes them (Excel shows 15).

    Texts are data: a text that starts as a formula does (``=``, ``+``,
    ``-``, ``@``) is written as a text that Excel shows and keeps as text,
    never as a formula. Control characters, which a workbook cannot hold,
    are written as their escapes (``\x1b``), as the review shows them; a
    line end (``\r\n``, ``\r``) as ``\n``, which is all XML reads back.

    Raises:
        ProgmonError: openpyxl is not installed (the ``excel`` extra).
        ValidationError: no tables; a sheet name Excel refuses (more than 31
            characters, ``[]:*?/\``, twice); a row of the wrong length; a
            value that is not a cell value, infinite, or a text longer than
            a cell holds (32,767 characters), naming sheet, row and column.
        ProgmonFileError: the file cannot be written, or is one of ``inputs``.

    Example:
        >>> import tempfile, openpyxl
        >>> path = Path(tempfile.mkdtemp()) / "export.xlsx"
        >>> _ = write_xlsx({"Cijfers": (["indicator", "periode", "waarde"],
        ...                             [["misdrijven", 2019, 4190], ["=1+1", 2020, 7.5]])}, path)
        >>> sheet = openpyxl.load_workbook(path)["Cijfers"]
        >>> [(cell.value, cell.data_type) for cell in sheet[3]]
        [('=1+1', 's'), (2020, 'n'), (7.5, 'n')]
    """
    openpyxl = _openpyxl()
    target = refuse_inputs(path, inputs, element="workbook")
    if not isinstance(tables, Mapping) or not tables:
        raise ValidationError("needs at least one table", element="workbook", value=tables)
    from openpyxl.styles import Font  # the excel extra

    book = openpyxl.Workbook(write_only=True)
    bold = Font(bold=True)
    seen: dict[str, str] = {}
    try:
        for name, table in tables.items():
            _check_sheet_name(name, seen)
            columns, rows = _table(name, table)
            _write_sheet(book.create_sheet(title=name), columns, rows, bold)
    except BaseException:
        _discard(book)
        raise
    buffer = io.BytesIO()
    book.save(buffer)
    write_bytes(target, buffer.getvalue(), element="workbook")
    return target


def _write_sheet(
    sheet: Any, columns: Sequence[str], rows: Iterable[Sequence[object]], bold: Any
) -> None:
    from openpyxl.cell import WriteOnlyCell  # the excel extra
    from openpyxl.utils import get_column_letter

    name = sheet.title
    sheet.freeze_panes = "A2"
    iterator = iter(rows)
    # The widths come from the first rows: a table is written as it streams.
    first = list(islice(iterator, 200))
    for index, width in enumerate(_widths(columns, first), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet)
        _set(cell, column, f"sheet {name!r} header")
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for number, row in enumerate(chain(first, iterator), start=2):
        where = f"sheet {name!r} row {number}"
        if isinstance(row, str | bytes) or not isinstance(row, Sequence):
            raise ValidationError("a row is a list of cell values", element=where, value=row)
        if len(row) != len(columns):
            raise ValidationError(
                f"has {len(row)} values for {len(columns)} columns", element=where, value=row
            )
        cells = []
        for column, value in zip(columns, row, strict=True):
            cell = WriteOnlyCell(sheet)
            _set(cell, value, f"{where} column {column!r}")
            cells.append(cell)
        sheet.append(cells)


def _discard(book: Any) -> None:
    """Close the sheets of a workbook that will not be saved, and remove their temporary files."""
    for sheet in book.worksheets:
        # A sheet half written holds an open generator and a temporary file.
        with contextlib.suppress(Exception):
            sheet.close()
        with contextlib.suppress(Exception):
            Path(sheet._writer.out).unlink(missing_ok=True)  # noqa: SLF001  # no public name


def _table(name: str, table: object) -> tuple[list[str], Iterable[Sequence[object]]]:
    if not (isinstance(table, tuple | list) and len(table) == 2):
        raise ValidationError(
            "a table is (column names, rows)", element=f"sheet {name!r}", value=type(table).__name__
        )
    columns, rows = table
    if isinstance(columns, str) or not all(isinstance(c, str) for c in columns):
        raise ValidationError("column names are texts", element=f"sheet {name!r}", value=columns)
    if isinstance(rows, str | bytes):
        raise ValidationError(
            "rows are lists of cell values", element=f"sheet {name!r}", value=rows
        )
    return list(columns), rows


_SHEET_REFUSED: Final = re.compile(r"[\[\]:*?/\\]")


def _check_sheet_name(name: object, seen: dict[str, str]) -> None:
    if not isinstance(name, str) or not name.strip():
        raise ValidationError(
            "a sheet name is a text that is not empty", element="workbook", value=name
        )
    if len(name) > 31 or _SHEET_REFUSED.search(name) or name.startswith("'") or name.endswith("'"):
        raise ValidationError(
            "is not a sheet name Excel allows: at most 31 characters, none of [ ] : * ? / \\, "
            "no ' at either end",
            element="workbook sheet",
            value=name,
        )
    folded = name.casefold()
    if folded in seen:
        # Excel tells sheet names apart regardless of case.
        raise ValidationError(
            f"is the name of two sheets (also {seen[folded]!r})",
            element="workbook sheet",
            value=name,
        )
    seen[folded] = name


# Characters an XML 1.0 file cannot hold, as openpyxl refuses them.
_UNWRITABLE: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_FORMULA_START: Final = ("=", "+", "-", "@")


def _writable(value: object) -> object:
    """``value`` as a cell shows it exactly: NaN empty, what Excel cannot hold as a text."""
    if (isinstance(value, float) and math.isnan(value)) or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _EXCEL_DIGITS:
        # Excel keeps 15 digits of a number: a longer whole number stays whole as a text.
        return str(value)
    if isinstance(value, float) and math.isfinite(value) and abs(value) > _EXCEL_LARGEST:
        return repr(value)
    if isinstance(value, dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        if day < _FIRST_EXCEL_DAY:
            # Excel has no dates before 1900 (and a 29 February 1900 that was not).
            return value.isoformat()
    return value


def _set(cell: Any, value: object, where: str) -> None:
    value = _writable(value)
    if value is None:
        return
    if isinstance(value, str):
        # XML reads every line end as "\n": write what will be read.
        text = _UNWRITABLE.sub(_escape, value.replace("\r\n", "\n").replace("\r", "\n"))
        if len(text) > _MAX_CELL_TEXT:
            raise ValidationError(
                f"is a text of {len(text):,} characters; an Excel cell holds {_MAX_CELL_TEXT:,}",
                element=where,
                value=text,
            )
        cell.value = text
        # openpyxl takes a text that starts with "=" for a formula: a text it stays.
        cell.data_type = "s"
        # Excel's apostrophe: the cell stays text when someone edits it.
        cell.quotePrefix = text.startswith(_FORMULA_START)
    elif isinstance(value, bool):
        cell.value = value
    elif isinstance(value, int | float | decimal.Decimal):
        if not math.isfinite(value):
            raise ValidationError(
                "is not a finite number, which no cell holds", element=where, value=value
            )
        cell.value = value
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = "yyyy-mm-dd hh:mm" if isinstance(value, dt.datetime) else "yyyy-mm-dd"
    else:
        raise ValidationError(
            "a cell value is a text, a number, a truth value, a date or None",
            element=where,
            value=value,
        )


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _widths(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> list[float]:
    widths = []
    for index, column in enumerate(columns):
        longest = len(column)
        for row in rows:
            if isinstance(row, Sequence) and index < len(row) and row[index] is not None:
                longest = max(longest, len(str(row[index]).split("\n", 1)[0]))
        widths.append(float(min(max(longest + 2, 8), 60)))
    return widths
