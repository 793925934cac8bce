"""Figures from CBS StatLine exports (OData JSON, CSV), read offline from fixtures.

The fixtures have the shape of real exports: dimension keys padded with
spaces (``"GM0141  "``), period codes (``"2019JJ00"``), a ``Marges``
dimension with ``MW00000``/``MOG0095``/``MBG0095``, topics keyed
``Name_<n>``, ``null`` or ``"."`` for a missing figure. The Almelo values of
the Veiligheidsmonitor fixtures are the review's own table
"Veiligheidsbeleving"; their bounds and the crime counts are illustrative.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from progmon import Period, Programme, Source, units
from progmon.errors import AmbiguityError, FileFormatError, ProgmonWarning, ValidationError
from progmon.io import CbsColumn, fetch_cbs, load, load_cbs, read_cbs
from progmon.io._converter import parse_period

FIXTURES = Path(__file__).parent / "fixtures"
TYPED = FIXTURES / "cbs_85146NED_typed.json"
EXPORT = FIXTURES / "cbs_85146NED_export.csv"
CRIME = FIXTURES / "cbs_83648NED_typed.json"
NUISANCE = FIXTURES / "cbs_47021NED_untyped.json"
IN_NEIGHBOURHOOD = "VoeltZichWelEensOnveiligInBuurt_2"


def test_typed_json_values_margins_and_source() -> None:
    figures = read_cbs(TYPED, {"buurt": IN_NEIGHBOURHOOD}, region="GM0141")
    # The review: "Wel eens onveilig gevoel in de buurt" 5,4 % (2013), 4,4 % (2017), 3,4 % (2019).
    assert [(f.measurement.period, f.measurement.value) for f in figures] == [
        (Period.year(2013), 5.4),
        (Period.year(2017), 4.4),
        (Period.year(2019), 3.4),
    ]
    # Bounds 4.5 / 6.3, 3.6 / 5.2, 2.8 / 4.0 in the fixture: half-widths 0.9, 0.8, 0.6.
    assert [f.measurement.margin for f in figures] == [0.9, 0.8, 0.6]
    assert figures[0].indicator == "buurt"
    assert figures[0].measurement.source == Source(
        "StatLine 85146NED",
        publisher="CBS",
        url="https://opendata.cbs.nl/#/CBS/nl/dataset/85146NED/table",
    )
    assert "2013JJ00" in figures[0].origin


def test_csv_export_reads_as_the_json() -> None:
    mapping = {"algemeen": "OnveiligheidsgevoelensWelEens_1", "buurt": IN_NEIGHBOURHOOD}
    from_json = read_cbs(TYPED, mapping, region="GM0141")
    from_csv = read_cbs(EXPORT, mapping, region="GM0141", table="85146NED")
    assert [f.measurement for f in from_csv] == [f.measurement for f in from_json]
    assert [f.measurement.value for f in from_json[:3]] == [37.2, 36.0, 31.0]


def test_missing_figures_are_kept() -> None:
    figures = read_cbs(EXPORT, {"sociaal": "ErvaartVeelSocialeOverlast_3"}, region="NL01")
    first = figures[0].measurement
    assert first.period == Period.year(2013)
    assert first.is_missing
    assert first.margin is None
    assert first.note == "CBS: cijfer ontbreekt"
    assert figures[1].measurement.value == 8.6
    crimes = read_cbs(
        CRIME,
        {"m": CbsColumn("TotaalGeregistreerdeMisdrijven_1", where={"SoortMisdrijf": "0.0.0"})},
        region="GM0141",
    )
    assert crimes[-1].measurement.period == Period.year(2020)
    assert crimes[-1].measurement.is_missing


def test_other_dimensions_are_selected_with_where() -> None:
    mapping = {
        "misdrijven": CbsColumn(
            "TotaalGeregistreerdeMisdrijven_1", where={"SoortMisdrijf": "0.0.0"}
        ),
        "woninginbraak": CbsColumn(
            "TotaalGeregistreerdeMisdrijven_1", where={"SoortMisdrijf": "1.1.1   "}
        ),
    }
    figures = read_cbs(CRIME, mapping, region="GM0141  ")
    by_indicator: dict[str, list[float | None]] = {}
    for figure in figures:
        by_indicator.setdefault(figure.indicator, []).append(figure.measurement.value)
    assert by_indicator == {
        "misdrijven": [4712.0, 4486.0, 4271.0, 4190.0, None],
        "woninginbraak": [402.0, 331.0, 298.0, 254.0, None],
    }


def test_untyped_rows_as_cbsodata_saves_them() -> None:
    figures = read_cbs(NUISANCE, {"overlast": "RegistratiesVanOverlast_1"}, table="47021NED")
    assert [f.measurement.value for f in figures] == [1089.0, 1089.0, 1032.0, 973.0, None]
    assert figures[0].measurement.source is not None
    assert figures[0].measurement.source.title == "StatLine 47021NED"


def test_a_unit_for_the_tables_figures() -> None:
    figures = read_cbs(
        TYPED, {"buurt": CbsColumn(IN_NEIGHBOURHOOD, unit="percent")}, region="GM0141"
    )
    assert figures[-1].measurement.value == units.Quantity(3.4, "percent")
    assert figures[-1].measurement.margin == units.Quantity(0.6, "percent")


def test_load_cbs_adds_to_a_programme() -> None:
    programme: Programme = load(FIXTURES / "figures_programme.toml")
    result = load_cbs(programme, TYPED, {"onveilig_buurt": IN_NEIGHBOURHOOD}, region="GM0141")
    indicator = result.indicator("onveilig_buurt")
    assert indicator.baseline == Period.year(2013)
    assert indicator.latest is not None
    assert indicator.latest.value == units.Quantity(3.4, "percent")
    assert indicator.latest.margin == units.Quantity(0.6, "percent")
    # Again, with replace: every figure is reported.
    with pytest.warns(ProgmonWarning) as record:
        load_cbs(result, TYPED, {"onveilig_buurt": IN_NEIGHBOURHOOD}, region="GM0141", replace=True)
    assert [str(w.message).split(": ", 1)[1] for w in record] == [
        f"indicator 'onveilig_buurt' {year}: replaced the figure {value} % by {value} %"
        for year, value in (("2013", 5.4), ("2017", 4.4), ("2019", 3.4))
    ]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("2019JJ00", Period.year(2019)),
        ("2019MM12", Period.month(2019, 12)),
        ("2020KW02", Period.parse("2020-04-01/2020-06-30")),
        ("2020KW04", Period.parse("2020-10-01/2020-12-31")),
    ],
)
def test_period_codes(code: str, expected: Period) -> None:
    assert parse_period(code) == expected


@pytest.mark.parametrize("code", ["2019JJ01", "2019MM13", "2019KW05", "2019X000"])
def test_unknown_period_codes(code: str) -> None:
    with pytest.raises((FileFormatError, ValidationError)):
        parse_period(code)


# --------------------------------------------------------------------------- errors


def test_several_regions_need_a_choice() -> None:
    with pytest.raises(AmbiguityError, match="2 regions") as caught:
        read_cbs(TYPED, {"buurt": IN_NEIGHBOURHOOD})
    assert caught.value.value == ["GM0141", "NL01"]


def test_unknown_region() -> None:
    with pytest.raises(ValidationError, match="RegioS") as caught:
        read_cbs(TYPED, {"buurt": IN_NEIGHBOURHOOD}, region="GM0153")
    assert caught.value.value == "GM0153"


def test_unknown_column() -> None:
    with pytest.raises(ValidationError, match="mapping for 'buurt'") as caught:
        read_cbs(TYPED, {"buurt": "VoeltZichOnveilig_9"}, region="GM0141")
    assert caught.value.value == "VoeltZichOnveilig_9"


def test_a_free_dimension_is_ambiguous() -> None:
    with pytest.raises(AmbiguityError, match="SoortMisdrijf") as caught:
        read_cbs(CRIME, {"m": "TotaalGeregistreerdeMisdrijven_1"}, region="GM0141")
    assert caught.value.value == ["0.0.0", "1.1.1"]


def test_unknown_dimension_and_code() -> None:
    with pytest.raises(ValidationError, match="not a dimension"):
        read_cbs(
            CRIME,
            {"m": CbsColumn("TotaalGeregistreerdeMisdrijven_1", where={"Soort": "0.0.0"})},
            region="GM0141",
        )
    with pytest.raises(ValidationError, match="not a code"):
        read_cbs(
            CRIME,
            {"m": CbsColumn("TotaalGeregistreerdeMisdrijven_1", where={"SoortMisdrijf": "9.9.9"})},
            region="GM0141",
        )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("t.json", "{not json", "not valid JSON"),
        ("t.json", '{"value": 3}', "not an OData export"),
        ("t.json", '{"value": []}', "holds no rows"),
        ("t.json", '[{"ID": 0, "RegioS": "GM0141", "Aantal_1": 3}]', "no Perioden"),
        ("t.json", '[{"ID": 0, "Perioden": "2019JJ00", "Aantal_1": true}]', "not a figure"),
        ("t.xlsx", "", "must end in .json or .csv"),
        ("t.csv", '"ID";"Perioden";"Aantal_1"\n0;"2019JJ00";"3";"4"\n', "do not match the header"),
    ],
)
def test_malformed_exports(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises((FileFormatError, ValidationError), match=message):
        read_cbs(path, {"x": "Aantal_1"})


def test_fetch_needs_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "cbsodata", None)
    with pytest.raises(ModuleNotFoundError, match=r"progmon-nl\[cbs\]"):
        fetch_cbs("83648NED", tmp_path)


def test_fetch_saves_what_read_cbs_reads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls = []

    def download_data(table: str, dir: str, typed: bool, filters: str | None) -> None:  # noqa: A002
        calls.append((table, typed, filters))
        (Path(dir) / "TypedDataSet.json").write_text(
            CRIME.read_text(encoding="utf-8"), encoding="utf-8"
        )

    fake = types.ModuleType("cbsodata")
    fake.download_data = download_data  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "cbsodata", fake)
    path = fetch_cbs("83648NED", tmp_path / "cbs", filters="RegioS eq 'GM0141'")
    assert calls == [("83648NED", True, "RegioS eq 'GM0141'")]
    figures = read_cbs(
        path,
        {"m": CbsColumn("TotaalGeregistreerdeMisdrijven_1", where={"SoortMisdrijf": "0.0.0"})},
        region="GM0141",
    )
    assert figures[0].measurement.value == 4712.0
