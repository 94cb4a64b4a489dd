"""View logic of the cross-vendor comparison page ({lang}/compare/, issue 9).

Every plan of every vendor in one table, on the facts the model states for all of them: the price
as the vendor writes it (amount, currency, unit, period), when support is available, the first
response for the highest and the lowest priority, and the channels. Like dsl/site/views.py (whose
helpers it reuses, so a fact reads the same here as on the vendor's page) it makes every decision
the page shows; the template only lays it out. The JavaScript of the page (assets/compare.js) sorts
and filters by the `sort` keys and `tags` given here and answers "who answers first?" with sla.js
on the published rules; the reasons a plan has no deadline are decided here, once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from markupsafe import Markup, escape

from dsl.language.model import Plan, Price, Project, Target, Vendor
from dsl.language.vocabulary import DEFAULT_METRIC, METRICS, PACK_UNITS, PRICE_BASES
from dsl.site import formatting as fmt
from dsl.site import views as site
from dsl.site.views import Choice

COMPARE_FOLDER = "compare"
"""The comparison's folder inside each language folder: {lang}/compare/index.html."""

LAST = "~"
"""The sort key of a cell with nothing to compare ("Not stated", "No guaranteed time"): after every value, in both directions."""

APART = "}"
"""The start of a sort key of a value that compares only with values of its own kind ("}2 0 …": a share of a licence
price, not a price a month): after every other value and before LAST, in ascending order in both directions
(assets/compare.js). The character sorts after every digit and letter and before LAST, so keys compare as strings."""

# Sort keys are strings compared character by character, so numbers are zero-padded to these widths.
_MINUTES_WIDTH = 9
_AMOUNT_WIDTH = 15


def css_string(text: str) -> Markup:
    """`text` as a CSS string literal that is safe inside a <style> element (no quote, backslash or "<" left bare)."""
    return Markup('"' + "".join(f"\\{ord(c):x} " if c in '"\\<>&' or ord(c) < 0x20 or ord(c) == 0x7F else c for c in text) + '"')


@dataclass(frozen=True)
class Column:
    """A column of the comparison: its key (in a shared URL: ?sort=top) and its head."""

    key: str
    label: str


@dataclass(frozen=True)
class CompareCell:
    """One fact of one plan: its words, what sorts it, a line in small type under it, and whether the plan is silent on it."""

    text: Markup
    sort: str
    small: Markup | str = ""
    unstated: bool = False  # "Not stated", "No price published": muted on screen, so that a reader sees the silence
    cases: tuple[Markup, ...] = ()  # lines under the small one: what a kind of case with its own target gets


@dataclass(frozen=True)
class ResponseAnswer:
    """What "who answers first?" asks the rules for one plan: the priority, or why there is no deadline."""

    priority: str  # the rules' priority id ("" for a vendor without priority levels)
    label: Markup  # the priority's name as the table shows it ("P1", "Every request"), vendor's words in their `lang`
    reason: str  # "" when the rules give a deadline; else "No guaranteed time", "No support", ...


@dataclass(frozen=True)
class CompareRow:
    """One plan of one vendor across the columns."""

    key: str  # "vendor/plan", the plan's name in the rules and in a shared URL
    vendor_id: str
    vendor: str
    plan: Markup
    href: str  # the plan's card on its vendor's page, relative to the compare page
    recommended: bool
    cells: tuple[CompareCell, ...]  # in the order of ComparePage.columns after the first two
    coverage: str  # a filter tag: "24x7", "hours", "none" (not stated) or "no-support"
    channels: tuple[str, ...]  # the vocabulary's contact kinds the plan can be reached by, for the channel filter
    top: ResponseAnswer
    low: ResponseAnswer
    languages: tuple[str, ...] = ()  # ISO 639 codes of the languages of support, for the language filter
    choose: str = ""  # the label of the row's tick box: "Choose Gold (Acme)"


@dataclass(frozen=True)
class ComparePage:
    """Everything the comparison page shows in one language."""

    columns: tuple[Column, ...]
    rows: tuple[Markup, ...]  # each vendor's rows, written out by the template compare_rows.html (see RowsPart)
    vendors: tuple[Choice, ...]
    coverages: tuple[Choice, ...]
    channels: tuple[Choice, ...]
    countries: tuple[Choice, ...]  # the customer's country, when some clock closes on the customer's holidays
    locale: str  # the BCP 47 locale deadlines are formatted in (en-GB)
    description: str
    languages: tuple[Choice, ...] = ()  # the languages of support some tier states, for the filter
    date_pattern: str = "y-MM-dd"  # the date field's pattern in the page's locale, as on a vendor page's calculator
    date_example: str = ""
    zones: str = ""  # the site's names of the zones it names, as the vendor pages' calculator has them (site.zone_words)


_MONTHS_PER = {
    "day": Decimal(12) / Decimal(365), "week": Decimal(12) * 7 / Decimal(365), "month": Decimal(1), "quarter": Decimal(3), "year": Decimal(12),
}
"""How many months each period of vocabulary.PERIODS is, to say a price per any of them per month (a year is 365 days)."""


def _monthly(price: Price, period: str | None = None, currency: str | None = None) -> Decimal | None:
    """What an amount costs a month at the least a customer can buy; None when that is not known from the price.

    A price per a unit (user, device, server ...) counts its `minimum` of them, else one; each part it adds up with
    (`plus 350 SEK per server`) likewise; a least amount (`at least 500 EUR per month`) raises it. Not known: a price
    per a unit of work (an hour, a day, a visit, an incident, a call-out) or a prepaid pack, which the customer's use
    decides, and a price without a period. A set-up fee is paid once and is not counted.
    """
    if price.kind != "amount" or price.amount is None or price.pack is not None or price.unit in PACK_UNITS:
        return None
    if currency is not None and (price.currency or "") != currency:  # a part in another currency than its price's
        return None
    months = _MONTHS_PER.get(price.period or period or "")
    if months is None:
        return None
    count = (price.minimum or 1) if price.unit is not None else 1  # a minimum counts units: of a price per plan, one
    total = price.amount * count / months
    for part in price.parts:
        found = _monthly(part, price.period, price.currency or "")
        if found is None:
            return None
        total += found
    if price.floor is not None:
        least = _monthly(price.floor, price.period, price.currency or "")
        if least is not None:
            total = max(total, least)
    return total


def _price_sort(prices: tuple[Price, ...]) -> str:
    """Free (or included in a licence or subscription) first, then what a tier costs a month at the least (grouped by
    currency, cheapest first; see `_monthly`). After them, in both directions of the sort, the prices no monthly amount
    is known of: amounts per a unit of work or pack (grouped by currency, lowest first), percentages grouped by their
    basis in vocabulary.PRICE_BASES order (licence, subscription, usage; smallest share first), "ask the vendor", "not
    offered", and last nothing stated. A billing interval, a set-up fee or a percentage's least amount does not change
    the order."""
    if any(p.kind in ("free", "included") for p in prices):  # nothing on top of what the customer pays already
        return "0"
    monthly = sorted((p.currency or "", found) for p in prices if (found := _monthly(p)) is not None)
    if monthly:
        currency, amount = monthly[0]
        # Amounts only compare within a currency: sorting groups them by currency, cheapest first.
        return f"1 {currency} {amount:0{_AMOUNT_WIDTH}.2f}"
    # From here on, a key starts with APART: compare.js keeps such keys after every other, ascending in both directions.
    amounts = sorted((p.currency or "", p.amount) for p in prices if p.kind == "amount" and p.amount is not None)
    if amounts:
        currency, amount = amounts[0]
        return f"{APART}1 {currency} {Decimal(amount):0{_AMOUNT_WIDTH}.2f}"
    percents = sorted(
        (PRICE_BASES.index(p.basis) if p.basis in PRICE_BASES else 0, p.amount) for p in prices if p.kind == "percent" and p.amount is not None
    )
    if percents:  # a share of another price: grouped by what it is a share of, the smallest first
        basis, share = percents[0]
        return f"{APART}2 {basis} {Decimal(share):0{_AMOUNT_WIDTH}.2f}"
    if any(p.kind in ("on-request", "contact-sales") for p in prices):
        return f"{APART}3"
    if any(p.kind == "not-offered" for p in prices):
        return f"{APART}4"
    return LAST


def price_cell(plan: Plan, vendor: Vendor, reader: site.Reader) -> CompareCell:
    """The plan's prices as the vendor writes them, one per segment ("Licence customers: free; others: …")."""
    _ = reader.gettext
    if not plan.prices:
        # Not "Price on request": that is a price kind the plan would state (on-request, contact-sales).
        return CompareCell(Markup(escape(_("No price published"))), LAST, unstated=True)
    labels = {s.id: reader.label(s.label) for s in vendor.segments}
    segments: list[str | None] = []
    for p in plan.prices:
        if p.segment not in segments:
            segments.append(p.segment)
    parts: list[Markup] = []
    for segment in segments:
        found = tuple(p for p in plan.prices if p.segment == segment)
        # Prices that change on a date: each version after the one before, with its date.
        text = Markup(escape(site.prices_text(found, reader)))
        if segment is not None and len(segments) > 1:
            text = site.sentence(_("%(segment)s: %(price)s"), segment=labels.get(segment, segment), price=text)
        parts.append(text)
    # One segment a line: "Licence customers: …; Customers without a licence: …" ran on for six lines in a
    # phone's column, a capital after each semicolon.
    return CompareCell(Markup("<br>").join(parts), _price_sort(site.first_prices(plan)))  # sorted by the prices in force first


def _coverage(plan: Plan, vendor: Vendor) -> str:
    """The coverage filter's tag: "no-support", "24x7" when any priority is covered around the clock, "hours", or "none"."""
    if plan.no_support:
        return "no-support"
    calendars = [vendor.calendar(c.calendar) for c in plan.coverage]
    if any(c is not None and c.always_open for c in calendars):
        return "24x7"
    return "hours" if plan.coverage else "none"


def coverage_cell(plan: Plan, vendor: Vendor, reader: site.Reader, services: tuple[site.PlanService, ...] = ()) -> CompareCell:
    """When support is available, as the vendor page's "Service per tier" says it (`services`: that section, when already made)."""
    _ = reader.gettext
    if plan.no_support:
        return CompareCell(Markup(escape(_("No support"))), LAST)
    service = next(s for s in services or site.plan_services(vendor, reader) if s.anchor == site.tier_anchor(plan.id))
    if not service.coverage:
        return CompareCell(Markup(escape(_("Not stated"))), LAST, unstated=True)
    # Around the clock sorts first, then business hours; the words themselves order the rest.
    order = {"24x7": "0", "hours": "1"}[_coverage(plan, vendor)]
    text = Markup("<br>").join(escape(line) for line in service.coverage)
    # The sort key is an attribute: the words only, without the `lang` marks of the vendor's texts in them.
    return CompareCell(text, order + " " + " ".join(line.striptags() for line in service.coverage))


def _levels(vendor: Vendor) -> tuple[str | None, str | None]:
    """The highest and the lowest priority (None, None for a vendor without priority levels)."""
    levels = vendor.priorities.levels if vendor.priorities else ()
    return (levels[0].id, levels[-1].id) if levels else (None, None)


def _target_sort(target: Target | None) -> str:
    """Minutes, zero-padded; business days as that many days, which is how a reader compares them."""
    if target is None or not target.guaranteed:
        return LAST
    minutes = target.minutes if target.minutes is not None else (target.days or 0) * 24 * 60
    return f"{minutes:0{_MINUTES_WIDTH}d}"


def _priority_label(vendor: Vendor, level: str | None, reader: site.Reader) -> Markup:
    """"P1" as the vendor names it, or "Every request" for a vendor without priority levels."""
    if level is None:
        return Markup(escape(reader.gettext("Every request")))
    return site.level_id_and_name(vendor, level, reader)  # "A – Awaria krytyczna": in Polish a lone "A" may not end a line


def response_cell(plan: Plan, vendor: Vendor, level: str | None, reader: site.Reader) -> tuple[CompareCell, ResponseAnswer]:
    """The first response for one priority (the general case) and what "who answers first?" does with it.

    A kind of case with its own target gets a line of its own, and the general time is then labelled "Any case other
    than cases escalated to Esri Inc": Esri's level 3 showed "8 hours, Every request" beside "Cases escalated to Esri Inc: 24×7", which read as
    8 hours around the clock for every case, and its 1 hour for escalated cases was nowhere in the row.
    """
    target = plan.target(DEFAULT_METRIC, level)
    cell = site.target_cell(target, reader, "", plan.no_support)
    label = _priority_label(vendor, level, reader)
    own = [
        (case.id, found)
        for case in vendor.cases
        if not plan.no_support and (found := plan.target(DEFAULT_METRIC, level, case.id)) is not None and found.case == case.id
    ]
    if own:
        # The kinds of case left out are named: "who answers first?" shows this label alone, without the lines of the
        # cases under it, and Esri's "Any other case" there did not say other than what.
        excluded = site.markup_listing([site.case_in_sentence(vendor, case, reader) for case, _found in own], reader.lang)
        label = (
            site.sentence(reader.gettext("Any case other than %(cases)s"), cases=excluded)
            if level is None
            else site.sentence(reader.gettext("%(priority)s (any case other than %(cases)s)"), priority=label, cases=excluded)
        )
    cases = tuple(
        site.sentence(
            reader.gettext("%(case)s: %(time)s"),
            case=site.case_name(vendor, case, reader),
            time=site.target_cell(found, reader).text,
        )
        for case, found in own
    )
    reason = "" if (target is not None and target.guaranteed and not plan.no_support) else cell.text
    unstated = cell.kind in ("unknown", "unpublished")
    return CompareCell(Markup(escape(cell.text)), _target_sort(None if plan.no_support else target), label, unstated, cases), ResponseAnswer(
        level or "", label, reason
    )


def without_levels(top: CompareCell, answer: ResponseAnswer, reader: site.Reader) -> tuple[CompareCell, ResponseAnswer]:
    """The lowest priority's cell of a vendor without priority levels: "No priority levels", not the highest's cell again.

    Esri's row said "8 hours, Every request" under both heads, as if it had a highest and a lowest priority that happen
    to agree. It sorts as the highest's (every request gets that time), and "who answers first?" asks the same question.
    """
    return CompareCell(Markup(escape(reader.gettext("No priority levels"))), top.sort), answer


def channels_cell(
    plan: Plan, vendor: Vendor, reader: site.Reader, services: tuple[site.PlanService, ...] = ()
) -> tuple[CompareCell, tuple[str, ...]]:
    """The kinds of channel the plan is reached by ("Phone, Support portal") and their vocabulary words.

    Said as the tier's card on the vendor page says them (`services`: that page's "Service per tier", when made), so that
    a tier with two phones reads "Phone (090-10 20 30), phone (On-call phone)" in both places, not "Phone" here.
    """
    contacts = {c.id: c for c in vendor.contacts}
    kinds: list[str] = []
    for cid in plan.channels:
        contact = contacts.get(cid)
        if contact is not None and contact.kind not in kinds:
            kinds.append(contact.kind)
    if not kinds:
        return CompareCell(Markup(escape(reader.gettext("Not stated"))), LAST, unstated=True), ()
    names = site.contact_kinds(reader)
    text = fmt.listing(site.list_items([names[k] for k in kinds]), reader.lang)
    shown = Markup(escape(text))
    service = next((s for s in services if s.anchor == site.tier_anchor(plan.id)), None)
    if service is not None and len(kinds) < len(plan.channels) and service.channels_line:
        shown = service.channels_line  # two contacts of one kind: the words that tell them apart
    # More channels sort first: the number, then the names.
    return CompareCell(shown, f"{9 - min(len(kinds), 9)} {text}"), tuple(kinds)


def languages_cell(plan: Plan, vendor: Vendor, reader: site.Reader) -> CompareCell:
    """The languages a tier's customers are helped in, by name; "Not stated" sorts last."""
    codes = vendor.languages_of(plan)
    if not codes:
        return CompareCell(Markup(escape(reader.gettext("Not stated"))), LAST, unstated=True)
    text = fmt.spoken_languages(codes, reader.lang)
    # More languages sort first, then by the names.
    return CompareCell(Markup(escape(text)), f"{99 - min(len(codes), 99):02d} {text}")


def columns(reader: site.Reader, languages: bool = False, availability: bool = False, penalties: bool = False) -> tuple[Column, ...]:
    """The table's columns, in order; the keys name them in a shared URL (?sort=top).

    The languages column only when some vendor states its languages: a column of "Not stated" tells
    a reader nothing; so do the availability and penalties columns.
    """
    _ = reader.gettext
    return (
        Column("plan", _("Tier")),
        Column("price", _("Price")),
        Column("coverage", _("When support is available")),
        Column("top", _("First response, highest priority")),
        Column("low", _("First response, lowest priority")),
        Column("channels", _("Channels")),
        *((Column("languages", _("Languages of support")),) if languages else ()),
        *((Column("availability", _("Availability")),) if availability else ()),
        *((Column("penalties", _("Penalty for delay")),) if penalties else ()),
    )


@dataclass(frozen=True)
class VendorRows:
    """One vendor's rows of the comparison, and the countries whose holidays its clocks close on (code: name)."""

    rows: tuple[CompareRow, ...]
    countries: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class RowsPart:
    """A vendor's rows as the comparison page takes them: written out once (`html`) with what its filters list.

    A page of a thousand vendors is put together from these parts, each made (and cached) once per
    vendor and language, instead of running the template over every row of every vendor again.
    """

    vendor: Choice
    html: Markup
    coverages: tuple[str, ...]
    channels: tuple[str, ...]
    languages: tuple[str, ...]
    countries: tuple[tuple[str, str], ...]

    def __reduce__(self) -> tuple[Any, ...]:
        # The build cache keeps 4,000 of these at 1,000 vendors: the HTML goes as a plain string (a Markup
        # unpickles through copyreg, three times slower), and the part is made again by its constructor.
        return _rows_part, (self.vendor, str(self.html), self.coverages, self.channels, self.languages, self.countries)


def _rows_part(
    vendor: Choice,
    html: str,
    coverages: tuple[str, ...],
    channels: tuple[str, ...],
    languages: tuple[str, ...],
    countries: tuple[tuple[str, str], ...],
) -> RowsPart:
    return RowsPart(vendor, Markup(html), coverages, channels, languages, countries)


def rows_part(vendor: Vendor, rows: VendorRows, html: str) -> RowsPart:
    """The part of the comparison of `vendor`'s `rows`, with `html` the rows as the page's template wrote them."""
    return RowsPart(
        Choice(vendor.id, vendor.name),
        Markup(html),
        tuple(dict.fromkeys(r.coverage for r in rows.rows)),
        tuple(dict.fromkeys(k for r in rows.rows for k in r.channels)),
        tuple(dict.fromkeys(code for r in rows.rows for code in r.languages)),
        rows.countries,
    )


PartOf = Callable[[Vendor, str, site.Translations, site.Warnings, bool, bool, bool], RowsPart]
"""Makes (or finds in the cache) a vendor's part of the comparison: vendor, language, words, warnings, languages column,
availability column, penalties column."""


def vendor_rows(
    vendor: Vendor, lang: str, words: site.Translations, warnings: site.Warnings, languages: bool, availability: bool = False,
    penalties: bool = False,
) -> VendorRows:
    """A vendor's plans as rows of the comparison in one language; `languages`, `availability`, `penalties`: with those columns."""
    reader = site.Reader(lang, words, vendor, warnings)
    top_level, low_level = _levels(vendor)
    services = site.plan_services(vendor, reader)
    rows = []
    countries: dict[str, str] = {}
    for plan in vendor.plans:
        top_cell, top = response_cell(plan, vendor, top_level, reader)
        low_cell, low = response_cell(plan, vendor, low_level, reader) if top_level is not None else without_levels(top_cell, top, reader)
        channels, kinds = channels_cell(plan, vendor, reader, services)
        rows.append(
            CompareRow(
                key=f"{vendor.id}/{plan.id}",
                vendor_id=vendor.id,
                vendor=vendor.name,
                plan=reader.label(plan.name),
                href=f"../{vendor.id}/index.html#{site.tier_anchor(plan.id)}",
                recommended=plan.recommended,
                cells=(
                    with_contract(price_cell(plan, vendor, reader), plan, reader),
                    coverage_cell(plan, vendor, reader, services),
                    top_cell,
                    low_cell,
                    channels,
                    *((languages_cell(plan, vendor, reader),) if languages else ()),
                    *((availability_cell(plan, reader),) if availability else ()),
                    *((penalties_cell(plan, reader),) if penalties else ()),
                ),
                coverage=_coverage(plan, vendor),
                channels=kinds,
                languages=vendor.languages_of(plan),
                top=top,
                low=low,
                choose=reader.gettext("Choose %(tier)s (%(vendor)s)") % {"tier": reader.plain(plan.name), "vendor": vendor.name},
            )
        )
        for target in plan.targets:
            calendar = vendor.calendar(target.calendar) if target.calendar and target.guaranteed else None
            for code in calendar.customer_holidays if calendar else ():
                countries[code] = fmt.country_name(code, lang)
    return VendorRows(tuple(rows), tuple(countries.items()))


def states_languages(project: Project) -> bool:
    """Whether some tier states its languages of support: the comparison then has the languages column."""
    return any(v.states_support_languages() for v in project.vendors)


def compare_page(project: Project, lang: str, words: site.Translations, warnings: site.Warnings, part_of: PartOf) -> ComparePage:
    """Every plan of every vendor, side by side, in one language; `part_of` writes (or finds) a vendor's rows."""
    parts: list[RowsPart] = []
    countries: dict[str, str] = {}
    stated = states_languages(project)
    uptime = states_availability(project)
    paid = states_penalties(project)
    for vendor in sorted(project.vendors, key=lambda v: v.id):
        part = part_of(vendor, lang, words, warnings, stated, uptime, paid)
        parts.append(part)
        countries.update(part.countries)
    reader = site.Reader(lang, words)
    _ = reader.gettext
    coverage_words = {"24x7": _("Around the clock"), "hours": _("Business hours"), "none": _("Not stated"), "no-support": _("No support")}
    used = [c for c in coverage_words if any(c in p.coverages for p in parts)]
    names = site.contact_kinds(reader)
    used_kinds = [k for k in names if any(k in p.channels for p in parts)]
    spoken = sorted({code for p in parts for code in p.languages})
    shown = columns(reader, stated, uptime, paid)
    return ComparePage(
        columns=shown,
        rows=tuple(p.html for p in parts),
        vendors=tuple(p.vendor for p in parts),
        coverages=tuple(Choice(c, coverage_words[c]) for c in used),
        channels=tuple(Choice(k, names[k]) for k in used_kinds),
        languages=tuple(sorted((Choice(c, fmt.spoken_languages((c,), lang)) for c in spoken), key=lambda c: c.label)),
        countries=tuple(sorted((Choice(c, n) for c, n in countries.items()), key=lambda c: c.label)),
        locale=fmt.locale_code(lang).replace("_", "-"),
        date_pattern=fmt.date_entry(lang), date_example=fmt.date_in_entry(site.DATE_EXAMPLE, lang),
        description=description(shown, reader),
        zones=site.zone_words(reader),
    )


def description(shown: tuple[Column, ...], reader: site.Reader) -> str:
    """The page's lead (and meta description): what its table compares, named from the columns it has.

    A fixed sentence named price, hours, response times and channels while the table also compared languages,
    availability and penalties: the lead said less than the page did.
    """
    _ = reader.gettext
    facts = {
        "price": _("price"),
        "coverage": _("when support is available"),
        "top": _("response times"),  # both first-response columns: one fact
        "low": _("response times"),
        "channels": _("channels"),
        "languages": _("languages of support"),
        "availability": _("promised availability"),
        "penalties": _("penalties for delay"),
    }
    named = list(dict.fromkeys(facts[c.key] for c in shown if c.key in facts))
    return _("Every support tier of every vendor side by side: %(facts)s.") % {"facts": fmt.listing(named, reader.lang)}


# --- availability (uptime) ---------------------------------------------------------------------------


def states_availability(project: Project) -> bool:
    """Whether some tier promises an availability: the comparison then has the availability column."""
    return any(v.states_availability() for v in project.vendors)


def availability_cell(plan: Plan, reader: site.Reader) -> CompareCell:
    """The promised availability ("99,9 % per månad") above the downtime it allows; the highest sorts first.

    Availabilities compare as the downtime they allow: 99.9 % per month sorts after 99.95 % per month,
    and before 99 % per year (about 87 hours a year, where 99.9 % per month allows about 9 hours); at the same share,
    the shorter period first (99.9 % of every month before 99.9 % of the year).
    """
    text = site.availability_text(plan, reader)
    found = site.allowed_downtime(plan, reader.vendor)
    if not text or found is None:
        return CompareCell(Markup(escape(reader.gettext("Not stated"))), LAST, unstated=True)
    seconds, days = found
    per_year = seconds * 365 // days  # the downtime allowed in a year of such periods: one scale for every period
    # At the same share, the shorter period first: 99.9 % of every month promises more than 99.9 % of the year.
    return CompareCell(Markup(escape(text)), f"{per_year:0{_AMOUNT_WIDTH}d} {days:03d}", site.downtime_text(plan, reader))


# --- contract terms -------------------------------------------------------------------
# Only the minimum term, in small type under the price: it is what a buyer weighs against the price
# ("€500 a month, 12 months' minimum"). Renewal and notice stay on the tier's page: a column of their
# own would be "Not stated" for most tiers and crowd the table, and a filter would sort on lengths few state.


def with_contract(cell: CompareCell, plan: Plan, reader: site.Reader) -> CompareCell:
    """The price cell with the tier's minimum term under it ("Minimum term: 12 months"), when the plan states its terms."""
    lines = site.contract_lines(plan.contract, reader)
    return dataclasses.replace(cell, small=lines[0]) if lines and not cell.small else cell


# --- penalties for delay ----------------------------------------------------------------------
# Whether a tier pays when it misses a target, and for which targets; the amounts per hour or day and their caps per
# target stay on the vendor's page (its targets' "Penalty for delay" row): four of them in a cell of a phone's card
# read as a contract, not as a fact to compare. The cap of all of them together, when stated, is the one figure here.


def states_penalties(project: Project) -> bool:
    """Whether some tier states penalties for delay (or `penalty none`): the comparison then has the penalties column."""
    return any(v.states_penalties() for v in project.vendors)


def penalties_cell(plan: Plan, reader: site.Reader) -> CompareCell:
    """The targets a tier pays a penalty for missing ("First response (A) and resolution"), their total cap under them.

    A target named without priorities is backed for every priority; else the priorities follow in brackets, as a
    penalty for the critical priority only is not one for every ticket. Tiers that pay sort first (more targets
    first), then "No penalties", then "Not stated".
    """
    _ = reader.gettext
    if not plan.penalties:
        if plan.no_penalties:
            return CompareCell(Markup(escape(_("No penalties"))), "1")
        return CompareCell(Markup(escape(_("Not stated"))), LAST, unstated=True)
    titles = site.metric_titles(reader)
    metrics: dict[str, list[str | None]] = {}
    for penalty in plan.penalties:
        if penalty.obligation is None:  # a late obligation's (lang17) is said once, after the targets
            metrics.setdefault(penalty.metric, []).append(penalty.priority)
    names = []
    for metric in sorted(metrics, key=lambda m: METRICS.index(m) if m in METRICS else len(METRICS)):
        name = titles.get(metric, metric)
        levels = metrics[metric]
        if None not in levels:  # only some priorities: which, in the order written
            name = _("%(metric)s (%(priorities)s)") % {"metric": name, "priorities": ", ".join(dict.fromkeys(p for p in levels if p))}
        names.append(name)
    if any(penalty.obligation is not None for penalty in plan.penalties):  # `penalty obligation report …`: "late commitments"
        names.append(_("Late commitments"))
    text = fmt.listing(site.list_items(names), reader.lang)
    total = site.penalty_total_text(plan.penalty_total, reader) if plan.penalty_total is not None else ""
    # More targets backed first, then more penalties, then the words.
    backed = len(metrics) + any(penalty.obligation is not None for penalty in plan.penalties)
    return CompareCell(Markup(escape(text)), f"0 {9 - min(backed, 9)} {9 - min(len(plan.penalties), 9)} {text}", total)
