"""A whole review: the programmes a council receives together, as one value and one file.

A municipality's budget, annual report or midterm review holds eight to
twelve programmes. A *review file* (TOML) names the organisation, the review
(its title, ``as_of`` year, method and language) and the programme files it
holds, in order, relative to the review file::

    format = 1
    organisation = "Gemeente Almelo"
    title = "Midterm Review Programma's 2020"
    as_of = 2020                 # optional: by default the latest year with a figure
    method = "growth-ratio"      # optional: by default the default method
    language = "nl"              # optional: "nl" (default) or "en"
    description = "..."          # optional: a text for the review's first page
    programmes = ["veiligheid.toml", "wonen.toml"]

A review file is told from a programme file by its top-level ``programmes``
key, which no programme file has (:func:`is_review_file`); ``progmon report``
renders either. :func:`load_review` reads one into a :class:`Review`;
:func:`progmon.report.write` writes a review as a site, a PDF, one HTML
document or Markdown.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from ._programme import Programme
from .errors import DuplicateError, FileFormatError, ProgmonError, ValidationError

__all__ = ["REVIEW_KEYS", "Review", "is_review_file", "load_review"]

#: The keys of a review file; ``title`` and ``programmes`` are required.
REVIEW_KEYS: Final = (
    "format",
    "organisation",
    "title",
    "as_of",
    "method",
    "language",
    "description",
    "programmes",
)
_FORMAT: Final = 1
_LANGUAGES: Final = ("nl", "en")


def _check_text(instance: Review, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise ValidationError("must be a text", element=f"review {attribute.name}", value=value)


def _check_title(instance: Review, attribute: attrs.Attribute[str], value: object) -> None:
    _check_text(instance, attribute, value)
    if not str(value).strip():
        raise ValidationError("must not be empty", element="review title", value=value)


def _check_programmes(
    instance: Review, attribute: attrs.Attribute[tuple[Programme, ...]], value: object
) -> None:
    if not isinstance(value, tuple) or not value:
        raise ValidationError(
            "must hold one programme or more", element="review programmes", value=value
        )
    seen: set[str] = set()
    for number, programme in enumerate(value):
        if not isinstance(programme, Programme):
            raise ValidationError(
                "must hold Programme values only",
                element=f"review programmes[{number}]",
                value=type(programme).__name__,
            )
        if programme.id in seen:
            raise DuplicateError(
                "has two programmes with one id: each programme has its own pages",
                element="review programmes",
                value=programme.id,
            )
        seen.add(programme.id)


def _check_as_of(instance: Review, attribute: attrs.Attribute[int | None], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(
            "must be a year (a whole number)", element="review as_of", value=value
        )
    from ._period import Period

    try:
        Period.year(value)
    except ProgmonError as e:
        raise ValidationError(e.message, element="review as_of", value=value) from None


def _check_method(instance: Review, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is None:
        return
    from .methods import get_method

    if not isinstance(value, str):
        raise ValidationError("must be the name of a method", element="review method", value=value)
    try:
        get_method(value)
    except ProgmonError as e:
        raise ValidationError(e.message, element="review method", value=value) from None


def _check_language(instance: Review, attribute: attrs.Attribute[str], value: object) -> None:
    if value not in _LANGUAGES:
        raise ValidationError("must be 'nl' or 'en'", element="review language", value=value)


def _as_tuple(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


@attrs.frozen
class Review:
    """The programmes of one review, with the review's title, year, method and language.

    Attributes:
        title: The review's title ("Midterm Review Programma's 2020").
        programmes: The programmes, in the order of the review; each id once.
        organisation: Who reports ("Gemeente Almelo").
        as_of: The year of the review; None: the latest year with a figure
            in any of the programmes.
        method: The name of the assessment method; None: the default.
        language: ``"nl"`` or ``"en"``.
        description: Paragraphs (separated by a blank line) for the review's
            first page.
        files: The files it was read from (the review file, the programme
            files and their figure files); nothing is ever written over them.

    Example:
        >>> import progmon
        >>> almelo = progmon.load("examples/veiligheid.toml")
        >>> review = Review(title="Midterm Review 2020", programmes=[almelo], as_of=2020)
        >>> [a.status.value for a in review.assess()]
        ['on-track']
        >>> Review(title="Twice", programmes=[almelo, almelo])
        Traceback (most recent call last):
        ...
        progmon.errors.DuplicateError: review programmes: has two programmes with one id: ...
    """

    title: str = attrs.field(validator=_check_title)
    programmes: tuple[Programme, ...] = attrs.field(
        converter=_as_tuple, validator=_check_programmes
    )
    organisation: str = attrs.field(default="", validator=_check_text)
    as_of: int | None = attrs.field(default=None, validator=_check_as_of)
    method: str | None = attrs.field(default=None, validator=_check_method)
    language: str = attrs.field(default="nl", validator=_check_language)
    description: str = attrs.field(default="", validator=_check_text)
    files: tuple[Path, ...] = attrs.field(default=(), converter=_as_tuple)

    def year(self) -> int | None:
        """The year of the review: ``as_of``, else the latest default year of its programmes.

        Example:
            >>> import progmon
            >>> Review(title="R", programmes=[progmon.load("examples/veiligheid.toml")]).year()
            2019
        """
        if self.as_of is not None:
            return self.as_of
        from ._assess import default_as_of

        years = [y for y in (default_as_of(p) for p in self.programmes) if y is not None]
        return max(years) if years else None

    def assess(self) -> tuple[Any, ...]:
        """Every programme assessed as of :meth:`year` by the review's method, in order.

        Raises:
            ValidationError: no programme has a figure and ``as_of`` is not given.

        Example:
            >>> import progmon
            >>> almelo = progmon.load("examples/veiligheid.toml")
            >>> Review(title="R", programmes=[almelo]).assess()[0].as_of
            2019
        """
        from .assessment import assess

        year = self.year()
        if year is None:
            raise ValidationError(
                "has no figures yet: give the year of the review (as_of)",
                element=f"review {self.title!r}",
            )
        return tuple(assess(p, as_of=year, method=self.method) for p in self.programmes)


# --------------------------------------------------------------------------- the file


def _parse(path: Path) -> Any:
    from .io._files import _parse as parse_file
    from .io._text import read_text

    return parse_file(read_text(path), "toml", str(path))


def is_review_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a review file: TOML with a top-level ``programmes`` key.

    A file that cannot be read or parsed is no review file (reading it as a
    programme file then says what is wrong with it).

    Example:
        >>> is_review_file("examples/review.toml"), is_review_file("examples/veiligheid.toml")
        (True, False)
    """
    where = Path(path)
    try:
        if where.suffix.lower() != ".toml" or not where.is_file():
            return False
    except OSError:  # a name too long for the file system, say: reading it says so
        return False
    try:
        data = _parse(where)
    except ProgmonError:
        return False
    return isinstance(data, dict) and "programmes" in data


def _key(origin: str, key: str) -> str:
    return f"{origin}: {key}"


def _unknown_keys(data: Mapping[str, Any], origin: str) -> None:
    for key in data:
        if key not in REVIEW_KEYS:
            close = difflib.get_close_matches(key, REVIEW_KEYS, n=1)
            hint = f": did you mean {close[0]!r}?" if close else f": use {', '.join(REVIEW_KEYS)}"
            raise FileFormatError(f"is not a key of a review file{hint}", element=_key(origin, key))


def _text_at(data: Mapping[str, Any], key: str, origin: str, *, default: str = "") -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise FileFormatError("must be a text", element=_key(origin, key), value=value)
    return value


def _programme_paths(data: Mapping[str, Any], base: Path, origin: str) -> list[Path]:
    if "programmes" not in data:
        raise FileFormatError(
            'a review file names its programme files: programmes = ["a.toml", ...]',
            element=_key(origin, "programmes"),
        )
    names = data["programmes"]
    if not isinstance(names, list) or not names:
        raise FileFormatError(
            "must be a list of one programme file or more, relative to the review file",
            element=_key(origin, "programmes"),
            value=names,
        )
    paths: list[Path] = []
    for number, name in enumerate(names):
        element = _key(origin, f"programmes[{number}]")
        if not isinstance(name, str) or not name.strip():
            raise FileFormatError(
                "must be the name of a programme file", element=element, value=name
            )
        path = base / name
        if path.suffix.lower() not in {".toml", ".json"}:
            raise FileFormatError(
                "is not a programme file: use .toml or .json (a review executes no code)",
                element=element,
                value=name,
            )
        try:
            found = path.is_file()
        except OSError as e:  # a name too long for the file system, say
            raise FileFormatError(
                f"cannot be read: {e.strerror or e}", element=element, value=name
            ) from None
        if not found:
            why = "is a folder, not a file" if path.is_dir() else "no such file"
            raise FileFormatError(
                f"{why} (programme files are relative to the review file)",
                element=element,
                value=name,
            )
        if any(path.samefile(p) for p in paths):
            raise FileFormatError("names a programme file twice", element=element, value=name)
        paths.append(path)
    return paths


def _files(path: Path, loaded: list[Any]) -> Iterator[Path]:
    yield path
    for programme_path, figures in loaded:
        yield programme_path
        yield from figures.files


def load_review(path: str | os.PathLike[str]) -> Review:
    """Read a review file and every programme file it names (with their figure files).

    Raises:
        ProgmonFileError: the review file cannot be read.
        FileFormatError: the file is not valid TOML, has an unknown key, a
            key of the wrong kind, or names a programme file that is missing
            (naming the review file, the key and the value).
        ValidationError: a value is not allowed (an unknown method or
            language, a year off the calendar, two programmes with one id).
        ProgmonError: a programme file is invalid, naming that file.

    Example:
        >>> review = load_review("examples/review.toml")
        >>> review.organisation, review.as_of, [p.id for p in review.programmes][:1]
        ('Gemeente Almelo', 2020, ['veiligheid'])
        >>> [f.name for f in review.files][:2]
        ['review.toml', 'veiligheid.toml']
    """
    from .io import load_with_figures

    where = Path(path)
    origin = str(where)
    data = _parse(where)
    if not isinstance(data, dict):  # pragma: no cover - TOML's top level is a table
        raise FileFormatError("is not a review file", element=origin)
    _unknown_keys(data, origin)
    version = data.get("format", _FORMAT)
    if version != _FORMAT or isinstance(version, bool):
        raise FileFormatError(
            f"must be {_FORMAT}: this progmon reads review files of format {_FORMAT}",
            element=_key(origin, "format"),
            value=version,
        )
    if "title" not in data:
        raise FileFormatError("a review has a title", element=_key(origin, "title"))
    paths = _programme_paths(data, where.parent, origin)
    loaded = []
    for programme_path in paths:
        try:
            loaded.append((programme_path, load_with_figures(programme_path)))
        except ProgmonError as e:
            if str(programme_path) in str(e):
                raise
            raise type(e)(f"{e} (in {programme_path})") from e
    fields: dict[str, Any] = {
        "title": _text_at(data, "title", origin),
        "organisation": _text_at(data, "organisation", origin),
        "description": _text_at(data, "description", origin),
        "as_of": data.get("as_of"),
        "method": data.get("method"),
        "language": data.get("language", "nl"),
    }
    try:
        return Review(
            programmes=tuple(figures.programme for _, figures in loaded),
            files=tuple(_files(where, loaded)),
            **fields,
        )
    except ProgmonError as e:
        key = e.element.removeprefix("review ").split("[")[0]
        element = _key(origin, key if key in REVIEW_KEYS else e.element)
        if e.element.startswith("review programmes"):
            element = _key(origin, "programmes")
        if "(got " in str(e):
            raise type(e)(e.message, element=element, value=e.value) from None
        raise type(e)(e.message, element=element) from None
