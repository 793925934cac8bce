"""BBV indicators in programme files: ``bbv = "..."``, ``progmon new --bbv`` and the review section.

The rules: an indicator with ``bbv`` takes the catalogue entry's id, name
(in the programme's language), unit, direction, definition and source, and
a key written beside it wins; the entry's populations join the programme's;
a programme is written back with ``bbv`` and only what differs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import progmon
from progmon import bbv
from progmon.assessment import assess
from progmon.cli import main
from progmon.errors import ProgmonError, ValidationError
from progmon.io import dumps, load, loads
from progmon.report import render
from progmon.report._format import Formatter
from progmon.report._view import build

HEAD = 'format = 1\nid = "p"\nname = "P"\n'


def programme_file(lines: str, *, language: str = "nl", populations: str = "") -> str:
    """A programme file whose one ambition has ``lines`` as its context indicators."""
    return (
        f'{HEAD}language = "{language}"\n{populations}\n'
        f'[[ambitions]]\ntitle = "A"\ncontext = [\n{lines}\n]\n'
    )


def read(lines: str, **options: Any) -> progmon.Programme:
    return loads(programme_file(lines, **options))


# --------------------------------------------------------------------------- inheritance


@pytest.mark.parametrize("language", ["nl", "en"])
def test_one_line_inherits_the_entry_in_the_programmes_language(language: str) -> None:
    programme = read('{ bbv = "winkeldiefstallen" }', language=language)
    (indicator,) = programme.indicators()
    entry = bbv.get("winkeldiefstallen")
    assert indicator.bbv == "winkeldiefstallen"
    assert indicator.id == entry.id
    assert indicator.name == entry.name(language)  # type: ignore[arg-type]
    assert indicator.unit == entry.to_unit()
    assert indicator.direction is progmon.Direction.DECREASE
    assert indicator.description == entry.definition(language)  # type: ignore[arg-type]
    assert indicator.source == entry.source
    assert indicator == bbv.indicator("winkeldiefstallen", language=language)  # type: ignore[arg-type]


def test_a_key_written_in_the_file_wins() -> None:
    programme = read(
        '{ bbv = "winkeldiefstallen", id = "winkel", name = "Winkeldiefstal", '
        'description = "Eigen tekst", source = "Politie", direction = "decrease", '
        'unit = "winkeldiefstallen per 10.000 inwoners", target = { at_most = 20 } }'
    )
    (indicator,) = programme.indicators()
    assert (indicator.id, indicator.name, indicator.description) == (
        "winkel",
        "Winkeldiefstal",
        "Eigen tekst",
    )
    assert str(indicator.source) == "Politie"
    assert indicator.unit == progmon.units.to_unit("winkeldiefstallen per 10.000 inwoners")
    assert indicator.unit != bbv.get("winkeldiefstallen").to_unit()
    assert indicator.target is not None
    assert indicator.target.value.magnitude == 20
    assert indicator.bbv == "winkeldiefstallen"


def test_an_entry_without_a_direction_gives_none_and_a_file_may_give_one() -> None:
    programme = read('{ bbv = "banen" },\n{ bbv = "banen", id = "b2", direction = "increase" }')
    jobs, chosen = programme.indicators()
    assert jobs.direction is None
    assert chosen.direction is progmon.Direction.INCREASE


def test_the_entrys_populations_join_the_programmes_and_are_written() -> None:
    programme = read('{ bbv = "verwijzingen-halt" }, { bbv = "banen" }')
    assert programme.populations == {
        "jongeren": "inhabitants aged 12-17",
        "inw_15_64": "inhabitants aged 15-64",
    }
    text = dumps(programme)
    assert '[populations]\njongeren = "inhabitants aged 12-17"' in text
    own = read('{ bbv = "verwijzingen-halt" }', populations='[populations]\ngasten = "visitors"\n')
    assert list(own.populations) == ["gasten", "jongeren"]  # the file's own first
    without = read('{ bbv = "winkeldiefstallen" }')
    assert without.populations == {}


def test_a_population_the_file_means_otherwise_is_refused_at_the_bbv_key() -> None:
    with pytest.raises(ProgmonError) as info:
        read(
            '{ bbv = "verwijzingen-halt" }',
            populations='[populations]\njongeren = "inhabitants aged 0-23"\n',
        )
    assert "jongeren" in str(info.value) or "populations" in str(info.value)


# --------------------------------------------------------------------------- writing back


def test_dumps_writes_bbv_and_only_what_differs() -> None:
    programme = read(
        '{ bbv = "winkeldiefstallen" },\n'
        '{ bbv = "geweldsmisdrijven", name = "Geweld", measurements = [{ period = 2019, value = 5.1 }] }'
    )
    text = dumps(programme)
    assert text.count("bbv = ") == 2
    shop = text[text.index('bbv = "winkeldiefstallen"') : text.index('bbv = "geweldsmisdrijven"')]
    for key in ("id =", "unit =", "direction =", "description =", "source =", "name ="):
        assert key not in shop
    violence = text[text.index('bbv = "geweldsmisdrijven"') :]
    assert 'name = "Geweld"' in violence
    assert "unit =" not in violence
    assert "sources" not in text  # the catalogue's source is the entry's, not written


def test_python_indicator_checks_the_id_and_takes_direction_and_source_only() -> None:
    made = progmon.Indicator(id="x", name="X", unit="count", bbv="winkeldiefstallen")
    assert made.direction is progmon.Direction.DECREASE
    assert made.source == bbv.get("winkeldiefstallen").source
    assert (made.name, made.description) == ("X", "")  # not inherited by the constructor
    assert progmon.Indicator(id="x", name="X", unit="count").bbv == ""
    with pytest.raises(ValidationError) as info:
        progmon.Indicator(id="x", name="X", unit="count", bbv="winkeldiefstal")
    assert "did you mean 'winkeldiefstallen'" in str(info.value)
    assert info.value.element == "indicator 'x' bbv"
    assert info.value.value == "winkeldiefstal"
    with pytest.raises(ValidationError):
        progmon.Indicator(id="x", name="X", unit="count", bbv=None)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["toml", "json"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_round_trips_are_exact(fmt: str, language: str) -> None:
    reference = progmon.Reference("Nederland", [progmon.Measurement(2019, 2.4)], kind="country")
    indicators = [
        bbv.indicator("winkeldiefstallen", language=language, references=[reference]),  # type: ignore[arg-type]
        bbv.indicator("verwijzingen-halt", id="halt", name="Halt", language=language),  # type: ignore[arg-type]
        # Made in Python, the name and unit the caller's, no description: written as such.
        progmon.Indicator(id="own", name="Eigen", unit="count", bbv="banen"),
        bbv.indicator("banen", id="b2", description="", source=progmon.Source("Eigen telling")),
    ]
    programme = progmon.Programme(
        id="p",
        name="P",
        language=language,
        populations=bbv.populations([bbv.get("verwijzingen-halt"), bbv.get("banen")]),
        ambitions=[progmon.Ambition(title="A", context=indicators)],
    )
    text = dumps(programme, fmt)  # type: ignore[arg-type]
    assert loads(text, fmt) == programme  # type: ignore[arg-type]
    assert dumps(loads(text, fmt), fmt) == text  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_an_unknown_id_in_a_file_names_the_key_and_suggests(fmt: str) -> None:
    text = programme_file('{ bbv = "geweldsmisdrijf" }')
    if fmt == "json":
        text = dumps(read('{ bbv = "geweldsmisdrijven" }'), "json").replace(
            '"geweldsmisdrijven"', '"geweldsmisdrijf"'
        )
    with pytest.raises(ValidationError) as info:
        loads(text, fmt)  # type: ignore[arg-type]
    assert info.value.element.endswith("ambitions[0].context[0].bbv")
    assert info.value.value == "geweldsmisdrijf"
    assert "did you mean 'geweldsmisdrijven'" in str(info.value)
    with pytest.raises(ProgmonError) as number:
        read("{ bbv = 7 }")
    assert number.value.element.endswith("context[0].bbv")


# --------------------------------------------------------------------------- progmon new --bbv


@pytest.mark.parametrize(("theme", "expected"), [(None, "Veiligheid"), ("all", None)])
def test_new_with_bbv_then_check_and_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], theme: str | None, expected: str | None
) -> None:
    target = tmp_path / "begroting.toml"
    assert main(["new", str(target), "--bbv", *([theme] if theme else [])]) == 0
    text = target.read_text(encoding="utf-8")
    entries = [e for e in bbv.catalogue() if expected is None or e.theme == expected]
    for entry in entries:
        assert f'{{ bbv = "{entry.id}" }}, # {entry.name_nl}: {entry.unit}\n' in text
    assert text.count("}, # ") == len(entries)
    assert "# A progmon programme file" in text  # the template's comments are kept
    assert 'title = "Beleidsindicatoren (BBV)"' in text
    assert main(["check", str(target)]) == 0
    programme = load(target)
    assert [i.bbv for i in programme.indicators() if i.bbv] == [e.id for e in entries]
    # Figures, then the review in both languages shows the section.
    if expected is not None:
        target.write_text(
            text.replace(
                '{ bbv = "winkeldiefstallen" },',
                '{ bbv = "winkeldiefstallen", measurements = [{ period = 2019, value = 2.1 }] },',
            ),
            encoding="utf-8",
        )
        capsys.readouterr()
        assert main(["report", str(target), "--as-of", "2019"]) == 0
        assert "## Beleidsindicatoren (BBV)" in capsys.readouterr().out
        assert main(["report", str(target), "--as-of", "2019", "--lang", "en"]) == 0
        assert "## BBV policy indicators" in capsys.readouterr().out


def test_new_with_an_unknown_theme_suggests_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "p.toml"
    assert main(["new", str(target), "--bbv", "veilig"]) == 1
    assert "did you mean 'Veiligheid'" in capsys.readouterr().err
    assert not target.exists()
    assert main(["new", str(target), "--bbv", "SOCIAAL DOMEIN"]) == 0
    assert "banen" in target.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- the review section

FIGURES = """\
{ bbv = "winkeldiefstallen", measurements = [{ period = 2018, value = 2.3 }, { period = 2019, value = 2.1 }], references = [{ name = "Nederland", kind = "country", measurements = [{ period = 2019, value = 2.4 }] }, { name = "Gemeenten 50.000-100.000", kind = "size-class", measurements = [{ period = 2018, value = 2.0 }] }] },
{ bbv = "formatie", measurements = [{ period = 2019, value = 7.25 }] },
{ bbv = "verwijzingen-halt", measurements = [{ period = 2019, value = 3.2 }], references = [{ name = "Nederland", measurements = [{ period = 2019, value = 4.0 }] }] },
{ id = "eigen", name = "Eigen indicator", unit = "count", measurements = [{ period = 2019, value = 3 }] },
"""


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_sections_rows_are_the_catalogues_and_the_assessments(language: str) -> None:
    programme = read(FIGURES)
    assessment = assess(programme, as_of=2019)
    fmt = Formatter(language)
    view = build(assessment, fmt, charts=False)
    # By theme in the catalogue's order: Bestuur en ondersteuning before Veiligheid.
    assert [g.theme for g in view.bbv] == [
        "Bestuur en ondersteuning" if language == "nl" else "Governance and support",
        "Veiligheid" if language == "nl" else "Safety",
    ]
    rows = [row for group in view.bbv for row in group.rows]
    assert [row.bbv for row in rows] == ["formatie", "verwijzingen-halt", "winkeldiefstallen"]
    assessed = {a.indicator.id: a for a in assessment.ambition_assessments[0].context}
    for row in rows:
        entry = bbv.get(row.bbv)
        assert row.name == entry.name(language)  # type: ignore[arg-type]
        expected_unit = entry.unit if language == "nl" else fmt.unit_name(entry.to_unit())
        assert row.unit == expected_unit
        latest = assessed[row.bbv].latest
        assert latest is not None
        assert row.period == fmt.period(latest.period)
        assert row.value == fmt.number(latest.value.magnitude, 1)
        assert row.source == str(entry.source)
    assert view.bbv_columns == [
        "Nederland (land)" if language == "nl" else "Nederland (country)",
        "Gemeenten 50.000-100.000 (grootteklasse)"
        if language == "nl"
        else "Gemeenten 50.000-100.000 (size class)",
    ]
    shop = rows[2]
    comparisons = assessed["winkeldiefstallen"].comparisons
    assert [c.figure.value.magnitude for c in comparisons if c.figure] == [2.4, 2.0]
    separator = "," if language == "nl" else "."
    assert shop.figures == [f"2{separator}4", f"2{separator}0 (2018)"]
    assert rows[1].figures == [f"4{separator}0", "—"]  # Halt: no size class
    assert rows[0].value == f"7{separator}2" or rows[0].value == f"7{separator}3"
    for out_format in ("md", "html"):
        page = render(assessment, format=out_format, lang=language)
        title = "Beleidsindicatoren (BBV)" if language == "nl" else "BBV policy indicators"
        assert title in page
        assert str(bbv.CATALOGUE_SOURCE) in page
        assert bbv.CATALOGUE_SOURCE.url in page
        section = page[page.index(title) :]
        assert "Eigen indicator" not in section.split("Source" if language == "en" else "Bron")[0]


def test_no_section_without_bbv_indicators() -> None:
    programme = read('{ id = "eigen", name = "Eigen", unit = "count", '
                     "measurements = [{ period = 2019, value = 3 }] }")  # fmt: skip
    for language in ("nl", "en"):
        for out_format in ("md", "html"):
            page = render(programme, format=out_format, lang=language, as_of=2019)
            assert "Beleidsindicatoren" not in page
            assert "BBV policy" not in page
            assert "waarstaatjegemeente" not in page


def test_hostile_names_stay_escaped_in_the_section() -> None:
    hostile = "<script>alert(1)</script> | *x*"
    programme = read(
        f'{{ bbv = "winkeldiefstallen", name = "{hostile}", '
        "measurements = [{ period = 2019, value = 2.1 }], "
        f'references = [{{ name = "<img src=x onerror=y>", measurements = [{{ period = 2019, value = 2.4 }}] }}] }}'
    )
    html = render(programme, format="html", as_of=2019)
    section = html[html.index('<section id="bbv">') :]
    section = section[: section.index("</section>")]
    assert "<script>" not in section
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in section
    assert "<img" not in section
    assert "&lt;img src=x onerror=y&gt;" in section
    markdown = render(programme, format="md", as_of=2019)
    part = markdown[markdown.index("## Beleidsindicatoren (BBV)") :]
    part = part[: part.index("## Methode")]
    assert "<script>" not in part
    assert "<img" not in part
    row = next(line for line in part.splitlines() if "alert(1)" in line)
    assert row.count(" | ") == part.splitlines()[4].count(" | ")  # the pipe did not add a cell
