"""The BBV policy indicators: the set every Dutch municipality prints in its budget and accounts.

The *Besluit begroting en verantwoording provincies en gemeenten* (BBV), by
its *Regeling beleidsindicatoren gemeenten*, makes every municipality show a
fixed set of policy indicators in each budget and annual report, each with
a comparison figure (Nederland, the size class, the province);
waarstaatjegemeente.nl publishes them as the dashboard "Beleidsindicatoren
BBV". progmon ships the set as data (``progmon/data/bbv.toml``): for each
indicator its id, its Dutch and English name, its unit as
:mod:`progmon.units` reads it, the direction in which it improves (where its
definition says; none where the council has to choose), its definition, and
where its figures come from. The catalogue holds no figures: those are each
municipality's.

:func:`catalogue` lists them, :func:`get` finds one by id, and
:func:`indicator` makes a programme's :class:`~progmon.Indicator` of one.
Rates per a part of the population (per 1,000 young people aged 12-17) are
per a population of :func:`populations`, which :func:`indicator` defines
with :func:`progmon.units.define_population`; a programme that holds such an
indicator names it in its ``populations``.

Example:
    >>> from progmon import bbv
    >>> halt = bbv.get("verwijzingen-halt")
    >>> halt.name("en"), halt.unit, halt.earlier_unit, halt.earlier_until
    ('Referrals to Halt', 'verwijzingen per 1.000 jongeren', 'verwijzingen per 10.000 jongeren', 2019)
    >>> [entry.id for entry in bbv.catalogue() if entry.theme == "Veiligheid"]
    ['verwijzingen-halt', 'winkeldiefstallen', 'geweldsmisdrijven', 'diefstallen-uit-woning', 'vernielingen']
"""  # noqa: E501  # a doctest line cannot be wrapped

from __future__ import annotations

import difflib
import functools
import tomllib
from collections.abc import Iterable, Mapping
from importlib.resources import files
from typing import Any, Final

import attrs

from ._indicator import Indicator, Source
from ._language import LANGUAGES, Language
from ._targets import Direction
from .errors import FileFormatError, ValidationError

__all__ = [
    "CATALOGUE_SOURCE",
    "BbvIndicator",
    "catalogue",
    "get",
    "indicator",
    "inherited",
    "populations",
    "themes",
]

_FILE: Final = "bbv.toml"


def _direction(value: object) -> Direction | None:
    if value is None or isinstance(value, Direction):
        return value
    if isinstance(value, str):
        try:
            return Direction(value)
        except ValueError:
            pass
    raise ValidationError(
        "must be 'increase', 'decrease' or absent", element="BBV indicator direction", value=value
    )


def _names(value: Mapping[str, str]) -> dict[str, str]:
    return dict(value)


@attrs.frozen
class BbvIndicator:
    """One policy indicator of the BBV, as the catalogue describes it.

    Attributes:
        id: The catalogue's id, e.g. ``"winkeldiefstallen"``: what a
            programme file's ``bbv = "..."`` names.
        theme: The programme (taakveld) it belongs to, in Dutch, as budgets
            group them: ``"Veiligheid"``, ``"Sociaal domein"``, ...
        name_nl: Its name in Dutch, as budgets print it.
        name_en: Its name in English.
        unit: Its unit as :func:`progmon.units.to_unit` reads it
            (``"winkeldiefstallen per 1.000 inwoners"``).
        direction: The direction in which it improves, or None where its
            definition does not say (staff, costs, jobs, youth care): a
            programme that sets a target on it gives one.
        definition_nl: What it measures, in Dutch.
        definition_en: What it measures, in English.
        source: Where its figures come from (publisher and title).
        number: Its number in the Regeling, where published budgets show it;
            None where the catalogue does not give one.
        earlier_unit: The unit of its figures up to ``earlier_until``, where
            that changed ('' where it did not); a figure in it converts.
        earlier_until: The last year of ``earlier_unit``.
        populations: The populations its unit is per, other than all
            inhabitants: name to description (see :func:`populations`).

    Example:
        >>> shop = get("winkeldiefstallen")
        >>> shop.direction, str(shop.source), shop.number
        (<Direction.DECREASE: 'decrease'>, 'CBS, Diefstallen (politieregistratie)', 8)
    """

    id: str
    theme: str
    name_nl: str
    name_en: str
    unit: str
    direction: Direction | None = attrs.field(converter=_direction)
    definition_nl: str
    definition_en: str
    source: Source
    number: int | None = None
    earlier_unit: str = ""
    earlier_until: int | None = None
    populations: Mapping[str, str] = attrs.field(factory=dict, converter=_names)

    def name(self, language: Language = "nl") -> str:
        """Its name in ``language`` (``"nl"`` or ``"en"``).

        Example:
            >>> get("vernielingen").name("en")
            'Vandalism and damage (in public space)'
        """
        return self.name_nl if _language(language) == "nl" else self.name_en

    def definition(self, language: Language = "nl") -> str:
        """Its definition in ``language`` (``"nl"`` or ``"en"``).

        Example:
            >>> get("winkeldiefstallen").definition("en")
            'The number of shoplifting offences registered by the police, per 1,000 inhabitants.'
        """
        return self.definition_nl if _language(language) == "nl" else self.definition_en

    def to_unit(self, *, earlier: bool = False) -> Any:
        """Its unit (``earlier``: its earlier unit), as a unit of progmon's registry.

        Its populations are defined first.

        Raises:
            UnitError: one of its populations is defined already with
                another description (a programme that means other people
                by ``jongeren``).

        Example:
            >>> get("verwijzingen-halt").to_unit()
            <Unit('referral / thousand_jongeren')>
            >>> get("verwijzingen-halt").to_unit(earlier=True)
            <Unit('referral / ten_thousand_jongeren')>
        """
        from . import units

        for name, description in self.populations.items():
            dutch, english = _WORDS.get(name, (None, None))
            units.define_population(
                name,
                description,
                dutch=dutch,
                english=english,
                element=f"BBV indicator {self.id!r}",
            )
        if earlier and not self.earlier_unit:
            raise ValidationError(
                "has no earlier unit", element=f"BBV indicator {self.id!r}", value=self.unit
            )
        return units.to_unit(
            self.earlier_unit if earlier else self.unit, element=f"BBV indicator {self.id!r} unit"
        )


def _language(language: object) -> Language:
    if language not in LANGUAGES:
        raise ValidationError(
            f"must be one of {', '.join(map(repr, LANGUAGES))}", element="language", value=language
        )
    return language


CATALOGUE_SOURCE: Final = Source(
    "Beleidsindicatoren BBV",
    publisher="waarstaatjegemeente.nl (VNG)",
    url="https://www.waarstaatjegemeente.nl/dashboard/Besluit-Begroting-en-Verantwoording/",
)
"""Where the catalogue's set and definitions are published."""


# The Dutch and English words of the catalogue's populations that have them, by name.
_WORDS: Final[dict[str, tuple[str, str]]] = {}


@functools.cache
def _read() -> tuple[tuple[BbvIndicator, ...], dict[str, str]]:
    text = (files("progmon") / "data" / _FILE).read_text(encoding="utf-8")
    data = tomllib.loads(text)
    # A population is its description, or a table of it and its Dutch and English words.
    tables = data.get("populations", {})
    known = {
        name: given if isinstance(given, str) else given["description"]
        for name, given in tables.items()
    }
    _WORDS.update(
        {
            name: (given["nl"], given["en"])
            for name, given in tables.items()
            if isinstance(given, dict)
        }
    )
    entries = []
    for number, table in enumerate(data.get("indicator", ())):
        try:
            entries.append(_entry(table, known))
        except (KeyError, TypeError) as e:
            raise FileFormatError(
                f"is not a catalogue entry: {e!r}", element=f"{_FILE}: indicator[{number}]"
            ) from e
    return tuple(entries), known


def _entry(table: Mapping[str, Any], known: Mapping[str, str]) -> BbvIndicator:
    units_text = f"{table['unit']} {table.get('earlier_unit', '')}".split()
    return BbvIndicator(
        id=table["id"],
        theme=table["theme"],
        name_nl=table["name_nl"],
        name_en=table["name_en"],
        unit=table["unit"],
        direction=table.get("direction"),
        definition_nl=table["definition_nl"],
        definition_en=table["definition_en"],
        source=Source(table["source"], publisher=table["publisher"]),
        number=table.get("number"),
        earlier_unit=table.get("earlier_unit", ""),
        earlier_until=table.get("earlier_until"),
        # A population by its name, or by its words in a review (as budgets print them).
        populations={
            name: known[name]
            for name in known
            if name in units_text
            or (
                name in _WORDS
                and _WORDS[name][0] in f"{table['unit']} {table.get('earlier_unit', '')}"
            )
        },
    )


def catalogue() -> tuple[BbvIndicator, ...]:
    """Every BBV policy indicator of the catalogue, grouped by theme as budgets print them.

    Example:
        >>> entries = catalogue()
        >>> len(entries) >= 30, entries[0].theme
        (True, 'Bestuur en ondersteuning')
    """
    return _read()[0]


def themes() -> tuple[str, ...]:
    """The themes (programmes, taakvelden) of the catalogue, in its order.

    Example:
        >>> themes()[:2]
        ('Bestuur en ondersteuning', 'Veiligheid')
    """
    return tuple(dict.fromkeys(entry.theme for entry in catalogue()))


def populations(entries: Iterable[BbvIndicator] | None = None) -> dict[str, str]:
    """The populations the rates of ``entries`` (all: None) are per, name to description.

    What a programme that holds those indicators names as its own
    ``populations``, so that its file reads back.

    Example:
        >>> populations([get("verwijzingen-halt"), get("winkeldiefstallen")])
        {'jongeren': 'inhabitants aged 12-17'}
    """
    chosen = catalogue() if entries is None else entries
    found: dict[str, str] = {}
    for entry in chosen:
        if not isinstance(entry, BbvIndicator):
            raise ValidationError(
                "must be BBV indicators", element="bbv.populations", value=type(entry).__name__
            )
        found |= entry.populations
    return found


def get(id: str) -> BbvIndicator:  # noqa: A002  # the catalogue's word
    """The catalogue's indicator with id ``id``.

    Raises:
        ValidationError: no indicator has that id; the message suggests the
            closest ids.

    Example:
        >>> get("geweldsmisdrijven").unit
        'geweldsmisdrijven per 1.000 inwoners'
        >>> get("winkeldiefstal")
        Traceback (most recent call last):
        ...
        progmon.errors.ValidationError: BBV indicator: is not in the catalogue: did you mean 'winkeldiefstallen'? (got 'winkeldiefstal')
    """  # noqa: E501  # a doctest line cannot be wrapped
    entries = {entry.id: entry for entry in catalogue()}
    if isinstance(id, str) and id in entries:
        return entries[id]
    if not isinstance(id, str):
        raise ValidationError("must be the id of a catalogue entry", element="BBV indicator",
                              value=id)  # fmt: skip
    by_name = {entry.name_nl.casefold(): entry.id for entry in entries.values()}
    by_name |= {entry.name_en.casefold(): entry.id for entry in entries.values()}
    close = difflib.get_close_matches(id.strip().casefold(), list(entries), n=3, cutoff=0.6)
    close += [
        by_name[name]
        for name in difflib.get_close_matches(id.strip().casefold(), list(by_name), n=3)
        if by_name[name] not in close
    ]
    hint = f": did you mean {' or '.join(map(repr, close[:3]))}?" if close else ""
    raise ValidationError(f"is not in the catalogue{hint}", element="BBV indicator", value=id)


def indicator(id: str, /, *, language: Language = "nl", **overrides: Any) -> Indicator:  # noqa: A002
    """A programme's indicator made from the catalogue's entry ``id``.

    The indicator takes the entry's id, its name in ``language`` (the
    programme's), its unit, its direction (where it has one), its
    definition as ``description``, its source and ``bbv`` (the entry's id,
    so that a programme file writes it as ``bbv = "..."`` and the keys that
    differ from the entry); ``overrides`` are any
    other fields of :class:`~progmon.Indicator`, or these replaced
    (``measurements``, ``target``, ``id``, ``name``, ...). The populations
    of its unit are defined first (see :meth:`BbvIndicator.to_unit`).

    Raises:
        ValidationError: no entry has that id, ``language`` is not one, or
            the overrides make no valid indicator.
        UnitError: a population of the unit means other people already.

    Example:
        >>> import progmon
        >>> shop = indicator("winkeldiefstallen", language="en",
        ...                  measurements=[progmon.Measurement(2019, 2.1)])
        >>> shop.name, shop.unit, shop.direction.value
        ('Shoplifting', <Unit('shoplifting / thousand_inhabitants')>, 'decrease')
        >>> shop.latest.value, shop.bbv
        (<Quantity(2.1, 'shoplifting / thousand_inhabitants')>, 'winkeldiefstallen')
    """
    entry = get(id)
    fields = {"bbv": entry.id, **inherited(entry, language)}
    return Indicator(**(fields | overrides))


def inherited(entry: BbvIndicator, language: Language = "nl") -> dict[str, Any]:
    """The fields an indicator takes from ``entry`` in a programme of ``language``.

    What :func:`indicator` and a programme file's ``bbv = "..."`` fill in:
    ``id``, ``name``, ``unit``, ``description``, ``source`` and, where the
    entry has one, ``direction``; the populations of the unit are defined.

    Example:
        >>> sorted(inherited(get("banen"), "en"))
        ['description', 'id', 'name', 'source', 'unit']
        >>> inherited(get("winkeldiefstallen"))["name"]
        'Winkeldiefstallen'
    """
    fields: dict[str, Any] = {
        "id": entry.id,
        "name": entry.name(language),
        "unit": entry.to_unit(),
        "description": entry.definition(language),
        "source": entry.source,
    }
    if entry.direction is not None:
        fields["direction"] = entry.direction
    return fields
