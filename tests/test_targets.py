"""Targets as councils set them: norms, levels with a direction, milestones, progress.

Every expected value here comes from outside progmon: a figure of a Dutch
municipal budget (Meierijstad's "rapportcijfer minimaal 7,5"), arithmetic
written out in the test, or a formula transcribed from its source (the UNSD
progress chart's compound projection, Eurostat's growth ratio).
"""

from __future__ import annotations

import math
import re
import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given, note

import progmon
from progmon import (
    Ambition,
    AtLeast,
    AtMost,
    Change,
    Direction,
    Goal,
    Indicator,
    Level,
    Measurement,
    Programme,
)
from progmon.assessment import Status, assess, assess_panel
from progmon.errors import AmbiguityError, DuplicateError, ValidationError
from progmon.report import render
from strategies import (
    holding_norms,
    method_names,
    shifts_for_the_better,
    target_cases,
)

# --------------------------------------------------------------------------- helpers


def indicator(figures, target, *, ident="x", name="X", unit="mark", **fields):
    return Indicator(
        id=ident,
        name=name,
        unit=unit,
        measurements=Measurement.series(figures),
        target=target,
        **fields,
    )


def programme(*indicators, deadline=2022):
    goal = Goal(
        id="veilig",
        statement="Inwoners voelen zich veilig",
        deadline=deadline,
        indicators=indicators,
    )
    return Programme(
        id="meierijstad",
        name="Programmabegroting Meierijstad",
        ambitions=[Ambition(title="Veiligheid", goals=[goal])],
    )


PROGRAMME_HEAD = """\
format = 1
id = "meierijstad"
name = "Programmabegroting Meierijstad"

[[ambitions]]
title = "Veiligheid"

[[ambitions.goals]]
id = "veilig"
statement = "Inwoners voelen zich veilig"
deadline = 2022
"""


def toml_indicator(ident, name, figures, *, target, unit="mark", extra=""):
    """One indicator as a programme file writes it, figures as inline tables."""
    rows = ", ".join(f"{{ period = {year}, value = {value} }}" for year, value in figures.items())
    return (
        "\n[[ambitions.goals.indicators]]\n"
        f'id = "{ident}"\nname = "{name}"\nunit = "{unit}"\n'
        f"target = {target}\n"
        f"measurements = [{rows}]\n{extra}"
    )


def loaded(*tables):
    return progmon.io.loads(PROGRAMME_HEAD + "".join(tables))


def node(result, ident):
    return next(a for a in result.indicators() if a.indicator.id == ident)


def sentence(review, name):
    """The review's sentence on indicator ``name`` (the line '- **name** — badge: ...')."""
    lines = [line for line in review.splitlines() if line.startswith(f"- **{name}** — ")]
    assert len(lines) == 1, lines
    return lines[0]


def table_row(review, name):
    """The row of indicator ``name`` in its goal's table (the first table that names it)."""
    return next(line for line in review.splitlines() if line.startswith(f"| {name} |"))


def chart(html, caption):
    """The SVG chart whose accessible name is ``caption``, or None."""
    found = re.findall(
        rf'<svg class="chart" role="img" aria-label="{caption}".*?</svg>', html, re.DOTALL
    )
    assert len(found) <= 1
    return found[0] if found else None


def svg_texts(svg):
    return [text.strip() for text in re.findall(r">([^<>]+)<", svg) if text.strip()]


def dutch(value, decimals):
    """A number as a Dutch text writes it: a decimal comma."""
    return f"{value:.{decimals}f}".replace(".", ",")


def compound_projection(t_base, y_base, t_latest, y_latest, t_deadline):
    """UNSD progress chart: y_b (1 + CAGR)^(T - t_b), CAGR from baseline to latest."""
    cagr = (y_latest / y_base) ** (1 / (t_latest - t_base)) - 1
    return y_base * (1 + cagr) ** (t_deadline - t_base)


def growth_ratio(  # noqa: PLR0917  # the symbols of the definition, in its order
    t_base, y_base, t_latest, y_latest, target, t_deadline, direction
):
    """Eurostat / sdg-build: direction * CAGR_actual / |CAGR_required|."""
    actual = (y_latest / y_base) ** (1 / (t_latest - t_base)) - 1
    required = (target / y_base) ** (1 / (t_deadline - t_base)) - 1
    return direction * actual / abs(required)


# --------------------------------------------------------------------------- Meierijstad's norms
#
# Meierijstad's programme budget sets norms for survey marks: "rapportcijfer
# veiligheid minimaal 7,5", "leefbaarheid minimaal 7,7". A norm that holds is
# achieved; the decline is noted, not punished, unless it is set to cross the
# norm before the deadline (2022).

# The projection of 8.6 (2017) -> 7.8 (2019) to 2022 at the compound rate (UNSD):
# 8.6 * (7.8 / 8.6) ** (5 / 2), about 6.74: well below the norm of 7.7.
DECLINE_PROJECTION = compound_projection(2017.5, 8.6, 2019.5, 7.8, 2022.5)
# 7.2 (2017) -> 7.4 (2019) against at least 7.5 by 2022: the growth ratio, about 1.68.
BELOW_NORM_RATIO = growth_ratio(2017.5, 7.2, 2019.5, 7.4, 7.5, 2022.5, 1)

NORMS = {
    "one-figure": {
        "name": "Rapportcijfer veiligheid",
        "figures": {2019: 7.8},
        "norm": 7.5,
        "status": Status.ACHIEVED,
        "reason": "norm-holds",
        "nl": "voldoet aan de norm (minimaal 7,5 in 2022)",
        "en": "meets the norm (at least 7.5 by 2022)",
    },
    "holds-while-falling": {
        "name": "Leefbaarheid",
        "figures": {2019: 7.9, 2021: 7.8},
        "norm": 7.7,
        "status": Status.ACHIEVED,
        "reason": "norm-holds",
        "nl": "voldoet aan de norm (minimaal 7,7 in 2022), maar beweegt de verkeerde kant op",
        "en": "meets the norm (at least 7.7 by 2022), but is moving the wrong way",
    },
    "set-to-cross": {
        "name": "Leefbaarheid",
        "figures": {2017: 8.6, 2019: 7.8},
        "norm": 7.7,
        "status": Status.AT_RISK,
        "reason": "norm-at-risk",
        "nl": (
            "voldoet nu aan de norm (minimaal 7,7 in 2022), maar de projectie "
            f"({dutch(DECLINE_PROJECTION, 1)} in 2022) komt er niet aan"
        ),
        "en": (
            "meets the norm (at least 7.7 by 2022) now, but the projection "
            f"({DECLINE_PROJECTION:.1f} by 2022) does not"
        ),
    },
    "not-met": {
        "name": "Rapportcijfer veiligheid",
        "figures": {2017: 7.2, 2019: 7.4},
        "norm": 7.5,
        "status": Status.ON_TRACK,
        "reason": "ratio",
        "nl": f"op koers voor minimaal 7,5 in 2022 (groeiratio {dutch(BELOW_NORM_RATIO, 2)})",
        "en": f"on course for at least 7.5 by 2022 (growth ratio {BELOW_NORM_RATIO:.2f})",
    },
}


def norm_indicator(case):
    spec = NORMS[case]
    return indicator(spec["figures"], AtLeast(spec["norm"], by=2022), ident=case, name=spec["name"])


def norm_file(case):
    spec = NORMS[case]
    return loaded(
        toml_indicator(
            case,
            spec["name"],
            spec["figures"],
            target=f"{{ at_least = {spec['norm']}, by = 2022 }}",
        )
    )


def test_the_hand_numbers_of_the_cases():
    # Written out, so that a reader can check them: 8.6 * (78/86)**2.5 and the growth ratio.
    assert math.isclose(DECLINE_PROJECTION, 6.7373, abs_tol=1e-4)
    assert DECLINE_PROJECTION < 7.7
    cagr_actual = math.sqrt(7.4 / 7.2) - 1  # 0.013794...
    cagr_required = (7.5 / 7.2) ** 0.2 - 1  # 0.0081978...
    assert math.isclose(BELOW_NORM_RATIO, cagr_actual / cagr_required, rel_tol=1e-12)
    assert round(BELOW_NORM_RATIO, 2) == 1.68


@pytest.mark.parametrize("case", list(NORMS))
def test_a_norm_from_python(case):
    spec = NORMS[case]
    ind = norm_indicator(case)
    assert ind.direction is Direction.INCREASE  # "at least": more is better, never inferred
    result = assess(ind)
    assert result.status is spec["status"]
    assert result.reason == spec["reason"]


@pytest.mark.parametrize("case", list(NORMS))
def test_a_norm_from_a_programme_file(case):
    spec = NORMS[case]
    read = norm_file(case)
    ind = read.indicator(case)
    assert ind.target == AtLeast(progmon.units.Quantity(spec["norm"], "mark"), by=2022)
    assert ind.direction is Direction.INCREASE
    assert ind == norm_indicator(case)
    result = node(assess(read), case)
    assert result.status is spec["status"]
    assert result.reason == spec["reason"]


def test_one_figure_above_the_norm_is_achieved_not_insufficient_data():
    # One survey (7.8 in 2019) says the norm of 7.5 holds; no second figure is needed.
    result = assess(norm_indicator("one-figure"), as_of=2020)
    assert result.status is Status.ACHIEVED
    assert result.status is not Status.INSUFFICIENT_DATA
    assert result.indicator.direction is not Direction.DECREASE


def test_a_norm_that_holds_is_achieved_by_every_method():
    for method in ("growth-ratio", "projection", "pro-rata"):
        result = assess(norm_indicator("holds-while-falling"), method=method)
        # 7.9 -> 7.8 in two years goes on to 7.75 in 2022 in a straight line, and to
        # 7.9 * (78/79)**1.5, about 7.7505, compounded: both above 7.7.
        assert result.status is Status.ACHIEVED, method
        assert result.reason == "norm-holds"


def test_a_norm_set_to_cross_is_at_risk_by_every_method():
    # A straight line from 8.6 (2017) through 7.8 (2019) reaches 8.6 - 0.4 * 5 = 6.6 in 2022.
    linear = 8.6 + (7.8 - 8.6) * (2022.5 - 2017.5) / (2019.5 - 2017.5)
    assert linear == pytest.approx(6.6)
    for method, projected in (
        ("growth-ratio", DECLINE_PROJECTION),
        ("projection", DECLINE_PROJECTION),
        ("pro-rata", linear),
    ):
        result = assess(norm_indicator("set-to-cross"), method=method)
        assert result.status is Status.AT_RISK, method
        assert result.reason == "norm-at-risk"
        assert result.projection.m_as("mark") == pytest.approx(projected, rel=1e-9)


def test_a_norm_not_met_is_judged_by_the_ratio():
    # Growth ratio, by its definition: about 1.68, on track.
    result = assess(norm_indicator("not-met"))
    assert result.ratio == pytest.approx(BELOW_NORM_RATIO, rel=1e-12)
    assert result.status is Status.ON_TRACK
    # Pro rata: the path 7.2 -> 7.5 over 5 years expects 7.2 + 0.3 * 2/5 = 7.32 in 2019;
    # 0.2 achieved of 0.12 planned is 5/3.
    pro_rata = assess(norm_indicator("not-met"), method="pro-rata")
    assert pro_rata.ratio == pytest.approx(0.2 / 0.12, rel=1e-12)
    assert pro_rata.status is Status.ON_TRACK
    # Three years later, still below the norm after its deadline: not achieved.
    late = indicator({2017: 7.2, 2019: 7.4, 2023: 7.45}, AtLeast(7.5, by=2022))
    assert assess(late).status in {Status.OFF_TRACK, Status.DETERIORATING}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("case", list(NORMS))
@pytest.mark.parametrize("source", ["python", "file"])
def test_a_norm_in_the_review(case, lang, source):
    spec = NORMS[case]
    subject = programme(norm_indicator(case)) if source == "python" else norm_file(case)
    line = sentence(render(subject, lang=lang), spec["name"])
    assert spec[lang] in line
    wrong_way = "de verkeerde kant op" if lang == "nl" else "moving the wrong way"
    if case == "holds-while-falling":
        assert wrong_way in line
    elif case in {"one-figure", "not-met"}:  # no decline to note
        assert wrong_way not in line
    row = table_row(render(subject, lang=lang), spec["name"])
    assert ("minimaal 7," if lang == "nl" else "at least 7.") in row


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("case", ["holds-while-falling", "set-to-cross", "not-met"])
@pytest.mark.parametrize("source", ["python", "file"])
def test_a_norm_on_the_chart(case, lang, source):
    spec = NORMS[case]
    subject = programme(norm_indicator(case)) if source == "python" else norm_file(case)
    html = render(subject, format="html", lang=lang)
    caption = f"{'Verloop van' if lang == 'nl' else 'Course of'} {spec['name']}"
    svg = chart(html, caption)
    assert svg is not None
    texts = svg_texts(svg)
    # The norm is drawn at its deadline, and the projection to it.
    assert ("streefwaarde" if lang == "nl" else "target") in texts
    assert ("projectie" if lang == "nl" else "projection") in texts
    assert "2022" in texts


def test_one_figure_has_no_chart_but_a_sentence():
    # A chart needs two figures; the one figure still gets its verdict in the text.
    html = render(programme(norm_indicator("one-figure")), format="html", lang="nl")
    assert chart(html, "Verloop van Rapportcijfer veiligheid") is None
    assert "voldoet aan de norm (minimaal 7,5 in 2022)" in html


# Norms that the baseline meets already: there is no gap from the baseline to
# the norm to close, and no share of it to report.
MET_AT_THE_BASELINE = {
    "one-figure": ({2019: 7.8}, AtLeast(7.5, by=2022), "mark", None),
    "falling-still-above": ({2019: 7.9, 2021: 7.8}, AtLeast(7.7, by=2022), "mark", None),
    "falling-set-to-cross": ({2017: 8.6, 2019: 7.8}, AtLeast(7.7, by=2022), "mark", None),
    "far-below-a-ceiling": ({2015: 7.06, 2020: 7.0}, AtMost(70, by=2030), "count", None),
    # A Level with a direction by hand that the baseline meets is a norm that holds too.
    "level-below-a-ceiling": (
        {2015: 7.06, 2020: 7.0},
        Level(70, by=2030),
        "count",
        Direction.DECREASE,
    ),
}


@pytest.mark.parametrize("case", list(MET_AT_THE_BASELINE))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_review_claims_no_progress_towards_a_norm_met_at_the_baseline(case, lang):
    # "50 % van de weg" for 7.9 -> 7.8 against at least 7.7 reads as progress where
    # the figure moved the wrong way; "volgens het pad 33 %" for 7.06 -> 7.0 under a
    # ceiling of 70 expects a rise towards the ceiling; "-0 %" is no number at all.
    figures, target, unit, direction = MET_AT_THE_BASELINE[case]
    ind = indicator(figures, target, name="Leefbaarheid", unit=unit, direction=direction)
    assert assess(ind).status in {Status.ACHIEVED, Status.AT_RISK}
    line = sentence(render(programme(ind, deadline=target.by), lang=lang), "Leefbaarheid")
    assert ("van de weg" if lang == "nl" else "of the way") not in line
    assert "-0 %" not in line
    assert "-0%" not in line


@pytest.mark.parametrize("case", list(MET_AT_THE_BASELINE))
def test_progress_towards_a_norm_met_at_the_baseline_is_not_positive(case):
    # Share of the gap closed, (y_l - y_b) / (y_T - y_b): for 7.9 -> 7.8 against 7.7 that is
    # -0.1 / -0.2 = +0.5, "half way" for a fall. Without a gap there is no share (None),
    # and a move the wrong way is no progress.
    figures, target, unit, direction = MET_AT_THE_BASELINE[case]
    result = assess(indicator(figures, target, unit=unit, direction=direction))
    assert result.progress is None or result.progress <= 0


# --------------------------------------------------------------------------- SDG-style ceilings


def test_a_ceiling_met_at_the_baseline_is_achieved_from_a_file():
    # SDG 3.1: at most 70 per 100,000 live births; 7.06 at the baseline meets it.
    read = loaded(
        toml_indicator(
            "sterfte",
            "Moedersterfte",
            {2015: 7.06, 2020: 7.2},
            target="{ at_most = 70 }",
            unit="count",
        ),
        toml_indicator(
            "sterfte-niveau",
            "Moedersterfte (niveau)",
            {2015: 7.06, 2020: 7.2},
            target="{ level = 70 }",
            unit="count",
            extra='direction = "decrease"\n',
        ),
    )
    result = assess(read)
    assert node(result, "sterfte").status is Status.ACHIEVED
    assert node(result, "sterfte").reason == "norm-holds"
    assert node(result, "sterfte-niveau").status is Status.ACHIEVED
    assert read.indicator("sterfte").direction is Direction.DECREASE


# --------------------------------------------------------------------------- direction


def test_a_direction_by_hand_on_a_level_the_baseline_meets_is_accepted():
    # "At least 7.5" written as a Level with a direction: 7.8 meets it already.
    ind = indicator({2019: 7.8}, Level(7.5, by=2022), direction=Direction.INCREASE)
    assert ind.direction is Direction.INCREASE
    result = assess(ind)
    assert result.status is Status.ACHIEVED
    assert result.reason == "target-met"
    # Falling to 7.6 it still meets it.
    falling = indicator({2019: 7.8, 2021: 7.6}, Level(7.5, by=2022), direction=Direction.INCREASE)
    assert assess(falling).status is Status.ACHIEVED


def test_a_direction_by_hand_on_a_level_from_a_file():
    read = loaded(
        toml_indicator(
            "cijfer",
            "Rapportcijfer",
            {2019: 7.8},
            target="{ level = 7.5, by = 2022 }",
            extra='direction = "increase"\n',
        )
    )
    assert read.indicator("cijfer").direction is Direction.INCREASE
    assert node(assess(read), "cijfer").status is Status.ACHIEVED


def test_a_level_without_direction_takes_it_from_the_baseline():
    # 7.5 below a baseline of 7.8: the level asks for less, and 7.8 -> 7.7 is a quarter
    # of the way down in 2 of 3 years (pro rata expects 7.8 - 0.3 * 2/3 = 7.6).
    ind = indicator({2019: 7.8, 2021: 7.7}, Level(7.5, by=2022))
    assert ind.direction is Direction.DECREASE
    result = assess(ind, method="pro-rata")
    assert result.ratio == pytest.approx(0.1 / 0.2)
    assert result.status is Status.OFF_TRACK


def test_a_figure_added_later_never_changes_the_direction():
    ind = indicator({2018: 7.8}, Level(7.5, by=2022))
    assert ind.direction is Direction.DECREASE
    # An earlier figure below the level, a later one above it, a new baseline figure:
    # the direction stays as the baseline settled it.
    earlier = ind.with_measurement(Measurement(2017, 7.0))
    later = ind.with_measurement(Measurement(2019, 7.9))
    replaced = ind.with_measurement(Measurement(2018, 7.0), replace=True)
    evolved = ind.evolve(measurements=[Measurement(2018, 7.0), Measurement(2019, 7.2)])
    for copy in (earlier, later, replaced, evolved):
        assert copy.direction is Direction.DECREASE
    assert earlier.baseline == ind.baseline
    # Given by hand, it stays too, whatever the figures say.
    by_hand = indicator({}, Level(7.5, by=2022), direction=Direction.INCREASE)
    assert by_hand.with_measurement(Measurement(2019, 7.8)).direction is Direction.INCREASE


def test_figures_from_a_csv_file_never_change_the_direction(tmp_path: Path):
    read = loaded(
        toml_indicator("cijfer", "Rapportcijfer", {2018: 7.8}, target="{ level = 7.5 }"),
        toml_indicator(
            "gegeven",
            "Rapportcijfer (richting gegeven)",
            {2018: 7.8},
            target="{ level = 7.5 }",
            extra='direction = "increase"\n',
        ),
    )
    assert read.indicator("cijfer").direction is Direction.DECREASE
    csv = tmp_path / "cijfers.csv"
    csv.write_text(
        "indicator;period;value;unit\n"
        "cijfer;2017;7,0;mark\ncijfer;2019;7,9;mark\n"
        "gegeven;2017;7,0;mark\ngegeven;2019;7,2;mark\n",
        encoding="utf-8",
    )
    more = progmon.load_measurements(read, csv)
    assert [m.period.label for m in more.indicator("cijfer").measurements] == [
        "2017",
        "2018",
        "2019",
    ]
    assert more.indicator("cijfer").direction is Direction.DECREASE
    assert more.indicator("cijfer").baseline.label == "2018"
    assert more.indicator("gegeven").direction is Direction.INCREASE
    # And a figure that replaces the baseline's: still the direction of the file.
    replacing = tmp_path / "correctie.csv"
    replacing.write_text("indicator,period,value,unit\ncijfer,2018,7.0,mark\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", progmon.ProgmonWarning)
        corrected = progmon.load_measurements(read, replacing, replace=True)
    assert corrected.indicator("cijfer").direction is Direction.DECREASE
    # Written and read back, the direction is in the file.
    again = progmon.io.loads(progmon.io.dumps(corrected))
    assert again.indicator("cijfer").direction is Direction.DECREASE


@pytest.mark.parametrize(
    ("figures", "why"),
    [({}, "no figures"), ({2019: 7.5}, "equal to the baseline"), ({2019: None}, "no value")],
)
def test_a_level_that_does_not_say_which_way_is_refused(figures, why):
    with pytest.raises(AmbiguityError) as refused:
        Indicator(
            id="x",
            name="X",
            unit="mark",
            measurements=[Measurement(y, v) for y, v in figures.items()],
            target=Level(7.5),
        )
    message = str(refused.value)
    assert "give a direction" in message
    assert "norm" in message
    assert "AtLeast" in message


def test_a_level_that_does_not_say_which_way_is_refused_in_a_file():
    with pytest.raises(AmbiguityError, match="give a direction"):
        loaded(
            "\n[[ambitions.goals.indicators]]\n"
            'id = "cijfer"\nname = "Rapportcijfer"\nunit = "mark"\ntarget = { level = 7.5 }\n'
        )


@pytest.mark.parametrize(
    ("target", "direction", "unit"),
    [
        (AtLeast(7.5), Direction.DECREASE, "mark"),
        (AtMost(25), Direction.INCREASE, "percent"),
        (Change(-360), Direction.INCREASE, "crime"),
        (Change(5), Direction.DECREASE, "percent"),
    ],
)
def test_a_direction_that_contradicts_the_target_is_refused(target, direction, unit):
    with pytest.raises(ValidationError, match="contradicts"):
        Indicator(id="x", name="X", unit=unit, target=target, direction=direction)


def test_a_norm_direction_is_not_inferred_from_the_figures():
    # At least 7.5, first figure 7.8: a Level(7.5) would infer DECREASE; a norm does not.
    assert indicator({2019: 7.8}, AtLeast(7.5)).direction is Direction.INCREASE
    assert indicator({2019: 7.8}, Level(7.5)).direction is Direction.DECREASE
    assert indicator({2015: 7.06}, AtMost(70), unit="count").direction is Direction.DECREASE


# --------------------------------------------------------------------------- milestones
#
# Rapportcijfer 6.9 in 2017, 7.3 wanted by 2022, 7.1 by 2019 on the way.

MILESTONE_FILE = toml_indicator(
    "cijfer",
    "Rapportcijfer veilige buurt",
    {2017: 6.9, 2019: 7.2},
    target="{ level = 7.3, by = 2022 }",
    extra="milestones = [{ level = 7.1, by = 2019 }]\n",
)


def with_milestones(figures, milestones, *, target=None):
    return indicator(
        figures,
        target or Level(7.3, by=2022),
        ident="cijfer",
        name="Rapportcijfer veilige buurt",
        milestones=milestones,
    )


def test_a_milestone_reached_and_missed():
    reached = assess(with_milestones({2017: 6.9, 2019: 7.2}, [Level(7.1, by=2019)]), as_of=2020)
    missed = assess(with_milestones({2017: 6.9, 2019: 7.0}, [Level(7.1, by=2019)]), as_of=2020)
    (hit,) = reached.milestones
    (miss,) = missed.milestones
    assert (hit.by, hit.reached, hit.figure.value.m_as("mark")) == (2019, True, 7.2)
    assert (miss.by, miss.reached, miss.figure.value.m_as("mark")) == (2019, False, 7.0)
    assert hit.required.m_as("mark") == pytest.approx(7.1)


def test_a_milestone_not_due_yet_is_neither_reached_nor_missed():
    ind = with_milestones({2017: 6.9, 2018: 7.2}, [Level(7.1, by=2019)])
    (milestone,) = assess(ind, as_of=2018).milestones
    assert milestone.reached is None
    assert not milestone.due


def test_a_milestone_from_a_file():
    read = loaded(MILESTONE_FILE)
    ind = read.indicator("cijfer")
    assert ind.milestones == (Level(progmon.units.Quantity(7.1, "mark"), by=2019),)
    assert ind == with_milestones({2017: 6.9, 2019: 7.2}, [Level(7.1, by=2019)])
    (milestone,) = node(assess(read, as_of=2020), "cijfer").milestones
    assert milestone.reached is True
    # Written and read back, the milestone is still there.
    text = progmon.io.dumps(read)
    assert "milestones" in text
    assert progmon.io.loads(text).indicator("cijfer").milestones == ind.milestones


@pytest.mark.parametrize(
    ("figures", "lang", "expected"),
    [
        ({2017: 6.9, 2019: 7.2}, "nl", "mijlpaal 2019 (7,1) gehaald: 7,2 in 2019"),
        ({2017: 6.9, 2019: 7.2}, "en", "milestone 2019 (7.1) reached: 7.2 in 2019"),
        ({2017: 6.9, 2019: 7.0}, "nl", "mijlpaal 2019 (7,1) niet gehaald: 7,0 in 2019"),
        ({2017: 6.9, 2019: 7.0}, "en", "milestone 2019 (7.1) missed: 7.0 in 2019"),
    ],
)
def test_a_milestone_in_the_review(figures, lang, expected):
    ind = with_milestones(figures, [Level(7.1, by=2019)])
    review = render(programme(ind), lang=lang, as_of=2020)
    assert expected in sentence(review, "Rapportcijfer veilige buurt")
    milestones = "mijlpalen: 7,1, in 2019" if lang == "nl" else "milestones: 7.1, by 2019"
    assert milestones in table_row(review, "Rapportcijfer veilige buurt")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_milestone_from_a_file_in_the_review_and_on_the_chart(lang):
    read = loaded(MILESTONE_FILE)
    line = sentence(render(read, lang=lang, as_of=2020), "Rapportcijfer veilige buurt")
    assert ("mijlpaal 2019 (7,1) gehaald" if lang == "nl" else "milestone 2019 (7.1) reached") in (
        line
    )
    html = render(read, format="html", lang=lang, as_of=2020)
    caption = f"{'Verloop van' if lang == 'nl' else 'Course of'} Rapportcijfer veilige buurt"
    svg = chart(html, caption)
    assert svg is not None
    path = "pad langs de mijlpalen" if lang == "nl" else "path through the milestones"
    assert path in svg_texts(svg)


def test_a_milestone_not_due_is_not_in_the_sentence():
    ind = with_milestones({2017: 6.9, 2018: 7.2}, [Level(7.1, by=2019)])
    line = sentence(render(programme(ind), lang="en", as_of=2018), "Rapportcijfer veilige buurt")
    assert "milestone" not in line


@pytest.mark.parametrize(
    ("latest", "milestone", "path_value", "straight_value"),
    [
        # 2018: halfway from 6.9 (2017) to the milestone 7.1 (2019): 7.0 on the path;
        # the straight line to 7.3 in 2022 expects 6.9 + 0.4 * 1/5 = 6.98.
        ({2018: 7.0}, Level(7.1, by=2019), 7.0, 6.98),
        # 2020: a third of the way from 7.1 (2019) to 7.3 (2022): 7.1 + 0.2 / 3;
        # the straight line: 6.9 + 0.4 * 3/5 = 7.14.
        ({2020: 7.2}, Level(7.1, by=2019), 7.1 + 0.2 / 3, 7.14),
        # A steep start: 7.25 by 2019 expects 6.9 + 0.35 / 2 = 7.075 in 2018.
        ({2018: 7.0}, Level(7.25, by=2019), 7.075, 6.98),
    ],
)
def test_pro_rata_against_the_broken_path(latest, milestone, path_value, straight_value):
    figures = {2017: 6.9, **latest}
    ((year, value),) = latest.items()
    broken = assess(with_milestones(figures, [milestone]), method="pro-rata")
    straight = assess(with_milestones(figures, []), method="pro-rata")
    assert broken.expected_latest.m_as("mark") == pytest.approx(path_value)
    assert straight.expected_latest.m_as("mark") == pytest.approx(straight_value)
    # Q = achieved / planned, each from the baseline 6.9.
    assert broken.ratio == pytest.approx((value - 6.9) / (path_value - 6.9))
    assert straight.ratio == pytest.approx((value - 6.9) / (straight_value - 6.9))
    # The same through a panel with the path given as arrays.
    panel = assess_panel(
        [2017.5, year + 0.5],
        [[6.9, value]],
        target=7.3,
        deadline=2022.5,
        direction=1,
        path_t=[[milestone.by + 0.5]],
        path_y=[[float(milestone.value)]],
        method="pro-rata",
    )
    assert float(panel.ratio[0]) == pytest.approx(broken.ratio)


def test_a_steep_milestone_turns_on_track_into_off_track():
    # 6.9 -> 7.0 in 2018: 1.25 of the straight path's 0.08, but 0.57 of the milestone's 0.175.
    figures = {2017: 6.9, 2018: 7.0}
    assert assess(with_milestones(figures, []), method="pro-rata").status is Status.ON_TRACK
    steep = assess(with_milestones(figures, [Level(7.25, by=2019)]), method="pro-rata")
    assert steep.ratio == pytest.approx(0.1 / 0.175)
    assert steep.status is Status.OFF_TRACK


def test_milestones_given_out_of_order_are_put_in_order():
    # The list is a set of dated steps: the model sorts it by year (it does not refuse it).
    ind = with_milestones({2017: 6.9, 2018: 7.0}, [Level(7.2, by=2020), Level(7.1, by=2019)])
    assert [m.by for m in ind.milestones] == [2019, 2020]
    assert ind == with_milestones(
        {2017: 6.9, 2018: 7.0}, [Level(7.1, by=2019), Level(7.2, by=2020)]
    )


@pytest.mark.parametrize(
    ("milestones", "error", "words"),
    [
        ([Level(7.1, by=2023)], ValidationError, "after the target's deadline"),
        ([Level(7.1, by=2016)], ValidationError, "before the baseline"),
        ([Level(7.1, by=2019), Level(7.2, by=2019)], DuplicateError, "two milestones"),
        ([Level(7.1)], ValidationError, "needs its year"),
        (
            [Level(7.2, by=2020), Level(7.1, by=2016)],
            ValidationError,
            "before the baseline",
        ),
    ],
)
def test_milestones_out_of_place_are_refused(milestones, error, words):
    with pytest.raises(error, match=words):
        with_milestones({2017: 6.9, 2018: 7.0}, milestones)


@pytest.mark.parametrize(
    ("milestones", "words"),
    [
        ("[{ level = 7.1, by = 2023 }]", "after the target's deadline"),
        ("[{ level = 7.1, by = 2016 }]", "before the baseline"),
        ("[{ level = 7.1, by = 2019 }, { level = 7.2, by = 2019 }]", "two milestones"),
        ("[{ level = 7.1 }]", "needs its year"),
    ],
)
def test_milestones_out_of_place_are_refused_in_a_file(milestones, words):
    text = MILESTONE_FILE.replace("[{ level = 7.1, by = 2019 }]", milestones)
    with pytest.raises(ValidationError, match=words):
        loaded(text)


def test_a_milestone_after_the_goal_deadline_is_refused():
    # The target has no year of its own: it is due at the goal's deadline, 2022.
    ind = with_milestones({2017: 6.9}, [Level(7.1, by=2024)], target=Level(7.3))
    with pytest.raises(ValidationError, match="milestone"):
        programme(ind, deadline=2022)


def test_a_milestone_in_the_deadline_year_is_refused_or_gives_way_to_the_target():
    # Two values for 2022 (the milestone's 7.2, the target's 7.3) are two targets for
    # one year, as two milestones for 2019 are. If the model takes them, the path must
    # still end at the target: at the deadline the whole gap is expected closed.
    try:
        ind = with_milestones({2017: 6.9, 2019: 7.0}, [Level(7.2, by=2022)])
    except ValidationError:
        return
    result = assess(ind, as_of=2022, method="pro-rata")
    assert result.expected.m_as("mark") == pytest.approx(7.3)
    assert result.expected_progress == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("target", "milestone", "unit", "base"),
    [
        (Change(-360, by=2022), Change(50, by=2019), "crime", 4000),
        (AtLeast(7.5, by=2022), AtMost(7.0, by=2019), "mark", 6.9),
    ],
)
def test_a_milestone_against_the_direction_of_the_target_is_refused(target, milestone, unit, base):
    # Given by hand, the direction is checked against every milestone that fixes one
    # (see the next test); the direction the target implies must be checked as well.
    with pytest.raises(ValidationError, match="contradicts"):
        Indicator(
            id="x",
            name="X",
            unit=unit,
            measurements=[Measurement(2017, base)],
            target=target,
            milestones=[milestone],
        )


def test_a_milestone_against_a_direction_given_by_hand_is_refused():
    with pytest.raises(ValidationError, match="contradicts"):
        Indicator(
            id="x",
            name="X",
            unit="crime",
            measurements=[Measurement(2017, 4000)],
            target=Change(-360, by=2022),
            direction=Direction.DECREASE,
            milestones=[Change(50, by=2019)],
        )


# --------------------------------------------------------------------------- progress numbers


def progress_example():
    """The issue's example: 6.9 (2017) -> 7.0 (2019), Level(7.3) by 2022."""
    return indicator(
        {2017: 6.9, 2019: 7.0}, Level(7.3, by=2022), ident="cijfer", name="Rapportcijfer"
    )


def test_progress_and_expected_progress_of_the_example():
    # 0.1 of the gap of 0.4 is closed: 25 %; after 2 of 5 years the path expects 2/5: 40 %.
    assert math.isclose((7.0 - 6.9) / (7.3 - 6.9), 0.25, rel_tol=1e-12)
    assert math.isclose((2019.5 - 2017.5) / (2022.5 - 2017.5), 0.4, rel_tol=1e-12)
    result = assess(progress_example(), as_of=2019)
    assert result.progress == pytest.approx(0.25, abs=1e-9)
    assert result.expected_progress == pytest.approx(0.4, abs=1e-9)
    # The expected value on the path: 6.9 + 0.4 * 2/5 = 7.06.
    assert result.expected.m_as("mark") == pytest.approx(7.06)


def test_expected_progress_moves_with_as_of():
    # As of 2021 the path expects 4 of 5 years: 80 %; the latest figure is still 2019's.
    result = assess(progress_example(), as_of=2021)
    assert result.progress == pytest.approx(0.25, abs=1e-9)
    assert result.expected_progress == pytest.approx(0.8, abs=1e-9)


def test_progress_of_a_change_and_a_relative_change():
    # 4000 -> 3910 of 360 fewer: 90 / 360 = 25 %; 10 % fewer of 4000 is 3600: 90 / 400.
    crimes = {2018: 4000, 2019: 3910}
    change = assess(indicator(crimes, Change(-360, by=2022), unit="crime"))
    relative = assess(indicator(crimes, progmon.RelativeChange(-0.1, by=2022), unit="crime"))
    assert change.progress == pytest.approx(0.25, abs=1e-12)
    assert relative.progress == pytest.approx(90 / 400, abs=1e-12)
    # One of four years: 25 % expected on the straight path.
    assert change.expected_progress == pytest.approx(0.25, abs=1e-12)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "25 % van de weg (volgens het pad 40 % in 2019)"),
        ("en", "25% of the way (40% on the path by 2019)"),
    ],
)
def test_progress_in_the_review_sentence_and_table(lang, expected):
    review = render(programme(progress_example()), lang=lang, as_of=2019)
    assert expected in sentence(review, "Rapportcijfer")
    row = table_row(review, "Rapportcijfer")
    assert expected in row
    assert "25" in row
    assert "40" in row


def test_progress_from_a_file_in_the_review():
    read = loaded(
        toml_indicator(
            "cijfer", "Rapportcijfer", {2017: 6.9, 2019: 7.0}, target="{ level = 7.3, by = 2022 }"
        )
    )
    assert read.indicator("cijfer") == progress_example()
    line = sentence(render(read, lang="nl", as_of=2019), "Rapportcijfer")
    assert "25 % van de weg (volgens het pad 40 % in 2019)" in line


# --------------------------------------------------------------------------- properties


def _reference_projection(  # noqa: PLR0917  # the symbols of the formulas
    method, t_base, y_base, t_latest, y_latest, t_deadline
):
    """The projection each method draws, from its published formula (values above zero)."""
    if t_deadline <= t_latest:
        return y_latest
    if method == "pro-rata":  # the straight line through baseline and latest
        return y_base + (y_latest - y_base) * (t_deadline - t_base) / (t_latest - t_base)
    return compound_projection(t_base, y_base, t_latest, y_latest, t_deadline)


@given(case=holding_norms(), method=method_names)
def test_a_norm_that_holds_and_will_hold_is_achieved(case, method):
    ind, norm, sign = case
    baseline, latest = ind.measurements[0], ind.measurements[-1]
    deadline = ind.target.by
    t_base, t_latest = baseline.period.midpoint, latest.period.midpoint
    y_base, y_latest = float(baseline.value.magnitude), float(latest.value.magnitude)
    assert sign * (y_latest - norm) >= 0  # the strategy draws a norm that holds now
    if deadline is not None and t_latest > t_base:
        projected = _reference_projection(
            method, t_base, y_base, t_latest, y_latest, deadline + 0.5
        )
        note(f"projected {projected}")
        assume(sign * (projected - norm) > 1e-9 * max(1.0, abs(norm)))
    result = assess(ind, method=method)
    assert result.status is Status.ACHIEVED
    assert result.reason == "norm-holds"


def _comparable(first, second):
    """Judgements compare (ACHIEVED best ... DETERIORATING worst); 'no judgement' does not."""
    return first.is_judged and second.is_judged


@given(case=target_cases(units=("EUR",), min_figures=2, margins=False), shift=shifts_for_the_better)
def test_status_is_monotone_in_the_latest_figure(case, shift):
    ind = case.indicator
    assume(case.sign != 0)
    latest = ind.measurements[-1]
    better = latest.value.magnitude + case.sign * shift
    moved = ind.with_measurement(Measurement(latest.period, better), replace=True)
    assert moved.direction is ind.direction
    for method in ("growth-ratio", "projection", "pro-rata"):
        before = assess(ind, as_of=case.as_of, method=method)
        after = assess(moved, as_of=case.as_of, method=method)
        note(f"{method}: {before.status} ({before.reason}) -> {after.status} ({after.reason})")
        if _comparable(before.status, after.status):
            assert after.status.rank <= before.status.rank


def _panel_of(case, method):
    """The same series as the arrays of assess_panel, worked out from the case's numbers."""
    years = np.array(case.years, dtype=float)
    values = np.array(case.values, dtype=float)
    margins = np.array(
        [np.nan if m is None else m for m in case.margins or [None] * len(case.years)],
        dtype=float,
    )
    path_t = np.array([[by + 0.5 for by, _ in case.milestones]], dtype=float).reshape(1, -1)
    path_y = np.array([[value for _, value in case.milestones]], dtype=float).reshape(1, -1)
    return assess_panel(
        years + 0.5,  # a year's figure sits at its midpoint
        values[None, :],
        target=case.required,
        deadline=np.nan if case.deadline is None else case.deadline + 0.5,
        direction=case.sign,
        kind=int(case.kind),
        baseline=years[0] + 0.5,
        as_of=case.as_of + 0.5,
        at=case.as_of + 0.5,
        margin=margins[None, :],
        path_t=path_t,
        path_y=path_y,
        method=method,
    )


def _same(single, panel):
    if single is None:
        return math.isnan(panel)
    return single == pytest.approx(panel, rel=1e-9, abs=1e-12)


@given(case=target_cases(), method=method_names)
def test_assess_and_assess_panel_agree(case, method):
    result = assess(case.indicator, as_of=case.as_of, method=method)
    panel = _panel_of(case, method)
    note(f"{result.status} {result.reason} / {panel.statuses()[0]} {panel.reasons()[0]}")
    assert result.status is panel.statuses()[0]
    assert result.reason == panel.reasons()[0]
    assert _same(result.ratio, float(panel.ratio[0]))
    assert _same(result.progress, float(panel.progress[0]))
    assert _same(result.expected_progress, float(panel.expected_progress[0]))
    projection = None if result.projection is None else float(result.projection.magnitude)
    assert _same(projection, float(panel.projection[0]))
    target = None if result.target_value is None else float(result.target_value.magnitude)
    assert _same(target, float(panel.required[0]))
