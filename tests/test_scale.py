"""dask and xarray input: the same numbers as numpy, labels kept, neither imported for numpy.

The numpy results are the reference: the trend functions and assess_panel on
a dask array (in chunks along every axis, time included) or an xarray
DataArray (in memory or dask-backed) must give them exactly.
"""

from __future__ import annotations

import subprocess
import sys

import attrs
import dask.array as da
import numpy as np
import pytest
import xarray as xr
from hypothesis import given, settings
from hypothesis import strategies as st

from progmon import assess_panel, trend
from progmon.assessment import PanelAssessment
from strategies import batches, panels

EXAMPLES = settings(max_examples=60, deadline=None)
FIELDS = [f.name for f in attrs.fields(PanelAssessment) if f.name not in ("method", "_statistics")]


def same(a: object, b: object) -> bool:
    x, y = np.asarray(a), np.asarray(b)
    return x.shape == y.shape and bool(np.array_equal(x, y, equal_nan=x.dtype.kind == "f"))


def computed(value: object) -> object:
    return value.compute() if hasattr(value, "compute") else value


def assert_results_equal(reference: object, other: object) -> None:
    for field in attrs.fields(type(reference)):
        assert same(getattr(reference, field.name), computed(getattr(other, field.name))), (
            field.name
        )


def assert_panels_equal(reference: PanelAssessment, other: PanelAssessment) -> None:
    for name in [*FIELDS, "slope", "trend"]:
        assert same(getattr(reference, name), getattr(other, name)), name
    assert reference.counts() == other.counts()
    assert reference.statuses().tolist() == other.statuses().tolist()
    assert reference.reasons().tolist() == other.reasons().tolist()


def labelled(y: np.ndarray) -> xr.DataArray:
    return xr.DataArray(
        y,
        dims=("region", "year"),
        coords={"region": [f"r{i}" for i in range(y.shape[0])], "year": np.arange(y.shape[1])},
    )


@EXAMPLES
@given(batches(max_rows=9), st.integers(1, 4), st.integers(1, 4))
def test_trend_functions_on_dask_and_xarray(ty: tuple, rows: int, times: int) -> None:
    t, y = ty
    dy = da.from_array(y, chunks=(rows, max(times, 1)))
    xy = labelled(y)
    for func in (trend.ols, trend.sen_slope):
        reference = func(t, y)
        assert_results_equal(reference, func(t, dy))
        assert_results_equal(reference, func(t, xy))
        assert_results_equal(reference, func(t, xy.chunk({"region": rows})))
    reference = trend.mann_kendall(y)
    assert_results_equal(reference, trend.mann_kendall(dy))
    assert_results_equal(reference, trend.mann_kendall(xy.chunk({"year": max(times, 1)})))
    assert same(trend.cagr(t, y), trend.cagr(t, dy).compute())
    assert same(trend.cagr(t, y), trend.cagr(t, xy))


@EXAMPLES
@given(panels(max_rows=9), st.integers(1, 4), st.integers(1, 4))
def test_assess_panel_on_dask_and_xarray(kwargs: dict, rows: int, times: int) -> None:
    reference = assess_panel(**kwargs)
    y = kwargs["y"]
    on_dask = {**kwargs, "y": da.from_array(y, chunks=(rows, times))}
    assert_panels_equal(reference, assess_panel(**on_dask))
    on_xarray = {**kwargs, "y": labelled(y).chunk({"region": rows})}
    result = assess_panel(**on_xarray)
    assert_panels_equal(reference, result)
    assert result.status.dims == ("region",)


def test_results_keep_the_labels_of_the_series() -> None:
    years = np.arange(2015, 2021) + 0.5
    values = np.array([[[100, 97, 94, 90, 85, 80.0]] * 2] * 3)
    y = xr.DataArray(
        values,
        dims=("gemeente", "indicator", "jaar"),
        coords={
            "gemeente": ["Almelo", "Hengelo", "Enschede"],
            "indicator": ["a", "b"],
            "jaar": years,
        },
    )
    target = xr.DataArray([50.0, 60.0], dims="indicator", coords={"indicator": ["a", "b"]})
    res = assess_panel(y.jaar, y, target=target, deadline=2030.5, direction=-1)
    for name in [*FIELDS, "slope", "trend"]:
        field = getattr(res, name)
        assert isinstance(field, xr.DataArray), name
        assert field.dims == ("gemeente", "indicator"), name
        assert field.coords["gemeente"].values.tolist() == ["Almelo", "Hengelo", "Enschede"]
    assert res.progress.sel(gemeente="Hengelo", indicator="a").item() == pytest.approx(0.4)
    slope = trend.sen_slope(y.jaar, y).slope
    assert slope.dims == ("gemeente", "indicator")
    assert slope.sel(gemeente="Almelo", indicator="b").item() == res.slope[0, 1].item()


def test_dask_results_stay_lazy_for_the_trend_functions() -> None:
    y = da.from_array(np.arange(40.0).reshape(4, 10), chunks=(2, 5))
    res = trend.ols(np.arange(10.0), y)
    assert isinstance(res.slope, da.Array)
    assert res.slope.chunks == ((2, 2),)
    assert res.slope.compute().tolist() == [1.0] * 4


def test_bad_input_in_a_block_names_the_element() -> None:
    y = da.from_array(np.array([[1.0, np.inf, 3.0]]), chunks=(1, 3))
    with pytest.raises(trend.ValidationError, match=r"trend\.ols\(y\)"):
        trend.ols([1.0, 2.0, 3.0], y).slope.compute()


def test_numpy_input_imports_neither() -> None:
    # Hidden as on a machine without the scale extra: importing them would fail.
    code = (
        "import sys\n"
        "sys.modules.update(dask=None, xarray=None)\n"
        "import numpy as np\n"
        "from progmon import assess_panel, trend\n"
        "y = np.array([[100, 97, 94, 90, 85, 80.0]])\n"
        "t = np.arange(2015, 2021.0)\n"
        "res = assess_panel(t, y, target=50, deadline=2030, direction=-1)\n"
        "res.slope, res.trend, trend.ols(t, y), trend.mann_kendall(y), trend.cagr(t, y)\n"
        "print('ok')\n"
    )
    done = subprocess.run(  # noqa: S603  # fixed arguments, no shell
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.stdout.strip() == "ok", done.stderr[-2000:]
