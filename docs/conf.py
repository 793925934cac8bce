"""Sphinx configuration: MyST Markdown, furo, the API reference from docstrings."""

from __future__ import annotations

import sys
from pathlib import Path

import progmon

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

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
    "mathml",
    "aliases",
]
source_suffix = {".md": "markdown"}
myst_enable_extensions = ["colon_fence", "deflist", "dollarmath", "amsmath"]
myst_heading_anchors = 3
exclude_patterns = ["_build"]

# Formulas become MathML when the docs are built (docs/_ext/mathml.py): no script, no CDN.
html_math_renderer = "mathml"

autodoc_member_order = "bysource"
# In signatures: numpy.str_ in a description would read as an RST link.
autodoc_typehints = "signature"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# Annotations such as numpy.str_ would read as RST links in attribute types.
napoleon_attr_annotations = False

# Every cross-reference must resolve (make docs fails on one that does not). The docs
# build offline, as CI does, so there is no intersphinx: names of Python, numpy, pint
# and attrs stay plain text, and only those are let through.
nitpicky = True
nitpick_ignore_regex = [
    (
        r"py:.*",
        (
            r"(numpy|npt|pint|attrs|cattrs|datetime|pathlib|os|collections\.abc|typing"
            r"|pd|pandas|openpyxl|xarray|dask|tomlkit)(\..+)?"
        ),
    ),
    # Names of the standard library and type aliases in signatures, plain text there.
    (r"py:.*", r"(Path|Sequence|Mapping|Iterable|Iterator|Callable|TextIO)"),
    (r"py:.*", r"(Assessment|TableName|Check|Cell|Row|Table|AsOf|MethodLike)"),
    (r"py:.*", r"(int|float|str|bool|bytes|object|type|tuple|list|dict|set|None|Any)"),
]

# The modules whose __all__ is the public API: each of those names gets a reference entry
# (docs/_ext/aliases.py links a name exported twice to its one description).
public_modules = [
    "progmon",
    "progmon.assessment",
    "progmon.methods",
    "progmon.trend",
    "progmon.units",
    "progmon.errors",
    "progmon.io",
    "progmon.tables",
    "progmon.ranking",
    "progmon.bbv",
    "progmon.report",
    "progmon.cli",
]

html_theme = "furo"
html_title = "progmon"
html_static_path = ["_static"]
