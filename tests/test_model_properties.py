"""Properties of the domain model, over generated values."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from progmon import (
    Action,
    Ambition,
    Change,
    Goal,
    Indicator,
    Level,
    Measurement,
    Programme,
    Resource,
    Section,
    Source,
    units,
)
from progmon.errors import DuplicateError, ProgmonError, UnitError, ValidationError
from strategies import (
    COMPATIBLE_UNITS,
    NON_FINITE,
    NOT_A_SEQUENCE,
    NOT_TEXT,
    calendar_years,
    figures_in_range,
    out_of_range,
    programmes,
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
