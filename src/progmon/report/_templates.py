r"""The Jinja2 environments of the review templates (``templates/*.j2``).

Every value a template interpolates is text from a user's file or made from
it, so each environment treats every ``{{ ... }}`` alike, in its
``finalize`` hook: no template can forget it, and no filter is needed.

* Control characters, bidirectional overrides and line separators are made
  inert first (:func:`progmon._inert.inert`): shown as ``\x1b``, ``\u202e``.
* HTML (``*.html.j2``): Jinja2's autoescape then escapes the text. Only the
  charts are marked safe (the ``svg`` filter): they are XML that progmon
  serialized itself, the indicator's name escaped by the serializer.
* Markdown (``*.md.j2``): :func:`markdown_text` escapes ``&``, ``<`` and ``>``
  as entities (no HTML, no autolink), and backslash-escapes ``\``, ``[``,
  ``]`` (no link or image), the backtick (no code span, which would show
  these escapes as typed, and no code fence) and ``~`` (no fence either).
  What the hook returns is marked safe, so the environment's autoescape
  passes it on unchanged and a macro's output is not escaped twice.

The Markdown filters ``cell`` (a table cell: one line, ``|`` escaped) and
``line`` (a heading or list item: one line) escape their value themselves,
as the hook would, before they shape it.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Final

import jinja2
import markupsafe

from progmon._inert import inert

__all__ = ["markdown_text", "render_review", "render_site_page"]

_MARKDOWN_ENTITIES: Final = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MARKDOWN_SPECIAL: Final = re.compile(r"[&<>\\\[\]`~]")


def _markdown_escape(match: re.Match[str]) -> str:
    char = match[0]
    return _MARKDOWN_ENTITIES.get(char, "\\" + char)


def markdown_text(value: object) -> str:
    r"""``value`` as text in Markdown: shown as written, never markup, links or code.

    Example:
        >>> markdown_text('![x](http://tracker/p.png) <script> & "31,0 %"')
        '!\\[x\\](http://tracker/p.png) &lt;script&gt; &amp; "31,0 %"'
        >>> markdown_text("Almeloërs' veiligheid\x1b[2J")
        "Almeloërs' veiligheid\\\\x1b\\[2J"
    """
    return _MARKDOWN_SPECIAL.sub(_markdown_escape, inert(str(value)))


def _safe(value: object) -> bool:
    return hasattr(value, "__html__")


def _finalize_html(value: object) -> object:
    # Autoescape follows; the charts and the macros' output are safe already.
    return value if _safe(value) else inert(str(value))


def _finalize_markdown(value: object) -> object:
    # Marked safe once escaped, so that autoescape and macros leave it as it is.
    return value if _safe(value) else markupsafe.Markup(markdown_text(value))  # noqa: S704


def _line(text: object) -> markupsafe.Markup:
    # A line break inside a heading or list item would end it and strand the rest.
    escaped = str(text) if _safe(text) else markdown_text(text)
    return markupsafe.Markup(" ".join(escaped.split()))  # noqa: S704  # escaped above


def _cell(text: object) -> markupsafe.Markup:
    return markupsafe.Markup(str(_line(text)).replace("|", "\\|"))  # noqa: S704  # _line escaped


def _svg(chart: str) -> markupsafe.Markup:
    # A chart is XML that _charts.py serialized itself: its texts are escaped.
    return markupsafe.Markup(chart)  # noqa: S704


@functools.cache
def _environment(format: str) -> jinja2.Environment:  # noqa: A002  # as in render()
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("progmon.report", "templates"),
        # Markdown too: there the finalize hook escapes, and marks the result safe.
        autoescape=True,
        finalize=_finalize_html if format == "html" else _finalize_markdown,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    if format == "html":
        env.filters["svg"] = _svg
    else:
        env.filters["cell"] = _cell
        env.filters["line"] = _line
    return env


def render_review(review: Any, format: str) -> str:  # noqa: A002  # as in render()
    """Lay out ``review`` (a :class:`~progmon.report._view.Review`) as ``format``."""
    template = _environment(format).get_template(f"review.{format}.j2")
    text = template.render(r=review, L=review.labels)
    return text.rstrip("\n") + "\n"


def render_site_page(name: str, **context: Any) -> str:
    """Lay out a page of the site (``templates/site/<name>.html.j2``) with ``context``.

    The site's pages share the review's HTML environment: the same
    ``finalize`` hook escapes every text, and only charts are marked safe.
    """
    template = _environment("html").get_template(f"site/{name}.html.j2")
    return template.render(**context).rstrip("\n") + "\n"
