"""A hypothesis strategy for VALID plan files: unusual but legal combinations of everything docs/language.md allows.

fuzz15 added what it drew nowhere: penalties (`penalties`), `hours monthly day N` (with `on working days` or `or the
working day before`), holidays the office works on (`closed holidays … except "…"`) and eves before some holidays only
(`eve … before "…"`). fuzz16 added contact groups (`group`, `contact … in GROUP`) and contacts of one kind told apart
by `as ID`; a plan's own hours of a channel (`channels phone hours CAL answered CAL for P1`) were drawn before.

Used by tests/test_fuzz_outputs.py, which keeps the drawn files that load without errors and builds, exports and
evaluates them. Each draw is a whole file (shared calendars at the top, one vendor), as text, with the questions
to ask its rules. Texts carry what a page must escape or keep whole (<, &, quotes, emoji, right-to-left words,
very long words, Markdown) but never the words the output checks look for ("None", "nan", template markers), so
finding one of those on a page is a finding.
"""

# ruff: noqa: E501  (each plan line is built in one expression, so that it reads as the line it writes)

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import holidays
from hypothesis import strategies as st

from dsl.language import datasets
from dsl.language.checks import holiday_years

HORIZONS = ((2026, 2028), (2026, 2026), (2027, 2028), (2025, 2027))

# Zones whose rules Node's ICU data and Python's tzdata agree on (tests/test_js_evaluator.py's WALL_ZONES and the
# random-calendar generator's), so that a disagreement between the evaluators is theirs, not the tz data's.
ZONES = (
    "Europe/Stockholm", "Europe/London", "Europe/Dublin", "Europe/Rome", "Europe/Warsaw", "Europe/Berlin", "Atlantic/Azores",
    "America/New_York", "America/St_Johns", "America/Havana", "America/Santiago", "America/Sao_Paulo", "Australia/Sydney",
    "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Tokyo",
    "Asia/Jerusalem", "Antarctica/Troll", "UTC",
)
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PHONES = (
    "+46 42-400 39 99", "+39 039 69941", "+1 800-260-2640", "+43 1 997 1234", "+358 9 4155 0000", "+48 81 532 10 00",
    "+44 20 7946 0321", "+34 932 70 15 40", "+49 89 12345678",
)
CURRENCIES = ("SEK", "EUR", "PLN", "USD", "GBP", "CHF", "JPY", "NOK", "DKK", "BHD")
PERIODS = ("day", "week", "month", "quarter", "year")
UNITS = ("user", "seat", "device", "server", "node", "workstation", "site", "connection", "hour", "day", "visit", "incident", "intervention")
PACK_UNITS = ("hour", "day", "visit", "incident", "intervention")
METRICS = ("registration", "first-response", "on-site", "status-update", "workaround", "resolution")
LANGS = ("sv", "it", "pl", "en")
MARKS = ("*", "**", "***", "†", "‡")

# Pieces of texts: what escaping, Markdown, line breaking and bidi handling must survive. Never a word the output
# test looks for as a sign of a missing value (tests/test_fuzz_outputs.py, LEFTOVERS: None, nan, undefined ...).
WORDS = (
    "Support", "Åtgärd", "assistenza", "łączność", "zgłoszenie", "Premium", "<b>", "</div>", "<script>alert(1)</script>", "&amp;",
    "&", "a&b", "<", ">", "'single'", '\\"double\\"', "„cudzysłów”", "«guillemets»", "🚀", "👩‍💻", "🇸🇪", "שלום עולם", "مرحبا بالعالم",
    "x" * 120, "Donaudampfschifffahrtsgesellschaftskapitän" * 3, "100%", "%s", "%(name)s", "$1", "\\\\", "—", "–", "1\u00a0000",
    "**bold**", "*em*", "`code`", "[link](https://example.com/a?b=1&c=2)", "<https://example.com>", "#", "---", "> quote",
    "- item", "1. first", "mailto:x@y", "N/A", "null", "0", "-1", "1e9", "P1", "24x7", "08:00–17:00", "ﬁ", "İ", "ß",
)
TEXT_WORDS = st.sampled_from(WORDS)


@functools.cache
def countries() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """(country, its subdivisions the grammar can write, its holiday kinds besides public) of the holidays package."""
    found = []
    first, last = min(y for y, _ in HORIZONS), max(y for _, y in HORIZONS)
    for code, subdivisions in sorted(holidays.list_supported_countries().items()):
        if len(code) != 2:
            continue
        known = holiday_years(code)
        if known is not None and not (first in known and last in known):
            continue  # its data ends within the drawn horizons (Sri Lanka's in 2026): T0813, rightly, not a valid plan
        try:
            kinds = tuple(k.replace("_", "-") for k in holidays.country_holidays(code).supported_categories if k != "public")
        except Exception:
            continue
        subs = tuple(s for s in subdivisions if s.isalnum() and s.isupper() or s.isdigit())
        found.append((code, tuple(s for s in subs if 1 <= len(s) <= 3), kinds))
    return tuple(found)


@functools.cache
def holiday_names(code: str, subdivision: str | None, categories: tuple[str, ...], year: int) -> list[str]:
    """The English names of the holidays a `closed holidays` line closes in `year` (a day's several holidays each), or none
    when the package refuses the line."""
    try:
        found = datasets.holiday_names(code, subdivision, categories, year)
    except (ValueError, NotImplementedError, KeyError):
        return []
    return sorted({names[0] for called in found.values() for names in called if '"' not in names[0]})


@dataclass
class Drawn:
    """A drawn plan file and what to ask its rules."""

    text: str
    plans: list[str] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    customer_countries: list[str] = field(default_factory=list)
    years: tuple[int, int] = (2026, 2028)


def q(text: str) -> str:
    """A quoted text."""
    return f'"{text}"'


@st.composite
def phrase(draw: st.DrawFn, long: bool = False) -> str:
    """A few words of odd text; `long` ones span lines and paragraphs (a triple-quoted Markdown text)."""
    words = draw(st.lists(TEXT_WORDS, min_size=1, max_size=12 if long else 4))
    sep = draw(st.sampled_from([" ", " ", "\n", "\n\n"])) if long else " "
    return sep.join(words)


@st.composite
def text(draw: st.DrawFn, long: bool = False, langs: tuple[str, ...] = LANGS) -> str:
    """A text: neutral, or in some or all of the site's languages."""
    if not long and draw(st.booleans()):
        return q(draw(phrase()))
    chosen = draw(st.sampled_from([langs, langs, langs[:1], langs[::-1]]))
    parts = []
    for lang in chosen:
        value = draw(phrase(long))
        if long or "\n" in value:  # a triple-quoted text has no escapes: its quotation marks are plain, never at its ends
            parts.append(f'{lang} """{value.replace(chr(92) + chr(34), "“")}"""')
        else:
            parts.append(f"{lang} {q(value)}")
    return "{ " + " ".join(parts) + " }"


def hm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@st.composite
def interval(draw: st.DrawFn) -> tuple[int, int]:
    start = draw(st.integers(0, 23 * 4)) * 15
    end = draw(st.integers(start // 15 + 1, 96)) * 15
    return start, end


@st.composite
def day_hours(draw: st.DrawFn) -> str:
    """One or two non-overlapping intervals of a day: `08:00-12:00, 13:00-17:00`."""
    a, b = draw(interval())
    out = [f"{hm(a)}-{hm(b)}"]
    if b <= 22 * 60 and draw(st.booleans()):
        c = draw(st.integers(b // 15 + 1, 95)) * 15
        d = draw(st.integers(c // 15 + 1, 96)) * 15
        out.append(f"{hm(c)}-{hm(d)}")
    return ", ".join(out)


@st.composite
def dates(draw: st.DrawFn, years: tuple[int, int]) -> str:
    return draw(st.dates(min_value=date(years[0], 1, 1), max_value=date(years[1], 12, 31))).isoformat()


@st.composite
def calendar(draw: st.DrawFn, cid: str, years: tuple[int, int], drawn: Drawn) -> str:
    """A calendar: 24x7, a week of hours (days partitioned so nothing overlaps), spans across midnight, holidays."""
    lines = [f"calendar {cid} {{"]
    if draw(st.booleans()):
        lines.append(f"  name {draw(text())}")
    kind = draw(st.sampled_from(["week", "week", "week", "24x7", "span", "customer"]))
    if kind == "24x7":
        if draw(st.booleans()):
            lines.append(f"  zone {draw(st.sampled_from(ZONES))}")
        lines.append("  open 24x7")
        return "\n".join(lines + ["}"])
    if kind == "customer":
        lines.append("  zone customer")
    else:
        lines.append(f"  zone {draw(st.sampled_from(ZONES))}")
    if kind == "span":
        # `open sun 23:00 - fri 23:00` style: one interval across midnight, plus maybe a later one the same week.
        first = draw(st.integers(0, 5))
        last = draw(st.integers(first + 1, 6))
        lines.append(f"  open {DAYS[first]} {hm(draw(st.integers(0, 95)) * 15)} - {DAYS[last]} {hm(draw(st.integers(0, 95)) * 15)}")
    else:
        remaining = list(range(7))
        for _ in range(draw(st.integers(1, 3))):
            if not remaining:
                break
            picked = sorted(draw(st.lists(st.sampled_from(remaining), min_size=1, max_size=len(remaining), unique=True)))
            remaining = [d for d in remaining if d not in picked]
            contiguous = picked == list(range(picked[0], picked[-1] + 1))
            if len(picked) == 1:
                days = DAYS[picked[0]]
            elif contiguous and draw(st.booleans()):
                days = f"{DAYS[picked[0]]}-{DAYS[picked[-1]]}"
            else:
                days = ",".join(DAYS[d] for d in picked)
            lines.append(f"  open {days} {draw(day_hours())}")
    if kind == "customer":
        chosen = draw(st.lists(st.sampled_from(("SE", "PL", "IT", "US", "GB", "DE", "FR", "JP")), min_size=1, max_size=4, unique=True))
        lines.append("  closed holidays customer " + ", ".join(chosen))
        drawn.customer_countries = sorted(set(drawn.customer_countries) | set(chosen))
    elif draw(st.booleans()):
        code, subs, kinds = draw(st.sampled_from(countries()))
        line = f"  closed holidays {code}"
        sub = draw(st.sampled_from(subs)) if subs and draw(st.booleans()) else None
        if sub:
            line += f" {sub}"
        chosen_kinds: list[str] = []
        if kinds and draw(st.booleans()):
            chosen_kinds = draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=2, unique=True))
            line += " including " + ", ".join(chosen_kinds)
        # The names of the line's holidays in the horizon's first year, as `tierwise holidays` prints them: for `except`
        # (holidays the office works on) and `eve … before` (an eve before some holidays only).
        names = holiday_names(code, sub, tuple(["public", *(k.replace("-", "_") for k in chosen_kinds)]), years[0])
        if names and draw(st.integers(0, 3)) == 0:
            line += " except " + ", ".join(q(n) for n in draw(st.lists(st.sampled_from(names), min_size=1, max_size=2, unique=True)))
        lines.append(line)
        if draw(st.booleans()):
            before = ""
            if names and draw(st.booleans()):
                before = " before " + ", ".join(q(n) for n in draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True)))
            lines.append(f"  eve {draw(day_hours())}{before}")
        if draw(st.integers(0, 3)) == 0:  # outside16: the working days between a holiday and a weekend, closed
            lines.append("  closed bridge days")
        if draw(st.integers(0, 4)) == 0:  # lang17: on-call hours on the same holidays, instead of closed
            lines.append(f"  hours holidays {code}{' ' + sub if sub else ''} {draw(day_hours())}")
    taken: set[str] = set()  # a date has one line of its own (T0508)
    for _ in range(draw(st.integers(0, 3))):
        choice = draw(st.sampled_from(["closed", "range", "yearly", "yearly-span", "hours-yearly", "hours-date", "hours-range"]))
        if choice == "closed":
            day = draw(dates(years))
            if day not in taken:
                lines.append(f"  closed {day}")
                taken.add(day)
        elif choice == "range":
            a = draw(dates(years))
            days = {(date.fromisoformat(a) + timedelta(days=n)).isoformat() for n in range(draw(st.integers(0, 40)) + 1)}
            if not days & taken:
                lines.append(f"  closed {a} to {max(days)}")
                taken |= days
        elif choice == "hours-range":  # outside16: summer hours in weeks that move, `… on working days` or every day
            a = draw(dates(years))
            days = {(date.fromisoformat(a) + timedelta(days=n)).isoformat() for n in range(draw(st.integers(0, 40)) + 1)}
            if not days & taken:
                tail = " on working days" if draw(st.booleans()) else ""
                lines.append(f"  hours {a} to {max(days)} {draw(day_hours())}{tail}")
                taken |= days
        elif choice in ("yearly", "yearly-span", "hours-yearly"):
            md = draw(st.sampled_from(["12-24", "12-31", "01-01", "02-29", "06-19", "08-15", "11-01", "07-01", "03-31"]))
            span = ""
            if choice != "yearly" and draw(st.booleans()):
                span = " to " + draw(st.sampled_from(["12-26", "01-02", "08-31", "03-01"]))
            if md in taken:
                continue
            taken.add(md)
            if choice == "hours-yearly":
                tail = " on working days" if draw(st.booleans()) else ""
                lines.append(f"  hours yearly {md}{span} {draw(day_hours())}{tail}")
            else:
                lines.append(f"  closed yearly {md}{span}")
        else:
            day = draw(dates(years))
            if day not in taken:
                lines.append(f"  hours {day} {draw(day_hours())}")
                taken.add(day)
    # Hours at the end or start of every month (a payroll vendor's month-end), each edge of the month once (T0524).
    for edge in draw(st.lists(st.sampled_from(["first", "last"]), max_size=2, unique=True)):
        count = draw(st.sampled_from(["", "1 ", "3 ", "10 "]))
        lines.append(f"  hours monthly {edge} {count}working {'day' if count in ('', '1 ') else 'days'} {draw(day_hours())}")
    # A pay day: one day of every month, whatever the weekday, only when a working day, or moved to the working day before
    # (a pay day) or after (a tax deadline, outside17).
    for day in draw(st.lists(st.sampled_from([1, 10, 15, 25, 27, 28]), max_size=2, unique=True)):
        tail = draw(st.sampled_from(["", " on working days", " or the working day before", " or the working day after"]))
        lines.append(f"  hours monthly day {day} {draw(day_hours())}{tail}")
    return "\n".join(lines + ["}"])


@st.composite
def amount(draw: st.DrawFn) -> str:
    whole = draw(st.integers(1, 999_999))
    return str(whole) + (f".{draw(st.integers(0, 99)):02d}" if draw(st.booleans()) else "")


@st.composite
def price_value(draw: st.DrawFn, addon: bool = False) -> str:
    """A price as a plan or an add-on writes it (addon: no set-up fee)."""
    kinds = ["amount", "amount", "amount", "percent", "pack"] + ([] if addon else ["free", "request", "offered", "sales", "included"])
    kind = draw(st.sampled_from(kinds))
    if kind == "free":
        return "free"
    if kind == "request":
        return "on request"
    if kind == "offered":
        return "not offered"
    if kind == "sales":
        return "contact sales"
    if kind == "included":
        return "included" + draw(st.sampled_from(["", " in licence", " in subscription"]))
    tax = draw(st.sampled_from(["", " excl tax", " incl tax"]))
    if kind == "percent":
        pct = draw(st.sampled_from(["20", "18.5", "100", "0.5", "10"]))
        out = f"{pct}% of {draw(st.sampled_from(['licence', 'subscription', 'usage']))}"
        if draw(st.booleans()):
            out += f" per {draw(st.sampled_from(PERIODS))}"
        if draw(st.booleans()):
            out += f" at least {draw(amount())} {draw(st.sampled_from(CURRENCIES))}"
            if draw(st.booleans()):
                out += f" per {draw(st.sampled_from(PERIODS))}"
        return out + tax
    currency = draw(st.sampled_from(CURRENCIES))
    out = ("from " if not addon and draw(st.integers(0, 4)) == 0 else "") + f"{draw(amount())} {currency}"
    unit = None
    period = None
    if kind == "pack":
        n = draw(st.integers(2, 500))
        u = draw(st.sampled_from(PACK_UNITS))
        out += f" for {n} {u}s"
        if draw(st.booleans()):
            # Never 'per day': 'day' is also a price unit, so 'for 10 hours per day' reads as a pack per unit (T0431).
            period = draw(st.sampled_from(PERIODS[1:]))
            out += f" per {period}"
    else:
        if draw(st.booleans()):
            unit = draw(st.sampled_from(UNITS))
            out += f" per {unit}"
        if draw(st.booleans()):
            period = draw(st.sampled_from(PERIODS))
            if unit in ("day",) and period == "day":
                period = "month"
            out += f" per {period}"
        if unit is not None and draw(st.booleans()):
            n = draw(st.integers(1, 1000))
            out += f" minimum {n} {unit}{'s' if n != 1 else ''}"
    if draw(st.booleans()):
        out += f" billed {draw(st.sampled_from(['monthly', 'quarterly', 'yearly', 'annually']))}"
    per_unit = unit is not None
    if not addon and kind != "pack" and draw(st.integers(0, 3)) == 0:
        # Session 27: parts that add up, each per a unit of its own (not the price's), paid per the price's period.
        # `per day` alone is a unit, a day rate (docs/language.md), not a period: its parts have no period of their own.
        day_rate = unit is None and period == "day"
        own_unit, own_period = ("day", None) if day_rate else (unit, period)
        for part_unit in draw(st.lists(st.sampled_from([u for u in UNITS if u != own_unit]), min_size=1, max_size=2, unique=True)):
            out += f" plus {draw(amount())} {currency} per {part_unit}"
            if own_period is not None and draw(st.booleans()) and not (part_unit == "day" and own_period == "day"):
                out += f" per {own_period}"
            per_unit = True
    if not addon and (unit is not None or period is not None) and draw(st.integers(0, 3)) == 0:
        out += f" plus {draw(amount())} {currency} {draw(st.sampled_from(['setup', 'set-up']))}"
    if not addon and per_unit and draw(st.integers(0, 3)) == 0:
        out += f" at least {draw(amount())} {currency}" + (f" per {period}" if period is not None else "")
    return out + tax


def duration(minutes: int) -> str:
    h, m = divmod(minutes, 60)
    return " ".join(p for p in ((f"{h}h" if h else ""), (f"{m}min" if m else "")) if p)


@st.composite
def target_amount(draw: st.DrawFn, calendars: list[str]) -> str:
    kind = draw(st.sampled_from(["dur", "dur", "dur", "days", "end", "none", "unpublished"]))
    if kind == "none":
        return "none"
    if kind == "unpublished":
        return "not published"
    on = f" on {draw(st.sampled_from(calendars))}"
    if draw(st.integers(0, 4)) == 2:  # format 1.9: a cut-off time (a middle value: hypothesis favours a range's bounds)
        on += f" cut-off {hm(draw(st.sampled_from([1, 420, 719, 900, 960, 1080, 1439])))}"
    if kind == "dur":
        return duration(draw(st.sampled_from([1, 15, 30, 59, 60, 90, 120, 240, 480, 1440, 2880, 10080, 43200]))) + on
    n = draw(st.integers(1, 12))
    word = "business day" if n == 1 and draw(st.booleans()) else "business days"
    return (f"end of {n} {word}" if kind == "end" else f"{n} {word}") + on


def penalty_measures(prices: list[str]) -> list[str]:
    """What a plan's penalties may be measured in: the contract's value unless its prices are only free or not offered,
    its fee unless they are only free, included or not offered (T0868), money in its prices' currencies (T0863; any,
    here EUR, when it states none of its own)."""
    # A price's own currency, the one after its amount (a share of a licence has none, whatever its least amount is in).
    currencies = sorted({found.group(1) for price in prices if (found := re.match(r"(?:from )?[\d.]+ ([A-Z]{3})\b", price))})
    paid = not prices or any(not re.match(r"(free|included|not offered)\b", price) for price in prices)
    valued = not prices or any(not re.match(r"(free|not offered)\b", price) for price in prices)  # a licence is of value
    measures = (["contract value", "contract value"] if valued else []) + (["monthly fee", "quarterly fee", "yearly fee", "annual fee"] if paid else [])
    return measures + (currencies or ([] if prices else ["EUR"]))


def fits(lines: list[str], prices: list[str]) -> bool:
    """Whether penalty lines measure only in what a plan of `prices` may (`penalty_measures`), as a tier that inherits them."""
    allowed = penalty_measures(prices)
    currencies = {c for c in CURRENCIES if c in allowed} if prices and any(c in allowed for c in CURRENCIES) else set(CURRENCIES)
    for line in lines:
        for measure in re.findall(r"(?:%|‰|per mille) of (contract value|\w+ fee)", line):
            if measure not in allowed:
                return False
        if any(c not in currencies for c in re.findall(r"\b(" + "|".join(CURRENCIES) + r")\b", line)):
            return False
    return True


PENALTY_UNITS = ("started hour", "hour", "started business hour", "business hour", "started day", "day", "started business day",
                 "business day", "occurrence")


@st.composite
def penalties(
    draw: st.DrawFn, timed: list[tuple[str, str]], prices: list[str], obligations: tuple[tuple[str, bool], ...] = (), calendars: tuple[str, ...] = (),
) -> list[str]:
    """A plan's penalties for missed targets (docs/language.md, "Penalties for missed targets"): for some of its own timed
    targets, a share (in % or ‰) of a fee or of the contract's value, or money in the plan's currency, per hour, business
    hour, day, business day or occurrence, growing in steps, capped, and maybe a total; or `penalty none`.

    A share of the fee only where a price is paid, money only in a currency the plan's prices use (T0868, T0863)."""
    if draw(st.integers(0, 5)) == 0:
        return ["    penalty none"]
    measures = penalty_measures(prices)
    if not measures:  # only free or not offered, in no currency: nothing a penalty could be
        return ["    penalty none"]

    def amount(measure: str, value: float) -> str:
        if measure in CURRENCIES:
            return f"{value:g} {measure}"
        mille = draw(st.booleans())
        return f"{value * 10:g}‰ of {measure}" if mille else f"{value:g}% of {measure}"

    lines = []
    for metric, ref in draw(st.lists(st.sampled_from(timed), min_size=1, max_size=3, unique=True)):
        measure = draw(st.sampled_from(measures))
        money = measure in CURRENCIES
        base = draw(st.sampled_from([50, 200, 500] if money else [0.05, 0.1, 0.5, 1, 2]))
        unit = draw(st.sampled_from(PENALTY_UNITS))
        line = f"    penalty {metric} {ref} {amount(measure, base)} per {unit}"
        if unit != "occurrence":
            nouns = "hours" if unit.endswith("hour") else "days"
            after = 0
            for _ in range(draw(st.integers(0, 2))):
                after += draw(st.sampled_from([1, 4, 5, 24]))
                whole = " on the whole delay" if draw(st.integers(0, 2)) == 0 else ""
                line += f" then {amount(measure, base * draw(st.sampled_from([1, 2, 3])))} per {unit} after {after} {nouns}{whole}"
        if draw(st.booleans()):
            windows = ["month", "quarter", "year", "contract"] + ([] if unit == "occurrence" else ["occurrence"])
            line += f" at most {amount(measure, base * draw(st.sampled_from([1, 10, 20])))} per {draw(st.sampled_from(windows))}"
        lines.append(line)
    # lang17: a late obligation's penalty; business time on the obligation's own calendar, else on the one the line names.
    for ob, timed_ob in draw(st.lists(st.sampled_from(obligations), max_size=2, unique=True)) if obligations and calendars else ():
        measure = draw(st.sampled_from(measures))
        unit = draw(st.sampled_from(PENALTY_UNITS))
        on = f" on {draw(st.sampled_from(calendars))}" if "business" in unit and not timed_ob else ""
        base = draw(st.sampled_from([50, 200] if measure in CURRENCIES else [0.1, 0.5]))
        lines.append(f"    penalty obligation {ob} {amount(measure, base)} per {unit}{on}")
    if draw(st.booleans()):
        measure = draw(st.sampled_from(measures))
        cap = draw(st.sampled_from([5000, 100_000] if measure in CURRENCIES else [10, 20, 30]))
        lines.append(f"    penalty total at most {amount(measure, cap)} per {draw(st.sampled_from(['month', 'quarter', 'year', 'contract']))}")
    return lines


@st.composite
def plan_file(draw: st.DrawFn) -> Drawn:
    """A whole valid(-meant) plan file: a horizon, shared calendars, one vendor with 1-5 tiers."""
    years = draw(st.sampled_from(HORIZONS))
    drawn = Drawn("", years=years)
    out = [f"horizon {years[0]}-{years[1]}"]
    calendars = [f"cal{i}" for i in range(draw(st.integers(1, 3)))]
    for cid in calendars:
        out.append(draw(calendar(cid, years, drawn)))
    only = draw(st.sampled_from([None, None, "en", "sv", "en, sv", "pl, it"]))
    langs: tuple[str, ...] = LANGS if only is None else tuple(x.strip() for x in only.split(","))
    lang = draw(st.sampled_from(LANGS)) if only is None else langs[0]
    v = ["vendor fuzz {", f"  name {draw(text(langs=langs))}", f"  language {only} only" if only else f"  language {lang}"]
    if draw(st.booleans()):
        v.append('  website "https://example.com/a?b=1&c=<2>"')
    if draw(st.booleans()):
        v.append(f"  intro {draw(text(long=True, langs=langs))}")
    for _ in range(draw(st.integers(0, 2))):
        v.append(f"  note {draw(text(long=True, langs=langs))}")
    if draw(st.booleans()):
        v.append(f"  note editorial {draw(text(langs=langs))}")
    if draw(st.booleans()):
        v.append(f'  source {draw(text(langs=langs))} url "https://example.com/terms.pdf" published 2025-10-15 read 2026-11-01')
    if draw(st.booleans()):
        spoken = draw(st.lists(st.sampled_from(("sv", "en", "fi", "de", "ar", "he", "yue")), min_size=1, max_size=4, unique=True))
        v.append("  support languages " + ", ".join(spoken))
    # Priorities: 1-5 levels, maybe a matrix.
    levels = [draw(st.sampled_from(["P", "S", "SEV", "A"])) + str(i + 1) for i in range(draw(st.integers(0, 5)))]
    drawn.levels = levels
    if levels:
        v.append("  priorities levels {")
        for level in levels:
            definition = f" definition {draw(text(long=True, langs=langs))}" if draw(st.booleans()) else ""
            v.append(f"    level {level} {{ name {draw(text(langs=langs))}{definition} }}")
        if draw(st.booleans()):
            impacts = [f"imp{i}" for i in range(draw(st.integers(1, 3)))]
            urgencies = [f"urg{i}" for i in range(draw(st.integers(1, 3)))]
            for i in impacts:
                v.append(f"    impact {i} {draw(text(langs=langs))}")
            for u in urgencies:
                v.append(f"    urgency {u} {draw(text(langs=langs))}")
            v.append("    matrix {")
            for u in urgencies:
                v.append(f"      {u}: " + ", ".join(draw(st.sampled_from(levels)) for _ in impacts))
            v.append("    }")
        v.append("  }")
    # Cases, footnotes, segments, categories, features, contacts.
    cases = [f"case{i}" for i in range(draw(st.integers(0, 2)))]
    drawn.cases = cases
    for c in cases:
        v.append(f"  case {c} {draw(text(langs=langs))}")
    marks = draw(st.lists(st.sampled_from(MARKS), max_size=3, unique=True))
    for m in marks:
        v.append(f"  footnote {m}" + (" editorial" if draw(st.booleans()) else "") + f" {draw(text(langs=langs))}")
    segments = [f"seg{i}" for i in range(draw(st.integers(0, 3)))]
    for s in segments:
        v.append(f"  segment {s} {draw(text(langs=langs))}")
    categories = [f"cat{i}" for i in range(draw(st.integers(0, 2)))]
    for c in categories:
        v.append(f"  category {c} {draw(text(langs=langs))}")
    features = [f"feat{i}" for i in range(draw(st.integers(0, 5)))]
    for f in features:
        cat = f" in {draw(st.sampled_from(categories))}" if categories else ""
        mark = f" {draw(st.sampled_from(marks))}" if marks and draw(st.booleans()) else ""
        desc = f" description {draw(text(long=True, langs=langs))}" if draw(st.booleans()) else ""
        v.append(f"  feature {f}{cat}{mark} {{ label {draw(text(langs=langs))}{desc} }}")
    # Contacts, maybe under headings (`group ID TEXT`, `in GROUP`), two of a kind told apart by `as ID` (docs/language.md
    # "Groups of contacts"): fuzz16 added both, which no draw wrote.
    groups = [f"grp{i}" for i in range(draw(st.integers(0, 2)))]
    for g in groups:
        v.append(f"  group {g} {draw(text(langs=langs))}")
    contacts: list[str] = []
    kinds = draw(st.lists(st.sampled_from(["email", "phone", "sms", "portal", "web", "chat", "fax", "address", "account-manager"]), max_size=5))
    for kind in kinds:
        value = {
            "email": '"support@example.com"', "phone": q(draw(st.sampled_from(PHONES))), "sms": q(draw(st.sampled_from(PHONES))),
            "fax": q(draw(st.sampled_from(PHONES))),
            "portal": draw(st.sampled_from(['"https://portal.example.com/x?y=1&z=2"', '"My <Portal> & Co"'])),
            "web": '"https://example.com"', "chat": '"https://wa.me/46424003999"', "address": q(draw(phrase())), "account-manager": "",
        }[kind]
        line = f"  contact {kind} {value}".rstrip()
        cid = kind
        if kind in contacts or draw(st.integers(0, 3)) == 0:  # a second of a kind needs an id of its own (T0301)
            cid = f"{kind}-{len(contacts)}"
            line += f" as {cid}"
        if groups and draw(st.booleans()):
            line += f" in {draw(st.sampled_from(groups))}"
        if draw(st.booleans()):
            line += f" hours {draw(st.sampled_from(calendars))}"
        if draw(st.integers(0, 3)) == 0:
            line += f" answered {draw(st.sampled_from(calendars))}"
        if draw(st.booleans()):
            line += f" {draw(text(long=True, langs=langs))}"  # a label is always a translated text
        v.append(line)
        contacts.append(cid)
    # Plans.
    names = [f"tier{i}" for i in range(draw(st.integers(1, 5)))]
    drawn.plans = list(names)
    recommended = draw(st.sampled_from([None, *names]))
    penalty_lines: dict[str, list[str]] = {}  # each tier's penalties, its own or inherited
    case_targets: dict[str, set[tuple[str, str, str]]] = {}  # each tier's targets for a kind of case, its own or inherited
    metrics_used: set[str] = set()
    for index, pid in enumerate(names):
        parent = names[draw(st.integers(0, index - 1))] if index and draw(st.booleans()) else None
        mark = f" {draw(st.sampled_from(marks))}" if marks and draw(st.integers(0, 3)) == 0 else ""
        p = [f"  plan {pid}" + (f" extends {parent}" if parent else "") + f"{mark} {{", f"    name {draw(text(langs=langs))}"]
        if draw(st.booleans()):
            p.append(f"    description {draw(text(long=True, langs=langs))}")
        if draw(st.integers(0, 3)) == 0:
            p.append(f"    note {draw(text(langs=langs))}")
        if pid == recommended:
            p.append("    recommended")
        if draw(st.integers(0, 4)) == 0:
            alias = f"alias-{pid}"
            p.append(f"    applies to {alias} {draw(text(langs=langs))}")
            drawn.plans.append(alias)
        # Hypothesis draws the bounds of a range far more often than the values between: a middle value is a rare
        # choice (a tier without support in about one of seven), and shrinking (towards 0) keeps the tier supported.
        no_support = draw(st.integers(0, 6)) == 3
        if no_support:
            p.append("    no support")
        # Prices: per segment or none, each at most once per (segment, currency, unit, period) -- T0820 among dated ones only.
        prices = []
        for seg in [None, *segments]:
            for _ in range(draw(st.integers(0, 2))):
                prefix = f" {seg}" if seg else ""
                pm = f" {draw(st.sampled_from(marks))}" if marks and draw(st.integers(0, 4)) == 0 else ""
                prices.append(draw(price_value()))
                p.append(f"    price{prefix} {prices[-1]}{pm}")
        if draw(st.integers(0, 3)) == 0:
            seg = draw(st.sampled_from([None, *segments]))
            prices.append(draw(price_value()))
            p.append(f"    price{' ' + seg if seg else ''} {prices[-1]} from {years[0] + 1}-01-01")
        if features and draw(st.booleans()):
            p.append("    features {")
            for f in draw(st.lists(st.sampled_from(features), min_size=1, unique=True)):
                cell = draw(st.sampled_from(["yes", "no", "text", "qty", "allow", "addon", "addon-multi", "na", "ns", "addon-req"]))
                value = {
                    "yes": "yes", "no": "no", "na": "not applicable", "ns": "not stated", "addon-req": "add-on on request",
                    "text": draw(text(langs=langs)),
                    "qty": f"{draw(st.integers(0, 1000))}" + (f" per {draw(st.sampled_from(PERIODS))}" if draw(st.booleans()) else ""),
                    "allow": duration(draw(st.sampled_from([30, 60, 90, 600]))) + (f" per {draw(st.sampled_from(PERIODS))}" if draw(st.booleans()) else ""),
                    "addon": "add-on " + draw(price_value(addon=True)).removeprefix("from "),
                    "addon-multi": "add-on 1200 SEK per hour excl tax, 9000 SEK per day, 20% of licence per year",
                }[cell]
                if cell in ("addon",) and value.split()[1] in ("free", "on", "not", "contact", "included"):
                    value = "add-on"
                cm = f" {draw(st.sampled_from(marks))}" if marks and draw(st.integers(0, 4)) == 0 else ""
                p.append(f"      {f}: {value}{cm}")
            p.append("    }")
        # Targets: one per (metric, priority, case), maybe versions.
        timed: list[tuple[str, str]] = []  # the plan's own general targets with a time, which a penalty may be for
        own_case_targets: set[tuple[str, str, str]] = set()
        if not no_support:
            # Most tiers publish a target or more (the evaluators are compared on their deadlines); a few none.
            for metric in draw(st.lists(st.sampled_from(METRICS), min_size=0 if draw(st.integers(0, 5)) == 3 else 1, max_size=4, unique=True)):
                refs = draw(st.lists(st.sampled_from(["all", *levels]), min_size=1, max_size=3, unique=True))
                for ref in refs:
                    for case in [None, *draw(st.lists(st.sampled_from(cases), max_size=1))] if cases else [None]:
                        forcase = f" for {case}" if case else ""
                        promised = draw(target_amount(calendars))
                        p.append(f"    target {metric} {ref}{forcase} {promised}")
                        if case is not None:
                            own_case_targets.add((metric, ref, case))
                        if case is None and promised not in ("none", "not published"):
                            timed.append((metric, ref))
                        metrics_used.add(metric)
                        if draw(st.integers(0, 4)) == 0:
                            p.append(f"    target {metric} {ref}{forcase} {draw(target_amount(calendars))} from {years[1]}-0{draw(st.integers(1, 9))}-01")
            if draw(st.booleans()):
                p.append(f"    coverage {draw(st.sampled_from(['all', *levels]))} on {draw(st.sampled_from(calendars))}")
        # lang17: a tier that extends another leaves out an inherited target for a kind of case (`no target …`), not one it
        # writes itself; the case then keeps the tier's general target.
        inherited = sorted(case_targets.get(parent, set()) - own_case_targets) if parent else []
        dropped = set(draw(st.lists(st.sampled_from(inherited), max_size=1))) if inherited and draw(st.integers(0, 3)) == 0 else set()
        for metric, ref, case in sorted(dropped):
            p.append(f"    no target {metric} {ref} for {case}")
        case_targets[pid] = (set(case_targets.get(parent, set())) - dropped) | own_case_targets if parent else own_case_targets
        own_obligations: list[tuple[str, bool]] = []  # (id, runs on a calendar of its own), for a late obligation's penalty
        for j in range(draw(st.integers(0, 2))):
            forl = (" for " + " and ".join(draw(st.lists(st.sampled_from(levels), min_size=1, max_size=2, unique=True)))) if levels and draw(st.booleans()) else ""
            shape = draw(st.sampled_from(["plain", "per", "after", "every"]))
            cal = draw(st.sampled_from(calendars))
            extra = {
                "plain": "", "per": f" {draw(st.integers(1, 12))} per {draw(st.sampled_from(PERIODS))}",
                "after": f" after {duration(draw(st.sampled_from([30, 60, 240])))} on {cal}", "every": f" every {duration(draw(st.sampled_from([60, 120])))} on {cal}",
            }[shape]
            p.append(f"    obligation ob{j}{forl}{extra} {draw(text(long=True, langs=langs))}")
            own_obligations.append((f"ob{j}", shape in ("after", "every")))
        if contacts and draw(st.booleans()):
            chans = []
            for c in draw(st.lists(st.sampled_from(contacts), min_size=1, unique=True)):
                ch = c
                if draw(st.integers(0, 3)) == 0:
                    ch += f" hours {draw(st.sampled_from(calendars))}"
                if draw(st.integers(0, 4)) == 0:
                    ch += f" answered {draw(st.sampled_from(calendars))}"
                if levels and draw(st.integers(0, 3)) == 0:
                    ch += " for " + " and ".join(draw(st.lists(st.sampled_from(levels), min_size=1, max_size=2, unique=True)))
                chans.append(ch)
            p.append("    channels " + ", ".join(chans))
        if draw(st.integers(0, 3)) == 0:
            p.append("    support languages " + ", ".join(draw(st.lists(st.sampled_from(("it", "en", "de", "pl")), min_size=1, max_size=3, unique=True))))
        if draw(st.integers(0, 2)) == 0:
            avail = draw(st.sampled_from(["99.9", "99.5", "95", "99.95", "50"]))
            within = f" on {draw(st.sampled_from(calendars))}" if draw(st.integers(0, 2)) == 0 else ""  # within service hours
            p.append(f"    availability {avail}% per {draw(st.sampled_from(PERIODS))}{within}")
            basis = draw(st.sampled_from(["", " of subscription", " of usage"]))  # what the credits are shares of
            credit = draw(st.sampled_from(["none", f"10%{basis} below 49%", f"10%{basis} below {avail}%, 25%{basis} below 40%", ""]))
            if credit:
                p.append(f"    credit {credit}")
            if draw(st.booleans()):
                p.append(f"    maintenance on {draw(st.sampled_from(calendars))} notice {draw(st.sampled_from(['48h', '120h', '1h 30min']))}")
            elif draw(st.booleans()):
                p.append("    maintenance notice 168h")
        if draw(st.integers(0, 3)) == 0:
            p.extend(draw(penalties(timed, prices, tuple(own_obligations), tuple(calendars))) if timed else ["    penalty none"])
        elif parent is not None and not fits(penalty_lines.get(parent, []), prices):
            p.append("    penalty none")  # the parent's penalties, inherited, would be in money or of a fee this tier lacks
        own = [line for line in p if line.startswith("    penalty ")]
        penalty_lines[pid] = own if own else penalty_lines.get(parent, []) if parent else []
        if draw(st.integers(0, 2)) == 0:
            p.append("    contract " + draw(st.sampled_from([
                "12 months renews 12 months notice 3 months", "none notice 30 days", "none notice none", "1 month renews 1 month notice 1 month",
                "24 months", "3 quarters renews 1 year notice 2 weeks", "1 year notice 31 days",
                "12 months then open-ended notice 3 months", "24 months then open-ended notice 60 days",
            ])))
        p.append("  }")
        v.extend(p)
    v.append("}")
    drawn.metrics = sorted(metrics_used)
    drawn.text = "\n".join(out + v) + "\n"
    return drawn
