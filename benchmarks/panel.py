"""Time assess_panel on large panels, against chunking by hand and a bare-numpy floor.

Run with ``python benchmarks/panel.py``. The panel: yearly figures 2015-2024
of 17,100 series (342 municipalities x 50 indicators) and of 1.7 million
(a hundred times that), lower is better, a target per series by 2030; one
figure in ten missing, one series in a hundred not measured at all and one
in a hundred measured once. Rows:

* one call on 1.7 M series against the same call by hand in chunks of
  17,100 (goal: within 1.2x), and the same for ``trend.ols`` and
  ``trend.sen_slope``;
* the status of every series against a bare-numpy floor, the growth ratio
  and its thresholds written out for this panel alone (it must give the same
  statuses; goal: within 5x), at 17,100 and at 1.7 M series;
* ``PanelAssessment.counts()`` against ``np.bincount`` of the same statuses
  (goal: within 2x).

About a minute on two cores; 1.7 M x 10 figures are 136 MB.
"""

from __future__ import annotations

import numpy as np
from _bench import best_time, finish, header, row

from progmon import assess_panel, trend
from progmon._status import (
    ACHIEVED,
    AT_RISK,
    DETERIORATING,
    INSUFFICIENT_DATA,
    NOT_MEASURED,
    OFF_TRACK,
    ON_TRACK,
)

SMALL = 17_100
LARGE = 100 * SMALL
YEARS = np.arange(2015, 2025) + 0.5
DEADLINE = 2030.5


def panel(series: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Figures of ``series`` series (lower is better) and a target for each."""
    rng = np.random.default_rng(seed)
    y = np.round(rng.uniform(50, 150, (series, YEARS.size)), 1)
    y[rng.random(y.shape) < 0.10] = np.nan
    y[rng.random(series) < 0.01] = np.nan  # not measured
    once = rng.random(series) < 0.01
    y[once, 1:] = np.nan  # measured once: the baseline only
    target = np.round(rng.uniform(40, 70, series), 1)
    return y, target


def assess(y: np.ndarray, target: np.ndarray) -> object:
    return assess_panel(YEARS, y, target=target, deadline=DEADLINE, direction=-1)


def by_hand(y: np.ndarray, target: np.ndarray) -> list[object]:
    return [assess(y[i : i + SMALL], target[i : i + SMALL]) for i in range(0, len(y), SMALL)]


def floor(y: np.ndarray, target: np.ndarray) -> np.ndarray:
    """The statuses of this panel in bare numpy: the growth ratio, its thresholds, the gaps."""
    valid = ~np.isnan(y)
    measured = valid.any(axis=-1)
    first = valid.argmax(axis=-1)
    last = y.shape[-1] - 1 - valid[:, ::-1].argmax(axis=-1)
    rows = np.arange(len(y))
    y_base, y_last = y[rows, first], y[rows, last]
    t_base, t_last = YEARS[first], YEARS[last]
    with np.errstate(divide="ignore", invalid="ignore"):
        actual = (y_last / y_base) ** (1 / (t_last - t_base)) - 1
        needed = np.abs((target / y_base) ** (1 / (DEADLINE - t_base)) - 1)
        ratio = -actual / needed
    return np.select(
        [~measured, y_last <= target, last == first, ratio >= 0.95, ratio >= 0.6, ratio >= 0],
        [NOT_MEASURED, ACHIEVED, INSUFFICIENT_DATA, ON_TRACK, AT_RISK, OFF_TRACK],
        DETERIORATING,
    ).astype(np.int8)


def main() -> None:
    header("assess_panel on large panels")
    results = []
    small, small_target = panel(SMALL)
    large, large_target = panel(LARGE, seed=1)

    for y, target in ((small, small_target), (large, large_target)):
        statuses = assess(y, target).status  # type: ignore[attr-defined]
        if not np.array_equal(statuses, floor(y, target)):
            raise SystemExit("the floor does not give assess_panel's statuses: fix the floor")

    one = best_time(lambda: assess(large, large_target), repeat=3)
    chunked = best_time(lambda: by_hand(large, large_target), repeat=3)
    results.append(
        row(
            "assess_panel, 1.7 M series: one call vs chunks of 17,100",
            one,
            0,
            ratio_of=chunked,
            within=1.2,
        )
    )
    t = YEARS
    for name, func in (("ols", trend.ols), ("sen_slope", trend.sen_slope)):
        one = best_time(lambda func=func: func(t, large), repeat=2)
        chunked = best_time(
            lambda func=func: [func(t, large[i : i + SMALL]) for i in range(0, LARGE, SMALL)],
            repeat=2,
        )
        results.append(
            row(
                f"trend.{name}, 1.7 M series: one call vs chunks",
                one,
                0,
                ratio_of=chunked,
                within=1.2,
            )
        )

    for label, y, target, repeat in (
        ("17,100", small, small_target, 30),
        ("1.7 M", large, large_target, 3),
    ):
        ours = best_time(lambda y=y, target=target: assess(y, target).status, repeat=repeat)
        bare = best_time(lambda y=y, target=target: floor(y, target), repeat=repeat)
        results.append(
            row(
                f"assess_panel status, {label} series vs bare numpy",
                ours,
                0,
                ratio_of=bare,
                within=5.0,
            )
        )

    res = assess(small, small_target)
    status = res.status  # type: ignore[attr-defined]
    counted = best_time(res.counts, repeat=200)  # type: ignore[attr-defined]
    bincount = best_time(lambda: np.bincount(status), repeat=200)
    results.append(
        row(
            "PanelAssessment.counts(), 17,100 series vs np.bincount",
            counted,
            0,
            ratio_of=bincount,
            within=2.0,
        )
    )
    finish(results)


if __name__ == "__main__":
    main()
