"""A small project built directly in Python, for the rule export, engine and command tests.

Three vendors whose calendars exist for their edges: Stratiteq's Swedish office with holidays, eve
hours, an extra closed day and special hours (and a date outside the years), Amanda's customer-zone
and 24x7 calendars, Infor's 24x5 week in one interval and a split day. Built without the plan
language, so these tests do not depend on the parser.
"""

from __future__ import annotations

from datetime import date

from dsl.language.model import (
    AxisValue,
    Calendar,
    Coverage,
    DailyHours,
    DateHours,
    HolidaySource,
    Obligation,
    Plan,
    PriorityLevel,
    PriorityMatrix,
    PriorityScheme,
    Project,
    Quantity,
    Target,
    Text,
    Vendor,
    WeeklyInterval,
)

YEARS = (2026, 2028)
H = 60


def t(sv: str, en: str | None = None, it: str | None = None, pl: str | None = None) -> Text:
    """A text with the languages given (missing ones are left out on purpose)."""
    values = [("sv", sv)]
    values += [(code, v) for code, v in (("it", it), ("pl", pl), ("en", en)) if v is not None]
    return Text(tuple(values))


def full(sv: str, it: str, pl: str, en: str) -> Text:
    return Text((("sv", sv), ("it", it), ("pl", pl), ("en", en)))


def workdays(start: int, end: int) -> tuple[WeeklyInterval, ...]:
    return tuple(WeeklyInterval(d, start, d, end) for d in range(5))


def stratiteq() -> Vendor:
    office = Calendar(
        id="stratiteq-office",
        zone="Europe/Stockholm",
        weekly=workdays(8 * H, 17 * H),
        holidays=(HolidaySource("SE"),),
        eve_hours=(DailyHours(8 * H + 30, 14 * H),),
        dates=(
            DateHours(date(2027, 12, 23)),  # an extra closed day
            DateHours(date(2026, 12, 30), (DailyHours(10 * H, 12 * H),)),
            DateHours(date(2031, 1, 2)),  # outside the exported years
        ),
        name=full("Kontorstid", "Orario d'ufficio", "Godziny pracy biura", "Office hours"),
    )
    levels = tuple(
        PriorityLevel(f"P{n}", full(f"Prio {n}", f"Priorità {n}", f"Priorytet {n}", f"Priority {n}")) for n in range(1, 5)
    )
    matrix = PriorityMatrix(
        impacts=(AxisValue("high", full("Hög", "Alto", "Wysoki", "High")), AxisValue("low", t("Låg", "Low"))),
        urgencies=(AxisValue("urgent", full("Brådskande", "Urgente", "Pilne", "Urgent")), AxisValue("normal", t("Normal"))),
        cells=(("high", "urgent", "P1"), ("high", "normal", "P2"), ("low", "urgent", "P3"), ("low", "normal", "P4")),
    )
    sos = Plan(
        id="sos",
        name=t("SOS", "SOS"),
        targets=(
            Target("first-response", "P1", 2 * H, "stratiteq-office"),
            Target("first-response", "P2", 4 * H, "stratiteq-office"),
            Target("first-response", "P3", 8 * H, "stratiteq-office"),
            Target("first-response", "P4", 16 * H, "stratiteq-office"),
            Target("registration", None, 30, "stratiteq-office"),
            Target("resolution", "P1", None, None),
        ),
        obligations=(
            Obligation(
                "status-meetings",
                full("Fyra statusmöten per år", "Quattro riunioni", "Cztery spotkania", "Four status meetings a year"),
                Quantity(4, "year"),
            ),
            Obligation("call-back", t("Vi ringer efter fyra timmar", "We call after four hours"), None, 4 * H, "stratiteq-office"),
        ),
    )
    basic = Plan(id="basic", name=full("Bas", "Base", "Podstawowy", "Basic"), targets=(Target("first-response", None, 16 * H, "stratiteq-office"),))
    return Vendor(
        id="stratiteq",
        name="Stratiteq",
        language="sv",
        priorities=PriorityScheme("stratiteq-prio", levels, matrix),
        calendars=(office,),
        plans=(sos, basic),
    )


def amanda() -> Vendor:
    standard = Calendar(id="amanda-standard", zone=None, weekly=workdays(8 * H, 17 * H))
    always = Calendar(id="around-the-clock", zone=None, always_open=True, name=Text((("*", "24x7"),)))
    return Vendor(
        id="amanda",
        name="Amanda",
        language="en",
        calendars=(standard, always),
        plans=(
            Plan("standard", Text((("en", "Standard"), ("sv", "Standard"))), targets=(Target("first-response", None, 4 * H, "amanda-standard"),)),
            Plan("premium", Text((("en", "Premium"),)), targets=(Target("first-response", None, H, "around-the-clock"),)),
        ),
    )


def infor() -> Vendor:
    cis = Calendar(
        id="cis-24x5",
        zone="Europe/Stockholm",
        weekly=(WeeklyInterval(6, 23 * H, 4, 23 * H),),  # Sunday 23:00 to Friday 23:00 in one piece
        name=full("24x5", "24x5", "24x5", "24x5"),
    )
    split = Calendar(
        id="split-day",
        zone="Europe/Stockholm",
        weekly=(
            WeeklyInterval(0, 8 * H, 0, 12 * H),
            WeeklyInterval(0, 12 * H, 0, 17 * H),
            WeeklyInterval(1, 13 * H, 1, 15 * H),
            WeeklyInterval(1, 9 * H, 1, 11 * H),
        ),
    )
    levels = tuple(PriorityLevel(f"S{n}", full(f"Allvarlighet {n}", f"Gravità {n}", f"Poziom {n}", f"Severity {n}")) for n in range(1, 5))
    xtreme = Plan(
        id="xtreme",
        name=full("Xtreme", "Xtreme", "Xtreme", "Xtreme"),
        targets=(
            Target("first-response", "S1", H, "cis-24x5"),
            Target("first-response", None, 8 * H, "split-day"),
            Target("status-update", "S1", None, None),
        ),
        coverage=(Coverage("S1", "cis-24x5"),),
    )
    return Vendor(id="infor", name="Infor", language="en", priorities=PriorityScheme("infor-sev", levels), calendars=(cis, split), plans=(xtreme,))


def sample_project() -> Project:
    """Three vendors in id order, as the loader would give them."""
    return Project((amanda(), infor(), stratiteq()))
