"""The whole review as a static site: an index, a page per programme and per indicator.

The site is a folder of self-contained pages (inline CSS and SVG, no
scripts, nothing fetched from anywhere) that work from the file system and
from any static host, with the review's tables to download beside them::

    index.html                  every programme's status, the counts across the review
    <programme>/index.html      the programme's review page (as ``render(format="html")``)
    <programme>/<indicator>.html  one indicator: chart, figures, target, numbers, notes
    data/figures.csv, data/status.csv, data/rollup.csv, data/review.xlsx

A programme page *is* the HTML review of that programme: the review
template renders it, and the site lays its ``<style>`` and the inside of its
``<main>`` into the site's frame (navigation, downloads). Both are cut from
the template's output, where every text from a file is escaped already: a
``<`` that a user typed is ``&lt;`` there, so the review's own ``<main>`` and
``<style>`` occur once, and the cut never meets user text.

Names of files come from ids only where an id is a plain word (letters,
digits, ``-`` and ``_``), unique without regard to case; any other id gets
a numbered name. Nothing is written outside the folder, nor over an input.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import markupsafe

from progmon._write import write_bytes, write_text
from progmon.errors import ProgmonError, ProgmonFileError

from ._format import Formatter
from ._text import label, thresholds_text
from ._view import Badge, Review, Row, build

__all__ = ["Progress", "SiteWriter", "review_fragments", "write_site"]

Progress = Callable[[int, int, str], None]
"""Called as ``progress(done, total, what)`` while a long review is written."""

DATA: Final = "data"
DOWNLOADS: Final = (
    ("figures.csv", "figures", "csv"),
    ("status.csv", "status", "csv"),
    ("rollup.csv", "rollup", "csv"),
    ("review.xlsx", "all", "xlsx"),
)

_PLAIN: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
# Names no page may take: the site's own, and those Windows keeps for devices.
_RESERVED: Final = frozenset(
    {"index", DATA, "con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)

LABELS: Final[dict[str, tuple[str, str]]] = {
    "skip": ("Naar de inhoud", "Skip to content"),
    "site_nav": ("Programma's van de review", "Programmes of the review"),
    "breadcrumb": ("Kruimelpad", "Breadcrumb"),
    "programmes": ("Programma's", "Programmes"),
    "programme": ("Programma", "Programme"),
    "review_status": ("Status van de programma's", "Status of the programmes"),
    "counts_all": (
        "Indicatoren per status, over alle programma's",
        "Indicators by status, across all programmes",
    ),
    "downloads": ("Cijfers downloaden", "Download the figures"),
    "download_figures": ("cijfers (CSV)", "figures (CSV)"),
    "download_status": ("status per indicator (CSV)", "status by indicator (CSV)"),
    "download_rollup": ("status per doel en ambitie (CSV)", "status by goal and ambition (CSV)"),
    "download_all": ("alle tabellen (Excel)", "all tables (Excel)"),
    "downloads_note": (
        (
            "De tabellen van progmon export voor de hele review: één rij per cijfer, per "
            "indicator en per doel, ambitie en programma."
        ),
        (
            "The tables of progmon export for the whole review: one row per figure, per "
            "indicator, and per goal, ambition and programme."
        ),
    ),
    "indicators_of": ("Indicatoren van dit programma", "Indicators of this programme"),
    "figures": ("Alle cijfers", "All figures"),
    "period": ("Periode", "Period"),
    "value": ("Waarde", "Value"),
    "margin": ("Marge (95 %)", "Margin (95%)"),
    "sample": ("Steekproef", "Sample"),
    "source": ("Bron", "Source"),
    "note": ("Noot", "Note"),
    "provisional": ("voorlopig", "provisional"),
    "baseline_mark": ("nulmeting", "baseline"),
    "after_as_of": ("na de peildatum", "after the review's year"),
    "no_figures": ("Nog geen cijfers.", "No figures yet."),
    "numbers": ("De getallen van de methode", "The method's numbers"),
    "milestones": ("Mijlpalen", "Milestones"),
    "by": ("Jaar", "Year"),
    "required": ("Vereist", "Required"),
    "reached": ("Gehaald", "Reached"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "not_due": ("nog niet te beoordelen", "not due yet"),
    "references": ("Vergelijking", "References"),
    "reference": ("Vergelijkingsgebied", "Reference"),
    "notes": ("Noten", "Notes"),
    "components": ("Onderdelen", "Components"),
    "part_of": ("Onderdeel van", "Part of"),
    "in_review": ("In de review van het programma", "In the programme's review"),
    "chart_alt": (
        "De cijfers van de grafiek staan in de tabel Alle cijfers hieronder.",
        "The chart's figures are in the table All figures below.",
    ),
    "n_judged": ("beoordeeld", "judged"),
    "of": ("van", "of"),
    "contents": ("Inhoud", "Contents"),
    "page": ("pagina", "page"),
    "method_name": ("Methode", "Method"),
    "as_of": ("Stand per", "As of"),
    "deadline": ("Deadline", "Deadline"),
    "target_value": ("Streefwaarde", "Target value"),
    "change": ("Verandering sinds de nulmeting", "Change since the baseline"),
    "relative_change": ("Relatieve verandering", "Relative change"),
    "significant": ("Buiten de foutmarge", "Beyond the margin of error"),
    "trend": ("Trend (Mann-Kendall)", "Trend (Mann-Kendall)"),
    "projection": ("Projectie op de deadline", "Projection at the deadline"),
    "expected": ("Verwacht op het pad naar de streefwaarde", "Expected on the path to the target"),
    "ratio": ("Kerngetal van de methode", "The method's key number"),
    "progress": ("Deel van de afstand afgelegd", "Share of the gap closed"),
    "expected_progress": ("Deel dat het pad had afgelegd", "Share the path had closed"),
    "rate": ("Jaarlijkse groei in de goede richting", "Annual growth in the right direction"),
    "thresholds": ("Drempels", "Thresholds"),
    "reason": ("Toelichting", "Explanation"),
    "description": ("Omschrijving", "Description"),
    "status": ("Status", "Status"),
    "goal": ("Doel", "Goal"),
    "context": ("Context", "Context"),
}


def site_label(key: str, fmt: Formatter) -> str:
    """A label of the site in ``fmt``'s language.

    Example:
        >>> site_label("downloads", Formatter("en"))
        'Download the figures'
    """
    dutch, english = LABELS[key]
    return fmt.pick(dutch, english)


# --------------------------------------------------------------------------- names


class _Names:
    """File names from ids: plain ids as they are, others numbered; unique ignoring case."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.used: set[str] = set()

    def name(self, ident: str, number: int) -> str:
        """The name for ``ident`` (the ``number``-th of its kind).

        Example:
            >>> names = _Names("indicator")
            >>> names.name("woonoverlast", 1), names.name("Woonoverlast", 2)
            ('woonoverlast', 'indicator-2')
            >>> names.name("../etc", 3), names.name("index", 4)
            ('indicator-3', 'indicator-4')
        """
        wanted = ident if _PLAIN.fullmatch(ident) else ""
        if not wanted or wanted.lower() in self.used or wanted.lower() in _RESERVED:
            wanted = f"{self.kind}-{number}"
            while wanted.lower() in self.used:  # an id that looked like a numbered name
                wanted = f"{wanted}-"
        self.used.add(wanted.lower())
        return wanted


# --------------------------------------------------------------------------- views


@dataclass(frozen=True)
class Link:
    """A link on a page: its text, where it goes, and whether it is the page itself."""

    text: str
    href: str
    current: bool = False


@dataclass(frozen=True)
class FigureLine:
    """One figure of an indicator, as its page lists it."""

    period: str
    value: str
    margin: str
    sample: str
    source: str
    note: str
    marks: list[str]


@dataclass(frozen=True)
class MilestoneLine:
    """A milestone: its year, what it requires, and whether it was reached."""

    by: str
    required: str
    reached: str


@dataclass(frozen=True)
class ReferenceLine:
    """A reference region or group of an indicator, with its figures."""

    name: str
    kind: str
    figures: list[tuple[str, str]]
    note: str


@dataclass(frozen=True)
class IndicatorPage:
    """Everything an indicator's page shows."""

    row: Row
    name: str
    where: str
    kind: str
    figures: list[FigureLine]
    numbers: list[tuple[str, str]]
    milestones: list[MilestoneLine]
    references: list[ReferenceLine]
    components: list[Link]
    part_of: Link | None
    notes: list[str]
    back: str


@dataclass
class ProgrammeSite:
    """A programme in the site: its assessment, view, review page and indicator pages."""

    number: int
    folder: str
    assessment: Any
    view: Review
    style: markupsafe.Markup
    main: markupsafe.Markup
    indicators: list[tuple[str, IndicatorPage]] = field(default_factory=list)

    @property
    def href(self) -> str:
        """The programme page, from the site's root."""
        return f"{self.folder}/index.html"

    @property
    def name(self) -> str:
        """The programme's name, with its number where it has one."""
        programme = self.assessment.programme
        return f"{programme.number} {programme.name}" if programme.number else programme.name


def _between(html: str, start: str, end: str) -> str:
    """The text between the one ``start`` and the one ``end`` of ``html``."""
    if html.count(start) != 1 or html.count(end) != 1:  # pragma: no cover - the template's own
        raise AssertionError(f"the review page has not one {start} and one {end}")
    return html.split(start, 1)[1].split(end, 1)[0]


def review_fragments(view: Review) -> tuple[markupsafe.Markup, markupsafe.Markup]:
    """The CSS of the review page and the inside of its ``<main>``, as rendered by its template.

    Example:
        >>> from progmon import Ambition, Programme, assess
        >>> p = Programme(id="p", name="P <i>", ambitions=[Ambition(title="A")])
        >>> style, main = review_fragments(build(assess(p, as_of=2020), Formatter("nl"),
        ...                                      charts=True))
        >>> "<h1>P &lt;i&gt;</h1>" in main, ".badge" in style
        (True, True)
    """
    from ._templates import render_review

    html = render_review(view, "html")
    style = _between(html, "<style>", "</style>")
    main = _between(html, "<main>", "</main>")
    # Output of the review template, every text in it escaped there.
    return markupsafe.Markup(style), markupsafe.Markup(main)  # noqa: S704


_TAG: Final = re.compile(r"<[^>]*>")
_ID_ATTRIBUTE: Final = re.compile(r'(\s(?:id|clip-path|href)="(?:url\(#|#)?)(?=[\w-])')


def prefix_ids(html: markupsafe.Markup, prefix: str) -> markupsafe.Markup:
    """``html`` with every id (and every reference to one) given ``prefix``.

    Only attributes inside tags are touched: text between tags, where a
    user's words are, never holds a ``<``, and an attribute's value never a
    ``"`` (both escaped). So several programmes' fragments share one document.

    Example:
        >>> prefix_ids(markupsafe.Markup('<g id="chart-1" clip-path="url(#chart-1-plot)">'
        ...                              ' id="chart-1</g>'), "p2-")
        Markup('<g id="p2-chart-1" clip-path="url(#p2-chart-1-plot)"> id="chart-1</g>')
    """

    def tag(match: re.Match[str]) -> str:
        return _ID_ATTRIBUTE.sub(lambda m: m[1] + prefix, match[0])

    return markupsafe.Markup(_TAG.sub(tag, str(html)))  # noqa: S704  # ids of escaped output


def _shown(fmt: Formatter, value: Any, show: Callable[[Any], str]) -> str:
    if value is None:
        return label("none", fmt)
    try:
        return show(value)
    except (ArithmeticError, ValueError, TypeError, ProgmonError):  # a number off every scale
        return str(value)


def _walk_assessments(assessment: Any) -> Iterator[tuple[Any, Any | None]]:
    """Every indicator assessment of a programme, with the one it is a component of."""

    def walk(node: Any, total: Any | None) -> Iterator[tuple[Any, Any | None]]:
        yield node, total
        for component in node.components:
            yield from walk(component, node)

    for ambition in assessment.ambition_assessments:
        for goal in ambition.goal_assessments:
            for node in goal.indicator_assessments:
                yield from walk(node, None)
        for node in ambition.context:
            yield from walk(node, None)


def _rows(view: Review) -> Iterator[tuple[Row, str, bool]]:
    """Every row of a programme's view, with the goal (or ambition) it stands under."""
    for ambition in view.ambitions:
        for goal in ambition.goals:
            for row in [*goal.rows, *goal.context]:
                yield row, goal.title or goal.statement, row in goal.context
        for row in ambition.context:
            yield row, ambition.title, True


class _Pages:
    def __init__(self, fmt: Formatter) -> None:
        self.fmt = fmt

    def figures(self, assessment: Any) -> list[FigureLine]:
        fmt = self.fmt
        indicator = assessment.indicator
        baseline = assessment.baseline
        lines = []
        for m in indicator.measurements:
            marks = []
            if baseline is not None and m.period == baseline.period:
                marks.append(site_label("baseline_mark", fmt))
            if m.provisional:
                marks.append(site_label("provisional", fmt))
            if m.period.start.year > assessment.as_of:
                marks.append(site_label("after_as_of", fmt))
            source = m.source if m.source is not None else indicator.source
            cited = ""
            if source is not None:
                details = [d for d in (source.note, source.url) if d]
                cited = f"{source}: {'; '.join(details)}" if details else str(source)
            lines.append(
                FigureLine(
                    period=fmt.period(m.period),
                    value=_shown(fmt, m.value, fmt.quantity),
                    margin=_shown(fmt, m.margin, fmt.quantity) if m.margin is not None else "",
                    sample=fmt.number(m.sample_size) if m.sample_size is not None else "",
                    source=cited,
                    note=m.note,
                    marks=marks,
                )
            )
        return lines

    def numbers(self, a: Any, method: str) -> list[tuple[str, str]]:
        fmt = self.fmt
        q = fmt.quantity

        def yes_no(value: bool) -> str:
            return site_label("yes" if value else "no", fmt)

        rows: list[tuple[str, Any, Callable[[Any], str]]] = [
            ("as_of", a.as_of, fmt.year),
            ("deadline", a.deadline, fmt.year),
            ("target_value", a.target_value, q),
            ("relative_change", a.relative_change, lambda v: fmt.fraction(v, sign=True)),
            ("significant", a.significant, yes_no),
            ("projection", a.projection, q),
            ("expected", a.expected, q),
            ("ratio", a.ratio, lambda v: fmt.number(v, 2)),
            ("progress", a.progress, fmt.fraction),
            ("expected_progress", a.expected_progress, fmt.fraction),
            ("rate", a.rate, lambda v: fmt.fraction(v, sign=True)),
        ]
        shown = [(site_label("method_name", fmt), method)]
        shown += [(site_label(key, fmt), _shown(fmt, value, how)) for key, value, how in rows]
        if a.thresholds:
            shown.append((site_label("thresholds", fmt), thresholds_text(dict(a.thresholds), fmt)))
        return shown

    def milestones(self, a: Any) -> list[MilestoneLine]:
        fmt = self.fmt
        lines = []
        for m in a.milestones:
            reached = (
                site_label("not_due", fmt)
                if m.reached is None
                else site_label("yes" if m.reached else "no", fmt)
            )
            lines.append(
                MilestoneLine(
                    by=fmt.year(m.by),
                    required=_shown(fmt, m.required, fmt.quantity),
                    reached=reached,
                )
            )
        return lines

    def references(self, indicator: Any) -> list[ReferenceLine]:
        fmt = self.fmt
        lines = []
        # Indicator.references: the regions and groups an indicator is compared with.
        for reference in getattr(indicator, "references", ()) or ():
            figures = [
                (fmt.period(m.period), _shown(fmt, m.value, fmt.quantity))
                for m in getattr(reference, "measurements", ())
            ]
            lines.append(
                ReferenceLine(
                    name=str(getattr(reference, "name", reference)),
                    kind=str(getattr(reference, "kind", "") or ""),
                    figures=figures,
                    note=str(getattr(reference, "note", "") or ""),
                )
            )
        return lines


def _programme(number: int, folder: str, assessment: Any, fmt: Formatter) -> ProgrammeSite:
    # The pages' names come from the rows, and the rows link to the pages: a first
    # view without charts names them, the page's own view links them.
    names = _Names("indicator")
    files: dict[str, str] = {}
    for n, (row, _, _) in enumerate(_rows(build(assessment, fmt, charts=False)), start=1):
        files[row.id] = names.name(row.id, n)
    view = build(
        assessment, fmt, charts=True, links={ident: f"{name}.html" for ident, name in files.items()}
    )
    style, main = review_fragments(view)
    site = ProgrammeSite(number, folder, assessment, view, style, main)
    pages = _Pages(fmt)
    by_id = {node.indicator.id: (node, total) for node, total in _walk_assessments(assessment)}
    rows = list(_rows(view))
    for row, where, context in rows:
        node, total = by_id[row.id]
        indicator = node.indicator
        notes = [indicator.note] if indicator.note else []
        notes += [f"{fmt.period(m.period)}: {m.note}" for m in indicator.measurements if m.note]
        page = IndicatorPage(
            row=row,
            name=indicator.name,
            where=where,
            kind=site_label("context", fmt) if context else site_label("goal", fmt),
            figures=pages.figures(node),
            numbers=pages.numbers(node, view.method),
            milestones=pages.milestones(node),
            references=pages.references(indicator),
            components=[
                Link(c.indicator.name, f"{files[c.indicator.id]}.html") for c in node.components
            ],
            part_of=Link(total.indicator.name, f"{files[total.indicator.id]}.html")
            if total is not None
            else None,
            notes=notes,
            back=f"index.html#{row.anchor}",
        )
        site.indicators.append((files[row.id], page))
    return site


# --------------------------------------------------------------------------- tables


def download_tables(assessments: Sequence[Any]) -> dict[str, tuple[Sequence[str], list[Any]]]:
    """The export's tables for every programme of the review, one after another.

    Example:
        >>> import progmon
        >>> a = progmon.assess(progmon.load("examples/veiligheid.toml"), as_of=2020)
        >>> tables = download_tables([a])
        >>> sorted(tables), tables["status"][1][0]["programme"]
        (['figures', 'rollup', 'status'], 'veiligheid')
    """
    from progmon import tables

    return {
        "figures": (
            tables.FIGURE_COLUMNS,
            [row for a in assessments for row in tables.figure_rows(a.programme)],
        ),
        "status": (
            tables.STATUS_COLUMNS,
            [row for a in assessments for row in tables.status_rows(a)],
        ),
        "rollup": (
            tables.ROLLUP_COLUMNS,
            [row for a in assessments for row in tables.rollup_rows(a)],
        ),
    }


# --------------------------------------------------------------------------- writing


def _check_folder(directory: Path) -> Path:
    try:
        a_file = directory.exists() and not directory.is_dir()
    except OSError as e:  # a name too long for the file system, say
        raise ProgmonFileError(
            f"cannot be made: {e.strerror or e}", element="-o", value=str(directory)
        ) from None
    if a_file:
        raise ProgmonFileError(
            "is a file: the site is a folder; give a folder that is new or holds a site",
            element="-o",
            value=str(directory),
        )
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ProgmonFileError(
            f"cannot be made: {e.strerror or e}", element="-o", value=str(directory)
        ) from e
    return Path(os.path.realpath(directory))


class SiteWriter:
    """Writes the files of a site into one folder, and nowhere else.

    Example:
        >>> import tempfile
        >>> writer = SiteWriter(Path(tempfile.mkdtemp()), inputs=())
        >>> writer.text("a/b.html", "<p>b</p>").name
        'b.html'
        >>> writer.text("../x.html", "")
        Traceback (most recent call last):
        ...
        progmon.errors.ProgmonFileError: site file: is outside the site's folder ...
    """

    def __init__(self, directory: Path, *, inputs: Iterable[object]) -> None:
        self.root = _check_folder(directory)
        self.inputs = list(inputs)
        for source in self.inputs:
            # The programme's own folder: a figures pattern would read the site's CSV files.
            real = Path(os.path.realpath(os.fspath(source)))  # type: ignore[call-overload]
            if self.root in real.parents:
                raise ProgmonFileError(
                    f"holds {real.relative_to(self.root)}, which is one of the inputs: a site is "
                    "a folder of its own, replaced by the next run: give a new folder",
                    element="-o",
                    value=str(directory),
                )
        self.written: list[Path] = []

    def _path(self, relative: str) -> Path:
        target = self.root / relative
        folder = Path(os.path.realpath(target.parent))
        if folder != self.root and self.root not in folder.parents:
            raise ProgmonFileError(
                "is outside the site's folder (a link out of it?): refused",
                element="site file",
                value=str(target),
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise ProgmonFileError(
                f"cannot be made: {e.strerror or e}", element="site folder", value=str(folder)
            ) from e
        return folder / target.name

    def text(self, relative: str, text: str) -> Path:
        """Write ``text`` to ``relative`` (a path inside the folder), atomically."""
        path = write_text(self._path(relative), text, element="site file", inputs=self.inputs)
        self.written.append(path)
        return path

    def data(self, relative: str, data: bytes) -> Path:
        """Write ``data`` to ``relative`` (a path inside the folder), atomically."""
        path = write_bytes(self._path(relative), data, element="site file", inputs=self.inputs)
        self.written.append(path)
        return path


def _downloads(writer: SiteWriter, assessments: Sequence[Any]) -> None:
    from progmon import tables as _tables
    from progmon.io import write_xlsx

    tables = download_tables(assessments)
    for name, (columns, rows) in tables.items():
        out = io.StringIO()
        _tables.write_csv(rows, columns, out)
        # As write_csv writes a file: with the byte order mark that Excel reads UTF-8 by.
        writer.text(f"{DATA}/{name}.csv", "\ufeff" + out.getvalue())
    path = writer._path(f"{DATA}/review.xlsx")  # noqa: SLF001  # checked inside the folder
    write_xlsx(
        {
            name: (columns, [[row[c] for c in columns] for row in rows])
            for name, (columns, rows) in tables.items()
        },
        path,
        inputs=writer.inputs,
    )
    writer.written.append(path)


def _frame(fmt: Formatter, review: Any, sites: list[ProgrammeSite]) -> dict[str, Any]:
    return {
        "lang": fmt.lang,
        "S": {key: site_label(key, fmt) for key in LABELS},
        "review": review,
        "downloads": [
            Link(site_label(f"download_{key}", fmt), f"{DATA}/{name}") for name, key, _ in DOWNLOADS
        ],
        "programmes": sites,
        "version": sites[0].view.version,
        "style": sites[0].style,
        "L": sites[0].view.labels,
    }


def index_counts(sites: Sequence[ProgrammeSite]) -> list[tuple[Badge, int]]:
    """The number of indicators of each status, over every programme, in the legend's order."""
    totals: dict[str, int] = {}
    for site in sites:
        for badge, n in site.view.counts:
            totals[badge.css] = totals.get(badge.css, 0) + n
    return [(b, totals[b.css]) for b in sites[0].view.legend if totals.get(b.css)]


def judged(assessment: Any, fmt: Formatter) -> str:
    """``2 van 9 beoordeeld``: how many of a programme's indicators have a judged status."""
    counts = assessment.counts
    done = sum(int(n) for s, n in counts.items() if s.rank >= 0)
    total = sum(int(n) for n in counts.values())
    return f"{done} {site_label('of', fmt)} {total} {site_label('n_judged', fmt)}"


def build_sites(
    review: Any, fmt: Formatter, *, progress: Progress | None = None
) -> tuple[tuple[Any, ...], list[ProgrammeSite]]:
    """Assess every programme of ``review`` and build its pages' views."""
    assessments = review.assess()
    names = _Names("programma")
    sites = []
    total = len(assessments)
    for number, assessment in enumerate(assessments, start=1):
        if progress is not None:
            progress(number - 1, total, assessment.programme.name)
        folder = names.name(assessment.programme.id, number)
        sites.append(_programme(number, folder, assessment, fmt))
    if progress is not None:
        progress(total, total, "")
    return assessments, sites


def write_site(
    review: Any,
    directory: str | os.PathLike[str],
    *,
    lang: str | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write ``review`` (a :class:`progmon.Review`) as a static site into ``directory``.

    Returns:
        The files written, the index first.
    """
    from ._templates import render_site_page

    fmt = Formatter(lang or review.language)
    writer = SiteWriter(Path(directory), inputs=review.files)
    assessments, sites = build_sites(review, fmt, progress=progress)
    frame = _frame(fmt, review, sites)
    writer.text(
        "index.html",
        render_site_page(
            "index",
            **frame,
            root="",
            current=None,
            page=None,
            counts=index_counts(sites),
            legend=sites[0].view.legend,
            judged=[judged(s.assessment, fmt) for s in sites],
            year=fmt.year(int(assessments[0].as_of)),
            method=sites[0].view.method,
            description=[p.strip() for p in review.description.split("\n\n") if p.strip()],
        ),
    )
    for site in sites:
        writer.text(
            site.href,
            render_site_page("programme", **frame, root="../", current=site, page=None),
        )
        for name, page in site.indicators:
            writer.text(
                f"{site.folder}/{name}.html",
                render_site_page("indicator", **frame, root="../", current=site, page=page),
            )
    _downloads(writer, assessments)
    return writer.written
