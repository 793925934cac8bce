"""The review (progmon.report) of the Almelo example and of small programmes.

Expected texts and figures come from the seed document (Almelo, Programma
Veiligheid, midterm review 2020) and from the locale conventions the brief
names ("7,5", "31,0 %", "€ 50.000", "december 2019"), never from the
report code itself.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import progmon
import strategies
from progmon import (
    Ambition,
    Direction,
    Goal,
    Improve,
    Indicator,
    IndicatorKind,
    Level,
    Measurement,
    Programme,
    units,
)
from progmon.assessment import assess
from progmon.errors import ProgmonError, ValidationError
from progmon.report import render, write
from progmon.report._format import Formatter

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT / "examples"))
import veiligheid  # noqa: E402

AS_OF = 2020

# The four "Doel:" statements of the seed, verbatim.
SEED_GOALS = (
    (
        "In 2022 krijgen kwetsbare personen meer passende zorg en veroorzaken ze minder overlast "
        "in buurten"
    ),
    (
        "In 2022 hebben inwoners meer vertrouwen in hoe de gemeente handhaaft en toezicht houdt in "
        "wijken en buurten"
    ),
    (
        "In 2022 zijn Almeloërs zich meer bewust van de veiligheid in hun stad en dragen ze hier "
        "zelf meer aan bij"
    ),
    (
        "In 2022 voelen inwoners, ondernemers en bezoekers zich veiliger in de stad en hun buurt en "
        "ervaren minder overlast"
    ),
)
# The seed's table "Woonoverlast" (2016-2019), as counts.
SEED_WOONOVERLAST = {
    "Burengerucht": (273, 276, 250, 234),
    "Huiselijke twist": (126, 115, 114, 115),
    "Geluidsoverlast": (690, 698, 668, 624),
}
# The seed's table "Veiligheidsbeleving" (CBS 2013/2017/2019), in percent.
SEED_CBS = {
    "Onveiligheidsgevoelens algemeen: wel eens": (37.2, 36.0, 31.0),
    "Sociale Overlast: ervaart veel overlast": (18.3, 12.9, 12.2),
    "Fysieke verloedering: ervaart veel overlast": (28.1, 23.5, 22.0),
    "Totaal ervaren overlast: ervaart veel overlast": (6.2, 5.6, 5.0),
    "Wel eens onveilig gevoel in de buurt": (5.4, 4.4, 3.4),
}
# Other figures in the seed's prose: 731 reports, 22 % -> 32 %, 59 %, 43 %, 91 %, 7,5, 9 of 10.
SEED_PROSE_NL = ("731", "22,0 %", "32,0 %", "59,0 %", "43,0 %", "91,0 %", "90,0 %", "7,5")
SEED_PROSE_EN = ("731", "22.0%", "32.0%", "59.0%", "43.0%", "91.0%", "90.0%", "7.5")


def _percent(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return f"{text.replace('.', ',')} %" if lang == "nl" else f"{text}%"


@pytest.fixture(scope="module")
def programme() -> Programme:
    return veiligheid.programme()


@pytest.fixture(scope="module")
def reviews(programme: Programme) -> dict[tuple[str, str], str]:
    return {
        (fmt, lang): render(programme, format=fmt, lang=lang, as_of=AS_OF)  # type: ignore[arg-type]
        for fmt in ("md", "html")
        for lang in ("nl", "en")
    }


def _text(review: str) -> str:
    """The review without tags and with HTML entities undone, for searching."""
    import html

    return html.unescape(re.sub(r"<[^>]+>", " ", review))


# --------------------------------------------------------------------------- content


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_almelo_review_has_every_goal_indicator_figure_and_note(
    reviews: dict[tuple[str, str], str], programme: Programme, fmt: str, lang: str
) -> None:
    text = _text(reviews[fmt, lang])
    for statement in SEED_GOALS:
        assert statement in text
    for top in programme.indicators():
        for indicator in top.walk():
            assert indicator.name in text, indicator.id
            if indicator.note:
                assert indicator.note.strip().rstrip(".") in text, indicator.id
            for m in indicator.measurements:
                if m.note:
                    assert m.note in text, (indicator.id, m.note)
    for name, counts in SEED_WOONOVERLAST.items():
        assert any(
            name in line and all(re.search(rf"\b{c}\b", line) for c in counts)
            for line in text.splitlines()
        ), name
    # The total per year: the seed's three categories added up.
    totals = [sum(c[i] for c in SEED_WOONOVERLAST.values()) for i in range(4)]
    thousands = "." if lang == "nl" else ","
    for total in totals:
        assert f"{total:,}".replace(",", thousands) in text
    for name, shares in SEED_CBS.items():
        for share in shares:
            assert _percent(share, lang) in text, (name, share)
    for figure in SEED_PROSE_NL if lang == "nl" else SEED_PROSE_EN:
        assert figure in text
    for action in veiligheid.ACTIONS:
        assert action in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_unmeasured_indicators_are_shown_with_their_note(
    reviews: dict[tuple[str, str], str], programme: Programme, fmt: str
) -> None:
    text = " ".join(_text(reviews[fmt, "nl"]).split())
    unmeasured = [i for i in programme.indicators() if not i.is_measured]
    assert len(unmeasured) == 5  # the seed's five indicators without a figure
    for indicator in unmeasured:
        # Its row: the name, "nog niet gemeten" and the note, close together.
        found = re.search(
            re.escape(indicator.name)
            + r".{0,400}?nog niet gemeten.{0,40}?\("
            + re.escape(" ".join(indicator.note.split())[:30]),
            text,
            re.IGNORECASE,
        )
        assert found, indicator.id


def test_number_formats_per_language(reviews: dict[tuple[str, str], str]) -> None:
    nl, en = reviews["md", "nl"], reviews["md", "en"]
    for expected in ("7,5", "31,0 %", "€ 50.000", "december 2019", "1.089"):
        assert expected in nl, expected
    for expected in ("7.5", "31.0%", "€50,000", "December 2019", "1,089"):
        assert expected in en, expected
    assert "€50,000" not in nl
    assert "€ 50.000" not in en
    assert "31,0 %" not in en
    assert "Op koers" in nl
    assert "On track" in en
    assert "Wat mag het kosten?" in nl
    assert "What may it cost?" in en


def test_the_three_budget_questions_with_actions_and_resources(
    reviews: dict[tuple[str, str], str],
) -> None:
    md = reviews["md", "nl"]
    achieve = md.index("### Wat willen we bereiken?")
    do = md.index("### Wat gaan we daarvoor doen?")
    cost = md.index("### Wat mag het kosten?")
    assert achieve < do < cost
    budget = md[cost:]
    # The seed: 50.000 euro in 2021 and in 2022 (incidental); 2 fte BOA, 1 fte jurist.
    assert "| 2021 | € 50.000 | incidenteel |" in budget
    assert "| 2022 | € 50.000 | incidenteel |" in budget
    assert "2 fte" in budget
    assert "1 fte" in budget
    assert "2021: € 50.000; 2022: € 50.000" in budget


def test_components_under_their_total_and_context_apart(
    reviews: dict[tuple[str, str], str],
) -> None:
    md = reviews["md", "nl"]
    lines = md.splitlines()
    total = next(
        i for i, line in enumerate(lines) if line.startswith("| Het aantal meldingen van woon")
    )
    assert [lines[total + k].split("|")[1].strip() for k in (1, 2, 3)] == [
        "↳ Burengerucht",
        "↳ Huiselijke twist",
        "↳ Geluidsoverlast",
    ]
    context = md.index("### Contextindicatoren")
    for name in SEED_CBS:
        assert md.index(f"| {name} |") > context
    assert md.index("### Contextindicatoren") < md.index("### Wat gaan we daarvoor doen?")


def test_reason_sentence_of_a_cbs_figure(reviews: dict[tuple[str, str], str]) -> None:
    # Seed: 37,2 % in 2013, 31,0 % in 2019: 6,2 points down.
    en = reviews["md", "en"]
    assert "Latest 31.0% in 2019; down 6.2 percentage points since 2013" in en
    nl = reviews["md", "nl"]
    assert "Laatste 31,0 % in 2019; 6,2 procentpunt lager dan in 2013" in nl


def test_summary_counts_match_the_assessment(
    reviews: dict[tuple[str, str], str], programme: Programme
) -> None:
    result = assess(programme, as_of=AS_OF)
    md = reviews["md", "en"]
    counted = sum(result.counts.values())
    numbers = re.findall(
        r"^\| [^|]+ \| (\d+) \|$", md.split("### Status by ambition")[0], re.MULTILINE
    )
    assert sum(int(n) for n in numbers) == counted
    assert "method: growth ratio" in md


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_markdown_shows_each_status_as_symbol_and_label(
    reviews: dict[tuple[str, str], str], programme: Programme, lang: str
) -> None:
    # The status is the last cell of an indicator's row and follows its name in the list.
    md, fmt = reviews["md", lang], Formatter(lang)
    result = assess(programme, as_of=AS_OF)
    for goal in (g for a in result.ambition_assessments for g in a.goal_assessments):
        for a in goal.indicator_assessments:
            shown = f"{fmt.status_symbol(a.status)} {fmt.status_label(a.status)}"
            name = a.indicator.name
            assert re.search(
                rf"^\| {re.escape(name)} \|.* \| {re.escape(shown)} \|$", md, re.MULTILINE
            )
            assert f"- **{name}** — {shown}: " in md
    programme_status = fmt.status_label(result.status)
    assert f": {fmt.status_symbol(result.status)} {programme_status}**" in md


# --------------------------------------------------------------------------- HTML


def _without_namespaces(html: str) -> str:
    return re.sub(r'\sxmlns(:\w+)?="[^"]*"', "", html)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_has_no_external_resources(reviews: dict[tuple[str, str], str], lang: str) -> None:
    page = _without_namespaces(reviews["html", lang])
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page
    # Links inside a chart point into the chart itself ("#id"), never out.
    assert not re.search(r"\b(src|href)\s*=\s*\"(?!#)", page)
    assert not re.search(r"url\((?!#)", page)
    assert "@import" not in page
    assert not re.search(r"https?://", page)
    assert "<?xml" not in page
    assert "<metadata" not in page
    assert f'<html lang="{lang}">' in page


def test_a_chart_for_every_series(
    reviews: dict[tuple[str, str], str], programme: Programme
) -> None:
    with_series = [
        indicator
        for top in programme.indicators()
        for indicator in top.walk()
        if sum(m.value is not None and m.period.start.year <= AS_OF for m in indicator.measurements)
        >= 2
    ]
    # The seed's series: woonoverlast and its three categories, satisfaction 2015/2019, five CBS.
    assert len(with_series) == 10
    page = reviews["html", "en"]
    labels = re.findall(r'<svg class="chart" role="img" aria-label="Course of ([^"]+)"', page)
    assert sorted(labels) == sorted(i.name for i in with_series)
    assert page.count("<svg") == 10
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "ids in the inline SVGs must not clash"


def test_html_is_deterministic(programme: Programme) -> None:
    first = render(programme, format="html", lang="nl", as_of=AS_OF)
    second = render(programme, format="html", lang="nl", as_of=AS_OF)
    assert first == second


def test_html_escapes_programme_text() -> None:
    ind = Indicator(
        id="x",
        name="<script>alert(1)</script> & co",
        unit="report",
        measurements=[Measurement(2018, 3), Measurement(2019, 2)],
        direction=Direction.DECREASE,
        target=Improve(),
    )
    p = Programme(
        id="p",
        name="P <b>",
        ambitions=[
            Ambition(
                title="A", goals=[Goal(id="g", statement="S", deadline=2022, indicators=[ind])]
            )
        ],
    )
    page = render(p, format="html", as_of=2019)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    assert "P &lt;b&gt;" in page


def test_markdown_cells_keep_the_table_intact() -> None:
    ind = Indicator(
        id="x",
        name="A | B",
        unit="count",
        measurements=[Measurement(2019, 3)],
        target=Level(5),
        direction=Direction.INCREASE,
    )
    p = Programme(
        id="p",
        name="P",
        ambitions=[
            Ambition(
                title="A", goals=[Goal(id="g", statement="S", deadline=2022, indicators=[ind])]
            )
        ],
    )
    md = render(p, as_of=2019)
    row = next(line for line in md.splitlines() if line.startswith("| A \\| B"))
    assert row.count(" | ") == 8  # nine cells


def test_markdown_works_without_matplotlib() -> None:
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        f"sys.path.insert(0, {str(ROOT / 'examples')!r})\n"
        "import veiligheid\n"
        "from progmon.report import render\n"
        "from progmon.errors import ProgmonError\n"
        "md = render(veiligheid.programme(), as_of=2020)\n"
        "assert md.startswith('# Programma Veiligheid')\n"
        "try:\n"
        "    render(veiligheid.programme(), format='html', as_of=2020)\n"
        "except ProgmonError as e:\n"
        "    print('refused:', e)\n"
    )
    done = subprocess.run(  # noqa: S603  # fixed arguments, no shell
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "refused:" in done.stdout
    assert "progmon-nl[plot]" in done.stdout


# --------------------------------------------------------------------------- API


def test_render_takes_an_assessment(programme: Programme) -> None:
    result = assess(programme, as_of=AS_OF)
    assert render(result, lang="en") == render(programme, lang="en", as_of=AS_OF)
    with pytest.raises(ValidationError, match="as_of"):
        render(result, as_of=2019)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"format": "pdf"}, "report format"), ({"lang": "de"}, "report language")],
)
def test_render_refuses_unknown_formats_and_languages(
    programme: Programme, kwargs: dict[str, str], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        render(programme, as_of=AS_OF, **kwargs)  # type: ignore[arg-type]


def test_render_refuses_other_values() -> None:
    with pytest.raises(ProgmonError, match="Programme or a ProgrammeAssessment"):
        render("programme.toml")


def test_write_takes_the_format_from_the_suffix(programme: Programme, tmp_path: Path) -> None:
    html = write(programme, tmp_path / "review.html", lang="en", as_of=AS_OF)
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    md = write(programme, tmp_path / "review.md", as_of=AS_OF)
    assert md.read_text(encoding="utf-8").startswith("# Programma Veiligheid")
    with pytest.raises(ValidationError, match="suffix"):
        write(programme, tmp_path / "review.txt", as_of=AS_OF)
    with pytest.raises(ProgmonError, match="cannot be written"):
        write(programme, tmp_path / "missing" / "review.md", as_of=AS_OF)


def test_as_of_defaults_to_the_latest_figure(programme: Programme) -> None:
    # The seed's latest figures are of 2019.
    assert "as of 2019" in render(programme, lang="en")


# --------------------------------------------------------------------------- formats


@pytest.mark.parametrize(
    ("lang", "quantity", "expected"),
    [
        ("nl", units.Quantity(7.5, "mark"), "7,5"),
        ("en", units.Quantity(7.5, "mark"), "7.5"),
        ("nl", units.Quantity(31, "percent"), "31,0 %"),
        ("en", units.Quantity(31, "percent"), "31.0%"),
        ("nl", units.Quantity(50_000, "EUR"), "€ 50.000"),
        ("en", units.Quantity(50_000, "EUR"), "€50,000"),
        ("nl", units.Quantity(4640, "crime"), "4.640 misdrijven"),
        ("en", units.Quantity(4640, "crime"), "4,640 crimes"),
        ("nl", units.Quantity(1.5, "fte"), "1,5 fte"),
        (
            "nl",
            units.Quantity(12.5, "report / thousand_inhabitants"),
            "12,5 meldingen per 1.000 inwoners",
        ),
    ],
)
def test_quantities_per_language(lang: str, quantity: object, expected: str) -> None:
    assert Formatter(lang).quantity(quantity) == expected  # type: ignore[arg-type]


def test_periods_per_language() -> None:
    from datetime import date

    from progmon import Period

    december = Period.month(2019, 12)
    assert Formatter("nl").period(december) == "december 2019"
    assert Formatter("en").period(december) == "December 2019"
    term = Period.between(date(2018, 1, 1), date(2022, 12, 31))
    assert Formatter("nl").period(term) == "2018-2022"
    half = Period.between(date(2020, 1, 1), date(2020, 6, 30))
    assert Formatter("nl").period(half) == "1 januari 2020 \u2013 30 juni 2020"


def test_context_indicator_without_direction_is_shown_not_judged() -> None:
    context = Indicator(
        id="c",
        name="Inwoners",
        unit="inhabitant",
        kind=IndicatorKind.CONTEXT,
        measurements=[Measurement(2018, 72_000), Measurement(2019, 72_500)],
    )
    p = Programme(id="p", name="P", ambitions=[Ambition(title="A", context=[context])])
    md = render(p, lang="en", as_of=2019)
    assert "72,500 inhabitants (2019)" in md
    assert "No target" in md
    assert "no target: shown, not judged" in md


# --------------------------------------------------------------------------- every reason


def _reason_cases() -> dict[str, tuple[Indicator, int, int | None]]:
    """One indicator per reason code of progmon.assessment: (indicator, as_of, goal deadline)."""
    down, up = Direction.DECREASE, Direction.INCREASE

    def ind(figures: list[Measurement], **fields: Any) -> Indicator:
        unit = fields.pop("unit", "report")
        return Indicator(id="x", name="X", unit=unit, measurements=figures, **fields)

    from progmon import AtLeast, Maintain

    return {
        "not-measured": (ind([], target=Improve(), direction=down, note="volgt"), 2019, 2022),
        "no-target": (ind([Measurement(2016, 5), Measurement(2019, 4)]), 2019, 2022),
        "no-baseline": (
            ind(
                [Measurement(2014, 6), Measurement(2016, 5), Measurement(2019, 4)],
                baseline=2016,
                target=Improve(),
                direction=down,
            ),
            2015,
            2022,
        ),
        "target-met": (
            ind([Measurement(2016, 5), Measurement(2019, 3)], target=Level(4)),
            2019,
            2022,
        ),
        "baseline-only": (ind([Measurement(2016, 5)], target=Level(4)), 2019, 2022),
        "not-maintained": (
            ind(
                [Measurement(2016, 50), Measurement(2019, 40)],
                unit="percent",
                target=Maintain(),
                direction=up,
            ),
            2019,
            2022,
        ),
        "norm-holds": (
            ind([Measurement(2019, 7.9), Measurement(2021, 7.8)], unit="mark", target=AtLeast(7.7)),
            2021,
            2022,
        ),
        "norm-at-risk": (
            ind([Measurement(2017, 8.6), Measurement(2019, 7.8)], unit="mark", target=AtLeast(7.7)),
            2019,
            2022,
        ),
        "no-deadline": (
            ind([Measurement(2016, 50), Measurement(2019, 40)], target=Level(30)),
            2019,
            None,
        ),
        "deadline-passed": (
            ind([Measurement(2016, 50), Measurement(2019, 40)], target=Level(30, by=2018)),
            2019,
            2022,
        ),
        "gap-zero": (
            ind([Measurement(2016, 50), Measurement(2019, 55)], target=Level(50), direction=down),
            2019,
            2022,
        ),
        "change-within-margin": (
            ind(
                [
                    Measurement(2016, 50, margin=3, sample_size=500),
                    Measurement(2019, 51, margin=3, sample_size=500),
                ],
                unit="percent",
                target=Level(60),
            ),
            2019,
            2022,
        ),
        "ratio": (
            ind([Measurement(2016, 50), Measurement(2019, 40)], target=Level(30)),
            2019,
            2022,
        ),
        "rate": (ind([Measurement(2016, 50), Measurement(2019, 40)], direction=down), 2019, 2022),
    }


# A phrase each sentence must hold, written from what the reason means.
REASON_WORDS = {
    "not-measured": ("Nog niet gemeten (volgt)", "Not measured yet (volgt)"),
    "no-target": ("geen streefwaarde", "no target"),
    "no-baseline": (
        "nog geen cijfer voor de nulmeting (2016)",
        "no figure for the baseline (2016) yet",
    ),
    "target-met": (
        "streefwaarde (4 meldingen in 2022) gehaald",
        "target (4 reports by 2022) reached",
    ),
    "baseline-only": ("alleen de nulmeting", "only the baseline"),
    "not-maintained": ("niet vastgehouden", "not held"),
    "no-direction": ("geef de indicator een richting", "give the indicator a direction"),
    "norm-holds": (
        "voldoet aan de norm (minimaal 7,7 in 2022), maar beweegt de verkeerde kant op",
        "meets the norm (at least 7.7 by 2022), but is moving the wrong way",
    ),
    "norm-at-risk": (
        "voldoet nu aan de norm (minimaal 7,7 in 2022), maar de projectie",
        "meets the norm (at least 7.7 by 2022) now, but the projection",
    ),
    "no-deadline": ("zonder deadline", "without a deadline"),
    "deadline-passed": ("deadline 2018 verstreken", "deadline 2018 passed"),
    "gap-zero": ("al bij de nulmeting", "already met at the baseline"),
    "change-within-margin": ("binnen de foutmarge", "within the margin of error"),
    "ratio": (
        "te langzaam voor 30 meldingen in 2022 (groeiratio 0,88)",
        "too slow for 30 reports by 2022 (growth ratio 0.88)",
    ),
    "rate": ("verbetert", "improving"),
}


def test_every_reason_has_a_sentence_in_both_languages() -> None:
    from progmon.assessment import REASONS
    from progmon.report._text import reason

    cases = _reason_cases()
    # The model refuses a target that needs a direction without one, so only a panel meets
    # "no-direction"; its sentence is tried on an assessment that says so.
    assert set(cases) | {"no-direction"} == set(REASONS) == set(REASON_WORDS)
    for code in REASONS:
        indicator, as_of, deadline = cases.get(code, cases["ratio"])
        goal = Goal(id="g", statement="S", indicators=[indicator], deadline=deadline)
        assessed = next(assess(goal, as_of=as_of).indicators())
        if code == "no-direction":
            assessed = attrs.evolve(assessed, status=progmon.Status.OFF_TRACK, reason=code)
        assert assessed.reason == code
        for lang, words in zip(("nl", "en"), REASON_WORDS[code], strict=True):
            sentence = reason(assessed, Formatter(lang))
            assert words in sentence, (code, lang, sentence)
            assert f"({code})" not in sentence, (code, lang, sentence)
            assert sentence.endswith(".")
            assert "\n" not in sentence


@pytest.mark.parametrize(
    ("lang", "value", "unit", "expected"),
    [
        ("nl", 1, "report", "1 melding"),
        ("en", 1, "report", "1 report"),
        ("nl", 1, "crime", "1 misdrijf"),
        ("en", 1, "person", "1 person"),
        ("nl", 1, "person", "1 persoon"),
        ("nl", 2, "report", "2 meldingen"),
        ("en", 1, "report / thousand_inhabitants", "1 report per 1,000 inhabitants"),
    ],
)
def test_one_is_singular(lang: str, value: float, unit: str, expected: str) -> None:
    fmt = Formatter(lang)
    assert fmt.quantity(units.Quantity(value, unit)) == expected
    assert fmt.difference(-value, unit) == f"-{expected}"


def test_markdown_headings_and_list_items_stay_one_line() -> None:
    from progmon import Action, Section

    two_lines = "Eerste regel\n\nTweede regel"
    ind = Indicator(
        id="x",
        name=two_lines,
        unit="count",
        measurements=[Measurement(2018, 3), Measurement(2019, 4)],
        target=Level(5),
        description=two_lines,
        note=two_lines,
    )
    p = Programme(
        id="p",
        name=two_lines,
        ambitions=[
            Ambition(
                title=two_lines,
                goals=[Goal(id="g", statement=two_lines, deadline=2022, indicators=[ind])],
                actions=[Action(two_lines)],
                sections=[Section(two_lines, bullets=[two_lines])],
            )
        ],
        sections=[Section(two_lines, paragraphs=["P"])],
    )
    md = render(p, as_of=2019)
    flat = "Eerste regel Tweede regel"
    lines = md.splitlines()
    # No heading, bold name or list item is cut off by a line break in the text.
    assert "Tweede regel" not in {line.strip() for line in lines}
    for line in lines:
        if line.startswith(("#", "- ")) and "Eerste regel" in line:
            assert flat in line, line
    assert f"# {flat}" in lines
    assert f"- **{flat}**" in md
    assert f"- {flat}" in lines  # the action and the section bullet


# --------------------------------------------------------------------------- fast and the same
#
# The review formats its numbers with Babel's patterns worked out once per
# language (progmon.report._format._compiled) instead of Babel's format_decimal
# and format_percent parsing them on every call. These tests hold the fast
# path to the straightforward one: Babel's own functions, called directly.


def _reference_number(value: float, pattern: str, lang: str, *, percent: bool, shown: float) -> str:
    """What Babel's format_decimal / format_percent write: the review's contract, spelled out."""
    import decimal

    from babel.numbers import format_decimal, format_percent

    number: decimal.Decimal | float
    if isinstance(value, int) and not isinstance(value, bool):
        number = decimal.Decimal(value)
    else:
        if math.isfinite(shown) and abs(shown) >= 1e15:
            pattern = re.sub(r"#,##0(?:\.0+)?", "0E0", pattern)
        value = float(value)
        number = decimal.Decimal(repr(value)) if math.isfinite(value) else value
    function = format_percent if percent else format_decimal
    with decimal.localcontext() as context:
        context.prec = 400
        text = function(number, format=pattern, locale={"nl": "nl_NL", "en": "en_GB"}[lang])
    return text.replace("\xa0", " ").replace("\u202f", " ")


def _number_pattern(decimals: int, *, sign: bool) -> str:
    digits = "#,##0" + ("." + "0" * decimals if decimals else "")
    return f"+{digits};-{digits}" if sign else digits


_PERCENT = {"nl": "#,##0.0 %", "en": "#,##0.0%"}

# Figures as files have them (one decimal, whole numbers), and every float:
# halves that round to even, negative zero, the edge of scientific notation.
_FIGURES = (
    st.floats(allow_nan=True, allow_infinity=True)
    | st.integers(-(10**6), 10**6).map(lambda n: n / 10)
    | st.integers(-(10**6), 10**6).map(lambda n: n / 1000 + 0.0005)
    | st.sampled_from([0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.05, 0.25, 2.675, 999_999_999_999_999.9])
    | st.integers(-(10**20), 10**20)
)
# Whole numbers keep every digit, even where no float holds them (a share cannot be one).
_WHOLE_NUMBERS = strategies.big_ints | st.sampled_from([2**1100, -(2**1100)])
_LANGS = st.sampled_from(["nl", "en"])


@settings(max_examples=400)
@given(value=_FIGURES | _WHOLE_NUMBERS, decimals=st.integers(0, 4), sign=st.booleans(), lang=_LANGS)
def test_numbers_are_written_as_babel_writes_them(
    value: float, decimals: int, sign: bool, lang: str
) -> None:
    shown = value
    pattern = _number_pattern(decimals, sign=sign)
    if sign and round(value, decimals) == 0:
        shown, pattern = 0.0, _number_pattern(decimals, sign=False)
    expected = _reference_number(shown, pattern, lang, percent=False, shown=shown)
    assert Formatter(lang).number(value, decimals, sign=sign) == expected


@settings(max_examples=300)
@given(value=_FIGURES, decimals=st.integers(0, 3), lang=_LANGS)
def test_percentages_are_written_as_babel_writes_them(
    value: float, decimals: int, lang: str
) -> None:
    pattern = _PERCENT[lang].replace(".0", "." + "0" * decimals if decimals else "")
    expected = _reference_number(value / 100, pattern, lang, percent=True, shown=value)
    assert Formatter(lang).percent(value, decimals) == expected


@settings(max_examples=300)
@given(value=_FIGURES, sign=st.booleans(), lang=_LANGS)
def test_relative_changes_are_written_as_babel_writes_them(
    value: float, sign: bool, lang: str
) -> None:
    pattern = _PERCENT[lang]
    if sign and round(value * 1000, 0) != 0:
        pattern = f"+{pattern};-{pattern}"
    expected = _reference_number(value, pattern, lang, percent=True, shown=value * 100)
    assert Formatter(lang).fraction(value, sign=sign) == expected


def test_the_fast_numbers_are_tested_where_they_are_taken() -> None:
    # The properties above hold the fast path only if the review takes it.
    from progmon.report import _format

    _format._compiled.cache_clear()
    Formatter("nl").number(4640.5, 1)
    Formatter("en").percent(31.0)
    assert _format._compiled.cache_info().currsize == 2
    assert _format._compiled("#,##0.0", "nl_NL") is not None
    assert _format._compiled("¤#,##0", "nl_NL") is None  # a currency: Babel writes it


def _straightforward(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the review ask Babel and pint every time, as it did before it was made fast.

    Every number through Babel's own functions, every unit fact worked out
    anew, every magnitude converted by pint.
    """
    from progmon.report import _format, _text, _view

    monkeypatch.setattr(_format, "_compiled", lambda pattern, locale: None)
    for module in (_format, _view):
        monkeypatch.setattr(module, "unit_facts", _format.UnitFacts)
    for module in (_format, _view, _text):
        monkeypatch.setattr(module, "magnitude_in", lambda quantity, unit: quantity.m_as(unit))


def _large_programme(indicators: int) -> Programme:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from _bench import large_programme
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return large_programme(indicators, 20)


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_reviews_are_the_same_as_the_straightforward_ones(
    programme: Programme, fmt: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    subjects = [assess(programme, as_of=AS_OF), assess(_large_programme(100))]
    fast = [render(s, format=fmt, lang=lang) for s in subjects]  # type: ignore[arg-type]
    _straightforward(monkeypatch)
    slow = [render(s, format=fmt, lang=lang) for s in subjects]  # type: ignore[arg-type]
    assert fast == slow


@settings(max_examples=25)
@given(programme=strategies.programmes(), lang=_LANGS)
def test_generated_reviews_are_the_same_as_the_straightforward_ones(
    programme: Programme, lang: str
) -> None:
    try:
        assessment = assess(programme)
    except ProgmonError:
        return  # a programme the assessment refuses has no review
    fast = render(assessment, lang=lang)
    with pytest.MonkeyPatch.context() as patch:
        _straightforward(patch)
        slow = render(assessment, lang=lang)
    assert fast == slow


def test_unit_facts_are_found_by_the_unit_not_the_object() -> None:
    from progmon.report._format import unit_facts

    percent = unit_facts(units.Quantity(31, "percent"))
    assert unit_facts(units.to_unit("percent")) is percent  # another object, the same unit
    assert unit_facts("percent").share
    assert not unit_facts("report").share
    assert unit_facts("report / thousand_inhabitants").names["en", False] == (
        "reports per 1,000 inhabitants"
    )
    assert unit_facts("crime").events
    assert not unit_facts("mark").events
    for _ in range(2):  # a refused unit is refused every time, never remembered
        with pytest.raises(progmon.errors.UnitError):
            unit_facts("degC")


@settings(max_examples=200)
@given(
    value=st.floats(allow_nan=False, allow_infinity=False),
    unit=st.sampled_from(["percent", "dimensionless", "permille", "ppm"]),
)
def test_a_units_percent_factor_is_in_percent(value: float, unit: str) -> None:
    from progmon.report._format import unit_facts

    assert unit_facts(unit).in_percent(value) == units.in_percent(value, unit)


def test_a_unit_that_is_no_share_has_no_percent() -> None:
    from progmon.report._format import unit_facts

    with pytest.raises(progmon.errors.UnitError):
        unit_facts("report").in_percent(3.0)
