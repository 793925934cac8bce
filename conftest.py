"""Run every example as a test: the code blocks of the docs and README, and the docstrings.

Both run with the repository's root as the working directory, so that an
example can name ``examples/veiligheid.toml`` as a reader in a clone would.

Command-line pages
==================

A page that contains the line ``% docs-test: run-console`` (a MyST comment,
which the built docs do not show) is a command-line page. In it, and only in
it, two more kinds of block are tests, run in the order of the page in one
fresh temporary folder per page (made for the page, removed after it), so
that a file made by an earlier block is there for a later one:

* a file block, ``{code-block}`` with a ``:caption:`` that is a relative
  file path (letters, digits, ``_ . / -``)::

      ```{code-block} toml
      :caption: programma.toml

      format = 1
      ```

  The block's text is written to that path (folders made as needed), as the
  reader is told to write or edit it. A path ending in ``.xlsx`` is a
  spreadsheet the reader types in Excel: the block is its rows as a CSV file
  separated by ``;``, and the test saves them as a workbook (sheet ``Blad1``,
  openpyxl) with each cell as Excel reads what is typed: empty is an empty
  cell, ``2021`` a whole number, ``5,8`` a number with a decimal comma,
  anything else a text;
* a console block, ```` ```console ````: a line starting with ``$ `` is a
  command, the lines up to the next command its expected output, compared as
  doctest does with ``ELLIPSIS`` (``...``) and ``NORMALIZE_WHITESPACE``.
  Output is stdout and stderr together, in the order written. A command is
  split by :func:`shlex.split` and run without a shell; only ``progmon``
  (run as ``sys.executable -m progmon``) and ``cat cp echo head ls mkdir
  printf sha256sum`` may be run. The one redirection is a final ``> FILE``,
  which writes the command's stdout to FILE. A command that exits with a
  status other than 0 must say so as the last line of its output,
  ``[exit status 1]``; an unexpected status fails the test.

Console blocks in other pages (``make demo``, ``pip install``) are only shown.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE, OutputChecker
from pathlib import Path
from typing import Any

from sybil import Document, Example, Region, Sybil
from sybil.parsers import myst, rest
from sybil.parsers.markdown.lexers import FencedCodeBlockLexer
from sybil.parsers.myst.lexers import DirectiveLexer

ROOT = Path(__file__).parent
FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE

RUN_CONSOLE = "% docs-test: run-console"
"""The line that makes a page a command-line page."""
COMMANDS = frozenset({"progmon", "cat", "cp", "echo", "head", "ls", "mkdir", "printf", "sha256sum"})
"""The commands a console block may run."""
_FILE_PATH = re.compile(r"[\w.-]+(?:/[\w.-]+)*")
_EXIT = re.compile(r"\[exit status (\d+)\]\s*$")
_WHOLE = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?\d*,\d+|[+-]?\d+\.\d+")
_FOLDER = "_console_folder"


def _setup(namespace: dict[str, object]) -> None:
    namespace["ROOT"] = ROOT
    namespace["_cwd"] = Path.cwd()
    os.chdir(ROOT)


def _teardown(namespace: dict[str, object]) -> None:
    cwd = namespace["_cwd"]
    if isinstance(cwd, Path):
        os.chdir(cwd)
    folder = namespace.pop(_FOLDER, None)
    if isinstance(folder, Path):
        shutil.rmtree(folder, ignore_errors=True)


def _folder(example: Example) -> Path:
    """The page's temporary folder, made at its first file or console block."""
    folder = example.namespace.get(_FOLDER)
    if not isinstance(folder, Path):
        folder = Path(tempfile.mkdtemp(prefix="progmon-docs-"))
        example.namespace[_FOLDER] = folder
    return folder


# --------------------------------------------------------------------------- file blocks


def _cell(text: str) -> int | float | str | None:
    """A cell as Excel reads what is typed into it (with Dutch settings)."""
    text = text.strip()
    if not text:
        return None
    if _WHOLE.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        return float(text.replace(",", "."))
    return text


def _write_workbook(path: Path, rows_text: str) -> None:
    import openpyxl  # the excel extra; only command-line pages with a workbook need it

    book = openpyxl.Workbook()
    book.remove(book.worksheets[0])
    sheet = book.create_sheet("Blad1")
    for row in csv.reader(io.StringIO(rows_text), delimiter=";"):
        if row:
            sheet.append([_cell(cell) for cell in row])
    book.save(path)


def _evaluate_file(example: Example) -> None:
    relative, text = example.parsed
    path = _folder(example) / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".xlsx":
        _write_workbook(path, text)
    else:
        path.write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- console blocks


def _commands(source: str) -> Iterator[tuple[str, str]]:
    """Each command of a console block and the output expected of it."""
    command: str | None = None
    output: list[str] = []
    for line in source.splitlines():
        if line.startswith("$ "):
            if command is not None:
                yield command, "\n".join(output)
            command, output = line[2:], []
        elif command is None:
            if line.strip():
                raise ValueError(f"console block: output before the first command: {line!r}")
        else:
            output.append(line)
    if command is not None:
        yield command, "\n".join(output)


def _run(command: str, folder: Path) -> tuple[str, int]:
    """The output (stdout and stderr) and exit status of ``command``, run in ``folder``."""
    words = shlex.split(command)
    target = None
    if len(words) >= 2 and words[-2] == ">":
        target, words = words[-1], words[:-2]
    if any(word in {">", ">>", "<", "|", "&&", ";", "||"} for word in words):
        raise ValueError(f"console block: only a final > FILE is supported: {command!r}")
    if not words or words[0] not in COMMANDS:
        raise ValueError(f"console block: {words[:1]} is not one of {sorted(COMMANDS)}")
    if words[0] == "progmon":
        argv = [sys.executable, "-m", "progmon", *words[1:]]
    else:
        found = shutil.which(words[0])
        if found is None:
            raise RuntimeError(f"console block: {words[0]} is not installed")
        argv = [found, *words[1:]]
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"}
    env.pop("COLUMNS", None)
    if target is None:
        done = subprocess.run(  # noqa: S603  # argv[0] is one of COMMANDS
            argv, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False
        )
        return done.stdout.decode("utf-8"), done.returncode
    with (folder / target).open("wb") as out:
        done = subprocess.run(  # noqa: S603  # argv[0] is one of COMMANDS
            argv, cwd=folder, env=env, stdout=out, stderr=subprocess.PIPE, check=False
        )
    return done.stderr.decode("utf-8"), done.returncode


def _evaluate_console(example: Example) -> str | None:
    folder = _folder(example)
    checker = OutputChecker()
    for command, shown in example.parsed:
        status, expected = 0, shown
        if match := _EXIT.search(shown):
            status, expected = int(match[1]), shown[: match.start()]
        got, code = _run(command, folder)
        want = expected.strip("\n") + "\n" if expected.strip() else ""
        if code != status or not checker.check_output(want, got, FLAGS):
            return (
                f"$ {command}\nexpected (exit status {status}):\n{want}"
                f"got (exit status {code}):\n{got}"
            )
    return None


# --------------------------------------------------------------------------- the parser


def _console_pages(document: Document) -> Iterable[Region]:
    """The file and console blocks of a command-line page, as regions to evaluate."""
    if not any(line.strip() == RUN_CONSOLE for line in document.text.splitlines()):
        return
    regions: list[Region] = []
    for lexed in DirectiveLexer("code-block")(document):
        caption = lexed.lexemes.get("options", {}).get("caption")
        if caption is None:
            continue
        if not _FILE_PATH.fullmatch(caption) or ".." in caption.split("/"):
            raise ValueError(
                f"{document.path}: a file block's caption is no relative path: {caption!r}"
            )
        text = str(lexed.lexemes["source"])
        regions.append(Region(lexed.start, lexed.end, (caption, text), _evaluate_file))
    for lexed in FencedCodeBlockLexer("console")(document):
        source = str(lexed.lexemes["source"])
        regions.append(Region(lexed.start, lexed.end, list(_commands(source)), _evaluate_console))
    yield from sorted(regions, key=lambda region: region.start)


def _parsers() -> list[Any]:
    return [
        myst.PythonCodeBlockParser(doctest_optionflags=FLAGS),
        myst.DocTestDirectiveParser(optionflags=FLAGS),
        myst.SkipParser(),
        _console_pages,
    ]


_docs = Sybil(
    parsers=_parsers(),
    patterns=["docs/**/*.md", "README.md"],
    excludes=["docs/_build/*"],
    setup=_setup,
    teardown=_teardown,
    name="docs",
)
_docstrings = Sybil(
    parsers=[rest.DocTestParser(optionflags=FLAGS)],
    patterns=["*.py"],
    path="src",
    setup=_setup,
    teardown=_teardown,
    name="docstrings",
)

pytest_collect_file = (_docs + _docstrings).pytest()
