"""Rank and percentile of each municipality within a group, per indicator, vectorised.

A *panel* holds the figures of many regions: an array with the regions on
its first axis, the indicators on the second and anything else after them
(periods, say), ``values[region, indicator, ...]``. :func:`rank` ranks the
regions of a group on every indicator at once, in one pass of numpy sorts
over the whole panel (no Python loop over regions or indicators):

* **rank 1 is the best** figure of the group, by the indicator's direction:
  the highest where it improves by increasing, the lowest where it improves
  by decreasing;
* **a missing figure** (NaN) has no rank (NaN) and does not count: a group of
  30 municipalities of which two have no figure ranks 28;
* **ties** follow a rule of ``scipy.stats.rankdata``: ``"min"`` (the
  default, as league tables rank: two municipalities sharing second place
  are both 2nd, the next is 4th), ``"max"``, ``"average"``, ``"dense"`` or
  ``"ordinal"`` (ties in the order of the panel);
* **the percentile** is ``100 * (count + 1 - rank) / count``, with ``count``
  the figures of the group: the share of the group that does as well or
  worse. The best is 100, and it lies in (0, 100]. With ``ties="min"`` it is
  ``scipy.stats.percentileofscore`` of kind ``"weak"``, with
  ``"average"`` of kind ``"rank"``, on the figures turned so that higher is
  better.

The group is the whole panel, a set of regions (``group=["GM0141", ...]``
or a mask), or one group per region (``by=``: the size class of each
municipality), each region ranked within its own. The result is a
:class:`Ranking`; :func:`rank_table` turns it into tidy rows and
:func:`rank_frame` into a pandas DataFrame. An xarray ``DataArray`` keeps
its dims and coords: the rank and percentile are DataArrays too.

:func:`cbs_panel` builds a panel from a CBS StatLine export that holds all
municipalities (as :func:`progmon.io.read_cbs` reads one of them).

Example:
    >>> import numpy as np
    >>> from progmon import ranking
    >>> crimes = np.array([[48.0, 5.2], [61.0, 4.1], [np.nan, 6.0], [48.0, 3.9]])
    >>> r = ranking.rank(crimes, direction=["decrease", "increase"],
    ...                  regions=["Almelo", "Hengelo", "Enschede", "Oldenzaal"])
    >>> r.rank.tolist()
    [[1.0, 2.0], [3.0, 3.0], [nan, 1.0], [1.0, 4.0]]
    >>> r.percentile[:, 0].round(1).tolist()
    [100.0, 33.3, nan, 100.0]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

import attrs
import numpy as np
import numpy.typing as npt

from ._targets import Direction
from .errors import AmbiguityError, FileFormatError, ProgmonError, ValidationError
from .tables import Cell, Row, TablesExtraMissing
from .trend import _scale_of

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "RANK_COLUMNS",
    "TIES",
    "Panel",
    "Ranking",
    "cbs_panel",
    "rank",
    "rank_frame",
    "rank_table",
]

Ties: TypeAlias = Literal["min", "max", "average", "dense", "ordinal"]
TIES: Final = ("min", "max", "average", "dense", "ordinal")
"""The tie rules of :func:`rank`, as ``scipy.stats.rankdata`` names them."""

FloatArray: TypeAlias = npt.NDArray[np.float64]


def _readonly(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
    array.flags.writeable = False
    return array


def _float_array(values: npt.ArrayLike) -> FloatArray:
    return _readonly(np.array(values, dtype=np.float64))


# --------------------------------------------------------------------------- results


@attrs.frozen(eq=False)
class Ranking:
    """The ranks of a panel's regions within their group, per indicator.

    Every array has the shape of the panel's regions that are ranked (the
    group's, in the panel's order) times the rest of the panel
    (``[region, indicator, ...]``); for an xarray input they are DataArrays
    with its dims and coords.

    Attributes:
        rank: 1 for the best figure of the group; NaN for a missing figure
            (and a float, as ``"average"`` ties give halves).
        percentile: ``100 * (count + 1 - rank) / count``, in (0, 100]; NaN
            where the rank is.
        count: The number of figures of the region's group for that
            indicator (the figures ranked): an int array.
        values: The figures ranked.
        regions: The labels of the ranked regions, or None when the panel
            had none.
        indicators: The labels of the indicators (the second axis), or None.
        groups: Each ranked region's group (``by=``), or None for one group.
        directions: The direction of each indicator.
        ties: The tie rule.
        axes: The panel's further axes (after regions and indicators), each
            as its name and labels: ``("period", ("2018", "2019"))`` for a
            :class:`Panel`, the dims and coords of a DataArray,
            ``("axis_2", None)`` for an array without labels.

    Example:
        >>> r = rank([[3.0], [1.0], [2.0]], direction="increase", regions=["a", "b", "c"])
        >>> r.rank[:, 0].tolist(), r.count[:, 0].tolist(), r.regions
        ([1.0, 3.0, 2.0], [3, 3, 3], ('a', 'b', 'c'))
    """

    rank: Any
    percentile: Any
    count: Any
    values: Any
    regions: tuple[Any, ...] | None
    indicators: tuple[Any, ...] | None
    groups: tuple[Any, ...] | None
    directions: tuple[Direction, ...]
    ties: Ties
    axes: tuple[tuple[str, tuple[Any, ...] | None], ...] = ()


@attrs.frozen(eq=False)
class Panel:
    """The figures of many regions: ``values[region, indicator, period]`` with their labels.

    What :func:`cbs_panel` reads; :func:`rank` takes it as it is.

    Attributes:
        values: A float array, NaN for a missing figure, read-only.
        regions: The region codes (``"GM0141"``), in the order of the file.
        indicators: The indicator ids, in the order of the mapping.
        periods: The periods as files write them (``"2019"``), sorted.
        notes: Why a figure is missing (CBS's ``"."`` or ``"x"``), by
            ``(region, indicator, period)``.

    Example:
        >>> p = Panel(np.zeros((2, 1, 1)), ("GM0141", "GM0153"), ("x",), ("2019",))
        >>> p.values.shape, p.regions
        ((2, 1, 1), ('GM0141', 'GM0153'))
    """

    values: FloatArray = attrs.field(converter=_float_array)
    regions: tuple[str, ...]
    indicators: tuple[str, ...]
    periods: tuple[str, ...]
    notes: Mapping[tuple[str, str, str], str] = attrs.field(factory=dict)

    def to_xarray(self) -> Any:
        """The panel as an xarray DataArray with dims ``region``, ``indicator``, ``period``.

        Needs xarray (the ``scale`` extra).

        Example:
            >>> p = Panel(np.ones((2, 1, 1)), ("GM0141", "GM0153"), ("x",), ("2019",))
            >>> p.to_xarray().sel(region="GM0153", indicator="x", period="2019").item()
            1.0
        """
        import xarray

        xr: Any = xarray
        return xr.DataArray(
            self.values.copy(),
            dims=("region", "indicator", "period"),
            coords={
                "region": list(self.regions),
                "indicator": list(self.indicators),
                "period": list(self.periods),
            },
        )


# --------------------------------------------------------------------------- checks


def _labels(value: object, length: int, *, element: str) -> tuple[Any, ...] | None:
    if value is None:
        return None
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ValidationError("must be a sequence of labels", element=element, value=value)
    labels = tuple(value)
    if len(labels) != length:
        raise ValidationError(
            f"must have one label per entry of the panel's axis ({length})",
            element=element,
            value=len(labels),
        )
    seen: set[Any] = set()
    for label in labels:
        try:
            if label in seen:
                raise ValidationError("names a label twice", element=element, value=label)
            seen.add(label)
        except TypeError:
            raise ValidationError(
                "a label must be hashable (a text or a number)", element=element, value=label
            ) from None
    return labels


def _direction(value: object, *, element: str) -> Direction:
    if isinstance(value, Direction):
        return value
    if isinstance(value, str):
        try:
            return Direction(value.strip().lower())
        except ValueError:
            pass
    raise ValidationError(
        "must be a direction: 'increase' (higher is better) or 'decrease' (lower is better)",
        element=element,
        value=value,
    )


def _directions(
    direction: object, count: int | None, indicators: tuple[Any, ...] | None
) -> tuple[Direction, ...]:
    """One direction per indicator (``count`` of them; None: the panel has one axis)."""
    wanted = 1 if count is None else count
    if isinstance(direction, Direction | str):
        return (_direction(direction, element="direction"),) * wanted
    if isinstance(direction, Mapping):
        if indicators is None:
            raise ValidationError(
                "a mapping of directions needs labelled indicators (indicators=, or an "
                "xarray coordinate); give a sequence instead",
                element="direction",
                value=sorted(map(str, direction)),
            )
        unknown = [key for key in direction if key not in indicators]
        if unknown:
            raise ValidationError(
                "names an indicator that is not in the panel", element="direction", value=unknown[0]
            )
        missing = [label for label in indicators if label not in direction]
        if missing:
            raise ValidationError(
                "gives no direction for an indicator of the panel",
                element="direction",
                value=missing[0],
            )
        return tuple(
            _direction(direction[label], element=f"direction of {label!r}") for label in indicators
        )
    if isinstance(direction, bytes) or not isinstance(direction, Iterable):
        raise ValidationError(
            "must be a direction, a sequence of one per indicator, or a mapping of "
            "indicator to direction",
            element="direction",
            value=direction,
        )
    given = [item.item() if isinstance(item, np.generic) else item for item in direction]
    if count is None or len(given) != count:
        raise ValidationError(
            f"must give one direction per indicator (the panel's second axis has "
            f"{'none' if count is None else count})",
            element="direction",
            value=len(given),
        )
    return tuple(_direction(item, element=f"direction[{i}]") for i, item in enumerate(given))


def _values(values: object) -> FloatArray:
    try:
        array = np.asarray(values)
    except (TypeError, ValueError) as e:  # a ragged nest of lists
        raise ValidationError(
            f"must be an array of figures: {e}", element="ranking values", value=type(values)
        ) from None
    if array.dtype == object or array.dtype.kind not in "biuf":
        raise ValidationError(
            "must hold numbers (NaN for a missing figure)",
            element="ranking values",
            value=str(array.dtype),
        )
    if array.ndim == 0:
        raise ValidationError(
            "must have the regions on its first axis, not be a single number",
            element="ranking values",
            value=array.item(),
        )
    result = array.astype(np.float64)
    if np.isinf(result).any():
        raise ValidationError(
            "holds an infinite figure: a missing figure is NaN",
            element=f"ranking values {np.argwhere(np.isinf(result))[0].tolist()}",
            value=float(result[np.isinf(result)][0]),
        )
    return result


def _group_ids(
    group: object, by: object, regions: tuple[Any, ...] | None, count: int
) -> tuple[npt.NDArray[np.intp], tuple[Any, ...] | None]:
    """The group of each region (-1: not ranked), and the label of each group (by=)."""
    if group is not None and by is not None:
        raise ValidationError(
            "give either group= (one group) or by= (a group per region), not both",
            element="rank",
            value="group and by",
        )
    if by is not None:
        return _by_ids(by, count)
    if group is None:
        return np.zeros(count, dtype=np.intp), None
    return _member_ids(group, regions, count), None


def _by_ids(by: object, count: int) -> tuple[npt.NDArray[np.intp], tuple[Any, ...]]:
    if isinstance(by, str | bytes) or not isinstance(by, Iterable):
        raise ValidationError(
            "must be a sequence of one group label per region (None: not ranked)",
            element="by",
            value=by,
        )
    labels = list(by)
    if len(labels) != count:
        raise ValidationError(
            f"must give one group per region ({count})", element="by", value=len(labels)
        )
    names: dict[Any, int] = {}
    ids = np.empty(count, dtype=np.intp)
    for index, label in enumerate(labels):
        try:
            ids[index] = -1 if label is None else names.setdefault(label, len(names))
        except TypeError:
            raise ValidationError(
                "a group label must be hashable (a text or a number)",
                element=f"by[{index}]",
                value=label,
            ) from None
    return ids, tuple(names)


def _member_ids(group: object, regions: tuple[Any, ...] | None, count: int) -> npt.NDArray[np.intp]:
    if isinstance(group, str | bytes) or not isinstance(group, Iterable):
        raise ValidationError(
            "must be a sequence of region labels, or a mask of one bool per region",
            element="group",
            value=group,
        )
    members = list(group)
    if members and all(isinstance(m, bool | np.bool_) for m in members):
        if len(members) != count:
            raise ValidationError(
                f"a mask must have one bool per region ({count})",
                element="group",
                value=len(members),
            )
        return np.where(np.asarray(members, dtype=bool), 0, -1).astype(np.intp)
    if regions is None:
        raise ValidationError(
            "names regions, but the panel has no region labels (regions=, or a coordinate)",
            element="group",
            value=members[:5],
        )
    position = {label: index for index, label in enumerate(regions)}
    ids = np.full(count, -1, dtype=np.intp)
    for member in members:
        try:
            ids[position[member]] = 0
        except (KeyError, TypeError):
            raise ValidationError(
                "names a region that is not in the panel", element="group", value=member
            ) from None
    return ids


# --------------------------------------------------------------------------- the ranks


def _ranks(
    badness: FloatArray, ids: npt.NDArray[np.intp], ties: Ties
) -> tuple[FloatArray, npt.NDArray[np.intp]]:
    """Rank along axis 0 within groups ``ids`` (lower badness is better); the group sizes.

    Sorted once by group, then by badness (two stable sorts: lexsort along an
    axis of an n-d array), NaN and the regions of no group last. In sorted
    order, a group starts where the group id changes, a run of ties where the
    id or the value changes; the ranks are positions relative to those
    starts, found with running maxima and minima along the axis.
    """
    n = badness.shape[0]
    shape = badness.shape
    missing = np.isnan(badness)
    group = np.broadcast_to(ids.reshape((n,) + (1,) * (badness.ndim - 1)), shape).copy()
    group[missing | (group < 0)] = np.iinfo(np.intp).max  # last, in a "group" of their own
    order = np.argsort(badness, axis=0, kind="stable")
    by_group = np.argsort(np.take_along_axis(group, order, axis=0), axis=0, kind="stable")
    order = np.take_along_axis(order, by_group, axis=0)
    g = np.take_along_axis(group, order, axis=0)
    b = np.take_along_axis(badness, order, axis=0)
    position = np.arange(n, dtype=np.intp).reshape((n,) + (1,) * (badness.ndim - 1))
    position = np.broadcast_to(position, shape)
    new_group = np.ones(shape, dtype=bool)
    new_group[1:] = g[1:] != g[:-1]
    new_run = new_group.copy()
    # NaN != NaN: a missing figure starts a run of its own, and gets no rank anyway.
    new_run[1:] |= b[1:] != b[:-1]
    end_group = np.ones(shape, dtype=bool)
    end_group[:-1] = new_group[1:]
    end_run = np.ones(shape, dtype=bool)
    end_run[:-1] = new_run[1:]
    group_start = np.maximum.accumulate(np.where(new_group, position, 0), axis=0)
    group_end = np.flip(
        np.minimum.accumulate(np.flip(np.where(end_group, position, n), axis=0), axis=0), axis=0
    )
    if ties in {"min", "average"}:
        run_start = np.maximum.accumulate(np.where(new_run, position, 0), axis=0)
    if ties in {"max", "average"}:
        run_end = np.flip(
            np.minimum.accumulate(np.flip(np.where(end_run, position, n), axis=0), axis=0), axis=0
        )
    if ties == "min":
        ranked = (run_start - group_start + 1).astype(np.float64)
    elif ties == "max":
        ranked = (run_end - group_start + 1).astype(np.float64)
    elif ties == "average":
        ranked = (run_start + run_end) / 2 - group_start + 1
    elif ties == "dense":
        runs = np.cumsum(new_run, axis=0)
        ranked = (runs - np.take_along_axis(runs, group_start, axis=0) + 1).astype(np.float64)
    else:
        ranked = (position - group_start + 1).astype(np.float64)
    size = group_end - group_start + 1
    result = np.empty(shape, dtype=np.float64)
    np.put_along_axis(result, order, ranked, axis=0)
    sizes = np.empty(shape, dtype=np.intp)
    np.put_along_axis(sizes, order, size, axis=0)
    result[missing] = np.nan
    # A missing figure's count is its group's: the figures of that group on that indicator.
    if missing.any():
        sizes = _group_sizes(~missing, ids, shape)
    return result, sizes


def _group_sizes(
    present: npt.NDArray[np.bool_], ids: npt.NDArray[np.intp], shape: tuple[int, ...]
) -> npt.NDArray[np.intp]:
    """The number of figures of each region's group, per cell: a sum per group, then spread."""
    groups = int(ids.max()) + 1 if ids.size and ids.max() >= 0 else 0
    onehot = ids[:, None] == np.arange(groups)[None, :]  # regions x groups
    totals = np.einsum("rg,r...->g...", onehot.astype(np.intp), present.astype(np.intp))
    sizes = np.zeros(shape, dtype=np.intp)
    member = ids >= 0
    sizes[member] = totals[ids[member]]
    return sizes


def rank(
    values: Any,
    *,
    direction: Direction | str | Sequence[Direction | str] | Mapping[Any, Direction | str],
    regions: Sequence[Any] | None = None,
    indicators: Sequence[Any] | None = None,
    group: Iterable[Any] | None = None,
    by: Sequence[Any] | None = None,
    ties: Ties = "min",
    dim: str | None = None,
) -> Ranking:
    """The rank and percentile of each region within its group, per indicator (and period).

    Args:
        values: The panel: regions on the first axis, indicators on the
            second, anything after (``values[region, indicator, ...]``); NaN
            for a missing figure. A :class:`Panel`, or an xarray DataArray
            whose region dimension is ``dim`` (by default its first) and
            whose indicators are its next dimension.
        direction: How each indicator improves: ``"increase"`` (higher is
            better) or ``"decrease"``, or a :class:`~progmon.Direction`; one
            for all, a sequence of one per indicator, or a mapping of
            indicator label to direction.
        regions: The label of each region (an xarray or a :class:`Panel`
            brings its own).
        indicators: The label of each indicator.
        group: The regions to rank among (labels, or a mask of one bool per
            region); by default all of them.
        by: Instead of ``group``: the group of each region (None: not
            ranked), each region ranked within its own.
        ties: The rule for equal figures: ``"min"`` (the default: a shared
            place, as league tables write it), ``"max"``, ``"average"``,
            ``"dense"`` or ``"ordinal"``, as ``scipy.stats.rankdata``.
        dim: The region dimension of a DataArray.

    Raises:
        ValidationError: the panel is no array of numbers or holds an
            infinite figure, the labels or directions do not fit its axes, a
            direction is not one, ``group`` names a region not in the panel,
            or ``ties`` is not a rule.

    Example:
        >>> r = rank([[5.0], [3.0], [3.0], [float("nan")]], direction="decrease",
        ...          regions=["a", "b", "c", "d"], group=["a", "b", "d"])
        >>> r.regions, r.rank[:, 0].tolist(), r.count[:, 0].tolist()
        (('a', 'b', 'd'), [2.0, 1.0, nan], [2, 2, 2])
        >>> rank([[5.0], [3.0], [3.0]], direction="decrease", ties="average").rank[:, 0].tolist()
        [3.0, 1.5, 1.5]
    """
    if ties not in TIES:
        raise ValidationError(
            f"must be a tie rule: {', '.join(map(repr, TIES))}", element="ties", value=ties
        )
    axes: tuple[tuple[str, tuple[Any, ...] | None], ...] | None = None
    if isinstance(values, Panel):
        regions = values.regions if regions is None else regions
        indicators = values.indicators if indicators is None else indicators
        axes = (("period", values.periods),)
        values = values.values  # noqa: PD011  # a Panel's, not pandas'
    if _scale_of(values) == "xarray":
        return _rank_xarray(
            values, direction=direction, group=group, by=by, ties=ties, dim=dim,
            regions=regions, indicators=indicators,
        )  # fmt: skip
    if dim is not None:
        raise ValidationError(
            "dim names the region dimension of an xarray DataArray; a numpy panel has its "
            "regions on the first axis",
            element="dim",
            value=dim,
        )
    array = _values(values)
    return _rank_array(
        array, direction=direction, regions=regions, indicators=indicators,
        group=group, by=by, ties=ties, axes=axes,
    )  # fmt: skip


def _rank_array(
    array: FloatArray,
    *,
    direction: Any,
    regions: Sequence[Any] | None,
    indicators: Sequence[Any] | None,
    group: Iterable[Any] | None,
    by: Sequence[Any] | None,
    ties: Ties,
    axes: tuple[tuple[str, tuple[Any, ...] | None], ...] | None = None,
) -> Ranking:
    count = array.shape[0]
    region_labels = _labels(regions, count, element="regions")
    if array.ndim < 2 and indicators is not None:
        raise ValidationError(
            "the panel has no indicator axis (its second)", element="indicators", value=indicators
        )
    indicator_labels = (
        _labels(indicators, array.shape[1], element="indicators") if array.ndim >= 2 else None
    )
    directions = _directions(
        direction, array.shape[1] if array.ndim >= 2 else None, indicator_labels
    )
    ids, group_labels = _group_ids(group, by, region_labels, count)
    signs = np.array([d.sign for d in directions], dtype=np.float64)
    if array.ndim >= 2:
        signs = signs.reshape((1, -1) + (1,) * (array.ndim - 2))
    else:
        signs = signs.reshape(())
    badness = -signs * array
    ranked, sizes = _ranks(badness, ids, ties)
    percentile = 100.0 * (sizes + 1 - ranked) / np.maximum(sizes, 1)
    kept = ids >= 0
    return Ranking(
        rank=_readonly(ranked[kept]),
        percentile=_readonly(percentile[kept]),
        count=_readonly(sizes[kept]),
        values=_readonly(array[kept]),
        regions=None if region_labels is None else tuple(np.asarray(region_labels, object)[kept]),
        indicators=indicator_labels,
        groups=None if group_labels is None else tuple(group_labels[i] for i in ids[kept]),
        directions=directions,
        ties=ties,
        axes=(
            tuple((f"axis_{axis}", None) for axis in range(2, array.ndim)) if axes is None else axes
        ),
    )


def _rank_xarray(
    values: Any,
    *,
    direction: Any,
    group: Iterable[Any] | None,
    by: Sequence[Any] | None,
    ties: Ties,
    dim: str | None,
    regions: Sequence[Any] | None,
    indicators: Sequence[Any] | None,
) -> Ranking:
    import xarray

    xr: Any = xarray
    if regions is not None or indicators is not None:
        raise ValidationError(
            "a DataArray brings its labels: leave regions= and indicators= out",
            element="rank",
            value="regions" if regions is not None else "indicators",
        )
    if not isinstance(values, xr.DataArray):
        raise ValidationError(
            "must be a DataArray (take one variable of a Dataset)",
            element="ranking values",
            value=type(values).__name__,
        )
    dims = tuple(values.dims)
    if not dims:
        raise ValidationError(
            "must have a region dimension", element="ranking values", value=values.item()
        )
    region_dim = dims[0] if dim is None else dim
    if region_dim not in dims:
        raise ValidationError(
            f"is not a dimension of the DataArray (its dims: {', '.join(map(str, dims))})",
            element="dim",
            value=dim,
        )
    ordered = values.transpose(region_dim, *(d for d in dims if d != region_dim))
    array = _values(ordered.to_numpy())

    def coordinate(name: Any) -> tuple[Any, ...] | None:
        if name not in ordered.coords:
            return None
        return tuple(item.item() if isinstance(item, np.generic) else item
                     for item in ordered.coords[name].to_numpy())  # fmt: skip

    result = _rank_array(
        array,
        direction=direction,
        regions=coordinate(region_dim),
        indicators=coordinate(ordered.dims[1]) if ordered.ndim >= 2 else None,
        group=group,
        by=by,
        ties=ties,
        axes=tuple((str(d), coordinate(d)) for d in ordered.dims[2:]),
    )
    ids, _ = _group_ids(group, by, coordinate(region_dim), array.shape[0])
    kept = ordered.isel({region_dim: np.flatnonzero(ids >= 0)})

    def labelled(data: Any, name: str) -> Any:
        return xr.DataArray(np.array(data), dims=kept.dims, coords=kept.coords, name=name)

    return attrs.evolve(
        result,
        rank=labelled(result.rank, "rank"),
        percentile=labelled(result.percentile, "percentile"),
        count=labelled(result.count, "count"),
        values=kept,
    )


# --------------------------------------------------------------------------- tables

RANK_COLUMNS: Final = (
    "region",
    "group",
    "indicator",
    "direction",
    "value",
    "rank",
    "count",
    "percentile",
    "ties",
)
"""The columns of :func:`rank_table`.

``region`` and ``indicator`` are the labels (None where the panel has
none; then ``region_index`` and ``indicator_index`` say which), ``group`` the
region's group of ``by=`` (None for one group), ``direction`` ``increase`` or
``decrease``, ``value`` the figure (None: missing), ``rank`` and
``percentile`` floats (None for a missing figure), ``count`` the figures of
the group, ``ties`` the tie rule. A panel with more axes than regions and
indicators has a column more per axis, after ``indicator``: its dimension's
name for a DataArray (``period``), ``axis_2``, ... for an array.
"""


def _cell(value: Any) -> Cell:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and np.isnan(value):
        return None
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def rank_table(ranking: Ranking) -> list[Row]:
    """One tidy row per region, indicator (and further axis) of a ranking: :data:`RANK_COLUMNS`.

    The cells follow :mod:`progmon.tables`: write them with
    :func:`progmon.tables.write_csv`.

    Raises:
        ValidationError: ``ranking`` is not a :class:`Ranking`.

    Example:
        >>> r = rank([[48.0, 5.2], [61.0, 4.1]], direction=["decrease", "increase"],
        ...          regions=["Almelo", "Hengelo"], indicators=["crime", "mark"])
        >>> [(row["region"], row["indicator"], row["rank"]) for row in rank_table(r)]
        [('Almelo', 'crime', 1.0), ('Almelo', 'mark', 1.0), ('Hengelo', 'crime', 2.0), ('Hengelo', 'mark', 2.0)]
    """  # noqa: E501  # a doctest line cannot be wrapped
    if not isinstance(ranking, Ranking):
        raise ValidationError("must be a Ranking", element="rank_table", value=type(ranking))
    ranks = np.asarray(ranking.rank)
    extra = ranking.axes
    rows: list[Row] = []
    percentile, count = np.asarray(ranking.percentile), np.asarray(ranking.count)
    values = np.asarray(ranking.values)
    for index in np.ndindex(ranks.shape):
        region = index[0]
        indicator = index[1] if ranks.ndim >= 2 else 0
        row: Row = {
            "region": _cell(ranking.regions[region]) if ranking.regions else None,
            "group": _cell(ranking.groups[region]) if ranking.groups else None,
            "indicator": _cell(ranking.indicators[indicator]) if ranking.indicators else None,
        }
        if not ranking.regions:
            row["region_index"] = region
        if not ranking.indicators and ranks.ndim >= 2:
            row["indicator_index"] = indicator
        for (name, labels), position in zip(extra, index[2:], strict=True):
            row[name] = _cell(labels[position]) if labels is not None else position
        row |= {
            "direction": ranking.directions[indicator].value,
            "value": _cell(values[index]),
            "rank": _cell(ranks[index]),
            "count": int(count[index]),
            "percentile": _cell(percentile[index]),
            "ties": ranking.ties,
        }
        rows.append(row)
    return rows


def rank_frame(ranking: Ranking) -> pd.DataFrame:
    """:func:`rank_table` as a pandas DataFrame, with the dtypes of :func:`progmon.to_frame`.

    ``value``, ``rank`` and ``percentile`` are ``float64`` (NaN: missing),
    ``count`` is ``Int64``, ``direction`` a category (``increase``,
    ``decrease``), every other text pandas' ``string``. Needs pandas, the
    ``tables`` extra.

    Raises:
        TablesExtraMissing: pandas is not installed.

    Example:
        >>> r = rank([[48.0], [61.0], [float("nan")]], direction="decrease",
        ...          regions=["Almelo", "Hengelo", "Enschede"])
        >>> frame = rank_frame(r)
        >>> frame[["region", "rank"]].to_numpy().tolist()
        [['Almelo', 1.0], ['Hengelo', 2.0], ['Enschede', nan]]
        >>> [str(frame[c].dtype) for c in ("rank", "count", "direction")]
        ['float64', 'Int64', 'category']
    """
    try:
        import pandas as pd
    except ImportError as e:
        raise TablesExtraMissing(
            'DataFrames need pandas, the tables extra: pip install "progmon-nl[tables]"',
            element="rank_frame",
        ) from e
    rows = rank_table(ranking)
    columns = list(rows[0]) if rows else list(RANK_COLUMNS)
    frame = pd.DataFrame.from_records(rows, columns=columns)
    for column in columns:
        if column in {"value", "rank", "percentile"}:
            dtype: Any = "float64"
        elif column in {"count", "region_index", "indicator_index"} or column.startswith("axis_"):
            dtype = "Int64"
        elif column == "direction":
            dtype = pd.CategoricalDtype([d.value for d in Direction])
        elif frame[column].map(lambda v: v is None or isinstance(v, str)).all():
            dtype = "string"
        else:
            continue  # labels that are numbers keep their type
        frame[column] = frame[column].astype(dtype)
    return frame


# --------------------------------------------------------------------------- CBS


def cbs_panel(
    rows: str | os.PathLike[str] | Sequence[Mapping[str, Any]],
    mapping: Mapping[str, Any],
    *,
    regions: Iterable[str] | None = None,
    prefix: str | None = "GM",
) -> Panel:
    """The municipalities of a CBS StatLine export: ``values[region, indicator, period]``.

    Args:
        rows: The export's file (OData JSON or CSV, read as
            :func:`progmon.io.read_cbs` reads it), or its rows already read:
            dicts of dimension and topic keys to codes and cells.
        mapping: Indicator id to its topic key, or a
            :class:`progmon.io.CbsColumn` that selects codes of other
            dimensions (``where``).
        regions: The region codes to keep, in this order; by default every
            region whose code starts with ``prefix``, in the file's order.
        prefix: ``"GM"`` (the default): municipalities, leaving out the
            country (``NL01``), provinces (``PV``) and parts (``CR``, ...);
            None: every region.

    A missing figure (CBS's ``.`` or ``x``, an empty cell, or a period a
    region has no row for) is NaN; :attr:`Panel.notes` says why where the
    file does. Figures are taken as the table gives them, in its unit; of a
    survey table, the value (``MW00000``), not the bounds.

    Raises:
        FileFormatError: the rows are no CBS table (no region or period
            dimension), or a cell is not a figure.
        ValidationError: a topic, dimension or region code is not in the
            table.
        AmbiguityError: the selection leaves two figures for one region and
            period; the message names the dimension to fix in ``where``.

    Example:
        >>> from progmon.io import CbsColumn
        >>> rate = "GeregistreerdeMisdrijvenPer1000Inw_3"
        >>> total = CbsColumn(rate, where={"SoortMisdrijf": "0.0.0"})
        >>> p = cbs_panel("tests/fixtures/cbs_83648NED_typed.json", {"misdrijven": total})
        >>> p.regions, p.periods
        (('GM0141', 'GM0153'), ('2016', '2017', '2018', '2019', '2020'))
        >>> p.values[:, 0, -2:].tolist()
        [[57.6, nan], [59.3, nan]]
        >>> rank(p, direction="decrease").rank[:, 0, -2].tolist()
        [1.0, 2.0]
    """
    from .io import _cbs  # progmon.io only for CBS exports

    origin, read = _cbs_rows(rows)
    if not isinstance(mapping, Mapping) or not mapping:
        raise ValidationError(
            "must map indicator ids to topic keys or CbsColumn values",
            element=f"{origin}: mapping",
            value=mapping,
        )
    table, dimensions = _cbs.table_of(read, origin)
    region_dim = next((d for d in _cbs.REGION_DIMENSIONS if d in dimensions), None)
    if region_dim is None or _cbs.PERIOD_DIMENSION not in dimensions:
        raise FileFormatError(
            f"has no region ({', '.join(_cbs.REGION_DIMENSIONS)}) or no "
            f"{_cbs.PERIOD_DIMENSION} dimension: a panel needs both",
            element=origin,
            value=sorted(table[0]),
        )
    chosen = _cbs_regions(table, region_dim, regions, prefix, origin)
    decimal_comma = any(isinstance(v, str) and "," in v for row in table for v in row.values())
    found: dict[tuple[str, str, str], tuple[float | None, str]] = {}
    for indicator, wanted in mapping.items():
        spec = wanted if isinstance(wanted, _cbs.CbsColumn) else _cbs.CbsColumn(wanted)
        _check_spec(spec, table[0], dimensions, f"{origin}: mapping for {indicator!r}")
        found |= _cbs_figures(
            table,
            spec,
            indicator,
            region_dim=region_dim,
            chosen=set(chosen),
            origin=origin,
            decimal_comma=decimal_comma,
        )
    return _panel_of(found, chosen, tuple(mapping))


def _cbs_rows(rows: object) -> tuple[str, list[Mapping[str, Any]]]:
    from .io import _cbs

    if isinstance(rows, str | os.PathLike):
        from ._write import as_path

        where = as_path(rows, element="CBS export")
        table: list[Mapping[str, Any]] = list(_cbs._read_rows(where)[0])  # noqa: SLF001
        origin = str(where)
    else:
        origin = "CBS rows"
        if isinstance(rows, Mapping | str | bytes) or not isinstance(rows, Sequence):
            raise ValidationError(
                "must be a CBS export's file or its rows (a list of dicts)",
                element=origin,
                value=type(rows).__name__,
            )
        table = list(rows)
        bad = next((i for i, row in enumerate(table) if not isinstance(row, Mapping)), None)
        if bad is not None:
            raise FileFormatError(
                "is not a mapping of keys to cells", element=f"{origin}[{bad}]",
                value=type(table[bad]).__name__,
            )  # fmt: skip
    if not table:
        raise FileFormatError("holds no rows", element=origin)
    return origin, table


def _cbs_regions(
    table: Sequence[Mapping[str, Any]],
    region_dim: str,
    regions: Iterable[str] | None,
    prefix: str | None,
    origin: str,
) -> list[str]:
    present = list(dict.fromkeys(str(row[region_dim]).strip() for row in table))
    if regions is None:
        chosen = [r for r in present if prefix is None or r.startswith(prefix)]
        if not chosen:
            raise ValidationError(
                f"has no region whose code starts with {prefix!r}",
                element=origin,
                value=present[:5],
            )
        return chosen
    if isinstance(regions, str) or not isinstance(regions, Iterable):
        raise ValidationError("must be a sequence of region codes", element="regions",
                              value=regions)  # fmt: skip
    chosen = [str(r).strip() for r in regions]
    unknown = [r for r in chosen if r not in present]
    if unknown:
        raise ValidationError(
            "names a region that is not in the table", element=f"{origin}: regions",
            value=unknown[0],
        )  # fmt: skip
    if len(set(chosen)) != len(chosen):
        twice = next(r for r in chosen if chosen.count(r) > 1)
        raise ValidationError("names a region twice", element=f"{origin}: regions", value=twice)
    return chosen


def _check_spec(spec: Any, first: Mapping[str, Any], dimensions: list[str], element: str) -> None:
    if spec.column not in first:
        raise ValidationError("has no column with this key", element=element, value=spec.column)
    for dimension in spec.where:
        if dimension not in dimensions:
            raise ValidationError(
                f"is not a dimension of the table ({', '.join(dimensions)})",
                element=element,
                value=dimension,
            )


def _cbs_figures(
    table: Sequence[Mapping[str, Any]],
    spec: Any,
    indicator: str,
    *,
    region_dim: str,
    chosen: set[str],
    origin: str,
    decimal_comma: bool,
) -> dict[tuple[str, str, str], tuple[float | None, str]]:
    """One indicator's figures by (region, indicator, period): (None, why) for a missing one."""
    from .io import _cbs
    from .io._converter import _period_code, parse_period
    from .io._csv import _located

    found: dict[tuple[str, str, str], tuple[float | None, str]] = {}
    periods: dict[str, str] = {}
    wanted = {d: c.strip() for d, c in spec.where.items()}
    for row in table:
        region = str(row[region_dim]).strip()
        if region not in chosen or any(str(row[d]).strip() != c for d, c in wanted.items()):
            continue
        if str(row.get(_cbs.MARGIN_DIMENSION, _cbs.VALUE)).strip() != _cbs.VALUE:
            continue
        period_code = str(row[_cbs.PERIOD_DIMENSION]).strip()
        try:
            if period_code not in periods:
                periods[period_code] = str(_period_code(parse_period(period_code)))
            value, note = _cbs._cell(row[spec.column], decimal_comma=decimal_comma)  # noqa: SLF001
        except ProgmonError as e:
            raise _located(e, f"{origin}: {spec.column} {region} {period_code}") from e
        key = (region, indicator, periods[period_code])
        if key in found:
            raise AmbiguityError(
                "leaves two figures for one region and period: choose the codes of the "
                "other dimensions with CbsColumn(..., where={...})",
                element=f"{origin}: mapping for {indicator!r}",
                value=f"{region} {period_code}",
            )
        found[key] = (None, note) if value is None else (float(value), "")
    return found


def _panel_of(
    found: Mapping[tuple[str, str, str], tuple[float | None, str]],
    regions: list[str],
    indicators: tuple[str, ...],
) -> Panel:
    periods = tuple(sorted({p for _, _, p in found}))
    values = np.full((len(regions), len(indicators), len(periods)), np.nan)
    index = [
        {label: i for i, label in enumerate(labels)} for labels in (regions, indicators, periods)
    ]
    cells = [(key, v) for key, (v, _) in found.items() if v is not None]
    if cells:
        at = np.array([[index[a][key[a]] for a in range(3)] for key, _ in cells], dtype=np.intp)
        values[at[:, 0], at[:, 1], at[:, 2]] = [v for _, v in cells]
    notes = {key: note for key, (v, note) in found.items() if v is None}
    return Panel(values, tuple(regions), indicators, periods, notes)
