"""The file format reference (docs/reference/files.md) lists every key and column.

Every key the converter accepts at each level of a programme file, every
column of a figure file (with its Dutch names) and every column of the
tables that ``progmon export`` writes must be on the page, in the section
about it, so that the page cannot drift from the code.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

from progmon._indicator import Indicator, Measurement, Source
from progmon._programme import Action, Ambition, Goal, Programme, Resource, Section
from progmon._targets import Target
from progmon.io._beside import FIGURES_KEY
from progmon.io._cbs import _SOURCE_KEYS, CBS_KEY
from progmon.io._csv import COLUMN_ALIASES, OPTIONAL_COLUMNS, REQUIRED_COLUMNS
from progmon.tables import FIGURE_COLUMNS, ROLLUP_COLUMNS, STATUS_COLUMNS

PAGE = Path(__file__).parent.parent / "docs" / "reference" / "files.md"


def _sections() -> dict[str, str]:
    """The page's text under each heading, by the heading's title."""
    text = PAGE.read_text(encoding="utf-8")
    parts = re.split(r"^#{2,3} (.+)$", text, flags=re.MULTILINE)
    return {title.strip(): body for title, body in zip(parts[1::2], parts[2::2], strict=True)}


def _table_keys(body: str) -> set[str]:
    """The keys in the first column of the tables in ``body``: `` | `key` | ``."""
    return set(re.findall(r"^\| `([^`]+)` \|", body, flags=re.MULTILINE))


def _fields(cls: type) -> set[str]:
    return {field.name for field in attrs.fields(cls)}


KEYS = {
    "Programme": _fields(Programme) | {"format", "sources", FIGURES_KEY, CBS_KEY},
    "CBS exports": set(_SOURCE_KEYS),
    "Ambition": _fields(Ambition),
    "Goal": _fields(Goal),
    "Indicator": _fields(Indicator),
    "Targets and milestones": set(Target.kinds()) | {"by"},
    "Figures in the programme file": _fields(Measurement),
    "Periods": {"dates", "label"},
    "Sources": _fields(Source),
    "Actions, resources and sections": _fields(Action) | _fields(Resource) | _fields(Section),
}


@pytest.mark.parametrize("section", sorted(KEYS))
def test_every_key_of_a_programme_file_is_listed(section: str) -> None:
    listed = _table_keys(_sections()[section])
    assert KEYS[section] <= listed, f"{section}: not on the page: {KEYS[section] - listed}"
    assert listed <= KEYS[section], f"{section}: no such key: {listed - KEYS[section]}"


def test_every_column_of_a_figure_file_is_listed_with_its_dutch_names() -> None:
    body = _sections()["Figure files"]
    rows = {
        match[1]: set(re.findall(r"`([^`]+)`", match[2]))
        for match in re.finditer(r"^\| `([^`]+)` \| ([^|]*) \|", body, flags=re.MULTILINE)
    }
    assert set(rows) == set(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)
    for alias, column in COLUMN_ALIASES.items():
        assert alias.replace("_", "") in {name.replace("_", "") for name in rows[column]}, alias
    for column in REQUIRED_COLUMNS:
        assert re.search(rf"^\| `{column}` \|[^|]*\| yes \|", body, flags=re.MULTILINE), column


@pytest.mark.parametrize(
    ("section", "columns"),
    [("figures", FIGURE_COLUMNS), ("status", STATUS_COLUMNS), ("rollup", ROLLUP_COLUMNS)],
)
def test_every_column_of_the_tables_is_listed(section: str, columns: tuple[str, ...]) -> None:
    body = _sections()[section]
    # The status table names its first columns in a sentence, as the figures table's.
    listed = _table_keys(body) | set(re.findall(r"`([a-z_]+)`", body.split("|", 1)[0]))
    assert set(columns) <= listed, f"{section}: not on the page: {set(columns) - listed}"
    assert _table_keys(body) <= set(columns), f"{section}: no such column"
