"""Sphinx configuration: MyST Markdown, furo, the API reference from docstrings."""

from __future__ import annotations

import progmon

project = "progmon"
author = "The progmon developers"
copyright = "2026, The progmon developers"  # noqa: A001  # Sphinx reads this name
release = progmon.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build"]

autodoc_member_order = "bysource"
# In signatures: numpy.str_ in a description would read as an RST link.
autodoc_typehints = "signature"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# Annotations such as numpy.str_ would read as RST links in attribute types.
napoleon_attr_annotations = False

# No intersphinx: the docs build offline, as CI does.

html_theme = "furo"
html_title = "progmon"
html_static_path = ["_static"]
