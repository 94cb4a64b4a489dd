"""Model -> SLA rule set: one self-contained JSON document per project.

A consumer of the rules (a ticketing system, the site's calculator, the
reference evaluator) must get the same deadlines we compute without a holiday
library, so every calendar is expanded here over a fixed span of years: weekly
hours as per-day pieces, and every holiday, closed date, special-hours date
and eve within the span as a dated override. The format is specified in
docs/rules.md; the JSON Schema is dsl/rules/schema.json.
"""

from __future__ import annotations

import json
import os
import re
import zoneinfo
from collections.abc import Callable
from contextvars import ContextVar
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from dsl.language import datasets, vocabulary
from dsl.language.cache import kept_for_user, key_of, version
from dsl.language.diagnostics import Diagnostic, error, file_text, render
from dsl.language.model import (
    Calendar,
    DailyHours,
    HolidaySource,
    MonthlyDays,
    Obligation,
    Penalty,
    PenaltyAmount,
    Plan,
    PriorityScheme,
    Project,
    Target,
    Text,
    Vendor,
)
from dsl.language.vocabulary import LANGUAGES, METRICS, MINUTES_PER_DAY, WEEKDAYS

# 1.2: "zones", the zone names a question may give.
FORMAT_VERSION = "1.14"  # 1.1: vendor "aliases" (who else a plan's terms apply to), plan "no_support";
# vendor "cases", target "case"/"business_days"/"days_rule"/"published", coverage "case", calendar "customer_holidays"
# 1.2 (issue 10): years "valid_until"; plan "id"; target "id", "from", "until" (effective-dated versions)
# 1.3: top-level "languages" (the project's published languages: every texts object has exactly these keys)
# 1.4: the metric "workaround" (in "metrics" and on targets), and the ticket clock's "workaround" event
# 1.5: obligation "priorities" (the levels an obligation is for; null: every level) and "every_minutes" (recurring);
#      plan "availability" (percent, period, service "credits") and "maintenance" (calendar, notice_minutes)
# 1.6: the metric "on-site" (a technician arrives at the customer's site; in "metrics" and on targets), and the
#      ticket clock's "on-site" event
# 1.7: no new field; the ticket clock answers an obligation on the customer's holidays "none" (with the reason) without
#      the customer's country, instead of refusing the ticket (docs/rules.md §11.4)
# 1.8: availability "credits_stated" (false: the offer says nothing of credits; true with no credits: `credit none`)
# 1.9: target "cutoff" ("HH:MM": a report at or after it on a business day counts from the next business day's opening)
# 1.10: plan "penalties" (what the vendor pays when a target is missed; [] for `penalty none`, null when not stated) and
#       "penalties_total" (the cap of them all together per month, quarter or year; null when none is stated)
# 1.11: penalty "steps" (a penalty that grows with the delay; null when it does not), the amount kind "contract-share"
#       (a share of the contract's value) and the cap window "contract" (the contract's whole term)
# 1.12: availability "calendar" (the availability is a share of that calendar's open hours in the period, not of the
#       whole period; null: around the clock) and "credits_of" (the credits are shares of the subscription price or
#       the usage charges; null: of the plan's own fee), and penalty step "whole" (true: once the delay passes the step,
#       every unit of it costs the step's amount, the first ones included)
# 1.13: penalty "clock" "business" with "per" "day" (business days of delay: from the deadline's time of day to the
#       same time on the calendar's next business day), where 1.12 had "business" only per hour
# 1.14: penalty "obligation" (a penalty for a late obligation, whose "metric" and "priority" are then null) and
#       "calendar" (the calendar its business hours or days of delay are of; null for a target's penalty)
"""Bumped in its minor part for additions a consumer may ignore (and for a change of the ticket clock's answers a consumer
must know about, 1.7), in its major part for anything else."""


def build_date() -> date:
    """Today, or the day of SOURCE_DATE_EPOCH (seconds since 1970, UTC) when that is set to a number.

    Reproducible builds (https://reproducible-builds.org/specs/source-date-epoch/) set it so that a
    build made later gives the same files; a value that is not a whole number is ignored.
    """
    epoch = source_date_epoch()
    if epoch is not None:
        return datetime.fromtimestamp(epoch, UTC).date()
    return date.today()


# --- SOURCE_DATE_EPOCH read in one place ---------------------------------------

LAST_EPOCH = 253_402_300_799
"""9999-12-31T23:59:59Z: the last second Python's dates can hold."""


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH as whole seconds; None when unset or not a whole number of seconds up to year 9999.

    Each use (the default span, the sitemap's dates, the files' times) reads it through here, so a value
    beyond the dates Python can hold is ignored everywhere alike, as a value that is no number is.
    """
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not (value.isascii() and value.isdigit()) or len(value) > len(str(LAST_EPOCH)) or int(value) > LAST_EPOCH:
        return None
    return int(value)


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


# --- an export failure about one place of a plan file --------------------------


class LocatedExportError(ExportError):
    """An ExportError about one place of a plan file, carried as the located diagnostic to print."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(f"{diagnostic.message}; {diagnostic.hint}" if diagnostic.hint else diagnostic.message)
        self.diagnostic = diagnostic

    def __reduce__(self) -> tuple[type[LocatedExportError], tuple[Diagnostic]]:
        # A build worker's error crosses to the parent process pickled: with its place, not as a bare message.
        return LocatedExportError, (self.diagnostic,)


def export_failure(exc: ExportError) -> str:
    """How a command prints an ExportError: file:line:col, code and hint when it has a place, else `error: ...`."""
    if isinstance(exc, LocatedExportError):
        # Found after the files were read and checked (years beyond the holiday data: `rules --years`, `build --years`),
        # so its file is read again for the line and the caret.
        return render(exc.diagnostic, file_text(exc.diagnostic.pos.file))
    return f"error: {exc}"


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
        doc = {
            "format_version": FORMAT_VERSION,
            "generator": f"tierwise {_own_version()}",
            "data_versions": datasets.data_versions(),
            "years": {"first": first, "last": last, "valid_until": f"{last:04d}-12-31"},
            "languages": list(languages),
            "metrics": list(METRICS),
            "vendors": {vendor.id: _vendor(vendor, years) for vendor in project.vendors},
            "zones": zone_names(),
        }
    finally:
        _PUBLISHED.reset(token)
    # The export checks itself against what the schema cannot state: a failure here is a bug in Tierwise.
    problems = structural_problems(doc)
    if problems:
        raise ExportError("the exported rules break docs/rules.md: " + "; ".join(problems[:5]))
    return doc


# The languages of the export under way. Set only by export_project, for its own call: every text is
# exported by _texts, far below it, and threading the list through each function between them would
# change every signature of this module for one value that never varies within an export.
_PUBLISHED: ContextVar[tuple[str, ...]] = ContextVar("published_languages", default=LANGUAGES)


def dumps(doc: dict[str, Any]) -> str:
    """The document as UTF-8 JSON text: two-space indents, keys in the order built, a final newline."""
    parts: list[str] = []
    try:
        _indented(doc, "", parts.append)
    except _NotPlain:
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    parts.append("\n")
    return "".join(parts)


class _NotPlain(Exception):
    """A value `_indented` leaves to the json module (a key that is not a string, a type the export never makes)."""


_quoted = json.encoder.encode_basestring  # the json module's own C function where it has one, as json.dumps uses
_INFINITY = float("inf")


def _indented(value: Any, indent: str, write: Callable[[str], object]) -> None:
    """Write `value` as json.dumps(value, ensure_ascii=False, indent=2) writes it, byte for byte.

    json.dumps with an indent runs the json module's Python encoder, a generator per level of nesting: a thousand
    vendors' rule files spent half their export in it. This one appends to a list (tests/test_export_text.py
    compares the two on every rule file and on random documents)."""
    kind = type(value)
    if kind is str:
        write(_quoted(value))
    elif kind is dict or kind is list or kind is tuple:
        mapping = kind is dict
        if not value:
            write("{}" if mapping else "[]")
            return
        inner = indent + "  "
        write(("{\n" if mapping else "[\n") + inner)
        for n, item in enumerate(value.items() if mapping else value):
            if n:
                write(",\n" + inner)
            if mapping:
                key, item = item
                if type(key) is not str:
                    raise _NotPlain
                write(_quoted(key))
                write(": ")
            _indented(item, inner, write)
        write("\n" + indent + ("}" if mapping else "]"))
    elif value is None:
        write("null")
    elif value is True:
        write("true")
    elif value is False:
        write("false")
    elif kind is int:
        write(int.__repr__(value))
    elif kind is float:
        if value != value:
            write("NaN")
        elif value in (_INFINITY, -_INFINITY):
            write("Infinity" if value > 0 else "-Infinity")
        else:
            write(float.__repr__(value))
    else:
        raise _NotPlain


_VOCABULARY_SLOT = re.compile(r'"vocabulary:([A-Z_]+)"')
"""In schema.json, a list the vocabulary owns is written as the text "vocabulary:NAME"."""


def schema_text() -> str:
    """The JSON Schema (draft 2020-12) every exported document satisfies: the text published as rules/schema.json.

    The package's schema.json is its template: the lists the vocabulary owns (metrics, weekdays,
    periods; not the languages since format 1.3, which are each document's own) are written there as "vocabulary:NAME" and filled in here from
    dsl.language.vocabulary, so that the schema cannot disagree with the rest of Tierwise.
    """
    template = (files("dsl.rules") / "schema.json").read_text(encoding="utf-8")
    return _VOCABULARY_SLOT.sub(_vocabulary_list, _VOCABULARY_KEYS.sub(_vocabulary_keys, template))


_VOCABULARY_KEYS = re.compile(r'"vocabulary-keys:([A-Z_]+):([^"]+)"')
"""In schema.json, "vocabulary-keys:NAME:REF" is an object of properties: each word of the list -> {"$ref": REF}.

Strict validators (Ajv's strictRequired) want every required key declared under "properties"."""


def _vocabulary_keys(slot: re.Match[str]) -> str:
    words = json.loads(_vocabulary_list(slot))
    return json.dumps({word: {"$ref": slot.group(2)} for word in words}, ensure_ascii=False)


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


def _own_version() -> str:
    found = version("tierwise")
    return found if found != "unknown" else "0.1.0"


ZONES_LEFT_OUT = frozenset({"Factory"})
"""Names in the tz database that are no place's zone ("Factory" means "local time is unknown")."""


def zone_names() -> list[str]:
    """The zone names a question may give (format 1.2 "zones"): every Zone and Link of the tz data read, sorted.

    Read once per process (it was 9 ms for every vendor exported); a new list each time, so no caller's change
    reaches another's document.
    """
    return list(_zone_names())


@lru_cache(maxsize=1)
def _zone_names() -> tuple[str, ...]:
    """The zone names of `zone_names`, as read from the tz data.

    They come from the same data `data_versions` names (a system folder's tzdata.zi, or the tzdata
    package), so never `posix/…`, `right/…` or `localtime`, which are files beside the data, not names in it.
    """
    names: set[str] = set()
    for folder in zoneinfo.TZPATH:
        try:
            text = (Path(folder) / "tzdata.zi").read_text(encoding="utf-8")
        except OSError:
            continue
        for line in text.splitlines():
            words = line.split()
            if len(words) >= 2 and words[0] == "Z":
                names.add(words[1])
            elif len(words) >= 3 and words[0] == "L":
                names.add(words[2])
        if names:
            break
    if not names:  # no system data: the tzdata package's own list
        try:
            names = set((files("tzdata") / "zones").read_text(encoding="utf-8").split())
        except (ModuleNotFoundError, OSError):
            found = zoneinfo.available_timezones()
            names = {n for n in found if not n.startswith(("posix/", "right/")) and n not in {"localtime", "posixrules"}}
    return tuple(sorted(names - ZONES_LEFT_OUT))


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
        **_availability(plan),  # format 1.5
        **_penalties(plan),  # format 1.10
    }


def _number(value: Decimal) -> int | float:
    """A percentage as a JSON number: 99.9, 10 (a whole number without a fraction)."""
    return int(value) if value == value.to_integral_value() else float(value)


def _availability(plan: Plan) -> dict[str, Any]:
    """Format 1.5: the promised availability, its service credits and maintenance (docs/rules.md §2, "Availability")."""
    found = plan.availability
    maintenance = plan.maintenance
    return {
        "availability": None if found is None else {
            "percent": _number(found.percent),
            "period": found.period,
            "calendar": found.calendar,  # format 1.12: measured in this calendar's open hours; null: around the clock
            # The largest threshold first: a consumer takes the last whose threshold the measured value is below.
            "credits": [
                {"below": _number(c.below), "percent": _number(c.percent)}
                for c in sorted(plan.credits, key=lambda c: c.below, reverse=True)
            ],
            # Format 1.8: an empty list is either "no service credits" (`credit none`) or "the offer does not say".
            "credits_stated": bool(plan.credits) or plan.no_credits,
            # Format 1.12: what the credits are shares of; null: the plan's own fee (the checks keep one per plan).
            "credits_of": next((c.basis for c in plan.credits), None),
        },
        "maintenance": None if maintenance is None else {
            "calendar": maintenance.calendar,
            "notice_minutes": maintenance.notice_minutes,
        },
    }


def _penalty_amount(amount: PenaltyAmount) -> dict[str, Any]:
    """A penalty's amount: a share of the plan's fee for a period, or money (docs/rules.md §2, "Penalties")."""
    if amount.of_contract:
        return {"kind": "contract-share", "percent": _number(amount.value)}  # format 1.11
    if amount.is_share:
        return {"kind": "fee-share", "percent": _number(amount.value), "fee_period": amount.fee_period}
    return {"kind": "money", "amount": _number(amount.value), "currency": amount.currency}


def _penalty_calendar(penalty: Penalty, plan: Plan) -> str | None:
    """Format 1.14: the calendar a late obligation's business hours or days of delay are of (the line's, else the
    obligation's own); None for a target's penalty (its target's calendar) and one counted in real time."""
    if penalty.obligation is None or not penalty.business:
        return None
    obligation = next((ob for ob in plan.obligations if ob.id == penalty.obligation), None)
    return penalty.calendar or (obligation.calendar if obligation is not None else None)


def _penalties(plan: Plan) -> dict[str, Any]:
    """Format 1.10: the penalties for missed targets; [] for `penalty none`, null when the offer does not say.

    Null, not [], for a plan that says nothing: a consumer of 1.9 refuses a plan with an unknown field that is not null
    (docs/rules.md, "A newer minor version"), and only the plans that state penalties should be refused.
    """
    total = plan.penalty_total
    # The cap of all the plan's penalties together; null when the offer states none.
    capped = {"penalties_total": None if total is None else {"amount": _penalty_amount(total.amount), "per": total.per}}
    if not plan.penalties and not plan.no_penalties:
        return {"penalties": None, **capped}
    return {
        "penalties": [
            {
                "metric": p.metric if p.obligation is None else None,  # format 1.14: null for a late obligation's
                "priority": p.priority,
                "amount": _penalty_amount(p.amount),
                "per": p.unit,
                "started": p.started,
                "clock": "business" if p.business else "real",  # format 1.13: also per "day", business days of delay
                "cap": None if p.cap is None else {"amount": _penalty_amount(p.cap), "per": p.cap_per},
                # Format 1.11: null, not [], for a penalty that does not grow, so that a 1.10 consumer refuses only growing ones.
                # Format 1.12: "whole", the step's amount for every unit of the delay once it passes "after".
                "steps": [{"after": s.after, "amount": _penalty_amount(s.amount), "whole": s.whole} for s in p.steps] or None,
                # Format 1.14: the obligation whose lateness this penalty is for, and the calendar of its business time.
                "obligation": p.obligation,
                "calendar": _penalty_calendar(p, plan),
            }
            for p in plan.penalties
        ],
        **capped,
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
        "cutoff": None if t.cutoff is None else f"{t.cutoff // 60:02d}:{t.cutoff % 60:02d}",  # format 1.9
    }


def _obligation(ob: Obligation, lang: str) -> dict[str, Any]:
    return {
        "id": ob.id,
        "count": ob.quantity.count if ob.quantity else None,
        "period": ob.quantity.period if ob.quantity else None,
        "after_minutes": ob.after_minutes,
        "calendar": ob.calendar,
        "text": _texts(ob.text, lang),
        # Format 1.5: the levels it is for, each once in the order written; null: every level.
        "priorities": list(dict.fromkeys(ob.priorities)) or None,
        "every_minutes": ob.every_minutes,  # format 1.5: again after every so much work, until resolved
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


def preload_holidays(project: Project) -> None:
    """Import the holiday tables of every country the project's calendars close on.

    The holidays package imports a country's module the first time it is asked for it. A build whose
    rule files all come from the cache asks for none; a long-running process (`serve`) calls this
    once, so that the first edit does not pay for the imports.
    """
    import holidays as holidays_lib

    countries = {(h.country, h.subdivision) for v in project.vendors for c in v.calendars for h in c.holidays}
    for country, subdivision in sorted(countries, key=str):
        try:
            holidays_lib.country_holidays(country, subdiv=subdivision)
        except (NotImplementedError, ValueError, KeyError):  # the export reports these, where they matter
            pass


def holiday_dates(cal: Calendar, years: range, exported: range | None = None) -> set[date]:
    """Every holiday of the calendar's holiday sources in `years`, from the holidays package.

    `exported` (default `years`) must lie within the years the package covers for each country, else
    ExportError; `years` may reach one year beyond it (the eve of 31 December looks at 1 January).
    """
    found: set[date] = set()
    for source in cal.holidays:
        found.update(_source_dates(cal, source, years, exported))
    return found


def holiday_hours(cal: Calendar, years: range) -> dict[date, list[list[str]]]:
    """The holidays of the calendar's `hours holidays` lines in `years` (lang17), each with the hours of the first line
    written that has it: on-call hours on public holidays, instead of closed."""
    found: dict[date, list[list[str]]] = {}
    for source in cal.holidays:
        if source.hours:
            for day in sorted(_source_dates(cal, source, years, years)):
                found.setdefault(day, _daily(source.hours))
    return found


def _source_dates(cal: Calendar, source: HolidaySource, years: range, exported: range | None) -> frozenset[date]:
    """The holidays of one `closed holidays` (or `hours holidays`) line in `years`, its `except` days left out."""
    exported = exported if exported is not None else years
    try:
        dates, known = _country_dates(source.country, source.subdivision, tuple(source.categories), tuple(years))
    except NotImplementedError as exc:
        raise ExportError(f"calendar '{cal.id}': the holidays package does not know {source.country}: {exc}") from None
    except ValueError as exc:
        raise ExportError(f"calendar '{cal.id}': holidays of {source.country}: {exc}") from None
    # Outside its start_year..end_year the package returns no holidays at all, silently: a span
    # reaching there would export working days where the vendor is closed, so it is an error.
    if exported and (exported[0] not in known or exported[-1] not in known):
        raise LocatedExportError(error(
            f"calendar '{cal.id}': the holidays package knows the holidays of {source.country} only for "
            f"{known[0]}–{known[-1]}, not all of {exported[0]}–{exported[-1]}",
            source.pos, f"choose years within {known[0]}–{known[-1]} (--years, or the horizon)", code="T0813",
        ))
    if source.kept_open:  # `except "Pentecost Monday"`: ordinary days of this line's (another line may still close them)
        dates = dates - datasets.days_kept_open((source.country, source.subdivision, tuple(source.categories)), source.kept_open, years)
    return dates


@lru_cache(maxsize=256)
def _country_dates(country: str, subdivision: str | None, categories: tuple[str, ...], years: tuple[int, ...]) -> tuple[frozenset[date], range]:
    """A country's holidays in `years` and the years the package covers for it (NotImplementedError, ValueError as the package raises).

    Importing a country's module and computing its holidays takes 0.1–0.2 s, more than a build after one
    edit spends on everything else of a vendor: the answer is kept in the user's cache folder, keyed by
    the package's version and the question.
    """

    def ask() -> tuple[frozenset[date], range]:
        import holidays as holidays_lib  # here, not at the top: a build whose dates are all kept never imports the package

        table = holidays_lib.country_holidays(country, subdiv=subdivision, years=list(years), categories=categories)
        return frozenset(table.keys()), range(table.start_year, table.end_year + 1)

    # "1": the shape of the value kept (a new shape, a new number); None and "" are different subdivisions.
    where = "" if subdivision is None else f"={subdivision}"
    key = key_of("holidays/1", datasets.holidays_version(), country, where, *categories, "", *map(str, years))
    answer: tuple[frozenset[date], range] = kept_for_user("holidays", key, ask)
    return answer


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
    import holidays as holidays_lib

    for country in sorted(cal.customer_holidays):
        try:
            table = holidays_lib.country_holidays(country, years=list(range(first, last + 1)), categories=("public",))
        except NotImplementedError as exc:
            raise ExportError(f"calendar '{cal.id}': the holidays package does not know {country}: {exc}") from None
        result[country] = sorted(d.isoformat() for d in table if first <= d.year <= last)
    return result


def monthly_days(monthly: MonthlyDays, first: int, last: int, working: Callable[[date], bool]) -> list[date]:
    """The first or last `monthly.count` working days of each month of the years `first` to `last`, in date order; for
    `hours monthly day N` (lang14) the Nth of each month (`on working days`: when it is one; `or the working day before`:
    else the last working day before it, which may be in the month before, or before the years; `or the working day
    after`: else the first working day after it, which may be in the month after, or after the years)."""
    found: list[date] = []
    if monthly.edge == "day":
        for year in range(first, last + 1):
            for month in range(1, 13):
                day = date(year, month, monthly.count)
                if monthly.when in ("before", "after"):
                    step = timedelta(days=-1 if monthly.when == "before" else 1)
                    stop = day + 366 * step
                    while not working(day) and day != stop:
                        day += step
                if not monthly.when or working(day):
                    found.append(day)
        return found
    for year in range(first, last + 1):
        for month in range(1, 13):
            start = date(year, month, 1)
            end = date(year + month // 12, month % 12 + 1, 1)
            days = [start + timedelta(days=n) for n in range((end - start).days)]
            open_days = [d for d in days if working(d)]
            found += open_days[: monthly.count] if monthly.edge == "first" else open_days[-monthly.count:] if monthly.count else []
    return found


def bridge_days(holidays_found: set[date] | frozenset[date], weekly: dict[str, list[list[str]]], first: int, last: int) -> set[date]:
    """`closed bridge days`: each day of the years `first` to `last` that the week opens and no holiday closes, whose
    day before and day after are both days off (a holiday, or a day the week keeps closed) and one of them a holiday."""
    def off(day: date) -> bool:
        return day in holidays_found or not weekly[WEEKDAYS[day.weekday()]]

    found: set[date] = set()
    for holiday in holidays_found:
        for day in (holiday - timedelta(days=1), holiday + timedelta(days=1)):
            if first <= day.year <= last and not off(day) and off(day - timedelta(days=1)) and off(day + timedelta(days=1)):
                found.add(day)
    return found


def _dated_hours(cal: Calendar, weekly: dict[str, list[list[str]]], years: tuple[int, int]) -> dict[str, list[list[str]]]:
    """Dates inside `years` whose hours replace the weekly ones.

    Precedence: a date the calendar states itself, then its days of every year
    (closed, or their own hours), then a holiday (closed, or an `hours holidays` line's hours), then an eve: an open
    weekday that is no holiday and whose next day is one. The year after the span
    is consulted too, so that 31 December can be an eve. A yearly day is no
    holiday: no eve before it.
    """
    first, last = years
    # With bridge days, the year before too: a bridge day on 2 January may follow a holiday on 31 December.
    reach = 1 if cal.bridge_days else 0
    holidays_found = holiday_dates(cal, range(first - reach, last + 2), range(first, last + 1)) if cal.holidays else set()
    bridges = bridge_days(holidays_found, weekly, first, last) if cal.bridge_days else set()
    def ordinary_working(day: date) -> bool:  # `hours DATE to DATE … on working days`: the week opens it, no holiday closes it
        return bool(weekly[WEEKDAYS[day.weekday()]]) and day not in holidays_found and day not in bridges

    own = {d.day: _daily(d.hours) for d in cal.dates if not d.working_days_only or ordinary_working(d.day)}
    eve = _daily(cal.eve_hours) if cal.eve_hours else None
    result: dict[date, list[list[str]]] = {}
    for day, hours in own.items():
        if first <= day.year <= last:
            result[day] = hours
    # From the year before: yearly days from 12-31 to 01-02 that start before the span reach its first days.
    for yearly in cal.yearly:
        for day in yearly.days(range(first - 1, last + 1)):
            if yearly.working_days_only and (not weekly[WEEKDAYS[day.weekday()]] or day in holidays_found or day in bridges):
                continue  # `on working days`: a weekend, a holiday or a bridge day keeps its own rule
            if first <= day.year <= last and day not in result:
                result[day] = _daily(yearly.hours)
    # `hours monthly last 3 working days …`: the working days as the lines above leave them (a date's own line and a
    # yearly line win; a holiday, a closed date or a day the week keeps closed is no working day).
    def working(day: date) -> bool:
        if day in result:
            return bool(result[day])
        return bool(weekly[WEEKDAYS[day.weekday()]]) and day not in holidays_found and day not in bridges

    # A bridge day is closed unless a date's own line or a yearly line gives it hours; it counts as no working day.
    for day in bridges:
        if day not in result:
            result[day] = []

    # A day of every month (`hours monthly day 25 …`) first: a working day it opens counts for the month's first and last.
    for monthly in sorted(cal.monthly, key=lambda m: m.edge != "day"):
        for day in monthly_days(monthly, first, last, working):
            if first <= day.year <= last and day not in result:
                result[day] = _daily(monthly.hours)
    # A holiday is closed; one of an `hours holidays` line (lang17) has that line's hours instead, even if a `closed
    # holidays` line also closes it. It stays a holiday: no working day above, an eve before it below.
    on_call = holiday_hours(cal, range(first, last + 1)) if any(source.hours for source in cal.holidays) else {}
    for day in holidays_found:
        if first <= day.year <= last and day not in result:
            result[day] = on_call.get(day, [])
    if eve is not None:
        before_these = holidays_found
        if cal.eve_before:  # `eve ... before "Midsummer Eve", ...`: the eves of those holidays only
            lines = [(h.country, h.subdivision, tuple(h.categories)) for h in cal.holidays]
            named = datasets.days_named(lines, cal.eve_before, range(first, last + 2))
            before_these = holidays_found & set().union(*named.values())
        for day in before_these:
            before = day - timedelta(days=1)
            if (
                first <= before.year <= last
                and before not in result
                and before not in holidays_found
                and weekly[WEEKDAYS[before.weekday()]]
            ):
                result[before] = eve
    return {day.isoformat(): result[day] for day in sorted(result)}


# --- the rules a JSON Schema cannot state (docs/rules.md, "Validating") ------------------------------


def structural_problems(doc: dict[str, Any]) -> list[str]:
    """Every rule of docs/rules.md that the JSON Schema cannot express, checked on a document that satisfies the schema.

    An empty list means the document keeps them all; each problem names where it is. The export runs
    it on its own output (export_project), and a consumer may run it on any file.
    """
    problems: list[str] = []
    first, last = doc["years"]["first"], doc["years"]["last"]
    if first > last:
        problems.append(f"years: first {first} comes after last {last}")
    lo, hi = f"{first:04d}-01-01", f"{last:04d}-12-31"
    if list(doc["vendors"]) != sorted(doc["vendors"]):
        problems.append("vendors: not in id order")
    zones = doc.get("zones")
    if zones is not None and zones != sorted(zones):
        problems.append("zones: not sorted")
    for vendor_id, vendor in doc["vendors"].items():
        problems += _vendor_problems(f"vendors.{vendor_id}", vendor, lo, hi)
    return problems


def _day_problems(where: str, pieces: list[list[str]]) -> list[str]:
    """A day's pieces: each start before its end, sorted, neither overlapping nor touching."""
    problems = [f"{where}: piece {a}–{b} does not end after it starts" for a, b in pieces if not a < b]
    for p, q in zip(pieces, pieces[1:], strict=False):  # each piece with the next
        if not p[1] < q[0]:
            problems.append(f"{where}: pieces {p[0]}–{p[1]} and {q[0]}–{q[1]} overlap, touch or are out of order")
    return problems


def _vendor_problems(where: str, vendor: dict[str, Any], lo: str, hi: str) -> list[str]:
    problems: list[str] = []
    calendars = vendor["calendars"]
    if list(calendars) != sorted(calendars):
        problems.append(f"{where}.calendars: not in id order")
    for cal_id, cal in calendars.items():
        at = f"{where}.calendars.{cal_id}"
        for day, pieces in cal["weekly"].items():
            problems += _day_problems(f"{at}.weekly.{day}", pieces)
        dates = list(cal["dates"])
        if dates != sorted(dates):
            problems.append(f"{at}.dates: not sorted")
        for day, pieces in cal["dates"].items():
            if not lo <= day <= hi:
                problems.append(f"{at}.dates.{day}: outside the years")
            problems += _day_problems(f"{at}.dates.{day}", pieces)
        countries = list(cal.get("customer_holidays") or {})
        if countries != sorted(countries):
            # the errors about the customer's country list them in this order (docs/rules.md §7)
            problems.append(f"{at}.customer_holidays: the countries are not sorted")
        for country, days in (cal.get("customer_holidays") or {}).items():
            if days != sorted(days) or any(not lo <= d <= hi for d in days):
                problems.append(f"{at}.customer_holidays.{country}: not sorted, or a date outside the years")
    levels = [lv["id"] for lv in vendor["priorities"]["levels"]] if vendor["priorities"] else []
    if len(set(levels)) != len(levels):
        problems.append(f"{where}.priorities.levels: a level id appears twice")
    matrix = vendor["priorities"]["matrix"] if vendor["priorities"] else None
    if matrix:
        for impact, row in matrix["levels"].items():
            for urgency, level in row.items():
                if impact not in matrix["impacts"] or urgency not in matrix["urgencies"] or level not in levels:
                    problems.append(f"{where}.priorities.matrix.levels.{impact}.{urgency}: an unknown impact, urgency or level")
        for axis in ("impacts", "urgencies"):
            if sorted(matrix["labels"][axis]) != sorted(matrix[axis]):
                problems.append(f"{where}.priorities.matrix.labels.{axis}: does not name exactly the {axis}")
    cases = vendor.get("cases") or {}
    for plan_id, plan in vendor["plans"].items():
        problems += _plan_problems(f"{where}.plans.{plan_id}", plan, calendars, levels, cases)
    for alias_id, alias in (vendor.get("aliases") or {}).items():
        if alias_id in vendor["plans"] or alias["plan"] not in vendor["plans"]:
            problems.append(f"{where}.aliases.{alias_id}: is also a plan id, or names an unknown plan")
    return problems


def _plan_problems(where: str, plan: dict[str, Any], calendars: dict[str, Any], levels: list[str], cases: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    seen: set[tuple[str, str | None, str | None, str | None]] = set()
    scoped = False
    for n, target in enumerate(plan["targets"]):
        at = f"{where}.targets[{n}]"
        key = (target["metric"], target["priority"], target.get("case"), target.get("from"))  # versions (1.2) differ in "from"
        if key in seen:
            problems.append(f"{at}: a second target for metric {key[0]}, priority {key[1]}, case {key[2]}, from {key[3]}")
        seen.add(key)
        if target.get("case") is not None:
            scoped = True
        elif scoped:
            problems.append(f"{at}: a general target after a target for a kind of case")
        problems += _reference_problems(at, target, calendars, levels, cases)
    for n, cover in enumerate(plan["coverage"]):
        problems += _reference_problems(f"{where}.coverage[{n}]", cover, calendars, levels, cases)
    ids = [ob["id"] for ob in plan["obligations"]]
    if len(set(ids)) != len(ids):
        problems.append(f"{where}.obligations: an id appears twice")
    for ob in plan["obligations"]:
        if ob["calendar"] is not None and ob["calendar"] not in calendars:
            problems.append(f"{where}.obligations.{ob['id']}: unknown calendar '{ob['calendar']}'")
        if ob["after_minutes"] is not None and ob["calendar"] is None:
            problems.append(f"{where}.obligations.{ob['id']}: after_minutes without a calendar")
        if ob.get("every_minutes") is not None and (ob["calendar"] is None or ob["after_minutes"] is not None):
            problems.append(f"{where}.obligations.{ob['id']}: every_minutes without a calendar, or with after_minutes")
        for level in ob.get("priorities") or ():  # format 1.5
            if level not in levels:
                problems.append(f"{where}.obligations.{ob['id']}: unknown priority '{level}'")
    uptime = plan.get("availability")
    if uptime is not None and uptime["credits"] and uptime.get("credits_stated") is False:  # format 1.8
        problems.append(f"{where}.availability: credits given, but credits_stated is false")
    if uptime is not None and uptime.get("calendar") is not None and uptime["calendar"] not in calendars:  # format 1.12
        problems.append(f"{where}.availability: unknown calendar '{uptime['calendar']}'")
    maintenance = plan.get("maintenance")
    if maintenance is not None and maintenance["calendar"] is not None and maintenance["calendar"] not in calendars:
        problems.append(f"{where}.maintenance: unknown calendar '{maintenance['calendar']}'")
    for n, penalty in enumerate(plan.get("penalties") or ()):  # format 1.14: a late obligation's penalty
        at = f"{where}.penalties[{n}]"
        if penalty.get("obligation") is not None and penalty["obligation"] not in ids:
            problems.append(f"{at}: unknown obligation '{penalty['obligation']}'")
        if penalty.get("calendar") is not None and penalty["calendar"] not in calendars:
            problems.append(f"{at}: unknown calendar '{penalty['calendar']}'")
        if penalty.get("obligation") is not None and penalty["clock"] == "business" and penalty.get("calendar") is None:
            problems.append(f"{at}: an obligation's penalty counted in business time without a calendar")
    return problems


def _reference_problems(at: str, item: dict[str, Any], calendars: dict[str, Any], levels: list[str], cases: dict[str, Any]) -> list[str]:
    """A target's or coverage's calendar, priority and case must be the vendor's own."""
    problems = []
    if item.get("calendar") is not None and item["calendar"] not in calendars:
        problems.append(f"{at}: unknown calendar '{item['calendar']}'")
    if item.get("priority") is not None and item["priority"] not in levels:
        problems.append(f"{at}: unknown priority '{item['priority']}'")
    if item.get("case") is not None and item["case"] not in cases:
        problems.append(f"{at}: unknown kind of case '{item['case']}'")
    return problems


# --- what the site publishes with the rules (docs/rules.md §10) -------------------------------------

CONFORMANCE_FILES = {
    "vectors.jsonl": "vectors.jsonl", "vectors-rules.json": "rules.json", "inputs.jsonl": "inputs.jsonl",
    "clock-vectors.jsonl": "clock-vectors.jsonl",  # the ticket clock's (§11.7): a consumer of the site alone tests it too
}
"""Published name in rules/ -> file of tests/conformance (shipped in the package as dsl.rules.conformance)."""


def conformance_files() -> dict[str, bytes]:
    """The conformance vectors (deadlines and the ticket clock), the rules they hold for and the inputs table, by the names
    the site publishes them under."""
    folder: Traversable
    try:
        folder = files("dsl.rules.conformance")  # installed: package data (a namespace package, so a Traversable)
    except ModuleNotFoundError:  # an uninstalled checkout: the source folder
        folder = Path(__file__).resolve().parents[2] / "tests" / "conformance"
    found: dict[str, bytes] = {}
    for published, name in CONFORMANCE_FILES.items():
        try:
            found[published] = (folder / name).read_bytes()
        except OSError as exc:
            raise ExportError(f"cannot read the conformance file {name} of the package: {exc.strerror or exc}") from None
    return found
