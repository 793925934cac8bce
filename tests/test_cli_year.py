"""The year's work on the command line: new, figures, check, export, report.

The end-to-end test is the issue's "done when": a programme of another
municipality modelled from the blank template, a year added from an Excel
sheet, checked and reported, and the programme file unchanged by all of it.
"""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import openpyxl
import pytest
import tomlkit

import progmon
from progmon.cli import main

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "veiligheid.toml"
BESIDE = Path(__file__).parent / "fixtures" / "beside"

PROGRAMME = """\
# Programma Veiligheid, Gemeente 's-Hertogenbosch (illustrative figures).
format = 1
id = "veiligheid-den-bosch"
name = "Programma Veiligheid"
organisation = "Gemeente 's-Hertogenbosch"
figures = ["cijfers/*.csv", "cijfers/*.xlsx"]

[[ambitions]]
title = "Een veilige stad"

[[ambitions.goals]]
id = "minder-criminaliteit"
statement = "In 2022 is de criminaliteit gedaald"
deadline = 2022

[[ambitions.goals.indicators]]
id = "winkeldiefstallen"
name = "Winkeldiefstallen"
unit = "report"
direction = "decrease"
target = { improve = true }

[[ambitions.goals.indicators]]
id = "woninginbraken"
name = "Woninginbraken"
unit = "report"
direction = "decrease"
target = { relative_change = -0.1 }

[[ambitions.goals]]
id = "veilig-voelen"
statement = "In 2022 voelen meer inwoners zich veilig in hun buurt"
deadline = 2022

[[ambitions.goals.indicators]]
id = "veilig-buurt"
name = "Inwoners die zich veilig voelen in hun buurt"
unit = "percent"
target = { at_least = 80 }

[[ambitions.goals.indicators]]
id = "rapportcijfer"
name = "Rapportcijfer veiligheid buurt"
unit = "mark"
direction = "increase"
target = { level = 7.5 }
"""

FIGURES_2019_2020 = """\
indicator;periode;waarde;eenheid;bron
winkeldiefstallen;2019;1210;report;Politie
winkeldiefstallen;2020;1105;report;Politie
woninginbraken;2019;640;report;Politie
woninginbraken;2020;598;report;Politie
veilig-buurt;2019;76,5;percent;Burgerpanel
veilig-buurt;2020;77,8;percent;Burgerpanel
rapportcijfer;2019;7,1;mark;Burgerpanel
rapportcijfer;2020;7,2;mark;Burgerpanel
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def workbook(path: Path, rows: list[list[object]], header: list[str] | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Cijfers"
    sheet.append(header or ["Indicator", "Periode", "Waarde", "Eenheid", "Bron", "Correctie"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def municipality(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cijfers").mkdir()
    (tmp_path / "programma.toml").write_text(PROGRAMME, encoding="utf-8")
    (tmp_path / "cijfers" / "2019-2020.csv").write_text(FIGURES_2019_2020, encoding="utf-8")
    return tmp_path


# --------------------------------------------------------------------------- new


def test_new_writes_the_blank_template_with_its_comments_and_the_names_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "programma.toml"
    code = main(["new", str(target), "--id", "veiligheid", "--name", "Programma Veiligheid"])
    assert code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# A progmon programme file")
    document = tomlkit.parse(text)
    assert (document["id"], document["name"]) == ("veiligheid", "Programma Veiligheid")
    assert "figures" in document
    assert f"progmon check {target}" in capsys.readouterr().err
    assert main(["check", str(target)]) == 0


def test_new_from_the_example_is_the_example(tmp_path: Path) -> None:
    target = tmp_path / "almelo.toml"
    assert main(["new", str(target), "--from", "example"]) == 0
    assert target.read_bytes() == EXAMPLE.read_bytes()
    assert progmon.load(target) == progmon.load(EXAMPLE)


def test_new_never_writes_over_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "programma.toml"
    target.write_text("# mine\n", encoding="utf-8")
    assert main(["new", str(target)]) == 1
    assert target.read_text(encoding="utf-8") == "# mine\n"
    err = capsys.readouterr().err
    assert "exists already" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--id", "a\x1b[31mb"], "id"),
        (["--name", ""], "name"),
    ],
)
def test_new_refuses_what_would_make_an_invalid_programme(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    target = tmp_path / "programma.toml"
    assert main(["new", str(target), *argv]) == 1
    assert not target.exists()
    assert message in capsys.readouterr().err


def test_new_writes_toml_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path / "programma.json")]) == 1
    assert ".toml" in capsys.readouterr().err


# --------------------------------------------------------------------------- figures


def test_figures_lists_what_a_file_adds_and_replaces_and_writes_nothing(
    municipality: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(municipality / "programma.toml")
    sheet = workbook(
        municipality / "nieuw.xlsx",
        [
            ["winkeldiefstallen", 2021, 1050, "report", "Politie", None],
            ["veilig-buurt", 2020, 77.9, "percent", "Burgerpanel", "ja"],
        ],
    )
    assert main(["figures", "programma.toml", str(sheet)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("  + winkeldiefstallen 2021: 1050")
    assert out[1].startswith("  ~ veilig-buurt 2020: 77.8 % -> 77.9 %")
    assert "nieuw.xlsx sheet Cijfers row 3" in out[1]
    assert out[-1] == "2 figures in 1 file: 1 added, 1 replaced"
    assert digest(municipality / "programma.toml") == before


def test_figures_refuses_a_second_figure_without_correction_naming_both(
    municipality: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = workbook(municipality / "nieuw.xlsx", [["veilig-buurt", 2020, 78, "percent", "", ""]])
    assert main(["figures", "programma.toml", str(sheet)]) == 1
    err = capsys.readouterr().err
    assert "nieuw.xlsx sheet Cijfers row 2" in err
    assert "2019-2020.csv line 7" in err
    assert len(err.strip().splitlines()) == 1


def test_figures_without_files_lists_the_programmes_own(
    municipality: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["figures", "programma.toml"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "8 figures in 1 file: 8 added, 0 replaced"


def test_figures_add_edits_the_list_in_place_keeping_every_other_byte(
    municipality: Path,
) -> None:
    path = municipality / "programma.toml"
    (municipality / "extra.csv").write_text(
        "indicator,period,value,unit\nrapportcijfer,2021,7.3,mark\n", encoding="utf-8"
    )
    assert main(["figures", "programma.toml", "extra.csv", "--add"]) == 0
    after = path.read_text(encoding="utf-8")
    assert after == PROGRAMME.replace(
        'figures = ["cijfers/*.csv", "cijfers/*.xlsx"]',
        'figures = ["cijfers/*.csv", "cijfers/*.xlsx", "extra.csv"]',
    )
    assert progmon.load(path).indicator("rapportcijfer").measurement(2021).value.m == 7.3
    # A file among the figure files already is not added twice.
    assert main(["figures", "programma.toml", "extra.csv", "--add"]) == 0
    assert path.read_text(encoding="utf-8") == after


def test_figures_add_puts_a_new_list_before_the_first_table(municipality: Path) -> None:
    path = municipality / "programma.toml"
    path.write_text(PROGRAMME.replace('figures = ["cijfers/*.csv", "cijfers/*.xlsx"]\n', ""))
    (municipality / "extra.csv").write_text(
        "indicator,period,value,unit\nrapportcijfer,2021,7.3,mark\n", encoding="utf-8"
    )
    assert main(["figures", "programma.toml", "extra.csv", "--add"]) == 0
    document = tomlkit.parse(path.read_text(encoding="utf-8"))
    assert document["figures"] == ["extra.csv"]
    assert document["id"] == "veiligheid-den-bosch"
    assert progmon.load(path).indicator("rapportcijfer").measurement(2021).value.m == 7.3


def test_figures_add_refuses_a_file_outside_the_folder_and_json(
    municipality: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path_factory.mktemp("elders") / "extra.csv"
    elsewhere.write_text("indicator,period,value,unit\nrapportcijfer,2021,7.3,mark\n")
    before = digest(municipality / "programma.toml")
    assert main(["figures", "programma.toml", str(elsewhere), "--add"]) == 1
    assert "folder" in capsys.readouterr().err
    assert digest(municipality / "programma.toml") == before
    shutil.copy(EXAMPLE, municipality / "almelo.json")  # not JSON inside: never read that far
    json_file = municipality / "p.json"
    json_file.write_text(progmon.io.dumps(progmon.load(EXAMPLE), "json"), encoding="utf-8")
    (municipality / "almelo.csv").write_text(
        "indicator,period,value,unit\nwoonoverlast,2020,950,report\n"
    )
    assert main(["figures", str(json_file), "almelo.csv", "--add"]) == 1
    assert "TOML" in capsys.readouterr().err


# --------------------------------------------------------------------------- check


def test_check_shows_plausibility_warnings_and_strict_fails_on_them(
    municipality: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook(
        municipality / "cijfers" / "2021.xlsx",
        [["veilig-buurt", 2021, 0.788, "percent", "Burgerpanel", None]],
    )
    assert main(["check", "programma.toml"]) == 0
    out = capsys.readouterr().out
    assert "veilig-buurt" in out
    assert "fraction" in out
    assert "78.8" in out
    assert main(["check", "programma.toml", "--strict"]) == 1


# --------------------------------------------------------------------------- export


def test_export_writes_the_status_table_as_csv(
    municipality: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "programma.toml", "-o", "status.csv"]) == 0
    with (municipality / "status.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assessment = progmon.assess(progmon.load(municipality / "programma.toml"))
    assert [row["indicator"] for row in rows] == [
        a.indicator.id for goal in assessment.goals() for a in goal.indicator_assessments
    ]
    assert {row["indicator"]: row["status"] for row in rows} == {
        a.indicator.id: a.status.value
        for goal in assessment.goals()
        for a in goal.indicator_assessments
    }
    assert main(["export", "programma.toml", "-o", "cijfers.csv", "--table", "figures"]) == 0
    with (municipality / "cijfers.csv").open(encoding="utf-8-sig", newline="") as stream:
        assert sum(1 for _ in csv.DictReader(stream)) == 8


def test_export_writes_every_table_as_a_sheet(municipality: Path) -> None:
    assert main(["export", "programma.toml", "-o", "tabellen.xlsx"]) == 0
    book = openpyxl.load_workbook(municipality / "tabellen.xlsx", read_only=True)
    assert book.sheetnames == ["figures", "status", "rollup"]
    figures = list(book["figures"].iter_rows(values_only=True))
    assert figures[0] == progmon.tables.FIGURE_COLUMNS
    assert len(figures) == 1 + 8


@pytest.mark.parametrize("output", ["programma.toml", "cijfers/2019-2020.csv"])
def test_export_never_writes_over_an_input(
    municipality: Path, capsys: pytest.CaptureFixture[str], output: str
) -> None:
    before = digest(municipality / output)
    assert main(["export", "programma.toml", "-o", output]) == 1
    assert digest(municipality / output) == before
    assert "input" in capsys.readouterr().err


def test_report_never_writes_over_a_figure_file(
    municipality: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(municipality / "cijfers" / "2019-2020.csv")
    assert main(["report", "programma.toml", "-o", "cijfers/2019-2020.csv", "--format", "md"]) == 1
    assert digest(municipality / "cijfers" / "2019-2020.csv") == before


def test_export_refuses_other_suffixes(
    municipality: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "programma.toml", "-o", "tabellen.ods"]) == 1
    assert ".xlsx" in capsys.readouterr().err


# --------------------------------------------------------------------------- the year


def test_the_year_without_python_leaves_the_programme_file_as_it_was(
    municipality: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(municipality / "programma.toml")
    assert main(["check", "programma.toml", "--strict"]) == 0
    # The new year arrives as an Excel sheet, saved where the figures pattern finds it.
    workbook(
        municipality / "cijfers" / "2021.xlsx",
        [
            ["winkeldiefstallen", 2021, 1012, "report", "Politie", None],
            ["woninginbraken", 2021, 560, "report", "Politie", None],
            ["veilig-buurt", 2021, 78.4, "percent", "Burgerpanel", None],
            ["rapportcijfer", 2021, 7.3, "mark", "Burgerpanel", None],
        ],
    )
    assert main(["figures", "programma.toml"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "12 figures in 2 files: 12 added, 0 replaced"
    assert main(["check", "programma.toml", "--strict"]) == 0
    assert "status" in capsys.readouterr().out
    assert main(["report", "programma.toml", "-o", "review.html"]) == 0
    html = (municipality / "review.html").read_text(encoding="utf-8")
    assert "Woninginbraken" in html
    assert "2021" in html
    assert main(["export", "programma.toml", "-o", "tabellen.xlsx"]) == 0
    assert digest(municipality / "programma.toml") == before
