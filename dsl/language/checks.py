"""Semantic checks of the resolved model: calendars, zones, countries, translations.

Each check is one function that takes a model element and yields diagnostics,
so a new rule is a new function added to `check_project`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import holidays

from dsl.language.diagnostics import Diagnostic, did_you_mean, error, warning
from dsl.language.model import LANGUAGES, MINUTES_PER_DAY, WEEKDAYS, Calendar, DailyHours, Project, Text, Vendor


def check_project(project: Project, shared_calendars: Iterable[Calendar] = ()) -> list[Diagnostic]:
    """Every semantic problem in the project's vendors and shared calendars."""
    found: list[Diagnostic] = []
    calendars = [*shared_calendars, *(c for v in project.vendors for c in v.calendars)]
    checked: set[int] = set()
    for calendar in calendars:
        # A shared calendar is reported once, not once per vendor using it.
        if id(calendar) not in checked:
            checked.add(id(calendar))
            found.extend(check_calendar(calendar))
    for vendor in project.vendors:
        found.extend(check_translations(vendor))
    return found


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def check_zone(calendar: Calendar) -> Iterator[Diagnostic]:
    """The zone must be an IANA time zone that zoneinfo knows."""
    if calendar.zone is None:
        return
    try:
        ZoneInfo(calendar.zone)
    except (ZoneInfoNotFoundError, ValueError):
        yield error(f"unknown time zone '{calendar.zone}'", calendar.pos, did_you_mean(calendar.zone, _zones()) or "use an IANA zone such as Europe/Stockholm")


def check_holidays(calendar: Calendar) -> Iterator[Diagnostic]:
    """Holiday sources must name a country (and subdivision) the holidays package knows."""
    supported = holidays.list_supported_countries()
    for source in calendar.holidays:
        if source.country not in supported:
            yield error(f"unknown country code '{source.country}' for public holidays", source.pos, did_you_mean(source.country, supported))
        elif source.subdivision and source.subdivision not in supported[source.country]:
            yield error(
                f"'{source.subdivision}' is not a subdivision of {source.country}",
                source.pos,
                did_you_mean(source.subdivision, supported[source.country]),
            )
    if calendar.eve_hours and not calendar.holidays:
        yield error("eve hours are given but the calendar has no holidays", calendar.pos, "add 'closed holidays SE' (or your country's code)")


def check_openings(calendar: Calendar) -> Iterator[Diagnostic]:
    """A calendar is either 24x7 or has weekly hours, and its intervals do not overlap."""
    if calendar.always_open:
        if calendar.weekly or calendar.holidays or calendar.eve_hours or calendar.dates:
            yield error("a 24x7 calendar cannot also have hours, holidays or dates", calendar.pos, "remove 'open 24x7' or the other lines")
        return
    spans = []
    for interval in calendar.weekly:
        if interval.start_day == interval.end_day and interval.end <= interval.start:
            continue  # reported where the hours were parsed
        for span in interval.week_spans():
            spans.append((span, interval))
    spans.sort(key=lambda s: s[0])
    for (a, ia), (b, ib) in zip(spans, spans[1:]):
        if b[0] < a[1]:
            day = WEEKDAYS[b[0] // MINUTES_PER_DAY]
            yield error(f"these opening hours overlap others on {day}", ib.pos, f"they overlap the hours at line {ia.pos.line}; merge them into one interval")
    yield from _check_daily(calendar.eve_hours, "eve hours")
    seen = {}
    for special in calendar.dates:
        if special.day in seen:
            yield error(f"the date {special.day} is given twice", special.pos, f"first given at line {seen[special.day].line}")
        seen[special.day] = special.pos
        yield from _check_daily(special.hours, f"the hours of {special.day}")


def _check_daily(hours: tuple[DailyHours, ...], what: str) -> Iterator[Diagnostic]:
    ordered = sorted(hours, key=lambda h: h.start)
    for a, b in zip(ordered, ordered[1:]):
        if b.start < a.end:
            yield error(f"{what} overlap", b.pos, "merge them into one interval")


def check_calendar(calendar: Calendar) -> Iterator[Diagnostic]:
    """All the checks of one calendar."""
    yield from check_zone(calendar)
    yield from check_holidays(calendar)
    yield from check_openings(calendar)


def vendor_texts(vendor: Vendor) -> Iterator[tuple[Text, str]]:
    """Every human-readable text of a vendor, with what it is."""
    if vendor.intro:
        yield vendor.intro, "the intro"
    for note in vendor.notes:
        yield note, "a note"
    for contact in vendor.contacts:
        if contact.label:
            yield contact.label, f"the label of contact '{contact.id}'"
    for segment in vendor.segments:
        yield segment.label, f"segment '{segment.id}'"
    for footnote in vendor.footnotes:
        yield footnote.text, f"footnote {footnote.mark}"
    for category in vendor.categories:
        yield category.label, f"category '{category.id}'"
    for feature in vendor.features:
        yield feature.label, f"the label of feature '{feature.id}'"
        if feature.description:
            yield feature.description, f"the description of feature '{feature.id}'"
    for metric in vendor.metrics:
        for text in (metric.name, metric.definition):
            if text:
                yield text, f"metric '{metric.metric}'"
    if vendor.priorities:
        scheme = vendor.priorities
        for level in scheme.levels:
            for text, what in ((level.name, "name"), (level.definition, "definition"), (level.example, "example")):
                if text:
                    yield text, f"the {what} of level '{level.id}'"
        if scheme.matrix:
            for axis in (*scheme.matrix.impacts, *scheme.matrix.urgencies):
                yield axis.label, f"'{axis.id}' in the matrix"
    for calendar in vendor.calendars:
        if calendar.name:
            yield calendar.name, f"the name of calendar '{calendar.id}'"
    for plan in vendor.plans:
        yield plan.name, f"the name of plan '{plan.id}'"
        if plan.description:
            yield plan.description, f"the description of plan '{plan.id}'"
        for note in plan.notes:
            yield note, f"a note of plan '{plan.id}'"
        for cell in plan.cells:
            if cell.text and cell.feature in plan.own_features:
                yield cell.text, f"plan '{plan.id}', feature '{cell.feature}'"
        for obligation in plan.obligations:
            yield obligation.text, f"obligation '{obligation.id}'"


def check_translations(vendor: Vendor) -> Iterator[Diagnostic]:
    """Every text should be written in every site language (a warning; an error with --strict)."""
    seen: set[int] = set()
    for text, what in vendor_texts(vendor):
        if id(text) in seen:
            continue  # inherited cells and obligations are the parent's text, reported there
        seen.add(id(text))
        missing = text.missing(LANGUAGES)
        if missing:
            wanted = " ".join(f'{code} "..."' for code in missing)
            yield warning(f"{what} has no {', '.join(missing)} translation", text.pos, f"add {wanted} inside the braces")
