"""Plausibility checks: each fires where it should and stays quiet on the near miss.

A check finds what is allowed but probably wrong: a share typed as a
fraction, a tenfold jump, a unit change in a figure file, a figure outside
its reference figures, a target met at the baseline, a source written like
a key that matches none. The Almelo example is clean, and stays clean but
for the one mistake each test puts in; the properties hold the checks to
what they promise under scaling, order and hostile text.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import assume, given, note
from hypothesis import strategies as st

import progmon
from progmon import (
    Ambition,
    AtLeast,
    AtMost,
    Change,
    Direction,
    Goal,
    Improve,
    Indicator,
    Level,
    Maintain,
    Measurement,
    Period,
    Programme,
    RelativeChange,
    Source,
    units,
)
from progmon._inert import inert
from progmon._plausible import CHECKS, Check, Context, Implausible, plausibility
from progmon.io import Figure, add_measurements, loads
from progmon.io._csv import read_measurements_text
from strategies import (
    HOSTILE_PIECES,
    hostile_texts,
    plausibility_series,
    programmes,
    series_without_tenfold_steps,
    shares_with_one_below_one,
)

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "veiligheid.toml"
Q = units.Quantity


def series(
    values: list[Any], *, unit: str = "percent", ident: str = "x", **fields: Any
) -> Indicator:
    """An indicator with ``values`` as the figures of 2014, 2015, ... (None: missing)."""
    figures = [Measurement(2014 + i, value) for i, value in enumerate(values)]
    return Indicator(id=ident, name="X", unit=unit, measurements=figures, **fields)


def programme(*indicators: Indicator) -> Programme:
    goal = Goal(id="g", statement="S", deadline=2030, indicators=list(indicators))
    return Programme(id="p", name="P", ambitions=[Ambition(title="A", goals=[goal])])


def found(subject: Programme | Indicator, **options: Any) -> list[tuple[str, str, str | None]]:
    """(code, indicator id, period label) of each finding, in order."""
    if isinstance(subject, Indicator):
        subject = programme(subject)
    return [
        (f.code, f.indicator, None if f.period is None else f.period.label)
        for f in plausibility(subject, **options)
    ]


def codes(subject: Programme | Indicator, **options: Any) -> list[str]:
    return [code for code, _, _ in found(subject, **options)]


# --------------------------------------------------------------------------- the list


def test_every_check_has_a_stable_kebab_case_code_and_one_place_in_the_list() -> None:
    assert [check.code for check in CHECKS] == [
        "share-as-fraction",
        "jump",
        "unit-change",
        "outside-references",
        "met-at-baseline",
        "source-like-key",
    ]
    for check in CHECKS:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", check.code)
        assert check.summary
        assert check.function.__doc__


def test_the_docs_list_every_check() -> None:
    page = (ROOT / "docs" / "howto" / "review.md").read_text(encoding="utf-8")
    section = page.split("## Plausibility checks", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| `([a-z-]+)` \|", section, flags=re.MULTILINE)
    assert listed == [check.code for check in CHECKS]
    assert "--strict" in section


def test_a_finding_reads_as_an_error_does() -> None:
    finding = plausibility(programme(series([30.1, 0.288])))[0]
    assert finding == Implausible(
        element="indicator 'x' 2015",
        code="share-as-fraction",
        message="looks like a fraction typed for a percentage: every other figure of the "
        "series lies above 1 percent",
        value=0.288,
        suggestion=28.8,
        indicator="x",
        period=Period.year(2015),
    )
    assert str(finding) == (
        "indicator 'x' 2015: looks like a fraction typed for a percentage: every other figure "
        "of the series lies above 1 percent (got 0.288); did you mean 28.8?"
    )


def test_a_selection_of_checks_runs_only_those() -> None:
    both = series([30.1, 0.288, 31.0], target=Level(31.0), direction=Direction.DECREASE)
    assert codes(both) == ["met-at-baseline", "share-as-fraction"]
    only = [check for check in CHECKS if check.code == "met-at-baseline"]
    assert codes(both, checks=only) == ["met-at-baseline"]

    def always(indicator: Indicator, context: Context) -> list[Implausible]:
        return [Implausible(f"indicator {indicator.id!r}", "mine", "mine", indicator=indicator.id)]

    assert codes(both, checks=[Check("mine", "every indicator", always)]) == ["mine"]


# --------------------------------------------------------------------------- share-as-fraction


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([30.1, 31.2, 0.288, 29.0], [("share-as-fraction", "x", "2016")]),
        ([30.1, 0.288], [("share-as-fraction", "x", "2015")]),
        ([0.288, 30.1], [("share-as-fraction", "x", "2014")]),
        ([30.1, None, 0.288], [("share-as-fraction", "x", "2016")]),
    ],
)
def test_a_fraction_among_percentages_is_found(values: list[Any], expected: list[Any]) -> None:
    assert found(series(values)) == expected


def test_the_suggestion_is_the_percentage_as_typed() -> None:
    finding = plausibility(programme(series([30.1, 31.2, 0.288])))[0]
    assert finding.value == 0.288
    assert finding.suggestion == 28.8  # not 28.799999999999997
    # per mille: the whole is 1000
    permille = plausibility(programme(series([288.0, 0.291], unit="permille")))[0]
    assert permille.suggestion == 291.0


@pytest.mark.parametrize(
    "values",
    [
        [0.5, 0.9, 0.5],  # 0.9 among 0.5s: small shares, not fractions
        [30.1, 0.0, 31.2],  # nothing: 0 % as a fraction is 0 % too
        [0.288],  # no other figure to compare with
        [2.0, 3.0, 0.5],  # 0.5 % beside 2 %: 50 % would be further off than 0.5 %
        [30.1, 1.0, 31.2],  # 1 % is no fraction below 1
        [30.1, 0.288, 0.291, 31.2],  # two below 1: not "all others above 1" (jump finds them)
    ],
)
def test_no_fraction_where_the_share_can_be_right(values: list[Any]) -> None:
    assert "share-as-fraction" not in codes(series(values))


def test_a_fraction_is_looked_for_only_in_a_unit_whose_whole_is_more_than_one() -> None:
    assert codes(series([0.3, 0.301, 0.0029], unit="dimensionless")) == ["jump"]
    assert codes(series([30.1, 31.2, 0.288], unit="report")) == ["jump"]


# --------------------------------------------------------------------------- jump


@pytest.mark.parametrize(
    ("values", "unit", "expected"),
    [
        ([731, 7310], "report", ["2015"]),  # exactly ten times
        ([7310, 731], "report", ["2015"]),  # a tenth, the other way
        ([731, 7400, 7450, 745], "report", ["2015", "2017"]),
        ([731, None, 9000], "report", ["2016"]),  # across a missing figure
        ([-50, -600], "EUR", ["2015"]),  # a deficit twelve times as deep
        ([1e-300, 1e300], "EUR", ["2015"]),  # no overflow
        ([2**60, 2**64 * 16], "incident", ["2015"]),  # whole numbers beyond a float
    ],
)
def test_a_tenfold_jump_is_found(values: list[Any], unit: str, expected: list[str]) -> None:
    assert found(series(values, unit=unit)) == [("jump", "x", label) for label in expected]


@pytest.mark.parametrize(
    ("values", "unit"),
    [
        ([731, 7237], "report"),  # 9.9 times
        ([7237, 731], "report"),
        ([0, 731], "report"),  # from nothing: no ratio
        ([731, 0, 7310], "report"),  # 731 -> 0 -> 7310: each step has a zero
        ([-50, 600], "EUR"),  # a deficit turned surplus: no ratio
        ([731, None], "report"),
    ],
)
def test_no_jump_below_tenfold_or_without_a_ratio(values: list[Any], unit: str) -> None:
    assert codes(series(values, unit=unit)) == []


def test_a_jump_says_how_far_and_from_what() -> None:
    up, down = plausibility(programme(series([731, 9013, 731], unit="report")))
    assert str(up) == "indicator 'x' 2015: is 12.3 times the figure of 2014 (731 report) (got 9013)"
    assert str(down) == (
        "indicator 'x' 2016: is 12.3 times less than the figure of 2015 (9013 report) (got 731)"
    )
    huge = plausibility(programme(series([1e-300, 1e300], unit="EUR")))[0]
    assert "is 10^600 times the figure of 2014" in str(huge)


def test_a_fraction_is_reported_once_not_as_a_jump_too() -> None:
    # 30.1 -> 0.288 -> 31.2 is two hundredfold steps; the one mistake is the fraction.
    assert found(series([30.1, 0.288, 31.2])) == [("share-as-fraction", "x", "2015")]
    assert found(series([30.1, 0.288, 0.291, 31.2])) == [
        ("jump", "x", "2015"),
        ("jump", "x", "2017"),
    ]


# --------------------------------------------------------------------------- unit-change


def test_a_unit_change_in_a_figure_file_is_found() -> None:
    share = series([31.0], ident="aandeel")
    text = "indicator,period,value,unit\naandeel,2015,0.29,dimensionless\naandeel,2016,28,percent\n"
    figures = read_measurements_text(text, origin="cijfers.csv")
    merged = add_measurements(programme(share), figures).programme
    stored = [m.value.magnitude for m in merged.indicator("aandeel").measurements]
    assert stored == pytest.approx([31, 29, 28])
    findings = plausibility(merged, figures=figures)
    assert [str(f) for f in findings] == [
        (
            "cijfers.csv line 2: indicator 'aandeel' 2015: is given in dimensionless, the figure of "
            "2014 in percent: progmon converted it to percent; check that the row names the unit of "
            "its table (got 'dimensionless')"
        ),
        (
            "cijfers.csv line 3: indicator 'aandeel' 2016: is given in percent, the figure of 2015 in "
            "dimensionless: progmon converted it to percent; check that the row names the unit of "
            "its table (got 'percent')"
        ),
    ]
    # The programme keeps no written units: without the figures there is nothing to see.
    assert codes(merged) == []


def test_a_rate_per_thousand_then_per_one_is_a_unit_change() -> None:
    rate = series([], unit="report / thousand_inhabitants", ident="r")
    text = (
        "indicator;period;value;unit\n"
        "r;2018;12,9;report / thousand_inhabitants\n"
        "r;2019;0,0141;report / inhabitant\n"
    )
    figures = read_measurements_text(text, origin="cijfers.csv")
    merged = add_measurements(programme(rate), figures).programme
    assert merged.indicator("r").latest.value.magnitude == pytest.approx(14.1)
    assert found(merged, figures=figures) == [("unit-change", "r", "2019")]
    assert (
        plausibility(merged, figures=figures)[0].element == "cijfers.csv line 3: indicator 'r' 2019"
    )


@pytest.mark.parametrize(
    "rows",
    [
        "aandeel,2015,29,percent\naandeel,2016,28,percent\n",  # the indicator's unit
        "aandeel,2015,29,\naandeel,2016,28,\n",  # no unit: the indicator's
        "aandeel,2015,.,dimensionless\n",  # a missing figure has no unit to change
        "ander,2015,0.29,dimensionless\n",  # another indicator's figure
    ],
)
def test_no_unit_change_where_the_units_agree(rows: str) -> None:
    share = series([31.0], ident="aandeel")
    figures = read_measurements_text("indicator,period,value,unit\n" + rows, origin="c.csv")
    assert codes(programme(share), figures=figures) == []


def test_the_figures_of_a_whole_file_in_one_other_unit_are_no_change() -> None:
    share = Indicator(id="aandeel", name="A", unit="percent")
    figures = [
        Figure("aandeel", Measurement(year, Q(value, "dimensionless")), f"c.csv line {i}")
        for i, (year, value) in enumerate([(2018, 0.31), (2019, 0.29)], start=2)
    ]
    assert codes(programme(share), figures=figures) == []


# --------------------------------------------------------------------------- outside-references


def with_references(indicator: Indicator, *references: list[Any]) -> SimpleNamespace:
    """A stand-in for an indicator with reference series (issue 13: Indicator.references)."""
    return SimpleNamespace(
        id=indicator.id,
        unit=indicator.unit,
        measurements=indicator.measurements,
        references=tuple(
            SimpleNamespace(measurements=[Measurement(2014 + i, v) for i, v in enumerate(values)])
            for values in references
        ),
    )


def check_of(code: str) -> Check:
    return next(check for check in CHECKS if check.code == code)


def run(code: str, indicator: Any) -> list[Implausible]:
    return list(check_of(code).function(indicator, Context()))


def test_a_figure_outside_its_references_is_found() -> None:
    rate = series([48.0, 480.0, 51.0], unit="report")
    stand_in = with_references(rate, [41.0, 44.0, 47.0], [52.0, None, Q(0.055, "kiloreport")])
    [finding] = run("outside-references", stand_in)
    assert str(finding) == (
        "indicator 'x' 2015: lies outside the range of the reference figures, 41 to 55 report "
        "(got 480)"
    )
    below = with_references(series([3.0], unit="report"), [41.0, 55.0])
    assert [f.period.label for f in run("outside-references", below)] == ["2014"]


@pytest.mark.parametrize(
    "references",
    [
        ([41.0, 55.0],),  # within
        ([41.0], [55.0]),  # within, one figure a series
        ([60.0],),  # one figure is a point, not a range
        ([None, None],),
        ([Q(3, "inhabitant"), Q(9, "inhabitant")],),  # another dimension compares with nothing
        (),
    ],
)
def test_no_finding_inside_the_references_or_without_a_range(references: tuple[Any, ...]) -> None:
    rate = series([41.0, 48.0, 55.0], unit="report")
    assert run("outside-references", with_references(rate, *references)) == []


def test_an_indicator_without_references_is_not_checked_for_them() -> None:
    assert series([1.0]).references == ()
    assert run("outside-references", series([1.0, 1000.0], unit="report")) == []


# --------------------------------------------------------------------------- met-at-baseline


def test_a_level_the_baseline_meets_is_found_and_the_norm_suggested() -> None:
    mark = series([7.8, 7.6], unit="mark", target=Level(7.5, by=2022), direction=Direction.INCREASE)
    [finding] = plausibility(programme(mark))
    assert finding.code == "met-at-baseline"
    assert str(finding) == (
        "indicator 'x' 2014: the target level 7.5 is met by the baseline figure already: "
        "nothing is left to reach (got 7.8); did you mean 'at_least = 7.5'?"
    )
    # test_targets' level below a ceiling: a norm written as a level
    ceiling = series(
        [7.06, 7.0], unit="count", target=Level(70, by=2030), direction=Direction.DECREASE
    )
    [finding] = plausibility(programme(ceiling))
    assert finding.suggestion is not None
    assert str(finding).endswith("did you mean 'at_most = 70'?")


def test_a_change_of_nothing_is_met_at_the_baseline() -> None:
    unchanged = series([5.0], unit="report", target=Change(0), direction=Direction.DECREASE)
    [finding] = plausibility(programme(unchanged))
    assert (finding.code, finding.value, finding.suggestion) == ("met-at-baseline", 5.0, None)
    assert str(finding) == (
        "indicator 'x' 2014: the target change 0 is met by the baseline figure already: "
        "nothing is left to reach (got 5)"
    )


def test_a_relative_change_of_a_deficit_is_not_met_at_the_baseline() -> None:
    # 10 % less of a deficit of 100 is -90: the target asks to rise, and -100 does not meet it.
    deficit = series([-100.0], unit="EUR", target=RelativeChange(-0.1))
    assert deficit.direction is Direction.INCREASE
    assert codes(deficit) == []


@pytest.mark.parametrize(
    "indicator",
    [
        # The norms of test_targets' MET_AT_THE_BASELINE: a norm to keep, achieved, not odd.
        series([7.8], unit="mark", target=AtLeast(7.5, by=2022)),
        series([7.9, 7.8], unit="mark", target=AtLeast(7.7, by=2022)),
        series([7.06, 7.0], unit="count", target=AtMost(70, by=2030)),
        series([7.8], unit="mark", target=Maintain(), direction=Direction.INCREASE),
        series([7.8, 9.0], unit="mark", target=Improve(), direction=Direction.INCREASE),
        series([7.8, 7.4], unit="mark", target=Level(7.5)),  # a level to fall to
        series([91.0], target=Change(5.0)),
        series([], unit="mark", target=Level(7.5), direction=Direction.INCREASE),
        series([None], unit="mark", target=Level(7.5), direction=Direction.INCREASE),
        series([7.8], unit="mark", target=Level(7.9), direction=Direction.INCREASE),
    ],
)
def test_no_finding_for_a_target_the_baseline_does_not_meet_or_a_norm(indicator: Indicator) -> None:
    assert codes(indicator) == []


def test_met_is_decided_where_the_assessment_decides_it() -> None:
    # The check and the assessment agree: what the check calls met at the baseline, the
    # assessment of the baseline figure alone calls achieved.
    mark = series([7.8], unit="mark", target=Level(7.5, by=2022), direction=Direction.INCREASE)
    assert progmon.assess(mark).status is progmon.Status.ACHIEVED
    assert codes(mark) == ["met-at-baseline"]
    above = series([7.4], unit="mark", target=Level(7.5, by=2022), direction=Direction.INCREASE)
    assert progmon.assess(above).status is not progmon.Status.ACHIEVED
    assert codes(above) == []


# --------------------------------------------------------------------------- source-like-key


POLICE = Source("Politie jaarcijfers 2019", publisher="Politie", year=2019)


def cited(*sources: Source) -> Indicator:
    figures = [Measurement(2014 + i, 100 + i, source=s) for i, s in enumerate(sources)]
    return Indicator(id="x", name="X", unit="report", measurements=figures)


def test_a_citation_like_a_key_close_to_a_source_is_found() -> None:
    findings = plausibility(programme(cited(POLICE, Source("politie-2019"))))
    assert [str(f) for f in findings] == [
        (
            "indicator 'x' 2015: cites a source that looks like a key of the sources table but "
            "matches none, so it was read as a title (got 'politie-2019'); did you mean "
            "'Politie jaarcijfers 2019'?"
        )
    ]


def test_the_keys_of_the_file_are_suggested_where_they_are_known() -> None:
    indicator = cited(POLICE, Source("politie2019"))
    [finding] = plausibility(programme(indicator), source_keys=["politie-jaarcijfers-2019", "cbs"])
    assert finding.suggestion == "politie-jaarcijfers-2019"
    # a key alone, no full source cited anywhere
    [finding] = plausibility(programme(cited(Source("politie2019"))), source_keys=["politie_2019"])
    assert (finding.period, finding.suggestion) == (Period.year(2014), "politie_2019")


def test_a_key_like_citation_is_reported_once_per_indicator() -> None:
    key_like = Source("politie-2019")
    indicator = cited(POLICE, key_like, key_like, key_like).evolve(source=key_like)
    assert found(indicator) == [("source-like-key", "x", None)]


@pytest.mark.parametrize(
    "source",
    [
        Source("Politie 2019"),  # a title with a space is a title
        Source("Politie-jaarcijfers-2019", publisher="Politie"),  # a full source, not a key
        Source("politie"),  # not close enough to anything
        Source("CBS"),
    ],
)
def test_no_finding_for_a_title(source: Source) -> None:
    assert codes(cited(POLICE, source)) == []


def test_the_same_source_cited_by_its_title_is_no_misspelt_key() -> None:
    full = Source("Burgerpanel", publisher="Kennispunt Twente")
    assert codes(cited(full, Source("Burgerpanel"), Source("burgerpanel"))) == []


def test_a_misspelt_key_in_the_example_file_is_found() -> None:
    # "politie-2019" is too far from the key to be refused when the file is read: it is
    # taken as a title, and the check asks.
    text = EXAMPLE.read_text(encoding="utf-8")
    cite = '{ period = 2019, value = 973, source = "politie-jaarcijfers-2019" }'
    assert text.count(cite) == 1
    read = loads(
        text.replace(cite, cite.replace("politie-jaarcijfers-2019", "politie-2019")), "toml"
    )
    assert str(read.indicator("woonoverlast").measurement(2019).source) == "politie-2019"
    assert [str(f) for f in plausibility(read)] == [
        (
            "indicator 'woonoverlast' 2019: cites a source that looks like a key of the sources "
            "table but matches none, so it was read as a title (got 'politie-2019'); did you mean "
            "'Politie jaarcijfers 2019'?"
        )
    ]


# --------------------------------------------------------------------------- the example


def test_the_almelo_example_is_plausible() -> None:
    # Looked at, figure by figure: the steps are at most 1.5x (sociale overlast 18.3 ->
    # 12.9), no share lies below 1 %, the only level (32 initiatives) has no figure yet
    # and the change (+5 points from 91 %) is not met, and every source is a key.
    assert plausibility(progmon.load(EXAMPLE)) == ()


def test_the_almelo_example_with_a_year_from_a_figure_file() -> None:
    # Three mistakes and a near miss: 34.1 % typed as 0,341; 234 reports become 2340 (a
    # digit too many); 89 % given as a fraction, in dimensionless (converted right, but
    # asked); 115 -> 1138 is 9.9 times, no jump.
    almelo = progmon.load(EXAMPLE)
    text = (
        "indicator;period;value;unit\n"
        "tevredenheid-handhaving;2020;0,341;percent\n"
        "woonoverlast-burengerucht;2020;2340;report\n"
        "woonoverlast-huiselijke-twist;2020;1138;report\n"
        "veilig-in-eigen-buurt;2020;0,89;dimensionless\n"
    )
    figures = read_measurements_text(text, origin="cijfers-2020.csv")
    merged = add_measurements(almelo, figures).programme
    assert [str(f) for f in plausibility(merged, figures=figures)] == [
        (
            "indicator 'woonoverlast-burengerucht' 2020: is 10 times the figure of 2019 "
            "(234 report) (got 2340)"
        ),
        (
            "indicator 'tevredenheid-handhaving' 2020: looks like a fraction typed for a percentage: "
            "every other figure of the series lies above 1 percent (got 0.341); did you mean 34.1?"
        ),
        (
            "cijfers-2020.csv line 5: indicator 'veilig-in-eigen-buurt' 2020: is given in "
            "dimensionless, the figure of 2019 in percent: progmon converted it to percent; check "
            "that the row names the unit of its table (got 'dimensionless')"
        ),
    ]


# --------------------------------------------------------------------------- order


def test_findings_follow_the_programme_then_the_periods_then_the_checks() -> None:
    first = series([30.1, 0.288, 31.0], ident="a", target=Level(31.0), direction=Direction.DECREASE)
    part = series([5.0, 50.0], unit="report", ident="b-part")
    total = series([5.0, 60.0], unit="report", ident="b", components=[part])
    context = series([1.0, 10.0], unit="report", ident="c", kind=progmon.IndicatorKind.CONTEXT)
    goal = Goal(id="g", statement="S", deadline=2030, indicators=[first, total])
    whole = Programme(
        id="p", name="P", ambitions=[Ambition(title="A", goals=[goal], context=[context])]
    )
    assert found(whole) == [
        ("met-at-baseline", "a", "2014"),
        ("share-as-fraction", "a", "2015"),
        ("jump", "b", "2015"),
        ("jump", "b-part", "2015"),
        ("jump", "c", "2015"),
    ]


# --------------------------------------------------------------------------- properties


def _indicator(unit: str, values: list[float | None]) -> Indicator:
    return series(values, unit=unit)


def _close_to_tenfold(values: list[float]) -> bool:
    """Whether a step or a median ratio lies within rounding of the checks' edges (10x, 1)."""
    present = [v for v in values if v != 0]
    for a in present:
        for b in present:
            ratio = abs(b / a)
            if math.isclose(ratio, 10.0, rel_tol=1e-6) or math.isclose(ratio, 0.1, rel_tol=1e-6):
                return True
    return False


@given(plausibility_series(min_size=1), st.sampled_from([1e-3, 0.5, 3.0, 7.0, 1e3, -1.0, -8.0]))
def test_scaling_a_series_never_changes_its_jumps(
    drawn: tuple[str, list[float | None]], factor: float
) -> None:
    # Except: a unit without negative figures takes no negative factor, a share may not
    # leave 0-100 % nor move a figure across 1 (share-as-fraction, and so the figures
    # jump compares, depend on that side), and a step at 10x to rounding may flip.
    unit, values = drawn
    present = [v for v in values if v is not None]
    scaled = [None if v is None else v * factor for v in values]
    kept = [v for v in scaled if v is not None]
    assume(unit == "EUR" or factor > 0)
    assume(unit != "percent" or all(0 <= v <= 100 for v in kept))
    assume(unit != "percent" or all((v < 1) == (w < 1) for v, w in zip(present, kept, strict=True)))
    assume(unit != "percent" or all((v > 1) == (w > 1) for v, w in zip(present, kept, strict=True)))
    assume(not _close_to_tenfold(present))
    assume(all(v == 0 or (math.isfinite(v) and abs(v) > 1e-300) for v in kept))
    before = found(_indicator(unit, values))
    after = found(_indicator(unit, scaled))
    note(f"{before} -> {after}")
    wanted = {"jump", "share-as-fraction"}
    assert [f for f in before if f[0] in wanted] == [f for f in after if f[0] in wanted]


@given(series_without_tenfold_steps())
def test_a_series_without_a_tenfold_step_never_jumps(drawn: tuple[str, list[float | None]]) -> None:
    unit, values = drawn
    assert "jump" not in codes(_indicator(unit, values))


@given(plausibility_series("report", min_size=2))
def test_a_jump_is_a_tenfold_step_between_figures_with_a_ratio(
    drawn: tuple[str, list[float | None]],
) -> None:
    # The rule, written out: between each figure and the one before it with a value,
    # both not zero, one at least ten times the other.
    unit, values = drawn
    present = [(2014 + i, v) for i, v in enumerate(values) if v is not None]
    assume(not _close_to_tenfold([v for _, v in present]))
    expected = [
        ("jump", "x", str(year))
        for (_, a), (year, b) in itertools.pairwise(present)
        if a != 0 and b != 0 and max(a, b) / min(a, b) >= 10
    ]
    assert [f for f in found(_indicator(unit, values)) if f[0] == "jump"] == expected


@given(programmes())
def test_the_findings_are_deterministic_ordered_and_inert(p: Programme) -> None:
    findings = plausibility(p)
    assert plausibility(p) == findings
    order = [each.id for top in p.indicators() for each in top.walk()]
    places = [
        (
            order.index(f.indicator),
            (0, None) if f.period is None else (1, (f.period.start, f.period.end)),
        )
        for f in findings
    ]
    assert [place[0] for place in places] == sorted(place[0] for place in places)
    for (i, a), (j, b) in itertools.pairwise(places):
        if i == j and a[0] == b[0] == 1:
            assert a[1] <= b[1]
    for finding in findings:
        assert finding.code in {check.code for check in CHECKS}
        text = str(finding)
        assert "\n" not in text
        assert inert(text, one_line=True) == text


@given(hostile_texts, st.sampled_from(HOSTILE_PIECES))
def test_hostile_texts_come_through_as_data(label: str, piece: str) -> None:
    # A period's label and a source's title are the user's own texts: kept as they are in
    # the finding's data, shown with every control character escaped, on one line.
    figures = [
        Measurement(Period.year(2018, label=label or None), 5, source=POLICE),
        Measurement(Period.year(2019), 5000, source=Source("politie-2019" + piece.strip())),
    ]
    indicator = Indicator(id="x", name="X", unit="report", measurements=figures)
    findings = plausibility(programme(indicator))
    assert findings[0].code == "jump"
    assert f"the figure of {label}" in findings[0].message or not label
    for finding in findings:
        text = str(finding)
        assert "\n" not in text
        assert "\r" not in text
        assert inert(text, one_line=True) == text
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]", text)
    keys = [f for f in findings if f.code == "source-like-key"]
    for finding in keys:
        assert finding.value == "politie-2019" + piece.strip()


@given(shares_with_one_below_one(), st.sampled_from([0.2, 0.5, 0.9, 1.0, 1.1, 2.0, 5.0]))
def test_a_share_below_one_is_a_fraction_where_the_others_lie_nearer_its_hundredfold(
    values: list[float | None], factor: float
) -> None:
    # The rule, written out, and the same result for the series scaled as a whole, except
    # where the scaling moves a figure across 1, or beyond 100 %, or puts the median of
    # the others at 10 times the figure, to rounding.
    present = [v for v in values if v is not None]
    below = next(v for v in present if v < 1)
    others = sorted(v for v in present if v >= 1)
    middle = statistics.median(others) if others else math.nan
    assume(not math.isclose(middle, 10 * below, rel_tol=1e-9))
    expected = ["share-as-fraction"] if others and middle > 10 * below else []
    assert [c for c in codes(series(values)) if c == "share-as-fraction"] == expected
    scaled = [None if v is None else v * factor for v in values]
    kept = [v for v in scaled if v is not None]
    assume(all(0 < v <= 100 for v in kept))
    assume(
        all((v < 1) == (w < 1) and (v > 1) == (w > 1) for v, w in zip(present, kept, strict=True))
    )
    before = [f for f in found(series(values)) if f[0] in {"jump", "share-as-fraction"}]
    after = [f for f in found(series(scaled)) if f[0] in {"jump", "share-as-fraction"}]
    assume(not _close_to_tenfold(present))
    assert before == after
