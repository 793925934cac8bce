"""Formulas as MathML, written at build time: they render offline, with no script.

Sphinx's default math renderer, MathJax, loads a script from a CDN, so a page
opened from the file system or on a machine without network shows raw LaTeX.
latex2mathml turns the LaTeX into MathML when the docs are built, and every
current browser draws MathML itself.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from latex2mathml.converter import convert
from sphinx.application import Sphinx
from sphinx.util.math import get_node_equation_number
from sphinx.writers.html5 import HTML5Translator


def _inline(self: HTML5Translator, node: nodes.math) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS="math"))
    self.body.append(convert(node.astext(), display="inline"))
    self.body.append("</span>")
    raise nodes.SkipNode


def _block(self: HTML5Translator, node: nodes.math_block) -> None:
    self.body.append(self.starttag(node, "div", CLASS="math"))
    if node["number"]:
        number = get_node_equation_number(self, node)
        self.body.append(f'<span class="eqno">({number})')
        self.add_permalink_ref(node, "Link to this equation")
        self.body.append("</span>")
    # A blank line separates equations in one block, as for MathJax.
    for part in node.astext().split("\n\n"):
        if part.strip():
            self.body.append(convert(part, display="block"))
    self.body.append("</div>\n")
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_html_math_renderer("mathml", (_inline, None), (_block, None))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
