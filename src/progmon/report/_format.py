"""Numbers, money, dates, units and status labels in Dutch and English.

Every number the review shows passes through a :class:`Formatter`, which
lets Babel apply the locale's symbols (``7,5`` and ``€ 50.000`` in Dutch,
``7.5`` and ``€50,000`` in English). Non-breaking spaces from the locale
data become plain spaces, so that the Markdown and the tests see the
characters a reader types; the HTML keeps numbers together with CSS.
"""

from __future__ import annotations

import decimal
import functools
import math
import re
from collections.abc import Callable
from datetime import date
from typing import Any, Final

import pint
from babel import Locale
from babel.dates import format_date
from babel.numbers import (
    NumberPattern,
    format_currency,
    format_decimal,
    format_percent,
    get_decimal_symbol,
    get_group_symbol,
    parse_pattern,
)

from progmon import units
from progmon._language import LANGUAGES, Language
from progmon._period import Period, PeriodKind

__all__ = [
    "LANGUAGES",
    "STATUS_STYLE",
    "Formatter",
    "Language",
    "UnitFacts",
    "magnitude_in",
    "unit_facts",
]


_LOCALES: Final = {"nl": "nl_NL", "en": "en_GB"}
# Babel's Dutch percent pattern has no space; Dutch house styles (and the
# seed document) write "31,0 %", English ones "31.0%".
_PERCENT_PATTERNS: Final = {"nl": "#,##0.0 %", "en": "#,##0.0%"}

# Status names (Status.name) -> (Dutch label, English label, symbol, CSS class).
# Keyed by name so the report does not depend on the enum's string values.
STATUS_STYLE: Final[dict[str, tuple[str, str, str, str]]] = {
    "ACHIEVED": ("Behaald", "Achieved", "✔", "achieved"),
    "ON_TRACK": ("Op koers", "On track", "▲", "on-track"),
    "AT_RISK": ("Risico", "At risk", "!", "at-risk"),
    "OFF_TRACK": ("Niet op koers", "Off track", "✖", "off-track"),
    "DETERIORATING": ("Verslechterd", "Deteriorating", "▼", "deteriorating"),
    "NOT_MEASURED": ("Niet gemeten", "Not measured", "○", "not-measured"),
    "INSUFFICIENT_DATA": ("Onvoldoende gegevens", "Insufficient data", "…", "insufficient-data"),
    "NO_TARGET": ("Geen streefwaarde", "No target", "·", "no-target"),
}

# The names of units are in units.names(), the one table; the review adds
# only that a report mark and a count of things stand alone after a number.
_ALONE: Final = frozenset({"mark", "count"})

_PERIOD_WORDS: Final = {"nl": ("per", "procentpunt"), "en": ("per", "percentage points")}
# A share in permille is shown in permille (13,0 ‰), and its changes in its points.
_PERMILLE_WORDS: Final = {"nl": (" ‰", "promillepunt"), "en": ("‰", "per mille points")}

# What counts things, so that a change is "more" or "fewer": events, people,
# populations and counts; a rate is no count.
_COUNTING_KINDS: Final = frozenset({"event", "person", "object", "population", "count"})


def _plain_spaces(text: str) -> str:
    return text.replace("\xa0", " ").replace("\u202f", " ")


# Babel rounds in the decimal module's context, 28 digits unless told: a figure
# of 1e28 has 29 and raised InvalidOperation. The largest float has 309 digits
# before the point, and the review shows a few after it.
_PRECISION: Final = 400
# From 1e15 on a float no longer holds every whole number (2**53 is 9.0e15):
# such a figure is shown as the digits it has times a power of ten (1,5E308),
# not as a row of zeros hundreds of characters wide in a table or an axis.
_SCIENTIFIC_FROM: Final = 1e15
# The figures a pattern remembers having written (see _Pattern.write): about a
# megabyte a pattern at most, for the few dozen patterns a review uses.
_MOST_WRITTEN: Final = 10_000
_DIGITS: Final = re.compile(r"#,##0(?:\.0+)?")


def _exact(value: Any) -> float:
    """A magnitude to show: a whole number that is an int stays one, every digit exact."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return float(value)


def _number(value: Any) -> decimal.Decimal | float:
    """The number Babel is given for ``value``: an int exactly, a float as its repr."""
    if isinstance(value, int) and not isinstance(value, bool):
        return decimal.Decimal(value)
    value = float(value)  # a numpy scalar (a chart's tick) has a repr of its own
    return decimal.Decimal(repr(value)) if math.isfinite(value) else value


def _babel(
    function: Callable[..., str], value: float, pattern: str, *, shown: float, **kwargs: Any
) -> str:
    """``function(value, pattern, ...)`` of Babel for any float or int, in plain spaces.

    ``shown`` is the number as the reader will see it (a share times 100),
    which decides between positional and scientific notation: an int has
    all its digits, and is shown with all of them.
    """
    whole = isinstance(value, int) and not isinstance(value, bool)
    if not whole and math.isfinite(shown) and abs(shown) >= _SCIENTIFIC_FROM:
        # "0E0" keeps the number's own significant digits, as repr() has them.
        pattern = _DIGITS.sub("0E0", pattern)
    with decimal.localcontext(_CONTEXT):
        return _plain_spaces(function(_number(value), format=pattern, **kwargs))


# A fixed context, not the caller's: how a figure is rounded is the review's
# business (half to even, as Babel does by default), not the decimal context
# some other code of the caller's process happened to set.
_CONTEXT: Final = decimal.Context(prec=_PRECISION, rounding=decimal.ROUND_HALF_EVEN)


class _Pattern:
    """A plain number pattern of Babel's worked out once for a locale, applied as Babel applies it.

    Babel's ``format_decimal`` and ``format_percent`` parse their pattern and
    look up the locale's symbols on every call: a third of the time of a
    large review. This does the rest of ``NumberPattern.apply`` for the
    patterns the review uses (grouped digits, a fixed number of decimals, a
    prefix and a suffix); :func:`_compiled` leaves any other to Babel.
    """

    __slots__ = (
        "group",
        "max_frac",
        "min_frac",
        "point",
        "prefix",
        "quantum",
        "scale",
        "suffix",
        "written",
    )

    def __init__(self, parsed: NumberPattern, locale: Locale) -> None:
        self.scale = parsed.scale
        self.min_frac, self.max_frac = parsed.frac_prec
        self.quantum = decimal.Decimal(10) ** -self.max_frac
        # Plain spaces here are plain spaces in the result: digits have none.
        self.prefix = tuple(_plain_spaces(p) for p in parsed.prefix)
        self.suffix = tuple(_plain_spaces(s) for s in parsed.suffix)
        self.group = _plain_spaces(get_group_symbol(locale))
        self.point = _plain_spaces(get_decimal_symbol(locale))
        self.written: dict[float, str] = {}

    def write(self, value: float) -> str:
        """``value`` (finite; an int or a float) as :meth:`apply` writes it, each value once.

        Figures repeat (a share with one decimal has a thousand values), so
        each is written once per pattern. An int and a float that are equal
        are the same number to Babel; zero is written every time, as 0.0 and
        -0.0 are equal keys but "0" and "-0" to Babel.
        """
        if not value:
            return self.apply(value)
        text = self.written.get(value)
        if text is None:
            if len(self.written) >= _MOST_WRITTEN:
                self.written.clear()  # a stream of distinct figures costs memory no longer
            text = self.written[value] = self.apply(value)
        return text

    def apply(self, number: float) -> str:
        """``number`` (finite) as Babel's ``pattern.apply(_number(number), locale)`` writes it."""
        exact = decimal.Decimal(number if isinstance(number, int) else repr(number))
        value = exact.scaleb(self.scale, _CONTEXT)
        negative = int(value.is_signed())
        rounded = value.copy_abs().normalize(_CONTEXT).quantize(self.quantum, context=_CONTEXT)
        whole, _, fraction = f"{rounded:f}".partition(".")
        groups = [whole[max(end - 3, 0) : end] for end in range(len(whole), 0, -3)]
        text = self.group.join(reversed(groups))
        fraction = fraction or "0"
        if len(fraction) < self.min_frac:
            fraction += "0" * (self.min_frac - len(fraction))
        if self.max_frac and not (self.min_frac == 0 and int(fraction) == 0):
            text += self.point + fraction.rstrip("0").ljust(self.min_frac, "0")
        return self.prefix[negative] + text + self.suffix[negative]


@functools.lru_cache(maxsize=256)
def _compiled(pattern: str, locale_name: str) -> _Pattern | None:
    """``pattern`` worked out for a locale, or None where Babel must apply it itself."""
    locale = Locale.parse(locale_name)
    parsed = parse_pattern(pattern)
    affixes = "".join(parsed.prefix + parsed.suffix)
    simple = (
        not parsed.exp_prec
        and "@" not in parsed.pattern
        and parsed.number_pattern
        and parsed.grouping == (3, 3)
        and parsed.int_prec[0] == 1
        # Babel replaces currency signs and drops quotes in the whole result.
        and not any(c in affixes for c in "¤'")
        and "'" not in get_group_symbol(locale) + get_decimal_symbol(locale)
    )
    return _Pattern(parsed, locale) if simple else None


def _format(
    function: Callable[..., str], value: float, pattern: str, *, shown: float, locale: str
) -> str:
    """``_babel(function, value, pattern, ...)``, with the pattern worked out once where it can be.

    ``function`` is Babel's ``format_decimal`` or ``format_percent``: they
    differ only in the pattern, which says whether the value is scaled.
    """
    if not (isinstance(value, int) and not isinstance(value, bool)):
        value = float(value)  # a numpy scalar (a chart's tick), a bool: as Babel is given them
    # shown first: an int too large for a float is compared exactly, never converted.
    if abs(shown) < _SCIENTIFIC_FROM and math.isfinite(value):
        compiled = _compiled(pattern, locale)
        if compiled is not None:
            return compiled.write(value)
    return _babel(function, value, pattern, shown=shown, locale=locale)


class UnitFacts:
    """What the review asks of a unit, worked out once per unit.

    A review asks it several times for every figure (is it a share, money,
    a report mark, what is it called), and each question of pint's costs
    more than formatting the figure: parsing, comparing or hashing a unit.
    """

    __slots__ = (
        "_percent",
        "decimals",
        "dimensionality",
        "events",
        "money",
        "names",
        "parsed",
        "permille",
        "share",
    )

    def __init__(self, unit: Any) -> None:
        parsed = units.to_unit(unit)
        self.parsed = parsed
        self.share = units.is_share(parsed)
        self.dimensionality = parsed.dimensionality
        # in_percent is the magnitude times a factor of the unit's: that factor, kept.
        self._percent = units.in_percent(1.0, parsed) if self.share else None
        self.money = bool(parsed == units.registry.EUR)
        # Shares and report marks get one decimal, money none; others as their figures.
        self.decimals: int | None = (
            1 if self.share or parsed == units.registry.mark else 0 if self.money else None
        )
        self.permille = bool(parsed == units.registry.permille)
        known = units.names()
        self.events = all(
            name in known and known[name].kind in _COUNTING_KINDS
            for name in dict(parsed._units)  # noqa: SLF001
        )
        self.names = {
            (lang, one): _unit_name(parsed, lang, one=one)
            for lang in LANGUAGES
            for one in (False, True)
        }

    def in_percent(self, magnitude: float) -> float:
        """``units.in_percent(magnitude, unit)``, the unit's factor asked for once.

        Raises:
            UnitError: the unit is no share.

        Example:
            >>> unit_facts("dimensionless").in_percent(0.25)
            25.0
        """
        if self._percent is None:
            return units.in_percent(magnitude, self.parsed)  # which refuses it
        return magnitude * self._percent


# By the unit's container of names and powers (what pint's units compare and
# hash by, and what a quantity holds), so that a quantity's unit is found
# without pint making a unit object of it; texts apart, as a container
# compares equal to a text by parsing it.
_UNITS: Final[dict[Any, UnitFacts]] = {}
_UNIT_TEXTS: Final[dict[Any, UnitFacts]] = {}
_MOST_UNITS: Final = 4096


_SEEN_NAMES: Final = [0]  # the units' names version the caches were filled under


def unit_facts(unit: Any) -> UnitFacts:
    """The facts of ``unit`` (a unit, a quantity's unit, or a text), worked out once per unit.

    Raises:
        UnitError: as :func:`progmon.units.to_unit`, on every call.

    Example:
        >>> facts = unit_facts(units.Quantity(31, "percent"))
        >>> facts.share, facts.decimals, facts.names["nl", False]
        (True, 1, 'percent')
        >>> unit_facts("report").names["nl", True], unit_facts("EUR").money
        ('melding', True)
    """
    cache: dict[Any, UnitFacts]
    key: Any
    if _SEEN_NAMES[0] != units._NAMES_VERSION[0]:  # noqa: SLF001  # a population got its words
        _UNITS.clear()
        _UNIT_TEXTS.clear()
        _SEEN_NAMES[0] = units._NAMES_VERSION[0]  # noqa: SLF001
    if isinstance(unit, str):
        cache, key = _UNIT_TEXTS, unit
    elif isinstance(unit, pint.Unit | pint.Quantity):
        cache, key = _UNITS, unit._units  # noqa: SLF001  # pint has no public accessor
    else:
        return UnitFacts(unit)
    facts = cache.get(key)
    if facts is None:
        facts = UnitFacts(unit)
        if len(cache) >= _MOST_UNITS:
            cache.clear()  # a stream of made-up units costs memory no longer
        cache[key] = facts
    return facts


def _unit_name(parsed: Any, lang: str, *, one: bool) -> str:
    """The name of ``parsed`` after a number in ``lang``: see :meth:`Formatter.unit_name`.

    A rate is named as the tables write it: what is counted, then "per" and
    what it is per, in the singular ("meldingen per inwoner", "misdrijven per
    1.000 inwoners"). A unit the table does not name keeps pint's name.
    """
    names = dict(parsed._units)  # noqa: SLF001  # pint has no public accessor
    over = [n for n, p in names.items() if p == 1]
    under = [n for n, p in names.items() if p == -1]
    if len(over) + len(under) != len(names) or len(over) > 1 or len(under) > 1:
        return str(parsed)
    if over == [] and not under:
        return ""
    top = _name(over[0], lang, one=one) if over else ""
    if not under:
        return top
    return f"{top} {_PERIOD_WORDS[lang][0]} {_name(under[0], lang, one=True)}".strip()


def _name(unit: str, lang: str, *, one: bool) -> str:
    """One unit's name in ``lang``, after the number one or another; pint's where there is none."""
    if unit in _ALONE:
        return ""
    row = units.names().get(unit)
    if row is None:
        return unit
    if lang == "nl":
        return row.dutch if one else row.dutch_plural
    return row.english if one else row.english_plural


def magnitude_in(quantity: pint.Quantity[Any], unit: Any) -> Any:
    """``quantity.m_as(unit)``, without pint's conversion where ``quantity`` is in ``unit``.

    Example:
        >>> magnitude_in(units.Quantity(3, "report"), units.to_unit("report"))
        3
        >>> magnitude_in(units.Quantity(0.25, "dimensionless"), units.to_unit("percent"))
        25.0
    """
    if isinstance(unit, pint.Unit):
        own, wanted = quantity._units, unit._units  # noqa: SLF001  # pint has no public accessor
        if own is wanted or own == wanted:
            return quantity.magnitude  # what pint's convert returns between equal units
    return quantity.m_as(unit)


class Formatter:
    """Formats the review's numbers and words for one language.

    Args:
        lang: ``"nl"`` or ``"en"``.

    Example:
        >>> nl, en = Formatter("nl"), Formatter("en")
        >>> nl.number(7.5, 1), en.number(7.5, 1)
        ('7,5', '7.5')
        >>> nl.money(50_000), en.money(50_000)
        ('€ 50.000', '€50,000')
        >>> nl.percent(31.0), en.percent(31.0)
        ('31,0 %', '31.0%')
    """

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            from progmon.errors import ValidationError

            raise ValidationError("language must be 'nl' or 'en'", element="lang", value=lang)
        self.lang: Language = "nl" if lang == "nl" else "en"
        self.locale_name = _LOCALES[lang]
        self.locale = Locale.parse(self.locale_name)

    def pick(self, dutch: str, english: str) -> str:
        """``dutch`` or ``english``, whichever is this formatter's language.

        Example:
            >>> Formatter("en").pick("ja", "yes")
            'yes'
        """
        return dutch if self.lang == "nl" else english

    # ------------------------------------------------------------------ numbers

    def number(self, value: float, decimals: int = 0, *, sign: bool = False) -> str:
        """``value`` with ``decimals`` decimals and the locale's separators.

        A float from 10**15 on, where floats skip whole numbers, is shown as
        its digits times a power of ten; an int with every digit.

        Example:
            >>> Formatter("nl").number(4640), Formatter("nl").number(-6.2, 1, sign=True)
            ('4.640', '-6,2')
            >>> Formatter("nl").number(1.5e308, 1), Formatter("en").number(1e28)
            ('1,5E308', '1E28')
            >>> Formatter("nl").number(2**60 + 1)
            '1.152.921.504.606.846.977'
        """
        fraction = "." + "0" * decimals if decimals > 0 else ""
        pattern = f"#,##0{fraction}"
        if sign:
            pattern = f"+{pattern};-{pattern}"
        if sign and round(value, decimals) == 0:
            value = 0.0  # "+0,0" reads as a change; "-0,0" as a fall that is not there
            pattern = f"#,##0{fraction}"
        return _format(format_decimal, value, pattern, shown=value, locale=self.locale_name)

    def percent(self, value: float, decimals: int = 1) -> str:
        """A share given in percent (``31.0``), as ``31,0 %`` / ``31.0%``.

        Example:
            >>> Formatter("nl").percent(5.04)
            '5,0 %'
        """
        pattern = _PERCENT_PATTERNS[self.lang]
        if decimals != 1:
            digits = "." + "0" * decimals if decimals > 0 else ""
            pattern = pattern.replace(".0", digits)
        return _format(format_percent, value / 100, pattern, shown=value, locale=self.locale_name)

    def fraction(self, value: float, *, sign: bool = False) -> str:
        """A relative change (``-0.107``) as a signed percentage.

        Example:
            >>> Formatter("en").fraction(-0.107, sign=True)
            '-10.7%'
        """
        pattern = _PERCENT_PATTERNS[self.lang]
        if sign and round(value * 1000, 0) != 0:  # round() to an int fails on infinity
            pattern = f"+{pattern};-{pattern}"
        return _format(format_percent, value, pattern, shown=value * 100, locale=self.locale_name)

    def money(self, amount: float) -> str:
        """An amount of euros in whole euros, with the locale's currency pattern.

        Example:
            >>> Formatter("nl").money(1_250_000)
            '€ 1.250.000'
        """
        pattern = self.locale.currency_formats["standard"].pattern.replace(".00", "")
        return _babel(
            format_currency,
            amount,
            pattern,
            shown=amount,
            currency="EUR",
            locale=self.locale,
            currency_digits=False,
        )

    def year(self, year: int) -> str:
        """A year, never with a thousands separator.

        Example:
            >>> Formatter("nl").year(2022)
            '2022'
        """
        return str(year)

    # ------------------------------------------------------------------ periods

    def date(self, day: date) -> str:
        """A date in full: ``1 december 2019`` / ``1 December 2019``.

        Example:
            >>> from datetime import date
            >>> Formatter("nl").date(date(2020, 3, 2))
            '2 maart 2020'
        """
        return _plain_spaces(format_date(day, "d MMMM y", locale=self.locale))

    def period(self, period: Period) -> str:
        """A period as a reader says it: ``2019``, ``december 2019``, or a range.

        Example:
            >>> f = Formatter("nl")
            >>> f.period(Period.year(2019)), f.period(Period.month(2019, 12))
            ('2019', 'december 2019')
            >>> Formatter("en").period(Period.month(2019, 12))
            'December 2019'
            >>> from datetime import date
            >>> Formatter("nl").period(Period.between(date(2019, 1, 1), date(2019, 1, 1)))
            '1 januari 2019'
        """
        start, end, kind = period.start, period.end, period.kind
        if kind is PeriodKind.YEAR:
            return self.year(start.year)
        if kind is PeriodKind.DAY:
            return self.date(start)
        if kind is PeriodKind.MONTH:
            return _plain_spaces(format_date(start, "MMMM y", locale=self.locale))
        if kind is PeriodKind.YEARS:
            return f"{start.year}-{end.year}"
        return f"{self.date(start)} \u2013 {self.date(end)}"  # an en dash, as in print

    def years(self, period: Period) -> str:
        """A programme's term as years: ``2018-2022``.

        Example:
            >>> from datetime import date
            >>> Formatter("nl").years(Period.between(date(2018, 1, 1), date(2022, 12, 31)))
            '2018-2022'
        """
        if period.start.year == period.end.year:
            return self.year(period.start.year)
        return f"{period.start.year}-{period.end.year}"

    # ------------------------------------------------------------------ quantities

    def unit_name(self, unit: Any, *, one: bool = False) -> str:
        """The name of ``unit`` after a number, in this language ('' for none).

        ``one``: the name after the number one (``1 melding``, ``1 report``).

        Example:
            >>> f = Formatter("nl")
            >>> f.unit_name("report"), f.unit_name("report / thousand_inhabitants")
            ('meldingen', 'meldingen per 1.000 inwoners')
            >>> Formatter("en").unit_name("crime"), Formatter("en").unit_name("crime", one=True)
            ('crimes', 'crime')
        """
        return unit_facts(unit).names[self.lang, one]

    def decimals(self, unit: Any, *values: float) -> int:
        """How many decimals figures in ``unit`` are shown with.

        Shares and report marks get one decimal (``31,0 %``, ``7,5``), money
        none; other units one only where a figure is not whole.

        Example:
            >>> f = Formatter("nl")
            >>> f.decimals("percent", 31.0), f.decimals("report", 731.0), f.decimals("fte", 1.5)
            (1, 0, 1)
        """
        fixed = unit_facts(unit).decimals
        if fixed is not None:
            return fixed
        # An infinite value (an overflow in the assessment) has no decimals to show.
        if all(not math.isfinite(v) or math.isclose(v, round(v), abs_tol=1e-9) for v in values):
            return 0
        return 1

    def magnitude(self, value: float, unit: Any, *, sign: bool = False) -> str:
        """A number in ``unit`` without the unit's name, e.g. in a chart axis.

        Example:
            >>> Formatter("nl").magnitude(31.04, "percent")
            '31,0'
        """
        return self.number(value, self.decimals(unit, value), sign=sign)

    def quantity(self, value: pint.Quantity[Any] | float, unit: Any = None) -> str:
        """A figure with its unit: ``731 meldingen``, ``31,0 %``, ``7,5``, ``€ 50.000``.

        Example:
            >>> f = Formatter("nl")
            >>> f.quantity(units.Quantity(731, "report")), f.quantity(units.Quantity(31, "percent"))
            ('731 meldingen', '31,0 %')
            >>> Formatter("en").quantity(units.Quantity(2, "fte"))
            '2 FTE'
        """
        if isinstance(value, pint.Quantity):
            magnitude, facts = _exact(value.magnitude), unit_facts(value)
        else:
            magnitude, facts = _exact(value), unit_facts("count" if unit is None else unit)
        if facts.permille:
            return self.number(float(magnitude), 1) + _PERMILLE_WORDS[self.lang][0]
        if facts.share:
            return self.percent(facts.in_percent(float(magnitude)))
        if facts.money:
            return self.money(magnitude)
        text = self.number(magnitude, self.decimals(facts.parsed, magnitude))
        name = facts.names[self.lang, _is_one(text)]
        return f"{text} {name}" if name else text

    def difference(self, value: float, unit: Any, *, sign: bool = True) -> str:
        """A change in ``unit``: percentage points for shares, else the unit's name.

        Example:
            >>> Formatter("nl").difference(-6.2, "percent")
            '-6,2 procentpunt'
            >>> Formatter("en").difference(-116, "report")
            '-116 reports'
        """
        facts = unit_facts(unit)
        if facts.permille:
            return f"{self.number(float(value), 1, sign=sign)} {_PERMILLE_WORDS[self.lang][1]}"
        if facts.share:
            points = facts.in_percent(float(value))
            return f"{self.number(points, 1, sign=sign)} {_PERIOD_WORDS[self.lang][1]}"
        if facts.money:
            text = self.money(abs(value))
            return f"-{text}" if sign and value < 0 else (f"+{text}" if sign else text)
        text = self.number(value, self.decimals(facts.parsed, value), sign=sign)
        name = facts.names[self.lang, _is_one(text)]
        return f"{text} {name}" if name else text

    def counts_events(self, unit: Any) -> bool:
        """Whether ``unit`` counts things (so a change is "more"/"fewer").

        Example:
            >>> Formatter("nl").counts_events("crime"), Formatter("nl").counts_events("mark")
            (True, False)
        """
        return unit_facts(unit).events

    # ------------------------------------------------------------------ statuses

    def status_label(self, status: Any) -> str:
        """The translated name of a status (an ``assess.Status``).

        Example:
            >>> import enum
            >>> S = enum.Enum("S", "ON_TRACK")
            >>> Formatter("nl").status_label(S.ON_TRACK), Formatter("en").status_label(S.ON_TRACK)
            ('Op koers', 'On track')
        """
        style = STATUS_STYLE.get(status.name)
        if style is None:
            return str(status.name).replace("_", " ").capitalize()
        return style[0] if self.lang == "nl" else style[1]

    @staticmethod
    def status_symbol(status: Any) -> str:
        """A symbol that tells statuses apart without colour."""
        style = STATUS_STYLE.get(status.name)
        return style[2] if style else "?"

    @staticmethod
    def status_class(status: Any) -> str:
        """The CSS class suffix of a status."""
        style = STATUS_STYLE.get(status.name)
        return style[3] if style else "unknown"


def _is_one(shown: str) -> bool:
    """Whether a number as shown is one (``1``, ``-1``, ``+1``), so its unit is singular."""
    return shown.lstrip("+-") == "1"
