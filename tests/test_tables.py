"""Tables out (issue 12): the figures, status and roll-up tables, their CSV and their DataFrames.

The Almelo figures are checked against the seed document's own tables and
prose, read by the helpers of test_example (not against the programme file
the tables are made of); the statuses against the assessment objects and
the numbers the seed publishes. Properties hold the tables to every
generated programme and its assessment, and the CSV to every cell.
"""

from __future__ import annotations

import csv
import io
import math
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import progmon
from progmon import IndicatorKind, Programme, Status
from progmon.assessment import IndicatorAssessment, ProgrammeAssessment
from progmon.errors import ProgmonError, ProgmonFileError, ValidationError
from progmon.io import read_measurements_text
from progmon.tables import (
    FIGURE_COLUMNS,
    ROLLUP_COLUMNS,
    STATUS_COLUMNS,
    TABLES,
    TablesExtraMissing,
    csv_cell,
    figure_rows,
    rollup_rows,
    status_rows,
    to_frame,
    write_csv,
)
from strategies import assessed_programmes, programmes, table_cells, table_texts
from test_example import flat, lines, number, parse_table, seed  # noqa: F401  # fixtures

ROOT = Path(__file__).parents[1]
TOML = ROOT / "examples" / "veiligheid.toml"
CELL_TYPES = (type(None), bool, int, float, str, date)
# OWASP, "CSV Injection": what a spreadsheet takes for the start of a formula.
FORMULA = re.compile(r"^(?:[=+\-@\t\r]|\s*[=+\-@])")


@pytest.fixture(scope="module")
def almelo() -> Programme:
    return progmon.load(TOML)


@pytest.fixture(scope="module")
def midterm(almelo: Programme) -> ProgrammeAssessment:
    return progmon.assess(almelo, as_of=2020)


def every_indicator(programme: Programme) -> Iterator[progmon.Indicator]:
    for top in programme.indicators():
        yield from top.walk()


def every_node(result: Any) -> Iterator[IndicatorAssessment]:
    def walk(node: IndicatorAssessment) -> Iterator[IndicatorAssessment]:
        yield node
        for component in node.components:
            yield from walk(component)

    for top in result.indicators():
        yield from walk(top)


def rows_by(rows: list[dict[str, Any]], *keys: str) -> dict[Any, dict[str, Any]]:
    found: dict[Any, dict[str, Any]] = {}
    for row in rows:
        key = row[keys[0]] if len(keys) == 1 else tuple(row[k] for k in keys)
        assert key not in found, f"two rows for {key}"
        found[key] = row
    return found


def magnitude(quantity: Any) -> float | None:
    return None if quantity is None else float(quantity.magnitude)


def read_back(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


# --------------------------------------------------------------------------- columns


# The columns are a contract with every spreadsheet and script that reads an export:
# written out here, so that renaming one fails.
PLACE = ("programme", "ambition", "goal", "indicator", "indicator_name", "component_of", "kind")


def test_the_columns_are_the_published_ones() -> None:
    assert (
        *PLACE,
        "region",
        *("period", "period_label", "period_start", "period_end", "value", "unit", "margin"),
        *("sample_size", "source", "source_publisher", "note", "provisional", "baseline"),
    ) == FIGURE_COLUMNS
    assert (
        *PLACE,
        *("unit", "direction", "target", "status", "reason", "as_of", "method", "deadline"),
        *("baseline_period", "baseline_value", "latest_period", "latest_value", "target_value"),
        *("change", "change_points", "relative_change", "significant", "slope", "trend"),
        *("projection", "expected", "ratio", "progress", "expected_progress", "rate"),
    ) == STATUS_COLUMNS
    assert (
        *("programme", "level", "ambition", "goal", "name", "status", "as_of", "method"),
        *("deadline", "indicators", "n_achieved", "n_on_track", "n_at_risk", "n_off_track"),
        *("n_deteriorating", "n_not_measured", "n_insufficient_data", "n_no_target"),
    ) == ROLLUP_COLUMNS
    for columns in TABLES.values():
        assert len(columns) == len(set(columns))
        assert all(re.fullmatch(r"[a-z][a-z0-9_]*", column) for column in columns)


def test_table_names() -> None:
    assert TABLES == {"figures": FIGURE_COLUMNS, "status": STATUS_COLUMNS, "rollup": ROLLUP_COLUMNS}


def test_the_figures_table_names_its_columns_as_a_figures_file_does() -> None:
    from progmon.io._csv import OPTIONAL_COLUMNS, REQUIRED_COLUMNS

    # A figure's own fields; a file may say more (``replaces``: a correction), a table not.
    shared = {"indicator", "period", "value", "unit", "source", "margin", "sample_size", "note"}
    shared.add("provisional")
    assert set(REQUIRED_COLUMNS) <= shared <= set(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)
    assert shared <= set(FIGURE_COLUMNS)


def test_one_count_column_per_status() -> None:
    counts = [c for c in ROLLUP_COLUMNS if c.startswith("n_")]
    assert counts == [f"n_{s.value.replace('-', '_')}" for s in Status]


def test_every_row_has_the_columns_in_order_and_plain_cells(
    almelo: Programme, midterm: ProgrammeAssessment
) -> None:
    for rows, columns in (
        (figure_rows(almelo), FIGURE_COLUMNS),
        (status_rows(midterm), STATUS_COLUMNS),
        (rollup_rows(midterm), ROLLUP_COLUMNS),
    ):
        assert rows
        for row in rows:
            assert tuple(row) == columns
            assert all(type(cell) in CELL_TYPES for cell in row.values()), row


# --------------------------------------------------------------------------- figures, Almelo


def test_every_measurement_appears_exactly_once(almelo: Programme) -> None:
    rows = figure_rows(almelo)
    expected = [(i.id, m.period) for i in every_indicator(almelo) for m in i.measurements]
    assert len(rows) == len(expected) == 39
    found = [(r["indicator"], progmon.io.parse_period(r["period"])) for r in rows]
    assert sorted(found, key=str) == sorted(expected, key=str)
    assert len(set(found)) == len(found)


def test_woonoverlast_table_of_the_seed(lines: list[str], almelo: Programme) -> None:  # noqa: F811
    years, table = parse_table(lines, "Woonoverlast")
    rows = rows_by(figure_rows(almelo), "indicator_name", "period")
    for name, figures in table.items():
        for year, figure in zip(years, figures, strict=True):
            row = rows[name, str(year)]
            assert row["value"] == figure
            assert row["unit"] == "report"
            assert row["component_of"] == "woonoverlast"
            assert row["goal"] == "verward-gedrag"
            assert row["source"] == "Politie jaarcijfers 2019"
            assert row["period_start"] == date(year, 1, 1)
            assert row["period_end"] == date(year, 12, 31)
    totals = {
        r["period"]: r["value"] for r in figure_rows(almelo) if r["indicator"] == "woonoverlast"
    }
    summed = [sum(column) for column in zip(*table.values(), strict=True)]
    assert totals == {str(year): total for year, total in zip(years, summed, strict=True)}


def test_veiligheidsbeleving_table_of_the_seed(lines: list[str], almelo: Programme) -> None:  # noqa: F811
    years, table = parse_table(lines, "Veiligheidsbeleving")
    rows = [r for r in figure_rows(almelo) if r["goal"] is None]
    assert len(rows) == len(years) * len(table) == 15
    by_name = rows_by(rows, "indicator_name", "period")
    for name, figures in table.items():
        for year, figure in zip(years, figures, strict=True):
            row = next(r for (n, p), r in by_name.items() if flat(n) == name and p == str(year))
            assert math.isclose(row["value"], figure)
            assert row["kind"] == "context"
            assert row["unit"] == "percent"
            assert row["source"] == "Veiligheidsmonitor CBS 2019, Kernpublicatie 2 maart 2020"
            assert row["source_publisher"] == "CBS"
            # "2013 is als nulmeting gebruikt en respectievelijk 2017 en 2019 als peiljaren."
            assert row["baseline"] is (year == 2013)


def test_satisfaction_22_to_32_with_its_labelled_period(seed: str, almelo: Programme) -> None:  # noqa: F811
    match = re.search(
        r"bedraagt namelijk (\d+)% in (\d{4}), ten opzichte van (\d+)% in (\d{4})", seed
    )
    assert match is not None
    rows = [r for r in figure_rows(almelo) if r["indicator"] == "tevredenheid-handhaving"]
    assert [(r["period"], r["period_label"], r["value"]) for r in rows] == [
        (match[4], match[4], number(match[3])),
        (f"{match[2]}-12", f"december {match[2]}", number(match[1])),
    ]
    assert rows[1]["period_start"] == date(2019, 12, 1)
    assert rows[0]["note"] == "peiljaar"
    assert rows[1]["note"] is None


def test_a_context_indicator_of_a_goal_and_the_731_reports(seed: str, almelo: Programme) -> None:  # noqa: F811
    match = re.search(r"In (\d{4}) zijn er (\d+) meldingen van overlast door kwetsbare", seed)
    assert match is not None
    [row] = [r for r in figure_rows(almelo) if r["indicator"] == "meldingen-verward-gedrag"]
    assert (row["period"], row["value"], row["kind"], row["goal"]) == (
        match[1],
        float(match[2]),
        "context",
        "verward-gedrag",
    )


def test_unmeasured_indicators_have_no_figure_rows(almelo: Programme) -> None:
    ids = {r["indicator"] for r in figure_rows(almelo)}
    assert "misdrijven" not in ids
    assert "meldingsbereidheid" not in ids


def test_a_missing_figure_is_a_row_with_its_note() -> None:
    ind = progmon.Indicator(
        id="x",
        name="X",
        unit="percent",
        measurements=[
            progmon.Measurement(2019, 31.5, margin=1.2, sample_size=800, provisional=True),
            progmon.Measurement(2020, note="cijfers volgen"),
        ],
        source=progmon.Source("Burgerpanel"),
    )
    p = Programme(
        id="p",
        name="P",
        ambitions=[progmon.Ambition(title="A", context=[ind])],
    )
    first, missing = figure_rows(p)
    assert (first["value"], first["margin"], first["sample_size"], first["provisional"]) == (
        31.5,
        1.2,
        800,
        True,
    )
    assert first["source"] == "Burgerpanel"  # the indicator's, as the review cites it
    assert first["source_publisher"] is None
    assert (missing["value"], missing["note"], missing["baseline"]) == (
        None,
        "cijfers volgen",
        False,
    )


def test_a_rate_is_written_in_the_unit_files_write() -> None:
    ind = progmon.Indicator(
        id="r",
        name="R",
        unit="report / thousand_inhabitants",
        measurements=[progmon.Measurement(2019, 12.5)],
    )
    p = Programme(id="p", name="P", ambitions=[progmon.Ambition(title="A", context=[ind])])
    data = progmon.io.converter.unstructure(ind, progmon.Indicator)
    assert figure_rows(p)[0]["unit"] == data["unit"]
    assert progmon.assess(p, as_of=2019) is not None
    assert status_rows(progmon.assess(p, as_of=2019))[0]["unit"] == data["unit"]


def test_figures_written_as_csv_read_back_as_a_figures_file(almelo: Programme) -> None:
    columns = ("indicator", "period", "value", "unit", "source", "margin", "sample_size", "note")
    out = io.StringIO()
    write_csv(figure_rows(almelo), columns, out)
    figures = read_measurements_text(out.getvalue(), origin="export.csv")
    expected = [(i.id, m) for i in every_indicator(almelo) for m in i.measurements]
    assert len(figures) == len(expected)
    for figure, (ident, measurement) in zip(figures, expected, strict=True):
        got = figure.measurement
        assert figure.indicator == ident
        assert got.period == measurement.period
        assert got.value == measurement.value
        assert got.note == measurement.note
        assert (got.source and got.source.title) == (
            measurement.source and measurement.source.title
        )


# --------------------------------------------------------------------------- statuses, Almelo


def test_a_status_row_per_indicator_assessment(midterm: ProgrammeAssessment) -> None:
    rows = status_rows(midterm)
    nodes = list(every_node(midterm))
    assert [r["indicator"] for r in rows] == [n.indicator.id for n in nodes]
    assert len(rows) == 21
    for row, node in zip(rows, nodes, strict=True):
        assert row["status"] == node.status.value
        assert row["reason"] == node.reason
        assert row["as_of"] == 2020
        assert row["method"] == "growth-ratio"
        assert row["change"] == magnitude(node.change)
        assert row["rate"] == node.rate
        assert row["programme"] == "veiligheid"
        assert row["ambition"] == "Samen maken we Almelo veiliger!"


def test_woonoverlast_status_from_the_seed(lines: list[str], midterm: ProgrammeAssessment) -> None:  # noqa: F811
    years, table = parse_table(lines, "Woonoverlast")
    first = sum(figures[0] for figures in table.values())
    last = sum(figures[-1] for figures in table.values())
    rows = rows_by(status_rows(midterm), "indicator")
    row = rows["woonoverlast"]
    assert (row["baseline_period"], row["latest_period"]) == (str(years[0]), str(years[-1]))
    assert (row["baseline_value"], row["latest_value"]) == (first, last) == (1089, 973)
    assert row["change"] == last - first
    assert row["relative_change"] == pytest.approx((last - first) / first)
    assert (row["status"], row["reason"], row["target"], row["direction"]) == (
        "achieved",
        "target-met",
        "improve",
        "decrease",
    )
    assert row["deadline"] == 2022
    assert row["change_points"] is None  # reports are no share
    burengerucht = rows["woonoverlast-burengerucht"]
    start, end = table["Burengerucht"][0], table["Burengerucht"][-1]
    assert burengerucht["component_of"] == "woonoverlast"
    assert burengerucht["rate"] == pytest.approx(1 - (end / start) ** (1 / (years[-1] - years[0])))


def test_satisfaction_rose_ten_points(seed: str, midterm: ProgrammeAssessment) -> None:  # noqa: F811
    match = re.search(
        r"bedraagt namelijk (\d+)% in (\d{4}), ten opzichte van (\d+)% in (\d{4})", seed
    )
    assert match is not None
    row = rows_by(status_rows(midterm), "indicator")["tevredenheid-handhaving"]
    assert row["change_points"] == pytest.approx(number(match[1]) - number(match[3]))
    assert row["latest_period"] == f"{match[2]}-12"
    assert row["unit"] == "percent"


def test_not_measured_rows_keep_their_place(midterm: ProgrammeAssessment) -> None:
    row = rows_by(status_rows(midterm), "indicator")["misdrijven"]
    assert row["status"] == "not-measured"
    assert row["baseline_period"] is row["latest_period"] is row["change"] is None
    assert row["target"] == "change"
    assert row["goal"] == "veiligheidsgevoel"


def test_status_rows_of_a_goal_and_an_indicator(midterm: ProgrammeAssessment) -> None:
    goal = next(midterm.goals())
    rows = status_rows(goal)
    assert [r["goal"] for r in rows] == [goal.goal.id] * len(rows)
    assert {r["programme"] for r in rows} == {r["ambition"] for r in rows} == {None}
    woonoverlast = goal.indicator_assessments[1]
    assert [r["indicator"] for r in status_rows(woonoverlast)] == [
        "woonoverlast",
        "woonoverlast-burengerucht",
        "woonoverlast-huiselijke-twist",
        "woonoverlast-geluidsoverlast",
    ]
    ambition = next(midterm.ambitions())
    assert status_rows(ambition) == [{**r, "programme": None} for r in status_rows(midterm)]


# --------------------------------------------------------------------------- roll-ups


def test_rollup_rows_of_the_midterm(midterm: ProgrammeAssessment) -> None:
    rows = rollup_rows(midterm)
    assert [(r["level"], r["goal"]) for r in rows] == [
        ("programme", None),
        ("ambition", None),
        *(("goal", g.goal.id) for g in midterm.goals()),
    ]
    top = rows[0]
    # The ProgrammeAssessment's example: two achieved, five not measured yet.
    assert (top["status"], top["n_achieved"], top["n_not_measured"]) == ("on-track", 2, 5)
    assert top["name"] == "Programma Veiligheid"
    nodes = [midterm, *midterm.ambitions(), *midterm.goals()]
    for row, node in zip(rows, nodes, strict=True):
        assert row["status"] == node.status.value
        assert row["indicators"] == sum(row[f"n_{s.value.replace('-', '_')}"] for s in Status)
        for status in Status:
            assert row[f"n_{status.value.replace('-', '_')}"] == node.counts.get(status, 0)
    # Context indicators and components are not counted.
    counted = [
        n
        for g in midterm.goals()
        for n in g.indicators()
        if n.indicator.kind is not IndicatorKind.CONTEXT
    ]
    assert top["indicators"] == len(counted) == 9
    goal = rows_by(rows[2:], "goal")["verward-gedrag"]
    assert goal["deadline"] == 2022
    assert goal["name"].startswith("In 2022 krijgen kwetsbare personen")


def test_an_indicator_has_no_rollup(midterm: ProgrammeAssessment) -> None:
    assert rollup_rows(next(midterm.indicators())) == []
    assert [r["level"] for r in rollup_rows(next(midterm.goals()))] == ["goal"]


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize("function", [status_rows, rollup_rows])
def test_rows_of_what_is_no_assessment_are_refused(function: Any, almelo: Programme) -> None:
    with pytest.raises(ValidationError, match=r"takes an assessment.*\(got 'Programme'\)"):
        function(almelo)


def test_figure_rows_of_what_is_no_programme(midterm: ProgrammeAssessment) -> None:
    with pytest.raises(ValidationError, match=r"figure_rows: takes a Programme \(got 'Prog"):
        figure_rows(midterm)  # type: ignore[arg-type]


def test_to_frame_refuses_what_it_cannot_tabulate(
    almelo: Programme, midterm: ProgrammeAssessment
) -> None:
    with pytest.raises(
        ValidationError, match=r"to_frame: takes a Programme or an .*\(got 'dict'\)"
    ):
        to_frame({})  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"to_frame: table must be one of .*\(got 'goals'\)"):
        to_frame(midterm, "goals")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"assess it .*\(got 'status'\)"):
        to_frame(almelo, "status")
    with pytest.raises(ValidationError, match=r"only a programme's .*\(got 'GoalAssessment'\)"):
        to_frame(next(midterm.goals()), "figures")


def test_to_frame_without_pandas_says_which_extra(
    monkeypatch: pytest.MonkeyPatch, almelo: Programme
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas then raises ImportError
    with pytest.raises(TablesExtraMissing, match=r'pip install "progmon-nl\[tables\]"') as caught:
        to_frame(almelo)
    assert isinstance(caught.value, ProgmonError)
    assert isinstance(caught.value, ImportError)


# --------------------------------------------------------------------------- DataFrames


def test_frames_of_the_midterm(almelo: Programme, midterm: ProgrammeAssessment) -> None:
    figures = to_frame(almelo)
    assert tuple(figures.columns) == FIGURE_COLUMNS
    assert len(figures) == 39
    assert to_frame(midterm, "figures").equals(figures)
    status = to_frame(midterm)
    assert tuple(status.columns) == STATUS_COLUMNS
    assert list(status["status"].cat.categories) == [s.value for s in Status]
    assert status["deadline"].dtype == "Int64"
    assert status["significant"].dtype == "boolean"
    # No change where nothing was measured, and only there.
    assert status["change"].isna().sum() == (status["status"] == "not-measured").sum() == 5
    rollup = to_frame(midterm, "rollup")
    assert tuple(rollup.columns) == ROLLUP_COLUMNS
    assert list(rollup["level"]) == ["programme", "ambition", "goal", "goal", "goal", "goal"]
    assert figures["period_start"].dtype == "datetime64[s]"
    assert figures["period_start"].iloc[0] == pd.Timestamp(2016, 1, 1)


def cell_of_frame(value: Any) -> Any:
    """A DataFrame's value as a row's cell: NaN and <NA> None, a timestamp its date."""
    if value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if hasattr(value, "item"):  # a numpy scalar
        return value.item()
    return value


def assert_frame_holds(
    frame: pd.DataFrame, rows: list[dict[str, Any]], columns: tuple[str, ...]
) -> None:
    assert tuple(frame.columns) == columns
    assert len(frame) == len(rows)
    for column in columns:
        got = [cell_of_frame(v) for v in frame[column].astype(object)]
        want = [row[column] for row in rows]
        assert got == want, column
        # Equal is not enough: 1 == 1.0 == True. Each column keeps its kind.
        for a, b in zip(got, want, strict=True):
            if b is not None:
                assert isinstance(a, bool) is isinstance(b, bool), column


# --------------------------------------------------------------------------- CSV


def test_csv_cells() -> None:
    assert [csv_cell(v) for v in (-116.0, -0.0, 1e300, 0.1, 2**60, -3, 1089.0)] == [
        "-116",
        "-0.0",
        "1e+300",
        "0.1",
        str(2**60),
        "-3",
        "1089",
    ]
    assert csv_cell(date(2019, 12, 31)) == "2019-12-31"
    assert (csv_cell(True), csv_cell(False), csv_cell(None)) == ("true", "false", "")
    for text in ("=1+1", "+31 6", "-5", "@SUM(A1)", "\t=1", "\r=1", " =1", "\u00a0=1", "\n-1"):
        assert csv_cell(text) == "'" + text
    for text in ("a=b", "'=1", "", "Almeloërs", "1-2", "e-mail"):
        assert csv_cell(text) == text


@pytest.mark.parametrize("value", [[1], {"a": 1}, progmon.units.Quantity(1, "report"), object()])
def test_csv_refuses_what_is_no_cell(value: Any) -> None:
    with pytest.raises(ValidationError, match="csv cell: a table cell is None"):
        csv_cell(value)
    with pytest.raises(ValidationError, match=r"write_csv row 2: a table cell"):
        write_csv([{"a": 1}, {"a": value}], ["a"], io.StringIO())


def test_write_csv_refuses_bad_rows_and_targets() -> None:
    with pytest.raises(
        ValidationError, match=r"write_csv row 1: has no cell for a column \(got 'b'"
    ):
        write_csv([{"a": 1}], ["a", "b"], io.StringIO())
    with pytest.raises(
        ValidationError, match=r"write_csv row 1: a row is a mapping .*\(got 'tuple'"
    ):
        write_csv([(1,)], ["a"], io.StringIO())  # type: ignore[list-item]
    with pytest.raises(ValidationError, match="columns must be a sequence"):
        write_csv([], "ab", io.StringIO())
    with pytest.raises(ValidationError, match=r"write_csv: takes a file name.*\(got 'int'\)"):
        write_csv([], ["a"], 3)  # type: ignore[arg-type]


def test_write_csv_to_a_file(tmp_path: Path, almelo: Programme) -> None:
    path = tmp_path / "cijfers.csv"
    rows = figure_rows(almelo)
    write_csv(rows, FIGURE_COLUMNS, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfprogramme,ambition,goal,indicator,")
    assert "Almeloërs".encode() in data
    with path.open(encoding="utf-8-sig", newline="") as stream:
        cells = list(csv.reader(stream))
    assert cells[0] == list(FIGURE_COLUMNS)
    assert cells[1:] == [[csv_cell(v) for v in row.values()] for row in rows]
    with pytest.raises(ProgmonFileError, match="is one of the inputs"):
        write_csv(rows, FIGURE_COLUMNS, TOML, inputs=[TOML])


# --------------------------------------------------------------------------- properties


@given(programmes())
def test_figure_rows_are_the_measurements(programme: Programme) -> None:
    rows = figure_rows(programme)
    expected = [(i, m) for i in every_indicator(programme) for m in i.measurements]
    assert len(rows) == len(expected)
    for row, (indicator, measurement) in zip(rows, expected, strict=True):
        assert tuple(row) == FIGURE_COLUMNS
        assert all(type(cell) in CELL_TYPES for cell in row.values())
        assert row["indicator"] == indicator.id
        assert progmon.io.parse_period(row["period"]) == measurement.period
        assert row["period_label"] == measurement.period.label
        assert row["value"] == magnitude(measurement.value)
        assert row["margin"] == magnitude(measurement.margin)
        assert row["provisional"] is measurement.provisional


@given(programmes())
def test_to_frame_of_a_programme_round_trips_its_rows(programme: Programme) -> None:
    assert_frame_holds(to_frame(programme), figure_rows(programme), FIGURE_COLUMNS)


@given(assessed_programmes())
def test_status_rows_agree_with_the_assessment(case: tuple[Programme, ProgrammeAssessment]) -> None:
    programme, result = case
    rows = status_rows(result)
    nodes = list(every_node(result))
    assert len(rows) == len(nodes) == sum(1 for _ in every_indicator(programme))
    for row, node in zip(rows, nodes, strict=True):
        assert tuple(row) == STATUS_COLUMNS
        assert all(type(cell) in CELL_TYPES for cell in row.values())
        assert row["indicator"] == node.indicator.id
        assert Status(row["status"]) is node.status
        assert row["as_of"] == node.as_of == result.as_of
        assert row["method"] == node.method.name
        assert row["deadline"] == node.deadline
        for column, quantity in (
            ("target_value", node.target_value),
            ("change", node.change),
            ("projection", node.projection),
            ("expected", node.expected),
            ("slope", node.slope),
        ):
            assert row[column] == magnitude(quantity), column
        for column in ("ratio", "progress", "rate", "relative_change", "change_points"):
            assert row[column] == getattr(node, column), column
        assert row["baseline_value"] == (
            None if node.baseline is None else magnitude(node.baseline.value)
        )
        assert row["latest_value"] == (
            None if node.latest is None else magnitude(node.latest.value)
        )
    assert_frame_holds(to_frame(result), rows, STATUS_COLUMNS)
    rollups = rollup_rows(result)
    assert len(rollups) == 1 + len(list(result.ambitions())) + len(list(result.goals()))
    assert_frame_holds(to_frame(result, "rollup"), rollups, ROLLUP_COLUMNS)


@given(assessed_programmes())
def test_the_tables_of_any_programme_read_back_from_csv(
    case: tuple[Programme, ProgrammeAssessment],
) -> None:
    programme, result = case
    for rows, columns in (
        (figure_rows(programme), FIGURE_COLUMNS),
        (status_rows(result), STATUS_COLUMNS),
        (rollup_rows(result), ROLLUP_COLUMNS),
    ):
        out = io.StringIO()
        write_csv(rows, columns, out)
        cells = read_back(out.getvalue())
        assert cells == [list(columns), *([csv_cell(v) for v in row.values()] for row in rows)]
        for row, line in zip(rows, cells[1:], strict=True):
            for value, cell in zip(row.values(), line, strict=True):
                if isinstance(value, str):
                    assert not FORMULA.match(cell), (value, cell)


@given(st.lists(st.lists(table_cells, min_size=3, max_size=3), max_size=6))
def test_csv_cells_read_back_as_written(values: list[list[Any]]) -> None:
    columns = ("a", "b", "c")
    rows = [dict(zip(columns, line, strict=True)) for line in values]
    out = io.StringIO()
    write_csv(rows, columns, out)
    cells = read_back(out.getvalue())
    assert cells[0] == list(columns)
    assert cells[1:] == [[csv_cell(v) for v in line] for line in values]
    for line, read in zip(values, cells[1:], strict=True):
        for value, cell in zip(line, read, strict=True):
            if isinstance(value, float):
                assert float(cell) == value  # a number stays the number, negative or not
                assert math.copysign(1, float(cell)) == math.copysign(1, value)
            elif isinstance(value, bool):
                assert cell == str(value).lower()
            elif isinstance(value, int):
                assert int(cell) == value


@given(table_texts)
def test_formula_injection_never_survives(text: str) -> None:
    cell = csv_cell(text)
    assert not FORMULA.match(cell)
    # Only the apostrophe is added, and only where a formula could start.
    assert cell in {text, "'" + text}
    assert (cell != text) is bool(FORMULA.match(text))


def test_reference_figures_are_rows_of_their_region_after_the_own() -> None:
    indicator = progmon.Indicator(
        id="winkeldiefstallen",
        name="Winkeldiefstallen",
        unit="shoplifting / thousand_inhabitants",
        direction=progmon.Direction.DECREASE,
        measurements=[progmon.Measurement(2019, 3.1), progmon.Measurement(2020, 2.8)],
        references=[
            progmon.Reference(
                name="Nederland", kind="country", measurements=[progmon.Measurement(2020, 2.2)]
            )
        ],
    )
    programme = Programme(
        id="p",
        name="P",
        ambitions=[progmon.Ambition(title="A", context=[indicator])],
    )
    rows = figure_rows(programme)
    assert [(r["region"], r["period"], r["value"], r["baseline"]) for r in rows] == [
        (None, "2019", 3.1, True),
        (None, "2020", 2.8, False),
        ("Nederland", "2020", 2.2, False),
    ]
    # The figures table is a figure file: read back, the reference figure is the reference's.
    out = io.StringIO()
    write_csv(rows, ("indicator", "region", "period", "value", "unit"), out)
    figures = read_measurements_text(out.getvalue())
    assert [(f.indicator, f.region, f.measurement.value.m) for f in figures] == [
        ("winkeldiefstallen", "", 3.1),
        ("winkeldiefstallen", "", 2.8),
        ("winkeldiefstallen", "Nederland", 2.2),
    ]
