"""Figures from Excel workbooks, and tables written as workbooks."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import strategies
from progmon import Period, Programme, units
from progmon.errors import (
    AmbiguityError,
    FileFormatError,
    ProgmonError,
    ProgmonFileError,
    UnitError,
    ValidationError,
)
from progmon.io import add_measurements, load, read_measurements
from progmon.io._csv import Figure, read_measurements_text
from progmon.io._xlsx import read_figures, read_measurements_xlsx, write_xlsx

FIXTURES = Path(__file__).parent / "fixtures"
HEADER = ["indicator", "period", "value", "unit"]


def _book(tmp_path: Path, rows: Sequence[Sequence[object]], **options: object) -> Path:
    """A workbook with ``rows`` on a sheet "Cijfers"; options: name, formats {"C2": "0.0%"}."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Cijfers"
    for row in rows:
        sheet.append(list(row))
    formats = options.get("formats", {})
    assert isinstance(formats, dict)
    for coordinate, number_format in formats.items():
        cast("Any", sheet)[coordinate].number_format = number_format
    path = tmp_path / str(options.get("name", "cijfers.xlsx"))
    book.save(path)
    return path


def _one(path: Path, **options: str) -> Figure:
    [figure] = read_measurements_xlsx(path, **options)
    return figure


def _pairs(figures: Sequence[Figure]) -> list[tuple[str, object]]:
    return [(f.indicator, f.measurement) for f in figures]


# --------------------------------------------------------------------------- the fixture


def test_the_fixture_holds_the_figures_of_the_csv_file() -> None:
    workbook = read_measurements_xlsx(FIXTURES / "figures_nl.xlsx")
    assert _pairs(workbook) == _pairs(read_measurements(FIXTURES / "figures_nl.csv"))
    assert workbook[4].measurement.period == Period.month(2019, 12)  # a date cell "mmm-yy"
    assert workbook[4].measurement.sample_size == 1250
    assert [f.origin for f in workbook][:2] == [
        f"{FIXTURES / 'figures_nl.xlsx'} sheet Cijfers row 2",
        f"{FIXTURES / 'figures_nl.xlsx'} sheet Cijfers row 3",
    ]


def test_the_fixture_is_what_its_script_makes(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "make_figures_xlsx", FIXTURES / "make_figures_xlsx.py"
    )
    assert spec is not None
    assert spec.loader is not None
    make_figures_xlsx = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_figures_xlsx)
    made = tmp_path / "made"
    made.mkdir()
    make_figures_xlsx.__dict__["HERE"] = made
    make_figures_xlsx.main()
    assert _pairs(read_measurements_xlsx(made / "figures_nl.xlsx")) == _pairs(
        read_measurements_xlsx(FIXTURES / "figures_nl.xlsx")
    )


def test_the_figures_arrive_in_the_programme() -> None:
    programme: Programme = load(FIXTURES / "figures_programme.toml")
    merged = add_measurements(programme, read_figures(FIXTURES / "figures_nl.xlsx")).programme
    mark = merged.indicator("rapportcijfer_veilige_buurt").measurement(2019)
    assert mark is not None
    assert mark.value == units.Quantity(7.5, "mark")


# --------------------------------------------------------------------------- sheets


def test_a_named_sheet_or_the_first_visible_one(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    hidden = book.active
    assert hidden is not None
    hidden.title = "Codes"
    hidden.append(["niet", "dit"])
    hidden.sheet_state = "hidden"
    for name, value in (("2020", 10), ("2021", 11)):
        sheet = book.create_sheet(name)
        sheet.append(HEADER)
        sheet.append(["meldingen", int(name), value, "report"])
    path = tmp_path / "jaren.xlsx"
    book.save(path)
    assert _one(path).measurement.value == units.Quantity(10, "report")
    assert _one(path, sheet="2021").measurement.value == units.Quantity(11, "report")
    assert _one(path, sheet="2021").origin == f"{path} sheet 2021 row 2"
    with pytest.raises(
        FileFormatError, match=r"no sheet of this name; its sheets are 'Codes', '2020', '2021'"
    ) as caught:
        read_measurements_xlsx(path, sheet="2022")
    assert caught.value.value == "2022"


def test_an_empty_sheet_needs_a_header(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="is empty: it needs a header row") as caught:
        read_measurements_xlsx(_book(tmp_path, []))
    assert caught.value.element.endswith("sheet Cijfers")


# --------------------------------------------------------------------------- columns and rows


def test_dutch_column_names_in_any_case_and_spacing(tmp_path: Path) -> None:
    path = _book(
        tmp_path,
        [
            [
                "Indicator",
                "Periode",
                "Waarde",
                "Eenheid",
                "Bron",
                "Marge",
                "Steekproef-omvang",
                "Opmerking",
                "VOORLOPIG",
            ],
            ["veilig_voelen", 2019, 91, "percent", "Burgerpanel", 1.8, 1250, "nulmeting", "ja"],
        ],
    )
    measurement = _one(path).measurement
    assert measurement.margin == units.Quantity(1.8, "percent")
    assert measurement.sample_size == 1250
    assert measurement.note == "nulmeting"
    assert measurement.source is not None
    assert measurement.source.title == "Burgerpanel"
    assert measurement.provisional is True


def test_empty_rows_and_columns_around_the_data_are_ignored(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([])
    sheet.append([*HEADER, None, "  "])
    sheet.append(["meldingen", 2019, 731, "report", None, ""])
    sheet.append([None, " ", None])
    sheet.append(["meldingen", 2020, 702, "report"])
    # Formatting far right and below makes Excel save cells there, empty.
    sheet["Z40"].number_format = "0.00"
    sheet.cell(row=1000, column=30).value = None
    path = tmp_path / "rand.xlsx"
    book.save(path)
    figures = read_measurements_xlsx(path)
    assert [f.measurement.value.m for f in figures] == [731, 702]
    assert [f.origin.rsplit(" ", 1)[-1] for f in figures] == ["3", "5"]


def test_a_value_in_a_column_without_a_name_is_refused(tmp_path: Path) -> None:
    path = _book(tmp_path, [HEADER, ["meldingen", 2019, 731, "report", None, "vergeten"]])
    with pytest.raises(FileFormatError, match="column without a name") as caught:
        read_measurements_xlsx(path)
    assert caught.value.element.endswith("sheet Cijfers row 2: cell F2")
    assert caught.value.value == "vergeten"


def test_a_gap_in_the_header_is_named(tmp_path: Path) -> None:
    path = _book(tmp_path, [["indicator", "period", None, "value", "unit"]])
    with pytest.raises(
        FileFormatError, match=r"no name for column 3 \(between 'period' and 'value'\)"
    ):
        read_measurements_xlsx(path)


def test_unknown_columns_list_the_dutch_names(tmp_path: Path) -> None:
    path = _book(tmp_path, [[*HEADER, "wijk"]])
    with pytest.raises(FileFormatError, match="in Dutch: indicator, periode, waarde") as caught:
        read_measurements_xlsx(path)
    assert caught.value.value == "wijk"
    assert caught.value.element.endswith("sheet Cijfers row 1")


def test_a_column_twice_by_its_two_names(tmp_path: Path) -> None:
    path = _book(tmp_path, [[*HEADER, "waarde"]])
    with pytest.raises(
        FileFormatError, match=r"the column value twice \(as 'value' and 'waarde'\)"
    ):
        read_measurements_xlsx(path)


# --------------------------------------------------------------------------- cell types


def test_numbers_keep_their_type(tmp_path: Path) -> None:
    path = _book(tmp_path, [HEADER, ["m", 2019, 731, "report"], ["m", 2020, 7.25, "mark"]])
    whole, decimal = read_measurements_xlsx(path)
    assert type(whole.measurement.value.m) is int
    assert whole.measurement.value.m == 731
    assert type(decimal.measurement.value.m) is float
    assert decimal.measurement.value.m == 7.25


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("7,5", 7.5), ("7.5", 7.5), (" 1.089,5 ", 1089.5), ("0,125", 0.125), ("12", 12)],
)
def test_texts_are_read_as_a_dutch_csv_cell(tmp_path: Path, cell: str, expected: float) -> None:
    path = _book(tmp_path, [HEADER, ["m", "2019", cell, "mark"]])
    assert _one(path).measurement.value == units.Quantity(expected, "mark")


def test_a_text_that_could_group_thousands_is_refused(tmp_path: Path) -> None:
    path = _book(tmp_path, [HEADER, ["m", 2019, "1.089", "report"]])
    with pytest.raises(AmbiguityError) as caught:
        read_measurements_xlsx(path)
    assert caught.value.element == f"{path} sheet Cijfers row 2"
    assert caught.value.value == "1.089"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [(True, True), (False, False), ("WAAR", True), ("ONWAAR", False), ("TRUE", True),
     ("false", False), ("ja", True), ("Nee", False), (None, False), (1, True), (0, False)],
)  # fmt: skip
def test_truth_values(tmp_path: Path, cell: object, expected: bool) -> None:
    path = _book(tmp_path, [[*HEADER, "voorlopig"], ["m", 2019, 1, "report", cell]])
    assert _one(path).measurement.provisional is expected


def test_a_truth_value_is_no_number(tmp_path: Path) -> None:
    path = _book(tmp_path, [HEADER, ["m", 2019, True, "report"]])
    with pytest.raises(FileFormatError, match="truth value"):
        read_measurements_xlsx(path)


@pytest.mark.parametrize(
    ("cell", "number_format", "expected"),
    [
        (dt.date(2019, 12, 1), "mmm-yy", Period.month(2019, 12)),
        (dt.date(2019, 12, 1), "mmmm yyyy", Period.month(2019, 12)),
        (
            dt.date(2019, 12, 31),
            "dd-mm-yyyy",
            Period.between(dt.date(2019, 12, 31), dt.date(2019, 12, 31)),
        ),
        (
            dt.date(2019, 12, 31),
            "yyyy-mm-dd",
            Period.between(dt.date(2019, 12, 31), dt.date(2019, 12, 31)),
        ),
        (dt.date(2019, 1, 1), "yyyy", Period.year(2019)),
        (dt.date(2019, 1, 1), '"jaar "yyyy', Period.year(2019)),
        (2019, "General", Period.year(2019)),
        (2019.0, "0.0", Period.year(2019)),
        ("2019-12", "@", Period.month(2019, 12)),
        ("2019JJ00", "General", Period.year(2019)),
    ],
)
def test_periods_as_the_cell_shows_them(
    tmp_path: Path, cell: object, number_format: str, expected: Period
) -> None:
    path = _book(tmp_path, [HEADER, ["m", cell, 1, "report"]], formats={"B2": number_format})
    assert _one(path).measurement.period == expected


def test_a_year_in_a_date_cell_gets_advice(tmp_path: Path) -> None:
    # 2021 typed into a cell formatted as a date shows 13-07-1905.
    path = _book(tmp_path, [HEADER, ["m", 2021, 1, "report"]], formats={"B2": "dd-mm-yyyy"})
    with pytest.raises(
        FileFormatError, match="to mean the year 2021, format the cell as a number"
    ) as caught:
        read_measurements_xlsx(path)
    assert caught.value.element.endswith("row 2: cell B2")
    assert caught.value.value == "1905-07-13"


def test_a_moment_is_no_period(tmp_path: Path) -> None:
    path = _book(tmp_path, [HEADER, ["m", dt.datetime(2019, 12, 1, 14, 30), 1, "report"]])  # noqa: DTZ001
    with pytest.raises(FileFormatError, match="is a time"):
        read_measurements_xlsx(path)


def test_a_date_is_no_value(tmp_path: Path) -> None:
    path = _book(tmp_path, [HEADER, ["m", 2019, dt.date(2019, 3, 7), "report"]])
    with pytest.raises(FileFormatError, match="value: is a date") as caught:
        read_measurements_xlsx(path)
    assert caught.value.element.endswith("cell C2")


# --------------------------------------------------------------------------- percentages


@pytest.mark.parametrize(
    ("unit", "expected"),
    [("percent", units.Quantity(28.8, "percent")), ("%", units.Quantity(28.8, "percent")),
     ("permille", units.Quantity(288, "permille")), ("", units.Quantity(28.8, "percent"))],
)  # fmt: skip
def test_a_percentage_cell_is_what_it_shows(tmp_path: Path, unit: str, expected: object) -> None:
    # Excel keeps 28,8% as 0.288; the analyst sees, and means, 28.8 %.
    path = _book(
        tmp_path,
        [[*HEADER, "marge"], ["m", 2019, 0.288, unit, 0.018]],
        formats={"C2": "0.0%", "E2": "0.0%"},
    )
    measurement = _one(path).measurement
    assert measurement.value == expected
    assert measurement.value.m == pytest.approx(expected.m, abs=0)  # type: ignore[attr-defined]
    assert measurement.margin is not None
    assert measurement.margin.to("percent").m == pytest.approx(1.8, rel=1e-12)


def test_a_percent_sign_in_quotes_does_not_scale(tmp_path: Path) -> None:
    path = _book(tmp_path, [HEADER, ["m", 2019, 28.8, "percent"]], formats={"C2": '0.0" %"'})
    assert _one(path).measurement.value == units.Quantity(28.8, "percent")


@pytest.mark.parametrize("cell", ["28,8%", "28.8 %", " 28,8 % "])
def test_a_percentage_as_text(tmp_path: Path, cell: str) -> None:
    path = _book(tmp_path, [HEADER, ["m", 2019, cell, "percent"]])
    assert _one(path).measurement.value == units.Quantity(28.8, "percent")


def test_a_percentage_needs_a_share_as_its_unit(tmp_path: Path) -> None:
    path = _book(tmp_path, [HEADER, ["m", 2019, "28,8%", "report"]])
    with pytest.raises(UnitError, match="is a percentage, but the unit is report") as caught:
        read_measurements_xlsx(path)
    assert caught.value.value == "28,8%"


# --------------------------------------------------------------------------- formulas and errors


def test_a_formula_is_its_saved_result(tmp_path: Path) -> None:
    path = _book(tmp_path, [HEADER, ["m", 2019, "=2*3", "report"]])
    # Excel saves each formula with its result; openpyxl writes none: put one in, as Excel would.
    saved = tmp_path / "saved.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(saved, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<f>2*3</f><v></v>", b"<f>2*3</f><v>6</v>")
                data = data.replace(b"<f>2*3</f><v />", b"<f>2*3</f><v>6</v>")
                assert b"<v>6</v>" in data
            target.writestr(item, data)
    assert _one(saved).measurement.value == units.Quantity(6, "report")
    with pytest.raises(FileFormatError, match="formula whose result is not saved") as caught:
        read_measurements_xlsx(path)
    assert caught.value.element == f"{path} sheet Cijfers row 2: cell C2"
    assert caught.value.value == "=2*3"


def test_a_row_of_formulas_without_results_is_empty(tmp_path: Path) -> None:
    # Template rows: =ALS(A2="";"";...) in every cell, for next year's figures.
    path = _book(tmp_path, [HEADER, ["m", 2019, 1, "report"], ['=IF(A2="","",A2)'] * 4])
    assert len(read_measurements_xlsx(path)) == 1


def test_an_excel_error_is_named(tmp_path: Path) -> None:
    path = _book(tmp_path, [HEADER, ["m", 2019, "#DIV/0!", "report"]])
    with pytest.raises(FileFormatError, match="Excel error") as caught:
        read_measurements_xlsx(path)
    assert caught.value.value == "#DIV/0!"
    assert caught.value.element.endswith("cell C2")


# --------------------------------------------------------------------------- files that are not workbooks


def test_files_that_are_not_workbooks(tmp_path: Path) -> None:
    text = tmp_path / "figures.xlsx"
    text.write_text("indicator;period;value;unit\n", encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"not an Excel workbook.*looks like text"):
        read_measurements_xlsx(text)
    encrypted = tmp_path / "beveiligd.xlsx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(FileFormatError, match="encrypted"):
        read_measurements_xlsx(encrypted)
    other_zip = tmp_path / "archief.xlsx"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("readme.txt", "geen werkmap")
    with pytest.raises(FileFormatError, match="not a readable workbook"):
        read_measurements_xlsx(other_zip)
    with pytest.raises(ProgmonFileError, match="cannot be read"):
        read_measurements_xlsx(tmp_path / "er-niet.xlsx")


def test_a_corrupt_sheet_is_one_clear_error(tmp_path: Path) -> None:
    path = _book(tmp_path, [HEADER, ["m", 2019, 1, "report"]])
    broken = tmp_path / "kapot.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    with pytest.raises(FileFormatError, match="not a readable workbook") as caught:
        read_measurements_xlsx(broken)
    assert caught.value.element == str(broken)


def test_without_openpyxl_the_message_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _book(tmp_path, [HEADER])
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ProgmonError, match=r'pip install "progmon-nl\[excel\]"'):
        read_measurements_xlsx(path)
    with pytest.raises(ProgmonError, match=r'pip install "progmon-nl\[excel\]"'):
        write_xlsx({"a": (["x"], [])}, tmp_path / "uit.xlsx")


# --------------------------------------------------------------------------- read_figures


def test_read_figures_chooses_by_suffix(tmp_path: Path) -> None:
    csv = tmp_path / "cijfers.TXT"
    csv.write_text("indicator,period,value,unit\nm,2019,1,report\n", encoding="utf-8")
    assert read_figures(csv)[0].origin == f"{csv} line 2"
    book = _book(tmp_path, [HEADER, ["m", 2019, 1, "report"]], name="cijfers.xlsm")
    assert read_figures(book)[0].origin == f"{book} sheet Cijfers row 2"
    with pytest.raises(ValidationError, match="no sheets"):
        read_figures(csv, sheet="Cijfers")


@pytest.mark.parametrize(
    ("name", "advice"), [("oud.xls", "save it in Excel as an Excel workbook"), ("cijfers.json", "")]
)
def test_read_figures_refuses_other_files(tmp_path: Path, name: str, advice: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(
        FileFormatError, match=r"figures files are \.csv, \.txt, \.xlsm, \.xlsx"
    ) as caught:
        read_figures(path)
    assert advice in str(caught.value)


# --------------------------------------------------------------------------- writing


def _read_back(path: Path, sheet: str) -> list[list[Any]]:
    return [list(row) for row in openpyxl.load_workbook(path)[sheet].iter_rows()]


def test_write_xlsx_round_trip(tmp_path: Path) -> None:
    tables: dict[str, Any] = {
        "Status": (["indicator", "status"], [["misdrijven", "op koers"]]),
        "Cijfers": (
            ["indicator", "periode", "waarde", "voorlopig", "datum", "leeg"],
            [["misdrijven", 2019, 4190, False, dt.date(2020, 3, 1), None], ["veilig", 2020, 7.5, True, None, float("nan")]],
        ),
    }  # fmt: skip
    path = write_xlsx(tables, tmp_path / "export.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Status", "Cijfers"]
    sheet = book["Cijfers"]
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    assert not sheet["A2"].font.bold
    assert [c.value for c in sheet[2]] == [
        "misdrijven",
        2019,
        4190,
        False,
        dt.datetime(2020, 3, 1),  # noqa: DTZ001  # what openpyxl reads
        None,
    ]
    assert [c.data_type for c in sheet[2]][:4] == ["s", "n", "n", "b"]
    assert [c.value for c in sheet[3]] == ["veilig", 2020, 7.5, True, None, None]
    assert sheet.column_dimensions["A"].width >= len("misdrijven")
    assert sheet.max_row == 3


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        '=HYPERLINK("http://example.org","klik")',
        "+31 6 1234",
        "-5",
        "@SUM(A1)",
        "=cmd|' /C calc'!A0",
    ],
)
def test_formula_looking_texts_stay_texts(tmp_path: Path, text: str) -> None:
    path = write_xlsx({"t": (["note"], [[text]])}, tmp_path / "t.xlsx")
    cell = _read_back(path, "t")[1][0]
    assert cell.value == text
    assert cell.data_type == "s"
    assert cell.quotePrefix
    with zipfile.ZipFile(path) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")


def test_hostile_texts_are_written_inert(tmp_path: Path) -> None:
    long_text = "x" * 32_767
    rows = [["wijk\x1b[2J\x00einde"], ["tab\tand\nnewline"], [long_text], ["\u202eevil"]]
    path = write_xlsx({"t": (["note"], rows)}, tmp_path / "t.xlsx")
    values = [row[0].value for row in _read_back(path, "t")[1:]]
    assert values == ["wijk\\x1b[2J\\x00einde", "tab\tand\nnewline", long_text, "\u202eevil"]
    with pytest.raises(ValidationError, match="an Excel cell holds 32,767") as caught:
        write_xlsx({"t": (["note"], [["y" * 32_768]])}, tmp_path / "te-lang.xlsx")
    assert caught.value.element == "sheet 't' row 2 column 'note'"
    assert not (tmp_path / "te-lang.xlsx").exists()


def test_what_excel_cannot_hold_is_written_as_text(tmp_path: Path) -> None:
    path = write_xlsx(
        {"t": (["n", "d"], [[2**60, dt.date(1899, 12, 31)], [10**15 - 1, dt.date(1900, 3, 1)]])},
        tmp_path / "t.xlsx",
    )
    rows = _read_back(path, "t")
    assert [c.value for c in rows[1]] == [str(2**60), "1899-12-31"]
    assert [c.value for c in rows[2]] == [10**15 - 1, dt.datetime(1900, 3, 1)]  # noqa: DTZ001


@pytest.mark.parametrize(
    ("tables", "message"),
    [
        ({}, "at least one table"),
        ({"x" * 32: (["a"], [])}, "not a sheet name Excel allows"),
        ({"a/b": (["a"], [])}, "not a sheet name Excel allows"),
        ({"Cijfers": (["a"], []), "cijfers": (["a"], [])}, "name of two sheets"),
        ({"t": (["a", "b"], [[1]])}, "1 values for 2 columns"),
        ({"t": (["a"], [[float("inf")]])}, "not a finite number"),
        ({"t": (["a"], [[units.Quantity(1, "report")]])}, "a cell value is a text"),
        ({"t": (["a"], ["abc"])}, "a row is a list"),
        ({"t": "abc"}, "a table is"),
    ],
)
def test_write_xlsx_refuses(tmp_path: Path, tables: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        write_xlsx(tables, tmp_path / "t.xlsx")


def test_write_xlsx_never_writes_over_an_input(tmp_path: Path) -> None:
    source = _book(tmp_path, [HEADER])
    before = source.read_bytes()
    with pytest.raises(ProgmonFileError, match="is one of the inputs"):
        write_xlsx({"t": (["a"], [])}, source, inputs=[source])
    assert source.read_bytes() == before
    with pytest.raises(ProgmonFileError, match="folder"):
        write_xlsx({"t": (["a"], [])}, tmp_path)


def test_written_figures_read_back(tmp_path: Path) -> None:
    rows = [["meldingen", 2019, 731, "report", "Politie", None, None, "=niet rekenen", False]]
    columns = [
        "indicator",
        "periode",
        "waarde",
        "eenheid",
        "bron",
        "marge",
        "steekproef",
        "noot",
        "voorlopig",
    ]
    path = write_xlsx({"Cijfers": (columns, rows)}, tmp_path / "cijfers.xlsx")
    figure = _one(path)
    assert figure.measurement.value == units.Quantity(731, "report")
    assert figure.measurement.note == "=niet rekenen"


def test_a_long_sheet_is_read_one_row_at_a_time(tmp_path: Path) -> None:
    # A million rows take minutes to build; instead: the rows are a stream
    # (no list of the sheet is built), and a declared dimension of a million
    # rows does not make the reader walk them.
    path = write_xlsx(
        {"Cijfers": (HEADER, ([f"m{n}", 2019, n, "report"] for n in range(5_000)))},
        tmp_path / "lang.xlsx",
    )
    figures = read_measurements_xlsx(path)
    assert len(figures) == 5_000
    assert figures[-1].origin.endswith("row 5001")
    lying = tmp_path / "liegt.xlsx"
    with (
        zipfile.ZipFile(path) as source,
        zipfile.ZipFile(lying, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(b"<sheetPr>", b'<dimension ref="A1:XFD1048576"/><sheetPr>', 1)
                data = data.replace(b"<worksheet", b"<worksheet", 1)
            target.writestr(item, data)
    assert len(read_measurements_xlsx(lying)) == 5_000


# --------------------------------------------------------------------------- properties


@settings(max_examples=40)
@given(strategies.figure_rows())
def test_a_workbook_and_its_csv_text_hold_the_same_figures(rows: list[list[object]]) -> None:
    import tempfile  # hypothesis runs many examples in one tmp_path

    with tempfile.TemporaryDirectory() as folder:
        columns = list(strategies.FIGURE_COLUMNS)
        path = write_xlsx({"Cijfers": (columns, rows)}, Path(folder) / "cijfers.xlsx")
        from_workbook = read_measurements_xlsx(path)
    text = strategies.figure_csv(columns, rows)
    from_csv = read_measurements_text(text, origin="cijfers.csv")
    assert _pairs(from_workbook) == _pairs(from_csv)
    assert len(from_workbook) == len(rows)


@settings(max_examples=25)
@given(st.lists(st.lists(strategies.table_cells, min_size=3, max_size=3), max_size=4))
def test_any_table_cells_are_written_and_read_back(rows: list[list[object]]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = write_xlsx({"t": (["a", "b", "c"], rows)}, Path(folder) / "t.xlsx")
        back = _read_back(path, "t")[1:]
    # A workbook holds no empty rows at its end.
    assert len(back) == max(
        (n + 1 for n, row in enumerate(rows) if any(c is not None and c != "" for c in row)),
        default=0,
    )
    for written, read in zip(rows, back, strict=False):
        for value, cell in zip(written, read, strict=True):
            assert cell.value == _as_excel_shows(value)
            if isinstance(value, str) and value:
                assert cell.data_type == "s"


def _as_excel_shows(value: object) -> object:  # noqa: PLR0911  # a return a rule
    """What a cell written with ``value`` holds when read back, by write_xlsx's rules."""
    if value == "":
        return None  # a workbook holds no empty texts
    if isinstance(value, str):
        text = value.replace("\r\n", "\n").replace("\r", "\n")
        return "".join(c if c in "\t\n" or ord(c) >= 32 else f"\\x{ord(c):02x}" for c in text)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**15:
        return str(value)
    if isinstance(value, float):
        # openpyxl writes 16 significant digits (Excel shows 15).
        return repr(value) if abs(value) > 9.99999999999999e307 else float(f"{value:.16g}")
    if isinstance(value, dt.date):
        if value < dt.date(1900, 3, 1):
            return value.isoformat()
        return dt.datetime(value.year, value.month, value.day)  # noqa: DTZ001
    return value


def test_title_rows_above_the_header_are_passed_over(tmp_path: Path) -> None:
    path = _book(
        tmp_path,
        [
            ["Tabel 3. Veiligheid in cijfers"],
            ["Bron: Politie, via waarstaatjegemeente.nl"],
            [],
            ["Indicator", "Periode", "Waarde", "Eenheid"],
            ["winkeldiefstallen", 2021, 2.8, "winkeldiefstallen per 1.000 inwoners"],
        ],
    )
    (figure,) = read_measurements_xlsx(path)
    assert figure.origin.endswith("row 5")
    assert figure.measurement.value.m == 2.8


def test_a_row_of_several_cells_above_the_header_is_still_an_error(tmp_path: Path) -> None:
    path = _book(tmp_path, [["Tabel 3", "2021"], ["indicator", "periode", "waarde", "eenheid"]])
    with pytest.raises(FileFormatError, match=r"row 1.*unknown columns"):
        read_measurements_xlsx(path)


def _padded(tmp_path: Path, part: str, before: bytes, padding: bytes) -> Path:
    """A workbook of one figure whose ``part`` holds ``padding`` before ``before``."""
    plain = _book(
        tmp_path, [["indicator", "periode", "waarde", "eenheid"], ["x", 2019, 5, "count"]]
    )
    target = tmp_path / "padded.xlsx"
    with (
        zipfile.ZipFile(plain) as source,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == part:
                at = data.index(before)
                data = data[:at] + padding + data[at:]
            out.writestr(item, data)
    return target


@pytest.mark.parametrize(
    ("part", "before"),
    [("xl/worksheets/sheet1.xml", b"<sheetData>"), ("xl/styles.xml", b"<fonts")],
)
def test_a_part_packed_tighter_than_any_workbook_is_refused_unread(
    tmp_path: Path, part: str, before: bytes
) -> None:
    # A comment of 16 MB takes the XML parser about ten seconds (its time grows with
    # the square of one comment's length), 200 MB half an hour; packed, it is 16 kB.
    path = _padded(tmp_path, part, before, b"<!--" + b"a" * (16 * 1024 * 1024) + b"-->")
    assert path.stat().st_size < 100_000
    with pytest.raises(FileFormatError, match="more tightly than any workbook") as raised:
        read_measurements_xlsx(path)
    assert part in str(raised.value)


def test_a_workbook_packed_as_workbooks_are_is_read(tmp_path: Path) -> None:
    # Comments of a few kilobytes, as tools leave them: read as any workbook.
    path = _padded(
        tmp_path, "xl/worksheets/sheet1.xml", b"<sheetData>", b"<!-- made by a tool -->" * 200
    )
    (figure,) = read_measurements_xlsx(path)
    assert figure.measurement.value.m == 5
