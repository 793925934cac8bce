r"""Text from users' files, made inert: control characters shown, not obeyed.

A note in a programme file may hold an ANSI escape that clears a terminal, a
right-to-left override that makes ``exe.txt`` read as ``txt.exe``, or a line
separator that starts a fake line of output. Wherever progmon shows such
text (the terminal, the Markdown and HTML review), :func:`inert` replaces
those characters by their visible escapes (``\x1b``, ``\u202e``), as Python's
``repr`` writes them. Letters, accents, emoji, soft hyphens and joiners of
every script stay as they are.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["inert"]

# C0 controls but tab and newline, DEL and the C1 controls; the bidirectional
# marks, embeddings, overrides and isolates; the line and paragraph separators;
# and lone surrogates, which no encoding can write.
_OBEYED: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff]"
)
_OBEYED_OR_BREAK: Final = re.compile(f"{_OBEYED.pattern[:-1]}\t\n]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def inert(text: str, *, one_line: bool = False) -> str:
    r"""``text`` with every character a terminal or a browser would obey shown as its escape.

    ``one_line=True`` escapes tabs and line breaks too, for output that must
    stay one line per item (the terminal).

    Example:
        >>> inert("veilig\x1b[2J")
        'veilig\\x1b[2J'
        >>> inert("Almeloërs \u202egnp.exe")
        'Almeloërs \\u202egnp.exe'
        >>> inert("regel 1\nregel 2"), inert("regel 1\nregel 2", one_line=True)
        ('regel 1\nregel 2', 'regel 1\\x0aregel 2')
    """
    pattern = _OBEYED_OR_BREAK if one_line else _OBEYED
    return pattern.sub(_visible, text)
