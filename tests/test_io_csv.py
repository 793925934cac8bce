"""Figures from CSV files: separators, decimal commas, missing figures, duplicates, errors."""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path

import pytest

from progmon import Measurement, Period, Programme, units
from progmon.errors import (
    AmbiguityError,
    DuplicateError,
    FileFormatError,
    ProgmonError,
    ProgmonFileError,
    ProgmonWarning,
    UnitError,
    ValidationError,
)
from progmon.io import (
    add_measurements,
    load,
    load_measurements,
    read_measurements,
    read_measurements_text,
)
from progmon.io._csv import Figure, parse_number

FIXTURES = Path(__file__).parent / "fixtures"
HEADER = "indicator;period;value;unit;source;margin;sample_size;note;provisional\n"


@pytest.fixture
def programme() -> Programme:
    return load(FIXTURES / "figures_programme.toml")


def _write(tmp_path: Path, text: str, name: str = "figures.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_dutch_file_with_semicolons_and_decimal_commas(programme: Programme) -> None:
    result = load_measurements(programme, FIXTURES / "figures_nl.csv")
    # The review's table Woonoverlast, burengerucht 2016-2019: 273, 276, 250, 234.
    burengerucht = result.indicator("woonoverlast_burengerucht")
    assert [m.value.m_as("report") for m in burengerucht.measurements] == [273, 276, 250, 234]
    assert burengerucht.measurements[-1].source is not None
    assert burengerucht.measurements[-1].source.title == "Politie jaarcijfers 2019"
    # "In 2019 is het rapportcijfer veilige buurt een 7,5."
    mark = result.indicator("rapportcijfer_veilige_buurt").measurement(2019)
    assert mark is not None
    assert mark.value == units.Quantity(7.5, "mark")
    assert mark.note == "nulmeting"
    safe = result.indicator("veilig_voelen").measurement(Period.month(2019, 12))
    assert safe is not None
    assert safe.value == units.Quantity(91, "percent")
    assert safe.margin == units.Quantity(1.8, "percent")
    assert safe.sample_size == 1250  # "1.250" in a Dutch file
    assert safe.provisional is False


def test_missing_figures_are_kept_with_their_note(programme: Programme) -> None:
    result = load_measurements(programme, FIXTURES / "figures_nl.csv")
    not_measured = result.indicator("meldingsbereidheid").measurements
    assert len(not_measured) == 1
    assert not_measured[0].is_missing
    assert not_measured[0].note == "De indicator (meldingsbereidheid) is nog niet gemeten."
    empty = result.indicator("misdrijven").measurement(2020)
    assert empty is not None
    assert empty.is_missing
    assert empty.note == "cijfers volgen in maart"


def test_comma_file_with_bom_quotes_ranges_and_flags(programme: Programme) -> None:
    result = load_measurements(programme, FIXTURES / "figures_en.csv")
    # CBS Veiligheidsmonitor, Almelo, "Onveiligheidsgevoelens algemeen: wel eens": 37,2 / 36,0 / 31,0 %.
    feelings = result.indicator("onveilig_algemeen").measurements
    assert [m.value.m_as("percent") for m in feelings] == [37.2, 36.0, 31.0]
    assert feelings[0].note == "Veiligheidsmonitor, nulmeting"
    assert [m.provisional for m in feelings] == [False, False, True]
    half_year = result.indicator("overlast_registraties").measurements[0]
    assert half_year.period == Period.between(date(2019, 1, 1), date(2019, 6, 30))
    assert half_year.note == 'first half year, "Q1+Q2"'
    assert half_year.provisional


def test_figures_know_their_line() -> None:
    figures = read_measurements(FIXTURES / "figures_en.csv")
    assert [f.origin.rsplit(" ", 1)[-1] for f in figures] == ["2", "3", "4", "6"]


def test_values_in_another_unit_are_converted(programme: Programme, tmp_path: Path) -> None:
    path = _write(tmp_path, "indicator,period,value,unit\nveilig_voelen,2019,0.91,dimensionless\n")
    figure = load_measurements(programme, path).indicator("veilig_voelen").measurement(2019)
    assert figure is not None
    assert figure.value.m_as("percent") == pytest.approx(91.0, rel=1e-12)


def test_an_empty_unit_means_the_indicators_unit(programme: Programme, tmp_path: Path) -> None:
    path = _write(tmp_path, "indicator,period,value,unit\nmisdrijven,2019,4190,\n")
    assert load_measurements(programme, path).indicator(
        "misdrijven"
    ).latest.value == units.Quantity(4190, "crime")


def test_the_input_programme_is_unchanged(programme: Programme) -> None:
    before = programme.indicator("woonoverlast_burengerucht").measurements
    load_measurements(programme, FIXTURES / "figures_nl.csv")
    assert programme.indicator("woonoverlast_burengerucht").measurements == before


# --------------------------------------------------------------------------- duplicates


def test_a_figure_already_there_is_refused(programme: Programme, tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER + "woonoverlast_burengerucht;2016;280;report;;;;;\n")
    with pytest.raises(
        DuplicateError, match=r"figures\.csv line 2: .*273 report.*replace=True"
    ) as caught:
        load_measurements(programme, path)
    assert caught.value.value == "2016"


def test_replacing_reports_the_old_figure(programme: Programme, tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER + "woonoverlast_burengerucht;2016;280;report;;;;;\n")
    with pytest.warns(
        ProgmonWarning, match=r"2016: replaced the figure 273(\.0)? report by 280(\.0)? report"
    ):
        result = load_measurements(programme, path, replace=True)
    assert result.indicator("woonoverlast_burengerucht").measurement(2016).value == units.Quantity(
        280, "report"
    )
    merge = add_measurements(programme, read_measurements(path), replace=True)
    [(indicator, old, new)] = merge.replaced
    assert indicator == "woonoverlast_burengerucht"
    assert old.value == units.Quantity(273, "report")
    assert new.value == units.Quantity(280, "report")


def test_a_missing_figure_may_be_filled_in(programme: Programme, tmp_path: Path) -> None:
    with_gap = load_measurements(programme, FIXTURES / "figures_nl.csv")
    path = _write(tmp_path, HEADER + "misdrijven;2020;4012;crime;Politie jaarcijfers 2020;;;;\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        filled = load_measurements(with_gap, path)
    assert filled.indicator("misdrijven").measurement(2020).value == units.Quantity(4012, "crime")


def test_two_figures_for_one_period_in_one_file(programme: Programme, tmp_path: Path) -> None:
    text = HEADER + "misdrijven;2019;1;crime;;;;;\nmisdrijven;2019;2;crime;;;;;\n"
    with pytest.raises(DuplicateError, match=r"line 3: .*the first: .*line 2"):
        load_measurements(programme, _write(tmp_path, text), replace=True)


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("text", "error", "where", "value"),
    [
        (
            HEADER + "onbekend;2019;1;report;;;;;\n",
            ValidationError,
            "line 2: indicator",
            "onbekend",
        ),
        (HEADER + "misdrijven;2019;1;misdaad;;;;;\n", UnitError, "line 2", "misdaad"),
        (HEADER + "misdrijven;2019;1;report / inhabitant;;;;;\n", UnitError, "line 2", None),
        (
            HEADER + "veilig_voelen;2019;120;percent;;;;;\n",
            ValidationError,
            "line 2",
            "120.0 percent",
        ),
        (HEADER + "misdrijven;2019;-3;crime;;;;;\n", ValidationError, "line 2", "-3.0 crime"),
        (HEADER + "misdrijven;2019;1.089;crime;;;;;\n", AmbiguityError, "line 2", "1.089"),
        (HEADER + "misdrijven;2019;veel;crime;;;;;\n", FileFormatError, "line 2", "veel"),
        (HEADER + "misdrijven;2019;1;crime;;-1;;;\n", ValidationError, "line 2", None),
        (HEADER + "misdrijven;negentien;1;crime;;;;;\n", ValidationError, "line 2", "negentien"),
        (HEADER + "misdrijven;2019;1;crime;;;veel;;\n", FileFormatError, "line 2", "veel"),
        (
            HEADER + "misdrijven;2019;1;crime;;;;;misschien\n",
            FileFormatError,
            "line 2",
            "misschien",
        ),
        (HEADER + ";2019;1;crime;;;;;\n", FileFormatError, "line 2", ""),
        (HEADER + "misdrijven;2019;1;crime\n", FileFormatError, "line 2", None),
        (
            'indicator,period,value,unit\nmisdrijven,2019,"4,5",crime\n',
            FileFormatError,
            "line 2",
            "4,5",
        ),
        ("indicator,period,value\nmisdrijven,2019,1\n", FileFormatError, "line 1", None),
        (
            "indicator,period,value,unit,waarde\nmisdrijven,2019,1,crime,2\n",
            FileFormatError,
            "line 1",
            "waarde",
        ),
        ("indicator,period,value,unit,unit\n", FileFormatError, "line 1", "unit"),
        ("\n\n", FileFormatError, "", None),
    ],
)
def test_errors_name_file_line_and_value(  # noqa: PLR0917  # pytest passes parameters by name
    programme: Programme,
    tmp_path: Path,
    text: str,
    error: type[ProgmonError],
    where: str,
    value: object,
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(error) as caught:
        load_measurements(programme, path)
    assert caught.value.element.startswith(f"{path} {where}".strip())
    if value is not None:
        assert caught.value.value == value


def test_nothing_is_half_loaded(programme: Programme, tmp_path: Path) -> None:
    text = HEADER + "misdrijven;2019;4190;crime;;;;;\nonbekend;2019;1;report;;;;;\n"
    with pytest.raises(ValidationError):
        load_measurements(programme, _write(tmp_path, text))
    assert programme.indicator("misdrijven").measurements == ()


def test_unreadable_files(programme: Programme, tmp_path: Path) -> None:
    with pytest.raises(ProgmonFileError, match="cannot be read"):
        load_measurements(programme, tmp_path / "missing.csv")
    path = tmp_path / "latin.csv"
    path.write_bytes(
        "indicator;period;value;unit;note\nmisdrijven;2019;1;crime;Almelo\xebrs\n".encode("latin-1")
    )
    with pytest.raises(FileFormatError, match="UTF-8"):
        load_measurements(programme, path)


@pytest.mark.parametrize(
    ("text", "comma", "expected"),
    [
        ("37,2", True, 37.2),
        ("1.089,5", True, 1089.5),
        ("-0,5", True, -0.5),
        ("7.5", True, 7.5),
        ("7.5", False, 7.5),
        ("1089", False, 1089.0),
        ("1e3", False, 1000.0),
        (" 12 ", False, 12.0),
    ],
)
def test_parse_number(text: str, comma: bool, expected: float) -> None:
    assert parse_number(text, decimal_comma=comma) == expected


def test_add_measurements_refuses_unknown_indicators(programme: Programme) -> None:
    figure = Figure("nope", Measurement(2019, 1), "here")
    with pytest.raises(ValidationError, match="here: indicator"):
        add_measurements(programme, [figure])


@pytest.mark.parametrize("sample", ["²", "١٢", "12.5", "1 250", "+12"])
def test_sample_size_is_ascii_digits_only(
    programme: Programme, tmp_path: Path, sample: str
) -> None:
    # "²" passes str.isdigit() but not int(): it must still be one ProgmonError, never a ValueError.
    text = f"indicator,period,value,unit,sample_size\nveilig_voelen,2019,91,percent,{sample}\n"
    with pytest.raises(FileFormatError) as caught:
        load_measurements(programme, _write(tmp_path, text))
    assert caught.value.value == sample
    assert "line 2" in caught.value.element


@pytest.mark.parametrize("column", ["Sample size", "sample-size", " SAMPLE_SIZE "])
def test_header_names_as_spreadsheets_write_them(
    programme: Programme, tmp_path: Path, column: str
) -> None:
    text = f"Indicator;Period;Value;Unit;{column}\nveilig_voelen;2019;91;percent;1.250\n"
    result = load_measurements(programme, _write(tmp_path, text))
    assert result.indicator("veilig_voelen").measurement(2019).sample_size == 1250


def test_tab_separated_file_gets_advice(programme: Programme, tmp_path: Path) -> None:
    text = "indicator\tperiod\tvalue\tunit\nveilig_voelen\t2019\t91\tpercent\n"
    with pytest.raises(FileFormatError, match=r"separate the columns by , or ;"):
        load_measurements(programme, _write(tmp_path, text))


def test_figures_for_a_component_and_its_total_both_arrive(tmp_path: Path) -> None:
    programme = load(FIXTURES.parents[1] / "examples" / "veiligheid.toml")
    file = tmp_path / "woonoverlast.csv"
    file.write_text(
        "indicator,period,value,unit\n"
        "woonoverlast-burengerucht,2020,200,report\n"
        "woonoverlast,2020,900,report\n",
        encoding="utf-8",
    )
    loaded = load_measurements(programme, file)
    component = loaded.indicator("woonoverlast-burengerucht").measurement(2020)
    total = loaded.indicator("woonoverlast").measurement(2020)
    assert component is not None
    assert component.value == units.Quantity(200, "report")
    assert total is not None
    assert total.value == units.Quantity(900, "report")
    # The total's own component is the updated one, not the one it had before.
    inner = next(
        c
        for c in loaded.indicator("woonoverlast").components
        if c.id == "woonoverlast-burengerucht"
    )
    assert inner.measurement(2020) == component


# --------------------------------------------------------------------------- as spreadsheets save them


def test_dutch_column_names(programme: Programme, tmp_path: Path) -> None:
    text = (
        "Indicator;Periode;Waarde;Eenheid;Bron;Marge;Steekproefomvang;Opmerking;Voorlopig\n"
        "veilig_voelen;2019;91;percent;Burgerpanel;1,8;1.250;nulmeting;WAAR\n"
    )
    figure = load_measurements(programme, _write(tmp_path, text)).indicator("veilig_voelen")
    measurement = figure.measurement(2019)
    assert measurement is not None
    assert measurement.margin == units.Quantity(1.8, "percent")
    assert measurement.sample_size == 1250
    assert measurement.note == "nulmeting"
    assert measurement.source is not None
    assert measurement.source.title == "Burgerpanel"
    assert measurement.provisional is True


@pytest.mark.parametrize(
    ("alias", "column"),
    [("noot", "note"), ("steekproef", "sample_size"), ("steekproef omvang", "sample_size")],
)
def test_each_dutch_name_names_its_column(alias: str, column: str) -> None:
    from progmon.io._csv import column_name

    assert column_name(alias) == column
    assert column_name(alias.upper().replace(" ", "-")) == column


def test_a_column_by_both_its_names_is_twice(programme: Programme, tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match=r"the column note twice \(as 'note' and 'Noot'\)"):
        load_measurements(programme, _write(tmp_path, "indicator;period;value;unit;note;Noot\n"))


def test_empty_columns_right_of_the_header_are_ignored(
    programme: Programme, tmp_path: Path
) -> None:
    # Excel saves the columns a user once formatted: ";;;" after the header and every row.
    text = "indicator;periode;waarde;eenheid;;;\nmisdrijven;2019;4190;crime;;;\n;;;;;;\nmisdrijven;2020;4012;crime;;\n"
    result = load_measurements(programme, _write(tmp_path, text)).indicator("misdrijven")
    assert [m.value.m_as("crime") for m in result.measurements] == [4190, 4012]


def test_a_value_in_the_empty_columns_is_refused(programme: Programme, tmp_path: Path) -> None:
    text = "indicator;period;value;unit;;\nmisdrijven;2019;4190;crime;;vergeten\n"
    with pytest.raises(
        FileFormatError, match="has 6 cells where the header has 4 columns"
    ) as caught:
        load_measurements(programme, _write(tmp_path, text))
    assert caught.value.element == f"{tmp_path / 'figures.csv'} line 2"


def test_an_empty_header_cell_between_columns_is_named(
    programme: Programme, tmp_path: Path
) -> None:
    text = "indicator;period;;value;unit\n"
    with pytest.raises(
        FileFormatError, match=r"no name for column 3 \(between 'period' and 'value'\)"
    ) as caught:
        load_measurements(programme, _write(tmp_path, text))
    # Not the cryptic "(got '')" of an unknown column.
    assert "(got" not in str(caught.value)


@pytest.mark.parametrize(
    ("flag", "expected"), [("WAAR", True), ("ONWAAR", False), ("Waar", True), ("TRUE", True)]
)
def test_excel_truth_values(
    programme: Programme, tmp_path: Path, flag: str, expected: bool
) -> None:
    text = f"indicator;period;value;unit;provisional\nmisdrijven;2019;4190;crime;{flag}\n"
    result = load_measurements(programme, _write(tmp_path, text)).indicator("misdrijven")
    assert result.latest.provisional is expected


@pytest.mark.parametrize("value", ["28,8%", "28,8 %", "28.8%"])
def test_a_percentage_as_a_spreadsheet_saves_it(
    programme: Programme, tmp_path: Path, value: str
) -> None:
    text = f"indicator;period;value;unit\nveilig_voelen;2019;{value};\n"
    result = load_measurements(programme, _write(tmp_path, text)).indicator("veilig_voelen")
    assert result.latest.value == units.Quantity(28.8, "percent")


def test_a_percentage_in_permille(tmp_path: Path) -> None:
    [figure] = read_measurements(
        _write(tmp_path, "indicator;period;value;unit\nx;2019;2,5%;permille\n")
    )
    assert figure.measurement.value == units.Quantity(25, "permille")


def test_a_percentage_of_a_count_is_refused(programme: Programme, tmp_path: Path) -> None:
    text = "indicator;period;value;unit\nmisdrijven;2019;28,8%;crime\n"
    with pytest.raises(UnitError, match="is a percentage, but the unit is crime") as caught:
        load_measurements(programme, _write(tmp_path, text))
    assert caught.value.value == "28,8%"
    assert caught.value.element.endswith("line 2")


def test_title_lines_above_the_header_are_passed_over_and_do_not_choose_the_separator() -> None:
    text = (
        "Tabel 3, Veiligheid in cijfers\n"
        "Bron: Politie\n"
        "\n"
        "indicator;periode;waarde;eenheid\n"
        "winkeldiefstallen;2021;2,8;winkeldiefstallen per 1.000 inwoners\n"
    )
    (figure,) = read_measurements_text(text, origin="tabel.csv")
    assert figure.origin == "tabel.csv line 5"
    assert figure.measurement.value.m == 2.8


def test_a_line_of_several_cells_above_the_header_is_still_an_error() -> None:
    with pytest.raises(FileFormatError, match=r"line 1.*unknown columns"):
        read_measurements_text("Tabel;2021\nindicator;periode;waarde;eenheid\n", origin="t.csv")
