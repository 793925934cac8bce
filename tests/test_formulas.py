"""Targets and progress on arrays: progmon._formulas, checked against hand arithmetic."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from progmon._formulas import (
    compound_possible,
    expected_value,
    gap_closed,
    growth_rate,
    project,
    required_value,
)
from progmon._status import Status
from progmon._targets import Kind
from progmon.errors import ValidationError
from strategies import positive_values


class TestRequiredValue:
    def test_level_is_the_value(self):
        assert required_value("level", [10.0, 20.0], 32.0).tolist() == [32.0, 32.0]

    def test_change_adds_to_baseline(self):
        # "Het aantal misdrijven is met 360 afgenomen", from 4000.
        assert float(required_value("change", 4000, -360)) == 3640.0

    def test_change_of_a_share_is_in_points(self):
        # "met 5% gestegen" read as points: 91 % -> 96 %.
        assert float(required_value("change", 91.0, 5.0)) == 96.0

    def test_relative_change_is_a_fraction_of_baseline(self):
        assert required_value("relative-change", [200.0, 22.0], 0.1).tolist() == pytest.approx(
            [220.0, 24.2]
        )

    def test_unknown_kind_is_refused(self):
        with pytest.raises(ValidationError, match="target kind"):
            required_value("doubling", 1.0, 2.0)


class TestGapClosed:
    def test_share_of_gap(self):
        assert float(gap_closed(100, 80, 50)) == pytest.approx(0.4)

    def test_target_met_is_one_and_beyond_is_more(self):
        assert gap_closed(100, [50, 40], 50).tolist() == pytest.approx([1.0, 1.2])

    def test_moving_away_is_negative(self):
        assert float(gap_closed(22, 20, 32)) == pytest.approx(-0.2)

    def test_no_gap_is_nan_without_warning(self):
        assert math.isnan(float(gap_closed(5, 6, 5)))


class TestExpectedValue:
    def test_a_third_of_the_way(self):
        assert float(expected_value(2020.5, 2015.5, 100, 2030.5, 50)) == pytest.approx(100 - 50 / 3)

    def test_clipped_to_baseline_and_target(self):
        values = expected_value([2010.0, 2040.0], 2015.5, 100, 2030.5, 50)
        assert values.tolist() == [100.0, 50.0]

    def test_at_deadline_is_target(self):
        assert float(expected_value(2022.5, 2018.5, 4000, 2022.5, 3640)) == 3640.0

    @given(
        y_base=positive_values,
        required=positive_values,
        share=st.floats(min_value=0, max_value=1),
    )
    def test_linear_in_time(self, y_base, required, share):
        t = 2015.5 + 15 * share
        # The share the time stands for after rounding: 2015.5 + 15e-9 is not exact.
        elapsed = (t - 2015.5) / 15
        assert float(expected_value(t, 2015.5, y_base, 2030.5, required)) == pytest.approx(
            y_base + (required - y_base) * elapsed, rel=1e-9, abs=1e-9
        )


class TestProjection:
    def test_compound_continues_growth(self):
        # 100 -> 80 in 5 years; 10 more years at the same rate: 80 * 0.8**2.
        assert float(project(2015.5, 100, 2020.5, 80, 2030.5)) == pytest.approx(51.2)

    def test_linear_continues_the_line(self):
        assert float(project(2015.5, 100, 2020.5, 80, 2030.5, compound=False)) == pytest.approx(40)

    def test_zero_baseline_falls_back_to_the_line(self):
        assert float(project(2015.5, 0, 2020.5, 5, 2030.5)) == pytest.approx(15.0)

    def test_deadline_passed_gives_latest(self):
        assert float(project(2015.5, 100, 2020.5, 80, 2019.5)) == 80.0

    def test_single_point_is_nan(self):
        assert math.isnan(float(project(2019.5, 10, 2019.5, 10, 2022.5)))

    def test_negative_series_compound(self):
        # -100 -> -80: magnitudes shrink by 0.8 per 5 years, as for the positive series.
        assert float(project(2015.5, -100, 2020.5, -80, 2030.5)) == pytest.approx(-51.2)


class TestGrowthRate:
    def test_compound_rate(self):
        rate, compound = growth_rate(2015.5, 100, 2020.5, 80)
        assert bool(compound)
        assert float(rate) == pytest.approx(0.8**0.2 - 1)

    def test_to_zero_is_minus_one(self):
        rate, compound = growth_rate(2015.5, 100, 2020.5, 0)
        assert bool(compound)
        assert float(rate) == -1.0

    def test_from_zero_is_linear_relative_to_mean_magnitude(self):
        rate, compound = growth_rate(2015, 0, 2020, 5)
        assert not bool(compound)
        assert float(rate) == pytest.approx((5 - 0) / 5 / 2.5)

    def test_both_zero_is_no_growth(self):
        rate, _ = growth_rate(2015, 0, 2020, 0)
        assert float(rate) == 0.0

    def test_negative_values_rising_have_positive_rate(self):
        rate, compound = growth_rate(2015, -100, 2020, -80)
        assert bool(compound)
        assert float(rate) == pytest.approx(1 - 0.8**0.2)

    def test_sign_change_is_linear(self):
        rate, compound = growth_rate(2015, -10, 2020, 10)
        assert not bool(compound)
        assert float(rate) == pytest.approx(20 / 5 / 10)

    @given(y0=positive_values, y1=positive_values, k=st.floats(min_value=1e-3, max_value=1e3))
    def test_scale_invariant(self, y0, y1, k):
        a, _ = growth_rate(2015.5, y0, 2019.5, y1)
        b, _ = growth_rate(2015.5, k * y0, 2019.5, k * y1)
        assert float(b) == pytest.approx(float(a), rel=1e-9, abs=1e-12)


def test_compound_possible_needs_one_sign_and_nonzero_start():
    assert compound_possible([1, 1, -1, 0, 1], [0, 2, -3, 1, -1]).tolist() == [
        True,
        True,
        True,
        False,
        False,
    ]


class TestStatus:
    def test_values_are_hyphenated_lowercase(self):
        assert [s.value for s in Status] == [s.name.lower().replace("_", "-") for s in Status]

    def test_rank_orders_judgements_deteriorating_worst(self):
        judged = [s for s in Status if s.is_judged]
        assert max(judged, key=lambda s: s.rank) is Status.DETERIORATING
        assert min(judged, key=lambda s: s.rank) is Status.ACHIEVED
        assert all(s.rank == -1 for s in Status if not s.is_judged)

    def test_codes_round_trip(self):
        assert all(Status.from_code(s.code) is s for s in Status)

    def test_bad_code(self):
        with pytest.raises(ValidationError):
            Status.from_code(99)


def test_kind_codes_are_stable():
    # Panels store these codes; they must not move.
    assert [int(k) for k in Kind] == [0, 1, 2, 3, 4]


def test_expected_value_is_nan_without_deadline():
    assert np.isnan(expected_value(2020.5, 2015.5, 100, np.nan, 50))
