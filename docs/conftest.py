"""Run every Python block of the docs as a test (Sybil over MyST Markdown)."""

from __future__ import annotations

import os
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from pathlib import Path

from sybil import Sybil
from sybil.parsers.myst import DocTestDirectiveParser, PythonCodeBlockParser, SkipParser

DOCS = Path(__file__).parent
ROOT = DOCS.parent


def _setup(namespace: dict[str, object]) -> None:
    # Pages refer to examples/ and write files relative to the repository root.
    namespace["ROOT"] = ROOT
    namespace["_cwd"] = Path.cwd()
    os.chdir(ROOT)


def _teardown(namespace: dict[str, object]) -> None:
    cwd = namespace["_cwd"]
    assert isinstance(cwd, Path)
    os.chdir(cwd)


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=ELLIPSIS | NORMALIZE_WHITESPACE),
        DocTestDirectiveParser(optionflags=ELLIPSIS | NORMALIZE_WHITESPACE),
        SkipParser(),
    ],
    patterns=["*.md"],
    setup=_setup,
    teardown=_teardown,
    excludes=["_build/*"],
).pytest()
