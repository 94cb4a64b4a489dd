"""Hand-built models for the site tests: every construct the site shows, independent of the plan files.

`rich_project()` is a made-up vendor pair, not a seed: it exists so the view
logic and the templates are exercised on footnote marks, segments, every kind
of price and cell, categories, a priority matrix, a customer-zone calendar,
24x7, eve hours, notes, contacts with hours, obligations, coverage, and texts
that lack translations or carry markup that must be escaped.
"""

from __future__ import annotations

import dataclasses
import functools
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

from babel.support import Translations

from dsl.language.model import (
    AxisValue,
    Calendar,
    Category,
    Cell,
    Contact,
    Coverage,
    DailyHours,
    DateHours,
    Feature,
    Footnote,
    HolidaySource,
    MetricText,
    Obligation,
    Plan,
    Pos,
    Price,
    PriorityLevel,
    PriorityMatrix,
    PriorityScheme,
    Project,
    Quantity,
    Segment,
    Target,
    Text,
    Vendor,
    WeeklyInterval,
)
from dsl.site import compare
from dsl.site import views as site
from dsl.site.render import LOCALES, compile_catalogs

H = 60


def t(sv: str, it: str, pl: str, en: str, line: int = 1) -> Text:
    """A text written in all four languages."""
    return Text((("sv", sv), ("it", it), ("pl", pl), ("en", en)), Pos("fixture.plan", line, 1))


def only(lang: str, value: str, line: int) -> Text:
    """A text written in one language only (a missing translation)."""
    return Text(((lang, value),), Pos("fixture.plan", line, 5))


def neutral(value: str) -> Text:
    """A text that is the same in every language."""
    return Text((("*", value),))


def weekdays(start: int, end: int) -> tuple[WeeklyInterval, ...]:
    """Monday to Friday, start to end (minutes)."""
    return tuple(WeeklyInterval(d, start, d, end) for d in range(5))


OFFICE = Calendar(
    id="office",
    zone="Europe/Stockholm",
    weekly=weekdays(8 * H, 17 * H),
    holidays=(HolidaySource("SE"),),
    eve_hours=(DailyHours(8 * H + 30, 14 * H),),
    dates=(DateHours(date(2026, 8, 14)), DateHours(date(2026, 6, 30), (DailyHours(9 * H, 12 * H),))),
)
PHONE = Calendar(
    id="phone",
    zone="Europe/Rome",
    weekly=tuple(
        iv for d in range(5) for iv in (WeeklyInterval(d, 8 * H + 30, d, 11 * H + 30), WeeklyInterval(d, 12 * H + 30, d, 16 * H))
    ),
)
CUSTOMER = Calendar(id="customer", zone=None, weekly=weekdays(8 * H, 17 * H))
ALWAYS = Calendar(id="always", zone="UTC", always_open=True)
WEEK_24X5 = Calendar(id="cis-24x5", zone="America/New_York", weekly=(WeeklyInterval(6, 23 * H, 4, 23 * H),))
LATE = Calendar(id="late", zone="Europe/Warsaw", weekly=weekdays(16 * H, 24 * H))

LEVELS = (
    PriorityLevel(
        "P1",
        t("Affärskritisk", "Critico per l'attività", "Krytyczny dla biznesu", "Business critical"),
        t("Systemet står still.", "Il sistema è fermo.", "System nie działa.", "The system is down."),
        t("Ingen kan logga in.", "Nessuno riesce ad accedere.", "Nikt nie może się zalogować.", "Nobody can log in."),
    ),
    PriorityLevel(
        "P2",
        t("Kritisk", "Critico", "Krytyczny", "Critical"),
        t("En viktig funktion saknas.", "Manca una funzione importante.", "Brakuje ważnej funkcji.", "An important function is missing."),
    ),
    PriorityLevel("P3", t("Normal", "Normale", "Normalny", "Normal")),
)

MATRIX = PriorityMatrix(
    impacts=(
        AxisValue("high", t("Stor påverkan", "Impatto alto", "Duży wpływ", "High impact")),
        AxisValue("low", t("Liten påverkan", "Impatto basso", "Niewielki wpływ", "Low impact")),
    ),
    urgencies=(
        AxisValue("urgent", t("Brådskande", "Urgente", "Pilne", "Urgent")),
        AxisValue("normal", t("Normal", "Normale", "Zwykłe", "Normal")),
    ),
    cells=(("high", "urgent", "P1"), ("high", "normal", "P2"), ("low", "urgent", "P2"), ("low", "normal", "P3")),
)

ACME = Vendor(
    id="acme",
    name="Acme Support",
    language="sv",
    intro=t(
        "Support för **alla** kunder. Se [villkoren](https://acme.example/villkor).",
        "Assistenza per **tutti** i clienti. Vedi [le condizioni](https://acme.example/condizioni).",
        "Wsparcie dla **wszystkich** klientów. Zobacz [warunki](https://acme.example/warunki).",
        "Support for **every** customer. See [the terms](https://acme.example/terms).",
        line=2,
    ),
    website="https://acme.example/",
    notes=(
        t(
            "Testkunder får premiumnivå.",
            "I clienti in prova hanno il livello premium.",
            "Klienci testowi mają poziom premium.",
            "Trial customers get premium levels.",
        ),
        # A note that lacks its Polish translation: the pl page shows the Swedish text.
        Text(
            (
                ("sv", "Endast e-post för communityanvändare."),
                ("it", "Solo e-mail per gli utenti community."),
                ("en", "Community users get e-mail only."),
            ),
            Pos("fixture.plan", 40, 7),
        ),
    ),
    contacts=(
        Contact("mail", "email", "support@acme.example", hours="office"),
        Contact("phone", "phone", "+46 8 123 45 67", hours="phone", label=t("Växel", "Centralino", "Centrala", "Switchboard")),
        Contact("portal", "portal", "https://portal.acme.example/"),
        Contact("evil", "web", "javascript:alert(1)"),
    ),
    segments=(
        Segment("licence", t("Licenskunder", "Clienti con licenza", "Klienci z licencją", "Licence customers")),
        Segment("other", t("Övriga", "Altri", "Pozostali", "Other customers")),
    ),
    footnotes=(
        Footnote(
            "*", t("Gäller inte alla produkter.", "Non vale per tutti i prodotti.", "Nie dotyczy wszystkich produktów.", "Not for every product.")
        ),
        Footnote("**", t("Mot tillägg.", "A pagamento.", "Za dopłatą.", "For a fee.")),
    ),
    categories=(
        Category("reach", t("Kontaktvägar", "Canali di contatto", "Kanały kontaktu", "Ways to reach us")),
        Category("care", t("Proaktiv tjänst", "Servizio proattivo", "Usługa proaktywna", "Proactive care")),
    ),
    features=(
        Feature(
            "email",
            "reach",
            t("E-postsupport", "Assistenza via e-mail", "Wsparcie e-mail", "E-mail support"),
            t("Svar *vardagar*.", "Risposta nei *giorni feriali*.", "Odpowiedź w *dni robocze*.", "Answers on *weekdays*."),
        ),
        Feature("phone", "reach", t("Telefonsupport", "Assistenza telefonica", "Wsparcie telefoniczne", "Phone support"), marks=("*",)),
        Feature(
            "meetings",
            "care",
            t("Statusmöten", "Riunioni di stato", "Spotkania statusowe", "Status meetings"),
            # Markup in a plan is text, never HTML: it must reach the page escaped.
            t(
                "<script>alert('x')</script> [klick](javascript:alert(1))",
                "<script>alert('x')</script> [clic](javascript:alert(1))",
                "<script>alert('x')</script> [klik](javascript:alert(1))",
                "<script>alert('x')</script> [click](javascript:alert(1))",
            ),
        ),
        Feature("review", "care", t("Kvartalsgenomgång", "Revisione trimestrale", "Przegląd kwartalny", "Quarterly review")),
        Feature("upgrade", None, t("Uppgraderingshjälp", "Aiuto per gli aggiornamenti", "Pomoc przy aktualizacji", "Upgrade help")),
    ),
    metrics=(
        MetricText(
            "first-response",
            t("Inställelsetid", "Tempo di intervento", "Czas podjęcia działań", "Time to start"),
            t(
                "Tid tills felsökningen börjar.",
                "Tempo fino all'inizio dell'analisi.",
                "Czas do rozpoczęcia diagnozy.",
                "Time until troubleshooting starts.",
            ),
        ),
    ),
    priorities=PriorityScheme("acme-priorities", LEVELS, MATRIX),
    calendars=(OFFICE, PHONE, CUSTOMER, ALWAYS, WEEK_24X5, LATE),
    plans=(
        Plan(
            id="free",
            name=t("Gratis", "Gratuito", "Darmowy", "Free"),
            description=t("För att komma igång.", "Per iniziare.", "Na początek.", "To get started."),
            prices=(Price(None, "free"),),
            cells=(Cell("email", "included"), Cell("phone", "excluded"), Cell("meetings", "excluded"), Cell("review", "excluded")),
            targets=(Target("first-response", None, None, None),),
            channels=("mail",),
        ),
        Plan(
            id="standard",
            name=t("Standard", "Standard", "Standard", "Standard"),
            prices=(
                Price("licence", "amount", Decimal("5000"), "SEK", "year", marks=("**",)),
                Price("other", "amount", Decimal("12500.50"), "SEK", "year"),
            ),
            cells=(
                Cell("email", "included"),
                Cell("phone", "text", text=t("Vid behov", "Su richiesta", "Na żądanie", "On request")),
                Cell("meetings", "quantity", quantity=Quantity(4, "year")),
                Cell("review", "excluded"),
                Cell(
                    "upgrade",
                    "quantity",
                    text=t("två veckors varsel", "preavviso di due settimane", "z dwutygodniowym wyprzedzeniem", "two weeks' notice"),
                    quantity=Quantity(1, "year"),
                ),
            ),
            targets=(
                Target("first-response", "P1", 2 * H, "office"),
                Target("first-response", "P2", 4 * H, "office"),
                Target("first-response", "P3", 8 * H, "office"),
                Target("resolution", None, 24 * H, "customer"),
            ),
            obligations=(
                Obligation(
                    "meetings",
                    t(
                        "Statusmöten med statistik",
                        "Riunioni di stato con statistiche",
                        "Spotkania statusowe ze statystykami",
                        "Status meetings with statistics",
                    ),
                    quantity=Quantity(4, "year"),
                ),
                Obligation(
                    "call",
                    t("Vi ringer kunden", "Chiamiamo il cliente", "Dzwonimy do klienta", "We phone the customer"),
                    after_minutes=4 * H,
                    calendar="office",
                ),
            ),
            channels=("mail", "phone"),
        ),
        Plan(
            id="premium",
            name=t("Premium", "Premium", "Premium", "Premium"),
            extends="standard",
            notes=(t("Kräver avtal.", "Richiede un contratto.", "Wymaga umowy.", "Needs a contract."),),
            prices=(Price("licence", "on-request"), Price("other", "not-offered")),
            cells=(
                Cell("email", "included"),
                Cell("phone", "included", marks=("*",)),
                Cell("meetings", "quantity", quantity=Quantity(12, "year")),
                Cell("review", "included"),
            ),
            own_features=("review",),
            targets=(
                Target("first-response", "P1", 15, "always"),
                Target("first-response", "P2", 90, "always"),
                Target("first-response", "P3", 5 * H, "late"),
            ),
            coverage=(Coverage("P1", "cis-24x5"), Coverage(None, "office")),
            channels=("mail", "phone", "portal"),
            marks=("*",),
        ),
    ),
)

# A second vendor: English source, no priorities, no segments, a plan name missing in Italian.
BETA = Vendor(
    id="beta",
    name="Beta & Co <b>",
    language="en",
    plans=(
        Plan(
            id="basic",
            name=Text((("sv", "Bas"), ("pl", "Podstawowy"), ("en", "Basic")), Pos("beta.plan", 3, 9)),
            prices=(Price(None, "amount", Decimal("99"), "EUR", "month"),),
            targets=(Target("first-response", None, 8 * H, "beta-hours"),),
        ),
    ),
    calendars=(Calendar(id="beta-hours", zone="Europe/Warsaw", weekly=weekdays(9 * H, 17 * H), holidays=(HolidaySource("PL"),)),),
    features=(Feature("chat", None, neutral("Chat")),),
)


def rich_project() -> Project:
    """Two vendors that between them use every construct the site renders."""
    return Project((ACME, BETA))


@functools.cache
def plain(text: str) -> str:
    """A page's words as a reader compares them: CLDR's no-break and thin spaces as plain ones, without the word joiners
    that keep ranges and short hyphenated words whole."""
    return str(text).replace("\u2060", "").replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")


def words() -> dict[str, Translations]:
    """The site's gettext catalogs, compiled from locales/."""
    return compile_catalogs(LOCALES)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Balance(HTMLParser):
    """Checks that every element a page opens is closed, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append(tag)
        self.ids += [v for k, v in attrs if k == "id"]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [v for k, v in attrs if k == "id"]

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> at line {self.getpos()[0]} closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text, of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data) -> None:
        self.text.append(data)

    def find(self, tag: str, **attrs) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())]


def parse(path: Path) -> Tags:
    """The tags and text of a page file."""
    tags = Tags()
    tags.feed(path.read_text(encoding="utf-8"))
    return tags


def compare_view(project: Project, lang: str) -> compare.ComparePage:
    """The comparison page's view with its rows as CompareRow objects, not written out: what its cells say, testable.

    The page itself takes each vendor's rows as the template wrote them (compare.RowsPart); the columns and
    filters here are the page's own, made from the same rows.
    """

    def rows_only(
        vendor: Vendor, lang: str, words: Translations, warnings: site.Warnings, languages: bool, availability: bool = False,
        penalties: bool = False,
    ) -> compare.RowsPart:
        return compare.rows_part(vendor, compare.vendor_rows(vendor, lang, words, warnings, languages, availability, penalties), "")

    catalog = words()[lang]
    page = compare.compare_page(project, lang, catalog, site.Warnings(), rows_only)
    stated = compare.states_languages(project)
    vendors = sorted(project.vendors, key=lambda v: v.id)
    uptime = compare.states_availability(project)
    paid = compare.states_penalties(project)
    rows = tuple(r for v in vendors for r in compare.vendor_rows(v, lang, catalog, site.Warnings(), stated, uptime, paid).rows)
    return dataclasses.replace(page, rows=rows)  # type: ignore[arg-type]
