"""Time reading a large programme file against the parser alone.

Run with ``python benchmarks/loads.py`` from the repository's root. It
writes the programme of 1,000 indicators of 20 yearly figures each
(:func:`_bench.large_programme`) with progmon's own writer as TOML and as
JSON, and times :func:`progmon.io.loads` of each text against
``tomllib.loads`` / ``json.loads`` of the same text: the goal is within 2x
of the parser alone. Reading includes every check the model makes; the
programme read is compared to the one written. The whole run takes about
half a minute.
"""

from __future__ import annotations

import json
import tomllib

from _bench import best_time, finish, header, large_programme, row

from progmon.io import dumps, loads

INDICATORS = 1_000
FIGURES = 20
WITHIN = 2.0


def main() -> None:
    header("Reading a programme file: progmon.io.loads vs the parser alone")
    programme = large_programme(INDICATORS, FIGURES)
    results = []
    for format_, parser, parser_name in (
        ("toml", tomllib.loads, "tomllib.loads"),
        ("json", json.loads, "json.loads"),
    ):
        text = dumps(programme, format_)
        if loads(text, format_) != programme:
            raise SystemExit(f"loads({format_}) does not give back the programme written")
        floor = best_time(lambda text=text, parser=parser: parser(text))
        figure = best_time(lambda text=text, format_=format_: loads(text, format_))
        size = len(text.encode()) / 1e6
        results.append(
            row(
                f"loads {format_.upper()} ({size:.1f} MB) vs {parser_name} {floor * 1e3:.0f} ms",
                figure,
                0.0,
                ratio_of=floor,
                within=WITHIN,
            )
        )
    finish(results)


if __name__ == "__main__":
    main()
