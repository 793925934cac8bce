"""The Jinja2 environment of the review templates (``templates/*.j2``).

HTML templates (``*.html.j2``) are autoescaped; the charts, which progmon
draws itself, are marked safe. Markdown table cells go through the ``cell``
filter, which keeps a ``|`` or a line break in a text from breaking the table;
headings and list items through ``line``, which keeps them on one line.
"""

from __future__ import annotations

import functools
from typing import Any

import jinja2
import markupsafe

__all__ = ["render_review"]


def _line(text: object) -> str:
    # A line break inside a heading or list item would end it and strand the rest.
    return " ".join(str(text).split())


def _cell(text: object) -> str:
    return _line(text).replace("|", "\\|")


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("progmon.report", "templates"),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html.j2",), default_for_string=False, default=False
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cell"] = _cell
    env.filters["line"] = _line
    # Charts are SVG that progmon drew itself (texts escaped by matplotlib).
    env.filters["svg"] = markupsafe.Markup
    return env


def render_review(review: Any, format: str) -> str:  # noqa: A002  # as in render()
    """Lay out ``review`` (a :class:`~progmon.report._view.Review`) as ``format``."""
    template = _environment().get_template(f"review.{format}.j2")
    text = template.render(r=review, L=review.labels)
    return text.rstrip("\n") + "\n"
