"""The review as plain values: every text and number already formatted.

The templates only lay out what :func:`build` computes here, so the
Markdown and the HTML review say the same things in the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from progmon import __version__, units
from progmon._indicator import IndicatorKind, Measurement, Source
from progmon._period import Period

from ._format import Formatter, UnitFacts, magnitude_in, unit_facts
from ._text import (
    bbv_theme,
    change_text,
    comparison_texts,
    label,
    method_explanation,
    method_name,
    period_label,
    progress_text,
    reason,
    reference_name,
    target_text,
    thresholds_text,
    trend_text,
)

__all__ = ["Review", "build"]


@dataclass(frozen=True)
class Badge:
    """A status as the reader sees it: symbol, label and a CSS class."""

    label: str
    symbol: str
    css: str
    description: str = ""

    @property
    def text(self) -> str:
        """The symbol and the label, as plain text shows the status: ``▲ Op koers``."""
        return f"{self.symbol} {self.label}"


@dataclass(frozen=True)
class CompareRow:
    """One reference beside an indicator's latest figure: "lager dan Nederland (4,3)"."""

    reference: str
    figure: str
    difference: str
    sentence: str
    css: str


@dataclass(frozen=True)
class Row:
    """One indicator (or component) in a goal's table."""

    id: str
    anchor: str
    name: str
    depth: int
    baseline: str
    latest: str
    source: str
    target: str
    progress: str
    change: str
    trend: str
    badge: Badge
    reason: str
    note: str
    description: str
    chart: str | None
    measured: bool
    comparisons: list[CompareRow] = field(default_factory=list)
    href: str = ""  # the indicator's own page, in a site; none on a single page


@dataclass(frozen=True)
class BbvRow:
    """One BBV policy indicator as a budget prints it: its figure and the reference figures."""

    bbv: str
    anchor: str
    name: str
    unit: str
    period: str
    value: str
    references: list[tuple[str, str, str]]
    source: str
    figures: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class BbvGroup:
    """The BBV indicators of one theme (programme, taakveld) of the catalogue."""

    theme: str
    rows: list[BbvRow]


@dataclass(frozen=True)
class Series:
    """The figures of a group of indicators, one column per period."""

    periods: list[str]
    rows: list[tuple[str, int, list[str]]]
    notes: list[str]


@dataclass(frozen=True)
class GoalView:
    """A goal: heading, statement, the table of indicators and the figures."""

    id: str
    anchor: str
    number: int
    title: str
    statement: str
    deadline: str
    badge: Badge
    rows: list[Row]
    context: list[Row]
    series: Series
    results: list[str]
    note: str

    @property
    def charts(self) -> list[Row]:
        """The rows that have a chart, targets first, then context."""
        return [r for r in [*self.rows, *self.context] if r.chart]

    @property
    def compared(self) -> list[Row]:
        """The rows with references, targets first, then context."""
        return [r for r in [*self.rows, *self.context] if r.comparisons]


@dataclass(frozen=True)
class ResourceRow:
    """One line of the budget table."""

    purpose: str
    period: str
    amount: str
    kind: str
    note: str


@dataclass(frozen=True)
class AmbitionView:
    """An ambition with the three questions of a Dutch budget."""

    title: str
    description: list[str]
    badge: Badge
    goals: list[GoalView]
    context: list[Row]
    context_series: Series
    actions: list[str]
    actions_period: str
    resources: list[ResourceRow]
    totals: list[tuple[str, str]]
    sections: list[tuple[str, list[str], list[str]]]

    @property
    def context_charts(self) -> list[Row]:
        """The context rows that have a chart."""
        return [r for r in self.context if r.chart]

    @property
    def context_compared(self) -> list[Row]:
        """The context rows with references."""
        return [r for r in self.context if r.comparisons]


@dataclass(frozen=True)
class Review:
    """Everything the templates show."""

    lang: str
    title: str
    subtitle: str
    meta: list[str]
    summary: list[str]
    badge: Badge
    counts: list[tuple[Badge, int]]
    overview: list[tuple[int, str, str, Badge, str]]
    ambitions: list[AmbitionView]
    sections: list[tuple[str, list[str], list[str]]]
    method: str
    method_explanation: str
    thresholds: str
    rollup: str
    legend: list[Badge]
    sources: list[str]
    labels: dict[str, str]
    version: str = __version__
    notes: list[str] = field(default_factory=list)
    bbv: list[BbvGroup] = field(default_factory=list)
    bbv_columns: list[str] = field(default_factory=list)
    bbv_source: str = ""


# An id that is a plain word names its anchor (goal-veiligheid); any other id,
# which may hold spaces or be as long as a page, is replaced by the element's
# number, with "--" so that it never equals the anchor of a plain id.
_PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def _anchor(kind: str, ident: str, number: int) -> str:
    """The HTML id of a goal or indicator: unique on the page, and one word.

    Example:
        >>> _anchor("goal", "veiligheid", 1), _anchor("goal", 'x" onclick="y', 2)
        ('goal-veiligheid', 'goal--2')
    """
    return f"{kind}-{ident}" if _PLAIN_ID.fullmatch(ident) else f"{kind}--{number}"


def _limit_note(method: Any, fmt: Formatter) -> str:
    """What the review says where the rate thresholds are scaled near a natural limit."""
    limit = getattr(method, "natural_limit", False)
    if limit is False:
        return ""
    which = (
        fmt.pick("de grens van de eenheid", "the unit's limit")
        if limit is True
        else fmt.number(float(limit), 2)
    )
    return fmt.pick(
        f"; positieve groeidrempels verkleind bij een natuurlijke grens ({which}; open-sdg)",
        f"; positive rate thresholds scaled near a natural limit ({which}; open-sdg)",
    )


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


_DESCRIPTIONS = {
    "ACHIEVED": ("de streefwaarde is gehaald", "the target has been reached"),
    "ON_TRACK": ("op tijd op weg naar de streefwaarde", "on course to reach the target in time"),
    "AT_RISK": ("goede richting, maar te langzaam", "right direction, but too slow"),
    "OFF_TRACK": ("ver achter op schema", "far behind schedule"),
    "DETERIORATING": ("beweegt van de streefwaarde af", "moving away from the target"),
    "NOT_MEASURED": ("nog geen cijfers", "no figures yet"),
    "INSUFFICIENT_DATA": ("te weinig cijfers voor een oordeel", "too few figures to judge"),
    "NO_TARGET": ("geen streefwaarde: getoond, niet beoordeeld", "no target: shown, not judged"),
}


def _badge(status: Any, fmt: Formatter) -> Badge:
    described = _DESCRIPTIONS.get(status.name, ("", ""))
    return Badge(
        label=fmt.status_label(status),
        symbol=fmt.status_symbol(status),
        css=fmt.status_class(status),
        description=fmt.pick(*described),
    )


def _figure(measurement: Measurement | None, fmt: Formatter) -> str:
    if measurement is None or measurement.value is None:
        return label("none", fmt)
    text = f"{fmt.quantity(measurement.value)} ({fmt.period(measurement.period)})"
    if measurement.provisional:
        text += f" {fmt.pick('voorlopig', 'provisional')}"
    return text


def _source(measurement: Measurement | None, indicator: Any) -> str:
    source: Source | None = None
    if measurement is not None and measurement.source is not None:
        source = measurement.source
    elif indicator.source is not None:
        source = indicator.source
    return str(source) if source is not None else ""


class _Builder:
    def __init__(
        self, fmt: Formatter, *, charts: bool, links: Mapping[str, str] | None = None
    ) -> None:
        self.fmt = fmt
        self.charts = charts
        self.links = links or {}
        self.sources: dict[str, str] = {}
        self.drawn = 0  # charts so far: the next one's number on the page
        self.listed = 0  # indicator rows so far
        self.bbv: list[tuple[Any, str]] = []  # the BBV indicators' assessments, and anchors

    def row(self, assessment: Any, depth: int = 0) -> Iterator[Row]:
        fmt = self.fmt
        indicator = assessment.indicator
        latest = assessment.latest
        note = indicator.note
        if latest is None and not note:
            note = label("not_measured", fmt)
        chart = None
        if self.charts:
            from ._charts import chart_svg, chartable

            if chartable(assessment):
                self.drawn += 1
                chart = chart_svg(assessment, fmt, number=self.drawn)
        for m in indicator.measurements:
            self._remember(m.source)
        for reference in indicator.references:
            for m in reference.measurements:
                self._remember(m.source)
        self._remember(indicator.source)
        self.listed += 1
        anchor = _anchor("ind", indicator.id, self.listed)
        if indicator.bbv:
            self.bbv.append((assessment, anchor))
        yield Row(
            id=indicator.id,
            href=self.links.get(indicator.id, ""),
            anchor=anchor,
            name=indicator.name,
            depth=depth,
            baseline=_figure(assessment.baseline, fmt),
            latest=_figure(latest, fmt)
            if latest is not None
            else f"{label('none', fmt)} ({label('not_measured', fmt)})",
            source=_source(latest, indicator),
            target=self.target(assessment),
            progress=progress_text(assessment, fmt) or label("none", fmt),
            change=change_text(assessment, fmt),
            trend=trend_text(assessment.trend, assessment.slope, indicator.unit, fmt),
            badge=_badge(assessment.status, fmt),
            reason=reason(assessment, fmt),
            note=note,
            description=indicator.description,
            chart=chart,
            measured=latest is not None,
            comparisons=self.comparisons(assessment),
        )
        for component in assessment.components:
            yield from self.row(component, depth + 1)

    def comparisons(self, assessment: Any) -> list[CompareRow]:
        """The indicator's references beside its latest figure."""
        fmt = self.fmt
        unit = assessment.indicator.unit
        rows = []
        for comparison in getattr(assessment, "comparisons", ()):
            figure, difference, sentence = comparison_texts(comparison, unit, fmt)
            status = comparison.status
            rows.append(
                CompareRow(
                    reference=reference_name(comparison.reference, fmt),
                    figure=figure,
                    difference=difference,
                    sentence=sentence,
                    css="none" if status is None else status.value,
                )
            )
        return rows

    def target(self, assessment: Any) -> str:
        """The target, and its milestones with their years."""
        fmt = self.fmt
        indicator = assessment.indicator
        if indicator.target is None and not indicator.milestones:
            return label("none", fmt)
        text = target_text(indicator, assessment.target_value, assessment.deadline, fmt)
        steps = [
            target_text(indicator, m.required, m.by, fmt, target=m.target)
            for m in assessment.milestones
        ]
        if steps:
            text += f"; {label('milestones', fmt)}: {'; '.join(steps)}"
        return text

    def _remember(self, source: Source | None) -> None:
        if source is None:
            return
        text = str(source)
        details = [d for d in (source.note, source.url) if d]
        self.sources.setdefault(text, f"{text}: {'; '.join(details)}" if details else text)

    def rows(self, assessments: Iterable[Any]) -> list[Row]:
        return [row for a in assessments for row in self.row(a)]

    def series(self, assessments: Iterable[Any], as_of: int) -> Series:
        fmt = self.fmt
        flat: list[tuple[Any, int]] = []

        def walk(a: Any, depth: int) -> None:
            flat.append((a, depth))
            for c in a.components:
                walk(c, depth + 1)

        for a in assessments:
            walk(a, 0)
        periods: list[Period] = sorted(
            {
                m.period
                for a, _ in flat
                for m in a.indicator.measurements
                if m.period.start.year <= as_of
            }
        )
        rows: list[tuple[str, int, list[str]]] = []
        notes: list[str] = []
        for a, depth in flat:
            indicator = a.indicator
            if not indicator.measurements:
                continue
            # As indicator.measurement(period) finds them (the first of a period), once.
            by_period: dict[Period, Measurement] = {}
            for m in indicator.measurements:
                by_period.setdefault(m.period, m)
            facts = unit_facts(indicator.unit)
            cells = []
            for period in periods:
                found = by_period.get(period)
                cells.append(self._cell(found, indicator.unit, facts))
                if found is not None and found.note and period.start.year <= as_of:
                    notes.append(f"{indicator.name}, {fmt.period(period)}: {found.note}")
            name = fmt.unit_name(indicator.unit)
            shown_with_unit = facts.share or name in {"", "euro", "euros"}
            rows.append(
                (indicator.name if shown_with_unit else f"{indicator.name} ({name})", depth, cells)
            )
        return Series([fmt.period(p) for p in periods], rows, notes)

    def _cell(self, m: Measurement | None, unit: Any, facts: UnitFacts) -> str:
        fmt = self.fmt
        if m is None:
            return ""
        if m.value is None:
            return label("none", fmt)
        if facts.share or facts.money:
            text = fmt.quantity(m.value)
        else:
            text = fmt.magnitude(magnitude_in(m.value, unit), unit)  # an int keeps every digit
        if m.margin is not None:
            margin = float(magnitude_in(m.margin, unit))
            if facts.share and not facts.permille:
                margin = facts.in_percent(margin)  # as the value is shown; ‰ stays ‰
            text += f" ± {fmt.number(margin, 1)}"
        if m.provisional:
            text += "*"
        return text

    def goal(self, number: int, assessment: Any, as_of: int) -> GoalView:
        fmt = self.fmt
        goal = assessment.goal
        targets = [
            a
            for a in assessment.indicator_assessments
            if a.indicator.kind is not IndicatorKind.CONTEXT
        ]
        context = [
            a for a in assessment.indicator_assessments if a.indicator.kind is IndicatorKind.CONTEXT
        ]
        return GoalView(
            id=goal.id,
            anchor=_anchor("goal", goal.id, number),
            number=number,
            title=goal.title,
            statement=goal.statement,
            deadline=fmt.year(goal.deadline) if goal.deadline is not None else "",
            badge=_badge(assessment.status, fmt),
            rows=self.rows(targets),
            context=self.rows(context),
            series=self.series(assessment.indicator_assessments, as_of),
            results=_paragraphs(goal.results),
            note=goal.note,
        )

    def ambition(self, assessment: Any, first_goal: int, as_of: int) -> AmbitionView:
        fmt = self.fmt
        ambition = assessment.ambition
        goals = [
            self.goal(first_goal + i, g, as_of) for i, g in enumerate(assessment.goal_assessments)
        ]
        resources = [
            ResourceRow(
                purpose=r.purpose,
                period=period_label(r.period, fmt),
                amount=fmt.quantity(r.amount),
                kind=label("incidental" if r.incidental else "structural", fmt),
                note=r.note,
            )
            for r in ambition.resources
        ]
        return AmbitionView(
            title=ambition.title,
            description=_paragraphs(ambition.description),
            badge=_badge(assessment.status, fmt),
            goals=goals,
            context=self.rows(assessment.context),
            context_series=self.series(assessment.context, as_of),
            actions=self.actions(ambition.actions),
            actions_period=_common_period(ambition.actions, fmt),
            resources=resources,
            totals=self.totals(ambition.resources),
            sections=[(s.title, list(s.paragraphs), list(s.bullets)) for s in ambition.sections],
        )

    def actions(self, actions: Iterable[Any]) -> list[str]:
        """The actions, each with its period unless they all share one."""
        fmt = self.fmt
        actions = list(actions)
        shared = bool(_common_period(actions, fmt))
        return [
            a.description
            + (f" ({fmt.period(a.period)})" if a.period and not shared else "")
            + (f" — {a.note}" if a.note else "")
            for a in actions
        ]

    def totals(self, resources: Iterable[Any]) -> list[tuple[str, str]]:
        """Money and staff per period: ('Budget per jaar', '2021: € 50.000; ...')."""
        fmt = self.fmt
        money: dict[Period | None, float] = {}
        staff: dict[Period | None, float] = {}
        for r in resources:
            bucket = money if r.is_money else staff
            unit = "EUR" if r.is_money else "fte"
            bucket[r.period] = bucket.get(r.period, 0.0) + float(r.amount.m_as(unit))
        lines = []
        for bucket, unit, key in ((money, "EUR", "total_money"), (staff, "fte", "total_staff")):
            if not bucket:
                continue
            ordered = sorted(
                bucket.items(), key=lambda kv: (kv[0] is None, kv[0] or Period.year(1800))
            )
            parts = [
                f"{period_label(period, fmt) if period else fmt.pick('doorlopend', 'ongoing')}: "
                f"{fmt.quantity(units.Quantity(amount, unit))}"
                for period, amount in ordered
            ]
            lines.append((label(key, fmt), "; ".join(parts)))
        return lines


def _common_period(actions: Iterable[Any], fmt: Formatter) -> str:
    periods = {a.period for a in actions}
    if len(periods) == 1:
        (period,) = periods
        return fmt.period(period) if period is not None else ""
    return ""


def _ordered_statuses(assessment: Any) -> list[Any]:
    enum_class: Any = type(assessment.status)
    return [*enum_class]


def _bbv_row(assessment: Any, anchor: str, fmt: Formatter) -> BbvRow:
    from progmon import bbv

    indicator = assessment.indicator
    entry = bbv.get(indicator.bbv)
    latest = assessment.latest
    # The catalogue's name and unit where the indicator has them, in the review's language.
    name = indicator.name
    if name in (entry.name_nl, entry.name_en):
        name = entry.name(fmt.lang)
    unit = fmt.unit_name(indicator.unit)
    if fmt.lang == "nl" and indicator.unit == entry.to_unit():
        unit = entry.unit
    # The figures as a budget's table prints them: numbers in the unit of the column,
    # the row's with one number of decimals; a reference's of another period says so.
    compared = [c for c in getattr(assessment, "comparisons", ()) if c.figure is not None]
    magnitudes = [
        float(magnitude_in(m.value, indicator.unit))
        for m in (latest, *(c.figure for c in compared))
        if m is not None
    ]
    decimals = fmt.decimals(indicator.unit, *magnitudes)
    references = []
    for c in getattr(assessment, "comparisons", ()):
        if c.figure is None:
            shown = label("none", fmt)
        else:
            shown = fmt.number(float(magnitude_in(c.figure.value, indicator.unit)), decimals)
            if not c.same_period:
                shown += f" ({fmt.period(c.figure.period)})"
        references.append((c.reference.name, reference_name(c.reference, fmt), shown))
    value = label("none", fmt)
    if latest is not None:
        value = fmt.number(float(magnitude_in(latest.value, indicator.unit)), decimals)
        if latest.provisional:
            value += f" ({fmt.pick('voorlopig', 'provisional')})"
    return BbvRow(
        bbv=entry.id,
        anchor=anchor,
        name=name,
        unit=unit,
        period=label("none", fmt) if latest is None else fmt.period(latest.period),
        value=value,
        references=references,
        source=_source(latest, indicator),
    )


def _bbv_groups(found: list[tuple[Any, str]], fmt: Formatter) -> tuple[list[BbvGroup], list[str]]:
    """The BBV indicators by theme, in the catalogue's order; the references, as columns.

    A column per reference (by name), in the order they first appear; each row's
    ``figures`` are its reference figures in those columns ("—" for none).
    """
    from progmon import bbv

    order = {entry.id: number for number, entry in enumerate(bbv.catalogue())}
    rows = [
        _bbv_row(assessment, anchor, fmt)
        for assessment, anchor in sorted(found, key=lambda item: order[item[0].indicator.bbv])
    ]
    # A column per reference name, headed as the first row that says its kind names it.
    columns: dict[str, str] = {}
    for row in rows:
        for name, heading, _ in row.references:
            if columns.get(name, name) == name:
                columns[name] = heading
    groups: dict[str, list[BbvRow]] = {}
    for row in rows:
        given = {name: shown for name, _, shown in row.references}
        figures = [given.get(name, label("none", fmt)) for name in columns]
        groups.setdefault(bbv.get(row.bbv).theme, []).append(replace(row, figures=figures))
    return [
        BbvGroup(theme=bbv_theme(theme, fmt), rows=members) for theme, members in groups.items()
    ], list(columns.values())


def build(
    assessment: Any, fmt: Formatter, *, charts: bool, links: Mapping[str, str] | None = None
) -> Review:
    """The view of a ``ProgrammeAssessment`` in ``fmt``'s language.

    ``links`` maps indicator ids to the address of each indicator's own page
    (a site's); the tables then link the names to them.
    """
    programme = assessment.programme
    builder = _Builder(fmt, charts=charts, links=links)
    as_of = int(assessment.as_of)
    ambitions = []
    number = 1
    for a in assessment.ambition_assessments:
        ambitions.append(builder.ambition(a, number, as_of))
        number += len(a.goal_assessments)
    statuses = _ordered_statuses(assessment)
    counts = [
        (_badge(s, fmt), int(assessment.counts.get(s, 0)))
        for s in statuses
        if assessment.counts.get(s, 0)
    ]
    overview: list[tuple[int, str, str, Badge, str]] = []
    for ambition_view, a in zip(ambitions, assessment.ambition_assessments, strict=True):
        overview.append((0, ambition_view.title, "", ambition_view.badge, ""))
        for goal_view, g in zip(ambition_view.goals, a.goal_assessments, strict=True):
            judged = sum(int(n) for s, n in g.counts.items() if s.rank >= 0)
            total = sum(int(n) for n in g.counts.values())
            overview.append(
                (
                    1,
                    goal_view.title or goal_view.statement,
                    goal_view.deadline,
                    goal_view.badge,
                    fmt.pick(f"{judged} van {total} beoordeeld", f"{judged} of {total} judged"),
                )
            )
    bbv_groups, bbv_columns = _bbv_groups(builder.bbv, fmt)
    thresholds = dict(assessment.method.thresholds)
    meta = [
        x
        for x in (
            programme.organisation,
            f"{fmt.pick('programma', 'programme')} {programme.number}" if programme.number else "",
            f"{label('term', fmt)} {fmt.years(programme.period)}" if programme.period else "",
            f"{label('as_of', fmt)} {fmt.year(as_of)}",
            f"{label('method', fmt)}: {method_name(assessment.method, fmt)}",
        )
        if x
    ]
    return Review(
        lang=fmt.lang,
        title=programme.name,
        subtitle=programme.review or f"{label('review', fmt)} {fmt.year(as_of)}",
        meta=meta,
        summary=_paragraphs(programme.summary),
        badge=_badge(assessment.status, fmt),
        counts=counts,
        overview=overview,
        ambitions=ambitions,
        sections=[(s.title, list(s.paragraphs), list(s.bullets)) for s in programme.sections],
        method=method_name(assessment.method, fmt),
        method_explanation=method_explanation(assessment.method, fmt),
        thresholds=thresholds_text(thresholds, fmt) + _limit_note(assessment.method, fmt),
        rollup=label("rollup", fmt),
        legend=[_badge(s, fmt) for s in statuses],
        sources=sorted(builder.sources.values()),
        labels={key: label(key, fmt) for key in _LABEL_KEYS},
        bbv=bbv_groups,
        bbv_columns=bbv_columns,
        bbv_source=_bbv_source() if bbv_groups else "",
    )


def _bbv_source() -> str:
    from progmon import bbv

    source = bbv.CATALOGUE_SOURCE
    return f"{source}, {source.url}" if source.url else str(source)


_LABEL_KEYS = (
    "summary",
    "status_counts",
    "status",
    "count",
    "overview",
    "ambition",
    "goal",
    "deadline",
    "indicator",
    "baseline",
    "latest",
    "source",
    "target",
    "progress",
    "change",
    "trend",
    "reason",
    "q_achieve",
    "q_do",
    "q_cost",
    "context",
    "context_note",
    "results",
    "no_actions",
    "no_resources",
    "purpose",
    "period",
    "amount",
    "kind",
    "charts",
    "legend",
    "actions_period",
    "methodology",
    "thresholds",
    "made_with",
    "sections",
    "component_of",
    "indicators",
    "sources",
    "series",
    "notes",
    "note",
    "goal_status",
    "programme_status",
    "rollup",
    "comparisons",
    "reference",
    "reference_figure",
    "difference",
    "comparison",
    "comparison_note",
    "bbv",
    "bbv_note",
    "bbv_unit",
    "bbv_period",
    "bbv_value",
    "bbv_references",
    "bbv_source",
)
