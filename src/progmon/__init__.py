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

from . import errors, methods, trend, units
from ._model import (
    Action,
    Ambition,
    Direction,
    Goal,
    Indicator,
    IndicatorKind,
    Measurement,
    Period,
    Programme,
    Resource,
    Section,
    Source,
)
from ._targets import Change, Improve, Level, Maintain, RelativeChange, Target
from .assess import Status, assess
from .errors import ProgmonError, ProgmonWarning
from .io import dump, load, load_measurements

__version__ = "0.1.0.dev0"

__all__ = [
    "Action",
    "Ambition",
    "Change",
    "Direction",
    "Goal",
    "Improve",
    "Indicator",
    "IndicatorKind",
    "Level",
    "Maintain",
    "Measurement",
    "Period",
    "ProgmonError",
    "ProgmonWarning",
    "Programme",
    "RelativeChange",
    "Resource",
    "Section",
    "Source",
    "Status",
    "Target",
    "__version__",
    "assess",
    "dump",
    "errors",
    "load",
    "load_measurements",
    "methods",
    "trend",
    "units",
]
