"""The programme tree: goals, ambitions and the programme, with actions, resources, sections.

The leaves, indicators and their figures, are in :mod:`progmon._indicator`.
Each node checks what only it can see: ids unique across the tree, a goal's
deadline against its indicators' baselines and milestones.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs
import pint

from . import units
from ._indicator import Indicator, check_is_indicator, to_value
from ._language import LANGUAGES
from ._period import Period, to_optional_period
from ._validators import (
    as_tuple,
    check_bool,
    check_id,
    check_str,
    check_texts,
    check_title,
    element_of,
    finite_magnitude,
    is_year,
    plain_year,
    tuple_of,
)
from .errors import DuplicateError, UnitError, ValidationError

__all__ = ["Action", "Ambition", "Goal", "Programme", "Resource", "Section"]


def _check_deadline(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and not is_year(value):
        raise ValidationError(
            "deadline must be a year", element=f"goal {getattr(instance, 'id', '')!r}", value=value
        )


@attrs.frozen
class Goal:
    """A goal (strategisch doel): a statement, a deadline and its indicators.

    Targets without their own ``by`` are due at the goal's ``deadline``.

    Example:
        >>> g = Goal(id="veilig", statement="Inwoners voelen zich veiliger", deadline=2022)
        >>> g.deadline
        2022
    """

    id: str = attrs.field(validator=check_id)
    statement: str = attrs.field(validator=check_title)
    indicators: tuple[Indicator, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Indicator, "indicators")
    )
    deadline: int | None = attrs.field(
        default=None, converter=plain_year, validator=_check_deadline
    )
    title: str = attrs.field(default="", validator=check_str)
    results: str = attrs.field(default="", validator=check_str)
    note: str = attrs.field(default="", validator=check_str)

    def __attrs_post_init__(self) -> None:
        _check_unique(
            ((i.id, "indicator") for ind in self.indicators for i in ind.walk()),
            element=f"goal {self.id!r}",
        )
        if self.deadline is None:
            return
        for indicator in self.indicators:
            if indicator.target is None or indicator.target.by is not None:
                continue  # its own deadline, checked by the indicator
            baseline = indicator.baseline
            if baseline is not None and self.deadline < baseline.start.year:
                raise ValidationError(
                    f"deadline lies before the baseline {baseline.label} of indicator "
                    f"{indicator.id!r}",
                    element=f"goal {self.id!r}",
                    value=self.deadline,
                )
            late = [m for m in indicator.milestones if m.by is not None and m.by >= self.deadline]
            if late:
                raise ValidationError(
                    f"deadline lies in or before the year of a milestone of indicator "
                    f"{indicator.id!r}",
                    element=f"goal {self.id!r}",
                    value=self.deadline,
                )

    def deadline_of(self, indicator: Indicator) -> int | None:
        """The year ``indicator``'s target is due: its own ``by``, else the goal's.

        Example:
            >>> from progmon import Direction, Level
            >>> ind = Indicator(id="x", name="X", unit="count", target=Level(3),
            ...                 direction=Direction.INCREASE)
            >>> Goal(id="g", statement="S", indicators=[ind], deadline=2022).deadline_of(ind)
            2022
        """
        if indicator.target is not None and indicator.target.by is not None:
            return indicator.target.by
        return self.deadline


def _check_unique(pairs: Iterable[tuple[str, str]], *, element: str) -> None:
    seen: set[tuple[str, str]] = set()
    for key in pairs:
        if key in seen:
            raise DuplicateError(f"has two {key[1]}s with one id", element=element, value=key[0])
        seen.add(key)


# --------------------------------------------------------------------------- ambitions


@attrs.frozen
class Action:
    """Something the municipality does for an ambition (an inspanning).

    Example:
        >>> Action("volgen snel en zichtbaar meldingen van overlast op").description[:6]
        'volgen'
    """

    description: str = attrs.field(validator=check_title)
    period: Period | None = attrs.field(default=None, converter=to_optional_period)
    note: str = attrs.field(default="", validator=check_str)


def _check_resource_amount(
    instance: Resource, attribute: attrs.Attribute[Any], value: object
) -> None:
    element = f"resource {instance.purpose!r}"
    if not isinstance(value, pint.Quantity):
        raise UnitError("amount must be a quantity in EUR or fte", element=element, value=value)
    if value.dimensionality not in (
        units.registry.EUR.dimensionality,
        units.registry.fte.dimensionality,
    ):
        raise UnitError(
            "amount must be money (EUR) or staff (fte)", element=element, value=str(value)
        )
    magnitude = finite_magnitude(value, element=f"{element} amount")
    # Money may be negative (a saving, bezuiniging); staff may not.
    units.check_in_range(magnitude, value.units, element=element, what="amount must")


@attrs.frozen
class Resource:
    """What an ambition may cost: a budget in EUR or staff in fte, for a period.

    ``incidental`` marks one-off money (incidenteel) as opposed to a
    structural budget.

    Example:
        >>> r = Resource("Preventie mensenhandel", units.Quantity(50_000, "EUR"), period=2021,
        ...              incidental=True)
        >>> r.is_money, r.period.label
        (True, '2021')
    """

    purpose: str = attrs.field(validator=check_title)
    amount: Any = attrs.field(converter=to_value, validator=_check_resource_amount)
    period: Period | None = attrs.field(default=None, converter=to_optional_period)
    incidental: bool = attrs.field(default=False, validator=check_bool)
    note: str = attrs.field(default="", validator=check_str)

    @property
    def is_money(self) -> bool:
        """Whether the amount is money (else it is staff)."""
        return bool(self.amount.dimensionality == units.registry.EUR.dimensionality)


@attrs.frozen
class Section:
    """A narrative part of a review: a title, paragraphs and bullet points.

    Example:
        >>> Section("Terugblik", paragraphs=("Wij hebben ...",)).title
        'Terugblik'
    """

    title: str = attrs.field(validator=check_str)
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=as_tuple, validator=check_texts)
    bullets: tuple[str, ...] = attrs.field(default=(), converter=as_tuple, validator=check_texts)


@attrs.frozen
class Ambition:
    """An ambition: what the council wants, with its goals, actions and means.

    ``context`` holds context indicators that describe the ambition's field
    without a target (e.g. CBS figures on feelings of safety).

    Example:
        >>> Ambition(title="Samen maken we Almelo veiliger!").goals
        ()
    """

    title: str = attrs.field(validator=check_title)
    goals: tuple[Goal, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Goal, "goals")
    )
    description: str = attrs.field(default="", validator=check_str)
    actions: tuple[Action, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Action, "Action values")
    )
    resources: tuple[Resource, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Resource, "Resource values")
    )
    context: tuple[Indicator, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Indicator, "indicators")
    )
    sections: tuple[Section, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Section, "Section values")
    )

    def indicators(self) -> Iterator[Indicator]:
        """Every indicator of every goal, in order, then the context indicators."""
        for goal in self.goals:
            yield from goal.indicators
        yield from self.context


# --------------------------------------------------------------------------- programmes


def _populations(value: object) -> dict[str, str]:
    """A programme's own populations as a dict of name to description, in their order."""
    if isinstance(value, dict):
        return dict(value)
    if value is None or isinstance(value, str | bytes) or not hasattr(value, "items"):
        raise ValidationError(
            "populations must be a mapping of name to description, such as "
            "{'jongeren': 'inhabitants aged 12-17'}",
            element="programme populations",
            value=value,
        )
    return dict(value.items())


@attrs.frozen
class Programme:
    """A programme of the council: ambitions, goals, indicators and figures.

    ``populations`` names the programme's own populations, name to
    description, that its rates are per ("verwijzingen per 1.000 jongeren"):
    each is defined with :func:`progmon.units.define_population`.

    Example:
        >>> p = Programme(id="veiligheid", name="Programma Veiligheid")
        >>> list(p.goals())
        []
        >>> youths = {"jongeren": "inhabitants aged 12-17"}
        >>> Programme(id="p", name="P", populations=youths).populations
        {'jongeren': 'inhabitants aged 12-17'}
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_title)
    ambitions: tuple[Ambition, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Ambition, "Ambition values")
    )
    organisation: str = attrs.field(default="", validator=check_str)
    number: str = attrs.field(default="", validator=check_str)
    period: Period | None = attrs.field(default=None, converter=to_optional_period)
    review: str = attrs.field(default="", validator=check_str)
    summary: str = attrs.field(default="", validator=check_str)
    sections: tuple[Section, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Section, "Section values")
    )
    language: str = attrs.field(default="nl")
    populations: dict[str, str] = attrs.field(factory=dict, converter=_populations, hash=False)

    @language.validator
    def _check_language(self, attribute: attrs.Attribute[str], value: object) -> None:
        if value not in LANGUAGES:
            raise ValidationError(
                f"language must be one of {', '.join(LANGUAGES)}",
                element=element_of(self),
                value=value,
            )

    @populations.validator
    def _check_populations(self, attribute: attrs.Attribute[dict[str, str]], value: object) -> None:
        # Defined here too, idempotently: a programme built in Python names its
        # populations as a file does, and one that means another thing by a
        # name already defined is refused (see units.define_population).
        for name, description in self.populations.items():
            units.define_population(
                name, description, element=f"{element_of(self)} populations {name!r}"
            )

    def __attrs_post_init__(self) -> None:
        element = f"programme {self.id!r}"
        _check_unique(((g.id, "goal") for g in self.goals()), element=element)
        _check_unique(
            ((i.id, "indicator") for ind in self.indicators() for i in ind.walk()),
            element=element,
        )

    def goals(self) -> Iterator[Goal]:
        """Every goal, in order.

        Example:
            >>> g = Goal(id="g", statement="S")
            >>> [x.id for x in Programme(id="p", name="P",
            ...                          ambitions=[Ambition(title="A", goals=[g])]).goals()]
            ['g']
        """
        for ambition in self.ambitions:
            yield from ambition.goals

    def indicators(self) -> Iterator[Indicator]:
        """Every indicator, in order: per ambition, goal indicators then context.

        Components are reached through :meth:`Indicator.walk`.
        """
        for ambition in self.ambitions:
            yield from ambition.indicators()

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator (or component) with ``indicator_id``.

        Raises:
            ValidationError: there is none.
        """
        for top in self.indicators():
            for indicator in top.walk():
                if indicator.id == indicator_id:
                    return indicator
        raise ValidationError(
            "has no indicator with this id", element=f"programme {self.id!r}", value=indicator_id
        )

    def goal_of(self, indicator: Indicator) -> Goal | None:
        """The goal an indicator (or component) belongs to, if any."""
        check_is_indicator(indicator, element=f"programme {self.id!r}")
        for goal in self.goals():
            for top in goal.indicators:
                if any(i.id == indicator.id for i in top.walk()):
                    return goal
        return None

    def with_indicator(self, indicator: Indicator) -> Programme:
        """A copy in which the indicator with ``indicator.id`` is replaced.

        The indicator may be a goal's, a context indicator or a component; it
        replaces the old one whole, its components included. A total is not
        recomputed from a changed component: give the total its figure too,
        or build it again with :meth:`Indicator.total_of`.

        Raises:
            ValidationError: ``indicator`` is not an Indicator, or the
                programme has no indicator with its id.

        Example:
            >>> from progmon import Measurement
            >>> ind = Indicator(id="x", name="X", unit="report")
            >>> p = Programme(id="p", name="P", ambitions=[
            ...     Ambition(title="A", goals=[Goal(id="g", statement="S", indicators=[ind])])])
            >>> p2 = p.with_indicator(ind.with_measurement(Measurement(2019, 5)))
            >>> p2.indicator("x").latest.value
            <Quantity(5.0, 'report')>
        """
        check_is_indicator(indicator, element=f"programme {self.id!r}")
        self.indicator(indicator.id)

        def swap(current: Indicator) -> Indicator:
            if current.id == indicator.id:
                return indicator
            if any(i.id == indicator.id for i in current.walk()):
                return attrs.evolve(current, components=tuple(swap(c) for c in current.components))
            return current

        ambitions = tuple(
            attrs.evolve(
                ambition,
                goals=tuple(
                    attrs.evolve(goal, indicators=tuple(swap(i) for i in goal.indicators))
                    for goal in ambition.goals
                ),
                context=tuple(swap(i) for i in ambition.context),
            )
            for ambition in self.ambitions
        )
        return attrs.evolve(self, ambitions=ambitions)

    def evolve(self, **changes: Any) -> Programme:
        """A copy with ``changes`` applied and validated again."""
        return attrs.evolve(self, **changes)
