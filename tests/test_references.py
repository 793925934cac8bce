"""Reference series (Nederland, the province, peers) and the comparison with them (issue 13)."""

from __future__ import annotations

import json
import math
import warnings
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import progmon
from progmon import Direction, Indicator, Measurement, Reference, compare, units
from progmon.errors import DuplicateError, ProgmonError, ValidationError
from progmon.io import (
    Figure,
    add_measurements,
    dumps,
    load,
    load_cbs,
    loads,
    read_cbs,
    read_figures,
    write_xlsx,
)
from progmon.report import render
from strategies import comparison_cases, comparison_indicator

FIXTURES = Path(__file__).parent / "fixtures"
RATE = "crime per 1000 inhabitant"
BETTER, SIMILAR, WORSE = (
    progmon.ComparisonStatus.BETTER,
    progmon.ComparisonStatus.SIMILAR,
    progmon.ComparisonStatus.WORSE,
)


def _burglary(**fields: object) -> Indicator:
    defaults: dict[str, object] = {
        "id": "woninginbraak",
        "name": "Diefstallen uit woning",
        "unit": RATE,
        "direction": Direction.DECREASE,
        "measurements": Measurement.series({2018: 3.4, 2019: 3.1}),
    }
    return Indicator(**{**defaults, **fields})


def _programme(indicator: Indicator) -> progmon.Programme:
    goal = progmon.Goal(id="veilig", statement="Minder inbraken", indicators=[indicator])
    return progmon.Programme(
        id="p", name="Veiligheid", ambitions=[progmon.Ambition(title="Veilig", goals=[goal])]
    )


PROGRAMME_TOML = """format = 1
id = "p"
name = "Veiligheid"

[[ambitions]]
title = "Veilig"

[[ambitions.goals]]
id = "veilig"
statement = "Minder inbraken"

[[ambitions.goals.indicators]]
id = "woninginbraak"
name = "Diefstallen uit woning"
unit = "crime per 1000 inhabitant"
direction = "decrease"
measurements = [{ period = 2018, value = 3.4 }, { period = 2019, value = 3.1 }]
references = [
    { name = "Nederland", kind = "country", measurements = [
        { period = 2018, value = 4.5, source = "CBS" }, { period = 2019, value = 4.3 },
    ] },
    { name = "Overijssel", kind = "province" },
]
"""


# --------------------------------------------------------------------------- the model


def test_reference_figures_are_stored_in_the_indicators_unit_sorted() -> None:
    per_10000 = units.Quantity(43, units.to_unit("crime per 10000 inhabitant"))
    nl = Reference("Nederland", [Measurement(2019, per_10000), Measurement(2018, 4.5)])
    ind = _burglary(references=[nl])
    stored = ind.reference("Nederland")
    assert stored is not None
    assert [m.period.label for m in stored.measurements] == ["2018", "2019"]
    assert stored.measurements[1].value.units == ind.unit
    assert stored.measurements[1].value.magnitude == pytest.approx(4.3)
    assert nl.measurements[0].value is per_10000  # the Reference given is left as it was


@pytest.mark.parametrize(
    ("references", "error", "words"),
    [
        ([Reference("NL", [Measurement(2019, -1)])], ValidationError, "reference 'NL' 2019"),
        (
            [Reference("NL", [Measurement(2019, 1), Measurement(2019, 2)])],
            DuplicateError,
            "two measurements for one period",
        ),
        ([Reference("NL"), Reference("NL")], DuplicateError, "two references of one name"),
        (
            [Reference("NL", [Measurement(2019, units.Quantity(3, "report"))])],
            progmon.errors.UnitError,
            "reference 'NL'",
        ),
        (["Nederland"], ValidationError, "Reference values only"),
    ],
)
def test_reference_figures_are_checked_as_the_indicators_own(
    references: list[object], error: type[ProgmonError], words: str
) -> None:
    with pytest.raises(error, match=words) as caught:
        _burglary(references=references)
    assert "indicator 'woninginbraak'" in str(caught.value)


def test_a_reference_refuses_an_unknown_kind_and_an_empty_name() -> None:
    with pytest.raises(ValidationError, match="kind must be one of country"):
        Reference("Nederland", kind="land")
    with pytest.raises(ValidationError):
        Reference("  ")


def test_with_reference_measurement_adds_makes_and_refuses_a_second_figure() -> None:
    ind = _burglary(references=[Reference("Nederland", [Measurement(2018, 4.5)], kind="country")])
    ind = ind.with_reference_measurement("Nederland", Measurement(2019, 4.3))
    ind = ind.with_reference_measurement("Overijssel", Measurement(2019, 3.9))
    nl, ov = ind.references
    assert nl.kind == "country"
    assert [m.period.label for m in nl.measurements] == ["2018", "2019"]
    assert ov.name == "Overijssel"
    assert ov.latest.value == units.Quantity(3.9, units.to_unit(RATE))
    with pytest.raises(DuplicateError, match="reference 'Nederland'"):
        ind.with_reference_measurement("Nederland", Measurement(2019, 4.0))
    replaced = ind.with_reference_measurement("Nederland", Measurement(2019, 4.0), replace=True)
    assert replaced.reference("Nederland").latest.value.magnitude == 4.0


# --------------------------------------------------------------------------- comparing


def test_compare_takes_the_same_period_or_the_latest_before() -> None:
    nl = Reference("Nederland", Measurement.series({2017: 4.6, 2018: 4.5}))
    ind = _burglary(references=[nl])
    (c,) = compare(ind)
    assert c.latest.period.label == "2019"
    assert c.figure.period.label == "2018"  # no 2019 figure: the latest before
    assert not c.same_period
    (c2018,) = compare(ind, as_of=2018)
    assert c2018.same_period
    assert c2018.difference.magnitude == pytest.approx(3.4 - 4.5)
    assert c2018.status is BETTER  # lower, and it should decrease


def test_no_reference_figure_before_means_no_status() -> None:
    ind = _burglary(references=[Reference("Nederland", Measurement.series({2020: 4.0}))])
    (c,) = compare(ind)
    assert c.figure is None
    assert c.difference is None
    assert c.status is None


def test_without_a_direction_there_is_a_difference_but_no_status() -> None:
    ind = Indicator(
        id="x",
        name="X",
        unit="count",
        measurements=[Measurement(2019, 10)],
        references=[Reference("NL", [Measurement(2019, 20)])],
    )
    (c,) = compare(ind)
    assert c.difference.magnitude == -10
    assert c.status is None


def test_without_margins_the_tolerance_is_five_percent_of_the_reference() -> None:
    def status(own: float) -> progmon.ComparisonStatus | None:
        ind = _burglary(
            measurements=[Measurement(2019, own)],
            references=[Reference("NL", [Measurement(2019, 4.0)])],
        )
        return compare(ind)[0].status

    assert status(4.2) is SIMILAR  # 5 % of 4.0 exactly: within
    assert status(3.8) is SIMILAR
    assert status(4.21) is WORSE
    assert status(3.79) is BETTER


def test_comparisons_are_on_the_assessment_and_never_in_the_roll_up() -> None:
    worse = Reference("Nederland", Measurement.series({2019: 1.0}), kind="country")
    ind = _burglary(target=progmon.Improve(by=2022), references=[worse])
    plain = progmon.assess(_programme(_burglary(target=progmon.Improve(by=2022))), as_of=2019)
    compared = progmon.assess(_programme(ind), as_of=2019)
    (node,) = list(compared.indicators())
    assert [c.status for c in node.comparisons] == [WORSE]
    assert compared.status is plain.status
    assert node.status is next(iter(plain.indicators())).status
    assert next(iter(plain.indicators())).comparisons == ()


def test_the_assessment_compares_the_latest_figure_by_as_of() -> None:
    nl = Reference("Nederland", Measurement.series({2018: 4.5, 2019: 4.3}))
    node = progmon.assess(_burglary(references=[nl]), as_of=2018)
    assert [c.latest.period.label for c in node.comparisons] == ["2018"]
    assert compare(_burglary(references=[nl]), as_of=2018) == node.comparisons


# Published CBS figures with their margins: Veiligheidsmonitor 2019, appendix table 2
# "Landelijk overzicht van indicatoren leefbaarheid en overlast in de buurt" (Nederland,
# % (helemaal) mee eens, 95 % margins), https://longreads.cbs.nl/veiligheidsmonitor-2019/
# bijlagen/index.html. The table marks a 2019 figure + or - where it differs significantly
# from 2012 and from 2017; the rule of the comparison must find the same marks.
CBS_2019 = [
    # statement, 2012 (value, margin), 2017, 2019, mark vs 2012, mark vs 2017
    ("wegen, paden en pleinen goed onderhouden", (69.7, 0.4), (68.1, 0.3), (69.0, 0.3), "-", "+"),
    (
        "perken, plantsoenen en paden goed onderhouden",
        (68.4, 0.4),
        (67.3, 0.3),
        (68.1, 0.3),
        "",
        "+",
    ),
    ("buiten goed verlicht", (77.5, 0.4), (77.4, 0.3), (78.7, 0.3), "+", "+"),
    ("goede speelplekken voor kinderen", (61.2, 0.4), (62.5, 0.4), (63.8, 0.4), "+", "+"),
    ("goede voorzieningen voor jongeren", (24.2, 0.4), (25.1, 0.3), (25.2, 0.3), "+", ""),
    ("mensen kennen elkaar nauwelijks", (24.3, 0.4), (25.0, 0.3), (24.8, 0.3), "", ""),
]


@pytest.mark.parametrize("row", CBS_2019, ids=lambda row: row[0])
def test_significance_of_a_difference_on_published_cbs_figures(
    row: tuple[str, tuple[float, float], tuple[float, float], tuple[float, float], str, str],
) -> None:
    statement, y2012, y2017, y2019, vs2012, vs2017 = row
    # The 2019 figure against a reference that has only an earlier figure: the
    # comparison takes it (the latest before), by the rule the assessment uses.
    earlier = [
        Reference(f"Nederland {year}", [Measurement(year, value, margin=margin)])
        for year, (value, margin) in ((2012, y2012), (2017, y2017))
    ]
    ind = Indicator(
        id="buurt",
        name=statement,
        unit="percent",
        direction=Direction.INCREASE,
        measurements=[Measurement(2019, y2019[0], margin=y2019[1])],
        references=earlier,
    )
    for comparison, mark in zip(compare(ind), (vs2012, vs2017), strict=True):
        assert comparison.significant is bool(mark), (statement, comparison.name)
        expected = {"+": BETTER, "-": WORSE, "": SIMILAR}[mark]
        assert comparison.status is expected
    # The same rule as a change in the assessment: 2012 -> 2019 as baseline -> latest.
    changed = Indicator(
        id="buurt",
        name=statement,
        unit="percent",
        direction=Direction.INCREASE,
        measurements=[
            Measurement(2012, *y2012[:1], margin=y2012[1]),
            Measurement(2019, y2019[0], margin=y2019[1]),
        ],
    )
    assert progmon.assess(changed, as_of=2019).significant is bool(vs2012)


def test_significance_by_sample_sizes_where_there_are_no_margins() -> None:
    ind = Indicator(
        id="x",
        name="X",
        unit="percent",
        direction=Direction.INCREASE,
        measurements=[Measurement(2019, 60, sample_size=400)],
        references=[
            Reference("A", [Measurement(2019, 50, sample_size=400)]),
            Reference("B", [Measurement(2019, 58, sample_size=400)]),
        ],
    )
    a, b = compare(ind)
    assert a.significant is True  # z = 2.86
    assert a.status is BETTER
    assert b.significant is False  # z = 0.57, though 2 points is more than 5 % of 58
    assert b.status is SIMILAR


# --------------------------------------------------------------------------- properties

MIRROR = {BETTER: WORSE, WORSE: BETTER, SIMILAR: SIMILAR, None: None}


def _status(case: dict[str, object], **changes: object) -> progmon.ComparisonStatus | None:
    return compare(comparison_indicator(**{**case, **changes}))[0].status  # type: ignore[arg-type]


@given(comparison_cases())
def test_the_status_is_antisymmetric_under_swapping_the_direction(case: dict[str, object]) -> None:
    other = Direction.DECREASE if case["direction"] is Direction.INCREASE else Direction.INCREASE
    assert _status(case, direction=other) is MIRROR[_status(case)]


ORDER = {WORSE: 0, SIMILAR: 1, BETTER: 2}


@given(comparison_cases(), st.integers(0, 500))
def test_the_status_is_monotone_in_the_municipalitys_figure(
    case: dict[str, object], step: int
) -> None:
    higher = case["own"] + step / 10  # type: ignore[operator]
    lower, upper = _status(case), _status(case, own=higher)
    if case["direction"] is Direction.INCREASE:
        assert ORDER[upper] >= ORDER[lower]
    else:
        assert ORDER[upper] <= ORDER[lower]


@given(comparison_cases(), st.sampled_from([10.0, 100.0, 0.1]))
def test_the_status_is_unchanged_under_unit_conversion(
    case: dict[str, object], scale: float
) -> None:
    # Away from the edge of the tolerance and of the margin, where a conversion's
    # last bit may fall on either side.
    own, other = case["own"], case["other"]
    assert isinstance(own, float)
    assert isinstance(other, float)
    if case["own_margin"] is None:
        edge = 0.05 * abs(other)
    else:
        edge = math.hypot(case["own_margin"], case["other_margin"])  # type: ignore[arg-type]
    assume(abs(abs(own - other) - edge) > 1e-6)
    # Per 1,000 inhabitants in a unit per 10,000 (figures x 10), per 100,000, per 100.
    unit = {10.0: "crime per 10000 inhabitant", 100.0: "crime per 100000 inhabitant"}.get(
        scale, "crime per 100 inhabitant"
    )
    converted = comparison_indicator(**case, unit=unit, scale=scale)  # type: ignore[arg-type]
    assert compare(converted)[0].status is _status(case)
    # And the indicator itself in another unit than its figures: converted in.
    given_in = units.Quantity(own * scale, units.to_unit(unit))
    inside = comparison_indicator(**case).evolve(measurements=[Measurement(2019, given_in)])  # type: ignore[arg-type]
    if case["own_margin"] is None:
        assert compare(inside)[0].status is _status(case)


# --------------------------------------------------------------------------- files


def test_programme_file_references_round_trip_exactly() -> None:
    programme = loads(PROGRAMME_TOML, format="toml")
    ind = programme.indicator("woninginbraak")
    assert [r.name for r in ind.references] == ["Nederland", "Overijssel"]
    assert ind.reference("Overijssel").kind == "province"
    assert ind.reference("Nederland").measurements[0].source == progmon.Source("CBS")
    for kind in ("toml", "json"):
        text = dumps(programme, format=kind)
        assert loads(text, format=kind) == programme
        assert dumps(loads(text, format=kind), format=kind) == text
    data = json.loads(dumps(programme, format="json"))
    written = data["ambitions"][0]["goals"][0]["indicators"][0]["references"][0]
    assert list(written)[:2] == ["name", "kind"]


@pytest.mark.parametrize(
    ("bad", "path", "error"),
    [
        ('{ name = "NL", kind = "land" }', "references[0].kind", ValidationError),
        (
            '{ name = "NL", measurements = [{ period = 2019, value = -1 }] }',
            "references[0].measurements[0].value",
            ValidationError,
        ),
        ('{ name = "NL" }, { name = "NL" }', "references[1].name", DuplicateError),
        (
            '{ name = "NL", measurements = [{ period = 2019, valeu = 1 }] }',
            "references[0].measurements[0].valeu",
            ProgmonError,
        ),
        ('"Nederland"', "references[0]", ProgmonError),
    ],
)
def test_programme_file_errors_name_the_key_path(
    bad: str, path: str, error: type[ProgmonError]
) -> None:
    text = PROGRAMME_TOML.split("references = [", maxsplit=1)[0] + f"references = [{bad}]\n"
    with pytest.raises(error) as caught:
        loads(text, format="toml")
    assert f"ambitions[0].goals[0].indicators[0].{path}" in str(caught.value)


FIGURES_CSV = """indicator;periode;waarde;eenheid;regio;bron
woninginbraak;2020;2,9;misdrijven per 1.000 inwoners;;Politie
woninginbraak;2020;4,1;misdrijven per 1.000 inwoners;Nederland;CBS
woninginbraak;2020;3,6;misdrijven per 1.000 inwoners;Overijssel;CBS
woninginbraak;2020;3,3;misdrijven per 1.000 inwoners;Twente;CBS
"""


def _check_merged(programme: progmon.Programme) -> None:
    ind = programme.indicator("woninginbraak")
    assert ind.measurement(2020).value.magnitude == 2.9
    assert ind.reference("Nederland").measurement(2020).value.magnitude == 4.1
    assert ind.reference("Nederland").kind == "country"  # the file's reference, filled
    assert ind.reference("Overijssel").latest.value.magnitude == 3.6
    assert ind.reference("Twente").kind is None  # made by the figure file


def test_a_csv_region_column_fills_and_makes_references(tmp_path: Path) -> None:
    (tmp_path / "figures.csv").write_text(FIGURES_CSV, encoding="utf-8")
    figures = read_figures(tmp_path / "figures.csv")
    assert [f.region for f in figures] == ["", "Nederland", "Overijssel", "Twente"]
    merge = add_measurements(loads(PROGRAMME_TOML, format="toml"), figures)
    _check_merged(merge.programme)


def test_an_xlsx_region_column_is_read_by_the_same_rules(tmp_path: Path) -> None:
    rows = [line.split(";") for line in FIGURES_CSV.strip().splitlines()]
    header, body = rows[0], rows[1:]
    cells = [
        [r[0], int(r[1]), float(r[2].replace(",", ".")), r[3], r[4] or None, r[5]] for r in body
    ]
    path = write_xlsx({"cijfers": (header, cells)}, tmp_path / "figures.xlsx")
    figures = read_figures(path)
    assert [f.region for f in figures] == ["", "Nederland", "Overijssel", "Twente"]
    _check_merged(add_measurements(loads(PROGRAMME_TOML, format="toml"), figures).programme)


def test_reference_figures_take_the_conflict_rules(tmp_path: Path) -> None:
    programme = loads(PROGRAMME_TOML, format="toml")
    own = Figure("woninginbraak", Measurement(2019, 3.0), "f.csv line 2")
    reference = Figure("woninginbraak", Measurement(2019, 4.0), "f.csv line 3", region="Nederland")
    with pytest.raises(DuplicateError, match="reference 'Nederland' has a figure for 2019"):
        add_measurements(programme, [reference])
    # The same period for the programme and for a reference is no conflict between them.
    other = Figure("woninginbraak", Measurement(2020, 4.0), "f.csv line 4", region="Nederland")
    twin = Figure("woninginbraak", Measurement(2020, 2.0), "f.csv line 5")
    merged = add_measurements(programme, [other, twin]).programme.indicator("woninginbraak")
    assert merged.measurement(2020).value.magnitude == 2.0
    assert merged.reference("Nederland").measurement(2020).value.magnitude == 4.0
    merge = add_measurements(programme, [own, reference], replace=True)
    assert [(i, old.value.magnitude) for i, old, _ in merge.replaced] == [
        ("woninginbraak", 3.1),
        ("woninginbraak", 4.3),
    ]
    with pytest.raises(
        DuplicateError, match="second figure for indicator 'woninginbraak' reference"
    ):
        add_measurements(programme, [other, other])


def test_figure_files_beside_the_programme_add_reference_figures(tmp_path: Path) -> None:
    text = PROGRAMME_TOML.replace('name = "Veiligheid"', 'name = "Veiligheid"\nfigures = ["*.csv"]')
    (tmp_path / "programme.toml").write_text(text, encoding="utf-8")
    (tmp_path / "a.csv").write_text(FIGURES_CSV, encoding="utf-8")
    _check_merged(load(tmp_path / "programme.toml"))
    # A second file with a reference figure for the same place is refused, naming both.
    (tmp_path / "b.csv").write_text(
        "indicator,period,value,unit,region\n"
        "woninginbraak,2020,4.2,crime per 1000 inhabitant,Nederland\n",
        encoding="utf-8",
    )
    with pytest.raises(DuplicateError, match=r"reference 'Nederland'.*a\.csv line 3"):
        load(tmp_path / "programme.toml")
    # ... and taken as a correction where it says it is one, with a warning that names it.
    (tmp_path / "b.csv").write_text(
        "indicator,period,value,unit,region,correctie\n"
        "woninginbraak,2019,4.2,crime per 1000 inhabitant,Nederland,ja\n",
        encoding="utf-8",
    )
    loaded = load(tmp_path / "programme.toml")
    assert loaded.indicator("woninginbraak").reference("Nederland").measurement(2019).value.m == 4.2
    assert loaded.indicator("woninginbraak").measurement(2019).value.m == 3.1


def test_a_cbs_export_with_several_regions_fills_references() -> None:
    mapping = {"onveilig_buurt": "VoeltZichWelEensOnveiligInBuurt_2"}
    path = FIXTURES / "cbs_85146NED_typed.json"
    figures = read_cbs(path, mapping, region="GM0141", references={"NL01": "Nederland"})
    assert {f.region for f in figures} == {"", "Nederland"}
    national = [f for f in figures if f.region == "Nederland"]
    assert [f.measurement.period.label for f in national] == ["2013", "2017", "2019"]
    assert all(f.measurement.margin is not None for f in national)
    assert "NL01" not in national[0].origin
    assert "Nederland" in national[0].origin
    # Without region=: the one region that is not a reference is the programme's.
    assert read_cbs(path, mapping, references={"NL01": "Nederland"}) == figures
    # Only the references: nothing of the programme's own.
    only = read_cbs(path, mapping, references={"NL01": "Nederland", "GM0141": "Almelo"})
    assert {f.region for f in only} == {"Nederland", "Almelo"}
    programme = load(FIXTURES / "figures_programme.toml")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loaded = load_cbs(
            programme, path, mapping, region="GM0141", references={"NL01": "Nederland"}
        )
    ind = loaded.indicator("onveilig_buurt")
    assert ind.measurement(2019).value.magnitude == 3.4
    nl = ind.reference("Nederland")
    assert nl.measurement(2019).value == units.Quantity(3.9, "percent")
    (c,) = compare(ind)
    assert c.significant is not None


@pytest.mark.parametrize(
    ("references", "region", "words"),
    [
        ({"GM0141": "Almelo"}, "GM0141", "own region as a reference"),
        ({"NL01": "X", "GM0141": "X"}, None, "two regions by one name"),
        ({"NL01": ""}, "GM0141", "must be a text"),
        (["NL01"], "GM0141", "must map region codes to names"),
        ({"PV23": "Overijssel"}, "GM0141", "has no rows for this region"),
    ],
)
def test_cbs_references_are_checked(references: object, region: str | None, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        read_cbs(
            FIXTURES / "cbs_85146NED_typed.json",
            {"x": "VoeltZichWelEensOnveiligInBuurt_2"},
            region=region,
            references=references,  # type: ignore[arg-type]
        )


# --------------------------------------------------------------------------- the review


def _reviewed() -> progmon.Programme:
    programme = loads(PROGRAMME_TOML, format="toml")
    ind = programme.indicator("woninginbraak")
    ind = ind.with_reference_measurement("Overijssel", Measurement(2018, 2.5))
    ind = ind.with_reference_measurement("<b>Twente</b>", Measurement(2019, 3.2))
    return programme.with_indicator(ind)


def test_the_review_shows_references_in_dutch() -> None:
    md = render(_reviewed(), format="md", lang="nl")
    assert "Vergelijking met andere gebieden" in md
    assert "| Nederland (land) | 4,3 misdrijven per 1.000 inwoners (2019) |" in md
    assert "lager dan Nederland (4,3): beter" in md
    assert "hoger dan Overijssel (2,5 in 2018): slechter" in md
    assert "lager dan &lt;b&gt;Twente&lt;/b&gt; (3,2): vergelijkbaar" in md
    assert "-1,2 misdrijven per 1.000 inwoners" in md
    html = render(_reviewed(), format="html", lang="nl")
    assert '<td class="c-better">lager dan Nederland (4,3): beter</td>' in html
    assert "<b>Twente" not in html
    assert "vergeleken met Nederland, Overijssel en &lt;b&gt;Twente&lt;/b&gt;" in html


def test_the_review_shows_references_in_english() -> None:
    md = render(_reviewed(), format="md", lang="en")
    assert "Compared with other areas" in md
    assert "lower than Nederland (4.3): better" in md
    assert "higher than Overijssel (2.5 in 2018): worse" in md
    html = render(_reviewed(), format="html", lang="en")
    assert "Nederland (country)" in html
    assert "compared with Nederland, Overijssel and &lt;b&gt;Twente&lt;/b&gt;" in html


def test_the_chart_draws_a_line_per_reference_with_its_name_in_the_legend() -> None:
    html = render(_reviewed(), format="html", lang="nl")
    assert 'id="chart-1-reference-1"' in html
    assert 'id="chart-1-reference-2"' in html
    assert 'id="chart-1-reference-3"' in html
    legend = html.split('id="chart-1-legend"')[1].split("</g>")[0]
    assert ">Nederland</text>" in legend
    assert ">&lt;b&gt;Twente&lt;/b&gt;</text>" in legend


def test_a_review_without_references_has_no_comparison_section() -> None:
    programme = _programme(_burglary())
    assert "Vergelijking met andere gebieden" not in render(programme, format="md", lang="nl")
    assert 'class="comparisons"' not in render(programme, format="html", lang="en")
