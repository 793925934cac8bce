"""Assess a programme: a status for every indicator, goal, ambition and the whole.

:func:`assess` takes a :class:`~progmon.Programme`, :class:`~progmon.Ambition`,
:class:`~progmon.Goal` or :class:`~progmon.Indicator` and returns an
assessment tree of the same level. Every node has a :class:`Status`; the
indicator nodes carry the numbers that led to it (baseline, latest figure,
change, trend, projection, progress against the path, the method's ratio and
thresholds, the milestones), so that a report can explain every status.

:func:`assess_panel` does the same calculations on numpy arrays for many
series at once (regions x indicators x years, NaN for gaps); :func:`assess`
gathers a programme's indicators into one call of it. Units at the edges,
arrays in the middle.

The pieces live one concern a module: the statuses, reasons and roll-up;
the formulas; the methods (:mod:`progmon.methods`); the panel engine; the
tree. This module is their public face.

Example:
    >>> import progmon
    >>> from progmon.assessment import assess
    >>> crimes = progmon.Indicator(
    ...     id="misdrijven", name="Misdrijven", unit="crime", target=progmon.Change(-360, by=2022),
    ...     measurements=[progmon.Measurement(2018, 4000), progmon.Measurement(2019, 3850)])
    >>> result = assess(crimes, as_of=2020)
    >>> result.status, round(result.ratio, 2), result.target_value
    (<Status.ON_TRACK: 'on-track'>, 1.61, <Quantity(3640.0, 'crime')>)
"""

from __future__ import annotations

from ._assess import (
    AmbitionAssessment,
    GoalAssessment,
    IndicatorAssessment,
    MilestoneAssessment,
    ProgrammeAssessment,
    assess,
    default_as_of,
)
from ._formulas import required_value
from ._panel import PanelAssessment, assess_panel
from ._status import REASONS, Status, roll_up
from ._targets import Kind

__all__ = [
    "REASONS",
    "AmbitionAssessment",
    "GoalAssessment",
    "IndicatorAssessment",
    "Kind",
    "MilestoneAssessment",
    "PanelAssessment",
    "ProgrammeAssessment",
    "Status",
    "assess",
    "assess_panel",
    "default_as_of",
    "required_value",
    "roll_up",
]
