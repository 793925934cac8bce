"""progmon.ranking: ranks equal a plain sort and scipy.stats.rankdata, labels are kept.

The oracles work column by column in plain Python and scipy; progmon ranks
the whole panel at once.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
import scipy.stats
import xarray as xr
from hypothesis import given, settings
from hypothesis import strategies as st

import progmon
from progmon import ranking
from progmon.errors import FileFormatError, ProgmonError, ValidationError
from progmon.io import CbsColumn
from strategies import rank_panels

EXAMPLES = settings(max_examples=200, deadline=None)
SIGN = {"increase": 1.0, "decrease": -1.0}


def columns(values: np.ndarray) -> Any:
    """Every (indicator, period) column of a panel."""
    for index in np.ndindex(values.shape[1:]):
        yield index, values[(slice(None), *index)]


def plain_min_ranks(column: list[float], sign: float) -> list[float]:
    """1 + the number of figures strictly better, by a sort: the "min" rule by hand."""
    figures = sorted(-sign * v for v in column if not math.isnan(v))
    return [
        math.nan if math.isnan(v) else 1.0 + sum(1 for f in figures if f < -sign * v)
        for v in column
    ]


@EXAMPLES
@given(rank_panels(), st.sampled_from(ranking.TIES))
def test_ranks_are_scipys_rankdata_per_column_of_the_group(panel: Any, ties: str) -> None:
    values, directions, mask = panel
    result = ranking.rank(values, direction=directions, group=list(mask), ties=ties)  # type: ignore[arg-type]
    members = values[mask]
    assert result.rank.shape == members.shape
    for index, column in columns(members):
        sign = SIGN[directions[index[0]]]
        present = ~np.isnan(column)
        got = result.rank[(slice(None), *index)]
        assert np.isnan(got[~present]).all()
        if present.any():
            expected = scipy.stats.rankdata(-sign * column[present], method=ties)
            assert got[present].tolist() == expected.tolist()
        assert (result.count[(slice(None), *index)] == present.sum()).all()


@EXAMPLES
@given(rank_panels())
def test_the_default_rule_is_a_shared_place_as_a_plain_sort_gives_it(panel: Any) -> None:
    values, directions, _ = panel
    result = ranking.rank(values, direction=directions)
    assert result.ties == "min"
    for index, column in columns(values):
        expected = plain_min_ranks(column.tolist(), SIGN[directions[index[0]]])
        got = result.rank[(slice(None), *index)].tolist()
        assert np.array_equal(got, expected, equal_nan=True)


@EXAMPLES
@given(rank_panels(), st.sampled_from(["min", "average"]))
def test_percentiles_are_scipys_percentileofscore_in_0_100_and_monotone(
    panel: Any, ties: str
) -> None:
    values, directions, _ = panel
    result = ranking.rank(values, direction=directions, ties=ties)  # type: ignore[arg-type]
    kind = {"min": "weak", "average": "rank"}[ties]
    for index, column in columns(values):
        sign = SIGN[directions[index[0]]]
        oriented = sign * column[~np.isnan(column)]
        got = result.percentile[(slice(None), *index)]
        assert np.isnan(got[np.isnan(column)]).all()
        for value, percentile in zip(column, got, strict=True):
            if math.isnan(value):
                continue
            assert 0 < percentile <= 100
            expected = scipy.stats.percentileofscore(oriented, sign * value, kind=kind)
            assert percentile == pytest.approx(expected, rel=1e-12)
        # Better figures, never lower percentiles; the best is 100 (shared, with "min").
        order = np.argsort(-sign * column, kind="stable")
        ranked = got[order][~np.isnan(column[order])]
        assert (np.diff(ranked) <= 1e-12).all()
        if ranked.size and ties == "min":
            assert ranked[0] == 100.0


@EXAMPLES
@given(rank_panels(), st.data())
def test_by_ranks_each_region_within_its_own_group(panel: Any, data: st.DataObject) -> None:
    values, directions, _ = panel
    labels = data.draw(
        st.lists(
            st.sampled_from(["klein", "groot", None]), min_size=len(values), max_size=len(values)
        )
    )
    result = ranking.rank(values, direction=directions, by=labels, ties="average")
    kept = [label is not None for label in labels]
    assert result.groups == tuple(label for label in labels if label is not None)
    for name in ("klein", "groot"):
        alone = ranking.rank(
            values, direction=directions, group=[label == name for label in labels], ties="average"
        )
        inside = np.array([label == name for label in labels])[kept]
        assert np.array_equal(result.rank[inside], alone.rank, equal_nan=True)
        assert np.array_equal(result.percentile[inside], alone.percentile, equal_nan=True)


def test_a_worked_example_with_a_missing_figure_and_a_tie() -> None:
    # Lower is better: 3.9 is best; 48 and 48 share first place on the first indicator.
    values = [[48.0, 5.2], [61.0, 4.1], [math.nan, 6.0], [48.0, 3.9]]
    result = ranking.rank(
        values,
        direction={"misdrijven": "decrease", "cijfer": progmon.Direction.INCREASE},
        regions=["Almelo", "Hengelo", "Enschede", "Oldenzaal"],
        indicators=["misdrijven", "cijfer"],
    )
    assert np.array_equal(result.rank, [[1, 2], [3, 3], [math.nan, 1], [1, 4]], equal_nan=True)
    assert result.count[:, 0].tolist() == [3, 3, 3, 3]
    assert result.count[:, 1].tolist() == [4, 4, 4, 4]
    assert result.percentile[:, 1].tolist() == [75.0, 50.0, 100.0, 25.0]
    rows = ranking.rank_table(result)
    assert rows[4] == {
        "region": "Enschede",
        "group": None,
        "indicator": "misdrijven",
        "direction": "decrease",
        "value": None,
        "rank": None,
        "count": 3,
        "percentile": None,
        "ties": "min",
    }
    assert list(rows[0]) == list(ranking.RANK_COLUMNS)


def test_a_one_dimensional_panel_and_a_group_by_label() -> None:
    result = ranking.rank(
        [3.0, 1.0, 2.0, 5.0], direction="increase", regions=list("abcd"), group=["d", "b", "a"]
    )
    assert result.regions == ("a", "b", "d")  # the panel's order, not the group's
    assert result.rank.tolist() == [2.0, 3.0, 1.0]
    assert [row["rank"] for row in ranking.rank_table(result)] == [2.0, 3.0, 1.0]


def test_xarray_keeps_dims_and_coords_and_the_region_dim_can_be_named() -> None:
    panel = xr.DataArray(
        np.array([[[48.0, 50.0]], [[61.0, 40.0]], [[52.0, math.nan]]]).transpose(1, 0, 2),
        dims=("indicator", "region", "period"),
        coords={
            "indicator": ["misdrijven"],
            "region": ["GM0141", "GM0153", "GM0164"],
            "period": [2018, 2019],
        },
    )
    result = ranking.rank(panel, direction={"misdrijven": "decrease"}, dim="region",
                          group=["GM0141", "GM0153"])  # fmt: skip
    for array in (result.rank, result.percentile, result.count):
        assert isinstance(array, xr.DataArray)
        assert array.dims == ("region", "indicator", "period")
        assert array.coords["region"].to_numpy().tolist() == ["GM0141", "GM0153"]
        assert array.coords["period"].to_numpy().tolist() == [2018, 2019]
    assert result.rank.sel(region="GM0153", period=2019).item() == 1.0
    assert result.rank.name == "rank"
    frame = ranking.rank_frame(result)
    assert list(frame.columns) == [
        "region", "group", "indicator", "period", "direction", "value", "rank", "count",
        "percentile", "ties",
    ]  # fmt: skip
    assert frame["period"].tolist() == [2018, 2019, 2018, 2019]
    assert [str(frame[c].dtype) for c in ("rank", "count", "direction", "region")] == [
        "float64", "Int64", "category", "string",
    ]  # fmt: skip


def test_numpy_input_does_not_import_xarray() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from progmon import ranking; "
        "ranking.rank([[1.0], [2.0]], direction='increase'); "
        "print('xarray' in sys.modules, 'pandas' in sys.modules)"
    )
    done = subprocess.run(  # noqa: S603  # fixed arguments
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "False"]


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("call", "element", "value"),
    [
        (lambda: ranking.rank([[1.0], [2.0]], direction=["up"]), "direction[0]", "up"),
        (lambda: ranking.rank([[1.0, 2.0]], direction=["increase"]), "direction", 1),
        (lambda: ranking.rank([[1.0]], direction=7), "direction", 7),
        (
            lambda: ranking.rank([[1.0]], direction={"x": "increase"}, indicators=["y"]),
            "direction",
            "x",
        ),
        (lambda: ranking.rank([[1.0]], direction={"x": "increase"}), "direction", ["x"]),
        (lambda: ranking.rank(5.0, direction="increase"), "ranking values", 5.0),
        (lambda: ranking.rank([["a"]], direction="increase"), "ranking values", "<U1"),
        (lambda: ranking.rank([[1.0], [2.0, 3.0]], direction="increase"), "ranking values", list),
        (
            lambda: ranking.rank([[1.0], [math.inf]], direction="increase"),
            "ranking values [1, 0]",
            math.inf,
        ),
        (lambda: ranking.rank([1.0, 2.0], direction="increase", regions=["a"]), "regions", 1),
        (
            lambda: ranking.rank([1.0, 2.0], direction="increase", regions=["a", "a"]),
            "regions",
            "a",
        ),
        (
            lambda: ranking.rank([1.0, 2.0], direction="increase", regions=["a", "b"], group=["c"]),
            "group",
            "c",
        ),
        (lambda: ranking.rank([1.0, 2.0], direction="increase", group=["a"]), "group", ["a"]),
        (lambda: ranking.rank([1.0, 2.0], direction="increase", group=[True]), "group", 1),
        (lambda: ranking.rank([1.0, 2.0], direction="increase", group="ab"), "group", "ab"),
        (lambda: ranking.rank([1.0, 2.0], direction="increase", by=["x"]), "by", 1),
        (
            lambda: ranking.rank([1.0, 2.0], direction="increase", by=[["x"], "y"]),
            "by[0]",
            ["x"],
        ),
        (
            lambda: ranking.rank([1.0], direction="increase", group=[True], by=["x"]),
            "rank",
            "group and by",
        ),
        (lambda: ranking.rank([1.0], direction="increase", ties="first"), "ties", "first"),  # type: ignore[arg-type]
        (lambda: ranking.rank([1.0], direction="increase", dim="region"), "dim", "region"),
        (
            lambda: ranking.rank(
                xr.DataArray([1.0], dims=("gemeente",)), direction="increase", dim="region"
            ),
            "dim",
            "region",
        ),
        (lambda: ranking.rank_table("ranking"), "rank_table", str),  # type: ignore[arg-type]
    ],
)
def test_bad_input_is_a_progmon_error_naming_element_and_value(
    call: Any, element: str, value: object
) -> None:
    with pytest.raises(ProgmonError) as info:
        call()
    assert isinstance(info.value, ValidationError)
    assert info.value.element == element
    assert info.value.value == value
    assert element in str(info.value)


# --------------------------------------------------------------------------- CBS


def cbs_rows() -> list[dict[str, Any]]:
    """An export shaped as 83648NED: the country, a province and three municipalities."""
    figures = {
        "NL01": (50.1, 48.0),
        "PV23": (44.0, 43.0),
        "GM0141": (58.7, 57.6),
        "GM0153": (58.2, 59.3),
        "GM0164": (None, 41.2),
    }
    rows = []
    for region, values in figures.items():
        for year, value in zip((2018, 2019), values, strict=True):
            for kind, factor in (("0.0.0", 1.0), ("1.1.1", 0.1)):
                rows.append({
                    "ID": len(rows),
                    "SoortMisdrijf": f"{kind}   ",
                    "RegioS": f"{region:<8}",
                    "Perioden": f"{year}JJ00",
                    "GeregistreerdeMisdrijvenPer1000Inw_3": (
                        None if value is None else round(value * factor, 2)
                    ),
                })  # fmt: skip
    return rows


def test_cbs_panel_from_rows_keeps_the_municipalities_and_ranks_them() -> None:
    column = "GeregistreerdeMisdrijvenPer1000Inw_3"
    panel = ranking.cbs_panel(
        cbs_rows(),
        {
            "misdrijven": CbsColumn(column, where={"SoortMisdrijf": "0.0.0"}),
            "inbraak": CbsColumn(column, where={"SoortMisdrijf": "1.1.1"}),
        },
    )
    assert panel.regions == ("GM0141", "GM0153", "GM0164")
    assert panel.indicators == ("misdrijven", "inbraak")
    assert panel.periods == ("2018", "2019")
    assert np.array_equal(
        panel.values[:, 0], [[58.7, 57.6], [58.2, 59.3], [math.nan, 41.2]], equal_nan=True
    )
    assert panel.notes == {
        ("GM0164", "misdrijven", "2018"): "CBS: cijfer ontbreekt",
        ("GM0164", "inbraak", "2018"): "CBS: cijfer ontbreekt",
    }
    result = ranking.rank(panel, direction="decrease")
    assert result.axes == (("period", ("2018", "2019")),)
    assert result.rank[:, 0, 1].tolist() == [2.0, 3.0, 1.0]
    assert [row["period"] for row in ranking.rank_table(result)][:2] == ["2018", "2019"]
    everything = ranking.cbs_panel(cbs_rows(), {"m": CbsColumn(column, where={"SoortMisdrijf": "0.0.0"})}, prefix=None)  # fmt: skip
    assert everything.regions[:2] == ("NL01", "PV23")
    chosen = ranking.cbs_panel(
        cbs_rows(), {"m": CbsColumn(column, where={"SoortMisdrijf": "0.0.0"})},
        regions=["GM0153", "NL01"],
    )  # fmt: skip
    assert chosen.values[:, 0, 0].tolist() == [58.2, 50.1]
    labelled = panel.to_xarray()
    assert labelled.sel(region="GM0153", indicator="misdrijven", period="2019").item() == 59.3


def test_cbs_panel_reads_the_saved_file_as_read_cbs_does(tmp_path: Any) -> None:
    import json

    path = tmp_path / "83648NED.json"
    path.write_text(json.dumps({"odata.metadata": "x/83648NED/$metadata", "value": cbs_rows()}))
    from_file = ranking.cbs_panel(
        path,
        {"m": CbsColumn("GeregistreerdeMisdrijvenPer1000Inw_3", where={"SoortMisdrijf": "0.0.0"})},
    )
    assert from_file.values[1, 0].tolist() == [58.2, 59.3]


@pytest.mark.parametrize(
    ("rows", "mapping", "kind", "element", "value"),
    [
        ([], {"m": "X_1"}, FileFormatError, "CBS rows", None),
        ({"a": 1}, {"m": "X_1"}, ValidationError, "CBS rows", "dict"),
        ([{"RegioS": "GM1", "Perioden": "2019JJ00", "X_1": 1}, 3], {"m": "X_1"}, FileFormatError,
         "CBS rows[1]", "int"),
        ([{"Perioden": "2019JJ00", "X_1": 1}], {"m": "X_1"}, FileFormatError, "CBS rows",
         ["Perioden", "X_1"]),
        ([{"RegioS": "GM1", "Perioden": "2019JJ00", "X_1": 1}], {"m": "Y_2"}, ValidationError,
         "CBS rows: mapping for 'm'", "Y_2"),
        ([{"RegioS": "GM1", "Perioden": "2019JJ00", "X_1": 1}], {}, ValidationError,
         "CBS rows: mapping", {}),
        ([{"RegioS": "NL01", "Perioden": "2019JJ00", "X_1": 1}], {"m": "X_1"}, ValidationError,
         "CBS rows", ["NL01"]),
        ([{"RegioS": "GM1", "Perioden": "2019JJ00", "X_1": "veel"}], {"m": "X_1"},
         FileFormatError, "CBS rows: X_1 GM1 2019JJ00", "veel"),
        ([{"RegioS": "GM1", "Perioden": "2019JJ00", "Soort": "a", "X_1": 1},
          {"RegioS": "GM1", "Perioden": "2019JJ00", "Soort": "b", "X_1": 2}], {"m": "X_1"},
         progmon.errors.AmbiguityError, "CBS rows: mapping for 'm'", "GM1 2019JJ00"),
        ([{"RegioS": "GM1", "Perioden": "2019JJ00", "X_1": 1}],
         {"m": CbsColumn("X_1", where={"Soort": "a"})}, ValidationError,
         "CBS rows: mapping for 'm'", "Soort"),
    ],
)  # fmt: skip
def test_bad_cbs_rows_are_errors_naming_element_and_value(
    rows: Any, mapping: Any, kind: type[Exception], element: str, value: object
) -> None:
    with pytest.raises(kind) as info:
        ranking.cbs_panel(rows, mapping)
    assert isinstance(info.value, ProgmonError)
    assert info.value.element.startswith(element), info.value.element
    assert info.value.value == value


def test_cbs_panel_refuses_regions_not_in_the_table() -> None:
    rows = [{"RegioS": "GM1", "Perioden": "2019JJ00", "X_1": 1}]
    with pytest.raises(ValidationError) as info:
        ranking.cbs_panel(rows, {"m": "X_1"}, regions=["GM2"])
    assert (info.value.element, info.value.value) == ("CBS rows: regions", "GM2")
