"""Model -> SLA rule set: one self-contained JSON document per project.

A consumer of the rules (a ticketing system, the site's calculator, the
reference evaluator) must get the same deadlines we compute without a holiday
library, so every calendar is expanded here over a fixed span of years: weekly
hours as per-day pieces, and every holiday, closed date, special-hours date
and eve within the span as a dated override. The format is specified in
docs/rules.md; the JSON Schema is dsl/rules/schema.json.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import zoneinfo
from contextvars import ContextVar
from datetime import UTC, date, datetime, timedelta
from importlib.resources import files
from pathlib import Path
from typing import Any

import holidays as holidays_lib
from holidays.version import __version__ as holidays_version

from dsl.language import vocabulary
from dsl.language.model import (
    Calendar,
    DailyHours,
    Obligation,
    Plan,
    PriorityScheme,
    Project,
    Target,
    Text,
    Vendor,
)
from dsl.language.vocabulary import LANGUAGES, METRICS, MINUTES_PER_DAY, WEEKDAYS

FORMAT_VERSION = "1.3"  # 1.1: vendor "aliases" (who else a plan's terms apply to), plan "no_support";
# vendor "cases", target "case"/"business_days"/"days_rule"/"published", coverage "case", calendar "customer_holidays"
# 1.2 (issue 10): years "valid_until"; plan "id"; target "id", "from", "until" (effective-dated versions)
# 1.3: top-level "languages" (the project's published languages: every texts object has exactly these keys)
"""Bumped in its minor part for additions a consumer may ignore, in its major part for anything else."""


def build_date() -> date:
    """Today, or the day of SOURCE_DATE_EPOCH (seconds since 1970, UTC) when that is set to a number.

    Reproducible builds (https://reproducible-builds.org/specs/source-date-epoch/) set it so that a
    build made later gives the same files; a value that is not a whole number is ignored.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit() and len(epoch) <= 12:
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()


FALLBACK_YEARS = (2026, 2028)
"""The span of a project whose plan files declare no `horizon` (docs/rules.md §1): fixed, never today's."""


def default_years(project: Project | None = None) -> tuple[int, int]:
    """The span the rules are expanded over unless --years says otherwise: the plans' `horizon`, else FALLBACK_YEARS.

    Never the date of the export (issue 10): the same plan files give the same span on any day.
    """
    if project is not None and project.horizon is not None:
        return (project.horizon.first, project.horizon.last)
    return FALLBACK_YEARS


class ExportError(ValueError):
    """The model cannot be expanded (for example a country the holidays package does not know)."""


def export_project(project: Project, years: tuple[int, int], languages: tuple[str, ...] = LANGUAGES) -> dict[str, Any]:
    """The rule set of every vendor, with calendars expanded over `years` (first, last; inclusive).

    `languages` are the project's published languages (its settings, dsl/language/settings.py), in
    order: every text of the document is given in exactly these.
    """
    first, last = years
    if first > last:
        raise ExportError(f"the first year {first} comes after the last year {last}")
    token = _PUBLISHED.set(tuple(languages))
    try:
        return {
            "format_version": FORMAT_VERSION,
            "generator": f"tierwise {_own_version()}",
            "data_versions": data_versions(),
            "years": {"first": first, "last": last, "valid_until": f"{last:04d}-12-31"},
            "languages": list(languages),
            "metrics": list(METRICS),
            "vendors": {vendor.id: _vendor(vendor, years) for vendor in project.vendors},
        }
    finally:
        _PUBLISHED.reset(token)


# The languages of the export under way. Set only by export_project, for its own call: every text is
# exported by _texts, far below it, and threading the list through each function between them would
# change every signature of this module for one value that never varies within an export.
_PUBLISHED: ContextVar[tuple[str, ...]] = ContextVar("published_languages", default=LANGUAGES)


def dumps(doc: dict[str, Any]) -> str:
    """The document as UTF-8 JSON text: two-space indents, keys in the order built, a final newline."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


_VOCABULARY_SLOT = re.compile(r'"vocabulary:([A-Z_]+)"')
"""In schema.json, a list the vocabulary owns is written as the text "vocabulary:NAME"."""


def schema_text() -> str:
    """The JSON Schema (draft 2020-12) every exported document satisfies: the text published as rules/schema.json.

    The package's schema.json is its template: the lists the vocabulary owns (metrics, languages,
    weekdays, periods) are written there as "vocabulary:NAME" and filled in here from
    dsl.language.vocabulary, so that the schema cannot disagree with the rest of Tierwise.
    """
    template = (files("dsl.rules") / "schema.json").read_text(encoding="utf-8")
    return _VOCABULARY_SLOT.sub(_vocabulary_list, template)


def _vocabulary_list(slot: re.Match[str]) -> str:
    name = slot.group(1)
    values = getattr(vocabulary, name, None)
    if not isinstance(values, tuple) or not all(isinstance(v, str) for v in values):
        raise ExportError(f"schema.json asks for vocabulary.{name}, which is not a list of words in dsl/language/vocabulary.py")
    return json.dumps(list(values), ensure_ascii=False)


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every exported document satisfies, as a dict."""
    result: dict[str, Any] = json.loads(schema_text())
    return result


def data_versions() -> dict[str, str]:
    """The versions of the holiday and time-zone data the calendars are expanded and evaluated with."""
    tz_version, tz_source = _tz_data()
    return {"holidays": holidays_version, "tzdata": tz_version, "tzdata_source": tz_source}


def _own_version() -> str:
    try:
        return importlib.metadata.version("tierwise")
    except importlib.metadata.PackageNotFoundError:
        return "0.1.0"


def _tz_data() -> tuple[str, str]:
    """Which zone data zoneinfo really reads: a system directory on TZPATH wins over the tzdata package."""
    for folder in zoneinfo.TZPATH:
        marker = Path(folder) / "tzdata.zi"
        try:
            with marker.open(encoding="utf-8") as handle:
                head = handle.readline()
        except OSError:
            continue
        if head.startswith("# version "):
            return head.removeprefix("# version ").strip(), f"system:{folder}"
    try:
        return importlib.metadata.version("tzdata"), "python:tzdata"
    except importlib.metadata.PackageNotFoundError:
        return "unknown", "unknown"


# --- vendors, plans, priorities -------------------------------------------------------------


def _vendor(vendor: Vendor, years: tuple[int, int]) -> dict[str, Any]:
    lang = vendor.language
    return {
        "name": vendor.name,
        "language": lang,
        "calendars": {cal.id: _calendar(cal, years, lang) for cal in sorted(vendor.calendars, key=lambda c: c.id)},
        "priorities": _priorities(vendor.priorities, lang),
        "plans": {plan.id: _plan(plan, lang) for plan in vendor.plans},
        "cases": {case.id: {"name": _texts(case.name, lang)} for case in vendor.cases},
        "aliases": _aliases(vendor, lang),
    }


def _aliases(vendor: Vendor, lang: str) -> dict[str, Any]:
    """Who else a plan's terms apply to, as ids an evaluator answers for with that plan (docs/rules.md §2)."""
    return {who.id: {"plan": plan.id, "who": _texts(who.who, lang)} for plan in vendor.plans for who in plan.applies_to}


def _texts(text: Text | None, lang: str) -> dict[str, str] | None:
    """A text in all four languages; a missing translation falls back to the vendor's own language."""
    if text is None:
        return None
    return {code: text.resolve(code, lang)[0] for code in _PUBLISHED.get()}


def _priorities(scheme: PriorityScheme | None, lang: str) -> dict[str, Any] | None:
    if scheme is None:
        return None
    matrix = None
    if scheme.matrix is not None:
        m = scheme.matrix
        levels: dict[str, dict[str, str]] = {}
        for impact in m.impacts:
            row = {u.id: m.level(impact.id, u.id) for u in m.urgencies}
            levels[impact.id] = {u: lv for u, lv in row.items() if lv is not None}
        matrix = {
            "impacts": [i.id for i in m.impacts],
            "urgencies": [u.id for u in m.urgencies],
            "labels": {
                "impacts": {i.id: _texts(i.label, lang) for i in m.impacts},
                "urgencies": {u.id: _texts(u.label, lang) for u in m.urgencies},
            },
            "levels": levels,
        }
    return {
        "levels": [{"id": lv.id, "name": _texts(lv.name, lang)} for lv in scheme.levels],
        "matrix": matrix,
    }


def _plan(plan: Plan, lang: str) -> dict[str, Any]:
    return {
        "name": _texts(plan.name, lang),
        # General targets first: a 1.0 consumer, which knows no `case`, then still finds the
        # general target for a (metric, priority) before any target limited to a kind of case.
        "targets": _versioned([_target(t) for t in sorted(plan.targets, key=lambda t: t.case is not None)]),
        "coverage": [{"priority": c.priority, "calendar": c.calendar, "case": c.case} for c in plan.coverage],
        "obligations": [_obligation(o, lang) for o in plan.obligations],
        "no_support": plan.no_support,
        "id": plan.id,
    }


def _versioned(targets: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Format 1.2: each target's stable id and the span its version is in force (docs/rules.md §2, "Versions").

    The versions of one target (same metric, priority and case) are written in date order (the checks
    see to it); each is in force from its `from` (null: from the start) until the next one's.
    """
    for i, target in enumerate(targets):
        key = (target["metric"], target["priority"], target["case"])
        later = next((t for t in targets[i + 1 :] if (t["metric"], t["priority"], t["case"]) == key), None)
        target["until"] = later["from"] if later is not None else None
        base = f"{target['metric']}/{target['priority'] or 'all'}" + (f"/{target['case']}" if target["case"] else "")
        target["id"] = base + (f"@{target['from']}" if target["from"] else "")
    return targets


def _target(t: Target) -> dict[str, Any]:
    """One target; the fields after `calendar` are those of format 1.1 (docs/rules.md §2)."""
    return {
        "metric": t.metric,
        "priority": t.priority,
        "minutes": t.minutes,
        "calendar": t.calendar if t.published else None,
        "case": t.case,
        "business_days": t.days,
        "days_rule": None if t.days is None else ("day-end" if t.day_end else "same-time"),
        "published": t.published,
        "from": t.valid_from.isoformat() if t.valid_from else None,  # format 1.2; "until" and "id": _versioned
    }


def _obligation(ob: Obligation, lang: str) -> dict[str, Any]:
    return {
        "id": ob.id,
        "count": ob.quantity.count if ob.quantity else None,
        "period": ob.quantity.period if ob.quantity else None,
        "after_minutes": ob.after_minutes,
        "calendar": ob.calendar,
        "text": _texts(ob.text, lang),
    }


# --- calendars --------------------------------------------------------------------------------


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _pieces(spans: list[tuple[int, int]]) -> list[list[str]]:
    """Sorted, merged [start, end) minute spans of one day as ["HH:MM", "HH:MM"] pairs."""
    merged: list[list[int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [[_hhmm(s), _hhmm(e)] for s, e in merged]


def weekly_pieces(cal: Calendar) -> dict[str, list[list[str]]]:
    """The calendar's week as per-day pieces: intervals across midnight are cut at each midnight."""
    by_day: list[list[tuple[int, int]]] = [[] for _ in WEEKDAYS]
    if not cal.always_open:
        for interval in cal.weekly:
            for start, end in interval.week_spans():
                day = start // MINUTES_PER_DAY
                while day * MINUTES_PER_DAY < end:
                    lo = max(start, day * MINUTES_PER_DAY) - day * MINUTES_PER_DAY
                    hi = min(end, (day + 1) * MINUTES_PER_DAY) - day * MINUTES_PER_DAY
                    by_day[day % 7].append((lo, hi))
                    day += 1
    return {name: _pieces(by_day[i]) for i, name in enumerate(WEEKDAYS)}


def holiday_dates(cal: Calendar, years: range, exported: range | None = None) -> set[date]:
    """Every holiday of the calendar's holiday sources in `years`, from the holidays package.

    `exported` (default `years`) must lie within the years the package covers for each country, else
    ExportError; `years` may reach one year beyond it (the eve of 31 December looks at 1 January).
    """
    exported = exported if exported is not None else years
    found: set[date] = set()
    for source in cal.holidays:
        try:
            table = holidays_lib.country_holidays(
                source.country,
                subdiv=source.subdivision,
                years=list(years),
                categories=tuple(source.categories),
            )
        except NotImplementedError as exc:
            raise ExportError(f"calendar '{cal.id}': the holidays package does not know {source.country}: {exc}") from None
        except ValueError as exc:
            raise ExportError(f"calendar '{cal.id}': holidays of {source.country}: {exc}") from None
        # Outside its start_year..end_year the package returns no holidays at all, silently: a span
        # reaching there would export working days where the vendor is closed, so it is an error.
        known = range(table.start_year, table.end_year + 1)
        if exported and (exported[0] not in known or exported[-1] not in known):
            raise ExportError(
                f"calendar '{cal.id}': the holidays package knows the holidays of {source.country} only for "
                f"{known[0]}–{known[-1]}, not all of {exported[0]}–{exported[-1]}; choose years within it (--years)"
            )
        found.update(table.keys())
    return found


def _daily(hours: tuple[DailyHours, ...]) -> list[list[str]]:
    return _pieces([(h.start, h.end) for h in hours])


def _calendar(cal: Calendar, years: tuple[int, int], lang: str) -> dict[str, Any]:
    weekly = weekly_pieces(cal)
    dates: dict[str, list[list[str]]] = {}
    if not cal.always_open:
        dates = _dated_hours(cal, weekly, years)
    return {
        "zone": cal.zone,
        "always_open": cal.always_open,
        "weekly": weekly,
        "dates": dates,
        "holidays": [
            {"country": h.country, "subdivision": h.subdivision, "categories": list(h.categories)} for h in cal.holidays
        ],
        "name": _texts(cal.name, lang),
        "customer_holidays": _customer_holidays(cal, years),
    }


def _customer_holidays(cal: Calendar, years: tuple[int, int]) -> dict[str, list[str]] | None:
    """`closed holidays customer`: per listed country, its public holidays inside the span (sorted), else None."""
    if not cal.customer_holidays:
        return None
    first, last = years
    result: dict[str, list[str]] = {}
    for country in sorted(cal.customer_holidays):
        try:
            table = holidays_lib.country_holidays(country, years=list(range(first, last + 1)), categories=("public",))
        except NotImplementedError as exc:
            raise ExportError(f"calendar '{cal.id}': the holidays package does not know {country}: {exc}") from None
        result[country] = sorted(d.isoformat() for d in table if first <= d.year <= last)
    return result


def _dated_hours(cal: Calendar, weekly: dict[str, list[list[str]]], years: tuple[int, int]) -> dict[str, list[list[str]]]:
    """Dates inside `years` whose hours replace the weekly ones.

    Precedence: a date the calendar states itself, then a holiday (closed), then
    an eve: an open weekday that is no holiday and whose next day is one. The
    year after the span is consulted too, so that 31 December can be an eve.
    """
    first, last = years
    holidays_found = holiday_dates(cal, range(first, last + 2), range(first, last + 1)) if cal.holidays else set()
    own = {d.day: _daily(d.hours) for d in cal.dates}
    eve = _daily(cal.eve_hours) if cal.eve_hours else None
    result: dict[date, list[list[str]]] = {}
    for day, hours in own.items():
        if first <= day.year <= last:
            result[day] = hours
    for day in holidays_found:
        if first <= day.year <= last and day not in result:
            result[day] = []
    if eve is not None:
        for day in holidays_found:
            before = day - timedelta(days=1)
            if (
                first <= before.year <= last
                and before not in result
                and before not in holidays_found
                and weekly[WEEKDAYS[before.weekday()]]
            ):
                result[before] = eve
    return {day.isoformat(): result[day] for day in sorted(result)}
