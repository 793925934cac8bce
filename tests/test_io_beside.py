"""Figure files beside a programme file: ``figures = [...]`` in the programme."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import progmon
from progmon.cli import main
from progmon.errors import (
    DuplicateError,
    FileFormatError,
    ProgmonError,
    ProgmonWarning,
    ValidationError,
)
from progmon.io import load, load_with_figures, loads

FIXTURE = Path(__file__).parent / "fixtures" / "beside"

HEADER = "indicator;periode;waarde;eenheid;correctie\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "programma"
    shutil.copytree(FIXTURE, target)
    return target


def programme_file(folder: Path, figures: str) -> Path:
    path = folder / "programme.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('figures = ["cijfers/*.csv"]', f"figures = {figures}"), encoding="utf-8"
    )
    return path


def test_the_figures_of_the_files_are_added_in_order_and_corrections_replace() -> None:
    loaded = load_with_figures(FIXTURE / "programme.toml")
    indicator = loaded.programme.indicator("meldingen")
    assert [(m.period.label, m.value.m) for m in indicator.measurements] == [
        ("2018", 760),
        ("2019", 733),
        ("2020", 690),
    ]
    assert [p.name for p in loaded.files] == ["2019.csv", "2020.csv"]
    assert len(loaded.figures) == 3
    assert [(i, old.value.m, new.value.m) for i, old, new in loaded.merge.replaced] == [
        ("meldingen", 731, 733)
    ]
    assert [f.measurement.period.label for f in loaded.merge.added] == ["2020"]
    assert load(FIXTURE / "programme.toml") == loaded.programme


def test_a_second_figure_without_correction_names_both_files(folder: Path) -> None:
    (folder / "cijfers" / "2021.csv").write_text(HEADER + "meldingen;2020;700;report;\n")
    with pytest.raises(DuplicateError) as caught:
        load(folder / "programme.toml")
    message = str(caught.value)
    assert "2021.csv line 2" in message
    assert "2020.csv line 2" in message
    assert "correctie" in message or "replaces" in message


def test_a_figure_the_programme_file_has_names_the_programme_file(folder: Path) -> None:
    (folder / "cijfers" / "2018.csv").write_text(HEADER + "meldingen;2018;761;report;\n")
    with pytest.raises(DuplicateError) as caught:
        load(folder / "programme.toml")
    message = str(caught.value)
    assert "2018.csv line 2" in message
    assert "programme.toml" in message
    assert "760" in message


def test_a_correction_of_the_programme_files_figure_replaces_it(folder: Path) -> None:
    (folder / "cijfers" / "2018.csv").write_text(HEADER + "meldingen;2018;761;report;ja\n")
    loaded = load_with_figures(folder / "programme.toml")
    assert loaded.programme.indicator("meldingen").measurement(2018).value.m == 761
    assert ("meldingen", 760.0, 761) in [
        (i, old.value.m, new.value.m) for i, old, new in loaded.merge.replaced
    ]


def test_a_correction_that_corrects_nothing_is_a_warning(folder: Path) -> None:
    (folder / "cijfers" / "2021.csv").write_text(HEADER + "meldingen;2021;650;report;ja\n")
    with pytest.warns(ProgmonWarning, match=r"2021\.csv line 2.*no figure for 2021 to correct"):
        programme = load(folder / "programme.toml")
    assert programme.indicator("meldingen").measurement(2021).value.m == 650


def test_a_pattern_that_looks_in_a_missing_folder_is_a_warning(folder: Path) -> None:
    path = programme_file(folder, '["cijfers/*.csv", "cijfer/*.xlsx"]')
    with pytest.warns(ProgmonWarning, match=r"figures\[1\].*cijfer/\*\.xlsx.*'cijfer'.*not exist"):
        load(path)


def test_a_pattern_that_matches_nothing_in_its_folder_is_fine(folder: Path) -> None:
    path = programme_file(folder, '["cijfers/*.csv", "cijfers/*.xlsx"]')
    assert load(path) == load(folder / "programme.toml")


def test_a_named_file_that_is_missing_is_an_error(folder: Path) -> None:
    path = programme_file(folder, '["cijfers/2019.csv", "cijfers-2021.xlsx"]')
    with pytest.raises(FileFormatError, match=r"figures\[1\].*names no file.*cijfers-2021.xlsx"):
        load(path)


@pytest.mark.parametrize("figures", ['"/etc/cijfers.csv"', "[]", "[3]", '[""]', "true"])
def test_bad_figures_keys_are_refused(folder: Path, figures: str) -> None:
    path = programme_file(folder, figures)
    with pytest.raises(FileFormatError, match="figures"):
        load(path)


def test_loads_refuses_figure_files_it_cannot_find() -> None:
    text = (FIXTURE / "programme.toml").read_text(encoding="utf-8")
    with pytest.raises(FileFormatError, match="load"):
        loads(text)


def test_an_excel_workbook_beside_the_programme(folder: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Indicator", "Periode", "Waarde", "Eenheid"])
    sheet.append(["meldingen", 2021, 640, "report"])
    book.save(folder / "cijfers-2021.xlsx")
    path = programme_file(folder, '["cijfers/*.csv", "cijfers-2021.xlsx"]')
    programme = load(path)
    assert programme.indicator("meldingen").measurement(2021).value.m == 640


def test_an_unknown_indicator_in_a_figure_file_names_its_line(folder: Path) -> None:
    (folder / "cijfers" / "2021.csv").write_text(HEADER + "meldingn;2021;650;report;\n")
    with pytest.raises(ValidationError, match=r"2021\.csv line 2.*meldingn"):
        load(folder / "programme.toml")


def test_reading_never_changes_the_programme_file(folder: Path) -> None:
    path = folder / "programme.toml"
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    load(path)
    assert main(["check", str(path)]) == 0
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@given(st.lists(st.integers(0, 3), min_size=6, max_size=6))
def test_any_split_of_the_figures_over_files_gives_the_same_programme(
    tmp_path_factory: pytest.TempPathFactory, files: list[int]
) -> None:
    # The six years 2019-2024 spread over up to four files, in any way.
    folder = tmp_path_factory.mktemp("split")
    shutil.copytree(FIXTURE, folder, dirs_exist_ok=True)
    for old in (folder / "cijfers").iterdir():
        old.unlink()
    rows: dict[int, list[str]] = {}
    for offset, file in enumerate(files):
        rows.setdefault(file, []).append(f"meldingen;{2019 + offset};{700 - offset};report;\n")
    for file, lines in rows.items():
        (folder / "cijfers" / f"deel-{file}.csv").write_text(HEADER + "".join(lines))
    indicator = load(folder / "programme.toml").indicator("meldingen")
    assert [(m.period.start.year, m.value.m) for m in indicator.measurements] == [
        (2018, 760),
        *((2019 + k, 700 - k) for k in range(6)),
    ]


def test_a_level_takes_its_direction_from_the_figures_of_its_files(folder: Path) -> None:
    # The programme file alone has no figure for the level to take a direction from.
    path = folder / "programme.toml"
    text = (
        path.read_text(encoding="utf-8")
        .replace('direction = "decrease"\n', "")
        .replace("measurements = [{ period = 2018, value = 760 }]\n", "")
        .replace("improve = true", "level = 600")
    )
    path.write_text(text, encoding="utf-8")
    for old in (folder / "cijfers").iterdir():
        old.unlink()
    (folder / "cijfers" / "2019.csv").write_text(
        HEADER + "meldingen;2019;731;report;\nmeldingen;2020;690;report;\n"
    )
    with pytest.raises(ProgmonError, match="does not say whether more or less"):
        loads(text.replace('figures = ["cijfers/*.csv"]\n', ""))
    indicator = load(path).indicator("meldingen")
    assert indicator.direction is progmon.Direction.DECREASE
    assert [m.value.m for m in indicator.measurements] == [731, 690]


def test_figures_made_part_of_the_indicators_equal_figures_added_to_them(folder: Path) -> None:
    # Without a correction the files' figures are read as the file's own; the same
    # programme as adding them to the programme the file makes alone.
    (folder / "cijfers" / "2020.csv").write_text(HEADER + "meldingen;2020;690;report;\n")
    loaded = load_with_figures(folder / "programme.toml")
    text = (folder / "programme.toml").read_text(encoding="utf-8")
    written = loads(text.replace('figures = ["cijfers/*.csv"]\n', ""))
    added = progmon.io.add_measurements(written, loaded.figures).programme
    assert loaded.programme == added
