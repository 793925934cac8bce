"""Programmes and figures as files.

* :func:`load` / :func:`dump`: a whole programme as a TOML or JSON file
  (file format 1, see the reference), read back equal.
* :func:`load_with_figures`: a programme file and the figure files beside
  it that it names (``figures = ["cijfers/*.csv"]``); :func:`load` does
  the same and returns the programme.
* :func:`read_figures`: the figures of a CSV file or an Excel workbook
  (:func:`read_measurements`, :func:`read_measurements_xlsx`);
  :func:`load_measurements`: a new programme with the figures of a CSV file.
* :func:`write_xlsx`: tables as the sheets of a workbook (``excel`` extra).
* :func:`read_cbs` / :func:`load_cbs`: figures from a CBS StatLine table
  saved as OData JSON or CSV; :func:`fetch_cbs` downloads one (``cbs`` extra).

Reading never executes anything from a file, and either reads the whole
file or raises one :class:`~progmon.errors.ProgmonError` that names the
file, the line or key path, and the value.
"""

from __future__ import annotations

from ._beside import FigureFiles
from ._cbs import CbsColumn, fetch_cbs, load_cbs, read_cbs
from ._converter import FORMAT_VERSION, converter, parse_period
from ._csv import (
    Figure,
    Merge,
    add_measurements,
    load_measurements,
    read_measurements,
    read_measurements_text,
)
from ._files import dump, dumps, load, load_with_figures, loads
from ._xlsx import read_figures, read_measurements_xlsx, write_xlsx

__all__ = [
    "FORMAT_VERSION",
    "CbsColumn",
    "Figure",
    "FigureFiles",
    "Merge",
    "add_measurements",
    "converter",
    "dump",
    "dumps",
    "fetch_cbs",
    "load",
    "load_cbs",
    "load_measurements",
    "load_with_figures",
    "loads",
    "parse_period",
    "read_cbs",
    "read_figures",
    "read_measurements",
    "read_measurements_text",
    "read_measurements_xlsx",
    "write_xlsx",
]

# The functions report this module, where users find them, rather than the
# private module that defines them (the reference and tracebacks show it).
for _function in (
    add_measurements,
    dump,
    dumps,
    fetch_cbs,
    load,
    load_cbs,
    load_measurements,
    load_with_figures,
    loads,
    parse_period,
    read_cbs,
    read_figures,
    read_measurements,
    read_measurements_text,
    read_measurements_xlsx,
    write_xlsx,
):
    _function.__module__ = __name__
del _function
