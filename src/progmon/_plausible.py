"""Plausibility checks: figures and targets that are allowed, but probably not what was meant.

A valid programme can still hold a share typed as a fraction (0.288 for
28.8 %), a figure with a digit too many, figures of one series in different
units, or a target that the baseline meets already. None of these is an
error (each has a reading that is right), so none is refused when the
programme is made; :func:`plausibility` lists them, each an
:class:`Implausible` naming the element as an error would.

Each check is one small function, registered in ``CHECKS``, the list
that ``progmon check`` runs and the docs show. A check looks at one
indicator (and its components, each in turn) with what the programme as a
whole knows (a :class:`Context`): the figures as a figure file wrote them,
and the keys of the sources table.
"""

from __future__ import annotations

import difflib
import math
import re
import statistics
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs
import pint

from . import units
from ._formulas import met
from ._indicator import Indicator, Measurement, Source
from ._inert import inert
from ._period import Period
from ._targets import Kind
from .errors import _shown

if TYPE_CHECKING:
    from ._programme import Programme
    from .io import Figure

__all__ = ["CHECKS", "Check", "Context", "Implausible", "plausibility"]


@attrs.frozen
class Implausible:
    """One finding of a plausibility check: allowed, but probably not what was meant.

    ``element`` names the place as a :class:`~progmon.errors.ProgmonError`
    does (``"indicator 'x' 2019"``, with the file and line in front for a
    figure read from a figure file); ``code`` is the check's stable name
    (``"share-as-fraction"``); ``value`` the value that looks wrong, and
    ``suggestion`` what was probably meant, or None. ``indicator`` and
    ``period`` are the indicator's id and the figure's period (None: the
    indicator as a whole), as data.

    ``str()`` reads as an error does, on one line, every control character
    of a user's text shown as its escape.

    Example:
        >>> finding = Implausible("indicator 'x' 2019", "share-as-fraction",
        ...                       "looks like a fraction", 0.288, 28.8, "x")
        >>> str(finding)
        "indicator 'x' 2019: looks like a fraction (got 0.288); did you mean 28.8?"
    """

    element: str
    code: str
    message: str
    value: Any = None
    suggestion: Any = None
    indicator: str = ""
    period: Period | None = None

    def __str__(self) -> str:
        text = f"{self.element}: {self.message}" if self.element else self.message
        if self.value is not None:
            text = f"{text} (got {_value(self.value)})"
        if self.suggestion is not None:
            text = f"{text}; did you mean {_value(self.suggestion)}?"
        return inert(text, one_line=True)


def _value(value: object) -> str:
    # A number is shown as a file writes it (731, not 731.0); a text quoted, as in a file.
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _number(value)
    return _shown(value)


@attrs.frozen
class Context:
    """What the checks know beyond one indicator.

    ``figures`` are the figures of each indicator as a figure file wrote
    them (a :class:`~progmon.io.Figure` keeps the unit of its row; an
    indicator keeps only its own unit). ``source_keys`` are the keys of the
    programme file's sources table, which the programme itself does not
    keep; ``sources`` every source the programme cites.
    """

    figures: Mapping[str, tuple[Figure, ...]] = attrs.field(factory=dict)
    source_keys: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()


#: What a check is: for one indicator, with what the programme knows, its findings.
CheckFunction = Callable[[Indicator, Context], Iterable[Implausible]]


@attrs.frozen
class Check:
    """One plausibility check: its stable name, what it finds, and the function that finds it.

    Example:
        >>> [check.code for check in CHECKS][:2]
        ['share-as-fraction', 'jump']
    """

    code: str
    summary: str
    function: CheckFunction = attrs.field(repr=False)


# --------------------------------------------------------------------------- helpers


def _element(indicator: Indicator, period: Period | None = None, origin: str = "") -> str:
    where = f"indicator {indicator.id!r}"
    if period is not None:
        where = f"{where} {period.label}"
    return f"{origin}: {where}" if origin else where


def _number(value: float) -> str:
    # 12 significant digits: 0.288 * 100 is 28.799999999999997 in floats, 28.8 to a reader.
    if isinstance(value, int):
        return str(value)
    return f"{value:.12g}"


def _rounded(value: float) -> float:
    return float(f"{value:.12g}")


def _figures(indicator: Indicator) -> list[tuple[Measurement, float]]:
    """The figures with a value, in period order, with their magnitudes in the indicator's unit."""
    return [(m, m.value.magnitude) for m in indicator.measurements if m.value is not None]


def _finding(
    indicator: Indicator,
    code: str,
    message: str,
    *,
    period: Period | None = None,
    value: Any = None,
    suggestion: Any = None,
    origin: str = "",
) -> Implausible:
    return Implausible(
        _element(indicator, period, origin),
        code,
        message,
        value,
        suggestion,
        indicator.id,
        period,
    )


# --------------------------------------------------------------------------- share as fraction


def _fractions(indicator: Indicator) -> list[tuple[Measurement, float, float]]:
    """The figures of a share that look like fractions: each with its magnitude and scale.

    A figure below 1 (but above 0) in a unit whose whole is more than 1
    (100 %, 1000 ‰), where every other figure of the series lies above 1
    and nearer to the figure times the whole than to the figure itself
    (their median is more than sqrt(whole) times the figure): 0.288 among
    30s, not 0.5 among 2s (a share of 0.5 % beside 2 % is a share; 50 %
    would be further off). The test compares ratios only, so it does not
    change when the whole series is scaled, as long as no figure crosses 1.
    """
    scale = units.share_scale(indicator.unit)
    if scale is None or scale <= 1:
        return []
    figures = _figures(indicator)
    found = []
    for index, (measurement, value) in enumerate(figures):
        if not 0 < value < 1:
            continue
        others = [v for i, (_, v) in enumerate(figures) if i != index]
        if others and all(v > 1 for v in others):
            middle = statistics.median(others)
            if middle > value * math.sqrt(scale):
                found.append((measurement, value, scale))
    return found


def share_as_fraction(indicator: Indicator, context: Context) -> Iterator[Implausible]:
    """A share below 1 % among figures all above 1 %: a fraction typed for a percentage.

    Example:
        >>> from progmon import Measurement
        >>> share = Indicator(id="aandeel", name="Aandeel", unit="percent",
        ...                   measurements=Measurement.series({2018: 30.1, 2019: 0.288}))
        >>> print(*share_as_fraction(share, Context()))
        indicator 'aandeel' 2019: looks like a fraction typed for a percentage: every other figure of the series lies above 1 percent (got 0.288); did you mean 28.8?
    """  # noqa: E501  # a doctest line cannot be wrapped
    for measurement, value, scale in _fractions(indicator):
        yield _finding(
            indicator,
            "share-as-fraction",
            f"looks like a fraction typed for a percentage: every other figure of the series "
            f"lies above 1 {indicator.unit}",
            period=measurement.period,
            value=value,
            suggestion=_rounded(value * scale),
        )


# --------------------------------------------------------------------------- jump

#: A step of ten times or more, to nine digits: 9.99999999x (a rounding of 10x) counts.
_TENFOLD: Final = 1.0 - 1e-9


def _fold(earlier: float, later: float) -> float | None:
    """log10 of how many times larger the larger figure is, or None where a ratio says nothing.

    A figure of 0 has no ratio to another (0 -> 5 reports is a first
    report, not an infinite jump), and figures of opposite sign (a deficit
    turned surplus in EUR) have none either: both are left alone. Two
    negative figures compare by their size. Logarithms, not a division:
    whole numbers beyond a float are figures too.
    """
    if earlier == 0 or later == 0 or (earlier < 0) != (later < 0):
        return None
    return abs(math.log10(abs(later)) - math.log10(abs(earlier)))


def _times(fold: float) -> str:
    """``10**fold`` as a reader counts it: 12.3, 4500, or a power of ten beyond a float."""
    if fold >= 15:  # beyond a thousand billion times, digits say nothing
        return f"10^{fold:.0f}"
    value = 10**fold
    return f"{value:.3g}" if value < 1000 else f"{value:.0f}"


def jump(indicator: Indicator, context: Context) -> Iterator[Implausible]:
    """Two consecutive figures of a series, one ten times the other or more, either way.

    Missing figures are skipped (the step is from the figure before them),
    and so is a figure that ``share-as-fraction`` reports already: one
    warning for one typing error.

    Example:
        >>> from progmon import Measurement
        >>> reports = Indicator(id="meldingen", name="Meldingen", unit="report",
        ...                     measurements=Measurement.series({2018: 731, 2019: 7310}))
        >>> print(*jump(reports, Context()))
        indicator 'meldingen' 2019: is 10 times the figure of 2018 (731 report) (got 7310)
    """
    flagged = {id(measurement) for measurement, _, _ in _fractions(indicator)}
    previous: tuple[Measurement, float] | None = None
    for measurement, value in _figures(indicator):
        if id(measurement) in flagged:
            continue
        if previous is not None:
            before, earlier = previous
            fold = _fold(earlier, value)
            if fold is not None and fold >= _TENFOLD:
                times = _times(fold)
                relation = "times" if abs(value) > abs(earlier) else "times less than"
                yield _finding(
                    indicator,
                    "jump",
                    f"is {times} {relation} the figure of {before.period.label} "
                    f"({_number(earlier)} {indicator.unit})",
                    period=measurement.period,
                    value=value,
                )
        previous = (measurement, value)


# --------------------------------------------------------------------------- unit change


def _written_unit(figure: Figure, indicator: Indicator) -> Any:
    value = figure.measurement.value
    # A figure without a unit of its own is in the indicator's unit, as its file says.
    return value.units if isinstance(value, pint.Quantity) else indicator.unit


def unit_change(indicator: Indicator, context: Context) -> Iterator[Implausible]:
    """Figures of one series written in different units (per 10,000, then per 1,000).

    An indicator stores its figures in its own unit, converted when it is
    made, and keeps no record of the unit a figure was written in. A figure
    file does (:class:`~progmon.io.Figure`), so this check compares the
    units of the figures in ``context.figures``, in period order, with one
    another and with the figures of the programme file, which are written
    in the indicator's unit. Each figure whose unit differs from the one
    before it is reported: the conversion may be right, or the row's unit
    may name the unit of another table.

    Example:
        >>> from progmon import Measurement, units
        >>> from progmon.io import Figure
        >>> share = Indicator(id="aandeel", name="Aandeel", unit="percent",
        ...                   measurements=[Measurement(2018, 31.0)])
        >>> fraction = Figure("aandeel", Measurement(2019, units.Quantity(0.29, "dimensionless")),
        ...                   "cijfers.csv line 2")
        >>> print(*unit_change(share, Context(figures={"aandeel": (fraction,)})))
        cijfers.csv line 2: indicator 'aandeel' 2019: is given in dimensionless, the figure of 2018 in percent: progmon converted it to percent; check that the row names the unit of its table (got 'dimensionless')
    """  # noqa: E501  # a doctest line cannot be wrapped
    figures = context.figures.get(indicator.id, ())
    if not figures:
        return
    written: dict[Period, tuple[Any, str]] = {
        m.period: (indicator.unit, "") for m in indicator.measurements if m.value is not None
    }
    for figure in figures:
        if figure.measurement.value is None:
            continue
        written[figure.measurement.period] = (_written_unit(figure, indicator), figure.origin)
    previous: tuple[Period, Any] | None = None
    for period in sorted(written, key=lambda p: (p.start, p.end)):
        unit, origin = written[period]
        if previous is not None and unit != previous[1]:
            yield _finding(
                indicator,
                "unit-change",
                f"is given in {unit}, the figure of {previous[0].label} in {previous[1]}: "
                f"progmon converted it to {indicator.unit}; check that the row names the unit "
                "of its table",
                period=period,
                value=str(unit),
                origin=origin,
            )
        previous = (period, unit)


# --------------------------------------------------------------------------- references


def _reference_values(indicator: Indicator) -> list[float]:
    """The figures of the indicator's reference series, in its unit."""
    values = []
    for reference in getattr(indicator, "references", ()):
        for measurement in getattr(reference, "measurements", ()):
            value = getattr(measurement, "value", None)
            if isinstance(value, pint.Quantity):
                try:
                    value = value.m_as(indicator.unit)
                except pint.DimensionalityError:
                    continue  # a reference in a unit of its own compares with nothing here
            if isinstance(value, bool) or not isinstance(value, int | float):
                continue
            if math.isfinite(value):
                values.append(value)
    return values


def outside_references(indicator: Indicator, context: Context) -> Iterator[Implausible]:
    """A figure outside the range of its reference series' figures (the country, peers).

    The range is that of every figure of every reference series of the
    indicator (``Indicator.references``: a reference series each with its
    ``measurements``), all periods together; it takes two figures at least,
    since one figure is a point that every other municipality differs from.
    An indicator without references is not checked.

    Example:
        >>> from types import SimpleNamespace
        >>> from progmon import Measurement
        >>> rate = Indicator(id="x", name="X", unit="report",
        ...                  measurements=Measurement.series({2019: 480}))
        >>> peers = SimpleNamespace(measurements=Measurement.series({2018: 41, 2019: 52}))
        >>> with_peers = SimpleNamespace(id="x", measurements=rate.measurements, unit=rate.unit,
        ...                             references=(peers,))
        >>> print(*outside_references(with_peers, Context()))
        indicator 'x' 2019: lies outside the range of the reference figures, 41 to 52 report (got 480)
    """  # noqa: E501  # a doctest line cannot be wrapped
    references = _reference_values(indicator)
    if len(references) < 2:  # a range has two ends
        return
    low, high = min(references), max(references)
    for measurement, value in _figures(indicator):
        if value < low or value > high:
            yield _finding(
                indicator,
                "outside-references",
                f"lies outside the range of the reference figures, {_number(low)} to "
                f"{_number(high)} {indicator.unit}",
                period=measurement.period,
                value=value,
            )


# --------------------------------------------------------------------------- met at baseline


def met_at_baseline(indicator: Indicator, context: Context) -> Iterator[Implausible]:
    """A target to reach (a level, a change) that the baseline figure meets already.

    "Met" is what the assessment decides (the function ``met`` of
    ``_formulas``, the rule of the target's kind), asked of the baseline
    figure. Only targets of the kind *level* are reported: a level, a change
    or a relative change there is nothing left to do for is probably typed
    wrong, or is a norm. A norm (``at_least``, ``at_most``) that holds at
    the baseline is a norm to keep, and counts as achieved (not reported);
    ``maintain`` holds at the baseline by its meaning and ``improve`` never
    does. A level with a direction given by hand gets the norm it
    probably is as its suggestion.

    Example:
        >>> from progmon import Direction, Level, Measurement
        >>> mark = Indicator(id="cijfer", name="Cijfer", unit="mark", target=Level(7.5, by=2022),
        ...                  direction=Direction.INCREASE, measurements=[Measurement(2019, 7.8)])
        >>> print(*met_at_baseline(mark, Context()))
        indicator 'cijfer' 2019: the target level 7.5 is met by the baseline figure already: nothing is left to reach (got 7.8); did you mean 'at_least = 7.5'?
    """  # noqa: E501  # a doctest line cannot be wrapped
    target, base = indicator.target, indicator.baseline_measurement
    if target is None or target.kind is not Kind.LEVEL or base is None or base.value is None:
        return
    baseline = float(base.value.magnitude)
    required = target.required(baseline)
    sign = 0 if indicator.direction is None else indicator.direction.sign
    if not bool(met(int(target.kind), baseline, baseline, required, sign)):
        return
    suggestion = None
    if target.tag == "level" and indicator.direction is not None:
        norm = "at_least" if indicator.direction.sign > 0 else "at_most"
        suggestion = f"{norm} = {_number(_rounded(required))}"
    amount = "" if target.value is None else f" {_number(_magnitude(target.value))}"
    yield _finding(
        indicator,
        "met-at-baseline",
        f"the target {target.tag.replace('_', ' ')}{amount} is met by the baseline figure "
        "already: nothing is left to reach",
        period=base.period,
        value=base.value.magnitude,
        suggestion=suggestion,
    )


def _magnitude(value: Any) -> float:
    return float(value.magnitude if isinstance(value, pint.Quantity) else value)


# --------------------------------------------------------------------------- source keys

#: How close a citation must be to a key to be taken for it. The loader refuses a
#: citation from 0.8 on (``io._converter.misspelt_key``); below that it takes it as
#: a title, and this check asks.
_CLOSE: Final = 0.6
_KEY_LIKE: Final = re.compile(r"\S+")


def _bare(source: Source) -> bool:
    """Whether ``source`` is a title only: what a citation that matches no key becomes."""
    return not (source.publisher or source.year is not None or source.url or source.note)


def _candidates(context: Context) -> dict[str, tuple[str, Any]]:
    """What a key-like citation may have meant: folded -> (its title or key, the suggestion)."""
    # The key that a source's title makes, as progmon.io.dump writes keys (and as
    # most files name them): to compare with where the file's own keys are unknown.
    from .io._converter import _slug

    found: dict[str, tuple[str, Any]] = {}
    for source in context.sources:
        if not _bare(source) and (slug := _slug(source.title)):
            found.setdefault(slug, (source.title, source.title))
    for key in context.source_keys:
        found[key.casefold()] = (key, key)
    return found


def source_like_key(indicator: Indicator, context: Context) -> Iterator[Implausible]:
    """A source written like a key (no spaces) that matches no key, but is close to one.

    A citation that is not a key of the sources table is read as a source's
    title; one that is very close to a key is refused when the file is read.
    What is left looks like a key but is not near enough to be refused: it
    is compared with ``context.source_keys`` (the file's keys, where the
    caller knows them) and with the keys the titles of the programme's full
    sources make (``Politie jaarcijfers 2019``: ``politie-jaarcijfers-2019``).
    Each such citation is reported once per indicator, where it is first cited.

    Example:
        >>> from progmon import Measurement, Source
        >>> police = Source("Politie jaarcijfers 2019", publisher="Politie")
        >>> cited = Indicator(id="x", name="X", unit="report", measurements=[
        ...     Measurement(2018, 1032, source=police),
        ...     Measurement(2019, 973, source=Source("politie-jaarcijfers"))])
        >>> print(*source_like_key(cited, Context(sources=(police,))))
        indicator 'x' 2019: cites a source that looks like a key of the sources table but matches none, so it was read as a title (got 'politie-jaarcijfers'); did you mean 'Politie jaarcijfers 2019'?
    """  # noqa: E501  # a doctest line cannot be wrapped
    candidates = _candidates(context)
    if not candidates:
        return
    citing: list[tuple[Period | None, Source]] = []
    if indicator.source is not None:
        citing.append((None, indicator.source))
    citing += [(m.period, m.source) for m in indicator.measurements if m.source is not None]
    seen: set[str] = set()
    for period, source in citing:
        title = source.title
        if title in seen or not _bare(source) or not _KEY_LIKE.fullmatch(title):
            continue
        seen.add(title)
        folded = title.casefold()
        meant = [
            name
            for name in difflib.get_close_matches(folded, candidates, n=3, cutoff=_CLOSE)
            if candidates[name][0].casefold() != folded  # the same source, cited by title
        ]
        if meant:
            yield _finding(
                indicator,
                "source-like-key",
                "cites a source that looks like a key of the sources table but matches none, "
                "so it was read as a title",
                period=period,
                value=title,
                suggestion=candidates[meant[0]][1],
            )


# --------------------------------------------------------------------------- all checks

#: Every plausibility check, in the order its findings are listed for one figure.
CHECKS: Final[tuple[Check, ...]] = (
    Check(
        "share-as-fraction",
        "a share below 1 % among figures all above 1 %: a fraction typed for a percentage",
        share_as_fraction,
    ),
    Check(
        "jump",
        "a figure ten times the one before it or more, or a tenth of it or less",
        jump,
    ),
    Check(
        "unit-change",
        "figures of one series written in different units (in figure files)",
        unit_change,
    ),
    Check(
        "outside-references",
        "a figure outside the range of the indicator's reference figures",
        outside_references,
    ),
    Check(
        "met-at-baseline",
        "a level, change or relative change that the baseline figure meets already",
        met_at_baseline,
    ),
    Check(
        "source-like-key",
        "a source written like a key that matches none, but is close to one",
        source_like_key,
    ),
)


def _cited(indicators: Sequence[Indicator]) -> tuple[Source, ...]:
    sources = (
        source
        for indicator in indicators
        for source in (indicator.source, *(m.source for m in indicator.measurements))
        if source is not None
    )
    return tuple(dict.fromkeys(sources))


def _place(finding: Implausible) -> tuple[int, Any, Any]:
    # The indicator as a whole first, then its figures in period order.
    if finding.period is None:
        return (0, None, None)
    return (1, finding.period.start, finding.period.end)


def plausibility(
    programme: Programme,
    *,
    figures: Iterable[Figure] = (),
    source_keys: Iterable[str] = (),
    checks: Sequence[Check] = CHECKS,
) -> tuple[Implausible, ...]:
    """What in ``programme`` is allowed but probably wrong, in the order of the programme.

    ``figures`` are figures as read from figure files
    (:func:`~progmon.io.read_measurements`), added to the programme or not:
    only they say in which unit a figure was written. ``source_keys`` are
    the keys of the programme file's sources table. ``checks`` are the
    checks to run (default: every one, ``CHECKS``).

    The findings follow the indicators in the programme's order (each
    total before its components), the indicator as a whole before its
    figures, the figures in period order, and per figure the order of
    ``checks``. The same programme always gives the same findings.

    Example:
        >>> import progmon
        >>> almelo = progmon.load("examples/veiligheid.toml")
        >>> [finding.code for finding in plausibility(almelo)]
        []
    """
    indicators = [each for top in programme.indicators() for each in top.walk()]
    by_indicator: dict[str, list[Figure]] = {}
    for figure in figures:
        by_indicator.setdefault(figure.indicator, []).append(figure)
    context = Context(
        figures={key: tuple(value) for key, value in by_indicator.items()},
        source_keys=tuple(source_keys),
        sources=_cited(indicators),
    )
    found: list[Implausible] = []
    for indicator in indicators:
        own = [finding for check in checks for finding in check.function(indicator, context)]
        found += sorted(own, key=_place)  # stable: per figure, the order of the checks
    return tuple(found)
