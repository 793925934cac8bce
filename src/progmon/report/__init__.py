"""The review: a programme's progress as Markdown or a self-contained HTML page.

:func:`render` turns a programme (assessed here) or a programme assessment
into the review the analyst hands to the council: a summary with the status
per ambition and goal, then per goal its indicators with baseline, latest
figure, target, change, trend and status with a one-sentence reason, the
context figures apart, the actions and the budget, and in HTML a chart per
indicator. Dutch (``lang="nl"``) or English (``lang="en"``).

The Markdown review needs nothing beyond the core; the HTML review draws
its charts with matplotlib, the ``plot`` extra.

Example:
    >>> from progmon import Ambition, Goal, Indicator, Measurement, Programme, Level
    >>> ind = Indicator(id="initiatieven", name="Buurtpreventie-initiatieven", unit="count",
    ...                 measurements=[Measurement(2018, 20), Measurement(2019, 26)],
    ...                 target=Level(32))
    >>> p = Programme(id="v", name="Programma Veiligheid", ambitions=[
    ...     Ambition(title="Veiliger", goals=[Goal(id="g", statement="Meer initiatieven",
    ...                                            deadline=2022, indicators=[ind])])])
    >>> md = render(p, as_of=2019, lang="nl")
    >>> md.splitlines()[0]
    '# Programma Veiligheid'
    >>> "Buurtpreventie-initiatieven" in md and "32 in 2022" in md
    True
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final, Literal

from progmon._programme import Programme
from progmon._write import as_path, write_text
from progmon.errors import ValidationError

from ._format import LANGUAGES, Formatter

__all__ = [
    "FORMATS",
    "REVIEW_FORMATS",
    "SUFFIXES",
    "Format",
    "ReviewFormat",
    "render",
    "render_whole",
    "write",
    "write_whole",
]

Format = Literal["md", "html"]
"""The formats of the review, ``"md"`` (Markdown) and ``"html"`` (one self-contained page)."""
FORMATS: Final = ("md", "html")
"""The formats :func:`render` writes."""
SUFFIXES: Final[dict[str, Format]] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}
"""File suffixes and the format a review written there has."""

ReviewFormat = Literal["md", "html", "site", "pdf"]
"""The formats of a whole review (:class:`progmon.Review`): as :data:`Format`, and
``"site"`` (a folder of pages) and ``"pdf"`` (one printable document)."""
REVIEW_FORMATS: Final = ("md", "html", "site", "pdf")
"""The formats :func:`write_whole` writes."""


def _assessment(subject: Any, as_of: Any, method: Any) -> Any:
    if isinstance(subject, Programme):
        from progmon.assessment import assess

        # assess() takes the year of the latest figure where as_of is None.
        return assess(subject, as_of=as_of, method=method)
    if hasattr(subject, "ambition_assessments") and hasattr(subject, "programme"):
        if as_of is not None or method is not None:
            raise ValidationError(
                "as_of and method belong to the assessment already; pass the programme to "
                "assess it anew",
                element="report",
                value={"as_of": as_of, "method": method},
            )
        return subject
    raise ValidationError(
        "can only render a Programme or a ProgrammeAssessment", element="report", value=subject
    )


def _check_choice(value: str, choices: tuple[str, ...], element: str) -> None:
    if value not in choices:
        raise ValidationError(
            f"must be one of {', '.join(repr(c) for c in choices)}", element=element, value=value
        )


def render(
    subject: Any,
    *,
    format: Format = "md",  # noqa: A002  # the contract's and the command line's word
    lang: str | None = None,
    as_of: Any = None,
    method: Any = None,
) -> str:
    """The review of a programme as Markdown or as one self-contained HTML page.

    Args:
        subject: A :class:`~progmon.Programme` (assessed with
            :func:`progmon.assessment.assess`) or a ``ProgrammeAssessment``.
        format: ``"md"`` (GitHub-flavoured Markdown) or ``"html"`` (one file,
            inline CSS and SVG charts, no external resources).
        lang: ``"nl"`` or ``"en"``; by default the programme's language
            (Dutch where that is neither).
        as_of: For a programme: the year (or period) of the review; by
            default the latest year with a figure.
        method: For a programme: the assessment method, an instance or a
            name such as ``"growth-ratio"``; by default the default method.

    Returns:
        The review as text.

    Raises:
        ValidationError: an unknown format or language, or ``as_of`` /
            ``method`` with an assessment that has them already.
        progmon.errors.ProgmonError: the assessment fails on bad input.

    Example:
        >>> from progmon import Ambition, Goal, Indicator, Measurement, Programme, Improve
        >>> from progmon import Direction
        >>> ind = Indicator(id="cijfer", name="Rapportcijfer veilige buurt", unit="mark",
        ...                 measurements=[Measurement(2017, 7.1), Measurement(2019, 7.5)],
        ...                 target=Improve(), direction=Direction.INCREASE)
        >>> p = Programme(id="v", name="Safety", ambitions=[Ambition(title="Safer", goals=[
        ...     Goal(id="g", statement="Safer streets", deadline=2022, indicators=[ind])])])
        >>> en = render(p, lang="en")
        >>> "7.5 (2019)" in en, "7,5 (2019)" in render(p, lang="nl")
        (True, True)
    """
    _check_choice(format, FORMATS, "report format")
    assessment = _assessment(subject, as_of, method)
    language = lang if lang is not None else assessment.programme.language
    if lang is None and language not in LANGUAGES:
        language = "nl"
    _check_choice(language, LANGUAGES, "report language")
    fmt = Formatter(language)
    from ._templates import render_review
    from ._view import build

    review = build(assessment, fmt, charts=format == "html")
    return render_review(review, format)


def write(
    subject: Any,
    path: str | Path,
    *,
    format: Format | None = None,  # noqa: A002  # as in render()
    lang: str | None = None,
    as_of: Any = None,
    method: Any = None,
) -> Path:
    """Render the review and write it to ``path`` (UTF-8).

    Args:
        subject: As for :func:`render`.
        path: The file to write; its suffix (``.md``, ``.html``) gives the
            format unless ``format`` is given.
        format: ``"md"`` or ``"html"``.
        lang: As for :func:`render`.
        as_of: As for :func:`render`.
        method: As for :func:`render`.

    Returns:
        The path written.

    Raises:
        ValidationError: the format cannot be told from the suffix.
        ProgmonFileError: the file cannot be written.

    Example:
        >>> import tempfile, pathlib
        >>> from progmon import Ambition, Programme
        >>> p = Programme(id="v", name="Veiligheid", ambitions=[Ambition(title="Veiliger")])
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     out = write(p, pathlib.Path(tmp) / "review.md", as_of=2020)
        ...     out.read_text(encoding="utf-8").startswith("# Veiligheid")
        True
    """
    target = as_path(path, element="report file")
    if format is None:
        guessed = SUFFIXES.get(target.suffix.lower())
        if guessed is None:
            raise ValidationError(
                "cannot tell the format from the suffix: use .md or .html, or give format=",
                element="report file",
                value=str(target),
            )
        format = "md" if guessed == "md" else "html"  # noqa: A001
    text = render(subject, format=format, lang=lang, as_of=as_of, method=method)
    return write_text(target, text, element="report file")


def _check_review(review: Any) -> Any:
    from progmon.review import Review

    if not isinstance(review, Review):
        raise ValidationError(
            "takes a Review (progmon.load_review of a review file)",
            element="report",
            value=type(review).__name__,
        )
    return review


def _language(review: Any, lang: str | None) -> str:
    language = lang if lang is not None else review.language
    _check_choice(language, LANGUAGES, "report language")
    return language


def render_whole(review: Any, *, format: str = "md", lang: str | None = None) -> str:  # noqa: A002
    r"""A whole review (every programme of a :class:`progmon.Review`) as one text.

    ``"md"``: the programmes' Markdown reviews after a title; ``"html"``: one
    self-contained document with a cover, a table of contents and a chapter
    per programme (the PDF's source, without its page numbers).

    Example:
        >>> import progmon
        >>> review = progmon.load_review("examples/review.toml")
        >>> md = render_whole(review)
        >>> md.splitlines()[0], md.count("\n# ")
        ("# Midterm Review Programma's 2020", 3)
    """
    _check_choice(format, ("md", "html"), "report format")
    review = _check_review(review)
    language = _language(review, lang)
    if format == "html":
        from ._pdf import document_html
        from ._site import build_sites

        fmt = Formatter(language)
        assessments, sites = build_sites(review, fmt)
        return document_html(review, fmt, assessments, sites)
    from ._templates import markdown_text

    head = [f"# {' '.join(markdown_text(review.title).split())}", ""]
    if review.organisation:
        head += [markdown_text(review.organisation), ""]
    head += [markdown_text(p.strip()) + "\n" for p in review.description.split("\n\n") if p.strip()]
    parts = [render(a, format="md", lang=language) for a in review.assess()]
    return "\n".join(head) + "\n" + "\n".join(parts)


def write_whole(
    review: Any,
    path: str | Path,
    *,
    format: ReviewFormat,  # noqa: A002  # as in render()
    lang: str | None = None,
    progress: Any = None,
) -> Path:
    """Write a whole review (a :class:`progmon.Review`) as a site, a PDF, HTML or Markdown.

    Args:
        review: The review, from :func:`progmon.load_review` or made in code.
        path: A folder for ``"site"`` (made if missing, refused if it is a
            file), else the file to write.
        format: One of :data:`REVIEW_FORMATS`.
        lang: ``"nl"`` or ``"en"``; by default the review's language.
        progress: Called as ``progress(done, total, what)`` on the way.

    Returns:
        The folder or file written.

    Raises:
        ValidationError: an unknown format or language.
        progmon.errors.ProgmonError: ``"pdf"`` without Chromium installed
            (the message says how to install it), or Chromium fails.
        ProgmonFileError: a folder that is a file, a file that is an input,
            or one that cannot be written.

    Example:
        >>> import progmon, tempfile, pathlib
        >>> review = progmon.load_review("examples/review.toml")
        >>> out = write_whole(review, pathlib.Path(tempfile.mkdtemp()) / "site", format="site")
        >>> sorted(p.name for p in out.iterdir())
        ['data', 'index.html', 'sport-demo', 'veiligheid', 'wonen-demo']
    """
    _check_choice(format, REVIEW_FORMATS, "report format")
    review = _check_review(review)
    language = _language(review, lang)
    target = as_path(path, element="report file")
    if format == "site":
        from ._site import write_site

        write_site(review, target, lang=language, progress=progress)
        return target
    if format == "pdf":
        from ._pdf import write_pdf

        return write_pdf(review, target, lang=language, progress=progress)
    text = render_whole(review, format=format, lang=language)
    return write_text(target, text, element="report file", inputs=review.files)
