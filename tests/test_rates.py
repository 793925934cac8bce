"""Rates as the tables of Dutch municipalities write them: per 100 ... 100,000 of a population."""

from __future__ import annotations

import importlib
import math
import re
import subprocess
import sys
from pathlib import Path

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

import progmon
from progmon import io, units
from progmon.errors import FileFormatError, UnitError
from progmon.report import render
from progmon.report._format import Formatter
from strategies import RATE_SCALES, rate_texts

ROOT = Path(__file__).parent.parent
Q = units.Quantity
# The population of the doctest of define_population, and of this module's files.
YOUTHS = "inhabitants aged 12-17"
units.define_population("jongeren", YOUTHS)


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("misdrijven per 1.000 inwoners", "crime / thousand_inhabitants"),
        ("crime per 1000 inhabitant", "crime / thousand_inhabitants"),
        ("crime per 1,000 inhabitants", "crime / thousand_inhabitants"),
        ("Misdrijven per duizend inwoners", "crime / thousand_inhabitants"),
        ("crime / 1000 inhabitants", "crime / thousand_inhabitants"),
        ("misdrijf per 100 inwoner", "crime / hundred_inhabitants"),
        ("meldingen per 10.000 inwoners", "report / ten_thousand_inhabitants"),
        ("reports per 100,000 inhabitants", "report / hundred_thousand_inhabitants"),
        ("incidenten per 1 000 huishoudens", "incident / thousand_households"),
        ("persons per 1000 dwellings", "person / thousand_dwellings"),
        ("personen per 1.000 woningen", "person / thousand_dwellings"),
        ("verwijzingen per 10.000 jongeren", "referral / ten_thousand_jongeren"),
        ("verwijzing per 1.000 leerlingen", "referral / thousand_pupils"),
        ("meldingen per inwoner", "report / inhabitant"),
        ("reports per inhabitant", "report / inhabitant"),
        ("EUR per inwoner", "EUR / inhabitant"),
        ("winkeldiefstallen per 1.000 inwoners", "shoplifting / thousand_inhabitants"),
        ("geweldsmisdrijven per 1.000 inwoners", "violent_crime / thousand_inhabitants"),
        ("diefstallen uit woning per 1.000 inwoners", "burglary / thousand_inhabitants"),
        ("vernielingen en beschadigingen per 1.000 inwoners", "vandalism / thousand_inhabitants"),
        ("diefstallen per 1.000 inwoners", "theft / thousand_inhabitants"),
        ("misdrijven", "crime"),
        ("inwoners", "inhabitant"),
        ("per mille", "permille"),
        ("‰", "permille"),
        ("report / thousand_inhabitants", "report / thousand_inhabitants"),
        ("percent / year", "percent / year"),
    ],
)
def test_every_spelling_is_the_unit_it_means(text: str, meant: str) -> None:
    assert units.to_unit(text) == units.registry.parse_units(meant)


@pytest.mark.parametrize(
    "text", ["crime per 1000 inhabitant", "crime per 1000 inhabitants", "crime / 1000 inhabitant"]
)
def test_a_rate_is_never_a_product(text: str) -> None:
    unit = units.to_unit(text)
    assert unit.dimensionality == units.registry.parse_units("crime / inhabitant").dimensionality
    assert Q(1, unit).m_as("crime / inhabitant") == pytest.approx(1e-3)


def test_129_per_10000_is_12_9_per_1000_exactly() -> None:
    per_10000 = Q(129, units.to_unit("verwijzingen per 10.000 jongeren"))
    assert per_10000.m_as(units.to_unit("verwijzingen per 1.000 jongeren")) == 12.9
    per_10000 = Q(129, units.to_unit("misdrijven per 10.000 inwoners"))
    assert per_10000.m_as(units.to_unit("crime per 1,000 inhabitants")) == 12.9


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("crime per 1.000 inwoners", "crime per 1.000 jongeren"),
        ("crime per 1.000 inwoners", "crime per 1.000 huishoudens"),
        ("crime per 1.000 woningen", "crime per 1.000 huishoudens"),
        ("crime per 1.000 leerlingen", "crime per 1.000 inwoners"),
        ("crime per 1.000 inwoners", "crime"),
    ],
)
def test_different_populations_refuse_to_mix(a: str, b: str) -> None:
    with pytest.raises(UnitError, match="does not fit"):
        units.check_compatible(a, b, element="x")
    with pytest.raises(pint.DimensionalityError):
        Q(1, units.to_unit(a)).to(units.to_unit(b))


def test_a_series_in_two_rate_units_is_stored_in_the_indicators() -> None:
    indicator = progmon.Indicator(
        id="halt",
        name="Verwijzingen Halt",
        unit="verwijzingen per 1.000 jongeren",
        measurements=[
            progmon.Measurement(2019, 14),
            progmon.Measurement(2020, Q(129, units.to_unit("verwijzingen per 10.000 jongeren"))),
        ],
    )
    assert [m.value.magnitude for m in indicator.measurements] == [14.0, 12.9]
    with pytest.raises(UnitError, match="2020"):
        progmon.Indicator(
            id="halt",
            name="Verwijzingen Halt",
            unit="verwijzingen per 1.000 jongeren",
            measurements=[progmon.Measurement(2020, Q(12, units.to_unit("crime per 1000 pupils")))],
        )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("crime per 500 inhabitants", "per 1, 100, 1,000, 10,000 or 100,000, not per 500"),
        ("crime per 1.000 personen", "is not a rate of a population"),
        ("per 1.000 inwoners", "name what is counted"),
        ("misdrijven per 1.000 inwonerss", "did you mean 'misdrijven per 1.000 inwoners'?"),
        ("meldingenn", "did you mean 'meldingen'?"),
        ("inhabitans", "did you mean 'inhabitants'?"),
        ("winkeldiefstalen", "did you mean 'winkeldiefstallen' or"),
    ],
)
def test_unknown_units_say_what_was_meant(text: str, message: str) -> None:
    with pytest.raises(UnitError, match=re.escape(message)) as info:
        units.to_unit(text, element="indicator 'x' unit")
    assert info.value.element == "indicator 'x' unit"
    assert info.value.value == text


# --------------------------------------------------------------------------- populations


def test_define_population_is_idempotent_and_refuses_a_second_meaning() -> None:
    assert units.define_population("jongeren", YOUTHS) == units.to_unit("jongeren")
    with pytest.raises(UnitError, match="defined already as 'inhabitants aged 12-17'"):
        units.define_population("jongeren", "inhabitants aged 0-23")
    assert units.populations()["jongeren"] == YOUTHS


def test_populations_outlive_a_reload_of_the_module() -> None:
    importlib.reload(units)
    assert units.populations()["jongeren"] == YOUTHS
    assert units.define_population("jongeren", YOUTHS) == units.to_unit("1.000 jongeren") / 1000
    with pytest.raises(UnitError, match="defined already"):
        units.define_population("jongeren", "inhabitants aged 0-23")


@pytest.mark.parametrize(
    ("name", "description", "message"),
    [
        ("inwoners", "people", "names a unit already"),
        ("meter", "people", "names a unit already"),
        ("12jarigen", "people", "must be a word"),
        ("jong eren", "people", "must be a word"),
        ("ouderen", "", "must be described by a text"),
        ("ouderen", "a\nb", "one line"),
        ("ouderen", 7, "must be described by a text"),
    ],
)
def test_a_population_is_a_new_word_with_a_description(
    name: str, description: object, message: str
) -> None:
    with pytest.raises(UnitError, match=message):
        units.define_population(name, description)  # type: ignore[arg-type]
    assert name not in units.populations()


PROGRAMME = f"""format = 1
id = "p"
name = "P"

[populations]
jongeren = "{YOUTHS}"

[[ambitions]]
title = "A"

[[ambitions.goals]]
id = "g"
statement = "S"

[[ambitions.goals.indicators]]
id = "halt"
name = "Verwijzingen Halt"
unit = "verwijzingen per 1.000 jongeren"
measurements = [{{ period = 2019, value = 14 }}, {{ period = 2020, value = "129 verwijzingen per 10.000 jongeren" }}]
target = {{ at_most = 10, by = 2022 }}
"""


def test_a_programme_file_names_its_populations_and_they_round_trip() -> None:
    programme = io.loads(PROGRAMME, format="toml")
    assert programme.populations == {"jongeren": YOUTHS}
    halt = programme.indicator("halt")
    assert [m.value.magnitude for m in halt.measurements] == [14.0, 12.9]
    for fmt in ("toml", "json"):
        text = io.dumps(programme, format=fmt)
        assert io.loads(text, format=fmt) == programme
    assert io.dumps(programme, format="toml").index("[populations]") < io.dumps(
        programme, format="toml"
    ).index("[[ambitions]]")


def test_a_programme_that_means_another_population_is_refused() -> None:
    other = PROGRAMME.replace(YOUTHS, "inhabitants aged 0-23")
    with pytest.raises(UnitError, match="defined already") as info:
        io.loads(other, format="toml")
    assert "populations.jongeren" in str(info.value.element)
    with pytest.raises(FileFormatError, match="table of populations"):
        io.loads(PROGRAMME.replace("[populations]\n", "populations = 3\n[x]\n"), format="toml")


def test_a_programme_in_python_defines_its_populations() -> None:
    with pytest.raises(UnitError, match="programme 'p' populations 'jongeren'"):
        progmon.Programme(id="p", name="P", populations={"jongeren": "people over 65"})


def test_populations_work_with_a_fresh_pint_cache(tmp_path: Path) -> None:
    code = (
        "from progmon import io, units\n"
        f"p = io.loads({PROGRAMME!r}, format='toml')\n"
        "print(p.indicator('halt').measurements[1].value.m,"
        " units.to_unit('misdrijven per 10.000 inwoners'), units.registry.cache_folder)\n"
    )
    for _ in range(2):  # once filling the cache, once reading it
        done = subprocess.run(  # noqa: S603  # fixed arguments, no shell
            [sys.executable, "-c", code],
            check=False,
            capture_output=True,
            text=True,
            timeout=120,
            env={"PROGMON_PINT_CACHE": str(tmp_path / "cache"), "PATH": ""},
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.split()[:4] == ["12.9", "crime", "/", "ten_thousand_inhabitants"]
    assert list((tmp_path / "cache").glob("*.pickle"))


# --------------------------------------------------------------------------- the review


@pytest.mark.parametrize(
    ("unit", "nl", "en"),
    [
        ("misdrijven per 1.000 inwoners", "12,5 misdrijven per 1.000 inwoners",
         "12.5 crimes per 1,000 inhabitants"),
        ("crime per 10000 inhabitants", "12,5 misdrijven per 10.000 inwoners",
         "12.5 crimes per 10,000 inhabitants"),
        ("verwijzingen per 1.000 jongeren", "12,5 verwijzingen per 1.000 jongeren",
         "12.5 referrals per 1,000 jongeren"),
        ("meldingen per inwoner", "12,5 meldingen per inwoner", "12.5 reports per inhabitant"),
        ("winkeldiefstallen per 1.000 inwoners", "12,5 winkeldiefstallen per 1.000 inwoners",
         "12.5 shoplifting offences per 1,000 inhabitants"),
        ("permille", "12,5 ‰", "12.5‰"),
    ],
)  # fmt: skip
def test_the_review_shows_the_rate_as_written(unit: str, nl: str, en: str) -> None:
    value = Q(12.5, units.to_unit(unit))
    assert Formatter("nl").quantity(value) == nl
    assert Formatter("en").quantity(value) == en


def test_the_markdown_review_shows_a_rate_in_either_language() -> None:
    programme = io.loads(PROGRAMME, format="toml")
    dutch = render(programme, lang="nl")
    english = render(programme, lang="en")
    assert "14 verwijzingen per 1.000 jongeren" in dutch
    assert "12,9 verwijzingen per 1.000 jongeren" in dutch
    assert "12.9 referrals per 1,000 jongeren" in english
    assert "referral / thousand_jongeren" not in dutch + english
    for review in (dutch, english):
        assert not re.search(r"12[.,]9 ?%", review)  # a rate, never a share


def test_permille_changes_are_in_its_points() -> None:
    assert Formatter("nl").difference(-1.5, "permille") == "-1,5 promillepunt"
    assert Formatter("en").difference(2, "permille") == "+2,0 per mille points".replace(",", ".")


# --------------------------------------------------------------------------- properties


@given(rate_texts())
def test_every_written_rate_parses_to_its_unit(case: tuple[str, str, str, int]) -> None:
    text, counted, population, scale = case
    expected = units.registry.parse_units(
        f"{counted} / {units.names()[population].english_plural}".replace(
            " / ", f" / {_prefix(scale)}_"
        )
    )
    assert units.to_unit(text) == expected


def _prefix(scale: int) -> str:
    return {100: "hundred", 1_000: "thousand", 10_000: "ten_thousand", 100_000: "hundred_thousand"}[
        scale
    ]


@given(
    st.sampled_from(sorted(RATE_SCALES)),
    st.sampled_from(sorted(RATE_SCALES)),
    st.floats(0, 1e12, allow_nan=False, allow_subnormal=False),
    st.sampled_from(["inwoners", "huishoudens", "woningen", "leerlingen", "jongeren"]),
)
def test_a_rate_converted_there_and_back_is_itself(
    there: int, back: int, value: float, population: str
) -> None:
    a = units.to_unit(f"misdrijven per {there} {population}")
    b = units.to_unit(f"misdrijven per {back} {population}")
    moved = Q(value, a).to(b)
    assert moved.magnitude == pytest.approx(value * back / there, rel=1e-12)
    assert math.isclose(moved.to(a).magnitude, value, rel_tol=1e-12, abs_tol=0)


def _labelled() -> list[str]:
    every = [name for name, row in units.names().items() if row.kind != "share"]
    rates = [
        f"{counted} / {per}"
        for counted in ("crime", "report", "shoplifting", "referral")
        for per, row in units.names().items()
        if row.kind in {"population", "scaled"}
    ]
    return [*every, *rates, "percent", "permille"]


@pytest.mark.parametrize("lang", ["nl", "en"])
@given(name=st.sampled_from(_labelled()), one=st.booleans())
def test_a_unit_parses_back_from_its_label(lang: str, name: str, one: bool) -> None:
    unit = units.to_unit(name)
    label = Formatter(lang).unit_name(unit, one=one)
    if name in {"mark", "count"}:
        assert label == ""  # the number stands alone
        return
    assert units.to_unit(label) == unit, label


# --------------------------------------------------------------------------- the reference page


def reference_table() -> str:
    """The table of docs/reference/units.md, made from the one table in units.py."""
    lines = [
        "| unit | Dutch | English | what it is |",
        "| --- | --- | --- | --- |",
    ]
    for row in units._ALL_BUILT_IN:  # the built-in rows, not a programme's
        dutch = row.dutch if row.dutch == row.dutch_plural else f"{row.dutch}, {row.dutch_plural}"
        english = (
            row.english
            if row.english == row.english_plural
            else f"{row.english}, {row.english_plural}"
        )
        lines.append(f"| `{row.unit}` | {dutch} | {english} | {row.description} |")
    return "\n".join(lines) + "\n"


def test_the_reference_page_lists_every_unit_from_the_table() -> None:
    page = (ROOT / "docs" / "reference" / "units.md").read_text(encoding="utf-8")
    start = page.index("<!-- units table -->\n") + len("<!-- units table -->\n")
    end = page.index("<!-- end of units table -->")
    assert page[start:end] == reference_table(), "update docs/reference/units.md:\n" + (
        reference_table()
    )
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert "reference/units" in index


def test_the_table_names_no_unit_twice_and_every_spelling_is_its_own() -> None:
    seen: dict[str, str] = {}
    for row in units._ALL_BUILT_IN:
        for spelling in (row.dutch, row.dutch_plural, row.english, row.english_plural, *row.also):
            folded = " ".join(spelling.split()).casefold()
            assert seen.setdefault(folded, row.unit) == row.unit, spelling
            # A spelling pint reads too must mean the same unit there.
            try:
                pint_unit = units.registry.parse_units(spelling)
            except Exception:  # noqa: BLE001, S112  # not pint's: only the table reads it
                continue
            assert pint_unit == units.to_unit(row.unit), spelling


@pytest.mark.parametrize("population", ["jongeren_onbekend", "ouderen"])
def test_a_rate_per_an_unnamed_population_says_how_to_name_it(population: str) -> None:
    with pytest.raises(UnitError) as caught:
        units.to_unit(f"verwijzingen per 10.000 {population}")
    message = str(caught.value)
    assert f"a rate per {population!r}" in message
    assert "[populations]" in message


def test_a_misspelt_population_gets_a_suggestion_not_the_populations_table() -> None:
    with pytest.raises(UnitError, match="did you mean") as caught:
        units.to_unit("misdrijven per 1.000 inwonerss")
    assert "[populations]" not in str(caught.value)
