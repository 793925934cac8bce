"""Figures from CBS StatLine tables, saved as their OData JSON or CSV export.

A StatLine table (e.g. 83648NED, police-registered crime per municipality,
or 85146NED, the Veiligheidsmonitor) has *dimensions* (``RegioS``,
``Perioden``, ``Marges``, ``SoortMisdrijf``, ...), whose keys are codes such
as ``GM0141`` (Almelo, padded with spaces to 8 characters) and ``2019JJ00``
(the year 2019), and *topics*, the columns with the figures, whose keys end
in ``_`` and a number (``TotaalGeregistreerdeMisdrijven_1``). Survey tables
have a ``Marges`` dimension: ``MW00000`` is the value, ``MOG0095`` and
``MBG0095`` the lower and upper bound of its 95 % interval.

:func:`read_cbs` reads a saved table and turns the topic columns that a
mapping names into figures of indicators, for one region, and, given
``references={"NL01": "Nederland", "PV23": "Overijssel"}``, into figures of
the indicators' references of those names for the other regions the table
holds. Reading needs no
network; :func:`fetch_cbs` downloads a table with the ``cbsodata`` package
(the ``cbs`` extra).
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from progmon import units
from progmon._indicator import Measurement, Source
from progmon._period import Period
from progmon._programme import Programme
from progmon._write import as_path
from progmon.errors import (
    AmbiguityError,
    FileFormatError,
    ProgmonError,
    ValidationError,
)

from ._converter import close_key, parse_period
from ._csv import Figure, _located, add_measurements, parse_number, warn_replaced
from ._text import check_relative, parse_json, read_text

__all__ = [
    "CBS_KEY",
    "CbsColumn",
    "CbsSource",
    "cbs_sources_of",
    "fetch_cbs",
    "load_cbs",
    "read_cbs",
    "read_cbs_source",
    "table_of",
]

REGION_DIMENSIONS: Final = ("RegioS", "WijkenEnBuurten", "Gemeenten", "Regio")
PERIOD_DIMENSION: Final = "Perioden"
MARGIN_DIMENSION: Final = "Marges"
VALUE, LOWER, UPPER = "MW00000", "MOG0095", "MBG0095"

# CBS's table symbols: "." = figure not available, "x" = secret, "-" = nil (zero).
_MISSING_SYMBOLS: Final = {".": "CBS: cijfer ontbreekt", "x": "CBS: geheim"}
_TOPIC: Final = re.compile(r"_\d+$")
_TABLE_ID: Final = re.compile(r"/(\d{5}[A-Z]{3}|\d{5}[a-z]{3})(?:/|$)")


def _as_dict(value: object) -> object:
    # Kept as it is unless a mapping, for the validator to refuse by name.
    return dict(value) if isinstance(value, Mapping) else value


@attrs.frozen
class CbsColumn:
    """Which figures of a CBS table an indicator takes.

    Args:
        column: The topic key, e.g. ``"TotaalGeregistreerdeMisdrijven_1"``.
        where: Codes of other dimensions to select, e.g.
            ``{"SoortMisdrijf": "0.0.0"}`` (all crimes); padding is ignored.
        unit: The unit of the table's figures; by default the indicator's.

    Example:
        >>> CbsColumn("TotaalGeregistreerdeMisdrijven_1", where={"SoortMisdrijf": "0.0.0"}).where
        {'SoortMisdrijf': '0.0.0'}
    """

    column: str = attrs.field()
    where: Mapping[str, str] = attrs.field(factory=dict, converter=_as_dict)
    unit: str | None = None

    @column.validator
    def _check_column(self, attribute: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            raise ValidationError("column must be a topic key", element="CbsColumn", value=value)

    @where.validator
    def _check_where(self, attribute: attrs.Attribute[Mapping[str, str]], value: object) -> None:
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise ValidationError(
                "where must map dimension keys to codes, e.g. {'SoortMisdrijf': '0.0.0'}",
                element=f"CbsColumn {self.column!r}",
                value=value,
            )


def read_cbs(
    path: str | os.PathLike[str],
    mapping: Mapping[str, str | CbsColumn],
    *,
    region: str | None = None,
    references: Mapping[str, str] | None = None,
    table: str | None = None,
) -> tuple[Figure, ...]:
    """The figures of a saved CBS table, for the indicators in ``mapping``.

    Args:
        path: The table as OData JSON (``{"odata.metadata": ..., "value": [...]}``,
            typed or untyped, or the list of rows as ``cbsodata`` saves it)
            or as CSV (``;`` or ``,`` separated, keys as codes); or its
            OData v4 observations, one figure a row (``Measure``, ``Value``,
            ``ValueAttribute``; JSON or CSV, as the CBS data portal and
            ``cbsodata4`` save them), whose measure codes are then the
            topic keys.
        mapping: Indicator id to the column it takes: a topic key, or a
            :class:`CbsColumn`.
        region: The region code to read, e.g. ``"GM0141"``; needed when
            the table holds more than one region besides the ``references``.
        references: Region codes to read as reference figures, each to the
            name of the indicators' :class:`~progmon.Reference` it fills
            (``{"NL01": "Nederland"}``); their figures have that name as
            their ``region`` (:class:`~progmon.io.Figure`).
        table: The table id for the figures' source, when the file does not
            say (OData JSON does).

    Raises:
        FileFormatError: the file is not a CBS table export.
        ValidationError: a column, region or dimension code is not in the table.
        AmbiguityError: the selection leaves more than one figure per period;
            the message names the dimension to fix in ``where``.

    Example:
        >>> figures = read_cbs("tests/fixtures/cbs_85146NED_typed.json",
        ...                    {"onveilig_buurt": "VoeltZichWelEensOnveiligInBuurt_2"},
        ...                    region="GM0141")
        >>> [(f.measurement.period.label, f.measurement.value) for f in figures]
        [('2013', 5.4), ('2017', 4.4), ('2019', 3.4)]
        >>> figures = read_cbs("tests/fixtures/cbs_85146NED_typed.json",
        ...                    {"onveilig_buurt": "VoeltZichWelEensOnveiligInBuurt_2"},
        ...                    region="GM0141", references={"NL01": "Nederland"})
        >>> [(f.region, f.measurement.period.label, f.measurement.value) for f in figures][3:]
        [('Nederland', '2013', 4.9), ('Nederland', '2017', 4.3), ('Nederland', '2019', 3.9)]
    """
    where = as_path(path, element="CBS export")
    if not isinstance(mapping, Mapping):
        raise ValidationError(
            "mapping must map indicator ids to topic keys or CbsColumn values",
            element=f"{where}: mapping",
            value=mapping,
        )
    for name, argument in (("region", region), ("table", table)):
        if argument is not None and not isinstance(argument, str):
            raise ValidationError(f"{name} must be a text or None", element=name, value=argument)
    wanted_references = _check_references(references, region, f"{where}: references")
    read, table_in_file = _read_rows(where)
    table_id = table or table_in_file
    origin = str(where)
    if not read:
        raise FileFormatError("holds no rows", element=origin)
    rows, dimensions = table_of(read, origin)
    if PERIOD_DIMENSION not in dimensions:
        raise FileFormatError(
            f"has no {PERIOD_DIMENSION} column: is it a CBS table export with codes?",
            element=origin,
            value=sorted(rows[0]),
        )
    source = _source(table_id)
    decimal_comma = any(isinstance(v, str) and "," in v for row in rows for v in row.values())
    selections = [("", _select_region(rows, dimensions, region, origin, wanted_references))]
    selections += [
        (name, _select_region(rows, dimensions, code, origin, {}))
        for code, name in wanted_references.items()
    ]
    figures: list[Figure] = []
    for name, selected in selections:
        if not selected:
            continue  # the table holds the references only
        for indicator_id, wanted in mapping.items():
            spec = wanted if isinstance(wanted, CbsColumn) else CbsColumn(wanted)
            figures.extend(
                _figures(
                    selected,
                    dimensions,
                    indicator_id,
                    spec,
                    origin=origin,
                    source=source,
                    decimal_comma=decimal_comma,
                    region=name,
                )
            )
    return tuple(figures)


def _check_references(
    references: Mapping[str, str] | None, region: str | None, element: str
) -> dict[str, str]:
    """``references`` as region code to name, checked: texts, no name twice, not the region."""
    if references is None:
        return {}
    if not isinstance(references, Mapping):
        raise ValidationError(
            'references must map region codes to names, e.g. {"NL01": "Nederland"}',
            element=element,
            value=references,
        )
    checked: dict[str, str] = {}
    for code, name in references.items():
        if not isinstance(code, str) or not code.strip():
            raise ValidationError("a region code must be a text", element=element, value=code)
        if not isinstance(name, str) or not name.strip():
            raise ValidationError(
                f"the name of region {code!r} must be a text", element=element, value=name
            )
        if region is not None and code.strip() == region.strip():
            raise ValidationError(
                "names the programme's own region as a reference", element=element, value=code
            )
        if name.strip() in checked.values():
            raise ValidationError(
                "names two regions by one name", element=element, value=name.strip()
            )
        checked[code.strip()] = name.strip()
    return checked


def load_cbs(
    programme: Programme,
    path: str | os.PathLike[str],
    mapping: Mapping[str, str | CbsColumn],
    *,
    region: str | None = None,
    references: Mapping[str, str] | None = None,
    table: str | None = None,
    replace: bool = False,
) -> Programme:
    """A new programme with the figures of a saved CBS table added.

    :func:`read_cbs` reads them, :func:`~progmon.io.add_measurements` adds
    them by the same rules as a CSV file (a replaced figure is reported in a
    :class:`~progmon.errors.ProgmonWarning`); the figures of the
    ``references`` regions go to the indicators' references of those names,
    made where an indicator has none yet.

    Example:
        >>> from progmon.io import load
        >>> p = load("tests/fixtures/figures_programme.toml")
        >>> p2 = load_cbs(p, "tests/fixtures/cbs_85146NED_typed.json",
        ...               {"onveilig_buurt": "VoeltZichWelEensOnveiligInBuurt_2"}, region="GM0141")
        >>> p2.indicator("onveilig_buurt").measurement(2019).margin
        <Quantity(0.6, 'percent')>
        >>> p3 = load_cbs(p, "tests/fixtures/cbs_85146NED_typed.json",
        ...               {"onveilig_buurt": "VoeltZichWelEensOnveiligInBuurt_2"}, region="GM0141",
        ...               references={"NL01": "Nederland"})
        >>> p3.indicator("onveilig_buurt").reference("Nederland").latest.value
        <Quantity(3.9, 'percent')>
    """
    figures = read_cbs(path, mapping, region=region, references=references, table=table)
    merge = add_measurements(programme, figures, replace=replace)
    warn_replaced(merge, str(path))
    return merge.programme


def fetch_cbs(table: str, directory: str | os.PathLike[str], *, filters: str | None = None) -> Path:
    """Download CBS table ``table`` into ``directory``; return the file to read.

    Needs the network and the ``cbsodata`` package (``pip install
    "progmon-nl[cbs]"``). ``filters`` is an OData filter, e.g.
    ``"RegioS eq 'GM0141'"``. The saved ``TypedDataSet.json`` is what
    :func:`read_cbs` reads, so a monitor can be rerun offline.

    Raises:
        ModuleNotFoundError: ``cbsodata`` is not installed.

    Example:
        Once downloaded (this needs the network), the table is read offline
        like any saved export:

        >>> path = fetch_cbs("85146NED", "cbs", filters="RegioS eq 'GM0141'")  # doctest: +SKIP
        >>> path.name  # doctest: +SKIP
        'TypedDataSet.json'
    """
    try:
        import cbsodata
    except ModuleNotFoundError as e:
        raise ModuleNotFoundError(
            'fetching CBS tables needs the cbsodata package: pip install "progmon-nl[cbs]"',
            name="cbsodata",
        ) from e
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    cbsodata.download_data(table, dir=str(target), typed=True, filters=filters)
    return target / "TypedDataSet.json"


# --------------------------------------------------------------------------- reading files


def _read_rows(path: Path) -> tuple[list[dict[str, Any]], str | None]:
    text = read_text(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return _json_rows(text, str(path))
    if suffix == ".csv":
        return _csv_rows(text, str(path)), None
    raise FileFormatError(
        "is not a CBS export: its name must end in .json or .csv", element=str(path)
    )


def _json_rows(text: str, origin: str) -> tuple[list[dict[str, Any]], str | None]:
    data = parse_json(text, origin)
    table_id = None
    if isinstance(data, dict):
        # OData v3 says where the rows come from in odata.metadata, v4 in @odata.context.
        metadata = data.get("odata.metadata", data.get("@odata.context", ""))
        if isinstance(metadata, str) and (match := _TABLE_ID.search(metadata)):
            table_id = match[1]
        data = data.get("value")
    if not isinstance(data, list) or not all(isinstance(row, dict) for row in data):
        raise FileFormatError(
            'is not an OData export: expected {"value": [rows]} or a list of rows',
            element=origin,
        )
    # A table: every row has the columns of the first, as every line of a CSV export does.
    columns = set(data[0]) if data else set()
    for index, row in enumerate(data):
        if set(row) != columns:
            missing, extra = sorted(columns - set(row)), sorted(set(row) - columns)
            raise FileFormatError(
                "has a row whose columns differ from the first row's"
                f"{f' (missing {missing})' if missing else ''}"
                f"{f' (extra {extra})' if extra else ''}",
                element=f"{origin}: value[{index}]",
            )
    return data, table_id


def _csv_rows(text: str, origin: str) -> list[dict[str, Any]]:
    header = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if ";" in header else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            if None in row or any(value is None for value in row.values()):
                raise FileFormatError(
                    "has a row whose cells do not match the header",
                    element=f"{origin} line {reader.line_num}",
                )
            rows.append(dict(row))
    except csv.Error as e:
        raise FileFormatError(
            f"is not valid CSV: {e}", element=f"{origin} line {reader.line_num}"
        ) from e
    return rows


# --------------------------------------------------------------------------- tables


#: The columns of an observation of CBS's OData v4 (one figure a row), besides its dimensions.
_OBSERVATION: Final = ("Id", "ID", "Measure", "ValueAttribute", "Value", "StringValue")


def table_of(
    rows: Sequence[Mapping[str, Any]], origin: str
) -> tuple[list[dict[str, Any]], list[str]]:
    """The rows of a table (a topic a column) and its dimensions, from the rows a file holds.

    A v3 table (``TypedDataSet``, the CSV export) has a column for each
    topic, whose key ends in ``_`` and a number. A v4 table's observations
    (``Observations``, as ``cbsodata4`` and the CBS data portal save them)
    are one figure a row: ``Measure`` names its topic, ``Value`` holds it and
    ``ValueAttribute`` says why it is missing; these are made into the rows
    of a v3 table, a column for each measure, so that every other rule is
    the same. A label column that a tool added beside a code
    (``PeriodenLabel``, ``MeasureLabel``) is left out.

    Raises:
        FileFormatError: an observation for a measure that a row has already.

    Example:
        >>> observations = [
        ...     {"Id": 0, "Measure": "M001", "ValueAttribute": "None", "Value": 36.5,
        ...      "Perioden": "2019JJ00"},
        ...     {"Id": 1, "Measure": "M002", "ValueAttribute": "Confidential", "Value": None,
        ...      "Perioden": "2019JJ00"},
        ... ]
        >>> table_of(observations, "obs.json")
        ([{'Perioden': '2019JJ00', 'M001': 36.5, 'M002': 'x'}], ['Perioden'])
    """
    first = rows[0]
    if "Measure" not in first or "Value" not in first:
        dimensions = [key for key in first if key != "ID" and not _TOPIC.search(key)]
        return [dict(row) for row in rows], dimensions
    dimensions = [
        key
        for key in first
        if key not in _OBSERVATION
        and not key.startswith("Measure")
        and not (key.endswith("Label") and key[: -len("Label")] in first)
    ]
    table: dict[tuple[str, ...], dict[str, Any]] = {}
    measures: dict[str, None] = {}
    for index, row in enumerate(rows):
        measure = _code(row["Measure"])
        key = tuple(_code(row[dimension]) for dimension in dimensions)
        wide = table.setdefault(key, {dimension: row[dimension] for dimension in dimensions})
        if measure in wide:
            raise FileFormatError(
                f"has a second observation of measure {measure} for "
                f"{', '.join(f'{d} {c}' for d, c in zip(dimensions, key, strict=True))}",
                element=f"{origin}: row {index}",
                value=measure,
            )
        wide[measure] = _observed(row)
        measures[measure] = None
    for wide in table.values():
        for measure in measures:
            wide.setdefault(measure, None)  # no observation: a missing figure
    return list(table.values()), dimensions


def _observed(row: Mapping[str, Any]) -> Any:
    """The cell of an observation as a v3 table holds it: the figure, or a CBS symbol."""
    value = row["Value"]
    if value is None or (isinstance(value, str) and not value.strip()):
        return "x" if _code(row.get("ValueAttribute")) == "Confidential" else "."
    return value


# --------------------------------------------------------------------------- selecting


def _code(value: object) -> str:
    return str(value).strip()


def _select_region(
    rows: list[dict[str, Any]],
    dimensions: list[str],
    region: str | None,
    origin: str,
    references: Mapping[str, str],
) -> list[dict[str, Any]]:
    """The rows of ``region``; without one, of the one region that is not a reference."""
    dimension = next((d for d in REGION_DIMENSIONS if d in dimensions), None)
    if dimension is None:
        if region is not None or references:
            raise ValidationError(
                "has no region dimension, but a region was asked for",
                element=origin,
                value=region if region is not None else next(iter(references)),
            )
        return rows
    present = sorted({_code(row[dimension]) for row in rows})
    if region is None:
        if references:
            own = [code for code in present if code not in references]
            if len(own) > 1:
                raise AmbiguityError(
                    f"holds {len(own)} regions besides the references: say which one is the "
                    "programme's with region=",
                    element=origin,
                    value=own[:5],
                )
            return [row for row in rows if _code(row[dimension]) in own]
        if len(present) > 1:
            raise AmbiguityError(
                f"holds {len(present)} regions: say which one with region=",
                element=origin,
                value=present[:5],
            )
        return rows
    wanted = region.strip()
    selected = [row for row in rows if _code(row[dimension]) == wanted]
    if not selected:
        raise ValidationError(
            f"has no rows for this region (it has {', '.join(present[:5])}"
            f"{', ...' if len(present) > 5 else ''})",
            element=f"{origin}: {dimension}",
            value=region,
        )
    return selected


def _figures(
    rows: list[dict[str, Any]],
    dimensions: list[str],
    indicator_id: str,
    spec: CbsColumn,
    *,
    origin: str,
    source: Source,
    decimal_comma: bool,
    region: str = "",
) -> list[Figure]:
    if spec.column not in rows[0]:
        topics = [key for key in rows[0] if key not in dimensions and key != "ID"]
        raise ValidationError(
            f"has no column with this key (its topics: {', '.join(topics)})",
            element=f"{origin}: mapping for {indicator_id!r}",
            value=spec.column,
        )
    selected = rows
    for dimension, code in spec.where.items():
        if dimension not in dimensions:
            raise ValidationError(
                f"is not a dimension of the table (its dimensions: {', '.join(dimensions)})",
                element=f"{origin}: mapping for {indicator_id!r}",
                value=dimension,
            )
        selected = [row for row in selected if _code(row[dimension]) == code.strip()]
        if not selected:
            raise ValidationError(
                f"is not a code of dimension {dimension} in the selected rows",
                element=f"{origin}: mapping for {indicator_id!r}",
                value=code,
            )
    free = [
        d
        for d in dimensions
        if d not in (PERIOD_DIMENSION, MARGIN_DIMENSION, *REGION_DIMENSIONS, *spec.where)
    ]
    for dimension in free:
        codes = sorted({_code(row[dimension]) for row in selected})
        if len(codes) > 1:
            raise AmbiguityError(
                f"leaves several codes of dimension {dimension}: choose one with "
                f"CbsColumn({spec.column!r}, where={{{dimension!r}: ...}})",
                element=f"{origin}: mapping for {indicator_id!r}",
                value=codes[:5],
            )
    by_period: dict[str, dict[str, Any]] = {}
    for row in selected:
        margin_code = _code(row.get(MARGIN_DIMENSION, VALUE))
        by_period.setdefault(_code(row[PERIOD_DIMENSION]), {})[margin_code] = row[spec.column]
    unit = (
        units.to_unit(spec.unit, element=f"{origin}: mapping for {indicator_id!r} unit")
        if spec.unit is not None
        else None
    )
    figures = []
    for period_code, cells in by_period.items():
        where = f"{origin}: {spec.column} {f'{region} ' if region else ''}{period_code}"
        try:
            period = parse_period(period_code)
            measurement = _measurement(period, cells, unit, source, decimal_comma=decimal_comma)
        except ProgmonError as e:
            raise _located(e, where) from e
        figures.append(Figure(indicator_id, measurement, where, region=region))
    return figures


def _measurement(
    period: Period,
    cells: Mapping[str, Any],
    unit: Any,
    source: Source,
    *,
    decimal_comma: bool,
) -> Measurement:
    if VALUE not in cells:
        raise FileFormatError(f"has no {VALUE} (value) row in {MARGIN_DIMENSION}")
    value, note = _cell(cells[VALUE], decimal_comma=decimal_comma)
    margin = None
    if value is not None and LOWER in cells and UPPER in cells:
        lower, _ = _cell(cells[LOWER], decimal_comma=decimal_comma)
        upper, _ = _cell(cells[UPPER], decimal_comma=decimal_comma)
        if lower is not None and upper is not None:
            # A margin is one half-width; CBS bounds can be asymmetric: take the wider side.
            # Rounded to 12 decimals: 3.4 - 2.8 is 0.6, not 0.6000000000000001.
            margin = round(max(value - lower, upper - value), 12)
    if unit is not None:
        value = None if value is None else units.Quantity(value, unit)
        margin = None if margin is None else units.Quantity(margin, unit)
    return Measurement(period, value, margin=margin, source=source, note=note)


def _cell(cell: object, *, decimal_comma: bool) -> tuple[float | None, str]:
    if cell is None:
        return None, _MISSING_SYMBOLS["."]
    if isinstance(cell, bool):
        raise FileFormatError("is not a figure", value=cell)
    if isinstance(cell, int | float):
        return cell, ""
    if isinstance(cell, str):
        text = cell.strip()
        if text in _MISSING_SYMBOLS or not text:
            return None, _MISSING_SYMBOLS.get(text, _MISSING_SYMBOLS["."])
        if text == "-":
            return 0.0, ""
        return parse_number(text, decimal_comma=decimal_comma), ""
    raise FileFormatError("is not a figure", value=cell)


def _source(table_id: str | None) -> Source:
    if table_id is None:
        return Source("StatLine", publisher="CBS")
    return Source(
        f"StatLine {table_id}",
        publisher="CBS",
        url=f"https://opendata.cbs.nl/#/CBS/nl/dataset/{table_id}/table",
    )


# --------------------------------------------------------------------------- beside a programme

#: The key of a programme file that names the CBS exports beside it.
CBS_KEY: Final = "cbs"

_SOURCE_KEYS: Final = ("file", "columns", "region", "references", "table")
_COLUMN_KEYS: Final = ("column", "where", "unit")


@attrs.frozen
class CbsSource:
    """A saved CBS table beside a programme file: one ``[[cbs]]`` table of the file.

    ``file`` is relative to the programme file; ``columns`` maps indicator
    ids to the topic key each takes, or to a :class:`CbsColumn`; ``region``,
    ``references`` and ``table`` are as :func:`read_cbs` takes them. A
    figure of the table for a place that has one already (in the programme
    file, a figure file, an earlier table) is an error naming both: a table
    corrects nothing silently.

    Example:
        >>> source = CbsSource("cbs/85146NED.json", {"onveilig": "VoeltZichWelEensOnveilig_1"})
        >>> source.file, source.region
        ('cbs/85146NED.json', None)
    """

    file: str
    columns: Mapping[str, str | CbsColumn]
    region: str | None = None
    references: Mapping[str, str] = attrs.field(factory=dict)
    table: str | None = None


def cbs_sources_of(value: object, origin: str) -> tuple[CbsSource, ...]:
    """The CBS exports a programme file's ``[[cbs]]`` tables name, checked.

    Raises:
        FileFormatError: naming the key (``cbs[0].columns.x``): not a list
            of tables, an unknown key, a file name that is not relative, a
            column that is neither a topic key nor a table of ``column``,
            ``where`` and ``unit``.

    Example:
        >>> [source] = cbs_sources_of(
        ...     [{"file": "85146NED.json", "region": "GM0141",
        ...       "columns": {"onveilig": "VoeltZichWelEensOnveiligInBuurt_2"}}], "p.toml")
        >>> source.region, source.columns
        ('GM0141', {'onveilig': CbsColumn(column='VoeltZichWelEensOnveiligInBuurt_2', ...)})
        >>> cbs_sources_of([{"file": "/tmp/x.json", "columns": {}}], "p.toml")
        Traceback (most recent call last):
        ...
        progmon.errors.FileFormatError: p.toml: cbs[0].file: must be relative to the programme ...
    """
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list) or not value:
        raise FileFormatError(
            'must be a list of tables ([[cbs]] file = "cbs/85146NED.json" ...)',
            element=f"{origin}: {CBS_KEY}",
            value=value,
        )
    return tuple(_source_of(table, f"{origin}: {CBS_KEY}[{i}]") for i, table in enumerate(value))


def _source_of(table: object, element: str) -> CbsSource:
    if not isinstance(table, dict):
        raise FileFormatError("must be a table of file, columns, ...", element=element, value=table)
    _refuse_unknown_keys(table, _SOURCE_KEYS, element)
    file = table.get("file")
    if not isinstance(file, str) or not file.strip():
        raise FileFormatError(
            "must name the saved table, relative to the programme file",
            element=f"{element}.file",
            value=file,
        )
    check_relative(file, element=f"{element}.file")
    columns = table.get("columns")
    if not isinstance(columns, dict) or not columns:
        raise FileFormatError(
            "must map indicator ids to the table's topic keys "
            '([cbs.columns] onveilig = "VoeltZichWelEensOnveiligInBuurt_2")',
            element=f"{element}.columns",
            value=columns,
        )
    for key in ("region", "table"):
        if table.get(key) is not None and not isinstance(table[key], str):
            raise FileFormatError("must be a text", element=f"{element}.{key}", value=table[key])
    references = table.get("references", {})
    if not isinstance(references, dict):
        raise FileFormatError(
            'must map region codes to names (references = { NL01 = "Nederland" })',
            element=f"{element}.references",
            value=references,
        )
    return CbsSource(
        file,
        {
            indicator: _column_of(given, f"{element}.columns.{indicator}")
            for indicator, given in columns.items()
        },
        region=table.get("region"),
        references=references,
        table=table.get("table"),
    )


def _refuse_unknown_keys(table: Mapping[str, Any], keys: tuple[str, ...], element: str) -> None:
    unknown = sorted(set(table) - set(keys))
    if unknown:
        meant = close_key(unknown[0], list(keys))
        advice = f" (did you mean {meant!r}? keys are case-sensitive)" if meant else ""
        raise FileFormatError(
            f"has an unknown key{advice}; the keys are {', '.join(keys)}",
            element=element,
            value=unknown[0],
        )


def _column_of(given: object, element: str) -> CbsColumn:
    if isinstance(given, str):
        return CbsColumn(given)
    if not isinstance(given, dict):
        raise FileFormatError(
            "must be a topic key, or a table of column, where and unit",
            element=element,
            value=given,
        )
    _refuse_unknown_keys(given, _COLUMN_KEYS, element)
    unit = given.get("unit")
    if unit is not None and not isinstance(unit, str):
        raise FileFormatError("must be a unit, as text", element=f"{element}.unit", value=unit)
    try:
        return CbsColumn(given.get("column", ""), where=given.get("where", {}), unit=unit)
    except ValidationError as e:
        raise FileFormatError(e.message, element=element, value=e.value) from None


def read_cbs_source(source: CbsSource, base: Path, origin: str) -> tuple[Figure, ...]:
    """The figures of ``source``, its file relative to ``base``, as :func:`read_cbs` reads them.

    ``origin`` names the ``[[cbs]]`` table in an error about its file.

    Example:
        >>> source = CbsSource("cbs_85146NED_typed.json",
        ...                    {"onveilig": "VoeltZichWelEensOnveiligInBuurt_2"}, region="GM0141")
        >>> figures = read_cbs_source(source, Path("tests/fixtures"), "p.toml: cbs[0]")
        >>> [(f.measurement.period.label, f.measurement.value) for f in figures]
        [('2013', 5.4), ('2017', 4.4), ('2019', 3.4)]
        >>> read_cbs_source(CbsSource("no.json", {}), Path("tests"), "p.toml: cbs[0]")
        Traceback (most recent call last):
        ...
        progmon.errors.FileFormatError: p.toml: cbs[0].file: names no file beside the programme ...
    """
    path = base / source.file
    if not path.is_file():
        raise FileFormatError(
            "names no file beside the programme file", element=f"{origin}.file", value=source.file
        )
    return read_cbs(
        path,
        source.columns,
        region=source.region,
        references=source.references,
        table=source.table,
    )
