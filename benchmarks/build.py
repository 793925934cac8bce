"""Time building a large programme through the model API.

Run with ``python benchmarks/build.py`` from the repository's root. It
builds the programme of 1,000 indicators of 20 yearly figures each
(:func:`_bench.large_programme`: every figure a ``Measurement``, every
indicator validated as a whole) and compares the best time to the goal of
200 ms. The whole run takes a few seconds.
"""

from __future__ import annotations

from _bench import best_time, finish, header, large_programme, row

INDICATORS = 1_000
FIGURES = 20
GOAL = 0.2


def main() -> None:
    header("Building a programme through the model API")
    large_programme(INDICATORS, FIGURES)  # once first: every unit parsed, every cache filled
    figure = best_time(lambda: large_programme(INDICATORS, FIGURES))
    results = [row(f"build {INDICATORS:,} indicators x {FIGURES} figures", figure, GOAL)]
    finish(results)


if __name__ == "__main__":
    main()
