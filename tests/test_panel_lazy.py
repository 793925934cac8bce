"""assess_panel on large panels: chunked as one call, statistics worked out on first read.

The chunk size is forced small here (a private constant), so that a panel of
a few rows is split in many chunks: the results must be those of one pass,
bit for bit. The lazy ``slope`` and ``trend`` must equal the statistics of
:mod:`progmon.trend` on the same series, worked out eagerly.
"""

from __future__ import annotations

import pickle
import subprocess
import sys

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from progmon import _panel, assess_panel, trend
from progmon.assessment import PanelAssessment, Status
from strategies import batches, panels

EXAMPLES = settings(max_examples=150, deadline=None)
FIELDS = [f.name for f in attrs.fields(PanelAssessment) if not f.name.startswith("_")]


def assert_same(a: PanelAssessment, b: PanelAssessment) -> None:
    for name in [*FIELDS, "slope", "trend"]:
        x, y = getattr(a, name), getattr(b, name)
        if name == "method":
            assert x == y
            continue
        assert x.dtype == y.dtype, name
        assert np.array_equal(x, y, equal_nan=x.dtype.kind == "f"), name


@EXAMPLES
@given(panels(), st.integers(1, 40))
def test_chunked_equals_one_pass(kwargs: dict, chunk: int) -> None:
    whole = assess_panel(**kwargs)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_panel, "_CHUNK_VALUES", chunk)
        patch.setattr(trend, "_CHUNK_VALUES", chunk)
        parts = assess_panel(**kwargs)
    assert_same(whole, parts)
    assert whole == parts


@EXAMPLES
@given(batches(max_rows=10), st.integers(1, 40))
def test_trend_functions_chunked_equal_one_pass(ty: tuple, chunk: int) -> None:
    t, y = ty
    calls = [
        lambda: trend.ols(t, y),
        lambda: trend.sen_slope(t, y),
        lambda: trend.mann_kendall(y),
        lambda: trend.cagr(t, y),
    ]
    whole = [call() for call in calls]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(trend, "_CHUNK_VALUES", chunk)
        parts = [call() for call in calls]
    for a, b in zip(whole[:3], parts[:3], strict=True):
        assert a == b
    assert np.array_equal(whole[3], parts[3], equal_nan=True)


def eager_statistics(t: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """slope and trend as assess_panel defines them, from the public trend functions."""
    count = (~(np.isnan(y) | np.isnan(t))).sum(axis=-1)
    ols, sen, mk = (
        trend.ols(t, y),
        trend.sen_slope(t, y),
        trend.mann_kendall(np.where(np.isnan(t), np.nan, y)),
    )
    slope = np.where(count == 2, ols.slope, np.where(count >= 3, sen.slope, np.nan))
    direction = np.where(count >= 4, mk.trend, "")
    return slope, direction


@EXAMPLES
@given(panels())
def test_lazy_statistics_equal_the_eager_ones(kwargs: dict) -> None:
    res = assess_panel(**kwargs)
    assert res._statistics._slope is None  # nothing worked out yet
    slope, direction = eager_statistics(kwargs["t"], kwargs["y"])
    np.testing.assert_array_equal(res.slope, slope)
    assert res.trend.tolist() == direction.tolist()
    assert res.slope is res.slope  # worked out once


def test_slope_and_trend_as_documented() -> None:
    years = np.arange(2015, 2021) + 0.5
    y = np.array(
        [[100, 97, 94, 90, 85, 80.0], [100, np.nan, np.nan, np.nan, np.nan, 96], [np.nan] * 6]
    )
    res = assess_panel(years, y, target=50, deadline=2030.5, direction=-1)
    theil = trend.sen_slope(years, y[0]).slope
    assert res.slope[0] == theil
    assert res.slope[1] == pytest.approx(-0.8)  # two points: the straight line
    assert np.isnan(res.slope[2])
    assert res.trend.tolist() == ["decreasing", "", ""]
    assert res.count.tolist() == [6, 2, 0]


def test_statistics_do_not_follow_later_changes_to_the_input() -> None:
    years = np.arange(2015.0, 2020.0)
    y = np.array([[1.0, 2.0, 3.0, 4.0, 5.0]])
    t = years.copy()
    res = assess_panel(t, y, direction=1)
    y[0] = [5.0, 4.0, 3.0, 2.0, 1.0]
    t[:] = 0.0
    assert res.slope.tolist() == [1.0]
    assert res.trend.tolist() == ["increasing"]


def test_equality_repr_and_pickle() -> None:
    years = np.arange(2015, 2021) + 0.5
    y = np.array([[100, 97, 94, 90, 85, 80.0], [100, 99, 98, 99, 97, 101]])
    a = assess_panel(years, y, target=50, deadline=2030.5, direction=-1)
    b = assess_panel(years, y, target=50, deadline=2030.5, direction=-1)
    assert a == b
    other = y.copy()
    other[1, 2] = 90.0  # the same ends, another slope
    c = assess_panel(years, other, target=50, deadline=2030.5, direction=-1)
    assert c.status.tolist() == a.status.tolist()
    assert c != a
    shown = repr(a)
    assert shown.index("significant=") < shown.index("slope=") < shown.index("trend=")
    assert shown.index("trend=") < shown.index("count=") < shown.index("method=")
    assert "_statistics" not in shown
    fresh = assess_panel(years, y, target=50, deadline=2030.5, direction=-1)
    back = pickle.loads(pickle.dumps(fresh))  # noqa: S301  # our own pickle
    assert back == a
    assert back.slope.tolist() == a.slope.tolist()
    assert not back.slope.flags.writeable


def test_results_are_read_only() -> None:
    res = assess_panel([2015, 2016, 2017], [[1.0, 2.0, 3.0]], direction=1)
    for name in [*FIELDS, "slope", "trend"]:
        if name != "method":
            assert not getattr(res, name).flags.writeable, name


@EXAMPLES
@given(panels())
def test_counts_as_a_count_of_the_statuses(kwargs: dict) -> None:
    res = assess_panel(**kwargs)
    found = res.counts()
    assert list(found) == list(Status)
    for status, number in found.items():
        assert number == sum(s is status for s in res.statuses().ravel())


def test_no_scipy_for_slope_and_trend() -> None:
    # The statistics assess_panel reports need no p-value, so no scipy (a tenth of a second).
    code = (
        "import sys\n"
        "sys.modules.update(dask=None, xarray=None)\n"
        "import numpy as np\n"
        "from progmon import assess_panel, trend\n"
        "y = np.array([[100, 97, 94, 90, 85, 80.0], [1, 2, np.nan, 4, 5, 3]])\n"
        "res = assess_panel(np.arange(2015, 2021.0), y, target=50, deadline=2030, direction=-1)\n"
        "res.slope, res.trend, res.counts()\n"
        "trend.sen_slope(np.arange(6.0), y)\n"
        "print([m for m in ('scipy.special', 'scipy.stats') if m in sys.modules])\n"
    )
    done = subprocess.run(  # noqa: S603  # fixed arguments, no shell
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_default_quantile_is_scipys() -> None:
    import scipy.special

    for p, value in trend._QUANTILES.items():
        assert value == scipy.special.ndtri(p)


@pytest.mark.parametrize("shape", [(0, 3), (2, 0, 3), (0, 0)])
def test_a_panel_without_series(shape: tuple[int, ...]) -> None:
    res = assess_panel(np.arange(float(shape[-1])), np.empty(shape), direction=1)
    assert res.status.shape == res.slope.shape == res.trend.shape == shape[:-1]
    assert sum(res.counts().values()) == 0
