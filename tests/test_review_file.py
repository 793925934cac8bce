"""Review files: the programmes of one review, read from TOML, with errors that name file and key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import progmon
from progmon.cli import main
from progmon.errors import DuplicateError, FileFormatError, ProgmonError, ValidationError
from progmon.review import Review, is_review_file, load_review

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("veiligheid.toml", "demo-sport.toml", "demo-wonen.toml"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    return tmp_path


def _review(folder: Path, text: str) -> Path:
    path = folder / "review.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_review_holds_almelo_and_two_invented_programmes() -> None:
    review = load_review(EXAMPLES / "review.toml")
    assert [p.id for p in review.programmes] == ["veiligheid", "sport-demo", "wonen-demo"]
    assert review.programmes[0] == progmon.load(EXAMPLES / "veiligheid.toml")
    for programme in review.programmes[1:]:
        assert "verzonnen" in programme.name
        assert "verzonnen" in programme.summary
    for name in ("demo-sport.toml", "demo-wonen.toml"):
        assert "DEMONSTRATION ONLY" in (EXAMPLES / name).read_text(encoding="utf-8")
    assert (review.title, review.organisation, review.as_of, review.language) == (
        "Midterm Review Programma's 2020",
        "Gemeente Almelo",
        2020,
        "nl",
    )
    assert [a.as_of for a in review.assess()] == [2020, 2020, 2020]
    assert review.files[0] == EXAMPLES / "review.toml"


def test_told_from_a_programme_file_by_its_programmes_key(folder: Path) -> None:
    assert is_review_file(EXAMPLES / "review.toml")
    assert not is_review_file(EXAMPLES / "veiligheid.toml")
    assert not is_review_file(EXAMPLES / "veiligheid.py")
    broken = _review(folder, "programmes = [")
    assert not is_review_file(broken)  # then read as a programme file, which says what is wrong


def test_programme_files_are_relative_to_the_review_file(folder: Path, tmp_path: Path) -> None:
    (folder / "sub").mkdir()
    shutil.move(folder / "demo-sport.toml", folder / "sub" / "sport.toml")
    path = _review(folder, 'title = "R"\nprogrammes = ["sub/sport.toml", "veiligheid.toml"]\n')
    review = load_review(path)
    assert [p.id for p in review.programmes] == ["sport-demo", "veiligheid"]
    assert review.files == (path, folder / "sub" / "sport.toml", folder / "veiligheid.toml")


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        (
            'title = "R"\nprogrammes = ["missing.toml"]',
            FileFormatError,
            "review.toml: programmes[0]: no such file (programme files are relative to the review file) (got 'missing.toml')",
        ),
        (
            'title = "R"\nprogrammes = []',
            FileFormatError,
            "review.toml: programmes: must be a list",
        ),
        (
            'title = "R"\nprogrammes = "veiligheid.toml"',
            FileFormatError,
            "review.toml: programmes: must be a list",
        ),
        (
            'title = "R"\nprogrammes = ["veiligheid.py"]',
            FileFormatError,
            "review.toml: programmes[0]: is not a programme file: use .toml or .json (a review executes no code) (got 'veiligheid.py')",
        ),
        (
            'title = "R"\nprogrammes = ["veiligheid.toml", "./veiligheid.toml"]',
            FileFormatError,
            "review.toml: programmes[1]: names a programme file twice",
        ),
        (
            'programmes = ["veiligheid.toml"]',
            FileFormatError,
            "review.toml: title: a review has a title",
        ),
        (
            'title = "R"\ntitel = "R"\nprogrammes = ["veiligheid.toml"]',
            FileFormatError,
            "review.toml: titel: is not a key of a review file: did you mean 'title'?",
        ),
        (
            'title = "R"\nformat = 2\nprogrammes = ["veiligheid.toml"]',
            FileFormatError,
            "review.toml: format: must be 1",
        ),
        (
            'title = "R"\nlanguage = "de"\nprogrammes = ["veiligheid.toml"]',
            ValidationError,
            "review.toml: language: must be 'nl' or 'en' (got 'de')",
        ),
        (
            'title = "R"\nmethod = "magic"\nprogrammes = ["veiligheid.toml"]',
            ValidationError,
            "review.toml: method: is not a method",
        ),
        (
            'title = "R"\nas_of = "2020"\nprogrammes = ["veiligheid.toml"]',
            ValidationError,
            "review.toml: as_of: must be a year (a whole number) (got '2020')",
        ),
        (
            'title = 7\nprogrammes = ["veiligheid.toml"]',
            FileFormatError,
            "review.toml: title: must be a text (got 7)",
        ),
        ('title = "R"\nprogrammes = [', FileFormatError, "review.toml: is not valid TOML"),
    ],
)
def test_errors_name_the_file_the_key_and_the_value(
    folder: Path, text: str, error: type[ProgmonError], message: str
) -> None:
    path = _review(folder, text)
    with pytest.raises(error) as caught:
        load_review(path)
    assert str(caught.value).startswith(f"{folder}/{message}") or str(caught.value).startswith(
        f"{path}: {message.removeprefix('review.toml: ')}"
    ), str(caught.value)


def test_two_programmes_with_one_id_are_refused(folder: Path) -> None:
    shutil.copy(folder / "veiligheid.toml", folder / "copy.toml")
    path = _review(folder, 'title = "R"\nprogrammes = ["veiligheid.toml", "copy.toml"]')
    with pytest.raises(
        DuplicateError, match=r"review.toml: programmes: has two programmes with one id"
    ):
        load_review(path)


def test_an_invalid_programme_file_is_named(folder: Path) -> None:
    (folder / "bad.toml").write_text('format = 1\nid = "b"\nname = ""\n', encoding="utf-8")
    path = _review(folder, 'title = "R"\nprogrammes = ["bad.toml"]')
    with pytest.raises(ProgmonError, match=r"bad\.toml"):
        load_review(path)


def test_a_review_in_code() -> None:
    almelo = progmon.load(EXAMPLES / "veiligheid.toml")
    review = Review(title="R", programmes=[almelo], method="projection")
    assert review.year() == 2019
    assert review.assess()[0].method.name == "projection"
    with pytest.raises(ValidationError, match="must hold one programme or more"):
        Review(title="R", programmes=[])
    with pytest.raises(ValidationError, match="review title: must not be empty"):
        Review(title=" ", programmes=[almelo])


def test_the_command_line_says_what_is_wrong_in_one_line(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _review(folder, 'title = "R"\nprogrammes = ["missing.toml"]')
    assert main(["report", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "programmes[0]: no such file" in err
    good = _review(folder, 'title = "R"\nprogrammes = ["veiligheid.toml"]')
    assert main(["report", str(good), "--method", "projection"]) == 1
    assert "a review file names its year and method" in capsys.readouterr().err
    assert main(["report", str(good), "--format", "pdf"]) == 1
    assert "-o: --format pdf is written to a file: -o FILE.pdf" in capsys.readouterr().err
