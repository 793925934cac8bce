"""Time the start of progmon: the command line, and the worked example.

Run with ``python benchmarks/startup.py`` from the repository's root. Each
figure is the best wall time of a fresh process (start-up included), after
one run that fills the disk cache and pint's cache of parsed definitions, as
any second run of a user's would find them:

- ``progmon --version``: under 0.3 s (it imports neither pint nor numpy);
- ``progmon check`` of the Almelo programme, shown beside pint's set-up (no
  goal of its own: it reads, validates and assesses);
- ``python examples/veiligheid.py`` (build the Almelo programme, assess it,
  print its Markdown review): within 1.2x of
  ``python -c "import pint; pint.UnitRegistry()"``, what any program that
  uses pint's units pays at its start.

The whole run takes about ten seconds.
"""

from __future__ import annotations

import sys
from pathlib import Path

from _bench import command_time, finish, header, row

ROOT = Path(__file__).resolve().parent.parent
PROGMON = [sys.executable, "-m", "progmon"]
BIN = Path(sys.executable).parent / "progmon"


def main() -> None:
    header("Start-up: fresh processes, best wall time")
    command = [str(BIN)] if BIN.exists() else PROGMON
    floor = command_time([sys.executable, "-c", "import pint; pint.UnitRegistry()"])
    check = command_time([*command, "check", str(ROOT / "examples" / "veiligheid.toml")])
    results = [
        row("progmon --version", command_time([*command, "--version"]), 0.3),
        row(
            f"python examples/veiligheid.py vs pint's set-up {floor * 1e3:.0f} ms",
            command_time([sys.executable, str(ROOT / "examples" / "veiligheid.py")]),
            0.0,
            ratio_of=floor,
            within=1.2,
        ),
    ]
    # No goal of its own: it reads, validates and assesses; shown against the same floor.
    print(f"(progmon check examples/veiligheid.toml: {check * 1e3:.0f} ms, {check / floor:.2f}x)")
    finish(results)


if __name__ == "__main__":
    main()
