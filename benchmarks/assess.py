"""Time ``progmon.assess`` on a programme: the object path against the panel.

Run with ``python benchmarks/assess.py`` from the repository's root. Rows:

- the Almelo example (``examples/veiligheid.toml``, 21 indicators): < 5 ms;
- a programme of 1,000 indicators of 20 figures each (built by
  ``_bench.large_programme``): < 100 ms;
- the same, over :func:`progmon.assess_panel` called on the very arrays the
  assessment hands it, with the results the tree is built from read (the
  statistics the panel computes on demand included): within 3x. The
  difference is what the object path adds: gathering the figures into
  arrays, and building the tree of typed assessments from the results.

The first assessment in a process is shown apart (it imports what the
statistics need); the goals are for the ones after it. The whole run takes a
few seconds.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import _bench

import progmon
from progmon import _assess

ROOT = Path(__file__).parent.parent
ALMELO = ROOT / "examples" / "veiligheid.toml"

# What the tree reads from the panel; reading them is part of the reference.
RESULTS = (
    "status", "reason", "required", "change", "relative_change", "significant", "slope",
    "trend", "projection", "expected", "expected_latest", "ratio", "progress",
    "expected_progress", "rate", "compound", "latest_time", "baseline_time", "baseline",
)  # fmt: skip


def panel_arguments(programme: progmon.Programme) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """The arguments ``assess(programme)`` passes to its one ``assess_panel`` call."""
    captured: dict[str, Any] = {}
    real = _assess.assess_panel

    def capture(*args: Any, **kwargs: Any) -> progmon.PanelAssessment:
        captured.update(args=args, kwargs=kwargs)
        return real(*args, **kwargs)

    _assess.assess_panel = capture  # type: ignore[assignment]
    try:
        progmon.assess(programme)
    finally:
        _assess.assess_panel = real
    return captured["args"], captured["kwargs"]


def main() -> None:
    _bench.header("progmon.assess: the object path")
    almelo = progmon.io.load(ALMELO)
    start = time.perf_counter()
    progmon.assess(almelo)
    print(f"{'  first assessment in a process (imports included)':<58} "
          f"{_bench.seconds(time.perf_counter() - start):>10}")  # fmt: skip
    results = [_bench.row("assess, Almelo (21 indicators)",
                          _bench.best_time(lambda: progmon.assess(almelo), 20), 0.005)]  # fmt: skip

    large = _bench.large_programme(1_000, 20)
    progmon.assess(large)
    whole = _bench.best_time(lambda: progmon.assess(large))
    results.append(_bench.row("assess, 1,000 indicators x 20 figures", whole, 0.1))

    args, kwargs = panel_arguments(large)

    def panel_alone() -> None:
        panel = progmon.assess_panel(*args, **kwargs)
        for name in RESULTS:
            getattr(panel, name)

    floor = _bench.best_time(panel_alone)
    print(f"{'  assess_panel on the same arrays, results read':<58} {_bench.seconds(floor):>10}")
    results.append(
        _bench.row("assess vs assess_panel on the same arrays", whole, 0, ratio_of=floor, within=3)
    )
    _bench.finish(results)


if __name__ == "__main__":
    main()
