"""Statuses, the reasons for them, and the roll-up of a whole from its parts.

A status is a judgement (ACHIEVED ... DETERIORATING) or says why there is
none (NOT_MEASURED, INSUFFICIENT_DATA, NO_TARGET). Each indicator's status
comes with a reason code from :data:`REASONS`; the review turns each code
into a sentence.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Final

from .errors import ValidationError

__all__ = ["REASONS", "Status", "counts", "reason_code", "roll_up"]


class Status(enum.Enum):
    """The status of an indicator, goal, ambition or programme.

    The first five are judgements, from best to worst; the last three say why
    there is no judgement. ``rank`` orders the judgements for the roll-up
    (higher is worse, DETERIORATING worst) and is -1 for the others; ``code``
    is the small integer that panels use.

    Example:
        >>> Status.ON_TRACK.value, Status.ON_TRACK.rank
        ('on-track', 1)
        >>> Status.from_code(4)
        <Status.DETERIORATING: 'deteriorating'>
        >>> Status.NOT_MEASURED.is_judged
        False
    """

    ACHIEVED = "achieved"
    ON_TRACK = "on-track"
    AT_RISK = "at-risk"
    OFF_TRACK = "off-track"
    DETERIORATING = "deteriorating"
    NOT_MEASURED = "not-measured"
    INSUFFICIENT_DATA = "insufficient-data"
    NO_TARGET = "no-target"

    @property
    def code(self) -> int:
        """The integer code of this status in panel results (0-7).

        Example:
            >>> Status.AT_RISK.code
            2
        """
        return _CODES[self]

    @property
    def is_judged(self) -> bool:
        """Whether this is a judgement (ACHIEVED ... DETERIORATING).

        Example:
            >>> Status.OFF_TRACK.is_judged, Status.NO_TARGET.is_judged
            (True, False)
        """
        return self.code <= DETERIORATING

    @property
    def rank(self) -> int:
        """The order of the roll-up, 0 ACHIEVED ... 4 DETERIORATING (worst); -1 if not judged."""
        return self.code if self.is_judged else -1

    @classmethod
    def from_code(cls, code: int) -> Status:
        """The status with integer ``code``.

        Raises:
            ValidationError: no status has that code.
        """
        try:
            return _ORDER[int(code)]
        except (IndexError, ValueError, TypeError):
            raise ValidationError(
                "is not a status code (0-7)", element="status", value=code
            ) from None


_ORDER: Final = tuple(Status)
_CODES: Final = {status: code for code, status in enumerate(_ORDER)}
ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, DETERIORATING = 0, 1, 2, 3, 4
NOT_MEASURED, INSUFFICIENT_DATA, NO_TARGET = 5, 6, 7
# The roll-up asks it of every status below a goal, an ambition and the programme.
_RANKS: Final = {status: status.rank for status in _ORDER}

REASONS: Final = (
    "not-measured",
    "no-target",
    "no-baseline",
    "target-met",
    "baseline-only",
    "not-maintained",
    "no-direction",
    "no-deadline",
    "deadline-passed",
    "gap-zero",
    "change-within-margin",
    "ratio",
    "rate",
    "norm-holds",
    "norm-at-risk",
)
"""Why an indicator has its status, as short codes (``"target-met"``, ``"ratio"``, ...).

``PanelAssessment.reason`` holds indexes into this tuple, and
``IndicatorAssessment.reason`` the code itself; the review turns each code
into a sentence in Dutch or English.

Example:
    >>> REASONS[:4]
    ('not-measured', 'no-target', 'no-baseline', 'target-met')
"""

_REASON: Final = {name: code for code, name in enumerate(REASONS)}


def reason_code(name: str) -> int:
    """The integer code of the reason ``name`` in panel results.

    Example:
        >>> reason_code("norm-at-risk") == REASONS.index("norm-at-risk")
        True
    """
    return _REASON[name]


def roll_up(statuses: Iterable[Status]) -> Status:
    """The status of a whole: the worst judged status, else NOT_MEASURED or INSUFFICIENT_DATA.

    A whole is ACHIEVED only when all its parts are: where some parts are
    achieved and others cannot be judged yet (not measured, too few
    figures, no target), the whole is ON_TRACK at best, because nobody can
    say the unmeasured parts were reached.

    Example:
        >>> roll_up([Status.ON_TRACK, Status.AT_RISK, Status.NOT_MEASURED])
        <Status.AT_RISK: 'at-risk'>
        >>> roll_up([Status.ACHIEVED, Status.ACHIEVED])
        <Status.ACHIEVED: 'achieved'>
        >>> roll_up([Status.ACHIEVED, Status.NOT_MEASURED])
        <Status.ON_TRACK: 'on-track'>
        >>> roll_up([Status.NOT_MEASURED, Status.NO_TARGET])
        <Status.INSUFFICIENT_DATA: 'insufficient-data'>
        >>> roll_up([])
        <Status.NOT_MEASURED: 'not-measured'>
    """
    return rolled_up(counts(statuses))


def rolled_up(counted: Mapping[Status, int]) -> Status:
    """:func:`roll_up` of statuses given by how many there are of each.

    The status of a whole depends only on how many of each status its parts
    have, so the whole of wholes is rolled up from their summed counts.

    Example:
        >>> rolled_up({Status.ACHIEVED: 2, Status.NOT_MEASURED: 1})
        <Status.ON_TRACK: 'on-track'>
    """
    present = [status for status, n in counted.items() if n > 0]
    ranks = [_RANKS[status] for status in present]
    worst_rank = max(ranks, default=-1)
    if worst_rank >= 0:
        worst = _ORDER[worst_rank]
        if worst is Status.ACHIEVED and min(ranks) < 0:
            return Status.ON_TRACK
        return worst
    if all(status is Status.NOT_MEASURED for status in present):
        return Status.NOT_MEASURED
    return Status.INSUFFICIENT_DATA


def summed(*counted: Mapping[Status, int]) -> dict[Status, int]:
    """The counts of several wholes together, every status listed.

    Example:
        >>> summed({Status.ACHIEVED: 1}, {Status.ACHIEVED: 2})[Status.ACHIEVED]
        3
    """
    return {status: sum(c.get(status, 0) for c in counted) for status in Status}


def counts(statuses: Iterable[Status]) -> dict[Status, int]:
    """How many of ``statuses`` there are of each status, every status listed.

    Example:
        >>> counts([Status.ACHIEVED, Status.ACHIEVED])[Status.ACHIEVED]
        2
    """
    found = Counter(statuses)
    return {status: found.get(status, 0) for status in Status}
