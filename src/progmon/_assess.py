"""The assessment tree: a programme, ambition, goal or indicator, assessed in one panel call.

:func:`assess` gathers every indicator of what it is given (goal indicators,
components, context indicators) into the arrays of one
:func:`~progmon.assess_panel` call, then builds the tree of the same shape
from its rows: the indicator nodes carry the numbers behind each status,
the wholes their rolled-up status and counts.

Conventions:

* a figure sits at the midpoint of its period (:attr:`~progmon.Period.midpoint`,
  2019 is 2019.5); a deadline year ``Y`` at ``Y + 0.5``, consistent with
  yearly figures, so that baseline 2015, latest 2020 and deadline 2030 are 5
  and 15 years apart;
* ``as_of`` year ``Y`` uses the figures of periods that start on or before
  31 December ``Y``; the value expected on the path is given at ``Y + 0.5``;
  without ``as_of``, the year of the latest figure (:func:`default_as_of`);
* roll-up: a goal, ambition or programme gets the worst status among its
  judged indicators (not NOT_MEASURED, INSUFFICIENT_DATA or NO_TARGET), in
  the order ACHIEVED < ON_TRACK < AT_RISK < OFF_TRACK < DETERIORATING, and
  is ACHIEVED only when all are; when none is judged, NOT_MEASURED if
  nothing was measured, else INSUFFICIENT_DATA. Context indicators (kind
  CONTEXT) and components are assessed and shown, but not rolled up or
  counted.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from itertools import repeat
from typing import Any, Final, TypeAlias, overload

import attrs
import numpy as np
import numpy.typing as npt

from . import units
from ._compare import Comparison, comparisons_with
from ._formulas import met
from ._indicator import Indicator, IndicatorKind, Measurement, series_of
from ._panel import PanelAssessment, assess_panel
from ._period import Period
from ._programme import Ambition, Goal, Programme
from ._status import REASONS, Status, counts, rolled_up, summed
from ._targets import Kind, Target
from ._validators import YEARS, is_year, plain_year
from .errors import ValidationError
from .methods import Method, get_method

__all__ = [
    "AmbitionAssessment",
    "GoalAssessment",
    "IndicatorAssessment",
    "MilestoneAssessment",
    "ProgrammeAssessment",
    "assess",
    "default_as_of",
]

AsOf: TypeAlias = int | Period | date | None
MethodLike: TypeAlias = Method | str | None
Assessable: TypeAlias = Programme | Ambition | Goal | Indicator


# --------------------------------------------------------------------------- the nodes


@attrs.frozen
class MilestoneAssessment:
    """Whether an interim target (a milestone) was reached in its year.

    ``figure`` is the latest figure up to the end of the milestone's year;
    ``reached`` is None while the milestone is not due yet (its year lies
    after ``as_of``) or there is no figure by then.

    Example:
        >>> import progmon
        >>> ind = progmon.Indicator(
        ...     id="cijfer", name="Rapportcijfer", unit="mark", target=progmon.Level(7.3, by=2022),
        ...     milestones=[progmon.Level(7.1, by=2019)],
        ...     measurements=progmon.Measurement.series({2017: 6.9, 2019: 7.2}))
        >>> [(m.by, m.reached) for m in progmon.assess(ind, as_of=2020).milestones]
        [(2019, True)]
    """

    target: Target
    by: int
    required: Any
    figure: Measurement | None
    reached: bool | None

    @property
    def due(self) -> bool:
        """Whether its year has come (the review says whether it was reached)."""
        return self.reached is not None or self.figure is not None


@attrs.frozen
class IndicatorAssessment:
    """The assessment of one indicator, with the numbers behind its status.

    Quantities are in the indicator's unit. ``ratio`` is the method's key
    number (R, P or Q); ``rate`` the annual growth in the desired direction
    (the key number without a quantitative target); ``reason`` one of
    :data:`~progmon.assessment.REASONS`. ``progress`` is the share of the gap
    from baseline to target that the latest figure closed, and
    ``expected_progress`` the share the path to the target (through the
    milestones) has closed by ``as_of``.

    Example:
        The seed's nuisance reports: 1,089 in 2016, 973 in 2019, to fall.

        >>> import progmon
        >>> reports = progmon.Indicator(
        ...     id="woonoverlast", name="Meldingen woonoverlast", unit="report",
        ...     direction=progmon.Direction.DECREASE, target=progmon.Improve(by=2022),
        ...     measurements=progmon.Measurement.series({2016: 1089, 2019: 973}))
        >>> result = progmon.assess(reports, as_of=2020)
        >>> result.status, result.reason, result.change
        (<Status.ACHIEVED: 'achieved'>, 'target-met', <Quantity(-116.0, 'report')>)
        >>> result.baseline.period.label, result.latest.period.label
        ('2016', '2019')
    """

    indicator: Indicator
    status: Status
    as_of: int
    method: Method
    deadline: int | None
    baseline: Measurement | None
    latest: Measurement | None
    target_value: Any
    change: Any
    change_points: float | None
    relative_change: float | None
    significant: bool | None
    slope: Any
    trend: str | None
    projection: Any
    expected: Any
    ratio: float | None
    progress: float | None
    thresholds: Mapping[str, float]
    reason: str
    components: tuple[IndicatorAssessment, ...] = ()
    expected_latest: Any = None
    rate: float | None = None
    compound: bool | None = None
    years: float | None = None
    """Years from the baseline to the latest figure (midpoint to midpoint)."""
    expected_progress: float | None = None
    milestones: tuple[MilestoneAssessment, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    """The latest figure beside each of the indicator's references (:func:`progmon.compare`).

    Kept apart from ``status``: how the municipality compares with others
    says nothing of its target, and no roll-up counts it.
    """

    def indicators(self) -> Iterator[IndicatorAssessment]:
        """This assessment (so that every level has ``indicators()``)."""
        yield self


@attrs.frozen
class GoalAssessment:
    """The assessment of a goal: its indicators and the rolled-up status.

    ``counts`` counts the statuses of the indicators that are rolled up
    (context indicators are not).

    Example:
        >>> import progmon
        >>> ind = progmon.Indicator(id="initiatieven", name="Initiatieven", unit="count",
        ...                         target=progmon.Level(32),
        ...                         measurements=progmon.Measurement.series({2018: 20, 2020: 26}))
        >>> goal = progmon.Goal(id="g", statement="Meer initiatieven", deadline=2022,
        ...                     indicators=[ind])
        >>> result = progmon.assess(goal, as_of=2020)
        >>> result.status, [a.indicator.id for a in result.indicators()]
        (<Status.ON_TRACK: 'on-track'>, ['initiatieven'])
    """

    goal: Goal
    status: Status
    as_of: int
    method: Method
    deadline: int | None
    indicator_assessments: tuple[IndicatorAssessment, ...]
    counts: Mapping[Status, int]

    def indicators(self) -> Iterator[IndicatorAssessment]:
        """The indicator assessments, in order."""
        yield from self.indicator_assessments


@attrs.frozen
class AmbitionAssessment:
    """The assessment of an ambition: its goals, its context indicators, the roll-up.

    Example:
        >>> import progmon
        >>> ind = progmon.Indicator(id="x", name="X", unit="report", target=progmon.Improve(),
        ...                         direction=progmon.Direction.DECREASE,
        ...                         measurements=progmon.Measurement.series({2016: 9, 2019: 7}))
        >>> ambition = progmon.Ambition(title="Veiliger", goals=[
        ...     progmon.Goal(id="g", statement="S", deadline=2022, indicators=[ind])])
        >>> result = progmon.assess(ambition, as_of=2020)
        >>> result.status, [g.goal.id for g in result.goals()]
        (<Status.ACHIEVED: 'achieved'>, ['g'])
    """

    ambition: Ambition
    status: Status
    as_of: int
    method: Method
    goal_assessments: tuple[GoalAssessment, ...]
    context: tuple[IndicatorAssessment, ...]
    counts: Mapping[Status, int]

    def indicators(self) -> Iterator[IndicatorAssessment]:
        """The goals' indicator assessments, then the context indicators'."""
        for goal in self.goal_assessments:
            yield from goal.indicators()
        yield from self.context

    def goals(self) -> Iterator[GoalAssessment]:
        """The goal assessments, in order."""
        yield from self.goal_assessments


@attrs.frozen
class ProgrammeAssessment:
    """The assessment of a programme: its ambitions and the overall status.

    ``counts`` counts the statuses of the indicators that are rolled up.

    Example:
        The Almelo worked example at its midterm: two indicators achieved,
        none off track, five not measured yet.

        >>> import progmon
        >>> result = progmon.assess(progmon.load("examples/veiligheid.toml"), as_of=2020)
        >>> result.status
        <Status.ON_TRACK: 'on-track'>
        >>> result.counts[progmon.Status.ACHIEVED], result.counts[progmon.Status.NOT_MEASURED]
        (2, 5)
    """

    programme: Programme
    status: Status
    as_of: int
    method: Method
    ambition_assessments: tuple[AmbitionAssessment, ...]
    counts: Mapping[Status, int]

    def indicators(self) -> Iterator[IndicatorAssessment]:
        """Every indicator assessment, per ambition: goal indicators, then context."""
        for ambition in self.ambition_assessments:
            yield from ambition.indicators()

    def goals(self) -> Iterator[GoalAssessment]:
        """Every goal assessment, in order."""
        for ambition in self.ambition_assessments:
            yield from ambition.goals()

    def ambitions(self) -> Iterator[AmbitionAssessment]:
        """The ambition assessments, in order."""
        yield from self.ambition_assessments


Assessment: TypeAlias = (
    IndicatorAssessment | GoalAssessment | AmbitionAssessment | ProgrammeAssessment
)


# --------------------------------------------------------------------------- as of


def _tops(x: Assessable) -> Iterable[Indicator]:
    if isinstance(x, Indicator):
        return (x,)
    if isinstance(x, Goal):
        return x.indicators
    return x.indicators()


def default_as_of(x: Assessable) -> int | None:
    """The year a review of ``x`` is as of by default: the one place that decides it.

    The year in which the latest period with a figure starts; for a
    programme without figures yet, the first year of its term; else None
    (then the year must be given).

    Example:
        >>> import progmon
        >>> default_as_of(progmon.load("examples/veiligheid.toml"))
        2019
        >>> default_as_of(progmon.Programme(id="p", name="P", period=2022))
        2022
    """
    # Measurements are sorted by period, so an indicator's last figure starts last.
    years = [
        indicator.measurements[series_of(indicator).measured[-1]].period.start.year
        for top in _tops(x)
        for indicator in top.walk()
        if series_of(indicator).measured
    ]
    if years:
        return max(years)
    if isinstance(x, Programme) and x.period is not None:
        return x.period.start.year
    return None


def _cutoff(as_of: AsOf, x: Assessable) -> tuple[date, int, float]:
    """The last day whose figures count, the as_of year, and the time for ``expected``."""
    if as_of is None:
        as_of = default_as_of(x)
        if as_of is None:
            raise ValidationError(
                "has no figures yet: give the year of the assessment (as_of)",
                element=_element(x),
                value=None,
            )
    if isinstance(as_of, bool):
        raise ValidationError("must be a year, Period or date", element="as_of", value=as_of)
    as_of = plain_year(as_of)
    if isinstance(as_of, int):
        if not is_year(as_of):
            raise ValidationError(f"must be {YEARS}", element="as_of", value=as_of)
        return date(as_of, 12, 31), as_of, as_of + 0.5
    if isinstance(as_of, Period):
        return as_of.end, as_of.end.year, as_of.midpoint
    if isinstance(as_of, datetime):
        raise ValidationError(
            "must be a year, Period or date (a datetime.date, not a datetime)",
            element="as_of",
            value=as_of,
        )
    if isinstance(as_of, date):
        if not is_year(as_of.year):
            raise ValidationError(f"must be a date in {YEARS}", element="as_of", value=as_of)
        return as_of, as_of.year, Period.between(as_of, as_of).midpoint
    raise ValidationError("must be a year, Period or date", element="as_of", value=as_of)


def _element(x: Assessable) -> str:
    ident = getattr(x, "id", None) or getattr(x, "title", "")
    return f"{type(x).__name__.lower()} {ident!r}"


# --------------------------------------------------------------------------- one panel


@attrs.frozen
class _Row:
    """One indicator's place in the panel, and what the tree needs back from it.

    ``cut`` counts the indicator's measurements whose period starts by the
    cutoff (they are sorted by period); the panel gets all of them, NaN for
    a missing figure.
    """

    indicator: Indicator
    deadline: int | None
    cut: int
    baseline: Measurement | None

    @property
    def latest(self) -> Measurement | None:
        return self.latest_of(self.cut)

    def latest_by(self, day: date) -> Measurement | None:
        """The latest figure whose period starts on or before ``day``."""
        starts = series_of(self.indicator).starts
        return self.latest_of(min(self.cut, bisect.bisect_right(starts, day.toordinal())))

    def latest_of(self, count: int) -> Measurement | None:
        """The latest figure among the first ``count`` measurements."""
        measured = series_of(self.indicator).measured
        before = bisect.bisect_left(measured, count)
        return self.indicator.measurements[measured[before - 1]] if before else None


def _row(indicator: Indicator, deadline: int | None, last_day: date) -> _Row:
    """One indicator's figures up to ``last_day``, its baseline then, and its deadline."""
    if indicator.target is not None and indicator.target.by is not None:
        deadline = indicator.target.by
    series = series_of(indicator)
    cut = bisect.bisect_right(series.starts, last_day.toordinal())
    # A baseline whose period starts after the cutoff is not there yet.
    baseline = indicator.measurements[series.baseline] if 0 <= series.baseline < cut else None
    return _Row(indicator, deadline, cut, baseline)


def _placed(x: Assessable) -> Iterator[tuple[Indicator, int | None]]:
    """Every top indicator of ``x``, with the deadline of its goal (None for context)."""
    if isinstance(x, Indicator):
        yield x, None
        return
    goals: Iterable[Goal]
    if isinstance(x, Goal):
        goals = (x,)
    elif isinstance(x, Ambition):
        goals = x.goals
    else:
        goals = x.goals()
    for goal in goals:
        for indicator in goal.indicators:
            yield indicator, goal.deadline
    if not isinstance(x, Goal):
        for ambition in (x,) if isinstance(x, Ambition) else x.ambitions:
            for indicator in ambition.context:
                yield indicator, None


def _rows(x: Assessable, last_day: date) -> list[_Row]:
    """Every indicator to assess, tops and components, with the deadline each is due."""
    found: list[_Row] = []

    def add(indicator: Indicator, deadline: int | None) -> None:
        row = _row(indicator, deadline, last_day)
        found.append(row)
        for component in indicator.components:
            add(component, row.deadline)

    for indicator, deadline in _placed(x):
        add(indicator, deadline)
    return found


def _magnitude(value: Any) -> float:
    return math.nan if value is None else float(value.magnitude)


def _panel(rows: list[_Row], at: float, method: Method) -> PanelAssessment:
    # Built column by column from lists: one numpy call a column, not one a cell.
    nan = math.nan
    indicators = [row.indicator for row in rows]
    series = [series_of(indicator) for indicator in indicators]
    cuts = [row.cut for row in rows]
    n = max(cuts, default=0)
    k = max((len(indicator.milestones) for indicator in indicators), default=0)
    shape = (len(rows), n)
    place = (np.repeat(np.arange(len(rows)), cuts), _columns(cuts))

    # The four rows of every series' block (times, values, margins, sizes) at once.
    full = np.full((4, *shape), nan)
    if n:
        full[(slice(None), *place)] = np.concatenate(
            [s.block[:, :c] for s, c in zip(series, cuts, strict=True)], axis=1
        )
    times, values, margins, sizes = full

    y_base = [nan if row.baseline is None else _magnitude(row.baseline.value) for row in rows]
    path_t, path_y = np.full((len(rows), k), nan), np.full((len(rows), k), nan)
    for i, (indicator, base) in enumerate(zip(indicators, y_base, strict=True)):
        for j, milestone in enumerate(indicator.milestones):
            assert milestone.by is not None  # noqa: S101  # the model refuses a milestone without
            required = milestone.required(base)
            if not math.isnan(required):  # Improve and Maintain ask no value: no point on the path
                path_t[i, j] = milestone.by + 0.5
                path_y[i, j] = required
    return assess_panel(
        times,
        values,
        target=[
            nan if ind.target is None else ind.target.required(base)
            for ind, base in zip(indicators, y_base, strict=True)
        ],
        deadline=[nan if row.deadline is None else row.deadline + 0.5 for row in rows],
        direction=[0 if ind.direction is None else ind.direction.sign for ind in indicators],
        kind=np.array(
            [Kind.TREND if ind.target is None else ind.target.kind for ind in indicators],
            dtype=np.int8,
        ),
        baseline=[nan if row.baseline is None else row.baseline.period.midpoint for row in rows],
        at=at,
        margin=margins,
        sample_size=sizes,
        share_scale=[s.share_scale for s in series],
        limit=[s.limit for s in series],
        path_t=path_t,
        path_y=path_y,
        method=method,
    )


def _columns(counts: list[int]) -> npt.NDArray[np.intp]:
    """0, 1, ..., c - 1 for each count c, one after the other."""
    sizes = np.asarray(counts, dtype=np.intp)
    starts: npt.NDArray[np.intp] = np.repeat(np.cumsum(sizes) - sizes, sizes)
    return np.arange(len(starts)) - starts


def _float_or_none(value: float) -> float | None:
    return None if math.isnan(value) else value  # the panel's lists hold floats already


def _quantity(value: float, unit: Any) -> Any:
    # The registry's fast path: every node makes eight of these.
    return None if math.isnan(value) else units._quantity(float(value), unit)  # noqa: SLF001


@functools.lru_cache(maxsize=1024)
def _per_year(unit: Any) -> Any:
    return unit / units.registry.year


def _milestones(row: _Row, y_base: float, as_of: int) -> tuple[MilestoneAssessment, ...]:
    indicator = row.indicator
    sign = 0 if indicator.direction is None else indicator.direction.sign
    found = []
    for milestone in indicator.milestones:
        assert milestone.by is not None  # noqa: S101  # the model refuses a milestone without
        required = milestone.required(y_base)
        figure = None
        reached = None
        if milestone.by <= as_of:
            end = date(milestone.by, 12, 31)
            figure = row.latest_by(end)
            if figure is not None and not math.isnan(y_base):
                reached = bool(
                    met(milestone.kind, _magnitude(figure.value), y_base, required, sign)
                )
        found.append(
            MilestoneAssessment(
                target=milestone,
                by=milestone.by,
                required=_quantity(required, indicator.unit),
                figure=figure,
                reached=reached,
            )
        )
    return tuple(found)


def _nodes(rows: list[_Row], panel: PanelAssessment, as_of: int) -> list[IndicatorAssessment]:
    """The assessment of each row, read from the panel's columns as Python lists."""
    status, reason = panel.status.tolist(), panel.reason.tolist()
    required, change, relative = (
        panel.required.tolist(),
        panel.change.tolist(),
        panel.relative_change.tolist(),
    )
    significant, slope, trend = (
        panel.significant.tolist(),
        panel.slope.tolist(),
        panel.trend.tolist(),
    )
    projection, expected, expected_latest = (
        panel.projection.tolist(),
        panel.expected.tolist(),
        panel.expected_latest.tolist(),
    )
    ratio, progress, expected_progress = (
        panel.ratio.tolist(),
        panel.progress.tolist(),
        panel.expected_progress.tolist(),
    )
    rate, compound = panel.rate.tolist(), panel.compound.tolist()
    years = (panel.latest_time - panel.baseline_time).tolist()
    baseline = panel.baseline.tolist()
    thresholds = dict(panel.method.thresholds)
    method = panel.method
    quantity = units._quantity  # noqa: SLF001  # the registry's fast path, eight a node
    isnan = math.isnan
    # Per unit, once: the unit of a slope, and a share's factor to percentage points.
    # Keyed by identity: hashing a pint unit costs more than the rest of a node.
    per_unit: dict[int, tuple[Any, float | None]] = {}
    indicators = [row.indicator for row in rows]
    for indicator in indicators:
        if id(indicator.unit) not in per_unit:
            share = not math.isnan(series_of(indicator).share_scale)
            per_unit[id(indicator.unit)] = (
                _per_year(indicator.unit),
                units.in_percent(1.0, indicator.unit) if share else None,
            )
    unit_of = [indicator.unit for indicator in indicators]
    facts = [per_unit[id(unit)] for unit in unit_of]

    def quantities(values: list[float], in_units: list[Any] = unit_of) -> list[Any]:
        # Column by column: one comprehension a field, not a call a cell.
        return [None if isnan(v) else quantity(v, u) for v, u in zip(values, in_units, strict=True)]

    def floats(values: list[float]) -> list[float | None]:
        return [None if isnan(v) else v for v in values]

    targets, changes = quantities(required), quantities(change)
    slopes = quantities(slope, [fact[0] for fact in facts])
    projections, expectations = quantities(projection), quantities(expected)
    expected_latests = quantities(expected_latest)
    points = [
        None if isnan(moved) or fact[1] is None else moved * fact[1]
        for moved, fact in zip(change, facts, strict=True)
    ]
    relatives, ratios, progresses = floats(relative), floats(ratio), floats(progress)
    rates, spans, expected_progresses = floats(rate), floats(years), floats(expected_progress)
    latests = [row.latest for row in rows]
    columns = (
        indicators,
        [_STATUSES[code] for code in status],
        repeat(as_of),
        repeat(method),
        [row.deadline for row in rows],
        [row.baseline for row in rows],
        latests,
        targets,
        changes,
        points,
        relatives,
        [None if isnan(value) else bool(value) for value in significant],
        slopes,
        [name or None for name in trend],
        projections,
        expectations,
        ratios,
        progresses,
        repeat(thresholds),
        [REASONS[code] for code in reason],
        repeat(()),
        expected_latests,
        rates,
        [None if moved is None else whole for moved, whole in zip(rates, compound, strict=True)],
        spans,
        expected_progresses,
        [
            _milestones(row, base, as_of) if row.indicator.milestones else ()
            for row, base in zip(rows, baseline, strict=True)
        ],
        [
            comparisons_with(indicator, latest) if indicator.references else ()
            for indicator, latest in zip(indicators, latests, strict=True)
        ],
    )
    # A node's fields in their order (_NODE_FIELDS, checked against the class at
    # import), given by position: 28 keywords a node cost a third of its making.
    # The repeat() columns are endless; the lists, each one a row, set the length.
    return [IndicatorAssessment(*fields) for fields in zip(*columns, strict=False)]


_STATUSES: Final = tuple(Status.from_code(code) for code in range(len(Status)))

_NODE_FIELDS: Final = (
    "indicator", "status", "as_of", "method", "deadline", "baseline", "latest", "target_value",
    "change", "change_points", "relative_change", "significant", "slope", "trend", "projection",
    "expected", "ratio", "progress", "thresholds", "reason", "components", "expected_latest",
    "rate", "compound", "years", "expected_progress", "milestones", "comparisons",
)  # fmt: skip
if tuple(field.name for field in attrs.fields(IndicatorAssessment)) != _NODE_FIELDS:
    raise ImportError("_nodes gives IndicatorAssessment's fields by position: update its order")


def _counted(assessments: Iterable[IndicatorAssessment]) -> list[IndicatorAssessment]:
    return [a for a in assessments if a.indicator.kind is not IndicatorKind.CONTEXT]


@overload
def assess(
    x: Programme, *, as_of: AsOf = None, method: MethodLike = None
) -> ProgrammeAssessment: ...
@overload
def assess(x: Ambition, *, as_of: AsOf = None, method: MethodLike = None) -> AmbitionAssessment: ...
@overload
def assess(x: Goal, *, as_of: AsOf = None, method: MethodLike = None) -> GoalAssessment: ...
@overload
def assess(
    x: Indicator, *, as_of: AsOf = None, method: MethodLike = None
) -> IndicatorAssessment: ...
def assess(
    x: Assessable,
    *,
    as_of: AsOf = None,
    method: MethodLike = None,
) -> Assessment:
    """Assess a programme, ambition, goal or indicator.

    Args:
        x: What to assess.
        as_of: A year (figures of periods starting in or before it count), a
            :class:`~progmon.Period` or a date; None: the year of the latest
            figure (:func:`~progmon.assessment.default_as_of`).
        method: A method from :mod:`progmon.methods`, its name
            (``"growth-ratio"``, ``"projection"``, ``"pro-rata"``) or None for
            the default, :class:`~progmon.methods.GrowthRatio`.

    Returns:
        A :class:`ProgrammeAssessment`, :class:`AmbitionAssessment`,
        :class:`GoalAssessment` or :class:`IndicatorAssessment`.

    Raises:
        ValidationError: ``x`` is not a model object, a bad ``as_of``, no
            ``as_of`` and no figure to take it from, or an unknown method.

    Example:
        >>> import progmon
        >>> reports = progmon.Indicator(
        ...     id="woonoverlast", name="Meldingen woonoverlast", unit="report",
        ...     direction=progmon.Direction.DECREASE, target=progmon.Improve(),
        ...     measurements=progmon.Measurement.series({2016: 1089, 2017: 1089, 2019: 973}))
        >>> goal = progmon.Goal(id="zorg", statement="Minder overlast", deadline=2022,
        ...                     indicators=[reports])
        >>> result = assess(goal, as_of=2020)
        >>> result.status, result.counts[Status.ACHIEVED]
        (<Status.ACHIEVED: 'achieved'>, 1)
    """
    chosen = get_method(method)
    if not isinstance(x, Programme | Ambition | Goal | Indicator):
        raise ValidationError(
            "can only assess a Programme, Ambition, Goal or Indicator",
            element="assess",
            value=type(x).__name__,
        )
    last_day, year, at = _cutoff(as_of, x)
    rows = _rows(x, last_day)
    panel = _panel(rows, at, chosen)
    nodes = {
        id(row.indicator): node for row, node in zip(rows, _nodes(rows, panel, year), strict=True)
    }

    def built(indicator: Indicator) -> IndicatorAssessment:
        node = nodes[id(indicator)]
        if not indicator.components:
            return node
        return attrs.evolve(node, components=tuple(built(c) for c in indicator.components))

    def goal_node(goal: Goal) -> GoalAssessment:
        parts = tuple(built(indicator) for indicator in goal.indicators)
        counted = counts(a.status for a in _counted(parts))
        return GoalAssessment(
            goal=goal,
            status=rolled_up(counted),
            as_of=year,
            method=chosen,
            deadline=goal.deadline,
            indicator_assessments=parts,
            counts=counted,
        )

    def ambition_node(ambition: Ambition) -> AmbitionAssessment:
        goals = tuple(goal_node(goal) for goal in ambition.goals)
        # A whole's status depends on its parts' counts only: summed, not counted again.
        counted = summed(*(goal.counts for goal in goals))
        return AmbitionAssessment(
            ambition=ambition,
            status=rolled_up(counted),
            as_of=year,
            method=chosen,
            goal_assessments=goals,
            context=tuple(built(indicator) for indicator in ambition.context),
            counts=counted,
        )

    if isinstance(x, Indicator):
        return built(x)
    if isinstance(x, Goal):
        return goal_node(x)
    if isinstance(x, Ambition):
        return ambition_node(x)
    ambitions = tuple(ambition_node(a) for a in x.ambitions)
    counted = summed(*(ambition.counts for ambition in ambitions))
    return ProgrammeAssessment(
        programme=x,
        status=rolled_up(counted),
        as_of=year,
        method=chosen,
        ambition_assessments=ambitions,
        counts=counted,
    )
