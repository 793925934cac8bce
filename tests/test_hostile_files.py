"""The file readers and the writer under hostile input: programme TOML/JSON, CSV figures, CBS.

Each case writes a file, reads it, and asserts the exact outcome: the error
class (a ProgmonError and its builtin), the element it names (the file, and
the key path or line), the offending value and the words that say what to
do; or, for what must be read, the value read, written out by hand. A
refused write leaves its target as it was.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import progmon
from progmon import Ambition, Indicator, Measurement, Programme, units
from progmon.errors import (
    AmbiguityError,
    FileFormatError,
    ProgmonError,
    ProgmonFileError,
    UnitError,
    ValidationError,
)
from progmon.io import (
    CbsColumn,
    dump,
    load,
    load_cbs,
    load_measurements,
    read_cbs,
    read_measurements,
)

BUILTIN: dict[type[ProgmonError], type[Exception]] = {
    ValidationError: ValueError,
    AmbiguityError: ValueError,
    FileFormatError: ValueError,
    UnitError: TypeError,
    ProgmonFileError: OSError,
}

HEAD = 'format = 1\nid = "p"\nname = "P"\n'
INDICATOR = """
[[ambitions]]
title = "A"

[[ambitions.context]]
id = "x"
name = "X"
unit = "{unit}"
measurements = [{measurements}]
"""
AT = "ambitions[0].context[0]"
GOAL = """
[[ambitions]]
title = "A"

[[ambitions.goals]]
id = "g"
statement = "S"
deadline = 2022

[[ambitions.goals.indicators]]
id = "x"
name = "X"
unit = "percent"
direction = "increase"
measurements = [{{ period = 2017, value = 36 }}, {{ period = 2019, value = 31 }}]
target = {target}
"""
GOAL_AT = "ambitions[0].goals[0].indicators[0]"


def toml(measurements: str, unit: str = "count") -> str:
    return HEAD + INDICATOR.format(unit=unit, measurements=measurements)


def json_text(**fields: Any) -> str:
    return json.dumps({"format": 1, "id": "p", "name": "P", **fields})


def json_indicator(**fields: Any) -> str:
    context = {"id": "x", "name": "X", "unit": "count", **fields}
    return json_text(ambitions=[{"title": "A", "context": [context]}])


class Refused(NamedTuple):
    name: str  # the file's name
    content: str | bytes | None  # None: a folder of that name
    read: Callable[[Path], object]
    error: type[ProgmonError]
    where: str  # what the element names after the file: a key path or a line
    value: object
    says: str = ""


def programme() -> Programme:
    return progmon.load(FIGURES_PROGRAMME)


ROOT = Path(__file__).parent.parent
FIGURES_PROGRAMME = ROOT / "tests" / "fixtures" / "figures_programme.toml"
FIXTURES = ROOT / "tests" / "fixtures"
CSV_HEAD = "indicator;period;value;unit\n"
CBS_ROWS = [
    {"ID": 0, "RegioS": "GM0141  ", "Perioden": "2019JJ00", "Misdrijven_1": 100},
    {"ID": 1, "RegioS": "GM0141  ", "Perioden": "2020JJ00", "Misdrijven_1": 90},
]


def cbs(rows: object) -> str:
    return json.dumps({"odata.metadata": "https://x/83648NED/$metadata", "value": rows})


def cbs_figures(path: Path) -> object:
    return read_cbs(path, {"misdrijven": "Misdrijven_1"})


REFUSED: list[Refused] = [
    # ------------------------------------------------------------------ whole files
    Refused("p.toml", "", load, FileFormatError, ": format", None, "no format key"),
    Refused("p.json", "", load, FileFormatError, " line 1", None, "not valid JSON"),
    Refused("p.toml", None, load, ProgmonFileError, "", None, "is a folder, not a file"),
    Refused(
        "p.toml", b"\x00\xff\xfe\x80garbage", load, FileFormatError, "", b"\xff", "not UTF-8"
    ),
    Refused(
        "p.toml", HEAD.encode("utf-16"), load, FileFormatError, "", b"\xff", "it is UTF-16 text"
    ),
    Refused(
        "p.toml",
        HEAD.replace("\n", "\r"),
        load,
        FileFormatError,
        "",
        None,
        "is not valid TOML",
    ),
    Refused(
        "p.toml",
        HEAD + "x = " + "[" * 5000 + "]" * 5000 + "\n",
        load,
        FileFormatError,
        "",
        None,
        "nested too deeply",
    ),
    Refused(
        "p.toml",
        HEAD + "x = " + "{ a = " * 80 + "1" + " }" * 80 + "\n",
        load,
        FileFormatError,
        "",
        None,
        "nested too deeply",
    ),
    Refused(
        "p.json",
        '{"format": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
        load,
        FileFormatError,
        "",
        None,
        "nested too deeply",
    ),
    Refused(
        "p.json",
        '{"format": 1, "x": ' + '{"a": ' * 70 + "1" + "}" * 70 + "}",
        load,
        FileFormatError,
        "",
        None,
        "nested too deeply",
    ),
    Refused("p.json", "[1, 2]", load, FileFormatError, "", None, "must hold a table, not a list"),
    Refused(
        "p.toml", HEAD + "x = " + "9" * 5000 + "\n", load, FileFormatError, "", None, "4300 digits"
    ),
    Refused(
        "p.json", '{"format": ' + "9" * 5000 + "}", load, FileFormatError, "", None, "4300 digits"
    ),
    Refused(
        "p.toml",
        HEAD + 'id = "q"\n',
        load,
        FileFormatError,
        "",
        None,
        "Cannot overwrite a value (at line 4",
    ),
    Refused(
        "p.json",
        '{"format": 1, "id": "p", "name": "P", "id": "q"}',
        load,
        FileFormatError,
        "",
        None,
        "has the key 'id' twice",
    ),
    Refused(
        "p.json",
        '{"format": 1, "id": "p", "name": NaN}',
        load,
        FileFormatError,
        "",
        None,
        "holds NaN",
    ),
    Refused(
        "p.toml",
        HEAD + 'summary = "' + "a" * 20_000_000 + "\n",
        load,
        FileFormatError,
        "",
        None,
        "is not valid TOML",
    ),
    # ------------------------------------------------------------------ the format key
    Refused(
        "p.toml",
        HEAD.replace("format = 1", "format = true"),
        load,
        FileFormatError,
        ": format",
        True,
        "whole number 1, not a boolean",
    ),
    Refused(
        "p.toml",
        HEAD.replace("format = 1", "format = 1.0"),
        load,
        FileFormatError,
        ": format",
        1.0,
        "whole number 1, not a number",
    ),
    Refused(
        "p.json",
        '{"format": "1", "id": "p", "name": "P"}',
        load,
        FileFormatError,
        ": format",
        "1",
        "not a text",
    ),
    Refused(
        "p.toml",
        HEAD.replace("format = 1", "format = 2"),
        load,
        FileFormatError,
        ": format",
        2,
        "reads 1",
    ),
    Refused(
        "p.toml",
        HEAD.replace("format = 1", "Format = 1"),
        load,
        FileFormatError,
        ": format",
        None,
        "Format is not format",
    ),
    # ------------------------------------------------------------------ keys and shapes
    Refused(
        "p.toml",
        HEAD.replace('id = "p"', 'ID = "p"'),
        load,
        FileFormatError,
        ": ID",
        "ID",
        "did you mean id?",
    ),
    Refused(
        "p.toml",
        toml("{ period = 2019, value = 1 }").replace('unit = "count"', 'Unit = "count"'),
        load,
        FileFormatError,
        f": {AT}.Unit",
        "Unit",
        "did you mean unit?",
    ),
    Refused(
        "p.toml",
        HEAD + "[[Sources]]\ntitle = 'x'\n",
        load,
        FileFormatError,
        ": Sources",
        "Sources",
        "did you mean sources?",
    ),
    Refused(
        "p.toml",
        HEAD + 'ambitions = { title = "A" }\n',
        load,
        FileFormatError,
        ": ambitions",
        {"title": "A"},
        "must be a list, not a table",
    ),
    Refused(
        "p.toml",
        toml("").replace("measurements = []", "measurements = { period = 2019 }"),
        load,
        FileFormatError,
        f": {AT}.measurements",
        {"period": 2019},
        "must be a list",
    ),
    Refused(
        "p.toml",
        HEAD + GOAL.format(target="[{ level = 3 }]"),
        load,
        FileFormatError,
        f": {GOAL_AT}.target",
        [{"level": 3}],
        "not a list",
    ),
    Refused(
        "p.json",
        json_text(ambitions=[{"title": "A", "goals": [["g"]]}]),
        load,
        FileFormatError,
        ": ambitions[0].goals[0]",
        ["g"],
        "a goal must be a table, not a list",
    ),
    # ------------------------------------------------------------------ periods
    Refused(
        "p.toml",
        toml("{ period = 2019-01-01, value = 1 }"),
        load,
        FileFormatError,
        f": {AT}.measurements[0].period",
        date(2019, 1, 1),
        "not a date: a period is not a date",
    ),
    Refused(
        "p.toml",
        toml("{ period = 2019-01-01T10:00:00, value = 1 }"),
        load,
        FileFormatError,
        f": {AT}.measurements[0].period",
        datetime(2019, 1, 1, 10),  # noqa: DTZ001  # as TOML reads it
        "not a date and time",
    ),
    Refused(
        "p.toml",
        toml("{ period = 07:00:00, value = 1 }"),
        load,
        FileFormatError,
        f": {AT}.measurements[0].period",
        time(7),
        "not a time",
    ),
    Refused(
        "p.toml",
        toml("{ period = 1, value = 1 }"),
        load,
        ValidationError,
        f": {AT}.measurements[0].period",
        1,
        "1800 to 2200",
    ),
    Refused(
        "p.toml",
        toml('{ period = "0001/2019", value = 1 }'),
        load,
        ValidationError,
        f": {AT}.measurements[0].period",
        1,
        "1800 to 2200",
    ),
    Refused(
        "p.toml",
        toml("{ period = { dates = 2019, label = 5 }, value = 1 }"),
        load,
        FileFormatError,
        f": {AT}.measurements[0].period.label",
        5,
        "label must be a text",
    ),
    Refused(
        "p.toml",
        toml('{ period = { dates = "2019-13", label = "x" }, value = 1 }'),
        load,
        ValidationError,
        f": {AT}.measurements[0].period.dates",
        13,
        "month",
    ),
    Refused(
        "p.toml",
        toml('{ period = 2019, value = 5 }, { period = "2019-12", value = 7 }'),
        load,
        ValidationError,
        f": {AT}.measurements[1].period",
        "2019-12",
        "overlapping periods 2019 and 2019-12",
    ),
    # ------------------------------------------------------------------ values
    Refused(
        "p.toml",
        toml("{ period = 2019, value = " + "9" * 400 + " }"),
        load,
        ValidationError,
        f": {AT}.measurements[0].value",
        int("9" * 400),
        "finite",
    ),
    Refused(
        "p.toml",
        toml('{ period = 2019, value = "1_000 count" }'),
        load,
        FileFormatError,
        f": {AT}.measurements[0].value",
        "1_000 count",
        "underscore",
    ),
    Refused(
        "p.toml",
        toml("{ period = 2019, value = 1, margin = -1 }"),
        load,
        ValidationError,
        f": {AT}.measurements[0].margin",
        -1,
        "negative",
    ),
    Refused(
        "p.toml",
        toml("{ period = 2019, value = 1, sample_size = 0 }"),
        load,
        ValidationError,
        f": {AT}.measurements[0].sample_size",
        0,
        "at least 1",
    ),
    Refused(
        "p.toml",
        toml("{ period = 2019, value = 1 }", unit="degC"),
        load,
        UnitError,
        f": {AT}.unit",
        "degC",
        "kelvin",
    ),
    Refused(
        "p.toml",
        toml("{ period = 2019, value = 1 }", unit="a" * 20_000_000),
        load,
        UnitError,
        f": {AT}.unit",
        "a" * 20_000_000,
        "known unit",
    ),
    Refused(
        "p.toml",
        toml("{ period = 2019, value = 1 }").replace('id = "x"', 'id = "x\\u0000"'),
        load,
        ValidationError,
        f": {AT}.id",
        "x\x00",
        "control character U+0000",
    ),
    Refused(
        "p.json",
        json_indicator(note="\udc80"),
        load,
        ValidationError,
        f": {AT}.note",
        "\udc80",
        "lone surrogate",
    ),
    Refused(
        "p.json",
        json_indicator(id="\ud800x"),
        load,
        ValidationError,
        f": {AT}.id",
        "\ud800x",
        "lone surrogate",
    ),
    # ------------------------------------------------------------------ targets and goals
    Refused(
        "p.toml",
        HEAD + GOAL.format(target="{ improve = true, by = 1700 }"),
        load,
        ValidationError,
        f": {GOAL_AT}.target.by",
        1700,
        "1800 to 2200",
    ),
    Refused(
        "p.toml",
        HEAD + GOAL.format(target='{ improve = true, by = "2022" }'),
        load,
        FileFormatError,
        f": {GOAL_AT}.target.by",
        "2022",
        "whole number",
    ),
    Refused(
        "p.toml",
        HEAD + GOAL.format(target="{ improve = true, by = 2016 }"),
        load,
        ValidationError,
        f": {GOAL_AT}.target.by",
        2016,
        "before the baseline 2017",
    ),
    Refused(
        "p.toml",
        HEAD + GOAL.format(target="{ level = 300 }"),
        load,
        ValidationError,
        f": {GOAL_AT}.target.level",
        "300.0 percent",
        "between 0 and 100",
    ),
    Refused(
        "p.toml",
        HEAD + GOAL.format(target='{ change = "5 %" }'),
        load,
        AmbiguityError,
        f": {GOAL_AT}.target.change",
        "5 percent",
        "percentage points",
    ),
    Refused(
        "p.toml",
        HEAD + GOAL.format(target="{ improve = true }").replace("deadline = 2022", "deadline = 2016"),
        load,
        ValidationError,
        ": ambitions[0].goals[0].deadline",
        2016,
        "before the baseline",
    ),
    # ------------------------------------------------------------------ sources
    Refused(
        "p.toml",
        toml('{ period = 2019, value = 1, source = "politie-2019" }')
        + '\n[sources.politie_2019]\ntitle = "Politie jaarcijfers 2019"\n',
        load,
        FileFormatError,
        f": {AT}.measurements[0].source",
        "politie-2019",
        "did you mean 'politie_2019'?",
    ),
    Refused(
        "p.toml",
        toml("{ period = 2019, value = 1 }").replace(
            'unit = "count"', 'unit = "count"\nsource = "Politie_2019"'
        )
        + '\n[sources.politie_2019]\ntitle = "Politie jaarcijfers 2019"\n',
        load,
        FileFormatError,
        f": {AT}.source",
        "Politie_2019",
        "did you mean",
    ),
    # ------------------------------------------------------------------ CSV figures
    Refused(
        "f.csv", CSV_HEAD + "x;2019;1.089;report\n", read_measurements, AmbiguityError,
        " line 2", "1.089", "thousands point",
    ),
    Refused(
        "f.csv", CSV_HEAD + "x;2019;1e400;report\n", read_measurements, ValidationError,
        " line 2: measurement 2019: value", units.Quantity(math.inf, "report"), "finite",
    ),
    Refused(
        "f.csv", CSV_HEAD + "x;2019;1;degC\n", read_measurements, UnitError,
        " line 2: unit", "degC", "kelvin",
    ),
    Refused("f.csv", "", read_measurements, FileFormatError, "", None, "is empty"),
    Refused(
        "f.csv", (CSV_HEAD + "x;2019;1;report\n").encode("utf-16"), read_measurements,
        FileFormatError, "", b"\xff", "UTF-16 text: save it as CSV UTF-8",
    ),
    Refused(
        "f.csv", "indicator\tperiod\tvalue\tunit\nx\t2019\t1\treport\n", read_measurements,
        FileFormatError, " line 1", "indicator\tperiod\tvalue\tunit", "not by tabs",
    ),
    Refused(
        "f.csv", CSV_HEAD + "x;2019;" + "1" * 200_000 + ";report\n", read_measurements,
        FileFormatError, " line 2", None, "field larger than field limit",
    ),
    Refused(
        "f.csv", CSV_HEAD + "x;0001;1;report\n", read_measurements, ValidationError,
        " line 2: period", 1, "1800 to 2200",
    ),
    Refused(
        "f.csv", CSV_HEAD + "x;0001KW01;1;report\n", read_measurements, ValidationError,
        " line 2: period", 1, "1800 to 2200",
    ),
    Refused(
        "f.csv", CSV_HEAD + "x;2019;1;report;extra\n", read_measurements, FileFormatError,
        " line 2", "x;2019;1;report;extra", "5 cells",
    ),
    Refused(
        "f.csv", "indicator;period;value;unit;sample_size\nx;2019;1;report;1,5\n",
        read_measurements, FileFormatError, " line 2", "1,5", "whole number",
    ),
    Refused("f.csv", None, read_measurements, ProgmonFileError, "", None, "is a folder"),
    Refused(
        "f.csv",
        "indicator;period;value;unit\nwoonoverlast_burengerucht;2019;5;report\n"
        "woonoverlast_burengerucht;2019-12;7;report\n",
        lambda path: load_measurements(programme(), path),
        ValidationError,
        " line 3: indicator 'woonoverlast_burengerucht'",
        "2019-12",
        "overlapping periods 2019 and 2019-12",
    ),
    # ------------------------------------------------------------------ CBS exports
    Refused(
        "t.json", '{"value": [{"Perioden": "2019JJ00", "Misdrijven_1": NaN}]}', cbs_figures,
        FileFormatError, "", None, "holds NaN",
    ),
    Refused(
        "t.json", '{"value": [{"Perioden": "2019JJ00", "Perioden": "2020JJ00"}]}', cbs_figures,
        FileFormatError, "", None, "has the key 'Perioden' twice",
    ),
    Refused(
        "t.json", '{"value": ' + "[" * 100_000 + "]" * 100_000 + "}", cbs_figures,
        FileFormatError, "", None, "nested too deeply",
    ),
    Refused(
        "t.json", '{"value": {"Perioden": "2019JJ00"}}', cbs_figures, FileFormatError, "", None,
        "is not an OData export",
    ),
    Refused("t.csv", "", cbs_figures, FileFormatError, "", None, "holds no rows"),
    Refused(
        "t.json", cbs(CBS_ROWS), lambda path: read_cbs(path, ["misdrijven"]), ValidationError,
        ": mapping", ["misdrijven"], "must map indicator ids",
    ),
    Refused(
        "t.json", cbs(CBS_ROWS), lambda path: read_cbs(path, {}, region=141), ValidationError,
        "region", 141, "a text",
    ),
    Refused(
        "t.json", cbs(CBS_ROWS),
        lambda path: read_cbs(path, {"misdrijven": CbsColumn("Misdrijven_1", unit="degC")}),
        UnitError, ": mapping for 'misdrijven' unit", "degC", "kelvin",
    ),
    Refused(
        "t.json", cbs([{**CBS_ROWS[0], "Perioden": "0001JJ00"}]), cbs_figures, ValidationError,
        ": Misdrijven_1 0001JJ00: period", 1, "1800 to 2200",
    ),
]  # fmt: skip


def _element(path: Path, where: str) -> str:
    # "region" names an argument, not a place in the file.
    return where if where == "region" else f"{path}{where}"


@pytest.mark.parametrize(
    "case", REFUSED, ids=[f"{i:02d} {c.name} {c.says or c.where}" for i, c in enumerate(REFUSED)]
)
def test_refused(case: Refused, tmp_path: Path) -> None:
    path = tmp_path / case.name
    if case.content is None:
        path.mkdir()
    elif isinstance(case.content, bytes):
        path.write_bytes(case.content)
    else:
        path.write_bytes(case.content.encode("utf-8", "surrogatepass"))
    with pytest.raises(ProgmonError) as caught:
        case.read(path)
    error = caught.value
    assert type(error) is case.error
    assert isinstance(error, BUILTIN[case.error])
    assert error.element == _element(path, case.where)
    if case.value is not None:
        assert error.value == case.value or repr(error.value) == repr(case.value)
    assert case.says in error.message
    # However large the value, the message stays short enough to read.
    assert len(str(error)) < 2_000


def test_a_symbolic_link_loop_is_named(tmp_path: Path) -> None:
    loop = tmp_path / "p.toml"
    loop.symlink_to(loop)
    for read in (load, read_measurements, cbs_figures):
        with pytest.raises(ProgmonFileError) as caught:
            read(loop)
        assert caught.value.element == str(loop)
        assert (
            caught.value.message
            == "cannot be read: is a loop of symbolic links (a link that leads back to itself)"
        )


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ProgmonFileError) as caught:
        load(tmp_path / "missing.toml")
    assert caught.value.message == "cannot be read: there is no such file"


# --------------------------------------------------------------------------- paths


class WrongPath(NamedTuple):
    call: Callable[[object], object]
    element: str


WRONG_PATHS: dict[str, WrongPath] = {
    "load": WrongPath(load, "programme file"),
    "dump": WrongPath(lambda path: dump(Programme(id="p", name="P"), path), "programme file"),
    "load_measurements": WrongPath(
        lambda path: load_measurements(programme(), path), "figures file"
    ),
    "read_measurements": WrongPath(read_measurements, "figures file"),
    "read_cbs": WrongPath(lambda path: read_cbs(path, {}), "CBS export"),
    "load_cbs": WrongPath(lambda path: load_cbs(programme(), path, {}), "CBS export"),
}


@pytest.mark.parametrize("bad", [None, 5, "", "  ", 2.5], ids=repr)
@pytest.mark.parametrize("function", WRONG_PATHS.values(), ids=WRONG_PATHS.keys())
def test_a_path_that_is_no_path(function: WrongPath, bad: object) -> None:
    with pytest.raises(ValidationError) as caught:
        function.call(bad)
    assert caught.value.element == function.element
    assert caught.value.value == bad
    assert "must be a file name or path" in caught.value.message


# --------------------------------------------------------------------------- writes


def _small() -> Programme:
    x = Indicator(id="x", name="X", unit="count", measurements=[Measurement(2019, 1)])
    return Programme(id="p", name="P", ambitions=[Ambition(title="A", context=[x])])


def test_dump_to_a_folder_leaves_it(tmp_path: Path) -> None:
    folder = tmp_path / "p.toml"
    folder.mkdir()
    (folder / "inside.txt").write_text("kept", encoding="utf-8")
    with pytest.raises(ProgmonFileError) as caught:
        dump(_small(), folder)
    assert caught.value.element == str(folder)
    assert "is a folder" in caught.value.message
    assert [p.name for p in folder.iterdir()] == ["inside.txt"]
    assert (folder / "inside.txt").read_text(encoding="utf-8") == "kept"


def test_dump_with_an_unknown_suffix_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "p.yaml"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        dump(_small(), target)
    assert caught.value.element == str(target)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml"]


def test_dump_into_a_missing_folder_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "no" / "p.toml"
    with pytest.raises(ProgmonFileError) as caught:
        dump(_small(), target)
    assert caught.value.element == str(target)
    assert not (tmp_path / "no").exists()


def test_dump_of_what_is_no_programme_leaves_the_file(tmp_path: Path) -> None:
    target = tmp_path / "p.toml"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        dump("not a programme", target)  # type: ignore[arg-type]
    assert caught.value.element == "programme"
    assert caught.value.value == "not a programme"
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.toml"]


# --------------------------------------------------------------------------- what is read


class Read(NamedTuple):
    name: str
    content: str | bytes
    read: Callable[[Path], Any]
    expected: object


def _figure(path: Path) -> object:
    return read_measurements(path)[0].measurement.value.magnitude


def _value(path: Path) -> object:
    return load(path).indicator("x").latest.value.magnitude


READ: dict[str, Read] = {
    "a UTF-8 BOM before a programme": Read("p.toml", "\ufeff" + HEAD, lambda p: load(p).id, "p"),
    "a UTF-8 BOM before JSON": Read("p.json", "\ufeff" + json_text(), lambda p: load(p).name, "P"),
    "CRLF line endings": Read("p.toml", HEAD.replace("\n", "\r\n"), lambda p: load(p).name, "P"),
    "tabs for indentation": Read(
        "p.toml", toml("\n\t{ period = 2019, value = 3 },\n"), _value, 3.0
    ),
    "an integer with underscores": Read(
        "p.toml", toml("{ period = 2019, value = 1_000 }"), _value, 1000.0
    ),
    "2**53 + 1 in TOML": Read(
        "p.toml", toml("{ period = 2019, value = 9007199254740993 }"), _value, 9007199254740993
    ),
    "2**53 + 1 in JSON": Read(
        "p.json",
        json_indicator(measurements=[{"period": 2019, "value": 9007199254740993}]),
        _value,
        9007199254740993,
    ),
    "-0.0 in TOML": Read(
        "p.toml",
        toml("{ period = 2019, value = -0.0 }", unit="EUR"),
        lambda p: math.copysign(1, _value(p)),
        -1.0,
    ),
    "a citation with spaces close to a key": Read(
        "p.toml",
        toml('{ period = 2019, value = 1, source = "politie 2019" }')
        + '\n[sources.politie_2019]\ntitle = "Politie jaarcijfers 2019"\n',
        lambda p: load(p).indicator("x").latest.source.title,
        "politie 2019",
    ),
    "a citation far from every key": Read(
        "p.toml",
        toml('{ period = 2019, value = 1, source = "CBS" }')
        + '\n[sources.politie_2019]\ntitle = "Politie jaarcijfers 2019"\n',
        lambda p: load(p).indicator("x").latest.source.title,
        "CBS",
    ),
    "an escape in a note": Read(
        "p.toml",
        toml('{ period = 2019, value = 1, note = "rood\\u001b[31m" }'),
        lambda p: load(p).indicator("x").latest.note,
        "rood\x1b[31m",
    ),
    "a 20 MB note": Read(
        "p.toml",
        toml('{ period = 2019, value = 1, note = "' + "a" * 20_000_000 + '" }'),
        lambda p: len(load(p).indicator("x").latest.note),
        20_000_000,
    ),
    "0.125 with decimal commas": Read("f.csv", CSV_HEAD + "x;2019;0.125;report\n", _figure, 0.125),
    "-0.125 with decimal commas": Read(
        "f.csv", CSV_HEAD + "x;2019;-0.125;report\n", _figure, -0.125
    ),
    "0,125 with decimal commas": Read("f.csv", CSV_HEAD + "x;2019;0,125;report\n", _figure, 0.125),
    "1.089,5 with decimal commas": Read(
        "f.csv", CSV_HEAD + "x;2019;1.089,5;report\n", _figure, 1089.5
    ),
    "2**53 + 1 in a CSV file": Read(
        "f.csv", CSV_HEAD + "x;2019;9007199254740993;report\n", _figure, 9007199254740993
    ),
    "a BOM before the CSV header": Read(
        "f.csv", "\ufeff" + CSV_HEAD + "x;2019;4;report\n", _figure, 4
    ),
    "CRLF in a CSV file": Read(
        "f.csv", (CSV_HEAD + "x;2019;4;report\n").replace("\n", "\r\n"), _figure, 4
    ),
    "CSV columns in another case": Read(
        "f.csv", "Indicator;PERIOD;Value;Unit\nx;2019;4;report\n", _figure, 4
    ),
    "2**53 + 1 in a CBS export": Read(
        "t.json",
        cbs([{**CBS_ROWS[0], "Misdrijven_1": 9007199254740993}]),
        lambda p: cbs_figures(p)[0].measurement.value,  # type: ignore[index]
        9007199254740993,
    ),
}


@pytest.mark.parametrize("case", READ.values(), ids=READ.keys())
def test_read(case: Read, tmp_path: Path) -> None:
    path = tmp_path / case.name
    path.write_bytes(case.content.encode() if isinstance(case.content, str) else case.content)
    result = case.read(path)
    assert result == case.expected
    assert type(result) is type(case.expected)


def test_the_catalogue_is_large() -> None:
    assert len(REFUSED) + len(WRONG_PATHS) * 5 + len(READ) >= 100


@pytest.mark.parametrize(
    ("bad", "path"),
    [
        ("value = 131", "measurements[2500].value"),  # out of range on its own
        ('period = "2001-01"', "measurements[2500].period"),  # a month twice
    ],
)
def test_an_error_among_thousands_of_figures_is_found_in_few_tries(
    bad: str, path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from progmon.io import _converter

    figures = [
        f'{{ period = "{1800 + i // 12}-{i % 12 + 1:02d}", value = 50 }}' for i in range(3000)
    ]
    figures[2500] = figures[2500].replace(
        "value = 50" if "value" in bad else 'period = "2008-05"', bad
    )
    text = toml(", ".join(figures), unit="percent")
    tries = 0
    builds = _converter._builds

    def counted(build: Callable[[Any], object], value: Any) -> bool:
        nonlocal tries
        tries += 1
        return builds(build, value)

    monkeypatch.setattr(_converter, "_builds", counted)
    with pytest.raises(ValidationError) as caught:
        progmon.io.loads(text, origin="p.toml")
    assert caught.value.element == f"p.toml: {AT}.{path}"
    # Leaving out one figure at a time would be 3000 tries of 3000 figures each.
    assert tries < 60


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda rows: rows[1].clear(), "missing ['ErvaartVeelSocialeOverlast_3'"),
        (lambda rows: rows[2].pop("RegioS"), "missing ['RegioS']"),
        (lambda rows: rows[3].update(Extra=1), "extra ['Extra']"),
    ],
    ids=["empty-row", "row-without-region", "row-with-an-extra-column"],
)
def test_a_cbs_row_with_other_columns_is_refused(tmp_path: Path, change: Any, said: str) -> None:
    # Found by the fuzzer (tests/test_fuzz.py): a row without RegioS was a KeyError.
    data = json.loads((FIXTURES / "cbs_85146NED_typed.json").read_text(encoding="utf-8"))
    change(data["value"])
    path = tmp_path / "export.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        read_cbs(path, {"onveilig_buurt": "VoeltZichWelEensOnveiligInBuurt_2"}, region="GM0141")
    assert said in str(caught.value)
    assert str(path) in str(caught.value)
