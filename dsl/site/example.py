"""The worked example under a vendor's response times: "Reported on Friday at 16:00? Gold answers by Friday 18:00, ...".

The site acts here as one more consumer of the rule JSON: it exports the vendor's rules (dsl.rules.export) and asks the
deadline engine (dsl.rules.engine) the question a ticketing tool would ask, so the sentence can never say something the
published rules and `tierwise due` do not. Nothing here computes a deadline itself, and nothing here is worded: this
module finds the moment and the deadlines (language-neutral, once per vendor), dsl/site/views.py says them.

The moment is the one the calculator and "who answers first?" start at, a Friday at 16:00, but never the build's
clock, so that two builds give the same bytes: the first Friday of the rules' span (their first year, from the plans'
`horizon`) whose week is ordinary for every clock of the example, that is, no holiday, eve or dated change of hours in
any of their calendars (for any customer country they carry) from the day before the report to the day after the last
deadline, and no change of the clocks to or from summer time in between. Such a week gives the answer of every
ordinary week, so the sentence names no date; when none is found within a year, the first Friday is used and dated.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from dsl.language.model import Project, Vendor
from dsl.language.vocabulary import DEFAULT_METRIC
from dsl.rules.engine import Checked, Evaluator, RuleError, find_target
from dsl.rules.export import ExportError, export_project

REPORT_WEEKDAY = 4
"""Friday (Monday = 0): just before a weekend, where business hours tell tiers apart the most (as the calculator)."""

REPORT_TIME = time(16, 0)
"""The report's wall-clock time, as the calculator's and the comparison's forms start at."""

SEARCH_WEEKS = 53
"""How many Fridays from the first of the span are tried for an ordinary week before the first is used, dated."""

OWN_ZONE = "UTC"
"""The zone the example is computed in when every clock of it runs in the customer's own zone or around the clock without
one: such an example reads the same in every zone (its week has no change of clocks), and UTC never changes its clocks."""


@dataclass(frozen=True)
class Example:
    """A report at a Friday 16:00 and the first-response deadline each tier gives it for the highest priority."""

    priority: str | None  # the highest priority level's id; None for a vendor without priority levels
    zone: str | None  # the zone the moment and the deadlines are told in; None: the customer's own
    report: datetime  # wall-clock time in `zone`, without tzinfo
    deadlines: tuple[tuple[str, datetime], ...]  # (plan id, wall-clock deadline in `zone`), in the vendor's order of tiers
    dated: bool = False  # whether the sentence must name dates: an unusual week, a deadline a week or more away, or versions


def first_friday(year: int) -> date:
    """The first Friday of a year: where the search for an ordinary week starts."""
    start = date(year, 1, 1)
    return start + timedelta(days=(REPORT_WEEKDAY - start.weekday()) % 7)


def worked_example(vendor: Vendor, years: tuple[int, int]) -> Example | None:
    """The example for one vendor over the rules' span `years`; None when no tier gives its highest priority a deadline.

    Kept per vendor object and span: a vendor's page in each language asks for the same example.
    """
    found = _EXAMPLES.get((id(vendor), years))
    if found is not None and found[0] is vendor:
        return found[1]
    try:
        rules = export_project(Project((vendor,)), years)
    except ExportError:
        # The build's own export of the rule files reports it at its place in the plan file; the page goes without.
        return _keep(vendor, years, None)
    return _keep(vendor, years, example_from_rules(rules, vendor.id))


def remember(vendor: Vendor, years: tuple[int, int], rules: Mapping[str, Any]) -> None:
    """Work out the vendor's example from a rule document of it already exported over `years` (a build's own export of
    the vendor's rule file, in any languages: the example reads only ids, calendars and targets), so that its pages
    do not export the rules a second time."""
    _keep(vendor, years, example_from_rules(rules, vendor.id))


def _keep(vendor: Vendor, years: tuple[int, int], example: Example | None) -> Example | None:
    if len(_EXAMPLES) >= _KEPT:
        _EXAMPLES.clear()
    _EXAMPLES[id(vendor), years] = (vendor, example)  # the vendor is kept with it, so that its id cannot be another's meanwhile
    return example


_KEPT = 4096
_EXAMPLES: dict[tuple[int, tuple[int, int]], tuple[Vendor, Example | None]] = {}


def example_from_rules(rules: Mapping[str, Any], vendor_id: str) -> Example | None:
    """The example of one vendor of a rule document (docs/rules.md), from the JSON alone; see the module's docstring."""
    vendor = rules["vendors"][vendor_id]
    levels = (vendor.get("priorities") or {}).get("levels") or []
    priority: str | None = levels[0]["id"] if levels else None
    questions = []  # (plan id, the calendar of its target, a customer country that calendar accepts)
    checked = Checked()  # the document is the caller's, unchanged here: its vendor's part is checked once
    for plan_id, plan in vendor["plans"].items():
        if plan.get("no_support"):
            continue
        try:
            target = find_target(rules, f"{vendor_id}/{plan_id}", priority, DEFAULT_METRIC, checked=checked)
        except RuleError:
            continue  # no guaranteed time, not published, not stated: views.py says which, in the table's words
        calendar = vendor["calendars"][target["calendar"]]
        # The week is free of every carried country's holidays, so any of them gives the same answer.
        country = min(calendar["customer_holidays"]) if calendar.get("customer_holidays") else None
        questions.append((plan_id, target["calendar"], country))
    if not questions:
        return None
    calendars = {cal_id: vendor["calendars"][cal_id] for _, cal_id, _ in questions}
    zones = Counter(zone for _, cal_id, _ in questions if (zone := calendars[cal_id]["zone"]) is not None)
    # The zone most of the example's clocks run in (the first named of the most used); a customer there is assumed
    # for the clocks in the customer's own zone.
    zone = max(zones, key=lambda z: (zones[z], -list(zones).index(z))) if zones else None
    here = ZoneInfo(zone or OWN_ZONE)
    # The search asks about the 53 Fridays from the first of the span, so the engine compiles the first two years'
    # timelines, not the whole span's: only a target longer than ten months could reach past them.
    first_year, last_year = rules["years"]["first"], rules["years"]["last"]
    evaluator = Evaluator({**rules, "years": {**rules["years"], "last": min(last_year, first_year + 1)}})
    versions = any(_has_versions(vendor["plans"][plan_id], priority) for plan_id, _, _ in questions)
    fallback: Example | None = None
    friday = first_friday(first_year)
    for _ in range(SEARCH_WEEKS):
        if friday.year > last_year:
            break
        report = datetime.combine(friday, REPORT_TIME, here)
        deadlines = []
        for plan_id, _, country in questions:
            try:
                due = evaluator.due(f"{vendor_id}/{plan_id}", priority, report, tz=zone or OWN_ZONE, country=country)
            except RuleError:
                continue  # a version not yet in force, a deadline after the span: that tier sits this week out
            deadlines.append((plan_id, due.astimezone(here)))
        if deadlines:
            example = Example(
                priority, zone, report.replace(tzinfo=None), tuple((p, d.replace(tzinfo=None)) for p, d in deadlines), dated=True
            )
            fallback = fallback or example
            last = max(d for _, d in deadlines)
            if len(deadlines) == len(questions) and _ordinary(report, last, calendars.values(), zone):
                far = (last.date() - friday).days >= 7  # "by Friday" would be read as the same Friday
                return Example(example.priority, zone, example.report, example.deadlines, dated=far or versions)
        friday += timedelta(days=7)
    return fallback


def _has_versions(plan: Mapping[str, Any], priority: str | None) -> bool:
    """Whether the plan's first-response targets that may answer the example change on a date (format 1.2 versions)."""
    return any(
        t["metric"] == DEFAULT_METRIC and t.get("case") is None and t["priority"] in (priority, None) and (t.get("from") or t.get("until"))
        for t in plan["targets"]
    )


def _ordinary(report: datetime, last: datetime, calendars: Any, zone: str | None) -> bool:
    """Whether nothing but the weekly hours counts between the report and the last deadline (a day's margin each side,
    for the calendars in other zones): no dated hours, holiday or eve, no customer holiday, no change of the clocks."""
    first_day, last_day = (report.date() - timedelta(days=1)).isoformat(), (last.date() + timedelta(days=1)).isoformat()
    zones = {zone or OWN_ZONE}
    for calendar in calendars:
        if calendar["zone"] is not None:
            zones.add(calendar["zone"])
        days = [*calendar["dates"], *(d for listed in (calendar.get("customer_holidays") or {}).values() for d in listed)]
        if any(first_day <= d <= last_day for d in days):
            return False
    return all(report.astimezone(ZoneInfo(z)).utcoffset() == last.astimezone(ZoneInfo(z)).utcoffset() for z in zones)
