"""progmon.bbv: the catalogue's units, directions and names checked against its definitions.

The definitions are the catalogue's own words; each test reads what a
definition says (``per 1.000 inwoners``, ``percentage``, ``euro``, a
registered crime) and checks that the unit and the direction say the same.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import progmon
from progmon import bbv, units
from progmon.errors import UnitError, ValidationError
from progmon.io import dumps, loads
from progmon.report import render
from progmon.report._format import Formatter

ROOT = Path(__file__).parent.parent
ENTRIES = bbv.catalogue()
IDS = [entry.id for entry in ENTRIES]
SCALE = {"100": 100, "1.000": 1_000, "10.000": 10_000}
ENGLISH_SCALE = {"100": "100", "1.000": "1,000", "10.000": "10,000"}
VEILIGHEID = (
    "verwijzingen-halt",
    "winkeldiefstallen",
    "geweldsmisdrijven",
    "diefstallen-uit-woning",
    "vernielingen",
)


def parts(unit: Any) -> tuple[dict[str, int], dict[str, int]]:
    """The numerator's and the denominator's units of ``unit``, with their powers."""
    powers = dict(unit._units)  # pint exposes no accessor
    return (
        {name: power for name, power in powers.items() if power > 0},
        {name: -power for name, power in powers.items() if power < 0},
    )


def test_ids_are_unique_and_every_entry_has_both_languages() -> None:
    assert len(IDS) == len(set(IDS))
    assert len(ENTRIES) >= 30
    for entry in ENTRIES:
        assert re.fullmatch(r"[a-z][a-z0-9-]*", entry.id), entry.id
        for text in (entry.name_nl, entry.name_en, entry.definition_nl, entry.definition_en):
            assert text.strip(), entry.id
            assert text == text.strip(), entry.id
        assert entry.definition_nl != entry.definition_en, entry.id
        assert entry.source.publisher, entry.id
        assert entry.source.title, entry.id
    numbers = [entry.number for entry in ENTRIES if entry.number is not None]
    assert len(numbers) == len(set(numbers))
    assert numbers == sorted(numbers)  # the catalogue follows the Regeling's order


def test_the_veiligheid_set_is_there_as_budgets_print_it() -> None:
    assert tuple(e.id for e in ENTRIES if e.theme == "Veiligheid") == VEILIGHEID
    for entry_id in VEILIGHEID[1:]:
        unit = bbv.get(entry_id).to_unit()
        numerator, denominator = parts(unit)
        assert denominator == {"thousand_inhabitants": 1}, entry_id
        assert units.names()[next(iter(numerator))].definition == "crime", entry_id
    halt = bbv.get("verwijzingen-halt")
    assert halt.earlier_until == 2019
    per_10000 = units.Quantity(129, halt.to_unit(earlier=True))
    assert per_10000.m_as(halt.to_unit()) == pytest.approx(12.9)
    with pytest.raises(Exception, match="Cannot convert"):
        units.Quantity(1, halt.to_unit()).to(units.to_unit("verwijzingen per 1.000 inwoners"))


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_the_unit_is_of_the_kind_the_definition_says(entry: bbv.BbvIndicator) -> None:
    unit = entry.to_unit()
    assert units.to_unit(entry.unit) == unit
    dutch, english = entry.definition_nl, entry.definition_en
    numerator, denominator = parts(unit)
    rate = re.search(r"per (100|1\.000|10\.000) (\w+)", dutch)
    if rate:
        # A rate per 1,000 of a population: the denominator is that population, scaled.
        assert f"per {ENGLISH_SCALE[rate[1]]}" in english
        (scaled,) = denominator
        row = units.names()[scaled]
        assert row.kind == "scaled", scaled
        number, population = row.definition.split(" * ")
        assert int(number) == SCALE[rate[1]]
        assert population in units.populations()
        assert not units.is_share(unit) or units.share_scale(unit) == SCALE[rate[1]]
        assert numerator
    elif "percentage" in dutch:
        assert "percentage" in english
        assert units.is_share(unit)
        assert unit == units.to_unit("percent")
    elif "per inwoner" in dutch:
        assert denominator == {"inhabitant": 1}
        assert "per inhabitant" in english
    else:
        assert "euro" in dutch
        assert "euros" in english
        assert unit == units.to_unit("EUR")
    if "euro per inwoner" in dutch:
        assert numerator == {"EUR": 1}
    if "kilogram" in dutch:
        assert numerator == {"kilogram": 1}
    if "fte" in dutch:
        assert numerator == {"fte": 1}
    if entry.earlier_unit:
        assert entry.to_unit(earlier=True).dimensionality == unit.dimensionality
        assert str(entry.earlier_until) in dutch
        assert str(entry.earlier_until) in english


# Words of a definition that say what is measured is a harm, or a good.
HARM = (
    "geregistreerde",
    "licht vergrijp",
    "strafbaar feit",
    "met een delict",
    "op geen enkele school",
    "zonder geldige reden",
    "zonder startkwalificatie",
    "niet minstens",
    "werkloos",
    "bijstandsuitkering",
    "restafval",
)
GOOD = ("werkzame beroepsbevolking", "wind, waterkracht, zon of biomassa")


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_the_direction_is_the_one_the_definition_implies(entry: bbv.BbvIndicator) -> None:
    harm = [word for word in HARM if word in entry.definition_nl]
    good = [word for word in GOOD if word in entry.definition_nl]
    assert not (harm and good)
    expected = progmon.Direction.DECREASE if harm else progmon.Direction.INCREASE if good else None
    assert entry.direction is expected, (harm, good)


def test_every_crime_rate_improves_by_decreasing() -> None:
    crimes = [
        entry
        for entry in ENTRIES
        if any(
            name == "crime" or units.names()[name].definition == "crime"
            for name in parts(entry.to_unit())[0]
            if name in units.names()
        )
    ]
    assert {entry.id for entry in crimes} == set(VEILIGHEID[1:])
    assert all(entry.direction is progmon.Direction.DECREASE for entry in crimes)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_every_entry_makes_an_indicator_that_reads_back_from_a_file(
    language: str, fmt: str
) -> None:
    made = [bbv.indicator(entry_id, language=language) for entry_id in IDS]  # type: ignore[arg-type]
    for entry, ind in zip(ENTRIES, made, strict=True):
        assert isinstance(ind, progmon.Indicator)
        assert ind.id == entry.id
        assert ind.name == entry.name(language)  # type: ignore[arg-type]
        assert ind.unit == entry.to_unit()
        assert ind.direction is entry.direction
        assert ind.description == entry.definition(language)  # type: ignore[arg-type]
        assert ind.source == entry.source
    programme = progmon.Programme(
        id="begroting",
        name="Begroting",
        language=language,
        populations=bbv.populations(),
        ambitions=[
            progmon.Ambition(
                title="Beleidsindicatoren",
                goals=[progmon.Goal(id="bbv", statement="Alle indicatoren", indicators=made)],
            )
        ],
    )
    assert loads(dumps(programme, fmt), fmt) == programme  # type: ignore[arg-type]


def test_indicator_takes_overrides_as_a_programme_sets_them() -> None:
    ind = bbv.indicator(
        "winkeldiefstallen",
        id="winkeldiefstal",
        measurements=[progmon.Measurement(2018, 2.4), progmon.Measurement(2019, 2.1)],
        target=progmon.AtMost(2.0),
    )
    assert ind.id == "winkeldiefstal"
    assert ind.latest.value == units.Quantity(2.1, ind.unit)
    assert ind.direction is progmon.Direction.DECREASE
    jobs = bbv.indicator(
        "banen",
        direction=progmon.Direction.INCREASE,
        measurements=progmon.Measurement.series({2018: 702.0, 2019: 716.0}),
    )
    assert jobs.direction is progmon.Direction.INCREASE
    assert bbv.indicator("banen").direction is None
    with pytest.raises(ValidationError) as info:
        bbv.indicator("winkeldiefstallen", language="de")  # type: ignore[arg-type]
    assert (info.value.element, info.value.value) == ("language", "de")


def test_get_names_the_id_and_suggests_the_closest() -> None:
    with pytest.raises(ValidationError) as info:
        bbv.get("geweldsmisdrijf")
    assert info.value.element == "BBV indicator"
    assert info.value.value == "geweldsmisdrijf"
    assert "did you mean 'geweldsmisdrijven'" in str(info.value)
    with pytest.raises(ValidationError, match="did you mean 'verwijzingen-halt'"):
        bbv.get("Verwijzingen Halt")  # a name, not an id
    with pytest.raises(ValidationError) as nothing:
        bbv.get("xyzzy")
    assert "did you mean" not in str(nothing.value)
    with pytest.raises(ValidationError) as number:
        bbv.get(6)  # type: ignore[arg-type]
    assert number.value.value == 6


def test_entries_are_frozen_values() -> None:
    entry = bbv.get("overhead")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        entry.unit = "count"  # type: ignore[misc]
    assert bbv.catalogue() is bbv.catalogue()
    assert entry == bbv.get("overhead")


def test_a_population_that_means_other_people_is_refused_by_name() -> None:
    entry = attrs.evolve(
        bbv.get("verwijzingen-halt"), populations={"jongeren": "inhabitants aged 0-23"}
    )
    with pytest.raises(UnitError) as info:
        entry.to_unit()
    assert info.value.element == "BBV indicator 'verwijzingen-halt'"


def test_populations_and_themes() -> None:
    assert bbv.populations() == {
        "jongeren": "inhabitants aged 12-17",
        "inw_15_64": "inhabitants aged 15-64",
        "inw_18_plus": "inhabitants aged 18 and over",
        "inw_20_64": "inhabitants aged 20-64",
    }
    assert bbv.themes()[:2] == ("Bestuur en ondersteuning", "Veiligheid")
    with pytest.raises(ValidationError):
        bbv.populations(["verwijzingen-halt"])  # type: ignore[list-item]


# --------------------------------------------------------------------------- the reference page


def reference_table() -> str:
    """The table of docs/reference/bbv.md, made from the catalogue."""
    lines = [
        "| id | nr. | naam | name | unit | improves | source |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    theme = None
    for entry in ENTRIES:
        if entry.theme != theme:
            theme = entry.theme
            lines.append(f"| **{theme}** | | | | | | |")
        unit = f"`{entry.unit}`"
        if entry.earlier_unit:
            unit += f" (until {entry.earlier_until}: `{entry.earlier_unit}`)"
        lines.append(
            f"| `{entry.id}` | {entry.number or ''} | {entry.name_nl} | {entry.name_en} | {unit} "
            f"| {entry.direction.value if entry.direction else '-'} | {entry.source} |"
        )
    return "\n".join(lines) + "\n"


def test_the_reference_page_lists_the_catalogue() -> None:
    page = (ROOT / "docs" / "reference" / "bbv.md").read_text(encoding="utf-8")
    start = page.index("<!-- bbv table -->\n") + len("<!-- bbv table -->\n")
    end = page.index("<!-- end of bbv table -->")
    assert page[start:end] == reference_table(), "update docs/reference/bbv.md:\n" + (
        reference_table()
    )
    for entry in ENTRIES:
        assert entry.definition_en in page, entry.id
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert "reference/bbv" in index
    assert "howto/rank" in index


# --------------------------------------------------------------------------- population words


def test_a_rate_per_an_abbreviated_population_is_written_in_words() -> None:
    jobs = bbv.get("banen").to_unit()
    assert Formatter("nl").unit_name(jobs) == "banen per 1.000 inwoners van 15 tot en met 64 jaar"
    assert Formatter("en").unit_name(jobs) == "jobs per 1,000 inhabitants aged 15-64"
    # The words are a spelling of the unit too, in either language.
    assert units.to_unit("banen per 1.000 inwoners van 15 tot en met 64 jaar") == jobs
    assert units.to_unit("jobs per 1,000 inhabitants aged 15-64") == jobs
    # A population whose name is a word keeps it.
    assert Formatter("nl").unit_name(bbv.get("verwijzingen-halt").to_unit()).endswith("jongeren")


def test_the_words_do_not_depend_on_what_defined_the_population_first() -> None:
    # A programme file defines the catalogue's population by its name first (its
    # [populations] table, without words), the catalogue's entry afterwards: a review
    # made before and one made after both name the population in words, the second
    # through caches filled by the first.
    code = (
        "from progmon import units, bbv\n"
        "from progmon.report._format import Formatter\n"
        "units.define_population('inw_15_64', 'inhabitants aged 15-64')\n"
        "unit = units.to_unit('banen per 1.000 inw_15_64')\n"
        "print(Formatter('nl').unit_name(unit))\n"
        "assert bbv.get('banen').to_unit() == unit\n"
        "print(Formatter('nl').unit_name(unit))\n"
        "print(units.to_unit('vestigingen per 1.000 inwoners van 15 tot en met 64 jaar'))\n"
    )
    done = subprocess.run(  # noqa: S603  # fixed arguments, no shell
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "banen per 1.000 inw_15_64",
        "banen per 1.000 inwoners van 15 tot en met 64 jaar",
        "establishment / thousand_inw_15_64",
    ]


@pytest.mark.parametrize(
    ("dutch", "english", "message"),
    [
        ("inwoners van 70+", None, "both or neither"),
        ("", "people", "one line of text"),
        ("a\nb", "people", "one line of text"),
        (7, "people", "one line of text"),
        ("inwoners", "people aged 70+", "name the unit 'inhabitant' already"),
    ],
)
def test_the_words_of_a_population_are_checked(
    dutch: object, english: object, message: str
) -> None:
    with pytest.raises(UnitError, match=re.escape(message)):
        units.define_population(
            "ouderen_70",
            "inhabitants aged 70 and over",
            dutch=dutch,  # type: ignore[arg-type]
            english=english,  # type: ignore[arg-type]
        )
    assert "ouderen_70" not in units.populations()


def test_the_bbv_review_writes_the_populations_in_words() -> None:
    jobs = bbv.indicator(
        "banen",
        direction=progmon.Direction.INCREASE,
        measurements=progmon.Measurement.series({2018: 702.0, 2019: 716.0}),
    )
    goal = progmon.Goal(id="g", statement="G", indicators=[jobs])
    programme = progmon.Programme(
        id="p",
        name="P",
        ambitions=[progmon.Ambition(title="A", goals=[goal])],
        populations=bbv.populations([bbv.get("banen")]),
    )
    text = render(programme, as_of=2020)
    assert "inwoners van 15 tot en met 64 jaar" in text
    assert "inw_15_64" not in text
