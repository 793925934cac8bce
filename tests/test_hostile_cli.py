"""The command line under hostile input and faults: nothing lost, nothing injected, one line.

Each case asserts the whole outcome: the exit status, the one line on
stderr (never a traceback), what the line names, and that no file was
written or changed (the folder's contents before and after).
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings

import progmon
import strategies
from progmon.cli import main

ROOT = Path(__file__).parent.parent
EXAMPLE_TOML = ROOT / "examples" / "veiligheid.toml"
EXAMPLE_PY = ROOT / "examples" / "veiligheid.py"
PROGMON = [sys.executable, "-m", "progmon"]


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes (links by their own name)."""
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else b"<dir>")
        for p in sorted(folder.rglob("*"))
    }


def _one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip("\n").splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("progmon")
    return lines[0]


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "veiligheid.toml").write_bytes(EXAMPLE_TOML.read_bytes())
    (tmp_path / "veiligheid.json").write_text(
        progmon.io.dumps(progmon.load(EXAMPLE_TOML), "json"), encoding="utf-8"
    )
    (tmp_path / "veiligheid.py").write_bytes(EXAMPLE_PY.read_bytes())
    (tmp_path / "sub").mkdir()
    return tmp_path


# --------------------------------------------------------------------------- never over an input


def _link(work: Path, name: str, to: str) -> str:
    (work / name).symlink_to(work / to)
    return name


def _hard(work: Path, name: str, to: str) -> str:
    os.link(work / to, work / name)
    return name


OVER_INPUT = [
    ("toml-md", "veiligheid.toml", lambda w: "veiligheid.toml", ["--format", "md"]),
    ("toml-html", "veiligheid.toml", lambda w: "veiligheid.toml", ["--format", "html"]),
    ("json-md", "veiligheid.json", lambda w: "veiligheid.json", ["--format", "md"]),
    ("py-md", "veiligheid.py", lambda w: "veiligheid.py", ["--format", "md"]),
    ("py-html", "veiligheid.py", lambda w: "veiligheid.py", ["--format", "html"]),
    ("dot-slash", "veiligheid.toml", lambda w: "./veiligheid.toml", ["--format", "md"]),
    ("up-and-back", "veiligheid.toml", lambda w: "sub/../veiligheid.toml", ["--format", "md"]),
    ("absolute", "veiligheid.toml", lambda w: str(w / "veiligheid.toml"), ["--format", "md"]),
    (
        "symlink-md",
        "veiligheid.toml",
        lambda w: _link(w, "review.md", "veiligheid.toml"),
        [],
    ),
    (
        "symlink-py",
        "veiligheid.py",
        lambda w: _link(w, "review.html", "veiligheid.py"),
        [],
    ),
    (
        "hard-link",
        "veiligheid.toml",
        lambda w: _hard(w, "review.md", "veiligheid.toml"),
        [],
    ),
    (
        "input-through-symlink",
        "link.toml",
        lambda w: (_link(w, "link.toml", "veiligheid.toml"), "veiligheid.toml")[1],
        ["--format", "md"],
    ),
]


@pytest.mark.parametrize("case", OVER_INPUT, ids=[case[0] for case in OVER_INPUT])
def test_report_never_writes_over_its_input(
    work: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: tuple[str, str, object, list[str]],
) -> None:
    _, programme, output, options = case
    monkeypatch.chdir(work)
    target = output(work)  # type: ignore[operator]
    before = _snapshot(work)
    assert main(["report", programme, "-o", target, *options]) == 1
    captured = capsys.readouterr()
    line = _one_line(captured.err)
    assert "never writes over an input" in line
    assert str(Path(target)) in line
    assert captured.out == ""
    assert _snapshot(work) == before


def test_output_is_replaced_atomically(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    review = work / "review.md"
    review.write_text("old review\n", encoding="utf-8")
    review.chmod(0o640)
    assert main(["report", str(work / "veiligheid.toml"), "-o", str(review)]) == 0
    assert review.read_text(encoding="utf-8").startswith("# Programma Veiligheid")
    assert review.stat().st_mode & 0o777 == 0o640  # the replaced file keeps its permissions
    assert sorted(p.name for p in work.iterdir() if p.name.startswith(".")) == []
    assert _one_line(capsys.readouterr().err) == f"progmon: wrote {review}"


def test_a_failed_write_leaves_the_old_file(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    review = work / "review.md"
    review.write_text("old review\n", encoding="utf-8")
    before = _snapshot(work)

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    assert main(["report", str(work / "veiligheid.toml"), "-o", str(review)]) == 1
    line = _one_line(capsys.readouterr().err)
    assert "No space left on device" in line
    assert str(review) in line
    assert _snapshot(work) == before  # the old review, and no temporary file


def test_output_through_a_symlink_replaces_the_file_it_points_to(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = work / "sub" / "review.md"
    real.write_text("old\n", encoding="utf-8")
    link = work / "review.md"
    link.symlink_to(real)
    assert main(["report", str(work / "veiligheid.toml"), "-o", str(link)]) == 0
    capsys.readouterr()
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("# Programma Veiligheid")


@pytest.mark.parametrize(
    ("output", "said"),
    [
        ("sub", "is a folder"),
        ("missing/review.md", "No such file or directory"),
        ("sub/", "is a folder"),
    ],
    ids=["folder", "missing-folder", "folder-with-slash"],
)
def test_output_that_cannot_be_a_file(
    work: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    output: str,
    said: str,
) -> None:
    monkeypatch.chdir(work)
    before = _snapshot(work)
    assert main(["report", "veiligheid.toml", "--format", "md", "-o", output]) == 1
    line = _one_line(capsys.readouterr().err)
    assert said in line
    assert output.rstrip("/") in line
    assert _snapshot(work) == before


# --------------------------------------------------------------------------- inert on the terminal

HOSTILE_TEXT = [
    ("clear-screen", "\x1b[2J\x1b[1;1Hprogmon: all valid"),
    ("osc-title", "\x1b]0;owned\x07"),
    ("carriage-return", "niet gemeten\rall good   "),
    ("backspaces", "problem\x08\x08\x08\x08\x08\x08\x08ok     "),
    ("right-to-left", "\u202egnp.exe"),
    ("line-separator", "ok\u2028  - problem: none"),
    ("newline", "ok\n  - note: everything fine"),
    ("bell-and-nul", "\x07\x00"),
    ("c1-csi", "\x9b2J"),
    ("delete", "x\x7fy"),
]


def _programme_with_note(folder: Path, note: str) -> Path:
    indicator = progmon.Indicator(
        id="x", name="X", unit="report", direction=progmon.Direction.DECREASE, note=note
    )
    programme = progmon.Programme(
        id="p",
        name="P",
        ambitions=[
            progmon.Ambition(
                title="A",
                goals=[progmon.Goal(id="g", statement="S", deadline=2026, indicators=[indicator])],
            )
        ],
    )
    path = folder / "p.json"
    progmon.dump(programme, path)
    return path


@pytest.mark.parametrize("text", [t for _, t in HOSTILE_TEXT], ids=[i for i, _ in HOSTILE_TEXT])
def test_check_shows_control_characters_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    path = _programme_with_note(tmp_path, text)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    shown = [line for line in lines if "indicator 'x'" in line]
    assert len(shown) == 1  # one finding, one line: nothing the text started
    assert len(lines) == 2  # the verdict and the finding, no line made up by the text
    assert all(c.isprintable() for c in shown[0])
    escape = "\\u" if any(ord(c) > 0xFF for c in text if not c.isprintable()) else "\\x"
    assert escape in shown[0]


@pytest.mark.parametrize("text", [t for _, t in HOSTILE_TEXT], ids=[i for i, _ in HOSTILE_TEXT])
def test_errors_show_control_characters_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    file = tmp_path / "p.py"
    file.write_text(f"def programme():\n    raise ValueError({text!r})\n", encoding="utf-8")
    assert main(["check", str(file)]) == 1
    line = _one_line(capsys.readouterr().err)
    assert "line 2: ValueError" in line
    assert all(c.isprintable() for c in line)


def test_a_file_name_with_an_escape_is_shown_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = tmp_path / "p\x1b[31m.toml"
    assert main(["check", str(name)]) == 1
    line = _one_line(capsys.readouterr().err)
    assert "\x1b" not in line
    assert "\\x1b[31m" in line or "\\\\x1b[31m" in line


# --------------------------------------------------------------------------- one way out


def _run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603  # fixed arguments, no shell
        [*PROGMON, *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        **kwargs,  # type: ignore[call-overload]
    )


def test_closed_stdout_is_one_line(tmp_path: Path) -> None:
    done = subprocess.run(  # noqa: S603  # fixed arguments, no shell
        [*PROGMON, "report", str(EXAMPLE_TOML)],
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=120,
        preexec_fn=lambda: os.close(1),  # the child alone, before exec
    )
    assert done.returncode == 1
    assert "standard output is closed" in _one_line(done.stderr)


def test_a_reader_that_goes_away_is_silence() -> None:
    process = subprocess.Popen(  # noqa: S603  # fixed arguments, no shell
        [*PROGMON, "report", str(EXAMPLE_TOML), "--format", "html"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    # The reader goes away before the review is written, as head -1 does after its line.
    process.stdout.close()
    err = process.stderr.read()
    process.wait(timeout=120)
    process.stderr.close()
    assert process.returncode == 141
    assert err == b""


def _interruptible() -> None:
    # The child gets Python's Ctrl-C handler even where the test runner ignores SIGINT.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_is_one_line_and_130(tmp_path: Path) -> None:
    slow = tmp_path / "slow.py"
    marker = tmp_path / "started"
    slow.write_text(
        f"import pathlib, time\npathlib.Path({str(marker)!r}).touch()\ntime.sleep(60)\n",
        encoding="utf-8",
    )
    process = subprocess.Popen(  # noqa: S603  # fixed arguments, no shell
        [*PROGMON, "check", str(slow)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_interruptible,  # noqa: PLW1509  # the child alone, before exec
    )
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert _one_line(err) == "progmon: interrupted"
    assert out == ""


@pytest.mark.parametrize(
    ("body", "status", "said"),
    [
        ("def programme():\n    raise KeyboardInterrupt\n", 130, "progmon: interrupted"),
        ("import sys\nsys.exit(0)\n", 1, "line 2: calls sys.exit(0)"),
        ("import sys\nsys.exit('bye')\n", 1, "calls sys.exit('bye')"),
        ("def programme():\n    raise SystemExit(3)\n", 1, "line 2: calls sys.exit(3)"),
        ("def programme():\n    return programme()\n", 1, "RecursionError"),
        ("def programme():\n    raise MemoryError\n", 1, "MemoryError"),
        ("def programme():\n    return 42\n", 1, "returned an int, not a Programme"),
        ("programme = 3\n", 1, "defines no function programme()"),
        ("def programme(:\n", 1, "line 1: SyntaxError"),
        ("import no_such_module_xyz\n", 1, "ModuleNotFoundError"),
        ("raise ValueError('\\x1b[2J')\n", 1, "ValueError: \\x1b[2J"),
    ],
    ids=[
        "keyboard-interrupt",
        "exit-0-at-import",
        "exit-text",
        "exit-in-programme",
        "recursion",
        "memory",
        "not-a-programme",
        "not-callable",
        "syntax",
        "missing-import",
        "escape-in-message",
    ],
)
def test_what_a_python_file_does_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, status: int, said: str
) -> None:
    file = tmp_path / "p.py"
    file.write_text(body, encoding="utf-8")
    before = _snapshot(tmp_path)
    assert main(["report", str(file), "-o", str(tmp_path / "review.md")]) == status
    captured = capsys.readouterr()
    assert said in _one_line(captured.err)
    assert captured.out == ""
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("argv", "status", "said"),
    [
        ([], 2, "usage: progmon"),
        (["nonsense"], 2, "invalid choice"),
        (["report"], 2, "required: PATH"),
        (["report", "x.toml", "--format", "docx"], 2, "invalid choice"),
        (["report", "x.toml", "--lang", "de"], 2, "invalid choice"),
        (["report", "x.toml", "--as-of", "soon"], 2, "invalid int value"),
        (["report", "x.toml", "--bogus"], 2, "unrecognized arguments"),
        (["check"], 2, "required: PATH"),
        (["check", "x.toml", "--as-of", "2020"], 2, "unrecognized arguments"),
    ],
    ids=[
        "nothing",
        "unknown-command",
        "no-path",
        "bad-format",
        "bad-lang",
        "as-of-text",
        "unknown-option",
        "check-no-path",
        "check-unknown-option",
    ],
)
def test_wrong_command_lines_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], status: int, said: str
) -> None:
    assert main(argv) == status
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert said in captured.err
    assert captured.out == ""


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["report", "EXAMPLE", "--as-of", "1700"], "--as-of"),
        (["report", "EXAMPLE", "--as-of", "2012"], "is before the first figure"),
        (["report", "EXAMPLE", "--method", "magic"], "is not a method"),
        (["report", "EXAMPLE", "-o", "review.docx"], "cannot tell the format"),
        (["report", "EXAMPLE", "-o", "review.md", "--format", "html"], "make them agree"),
        (["report", "no/such.toml"], "no such file"),
        (["check", "no/such.toml"], "no such file"),
        (["check", "."], "is not a file"),
        (["check", "README.md"], "is not a programme file"),
    ],
    ids=[
        "as-of-off-calendar",
        "as-of-before-figures",
        "unknown-method",
        "unknown-suffix",
        "suffix-and-format-disagree",
        "missing-file",
        "check-missing-file",
        "folder",
        "not-a-programme-file",
    ],
)
def test_wrong_arguments_are_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    said: str,
) -> None:
    monkeypatch.chdir(ROOT)
    argv = [str(EXAMPLE_TOML) if a == "EXAMPLE" else a for a in argv]
    argv = [str(tmp_path / a) if a.startswith("review.") else a for a in argv]
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert said in _one_line(captured.err)
    assert captured.out == ""
    assert list(tmp_path.iterdir()) == []


def test_a_symlink_loop_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop = tmp_path / "loop.toml"
    loop.symlink_to(tmp_path / "loop.toml")
    assert main(["check", str(loop)]) == 1
    assert str(loop) in _one_line(capsys.readouterr().err)


def test_deeply_nested_files_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, text in (
        ("deep.json", "[" * 100_000 + "]" * 100_000),
        ("deep.toml", "x = " + "[" * 100_000 + "]" * 100_000),
    ):
        file = tmp_path / name
        file.write_text(text, encoding="utf-8")
        assert main(["check", str(file)]) == 1
        line = _one_line(capsys.readouterr().err)
        assert str(file) in line or "nested too deeply" in line


def test_check_says_valid_only_of_what_report_renders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The example as a file: check calls it valid, and report renders it in every way.
    file = tmp_path / "veiligheid.toml"
    file.write_bytes(EXAMPLE_TOML.read_bytes())
    assert main(["check", str(file)]) == 0
    assert "is valid" in capsys.readouterr().out
    for options in (["--format", "md"], ["--format", "html"], ["--lang", "en"]):
        assert main(["report", str(file), *options]) == 0
        assert capsys.readouterr().out


def test_python_m_progmon_is_the_same_command() -> None:
    done = _run("--version")
    assert done.returncode == 0
    assert done.stdout.startswith("progmon ")
    done = _run()
    assert done.returncode == 2
    assert done.stderr.startswith("usage: progmon")


# --------------------------------------------------------------------------- check iff report


@settings(max_examples=30)
@given(programme=strategies.programmes())
def test_check_calls_valid_exactly_what_report_renders(
    tmp_path_factory: pytest.TempPathFactory, programme: progmon.Programme
) -> None:
    folder = tmp_path_factory.mktemp("property")
    file = folder / "p.toml"
    progmon.dump(programme, file)
    years = [
        m.period.start.year
        for top in programme.indicators()
        for indicator in top.walk()
        for m in indicator.measurements
        if m.value is not None
    ]
    as_of = str(max(years)) if years else "2020"
    with (
        contextlib.redirect_stdout(io.StringIO()) as out,
        contextlib.redirect_stderr(io.StringIO()),
    ):
        main(["check", str(file)])
    valid = " is valid: " in out.getvalue()
    rendered = []
    for format_ in ("md", "html"):
        for lang in ("nl", "en"):
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
            ):
                status = main(
                    ["report", str(file), "--as-of", as_of, "--format", format_, "--lang", lang]
                )
            rendered.append(status == 0)
    assert valid == all(rendered), (valid, rendered)
    assert valid  # the strategies make valid programmes: each must render


@pytest.mark.parametrize("through", ["self", "pair"])
def test_output_through_a_loop_of_symlinks_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], through: str
) -> None:
    loop = tmp_path / "review.md"
    if through == "self":
        loop.symlink_to(loop)
    else:
        other = tmp_path / "other.md"
        loop.symlink_to(other)
        other.symlink_to(loop)
    before = {p.name: p.readlink() for p in tmp_path.iterdir()}
    assert main(["report", str(EXAMPLE_TOML), "-o", str(loop)]) == 1
    assert "loop of symbolic links" in _one_line(capsys.readouterr().err)
    assert {p.name: p.readlink() for p in tmp_path.iterdir()} == before
