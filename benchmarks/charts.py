"""Time the charts of the HTML review, one chart at a time.

Run with ``python benchmarks/charts.py`` from the repository's root. Rows,
each the mean time of a chart against 5 ms:

- the Almelo example's ten charts;
- a chart with everything on it: margins, milestones, target, projection;
- the charts of 1,000 indicators of 20 figures each, built here so that
  every chart has a target, a path and a projection, every third margins
  and every fourth a milestone.

The reviews these charts are part of are timed in ``benchmarks/review.py``.
The first chart in a process also imports matplotlib's ticker: it is shown
apart, the goals are for the charts after it. Needs the ``plot`` extra. The
whole run takes a few seconds.
"""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

import _bench

import progmon
from progmon import Ambition, Direction, Goal, Indicator, Level, Measurement, Programme
from progmon.report._charts import chart_svg, chartable
from progmon.report._format import Formatter

ROOT = Path(__file__).parent.parent
ALMELO = ROOT / "examples" / "veiligheid.toml"
CHART_GOAL = 0.005
INDICATORS = 1_000
FIGURES = 20


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


def main() -> None:
    _bench.header("progmon.report charts: one SVG chart each")
    fmt = Formatter("nl")
    almelo = progmon.load(ALMELO)
    charts = chartable_assessments(almelo, 2020)
    start = time.perf_counter()
    chart_svg(charts[0], fmt, number=1)
    print(f"{'  first chart in a process (imports included)':<58} "
          f"{_bench.seconds(time.perf_counter() - start):>10}")  # fmt: skip

    per_chart = _bench.best_time(
        lambda: [chart_svg(a, fmt, number=n) for n, a in enumerate(charts)], 10
    ) / len(charts)
    results = [_bench.row(f"chart, Almelo (mean of {len(charts)})", per_chart, CHART_GOAL)]
    rich_chart = rich()
    per_rich = _bench.best_time(lambda: [chart_svg(rich_chart, fmt) for _ in range(100)]) / 100
    results.append(_bench.row("chart with every part", per_rich, CHART_GOAL))

    large_charts = chartable_assessments(large_programme(), 2020)
    per_large = _bench.best_time(
        lambda: [chart_svg(a, fmt, number=n) for n, a in enumerate(large_charts)], 3
    ) / len(large_charts)
    results.append(
        _bench.row(
            f"chart, 1,000 indicators (mean of {len(large_charts):,})", per_large, CHART_GOAL
        )
    )
    _bench.finish(results)


if __name__ == "__main__":
    main()
