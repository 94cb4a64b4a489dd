"""Semantic checks: every judgment of what the parser built and the loader resolved.

The parser builds, the loader resolves, the checks judge. Each check is a small
function for one kind of element (a text, a calendar, a matrix, a contact, a
plan ...) that yields located diagnostics; `check_project` walks the
declarations of every file and each vendor resolved from them and runs the
checks, each element once, where it is defined. A new rule is a new function
called from the walk.

Elements are judged as written (`FileDecl`, `VendorDecl`: every definition,
duplicates included, plans before `extends` is merged) and references against
the resolved vendor (merged plans, the scheme it uses) and the names in scope.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple, Protocol, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from babel.core import get_global

from dsl.language import addresses, datasets
from dsl.language.cache import kept_for_user, key_of
from dsl.language.diagnostics import MISSING_TRANSLATION, Diagnostic, did_you_mean, error, one_of, warning
from dsl.language.model import (
    Calendar,
    Cell,
    Contact,
    ContractLength,
    ContractTerms,
    Coverage,
    Credit,
    DailyHours,
    Dropped,
    Feature,
    HolidaySource,
    Horizon,
    MetricText,
    MonthlyDays,
    Obligation,
    Penalty,
    PenaltyAmount,
    PenaltyStep,
    Plan,
    Pos,
    Price,
    PriorityMatrix,
    PriorityScheme,
    Quantity,
    Source,
    Target,
    Text,
    Vendor,
)
from dsl.language.parser import FileDecl, VendorDecl
from dsl.language.settings import DEFAULT_SETTINGS, Settings
from dsl.language.syntax_errors import MONEY_MINIMUM
from dsl.language.vocabulary import (
    BILLING,
    CONTACT_KINDS,
    CREDIT_BASES,
    FEES,
    INCLUDED_IN,
    METRICS,
    MINUTES_PER_DAY,
    OPEN_ENDED,
    PACK_UNITS,
    PENALTY_CAP_PERIODS,
    PENALTY_CONTRACT_VALUE,
    PENALTY_FEES,
    PENALTY_TOTAL_PERIODS,
    PENALTY_UNIT_NOUNS,
    PENALTY_UNITS,
    PERIOD_WORDS,
    PERIODS,
    PRICE_BASES,
    PRICE_UNIT_PLURALS,
    PRICE_UNIT_WORDS,
    PRICE_UNITS,
    PRICE_UNITS_LACKING,
    RESERVED_IDS,
    WEEKDAYS,
)


class _Defined(Protocol):
    """Anything defined at a position (for the duplicate check)."""

    @property
    def pos(self) -> Pos: ...


class _WithId(_Defined, Protocol):
    """A definition with an id."""

    @property
    def id(self) -> str: ...


_D = TypeVar("_D", bound=_Defined)


def check_project(
    files: Sequence[FileDecl],
    vendors: Iterable[tuple[VendorDecl, Vendor]],
    context: Sequence[FileDecl] = (),
    settings: Settings = DEFAULT_SETTINGS,
) -> list[Diagnostic]:
    """Every semantic problem in the declared files and the vendors resolved from them, each reported once.

    `context` holds the shared definitions of the project's other files: in scope, but not judged here.
    """
    found: list[Diagnostic] = []
    found += check_definitions(files)
    found += check_horizons(files)
    vendors = list(vendors)  # walked twice: for the horizon's holidays, then vendor by vendor
    horizon = project_horizon(files, context)
    for file in files:
        # T0813 file by file, as check_file judges it (and the build cache keeps it), so the order is the same.
        mine = {id(decl) for decl in file.vendors}
        found += check_holidays_within(horizon, _calendars_of([file], [(d, v) for d, v in vendors if id(d) in mine]))
        found += check_yearly_hours_on_closed_days(horizon, _calendars_of([file], [(d, v) for d, v in vendors if id(d) in mine]))
        found += check_eve_holidays(horizon, _calendars_of([file], [(d, v) for d, v in vendors if id(d) in mine]))
        found += _check_definitions_of(file, settings)
    shared_calendars = {c.id for f in (*files, *context) for c in f.calendars}
    shared_schemes = {s.id for f in (*files, *context) for s in f.schemes}
    elsewhere = vendor_file_definitions((*files, *context))
    for decl, vendor in vendors:
        found += check_vendor(decl, vendor, shared_calendars, shared_schemes, settings)
        found += check_borrowed_definitions(decl, vendor, elsewhere)
    # An inherited target or a shared calendar's name is one element seen from several places: one report.
    return list(dict.fromkeys(found))


def check_file(
    file: FileDecl,
    vendors: Iterable[tuple[VendorDecl, Vendor]],
    shared_calendars: set[str],
    shared_schemes: set[str],
    settings: Settings = DEFAULT_SETTINGS,
    horizon: Horizon | None = None,
    elsewhere: VendorFileDefinitions | None = None,
) -> list[Diagnostic]:
    """What `check_project` finds about one file, less the duplicate ids across files (for the build cache).

    `vendors` are the file's own vendors as resolved; the shared sets are the ids of every file's
    top-level calendars and schemes; `horizon` is the project's (`project_horizon`); `elsewhere` the
    top-level definitions of the files that hold a vendor (`vendor_file_definitions`). The same
    judgments as `check_project`, one file at a time: the build cache's key of its findings must
    hold all of these.
    """
    vendors = list(vendors)
    found = list(check_holidays_within(horizon, _calendars_of([file], vendors)))
    found += check_yearly_hours_on_closed_days(horizon, _calendars_of([file], vendors))
    found += check_eve_holidays(horizon, _calendars_of([file], vendors))
    found += _check_definitions_of(file, settings)
    for decl, vendor in vendors:
        found += check_vendor(decl, vendor, shared_calendars, shared_schemes, settings)
        if elsewhere is not None:
            found += check_borrowed_definitions(decl, vendor, elsewhere)
    return found


class VendorFileDefinitions(NamedTuple):
    """The calendars and priority schemes defined at the top of a file that holds a vendor: each id with that file and
    its vendor (`vendor_file_definitions`)."""

    calendars: dict[str, tuple[str, str]]
    schemes: dict[str, tuple[str, str]]


def vendors_of_file(file: FileDecl) -> tuple[str, ...]:
    """The ids of the vendors a file holds, also of a file read for its shared definitions only."""
    return tuple(v.id for v in file.vendors) or file.vendor_ids


def vendor_file_definitions(files: Iterable[FileDecl]) -> VendorFileDefinitions:
    """Every top-level calendar and scheme of a file that holds a vendor, by id: (the file's path, its vendor's id).

    A file without a vendor (plans/shared.plan) shares its definitions by intent and is left out."""
    calendars: dict[str, tuple[str, str]] = {}
    schemes: dict[str, tuple[str, str]] = {}
    for file in files:
        owners = vendors_of_file(file)
        if not owners:
            continue
        for calendar in file.calendars:
            calendars.setdefault(calendar.id, (file.path, owners[0]))
        for scheme in file.schemes:
            schemes.setdefault(scheme.id, (file.path, owners[0]))
    return VendorFileDefinitions(calendars, schemes)


def _calendars_named(decl: VendorDecl, vendor: Vendor) -> Iterator[tuple[str, Pos]]:
    """Every calendar a vendor names, with where: its contacts' and its merged plans' (a plan's inherited references at the
    parent's place)."""
    for contact in decl.contacts:
        yield from contact_calendars(contact)
    for plan in vendor.plans:
        yield from plan_calendars(plan)


def check_borrowed_definitions(decl: VendorDecl, vendor: Vendor, elsewhere: VendorFileDefinitions) -> Iterator[Diagnostic]:
    """A calendar or priority scheme the vendor names from the top of another vendor's file (T0323), once per id.

    It works inside the project, but the file no longer checks when it is copied alone or that file is removed: the
    definition belongs to the other vendor's offer. Definitions of the vendor's own file, and of files without a
    vendor (plans/shared.plan), are the vendor's to use."""
    own = {c.id for c in decl.calendars}
    told: set[str] = set()
    for ref, pos in _calendars_named(decl, vendor):
        where = elsewhere.calendars.get(ref)
        if where is None or ref in own or ref in told or _same_file(where[0], decl.pos.file):
            continue
        told.add(ref)
        yield _borrowed("calendar", ref, pos, where, decl)
    scheme = decl.priorities
    if scheme is not None and scheme.name not in {s.id for s in decl.schemes}:
        where = elsewhere.schemes.get(scheme.name)
        if where is not None and not _same_file(where[0], decl.pos.file):
            yield _borrowed("priority scheme", scheme.name, scheme.pos, where, decl)


def _same_file(a: str, b: str) -> bool:
    return a == b or os.path.abspath(a) == os.path.abspath(b)


def _borrowed(what: str, ref: str, pos: Pos, where: tuple[str, str], decl: VendorDecl) -> Diagnostic:
    path, owner = where
    # The other file as seen from this one (`acme.plan` beside it), whichever folder the command was run in.
    shown = os.path.relpath(os.path.abspath(path), os.path.dirname(os.path.abspath(decl.pos.file))) if decl.pos.file else path
    vendor = decl.id
    return warning(
        f"{what} '{ref}' is defined in {shown}, the file of vendor '{owner}'",
        pos,
        f"copy it into vendor '{vendor}' (it may keep its id there) or into a file without a vendor, such as plans/shared.plan",
        code="T0323",
    )


def _check_definitions_of(file: FileDecl, settings: Settings) -> list[Diagnostic]:
    """A file's texts, top-level calendars and priority schemes: what is judged before its vendors."""
    found: list[Diagnostic] = []
    for text in file.texts:
        found += check_text(text, settings)
    for calendar in file.calendars:
        found += check_calendar(calendar)
    for scheme in file.schemes:
        found += check_scheme(scheme)
    return found


# --- definitions ---------------------------------------------------------------------------


def _duplicates(
    items: Iterable[_D], what: str, key: Callable[[_D], str], fix: str = "give one another id"
) -> Iterator[Diagnostic]:
    seen: dict[str, Pos] = {}
    for item in items:
        k = key(item)
        if k in seen:
            first = seen[k]
            yield error(f"{what} '{k}' is defined twice", item.pos, f"the first is at {first.file}:{first.line}; {fix}", code="T0301")
        else:
            seen[k] = item.pos


def _id(item: _WithId) -> str:
    return item.id


def check_definitions(files: Sequence[FileDecl]) -> Iterator[Diagnostic]:
    """Shared calendars, shared schemes and vendors have unique ids; a file holds one vendor."""
    yield from _duplicates((c for f in files for c in f.calendars), "calendar", _id)
    yield from _duplicates((s for f in files for s in f.schemes), "priority scheme", _id)
    yield from _duplicates((v for f in files for v in f.vendors), "vendor", _id)
    for file in files:
        if len(file.vendors) > 1:
            second = file.vendors[1]
            yield error("a file holds one vendor; this is a second one", second.pos, f"move vendor '{second.id}' to a file of its own", code="T0302")


def check_vendor_id_reserved(decl: VendorDecl, settings: Settings = DEFAULT_SETTINGS) -> Iterator[Diagnostic]:
    """A vendor id must not be one of the site's own paths (vocabulary.RESERVED_IDS, and the languages the settings publish)."""
    reserved = tuple(dict.fromkeys((*RESERVED_IDS, *settings.languages)))
    if decl.id.lower() in reserved:
        yield error(
            f"'{decl.id}' cannot be a vendor id: the published site uses that name itself",
            decl.pos,
            f"choose another id, such as '{decl.id}-support'; reserved: {', '.join(reserved)}",
            code="T0321",
        )


def check_vendor_ids(decl: VendorDecl) -> Iterator[Diagnostic]:
    """What a vendor block defines has unique ids (footnotes unique marks, metric texts unique metrics)."""
    groups: tuple[tuple[Sequence[_WithId], str], ...] = (
        (decl.plans, "plan"),
        (decl.features, "feature"),
        (decl.categories, "category"),
        (decl.segments, "segment"),
        (decl.contacts, "contact"),
        (decl.contact_groups, "contact group"),
        (decl.calendars, "calendar"),
        (decl.schemes, "priority scheme"),
        (decl.cases, "kind of case"),
    )
    for items, what in groups:
        yield from _duplicates(items, what, _id)
    # Metrics and footnotes are named by fixed words and marks, not by ids an author may choose.
    yield from _duplicates(decl.metrics, "metric", lambda m: m.metric, "keep one of them")
    yield from _duplicates(decl.footnotes, "footnote", lambda f: f.mark, "give one another mark (*, **, ***, †, ‡)")


# --- fixed words and texts -------------------------------------------------------------------


def check_word(what: str, word: str | None, words: tuple[str, ...], pos: Pos) -> Iterator[Diagnostic]:
    """A fixed word (a period, a kind of contact) must be one of its vocabulary's."""
    if word is not None and word not in words:
        yield error(f"unknown {what} '{word}'", pos, one_of(word, words), code="T0401")


def _language_hint(code: str, settings: Settings) -> str:
    """A did-you-mean (or the site's languages) and where those languages are set."""
    return f"{one_of(code, settings.languages)} (the site's languages are set by {settings.where})"


def check_text(text: Text, settings: Settings = DEFAULT_SETTINGS) -> Iterator[Diagnostic]:
    """Each language code of a text is a language the site publishes (its settings say which), given once."""
    seen: dict[str, Pos] = {}
    for (code, _), pos in zip(text.values, text.code_pos, strict=False):
        if code not in settings.languages:
            yield error(f"'{code}' is not one of the site's languages", pos, _language_hint(code, settings), code="T0402")
        if code in seen:
            yield error(f"the '{code}' text is given twice", pos, f"first given at line {seen[code].line}", code="T0403")
        else:
            seen[code] = pos


def vendor_texts(vendor: Vendor) -> Iterator[tuple[Text, str]]:
    """Every human-readable text of a vendor, with what it is."""
    if vendor.intro:
        yield vendor.intro, "the intro"
    for note in vendor.notes:
        yield note, "a note"
    for note in vendor.editorial_notes:
        yield note, "an editorial note"
    for source in vendor.sources:
        yield source.title, "the title of a source"
    for contact in vendor.contacts:
        if contact.label:
            yield contact.label, f"the label of contact '{contact.id}'"
    for group in vendor.contact_groups:
        yield group.label, f"contact group '{group.id}'"
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
            for maybe, what in ((level.name, "name"), (level.definition, "definition"), (level.example, "example")):
                if maybe:
                    yield maybe, f"the {what} of level '{level.id}'"
        if scheme.matrix:
            for axis in (*scheme.matrix.impacts, *scheme.matrix.urgencies):
                yield axis.label, f"'{axis.id}' in the matrix"
    for calendar in vendor.calendars:
        if calendar.name:
            yield calendar.name, f"the name of calendar '{calendar.id}'"
    for case in vendor.cases:
        yield case.name, f"case '{case.id}'"
    for plan in vendor.plans:
        yield plan.name, f"the name of plan '{plan.id}'"
        if plan.description:
            yield plan.description, f"the description of plan '{plan.id}'"
        for note in plan.notes:
            yield note, f"a note of plan '{plan.id}'"
        for note in plan.editorial_notes:
            yield note, f"an editorial note of plan '{plan.id}'"
        for who in plan.applies_to:
            yield who.who, f"'applies to {who.id}' of plan '{plan.id}'"
        for cell in plan.cells:
            if cell.text and cell.feature in plan.own_features:
                yield cell.text, f"plan '{plan.id}', feature '{cell.feature}'"
        for obligation in plan.obligations:
            yield obligation.text, f"obligation '{obligation.id}'"


def check_translations(vendor: Vendor, settings: Settings = DEFAULT_SETTINGS) -> Iterator[Diagnostic]:
    """Every text a vendor publishes should be written in every site language (a warning; an error with --strict).

    Not for a vendor whose offer is published in its language only (`language en only`): that is intended.
    """
    # `language en, sv only`: the texts should be in the other languages the offer is published in, and no more.
    languages = vendor.also_languages if vendor.language_only else settings.languages
    if not languages:
        return
    # An inherited obligation is the parent's text at the parent's position: the same report, given once.
    reported: set[Diagnostic] = set()
    for text, what in vendor_texts(vendor):
        missing = text.missing(languages)
        if missing:
            wanted = " ".join(f'{code} "..."' for code in missing)
            found = warning(f"{what} has no {', '.join(missing)} translation", text.pos, f"add {wanted} inside the braces", code=MISSING_TRANSLATION)
            if found not in reported:
                reported.add(found)
                yield found


# --- calendars -----------------------------------------------------------------------------


NOT_PLACES = {
    "localtime": "the zone of the computer the site is built on",
    "posixrules": "a file of the computer's zone data (the rules of POSIX TZ strings)",
    "Factory": "the tz data's name for \"local time unknown\"",
}
"""Files of the zone data that ZoneInfo loads but that name no place: the rules export leaves them out of its
`zones`, and the site's evaluator (a browser's Intl) knows none of them, nor the copies under posix/ and right/."""


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(z for z in available_timezones() if z not in NOT_PLACES)


def _not_a_place(zone: str) -> str | None:
    """The hint for a zone name ZoneInfo loads but no evaluator of the rules knows, or None for a place's zone."""
    if zone in NOT_PLACES:
        return f"'{zone}' is {NOT_PLACES[zone]}, not a place; name the place whose clock the calendar keeps, such as Europe/Stockholm"
    folder, _, bare = zone.partition("/")
    if folder in ("posix", "right") and bare:
        why = f"the names under {folder}/ are copies beside the zone data, which browsers and the rules' evaluators do not know"
        return f"did you mean '{bare}'? {why[0].upper()}{why[1:]}" if bare in _zones() else why
    return None


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def check_zone(calendar: Calendar) -> Iterator[Diagnostic]:
    """The zone must be an IANA time zone that zoneinfo knows."""
    if calendar.zone is None:
        return
    where = calendar.zone_pos if calendar.zone_pos.line else calendar.pos
    not_a_place = _not_a_place(calendar.zone)
    if not_a_place is not None:  # built and published, the site's own evaluator would refuse every question about it
        yield error(f"unknown time zone '{calendar.zone[:100]}'", where, not_a_place, code="T0501")
        return
    try:
        ZoneInfo(calendar.zone)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        # OSError: a folder of the zone database ('Europe', 'Etc' give IsADirectoryError) or a name
        # longer than a file name may be; the author gets the same diagnostic as for a misspelling.
        region = [z for z in sorted(_zones()) if z.startswith(calendar.zone + "/")][:3]
        if region:
            hint = f"'{calendar.zone}' is a region, not a zone; name a place in it, such as {', '.join(region)}"
        else:
            hint = did_you_mean(calendar.zone, _zones()) or "use an IANA zone such as Europe/Stockholm"
        yield error(f"unknown time zone '{calendar.zone[:100]}'", where, hint, code="T0501")
        return
    yield from check_fixed_offset_zone(calendar)


def check_holidays(calendar: Calendar) -> Iterator[Diagnostic]:
    """Holiday sources must name a country (and subdivision) the holidays package knows."""
    supported = datasets.holiday_countries()
    for source in calendar.holidays:
        if source.country not in supported:
            yield error(
                f"unknown country code '{source.country}' for public holidays", source.pos, did_you_mean(source.country, supported),
                code="T0502",
            )
        elif source.subdivision and source.subdivision not in (subdivisions := datasets.holiday_subdivisions(source.country)):
            yield error(
                f"'{source.subdivision}' is not a subdivision of {source.country}",
                source.pos,
                _subdivision_hint(source.country, source.subdivision, subdivisions),
                code="T0503",
            )
        else:
            yield from check_holiday_categories(source)
    if calendar.eve_hours and not calendar.holidays:
        yield error(
            "eve hours are given but the calendar has no holidays", calendar.pos, _eve_hint(calendar.zone),
            code="T0504",
        )



def _zone_country(zone: str | None) -> str | None:
    """The country a time zone is in, for a hint ("NO" for Europe/Oslo), from the zone data's zone.tab."""
    import zoneinfo

    for path in zoneinfo.TZPATH:
        try:
            with open(f"{path}/zone.tab", encoding="utf-8") as table:
                for line in table:
                    fields = line.rstrip("\n").split("\t")
                    if not line.startswith("#") and len(fields) > 2 and fields[2] == zone:
                        return fields[0]
        except OSError:
            continue
    return None


def _eve_hint(zone: str | None) -> str:
    country = _zone_country(zone)
    if country:
        return f"add 'closed holidays {country}' (or the code of the country whose holidays you mean)"
    return "add 'closed holidays' and a country's two-letter code, such as 'closed holidays SE'"


def check_holiday_categories(source: HolidaySource) -> Iterator[Diagnostic]:
    """Each category after `including` is one the holidays package has for the country, named once."""
    facts = datasets.holiday_facts(source.country)
    known = facts.categories if facts is not None else ()
    written = [name.replace("_", "-") for name in known if name != "public"]
    seen: set[str] = set()
    for name, pos in zip(source.categories[1:], source.categories_pos, strict=False):
        shown = name.replace("_", "-")
        if name == "public":
            yield error("public holidays are always included", pos, "remove 'public' from the list", code="T0517")
        elif name not in known:
            close = did_you_mean(shown, written)
            if close is not None and close.startswith("did you mean"):
                hint = close
            elif written:
                hint = f"{source.country} has: {_kinds_with_examples(source, known)}"
            else:
                hint = f"the holidays package has only public holidays for {source.country}"
            yield error(f"{source.country} has no holidays of the kind '{shown}'", pos, hint, code="T0517")
        elif name in seen:
            yield error(f"'{shown}' is named twice", pos, "name each kind of holiday once", code="T0517")
        seen.add(name)


def _kinds_with_examples(source: HolidaySource, known: Sequence[str]) -> str:
    """Each kind of holiday with a few of its days: a kind's name alone ('unofficial') does not say what it closes."""
    parts = []
    for name in known:
        if name == "public":
            continue
        examples = datasets.holiday_kind_examples(source.country, source.subdivision, name)
        shown = name.replace("_", "-")
        # Quoted: the package's names hold commas of their own ("Minna Canth Day, Day of Equality").
        listed = ", ".join(f'"{e}"' for e in examples[:3]) + (", ..." if len(examples) > 3 else "")
        parts.append(f"'{shown}' ({listed})" if examples else f"'{shown}'")
    return "; ".join(parts)


def _backwards(start: int, end: int, pos: Pos) -> Diagnostic:
    return error(
        f"the hours {_clock(start)}-{_clock(end)} end before they start",
        pos,
        "hours that run past midnight name both days: open fri 22:00 - sat 06:00",
        code="T0505",
    )


def check_hours_order(calendar: Calendar) -> Iterator[Diagnostic]:
    """Hours written within one day end after they start."""
    for interval in calendar.weekly:
        if interval.start_day == interval.end_day and interval.end <= interval.start:
            yield _backwards(interval.start, interval.end, interval.pos)
    own_days = (
        *(special.hours for special in calendar.dates), *(days.hours for days in calendar.yearly), *(days.hours for days in calendar.monthly),
    )
    own_days = (*own_days, *(source.hours for source in calendar.holidays))  # `hours holidays IT 09:00-13:00` (lang17)
    for hours in (*calendar.eve_hours, *(h for day_hours in own_days for h in day_hours)):
        if hours.end <= hours.start:
            yield _backwards(hours.start, hours.end, hours.pos)


def check_openings(calendar: Calendar) -> Iterator[Diagnostic]:
    """A calendar is either 24x7 or has weekly hours, and its intervals do not overlap."""
    if calendar.always_open:
        if calendar.weekly or calendar.holidays or calendar.eve_hours or calendar.dates or calendar.yearly or calendar.monthly:
            yield error(
                "a 24x7 calendar cannot also have hours, holidays or dates", calendar.pos, "remove 'open 24x7' or the other lines",
                code="T0506",
            )
        return
    spans = []
    for interval in calendar.weekly:
        if interval.start_day == interval.end_day and interval.end <= interval.start:
            continue  # reported by check_hours_order; as a week span it would wrap round the whole week
        for span in interval.week_spans():
            spans.append((span, interval))
    spans.sort(key=lambda s: s[0])
    for (a, ia), (b, ib) in zip(spans, spans[1:], strict=False):
        if b[0] < a[1]:
            day = WEEKDAYS[b[0] // MINUTES_PER_DAY]
            hint = f"they overlap the hours at line {ia.pos.line}; merge them into one interval"
            yield error(f"these opening hours overlap others on {day}", ib.pos, hint, code="T0507")
    yield from _check_daily(calendar.eve_hours, "eve hours")
    seen: dict[object, Pos] = {}
    for special in calendar.dates:
        if special.day in seen:
            yield error(f"the date {special.day} is given twice", special.pos, f"first given at line {seen[special.day].line}", code="T0508")
        seen[special.day] = special.pos
        if special.span is not None and special.day != special.span[0]:
            continue  # a span's days share the line's hours (`hours 2026-07-06 to 2026-08-02 …`): judged once, at its first
        first = f"{special.span[0]} to {special.span[1]}" if special.span is not None else f"{special.day}"
        yield from _check_daily(special.hours, f"the hours of {first}")
    for yearly in calendar.yearly:
        yield from _check_daily(yearly.hours, "the hours of these days")
    yield from check_monthly_days(calendar)
    yield from check_holiday_hours(calendar)


def check_holiday_hours(calendar: Calendar) -> Iterator[Diagnostic]:
    """`hours holidays IT 09:00-13:00` (lang17): hours that do not overlap, and one line per place (T0526)."""
    seen: dict[tuple[str, str | None], Pos] = {}
    for source in calendar.holidays:
        if not source.hours:
            continue
        yield from _check_daily(source.hours, "the hours of these holidays")
        place = (source.country, source.subdivision)
        written = f"{source.country}{' ' + source.subdivision if source.subdivision else ''}"
        if place in seen:
            yield error(
                f"the holidays of {written} are given hours twice", source.pos,
                f"first given at line {seen[place].line}; keep one 'hours holidays {written}' line, giving all its hours "
                "(09:00-13:00, 15:00-18:00)",
                code="T0526",
            )
        else:
            seen[place] = source.pos


MOST_MONTHLY_DAYS = 10
"""The most working days a `hours monthly first|last N working days` line may name: a month has about 20, and more than
half of them is no month-end (or month-start) but the month's ordinary hours."""


def check_monthly_days(calendar: Calendar) -> Iterator[Diagnostic]:
    """`hours monthly last 3 working days …`: 1 to MOST_MONTHLY_DAYS days, each edge of the month once (T0524)."""
    seen: dict[str, Pos] = {}
    for monthly in calendar.monthly:
        yield from _check_daily(monthly.hours, "the hours of these days")
        if monthly.edge == "day":  # `hours monthly day 25 …` (lang14): a day every month has, once
            yield from _check_monthly_day(monthly, seen)
            continue
        if not 1 <= monthly.count <= MOST_MONTHLY_DAYS:
            yield error(
                f"the {monthly.edge} {monthly.count} working days of a month: the count is 1 to {MOST_MONTHLY_DAYS}",
                monthly.count_pos,
                f"write the days the other hours are kept on, such as: hours monthly {monthly.edge} 3 working days 07:00-20:00",
                code="T0524",
            )
        if monthly.edge in seen:
            yield error(
                f"the {monthly.edge} working days of the month are given other hours twice", monthly.pos,
                f"first given at line {seen[monthly.edge].line}; keep one line with the most days, giving the hours they share",
                code="T0524",
            )
        else:
            seen[monthly.edge] = monthly.pos


LAST_DAY_EVERY_MONTH_HAS = 28
"""`hours monthly day N`: N is 1 to 28, the days every month has (February the fewest)."""


def _check_monthly_day(monthly: MonthlyDays, seen: dict[str, Pos]) -> Iterator[Diagnostic]:
    """T0524: `hours monthly day N …` names a day every month has, and each day once."""
    if not 1 <= monthly.count <= LAST_DAY_EVERY_MONTH_HAS:
        yield error(
            f"day {monthly.count} of a month: the day is 1 to {LAST_DAY_EVERY_MONTH_HAS}, a day every month has",
            monthly.count_pos,
            "hours at a month's end are on its last working days: hours monthly last working day 07:00-20:00"
            if monthly.count > LAST_DAY_EVERY_MONTH_HAS else "write the day of the month, such as: hours monthly day 25 07:00-20:00",
            code="T0524",
        )
    key = f"day {monthly.count}"
    if key in seen:
        yield error(
            f"day {monthly.count} of the month is given other hours twice", monthly.pos,
            f"first given at line {seen[key].line}; keep one line, giving all its hours", code="T0524",
        )
    else:
        seen[key] = monthly.pos


def _check_daily(hours: tuple[DailyHours, ...], what: str) -> Iterator[Diagnostic]:
    ordered = sorted(hours, key=lambda h: h.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b.start < a.end:
            yield error(f"{what} overlap", b.pos, "merge them into one interval", code="T0507")


def check_calendar(calendar: Calendar) -> Iterator[Diagnostic]:
    """All the checks of one calendar."""
    yield from check_zone(calendar)
    yield from check_holidays(calendar)
    yield from check_hours_order(calendar)
    yield from check_openings(calendar)
    yield from check_customer_holidays(calendar)
    yield from check_bridge_days(calendar)


def check_bridge_days(calendar: Calendar) -> Iterator[Diagnostic]:
    """`closed bridge days` needs holidays to lie beside (outside16): without them it closes nothing, quietly."""
    if not calendar.bridge_days or calendar.holidays:
        return
    if calendar.always_open:
        hint = "remove 'closed bridge days': a calendar open 24x7 has no holidays, so no day between one and a weekend"
    elif calendar.customer_holidays:
        hint = "bridge days lie beside the holidays of a 'closed holidays COUNTRY' line, not the customer's own: remove the line"
    else:
        hint = "add the holidays the bridge days lie beside, such as closed holidays SE"
    yield warning(
        f"'closed bridge days' closes nothing: calendar '{calendar.id}' closes on no holidays", calendar.bridge_days_pos, hint, code="T0525",
    )


# --- issue 8: the customer's own holidays ------------------------------------------------------


def check_customer_holidays(calendar: Calendar) -> Iterator[Diagnostic]:
    """`closed holidays customer` needs the customer's zone and known countries; a fixed country there is a warning."""
    pos = calendar.customer_holidays_pos
    if calendar.customer_holidays:
        if calendar.always_open:
            yield error(
                f"calendar '{calendar.id}' is open 24x7, so it cannot close on the customer's holidays",
                pos,
                "remove 'closed holidays customer', or give the calendar opening hours",
                code="T0513",
            )
        elif calendar.zone is not None:
            yield error(
                f"calendar '{calendar.id}' closes on the customer's holidays but runs in {calendar.zone}, not in the customer's zone",
                pos,
                "add 'zone customer', or name the country whose holidays apply: closed holidays SE",
                code="T0514",
            )
        import holidays

        supported = holidays.list_supported_countries()
        for country, where in calendar.customer_countries():
            if country not in supported:
                yield error(f"unknown country code '{country}' for public holidays", where, did_you_mean(country, supported), code="T0502")
        seen: dict[str, Pos] = {}
        for country, where in calendar.customer_countries():
            if country in seen:
                first = f"; it is first at column {seen[country].column}" if seen[country].line == where.line and where.line else ""
                yield error(f"country '{country}' is listed twice", where, f"list each country once{first}", code="T0515")
            seen.setdefault(country, where)
    if calendar.zone is None and not calendar.always_open:
        for source in calendar.holidays:
            verb = "keeps other hours on" if source.hours else "closes on"
            yield warning(
                f"calendar '{calendar.id}' runs in the customer's own zone but {verb} the public holidays of "
                f"{source.country}{' ' + source.subdivision if source.subdivision else ''}, the vendor's country, "
                "whichever country the customer is in",
                source.pos,
                "hours on the customer's own holidays have no form: keep the line if the vendor's holidays are meant, or "
                "give the calendar the vendor's zone" if source.hours else
                f"if the customer's own holidays are meant, write: closed holidays customer {source.country}, ... "
                "(the countries the rules should carry)",
                code="T0516",
            )


# --- priorities ----------------------------------------------------------------------------


def check_matrix(matrix: PriorityMatrix, levels: set[str]) -> Iterator[Diagnostic]:
    """Each row is a declared urgency with one known level per impact; every combination has a level."""
    urgency_ids = [u.id for u in matrix.urgencies]
    impact_ids = [i.id for i in matrix.impacts]
    misnamed = False
    for row in matrix.rows:
        if row.urgency not in urgency_ids:
            misnamed = True
            # A row named after an impact is the axes swapped: renaming it as "did you mean" suggests
            # would pass the checks with the matrix mirrored, so say what a row is instead.
            hint = (
                f"'{row.urgency}' is an impact; each row is an urgency ({', '.join(urgency_ids)}) with one level per impact, "
                f"in the order {', '.join(impact_ids)}"
                if row.urgency in impact_ids
                else did_you_mean(row.urgency, urgency_ids)
            )
            yield error(f"the matrix row '{row.urgency}' is not a declared urgency", row.pos, hint, code="T0601")
            continue
        if len(row.levels) != len(matrix.impacts):
            yield error(
                f"the matrix row '{row.urgency}' has {len(row.levels)} level(s) but there are {len(matrix.impacts)} impacts",
                row.pos,
                "give one level per impact, in the order the impacts are declared: " + ", ".join(i.id for i in matrix.impacts),
                code="T0602",
            )
        for _, level, pos in zip(matrix.impacts, row.levels, row.level_pos, strict=False):
            if level not in levels:
                yield error(f"the matrix names an unknown level '{level}'", pos, did_you_mean(level, levels), code="T0603")
    if misnamed:
        return  # the missing combinations follow from the misnamed rows, reported above once
    for urgency in matrix.urgencies:
        for impact in matrix.impacts:
            if matrix.level(impact.id, urgency.id) is None:
                yield error(
                    f"the matrix gives no level for impact '{impact.id}' with urgency '{urgency.id}'",
                    matrix.pos,
                    f"add a row '{urgency.id}: ...' with one level per impact",
                    code="T0604",
                )


def check_scheme(scheme: PriorityScheme) -> Iterator[Diagnostic]:
    """All the checks of one priority scheme."""
    # A level, an impact or an urgency written twice passed the checks, and the export refused the rules with no place
    # to look (found by fuzz13): the rules name each once.
    yield from _duplicates(scheme.levels, "level", _id)
    if scheme.matrix is not None:
        impacts = list(_duplicates(scheme.matrix.impacts, "impact", _id))
        yield from impacts
        yield from _duplicates(scheme.matrix.urgencies, "urgency", _id)
        rows: dict[str, Pos] = {}
        for row in scheme.matrix.rows:
            if row.urgency in rows:
                first = rows[row.urgency]
                yield error(f"the matrix has two rows for urgency '{row.urgency}'", row.pos,
                            f"the first is at {first.file}:{first.line}; keep one row per urgency", code="T0301")
            rows.setdefault(row.urgency, row.pos)
        if not impacts:  # each row's count of levels is judged against the impacts, which are then not what was meant
            yield from check_matrix(scheme.matrix, {lv.id for lv in scheme.levels})


def check_scheme_choice(decl: VendorDecl, schemes: set[str]) -> Iterator[Diagnostic]:
    """A vendor names a scheme that exists, or defines exactly one (or none)."""
    if decl.priorities is not None:
        if decl.priorities.name not in schemes:
            yield error(
                f"unknown priority scheme '{decl.priorities.name}'", decl.priorities.pos, did_you_mean(decl.priorities.name, schemes),
                code="T0305",
            )
    elif len(decl.schemes) > 1:
        yield error("this vendor defines several priority schemes but uses none", decl.pos, "say which one with 'priorities NAME'", code="T0306")


# --- the vendor and its catalogue --------------------------------------------------------------


def check_vendor_header(decl: VendorDecl, settings: Settings = DEFAULT_SETTINGS) -> Iterator[Diagnostic]:
    """A vendor says its language, one of the site's, and its name."""
    if decl.language is None:
        yield error(
            f"vendor '{decl.id}' does not say its language", decl.pos, "add 'language sv' (the language the offer was written in)",
            code="T0406",
        )
    elif decl.language.name not in settings.languages:
        yield error(
            f"'{decl.language.name}' is not one of the site's languages", decl.language.pos, _vendor_language_hint(decl.language.name, settings),
            code="T0402",
        )
    seen = {decl.language.name} if decl.language is not None else set()
    for also in decl.also_languages:
        if also.name in seen:
            yield error(f"'{also.name}' is named twice in 'language'", also.pos, "name each language of the offer once", code="T0402")
        elif also.name not in settings.languages:
            yield error(f"'{also.name}' is not one of the site's languages", also.pos, _vendor_language_hint(also.name, settings), code="T0402")
        seen.add(also.name)
    if decl.name is None:
        yield error(f"vendor '{decl.id}' has no name", decl.pos, 'add a line such as: name "Stratiteq"', code="T0407")
    problem = addresses.url_problem(decl.website) if decl.website is not None else None
    if problem is not None:
        yield error(problem[0], decl.website_pos or decl.pos, problem[1], code="T0904")


def _at(word: Pos, statement: Pos) -> Pos:
    """The position of a word when the parser recorded it, else its statement's (a model built in code has none)."""
    return word if word.line else statement


def _calendar_ref(ref: str | None, pos: Pos, calendars: set[str]) -> Iterator[Diagnostic]:
    if ref is not None and ref not in calendars:
        # With no calendar close to the name, say how to define one: a new project has none at all
        # (not even the docs' around-the-clock, which lives in the checkout's plans/shared.plan), and
        # the calendars known here are no help when the author meant one the docs' examples use.
        define = f"define it in the vendor or at the top of a file: calendar {ref} {{ open 24x7 }}, or with a zone and open hours"
        close = did_you_mean(ref, calendars)
        if close is None or close.startswith("known here"):
            hint = f"{close}; or {define}" if close else define
        else:
            hint = close
        yield error(f"unknown calendar '{ref}'", pos, hint, code="T0304")


def _marks(marks: tuple[str, ...], pos: Pos, vendor: Vendor) -> Iterator[Diagnostic]:
    for mark in marks:
        if vendor.footnote(mark) is None:
            yield error(f"the footnote mark '{mark}' has no footnote", pos, f'add: footnote {mark} {{ sv "..." en "..." }}', code="T0316")


_MESSAGING = frozenset({"livechat", "live-chat", "webchat", "web-chat", "teams", "slack", "whatsapp", "messenger", "telegram"})
"""Ways of reaching support that authors write as a kind of contact, though each is a chat (see check_contact)."""

_CHAT_WORDS = frozenset({"livechat", "live-chat", "webchat", "web-chat"})
"""The words of _MESSAGING that mean the vendor's own live chat, not a messaging service's."""

_SMS_WORDS = frozenset({"text", "texting", "text-message", "textmessage", "mms"})
"""Other names for text messages to a number, which is an `sms` contact."""


def check_contact(contact: Contact, calendars: set[str], groups: set[str] | None = None, language: str | None = None) -> Iterator[Diagnostic]:
    """A contact is of a known kind, in a known group, staffed on known calendars, with a value of its kind."""
    if contact.kind in _MESSAGING and contact.kind not in CONTACT_KINDS:
        # A live chat or a messaging service is reached at an address: it is a chat contact, named by its label.
        hint = (
            'write it as a chat contact: contact chat "https://..."'
            if contact.kind in _CHAT_WORDS
            else f'write it as a chat contact with its own id and label: contact chat "https://..." as {contact.kind} {{ en "..." }}'
        )
        yield error(f"unknown kind of contact '{contact.kind}'", contact.kind_pos, hint, code="T0401")
    elif contact.kind in _SMS_WORDS and contact.kind not in CONTACT_KINDS:
        # "Text us at 415 00 112": the closest kind by its letters would be another.
        hint = 'did you mean \'sms\'? a number that takes text messages is an sms contact: contact sms "+47 415 00 112"'
        yield error(f"unknown kind of contact '{contact.kind}'", contact.kind_pos, hint, code="T0401")
    else:
        yield from check_word("kind of contact", contact.kind, CONTACT_KINDS, contact.kind_pos)
    for ref, where in contact_calendars(contact):
        yield from _calendar_ref(ref, where, calendars)
    if contact.group is not None and contact.group not in (groups or set()):
        hint = did_you_mean(contact.group, groups or set()) or 'declare it: group ID { sv "..." en "..." }'
        yield error(f"unknown contact group '{contact.group}'", _at(contact.group_pos, contact.pos), hint, code="T0901")
    yield from check_contact_value(contact, language)


def _country_of(language: str | None) -> str | None:
    """The country a language is most likely written in (sv -> SE), to suggest a number's country code."""
    if not language:
        return None
    likely = get_global("likely_subtags").get(language, "")
    territory = str(likely).split("_")[-1]
    return territory if len(territory) == 2 else None


def check_contact_value(contact: Contact, language: str | None = None) -> Iterator[Diagnostic]:
    """A phone number is valid and has its country code; an e-mail address and a web address are well formed."""
    if not contact.value:
        return
    problem: tuple[str, str] | None = None
    code = ""
    if contact.kind in addresses.PHONE_KINDS:
        problem, code = addresses.phone_problem(contact.value, _country_of(language)), "T0902"
    elif contact.kind == "email":
        problem, code = addresses.email_problem(contact.value), "T0903"
    elif contact.kind in addresses.URL_KINDS or (contact.kind in addresses.WEB_KINDS and addresses.looks_like_web_address(contact.value)):
        problem, code = addresses.url_problem(contact.value), "T0904"
    if problem is not None:
        yield error(problem[0], contact.value_pos, problem[1], code=code)


def contact_calendars(contact: Contact) -> Iterator[tuple[str, Pos]]:
    """The calendars a contact names (its hours, when it is answered), each at its word."""
    if contact.hours is not None:
        yield contact.hours, _at(contact.hours_pos, contact.pos)
    if contact.answered is not None:
        yield contact.answered, _at(contact.answered_pos, contact.pos)


def plan_calendars(plan: Plan) -> Iterator[tuple[str, Pos]]:
    """Every calendar a merged plan names, at its word where the parser kept it: its targets, coverage, obligations,
    channels' hours, maintenance window and availability (what check_plan_references and T0323 judge)."""
    for target in plan.targets:
        if target.calendar is not None:
            yield target.calendar, _at(target.calendar_pos, target.pos)
    for cov in plan.coverage:
        yield cov.calendar, _at(cov.calendar_pos, cov.pos)
    for obligation in plan.obligations:
        if obligation.calendar is not None:
            yield obligation.calendar, obligation.pos
    for hours in plan.channel_hours:
        yield hours.calendar, hours.pos
    if plan.maintenance is not None and plan.maintenance.calendar is not None:
        yield plan.maintenance.calendar, plan.maintenance.pos
    if plan.availability is not None and plan.availability.calendar is not None:
        yield plan.availability.calendar, plan.availability.calendar_pos
    for penalty in plan.penalties:  # `penalty obligation report … per business day on office` (lang17)
        if penalty.calendar is not None:
            yield penalty.calendar, penalty.calendar_pos


def check_feature(feature: Feature, vendor: Vendor) -> Iterator[Diagnostic]:
    """A feature's category and footnote marks exist; when the vendor groups features, it names a category."""
    categories = {c.id for c in vendor.categories}
    if feature.category is not None and feature.category not in categories:
        yield error(f"unknown category '{feature.category}'", feature.pos, did_you_mean(feature.category, categories), code="T0307")
    yield from _marks(feature.marks, feature.pos, vendor)


def check_feature_grouping(vendor: Vendor) -> Iterator[Diagnostic]:
    """When a vendor has categories, every feature is in one (the first without is reported)."""
    stray = next((f for f in vendor.features if f.category is None), None)
    if vendor.categories and stray is not None:
        message = f"feature '{stray.id}' has no category, but this vendor groups its features"
        yield error(message, stray.pos, "add 'in CATEGORY' after the feature's id", code="T0308")


def check_metric_text(metric: MetricText) -> Iterator[Diagnostic]:
    """A vendor words only metrics the language knows."""
    if metric.metric not in METRICS:
        yield error(f"unknown metric '{metric.metric}'", metric.pos, _metric_hint(metric.metric), code="T0405")


# --- plans ----------------------------------------------------------------------------------


def check_extends(plans: tuple[Plan, ...]) -> Iterator[Diagnostic]:
    """Each plan extends a plan of the vendor, and no plans extend each other in a circle."""
    by_id = {p.id: p for p in plans}
    done: set[str] = set()

    def walk(plan: Plan, chain: tuple[str, ...]) -> Iterator[Diagnostic]:
        # Follows the loader's merge order, so a circle is reported at the plan that closes it.
        if plan.id in done:
            return
        if plan.extends is not None:
            parent = by_id.get(plan.extends)
            if plan.extends in chain or plan.extends == plan.id:
                cycle = " -> ".join((*chain, plan.id, plan.extends))
                yield error(f"plans extend each other in a circle: {cycle}", plan.pos, "one plan in the circle must not extend another", code="T0312")
            elif parent is None:
                yield error(f"plan '{plan.id}' extends an unknown plan '{plan.extends}'", plan.pos, did_you_mean(plan.extends, by_id), code="T0311")
            else:
                yield from walk(parent, (*chain, plan.id))
        done.add(plan.id)

    for plan in plans:
        yield from walk(plan, ())


def _duration(minutes: int | None, pos: Pos) -> Iterator[Diagnostic]:
    if minutes is not None and minutes <= 0:
        yield error("a duration must be longer than zero", pos, "write the time allowed, such as 15min or 2h", code="T0801")


def _period(quantity: Quantity | None) -> Iterator[Diagnostic]:
    if quantity is not None:
        yield from check_word("period", quantity.period, PERIODS, quantity.period_pos)


def _singular(word: str) -> str:
    """The singular of a unit word as vendors write it in English: "hosts" -> "host", "branches" -> "branch"."""
    for ending, replaced in (("ches", "ch"), ("sses", "ss"), ("s", "")):
        if word.endswith(ending) and len(word) > len(ending) + 1 and word[: -len(ending)] + replaced in (*PRICE_UNIT_WORDS, *PRICE_UNITS_LACKING):
            return word[: -len(ending)] + replaced
    return word


def _unit_hint(word: str, words: tuple[str, ...], when: str | None = None, money: str = "1200 EUR") -> str:
    """The hint for an unknown price unit (or a lone `per` word): the unit it is another name for, the closest word, or
    how to write a unit the language lacks; `money` is the price's own amount, for the example."""
    single = _singular(word)
    unit = PRICE_UNIT_WORDS.get(single)
    if unit is not None:
        # `per host`, `minimum 5 hosts`: the unit the vendor means, in the number the author wrote it.
        shown = unit if single == word else f"{unit}s"
        period = f" per {when}" if when else ""
        return f"did you mean '{shown}'? a price per {single} is written per {unit} (price {money} per {unit}{period})"
    if single in PRICE_UNITS_LACKING:
        return (
            f"there is no unit for a {single}: write the price per {when or 'its period'} (price {money} per {when or 'year'}) "
            f"and say 'per {single}' in the plan's note"
        )
    return one_of(word, words)


def check_price(price: Price) -> Iterator[Diagnostic]:
    """A price is per a known unit and period; a percentage is of a known price and between 0 and 100."""
    money = f"{price.amount} {price.currency}" if price.amount is not None and price.currency else "1200 EUR"
    if price.unit in PERIODS and price.period is not None and price.period not in PERIODS:
        # `per month per customer`: the period written before the unit, read as a unit 'month' and a period 'customer'.
        # One error, at the first word, with the order and the unit the second word stands for.
        single = _singular(price.period)
        if single not in PRICE_UNITS and single.endswith("s") and single[:-1] in PRICE_UNITS:
            single = single[:-1]
        close = difflib.get_close_matches(single, PRICE_UNITS, n=1)
        unit = single if single in PRICE_UNITS else PRICE_UNIT_WORDS.get(single) or (close[0] if close else None)
        order = f"per {unit} per {price.unit}" if unit else f"per UNIT per {price.unit}"
        yield error(
            f"'per {price.unit}' before 'per {price.period}': a price's unit comes first, then its period", price.unit_pos,
            f"write {order} (price {money} {order})" + ("" if unit else f"; {one_of(price.period, PRICE_UNITS)}"),
            code="T0401",
        )
        return
    if price.period is not None and price.period not in PERIODS:
        # `per host` alone reads as a period: another name for a unit, or a unit word the language lacks, is told how to write it.
        yield error(f"unknown period '{price.period}'", price.period_pos, _unit_hint(price.period, PERIODS, money=money), code="T0401")
    if price.unit is not None and price.unit not in PRICE_UNITS:
        period = price.period if price.period in PERIODS else None
        yield error(f"unknown price unit '{price.unit}'", price.unit_pos, _unit_hint(price.unit, PRICE_UNITS, period, money), code="T0401")
    if price.kind == "included":
        yield from check_word("word for what a price is included in", price.basis, INCLUDED_IN, price.basis_pos)
    if price.kind == "percent":
        yield from check_word("basis of a percentage", price.basis, PRICE_BASES, price.basis_pos)
        if price.amount is not None and not 0 < price.amount <= 100:
            yield error(
                f"{price.amount}% of a price: a percentage of a price is more than 0 and at most 100", price.pos,
                "such as: price 20% of licence per year", code="T0420",
            )
    yield from check_price_terms(price)


def check_target(target: Target) -> Iterator[Diagnostic]:
    """A target's duration is positive, and a guaranteed one says its clock."""
    yield from _duration(target.minutes, target.minutes_pos)
    if target.guaranteed and target.calendar is None:
        yield error(
            "this target does not say which clock it runs on", target.pos, "end it with 'on CALENDAR', such as: on office-hours",
            code="T0802",
        )
    if target.days is not None and target.days <= 0:
        yield error(
            "a number of business days must be at least 1", target.minutes_pos, "write 1 business day, or end of 1 business day", code="T0804"
        )
    if not target.published and target.calendar is not None:
        yield warning(
            "a target that is not published has no clock; 'on' is ignored",
            target.pos,
            f"remove 'on {target.calendar}'",
            code="T0805",
        )


def check_calendar_days(target: Target, vendor: Vendor) -> Iterator[Diagnostic]:
    """A target in calendar days counts every day around the clock: it names a calendar open 24x7."""
    calendar = vendor.calendar(target.calendar) if target.calendar_days and target.calendar is not None else None
    if calendar is not None and not calendar.always_open:
        days = (target.minutes or 0) // (24 * 60)
        yield error(
            f"'{days} calendar day{'s' if days != 1 else ''}' on '{calendar.id}', a calendar with opening hours",
            target.minutes_pos,
            f"calendar days count every day around the clock: name a calendar with 'open 24x7', "
            f"or write {days} business day{'s' if days != 1 else ''} for days '{calendar.id}' opens",
            code="T0852",
        )


def check_target_case(target: Target, vendor: Vendor) -> Iterator[Diagnostic]:
    """A target limited to a kind of case names one the vendor declares."""
    if target.case is not None and vendor.case(target.case) is None:
        known = {c.id for c in vendor.cases}
        hint = did_you_mean(target.case, known) or f'declare it in the vendor: case {target.case} {{ sv "..." it "..." pl "..." en "..." }}'
        yield error(f"unknown kind of case '{target.case}'", target.case_pos, hint, code="T0320")


def check_obligation(obligation: Obligation) -> Iterator[Diagnostic]:
    """An obligation counts per a known period and waits a positive time, on a calendar."""
    yield from _period(obligation.quantity)
    yield from _duration(obligation.after_minutes, obligation.after_pos)
    yield from _duration(obligation.every_minutes, obligation.every_pos)
    if obligation.after_minutes is not None and obligation.calendar is None:
        # Working time is counted on a calendar's open hours: without one the ticket clock has nothing to count.
        yield error(
            f"obligation '{obligation.id}' is timed after work but names no calendar to count it on",
            obligation.after_pos,
            "add 'on CALENDAR' after the duration, such as: after 4h on office (a calendar with 'open 24x7' counts round the clock)",
            code="T0815",
        )


def check_obligation_ids(obligations: tuple[Obligation, ...]) -> Iterator[Diagnostic]:
    """One obligation per id in a plan: the id is what a ticket's `obligation` event and an extending plan name."""
    seen: dict[str, Obligation] = {}
    for obligation in obligations:
        first = seen.get(obligation.id)
        if first is None:
            seen[obligation.id] = obligation
            continue
        # The likely cause: one duty with other terms per priority, written under one id.
        hint = (
            f"give each its own id, such as '{obligation.id}-{obligation.priorities[0].lower()}'"
            if obligation.priorities
            else "give each its own id, or remove one"
        )
        yield error(
            f"obligation '{obligation.id}' is given twice in this plan", obligation.pos, hint, code="T0322",
            notes=(("given first here", first.pos),),
        )


def check_obligation_priorities(obligation: Obligation, levels: set[str]) -> Iterator[Diagnostic]:
    """`obligation ID for P1 and P2 ...` names the vendor's levels, each once (T0314 at the word, as a channel's `for`)."""
    seen: set[str] = set()
    where_all = obligation.priorities_pos or (obligation.pos,) * len(obligation.priorities)
    for priority, where in zip(obligation.priorities, where_all, strict=False):
        if priority in seen:
            yield warning(
                f"obligation '{obligation.id}' names priority '{priority}' twice", where, f"remove the second '{priority}'",
                code="T0606",
            )
        elif priority not in levels:
            hint = did_you_mean(priority, levels) if levels else "this vendor has no priority levels: leave out 'for ...'"
            yield error(f"unknown priority '{priority}'", where, hint, code="T0314")
        seen.add(priority)


def check_plan_as_written(plan: Plan, features: set[str]) -> Iterator[Diagnostic]:
    """The statements of one plan block, before `extends` adds its parent's."""
    for price in plan.prices:
        yield from check_price(price)
        yield from check_zero_price(price)
        yield from check_thousands_separator(price)
    yield from check_channels_once(plan)
    # Two coverage lines for one priority (and case) would leave the page and the rules to pick one.
    yield from _duplicates(plan.coverage, "coverage", _coverage_name, "keep one of them")
    seen: dict[str, Pos] = {}
    for cell in plan.cells:
        if cell.feature in seen:
            yield error(
                f"feature '{cell.feature}' is given twice in this plan", cell.pos, f"first given at line {seen[cell.feature].line}",
                code="T0310",
            )
        elif cell.feature not in features:
            yield error(
                f"plan '{plan.id}' has a cell for an unknown feature '{cell.feature}'", cell.pos, did_you_mean(cell.feature, features),
                code="T0309",
            )
        seen[cell.feature] = cell.pos
        yield from _period(cell.quantity)
        if cell.kind == "allowance" and cell.quantity is not None:
            yield from _duration(cell.quantity.count, cell.pos)
        for addon_price in cell.prices:
            yield from check_price(addon_price)
            yield from check_zero_price(addon_price, addon=True)
            yield from check_thousands_separator(addon_price)
        yield from check_addon_prices(cell)
    for target in plan.targets:
        yield from check_target(target)
    yield from _duplicates(
        [t for t in plan.targets if t.valid_from is None],
        "target",
        _target_name,
        # A target has no id: two for one metric and priority are a slip, or terms that change on a date.
        "keep one of them, or end the newer one with 'from DATE' if the terms change on that date",
    )
    yield from check_target_versions(plan.targets)
    yield from check_workaround_order(plan.targets)
    yield from check_onsite_order(plan.targets)
    yield from check_price_versions(plan.id, plan.prices)
    for obligation in plan.obligations:
        yield from check_obligation(obligation)
    yield from check_obligation_ids(plan.obligations)
    yield from check_no_support(plan)
    yield from check_availability(plan)
    yield from check_penalties(plan)
    if plan.contract is not None:
        yield from check_contract(plan.contract)


def check_plan_references(plan: Plan, vendor: Vendor, calendars: set[str]) -> Iterator[Diagnostic]:
    """Every name a merged plan uses (its own and what it inherits) is defined for its vendor."""
    segments = {s.id for s in vendor.segments}
    levels = {lv.id for lv in vendor.priorities.levels} if vendor.priorities else set()
    yield from _marks(plan.marks, plan.pos, vendor)
    for cell in plan.cells:
        yield from _marks(cell.marks, cell.pos, vendor)
    for price in plan.prices:
        if price.segment is not None and price.segment not in segments:
            declare = did_you_mean(price.segment, segments) or 'declare it: segment ID { sv "..." ... }'
            if price.segment == "s":  # `prices 35 USD per month` is read as `price s 35 USD ...`
                declare = "did you mean 'price'? ('prices' is read as 'price' for a segment 's')"
            yield error(f"unknown customer segment '{price.segment}'", price.pos, declare, code="T0313")
        yield from _marks(price.marks, price.pos, vendor)
    for target in plan.targets:
        if target.metric not in METRICS:
            yield error(f"unknown metric '{target.metric}'", _at(target.metric_pos, target.pos), _metric_hint(target.metric), code="T0405")
        if target.priority is not None and target.priority not in levels:
            hint = _priority_hint(target.priority, levels, "target")
            yield error(f"unknown priority '{target.priority}'", _at(target.priority_pos, target.pos), hint, code="T0314")
        yield from check_target_case(target, vendor)
        yield from check_calendar_days(target, vendor)
    for cov in plan.coverage:
        if cov.priority is not None and cov.priority not in levels:
            yield error(
                f"unknown priority '{cov.priority}'", _at(cov.priority_pos, cov.pos), _priority_hint(cov.priority, levels, "coverage"), code="T0314"
            )
        if cov.case is not None and vendor.case(cov.case) is None:
            yield error(
                f"unknown kind of case '{cov.case}'", _at(cov.case_pos, cov.pos), did_you_mean(cov.case, {c.id for c in vendor.cases}), code="T0320"
            )
    for obligation in plan.obligations:
        yield from check_obligation_priorities(obligation, levels)
    for ref, where in plan_calendars(plan):
        yield from _calendar_ref(ref, where, calendars)
    for limited in plan.channel_priorities:
        for priority, where in zip(limited.priorities, limited.priorities_pos or (limited.pos,) * len(limited.priorities), strict=False):
            if priority not in levels:
                hint = did_you_mean(priority, levels) if levels else "this vendor has no priority levels: leave out 'for ...'"
                yield error(f"unknown priority '{priority}'", where, hint, code="T0314")


# --- availability (uptime), service credits and maintenance windows -----------------------------------


def _share(value: Decimal, what: str, pos: Pos, example: str, most: bool = False) -> Iterator[Diagnostic]:
    """T0830: a percentage more than 0 and less than 100 (at most 100 when `most`: a credit of the whole fee)."""
    if not (0 < value <= 100 if most else 0 < value < 100):
        bound = "at most 100" if most else "less than 100"
        yield error(f"{value}% {what}: it is more than 0 and {bound}", pos, f"such as: {example}", code="T0830")


def check_availability(plan: Plan) -> Iterator[Diagnostic]:
    """The availability is a share of a known period; its credits grow as their thresholds fall, none above it."""
    found = plan.availability
    if found is not None:
        yield from _share(found.percent, "availability", found.pos, "availability 99.9% per month")
        if found.period is None:
            yield error(
                "the availability says no period it is measured over", found.pos, f"add one: availability {found.percent}% per month",
                code="T0831",
            )
        yield from check_word("period", found.period, PERIODS, found.period_pos)
    if plan.credits and found is None:
        yield error(
            "service credits without an availability they are credited against", plan.credits_pos,
            "write the promised availability beside them, such as: availability 99.9% per month", code="T0835",
        )
    if plan.no_credits and found is None:
        yield error(
            "'credit none' without an availability the credits would be earned against", plan.credits_pos,
            "write the promised availability beside it, such as: availability 99.9% per month "
            "(a plan that promises no availability says nothing of credits: leave 'credit none' out)",
            code="T0835",
        )
    yield from check_credit_bases(plan)
    seen: dict[Decimal, Pos] = {}
    for credit in plan.credits:
        if credit.percent == 0:
            # "0 % below 99.9 %" is how an offer without credits gets written when `credit none` is not known.
            yield error(
                "0% of the fee as a credit: a credit is more than 0", credit.pos,
                "an offer that gives no service credits says so: credit none", code="T0830",
            )
            continue
        yield from _share(credit.percent, "of the fee as a credit", credit.pos, "credit 10% below 99.9%", most=True)
        yield from _share(credit.below, "availability as a credit's threshold", credit.below_pos, "credit 10% below 99.9%")
        if credit.below in seen:
            yield error(
                f"a credit below {credit.below}% is given twice", credit.below_pos, f"first given at line {seen[credit.below].line}",
                code="T0834",
            )
            continue
        seen[credit.below] = credit.pos
        if found is not None and credit.below > found.percent:
            yield error(
                f"a credit below {credit.below}%, above the promised availability of {found.percent}%",
                credit.below_pos,
                f"an availability between {found.percent}% and {credit.below}% keeps the promise: "
                f"start the credits at {found.percent}% or lower",
                code="T0832",
            )
    # The lower the availability, the larger the credit: each threshold's credit at least that of every higher one.
    ordered = sorted({c.below: c for c in plan.credits}.values(), key=lambda c: c.below, reverse=True)
    for higher, lower in zip(ordered, ordered[1:], strict=False):
        if lower.percent < higher.percent:
            yield error(
                f"a credit of {lower.percent}% below {lower.below}% is less than the {higher.percent}% below {higher.below}%",
                lower.pos,
                "a lower availability earns at least the credit of a higher one: "
                f"give {lower.below}% a credit of {higher.percent}% or more",
                code="T0833",
            )
    if plan.maintenance is not None:
        yield from _duration(plan.maintenance.notice_minutes, plan.maintenance.notice_pos)


def check_credit_bases(plan: Plan) -> Iterator[Diagnostic]:
    """What each credit is a share of is a known word, and the same for every credit of the plan (T0836).

    One share is credited (the largest earned, never a sum), so a plan whose credits were of different fees would
    credit a share of a fee the consumer could not tell from the threshold alone.
    """
    first: Credit | None = None
    for credit in plan.credits:
        if credit.basis is not None and credit.basis not in CREDIT_BASES:
            hint = one_of(credit.basis, CREDIT_BASES)
            if credit.basis in {"fee", "licence", "license"}:
                hint = "a credit is a share of the plan's own fee unless it says 'of subscription' or 'of usage': leave out 'of " + credit.basis + "'"
            yield error(f"unknown basis of a service credit '{credit.basis}'", credit.basis_pos, hint, code="T0401")
            return
        if first is None:
            first = credit
        elif credit.basis != first.basis:
            said = {None: "the plan's fee", "subscription": "the subscription price", "usage": "the usage charges"}
            yield error(
                f"a credit of {said.get(credit.basis, credit.basis)} beside one of {said.get(first.basis, first.basis)}",
                credit.basis_pos if credit.basis is not None else credit.pos,
                "the credits of a plan are shares of one fee: write the same 'of …' on each, "
                f"such as: credit 10%{' of ' + first.basis if first.basis else ''} below 99.9%, "
                f"25%{' of ' + first.basis if first.basis else ''} below 99%",
                code="T0836",
            )
            return


# --- penalties for missed targets --------------------------------------------------------------------


def _penalty_amount_text(amount: PenaltyAmount) -> str:
    """An amount as a penalty line writes it: `0.5% of monthly fee`, `500 SEK`."""
    share = f"{amount.written}‰" if amount.per_mille else f"{amount.value}%"  # `0.5‰ of yearly fee` as written
    if amount.of_contract:
        return f"{share} of {PENALTY_CONTRACT_VALUE}"
    if amount.is_share:
        return f"{share} of {amount.fee} fee"
    return f"{amount.value} {amount.currency}"


def _cap_window(amount: PenaltyAmount) -> str:
    """The window a cap written without one most likely means: a share of the contract's value is capped over the
    contract ("fino al 10% del valore del contratto"), any other amount over a month."""
    return "per contract" if amount.of_contract else "per month"


def _penalty_name(penalty: Penalty) -> str:
    """A penalty as diagnostics name it: 'resolution P1', 'first-response all', "obligation 'report'"."""
    if penalty.obligation is not None:
        return f"obligation '{penalty.obligation}'"
    return f"{penalty.metric} {penalty.priority or 'all'}"


def _check_penalty_amount(amount: PenaltyAmount, what: str) -> Iterator[Diagnostic]:
    """T0860 an amount more than 0 (a share at most 100 % of the fee); T0864 the fee it is a share of is a known one."""
    if amount.value == 0:
        yield error(
            f"a {what} of {_penalty_amount_text(amount)}: it is more than 0", amount.pos,
            "an offer that pays no penalties says so: penalty none" if what == "penalty" else "leave the cap out when there is none",
            code="T0860",
        )
    elif amount.is_share and amount.value > 100 and amount.per_mille:
        yield error(
            f"a {what} of {amount.written}‰ of the fee: it is at most 1000 (per mille)", amount.pos,
            "a share of the fee is at most the whole fee, such as: 0.5‰ of yearly fee (a percentage is written with %)",
            code="T0860",
        )
    elif amount.is_share and amount.value > 100:
        yield error(
            f"a {what} of {amount.value}% of the fee: it is at most 100", amount.pos,
            "a share of the fee is at most the whole fee, such as: 0.5% of monthly fee", code="T0860",
        )
    if amount.is_share and amount.fee is not None and amount.fee not in PENALTY_FEES and not amount.of_contract:
        yield error(
            f"unknown fee '{amount.fee}'", amount.fee_pos,
            "a share is of the plan's fee for a period: of monthly fee, of quarterly fee or of yearly fee; "
            "or of the whole contract's value: of contract value",
            code="T0864",
        )


def _same_measure(unit: PenaltyAmount, cap: PenaltyAmount) -> bool:
    """Whether a cap and the amount it caps are in the same measure (money in one currency, a share of one fee, of the contract)."""
    return unit.measure is not None and unit.measure == cap.measure


def _check_penalty_total(plan: Plan) -> Iterator[Diagnostic]:
    """`penalty total`: an amount more than 0 summed over a month, quarter or year, beside the penalties it caps."""
    total = plan.penalty_total
    if total is None:
        return
    yield from _check_penalty_amount(total.amount, "total cap of penalties")
    if total.per is None:
        yield error(
            "a total cap of penalties without the period it sums over", total.pos,
            f"add one: penalty total at most {_penalty_amount_text(total.amount)} {_cap_window(total.amount)}", code="T0866",
        )
    elif total.per not in PENALTY_TOTAL_PERIODS:
        yield error(
            f"a total cap of penalties per '{total.per}'", total.per_pos,
            "a total cap sums all the plan's penalties over a month, quarter, year or the contract's whole term: per month, "
            "per quarter, per year or per contract (a cap per occurrence is one penalty's: at most ... per occurrence on its line)",
            code="T0866",
        )
    if plan.no_penalties:
        yield error(
            "'penalty total' beside 'penalty none'", total.pos,
            "an offer that pays no penalties has none to cap: keep one of the two", code="T0865",
        )
    elif not plan.penalties:
        yield error(
            "a total cap of penalties without penalties beside it", total.pos,
            "write the penalties it caps in the same plan block (a plan that writes its own total does not take its "
            "parent's penalties, so that the two are read together)",
            code="T0867",
        )


def _step_text(step: PenaltyStep) -> str:
    """A growing penalty's step as written: `then 1000 PLN per started day after 5 days`."""
    whole = " on the whole delay" if step.whole else ""
    return f"then {_penalty_amount_text(step.amount)} per {step.per} after {step.after} {step.after_unit}{whole}"


def _check_penalty_steps(penalty: Penalty) -> Iterator[Diagnostic]:
    """T0869: a growing penalty's steps keep its unit and measure, count in its unit and come each later than the last."""
    last = 0
    for step in penalty.steps:
        yield from _check_penalty_amount(step.amount, "penalty")
        if penalty.unit == "occurrence":
            yield error(
                "a penalty paid once per missed target cannot grow with the delay", step.pos,
                "a penalty that grows is paid per hour or per day of delay: such as "
                f"penalty {_penalty_name(penalty)} {_penalty_amount_text(penalty.amount)} per started day "
                f"then {_penalty_amount_text(step.amount)} per started day after 5 days",
                code="T0869",
            )
            return
        if step.per != penalty.per:
            yield error(
                f"a step per '{step.per}' on a penalty per '{penalty.per}'", step.per_pos,
                f"a growing penalty keeps its unit; the count says when the new amount starts: then "
                f"{_penalty_amount_text(step.amount)} per {penalty.per} after {step.after} {PENALTY_UNIT_NOUNS.get(penalty.unit, ('',))[-1]}",
                code="T0869",
            )
        elif step.after_unit not in PENALTY_UNIT_NOUNS.get(penalty.unit, ()):
            yield error(
                f"'after {step.after} {step.after_unit}' on a penalty per {penalty.per}", step.after_pos,
                f"count in the penalty's own unit: after {step.after} {PENALTY_UNIT_NOUNS[penalty.unit][1]} "
                f"({penalty.per}s, as the penalty counts them)",
                code="T0869",
            )
        if step.after <= last:
            yield error(
                f"a step after {step.after} {step.after_unit}, not after the step before it" if last else
                "a step after 0: the penalty's own amount is for the first unit", step.after_pos,
                "each step starts later than the one before, such as: "
                f"... per {penalty.per} then ... after {max(last, 1) * 2 if last else 5} {PENALTY_UNIT_NOUNS.get(penalty.unit, ('', 'days'))[1]}",
                code="T0869",
            )
        last = max(last, step.after)
        if penalty.amount.measure is not None and step.amount.measure is not None and step.amount.measure != penalty.amount.measure:
            yield error(
                f"a step of {_penalty_amount_text(step.amount)} on a penalty of {_penalty_amount_text(penalty.amount)}", step.amount.pos,
                "a growing penalty stays in one measure, so that its amounts add up: both money in one currency, or both "
                "shares of the same fee or of the contract's value",
                code="T0869",
            )


def check_penalties(plan: Plan) -> Iterator[Diagnostic]:
    """Each penalty, as written: its amounts more than 0, its words known, a cap with its period and not below the amount, once."""
    if plan.no_penalties and plan.penalties:
        yield error(
            "'penalty none' beside penalties", plan.penalties_pos,
            "an offer that pays penalties writes them; 'penalty none' says it pays none: keep one of the two", code="T0865",
        )
    yield from _check_penalty_total(plan)
    seen: dict[tuple[str, str | None], Pos] = {}
    for penalty in plan.penalties:
        key = ("obligation", penalty.obligation) if penalty.obligation is not None else (penalty.metric, penalty.priority)
        if key in seen:
            yield error(
                f"a penalty for {_penalty_name(penalty)} is given twice", penalty.pos, f"first given at line {seen[key].line}",
                code="T0865",
            )
        else:
            seen[key] = penalty.pos
        if penalty.metric not in METRICS and penalty.obligation is None:
            yield error(f"unknown metric '{penalty.metric}'", _at(penalty.metric_pos, penalty.pos), _metric_hint(penalty.metric), code="T0405")
        yield from _check_penalty_amount(penalty.amount, "penalty")
        if penalty.per not in PENALTY_UNITS:
            yield error(
                f"a penalty per '{penalty.per}'", penalty.per_pos,
                "a penalty is per started hour, hour, started business hour, business hour, started day, day, started "
                "business day, business day or occurrence"
                + (" (working days are business days: per started business day)" if "working" in penalty.per.split() else ""),
                code="T0864",
            )
        yield from _check_penalty_steps(penalty)
        if penalty.cap is None:
            continue
        yield from _check_penalty_amount(penalty.cap, "penalty's cap")
        if penalty.cap_per is None:
            yield error(
                "a cap on a penalty without what it sums over", penalty.cap_pos,
                f"add one: at most {_penalty_amount_text(penalty.cap)} {_cap_window(penalty.cap)} "
                "(per month: the penalties of a month together; per contract: over its whole term; per occurrence: of one "
                "missed target)",
                code="T0866",
            )
        elif penalty.cap_per not in PENALTY_CAP_PERIODS:
            yield error(f"a cap per '{penalty.cap_per}'", penalty.cap_per_pos, one_of(penalty.cap_per, PENALTY_CAP_PERIODS), code="T0866")
        elif penalty.cap_per == "occurrence" and penalty.unit == "occurrence":
            yield error(
                "a cap per occurrence on a penalty paid once per occurrence", penalty.cap_pos,
                "the penalty of one missed target is its amount: cap it per month, quarter or year, or leave the cap out",
                code="T0866",
            )
        if _same_measure(penalty.amount, penalty.cap) and 0 < penalty.cap.value < penalty.amount.value:
            yield error(
                f"a cap of {_penalty_amount_text(penalty.cap)}, below the penalty of {_penalty_amount_text(penalty.amount)}",
                penalty.cap.pos,
                f"the first {penalty.unit} would already pass the cap: the cap is at least {_penalty_amount_text(penalty.amount)} "
                "(probably two numbers are swapped)",
                code="T0862",
            )


_NO_FEE = {"free": "free", "included": "included", "not-offered": "not offered"}
"""The kinds of price that leave no fee a penalty could be a share of, with the words a diagnostic says them in."""


def _check_shares_of_nothing(plan: Plan, amounts: list[PenaltyAmount]) -> Iterator[Diagnostic]:
    """T0868: a share of the fee on a plan whose own prices are all free, included or not offered (of the contract's value:
    free or not offered); a plan without prices of its own may be priced by the plan it extends, so it is not judged."""
    kinds = {p.kind for p in plan.prices}
    if not kinds or not kinds <= set(_NO_FEE):
        return
    said = " or ".join(_NO_FEE[k] for k in sorted(kinds))
    for amount in amounts:
        if amount.of_contract and "included" in kinds:
            continue  # the licence it comes with is a contract of value
        if amount.is_share:
            what = "contract value" if amount.of_contract else "fee"
            yield error(
                f"a penalty of {_penalty_amount_text(amount)}, but plan '{plan.id}' has no {what}: its price is {said}",
                amount.pos,
                "a share of nothing is nothing: write the amount in money as the contract states it, such as: 500 EUR "
                "(or, when the offer pays no penalties, penalty none)",
                code="T0868",
            )


def _priority_hint(written: str, levels: set[str], statement: str) -> str | None:
    """The hint for an unknown priority of a target, coverage or penalty line: a range of levels (`P2-P4`, as offers' tables
    write them; outside17) is told to write a line for each, or `all`; else the closest level."""
    if not levels:
        return "this vendor has no priority levels; use 'all'"
    first, dash, last = written.partition("-")
    if dash and first in levels and last in levels:
        return (f"a {statement} line names one priority, or all (every priority without a line of its own): write a line for "
                f"each of {first} to {last}, or one with all")
    return did_you_mean(written, levels)


def check_penalty_targets(plan: Plan, vendor: Vendor) -> Iterator[Diagnostic]:
    """A penalty is for a priority of the vendor and a target the merged plan guarantees, in money the plan is priced in."""
    currencies = {c for price in plan.prices for c in (price.currency,) if c is not None}
    levels = {lv.id for lv in vendor.priorities.levels} if vendor.priorities else set()
    for penalty in plan.penalties:
        if penalty.obligation is not None:
            yield from _check_obligation_penalty(penalty, plan)
            continue
        if penalty.priority is not None and penalty.priority not in levels:
            hint = _priority_hint(penalty.priority, levels, "penalty")
            yield error(f"unknown priority '{penalty.priority}'", _at(penalty.priority_pos, penalty.pos), hint, code="T0314")
            continue
        if penalty.metric in METRICS:
            # A penalty for `all` needs some guaranteed target of the metric; one for P1, the target P1 gets (its own,
            # else `all`'s): `target resolution P1 none` beside `target resolution all 8h` promises P1 nothing.
            if penalty.priority is None:
                found = [t for t in plan.targets if t.metric == penalty.metric and t.case is None]
            else:
                found = [t for t in (plan.target(penalty.metric, penalty.priority),) if t is not None]
            if not any(t.guaranteed for t in found):
                said = "no guaranteed time" if found else "no target"
                yield error(
                    f"a penalty for {_penalty_name(penalty)}, which has {said} in plan '{plan.id}'", penalty.pos,
                    f"a penalty is paid when a promised time is missed: write the target first, such as: "
                    f"target {penalty.metric} {penalty.priority or 'all'} 4h on CALENDAR",
                    code="T0861",
                )
            elif penalty.business and not any(t.calendar is not None for t in found if t.guaranteed):
                if penalty.unit == "day":
                    yield error(
                        f"a penalty per business day for {_penalty_name(penalty)}, whose target runs on no calendar", penalty.per_pos,
                        "business days are the days the target's calendar is open: give the target one (on CALENDAR), or count "
                        "days of 24 hours (per started day)",
                        code="T0864",
                    )
                else:
                    yield error(
                        f"a penalty per business hour for {_penalty_name(penalty)}, whose target runs on no calendar", penalty.per_pos,
                        "business hours are the open hours of the target's calendar: give the target one (on CALENDAR), or count real hours",
                        code="T0864",
                    )
    amounts = [a for p in plan.penalties for a in (p.amount, *(s.amount for s in p.steps), p.cap) if a is not None]
    amounts += [plan.penalty_total.amount] if plan.penalty_total is not None else []
    yield from _check_shares_of_nothing(plan, amounts)
    for amount in amounts:
        if not amount.is_share and currencies and amount.currency not in currencies:
            yield error(
                f"a penalty in {amount.currency}, but plan '{plan.id}' is priced in {', '.join(sorted(currencies))}", amount.pos,
                f"write the amount in the currency of the contract, such as: {amount.value} {sorted(currencies)[0]}", code="T0863",
            )


def _check_obligation_penalty(penalty: Penalty, plan: Plan) -> Iterator[Diagnostic]:
    """`penalty obligation report … per business day on office` (lang17): an obligation of the merged plan (T0870), whose
    business hours or days are of a calendar: its own or, for one without, the line's (T0864), never both (T0870)."""
    obligations = {ob.id: ob for ob in plan.obligations}
    obligation = obligations.get(penalty.obligation or "")
    if obligation is None:
        hint = did_you_mean(penalty.obligation or "", obligations) if obligations else None
        yield error(
            f"a penalty for obligation '{penalty.obligation}', which plan '{plan.id}' does not have", _at(penalty.obligation_pos, penalty.pos),
            hint or "a penalty for a late obligation names one of the plan's obligations, such as: obligation report 1 per month { … } "
            "and penalty obligation report 100 EUR per business day on CALENDAR",
            code="T0870",
        )
        return
    if penalty.calendar is not None and obligation.calendar is not None:
        yield error(
            f"obligation '{obligation.id}' is counted on its own calendar '{obligation.calendar}'", penalty.calendar_pos,
            f"the business hours or days of its delay are of '{obligation.calendar}': remove 'on {penalty.calendar}'",
            code="T0870",
        )
    elif penalty.calendar is not None and not penalty.business:
        yield error(
            f"a calendar for a penalty per {penalty.per}, counted in real time", penalty.calendar_pos,
            f"a calendar counts business hours or days: per business {penalty.unit if penalty.unit != 'occurrence' else 'day'}, "
            f"or remove 'on {penalty.calendar}'",
            code="T0870",
        )
    elif penalty.business and penalty.unit in ("hour", "day") and penalty.calendar is None and obligation.calendar is None:
        what = "business days are the days a calendar is open" if penalty.unit == "day" else "business hours are a calendar's open hours"
        yield error(
            f"a penalty per business {penalty.unit} for obligation '{obligation.id}', which runs on no calendar", penalty.per_pos,
            f"{what}: name it after the unit, such as: per {penalty.per} on CALENDAR (or count real {penalty.unit}s)",
            code="T0864",
        )


# --- tiers, sources and editorial voice (issue 8) ------------------------------------------------


def check_no_support(plan: Plan) -> Iterator[Diagnostic]:
    """A tier that offers no support cannot promise a time (`none` targets say the same thing twice)."""
    if not plan.no_support:
        return
    for target in plan.targets:
        if target.guaranteed:
            yield error(
                f"plan '{plan.id}' offers no support but promises a {target.metric} time",
                target.pos,
                "remove 'no support', or the target (a tier with support but no promised time says: target ... none)",
                code="T0803",
            )


def check_applies_to(plans: tuple[Plan, ...]) -> Iterator[Diagnostic]:
    """Who else a plan's terms apply to is named by an id no plan and no other `applies to` uses."""
    plan_ids = {p.id for p in plans}
    seen: dict[str, Pos] = {}
    for plan in plans:
        for who in plan.applies_to:
            if who.id in plan_ids:
                yield error(
                    f"'applies to {who.id}' uses the id of plan '{who.id}'",
                    who.pos,
                    "the rule set answers for it as a plan of its own: give the group another id, such as 'trial'",
                    code="T0317",
                )
            elif who.id in seen:
                yield error(f"'applies to {who.id}' is given twice", who.pos, f"first given at line {seen[who.id].line}", code="T0318")
            else:
                seen[who.id] = who.pos


def check_recommended(plans: tuple[Plan, ...]) -> Iterator[Diagnostic]:
    """At most one tier is recommended: a page that highlights two recommends neither."""
    flagged = [p for p in plans if p.recommended]
    for plan in flagged[1:]:
        yield warning(
            f"plan '{plan.id}' is recommended as well as plan '{flagged[0].id}'",
            plan.pos,
            "keep 'recommended' in one plan; the page highlights each one it is in",
            code="T0319",
        )


def check_source(source: Source) -> Iterator[Diagnostic]:
    """A source's address is a web link a reader can open."""
    if source.url is not None and not source.url.lower().startswith(("https://", "http://")):
        yield error(f"the source's address '{source.url}' is not a web link", source.url_pos, 'write it as "https://..."', code="T0701")
    if isinstance(source.published, int) and not 1900 <= source.published <= 2999:
        yield error(
            f"'{source.published}' is not a year", source.published_pos, "write a four-digit year such as 2015, or a date: 2015-10-01", code="T0702"
        )
    if isinstance(source.published, date) and source.read is not None and source.published > source.read:
        yield error(
            "the source is read before it was published", source.published_pos, "check both dates: read comes after published", code="T0703"
        )


# --- one vendor -------------------------------------------------------------------------------


def check_vendor(
    decl: VendorDecl, vendor: Vendor, shared_calendars: set[str], shared_schemes: set[str], settings: Settings = DEFAULT_SETTINGS
) -> Iterator[Diagnostic]:
    """All the checks of one vendor block and the vendor resolved from it."""
    calendars = shared_calendars | {c.id for c in decl.calendars}
    yield from check_vendor_header(decl, settings)
    yield from check_vendor_id_reserved(decl, settings)
    yield from check_vendor_ids(decl)
    yield from check_scheme_choice(decl, shared_schemes | {s.id for s in decl.schemes})
    for calendar in decl.calendars:
        yield from check_calendar(calendar)
    for scheme in decl.schemes:
        yield from check_scheme(scheme)
    groups = {g.id for g in decl.contact_groups}
    for contact in decl.contacts:
        yield from check_contact(contact, calendars, groups, decl.language.name if decl.language else None)
    for feature in decl.features:
        yield from check_feature(feature, vendor)
    yield from check_feature_grouping(vendor)
    for metric in decl.metrics:
        yield from check_metric_text(metric)
    yield from check_extends(decl.plans)
    yield from check_dated_versions_of_inherited(decl.plans, vendor)
    yield from check_dropped(decl.plans, vendor)
    yield from check_applies_to(decl.plans)
    yield from check_recommended(decl.plans)
    for source in decl.sources:
        yield from check_source(source)
    features = {f.id for f in decl.features}
    for plan in decl.plans:
        yield from check_plan_as_written(plan, features)
    written = {p.id: p for p in decl.plans}
    for plan in vendor.plans:
        yield from check_plan_references(plan, vendor, calendars)
        own = written.get(plan.id)
        if own is not None and own.penalties:  # inherited penalties are judged in the plan that wrote them
            yield from check_penalty_targets(plan, vendor)
    yield from check_channel_names(vendor)
    yield from check_translations(vendor, settings)


# --- issue 10: the horizon and effective-dated targets ------------------------------------------

HORIZON_YEARS = (1900, 2200)
"""The years a horizon may name (those a rules file may hold: docs/rules.md §1)."""

HORIZON_LONGEST = 20
"""The most years one horizon may span: every calendar is expanded day by day over it."""


def check_horizons(files: Sequence[FileDecl]) -> Iterator[Diagnostic]:
    """A project states its horizon at most once, as FIRST-LAST with FIRST <= LAST, of a sensible length."""
    first_seen: Pos | None = None
    for file in files:
        for horizon in file.horizons:
            if first_seen is not None:
                yield error(
                    "the horizon is declared twice",
                    horizon.pos,
                    f"a project has one horizon; the first is at {first_seen.file}:{first_seen.line}",
                    code="T0806",
                )
                continue
            first_seen = horizon.pos
            lo, hi = HORIZON_YEARS
            if not (lo <= horizon.first <= hi and lo <= horizon.last <= hi) or horizon.first > horizon.last:
                yield error(
                    f"the horizon {horizon.first}-{horizon.last} is not a span of years",
                    horizon.pos,
                    f"write the first and the last year covered, first <= last, between {lo} and {hi}, such as: horizon 2026-2028",
                    code="T0807",
                )
            elif horizon.last - horizon.first + 1 > HORIZON_LONGEST:
                yield error(
                    f"the horizon {horizon.first}-{horizon.last} spans more than {HORIZON_LONGEST} years",
                    horizon.pos,
                    "export the years tickets will be reported in; renew the rules later with a newer horizon",
                    code="T0807",
                )


def _amount_text(target: Target) -> str:
    """A target's time as a plan file writes it: 4h 30min, 2 business days, end of 1 business day."""
    if target.days is not None:
        days = f"{target.days} business day{'s' if target.days != 1 else ''}"
        return f"end of {days}" if target.day_end else days
    hours, minutes = divmod(target.minutes or 0, 60)
    return " ".join(part for part in (f"{hours}h" if hours else "", f"{minutes}min" if minutes else "") if part)


def _comparable(a: Target, b: Target) -> bool:
    """Whether two guaranteed targets' times compare: the same calendar, both in hours or both in the same kind of business days."""
    if not (a.guaranteed and b.guaranteed) or a.calendar != b.calendar:
        return False
    if a.minutes is not None and b.minutes is not None:
        return True
    return a.days is not None and b.days is not None and a.day_end == b.day_end


def _amount(target: Target) -> int:
    return target.minutes if target.minutes is not None else target.days or 0


def _target_name(target: Target) -> str:
    """A target as other diagnostics name it: 'resolution P1', 'workaround all for escalated'."""
    return f"{target.metric} {target.priority or 'all'}" + (f" for {target.case}" if target.case else "")


def check_workaround_order(targets: Sequence[Target]) -> Iterator[Diagnostic]:
    """A workaround promised later than the resolution, or sooner than the first response, of its priority is probably a mistake.

    Compared only within one plan block as written, for the same priority (or `all`), kind of case and
    version date, and only when both times are counted alike (the same calendar, both in hours or both
    in business days); anything else would need a ticket's dates to compare.
    """
    def partner(workaround: Target, metric: str) -> Target | None:
        same = [t for t in targets if t.metric == metric and t.case == workaround.case and t.valid_from == workaround.valid_from]
        return next((t for t in same if t.priority == workaround.priority), None) or next((t for t in same if t.priority is None), None)

    for target in targets:
        if target.metric != "workaround" or not target.guaranteed:
            continue
        at = target.minutes_pos if target.minutes_pos.line else target.pos
        resolution = partner(target, "resolution")
        if resolution is not None and _comparable(target, resolution) and _amount(target) > _amount(resolution):
            yield warning(
                f"target '{_target_name(target)}' ({_amount_text(target)}) is longer than target "
                f"'{_target_name(resolution)}' ({_amount_text(resolution)})",
                at,
                f"a workaround comes before the resolution; check both (the resolution is at line {resolution.pos.line})",
                code="T0814",
            )
        response = partner(target, "first-response")
        if response is not None and _comparable(target, response) and _amount(target) < _amount(response):
            yield warning(
                f"target '{_target_name(target)}' ({_amount_text(target)}) is shorter than target "
                f"'{_target_name(response)}' ({_amount_text(response)})",
                at,
                f"a workaround comes after the first response; check both (the response is at line {response.pos.line})",
                code="T0814",
            )


def check_target_versions(targets: Sequence[Target]) -> Iterator[Diagnostic]:
    """Versions of one target (same metric, priority and case) come in date order, each from its own date."""
    previous: dict[tuple[str, str | None, str | None], Target] = {}
    for target in targets:
        key = (target.metric, target.priority, target.case)
        before = previous.get(key)
        previous[key] = target
        if before is None or (before.valid_from is None and target.valid_from is None):
            continue  # a first version; two without a date are one target given twice (T0301)
        what = f"{target.metric} {target.priority or 'all'}" + (f" for {target.case}" if target.case else "")
        if target.valid_from is None:
            yield error(
                f"the versions of target '{what}' are not in date order: the one without a date must come first",
                target.pos,
                f"move it before the version from {before.valid_from} at line {before.pos.line}",
                code="T0809",
            )
        elif before.valid_from == target.valid_from:
            yield error(
                f"two versions of target '{what}' apply from {target.valid_from}",
                target.valid_from_pos,
                f"the other is at line {before.pos.line}; give each version its own date, or remove one",
                code="T0808",
            )
        elif before.valid_from is not None and before.valid_from > target.valid_from:
            yield error(
                f"the versions of target '{what}' are not in date order: {target.valid_from} is written after {before.valid_from}",
                target.valid_from_pos,
                f"write the version from {target.valid_from} before the one at line {before.pos.line}",
                code="T0809",
            )


def check_dated_versions_of_inherited(plans: Sequence[Plan], vendor: Vendor) -> Iterator[Diagnostic]:
    """A child that writes only dated versions of a target its parent has without a date (T0817, a warning).

    Any version replaces all of the parent's, so before the first date the child has no such target and
    falls back to its `all` target, if any: an author adding "from 1 January, 12 hours" to a tier usually
    means the parent's terms to hold until then."""
    resolved = {plan.id: plan for plan in vendor.plans}
    for plan in plans:
        parent = resolved.get(plan.extends) if plan.extends else None
        if parent is None:
            continue
        own: dict[tuple[str, str | None, str | None], list[Target]] = {}
        for target in plan.targets:
            own.setdefault((target.metric, target.priority, target.case), []).append(target)
        for key, versions in own.items():
            if any(v.valid_from is None for v in versions):
                continue
            undated = next((t for t in parent.targets if (t.metric, t.priority, t.case) == key and t.valid_from is None), None)
            if undated is None:
                continue
            first = min(versions, key=lambda v: v.valid_from or date.min)
            what = f"{key[0]} {key[1] or 'all'}" + (f" for {key[2]}" if key[2] else "")
            yield warning(
                f"target '{what}' of plan '{plan.id}' has no version before {first.valid_from}",
                first.valid_from_pos,
                f"a version written in '{plan.id}' replaces every one of '{parent.id}'; to keep the one of '{parent.id}' until then, "
                "write it again without a date, before this one",
                code="T0817",
            )


def check_dropped(plans: Sequence[Plan], vendor: Vendor) -> Iterator[Diagnostic]:
    """T0331: `no target …` and `no coverage …` (lang17) leave out something the plan inherits, once, and not something
    the plan also writes itself."""
    resolved = {plan.id: plan for plan in vendor.plans}
    for plan in plans:
        parent = resolved.get(plan.extends) if plan.extends else None
        if plan.extends is not None and parent is None:
            continue  # an unknown parent, or a circle: T0311, T0312
        written = {(t.metric, t.priority, t.case) for t in plan.targets}
        written_cov = {(None, c.priority, c.case) for c in plan.coverage}
        inherited: set[tuple[str | None, str | None, str | None]] = set()
        if parent is not None:
            inherited = {(t.metric, t.priority, t.case) for t in parent.targets} | {(None, c.priority, c.case) for c in parent.coverage}
        seen: dict[tuple[str | None, ...], Pos] = {}
        for dropped in plan.dropped:
            key = dropped.key()
            what = dropped.written()
            if (dropped.kind, *key) in seen:
                yield error(
                    f"plan '{plan.id}' leaves out {what} twice", dropped.pos,
                    f"first at line {seen[(dropped.kind, *key)].line}; remove this line", code="T0331",
                )
                continue
            seen[(dropped.kind, *key)] = dropped.pos
            if parent is None:
                yield error(
                    f"plan '{plan.id}' extends no plan, so it inherits no {what} to leave out", dropped.pos,
                    "'no target' and 'no coverage' are for a plan that extends another (plan gold extends silver { … }); "
                    "a plan's own line is removed by deleting it",
                    code="T0331",
                )
            elif key in (written if dropped.kind == "target" else written_cov):
                yield error(
                    f"plan '{plan.id}' both leaves out and writes {what}", dropped.pos,
                    f"its own '{what.partition(' for ')[0]} …' line already replaces the inherited one: remove the 'no {dropped.kind}' line",
                    code="T0331",
                )
            elif key not in inherited:
                kind_inherited = sorted(
                    Dropped(dropped.kind, metric, priority, case).written()
                    for metric, priority, case in inherited if (metric is None) == (dropped.kind == "coverage")
                )
                hint = did_you_mean(what, kind_inherited) or (
                    f"'{parent.id}' has no {dropped.kind} to leave out" if not kind_inherited
                    else f"it inherits from '{parent.id}': " + ", ".join(kind_inherited[:6]) + (", …" if len(kind_inherited) > 6 else "")
                )
                yield error(f"plan '{plan.id}' inherits no {what} from '{parent.id}'", dropped.pos, hint, code="T0331")


# --- prices that change on a date ----------------------------------------------------------------
# A segment's prices from one date replace all of its earlier prices: the ones without a date come
# first, then each date's in date order (several prices of one date are allowed, in other currencies
# or units, as without a date), and two prices of one date for the same thing would both be in force.


def _price_what(price: Price) -> str:
    """What a price is a price of, for a message: "in SEK per user per year", "as a share of licence"."""
    per = "".join(f" per {word}" for word in (price.unit, price.period) if word)
    if price.pack is not None:
        per = f" for {price.pack} {price.pack_unit}{per}"
    if price.kind == "amount":
        return f"in {price.currency}{per}"
    if price.kind == "percent":
        return f"as a share of {price.basis}{per}"
    if price.kind == "included":
        return "included" + (f" in {price.basis}" if price.basis else "")
    return "without an amount (free, on request, contact sales or not offered)"


def check_price_versions(plan_id: str, prices: Sequence[Price]) -> Iterator[Diagnostic]:
    """A plan's prices per segment come in date order, and no two of one date are prices of the same thing."""
    latest: dict[str | None, Price] = {}
    seen: dict[tuple[str | None, date, str], Price] = {}
    for price in prices:
        whose = f"the prices of plan '{plan_id}'" + (f" for segment '{price.segment}'" if price.segment else "")
        before = latest.get(price.segment)
        if before is None or before.valid_from is None or (price.valid_from is not None and price.valid_from >= before.valid_from):
            latest[price.segment] = price
        elif price.valid_from is None:
            yield error(
                f"{whose} are not in date order: the ones without a date must come first",
                price.pos,
                f"move this price before the price from {before.valid_from} at line {before.pos.line}",
                code="T0821",
            )
        else:
            yield error(
                f"{whose} are not in date order: {price.valid_from} is written after {before.valid_from}",
                price.valid_from_pos,
                f"write the prices from {price.valid_from} before the price from {before.valid_from} at line {before.pos.line}",
                code="T0821",
            )
        if price.valid_from is None:
            continue
        key = (price.segment, price.valid_from, _price_what(price))
        other = seen.setdefault(key, price)
        if other is not price:
            yield error(
                f"plan '{plan_id}' has two prices" + (f" for segment '{price.segment}'" if price.segment else "")
                + f" {_price_what(price)} from {price.valid_from}",
                price.pos,
                f"the other is at line {other.pos.line}; keep the one that applies from {price.valid_from}, or give it its own date",
                code="T0820",
            )


# --- the horizon within the years the holidays package knows ----------------
# Outside a country's start_year..end_year the holidays package returns no holidays at all, so the
# export refuses such a span (dsl/rules/export.py). Judged here too, where the horizon is written, so
# that `check` says what `rules` and `build` would stop on, at the plan line that closes on holidays.


def holiday_years(country: str) -> range | None:
    """The years the holidays package knows `country`'s holidays for (kept in the user's cache); None when unknown."""

    def ask() -> tuple[int, int] | None:
        import holidays  # on first use only: the answer is kept for every later run

        try:
            table = holidays.country_holidays(country)
        except (NotImplementedError, ValueError, KeyError):
            return None  # an unknown country is T0502's to report
        return int(table.start_year), int(table.end_year)

    span = kept_for_user("holiday-years", key_of("holiday-years/1", datasets.holidays_version(), country), ask)
    return range(span[0], span[1] + 1) if isinstance(span, tuple) else None


def project_horizon(files: Sequence[FileDecl], context: Sequence[FileDecl] = ()) -> Horizon | None:
    """The project's horizon: the first one its files declare (as the loader takes it), or None."""
    return next((h for f in (*files, *context) for h in f.horizons), None)


def _calendars_of(files: Sequence[FileDecl], vendors: Iterable[tuple[VendorDecl, Vendor]]) -> list[Calendar]:
    """The top-level calendars of `files`, then those of the resolved `vendors`."""
    return [c for f in files for c in f.calendars] + [c for _, v in vendors for c in v.calendars]


def check_holidays_within(horizon: Horizon | None, calendars: Iterable[Calendar]) -> Iterator[Diagnostic]:
    """T0813 for each country of `calendars` whose holiday data does not cover every year of `horizon`."""
    if horizon is None:
        return
    if not (HORIZON_YEARS[0] <= horizon.first <= horizon.last <= HORIZON_YEARS[1]):
        return  # T0807 says what is wrong with it
    for calendar in calendars:
        places = [(s.country, s.pos) for s in calendar.holidays]
        places += calendar.customer_countries()  # each at its own place in the list, as T0515 and T0502 point
        for country, pos in places:
            known = holiday_years(country)
            if known is None or (horizon.first in known and horizon.last in known):
                continue
            yield error(
                f"the holidays package knows the holidays of {country} only for {known[0]}–{known[-1]}, "
                f"not all of the horizon {horizon.first}–{horizon.last}",
                pos,
                f"choose a horizon within {known[0]}–{known[-1]} (at {horizon.pos.file}:{horizon.pos.line}), "
                "or take the holidays of this calendar off",
                code="T0813",
            )


# --- contract terms -------------------------------------------------------------------

_CONTRACT_PARTS: dict[str, str] = {
    "minimum": "write the minimum term, such as: contract 12 months (with no minimum term: contract none)",
    "renewal": "write how long each renewal runs, such as: renews 12 months (or leave out 'renews')",
    "notice": "write the notice, such as: notice 3 months (when it ends without notice: notice none)",
}
"""The hint for a length in each part of a contract line that is not at least 1."""


def check_contract(terms: ContractTerms) -> Iterator[Diagnostic]:
    """Each length of a contract line is at least 1 of a known period; renewal needs a term; the notice fits the term."""
    for part, length in (("minimum", terms.minimum), ("renewal", terms.renewal), ("notice", terms.notice)):
        if length is None:
            continue
        yield from check_word("unit of time", length.unit, PERIOD_WORDS, length.unit_pos)
        if length.count < 1:
            yield error(
                f"a contract length of {length.count} {length.unit}: a length in a contract is at least 1",
                length.pos,
                _CONTRACT_PARTS[part],
                code="T0840",
            )
    if terms.minimum is None and terms.renewal is not None:
        yield error(
            "a contract with no minimum term has nothing to renew",
            terms.renewal.pos,
            "remove 'renews ...' (such a contract runs until it is ended), or give the term: contract 1 month renews 1 month",
            code="T0841",
        )
    yield from _check_open_ended(terms)
    if terms.minimum is not None and terms.notice is not None and _longer(terms.notice, terms.minimum):
        yield warning(
            f"the notice ({terms.notice.count} {terms.notice.unit}) is longer than the minimum term "
            f"({terms.minimum.count} {terms.minimum.unit})",
            terms.notice.pos,
            "is a unit wrong (3 days, not 3 months)? If the offer says so, keep it",
            code="T0842",
        )


def _check_open_ended(terms: ContractTerms) -> Iterator[Diagnostic]:
    """`then open-ended` is that word, after a minimum term, instead of a renewal (T0843-T0845)."""
    if terms.then_word is None:
        return
    if terms.then_word != OPEN_ENDED:
        close = did_you_mean(terms.then_word, (OPEN_ENDED,))
        yield error(
            f"unknown word '{terms.then_word}' after 'then'", terms.then_pos,
            (close + " " if close and close.startswith("did you mean") else "")
            + "a contract that runs on until further notice after its minimum term is written: "
            "contract 12 months then open-ended notice 3 months",
            code="T0843",
        )
    if terms.minimum is None:
        yield error(
            "a contract with no minimum term has no 'then'", terms.then_pos,
            "a contract with no minimum term runs until it is ended already: contract none notice 3 months",
            code="T0844",
        )
    if terms.renewal is not None:
        yield error(
            "a contract that renews for a term does not also run on open-ended", terms.then_pos,
            "keep what the offer says: 'renews 12 months' (it runs on for 12 months at a time) or 'then open-ended' "
            "(it runs on with no term until notice is given)",
            code="T0845",
        )


_MONTHS: dict[str, int] = {"month": 1, "quarter": 3, "year": 12}
"""Periods counted in whole months: compared with each other exactly."""

_DAYS: dict[str, tuple[int, int]] = {"day": (1, 1), "week": (7, 7), "month": (28, 31), "quarter": (89, 92), "year": (365, 366)}
"""The fewest and most days each period spans, for comparing days and weeks with months."""


def _longer(first: ContractLength, second: ContractLength) -> bool:
    """Whether `first` is longer than `second` whatever the calendar: 13 months > 1 year, 32 days > 1 month, not 31 days."""
    a, b = first.period, second.period
    if a is None or b is None or first.count < 1 or second.count < 1:
        return False  # a length already reported wrong is not compared
    if a in _MONTHS and b in _MONTHS:
        return first.count * _MONTHS[a] > second.count * _MONTHS[b]
    return first.count * _DAYS[a][0] > second.count * _DAYS[b][1]

# --- channels named twice, and priorities read as channels -----------


def _unknown_channel_hint(channel: str, contacts: set[str], levels: set[str]) -> str | None:
    """The hint for an unknown channel; a priority level there is a `for P1, P2` that needed `and`."""
    if channel in levels:
        return f"'{channel}' is a priority: join a channel's priorities with 'and', as in: channels phone for P1 and {channel}, email"
    close = did_you_mean(channel, contacts)
    if close is not None:
        return close
    # No contact near it (often none at all): a channel is a contact of the vendor's, declared with its number or address.
    values = {
        "phone": ' "+46 8 123 456 78"', "sms": ' "+46 70 123 45 67"', "fax": ' "+46 8 123 456 79"', "email": ' "support@example.com"',
        "account-manager": "", "address": ' "Storgatan 1, Malmö"',
    }
    guesses = (
        ("sms", ("sms",)), ("phone", ("phone", "hotline", "tel", "call")), ("email", ("mail",)), ("chat", ("chat",)),
        ("portal", ("portal", "desk", "ticket")),
    )
    kind = channel if channel in CONTACT_KINDS else next((k for k, words in guesses if any(w in channel.lower() for w in words)), "web")
    value = values.get(kind, ' "https://example.com/support"')
    written = f"contact {kind}{value}" + (f" as {channel}" if kind != channel else "")
    declared = f" (the vendor declares {', '.join(sorted(contacts))})" if contacts else ""
    return f"a channel is one of the vendor's contacts: declare it in the vendor block, as in: {written}{declared}"


def check_channel_names(vendor: Vendor) -> Iterator[Diagnostic]:
    """Every channel a plan lists is a contact, reported once where written (a child inherits its parent's list)."""
    contacts = {c.id for c in vendor.contacts}
    levels = {lv.id for lv in vendor.priorities.levels} if vendor.priorities else set()
    reported: set[tuple[str, Pos]] = set()
    for plan in vendor.plans:
        where = plan.channels_pos if len(plan.channels_pos) == len(plan.channels) else (plan.pos,) * len(plan.channels)
        for channel, at in zip(plan.channels, where, strict=True):
            if channel in contacts or (channel, at) in reported:
                continue
            reported.add((channel, at))
            yield error(f"plan '{plan.id}' names an unknown channel '{channel}'", at, _unknown_channel_hint(channel, contacts, levels), code="T0315")


def check_channels_once(plan: Plan) -> Iterator[Diagnostic]:
    """A plan names each channel once: a second mention (other hours, other priorities) would be lost."""
    where = plan.channels_pos if len(plan.channels_pos) == len(plan.channels) else (plan.pos,) * len(plan.channels)
    first: dict[str, Pos] = {}
    for channel, at in zip(plan.channels, where, strict=True):
        if channel not in first:
            first[channel] = at
            continue
        yield error(
            f"plan '{plan.id}' names the channel '{channel}' twice",
            at,
            f"list it once (first at line {first[channel].line}); for other hours on some priorities, "
            "declare a second contact with 'as ID'",
            code="T0330",
        )


# --- a zone without summer time where one with it is meant ----------


def check_fixed_offset_zone(calendar: Calendar) -> Iterator[Diagnostic]:
    """`zone EST` (or Etc/GMT+5) is a fixed offset all year: a warning, since a place's zone is nearly always meant."""
    from dsl.language.vocabulary import FIXED_OFFSET_ZONES  # here, not on the long shared import line

    zone = calendar.zone or ""
    meant = FIXED_OFFSET_ZONES.get(zone)
    if meant is None and not (zone.startswith(("Etc/GMT+", "Etc/GMT-")) and zone[8:].isdigit()):
        return
    where = calendar.zone_pos if calendar.zone_pos.line else calendar.pos
    place = f"such as {meant}" if meant else "such as Europe/Berlin or America/New_York"
    yield warning(
        f"'{zone}' keeps the same offset from UTC all year, with no summer time",
        where,
        f"for the hours of a place, name its zone, {place}",
        code="T0520",
    )


# --- an offer written in a language the site does not publish -------


def _vendor_language_hint(code: str, settings: Settings) -> str:
    """A vendor's `language` is the one its texts are written in here, which for a German offer is not German."""
    from dsl.language.vocabulary import support_language_codes  # CLDR only on this error's path

    close = one_of(code, settings.languages)
    if close.startswith("did you mean") or code not in support_language_codes():
        return _language_hint(code, settings)
    return (
        f"{close}: the language this file's texts are written in (a German offer written here in English is "
        f"'language en'); to publish pages in '{code}', add it to {settings.where}"
    )


# --- a subdivision the author cannot guess the code of ---------------

SUBDIVISIONS_SHOWN = 20
"""At most this many subdivisions are listed in a hint (the US has 57)."""


def _subdivision_hint(country: str, written: str, subdivisions: Sequence[str]) -> str | None:
    """A did-you-mean, else the codes with their names ("BY (Bayern)"): 'BAV' is near no code."""
    if not subdivisions:
        return f"the holidays package has no subdivisions of {country}: write closed holidays {country}"
    close = did_you_mean(written, subdivisions)
    if close is not None and close.startswith("did you mean"):
        return close
    # A place written by its name ("Milano", "Bavaria"): the code the package files it under, found by that name.
    facts = datasets.holiday_facts(country)
    for name, code in facts.subdivision_aliases if facts is not None else ():
        if name.casefold() == written.casefold() and code in subdivisions:
            return f"write its code: closed holidays {country} {code} ({name})"
    named = [f"{code} ({datasets.subdivision_name(country, code)})" if datasets.subdivision_name(country, code) != code else code
             for code in sorted(subdivisions)]
    more = len(named) - SUBDIVISIONS_SHOWN
    return f"{country}'s subdivisions: {', '.join(named[:SUBDIVISIONS_SHOWN])}" + (f" and {more} more" if more > 0 else "")


# --- a yearly day's hours that open a weekend -----------------------

FALLBACK_HORIZON = (2026, 2028)
"""The years judged without a `horizon` line: those the rules then cover (dsl.rules.export.FALLBACK_YEARS)."""


def _open_weekdays(calendar: Calendar) -> set[int]:
    """The weekdays (0 = Monday) on which the week gives some open time."""
    days: set[int] = set()
    for interval in calendar.weekly:
        day = interval.start_day
        while day != interval.end_day:  # an interval across midnight opens every day it passes
            days.add(day)
            day = (day + 1) % 7
        if interval.end > 0:  # `open fri 22:00 - sat 00:00` gives Saturday nothing
            days.add(interval.end_day)
    return days


def check_yearly_hours_on_closed_days(horizon: Horizon | None, calendars: Iterable[Calendar]) -> Iterator[Diagnostic]:
    """`hours yearly 12-24 08:00-12:00` opens 24 December on a Sunday too: a warning, since "a half day on
    Christmas Eve" nearly always means when it is a working day (a Saturday report was due on Sunday)."""
    first, last = (horizon.first, horizon.last) if horizon is not None else FALLBACK_HORIZON
    if not (HORIZON_YEARS[0] <= first <= last <= HORIZON_YEARS[1]):
        return  # T0807 says what is wrong with the horizon
    for calendar in calendars:
        if calendar.always_open:
            continue
        open_days = _open_weekdays(calendar)
        own_dates = {d.day for d in calendar.dates}
        for yearly in calendar.yearly:
            if not yearly.hours or yearly.working_days_only:
                continue
            closed = [d for d in yearly.days(range(first, last + 1)) if d.weekday() not in open_days and d not in own_dates]
            if not closed:
                continue
            day = closed[0]
            yield warning(
                f"these hours also open {day:%A} {day.day} {day:%B} {day.year}, a day the week keeps closed",
                yearly.pos,
                "for working days only, end the line with 'on working days'",
                code="T0521",
            )
        # `hours monthly day 25 …` without `on working days` or `or the working day before|after` (lang14): the same.
        for monthly in calendar.monthly:
            if monthly.edge != "day" or monthly.when or not 1 <= monthly.count <= LAST_DAY_EVERY_MONTH_HAS:
                continue
            days = (date(year, month, monthly.count) for year in range(first, last + 1) for month in range(1, 13))
            closed_day = next((d for d in days if d.weekday() not in open_days and d not in own_dates), None)
            if closed_day is not None:
                yield warning(
                    f"these hours also open {closed_day:%A} {closed_day.day} {closed_day:%B} {closed_day.year}, a day the "
                    "week keeps closed",
                    monthly.pos,
                    "for working days only, end the line with 'on working days'; a pay day that moves to the working day "
                    "before: 'or the working day before'; a deadline that moves to the next one: 'or the working day after'",
                    code="T0521",
                )


# --- the holidays an eve comes before ------------------------------

EVE_NAMES_SHOWN = 12
"""At most this many of a calendar's holidays are listed in a hint."""


def check_eve_holidays(horizon: Horizon | None, calendars: Iterable[Calendar]) -> Iterator[Diagnostic]:
    """T0522: each holiday `eve ... before` names is one the calendar closes in some year of the horizon, named once;
    T0523: each holiday `closed holidays … except` names is one of its line's, named once."""
    first, last = (horizon.first, horizon.last) if horizon is not None else FALLBACK_HORIZON
    if not (HORIZON_YEARS[0] <= first <= last <= HORIZON_YEARS[1]):
        return  # T0807 says what is wrong with the horizon
    known = datasets.holiday_countries()
    for calendar in calendars:
        for source in calendar.holidays:
            if source.kept_open and source.country in known:
                yield from _kept_open_problems(source, range(first, last + 1))
        if not calendar.eve_before or not calendar.holidays or any(h.country not in known for h in calendar.holidays):
            continue  # no holidays: T0504; an unknown country: T0502
        lines = [(h.country, h.subdivision, tuple(h.categories)) for h in calendar.holidays]
        where = " and ".join(f"{h.country}{' ' + h.subdivision if h.subdivision else ''}" for h in calendar.holidays)
        yield from _holiday_name_problems(
            calendar.eve_before, calendar.eve_before_pos, lines, calendar.holidays[0], range(first, last + 1), "T0522",
            lambda name, years: f"no holiday this calendar closes in {years[0]}–{years[-1]} is called '{name}'", f"the holidays of {where}",
        )


def _kept_open_problems(source: HolidaySource, years: range) -> Iterator[Diagnostic]:
    """T0523: the names after `except` on one `closed holidays` line, each a holiday of that line in `years`, each once."""
    where = f"{source.country}{' ' + source.subdivision if source.subdivision else ''}"
    line, verb = (f"hours holidays {where}", "opens") if source.hours else (f"closed holidays {where}", "closes")
    yield from _holiday_name_problems(
        source.kept_open, source.kept_open_pos, [(source.country, source.subdivision, tuple(source.categories))], source, years, "T0523",
        lambda name, years: f"'{line}' {verb} no holiday called '{name}' in {years[0]}–{years[-1]}", "its holidays",
    )


def _holiday_name_problems(
    names: Sequence[str], places: Sequence[Pos], lines: list[tuple[str, str | None, tuple[str, ...]]], source: HolidaySource,
    years: range, code: str, message: Callable[[str, range], str], listed: str,
) -> Iterator[Diagnostic]:
    """Each of `names` a holiday the `lines` close in some of `years`, named once: else `code`, with a did-you-mean or the
    holidays they close (`listed`: whose), and the `tierwise holidays` command of `source` that lists them."""
    try:
        named = datasets.days_named(lines, names, years)
    except (ValueError, NotImplementedError, KeyError):
        return  # a subdivision or kind the package refuses: T0503, T0517
    seen: dict[str, Pos] = {}
    for name, pos in zip(names, places, strict=False):
        plain = datasets.plain_holiday_name(name)
        if plain in seen:
            yield error(f"the holiday '{name}' is named twice", pos, f"name each holiday once (first at line {seen[plain].line})", code=code)
            continue
        seen[plain] = pos
        if named[name]:
            continue
        english = datasets.english_names(lines, years)
        own = datasets.own_names(lines, years)
        close = _holiday_name_hint(name, english, own)
        shown = ", ".join(english[:EVE_NAMES_SHOWN]) + (", ..." if len(english) > EVE_NAMES_SHOWN else "")
        kinds = [k.replace("_", "-") for k in source.categories if k != "public"]
        command = f"tierwise holidays {source.country}{' ' + source.subdivision if source.subdivision else ''} --year {years[0]}" + (
            f" --including {','.join(kinds)}" if kinds else "")
        # An eve names the holiday after the short day (outside17: "Sylwester", 31 December, is no holiday; New Year's Day is).
        after = "; an eve names the holiday after the short day: 31 December is the eve of \"New Year's Day\"" if code == "T0522" else ""
        yield error(
            message(name, years), pos,
            close if close is not None else f"{listed}: {shown} ({command} lists them, with their own names){after}",
            code=code,
        )


def _holiday_name_hint(name: str, english: list[str], own: list[str]) -> str | None:
    """A did-you-mean for a holiday's name: the names (English or the country's own) that hold every word written, when there
    are one to three (an author's "Wigilia" for "Wigilia Bożego Narodzenia", "Boże Narodzenie" for either day of
    Christmas), else the closest name, else None."""
    words = datasets.plain_holiday_name(name).split()
    holding = [n for n in dict.fromkeys([*english, *own]) if words and all(w in datasets.plain_holiday_name(n).split() for w in words)]
    if 1 <= len(holding) <= 3:
        quoted = [f"'{n}'" for n in holding]
        return "did you mean " + (quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]) + "?"
    close = did_you_mean(name, [*english, *own])
    return close if close is not None and close.startswith("did you mean") else None


# --- a metric of the vendor's own -----------------------------------


def _metric_hint(written: str) -> str | None:
    """A did-you-mean; else that the metrics are fixed, and where a promise of another kind goes."""
    close = did_you_mean(written, METRICS)
    if close is not None and close.startswith("did you mean"):
        return close
    return (
        f"the metrics are {', '.join(METRICS)}; a promise of another kind (a replacement device within 2 days) "
        "is a feature cell or an obligation"
    )


def _coverage_name(coverage: Coverage) -> str:
    """'P1', 'all', 'all for escalated': what a coverage line is for."""
    said = coverage.priority or "all"
    return f"{said} for {coverage.case}" if coverage.case else said



# --- how vendors really write prices ---------------------------------------------------
# A price of 0 is what `free` says, a minimum quantity is counted in the price's own unit, and an add-on
# with several prices gives each a different thing (unit, period or currency).


def check_zero_price(price: Price, addon: bool = False) -> Iterator[Diagnostic]:
    """T0421 (a warning): an amount of 0, or a percentage's minimum of 0, is written as what it means."""
    if price.kind == "amount" and price.amount == 0:
        if addon:
            yield warning(
                f"an add-on at {price.amount} {price.currency}: an add-on is bought separately", price.pos,
                "a feature that costs nothing extra is included: write 'yes' (or a text such as "
                '{ en "On request, at no charge" ... }); an add-on whose price the vendor does not give is just \'add-on\'',
                code="T0421",
            )
        else:
            yield warning(
                f"a price of {price.amount} {price.currency}", price.pos,
                "write 'price free' ('price included in licence' when it comes with a licence or subscription): the page "
                f"says \"Free\" in every language and compares it before every amount, where 0 {price.currency} is shown as an "
                "amount and sorted among them",
                code="T0421",
            )
    if price.setup is not None and price.setup.amount == 0:
        yield warning(
            f"a set-up fee of {price.setup.amount} {price.setup.currency}", price.setup.pos,
            "leave out 'plus ...' when the vendor charges no set-up fee", code="T0421",
        )
    if price.floor is not None and price.floor.amount == 0:
        yield warning(
            f"a percentage with a minimum of {price.floor.amount} {price.floor.currency}" if price.kind == "percent"
            else f"a least amount of {price.floor.amount} {price.floor.currency}",
            price.pos, "every price is at least 0: leave out 'at least ...' when the vendor sets no least amount", code="T0421",
        )


def check_thousands_separator(price: Price) -> Iterator[Diagnostic]:
    """T0432 (a warning): an amount such as `18.000 EUR`, a thousands separator read as a decimal point."""
    amounts = [(price.amount, price.currency)] if price.kind == "amount" else []
    for part in (price.setup, price.floor, *price.parts):
        if part is not None:
            amounts.append((part.amount, part.currency))
    for amount, currency in amounts:
        # Three decimals after a whole number is how Italian, Polish and German offers write thousands ("18.000 €");
        # no support price is written to a tenth of a cent.
        if amount is not None and amount >= 1 and amount.as_tuple().exponent == -3:
            whole = int(amount * 1000)
            yield warning(
                f"'{amount} {currency}' is read as {amount.normalize():f} {currency}: the point is a decimal point", price.pos,
                f"an amount has no thousands separator: for {whole} {currency} write {whole}; for {amount.normalize():f} "
                f"{currency} write {amount.normalize():f}",
                code="T0432",
            )


def check_price_terms(price: Price) -> Iterator[Diagnostic]:
    """`minimum 10 users` counts the price's own unit, at least 1; `billed yearly` is a known interval; a minimum's period is known."""
    if price.billing is not None:
        yield from check_word("billing interval", price.billing, tuple(BILLING), price.billing_pos)
    if price.floor is not None:
        yield from check_word("period", price.floor.period, PERIODS, price.floor.period_pos)
        yield from check_amount_floor(price)
    yield from check_setup_fee(price)
    yield from check_parts(price)
    yield from check_pack(price)
    if price.minimum is None or price.minimum_unit is None:
        return
    written = price.minimum_unit
    unit = PRICE_UNIT_PLURALS.get(written, written)
    if len(written) == 3 and written.isalpha() and written.isupper():  # "minimum contract value £1,500": money, not a quantity
        yield error(f"a minimum of {price.minimum} {written}: a minimum is a number of what the price is per", price.minimum_pos,
                    MONEY_MINIMUM, code="T0423")
        return
    if unit not in PRICE_UNITS:
        money = f"{price.amount} {price.currency}" if price.amount is not None and price.currency else "1200 EUR"
        hint = _unit_hint(written, (*PRICE_UNITS, *PRICE_UNIT_PLURALS), price.period if price.period in PERIODS else None, money)
        if price.unit in PRICE_UNITS and f"'{price.unit}" not in hint:
            # outside17: `per workstation … minimum 10 licences`: the minimum counts the price's own unit, whatever the offer
            # calls it (a hint to the unit `licences` stands for would give another error, T0423).
            own = next((plural for plural, single in PRICE_UNIT_PLURALS.items() if single == price.unit), price.unit)
            hint = f"a minimum counts what the price is per: minimum {price.minimum} {own if price.minimum != 1 else price.unit}"
        yield error(f"unknown price unit '{written}'", price.minimum_pos, hint, code="T0401")
    elif price.unit != unit:
        per = f"the price is per {price.unit}" if price.unit else f"the price is not per {unit}"
        yield error(
            f"a minimum of {price.minimum} {written}, but {per}", price.minimum_pos,
            f"a minimum counts what the price is per: price 35 USD per {unit} per month minimum {price.minimum} {written}",
            code="T0423",
        )
    if price.minimum < 1:
        yield error(
            f"a minimum of {price.minimum} {written}: a minimum quantity is at least 1", price.minimum_pos,
            "leave out 'minimum ...' when the vendor sets no minimum", code="T0424",
        )


def check_pack(price: Price) -> Iterator[Diagnostic]:
    """`for 10 hours`: a pack of a unit of work, of at least 2 (one is a price per it), bought whole, not per user (T0429-T0431)."""
    if price.pack is None or price.pack_unit is None:
        return
    written, unit = price.pack_unit, price.pack_of or price.pack_unit
    if unit not in PACK_UNITS:
        words = (*PACK_UNITS, *(f"{u}s" for u in PACK_UNITS))
        hint = one_of(written, words)
        if written.lower() in ("h", "hr", "d"):  # `for 10h` read as 10 and 'h'
            hint = f"write the unit in full: for {price.pack} {'days' if written.lower() == 'd' else 'hours'}"
        elif unit in PRICE_UNITS:  # users, seats, devices: counted per each, not bought as a pack
            hint = f"a price for each {unit} is per {unit}: price {price.amount} {price.currency} per {unit}"
        yield error(f"unknown unit of a pack '{written}'", price.pack_pos, hint, code="T0401")
        return
    if price.pack < 1:
        yield error(
            f"a pack of {price.pack} {written}: a pack holds at least 1", price.pack_pos,
            f"write how many {unit}s the price buys, such as: price 650 EUR for 10 {unit}s", code="T0430",
        )
    elif price.pack == 1:
        yield warning(
            f"a pack of 1 {written} is a price per {unit}", price.pack_pos,
            f"write: price {price.amount} {price.currency} per {unit}; the page says it as a rate, and it compares with other rates",
            code="T0429",
        )
    if price.unit is not None:
        yield error(
            f"a price for {price.pack} {written} per {price.unit}", price.unit_pos,
            f"a pack is bought whole: price {price.amount} {price.currency} for {price.pack} {written}; "
            f"a price per {price.unit} is a price of its own",
            code="T0431",
        )


def check_setup_fee(price: Price) -> Iterator[Diagnostic]:
    """`plus 3000 EUR setup` says what it is, is paid once, in the price's currency, on top of a price that recurs (T0425-T0428)."""
    fee = price.setup
    if fee is None:
        return
    amount = f"{fee.amount} {fee.currency}"
    if price.setup_word is None:
        yield error(
            f"'plus {amount}' does not say what the amount is", price.setup_pos,
            f"a one-off set-up fee paid besides the price is written: plus {amount} setup; a part of the price paid per "
            f"something besides it: plus {amount} per server", code="T0425",
        )
    else:
        yield from check_word("fee", price.setup_word, FEES, price.setup_pos)
    per, per_pos = (fee.unit, fee.unit_pos) if fee.unit is not None else (fee.period, fee.period_pos)
    if per is not None:
        yield error(
            f"a set-up fee of {amount} per {per}: a set-up fee is paid once", per_pos,
            f"leave out the word '{price.setup_word}' for a part of the price paid per {per} besides it: plus {amount} per {per}"
            if fee.unit is not None else
            f"leave out 'per {per}'; an amount paid every {per} is a price of its own: price {amount} per {per}",
            code="T0426",
        )
    if fee.currency != price.currency:
        yield error(
            f"a set-up fee in {fee.currency} on a price in {price.currency}", fee.pos,
            f"write the fee in {price.currency}; a price in {fee.currency} is a price of its own, with its own fee", code="T0427",
        )
    if price.unit is None and price.period is None:
        yield warning(
            f"a set-up fee on a one-off price of {price.amount} {price.currency}", fee.pos,
            "both are paid once: add them up in the price, or give the price its period (price 1500 EUR per month plus 3000 EUR setup)",
            code="T0428",
        )


def check_parts(price: Price) -> Iterator[Diagnostic]:
    """`plus 350 SEK per server`: each part is per a known unit of its own, in the price's currency, per its period (T0433-T0435)."""
    units: dict[str | None, Price] = {}
    for part in price.parts:
        amount = f"{part.amount} {part.currency}"
        if part.unit is not None and part.unit not in PRICE_UNITS:
            yield error(f"unknown price unit '{part.unit}'", part.unit_pos, _unit_hint(part.unit, PRICE_UNITS, None, amount), code="T0401")
            continue
        if part.period is not None and part.period not in PERIODS:
            # A part is per something: a lone word that is no period is a unit gone wrong (`plus 350 SEK per sever`).
            word, at = part.period, part.period_pos
            if part.unit is None:
                yield error(f"unknown price unit '{word}'", at, _unit_hint(word, PRICE_UNITS, price.period, amount), code="T0401")
            else:
                yield error(f"unknown period '{word}'", at, _unit_hint(word, PERIODS, money=amount), code="T0401")
            continue
        if part.period is not None and part.period != price.period:
            # `price 9000 SEK per day` is a day rate (a day of work, a unit), not a price per day: said so, not "paid once".
            paid = f"per {price.period}" if price.period else f"per {price.unit} of work" if price.unit in ("day", "hour") else "once"
            yield error(
                f"a part of the price per {part.period} on a price paid {paid}", part.period_pos,
                "the parts of a price add up, so they are paid per the same period: leave out the part's period (it is the "
                f"price's), or write a price of its own: price {amount} per {part.unit or 'user'} per {part.period}",
                code="T0433",
            )
        if part.currency != price.currency:
            yield error(
                f"a part of the price in {part.currency} on a price in {price.currency}", part.pos,
                f"write the part in {price.currency}; a price in {part.currency} is a price of its own", code="T0434",
            )
        if part.amount == 0:
            yield warning(f"a part of the price of {amount}", part.pos, "leave out 'plus ...': it adds nothing", code="T0421")
        first = price if part.unit == price.unit else units.get(part.unit)
        if first is not None:
            what = f"per {part.unit}" if part.unit else "per no unit"
            yield error(
                f"two amounts of one price {what}", part.pos,
                f"add them up in one amount {what}; a part is per something else than the price and its other parts, "
                "such as: price 4900 SEK per month plus 350 SEK per server",
                code="T0435",
            )
        units.setdefault(part.unit, part)


def check_amount_floor(price: Price) -> Iterator[Diagnostic]:
    """`at least 1500 EUR per month` on an amount: the least a price per something comes to, in its currency (T0434, T0436)."""
    floor = price.floor
    if floor is None or price.kind != "amount":
        return
    if floor.currency != price.currency:
        yield error(
            f"at least {floor.amount} {floor.currency} on a price in {price.currency}", floor.pos,
            f"write the least amount in {price.currency}; a price in {floor.currency} is a price of its own", code="T0434",
        )
    if price.unit is None and all(part.unit is None for part in price.parts):
        yield error(
            f"at least {floor.amount} {floor.currency} on a price per no unit", floor.pos,
            f"a price of {price.amount} {price.currency} is that amount: 'at least' is the least a price per a unit comes to "
            f"(price 150 EUR per device per month at least 1500 EUR per month); a \"from\" price is: price from {price.amount} {price.currency}",
            code="T0436",
        )


def check_addon_prices(cell: Cell) -> Iterator[Diagnostic]:
    """T0422: an add-on's prices are prices of different things (another unit, period, currency or basis)."""
    seen: dict[str, Price] = {}
    for price in cell.prices:
        # Two shares of the same basis and period contradict each other just as two amounts do.
        if price.kind not in ("amount", "percent"):
            continue
        what = _price_what(price)
        other = seen.setdefault(what, price)
        if other is not price:
            yield error(
                f"add-on '{cell.feature}' has two prices {what}", price.pos,
                f"the other is at column {other.pos.column}; keep one, or give each its own unit or period "
                "(add-on 1200 SEK per hour, 9000 SEK per day)",
                code="T0422",
            )


# --- a technician on site (format 1.6): not before the first response -------------------------------


def check_onsite_order(targets: Sequence[Target]) -> Iterator[Diagnostic]:
    """A technician promised on site sooner than the first response of the same priority is probably a mistake (T0816).

    Compared like a workaround's order (T0814): within one plan block as written, for the same priority
    (or `all`), kind of case and version date, and only when both are counted alike (the same calendar,
    both in hours or both in the same kind of business days).
    """
    for target in targets:
        if target.metric != "on-site" or not target.guaranteed:
            continue
        same = [t for t in targets if t.metric == "first-response" and t.case == target.case and t.valid_from == target.valid_from]
        response = next((t for t in same if t.priority == target.priority), None) or next((t for t in same if t.priority is None), None)
        if response is not None and _comparable(target, response) and _amount(target) < _amount(response):
            yield warning(
                f"target '{_target_name(target)}' ({_amount_text(target)}) is shorter than target "
                f"'{_target_name(response)}' ({_amount_text(response)})",
                target.minutes_pos if target.minutes_pos.line else target.pos,
                f"a technician on site comes after the first response; check both (the response is at line {response.pos.line})",
                code="T0816",
            )
