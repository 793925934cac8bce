"""The words of the review: headings, labels, and one sentence per status.

:func:`reason` explains an indicator's status in one sentence from the
figures the method used, e.g. "Laatste 31,0 % in 2019; 6,2 procentpunt
lager dan in 2013, significant; op koers voor 30,0 % in 2022 (groeiratio
1,20)." A reader can check every number in it against the table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from progmon._model import Period
from progmon._targets import Change, Improve, Level, Maintain, RelativeChange

from ._format import Formatter

__all__ = ["LABELS", "label", "method_explanation", "method_name", "reason", "target_text"]

LABELS: Final[dict[str, tuple[str, str]]] = {
    "review": ("Voortgangsrapportage", "Progress review"),
    "as_of": ("stand per", "as of"),
    "term": ("looptijd", "term"),
    "method": ("methode", "method"),
    "summary": ("Samenvatting", "Summary"),
    "status_counts": ("Indicatoren per status", "Indicators by status"),
    "status": ("Status", "Status"),
    "count": ("Aantal", "Number"),
    "overview": ("Status per ambitie en doel", "Status by ambition and goal"),
    "ambition": ("Ambitie", "Ambition"),
    "goal": ("Doel", "Goal"),
    "deadline": ("Deadline", "Deadline"),
    "indicators": ("Indicatoren", "Indicators"),
    "indicator": ("Indicator", "Indicator"),
    "baseline": ("Nulmeting", "Baseline"),
    "latest": ("Laatste meting", "Latest figure"),
    "source": ("Bron", "Source"),
    "target": ("Streefwaarde", "Target"),
    "change": ("Verandering", "Change"),
    "trend": ("Trend", "Trend"),
    "reason": ("Toelichting", "Explanation"),
    "q_achieve": ("Wat willen we bereiken?", "What do we want to achieve?"),
    "q_do": ("Wat gaan we daarvoor doen?", "What will we do for it?"),
    "q_cost": ("Wat mag het kosten?", "What may it cost?"),
    "context": ("Contextindicatoren", "Context indicators"),
    "context_note": (
        (
            "Deze cijfers beschrijven de omgeving van het programma. Ze hebben geen "
            "streefwaarde: hun status zegt alleen of ze de goede kant op gaan, en telt niet mee."
        ),
        (
            "These figures describe the programme's setting. They have no target: their "
            "status only says whether they move the right way, and does not count."
        ),
    ),
    "results": ("Resultaten", "Results"),
    "no_actions": ("Geen inspanningen vastgelegd.", "No actions recorded."),
    "no_resources": ("Geen middelen vastgelegd.", "No resources recorded."),
    "purpose": ("Waarvoor", "Purpose"),
    "period": ("Periode", "Period"),
    "amount": ("Bedrag of inzet", "Amount or staff"),
    "kind": ("Soort", "Kind"),
    "incidental": ("incidenteel", "one-off"),
    "structural": ("structureel", "structural"),
    "total_money": ("Budget per jaar", "Budget per year"),
    "total_staff": ("Inzet per jaar", "Staff per year"),
    "actions_period": ("Periode", "Period"),
    "charts": ("Grafieken", "Charts"),
    "legend": ("Legenda", "Legend"),
    "methodology": ("Methode", "Method"),
    "rollup": (
        (
            "Een doel, ambitie of programma krijgt de slechtste status van zijn beoordeelde "
            "indicatoren; indicatoren die niet gemeten zijn, te weinig cijfers hebben of geen "
            "streefwaarde hebben, tellen niet mee. Het geheel is alleen behaald als al zijn "
            "indicatoren behaald zijn; anders is het hooguit op koers. Contextindicatoren "
            "tellen nooit mee."
        ),
        (
            "A goal, ambition or programme gets the worst status among its judged indicators; "
            "indicators not measured, with too few figures or without a target do not count. "
            "The whole is achieved only when all its indicators are; otherwise it is on track "
            "at best. Context indicators never count."
        ),
    ),
    "thresholds": ("Drempels", "Thresholds"),
    "component_of": ("waarvan", "of which"),
    "not_measured": ("nog niet gemeten", "not measured yet"),
    "none": ("—", "—"),
    "made_with": ("Gemaakt met progmon", "Made with progmon"),
    "sections": ("Toelichting", "Commentary"),
    "chart_series": ("meting", "figure"),
    "chart_margin": ("marge (95 %)", "margin (95%)"),
    "chart_baseline": ("nulmeting", "baseline"),
    "chart_target": ("streefwaarde", "target"),
    "chart_path": ("pad naar streefwaarde", "path to target"),
    "chart_projection": ("projectie", "projection"),
    "chart_caption": ("Verloop van", "Course of"),
    "increasing": ("stijgend", "increasing"),
    "decreasing": ("dalend", "decreasing"),
    "no trend": ("geen trend", "no trend"),
    "per_year": ("per jaar", "a year"),
    "significant": ("significant", "significant"),
    "not_significant": ("binnen de foutmarge", "within the margin of error"),
    "sources": ("Bronnen", "Sources"),
    "series": ("Cijfers", "Figures"),
    "notes": ("Noten", "Notes"),
    "note": ("Noot", "Note"),
    "goal_status": ("Status van het doel", "Status of the goal"),
    "programme_status": ("Status van het programma", "Status of the programme"),
}

_METHODS: Final[dict[str, tuple[str, str, str, str]]] = {
    # name: (Dutch name, English name, Dutch ratio name, English ratio name)
    "growth-ratio": (
        "groeiratio (Eurostat / SDG)",
        "growth ratio (Eurostat / SDG)",
        "groeiratio",
        "growth ratio",
    ),
    "projection": ("projectie (UNSD)", "projection (UNSD)", "projectieratio", "projection ratio"),
    "pro-rata": ("pro-rata-pad", "pro rata path", "pro-rata-ratio", "pro rata ratio"),
}

_METHOD_EXPLANATIONS: Final[dict[str, tuple[str, str]]] = {
    "growth-ratio": (
        (
            "Per indicator vergelijken we de gemiddelde jaarlijkse groei sinds de nulmeting met de "
            "groei die nodig is om de streefwaarde op tijd te halen: R = werkelijke groei / "
            "benodigde groei. R ≥ 0,95 is op koers, 0,6 tot 0,95 risico, 0 tot 0,6 niet op koers, "
            "R < 0 verslechterd; een gehaalde streefwaarde is behaald (Eurostat, UN SDG)."
        ),
        (
            "For each indicator we compare the average yearly growth since the baseline with the "
            "growth needed to reach the target in time: R = actual growth / required growth. "
            "R ≥ 0.95 is on track, 0.6 to 0.95 at risk, 0 to 0.6 off track, R < 0 deteriorating; "
            "a target reached is achieved (Eurostat, UN SDG)."
        ),
    ),
    "projection": (
        (
            "Per indicator trekken we de trend sinds de nulmeting door tot de deadline en "
            "vergelijken de verwachte waarde met de streefwaarde (UNSD-methode)."
        ),
        (
            "For each indicator we extend the trend since the baseline to the deadline and compare "
            "the projected value with the target (UNSD method)."
        ),
    ),
    "pro-rata": (
        (
            "Per indicator vergelijken we de laatste meting met de waarde op het rechte pad van "
            "nulmeting naar streefwaarde in hetzelfde jaar."
        ),
        (
            "For each indicator we compare the latest figure with the value on the straight path "
            "from baseline to target in the same year."
        ),
    ),
}


def label(key: str, fmt: Formatter) -> str:
    """The label ``key`` in ``fmt``'s language.

    Example:
        >>> label("q_cost", Formatter("nl"))
        'Wat mag het kosten?'
    """
    dutch, english = LABELS[key]
    return fmt.pick(dutch, english)


def method_name(name: str, fmt: Formatter) -> str:
    """The readable name of an assessment method.

    Example:
        >>> method_name("growth-ratio", Formatter("en"))
        'growth ratio (Eurostat / SDG)'
    """
    known = _METHODS.get(name)
    return fmt.pick(known[0], known[1]) if known else name


def method_explanation(name: str, fmt: Formatter) -> str:
    """How a method decides, in two sentences ('' for a method it does not know).

    Example:
        >>> method_explanation("pro-rata", Formatter("en"))[:28]
        'For each indicator we compar'
    """
    known = _METHOD_EXPLANATIONS.get(name)
    return fmt.pick(*known) if known else ""


def thresholds_text(thresholds: Mapping[str, float], fmt: Formatter) -> str:
    """The thresholds a method used, as ``name 0,95; name 0,6``.

    Example:
        >>> thresholds_text({"on_track": 0.95, "at_risk": 0.6}, Formatter("nl"))
        'on track 0,95; at risk 0,6'
    """
    parts = []
    for key, value in thresholds.items():
        decimals = 0 if float(value).is_integer() else len(f"{value:g}".partition(".")[2])
        parts.append(f"{key.replace('_', ' ').replace('-', ' ')} {fmt.number(value, decimals)}")
    return "; ".join(parts)


def target_text(  # noqa: PLR0911  # one return per kind of target reads as a table
    indicator: Any, target_value: Any, deadline: int | None, fmt: Formatter
) -> str:
    """What the target asks, with the value it means where known.

    Example:
        >>> from progmon import Indicator, Measurement
        >>> ind = Indicator(id="m", name="Misdrijven", unit="crime",
        ...                 measurements=[Measurement(2016, 4000)], target=Change(-360))
        >>> target_text(ind, None, 2022, Formatter("nl"))
        '-360 misdrijven t.o.v. de nulmeting, in 2022'
    """
    target = indicator.target
    unit = indicator.unit
    base = (
        fmt.period(indicator.baseline)
        if indicator.baseline is not None
        else fmt.pick("de nulmeting", "the baseline")
    )
    when = f", {fmt.pick('in', 'by')} {deadline}" if deadline is not None else ""
    value = f" (= {fmt.quantity(target_value)})" if target_value is not None else ""
    if target is None:
        return label("none", fmt)
    if isinstance(target, Level):
        return f"{fmt.quantity(target.value)}{when}"
    if isinstance(target, Change):
        amount = fmt.difference(float(target.amount), unit)
        return f"{amount} {fmt.pick('t.o.v. de nulmeting', 'on the baseline')}{value}{when}"
    if isinstance(target, RelativeChange):
        amount = fmt.fraction(target.fraction, sign=True)
        return f"{amount} {fmt.pick('t.o.v. de nulmeting', 'on the baseline')}{value}{when}"
    better = _better_word(indicator, fmt)
    if isinstance(target, Improve):
        if indicator.baseline is None:
            return f"{better} {fmt.pick('dan de nulmeting', 'than the baseline')}{when}"
        return f"{better} {fmt.pick('dan in', 'than in')} {base}{when}"
    if isinstance(target, Maintain):
        return f"{fmt.pick('minstens gelijk aan', 'at least as good as')} {base}{when}"
    return str(target)  # pragma: no cover - every target kind is handled above


def _better_word(indicator: Any, fmt: Formatter) -> str:
    direction = getattr(indicator.direction, "name", None)
    if direction == "DECREASE":
        return fmt.pick("lager", "lower")
    return fmt.pick("hoger", "higher")


def trend_text(trend: str | None, slope: Any, unit: Any, fmt: Formatter) -> str:
    """The trend word, with the slope per year where there is one.

    Example:
        >>> from progmon import units
        >>> slope = units.Quantity(-1.5, "percent / year")
        >>> trend_text("decreasing", slope, "percent", Formatter("nl"))
        'dalend (-1,5 procentpunt per jaar)'
    """
    parts = []
    if trend is not None:
        parts.append(label(trend, fmt) if trend in LABELS else trend)
    if slope is not None:
        per_year = f"{fmt.difference(_per_year(slope, unit), unit)} {label('per_year', fmt)}"
        parts.append(f"({per_year})" if parts else per_year)
    return " ".join(parts) if parts else label("none", fmt)


def _per_year(slope: Any, unit: Any) -> float:
    """A slope as a number of ``unit`` per year (a slope may carry ``/ year`` or not)."""
    from progmon import units

    if isinstance(slope, int | float):
        return float(slope)
    per_year = slope * units.Quantity(1, "year")
    if per_year.dimensionality == units.Quantity(1, unit).dimensionality:
        return float(per_year.m_as(unit))
    return float(slope.m_as(unit))


def change_text(assessment: Any, fmt: Formatter) -> str:
    """The change since the baseline, as a signed amount (and percentage for counts).

    Example:
        >>> import types
        >>> from progmon import Indicator, units
        >>> ind = Indicator(id="x", name="X", unit="report")
        >>> from progmon import Measurement
        >>> a = types.SimpleNamespace(indicator=ind, change=units.Quantity(-116, "report"),
        ...     change_points=None, relative_change=-116 / 1089, significant=None,
        ...     baseline=Measurement(2016, 1089), latest=Measurement(2019, 973))
        >>> change_text(a, Formatter("nl"))
        '-116 meldingen (-10,7 %)'
    """
    if (
        assessment.change is None
        or assessment.baseline is None
        or assessment.latest is None
        or assessment.baseline.period == assessment.latest.period
    ):
        return label("none", fmt)
    unit = assessment.indicator.unit
    text = fmt.difference(float(assessment.change.m_as(unit)), unit)
    if assessment.relative_change is not None and fmt.counts_events(unit):
        text += f" ({fmt.fraction(assessment.relative_change, sign=True)})"
    if assessment.significant is True:
        text += f", {label('significant', fmt)}"
    elif assessment.significant is False:
        text += f", {label('not_significant', fmt)}"
    return text


def _since(assessment: Any, fmt: Formatter) -> str:
    """The change since the baseline in words: 6,2 procentpunt lager dan in 2013."""
    unit = assessment.indicator.unit
    value = float(assessment.change.m_as(unit))
    amount = fmt.difference(abs(value), unit, sign=False)
    base = fmt.period(assessment.baseline.period)
    if round(value, 6) == 0:
        text = fmt.pick(f"gelijk aan {base}", f"the same as in {base}")
    elif fmt.counts_events(unit):
        more = value > 0
        text = fmt.pick(
            f"{amount} {'meer' if more else 'minder'} dan in {base}",
            f"{'up' if more else 'down'} {amount} since {base}",
        )
    else:
        more = value > 0
        text = fmt.pick(
            f"{amount} {'hoger' if more else 'lager'} dan in {base}",
            f"{'up' if more else 'down'} {amount} since {base}",
        )
    if assessment.significant is True:
        text += f", {label('significant', fmt)}"
    elif assessment.significant is False:
        text += f", {label('not_significant', fmt)}"
    return text


def _ratio(assessment: Any, fmt: Formatter) -> str:
    if assessment.ratio is None:
        return ""
    known = _METHODS.get(assessment.method)
    name = fmt.pick(known[2], known[3]) if known else assessment.method
    return f" ({name} {fmt.number(assessment.ratio, 2)})"


def _goal_words(assessment: Any, fmt: Formatter) -> str:
    """The target as a short phrase: '3.640 misdrijven in 2022', or 'een verbetering'."""
    deadline = assessment.deadline
    when = f" {fmt.pick('in', 'by')} {deadline}" if deadline is not None else ""
    if assessment.target_value is not None:
        return f"{fmt.quantity(assessment.target_value)}{when}"
    indicator = assessment.indicator
    base = assessment.baseline
    if base is None:
        return fmt.pick("een verbetering", "an improvement") + when
    since = fmt.period(base.period)
    if isinstance(indicator.target, Maintain):
        return fmt.pick(f"minstens het niveau van {since}", f"at least the level of {since}") + when
    return f"{_better_word(indicator, fmt)} {fmt.pick('dan in', 'than in')} {since}{when}"


def reason(assessment: Any, fmt: Formatter) -> str:
    """Why an indicator has its status, in one sentence.

    Args:
        assessment: An ``IndicatorAssessment`` (see :mod:`progmon.assessment`).
        fmt: The formatter of the review's language.

    Example:
        >>> import types, enum
        >>> from progmon import Indicator, Measurement, units
        >>> S = enum.Enum("S", "NOT_MEASURED")
        >>> ind = Indicator(id="x", name="X", unit="percent", note="nog niet gemeten")
        >>> a = types.SimpleNamespace(indicator=ind, status=S.NOT_MEASURED, latest=None,
        ...     baseline=None, reason="not-measured")
        >>> reason(a, Formatter("nl"))
        'Nog niet gemeten.'
    """
    status = assessment.status.name
    indicator = assessment.indicator
    if status == "NOT_MEASURED" or assessment.latest is None:
        note = indicator.note.strip().rstrip(".")
        text = label("not_measured", fmt)
        if note and note.lower() != text.lower():
            text = f"{text} ({note})"
        return _sentence([text])
    parts = [
        fmt.pick("laatste", "latest")
        + f" {fmt.quantity(assessment.latest.value)} {fmt.pick('in', 'in')} "
        + fmt.period(assessment.latest.period)
    ]
    has_change = (
        assessment.change is not None
        and assessment.baseline is not None
        and assessment.baseline.period != assessment.latest.period
    )
    if has_change:
        parts.append(_since(assessment, fmt))
    parts.append(_verdict(assessment, status, fmt))
    return _sentence([p for p in parts if p])


_DIRECTION_ONLY: Final = {
    "ACHIEVED": ("verbetert", "improving"),
    "ON_TRACK": ("verbetert", "improving"),
    "AT_RISK": ("verbetert langzaam", "improving slowly"),
    "OFF_TRACK": ("verbetert nauwelijks", "hardly improving"),
    "DETERIORATING": ("verslechtert", "worsening"),
}


def _verdict(assessment: Any, status: str, fmt: Formatter) -> str:
    if assessment.indicator.target is None and status in _DIRECTION_ONLY:
        # Judged by its direction alone: the growth rate, not a target.
        text = fmt.pick(*_DIRECTION_ONLY[status])
        if assessment.slope is not None:
            unit = assessment.indicator.unit
            per_year = fmt.difference(_per_year(assessment.slope, unit), unit)
            text += f" ({per_year} {label('per_year', fmt)})"
        return text
    goal = _goal_words(assessment, fmt)
    ratio = _ratio(assessment, fmt)
    special = _special_verdict(assessment, status, goal, ratio, fmt)
    if special:
        return special
    if status in _DIRECTION_ONLY:
        return _verdict_by_status(status, goal, ratio, fmt)
    if status == "NO_TARGET":
        return fmt.pick(
            "geen streefwaarde: getoond, niet beoordeeld", "no target: shown, not judged"
        )
    if status == "INSUFFICIENT_DATA":
        return _insufficient(assessment, fmt)
    return fmt.pick("geen oordeel", "no judgement")


def _special_verdict(  # noqa: PLR0911  # one return per reason reads as a table
    assessment: Any, status: str, goal: str, ratio: str, fmt: Formatter
) -> str:
    """The verdict where the reason, not the status alone, says what happened ('' if not)."""
    code = assessment.reason
    if code == "no-direction":
        return fmt.pick(
            f"streefwaarde ({goal}) niet gehaald; onbekend of hoger of lager beter is: "
            "geef de indicator een richting",
            f"target ({goal}) not met; unknown whether higher or lower is better: "
            "give the indicator a direction",
        )
    if code == "not-maintained":
        return fmt.pick(f"streefwaarde ({goal}) niet vastgehouden", f"target ({goal}) not held")
    if code == "gap-zero":
        return fmt.pick(
            f"de streefwaarde ({goal}) was al bij de nulmeting gehaald, maar is niet vastgehouden",
            f"the target ({goal}) was already met at the baseline, but has not been held",
        )
    if code == "deadline-passed" and assessment.deadline is not None:
        target = (
            fmt.quantity(assessment.target_value) if assessment.target_value is not None else ""
        )
        return fmt.pick(
            f"deadline {assessment.deadline} verstreken zonder de streefwaarde ({target}) "
            f"te halen{ratio}",
            f"deadline {assessment.deadline} passed without reaching the target ({target}){ratio}",
        )
    if code == "no-deadline" and status in _DIRECTION_ONLY:
        verdict = _verdict_by_status(status, goal, ratio, fmt)
        return verdict + fmt.pick(
            " (zonder deadline beoordeeld op de groei per jaar)",
            " (without a deadline, judged by the growth per year)",
        )
    if code == "no-baseline":
        baseline = assessment.indicator.baseline
        when = f" ({fmt.period(baseline)})" if baseline is not None else ""
        return fmt.pick(
            f"nog geen cijfer voor de nulmeting{when}: geen oordeel",
            f"no figure for the baseline{when} yet: no judgement",
        )
    return ""


def _verdict_by_status(status: str, goal: str, ratio: str, fmt: Formatter) -> str:
    """The verdict of a judged status against a target."""
    verdicts = {
        "ACHIEVED": (f"streefwaarde ({goal}) gehaald", f"target ({goal}) reached"),
        "ON_TRACK": (f"op koers voor {goal}{ratio}", f"on course for {goal}{ratio}"),
        "AT_RISK": (f"te langzaam voor {goal}{ratio}", f"too slow for {goal}{ratio}"),
        "OFF_TRACK": (
            f"ver achter op het pad naar {goal}{ratio}",
            f"far behind the path to {goal}{ratio}",
        ),
        "DETERIORATING": (
            f"beweegt van de streefwaarde af ({goal}){ratio}",
            f"moving away from the target ({goal}){ratio}",
        ),
    }
    return fmt.pick(*verdicts[status])


def _insufficient(assessment: Any, fmt: Formatter) -> str:
    code = assessment.reason
    if code == "baseline-only":
        return fmt.pick(
            "alleen de nulmeting; voor een oordeel is een tweede meting nodig",
            "only the baseline; a judgement needs a second figure",
        )
    if code == "change-within-margin":
        return fmt.pick(
            "de verandering valt binnen de foutmarge: geen oordeel",
            "the change lies within the margin of error: no judgement",
        )
    if assessment.deadline is None:
        return fmt.pick("geen deadline: geen oordeel", "no deadline: no judgement")
    return fmt.pick("te weinig gegevens voor een oordeel", "too little data for a judgement")


def _sentence(parts: list[str]) -> str:
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def period_label(period: Period | None, fmt: Formatter) -> str:
    """A period, or a dash when there is none.

    Example:
        >>> period_label(None, Formatter("en"))
        '—'
    """
    return fmt.period(period) if period is not None else label("none", fmt)
