"""progmon.assessment: the assessment tree, its common rules, the roll-up, panels, properties."""

from __future__ import annotations

import math
import runpy
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from progmon import (
    Ambition,
    Change,
    Direction,
    Goal,
    Improve,
    Indicator,
    IndicatorKind,
    Level,
    Maintain,
    Measurement,
    Period,
    Programme,
    RelativeChange,
    units,
)
from progmon.assessment import (
    AmbitionAssessment,
    GoalAssessment,
    IndicatorAssessment,
    ProgrammeAssessment,
    Status,
    assess,
    assess_panel,
    roll_up,
)
from progmon.errors import ValidationError
from strategies import direction_signs, figure_values, method_names

EXAMPLE = Path(__file__).parent.parent / "examples" / "veiligheid.py"


def indicator(values, *, unit="report", target=None, direction=None, **fields):
    fields.setdefault("id", "x")
    fields.setdefault("name", "X")
    return Indicator(
        unit=unit,
        measurements=[
            m if isinstance(m, Measurement) else Measurement(year, m) for year, m in values.items()
        ],
        target=target,
        direction=direction,
        **fields,
    )


# --------------------------------------------------------------------------- the Almelo example


@pytest.fixture(scope="module")
def almelo():
    programme = runpy.run_path(str(EXAMPLE))["programme"]()
    return assess(programme, as_of=2020)


def by_id(result):
    found = {}
    for a in result.indicators():
        found[a.indicator.id] = a
        for c in a.components:
            found[c.indicator.id] = c
    return found


class TestAlmelo:
    """Statuses as of 2020 that the seed text supports.

    The seed: "Het aantal meldingen woonoverlast is gedaald in 2019" (the
    target "is gedaald" holds); satisfaction "bedraagt 32% in 2019, ten
    opzichte van 22% in 2015" (the target "is gestegen" holds); several
    indicators "nog niet gemeten" / "nog geen cijfers"; the 2019 panel
    figures are a "nulmeting" (baseline only); CBS feelings of unsafety fell
    2013-2019 ("een opwaartse trend", lower is better).
    """

    def test_tree_shape(self, almelo):
        assert isinstance(almelo, ProgrammeAssessment)
        assert almelo.as_of == 2020
        assert almelo.method.name == "growth-ratio"
        assert [g.goal.id for g in almelo.goals()] == [g.id for g in almelo.programme.goals()]
        assert len(list(almelo.indicators())) == len(list(almelo.programme.indicators()))

    def test_woonoverlast_fell_so_its_target_is_met(self, almelo):
        woonoverlast = by_id(almelo)["woonoverlast"]
        assert woonoverlast.status is Status.ACHIEVED
        assert woonoverlast.reason == "target-met"
        # 273+126+690 = 1089 in 2016, 234+115+624 = 973 in 2019.
        assert woonoverlast.change.m_as("report") == pytest.approx(973 - 1089)
        assert woonoverlast.relative_change == pytest.approx((973 - 1089) / 1089)

    def test_woonoverlast_components_are_assessed(self, almelo):
        burengerucht = by_id(almelo)["woonoverlast-burengerucht"]
        # 273 -> 234 over 2016-2019, lower is better.
        assert burengerucht.rate == pytest.approx(1 - (234 / 273) ** (1 / 3))
        # Mann-Kendall by hand: S = 1 - 5 = -4, Var S = 4*3*13/18, Z = -3/2.94, p = 0.31.
        assert burengerucht.trend == "no trend"

    def test_satisfaction_rose_from_22_to_32_percent(self, almelo):
        satisfaction = by_id(almelo)["tevredenheid-handhaving"]
        assert satisfaction.status is Status.ACHIEVED
        assert satisfaction.change_points == pytest.approx(10.0)
        assert satisfaction.relative_change == pytest.approx(10 / 22)

    @pytest.mark.parametrize(
        "indicator_id",
        ["verward-gedrag-politiecel", "meldingsbereidheid", "misdrijven"],
    )
    def test_not_yet_measured(self, almelo, indicator_id):
        assert by_id(almelo)[indicator_id].status is Status.NOT_MEASURED

    @pytest.mark.parametrize("indicator_id", ["altijd-veilig", "rapportcijfer-veilige-buurt"])
    def test_nulmeting_2019_is_baseline_only(self, almelo, indicator_id):
        found = by_id(almelo)[indicator_id]
        assert found.status is Status.INSUFFICIENT_DATA
        assert found.reason == "baseline-only"

    def test_cbs_feelings_of_unsafety_improve(self, almelo):
        unsafe = by_id(almelo)["onveiligheidsgevoelens-algemeen"]
        # 37.2 % (2013) -> 31.0 % (2019), lower is better: 3 % a year, above 1.5 %.
        assert unsafe.rate == pytest.approx(1 - (31.0 / 37.2) ** (1 / 6), rel=1e-6)
        assert unsafe.status is Status.ON_TRACK

    def test_goal_roll_up(self, almelo):
        goals = {g.goal.id: g for g in almelo.goals()}
        # Woonoverlast fell, but the police-cell indicator is not measured yet:
        # the goal cannot be called achieved.
        assert goals["verward-gedrag"].status is Status.ON_TRACK
        assert goals["verward-gedrag"].counts[Status.ACHIEVED] == 1
        assert goals["verward-gedrag"].counts[Status.NOT_MEASURED] == 1
        assert almelo.status is Status.ON_TRACK
        assert goals["bewustzijn"].status is Status.NOT_MEASURED
        assert goals["veiligheidsgevoel"].status is Status.INSUFFICIENT_DATA

    def test_programme_counts_leave_context_out(self, almelo):
        counted = [
            a
            for g in almelo.goals()
            for a in g.indicators()
            if a.indicator.kind is not IndicatorKind.CONTEXT
        ]
        assert sum(almelo.counts.values()) == len(counted)
        assert almelo.counts[Status.NOT_MEASURED] == sum(
            a.status is Status.NOT_MEASURED for a in counted
        )

    def test_as_of_2018_ignores_2019(self):
        programme = runpy.run_path(str(EXAMPLE))["programme"]()
        early = by_id(assess(programme, as_of=2018))
        assert early["woonoverlast"].latest.period.label == "2018"
        assert early["tevredenheid-handhaving"].status is Status.INSUFFICIENT_DATA


# --------------------------------------------------------------------------- common rules


class TestCommonRules:
    def test_not_measured(self):
        result = assess(indicator({}, target=Level(3), direction=Direction.INCREASE), as_of=2020)
        assert result.status is Status.NOT_MEASURED
        assert result.latest is None
        assert result.ratio is None

    def test_no_target_no_direction(self):
        result = assess(indicator({2018: 3, 2019: 4}), as_of=2020)
        assert result.status is Status.NO_TARGET

    def test_direction_without_target_uses_rate(self):
        result = assess(indicator({2015: 100, 2019: 90}, direction=Direction.DECREASE), as_of=2020)
        assert result.rate == pytest.approx(1 - 0.9**0.25)
        assert result.status is Status.ON_TRACK
        assert result.reason == "rate"

    def test_baseline_only(self):
        result = assess(
            indicator({2019: 7.5}, unit="mark", target=Improve(), direction=Direction.INCREASE),
            as_of=2020,
        )
        assert result.status is Status.INSUFFICIENT_DATA
        assert result.reason == "baseline-only"

    def test_level_met_with_a_single_figure_is_achieved(self):
        # The model infers the direction from a level and the baseline, so the level equals it.
        ind = indicator(
            {2019: 32}, unit="count", target=Level(32, by=2022), direction=Direction.INCREASE
        )
        assert assess(ind, as_of=2020).status is Status.ACHIEVED

    def test_change_target(self):
        # 360 fewer crimes by 2022 from 4000 in 2018; 3900 in 2019.
        ind = indicator({2018: 4000, 2019: 3900}, unit="crime", target=Change(-360, by=2022))
        result = assess(ind, as_of=2020)
        assert result.target_value.m_as("crime") == 3640
        assert result.ratio == pytest.approx(-(0.975 - 1) / abs((3640 / 4000) ** 0.25 - 1))
        assert result.progress == pytest.approx(100 / 360)
        assert result.status is Status.ON_TRACK
        assert result.deadline == 2022

    def test_relative_change_target(self):
        ind = indicator({2016: 1000, 2019: 1000}, target=RelativeChange(-0.1, by=2022))
        result = assess(ind, as_of=2020)
        assert result.target_value.m_as("report") == pytest.approx(900)
        assert result.status is Status.OFF_TRACK

    def test_maintain(self):
        kept = indicator({2016: 10, 2019: 10}, target=Maintain(), direction=Direction.DECREASE)
        lost = indicator({2016: 10, 2019: 12}, target=Maintain(), direction=Direction.DECREASE)
        assert assess(kept, as_of=2020).status is Status.ACHIEVED
        assert assess(lost, as_of=2020).status is Status.DETERIORATING

    def test_improve_not_improved(self):
        same = indicator({2016: 10, 2019: 10}, target=Improve(), direction=Direction.DECREASE)
        worse = indicator({2016: 10, 2019: 11}, target=Improve(), direction=Direction.DECREASE)
        assert assess(same, as_of=2020).status is Status.OFF_TRACK
        assert assess(worse, as_of=2020).status is Status.DETERIORATING

    def test_change_within_margin_is_not_progress(self):
        figures = {
            2015: Measurement(2015, 22, margin=3),
            2019: Measurement(2019, 24, margin=3),
        }
        ind = indicator(figures, unit="percent", target=Improve(), direction=Direction.INCREASE)
        result = assess(ind, as_of=2020)
        assert result.significant is False
        assert result.status is Status.OFF_TRACK
        assert result.reason == "change-within-margin"
        assert result.change_points == pytest.approx(2.0)

    def test_change_beyond_margin_counts(self):
        figures = {
            2015: Measurement(2015, 22, margin=3),
            2019: Measurement(2019, 32, margin=3),
        }
        ind = indicator(figures, unit="percent", target=Improve(), direction=Direction.INCREASE)
        result = assess(ind, as_of=2020)
        assert result.significant is True
        assert result.status is Status.ACHIEVED

    def test_sample_sizes_give_a_z_test(self):
        # 22 % vs 24 % with 300 respondents each: z about 0.58, not significant.
        figures = {
            2015: Measurement(2015, 22, sample_size=300),
            2019: Measurement(2019, 24, sample_size=300),
        }
        ind = indicator(figures, unit="percent", target=Improve(), direction=Direction.INCREASE)
        assert assess(ind, as_of=2020).significant is False
        figures[2019] = Measurement(2019, 32, sample_size=300)
        ind = indicator(figures, unit="percent", target=Improve(), direction=Direction.INCREASE)
        assert assess(ind, as_of=2020).significant is True

    def test_deadline_passed_and_not_met(self):
        ind = indicator(
            {2015: 100, 2023: 60}, target=Level(50, by=2022), direction=Direction.DECREASE
        )
        result = assess(ind, as_of=2023)
        assert result.status is Status.OFF_TRACK
        assert result.reason == "deadline-passed"

    def test_level_without_deadline_uses_rate(self):
        ind = indicator({2015: 100, 2019: 90}, target=Level(50), direction=Direction.DECREASE)
        result = assess(ind, as_of=2020)
        assert result.reason == "no-deadline"
        assert result.status is Status.ON_TRACK

    def test_baseline_after_as_of(self):
        ind = indicator(
            {2013: 5, 2019: 6}, target=Improve(), direction=Direction.INCREASE, baseline=2019
        )
        result = assess(ind, as_of=2015)
        assert result.status is Status.INSUFFICIENT_DATA
        assert result.reason == "no-baseline"

    def test_missing_figure_is_skipped(self):
        figures = {2016: 10, 2017: Measurement(2017, None, note="niet gemeten"), 2018: 8}
        ind = indicator(figures, target=Improve(), direction=Direction.DECREASE)
        result = assess(ind, as_of=2020)
        assert result.latest.period.label == "2018"


class TestNumbers:
    def test_expected_value_at_as_of_is_mid_year(self):
        ind = indicator({2018: 4000, 2019: 3900}, unit="crime", target=Change(-360, by=2022))
        result = assess(ind, as_of=2020)
        # 2018.5 -> 2022.5 is four years; 2020.5 is half way: 4000 - 180.
        assert result.expected.m_as("crime") == pytest.approx(3820)
        assert result.expected_latest.m_as("crime") == pytest.approx(3910)

    def test_slope_and_trend(self):
        ind = indicator(
            {2016: 10, 2017: 12, 2018: 13, 2019: 15, 2020: 16}, direction=Direction.INCREASE
        )
        result = assess(ind, as_of=2020)
        # Theil-Sen: the median of the ten pairwise slopes.
        pairs = [
            (10, 12, 1),
            (10, 13, 2),
            (10, 15, 3),
            (10, 16, 4),
            (12, 13, 1),
            (12, 15, 2),
            (12, 16, 3),
            (13, 15, 1),
            (13, 16, 2),
            (15, 16, 1),
        ]
        assert result.slope.m_as("report / year") == pytest.approx(
            np.median([(b - a) / d for a, b, d in pairs])
        )
        assert result.trend == "increasing"

    def test_two_points_give_two_point_slope_and_no_trend(self):
        result = assess(indicator({2016: 10, 2019: 16}, direction=Direction.INCREASE), as_of=2020)
        assert result.slope.m_as("report / year") == pytest.approx(2.0)
        assert result.trend is None

    def test_projection_in_unit(self):
        ind = indicator(
            {2015: 100, 2020: 80}, target=Level(50, by=2030), direction=Direction.DECREASE
        )
        result = assess(ind, as_of=2020)
        assert result.projection.m_as("report") == pytest.approx(51.2)
        assert result.thresholds["on_track"] == 0.95

    def test_relative_change_none_for_zero_baseline(self):
        result = assess(indicator({2016: 0, 2019: 3}, direction=Direction.DECREASE), as_of=2020)
        assert result.relative_change is None
        assert result.status is Status.DETERIORATING


# --------------------------------------------------------------------------- tree and roll-up


def small_programme():
    good = indicator(
        {2016: 100, 2019: 80}, id="good", target=Level(50, by=2022), direction=Direction.DECREASE
    )
    bad = indicator(
        {2016: 100, 2019: 110}, id="bad", target=Level(50, by=2022), direction=Direction.DECREASE
    )
    empty = indicator({}, id="empty", target=Level(50, by=2022), direction=Direction.DECREASE)
    context = indicator(
        {2016: 1, 2019: 9}, id="context", direction=Direction.DECREASE, kind=IndicatorKind.CONTEXT
    )
    goal_one = Goal(id="one", statement="S", indicators=[good, bad, context], deadline=2022)
    goal_two = Goal(id="two", statement="T", indicators=[empty], deadline=2022)
    ambient = indicator({2016: 1, 2019: 9}, id="ambient", direction=Direction.DECREASE)
    ambition = Ambition(title="A", goals=[goal_one, goal_two], context=[ambient])
    return Programme(id="p", name="P", ambitions=[ambition])


class TestTree:
    def test_goal_takes_worst_judged_status(self):
        result = assess(small_programme(), as_of=2020)
        one, two = result.goals()
        assert isinstance(one, GoalAssessment)
        assert one.status is Status.DETERIORATING
        assert one.counts[Status.DETERIORATING] == 1
        assert (
            one.counts[Status.ON_TRACK] + one.counts[Status.AT_RISK] + one.counts[Status.OFF_TRACK]
            == 1
        )
        assert sum(one.counts.values()) == 2  # the context indicator is not counted
        assert two.status is Status.NOT_MEASURED

    def test_ambition_and_programme(self):
        result = assess(small_programme(), as_of=2020)
        (ambition,) = result.ambitions()
        assert isinstance(ambition, AmbitionAssessment)
        assert ambition.status is Status.DETERIORATING
        assert [a.indicator.id for a in ambition.context] == ["ambient"]
        assert [a.indicator.id for a in ambition.indicators()] == [
            "good",
            "bad",
            "context",
            "empty",
            "ambient",
        ]
        assert result.status is Status.DETERIORATING
        assert result.counts[Status.NOT_MEASURED] == 1

    def test_assess_each_level(self):
        programme = small_programme()
        ambition = programme.ambitions[0]
        assert isinstance(assess(ambition, as_of=2020), AmbitionAssessment)
        assert isinstance(assess(ambition.goals[0], as_of=2020), GoalAssessment)
        assert isinstance(assess(ambition.goals[0].indicators[0], as_of=2020), IndicatorAssessment)

    def test_goal_deadline_is_used(self):
        ind = indicator({2016: 100, 2019: 80}, target=Level(50), direction=Direction.DECREASE)
        goal = Goal(id="g", statement="S", indicators=[ind], deadline=2022)
        (found,) = assess(goal, as_of=2020).indicators()
        assert found.deadline == 2022
        assert found.reason == "ratio"

    def test_roll_up_rule(self):
        assert roll_up([Status.ACHIEVED, Status.ON_TRACK]) is Status.ON_TRACK
        assert roll_up([Status.INSUFFICIENT_DATA, Status.NOT_MEASURED]) is Status.INSUFFICIENT_DATA
        assert roll_up([Status.NOT_MEASURED]) is Status.NOT_MEASURED

    @pytest.mark.parametrize("as_of", [Period.year(2019), date(2019, 12, 31), "2019"])
    def test_as_of_forms(self, as_of):
        ind = indicator({2016: 100, 2019: 80, 2020: 70}, direction=Direction.DECREASE)
        if isinstance(as_of, str):
            with pytest.raises(ValidationError, match="as_of"):
                assess(ind, as_of=as_of)
        else:
            result = assess(ind, as_of=as_of)
            assert result.latest.period.label == "2019"
            assert result.as_of == 2019

    def test_as_of_default_is_latest_figure_year(self):
        ind = indicator({2016: 100, 2019: 80}, direction=Direction.DECREASE)
        assert assess(ind).as_of == 2019

    def test_method_by_name_and_instance(self):
        ind = indicator(
            {2015: 100, 2020: 80}, target=Level(50, by=2030), direction=Direction.DECREASE
        )
        assert assess(ind, as_of=2020, method="pro-rata").method.name == "pro-rata"
        assert assess(ind, as_of=2020, method="projection").ratio == pytest.approx(0.976)

    def test_refuses_other_objects(self):
        with pytest.raises(ValidationError, match="assess"):
            assess("programme", as_of=2020)


# --------------------------------------------------------------------------- panels


class TestPanel:
    def test_regions_by_indicators_with_gaps(self):
        years = np.arange(2011, 2021) + 0.5
        rng = np.random.default_rng(1)
        y = rng.uniform(50, 150, size=(342, 50, 10))
        y[rng.random(y.shape) < 0.1] = np.nan
        y[0, 0] = np.nan
        res = assess_panel(years, y, target=np.full(50, 60.0), deadline=2022.5, direction=-1)
        assert res.status.shape == (342, 50)
        assert res.statuses()[0, 0] is Status.NOT_MEASURED
        assert sum(res.counts().values()) == 342 * 50

    def test_row_equals_single_assessment(self):
        years = np.array([2016.5, 2017.5, 2018.5, 2019.5])
        y = np.array([[1089, 1089, 1032, 973.0], [300, np.nan, 280, 250]])
        panel = assess_panel(years, y, target=[900.0, 200.0], deadline=2022.5, direction=-1)
        for row in range(2):
            single = assess_panel(
                years, y[row : row + 1], target=[[900.0, 200.0][row]], deadline=2022.5, direction=-1
            )
            assert panel.status[row] == single.status[0]
            assert panel.ratio[row] == pytest.approx(single.ratio[0])

    def test_baseline_time_and_as_of(self):
        years = np.array([2013.5, 2015.5, 2017.5, 2019.5])
        y = np.array([[10.0, 20.0, 25.0, 30.0]])
        res = assess_panel(years, y, direction=1, baseline=2015.5, as_of=2017.5)
        assert float(res.baseline[0]) == 20.0
        assert float(res.latest[0]) == 25.0
        assert int(res.count[0]) == 2

    def test_margins_in_panel(self):
        res = assess_panel(
            [2013.5, 2019.5],
            [[37.2, 31.0], [37.2, 36.0]],
            direction=-1,
            margin=[[2.1, 1.9], [2.1, 1.9]],
        )
        assert res.significant.tolist() == [1.0, 0.0]
        assert res.reasons().tolist() == ["rate", "change-within-margin"]

    def test_bad_shapes(self):
        with pytest.raises(ValidationError):
            assess_panel([2015, 2016, 2017], [[1.0, 2.0]])
        with pytest.raises(ValidationError):
            assess_panel([2015, 2016], [[1.0, 2.0]], target=[1.0, 2.0, 3.0])


# --------------------------------------------------------------------------- properties


def _better(direction, a, b):
    """(worse, better) of two latest values for ``direction``."""
    low, high = sorted((a, b))
    return (low, high) if direction == 1 else (high, low)


@given(
    base=st.floats(min_value=1.0, max_value=1000.0),
    target=figure_values,
    a=figure_values,
    b=figure_values,
    direction=direction_signs,
    method=method_names,
    with_target=st.booleans(),
    margin=st.one_of(st.just(np.nan), st.floats(min_value=0, max_value=50)),
)
def test_a_better_latest_figure_never_gives_a_worse_status(  # noqa: PLR0917  # hypothesis fills them
    base, target, a, b, direction, method, with_target, margin
):
    worse, better = _better(direction, a, b)
    results = []
    for latest in (worse, better):
        res = assess_panel(
            [2015.5, 2019.5],
            [[base, latest]],
            target=target if with_target else None,
            deadline=2022.5,
            direction=direction,
            margin=[[margin, margin]],
            method=method,
        )
        results.append(res.statuses()[0])
    worse_status, better_status = results
    assert better_status.rank <= worse_status.rank


@given(
    base=st.floats(min_value=0.01, max_value=100.0),
    latest=st.floats(min_value=0.0, max_value=100.0),
    target=st.floats(min_value=0.0, max_value=100.0),
    direction=st.sampled_from([Direction.INCREASE, Direction.DECREASE]),
    method=method_names,
)
def test_invariant_under_unit_conversion(base, latest, target, direction, method):
    def build(unit, factor):
        q = lambda v: units.Quantity(v * factor, unit)  # noqa: E731
        tgt = Level(q(target), by=2022)
        if (target > base and direction is Direction.DECREASE) or (
            target < base and direction is Direction.INCREASE
        ):
            tgt = Level(q(base), by=2022)
        return Indicator(
            id="share",
            name="Share",
            unit=unit,
            measurements=[Measurement(2015, q(base)), Measurement(2019, q(latest))],
            target=tgt,
            direction=direction,
        )

    in_percent = assess(build("percent", 1.0), as_of=2020, method=method)
    as_fraction = assess(build("dimensionless", 0.01), as_of=2020, method=method)
    assert in_percent.status is as_fraction.status
    assert in_percent.reason == as_fraction.reason
    if in_percent.ratio is not None:
        assert as_fraction.ratio == pytest.approx(in_percent.ratio, rel=1e-9, abs=1e-12)
    if in_percent.change_points is not None:
        assert as_fraction.change_points == pytest.approx(in_percent.change_points, abs=1e-9)


@given(
    y=st.lists(st.floats(min_value=0.1, max_value=1e4), min_size=2, max_size=6),
    target=st.floats(min_value=0.1, max_value=1e4),
    k=st.floats(min_value=1e-3, max_value=1e3),
    direction=direction_signs,
    method=method_names,
)
def test_panel_scale_invariance(y, target, k, direction, method):
    # A gap of a few ulps makes the ratio rounding noise, scaled or not.
    assume(abs(target - y[0]) > 1e-9 * max(target, y[0]))
    t = np.arange(len(y)) + 2015.5
    a = assess_panel(t, [y], target=target, deadline=2025.5, direction=direction, method=method)
    b = assess_panel(
        t,
        [[k * v for v in y]],
        target=k * target,
        deadline=2025.5,
        direction=direction,
        method=method,
    )
    assert a.status.tolist() == b.status.tolist()
    assert np.allclose(a.ratio, b.ratio, rtol=1e-9, atol=1e-12, equal_nan=True)


def test_nan_is_missing_not_zero():
    res = assess_panel([2015.5, 2016.5, 2017.5], [[np.nan, 10.0, np.nan]], direction=1)
    assert res.statuses()[0] is Status.INSUFFICIENT_DATA
    assert float(res.baseline[0]) == 10.0
    assert not math.isnan(float(res.latest[0]))


# --------------------------------------------------------------------------- review: degenerate panels


def test_panel_without_figures_takes_margins_too():
    res = assess_panel(
        np.empty(0), np.empty((2, 0)), direction=1, margin=np.empty((2, 0)), share_scale=100.0
    )
    assert [s.value for s in res.statuses()] == ["not-measured", "not-measured"]


def test_figures_beyond_double_range_give_no_warning():
    # pytest turns warnings into errors: overflow must end as inf/NaN, silently.
    res = assess_panel(
        [2015.5, 2019.5],
        [[-1e300, 1e300], [1e-300, 1e300]],
        target=[1e300, 0.0],
        deadline=2022.5,
        direction=[1, -1],
    )
    assert res.statuses()[0] is Status.ACHIEVED
    assert res.statuses()[1] is Status.DETERIORATING
