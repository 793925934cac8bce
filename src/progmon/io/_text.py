"""Reading data files as text, with errors that name the file."""

from __future__ import annotations

from pathlib import Path

from progmon.errors import FileFormatError, ProgmonFileError


def read_text(path: Path, *, advice: str = "") -> str:
    """The text of ``path``: UTF-8, with or without a byte-order mark.

    Spreadsheet programs on Windows write a byte-order mark; it is not part
    of the first column's name or the first key.

    Raises:
        ProgmonFileError: the file cannot be read.
        FileFormatError: the file is not UTF-8 text; ``advice`` is added to
            the message.
    """
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ProgmonFileError(f"cannot be read: {e.strerror}", element=str(path)) from e
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise FileFormatError(
            f"is not UTF-8 text (byte {e.start}){advice}",
            element=str(path),
            value=raw[e.start : e.end],
        ) from e
