"""Reading data files as text, with errors that name the file."""

from __future__ import annotations

import errno
import json
import sys
from pathlib import Path
from typing import Any, Final

from progmon.errors import FileFormatError, ProgmonFileError

__all__ = [
    "MAX_DEPTH",
    "check_depth",
    "check_relative",
    "parse_json",
    "read_text",
    "too_deep",
    "too_long_a_number",
    "without_bom",
]

# What the reader tells, for the causes of OSError a user can act on.
_CAUSES: Final = {
    errno.ENOENT: "there is no such file",
    errno.EISDIR: "is a folder, not a file",
    errno.ELOOP: "is a loop of symbolic links (a link that leads back to itself)",
    errno.EACCES: "may not be read (no permission)",
    errno.ENOTDIR: "has a file where its path needs a folder",
    errno.ENAMETOOLONG: "has a name too long for the file system",
}

_UTF16_MARKS: Final = (b"\xff\xfe", b"\xfe\xff")

MAX_DEPTH: Final = 64
"""How deeply a programme or export file may nest tables and lists.

A programme nests about ten deep (a figure's period in a component of an
indicator of a goal of an ambition); deeper is not a programme, and would
exhaust Python's stack in the readers.
"""


def read_text(path: Path, *, advice: str = "") -> str:
    """The text of ``path``: UTF-8, with or without a byte-order mark.

    Spreadsheet programs on Windows write a byte-order mark; it is not part
    of the first column's name or the first key.

    Raises:
        ProgmonFileError: the file cannot be read; the message says why
            (missing, a folder, a loop of symbolic links, no permission).
        FileFormatError: the file is not UTF-8 text; ``advice`` is added to
            the message.

    Example:
        >>> read_text(Path("no/such/file.csv"))
        Traceback (most recent call last):
        ...
        progmon.errors.ProgmonFileError: no/such/file.csv: cannot be read: there is no such file
    """
    try:
        raw = path.read_bytes()
    except OSError as e:
        cause = _CAUSES.get(e.errno or 0, e.strerror or str(e))
        raise ProgmonFileError(f"cannot be read: {cause}", element=str(path)) from e
    try:
        return without_bom(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        if raw.startswith(_UTF16_MARKS):
            advice = f": it is UTF-16 text{advice or ', save it as UTF-8'}"
        raise FileFormatError(
            f"is not UTF-8 text (byte {e.start}){advice}",
            element=str(path),
            value=raw[e.start : e.end],
        ) from e


def without_bom(text: str) -> str:
    r"""``text`` without the byte-order mark that spreadsheets and Notepad put in front.

    Example:
        >>> without_bom("\ufeffformat = 1")
        'format = 1'
    """
    return text.removeprefix("\ufeff")


def parse_json(text: str, origin: str) -> Any:
    """The data in a JSON text, strictly: no NaN or Infinity, no key twice in one object.

    Raises:
        FileFormatError: naming ``origin`` and, where the parser knows it,
            the line: not JSON, a key twice, a number too long, nested
            deeper than :data:`MAX_DEPTH`.

    Example:
        >>> parse_json('{"id": "p", "id": "q"}', "p.json")
        Traceback (most recent call last):
        ...
        progmon.errors.FileFormatError: p.json: has the key 'id' twice in one table
    """
    try:
        data = json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as e:
        raise FileFormatError(
            f"is not valid JSON: {e.msg}", element=f"{origin} line {e.lineno}"
        ) from e
    except _Refused as e:
        raise FileFormatError(str(e), element=origin) from None
    except RecursionError:
        raise too_deep(origin) from None
    except ValueError:  # an integer of more digits than Python converts
        raise too_long_a_number(origin) from None
    check_depth(data, origin)
    return data


class _Refused(Exception):
    """Raised inside the JSON parser, which cannot say where; re-raised with the file named."""


def _refuse_constant(name: str) -> Any:
    raise _Refused(f"holds {name}, which is not a number a programme can hold")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # dict() in C for every object; the pairs are looked through only when one key came twice.
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Refused(f"has the key {key!r} twice in one table")
            seen.add(key)
    return data


def too_long_a_number(origin: str) -> FileFormatError:
    """The error for a whole number of more digits than Python reads (4300)."""
    return FileFormatError(
        f"holds a whole number of more than {sys.get_int_max_str_digits()} digits, which is no "
        "figure",
        element=origin,
    )


def too_deep(origin: str) -> FileFormatError:
    """The error for a file nested deeper than :data:`MAX_DEPTH`."""
    return FileFormatError(
        f"is nested too deeply: tables and lists more than {MAX_DEPTH} deep are no programme "
        "or export",
        element=origin,
    )


def check_depth(data: Any, origin: str) -> None:
    """Refuse ``data`` nested deeper than :data:`MAX_DEPTH`, without recursing itself.

    Example:
        >>> check_depth({"a": [{"b": 1}]}, "p.toml")
        >>> nested: list[object] = []
        >>> for _ in range(MAX_DEPTH):
        ...     nested = [nested]
        >>> check_depth(nested, "p.toml")
        Traceback (most recent call last):
        ...
        progmon.errors.FileFormatError: p.toml: is nested too deeply: ...
    """
    # Level by level, tables and lists only: a programme's figures are most of
    # its values, and never hold anything. type() against a tuple, not
    # isinstance with a union: a quarter of the time, for every value of the file.
    containers = (dict, list)
    level = [data] if type(data) in containers else []
    depth = 1
    while level:
        if depth > MAX_DEPTH:
            raise too_deep(origin)
        below: list[Any] = []
        keep = below.append
        for value in level:
            for child in value.values() if type(value) is dict else value:
                if type(child) in containers:
                    keep(child)
        level, depth = below, depth + 1


def check_relative(name: str, *, element: str) -> None:
    """Refuse a file name beside a programme file that is not relative to it.

    Example:
        >>> check_relative("cijfers/*.csv", element="figures[0]")
        >>> check_relative("~/cijfers.csv", element="figures[0]")
        Traceback (most recent call last):
        ...
        progmon.errors.FileFormatError: figures[0]: must be relative to the programme file, ...
    """
    if Path(name).is_absolute() or name.startswith("~"):
        raise FileFormatError(
            "must be relative to the programme file, so that the folder can move",
            element=element,
            value=name,
        )
