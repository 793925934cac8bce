"""The `progmon` command: output, exit codes, and one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from progmon.cli import load_programme, main

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "veiligheid.py"


def _one_line_error(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("progmon")
    return lines[0]


def test_report_prints_the_markdown_review(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(EXAMPLE), "--lang", "en", "--as-of", "2020"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Programma Veiligheid\n")
    assert "as of 2020" in out
    assert "What may it cost?" in out


def test_report_writes_html_by_the_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "review.html"
    assert main(["report", str(EXAMPLE), "-o", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in page
    assert str(target) in capsys.readouterr().err


def test_report_with_method_and_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(EXAMPLE), "--method", "projection", "--format", "md"]) == 0
    assert "methode: projectie (UNSD)" in capsys.readouterr().out


def test_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "no/such/programme.py"]) == 1
    line = _one_line_error(capsys.readouterr().err)
    assert "no such file" in line
    assert "no/such/programme.py" in line


def test_file_without_programme(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "empty.py"
    file.write_text("PROGRAMME = None\n", encoding="utf-8")
    assert main(["check", str(file)]) == 1
    line = _one_line_error(capsys.readouterr().err)
    assert str(file) in line
    assert "programme()" in line


def test_programme_returning_something_else(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "other.py"
    file.write_text("def programme():\n    return 42\n", encoding="utf-8")
    assert main(["report", str(file)]) == 1
    assert "returned an int, not a Programme" in _one_line_error(capsys.readouterr().err)


def test_invalid_programme(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "invalid.py"
    file.write_text(
        "from progmon import Indicator, Measurement\n"
        "def programme():\n"
        "    return Indicator(id='share', name='Share', unit='percent',\n"
        "                     measurements=[Measurement(2019, 130)])\n",
        encoding="utf-8",
    )
    assert main(["check", str(file)]) == 1
    line = _one_line_error(capsys.readouterr().err)
    # The file, the element and the value.
    assert str(file) in line
    assert "indicator 'share'" in line
    assert "130" in line


def test_error_inside_the_file_names_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "broken.py"
    file.write_text("import progmon\n\ndef programme():\n    return undefined\n", encoding="utf-8")
    assert main(["report", str(file)]) == 1
    line = _one_line_error(capsys.readouterr().err)
    assert f"{file}: line 4: NameError" in line


def test_syntax_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "syntax.py"
    file.write_text("def programme(:\n", encoding="utf-8")
    assert main(["check", str(file)]) == 1
    assert "line 1: SyntaxError" in _one_line_error(capsys.readouterr().err)


def test_unknown_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "programme.yaml"
    file.write_text("id: x\n", encoding="utf-8")
    assert main(["check", str(file)]) == 1
    assert ".toml, .json" in _one_line_error(capsys.readouterr().err)


def test_unknown_method(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(EXAMPLE), "--method", "astrology"]) == 1
    assert "astrology" in _one_line_error(capsys.readouterr().err)


def test_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(EXAMPLE), "-o", str(tmp_path / "no" / "dir.md")]) == 1
    assert "cannot be written" in _one_line_error(capsys.readouterr().err)


@pytest.mark.parametrize(
    "argv",
    [["report"], ["report", "x.py", "--format", "docx"], ["report", "x.py", "--as-of", "soon"]],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "error:" in err


def test_no_arguments_prints_the_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("usage: progmon")
    for command in ("report", "check"):
        assert command in captured.err
    assert "Traceback" not in captured.err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.metadata

    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"progmon {importlib.metadata.version('progmon-nl')}\n"


def _programme_file(tmp_path: Path, indicator: str, *, deadline: str = "deadline = 2026\n") -> Path:
    file = tmp_path / "p.toml"
    file.write_text(
        'format = 1\nid = "p"\nname = "P"\n'
        '[[ambitions]]\ntitle = "A"\n[[ambitions.goals]]\nid = "g"\nstatement = "S"\n'
        f"{deadline}[[ambitions.goals.indicators]]\n{indicator}",
        encoding="utf-8",
    )
    return file


@pytest.mark.parametrize(
    ("indicator", "deadline", "found"),
    [
        (
            'id = "x"\nname = "X"\nunit = "report"\nmeasurements = [{ period = 2019, value = 3 }]\n',
            "deadline = 2026\n",
            "problem: goal 'g', indicator 'x': has neither a target nor a direction",
        ),
        (
            (
                'id = "x"\nname = "X"\nunit = "report"\ntarget = { level = 2 }\n'
                "measurements = [{ period = 2019, value = 3 }]\n"
            ),
            "",
            "problem: goal 'g', indicator 'x': its target has no deadline",
        ),
    ],
)
def test_check_fails_on_a_problem(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    indicator: str,
    deadline: str,
    found: str,
) -> None:
    file = _programme_file(tmp_path, indicator, deadline=deadline)
    assert main(["check", str(file)]) == 1
    out = capsys.readouterr().out
    assert found in out
    assert out.splitlines()[-1] == f"{file}: 1 problem, 0 warnings"


def test_check_fails_on_a_warning_only_when_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = _programme_file(
        tmp_path, 'id = "x"\nname = "X"\nunit = "report"\ndirection = "decrease"\n'
    )
    assert main(["check", str(file)]) == 0
    out = capsys.readouterr().out
    assert "warning: goal 'g', indicator 'x': not measured yet, and no note says why" in out
    assert out.splitlines()[-1] == f"{file}: 0 problems, 1 warning"
    assert main(["check", "--strict", str(file)]) == 1
    assert capsys.readouterr().out == out


def test_check_passes_strict_with_notes_only(capsys: pytest.CaptureFixture[str]) -> None:
    # The worked example's unmeasured indicators each say why: notes, not warnings.
    assert main(["check", "--strict", str(ROOT / "examples" / "veiligheid.toml")]) == 0
    out = capsys.readouterr().out
    assert "  - note: " in out
    assert "problem" not in out
    assert "warning" not in out


def test_check_lists_what_is_missing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "programme 'veiligheid' is valid: 4 goals" in out
    # The seed's five indicators without a figure, each named.
    for indicator in (
        "verward-gedrag-politiecel",
        "meldingsbereidheid",
        "buurtpreventie-initiatieven",
        "tevredenheid-sociale-veiligheid",
        "misdrijven",
    ):
        assert f"indicator {indicator!r}: not measured yet" in out


def test_toml_and_json_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from progmon.io import dump

    programme = load_programme(EXAMPLE)
    assert main(["report", str(EXAMPLE), "--as-of", "2020"]) == 0
    from_python = capsys.readouterr().out
    for suffix in (".toml", ".json"):
        file = tmp_path / f"veiligheid{suffix}"
        dump(programme, file)
        assert main(["report", str(file), "--as-of", "2020"]) == 0
        assert capsys.readouterr().out == from_python
        assert main(["check", str(file)]) == 0
        capsys.readouterr()


def test_shipped_toml_renders_the_same_review(capsys: pytest.CaptureFixture[str]) -> None:
    for lang in ("nl", "en"):
        assert main(["report", str(EXAMPLE), "--as-of", "2020", "--lang", lang]) == 0
        from_python = capsys.readouterr().out
        toml = EXAMPLE.with_suffix(".toml")
        assert main(["report", str(toml), "--as-of", "2020", "--lang", lang]) == 0
        assert capsys.readouterr().out == from_python


def test_broken_toml_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "broken.toml"
    file.write_text("id = [\n", encoding="utf-8")
    assert main(["check", str(file)]) == 1
    assert str(file) in _one_line_error(capsys.readouterr().err)


def test_the_console_script_runs_as_a_process(tmp_path: Path) -> None:
    missing = subprocess.run(  # noqa: S603  # fixed arguments, no shell
        [sys.executable, "-m", "progmon.cli", "report", str(tmp_path / "nope.toml")],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert missing.returncode == 1
    assert missing.stdout == ""
    _one_line_error(missing.stderr)
    # The installed command, as the README runs it after make demo.
    script = Path(sys.executable).parent / "progmon"
    version = subprocess.run(  # noqa: S603  # fixed arguments, no shell
        [str(script), "--version"], capture_output=True, text=True, check=False, timeout=60
    )
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("progmon ")


@pytest.mark.parametrize(
    ("argv_tail", "named"),
    [
        (["-o", "review.docx"], "review.docx"),  # no format for .docx: refused, not Markdown in it
        (["-o", "review.html", "--format", "md"], "review.html"),  # Markdown in a .html file
        (["-o", "review.md", "--format", "html"], "review.md"),
    ],
)
def test_output_file_and_format_must_agree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv_tail: list[str], named: str
) -> None:
    argv = ["report", str(EXAMPLE.with_suffix(".toml"))]
    argv += [str(tmp_path / a) if a.startswith("review.") else a for a in argv_tail]
    assert main(argv) == 1
    line = _one_line_error(capsys.readouterr().err)
    assert named in line
    assert not (tmp_path / named).exists()


def test_explicit_format_writes_any_file_name(tmp_path: Path) -> None:
    target = tmp_path / "review.txt"
    assert (
        main(["report", str(EXAMPLE.with_suffix(".toml")), "-o", str(target), "--format", "md"])
        == 0
    )
    assert target.read_text(encoding="utf-8").startswith("# Programma Veiligheid")


@pytest.mark.parametrize(
    ("year", "words"),
    [
        ("1900", "before the first figure (2013)"),  # a review of nothing: a typo
        ("3000", "1800 to 2200"),
        ("-5", "1800 to 2200"),
    ],
)
def test_as_of_outside_the_figures_is_refused(
    capsys: pytest.CaptureFixture[str], year: str, words: str
) -> None:
    assert main(["report", str(EXAMPLE.with_suffix(".toml")), f"--as-of={year}"]) == 1
    line = _one_line_error(capsys.readouterr().err)
    assert "--as-of" in line
    assert year in line
    assert words in line
    assert capsys.readouterr().out == ""


def test_as_of_after_the_figures_is_a_projection(capsys: pytest.CaptureFixture[str]) -> None:
    # A review in 2022 of figures up to 2019 is what a council asks for: allowed.
    assert main(["report", str(EXAMPLE.with_suffix(".toml")), "--as-of", "2022"]) == 0
    assert "stand per 2022" in capsys.readouterr().out


def test_a_programme_without_figures_yet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A municipality that starts from the guide has goals before it has figures.
    file = tmp_path / "nieuw.toml"
    file.write_text(
        'format = 1\nid = "nieuw"\nname = "Programma Nieuw"\n'
        '[[ambitions]]\ntitle = "A"\n[[ambitions.goals]]\nid = "g"\nstatement = "S"\n'
        'deadline = 2026\n[[ambitions.goals.indicators]]\nid = "x"\nname = "X"\n'
        'unit = "report"\ndirection = "decrease"\n',
        encoding="utf-8",
    )
    assert main(["check", str(file)]) == 0
    out = capsys.readouterr().out
    assert "programme 'nieuw' is valid" in out
    assert "no figures yet" in out
    assert "indicator 'x': not measured yet" in out
    assert main(["report", str(file)]) == 1
    line = _one_line_error(capsys.readouterr().err)
    assert str(file) in line
    assert "--as-of" in line
    assert main(["report", str(file), "--as-of", "2024"]) == 0
    assert "stand per 2024" in capsys.readouterr().out


# --------------------------------------------------------------------------- start-up

_HEAVY = ("matplotlib", "jinja2", "progmon.report", "scipy.stats", "pandas")


def _modules_after(*argv: str) -> list[str]:
    """The modules loaded by running ``progmon argv`` in a fresh process (its exit ignored)."""
    # pint imports dask and xarray where the scale extra is installed, and dask jinja2:
    # hidden, as on a machine without that extra, to see what progmon itself imports.
    code = (
        "import sys\n"
        "sys.modules.update(dask=None, xarray=None)\n"
        "from progmon.cli import main\n"
        "try:\n"
        f"    main({list(argv)!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run(  # noqa: S603  # fixed arguments, no shell
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stderr.split()


def test_version_imports_neither_pint_nor_numpy() -> None:
    loaded = _modules_after("--version")
    assert [m for m in ("pint", "numpy", "attrs", "cattrs", *_HEAVY) if m in loaded] == []


def test_check_imports_none_of_the_review() -> None:
    loaded = _modules_after("check", str(ROOT / "examples" / "veiligheid.toml"))
    assert "progmon.assessment" in loaded  # it did assess
    assert [m for m in _HEAVY if m in loaded] == []


def test_check_render_renders_the_review_too() -> None:
    loaded = _modules_after("check", "--render", str(ROOT / "examples" / "veiligheid.toml"))
    assert "progmon.report" in loaded
    assert "jinja2" in loaded


def test_check_render_reports_what_the_review_cannot_show(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import progmon.report

    def fails(*args: object, **kwargs: object) -> str:
        raise ValueError("cannot show this")

    monkeypatch.setattr(progmon.report, "render", fails)
    toml = str(ROOT / "examples" / "veiligheid.toml")
    assert main(["check", toml]) == 0  # reads and assesses only
    capsys.readouterr()
    assert main(["check", "--render", toml]) == 1
    assert "internal error: ValueError: cannot show this" in _one_line_error(
        capsys.readouterr().err
    )
