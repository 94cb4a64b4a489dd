"""Session 20: what an outside author, writing three vendors from docs/language.md alone, stumbled over.

Each test holds one slip to the message, the spot and the hint that now tell the author what to write.
"""

from __future__ import annotations

import pytest

from dsl.language.loader import load_text
from dsl.site import views as site
from support.language_plans import HEADER, only, problems, vendor_of
from support.site import words

LEVELS = '  priorities s {\n    level P1 { name "1" }\n    level P2 { name "2" }\n  }\n'
OFFICE = "  calendar office {\n    zone Europe/Berlin\n    open mon-fri 08:00-17:00\n  }\n"
CONTACTS = '  contact phone "+49 89 12345678"\n  contact email "help@example.com"\n'


def _plan(*lines: str) -> str:
    body = "".join(f"    {line}\n" for line in lines)
    return HEADER + LEVELS + OFFICE + CONTACTS + f'  plan p {{\n    name "P"\n{body}  }}\n}}\n'


# --- T0301: a target has no id to change --------------------------------------------------------


def test_a_target_given_twice_is_told_to_keep_one_or_to_date_the_newer_not_to_rename_it() -> None:
    text = _plan("target first-response P1 1h on office", "target first-response P1 2h on office")
    assert only(text) == (
        "target 'first-response P1' is defined twice",
        17,
        5,
        "the first is at t.plan:16; keep one of them, or end the newer one with 'from DATE' if the terms change on that date",
    )


def test_a_footnote_given_twice_is_told_to_take_another_mark() -> None:
    text = HEADER + '  footnote * "One"\n  footnote * "Two"\n  plan p * { name "P" }\n}\n'
    message, line, column, hint = only(text)
    assert (message, line, column) == ("footnote '*' is defined twice", 5, 3)
    assert hint is not None and hint.endswith("give one another mark (*, **, ***, †, ‡)")


def test_a_plan_given_twice_is_still_told_to_give_one_another_id() -> None:
    text = HEADER + '  plan p { name "P" }\n  plan p { name "Q" }\n}\n'
    assert only(text)[3] == "the first is at t.plan:4; give one another id"


# --- T0315 / T0330: the channel list ------------------------------------------------------------


def test_priorities_joined_by_a_comma_point_at_the_priority_and_say_and() -> None:
    text = _plan("channels phone for P1, P2")
    assert only(text) == (
        "plan 'p' names an unknown channel 'P2'",
        16,
        28,
        "'P2' is a priority: join a channel's priorities with 'and', as in: channels phone for P1 and P2, email",
    )


def test_an_unknown_channel_is_reported_where_it_is_written() -> None:
    message, line, column, hint = only(_plan("channels phone, emial"))
    assert (message, line, column, hint) == ("plan 'p' names an unknown channel 'emial'", 16, 21, "did you mean 'email'?")


def test_an_inherited_unknown_channel_is_reported_once_at_the_parents_line() -> None:
    text = HEADER + CONTACTS + '  plan p {\n    name "P"\n    channels emial\n  }\n  plan q extends p { name "Q" }\n}\n'
    assert only(text)[:3] == ("plan 'p' names an unknown channel 'emial'", 8, 14)


def test_a_channel_listed_twice_is_an_error_at_the_second() -> None:
    text = HEADER + LEVELS + CONTACTS + (
        '  calendar around { open 24x7 }\n'
        '  plan p {\n    name "P"\n    channels phone hours around for P1, phone, email\n  }\n}\n'
    )
    assert only(text) == (
        "plan 'p' names the channel 'phone' twice",
        13,
        41,
        "list it once (first at line 13); for other hours on some priorities, declare a second contact with 'as ID'",
    )


def test_two_contacts_of_one_kind_are_two_channels() -> None:
    text = HEADER + LEVELS + CONTACTS + (
        '  contact phone "+49 89 87654321" as phone-urgent\n'
        '  calendar around { open 24x7 }\n'
        '  plan p {\n    name "P"\n    channels phone-urgent hours around for P1, phone, email\n  }\n}\n'
    )
    assert vendor_of(text).plans[0].channels == ("phone-urgent", "phone", "email")


# --- T0116: a currency symbol after the amount --------------------------------------------------


@pytest.mark.parametrize(
    ("line", "column", "instead"),
    [
        ("price 12 $ per month", 14, "write 12 USD"),
        ("price 1 200,50 € per month", 11, "write 1200.50"),
        ("price $35", 11, "write 35 USD"),
    ],
)
def test_a_currency_symbol_hint_keeps_the_authors_amount(line: str, column: int, instead: str) -> None:
    message, at_line, at_column, hint = only(_plan(line))
    assert (at_line, at_column) == (16, column), message
    assert hint is not None and hint.endswith(instead), hint


# --- T0517: what a kind of holiday holds --------------------------------------------------------


def _holidays(line: str) -> str:
    return HEADER + f"  calendar office {{\n    zone Europe/Helsinki\n    open mon-fri 08:00-17:00\n    {line}\n  }}\n}}\n"


def test_an_unknown_kind_of_holiday_lists_the_kinds_with_some_of_their_days() -> None:
    message, line, column, hint = only(_holidays("closed holidays FI including de-facto"))
    assert (message, line, column) == ("FI has no holidays of the kind 'de-facto'", 7, 34)
    # Finland's 'unofficial' days are flag days, working days: the names say so where the kind does not.
    assert hint is not None and hint.startswith("FI has: 'unofficial' (\"Runeberg Day\", "), hint
    assert "'workday' (" in hint and hint.count(", ...)") == 2


def test_a_subdivisions_own_kind_is_shown_with_its_day() -> None:
    hint = only(_holidays("closed holidays DE BY including christmas"))[3]
    assert hint is not None and hint.startswith("DE has: 'catholic' (\"Assumption Day\"); 'school' ("), hint


def test_a_misspelt_kind_still_gets_did_you_mean() -> None:
    assert only(_holidays("closed holidays SE including de-fakto"))[3] == "did you mean 'de-facto'?"


# --- T0520: a zone with no summer time ----------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "meant"),
    [("EST", "such as America/New_York"), ("HST", "such as Pacific/Honolulu"), ("Etc/GMT+5", "such as Europe/Berlin or America/New_York")],
)
def test_a_fixed_offset_zone_is_a_warning_at_the_zone(zone: str, meant: str) -> None:
    text = HEADER + f"  calendar office {{\n    zone {zone}\n    open mon-fri 08:00-17:00\n  }}\n}}\n"
    assert not problems(text)
    message, line, column, hint = only(text, "warning")
    assert (message, line, column) == (f"'{zone}' keeps the same offset from UTC all year, with no summer time", 5, 5)
    assert hint == f"for the hours of a place, name its zone, {meant}"


@pytest.mark.parametrize("zone", ["America/New_York", "UTC", "Europe/Berlin", "US/Eastern"])
def test_a_places_zone_is_no_warning(zone: str) -> None:
    text = HEADER + f'  calendar office {{\n    zone {zone}\n    open mon-fri 08:00-17:00\n  }}\n  plan p {{ name "P" }}\n}}\n'
    assert [d for d in problems(text, "warning") if "offset" in d[0]] == []


# --- the page names every kind of holiday a calendar closes on ----------------------------------


def _calendar_text(line: str, lang: str) -> str:
    text = HEADER.replace("language sv", "language en only") + (
        f"  calendar office {{\n    zone Europe/Berlin\n    open mon-fri 08:00-17:00\n    {line}\n  }}\n"
        '  plan p { name "P" target first-response all 2h on office }\n}\n'
    )
    result = load_text(text, "t.plan")
    assert not result.errors
    assert result.project is not None
    (calendar,) = result.project.vendors[0].calendars
    return site.calendar_text(calendar, site.Reader(lang, words()[lang])).replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "except public holidays and Catholic holidays in Bavaria, Germany"),
        ("sv", "utom allmänna helgdagar och katolska helgdagar i Bayern, Tyskland"),
        ("it", "esclusi i giorni festivi e le festività cattoliche in Germania (Baviera)"),
        ("pl", "z wyjątkiem świąt ustawowych i świąt katolickich (Bawaria, Niemcy)"),  # genitive; no nested brackets
    ],
)
def test_a_calendar_closed_on_another_kind_of_holiday_names_that_kind(lang: str, words: str) -> None:
    """It said "and some other holidays": a reader could not tell which days the clock stops on."""
    assert words in _calendar_text("closed holidays DE BY including catholic", lang)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "except public holidays, de facto holidays and bank holidays in Sweden"),
        ("sv", "utom allmänna helgdagar, de facto-helgdagar och bankhelgdagar i Sverige"),
        ("it", "esclusi i giorni festivi, i giorni non lavorativi per consuetudine e le festività bancarie in Svezia"),
        ("pl", "z wyjątkiem świąt ustawowych, dni zwyczajowo wolnych od pracy i dni wolnych od pracy w bankach w Szwecji"),
    ],
)
def test_several_kinds_are_listed_in_the_languages_way(lang: str, words: str) -> None:
    assert words in _calendar_text("closed holidays SE including de-facto, bank", lang)


def test_every_kind_of_the_holidays_package_has_words_or_says_some_other_holidays() -> None:
    from holidays import constants

    kinds = {v for k, v in vars(constants).items() if k.isupper() and isinstance(v, str) and v.isidentifier()}
    for lang in ("sv", "it", "pl", "en"):
        reader = site.Reader(lang, words()[lang])
        names = site.holiday_kind_names(reader)
        assert all(names[kind] != kind for kind in names)  # a catalog entry, not the package's code
        for kind in kinds - {"public", "workday"}:
            text = site.holiday_kinds_text({kind}, reader)
            assert text.startswith(names["public"]) and text != names["public"]
        assert site.holiday_kinds_text({"sabian"}, reader).endswith(reader.gettext("some other holidays"))


def test_public_holidays_alone_are_still_called_so() -> None:
    assert "except public holidays in Bavaria, Germany" in _calendar_text("closed holidays DE BY", "en")


# --- T0402 at a vendor's `language`: an offer written in another language ------------------------


def test_a_german_offer_is_told_to_name_the_language_its_texts_are_written_in() -> None:
    message, line, column, hint = only('vendor v {\n  name "V"\n  language de\n  plan p { name "P" }\n}\n')
    assert (message, line, column) == ("'de' is not one of the site's languages", 3, 12)
    assert hint == (
        "use one of: sv, it, pl, en: the language this file's texts are written in (a German offer written here in "
        "English is 'language en'); to publish pages in 'de', add it to [site] languages in tierwise.toml, beside plans/"
    )


def test_a_vendor_language_that_is_no_language_keeps_the_short_hint() -> None:
    hint = only('vendor v {\n  name "V"\n  language xq\n  plan p { name "P" }\n}\n')[3]
    assert hint == "use one of: sv, it, pl, en (the site's languages are set by [site] languages in tierwise.toml, beside plans/)"


# --- T0503 and the syntax of `closed holidays` / `closed yearly` ---------------------------------


def _calendar(line: str) -> str:
    return HEADER + f"  calendar office {{\n    zone Europe/Berlin\n    open mon-fri 08:00-17:00\n    {line}\n  }}\n}}\n"


def test_a_subdivision_near_no_code_lists_the_codes_with_their_names() -> None:
    message, line, column, hint = only(_calendar("closed holidays DE BAV"))
    assert (message, line, column) == ("'BAV' is not a subdivision of DE", 7, 5)
    assert hint is not None and hint.startswith("DE's subdivisions: ") and "BY (Bayern)" in hint, hint


def test_a_long_list_of_subdivisions_is_cut_and_counted() -> None:
    hint = only(_calendar("closed holidays US XX"))[3]
    assert hint is not None and hint.startswith("US's subdivisions: AK (Alaska), ") and hint.endswith(" more"), hint
    assert hint.count("(") == 20


def test_a_country_without_subdivisions_says_so() -> None:
    hint = only(_calendar("closed holidays SE XX"))[3]
    assert hint == "the holidays package has no subdivisions of SE: write closed holidays SE"


def test_a_near_subdivision_code_still_gets_did_you_mean() -> None:
    assert only(_calendar("closed holidays US NYC"))[3] == "did you mean 'NY'?"


@pytest.mark.parametrize(
    ("line", "column", "hint"),
    [
        ("closed holidays DE Bavaria", 24, "a subdivision is the holidays package's code in capitals, after the country"),
        ("closed holidays DE by", 24, "a subdivision is the holidays package's code in capitals, after the country"),
        ("closed yearly 12-24, 12-31", 24, "one day (or one 'MM-DD to MM-DD' span) per line"),
        ("closed yearly 12-24 and 12-31", 25, "one day (or one 'MM-DD to MM-DD' span) per line"),
    ],
)
def test_a_calendar_slip_gets_a_hint(line: str, column: int, hint: str) -> None:
    message, at_line, at_column, said = only(_calendar(line))
    assert (at_line, at_column) == (7, column), message
    assert said is not None and said.startswith(hint), said


def test_a_misspelt_including_is_still_a_misspelt_keyword() -> None:
    assert only(_calendar("closed holidays DE includng catholic"))[3] == "did you mean 'including'?"


# --- T0521: yearly hours that open a weekend ----------------------------------------------------


def _yearly(line: str, week: str = "open mon-fri 08:00-17:00", horizon: str = "horizon 2026-2028\n") -> str:
    return horizon + HEADER + f"  calendar office {{\n    zone Europe/Berlin\n    {week}\n    {line}\n  }}\n}}\n"


def test_yearly_hours_on_a_sunday_of_the_horizon_are_a_warning_naming_the_day() -> None:
    assert not problems(_yearly("hours yearly 12-24 08:00-12:00"))
    assert only(_yearly("hours yearly 12-24 08:00-12:00"), "warning") == (
        "these hours also open Sunday 24 December 2028, a day the week keeps closed",
        8,
        5,
        "for working days only, end the line with 'on working days'",
    )


def test_the_years_judged_are_the_horizons() -> None:
    # 24 December is a weekday in 2029-2031, and the rules cover only those years.
    assert problems(_yearly("hours yearly 12-24 08:00-12:00", horizon="horizon 2029-2031\n"), "warning") == []
    # Without a horizon the rules cover 2026-2028, and so does the check.
    assert [p[0] for p in problems(_yearly("hours yearly 12-24 08:00-12:00", horizon=""), "warning")] == [
        "these hours also open Sunday 24 December 2028, a day the week keeps closed"
    ]


@pytest.mark.parametrize(
    ("line", "week"),
    [
        ("hours yearly 12-24 08:00-12:00", "open mon-sun 08:00-17:00"),  # the week opens every day
        ("hours yearly 12-24 08:00-12:00", "open mon-fri 08:00-17:00\n    hours 2028-12-24 08:00-09:00"),  # its own line wins
        ("closed yearly 12-24", "open mon-fri 08:00-17:00"),  # a closed day opens nothing
        ("hours yearly 12-24 08:00-12:00", "open sun 23:00 - fri 23:00"),  # Sunday is open from 23:00
    ],
)
def test_yearly_hours_that_open_no_closed_day_are_no_warning(line: str, week: str) -> None:
    assert [p for p in problems(_yearly(line, week), "warning") if "keeps closed" in p[0]] == []


def test_the_fallback_horizon_is_the_rules() -> None:
    from dsl.language.checks import FALLBACK_HORIZON
    from dsl.rules.export import FALLBACK_YEARS

    assert FALLBACK_HORIZON == FALLBACK_YEARS


# --- a count with a unit word -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "where"),
    [
        # `GB` is read as the next feature and the parser stops after it (at the `}`, or at `backups`): the caret is at `GB`.
        ("storage: 50 GB", (17, 19)),
        ("storage: 50 GB\n      backups: yes", (17, 19)),
        ("storage yes", (17, 15)),
    ],
)
def test_a_count_with_a_unit_word_says_to_write_a_text(cells: str, where: tuple[int, int]) -> None:
    message, line, column, hint = only(_plan(f"features {{\n      {cells} }}"))
    assert (line, column) == where, message
    assert hint is not None and hint.startswith("a cell is FEATURE: VALUE, and a count takes no unit word: for 50 GB write a text")


# --- T0405: a metric of the vendor's own --------------------------------------------------------


def test_a_metric_of_another_kind_is_told_where_such_a_promise_goes() -> None:
    message, line, column, hint = only(_plan("target replacement P1 2 business days on office"))
    assert (message, line, column) == ("unknown metric 'replacement'", 16, 12)
    assert hint == (
        "the metrics are registration, first-response, on-site, status-update, workaround, resolution; a promise of "
        "another kind (a replacement device within 2 days) is a feature cell or an obligation"
    )


def test_declaring_a_metric_of_its_own_gets_the_same_hint() -> None:
    text = HEADER + '  metric replacement { name "Replacement" definition "A device is replaced." }\n}\n'
    message, line, column, hint = only(text)
    assert (message, line, column) == ("unknown metric 'replacement'", 4, 3)
    assert hint is not None and hint.endswith("is a feature cell or an obligation")


def test_an_on_site_promise_is_now_a_metric_of_its_own() -> None:
    """Format 1.6: what this hint once sent to a feature cell (a technician on site within 4 hours) is a target."""
    text = HEADER + '  metric on-site { name "On-site arrival" definition "A technician arrives." }\n}\n'
    assert not [d for d in load_text(text, "t.plan").diagnostics if d.is_error]
    assert not [d for d in load_text(_plan("target on-site P1 4h on office"), "t.plan").diagnostics if d.is_error]


def test_a_misspelt_metric_still_gets_did_you_mean() -> None:
    assert only(_plan("target respons P1 4h on office"))[3] == "did you mean 'first-response'?"


# --- two contacts of one kind in a tier are told apart by the author's label ----------------------


@pytest.mark.parametrize(
    ("lang", "urgent"),
    [("en", "Phone (Urgent line; Critical only)"), ("sv", "Telefon (Jourlinje; endast Kritisk)")],
)
def test_a_labelled_second_phone_is_named_by_its_label_not_its_number(lang: str, urgent: str) -> None:
    text = HEADER.replace("language sv", "language en") + (
        '  priorities s { level P1 { name { sv "Kritisk" it "Critica" pl "Krytyczny" en "Critical" } } level P2 { name "2" } }\n'
        '  contact phone "+1 617-555-0142"\n'
        '  contact phone "+1 617-555-0199" as phone-urgent { en "Urgent line" sv "Jourlinje" it "Linea urgente" pl "Linia pilna" }\n'
        '  plan p { name "P" channels phone-urgent for P1, phone }\n}\n'
    )
    acme = vendor_of(text)
    services = site.plan_services(acme, site.Reader(lang, words()[lang], acme))
    # Without the word joiners that keep the number whole on a line ("555-\u20600142").
    channels = [str(c).replace("\u00a0", " ").replace("\u2060", "") for c in services[0].channels]
    assert channels[0] == urgent  # not "Phone ((617) 555-0199) (Critical only)"
    # The unlabelled one keeps its number, as a reader dials it from anywhere: no page's reader is in the US.
    assert "+1 617-555-0142" in channels[1] and "(617)" not in channels[1]


# --- targets and coverage: one priority a line, a calendar by its id, a coverage once -------------


@pytest.mark.parametrize(
    ("line", "column", "hint"),
    [
        ("target first-response P1 and P2 1h on office", 30, "a target names one priority (or all), then its time"),
        ("target first-response P1, P2 1h on office", 29, "a target names one priority (or all), then its time"),
        ("target first-response P1 within 1h on office", 30, "a target's time comes right after its priority, without 'within'"),
        ("target first-response P1 1h on 24x7", 36, "'on' names a calendar by its id: declare calendar around-the-clock"),
        ("coverage all on 24x7", 21, "'on' names a calendar by its id: declare calendar around-the-clock"),
    ],
)
def test_a_target_slip_gets_a_hint(line: str, column: int, hint: str) -> None:
    message, at_line, at_column, said = only(_plan(line))
    assert (at_line, at_column) == (16, column), message
    assert said is not None and said.startswith(hint), said


@pytest.mark.parametrize(("written", "instead"), [("0.5h", "write 30min"), ("1.5h", "write 1h 30min"), ("2.0h", "write 2h")])
def test_a_decimal_duration_is_told_its_minutes(written: str, instead: str) -> None:
    hint = only(_plan(f"target first-response P1 {written} on office"))[3]
    assert hint is not None and hint.endswith(instead), hint


def test_a_coverage_line_given_twice_is_an_error_at_the_second() -> None:
    text = _plan("coverage P1 on office", "coverage all on office", "coverage P1 on office")
    assert only(text) == ("coverage 'P1' is defined twice", 18, 5, "the first is at t.plan:16; keep one of them")


# --- `hours yearly 12-24 08:00-12:00 on working days` (session 22) ------------------------------------
# An outside MSP's Christmas Eve and New Year's Eve half days "when a working day" took one dated line per
# year of the horizon, which every cell of the page then listed, and which the author had to renew.


def test_yearly_hours_on_working_days_open_only_days_the_week_opens_and_no_holiday_closes() -> None:
    from dsl.rules.export import export_project

    text = _yearly("hours yearly 12-24 08:00-12:00 on working days\n    closed holidays DE BY")
    assert problems(text, "warning") == []  # Sunday 24 December 2028 is not opened: nothing to warn of
    result = load_text(text, "t.plan")
    assert result.project is not None and not result.errors
    dates = export_project(result.project, (2026, 2028))["vendors"]["v"]["calendars"]["office"]["dates"]
    assert dates.get("2026-12-24") == [["08:00", "12:00"]] and dates.get("2027-12-24") == [["08:00", "12:00"]]
    assert "2028-12-24" not in dates  # a Sunday: the week keeps it closed
    # Where the day is a public holiday (Poland's Christmas Eve, from 2025), it stays closed.
    polish = _yearly("hours yearly 12-24 08:00-12:00 on working days\n    closed holidays PL").replace("Europe/Berlin", "Europe/Warsaw")
    result = load_text(polish, "t.plan")
    assert result.project is not None and not result.errors
    assert export_project(result.project, (2026, 2028))["vendors"]["v"]["calendars"]["office"]["dates"]["2026-12-24"] == []


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", "varje år 24 december 08:00–12:00 om det är en arbetsdag"),
        ("it", "ogni anno il 24 dicembre 08:00 – 12:00, se è un giorno lavorativo"),
        ("pl", "co roku 24 grudnia 08:00 – 12:00, jeśli to dzień roboczy"),
        ("en", "every year on 24 December 08:00 – 12:00 when it is a working day"),
    ],
)
def test_the_page_says_the_yearly_hours_hold_on_working_days(lang: str, said: str) -> None:
    vendor = vendor_of(_yearly("hours yearly 12-24 08:00-12:00 on working days"))
    text = site.calendar_text(vendor.calendars[0], site.Reader(lang, words()[lang], vendor))
    assert said in text.replace("\u2060", "").replace("\u2009", " ").replace("\u00a0", " ")
