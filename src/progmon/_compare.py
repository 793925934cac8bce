"""How a municipality compares with its references: the country, the province, its peers.

:func:`compare` sets an indicator's latest figure beside the figure of each
of its :class:`~progmon.Reference` series, for the same period or, where the
reference has none, its latest figure before it. The difference is
significant by the rule the assessment uses for a change
(:func:`progmon.trend.margin_test` where both margins are known, else a
z-test of two shares with their sample sizes): the same function
(``_panel._significance``) decides both. A :class:`ComparisonStatus`
(better, similar, worse, by the indicator's direction) says how the
municipality compares; it is kept apart from the progress to the target and
never counts in a roll-up. The docs page *Comparing with references* gives the rules.
"""

from __future__ import annotations

import enum
import math
from datetime import date
from typing import Any, Final

import attrs
import numpy as np

from . import units
from ._indicator import Indicator, Measurement, Reference, series_of
from ._panel import _significance
from ._period import Period
from .errors import ValidationError

__all__ = ["TOLERANCE", "Comparison", "ComparisonStatus", "compare", "comparisons_with"]

#: Without margins or sample sizes, a difference within this share of the
#: reference's figure is *similar*: 5 %, so 4.5 against 4.3 is similar, 4.6 not.
TOLERANCE: Final = 0.05

# A difference at the tolerance is within it, also where the decimal figures
# are not exact in binary (the slack of trend.margin_test).
_SLACK: Final = 1e-9


class ComparisonStatus(enum.Enum):
    """How a municipality's figure compares with a reference, by the indicator's direction.

    SIMILAR when the difference is not significant (or, without margins or
    sample sizes, within 5 % of the reference's figure); else BETTER or
    WORSE. It is not a :class:`~progmon.Status`: it says nothing of the
    target, and no roll-up counts it.

    Example:
        >>> ComparisonStatus.BETTER.value
        'better'
    """

    BETTER = "better"
    SIMILAR = "similar"
    WORSE = "worse"


@attrs.frozen
class Comparison:
    """An indicator's latest figure beside the figure of one of its references.

    ``latest`` is the municipality's figure, ``figure`` the reference's of
    the same period or, where it has none, its latest figure of a period
    that starts before (None: no figure by then). ``difference`` is
    ``latest - figure`` in the indicator's unit; ``significant`` whether it
    exceeds its margin (None: neither margins nor sample sizes to tell);
    ``status`` better, similar or worse (None: no figure to compare, or an
    indicator without a direction).

    Example:
        >>> import progmon
        >>> nl = progmon.Reference("Nederland", progmon.Measurement.series({2019: 4.3}))
        >>> ind = progmon.Indicator(id="x", name="Woninginbraken", unit="crime per 1000 inhabitant",
        ...     direction=progmon.Direction.DECREASE, references=[nl],
        ...     measurements=progmon.Measurement.series({2019: 3.1}))
        >>> (c,) = progmon.compare(ind)
        >>> c.name, round(c.difference.magnitude, 1), c.significant, c.status.value
        ('Nederland', -1.2, None, 'better')
    """

    reference: Reference
    latest: Measurement
    figure: Measurement | None
    difference: Any
    significant: bool | None
    status: ComparisonStatus | None

    @property
    def name(self) -> str:
        """The reference's name.

        Example:
            >>> from progmon import Measurement, Reference
            >>> Comparison(Reference("NL"), Measurement(2019, 1), None, None, None, None).name
            'NL'
        """
        return self.reference.name

    @property
    def same_period(self) -> bool:
        """Whether the reference's figure is of the same period as the municipality's.

        Example:
            >>> from progmon import Measurement, Reference
            >>> m = Measurement(2019, 1)
            >>> Comparison(Reference("NL"), m, Measurement(2018, 2), -1, None, None).same_period
            False
        """
        return self.figure is not None and self.figure.period == self.latest.period


def compare(indicator: Indicator, *, as_of: int | None = None) -> tuple[Comparison, ...]:
    """How ``indicator``'s latest figure compares with each of its references.

    ``as_of`` (a year) counts the figures of periods that start by its end,
    as :func:`progmon.assess` does; None: all. An indicator without a
    figure by then has no comparisons.

    Raises:
        ValidationError: ``indicator`` is not an indicator, ``as_of`` not a year.

    Example:
        >>> import progmon
        >>> nl = progmon.Reference("Nederland", progmon.Measurement.series({2018: 80, 2019: 82}))
        >>> ind = progmon.Indicator(id="x", name="X", unit="percent", references=[nl],
        ...     direction=progmon.Direction.INCREASE,
        ...     measurements=progmon.Measurement.series({2018: 70, 2019: 81}))
        >>> [(c.figure.period.label, c.status.value) for c in progmon.compare(ind, as_of=2018)]
        [('2018', 'worse')]
    """
    if not isinstance(indicator, Indicator):
        raise ValidationError("compare takes an Indicator", element="compare", value=indicator)
    figures = [m for m in indicator.measurements if m.value is not None]
    if as_of is not None:
        if isinstance(as_of, bool) or not isinstance(as_of, int):
            raise ValidationError("as_of must be a year", element="compare", value=as_of)
        end = date(min(max(as_of, 1), 9999), 12, 31)
        figures = [m for m in figures if m.period.start <= end]
    return comparisons_with(indicator, figures[-1] if figures else None)


def comparisons_with(indicator: Indicator, latest: Measurement | None) -> tuple[Comparison, ...]:
    """The comparisons of ``latest`` (one of ``indicator``'s figures) with its references."""
    if latest is None or latest.value is None or not indicator.references:
        return ()
    return tuple(_compared(indicator, reference, latest) for reference in indicator.references)


def _figure_for(reference: Reference, period: Period) -> Measurement | None:
    """The reference's figure for ``period``; else its latest of a period starting before."""
    earlier = None
    for measurement in reference.measurements:  # sorted by period
        if measurement.value is None:
            continue
        if measurement.period == period:
            return measurement
        if measurement.period.start < period.start:
            earlier = measurement
    return earlier


def _magnitude(value: Any) -> float:
    return math.nan if value is None else float(value.magnitude)


def _compared(indicator: Indicator, reference: Reference, latest: Measurement) -> Comparison:
    figure = _figure_for(reference, latest.period)
    if figure is None:
        return Comparison(reference, latest, None, None, None, None)
    own, other = latest.value.magnitude, figure.value.magnitude
    difference = own - other

    def one(value: float | None) -> Any:
        return np.array([math.nan if value is None else value], dtype=np.float64)

    tested = _significance(
        (one(other), one(_magnitude(figure.margin)), one(figure.sample_size)),
        (one(own), one(_magnitude(latest.margin)), one(latest.sample_size)),
        np.array([series_of(indicator).share_scale]),
    )[0]
    significant = None if math.isnan(tested) else bool(tested)
    return Comparison(
        reference,
        latest,
        figure,
        units.Quantity(difference, indicator.unit),
        significant,
        comparison_status(difference, other, significant, indicator.direction),
    )


def comparison_status(
    difference: float, reference: float, significant: bool | None, direction: Any
) -> ComparisonStatus | None:
    """Better, similar or worse: the one rule, on plain numbers (see :class:`Comparison`)."""
    if direction is None or not math.isfinite(difference):
        return None
    if significant is None:
        similar = abs(difference) <= TOLERANCE * abs(reference) * (1 + _SLACK)
    else:
        similar = not significant
    if similar or difference == 0:
        return ComparisonStatus.SIMILAR
    return ComparisonStatus.BETTER if difference * direction.sign > 0 else ComparisonStatus.WORSE
