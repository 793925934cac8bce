"""The words of the review: headings, labels, and one sentence per status.

:func:`reason` explains an indicator's status in one sentence from the
figures the method used, e.g. "Laatste 31,0 % in 2019; 6,2 procentpunt
lager dan in 2013, significant; op koers voor 30,0 % in 2022 (groeiratio
1,20)." A reader can check every number in it against the table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from progmon import units
from progmon._period import Period
from progmon._targets import Kind

from ._format import Formatter, magnitude_in, unit_facts

__all__ = [
    "LABELS",
    "label",
    "method_explanation",
    "method_name",
    "progress_text",
    "reason",
    "target_text",
    "words",
]

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
    "progress": ("Voortgang", "Progress"),
    "milestones": ("mijlpalen", "milestones"),
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
    "chart_milestones": ("pad langs de mijlpalen", "path through the milestones"),
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
    "comparisons": ("Vergelijking met andere gebieden", "Compared with other areas"),
    "reference": ("Vergeleken met", "Compared with"),
    "reference_figure": ("Cijfer", "Figure"),
    "difference": ("Verschil", "Difference"),
    "comparison": ("Vergelijking", "Comparison"),
    "comparison_note": (
        (
            "Het laatste cijfer naast dat van elk vergelijkingsgebied voor dezelfde periode (of "
            "het laatste cijfer daarvoor). Beter, vergelijkbaar of slechter zegt niets over de "
            "streefwaarde en telt niet mee in de status."
        ),
        (
            "The latest figure beside that of each reference for the same period (or its latest "
            "figure before). Better, similar or worse says nothing of the target and does not "
            "count in the status."
        ),
    ),
    "bbv": ("Beleidsindicatoren (BBV)", "BBV policy indicators"),
    "bbv_note": (
        (
            "De verplichte beleidsindicatoren van het Besluit begroting en verantwoording, per "
            "programma, met het laatste cijfer en de cijfers om mee te vergelijken."
        ),
        (
            "The mandatory policy indicators of the Dutch Budget and Accounts Decree (BBV), by "
            "programme, with the latest figure and the figures to compare it with."
        ),
    ),
    "bbv_unit": ("Eenheid", "Unit"),
    "bbv_period": ("Periode", "Period"),
    "bbv_value": ("Waarde", "Value"),
    "bbv_references": ("Ter vergelijking", "For comparison"),
    "bbv_source": ("Bron van de set en de definities", "Source of the set and the definitions"),
}

#: The themes of the BBV catalogue (progmon.bbv.themes) in English.
BBV_THEMES_EN: Final[dict[str, str]] = {
    "Bestuur en ondersteuning": "Governance and support",
    "Veiligheid": "Safety",
    "Economie": "Economy",
    "Onderwijs": "Education",
    "Sport, cultuur en recreatie": "Sport, culture and recreation",
    "Sociaal domein": "Social domain",
    "Volksgezondheid en milieu": "Public health and environment",
    "Volkshuisvesting, ruimtelijke ordening en stedelijke vernieuwing": (
        "Housing, spatial planning and urban renewal"
    ),
}


def bbv_theme(theme: str, fmt: Formatter) -> str:
    """A theme of the BBV catalogue in ``fmt``'s language (Dutch where no English is known).

    Example:
        >>> bbv_theme("Veiligheid", Formatter("en")), bbv_theme("Veiligheid", Formatter("nl"))
        ('Safety', 'Veiligheid')
    """
    return fmt.pick(theme, BBV_THEMES_EN.get(theme, theme))


#: A reference's kind (Reference.kind) as the review names it.
REFERENCE_KIND_WORDS: Final[dict[str, tuple[str, str]]] = {
    "country": ("land", "country"),
    "province": ("provincie", "province"),
    "region": ("regio", "region"),
    "size-class": ("grootteklasse", "size class"),
    "peer-group": ("vergelijkbare gemeenten", "peer group"),
}

_COMPARISON_WORDS: Final[dict[str, tuple[str, str]]] = {
    "better": ("beter", "better"),
    "similar": ("vergelijkbaar", "similar"),
    "worse": ("slechter", "worse"),
}


def label(key: str, fmt: Formatter) -> str:
    """The label ``key`` in ``fmt``'s language.

    Example:
        >>> label("q_cost", Formatter("nl"))
        'Wat mag het kosten?'
    """
    dutch, english = LABELS[key]
    return fmt.pick(dutch, english)


def words(texts: Mapping[str, str], fmt: Formatter) -> str:
    """The text for ``fmt``'s language from a mapping by language (English where it lacks one).

    Example:
        >>> words({"nl": "groeiratio", "en": "growth ratio"}, Formatter("nl"))
        'groeiratio'
    """
    return texts.get(fmt.lang) or texts.get("en") or next(iter(texts.values()), "")


def method_name(method: Any, fmt: Formatter) -> str:
    """The readable name of an assessment method, from the method itself.

    Example:
        >>> from progmon import methods
        >>> method_name(methods.GrowthRatio(), Formatter("en"))
        'growth ratio (Eurostat / SDG)'
    """
    title = getattr(method, "title", None)
    return words(title, fmt) if isinstance(title, Mapping) else str(getattr(method, "name", method))


def method_explanation(method: Any, fmt: Formatter) -> str:
    """How a method decides, in a sentence or two, from the method itself ('' if it has none).

    Example:
        >>> from progmon import methods
        >>> method_explanation(methods.ProRata(), Formatter("en"))[:28]
        'For each indicator we compar'
    """
    explanation = getattr(method, "explanation", None)
    return words(explanation, fmt) if isinstance(explanation, Mapping) else ""


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


def target_text(
    indicator: Any, target_value: Any, deadline: int | None, fmt: Formatter, *, target: Any = None
) -> str:
    """What the target asks, in the words of its kind, with the value it means where known.

    ``target`` is the indicator's target unless given (a milestone).

    Example:
        >>> from progmon import Change, Indicator, Measurement
        >>> ind = Indicator(id="m", name="Misdrijven", unit="crime",
        ...                 measurements=[Measurement(2016, 4000)], target=Change(-360))
        >>> target_text(ind, None, 2022, Formatter("nl"))
        '-360 misdrijven t.o.v. de nulmeting, in 2022'
    """
    target = indicator.target if target is None else target
    if target is None:
        return label("none", fmt)
    unit = indicator.unit
    when = f", {fmt.pick('in', 'by')} {deadline}" if deadline is not None else ""
    style = target.amount_style
    value = ""
    if style == "quantity":
        value = fmt.quantity(target.value)
    elif style == "difference":
        value = fmt.difference(float(target.value), unit)
    elif style == "fraction":
        value = fmt.fraction(float(target.value), sign=True)
    baseline = (
        fmt.period(indicator.baseline)
        if indicator.baseline is not None
        else fmt.pick("de nulmeting", "the baseline")
    )
    base = (
        f"{fmt.pick('in', 'in')} {fmt.period(indicator.baseline)}"
        if indicator.baseline is not None
        else fmt.pick("de nulmeting", "the baseline")
    )
    required = f" (= {fmt.quantity(target_value)})" if target_value is not None else ""
    phrase = words(target.words, fmt).format(
        value=value,
        required=required,
        better=_better_word(indicator, fmt),
        base=base,
        baseline=baseline,
    )
    return f"{phrase}{when}"


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


_ONE_YEAR: Final = units.Quantity(1, "year")


def _per_year(slope: Any, unit: Any) -> float:
    """A slope as a number of ``unit`` per year (a slope may carry ``/ year`` or not)."""
    if isinstance(slope, int | float):
        return float(slope)
    per_year = slope * _ONE_YEAR
    if per_year.dimensionality == unit_facts(unit).dimensionality:
        return float(magnitude_in(per_year, unit))
    return float(magnitude_in(slope, unit))


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
    text = fmt.difference(float(magnitude_in(assessment.change, unit)), unit)
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
    value = float(magnitude_in(assessment.change, unit))
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
    names = getattr(assessment.method, "ratio_name", None)
    name = words(names, fmt) if isinstance(names, Mapping) else str(assessment.method.name)
    return f" ({name} {fmt.number(assessment.ratio, 2)})"


def _goal_words(assessment: Any, fmt: Formatter) -> str:
    """The target as a short phrase: '3.640 misdrijven in 2022', or 'een verbetering'."""
    deadline = assessment.deadline
    when = f" {fmt.pick('in', 'by')} {deadline}" if deadline is not None else ""
    indicator = assessment.indicator
    target = indicator.target
    if assessment.target_value is not None:
        value = fmt.quantity(assessment.target_value)
        if target is not None and target.kind is Kind.NORM:
            # A norm reads as one: "minimaal 7,5", not "7,5".
            value = words(target.words, fmt).format(
                value=value, required="", better="", base="", baseline=""
            )
        return f"{value}{when}"
    base = assessment.baseline
    if base is None:
        return fmt.pick("een verbetering", "an improvement") + when
    since = fmt.period(base.period)
    if target is not None and target.kind is Kind.MAINTAIN:
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
    parts.append(progress_text(assessment, fmt))
    parts.append(milestones_text(assessment, fmt))
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
    if code == "norm-holds":
        text = fmt.pick(f"voldoet aan de norm ({goal})", f"meets the norm ({goal})")
        if assessment.change is not None and _moves_wrong_way(assessment):
            text += fmt.pick(", maar beweegt de verkeerde kant op", ", but is moving the wrong way")
        return text
    if code == "norm-at-risk":
        projection = (
            fmt.quantity(assessment.projection) if assessment.projection is not None else ""
        )
        when = assessment.deadline
        return fmt.pick(
            f"voldoet nu aan de norm ({goal}), maar de projectie ({projection} in {when}) komt "
            "er niet aan",
            f"meets the norm ({goal}) now, but the projection ({projection} by {when}) does not",
        )
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


def _moves_wrong_way(assessment: Any) -> bool:
    direction = assessment.indicator.direction
    change = float(magnitude_in(assessment.change, assessment.indicator.unit))
    return direction is not None and direction.sign * change < 0


def progress_text(assessment: Any, fmt: Formatter) -> str:
    """The share of the way to the target covered, and the share expected by now ('' if none).

    Example:
        >>> import types
        >>> a = types.SimpleNamespace(progress=0.25, expected_progress=0.4, as_of=2019)
        >>> progress_text(a, Formatter("nl"))
        '25 % van de weg (volgens het pad 40 % in 2019)'
        >>> progress_text(a, Formatter("en"))
        '25% of the way (40% on the path by 2019)'
    """
    progress = getattr(assessment, "progress", None)
    status = getattr(assessment, "status", None)
    if progress is None or (status is not None and not status.is_judged):
        return ""
    done = fmt.percent(100 * progress, 0)
    expected = getattr(assessment, "expected_progress", None)
    if expected is None:
        return fmt.pick(f"{done} van de weg", f"{done} of the way")
    planned, year = fmt.percent(100 * expected, 0), assessment.as_of
    return fmt.pick(
        f"{done} van de weg (volgens het pad {planned} in {year})",
        f"{done} of the way ({planned} on the path by {year})",
    )


def milestones_text(assessment: Any, fmt: Formatter) -> str:
    """Whether each milestone that has fallen due was reached ('' if none is due).

    Example:
        >>> import progmon
        >>> ind = progmon.Indicator(
        ...     id="c", name="C", unit="mark", target=progmon.Level(7.3, by=2022),
        ...     milestones=[progmon.Level(7.1, by=2019)],
        ...     measurements=progmon.Measurement.series({2017: 6.9, 2019: 7.2}))
        >>> milestones_text(progmon.assess(ind, as_of=2020), Formatter("nl"))
        'mijlpaal 2019 (7,1) gehaald: 7,2 in 2019'
    """
    parts = []
    for milestone in getattr(assessment, "milestones", ()):
        if milestone.reached is None:
            continue
        required = fmt.quantity(milestone.required) if milestone.required is not None else ""
        what = f" ({required})" if required else ""
        figure = milestone.figure
        shown = f"{fmt.quantity(figure.value)} {fmt.pick('in', 'in')} {fmt.period(figure.period)}"
        if milestone.reached:
            parts.append(
                fmt.pick(
                    f"mijlpaal {milestone.by}{what} gehaald: {shown}",
                    f"milestone {milestone.by}{what} reached: {shown}",
                )
            )
        else:
            parts.append(
                fmt.pick(
                    f"mijlpaal {milestone.by}{what} niet gehaald: {shown}",
                    f"milestone {milestone.by}{what} missed: {shown}",
                )
            )
    return "; ".join(parts)


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


def compared_with(names: list[str], fmt: Formatter) -> str:
    """What a chart's text alternative adds for its reference lines ("" without any).

    Example:
        >>> compared_with(["Nederland", "Overijssel"], Formatter("nl"))
        ', vergeleken met Nederland en Overijssel'
        >>> compared_with(["NL"], Formatter("en")), compared_with([], Formatter("en"))
        (', compared with NL', '')
    """
    if not names:
        return ""
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + fmt.pick(" en ", " and ")
    if len(names) > 1:
        joined += names[-1]
    return fmt.pick(f", vergeleken met {joined}", f", compared with {joined}")


def reference_name(reference: Any, fmt: Formatter) -> str:
    """A reference's name, with its kind where it has one: ``Overijssel (provincie)``.

    Example:
        >>> from progmon import Reference
        >>> reference_name(Reference("Overijssel", kind="province"), Formatter("nl"))
        'Overijssel (provincie)'
    """
    kind = REFERENCE_KIND_WORDS.get(reference.kind or "")
    return f"{reference.name} ({fmt.pick(*kind)})" if kind else reference.name


def short_figure(value: Any, unit: Any, fmt: Formatter) -> str:
    """A figure as a sentence quotes it: the number, a share with its %, money with its €.

    Example:
        >>> short_figure(units.Quantity(4.3, "crime"), "crime", Formatter("nl"))
        '4,3'
        >>> short_figure(units.Quantity(31, "percent"), "percent", Formatter("en"))
        '31.0%'
    """
    facts = unit_facts(unit)
    if facts.share or facts.money or facts.permille:
        return fmt.quantity(value)
    return fmt.magnitude(float(magnitude_in(value, unit)), unit)


def comparison_texts(comparison: Any, unit: Any, fmt: Formatter) -> tuple[str, str, str]:
    """The reference's figure, the difference and the sentence of one comparison.

    Example:
        >>> import progmon
        >>> nl = progmon.Reference("Nederland", progmon.Measurement.series({2019: 4.3}))
        >>> ind = progmon.Indicator(id="x", name="X", unit="crime per 1000 inhabitant",
        ...     direction=progmon.Direction.DECREASE, references=[nl],
        ...     measurements=progmon.Measurement.series({2019: 3.1}))
        >>> (c,) = progmon.compare(ind)
        >>> comparison_texts(c, ind.unit, Formatter("nl"))[2]
        'lager dan Nederland (4,3): beter'
        >>> comparison_texts(c, ind.unit, Formatter("en"))[2]
        'lower than Nederland (4.3): better'
    """
    name = comparison.reference.name
    figure = comparison.figure
    if figure is None:
        latest = fmt.period(comparison.latest.period)
        none = fmt.pick(f"geen cijfer van {name} tot {latest}", f"no figure of {name} by {latest}")
        return label("none", fmt), label("none", fmt), none
    shown = f"{fmt.quantity(figure.value)} ({fmt.period(figure.period)})"
    if figure.margin is not None:
        margin = float(magnitude_in(figure.margin, unit))
        facts = unit_facts(unit)
        shown += f" ± {fmt.number(facts.in_percent(margin) if facts.share else margin, 1)}"
    difference = float(magnitude_in(comparison.difference, unit))
    moved = fmt.difference(difference, unit)
    if comparison.significant is True:
        moved += f", {label('significant', fmt)}"
    elif comparison.significant is False:
        moved += f", {label('not_significant', fmt)}"
    quoted = short_figure(figure.value, unit, fmt)
    if not comparison.same_period:
        quoted += " in " + fmt.period(figure.period)
    if difference > 0:
        how = fmt.pick("hoger dan", "higher than")
    elif difference < 0:
        how = fmt.pick("lager dan", "lower than")
    else:
        how = fmt.pick("gelijk aan", "equal to")
    sentence = f"{how} {name} ({quoted})"
    if comparison.status is not None:
        sentence += f": {fmt.pick(*_COMPARISON_WORDS[comparison.status.value])}"
    return shown, moved, sentence
