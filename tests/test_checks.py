"""The checks stage: fixed words judged against the vocabulary, and the judgments moved out of parser and loader."""

import pytest

from dsl.language import checks
from dsl.language.loader import load_project, load_text, resolve
from dsl.language.parser import parse_text
from dsl.language.vocabulary import CONTACT_KINDS, LANGUAGES, PERIODS, WEEKDAYS
from support.language_plans import ALL, HEADER, only, problems, vendor_of

# --- fixed words: the grammar takes a name, the checks judge it ---------------------------------


def test_unknown_period_of_a_price():
    message, line, col, hint = only(HEADER + '  plan p { name "P" price 5 EUR per quater }\n}\n')
    assert message == "unknown period 'quater'"
    assert (line, col) == (4, 37)
    assert hint == "did you mean 'quarter'?"


def test_unknown_period_of_a_cell_and_an_obligation():
    plan = f'  plan p {{ name "P" features {{ f: 4 per yaer }}\n    obligation m 4 per mnth {{ {ALL} }} }}\n}}\n'
    text = HEADER + f"  feature f {{ label {{ {ALL} }} }}\n" + plan
    assert problems(text) == [
        ("unknown period 'yaer'", 5, 41, "did you mean 'year'?"),
        ("unknown period 'mnth'", 6, 24, "did you mean 'month'?"),
    ]


def test_a_period_far_from_any_lists_them_in_vocabulary_order():
    _, _, _, hint = only(HEADER + '  plan p { name "P" price 5 EUR per fortnight }\n}\n')
    assert hint == "use one of: " + ", ".join(PERIODS)


def test_unknown_kind_of_contact():
    message, line, col, hint = only(HEADER + '  contact emial "x"\n}\n')
    assert message == "unknown kind of contact 'emial'"
    assert (line, col) == (4, 11)
    assert hint == "did you mean 'email'?"


def test_a_chat_is_a_kind_of_contact_with_a_web_address():
    """An outside author wrote `contact chat "https://..."`: it is a kind of its own now, not a labelled web contact."""
    vendor = vendor_of(HEADER + '  contact chat "https://acme.example/chat"\n  plan p { name "P" channels chat }\n}\n')
    (chat,) = vendor.contacts
    assert (chat.id, chat.kind, chat.value) == ("chat", "chat", "https://acme.example/chat")
    assert (chat.kind_pos.line, chat.kind_pos.column) == (4, 11)
    assert vendor.plans[0].channels == ("chat",)
    assert problems(HEADER + '  contact chat "https://acme.example/chat"\n}\n') == []


@pytest.mark.parametrize(
    "value, message, col, hint",
    [
        ("acme.example/chat", "the web address 'acme.example/chat' has no scheme", 16, 'write it with https:// in front: "https://acme.example/chat"'),
        ("Live chat", "'Live chat' is not a web address", 16, 'write a full address such as "https://support.example.com"'),
    ],
)
def test_a_chat_address_is_judged_like_a_web_address(value, message, col, hint):
    # Unlike a portal, a chat is never just a name: the page must be able to open it.
    assert only(HEADER + f'  contact chat "{value}" as live\n}}\n') == (message, 4, col, hint)


@pytest.mark.parametrize(
    "kind, hint",
    [
        ("livechat", 'write it as a chat contact: contact chat "https://..."'),
        ("live-chat", 'write it as a chat contact: contact chat "https://..."'),
        ("whatsapp", 'write it as a chat contact with its own id and label: contact chat "https://..." as whatsapp { en "..." }'),
        ("teams", 'write it as a chat contact with its own id and label: contact chat "https://..." as teams { en "..." }'),
    ],
)
def test_a_messaging_word_written_as_a_kind_of_contact_is_shown_the_chat_kind(kind, hint):
    message, line, col, got = only(HEADER + f'  contact {kind} "https://acme.example/chat"\n}}\n')
    assert (message, line, col) == (f"unknown kind of contact '{kind}'", 4, 11)
    assert got == hint
    fixed = HEADER + f'  contact chat "https://acme.example/chat" as {kind} {{ sv "Chatt" it "Chat" pl "Czat" en "Live chat" }}\n}}\n'
    assert not [d for d in load_text(fixed, "acme.plan").diagnostics if d.is_error]


def test_unknown_language_of_a_text():
    message, line, col, hint = only(HEADER + '  intro { sv "a" de "b" it "I" pl "P" en "E" }\n}\n')
    assert message == "'de' is not one of the site's languages"
    assert (line, col) == (4, 18)
    # Without a settings file the site publishes today's four; the hint says where that is set.
    assert hint == "use one of: " + ", ".join(LANGUAGES) + " (the site's languages are set by [site] languages in tierwise.toml, beside plans/)"


def test_unknown_language_in_an_unused_shared_calendar_is_still_found():
    message, line, col, _ = only('calendar c { name { sv "x" en "y" it "z" pl "w" xx "v" } zone UTC open mon 08:00-17:00 }\n')
    assert message == "'xx' is not one of the site's languages"
    assert (line, col) == (1, 49)


def test_vendor_language_outside_the_site():
    message, line, col, hint = only('vendor v { name "V" language fi }\n')
    assert message == "'fi' is not one of the site's languages"
    assert (line, col) == (1, 30)
    # A Finnish offer is written here in one of the site's languages (session 20: the hint says so).
    assert hint.startswith("use one of: sv, it, pl, en: the language this file's texts are written in")
    assert hint.endswith("to publish pages in 'fi', add it to [site] languages in tierwise.toml, beside plans/")


def test_a_keyword_can_be_a_language_code_in_a_text():
    # 'no' is also a cell value; inside a text it is read as a (wrong) language code, not a syntax error.
    message, line, col, _ = only(HEADER + '  intro { no "x" }\n}\n')
    assert message == "'no' is not one of the site's languages"
    assert (line, col) == (4, 11)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # Which languages a site publishes is its settings' choice: the parser names a code as an example.
        ('vendor v { name "V" language 5 }\n', "a language code such as sv or en"),
        (HEADER + "  intro { 5 }\n}\n", "'}' or a language code such as sv or en"),
        (HEADER + "  contact 5\n}\n", "a kind of contact (" + ", ".join(CONTACT_KINDS) + ")"),
        (HEADER + '  plan p { name "P" price 5 EUR per 5 }\n}\n', "a period (" + ", ".join(PERIODS) + ")"),
        ("calendar c { zone UTC open mon-fry 08:00-17:00 }\n", "a weekday (" + ", ".join(WEEKDAYS) + ")"),
    ],
)
def test_syntax_errors_name_the_vocabulary(text, said):
    message, _, _, _ = only(text)
    assert message.endswith("; expected " + said)


# --- judgments the parser used to make ------------------------------------------------------


def test_eve_and_date_hours_ending_before_they_start():
    text = "calendar c { zone UTC open mon 08:00-17:00 closed holidays SE\n  eve 12:00-08:00\n  hours 2026-12-24 18:00-09:30 }\n"
    hint = "hours that run past midnight name both days: open fri 22:00 - sat 06:00"
    assert problems(text) == [
        ("the hours 12:00-08:00 end before they start", 2, 7, hint),
        ("the hours 18:00-09:30 end before they start", 3, 20, hint),
    ]


def test_a_span_within_one_day_must_end_after_it_starts():
    message, line, col, _ = only("calendar c { zone UTC\n  open mon 08:00 - mon 07:00 }\n")
    assert message == "the hours 08:00-07:00 end before they start"
    assert (line, col) == (2, 3)


def test_duration_of_an_obligation_not_positive():
    text = HEADER + "  calendar c { zone UTC open mon 08:00-17:00 }\n" + f'  plan p {{ name "P" obligation x after 0min on c {{ {ALL} }} }}\n}}\n'
    assert only(text) == ("a duration must be longer than zero", 5, 40, "write the time allowed, such as 15min or 2h")


def test_a_cell_given_twice():
    text = HEADER + f"  feature f {{ label {{ {ALL} }} }}\n" + '  plan p { name "P" features {\n    f: yes\n    f: no } }\n}\n'
    assert only(text) == ("feature 'f' is given twice in this plan", 7, 5, "first given at line 6")


def test_matrix_row_for_an_undeclared_urgency_and_an_unknown_level():
    text = (
        "priorities s {\n"
        + f"  level P1 {{ name {{ {ALL} }} }}\n"
        + f"  impact big {{ {ALL} }}\n  urgency high {{ {ALL} }}\n"
        + "  matrix {\n    hihg: P1\n    high: P2\n  }\n}\n"
    )
    assert problems(text) == [
        ("the matrix row 'hihg' is not a declared urgency", 6, 5, "did you mean 'high'?"),
        ("the matrix names an unknown level 'P2'", 7, 11, "known here: 'P1'"),
    ]


# --- judgments the loader used to make -------------------------------------------------------


def test_vendor_without_language_and_name():
    hint_language = "add 'language sv' (the language the offer was written in)"
    assert problems("vendor v { }\n") == [
        ("vendor 'v' does not say its language", 1, 1, hint_language),
        ("vendor 'v' has no name", 1, 1, 'add a line such as: name "Stratiteq"'),
    ]


def test_unknown_priority_scheme_and_several_unused():
    assert only(HEADER + '  priorities levls\n  priorities levels { level P1 { name "x" } }\n}\n') == (
        "unknown priority scheme 'levls'",
        4,
        14,
        "did you mean 'levels'?",
    )
    message, line, _, _ = only(HEADER + '  priorities a { level P1 { name "x" } }\n  priorities b { level P1 { name "x" } }\n}\n')
    assert (message, line) == ("this vendor defines several priority schemes but uses none", 1)


def test_unknown_category_channel_segment_and_clock():
    text = (
        HEADER
        + f"  category k {{ {ALL} }}\n  feature f in kk {{ label {{ {ALL} }} }}\n  contact email\n  segment s {{ {ALL} }}\n"
        + '  plan p { name "P" channels emial price ss 5 EUR target first-response all 2h }\n}\n'
    )
    assert sorted(problems(text), key=lambda p: p[1:3]) == [
        ("unknown category 'kk'", 5, 3, "did you mean 'k'?"),
        ("plan 'p' names an unknown channel 'emial'", 8, 30, "did you mean 'email'?"),  # at the channel, not the plan (session 20)
        ("unknown customer segment 'ss'", 8, 36, "did you mean 's'?"),
        ("this target does not say which clock it runs on", 8, 51, "end it with 'on CALENDAR', such as: on office-hours"),
    ]


def test_unknown_calendar_suggests_a_shared_one():
    text = "calendar around-the-clock { open 24x7 }\n" + HEADER + '  contact phone hours around-the-clok\n}\n'
    assert only(text) == ("unknown calendar 'around-the-clok'", 5, 23, "did you mean 'around-the-clock'?")  # at the calendar's id


def test_unknown_calendar_in_a_project_with_none_says_how_to_define_one():
    # A new project has no calendars at all, so no "did you mean": the hint shows a definition.
    message, line, col, hint = only(HEADER + "  contact portal hours around-the-clock\n}\n")
    assert (message, line, col) == ("unknown calendar 'around-the-clock'", 4, 24)
    assert hint == (
        "define it in the vendor or at the top of a file: calendar around-the-clock { open 24x7 }, "
        "or with a zone and open hours"
    )


def test_an_unknown_calendar_far_from_every_known_one_also_says_how_to_define_it():
    # outside15: a vendor with calendars of its own named the docs' around-the-clock, which only the checkout's
    # plans/shared.plan defines; "known here: ..." alone did not say that it could simply be defined.
    text = HEADER + "  calendar biuro { zone Europe/Warsaw open mon-fri 08:00-18:00 }\n"
    text += '  contact email "pomoc@example.pl" hours around-the-clock answered biuro\n}\n'
    message, line, col, hint = only(text)
    assert (message, line, col) == ("unknown calendar 'around-the-clock'", 5, 42)
    assert hint == (
        "known here: 'biuro'; or define it in the vendor or at the top of a file: calendar around-the-clock { open 24x7 }, "
        "or with a zone and open hours"
    )


def test_a_file_holds_one_vendor_and_vendor_ids_are_unique():
    found = problems(HEADER + '}\nvendor v { name "W" language en }\n')
    assert [(m, line) for m, line, _, _ in found] == [("vendor 'v' is defined twice", 5), ("a file holds one vendor; this is a second one", 5)]


# --- each element once ------------------------------------------------------------------------


def test_a_shared_calendar_used_by_two_vendors_is_reported_once(tmp_path):
    (tmp_path / "shared.plan").write_text("calendar c { name { sv \"x\" } zone Mars/Base open mon 08:00-17:00 }\n")
    for vid in ("a", "b"):
        (tmp_path / f"{vid}.plan").write_text(f'vendor {vid} {{ name "V" language sv plan p {{ name "P" target first-response all 2h on c }} }}\n')
    result = load_project([tmp_path])
    messages = [d.message for d in result.diagnostics]
    assert messages.count("unknown time zone 'Mars/Base'") == 1
    assert messages.count("the name of calendar 'c' has no it, pl, en translation") == 1


def test_an_inherited_obligation_is_reported_once():
    text = HEADER + '  plan p { name "P" obligation o { sv "y" } }\n  plan q extends p { name "Q" }\n}\n'
    assert only(text, "warning")[:3] == ("obligation 'o' has no it, pl, en translation", 4, 34)


def test_checks_run_on_declarations_and_resolution_alone():
    decl, parse_problems = parse_text(HEADER + '  plan p extends nothing { name "P" }\n}\n', "t.plan")
    assert decl is not None and parse_problems == []
    resolution = resolve([decl])
    (plan,) = resolution.project.vendors[0].plans
    assert plan.extends is None  # resolution leaves the unknown parent out; the checks say why
    found = checks.check_project([decl], resolution.vendors)
    assert [(d.message, d.hint) for d in found] == [("plan 'p' extends an unknown plan 'nothing'", "known here: 'p'")]


def test_valid_input_has_no_diagnostics():
    result = load_text(HEADER + "}\n", "t.plan")
    assert result.diagnostics == [] and result.project is not None


# --- a workaround between the first response and the resolution -------------------------------------

WORKAROUND = HEADER + "  calendar office { zone Europe/Stockholm open mon-fri 08:00-17:00 }\n  plan p {\n    name \"P\"\n"


def test_a_workaround_longer_than_the_resolution_is_a_located_warning():
    text = WORKAROUND + "    target resolution all 4h on office\n    target workaround all 8h on office\n  }\n}\n"
    assert only(text, severity="warning") == (
        "target 'workaround all' (8h) is longer than target 'resolution all' (4h)",
        8,
        27,
        "a workaround comes before the resolution; check both (the resolution is at line 7)",
    )
    result = load_text(text, "t.plan")
    assert [d.code for d in result.diagnostics] == ["T0814"] and not result.errors


def test_a_workaround_sooner_than_the_first_response_of_its_priority_is_a_warning():
    text = (
        "vendor v {\n  name \"V\"\n  language sv\n"
        "  priorities levels { level P1 { name { " + ALL + " } } level P2 { name { " + ALL + " } } }\n"
        "  calendar office { zone Europe/Stockholm open mon-fri 08:00-17:00 }\n"
        "  plan p {\n    name \"P\"\n"
        "    target first-response all 2h on office\n"
        "    target workaround P1 1h 30min on office\n"
        "    target workaround P2 3 business days on office\n"
        "  }\n}\n"
    )
    assert only(text, severity="warning") == (
        "target 'workaround P1' (1h 30min) is shorter than target 'first-response all' (2h)",
        9,
        26,
        "a workaround comes after the first response; check both (the response is at line 8)",
    )


@pytest.mark.parametrize(
    "targets",
    [
        # Response 1 h, workaround 4 h, resolution 5 business days: the usual order.
        "    target first-response all 1h on office\n    target workaround all 4h on office\n    target resolution all 5 business days on office\n",
        # Counted on different calendars, or one in hours and one in days: not comparable without a ticket.
        "    target workaround all 8h on always\n    target resolution all 4h on office\n",
        "    target workaround all 2 business days on office\n    target resolution all end of 1 business day on office\n",
        # Another priority's, another version's resolution is not this one's.
        "    target workaround all 8h on office\n    target resolution all 4h on office from 2027-01-01\n",
    ],
)
def test_a_workaround_in_order_or_not_comparable_gives_no_warning(targets):
    text = WORKAROUND.replace("  plan p", "  calendar always { open 24x7 }\n  plan p") + targets + "  }\n}\n"
    assert problems(text, severity="warning") == [] and problems(text) == []
