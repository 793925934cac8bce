"""Errors and warnings that progmon raises.

Every error that bad input causes is a :class:`ProgmonError`, and also an
instance of the builtin exception that fits it, so that code which catches
``ValueError`` or ``TypeError`` keeps working. Each error names the programme
element (an indicator id, a goal id, a file and key path) and the offending
value, both in its message and as attributes.

The hierarchy::

    ProgmonError
     +-- ValidationError (ValueError)     a value is not allowed here
     |    +-- DuplicateError               two things share an id or a period
     |    +-- AmbiguityError               the input can be read two ways
     +-- UnitError (TypeError)            a unit does not fit the indicator
     +-- FileFormatError (ValueError)     a data file is malformed
     +-- ProgmonFileError (OSError)       a file cannot be read or written

    ProgmonWarning (UserWarning)          footguns: allowed, but probably wrong
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AmbiguityError",
    "DuplicateError",
    "FileFormatError",
    "ProgmonError",
    "ProgmonFileError",
    "ProgmonWarning",
    "UnitError",
    "ValidationError",
]

_MISSING: Any = object()

# A value from a file can be megabytes long: the message shows its start and end.
_SHOWN_CHARACTERS = 160


def _shown(value: object) -> str:
    """``repr(value)``, shortened in the middle when it is long.

    Example:
        >>> _shown("x" * 1000)[:12], len(_shown("x" * 1000)) < 200
        ("'xxxxxxxxxxx", True)
    """
    text = repr(value)
    if len(text) <= _SHOWN_CHARACTERS:
        return text
    half = _SHOWN_CHARACTERS // 2
    return f"{text[:half]} ... ({len(text) - 2 * half} characters) ... {text[-half:]}"


class ProgmonError(Exception):
    """Base class of every error that progmon raises on bad input.

    Args:
        message: What is wrong, in one sentence.
        element: The programme element, e.g. ``"indicator 'misdrijven'"``.
        value: The offending value.

    Example:
        >>> err = ProgmonError("must not be empty", element="goal id", value="")
        >>> str(err)
        "goal id: must not be empty (got '')"
        >>> err.element, err.value
        ('goal id', '')
    """

    def __init__(self, message: str, *, element: str = "", value: Any = _MISSING) -> None:
        self.message = message
        self.element = element
        self.value = None if value is _MISSING else value
        text = f"{element}: {message}" if element else message
        if value is not _MISSING:
            text = f"{text} (got {_shown(value)})"
        super().__init__(text)


class ValidationError(ProgmonError, ValueError):
    """A value is not allowed: NaN, out of range, empty, or inconsistent.

    Example:
        >>> import progmon
        >>> progmon.Measurement(2019, float("nan"))
        Traceback (most recent call last):
        ...
        progmon.errors.ValidationError: measurement 2019: value: must be finite, not NaN or infinite (got nan)
    """  # noqa: E501  # a doctest line cannot be wrapped


class DuplicateError(ValidationError):
    """Two elements share an id, or two measurements share a period.

    Example:
        >>> import progmon
        >>> progmon.Indicator(id="x", name="X", unit="report", measurements=[
        ...     progmon.Measurement(2019, 1), progmon.Measurement(2019, 2)])
        Traceback (most recent call last):
        ...
        progmon.errors.DuplicateError: indicator 'x': has two measurements for one period ...
    """


class AmbiguityError(ValidationError):
    """The input has two readings, and progmon will not guess.

    The standard case: a ``Change`` of a percentage given in percent.

    Example:
        >>> import progmon
        >>> five_percent = progmon.units.Quantity(5, "percent")
        >>> progmon.Indicator(id="x", name="X", unit="percent", target=progmon.Change(five_percent))
        Traceback (most recent call last):
        ...
        progmon.errors.AmbiguityError: indicator 'x' target: a change of a share given in ...
    """


class UnitError(ProgmonError, TypeError):
    """A unit is unknown, or its dimension does not fit the indicator.

    Example:
        >>> import progmon
        >>> people = progmon.units.Quantity(3, "inhabitant")
        >>> progmon.Indicator(id="x", name="X", unit="report",
        ...                   measurements=[progmon.Measurement(2019, people)])
        Traceback (most recent call last):
        ...
        progmon.errors.UnitError: indicator 'x' 2019 value: 'inhabitant' does not fit unit 'report' (got 'inhabitant')
    """  # noqa: E501  # a doctest line cannot be wrapped


class FileFormatError(ProgmonError, ValueError):
    """A programme or figures file is malformed.

    The ``element`` names the file and, where known, the line or key path.

    Example:
        >>> import progmon
        >>> progmon.io.loads("id = [", "toml")
        Traceback (most recent call last):
        ...
        progmon.errors.FileFormatError: <string>: is not valid TOML: Invalid value ...
    """


class ProgmonFileError(ProgmonError, OSError):
    """A file cannot be found, read or written.

    Example:
        >>> import progmon
        >>> progmon.load("no/such/programme.toml")
        Traceback (most recent call last):
        ...
        progmon.errors.ProgmonFileError: no/such/programme.toml: cannot be read: there is no ...
    """


class ProgmonWarning(UserWarning):
    """Something is allowed but probably not what was meant.

    ``progmon check`` lists these as warnings, and fails on them with
    ``--strict``; in Python, turn them into errors with the ``warnings``
    filters.

    Example:
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     warnings.warn("figure 2019 replaced", ProgmonWarning, stacklevel=1)
        >>> caught[0].category is ProgmonWarning
        True
    """
