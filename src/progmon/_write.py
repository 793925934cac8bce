"""Writing a file without losing one: atomic replacement, and never over an input.

Every file progmon writes (a review, a programme file, an export) goes
through :func:`write_text`. The text is written to a temporary file beside
the target and renamed over it in one step, so that a crash, a full disk or
Ctrl-C leaves the old file as it was; and a path that is one of the command's
inputs (the programme file, through a symlink or a hard link too) is refused
before anything is written.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterable
from pathlib import Path

from .errors import ProgmonFileError, ValidationError

__all__ = ["as_path", "refuse_inputs", "write_bytes", "write_text"]


def as_path(value: object, *, element: str) -> Path:
    """``value`` as a :class:`~pathlib.Path`, refused unless it is a path or a string.

    Raises:
        ValidationError: ``value`` is None, a number, or an empty string.

    Example:
        >>> as_path("review.md", element="report file").name
        'review.md'
        >>> as_path(None, element="report file")
        Traceback (most recent call last):
        ...
        progmon.errors.ValidationError: report file: must be a file name or path (got None)
    """
    if isinstance(value, Path):
        return value
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("must be a file name or path", element=element, value=value)
    return Path(value)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:  # one of them does not exist (yet): not the same file
        return False


def refuse_inputs(path: object, inputs: Iterable[object], *, element: str) -> Path:
    """``path``, refused if it is one of ``inputs`` (the same file, by any name).

    A command checks this before its work, so that it fails at once; the
    write itself checks again.

    Raises:
        ProgmonFileError: ``path`` names one of the inputs.

    Example:
        >>> refuse_inputs("review.md", ["examples/veiligheid.toml"], element="-o").name
        'review.md'
    """
    target = as_path(path, element=element)
    for source in inputs:
        if _same_file(target, as_path(source, element="input")):
            raise ProgmonFileError(
                "is one of the inputs; progmon never writes over an input: choose another file",
                element=element,
                value=str(target),
            )
    return target


def write_text(path: object, text: str, *, element: str, inputs: Iterable[object] = ()) -> Path:
    r"""Write ``text`` (UTF-8) to ``path`` atomically; refuse to write over one of ``inputs``.

    A symlink is followed: the file it points to is replaced, the link stays.
    A file that is replaced keeps its permissions; a new one gets the
    process's default (the umask).

    Args:
        path: The file to write.
        text: Its new contents.
        element: What the file is, for error messages (``"report file"``).
        inputs: Files the caller read; ``path`` may not be any of them.

    Returns:
        The path written.

    Raises:
        ValidationError: ``path`` is not a path.
        ProgmonFileError: ``path`` is one of the inputs, a directory, or
            cannot be written (its folder is missing, no permission, ...).

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> source = folder / "programme.toml"
        >>> _ = source.write_text("id = 'p'", encoding="utf-8")
        >>> write_text(folder / "review.md", "# P\n", element="review").read_text(encoding="utf-8")
        '# P\n'
        >>> write_text(source, "# P\n", element="review", inputs=[source])
        Traceback (most recent call last):
        ...
        progmon.errors.ProgmonFileError: review: is one of the inputs; progmon never writes over ...
    """
    target = refuse_inputs(path, inputs, element=element)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise ValidationError(
            f"cannot be written as UTF-8: {e.reason} at character {e.start}",
            element=element,
            value=text[max(0, e.start - 20) : e.end + 20],
        ) from e
    return write_bytes(target, data, element=element)


def write_bytes(path: object, data: bytes, *, element: str, inputs: Iterable[object] = ()) -> Path:
    """Write ``data`` to ``path`` atomically, as :func:`write_text` writes text.

    Example:
        >>> import tempfile
        >>> target = Path(tempfile.mkdtemp()) / "tables.xlsx"
        >>> write_bytes(target, b"PK", element="workbook").read_bytes()
        b'PK'
    """
    target = refuse_inputs(path, inputs, element=element)
    real = Path(os.path.realpath(target))
    try:
        loop, folder = real.is_symlink(), real.is_dir()
    except OSError as e:  # a name too long for the file system, say
        raise ProgmonFileError(
            f"cannot be written: {e.strerror or e}", element=element, value=str(target)
        ) from None
    if loop:  # realpath stops where links go round in a circle
        raise ProgmonFileError(
            "is a loop of symbolic links: point it at a file", element=element, value=str(target)
        )
    if folder:
        raise ProgmonFileError("is a folder, not a file", element=element, value=str(target))
    temporary = real.with_name(f".{real.name}.{secrets.token_hex(4)}.progmon-tmp")
    try:
        # O_EXCL: never reuse a file that is there; mode 0o666 so the umask applies.
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            if real.exists():
                shutil.copymode(real, temporary)
            temporary.replace(real)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except OSError as e:
        raise ProgmonFileError(
            f"cannot be written: {e.strerror or e}", element=element, value=str(target)
        ) from e
    return target
