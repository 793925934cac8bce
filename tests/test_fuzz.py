"""Fuzzing the readers: whatever a file holds, the only error that escapes is a ProgmonError.

Three kinds of input, from least to most structured: raw bytes and text;
random tables of the file format's own keys and values of every type; and
the worked example's programme file with one value at a random place
replaced by a random value (the mistakes an analyst editing the example
makes). The same for CSV figures and CBS exports.

``make test`` runs the default profile (derandomized, 100 examples a
property); ``make fuzz`` runs the ``fuzz`` profile, thousands of examples a
property, for a bounded time.
"""

from __future__ import annotations

import contextlib
import copy
import json
import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import given
from hypothesis import strategies as st

import progmon
from progmon.errors import ProgmonError
from progmon.io import loads, read_cbs, read_measurements_text

ROOT = Path(__file__).parent.parent
EXAMPLE = tomllib.loads((ROOT / "examples" / "veiligheid.toml").read_text(encoding="utf-8"))
FIXTURES = ROOT / "tests" / "fixtures"

# The keys of the file format, so that random tables reach past "unknown key".
KEYS = (
    "format", "id", "name", "ambitions", "goals", "indicators", "measurements", "period",
    "value", "unit", "target", "level", "change", "relative_change", "improve", "maintain",
    "by", "deadline", "direction", "baseline", "kind", "components", "source", "sources",
    "title", "publisher", "year", "url", "note", "margin", "sample_size", "provisional",
    "statement", "description", "actions", "resources", "purpose", "amount", "incidental",
    "context", "sections", "paragraphs", "bullets", "organisation", "number", "review",
    "summary", "language", "dates", "label", "results",
)  # fmt: skip

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.sampled_from(
        [
            "2019", "2019-12", "2018/2022", "2019-02-30", "report", "percent", "mark", "degC",
            "EUR", "crime / thousand_inhabitants", "increase", "decrease", "context", "nl",
            "1.089", "7,5", "", " ", "\x1b[2J", "<script>", "\udc80", "1e308", "-0.0",
        ]
    ),
)  # fmt: skip


def _tables(depth: int = 3) -> st.SearchStrategy[Any]:
    return st.recursive(
        scalars,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(st.sampled_from(KEYS), children, max_size=6),
        ),
        max_leaves=25,
    )


def _only_progmon_errors(call: Any, *args: Any, **kwargs: Any) -> None:
    # A ProgmonError is an answer; any other exception fails the test.
    with contextlib.suppress(ProgmonError):
        call(*args, **kwargs)


@given(st.text(max_size=400), st.sampled_from(["toml", "json"]))
def test_any_text_as_a_programme_file(text: str, kind: str) -> None:
    _only_progmon_errors(loads, text, kind)


@given(st.dictionaries(st.sampled_from(KEYS), _tables(), max_size=8))
def test_any_table_of_the_format_s_keys(table: dict[str, Any]) -> None:
    table.setdefault("format", 1)
    _only_progmon_errors(loads, json.dumps(table), "json")


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path into ``data``: the places an edit can land."""
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


PLACES = _paths(EXAMPLE)


@given(st.sampled_from(PLACES), _tables(), st.sampled_from(["toml", "json"]))
def test_the_example_with_one_value_changed(place: tuple[Any, ...], new: Any, kind: str) -> None:
    data = copy.deepcopy(EXAMPLE)
    holder = data
    for key in place[:-1]:
        holder = holder[key]
    holder[place[-1]] = new
    try:
        text = tomli_w.dumps(data) if kind == "toml" else json.dumps(data)
    except (TypeError, ValueError):
        return  # TOML has no null: that edit cannot be written as TOML
    _only_progmon_errors(loads, text, kind)


@given(st.sampled_from(PLACES))
def test_the_example_with_one_key_removed(place: tuple[Any, ...]) -> None:
    data = copy.deepcopy(EXAMPLE)
    holder = data
    for key in place[:-1]:
        holder = holder[key]
    del holder[place[-1]]
    _only_progmon_errors(loads, json.dumps(data), "json")


cells = st.one_of(
    st.text(alphabet=st.characters(blacklist_characters="\r\n"), max_size=10),
    st.sampled_from(
        [
            "woonoverlast", "2019", "2019-12", "731", "7,5", "1.089", "0.125", "28,8%", "report",
            "percent", "WAAR", "true", "", ".", "-", "politie", "1e400", "nan", "-0,0",
        ]
    ),
)  # fmt: skip
HEADER = st.lists(
    st.sampled_from(
        [
            "indicator", "period", "value", "unit", "source", "margin", "sample_size", "note",
            "provisional", "extra", "",
        ]
    ),
    min_size=1,
    max_size=8,
)  # fmt: skip


@given(HEADER, st.lists(st.lists(cells, max_size=9), max_size=6), st.sampled_from([",", ";"]))
def test_any_csv_of_figures(header: list[str], rows: list[list[str]], separator: str) -> None:
    lines = [separator.join(header), *(separator.join(row) for row in rows)]
    _only_progmon_errors(read_measurements_text, "\n".join(lines), origin="fuzz.csv")


@given(st.text(max_size=300))
def test_any_text_as_csv(text: str) -> None:
    _only_progmon_errors(read_measurements_text, text, origin="fuzz.csv")


CBS = json.loads((FIXTURES / "cbs_85146NED_typed.json").read_text(encoding="utf-8"))


@given(st.sampled_from(_paths(CBS)), _tables())
def test_a_cbs_export_with_one_value_changed(
    tmp_path_factory: Any, place: tuple[Any, ...], new: Any
) -> None:
    data = copy.deepcopy(CBS)
    holder = data
    for key in place[:-1]:
        holder = holder[key]
    holder[place[-1]] = new
    path = tmp_path_factory.mktemp("cbs") / "export.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    mapping = {"onveilig_buurt": "VoeltZichWelEensOnveiligInBuurt_2"}
    _only_progmon_errors(read_cbs, path, mapping, region="GM0141")


@given(st.binary(max_size=300), st.sampled_from(["p.toml", "p.json", "f.csv"]))
def test_any_bytes_in_a_file(tmp_path_factory: Any, data: bytes, name: str) -> None:
    path = tmp_path_factory.mktemp("bytes") / name
    path.write_bytes(data)
    if name.endswith(".csv"):
        programme = progmon.Programme(id="p", name="P")
        _only_progmon_errors(progmon.load_measurements, programme, path)
    else:
        _only_progmon_errors(progmon.load, path)
