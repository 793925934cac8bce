"""progmon.trend against its reference implementations.

The references (scipy, pymannkendall, statsmodels) are test-only oracles.
Where a reference warns or fails on degenerate input, the documented
progmon behaviour (NaN, or a defined value) is asserted instead.
"""

from __future__ import annotations

import math
import warnings
from fractions import Fraction

import attrs
import numpy as np
import pint
import pymannkendall
import pytest
import scipy.special
import scipy.stats
from hypothesis import given, settings
from hypothesis import strategies as st
from statsmodels.stats.proportion import proportions_ztest as sm_proportions_ztest

from progmon import trend
from progmon.errors import ProgmonError, ValidationError
from strategies import batches, sample_sizes, series, shares, timed_series

RTOL = 1e-9
EXAMPLES = settings(max_examples=200, deadline=None)

ALMELO_T = [2016, 2017, 2018, 2019]
ALMELO_Y = [690, 698, 668, 624]  # Woonoverlast, Geluidsoverlast


def close(actual: object, expected: object, atol: float = 0.0, rtol: float = RTOL) -> None:
    np.testing.assert_allclose(
        np.asarray(actual, dtype=float), np.asarray(expected, dtype=float), rtol=rtol, atol=atol
    )


def quietly(func, *args, **kwargs):
    """Call a reference, which may warn on input that progmon handles silently."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return func(*args, **kwargs)


def valid_points(t: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ok = ~(np.isnan(t) | np.isnan(y))
    return t[ok], y[ok]


def assert_all_nan(result: object, *names: str) -> None:
    for name in names:
        assert np.isnan(getattr(result, name)), name


# ---------------------------------------------------------------------------
# ols
# ---------------------------------------------------------------------------


@EXAMPLES
@given(timed_series())
def test_ols_equals_linregress(ty: tuple[np.ndarray, np.ndarray]) -> None:
    t, y = ty
    res = trend.ols(t, y)
    tv, yv = valid_points(t, y)
    assert res.n == tv.size
    if tv.size < 2 or np.ptp(tv) == 0:
        assert_all_nan(res, "slope", "intercept", "rvalue", "pvalue", "stderr", "intercept_stderr")
        return
    if np.ptp(yv) == 0:
        # linregress in exact arithmetic; in floating point it may return noise.
        assert res.slope == 0
        assert res.intercept == yv[0]
        assert np.isnan(res.rvalue)
        if tv.size == 2:
            assert (res.pvalue, res.stderr, res.intercept_stderr) == (1.0, 0.0, 0.0)
        else:
            assert_all_nan(res, "pvalue", "stderr", "intercept_stderr")
        return
    ref = scipy.stats.linregress(tv, yv)
    spread = np.sqrt(np.var(yv) / np.var(tv))  # the scale of a slope
    close(res.slope, ref.slope, atol=1e-12 * spread)
    close(res.intercept, ref.intercept, atol=1e-12 * (abs(yv).max() + spread * abs(tv).max()))
    close(res.rvalue, ref.rvalue, atol=1e-12)
    if 1 - abs(ref.rvalue) < 1e-12:
        # A (nearly) perfect fit: t = r sqrt(df / (1 - r**2)) is huge and set
        # by the rounding of r, in both implementations. With one degree of
        # freedom p ~ sqrt(1 - |r|), so rounding noise alone reaches 1e-8.
        assert res.pvalue < 1e-7
        assert ref.pvalue < 1e-7
    else:
        close(res.pvalue, ref.pvalue, atol=1e-12)
    # For a (nearly) perfect fit, 1 - r**2 is rounding noise in both
    # implementations, so the standard error is only known to about
    # sqrt(machine epsilon) times the scale of the slope.
    close(res.stderr, ref.stderr, atol=1e-7 * spread)
    close(res.intercept_stderr, ref.intercept_stderr, atol=1e-7 * spread * abs(tv).max())


def test_ols_almelo() -> None:
    res = trend.ols(ALMELO_T, ALMELO_Y)
    ref = scipy.stats.linregress(ALMELO_T, ALMELO_Y)
    close(res.slope, -22.8)
    for name in ("slope", "intercept", "rvalue", "pvalue", "stderr", "intercept_stderr"):
        close(getattr(res, name), getattr(ref, name), rtol=1e-12)
    assert isinstance(res.slope, np.float64)
    assert res.n == 4


def test_ols_two_points_as_linregress() -> None:
    res = trend.ols([2017, 2019], [36.0, 31.0])
    ref = scipy.stats.linregress([2017, 2019], [36.0, 31.0])
    assert (res.pvalue, res.stderr, res.intercept_stderr) == (0.0, 0.0, 0.0)
    assert res.rvalue == ref.rvalue == -1.0
    close(res.slope, -2.5)


def test_ols_perfect_fit_of_three_points() -> None:
    res = trend.ols([1.0, 2.0, 4.0], [1.0, 2.0, 4.0])
    ref = scipy.stats.linregress([1.0, 2.0, 4.0], [1.0, 2.0, 4.0])
    close([res.rvalue, res.pvalue], [ref.rvalue, ref.pvalue], rtol=1e-6)
    close(res.stderr, 0.0, atol=1e-7)


@pytest.mark.parametrize("t", [[2013.0] * 4, [2013.0, np.nan, 2013.0, np.nan]])
def test_ols_constant_time_is_nan(t: list[float]) -> None:
    res = trend.ols(t, [1.0, 2.0, 3.0, 4.0])
    assert_all_nan(res, "slope", "intercept", "rvalue", "pvalue", "stderr")


def test_ols_nan_in_t_is_a_gap() -> None:
    res = trend.ols([2013, np.nan, 2017, 2019], [37.2, 99.0, 36.0, 31.0])
    ref = scipy.stats.linregress([2013, 2017, 2019], [37.2, 36.0, 31.0])
    close(res.slope, ref.slope, rtol=1e-12)
    assert res.n == 3


# ---------------------------------------------------------------------------
# mann_kendall
# ---------------------------------------------------------------------------


@EXAMPLES
@given(series(), st.sampled_from([0.05, 0.01, 0.1, 0.5]))
def test_mann_kendall_equals_pymannkendall(y: np.ndarray, alpha: float) -> None:
    res = trend.mann_kendall(y, alpha=alpha)
    k = int(np.count_nonzero(~np.isnan(y)))
    assert res.n == k
    if k < 2:
        # pymannkendall divides by zero here.
        assert (res.s, res.var_s, res.trend, res.h) == (0, 0, "no trend", False)
        assert_all_nan(res, "z", "p", "tau")
        return
    ref = quietly(pymannkendall.original_test, y, alpha=alpha)
    assert res.s == ref.s
    assert res.var_s == ref.var_s
    close(res.z, ref.z, rtol=1e-12)
    close(res.tau, ref.Tau, rtol=1e-12)
    # progmon's 2 * sf(|z|) is exact in the far tail, where pymannkendall's
    # 2 * (1 - cdf(|z|)) rounds; they differ by less than 1e-15 absolute.
    close(res.p, ref.p, atol=1e-14)
    assert res.h == ref.h
    assert res.trend == ref.trend


def test_mann_kendall_almelo() -> None:
    res = trend.mann_kendall(ALMELO_Y)
    ref = pymannkendall.original_test(ALMELO_Y)
    assert (res.trend, res.s, res.var_s) == (ref.trend, ref.s, ref.var_s)
    close(res.p, ref.p, rtol=1e-12)


def test_mann_kendall_ties_and_constant() -> None:
    res = trend.mann_kendall([[1, 1, 2, 2, 3, 3, 3], [5, 5, 5, 5, 5, 5, 5]])
    ref = pymannkendall.original_test([1, 1, 2, 2, 3, 3, 3])
    assert res.var_s[0] == ref.var_s
    assert res.var_s[1] == 0
    assert (res.z[1], res.p[1], res.trend[1]) == (0.0, 1.0, "no trend")
    assert list(res.trend) == [ref.trend, "no trend"]


def test_mann_kendall_far_tail_keeps_precision() -> None:
    res = trend.mann_kendall(np.arange(40.0))
    close(res.p, 2 * scipy.stats.norm.sf(res.z), rtol=1e-13)
    assert 0 < res.p < 1e-15
    assert res.trend == "increasing"


# ---------------------------------------------------------------------------
# sen_slope
# ---------------------------------------------------------------------------


@EXAMPLES
@given(timed_series(), st.sampled_from([0.95, 0.9, 0.05, 0.5, 0.99]))
def test_sen_slope_equals_theilslopes(ty: tuple[np.ndarray, np.ndarray], alpha: float) -> None:
    t, y = ty
    res = trend.sen_slope(t, y, alpha=alpha)
    tv, yv = valid_points(t, y)
    assert res.n == tv.size
    if tv.size < 2 or np.ptp(tv) == 0:
        # theilslopes raises (fewer than 2 points) or warns and gives NaN.
        assert_all_nan(res, "slope", "intercept", "low_slope", "high_slope")
        return
    ref = quietly(scipy.stats.theilslopes, yv, tv, alpha)
    scale = np.ptp(yv) / np.ptp(tv) + abs(ref.slope)
    close(res.slope, ref.slope, atol=1e-13 * scale)
    close(res.intercept, ref.intercept, atol=1e-12 * (abs(yv).max() + scale * abs(tv).max()))
    # theilslopes gives NaN bounds where the tie-corrected variance is negative.
    close(res.low_slope, ref.low_slope, atol=1e-13 * scale)
    close(res.high_slope, ref.high_slope, atol=1e-13 * scale)


def test_sen_slope_almelo() -> None:
    res = trend.sen_slope(ALMELO_T, ALMELO_Y)
    ref = scipy.stats.theilslopes(ALMELO_Y, ALMELO_T)
    assert (res.slope, res.intercept, res.low_slope, res.high_slope) == tuple(ref)


def test_sen_slope_skips_pairs_at_one_time() -> None:
    t = [2013, 2013, 2017, 2019]
    y = [37.0, 38.0, 36.0, 31.0]
    res = trend.sen_slope(t, y)
    ref = scipy.stats.theilslopes(y, t)
    close([res.slope, res.low_slope, res.high_slope], [ref.slope, ref.low_slope, ref.high_slope])


def test_sen_slope_long_series_in_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(7)
    t = np.arange(30.0)
    y = rng.normal(size=(5, 30)).round(1)
    y[1, ::3] = np.nan
    whole = trend.sen_slope(t, y)
    monkeypatch.setattr(trend, "_BLOCK_VALUES", 1)
    assert trend.sen_slope(t, y) == whole
    for row in range(5):
        tv, yv = valid_points(t, y[row])
        ref = scipy.stats.theilslopes(yv, tv)
        close(whole.slope[row], ref.slope, rtol=1e-12)
        close(whole.high_slope[row], ref.high_slope, rtol=1e-12)


# ---------------------------------------------------------------------------
# cagr
# ---------------------------------------------------------------------------


def reference_cagr(t: np.ndarray, y: np.ndarray) -> float:
    tv, yv = valid_points(t, y)
    if tv.size < 2 or tv[-1] == tv[0] or yv[0] <= 0 or yv[-1] < 0:
        return math.nan
    return float((yv[-1] / yv[0]) ** (1 / (tv[-1] - tv[0])) - 1)


@EXAMPLES
@given(timed_series())
def test_cagr_equals_formula(ty: tuple[np.ndarray, np.ndarray]) -> None:
    t, y = ty
    close(trend.cagr(t, y), reference_cagr(t, y), atol=1e-14)


def test_cagr_almelo() -> None:
    close(trend.cagr(ALMELO_T, ALMELO_Y), (624 / 690) ** (1 / 3) - 1, rtol=1e-13)


def test_cagr_undefined_and_edge_values() -> None:
    t = [2016, 2017, 2018]
    assert np.isnan(trend.cagr(t, [0.0, 1.0, 2.0]))  # first value zero
    assert np.isnan(trend.cagr(t, [-1.0, 1.0, 2.0]))  # first value negative
    assert np.isnan(trend.cagr(t, [1.0, 1.0, -2.0]))  # last value negative
    assert np.isnan(trend.cagr(t, [np.nan, np.nan, 2.0]))  # one point
    assert trend.cagr(t, [4.0, 1.0, 0.0]) == -1.0  # down to zero
    assert trend.cagr([2019, 2016, 2017], [2.0, 1.0, np.nan]) == pytest.approx(2 ** (1 / 3) - 1)


# ---------------------------------------------------------------------------
# proportions_ztest and margin_test
# ---------------------------------------------------------------------------


@EXAMPLES
@given(shares, sample_sizes, shares, sample_sizes)
def test_proportions_ztest_equals_statsmodels(
    share_a: float, n_a: float, share_b: float, n_b: float
) -> None:
    res = trend.proportions_ztest(share_a, n_a, share_b, n_b)
    z, p = quietly(
        sm_proportions_ztest, np.array([share_a * n_a, share_b * n_b]), np.array([n_a, n_b])
    )
    close(res.z, z, atol=1e-12)
    close(res.pvalue, p, atol=1e-14)
    if share_a > share_b and np.isfinite(z):
        assert res.z > 0


def test_proportions_ztest_broadcasts() -> None:
    res = trend.proportions_ztest([0.372, 0.36], 1000, 0.31, [1000, 800])
    assert res.z.shape == (2,)
    z, p = sm_proportions_ztest(np.array([360.0, 248.0]), np.array([1000, 800]))
    close([res.z[1], res.pvalue[1]], [z, p], rtol=1e-12)
    assert np.isnan(trend.proportions_ztest(np.nan, 1000, 0.3, 1000).z)


@EXAMPLES
@given(
    st.floats(0, 100),
    st.one_of(st.floats(0, 10), st.just(math.nan)),
    st.floats(0, 100),
    st.one_of(st.floats(0, 10), st.just(math.nan)),
)
def test_margin_test_rule(va: float, ma: float, vb: float, mb: float) -> None:
    res = trend.margin_test(va, ma, vb, mb)
    assert res.difference == vb - va
    if math.isnan(ma) or math.isnan(mb):
        assert not res.known
        assert not res.significant
    else:
        assert res.known
        threshold = math.hypot(ma, mb)
        close(res.threshold, threshold, rtol=1e-15)
        # Within rounding of the threshold a difference counts as equal to it.
        slack = 1e-9 * (abs(va) + abs(vb) + threshold)
        if abs(abs(vb - va) - threshold) > slack:
            assert res.significant == (abs(vb - va) > threshold)


def test_margin_test_veiligheidsmonitor() -> None:
    # Onveiligheidsgevoelens algemeen, Almelo: 37.2 (2013), 36.0 (2017), 31.0 (2019).
    res = trend.margin_test([37.2, 36.0], [2.1, 2.0], 31.0, 1.9)
    assert res.significant.tolist() == [True, True]
    res = trend.margin_test(37.2, 2.1, 36.0, 2.0)
    assert not res.significant
    assert res.known


# ---------------------------------------------------------------------------
# Vectorised = per series
# ---------------------------------------------------------------------------


def assert_rows_equal(batch: object, rows: list[object]) -> None:
    # Exactly equal: a series gives the same result alone and in a batch.
    for field in attrs.fields(type(batch)):
        column = getattr(batch, field.name)
        expected = np.array([getattr(row, field.name) for row in rows])
        np.testing.assert_array_equal(column, expected.astype(column.dtype), err_msg=field.name)


@EXAMPLES
@given(batches())
def test_vectorised_equals_per_series(ty: tuple[np.ndarray, np.ndarray]) -> None:
    t, y = ty
    for func in (trend.ols, trend.sen_slope):
        assert_rows_equal(func(t, y), [func(t, row) for row in y])
    assert_rows_equal(trend.mann_kendall(y), [trend.mann_kendall(row) for row in y])
    np.testing.assert_array_equal(trend.cagr(t, y), [trend.cagr(t, row) for row in y])


def test_shapes_and_broadcasting() -> None:
    rng = np.random.default_rng(3)
    y = rng.normal(size=(2, 3, 5))
    y[0, 1, 2] = np.nan
    t = np.arange(2015.0, 2020.0)
    res = trend.ols(t, y)
    assert res.slope.shape == (2, 3)
    close(res.slope[1, 2], trend.ols(t, y[1, 2]).slope, rtol=1e-13)
    # t per series, of the same shape as y
    t_each = np.broadcast_to(t, y.shape) + np.arange(3.0)[:, None]
    close(trend.sen_slope(t_each, y).slope, trend.sen_slope(t, y).slope, rtol=1e-12)
    assert trend.mann_kendall(y).trend.shape == (2, 3)
    assert trend.cagr(t, np.abs(y)).shape == (2, 3)
    assert trend.ols(t, np.empty((0, 5))).slope.shape == (0,)


def test_results_are_immutable_values() -> None:
    y = [[1.0, 2.0, np.nan], [np.nan, np.nan, np.nan]]
    res = trend.ols([1, 2, 3], y)
    assert res == trend.ols([1, 2, 3], y)
    assert res != trend.ols([1, 3, 4], y)
    with pytest.raises(ValueError, match="read-only"):
        res.slope[0] = 0.0
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        res.slope = res.slope  # type: ignore[misc]


# ---------------------------------------------------------------------------
# Degenerate input: defined values, no warnings
# ---------------------------------------------------------------------------

DEGENERATE = [
    np.full((3, 6), np.nan),
    np.zeros((3, 6)),
    np.full((3, 6), 7.5),
    np.array([[np.nan] * 5 + [1.0], [np.nan] * 4 + [1.0, 1.0], [0.0, np.nan] * 3]),
    np.empty((3, 0)),
    np.array([[1e-300, 2e-300, 3e-300, 0.0, 0.0, 0.0]] * 3),
    # beyond the range of a double: inf or NaN, but no warning
    np.array([[1e300, -1e300, 1.7e308, -1.7e308, 0.0, 1.0]] * 3),
]


@pytest.mark.parametrize("y", DEGENERATE)
def test_degenerate_input_gives_no_warning(y: np.ndarray) -> None:
    t = np.arange(y.shape[-1], dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        results = [
            trend.ols(t, y),
            trend.mann_kendall(y),
            trend.sen_slope(t, y),
            trend.cagr(t, y),
            trend.proportions_ztest(np.zeros(3), 10, np.zeros(3), 10),
            trend.proportions_ztest(1.0, 10, 1.0, 10),
            trend.margin_test(y, 0.0, y, np.nan),
        ]
    assert all(r is not None for r in results)


def test_all_nan_row_is_nan_not_an_error() -> None:
    y = np.array([[np.nan, np.nan, np.nan], [1.0, 2.0, 4.0]])
    t = [2013, 2017, 2019]
    assert np.isnan(trend.ols(t, y).slope[0])
    assert np.isnan(trend.sen_slope(t, y).slope[0])
    assert np.isnan(trend.cagr(t, y)[0])
    mk = trend.mann_kendall(y)
    assert mk.trend[0] == "no trend"
    assert mk.n.tolist() == [0, 3]


# ---------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "element"),
    [
        (lambda: trend.ols([1, 2, 3], [1, 2]), "trend.ols(t)"),
        (lambda: trend.sen_slope(np.arange(4), np.ones((3, 5))), "trend.sen_slope(t)"),
        (lambda: trend.ols([1, 2], ["a", "b"]), "trend.ols(y)"),
        (lambda: trend.ols(["2013", "2017"], [1, 2]), "trend.ols(t)"),
        (lambda: trend.cagr([1, 2], [1 + 1j, 2]), "trend.cagr(y)"),
        (lambda: trend.ols([1, 2], [1, math.inf]), "trend.ols(y)"),
        (lambda: trend.ols([1, 2], [[1, 2], [3]]), "trend.ols(y)"),
        (lambda: trend.ols([1, 2], 3.0), "trend.ols(y)"),
        (lambda: trend.mann_kendall(5.0), "trend.mann_kendall(y)"),
        (lambda: trend.mann_kendall([1, 2], alpha=0), "trend.mann_kendall(alpha)"),
        (lambda: trend.mann_kendall([1, 2], alpha=1.5), "trend.mann_kendall(alpha)"),
        (lambda: trend.mann_kendall([1, 2], alpha=math.nan), "trend.mann_kendall(alpha)"),
        (lambda: trend.mann_kendall([1, 2], alpha=True), "trend.mann_kendall(alpha)"),
        (lambda: trend.mann_kendall([1, 2], alpha="0.05"), "trend.mann_kendall(alpha)"),
        (lambda: trend.sen_slope([1, 2], [1, 2], alpha=1.0), "trend.sen_slope(alpha)"),
        (
            lambda: trend.proportions_ztest(37.2, 1000, 31.0, 1000),
            "trend.proportions_ztest(share_a)",
        ),
        (lambda: trend.proportions_ztest(0.3, 100, -0.1, 100), "trend.proportions_ztest(share_b)"),
        (lambda: trend.proportions_ztest(0.3, 0, 0.1, 100), "trend.proportions_ztest(n_a)"),
        (lambda: trend.proportions_ztest(0.3, 10, 0.1, -5), "trend.proportions_ztest(n_b)"),
        (
            lambda: trend.proportions_ztest([0.3, 0.2], 10, [0.1, 0.2, 0.3], 5),
            "trend.proportions_ztest(share_a, n_a, share_b, n_b)",
        ),
        (lambda: trend.margin_test(37.2, -2.0, 31.0, 1.9), "trend.margin_test(margin_a)"),
    ],
)
def test_bad_input_is_rejected(call, element: str) -> None:
    with pytest.raises(ValidationError) as info:
        call()
    assert info.value.element == element
    assert element in str(info.value)
    assert "got" in str(info.value)
    assert isinstance(info.value, ProgmonError)
    assert isinstance(info.value, ValueError)


def test_bad_input_names_the_value() -> None:
    with pytest.raises(ValidationError, match=r"shape \(2,\)") as info:
        trend.ols([1, 2, 3], [1, 2])
    assert info.value.value == (3,)
    with pytest.raises(ValidationError) as info:
        trend.mann_kendall([1, 2], alpha=1.5)
    assert info.value.value == 1.5


def test_quantities_are_refused_with_a_hint() -> None:
    quantity = pint.get_application_registry().Quantity([1.0, 2.0], "meter")
    with pytest.raises(ValidationError, match="m_as"):
        trend.ols([2018, 2019], quantity)


def test_integer_and_list_input() -> None:
    res = trend.ols(np.array([2016, 2017, 2018, 2019]), np.array(ALMELO_Y, dtype=np.int64))
    close(res.slope, -22.8, rtol=1e-13)
    assert trend.mann_kendall([True, False, True]).n == 3
    res = trend.ols([2016, 2017, 2018], [1.0, None, 3.0])
    assert res.n == 2


# ---------------------------------------------------------------------------
# The p-values far out: many degrees of freedom, one degree of freedom
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("dof", [100_000, 1_000_000])
def test_ols_pvalue_at_many_degrees_of_freedom(dof: int) -> None:
    # Long series (daily figures over centuries, or a pooled panel) have a t
    # statistic with 1e5-1e6 degrees of freedom, where a hand-made t tail drifts.
    rng = np.random.default_rng(dof)
    t = np.arange(dof + 2, dtype=np.float64)
    # Slopes that put the t statistic near 0, 1 and 3: p-values that a test decides on.
    for target_t in (0.0, 1.0, 3.0):
        slope = target_t * math.sqrt(12) / t.size**1.5
        y = slope * t + rng.standard_normal(t.size)
        ref = scipy.stats.linregress(t, y)
        res = trend.ols(t, y)
        assert res.n == dof + 2
        close(res.rvalue, ref.rvalue, rtol=1e-9, atol=1e-12)
        close(res.pvalue, ref.pvalue, rtol=1e-9, atol=1e-300)


def test_ols_pvalue_with_one_degree_of_freedom_is_exact() -> None:
    # Three points leave one degree of freedom, where Student's t is the Cauchy
    # distribution: the two-sided p-value of T is (2 / pi) atan(1 / |T|).
    t = np.array([0.0, 1.0, 2.0])
    for y in ([0.0, 1.0, 2.1], [3.0, 1.0, 2.0], [1.0, 5.0, 2.0], [0.0, 1e-6, 1.0]):
        res = trend.ols(t, np.array(y))
        r = float(res.rvalue)
        big_t = abs(r) * math.sqrt(1 / ((1 - r) * (1 + r)))
        close(res.pvalue, 2 / math.pi * math.atan(1 / big_t), rtol=1e-12)


# ---------------------------------------------------------------------------
# Review: survey figures exactly at the margin
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b", "c"), [(3, 4, 5), (6, 8, 10), (5, 12, 13), (9, 12, 15)])
def test_margin_test_exactly_at_the_threshold_is_within(a: int, b: int, c: int) -> None:
    # Figures with one decimal whose difference equals sqrt(ma**2 + mb**2) exactly
    # (a Pythagorean triple of margins): "within the margin", so not significant,
    # whatever binary floating point makes of 24.1 - 22.1.
    ma, mb, threshold = Fraction(a, 10), Fraction(b, 10), Fraction(c, 10)
    assert ma**2 + mb**2 == threshold**2
    first = np.arange(0, 1000 - c, 3) / 10
    second = (np.arange(0, 1000 - c, 3) + c) / 10
    for va, vb in zip(first, second, strict=True):
        assert Fraction(str(vb)) - Fraction(str(va)) == threshold
    res = trend.margin_test(first, a / 10, second, b / 10)
    assert not res.significant.any()
    res = trend.margin_test(second, b / 10, first, a / 10)
    assert not res.significant.any()
    # One step of 0.1 more is beyond the margin.
    assert trend.margin_test(first, a / 10, second + 0.1, b / 10).significant.all()
