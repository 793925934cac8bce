"""The loader's fast path for plain figures: the same programme, and the same errors, as without it.

Most figures in a file are a year and plain numbers. The loader checks such
a series as a whole (:func:`progmon._indicator.plain_figures`), and the
indicator makes its :class:`Measurement` values only when they are first
read; every other figure goes to the model's checks. These properties hold
the fast path to the ordinary one on tables of good and bad figures alike:
the same indicators (equal, in the same unit, with the same baseline and
direction), the same arrays for the assessment, the same errors.
"""

from __future__ import annotations

import copy
import pickle
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from progmon import Indicator, Measurement, Programme, Source, assess, units
from progmon._indicator import PlainFigures, Series, plain_figures, series_of
from progmon.errors import ProgmonError
from progmon.io import _converter
from progmon.io._converter import structure_programme
from strategies import figure_tables, file_baselines, file_units


@contextmanager
def _without_fast_path() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(_converter, "plain_figures", lambda *args, **kwargs: None)
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


def _indicator_tables(
    indicators: list[tuple[str, list[dict[str, Any]], object, bool]],
) -> list[dict[str, Any]]:
    tables = []
    for n, (unit, figures, baseline, improve) in enumerate(indicators):
        table: dict[str, Any] = {"id": f"i{n}", "name": f"I{n}", "unit": unit}
        table["measurements"] = figures
        if baseline is not None:
            table["baseline"] = baseline
        if improve:
            table["target"] = {"level": 50}  # its direction comes from the baseline figure
        tables.append(table)
    return tables


_indicators = st.lists(
    st.tuples(file_units, st.lists(figure_tables, max_size=5), file_baselines, st.booleans()),
    min_size=1,
    max_size=3,
)


def _assert_same_series(late: Series, made: Series) -> None:
    assert (late.starts, late.measured, late.baseline) == (
        made.starts,
        made.measured,
        made.baseline,
    )
    assert np.array_equal(late.block, made.block, equal_nan=True)
    assert np.array_equal(
        [late.share_scale, late.limit], [made.share_scale, made.limit], equal_nan=True
    )


@settings(max_examples=400, deadline=None)
@given(_indicators)
def test_the_fast_path_reads_what_the_ordinary_one_reads(
    indicators: list[tuple[str, list[dict[str, Any]], object, bool]],
) -> None:
    data = _programme(_indicator_tables(indicators))
    fast = _read(data)
    with _without_fast_path():
        ordinary = _read(data)
    if isinstance(fast, Programme):
        assert isinstance(ordinary, Programme)
        for late, made in zip(fast.indicators(), ordinary.indicators(), strict=True):
            # The arrays first, while the measurements of the fast path are not made yet.
            _assert_same_series(series_of(late), series_of(made))
            assert (late.baseline, late.direction) == (made.baseline, made.direction)
    assert fast == ordinary


@settings(max_examples=400, deadline=None)
@given(st.lists(figure_tables, max_size=5), st.none() | file_units)
def test_plain_figures_are_the_measurements_the_model_makes(
    tables: list[dict[str, Any]], unit_name: str | None
) -> None:
    try:
        unit = None if unit_name is None else units.to_unit(unit_name)
    except ProgmonError:
        return
    bounds = None if unit is None else units.valid_range(unit)
    plain = plain_figures(tables, unit, bounds)
    if plain is None:
        return  # left to the model
    expected = [Measurement(**table) for table in tables]  # the model accepts every one
    made = plain.made()
    if unit is None:
        assert made == tuple(expected)
        assert [type(m.value) for m in made] == [type(m.value) for m in expected]
        return
    for figure, model in zip(made, expected, strict=True):
        # In an indicator, the model stores the same figure in the indicator's unit.
        kept = Indicator(id="x", name="X", unit=unit, measurements=[model]).measurements[0]
        assert figure == kept
        assert figure.value is None or type(figure.value.magnitude) is float
        assert figure.value is None or units.in_unit(figure.value, unit)


def test_the_fast_path_is_taken_for_plain_figures() -> None:
    unit = units.to_unit("percent")
    tables = [{"period": 2019, "value": 31, "margin": 2.5}, {"period": 2018, "value": 30}]
    plain = plain_figures(tables, unit, (0.0, 100.0))
    assert plain is not None
    assert plain.made()[0].value == units.Quantity(31.0, "percent")
    # Anything the model checks or converts is left to it.
    for table in (
        {"period": "2019", "value": 31},
        {"period": 2019, "value": 101},
        {"period": 2019, "value": True},
        {"period": 2019, "margin": -1},
        {"period": 2019, "source": "CBS"},
        {"period": 99999, "value": 1},
        {"period": 2019, "value": 2**53 + 1},
        {"period": 2019, "note": "\x1b[2J"},
    ):
        assert plain_figures([*tables, table], unit, (0.0, 100.0)) is None, table


def test_the_sources_of_plain_figures_are_made_once_each() -> None:
    figures = [
        {"period": 2017, "value": 700, "source": "Politie jaarcijfers 2019"},
        {"period": 2018, "value": 710, "source": {"title": "CBS", "year": 2019}},
        {"period": 2019, "value": 731, "source": "Politie jaarcijfers 2019"},
        {"period": 2020, "value": 690},
    ]
    indicator = _loaded(figures)
    assert type(indicator._pending) is PlainFigures
    made = indicator.measurements
    assert made[0].source == Source("Politie jaarcijfers 2019")
    assert made[0].source is made[2].source
    assert made[1].source == Source("CBS", year=2019)
    assert made[3].source is None


def _loaded(figures: list[dict[str, Any]], **fields: Any) -> Indicator:
    data = _programme(
        [{"id": "i", "name": "I", "unit": "report", "measurements": figures, **fields}]
    )
    programme = structure_programme(data, origin="p.toml")
    (indicator,) = programme.indicators()
    return indicator


def test_the_measurements_are_made_when_first_read() -> None:
    figures = [{"period": 2019, "value": 731}, {"period": 2017, "value": 700, "note": "telling"}]
    indicator = _loaded(figures, target={"change": -50})
    assert type(indicator._pending) is PlainFigures
    assert (indicator.baseline.label, indicator.direction.value) == ("2017", "decrease")
    assessed = assess(indicator, as_of=2020)
    assert assessed.indicator is indicator
    made = indicator.measurements
    assert [m.period.label for m in made] == ["2017", "2019"]
    assert made[0].note == "telling"
    assert indicator.measurements is made  # made once
    assert indicator._pending is None  # and the file's tables let go
    by_hand = Indicator(
        id="i",
        name="I",
        unit="report",
        measurements=[Measurement(2019, 731), Measurement(2017, 700, note="telling")],
        target=indicator.target,
    )
    assert indicator == by_hand
    assert hash(indicator) == hash(by_hand)
    assert repr(indicator) == repr(by_hand)


def test_an_indicator_with_figures_made_late_copies_and_pickles() -> None:
    indicator = _loaded([{"period": 2019, "value": 731}, {"period": 2020}])
    for copied in (
        pickle.loads(pickle.dumps(indicator)),  # noqa: S301  # our own bytes
        copy.deepcopy(indicator),
        indicator.evolve(name="J").evolve(name="I"),
    ):
        assert copied == indicator
        assert copied.measurements == indicator.measurements
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        indicator.nothing  # noqa: B018  # an attribute an indicator lacks is still an error


def test_two_figures_for_one_year_are_refused_by_the_ordinary_check() -> None:
    with pytest.raises(ProgmonError, match="two measurements for one period"):
        _loaded([{"period": 2019, "value": 1}, {"period": 2019, "value": 2}])


def test_errors_from_a_long_series_name_the_figure() -> None:
    figures: list[dict[str, Any]] = [{"period": 2000 + i, "value": 5.0} for i in range(20)]
    figures[13]["value"] = 120
    data = _programme([{"id": "i", "name": "I", "unit": "percent", "measurements": figures}])
    kind, message = _read(data)  # type: ignore[misc]
    assert kind.__name__ == "ValidationError"
    assert "measurements[13]" in message
    assert "120" in message


def test_threads_reading_the_measurements_at_once_all_get_them() -> None:
    figures = [{"period": 2000 + i, "value": float(i)} for i in range(30)]
    for _ in range(20):
        indicator = _loaded(figures)
        got: list[object] = []

        def read(indicator: Indicator = indicator, got: list[object] = got) -> None:
            try:
                got.append(indicator.measurements)
            except AttributeError as e:  # the slot read while another thread fills it
                got.append(e)

        threads = [threading.Thread(target=read) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert all(isinstance(made, tuple) and len(made) == 30 for made in got), got
