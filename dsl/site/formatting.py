"""Locale-aware formatting for the site, all of it through Babel's CLDR data.

Nothing here formats a number, a price, a duration, a weekday or a time by hand:
each function asks Babel for the pattern or the plural form of the page's
locale, so Polish gets "2 godziny" and "5 godzin" from CLDR, not from us.
Sentences that join these pieces ("…, except public holidays") are the site's
own words and live in the gettext catalogs (see dsl/site/views.py).

Which locale each page language is formatted in (LOCALES) and which CLDR unit
each period is counted in (PERIOD_UNITS) are keyed by the vocabulary's
LANGUAGES and PERIODS; tests/test_formatting.py fails when one lacks an entry.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from datetime import date, time
from decimal import Decimal
from functools import cache, lru_cache
from typing import Literal

from babel import Locale, UnknownLocaleError, localedata
from babel.core import get_global, get_locale_identifier, parse_locale
from babel.dates import format_date as _format_date
from babel.dates import format_interval, format_skeleton, format_time, get_day_names, get_timezone_location, get_timezone_name
from babel.lists import format_list as _babel_format_list
from babel.numbers import NumberPattern, get_territory_currencies, parse_pattern
from babel.units import format_unit

ListStyle = Literal["standard", "or", "unit"]
"""The CLDR list patterns the site joins items with: "a, b och c", "a eller b", "a, b"."""

LOCALES: dict[str, str] = {"sv": "sv_SE", "it": "it_IT", "pl": "pl_PL", "en": "en_GB"}
"""The CLDR locale each page language is formatted in (British English: a European audience, 24-hour times)."""

MINIMUM_GROUPING_DIGITS: dict[str, int] = {"sv": 1, "it": 2, "pl": 2, "en": 1}
"""CLDR's minimumGroupingDigits of each page language (numbers.xml), which Babel's data does not carry:
with 2, Polish writes 2500 but 12 500 (and Italian 2500 but 12.500). Any other language gets CLDR's root value, 1."""

CURRENCY_SPACE = "\u00a0"
"""CLDR's currencySpacing insertBetween (root, inherited by all four locales): "SEK 5,000", not "SEK5,000"."""

PERIOD_UNITS: dict[str, str] = {
    "day": "duration-day",
    "week": "duration-week",
    "month": "duration-month",
    "quarter": "duration-quarter",
    "year": "duration-year",
}
"""The CLDR unit each period of the vocabulary is counted in: "12 månader", "3 mesi".

A price or a count per period is the site's own words (views.per_period), not CLDR's per-unit pattern."""

@cache
def locale(lang: str) -> Locale:
    """The Babel locale of a page language (any language CLDR knows; see locale_code)."""
    return Locale.parse(locale_code(lang))


@cache
def locale_code(lang: str) -> str:
    """The CLDR locale a page language is formatted in: LOCALES' choice, else CLDR's likely region (de -> de_DE).

    A project's settings may publish any language (dsl/language/settings.py); one that LOCALES does
    not list gets the region CLDR's likely subtags give it, and no region when CLDR names none.
    Raises UnknownLocaleError for a language CLDR does not know.
    """
    if lang in LOCALES:
        return LOCALES[lang]
    parsed = Locale.parse(lang, sep="-")
    likely = get_global("likely_subtags").get(str(parsed))
    if likely and not parsed.territory:
        language, territory, likely_script, *_ = parse_locale(likely)
        if language == parsed.language and territory:
            # Without the likely script when CLDR has the region without it (de -> de_DE); with it when CLDR files the
            # region under the script (az -> az_Latn_AZ: az_AZ is no locale, and Azerbaijani pages failed the build).
            for script in dict.fromkeys((parsed.script, likely_script)):
                candidate = get_locale_identifier((parsed.language, territory, script, parsed.variant))
                if localedata.exists(candidate):
                    return candidate
    return str(parsed)


def known_locale(lang: str) -> bool:
    """Whether CLDR (through Babel) knows the language, so pages in it can be formatted."""
    try:
        locale(lang)
    except (UnknownLocaleError, ValueError):
        return False
    return True


class LocaleCodes(dict[str, str]):
    """The CLDR locale of every page language, for templates (Open Graph's og:locale): computed on first use."""

    def __missing__(self, lang: str) -> str:
        code = locale_code(lang)
        self[lang] = code
        return code


WORLD_LANGUAGES = frozenset({"en"})
"""Page languages read in many countries: their pages assume no reader's country, though their numbers and dates
are written in one locale's way (en: British, see LOCALES)."""


def territory(lang: str) -> str | None:
    """The country a page language's readers are in (sv -> SE), None for a language of no one country (en)."""
    if lang in WORLD_LANGUAGES:
        return None
    return locale(lang).territory


def number(value: int | Decimal, lang: str) -> str:
    """A number with the locale's grouping and decimal signs, and its minimum grouping digits."""
    # Kept by its type and written form as well: 2, Decimal("2") and Decimal("2.0") are equal, and a key of the
    # value alone would give one of them the others' text.
    return _number(type(value).__name__, str(value), value, lang)


@lru_cache(maxsize=8192)
def _number(kind: str, written: str, value: int | Decimal, lang: str) -> str:
    # A page formats the same few numbers (hours, percentages, prices) over and over: Babel's pattern work once each.
    pattern = copy.copy(parse_pattern(locale(lang).decimal_formats[None].pattern))
    return str(_min_grouping(pattern, value, lang).apply(value, locale(lang)))


def _min_grouping(pattern: NumberPattern, value: int | Decimal, lang: str) -> NumberPattern:
    """`pattern` without grouping when the integer part has too few digits to group in this locale."""
    # CLDR: no separator unless the highest group has at least minimumGroupingDigits digits.
    digits = len(str(abs(int(value))))
    if digits < pattern.grouping[0] + MINIMUM_GROUPING_DIGITS.get(lang, 1):
        pattern.grouping = (1000, 1000)
    return pattern


def _currency_spacing(pattern: NumberPattern, symbol: str) -> NumberPattern:
    """`pattern` with CLDR's currency spacing: a space between digits and a symbol that ends in a letter."""
    # CLDR currencyMatch [[:^S:]&[:^Z:]]: a symbol's letter edge (SEK) next to a digit gets the space,
    # a symbol's sign edge (€, $) does not. Babel's patterns do not apply this.
    def spaced(edge: str) -> bool:
        return unicodedata.category(edge)[0] not in "SZ"

    prefix, suffix = list(pattern.prefix), list(pattern.suffix)
    for i, text in enumerate(prefix):
        if text.endswith("¤") and spaced(symbol[-1]):
            prefix[i] = text + CURRENCY_SPACE
    for i, text in enumerate(suffix):
        if text.startswith("¤") and spaced(symbol[0]):
            suffix[i] = CURRENCY_SPACE + text
    pattern.prefix, pattern.suffix = (prefix[0], prefix[1]), (suffix[0], suffix[1])
    return pattern


SYMBOL_CURRENCIES = frozenset({"EUR"})
"""The currencies written with their symbol on every page, whatever its language: the euro's € means one currency
in every country (beside each page locale's own currency, see `currency_sign`)."""


@cache
def own_currencies(lang: str) -> frozenset[str]:
    """The currencies a page language's readers know by their symbol: its locale's country's, and the euro (sv: SEK, EUR)."""
    code = locale(lang).territory
    return SYMBOL_CURRENCIES | (frozenset(get_territory_currencies(code)) if code else frozenset())


def currency_sign(currency: str, lang: str) -> str:
    """How a page writes a currency: its CLDR symbol where it is the reader's own or the euro ("kr", "zł", "£", "€"),
    else its ISO 4217 code ("USD", "GBP", "SEK").

    CLDR's symbols alone are each language's habits, and read unevenly side by side: Swedish wrote "US$" beside
    "GBP", Italian "£" beside "USD". A symbol is kept only where the page's reader cannot take it for another
    currency; every other currency is its code, the same on every page.
    """
    if currency.upper() in own_currencies(lang):
        return str(locale(lang).currency_symbols.get(currency.upper(), currency.upper()))
    return currency.upper()


def money(amount: Decimal, currency: str, lang: str) -> str:
    """An amount of money in the locale's currency pattern and `currency_sign`; whole amounts without decimals ("5 000 kr")."""
    # Each price is written on its vendor's page, card, comparison rows and structured data: formatted once.
    # Keyed by the amount's text, not the Decimal: 12.5 and 12.50 are equal, and must not share a cache entry.
    return _money(str(amount), currency, lang)


@lru_cache(maxsize=4096)
def _money(amount_text: str, currency: str, lang: str, cents: bool = False) -> str:
    """`money` of the amount written `amount_text`; with `cents`, its minor digits even when they are zero."""
    amount = Decimal(amount_text)
    loc = locale(lang)
    pattern = copy.copy(parse_pattern(loc.currency_formats["standard"].pattern))
    # CLDR patterns always ask for the currency's minor digits; a price list of
    # whole amounts reads better without ",00", so drop them only when they are zero.
    whole = amount == amount.to_integral_value() and not cents
    if whole:
        pattern.frac_prec = (0, 0)
    sign = currency_sign(currency, lang)
    if sign == currency.upper():
        # "¤¤" is the pattern's field for the ISO code; Babel fills "¤" with CLDR's symbol.
        pattern.prefix = (_iso_field(pattern.prefix[0]), _iso_field(pattern.prefix[1]))
        pattern.suffix = (_iso_field(pattern.suffix[0]), _iso_field(pattern.suffix[1]))
    pattern = _currency_spacing(_min_grouping(pattern, amount, lang), sign)
    return str(pattern.apply(amount, loc, currency=currency, currency_digits=not whole))


def _iso_field(text: str) -> str:
    """A pattern's prefix or suffix with its currency field asking for the ISO code ("¤" -> "¤¤")."""
    return re.sub(r"¤+", "¤¤", text)


def percent(value: Decimal, lang: str) -> str:
    """A percentage in the locale's pattern, with its decimals when it has any: "20 %", "18,5 %", "20%"."""
    pattern = copy.copy(parse_pattern(locale(lang).percent_formats[None].pattern))
    pattern.frac_prec = (0, 2)
    return str(pattern.apply(value / 100, locale(lang)))


@lru_cache(maxsize=4096)
def duration(minutes: int, lang: str) -> str:
    """A duration in hours and minutes with the locale's plural forms ("2 godziny", "8 godzin", "15 minuter").

    Hours are never rounded up to days: a target of 24 business hours is not one day. Kept per (minutes,
    language): a page says "8 hours" dozens of times, and Babel takes 50 µs to say it.
    """
    loc = locale(lang)
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(format_unit(hours, "duration-hour", length="long", locale=loc))
    if rest or not hours:
        parts.append(format_unit(rest, "duration-minute", length="long", locale=loc))
    return format_list(parts, style="unit", locale=loc)


@lru_cache(maxsize=4096)
def clock(minute: int, lang: str) -> str:
    """A wall-clock time from minutes since midnight, 24-hour style; 1440 is the day's end, "24:00"."""
    loc = locale(lang)
    if minute >= 1440:
        # CLDR's "k" hour field counts 1-24, so the locale's own Hm pattern with k
        # prints the midnight that ends a day as 24:00.
        pattern = str(loc.datetime_skeletons["Hm"]).replace("H", "k")
        return format_time(time(0, 0), pattern, locale=loc)
    return format_skeleton("Hm", time(minute // 60, minute % 60), locale=loc)


DATE_FIELDS = re.compile(r"'[^']*'|y+|M+|d+|[A-Za-z]+|[^A-Za-z']+")


def date_entry(lang: str) -> str:
    """The numeric date a reader types in the page's locale: CLDR's yMd skeleton ("y-MM-dd", "dd/MM/y", "d.MM.y").

    The calculators read and write their date field with it (assets/moment.js), so the field and its
    confirmation follow the page's language, not the browser's (an `<input type=date>` shows 11/28/2026
    on an Italian page in an American browser). Only the year, month and day fields and the separators
    between them are kept: quoted literals and any other field are dropped, and the year is always whole.
    """
    pattern = str(locale(lang).datetime_skeletons.get("yMd") or "y-MM-dd")
    kept = []
    for piece in DATE_FIELDS.findall(pattern):
        if piece[0] in "yMd":
            kept.append("y" if piece[0] == "y" else piece[:2])
        elif not piece[0].isalpha() and piece[0] != "'":
            kept.append(piece)
    text = "".join(kept).strip().strip(".,/-").strip()
    # A pattern that lost a field (a locale without a plain yMd) falls back to ISO, which every reader can type.
    return text if all(field in text for field in "yMd") else "y-MM-dd"


def date_in_entry(day: date, lang: str) -> str:
    """A date written as the reader types it (date_entry): "2026-11-23", "23/11/2026", "23.11.2026"."""
    return str(_format_date(day, date_entry(lang), locale=locale(lang)))


WORD_JOINER = "\u2060"
"""U+2060 WORD JOINER: no line break on either side of it; invisible, and ignored by screen readers."""


def interval(first: str, last: str, lang: str) -> str:
    """Two formatted values joined by the locale's interval fallback ("08:00–17:00", "Mon – Fri"), kept on one line.

    A line may break after an en dash and at CLDR's thin spaces around it, so "08:00–" ended one line
    and "17:00" began the next on a phone. A word joiner before and after each character of the joint
    keeps the range whole wherever it stands (text, attributes, the calculator's data) without markup;
    the values themselves may still break inside ("sön 23:00 – mån 02:00" at its own spaces).
    """
    pattern = locale(lang).interval_formats.get(None) or "{0}–{1}"
    joint = pattern.split("{0}", 1)[-1].split("{1}", 1)[0]
    if joint.strip() == joint and (_has_words(first) or _has_words(last)):
        # Swedish sets the dash close between simple values ("mån–fre", "08:00–17:00") but spaced where an end is
        # more than one word ("sön 23:00 – fre 23:00"), as Svenska skrivregler does; CLDR's pattern knows one joint.
        joint = f" {joint} "
        pattern = "{0}" + joint + "{1}"
    whole = WORD_JOINER + WORD_JOINER.join(joint) + WORD_JOINER if joint else joint
    return pattern.replace(joint, whole, 1).replace("{0}", first).replace("{1}", last)


_WORD_SPACE = re.compile(r"(?<!\d)\s|\s(?!\d)")
"""A space inside a value that is more than one word or sign ("sön 23:00", "8 december", "500 kr", "10 %"), not a
number's group separator ("2 500")."""


def _has_words(value: str) -> bool:
    return _WORD_SPACE.search(value.replace(WORD_JOINER, "")) is not None


def spaced_range(text: str) -> str:
    """A range written with a close dash ("31 december–2 januari") spaced where its first end is more than one word:
    "31 december – 2 januari", as Svenska skrivregler sets it; "22–23 december", whose month belongs to both ends,
    stays close."""
    first, dash, last = text.partition("–")
    if not dash or first[-1:].isspace() or not _has_words(first):
        return text
    return f"{first} – {last}"


_AMOUNT = re.compile(r"(\D*)(\d(?:.*\d)?)(\D*)", re.S)
"""A formatted amount as its prefix, number and suffix: "€", "14,500", "" or "", "14 500", " zł"."""


def money_range(low: Decimal, high: Decimal, currency: str, lang: str) -> str:
    """Two amounts of one currency as one range, the currency written once where the locale's pattern puts it.

    "14 500–21 900 kr", "14 500 – 21 900 zł", "€95 – 150", "SEK 2,500 – 15,000" (CLDR's thin spaces): both amounts are formatted
    by `money` (CLDR's currency pattern), and the prefix or suffix they share is said once, outside the range,
    as ICU's number range formatter collapses a unit. The joint is `interval`'s (CLDR's interval fallback, as
    every other range on the site: Babel carries no number range pattern). Amounts whose affixes differ are
    joined whole. Both amounts have decimals when one has: "12,50–20,00 kr", not "12,50–20 kr".
    """
    cents = any(x != x.to_integral_value() for x in (low, high))
    first, last = _money(str(low), currency, lang, cents), _money(str(high), currency, lang, cents)
    a, b = _AMOUNT.fullmatch(first), _AMOUNT.fullmatch(last)
    if a is None or b is None or a.group(1, 3) != b.group(1, 3):
        return interval(first, last, lang)
    return a.group(1) + interval(a.group(2), b.group(2), lang) + a.group(3)


SHORT_HYPHENATED = re.compile(r"(?<![\w-])(\w{1,5})-(?=\w{1,7}(?![\w-]))")
"""A short hyphenated word ("E-post", "E-mail", "Add-on", "York-tid"): up to 5 letters before the hyphen, 7 after ("24-timmars")."""


def keep_short_words_whole(text: str) -> str:
    """`text` with a word joiner after the hyphen of each short hyphenated word, so "E-" never ends a line.

    A longer compound ("de facto-helgdagar") may still break after its hyphen, where a break is welcome.
    """
    if "-" not in text:  # most texts (a hundred thousand pieces of a 200-vendor build): no pattern to run
        return text
    return SHORT_HYPHENATED.sub(lambda m: m.group(1) + "-" + WORD_JOINER, text)


NO_BREAK_SPACE = "\u00a0"

# Each pattern matches the space alone, after a lookbehind that holds the word: a pattern that starts with a space
# lets re jump from space to space, where one that starts with a lookbehind tries it at every character: this way
# takes a sixth of the time on a Polish page's texts.
SINGLE_LETTER_WORD = re.compile(r" (?<=(?<![\w\-’'/.@:=&?#%+~])[aiouwzAIOUWZ] )(?=\S)")
"""The space after a Polish word of one letter (a, i, o, u, w, z); not a letter of an address ("…/a b", "x.a b")."""


SINGLE_LETTER_WORD_BEFORE_MORE = re.compile(r" (?<=(?<![\w\-’'/.@:=&?#%+~])[aiouwzAIOUWZ] )(?=\S|\Z)")
"""The same, also at the end of a piece of text that more words follow on its line (a Markdown text's words before
its **strong** or its [link])."""

SINGLE_LETTER_WORD_AT_END = re.compile(r"(?<![\w\-’'/.@:=&?#%+~])[aiouwzAIOUWZ]$")
"""A Polish word of one letter that ends a piece of text (before a Markdown text's line end)."""


def bind_single_letter_words(text: str, lang: str, more: bool = False) -> str:
    """In Polish, each one-letter word joined to the next by a no-break space, as Polish typesetting does: "w Państwa
    strefie", "i Standard", never "w" or "i" at the end of a line. Other languages' text is returned as it is.

    With `more`, the text is a piece of a line that more words follow, so a one-letter word and the space that end it
    are bound too.
    """
    if lang != "pl":
        return text
    return (SINGLE_LETTER_WORD_BEFORE_MORE if more else SINGLE_LETTER_WORD).sub(NO_BREAK_SPACE, text)


CLOCK_WORD = {"sv": re.compile(r"(?<!\w)kl\. (?=%\(|\{|\d)"), "pl": re.compile(r"(?<!\w)godz\. (?=%\(|\{|\d)")}
"""The abbreviated word for "at … o'clock" before a time, in the site's words ("kl. %(time)s", "godz. {time}", "godz. 16:00")."""


def bind_clock_word(text: str, lang: str) -> str:
    """Swedish "kl." and Polish "godz." joined to the time after them by a no-break space, as each language sets them: a
    desktop ended a line with "poniedziałek, godz." and began the next with "15:00". Other languages' text as it is."""
    word = CLOCK_WORD.get(lang)
    return word.sub(lambda m: m[0][:-1] + NO_BREAK_SPACE, text) if word else text


def space_after(word: str, lang: str) -> str:
    """The space after `word` where the site puts a value into its words: in Polish a no-break space after a value of one
    letter (a priority's id "A": "A – Awaria krytyczna", "priorytet A w …"), which, as the site's own one-letter
    words (bind_single_letter_words), may not end a line; else a space."""
    return NO_BREAK_SPACE if lang == "pl" and len(word) == 1 and word.isalpha() else " "


def bind_value(words: str, name: str, value: str, lang: str) -> str:
    """The site's `words` ("… priorytet %(priority)s w %(day)s …") with the space after `%(name)s` made a
    no-break space when `value`, put there, is one letter in Polish (see space_after)."""
    space = space_after(value, lang)
    return words if space == " " else words.replace(f"%({name})s ", f"%({name})s{space}")


@lru_cache(maxsize=4096)
def time_range(start: int, end: int, lang: str) -> str:
    """Opening hours within one day: "08:00–17:00"."""
    return interval(clock(start, lang), clock(end, lang), lang)


@lru_cache(maxsize=4096)
def weekday(index: int, lang: str) -> str:
    """A weekday's abbreviated name, Monday = 0, in CLDR's stand-alone form."""
    return str(get_day_names("abbreviated", context="stand-alone", locale=locale(lang))[index])


@lru_cache(maxsize=256)
def weekday_name(index: int, lang: str) -> str:
    """A weekday's full name as a date says it, Monday = 0: "fredag", "venerdì", "piątek", "Friday"."""
    return str(get_day_names("wide", context="format", locale=locale(lang))[index])


def weekday_and_day(value: date, lang: str) -> str:
    """A weekday and its date, without the comma CLDR's full dates put between them in Polish and English, so that it can
    stand in a list: "fredag 9 januari 2026", "venerdì 1º gennaio 2027", "piątek 9 stycznia 2026", "Friday 9 January 2026"."""
    return f"{weekday_name(value.weekday(), lang)} {day(value, lang)}"


def weekday_range(first: int, last: int, lang: str) -> str:
    """A run of weekdays: "mån–fre", "Mon–Fri"; a single day is just its name."""
    if first == last:
        return weekday(first, lang)
    return interval(weekday(first, lang), weekday(last, lang), lang)


def day_and_time(day: int, minute: int, lang: str) -> str:
    """A weekday and a time: "sön 23:00"."""
    return f"{weekday(day, lang)} {clock(minute, lang)}"


_LIST_STYLE_FALLBACKS = {"unit": ("unit-short", "standard")}
"""Where Babel looks for a list style a locale lacks (babel.lists._style_fallbacks, from CLDR's root aliases)."""

_ROOT_LIST_PATTERN = "{0}, {1}"
"""CLDR root's pattern for every part of a list: what a locale's missing list patterns inherit."""


def format_list(items: list[str], style: ListStyle, locale: Locale) -> str:
    """Babel's format_list, also for a locale whose CLDR data for a style is partial.

    Babel resolves a missing "unit" list style to "unit-short", which for Swedish, German, Finnish and others
    holds only the patterns for two items and the end, not those of the start and middle of a longer list: three
    items raised KeyError 'start' (a Swedish page of a calendar open in three stretches a week). Spanish lacks the
    pattern for two items too, Bulgarian and Arabic that for two items alone (Babel then wrote two Arabic items as
    three, the second twice). A missing pattern is inherited as CLDR does:
    from the root's "{0}, {1}", except that the end and the pair stand in for each other.
    """
    found: dict[str, str] = {}
    for name in (style, *_LIST_STYLE_FALLBACKS.get(style, ())):
        try:
            found = dict(locale.list_patterns[name])
            break
        except KeyError:
            continue
    if len(items) < 2 or all(part in found for part in ("start", "middle", "end", "2")):
        return _babel_format_list(items, style=style, locale=locale)
    end = found.get("end") or found.get("2") or _ROOT_LIST_PATTERN
    if len(items) == 2:
        return (found.get("2") or end).format(*items)
    joined = found.get("start", _ROOT_LIST_PATTERN).format(items[0], items[1])
    for item in items[2:-1]:
        joined = found.get("middle", _ROOT_LIST_PATTERN).format(joined, item)
    return end.format(joined, items[-1])


def listing(items: list[str], lang: str, style: ListStyle = "standard") -> str:
    """Items joined the locale's way: "a, b och c"."""
    if not items:
        return ""
    if lang == "it" and style == "standard" and len(items) > 1 and items[-1][:1] in ("e", "E", "è", "È"):
        # The euphonic d: Italian writes "ed" before a word that begins with e ("telefono ed e-mail"), which CLDR's
        # pattern "{0} e {1}" does not know. A stand-in for the last item finds the conjunction in the pattern.
        joined = format_list([*items[:-1], "\x00"], style=style, locale=locale(lang))
        if joined.endswith(" e \x00"):
            return joined[: -len(" e \x00")] + " ed " + items[-1]
    if lang == "pl" and len(items) > 1:
        # The conjunction of CLDR's pattern ("{0} i {1}") kept with the item after it; the items' own words are left as
        # they are (a vendor's text is the vendor's), so stand-ins take their place while the pattern is bound.
        stand_ins = [f"\x01{n}\x01" for n in range(len(items))]
        joined = bind_single_letter_words(format_list(stand_ins, style=style, locale=locale(lang)), lang)
        for stand_in, item in zip(stand_ins, items, strict=True):
            joined = joined.replace(stand_in, item)
        return joined
    return format_list(items, style=style, locale=locale(lang))


def unit_list(items: list[str], lang: str) -> str:
    """Items joined without a conjunction: "08:30–11:30, 12:30–16:00"."""
    return listing(items, lang, style="unit")


UTC_ZONES = frozenset({"UTC", "Etc/UTC", "UCT", "Etc/UCT", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu"})
"""The tz names of UTC itself, which CLDR has no region for ("Unknown Region (UTC) Time", "okänd region (UTC)tid")."""

GMT_ZONES = frozenset({"GMT", "Etc/GMT", "GMT0", "Etc/GMT0", "GMT+0", "Etc/GMT+0", "GMT-0", "Etc/GMT-0", "Greenwich", "Etc/Greenwich"})
"""The tz names of GMT, UTC's offset under the name a vendor wrote."""


def zone_name(zone: str, lang: str) -> str | None:
    """A time zone by CLDR's generic name: "centraleuropeisk tid", "Eastern Time"; None where CLDR has no name that
    reads as one (see `zone_city`).

    UTC and the fixed offsets have no region, and CLDR would call them "Unknown Region (UTC) Time": they
    are "UTC", "GMT" and "UTC−5" (Etc/GMT+5: the tz sign is the reverse of the offset's) in every language.
    Italian's names are capitalised as titles ("Ora dell’Europa centrale") but stand inside a sentence here.
    A zone without a name of its own gets CLDR's location format, which is no name in any of the languages
    ("czas: Indie", "Förenade Arabemiratentid", "Ora Emirati Arabi Uniti"); and CLDR's Polish names a few
    zones with a country's name in the nominative ("czas Japonia", "czas Chiny") where Polish says an adjective
    ("czas środkowoeuropejski"): for those, None.
    """
    if zone in UTC_ZONES:
        return "UTC"
    if zone in GMT_ZONES:
        return "GMT"
    offset = re.fullmatch(r"Etc/GMT([+-])(\d{1,2})", zone)
    if offset:
        return f"UTC{'−' if offset[1] == '+' else '+'}{int(offset[2])}"
    loc = locale(lang)
    if not _has_zone_name(zone, loc):
        return None
    name = str(get_timezone_name(zone, "long", zone_variant="generic", locale=loc))
    if lang == "pl" and re.fullmatch(r"czas \w.*", name) and name.split(" ", 1)[1][:1].isupper():
        return None
    if lang == "it":
        name = name[:1].lower() + name[1:]
    return name


def _has_zone_name(zone: str, loc: Locale) -> bool:
    """Whether CLDR names the zone in the locale (its own long name or its metazone's), not only by its location."""
    canonical = get_global("zone_aliases").get(zone, zone)
    own = loc.time_zones.get(canonical, {}).get("long", {})
    metazone = get_global("meta_zones").get(canonical)
    shared = loc.meta_zones.get(metazone, {}).get("long", {}) if metazone else {}
    return any(names.get("generic") for names in (own, shared))  # the variant zone_name asks for; without it, Babel says the location


def zone_city(zone: str, lang: str) -> str:
    """The place a tz zone is named after, in the page language: "Kalkuta", "Dubaj", "Calcutta" (CLDR's exemplar city)."""
    return str(get_timezone_location(zone, locale=locale(lang), return_city=True))


def country_name(code: str, lang: str) -> str:
    """A country by its ISO code, in the page language: "Sverige", "Szwecja"."""
    return str(locale(lang).territories.get(code.upper(), code))


ENGLISH_THE = frozenset({"US", "GB", "NL", "PH", "AE", "DO", "CF", "BS", "MV", "SC", "KM", "MH", "SB", "FO", "KY", "VG", "VI", "TC", "MP", "GM"})
"""The countries English names with "the" inside a sentence: "in the United States", "in the Netherlands"."""

ITALIAN_IN: dict[str, str] = {
    "US": "negli", "GB": "nel", "NL": "nei", "PH": "nelle", "AE": "negli", "DO": "nella", "CF": "nella", "VA": "nella",
    "BS": "nelle", "MV": "nelle", "SC": "nelle", "KM": "nelle",
}
"""The Italian preposition, joined with the article, of the countries not said with a bare "in": "negli Stati Uniti"."""


POLISH_IN: dict[str, str] = {
    "PL": "w Polsce", "SE": "w Szwecji", "IT": "we Włoszech", "DE": "w Niemczech", "AT": "w Austrii", "CH": "w Szwajcarii",
    "FR": "we Francji", "ES": "w Hiszpanii", "PT": "w Portugalii", "NL": "w Holandii", "BE": "w Belgii", "LU": "w Luksemburgu",
    "DK": "w Danii", "NO": "w Norwegii", "FI": "w Finlandii", "EE": "w Estonii", "LV": "na Łotwie", "LT": "na Litwie",
    "CZ": "w Czechach", "SK": "na Słowacji", "HU": "na Węgrzech", "SI": "w Słowenii", "HR": "w Chorwacji", "RO": "w Rumunii",
    "BG": "w Bułgarii", "GR": "w Grecji", "IE": "w Irlandii", "GB": "w Wielkiej Brytanii", "US": "w Stanach Zjednoczonych",
    "CA": "w Kanadzie", "IS": "na Islandii", "MT": "na Malcie", "CY": "na Cyprze", "JP": "w Japonii", "AU": "w Australii",
    "NZ": "w Nowej Zelandii", "IN": "w Indiach", "CN": "w Chinach", "BR": "w Brazylii", "MX": "w Meksyku", "TR": "w Turcji",
    "RS": "w Serbii", "AL": "w Albanii", "SG": "w Singapurze", "IL": "w Izraelu", "LI": "w Liechtensteinie", "MC": "w Monako",
    "SM": "w San Marino", "AD": "w Andorze",
}
"""A country in Polish as the place of something, with its preposition and in the locative ("świąt ustawowych w Polsce",
"we Włoszech", "na Litwie"): CLDR gives the nominative only. A country not here is named in brackets, in the nominative."""


def polish_places(names: list[str]) -> str:
    """Polish places whose holidays a calendar keeps, after the holidays' name: "w Szwecji i we Włoszech" where every
    place is a country the site can say in the locative, else the nominative names in brackets, as a label:
    "(Bawaria, Niemcy i Szwecja)", never a mix of the two."""
    said = {country_name(code, "pl"): phrase for code, phrase in POLISH_IN.items()}
    if names and all(name in said for name in names):
        return bind_single_letter_words(listing([said[name] for name in names], "pl"), "pl")
    return f"({listing(names, 'pl')})"


def country_in_sentence(code: str, lang: str) -> str:
    """Whose holidays, as the words after "in" in a sentence: "Sweden", "the United States"; in Italian with its own
    preposition, which the catalog's Italian leaves out because it varies: "in Svezia", "negli Stati Uniti".

    Without them the page read "except public holidays in United States", "esclusi i giorni festivi in Stati Uniti".
    """
    name = country_name(code, lang)
    if lang == "en" and code.upper() in ENGLISH_THE:
        return f"the {name}"
    if lang == "it":
        if code.upper() in ITALIAN_IN:
            return f"{ITALIAN_IN[code.upper()]} {name}"
        return f"nelle {name}" if name.startswith("Isole ") else f"in {name}"
    return name


@cache  # every page's switcher and alternates name every language: thousands of calls per build, a few answers
def language_name(code: str) -> str:
    """A page language's name in itself ("Svenska", "Polski"), capitalised for a menu."""
    name = Locale.parse(code, sep="-").get_display_name(locale(code)) or code
    return name[:1].upper() + name[1:]


def language_in(code: str, lang: str) -> str:
    """A language by ISO 639 code, named in the page language as inside a sentence: "tyska", "German"."""
    return str(locale(lang).languages.get(code, code))


def language_names(codes: tuple[str, ...], lang: str) -> str:
    """Languages by ISO 639 code, named and listed in the page language as inside a sentence: "engelska och svenska"."""
    return listing([language_in(code, lang) for code in codes], lang)


def spoken_languages(codes: tuple[str, ...], lang: str) -> str:
    """Languages by ISO 639 code, named and listed in the page language, capitalised as a line of its own: "Svenska och engelska"."""
    text = language_names(codes, lang)
    return text[:1].upper() + text[1:]


ITALIAN_FIRST = re.compile(r"(?<![\d.,])1(?![\d.,º])")
"""The day number 1 in an Italian date: no digit, point or comma either side (2001, 1.5 and 11 are not it)."""


def italian_first(text: str, lang: str) -> str:
    """Italian says the first of a month as an ordinal: "1º luglio" (primo), not "1 luglio"; other languages as they are.

    For texts made of dates alone (day numbers, months, four-digit years), where a lone 1 can only be the first.
    """
    return ITALIAN_FIRST.sub("1º", text) if lang == "it" else text


ITALIAN_MONTHS = "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre"
ITALIAN_ELIDED = re.compile(rf"\b(il|dal|al|nel|del|sul) (?=(\d+)(?:º|[ \u00a0]+(?:{ITALIAN_MONTHS})\b))")
ELISIONS = {"il": "l’", "dal": "dall’", "al": "all’", "nel": "nell’", "del": "dell’", "sul": "sull’"}


def _italian_elided(match: re.Match[str]) -> str:
    # CLDR's Italian ordinal category "many" (8, 11, 80, 800) is the numbers whose ordinal is said with a vowel
    # (ottavo, undicesimo, ottantesimo), which is also why the category exists: "l’8º", not "il 8º". Of the days of
    # a month, the same two are said with a vowel as cardinals (otto, undici); the first is "il 1º" (primo).
    if locale("it").ordinal_form(int(match.group(2))) == "many":
        return ELISIONS[match.group(1)]
    return match.group(0)


def italian_elision(text: str, lang: str) -> str:
    """A sentence around an Italian date or ordinal with its article elided before a number said with a vowel: "dall’8
    gennaio", "pubblicazione dell’11 ottobre", "dell’8º giorno" (otto, undici, ottavo; not diciotto), where a catalog's
    "dal %(date)s" read "dal 8 gennaio"."""
    return ITALIAN_ELIDED.sub(_italian_elided, text) if lang == "it" else text


def day(value: date, lang: str) -> str:
    """A date in the locale's long style: "24 december 2026", "1º luglio 2026"."""
    return italian_first(str(_format_date(value, "long", locale=locale(lang))), lang)


def days_on(values: list[date], lang: str) -> str:
    """Dates a thing happens on, as the sentence needs them: "il 24 dicembre 2026, il 31 dicembre 2026 e l’8 gennaio 2027".

    Italian repeats the article before every date of a list, so the article belongs to each date and
    not to the sentence around it (the catalog's "chiuso %(dates)s" has none); the other languages
    list the bare dates.
    """
    said = [day(value, lang) for value in values]
    if lang == "it":
        # The article as the number is said (l’8, l’11, il 18), but the first is "il 1º" (primo, not uno).
        said = [("il " if value.day == 1 else italian_article(Decimal(value.day))) + text for value, text in zip(values, said, strict=True)]
    return listing(said, lang)


def day_of_year(first: tuple[int, int], last: tuple[int, int], lang: str) -> str:
    """A day of every year, or days from `first` to `last` (month, day), in CLDR's month-day form: "24–26 december"."""
    # A leap year, so that 29 February can be named; a span past 31 December ends in the next year.
    start = date(2000, *first)
    if last == first:
        return italian_first(str(format_skeleton("MMMMd", start, locale=locale(lang))), lang)
    end = date(2000 if last > first else 2001, *last)
    # CLDR's own interval ("22–23 december", "31 dicembre – 2 gennaio"): its dash is kept on one line, as interval()'s.
    text = spaced_range(italian_first(str(format_interval(start, end, "MMMMd", locale=locale(lang))), lang))
    return re.sub(r"[ \u2009\u00a0\u202f]?–[ \u2009\u00a0\u202f]?", lambda m: WORD_JOINER + WORD_JOINER.join(m.group(0)) + WORD_JOINER, text)



# --- availability (uptime) -----------------------------------------------------------------------


def exact_percent(value: Decimal, lang: str) -> str:
    """A percentage with every decimal it is written with, in the locale's pattern: "99,95 %", "99.999%".

    `percent` keeps two decimals, which would turn an availability of 99.999 % into "100 %".
    """
    pattern = copy.copy(parse_pattern(locale(lang).percent_formats[None].pattern))
    exponent = value.normalize().as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    pattern.frac_prec = (decimals, decimals)
    return str(pattern.apply(value / 100, locale(lang)))


def day_of_month(day: int, lang: str) -> str:
    """A day of every month as each language writes it before "of every month": "25th", "25:e" (1:a, 2:a, 21:a), "25"
    (it: "il giorno 25"), "25." (pl: "25. dnia"); lang14's `hours monthly day 25`."""
    return str(day) if lang.startswith("it") else ordinal(day, lang)


@cache
def home_zone(lang: str) -> str | None:
    """The time zone of the region a page language is formatted for (CLDR: sv -> SE -> Europe/Stockholm, en -> GB ->
    Europe/London); None when that region has several zones or none."""
    zones = get_global("territory_zones").get(locale(lang).territory or "", ())
    return zones[0] if len(zones) == 1 else None


ORDINAL_SUFFIXES = {
    "en": {"one": "st", "two": "nd", "few": "rd", "other": "th"},
    "sv": {"one": ":a", "other": ":e"},
    "it": {"many": "º", "other": "º"},
    "pl": {"other": "."},
}
"""Each language's mark after an ordinal in digits, by CLDR's ordinal plural category of the number (glossary, "an
ordinal number"): 3rd, 21st, 11th; 1:a, 2:a, 3:e, 11:e; 3º (the ordinal indicator, not the degree sign); 3."""


def ordinal(value: int, lang: str) -> str:
    """An ordinal number in digits as each language writes one: "3rd", "3:e" (1:a, 2:a, 21:a), "3º", "3."."""
    suffixes = ORDINAL_SUFFIXES.get(locale(lang).language)
    if suffixes is None:
        return str(value)
    return f"{value}{suffixes[locale(lang).ordinal_form(value)]}"


def exact_per_mille(value: Decimal, lang: str) -> str:
    """A share per mille as written, in the locale's percent pattern with its sign: "0,5 ‰", "0,5‰", "1.25‰" (lang14).

    `value` is the number of thousandths ("0.5" for 0.5 ‰), every decimal kept as `exact_percent` keeps them.
    """
    pattern = parse_pattern(locale(lang).percent_formats[None].pattern.replace("%", "‰"))
    exponent = value.normalize().as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    pattern.frac_prec = (decimals, decimals)
    return str(pattern.apply(value / 1000, locale(lang)))


def italian_article(value: Decimal) -> str:
    """The Italian article before a number said aloud, as a share in running text needs it: "il 5%", "l’8%", "l’11%",
    "l’1,5%" (uno, otto, undici, ottanta …), "lo 0,5%" (zero); "al massimo 5% del canone" lacked it."""
    whole = str(int(abs(value)))
    if whole == "0":
        return "lo "
    if whole in ("1", "11") or whole[0] == "8" or (len(whole) == 5 and whole.startswith("11")):
        return "l’"
    return "il "


def short_downtime(seconds: int, lang: str) -> str:
    """A downtime: whole seconds under a minute ("26 sekunder"), else hours and minutes as `duration` says them."""
    if seconds < 60:
        return str(format_unit(seconds, "duration-second", length="long", locale=locale(lang)))
    return duration((seconds + 30) // 60, lang)


# --- contract terms ---------------------------------------------------------------------


def length_of_time(count: int, period: str, lang: str) -> str:
    """A length in whole periods with CLDR's plural forms: "12 månader", "3 mesi", "12 miesięcy", "1 year"."""
    return str(format_unit(count, PERIOD_UNITS[period], length="long", locale=locale(lang)))
