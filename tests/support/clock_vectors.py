"""The ticket-clock conformance vectors: tests/conformance/clock-vectors.jsonl (docs/rules.md §11).

Written by python3 tests/conformance/generate.py together with vectors.jsonl. Each line is a ticket
(the fields of a `clock --batch` line) with the oracle's answer: tickets with pauses (over holidays,
DST changes and weekends, still open at `now`, repeated), priority changes both ways, status updates
that restart the interval, obligations timed from the first response, business-day targets, custom
warnings, and random tickets over several plans; plus tickets that must be refused. The answers come
from tests/support/oracle.py's `ticket`, which walks minute by minute through the model.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from dsl.language.model import Project
from support import oracle
from support.rules_vectors import HERE, ROOT, YEARS, load

CLOCK_VECTORS = HERE / "clock-vectors.jsonl"
SEED = 20261128
STOCKHOLM = ZoneInfo("Europe/Stockholm")

Event = tuple[str, str, str | None]


def _t(text: str) -> str:
    return datetime.fromisoformat(text).isoformat()


def _ev(kind: str, at: str, extra: str | None = None) -> Event:
    return (kind, _t(at), extra)


def chosen() -> list[tuple[oracle.Ticket, str]]:
    """Tickets picked for one rule each."""
    T = oracle.Ticket
    sos = "stratiteq/sos"
    return [
        (T(sos, "P3", "2026-11-23T15:00:00+01:00", "2026-11-24T10:00:00+01:00",
           (_ev("pause", "2026-11-23T16:00:00+01:00"), _ev("resume", "2026-11-24T09:00:00+01:00"), _ev("responded", "2026-11-24T09:30:00+01:00"))),
         "seed example with a pause overnight: the deadline moves by the open time paused"),
        (T(sos, "P2", "2026-12-23T15:00:00+01:00", "2026-12-28T09:00:00+01:00",
           (_ev("pause", "2026-12-24T09:00:00+01:00"), _ev("resume", "2026-12-24T13:00:00+01:00"))),
         "a pause on the eve of Christmas: holidays and eve hours still count only when open"),
        (T(sos, "P3", "2026-11-23T09:00:00+01:00", "2026-11-23T13:00:00+01:00", (_ev("priority", "2026-11-23T12:00:00+01:00", "P1"),)),
         "priority raised mid-ticket: the new target from the report, elapsed kept: breached at once"),
        (T(sos, "P1", "2026-11-23T09:00:00+01:00", "2026-11-23T13:00:00+01:00", (_ev("priority", "2026-11-23T10:30:00+01:00", "P3"),)),
         "priority lowered mid-ticket: the longer target from the report"),
        (T(sos, "P1", "2026-11-23T09:00:00+01:00", "2026-11-23T13:00:00+01:00",
           (_ev("responded", "2026-11-23T10:30:00+01:00"), _ev("priority", "2026-11-23T11:00:00+01:00", "P3"))),
         "priority changed after the response: the met metric keeps the target in force when it was met"),
        (T(sos, "P2", "2026-11-23T09:00:00+01:00", "2026-11-23T15:00:00+01:00",
           (_ev("pause", "2026-11-23T10:00:00+01:00"),)),
         "paused at now: the deadline as if the clock resumed now"),
        (T(sos, "P2", "2026-11-23T09:00:00+01:00", "2026-11-23T15:00:00+01:00",
           (_ev("pause", "2026-11-23T10:00:00+01:00"), _ev("pause", "2026-11-23T11:00:00+01:00"),
            _ev("resume", "2026-11-23T12:00:00+01:00"), _ev("resume", "2026-11-23T12:30:00+01:00"))),
         "a pause while paused and a resume while running change nothing"),
        (T(sos, "P2", "2026-11-23T09:00:00+01:00", "2026-11-23T15:00:00+01:00", (_ev("resolved", "2026-11-23T11:00:00+01:00"),)),
         "resolved before the first response: the resolution also meets the response"),
        (T(sos, "P2", "2026-11-23T09:00:00+01:00", "2026-11-23T12:00:00+01:00",
           (_ev("responded", "2026-11-23T09:30:00+01:00"), _ev("obligation", "2026-11-23T11:00:00+01:00", "call-customer"))),
         "an obligation after 4 working hours counts from the first response; met by its event"),
        (T(sos, "P2", "2026-11-23T09:00:00+01:00", "2026-11-25T12:00:00+01:00",
           (_ev("responded", "2026-11-23T09:30:00+01:00"), _ev("pause", "2026-11-23T10:00:00+01:00"), _ev("resume", "2026-11-24T10:00:00+01:00"))),
         "an obligation paused with the ticket, breached at now"),
        # docs/rules.md §11.2: a pause still running at a clock's stop counts up to the stop only.
        (T(sos, "P2", "2026-11-23T09:00:00+01:00", "2026-11-23T16:00:00+01:00",
           (_ev("pause", "2026-11-23T10:00:00+01:00"), _ev("responded", "2026-11-23T12:00:00+01:00"), _ev("resume", "2026-11-23T15:00:00+01:00"))),
         "a first response while paused: the pause counts up to the response, not to the resume"),
        # docs/rules.md §11.4: the obligation's own event before the first response stops it.
        (T(sos, "P2", "2026-11-23T09:00:00+01:00", "2026-11-23T12:00:00+01:00",
           (_ev("obligation", "2026-11-23T09:10:00+01:00", "call-customer"), _ev("responded", "2026-11-23T09:30:00+01:00"))),
         "an obligation done before the first response: met from the response on, with nothing counted"),
        (T(sos, "P2", "2026-11-23T09:00:00+01:00", "2026-11-23T10:00:00+01:00", (), warnings=(10, 90, 25)),
         "custom warnings, sorted"),
        (T(sos, "P2", "2026-11-23T09:00:00+01:00", "2026-11-23T10:00:00+01:00", (), warnings=()),
         "no warnings asked for"),
        # Format 1.9: a cut-off moves where the clock starts; open time before it is not counted.
        (T("conformance-lab/cutoff", "P1", "2026-11-23T16:00:00+01:00", "2026-11-24T10:00:00+01:00", ()),
         "a cut-off: reported after 15:00, the 4 hours on site run from the next business day's opening"),
        (T("conformance-lab/cutoff", "P1", "2026-11-23T14:00:00+01:00", "2026-11-24T10:00:00+01:00", ()),
         "a cut-off: reported before 15:00, the clock starts at the report"),
        (T("conformance-lab/cutoff", "P2", "2026-11-27T15:30:00+01:00", "2026-11-30T12:00:00+01:00",
           (_ev("pause", "2026-11-28T10:30:00+01:00"), _ev("resume", "2026-11-28T11:00:00+01:00"))),
         "a cut-off on Friday: next business day by its end counts from Saturday's opening, with a pause on Saturday"),
        (T("conformance-lab/cutoff", "P1", "2026-11-23T16:00:00+01:00", "2026-11-24T10:00:00+01:00",
           (_ev("responded", "2026-11-23T16:30:00+01:00"), _ev("on-site", "2026-11-23T16:45:00+01:00"))),
         "a cut-off: on site before the clock started is met, with nothing elapsed"),
        (T("conformance-lab/days", "P1", "2026-11-23T09:00:00+01:00", "2026-11-30T09:00:00+01:00",
           (_ev("updated", "2026-11-24T10:00:00+01:00"), _ev("updated", "2026-11-27T10:00:00+01:00"))),
         "status updates restart the interval; a late update counts as missed"),
        (T("conformance-lab/office", "P3", "2026-11-23T09:00:00+01:00", "2026-11-24T12:00:00+01:00",
           (_ev("updated", "2026-11-23T15:00:00+01:00"), _ev("priority", "2026-11-23T16:00:00+01:00", "P1"),
            _ev("updated", "2026-11-24T11:00:00+01:00"))),
         "status updates stated for P1 only: the intervals as P3 count for nothing; after the escalation they are measured"),
        (T("conformance-lab/days", "P1", "2026-11-23T09:00:00+01:00", "2026-11-30T09:00:00+01:00",
           (_ev("updated", "2026-11-24T10:00:00+01:00"), _ev("resolved", "2026-11-25T10:00:00+01:00"),
            _ev("updated", "2026-11-27T10:00:00+01:00"))),
         "an update after the resolution is ignored"),
        (T("conformance-lab/days", "P2", "2026-11-23T15:00:00+01:00", "2026-11-26T15:00:00+01:00",
           (_ev("pause", "2026-11-24T08:00:00+01:00"), _ev("resume", "2026-11-24T12:00:00+01:00"))),
         "business days with a pause: the open time to the business-day deadline, shifted"),
        (T("conformance-lab/night", "P3", "2026-03-28T23:00:00+01:00", "2026-03-29T06:00:00+02:00",
           (_ev("pause", "2026-03-29T01:00:00+01:00"), _ev("resume", "2026-03-29T03:15:00+02:00"))),
         "a pause across the spring DST change on night hours"),
        (T("conformance-lab/night", "P3", "2026-10-24T23:00:00+02:00", "2026-10-25T06:00:00+01:00",
           (_ev("pause", "2026-10-25T02:10:00+02:00"), _ev("resume", "2026-10-25T02:20:00+01:00"))),
         "a pause across the autumn DST change, inside the repeated hour"),
        (T("conformance-lab/always", "P2", "2026-03-28T22:00:00+01:00", "2026-03-29T06:00:00+02:00",
           (_ev("pause", "2026-03-29T01:00:00+01:00"), _ev("resume", "2026-03-29T04:00:00+02:00"))),
         "24x7 without a zone across a DST change: real elapsed time, in the report's offset"),
        (T("conformance-lab/cis", "P2", "2026-03-06T20:00:00-05:00", "2026-03-10T10:00:00-04:00",
           (_ev("pause", "2026-03-08T23:30:00-04:00"), _ev("resume", "2026-03-09T01:00:00-04:00"))),
         "24x5 in New York over its DST weekend with a pause"),
        (T("conformance-lab/customer", "P2", "2026-11-23T15:00:00+01:00", "2026-11-24T15:00:00+01:00",
           (_ev("pause", "2026-11-23T16:00:00+01:00"), _ev("resume", "2026-11-23T17:00:00+01:00")), tz="America/New_York"),
         "a customer-zone calendar with a pause"),
        (T("conformance-lab/office", "P2", "2027-06-30T16:00:00+02:00", "2027-07-01T12:00:00+02:00",
           (_ev("priority", "2027-07-01T09:00:00+02:00", "P1"),)),
         "a version boundary: raised to P1 after 1 July, the ticket keeps the terms in force at its report"),
        (T("conformance-lab/office", "P2", "2027-07-01T08:00:00+02:00", "2027-07-01T12:00:00+02:00",
           (_ev("priority", "2027-07-01T08:30:00+02:00", "P1"), _ev("pause", "2027-07-01T08:40:00+02:00"),
            _ev("resume", "2027-07-01T09:10:00+02:00"))),
         "a version boundary: reported on 1 July, P1 gets the new version's hour, with a pause"),
        # Format 1.5: obligations for some priorities only (conformance-lab/office: call-p1 for P1, rca for P1
        # and P2, call-all for every priority), by the priority in force at the obligation's stop or at now.
        (T("conformance-lab/office", "P3", "2026-11-23T09:00:00+01:00", "2026-11-23T15:00:00+01:00",
           (_ev("responded", "2026-11-23T09:30:00+01:00"),)),
         "a P3 ticket: only the obligation for every priority is followed"),
        (T("conformance-lab/office", "P2", "2026-11-23T09:00:00+01:00", "2026-11-23T15:00:00+01:00",
           (_ev("responded", "2026-11-23T09:30:00+01:00"),)),
         "a P2 ticket: the obligation for P1 and P2 is followed, the one for P1 is not"),
        (T("conformance-lab/office", "P2", "2026-11-23T09:00:00+01:00", "2026-11-23T10:00:00+01:00"),
         "a P2 ticket before the first response: its obligations wait, the one for P1 is not listed"),
        (T("conformance-lab/office", "P2", "2026-11-23T09:00:00+01:00", "2026-11-23T15:00:00+01:00",
           (_ev("responded", "2026-11-23T09:30:00+01:00"), _ev("priority", "2026-11-23T13:00:00+01:00", "P1"))),
         "raised to P1 after the response: the obligation for P1 is followed, counted from the first response"),
        (T("conformance-lab/office", "P1", "2026-11-23T09:00:00+01:00", "2026-11-23T15:00:00+01:00",
           (_ev("responded", "2026-11-23T09:30:00+01:00"), _ev("obligation", "2026-11-23T11:00:00+01:00", "call-p1"),
            _ev("priority", "2026-11-23T12:00:00+01:00", "P3"))),
         "met as P1, then lowered to P3: the obligation met keeps the priority of its stop; the one for P1 and P2 is dropped"),
        (T("conformance-lab/office", "P1", "2026-11-23T09:00:00+01:00", "2026-11-23T15:00:00+01:00",
           (_ev("responded", "2026-11-23T09:30:00+01:00"), _ev("priority", "2026-11-23T10:00:00+01:00", "P3"),
            _ev("obligation", "2026-11-23T11:00:00+01:00", "call-p1"))),
         "lowered to P3 before the obligation for P1 was met: it is not followed, and its event is still accepted"),
        (T("conformance-lab/office", "P1", "2026-11-23T09:00:00+01:00", "2026-11-24T15:00:00+01:00",
           (_ev("responded", "2026-11-23T09:30:00+01:00"), _ev("resolved", "2026-11-23T16:00:00+01:00"),
            _ev("priority", "2026-11-24T09:00:00+01:00", "P3"))),
         "resolved as P1, lowered later: the obligations stopped at the resolution keep P1"),
        # Format 1.5, `every`: status-call every 2 h of work (office hours) for P1 and P2, restarted by each of its events.
        (T("conformance-lab/office", "P2", "2026-11-23T09:00:00+01:00", "2026-11-24T12:00:00+01:00",
           (_ev("responded", "2026-11-23T09:30:00+01:00"), _ev("obligation", "2026-11-23T11:00:00+01:00", "status-call"),
            _ev("obligation", "2026-11-23T14:00:00+01:00", "status-call"), _ev("pause", "2026-11-23T15:00:00+01:00"),
            _ev("resume", "2026-11-23T16:30:00+01:00"), _ev("obligation", "2026-11-24T09:00:00+01:00", "status-call"))),
         "a recurring obligation: each call restarts it, a late call counts as missed, a pause moves it"),
        (T("conformance-lab/office", "P1", "2026-11-23T09:00:00+01:00", "2026-11-23T17:00:00+01:00",
           (_ev("responded", "2026-11-23T09:30:00+01:00"), _ev("obligation", "2026-11-23T10:30:00+01:00", "status-call"),
            _ev("resolved", "2026-11-23T12:00:00+01:00"), _ev("obligation", "2026-11-23T13:00:00+01:00", "status-call"))),
         "a recurring obligation stops at the resolution; a call after it is ignored"),
        (T("conformance-lab/office", "P3", "2026-11-23T09:00:00+01:00", "2026-11-23T17:00:00+01:00",
           (_ev("responded", "2026-11-23T09:30:00+01:00"), _ev("priority", "2026-11-23T12:00:00+01:00", "P2"))),
         "a recurring obligation for P1 and P2 on a ticket raised from P3: counted from the first response"),
        # Format 1.6: a technician on site (conformance-lab/field: P1 4 office hours, P2 by the end of the next
        # business day, P3 2 business days, P4 16 h in the customer's zone), met by the event `on-site`.
        (T("conformance-lab/field", "P1", "2026-11-23T15:00:00+01:00", "2026-11-24T12:00:00+01:00",
           (_ev("responded", "2026-11-23T15:20:00+01:00"), _ev("on-site", "2026-11-24T09:30:00+01:00"))),
         "on site the next morning within 4 office hours: met"),
        (T("conformance-lab/field", "P1", "2026-12-23T13:00:00+01:00", "2026-12-28T12:00:00+01:00",
           (_ev("pause", "2026-12-23T14:00:00+01:00"), _ev("resume", "2026-12-23T15:00:00+01:00"))),
         "on site over Christmas, paused: no technician by now, breached"),
        (T("conformance-lab/field", "P2", "2026-11-24T16:00:00+01:00", "2026-11-25T18:00:00+01:00",
           (_ev("resolved", "2026-11-25T10:00:00+01:00"),)),
         "next business day on site, resolved remotely first: the resolution meets it"),
        (T("conformance-lab/field", "P2", "2026-11-27T16:00:00+01:00", "2026-11-30T09:00:00+01:00"),
         "next business day on site from a Friday: the Saturday's hours make it a business day"),
        (T("conformance-lab/field", "P3", "2026-11-23T10:00:00+01:00", "2026-11-24T10:00:00+01:00",
           (_ev("priority", "2026-11-23T12:00:00+01:00", "P1"),)),
         "raised to P1 before a technician came: the 4 hours from the report, breached"),
        (T("conformance-lab/field", "P4", "2026-11-23T15:00:00+01:00", "2026-11-24T15:00:00+01:00",
           (_ev("on-site", "2026-11-24T14:00:00+01:00"), _ev("on-site", "2026-11-24T14:30:00+01:00")), tz="America/New_York"),
         "on site in the customer's zone; only the first on-site event counts"),
        # Format 1.7: an obligation on a calendar closed on the customer's holidays (conformance-lab/callback: 2 h of
        # work on lab-customer-holidays) is "none" without a country the rules carry, as a metric is; never a refusal.
        *[(T("conformance-lab/callback", "P2", "2026-12-24T15:30:00+01:00", now, events, tz="Europe/Stockholm", country=country), why)
          for country, now, events, why in (
              (None, "2026-12-28T08:30:00+01:00", (_ev("responded", "2026-12-24T16:00:00+01:00"),),
               "an obligation on the customer's holidays without a country: none once work starts, the ticket still answered"),
              ("DE", "2026-12-28T08:30:00+01:00", (_ev("responded", "2026-12-24T16:00:00+01:00"),),
               "an obligation on the customer's holidays with a country the rules do not carry: none"),
              ("SE", "2026-12-28T08:30:00+01:00", (_ev("responded", "2026-12-24T16:00:00+01:00"),),
               "an obligation on the customer's holidays with a known country: Christmas Day closed, counted over it"),
              (None, "2026-12-24T15:50:00+01:00", (),
               "an obligation on the customer's holidays without a country, before the first response: waiting"),
          )],
        (T("conformance-lab/callback", "P2", "2026-12-24T15:30:00+01:00", "2026-12-28T08:30:00+01:00",
           (_ev("responded", "2026-12-24T16:00:00+01:00"),), country="SE"),
         "an obligation in the customer's zone without tz: none, the ticket still answered"),
        (T("conformance-lab/callback", "P2", "2026-12-24T15:30:00+01:00", "2026-12-24T15:50:00+01:00", (), country="SE"),
         "an obligation in the customer's zone without tz, before the first response: waiting"),
        # A stopped clock keeps the deadline it had at its stop: a pause after the first response (waiting on the
        # customer for the resolution) moves the resolution's deadline, not the met first response's.
        (T("conformance-lab/office", "P3", "2026-11-23T09:00:00+01:00", "2026-11-24T12:00:00+01:00",
           (_ev("responded", "2026-11-23T10:00:00+01:00"), _ev("pause", "2026-11-23T11:00:00+01:00"),
            _ev("resume", "2026-11-23T13:00:00+01:00"))),
         "pauses after a clock stopped do not move its deadline: the first response met at 10:00 stays due Tuesday 09:00, "
         "the resolution moves by the 2 hours paused"),
        # Read after the last year (docs/rules.md §11.2): open time is counted inside the span only, 24x7 included.
        (T(sos, "P3", "2028-12-29T09:00:00+01:00", "2029-01-02T12:00:00+01:00"),
         "read after the last year: the breached first response counts its open time up to the span's end, not 2 January's"),
        (T("conformance-lab/always", "P2", "2028-12-27T18:00:00Z", "2029-01-01T03:00:00Z"),
         "read after the last year on a 24x7 clock: elapsed time stops at midnight UTC, the span's end"),
    ]


REFUSED: list[tuple[oracle.Ticket, str]] = [
    (oracle.Ticket("stratiteq/sos", "P2", "2026-11-23T09:00:00+01:00", "2026-11-23T08:00:00+01:00"), "now before the report"),
    (oracle.Ticket("stratiteq/sos", "P2", "2026-11-23T09:00:00+01:00", "2026-11-23T12:00:00+01:00",
                   (_ev("pause", "2026-11-23T08:00:00+01:00"),)), "an event before the report"),
    (oracle.Ticket("stratiteq/sos", "P2", "2026-11-23T09:00:00+01:00", "2026-11-23T12:00:00+01:00",
                   (_ev("resume", "2026-11-23T11:00:00+01:00"), _ev("pause", "2026-11-23T10:00:00+01:00"))), "events out of time order"),
    (oracle.Ticket("conformance-lab/cis", "P3", "2028-12-29T10:00:00-05:00", "2028-12-29T11:00:00-05:00"), "a ticket clock beyond the years"),
]


PLANS: list[tuple[str, str | None, str | None]] = [
    ("stratiteq/sos", "P1", None), ("stratiteq/sos", "P2", None), ("stratiteq/sos", "P3", None),
    ("conformance-lab/office", "P1", None), ("conformance-lab/office", "P2", None),
    ("conformance-lab/night", "P3", None), ("conformance-lab/cis", "P1", None), ("conformance-lab/cis", "P3", None),
    ("conformance-lab/always", "P2", None), ("conformance-lab/days", "P1", None), ("conformance-lab/days", "P2", None),
    ("conformance-lab/customer", "P3", "Asia/Tokyo"), ("conformance-lab/southern", "P1", None),
]


def randomized(project: Project, count: int = 80) -> list[tuple[oracle.Ticket, str]]:
    """Random tickets: up to three pauses, maybe a priority change, a response, updates, a resolution."""
    rng = random.Random(SEED)
    found = []
    start = datetime(2026, 1, 1, tzinfo=STOCKHOLM)
    for k in range(count):
        plan, priority, tz = rng.choice(PLANS)
        levels = oracle_levels(project, plan)
        report = start + timedelta(minutes=rng.randrange(700 * 1440))
        moments = sorted(report + timedelta(minutes=rng.randrange(1, 6 * 1440)) for _ in range(rng.randrange(0, 9)))
        events: list[Event] = []
        paused = False
        for moment in moments:
            roll = rng.random()
            if roll < 0.55:
                kind = "resume" if paused else "pause"
                paused = not paused
                events.append((kind, moment.isoformat(), None))
            elif roll < 0.7 and levels:
                events.append(("priority", moment.isoformat(), rng.choice(levels)))
            else:
                events.append((rng.choice(["responded", "updated", "resolved", "registered"]), moment.isoformat(), None))
        now = report + timedelta(minutes=rng.randrange(1, 8 * 1440))
        found.append((oracle.Ticket(plan, priority, report.isoformat(), now.isoformat(), tuple(events), tz), f"random ticket {k}"))
    return found


def oracle_levels(project: Project, plan: str) -> list[str]:
    """The priority ids of a plan's vendor."""
    vendor = project.vendor(plan.split("/")[0])
    return [lv.id for lv in vendor.priorities.levels] if vendor and vendor.priorities else []


def line_of(q: oracle.Ticket) -> dict:
    """The ticket as a `clock --batch` line."""
    line: dict = {"plan": q.plan, "priority": q.priority, "at": q.at, "now": q.now}
    events = []
    for kind, at, extra in q.events:
        event = {"type": kind, "at": at}
        if kind == "priority":
            event["priority"] = extra
        elif kind == "obligation":
            event["obligation"] = extra
        events.append(event)
    line["events"] = events
    for key in ("tz", "case", "country"):
        if getattr(q, key) is not None:
            line[key] = getattr(q, key)
    if q.warnings is not None:
        line["warnings"] = list(q.warnings)
    return line


def ticket_of(line: dict) -> oracle.Ticket:
    """A vector's ticket back as the oracle's question."""
    events = tuple((e["type"], e["at"], e.get("priority") or e.get("obligation")) for e in line["events"])
    warnings = tuple(line["warnings"]) if "warnings" in line else None
    return oracle.Ticket(line["plan"], line["priority"], line["at"], line["now"], events, line.get("tz"), line.get("case"),
                         line.get("country"), warnings)


def vector(project: Project, q: oracle.Ticket, why: str) -> dict:
    """One line of the clock vector file: the ticket and the oracle's answer (or "error": true)."""
    line = line_of(q)
    try:
        line["answer"] = oracle.ticket(project, YEARS, q)
    except oracle.OracleError:
        line["error"] = True
    line["why"] = why
    return line


def build(project: Project) -> list[tuple[oracle.Ticket, str]]:
    """Every ticket of the file, in order."""
    return chosen() + randomized(project) + REFUSED


def main() -> int:
    """Compute every clock vector with the oracle and write the file."""
    project = load()
    lines = [vector(project, q, why) for q, why in build(project)]
    for (q, why), line in zip(build(project), lines, strict=True):
        if (q, why) in REFUSED and "error" not in line:
            raise SystemExit(f"expected an error for {why}")
    CLOCK_VECTORS.write_text("".join(json.dumps(v, ensure_ascii=False) + "\n" for v in lines), encoding="utf-8")
    print(f"wrote {len(lines)} clock vectors to {CLOCK_VECTORS.relative_to(ROOT)}")
    return 0
