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

__all__ = ["FORMATS", "SUFFIXES", "Format", "render", "write"]

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
