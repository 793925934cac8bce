"""The unit registry of progmon and the units of municipal monitoring.

progmon extends pint's *application registry* once, idempotently, so that
quantities made by progmon and by the caller can be mixed. The municipal
units get dimensions of their own wherever mixing them would be a mistake:

==================  ===============  =========================================
unit                dimension        for
==================  ===============  =========================================
``report``          ``[event]``      reports to police or municipality
``crime``           ``[event]``      registered crimes (misdrijven)
``incident``        ``[event]``      incidents, interventions, other events
``inhabitant``      ``[person]``     people; also ``person``, ``respondent``
``mark``            ``[mark]``       a report mark (rapportcijfer) from 1 to 10
``EUR``             ``[currency]``   money; also ``euro``
``fte``             ``[labour]``     staff in full-time equivalents
``percent``         dimensionless    a share of 0-100 % (pint's own)
``count``           dimensionless    a count of things (pint's own)
==================  ===============  =========================================

Rates combine them: ``report / thousand_inhabitants`` is "reports per 1,000
inhabitants". pint treats ``percent`` and ``count`` as the same
(dimensionless) kind; progmon does not: :func:`check_compatible` refuses a
count where a share is asked for, and the reverse.

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
from collections.abc import Callable
from typing import Any, Final

import pint
import platformdirs

from .errors import UnitError, ValidationError

__all__ = [
    "Quantity",
    "Unit",
    "cache_folder",
    "check_compatible",
    "check_in_range",
    "in_percent",
    "in_unit",
    "is_share",
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

_DEFINITIONS: Final = (
    "event = [event]",
    "report = event",
    "crime = event",
    "incident = event",
    "person = [person]",
    "inhabitant = person",
    "respondent = person",
    "thousand_inhabitants = 1000 * inhabitant",
    "mark = [mark]",
    "EUR = [currency] = _ = euro",
    "fte = [labour]",
)


def _extend(reg: Any) -> None:
    # Define only what is missing, so that importing progmon twice, or after
    # another library that defined the same names, never redefines a unit.
    for definition in _DEFINITIONS:
        name = definition.split("=", 1)[0].strip()
        if name not in reg:
            reg.define(definition)


_extend(registry)

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
# Counts of events and people, rates of them, and staff cannot be negative.
_NONNEGATIVE_UNITS: Final = frozenset(
    {
        "count",
        "event",
        "report",
        "crime",
        "incident",
        "person",
        "inhabitant",
        "respondent",
        "thousand_inhabitants",
        "fte",
    }
)


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
    if parsed is None:
        raise UnitError("is not a known unit", element=element, value=unit)
    refusal = _refusal(parsed)
    if refusal:
        raise UnitError(refusal, element=element, value=unit)
    return parsed


@functools.lru_cache(maxsize=4096)
def _parsed(text: str) -> Any:
    """The unit ``text`` names, or None; parsed once per text."""
    try:
        return registry.parse_units(text)
    # pint's parser raises assorted exceptions on garbage (even AssertionError).
    except Exception:  # noqa: BLE001  # any failure means: not a unit
        return None


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
