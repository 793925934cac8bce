"""The loader's fast path for plain figures: the same programme, and the same errors, as without it.

Most figures in a file are a year and plain numbers; the loader makes them
directly (:func:`progmon._indicator.plain_measurement`) and leaves every
other figure to the model's checks. These properties hold the fast path to
the ordinary one on tables of good and bad figures alike.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from progmon import Indicator, Measurement, units
from progmon._indicator import plain_measurement
from progmon.errors import ProgmonError
from progmon.io import _converter
from progmon.io._converter import structure_programme

_numbers = st.one_of(
    st.integers(-5, 1000),
    st.floats(-10.0, 1e4, allow_nan=False),
    st.sampled_from([0.0, -0.0, 10.0, 100.0, 100.5, 1e308, 2**53 + 1, 10**400]),
    st.sampled_from([math.nan, math.inf, -math.inf, True, False, "5", "5 %", "731 report"]),
)
_figure_tables = st.fixed_dictionaries(
    {
        "period": st.one_of(
            st.integers(1790, 2210), st.sampled_from(["2019", "2019-12", True, 0, 99999])
        )
    },
    optional={
        "value": st.none() | _numbers,
        "margin": st.none() | _numbers,
        "sample_size": st.one_of(st.none(), st.integers(-1, 5000), st.sampled_from([True, 1.5])),
        "note": st.one_of(st.text(max_size=6), st.sampled_from(["\x1b[2J", "\ud800", 3])),
        "provisional": st.one_of(st.booleans(), st.sampled_from([0, 1, "ja"])),
        "source": st.sampled_from(["CBS", {"title": "Politie"}]),
        "extra": st.just(1),
    },
)
_units = st.sampled_from(["report", "percent", "mark", "EUR", "dimensionless", "degC", "nope"])


@contextmanager
def _without_fast_path() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(_converter, "plain_measurement", lambda *args, **kwargs: None)
        yield


def _read(data: dict[str, Any]) -> object:
    """The programme in ``data``, or the error (its class and message) it gives."""
    try:
        return structure_programme(data, origin="p.toml")
    except ProgmonError as e:
        return (type(e), str(e))


def _programme(indicators: list[dict[str, Any]]) -> dict[str, Any]:
    goal = {"id": "g", "statement": "G", "indicators": indicators, "deadline": 2030}
    return {"format": 1, "id": "p", "name": "P", "ambitions": [{"title": "A", "goals": [goal]}]}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_units, st.lists(_figure_tables, max_size=4)), min_size=1, max_size=2))
def test_the_fast_path_reads_what_the_ordinary_one_reads(
    indicators: list[tuple[str, list[dict[str, Any]]]],
) -> None:
    data = _programme(
        [
            {"id": f"i{n}", "name": f"I{n}", "unit": unit, "measurements": figures}
            for n, (unit, figures) in enumerate(indicators)
        ]
    )
    fast = _read(data)
    with _without_fast_path():
        ordinary = _read(data)
    assert fast == ordinary


@settings(max_examples=300, deadline=None)
@given(_figure_tables, st.none() | _units)
def test_a_plain_measurement_is_the_measurement_the_model_makes(
    table: dict[str, Any], unit_name: str | None
) -> None:
    try:
        unit = None if unit_name is None else units.to_unit(unit_name)
    except ProgmonError:
        return
    bounds = None if unit is None else units.valid_range(unit)
    made = plain_measurement(table, unit, bounds)
    if made is None:
        return  # left to the model
    expected = Measurement(**table)
    if unit is None:
        assert made == expected
        assert type(made.value) is type(expected.value)
    else:
        # In an indicator, the model stores the same figure in the indicator's unit.
        kept = Indicator(id="x", name="X", unit=unit, measurements=[expected]).measurements[0]
        assert made == kept
        assert made.value is None or type(made.value.magnitude) is float


def test_the_fast_path_is_taken_for_plain_figures() -> None:
    unit = units.to_unit("percent")
    made = plain_measurement({"period": 2019, "value": 31, "margin": 2.5}, unit, (0.0, 100.0))
    assert made is not None
    assert made.value == units.Quantity(31.0, "percent")
    assert units.in_unit(made.value, unit)
    # Anything the model checks or converts is left to it.
    for table in (
        {"period": "2019", "value": 31},
        {"period": 2019, "value": 101},
        {"period": 2019, "value": True},
        {"period": 2019, "margin": -1},
        {"period": 2019, "source": "CBS"},
        {"period": 99999, "value": 1},
    ):
        assert plain_measurement(table, unit, (0.0, 100.0)) is None, table


def test_errors_from_a_long_series_name_the_figure() -> None:
    figures: list[dict[str, Any]] = [{"period": 2000 + i, "value": 5.0} for i in range(20)]
    figures[13]["value"] = 120
    data = _programme([{"id": "i", "name": "I", "unit": "percent", "measurements": figures}])
    kind, message = _read(data)  # type: ignore[misc]
    assert kind.__name__ == "ValidationError"
    assert "measurements[13]" in message
    assert "120" in message
