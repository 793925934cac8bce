"""The Almelo example holds every figure, text and note of the seed document.

The expected figures are read from the seed text itself (its two tables, its
bullets, its "Doel:" lines, and the numbers in its prose), not copied from
the example, so that a figure typed wrong or left out of the example fails
here.
"""

from __future__ import annotations

import math
import os
import re
import runpy
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

from progmon import (
    Change,
    Direction,
    Indicator,
    IndicatorKind,
    Level,
    Period,
    Programme,
    units,
)

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "veiligheid.py"
# A copy of the source document, kept in the repository (its origin: tests/fixtures/README.md).
SEED = ROOT / "tests" / "fixtures" / "almelo-veiligheid-midterm-2020.txt"


# ------------------------------------------------------------------ reading the seed


def flat(text: str) -> str:
    """Whitespace collapsed: the export has no-break and trailing spaces."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def lines(seed: str) -> list[str]:
    """The non-empty lines of the seed, whitespace collapsed."""
    return [flat(line) for line in seed.splitlines() if line.strip()]


def number(text: str) -> float:
    """``37,2%`` -> 37.2, ``1.089`` -> 1089 (Dutch notation)."""
    return float(text.rstrip("%").replace(".", "").replace(",", "."))


def parse_table(lines: list[str], title: str) -> tuple[list[int], dict[str, list[float]]]:
    """A table of the seed: a title line, year lines, then per row a name and its figures."""
    i = lines.index(title) + 1
    while not re.fullmatch(r"\d{4}", lines[i]):
        i += 1  # a header such as "Categorie"
    years = []
    while re.fullmatch(r"\d{4}", lines[i]):
        years.append(int(lines[i]))
        i += 1
    rows: dict[str, list[float]] = {}
    figure = re.compile(r"\d+(,\d+)?%?")
    while i + len(years) < len(lines) and all(
        figure.fullmatch(x) for x in lines[i + 1 : i + 1 + len(years)]
    ):
        rows[lines[i]] = [number(x) for x in lines[i + 1 : i + 1 + len(years)]]
        i += 1 + len(years)
    return years, rows


def bullet_groups(lines: list[str]) -> dict[str, list[str]]:
    """Bullets of the seed, keyed by the line that introduces them."""
    groups: dict[str, list[str]] = {}
    intro = ""
    for line in lines:
        if line.startswith("•"):
            groups.setdefault(intro, []).append(line.removeprefix("•").strip())
        else:
            intro = line
    return groups


def goal_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("Doel: ")]


def result_blocks(lines: list[str]) -> list[list[str]]:
    """The lines after each "Midterm Resultaten", up to the next table, goal or heading."""
    blocks = []
    for i, line in enumerate(lines):
        if line == "Midterm Resultaten":
            block = []
            for following in lines[i + 1 :]:
                if following == "Woonoverlast" or following.startswith(("Doel: ", "Ambitie ")):
                    break
                block.append(following)
            blocks.append(block)
    return blocks


# ------------------------------------------------------------------ the example


@pytest.fixture(scope="module")
def example() -> dict[str, Any]:
    return runpy.run_path(str(EXAMPLE))


@pytest.fixture(scope="module")
def programme(example: dict[str, Any]) -> Programme:
    result = example["programme"]()
    assert isinstance(result, Programme)
    return result


def every_indicator(programme: Programme) -> Iterator[Indicator]:
    for top in programme.indicators():
        yield from top.walk()


def magnitude(quantity: Any, unit: str) -> float:
    return float(quantity.m_as(unit))


def by_name(programme: Programme, name: str) -> Indicator:
    found = [i for i in every_indicator(programme) if flat(i.name) == flat(name)]
    assert len(found) == 1, f"no single indicator named {name!r}"
    return found[0]


# ------------------------------------------------------------------ tables


def test_woonoverlast_table(lines: list[str], programme: Programme) -> None:
    years, rows = parse_table(lines, "Woonoverlast")
    assert years == [2016, 2017, 2018, 2019]
    assert set(rows) == {"Burengerucht", "Huiselijke twist", "Geluidsoverlast"}
    total = programme.indicator("woonoverlast")
    assert [c.name for c in total.components] == list(rows)
    for name, figures in rows.items():
        component = by_name(programme, name)
        assert component in total.components
        assert [m.period for m in component.measurements] == [Period.year(y) for y in years]
        for m, expected in zip(component.measurements, figures, strict=True):
            assert magnitude(m.value, "report") == expected
            assert m.source is not None
            assert m.source.title == "Politie jaarcijfers 2019"
    # The total per year, summed here from the seed's rows.
    expected_totals = [sum(column) for column in zip(*rows.values(), strict=True)]
    assert expected_totals == [1089, 1089, 1032, 973]
    assert [magnitude(m.value, "report") for m in total.measurements] == expected_totals
    assert [m.period for m in total.measurements] == [Period.year(y) for y in years]
    assert total.direction is Direction.DECREASE


def test_veiligheidsbeleving_table(lines: list[str], programme: Programme) -> None:
    years, rows = parse_table(lines, "Veiligheidsbeleving")
    assert years == [2013, 2017, 2019]
    assert len(rows) == 5
    context = programme.ambitions[0].context
    assert [flat(i.name) for i in context] == list(rows)
    for name, figures in rows.items():
        indicator = by_name(programme, name)
        assert indicator.kind is IndicatorKind.CONTEXT
        assert indicator.direction is Direction.DECREASE
        assert units.is_share(indicator.unit)
        # "2013 is als nulmeting gebruikt en respectievelijk 2017 en 2019 als peiljaren."
        assert indicator.baseline == Period.year(2013)
        assert [m.period for m in indicator.measurements] == [Period.year(y) for y in years]
        for m, expected in zip(indicator.measurements, figures, strict=True):
            assert math.isclose(magnitude(m.value, "percent"), expected)
            assert m.source is not None
            assert m.source.title == "Veiligheidsmonitor CBS 2019, Kernpublicatie 2 maart 2020"
            assert m.source.publisher == "CBS"
            assert m.source.note == "Kernindicatoren meting 70.000+ gemeenten (52)"


# ------------------------------------------------------------------ figures in the prose


def test_731_reports_of_confused_behaviour(seed: str, programme: Programme) -> None:
    match = re.search(r"In (\d{4}) zijn er (\d+) meldingen van overlast door kwetsbare", seed)
    assert match is not None
    indicator = programme.indicator("meldingen-verward-gedrag")
    assert indicator.kind is IndicatorKind.CONTEXT
    assert indicator.latest is not None
    assert indicator.latest.period == Period.year(int(match[1]))
    assert magnitude(indicator.latest.value, "report") == int(match[2]) == 731
    assert indicator.latest.source is not None
    assert indicator.latest.source.title == "Politie jaarcijfers 2019"
    assert "landelijke trend" in indicator.description
    goal = programme.goal_of(indicator)
    assert goal is not None
    assert goal.id == "verward-gedrag"


def test_satisfaction_22_to_32(seed: str, programme: Programme) -> None:
    match = re.search(
        r"gestegen met (\d+) % ten opzichte van peiljaar (\d{4})\. Dit percentage bedraagt "
        r"namelijk (\d+)% in (\d{4}), ten opzichte van (\d+)% in (\d{4})",
        seed,
    )
    assert match is not None
    rise, base_year, latest, latest_year, base, base_year_again = map(int, match.groups())
    assert base_year == base_year_again
    indicator = programme.indicator("tevredenheid-handhaving")
    assert indicator.baseline == Period.year(base_year)
    baseline = indicator.baseline_measurement
    assert baseline is not None
    assert magnitude(baseline.value, "percent") == base == 22
    assert indicator.latest is not None
    assert indicator.latest.period.start.year == latest_year
    assert magnitude(indicator.latest.value, "percent") == latest == 32
    # "gestegen met 10 %" is a difference of percentage points.
    assert latest - base == rise
    assert "10 procentpunten" in indicator.note
    assert "in algemene zin" in indicator.note
    assert indicator.latest.source is not None
    assert indicator.latest.source.title == "Burgerpanel peiling Kennispunt Twente, december 2019"


@pytest.mark.parametrize(
    ("pattern", "indicator_id", "unit"),
    [
        (
            r"blijkt uit genoemde peiling dat (\d+)% van de Almeloërs bereid",
            "inzet-leefbaarheid",
            "percent",
        ),
        (
            r"deelneemt aan veiligheidsinitiatieven is (\d+)%",
            "deelname-veiligheidsinitiatieven",
            "percent",
        ),
        (r"voelt (\d+)% van de Almeloërs zich in het algemeen veilig", "altijd-veilig", "percent"),
        (r"rapportcijfer veilige buurt een (\d+,\d)", "rapportcijfer-veilige-buurt", "mark"),
    ],
)
def test_2019_figure(
    seed: str, programme: Programme, pattern: str, indicator_id: str, unit: str
) -> None:
    match = re.search(pattern, seed)
    assert match is not None
    indicator = programme.indicator(indicator_id)
    assert indicator.latest is not None
    assert indicator.latest.period.start.year == 2019
    assert math.isclose(magnitude(indicator.latest.value, unit), number(match[1]))
    assert indicator.latest.source is not None


def test_nine_out_of_ten_feel_safe(seed: str, programme: Programme) -> None:
    match = re.search(r"In (\d{4}) voelen (\d+) van de (\d+) Almeloërs zich veilig", seed)
    assert match is not None
    indicator = programme.indicator("veilig-in-eigen-buurt")
    assert indicator.latest is not None
    assert indicator.latest.period == Period.year(int(match[1]))
    assert magnitude(indicator.latest.value, "percent") == 100 * int(match[2]) / int(match[3])
    assert "9 van de 10" in indicator.latest.note


def test_32_initiatives_is_a_level(seed: str, programme: Programme) -> None:
    match = re.search(r"Er zijn (\d+) buurtpreventie-initiatieven", seed)
    assert match is not None
    indicator = programme.indicator("buurtpreventie-initiatieven")
    assert isinstance(indicator.target, Level)
    assert magnitude(indicator.target.value, "count") == int(match[1]) == 32
    assert indicator.direction is Direction.INCREASE
    assert not indicator.is_measured


def test_360_fewer_crimes_infers_the_direction(seed: str, programme: Programme) -> None:
    match = re.search(r"misdrijven is met (\d+) afgenomen", seed)
    assert match is not None
    indicator = programme.indicator("misdrijven")
    assert isinstance(indicator.target, Change)
    assert indicator.target.amount == -int(match[1]) == -360
    assert indicator.direction is Direction.DECREASE
    # Without a direction given, the model infers it from Change(-360).
    assert attrs.evolve(indicator, direction=None).direction is Direction.DECREASE
    assert units.to_unit(indicator.unit) == units.to_unit("crime")


def test_five_percent_is_read_as_points(seed: str, programme: Programme) -> None:
    match = re.search(r"zich altijd veilig voelt is met (\d+)% gestegen", seed)
    assert match is not None
    indicator = programme.indicator("altijd-veilig")
    assert indicator.target == Change(float(match[1]))
    assert indicator.direction is Direction.INCREASE
    # The reading is stated where a reader of the review sees it.
    assert "procentpunt" in indicator.note
    assert "95,55" in indicator.note  # the other reading, 5 % of 91 %


def test_budget_and_staff(seed: str, programme: Programme) -> None:
    match = re.search(r"budget van ([\d.]+) euro in (\d{4}) en (\d{4})", seed)
    assert match is not None
    amount, years = number(match[1]), {int(match[2]), int(match[3])}
    resources = programme.ambitions[0].resources
    money = [r for r in resources if r.is_money]
    assert {r.period for r in money} == {Period.year(y) for y in years}
    for resource in money:
        assert magnitude(resource.amount, "EUR") == amount == 50_000
        assert resource.incidental
        assert resource.purpose == "Preventieve aanpak mensenhandel en uitbuiting"
    staff = re.search(r"Wij hebben (\w+) extra fte BOA “op straat” en (\w+) extra jurist", seed)
    assert staff is not None
    words = {"één": 1, "twee": 2}
    fte = {r.purpose: magnitude(r.amount, "fte") for r in resources if not r.is_money}
    assert fte == {
        "BOA “op straat”": words[staff[1]],
        "Jurist veiligheid en handhaving": words[staff[2]],
    }
    for resource in resources:
        if not resource.is_money:
            assert resource.period == Period.year(2020)
            assert "“Quick Response” bij meldingen" in resource.note


def test_every_number_of_the_seed_is_a_figure(seed: str, programme: Programme) -> None:
    """Every number of the review's body is a figure of the model, or a known non-figure."""
    body = seed[seed.index("Ambitie en Strategische Doelen") : seed.index("ga terug")]
    found = {number(x) for x in re.findall(r"\d+(?:[.,]\d+)*", body)}
    figures: set[float] = set()
    for indicator in every_indicator(programme):
        unit = str(indicator.unit)
        figures |= {round(magnitude(m.value, unit), 6) for m in indicator.measurements}
        target = indicator.target
        if isinstance(target, Level):
            figures.add(magnitude(target.value, unit))
        elif isinstance(target, Change):
            figures.add(abs(float(target.amount)))
    figures |= {float(r.amount.magnitude) for r in programme.ambitions[0].resources}
    years = {float(y) for y in range(2013, 2023)}
    not_figures = {
        10.0,  # "gestegen met 10 %": the change 22 -> 32, tested above
        9.0,  # "9 van de 10" is recorded as 90 %
        70_000.0,  # "70.000+ gemeenten (52)": the CBS comparison group, in the source's note
        52.0,
    }
    missing = found - figures - years - not_figures
    assert not missing, f"numbers of the seed that the example does not hold: {sorted(missing)}"
    assert {2.0, 1.0} <= figures  # fte written as words in the seed ("twee", "één")


# ------------------------------------------------------------------ texts


def test_programme_fields(lines: list[str], programme: Programme) -> None:
    assert programme.id == "veiligheid"
    assert programme.name == "Programma Veiligheid"
    assert f"{programme.number} {programme.name}" in lines
    assert programme.organisation == "Gemeente Almelo"
    assert programme.period == Period.between(
        date(2018, 1, 1), date(2022, 12, 31), label="2018-2022"
    )
    assert programme.review == "Midterm Review 2020"
    assert programme.language == "nl"


def test_summary(lines: list[str], programme: Programme) -> None:
    start = lines.index("Samenvatting") + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("Ambitie en Strategische"))
    assert programme.summary.split("\n\n") == lines[start:end]
    assert len(lines[start:end]) == 3


def test_ambition_and_description(lines: list[str], programme: Programme) -> None:
    (ambition,) = programme.ambitions
    heading = next(i for i, line in enumerate(lines) if line.startswith("Ambitie en Strategische"))
    assert lines[heading] == f"Ambitie en Strategische Doelen: {ambition.title}"
    assert ambition.description.split("\n\n") == lines[heading + 1 : heading + 3]
    assert lines[heading + 3] == ambition.sections[0].title


def test_goal_statements_titles_and_deadlines(lines: list[str], programme: Programme) -> None:
    goals = list(programme.goals())
    doel = goal_lines(lines)
    assert len(goals) == len(doel) == 4
    for goal, line in zip(goals, doel, strict=True):
        assert line == f"Doel: {goal.statement}:"
        assert goal.deadline == 2022
        assert goal.statement.startswith("In 2022 ")
    assert goals[0].title == lines[lines.index(doel[0]) - 1]
    assert goals[0].title == "Overlast door kwetsbare personen met verward gedrag"


def test_indicator_bullets(lines: list[str], programme: Programme) -> None:
    groups = bullet_groups(lines)
    for goal, line in zip(programme.goals(), goal_lines(lines), strict=True):
        bullets = [b.removesuffix(".") for b in groups[line]]
        names = [i.name for i in goal.indicators if i.kind is not IndicatorKind.CONTEXT]
        assert names == bullets


def test_goal_results(lines: list[str], programme: Programme) -> None:
    blocks = result_blocks(lines)
    goals = list(programme.goals())
    assert len(blocks) == len(goals)
    for goal, block in zip(goals, blocks, strict=True):
        assert goal.results.split("\n\n") == block


def test_actions(lines: list[str], programme: Programme) -> None:
    (ambition,) = programme.ambitions
    intro = next(line for line in lines if line.endswith("een bijdrage geleverd: wij,"))
    bullets = bullet_groups(lines)[intro]
    assert len(bullets) == 10
    assert [a.description for a in ambition.actions] == bullets
    period = Period.between(date(2020, 1, 1), date(2021, 12, 31), label="2020-2021")
    assert all(a.period == period for a in ambition.actions)
    assert any(s.paragraphs == (intro,) for s in ambition.sections)


def test_sections(lines: list[str], programme: Programme) -> None:
    (ambition,) = programme.ambitions
    groups = bullet_groups(lines)
    headings = {s.title for s in ambition.sections} | {
        "Veiligheidsbeleving",
        "Overlast door kwetsbare personen met verward gedrag",
        "ga terug",
    }
    expected = {
        "Terugblik",
        "Aanpak mensenhandel en uitbuiting",
        "Ambitie Samen maken we Almelo veiliger",
        "Midterm 2020",
        "Deelprogramma Zorg en Veiligheid",
        "Waar staan we nu?",
        "Landelijke ontwikkelingen veiligheid 2020",
        "Lokale ontwikkelingen 2020",
        "Betekenis voor de toekomst",
    }
    assert {s.title for s in ambition.sections} == expected
    for section in ambition.sections:
        start = lines.index(section.title) + 1
        end = start + len(section.paragraphs)
        assert list(section.paragraphs) == lines[start:end], section.title
        after = lines[end]
        if section.bullets:
            assert list(section.bullets) == groups[lines[end - 1]]
            after = lines[end + len(section.bullets)]
        # Nothing of the section's text is left behind.
        assert after in headings or after.startswith("•"), (section.title, after)
    toekomst = next(s for s in ambition.sections if s.title == "Betekenis voor de toekomst")
    assert len(toekomst.bullets) == 4
    landelijk = next(s for s in ambition.sections if s.title.startswith("Landelijke"))
    assert len(landelijk.paragraphs) == 3
    assert any(
        "bron VNG veiligheidscijfers 2019 en CBS Veiligheidsmonitor 2019" in p
        for p in landelijk.paragraphs
    )
    waar = next(s for s in ambition.sections if s.title == "Waar staan we nu?")
    assert "2013 is als nulmeting gebruikt en respectievelijk 2017 en 2019 als peiljaren." in (
        waar.paragraphs
    )


def test_not_measured_indicators_have_notes(seed: str, programme: Programme) -> None:
    unmeasured = {i.id for i in programme.indicators() if not i.is_measured}
    assert unmeasured == {
        "verward-gedrag-politiecel",
        "meldingsbereidheid",
        "buurtpreventie-initiatieven",
        "tevredenheid-sociale-veiligheid",
        "misdrijven",
    }
    for indicator_id in unmeasured:
        indicator = programme.indicator(indicator_id)
        assert indicator.note.strip(), indicator_id
        assert indicator.measurements == ()
    assert "De indicator (meldingsbereidheid) is nog niet gemeten." in seed
    assert programme.indicator("meldingsbereidheid").note == (
        "De indicator (meldingsbereidheid) is nog niet gemeten."
    )
    assert flat(programme.indicator("buurtpreventie-initiatieven").note) in flat(seed)
    assert "Politie jaarcijfers over 2020" in programme.indicator("verward-gedrag-politiecel").note


def test_sources_are_cited_in_the_seed(
    seed: str, example: dict[str, Any], programme: Programme
) -> None:
    text = flat(seed).casefold()
    sources = set(example["SOURCES"].values())
    used = {
        m.source for i in every_indicator(programme) for m in i.measurements if m.source is not None
    }
    assert used == sources
    for source in sources:
        assert source.title.casefold() in text, source.title
        assert source.publisher.casefold() in text, source.publisher


# ------------------------------------------------------------------ the model, as the example uses it


def test_ids_are_ascii_kebab_case(programme: Programme) -> None:
    kebab = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
    ids = [g.id for g in programme.goals()] + [i.id for i in every_indicator(programme)]
    assert len(ids) == len(set(ids))
    for identifier in [programme.id, *ids]:
        assert kebab.fullmatch(identifier), identifier


def test_measurements_sorted_one_per_period(programme: Programme) -> None:
    for indicator in every_indicator(programme):
        periods = [m.period for m in indicator.measurements]
        assert periods == sorted(periods), indicator.id
        assert len(periods) == len(set(periods)), indicator.id
        for m in indicator.measurements:
            assert units.to_unit(m.value.units) == units.to_unit(indicator.unit)


def test_units_of_the_indicators(programme: Programme) -> None:
    def unit(indicator_id: str) -> Any:
        return units.to_unit(programme.indicator(indicator_id).unit)

    assert unit("woonoverlast") == units.to_unit("report")
    assert unit("rapportcijfer-veilige-buurt") == units.to_unit("mark")
    assert unit("misdrijven") == units.to_unit("crime")
    for indicator in programme.indicators():
        if "percentage" in indicator.name.lower() or indicator.id in {
            "meldingsbereidheid",
            "inzet-leefbaarheid",
            "veilig-in-eigen-buurt",
        }:
            assert units.is_share(indicator.unit), indicator.id


def test_every_goal_indicator_has_a_target_and_direction(programme: Programme) -> None:
    for goal in programme.goals():
        for indicator in goal.indicators:
            assert indicator.direction is not None, indicator.id
            if indicator.kind is IndicatorKind.CONTEXT:
                assert indicator.target is None, indicator.id
            else:
                assert indicator.target is not None, indicator.id
                assert goal.deadline_of(indicator) == 2022


def test_the_programme_is_a_value(example: dict[str, Any], programme: Programme) -> None:
    assert example["programme"]() == programme
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        programme.name = "x"  # type: ignore[misc]


# ------------------------------------------------------------------ the script


def test_script_prints_the_review(programme: Programme, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    html = tmp_path / "review.html"
    result = subprocess.run(  # noqa: S603  # our own interpreter and file
        [sys.executable, str(EXAMPLE), "--html", str(html)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        env=env,
        cwd=ROOT,
    )
    assert result.stderr == ""
    out = flat(result.stdout)
    assert out.startswith("# Programma Veiligheid")
    for goal in programme.goals():
        assert flat(goal.statement) in out
        for indicator in goal.indicators:
            assert flat(indicator.name) in out
    for indicator in programme.ambitions[0].context:
        assert flat(indicator.name) in out
    # Every indicator without figures is shown with its note, never left out.
    not_measured = [i for i in programme.indicators() if not i.is_measured]
    assert len(not_measured) == 5
    for indicator in not_measured:
        assert flat(indicator.note).rstrip(".") in out
    assert "1.089 meldingen (2016)" in out
    assert "973 meldingen (2019)" in out
    assert "Politie jaarcijfers 2019" in out
    assert "+5,0 procentpunt" in out
    assert "€ 50.000" in out
    for action in programme.ambitions[0].actions:
        assert flat(action.description) in out
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
