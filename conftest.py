"""Run every example as a test: the code blocks of the docs and README, and the docstrings.

Both run with the repository's root as the working directory, so that an
example can name ``examples/veiligheid.toml`` as a reader in a clone would.
"""

from __future__ import annotations

import os
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from pathlib import Path

from sybil import Sybil
from sybil.parsers import myst, rest

ROOT = Path(__file__).parent
FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE


def _setup(namespace: dict[str, object]) -> None:
    namespace["ROOT"] = ROOT
    namespace["_cwd"] = Path.cwd()
    os.chdir(ROOT)


def _teardown(namespace: dict[str, object]) -> None:
    cwd = namespace["_cwd"]
    if isinstance(cwd, Path):
        os.chdir(cwd)


_docs = Sybil(
    parsers=[
        myst.PythonCodeBlockParser(doctest_optionflags=FLAGS),
        myst.DocTestDirectiveParser(optionflags=FLAGS),
        myst.SkipParser(),
    ],
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
