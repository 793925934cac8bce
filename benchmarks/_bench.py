"""What the benchmark scripts share: timing, the table row, a large programme.

Not a benchmark itself (``make bench`` runs the scripts whose names do not
start with an underscore). Every script prints rows of one table::

    what | figure | goal | ratio | met

where the ratio is the figure over the goal (or over its floor, for goals
stated as "within Nx of"), so a ratio at or below 1 (or at or below N)
meets it.
"""

from __future__ import annotations

import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence

import numpy as np

import progmon

REPEAT = 5


def best_time(func: Callable[[], object], repeat: int = REPEAT) -> float:
    """Best of ``repeat`` runs: the least disturbed by other processes on a shared machine."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def command_time(argv: Sequence[str], repeat: int = REPEAT) -> float:
    """Best wall time of running ``argv`` as a fresh process (start-up included)."""

    def run() -> None:
        subprocess.run(  # noqa: S603  # the benchmark's own fixed commands
            argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    run()  # the first run fills the disk cache, as any second run of a user's would be
    return best_time(run, repeat)


def header(title: str) -> None:
    """The script's title and the machine, so that a pasted table says where it ran."""
    print(
        f"{title} (Python {platform.python_version()}, {platform.machine()}, "
        f"numpy {np.__version__}, progmon {progmon.__version__})"
    )
    print(f"{'what':<58} {'figure':>10} {'goal':>10} {'ratio':>7}  met")


def seconds(value: float) -> str:
    """A time as people read it: ms below a second."""
    return f"{value * 1e3:.1f} ms" if value < 1 else f"{value:.2f} s"


def row(
    what: str,
    figure: float,
    goal: float,
    *,
    ratio_of: float | None = None,
    within: float = 1.0,
    unit: str = "s",
) -> bool:
    """Print one row and say whether it met its goal.

    ``goal`` is an absolute ceiling (seconds) unless ``ratio_of`` is given: then
    the ratio is ``figure / ratio_of`` and the goal is that it stays ``<= within``.
    """
    if ratio_of is None:
        ratio, shown_goal = figure / goal, (f"< {seconds(goal)}" if unit == "s" else f"< {goal}")
        met = ratio <= 1.0
    else:
        ratio, shown_goal = figure / ratio_of, f"<= {within:g}x"
        met = ratio <= within
    shown = seconds(figure) if unit == "s" else f"{figure:.3g}"
    print(f"{what:<58} {shown:>10} {shown_goal:>10} {ratio:>6.2f}x  {'ok' if met else 'MISSED'}")
    return met


def finish(results: Sequence[bool]) -> None:
    """Exit non-zero when a goal was missed, so ``make bench`` says so."""
    sys.exit(0 if all(results) else 1)


def large_programme(
    indicators: int = 1_000, figures: int = 20, *, seed: int = 0
) -> progmon.Programme:
    """A programme of ``indicators`` indicators with ``figures`` yearly figures each.

    Ten goals; the indicators cycle through the kinds a council sets (counts
    with a change target, percentages with a level target and survey margins,
    shares with a norm, marks with no target), one figure in ten missing.
    """
    rng = np.random.default_rng(seed)
    first = 2025 - figures
    goals = []
    per_goal = indicators // 10
    for g in range(10):
        members = []
        for i in range(per_goal):
            n = g * per_goal + i
            level = rng.uniform(20, 80)
            slope = rng.normal(0, 1)
            values = np.round(level + slope * np.arange(figures) + rng.normal(0, 2, figures), 1)
            values = np.clip(values, 0.0, 100.0)
            missing = rng.random(figures) < 0.1
            style = n % 4
            if style == 0:
                unit, target, kind = (
                    "report",
                    progmon.Change(-0.1 * level, by=2026),
                    progmon.IndicatorKind.EFFECT,
                )
            elif style == 1:
                unit, target, kind = (
                    "percent",
                    progmon.Level(level + 5, by=2026),
                    progmon.IndicatorKind.EFFECT,
                )
            elif style == 2:
                unit, target, kind = (
                    "percent",
                    progmon.AtMost(level + 10),
                    progmon.IndicatorKind.OUTPUT,
                )
            else:
                unit, target, kind = "mark", None, progmon.IndicatorKind.CONTEXT
                values = np.round(1 + values * 0.09, 1)
            measurements = [
                progmon.Measurement(
                    first + j,
                    None if missing[j] else float(values[j]),
                    margin=2.5 if style == 1 and not missing[j] else None,
                    sample_size=900 if style == 1 and not missing[j] else None,
                )
                for j in range(figures)
            ]
            members.append(
                progmon.Indicator(
                    id=f"indicator-{n}",
                    name=f"Indicator {n}",
                    unit=unit,
                    kind=kind,
                    direction=progmon.Direction.INCREASE
                    if style in (1, 3)
                    else progmon.Direction.DECREASE,
                    target=target,
                    measurements=measurements,
                )
            )
        goals.append(
            progmon.Goal(id=f"goal-{g}", statement=f"Goal {g}", indicators=members, deadline=2026)
        )
    ambition = progmon.Ambition(title="Ambition", goals=goals)
    return progmon.Programme(
        id="large", name="A large programme", ambitions=[ambition], review="2025"
    )
