"""The shared table of accepted and refused inputs (docs/rules.md §5, "Inputs"): tests/conformance/inputs.jsonl.

Written by hand from the documented grammar, not from either evaluator: each row is a question and
either the deadline it must get or the error words it must get. tests/conformance/generate_inputs.py
writes the file; tests/test_inputs_table.py runs the Python evaluator on it, tests/js/inputs.test.mjs
the JavaScript one. The questions are asked of the rules the conformance vectors use (plans/ plus
tests/conformance/edge-cases.plan, 2026-2028).

Most questions ask conformance-lab/always for P1's first response: 15 minutes on a 24x7 calendar
without a zone, so the deadline is the report plus 15 minutes, in the report's own offset (or in
`tz` when one is given) — the moment's reading shows directly in the answer.
"""

from __future__ import annotations

from typing import Any

FORM = "YYYY-MM-DDTHH:MM[:SS[.ffffff]] with Z or ±HH:MM"
EXAMPLE = "2026-11-23T15:00:00+01:00"

ALWAYS = {"plan": "conformance-lab/always", "priority": "P1"}
"""First response P1: 15 minutes round the clock, no zone of its own."""

# (moment, deadline): accepted report moments and the deadline 15 minutes later in the same offset.
ACCEPTED_MOMENTS = [
    ("2026-11-23T15:00:00+01:00", "2026-11-23T15:15:00+01:00"),
    ("2026-11-23T15:00+01:00", "2026-11-23T15:15:00+01:00"),  # seconds may be left out
    ("2026-11-23T15:00Z", "2026-11-23T15:15:00+00:00"),
    ("2026-11-23T15:00:00Z", "2026-11-23T15:15:00+00:00"),
    ("2026-11-23T15:00:00+00:00", "2026-11-23T15:15:00+00:00"),
    ("2026-11-23T15:00:00-00:00", "2026-11-23T15:15:00+00:00"),  # RFC 3339's "offset unknown": read as UTC
    ("2026-11-23T15:00:00-05:30", "2026-11-23T15:15:00-05:30"),
    ("2026-11-23T15:00:00+23:59", "2026-11-23T15:15:00+23:59"),
    ("2026-11-23T15:00:00.5+01:00", "2026-11-23T15:15:00.500000+01:00"),
    ("2026-11-23T15:00:00.123+01:00", "2026-11-23T15:15:00.123000+01:00"),
    ("2026-11-23T15:00:00.123000+01:00", "2026-11-23T15:15:00.123000+01:00"),
    ("2028-02-29T23:59:59+01:00", "2028-03-01T00:14:59+01:00"),
    ("2026-11-23T00:00:00+01:00", "2026-11-23T00:15:00+01:00"),  # the suggestion for a date alone
]

# Accepted, but finer than a millisecond: JavaScript's Date drops the digits after the third (docs/rules.md §9).
# Fractions of 4 to 6 digits: every evaluator counts to the millisecond and cuts the rest (§5 "Inputs"),
# so the answers are one for all of them, even where the cut decides on which side of a closing time
# a deadline falls. (question fields, deadline or error words)
SUB_MILLISECOND: list[tuple[dict[str, Any], str | None, str | None]] = [
    ({"at": "2026-11-23T15:00:00.123456+01:00"}, "2026-11-23T15:15:00.123000+01:00", None),
    ({"at": "2026-11-23T15:00:00.999999+01:00"}, "2026-11-23T15:15:00.999000+01:00", None),  # cut, not rounded up
    ({"at": "2026-11-23T15:00:00.0009+01:00"}, "2026-11-23T15:15:00+01:00", None),  # nothing left: no fraction written
    # Stratiteq SOS P3, 480 minutes on weekdays 08:00-17:00: counted in microseconds, the deadline would be
    # 17:00:00.0005, after the close, so the next morning; counted to the millisecond it is the close itself.
    ({"plan": "stratiteq/sos", "priority": "P3", "at": "2026-11-24T09:00:00.0005+01:00"}, "2026-11-24T17:00:00+01:00", None),
    ({"plan": "stratiteq/sos", "priority": "P3", "at": "2026-11-24T09:00:00.0015+01:00"}, "2026-11-25T08:00:00.001000+01:00", None),
    # A report 0.9 ms before the span starts stays outside it; the words show the moment as counted.
    (
        {"at": "2025-12-31T23:59:59.9999+00:00"},
        None,
        "the moment 2025-12-31T23:59:59.999000+00:00 lies outside the years the rules cover (2026–2028)",
    ),
]

REFUSED_MOMENTS = [
    "2026-11-23 15:00:00+01:00",  # a space for T
    "2026-11-23t15:00:00+01:00",  # lowercase t
    "2026-11-23T15:00:00z",  # lowercase z
    "2026-11-23T15:00:00+0100",  # offset without its colon
    "2026-11-23T15:00:00+01",  # offset hours alone
    "2026-11-23T15:00:00-04",
    "2026-11-23T15:00:00+01:00:00",  # offset seconds
    "2026-W48-1T15:00:00+01:00",  # week date
    "2026-327T15:00:00+01:00",  # ordinal date
    "20261123T150000+0100",  # basic format
    "2026-11-23T15:00:00.123456789+01:00",  # more than six fraction digits
    "2026-11-23T15:00:00,5+01:00",  # decimal comma
    "2026-11-23T15+01:00",  # hours alone
    " 2026-11-23T15:00:00+01:00",  # surrounding white space
    "2026-11-23T15:00:00+01:00 ",
    "2026-11-23T15:00:00+01:00\n",
    "2026-02-29T10:00:00+01:00",  # not a leap year
    "2026-11-31T10:00:00+01:00",
    "2026-11-23T24:00:00+01:00",
    "2026-11-23T15:60:00+01:00",
    "2026-11-23T15:00:60+01:00",  # leap seconds are not accepted
    "2026-11-23T15:00:00+24:00",
    "2026-11-23T15:00:00+01:60",
    "0000-01-01T00:00:00Z",
    "２０２６-11-23T15:00:00+01:00",  # digits other than ASCII
    "tomorrow",
    "",
    "2026-02-30",  # a date alone that is no date
    "2026-11-23T15:00:00+01:00[Europe/Stockholm]",
]

NO_TIME_OF_DAY = ["2026-11-23"]
NO_OFFSET = ["2026-11-23T15:00", "2026-11-23T15:00:00", "2026-11-23T15:00:00.5"]

# (tz, deadline): the report 2026-11-23T15:00:00+01:00 plus 15 minutes, shown in tz.
ACCEPTED_ZONES = [
    ("Europe/Stockholm", "2026-11-23T15:15:00+01:00"),
    ("America/New_York", "2026-11-23T09:15:00-05:00"),
    ("US/Eastern", "2026-11-23T09:15:00-05:00"),  # a backward link
    ("EST5EDT", "2026-11-23T09:15:00-05:00"),
    ("Asia/Kolkata", "2026-11-23T19:45:00+05:30"),
    ("Asia/Calcutta", "2026-11-23T19:45:00+05:30"),  # a backward link
    ("Europe/Kyiv", "2026-11-23T16:15:00+02:00"),
    ("Europe/Kiev", "2026-11-23T16:15:00+02:00"),  # a backward link
    ("UTC", "2026-11-23T14:15:00+00:00"),
    ("Etc/UTC", "2026-11-23T14:15:00+00:00"),
    ("GMT", "2026-11-23T14:15:00+00:00"),
    ("Etc/GMT-1", "2026-11-23T15:15:00+01:00"),  # POSIX sign: GMT-1 is one hour ahead
    ("Japan", "2026-11-23T23:15:00+09:00"),
    ("", "2026-11-23T15:15:00+01:00"),  # empty: no zone given, so the report's own offset
]

# (tz, the end of the error): refused zone names.
REFUSED_ZONES = [
    ("europe/stockholm", "; did you mean 'Europe/Stockholm'?"),  # names are case-sensitive
    ("EUROPE/STOCKHOLM", "; did you mean 'Europe/Stockholm'?"),
    ("utc", "; did you mean 'UTC'?"),
    ("right/Europe/Stockholm", "; did you mean 'Europe/Stockholm'?"),  # leap-second files, not a zone
    ("posix/Europe/Stockholm", "; did you mean 'Europe/Stockholm'?"),
    ("localtime", "; use an IANA name such as Europe/Stockholm"),
    ("Factory", "; use an IANA name such as Europe/Stockholm"),
    ("posixrules", "; use an IANA name such as Europe/Stockholm"),
    ("Europe", "; use an IANA name such as Europe/Stockholm"),  # a folder of zones
    ("Europe/Stokholm", "; use an IANA name such as Europe/Stockholm"),
    (" Europe/Stockholm", "; use an IANA name such as Europe/Stockholm"),
    ("Europe/Stockholm/", "; use an IANA name such as Europe/Stockholm"),
    ("+01:00", "; use an IANA name such as Europe/Stockholm"),
]

GOOD = "2026-11-23T15:00:00+01:00"
NEEDS_TZ = "calendar 'lab-customer' runs in the customer's own time zone; give the zone (--tz, or \"tz\" in a batch line), such as Europe/Stockholm"
NEEDS_COUNTRY = (
    "calendar 'lab-customer-holidays' closes on the customer's public holidays; give the customer's country "
    '(--country, or "country" in a batch line), one of: AU, PL, SE, US'
)


def bad_moment(text: str) -> str:
    """The words for a text that is not of the accepted form (docs/rules.md §7)."""
    return f"'{text}' is not a date and time of the form {FORM}, such as {EXAMPLE}"


def _question(**fields: Any) -> dict[str, Any]:
    base = {"plan": None, "priority": None, "at": GOOD, "tz": None, "metric": None, "case": None, "country": None}
    return {**base, **ALWAYS, **fields}


def rows() -> list[dict[str, Any]]:
    """Every row of inputs.jsonl, in order."""
    out: list[dict[str, Any]] = []
    for at, due in ACCEPTED_MOMENTS:
        out.append({"question": _question(at=at), "due": due, "why": "an accepted form of moment"})
    for fields, due, error in SUB_MILLISECOND:
        why = "a fraction finer than a millisecond: every evaluator cuts it"
        if error is None:
            out.append({"question": _question(**fields), "due": due, "why": why})
        else:
            out.append({"question": _question(**fields), "error": error, "field": "at", "why": why})
    for at in REFUSED_MOMENTS:
        out.append({"question": _question(at=at), "error": bad_moment(at), "field": "at", "why": "not the accepted form"})
    for at in NO_TIME_OF_DAY:
        words = f"the moment '{at}' has no time of day; give one with its UTC offset, such as {at}T00:00:00+01:00"
        out.append({"question": _question(at=at), "error": words, "field": "at", "why": "a date alone"})
    for at in NO_OFFSET:
        words = f"the time '{at}' has no UTC offset; add one, such as {at}+01:00 or {at}Z"
        out.append({"question": _question(at=at), "error": words, "field": "at", "why": "no offset: the moment would be ambiguous"})
    for at in NO_OFFSET:  # the hints suggest only what is accepted
        for suggested, offset in ((at + "+01:00", "+01:00"), (at + "Z", "+00:00")):
            base = at if len(at) > 16 else at + ":00"
            whole, _, fraction = base.partition(".")
            due = f"{whole[:14]}15{whole[16:]}" + (f".{fraction.ljust(6, '0')}" if fraction else "") + offset
            out.append({"question": _question(at=suggested), "due": due, "why": "the suggestion of a refused moment"})
    for tz, due in ACCEPTED_ZONES:
        out.append({"question": _question(tz=tz), "due": due, "why": "an accepted zone name"})
    for tz, hint in REFUSED_ZONES:
        out.append(
            {"question": _question(tz=tz), "error": f"unknown time zone '{tz}' (the customer's zone){hint}", "field": "tz", "why": "not a zone name"}
        )
    out += _long_rows()
    out += _quoted_rows()
    out += _order_rows()
    return out


def _quoted_rows() -> list[dict[str, Any]]:
    """A quoted name is written as given between single quotes, never escaped (docs/rules.md §7)."""
    rows = []
    for plan in ("it's", "a\\b", "tab\there"):
        rows.append(
            {
                "question": _question(plan=plan),
                "error": f"name the plan as VENDOR/PLAN, such as stratiteq/sos, not '{plan}'",
                "field": "plan",
                "why": "a plan not written VENDOR/PLAN, quoted as given: an apostrophe, a backslash, a tab",
            }
        )
    return rows


def _long_rows() -> list[dict[str, Any]]:
    """A quoted text longer than 100 characters is cut to 100, then "…" (docs/rules.md §7)."""
    at, tz = "2026-11-23T15:00:00+01:00" * 6, "Europe/" * 20
    return [
        {"question": _question(at=at), "error": bad_moment(at[:100] + "…"), "field": "at", "why": "a long moment, cut in the error"},
        {
            "question": _question(tz=tz),
            "error": f"unknown time zone '{tz[:100]}…' (the customer's zone); use an IANA name such as Europe/Stockholm",
            "field": "tz",
            "why": "a long zone name, cut in the error",
        },
        {
            "question": _question(plan="conformance-lab/local", tz="Europe/Stockholm", country="SE" * 60),
            "error": "calendar 'lab-customer-holidays' closes on the customer's public holidays, and the rules carry them only for "
            f"AU, PL, SE, US, not for '{'SE' * 50}…'",
            "field": None,
            "why": "a long country, cut in the error (both evaluators once quoted it whole)",
        },
    ]


def _order_rows() -> list[dict[str, Any]]:
    """Questions with more than one fault get the error of the first check in the order of docs/rules.md §5."""
    return [
        {
            "question": _question(plan="nobody/x", at="tomorrow", tz="utc", metric="uptime"),
            "error": bad_moment("tomorrow"),
            "field": "at",
            "why": "the moment is checked first",
        },
        {
            "question": _question(plan="nobody/x", tz="utc", metric="reslution"),
            "error": "unknown time zone 'utc' (the customer's zone); did you mean 'UTC'?",
            "field": "tz",
            "why": "then the zone name, used or not",
        },
        {
            "question": _question(plan="stratiteq/sos", priority="P3", tz="Europe"),
            "error": "unknown time zone 'Europe' (the customer's zone); use an IANA name such as Europe/Stockholm",
            "field": "tz",
            "why": "a tz the calendar does not need must still be a zone",
        },
        {
            "question": _question(plan="nobody/x", metric="reslution"),
            "error": "unknown metric 'reslution'; did you mean 'resolution'?",
            "field": "metric",
            "why": "then the metric",
        },
        {
            "question": _question(plan="stratiteq/sso", priority="P9"),
            "error": "vendor 'stratiteq' has no plan 'sso'; did you mean 'sos'?",
            "field": "plan",
            "why": "then the plan",
        },
        {
            "question": _question(plan="stratiteq/sos", priority="p3", case="x"),
            "error": "vendor 'stratiteq' has no priority 'p3'; did you mean 'P3'?",
            "field": "priority",
            "why": "then the priority",
        },
        {
            "question": _question(plan="conformance-lab/always", priority="P9", case="x"),
            "error": "vendor 'conformance-lab' has no priority 'P9'; known: P1, P2, P3, P4",
            "field": "priority",
            "why": "the priority before the kind of case",
        },
        {
            "question": _question(case="escalatd", at="2031-01-01T00:00:00+01:00"),
            "error": "vendor 'conformance-lab' has no kind of case 'escalatd'; did you mean 'escalated'?",
            "field": "case",
            "why": "the kind of case before the span",
        },
        {
            "question": _question(plan="conformance-lab/customer", at="2031-01-01T00:00:00+01:00"),
            "error": NEEDS_TZ,
            "field": "tz",
            "why": "the zone a calendar needs before the span",
        },
        {
            "question": _question(at="2031-01-01T00:00:00+01:00"),
            "error": "the moment 2031-01-01T00:00:00+01:00 lies outside the years the rules cover (2026–2028)",
            "field": "at",
            "why": "the span last",
        },
        # Empty texts in the optional fields mean "not given", alike in every field.
        {
            "question": _question(priority=""),
            "due": "2026-11-23T19:00:00+01:00",
            "why": "empty priority: none given (the target for all priorities, 4h)",
        },
        {"question": _question(metric=""), "due": "2026-11-23T15:15:00+01:00", "why": "empty metric: none given (first response)"},
        {"question": _question(case=""), "due": "2026-11-23T15:15:00+01:00", "why": "empty case: the general case"},
        {"question": _question(country=""), "due": "2026-11-23T15:15:00+01:00", "why": "empty country: none given"},
        {
            "question": _question(plan="conformance-lab/customer", tz=""),
            "error": NEEDS_TZ,
            "field": "tz",
            "why": "empty tz: none given",
        },
        {
            "question": _question(plan="conformance-lab/local", priority="", tz="Europe/Stockholm", metric="registration", country=""),
            "error": NEEDS_COUNTRY,
            "field": None,
            "why": "empty country: none given",
        },
    ]
