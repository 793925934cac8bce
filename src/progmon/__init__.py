"""progmon: results-based monitoring of municipal programmes.

Model a programme of the council (ambitions, goals, indicators with a
baseline and a target, yearly figures with units and sources), compute
change, trend, progress and status by published methods, and write the
review.

Example:
    >>> import progmon
    >>> ind = progmon.Indicator(
    ...     id="meldingen", name="Meldingen woonoverlast", unit="report",
    ...     measurements=[progmon.Measurement(2016, 1089), progmon.Measurement(2019, 973)],
    ...     direction=progmon.Direction.DECREASE, target=progmon.Improve(by=2022),
    ... )
    >>> ind.latest.value
    <Quantity(973.0, 'report')>
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import assessment, bbv, errors, methods, ranking, tables, trend, units
    from ._compare import Comparison, ComparisonStatus, compare
    from ._indicator import Indicator, IndicatorKind, Measurement, Reference, Source
    from ._period import Period, PeriodKind
    from ._plausible import Implausible, plausibility
    from ._programme import Action, Ambition, Goal, Programme, Resource, Section
    from ._targets import (
        AtLeast,
        AtMost,
        Change,
        Direction,
        Improve,
        Level,
        Maintain,
        RelativeChange,
        Target,
    )
    from .assessment import (
        AmbitionAssessment,
        GoalAssessment,
        IndicatorAssessment,
        MilestoneAssessment,
        PanelAssessment,
        ProgrammeAssessment,
        Status,
        assess,
        assess_panel,
    )
    from .errors import ProgmonError, ProgmonWarning
    from .io import dump, load, load_measurements
    from .review import Review, load_review
    from .tables import to_frame

    __version__: str

# Every name is imported when it is first used, not at ``import progmon``: the
# command line imports this package before it knows its command, and
# ``progmon --version`` needs neither pint (about 0.3 s to import and set up)
# nor numpy. The first use of a name of the model sets up the unit registry.
_WHERE: dict[str, str] = {
    **dict.fromkeys(
        (
            "assessment",
            "bbv",
            "errors",
            "io",
            "methods",
            "ranking",
            "tables",
            "trend",
            "units",
        ),
        "",
    ),
    **dict.fromkeys(
        ("Indicator", "IndicatorKind", "Measurement", "Reference", "Source"), "._indicator"
    ),
    **dict.fromkeys(("Comparison", "ComparisonStatus", "compare"), "._compare"),
    **dict.fromkeys(("Period", "PeriodKind"), "._period"),
    **dict.fromkeys(
        ("Action", "Ambition", "Goal", "Programme", "Resource", "Section"), "._programme"
    ),
    **dict.fromkeys(
        (
            "AtLeast",
            "AtMost",
            "Change",
            "Direction",
            "Improve",
            "Level",
            "Maintain",
            "RelativeChange",
            "Target",
        ),
        "._targets",
    ),
    **dict.fromkeys(
        (
            "AmbitionAssessment",
            "GoalAssessment",
            "IndicatorAssessment",
            "MilestoneAssessment",
            "PanelAssessment",
            "ProgrammeAssessment",
            "Status",
            "assess",
            "assess_panel",
        ),
        ".assessment",
    ),
    **dict.fromkeys(("ProgmonError", "ProgmonWarning"), ".errors"),
    **dict.fromkeys(("dump", "load", "load_measurements"), ".io"),
    **dict.fromkeys(("Implausible", "plausibility"), "._plausible"),
    "to_frame": ".tables",
    **dict.fromkeys(("Review", "load_review"), ".review"),
}


def __getattr__(name: str) -> Any:
    value: Any
    if name == "__version__":
        # Not importlib.metadata: importing it costs more than a review of the example.
        from ._version import __version__ as value
    elif name in _WHERE:
        where = _WHERE[name]
        value = (
            importlib.import_module(f".{name}", __name__)
            if not where
            else getattr(importlib.import_module(where, __name__), name)
        )
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # found once: the next use is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "Action",
    "Ambition",
    "AmbitionAssessment",
    "AtLeast",
    "AtMost",
    "Change",
    "Comparison",
    "ComparisonStatus",
    "Direction",
    "Goal",
    "GoalAssessment",
    "Implausible",
    "Improve",
    "Indicator",
    "IndicatorAssessment",
    "IndicatorKind",
    "Level",
    "Maintain",
    "Measurement",
    "MilestoneAssessment",
    "PanelAssessment",
    "Period",
    "PeriodKind",
    "ProgmonError",
    "ProgmonWarning",
    "Programme",
    "ProgrammeAssessment",
    "Reference",
    "RelativeChange",
    "Resource",
    "Review",
    "Section",
    "Source",
    "Status",
    "Target",
    "__version__",
    "assess",
    "assess_panel",
    "assessment",
    "bbv",
    "compare",
    "dump",
    "errors",
    "load",
    "load_measurements",
    "load_review",
    "methods",
    "plausibility",
    "ranking",
    "tables",
    "to_frame",
    "trend",
    "units",
]
