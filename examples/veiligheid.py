"""The Almelo worked example: Programma Veiligheid, midterm review 2020.

Gemeente Almelo reviewed its safety programme (programma 4.4 Veiligheid,
council period 2018-2022) halfway, in 2020. This file holds that review,
all of it, in progmon's model: the summary, the ambition "Samen maken we
Almelo veiliger!" with its narrative, the four goals (doelen) with their
indicators, every figure with its period and source, the indicators that
were not measured yet (each with the review's own words on why), the CBS
table on feelings of safety, the actions (inspanningen) and the resources
(budget and staff).

Read it top to bottom like the review: first the sources, then one
function per goal, then the ambition and the programme. Texts are Dutch
and verbatim from the review; ids are ascii kebab-case. Long texts are
written across lines here and joined by :func:`_text` (a blank line
separates paragraphs), and the export's no-break and trailing spaces are
plain spaces. Where the review can be read in more than one way, a
comment says which reading this file chose, and the indicator's ``note``
says so too, so that every printed review shows it.

To adapt it for your municipality: copy the file, keep its shape, replace
the texts and figures. ``python examples/veiligheid.py`` prints the
midterm review in Markdown (``--html review.html`` writes the HTML review too,
``--lang en`` in English).

The source document: Gemeente Almelo, "Midterm Review Programma's",
4.4 Programma Veiligheid (page built 21 December 2020 from an export of
1 July 2020).
"""

from __future__ import annotations

import argparse
import textwrap
from datetime import date

from progmon import (
    Action,
    Ambition,
    Change,
    Direction,
    Goal,
    Improve,
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
from progmon.report import render, write


def _text(text: str) -> str:
    """Paragraphs written across lines: lines joined by a space, blank lines kept."""
    paragraphs = textwrap.dedent(text).strip().split("\n\n")
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


def _paragraphs(text: str) -> list[str]:
    """The paragraphs of :func:`_text`, one string each."""
    return _text(text).split("\n\n")


# ------------------------------------------------------------------ sources
#
# Each source as the review cites it. The title is the review's own wording,
# so that a reader finds it back in the document.

SOURCES: dict[str, Source] = {
    "politie-2019": Source("Politie jaarcijfers 2019", publisher="Politie", year=2019),
    "burgerpanel-december-2019": Source(
        "Burgerpanel peiling Kennispunt Twente, december 2019",
        publisher="Kennispunt Twente",
        year=2019,
    ),
    "burgerpanel-2019": Source(
        "Burgerpanel 2019 Kennispunt", publisher="Kennispunt Twente", year=2019
    ),
    # The review names no report for goal 4's figures, only that they are
    # "een nulmeting van Kennispunt Twente".
    "nulmeting-kennispunt-2019": Source(
        "Nulmeting van Kennispunt Twente",
        publisher="Kennispunt Twente",
        year=2019,
        note=_text("""
            Dit betreft een nulmeting van Kennispunt Twente om de effecten van het programma
            adequaat over de looptijd te kunnen meten.
        """),
    ),
    "cbs-veiligheidsmonitor-2019": Source(
        "Veiligheidsmonitor CBS 2019, Kernpublicatie 2 maart 2020",
        publisher="CBS",
        year=2020,
        note="Kernindicatoren meting 70.000+ gemeenten (52)",
    ),
}

PROGRAMME_PERIOD = Period.between(date(2018, 1, 1), date(2022, 12, 31), label="2018-2022")
ACTION_PERIOD = Period.between(date(2020, 1, 1), date(2021, 12, 31), label="2020-2021")
DEADLINE = 2022

# The December 2019 round of the citizens' panel. The review writes "in 2019"
# and cites "peiling december 2019"; the month is the more precise period, and
# it keeps the survey where it belongs when trends are computed on time.
DECEMBER_2019 = Period.month(2019, 12, label="december 2019")


# ------------------------------------------------------------------ goal 1


def _goal_verward_gedrag() -> Goal:
    # The table "Woonoverlast" (police reports by category, 2016-2019). The
    # review cites "Politie jaarcijfers 2019" for the fall in woonoverlast;
    # the whole table is taken to come from it.
    politie = SOURCES["politie-2019"]
    # Keys typed as Measurement.series wants them (a Mapping's key type is invariant).
    categories: dict[str, tuple[str, dict[Period | int | str, float | None]]] = {
        "burengerucht": ("Burengerucht", {2016: 273, 2017: 276, 2018: 250, 2019: 234}),
        "huiselijke-twist": ("Huiselijke twist", {2016: 126, 2017: 115, 2018: 114, 2019: 115}),
        "geluidsoverlast": ("Geluidsoverlast", {2016: 690, 2017: 698, 2018: 668, 2019: 624}),
    }
    components = [
        Indicator(
            id=f"woonoverlast-{key}",
            name=name,
            unit="report",
            measurements=Measurement.series(figures, source=politie),
            direction=Direction.DECREASE,
        )
        for key, (name, figures) in categories.items()
    ]
    return Goal(
        id="verward-gedrag",
        title="Overlast door kwetsbare personen met verward gedrag",
        statement=_text("""
            In 2022 krijgen kwetsbare personen meer passende zorg en veroorzaken ze minder
            overlast in buurten
        """),
        deadline=DEADLINE,
        indicators=[
            Indicator(
                id="verward-gedrag-politiecel",
                name=_text("""
                    Er belanden minder kwetsbare personen met verward gedrag in een politiecel
                    terwijl er geen sprake is van strafbaarheid
                """),
                # People, not Almelo's inhabitants only: whoever ends up in a cell.
                unit="person",
                target=Improve(),
                direction=Direction.DECREASE,
                note=_text("""
                    nog geen cijfers beschikbaar; de Politie jaarcijfers over 2020 moeten hier
                    nader inzicht in bieden
                """),
            ),
            Indicator.total_of(
                components,
                id="woonoverlast",
                name="Het aantal meldingen van woonoverlast is gedaald",
                description=_text("""
                    Meldingen van woonoverlast bij de politie: burengerucht, huiselijke twist en
                    geluidsoverlast (tabel Woonoverlast)
                """),
                target=Improve(),
                direction=Direction.DECREASE,
            ),
            Indicator(
                id="meldingen-verward-gedrag",
                name="Meldingen van overlast door kwetsbare personen met verward gedrag",
                unit="report",
                kind=IndicatorKind.CONTEXT,
                direction=Direction.DECREASE,
                measurements=[Measurement(2019, 731, source=politie)],
                description=_text("""
                    Er is sprake van een landelijke trend als het gaat om de toename van overlast
                    die wordt veroorzaakt door kwetsbare personen met verward gedrag.
                """),
            ),
        ],
        results=_text("""
            In 2019 zijn er 731 meldingen van overlast door kwetsbare personen met verward
            gedrag geregistreerd (Bron: Politie jaarcijfers 2019). Er is sprake van een
            landelijke trend als het gaat om de toename van overlast die wordt veroorzaakt door
            kwetsbare personen met verward gedrag.

            Er zijn nog geen cijfers beschikbaar of deze personen minder in de politiecel
            belanden en passende zorg krijgen. De Politie jaarcijfers over 2020 moeten hier
            nader inzicht in kunnen bieden.

            Het aantal meldingen woonoverlast is gedaald in 2019 (Bron: Politie jaarcijfers
            2019).
        """),
    )


# ------------------------------------------------------------------ goal 2


def _goal_vertrouwen_handhaving() -> Goal:
    panel = SOURCES["burgerpanel-december-2019"]
    return Goal(
        id="vertrouwen-handhaving",
        statement=_text("""
            In 2022 hebben inwoners meer vertrouwen in hoe de gemeente handhaaft en toezicht
            houdt in wijken en buurten
        """),
        deadline=DEADLINE,
        indicators=[
            # The review answers this indicator with a proxy: satisfaction with
            # the municipality in general, not with its enforcement. We record the
            # proxy as this indicator's figures (the review itself presents it as
            # the midterm result, and 2015 is the "peiljaar" it compares with), and
            # say in the notes what they measure. The review's "gestegen met 10 %"
            # is 10 percentage points: 22 % -> 32 %.
            Indicator(
                id="tevredenheid-handhaving",
                name=_text("""
                    Het percentage inwoners dat tevreden is over hoe de gemeente handhaaft en
                    toezicht houdt in hun wijk of buurt is gestegen
                """),
                unit="percent",
                target=Improve(),
                direction=Direction.INCREASE,
                baseline=2015,
                measurements=[
                    Measurement(2015, 22, source=panel, note="peiljaar"),
                    Measurement(DECEMBER_2019, 32, source=panel),
                ],
                description=_text("""
                    Gemeten als het percentage inwoners dat (zeer) tevreden is over het
                    functioneren van de gemeente in algemene zin
                """),
                note=_text("""
                    De cijfers meten de tevredenheid over het functioneren van de gemeente in
                    algemene zin, niet over handhaving en toezicht in de wijk. De review schrijft
                    "gestegen met 10 %": dat zijn 10 procentpunten (22 % in 2015, 32 % in 2019).
                """),
            ),
            Indicator(
                id="meldingsbereidheid",
                name="De meldingsbereidheid voor overlast en overtredingen is gestegen",
                unit="percent",
                target=Improve(),
                direction=Direction.INCREASE,
                note="De indicator (meldingsbereidheid) is nog niet gemeten.",
            ),
            Indicator(
                id="inzet-leefbaarheid",
                name="Almeloërs bereid zich in te zetten voor leefbaarheid",
                unit="percent",
                kind=IndicatorKind.CONTEXT,
                direction=Direction.INCREASE,
                measurements=[Measurement(DECEMBER_2019, 59, source=panel, note="meting 2019")],
                description=_text("""
                    Hieruit kan worden afgeleid dat er een positieve houding is om overlast en
                    overtredingen te melden.
                """),
            ),
        ],
        results=_text("""
            Het percentage inwoners dat (zeer) tevreden is over het functioneren van de gemeente
            in algemene zin is in 2019 gestegen met 10 % ten opzichte van peiljaar 2015. Dit
            percentage bedraagt namelijk 32% in 2019, ten opzichte van 22% in 2015 (Bron:
            Burgerpanel peiling Kennispunt Twente, december 2019).

            De indicator (meldingsbereidheid) is nog niet gemeten. Wel blijkt uit genoemde
            peiling dat 59% van de Almeloërs bereid is om zich in te zetten voor leefbaarheid
            (meting 2019, Burgerpanel peiling Kennispunt Twente). Hieruit kan worden afgeleid
            dat er een positieve houding is om overlast en overtredingen te melden.
        """),
    )


# ------------------------------------------------------------------ goal 3


def _goal_bewustzijn() -> Goal:
    return Goal(
        id="bewustzijn",
        statement=_text("""
            In 2022 zijn Almeloërs zich meer bewust van de veiligheid in hun stad en dragen ze
            hier zelf meer aan bij
        """),
        deadline=DEADLINE,
        indicators=[
            # A level without a figure to compare with: the direction is given,
            # not inferred.
            Indicator(
                id="buurtpreventie-initiatieven",
                name="Er zijn 32 buurtpreventie-initiatieven",
                unit="count",
                target=Level(32),
                direction=Direction.INCREASE,
                note=_text("""
                    Er is nog geen extra inspanning gepleegd om het aantal buurtpreventie
                    initiatieven uit te breiden (buurtteams, WhatsApp veiligheidsgroepen).
                """),
            ),
            Indicator(
                id="tevredenheid-sociale-veiligheid",
                name=_text("""
                    De tevredenheid over de gemeentelijke aanpak van sociale veiligheid is
                    gestegen
                """),
                unit="percent",
                target=Improve(),
                direction=Direction.INCREASE,
                note="De midterm review noemt voor deze indicator geen cijfer.",
            ),
            Indicator(
                id="deelname-veiligheidsinitiatieven",
                name="Percentage inwoners dat deelneemt aan veiligheidsinitiatieven",
                unit="percent",
                kind=IndicatorKind.CONTEXT,
                direction=Direction.INCREASE,
                measurements=[Measurement(2019, 43, source=SOURCES["burgerpanel-2019"])],
            ),
        ],
        results=_text("""
            Het percentage inwoners dat in 2019 deelneemt aan veiligheidsinitiatieven is 43%
            (Bron: Burgerpanel 2019 Kennispunt). Er is nog geen extra inspanning gepleegd om het
            aantal buurtpreventie initiatieven uit te breiden (buurtteams, WhatsApp
            veiligheidsgroepen).
        """),
    )


# ------------------------------------------------------------------ goal 4


def _goal_veiligheidsgevoel() -> Goal:
    nulmeting = SOURCES["nulmeting-kennispunt-2019"]
    return Goal(
        id="veiligheidsgevoel",
        statement=_text("""
            In 2022 voelen inwoners, ondernemers en bezoekers zich veiliger in de stad en hun
            buurt en ervaren minder overlast
        """),
        deadline=DEADLINE,
        indicators=[
            # "met 5% gestegen" of a percentage is ambiguous: 5 percentage points,
            # or 5 % of the baseline? We read it as 5 percentage points
            # (Change(5) on a percent indicator), because the review itself writes
            # changes of percentages in points as "%" (goal 2: 22 % -> 32 % is
            # "gestegen met 10 %"). The other reading is RelativeChange(0.05).
            Indicator(
                id="altijd-veilig",
                name="Het percentage inwoners dat zich altijd veilig voelt is met 5% gestegen",
                unit="percent",
                target=Change(5),
                baseline=2019,
                measurements=[
                    Measurement(
                        2019,
                        91,
                        source=nulmeting,
                        note="nulmeting: voelt zich in het algemeen veilig",
                    )
                ],
                note=_text("""
                    Streefwaarde gelezen als +5 procentpunt ten opzichte van de nulmeting 2019
                    (91 % -> 96 %); "met 5% gestegen" kan ook +5 % van de nulmeting betekenen
                    (91 % -> 95,55 %). De nulmeting meet wie zich in het algemeen veilig voelt,
                    de indicator spreekt van "altijd veilig".
                """),
            ),
            # The direction (fewer crimes) follows from the target.
            Indicator(
                id="misdrijven",
                name="Het aantal misdrijven is met 360 afgenomen",
                unit="crime",
                target=Change(-360),
                note=_text("""
                    geen midterm-cijfer in de review: geen aantal misdrijven, ook niet als
                    nulmeting
                """),
            ),
            Indicator(
                id="rapportcijfer-veilige-buurt",
                name="Het rapportcijfer veilige buurt is gestegen",
                unit="mark",
                target=Improve(),
                direction=Direction.INCREASE,
                measurements=[Measurement(2019, 7.5, source=nulmeting, note="nulmeting")],
            ),
            Indicator(
                id="veilig-in-eigen-buurt",
                name="Almeloërs die zich veilig voelen in eigen buurt",
                unit="percent",
                kind=IndicatorKind.CONTEXT,
                direction=Direction.INCREASE,
                # The review gives a ratio, not a percentage.
                measurements=[Measurement(2019, 90, source=nulmeting, note="9 van de 10")],
                note="De review noemt 9 van de 10 Almeloërs; als 90 % vastgelegd.",
            ),
        ],
        results=_text("""
            Dit betreft een nulmeting van Kennispunt Twente om de effecten van het programma
            adequaat over de looptijd te kunnen meten.

            In 2019 voelt 91% van de Almeloërs zich in het algemeen veilig.

            In 2019 voelen 9 van de 10 Almeloërs zich veilig in eigen buurt.

            In 2019 is het rapportcijfer veilige buurt een 7,5.
        """),
    )


# ------------------------------------------------------------------ context: CBS


def _veiligheidsbeleving() -> list[Indicator]:
    """The CBS table "Veiligheidsbeleving": shares of inhabitants, lower is better.

    2013 is the review's nulmeting, 2017 and 2019 its peiljaren; all three
    figures come from the 2019 publication.
    """
    cbs = SOURCES["cbs-veiligheidsmonitor-2019"]
    years = (2013, 2017, 2019)
    table = {
        "onveiligheidsgevoelens-algemeen": (
            "Onveiligheidsgevoelens algemeen: wel eens",
            (37.2, 36.0, 31.0),
        ),
        "sociale-overlast": ("Sociale Overlast: ervaart veel overlast", (18.3, 12.9, 12.2)),
        "fysieke-verloedering": (
            "Fysieke verloedering: ervaart veel overlast",
            (28.1, 23.5, 22.0),
        ),
        "totaal-ervaren-overlast": (
            "Totaal ervaren overlast: ervaart veel overlast",
            (6.2, 5.6, 5.0),
        ),
        "onveilig-gevoel-buurt": ("Wel eens onveilig gevoel in de buurt", (5.4, 4.4, 3.4)),
    }
    return [
        Indicator(
            id=key,
            name=name,
            unit="percent",
            kind=IndicatorKind.CONTEXT,
            direction=Direction.DECREASE,
            baseline=2013,
            measurements=Measurement.series(dict(zip(years, figures, strict=True)), source=cbs),
            description="Veiligheidsbeleving, CBS Veiligheidsmonitor",
        )
        for key, (name, figures) in table.items()
    ]


# ------------------------------------------------------------------ ambition

ACTIONS = (
    "volgen snel en zichtbaar meldingen van overlast op;",
    "versterken de verbinding tussen het zorg- en veiligheidsdomein;",
    "ondersteunen het verbeteren van de kwaliteit van de leefomgeving (leefbaar en veilig)",
    _text("""
        controleren onder meer gebiedsgericht of inwoners en bedrijven strafrechtelijke en
        bestuursrechtelijke regels naleven;
    """),
    "lanceren een informatiecampagne hoe inwoners zelf kunnen bijdragen aan een veiliger buurt;",
    "geven voorlichting hoe inwoners zelf een buurtpreventieteam kunnen starten;",
    "stimuleren initiatieven van inwoners die hun straat, wijk of buurt veiliger willen maken.",
    "willen de eerste diagnose verbeteren over de hulp die nodig is voor kwetsbare personen.",
    _text("""
        voorkomen escalatie van overlastsituaties zoveel mogelijk door een verbeterde
        samenwerking op het gebied van zorg en veiligheid.
    """),
    "investeren in (extra) toezichthouders die meer gebied- en probleemgericht gaan werken.",
)
"""The inspanningen: the bullets after "... een bijdrage geleverd: wij,", verbatim."""


def _resources() -> list[Resource]:
    budget_note = _text("""
        Voor deze preventieve aanpak wil het college een incidenteel budget van 50.000 euro in
        2021 en 2022 beschikbaar stellen.
    """)
    # The staff was "extra", for 2020; the model has no flag for "extra",
    # and the review does not say whether it is one-off or structural.
    staff_note = _text("""
        extra ingezet voor “Quick Response” bij meldingen en lik op stuk bestuursdwang bij
        overtredingen; de review zegt niet of de inzet incidenteel of structureel is
    """)
    # "50.000 euro in 2021 en 2022" is read as 50.000 in each year (two
    # lines), not 50.000 for both years together.
    money = [
        Resource(
            "Preventieve aanpak mensenhandel en uitbuiting",
            units.Quantity(50_000, "EUR"),
            period=year,
            incidental=True,
            note=budget_note,
        )
        for year in (2021, 2022)
    ]
    staff = [
        Resource("BOA “op straat”", units.Quantity(2, "fte"), period=2020, note=staff_note),
        Resource(
            "Jurist veiligheid en handhaving",
            units.Quantity(1, "fte"),
            period=2020,
            note=staff_note,
        ),
    ]
    return money + staff


def _sections() -> list[Section]:
    return [
        Section(
            "Terugblik",
            paragraphs=_paragraphs("""
                Wij hebben volop ingezet op informatie en bewustwording. Zo hebben we met de
                politie een bijeenkomst 'bewustwording oplichting en anti-beroving voor
                senioren' georganiseerd, is er via sociale media een informatie- en
                stimuleringscampagne gevoerd met betrekking tot 'WhatsApp buurtpreventie' en is
                er een bewustwordingscampagne georganiseerd over melding en gevaren van
                drugslabs en hennepteelt in buurten en woonwijken.

                Wij hebben geïnvesteerd in gecoördineerde handhaving. Er is een stevig en
                robuust team BOA’s opgebouwd met een flexibele schil voor toezicht en handhaving
                in de stad. Zichtbaarheid en aanspreekbaarheid is hierbij het handelingskader.
                Er worden integrale multidisciplinaire controles georganiseerd op verdachte
                panden en op persoonsniveau in samenwerking met de Sociale Recherche Twente en
                het RIEC Oost Nederland. Er zijn twee integrale thematische actieweken geweest,
                gericht op het opsporen en aanpakken van ondermijning. Dit heeft geleid tot
                diverse strafrechtelijke en bestuursrechtelijke interventies.

                Wij doen mee aan het regionale project Streettriage om passende zorg te bieden
                aan kwetsbare personen die de veiligheid in een wijk of buurt aantasten als
                gevolg van hun (verwarde) gedrag.
            """),
        ),
        Section(
            "Aanpak mensenhandel en uitbuiting",
            paragraphs=_paragraphs("""
                Wij leveren vanuit het taakveld openbare orde en veiligheid een bijdrage aan de
                regionale, integrale aanpak van mensenhandel en uitbuiting. Dit heeft geleid tot
                diverse bestuurlijke interventies (maatregelen zoals sluiting van panden,
                dwangsommen en aanpak van facilitators) in geval van illegale prostitutie vanuit
                panden, waarbij mensen worden uitgebuit.

                Wij vinden dat voorkomen van mensenhandel en uitbuiting minstens zo belangrijk
                is als hard optreden. Hier is voorlichting en training van (zorg)professionals
                van groot belang om misstanden zo vroeg mogelijk te herkennen om tijdig hulp te
                kunnen bieden en om te voorkomen dat kwetsbare personen het illegale circuit in
                worden getrokken. Aan preventie en vroegsignalering bij (zorg)professionals in
                het sociaal domein moet nog nader vorm worden gegeven. In het kader van de
                versteviging van de samenwerking tussen zorg en veiligheid komt er vanuit het
                sociaal domein een voorstel om vorm en inhoud te geven aan de preventieve kant
                van de aanpak van mensenhandel en uitbuiting. Dit met de focus op voorlichting
                en handelingsperspectief voor (zorg)professionals en het inrichten van een
                meldingssysteem. Voor deze preventieve aanpak wil het college een incidenteel
                budget van 50.000 euro in 2021 en 2022 beschikbaar stellen.
            """),
        ),
        # The sentence that introduces the actions; the actions themselves are
        # Ambition.actions.
        Section(
            "Ambitie Samen maken we Almelo veiliger",
            paragraphs=_paragraphs("""
                Aan deze ambitie wordt de komende jaren (2020-2021) onder meer op de volgende
                manieren een bijdrage geleverd: wij,
            """),
        ),
        Section(
            "Midterm 2020",
            paragraphs=_paragraphs("""
                Wij hebben twee extra fte BOA “op straat” en één extra jurist veiligheid en
                handhaving ingezet voor “Quick Response” bij meldingen en lik op stuk
                bestuursdwang bij overtredingen. Wij zetten de BOA's steeds meer gebied- en
                probleemgericht in en hebben handhavingsafspraken en prioriteiten op
                gebiedsniveau gemaakt. Bijvoorbeeld in het Nieuwstraatkwartier en op
                aandachtslocaties.

                Er is volop ingezet op informatie en bewustwording via campagnes,
                themabijeenkomsten en sociale media.

                Investering in een sluitende aanpak van woonoverlast in buurt en wijk is van
                belang om de doelstellingen te halen. Integrale uitvoering van de beleidsregel
                wet Woonoverlast is in voorbereiding. Met wijkagenten, wijkcoaches,
                woningcorporaties en wijkregisseurs worden procesafspraken gemaakt. Dit om meer
                grip te krijgen op de aanpak en de juiste maatregelen te kunnen nemen.

                Wij doen mee aan het regionale project Streettriage om passende zorg te bieden
                aan personen die de veiligheid in een wijk of buurt aantasten als gevolg van hun
                gedrag. Dit project is in 2019 gestart. Voorheen werd de diagnose in een
                politiecel uitgevoerd zonder dat duidelijk was of er sprake was van
                strafbaarheid. Dit vergt veel capaciteit van politie en heeft de nodige impact
                omdat er vaak sprake is van gedrag als gevolg van een psychische stoornis en er
                primair behoefte is aan zorg en hulp. Streettriage is nu ingevoerd, waardoor
                zorgprofessionals bij constatering van overlast door een kwetsbare persoon met
                verward gedrag, direct ter plaatse een diagnose wordt gesteld, zodat op een
                snelle manier de juiste zorg en hulp wordt geboden. Het doel van het project is
                onder andere te voorkomen dat iemand, zonder dat er sprake is van een verdenking
                van een strafbaar feit, in een politiecel belandt. Dit om de politie te
                ontlasten en de impact voor betrokkenen te verminderen.
            """),
        ),
        Section(
            "Deelprogramma Zorg en Veiligheid",
            paragraphs=_paragraphs("""
                Het deelprogramma Zorg en Veiligheid start medio 2020 op. In de eerste fase van
                het programma Veiligheid lag de focus op bestuurlijke interventies en repressie
                (aanpak ondermijnende criminaliteit). In het licht van de coronacrisis en de te
                verwachten effecten op de sociale veiligheid moet het accent komen te liggen op
                de verbinding tussen zorg en veiligheid. Dit om kwetsbare mensen de juiste hulp
                en zorg te kunnen bieden.
            """),
        ),
        # The table that follows this text is the ambition's context indicators.
        Section(
            "Waar staan we nu?",
            paragraphs=_paragraphs("""
                Het CBS heeft via de veiligheidsmonitor de veiligheidsbeleving gemeten onder
                inwoners. Naast de criminaliteitscijfers van politie is de veiligheidsbeleving
                een kernindicator of het programma het beoogde maatschappelijke effect sorteert.
                De uitkomsten van de CBS monitor zijn positief:

                2013 is als nulmeting gebruikt en respectievelijk 2017 en 2019 als peiljaren.

                Bron: Veiligheidsmonitor CBS 2019, Kernpublicatie 2 maart 2020, Kernindicatoren
                meting 70.000+ gemeenten (52)

                Resultaten vertaald naar specifieke veiligheidsindicatoren met als kernindicator
                veiligheidsbeleving.
            """),
        ),
        # A Section has no source field: the citations stay in the text.
        Section(
            "Landelijke ontwikkelingen veiligheid 2020",
            paragraphs=_paragraphs("""
                Uit landelijk onderzoek blijkt dat ondermijning op wijkniveau oprukt, criminelen
                “nestelen” zich in woonwijken voor hun criminele activiteiten. Traditionele
                delicten, de zogenaamde High Impact Crime, zoals inbraken, autokraken en
                overvallen nemen af. De meer onzichtbare criminaliteit, de zogenaamde Hidden
                Impact Crimes, neemt juist toe; denk hierbij aan cybercrime, witwassen van
                crimineel verkregen vermogen, online drugsnetwerken, enz. (bron VNG
                veiligheidscijfers 2019 en CBS Veiligheidsmonitor 2019). Dit tast de
                leefbaarheid en het gevoel van veiligheid in woonwijken aan. Waarneembare
                effecten zijn onder meer verloedering, isolatie en vermindering van onderlinge
                samenhang.

                Door ambulantisering van de zorg neemt de druk op leefbaarheid en veiligheid in
                de buurt toe; meest bekend is de problematiek van personen met geestelijk
                geïndiceerd verward gedrag. Het aantal meldingen van kwetsbare personen met
                verward gedrag in combinatie met (woon)overlast vertoont een forse toename. Dit
                is een landelijke trend (bron: CBS Veiligheidsmonitor 2019 en jaarcijfers
                Politie Nederland).

                In de strijd tegen ondermijning is er naast het bestrijden (repressie) verhoogde
                aandacht voor het weerbaarder maken van organisaties, politiek en bestuur en de
                samenleving in het algemeen tegen ondermijning. Investeringen hierin lopen via
                programmatische aanpak van het Rijk, provincies en regio’s. Zo worden het RIEC
                en de Politie door het Rijk versterkt om ondermijning nog effectiever tegen
                gaan. Beleidsmatig wordt via een regionaal programma Weerbaarheid van de
                Veiligheidsregio Twente en financieel via een Pilot van het Ministerie van
                Binnenlandse Zaken en Koninkrijksrelaties (netwerk weerbaar bestuur) een impuls
                gegeven om de weerbaarheid van lokaal bestuur en de gemeentelijke organisatie te
                versterken. De weerbaarheid van de samenleving wordt versterkt door het gericht
                communiceren over risico’s van ondermijnende criminaliteit, het melden daarvan
                en het geven van voorlichting aan doelgroepen (bewustwordingscampagnes).
            """),
        ),
        Section(
            "Lokale ontwikkelingen 2020",
            paragraphs=_paragraphs("""
                De resultaten van de programmatische doelen in Almelo zijn gericht op meer
                betrokkenheid van inwoners bij veiligheidsinitiatieven en buurtpreventie. Dit om
                het gevoel van veiligheid te bevorderen. Er klinkt een toenemende roep van
                inwoners om handhaving en bestuurlijke interventies bij leefbaarheid- en
                handhavingsissues in kwetsbare gebieden. Er is behoefte aan quick
                respons-mogelijkheden na het doen van een melding of integrale controleactie.
            """),
        ),
        Section(
            "Betekenis voor de toekomst",
            paragraphs=_paragraphs("""
                Om de opwaartse trend van positieve veiligheidsbeleving en daling van
                criminaliteit te continueren zullen wij nog meer in de wijken zichtbaar aanwezig
                moeten zijn en een stevige alliantie moeten vormen met veiligheidspartners bij
                het:
            """),
            bullets=[
                _text("""
                    Voorkomen en bestrijden (repressie) van in de wijk geïntegreerde ondermijnende
                    criminaliteit;
                """),
                _text("""
                    Handhaven en integrale aanpak van leefbaarheidsissues (illegale situaties,
                    overlast door kwetsbare personen met verward gedrag, woonoverlast, etc.);
                """),
                "Voorkomen van polarisatie, tweedeling en radicalisering in de samenleving;",
                "Versterken lokale weerbaarheid (sociale veerkracht) in de wijken",
            ],
        ),
    ]


def _ambition() -> Ambition:
    return Ambition(
        title="Samen maken we Almelo veiliger!",
        description=_text("""
            Almelo heeft leefbaarheid, sociale cohesie en veiligheid hoog in het vaandel en
            investeert daar ook flink in met financiële middelen, maar ook door vertrouwen te
            wekken en met bestuurlijke interventies. Via het programma Veiligheid wordt
            doelgericht gestuurd op de inspanningen en doelstellingen die het college heeft
            gesteld:

            Almeloërs voelen zich veiliger in hun stad en buurt en dragen hier hun steentje aan
            bij. De criminaliteit daalt, er wordt minder overlast ervaren, kwetsbare
            overlastveroorzakers krijgen passende zorg en er komt meer vertrouwen in handhaving
            en toezicht door de gemeente.
        """),
        goals=[
            _goal_verward_gedrag(),
            _goal_vertrouwen_handhaving(),
            _goal_bewustzijn(),
            _goal_veiligheidsgevoel(),
        ],
        actions=[Action(text, period=ACTION_PERIOD) for text in ACTIONS],
        resources=_resources(),
        context=_veiligheidsbeleving(),
        sections=_sections(),
    )


# ------------------------------------------------------------------ programme


def programme() -> Programme:
    """The Almelo programme Veiligheid as reviewed at midterm, in 2020.

    Example:
        >>> p = programme()
        >>> p.indicator("woonoverlast").latest.value
        <Quantity(973.0, 'report')>
    """
    return Programme(
        id="veiligheid",
        name="Programma Veiligheid",
        number="4.4",
        organisation="Gemeente Almelo",
        period=PROGRAMME_PERIOD,
        review="Midterm Review 2020",
        language="nl",
        summary=_text("""
            Samenvattend voor programma Veiligheid zijn er halverwege de programma looptijd geen
            bijzondere effecten of ontwikkelingen op niveau van strategische doelstellingen en
            ambities te benoemen, anders dan gesignaleerd in de jaarverantwoording 2019.

            Qua criminaliteitsbestrijding en versterking van het veiligheidsgevoel op wijk- en
            buurtniveau liggen wij op basis van wat wij nu zien ook voor de langere termijn op
            koers en zijn de opgaven onveranderd en vooralsnog niet beïnvloed door de
            coronacrisis. Als gevolg van de coronacrisis ligt de focus tijdelijk op het versneld
            versterken van gemeentelijk toezicht en handhaving (BOA’s) hetgeen als een positief
            effect kan worden aangemerkt.

            Uit de CBS Veiligheidsmonitor 2019 blijkt dat de veiligheidsbeleving in Almelo een
            gunstig beeld en een opwaartse trend vertoont. Het gevoel van veiligheid in wijk en
            buurt is toegenomen en dat geldt ook voor het vertrouwen in de gemeente.
        """),
        # Where this review comes from: the page's own header and footer.
        sections=[
            Section(
                "Over deze review",
                paragraphs=[
                    "Midterm Review Programma's, 4.4 Programma Veiligheid.",
                    "Deze pagina is gebouwd op 12/21/2020 13:44:29 met de export van 07/01/2020 14:55:36",
                ],
            )
        ],
        ambitions=[_ambition()],
    )


# ------------------------------------------------------------------ the review


def main(argv: list[str] | None = None) -> None:
    """Print the midterm review as Markdown; ``--html FILE`` also writes the HTML one."""
    parser = argparse.ArgumentParser(description="The Almelo midterm review 2020.")
    parser.add_argument("--as-of", type=int, default=2020, help="review year (default 2020)")
    parser.add_argument("--lang", choices=("nl", "en"), default="nl")
    parser.add_argument("--html", metavar="FILE", help="also write the HTML review to FILE")
    args = parser.parse_args(argv)
    almelo = programme()
    print(render(almelo, as_of=args.as_of, lang=args.lang), end="")
    if args.html:
        write(almelo, args.html, format="html", as_of=args.as_of, lang=args.lang)


if __name__ == "__main__":
    main()
