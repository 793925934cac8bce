"""Saved CBS tables beside a programme file: ``[[cbs]]`` tables in the programme.

The Python route (:func:`progmon.io.load_cbs`) is the oracle of the file
route: a programme whose file names the saved table reads the figures that
``load_cbs`` adds to it. The figures themselves are the fixtures' (see
``tests/fixtures/README.md``): Almelo's feeling unsafe in the neighbourhood,
5.4 / 4.4 / 3.4 % with margins 0.9 / 0.8 / 0.6, Nederland's 4.9 / 4.3 / 3.9.
"""

from __future__ import annotations

import hashlib
import shutil
import warnings
from pathlib import Path

import pytest

from progmon import units
from progmon.cli import main
from progmon.errors import DuplicateError, FileFormatError, ProgmonError, ValidationError
from progmon.io import CbsColumn, load, load_cbs, load_with_figures, loads

FIXTURES = Path(__file__).parent / "fixtures"
SURVEY = "VoeltZichWelEensOnveiligInBuurt_2"

SOURCE = f"""
[[cbs]]
file = "cbs/85146NED.json"
region = "GM0141"
references = {{ NL01 = "Nederland" }}

[cbs.columns]
onveilig_buurt = "{SURVEY}"
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "cbs").mkdir()
    shutil.copy(FIXTURES / "cbs_85146NED_typed.json", tmp_path / "cbs" / "85146NED.json")
    shutil.copy(FIXTURES / "cbs_85146NED_export.csv", tmp_path / "cbs" / "85146NED.csv")
    shutil.copy(FIXTURES / "cbs_83648NED_typed.json", tmp_path / "cbs" / "83648NED.json")
    return tmp_path


def programme(folder: Path, *tables: str, figures: str = "") -> Path:
    text = (FIXTURES / "figures_programme.toml").read_text(encoding="utf-8")
    if figures:
        text = text.replace("organisation = ", f"figures = {figures}\norganisation = ", 1)
    path = folder / "programma.toml"
    path.write_text(text + "".join(tables), encoding="utf-8")
    return path


def test_the_file_route_reads_what_load_cbs_adds(folder: Path) -> None:
    loaded = load_with_figures(programme(folder, SOURCE))
    by_python = load_cbs(
        load(FIXTURES / "figures_programme.toml"),
        folder / "cbs" / "85146NED.json",
        {"onveilig_buurt": SURVEY},
        region="GM0141",
        references={"NL01": "Nederland"},
    )
    assert loaded.programme == by_python
    indicator = loaded.programme.indicator("onveilig_buurt")
    assert [(m.period.label, m.value.m, m.margin.m) for m in indicator.measurements] == [
        ("2013", 5.4, 0.9),
        ("2017", 4.4, 0.8),
        ("2019", 3.4, 0.6),
    ]
    assert indicator.measurements[0].source.title == "StatLine 85146NED"
    assert [m.value.m for m in indicator.reference("Nederland").measurements] == [4.9, 4.3, 3.9]
    assert loaded.files == (folder / "cbs" / "85146NED.json",)
    assert len(loaded.merge.added) == 6


def test_a_csv_export_and_a_column_with_where_and_unit(folder: Path) -> None:
    crimes = """
[[cbs]]
file = "cbs/83648NED.json"
region = "GM0141"

[cbs.columns]
misdrijven = { column = "TotaalGeregistreerdeMisdrijven_1", where = { SoortMisdrijf = "0.0.0" }, unit = "crime" }
"""
    survey = f"""
[[cbs]]
file = "cbs/85146NED.csv"
region = "GM0141"
table = "85146NED"
columns = {{ onveilig_buurt = "{SURVEY}" }}
"""
    loaded = load_with_figures(programme(folder, crimes, survey))
    crime = loaded.programme.indicator("misdrijven")
    assert [
        (m.period.label, None if m.value is None else m.value.m) for m in crime.measurements
    ] == [
        ("2016", 4712),
        ("2017", 4486),
        ("2018", 4271),
        ("2019", 4190),
        ("2020", None),
    ]
    assert crime.measurements[-1].note == "CBS: cijfer ontbreekt"
    share = loaded.programme.indicator("onveilig_buurt").measurement(2019)
    assert share.value == units.Quantity(3.4, "percent")
    assert share.margin == units.Quantity(0.6, "percent")
    assert share.source.title == "StatLine 85146NED"
    assert [path.name for path in loaded.files] == ["83648NED.json", "85146NED.csv"]


def test_a_figure_given_before_is_an_error_naming_both_places(folder: Path) -> None:
    (folder / "2019.csv").write_text(
        "indicator;periode;waarde;eenheid\nonveilig_buurt;2019;3,5;percent\n", encoding="utf-8"
    )
    with pytest.raises(DuplicateError) as raised:
        load(programme(folder, SOURCE, figures='["2019.csv"]'))
    message = str(raised.value)
    assert "2019.csv line 2" in message  # the first place
    assert "85146NED.json" in message  # and the second
    with pytest.raises(DuplicateError, match=r"85146NED\.json"):
        load(programme(folder, SOURCE, SOURCE))  # one table named twice: its figures twice


@pytest.mark.parametrize(
    ("table", "error", "element", "value"),
    [
        ('cbs = "85146NED.json"', FileFormatError, "cbs", "85146NED.json"),
        ("[[cbs]]\nfile = 3\ncolumns = { x = 'y' }\n", FileFormatError, "cbs[0].file", "3"),
        ('[[cbs]]\nfile = "../../x.json"\ncolumns = { x = "y" }\n', FileFormatError, "cbs[0].file", "../../x.json"),
        ('[[cbs]]\nfile = "/etc/passwd"\ncolumns = { x = "y" }\n', FileFormatError, "cbs[0].file", "/etc/passwd"),
        ('[[cbs]]\nfile = "cbs/85146NED.json"\n', FileFormatError, "cbs[0].columns", "None"),
        ('[[cbs]]\nfile = "cbs/85146NED.json"\ncolumns = {}\nregio = "GM0141"\n', FileFormatError, "cbs[0]", "regio"),
        ('[[cbs]]\nfile = "cbs/85146NED.json"\ncolumns = { onveilig_buurt = 7 }\n', FileFormatError, "cbs[0].columns.onveilig_buurt", "7"),
        ('[[cbs]]\nfile = "cbs/85146NED.json"\nregion = "GM0141"\ncolumns = { onveilig_buurt = { column = "X_1", wher = {} } }\n', FileFormatError, "cbs[0].columns.onveilig_buurt", "wher"),
        ('[[cbs]]\nfile = "cbs/85146NED.json"\ncolumns = { onveilig_buurt = { where = {} } }\n', FileFormatError, "cbs[0].columns.onveilig_buurt", "''"),
        (f'[[cbs]]\nfile = "cbs/85146NED.json"\nreplaces = true\ncolumns = {{ onveilig_buurt = "{SURVEY}" }}\n', FileFormatError, "cbs[0]", "replaces"),
        (f'[[cbs]]\nfile = "cbs/85146NED.json"\nregion = 141\ncolumns = {{ onveilig_buurt = "{SURVEY}" }}\n', FileFormatError, "cbs[0].region", "141"),
        (f'[[cbs]]\nfile = "cbs/85146NED.json"\nregion = "GM9999"\ncolumns = {{ onveilig_buurt = "{SURVEY}" }}\n', ValidationError, "RegioS", "GM9999"),
        ('[[cbs]]\nfile = "cbs/85146NED.json"\nregion = "GM0141"\ncolumns = { onveilig_buurt = "Nope_9" }\n', ValidationError, "mapping for 'onveilig_buurt'", "Nope_9"),
        (f'[[cbs]]\nfile = "cbs/85146NED.json"\nregion = "GM0141"\ncolumns = {{ nope = "{SURVEY}" }}\n', ValidationError, "indicator", "nope"),
        (f'[[cbs]]\nfile = "cbs/missing.json"\ncolumns = {{ onveilig_buurt = "{SURVEY}" }}\n', FileFormatError, "cbs[0].file", "cbs/missing.json"),
    ],
)  # fmt: skip
def test_a_bad_cbs_table_is_one_error_naming_the_key_and_the_value(
    folder: Path, table: str, error: type[ProgmonError], element: str, value: str
) -> None:
    # A key of the top level goes before the file's tables; a [[cbs]] table after them.
    path = programme(folder, "\n" + table) if table.startswith("[") else programme(folder)
    if not table.startswith("["):
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("organisation = ", f"{table}\norganisation = ", 1), encoding="utf-8"
        )
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(error) as raised:
        load(path)
    message = str(raised.value)
    assert element in message
    assert value in message
    assert "\n" not in message
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_check_reads_the_cbs_tables_and_says_what_is_wrong_in_one_line(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = programme(folder, SOURCE)
    assert main(["check", str(path)]) == 0
    assert "1 figure file" in capsys.readouterr().out
    path.write_text(path.read_text(encoding="utf-8").replace("GM0141", "GM9999"), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("progmon: error:")
    assert "GM9999" in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("name", ["cbs/85146NED.csv", "cbs/85146NED.json"])
def test_a_cbs_export_named_as_a_figure_file_points_to_the_cbs_table(
    folder: Path, name: str
) -> None:
    with pytest.raises(FileFormatError, match=r"\[\[cbs\]\]"):
        load(programme(folder, figures=f'["{name}"]'))


def test_loads_refuses_cbs_tables_which_are_found_relative_to_the_file() -> None:
    text = (FIXTURES / "figures_programme.toml").read_text(encoding="utf-8") + SOURCE
    with pytest.raises(FileFormatError, match="read it with load"):
        loads(text)


def test_a_cbs_column_of_a_file_is_the_cbs_column_of_python() -> None:
    from progmon.io._cbs import cbs_sources_of

    [source] = cbs_sources_of(
        [
            {
                "file": "x.json",
                "columns": {
                    "a": "T_1",
                    "b": {"column": "T_2", "where": {"D": "1"}, "unit": "crime"},
                },
            }
        ],
        "p.toml",
    )
    assert source.columns == {
        "a": CbsColumn("T_1"),
        "b": CbsColumn("T_2", where={"D": "1"}, unit="crime"),
    }
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # reading the spec alone warns of nothing
        cbs_sources_of({"file": "x.json", "columns": {"a": "T_1"}}, "p.toml")


def test_an_unknown_key_of_a_cbs_table_names_the_closest_key(folder: Path) -> None:
    path = programme(folder, SOURCE.replace("region =", "Regio ="))
    with pytest.raises(
        FileFormatError, match=r"cbs\[0\]: has an unknown key \(did you mean 'region'"
    ):
        load(path)
