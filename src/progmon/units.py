"""The unit registry of progmon and the units of municipal monitoring.

progmon extends pint's *application registry* once, idempotently, so that
quantities made by progmon and by the caller can be mixed. The municipal
units get dimensions of their own wherever mixing them would be a mistake:

events (``report``, ``crime``, ``referral``, ``shoplifting``, ...) share
``[event]``; people (``person``, ``inhabitant``, ``respondent``) ``[person]``;
households, dwellings, pupils and every population a programme names
(:func:`define_population`) have a dimension each; ``mark``, ``EUR`` and
``fte`` too. :func:`names` is the one table of them, with their Dutch and
English names, which :func:`to_unit` reads and the review writes.

Rates are written as the tables write them: ``"misdrijven per 1.000
inwoners"`` and ``"crime per 1000 inhabitant"`` are both ``crime /
thousand_inhabitants``; each population has units of 100, 1,000, 10,000
and 100,000 of it, as a pint unit cannot carry a number. The reference page
"Units" of the docs lists them all.

pint treats ``percent`` and ``count`` as the same (dimensionless) kind;
progmon does not: :func:`check_compatible` refuses a count where a share is
asked for, and the reverse.

Example:
    >>> from progmon import units
    >>> units.Quantity(731, "report")
    <Quantity(731, 'report')>
    >>> units.Quantity(3, "percent").to("dimensionless").magnitude
    0.03
"""

from __future__ import annotations

import functools
import math
import os
import pathlib
import re
from collections.abc import Callable, Mapping
from typing import Any, Final, NamedTuple

import pint
import platformdirs

from .errors import UnitError, ValidationError

__all__ = [
    "Quantity",
    "Unit",
    "UnitNames",
    "cache_folder",
    "check_compatible",
    "check_in_range",
    "define_population",
    "in_percent",
    "in_unit",
    "is_share",
    "names",
    "populations",
    "registry",
    "share_scale",
    "to_unit",
    "valid_range",
]

CACHE_ENV: Final = "PROGMON_PINT_CACHE"
"""The environment variable that moves pint's cache of parsed definitions, or turns it off."""


def cache_folder() -> pathlib.Path | None:
    """Where pint caches its parsed unit definitions for progmon; None when it does not.

    Parsing pint's definitions takes about 0.1 s at every start; pint can keep
    what it parsed on disk (``UnitRegistry(cache_folder=...)``) and read it back
    in a few milliseconds. progmon turns that on by default, in pint's own user
    cache folder (``platformdirs.user_cache_path("pint")``, on Linux
    ``~/.cache/pint``): what pint's ``cache_folder=":auto:"`` uses. The files are
    named by the pint and Python versions and the content of the definitions,
    so a new pint never reads an old file.

    The environment variable ``PROGMON_PINT_CACHE`` changes it: a folder to
    cache in there instead, or ``off`` (also ``0``, ``no``, ``false``, or
    empty) to parse every time. A folder that cannot be made or written, or a
    cache that cannot be read, is never an error: the registry is then built
    without the cache.

    Example:
        >>> import os
        >>> os.environ["PROGMON_PINT_CACHE"] = "off"
        >>> cache_folder() is None
        True
        >>> os.environ["PROGMON_PINT_CACHE"] = "/var/cache/progmon"
        >>> cache_folder()
        PosixPath('/var/cache/progmon')
        >>> del os.environ["PROGMON_PINT_CACHE"]
    """
    chosen = os.environ.get(CACHE_ENV)
    if chosen is None:
        return pathlib.Path(platformdirs.user_cache_path(appname="pint", appauthor=False))
    if chosen.strip().lower() in {"", "0", "off", "no", "false"}:
        return None
    return pathlib.Path(chosen).expanduser()


def _application_registry() -> Any:
    # Only pint's own default, not yet built, is replaced, by the same registry
    # with the disk cache: a registry the caller set (or already used) is theirs.
    # pint's default raises on a redefinition; so does this one.
    app = pint.get_application_registry()  # type: ignore[no-untyped-call]
    folder = cache_folder()
    if folder is not None and isinstance(app.get(), pint.registry.LazyRegistry):
        cached = _cached_registry(folder)
        if cached is not None:
            pint.set_application_registry(cached)  # type: ignore[no-untyped-call]
    return app


def _cached_registry(folder: pathlib.Path) -> Any:
    """The registry pint makes by default, its definitions cached in ``folder`` (None: failed)."""
    try:
        return pint.UnitRegistry(cache_folder=folder, on_redefinition="raise")
    # A folder that cannot be made or written, a truncated or foreign cache file:
    # pint then parses its definitions as it would without a cache.
    except Exception:  # noqa: BLE001
        return None


registry: Final = _application_registry()
"""The one registry progmon uses: pint's application registry, extended."""


class UnitNames(NamedTuple):
    """A unit of progmon's and its names: the one table the parser, the review and the docs read.

    ``kind`` says what the unit counts: ``"event"`` (reports, crimes, ...),
    ``"person"``, ``"object"`` (jobs, business establishments),
    ``"population"`` (what a rate is per: inhabitants, households,
    dwellings, pupils, or a programme's own), ``"scaled"`` (100, 1,000,
    10,000 or 100,000 of a population), ``"share"``, ``"count"``,
    ``"mark"``, ``"money"`` or ``"staff"``. ``also`` are further spellings the
    parser accepts (any case), ``description`` what the unit is for.

    Example:
        >>> names()["crime"].dutch_plural, names()["thousand_inhabitants"].english_plural
        ('misdrijven', '1,000 inhabitants')
    """

    unit: str
    dutch: str
    dutch_plural: str
    english: str
    english_plural: str
    kind: str
    description: str = ""
    also: tuple[str, ...] = ()
    definition: str = ""


# What progmon defines (a definition) and what it names of pint's own (none).
# Events share one dimension: a count of crimes adds to a count of reports,
# and the unit keeps what was counted. A specific crime is a crime, so that
# components add up to a total of crimes; what makes a comparison wrong is
# the population a rate is per, and each population has a dimension of its own.
_TABLE: Final[tuple[UnitNames, ...]] = (
    UnitNames(
        "event",
        "gebeurtenis",
        "gebeurtenissen",
        "event",
        "events",
        "event",
        "any event counted",
        definition="[event]",
    ),
    UnitNames(
        "report",
        "melding",
        "meldingen",
        "report",
        "reports",
        "event",
        "reports to police or municipality",
        definition="event",
    ),
    UnitNames(
        "crime",
        "misdrijf",
        "misdrijven",
        "crime",
        "crimes",
        "event",
        "registered crimes",
        ("delict", "delicten", "offence", "offences"),
        "event",
    ),
    UnitNames(
        "incident",
        "incident",
        "incidenten",
        "incident",
        "incidents",
        "event",
        "incidents, interventions, other events",
        definition="event",
    ),
    UnitNames(
        "referral",
        "verwijzing",
        "verwijzingen",
        "referral",
        "referrals",
        "event",
        "referrals (to Halt, to care)",
        definition="event",
    ),
    UnitNames(
        "theft",
        "diefstal",
        "diefstallen",
        "theft",
        "thefts",
        "event",
        "thefts (a crime)",
        definition="crime",
    ),
    UnitNames(
        "shoplifting",
        "winkeldiefstal",
        "winkeldiefstallen",
        "shoplifting offence",
        "shoplifting offences",
        "event",
        "shoplifting (a crime)",
        ("shoplifting",),
        "crime",
    ),
    UnitNames(
        "burglary",
        "woninginbraak",
        "woninginbraken",
        "burglary",
        "burglaries",
        "event",
        "burglaries of homes (a crime)",
        (
            "diefstal uit woning",
            "diefstallen uit woning",
            "diefstal uit woningen",
            "diefstallen uit woningen",
            "inbraak",
            "inbraken",
        ),
        "crime",
    ),
    UnitNames(
        "violent_crime",
        "geweldsmisdrijf",
        "geweldsmisdrijven",
        "violent crime",
        "violent crimes",
        "event",
        "violent crimes (a crime)",
        ("geweldsdelict", "geweldsdelicten"),
        "crime",
    ),
    UnitNames(
        "vandalism",
        "vernieling",
        "vernielingen",
        "act of vandalism",
        "acts of vandalism",
        "event",
        "vandalism and damage (a crime)",
        (
            "vandalism",
            "vernieling en beschadiging",
            "vernielingen en beschadigingen",
            "vernielingen en beschadigingen (in de openbare ruimte)",
        ),
        "crime",
    ),
    UnitNames(
        "person",
        "persoon",
        "personen",
        "person",
        "people",
        "person",
        "people",
        ("persons", "mens", "mensen"),
        "[person]",
    ),
    UnitNames(
        "inhabitant",
        "inwoner",
        "inwoners",
        "inhabitant",
        "inhabitants",
        "population",
        "inhabitants (residents) of the area",
        ("resident", "residents"),
        "person",
    ),
    UnitNames(
        "respondent",
        "respondent",
        "respondenten",
        "respondent",
        "respondents",
        "person",
        "people who answered a survey",
        definition="person",
    ),
    UnitNames(
        "household",
        "huishouden",
        "huishoudens",
        "household",
        "households",
        "population",
        "private households",
        definition="[household]",
    ),
    UnitNames(
        "dwelling",
        "woning",
        "woningen",
        "dwelling",
        "dwellings",
        "population",
        "dwellings (the housing stock)",
        ("home", "homes"),
        "[dwelling]",
    ),
    UnitNames(
        "pupil",
        "leerling",
        "leerlingen",
        "pupil",
        "pupils",
        "population",
        "pupils of schools",
        definition="[pupil]",
    ),
    UnitNames(
        "job",
        "baan",
        "banen",
        "job",
        "jobs",
        "object",
        "jobs (full-time, part-time, agency work)",
        ("arbeidsplaats", "arbeidsplaatsen"),
        "[job]",
    ),
    UnitNames(
        "establishment",
        "vestiging",
        "vestigingen",
        "business establishment",
        "business establishments",
        "object",
        "establishments of businesses (a shop, an office, a plant)",
        ("bedrijfsvestiging", "bedrijfsvestigingen", "establishments"),
        "[establishment]",
    ),
    UnitNames(
        "mark",
        "rapportcijfer",
        "rapportcijfers",
        "mark",
        "marks",
        "mark",
        "a report mark from 1 to 10",
        definition="[mark]",
    ),
    UnitNames(
        "EUR", "euro", "euro", "euro", "euros", "money", "money", definition="[currency] = _ = euro"
    ),
    UnitNames(
        "fte",
        "fte",
        "fte",
        "FTE",
        "FTE",
        "staff",
        "staff in full-time equivalents",
        definition="[labour]",
    ),
    UnitNames(
        "percent",
        "percent",
        "percent",
        "percent",
        "percent",
        "share",
        "a share of 0-100 % (pint's own)",
        ("%",),
    ),
    UnitNames(
        "permille",
        "promille",
        "promille",
        "per mille",
        "per mille",
        "share",
        "a share of 0-1000 ‰ (pint's own)",
        ("‰", "per mil", "permil"),
    ),
    UnitNames(
        "count",
        "aantal",
        "aantal",
        "count",
        "count",
        "count",
        "a count of things (pint's own)",
        ("stuks", "stuk"),
    ),
)


# The scales of a rate: a unit cannot carry a number ("per 1000 inhabitant"),
# so each population has a unit for 100, 1,000, 10,000 and 100,000 of it.
_SCALES: Final = (
    ("hundred", 100, "100", "100"),
    ("thousand", 1_000, "1.000", "1,000"),
    ("ten_thousand", 10_000, "10.000", "10,000"),
    ("hundred_thousand", 100_000, "100.000", "100,000"),
)
_SCALE_WORDS: Final = {
    "honderd": 100, "hundred": 100, "one hundred": 100, "a hundred": 100,
    "duizend": 1_000, "thousand": 1_000, "one thousand": 1_000, "a thousand": 1_000,
    "tienduizend": 10_000, "tien duizend": 10_000, "ten thousand": 10_000,
    "honderdduizend": 100_000, "honderd duizend": 100_000, "hundred thousand": 100_000,
    "one hundred thousand": 100_000, "a hundred thousand": 100_000,
}  # fmt: skip
_SCALED: Final = {number: prefix for prefix, number, _, _ in _SCALES}
# "1.000", "1,000", "1 000" (also with a non-breaking space) or "1000"; words longest first.
_NUMBER: Final = re.compile(
    r"(?P<number>\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+|"
    + "|".join(sorted(map(re.escape, _SCALE_WORDS), key=len, reverse=True))
    + r")\s+(?P<rest>\S.*)",
    re.IGNORECASE | re.DOTALL,
)
# "per" as a word, or "/" before a number: where a rate is divided.
_PER: Final = re.compile(r"(?:^|\s+)per\s+|\s*/\s*(?=\d)", re.IGNORECASE)


def _scaled_rows(row: UnitNames) -> list[UnitNames]:
    """The units of 100 ... 100,000 of population ``row``, named after it."""
    return [
        UnitNames(
            f"{prefix}_{row.english_plural if row.unit in _BUILT_IN else row.unit}",
            f"{nl} {row.dutch_plural}",
            f"{nl} {row.dutch_plural}",
            f"{en} {row.english_plural}",
            f"{en} {row.english_plural}",
            "scaled",
            f"{en} {row.english_plural}",
            definition=f"{number} * {row.unit}",
        )
        for prefix, number, nl, en in _SCALES
    ]


_BUILT_IN: Final = frozenset(row.unit for row in _TABLE)
_ALL_BUILT_IN: Final = _TABLE + tuple(
    scaled for row in _TABLE if row.kind == "population" for scaled in _scaled_rows(row)
)
_NAMES: Final[dict[str, UnitNames]] = {row.unit: row for row in _ALL_BUILT_IN}
# Every spelling of a unit, folded, to its name; the scales of each population.
_ALIASES: Final[dict[str, str]] = {}
_SCALED_OF: Final[dict[str, dict[int, str]]] = {}
# Counts of events and people, rates of them, and staff cannot be negative.
_NONNEGATIVE_UNITS: Final = {"count"}


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _add_names(row: UnitNames) -> None:
    _NAMES[row.unit] = row
    for spelling in (row.unit, row.dutch, row.dutch_plural, row.english, row.english_plural):
        _ALIASES.setdefault(_fold(spelling), row.unit)
    for spelling in row.also:
        _ALIASES.setdefault(_fold(spelling), row.unit)
    if row.kind in {"event", "person", "object", "population", "scaled", "staff"}:
        _NONNEGATIVE_UNITS.add(row.unit)
    if row.kind == "scaled":
        base = row.definition.split("*", 1)[1].strip()
        number = int(row.definition.split("*", 1)[0])
        _SCALED_OF.setdefault(base, {})[number] = row.unit


for _row in _ALL_BUILT_IN:
    _add_names(_row)


def _extend(reg: Any) -> None:
    # Define only what is missing, so that importing progmon twice, or after
    # another library that defined the same names, never redefines a unit.
    for row in _ALL_BUILT_IN:
        if row.definition and row.unit not in reg:
            reg.define(f"{row.unit} = {row.definition}")


_extend(registry)


def _defined_populations() -> dict[str, str]:
    """The populations defined in the registry so far, name to description.

    Kept with the registry, not the module: the definitions are the
    registry's, and outlive a reload of this module (or live in another
    registry the caller sets).
    """
    reg = registry.get()
    defined: dict[str, str] | None = getattr(reg, "_progmon_populations", None)
    if defined is None:
        defined = {}
        reg._progmon_populations = defined  # noqa: SLF001  # progmon's own attribute
    return defined


def _population_words() -> dict[str, tuple[str, str]]:
    """The Dutch and English words of the populations defined with them, by name.

    Kept with the registry, as :func:`_defined_populations`.
    """
    reg = registry.get()
    words: dict[str, tuple[str, str]] | None = getattr(reg, "_progmon_population_words", None)
    if words is None:
        words = {}
        reg._progmon_population_words = words  # noqa: SLF001  # progmon's own attribute
    return words


def _population_rows(name: str, description: str) -> list[UnitNames]:
    dutch, english = _population_words().get(name, (name, name))
    row = UnitNames(name, dutch, dutch, english, english, "population", description)
    return [row, *_scaled_rows(row)]


for _name, _description in _defined_populations().items():
    for _row in _population_rows(_name, _description):
        _add_names(_row)

# How often the words of a unit changed after it was named (a population given
# its words later): the caches of a unit's words compare it.
_NAMES_VERSION: Final = [0]

Quantity: Final = registry.Quantity
Unit: Final = registry.Unit


def _direct_quantity(magnitude: float, unit: Any) -> Any:
    quantity = object.__new__(Quantity)
    quantity._magnitude = magnitude
    quantity._units = unit._units  # noqa: SLF001
    return quantity


def _checked_quantity(magnitude: float, unit: Any) -> Any:
    return Quantity(magnitude, unit)


def _quantity_maker() -> Callable[[float, Any], Any]:
    # pint checks every input it is given for all it could be (an array, a
    # string, another quantity): a few microseconds a quantity, most of the
    # time to build an indicator. progmon makes one per stored figure from a
    # float and a unit of this registry, so it sets the two fields pint itself
    # sets, once it has seen that doing so makes the quantity pint would make.
    try:
        made, expected = _direct_quantity(1.5, registry.percent), Quantity(1.5, registry.percent)
        doubled = (made * 2).to("dimensionless").magnitude
        same = made == expected and repr(made) == repr(expected) and doubled == 0.03
    except Exception:  # noqa: BLE001  # any failure: a pint whose insides differ
        same = False
    return _direct_quantity if same else _checked_quantity


def in_unit(quantity: Any, unit: Any) -> bool:
    """Whether ``quantity`` is expressed in ``unit`` (a unit of the registry).

    Cheap for a quantity made in ``unit`` itself, as every stored figure is:
    pint's ``quantity.units`` makes a new unit object on every call.

    Example:
        >>> in_unit(Quantity(3, "report"), to_unit("report")), in_unit(Quantity(3, "m"), Unit("km"))
        (True, False)
    """
    return bool(
        getattr(quantity, "_units", None) is getattr(unit, "_units", False)
        or quantity.units == unit
    )


_quantity: Final = _quantity_maker()
"""``_quantity(magnitude, unit)``: a float in a unit of the registry as a quantity, fast."""

# Units that mean "a fraction of a whole": dimensionless, but not a count.
_SHARE_UNITS: Final = frozenset({"percent", "permille", "dimensionless", "ppm"})
_COUNT_UNITS: Final = frozenset({"count"})


_LONGEST_UNIT: Final = 200


def to_unit(unit: object, *, element: str = "unit") -> Any:
    """Return ``unit`` as a unit of progmon's registry.

    A unit with an offset or a logarithmic scale (``degC``, ``degF``,
    ``decibel``) is refused: the assessment subtracts figures and scales
    differences, which pint cannot do in such a unit. Temperatures are
    ``kelvin``, differences of temperature ``delta_degC``.

    A unit of the registry is taken as it is, and a text is parsed once:
    the facts of a unit are worked out once per unit (:func:`is_share`,
    :func:`valid_range`, :func:`check_compatible` ask them for every figure).

    Args:
        unit: A unit string (``"report"``, ``"percent"``), a pint unit, or a
            quantity whose unit is taken.
        element: The element named in the error message.

    Raises:
        UnitError: ``unit`` is missing, not a unit this registry knows, or
            one with an offset.

    Example:
        >>> to_unit("report / thousand_inhabitants")
        <Unit('report / thousand_inhabitants')>
        >>> to_unit("degC")
        Traceback (most recent call last):
        ...
        progmon.errors.UnitError: unit: is a unit with an offset (degree_Celsius), ...
    """
    if isinstance(unit, pint.Quantity):
        unit = unit.units
    if isinstance(unit, Unit):
        refusal = _refusal(unit)
        if refusal:
            raise UnitError(refusal, element=element, value=str(unit))
        return unit
    if isinstance(unit, pint.Unit):
        unit = str(unit)  # a unit of another registry: read again in ours
    if unit is None:
        raise UnitError(
            "is missing: give a unit such as 'report', 'percent' or 'count'",
            element=element,
            value=unit,
        )
    if not isinstance(unit, str) or not unit.strip():
        raise UnitError("is not a unit", element=element, value=unit)
    # pint's parser takes minutes on a text of megabytes; no unit is that long.
    if len(unit) > _LONGEST_UNIT:
        raise UnitError(
            f"is not a known unit: no unit is longer than {_LONGEST_UNIT} characters",
            element=element,
            value=unit,
        )
    parsed = _parsed(unit)
    if isinstance(parsed, str):
        raise UnitError(parsed + _did_you_mean(unit), element=element, value=unit)
    refusal = _refusal(parsed)
    if refusal:
        raise UnitError(refusal, element=element, value=unit)
    return parsed


@functools.lru_cache(maxsize=4096)
def _parsed(text: str) -> Any:
    """The unit ``text`` names, or why it names none; parsed once per text.

    A whole text that is a name of the table comes first ("per mille",
    "vernielingen en beschadigingen"), then a rate written with ``per``
    (or ``/`` before a number), then pint's own syntax.
    """
    named = _ALIASES.get(_fold(text))
    if named is not None:
        return registry.parse_units(named)
    parts = _PER.split(text)
    if len(parts) == 1:
        return _pint(text) or _UNKNOWN
    if not parts[0].strip():
        return (
            "is not a known unit: name what is counted before 'per', "
            "as in 'crime per 1,000 inhabitants'"
        )
    unit = _term(parts[0])
    if unit is None:
        return _UNKNOWN
    for part in parts[1:]:
        below = _per(part)
        if isinstance(below, str):
            return below
        unit = unit / below
    return unit


_UNKNOWN: Final = "is not a known unit"


def _pint(text: str) -> Any:
    """The unit pint reads in ``text``, or None."""
    try:
        return registry.parse_units(text)
    # pint's parser raises assorted exceptions on garbage (even AssertionError).
    except Exception:  # noqa: BLE001  # any failure means: not a unit
        return None


def _term(text: str) -> Any:
    """The unit one side of ``per`` names: a name of the table, or a unit of pint's; or None."""
    named = _ALIASES.get(_fold(text))
    return registry.parse_units(named) if named is not None else _pint(text.strip())


def _per(text: str) -> Any:
    """The unit after ``per``: ``1.000 inwoners`` is the unit of 1,000 inhabitants; or why not."""
    scaled = _NUMBER.fullmatch(text.strip())
    if scaled is None:
        return _term(text) or _UNKNOWN
    number = _scale_number(scaled["number"])
    population = _term(scaled["rest"])
    if population is None:
        return _unnamed_population(scaled["rest"].strip())
    base = [name for name, power in population._units.items() if power == 1]  # noqa: SLF001
    if len(population._units) != 1 or base[0] not in _SCALED_OF:  # noqa: SLF001
        return (
            f"is not a rate of a population: per {scaled['number']} is followed by a "
            f"population ({', '.join(_NAMES[p].english_plural for p in populations())}), "
            f"not {scaled['rest'].strip()!r}"
        )
    if number == 1:
        return population
    if number not in _SCALED:
        return (
            f"is not a rate progmon reads: a rate is per 1, 100, 1,000, 10,000 or 100,000"
            f", not per {scaled['number']}"
        )
    return registry.parse_units(_SCALED_OF[base[0]][number])


def _unnamed_population(rest: str) -> str:
    """Why a rate per ``rest`` is not read: a population nobody named yet, or a typo."""
    if _POPULATION_NAME.fullmatch(rest) and not _close_to_a_name(rest):
        # A rate per a population nobody named yet: "per 10.000 jongeren".
        return (
            f"is a rate per {rest!r}, a population progmon does not know: name it in the "
            f"programme file's [populations] table with who it counts ({rest} = "
            '"inwoners van 12 tot en met 17 jaar", say), or with units.define_population'
        )
    return _UNKNOWN


def _scale_number(text: str) -> int:
    """``1.000``, ``1,000``, ``1 000``, ``duizend``, ``thousand``: the number, as an int."""
    words = _SCALE_WORDS.get(_fold(text))
    if words is not None:
        return words
    return int(re.sub(r"\D", "", text))


def _did_you_mean(text: str) -> str:
    """``: did you mean ...?`` with the closest known names, or '' when none is close."""
    import difflib  # only on an error: it is not needed to read a good unit

    parts = _PER.split(text)
    candidates = {_fold(name): name for name in _known_names()}
    guesses: dict[Any, str] = {}  # one spelling per unit
    for index, part in enumerate(parts):
        scaled = _NUMBER.fullmatch(part.strip()) if index else None
        term = scaled["rest"] if scaled else part
        if not term.strip() or _term(term) is not None:
            continue
        for found in difflib.get_close_matches(_fold(term), candidates, n=6, cutoff=0.7):
            meant = candidates[found]
            guess = text.replace(term.strip(), meant) if len(parts) > 1 else meant
            guesses.setdefault(_term(meant), guess)
        break
    if not guesses:
        return ""
    return ": did you mean " + " or ".join(repr(g) for g in list(guesses.values())[:3]) + "?"


def _close_to_a_name(word: str) -> bool:
    """Whether ``word`` is a near miss of a unit's name (a typo, not a population of its own)."""
    import difflib  # only on an error

    folded = {_fold(name) for name in _known_names()}
    return bool(difflib.get_close_matches(_fold(word), folded, n=1, cutoff=0.8))


def _known_names() -> list[str]:
    """The names of every unit: pint's, progmon's and their Dutch and English spellings."""
    table = [
        spelling
        for row in _NAMES.values()
        if row.kind != "scaled"  # a number and a population, read as such
        for spelling in (row.dutch_plural, row.english_plural, row.dutch, row.english)
    ]
    return table + list(registry.get()._units)  # noqa: SLF001  # pint exposes no list


_POPULATION_NAME: Final = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,39}")
_LONGEST_DESCRIPTION: Final = 200


def define_population(
    name: str,
    description: str,
    *,
    dutch: str | None = None,
    english: str | None = None,
    element: str = "population",
) -> Any:
    """Define a population of a programme's own, with its units of 100 ... 100,000; return it.

    A population is a dimension of its own: a rate per 1,000 youths is not
    comparable with one per 1,000 inhabitants, and converting one into the
    other is a :class:`~progmon.errors.UnitError`. Once defined, the
    population is written as the tables write it (``"verwijzingen per
    10.000 jongeren"``), and ``hundred_<name>``, ``thousand_<name>``,
    ``ten_thousand_<name>`` and ``hundred_thousand_<name>`` are its units.

    The registry is one for the whole process. Defining a population again
    with the same description does nothing, but give it the words if it had
    none; with another description it is refused, so that two programmes
    that mean different people by one name are never compared: give one of
    them another name (``jongeren_12_17``).

    Args:
        name: A word: a letter, then letters, digits or underscores (at most
            40), that is not a unit or a name of one already.
        description: Who the population is, as text (``"inhabitants aged 12-17"``).
        dutch: Its words in a Dutch review and unit, as after a number
            (``"inwoners van 15 tot en met 64 jaar"``; a unit may then be
            written ``"banen per 1.000 inwoners van 15 tot en met 64 jaar"``);
            None: its name. Given with ``english``, or neither is.
        english: Its words in English (``"inhabitants aged 15-64"``).
        element: The element named in an error.

    Raises:
        UnitError: the name is not a word, names a unit already, or names a
            population with another description; the description is no text.

    Example:
        >>> define_population("jongeren", "inhabitants aged 12-17")
        <Unit('jongeren')>
        >>> rate = Quantity(129, to_unit("verwijzingen per 10.000 jongeren"))
        >>> rate.to(to_unit("referrals per 1,000 jongeren"))
        <Quantity(12.9, 'referral / thousand_jongeren')>
        >>> rate.to(to_unit("referrals per 1,000 inhabitants"))
        Traceback (most recent call last):
        ...
        pint.errors.DimensionalityError: Cannot convert ...
        >>> define_population("jongeren", "inhabitants aged 0-23")
        Traceback (most recent call last):
        ...
        progmon.errors.UnitError: population: is defined already as 'inhabitants aged 12-17' ...
    """
    if not isinstance(name, str) or not _POPULATION_NAME.fullmatch(name):
        raise UnitError(
            "must be a word of letters, digits and underscores, starting with a letter "
            "(at most 40 characters), such as 'jongeren' or 'jongeren_12_17'",
            element=element,
            value=name,
        )
    if not isinstance(description, str) or not description.strip():
        raise UnitError(
            f"population {name!r} must be described by a text, such as 'inhabitants aged 12-17'",
            element=element,
            value=description,
        )
    if len(description) > _LONGEST_DESCRIPTION or not description.isprintable():
        raise UnitError(
            f"population {name!r}: a description is one line of at most "
            f"{_LONGEST_DESCRIPTION} characters",
            element=element,
            value=description,
        )
    description = description.strip()
    words = _checked_words(name, dutch, english, element)
    known = _defined_populations().get(name)
    if known is not None:
        return _defined_again(name, description, words, known, element)
    # A name of a unit, in any case or spelling pint accepts: the population would shadow it.
    if _fold(name) in _ALIASES or _pint(name) is not None:
        raise UnitError(
            "names a unit already: give the population a name of its own",
            element=element,
            value=name,
        )
    if words is not None:
        _population_words()[name] = words
    rows = _population_rows(name, description)
    registry.define(f"{name} = [population_{name}]")
    for unit in rows[1:]:
        registry.define(f"{unit.unit} = {unit.definition}")
    for unit in rows:
        _add_names(unit)
    _defined_populations()[name] = description
    _parsed.cache_clear()  # a text that named nothing may name the population now
    return registry.parse_units(name)


def _defined_again(
    name: str, description: str, words: tuple[str, str] | None, known: str, element: str
) -> Any:
    """Population ``name``, defined before as ``known``: the same, given words if it had none."""
    if known != description:
        raise UnitError(
            f"is defined already as {known!r}: one name cannot mean two populations in one "
            f"process; give this one another name (such as '{name}_2')",
            element=element,
            value=f"{name} = {description}",
        )
    if words is not None and name not in _population_words():
        _population_words()[name] = words
        for unit in _population_rows(name, description):
            _add_names(unit)
        _NAMES_VERSION[0] += 1
        _parsed.cache_clear()
    return registry.parse_units(name)


def _checked_words(
    name: str, dutch: object, english: object, element: str
) -> tuple[str, str] | None:
    """``dutch`` and ``english``, the words of population ``name``, checked; None for neither."""
    if dutch is None and english is None:
        return None
    checked = []
    for language, words in (("dutch", dutch), ("english", english)):
        if (
            not isinstance(words, str)
            or not words.strip()
            or len(words) > _LONGEST_DESCRIPTION
            or not words.isprintable()
        ):
            raise UnitError(
                f"population {name!r}: its {language} words must be one line of text (both "
                "or neither), such as 'inwoners van 15 tot en met 64 jaar'",
                element=element,
                value=words,
            )
        owner = _ALIASES.get(_fold(words))
        if owner is not None and owner != name:
            raise UnitError(
                f"population {name!r}: its {language} words name the unit {owner!r} already",
                element=element,
                value=words,
            )
        checked.append(" ".join(words.split()))
    return checked[0], checked[1]


def populations() -> dict[str, str]:
    """The populations rates can be per: each unit's name and who it counts.

    The built-in ones first, then those defined with :func:`define_population`.

    Example:
        >>> list(populations())[:4]
        ['inhabitant', 'household', 'dwelling', 'pupil']
    """
    return {name: row.description for name, row in _NAMES.items() if row.kind == "population"}


def names() -> Mapping[str, UnitNames]:
    """Every unit progmon names, by its name in the registry, with its Dutch and English names.

    The units progmon defines, the scaled populations (``thousand_inhabitants``),
    pint's ``percent``, ``permille`` and ``count``, and the populations
    defined with :func:`define_population`. The parser reads every name in
    it; the review writes them; the reference page of the docs lists them.

    Example:
        >>> row = names()["thousand_inhabitants"]
        >>> row.dutch_plural, row.english_plural
        ('1.000 inwoners', '1,000 inhabitants')
    """
    return _NAMES


@functools.lru_cache(maxsize=4096)
def _refusal(unit: Any) -> str:
    """Why ``unit`` cannot hold figures ('' when it can): an offset or a log scale."""
    if _scales(str(unit)):
        return ""
    advice = (
        "use kelvin for temperatures, delta_degC (or delta_degF) for differences of them"
        if unit.dimensionality == registry.kelvin.dimensionality
        else "use a unit without an offset or logarithmic scale"
    )
    return (
        f"is a unit with an offset ({unit}), in which figures cannot be subtracted "
        f"or scaled as the assessment does: {advice}"
    )


@functools.cache
def _scales(unit: str) -> bool:
    """Whether a difference of two values in ``unit`` can be scaled in ``unit``."""
    one = Quantity(1, unit)
    try:
        one * 2 - one
    except pint.errors.PintError:  # OffsetUnitCalculusError, LogarithmicUnitCalculusError
        return False
    return True


def _names(unit: Any) -> set[str]:
    return set(unit._units.keys())  # noqa: SLF001  # pint exposes no public accessor


@functools.lru_cache(maxsize=4096)
def _is_share(unit: Any) -> bool:
    return bool(unit.dimensionless) and not (_names(unit) & _COUNT_UNITS)


def is_share(unit: object) -> bool:
    """Whether ``unit`` expresses a share of a whole (percent, fraction).

    Example:
        >>> is_share("percent"), is_share("count"), is_share("report")
        (True, False, False)
    """
    return _is_share(to_unit(unit))


@functools.lru_cache(maxsize=4096)
def _fits(source: Any, target: Any) -> bool:
    return source.dimensionality == target.dimensionality and not (
        source.dimensionless and _is_share(source) != _is_share(target)
    )


def check_compatible(value_unit: object, indicator_unit: object, *, element: str) -> None:
    """Refuse a unit that cannot express a value of ``indicator_unit``.

    Same dimension is necessary; on top of pint, a count is not a share.

    Raises:
        UnitError: naming ``element`` and the unit.

    Example:
        >>> check_compatible("percent", "dimensionless", element="x")
        >>> check_compatible("count", "percent", element="share")
        Traceback (most recent call last):
        ...
        progmon.errors.UnitError: share: 'count' does not fit unit 'percent' (got 'count')
    """
    source, target = to_unit(value_unit, element=element), to_unit(indicator_unit)
    if not _fits(source, target):
        raise UnitError(
            f"{str(source)!r} does not fit unit {str(target)!r}", element=element, value=str(source)
        )


@functools.lru_cache(maxsize=4096)
def _share_scale(unit: Any) -> float | None:
    return float(Quantity(1, "dimensionless").m_as(unit)) if _is_share(unit) else None


def share_scale(unit: object) -> float | None:
    """The value of a whole (100 %) in share unit ``unit``; None if ``unit`` is no share.

    Example:
        >>> share_scale("percent"), share_scale("dimensionless"), share_scale("report")
        (100.0, 1.0, None)
    """
    return _share_scale(to_unit(unit))


@functools.lru_cache(maxsize=4096)
def _percent_factor(unit: Any) -> float:
    return float(Quantity(1, unit).m_as("percent"))


def in_percent(magnitude: float, unit: object) -> float:
    """``magnitude`` in share unit ``unit``, in percent; a difference in percentage points.

    The factor is worked out once per unit: reviews ask it for every figure.

    Raises:
        UnitError: ``unit`` is not a share.

    Example:
        >>> in_percent(0.25, "dimensionless"), in_percent(5.0, "permille")
        (25.0, 0.5)
    """
    parsed = to_unit(unit)
    if not _is_share(parsed):
        raise UnitError("is not a share: it has no percent", element="unit", value=str(parsed))
    return magnitude * _percent_factor(parsed)


@functools.lru_cache(maxsize=4096)
def _range(unit: Any) -> tuple[float, float] | None:
    scale = _share_scale(unit)
    if scale is not None:
        return (0.0, scale)
    if unit == registry.mark:
        return (1.0, 10.0)
    if _names(unit) <= _NONNEGATIVE_UNITS:
        return (0.0, math.inf)
    return None


def valid_range(unit: object) -> tuple[float, float] | None:
    """The range a value in ``unit`` must lie in, or None when unbounded.

    Shares lie in 0-100 %, marks in 1-10, counts of events and people are
    not negative.

    Example:
        >>> valid_range("percent")
        (0.0, 100.0)
        >>> valid_range("mark")
        (1.0, 10.0)
        >>> valid_range("EUR") is None
        True
    """
    return _range(to_unit(unit))


def check_in_range(magnitude: float, unit: object, *, element: str, what: str = "must") -> None:
    """Refuse ``magnitude`` (in ``unit``) outside :func:`valid_range`: the one range check.

    ``what`` starts the message: ``"must"`` for a figure, ``"a level must"``
    for a target, ``"amount must"`` for a resource.

    Raises:
        ValidationError: naming ``element`` and the value with its unit.

    Example:
        >>> check_in_range(31.0, "percent", element="x")
        >>> check_in_range(0.5, "mark", element="indicator 'cijfer' 2019")
        Traceback (most recent call last):
        ...
        progmon.errors.ValidationError: indicator 'cijfer' 2019: must lie between 1 and 10 mark ...
    """
    bounds = valid_range(unit)
    if bounds is not None and not bounds[0] <= magnitude <= bounds[1]:
        raise ValidationError(
            f"{what} lie between {bounds[0]:g} and {bounds[1]:g} {to_unit(unit)}",
            element=element,
            value=str(Quantity(magnitude, to_unit(unit))),
        )
