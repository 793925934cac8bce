"""Time the charts of the HTML review.

Run with ``python benchmarks/charts.py`` from the repository's root. It
prints the time per chart (the Almelo example's ten, and a chart with
everything on it: margins, milestones, target, projection), the time of
the Almelo example's HTML review, and that of a review of 1,000 indicators
of 20 figures each (built here), each against its goal: 5 ms a chart,
0.3 s for the Almelo review, 10 s for 1,000 indicators. The first render
in a fresh process also imports Babel, Jinja and matplotlib: it is shown
apart, the goals are for the renders after it.

Needs the ``plot`` extra. The whole run takes well under a minute.
"""

from __future__ import annotations

import math
import os
import platform
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import matplotlib as mpl

import progmon
from progmon import Ambition, Direction, Goal, Indicator, Level, Measurement, Programme
from progmon.report import render
from progmon.report._charts import chart_svg, chartable
from progmon.report._format import Formatter

ROOT = Path(__file__).parent.parent
ALMELO = ROOT / "examples" / "veiligheid.toml"
REPEAT = 5
CHART_GOAL = 0.005
ALMELO_GOAL = 0.3
LARGE_GOAL = 10.0
INDICATORS = 1_000
FIGURES = 20


def best_time(func: Callable[[], object], repeat: int = REPEAT) -> float:
    """Best of ``repeat`` runs: the least disturbed by other processes."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def large_programme() -> Programme:
    """1,000 indicators of 20 yearly figures in 50 goals; every third with margins.

    Half are shares, half counts; each has a target by 2024, every fourth a
    milestone on the way, so that every chart has its path and projection.
    """
    goals = []
    for g in range(INDICATORS // 20):
        indicators = []
        for k in range(20):
            i = g * 20 + k
            level = 20.0 + i % 37
            sign = 1 if i % 2 == 0 else -1
            figures = [
                Measurement(
                    2000 + t,
                    round(level + sign * 0.3 * t + math.sin(i + t), 1),
                    margin=1.5 if i % 3 == 0 else None,
                )
                for t in range(FIGURES)
            ]
            indicators.append(
                Indicator(
                    id=f"ind-{i}",
                    name=f"Indicator {i}",
                    unit="percent" if i % 2 else "report",
                    measurements=figures,
                    target=Level(level + sign * 10),
                    direction=Direction.INCREASE if sign > 0 else Direction.DECREASE,
                    milestones=[Level(level + sign * 8, by=2021)] if i % 4 == 0 else (),
                )
            )
        goals.append(
            Goal(id=f"goal-{g}", statement=f"Doel {g}", deadline=2024, indicators=indicators)
        )
    return Programme(
        id="groot", name="Groot programma", ambitions=[Ambition(title="Alles", goals=goals)]
    )


def chartable_assessments(programme: Programme, as_of: int) -> list[Any]:
    """Every assessment with a chart, components included, as the review draws them."""

    def walk(assessment: Any) -> list[Any]:
        return [assessment, *(a for c in assessment.components for a in walk(c))]

    tops = progmon.assess(programme, as_of=as_of).indicators()
    return [a for top in tops for a in walk(top) if chartable(a)]


def rich() -> Any:
    indicator = Indicator(
        id="rijk",
        name="Rapportcijfer veilige buurt",
        unit="mark",
        measurements=[
            Measurement(2016, 6.6, margin=0.2),
            Measurement(2017, 6.9, margin=0.25),
            Measurement(2018, 7.0, margin=0.2),
            Measurement(2019, 7.05, margin=0.3),
        ],
        target=Level(7.6, by=2023),
        milestones=[Level(7.1, by=2019), Level(7.3, by=2021)],
    )
    return progmon.assess(indicator, as_of=2020)


def verdict(seconds: float, goal: float) -> str:
    ratio = seconds / goal
    return f"{ratio:5.2f}x the goal ({'PASS' if ratio <= 1 else 'FAIL'}, goal <= {goal:g} s)"


def main() -> None:
    print("progmon chart benchmark")
    print(
        f"python {platform.python_version()}, matplotlib {mpl.__version__}, "
        f"{os.cpu_count()} cpus; best of {REPEAT} runs"
    )
    print()

    almelo = progmon.load(ALMELO)
    start = time.perf_counter()
    render(almelo, format="html", as_of=2020)
    first = time.perf_counter() - start

    fmt = Formatter("nl")
    charts = chartable_assessments(almelo, 2020)
    per_chart = best_time(lambda: [chart_svg(a, fmt, number=n) for n, a in enumerate(charts)])
    per_chart /= len(charts)
    rich_chart = rich()
    per_rich = best_time(lambda: [chart_svg(rich_chart, fmt) for _ in range(100)]) / 100
    print(
        f"{'chart, Almelo (mean of ' + str(len(charts)) + ')':<40}{per_chart * 1e3:>9.2f} ms  ",
        end="",
    )
    print(verdict(per_chart, CHART_GOAL))
    print(
        f"{'chart with every part':<40}{per_rich * 1e3:>9.2f} ms  {verdict(per_rich, CHART_GOAL)}"
    )

    html = best_time(lambda: render(almelo, format="html", as_of=2020))
    markdown = best_time(lambda: render(almelo, format="md", as_of=2020))
    print(f"{'Almelo HTML review (10 charts)':<40}{html:>9.3f} s   {verdict(html, ALMELO_GOAL)}")
    print(f"{'  the same in Markdown (no charts)':<40}{markdown:>9.3f} s")
    print(f"{'  first HTML render, imports included':<40}{first:>9.3f} s")

    large = large_programme()
    large_charts = chartable_assessments(large, 2020)
    print()
    print(
        f"{INDICATORS:,} indicators x {FIGURES} figures, "
        f"{len(large_charts):,} charts in the HTML review"
    )
    large_html = best_time(lambda: render(large, format="html", as_of=2020), repeat=2)
    large_markdown = best_time(lambda: render(large, format="md", as_of=2020), repeat=2)
    print(f"{'HTML review':<40}{large_html:>9.3f} s   {verdict(large_html, LARGE_GOAL)}")
    print(f"{'  the same in Markdown (no charts)':<40}{large_markdown:>9.3f} s")
    charts_alone = best_time(
        lambda: [chart_svg(a, fmt, number=n) for n, a in enumerate(large_charts)], repeat=2
    )
    print(
        f"{'  its charts alone':<40}{charts_alone:>9.3f} s   "
        f"({charts_alone / len(large_charts) * 1e3:.2f} ms a chart)"
    )


if __name__ == "__main__":
    main()
