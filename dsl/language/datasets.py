"""The outside data plans are judged against and the rules are expanded with: holiday and time-zone data.

The checks judge a subdivision or a zone name against them, the export expands calendars with them,
and every rule document names their versions (`data_versions`). One home for which data that is, so
that the build cache's keys of both (check findings, pages and rule files) hold the same versions.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from dsl.language.cache import kept_for_user, key_of, version


def holidays_version() -> str:
    """The installed version of the holidays package (read without importing it)."""
    return version("holidays")


def tz_data() -> tuple[str, str]:
    """Which zone data zoneinfo really reads, and where from: a system directory on TZPATH wins over the tzdata package."""
    for folder in zoneinfo.TZPATH:
        marker = Path(folder) / "tzdata.zi"
        try:
            with marker.open(encoding="utf-8") as handle:
                head = handle.readline()
        except OSError:
            continue
        if head.startswith("# version "):
            return head.removeprefix("# version ").strip(), f"system:{folder}"
    found = version("tzdata")
    return (found, "python:tzdata") if found != "unknown" else ("unknown", "unknown")


def data_versions() -> dict[str, str]:
    """The versions of the holiday and time-zone data the calendars are judged, expanded and evaluated with."""
    tz_version, tz_source = tz_data()
    return {"holidays": holidays_version(), "tzdata": tz_version, "tzdata_source": tz_source}


def subdivision_name(country: str, subdivision: str) -> str:
    """A subdivision's name as the holidays package knows it ("England" for GB ENG), else its code."""
    # The package names subdivisions in their own language only (Cataluña, England): a place name a
    # reader of any page language recognises, where a code (CT, ENG) says nothing.
    facts = holiday_facts(country)
    aliases = facts.subdivision_aliases if facts is not None else ()
    return next((name for name, code in aliases if code == subdivision), subdivision)


# What the checks and the pages ask of the holidays package about a country. Asking it imports every one
# of its ~250 country modules (0.1-0.2 s, a third of a first `check` of the five plans): the answers
# depend only on the package's version, so they are kept in the user's cache like the holiday dates.


class HolidayFacts(NamedTuple):
    """What the holidays package knows of one country besides its dates."""

    subdivisions: tuple[str, ...]
    categories: tuple[str, ...]
    """The kinds of holiday it has for the country ("public", "bank", ...), as the package names them."""
    subdivision_aliases: tuple[tuple[str, str], ...]
    """Each subdivision's name with its code: ("England", "ENG")."""


@cache
def holiday_countries() -> frozenset[str]:
    """The country codes (and aliases) the holidays package knows."""
    return frozenset(kept_for_user("holiday-countries", key_of(holidays_version()), _read_countries))


def _read_countries() -> tuple[str, ...]:
    from holidays.registry import EntityLoader

    return tuple(sorted(EntityLoader.get_country_codes(include_aliases=True)))


@cache
def holiday_facts(country: str) -> HolidayFacts | None:
    """The subdivisions and kinds of holiday of a country the holidays package knows (None for one it does not)."""
    if country not in holiday_countries():
        return None
    found = kept_for_user("holiday-facts", key_of(holidays_version(), country), lambda: _read_facts(country))
    return found if isinstance(found, HolidayFacts) else HolidayFacts(*found)


def holiday_subdivisions(country: str) -> tuple[str, ...]:
    """The subdivision codes of a country the holidays package knows (none for one it does not)."""
    facts = holiday_facts(country)
    return facts.subdivisions if facts is not None else ()


def _read_facts(country: str) -> HolidayFacts:
    import holidays

    calendar = holidays.country_holidays(country)
    return HolidayFacts(
        tuple(calendar.subdivisions),
        tuple(calendar.supported_categories),
        tuple((str(name), str(code)) for name, code in calendar.subdivisions_aliases.items()),
    )


# --- what a kind of holiday holds, for a hint ------------------------

EXAMPLE_YEAR = 2026
"""The year whose holidays name a kind in a hint: fixed, so a diagnostic never depends on the build's date."""


@cache
def holiday_kind_examples(country: str, subdivision: str | None, category: str, most: int = 3) -> tuple[str, ...]:
    """A few holidays of one kind (FI 'unofficial': Runeberg Day, ...), so an author sees what the kind means."""
    import holidays

    try:
        days = holidays.country_holidays(country, subdiv=subdivision, years=EXAMPLE_YEAR, categories=(category,))
    except (NotImplementedError, ValueError, KeyError):
        return ()
    names: list[str] = []
    for _, name in sorted(days.items()):
        for one in str(name).split("; "):
            if one not in names:
                names.append(one)
    # One more than shown, so the hint can say whether there are more.
    return tuple(names[: most + 1])



# --- what a `closed holidays` line closes, for `tierwise holidays` (outside author) ------------------


class Holiday(NamedTuple):
    """One day a `closed holidays` line closes, with its name in British English (the site's English) and, for a
    country whose own language is not English, the country's own name for it ("Assunzione della Beata Vergine Maria")."""

    day: date
    name: str
    own: str | None = None


BRITISH_SPELLINGS = {"Labor": "Labour", "Honor": "Honour", "Valor": "Valour"}
"""The US spellings the package's en_US names use, as British English writes them ("Labour Day" in Italy)."""

SMALL_WORDS = frozenset({"Of", "And", "The", "In", "On", "For", "At", "To", "By"})
"""Words a name's English capitalises only first: the package's en_US "Assumption Of Mary Day"."""


def english_holiday_name(name: str) -> str:
    """A name from the package's en_US translation as the site's British English writes it: "Assumption of Mary Day"."""
    words = [BRITISH_SPELLINGS.get(word, word) for word in name.split(" ")]
    return " ".join([*words[:1], *(w.lower() if w in SMALL_WORDS else w for w in words[1:])])


def holidays_in(country: str, subdivision: str | None, categories: tuple[str, ...], year: int) -> tuple[Holiday, ...]:
    """The days `closed holidays COUNTRY [SUBDIVISION] [including …]` closes in `year`, as the export expands it
    (observed days included, where the country has them); ValueError or NotImplementedError as the package raises.

    Each is named in English as the site's English is British: the country's own English where English is its
    language (the US's "Labor Day", Canada's "Labour Day"), else the package's British names, else its US ones
    with British spelling and small words in lower case ("Labour Day", "Assumption of Mary Day" in Italy), beside
    the country's own name. A country the package has in no English keeps its own names only."""
    import holidays

    def table(language: str | None) -> dict[date, str]:
        found = holidays.country_holidays(country, subdiv=subdivision, years=year, categories=categories, language=language)
        return {day: str(name) for day, name in found.items() if day.year == year}

    facts = holidays.country_holidays(country)
    own_language, languages = facts.default_language, tuple(facts.supported_languages)
    own = table(own_language)
    if own_language is None or own_language.startswith("en"):
        return tuple(Holiday(day, name) for day, name in sorted(own.items()))
    if "en_GB" in languages:
        english = table("en_GB")
    elif "en_US" in languages:
        english = {day: "; ".join(english_holiday_name(one) for one in name.split("; ")) for day, name in table("en_US").items()}
    else:
        return tuple(Holiday(day, name) for day, name in sorted(own.items()))
    return tuple(Holiday(day, english[day], own[day] if own[day] != english[day] else None) for day in sorted(own))


# --- the holidays an eve comes before (`eve ... before "Midsummer Eve"`) -----------------------------


SAME_HOLIDAY = {"whit monday": "pentecost monday", "whitmonday": "pentecost monday", "whit sunday": "pentecost", "whitsunday": "pentecost",
                "pentecost sunday": "pentecost"}
"""British names of holidays the package calls otherwise in some countries (and others not): read as one name both ways."""


def plain_holiday_name(name: str) -> str:
    """A holiday's name as an author writes it and as the package says it, compared alike: case, the apostrophe's form and
    the British and the package's name of Whitsun aside."""
    plain = " ".join(name.replace("\u2019", "'").casefold().split())
    return SAME_HOLIDAY.get(plain, plain)


HolidayLine = tuple[str, str | None, tuple[str, ...]]
"""A `closed holidays` line as the package is asked: its country, subdivision and kinds of holiday."""


@lru_cache(maxsize=256)
def holiday_names(country: str, subdivision: str | None, categories: tuple[str, ...], year: int) -> dict[date, tuple[tuple[str, ...], ...]]:
    """Each day a `closed holidays` line closes in `year`, with each of its holidays (a day may have several) as the names it
    goes by: in English as `tierwise holidays` prints it, and in the country's own language (ValueError or
    NotImplementedError as the package raises)."""
    found: dict[date, tuple[tuple[str, ...], ...]] = {}
    for holiday in holidays_in(country, subdivision, categories, year):
        english = holiday.name.split("; ")
        own = holiday.own.split("; ") if holiday.own else []
        found[holiday.day] = tuple((name, *own[i : i + 1]) for i, name in enumerate(english))
    return found


def _which(called: tuple[tuple[str, ...], ...], key: str) -> int | None:
    """The index of the day's holiday that goes by the plain name `key`, or None."""
    return next((i for i, names in enumerate(called) if key in {plain_holiday_name(n) for n in names}), None)


def days_named(lines: Iterable[HolidayLine], names: Iterable[str], years: Iterable[int]) -> dict[str, set[date]]:
    """Per name as written, the days in `years` of the holidays of `lines` that go by it, in English or the country's language."""
    wanted = {name: plain_holiday_name(name) for name in names}
    found: dict[str, set[date]] = {name: set() for name in wanted}
    for line in lines:
        for year in years:
            for day, called in holiday_names(*line, year).items():
                for name, key in wanted.items():
                    if _which(called, key) is not None:
                        found[name].add(day)
    return found


def days_kept_open(line: HolidayLine, names: Iterable[str], years: Iterable[int]) -> set[date]:
    """The days in `years` a `closed holidays … except "…"` line keeps open: each of whose holidays is one of `names` (a day
    that is also another holiday of the line stays closed)."""
    keys = {plain_holiday_name(name) for name in names}
    kept: set[date] = set()
    for year in years:
        for day, called in holiday_names(*line, year).items():
            if all(keys & {plain_holiday_name(n) for n in holiday} for holiday in called):
                kept.add(day)
    return kept


def english_names(lines: Iterable[HolidayLine], years: Iterable[int]) -> list[str]:
    """The English names of every holiday of `lines` in `years`, in date order, each once (for a hint)."""
    names: dict[str, None] = {}
    for line in lines:
        for year in years:
            for called in holiday_names(*line, year).values():
                names.update(dict.fromkeys(holiday[0] for holiday in called))
    return list(names)


def own_names(lines: Iterable[HolidayLine], years: Iterable[int]) -> list[str]:
    """The names in the country's own language of every holiday of `lines` in `years`, in date order, each once (for a
    hint: an author writes "Wigilia" for "Wigilia Bożego Narodzenia")."""
    names: dict[str, None] = {}
    for line in lines:
        for year in years:
            for called in holiday_names(*line, year).values():
                names.update(dict.fromkeys(holiday[1] for holiday in called if len(holiday) > 1))
    return list(names)


def holiday_name_in(line: HolidayLine, name: str, years: Iterable[int], language: str) -> str | None:
    """What the holiday called `name` (in English or the country's own language) is called in `language`, a site language:
    None when the package has no holiday so called, or no such language for the country (the page then says the
    country's own name, as it does a subdivision's)."""
    import holidays

    key = plain_holiday_name(name)
    country, subdivision, categories = line
    for year in years:
        for day, called in holiday_names(country, subdivision, categories, year).items():
            which = _which(called, key)
            if which is None:
                continue
            if language == "en":
                return called[which][0]
            known = tuple(holidays.country_holidays(country).supported_languages)
            chosen = next((code for code in known if code == language or code.split("_")[0] == language), None)
            if chosen is None:
                return called[which][-1]
            table = holidays.country_holidays(country, subdiv=subdivision, years=year, categories=categories, language=chosen)
            parts = str(table.get(day, "")).split("; ")
            return parts[which] if which < len(parts) and parts[which] else called[which][-1]
    return None


def names_holidays_in(country: str, language: str) -> bool:
    """Whether the holidays package has the names of the country's holidays in `language` (a site language)."""
    import holidays

    return language == "en" or any(code.split("_")[0] == language for code in holidays.country_holidays(country).supported_languages)
