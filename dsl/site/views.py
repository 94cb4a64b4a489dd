"""View logic of the site: the model turned into plain view objects for the templates.

The templates only lay out what this module hands them; every decision (which
language a text is shown in, how a clock is described, which cell says what)
is made here, where it can be unit-tested without rendering HTML. Texts from
plan files become `Markup` here and nowhere else: escaped, or rendered from
Markdown with raw HTML off and only http(s)/mailto/tel links.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from functools import wraps
from typing import NamedTuple, Protocol, TypeVar

from markupsafe import Markup, escape

from dsl.language import addresses, datasets
from dsl.language.diagnostics import MISSING_TRANSLATION
from dsl.language.model import (
    Calendar,
    Cell,
    Contact,
    ContractLength,
    ContractTerms,
    Feature,
    Penalty,
    PenaltyAmount,
    PenaltyCap,
    PenaltyStep,
    Plan,
    Pos,
    Price,
    Project,
    Target,
    Text,
    Vendor,
)
from dsl.language.vocabulary import AVAILABILITY_PERIOD_DAYS, DEFAULT_METRIC, LANGUAGES, METRICS, PRICE_BASES, SOURCE_LANGUAGE_FALLBACK
from dsl.site import formatting as fmt
from dsl.site import markdown as md
from dsl.site.example import REPORT_TIME, Example

DATE_EXAMPLE = date(2026, 11, 23)
"""The date the calculators' hints are written with: its day is above 12, so the example shows which field is the day."""



class Translations(Protocol):
    """What the view logic needs of a gettext catalog."""

    def gettext(self, message: str) -> str:
        """The translation of `message`."""

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The translation of `singular`/`plural` in the plural form CLDR gives `n` in the catalog's language."""


def safe_href(url: str | None) -> str | None:
    """The URL when it is an http(s), mailto, tel or sms link, else None."""
    # sms: is a contact's link only (addresses.sms_href, digits after a +); a plan's Markdown still may not write one.
    return url if url and (md.safe_link(url) or _SMS_LINK.fullmatch(url)) else None


_SMS_LINK = re.compile(r"sms:\+[0-9]+")

# Markup is an immutable str: one empty one serves every empty cell and label (a matrix makes thousands).
_NO_HTML = Markup("")


# --- the reading context --------------------------------------------------------------------


@dataclass
class Warnings:
    """Missing translations met while building, each reported once."""

    found: dict[tuple[str, int, int, str], str] = field(default_factory=dict)

    def add(self, pos: Pos, lang: str, message: str) -> None:
        """Remember one warning at `pos` about language `lang`."""
        # The page-side face of the checks' missing-translation warning, so it carries the same code.
        self.found.setdefault((pos.file, pos.line, pos.column, lang), f"{pos}: warning[{MISSING_TRANSLATION}]: {message}")

    def lines(self) -> list[str]:
        """The warnings in file and position order."""
        return [self.found[key] for key in sorted(self.found)]


class Reader:
    """One page language and vendor: picks texts, renders them, and words the site's phrases."""

    def __init__(self, lang: str, words: Translations, vendor: Vendor | None = None, warnings: Warnings | None = None) -> None:
        self.lang = lang
        self.words = words
        self.vendor = vendor
        self.warnings = warnings if warnings is not None else Warnings()
        # Each feature cell as the page words it (`feature_cell`), by the cell's identity: the tier cards repeat
        # what the feature matrix shows.
        self.cells: dict[int, tuple[Cell, FeatureCell]] = {}
        # Each calendar's sentence (`clock_text`), by the calendar's identity: a page says a vendor's one or two
        # calendars for every tier's targets, service hours, card and channel.
        self.clocks: dict[int, tuple[Calendar, str]] = {}
        # Each short text as `label` shows it, by the text's identity: a tier's name is on a page a dozen times.
        self.labels: dict[int, tuple[Text, Markup]] = {}

    def gettext(self, message: str) -> str:
        """The site's own words in the page language."""
        return self.words.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The site's own words for a count, in the page language's plural form for `n`."""
        return self.words.ngettext(singular, plural, n)

    def pick(self, text: Text) -> tuple[str, str | None]:
        """The text in the page language, or the fallback and its language (warned about)."""
        value, fallback = text.resolve(self.lang, self.vendor.language if self.vendor else SOURCE_LANGUAGE_FALLBACK)
        # A vendor published in its language only (`language en only`) is shown in it by intent: no warning.
        if fallback is not None and (self.vendor is None or self.vendor.published_in(self.lang)):
            self.warnings.add(
                text.pos, self.lang, f"text has no '{self.lang}' translation; the {self.lang} page shows the '{fallback}' text"
            )
        return value, fallback

    def plain(self, text: Text | None) -> str:
        """The text as a plain string (for attributes and option labels)."""
        return self.pick(text)[0] if text is not None else ""

    def choice(self, id: str, text: Text) -> Choice:
        """An option whose label is `text`, with the language it is shown in when that is a fallback."""
        value, fallback = self.pick(text)
        return Choice(id, value, fallback)

    def label(self, text: Text | None) -> Markup:
        """A short text, escaped, in its own `lang` when it is a fallback."""
        if text is None:
            return _NO_HTML
        found = self.labels.get(id(text))
        if found is not None and found[0] is text:
            return found[1]
        value, fallback = self.pick(text)
        html = escape(fmt.bind_single_letter_words(value, fallback or self.lang))  # a Markup already
        if fallback:
            html = html_format('<span lang="{}">{}</span>', fallback, html)
        self.labels[id(text)] = (text, html)
        return html

    def inline(self, text: Text | None) -> Markup:
        """A one-line Markdown text (emphasis, links) rendered safely."""
        if text is None:
            return _NO_HTML
        value, fallback = self.pick(text)
        html = Markup(md.render_inline(value, _binding(fallback or self.lang)))
        return html_format('<span lang="{}">{}</span>', fallback, html) if fallback else html

    def fallback(self, text: Text | None) -> str | None:
        """The language a text is shown in when it is not the page's (a `lang` for an option), else None."""
        return self.pick(text)[1] if text is not None else None

    def block(self, text: Text | None) -> Markup:
        """A Markdown text of paragraphs and lists rendered safely."""
        if text is None:
            return _NO_HTML
        value, fallback = self.pick(text)
        html = Markup(md.render_block(value, _binding(fallback or self.lang)).strip())
        return html_format('<div lang="{}">{}</div>', fallback, html) if fallback else html


def _binding(lang: str) -> str:
    """The language a plan text's Markdown is rendered for: "pl", whose one-letter words are bound to the next
    (fmt.bind_single_letter_words), or "" for the others, whose HTML is then shared by every page (md.render_inline)."""
    return lang if lang == "pl" else ""


_A = TypeVar("_A")
_R = TypeVar("_R")


def _kept_per(owner: Callable[[_A], object], limit: int) -> Callable[[Callable[[_A], _R]], Callable[[_A], _R]]:
    """`make(arg)` made once per object `owner(arg)` it depends on alone, kept by that object's identity (the object is
    kept beside it, so its id cannot be another's meanwhile), at most `limit` at a time. What is kept is shared, so its
    callers only read it."""

    def decorate(make: Callable[[_A], _R]) -> Callable[[_A], _R]:
        made: dict[int, tuple[object, _R]] = {}

        @wraps(make)
        def kept(arg: _A) -> _R:
            key = owner(arg)
            found = made.get(id(key))
            if found is None or found[0] is not key:
                if len(made) >= limit:
                    made.clear()
                found = made[id(key)] = (key, make(arg))
            return found[1]

        return kept

    return decorate


_WordTable = Callable[[Reader], dict[str, str]]

_per_catalog: Callable[[_WordTable], _WordTable] = _kept_per(lambda reader: reader.words, 64)
"""A table of the site's words that depends on the page language's catalog alone, made once per catalog: a price's words
(its unit, its period), a metric's title, a channel's name are asked for by every price and cell of every page, each time
a dozen catalog look-ups."""


# --- clocks -----------------------------------------------------------------------------------


def _runs(days: list[tuple[tuple[int, int], ...]]) -> list[tuple[int, int, tuple[tuple[int, int], ...]]]:
    """Consecutive weekdays with the same non-empty hours, as (first, last, hours)."""
    runs: list[tuple[int, int, tuple[tuple[int, int], ...]]] = []
    for index, hours in enumerate(days):
        if not hours:
            continue
        if runs and runs[-1][1] == index - 1 and runs[-1][2] == hours:
            runs[-1] = (runs[-1][0], index, hours)
        else:
            runs.append((index, index, hours))
    return runs


def weekly_text(calendar: Calendar, lang: str) -> str:
    """The weekly hours in words: "mån–fre 08:30–11:30, 12:30–16:00" or "sön 23:00 – fre 23:00"."""
    crossing = [iv for iv in calendar.weekly if iv.start_day != iv.end_day]
    if crossing:
        pieces = [
            fmt.interval(fmt.day_and_time(iv.start_day, iv.start, lang), fmt.day_and_time(iv.end_day, iv.end, lang), lang)
            for iv in calendar.weekly
        ]
        return fmt.unit_list(pieces, lang)
    days: list[list[tuple[int, int]]] = [[] for _ in range(7)]
    for iv in calendar.weekly:
        days[iv.start_day].append((iv.start, iv.end))
    # Runs with the same hours share them: "tis, tors 00:00–05:00", as a maintenance window is written,
    # not "tis 00:00–05:00; tors 00:00–05:00".
    grouped: dict[tuple[tuple[int, int], ...], list[str]] = {}
    for first, last, hours in _runs([tuple(sorted(d)) for d in days]):
        grouped.setdefault(hours, []).append(fmt.weekday_range(first, last, lang))
    parts = [f"{', '.join(named)} {fmt.unit_list([fmt.time_range(s, e, lang) for s, e in hours], lang)}" for hours, named in grouped.items()]
    return "; ".join(parts)


@_per_catalog
def subdivision_names(reader: Reader) -> dict[str, str]:
    """The names, in the page language, of the states, regions and provinces a calendar's holidays may name, by
    "COUNTRY-SUBDIVISION" code as the holidays package knows it: "Bawaria" for DE-BY on a Polish page.

    Neither CLDR (as Babel ships it) nor the holidays package names subdivisions in other languages: the package has
    one name each, the place's own ("Bayern", "Cataluña", "England"). Here are those whose name differs between the
    site's languages; any other keeps the package's name (_holiday_place).
    """
    _ = reader.gettext
    return {
        "DE-BB": _("Brandenburg"),
        "DE-BE": _("Berlin"),
        "DE-BW": _("Baden-Württemberg"),
        "DE-BY": _("Bavaria"),
        "DE-HB": _("Bremen"),
        "DE-HE": _("Hesse"),
        "DE-HH": _("Hamburg"),
        "DE-MV": _("Mecklenburg-Western Pomerania"),
        "DE-NI": _("Lower Saxony"),
        "DE-NW": _("North Rhine-Westphalia"),
        "DE-RP": _("Rhineland-Palatinate"),
        "DE-SH": _("Schleswig-Holstein"),
        "DE-SL": _("Saarland"),
        "DE-SN": _("Saxony"),
        "DE-ST": _("Saxony-Anhalt"),
        "DE-TH": _("Thuringia"),
        "AT-2": _("Carinthia"),
        "AT-3": _("Lower Austria"),
        "AT-4": _("Upper Austria"),
        "AT-5": _("Salzburg"),
        "AT-6": _("Styria"),
        "AT-7": _("Tyrol"),
        "AT-9": _("Vienna"),
        "CH-BE": _("Bern"),
        "CH-BL": _("Basel-Landschaft"),
        "CH-BS": _("Basel-Stadt"),
        "CH-FR": _("Fribourg"),
        "CH-GE": _("Geneva"),
        "CH-GR": _("Graubünden"),
        "CH-LU": _("Lucerne"),
        "CH-SG": _("St. Gallen"),
        "CH-VS": _("Valais"),
        "CH-ZH": _("Zurich"),
        "ES-AN": _("Andalusia"),
        "ES-AR": _("Aragon"),
        "ES-AS": _("Asturias"),
        "ES-CB": _("Cantabria"),
        "ES-CL": _("Castile and León"),
        "ES-CM": _("Castilla–La Mancha"),
        "ES-CN": _("Canary Islands"),
        "ES-CT": _("Catalonia"),
        "ES-EX": _("Extremadura"),
        "ES-GA": _("Galicia"),
        "ES-IB": _("Balearic Islands"),
        "ES-MC": _("Murcia"),
        "ES-MD": _("Madrid"),
        "ES-NC": _("Navarre"),
        "ES-PV": _("Basque Country"),
        "ES-VC": _("Valencian Community"),
        "FR-57": _("Moselle"),
        "FR-6AE": _("Alsace"),
        "GB-ENG": _("England"),
        "GB-NIR": _("Northern Ireland"),
        "GB-SCT": _("Scotland"),
        "GB-WLS": _("Wales"),
        "IT-FI": _("Florence"),
        "IT-GE": _("Genoa"),
        "IT-MI": _("Milan"),
        "IT-MN": _("Mantua"),
        "IT-NA": _("Naples"),
        "IT-PD": _("Padua"),
        "IT-RM": _("Rome"),
        "IT-SR": _("Syracuse"),
        "IT-TO": _("Turin"),
        "IT-VE": _("Venice"),
    }


def _holiday_place(country: str, subdivision: str | None, reader: Reader) -> str:
    """Whose public holidays, as the words after "in": the country in the page language ("the United States"), with the
    subdivision named ("Bayern, Germany").

    The subdivision is named in the page language where the site's catalog has it (subdivision_names: "Bawaria",
    "Baviera"), else by the name the holidays package gives it, its own language's. The site's words put the two
    together, so that no sentence that already brackets its places nests brackets ("(Niemcy (Bayern))")."""
    if not subdivision:
        return fmt.country_in_sentence(country, reader.lang)
    # An address has no article ("in California, United States"); Italian's preposition is the country's all the same.
    name = fmt.country_in_sentence(country, reader.lang) if reader.lang == "it" else fmt.country_name(country, reader.lang)
    region = subdivision_names(reader).get(f"{country}-{subdivision}") or datasets.subdivision_name(country, subdivision)
    return reader.gettext("%(region)s, %(country)s") % {"region": region, "country": name}


def _places(names: list[str], lang: str) -> str:
    """The places of a calendar's holidays, listed as the catalog's "%(countries)s" takes them: in Polish with their own
    preposition and case ("w Szwecji i we Włoszech") or in brackets, which the Polish catalog leaves out because they vary."""
    return fmt.polish_places(names) if lang == "pl" else fmt.listing(names, lang)


def eve_holiday_names(calendar: Calendar, lang: str) -> list[str]:
    """The holidays `eve ... before` names, in the page's language where the holidays package has the country's holidays in
    it, else in the country's own ("Midsommarafton" on an Italian page); Swedish writes them in lower case ("julafton"), and
    every page a typographic apostrophe ("New Year’s Eve")."""
    return holiday_names_shown([(h.country, h.subdivision, tuple(h.categories)) for h in calendar.holidays], calendar.eve_before, lang)


def kept_open_holiday_names(calendar: Calendar, lang: str) -> list[str]:
    """The holidays `closed holidays … except` keeps open, named as `eve_holiday_names` names them."""
    return [
        name for h in calendar.holidays
        for name in holiday_names_shown([(h.country, h.subdivision, tuple(h.categories))], h.kept_open, lang)
    ]


def holiday_names_shown(lines: list[datasets.HolidayLine], written_names: tuple[str, ...], lang: str) -> list[str]:
    """Holidays named in a plan, as a page in `lang` says them (see `eve_holiday_names`)."""
    names = []
    for written in written_names:
        for line in lines:
            found = datasets.holiday_name_in(line, written, EVE_NAME_YEARS, lang)
            if found is not None:
                if lang == "sv" and datasets.names_holidays_in(line[0], "sv"):
                    found = found[:1].lower() + found[1:]
                names.append(found.replace("'", "\u2019"))  # the pages' apostrophe, as the catalogs write it
                break
        else:
            names.append(written)  # a name the checks refuse (T0522): never published
    return names


EVE_NAME_YEARS = range(2026, 2031)
"""The years a named holiday is looked for in, to say its name: any year in which it is one will do."""


def calendar_text(calendar: Calendar, reader: Reader) -> str:
    """When a clock runs, in one sentence: "Mon–Fri 08:00–17:00 (Sweden Time), except public holidays in Sweden"."""
    _ = reader.gettext
    lang = reader.lang
    if calendar.always_open:
        return _("24×7, all year round")
    hours = weekly_text(calendar, lang) or _("no regular hours")
    if calendar.zone is None:
        text = _("%(hours)s in your own time zone") % {"hours": hours}
    else:
        text = zoned_hours(hours, calendar.zone, reader)
    places: dict[str, set[str]] = {}  # each place's kinds of holiday beyond the public ones
    for h in (h for h in calendar.holidays if not h.hours):  # `hours holidays` lines open theirs (below)
        places.setdefault(_holiday_place(h.country, h.subdivision, reader), set()).update(set(h.categories) - {"public"})
    if len({frozenset(k) for k in places.values()}) > 1:
        # Places closed on different kinds (Sweden's de facto holidays beside Italy's public ones): one list of
        # places for the public holidays, then each other kind with the places it belongs to, never all kinds for all.
        names = holiday_kind_names(reader)
        worded = {place: {k if k in names else "" for k in kinds} for place, kinds in places.items()}  # "": no words for it
        clauses = [_("%(holidays)s in %(countries)s") % {"holidays": names["public"], "countries": _places(sorted(places), lang)}]
        for kind in [k for k in [*names, ""] if any(k in kinds for kinds in worded.values())]:
            where = _places(sorted(place for place, kinds in worded.items() if kind in kinds), lang)
            clauses.append(_("%(holidays)s in %(countries)s") % {"holidays": names[kind] if kind else _("some other holidays"), "countries": where})
        text = _("%(hours)s, except %(holidays)s") % {"hours": text, "holidays": fmt.listing(clauses, lang)}
    elif places:
        countries = _places(sorted(places), lang)
        kinds = set().union(*places.values())
        if kinds:
            # Sweden's de facto holidays, Bavaria's Catholic Assumption Day, Finland's unofficial flag days: each kind
            # named, "public holidays" alone would be wrong.
            text = _("%(hours)s, except %(holidays)s in %(countries)s") % {
                "hours": text, "holidays": holiday_kinds_text(kinds, reader), "countries": countries,
            }
        else:
            text = _("%(hours)s, except public holidays in %(countries)s") % {"hours": text, "countries": countries}
    for source in (h for h in calendar.holidays if h.hours):  # `hours holidays IT 09:00-13:00` (lang17): on-call hours
        holiday_said = {
            "hours": text, "countries": _places([_holiday_place(source.country, source.subdivision, reader)], lang),
            "other": fmt.unit_list([fmt.time_range(h.start, h.end, lang) for h in source.hours], lang),
        }
        if set(source.categories) - {"public"}:
            holiday_said["holidays"] = holiday_kinds_text(source.categories, reader)
            text = _("%(hours)s; on %(holidays)s in %(countries)s %(other)s") % holiday_said
        else:
            text = _("%(hours)s; on public holidays in %(countries)s %(other)s") % holiday_said
    kept_open = kept_open_holiday_names(calendar, lang)
    if kept_open:  # `closed holidays FR except "Pentecost Monday"`: France's "journée de solidarité"
        text = _("%(hours)s; open on %(holidays)s") % {"hours": text, "holidays": fmt.listing(kept_open, lang)}
    if calendar.customer_holidays:  # issue 8: the customer's own public holidays
        text = _("%(hours)s, except public holidays in your own country") % {"hours": text}
    if calendar.eve_hours:
        eve = fmt.unit_list([fmt.time_range(h.start, h.end, lang) for h in calendar.eve_hours], lang)
        if calendar.eve_before:
            text = _("%(hours)s; on the day before %(holidays)s %(eve)s") % {
                "hours": text, "holidays": fmt.listing(eve_holiday_names(calendar, lang), lang), "eve": eve,
            }
        else:
            # "a holiday", not "a public holiday": the eve comes before every closed holiday, de facto ones too (sv "dag före helgdag").
            text = _("%(hours)s; on the day before a holiday %(eve)s") % {"hours": text, "eve": eve}
    if calendar.bridge_days:  # `closed bridge days` (outside16): a Swedish klämdag, an Italian ponte
        text = _("%(hours)s; closed on bridge days (a working day between a holiday and a weekend)") % {"hours": text}
    # Consecutive closed dates (`closed 2026-12-28 to 2027-01-06`) read as one span, single ones as a list.
    runs = _date_runs(sorted(d.day for d in calendar.dates if not d.hours))
    singles = [first for first, last in runs if first == last]
    if singles:
        dates = fmt.days_on(singles, lang)
        text = _("%(hours)s; closed on %(dates)s") % {"hours": text, "dates": dates}
    for first, last in runs:
        if first != last:
            span = {"hours": text, "first": fmt.day(first, lang), "last": fmt.day(last, lang)}
            text = fmt.italian_elision(_("%(hours)s; closed from %(first)s to %(last)s") % span, lang)
    yearly = sorted(calendar.yearly, key=lambda y: y.first)
    closed_yearly = [fmt.day_of_year(y.first, y.last, lang) for y in yearly if not y.hours]
    if closed_yearly:
        text = _("%(hours)s; closed every year: %(dates)s") % {"hours": text, "dates": fmt.listing(closed_yearly, lang)}
    for days in (y for y in yearly if y.hours):
        other_hours = fmt.unit_list([fmt.time_range(h.start, h.end, lang) for h in days.hours], lang)
        if days.first != days.last:
            # A span ("jornada intensiva" 1 July to 31 August) is days, in the plural: "on working days",
            # not "on 1 July – 31 August … when it is a working day".
            span = {"hours": text, "first": fmt.day_of_year(days.first, days.first, lang),
                    "last": fmt.day_of_year(days.last, days.last, lang), "other": other_hours}
            if days.working_days_only:
                text = _("%(hours)s; every year from %(first)s to %(last)s %(other)s on working days") % span
            else:
                text = _("%(hours)s; every year from %(first)s to %(last)s %(other)s") % span
            continue
        values = {"hours": text, "date": fmt.day_of_year(days.first, days.last, lang), "other": other_hours}
        if days.working_days_only:
            text = _("%(hours)s; every year on %(date)s %(other)s when it is a working day") % values
        else:
            text = _("%(hours)s; every year on %(date)s %(other)s") % values
        text = fmt.italian_elision(text, lang)
    # `hours monthly last 3 working days 07:00-20:00`: a payroll vendor's month-end, "every month on the last 3 working days".
    for monthly in sorted(calendar.monthly, key=lambda m: (m.edge, m.count)):
        other_hours = fmt.unit_list([fmt.time_range(h.start, h.end, lang) for h in monthly.hours], lang)
        month_said: dict[str, object] = {"hours": text, "num": monthly.count, "other": other_hours}
        if monthly.edge == "day":  # `hours monthly day 25 …` (lang14): a pay day, "den 25:e varje månad"
            day_said = {"hours": text, "day": fmt.day_of_month(monthly.count, lang), "other": other_hours}
            if monthly.when == "working":
                text = _("%(hours)s; on the %(day)s of every month %(other)s when it is a working day") % day_said
            elif monthly.when == "before":
                text = _("%(hours)s; on the %(day)s of every month (or the last working day before it) %(other)s") % day_said
            elif monthly.when == "after":
                text = _("%(hours)s; on the %(day)s of every month (or the first working day after it) %(other)s") % day_said
            else:
                text = _("%(hours)s; on the %(day)s of every month %(other)s") % day_said
        elif monthly.edge == "first":
            text = reader.ngettext(
                "%(hours)s; every month on the first working day %(other)s",
                "%(hours)s; every month on the first %(num)d working days %(other)s", monthly.count,
            ) % month_said
        else:
            text = reader.ngettext(
                "%(hours)s; every month on the last working day %(other)s",
                "%(hours)s; every month on the last %(num)d working days %(other)s", monthly.count,
            ) % month_said
    # Dates with the same other hours are said once: "on 24 December 2026, 31 December 2026 and 24 December
    # 2027 08:00–12:00", not a clause per date (an outside MSP's half days on Christmas Eve and New Year's Eve).
    # A span of dates (`hours 2026-07-06 to 2026-08-02 …`, outside16) is said as the span it was written.
    same_hours: dict[tuple[tuple[tuple[int, int], ...], tuple[date, date] | None, bool], list[date]] = {}
    for other in sorted((d for d in calendar.dates if d.hours), key=lambda d: d.day):
        key = (tuple((h.start, h.end) for h in other.hours), other.span, other.working_days_only)
        same_hours.setdefault(key, []).append(other.day)
    for (hours_of_day, written, working), on_days in same_hours.items():
        other_hours = fmt.unit_list([fmt.time_range(start, end, lang) for start, end in hours_of_day], lang)
        if written is not None:
            between = {"hours": text, "first": fmt.day(written[0], lang), "last": fmt.day(written[1], lang), "other": other_hours}
            if working:
                text = _("%(hours)s; from %(first)s to %(last)s %(other)s on working days") % between
            else:
                text = _("%(hours)s; from %(first)s to %(last)s %(other)s") % between
            text = fmt.italian_elision(text, lang)
            continue
        said = fmt.days_on(on_days, lang)
        if working:
            text = _("%(hours)s; on %(date)s %(other)s when it is a working day") % {"hours": text, "date": said, "other": other_hours}
        else:
            text = _("%(hours)s; on %(date)s %(other)s") % {"hours": text, "date": said, "other": other_hours}
    return text


@_per_catalog
def holiday_kind_names(reader: Reader) -> dict[str, str]:
    """The site's words for each kind of holiday of the holidays package a calendar may close on (`including catholic`),
    as the things a clock stops on, in the case "except" takes (Polish genitive: "świąt katolickich")."""
    _ = reader.gettext
    return {
        "public": _("public holidays"),
        # Sweden's Midsummer Eve, Christmas Eve and New Year's Eve: days off by custom, not by law.
        "de_facto": _("de facto holidays"),
        "bank": _("bank holidays"),
        "government": _("government holidays"),
        "armed_forces": _("armed forces holidays"),
        "school": _("school holidays"),
        "half_day": _("half-day holidays"),
        "optional": _("optional holidays"),
        # Finland's flag days.
        "unofficial": _("unofficial holidays"),
        "catholic": _("Catholic holidays"),
        "christian": _("Christian holidays"),
        "orthodox": _("Orthodox holidays"),
        "protestant": _("Protestant holidays"),
        "hebrew": _("Jewish holidays"),
        "islamic": _("Islamic holidays"),
        "hindu": _("Hindu holidays"),
        # The holidays of a country's communities (Kosovo's, North Macedonia's, Bosnia and Herzegovina's).
        "albanian": _("Albanian community holidays"),
        "armenian": _("Armenian community holidays"),
        "bosnian": _("Bosniak community holidays"),
        "roma": _("Roma community holidays"),
        "serbian": _("Serbian community holidays"),
        "turkish": _("Turkish community holidays"),
        "vlach": _("Vlach community holidays"),
    }


def holiday_kinds_text(kinds: Iterable[str], reader: Reader) -> str:
    """Public holidays and the other kinds a calendar closes on, listed: "public holidays and Catholic holidays".

    A kind the site has no words for (a newer package's, or one as rare as `sabian`) is said as "some other holidays",
    once, last."""
    kinds = set(kinds)
    names = holiday_kind_names(reader)
    said = [names["public"], *(names[kind] for kind in names if kind in kinds and kind != "public")]
    if kinds - set(names):
        said.append(reader.gettext("some other holidays"))
    return fmt.listing(said, reader.lang)


def _date_runs(days: list[date]) -> list[tuple[date, date]]:
    """Sorted days as runs of consecutive days: (first, last) each."""
    runs: list[tuple[date, date]] = []
    for day in days:
        if runs and (day - runs[-1][1]).days == 1:
            runs[-1] = (runs[-1][0], day)
        elif not runs or day != runs[-1][1]:
            runs.append((day, day))
    return runs


# --- view objects ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """A footnote reference: the mark and the anchor of its footnote."""

    mark: str
    anchor: str


@dataclass(frozen=True)
class Note:
    """A footnote under the comparison."""

    mark: str
    anchor: str
    html: Markup


@dataclass(frozen=True)
class PlanHead:
    """A tier as a column head.

    `extends` names the tier it builds on; `adds` says whether it adds to or changes it (the tier's card says
    "Everything in X, and more", else "The same service as X"). `recommended` is shown with a label, not colour alone.
    """

    name: Markup
    description: Markup
    extends: Markup
    marks: tuple[Mark, ...]
    recommended: bool = False
    adds: bool = True
    applies_to: tuple[Markup, ...] = ()
    editorial: tuple[Markup, ...] = ()
    # Issue 9: the tier's permalink target (its card under "Service per tier"), "tier-<plan id>".
    anchor: str = ""


@dataclass(frozen=True)
class TierCard:
    """A tier as a card at the top of its vendor's page: what it promises, costs and adds to the tier below it.

    `points` are up to five of its differences from the tier it extends (its own highlights when it extends
    none); `same` says it extends a tier without changing its service ("The same service as X").
    """

    name: Markup
    anchor: str
    promise: Markup
    prices: tuple[tuple[Markup, PriceCell], ...]  # (segment label, "" when one price for all; its price)
    extends: Markup
    points: tuple[Markup, ...]
    recommended: bool = False
    same: bool = False
    told: bool = False  # its promise already says it has everything of the tier it extends: no "Everything in X" line


@dataclass(frozen=True)
class PriceCell:
    """One tier's price for one segment."""

    kind: str  # amount, free, included, on-request, not-offered, unknown
    text: str
    marks: tuple[Mark, ...] = ()
    pieces: tuple[tuple[str, tuple[Mark, ...]], ...] = ()
    """The text in pieces, each with the footnote marks that follow it: several prices of one tier are joined ("… or
    …"), and a mark that one of them carries stands after that price, not after the whole cell."""


@dataclass(frozen=True)
class PriceRow:
    """The prices of every tier for one customer segment."""

    label: Markup
    cells: tuple[PriceCell, ...]


@dataclass(frozen=True)
class TargetCell:
    """One tier's target for one priority."""

    kind: str  # guaranteed, none, unknown
    text: str
    clock: str = ""


@dataclass(frozen=True)
class TargetRow:
    """One priority across the tiers."""

    label: Markup
    cells: tuple[TargetCell, ...]


@dataclass(frozen=True)
class TargetTable:
    """The targets of one metric: priorities x tiers."""

    metric: str
    title: Markup
    definition: Markup
    rows: tuple[TargetRow, ...]
    clocks: tuple[str | None, ...]
    example: Markup = Markup("")  # under the first-response table: "A ticket reported on Friday at 16:00 …? Gold answers by …"
    """Per tier: its one clock; its clocks per priority (Markup lines) when it mixes them; None when it has no guaranteed time."""
    # Per tier, what it pays when this metric's target is missed (lines joined by <br>); () when no tier states a penalty for it.
    penalties: tuple[AvailabilityCell, ...] = ()


@dataclass(frozen=True)
class Level:
    """A priority level with its definition and example."""

    name: Markup
    definition: Markup
    example: Markup


@dataclass(frozen=True)
class Matrix:
    """The impact x urgency matrix."""

    urgencies: tuple[Markup, ...]
    rows: tuple[tuple[Markup, tuple[str, ...]], ...]


@dataclass(frozen=True)
class FeatureCell:
    """One tier's entry for one feature."""

    kind: str  # included, excluded, text, quantity
    html: Markup
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class FeatureRow:
    """One feature across the tiers."""

    label: Markup
    description: Markup
    marks: tuple[Mark, ...]
    cells: tuple[FeatureCell, ...]


@dataclass(frozen=True)
class FeatureGroup:
    """A category of features: one tbody with a rowgroup header."""

    id: str
    label: Markup
    rows: tuple[FeatureRow, ...]


@dataclass(frozen=True)
class PlanService:
    """What one tier promises besides the matrix: obligations, coverage, channels, notes."""

    name: Markup
    obligations: tuple[Markup, ...]
    coverage: tuple[Markup, ...]
    channels: tuple[Markup, ...]
    notes: tuple[Markup, ...]
    channel_hours: tuple[str, ...] = ()  # "Phone: Monday to Friday ..." where this plan gives a channel its own hours
    # Issue 9: the permalink of the tier, "tier-<plan id>"; the tier table's column heads link here.
    anchor: str = ""
    recommended: bool = False
    languages: str = ""  # "Svenska och engelska": the languages of support, "" when not stated
    contract: tuple[str, ...] = ()  # "Minimum term: 12 months", "Notice period: 3 months"; () when not stated
    # The channels as a list in a sentence, as the comparison's cell says them: "Supportportal, e-post och telefon".
    # Joined with bare commas, each kept its capital ("Support portal, Email, Phone").
    channels_line: Markup = Markup("")
    # The accessible name of the tier's "#" permalink, naming the tier: "Link to the Gold tier" (one per tier, where
    # every tier's link said "Link to this tier" to a screen reader's list of links).
    link_name: str = ""

    @property
    def empty(self) -> bool:
        """Whether there is nothing to say."""
        return not (self.obligations or self.coverage or self.channels or self.notes or self.languages or self.contract)


@dataclass(frozen=True)
class ContactView:
    """A way to reach support and when it is staffed."""

    title: Markup  # the kind and the vendor's label, without saying the kind twice
    value: str  # as shown: a phone number in its national form, with non-breaking spaces
    href: str | None
    hours: str
    answered: str = ""  # when what is sent during `hours` is answered (a mailbox open around the clock)
    plan_hours: tuple[str, ...] = ()  # "Premium: around the clock" when the plans give the channel their own hours
    nowrap: bool = False  # a phone number is never broken across lines
    tiers: Markup = Markup("")  # "Only in the Gold tier": a contact some tiers' channels list and others' do not
    plan_answered: tuple[str, ...] = ()  # "Premium: Sun 17:00 – Fri 17:00" when the plans say when the channel is answered


@dataclass(frozen=True)
class ContactGroupView:
    """Contacts listed under a heading: a country, a region or a product line."""

    label: Markup
    contacts: tuple[ContactView, ...]


@dataclass(frozen=True)
class Choice:
    """An option of a select: a calculator's choice, a filter of the comparison page."""

    id: str
    label: str
    # The language of a label that is a vendor's text shown untranslated (the option's `lang`), else None.
    lang: str | None = None


@dataclass(frozen=True)
class Calculator:
    """What the 'by when?' calculator offers."""

    vendor: str
    plans: tuple[Choice, ...]
    priorities: tuple[Choice, ...]
    metrics: tuple[Choice, ...]
    default_metric: str  # the metric selected at first (the vocabulary's DEFAULT_METRIC)
    excluded: tuple[Excluded, ...] = ()  # the tiers left out, each with its reason
    cases: tuple[Choice, ...] = ()  # issue 8: the general case (id "") and each kind of case with a target
    countries: tuple[Choice, ...] = ()  # issue 8: the customer's country, when a clock closes on the customer's holidays
    # Issue 9: the BCP 47 locale the answer is formatted in (the page's CLDR locale: en-GB, not the browser's).
    locale: str = ""
    # The date field's pattern in the page's locale ("dd/MM/y") and a date written in it ("23/11/2026"), for its hint.
    date_pattern: str = "y-MM-dd"
    date_example: str = ""
    # The site's names of the zones the vendor's clocks run in, after a time ("Europe/Stockholm=svensk tid"; `zone_words`):
    # the answer names a reader's zone the way the tables above name it, any other by Intl's generic name.
    zones: str = ""


@dataclass(frozen=True)
class SourceView:
    """The public document a vendor's terms were taken from, and when they were read ("" when not known)."""

    title: Markup
    href: str | None
    read: str


@dataclass(frozen=True)
class Excluded:
    """A tier the calculator leaves out, and why ("No support", "No guaranteed time")."""

    name: Markup
    reason: str


@dataclass(frozen=True)
class VendorPage:
    """Everything shown on a vendor's comparison page."""

    name: str
    intro: Markup
    website: str | None
    plans: tuple[PlanHead, ...]
    prices: tuple[PriceRow, ...]
    levels: tuple[Level, ...]
    matrix: Matrix | None
    targets: tuple[TargetTable, ...]
    features: tuple[FeatureGroup, ...]
    services: tuple[PlanService, ...]
    contacts: tuple[ContactView, ...]
    notes: tuple[Markup, ...]
    footnotes: tuple[Note, ...]
    calculator: Calculator | None
    description: str
    contact_groups: tuple[ContactGroupView, ...] = ()
    # Issue 8: where the terms come from; the publisher's own notes, kept apart from the vendor's words.
    sources: tuple[SourceView, ...] = ()
    editorial_notes: tuple[Markup, ...] = ()
    editorial_footnotes: tuple[Note, ...] = ()
    # Issue 9: the tiers (0-based) a narrow screen shows before the reader picks others.
    shown: tuple[int, ...] = ()
    # `language en only`: on a page in another language, that the offer is available in that language only.
    only_language: str = ""
    # Availability (uptime), service credits and maintenance per tier; () when no tier states any.
    availability: tuple[AvailabilityRow, ...] = ()
    # The tier cards the page opens with, one per tier in the written order.
    cards: tuple[TierCard, ...] = ()


@dataclass(frozen=True)
class VendorCard:
    """A vendor on the language's home page."""

    id: str
    name: str
    tiers: tuple[Markup, ...]
    price_range: Markup
    fastest: Markup


class CardMade(NamedTuple):
    """A vendor's card and its HTML as card.html wrote it (the build cache keeps both)."""

    card: VendorCard
    html: Markup


# --- building the views ---------------------------------------------------------------------


# The site's words for the vocabulary's metrics and contact kinds (dsl/language/vocabulary.py), one
# entry for each; tests/test_site_views.py fails when the vocabulary gains a word without its label.


@_per_catalog
def metric_titles(reader: Reader) -> dict[str, str]:
    """The site's name for each metric of the vocabulary."""
    _ = reader.gettext
    return {
        "registration": _("Registration"),
        "first-response": _("First response"),
        "status-update": _("Status updates"),
        "workaround": _("Workaround"),
        "resolution": _("Resolution"),
        # Format 1.6: a technician at the customer's site (hardware, field and managed services).
        "on-site": _("Technician on site"),
    }


@_per_catalog
def metric_definitions(reader: Reader) -> dict[str, str]:
    """The site's definition of each metric, used when the vendor gives none."""
    _ = reader.gettext
    return {
        "registration": _("Time from your report until the ticket is registered and acknowledged."),
        "first-response": _("Time from your report until someone starts working on it."),
        "status-update": _("Longest time between two status updates while the ticket is open."),
        "workaround": _("Time from your report until a workaround restores the service, before the final resolution."),
        "resolution": _("Time from your report until the problem is resolved."),
        "on-site": _("Time from your report until a technician arrives at your site."),
    }


@_per_catalog
def contact_kinds(reader: Reader) -> dict[str, str]:
    """The site's name for each kind of contact channel of the vocabulary."""
    _ = reader.gettext
    return {
        "email": _("E-mail"),
        "phone": _("Phone"),
        # A number that takes text messages (a telecom's or an on-call service's), the kind `sms`.
        "sms": _("SMS"),
        "portal": _("Support portal"),
        "web": _("Website"),
        # The kind of contact: a live chat, opened at its address.
        "chat": _("Chat"),
        "fax": _("Fax"),
        "address": _("Address"),
        "account-manager": _("Account manager"),
    }


def _marks(vendor: Vendor, marks: tuple[str, ...]) -> tuple[Mark, ...]:
    if not marks:  # most cells and rows: asked a hundred times a page
        return ()
    anchors = {fn.mark: f"fn-{i}" for i, fn in enumerate(vendor.footnotes, start=1)}
    return tuple(Mark(m, anchors.get(m, "footnotes")) for m in marks)


def price_text(price: Price, reader: Reader) -> str:
    """A price as the vendor writes it: "från 2 500 kr per användare per månad exkl. moms", "Contact sales"."""
    _ = reader.gettext
    if price.kind == "free":
        return _("Free")
    if price.kind == "included":
        return included_words(reader)[price.basis or ""]
    if price.kind == "on-request":
        return _("Price on request")
    if price.kind == "contact-sales":
        return _("Contact sales")
    if price.kind == "not-offered":
        return _("Not offered")
    if price.kind == "percent":
        text = price_bases(reader)[price.basis or ""] % {"percent": fmt.percent(price.amount or Decimal(0), reader.lang)}
        text = _tax(per_period(text, price.period, reader), price.tax, reader)
        return with_floor(text, price.floor, reader)
    text = fmt.money(price.amount or Decimal(0), price.currency or "EUR", reader.lang)
    if price.unit is not None:
        text = price_units(reader)[price.unit] % {"price": text}
    text = with_pack(text, price.pack, price.pack_of, reader)
    text = per_period(text, price.period, reader)
    if price.starting:
        text = _("from %(price)s") % {"price": text}
    text = with_parts(text, price.parts, price.period, reader)
    text = with_floor(_tax(text, price.tax, reader), price.floor, reader)
    text = with_terms(text, price.unit, price.minimum, price.billed_every, reader)
    return with_setup_fee(text, price.setup, reader)


def with_parts(text: str, parts: tuple[Price, ...], period: str | None, reader: Reader) -> str:
    """A price followed by the parts that add up with it, each per its unit and the price's period:
    "4 900 kr per månad plus 350 kr per server per månad", "4900 SEK al mese più 350 SEK per server al mese"."""
    for part in parts:
        money = fmt.money(part.amount or Decimal(0), part.currency or "EUR", reader.lang)
        if part.unit is not None:
            money = price_units(reader)[part.unit] % {"price": money}
        # Each part says its period, so that "plus 350 kr per server" is not read as paid once.
        money = per_period(money, period, reader)
        text = reader.gettext("%(price)s plus %(part)s") % {"price": text, "part": money}
    return text


def with_pack(text: str, count: int | None, unit: str | None, reader: Reader) -> str:
    """A price for a prepaid pack: "650 € för 10 timmar", "650 € per 10 ore", "650 € za 10 godzin"; `text` when no pack."""
    if count is None or unit is None:
        return text
    words = {  # one pair per unit of vocabulary.PACK_UNITS, so that each language can inflect the unit after its count
        "hour": lambda: reader.ngettext("%(price)s for %(num)s hour", "%(price)s for %(num)s hours", count),
        # Days of work, a consultant's (as the price unit `day`), not 24-hour days.
        "day": lambda: reader.ngettext("%(price)s for %(num)s day of work", "%(price)s for %(num)s days of work", count),
        "visit": lambda: reader.ngettext("%(price)s for %(num)s visit", "%(price)s for %(num)s visits", count),
        "incident": lambda: reader.ngettext("%(price)s for %(num)s incident", "%(price)s for %(num)s incidents", count),
        # Call-outs of on-call staff, as the price unit `intervention`.
        "intervention": lambda: reader.ngettext("%(price)s for %(num)s intervention", "%(price)s for %(num)s interventions", count),
    }
    return words[unit]() % {"price": text, "num": fmt.number(count, reader.lang)}


def with_setup_fee(text: str, fee: Price | None, reader: Reader) -> str:
    """A price followed by the one-off set-up fee paid on top of it: "€1,500 per month, plus a one-off set-up fee of €3,000"."""
    if fee is None or fee.amount is None:
        return text
    money = fmt.money(fee.amount, fee.currency or "EUR", reader.lang)
    return reader.gettext("%(price)s, plus a one-off set-up fee of %(fee)s") % {"price": text, "fee": money}


def per_period(text: str, period: str | None, reader: Reader) -> str:
    """`text` per a period in the page's language, in the site's own words (the catalog's): "5 000 kr per år",
    "40 ore all’anno", "40 godzin rocznie".

    Not CLDR's per-unit patterns: its Swedish and Polish "per day" is a 24-hour day ("per dygn", "na dobę"), where a
    count, a price or an allowance per day is per calendar day (docs/glossary.md); its "per quarter" is a slash in
    every language but Italian ("40 hours/q", "40 timmar/kvartal", "40 godzin/kw."); and its Polish "na rok", "na
    miesiąc" ("40 godzin na rok") is not how Polish says how much of a thing per period: "40 godzin rocznie"."""
    if period is None:
        return text
    return period_words(reader)[period] % {"value": text}


@_per_catalog
def period_words(reader: Reader) -> dict[str, str]:
    """The site's words for an amount per each period of the vocabulary: "%(value)s per month"."""
    _ = reader.gettext
    return {
        "day": _("%(value)s per day"),
        "week": _("%(value)s per week"),
        "month": _("%(value)s per month"),
        "quarter": _("%(value)s per quarter"),
        "year": _("%(value)s per year"),
    }


def _tax(text: str, tax: str | None, reader: Reader) -> str:
    if tax not in ("excluded", "included"):
        return text
    _ = reader.gettext
    words = (_("%(price)s excl. tax") if tax == "excluded" else _("%(price)s incl. tax")) % {"price": "\x00"}
    # The tax note's own words on one line ("netto (bez VAT)", "exkl. moms", "IVA esclusa"): Wisła's card ended a line
    # with "(bez" and began the next with "VAT)". The space between the price and the note may still break.
    before, after = words.split("\x00")
    return _one_line(before) + text + _one_line(after)


def _one_line(words: str) -> str:
    """`words` with their inner spaces no-break spaces, the spaces at either end as they are."""
    core = words.strip(" ")
    if not core:
        return words
    start = words.index(core)
    return words[:start] + core.replace(" ", fmt.NO_BREAK_SPACE) + words[start + len(core):]


@_per_catalog
def price_bases(reader: Reader) -> dict[str, str]:
    """The site's words for each price a percentage can be of (vocabulary.PRICE_BASES): "%(percent)s of the licence price"."""
    _ = reader.gettext
    return {
        "licence": _("%(percent)s of the licence price"),
        # Session 21: support sold as a share of a subscription, or of a cloud service's usage charges.
        "subscription": _("%(percent)s of the subscription price"),
        "usage": _("%(percent)s of usage charges"),
    }


@_per_catalog
def included_words(reader: Reader) -> dict[str, str]:
    """The site's words for support at no extra charge (`price included [in WHAT]`, vocabulary.INCLUDED_IN; "" names nothing)."""
    _ = reader.gettext
    return {
        # Support that comes with what the customer already pays for, at no extra charge: not "Free".
        "": _("Included in the price"),
        "licence": _("Included in the licence"),
        "subscription": _("Included in the subscription"),
    }


@_per_catalog
def price_units(reader: Reader) -> dict[str, str]:
    """The site's words for each price unit of the vocabulary: "%(price)s per user"."""
    _ = reader.gettext
    return {
        "user": _("%(price)s per user"),
        "seat": _("%(price)s per seat"),
        "device": _("%(price)s per device"),
        # The units of infrastructure: a physical or virtual server, a member of a cluster (open-source subscriptions),
        # a computer a person works at (as managed services price desktops apart from servers), a customer's address or
        # office (telecoms, field service), a telecom line or network connection.
        "server": _("%(price)s per server"),
        "node": _("%(price)s per node"),
        "workstation": _("%(price)s per workstation"),
        "site": _("%(price)s per site"),
        "connection": _("%(price)s per connection"),
        # Add-ons are often sold by the hour, the on-site visit or the single incident.
        "hour": _("%(price)s per hour"),
        # A day of work, a consultant's day rate (as an hour of work above), not a 24-hour day.
        "day": _("%(price)s per day of work"),
        "visit": _("%(price)s per visit"),
        "incident": _("%(price)s per incident"),
        # One call-out of on-call staff ("per intervento"), remote or on site; not a ticket.
        "intervention": _("%(price)s per intervention"),
    }


def price_cell(price: Price | None, vendor: Vendor, reader: Reader, more: tuple[Price, ...] = ()) -> PriceCell:
    """A price in words and CLDR numbers: "5 000 kr per år", "Free", "Price on request".

    `more` are further prices of the same tier and segment (another currency, another unit): all are shown.
    """
    _ = reader.gettext
    if price is None:
        # Said as a customer expects it, not "Not stated": "Price on request" only when the plan says so (a price kind).
        return PriceCell("unknown", _("No price published"), pieces=((_("No price published"), ()),))
    marks = _marks(vendor, tuple(m for p in (price, *more) for m in p.marks))
    if not more:
        text = price_text(price, reader)
        return PriceCell(price.kind, text, marks, ((text, marks),))
    prices = (price, *more)
    texts = [price_text(p, reader) for p in prices]
    # The locale's "a, b or c" with a token for each price, so that each price's marks can follow it.
    joined = fmt.listing([f"\x00{n}\x00" for n in range(len(texts))], reader.lang, style="or")
    pieces: list[tuple[str, tuple[Mark, ...]]] = []
    for n, chunk in enumerate(re.split("\x00(\\d+)\x00", joined)):
        if n % 2:
            pieces.append((texts[int(chunk)], _marks(vendor, prices[int(chunk)].marks)))
        elif chunk:
            pieces.append((chunk, ()))
    return PriceCell(price.kind, "".join(text for text, _marks_after in pieces), marks, tuple(pieces))


def _prices_for(plan: Plan, segment: str | None) -> tuple[Price, ...]:
    exact = tuple(p for p in plan.prices if p.segment == segment)
    return exact or tuple(p for p in plan.prices if p.segment is None)


def price_rows(vendor: Vendor, reader: Reader) -> tuple[PriceRow, ...]:
    """Prices per customer segment x tier; one row when prices do not depend on the segment."""
    used = {p.segment for plan in vendor.plans for p in plan.prices}
    if not used:
        return ()
    segments = [s for s in vendor.segments if s.id in used or None in used]
    if not segments:
        cells = tuple(_segment_cell(p, None, vendor, reader) for p in vendor.plans)
        return (PriceRow(Markup(escape(reader.gettext("Price"))), cells),)
    rows = tuple(
        PriceRow(reader.label(s.label), tuple(_segment_cell(p, s.id, vendor, reader) for p in vendor.plans))
        for s in segments
    )
    if len({row.cells for row in rows}) == 1:
        # Every tier costs each segment the same (prices written without a segment, the segments declared for
        # something else): one row, not the same prices under each segment's name.
        return (PriceRow(Markup(escape(reader.gettext("Price"))), rows[0].cells),)
    return rows


def _segment_cell(plan: Plan, segment: str | None, vendor: Vendor, reader: Reader) -> PriceCell:
    found = _prices_for(plan, segment)
    if any(p.valid_from is not None for p in found):
        if segment is not None and all(p.valid_from is not None for p in found):
            # Until a segment's first own price, its customers pay the price for everyone, when there is one.
            found = tuple(p for p in plan.prices if p.segment is None and p.valid_from is None) + found
        return dated_price_cell(found, vendor, reader)
    return price_cell(found[0] if found else None, vendor, reader, found[1:])


def _calendar(vendor: Vendor, calendar_id: str | None) -> Calendar | None:
    return vendor.calendar(calendar_id) if calendar_id else None


def clock_text(vendor: Vendor, calendar_id: str | None, reader: Reader) -> str:
    """The sentence for a calendar referenced by id; empty when there is none."""
    calendar = _calendar(vendor, calendar_id)
    if calendar is None:
        return ""
    found = reader.clocks.get(id(calendar))
    if found is None or found[0] is not calendar:
        found = reader.clocks[id(calendar)] = (calendar, calendar_text(calendar, reader))
    return found[1]


def target_cell(target: Target | None, reader: Reader, clock: str = "", no_support: bool = False) -> TargetCell:
    """A target as words: a duration, business days, "No guaranteed time", "No support", "Not published by the vendor" or "Not stated"."""
    _ = reader.gettext
    if no_support:
        return TargetCell("no-support", _("No support"))
    if target is None:
        return TargetCell("unknown", _("Not stated"))
    if not target.published:
        return TargetCell("unpublished", _("Not published by the vendor"))
    if target.days is None and target.minutes is None:
        return TargetCell("none", _("No guaranteed time"))
    if target.days is not None:
        said = business_days_text(target.days, target.day_end, reader)
    elif target.calendar_days:  # "30 kalenderdagar", as the vendor says it, not "720 timmar"
        days = (target.minutes or 0) // (24 * 60)
        said = reader.ngettext("%(num)s calendar day", "%(num)s calendar days", days) % {"num": fmt.number(days, reader.lang)}
    else:
        said = fmt.duration(target.minutes or 0, reader.lang)
    if target.cutoff is not None:
        said = _("%(target)s (tickets reported after %(time)s count from the next business day)") % {
            "target": said, "time": fmt.clock(target.cutoff, reader.lang),
        }
    return TargetCell("guaranteed", said, clock)


# --- issue 8: business days and kinds of case -------------------------------------------------


def business_days_text(days: int, day_end: bool, reader: Reader) -> str:
    """A target in business days as words: "2 arbetsdagar", or "by the end of the next business day"."""
    count = fmt.number(days, reader.lang)
    if not day_end:
        return reader.ngettext("%(num)s business day", "%(num)s business days", days) % {"num": count}
    if days == 1:
        return reader.gettext("by the end of the next business day")
    # "by the end of the 3rd business day after the report", as docs/language.md says it: "by the end of 3 business days"
    # ended a count, not a day.
    said = reader.gettext("by the end of the %(ordinal)s business day after the report") % {"ordinal": fmt.ordinal(days, reader.lang)}
    return fmt.italian_elision(said, reader.lang)


def case_name(vendor: Vendor, case_id: str, reader: Reader) -> Markup:
    """A kind of case by its translated name (its id when the vendor did not declare it), in its own `lang` when a fallback."""
    found = vendor.case(case_id)
    return reader.label(found.name) if found else Markup(escape(case_id))


def case_in_sentence(vendor: Vendor, case_id: str, reader: Reader) -> Markup:
    """A kind of case inside a sentence or brackets: "1 timme (ärenden som eskaleras till Esri Inc)", not "(Ärenden …)".

    Its first letter is lowered only when that is a common word's capital: the name's first word differs between its
    languages (Ärenden, Casi, Zgłoszenia, Cases) and is capitalised only at its start. A name that opens with the same
    word in every language ("Oslo …", "SAP …") or with a word in capitals, or one shown as a fallback, keeps it.
    """
    label = case_name(vendor, case_id, reader)
    found = vendor.case(case_id)
    text = str(label)
    first = text.split(" ", 1)[0]
    if found is None or text.startswith("<") or len(first) < 2 or not (first[0].isupper() and first[1:].islower()):
        return label
    if len({value.split(" ", 1)[0] for _, value in found.name.values if value.strip()}) < 2:
        return label
    return Markup(text[:1].lower() + text[1:])


def _target_cases(vendor: Vendor, metric: str) -> list[str | None]:
    """None (the general case) and every kind of case some tier has its own target for, in the vendor's order."""
    used = {t.case for plan in vendor.plans for t in plan.targets if t.metric == metric and t.case is not None}
    return [None, *(c.id for c in vendor.cases if c.id in used)]


def target_tables(vendor: Vendor, reader: Reader) -> tuple[TargetTable, ...]:
    """One table per metric that any tier states: priorities x tiers, with the clock each runs on."""
    tables = []
    levels = vendor.priorities.levels if vendor.priorities else ()
    for metric in METRICS:
        if not any(t.metric == metric for plan in vendor.plans for t in plan.targets):
            continue
        own = vendor.metric_text(metric)
        title = reader.label(own.name) if own and own.name else Markup(escape(metric_titles(reader)[metric]))
        definition = (
            reader.block(own.definition) if own and own.definition else html_format("<p>{}</p>", metric_definitions(reader)[metric])
        )
        levels_keys: list[tuple[str | None, Markup]] = [(lv.id, _level_label(lv.id, lv.name, reader)) for lv in levels] or [
            (None, Markup(escape(reader.gettext("Every request"))))
        ]
        # Issue 8: a kind of case with its own target gets its own rows, after the general ones;
        # each cell there is what that case gets (its own target, else the general one).
        # Without priority levels the rows are just "Any other case" and each case's name.
        keys: list[tuple[str | None, str | None, Markup]] = []
        cases = _target_cases(vendor, metric)
        # A case's row for a priority whose target no tier sets for that case (each cell the general one) says nothing
        # the general row does not: left out, and that priority's general row is then every case's, not "any other".
        own_rows = {
            (key, case) for case in cases if case is not None for key, _ in levels_keys
            if not levels or any(plan.target(metric, key, case) is not plan.target(metric, key) for plan in vendor.plans)
        }
        for case in cases:
            for key, label in levels_keys:
                if case is not None and (key, case) not in own_rows:
                    continue
                if case is not None and levels:
                    label = Markup(escape(reader.gettext("%(priority)s (%(case)s)"))) % {
                        "priority": label,
                        "case": case_in_sentence(vendor, case, reader),
                    }
                elif case is not None:
                    label = Markup(escape(case_name(vendor, case, reader)))
                elif len(cases) > 1 and not levels:
                    label = Markup(escape(reader.gettext("Any other case")))
                elif any(row_key == key for row_key, _ in own_rows):
                    # Beside "P1 (Sites in Oslo …)", a bare "P1" read as every P1 ticket, the cities' included.
                    label = Markup(escape(reader.gettext("%(priority)s (any other case)"))) % {"priority": label}
                keys.append((key, case, label))
        # A tier whose targets all run on one clock names it once, under the table;
        # a tier that mixes clocks names the clock in every cell instead.
        columns: list[str | None] = []
        for plan in vendor.plans:
            found = {t.calendar for key, case, _ in keys if (t := plan.target(metric, key, case)) is not None and t.guaranteed}
            columns.append(next(iter(found)) if len(found) == 1 else None if not found else "")
        rows = []
        for key, case, label in keys:
            cells = []
            for plan, column in zip(vendor.plans, columns, strict=True):
                target = plan.target(metric, key, case)
                mixed = column == "" and target is not None and target.guaranteed
                own_clock = clock_text(vendor, target.calendar, reader) if mixed and target is not None else ""
                cells.append(with_versions(plan, target, target_cell(target, reader, own_clock, plan.no_support), reader))
            rows.append(TargetRow(label, tuple(cells)))
        clocks = tuple(
            _mixed_clocks(vendor, plan, metric, keys, reader) if c == "" else clock_text(vendor, c, reader) if c else None
            for plan, c in zip(vendor.plans, columns, strict=True)
        )
        tables.append(TargetTable(metric, title, definition, tuple(rows), clocks, penalties=penalty_cells(vendor, metric, reader)))
    return tuple(tables)


def _mixed_clocks(vendor: Vendor, plan: Plan, metric: str, keys: list[tuple[str | None, str | None, Markup]], reader: Reader) -> Markup:
    """The clocks of a tier whose targets run on several, one line each: "P1: 24×7, all year round" and
    "Other priorities: Mon–Fri 08:00–17:00 …" (the clock most rows run on), in the "Hours counted" row.

    It said "–" there, as if the tier counted no hours; each cell names its own clock all the same."""
    levels = bool(vendor.priorities and vendor.priorities.levels)
    groups: dict[str, list[Markup]] = {}
    for key, case, label in keys:
        target = plan.target(metric, key, case)
        if target is not None and target.guaranteed and target.calendar is not None:
            # A priority by its name ("Critical", "P1 (Escalated)"); without levels, the row's own label (a kind of case).
            groups.setdefault(target.calendar, []).append(_coverage_label(vendor, key, case, reader) if levels else label)
    sizes = sorted((len(rows) for rows in groups.values()), reverse=True)
    # The clock of most rows is "the other priorities" when no other clock has as many and every row has a clock;
    # with rows of no guaranteed time, "Other priorities: 24×7" would also have named them: every clock is named.
    most = len(sizes) > 1 and sizes[0] > sizes[1] and levels and sum(sizes) == len(keys)
    rest = next((c for c, rows in groups.items() if len(rows) == sizes[0]), None) if most else None
    lines = []
    for calendar, rows in groups.items():
        if calendar == rest:
            continue
        names = markup_listing(rows, reader.lang)
        lines.append(sentence(reader.gettext("%(priority)s: %(hours)s"), priority=names, hours=clock_text(vendor, calendar, reader)))
    if rest is not None:
        other = Markup(escape(reader.gettext("Other priorities")))
        lines.append(sentence(reader.gettext("%(priority)s: %(hours)s"), priority=other, hours=clock_text(vendor, rest, reader)))
    return Markup("<br>").join(lines)


# --- the worked example under the response times -----------------------------------------------------
# The deadlines come from the deadline engine on the vendor's exported rules (dsl/site/example.py); here they
# are said: "A ticket reported on Friday at 16:00 Swedish time? Gold answers by Monday at 09:00 and Silver by
# Monday at 15:00. No guaranteed time in the Free tier."


def _example_day(moment: date, dated: bool, lang: str) -> str:
    """The day of the example's report or deadline: its weekday, or its weekday and date when the example is dated."""
    return fmt.weekday_and_day(moment, lang) if dated else fmt.weekday_name(moment.weekday(), lang)


def example_sentence(vendor: Vendor, example: Example, reader: Reader) -> Markup:
    """The worked example in the page language: the report's moment, each tier's deadline (fastest first, equal ones
    together) and why each other tier gives none, in the words of the table's cells."""
    _, lang = reader.gettext, reader.lang
    at = fmt.clock(REPORT_TIME.hour * 60 + REPORT_TIME.minute, lang)
    when = zoned_hours(at, example.zone, reader) if example.zone else _("%(hours)s in your own time zone") % {"hours": at}
    day = _example_day(example.report.date(), example.dated, lang)
    if example.priority is not None:
        # The priority as the calculator under it offers it ("P1 – Critical impact"), not its bare id, and at the end of
        # a clause, where a vendor's name of it needs no case of its own (Polish: "…, priorytet A – Awaria krytyczna?").
        level = level_id_and_name(vendor, example.priority, reader)
        asked = _("A ticket with priority %(priority)s, reported on %(day)s at %(time)s?")
        question = sentence(fmt.bind_value(asked, "priority", level.striptags(), lang), priority=level, day=day, time=when)
    else:
        question = sentence(_("A ticket reported on %(day)s at %(time)s?"), day=day, time=when)
    names = {p.id: reader.label(p.name) for p in vendor.plans}
    groups: dict[datetime, list[Markup]] = {}
    for plan_id, deadline in sorted(example.deadlines, key=lambda pair: pair[1]):  # stable: the tiers' order within a time
        if plan_id in names:
            groups.setdefault(deadline, []).append(names[plan_id])
    answers: list[Markup] = []
    for deadline, tiers in groups.items():
        values = {
            "tiers": markup_listing(tiers, lang), "day": _example_day(deadline.date(), example.dated, lang),
            "time": fmt.clock(deadline.hour * 60 + deadline.minute, lang),
        }
        if answers:
            answers.append(sentence(_("%(tiers)s by %(day)s at %(time)s"), **values))
        else:
            first = reader.ngettext("%(tiers)s answers by %(day)s at %(time)s", "%(tiers)s answer by %(day)s at %(time)s", len(tiers))
            answers.append(sentence(first, **values))
    # The tiers without a deadline, by the reason their cell in the table gives.
    answered = {plan_id for plan_id, _deadline in example.deadlines}
    reasons: dict[str, list[Markup]] = {}
    for plan in vendor.plans:
        if plan.id in answered:
            continue
        target = plan.target(DEFAULT_METRIC, example.priority)
        kind = target_cell(target, reader, no_support=plan.no_support).kind
        if kind != "guaranteed":  # a guaranteed one the engine did not answer this week (a later version) is left out
            reasons.setdefault(kind, []).append(names[plan.id])
    said = [question, Markup(" "), markup_listing(answers, lang), Markup(".")]
    for kind, tiers in reasons.items():
        words = _without_deadline(kind, len(tiers), reader, names_say_tier(tiers, reader))
        said += [Markup(" "), sentence(words, tiers=markup_listing(tiers, lang))]
    return _NO_HTML.join(said)


def _without_deadline(kind: str, count: int, reader: Reader, named: bool = False) -> str:
    """Why `count` tiers give the example no deadline, by their cells' kind (target_cell), as a sentence about them;
    `named`: their names already say "tier" (names_say_tier), so the sentence does not."""
    if named:  # one form for one tier or several: the names say how many
        if kind == "none":
            return reader.gettext("No guaranteed time in the %(tiers)s.")
        if kind == "unpublished":
            return reader.gettext("The vendor does not publish a time for the %(tiers)s.")
        if kind == "no-support":
            return reader.gettext("No support in the %(tiers)s.")
        return reader.gettext("No time is stated for the %(tiers)s.")
    if kind == "none":
        return reader.ngettext("No guaranteed time in the %(tiers)s tier.", "No guaranteed time in the %(tiers)s tiers.", count)
    if kind == "unpublished":
        return reader.ngettext(
            "The vendor does not publish a time for the %(tiers)s tier.", "The vendor does not publish a time for the %(tiers)s tiers.", count
        )
    if kind == "no-support":
        return reader.ngettext("No support in the %(tiers)s tier.", "No support in the %(tiers)s tiers.", count)
    return reader.ngettext("No time is stated for the %(tiers)s tier.", "No time is stated for the %(tiers)s tiers.", count)


def with_example(tables: tuple[TargetTable, ...], vendor: Vendor, example: Example | None, reader: Reader) -> tuple[TargetTable, ...]:
    """The response-time tables with the worked example under the first-response one."""
    if example is None:
        return tables
    return tuple(replace(t, example=example_sentence(vendor, example, reader)) if t.metric == DEFAULT_METRIC else t for t in tables)


# --- issue 10: targets that change on a date ------------------------------------------------------


def first_versions(plan: Plan) -> list[Target]:
    """A plan's targets without their later versions: for each metric, priority and case, the one in force first."""
    seen: set[tuple[str, str | None, str | None]] = set()
    first = []
    for target in plan.targets:  # versions are in the order of their dates
        key = (target.metric, target.priority, target.case)
        if key not in seen:
            seen.add(key)
            first.append(target)
    return first


def with_versions(plan: Plan, target: Target | None, cell: TargetCell, reader: Reader) -> TargetCell:
    """A target cell that also says the target's later versions: "2 h; from 1 July 2027: 1 h"."""
    if target is None or plan.no_support:
        return cell
    key = (target.metric, target.priority, target.case)
    versions = [t for t in plan.targets if (t.metric, t.priority, t.case) == key]
    if len(versions) < 2 and target.valid_from is None:
        return cell
    parts = []
    for version in versions:
        said = cell.text if version is target else target_cell(version, reader).text
        if version.valid_from is not None:
            said = reader.gettext("from %(date)s: %(target)s") % {"date": fmt.day(version.valid_from, reader.lang), "target": said}
            said = fmt.italian_elision(said, reader.lang)
        parts.append(said)
    return replace(cell, text="; ".join(parts))


# --- prices that change on a date -----------------------------------------------------------------
# As targets' versions: a page says every version with its date ("12 000 kr per år; från och med 1 januari
# 2027: 14 000 kr per år"), and what summarises a tier (the home card, the comparison's order) takes the
# prices in force first. Nothing depends on the day of the build, so the same plan files give the same site.


def price_versions(prices: Iterable[Price]) -> list[tuple[date | None, tuple[Price, ...]]]:
    """One segment's prices grouped by the date they apply from: the ones without a date first, then by date."""
    groups: dict[date | None, list[Price]] = {}
    for price in prices:
        groups.setdefault(price.valid_from, []).append(price)
    return [(day, tuple(groups[day])) for day in sorted(groups, key=lambda d: (d is not None, d or date.min))]


def first_prices(plan: Plan) -> tuple[Price, ...]:
    """A plan's prices without their later versions: for each segment, the prices in force first."""
    segments: dict[str | None, list[Price]] = {}
    for price in plan.prices:
        segments.setdefault(price.segment, []).append(price)
    # A segment whose own prices all start at a date pays the price for everyone until then, when there is one.
    for_everyone = any(p.segment is None and p.valid_from is None for p in plan.prices)
    versions = {segment: price_versions(found) for segment, found in segments.items()}
    return tuple(
        p for segment, found in versions.items() if not (segment is not None and found[0][0] is not None and for_everyone)
        for p in found[0][1]
    )


def price_dated(day: date | None, text: str, reader: Reader) -> str:
    """A version's prices with the date they apply from: "from 1 January 2027: 14 000 kr per year"."""
    if day is None:
        return text
    return fmt.italian_elision(reader.gettext("from %(date)s: %(price)s") % {"date": fmt.day(day, reader.lang), "price": text}, reader.lang)


def dated_price_cell(prices: tuple[Price, ...], vendor: Vendor, reader: Reader) -> PriceCell:
    """A tier's prices for one segment, each version after the one before with its date."""
    versions = price_versions(prices)
    pieces: list[tuple[str, tuple[Mark, ...]]] = []
    marks: list[Mark] = []
    for day, found in versions:
        cell = price_cell(found[0], vendor, reader, found[1:])
        own = list(cell.pieces)
        if day is not None:  # the date's words go before the version's first price, which keeps its own marks
            said, after = own[0]
            own[0] = (price_dated(day, said, reader), after)
        if pieces:
            pieces.append(("; ", ()))
        pieces.extend(own)
        marks.extend(m for m in cell.marks if m not in marks)
    return PriceCell(versions[0][1][0].kind, "".join(text for text, _after in pieces), tuple(marks), tuple(pieces))


def prices_text(prices: Iterable[Price], reader: Reader) -> str:
    """One segment's prices as one line of text, each version after the one before with its date."""
    return "; ".join(
        price_dated(day, fmt.listing([price_text(p, reader) for p in found], reader.lang, style="or"), reader)
        for day, found in price_versions(prices)
    )


def _id_and_name(level_id: str, name: str, lang: str) -> str:
    """A priority as its id, a dash and its name: "P1 – Business critical"; a one-letter id bound to both in Polish."""
    space = fmt.space_after(level_id, lang)
    return f"{level_id}{space}–{space}{name}"


def level_id_and_name(vendor: Vendor, level_id: str, reader: Reader) -> Markup:
    """A priority in running text as the calculator and the comparison name it: "P1 – Critical impact" (the id alone when
    the name is the id or the vendor did not declare the level); the name keeps its `lang` when a fallback."""
    found = vendor.priorities.level(level_id) if vendor.priorities else None
    if found is None or reader.plain(found.name).strip() == level_id:
        return Markup(escape(level_id))
    space = fmt.space_after(level_id, reader.lang)
    return html_format("{}" + space + "–" + space + "{}", level_id, reader.label(found.name))


def _level_label(level_id: str, name: Text, reader: Reader) -> Markup:
    """A priority as its id and name: "P1 Business critical" (just the id when the name is the id)."""
    if reader.plain(name).strip() == level_id:
        return Markup(escape(level_id))
    return html_format("<strong>{}</strong>{}{}", level_id, fmt.space_after(level_id, reader.lang), reader.label(name))


def _the_plan(plan: Plan) -> Plan:
    return plan


@_kept_per(_the_plan, 4096)
def plan_cells(plan: Plan) -> dict[str, Cell]:
    """A plan's cells by feature, each the one `Plan.cell` finds (the first written), made once per plan object: a vendor's
    pages ask for each of a hundred cells a dozen times, and `Plan.cell` looks through the plan's cells each time."""
    cells: dict[str, Cell] = {}
    for cell in plan.cells:
        cells.setdefault(cell.feature, cell)
    return cells


def feature_cell(cell: Cell | None, vendor: Vendor, reader: Reader) -> FeatureCell:
    """A matrix cell: included / not included said in words, or its text or quantity."""
    if cell is None:
        # The language says a feature a plan never mentions (nor inherits) is not included.
        return FeatureCell("excluded", _NO_HTML)
    found = reader.cells.get(id(cell))
    if found is not None and found[0] is cell and reader.vendor is vendor:
        return found[1]
    made = _feature_cell(cell, vendor, reader)
    reader.cells[id(cell)] = (cell, made)
    return made


def _feature_cell(cell: Cell, vendor: Vendor, reader: Reader) -> FeatureCell:
    marks = _marks(vendor, cell.marks)
    if cell.kind == "add-on":
        words = reader.gettext("Add-on")
        if cell.prices:  # several prices of one add-on in the locale's "a or b": "1 200 kr per timme eller 9 000 kr per dag"
            said = fmt.listing([price_text(p, reader) for p in cell.prices], reader.lang, style="or")
            words = reader.gettext("Add-on: %(price)s") % {"price": said}
        return FeatureCell("add-on", Markup(escape(words)), marks)
    if cell.kind == "not-applicable":
        return FeatureCell("not-applicable", Markup(escape(reader.gettext("Not applicable"))), marks)
    if cell.kind == "not-stated":
        # The source says nothing: the template writes "Not stated" in muted type, seen and read out alike.
        return FeatureCell("not-stated", _NO_HTML, marks)
    if cell.kind == "included":
        return FeatureCell("included", _NO_HTML, marks)
    if cell.kind == "excluded":
        return FeatureCell("excluded", _NO_HTML, marks)
    if cell.kind in ("quantity", "allowance") and cell.quantity is not None:
        if cell.kind == "allowance":  # an amount of time per period: "10 timmar per månad"
            amount = per_period(fmt.duration(cell.quantity.count, reader.lang), cell.quantity.period, reader)
        else:
            amount = how_often(cell.quantity.count, cell.quantity.period, reader)
        if cell.text is not None:
            return FeatureCell("quantity", html_format("{}<br><small>{}</small>", amount, reader.inline(cell.text)), marks)
        return FeatureCell("quantity", Markup(escape(amount)), marks)
    return FeatureCell("text", reader.inline(cell.text), marks)


def feature_groups(vendor: Vendor, reader: Reader) -> tuple[FeatureGroup, ...]:
    """The feature matrix, one group per category in written order; uncategorised features last."""
    groups = []
    known = {c.id for c in vendor.categories}
    tiers = [plan_cells(plan) for plan in vendor.plans]

    def rows(features: Iterable[Feature]) -> tuple[FeatureRow, ...]:
        """The matrix rows of some features, one cell per tier."""
        return tuple(
            FeatureRow(
                # A feature's name heads its row in a narrow column: "One-day kick-off" broke after "kick-" on a phone.
                _whole_short_words(reader.label(f.label)),
                reader.block(f.description),
                _marks(vendor, f.marks),
                tuple(feature_cell(cells.get(f.id), vendor, reader) for cells in tiers),
            )
            for f in features
        )

    for category in vendor.categories:
        found = rows(vendor.features_in(category.id))
        if found:
            groups.append(FeatureGroup(category.id, reader.label(category.label), found))
    rest = rows(f for f in vendor.features if f.category is None or f.category not in known)
    if rest:
        label = reader.gettext("Other features") if groups else reader.gettext("Features")
        groups.append(FeatureGroup("other", Markup(escape(label)), rest))
    return tuple(groups)


def _level_name(vendor: Vendor, level: str | None, reader: Reader) -> Markup:
    if level is None:
        return Markup(escape(reader.gettext("All priorities")))
    found = vendor.priorities.level(level) if vendor.priorities else None
    return reader.label(found.name) if found else Markup(escape(level))


def _coverage_label(vendor: Vendor, level: str | None, case: str | None, reader: Reader, others: bool = False) -> Markup:
    """Who coverage applies to: "All priorities", or "All priorities (Cases escalated to Esri Inc)".

    `others`: the plan gives some priorities coverage of their own, so `all` means the rest of them.
    """
    label = Markup(escape(reader.gettext("Other priorities"))) if level is None and others else _level_name(vendor, level, reader)
    if case is None:
        return label
    if level is None and not (vendor.priorities and vendor.priorities.levels):
        # Esri has no priorities: "All priorities (Cases escalated to Esri Inc): 24×7" named some that do not exist
        # and, read fast, said 24×7 for every case.
        return case_name(vendor, case, reader)
    return sentence(reader.gettext("%(priority)s (%(case)s)"), priority=label, case=case_in_sentence(vendor, case, reader))


def _coverage_levels_label(vendor: Vendor, levels: tuple[str, ...], case: str | None, reader: Reader) -> Markup:
    """Levels that share their hours: "Critical and High", or "Critical and High (Cases escalated to Esri Inc)"."""
    if len(levels) == 1:
        return _coverage_label(vendor, levels[0], case, reader)
    names = _level_names(vendor, levels, reader)
    return names if case is None else sentence(reader.gettext("%(priority)s (%(case)s)"), priority=names, case=case_in_sentence(vendor, case, reader))


def _level_names(vendor: Vendor, levels: tuple[str, ...], reader: Reader) -> Markup:
    """Priority levels by their names, as a list in the reader's language ("Critical and High"), each once.

    Markup: a name in another language than the page's keeps its `lang` mark (`language en only`)."""
    return markup_listing([_level_name(vendor, level, reader) for level in dict.fromkeys(levels)], reader.lang)


# A sentence's full stop at the end of a text (inside a closing `lang` span), not an ellipsis's last dot.
_FULL_STOP_AT_END = re.compile(r"(?<![.…])\.((?:</span>)?)$")


def plan_services(vendor: Vendor, reader: Reader) -> tuple[PlanService, ...]:
    """Obligations, coverage, channels and notes of each tier."""
    _ = reader.gettext
    services = []
    contacts = {c.id: c for c in vendor.contacts}
    for plan in vendor.plans:
        obligations = []
        for ob in plan.obligations:
            details: list[Markup | str] = []
            if ob.priorities:  # "Critical and High only": the levels' names, as a channel for some priorities says them
                details.append(sentence(_("%(priorities)s only"), priorities=_level_names(vendor, ob.priorities, reader)))
            if ob.quantity is not None:
                details.append(how_often(ob.quantity.count, ob.quantity.period, reader))
            if ob.after_minutes is not None:
                clock = clock_text(vendor, ob.calendar, reader)
                values = {"duration": fmt.duration(ob.after_minutes, reader.lang), "hours": clock}
                details.append(
                    _("after %(duration)s of working time, counted %(hours)s") % values if clock else _("after %(duration)s") % values
                )
            if ob.every_minutes is not None:  # recurring until the resolution
                clock = clock_text(vendor, ob.calendar, reader)
                values = {"duration": fmt.duration(ob.every_minutes, reader.lang), "hours": clock}
                details.append(
                    _("every %(duration)s of working time until the resolution, counted %(hours)s") % values
                    if clock
                    else _("every %(duration)s of working time until the resolution") % values
                )
            for penalty in (p for p in plan.penalties if p.obligation == ob.id):  # `penalty obligation …` (lang17)
                said = {"penalty": penalty_text(penalty, reader), "hours": clock_text(vendor, penalty.calendar, reader)}
                details.append(
                    _("penalty for delay: %(penalty)s, counted %(hours)s") % said if penalty.calendar and said["hours"]
                    else _("penalty for delay: %(penalty)s") % said
                )
            text = reader.inline(ob.text)
            if details:  # "A status update on every open case – once a day", not "… case. – once a day"
                text = Markup(_FULL_STOP_AT_END.sub(r"\1", str(text)))
            obligations.append(html_format("{} <small>– {}</small>", text, Markup("; ").join(details)) if details else text)
        late = [p for p in plan.penalties if p.obligation is not None]
        if late and plan.penalty_total is not None and len(late) == len(plan.penalties):
            # The total of a tier that pays for late obligations alone: no target's "Penalty for delay" row says it.
            obligations.append(html_format('<small class="total">{}</small>', penalty_total_text(plan.penalty_total, reader)))
        own = {c.case for c in plan.coverage if c.priority is not None}
        # The priorities with hours of their own first, highest first, then "Other priorities", as the "Hours counted"
        # row says them: a plan that extends one with `coverage all` wrote its `coverage P1` after it. Levels of one kind of
        # case on the same hours are said once, "Critical and High: …", as that row says them too.
        rank = {level.id: n for n, level in enumerate(vendor.priorities.levels if vendor.priorities else ())}
        same_hours: dict[tuple[str | None, str, bool], list[str]] = {}
        for c in sorted(plan.coverage, key=lambda c: (c.priority is None, rank.get(c.priority or "", 0))):
            same_hours.setdefault((c.case, c.calendar, c.priority is None), []).extend([c.priority] if c.priority else [])
        # "Other priorities" is plural: when the priorities with hours of their own leave one, it is named ("P4: …").
        rest = {
            case: [lv for lv in rank if lv not in {c.priority for c in plan.coverage if c.case == case and c.priority}] for case in own
        }
        coverage = tuple(
            sentence(
                _("%(priority)s: %(hours)s"),
                priority=_coverage_levels_label(vendor, tuple(rest[case]), case, reader)
                if every and case in own and len(rest[case]) == 1
                else _coverage_label(vendor, None, case, reader, others=case in own)
                if every
                else _coverage_levels_label(vendor, tuple(levels), case, reader),
                hours=clock_text(vendor, calendar, reader),
            )
            for (case, calendar, every), levels in same_hours.items()
        )
        def _channel_name(cid: str, listed: tuple[str, ...] = plan.channels) -> Markup | str:
            contact = contacts.get(cid)
            if contact is None:
                return cid
            which = _which_contact(contact, listed, vendor, reader)
            kind = contact_kinds(reader)[contact.kind]
            return html_format("{} ({})", kind, which) if which else kind

        channels = list(dict.fromkeys(channel_names(plan, vendor, reader).values()))
        # A channel whose hours differ per plan (Amanda's phone) says this plan's hours here, named as in
        # the list above: "Phone (Emergency line): 24×7" when the tier has two phones, not a bare "Phone".
        channel_hours = tuple(
            sentence(
                _("%(channel)s: answered %(hours)s") if h.answered else _("%(channel)s: %(hours)s"),
                channel=_channel_name(h.channel), hours=clock_text(vendor, h.calendar, reader),
            )
            for h in plan.channel_hours
        )
        services.append(
            PlanService(
                reader.label(plan.name),
                tuple(obligations),
                coverage,
                tuple(channels),
                tuple(reader.block(n) for n in plan.notes),
                channel_hours,
                anchor=tier_anchor(plan.id),
                recommended=plan.recommended,
                languages=fmt.spoken_languages(vendor.languages_of(plan), reader.lang),
                contract=contract_lines(plan.contract, reader),
                channels_line=Markup(fmt.listing(list_items([str(c) for c in channels]), reader.lang)),
                link_name=_tier_link_name(reader.label(plan.name), reader),
            )
        )
    return tuple(services)


def _tier_link_name(name: Markup, reader: Reader) -> str:
    """What a screen reader says for a tier's permalink: "Link to the Gold tier", "Link do pakietu Gold"; without the
    word for a tier where its name holds one ("Link to the Extended package", not "the Extended package tier")."""
    words = reader.gettext("Link to the %(tier)s") if names_say_tier([name], reader) else reader.gettext("Link to the %(tier)s tier")
    return words % {"tier": name.striptags()}


def contact_href(kind: str, value: str | None) -> str | None:
    """A working link for a contact value: mailto:, tel: or sms: with the country code, or the http(s) address; a fax
    number none (it is shown, not linked)."""
    if not value or kind == "fax":
        # As tel: a tap on a phone rang the fax machine; no browser sends a fax from a link (RFC 3966 dropped fax:).
        return None
    if kind == "email":
        return safe_href(addresses.email_href(value))
    if kind == "sms":
        # Tap to text: a phone opens a new message to the number rather than calling it.
        return safe_href(addresses.sms_href(value))
    if kind in addresses.PHONE_KINDS:
        return safe_href(addresses.phone_href(value))
    return safe_href(addresses.web_href(value))


# A label's own last bracket, "On-call phone (critical failures)", at its end or before a closing `lang` span.
_TRAILING_BRACKET = re.compile(r"\s+\(([^()<>]+)\)((?:</span>)?)$")


def _bracket_free(label: Markup) -> Markup:
    """A label to be said in brackets, its own trailing bracket as a comma: "phone (On-call phone, critical failures)".

    Wisła's "Telefon dyżurny (awarie krytyczne)" read "telefon (Telefon dyżurny (awarie krytyczne); tylko …)".
    """
    return Markup(_TRAILING_BRACKET.sub(r", \1\2", str(label)))


def _names_levels(text: str, levels: Sequence[Markup]) -> bool:
    """Whether `text` names each of the priority levels, word by word, in any inflection: "critical failures" or
    "awarie krytyczne" names Critical failure and "Awaria krytyczna" (a word's end may differ by two letters)."""
    said = re.findall(r"\w+", text.casefold())

    def named(word: str) -> bool:
        return any(
            other == word or len(os.path.commonprefix([word, other])) >= max(4, len(word) - 2, len(other) - 2)
            for other in said
        )

    return all(all(map(named, re.findall(r"\w+", level.striptags().casefold()))) for level in levels)


def _whole_short_words(label: Markup) -> Markup:
    """A channel's name as the vendor wrote it ("E-post – ärenden …"), its short hyphenated words kept on one line.

    The label is escaped text, at most inside a `<span lang>`: no tag or attribute holds a hyphenated word.
    """
    return Markup(fmt.keep_short_words_whole(str(label)))


def dialled(number: addresses.PhoneNumber, lang: str) -> str:
    """A phone number as a reader of `lang` dials it, with no-break spaces: the national form in the number's own
    country ("042-400 39 99" on a Swedish page), else the international form as libphonenumber writes it
    ("+43 1 9971234" for a Viennese number on every page; English pages, read in no one country, always).

    A national form cannot be dialled from abroad; the page once showed it first and the international form after it
    in brackets, "01 9971234 (+43 1 9971234)", which read as two numbers."""
    return (number.national if fmt.territory(lang) == number.region else number.international).replace(" ", "\u00a0")


def _contact_view(contact: Contact, vendor: Vendor, reader: Reader) -> ContactView:
    """One contact: its title, its value as shown and linked, and when it is staffed and answered."""
    _ = reader.gettext
    kind = contact_kinds(reader)[contact.kind]
    own = reader.plain(contact.label).strip().lower() if contact.label is not None else ""
    # A label that repeats the kind ("Phone: Phone", "E-mail: E-mail – any time") says it twice.
    # The site's word may hold a word joiner ("E-post", fmt.keep_short_words_whole) that the plan's never has.
    said = kind.replace(fmt.WORD_JOINER, "").lower()
    # So does a label that is the start of one of the kind's words: "Sito web: Web", "Strona internetowa: Internet".
    if not own or own == said or re.search(rf"(?<!\w){re.escape(own)}", said):
        title = Markup(escape(kind))
    elif own.startswith(said) or contact.kind == "account-manager":
        # An account manager's label is the vendor's own name for the role ("Contract manager", "Responsabile del
        # contratto"): "Account manager: Contract manager" named one person twice (found by an outside author).
        title = _whole_short_words(reader.label(contact.label))
    else:
        title = html_format("{}: {}", kind, _whole_short_words(reader.label(contact.label)))
    value, nowrap = contact.value or "", False
    number = addresses.phone_number(value) if contact.kind in addresses.PHONE_KINDS and value else None
    if number is not None:
        value, nowrap = dialled(number, reader.lang), True
    plan_hours = tuple(
        sentence(_("%(plan)s: %(hours)s"), plan=reader.label(plan.name), hours=clock_text(vendor, calendar, reader))
        for plan in vendor.plans
        if contact.id in plan.channels and (calendar := plan.channel_calendar(contact.id)) is not None
    )
    plan_answered = tuple(
        sentence(_("%(plan)s: %(hours)s"), plan=reader.label(plan.name), hours=clock_text(vendor, calendar, reader))
        for plan in vendor.plans
        if contact.id in plan.channels and (calendar := plan.channel_answered(contact.id)) is not None
    )
    return ContactView(
        title,
        value,
        contact_href(contact.kind, contact.value),
        clock_text(vendor, contact.hours, reader),
        clock_text(vendor, contact.answered, reader),
        plan_hours,
        nowrap,
        _contact_tiers(contact, vendor, reader),
        plan_answered,
    )


def _contact_tiers(contact: Contact, vendor: Vendor, reader: Reader) -> Markup:
    """"Only in the Gold tier" when some tiers' channels list the contact and others' do not; else empty.

    Said only when every tier that offers support lists its channels: a tier that lists none says nothing of
    which contacts it has, so the contact may well be its too.
    """
    offering = [p for p in vendor.plans if not p.no_support]
    having = [p for p in offering if contact.id in p.channels]
    if not having or len(having) == len(offering) or not all(p.channels for p in offering):
        return _NO_HTML
    labels = [reader.label(p.name) for p in having]
    if names_say_tier(labels, reader):
        return sentence(reader.gettext("Only in the %(tiers)s"), tiers=markup_listing(labels, reader.lang))
    words = reader.ngettext("Only in the %(tiers)s tier", "Only in the %(tiers)s tiers", len(having))
    return sentence(words, tiers=markup_listing(labels, reader.lang))


def names_say_tier(names: Sequence[Markup], reader: Reader) -> bool:
    """Whether a tier's name already holds the page language's word for a tier ("Pakiet Rozszerzony", "Extended
    package"): a sentence about it then leaves its own out, or "w pakiecie Pakiet Rozszerzony" says it twice."""
    # The catalog holds each language's words for a tier, comma-separated: "pakiet, plan, poziom, wariant".
    words = {word.strip().lower() for word in reader.gettext("tier, package, plan, level, edition").split(",")}
    return any(words.intersection(re.findall(r"\w+", name.striptags().lower())) for name in names)


def _which_contact(
    contact: Contact, channels: tuple[str, ...], vendor: Vendor, reader: Reader, levels: Sequence[Markup] = ()
) -> Markup | str:
    """What tells one of a tier's several contacts of a kind from the others: its group, its label, else its address.

    Empty when the tier has one contact of that kind, so "Phone" stays one word in the usual case. `levels`: the
    priorities the tier keeps the contact for, which its summary names after it; a label's own last bracket that names
    them too is left out ("On-call phone (critical failures)" for Critical failure only).
    """
    byid = {c.id: c for c in vendor.contacts}
    same = [byid[c] for c in channels if c in byid and byid[c].kind == contact.kind]
    if len(same) < 2:
        return ""
    groups = {g.id: g for g in vendor.contact_groups}
    group = groups.get(contact.group or "")
    # Each kept on one line as the contact list keeps it: a label's short hyphenated words ("On-call phone"), and
    # the number whole ("090-10 20 30" broke after "090-" in the comparison's narrow column).
    if group is not None and sum(1 for c in same if c.group == contact.group) == 1:
        return _whole_short_words(_bracket_free(reader.label(group.label)))
    # The author's own name for the line ("Urgent line") says more than its number, which in the US
    # national form brings parentheses of its own: "Phone ((617) 555-0199)".
    if contact.label is not None:
        label = reader.label(contact.label)
        if levels and (bracket := _TRAILING_BRACKET.search(label)) and _names_levels(bracket[1], levels):
            label = Markup(label[: bracket.start()] + bracket[2])
        return _whole_short_words(_bracket_free(label))
    number = addresses.phone_number(contact.value) if contact.kind in addresses.PHONE_KINDS and contact.value else None
    if number is not None:
        return dialled(number, reader.lang).replace("-", "-" + fmt.WORD_JOINER)
    return contact.value or contact.id


def contact_views(vendor: Vendor, reader: Reader) -> tuple[ContactView, ...]:
    """The vendor's contact channels outside any group, with the hours each is staffed."""
    groups = {g.id for g in vendor.contact_groups}
    return tuple(_contact_view(c, vendor, reader) for c in vendor.contacts if c.group not in groups)


def contact_groups(vendor: Vendor, reader: Reader) -> tuple[ContactGroupView, ...]:
    """The vendor's groups of contacts (Infor in Italy, the headquarters), in the order declared."""
    views = []
    for group in vendor.contact_groups:
        members = tuple(_contact_view(c, vendor, reader) for c in vendor.contacts if c.group == group.id)
        if members:
            views.append(ContactGroupView(reader.label(group.label), members))
    return tuple(views)


def _excluded_because(plan: Plan, reader: Reader) -> str:
    """Why a tier is not among the calculator's choices: no support, times kept unpublished, or none guaranteed."""
    if plan.no_support:
        return reader.gettext("No support")
    if any(not t.published for t in plan.targets):
        return reader.gettext("Not published by the vendor")
    return reader.gettext("No guaranteed time")


def calculator(vendor: Vendor, reader: Reader) -> Calculator | None:
    """The calculator's choices; None when no tier states a target with a duration."""
    plans = tuple(
        choice
        for p in vendor.plans
        if any(t.guaranteed for t in p.targets)
        # Who else a tier's terms apply to is a choice of its own, answered by the rules' alias.
        for choice in (
            reader.choice(p.id, p.name),
            # An option holds text only: it takes the language of who it names, most of its words.
            *(Choice(w.id, reader.gettext("%(who)s (as %(tier)s)") % {"who": reader.plain(w.who), "tier": reader.plain(p.name)},
                     reader.fallback(w.who))
              for w in p.applies_to),
        )
    )
    if not plans:
        return None
    levels = vendor.priorities.levels if vendor.priorities else ()
    priorities = tuple(
        Choice(lv.id, _id_and_name(lv.id, reader.plain(lv.name), reader.lang), reader.fallback(lv.name)) if reader.plain(lv.name) != lv.id
        else Choice(lv.id, lv.id)
        for lv in levels
    )
    titles = metric_titles(reader)
    metrics = []
    for metric in METRICS:
        if any(t.metric == metric and t.guaranteed for p in vendor.plans for t in p.targets):
            own = vendor.metric_text(metric)
            metrics.append(reader.choice(metric, own.name) if own and own.name else Choice(metric, titles[metric]))
    excluded = tuple(
        Excluded(reader.label(p.name), _excluded_because(p, reader)) for p in vendor.plans if not any(t.guaranteed for t in p.targets)
    )
    used = {t.case for p in vendor.plans for t in p.targets if t.case is not None}
    cases = tuple(reader.choice(c.id, c.name) for c in vendor.cases if c.id in used)
    if cases:
        cases = (Choice("", reader.gettext("Any other case")), *cases)
    codes = {
        code
        for p in vendor.plans
        for t in p.targets
        if t.guaranteed and (cal := _calendar(vendor, t.calendar)) is not None
        for code in cal.customer_holidays
    }
    countries = tuple(sorted((Choice(c, fmt.country_name(c, reader.lang)) for c in codes), key=lambda c: c.label))
    return Calculator(
        vendor.id, plans, priorities, tuple(metrics), DEFAULT_METRIC, excluded, cases=cases, countries=countries,
        locale=fmt.locale_code(reader.lang).replace("_", "-"),  # issue 9
        date_pattern=fmt.date_entry(reader.lang), date_example=fmt.date_in_entry(DATE_EXAMPLE, reader.lang),
        zones=zone_words(reader, {c.zone for c in vendor.calendars if c.zone} | home_zones(reader.lang)),
    )


def home_zones(lang: str) -> set[str]:
    """The zones most readers of the site's pages are in, the region's of each language (fmt.home_zone): their words go with
    the calculator on every vendor page (an Italian reading about a Swedish vendor is answered in "ora italiana"), besides
    the zones of the vendor's clocks. Every language's, not the page language's alone: a Swede reading the Polish page of
    a Polish vendor was answered in Intl's nominative "14:00 czas środkowoeuropejski" where Polish says "czasu
    szwedzkiego" after a time (pages15)."""
    return {zone for code in (*LANGUAGES, lang) if (zone := fmt.home_zone(code)) is not None}


def zone_words(reader: Reader, zones: set[str] | None = None) -> str:
    """The site's names of `zones` (every zone it names when None) as the forms read them: "zone=name|zone=name".

    A reader's zone is named as the pages name a vendor's after a time ("16:00 svensk tid", "czasu szwedzkiego"), not
    by its tz id ("Europe/Stockholm"); the forms name other zones by Intl's generic name (assets/calculator.js and
    compare.js).
    Written without quotes, which an attribute would carry as `&#34;`: the page weighs every byte.
    """
    names = zone_names(reader)
    return "|".join(f"{zone}={names[zone]}" for zone in sorted(names) if zones is None or zone in zones)


def vendor_page(vendor: Vendor, reader: Reader, example: Example | None = None) -> VendorPage:
    """The whole comparison page of one vendor in the reader's language; `example`: the worked example of its response times."""
    _ = reader.gettext
    heads = tuple(
        PlanHead(
            reader.label(p.name),
            reader.block(p.description),
            reader.label(parent.name) if p.extends and (parent := vendor.plan(p.extends)) else _NO_HTML,
            _marks(vendor, p.marks),
            recommended=p.recommended,
            adds=adds_to_parent(p, vendor),
            applies_to=tuple(reader.label(who.who) for who in p.applies_to),
            editorial=tuple(reader.block(n) for n in p.editorial_notes),
            anchor=tier_anchor(p.id),
        )
        for p in vendor.plans
    )
    levels = tuple(
        Level(_level_label(lv.id, lv.name, reader), reader.block(lv.definition), reader.block(lv.example))
        for lv in (vendor.priorities.levels if vendor.priorities else ())
    )
    matrix = None
    scheme = vendor.priorities
    if scheme and scheme.matrix:
        m = scheme.matrix
        matrix = Matrix(
            tuple(reader.label(u.label) for u in m.urgencies),
            tuple(
                (reader.label(i.label), tuple(m.level(i.id, u.id) or "" for u in m.urgencies)) for i in m.impacts
            ),
        )
    description = _("Support tiers of %(vendor)s compared: prices, response times, features and contact.") % {
        "vendor": vendor.name
    }
    prices = price_rows(vendor, reader)
    return VendorPage(
        name=vendor.name,
        intro=reader.block(vendor.intro),
        website=safe_href(vendor.website),
        plans=heads,
        prices=prices,
        levels=levels,
        matrix=matrix,
        targets=with_example(target_tables(vendor, reader), vendor, example, reader),
        features=feature_groups(vendor, reader),
        services=plan_services(vendor, reader),
        contacts=contact_views(vendor, reader),
        notes=tuple(reader.block(n) for n in vendor.notes),
        footnotes=tuple(
            Note(fn.mark, f"fn-{i}", reader.inline(fn.text)) for i, fn in enumerate(vendor.footnotes, start=1) if not fn.editorial
        ),
        calculator=calculator(vendor, reader),
        description=description,
        contact_groups=contact_groups(vendor, reader),
        sources=source_views(vendor, reader),
        editorial_notes=tuple(reader.block(n) for n in vendor.editorial_notes),
        editorial_footnotes=tuple(
            Note(fn.mark, f"fn-{i}", reader.inline(fn.text)) for i, fn in enumerate(vendor.footnotes, start=1) if fn.editorial
        ),
        shown=narrow_tiers([p.recommended for p in vendor.plans]),
        only_language=only_language_note(vendor, reader),
        availability=availability_rows(vendor, reader),
        cards=tier_cards(vendor, reader, prices),
    )


def only_language_note(vendor: Vendor, reader: Reader) -> str:
    """"Of this site’s languages, the offer is available in English only." on a page in another language of a `language en only` vendor; else ""."""
    if vendor.published_in(reader.lang):
        return ""
    _ = reader.gettext
    if vendor.also_languages:  # `language en, sv only`: the languages listed, as CLDR names and joins them
        return _("Of this site’s languages, the offer is available only in these: %(languages)s.") % {
            "languages": fmt.language_names((vendor.language, *vendor.also_languages), reader.lang)
        }
    # One sentence per language, not a language name put into one: Polish says "po angielsku", an adverb
    # no list of names gives; any other language of a project is named in a sentence that takes a name.
    native = {
        "en": _("Of this site’s languages, the offer is available in English only."),
        "sv": _("Of this site’s languages, the offer is available in Swedish only."),
        "it": _("Of this site’s languages, the offer is available in Italian only."),
        "pl": _("Of this site’s languages, the offer is available in Polish only."),
    }
    if vendor.language in native:
        return native[vendor.language]
    return _("Of this site’s languages, the offer is available in one only: %(language)s.") % {
        "language": fmt.language_in(vendor.language, reader.lang)
    }


# The tier cards (docs/site.md, "A vendor's page").

CARD_POINTS = 5
"""At most this many of a tier's differences on its card; the comparison below has them all."""
_SENTENCE_END = re.compile(r"[.!?](?=\s+[*_\"“„«(]*[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻ])")
_LONG_PROMISE = 140


def first_sentence(text: str) -> str:
    """The first sentence of a Markdown text's first paragraph: a tier's promise on its card.

    A sentence that opens a list ("… extended with:") ends in an ellipsis. One longer than a line or two is cut where
    its list begins: before a colon that names the tier first ("The base plan of Infor Xtreme Support: critical …"),
    else after its first item, at a comma outside brackets, with an ellipsis (the card lists the items below).
    """
    paragraph = re.split(r"\n\s*\n|\n\s*[-*+] ", text.strip(), maxsplit=1)[0]
    paragraph = " ".join(paragraph.split())
    end = _SENTENCE_END.search(paragraph)
    said = paragraph[: end.end()] if end else paragraph
    if len(said) > _LONG_PROMISE and ": " in said:
        said = said.split(": ", 1)[0]
    elif len(said) > _LONG_PROMISE:
        depth = 0
        for i, char in enumerate(said):
            depth += (char == "(") - (char == ")")
            if char == "," and depth == 0:
                said = said[:i] + "…"
                break
    if said.endswith(":"):
        said = said[:-1].rstrip() + "…"
    return said


def _promise(text: Text | None, reader: Reader) -> Markup:
    if text is None:
        return _NO_HTML
    value, fallback = reader.pick(text)
    html = Markup(md.render_inline(first_sentence(value), _binding(fallback or reader.lang)))
    return html_format('<span lang="{}">{}</span>', fallback, html) if fallback else html


def channel_names(plan: Plan, vendor: Vendor, reader: Reader) -> dict[str, Markup]:
    """Each of a tier's channels by its kind, told apart as the tier's summary says it: "Phone (On-call line; Critical only)".

    By kind ("Phone, Support portal"): a contact's own label is a sentence meant for the contact list, too long for a
    tier's summary, and is said only where the tier has two contacts of one kind.
    """
    _ = reader.gettext
    contacts = {c.id: c for c in vendor.contacts}
    names: dict[str, Markup] = {}
    for cid in plan.channels:
        contact = contacts.get(cid)
        name = Markup(escape(contact_kinds(reader)[contact.kind] if contact else cid))
        limited = next((p.priorities for p in plan.channel_priorities if p.channel == cid), ())
        levels = [_level_name(vendor, level, reader) for level in dict.fromkeys(limited)]
        which = _which_contact(contact, plan.channels, vendor, reader, levels) if contact else ""
        if which and limited:  # "Phone (Emergency phone; Critical only)": one pair of brackets, not two in a row
            name = sentence(
                _("%(channel)s (%(which)s; %(priorities)s only)"), channel=name, which=which,
                priorities=_level_names(vendor, limited, reader),
            )
        elif which:
            name = html_format("{} ({})", name, which)
        elif limited:  # "Phone (Critical and High only)": the channel is for these priorities
            name = sentence(_("%(channel)s (%(priorities)s only)"), channel=name, priorities=_level_names(vendor, limited, reader))
        names[cid] = name
    return names


def tier_points(plan: Plan, base: Plan | None, vendor: Vendor, reader: Reader) -> tuple[Markup, ...]:
    """Up to CARD_POINTS things a tier has that `base` (the tier it extends) has not, or its own highlights without one.

    The features it gains or changes (as the comparison writes them) and its service: the first response to the top
    priority, the hours support is available and the channels it adds. Each as "name: value", which reads alike in sv, it, pl, en.
    """
    features: list[Markup] = []
    cells, base_cells = plan_cells(plan), plan_cells(base) if base is not None else None
    for f in vendor.features:
        cell = cells.get(f.id)
        if cell is None or cell.kind in ("excluded", "not-stated", "not-applicable"):
            continue
        if base_cells is not None and ((inherited := base_cells.get(f.id)) is cell or inherited == cell):
            continue
        label = reader.label(f.label)
        shown = feature_cell(cell, vendor, reader)
        if cell.kind == "included":
            features.append(label)
        elif cell.kind != "add-on" and _plain_words(shown.html).startswith(_plain_words(label)):
            # A value that says its feature's name is said alone: "Training: Training tailored to your needs" read twice.
            features.append(shown.html)
        else:  # an add-on's words have their own colon ("Add-on: €5 per device"): in brackets, not a second one
            features.append(html_format("{} ({})" if cell.kind == "add-on" else "{}: {}", label, shown.html))
    service: list[Markup] = []
    told_hours: tuple[str | None, str | None] | None = None  # the hours the first response was said with, and for whom
    levels = vendor.priorities.levels if vendor.priorities else ()
    top = levels[0].id if levels else None
    target = plan.target(DEFAULT_METRIC, top)
    before = base.target(DEFAULT_METRIC, top) if base is not None else None
    if target is not None and target.guaranteed and (base is None or before != target):
        said = target_cell(target, reader).text
        # Synerity writes its response time as a feature too ("Guaranteed response time: 2 hours"): said once.
        if not any(said in p for p in features):
            # Named as the response times and the calculator name it: Wisła's card said "First response" over a table
            # and a calculator that call the same time "Response time" ("Svarstid", "Tempo di risposta").
            own = vendor.metric_text(DEFAULT_METRIC)
            title = reader.label(own.name) if own and own.name else Markup(escape(metric_titles(reader)[DEFAULT_METRIC]))
            if top is not None and levels[0].name is not None:
                title = html_format("{} ({})", title, _bracket_free(reader.label(levels[0].name)))
            # The same time on other hours says them: Wisła's Extended card read "1 hour", as its Standard card does,
            # for a 1 hour around the clock.
            if before is not None and target_cell(before, reader).text == said and before.calendar != target.calendar:
                said = html_format("{} ({})", said, clock_text(vendor, target.calendar, reader))
                told_hours = (target.calendar, top)
            service.append(html_format("{}: {}", title, said))
    available = reader.gettext("When support is available")
    hours = next((c.calendar for c in plan.coverage if c.priority is None and c.case is None), None)
    same_hours = base is not None and hours == next((c.calendar for c in base.coverage if c.priority is None and c.case is None), None)
    if hours and (base is None or (set(plan.coverage) != set(base.coverage) and not same_hours)):
        service.append(html_format("{}: {}", available, clock_text(vendor, hours, reader)))
    elif base is not None and set(plan.coverage) != set(base.coverage):
        # Only some priorities' hours changed (Wisła's critical failures, 24×7): those, not the hours both tiers share.
        gained: dict[str, list[str]] = {}
        for c in plan.coverage:
            if c.priority is not None and c.case is None and c not in base.coverage:
                gained.setdefault(c.calendar, []).append(c.priority)
        for calendar, priorities in gained.items():
            if told_hours == (calendar, priorities[0]) and len(priorities) == 1:
                # "First response (Critical failure): 1 hour (24×7, all year round)" has said them: Wisła's Extended
                # card said "When support is available (Critical failure): 24×7, all year round" under it again.
                continue
            levels_said = _bracket_free(_level_names(vendor, tuple(priorities), reader))  # Infor's "Poziom ważności 1 (Severity 1)"
            service.append(html_format("{} ({}): {}", available, levels_said, clock_text(vendor, calendar, reader)))
    added = [c for c in plan.channels if c not in (base.channels if base else ())]
    # Each named as the tier's service names it: a second phone is "Phone (On-call line; Critical only)", not a bare
    # "Phone" the tier below has too.
    names = channel_names(plan, vendor, reader) if added else {}
    kinds: list[str] = list(dict.fromkeys(names[c] for c in added))
    if kinds:  # each is HTML (a `lang` mark on a vendor's English label), kept as it is: escape() leaves Markup alone
        said = markup_listing([Markup(escape(k)) for k in list_items(kinds)], reader.lang)
        # After the colon the first kind is a word inside the line, as the ones after it are: "Kanaler: supportportal,
        # e-post och telefon", not "Kanaler: Supportportal, e-post …" (the site's words for the kinds; a vendor's label
        # stands in brackets after one).
        said = Markup(_lower_first(str(said)))
        service.append(html_format("{}: {}", reader.gettext("Channels"), said))
    # A tier that extends none leads with its service (a first time, its hours, its channels), which its features
    # do not say; one that extends another with the features it gains, the things its vendor sells it by.
    points = features + service if base is not None else service + features
    return tuple(points[:CARD_POINTS])


def tier_cards(vendor: Vendor, reader: Reader, prices: tuple[PriceRow, ...]) -> tuple[TierCard, ...]:
    """One card per tier: its name, promise, price, what it adds to the tier it extends, and whether it is recommended."""
    cards = []
    for i, plan in enumerate(vendor.plans):
        # A tier that leaves out something it inherits (`no target …`, `no coverage …`; lang17) has not everything of the
        # one it extends: no "Everything in X, and more" on its card, but its own highlights, as a tier that extends none.
        base = vendor.plan(plan.extends) if plan.extends and not plan.dropped else None
        same = base is not None and not adds_to_parent(plan, vendor)
        promise = _promise(plan.description, reader)
        own: tuple[tuple[Markup, PriceCell], ...]
        if prices and len({row.cells[i] for row in prices}) == 1:
            # One price for every segment (a price written without one): said once, not under each segment's name.
            own = ((_NO_HTML, prices[0].cells[i]),)
        elif prices:
            own = tuple((row.label, row.cells[i]) for row in prices)
        else:
            own = ((_NO_HTML, price_cell(None, vendor, reader)),)
        if base is not None and promise.striptags().endswith("…"):
            # A promise cut short ("… extended with…", "Includes everything in Xtreme Support…") on a card that
            # says "Everything in X, and more" above what the tier adds: that line says it whole.
            promise = _NO_HTML
        cards.append(
            TierCard(
                reader.label(plan.name),
                tier_anchor(plan.id),
                promise,
                own,
                reader.label(base.name) if base is not None else _NO_HTML,
                () if same else tier_points(plan, base, vendor, reader),
                recommended=plan.recommended,
                same=same,
                told=base is not None and _names_tier(promise, reader.label(base.name), reader.label(plan.name)),
            )
        )
    return tuple(cards)


def _plain_words(text: Markup) -> str:
    """Text as words to compare: no tags, no word joiners around hyphens ("On-\u2060call"), case folded."""
    plain = str(text)
    # Most are an escaped name with no tag and no entity, for which striptags' tag search and unescaping (a card's
    # most costly call) leave the words as they are.
    plain = text.striptags() if "<" in plain or "&" in plain else " ".join(plain.split())
    return plain.replace("\u2060", "").casefold()


def _names_tier(promise: Markup, base: Markup, own: Markup) -> bool:
    """Whether a promise names the tier its tier extends, by the words of its name the tier's own name lacks.

    "Everything in Bas, with round-the-clock on-call staff …" (Drift Plus, which extends Drift Bas), "Allt i
    Standardpaketet, och …", "Wszystko z pakietu Standard oraz …": the card's "Everything in X, and more" under it said
    the same again. A word is found at the start of a word of the promise, so an inflected one ("Standardpaketet",
    "Standardpaket") counts; a number only as a whole number ("level 1", not "10").
    """
    text = _plain_words(promise)
    mine = set(_plain_words(own).split())
    words = [w for w in _plain_words(base).split() if w not in mine]
    return bool(text and words) and all(
        re.search(rf"(?<!\w){re.escape(w)}" + (r"(?!\d)" if w[-1].isdigit() else ""), text) for w in words
    )


# Issue 9: tier tables on every screen.


def tier_anchor(plan_id: str) -> str:
    """The fragment a tier is linked by: "tier-premium"."""
    return f"tier-{plan_id}"


NARROW_TIERS = 2
"""How many tiers a phone shows side by side before the reader picks others (two fit 320 px with every word whole; three
cut "rozszerzone", "Społeczność" at 320 px). The head says when a tier is hidden and leads to the chooser."""


def narrow_tiers(recommended: list[bool]) -> tuple[int, ...]:
    """The tiers (0-based) a narrow screen shows first: the recommended one and its neighbour, else the first two."""
    count = len(recommended)
    if count <= NARROW_TIERS:
        return tuple(range(count))
    first = recommended.index(True) if True in recommended else 0
    # The neighbour is the next tier up, or the one below when the recommended tier is the last.
    start = min(first, count - NARROW_TIERS)
    return tuple(range(start, start + NARROW_TIERS))


def adds_to_parent(plan: Plan, vendor: Vendor) -> bool:
    """Whether a tier that extends another adds or changes anything of what it inherits."""
    parent = vendor.plan(plan.extends) if plan.extends else None
    if parent is None:
        return True
    return (
        set(plan.cells) != set(parent.cells)
        or set(plan.targets) != set(parent.targets)
        or set(plan.coverage) != set(parent.coverage)
        or set(plan.channels) != set(parent.channels)
        # Who a channel is for and when it is staffed are part of the service too (`channels phone for P1`,
        # `channels phone hours around-the-clock`), and so are the languages customers are helped in.
        or {(c.channel, frozenset(c.priorities)) for c in plan.channel_priorities}
        != {(c.channel, frozenset(c.priorities)) for c in parent.channel_priorities}
        or set(plan.channel_hours) != set(parent.channel_hours)
        or vendor.languages_of(plan) != vendor.languages_of(parent)
        or _service_terms(plan) != _service_terms(parent)
    )


# A contract length by what it lasts, so `12 months` and `1 year` are one term; days and months stay apart.
_MONTHS_IN = {"month": 1, "quarter": 3, "year": 12}
_DAYS_IN = {"day": 1, "week": 7}


def _length_key(length: ContractLength | None) -> tuple[int, str] | None:
    if length is None:
        return None
    period = length.period or length.unit
    if period in _MONTHS_IN:
        return (length.count * _MONTHS_IN[period], "month")
    if period in _DAYS_IN:
        return (length.count * _DAYS_IN[period], "day")
    return (length.count, period)


def _service_terms(plan: Plan) -> tuple[object, ...]:
    """The tier's facts besides features, targets and channels that the page shows as its service.

    Contract terms, availability with its credits and maintenance, penalties, and the obligations with the
    priorities they are for compared as a set (`for P1 and P2` is `for P2 and P1`). Prices are not
    service: a tier that only costs something else is "the same service as" its parent.
    """
    contract = plan.contract
    terms = (
        None
        if contract is None
        else (
            _length_key(contract.minimum), _length_key(contract.renewal), _length_key(contract.notice), contract.no_notice,
            contract.open_ended,
        )
    )
    obligations = frozenset(
        (ob.id, ob.text, ob.quantity, ob.after_minutes, ob.every_minutes, ob.calendar, frozenset(ob.priorities))
        for ob in plan.obligations
    )
    penalties = (frozenset(plan.penalties), plan.no_penalties, plan.penalty_total)
    return (terms, plan.availability, frozenset(plan.credits), plan.no_credits, plan.maintenance, obligations, penalties)


def source_views(vendor: Vendor, reader: Reader) -> tuple[SourceView, ...]:
    """Where the vendor's terms were read and when: "Support terms (PDF), terms as of 1 November 2026"."""
    views = []
    _ = reader.gettext
    for src in vendor.sources:
        dates = []
        if isinstance(src.published, int):
            dates.append(_("published in %(year)s") % {"year": str(src.published)})
        elif src.published is not None:
            dates.append(fmt.italian_elision(_("published %(date)s") % {"date": fmt.day(src.published, reader.lang)}, reader.lang))
        if src.read is not None:
            dates.append(fmt.italian_elision(_("terms as of %(date)s") % {"date": fmt.day(src.read, reader.lang)}, reader.lang))
        views.append(SourceView(reader.label(src.title), safe_href(src.url), ", ".join(dates)))
    return tuple(views)


def price_range(vendor: Vendor, reader: Reader) -> Markup:
    """The prices in one line, summarised only where they compare: per segment, currency, unit and period.

    "Free to 5 000 kr per år" when one segment's prices share a currency, unit and period; prices of
    different segments are named per segment, one a line ("Licence customers: free to 10 000 kr per month",
    "Customers without a licence: 2 500–15 000 kr per month"), never one range across them.
    """
    _ = reader.gettext
    prices = [p for plan in vendor.plans for p in first_prices(plan)]  # the prices in force first, as targets
    if not prices:
        return Markup(escape(_("No prices published")))
    order = [None, *(s.id for s in vendor.segments)]
    keys = sorted({p.segment for p in prices}, key=lambda k: order.index(k) if k in order else len(order))
    # The vendor's currencies in the order it first names them, its main one first, on every segment alike.
    currencies = list(dict.fromkeys(p.currency for p in prices if p.kind == "amount" and p.currency))
    if len(keys) == 1:
        return Markup(escape(_segment_summary([p for p in prices if p.segment == keys[0]], reader, currencies)))
    labels = {s.id: reader.label(s.label) for s in vendor.segments}
    parts = []
    for key in keys:
        # After the segment's colon the prices go on the sentence, lower case as each language writes it there:
        # "Klienci z licencją Synerity: od pakietu bezpłatnego do …", not "…: Od pakietu …".
        summary = _lower_first(_segment_summary([p for p in prices if p.segment == key], reader, currencies))
        label = labels.get(key, key) if key is not None else _("Everyone")
        parts.append(sentence(_("%(segment)s: %(price)s"), segment=label, price=summary))
    # One segment a line, as the comparison's cells: joined by semicolons, each label after the first began with a
    # capital in the middle of a sentence ("…per month; Customers without a licence: …").
    return Markup("<br>").join(parts)


def _amounts(group: list[Price]) -> list[Decimal]:
    return [p.amount for p in group if p.amount is not None]


def _lower_first(text: str) -> str:
    """A word of the site's inside a sentence: "Telefon" is "telefon", but an abbreviation such as "SMS" stays as it is."""
    if len(text) > 1 and text[0].isupper() and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _segment_summary(prices: list[Price], reader: Reader, currencies: list[str]) -> str:
    """One segment's prices: a range per currency, unit, period, tax note and set-up fee; a "from" price as "from X".

    A minimum quantity or a billing interval is said after a range only when every price in it has the same: a tier
    sold per user billed monthly or yearly, with a minimum in its dearer tiers (Harbourline: eight prices in two
    currencies) is "10–45 USD per user per month", and its vendor page says each price's terms. Currencies come
    in the order of `currencies`.
    """
    _ = reader.gettext
    lang = reader.lang
    # A pack (`for 10 hours`) compares only with packs of as many of the same unit.
    groups: dict[tuple[str, str, str, str, Decimal, str, int, object], list[Price]] = {}
    for p in prices:
        if p.kind == "amount" and p.amount is not None and p.currency:
            # A set-up fee is part of what a price costs: prices with one do not compare with those without.
            fee = p.setup.amount if p.setup is not None and p.setup.amount is not None else Decimal(-1)
            # So are the parts that add up with a price: said once after the range. The least it comes to is said after
            # it when every price in it has the same, as a minimum quantity is: Cassalink's two tiers (at least €950 and
            # €1,500 a month) read as two whole prices joined by "or" on the home page's card.
            extra = tuple((q.amount, q.unit or "") for q in p.parts)
            key = (p.currency, p.unit or "", p.period or "", p.tax or "", fee, p.pack_of or "", p.pack or 0, extra)
            groups.setdefault(key, []).append(p)
    # Prices of one currency, unit, period and tax note that differ only in their parts or set-up fee are said as the
    # cheapest one, "from": Norrdrift's card listed both tiers' whole prices, joined by "or", nine lines on a phone.
    # The vendor page says each tier's price whole.
    def kin_of(key: tuple[object, ...]) -> tuple[object, ...]:  # the key without the set-up fee and the parts
        return (*key[:4], *key[5:7])

    cheapest: dict[tuple[object, ...], tuple[str, str, str, str, Decimal, str, int, object]] = {}
    kin_count = Counter(kin_of(found) for found in groups)
    for found, group in groups.items():
        best = cheapest.get(kin_of(found))
        if best is None or min(_amounts(group)) < min(_amounts(groups[best])):
            cheapest[kin_of(found)] = found
    several = {kin for kin, count in kin_count.items() if count > 1}
    groups = {k: group for k, group in groups.items() if cheapest[kin_of(k)] == k}
    ranges = []
    free = any(p.kind == "free" for p in prices)
    # Support included in a licence or subscription: said as it is, never a range's low end ("Included … to €5").
    included = [included_words(reader)[b] for b in dict.fromkeys(p.basis or "" for p in prices if p.kind == "included")]
    asks = [k for k in ("on-request", "contact-sales") if any(p.kind == k for p in prices)]
    # "Free to X" names the dearest price only: "Free to 5 000–10 000 kr" read as a range within a range.
    up_to = free and len(groups) == 1 and not asks and not included and not any(p.kind == "percent" for p in prices)
    topped = False
    for (currency, unit, period, tax, _fee, pack_of, pack, _extra), group in sorted(
        groups.items(), key=lambda item: (currencies.index(item[0][0]), item[0])
    ):
        minimums, billings = {p.minimum for p in group}, {p.billed_every for p in group}
        leasts = {p.floor for p in group}
        least = leasts.pop() if len(leasts) == 1 else None
        minimum = minimums.pop() if len(minimums) == 1 else None
        billed = billings.pop() if len(billings) == 1 else None
        amounts = _amounts(group)
        low, high = min(amounts), max(amounts)
        money = fmt.money(low, currency, lang)
        starting = any(p.starting for p in group) or (currency, unit, period, tax, pack_of, pack) in several
        if up_to and not starting:
            money, topped = fmt.money(high, currency, lang), True
        elif high != low and not starting:
            money = fmt.money_range(low, high, currency, lang)
        if unit:
            money = price_units(reader)[unit] % {"price": money}
        money = with_pack(money, pack or None, pack_of or None, reader)
        money = per_period(money, period or None, reader)
        if starting:
            money = _("from %(price)s") % {"price": money}
        money = with_parts(money, group[0].parts, period or None, reader)
        money = with_floor(_tax(money, tax or None, reader), least, reader)
        money = with_terms(money, unit or None, minimum, billed, reader)
        ranges.append(with_setup_fee(money, group[0].setup, reader))
    # A percentage compares with no amount: a range of its own per basis, period, tax note and minimum amount.
    shares: dict[tuple[int, str, str, str], list[Decimal]] = {}
    floors: dict[tuple[int, str, str, str], Price | None] = {}
    for p in prices:
        if p.kind == "percent" and p.amount is not None:
            floor = price_text(p.floor, reader) if p.floor is not None else ""
            share_key = (PRICE_BASES.index(p.basis) if p.basis in PRICE_BASES else 0, p.period or "", p.tax or "", floor)
            shares.setdefault(share_key, []).append(p.amount)
            floors[share_key] = p.floor
    for share_key, values in sorted(shares.items()):
        basis_at, period, tax, _floor = share_key
        share = fmt.percent(min(values), lang)
        if max(values) != min(values):
            share = fmt.interval(share, fmt.percent(max(values), lang), lang)
        share = per_period(price_bases(reader)[PRICE_BASES[basis_at]] % {"percent": share}, period or None, reader)
        ranges.append(with_floor(_tax(share, tax or None, reader), floors[share_key], reader))
    ask_words = {"on-request": _("Price on request"), "contact-sales": _("Contact sales")}
    if topped:  # not "Free to from €10": a "from" price is listed ("Free or from €10")
        return _("Free to %(price)s") % {"price": ranges[0]}
    words = ([_("Free")] if free else []) + included + [ask_words[k] for k in asks]
    parts = ([_("Free")] if free else []) + included + ranges + [ask_words[k] for k in asks]
    if parts:
        # The site's words ("Free", "Price on request") start a sentence on their own; inside a list they
        # are lower case in all four languages ("... eller pris på förfrågan").
        items = [parts[0], *(_lower_first(p) if p in words else p for p in parts[1:])]
        if len(items) > 2 and any(", " in item for item in items):
            # "€89 per device per month excl. tax, plus a one-off set-up fee of €290, €149 per device …": a price
            # that says its terms after commas, in a list joined by commas, runs into the next; semicolons
            # set them apart, as the segments' summaries are.
            return "; ".join(items)
        return fmt.listing(items, lang, style="or")
    return _("Not offered")


def fastest_response(vendor: Vendor, reader: Reader) -> Markup:
    """The quickest guaranteed first response of any tier ("8 hours", under the card's "Fastest response"), or a plain
    statement that none is promised."""
    # The card's "response" is the metric a question means when it names none: the first response,
    # for the general case; a kind of case answered faster (Esri's escalated cases) is named with it.
    # A target's later versions (`from DATE`) are not its value: the card, like the comparison, says the
    # version in force first, and the vendor page lists the later ones with their dates.
    targets = [t for p in vendor.plans for t in first_versions(p) if t.metric == DEFAULT_METRIC]
    general = [t.minutes for t in targets if t.case is None and t.guaranteed and t.minutes is not None]
    # Targets in business days only count when no tier gives hours: days and hours do not compare.
    in_days = sorted((t.days, t.day_end) for t in targets if t.case is None and t.guaranteed and t.days is not None)
    scoped = sorted((t.minutes, t.case) for t in targets if t.case is not None and t.guaranteed and t.minutes is not None)
    if not general and not in_days and not scoped:
        if any(not t.published for t in targets):
            return Markup(escape(reader.gettext("Response times not published")))
        # "None" only when the vendor says so; a vendor that publishes no response times has not promised none.
        if targets or any(p.no_support for p in vendor.plans):
            return Markup(escape(reader.gettext("No guaranteed response time")))
        return Markup(escape(reader.gettext("Response times not stated by the vendor")))
    if not general and not in_days:
        minutes, case = scoped[0]
        return html_format("{} ({})", fmt.duration(minutes, reader.lang), case_in_sentence(vendor, case, reader))
    # The card's term says what the time is ("Fastest response"): the time alone, not "Fastest response: 8 hours" again.
    text = Markup(escape(fmt.duration(min(general), reader.lang) if general else business_days_text(*in_days[0], reader)))
    if scoped and (not general or scoped[0][0] < min(general)):
        # On a line of its own, as the comparison's cells say a kind of case: after a semicolon the case's name kept
        # its capital mid-sentence ("8 timmar; Ärenden som eskaleras till Esri Inc: 1 timme").
        minutes, case = scoped[0]
        said = sentence(reader.gettext("%(case)s: %(time)s"), case=case_name(vendor, case, reader), time=fmt.duration(minutes, reader.lang))
        text = html_format("{}<br>{}", text, said)
    return text


def vendor_card(vendor: Vendor, reader: Reader) -> VendorCard:
    """A vendor's card on a language's home page."""
    return VendorCard(
        vendor.id,
        vendor.name,
        tuple(reader.label(p.name) for p in vendor.plans),
        price_range(vendor, reader),
        fastest_response(vendor, reader),
    )


def vendor_cards(project: Project, lang: str, words: Translations, warnings: Warnings) -> tuple[VendorCard, ...]:
    """The cards of every vendor, in the project's order."""
    return tuple(vendor_card(v, Reader(lang, words, v, warnings)) for v in project.vendors)



# Issue 9: a count per period in words, with the language's plural forms ("once a quarter", "raz na
# kwartał", "4 gånger per år"), not CLDR's unit pattern ("1/kvartal", "4 na rok"). One branch per
# period of the vocabulary, each a literal ngettext call so that pybabel extracts it.


def how_often(count: int, period: str | None, reader: Reader) -> str:
    """How many times per period: "once a quarter", "4 times a year"; a bare count without a period."""
    num = fmt.number(count, reader.lang)
    ngettext = reader.ngettext
    if period == "day":
        text = ngettext("once a day", "%(num)s times a day", count)
    elif period == "week":
        text = ngettext("once a week", "%(num)s times a week", count)
    elif period == "month":
        text = ngettext("once a month", "%(num)s times a month", count)
    elif period == "quarter":
        text = ngettext("once a quarter", "%(num)s times a quarter", count)
    elif period == "year":
        text = ngettext("once a year", "%(num)s times a year", count)
    else:
        return num
    return text % {"num": num}


# Issue 9: a time zone as people name it ("svensk tid", "czasu szwedzkiego", "ora svedese", "Swedish
# time"), not CLDR's location format ("USA (New York)tid"). The zones the plans use, and a few where
# business is often done, have the site's own words; any other zone gets CLDR's generic name
# ("centraleuropeisk tid", "Eastern Time") in brackets, or, where CLDR has none that reads as a name,
# the local time of its place ("lokal tid i Kolkata", "czas lokalny w mieście Kalkuta").


@_per_catalog
def zone_names(reader: Reader) -> dict[str, str]:
    """The site's words for the time of the zones it names itself, as they follow the hours (Polish: genitive)."""
    _ = reader.gettext
    return {
        "Europe/Stockholm": _("Swedish time"),
        "Europe/Rome": _("Italian time"),
        "Europe/Warsaw": _("Polish time"),
        "Europe/London": _("UK time"),
        "Europe/Berlin": _("German time"),
        "Europe/Helsinki": _("Finnish time"),
        # CLDR's names for these are a region's ("Western European Time", "ora dell’Europa occidentale"), which no
        # one says of the time in Lisbon; Paris, Madrid and Amsterdam share "Central European Time" with Stockholm.
        "Europe/Lisbon": _("Portuguese time"),
        "Europe/Madrid": _("Spanish time"),
        "Europe/Paris": _("French time"),
        "Europe/Amsterdam": _("Dutch time"),
        # "Central European Time" too, and Stockholm's, Rome's and Berlin's: a Swiss or an Austrian customer names the
        # time by the country, as the site does Sweden's, not by a region CLDR shares with eighteen countries.
        "Europe/Zurich": _("Swiss time"),
        "Europe/Vienna": _("Austrian time"),
        "Europe/Oslo": _("Norwegian time"),
        "Europe/Copenhagen": _("Danish time"),
        "Europe/Brussels": _("Belgian time"),
        "Europe/Prague": _("Czech time"),
        "Europe/Tallinn": _("Estonian time"),  # "Eastern European Time", as Helsinki's is
        "America/New_York": _("New York time"),
        "America/Chicago": _("Chicago time"),
        "Asia/Kolkata": _("India time"),
        "Asia/Calcutta": _("India time"),
        "Asia/Dubai": _("Dubai time"),
        "Asia/Singapore": _("Singapore time"),
    }


def zoned_hours(hours: str, zone: str, reader: Reader) -> str:
    """Hours with the time they are in: "mån–fre 08:00–17:00 svensk tid", "… (czas lokalny w mieście Tokio)"."""
    _ = reader.gettext
    names = zone_names(reader)
    if zone in names:
        return _("%(hours)s %(zone)s") % {"hours": hours, "zone": names[zone]}
    name = fmt.zone_name(zone, reader.lang)
    if name is None and zone.partition("/")[0] in ("Atlantic", "Indian", "Pacific"):
        # An ocean's zones are mostly islands, which no language says as a city: "w mieście Azory", "ora locale di
        # Maldive", "in Galápagos Islands" (Polish, Italian and English each want their own preposition or article).
        return _("%(hours)s (local time, %(place)s)") % {"hours": hours, "place": fmt.zone_city(zone, reader.lang)}
    if name is None:
        return _("%(hours)s (local time in %(place)s)") % {"hours": hours, "place": fmt.zone_city(zone, reader.lang)}
    return _("%(hours)s (%(zone)s)") % {"hours": hours, "zone": name}


# --- availability (uptime), service credits and maintenance windows -----------------------------------


@dataclass(frozen=True)
class AvailabilityCell:
    """One tier's fact: its words (lines joined by <br>), and a line in small type under them."""

    text: Markup
    small: str = ""
    stated: bool = True


@dataclass(frozen=True)
class AvailabilityRow:
    """One fact of availability across the tiers: the promise, the downtime it allows, the credits, the maintenance."""

    label: str
    cells: tuple[AvailabilityCell, ...]


def allowed_downtime(plan: Plan, vendor: Vendor | None = None) -> tuple[int, int] | None:
    """The downtime the plan's availability allows per period, in whole seconds, and the period's days; None if none.

    The period is counted as AVAILABILITY_PERIOD_DAYS says (a month as 30 days), the share exactly, and
    the seconds rounded to the nearest: 99.9 % per month allows 0.1 % of 2,592,000 s, 2,592 s. An availability
    measured in a calendar's open hours (`availability 99.5% per month on service-hours`) is a share of those hours
    only: of the calendar's weekly open time times the period's weeks (holidays and dated hours left out, as the
    page's "≈" says), so 99.5 % of 50 hours a week over 30 days allows 0.5 % of 214 h 17 min.
    """
    found = plan.availability
    if found is None or found.period not in AVAILABILITY_PERIOD_DAYS:
        return None
    days = AVAILABILITY_PERIOD_DAYS[found.period]
    measured = measured_seconds(plan, vendor)
    if measured is None:
        return None
    seconds = (100 - found.percent) * measured / 100
    return int(seconds.to_integral_value()), days


def measured_seconds(plan: Plan, vendor: Vendor | None) -> Decimal | None:
    """The seconds of one period the plan's availability is measured over: all of it, or its calendar's open hours.

    None when the plan promises no availability over a known period, or its calendar is unknown or never open
    in an ordinary week (nothing to measure a share of).
    """
    found = plan.availability
    if found is None or found.period not in AVAILABILITY_PERIOD_DAYS:
        return None
    days = AVAILABILITY_PERIOD_DAYS[found.period]
    if found.calendar is None:
        return Decimal(days * 86_400)
    calendar = _calendar(vendor, found.calendar) if vendor is not None else None
    if calendar is None:
        return None
    if calendar.always_open:
        return Decimal(days * 86_400)
    weekly = sum(interval.length() for interval in calendar.weekly)
    if weekly <= 0:
        return None
    return Decimal(weekly * 60 * days) / 7


def availability_text(plan: Plan, reader: Reader) -> str:
    """The promised availability per its period: "99,9 % per månad"; "" when the plan promises none.

    One measured in a calendar's open hours says so: "99,5 % per månad, inom servicetiden" (the hours themselves are
    said in the vendor page's table, `availability_hours_text`).
    """
    found = plan.availability
    if found is None:
        return ""
    said = per_period(fmt.exact_percent(found.percent, reader.lang), found.period, reader)
    if found.calendar is None:
        return said
    return reader.gettext("%(availability)s, within service hours") % {"availability": said}


def availability_hours_text(plan: Plan, vendor: Vendor, reader: Reader) -> str:
    """"Service hours: Mon–Fri 08:00–18:00 UK time, …" for an availability measured in a calendar's open hours; else ""."""
    found = plan.availability
    if found is None or found.calendar is None:
        return ""
    hours = clock_text(vendor, found.calendar, reader)
    return reader.gettext("Service hours: %(hours)s") % {"hours": hours} if hours else ""


def downtime_text(plan: Plan, reader: Reader) -> str:
    """"≈ 43 minutes per month": the downtime the availability allows per period; "" when the plan promises none."""
    found = allowed_downtime(plan, reader.vendor)
    if found is None or plan.availability is None:
        return ""
    seconds, _days = found
    said = fmt.short_downtime(seconds, reader.lang)
    # "≈" only where the minutes are rounded: 216 minutes exactly need none; always within service hours, whose
    # holidays the count leaves out.
    exact = seconds < 60 or seconds % 60 == 0
    said = said if exact and plan.availability.calendar is None else "≈ " + said
    return per_period(said, plan.availability.period, reader)


def downtime_cell(plan: Plan, reader: Reader) -> AvailabilityCell:
    """The allowed downtime, with the days the period is counted as under it ("for a period of 30 days")."""
    found = allowed_downtime(plan, reader.vendor)
    if found is None or plan.availability is None:
        return AvailabilityCell(Markup(escape(reader.gettext("Not stated"))), stated=False)
    days = found[1]
    if plan.availability.calendar is not None:
        measured = measured_seconds(plan, reader.vendor) or Decimal(0)
        small = reader.ngettext(
            "for the service hours of a period of %(num)d day (≈ %(hours)s)",
            "for the service hours of a period of %(num)d days (≈ %(hours)s)", days,
        ) % {"num": days, "hours": fmt.duration(int((measured / 3600).to_integral_value()) * 60, reader.lang)}
    else:
        small = reader.ngettext("for a period of %(num)d day", "for a period of %(num)d days", days) % {"num": days}
    return AvailabilityCell(Markup(escape(downtime_text(plan, reader))), small)


def credit_lines(plan: Plan, reader: Reader) -> list[str]:
    """Each credit, largest threshold first: "10 % under 99,9 %"; "No service credits" for `credit none`."""
    if plan.no_credits:
        return [reader.gettext("No service credits")]
    # A share of the subscription price or of the usage charges says so in each line; the plan's own fee is what the
    # row's heading says ("share of the period's fee").
    words = {
        None: reader.gettext("%(credit)s below %(availability)s"),
        "subscription": reader.gettext("%(credit)s of the subscription price below %(availability)s"),
        "usage": reader.gettext("%(credit)s of the usage charges below %(availability)s"),
    }
    return [
        words.get(c.basis, words[None])
        % {"credit": fmt.exact_percent(c.percent, reader.lang), "availability": fmt.exact_percent(c.below, reader.lang)}
        for c in sorted(plan.credits, key=lambda c: c.below, reverse=True)
    ]


def maintenance_text(plan: Plan, vendor: Vendor, reader: Reader) -> str:
    """When scheduled maintenance is done and how far ahead it is announced; "" when the plan does not say."""
    _ = reader.gettext
    found = plan.maintenance
    if found is None:
        return ""
    window = clock_text(vendor, found.calendar, reader) if found.calendar is not None else _("at any time")
    if found.notice_minutes is None:
        return window
    return _("%(window)s; announced at least %(duration)s ahead") % {"window": window, "duration": notice_text(found.notice_minutes, reader)}


def notice_text(minutes: int, reader: Reader) -> str:
    """A maintenance notice as vendors say it: whole days beyond 48 hours ("5 days"), else hours ("48 hours")."""
    # A notice counts real time, so 120 hours is exactly 5 days; "120 hours ahead" is no one's wording.
    # Up to 48 hours vendors say hours ("48 hours' notice"), so those stay as written.
    days, rest = divmod(minutes, 24 * 60)
    if rest or minutes <= 48 * 60:
        return fmt.duration(minutes, reader.lang)
    return reader.ngettext("%(num)s day", "%(num)s days", days) % {"num": fmt.number(days, reader.lang)}


def availability_rows(vendor: Vendor, reader: Reader) -> tuple[AvailabilityRow, ...]:
    """The availability table of a vendor page: a row per fact some tier states, () when no tier states any."""
    _ = reader.gettext
    plans = vendor.plans
    if not any(p.availability is not None or p.maintenance is not None for p in plans):
        return ()
    unstated = AvailabilityCell(Markup(escape(_("Not stated"))), stated=False)

    def cell(lines: list[str]) -> AvailabilityCell:
        return AvailabilityCell(Markup("<br>").join(escape(line) for line in lines)) if lines else unstated

    rows = []
    if any(p.availability is not None for p in plans):
        rows.append(
            AvailabilityRow(
                _("Promised availability"),
                tuple(cell([t for t in (availability_text(p, reader), availability_hours_text(p, vendor, reader)) if t]) for p in plans),
            )
        )
        rows.append(AvailabilityRow(_("Allowed downtime"), tuple(downtime_cell(p, reader) for p in plans)))
    if any(p.credits or p.no_credits for p in plans):
        rows.append(AvailabilityRow(_("Service credit (share of the period's fee)"), tuple(cell(credit_lines(p, reader)) for p in plans)))
    if any(p.maintenance is not None for p in plans):
        rows.append(
            AvailabilityRow(
                _("Scheduled maintenance (not counted as downtime)"),
                tuple(cell([t] if (t := maintenance_text(p, vendor, reader)) else []) for p in plans),
            )
        )
    return tuple(rows)


# --- penalties for missed targets -------------------------------------------------------------------


def penalty_amount_text(amount: PenaltyAmount, reader: Reader, running: bool = False) -> str:
    """A penalty's amount: "0,5 % av månadsavgiften", "500 kr"; `running`: inside a sentence, where Italian puts an
    article before a share ("al massimo il 5% del canone mensile", "poi l’1% …"), not at the head of a cell."""
    if not amount.is_share:
        return fmt.money(amount.value, amount.currency or "", reader.lang)
    # A share written per mille is said per mille, as the contract says it ("0,5 ‰ av årsavgiften"); the rules say the percentage.
    share = fmt.exact_per_mille(amount.written, reader.lang) if amount.per_mille else fmt.exact_percent(amount.value, reader.lang)
    if running and reader.lang == "it":
        share = fmt.italian_article(amount.written) + share
    if amount.of_contract:
        return reader.gettext("%(amount)s of the contract value") % {"amount": share}
    words = {
        "month": reader.gettext("%(amount)s of the monthly fee"),
        "quarter": reader.gettext("%(amount)s of the quarterly fee"),
        "year": reader.gettext("%(amount)s of the annual fee"),
    }
    return words.get(amount.fee_period or "month", words["month"]) % {"amount": share}


def penalty_text(penalty: Penalty, reader: Reader) -> str:
    """A penalty as a contract says it: "0,1 % wynagrodzenia miesięcznego za każdą rozpoczętą godzinę zwłoki, …"."""
    _ = reader.gettext
    units = {
        "started hour": _("%(amount)s per started hour of delay"),
        "hour": _("%(amount)s per full hour of delay"),
        "started business hour": _("%(amount)s per started business hour of delay"),
        "business hour": _("%(amount)s per full business hour of delay"),
        "started day": _("%(amount)s per started day of delay"),
        "day": _("%(amount)s per full day of delay"),
        "started business day": _("%(amount)s per started business day of delay"),
        "business day": _("%(amount)s per full business day of delay"),
        "occurrence": _("%(amount)s per missed target"),
    }
    if penalty.obligation is not None:  # `penalty obligation report …` (lang17): a late delivery, not a missed target
        units["occurrence"] = _("%(amount)s per late delivery")
    said = units.get(penalty.per, units["occurrence"]) % {"amount": penalty_amount_text(penalty.amount, reader)}
    for step in penalty.steps:
        said = _("%(penalty)s, then %(step)s") % {"penalty": said, "step": penalty_step_text(penalty, step, reader)}
    if penalty.cap is None:
        return said
    caps = {
        "month": _("at most %(cap)s per month"),
        "quarter": _("at most %(cap)s per quarter"),
        "year": _("at most %(cap)s per year"),
        "contract": _("at most %(cap)s over the whole contract"),
        "occurrence": _("at most %(cap)s per missed target"),
    }
    if penalty.obligation is not None:
        caps["occurrence"] = _("at most %(cap)s per late delivery")
    cap = caps.get(penalty.cap_per or "month", caps["month"]) % {"cap": penalty_amount_text(penalty.cap, reader, running=True)}
    return _("%(penalty)s, %(cap)s") % {"penalty": said, "cap": cap}


def penalty_step_text(penalty: Penalty, step: PenaltyStep, reader: Reader) -> str:
    """A growing penalty's step: "1 000 kr per dygn efter de första 5 dygnen" (the penalty's own unit, `after` of them)."""
    amount, n = penalty_amount_text(step.amount, reader, running=True), step.after
    if step.whole:  # `… after 4 hours on the whole delay`: every unit of it, once the delay passes 4
        if penalty.business and penalty.unit == "day":
            said = reader.ngettext("%(amount)s per business day for the whole delay once it exceeds %(count)s business day",
                                   "%(amount)s per business day for the whole delay once it exceeds %(count)s business days", n)
        elif penalty.business:
            said = reader.ngettext("%(amount)s per business hour for the whole delay once it exceeds %(count)s business hour",
                                   "%(amount)s per business hour for the whole delay once it exceeds %(count)s business hours", n)
        elif penalty.unit == "hour":
            said = reader.ngettext("%(amount)s per hour for the whole delay once it exceeds %(count)s hour",
                                   "%(amount)s per hour for the whole delay once it exceeds %(count)s hours", n)
        else:
            said = reader.ngettext("%(amount)s per day for the whole delay once it exceeds %(count)s day",
                                   "%(amount)s per day for the whole delay once it exceeds %(count)s days", n)
        return said % {"amount": amount, "count": fmt.number(n, reader.lang)}
    if penalty.business and penalty.unit == "day":
        said = reader.ngettext("%(amount)s per business day after the first business day",
                               "%(amount)s per business day after the first %(count)s business days", n)
    elif penalty.business:
        said = reader.ngettext("%(amount)s per business hour after the first business hour",
                               "%(amount)s per business hour after the first %(count)s business hours", n)
    elif penalty.unit == "hour":
        said = reader.ngettext("%(amount)s per hour after the first hour", "%(amount)s per hour after the first %(count)s hours", n)
    else:
        said = reader.ngettext("%(amount)s per day after the first day", "%(amount)s per day after the first %(count)s days", n)
    return said % {"amount": amount, "count": fmt.number(n, reader.lang)}


def penalty_total_text(total: PenaltyCap, reader: Reader) -> str:
    """The cap of all a tier's penalties together: "Alla viten sammanlagt högst 20 % av månadsavgiften per månad"."""
    _ = reader.gettext
    words = {
        "month": _("All penalties together at most %(cap)s per month"),
        "quarter": _("All penalties together at most %(cap)s per quarter"),
        "year": _("All penalties together at most %(cap)s per year"),
        "contract": _("All penalties together at most %(cap)s over the whole contract"),
    }
    return words.get(total.per or "month", words["month"]) % {"cap": penalty_amount_text(total.amount, reader, running=True)}


def penalty_cells(vendor: Vendor, metric: str, reader: Reader) -> tuple[AvailabilityCell, ...]:
    """Per tier, its penalties for missing `metric`'s target; () when no tier states one for it.

    A tier's own priorities first, in the scheme's order, then `all`: "Other priorities" beside them, else no name.
    """
    if not any(p.metric == metric for plan in vendor.plans for p in plan.penalties):
        return ()
    order = {lv.id: i for i, lv in enumerate(vendor.priorities.levels)} if vendor.priorities else {}
    cells = []
    for plan in vendor.plans:
        mine = sorted((p for p in plan.penalties if p.metric == metric), key=lambda p: (p.priority is None, order.get(p.priority or "", 0)))
        if not mine:
            said = reader.gettext("No penalties") if plan.no_penalties else reader.gettext("Not stated")
            cells.append(AvailabilityCell(Markup(escape(said)), stated=plan.no_penalties))
            continue
        lines = []
        for penalty in mine:
            text = penalty_text(penalty, reader)
            if len(mine) == 1 and penalty.priority is None:
                lines.append(Markup(escape(text)))
                continue
            who = _level_name(vendor, penalty.priority, reader) if penalty.priority else Markup(escape(reader.gettext("Other priorities")))
            lines.append(sentence(reader.gettext("%(priority)s: %(penalty)s"), priority=who, penalty=text))
        said = Markup("<br>").join(lines)
        if plan.penalty_total is not None:
            # Set apart, in the small type of a note: run on after the penalties, it read as one more of them on a phone.
            said += html_format('<small class="total">{}</small>', penalty_total_text(plan.penalty_total, reader))
        cells.append(AvailabilityCell(said))
    return tuple(cells)


# --- contract terms -------------------------------------------------------------------


def contract_length_text(length: ContractLength, reader: Reader) -> str:
    """A length in a contract in the page's language: "12 månader", "90 giorni", "3 miesiące"."""
    period = length.period or "month"  # a plan with an unknown unit is never published (T0401)
    if period == "day":
        # CLDR's Swedish day is "dygn" (24 hours); contracts count calendar days: "uppsägningstid 30 dagar".
        return reader.ngettext("%(num)s day", "%(num)s days", length.count) % {"num": fmt.number(length.count, reader.lang)}
    return fmt.length_of_time(length.count, period, reader.lang)


def contract_lines(terms: ContractTerms | None, reader: Reader) -> tuple[str, ...]:
    """A tier's contract terms, one line each: minimum term, automatic renewal, notice; () when the plan states none."""
    if terms is None:
        return ()
    _ = reader.gettext
    lines = []
    if terms.minimum is None:
        lines.append(_("No minimum term"))
    elif terms.open_ended:
        # One line, so that the comparison's cell, which shows the first, says the contract runs on after the term.
        lines.append(_("Minimum term: %(length)s, then until further notice") % {"length": contract_length_text(terms.minimum, reader)})
    else:
        lines.append(_("Minimum term: %(length)s") % {"length": contract_length_text(terms.minimum, reader)})
    if terms.renewal is not None:
        lines.append(_("Renews automatically for %(length)s at a time") % {"length": contract_length_text(terms.renewal, reader)})
    if terms.notice is not None:
        lines.append(_("Notice period: %(length)s") % {"length": contract_length_text(terms.notice, reader)})
    elif terms.no_notice:
        lines.append(_("No notice period"))
    return tuple(lines)


# `language en only` and every untranslated text: a vendor's text inside a sentence of the site's words keeps
# its own `lang` (reader.label), so the sentence is put together as HTML, never as a string escaped later.


def html_format(template: str, *values: object) -> Markup:
    """`Markup(template).format(*values)` for a template of plain `{}` fields and values that are texts, Markup or
    numbers: each value escaped, Markup kept as it is.

    The same text: Markup's formatter escapes each field with markupsafe's `escape` too, but through `string.Formatter`
    in Python, a twentieth of a serial build for the 30,000 it formats there.
    """
    return Markup(template.format(*map(escape, values)))


def sentence(words: str, **values: Markup | str) -> Markup:
    """The site's `words` ("%(priority)s: %(hours)s") with `values` put in: plain strings escaped, Markup kept."""
    # What `Markup % values` gives for texts, without its per-value helper objects (a fiftieth of a serial build).
    return Markup(str.__mod__(escape(words), {name: escape(value) for name, value in values.items()}))


def markup_listing(items: list[Markup], lang: str, style: fmt.ListStyle = "standard") -> Markup:
    """Items joined the locale's way ("a, b och c"), each kept as the HTML it is."""
    # CLDR's list patterns take strings; stand-ins that no pattern contains keep each item's HTML intact.
    stand_ins = [f"\x00{n}\x00" for n in range(len(items))]
    joined = Markup(escape(fmt.listing(stand_ins, lang, style)))
    for stand_in, item in zip(stand_ins, items, strict=True):
        joined = Markup(joined.replace(stand_in, escape(item)))
    return joined


def list_items(words: list[str]) -> list[str]:
    """The site's own words ("Phone", "E-mail") as the items of a list in a sentence: all but the first start lower case.

    "Supportportal, e-post och telefon", not "Supportportal, E-post och Telefon": each is a name on its own
    (a filter's option), but common nouns inside a list, in all four languages.
    """
    return [words[0], *(_lower_first(w) for w in words[1:])] if words else []


# --- how vendors really write prices ---------------------------------------------------
# "US$35 per user per month excl. tax, minimum 10 users, billed yearly"; "10 % of usage charges per month,
# at least €500 per month". The terms follow the price and its tax note, each after a comma.


def minimum_words(unit: str | None, count: int, reader: Reader) -> str:
    """A minimum quantity in the page language and its plural form for `count`: "minst 10 användare"."""
    n = {"num": fmt.number(count, reader.lang)}
    ngettext = reader.ngettext
    found = {
        "user": ngettext("minimum %(num)s user", "minimum %(num)s users", count),
        "seat": ngettext("minimum %(num)s seat", "minimum %(num)s seats", count),
        "device": ngettext("minimum %(num)s device", "minimum %(num)s devices", count),
        "server": ngettext("minimum %(num)s server", "minimum %(num)s servers", count),
        "node": ngettext("minimum %(num)s node", "minimum %(num)s nodes", count),
        "workstation": ngettext("minimum %(num)s workstation", "minimum %(num)s workstations", count),
        "site": ngettext("minimum %(num)s site", "minimum %(num)s sites", count),
        "connection": ngettext("minimum %(num)s connection", "minimum %(num)s connections", count),
        "hour": ngettext("minimum %(num)s hour", "minimum %(num)s hours", count),
        "day": ngettext("minimum %(num)s day", "minimum %(num)s days", count),
        "visit": ngettext("minimum %(num)s visit", "minimum %(num)s visits", count),
        "incident": ngettext("minimum %(num)s incident", "minimum %(num)s incidents", count),
        "intervention": ngettext("minimum %(num)s intervention", "minimum %(num)s interventions", count),
    }
    # The checks let a minimum count only the price's own unit, so a price with a minimum has a unit.
    return found[unit] % n if unit in found else n["num"]


def billing_words(period: str, reader: Reader) -> str:
    """How often a price is invoiced, in the page language: "faktureras årsvis"."""
    _ = reader.gettext
    return {"month": _("billed monthly"), "quarter": _("billed quarterly"), "year": _("billed yearly")}[period]


def with_terms(text: str, unit: str | None, minimum: int | None, billed: str | None, reader: Reader) -> str:
    """A price followed by its minimum quantity and billing interval, when the plan states them."""
    if minimum is not None:
        text = reader.gettext("%(price)s, %(terms)s") % {"price": text, "terms": minimum_words(unit, minimum, reader)}
    if billed is not None:
        text = reader.gettext("%(price)s, %(terms)s") % {"price": text, "terms": billing_words(billed, reader)}
    return text


def with_floor(text: str, floor: Price | None, reader: Reader) -> str:
    """A percentage, or a price per a unit, followed by the least it costs: "10 % of usage charges per month, at least €500 per month"."""
    if floor is None:
        return text
    return reader.gettext("%(price)s, at least %(minimum)s") % {"price": text, "minimum": price_text(floor, reader)}
