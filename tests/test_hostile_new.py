"""The newest features under hostile input: figure files beside a programme, new, figures, export,
review files, sites, units written as the tables write them, and the BBV key.

Each refused case asserts the whole outcome, as in test_hostile_cli: exit 1, one line on stderr
(never a traceback, never an internal error), what it names, every character printable, and the
folder exactly as it was. The cases that must work assert what they wrote.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import progmon
from progmon.cli import main
from test_hostile_cli import _one_line, _snapshot

ROOT = Path(__file__).parent.parent
BESIDE = ROOT / "tests" / "fixtures" / "beside"
FIGURES_LINE = 'figures = ["cijfers/*.csv"]'
HEAD = "indicator;periode;waarde;eenheid"
LONG = "a" * 300  # longer than a file name may be (255 bytes)


@pytest.fixture
def beside(tmp_path: Path) -> Path:
    """The programme of tests/fixtures/beside, with its figure files, in a folder of its own."""
    shutil.copytree(BESIDE, tmp_path, dirs_exist_ok=True)
    return tmp_path


def _figures(value: str) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        programme = folder / "programme.toml"
        text = programme.read_text(encoding="utf-8")
        programme.write_text(text.replace(FIGURES_LINE, f"figures = {value}"), encoding="utf-8")

    return setup


def _write(name: str, content: str | bytes) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return setup


def _both(*setups: Callable[[Path], None]) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        for each in setups:
            each(folder)

    return setup


def _link(name: str, to: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).symlink_to(folder / to)


def _no_workbook_part() -> bytes:
    """A zip that holds no workbook: what a broken export of another program leaves."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<x/>")
        archive.writestr("xl/workbook.xml", "<aaaaaaaaaa>")
    return buffer.getvalue()


def _review(programmes: str) -> Callable[[Path], None]:
    return _write("review.toml", f'format = 1\ntitle = "R"\nprogrammes = {programmes}\n')


def _populations(unit: str, body: str) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        programme = folder / "programme.toml"
        text = programme.read_text(encoding="utf-8").replace(FIGURES_LINE + "\n", "")
        text = text.replace('unit = "report"', f"unit = {unit}")
        text = text.replace("[[ambitions]]", f"{body}\n\n[[ambitions]]", 1)
        programme.write_text(text, encoding="utf-8")

    return setup


def _bbv(line: str) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        programme = folder / "programme.toml"
        text = programme.read_text(encoding="utf-8").replace(FIGURES_LINE + "\n", "")
        text += f'\n\n[[ambitions]]\ntitle = "B"\ncontext = [{line}]\n'
        programme.write_text(text, encoding="utf-8")

    return setup


def _nothing(folder: Path) -> None:
    pass


CHECK = ["check", "programme.toml"]

# (id, setup, argv, what the line says)
REFUSED: list[tuple[str, Callable[[Path], None], list[str], str]] = [
    # figure files beside the programme
    ("pattern-too-long", _figures(f'["{"a" * 5000}.csv"]'), CHECK, "figures[0]: cannot be looked"),
    (
        "pattern-folder-too-long",
        _figures(f'["{"a" * 5000}/*.csv"]'),
        CHECK,
        "figures[0]: cannot be looked up: File name too long",
    ),
    ("pattern-up-and-out", _figures('["../x.csv"]'), CHECK, "figures[0]: names no file"),
    ("pattern-absolute", _figures('["/etc/passwd"]'), CHECK, "must be relative"),
    ("pattern-home", _figures('["~/x.csv"]'), CHECK, "must be relative"),
    ("pattern-empty", _figures('[""]'), CHECK, "figures[0]: must be a file name"),
    ("pattern-not-a-text", _figures("[1]"), CHECK, "figures[0]: must be a file name"),
    ("patterns-empty", _figures("[]"), CHECK, "figures: must be a list"),
    ("patterns-a-table", _figures("{ a = 1 }"), CHECK, "figures: must be a list"),
    (
        "folder-named-csv",
        _both(_figures('["x.csv"]'), lambda f: (f / "x.csv").mkdir()),
        CHECK,
        "figures[0]: names no file",
    ),
    (
        "symlink-loop",
        _both(_figures('["l.csv"]'), _link("l.csv", "l.csv")),
        CHECK,
        "figures[0]: names no file",
    ),
    ("pattern-is-the-programme", _figures('["programme.toml"]'), CHECK, "is not a figures file"),
    ("glob-takes-the-programme", _figures('["*"]'), CHECK, "is not a figures file"),
    (
        "not-utf-8",
        _write("cijfers/2021.csv", f"{HEAD}\nmeldingen;2021;\xe9;report\n".encode("latin-1")),
        CHECK,
        "cijfers/2021.csv: is not UTF-8 text",
    ),
    (
        "correction-an-escape",
        _write("cijfers/2021.csv", f"{HEAD};correctie\nmeldingen;2018;5;report;\x1b[2J\n"),
        CHECK,
        "line 2: replaces: must be true or false",
    ),
    (
        "correction-twice",
        _write("cijfers/2021.csv", f"{HEAD};correctie;replaces\nmeldingen;2018;5;report;ja;nee\n"),
        CHECK,
        "has the column replaces twice",
    ),
    (
        "workbook-no-workbook-part",
        _both(
            _figures('["cijfers/*.csv", "cijfers/*.xlsx"]'),
            _write("cijfers/2021.xlsx", _no_workbook_part()),
        ),
        CHECK,
        "cijfers/2021.xlsx: is not a readable workbook",
    ),
    (
        "workbook-encrypted",
        _both(
            _figures('["cijfers/*.xlsx"]'),
            _write("cijfers/2021.xlsx", bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)),
        ),
        CHECK,
        "is encrypted",
    ),
    # progmon new
    ("new-name-too-long", _nothing, ["new", f"{LONG}.toml"], "PATH: cannot be written"),
    ("new-over-the-programme", _nothing, ["new", "programme.toml"], "exists already"),
    ("new-json", _nothing, ["new", "x.json"], "must be a .toml file"),
    ("new-id-escape", _nothing, ["new", "n.toml", "--id", "a\x1b[2Jb"], "control character"),
    ("new-bbv-escape", _nothing, ["new", "n.toml", "--bbv", "\x1b[2J"], "--bbv: is not a theme"),
    # progmon figures
    ("figures-name-too-long", _nothing, ["figures", "programme.toml", f"{LONG}.csv"], "cannot"),
    (
        "figures-programme-as-figures",
        _nothing,
        ["figures", "programme.toml", "programme.toml"],
        "is",
    ),
    (
        "add-to-json",
        _both(
            _write("p.json", progmon.io.dumps(progmon.load(BESIDE / "programme.toml"), "json")),
            _write("extra/2022.csv", f"{HEAD}\nmeldingen;2022;650;report\n"),
        ),
        ["figures", "p.json", "extra/2022.csv", "--add"],
        "--add edits TOML programme files only",
    ),
    # progmon check, report, export with names the system cannot look up
    ("check-name-too-long", _nothing, ["check", f"{LONG}.toml"], "programme file: cannot be read"),
    ("report-name-too-long", _nothing, ["report", f"{LONG}.toml"], "programme file: cannot be"),
    (
        "export-output-too-long",
        _nothing,
        ["export", "programme.toml", "-o", f"{LONG}.csv"],
        "cannot be written: File name too long",
    ),
    (
        "export-over-a-figure-file",
        _nothing,
        ["export", "programme.toml", "-o", "cijfers/2019.csv", "--table", "figures"],
        "never writes over an input",
    ),
    (
        "export-through-a-link-to-the-programme",
        _link("out.csv", "programme.toml"),
        ["export", "programme.toml", "-o", "out.csv"],
        "never writes over an input",
    ),
    (
        "site-name-too-long",
        _nothing,
        ["report", "programme.toml", "--format", "site", "-o", LONG],
        "-o: cannot be made: File name too long",
    ),
    (
        "site-over-the-programme",
        _nothing,
        ["report", "programme.toml", "--format", "site", "-o", "programme.toml"],
        "never writes over an input",
    ),
    (
        "pdf-through-a-link-to-the-programme",
        _link("r.pdf", "programme.toml"),
        ["report", "programme.toml", "-o", "r.pdf"],
        "never writes over an input",
    ),
    (
        "site-in-the-programmes-folder",
        _figures('["**/*.csv"]'),
        ["report", "programme.toml", "--format", "site", "-o", "."],
        "-o: holds programme.toml, which is one of the inputs",
    ),
    (
        "site-in-the-figures-folder",
        _nothing,
        ["report", "programme.toml", "--format", "site", "-o", "cijfers"],
        "-o: holds 2019.csv, which is one of the inputs",
    ),
    (
        "site-through-a-link-to-the-programmes-folder",
        lambda folder: (folder / "out").symlink_to(folder),
        ["report", "programme.toml", "--format", "site", "-o", "out"],
        "-o: holds programme.toml, which is one of the inputs",
    ),
    # review files
    (
        "review-name-too-long",
        _review(f'["{"a" * 5000}.toml"]'),
        ["report", "review.toml"],
        "programmes[0]: cannot be read",
    ),
    ("review-names-itself", _review('["review.toml"]'), ["report", "review.toml"], "programmes"),
    (
        "reviews-name-each-other",
        _both(
            _review('["other.toml"]'),
            _write("other.toml", 'format = 1\ntitle = "O"\nprogrammes = ["review.toml"]\n'),
        ),
        ["report", "review.toml"],
        "other.toml: programmes",
    ),
    ("review-missing", _review('["nope.toml"]'), ["report", "review.toml"], "no such file"),
    (
        "review-twice",
        _review('["programme.toml", "./programme.toml"]'),
        ["report", "review.toml"],
        "twice",
    ),
    (
        "review-over-itself",
        _review('["programme.toml"]'),
        ["report", "review.toml", "-o", "review.toml", "--format", "md"],
        "never writes over an input",
    ),
    # units and populations
    ("unit-per-0", _populations('"misdrijven per 0 inwoners"', ""), CHECK, "not per 0"),
    ("unit-per-per", _populations('"misdrijven per per 1.000 inwoners"', ""), CHECK, "unit"),
    (
        "unit-very-long",
        _populations(f'"misdrijven per 1.000 {"x" * 100_000}"', ""),
        CHECK,
        "no unit is longer than 200 characters",
    ),
    (
        "population-escape",
        _populations('"misdrijven per 1.000 inwoners"', '[populations]\n"a\\u001b[2J" = "x"'),
        CHECK,
        "populations.a\\x1b[2J",
    ),
    (
        "population-description-lines",
        _populations('"x per 1.000 zz"', '[populations]\nzz = "a\\nb\\u001b[2J"'),
        CHECK,
        "a description is one line",
    ),
    # the BBV key
    ("bbv-a-number", _bbv("{ bbv = 3 }"), CHECK, "context[0].bbv: BBV indicator"),
    ("bbv-unknown-escape", _bbv('{ bbv = "\\u001b[2J" }'), CHECK, "is not in the catalogue"),
    (
        "bbv-twice",
        _bbv('{ bbv = "formatie" }, { bbv = "formatie" }'),
        CHECK,
        "has two indicators with one id",
    ),
    (
        "bbv-population-clash",
        _both(
            _bbv('{ bbv = "formatie" }'), _populations('"report"', '[populations]\ninwoners = "x"')
        ),
        CHECK,
        "populations.inwoners: names a unit already",
    ),
]


@pytest.mark.parametrize("case", REFUSED, ids=[case[0] for case in REFUSED])
def test_refused_in_one_line_and_nothing_written(
    beside: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: tuple[str, Callable[[Path], None], list[str], str],
) -> None:
    _, setup, argv, said = case
    setup(beside)
    monkeypatch.chdir(beside)
    before = _snapshot(beside)
    assert main(argv) == 1
    captured = capsys.readouterr()
    line = _one_line(captured.err)
    assert "internal error" not in line
    assert said in line
    assert all(c.isprintable() for c in line)
    assert _snapshot(beside) == before


def test_new_leaves_a_file_named_cijfers_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "cijfers").write_text("mine\n", encoding="utf-8")
    target = tmp_path / "p.toml"
    assert main(["new", str(target)]) == 0
    assert "wrote" in _one_line(capsys.readouterr().err)
    assert (tmp_path / "cijfers").read_text(encoding="utf-8") == "mine\n"
    with pytest.warns(progmon.ProgmonWarning, match="looks in the folder 'cijfers'"):
        assert progmon.load(target).id == "programma"


@pytest.mark.parametrize(
    "name",
    ['a"b\'c"""\n[x]\ny = 1', '"\n[[ambitions]]\ntitle = "x', "x" * 100_000, "\\u0041 # not"],
    ids=["quotes", "toml-tables", "very-long", "escape-and-comment"],
)
def test_new_writes_any_name_as_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    target = tmp_path / "p.toml"
    argv = ["new", str(target), "--from", "example", "--name", name, "--organisation", name]
    assert main(argv) == 0
    assert "wrote" in _one_line(capsys.readouterr().err)
    programme = progmon.load(target)
    assert programme.name == name
    assert programme.organisation == name


@pytest.mark.parametrize(
    "layout",
    ['"cijfers/*.csv"', "'cijfers/*.csv'", '[\n  # the figures\n  "cijfers/*.csv", # each year\n]'],
    ids=["a-text", "a-literal-text", "comments-in-the-array"],
)
def test_figures_add_on_odd_layouts(
    beside: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], layout: str
) -> None:
    _figures(layout)(beside)
    _write("extra/2022.csv", f"{HEAD}\nmeldingen;2022;650;report\n")(beside)
    monkeypatch.chdir(beside)
    assert main(["figures", "programme.toml", "extra/2022.csv", "--add"]) == 0
    assert "added extra/2022.csv" in capsys.readouterr().err
    loaded = progmon.io.load_with_figures(beside / "programme.toml")
    assert [path.name for path in loaded.files] == ["2019.csv", "2020.csv", "2022.csv"]


def test_figures_add_keeps_a_byte_order_mark(
    beside: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    programme = beside / "programme.toml"
    programme.write_bytes(b"\xef\xbb\xbf" + programme.read_bytes())
    _write("extra/2022.csv", f"{HEAD}\nmeldingen;2022;650;report\n")(beside)
    monkeypatch.chdir(beside)
    assert main(["figures", "programme.toml", "extra/2022.csv", "--add"]) == 0
    assert "added extra/2022.csv" in _one_line(capsys.readouterr().err)
    assert programme.read_bytes().startswith(b"\xef\xbb\xbf# A programme")
    added = progmon.load(programme).indicator("meldingen").measurement(2022)
    assert added is not None
    assert added.value.m == 650


def test_a_population_description_is_escaped_in_html(
    beside: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _populations('"misdrijven per 1.000 zz"', '[populations]\nzz = "<b>x</b><script>y</script>"')(
        beside
    )
    monkeypatch.chdir(beside)
    assert main(["report", "programme.toml", "--format", "html", "-o", "r.html"]) == 0
    capsys.readouterr()
    html = (beside / "r.html").read_text(encoding="utf-8")
    assert "<script>y" not in html
    assert "<b>x" not in html


def test_a_site_is_written_again_into_its_own_folder(
    beside: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(beside)
    for _ in range(2):
        assert main(["report", "programme.toml", "--format", "site", "-o", "site"]) == 0
        assert _one_line(capsys.readouterr().err) == "progmon: wrote site"
    assert (beside / "site" / "index.html").is_file()
