r"""Trend statistics on arrays of yearly figures, vectorised over many series.

Every function takes times ``t`` in years (floats; years may be skipped, as
in a survey held in 2013, 2017 and 2019) and values ``y`` of shape
``(..., n)``, the last axis being time. ``t`` has shape ``(n,)`` or any shape
that broadcasts against ``y``. NaN marks a missing figure: a point counts
only where both ``t`` and ``y`` are not NaN. Results have the shape
``y.shape[:-1]``; for a single series (1-D input) they are numpy scalars.
One call handles 100,000 series without a Python loop per series.

Degenerate input (no or too few valid points, constant series, all values
tied, zeros) gives NaN or a documented value, never an exception or a numpy
warning. Bad input (shapes that do not broadcast, text, infinite values, an
``alpha`` outside (0, 1)) raises :class:`progmon.errors.ValidationError`.

Formulas, over the ``k`` valid points of a series:

* :func:`ols`, ordinary least squares (the reference: ``scipy.stats.linregress``):
  :math:`b = S_{ty}/S_{tt}`, :math:`a = \bar y - b\bar t`,
  :math:`r = S_{ty}/\sqrt{S_{tt}S_{yy}}`, standard error
  :math:`\sqrt{(1-r^2)S_{yy}/S_{tt}/(k-2)}`, and the two-sided p-value of
  :math:`T = r\sqrt{(k-2)/((1-r)(1+r))}` under Student's t with ``k - 2``
  degrees of freedom.
* :func:`mann_kendall`, the Mann-Kendall test (Mann 1945, Kendall 1975,
  Gilbert 1987; the reference: ``pymannkendall.original_test``):
  :math:`S = \sum_{i<j} \operatorname{sgn}(y_j - y_i)`,
  :math:`\operatorname{Var} S = [k(k-1)(2k+5) - \sum_g t_g(t_g-1)(2t_g+5)]/18`
  over groups of ``t_g`` tied values, :math:`Z = (S - \operatorname{sgn} S)
  / \sqrt{\operatorname{Var} S}`, two-sided normal p-value,
  :math:`\tau = S / (k(k-1)/2)`.
* :func:`sen_slope`, the Theil-Sen estimator (Theil 1950, Sen 1968; the
  reference: ``scipy.stats.theilslopes``): the median of the pairwise slopes
  :math:`(y_j - y_i)/(t_j - t_i)` over pairs with distinct times, intercept
  :math:`\operatorname{med} y - b \operatorname{med} t`, and Sen's (1968,
  eq. 2.6) confidence interval from ranks of the sorted slopes.
* :func:`cagr`, compound annual growth rate:
  :math:`(y_\text{last}/y_\text{first})^{1/(t_\text{last} - t_\text{first})} - 1`,
  the rate behind the Eurostat / UN SDG growth-ratio method.
* :func:`proportions_ztest`, the pooled two-sample z-test for proportions
  (the reference: ``statsmodels.stats.proportion.proportions_ztest``).
* :func:`margin_test`, the rule behind the "+" and "-" markers of the CBS
  Veiligheidsmonitor: two survey figures differ significantly when their
  difference exceeds :math:`\sqrt{m_a^2 + m_b^2}`, ``m`` their 95 % margins.

The normal and Student t tails and the normal quantile are scipy's
(``scipy.special.ndtr``, ``stdtr`` and ``ndtri``), the functions behind the
reference implementations themselves.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import Any, Final, NamedTuple, ParamSpec, TypeAlias, TypeVar

import attrs
import numpy as np
import numpy.typing as npt

from .errors import ValidationError

__all__ = [
    "MannKendallResult",
    "MarginTestResult",
    "OLSResult",
    "ProportionsZTestResult",
    "SenSlopeResult",
    "cagr",
    "mann_kendall",
    "margin_test",
    "ols",
    "proportions_ztest",
    "sen_slope",
]

FloatArray: TypeAlias = npt.NDArray[np.float64]
#: A result field: an array of shape ``y.shape[:-1]``, or a numpy scalar for one series.
Floats: TypeAlias = npt.NDArray[np.float64] | np.float64
Ints: TypeAlias = npt.NDArray[np.int64] | np.int64
Bools: TypeAlias = npt.NDArray[np.bool_] | np.bool_
Strings: TypeAlias = npt.NDArray[np.str_] | np.str_

# linregress adds this to 1 - r and 1 + r so that a perfect fit gives a huge
# but finite t statistic (and a tiny p-value) instead of a division by zero.
_TINY: Final = 1.0e-20

# Pairwise slopes of many series are processed in blocks of about this many
# values (16 MB per float array), so memory stays bounded for long series.
_BLOCK_VALUES: Final = 1 << 21

# Many series are processed this many values at a time (2 MB of floats): the
# arrays of one chunk stay in the processor's cache, where one pass over all
# of a large panel at once would stream every intermediate through memory.
_CHUNK_VALUES: Final = 1 << 18

# margin_test: a difference within this fraction of the figures' size of
# the threshold is taken as equal to it (rounding of decimal figures).
_MARGIN_SLACK: Final = 1e-9

# An error message shows a long input as a numpy array, whose repr is abridged.
_SHOWN_VALUES: Final = 20


# --------------------------------------------------------------------------
# Result types
# --------------------------------------------------------------------------


def _same(a: object, b: object) -> bool:
    """Compare two result fields; NaN equals NaN, so equal inputs give equal results."""
    x, y = np.asarray(a), np.asarray(b)
    if x.shape != y.shape or x.dtype.kind != y.dtype.kind:
        return False
    return bool(np.array_equal(x, y, equal_nan=x.dtype.kind == "f"))


_ARRAY_EQ: Final = attrs.cmp_using(eq=_same)


@attrs.frozen
class OLSResult:
    """Least-squares line per series, as ``scipy.stats.linregress``.

    Attributes:
        slope: Change per year.
        intercept: Value of the line at ``t = 0``.
        rvalue: Pearson correlation coefficient.
        pvalue: Two-sided p-value for a slope of zero (Student's t, ``n - 2`` d.f.).
        stderr: Standard error of the slope.
        intercept_stderr: Standard error of the intercept.
        n: Number of valid points.

    Example:
        >>> res = ols([2016, 2017, 2018, 2019], [690, 698, 668, 624])
        >>> round(float(res.slope), 1), int(res.n)
        (-22.8, 4)
    """

    slope: Floats = attrs.field(eq=_ARRAY_EQ)
    intercept: Floats = attrs.field(eq=_ARRAY_EQ)
    rvalue: Floats = attrs.field(eq=_ARRAY_EQ)
    pvalue: Floats = attrs.field(eq=_ARRAY_EQ)
    stderr: Floats = attrs.field(eq=_ARRAY_EQ)
    intercept_stderr: Floats = attrs.field(eq=_ARRAY_EQ)
    n: Ints = attrs.field(eq=_ARRAY_EQ)


@attrs.frozen
class MannKendallResult:
    """Mann-Kendall trend test per series, as ``pymannkendall.original_test``.

    Attributes:
        trend: ``"increasing"``, ``"decreasing"`` or ``"no trend"``.
        h: True where the trend is significant at level ``alpha``.
        p: Two-sided p-value.
        z: Normalised test statistic, with continuity correction.
        tau: Kendall's tau, ``s / (n (n - 1) / 2)``.
        s: Mann-Kendall score.
        var_s: Variance of ``s``, corrected for ties.
        n: Number of valid points.

    Example:
        >>> res = mann_kendall([690, 698, 668, 624, 610, 601])
        >>> str(res.trend), float(res.s), round(float(res.p), 4)
        ('decreasing', -13.0, 0.0242)
    """

    trend: Strings = attrs.field(eq=_ARRAY_EQ)
    h: Bools = attrs.field(eq=_ARRAY_EQ)
    p: Floats = attrs.field(eq=_ARRAY_EQ)
    z: Floats = attrs.field(eq=_ARRAY_EQ)
    tau: Floats = attrs.field(eq=_ARRAY_EQ)
    s: Floats = attrs.field(eq=_ARRAY_EQ)
    var_s: Floats = attrs.field(eq=_ARRAY_EQ)
    n: Ints = attrs.field(eq=_ARRAY_EQ)


@attrs.frozen
class SenSlopeResult:
    """Theil-Sen line per series, as ``scipy.stats.theilslopes``.

    Attributes:
        slope: Median of the pairwise slopes.
        intercept: ``median(y) - slope * median(t)``.
        low_slope: Lower bound of the confidence interval of the slope.
        high_slope: Upper bound of the confidence interval of the slope.
        n: Number of valid points.

    Example:
        >>> float(sen_slope([2016, 2017, 2018, 2019], [690, 698, 668, 624]).slope)
        -26.0
    """

    slope: Floats = attrs.field(eq=_ARRAY_EQ)
    intercept: Floats = attrs.field(eq=_ARRAY_EQ)
    low_slope: Floats = attrs.field(eq=_ARRAY_EQ)
    high_slope: Floats = attrs.field(eq=_ARRAY_EQ)
    n: Ints = attrs.field(eq=_ARRAY_EQ)


@attrs.frozen
class ProportionsZTestResult:
    """Pooled two-sample z-test for proportions.

    Attributes:
        z: Test statistic, positive when share a is larger than share b.
        pvalue: Two-sided p-value.

    Example:
        >>> res = proportions_ztest(0.372, 1000, 0.31, 1000)
        >>> round(float(res.z), 2), bool(res.pvalue < 0.05)
        (2.92, True)
    """

    z: Floats = attrs.field(eq=_ARRAY_EQ)
    pvalue: Floats = attrs.field(eq=_ARRAY_EQ)


@attrs.frozen
class MarginTestResult:
    """Comparison of two survey figures with 95 % margins.

    Attributes:
        difference: ``value_b - value_a``.
        threshold: ``sqrt(margin_a**2 + margin_b**2)``, the 95 % margin of the difference.
        significant: ``|difference| > threshold``; False where not known.
        known: False where a value or margin is NaN: then nothing can be said.

    Example:
        >>> res = margin_test(37.2, 2.0, 31.0, 2.0)
        >>> bool(res.significant), bool(res.known)
        (True, True)
    """

    difference: Floats = attrs.field(eq=_ARRAY_EQ)
    threshold: Floats = attrs.field(eq=_ARRAY_EQ)
    significant: Bools = attrs.field(eq=_ARRAY_EQ)
    known: Bools = attrs.field(eq=_ARRAY_EQ)


# --------------------------------------------------------------------------
# Input checks
# --------------------------------------------------------------------------


def _shown(value: object, array: npt.NDArray[Any]) -> object:
    """The value for an error message: long input as an array, whose repr is abridged."""
    return array if array.size > _SHOWN_VALUES else value


def _as_floats(value: object, name: str, func: str) -> FloatArray:
    element = f"trend.{func}({name})"
    if hasattr(value, "magnitude") and hasattr(value, "units"):
        raise ValidationError(
            "must be plain numbers in one unit, e.g. quantity.m_as('percent')",
            element=element,
            value=value,
        )
    try:
        array = np.asarray(value)
    except (TypeError, ValueError) as exc:  # ragged nested sequences
        raise ValidationError("must be an array of numbers", element=element, value=value) from exc
    shown = _shown(value, array)
    if array.dtype.kind not in "biufO":
        raise ValidationError("must be numbers", element=element, value=shown)
    try:
        floats = array.astype(np.float64, copy=False)
    except (TypeError, ValueError) as exc:
        raise ValidationError("must be numbers", element=element, value=shown) from exc
    if np.isinf(floats).any():
        raise ValidationError(
            "must be finite (NaN marks a missing value)", element=element, value=shown
        )
    return floats


class _Series(NamedTuple):
    """Checked input in time-major layout: one row per time, one column per series."""

    t: FloatArray  # (n, N), may be a read-only broadcast view
    y: FloatArray  # (n, N)
    missing: npt.NDArray[np.bool_]  # (n, N), True where t or y is NaN
    shape: tuple[int, ...]  # the shape of a result, y.shape[:-1] after broadcasting


def _time_major(values: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """``(..., n)`` to ``(n, N)``; reductions over time then add whole rows.

    On short series that is several times faster than reducing the last axis.
    """
    n = values.shape[-1]
    rows = np.moveaxis(values, -1, 0).reshape(n, math.prod(values.shape[:-1]))
    # A row may repeat one value (t shared by all series, stride 0); else copy.
    if rows.ndim == 2 and rows.strides[1] not in (0, rows.itemsize):
        rows = np.ascontiguousarray(rows)
    return rows


class _Rows(NamedTuple):
    """Checked input as rows: one row of ``n`` values per series."""

    t: FloatArray  # (N, n), a read-only view where t is shared by all series
    y: FloatArray  # (N, n)
    t_missing: npt.NDArray[np.bool_]  # (N, n), True where t is NaN
    shape: tuple[int, ...]  # the shape of a result, y.shape[:-1] after broadcasting


def _rows(t: npt.ArrayLike, y: npt.ArrayLike, func: str) -> _Rows:
    """Check ``t`` and ``y``, and broadcast them to one shape, as rows ``(N, n)``."""
    t_arr = _as_floats(t, "t", func)
    y_arr = _values(y, func)
    try:
        shape = np.broadcast_shapes(t_arr.shape, y_arr.shape)
    except ValueError as exc:
        raise ValidationError(
            f"shape does not broadcast against y of shape {y_arr.shape}",
            element=f"trend.{func}(t)",
            value=t_arr.shape,
        ) from exc
    series, n = math.prod(shape[:-1]), shape[-1]
    flat = (series, n)
    return _Rows(
        np.broadcast_to(t_arr, shape).reshape(flat),
        np.broadcast_to(y_arr, shape).reshape(flat),
        # isnan on t before broadcasting: t is usually one row for all series.
        np.broadcast_to(np.isnan(t_arr), shape).reshape(flat),
        shape[:-1],
    )


def _series(t: FloatArray, y: FloatArray, t_missing: npt.NDArray[np.bool_]) -> _Series:
    """Rows ``(N, n)`` of one chunk in time-major layout."""
    y_tm = _time_major(y)
    missing = _time_major(t_missing) | np.isnan(y_tm)
    return _Series(_time_major(t), y_tm, missing, (y.shape[0],))


def _chunks(series: int, n: int) -> list[slice]:
    """Slices of about ``_CHUNK_VALUES`` values over ``series`` rows of ``n`` values."""
    step = max(1, _CHUNK_VALUES // max(n, 1))
    return [slice(start, start + step) for start in range(0, series, step)] or [slice(0, 0)]


def _chunked(
    core: Callable[..., tuple[npt.NDArray[Any], ...]],
    series: int,
    n: int,
    *arrays: npt.NDArray[Any],
) -> tuple[npt.NDArray[Any], ...]:
    """Apply ``core`` to the rows of ``arrays`` chunk by chunk, joining its results.

    ``core`` takes the rows of one chunk of each array and returns arrays of
    one value per row; every row is computed as it would be alone, so the
    results do not depend on the chunk size.
    """
    parts = _chunks(series, n)
    if len(parts) == 1:
        return core(*arrays)
    results: tuple[npt.NDArray[Any], ...] = ()
    for part in parts:
        found = core(*(a[part] for a in arrays))
        if not results:
            results = tuple(np.empty(series, dtype=f.dtype) for f in found)
        for out, value in zip(results, found, strict=True):
            out[part] = value
    return results


def _values(y: npt.ArrayLike, func: str) -> FloatArray:
    y_arr = _as_floats(y, "y", func)
    if y_arr.ndim == 0:
        raise ValidationError(
            "must have a time axis: shape (..., n)", element=f"trend.{func}(y)", value=y
        )
    return y_arr


def _alpha(alpha: object, func: str) -> float:
    if (
        isinstance(alpha, bool | np.bool_)
        or not isinstance(alpha, int | float | np.integer | np.floating)
        or not 0 < alpha < 1
    ):
        raise ValidationError(
            "must be a number between 0 and 1, exclusive",
            element=f"trend.{func}(alpha)",
            value=alpha,
        )
    return float(alpha)


def _out(array: npt.NDArray[Any], shape: tuple[int, ...] | None = None) -> Any:
    """Return a read-only array of ``shape``, or a numpy scalar for one series."""
    if shape is not None:
        array = array.reshape(shape)
    if array.ndim == 0:
        return array[()]
    array.flags.writeable = False
    return array


# --------------------------------------------------------------------------
# Distributions (scipy.special, imported on first use)
# --------------------------------------------------------------------------


def _special() -> Any:
    # scipy.special costs a tenth of a second to import; a programme that is
    # only loaded or checked never needs it.
    import scipy.special

    return scipy.special


def _normal_two_sided(z: FloatArray) -> FloatArray:
    """Two-sided p-value ``2 * P(Z > |z|)`` of the standard normal; NaN stays NaN."""
    return np.asarray(2.0 * _special().ndtr(-np.abs(z)), dtype=np.float64)


#: ``scipy.special.ndtri`` at the levels of the default ``alpha`` (a test checks
#: them against scipy): the tests and the slopes at those levels need no scipy.
#: sen_slope's default 0.95 gives ``(1 - 0.95) / 2``, a little above 0.025.
_QUANTILES: Final = {0.025: -1.9599639845400545, (1 - 0.95) / 2: -1.959963984540054}


def _normal_quantile(p: float) -> float:
    """The ``p`` quantile of the standard normal (``scipy.special.ndtri``)."""
    known = _QUANTILES.get(p)
    return float(_special().ndtri(p)) if known is None else known


def _t_two_sided(t: FloatArray, df: FloatArray) -> FloatArray:
    """Two-sided p-value ``2 * P(T > |t|)`` of Student's t with ``df`` d.f.

    As ``scipy.stats.linregress`` computes it; NaN where ``t`` is NaN or ``df < 1``.
    """
    usable = df >= 1
    with np.errstate(invalid="ignore"):
        p = 2.0 * _special().stdtr(np.where(usable, df, 1.0), -np.abs(t))
    return np.where(usable, p, np.nan)


# --------------------------------------------------------------------------
# Helpers on series
# --------------------------------------------------------------------------


def _take(values: FloatArray, index: npt.NDArray[np.intp]) -> FloatArray:
    """``values[..., index]`` with one index per row."""
    picked: FloatArray = np.take_along_axis(values, index[..., None], axis=-1)[..., 0]
    return picked


def _time_sum(values: FloatArray) -> FloatArray:
    """Sum over time, adding one time after the other.

    numpy's own reductions pick a summation order by memory layout, so one
    series alone and the same series in a batch would differ in the last
    bits; this order is the same for both, and as fast. Many short series
    loop over the few times; a few long ones accumulate in C, in the same order.
    """
    if values.shape[0] > max(1, math.prod(values.shape[1:])):
        summed: FloatArray = np.add.accumulate(values, axis=0)[-1]
        return summed + 0.0  # as the loop: 0.0 + (-0.0) is 0.0
    total = np.zeros(values.shape[1:])
    for row in values:
        total += row
    return total


def _first_valid(values: FloatArray, missing: npt.NDArray[np.bool_]) -> FloatArray:
    """The first value of each series (column) that is not missing; NaN if none is."""
    present = ~missing
    if values.shape[0] == 0:
        return np.full(values.shape[1:], np.nan)
    first = np.argmax(present, axis=0)
    picked = np.take_along_axis(values, first[None, ...], axis=0)[0]
    return np.where(present.any(axis=0), picked, np.nan)


def _sorted_median(ordered: FloatArray, count: npt.NDArray[np.int64]) -> FloatArray:
    """Median of the first ``count`` values of each (sorted, NaN-last) row."""
    if ordered.shape[-1] == 0:
        return np.full(count.shape, np.nan)
    low = np.maximum((count - 1) // 2, 0)
    high = np.maximum(count // 2, 0)
    median = 0.5 * (_take(ordered, low) + _take(ordered, high))
    return np.where(count > 0, median, np.nan)


def _tie_term(values: FloatArray) -> FloatArray:
    r"""``sum_g t_g (t_g - 1) (2 t_g + 5)`` over groups of tied values, per column.

    ``values`` is time-major with NaN at missing points. A value in a group
    of size ``t_g`` has ``t_g - 1`` equals and contributes
    ``(t_g - 1)(2 t_g + 5)``; counting each value's equals by shifting the
    series against itself needs no sort. NaN equals nothing, so gaps add 0.
    """
    n = values.shape[0]
    equals = np.zeros(values.shape)
    for lag in range(1, n):
        same = values[lag:] == values[:-lag]
        equals[lag:] += same
        equals[:-lag] += same
    total: FloatArray = np.einsum("ij->j", equals * (2 * equals + 7))
    return total


# --------------------------------------------------------------------------
# dask and xarray: the same functions block by block
# --------------------------------------------------------------------------

#: What an argument holds per series: ``"n"`` figures on the time axis, ``"k"``
#: milestones on an axis of their own, ``""`` one value per series.
Core: TypeAlias = str


def _scale_of(*values: object) -> str | None:
    """``"xarray"`` or ``"dask"`` where one of ``values`` is theirs, else None.

    Told by the type's module, so that neither is imported for numpy input.
    """
    modules = [type(value).__module__ for value in values]
    if any(module.startswith("xarray") for module in modules):
        return "xarray"
    if any(module.startswith("dask") for module in modules):
        return "dask"
    return None


def _fields(func: Callable[..., Any], **kwargs: Any) -> Callable[..., tuple[npt.NDArray[Any], ...]]:
    """``func`` on numpy blocks, its result's fields as a tuple of arrays."""

    def core(*blocks: npt.NDArray[Any]) -> tuple[npt.NDArray[Any], ...]:
        result = func(*blocks, **kwargs)
        return tuple(np.asarray(field) for field in attrs.astuple(result, recurse=False))

    return core


def _map_series(
    core: Callable[..., tuple[npt.NDArray[Any], ...]],
    y: Any,
    arrays: list[tuple[Any, Core]],
    dtypes: list[Any],
) -> tuple[Any, ...]:
    """Apply ``core`` to dask or xarray ``arrays`` block by block over the series.

    ``y`` (one of ``arrays``) has time on its last axis; every argument is
    broadcast against the series of ``y``, with the time axis (and the
    milestones' axis) in one chunk, so that a block holds whole series.
    ``core`` gets numpy blocks in the order of ``arrays`` and returns one
    array per ``dtypes``, shaped as the series of its block. An xarray input
    gives DataArrays with the dims and coords of ``y`` but its time; a dask
    input gives dask arrays, both lazy where the input is.
    """
    if _scale_of(*(value for value, _ in arrays)) == "xarray":
        return _map_xarray(core, y, arrays, dtypes)
    import dask.array

    da: Any = dask.array  # untyped
    figures = da.asarray(y).rechunk({-1: -1})
    rows = figures.chunks[:-1]
    blocks = []
    for value, axis in arrays:
        array = da.asarray(value)
        if axis == "n":
            shape, chunks = figures.shape, figures.chunks
        elif axis == "k":
            shape = (*figures.shape[:-1], array.shape[-1])
            chunks = (*rows, (array.shape[-1],))
        else:
            shape, chunks = figures.shape[:-1], rows
        # The array's own axes chunked as the result's, those it broadcasts along whole.
        own = chunks[len(chunks) - array.ndim :]
        array = array.rechunk(
            tuple(c if size == sum(c) else -1 for c, size in zip(own, array.shape, strict=True))
        )
        blocks.append(da.broadcast_to(array, shape, chunks=chunks))
    signature = ",".join(f"({axis})" for _, axis in arrays) + "->" + ",".join("()" for _ in dtypes)
    if 0 in figures.shape or any(0 in block.shape[-1:] for block in blocks):
        # No figures or no series: nothing to spread over blocks (and dask cannot).
        found = core(*(np.asarray(block) for block in blocks))
        return tuple(da.from_array(np.asarray(array)) for array in found)
    if len(dtypes) == 1:
        return (da.apply_gufunc(_first(core), signature, *blocks, output_dtypes=dtypes[0]),)
    return tuple(da.apply_gufunc(core, signature, *blocks, output_dtypes=dtypes))


def _first(core: Callable[..., tuple[npt.NDArray[Any], ...]]) -> Callable[..., npt.NDArray[Any]]:
    """``core`` of one result: the array itself, as dask and xarray expect it."""
    return lambda *blocks: core(*blocks)[0]


def _map_xarray(
    core: Callable[..., tuple[npt.NDArray[Any], ...]],
    y: Any,
    arrays: list[tuple[Any, Core]],
    dtypes: list[Any],
) -> tuple[Any, ...]:
    import xarray

    xr: Any = xarray
    labelled = y if _scale_of(y) == "xarray" else xr.DataArray(y)
    time = labelled.dims[-1]
    series_dims = labelled.dims[:-1]
    inputs = []
    for value, axis in arrays:
        if _scale_of(value) != "xarray":
            ndim = np.ndim(value)
            if axis == "n":
                dims = labelled.dims[labelled.ndim - ndim :]
            elif axis == "k":
                dims = (*series_dims[len(series_dims) - (ndim - 1) :], "milestone")
            else:
                dims = series_dims[len(series_dims) - ndim :]
            value = xr.DataArray(value, dims=dims)  # noqa: PLW2901
        if value.chunks is not None and labelled.sizes[time] == 0:
            value = value.compute()  # noqa: PLW2901  # no figures: nothing for dask to do
        elif value.chunks is not None and time in value.dims:
            value = value.chunk({time: -1})  # noqa: PLW2901
        inputs.append(value)
    core_dims = [
        [time] if axis == "n" else ["milestone"] if axis == "k" else [] for _, axis in arrays
    ]
    found = xr.apply_ufunc(
        core if len(dtypes) > 1 else _first(core),
        *inputs,
        input_core_dims=core_dims,
        output_core_dims=[[] for _ in dtypes],
        dask="parallelized",
        output_dtypes=dtypes,
    )
    return tuple(found) if len(dtypes) > 1 else (found,)


# --------------------------------------------------------------------------
# Public functions
# --------------------------------------------------------------------------

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _nan_arithmetic(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``func`` with numpy's floating-point warnings off.

    Gaps, short and constant series make 0/0 and arithmetic on NaN on
    purpose: masks decide what is reported, and the docstrings say what.
    Figures beyond the range of a double (1e308) overflow to inf or NaN.
    """

    @functools.wraps(func)
    def quiet(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with np.errstate(all="ignore"):
            return func(*args, **kwargs)

    return quiet


@_nan_arithmetic
def ols(t: npt.ArrayLike, y: npt.ArrayLike) -> OLSResult:
    r"""Least-squares line through the valid points of each series.

    Equals ``scipy.stats.linregress(t[valid], y[valid])`` per series. Fewer
    than two valid points, or all valid times equal, give NaN everywhere.
    With exactly two points, as linregress: ``pvalue`` is 0 (1 if the values
    are equal) and the standard errors are 0. A constant series has slope 0,
    ``rvalue`` NaN and, with three or more points, ``pvalue`` and ``stderr``
    NaN (linregress in exact arithmetic; in floating point it may give noise).

    Args:
        t: Times in years, shape ``(n,)`` or broadcasting against ``y``.
        y: Values, shape ``(..., n)``; NaN marks a missing value.

    Returns:
        Slope, intercept, r, p, standard errors and number of points, each of
        shape ``y.shape[:-1]``.

    Raises:
        ValidationError: ``t`` and ``y`` do not broadcast, are not numbers,
            or hold infinite values.

    Example:
        Geluidsoverlast reports in Almelo, 2016-2019:

        >>> res = ols([2016, 2017, 2018, 2019], [690, 698, 668, 624])
        >>> print(f"{res.slope:.1f} per year, p = {res.pvalue:.3f}")
        -22.8 per year, p = 0.113

        Two series at once, the second with a gap:

        >>> nan = float("nan")
        >>> res = ols([2013, 2017, 2019], [[37.2, 36.0, 31.0], [12.0, nan, 14.0]])
        >>> res.slope.round(4), res.n
        (array([-0.9286,  0.3333]), array([3, 2]))
    """
    if _scale_of(t, y) is not None:
        dtypes: list[Any] = [np.float64] * 6 + [np.int64]
        return OLSResult(*_map_series(_fields(ols), y, [(t, "n"), (y, "n")], dtypes))
    rows = _rows(t, y, "ols")
    fields = _chunked(_ols_rows, rows.y.shape[0], rows.y.shape[1], rows.t, rows.y, rows.t_missing)
    return OLSResult(*(_out(field, rows.shape) for field in fields))


def _ols_slope(t: FloatArray, y: FloatArray, t_missing: npt.NDArray[np.bool_]) -> FloatArray:
    """The slope of :func:`ols` on rows ``(N, n)``, without the p-value (and scipy)."""
    (slope,) = _chunked(
        functools.partial(_ols_rows, slope_only=True), y.shape[0], y.shape[1], t, y, t_missing
    )
    return slope


def _ols_rows(
    t: FloatArray, y: FloatArray, t_missing: npt.NDArray[np.bool_], *, slope_only: bool = False
) -> tuple[npt.NDArray[Any], ...]:
    """:func:`ols` on the rows of one chunk: its fields, or the slope alone."""
    ts, ys, missing, _ = _series(t, y, t_missing)
    weight = (~missing).astype(np.float64)
    count = weight.sum(axis=0)
    # The origin moves to the first valid point: a constant series then
    # has exactly zero spread, and years near 2016 lose no digits.
    t0, y0 = _first_valid(ts, missing), _first_valid(ys, missing)
    tc, yc = ts - t0, ys - y0
    np.putmask(tc, missing, 0.0)
    np.putmask(yc, missing, 0.0)
    t_mean = _time_sum(tc) / count
    y_mean = _time_sum(yc) / count
    dt = (tc - t_mean) * weight
    dy = (yc - y_mean) * weight
    stt = _time_sum(dt * dt)
    sty = _time_sum(dt * dy)
    syy = _time_sum(dy * dy)

    defined = (count >= 2) & (stt > 0)
    slope = np.where(defined, sty / stt, np.nan)
    if slope_only:
        return (slope,)
    t_bar = t0 + t_mean
    intercept = np.where(defined, (y0 + y_mean) - slope * t_bar, np.nan)
    r = np.where(defined & (syy > 0), sty / np.sqrt(stt * syy), np.nan)
    # Two distinct points lie on a line: exactly +-1, whatever the rounding.
    r = np.where(count == 2, np.sign(r), np.clip(r, -1.0, 1.0))

    df = (count - 2).astype(np.float64)
    many = defined & (count > 2)
    t_stat = np.where(many, r * np.sqrt(df / ((1.0 - r + _TINY) * (1.0 + r + _TINY))), np.nan)
    p_many = _t_two_sided(t_stat, df)
    stderr_many = np.sqrt((1.0 - r * r) * syy / stt / df)
    two = defined & (count == 2)
    pvalue = np.where(two, np.where(syy == 0, 1.0, 0.0), np.where(many, p_many, np.nan))
    stderr = np.where(two, 0.0, np.where(many, stderr_many, np.nan))
    intercept_stderr = stderr * np.sqrt(stt / count + t_bar * t_bar)
    intercept_stderr = np.where(two, 0.0, intercept_stderr)
    return slope, intercept, r, pvalue, stderr, intercept_stderr, count.astype(np.int64)


@_nan_arithmetic
def mann_kendall(y: npt.ArrayLike, alpha: float = 0.05) -> MannKendallResult:
    r"""Mann-Kendall test for a monotonic trend in each series.

    Equals ``pymannkendall.original_test(y, alpha)`` per series: missing
    values are dropped and the rest kept in order, so only the order of the
    figures matters, not the years between them. The p-value is computed as
    ``2 * sf(|z|)``, which keeps its precision far in the tail where
    ``2 * (1 - cdf(|z|))`` of pymannkendall rounds to 0 (they differ by less
    than 1e-15). Series with fewer than two valid points (where
    pymannkendall raises) give ``s = var_s = 0``, ``z``, ``p`` and ``tau`` NaN,
    and ``trend`` "no trend". A constant series gives ``z = 0`` and ``p = 1``.

    Args:
        y: Values, shape ``(..., n)``; NaN marks a missing value.
        alpha: Significance level of ``h`` and ``trend``, 0 < alpha < 1.

    Returns:
        Trend, significance, p, z, tau, S, Var(S) and number of points, each
        of shape ``y.shape[:-1]``.

    Raises:
        ValidationError: ``y`` is not numbers or holds infinite values, or
            ``alpha`` is not between 0 and 1.

    Example:
        >>> res = mann_kendall([690, 698, 668, 624])
        >>> print(res.trend, res.s, f"{res.p:.3f}")
        no trend -4.0 0.308
        >>> mann_kendall([[1, 2, 3, 4, 5, 6], [3, 3, 3, 3, 3, 3]]).trend
        array(['increasing', 'no trend'], dtype='<U10')
    """
    level = _alpha(alpha, "mann_kendall")
    if _scale_of(y) is not None:
        dtypes: list[Any] = ["<U10", np.bool_] + [np.float64] * 5 + [np.int64]
        core = _fields(mann_kendall, alpha=level)
        return MannKendallResult(*_map_series(core, y, [(y, "n")], dtypes))
    y_arr = _values(y, "mann_kendall")
    shape, n = y_arr.shape[:-1], y_arr.shape[-1]
    rows = y_arr.reshape(math.prod(shape), n)
    core = functools.partial(_mann_kendall_rows, level=level)
    fields = _chunked(core, rows.shape[0], n, rows)
    return MannKendallResult(*(_out(field, shape) for field in fields))


def _mann_kendall_trend(y: FloatArray, alpha: float = 0.05) -> npt.NDArray[np.str_]:
    """The trend of :func:`mann_kendall` on rows ``(N, n)``, without the p-value (and scipy)."""
    core = functools.partial(_mann_kendall_rows, level=alpha, trend_only=True)
    (trend,) = _chunked(core, y.shape[0], y.shape[1], y)
    return trend


def _mann_kendall_rows(
    y: FloatArray, *, level: float, trend_only: bool = False
) -> tuple[npt.NDArray[Any], ...]:
    """:func:`mann_kendall` on the rows of one chunk: its fields, or the trend alone."""
    n = y.shape[-1]
    ys = _time_major(y)
    count = n - np.isnan(ys).sum(axis=0)
    s = np.zeros(ys.shape[1])
    for lag in range(1, n):
        # NaN compares False both ways, so pairs with a gap add nothing.
        step = ys[lag:] - ys[:-lag]
        s += (step > 0).sum(axis=0)
        s -= (step < 0).sum(axis=0)
    k = count.astype(np.float64)
    var_s = (k * (k - 1) * (2 * k + 5) - _tie_term(ys)) / 18
    enough = count >= 2
    root = np.sqrt(var_s)
    z = np.where(s > 0, (s - 1) / root, np.where(s < 0, (s + 1) / root, 0.0))
    z = np.where(enough, z, np.nan)
    h = np.abs(z) > -_normal_quantile(level / 2)
    trend = np.where(h & (z < 0), "decreasing", np.where(h & (z > 0), "increasing", "no trend"))
    trend = trend.astype("<U10")
    if trend_only:
        return (trend,)
    tau = np.where(enough, s / (0.5 * k * (k - 1)), np.nan)
    p = _normal_two_sided(z)
    return trend, h, p, z, tau, s, var_s, count.astype(np.int64)


@_nan_arithmetic
def sen_slope(t: npt.ArrayLike, y: npt.ArrayLike, alpha: float = 0.95) -> SenSlopeResult:
    r"""Theil-Sen slope: the median of the slopes between all pairs of points.

    Equals ``scipy.stats.theilslopes(y[valid], t[valid], alpha)`` per series
    (method "separate"). Pairs at the same time are left out. The confidence
    interval takes the slopes of rank
    :math:`\lfloor (N \pm z_{\alpha/2}\sigma)/2 \rceil` among the ``N`` sorted
    pairwise slopes, with :math:`\sigma^2` the variance of Kendall's S
    corrected for ties in both ``t`` and ``y`` (Sen 1968, eq. 2.6). As in
    theilslopes, ``alpha`` is symmetric around 0.5: 0.95 and 0.05 both ask
    for the 95 % interval.

    Fewer than two valid points, or all valid times equal, give NaN; the
    interval is NaN where the tie-corrected variance is negative (heavily
    tied data, where theilslopes warns and gives NaN too).

    Args:
        t: Times in years, shape ``(n,)`` or broadcasting against ``y``.
        y: Values, shape ``(..., n)``; NaN marks a missing value.
        alpha: Confidence degree of the interval, 0 < alpha < 1.

    Returns:
        Slope, intercept, bounds of the slope and number of points, each of
        shape ``y.shape[:-1]``.

    Raises:
        ValidationError: ``t`` and ``y`` do not broadcast, are not numbers or
            hold infinite values, or ``alpha`` is not between 0 and 1.

    Example:
        >>> res = sen_slope([2016, 2017, 2018, 2019], [690, 698, 668, 624])
        >>> print(res.slope, res.low_slope, res.high_slope)
        -26.0 -44.0 8.0
        >>> print(f"{sen_slope([2013, 2017, 2019], [37.2, 36.0, 31.0]).slope:.4f}")
        -1.0333
    """
    level = _alpha(alpha, "sen_slope")
    if _scale_of(t, y) is not None:
        dtypes: list[Any] = [np.float64] * 4 + [np.int64]
        core = _fields(sen_slope, alpha=alpha)
        return SenSlopeResult(*_map_series(core, y, [(t, "n"), (y, "n")], dtypes))
    rows = _rows(t, y, "sen_slope")
    if level > 0.5:
        level = 1.0 - level
    core = functools.partial(_sen_rows, z=_normal_quantile(level / 2.0))
    fields = _chunked(core, rows.y.shape[0], rows.y.shape[1], rows.t, rows.y, rows.t_missing)
    return SenSlopeResult(*(_out(field, rows.shape) for field in fields))


def _sen_slope_only(t: FloatArray, y: FloatArray, t_missing: npt.NDArray[np.bool_]) -> FloatArray:
    """The slope of :func:`sen_slope` on rows ``(N, n)``, without its interval."""
    core = functools.partial(_sen_rows, z=None)
    (slope,) = _chunked(core, y.shape[0], y.shape[1], t, y, t_missing)
    return slope


def _sen_rows(
    t: FloatArray, y: FloatArray, t_missing: npt.NDArray[np.bool_], *, z: float | None
) -> tuple[npt.NDArray[Any], ...]:
    """:func:`sen_slope` on the rows of one chunk; the slope alone where ``z`` is None."""
    ts, ys, missing, _ = _series(t, y, t_missing)
    n, columns = ts.shape
    ts = np.where(missing, np.nan, ts)
    ys = np.where(missing, np.nan, ys)
    count = n - missing.sum(axis=0)
    k = count.astype(np.float64)
    if z is not None:
        sigma_sq = (1 / 18.0) * (k * (k - 1) * (2 * k + 5) - _tie_term(ts) - _tie_term(ys))

    first, second = np.triu_indices(n, 1)
    slope = np.full(columns, np.nan)
    low = np.full(columns, np.nan)
    high = np.full(columns, np.nan)
    block = max(1, _BLOCK_VALUES // max(first.size, 1))
    for start in range(0, columns if first.size else 0, block):
        part = slice(start, start + block)
        dt = ts[second, part] - ts[first, part]
        slopes = (ys[second, part] - ys[first, part]) / dt
        # Pairs at one time have no slope (theilslopes keeps only dt > 0;
        # the slope of a pair is the same whichever point comes first).
        np.putmask(slopes, dt == 0, np.nan)
        m = first.size - np.isnan(slopes).sum(axis=0)
        ordered = np.sort(slopes.T, axis=-1)
        slope[part] = _sorted_median(ordered, m)
        if z is None:
            continue
        sigma = np.sqrt(np.where(sigma_sq[part] >= 0, sigma_sq[part], np.nan))
        upper = np.minimum(np.rint((m - z * sigma) / 2.0), m - 1)
        lower = np.maximum(np.rint((m + z * sigma) / 2.0) - 1, 0)
        interval = (m > 0) & ~np.isnan(sigma)
        low[part] = np.where(
            interval, _take(ordered, np.where(interval, lower, 0).astype(np.intp)), np.nan
        )
        high[part] = np.where(
            interval, _take(ordered, np.where(interval, upper, 0).astype(np.intp)), np.nan
        )

    if z is None:
        return (slope,)
    # Sorting needs rows per series; NaN sorts last.
    t_median = _sorted_median(np.sort(ts.T, axis=-1), count)
    y_median = _sorted_median(np.sort(ys.T, axis=-1), count)
    intercept = y_median - slope * t_median
    return slope, intercept, low, high, count.astype(np.int64)


@_nan_arithmetic
def cagr(t: npt.ArrayLike, y: npt.ArrayLike) -> Floats:
    r"""Compound annual growth rate from the earliest to the latest valid value.

    :math:`(y_\text{last} / y_\text{first})^{1 / (t_\text{last} - t_\text{first})} - 1`,
    computed as ``expm1(log(y_last / y_first) / (t_last - t_first))`` for
    precision at small rates. "First" and "last" are the valid points at the
    earliest and latest time (for sorted ``t``: the first and last valid
    values). NaN where undefined: fewer than two valid points, equal first
    and last times, a first value <= 0 or a last value < 0. A last value of
    0 gives -1.

    Args:
        t: Times in years, shape ``(n,)`` or broadcasting against ``y``.
        y: Values, shape ``(..., n)``; NaN marks a missing value.

    Returns:
        The growth rate per year as a fraction, shape ``y.shape[:-1]``.

    Raises:
        ValidationError: ``t`` and ``y`` do not broadcast, are not numbers,
            or hold infinite values.

    Example:
        >>> print(f"{cagr([2016, 2017, 2018, 2019], [690, 698, 668, 624]):.4f}")
        -0.0330
        >>> cagr([2013, 2017, 2019], [[37.2, 36.0, 31.0], [0.0, 1.0, 2.0]]).round(4)
        array([-0.0299,     nan])
    """
    if _scale_of(t, y) is not None:
        (scaled,) = _map_series(
            lambda *blocks: (np.asarray(cagr(*blocks)),), y, [(t, "n"), (y, "n")], [np.float64]
        )
        return scaled  # type: ignore[no-any-return]
    rows = _rows(t, y, "cagr")
    (rate,) = _chunked(_cagr_rows, rows.y.shape[0], rows.y.shape[1], rows.t, rows.y, rows.t_missing)
    result: Floats = _out(rate, rows.shape)
    return result


def _cagr_two(t: FloatArray, y: FloatArray, t_missing: npt.NDArray[np.bool_]) -> FloatArray:
    """:func:`cagr` of rows of two points (the growth between two figures), as the loop gives it.

    The loop takes the earlier point first; where the times are equal the
    rate is NaN whichever it takes. A missing time or value fails every
    comparison below, so it needs no mask of its own.
    """
    t_first, t_last, y_first, y_last = t[:, 0], t[:, 1], y[:, 0], y[:, 1]
    swap = t_last < t_first
    if swap.any():
        t_first, t_last = np.where(swap, t_last, t_first), np.where(swap, t_first, t_last)
        y_first, y_last = np.where(swap, y_last, y_first), np.where(swap, y_first, y_last)
    defined = (t_last > t_first) & (y_first > 0) & (y_last >= 0)
    rate = np.expm1(np.log(y_last / y_first) / (t_last - t_first))
    return np.where(defined, rate, np.nan)


def _cagr_rows(t: FloatArray, y: FloatArray, t_missing: npt.NDArray[np.bool_]) -> tuple[FloatArray]:
    """:func:`cagr` on the rows of one chunk."""
    if y.shape[1] == 2:
        return (_cagr_two(t, y, t_missing),)
    ts, ys, missing, _ = _series(t, y, t_missing)
    n = ts.shape[0]
    count = n - missing.sum(axis=0)
    t_first, t_last = np.full(count.shape, np.inf), np.full(count.shape, -np.inf)
    y_first, y_last = np.full(count.shape, np.nan), np.full(count.shape, np.nan)
    for k in range(n):
        # Strict "<" keeps the first value at a repeated earliest time,
        # ">=" the last value at a repeated latest time.
        earlier = ~missing[k] & (ts[k] < t_first)
        later = ~missing[k] & (ts[k] >= t_last)
        np.copyto(t_first, ts[k], where=earlier)
        np.copyto(y_first, ys[k], where=earlier)
        np.copyto(t_last, ts[k], where=later)
        np.copyto(y_last, ys[k], where=later)
    defined = (count >= 2) & (t_last > t_first) & (y_first > 0) & (y_last >= 0)
    rate = np.expm1(np.log(y_last / y_first) / (t_last - t_first))
    return (np.where(defined, rate, np.nan),)


@_nan_arithmetic
def proportions_ztest(
    share_a: npt.ArrayLike,
    n_a: npt.ArrayLike,
    share_b: npt.ArrayLike,
    n_b: npt.ArrayLike,
) -> ProportionsZTestResult:
    r"""Pooled two-sided z-test for the difference of two proportions.

    Equals ``statsmodels.stats.proportion.proportions_ztest([share_a * n_a,
    share_b * n_b], [n_a, n_b])``:
    :math:`z = (p_a - p_b) / \sqrt{\hat p(1 - \hat p)(1/n_a + 1/n_b)}` with
    the pooled share :math:`\hat p = (p_a n_a + p_b n_b)/(n_a + n_b)`, and
    the two-sided normal p-value. Use it for survey shares with known sample
    sizes (a citizen panel held every two years). The arguments broadcast
    against each other. NaN in any argument gives NaN; equal shares of 0 or
    1 (no variance at all) give NaN.

    Args:
        share_a: Share in sample a, a fraction from 0 to 1 (not percent).
        n_a: Size of sample a, > 0.
        share_b: Share in sample b, a fraction from 0 to 1.
        n_b: Size of sample b, > 0.

    Returns:
        ``z`` (positive when share a is larger) and the two-sided ``pvalue``.

    Raises:
        ValidationError: An argument is not numbers, a share is outside
            0..1, a sample size is not positive, or the shapes do not broadcast.

    Example:
        Onveiligheidsgevoelens 37.2 % (2013) against 31.0 % (2019), with
        (assumed) 1,000 respondents each:

        >>> res = proportions_ztest(0.372, 1000, 0.310, 1000)
        >>> print(f"z = {res.z:.2f}, p = {res.pvalue:.4f}")
        z = 2.92, p = 0.0034
    """
    func = "proportions_ztest"
    shares = {"share_a": share_a, "share_b": share_b}
    sizes = {"n_a": n_a, "n_b": n_b}
    arrays: dict[str, FloatArray] = {}
    for name, value in shares.items():
        array = _as_floats(value, name, func)
        if ((array < 0) | (array > 1)).any():
            raise ValidationError(
                "must be a fraction from 0 to 1 (a share of 37 % is 0.37)",
                element=f"trend.{func}({name})",
                value=_shown(value, array),
            )
        arrays[name] = array
    for name, value in sizes.items():
        array = _as_floats(value, name, func)
        if (array <= 0).any():
            raise ValidationError(
                "must be a positive sample size",
                element=f"trend.{func}({name})",
                value=_shown(value, array),
            )
        arrays[name] = array
    try:
        pa, na, pb, nb = np.broadcast_arrays(
            arrays["share_a"], arrays["n_a"], arrays["share_b"], arrays["n_b"]
        )
    except ValueError as exc:
        raise ValidationError(
            "shapes do not broadcast together",
            element=f"trend.{func}(share_a, n_a, share_b, n_b)",
            value=tuple(arrays[name].shape for name in ("share_a", "n_a", "share_b", "n_b")),
        ) from exc
    count_a, count_b = pa * na, pb * nb
    diff = count_a / na - count_b / nb
    pooled = (count_a + count_b) / (na + nb)
    std = np.sqrt(pooled * (1.0 - pooled) * (1.0 / na + 1.0 / nb))
    z = diff / std
    pvalue = _normal_two_sided(z)
    return ProportionsZTestResult(z=_out(z), pvalue=_out(pvalue))


@_nan_arithmetic
def margin_test(
    value_a: npt.ArrayLike,
    margin_a: npt.ArrayLike,
    value_b: npt.ArrayLike,
    margin_b: npt.ArrayLike,
) -> MarginTestResult:
    r"""Is the change from figure a to figure b larger than its margin?

    Two survey figures with 95 % margins of error differ significantly when
    :math:`|b - a| > \sqrt{m_a^2 + m_b^2}`: for independent samples the
    margin of a difference is the root of the summed squared margins. This
    is the rule behind the "+" and "-" markers in the tables of the CBS
    Veiligheidsmonitor. Use it where a source publishes margins but not
    sample sizes; with sample sizes, :func:`proportions_ztest` is the test.
    A difference equal to the threshold is within the margin, also where
    the decimal figures are not exact in binary (within 1e-9 of the
    figures' size).

    A NaN value or margin (a figure not published, a margin unknown) gives
    ``known`` False and ``significant`` False: without a margin, no change
    can be called significant. The arguments broadcast against each other.

    Args:
        value_a: The earlier figure.
        margin_a: Its 95 % margin (half-width of the interval), >= 0.
        value_b: The later figure.
        margin_b: Its 95 % margin, >= 0.

    Returns:
        The difference ``b - a``, the threshold, whether it is significant,
        and whether it could be decided.

    Raises:
        ValidationError: An argument is not numbers, a margin is negative,
            or the shapes do not broadcast.

    Example:
        Onveiligheidsgevoelens 37.2 % (2013) and 31.0 % (2019), margins of
        about 2 percentage points:

        >>> res = margin_test(37.2, 2.1, 31.0, 1.9)
        >>> print(f"{res.difference:.1f} vs {res.threshold:.2f}: {res.significant}")
        -6.2 vs 2.83: True
        >>> margin_test(36.0, float("nan"), 31.0, 1.9).known
        np.False_
    """
    func = "margin_test"
    arguments = {"value_a": value_a, "margin_a": margin_a, "value_b": value_b, "margin_b": margin_b}
    arrays = {name: _as_floats(value, name, func) for name, value in arguments.items()}
    for name in ("margin_a", "margin_b"):
        if (arrays[name] < 0).any():
            raise ValidationError(
                "must not be negative",
                element=f"trend.{func}({name})",
                value=_shown(arguments[name], arrays[name]),
            )
    try:
        va, ma, vb, mb = np.broadcast_arrays(*arrays.values())
    except ValueError as exc:
        raise ValidationError(
            "shapes do not broadcast together",
            element=f"trend.{func}(value_a, margin_a, value_b, margin_b)",
            value=tuple(a.shape for a in arrays.values()),
        ) from exc
    difference = vb - va
    threshold = np.hypot(ma, mb)
    known = ~(np.isnan(difference) | np.isnan(threshold))
    # Survey figures are decimals: 32.2 - 30.2 against a margin of 2.0 is a
    # difference "within the margin", even where binary floating point makes
    # it 2.0000000000000036. Differences this close count as equal.
    slack = _MARGIN_SLACK * (np.abs(va) + np.abs(vb) + threshold)
    significant = known & (np.abs(difference) > threshold + slack)
    return MarginTestResult(
        difference=_out(difference),
        threshold=_out(threshold),
        significant=_out(significant),
        known=_out(known),
    )
