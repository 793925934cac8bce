"""Tidy tables of a programme and of an assessment: the one place they are defined.

Three tables, each one kind of row with a fixed tuple of columns:

* :data:`FIGURE_COLUMNS`, :func:`figure_rows`: one row per measurement of
  every indicator of a programme (goal indicators, their components and the
  context indicators), a missing figure included;
* :data:`STATUS_COLUMNS`, :func:`status_rows`: one row per indicator
  assessment (components and context indicators included), with the numbers
  behind its status;
* :data:`ROLLUP_COLUMNS`, :func:`rollup_rows`: one row per goal, ambition and
  the programme, with the rolled-up status and the count of each status.

The roll-ups are a table of their own, not rows of the status table: a
spreadsheet that sums, filters or pivots the status table by goal would
count a goal's roll-up as one more indicator. The two join on ``goal`` (and
``ambition``), the figures and the status tables on ``indicator`` and
``baseline_period`` / ``latest_period`` against ``period``.

A cell is None, a ``bool``, an ``int``, a ``float``, a ``str`` or a
``datetime.date``, nothing else: figures and the numbers behind a status are
floats in the indicator's unit (the ``unit`` column), a slope per year, a
change of a share also in percentage points (``change_points``). A period is
written as programme files write it (``2019``, ``2019-12``, ``2018/2022``),
so that the tables join, with its own label and its first and last day
beside it. The names of the figures table's columns ``indicator``,
``period``, ``value``, ``unit``, ``source``, ``margin``, ``sample_size``,
``note`` and ``provisional`` are those of a figures file.

:func:`write_csv` writes any of them as CSV, :func:`to_frame` makes a pandas
DataFrame of them (the ``tables`` extra); ``progmon export`` writes the same
tables.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Final, Literal, TextIO, TypeAlias

from ._assess import (
    AmbitionAssessment,
    GoalAssessment,
    IndicatorAssessment,
    ProgrammeAssessment,
)
from ._indicator import Indicator, Measurement
from ._period import Period
from ._programme import Programme
from ._status import Status
from ._write import write_text
from .errors import ProgmonError, ValidationError

# The converter's own functions, so that a unit and a period read in a table as they
# read in a programme file, and follow it when that changes. They are private to
# progmon.io; progmon itself may use them.
from .io._converter import _period_code, _unstructure_unit, format_number

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FIGURE_COLUMNS",
    "ROLLUP_COLUMNS",
    "STATUS_COLUMNS",
    "TABLES",
    "Cell",
    "Row",
    "TablesExtraMissing",
    "csv_cell",
    "figure_rows",
    "rollup_rows",
    "status_rows",
    "to_frame",
    "write_csv",
]

Cell: TypeAlias = bool | int | float | str | date | None
"""What a cell of a table holds."""
Row: TypeAlias = dict[str, Cell]
"""The cells of one row of a table, by column name, in the order of the columns."""
Assessment: TypeAlias = (
    ProgrammeAssessment | AmbitionAssessment | GoalAssessment | IndicatorAssessment
)
TableName: TypeAlias = Literal["figures", "status", "rollup"]

_PLACE: Final = ("programme", "ambition", "goal", "indicator", "indicator_name", "component_of")

FIGURE_COLUMNS: Final = (
    *_PLACE,
    "kind",
    "region",
    "period",
    "period_label",
    "period_start",
    "period_end",
    "value",
    "unit",
    "margin",
    "sample_size",
    "source",
    "source_publisher",
    "note",
    "provisional",
    "baseline",
)
"""The columns of :func:`figure_rows`.

``programme`` is the programme's id, ``ambition`` the ambition's title,
``goal`` the goal's id (None for a context indicator of the ambition),
``indicator`` the indicator's id and ``indicator_name`` its name;
``component_of`` is the id of the total a component is part of (None for an
indicator that is no component). ``kind`` is ``effect``, ``output`` or
``context``. ``region`` is None for the programme's own figures and the name
of the reference (``Nederland``, a province, a size class) for a reference
figure, as the ``region`` column of a figure file says it. ``period`` is the
period as files write it, ``period_label`` as
the review shows it, ``period_start`` and ``period_end`` its first and last
day (dates). ``value`` and ``margin`` are floats in ``unit`` (None: missing),
``sample_size`` an int; ``source`` and ``source_publisher`` are the title and
publisher of the figure's source, or of the indicator's where the figure
cites none (as the review cites it). ``baseline`` says whether the figure is
the indicator's baseline (nulmeting).
"""

STATUS_COLUMNS: Final = (
    *_PLACE,
    "kind",
    "unit",
    "direction",
    "target",
    "status",
    "reason",
    "as_of",
    "method",
    "deadline",
    "baseline_period",
    "baseline_value",
    "latest_period",
    "latest_value",
    "target_value",
    "change",
    "change_points",
    "relative_change",
    "significant",
    "slope",
    "trend",
    "projection",
    "expected",
    "ratio",
    "progress",
    "expected_progress",
    "rate",
)
"""The columns of :func:`status_rows`.

The first seven as in :data:`FIGURE_COLUMNS`. ``direction`` is ``increase``,
``decrease`` or None; ``target`` the kind of target as files tag it
(``level``, ``at_least``, ``change``, ``improve``, ...) or None; ``status``
the status code (``on-track``, ``not-measured``, ...,
:class:`~progmon.Status`) and ``reason`` the code of its reason; ``as_of`` the
year of the assessment, ``method`` the method's name, ``deadline`` the year
the target is due. The periods are written as in files. ``baseline_value``,
``latest_value``, ``target_value``, ``change``, ``projection`` (at the
deadline) and ``expected`` (on the path, at ``as_of``) are floats in
``unit``, ``slope`` in ``unit`` per year; ``change_points`` is the change of
a share in percentage points, ``relative_change`` a fraction of the
baseline; ``significant`` whether the change is beyond chance, ``trend`` the
Mann-Kendall verdict; ``ratio`` the method's key number, ``progress`` and
``expected_progress`` the shares of the gap closed and that the path had
closed, ``rate`` the annual growth in the better direction.
"""

ROLLUP_COLUMNS: Final = (
    "programme",
    "level",
    "ambition",
    "goal",
    "name",
    "status",
    "as_of",
    "method",
    "deadline",
    "indicators",
    "n_achieved",
    "n_on_track",
    "n_at_risk",
    "n_off_track",
    "n_deteriorating",
    "n_not_measured",
    "n_insufficient_data",
    "n_no_target",
)
"""The columns of :func:`rollup_rows`.

``level`` is ``programme``, ``ambition`` or ``goal``; ``programme``,
``ambition`` and ``goal`` say where the whole is, ``name`` is the
programme's name, the ambition's title or the goal's statement.
``indicators`` counts the indicators rolled up (context indicators and
components are not), ``n_achieved`` ... ``n_no_target`` how many of them
have each :class:`~progmon.Status`.
"""

_COUNT_COLUMNS: Final = {status: f"n_{status.value.replace('-', '_')}" for status in Status}
# The column tuple is written out to be read; it must name every status, in order.
if tuple(_COUNT_COLUMNS.values()) != ROLLUP_COLUMNS[-len(Status) :]:  # pragma: no cover
    raise AssertionError("ROLLUP_COLUMNS does not list one count per Status")


# --------------------------------------------------------------------------- cells


def _float(quantity: Any) -> float | None:
    # Every quantity of an indicator and its assessment is in the indicator's unit
    # (a slope in it per year) already: the magnitude is the number in that unit.
    return None if quantity is None else float(quantity.magnitude)


def _period(period: Period | None) -> str | None:
    return None if period is None else str(_period_code(period))


def _place(
    programme: str | None,
    ambition: str | None,
    goal: str | None,
    indicator: Indicator,
    total: Indicator | None,
) -> Row:
    return {
        "programme": programme,
        "ambition": ambition,
        "goal": goal,
        "indicator": indicator.id,
        "indicator_name": indicator.name,
        "component_of": None if total is None else total.id,
        "kind": indicator.kind.value,
    }


# --------------------------------------------------------------------------- figures


def _placed_indicators(
    programme: Programme,
) -> Iterator[tuple[str | None, Indicator, Indicator | None, str]]:
    """Every indicator with its goal's id, its total and its ambition's title, in order."""

    def walk(
        indicator: Indicator, goal: str | None, total: Indicator | None, ambition: str
    ) -> Iterator[tuple[str | None, Indicator, Indicator | None, str]]:
        yield goal, indicator, total, ambition
        for component in indicator.components:
            yield from walk(component, goal, indicator, ambition)

    for ambition in programme.ambitions:
        for goal in ambition.goals:
            for indicator in goal.indicators:
                yield from walk(indicator, goal.id, None, ambition.title)
        for indicator in ambition.context:
            yield from walk(indicator, None, None, ambition.title)


def _figure_row(
    place: Row,
    indicator: Indicator,
    unit: str,
    measurement: Measurement,
    region: str | None = None,
) -> Row:
    period = measurement.period
    source = measurement.source if measurement.source is not None else indicator.source
    own = region is None
    return {
        **place,
        "region": region,
        "period": _period(period),
        "period_label": period.label,
        "period_start": period.start,
        "period_end": period.end,
        "value": _float(measurement.value),
        "unit": unit,
        "margin": _float(measurement.margin),
        "sample_size": measurement.sample_size,
        "source": None if source is None else source.title,
        "source_publisher": None if source is None or not source.publisher else source.publisher,
        "note": measurement.note or None,
        "provisional": measurement.provisional,
        "baseline": own
        and measurement.period == indicator.baseline
        and measurement.value is not None,
    }


def figure_rows(programme: Programme) -> list[Row]:
    """One row per measurement of every indicator of ``programme`` (:data:`FIGURE_COLUMNS`).

    Goal indicators come with their components after them, then each
    ambition's context indicators, each indicator's figures by period, then
    the figures of its references (``region`` their name), one after the
    other. A
    missing figure is a row with ``value`` None (and its note); an indicator
    without any measurement has no row here (it has one in
    :func:`status_rows`). An empty text is None.

    Raises:
        ValidationError: ``programme`` is not a :class:`~progmon.Programme`.

    Example:
        >>> import progmon
        >>> rows = figure_rows(progmon.load("examples/veiligheid.toml"))
        >>> first = rows[0]
        >>> first["indicator"], first["period"], first["value"], first["unit"], first["baseline"]
        ('woonoverlast', '2016', 1089.0, 'report', True)
        >>> [(r["period"], r["period_label"]) for r in rows if r["note"] == "peiljaar"]
        [('2015', '2015')]
        >>> [r["period_label"] for r in rows if r["indicator"] == "tevredenheid-handhaving"]
        ['2015', 'december 2019']
    """
    if not isinstance(programme, Programme):
        raise ValidationError(
            "takes a Programme", element="figure_rows", value=type(programme).__name__
        )
    rows: list[Row] = []
    for goal, indicator, total, ambition in _placed_indicators(programme):
        place = _place(programme.id, ambition, goal, indicator, total)
        unit = _unstructure_unit(indicator.unit)
        rows.extend(_figure_row(place, indicator, unit, m) for m in indicator.measurements)
        for reference in indicator.references:
            rows.extend(
                _figure_row(place, indicator, unit, m, reference.name)
                for m in reference.measurements
            )
    return rows


# --------------------------------------------------------------------------- statuses


_Placed: TypeAlias = tuple[
    str | None, str | None, str | None, IndicatorAssessment, Indicator | None
]
"""An indicator assessment's programme id, ambition title, goal id, itself and its total."""


def _walk(
    node: IndicatorAssessment, programme: str | None, ambition: str | None, goal: str | None
) -> Iterator[_Placed]:
    """``node``, then its components (and theirs), each with the total it is part of."""
    stack: list[tuple[IndicatorAssessment, Indicator | None]] = [(node, None)]
    while stack:
        current, total = stack.pop()
        yield programme, ambition, goal, current, total
        stack.extend((c, current.indicator) for c in reversed(current.components))


def _in_ambition(node: AmbitionAssessment, programme: str | None) -> Iterator[_Placed]:
    title = node.ambition.title
    for goal in node.goals():
        for top in goal.indicators():
            yield from _walk(top, programme, title, goal.goal.id)
    for top in node.context:
        yield from _walk(top, programme, title, None)


def _placed_assessments(x: Assessment) -> Iterator[_Placed]:
    """Every indicator assessment in ``x``, in the review's order, with where it stands."""
    if isinstance(x, ProgrammeAssessment):
        for ambition in x.ambitions():
            yield from _in_ambition(ambition, x.programme.id)
    elif isinstance(x, AmbitionAssessment):
        yield from _in_ambition(x, None)
    elif isinstance(x, GoalAssessment):
        for top in x.indicators():
            yield from _walk(top, None, None, x.goal.id)
    else:
        yield from _walk(x, None, None, None)


def _status_row(place: Row, a: IndicatorAssessment) -> Row:
    indicator = a.indicator
    baseline, latest = a.baseline, a.latest
    return {
        **place,
        "unit": _unstructure_unit(indicator.unit),
        "direction": None if indicator.direction is None else indicator.direction.value,
        "target": None if indicator.target is None else indicator.target.tag,
        "status": a.status.value,
        "reason": a.reason,
        "as_of": a.as_of,
        "method": a.method.name,
        "deadline": a.deadline,
        "baseline_period": None if baseline is None else _period(baseline.period),
        "baseline_value": None if baseline is None else _float(baseline.value),
        "latest_period": None if latest is None else _period(latest.period),
        "latest_value": None if latest is None else _float(latest.value),
        "target_value": _float(a.target_value),
        "change": _float(a.change),
        "change_points": a.change_points,
        "relative_change": a.relative_change,
        "significant": a.significant,
        "slope": _float(a.slope),
        "trend": a.trend,
        "projection": _float(a.projection),
        "expected": _float(a.expected),
        "ratio": a.ratio,
        "progress": a.progress,
        "expected_progress": a.expected_progress,
        "rate": a.rate,
    }


_ASSESSMENTS: Final = (ProgrammeAssessment, AmbitionAssessment, GoalAssessment, IndicatorAssessment)


def _check_assessment(x: object, *, element: str, what: str = "an assessment") -> Assessment:
    if not isinstance(x, _ASSESSMENTS):
        raise ValidationError(
            f"takes {what} (progmon.assess of a programme, ambition, goal or indicator)",
            element=element,
            value=type(x).__name__,
        )
    return x


def status_rows(assessment: Assessment) -> list[Row]:
    """One row per indicator assessment in ``assessment`` (:data:`STATUS_COLUMNS`).

    In the order of the review: per goal its indicators, each followed by
    its components, then the ambition's context indicators. Every indicator
    has its row, measured or not. Where the assessment does not know it (an
    ambition's or a goal's assessed alone), ``programme`` and ``ambition``
    are None.

    Raises:
        ValidationError: ``assessment`` is not an assessment.

    Example:
        >>> import progmon
        >>> result = progmon.assess(progmon.load("examples/veiligheid.toml"), as_of=2020)
        >>> row = next(r for r in status_rows(result) if r["indicator"] == "woonoverlast")
        >>> row["status"], row["baseline_value"], row["latest_value"], row["change"], row["unit"]
        ('achieved', 1089.0, 973.0, -116.0, 'report')
    """
    x = _check_assessment(assessment, element="status_rows")
    return [
        _status_row(_place(programme, ambition, goal, node.indicator, total), node)
        for programme, ambition, goal, node, total in _placed_assessments(x)
    ]


# --------------------------------------------------------------------------- roll-ups


def _rollup_row(
    level: str,
    node: ProgrammeAssessment | AmbitionAssessment | GoalAssessment,
    *,
    programme: str | None,
    ambition: str | None,
    goal: str | None,
    name: str,
    deadline: int | None,
) -> Row:
    counts: Mapping[Status, int] = node.counts
    return {
        "programme": programme,
        "level": level,
        "ambition": ambition,
        "goal": goal,
        "name": name,
        "status": node.status.value,
        "as_of": node.as_of,
        "method": node.method.name,
        "deadline": deadline,
        "indicators": sum(counts.values()),
        **{column: counts.get(status, 0) for status, column in _COUNT_COLUMNS.items()},
    }


def rollup_rows(assessment: Assessment) -> list[Row]:
    """One row per whole in ``assessment`` (:data:`ROLLUP_COLUMNS`), top down.

    The programme first, then each ambition followed by its goals. An
    indicator's assessment has no roll-up: no rows.

    Raises:
        ValidationError: ``assessment`` is not an assessment.

    Example:
        >>> import progmon
        >>> result = progmon.assess(progmon.load("examples/veiligheid.toml"), as_of=2020)
        >>> [(r["level"], r["status"], r["n_achieved"]) for r in rollup_rows(result)][:2]
        [('programme', 'on-track', 2), ('ambition', 'on-track', 2)]
    """
    x = _check_assessment(assessment, element="rollup_rows")
    rows: list[Row] = []

    def goals(node: GoalAssessment, programme: str | None, ambition: str | None) -> None:
        rows.append(
            _rollup_row(
                "goal",
                node,
                programme=programme,
                ambition=ambition,
                goal=node.goal.id,
                name=node.goal.statement,
                deadline=node.deadline,
            )
        )

    def ambitions(node: AmbitionAssessment, programme: str | None) -> None:
        title = node.ambition.title
        rows.append(
            _rollup_row(
                "ambition",
                node,
                programme=programme,
                ambition=title,
                goal=None,
                name=title,
                deadline=None,
            )
        )
        for goal in node.goals():
            goals(goal, programme, title)

    if isinstance(x, ProgrammeAssessment):
        ident = x.programme.id
        rows.append(
            _rollup_row(
                "programme",
                x,
                programme=ident,
                ambition=None,
                goal=None,
                name=x.programme.name,
                deadline=None,
            )
        )
        for ambition in x.ambitions():
            ambitions(ambition, ident)
    elif isinstance(x, AmbitionAssessment):
        ambitions(x, None)
    elif isinstance(x, GoalAssessment):
        goals(x, None, None)
    return rows


TABLES: Final[Mapping[str, tuple[str, ...]]] = {
    "figures": FIGURE_COLUMNS,
    "status": STATUS_COLUMNS,
    "rollup": ROLLUP_COLUMNS,
}
"""The columns of each table, by the table's name."""


# --------------------------------------------------------------------------- CSV

# OWASP, "CSV Injection": a spreadsheet takes a cell that starts with one of these
# for a formula (or, tab and carriage return, skips them and reads what follows).
_FORMULA_STARTS: Final = frozenset("=+-@\t\r")
# Some spreadsheets trim leading spaces on import, and then see the formula.
_AFTER_SPACE: Final = re.compile(r"\s*[=+\-@]")


def csv_cell(value: Cell) -> str:
    r"""The text of one cell in a CSV file, made inert for a spreadsheet.

    None is an empty cell, a bool ``true`` or ``false``, a date
    ``2019-12-31``, an int its digits, a float the shortest text that reads
    back as the same float (``731`` for 731.0, ``-116``, ``0.1``). Numbers are
    never changed, negative ones included: a spreadsheet reads ``-116`` as the
    number it is.

    A text that a spreadsheet would take for a formula gets an apostrophe in
    front, the OWASP recommendation against formula (CSV) injection: a text
    that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return,
    or with one of ``=+-@`` after white space. ``'=HYPERLINK(...)`` shows as
    the text it is; every other text is written as it is.

    Raises:
        ValidationError: ``value`` is not a cell (a list, a quantity, ...).

    Example:
        >>> csv_cell(-116.0), csv_cell(0.1), csv_cell(True), csv_cell(None)
        ('-116', '0.1', 'true', '')
        >>> csv_cell('=HYPERLINK("http://x")'), csv_cell(" -1+1"), csv_cell("nulmeting")
        ('\'=HYPERLINK("http://x")', "' -1+1", 'nulmeting')
    """
    if isinstance(value, str):
        formula = value[:1] in _FORMULA_STARTS or _AFTER_SPACE.match(value)
        return "'" + value if formula else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        # 731 rather than 731.0, as programme files write it; -0.0 keeps its sign.
        return repr(format_number(value))
    if isinstance(value, int | date):
        return str(value)  # a date's str is its ISO form
    raise ValidationError(
        "a table cell is None, a bool, a number, a text or a date",
        element="csv cell",
        value=value,
    )


def _csv_text(rows: Iterable[Mapping[str, Cell]], columns: Sequence[str]) -> str:
    if isinstance(columns, str) or not all(isinstance(c, str) for c in columns):
        raise ValidationError(
            "columns must be a sequence of column names", element="write_csv", value=columns
        )
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow([csv_cell(column) for column in columns])
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping):
            raise ValidationError(
                "a row is a mapping of column names to cells",
                element=f"write_csv row {number}",
                value=type(row).__name__,
            )
        try:
            writer.writerow([csv_cell(row[column]) for column in columns])
        except KeyError as e:
            raise ValidationError(
                "has no cell for a column", element=f"write_csv row {number}", value=e.args[0]
            ) from None
        except ValidationError as e:
            raise ValidationError(
                e.message, element=f"write_csv row {number}", value=e.value
            ) from None
    return stream.getvalue()


def write_csv(
    rows: Iterable[Mapping[str, Cell]],
    columns: Sequence[str],
    target: str | os.PathLike[str] | TextIO,
    *,
    inputs: Iterable[object] = (),
) -> None:
    r"""Write ``rows`` as CSV with the header ``columns``, every cell by :func:`csv_cell`.

    Comma-separated, decimal points, lines ended by CRLF (RFC 4180), a cell
    quoted where it must be. A file (``target`` a path) is written
    atomically, in UTF-8 with a byte order mark so that Excel reads the
    accents (``Almeloërs``); read it back with ``encoding="utf-8-sig"``. A
    stream (``target`` an open text file) gets the text without the mark.
    ``inputs`` are files that may not be written over (the programme file).

    Raises:
        ValidationError: a row lacks a column, or holds what is not a cell.
        ProgmonFileError: the file cannot be written, or is one of ``inputs``.

    Example:
        >>> import io, progmon
        >>> rows = figure_rows(progmon.load("examples/veiligheid.toml"))
        >>> out = io.StringIO()
        >>> write_csv(rows, FIGURE_COLUMNS, out)
        >>> out.getvalue().splitlines()[1][:60]
        'veiligheid,Samen maken we Almelo veiliger!,verward-gedrag,wo'
    """
    text = _csv_text(rows, columns)
    if isinstance(target, str | os.PathLike):
        write_text(target, "\ufeff" + text, element="CSV file", inputs=inputs)
        return
    if not callable(getattr(target, "write", None)):
        raise ValidationError(
            "takes a file name, a path or an open text file",
            element="write_csv",
            value=type(target).__name__,
        )
    target.write(text)


# --------------------------------------------------------------------------- pandas


class TablesExtraMissing(ProgmonError, ImportError):
    """DataFrames need pandas, the ``tables`` extra.

    It is an :class:`ImportError` too, so that code written for a missing
    module catches it.

    Example:
        >>> [issubclass(TablesExtraMissing, kind) for kind in (ProgmonError, ImportError)]
        [True, True]
    """


# How pandas holds each column: floats with NaN, nullable ints and booleans, dates
# as datetime64 in seconds (which reach from 1800 to 2200, as progmon's years do;
# nanoseconds stop at 2262 but start at 1677 only), codes as categories in their
# own order (the review's order of statuses), every other text as pandas' string.
_FLOAT: Final = "float64"
_DTYPES: Final[Mapping[str, str]] = {
    **dict.fromkeys(
        (
            "value",
            "margin",
            "baseline_value",
            "latest_value",
            "target_value",
            "change",
            "change_points",
            "relative_change",
            "slope",
            "projection",
            "expected",
            "ratio",
            "progress",
            "expected_progress",
            "rate",
        ),
        _FLOAT,
    ),
    **dict.fromkeys(
        ("sample_size", "as_of", "deadline", "indicators", *_COUNT_COLUMNS.values()), "Int64"
    ),
    **dict.fromkeys(("provisional", "baseline", "significant"), "boolean"),
    **dict.fromkeys(("period_start", "period_end"), "datetime64[s]"),
}
_CATEGORIES: Final[Mapping[str, tuple[str, ...]]] = {
    "status": tuple(status.value for status in Status),
    "kind": ("effect", "output", "context"),
    "level": ("programme", "ambition", "goal"),
    "direction": ("increase", "decrease"),
}


def _rows_of(x: object, table: TableName | None) -> tuple[list[Row], tuple[str, ...]]:
    if table is not None and table not in TABLES:
        raise ValidationError(
            f"table must be one of {', '.join(map(repr, TABLES))}", element="to_frame", value=table
        )
    if isinstance(x, Programme):
        if table not in {None, "figures"}:
            raise ValidationError(
                "a programme has the figures table; assess it for the status and rollup tables",
                element="to_frame",
                value=table,
            )
        return figure_rows(x), FIGURE_COLUMNS
    assessment = _check_assessment(x, element="to_frame", what="a Programme or an assessment")
    if table == "figures":
        programme = getattr(assessment, "programme", None)
        if not isinstance(programme, Programme):
            raise ValidationError(
                "only a programme's assessment has the figures table",
                element="to_frame",
                value=type(assessment).__name__,
            )
        return figure_rows(programme), FIGURE_COLUMNS
    if table == "rollup":
        return rollup_rows(assessment), ROLLUP_COLUMNS
    return status_rows(assessment), STATUS_COLUMNS


def to_frame(
    x: Programme | Assessment,
    table: TableName | None = None,
) -> pd.DataFrame:
    """A tidy pandas DataFrame of a programme's figures or an assessment's statuses.

    ``to_frame(programme)`` is the figures table (:func:`~progmon.tables.figure_rows`),
    ``to_frame(assessment)`` the status table (:func:`~progmon.tables.status_rows`);
    ``table="rollup"`` gives an assessment's roll-ups (:func:`~progmon.tables.rollup_rows`),
    ``table="figures"`` a programme assessment's figures. The columns are
    those of the rows, in their order, with these dtypes:

    * numbers in the indicator's unit, and fractions: ``float64``, NaN for none;
    * whole numbers (sample sizes, years, counts): ``Int64``, ``<NA>`` for none;
    * yes or no: ``boolean``; ``period_start`` and ``period_end``:
      ``datetime64[s]`` (a period need not be a year or a month, so no
      pandas ``Period``; ``period`` keeps it as files write it);
    * ``status``, ``kind``, ``level`` and ``direction``: categories, in
      progmon's order (statuses from ``achieved`` to ``no-target``);
    * every other text: ``string``, ``<NA>`` for none.

    Needs pandas, the ``tables`` extra.

    Raises:
        TablesExtraMissing: pandas is not installed.
        ValidationError: ``x`` is neither a programme nor an assessment, or
            ``table`` is not one of its tables.

    Example:
        >>> import progmon
        >>> almelo = progmon.load("examples/veiligheid.toml")
        >>> figures = to_frame(almelo)
        >>> reports = figures[figures["indicator"] == "woonoverlast"]
        >>> reports[["period", "value"]].to_numpy().tolist()
        [['2016', 1089.0], ['2017', 1089.0], ['2018', 1032.0], ['2019', 973.0]]
        >>> status = to_frame(progmon.assess(almelo, as_of=2020))
        >>> status.loc[status["status"] == "achieved", "indicator"].tolist()
        ['woonoverlast', 'tevredenheid-handhaving']
        >>> [str(status[c].dtype) for c in ("change", "status", "deadline")]
        ['float64', 'category', 'Int64']
        >>> str(figures["period_end"].dtype)
        'datetime64[s]'
    """
    try:
        import pandas as pd
    except ImportError as e:
        raise TablesExtraMissing(
            'DataFrames need pandas, the tables extra: pip install "progmon-nl[tables]"',
            element="to_frame",
        ) from e
    rows, columns = _rows_of(x, table)
    frame = pd.DataFrame.from_records(rows, columns=list(columns))
    for column in columns:
        if column in _CATEGORIES:
            dtype: Any = pd.CategoricalDtype(list(_CATEGORIES[column]))
        else:
            dtype = _DTYPES.get(column, "string")
        frame[column] = frame[column].astype(dtype)
    return frame
