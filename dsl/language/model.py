"""The typed model of a support offer.

Plain, frozen dataclasses: they know nothing of Lark, Jinja or JSON. Every
element carries the `Pos` it was written at, so any later stage (checks, site,
rules) can point an author at the line that caused a problem. Positions never
take part in equality, so two models written differently but meaning the same
compare equal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from dsl.language.vocabulary import BILLING, OPEN_ENDED, PENALTY_CONTRACT_VALUE, PENALTY_FEES, PRICE_UNIT_PLURALS, period_named

# Re-exported for modules written before the vocabulary had its own home; import from
# dsl.language.vocabulary instead.
from dsl.language.vocabulary import CONTACT_KINDS as CONTACT_KINDS
from dsl.language.vocabulary import LANGUAGES as LANGUAGES
from dsl.language.vocabulary import METRICS as METRICS
from dsl.language.vocabulary import MINUTES_PER_DAY as MINUTES_PER_DAY
from dsl.language.vocabulary import PERIODS as PERIODS
from dsl.language.vocabulary import SOURCE_LANGUAGE_FALLBACK as SOURCE_LANGUAGE_FALLBACK
from dsl.language.vocabulary import WEEKDAYS as WEEKDAYS


def _no_pos() -> Pos:
    return Pos("<model>", 0, 0)


@dataclass(frozen=True, slots=True, order=True)
class Pos:
    """Where something was written: file, 1-based line and column."""

    file: str
    line: int
    column: int
    end_line: int = 0
    end_column: int = 0

    def __str__(self) -> str:
        # Line 0 is the whole file (missing, unreadable, empty): "file: error", as compilers write it.
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file


@dataclass(frozen=True, slots=True)
class Text:
    """One human-readable text in several languages, in the order written.

    The language code "*" marks a neutral text, the same in every language
    (a product name, a phone number). `code_pos` holds where each value's
    language code was written, in the order of `values` (empty for a text
    built in code), so a check can point at a wrong or repeated code.
    """

    values: tuple[tuple[str, str], ...]
    pos: Pos = field(default_factory=_no_pos, compare=False)
    code_pos: tuple[Pos, ...] = field(default=(), compare=False)

    def resolve(self, lang: str, source: str = SOURCE_LANGUAGE_FALLBACK) -> tuple[str, str | None]:
        """The text in `lang`; else in `source` (the vendor's language), else the first written.

        Returns the value and, when it is a fallback, the language it is written in (None when the
        text is in `lang` itself or neutral). This is the one fallback rule every output follows.
        """
        value = self.get(lang)
        if value is not None:
            return value, None
        for code in (source, *self.languages):
            value = self.get(code)
            if value is not None:
                return value, code
        return "", None

    def get(self, lang: str) -> str | None:
        """The text in `lang`, or None when it was not written."""
        for code, value in self.values:
            if code == lang or code == "*":
                return value
        return None

    @property
    def neutral(self) -> bool:
        """Whether the text is the same in every language."""
        return any(code == "*" for code, _ in self.values)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this text is written in ("*" for a neutral text)."""
        return tuple(code for code, _ in self.values)

    def missing(self, wanted: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
        """The wanted languages this text lacks (none for a neutral text)."""
        if self.neutral:
            return ()
        have = set(self.languages)
        return tuple(code for code in wanted if code not in have)


# --- calendars ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WeeklyInterval:
    """An opening interval of the week, in wall-clock time.

    `start_day`/`end_day` index WEEKDAYS; times are minutes since midnight, and an
    end of 1440 means 24:00. An interval whose end day differs from its start day
    runs across midnight (Sunday 23:00 to Friday 23:00 is one interval).
    """

    start_day: int
    start: int
    end_day: int
    end: int
    pos: Pos = field(default_factory=_no_pos, compare=False)

    def length(self) -> int:
        """Minutes of wall-clock time the interval spans."""
        start = self.start_day * MINUTES_PER_DAY + self.start
        end = self.end_day * MINUTES_PER_DAY + self.end
        if end <= start:
            end += 7 * MINUTES_PER_DAY
        return end - start

    def week_spans(self) -> tuple[tuple[int, int], ...]:
        """The interval as (start, end) minutes of a Monday-based week, split at the week's end."""
        start = self.start_day * MINUTES_PER_DAY + self.start
        end = start + self.length()
        week = 7 * MINUTES_PER_DAY
        if end <= week:
            return ((start, end),)
        return ((start, week), (0, end - week))


@dataclass(frozen=True, slots=True)
class DailyHours:
    """Wall-clock hours within one day: minutes since midnight, end may be 1440 (24:00)."""

    start: int
    end: int
    pos: Pos = field(default_factory=_no_pos, compare=False)


@dataclass(frozen=True, slots=True)
class HolidaySource:
    """Public holidays of a country (and subdivision), taken from the `holidays` package.

    `categories` are the package's categories of holiday, "public" always first; a plan adds others
    with `including` (Sweden's "de_facto": Midsummer Eve, Christmas Eve, New Year's Eve).
    """

    country: str
    subdivision: str | None = None
    categories: tuple[str, ...] = ("public",)
    pos: Pos = field(default_factory=_no_pos, compare=False)
    categories_pos: tuple[Pos, ...] = field(default=(), compare=False)
    # `except "Pentecost Monday"`: holidays of this line the calendar keeps as ordinary days, as written, each with where.
    kept_open: tuple[str, ...] = ()
    kept_open_pos: tuple[Pos, ...] = field(default=(), compare=False)
    hours: tuple[DailyHours, ...] = ()
    """`hours holidays IT 09:00-13:00` (lang17): these holidays are open these hours instead of closed (on-call hours on
    public holidays, "reperibilità nei giorni festivi"), whatever the weekday; empty: a `closed holidays` line. They are
    holidays of the calendar all the same (an eve comes before them, they are no working days); on a day that a
    `closed holidays` line also closes, these hours win (rules.export._dated_hours)."""


@dataclass(frozen=True, slots=True)
class DateHours:
    """Other hours on one date; an empty `hours` closes the date."""

    day: date
    hours: tuple[DailyHours, ...] = ()
    pos: Pos = field(default_factory=_no_pos, compare=False)
    span: tuple[date, date] | None = None
    """`hours 2026-07-06 to 2026-08-02 …` (outside16): the span of dates the line was written for, one DateHours a day."""
    working_days_only: bool = False
    """`… on working days`: only when the week opens the day and no holiday (or bridge day) closes it."""


@dataclass(frozen=True, slots=True)
class MonthlyDays:
    """`hours monthly last 3 working days 07:00-20:00`: other hours on the first or last `count` working days of every
    month, a working day being one the calendar opens by its other lines (week, holidays, dates, yearly days)."""

    edge: str  # "first" or "last"; "day" (lang14): `hours monthly day 25 …`, the `count`th day of every month
    count: int
    hours: tuple[DailyHours, ...]
    pos: Pos = field(default_factory=_no_pos, compare=False)
    count_pos: Pos = field(default_factory=_no_pos, compare=False)
    # Of a "day" line: "" (the day itself, even one the week keeps closed), "working" (`on working days`: only when it
    # is a working day), "before" (`or the working day before`: else the last working day before it) or "after" (`or the
    # working day after`: else the first working day after it, as a tax deadline on a weekend moves; outside17).
    when: str = ""


@dataclass(frozen=True, slots=True)
class YearlyDays:
    """The same days of every year, as (month, day) pairs (`last` may be in the next year: `12-31 to 01-02`): closed
    (`closed yearly 12-24 to 12-26`) or, with `hours`, open those hours (`hours yearly 12-24 08:00-12:00`)."""

    first: tuple[int, int]
    last: tuple[int, int]
    pos: Pos = field(default_factory=_no_pos, compare=False)
    hours: tuple[DailyHours, ...] = ()
    # `on working days`: only in the years the day is one the week opens and no holiday of the calendar closes
    # ("Christmas Eve 08:00-12:00, when it is a working day"); a day the week keeps closed stays closed.
    working_days_only: bool = False

    def days(self, years: range) -> list[date]:
        """The days of the spans that start in `years` (a 29 February only in leap years)."""
        found: list[date] = []
        for year in years:
            try:
                start = date(year, *self.first)
            except ValueError:  # 02-29 in a year that has none
                continue
            end_year = year if self.last >= self.first else year + 1
            try:
                end = date(end_year, *self.last)
            except ValueError:  # ... to 02-29: to the last day of February
                end = date(end_year, 3, 1) - timedelta(days=1)
            found += [start + timedelta(days=n) for n in range((end - start).days + 1)]
        return found


@dataclass(frozen=True, slots=True)
class Calendar:
    """When a support clock runs.

    zone None means the customer's own time zone, supplied when a deadline is
    computed. `always_open` is 24x7 coverage: elapsed real time, no holidays.
    `eve_hours`, when set, replaces the hours of an open day whose next day is
    one of the holidays from `holidays` (only those named in `eve_before`, when it is not empty).
    """

    id: str
    zone: str | None
    always_open: bool = False
    weekly: tuple[WeeklyInterval, ...] = ()
    holidays: tuple[HolidaySource, ...] = ()
    eve_hours: tuple[DailyHours, ...] = ()
    dates: tuple[DateHours, ...] = ()
    name: Text | None = None
    pos: Pos = field(default_factory=_no_pos, compare=False)
    # `closed holidays customer SE, PL`: closed on the customer's own public holidays; the rule
    # export carries them for these countries (empty: the calendar ignores the customer's holidays).
    customer_holidays: tuple[str, ...] = ()
    customer_holidays_pos: Pos = field(default_factory=_no_pos, compare=False)
    customer_holidays_country_pos: tuple[Pos, ...] = field(default=(), compare=False)  # each country's, in the order written
    zone_pos: Pos = field(default_factory=_no_pos, compare=False)  # the `zone` line, where a wrong zone is reported
    yearly: tuple[YearlyDays, ...] = ()
    """`closed yearly MM-DD [to MM-DD]`, `hours yearly MM-DD [to MM-DD] HH:MM-HH:MM`: the same days every year (a date's
    own line wins)."""
    # `eve ... before "Midsummer Eve", "Christmas Eve"`: the holidays the eve comes before, as written (empty: every one),
    # each with where it is written.
    eve_before: tuple[str, ...] = ()
    eve_before_pos: tuple[Pos, ...] = field(default=(), compare=False)
    # `hours monthly last 3 working days 07:00-20:00`: a date's own line and a yearly line win over it.
    monthly: tuple[MonthlyDays, ...] = ()
    bridge_days: bool = False
    """`closed bridge days` (outside16): also closed on each day the week opens and no holiday closes whose day before
    and day after are both days off (a holiday of `holidays`, or a day the week keeps closed), one of them a holiday:
    a Swedish klämdag, an Italian ponte. A date's own line and a yearly line win over it (rules.export.bridge_days)."""
    bridge_days_pos: Pos = field(default_factory=_no_pos, compare=False)

    def customer_countries(self) -> tuple[tuple[str, Pos], ...]:
        """Each country of `closed holidays customer` with where it is written (a calendar built in code has no place for
        each: the statement's)."""
        at = self.customer_holidays_country_pos or (self.customer_holidays_pos,) * len(self.customer_holidays)
        return tuple(zip(self.customer_holidays, at, strict=True))


# --- priorities -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PriorityLevel:
    """One priority level: P1, Severity 1 ..."""

    id: str
    name: Text
    definition: Text | None = None
    example: Text | None = None
    pos: Pos = field(default_factory=_no_pos, compare=False)


@dataclass(frozen=True, slots=True)
class AxisValue:
    """One value of an impact or urgency axis."""

    id: str
    label: Text
    pos: Pos = field(default_factory=_no_pos, compare=False)


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One row of a matrix as written: an urgency and one level per impact, with their positions."""

    urgency: str
    levels: tuple[str, ...]
    pos: Pos = field(default_factory=_no_pos, compare=False)
    level_pos: tuple[Pos, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class PriorityMatrix:
    """Impact x urgency: `cells[(impact, urgency)]` is a level id.

    `rows` keeps the rows as written (a row may name an undeclared urgency or
    give too few levels); the checks judge them, `cells` is what they mean.
    """

    impacts: tuple[AxisValue, ...]
    urgencies: tuple[AxisValue, ...]
    cells: tuple[tuple[str, str, str], ...]  # (impact id, urgency id, level id)
    pos: Pos = field(default_factory=_no_pos, compare=False)
    rows: tuple[MatrixRow, ...] = field(default=(), compare=False)

    def level(self, impact: str, urgency: str) -> str | None:
        """The level for one combination, or None when it is not in the matrix."""
        for i, u, level in self.cells:
            if i == impact and u == urgency:
                return level
        return None


@dataclass(frozen=True, slots=True)
class PriorityScheme:
    """Named priority levels, highest first, and optionally the matrix that yields them."""

    id: str
    levels: tuple[PriorityLevel, ...]
    matrix: PriorityMatrix | None = None
    name: Text | None = None
    pos: Pos = field(default_factory=_no_pos, compare=False)

    def level(self, level_id: str) -> PriorityLevel | None:
        """The level with this id, or None."""
        return next((lv for lv in self.levels if lv.id == level_id), None)


# --- the vendor's catalogue --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote such as Infor's `*` 'not available for some product types'."""

    mark: str
    text: Text
    pos: Pos = field(default_factory=_no_pos, compare=False)
    editorial: bool = False  # written by the publisher (a reading of the source), not the vendor's words


@dataclass(frozen=True, slots=True)
class Category:
    """A group of features in the matrix."""

    id: str
    label: Text
    pos: Pos = field(default_factory=_no_pos, compare=False)


@dataclass(frozen=True, slots=True)
class Feature:
    """A row of the feature matrix; `description` is Markdown."""

    id: str
    category: str | None
    label: Text
    description: Text | None = None
    marks: tuple[str, ...] = ()
    pos: Pos = field(default_factory=_no_pos, compare=False)


@dataclass(frozen=True, slots=True)
class Segment:
    """A customer segment prices are given for (licence customers, others)."""

    id: str
    label: Text
    pos: Pos = field(default_factory=_no_pos, compare=False)


@dataclass(frozen=True, slots=True)
class Contact:
    """A way to reach support; `hours` names the calendar it is staffed on."""

    id: str
    kind: str
    value: str | None = None
    hours: str | None = None
    label: Text | None = None
    pos: Pos = field(default_factory=_no_pos, compare=False)
    kind_pos: Pos = field(default_factory=_no_pos, compare=False)
    # Contacts per region: the group it is listed under; when requests are answered (a mailbox
    # that takes tickets around the clock but is read in office hours); where the value was written.
    group: str | None = None
    answered: str | None = None
    value_pos: Pos = field(default_factory=_no_pos, compare=False)
    # Where the group's and the calendars' ids were written, so that an unknown one is reported at its word.
    group_pos: Pos = field(default_factory=_no_pos, compare=False)
    hours_pos: Pos = field(default_factory=_no_pos, compare=False)
    answered_pos: Pos = field(default_factory=_no_pos, compare=False)


@dataclass(frozen=True, slots=True)
class ContactGroup:
    """A heading contacts are listed under: a country, a region or a product line (Infor in Italy)."""

    id: str
    label: Text
    pos: Pos = field(default_factory=_no_pos, compare=False)


@dataclass(frozen=True, slots=True)
class ChannelHours:
    """A channel's hours for one plan, when they differ per plan (Amanda's phone: office hours or 24x7).

    `answered`: the hours what the channel takes is answered in, in this plan (`channels email answered
    us-24x5`), as a contact's `answered` says it for every plan; else the hours it is staffed (`hours`)."""

    channel: str
    calendar: str
    pos: Pos = field(default_factory=_no_pos, compare=False)
    answered: bool = False


@dataclass(frozen=True, slots=True)
class ChannelPriorities:
    """The priorities a channel is for in one plan, when not all (`channels phone for P1 and P2`)."""

    channel: str
    priorities: tuple[str, ...]
    pos: Pos = field(default_factory=_no_pos, compare=False)
    priorities_pos: tuple[Pos, ...] = field(default=(), compare=False)  # where each priority is written


# --- plans --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Price:
    """A plan's price for one segment (None: the same for everyone).

    kind is "amount" (amount, currency and period are set), "free" (costs 0),
    "on-request" (ask the vendor), "contact-sales" (the vendor says: contact sales),
    "not-offered" (the segment cannot buy it), "percent" (amount percent of `basis`) or "included" (at no
    extra charge with what `basis` names, vocabulary.INCLUDED_IN; None: with what the customer already pays).
    """

    segment: str | None
    kind: str
    amount: Decimal | None = None
    currency: str | None = None
    period: str | None = None
    marks: tuple[str, ...] = ()
    pos: Pos = field(default_factory=_no_pos, compare=False)
    period_pos: Pos = field(default_factory=_no_pos, compare=False)
    # How vendors write prices (issue 8): "from 2 500 kr per user per month, excl. VAT".
    unit: str | None = None  # user, seat, device (vocabulary.PRICE_UNITS); None: per plan
    starting: bool = False  # a "from" price: the least it costs
    tax: str | None = None  # "excluded" or "included" (vocabulary.TAX_NOTES); None: not said
    unit_pos: Pos = field(default_factory=_no_pos, compare=False)
    # kind "percent": `amount` percent of the price named by `basis` (vocabulary.PRICE_BASES): 20% of licence;
    # kind "included": what it comes with (vocabulary.INCLUDED_IN): included in licence.
    basis: str | None = None
    basis_pos: Pos = field(default_factory=_no_pos, compare=False)
    # Prices that change on a date: the date from which this price applies (None: from the start). A segment's
    # prices from one date replace all of its earlier prices (docs/language.md, "Prices that change on a date").
    valid_from: date | None = None
    valid_from_pos: Pos = field(default_factory=_no_pos, compare=False)
    # How vendors really write prices: `minimum 10 users billed yearly`, `at least 500 EUR per month`.
    minimum: int | None = None  # the least quantity a customer buys, counted in `minimum_unit`
    minimum_unit: str | None = None  # the unit as written (`users`); the checks judge it against `unit`
    minimum_pos: Pos = field(default_factory=_no_pos, compare=False)
    billing: str | None = None  # how often it is invoiced, as written (vocabulary.BILLING): "yearly"
    billing_pos: Pos = field(default_factory=_no_pos, compare=False)
    # The least it costs, an amount (`at least 500 EUR per month`): of a percentage, or of a price per a unit (session 27).
    floor: Price | None = None
    # A set-up fee on top: `plus 3000 EUR setup`, an amount paid once besides this price. `setup_word`
    # is the word as written (vocabulary.FEES judges it); a `per` written after the fee is the fee's `period`.
    setup: Price | None = None
    setup_word: str | None = None
    setup_pos: Pos = field(default_factory=_no_pos, compare=False)
    # A prepaid pack: `for 10 hours`, the amount buys `pack` of `pack_unit` (as written, singular or
    # plural; vocabulary.PACK_UNITS judges it) at once.
    pack: int | None = None
    pack_unit: str | None = None
    pack_pos: Pos = field(default_factory=_no_pos, compare=False)
    # Prices that add up: `price 4900 SEK per month plus 350 SEK per server`, parts paid besides the price, each
    # per a unit (or per none when the price is per one), per the price's period. A part's `period` is as written
    # (None: the price's, which it is always paid per; the checks refuse another).
    parts: tuple[Price, ...] = ()

    @property
    def pack_of(self) -> str | None:
        """The unit a pack holds, singular ("hour" for `for 10 hours`), or None for a price that is no pack."""
        return PRICE_UNIT_PLURALS.get(self.pack_unit, self.pack_unit) if self.pack_unit is not None else None

    @property
    def billed_every(self) -> str | None:
        """The period the price is invoiced per ("year" for `billed yearly`), or None when not said or not known."""
        return BILLING.get(self.billing) if self.billing is not None else None


@dataclass(frozen=True, slots=True)
class Quantity:
    """How many of something, per period: 4 per year."""

    count: int
    period: str | None = None
    period_pos: Pos = field(default_factory=_no_pos, compare=False)


@dataclass(frozen=True, slots=True)
class Cell:
    """One plan's entry for one feature.

    kind: "included", "excluded", "text" (text is set), "quantity"
    (quantity is set, text may qualify it), "allowance" (an amount of time:
    quantity.count is minutes, per its period: 10h per month), "add-on" (bought separately;
    `price` is its amount or on-request when the plan says), "not-applicable"
    (the feature does not apply to this plan) or "not-stated" (the source says
    nothing about it: not the same as "excluded").
    """

    feature: str
    kind: str
    text: Text | None = None
    quantity: Quantity | None = None
    marks: tuple[str, ...] = ()
    pos: Pos = field(default_factory=_no_pos, compare=False)
    price: Price | None = None
    # More than one price of an add-on: `add-on 1200 SEK per hour, 9000 SEK per day`; `price` is the first.
    more_prices: tuple[Price, ...] = ()

    @property
    def prices(self) -> tuple[Price, ...]:
        """Every price of an add-on as written, the first first; () when it states none."""
        return (self.price, *self.more_prices) if self.price is not None else ()

    @property
    def offered(self) -> bool:
        """Whether the plan offers the feature in any form (an add-on too)."""
        return self.kind not in CELL_KINDS_NOT_OFFERED


CELL_KINDS_NOT_OFFERED: tuple[str, ...] = ("excluded", "not-applicable", "not-stated")
"""Cell kinds that do not offer the feature: not included, not applicable, not stated by the source."""


@dataclass(frozen=True, slots=True)
class Target:
    """An SLA target: `minutes` of `calendar` time from report to `metric`.

    priority None: for every priority. minutes None: explicitly no guaranteed
    target (not the same as a target that is simply not stated).
    """

    metric: str
    priority: str | None
    minutes: int | None
    calendar: str | None
    pos: Pos = field(default_factory=_no_pos, compare=False)
    minutes_pos: Pos = field(default_factory=_no_pos, compare=False)
    # Issue 8: a target may be limited to a kind of case (None: the general case), count business
    # days instead of minutes (`days`; `day_end` False: the same wall-clock time that many business
    # days later; True: the close of the Nth business day after the report's day), or exist without
    # being published by the vendor (`published` False; minutes and days are then None).
    case: str | None = None
    days: int | None = None
    day_end: bool = False
    published: bool = True
    case_pos: Pos = field(default_factory=_no_pos, compare=False)
    # Issue 10: the date from which this version of the target applies (None: from the start);
    # several targets for one metric, priority and case are versions, in the order of their dates.
    valid_from: date | None = None
    valid_from_pos: Pos = field(default_factory=_no_pos, compare=False)
    # A cut-off time (minutes after local midnight): a report at or after it on a business day of the
    # target's calendar counts as made at that calendar's first opening of the next business day.
    cutoff: int | None = None
    cutoff_pos: Pos = field(default_factory=_no_pos, compare=False)
    # `30 calendar days`: `minutes` are that many times 24 hours, on a calendar open 24x7 (the checks see to it); the
    # pages say it in days, as the vendor does, not "720 hours".
    calendar_days: bool = False
    # The words themselves, for a caret under the one a check refuses (an unknown metric, priority or calendar).
    metric_pos: Pos = field(default_factory=_no_pos, compare=False)
    priority_pos: Pos = field(default_factory=_no_pos, compare=False)
    calendar_pos: Pos = field(default_factory=_no_pos, compare=False)

    @property
    def guaranteed(self) -> bool:
        """Whether the target promises a time (a duration or business days) that the vendor published."""
        return self.published and (self.minutes is not None or self.days is not None)

    @property
    def kind(self) -> str:
        """'minutes', 'days', 'none' (no guaranteed time) or 'unpublished'."""
        if not self.published:
            return "unpublished"
        if self.minutes is not None:
            return "minutes"
        return "days" if self.days is not None else "none"


@dataclass(frozen=True, slots=True)
class Coverage:
    """When support for a priority (or all, if None) is available: Infor's CIS 24x5."""

    priority: str | None
    calendar: str
    pos: Pos = field(default_factory=_no_pos, compare=False)
    case: str | None = None  # issue 8: coverage for one kind of case only (None: every case)
    # The words themselves, for a caret under the one a check refuses.
    priority_pos: Pos = field(default_factory=_no_pos, compare=False)
    calendar_pos: Pos = field(default_factory=_no_pos, compare=False)
    case_pos: Pos = field(default_factory=_no_pos, compare=False)


@dataclass(frozen=True, slots=True)
class Dropped:
    """`no target first-response A for fuori-orario`, `no coverage A for fuori-orario` (lang17): a target (every version
    of it) or a coverage that a plan extending another does not inherit, so that a case keeps the plan's general one."""

    kind: str  # "target" or "coverage"
    metric: str | None  # a target's metric; None for a coverage
    priority: str | None  # None: `all`
    case: str | None = None
    pos: Pos = field(default_factory=_no_pos, compare=False)

    def key(self) -> tuple[str | None, str | None, str | None]:
        """What it drops: a target's (metric, priority, case), a coverage's (None, priority, case)."""
        return (self.metric, self.priority, self.case)

    def written(self) -> str:
        """The statement as a plan writes it: "target first-response A for fuori-orario"."""
        what = " ".join(w for w in (self.kind, self.metric, self.priority or "all") if w)
        return what + (f" for {self.case}" if self.case else "")


@dataclass(frozen=True, slots=True)
class Obligation:
    """Something the vendor does on its own: 4 status meetings a year, a call after 4 h of work."""

    id: str
    text: Text
    quantity: Quantity | None = None
    after_minutes: int | None = None
    calendar: str | None = None
    pos: Pos = field(default_factory=_no_pos, compare=False)
    after_pos: Pos = field(default_factory=_no_pos, compare=False)
    # `obligation rca for P1 and P2 ...`: the priorities it is for; () is every priority (as ChannelPriorities).
    priorities: tuple[str, ...] = ()
    priorities_pos: tuple[Pos, ...] = field(default=(), compare=False)  # where each priority is written
    # `obligation status-call every 2h on office ...`: again after every so much work, until the ticket is resolved.
    every_minutes: int | None = None
    every_pos: Pos = field(default_factory=_no_pos, compare=False)

    def is_for(self, priority: str | None) -> bool:
        """Whether the vendor does this for a ticket of `priority` (every priority when the obligation names none)."""
        return not self.priorities or priority in self.priorities


@dataclass(frozen=True, slots=True)
class AppliesTo:
    """Who else a plan's terms apply to: Amanda's trial users get Premium's SLA.

    `id` names them in the rule set (an alias of the plan: amanda/trial answers as amanda/premium).
    """

    id: str
    who: Text
    pos: Pos = field(default_factory=_no_pos, compare=False)


# --- availability (uptime), service credits and maintenance windows -------------------------------------


@dataclass(frozen=True, slots=True)
class Availability:
    """`availability 99.9% per month`: the share of each period the service is promised to be available.

    `calendar` (`availability 99.5% per month on service-hours`) is the calendar whose open hours the availability is
    measured in: the share is of those hours in the period, not of the whole period; None: around the clock.
    """

    percent: Decimal
    period: str | None  # vocabulary.AVAILABILITY_PERIODS; None when not written (an error, T0831)
    pos: Pos = field(default_factory=_no_pos, compare=False)
    period_pos: Pos = field(default_factory=_no_pos, compare=False)
    calendar: str | None = None
    calendar_pos: Pos = field(default_factory=_no_pos, compare=False)


@dataclass(frozen=True, slots=True)
class Credit:
    """`25% below 99%`: a share of the period's fee credited when the measured availability is below `below` percent.

    `basis` (`25% of subscription below 99%`) is what the share is of instead of the plan's own fee: a word of
    vocabulary.CREDIT_BASES as written (the checks judge it), None for the plan's fee.
    """

    percent: Decimal
    below: Decimal
    pos: Pos = field(default_factory=_no_pos, compare=False)
    below_pos: Pos = field(default_factory=_no_pos, compare=False)
    basis: str | None = None
    basis_pos: Pos = field(default_factory=_no_pos, compare=False)


@dataclass(frozen=True, slots=True)
class Maintenance:
    """`maintenance on CALENDAR notice 48h`: scheduled maintenance, excluded from the availability.

    `calendar` is the window (its open hours), None when maintenance may be at any time it is announced;
    `notice_minutes` is how long ahead it is announced, None when the offer does not say.
    """

    calendar: str | None
    notice_minutes: int | None
    pos: Pos = field(default_factory=_no_pos, compare=False)
    notice_pos: Pos = field(default_factory=_no_pos, compare=False)


# --- penalties for missed targets ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PenaltyAmount:
    """`0.5% of monthly fee` (a share: `currency` None, `fee` the fee's word) or `500 SEK` (money: `fee` None)."""

    value: Decimal
    currency: str | None = None
    fee: str | None = None  # as written (vocabulary.PENALTY_FEES judges it): `monthly`, `quarterly`, `yearly`
    pos: Pos = field(default_factory=_no_pos, compare=False)
    fee_pos: Pos = field(default_factory=_no_pos, compare=False)
    # `0.5‰ of yearly fee` (lang14): `value` is still the percentage (0.05), exactly a tenth of what is written; the
    # page says the share as written ("0,5 ‰"), the rules the percentage.
    per_mille: bool = False

    @property
    def written(self) -> Decimal:
        """The number as written: per mille for `0.5‰` (0.5), else `value`."""
        return self.value.scaleb(1) if self.per_mille else self.value  # exact: the exponent moves back

    @property
    def is_share(self) -> bool:
        """Whether the amount is a percentage of the plan's fee (not money)."""
        return self.currency is None

    @property
    def fee_period(self) -> str | None:
        """The period of the fee a share is of ("month" for `of monthly fee`); None for money or an unknown word."""
        return PENALTY_FEES.get(self.fee) if self.fee is not None else None

    @property
    def of_contract(self) -> bool:
        """Whether the amount is a share of the whole contract's value (`10% of contract value`), not of a fee."""
        return self.currency is None and self.fee == PENALTY_CONTRACT_VALUE

    @property
    def measure(self) -> str | None:
        """What the amount is counted in: a currency, "fee/month" (…quarter, year), "contract"; None for an unknown fee."""
        if not self.is_share:
            return self.currency
        if self.of_contract:
            return "contract"
        return f"fee/{self.fee_period}" if self.fee_period is not None else None


@dataclass(frozen=True, slots=True)
class PenaltyCap:
    """`penalty total at most 20% of monthly fee per month`: all of a plan's penalties summed over `per`, at most `amount`."""

    amount: PenaltyAmount
    per: str | None  # vocabulary.PERIODS' month, quarter, year; None when not written (an error, T0866)
    pos: Pos = field(default_factory=_no_pos, compare=False)
    per_pos: Pos = field(default_factory=_no_pos, compare=False)


@dataclass(frozen=True, slots=True)
class PenaltyStep:
    """`then 1000 PLN per started day after 5 days`: from the unit of delay after the `after`th on, each costs `amount`.

    `per` and `after_unit` are as written; the checks judge that they are the penalty's own unit (T0869).
    """

    amount: PenaltyAmount
    per: str
    after: int
    after_unit: str
    pos: Pos = field(default_factory=_no_pos, compare=False)
    per_pos: Pos = field(default_factory=_no_pos, compare=False)
    after_pos: Pos = field(default_factory=_no_pos, compare=False)
    # `… after 4 hours on the whole delay`: once the delay passes `after` units, every unit of it costs `amount`.
    whole: bool = False


@dataclass(frozen=True, slots=True)
class Penalty:
    """`penalty resolution P1 0.5% of monthly fee per started hour at most 10% of monthly fee per month`.

    What the vendor pays when a target of `metric` for `priority` (None: every priority) is missed: `amount` per
    `per` (vocabulary.PENALTY_UNITS, as written: "started business hour", "business day", "occurrence"), the penalties summed
    over `cap_per` (a period or "occurrence") at most `cap` (None: no cap stated).
    """

    metric: str
    priority: str | None
    amount: PenaltyAmount
    per: str
    cap: PenaltyAmount | None = None
    cap_per: str | None = None  # vocabulary.PENALTY_CAP_PERIODS; None when not written (an error with a cap, T0866)
    pos: Pos = field(default_factory=_no_pos, compare=False)
    per_pos: Pos = field(default_factory=_no_pos, compare=False)
    cap_pos: Pos = field(default_factory=_no_pos, compare=False)
    cap_per_pos: Pos = field(default_factory=_no_pos, compare=False)
    # A penalty that grows with the delay: each step's amount from its unit on, in the order written.
    steps: tuple[PenaltyStep, ...] = ()
    # The words themselves, for a caret under the one a check refuses (an unknown metric or priority).
    metric_pos: Pos = field(default_factory=_no_pos, compare=False)
    priority_pos: Pos = field(default_factory=_no_pos, compare=False)
    # `penalty obligation report 0.5% of monthly fee per business day on office` (lang17): paid when the plan's obligation
    # of this id is late (a monthly report delivered after the day its text names), not a target; `metric` is then "" and
    # `priority` None. `calendar`: the calendar the business hours or days of delay are of, when the line names it (an
    # obligation without a calendar of its own: `report 1 per month`); else the obligation's.
    obligation: str | None = None
    obligation_pos: Pos = field(default_factory=_no_pos, compare=False)
    calendar: str | None = None
    calendar_pos: Pos = field(default_factory=_no_pos, compare=False)

    @property
    def unit(self) -> str:
        """'hour', 'day' or 'occurrence': what the amount is paid per, without `started` or `business`."""
        return self.per.split()[-1]

    @property
    def started(self) -> bool:
        """Whether each started hour or day counts (`per started hour`), not only whole ones."""
        return self.per.startswith("started ")

    @property
    def business(self) -> bool:
        """Whether the hours or days are of the target's calendar (`business hour`, `business day`), not real time."""
        return "business" in self.per.split()


@dataclass(frozen=True, slots=True)
class Plan:
    """A support tier, with everything inherited through `extends` already merged in.

    `own_features` lists the features whose cells this plan states itself, so a
    page can say "everything in Xtreme, plus ...".
    """

    id: str
    name: Text
    extends: str | None = None
    description: Text | None = None
    notes: tuple[Text, ...] = ()
    prices: tuple[Price, ...] = ()
    cells: tuple[Cell, ...] = ()
    own_features: tuple[str, ...] = ()
    targets: tuple[Target, ...] = ()
    coverage: tuple[Coverage, ...] = ()
    obligations: tuple[Obligation, ...] = ()
    channels: tuple[str, ...] = ()
    marks: tuple[str, ...] = ()
    pos: Pos = field(default_factory=_no_pos, compare=False)
    channel_hours: tuple[ChannelHours, ...] = ()
    channel_priorities: tuple[ChannelPriorities, ...] = ()
    """Channels that are for some priorities only; a channel not named here is for every priority."""

    def channel_calendar(self, channel: str) -> str | None:
        """The calendar a channel is staffed on for this plan, when the plan gives its own."""
        return next((h.calendar for h in self.channel_hours if h.channel == channel and not h.answered), None)

    def channel_answered(self, channel: str) -> str | None:
        """The calendar what a channel takes is answered on in this plan, when the plan gives its own."""
        return next((h.calendar for h in self.channel_hours if h.channel == channel and h.answered), None)
    # Issue 8 (tiers and editorial voice); never inherited through `extends`.
    recommended: bool = False
    applies_to: tuple[AppliesTo, ...] = ()
    editorial_notes: tuple[Text, ...] = ()
    no_support: bool = False  # the tier offers no support at all (not: support without a guaranteed time)
    # ISO 639 codes in the order written; () when the plan names none (the vendor's then apply).
    support_languages: tuple[str, ...] = ()
    # Session 20: `contract ...`, the minimum term, renewal and notice; inherited through `extends` as a whole.
    contract: ContractTerms | None = None
    # Where each of `channels` is written (as `channels`, inherited with it), so a diagnostic points at it.
    channels_pos: tuple[Pos, ...] = field(default=(), compare=False)
    # Availability (uptime), service credits and maintenance windows; inherited through `extends` (credits go
    # with the availability they were written beside: a plan with its own availability keeps only its own credits).
    availability: Availability | None = None
    credits: tuple[Credit, ...] = ()
    credits_pos: Pos = field(default_factory=_no_pos, compare=False)
    # `credit none`: the offer says there are no service credits (credits is then ()); False with no credits: not said.
    no_credits: bool = False
    maintenance: Maintenance | None = None
    # Penalties for missed targets; inherited through `extends` as a whole, as credits are: a plan that writes its own
    # `penalty` lines (or `penalty none`) keeps only its own.
    penalties: tuple[Penalty, ...] = ()
    # `penalty none`: the offer says it pays no penalties (penalties is then ()); False with none: not said.
    no_penalties: bool = False
    penalties_pos: Pos = field(default_factory=_no_pos, compare=False)
    # `penalty total at most 20% of monthly fee per month`: the cap of all the plan's penalties together; goes with them.
    penalty_total: PenaltyCap | None = None
    # `no target …`, `no coverage …` (lang17): what this plan leaves out of what it inherits; its own, never inherited
    # (a plan extending it inherits its targets and coverage without them).
    dropped: tuple[Dropped, ...] = ()

    def cell(self, feature: str) -> Cell | None:
        """The plan's cell for a feature, or None when the plan does not mention it."""
        return next((c for c in self.cells if c.feature == feature), None)

    def target(self, metric: str, priority: str | None, case: str | None = None) -> Target | None:
        """The target for a metric, priority and kind of case.

        In order: the case's target for the priority, the case's for all, then (a case without its
        own target keeps the general one) the general target for the priority, the general for all.
        """
        scopes = (case, None) if case is not None else (None,)
        for scope in scopes:
            mine = [t for t in self.targets if t.metric == metric and t.case == scope]
            exact = next((t for t in mine if t.priority == priority), None)
            if exact is None and priority is not None:
                exact = next((t for t in mine if t.priority is None), None)
            if exact is not None:
                return exact
        return None


@dataclass(frozen=True, slots=True)
class CaseKind:
    """A kind of case a target may be limited to: escalated to the manufacturer, security incident."""

    id: str
    name: Text
    pos: Pos = field(default_factory=_no_pos, compare=False)


@dataclass(frozen=True, slots=True)
class MetricText:
    """A vendor's own name and definition for a metric (Stratiteq: response = troubleshooting starts)."""

    metric: str
    name: Text | None = None
    definition: Text | None = None
    pos: Pos = field(default_factory=_no_pos, compare=False)


@dataclass(frozen=True, slots=True)
class Source:
    """The public document a vendor's terms were taken from, its own date, and the date it was read (None: not known)."""

    title: Text
    url: str | None = None
    read: date | None = None
    pos: Pos = field(default_factory=_no_pos, compare=False)
    url_pos: Pos = field(default_factory=_no_pos, compare=False)
    published: date | int | None = None  # the document's own date, or only its year (a brochure's copyright year)
    published_pos: Pos = field(default_factory=_no_pos, compare=False)


@dataclass(frozen=True)
class Vendor:
    """One vendor's whole support offer, references resolved."""

    id: str
    name: str
    language: str
    intro: Text | None = None
    website: str | None = None
    notes: tuple[Text, ...] = ()
    contacts: tuple[Contact, ...] = ()
    segments: tuple[Segment, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    categories: tuple[Category, ...] = ()
    features: tuple[Feature, ...] = ()
    metrics: tuple[MetricText, ...] = ()
    priorities: PriorityScheme | None = None
    calendars: tuple[Calendar, ...] = ()
    plans: tuple[Plan, ...] = ()
    pos: Pos = field(default_factory=_no_pos, compare=False)
    cases: tuple[CaseKind, ...] = ()
    contact_groups: tuple[ContactGroup, ...] = ()
    # Issue 8: where the terms were read, and the publisher's own notes (kept apart from the vendor's).
    sources: tuple[Source, ...] = ()
    editorial_notes: tuple[Text, ...] = ()
    support_languages: tuple[str, ...] = ()  # ISO 639 codes; a plan's own list wins (languages_of)
    # `language en only`: the offer is published in `language` alone; its texts need no translation, and
    # a page in another language shows them in this one (Text.resolve), saying so.
    language_only: bool = False
    # `language en, sv only`: the other languages the offer is published in; their pages show its own texts in them.
    also_languages: tuple[str, ...] = ()

    def published_in(self, lang: str) -> bool:
        """Whether the offer itself is published in `lang` (always, unless it says `only`)."""
        return not self.language_only or lang == self.language or lang in self.also_languages

    def languages_of(self, plan: Plan) -> tuple[str, ...]:
        """The languages a plan's customers are helped in: the plan's own list, else the vendor's; () when not stated."""
        return plan.support_languages or self.support_languages

    def states_support_languages(self) -> bool:
        """Whether some plan states the languages its customers are helped in (its own list or the vendor's)."""
        return any(self.languages_of(p) for p in self.plans)

    def states_availability(self) -> bool:
        """Whether some plan promises an availability (uptime): the comparison then has its availability column."""
        return any(p.availability is not None for p in self.plans)

    def states_penalties(self) -> bool:
        """Whether some plan states penalties for delay (or `penalty none`): the comparison then has its penalties column."""
        return any(p.penalties or p.no_penalties for p in self.plans)

    def case(self, case_id: str) -> CaseKind | None:
        """The kind of case with this id, or None."""
        return next((c for c in self.cases if c.id == case_id), None)

    def plan(self, plan_id: str) -> Plan | None:
        """The plan with this id, or None."""
        return next((p for p in self.plans if p.id == plan_id), None)

    def calendar(self, calendar_id: str) -> Calendar | None:
        """A calendar this vendor uses, by id, or None."""
        return next((c for c in self.calendars if c.id == calendar_id), None)

    def feature(self, feature_id: str) -> Feature | None:
        """The feature with this id, or None."""
        return next((f for f in self.features if f.id == feature_id), None)

    def features_in(self, category: str | None) -> Iterator[Feature]:
        """The features of one category, in the order written."""
        return (f for f in self.features if f.category == category)

    def offered_features(self, plan_id: str) -> tuple[str, ...]:
        """The ids of the features a plan offers in any form, in matrix order."""
        plan = self.plan(plan_id)
        if plan is None:
            return ()
        return tuple(f.id for f in self.features if (c := plan.cell(f.id)) is not None and c.offered)

    def footnote(self, mark: str) -> Footnote | None:
        """The footnote for a mark such as '*', or None."""
        return next((f for f in self.footnotes if f.mark == mark), None)

    def metric_text(self, metric: str) -> MetricText | None:
        """The vendor's own wording for a metric, or None."""
        return next((m for m in self.metrics if m.metric == metric), None)


@dataclass(frozen=True, slots=True)
class Project:
    """Everything loaded from the plan files: the vendors in id order."""

    vendors: tuple[Vendor, ...]
    horizon: Horizon | None = None  # issue 10: the years the rules cover, when the plans declare them

    def vendor(self, vendor_id: str) -> Vendor | None:
        """The vendor with this id, or None."""
        return next((v for v in self.vendors if v.id == vendor_id), None)


# --- issue 10: the rules' horizon ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Horizon:
    """`horizon 2026-2028`: the calendar years (inclusive) the exported SLA rules cover."""

    first: int
    last: int
    pos: Pos = field(default_factory=_no_pos, compare=False)


# --- contract terms -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ContractLength:
    """A length of time in a contract as written: `12 months`, `30 days` (the unit singular or plural)."""

    count: int
    unit: str
    pos: Pos = field(default_factory=_no_pos, compare=False)
    unit_pos: Pos = field(default_factory=_no_pos, compare=False)

    @property
    def period(self) -> str | None:
        """The vocabulary's period the unit names ("months" -> "month"), or None when it names none."""
        return period_named(self.unit)


@dataclass(frozen=True, slots=True)
class ContractTerms:
    """`contract ...`: how long a tier is bought for at least, whether it renews by itself, and the notice to end it.

    minimum None: no minimum term (`contract none`: the customer may end it at any time, giving the notice).
    renewal None: the offer states no automatic renewal. notice None: no notice stated (not the same as
    `notice none`, `no_notice` True: the contract ends without notice).
    """

    minimum: ContractLength | None
    renewal: ContractLength | None = None
    notice: ContractLength | None = None
    no_notice: bool = False
    pos: Pos = field(default_factory=_no_pos, compare=False)
    # `then open-ended`: after the minimum term the contract runs on with no term of its own, until notice is given
    # ("därefter tills vidare", "poi a tempo indeterminato"). `then_word` is the word as written (the checks judge it).
    then_word: str | None = None
    then_pos: Pos = field(default_factory=_no_pos, compare=False)

    @property
    def open_ended(self) -> bool:
        """Whether the contract runs on until further notice after its minimum term (`then open-ended`)."""
        return self.then_word == OPEN_ENDED


# --- pickling --------------------------------------------------------------------------------------
# The build cache and the worker processes pickle a plan's declarations and models: tens of thousands
# of objects a file. A frozen dataclass with slots pickles through dataclasses' own __getstate__, which
# asks `fields()` anew for every object (a fifth of pickling a plan); these take the names once a class.


def quick_pickling(namespace: dict[str, object]) -> None:
    """Give each frozen dataclass with slots in `namespace` a __getstate__/__setstate__ that know its field names."""
    import dataclasses
    from operator import attrgetter

    for cls in list(namespace.values()):
        if not (isinstance(cls, type) and dataclasses.is_dataclass(cls) and "__slots__" in vars(cls)):
            continue
        names = tuple(item.name for item in dataclasses.fields(cls))
        if getattr(cls.__getstate__, "__name__", "") != "_dataclass_getstate" or not names:
            continue
        get = attrgetter(*names) if len(names) > 1 else (lambda obj, _name=names[0]: (getattr(obj, _name),))

        def getstate(self: object, _get: object = get) -> object:
            return _get(self)  # type: ignore[operator]

        cls.__getstate__ = getstate  # type: ignore[method-assign]
        cls.__setstate__ = _setstate(cls, names)  # type: ignore[attr-defined]
        if _plain_init(cls):
            cls.__init__ = _init(cls)  # type: ignore[method-assign]


def _setstate(cls: type, names: tuple[str, ...]) -> Callable[[object, tuple[object, ...]], None]:
    """A __setstate__ for `cls` that sets each slot through its own descriptor, one line a field, written out once.

    Loading a thousand plan files' declarations sets a million fields: a loop over the names calling
    `object.__setattr__` took twice as long as these lines (the slots' descriptors bypass the frozen class's
    __setattr__ just as `object.__setattr__` does)."""
    setters = _slot_setters(cls, names)
    lines = "".join(f"    _{n}(self, state[{n}])\n" for n in range(len(names)))
    source = (
        f"def setstate(self, state, {', '.join(f'_{n}=_setters[{n}]' for n in range(len(names)))}):\n"
        f"    if len(state) != {len(names)}:\n"
        f"        raise ValueError('{cls.__name__}: {len(names)} fields pickled as ' + str(len(state)))\n"
        f"{lines}"
    )
    namespace: dict[str, Any] = {"_setters": setters}
    exec(source, namespace)  # the source is made above from field counts and the class name alone
    setstate: Callable[[object, tuple[object, ...]], None] = namespace["setstate"]
    setstate.__qualname__ = f"{cls.__qualname__}.__setstate__"
    return setstate


def _slot_setters(cls: type, names: Sequence[str]) -> list[Callable[[object, object], None]]:
    """Each field's slot descriptor's __set__, which sets the field of a frozen class as `object.__setattr__` does."""
    return [next(vars(k)[name] for k in cls.__mro__ if name in vars(k)).__set__ for name in names]


def _plain_init(cls: type) -> bool:
    """Whether `cls`'s __init__ is the one dataclasses wrote, over plain fields (no InitVar, keyword-only field or
    __post_init__), so that `_init` may write it again."""
    import dataclasses

    every = getattr(cls, "__dataclass_fields__", {})
    return (
        getattr(getattr(vars(cls).get("__init__"), "__code__", None), "co_qualname", "") == "__create_fn__.<locals>.__init__"
        and not hasattr(cls, "__post_init__")
        and all(f._field_type is dataclasses._FIELD for f in every.values())  # type: ignore[attr-defined]
        and not any(f.kw_only for f in every.values())
    )


def _init(cls: type) -> Callable[..., None]:
    """An __init__ for `cls` with dataclasses' signature and defaults that sets each slot through its descriptor.

    The parser makes a plan's model objects one by one (a Pos for nearly every value): dataclasses' own __init__ of a
    frozen class calls `object.__setattr__` by name per field, and took twice as long as these lines."""
    import dataclasses

    fields = dataclasses.fields(cls)
    namespace: dict[str, Any] = {"__tw_setters": _slot_setters(cls, [f.name for f in fields]), "__tw_factory": _FACTORY}
    params, lines = ["self"], []
    for n, f in enumerate(fields):
        value = f.name
        if f.default is not dataclasses.MISSING:
            namespace[f"__tw_default{n}"] = f.default
            default = f"__tw_default{n}"
        elif f.default_factory is not dataclasses.MISSING:
            namespace[f"__tw_make{n}"] = f.default_factory
            default = "__tw_factory"
            lines.append(f"    if {f.name} is __tw_factory: {f.name} = __tw_make{n}()" if f.init else "")
            value = f.name if f.init else f"__tw_make{n}()"
        else:
            default = ""
        if f.init:
            params.append(f"{f.name}={default}" if default else f.name)
        elif default != "__tw_factory":
            value = default
        lines.append(f"    __tw_setters[{n}](self, {value})")
    source = f"def __init__({', '.join(params)}):\n" + "\n".join(line for line in lines if line) + "\n    return None\n"
    exec(source, namespace)  # the source is made above from the class's field names alone
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    original = vars(cls)["__init__"]
    init.__doc__ = original.__doc__
    init.dataclass_init = original  # type: ignore[attr-defined]  # the one it stands for (tests compare the two)
    return init


class _FactoryDefault:
    """The default of a field whose default is made by a factory, in `_init`'s signatures, as dataclasses' own."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _FactoryDefault()


quick_pickling(globals())
