"""Programme files: TOML and JSON, lossless, strict, with errors that say where."""

from __future__ import annotations

import importlib.util
import json
import math
import re
import tomllib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import progmon
from progmon import (
    Action,
    Ambition,
    Change,
    Direction,
    Goal,
    Improve,
    Indicator,
    Level,
    Maintain,
    Measurement,
    Period,
    Programme,
    RelativeChange,
    Resource,
    Section,
    Source,
    units,
)
from progmon.errors import (
    AmbiguityError,
    DuplicateError,
    FileFormatError,
    ProgmonError,
    ProgmonFileError,
    UnitError,
    ValidationError,
)
from progmon.io import dump, dumps, load, loads
from progmon.io._converter import unstructure_programme
from progmon.io._files import Format
from strategies import big_ints, free_names, free_texts, programmes, with_lone_surrogate

ROOT = Path(__file__).parent.parent

SLOW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _example_programme() -> Programme:
    spec = importlib.util.spec_from_file_location("veiligheid", ROOT / "examples" / "veiligheid.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    programme: Programme = module.programme()
    return programme


def _small() -> Programme:
    politie = Source("Politie jaarcijfers 2019", publisher="Politie", year=2019)
    crimes = Indicator(
        id="misdrijven",
        name="Misdrijven",
        unit="crime",
        measurements=[
            Measurement(2018, 4200, source=politie),
            Measurement(2019, 3900, source=politie),
            Measurement(2020, note="cijfers volgen"),
        ],
        target=Change(-360),
    )
    safe = Indicator(
        id="veilig",
        name="Voelt zich veilig",
        unit="percent",
        measurements=[
            Measurement(
                Period.month(2019, 12, label="december 2019"), 91, margin=1.5, sample_size=800
            )
        ],
        target=Improve(by=2022),
        direction=Direction.INCREASE,
    )
    goal = Goal(
        id="veilig",
        statement="Inwoners voelen zich veiliger",
        indicators=[crimes, safe],
        deadline=2022,
    )
    ambition = Ambition(
        title="Samen maken we Almelo veiliger!",
        goals=[goal],
        actions=[
            Action(
                "volgen meldingen snel op",
                period=Period.between(date(2020, 1, 1), date(2021, 12, 31)),
            )
        ],
        resources=[
            Resource(
                "Preventie mensenhandel",
                units.Quantity(50_000, "EUR"),
                period=2021,
                incidental=True,
            )
        ],
    )
    return Programme(
        id="veiligheid",
        name="Programma Veiligheid",
        ambitions=[ambition],
        period=Period.between(date(2018, 1, 1), date(2022, 12, 31), label="2018-2022"),
    )


# --------------------------------------------------------------------------- round trips


@SLOW
@given(programmes())
def test_toml_round_trip(programme: Programme) -> None:
    again = loads(dumps(programme, "toml"), "toml")
    assert again == programme
    # Period labels do not take part in equality: compare everything, labels included.
    assert unstructure_programme(again) == unstructure_programme(programme)
    assert [
        m.period.label for i in again.indicators() for c in i.walk() for m in c.measurements
    ] == [m.period.label for i in programme.indicators() for c in i.walk() for m in c.measurements]


@SLOW
@given(programmes())
def test_json_round_trip(programme: Programme) -> None:
    again = loads(dumps(programme, "json"), "json")
    assert again == programme
    assert unstructure_programme(again) == unstructure_programme(programme)


@pytest.mark.parametrize("suffix", [".toml", ".json", ".TOML"])
def test_files_round_trip(tmp_path: Path, suffix: str) -> None:
    programme = _small()
    path = tmp_path / f"veiligheid{suffix}"
    dump(programme, path)
    assert load(path) == programme


def test_floats_round_trip_exactly() -> None:
    awkward = [0.1 + 0.2, 1 / 3, 5e-324, 1.7976931348623157e308, 2.0**53 + 2, 123456789.123456789]
    indicator = Indicator(
        id="x",
        name="X",
        unit="EUR",
        measurements=[Measurement(2000 + i, v) for i, v in enumerate(awkward)],
    )
    programme = Programme(id="p", name="P", ambitions=[Ambition(title="A", context=[indicator])])
    for kind in ("toml", "json"):
        again = loads(dumps(programme, kind), kind)
        values = [m.value.magnitude for m in again.indicator("x").measurements]
        assert values == awkward  # exact, not approximately


def test_worked_example_round_trips() -> None:
    programme = _example_programme()
    for kind in ("toml", "json"):
        again = loads(dumps(programme, kind), kind)
        assert again == programme
        assert unstructure_programme(again) == unstructure_programme(programme)


def test_example_toml_is_the_example_programme() -> None:
    from_file = load(ROOT / "examples" / "veiligheid.toml")
    programme = _example_programme()
    assert from_file == programme
    assert unstructure_programme(from_file) == unstructure_programme(programme)  # labels too


# --------------------------------------------------------------------------- the format


def test_format_is_what_an_adviser_reads() -> None:
    data = unstructure_programme(_small())
    assert next(iter(data)) == "format"
    assert data["format"] == 1
    indicators = data["ambitions"][0]["goals"][0]["indicators"]
    crimes, safe = indicators
    assert crimes["unit"] == "crime"
    assert crimes["target"] == {"change": -360}
    assert crimes["measurements"][0] == {
        "period": 2018,
        "value": 4200,
        "source": "politie-jaarcijfers-2019",
    }
    assert crimes["measurements"][2] == {"period": 2020, "note": "cijfers volgen"}  # missing, kept
    assert "baseline" not in crimes  # the default (first figure) is not repeated
    assert safe["measurements"][0]["period"] == {"dates": "2019-12", "label": "december 2019"}
    assert safe["measurements"][0]["margin"] == 1.5
    assert safe["target"] == {"improve": True, "by": 2022}
    assert data["ambitions"][0]["resources"][0]["amount"] == "50000 EUR"
    assert data["ambitions"][0]["actions"][0]["period"] == "2020/2021"
    assert data["period"] == {"dates": "2018/2022", "label": "2018-2022"}
    # A source with more than a title is written once and cited by its key.
    assert data["sources"] == {
        "politie-jaarcijfers-2019": {
            "title": "Politie jaarcijfers 2019",
            "publisher": "Politie",
            "year": 2019,
        }
    }


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("{ level = 32 }", Level(32.0)),
        ("{ level = 32, by = 2021 }", Level(32.0, by=2021)),
        ("{ change = -360 }", Change(-360.0)),
        ("{ relative_change = -0.1 }", RelativeChange(-0.1)),
        ('{ relative_change = "-10 %" }', RelativeChange(-0.1)),
        ("{ improve = true }", Improve()),
        ("{ maintain = true, by = 2022 }", Maintain(by=2022)),
    ],
)
def test_targets_are_tagged_by_kind(written: str, expected: object) -> None:
    text = f"""
format = 1
id = "p"
name = "P"
[[ambitions]]
title = "A"
[[ambitions.context]]
id = "x"
name = "X"
unit = "count"
direction = "decrease"
target = {written}
"""
    target = loads(text).indicator("x").target
    if isinstance(expected, Level):
        assert isinstance(target, Level)
        assert target.value == units.Quantity(expected.value, "count")
        assert target.by == expected.by
    else:
        assert target == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2019", Period.year(2019)),
        ('"2019"', Period.year(2019)),
        ('"2019-12"', Period.month(2019, 12)),
        ('"2018/2022"', Period.between(date(2018, 1, 1), date(2022, 12, 31))),
        ('"2019-01-01/2019-06-30"', Period.between(date(2019, 1, 1), date(2019, 6, 30))),
        ('"2019JJ00"', Period.year(2019)),
        (
            '{ dates = "2019-12", label = "december 2019" }',
            Period.month(2019, 12, label="december 2019"),
        ),
        ('{ dates = 2019, label = "peiljaar" }', Period.year(2019, label="peiljaar")),
    ],
)
def test_periods_in_every_written_form(written: str, expected: Period) -> None:
    text = f'format = 1\nid = "p"\nname = "P"\nperiod = {written}\n'
    assert loads(text).period == expected


def test_sources_table_and_plain_titles() -> None:
    text = """
format = 1
id = "p"
name = "P"

[sources]
politie = { title = "Politie jaarcijfers 2019", publisher = "Politie", year = 2019 }

[[ambitions]]
title = "A"
[[ambitions.context]]
id = "x"
name = "X"
unit = "report"
measurements = [
    { period = 2018, value = 1, source = "politie" },
    { period = 2019, value = 2, source = "Burgerpanel" },
]
"""
    figures = loads(text).indicator("x").measurements
    assert figures[0].source == Source("Politie jaarcijfers 2019", publisher="Politie", year=2019)
    assert figures[1].source == Source("Burgerpanel")


def test_quantity_texts_are_converted_to_the_indicator_unit() -> None:
    text = """
format = 1
id = "p"
name = "P"
[[ambitions]]
title = "A"
[[ambitions.context]]
id = "x"
name = "X"
unit = "percent"
measurements = [{ period = 2019, value = "0.25 dimensionless" }]
"""
    assert loads(text).indicator("x").measurement(2019).value == units.Quantity(25.0, "percent")


# --------------------------------------------------------------------------- errors

_BASE = """format = 1
id = "p"
name = "P"

[[ambitions]]
title = "A"

[[ambitions.goals]]
id = "g1"
statement = "S"
deadline = 2022

[[ambitions.goals]]
id = "g2"
statement = "S"

[[ambitions.goals]]
id = "g3"
statement = "S"

[[ambitions.goals.indicators]]
id = "veilig"
name = "Veilig"
unit = "percent"
direction = "increase"
target = { improve = true }
measurements = [
    { period = 2017, value = 36.0 },
    { period = 2019, value = 31.0 },
]
"""

_GOAL3 = "ambitions[0].goals[2]"


@pytest.mark.parametrize(
    ("old", "new", "error", "where", "value"),
    [
        (
            'unit = "percent"',
            'unit = "procent"',
            UnitError,
            f"{_GOAL3}.indicators[0].unit",
            "procent",
        ),
        (
            "value = 31.0",
            "value = 131.0",
            ValidationError,
            f"{_GOAL3}.indicators[0].measurements[1].value",
            "131.0 percent",
        ),
        (
            "value = 31.0",
            'value = "31 report"',
            UnitError,
            f"{_GOAL3}.indicators[0].measurements[1].value",
            "report",
        ),
        (
            "value = 31.0",
            'value = "31"',
            FileFormatError,
            f"{_GOAL3}.indicators[0].measurements[1].value",
            "31",
        ),
        (
            "period = 2019",
            "period = 2017",
            DuplicateError,
            f"{_GOAL3}.indicators[0].measurements[1].period",
            "2017",
        ),
        (
            "period = 2019",
            'period = "2019-13"',
            ValidationError,
            f"{_GOAL3}.indicators[0].measurements[1].period",
            13,
        ),
        (
            "period = 2019",
            "period = true",
            FileFormatError,
            f"{_GOAL3}.indicators[0].measurements[1].period",
            True,
        ),
        (
            'direction = "increase"',
            'direction = "up"',
            FileFormatError,
            f"{_GOAL3}.indicators[0].direction",
            "up",
        ),
        (
            "target = { improve = true }",
            "target = { improve = true, level = 3 }",
            FileFormatError,
            f"{_GOAL3}.indicators[0].target",
            None,
        ),
        (
            # The error's subject: "direction increase contradicts the target".
            "target = { improve = true }",
            "target = { change = -5 }",
            ValidationError,
            f"{_GOAL3}.indicators[0].direction",
            None,
        ),
        (
            "target = { improve = true }",
            "target = { improve = false }",
            FileFormatError,
            f"{_GOAL3}.indicators[0].target.improve",
            False,
        ),
        ('id = "veilig"', "id = 7", FileFormatError, f"{_GOAL3}.indicators[0].id", 7),
        ('id = "g2"', 'id = "g1"', DuplicateError, "ambitions[0].goals[1].id", "g1"),
        (
            'name = "Veilig"\n',
            'name = "Veilig"\nnaam = "typo"\n',
            FileFormatError,
            f"{_GOAL3}.indicators[0].naam",
            "naam",
        ),
        ('name = "Veilig"\n', "", FileFormatError, f"{_GOAL3}.indicators[0].name", None),
        (
            "deadline = 2022",
            'deadline = "2022"',
            FileFormatError,
            "ambitions[0].goals[0].deadline",
            "2022",
        ),
        ("format = 1", "format = 2", FileFormatError, "format", 2),
        ("format = 1\n", "", FileFormatError, "format", None),
    ],
)
def test_errors_name_file_key_path_and_value(
    old: str, new: str, error: type[ProgmonError], where: str, value: object
) -> None:
    assert old in _BASE
    with pytest.raises(error) as caught:
        loads(_BASE.replace(old, new, 1), origin="veiligheid.toml")
    assert isinstance(caught.value, ProgmonError)
    assert caught.value.element.startswith("veiligheid.toml")
    assert caught.value.element == f"veiligheid.toml: {where}" if where else "veiligheid.toml"
    if value is not None:
        assert caught.value.value == value or str(value) in str(caught.value.value)


def test_base_of_error_cases_is_valid() -> None:
    assert loads(_BASE).indicator("veilig").latest.value == units.Quantity(31.0, "percent")


def test_several_problems_are_counted() -> None:
    text = _BASE.replace('id = "g1"', "id = 1").replace(
        'statement = "S"\n\n[[ambitions.goals]]\nid = "g3"',
        'statement = 2\n\n[[ambitions.goals]]\nid = "g3"',
    )
    with pytest.raises(FileFormatError, match=r"and 1 more problem\)"):
        loads(text)


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('format = 1\nid = "p"\nname = "P\n', encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"p\.toml: is not valid TOML: .*line 3"):
        load(path)


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text('{\n  "format": 1,\n  "id": "p",,\n}', encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"p\.json line 3: is not valid JSON"):
        load(path)


@pytest.mark.parametrize(
    "text",
    [
        '{"format": 1, "id": "p", "name": "P", "id": "q"}',
        '{"format": 1, "id": "p", "name": "P", "ambitions": [{"title": "A", "context": [{"id": "x", "name": "X", "unit": "count", "measurements": [{"period": 2019, "value": NaN}]}]}]}',
        "[1, 2]",
    ],
    ids=["duplicate key", "NaN", "not a table"],
)
def test_json_is_strict(text: str) -> None:
    with pytest.raises(FileFormatError):
        loads(text, "json")


def test_unknown_extension_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match=r"\.toml or \.json"):
        load(tmp_path / "p.yaml")
    with pytest.raises(FileFormatError, match=r"\.toml or \.json"):
        dump(_small(), tmp_path / "p.txt")
    with pytest.raises(ProgmonFileError, match="cannot be read"):
        load(tmp_path / "missing.toml")
    with pytest.raises(ProgmonFileError, match="cannot be written"):
        dump(_small(), tmp_path / "no" / "such" / "dir.toml")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_bytes('format = 1\nid = "p"\nname = "Almelo\xebrs"\n'.encode("latin-1"))
    with pytest.raises(FileFormatError, match="UTF-8"):
        load(path)


def test_loading_never_executes_code(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    payload = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    for key in ("unit", "value"):
        text = _BASE.replace(
            'unit = "percent"' if key == "unit" else "value = 31.0",
            f"{key} = {json.dumps(payload)}",
            1,
        )
        with pytest.raises(ProgmonError):
            loads(text)
    assert not marker.exists()


def test_sources_must_be_tables() -> None:
    with pytest.raises(FileFormatError, match=r"sources\.politie"):
        loads('format = 1\nid = "p"\nname = "P"\n[sources]\npolitie = "Politie"\n')
    with pytest.raises(FileFormatError, match="sources"):
        loads('format = 1\nid = "p"\nname = "P"\nsources = 3\n')


def test_budget_needs_its_unit() -> None:
    text = 'format = 1\nid = "p"\nname = "P"\n[[ambitions]]\ntitle = "A"\nresources = [{ purpose = "BOA", amount = 2 }]\n'
    with pytest.raises(FileFormatError, match=r"ambitions\[0\]\.resources\[0\]\.amount"):
        loads(text)
    with pytest.raises(UnitError):
        loads(text.replace("amount = 2", 'amount = "2 report"'))


def test_errors_are_programme_errors_and_builtins() -> None:
    with pytest.raises(ValueError, match="format"):
        loads('id = "p"\nname = "P"\n')
    assert issubclass(FileFormatError, progmon.ProgmonError)


def test_dump_text_is_valid_toml_with_format_first() -> None:
    text = dumps(_small())
    assert tomllib.loads(text)["format"] == 1
    assert text.splitlines()[3] == "format = 1"


@pytest.mark.parametrize(
    ("written", "error", "words"),
    [
        # A Dutch adviser writes fifty thousand euros as "50.000 EUR": never read as 50 euros.
        ('"50.000 EUR"', AmbiguityError, "50000 EUR"),
        ('"1.250.000 EUR"', AmbiguityError, "50000 EUR"),
        ('"7,5 fte"', FileFormatError, "decimal point"),
    ],
)
def test_amount_texts_with_dutch_separators_are_refused(
    written: str, error: type[ProgmonError], words: str
) -> None:
    text = f"""format = 1
id = "p"
name = "P"
[[ambitions]]
title = "A"
resources = [{{ purpose = "Preventie", amount = {written} }}]
"""
    with pytest.raises(error, match=re.escape(words)) as caught:
        loads(text, origin="p.toml")
    assert caught.value.element == "p.toml: ambitions[0].resources[0].amount"
    assert caught.value.value == written.strip('"')


@pytest.mark.parametrize(
    ("written", "expected"),
    [("50000 EUR", 50000.0), ("0.125 fte", 0.125), ("1.5 fte", 1.5), ("12.75 EUR", 12.75)],
)
def test_amount_texts_that_read_one_way(written: str, expected: float) -> None:
    from progmon.io._converter import parse_quantity

    assert parse_quantity(written).magnitude == expected


@pytest.mark.parametrize("amount", [1.125, 12.125, 250.5, 999.999])
def test_amounts_with_three_decimals_round_trip(amount: float) -> None:
    resource = Resource("Inzet", units.Quantity(amount, "fte"))
    programme = Programme(id="p", name="P", ambitions=[Ambition(title="A", resources=[resource])])
    for kind in ("toml", "json"):
        again = loads(dumps(programme, kind), kind)
        assert again.ambitions[0].resources[0].amount.magnitude == amount


# --------------------------------------------------------------------------- lossless, hostile


@SLOW
@given(programmes(), st.sampled_from(["toml", "json"]))
def test_a_file_read_back_is_written_the_same(programme: Programme, kind: Format) -> None:
    # Equal texts: -0.0 keeps its sign and an int beyond 2**53 its digits,
    # which == between programmes cannot see (-0.0 == 0.0).
    text = dumps(programme, kind)
    assert dumps(loads(text, kind), kind) == text


@given(st.lists(big_ints, min_size=1, max_size=4), st.sampled_from(["toml", "json"]))
def test_ints_beyond_a_float_round_trip(numbers: list[int], kind: Format) -> None:
    figures = [Measurement(2000 + i, n) for i, n in enumerate(numbers)]
    programme = _context(Indicator(id="x", name="X", unit="EUR", measurements=figures))
    again = loads(dumps(programme, kind), kind)
    read = [m.value.magnitude for m in again.indicator("x").measurements]
    assert read == numbers
    assert all(type(n) is int for n in read)


@given(
    st.lists(st.sampled_from([-0.0, 0.0]), min_size=1, max_size=4),
    st.sampled_from(["toml", "json"]),
)
def test_negative_zero_round_trips(zeros: list[float], kind: Format) -> None:
    figures = [Measurement(2000 + i, z, margin=abs(z)) for i, z in enumerate(zeros)]
    target = Change(zeros[0])  # no change: the direction says which way is worse
    programme = _context(
        Indicator(
            id="x",
            name="X",
            unit="EUR",
            measurements=figures,
            target=target,
            direction=Direction.DECREASE,
        )
    )
    again = loads(dumps(programme, kind), kind).indicator("x")
    assert [math.copysign(1, m.value.magnitude) for m in again.measurements] == [
        math.copysign(1, z) for z in zeros
    ]
    assert math.copysign(1, again.target.amount) == math.copysign(1, zeros[0])


def _context(indicator: Indicator) -> Programme:
    return Programme(id="p", name="P", ambitions=[Ambition(title="A", context=[indicator])])


@SLOW
@given(free_names, free_texts, free_texts, st.sampled_from(["toml", "json"]))
def test_any_text_but_lone_surrogates_round_trips(
    name: str, note: str, label: str, kind: Format
) -> None:
    figure = Measurement(Period.month(2019, 12, label=label), 5, note=note, source=Source(note))
    indicator = Indicator(id="x", name=name, unit="count", measurements=[figure], note=note)
    programme = Programme(
        id="p",
        name=name,
        summary=note,
        ambitions=[Ambition(title=name, description=note, context=[indicator])],
        sections=[Section(note, paragraphs=[note, label], bullets=[label])],
    )
    again = loads(dumps(programme, kind), kind)
    assert again == programme
    assert again.indicator("x").measurements[0].period.label == label
    assert dumps(again, kind) == dumps(programme, kind)


@given(with_lone_surrogate(), st.sampled_from(["note", "name", "id"]))
def test_a_lone_surrogate_in_a_json_file_is_refused_by_key(text: str, key: str) -> None:
    context = {"id": "x", "name": "X", "unit": "count", key: text}
    document = {
        "format": 1,
        "id": "p",
        "name": "P",
        "ambitions": [{"title": "A", "context": [context]}],
    }
    with pytest.raises(ValidationError, match="lone surrogate") as info:
        loads(json.dumps(document), "json", origin="p.json")
    assert info.value.element == f"p.json: ambitions[0].context[0].{key}"
    assert info.value.value == text


@given(
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12).filter(
        lambda t: not any(c.isspace() for c in t)
    )
)
def test_a_plain_title_is_never_taken_for_a_key(title: str) -> None:
    """A plain title next to a source with the same title and more, keyed by its slug."""
    # The writer keys the table source by its slug; a plain title close to it
    # would be read as a misspelt key: the writer must give it a table too.
    keyed = Source(title, publisher="P")
    figures = [Measurement(2019, 1, source=Source(title)), Measurement(2020, 2, source=keyed)]
    programme = _context(Indicator(id="x", name="X", unit="count", measurements=figures))
    for kind in ("toml", "json"):
        assert loads(dumps(programme, kind), kind) == programme


def test_a_title_like_a_key_is_written_as_a_table() -> None:
    plain, keyed = Source("Politie_2019"), Source("Politie 2019", publisher="Politie")
    figures = [Measurement(2019, 1, source=plain), Measurement(2020, 2, source=keyed)]
    programme = _context(Indicator(id="x", name="X", unit="count", measurements=figures))
    data = unstructure_programme(programme)
    # Read as it stood, "Politie_2019" would be a misspelt "politie-2019".
    assert data["sources"] == {
        "politie-2019": {"title": "Politie 2019", "publisher": "Politie"},
        "politie-2019-2": {"title": "Politie_2019"},
    }
    assert loads(dumps(programme)) == programme
