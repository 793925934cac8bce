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

import importlib.metadata

from . import assessment, errors, methods, trend, units
from ._indicator import Indicator, IndicatorKind, Measurement, Source
from ._period import Period, PeriodKind
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

try:
    __version__ = importlib.metadata.version("progmon-nl")
except importlib.metadata.PackageNotFoundError:  # run from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = [
    "Action",
    "Ambition",
    "AmbitionAssessment",
    "AtLeast",
    "AtMost",
    "Change",
    "Direction",
    "Goal",
    "GoalAssessment",
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
    "RelativeChange",
    "Resource",
    "Section",
    "Source",
    "Status",
    "Target",
    "__version__",
    "assess",
    "assess_panel",
    "assessment",
    "dump",
    "errors",
    "load",
    "load_measurements",
    "methods",
    "trend",
    "units",
]
