"""Formatting through Babel/CLDR in every page language, Polish plurals included."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from dsl.language.vocabulary import LANGUAGES, PERIODS
from dsl.site import formatting as fmt
from support.site import plain


@pytest.mark.parametrize(
    "minutes, expected",
    [
        (60, "1 godzina"),
        (120, "2 godziny"),
        (240, "4 godziny"),
        (300, "5 godzin"),
        (480, "8 godzin"),
        (12 * 60, "12 godzin"),
        (22 * 60, "22 godziny"),
        (24 * 60, "24 godziny"),
        (25 * 60, "25 godzin"),
        (15, "15 minut"),
        (1, "1 minuta"),
        (2, "2 minuty"),
    ],
)
def test_polish_durations_take_all_three_plural_forms(minutes: int, expected: str) -> None:
    assert fmt.duration(minutes, "pl") == expected


@pytest.mark.parametrize(
    "lang, minutes, expected",
    [
        ("sv", 60, "1 timme"),
        ("sv", 120, "2 timmar"),
        ("sv", 15, "15 minuter"),
        ("it", 60, "1 ora"),
        ("it", 24 * 60, "24 ore"),
        ("it", 15, "15 minuti"),
        ("en", 60, "1 hour"),
        ("en", 8 * 60, "8 hours"),
        ("en", 1, "1 minute"),
    ],
)
def test_durations_in_every_language(lang: str, minutes: int, expected: str) -> None:
    assert fmt.duration(minutes, lang) == expected


def test_a_day_of_business_hours_stays_in_hours() -> None:
    # format_timedelta would say "1 day"; a 24-hour business target is not a day.
    assert [fmt.duration(24 * 60, lang) for lang in ("sv", "it", "pl", "en")] == ["24 timmar", "24 ore", "24 godziny", "24 hours"]


def test_hours_and_minutes_join_the_locales_way() -> None:
    assert fmt.duration(90, "en") == "1 hour, 30 minutes"
    assert fmt.duration(90, "pl") == "1 godzina i 30 minut"
    assert fmt.duration(90, "it") == "1 ora e 30 minuti"


def test_whole_prices_drop_the_decimals_and_follow_each_locale() -> None:
    assert plain(fmt.money(Decimal("5000"), "SEK", "sv")) == "5 000 kr"
    assert plain(fmt.money(Decimal("5000"), "SEK", "pl")) == "5000 SEK"
    assert plain(fmt.money(Decimal("5000"), "SEK", "it")) == "5000 SEK"
    assert plain(fmt.money(Decimal("5000"), "SEK", "en")) == "SEK 5,000"


@pytest.mark.parametrize(
    ("lang", "own", "foreign"),
    [
        ("sv", {"SEK": "kr", "EUR": "€"}, ("USD", "GBP", "PLN", "NOK", "DKK", "CHF")),
        ("it", {"EUR": "€"}, ("USD", "GBP", "SEK", "PLN", "CHF")),
        ("pl", {"PLN": "zł", "EUR": "€"}, ("USD", "GBP", "SEK", "CHF")),
        ("en", {"GBP": "£", "EUR": "€"}, ("USD", "SEK", "PLN", "CAD", "AUD")),
    ],
)
def test_a_symbol_only_for_the_readers_own_currency_and_the_euro(lang: str, own: dict[str, str], foreign: tuple[str, ...]) -> None:
    """Swedish wrote CLDR's "US$" beside "GBP", Italian "£" beside "USD": one rule, every foreign currency by its code."""
    for currency, symbol in own.items():
        assert fmt.currency_sign(currency, lang) == symbol
        assert symbol in fmt.money(Decimal(35), currency, lang)
    for currency in foreign:
        assert fmt.currency_sign(currency, lang) == currency
        said = plain(fmt.money(Decimal(35), currency, lang))
        assert said in (f"35 {currency}", f"{currency} 35"), said
        assert not any(sign in said for sign in "$£¥") and "kr" not in said


def test_a_language_the_settings_add_gets_its_countrys_currency_by_symbol() -> None:
    assert fmt.currency_sign("CHF", "de-CH") == "CHF" and fmt.currency_sign("EUR", "de") == "€"
    assert plain(fmt.money(Decimal(35), "DKK", "da")) == "35 kr." and plain(fmt.money(Decimal(35), "SEK", "da")) == "35 SEK"


# Issue 9: what ICU (CLDR 48, the data behind the browsers' Intl) prints for these amounts, which Babel's
# own patterns miss: minimumGroupingDigits 2 in Polish and Italian, and currency spacing.
@pytest.mark.parametrize(
    ("lang", "amount", "currency", "expected"),
    [
        ("pl", "2500", "SEK", "2500\u00a0SEK"),
        ("pl", "12500", "SEK", "12\u00a0500\u00a0SEK"),
        ("it", "2500", "EUR", "2500\u00a0€"),
        ("it", "12500", "EUR", "12.500\u00a0€"),
        ("sv", "2500", "SEK", "2\u00a0500\u00a0kr"),
        ("en", "2500", "SEK", "SEK\u00a02,500"),
        ("en", "2500", "EUR", "€2,500"),  # a sign symbol takes no space
        ("en", "12500.5", "SEK", "SEK\u00a012,500.50"),
    ],
)
def test_money_follows_cldr_grouping_and_currency_spacing(lang, amount, currency, expected) -> None:
    assert fmt.money(Decimal(amount), currency, lang) == expected


@pytest.mark.parametrize(
    ("lang", "small", "large"), [("sv", "2 500", "12 500"), ("it", "2500", "12.500"), ("pl", "2500", "12 500"), ("en", "2,500", "12,500")]
)
def test_numbers_group_from_the_locales_minimum_grouping_digits(lang, small, large) -> None:
    assert plain(fmt.number(2500, lang)) == small
    assert plain(fmt.number(12500, lang)) == large
    assert fmt.number(999, lang) == "999"


def test_prices_with_cents_keep_them() -> None:
    assert plain(fmt.money(Decimal("12500.50"), "SEK", "sv")) == "12 500,50 kr"
    assert plain(fmt.money(Decimal("99.5"), "EUR", "en")) == "€99.50"


@pytest.mark.parametrize(
    ("lang", "currency", "expected"),
    [
        # "14 500 PLN–21 900 PLN" said the currency twice; CLDR's currency pattern puts it once, where it goes.
        ("sv", "SEK", "14 500–21 900 kr"),
        ("sv", "PLN", "14 500–21 900 PLN"),
        ("pl", "PLN", "14 500 – 21 900 zł"),
        ("it", "EUR", "14.500 – 21.900 €"),
        ("en", "EUR", "€14,500 – 21,900"),
        ("en", "SEK", "SEK 14,500 – 21,900"),
    ],
)
def test_a_price_range_says_its_currency_once_in_the_locales_place(lang: str, currency: str, expected: str) -> None:
    said = fmt.money_range(Decimal(14500), Decimal(21900), currency, lang)
    assert plain(said) == expected
    # The range stays on one line: a word joiner on each side of the joint, as every range of the site.
    assert "\u2060–\u2060" in said.replace("\u2009", "")


def test_a_price_range_with_cents_gives_both_ends_cents() -> None:
    assert plain(fmt.money_range(Decimal("12.5"), Decimal(20), "SEK", "sv")) == "12,50–20,00 kr"
    assert plain(fmt.money_range(Decimal("99.5"), Decimal(120), "EUR", "en")) == "€99.50 – 120.00"


def test_times_are_24_hour_and_midnight_at_the_end_of_a_day_is_24_00() -> None:
    for lang in ("sv", "it", "pl", "en"):
        assert fmt.clock(8 * 60 + 30, lang) == "08:30"
        assert fmt.clock(0, lang) == "00:00"
        assert fmt.clock(1440, lang) == "24:00"
    assert plain(fmt.time_range(8 * 60, 17 * 60, "sv")) == "08:00–17:00"
    assert plain(fmt.time_range(8 * 60, 17 * 60, "en")) == "08:00 – 17:00"


def test_weekday_ranges_use_the_locales_day_names() -> None:
    assert plain(fmt.weekday_range(0, 4, "sv")) == "mån–fre"
    assert plain(fmt.weekday_range(0, 4, "en")) == "Mon – Fri"
    assert plain(fmt.weekday_range(0, 4, "pl")) == "pon. – pt."
    assert plain(fmt.weekday_range(0, 4, "it")) == "lun – ven"
    assert fmt.weekday_range(5, 5, "en") == "Sat"


def test_lists_zones_countries_and_languages() -> None:
    assert fmt.listing(["a", "b", "c"], "sv") == "a, b och c"
    assert fmt.listing(["a", "b"], "pl") == "a i\u00a0b"  # Polish keeps "i" with the next word
    # Italian's euphonic d before a word that begins with e (session 26: "portale di assistenza e e-mail (PEC)").
    assert fmt.listing(["telefono", "portale", "e-mail (PEC)"], "it") == "telefono, portale ed e-mail (PEC)"
    assert fmt.listing(["finlandese", "estone"], "it") == "finlandese ed estone"
    assert fmt.listing(["e-mail", "telefono"], "it") == "e-mail e telefono"
    assert fmt.listing(["telefono", "e-mail"], "it", "or") == "telefono o e-mail"
    assert fmt.listing(["telefon", "e-mail"], "pl") == "telefon i\u00a0e-mail"
    # CLDR's generic zone names, the fallback for zones the site has no words of its own for (issue 9).
    assert fmt.zone_name("Europe/Stockholm", "sv") == "centraleuropeisk tid"
    assert fmt.zone_name("America/New_York", "pl") == "czas wschodnioamerykański"
    # Italian's CLDR names are capitalised as titles; the site's stand inside a sentence.
    assert fmt.zone_name("Europe/Rome", "it") == "ora dell’Europa centrale"
    assert fmt.zone_name("America/New_York", "en") == "Eastern Time"
    # No name but CLDR's location format ("czas: Indie", "Förenade Arabemiratentid"), or a Polish name with a country
    # in the nominative ("czas Japonia"): none, the page says the local time of the zone's place instead.
    for lang in ("sv", "it", "pl", "en"):
        assert fmt.zone_name("Asia/Kolkata", lang) is None and fmt.zone_name("Asia/Dubai", lang) is None
    assert fmt.zone_name("Asia/Tokyo", "pl") is None and fmt.zone_name("Asia/Tokyo", "sv") == "japansk tid"
    assert [fmt.zone_city("Asia/Kolkata", lang) for lang in ("sv", "it", "pl", "en")] == ["Kolkata", "Calcutta", "Kalkuta", "Kolkata"]
    assert fmt.zone_city("Asia/Dubai", "pl") == "Dubaj"
    assert fmt.country_name("SE", "it") == "Svezia"
    assert [fmt.language_name(code) for code in ("sv", "it", "pl", "en")] == ["Svenska", "Italiano", "Polski", "English"]


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_utc_and_fixed_offsets_are_named_by_their_offset_not_an_unknown_region(lang: str) -> None:
    # CLDR has no region for them: "Unknown Region (UTC) Time", "okänd region (UTC)tid" (an outside author's zone UTC).
    assert fmt.zone_name("UTC", lang) == "UTC"
    assert fmt.zone_name("Etc/UTC", lang) == "UTC"
    assert fmt.zone_name("GMT", lang) == "GMT"
    assert fmt.zone_name("Etc/GMT+5", lang) == "UTC−5"
    assert fmt.zone_name("Etc/GMT-10", lang) == "UTC+10"


def test_numbers_group_per_locale() -> None:
    assert plain(fmt.number(12000, "sv")) == "12 000"
    assert fmt.number(12000, "it") == "12.000"
    assert fmt.number(12000, "en") == "12,000"


def test_every_language_has_a_locale_and_every_period_a_cldr_unit() -> None:
    # Keyed by the vocabulary: a new language or period without its mapping here fails this test.
    assert set(fmt.LOCALES) == set(LANGUAGES)
    assert set(fmt.PERIOD_UNITS) == set(PERIODS)
    for lang in LANGUAGES:
        for period in PERIODS:
            assert fmt.length_of_time(2, period, lang) != "2", (lang, period)


@pytest.mark.parametrize(
    ("lang", "pattern", "written"),
    [("sv", "y-MM-dd", "2026-11-03"), ("it", "dd/MM/y", "03/11/2026"), ("pl", "d.MM.y", "3.11.2026"), ("en", "dd/MM/y", "03/11/2026"),
     ("de", "d.M.y", "3.11.2026"), ("hu", "y. MM. dd", "2026. 11. 03")],
)
def test_a_date_is_typed_in_the_locales_numeric_pattern_with_a_whole_year(lang: str, pattern: str, written: str) -> None:
    # CLDR's yMd skeleton, without a trailing dot (Hungarian's "y. MM. dd.") or a literal: the calculators' date field.
    assert fmt.date_entry(lang) == pattern
    assert fmt.date_in_entry(date(2026, 11, 3), lang) == written


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        (lambda: fmt.day(date(2026, 7, 1), "it"), "1º luglio 2026"),
        (lambda: fmt.day(date(2001, 1, 1), "it"), "1º gennaio 2001"),  # the year's 1 is no day
        (lambda: fmt.day(date(2026, 7, 11), "it"), "11 luglio 2026"),
        (lambda: fmt.day(date(2026, 7, 21), "it"), "21 luglio 2026"),
        (lambda: fmt.day(date(2026, 7, 1), "en"), "1 July 2026"),
        (lambda: fmt.day(date(2026, 7, 1), "sv"), "1 juli 2026"),
        (lambda: fmt.day(date(2026, 7, 1), "pl"), "1 lipca 2026"),
        # "il 1º" (primo, a consonant), where "l'1" was read "l'uno"; "l’8", "l’11" stay.
        (lambda: fmt.days_on([date(2027, 1, 1), date(2027, 1, 8), date(2027, 1, 11), date(2027, 1, 18)], "it"),
         "il 1º gennaio 2027, l’8 gennaio 2027, l’11 gennaio 2027 e il 18 gennaio 2027"),
        (lambda: fmt.day_of_year((7, 1), (8, 31), "it"), "1º luglio – 31 agosto"),
        (lambda: fmt.day_of_year((7, 1), (7, 3), "it"), "1º–3 luglio"),
        (lambda: fmt.day_of_year((12, 31), (1, 1), "it"), "31 dicembre – 1º gennaio"),
        (lambda: fmt.day_of_year((1, 1), (1, 1), "it"), "1º gennaio"),
        (lambda: fmt.day_of_year((12, 21), (12, 31), "it"), "21–31 dicembre"),
        (lambda: fmt.day_of_year((7, 1), (8, 31), "en"), "1 July – 31 August"),
    ],
)
def test_italian_says_the_first_of_a_month_as_an_ordinal(said, expected: str) -> None:  # type: ignore[no-untyped-def]
    """"il 1º luglio" (primo), never "il 1 luglio": in every Italian date, and only on the first."""
    assert plain(said()) == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        (lambda: fmt.interval("mån", "fre", "sv"), "mån–fre"),
        (lambda: fmt.time_range(8 * 60, 17 * 60, "sv"), "08:00–17:00"),
        (lambda: fmt.interval("sön 23:00", "fre 23:00", "sv"), "sön 23:00 – fre 23:00"),
        (lambda: fmt.interval("2 500", "15 000", "sv"), "2 500–15 000"),  # a number's group separator is no word space
        (lambda: fmt.interval("10 %", "20 %", "sv"), "10 % – 20 %"),  # an amount with its sign or currency, as CLDR writes it
        (lambda: fmt.day_of_year((12, 22), (12, 23), "sv"), "22–23 december"),  # the month belongs to both ends
        (lambda: fmt.day_of_year((12, 31), (1, 2), "sv"), "31 december – 2 januari"),
        (lambda: fmt.day_of_year((11, 8), (12, 12), "sv"), "8 november – 12 december"),
        # The other languages' CLDR patterns are spaced (thin spaces) already, and stay so.
        (lambda: fmt.interval("lun", "ven", "it"), "lun – ven"),
    ],
)
def test_swedish_spaces_a_ranges_dash_only_where_an_end_is_more_than_one_word(said, expected: str) -> None:  # type: ignore[no-untyped-def]
    """Svenska skrivregler: "08:00–17:00", "mån–fre", "22–23 december" close; "sön 23:00 – fre 23:00",
    "31 december – 2 januari" spaced, where CLDR's Swedish pattern set every range close."""
    assert plain(said()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dal 8 gennaio 2027: 1 ora", "dall’8 gennaio 2027: 1 ora"),
        ("pubblicazione del 11 ottobre 2026", "pubblicazione dell’11 ottobre 2026"),
        ("condizioni al 18 marzo 2026", "condizioni al 18 marzo 2026"),  # diciotto: a consonant
        ("chiuso dal 8 dicembre 2026 al 11 dicembre 2026", "chiuso dall’8 dicembre 2026 all’11 dicembre 2026"),
        ("ogni anno il 8 dicembre 08:00 – 12:00", "ogni anno l’8 dicembre 08:00 – 12:00"),
        # Only before a date's 8, 11 or 18: not before another number, not a time, not the first ("il 1º").
        ("dal 1º gennaio 2027", "dal 1º gennaio 2027"),
        ("dal 28 gennaio 2027", "dal 28 gennaio 2027"),
        ("il 8:00", "il 8:00"),
        # An ordinal (ottavo, undicesimo) too, but not the 18th (diciottesimo).
        ("entro la fine del 8º giorno lavorativo", "entro la fine dell’8º giorno lavorativo"),
        ("entro la fine del 18º giorno lavorativo", "entro la fine del 18º giorno lavorativo"),
        # The 80th (ottantesimo) as the 8th, by CLDR's Italian ordinal category "many"; the 108th (centottesimo) not.
        ("entro la fine del 80º giorno lavorativo", "entro la fine dell’80º giorno lavorativo"),
        ("entro la fine del 108º giorno lavorativo", "entro la fine del 108º giorno lavorativo"),
    ],
)
def test_italian_elides_the_article_before_a_date_said_with_a_vowel(text: str, expected: str) -> None:
    assert fmt.italian_elision(text, "it") == expected
    assert fmt.italian_elision(text, "en") == text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # The article goes by how the number is said: zero, uno, otto, undici, ottanta, ottocento take lo / l’;
        # diciotto, cento, mille do not.
        ("0.5", "lo 0,5%"), ("1", "l’1%"), ("1.5", "l’1,5%"), ("8", "l’8%"), ("11", "l’11%"), ("80", "l’80%"),
        ("85", "l’85%"), ("800", "l’800%"), ("5", "il 5%"), ("10", "il 10%"), ("18", "il 18%"), ("100", "il 100%"),
    ],
)
def test_italian_puts_the_article_a_share_is_said_with(value: str, expected: str) -> None:
    amount = Decimal(value)
    assert fmt.italian_article(amount) + fmt.exact_percent(amount, "it") == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th"]),
        ("sv", ["1:a", "2:a", "3:e", "4:e", "11:e", "12:e", "13:e", "21:a", "22:a", "23:e", "101:a", "111:e"]),
        ("it", ["1º", "2º", "3º", "4º", "11º", "12º", "13º", "21º", "22º", "23º", "101º", "111º"]),
        ("pl", ["1.", "2.", "3.", "4.", "11.", "12.", "13.", "21.", "22.", "23.", "101.", "111."]),
    ],
)
def test_an_ordinal_in_digits_takes_each_language_s_mark_by_cldr_s_ordinal_category(lang: str, expected: list[str]) -> None:
    assert [fmt.ordinal(n, lang) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111)] == expected


@pytest.mark.parametrize(
    ("places", "expected"),
    [
        (["Polska"], "w Polsce"),
        (["Szwecja", "Włochy"], "w Szwecji i we Włoszech"),  # each country its own preposition
        (["Litwa"], "na Litwie"),
        # A place the site cannot say in the locative (a region, a country not in the table) names them all in brackets.
        (["Bawaria, Niemcy", "Szwecja"], "(Bawaria, Niemcy i Szwecja)"),
        (["Tuvalu"], "(Tuvalu)"),
    ],
)
def test_polish_says_a_countrys_holidays_in_the_locative(places: list[str], expected: str) -> None:
    """"z wyjątkiem świąt ustawowych w Polsce", where the page read "świąt ustawowych (Polska)", a form's label."""
    said = fmt.polish_places(places)
    assert plain(said) == expected
    assert "w Polsce" not in said  # the one-letter preposition is kept with its word: "w\u00a0Polsce"
