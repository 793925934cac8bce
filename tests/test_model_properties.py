"""Properties of the domain model, over generated values."""

from __future__ import annotations

import decimal
import fractions
import math
from collections.abc import Callable

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from progmon import (
    Action,
    Ambition,
    Change,
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
    methods,
    units,
)
from progmon.errors import DuplicateError, ProgmonError, UnitError, ValidationError
from strategies import (
    COMPATIBLE_UNITS,
    NON_FINITE,
    NOT_A_NUMBER,
    NOT_A_PERIOD,
    NOT_A_SEQUENCE,
    NOT_A_YEAR,
    NOT_TEXT,
    big_ints,
    calendar_years,
    figures_in_range,
    free_texts,
    id_names,
    out_of_range,
    programmes,
    with_lone_surrogate,
)

Q = units.Quantity


@given(programmes())
def test_valid_programmes_equal_their_evolve_copies(programme: Programme) -> None:
    copy = attrs.evolve(programme)
    assert copy == programme
    assert hash(copy) == hash(programme)
    assert list(copy.indicators()) == list(programme.indicators())


@given(programmes())
def test_indicators_rebuilt_from_their_fields_are_equal(programme: Programme) -> None:
    for top in programme.indicators():
        for indicator in top.walk():
            fields = attrs.asdict(indicator, recurse=False)
            assert Indicator(**fields) == indicator


@given(programmes())
def test_measurements_sorted_and_one_per_period(programme: Programme) -> None:
    for indicator in programme.indicators():
        periods = [m.period for m in indicator.measurements]
        assert periods == sorted(periods)
        assert len(set(periods)) == len(periods)


@given(
    st.sampled_from(COMPATIBLE_UNITS).flatmap(
        lambda pair: st.tuples(st.just(pair), figures_in_range(*pair[2], min_size=1))
    )
)
def test_values_invariant_under_conversion(
    case: tuple[tuple[str, str, tuple[float, float]], dict[int, float]],
) -> None:
    (unit, other, _), figures = case
    direct = Indicator(
        id="x",
        name="X",
        unit=unit,
        measurements=[Measurement(y, Q(v, unit)) for y, v in figures.items()],
    )
    converted = Indicator(
        id="x",
        name="X",
        unit=unit,
        measurements=[Measurement(y, Q(v, unit).to(other)) for y, v in figures.items()],
    )
    for a, b in zip(direct.measurements, converted.measurements, strict=True):
        assert a.period == b.period
        assert b.value.units == a.value.units
        assert b.value.magnitude == pytest.approx(a.value.magnitude, rel=1e-12, abs=1e-12)


@given(st.sampled_from(COMPATIBLE_UNITS), calendar_years(), NON_FINITE)
def test_non_finite_values_refused(pair: tuple[str, str, object], year: int, bad: float) -> None:
    with pytest.raises(ValidationError):
        Indicator(id="x", name="X", unit=pair[0], measurements=[Measurement(year, Q(bad, pair[1]))])


@given(out_of_range(), calendar_years())
def test_values_out_of_range_refused(case: tuple[str, float], year: int) -> None:
    unit, value = case
    with pytest.raises(ValidationError, match="must lie between") as info:
        Indicator(id="x", name="X", unit=unit, measurements=[Measurement(year, value)])
    assert "indicator 'x'" in str(info.value)


@given(figures_in_range(0, 100, min_size=1), st.data())
def test_two_figures_for_one_period_refused(figures: dict[int, float], data: st.DataObject) -> None:
    year = data.draw(st.sampled_from(sorted(figures)))
    measurements = [Measurement(y, v) for y, v in figures.items()] + [Measurement(year, 1.0)]
    with pytest.raises(DuplicateError) as info:
        Indicator(id="x", name="X", unit="percent", measurements=measurements)
    assert info.value.value == str(year)


@given(
    st.sampled_from(["report", "mark", "EUR", "fte", "inhabitant", "count"]),
    st.sampled_from(["percent", "crime / inhabitant", "mark", "fte", "EUR"]),
    calendar_years(),
)
def test_units_that_do_not_fit_refused(unit: str, given_unit: str, year: int) -> None:
    assume(
        units.to_unit(unit).dimensionality != units.to_unit(given_unit).dimensionality
        or units.is_share(unit) != units.is_share(given_unit)
    )
    with pytest.raises(UnitError):
        Indicator(id="x", name="X", unit=unit, measurements=[Measurement(year, Q(5, given_unit))])


@given(st.sampled_from(["", " ", "\t"]), st.sampled_from(["id", "name"]))
def test_empty_text_refused(text: str, field: str) -> None:
    fields = {"id": "x", "name": "X", field: text}
    with pytest.raises(ProgmonError):
        Indicator(unit="count", **fields)


@given(programmes(), st.data())
def test_a_duplicated_id_anywhere_is_refused(programme: Programme, data: st.DataObject) -> None:
    every = [i for top in programme.indicators() for i in top.walk()]
    assume(every)
    # A copy of any indicator or component, added as a context indicator.
    copy = data.draw(st.sampled_from(every))
    first, *rest = programme.ambitions
    crowded = attrs.evolve(first, context=(*first.context, copy))
    with pytest.raises(DuplicateError) as info:
        programme.evolve(ambitions=(crowded, *rest))
    assert info.value.value == copy.id


@given(programmes())
def test_a_deadline_before_the_baseline_is_refused(programme: Programme) -> None:
    measured = [i for i in programme.indicators() if i.baseline is not None]
    assume(measured)
    indicator = measured[0]
    assert indicator.baseline is not None
    early = indicator.baseline.start.year - 1
    with pytest.raises(ValidationError, match="before the baseline"):
        indicator.evolve(target=Change(-1.0, by=early), direction=None)


@given(programmes(), st.sampled_from(["mark", "EUR", "fte", "inhabitant", "crime"]))
def test_a_target_whose_unit_does_not_fit_is_refused(programme: Programme, unit: str) -> None:
    candidates = [
        i
        for i in programme.indicators()
        if units.to_unit(unit).dimensionality != i.unit.dimensionality
    ]
    assume(candidates)
    with pytest.raises(UnitError, match="target"):
        candidates[0].evolve(target=Level(Q(5, unit)), direction=None)


# Every text field of the model, with the other fields it needs.
TEXT_FIELDS = [
    (Programme, {"id": "p", "name": "P"}, name)
    for name in ("id", "name", "organisation", "number", "review", "summary")
] + [
    (Ambition, {"title": "A"}, "title"),
    (Ambition, {"title": "A"}, "description"),
    *[(Goal, {"id": "g", "statement": "S"}, n) for n in ("id", "statement", "title", "results")],
    *[(Indicator, {"id": "x", "name": "X", "unit": "count"}, n) for n in ("name", "note")],
    (Measurement, {"period": 2019}, "note"),
    (Action, {"description": "a"}, "note"),
    (Resource, {"purpose": "r", "amount": Q(1, "EUR")}, "note"),
    (Section, {"title": "T"}, "title"),
    (Source, {"title": "T"}, "publisher"),
]

SEQUENCE_FIELDS = [
    (Programme, {"id": "p", "name": "P"}, "ambitions"),
    (Programme, {"id": "p", "name": "P"}, "sections"),
    *[(Ambition, {"title": "A"}, n) for n in ("goals", "actions", "resources", "context")],
    (Goal, {"id": "g", "statement": "S"}, "indicators"),
    (Indicator, {"id": "x", "name": "X", "unit": "count"}, "measurements"),
    (Section, {"title": "T"}, "paragraphs"),
]


@given(st.sampled_from(TEXT_FIELDS), NOT_TEXT)
def test_a_text_field_refuses_what_is_not_text(
    case: tuple[type, dict[str, object], str], bad: object
) -> None:
    cls, fields, name = case
    with pytest.raises(ProgmonError) as info:
        cls(**{**fields, name: bad})
    assert info.value.value == bad


@given(st.sampled_from(SEQUENCE_FIELDS), NOT_A_SEQUENCE)
def test_a_sequence_field_refuses_what_is_not_a_sequence(
    case: tuple[type, dict[str, object], str], bad: object
) -> None:
    cls, fields, name = case
    with pytest.raises(ProgmonError, match=name):
        cls(**{**fields, name: bad})


@given(calendar_years(), st.integers(0, 10**6))
def test_a_whole_figure_equals_and_hashes_as_its_float(year: int, figure: int) -> None:
    as_int = Measurement(year, Q(figure, "report"))
    as_float = Measurement(year, Q(float(figure), "report"))
    assert as_int == as_float
    assert hash(as_int) == hash(as_float)
    a = Indicator(id="x", name="X", unit="report", measurements=[as_int])
    b = Indicator(id="x", name="X", unit="report", measurements=[Measurement(year, figure)])
    assert a == b
    assert hash(a) == hash(b)


# Hostile values -------------------------------------------------------------------------

# Every free text of the model (not an id), with the fields it needs.
FREE_TEXT_FIELDS = [case for case in TEXT_FIELDS if case[2] != "id"] + [
    (Indicator, {"id": "x", "name": "X", "unit": "count"}, "description"),
    (Goal, {"id": "g", "statement": "S"}, "note"),
    (Source, {"title": "T"}, "title"),
    (Source, {"title": "T"}, "url"),
    (Action, {"description": "a"}, "description"),
    (Resource, {"purpose": "r", "amount": Q(1, "EUR")}, "purpose"),
]
ID_FIELDS = [
    (Programme, {"id": "p", "name": "P"}, "id"),
    (Goal, {"id": "g", "statement": "S"}, "id"),
    (Indicator, {"id": "x", "name": "X", "unit": "count"}, "id"),
]


def _required(cls: type, name: str) -> bool:
    return attrs.fields_dict(cls)[name].default is attrs.NOTHING


@given(st.sampled_from(FREE_TEXT_FIELDS), free_texts)
def test_any_text_but_lone_surrogates_is_kept_in_free_texts(
    case: tuple[type, dict[str, object], str], text: str
) -> None:
    cls, fields, name = case
    assume(text.strip() or not _required(cls, name))
    assert getattr(cls(**{**fields, name: text}), name) == text


@given(st.sampled_from(FREE_TEXT_FIELDS + ID_FIELDS), with_lone_surrogate())
def test_a_lone_surrogate_is_refused_in_every_text_field(
    case: tuple[type, dict[str, object], str], text: str
) -> None:
    cls, fields, name = case
    with pytest.raises(ValidationError, match="lone surrogate") as info:
        cls(**{**fields, name: text})
    assert info.value.value == text
    assert name in info.value.message
    assert str(info.value).isprintable()


@given(with_lone_surrogate(free_texts))
def test_a_lone_surrogate_is_refused_in_labels_and_paragraphs(text: str) -> None:
    with pytest.raises(ValidationError, match="label must not hold the lone surrogate"):
        Period.year(2019, label=text)
    with pytest.raises(ValidationError, match=r"paragraphs\[1\] must not hold the lone surrogate"):
        Section("T", paragraphs=["goed", text])


@given(
    st.sampled_from(ID_FIELDS),
    id_names,
    st.characters(categories=("Cc", "Cf", "Zl", "Zp")),
    st.data(),
)
def test_ids_refuse_control_and_format_characters(
    case: tuple[type, dict[str, object], str], text: str, refused: str, data: st.DataObject
) -> None:
    cls, fields, name = case
    at = data.draw(st.integers(0, len(text)))
    bad = text[:at] + refused + text[at:]
    with pytest.raises(ValidationError, match=f"U\\+{ord(refused):04X}") as info:
        cls(**{**fields, name: bad})
    assert info.value.value == bad


@given(st.sampled_from(ID_FIELDS), id_names)
def test_ids_without_refused_characters_are_kept(
    case: tuple[type, dict[str, object], str], text: str
) -> None:
    cls, fields, name = case
    assert getattr(cls(**{**fields, name: text}), name) == text


def _indicator(**fields: object) -> Indicator:
    return Indicator(**{"id": "x", "name": "X", "unit": "count", **fields})


# None is allowed where a field is optional.
NOT_TEXT_NOR_NONE = NOT_TEXT.filter(lambda value: value is not None)

# Every field of every model type and target that takes a value of one kind,
# with what is of another kind.
WRONG_TYPES = [
    *[(Measurement, {"period": 2019}, n, NOT_A_NUMBER) for n in ("value", "margin")],
    (Measurement, {"period": 2019}, "sample_size", NOT_A_NUMBER | st.floats(1, 100)),
    (Measurement, {}, "period", NOT_A_PERIOD),
    (Measurement, {"period": 2019}, "provisional", st.sampled_from(["ja", 1, None])),
    (Measurement, {"period": 2019}, "source", NOT_TEXT_NOR_NONE | st.just("Politie")),
    (Level, {}, "value", NOT_A_NUMBER),
    (Change, {}, "amount", NOT_A_NUMBER),
    (RelativeChange, {}, "fraction", NOT_A_NUMBER),
    *[(cls, {"value": 1}, "by", NOT_A_YEAR) for cls in (Level,)],
    *[(cls, {}, "by", NOT_A_YEAR) for cls in (Improve, Maintain)],
    (Goal, {"id": "g", "statement": "S"}, "deadline", NOT_A_YEAR),
    (Source, {"title": "T"}, "year", NOT_A_YEAR),
    (Action, {"description": "a"}, "period", NOT_A_PERIOD),
    (Resource, {"purpose": "r"}, "amount", NOT_A_NUMBER | st.floats(allow_nan=False)),
    (Resource, {"purpose": "r", "amount": Q(1, "EUR")}, "period", NOT_A_PERIOD),
    (Resource, {"purpose": "r", "amount": Q(1, "EUR")}, "incidental", st.sampled_from(["no", 0])),
    (Programme, {"id": "p", "name": "P"}, "period", NOT_A_PERIOD),
    (Programme, {"id": "p", "name": "P"}, "language", NOT_TEXT | st.just("de")),
    (Section, {"title": "T"}, "paragraphs", NOT_A_SEQUENCE | st.just([1, 2])),
    *[
        (_indicator, {}, n, NOT_TEXT_NOR_NONE | st.just("up"))
        for n in ("direction", "kind", "target", "source")
    ],
    (_indicator, {}, "unit", NOT_TEXT | st.sampled_from(["degC", "procent", " "])),
    (_indicator, {}, "baseline", NOT_A_PERIOD),
    *[
        (method, {}, threshold, NOT_A_NUMBER | st.none())
        for method in (methods.GrowthRatio, methods.Projection, methods.ProRata)
        for threshold in ("on_track", "at_risk", "off_track", "rate_on_track")
    ],
]


@given(st.sampled_from(WRONG_TYPES), st.data())
def test_wrong_types_are_refused_in_every_field(
    case: tuple[Callable[..., object], dict[str, object], str, st.SearchStrategy[object]],
    data: st.DataObject,
) -> None:
    make, fields, name, wrong = case
    bad = data.draw(wrong)
    with pytest.raises(ProgmonError) as info:
        make(**{**fields, name: bad})
    assert isinstance(info.value, ValueError | TypeError)


@given(big_ints.filter(lambda n: n > 0))
def test_ints_beyond_a_float_are_kept_exactly(number: int) -> None:
    indicator = _indicator(measurements=[Measurement(2019, number)], target=Level(number + 1))
    assert indicator.latest.value.magnitude == number
    assert type(indicator.latest.value.magnitude) is int
    assert indicator.target.value.magnitude == number + 1


@given(st.integers(min_value=2**1024))
def test_ints_beyond_the_largest_float_are_refused(number: int) -> None:
    with pytest.raises(ValidationError, match="finite"):
        Measurement(2019, number)
    with pytest.raises(ValidationError, match="finite"):
        Level(-number)


@given(st.decimals(min_value=-1e6, max_value=1e6, places=3, allow_nan=False, allow_infinity=False))
def test_decimals_and_fractions_are_their_numbers(number: decimal.Decimal) -> None:
    expected = float(number)
    as_decimal = _indicator(unit="EUR", measurements=[Measurement(2019, number)])
    as_fraction = _indicator(
        unit="EUR", measurements=[Measurement(2019, fractions.Fraction(number))]
    )
    assert as_decimal.latest.value.magnitude == expected
    assert as_fraction.latest.value.magnitude == expected
    assert math.copysign(1, as_decimal.latest.value.magnitude) == math.copysign(1, expected)
