"""CBS tables as OData v4 observations (one figure a row), read as their v3 form is.

The v3 reader is the oracle: the fixture ``cbs_85146NED_observations.json``
(and ``.csv``) holds every figure of ``cbs_85146NED_typed.json`` as
observations (``tests/fixtures/make_cbs_observations.py`` made them), so
the two must give the same figures, margins and references; one cell is
``Confidential`` in v4 only.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings

from progmon import ranking
from progmon.errors import FileFormatError, ValidationError
from progmon.io import load, read_cbs
from progmon.io._cbs import table_of
from strategies import cbs_tables

FIXTURES = Path(__file__).parent / "fixtures"
V3 = {"onveilig": "VoeltZichWelEensOnveiligInBuurt_2", "overlast": "ErvaartVeelSocialeOverlast_3"}
V4 = {"onveilig": "M000002", "overlast": "M000003"}


def _shown(figures: Any) -> list[tuple[object, ...]]:
    return [
        (
            f.indicator,
            f.region,
            f.measurement.period,
            f.measurement.value,
            f.measurement.margin,
            f.measurement.note,
        )
        for f in figures
    ]


@pytest.mark.parametrize(
    "name", ["cbs_85146NED_observations.json", "cbs_85146NED_observations.csv"]
)
def test_observations_read_as_the_v3_table(name: str) -> None:
    read = {"region": "GM0141", "references": {"NL01": "Nederland"}, "table": "85146NED"}
    v3 = _shown(read_cbs(FIXTURES / "cbs_85146NED_typed.json", V3, **read))
    v4 = _shown(read_cbs(FIXTURES / name, V4, **read))
    secret = ("overlast", "", v3[3][2], None, None, "CBS: geheim")
    assert v3[3][:2] == ("overlast", "")
    assert v3[3][2].label == "2013"
    assert v4 == [*v3[:3], secret, *v3[4:]]


def test_the_table_id_comes_from_the_odata_context() -> None:
    [first, *_] = read_cbs(FIXTURES / "cbs_85146NED_observations.json", V4, region="GM0141")
    assert first.measurement.source.title == "StatLine 85146NED"


@settings(max_examples=200, deadline=None)
@given(cbs_tables())
def test_any_table_as_observations_reads_as_its_rows(
    tables: tuple[list[dict[str, Any]], list[dict[str, Any]]],
) -> None:
    wide, observations = tables
    topics = [key for key in wide[0] if key.startswith("Topic_")]
    mapping_v3 = {f"i{n}": topic for n, topic in enumerate(topics)}
    mapping_v4 = {f"i{n}": f"M{n + 1}" for n in range(len(topics))}
    rows, dimensions = table_of(observations, "obs.json")
    assert dimensions == ["RegioS", "Perioden"]
    assert len(rows) == len(wide)

    def read(given: list[dict[str, Any]], mapping: dict[str, str], tmp: Path) -> object:
        path = tmp / "table.json"
        path.write_text(json.dumps({"value": given}), encoding="utf-8")
        figures = read_cbs(path, mapping, region="GM0001", references={"NL01": "Nederland"})
        return sorted(_shown(figures), key=repr)

    with tempfile.TemporaryDirectory() as folder:
        assert read(observations, mapping_v4, Path(folder)) == read(wide, mapping_v3, Path(folder))


def test_a_second_observation_of_a_measure_is_an_error_naming_the_row() -> None:
    row = {"Id": 0, "Measure": "M1", "ValueAttribute": "None", "Value": 3, "Perioden": "2019JJ00"}
    with pytest.raises(FileFormatError) as raised:
        table_of([row, {**row, "Id": 1, "Value": 4}], "obs.json")
    assert "obs.json: row 1" in str(raised.value)
    assert "M1" in str(raised.value)


def test_an_unknown_measure_names_the_measures_of_the_table() -> None:
    with pytest.raises(ValidationError, match=r"its topics: M000001, M000002, M000003"):
        read_cbs(FIXTURES / "cbs_85146NED_observations.json", {"x": "M9"}, region="GM0141")


def test_a_panel_of_observations_is_the_panel_of_the_v3_table() -> None:
    v3 = ranking.cbs_panel(FIXTURES / "cbs_85146NED_typed.json", V3, prefix=None)
    v4 = ranking.cbs_panel(FIXTURES / "cbs_85146NED_observations.json", V4, prefix=None)
    assert (v4.regions, v4.periods, v4.indicators) == (v3.regions, v3.periods, v3.indicators)
    expected = v3.values.copy()
    expected[v3.regions.index("GM0141"), 1, 0] = np.nan  # the secret cell
    assert np.array_equal(v4.values, expected, equal_nan=True)


def test_a_programme_file_names_a_table_of_observations(tmp_path: Path) -> None:
    text = (FIXTURES / "figures_programme.toml").read_text(encoding="utf-8")
    (tmp_path / "85146NED.json").write_bytes(
        (FIXTURES / "cbs_85146NED_observations.json").read_bytes()
    )
    path = tmp_path / "p.toml"
    path.write_text(
        text + '\n[[cbs]]\nfile = "85146NED.json"\nregion = "GM0141"\n'
        'columns = { onveilig_buurt = "M000002" }\n',
        encoding="utf-8",
    )
    figure = load(path).indicator("onveilig_buurt").measurement(2019)
    assert (figure.value.m, figure.margin.m) == (3.4, 0.6)
