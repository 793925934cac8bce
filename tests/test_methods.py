"""Assessment methods against their published worked examples and reference code."""

from __future__ import annotations

import math
import warnings
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import progmon
from progmon import methods
from progmon.assessment import Status, assess, assess_panel
from progmon.errors import ValidationError
from strategies import near_limit_series

# --------------------------------------------------------------------------- references


def _sdg_build_growth(val1, val2, t1, t2):
    # sdg-build sdg/ProgressMeasure.py, growth_calculation
    return ((val1 / val2) ** (1 / (t1 - t2))) - 1


def sdg_build_status(  # noqa: PLR0917  # the published function's own arguments
    base_year, base_value, current_year, current_value, target, target_year, direction
):
    """open-sdg/sdg-build ProgressMeasure (methodology 2 and get_progress_status), transcribed."""
    if (direction == -1 and current_value <= target) or (
        direction == 1 and current_value >= target
    ):
        return "target_achieved", None
    sign = -1 if base_value < 0 else 1
    cagr_o = _sdg_build_growth(current_value, base_value, current_year, base_year)
    cagr_r = _sdg_build_growth(target, base_value, target_year, base_year)
    value = sign * direction * cagr_o / abs(cagr_r)
    if value >= 0.95:
        return "substantial_progress", value
    if value >= 0.6:
        return "moderate_progress", value
    if value >= 0:
        return "limited_progress", value
    return "deterioration", value


def sdg_build_rate_status(base_year, base_value, current_year, current_value, direction):
    """sdg-build methodology 1 with its default thresholds (0.015, 0.005, 0)."""
    sign = -1 if base_value < 0 else 1
    value = sign * direction * _sdg_build_growth(current_value, base_value, current_year, base_year)
    if value >= 0.015:
        return "substantial_progress", value
    if value >= 0.005:
        return "moderate_progress", value
    if value >= 0:
        return "limited_progress", value
    return "deterioration", value


OPEN_SDG = {
    "target_achieved": Status.ACHIEVED,
    "substantial_progress": Status.ON_TRACK,
    "moderate_progress": Status.AT_RISK,
    "limited_progress": Status.OFF_TRACK,
    "deterioration": Status.DETERIORATING,
}


def unsd_projection_ratio(b, v_b, t, v_t, target, target_year):  # noqa: PLR0917  # the note's symbols
    """UNSD progress chart 2023 as written out by Eustat: CAGR_a, v^e_2030, the ratio."""
    cagr_a = (v_t / v_b) ** (1 / (t - b)) - 1
    v_e = v_t * (1 + cagr_a) ** (target_year - t)
    return (v_e - v_b) / (target - v_b)


def one(method, base, latest, target, direction, *, years=(2015, 2020), deadline=2030):
    res = assess_panel(
        list(years),
        [[float(base), float(latest)]],
        target=target,
        deadline=deadline,
        direction=direction,
        method=method,
    )
    return res.statuses()[0], float(res.ratio[0]), res


# --------------------------------------------------------------------------- growth ratio


class TestGrowthRatioWorkedExample:
    """open-sdg: 100 (2015) -> 80 (2020), target 50 by 2030, a decrease is wanted."""

    def test_ratio_and_status(self):
        status, ratio, _ = one(methods.GrowthRatio(), 100, 80, 50, -1)
        assert ratio == pytest.approx(0.9665, abs=5e-5)
        assert status is Status.ON_TRACK

    def test_ratio_from_the_definition(self):
        cagr_actual = (80 / 100) ** (1 / 5) - 1
        cagr_required = (50 / 100) ** (1 / 15) - 1
        _, ratio, _ = one(methods.GrowthRatio(), 100, 80, 50, -1)
        assert ratio == pytest.approx(cagr_actual / cagr_required, rel=1e-12)

    def test_mid_year_times_give_the_same_ratio(self):
        res = assess_panel(
            [2015.5, 2020.5], [[100.0, 80.0]], target=50, deadline=2030.5, direction=-1
        )
        assert float(res.ratio[0]) == pytest.approx(0.9665, abs=5e-5)

    def test_slower_decrease_is_at_risk(self):
        status, ratio, _ = one(methods.GrowthRatio(), 100, 85, 50, -1)
        assert 0.6 <= ratio < 0.95
        assert status is Status.AT_RISK

    def test_increase_when_decrease_wanted_deteriorates(self):
        status, ratio, _ = one(methods.GrowthRatio(), 100, 110, 50, -1)
        assert ratio < 0
        assert status is Status.DETERIORATING

    def test_target_met_is_achieved(self):
        status, _, res = one(methods.GrowthRatio(), 100, 49, 50, -1)
        assert status is Status.ACHIEVED
        assert res.reasons()[0] == "target-met"


@given(
    base=st.floats(min_value=1, max_value=1e5),
    change=st.floats(min_value=-0.9, max_value=2.0),
    goal=st.floats(min_value=-0.9, max_value=2.0),
    direction=st.sampled_from([-1, 1]),
    elapsed=st.integers(min_value=1, max_value=10),
    horizon=st.integers(min_value=1, max_value=15),
)
def test_growth_ratio_agrees_with_sdg_build(  # noqa: PLR0917  # hypothesis fills them
    base, change, goal, direction, elapsed, horizon
):
    latest, target = base * (1 + change), base * (1 + goal)
    assume(abs(target - base) > 1e-6 * base)
    expected, value = sdg_build_status(
        2015, base, 2015 + elapsed, latest, target, 2015 + elapsed + horizon, direction
    )
    if value is not None:
        # Keep clear of the thresholds, where rounding may tip either way.
        assume(all(abs(value - edge) > 1e-9 for edge in (0.95, 0.6, 0.0)))
    status, ratio, _ = one(
        methods.GrowthRatio(),
        base,
        latest,
        target,
        direction,
        years=(2015, 2015 + elapsed),
        deadline=2015 + elapsed + horizon,
    )
    assert status is OPEN_SDG[expected]
    if value is not None:
        assert ratio == pytest.approx(value, rel=1e-9, abs=1e-12)


@given(
    base=st.floats(min_value=1, max_value=1e5),
    change=st.floats(min_value=-0.5, max_value=0.5),
    direction=st.sampled_from([-1, 1]),
    elapsed=st.integers(min_value=1, max_value=10),
)
def test_rate_rule_agrees_with_sdg_build_without_target(base, change, direction, elapsed):
    latest = base * (1 + change)
    expected, value = sdg_build_rate_status(2015, base, 2015 + elapsed, latest, direction)
    assume(all(abs(value - edge) > 1e-9 for edge in (0.015, 0.005, 0.0)))
    res = assess_panel([2015, 2015 + elapsed], [[base, latest]], direction=direction)
    assert res.statuses()[0] is OPEN_SDG[expected]
    assert float(res.rate[0]) == pytest.approx(value, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize(
    ("ratio", "status"),
    [
        (0.95, Status.ON_TRACK),
        (0.9499, Status.AT_RISK),
        (0.6, Status.AT_RISK),
        (0.5999, Status.OFF_TRACK),
        (0.0, Status.OFF_TRACK),
        (-1e-9, Status.DETERIORATING),
    ],
)
def test_growth_ratio_thresholds_are_inclusive_below(ratio, status):
    code = methods.GrowthRatio().classify(np.array([ratio]))[0]
    assert Status.from_code(code) is status


def test_thresholds_are_constructor_arguments():
    strict = methods.GrowthRatio(on_track=1.0, at_risk=0.8)
    assert strict.thresholds["on_track"] == 1.0
    status, _, res = one(strict, 100, 80, 50, -1)
    assert status is Status.AT_RISK
    assert res.thresholds["at_risk"] == 0.8


@pytest.mark.parametrize(
    "kwargs",
    [{"on_track": 0.5, "at_risk": 0.6}, {"off_track": float("nan")}, {"rate_at_risk": 0.1}],
)
def test_bad_thresholds_are_refused(kwargs):
    with pytest.raises(ValidationError):
        methods.GrowthRatio(**kwargs)


# --------------------------------------------------------------------------- zeros and negatives


class TestZerosAndNegatives:
    def test_zero_baseline_uses_linear_ratio(self):
        # 0 -> 2 in 5 years; 6 required in 15 years: the same pace, R = 1.
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            status, ratio, res = one(methods.GrowthRatio(), 0, 2, 6, 1)
        assert ratio == pytest.approx(1.0)
        assert status is Status.ON_TRACK
        assert not bool(res.compound[0])

    def test_zero_target_is_compound_minus_one(self):
        # Required growth to 0 is -100 % a year; 100 -> 80 is far from it.
        status, ratio, _ = one(methods.GrowthRatio(), 100, 80, 0, -1)
        assert ratio == pytest.approx((0.8**0.2 - 1) / -1.0)
        assert status is Status.OFF_TRACK

    def test_all_zero_latest_meets_zero_target(self):
        status, _, _ = one(methods.GrowthRatio(), 100, 0, 0, -1)
        assert status is Status.ACHIEVED

    def test_negative_series_agrees_with_sdg_build(self):
        # A balance of -100 that should rise to -50: -100 -> -80 is the mirror of the example.
        expected, value = sdg_build_status(2015, -100, 2020, -80, -50, 2030, 1)
        status, ratio, _ = one(methods.GrowthRatio(), -100, -80, -50, 1)
        assert status is OPEN_SDG[expected]
        assert ratio == pytest.approx(value)

    @pytest.mark.parametrize("method", ["growth-ratio", "projection", "pro-rata"])
    def test_sign_change_is_handled_without_warnings(self, method):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            status, ratio, _ = one(method, -10, 5, 20, 1)
        assert math.isfinite(ratio)
        assert status.is_judged

    @pytest.mark.parametrize("method", ["growth-ratio", "projection", "pro-rata"])
    def test_target_equal_to_baseline_not_met(self, method):
        # Change(0) with a direction: nothing to close, and the figure got worse.
        res = assess_panel(
            [2015, 2020], [[10.0, 9.0]], target=10.0, deadline=2030, direction=1, method=method
        )
        assert res.statuses()[0] is Status.DETERIORATING


# --------------------------------------------------------------------------- projection


class TestProjection:
    def test_worked_example(self):
        # Compound projection of the open-sdg series: 80 * 0.8**2 = 51.2 in 2030.
        status, ratio, res = one(methods.Projection(), 100, 80, 50, -1)
        assert float(res.projection[0]) == pytest.approx(51.2)
        assert ratio == pytest.approx((51.2 - 100) / (50 - 100))
        assert status is Status.ON_TRACK

    @given(
        base=st.floats(min_value=1, max_value=1e4),
        change=st.floats(min_value=-0.5, max_value=0.5),
        goal=st.floats(min_value=0.05, max_value=1.0),
        direction=st.sampled_from([-1, 1]),
    )
    def test_ratio_agrees_with_unsd_formula(self, base, change, goal, direction):
        # A target on the desired side of the baseline, as UNSD's targets are.
        target = base * (1 + direction * goal) if direction == 1 else base * (1 - goal * 0.9)
        latest = base * (1 + change)
        assume(not (direction * (latest - target) >= 0))
        reference = unsd_projection_ratio(2015, base, 2020, latest, target, 2030)
        _, ratio, _ = one(methods.Projection(), base, latest, target, direction)
        assert ratio == pytest.approx(reference, rel=1e-9, abs=1e-12)

    @pytest.mark.parametrize(
        ("latest", "status"),
        [
            (80, Status.ON_TRACK),
            (95, Status.AT_RISK),
            (99.5, Status.OFF_TRACK),
            (101, Status.DETERIORATING),
        ],
    )
    def test_thresholds(self, latest, status):
        assert one(methods.Projection(), 100, latest, 50, -1)[0] is status

    def test_linear_projection_option(self):
        _, ratio, res = one(methods.Projection(compound=False), 100, 80, 50, -1)
        assert float(res.projection[0]) == pytest.approx(40.0)
        assert ratio == pytest.approx(1.2)


# --------------------------------------------------------------------------- pro rata


class TestProRata:
    def test_ahead_of_the_straight_path(self):
        # After 5 of 15 years the path expects 100 - 50/3; 80 is ahead of it.
        status, ratio, res = one(methods.ProRata(), 100, 80, 50, -1)
        assert float(res.expected_latest[0]) == pytest.approx(100 - 50 / 3)
        assert ratio == pytest.approx(20 / (50 / 3))
        assert status is Status.ON_TRACK

    def test_behind_the_path(self):
        # Misdrijven: 360 fewer from 2018 to 2022; after one year 40 fewer is 40/90 of plan.
        res = assess_panel(
            [2018.5, 2019.5],
            [[4000.0, 3960.0]],
            target=3640.0,
            deadline=2022.5,
            direction=-1,
            method="pro-rata",
        )
        assert float(res.ratio[0]) == pytest.approx(40 / 90)
        assert res.statuses()[0] is Status.OFF_TRACK


# --------------------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("growth-ratio", methods.GrowthRatio),
        ("Projection", methods.Projection),
        ("pro_rata", methods.ProRata),
    ],
)
def test_get_method_by_name(name, cls):
    assert isinstance(methods.get_method(name), cls)


def test_get_method_passes_instances_and_defaults_to_growth_ratio():
    mine = methods.ProRata(on_track=1.0)
    assert methods.get_method(mine) is mine
    assert isinstance(methods.get_method(None), methods.GrowthRatio)
    assert isinstance(methods.DEFAULT, methods.Method)


@pytest.mark.parametrize("bad", ["eurostat", 3])
def test_get_method_refuses_unknown(bad):
    with pytest.raises(ValidationError, match="method"):
        methods.get_method(bad)


# --------------------------------------------------------------------------- review: boundaries and signs
#
# Figures are decimals; a reader checks a status by hand, in exact arithmetic.
# A key number that equals a threshold there must get the status the table
# gives for it, whatever binary floating point makes of it (0.5999999999999996).


def test_growth_of_exactly_one_and_a_half_percent_is_on_track():
    # 200 -> 203 in one year: (203 / 200) - 1 = 0.015 exactly, open-sdg's "substantial progress".
    assert Fraction(203, 200) - 1 == Fraction(15, 1000)
    res = assess_panel([2018.5, 2019.5], [[200.0, 203.0]], direction=1)
    assert res.statuses()[0] is Status.ON_TRACK
    res = assess_panel([2018.5, 2019.5], [[200.0, 201.0]], direction=1)  # 0.005 exactly
    assert res.statuses()[0] is Status.AT_RISK


@pytest.mark.parametrize(
    ("base", "latest", "target"),
    [(10.0, 10.6, 14.0), (10.0, 9.4, 6.0), (10.0, 12.1, 24.0), (37.2, 35.4, 25.2)],
)
def test_pro_rata_ratio_of_exactly_0_6_is_at_risk(base, latest, target):
    # A quarter of the way (2018.5 -> 2019.5 of 2018.5 -> 2022.5): Q = change / (gap / 4).
    exact = (Fraction(str(latest)) - Fraction(str(base))) / (
        (Fraction(str(target)) - Fraction(str(base))) / 4
    )
    assert exact == Fraction(6, 10)
    res = assess_panel(
        [2018.5, 2019.5],
        [[base, latest]],
        target=target,
        deadline=2022.5,
        direction=1 if target > base else -1,
        method="pro-rata",
    )
    assert res.statuses()[0] is Status.AT_RISK


@pytest.mark.parametrize("method", ["growth-ratio", "projection", "pro-rata"])
def test_no_change_is_a_ratio_of_plus_zero(method):
    # A report prints the ratio: "-0.00" would read as a move the wrong way.
    _, ratio, res = one(method, 100, 100, 50, -1)
    assert ratio == 0
    assert math.copysign(1.0, ratio) == 1.0
    assert math.copysign(1.0, float(res.rate[0])) == 1.0
    assert res.statuses()[0] is Status.OFF_TRACK


class TestRelativeChangeOfANegativeBaseline:
    """RelativeChange(f) requires y_b (1 + f); for a deficit that is a way up or down."""

    @staticmethod
    def balance(fraction):
        return progmon.Indicator(
            id="saldo",
            name="Saldo",
            unit="EUR",
            measurements=[progmon.Measurement(2018, -100), progmon.Measurement(2020, -80)],
            target=progmon.RelativeChange(fraction, by=2022),
        )

    def test_halving_a_deficit_is_a_way_up(self):
        # -100 * (1 - 0.5) = -50: from -100 to -80 is 40 % of the way, not the target.
        result = assess(self.balance(-0.5), as_of=2021)
        assert result.target_value.m_as("EUR") == -50
        expected, value = sdg_build_status(2018, -100, 2020, -80, -50, 2022, 1)
        assert result.status is OPEN_SDG[expected]
        assert result.ratio == pytest.approx(value, rel=1e-12)
        assert result.progress == pytest.approx(0.4)

    def test_growing_a_deficit_is_a_way_down(self):
        # -100 * (1 + 0.5) = -150: from -100 to -80 moves away from it.
        result = assess(self.balance(0.5), as_of=2021)
        assert result.target_value.m_as("EUR") == -150
        expected, value = sdg_build_status(2018, -100, 2020, -80, -150, 2022, -1)
        assert expected == "deterioration"
        assert result.status is OPEN_SDG[expected]
        assert result.ratio == pytest.approx(value, rel=1e-12)


# --------------------------------------------------------------------------- SDG ceilings
#
# SDG 3.1 and 3.2 set ceilings: maternal mortality below 70 per 100,000 live
# births, under-five mortality at most 25 per 1,000. A country at 7.06 and 5.3
# meets them at the baseline; sdg-build's rule (direction -1, current value at or
# below the target) says target_achieved, whatever the trend.

SDG_CEILINGS = [(7.06, 70), (5.3, 25)]


@pytest.mark.parametrize(("base", "ceiling"), SDG_CEILINGS)
@pytest.mark.parametrize("later", [None, 1.1, 0.9])
def test_a_ceiling_met_at_the_baseline_is_achieved_every_way(base, ceiling, later):
    figures = {2015: base} if later is None else {2015: base, 2020: base * later}
    years, values = list(figures), list(figures.values())
    expected, _ = sdg_build_status(
        years[0], values[0], years[-1], values[-1], ceiling, 2030, direction=-1
    )
    assert expected == "target_achieved"

    def one_indicator(target, direction=None):
        return progmon.Indicator(
            id="sterfte",
            name="Sterfte",
            unit="count",
            measurements=progmon.Measurement.series(figures),
            target=target,
            direction=direction,
        )

    as_norm = assess(one_indicator(progmon.AtMost(ceiling, by=2030)))
    as_level = assess(
        one_indicator(progmon.Level(ceiling, by=2030), direction=progmon.Direction.DECREASE)
    )
    panel = assess_panel(
        [y + 0.5 for y in years], [values], target=ceiling, deadline=2030.5, direction=-1
    )
    panel_norm = assess_panel(
        [y + 0.5 for y in years],
        [values],
        target=ceiling,
        deadline=2030.5,
        direction=-1,
        kind=progmon.assessment.Kind.NORM,
    )
    for result in (as_norm, as_level):
        assert result.status is OPEN_SDG[expected]
    assert panel.statuses()[0] is OPEN_SDG[expected]
    assert panel_norm.statuses()[0] is OPEN_SDG[expected]
    # assess() and assess_panel() agree, reason and all.
    assert (as_level.status, as_level.reason) == (panel.statuses()[0], panel.reasons()[0])
    assert (as_norm.status, as_norm.reason) == (panel_norm.statuses()[0], panel_norm.reasons()[0])
    assert as_norm.reason == "norm-holds"
    assert as_level.reason == "target-met"


def test_a_ceiling_written_as_a_level_without_direction_asks_to_rise():
    # Level(70) above a baseline of 7.06 says "reach 70": a rise, not a ceiling. A
    # ceiling needs AtMost(70) or a direction; the model does not guess.
    ind = progmon.Indicator(
        id="sterfte",
        name="Sterfte",
        unit="count",
        measurements=progmon.Measurement.series({2015: 7.06}),
        target=progmon.Level(70, by=2030),
    )
    assert ind.direction is progmon.Direction.INCREASE
    assert assess(ind).status is not Status.ACHIEVED


# --------------------------------------------------------------------------- natural limit
#
# open-sdg/sdg-build 2.4 (sdg/ProgressMeasure.py, get_progress_thresholds), for
# rows without a quantitative target (methodology 1): the rate thresholds
# 'high' 0.015, 'med' 0.005 and 'low' 0 are multiplied by a coefficient that
# falls to 0 at the limit; with a target (methodology 2) a limit is ignored.


def sdg_build_limit_coefficient(base_value, limit):
    """sdg-build's coefficient, transcribed: a = 4.44 on |base| against |limit|."""
    base_value, limit = abs(base_value), abs(limit)
    a = 4.44
    if base_value >= 2 * limit:  # first: 1 where base and limit are both zero
        return 1
    if base_value <= limit:
        return 1 - (base_value / limit) ** a
    return 1 - ((2 * limit - base_value) / limit) ** a


def sdg_build_rate_status_near(  # noqa: PLR0917  # the published function's own arguments
    base_year, base_value, current_year, current_value, direction, limit
):
    """sdg-build methodology 1 with its thresholds scaled for ``limit`` (None: no limit)."""
    thresholds = {"high": 0.015, "med": 0.005, "low": 0}
    if limit is not None:
        coeff = sdg_build_limit_coefficient(base_value, limit)
        for key in ("high", "med", "low"):
            thresholds[key] *= coeff
    sign = -1 if base_value < 0 else 1
    value = sign * direction * _sdg_build_growth(current_value, base_value, current_year, base_year)
    # get_progress_status
    if value >= thresholds["high"]:
        return "substantial_progress", value, thresholds
    if thresholds["med"] <= value < thresholds["high"]:
        return "moderate_progress", value, thresholds
    if thresholds["low"] <= value < thresholds["med"]:
        return "limited_progress", value, thresholds
    return "deterioration", value, thresholds


@pytest.mark.parametrize(
    ("base", "limit", "coefficient"),
    [
        (50.0, 100.0, 1 - 0.5**4.44),  # halfway: 0.9539
        (95.0, 100.0, 1 - 0.95**4.44),  # close: 0.2037
        (100.0, 100.0, 0.0),  # at the limit: every positive threshold is 0
        (150.0, 100.0, 1 - 0.5**4.44),  # beyond it, mirrored
        (250.0, 100.0, 1.0),  # twice the limit and more: far from it
        (9.5, 10.0, 1 - 0.95**4.44),  # a mark of 9.5 of at most 10
        (1.5, 1.0, 1 - 0.5**4.44),  # a mark of 1.5 that should fall, limit 1
        (3.0, 0.0, 1.0),  # a share that should fall to 0: limit 0 scales nothing
    ],
)
def test_limit_scale_is_sdg_builds_coefficient(base, limit, coefficient):
    assert sdg_build_limit_coefficient(base, limit) == pytest.approx(coefficient, abs=1e-12)
    rows = methods.Rows(
        t_base=2015.5,
        y_base=base,
        t_latest=2016.5,
        y_latest=base,
        t_deadline=np.nan,
        required=np.nan,
        sign=1.0,
        limit=limit,
    )
    scale = methods.GrowthRatio(natural_limit=True).limit_scale(rows)
    assert float(scale) == pytest.approx(coefficient, abs=1e-12)
    assert float(methods.GrowthRatio(natural_limit=limit).limit_scale(rows)) == pytest.approx(
        coefficient, abs=1e-12
    )


def _limit_of(unit, sign):
    """The bound of the unit in the better direction: 100 % or 0 % for a share, 10 or 1 for a mark."""
    if unit == "percent":
        return 100.0 if sign > 0 else 0.0
    return 10.0 if sign > 0 else 1.0


def _near_limit_indicator(unit, sign, base, latest, years):
    return progmon.Indicator(
        id="aandeel",
        name="Aandeel",
        unit=unit,
        direction=progmon.Direction.INCREASE if sign > 0 else progmon.Direction.DECREASE,
        measurements=[progmon.Measurement(2015, base), progmon.Measurement(2015 + years, latest)],
    )


def _clear_of(value, thresholds):
    return all(abs(value - edge) > 1e-9 * max(abs(edge), 1e-6) for edge in thresholds.values())


@given(series=near_limit_series())
def test_natural_limit_agrees_with_sdg_build(series):
    unit, sign, base, latest, years = series
    limit = _limit_of(unit, sign)
    expected, value, thresholds = sdg_build_rate_status_near(
        2015, base, 2015 + years, latest, sign, limit
    )
    plain, _, plain_thresholds = sdg_build_rate_status_near(
        2015, base, 2015 + years, latest, sign, None
    )
    assume(_clear_of(value, thresholds))
    assume(_clear_of(value, plain_thresholds))
    ind = _near_limit_indicator(unit, sign, base, latest, years)
    near = assess(ind, method=methods.GrowthRatio(natural_limit=True))
    assert near.status is OPEN_SDG[expected]
    assert near.rate == pytest.approx(value, rel=1e-9, abs=1e-12)
    # Off by default: the thresholds of open-sdg without a limit.
    assert methods.GrowthRatio().natural_limit is False
    assert assess(ind).status is OPEN_SDG[plain]
    assert assess(ind, method=methods.GrowthRatio(natural_limit=False)).status is OPEN_SDG[plain]
    # A panel with the limit per row, and a limit given as a number, say the same.
    panel = assess_panel(
        [2015.5, 2015.5 + years],
        [[base, latest]],
        direction=sign,
        limit=limit,
        method=methods.GrowthRatio(natural_limit=True),
    )
    assert panel.statuses()[0] is OPEN_SDG[expected]
    numbered = assess(ind, method=methods.GrowthRatio(natural_limit=limit))
    assert numbered.status is OPEN_SDG[expected]
    # Every method shares the rate rule, and so the scaling.
    for method in (methods.Projection(natural_limit=True), methods.ProRata(natural_limit=True)):
        assert assess(ind, method=method).status is OPEN_SDG[expected]


@pytest.mark.parametrize(
    ("unit", "base", "latest", "years"),
    [
        # 95 % -> 96 % in 2 years: sqrt(96/95) - 1 = 0.52 % a year. open-sdg's 0.5 % makes it
        # "moderate"; scaled by 1 - 0.95**4.44 = 0.2037 the bar for "substantial" is 0.31 %.
        ("percent", 95.0, 96.0, 2),
        # A mark of 9.5 -> 9.6 in one year: 1.05 % a year, against 10 the same scale.
        ("mark", 9.5, 9.6, 1),
    ],
)
def test_natural_limit_lifts_slow_growth_near_the_top(unit, base, latest, years):
    rate = (latest / base) ** (1 / years) - 1
    assert 0.005 <= rate < 0.015
    assert rate >= 0.015 * (1 - 0.95**4.44)
    ind = _near_limit_indicator(unit, 1, base, latest, years)
    assert assess(ind).status is Status.AT_RISK
    assert assess(ind, method=methods.GrowthRatio(natural_limit=True)).status is Status.ON_TRACK


def test_natural_limit_at_the_limit_counts_holding_it_as_progress():
    # 100 % -> 100 %: C = 0, every threshold 0, a rate of 0 is substantial (sdg-build's score 5).
    expected, value, _ = sdg_build_rate_status_near(2015, 100.0, 2019, 100.0, 1, 100.0)
    assert (expected, value) == ("substantial_progress", 0.0)
    ind = _near_limit_indicator("percent", 1, 100.0, 100.0, 4)
    assert assess(ind, method=methods.GrowthRatio(natural_limit=True)).status is Status.ON_TRACK
    assert assess(ind).status is Status.OFF_TRACK  # without the limit: no growth, no progress


@pytest.mark.parametrize("by", [2030, None])
def test_natural_limit_is_ignored_with_a_quantitative_target(by):
    # sdg-build: "Ignoring limit ... as target already provided". A Level of 99 % is a
    # quantitative target, with or without a deadline of its own.
    ind = progmon.Indicator(
        id="aandeel",
        name="Aandeel",
        unit="percent",
        direction=progmon.Direction.INCREASE,
        target=progmon.Level(99, by=by),
        measurements=[progmon.Measurement(2015, 95.0), progmon.Measurement(2017, 96.0)],
    )
    plain = assess(ind)
    near = assess(ind, method=methods.GrowthRatio(natural_limit=True))
    assert near.status is plain.status
    assert near.reason == plain.reason
    assert near.ratio == plain.ratio
