r"""The ``progmon`` command: render a review, check a programme file.

::

    progmon new PATH [--from example|blank] [--id ID] [--name NAME]
                     [--organisation NAME]
    progmon check PATH [--strict] [--render]
    progmon figures PATH [FILE ...] [--add]
    progmon report PATH [--as-of YEAR] [--format md|html|site|pdf] [--lang nl|en]
                        [--method NAME] [-o FILE|DIR]
    progmon export PATH -o FILE [--table figures|status|rollup]
                        [--as-of YEAR] [--method NAME]
    progmon --version

``progmon report`` also renders a *review file* (:func:`progmon.load_review`), told
from a programme file by its top-level ``programmes`` key: every programme it
names, as Markdown or one HTML document, as a site (``--format site -o DIR``:
an index, a page per programme and per indicator, the tables to download)
or as one PDF (``--format pdf -o FILE.pdf``, printed by headless Chromium).
A programme file renders as a site or PDF too, as a review of one programme.
On a terminal, a site or PDF shows its progress on stderr.

``PATH`` is a ``.toml`` or ``.json`` programme file (with the figure files
it names beside it, ``figures = ["cijfers/*.csv"]``), or a ``.py`` file
that defines ``programme()``. A ``.py`` file is *executed* (that is what makes it
a programme file): only run files you trust. Errors are printed as one line
on stderr, naming the file and the element, and the exit status is 1 (2 for
a wrong command line, 130 after Ctrl-C), never a traceback; when the reader
of the output goes away (``progmon report x | head -1``) the command stops
silently. ``-o FILE`` is written atomically and never over the programme
file or one of its figure files. Text from the files is shown inert: control characters appear
as their escapes (``\x1b``), never obeyed by the terminal.

``progmon check`` lists what it finds in three kinds: a *problem* keeps an
indicator from getting a status (no target and no direction, a target
without a deadline, a goal without indicators) and makes the exit status 1;
a *warning* is allowed but probably wrong (it fails only with ``--strict``);
a *note* says what a reader should know (an indicator not measured yet, and
why). The plausibility checks (:func:`progmon.plausibility`: a share
typed as a fraction, a tenfold jump, ...) are warnings. With ``--render``
it also renders the review in every format and language and throws it
away, so that what it calls valid, ``report`` renders; without it,
``check`` reads and assesses only, and imports none of the review's
templates, languages and charts.

``progmon new`` writes a new programme file from the worked example or a
blank template, comments included, and never over an existing file.
``progmon figures`` reads figure files (CSV or Excel) against a programme
and lists what they would add or replace, changing nothing; with
``--add`` it also adds the files to the programme file's ``figures`` list,
editing that file in place (its comments and layout kept).
``progmon export`` writes the tables that :func:`progmon.to_frame` makes
(the figures, the status of every indicator, the roll-up of goals and
ambitions) as CSV (one table) or an Excel workbook (every table a sheet).
"""

from __future__ import annotations

import argparse
import os
import re
import runpy
import sys
import traceback
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, NoReturn

from ._inert import inert
from ._write import refuse_inputs, write_text
from .errors import (
    FileFormatError,
    ProgmonError,
    ProgmonFileError,
    ProgmonWarning,
    ValidationError,
)

if TYPE_CHECKING:
    from ._programme import Programme
    from .io import Figure, FigureFiles, Merge

# The model (and with it pint and numpy), the assessment and the review are
# imported by the commands that use them, not here: ``progmon --version`` and
# ``progmon --help`` start in a few tens of milliseconds, and ``check`` never
# imports the review's templates, languages and charts.

__all__ = ["load_programme", "main"]

_FIGURE_FILE: Final = re.compile(
    r"\S.*\.(?:csv|txt|xlsx|xlsm)(?: line | sheet |:|$)", re.IGNORECASE
)

# A share is written with its sign, as the review writes it: 28.8 %, 1.3 ‰.
_SHARE_SIGNS: Final = {100.0: "%", 1000.0: "‰"}

#: The templates of ``progmon new``.
TEMPLATES: Final = ("blank", "example")

#: The theme of the BBV catalogue that ``progmon new --bbv`` adds when none is named.
BBV_DEFAULT_THEME: Final = "Veiligheid"

#: The title of the ambition that ``progmon new --bbv`` adds.
BBV_AMBITION: Final = "Beleidsindicatoren (BBV)"

EXIT_OK: Final = 0
EXIT_ERROR: Final = 1
EXIT_USAGE: Final = 2
# The shell's conventions: 128 + the number of the signal (SIGINT 2, SIGPIPE 13).
EXIT_INTERRUPTED: Final = 130
EXIT_BROKEN_PIPE: Final = 141

_PY_HELP: Final = (
    "PATH is a programme file: .toml or .json, or a .py file that defines programme(). "
    "A .py file is executed to build the programme: run only files you trust."
)


class _Parser(argparse.ArgumentParser):
    """argparse, with its usage errors as one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        _say(f"{self.prog}: error: {message}")
        raise SystemExit(EXIT_USAGE)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="progmon",
        description="Monitor a municipal programme: render its review, check its file.",
        epilog=_PY_HELP,
    )
    parser.add_argument("--version", action="version", version=f"progmon {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    report = commands.add_parser(
        "report",
        help="render the review of a programme, or of every programme of a review file",
        description=_PY_HELP,
    )
    report.add_argument(
        "path", metavar="PATH", help="programme file (.toml, .json or .py) or review file (.toml)"
    )
    report.add_argument(
        "--as-of", type=int, metavar="YEAR", help="year of the review (default: latest figure)"
    )
    report.add_argument(
        "--format",
        choices=("md", "html", "site", "pdf"),
        help="md (default), html, site (a folder: -o DIR) or pdf; or from -o's suffix",
    )
    report.add_argument("--lang", choices=("nl", "en"), help="language (default: the programme's)")
    report.add_argument(
        "--method",
        metavar="NAME",
        help="assessment method: growth-ratio (default), projection or pro-rata",
    )
    report.add_argument(
        "-o", "--output", metavar="FILE", help="write here (a folder for a site) instead of stdout"
    )
    check = commands.add_parser(
        "check", help="list what is wrong with a programme file", description=_PY_HELP
    )
    check.add_argument("path", metavar="PATH", help="programme file (.toml, .json or .py)")
    check.add_argument(
        "--strict", action="store_true", help="fail (exit 1) on warnings too, not only on problems"
    )
    check.add_argument(
        "--render",
        action="store_true",
        help="render the review in every format and language too, as report would",
    )
    new = commands.add_parser(
        "new",
        help="write a new programme file from the worked example or a blank template",
        description="Write a new programme file, comments included; never over a file.",
    )
    new.add_argument("path", metavar="PATH", help="the new programme file (.toml)")
    new.add_argument(
        "--from",
        dest="template",
        choices=TEMPLATES,
        default="blank",
        help="blank (default): one ambition, goal and indicator to fill in; "
        "example: the Almelo safety programme",
    )
    new.add_argument(
        "--bbv",
        nargs="?",
        const=BBV_DEFAULT_THEME,
        metavar="THEME",
        help="add the BBV policy indicators of THEME (default: Veiligheid; all: every theme), "
        "one line each, as the ambition 'Beleidsindicatoren (BBV)'",
    )
    new.add_argument("--id", help="the programme's id (a word: letters, digits, - and _)")
    new.add_argument("--name", help="the programme's name")
    new.add_argument("--organisation", help="the municipality or body")
    figures = commands.add_parser(
        "figures",
        help="read figure files against a programme and list what they add or replace",
        description="Read figure files (CSV or Excel) against a programme and list what "
        "they would add or replace. Nothing is written unless --add is given.",
    )
    figures.add_argument("path", metavar="PATH", help="programme file (.toml, .json or .py)")
    figures.add_argument(
        "files",
        metavar="FILE",
        nargs="*",
        help="figure files (.csv, .xlsx); none: the programme's own figure files",
    )
    figures.add_argument(
        "--add",
        action="store_true",
        help="add the files to the programme file's figures list (TOML, edited in place)",
    )
    export = commands.add_parser(
        "export",
        help="write the figures and status tables as CSV or Excel",
        description=_PY_HELP,
    )
    export.add_argument("path", metavar="PATH", help="programme file (.toml, .json or .py)")
    export.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="a .csv or .xlsx file to write"
    )
    export.add_argument(
        "--table",
        choices=("figures", "status", "rollup"),
        help="the table to write (a .csv holds one: status by default; "
        "a .xlsx holds every table, or this one)",
    )
    export.add_argument(
        "--as-of", type=int, metavar="YEAR", help="year of the review (default: latest figure)"
    )
    export.add_argument(
        "--method",
        metavar="NAME",
        help="assessment method: growth-ratio (default), projection or pro-rata",
    )
    return parser


def _version() -> str:
    from . import __version__

    return __version__


# --------------------------------------------------------------------------- loading


def _load_python(path: Path) -> Programme:
    from ._programme import Programme

    try:
        namespace = runpy.run_path(str(path), run_name="progmon_programme")
    except ProgmonError as e:
        raise _in_file(e, path) from e
    except SyntaxError as e:
        raise FileFormatError(f"line {e.lineno}: SyntaxError: {e.msg}", element=str(path)) from e
    except SystemExit as e:
        raise FileFormatError(_exited(e, path), element=str(path)) from e
    except Exception as e:  # anything a user's file raises is reported, once
        raise FileFormatError(_where(e, path), element=str(path)) from e
    build = namespace.get("programme")
    if not callable(build):
        raise FileFormatError(
            "defines no function programme() that returns the Programme", element=str(path)
        )
    try:
        result = build()
    except ProgmonError as e:
        raise _in_file(e, path) from e
    except SystemExit as e:
        raise FileFormatError(_exited(e, path), element=str(path)) from e
    except Exception as e:  # as above
        raise FileFormatError(_where(e, path), element=str(path)) from e
    if not isinstance(result, Programme):
        raise FileFormatError(
            f"programme() returned {_a(type(result).__name__)}, not a Programme",
            element=str(path),
        )
    return result


def _a(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _line_of(error: BaseException, path: Path) -> str:
    """``line 12: ``, the last line of ``path`` where ``error`` passed, or nothing."""
    line = ""
    for frame in traceback.extract_tb(error.__traceback__):
        if Path(frame.filename).resolve() == path.resolve():
            line = f"line {frame.lineno}: "
    return line


def _exited(error: SystemExit, path: Path) -> str:
    # A programme file that exits would otherwise end progmon with its status, silently.
    return f"{_line_of(error, path)}calls sys.exit({error.code!r}) instead of returning a programme"


def _where(error: BaseException, path: Path) -> str:
    """``line 12: NameError: ...``, the line of ``path`` where ``error`` arose."""
    line = _line_of(error, path)
    message = " ".join(str(error).split())
    return (
        f"{line}{type(error).__name__}: {message}" if message else f"{line}{type(error).__name__}"
    )


def _in_file(error: ProgmonError, path: Path) -> ProgmonError:
    """The same error, with the file named in front of the element."""
    element = f"{path}: {error.element}" if error.element else str(path)
    if str(path) in error.element or _FIGURE_FILE.match(error.element):
        return error  # it names its file already (a figure file's error names that file)
    if "(got " in str(error):  # the value was given (it may be None itself)
        return type(error)(error.message, element=element, value=error.value)
    return type(error)(error.message, element=element)


def load_programme(path: str | Path) -> Programme:
    """Read a programme from a ``.toml``, ``.json`` or ``.py`` file.

    A ``.py`` file is executed and must define ``programme()`` returning a
    :class:`~progmon.Programme`. ``.toml`` and ``.json`` go through
    :func:`progmon.io.load`, which executes nothing and adds the figures of
    the figure files the programme file names.

    Raises:
        ProgmonFileError: the file does not exist or cannot be read.
        FileFormatError: an unknown suffix, or a ``.py`` file that fails or
            defines no ``programme()``.
        ProgmonError: the programme is invalid (naming the file).

    Example:
        >>> load_programme("examples/veiligheid.py").name
        'Programma Veiligheid'
    """
    return _load(path).programme


def _load(path: str | Path, *, extra: Sequence[Path] = ()) -> FigureFiles:
    """The programme in ``path`` with what its figure files added (none for a .py file)."""
    from .io import FigureFiles, load_with_figures
    from .io._csv import Merge

    file = Path(path)
    if not _exists(file, "programme file"):
        raise ProgmonFileError("no such file", element="programme file", value=str(file))
    if not file.is_file():
        raise ProgmonFileError("is not a file", element="programme file", value=str(file))
    suffix = file.suffix.lower()
    if suffix == ".py":
        programme = _load_python(file)
        if extra:
            from .io._beside import merge_figures

            return merge_figures(programme, extra, origin=str(file))
        return FigureFiles((), (), Merge(programme, (), ()))
    if suffix in {".toml", ".json"}:
        try:
            return load_with_figures(file, extra=extra)
        except ProgmonError as e:
            raise _in_file(e, file) from e
    raise FileFormatError(
        "is not a programme file: use .toml, .json or a .py file that defines programme()",
        element="programme file",
        value=str(file),
    )


def _exists(file: Path, element: str) -> bool:
    """Whether ``file`` exists; a name the system cannot look up is an error naming it."""
    try:
        return file.exists()
    except OSError as e:  # a name too long for the file system, say
        raise ProgmonFileError(
            f"cannot be read: {e.strerror or e}", element=element, value=str(file)
        ) from None


def _inputs(path: str | Path, loaded: FigureFiles) -> list[object]:
    """The files a command read: it writes over none of them."""
    return [path, *loaded.files]


# --------------------------------------------------------------------------- commands


_ReportFormat = Literal["md", "html"]


def _output_format(output: Path | None, format_: _ReportFormat | None) -> _ReportFormat:
    """The format to write: ``--format``, else the suffix of ``-o`` (checked to agree)."""
    if output is None:
        return format_ or "md"
    from .report import SUFFIXES

    by_suffix = SUFFIXES.get(output.suffix.lower())
    if format_ is not None and by_suffix is not None and by_suffix != format_:
        # Markdown in a .html file opens as a wall of text in the browser: a slip, not a wish.
        raise ValidationError(
            f"its suffix says {by_suffix}, but --format says {format_}: make them agree",
            element="-o",
            value=str(output),
        )
    chosen = format_ or by_suffix
    if chosen is None:
        raise ValidationError(
            "cannot tell the format from the suffix: use .md or .html, or give --format",
            element="-o",
            value=str(output),
        )
    return chosen


def _checked_as_of(programme: Programme, as_of: int | None) -> int | None:
    """``--as-of``, refused where it cannot be meant: off the calendar, or before every figure."""
    if as_of is None:
        return None
    from ._period import Period

    try:
        Period.year(as_of)
    except ProgmonError as e:
        raise ValidationError(e.message, element="--as-of", value=as_of) from None
    years = _figure_years(programme)
    if years and as_of < min(years):
        raise ValidationError(
            f"is before the first figure ({min(years)}): the review would show nothing",
            element="--as-of",
            value=as_of,
        )
    return as_of


def _whole_format(output: Path | None, format_: str | None) -> str:
    """The format of a whole review: ``--format``, else ``.pdf`` / ``.html`` / ``.md`` of ``-o``."""
    if format_ is not None:
        chosen = format_
    elif output is None:
        chosen = "md"
    elif output.suffix.lower() == ".pdf":
        chosen = "pdf"
    else:
        chosen = _output_format(output, None)
    if chosen in {"site", "pdf"} and output is None:
        what = "a folder: -o DIR" if chosen == "site" else "a file: -o FILE.pdf"
        raise ValidationError(f"--format {chosen} is written to {what}", element="-o")
    return chosen


def _progress() -> Any:
    """A progress line on stderr where stderr is a terminal; None (nothing) elsewhere."""
    stream = sys.stderr
    if stream is None or not stream.isatty():
        return None

    def show(done: int, total: int, what: str) -> None:
        line = f"progmon: {done}/{total} {what}" if done < total else f"progmon: {total}/{total}"
        text = inert(" ".join(line.split()), one_line=True)[:78]
        stream.write(f"\r\x1b[K{text}" + ("\n" if done >= total else ""))
        stream.flush()

    return show


def _report_whole(args: argparse.Namespace, review: Any, format_: Any, output: Path | None) -> int:
    from . import report

    if format_ in {"md", "html"} and output is None:
        _write_document(report.render_whole(review, format=format_, lang=args.lang))
        return EXIT_OK
    if output is None:  # pragma: no cover - _whole_format refuses it
        raise ValidationError("needs -o", element="-o")
    written = report.write_whole(
        review, output, format=format_, lang=args.lang, progress=_progress()
    )
    _say(f"progmon: wrote {written}")
    return EXIT_OK


def _review_of(args: argparse.Namespace) -> Any:
    from .review import load_review

    if args.as_of is not None or args.method is not None:
        raise ValidationError(
            "a review file names its year and method (as_of, method): change them there",
            element="--as-of" if args.as_of is not None else "--method",
            value=args.as_of if args.as_of is not None else args.method,
        )
    return load_review(args.path)


def _report(args: argparse.Namespace) -> int:
    from . import report
    from ._assess import default_as_of
    from .review import Review, is_review_file

    if is_review_file(args.path):
        review = _review_of(args)
        output = refuse_inputs(args.output, review.files, element="-o") if args.output else None
        return _report_whole(args, review, _whole_format(output, args.format), output)
    loaded = _load(args.path)
    inputs = _inputs(args.path, loaded)
    output = refuse_inputs(args.output, inputs, element="-o") if args.output else None
    programme = loaded.programme
    whole = args.format in {"site", "pdf"} or (
        args.format is None and output is not None and output.suffix.lower() == ".pdf"
    )
    format_: Any = (
        _whole_format(output, args.format) if whole else _output_format(output, args.format)
    )
    as_of = _checked_as_of(programme, args.as_of)
    if as_of is None and default_as_of(programme) is None:
        raise ValidationError(
            "has no figures yet: give the year of the review with --as-of",
            element=f"{args.path}: programme {programme.id!r}",
        )
    method: Any = args.method
    if whole:  # a site or a PDF of one programme: a review that holds it alone
        review = Review(
            title=programme.review or programme.name,
            programmes=[programme],
            organisation=programme.organisation,
            as_of=as_of,
            method=method,
            language=programme.language if programme.language in {"nl", "en"} else "nl",
            files=tuple(Path(str(p)) for p in inputs),
        )
        return _report_whole(args, review, format_, output)
    text = report.render(programme, format=format_, lang=args.lang, as_of=as_of, method=method)
    if output is None:
        _write_document(text)
        return EXIT_OK
    write_text(output, text, element="-o", inputs=inputs)
    _say(f"progmon: wrote {output}")
    return EXIT_OK


#: The kinds of findings of ``progmon check``, and whether each fails the check.
PROBLEM: Final = "problem"
WARNING: Final = "warning"
NOTE: Final = "note"


def _findings(programme: Programme) -> list[tuple[str, str]]:
    """What keeps a valid programme from being assessed in full, by kind."""
    from ._indicator import IndicatorKind

    found: list[tuple[str, str]] = []
    for ambition in programme.ambitions:
        if not ambition.goals and not ambition.context:
            # An ambition of context indicators only (the BBV set) is what it means to be.
            found.append((WARNING, f"ambition {ambition.title!r}: has no goals"))
        for goal in ambition.goals:
            where = f"goal {goal.id!r}"
            if not goal.indicators:
                found.append((PROBLEM, f"{where}: has no indicators, so no status"))
            for indicator in goal.indicators:
                name = f"{where}, indicator {indicator.id!r}"
                judged = indicator.kind is not IndicatorKind.CONTEXT
                if judged and indicator.target is None and indicator.direction is None:
                    found.append(
                        (PROBLEM, f"{name}: has neither a target nor a direction, so no status")
                    )
                if judged and indicator.target is not None and goal.deadline_of(indicator) is None:
                    advice = "give the goal a deadline, or the target a by year"
                    found.append((PROBLEM, f"{name}: its target has no deadline ({advice})"))
                if not indicator.is_measured:
                    if indicator.note:
                        found.append((NOTE, f"{name}: not measured yet ({indicator.note})"))
                    else:
                        found.append((WARNING, f"{name}: not measured yet, and no note says why"))
    return found


def _check(args: argparse.Namespace) -> int:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = _load(args.path)
        programme = loaded.programme
        from ._assess import default_as_of
        from ._plausible import plausibility
        from .assessment import assess

        as_of = default_as_of(programme)
        # A programme is valid before its first figure arrives: then there is no status yet.
        assessment = assess(programme, as_of=as_of) if as_of is not None else None
        rendered = _renders(assessment) if args.render and assessment is not None else []
        implausible = plausibility(programme, figures=loaded.figures)
    findings = [(WARNING, str(w.message)) for w in caught]
    findings += _findings(programme)
    findings += [(WARNING, str(finding)) for finding in implausible]
    findings += rendered
    goals = sum(1 for _ in programme.goals())
    indicators = sum(1 for top in programme.indicators() for _ in top.walk())
    status = (
        f"status {assessment.status.value} as of {assessment.as_of}"
        if assessment is not None
        else "no figures yet"
    )
    files = f", {_counted(len(loaded.files), 'figure file')}" if loaded.files else ""
    _print(
        f"{args.path}: programme {programme.id!r} is valid: {_counted(goals, 'goal')}, "
        f"{_counted(indicators, 'indicator')}{files}, {status}"
    )
    for kind, text in findings:
        _print(f"  - {kind}: {text}")
    kinds = [kind for kind, _ in findings]
    problems, warned = kinds.count(PROBLEM), kinds.count(WARNING)
    if problems or warned:
        _print(f"{args.path}: {_counted(problems, PROBLEM)}, {_counted(warned, WARNING)}")
    failed = problems > 0 or (args.strict and warned > 0)
    return EXIT_ERROR if failed else EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from importlib.resources import files

    import tomlkit

    target = Path(args.path)
    if target.suffix.lower() != ".toml":
        raise FileFormatError(
            "must be a .toml file: progmon new writes TOML, with its comments",
            element="PATH",
            value=str(target),
        )
    try:
        taken = target.exists() or target.is_symlink()
    except OSError as e:  # a name too long for the file system, say
        raise ProgmonFileError(
            f"cannot be written: {e.strerror or e}", element="PATH", value=str(target)
        ) from None
    if taken:
        raise ProgmonFileError(
            "exists already; progmon new never writes over a file: choose another name",
            element="PATH",
            value=str(target),
        )
    name = "veiligheid.toml" if args.template == "example" else "blank.toml"
    text = (files("progmon") / "data" / name).read_text(encoding="utf-8")
    document = tomlkit.parse(text)
    for key in ("id", "name", "organisation"):
        value = getattr(args, key)
        if value is not None:
            document[key] = value
    if args.bbv is not None:
        _add_bbv(document, args.bbv)
    text = tomlkit.dumps(document)
    from .io import loads

    data = tomlkit.parse(text).unwrap()
    data.pop("figures", None)
    try:
        # What new writes is a programme progmon reads: a bad --id fails here, not later.
        loads(tomlkit.dumps(data), origin=str(target))
    except ProgmonError as e:
        raise _in_file(e, target) from e
    write_text(target, text, element="PATH")
    # The folder the blank template's figures patterns look in, ready for the first file.
    # Not where a file (or a link) of that name is there already: the check will say so.
    folder = target.parent / "cijfers"
    if args.template == "blank" and not folder.exists() and not folder.is_symlink():
        folder.mkdir()
    _say(f"progmon: wrote {target} from the {args.template} template: progmon check {target}")
    return EXIT_OK


def _bbv_entries(theme: str) -> tuple[Any, ...]:
    """The catalogue's entries of ``theme`` (any case; ``"all"``: every theme), in its order.

    Raises:
        ValidationError: the catalogue has no such theme; the message
            suggests the closest and lists them.

    Example:
        >>> [entry.id for entry in _bbv_entries("veiligheid")][:2]
        ['verwijzingen-halt', 'winkeldiefstallen']
        >>> len(_bbv_entries("all")) >= 30
        True
    """
    import difflib

    from . import bbv

    if not isinstance(theme, str):
        raise ValidationError("must be a theme of the BBV catalogue", element="--bbv", value=theme)
    wanted = theme.strip().casefold()
    if wanted == "all":
        return bbv.catalogue()
    known = {name.casefold(): name for name in bbv.themes()}
    if wanted not in known:
        close = difflib.get_close_matches(wanted, list(known), n=1, cutoff=0.6)
        hint = f"did you mean {known[close[0]]!r}? " if close else ""
        raise ValidationError(
            f"is not a theme of the BBV catalogue: {hint}its themes are "
            f"{', '.join(bbv.themes())}, or all",
            element="--bbv",
            value=theme,
        )
    return tuple(entry for entry in bbv.catalogue() if entry.theme == known[wanted])


def _add_bbv(document: Any, theme: str) -> None:
    """Add to ``document`` the ambition of the BBV indicators of ``theme``, one line each."""
    import tomlkit

    entries = _bbv_entries(theme)
    language = document.get("language", "nl")
    language = language if language in ("nl", "en") else "nl"
    indicators = tomlkit.array()
    for entry in entries:
        # Parsed, not built: tomlkit writes a built inline table without its inner spaces.
        line = tomlkit.parse(f"line = {{ bbv = {tomlkit.string(entry.id).as_string()} }}")
        indicators.add_line(line["line"], comment=f"{entry.name(language)}: {entry.unit}")
    indicators.add_line(indent="")
    ambition = tomlkit.table()
    ambition.trivia.indent = "\n"  # a blank line before its header, as between the others
    ambition.add(tomlkit.comment("The BBV policy indicators (progmon.bbv): each takes its name,"))
    ambition.add(tomlkit.comment("unit, direction, definition and source from the catalogue;"))
    ambition.add(
        tomlkit.comment('a key beside bbv wins: { bbv = "...", target = { at_most = 2 } }.')
    )
    ambition["title"] = BBV_AMBITION
    ambition["context"] = indicators
    if "ambitions" not in document:
        document["ambitions"] = tomlkit.aot()
    document["ambitions"].append(ambition)


def _figures(args: argparse.Namespace) -> int:
    from .io import read_figures

    loaded = _load(args.path)
    if not args.files:
        if not loaded.files:
            _print(f"{args.path}: names no figure files (figures = [...] in the programme file)")
            return EXIT_OK
        _show_figures(loaded.figures, loaded.merge, len(loaded.files))
        return EXIT_OK
    new_files = tuple(Path(name) for name in args.files)
    for path in new_files:
        if not _exists(path, "figures file") or not path.is_file():
            raise ProgmonFileError("no such file", element="figures file", value=str(path))
        read_figures(path)  # each file's own errors first, naming it
    known = {file.resolve() for file in loaded.files}
    for path in new_files:
        if path.resolve() in known:
            _print(f"{path}: is among the figure files of {args.path} already")
    fresh = tuple(path for path in new_files if path.resolve() not in known)
    # The new files come after the programme's own, as they would in its figures list.
    merged = _load(args.path, extra=fresh)
    _show_figures(merged.figures[len(loaded.figures) :], merged.merge, len(fresh))
    if args.add:
        _add_figure_files(Path(args.path), new_files, loaded)
    return EXIT_OK


def _show_figures(figures: Sequence[Figure], merge: Merge, files: int) -> None:
    """One line per figure: added (+) or replacing an earlier one (~), then the sums."""
    from .report._format import Formatter

    words = Formatter(merge.programme.language)
    replacing = {id(new): old for _, old, new in merge.replaced}
    added = replaced = 0
    for figure in figures:
        m = figure.measurement
        place = f"{figure.indicator} {m.period.label}"
        unit = merge.programme.indicator(figure.indicator).unit
        old = replacing.get(id(m))
        if old is None:
            added += 1
            _print(f"  + {place}: {_figure_text(m, unit, words)} ({figure.origin})")
        else:
            replaced += 1
            _print(
                f"  ~ {place}: {_figure_text(old, unit, words)} -> "
                f"{_figure_text(m, unit, words)} ({figure.origin})"
            )
    _print(
        f"{_counted(len(figures), 'figure')} in {_counted(files, 'file')}: "
        f"{added} added, {replaced} replaced"
    )


def _figure_text(measurement: Any, unit: Any, words: Any) -> str:
    """A figure in the indicator's unit, named as the tables write it; a missing one, its note."""
    from . import units
    from .io._converter import format_number

    if measurement.value is None:
        return f"missing ({measurement.note})" if measurement.note else "missing"
    value = measurement.value
    magnitude = value.m_as(unit) if hasattr(value, "m_as") else value
    sign = _SHARE_SIGNS.get(units.share_scale(unit) or 0.0)
    name = sign if sign is not None else words.unit_name(unit, one=magnitude == 1)
    return f"{format_number(magnitude)} {name}".rstrip()


def _add_figure_files(path: Path, new_files: Sequence[Path], loaded: FigureFiles) -> None:
    """Add ``new_files`` to the ``figures`` list of the TOML file ``path``, in place."""
    import tomlkit

    if path.suffix.lower() != ".toml":
        raise FileFormatError(
            "--add edits TOML programme files only: add the files to its figures list by hand",
            element="--add",
            value=str(path),
        )
    folder = path.resolve().parent
    known = {file.resolve() for file in loaded.files}
    names = []
    for file in new_files:
        if file.resolve() in known:
            continue
        try:
            names.append(file.resolve().relative_to(folder).as_posix())
        except ValueError:
            raise ProgmonFileError(
                "is not in the programme file's folder: move it there, so that the folder "
                "holds the programme and its figures",
                element="--add",
                value=str(file),
            ) from None
    if not names:
        return
    text = path.read_text(encoding="utf-8")
    # The byte-order mark Notepad writes, which tomllib passes over and tomlkit does not: kept.
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    document = tomlkit.parse(text.removeprefix(bom))
    from .io._beside import FIGURES_KEY

    if FIGURES_KEY in document:
        listed = document[FIGURES_KEY]
        if isinstance(listed, str):
            listed = tomlkit.array()
            listed.append(document[FIGURES_KEY])
            document[FIGURES_KEY] = listed
        for name in names:
            listed.append(name)
    else:
        # Before the first table: a key after [[ambitions]] would belong to it.
        document = _with_top_key(document, FIGURES_KEY, names)
    write_text(path, bom + tomlkit.dumps(document), element=str(path))
    _say(f"progmon: added {', '.join(names)} to the figures of {path}")


def _with_top_key(document: Any, key: str, value: list[str]) -> Any:
    import tomlkit

    # tomlkit appends a new key after the last one of the root table, which is
    # before the first [table] header: where a reader of the file expects it.
    listed = tomlkit.array()
    listed.extend(value)
    document.add(key, listed)
    return document


def _export(args: argparse.Namespace) -> int:
    from . import tables as _tables
    from .assessment import assess
    from .io import write_xlsx

    loaded = _load(args.path)
    output = refuse_inputs(args.output, _inputs(args.path, loaded), element="-o")
    suffix = output.suffix.lower()
    if suffix not in {".csv", ".xlsx"}:
        raise ValidationError(
            "must end in .csv (one table) or .xlsx (every table a sheet)",
            element="-o",
            value=str(output),
        )
    programme = loaded.programme
    as_of = _checked_as_of(programme, args.as_of)
    method: Any = args.method
    if suffix == ".csv":
        names = [args.table or "status"]
    else:
        names = [args.table] if args.table else list(_tables.TABLES)
    tables: dict[str, tuple[Sequence[str], list[Any]]] = {}
    if "figures" in names:
        tables["figures"] = (_tables.FIGURE_COLUMNS, _tables.figure_rows(programme))
    if {"status", "rollup"} & set(names):
        from ._assess import default_as_of

        if as_of is None and default_as_of(programme) is None:
            raise ValidationError(
                "has no figures yet, so no status: give the year with --as-of, "
                "or export --table figures",
                element=f"{args.path}: programme {programme.id!r}",
            )
        assessment = assess(programme, as_of=as_of, method=method)
        if "status" in names:
            tables["status"] = (_tables.STATUS_COLUMNS, _tables.status_rows(assessment))
        if "rollup" in names:
            tables["rollup"] = (_tables.ROLLUP_COLUMNS, _tables.rollup_rows(assessment))
    if suffix == ".csv":
        columns, rows = tables[names[0]]
        _tables.write_csv(rows, columns, output, inputs=_inputs(args.path, loaded))
    else:
        write_xlsx(
            {
                name: (columns, [[row[column] for column in columns] for row in rows])
                for name, (columns, rows) in ((name, tables[name]) for name in names)
            },
            output,
            inputs=_inputs(args.path, loaded),
        )
    _say(f"progmon: wrote {output}")
    return EXIT_OK


def _renders(assessment: Any) -> list[tuple[str, str]]:
    """Render the review as ``report`` would, in every format and language, and throw it away.

    What ``check`` calls valid, ``report`` renders: a value that the model
    accepts but the review cannot show fails here, as it would there.
    """
    from .report import FORMATS, render
    from .report._charts import PlotExtraMissing
    from .report._format import LANGUAGES

    found: list[tuple[str, str]] = []
    for format_ in FORMATS:
        for lang in LANGUAGES:
            try:
                render(assessment, format=format_, lang=lang)
            except PlotExtraMissing:
                found.append((NOTE, f"the {format_} review needs matplotlib, not installed here"))
                break
    return found


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _figure_years(programme: Programme) -> list[int]:
    return [
        m.period.start.year
        for top in programme.indicators()
        for indicator in top.walk()
        for m in indicator.measurements
        if m.value is not None
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``progmon`` command with ``argv`` (default: the process's arguments).

    Every way out of the command passes here: errors in the input become
    one line on stderr, Ctrl-C the line ``progmon: interrupted``, a reader
    that went away (a broken pipe) silence.

    Returns:
        int: 0 done, 1 an error in the input (or a problem that ``check``
        found), 2 a wrong command line, 130 interrupted, 141 a broken pipe.

    Example:
        >>> main(["check", "no/such/file.toml"])
        1
    """
    try:
        return _run(argv)
    except KeyboardInterrupt:
        _say("progmon: interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _forget_stdout()
        return EXIT_BROKEN_PIPE


def _run(argv: Sequence[str] | None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else EXIT_USAGE
    if args.command is None:
        # No command at all: the newcomer's first try. Show what there is.
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    return _command(args)


def _command(args: argparse.Namespace) -> int:
    """Run the chosen command; every error it meets becomes one line, every warning too."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ProgmonWarning)
        try:
            return _checked_command(args)
        finally:
            for warning in caught:
                if issubclass(warning.category, ProgmonWarning):
                    _say(f"progmon: warning: {warning.message}")
                else:
                    warnings.warn_explicit(
                        warning.message, warning.category, warning.filename, warning.lineno
                    )


def _checked_command(args: argparse.Namespace) -> int:
    try:
        command = {
            "report": _report,
            "check": _check,
            "new": _new,
            "figures": _figures,
            "export": _export,
        }[args.command]
        return command(args)
    except BrokenPipeError:
        raise
    except ProgmonError as e:
        _say(f"progmon: error: {e}")
        return EXIT_ERROR
    except RecursionError:
        _say("progmon: error: the input is nested too deeply to read")
        return EXIT_ERROR
    except Exception as e:  # noqa: BLE001  # the contract: one line, never a traceback
        _say(f"progmon: internal error: {type(e).__name__}: {e} (please report this)")
        return EXIT_ERROR


# --------------------------------------------------------------------------- output


def _say(line: str) -> None:
    """One line on stderr, inert; nothing where stderr is closed."""
    if sys.stderr is not None:
        sys.stderr.write(inert(" ".join(line.split()), one_line=True) + "\n")
        sys.stderr.flush()


def _stdout() -> Any:
    # A closed file descriptor 1 (progmon ... >&-) leaves Python without sys.stdout.
    if sys.stdout is None:
        raise ProgmonFileError(
            "standard output is closed: give -o FILE to write to a file", element="output"
        )
    return sys.stdout


def _print(line: str) -> None:
    """A line of the command's output on stdout, inert (its parts come from user files)."""
    stream = _stdout()
    try:
        stream.write(inert(line, one_line=True) + "\n")
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as e:
        raise ProgmonFileError(
            f"cannot write to standard output: {e.strerror or e}", element="output"
        ) from e


def _write_document(text: str) -> None:
    """The review on stdout, as UTF-8 whatever the terminal's encoding."""
    stream = _stdout()
    try:
        stream.flush()
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            stream.write(text)
        else:
            buffer.write(text.encode("utf-8"))
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as e:
        raise ProgmonFileError(
            f"cannot write to standard output: {e.strerror or e}", element="output"
        ) from e


def _forget_stdout() -> None:
    # Python flushes stdout once more at exit, and would report the broken pipe
    # then: point the descriptor at /dev/null first (the recipe of the Python docs).
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        pass


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
