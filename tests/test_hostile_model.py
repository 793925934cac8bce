"""The model under hostile input: a catalogue of values every model type must refuse, or keep.

Each refusal asserts the exact outcome: the error class (a ProgmonError and
the builtin that fits it), the element it names, the offending value, and
words of the message that tell what to do. Each acceptance asserts what the
model keeps, against a value written out by hand.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple

import numpy as np
import pytest

import progmon
from progmon import (
    Action,
    Ambition,
    Change,
    Direction,
    Goal,
    Improve,
    Indicator,
    Level,
    Maintain,
    Measurement,
    Period,
    Programme,
    RelativeChange,
    Resource,
    Section,
    Source,
    methods,
    units,
)
from progmon.errors import (
    DuplicateError,
    ProgmonError,
    UnitError,
    ValidationError,
)

Q = units.Quantity
SURROGATE = "\udc80"
NAIVE = datetime(2019, 1, 1)  # noqa: DTZ001  # a datetime is refused, with a zone or without

#: The builtin exception each progmon error also is.
BUILTIN: dict[type[ProgmonError], type[Exception]] = {
    ValidationError: ValueError,
    DuplicateError: ValueError,
    UnitError: TypeError,
}


class Refused(NamedTuple):
    make: Callable[[], object]
    error: type[ProgmonError]
    element: str  # the element the error names, exactly
    value: object  # the offending value, exactly
    says: str = ""  # words the message must hold


def indicator(**fields: Any) -> Indicator:
    return Indicator(**{"id": "x", "name": "X", "unit": "count", **fields})


def chain(levels: int) -> Indicator:
    """An indicator with components ``levels`` deep."""
    current = Indicator(id="c0", name="C", unit="count")
    for level in range(1, levels + 1):
        current = Indicator(id=f"c{level}", name="C", unit="count", components=[current])
    return current


def same(a: object, b: object) -> bool:
    # NaN equals nothing, and a signalling Decimal NaN cannot even be compared.
    if any(isinstance(v, float | Decimal | units.Quantity) for v in (a, b)):
        return repr(a) == repr(b)
    return a == b


REFUSED: dict[str, Refused] = {
    # ------------------------------------------------------------------ periods
    "Period(...) in year 1": Refused(
        lambda: Period(date(1, 1, 1), date(1, 12, 31)), ValidationError, "period", 1, "1800 to 2200"
    ),
    "Period.between ending in 2201": Refused(
        lambda: Period.between(date(2019, 1, 1), date(2201, 1, 1)), ValidationError, "period", 2201
    ),
    "Period.between from 1799": Refused(
        lambda: Period.between(date(1799, 12, 31), date(1800, 1, 1)),
        ValidationError,
        "period",
        1799,
    ),
    "Period.year(1)": Refused(lambda: Period.year(1), ValidationError, "period", 1),
    "Period.year beyond datetime": Refused(
        lambda: Period.year(99_999), ValidationError, "period", 99_999
    ),
    "Period.year of a text": Refused(
        lambda: Period.year("2019"), ValidationError, "period", "2019"
    ),
    "Period.year of a float": Refused(
        lambda: Period.year(2019.0), ValidationError, "period", 2019.0
    ),
    "Period.year of a bool": Refused(lambda: Period.year(True), ValidationError, "period", True),
    "Period.month of a text month": Refused(
        lambda: Period.month(2019, "12"), ValidationError, "period", "12", "month"
    ),
    "Period.month 13": Refused(lambda: Period.month(2019, 13), ValidationError, "period", 13),
    "Period.month of a float month": Refused(
        lambda: Period.month(2019, 12.0), ValidationError, "period", 12.0
    ),
    "Period.month of a bool month": Refused(
        lambda: Period.month(2019, True), ValidationError, "period", True
    ),
    "Period.month in year 1": Refused(lambda: Period.month(1, 1), ValidationError, "period", 1),
    "Period.between of texts": Refused(
        lambda: Period.between("2019-01-01", "2019-12-31"),  # type: ignore[arg-type]
        ValidationError,
        "period",
        ("2019-01-01", "2019-12-31"),
        "dates",
    ),
    "Period.between of datetimes": Refused(
        lambda: Period.between(NAIVE, NAIVE.replace(month=2)),
        ValidationError,
        "period",
        (NAIVE, NAIVE.replace(month=2)),
        "not datetime",
    ),
    "Period ending before it starts": Refused(
        lambda: Period(date(2019, 12, 31), date(2019, 1, 1)),
        ValidationError,
        "period",
        "2019-12-31/2019-01-01",
    ),
    "Period.parse of an int": Refused(lambda: Period.parse(2019), ValidationError, "period", 2019),
    "Period.parse of None": Refused(lambda: Period.parse(None), ValidationError, "period", None),
    "Period label a number": Refused(
        lambda: Period.year(2019, label=5), ValidationError, "period", 5, "label"
    ),
    "Period label a lone surrogate": Refused(
        lambda: Period.year(2019, label=f"dec{SURROGATE}"),
        ValidationError,
        "period",
        f"dec{SURROGATE}",
        "label must not hold the lone surrogate U+DC80",
    ),
    # ------------------------------------------------------------------ measurements
    "figure as a text": Refused(
        lambda: Measurement(2019, "731"), ValidationError, "measurement 2019: value", "731"
    ),
    "figure True": Refused(
        lambda: Measurement(2019, True), ValidationError, "measurement 2019: value", True
    ),
    "figure numpy bool": Refused(
        lambda: Measurement(2019, np.bool_(True)),
        ValidationError,
        "measurement 2019: value",
        np.bool_(True),
    ),
    "figure an int beyond a float": Refused(
        lambda: Measurement(2019, 10**400),
        ValidationError,
        "measurement 2019: value",
        10**400,
        "finite",
    ),
    "figure Decimal NaN": Refused(
        lambda: Measurement(2019, Decimal("NaN")),
        ValidationError,
        "measurement 2019: value",
        math.nan,
        "finite",
    ),
    "figure Decimal sNaN": Refused(
        lambda: Measurement(2019, Decimal("sNaN")),
        ValidationError,
        "measurement 2019: value",
        math.nan,
        "finite",
    ),
    "figure Decimal Infinity": Refused(
        lambda: Measurement(2019, Decimal("-Infinity")),
        ValidationError,
        "measurement 2019: value",
        -math.inf,
        "finite",
    ),
    "figure a Fraction beyond a float": Refused(
        lambda: Measurement(2019, Fraction(10**400, 3)),
        ValidationError,
        "measurement 2019: value",
        Fraction(10**400, 3),
        "finite",
    ),
    "figure infinite": Refused(
        lambda: Measurement(2019, math.inf), ValidationError, "measurement 2019: value", math.inf
    ),
    "figure an array": Refused(
        lambda: Measurement(2019, [1, 2]), ValidationError, "measurement 2019: value", [1, 2]
    ),
    "margin negative": Refused(
        lambda: Measurement(2019, 1, margin=-0.5),
        ValidationError,
        "measurement 2019: margin",
        -0.5,
        "negative",
    ),
    "margin a negative Decimal": Refused(
        lambda: Measurement(2019, 1, margin=Decimal("-0.5")),
        ValidationError,
        "measurement 2019: margin",
        -0.5,
    ),
    "sample size 0": Refused(
        lambda: Measurement(2019, 1, sample_size=0),
        ValidationError,
        "measurement 2019: sample_size",
        0,
    ),
    "sample size 1.5": Refused(
        lambda: Measurement(2019, 1, sample_size=1.5),
        ValidationError,
        "measurement 2019: sample_size",
        1.5,
    ),
    "sample size True": Refused(
        lambda: Measurement(2019, 1, sample_size=True),
        ValidationError,
        "measurement 2019: sample_size",
        True,
    ),
    "measurement note a lone surrogate": Refused(
        lambda: Measurement(2019, 1, note=f"volgt{SURROGATE}"),
        ValidationError,
        "measurement 2019",
        f"volgt{SURROGATE}",
        "note must not hold the lone surrogate U+DC80 (character 6)",
    ),
    "provisional a text": Refused(
        lambda: Measurement(2019, 1, provisional="ja"), ValidationError, "measurement 2019", "ja"
    ),
    "source a text": Refused(
        lambda: Measurement(2019, 1, source="Politie"),
        ValidationError,
        "measurement 2019",
        "Politie",
        "a Source",
    ),
    "measurement in 1700": Refused(lambda: Measurement(1700, 1), ValidationError, "period", 1700),
    # ------------------------------------------------------------------ sources
    "source title a lone surrogate": Refused(
        lambda: Source(SURROGATE), ValidationError, "source '\\udc80'", SURROGATE, "title"
    ),
    "source publisher a high surrogate": Refused(
        lambda: Source("Politie", publisher="\ud800x"),
        ValidationError,
        "source 'Politie'",
        "\ud800x",
        "publisher must not hold the lone surrogate U+D800",
    ),
    "source year 1700": Refused(
        lambda: Source("Politie", year=1700), ValidationError, "source 'Politie'", 1700
    ),
    "source url a number": Refused(
        lambda: Source("Politie", url=5), ValidationError, "source 'Politie'", 5, "url"
    ),
    # ------------------------------------------------------------------ units
    "unit degC": Refused(
        lambda: indicator(unit="degC"), UnitError, "indicator 'x'", "degC", "kelvin"
    ),
    "unit degF": Refused(
        lambda: indicator(unit="degF"), UnitError, "indicator 'x'", "degF", "delta_degC"
    ),
    "unit decibel": Refused(
        lambda: indicator(unit="dB"), UnitError, "indicator 'x'", "dB", "logarithmic"
    ),
    "unit None": Refused(
        lambda: indicator(unit=None), UnitError, "indicator 'x'", None, "unit is missing"
    ),
    "unit empty": Refused(lambda: indicator(unit=" "), UnitError, "indicator 'x'", " "),
    "unit unknown": Refused(
        lambda: indicator(unit="procent"), UnitError, "indicator 'x'", "procent", "known unit"
    ),
    "a figure in degC for kelvin": Refused(
        lambda: indicator(unit="kelvin", measurements=[Measurement(2019, Q(5, "degC"))]),
        UnitError,
        "indicator 'x' 2019 value",
        "degree_Celsius",
        "kelvin",
    ),
    "a figure's unit unknown to the indicator": Refused(
        lambda: indicator(unit="report", measurements=[Measurement(2019, Q(5, "inhabitant"))]),
        UnitError,
        "indicator 'x' 2019 value",
        "inhabitant",
    ),
    # ------------------------------------------------------------------ ids and texts
    "indicator id with NUL": Refused(
        lambda: indicator(id="x\x00"),
        ValidationError,
        "indicator 'x\\x00'",
        "x\x00",
        "control character U+0000",
    ),
    "indicator id with a right-to-left override": Refused(
        lambda: indicator(id="gnp\u202eexe"),
        ValidationError,
        "indicator 'gnp\\u202eexe'",
        "gnp\u202eexe",
        "format character U+202E",
    ),
    "indicator id with a line separator": Refused(
        lambda: indicator(id="x\u2028y"),
        ValidationError,
        "indicator 'x\\u2028y'",
        "x\u2028y",
        "line separator",
    ),
    "indicator id with a paragraph separator": Refused(
        lambda: indicator(id="x\u2029"),
        ValidationError,
        "indicator 'x\\u2029'",
        "x\u2029",
        "paragraph separator",
    ),
    "indicator id with a tab": Refused(
        lambda: indicator(id="x\ty"), ValidationError, "indicator 'x\\ty'", "x\ty", "U+0009"
    ),
    "indicator id a lone surrogate": Refused(
        lambda: indicator(id=SURROGATE),
        ValidationError,
        "indicator '\\udc80'",
        SURROGATE,
        "lone surrogate",
    ),
    "indicator id blank": Refused(lambda: indicator(id="  "), ValidationError, "indicator", "  "),
    "indicator id a number": Refused(lambda: indicator(id=7), ValidationError, "indicator", 7),
    "indicator name a lone surrogate": Refused(
        lambda: indicator(name=f"X{SURROGATE}"),
        ValidationError,
        "indicator 'x'",
        f"X{SURROGATE}",
        "indicator name must not hold",
    ),
    "indicator note a lone surrogate": Refused(
        lambda: indicator(note=SURROGATE), ValidationError, "indicator 'x'", SURROGATE, "note"
    ),
    "indicator description a lone surrogate": Refused(
        lambda: indicator(description=SURROGATE),
        ValidationError,
        "indicator 'x'",
        SURROGATE,
        "description",
    ),
    # ------------------------------------------------------------------ series
    "a year and one of its months": Refused(
        lambda: indicator(measurements=[Measurement(2019, 5), Measurement("2019-12", 7)]),
        ValidationError,
        "indicator 'x'",
        "2019-12",
        "overlapping periods 2019 and 2019-12",
    ),
    "a year and a range across it": Refused(
        lambda: indicator(
            measurements=[Measurement("2018-07-01/2019-06-30", 5), Measurement(2019, 7)]
        ),
        ValidationError,
        "indicator 'x'",
        "2019",
        "overlapping periods 2018-07-01/2019-06-30 and 2019",
    ),
    "two figures for one year": Refused(
        lambda: indicator(measurements=[Measurement(2019, 5), Measurement(2019, 7)]),
        DuplicateError,
        "indicator 'x'",
        "2019",
    ),
    "components 17 levels deep": Refused(
        lambda: chain(17), ValidationError, "indicator 'c17'", 17, "16 levels"
    ),
    "a component that is no indicator": Refused(
        lambda: indicator(components=["y"]), ValidationError, "indicator 'x'", "y"
    ),
    # ------------------------------------------------------------------ targets
    "Level of a text": Refused(lambda: Level("5"), ValidationError, "Level.value", "5"),
    "Level True": Refused(lambda: Level(True), ValidationError, "Level.value", True),
    "Level beyond a float": Refused(
        lambda: Level(10**400), ValidationError, "Level.value", 10**400, "finite"
    ),
    "Change Decimal NaN": Refused(
        lambda: Change(Decimal("NaN")), ValidationError, "Change.amount", math.nan
    ),
    "RelativeChange of a text": Refused(
        lambda: RelativeChange("0.1"), ValidationError, "RelativeChange.fraction", "0.1"
    ),
    "RelativeChange of -100 %": Refused(
        lambda: RelativeChange(-1), ValidationError, "RelativeChange.fraction", -1, "100 %"
    ),
    "Level by 1700": Refused(lambda: Level(5, by=1700), ValidationError, "Level.by", 1700),
    "Level by a float year": Refused(
        lambda: Level(5, by=2022.0), ValidationError, "Level.by", 2022.0
    ),
    "Improve by a text": Refused(lambda: Improve(by="2022"), ValidationError, "Improve.by", "2022"),
    "Maintain by True": Refused(lambda: Maintain(by=True), ValidationError, "Maintain.by", True),
    "a target that is a text": Refused(
        lambda: indicator(target="Level 5"), ValidationError, "indicator 'x'", "Level 5"
    ),
    "a level beyond 100 percent": Refused(
        lambda: indicator(unit="percent", target=Level(101)),
        ValidationError,
        "indicator 'x' target",
        "101.0 percent",
    ),
    "direction a text": Refused(
        lambda: indicator(direction="up"), ValidationError, "indicator 'x'", "up"
    ),
    "kind a text": Refused(
        lambda: indicator(kind="effect"), ValidationError, "indicator 'x'", "effect"
    ),
    "baseline 1700": Refused(lambda: indicator(baseline=1700), ValidationError, "period", 1700),
    "improve without a direction": Refused(
        lambda: indicator(target=Improve()), ValidationError, "indicator 'x'", Improve()
    ),
    # ------------------------------------------------------------------ goals, ambitions
    "goal id with an escape": Refused(
        lambda: Goal(id="g\x1b[2J", statement="S"),
        ValidationError,
        "goal 'g\\x1b[2J'",
        "g\x1b[2J",
        "U+001B",
    ),
    "goal id with a zero-width space": Refused(
        lambda: Goal(id="g\u200b", statement="S"),
        ValidationError,
        "goal 'g\\u200b'",
        "g\u200b",
        "format character",
    ),
    "goal statement a lone surrogate": Refused(
        lambda: Goal(id="g", statement=SURROGATE), ValidationError, "goal 'g'", SURROGATE
    ),
    "goal results a lone surrogate": Refused(
        lambda: Goal(id="g", statement="S", results=SURROGATE),
        ValidationError,
        "goal 'g'",
        SURROGATE,
        "results",
    ),
    "goal deadline 1700": Refused(
        lambda: Goal(id="g", statement="S", deadline=1700), ValidationError, "goal 'g'", 1700
    ),
    "goal deadline a text": Refused(
        lambda: Goal(id="g", statement="S", deadline="2022"), ValidationError, "goal 'g'", "2022"
    ),
    "ambition title a lone surrogate": Refused(
        lambda: Ambition(title=SURROGATE),
        ValidationError,
        "ambition '\\udc80'",
        SURROGATE,
        "title",
    ),
    "ambition description a lone surrogate": Refused(
        lambda: Ambition(title="A", description=SURROGATE),
        ValidationError,
        "ambition 'A'",
        SURROGATE,
    ),
    "action description a lone surrogate": Refused(
        lambda: Action(SURROGATE), ValidationError, "action '\\udc80'", SURROGATE, "description"
    ),
    "action period 1700": Refused(
        lambda: Action("a", period=1700), ValidationError, "period", 1700
    ),
    "resource purpose a lone surrogate": Refused(
        lambda: Resource(SURROGATE, Q(5, "EUR")), ValidationError, "resource '\\udc80'", SURROGATE
    ),
    "resource amount in degC": Refused(
        lambda: Resource("r", Q(5, "degC")), UnitError, "resource 'r'", "5 degree_Celsius"
    ),
    "resource amount Decimal NaN": Refused(
        lambda: Resource("r", Q(Decimal("NaN"), "EUR")),
        ValidationError,
        "resource 'r' amount",
        Q(math.nan, "EUR"),
    ),
    "resource amount a plain number": Refused(
        lambda: Resource("r", 5), UnitError, "resource 'r'", 5.0, "EUR or fte"
    ),
    "resource incidental a text": Refused(
        lambda: Resource("r", Q(5, "EUR"), incidental="no"), ValidationError, "resource 'r'", "no"
    ),
    "section title a lone surrogate": Refused(
        lambda: Section(SURROGATE), ValidationError, "section '\\udc80'", SURROGATE
    ),
    "section paragraph a lone surrogate": Refused(
        lambda: Section("T", paragraphs=["goed", f"fout{SURROGATE}"]),
        ValidationError,
        "section 'T'",
        f"fout{SURROGATE}",
        "paragraphs[1] must not hold",
    ),
    "section bullets a text": Refused(
        lambda: Section("T", bullets="een"), ValidationError, "section 'T'", "een", "list"
    ),
    # ------------------------------------------------------------------ programmes
    "programme id with a BOM": Refused(
        lambda: Programme(id="\ufeffp", name="P"),
        ValidationError,
        "programme '\\ufeffp'",
        "\ufeffp",
        "U+FEFF",
    ),
    "programme name a lone surrogate": Refused(
        lambda: Programme(id="p", name=SURROGATE), ValidationError, "programme 'p'", SURROGATE
    ),
    "programme summary a lone surrogate": Refused(
        lambda: Programme(id="p", name="P", summary=SURROGATE),
        ValidationError,
        "programme 'p'",
        SURROGATE,
    ),
    "programme language de": Refused(
        lambda: Programme(id="p", name="P", language="de"), ValidationError, "programme 'p'", "de"
    ),
    "programme period 2019-13": Refused(
        lambda: Programme(id="p", name="P", period="2019-13"), ValidationError, "period", 13
    ),
    # ------------------------------------------------------------------ methods
    "threshold a numeric text": Refused(
        lambda: methods.GrowthRatio(on_track="0.9"), ValidationError, "GrowthRatio.on_track", "0.9"
    ),
    "threshold a text": Refused(
        lambda: methods.GrowthRatio(on_track="abc"), ValidationError, "GrowthRatio.on_track", "abc"
    ),
    "threshold True": Refused(
        lambda: methods.GrowthRatio(at_risk=True), ValidationError, "GrowthRatio.at_risk", True
    ),
    "rate threshold None": Refused(
        lambda: methods.Projection(rate_on_track=None),
        ValidationError,
        "Projection.rate_on_track",
        None,
    ),
    "threshold NaN": Refused(
        lambda: methods.ProRata(off_track=math.nan), ValidationError, "ProRata.off_track", math.nan
    ),
    "threshold beyond a float": Refused(
        lambda: methods.ProRata(on_track=10**400),
        ValidationError,
        "ProRata.on_track",
        10**400,
        "finite",
    ),
    "thresholds rising": Refused(
        lambda: methods.GrowthRatio(on_track=0.5, at_risk=0.9),
        ValidationError,
        "GrowthRatio",
        {"on_track": 0.5, "at_risk": 0.9, "off_track": 0.0},
        "descend",
    ),
    "compound a text": Refused(
        lambda: methods.Projection(compound="no"), ValidationError, "Projection", "no"
    ),
    "method unknown": Refused(
        lambda: methods.get_method("fast"), ValidationError, "method", "fast"
    ),
    "method a number": Refused(lambda: methods.get_method(5), ValidationError, "method", 5),
    # ------------------------------------------------------------------ assess
    "as_of 1700": Refused(
        lambda: progmon.assess(indicator(), as_of=1700), ValidationError, "as_of", 1700
    ),
    "as_of True": Refused(
        lambda: progmon.assess(indicator(), as_of=True), ValidationError, "as_of", True
    ),
    "as_of a float year": Refused(
        lambda: progmon.assess(indicator(), as_of=2019.0), ValidationError, "as_of", 2019.0
    ),
    "as_of a text": Refused(
        lambda: progmon.assess(indicator(), as_of="2019"), ValidationError, "as_of", "2019"
    ),
    "as_of a date in 1700": Refused(
        lambda: progmon.assess(indicator(), as_of=date(1700, 1, 1)),
        ValidationError,
        "as_of",
        date(1700, 1, 1),
        "1800 to 2200",
    ),
    "as_of a datetime": Refused(
        lambda: progmon.assess(indicator(), as_of=NAIVE),
        ValidationError,
        "as_of",
        NAIVE,
    ),
    "assess with an unknown method": Refused(
        lambda: progmon.assess(indicator(), method="nope"), ValidationError, "method", "nope"
    ),
}


@pytest.mark.parametrize("case", REFUSED.values(), ids=REFUSED.keys())
def test_refused(case: Refused) -> None:
    with pytest.raises(ProgmonError) as caught:
        case.make()
    error = caught.value
    assert type(error) is case.error
    assert isinstance(error, BUILTIN[case.error])
    assert error.element == case.element
    assert same(error.value, case.value)
    assert case.says in error.message
    message = str(error)
    assert message.startswith(f"{case.element}: ")
    # The value is shown as repr shows it: printable, a surrogate as its escape.
    assert message.isprintable()
    if len(repr(error.value)) < 100:
        assert message.endswith(f"(got {error.value!r})")


class Kept(NamedTuple):
    make: Callable[[], object]
    expected: object
    kind: type


KEPT: dict[str, Kept] = {
    "a Decimal figure": Kept(
        lambda: indicator(measurements=[Measurement(2019, Decimal("7.5"))]).latest.value.magnitude,
        7.5,
        float,
    ),
    "a Fraction figure": Kept(
        lambda: indicator(measurements=[Measurement(2019, Fraction(1, 4))]).latest.value.magnitude,
        0.25,
        float,
    ),
    "a numpy integer figure": Kept(
        lambda: indicator(measurements=[Measurement(2019, np.int64(731))]).latest.value.magnitude,
        731.0,
        float,
    ),
    "2**53 + 1 as a figure": Kept(
        lambda: indicator(measurements=[Measurement(2019, 2**53 + 1)]).latest.value.magnitude,
        9_007_199_254_740_993,
        int,
    ),
    "2**53 + 1 as a quantity": Kept(
        lambda: (
            indicator(
                measurements=[Measurement(2019, Q(2**53 + 1, "count"))]
            ).latest.value.magnitude
        ),
        9_007_199_254_740_993,
        int,
    ),
    "2**53 + 1 as a level": Kept(
        lambda: (
            indicator(
                target=Level(2**53 + 1), direction=progmon.Direction.INCREASE
            ).target.value.magnitude
        ),
        9_007_199_254_740_993,
        int,
    ),
    "2**53 + 1 as a change": Kept(
        lambda: indicator(target=Change(-(2**53) - 1)).target.amount, -9_007_199_254_740_993, int
    ),
    "a total of big ints": Kept(
        lambda: (
            Indicator.total_of(
                [
                    indicator(id="a", measurements=[Measurement(2019, 2**53 + 1)]),
                    indicator(id="b", measurements=[Measurement(2019, 2)]),
                ],
                id="t",
                name="T",
            ).latest.value.magnitude
        ),
        9_007_199_254_740_995,
        int,
    ),
    "-0.0 as a figure": Kept(
        lambda: math.copysign(
            1, indicator(unit="EUR", measurements=[Measurement(2019, -0.0)]).latest.value.magnitude
        ),
        -1.0,
        float,
    ),
    "Decimal -0 as a figure": Kept(
        lambda: math.copysign(1, Measurement(2019, Decimal("-0")).value), -1.0, float
    ),
    "a Decimal margin": Kept(
        lambda: Measurement(2019, 5, margin=Decimal("0.5")).margin, 0.5, float
    ),
    "a numpy sample size": Kept(
        lambda: Measurement(2019, 5, sample_size=np.int64(800)).sample_size, 800, int
    ),
    "a Decimal threshold": Kept(
        lambda: methods.GrowthRatio(on_track=Decimal("0.9")).on_track, 0.9, float
    ),
    "a Fraction threshold": Kept(
        lambda: methods.ProRata(at_risk=Fraction(1, 2)).at_risk, 0.5, float
    ),
    "an int threshold": Kept(lambda: methods.ProRata(on_track=1).on_track, 1.0, float),
    "a Fraction relative change": Kept(
        lambda: RelativeChange(Fraction(-1, 10)).fraction, -0.1, float
    ),
    "an escape in a note": Kept(
        lambda: Measurement(2019, 1, note="rood\x1b[31m").note, "rood\x1b[31m", str
    ),
    "a right-to-left override in a name": Kept(
        lambda: indicator(name="gnp\u202eexe").name, "gnp\u202eexe", str
    ),
    "NUL and line separators in a summary": Kept(
        lambda: Programme(id="p", name="P", summary="a\x00b\u2028c").summary, "a\x00b\u2028c", str
    ),
    "a surrogate pair's character in a note": Kept(
        lambda: Measurement(2019, note="\U0001f600").note, "\U0001f600", str
    ),
    "a space inside an id": Kept(lambda: indicator(id="meldingen 2019").id, "meldingen 2019", str),
    "a numpy year for as_of": Kept(
        lambda: progmon.assess(indicator(), as_of=np.int64(2020)).as_of, 2020, int
    ),
    "kelvin": Kept(lambda: str(indicator(unit="kelvin").unit), "kelvin", str),
    "delta_degC": Kept(lambda: str(indicator(unit="delta_degC").unit), "delta_degree_Celsius", str),
    "degC per hour is a difference": Kept(
        lambda: str(units.to_unit("degC / hour")), "delta_degree_Celsius / hour", str
    ),
    "Period.month of numpy integers": Kept(
        lambda: Period.month(np.int64(2019), np.int64(12)).label, "2019-12", str
    ),
    "a year then the next year's month": Kept(
        lambda: [
            m.period.label
            for m in indicator(
                measurements=[Measurement(2019, 1), Measurement("2020-01", 2)]
            ).measurements
        ],
        ["2019", "2020-01"],
        list,
    ),
    "components 16 levels deep": Kept(lambda: chain(16).id, "c16", str),
}


@pytest.mark.parametrize("case", KEPT.values(), ids=KEPT.keys())
def test_kept(case: Kept) -> None:
    result = case.make()
    assert type(result) is case.kind
    assert result == case.expected


def test_the_catalogue_is_large() -> None:
    assert len(REFUSED) + len(KEPT) >= 100


def test_an_improve_target_with_direction_is_kept_exactly() -> None:
    # The refusal above is about the missing direction, not the target.
    assert indicator(target=Improve(), direction=Direction.INCREASE).target == Improve()


def test_a_required_value_beyond_the_floats_is_assessed_and_rendered() -> None:
    import warnings

    import progmon
    from progmon.report import render

    indicator = progmon.Indicator(
        id="x",
        name="X",
        unit="EUR",
        target=progmon.Change(1.7e308, by=2025),
        measurements=progmon.Measurement.series({2019: 1e308, 2020: 1.1e308}),
    )
    goal = progmon.Goal(id="g", statement="S", deadline=2025, indicators=[indicator])
    programme = progmon.Programme(
        id="p", name="P", ambitions=[progmon.Ambition(title="A", goals=[goal])]
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = progmon.assess(programme, as_of=2020)
        assert result.status.is_judged
        for format_ in ("md", "html"):
            for lang in ("nl", "en"):
                assert "X" in render(programme, format=format_, lang=lang)


def test_a_sample_size_beyond_the_floats_is_refused() -> None:
    import progmon

    with pytest.raises(progmon.errors.ValidationError, match="sample_size: must be finite"):
        progmon.Measurement(2019, 5.0, sample_size=10**400)
