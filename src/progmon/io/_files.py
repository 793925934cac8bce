"""Programme files: TOML and JSON, chosen by the file's extension."""

from __future__ import annotations

import copy
import json
import os
import tomllib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Final, Literal

import tomli_w

from progmon._indicator import Measurement
from progmon._period import Period
from progmon._programme import Programme
from progmon._write import as_path, write_text
from progmon.errors import FileFormatError, ProgmonError, ValidationError

from ._beside import (
    FIGURES_KEY,
    FigureFiles,
    choose,
    figure_files,
    merge_figures,
    patterns_of,
    read_all,
    warn_if_correcting_nothing,
)
from ._cbs import CBS_KEY, CbsSource, cbs_sources_of, read_cbs_source
from ._converter import parse_period, structure_programme, unstructure_programme
from ._csv import Figure, Merge
from ._text import (
    check_depth,
    parse_json,
    read_text,
    too_deep,
    too_long_a_number,
    without_bom,
)

__all__ = ["dump", "dumps", "load", "load_with_figures", "loads"]

Format = Literal["toml", "json"]

_SUFFIXES: Final[dict[str, Format]] = {".toml": "toml", ".json": "json"}

_TOML_HEADER: Final = (
    "# A progmon programme (file format 1): see the file format reference in the docs.\n"
    "# Figures, margins and targets are in the unit of their indicator.\n\n"
)


def _format_of(path: Path) -> Format:
    try:
        return _SUFFIXES[path.suffix.lower()]
    except KeyError:
        raise FileFormatError(
            "is not a programme file: its name must end in .toml or .json", element=str(path)
        ) from None


def load(path: str | os.PathLike[str]) -> Programme:
    """Read the programme in a ``.toml`` or ``.json`` file, with its figure files.

    Nothing in the file is executed; either the whole programme is read, or
    an error names what is wrong. A programme file may name figure files
    beside it (``figures = ["cijfers/*.csv", "cijfers-2021.xlsx"]``, relative
    to the programme file): their figures are added, as
    :func:`~progmon.io.load_with_figures` says.

    Raises:
        ProgmonFileError: the file cannot be read.
        FileFormatError: the file is malformed (its line, or key path).
        ProgmonError: a value in the file is not allowed, naming the file,
            the key path (``ambitions[0].goals[2].indicators[0].unit``) and
            the value; or a figure file's, naming that file and its line.

    Example:
        >>> p = load("examples/veiligheid.toml")
        >>> p.name
        'Programma Veiligheid'
    """
    return load_with_figures(path).programme


def load_with_figures(
    path: str | os.PathLike[str], *, extra: Iterable[str | os.PathLike[str]] = ()
) -> FigureFiles:
    """Read a programme file and the figure files it names, and say what they added.

    The files are read in the order of the ``figures`` list (the files a
    pattern matches, by name), then the saved CBS tables that its ``[[cbs]]``
    tables name (read as :func:`~progmon.io.read_cbs` reads them), then the
    ``extra`` files. A figure for an
    indicator and period that has one already, in the programme file or in an
    earlier figure file, is refused, naming both places, unless its row is
    marked as a correction (the column ``replaces``, ``correctie`` in Dutch):
    then it replaces the earlier figure, and :attr:`Merge.replaced` lists it.

    The figures of the files are the indicators' figures as if the programme
    file held them: the first is the baseline, and a level takes its
    direction from it, so that a programme whose figures all live in figure
    files needs no ``direction`` where its file alone would.

    Example:
        >>> loaded = load_with_figures("tests/fixtures/beside/programme.toml")
        >>> loaded.programme.indicator("meldingen").measurement(2020).value
        <Quantity(690.0, 'report')>
        >>> [(ind, old.value.m, new.value.m) for ind, old, new in loaded.merge.replaced]
        [('meldingen', 731, 733)]
    """
    where = as_path(path, element="programme file")
    kind = _format_of(where)
    origin = str(where)
    data = _parse(without_bom(read_text(where)), kind, origin)
    patterns = _figure_patterns(data, origin)
    sources = _cbs_sources(data, origin)
    base = where.parent
    files = figure_files(patterns, base, origin) if patterns else ()
    more = tuple(as_path(file, element="figures file") for file in extra)

    def read() -> tuple[Figure, ...]:
        return (
            *read_all(files),
            *(
                figure
                for index, source in enumerate(sources)
                for figure in read_cbs_source(source, base, f"{origin}: {CBS_KEY}[{index}]")
            ),
            *read_all(more),
        )

    figures = _figures_of(read, data, origin)
    files = (*files, *(base / source.file for source in sources), *more)
    if figures:
        joined = _with_figures_of(data, files, figures, origin)
        if joined is not None:
            return joined
    # Not the simple case: the figures are added to the programme as its file has it.
    return merge_figures(_structure(data, origin), files, origin=origin, figures=figures)


def _figures_of(
    read: Callable[[], tuple[Figure, ...]], data: Any, origin: str
) -> tuple[Figure, ...]:
    """The figures ``read`` reads; the programme file read first where a unit needs it.

    Reading the programme file defines the populations (its own, its BBV
    indicators') that a figure's unit may be per, even where the file alone is
    no programme (a level whose direction only its figures give). Where the
    figures still do not read, the programme file's own error comes first.
    """
    try:
        return read()
    except ProgmonError:
        pass
    try:
        _structure(data, origin)
    except ProgmonError as error:
        programme_error: ProgmonError | None = error
    else:
        programme_error = None
    try:
        return read()
    except ProgmonError:
        if programme_error is not None:
            raise programme_error from None
        raise


class _NotSimple(Exception):
    """The figures of the files are not simply more figures of the programme file's indicators."""


def _with_figures_of(
    data: Any, files: Sequence[Path], figures: Sequence[Figure], origin: str
) -> FigureFiles | None:
    """The programme with the files' figures made part of its indicators, or None.

    None where that is not the simple case (a figure for a period the
    programme file has, for an indicator it lacks, for a reference region, a
    second figure without correction; a figure the indicator refuses): then
    the figures are added to the programme as it stands, by
    :func:`merge_figures`, whose errors name the file and line of the figure.
    """
    try:
        chosen, replaced = choose(figures)
        if any(region for _, region, _ in chosen):
            return None  # merge_figures adds them to their references
        table = copy.deepcopy(data)
        _inject(table, chosen)
        programme = _structure(table, origin)
    except (_NotSimple, ProgmonError, TypeError, ValueError):
        return None
    corrected = {id(new) for _, _, new in replaced}
    for figure in chosen.values():
        # No figure of the programme file is corrected here: _inject refused those.
        warn_if_correcting_nothing(figure, corrected, None)
    added = tuple(figure for figure in chosen.values() if id(figure.measurement) not in corrected)
    return FigureFiles(tuple(files), tuple(figures), Merge(programme, added, tuple(replaced)))


def _inject(table: Any, chosen: dict[tuple[str, str, Period], Figure]) -> None:
    """Put each figure among its indicator's measurements in the parsed file."""
    found = _indicator_tables(table)
    for (indicator, _, period), figure in chosen.items():
        tables = found.get(indicator, [])
        if len(tables) != 1:
            raise _NotSimple
        listed = tables[0].setdefault("measurements", [])
        if not isinstance(listed, list):
            raise _NotSimple
        for entry in listed:
            if isinstance(entry, Measurement):
                continue  # a figure of the files, put here before: chosen once each
            given = entry.get("period") if isinstance(entry, dict) else None
            if not isinstance(given, int | str) or parse_period(given) == period:
                raise _NotSimple
        listed.append(figure.measurement)


def _indicator_tables(data: Any) -> dict[str, list[dict[str, Any]]]:
    """Every indicator table of a parsed programme file, by its id, components included."""
    found: dict[str, list[dict[str, Any]]] = {}

    def add(tables: object) -> None:
        for table in tables if isinstance(tables, list) else ():
            if isinstance(table, dict):
                found.setdefault(str(table.get("id")), []).append(table)
                add(table.get("components"))

    for ambition in data.get("ambitions", ()) if isinstance(data, dict) else ():
        if isinstance(ambition, dict):
            for goal in ambition.get("goals", ()) or ():
                if isinstance(goal, dict):
                    add(goal.get("indicators"))
            add(ambition.get("context"))
    return found


def _figure_patterns(data: Any, origin: str) -> tuple[str, ...]:
    """The ``figures`` key taken out of the file's table: it is about files, not the model."""
    if not isinstance(data, dict) or FIGURES_KEY not in data:
        return ()
    return patterns_of(data.pop(FIGURES_KEY), origin)


def _cbs_sources(data: Any, origin: str) -> tuple[CbsSource, ...]:
    """The ``cbs`` tables taken out of the file's table: they are about files, not the model."""
    if not isinstance(data, dict) or CBS_KEY not in data:
        return ()
    return cbs_sources_of(data.pop(CBS_KEY), origin)


def _structure(data: Any, origin: str) -> Programme:
    try:
        return structure_programme(data, origin=origin)
    except RecursionError:  # a programme within the depth limit, on a small stack
        raise too_deep(origin) from None


def loads(
    text: str,
    format: Format = "toml",  # noqa: A002  # the natural name, as in the format of json/tomllib
    *,
    origin: str = "<string>",
) -> Programme:  # the natural name, as in tomllib/json
    r"""Read a programme from the text of a TOML or JSON file.

    ``origin`` names the text in error messages.

    Example:
        >>> loads('format = 1\nid = "p"\nname = "Programma P"').name
        'Programma P'
    """
    if not isinstance(text, str):
        raise FileFormatError(
            "loads takes the text of a file (use load for a path)", element=origin, value=text
        )
    data = _parse(without_bom(text), format, origin)
    for key in (FIGURES_KEY, CBS_KEY):
        if isinstance(data, dict) and key in data:
            raise FileFormatError(
                "names figure files, which are found relative to the programme file: "
                "read it with load(path)",
                element=f"{origin}: {key}",
                value=data[key],
            )
    return _structure(data, origin)


def _parse(text: str, kind: Format, origin: str) -> Any:
    if kind == "json":
        return parse_json(text, origin)
    if kind != "toml":
        raise FileFormatError('format must be "toml" or "json"', value=kind)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise FileFormatError(f"is not valid TOML: {e}", element=origin) from e
    except RecursionError:
        raise too_deep(origin) from None
    except ValueError:  # an integer of more digits than Python converts
        raise too_long_a_number(origin) from None
    check_depth(data, origin)
    return data


def dumps(programme: Programme, format: Format = "toml") -> str:  # noqa: A002  # as in loads
    """The text of a TOML or JSON file holding ``programme``.

    Example:
        >>> print(dumps(Programme(id="p", name="Programma P")).splitlines()[-1])
        name = "Programma P"
    """
    if not isinstance(programme, Programme):
        raise ValidationError("must be a Programme", element="programme", value=programme)
    data = unstructure_programme(programme)
    if format == "toml":
        return _TOML_HEADER + tomli_w.dumps(data)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    raise FileFormatError('format must be "toml" or "json"', value=format)


def dump(programme: Programme, path: str | os.PathLike[str]) -> None:
    """Write ``programme`` to a ``.toml`` or ``.json`` file; ``load`` reads it back equal.

    Raises:
        FileFormatError: the extension is neither ``.toml`` nor ``.json``.
        ProgmonFileError: the file cannot be written.

    Example:
        >>> import tempfile, pathlib
        >>> p = Programme(id="p", name="Programma P")
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "p.json"
        >>> dump(p, target)
        >>> load(target) == p
        True
    """
    where = as_path(path, element="programme file")
    text = dumps(programme, _format_of(where))
    write_text(where, text, element=str(where))
