"""Figure files beside a programme file: ``figures = ["cijfers/*.csv"]``.

A programme file may name the files that hold its figures, relative to
itself. A new year is then a new row or a new file, and the programme file
is never rewritten. The files are read in the order the patterns list them
(the files of one pattern by name); a figure for an indicator and period
that already has one, in the programme file or in an earlier figure file,
is an error that names both places, unless the later row says it corrects
the earlier one (the column ``replaces``, in Dutch ``correctie``).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

import attrs

from progmon._indicator import Measurement
from progmon._period import Period
from progmon._programme import Programme
from progmon.errors import DuplicateError, FileFormatError, ProgmonWarning, ValidationError

from ._csv import Figure, Merge, _shown, add_measurements, existing_figure
from ._text import check_relative
from ._xlsx import read_figures

__all__ = [
    "FIGURES_KEY",
    "FigureFiles",
    "choose",
    "figure_files",
    "merge_figures",
    "read_all",
    "warn_if_correcting_nothing",
]

#: The key of a programme file that names its figure files.
FIGURES_KEY: Final = "figures"

_GLOB: Final = frozenset("*?[")


@attrs.frozen
class FigureFiles:
    """What the figure files of a programme added to it.

    Attributes:
        files: The files read, in order.
        figures: Every figure read from them, in order.
        merge: The programme with the figures, and what they added and replaced.

    Example:
        >>> from progmon.io import load_with_figures
        >>> loaded = load_with_figures("tests/fixtures/beside/programme.toml")
        >>> [path.name for path in loaded.files]
        ['2019.csv', '2020.csv']
    """

    files: tuple[Path, ...]
    figures: tuple[Figure, ...]
    merge: Merge

    @property
    def programme(self) -> Programme:
        """The programme with the figures of its files."""
        return self.merge.programme


def patterns_of(value: object, origin: str) -> tuple[str, ...]:
    """The figure-file patterns of a programme file's ``figures`` key, checked."""
    element = f"{origin}: {FIGURES_KEY}"
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise FileFormatError(
            "must be a list of file names or patterns, relative to the programme file "
            '(figures = ["cijfers/*.csv"])',
            element=element,
            value=value,
        )
    found: list[str] = []
    for index, pattern in enumerate(value):
        where = f"{element}[{index}]"
        if not isinstance(pattern, str) or not pattern.strip():
            raise FileFormatError("must be a file name or pattern", element=where, value=pattern)
        check_relative(pattern, element=where)
        found.append(pattern)
    return tuple(found)


def figure_files(patterns: Sequence[str], base: Path, origin: str) -> tuple[Path, ...]:
    """The files the patterns name, relative to ``base``, each once, in order.

    A name without wildcards must exist. A pattern may match no file (the
    workbooks of ``cijfers/*.xlsx`` where the figures come as CSV), but the
    folder it looks in must exist: a misspelt folder is a warning, never
    figures silently not read.
    """
    files: list[Path] = []
    for index, pattern in enumerate(patterns):
        where = f"{origin}: {FIGURES_KEY}[{index}]"
        try:
            matched = _matched(pattern, base, where)
        except OSError as e:  # a name too long for the file system, say
            raise FileFormatError(
                f"cannot be looked up: {e.strerror or e}", element=where, value=pattern
            ) from None
        for path in matched:
            if path not in files:
                files.append(path)
    return tuple(files)


def _matched(pattern: str, base: Path, where: str) -> list[Path]:
    """The files one pattern names, relative to ``base``, sorted."""
    if _GLOB.isdisjoint(pattern):
        path = base / pattern
        if not path.is_file():
            raise FileFormatError(
                "names no file beside the programme file", element=where, value=pattern
            )
        matched = [path]
    else:
        # Sorted: the same folder gives the same order on every machine.
        matched = sorted(path for path in base.glob(pattern) if path.is_file())
        folder = base.joinpath(*_fixed_part(pattern))
        if not matched and not folder.is_dir():
            warnings.warn(
                ProgmonWarning(
                    f"{where}: {pattern!r} looks in the folder {folder.name or '.'!r}, "
                    "which does not exist"
                ),
                stacklevel=4,
            )
    return matched


def _fixed_part(pattern: str) -> tuple[str, ...]:
    """The folders of ``pattern`` before its first wildcard: where it looks."""
    parts = Path(pattern).parts[:-1]
    fixed = []
    for part in parts:
        if not _GLOB.isdisjoint(part):
            break
        fixed.append(part)
    return tuple(fixed)


_Place = tuple[str, str, Period]
_Replaced = list[tuple[str, Measurement, Measurement]]


def choose(figures: Iterable[Figure]) -> tuple[dict[_Place, Figure], _Replaced]:
    """The figure for each place (indicator, region, period), a later correction replacing.

    Raises:
        DuplicateError: a second figure for a place whose row is no correction,
            naming both places.
    """
    chosen: dict[_Place, Figure] = {}
    replaced: _Replaced = []
    for figure in figures:
        key = (figure.indicator, figure.region, figure.measurement.period)
        earlier = chosen.get(key)
        if earlier is not None:
            if not figure.replaces:
                raise DuplicateError(
                    f"has a second figure for {figure.place} in "
                    f"{figure.measurement.period.label} (the first: {earlier.origin}): remove "
                    "one, or mark the later row as a correction (column correctie or replaces: ja)",
                    element=figure.origin,
                    value=figure.measurement.period.label,
                )
            replaced.append((figure.indicator, earlier.measurement, figure.measurement))
        chosen[key] = figure
    return chosen, replaced


def warn_if_correcting_nothing(
    figure: Figure, corrected: set[int], kept: Measurement | None
) -> None:
    """A warning where ``figure`` is a correction with nothing to correct.

    ``corrected`` are the ids of the measurements that replaced an earlier
    figure of the files, ``kept`` the figure the programme file holds there.
    """
    if figure.replaces and kept is None and id(figure.measurement) not in corrected:
        warnings.warn(
            ProgmonWarning(
                f"{figure.origin}: is marked as a correction, but {figure.place} has no "
                f"figure for {figure.measurement.period.label} to correct"
            ),
            stacklevel=3,
        )


def merge_figures(
    programme: Programme,
    files: Iterable[Path],
    *,
    origin: str,
    figures: Sequence[Figure] | None = None,
) -> FigureFiles:
    """``programme`` with the figures of ``files``, conflicts refused unless corrected.

    ``figures`` are the files' figures where the caller has read them already.

    Raises:
        DuplicateError: a figure for an indicator and period that has one
            already, in the programme file or an earlier row, and the row
            does not say it corrects it; the message names both places.
        ProgmonError: what reading a figure file raises, naming its file
            and line (or sheet and row).
    """
    files = tuple(files)
    if figures is None:
        figures = read_all(files)
    chosen, replaced = choose(figures)
    corrected = {id(new) for _, _, new in replaced}
    for figure in chosen.values():
        old = _existing(programme, figure)
        if old is not None and not figure.replaces:
            raise DuplicateError(
                f"{figure.place} has a figure for "
                f"{figure.measurement.period.label} in the programme file {origin} already "
                f"({_shown(old)}): remove one, or mark this row as a correction "
                "(column correctie or replaces: ja)",
                element=figure.origin,
                value=figure.measurement.period.label,
            )
        warn_if_correcting_nothing(figure, corrected, old)
    merge = add_measurements(programme, tuple(chosen.values()), replace=True)
    replaced += merge.replaced
    renewed = {id(new) for _, _, new in replaced}
    added = tuple(figure for figure in chosen.values() if id(figure.measurement) not in renewed)
    return FigureFiles(files, tuple(figures), Merge(merge.programme, added, tuple(replaced)))


def read_all(files: Iterable[Path]) -> tuple[Figure, ...]:
    """The figures of ``files``, in order."""
    return tuple(figure for path in files for figure in read_figures(path))


def _existing(programme: Programme, figure: Figure) -> Measurement | None:
    """The figure ``programme`` holds for ``figure``'s place, if it has one."""
    try:
        indicator = programme.indicator(figure.indicator)
    except ValidationError:
        return None  # add_measurements names the unknown indicator, with the file's line
    return existing_figure(indicator, figure)
