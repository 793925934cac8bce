r"""The review under hostile input: nothing injected, nothing lost, never a crash.

A catalogue of texts that try to become markup (HTML, Markdown links and
images, code) or to steer a terminal or a reader's eye (escapes, bidi
overrides, line separators), each in every text field that reaches the
review, in both formats and both languages; and of programmes the model
accepts whose figures once made the review fail (1e28, 1e308, days
projected over years ...).

The expected texts are written out by hand: the HTML shows a text as it
was typed, the Markdown as CommonMark needs it to show it as typed (``<`` as
``&lt;``, ``[`` as ``\[``), and a control character as its escape
(``\x1b``), never computed with the report's own code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from typing import Any, Final
from xml.etree import ElementTree as ET

import pytest
from hypothesis import given, settings

import strategies
from progmon import (
    Action,
    Ambition,
    Change,
    Direction,
    Goal,
    Indicator,
    IndicatorKind,
    Level,
    Measurement,
    Period,
    Programme,
    Resource,
    Section,
    Source,
    units,
)
from progmon.report import render

FORMATS: Final = ("md", "html")
LANGUAGES: Final = ("nl", "en")
CAPTION: Final = {"nl": "Verloop van", "en": "Course of"}
SVG: Final = "http://www.w3.org/2000/svg"

# --------------------------------------------------------------------------- the page, parsed


class _Page(HTMLParser):
    """An HTML page as its elements (tag and attribute names), its text and its ids."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.structure: list[tuple[str, ...]] = []
        self.text: list[str] = []
        self.ids: list[str] = []
        self.styles: list[str] = []
        self._raw: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.structure.append((tag, *sorted(name for name, _ in attrs)))
        self.ids += [value or "" for name, value in attrs if name == "id"]
        self._raw = tag if tag in {"style", "script"} else None

    def handle_endtag(self, tag: str) -> None:
        self.structure.append((f"/{tag}",))
        self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw == "style":
            self.styles.append(data)
        else:
            self.text.append(data)


def _parse(page: str) -> _Page:
    parsed = _Page()
    parsed.feed(page)
    parsed.close()
    return parsed


_ID: Final = re.compile(r"[A-Za-z][A-Za-z0-9_.:-]*")
_REFERENCE: Final = re.compile(r"url\(#([^)]*)\)")
_STYLE_OF_A_CHART: Final = "*{stroke-linejoin: round; stroke-linecap: butt}"


def _charts(page: str) -> list[ET.Element]:
    """Every inline SVG of ``page``, parsed as the XML document it must be."""
    # The report's own output, which must be well-formed XML: expat fetches no DTD.
    svgs = re.findall(r"<svg\b.*?</svg>", page, re.DOTALL)
    return [ET.fromstring(svg) for svg in svgs]  # noqa: S314


def _check_page(page: str) -> _Page:
    """The page parses, has no script, no event handler, no style of a user, and sound ids."""
    parsed = _parse(page)
    tags = {element[0] for element in parsed.structure}
    attributes = {name for element in parsed.structure for name in element[1:]}
    assert "script" not in tags
    assert not {name for name in attributes if name.startswith("on")}
    # One style sheet of the page's own, and matplotlib's one rule per chart.
    assert parsed.styles[0].lstrip().startswith(":root {")
    assert parsed.styles[1:] == [_STYLE_OF_A_CHART] * (len(parsed.styles) - 1)
    assert len(parsed.ids) == len(set(parsed.ids)), "ids must be unique on the page"
    for ident in parsed.ids:
        assert _ID.fullmatch(ident), ident
    for chart in _charts(page):
        ids = {element.get("id") for element in chart.iter()}
        for element in chart.iter():
            for name, value in element.attrib.items():
                for target in _REFERENCE.findall(value):
                    assert target in ids, (name, value)
                if name.endswith("href"):
                    assert value.startswith("#"), (name, value)
                    assert value[1:] in ids, (name, value)
    return parsed


def _text_of(page: str) -> str:
    return "".join(_parse(page).text)


# --------------------------------------------------------------------------- one programme, every field

ORDINARY: Final = "Gewoon"

FIELDS: Final = (
    "programme.id",
    "programme.name",
    "programme.organisation",
    "programme.number",
    "programme.review",
    "programme.summary",
    "programme.period.label",
    "programme.section.title",
    "programme.section.paragraph",
    "programme.section.bullet",
    "ambition.title",
    "ambition.description",
    "ambition.section.title",
    "ambition.section.paragraph",
    "ambition.section.bullet",
    "action.description",
    "action.note",
    "action.period.label",
    "resource.purpose",
    "resource.note",
    "resource.period.label",
    "goal.id",
    "goal.statement",
    "goal.title",
    "goal.results",
    "goal.note",
    "indicator.id",
    "indicator.name",
    "indicator.description",
    "indicator.note",
    "component.name",
    "context.name",
    "source.title",
    "source.publisher",
    "source.url",
    "source.note",
    "measurement.note",
    "measurement.period.label",
)
# Fields the review does not show: ids name the programme's parts, labels of
# periods are replaced by the review's own way of writing a period.
NOT_SHOWN: Final = frozenset(
    {
        "programme.id",
        "programme.period.label",
        "action.period.label",
        "resource.period.label",
        "goal.id",
        "indicator.id",
        "measurement.period.label",
    }
)


def _programme(field: str | None = None, text: str = "") -> Programme:
    """A programme with an ordinary text in every field but ``field``, which holds ``text``."""

    def t(name: str) -> str:
        assert name in FIELDS, name
        return text if name == field else f"{ORDINARY} {name}"

    source = Source(
        t("source.title"),
        publisher=t("source.publisher"),
        url=t("source.url"),
        note=t("source.note"),
        year=2019,
    )
    indicator = Indicator(
        id=t("indicator.id"),
        name=t("indicator.name"),
        unit="report",
        description=t("indicator.description"),
        note=t("indicator.note"),
        measurements=[
            Measurement(Period.year(2018, label=t("measurement.period.label")), 120, source=source),
            Measurement(2019, 100, note=t("measurement.note")),
        ],
        target=Level(80),
        direction=Direction.DECREASE,
        components=[
            Indicator(
                id="deel",
                name=t("component.name"),
                unit="report",
                measurements=[Measurement(2019, 40)],
            )
        ],
    )
    context = Indicator(
        id="context",
        name=t("context.name"),
        unit="inhabitant",
        kind=IndicatorKind.CONTEXT,
        measurements=[Measurement(2019, 72_000)],
    )
    goal = Goal(
        id=t("goal.id"),
        statement=t("goal.statement"),
        title=t("goal.title"),
        results=t("goal.results"),
        note=t("goal.note"),
        deadline=2022,
        indicators=[indicator],
    )
    ambition = Ambition(
        title=t("ambition.title"),
        description=t("ambition.description"),
        goals=[goal],
        context=[context],
        actions=[
            Action(
                t("action.description"),
                period=Period.year(2020, label=t("action.period.label")),
                note=t("action.note"),
            )
        ],
        resources=[
            Resource(
                t("resource.purpose"),
                units.Quantity(50_000, "EUR"),
                period=Period.year(2021, label=t("resource.period.label")),
                note=t("resource.note"),
            )
        ],
        sections=[
            Section(
                t("ambition.section.title"),
                paragraphs=[t("ambition.section.paragraph")],
                bullets=[t("ambition.section.bullet")],
            )
        ],
    )
    return Programme(
        id=t("programme.id"),
        name=t("programme.name"),
        organisation=t("programme.organisation"),
        number=t("programme.number"),
        review=t("programme.review"),
        summary=t("programme.summary"),
        period=Period.between(
            date(2018, 1, 1), date(2022, 12, 31), label=t("programme.period.label")
        ),
        ambitions=[ambition],
        sections=[
            Section(
                t("programme.section.title"),
                paragraphs=[t("programme.section.paragraph")],
                bullets=[t("programme.section.bullet")],
            )
        ],
    )


@pytest.fixture(scope="module")
def baseline() -> dict[tuple[str, str], str]:
    """The review of the programme with ordinary texts everywhere."""
    return {
        (fmt, lang): render(_programme(), format=fmt, lang=lang, as_of=2019)
        for fmt in FORMATS
        for lang in LANGUAGES
    }


# --------------------------------------------------------------------------- hostile texts


@dataclass(frozen=True)
class Hostile:
    """A text, how the HTML review shows it, and how the raw Markdown writes it."""

    text: str
    shown: str
    markdown: str


MARKUP: Final = Hostile(
    text=(
        "<script>alert(1)</script><img src=x onerror=alert(2)><style>*{color:red}</style>"
        '<a href="javascript:alert(3)">a</a>" onmouseover="alert(4)\' x=\''
        "![p](http://tracker/p.png)[click](javascript:alert(5))`c`~~~&amp;\\"
    ),
    shown=(
        "<script>alert(1)</script><img src=x onerror=alert(2)><style>*{color:red}</style>"
        '<a href="javascript:alert(3)">a</a>" onmouseover="alert(4)\' x=\''
        "![p](http://tracker/p.png)[click](javascript:alert(5))`c`~~~&amp;\\"
    ),
    markdown=(
        "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"
        "&lt;style&gt;*{color:red}&lt;/style&gt;"
        '&lt;a href="javascript:alert(3)"&gt;a&lt;/a&gt;" onmouseover="alert(4)\' x=\''
        "!\\[p\\](http://tracker/p.png)\\[click\\](javascript:alert(5))\\`c\\`\\~\\~\\~&amp;amp;\\\\"
    ),
)
CONTROL: Final = Hostile(
    text="Wijk\x1b[2J\x07\x00\x7f\x85 \u202eexe.txt \u2066x\u2069 \u200f\u061c\u200e \u2028regel\u2029 \r\x0c\x0b\x9b",
    shown=(
        "Wijk\\x1b[2J\\x07\\x00\\x7f\\x85 \\u202eexe.txt \\u2066x\\u2069 \\u200f\\u061c\\u200e"
        " \\u2028regel\\u2029 \\x0d\\x0c\\x0b\\x9b"
    ),
    markdown=(
        "Wijk\\\\x1b\\[2J\\\\x07\\\\x00\\\\x7f\\\\x85 \\\\u202eexe.txt \\\\u2066x\\\\u2069"
        " \\\\u200f\\\\u061c\\\\u200e \\\\u2028regel\\\\u2029 \\\\x0d\\\\x0c\\\\x0b\\\\x9b"
    ),
)
# Ids refuse control characters (the model's rule): only markup is tried there.
IDS: Final = frozenset({"programme.id", "goal.id", "indicator.id"})

TEXT_CASES = [
    pytest.param(field, hostile, id=f"{field}-{kind}")
    for field in FIELDS
    for kind, hostile in (("markup", MARKUP), ("control", CONTROL))
    if not (field in IDS and hostile is CONTROL)
]


@pytest.mark.parametrize(("field", "hostile"), TEXT_CASES)
def test_a_hostile_text_stays_text(
    baseline: dict[tuple[str, str], str], field: str, hostile: Hostile
) -> None:
    programme = _programme(field, hostile.text)
    for lang in LANGUAGES:
        page = render(programme, format="html", lang=lang, as_of=2019)
        parsed = _check_page(page)
        # Element for element, attribute for attribute, the page an ordinary text makes.
        assert parsed.structure == _parse(baseline["html", lang]).structure
        text = "".join(parsed.text)
        assert (hostile.shown in text) is (field not in NOT_SHOWN)
        assert hostile.text not in page
        if field == "indicator.name":
            (chart,) = _charts(page)
            assert chart.get("aria-label") == f"{CAPTION[lang]} {hostile.shown}"
            assert chart[0].tag == f"{{{SVG}}}title"
            assert chart[0].text == f"{CAPTION[lang]} {hostile.shown}"
        if field in {"goal.id", "indicator.id"}:
            kind = "goal" if field == "goal.id" else "ind"
            assert f'id="{kind}--1"' in page

        markdown = render(programme, format="md", lang=lang, as_of=2019)
        assert (hostile.markdown in markdown) is (field not in NOT_SHOWN)
        # Outside its backslash escapes, no character that makes a tag, link, image or code.
        assert not set(re.sub(r"\\.", "", markdown)) & set("<[]`~")
        # No line of the review is added, cut or moved by a text.
        assert len(markdown.splitlines()) == len(baseline["md", lang].splitlines())


def test_ordinary_text_stays_readable_in_markdown() -> None:
    text = 'Almeloërs\' "veiligheid" steeg naar 31,0 % — café, naïef; 5 * 3 = 15 (zie p. 4) #1'
    programme = _programme("programme.summary", text)
    for lang in LANGUAGES:
        assert f"\n{text}\n" in render(programme, format="md", lang=lang, as_of=2019)
        assert text in _text_of(render(programme, format="html", lang=lang, as_of=2019))


def test_a_pipe_and_a_line_break_keep_the_table() -> None:
    programme = _programme("indicator.name", "A | B\n\nC \\| D")
    markdown = render(programme, format="md", lang="nl", as_of=2019)
    row = next(line for line in markdown.splitlines() if line.startswith("| A "))
    assert row.startswith("| A \\| B C \\\\\\| D |")
    assert row.count(" | ") == 8  # the nine cells of the goal's table


def test_ids_that_are_words_keep_their_anchor() -> None:
    page = render(_programme("goal.id", "veilig-2"), format="html", as_of=2019)
    assert 'id="goal-veilig-2"' in page
    page = render(_programme("indicator.id", "x" * 65), format="html", as_of=2019)
    assert 'id="ind--1"' in page  # too long for an anchor: the row's number


def test_a_name_xml_cannot_hold_leaves_the_chart_an_svg_document() -> None:
    # U+FFFE and U+FFFF are text to HTML, but no XML document may hold them.
    page = render(_programme("indicator.name", "a\ufffeb\uffff"), format="html", as_of=2019)
    (chart,) = _charts(page)
    assert chart[0].text == "Verloop van a\\ufffeb\\uffff"
    assert "a\ufffeb\uffff" in _text_of(page)  # the page's own text: as typed


def test_the_same_programme_gives_the_same_bytes() -> None:
    programme = _programme("indicator.name", MARKUP.text)
    assert render(programme, format="html", as_of=2019) == render(
        programme, format="html", as_of=2019
    )


# --------------------------------------------------------------------------- valid, then a crash


def _one(indicator: Indicator, deadline: int = 2022) -> Programme:
    return Programme(
        id="p",
        name="P",
        ambitions=[
            Ambition(
                title="A",
                goals=[Goal(id="g", statement="S", deadline=deadline, indicators=[indicator])],
            )
        ],
    )


def _counts(*figures: Any, **fields: Any) -> Indicator:
    return Indicator(
        id="x",
        name=fields.pop("name", "X"),
        unit=fields.pop("unit", "count"),
        measurements=[f if isinstance(f, Measurement) else Measurement(*f) for f in figures],
        **fields,
    )


def _day(year: int, month: int, day: int) -> Period:
    return Period.between(date(year, month, day), date(year, month, day))


@dataclass(frozen=True)
class Valid:
    """A programme the model accepts, the year of its review, and what each language shows."""

    programme: Callable[[], Programme]
    as_of: int | None
    nl: tuple[str, ...]
    en: tuple[str, ...]
    charts: int


LONG: Final = "Lange naam " + "x" * 10_000
COMPONENTS: Final = [
    _counts((2018, k), (2019, k + 1), name=f"Deel {k}").evolve(id=f"deel-{k}") for k in range(30)
]

CRASH_CASES = {
    "figures-of-1e28": Valid(
        lambda: _one(_counts((2018, 1e28), (2019, 2e28), target=Level(3e28))),
        2019,
        ("1E28 (2018)", "2E28 (2019)", "3E28, in 2022"),
        ("1E28 (2018)", "2E28 (2019)", "3E28, by 2022"),
        1,
    ),
    "figures-of-1.5e308": Valid(
        lambda: _one(_counts((2018, 1e308), (2019, 1.5e308), target=Level(1.7e308))),
        2019,
        ("1E308 (2018)", "1,5E308 (2019)", "1,7E308, in 2022"),
        ("1E308 (2018)", "1.5E308 (2019)", "1.7E308, by 2022"),
        1,
    ),
    "margins-of-1e308": Valid(
        lambda: _one(
            _counts(
                Measurement(2018, 1e308, margin=1e308),
                Measurement(2019, 1.5e308, margin=1.7e308),
                target=Level(1.7e308),
            )
        ),
        2019,
        ("1E308 ± 1E308", "1,5E308 ± 1,7E308"),
        ("1E308 ± 1E308", "1.5E308 ± 1.7E308"),
        1,
    ),
    "negative-figures-near-the-limit": Valid(
        lambda: _one(
            _counts(
                (2018, -1.7e308),
                (2019, 1.7e308),
                unit="EUR",
                target=Level(-1.7e308),
                direction=Direction.DECREASE,
            )
        ),
        2019,
        ("€ -1,7E308 (2018)", "€ 1,7E308 (2019)"),
        ("-€1.7E308 (2018)", "€1.7E308 (2019)"),
        1,
    ),
    "whole-counts-beyond-2**53": Valid(
        lambda: _one(_counts((2018, 2**60 + 1), (2019, 2**60 + 3), unit="incident")),
        2019,
        ("1.152.921.504.606.846.977 incidenten (2018)", "| 1.152.921.504.606.846.979 |"),
        ("1,152,921,504,606,846,977 incidents (2018)", "| 1,152,921,504,606,846,979 |"),
        1,
    ),
    "days-projected-over-years": Valid(
        lambda: _one(
            _counts(
                (_day(2019, 1, 1), 5),
                (_day(2019, 1, 2), 6),
                target=Level(30),
                direction=Direction.INCREASE,
            ),
            deadline=2030,
        ),
        2019,
        ("5 (1 januari 2019)", "6 (2 januari 2019)", "30, in 2030"),
        ("5 (1 January 2019)", "6 (2 January 2019)", "30, by 2030"),
        1,
    ),
    "days-to-a-figure-of-1e300": Valid(
        lambda: _one(
            _counts(
                (_day(2019, 1, 1), 0),
                (_day(2019, 1, 2), 1e300),
                target=Level(1e308),
                direction=Direction.INCREASE,
            ),
            deadline=2200,
        ),
        2019,
        ("1E300 (2 januari 2019)", "1E308, in 2200"),
        ("1E300 (2 January 2019)", "1E308, by 2200"),
        1,
    ),
    "negative-figures": Valid(
        lambda: _one(
            _counts(
                (2018, -5), (2019, -6), unit="EUR", target=Level(-1), direction=Direction.INCREASE
            )
        ),
        2019,
        ("€ -5 (2018)", "€ -6 (2019)", "€ -1, in 2022"),
        ("-€5 (2018)", "-€6 (2019)", "-€1, by 2022"),
        1,
    ),
    "zero-everywhere": Valid(
        lambda: _one(
            _counts(
                Measurement(2018, 0, margin=0),
                Measurement(2019, 0, margin=0),
                unit="percent",
                target=Level(0),
                direction=Direction.INCREASE,
            )
        ),
        2019,
        ("0,0 % (2018)", "0,0 % (2019)", "0,0 %, in 2022"),
        ("0.0% (2018)", "0.0% (2019)", "0.0%, by 2022"),
        1,
    ),
    "one-figure-only": Valid(
        lambda: _one(_counts((2018, 3), target=Level(0))),
        2019,
        ("3 (2018)", "alleen de nulmeting"),
        ("3 (2018)", "only the baseline"),
        0,
    ),
    "figures-of-1e-300": Valid(
        lambda: _one(_counts((2018, 1e-300), (2019, 2e-300), target=Level(3e-300))),
        2019,
        ("0 (2018)", "0 (2019)"),
        ("0 (2018)", "0 (2019)"),
        1,
    ),
    "the-smallest-float": Valid(
        lambda: _one(_counts((2018, 5e-324), (2019, 1e-323), target=Level(2e-323))),
        2019,
        ("0 (2018)", "0 (2019)"),
        ("0 (2018)", "0 (2019)"),
        1,
    ),
    "a-margin-larger-than-the-figure": Valid(
        lambda: _one(
            _counts(
                Measurement(2018, 5, margin=50, sample_size=10),
                Measurement(2019, 6, margin=60, sample_size=10),
                unit="percent",
                target=Level(10),
            )
        ),
        2019,
        ("5,0 % ± 50,0", "6,0 % ± 60,0"),
        ("5.0% ± 50.0", "6.0% ± 60.0"),
        1,
    ),
    "a-huge-sample": Valid(
        lambda: _one(
            _counts(
                Measurement(2018, 5, margin=1, sample_size=10**30),
                Measurement(2019, 6, margin=1, sample_size=10**30),
                unit="percent",
                target=Level(10),
            )
        ),
        2019,
        ("5,0 % ± 1,0", "6,0 % ± 1,0"),
        ("5.0% ± 1.0", "6.0% ± 1.0"),
        1,
    ),
    "figures-of-1800-to-a-deadline-in-2200": Valid(
        lambda: _one(
            _counts((1800, 3), (1801, 5), target=Level(10), direction=Direction.INCREASE),
            deadline=2200,
        ),
        None,
        ("3 (1800)", "5 (1801)", "10, in 2200"),
        ("3 (1800)", "5 (1801)", "10, by 2200"),
        1,
    ),
    "figures-of-2200": Valid(
        lambda: _one(_counts((2199, 3), (2200, 5), target=Level(10)), deadline=2200),
        None,
        ("3 (2199)", "5 (2200)", "stand per 2200"),
        ("3 (2199)", "5 (2200)", "as of 2200"),
        1,
    ),
    "names-of-10000-characters": Valid(
        lambda: Programme(
            id="p",
            name=LONG,
            summary=LONG,
            ambitions=[
                Ambition(
                    title=LONG,
                    goals=[
                        Goal(
                            id="g",
                            statement=LONG,
                            deadline=2022,
                            indicators=[
                                _counts((2018, 3), (2019, 4), name=LONG, note=LONG, target=Level(9))
                            ],
                        )
                    ],
                )
            ],
        ),
        2019,
        (LONG,),
        (LONG,),
        1,
    ),
    "no-ambitions": Valid(
        lambda: Programme(id="p", name="Leeg programma"),
        2020,
        ("# Leeg programma", "stand per 2020"),
        ("# Leeg programma", "as of 2020"),
        0,
    ),
    "an-ambition-without-goals": Valid(
        lambda: Programme(id="p", name="P", ambitions=[Ambition(title="Zonder doelen")]),
        2020,
        ("## Ambitie: Zonder doelen", "Geen inspanningen vastgelegd."),
        ("## Ambition: Zonder doelen", "No actions recorded."),
        0,
    ),
    "a-goal-without-indicators": Valid(
        lambda: Programme(
            id="p",
            name="P",
            ambitions=[Ambition(title="A", goals=[Goal(id="g", statement="Zonder indicatoren")])],
        ),
        2020,
        ("#### Doel 1: Zonder indicatoren",),
        ("#### Goal 1: Zonder indicatoren",),
        0,
    ),
    "thirty-components": Valid(
        lambda: _one(_counts((2018, 30), (2019, 45), target=Level(90), components=COMPONENTS)),
        2019,
        tuple(f"↳ Deel {k} | {k} (2018) | {k + 1} (2019)" for k in range(30)),
        tuple(f"↳ Deel {k} | {k} (2018) | {k + 1} (2019)" for k in range(30)),
        31,
    ),
    "budgets-near-the-limit": Valid(
        lambda: Programme(
            id="p",
            name="P",
            ambitions=[
                Ambition(
                    title="A",
                    resources=[
                        Resource("Eerste", units.Quantity(1.7e308, "EUR"), period=2020),
                        Resource("Tweede", units.Quantity(1.7e308, "EUR"), period=2020),
                        Resource("Mensen", units.Quantity(1e300, "fte")),
                    ],
                )
            ],
        ),
        2020,
        ("| Eerste | 2020 | € 1,7E308 |", "| Mensen | — | 1E300 fte |"),
        ("| Eerste | 2020 | €1.7E308 |", "| Mensen | — | 1E300 FTE |"),
        0,
    ),
    "a-target-change-of-a-trillion-trillion": Valid(
        lambda: _one(
            _counts((2018, 5), (2019, 6), target=Change(1e24), direction=Direction.INCREASE)
        ),
        2019,
        ("+1E24 t.o.v. de nulmeting (= 1E24)",),
        ("+1E24 on the baseline (= 1E24)",),
        1,
    ),
}


@pytest.mark.parametrize("case", list(CRASH_CASES.values()), ids=list(CRASH_CASES))
def test_a_valid_programme_is_rendered(case: Valid) -> None:
    programme = case.programme()
    for lang in LANGUAGES:
        expected = case.nl if lang == "nl" else case.en
        markdown = render(programme, format="md", lang=lang, as_of=case.as_of)
        for figure in expected:
            assert figure in markdown, (lang, figure)
        page = render(programme, format="html", lang=lang, as_of=case.as_of)
        parsed = _check_page(page)
        text = "".join(parsed.text)
        for figure in expected:
            if not figure.startswith(("#", "|", "↳")):  # Markdown's own syntax
                assert figure in text, (lang, figure)
        assert len(_charts(page)) == case.charts


def test_a_chart_leaves_out_a_projection_that_is_no_number() -> None:
    # From 1e308 to 1.5e308 in a year: the projection to 2022 overflows to infinity.
    page = render(CRASH_CASES["figures-of-1.5e308"].programme(), format="html", as_of=2019)
    (chart,) = _charts(page)
    legend = [t.text for t in chart.iter(f"{{{SVG}}}text")]
    assert "meting" in legend
    assert "streefwaarde" in legend
    assert "projectie" not in legend


def test_long_spans_name_a_year_in_fifty() -> None:
    page = render(CRASH_CASES["figures-of-1800-to-a-deadline-in-2200"].programme(), format="html")
    (chart,) = _charts(page)
    texts = [t.text or "" for t in chart.iter(f"{{{SVG}}}text")]
    years = [t for t in texts if re.fullmatch(r"\d{4}", t)]
    assert years == [str(y) for y in range(1800, 2201, 50)]


# --------------------------------------------------------------------------- properties

# The characters a terminal or browser obeys, by their Unicode properties: the
# C0 and C1 controls but tab and line feed, the line and paragraph separators,
# the bidirectional embeddings, overrides and isolates, and the three marks.
_EXPLICIT_BIDI: Final = frozenset({"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"})
_MARKS: Final = frozenset({"\u200e", "\u200f", "\u061c"})


def _obeyed(char: str) -> bool:
    category = unicodedata.category(char)
    return (
        (category == "Cc" and char not in "\t\n")
        or category in {"Zl", "Zp"}
        or unicodedata.bidirectional(char) in _EXPLICIT_BIDI
        or char in _MARKS
    )


def _as_shown(text: str) -> str:
    """``text`` as the review must show it: every obeyed character as its escape."""
    return "".join(
        (f"\\x{ord(c):02x}" if ord(c) <= 0xFF else f"\\u{ord(c):04x}") if _obeyed(c) else c
        for c in text
    )


def _named(name: str, note: str) -> Programme:
    indicator = _counts(
        Measurement(2018, 5, note=note), (2019, 6), name=name, note=note, target=Level(9)
    )
    return Programme(
        id="p",
        name=name,
        ambitions=[
            Ambition(
                title="A",
                goals=[Goal(id="g", statement="S", deadline=2022, indicators=[indicator])],
            )
        ],
    )


@settings(max_examples=60)
@given(name=strategies.hostile_names, note=strategies.hostile_texts)
def test_any_text_in_names_and_notes_stays_text(name: str, note: str) -> None:
    ordinary = _parse(render(_named("X", "Y" if note else ""), format="html", as_of=2019)).structure
    page = render(_named(name, note), format="html", as_of=2019)
    parsed = _check_page(page)
    assert parsed.structure == ordinary
    text = "".join(parsed.text)
    assert _as_shown(name) in text
    assert _as_shown(note) in text
    assert not any(_obeyed(c) for c in page)


@settings(max_examples=25)
@given(programme=strategies.programmes())
def test_every_valid_programme_is_rendered(programme: Programme) -> None:
    for fmt in FORMATS:
        for lang in LANGUAGES:
            review = render(programme, format=fmt, lang=lang, as_of=2031)
            assert review.startswith("# " if fmt == "md" else "<!DOCTYPE html>")
            if fmt == "html":
                _check_page(review)
            else:
                assert "<" not in review
