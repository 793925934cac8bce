"""Time the reviews: ``progmon.report.render`` to Markdown and to HTML.

Run with ``python benchmarks/review.py`` from the repository's root. Rows:

- the Markdown review of a programme of 1,000 indicators of 20 figures each
  (built by ``_bench.large_programme``): < 0.5 s;
- the HTML review of the Almelo example (``examples/veiligheid.toml``, ten
  charts): < 0.3 s;
- the HTML review of the 1,000 indicators: < 10 s.

Each row times the public call, ``render(programme, ...)``, which assesses the
programme first. That is what the issue's rows measured: its "Markdown review,
1,000 indicators: 4.8 s" was taken when ``assess`` of the same programme took
4.1 s of it, so the review alone was the other 0.7 s. The review alone,
``render`` of a programme assessed once beforehand, is shown under each row,
apart; ``benchmarks/assess.py`` times the assessment.

The first review in a process also imports Babel and Jinja2: it is shown
apart, the goals are for the reviews after it. The whole run takes about half
a minute.
"""

from __future__ import annotations

import time
from pathlib import Path

import _bench

import progmon
from progmon.report import render

ROOT = Path(__file__).parent.parent
ALMELO = ROOT / "examples" / "veiligheid.toml"
AS_OF = 2020  # the Almelo review is the midterm review of 2020


def note(what: str, seconds: float) -> None:
    """A row without a goal: a figure that explains the ones with a goal."""
    print(f"{'  ' + what:<58} {_bench.seconds(seconds):>10}")


def main() -> None:
    _bench.header("progmon.report.render: the reviews")
    almelo = progmon.io.load(ALMELO)
    start = time.perf_counter()
    render(almelo, format="md", as_of=AS_OF)
    note("first review in a process (imports included)", time.perf_counter() - start)

    large = _bench.large_programme(1_000, 20)
    assessed = progmon.assess(large)
    results = [
        _bench.row(
            "Markdown review, 1,000 indicators x 20 figures",
            _bench.best_time(lambda: render(large, format="md")),
            0.5,
        )
    ]
    note("the review alone, of the programme assessed before", _bench.best_time(
        lambda: render(assessed, format="md")))  # fmt: skip

    render(almelo, format="html", as_of=AS_OF)  # the first chart imports matplotlib's ticker
    results.append(
        _bench.row(
            "HTML review, Almelo (21 indicators, 10 charts)",
            _bench.best_time(lambda: render(almelo, format="html", as_of=AS_OF), 10),
            0.3,
        )
    )
    note("the same in Markdown", _bench.best_time(
        lambda: render(almelo, format="md", as_of=AS_OF), 10))  # fmt: skip

    results.append(
        _bench.row(
            "HTML review, 1,000 indicators x 20 figures",
            _bench.best_time(lambda: render(large, format="html"), 3),
            10.0,
        )
    )
    _bench.finish(results)


if __name__ == "__main__":
    main()
