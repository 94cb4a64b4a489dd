"""Contacts per plan and per region: the syntax, the checks of phone numbers, e-mail and web
addresses (message and position), and what the page shows and links."""

from __future__ import annotations

import dataclasses
import os

import pytest

from dsl.language.model import ChannelHours, Contact, ContactGroup, Text
from dsl.site import views as site
from support.language_plans import ALL, HEADER, only, problems, vendor_of
from support.site import ACME, words

CALENDARS = (
    "  calendar office { zone Europe/Stockholm open mon-fri 08:00-17:00 }\n"
    "  calendar always { open 24x7 }\n"
)


# --- syntax --------------------------------------------------------------------------------------


def test_groups_answered_hours_and_channel_hours_per_plan_are_parsed():
    vendor = vendor_of(
        HEADER
        + CALENDARS
        + f"  group italy {{ {ALL} }}\n"
        + '  contact phone "+39 039 69941" as phone-it in italy\n'
        + '  contact email "support@example.com" hours always answered office\n'
        + '  plan basic { name "Basic" channels email, phone-it hours office }\n'
        + '  plan plus extends basic { name "Plus" channels email, phone-it hours always }\n'
        + '  plan same extends basic { name "Same" }\n'
        + "}\n"
    )
    (group,) = vendor.contact_groups
    assert (group.id, group.label.get("en"), group.pos.line) == ("italy", "E", 6)
    phone, email = vendor.contacts
    assert (phone.id, phone.group, phone.hours, phone.answered) == ("phone-it", "italy", None, None)
    assert (email.group, email.hours, email.answered) == (None, "always", "office")
    basic, plus, same = vendor.plans
    assert basic.channels == ("email", "phone-it")
    assert basic.channel_hours == (ChannelHours("phone-it", "office"),)
    assert basic.channel_hours[0].pos.line == 9
    assert plus.channel_calendar("phone-it") == "always"
    # A plan that lists no channels inherits its parent's, with their hours.
    assert same.channel_calendar("phone-it") == "office"
    assert basic.channel_calendar("email") is None


# --- checks --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, message, hint",
    [
        (
            "042-4003999",
            "the phone number '042-4003999' has no country code",
            'write it with its country code: "+46 42 400 39 99" if it is a number in SE, else with its own country\'s code',
        ),
        (
            "+46 42 400",
            "'+46 42 400' is not a valid phone number",
            'check the digits; write the number with its country code, such as "+46 8 123 456 78"',
        ),
        ("call us", "the phone number 'call us' has no country code", 'write it with its country code, such as "+46 8 123 456 78"'),
    ],
)
def test_a_phone_number_must_be_valid_and_have_its_country_code(value, message, hint):
    found = only(HEADER + f'  contact phone "{value}"\n}}\n')
    assert found == (message, 4, 17, hint)


def test_a_fax_number_is_judged_like_a_phone_number():
    assert only(HEADER + '  contact fax "12"\n}\n')[:3] == ("the phone number '12' has no country code", 4, 15)


@pytest.mark.parametrize("value", ["support(at)example.com", "support@example", "a b@example.com", "mailto:a@example.com"])
def test_a_malformed_email_address_is_located_with_a_hint(value):
    found = only(HEADER + f'  contact email "{value}"\n}}\n')
    assert found == (f"'{value}' is not an e-mail address", 4, 17, "write it as name@example.com, without spaces or mailto:")


def test_a_web_address_without_its_scheme_gets_the_whole_address_as_hint():
    found = only(HEADER + '  contact portal "support.example.se"\n}\n')
    assert found == ("the web address 'support.example.se' has no scheme", 4, 18, 'write it with https:// in front: "https://support.example.se"')


def test_a_malformed_web_address_is_an_error_but_a_portal_may_be_a_name():
    found = only(HEADER + '  contact web "https://exa mple.com"\n}\n')
    assert found[:3] == ("'https://exa mple.com' is not a web address", 4, 15)
    assert problems(HEADER + '  contact portal "My Esri"\n}\n') == []
    assert problems(HEADER + '  contact web "https://it.example.com/support?x=1"\n}\n') == []


@pytest.mark.parametrize("value", ["https://例え.jp", "https://bücher.de/support", "https://пример.рф", "https://xn--e1afmkfd.xn--p1ai/"])
def test_an_internationalised_web_address_is_a_web_address(value):
    # fuzz13: a host in another script was "not a web address", though browsers link it as written.
    assert problems(HEADER + f'  contact web "{value}"\n}}\n') == []


@pytest.mark.parametrize("value", ["https://a_b.com", "https://-a.example.com", "https://example.1"])
def test_a_host_with_an_underscore_a_leading_hyphen_or_a_numeric_top_level_is_not(value):
    assert only(HEADER + f'  contact web "{value}"\n}}\n')[0] == f"'{value}' is not a web address"


def test_unknown_group_and_unknown_hours_are_located():
    text = HEADER + CALENDARS + f"  group italy {{ {ALL} }}\n" + '  contact phone "+39 039 69941" in itali answered offise\n'
    text += '  plan p { name "P" channels phone hours alwys }\n}\n'
    assert sorted(problems(text), key=lambda p: (p[1], p[2])) == [
        ("unknown contact group 'itali'", 7, 36, "did you mean 'italy'?"),  # each at its word (outside15)
        ("unknown calendar 'offise'", 7, 51, "did you mean 'office'?"),
        ("unknown calendar 'alwys'", 8, 30, "did you mean 'always'?"),
    ]


def test_a_group_is_defined_once_and_translated():
    text = HEADER + f"  group g {{ {ALL} }}\n  group g {{ {ALL} }}\n}}\n"
    assert only(text)[:2] == ("contact group 'g' is defined twice", 5)
    warning = only(HEADER + '  group g { sv "Italien" }\n}\n', severity="warning")
    assert warning[:3] == ("contact group 'g' has no it, pl, en translation", 4, 11)


# --- the page ------------------------------------------------------------------------------------


def reader(lang: str, vendor=ACME) -> site.Reader:
    return site.Reader(lang, words()[lang], vendor)


def test_a_phone_number_is_shown_as_the_reader_dials_it_and_dialled_with_its_country_code():
    vendor = dataclasses.replace(ACME, contacts=(Contact("phone", "phone", "+46 42-400 39 99"),))
    (sv,) = site.contact_views(vendor, reader("sv", vendor))
    assert sv.href == "tel:+46424003999"
    assert sv.value == "042-400\u00a039\u00a099" and sv.nowrap  # a Swedish reader dials the national form, never broken
    (it,) = site.contact_views(vendor, reader("it", vendor))
    assert it.value == "+46\u00a042\u00a0400\u00a039\u00a099" and it.nowrap  # a reader in Italy needs the country code


@pytest.mark.parametrize(
    ("value", "lang", "shown"),
    [
        # libphonenumber's international form: Austria's subscriber numbers vary in length and are not grouped.
        ("+43 1 997 1234", "pl", "+43 1 9971234"),
        ("+43 664 1234567", "sv", "+43 664 1234567"),
        ("+39 051 600 7000", "it", "051 600 7000"),
        ("+39 051 600 7000", "sv", "+39 051 600 7000"),
        ("+48 22 123 45 67", "pl", "22 123 45 67"),
        ("+1 617-555-0142", "en", "+1 617-555-0142"),
    ],
)
def test_a_number_is_shown_once_national_at_home_else_as_libphonenumber_writes_it_internationally(value, lang, shown):
    # "01 9971234 (+43 1 9971234)" read as two numbers, and the first cannot be dialled from abroad.
    vendor = dataclasses.replace(ACME, contacts=(Contact("phone", "phone", value),))
    (view,) = site.contact_views(vendor, reader(lang, vendor))
    assert view.value == shown.replace(" ", "\u00a0")


def test_the_english_pages_assume_no_country_a_uk_number_gets_its_international_form_too():
    """English pages are formatted the British way but read everywhere: a London number in its national form
    alone (020 7946 0958) cannot be dialled from abroad (found by an outside author)."""
    vendor = dataclasses.replace(ACME, contacts=(Contact("phone", "phone", "+44 20 7946 0958"),))
    (en,) = site.contact_views(vendor, reader("en", vendor))
    assert en.value == "+44\u00a020\u00a07946\u00a00958"
    (pl,) = site.contact_views(vendor, reader("pl", vendor))
    assert pl.value == "+44\u00a020\u00a07946\u00a00958"


def test_email_and_web_links_and_a_portal_named_without_an_address():
    vendor = dataclasses.replace(
        ACME,
        contacts=(
            Contact("mail", "email", " support@acme.example "),
            Contact("portal", "portal", "My Acme"),
            Contact("web", "web", "https://acme.example/support"),
            Contact("bad", "web", "javascript:alert(1)"),
        ),
    )
    views = site.contact_views(vendor, reader("en", vendor))
    assert [v.href for v in views] == ["mailto:support@acme.example", None, "https://acme.example/support", None]


def test_contacts_answered_in_other_hours_and_hours_per_plan_are_said():
    email = Contact("mail", "email", "support@acme.example", hours="always", answered="office")
    plans = tuple(
        dataclasses.replace(p, channels=("mail",), channel_hours=(ChannelHours("mail", "phone"),) if i == 0 else ())
        for i, p in enumerate(ACME.plans)
    )
    vendor = dataclasses.replace(ACME, contacts=(email,), plans=plans)
    (view,) = site.contact_views(vendor, reader("en", vendor))
    assert view.hours == site.clock_text(vendor, "always", reader("en", vendor))
    assert view.answered == site.clock_text(vendor, "office", reader("en", vendor))
    phone_hours = site.clock_text(vendor, "phone", reader("en", vendor))
    assert view.plan_hours == (f"{reader('en', vendor).plain(plans[0].name)}: {phone_hours}",)
    services = site.plan_services(vendor, reader("en", vendor))
    assert services[0].channel_hours == (f"Email: {phone_hours}",)
    assert services[1].channel_hours == ()


def test_grouped_contacts_are_listed_under_their_heading():
    group = ContactGroup("italy", Text((("sv", "Italien"), ("it", "Italia"), ("pl", "Włochy"), ("en", "Italy"))))
    vendor = dataclasses.replace(
        ACME,
        contact_groups=(group,),
        contacts=(Contact("mail", "email", "a@acme.example"), Contact("it-phone", "phone", "+39 039 69941", group="italy")),
    )
    r = reader("pl", vendor)
    assert [v.href for v in site.contact_views(vendor, r)] == ["mailto:a@acme.example"]
    (heading,) = site.contact_groups(vendor, r)
    assert str(heading.label) == "Włochy"
    assert [v.href for v in heading.contacts] == ["tel:+3903969941"]


def test_the_vendors_website_is_a_web_address():
    found = only(HEADER + '  website "acme.example"\n}\n')
    assert found == ("the web address 'acme.example' has no scheme", 4, 3, 'write it with https:// in front: "https://acme.example"')


# --- the rendered pages of the shipped plans -------------------------------------------------------


@pytest.fixture(scope="module")
def shipped_site(tmp_path_factory, shipped):
    from dsl.site.render import render_site

    out = tmp_path_factory.mktemp("site")
    render_site(shipped, out, words(), "https://tierwise.example/", warnings=site.Warnings())
    return out


def contact_section(out, lang: str, vendor: str) -> str:
    page = (out / lang / vendor / "index.html").read_text(encoding="utf-8")
    start = page.index('<section id="contact"')
    return page[start : page.index("</section>", start)]


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_synerity_phone_is_linked_with_its_country_code_and_never_wraps(shipped_site, lang):
    section = contact_section(shipped_site, lang, "synerity")
    # A Swedish reader sees the number as dialled in Sweden, any other as dialled from abroad, and only so.
    shown = "042-400\u00a039\u00a099" if lang == "sv" else "+46\u00a042\u00a0400\u00a039\u00a099"
    assert f'<a href="tel:+46424003999" class="nowrap">{shown}</a>' in section
    assert ("042-400" in section) == (lang == "sv")
    assert '<a href="mailto:support@synerity.se">' in section and '<a href="https://support.synerity.se">' in section


@pytest.mark.parametrize(
    "lang, accepted, answered",
    [("sv", "Ärenden tas emot:", "Ärenden besvaras:"), ("it", "Invio delle richieste:", "Gestione delle richieste:"),
     ("pl", "Przyjmowanie zgłoszeń:", "Obsługa zgłoszeń:"), ("en", "Requests accepted:", "Answered:")],
)
def test_synerity_email_says_when_tickets_are_sent_and_when_answered(shipped_site, lang, accepted, answered):
    section = contact_section(shipped_site, lang, "synerity")
    email = section[section.index("mailto:") :].split("</li>")[0]
    assert accepted in email and answered in email
    assert "08:00" in email.split(answered)[1]


@pytest.mark.parametrize("lang, heading", [("sv", "Tider per nivå:"), ("en", "Hours by tier:")])
def test_amanda_and_infor_show_phone_hours_per_plan(shipped_site, lang, heading):
    amanda = contact_section(shipped_site, lang, "amanda")
    assert heading in amanda and "Standard: " in amanda and "Premium: " in amanda
    infor = contact_section(shipped_site, lang, "infor")
    assert heading in infor and "Xtreme: " in infor and "Xtreme Premium: " in infor and "Xtreme Elite: " in infor


def test_infor_lists_italy_apart_from_the_headquarters(shipped_site):
    section = contact_section(shipped_site, "it", "infor")
    italy, hq = section.index("<h3>Infor in Italia</h3>"), section.index("<h3>Sede centrale di Infor (New York)</h3>")
    assert italy < section.index('href="tel:+3903969941"') < hq < section.index('href="tel:+18002602640"')


def test_a_tier_with_two_contacts_of_one_kind_tells_them_apart():
    # Found by a new author: two phones of one tier collapsed into one "Phone" in the tier's summary.
    vendor = vendor_of(
        HEADER
        + '  group italy { sv "Italien" it "Italia" pl "Włochy" en "Italy" }\n'
        + '  group sweden { sv "Sverige" it "Svezia" pl "Szwecja" en "Sweden" }\n'
        + '  contact phone "+39 039 69941" as phone-it in italy\n'
        + '  contact phone "+46 8 123 456 78" as phone-se in sweden\n'
        + '  contact email "a@example.com" as mail-a\n'
        + '  contact email "b@example.com" as mail-b\n'
        + '  contact portal "https://support.example.com" as portal\n'
        + '  plan basic { name "Basic" channels phone-it, phone-se, mail-a, mail-b, portal }\n'
        + '  plan solo { name "Solo" channels phone-it, mail-a }\n'
        + "}\n"
    )
    for lang, italy, sweden in (("en", "Italy", "Sweden"), ("pl", "Włochy", "Szwecja")):
        basic, solo = site.plan_services(vendor, site.Reader(lang, words()[lang], vendor))
        kinds = {kind: site.contact_kinds(site.Reader(lang, words()[lang], vendor))[kind] for kind in ("phone", "email", "portal")}
        assert [str(c) for c in basic.channels] == [
            f"{kinds['phone']} ({italy})",
            f"{kinds['phone']} ({sweden})",
            f"{kinds['email']} (a@example.com)",
            f"{kinds['email']} (b@example.com)",
            kinds["portal"],
        ]
        # One contact of a kind stays one word.
        assert [str(c) for c in solo.channels] == [kinds["phone"], kinds["email"]]


# --- a live chat: its own kind of contact ---------------------------------------------------------

CHAT_PLAN = (
    'vendor chatty {\n  name "Chatty"\n  language en\n'
    '  contact chat "https://chatty.example/chat"\n'
    '  contact email "support@chatty.example"\n'
    '  plan basic { name "Basic" channels chat, email }\n'
    "}\n"
)


@pytest.fixture(scope="module")
def chat_site(tmp_path_factory):
    from dsl.language.loader import load_text
    from dsl.site.render import render_site

    result = load_text(CHAT_PLAN, "chatty.plan")
    assert not result.errors and result.project is not None
    out = tmp_path_factory.mktemp("chat-site")
    render_site(result.project, out, words(), "https://tierwise.example/", warnings=site.Warnings())
    return out


@pytest.mark.parametrize(
    "lang, chat, email",
    [("sv", "Chatt", "E-post"), ("it", "Chat", "E-mail"), ("pl", "Czat", "E-mail"), ("en", "Chat", "Email")],
)
def test_a_chat_is_named_as_a_chat_in_the_contact_list_and_the_tiers_channels(chat_site, lang, chat, email):
    """Written as a labelled web contact before, a chat read "Website: Live chat", and "Website" in the tier."""
    section = contact_section(chat_site, lang, "chatty")
    assert f'<li><strong>{chat}</strong> <a href="https://chatty.example/chat">https://chatty.example/chat</a>' in section
    page = (chat_site / lang / "chatty" / "index.html").read_text(encoding="utf-8")
    service = page[page.index('<section id="service"') : page.index('<section id="contact"')].replace("\u2060", "").replace("\u00a0", " ")
    # One list in a sentence, as the comparison says it: "Chatt och e-post" ("Chat ed e-mail": Italian's euphonic d).
    joined = {"sv": "och", "it": "ed", "pl": "i", "en": "and"}[lang]
    assert f"<p class=\"channels\">{chat} {joined} {email[:1].lower()}{email[1:]}</p>" in service
    website = site.contact_kinds(reader(lang))["web"]
    assert website not in section and website not in service
    # The comparison across vendors names it alike, as a choice of its channel filter too.
    compare = (chat_site / lang / "compare" / "index.html").read_text(encoding="utf-8")
    assert f'<option value="chat">{chat}</option>' in compare


# --- libphonenumber's answers, kept in the user's cache -------------------------------------------


@pytest.mark.parametrize("value", ["+46 42 400 39 99", "+39 039 69941", "+48 22 123 45 67", "+46 42 400", "042-4003999", "call us"])
def test_a_number_read_through_the_users_cache_is_what_libphonenumber_says(value, tmp_path, monkeypatch):
    import phonenumbers

    from dsl.language import addresses

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(addresses, "_NUMBERS", {})
    try:
        parsed = phonenumbers.parse(value, None)
        expected = (
            phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) if phonenumbers.is_valid_number(parsed) else None
        )
    except phonenumbers.NumberParseException:
        expected = None
    first = addresses.phone_number(value)
    monkeypatch.setattr(addresses, "_NUMBERS", {})  # a new process: only the user's cache remembers
    again = addresses.phone_number(value)
    assert (first.e164 if first else None) == expected
    assert again == first


def test_a_projects_first_check_asks_libphonenumber_only_for_numbers_the_user_has_not_met(tmp_path):
    """The user's cache holds each number's reading: a second project with the same numbers is checked without
    importing `phonenumbers` (its metadata is a large part of a small project's first check)."""
    import subprocess
    import sys

    plan = HEADER + '  contact phone "+46 42 400 39 99"\n  contact phone "+46 42 400" as broken\n}\n'
    script = (
        "import sys\nfrom dsl import cli\n"
        "code = cli.main(['--project', sys.argv[1], 'check'])\n"
        "print(code, 'phonenumbers' in sys.modules)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "user-cache")}
    for name, imported in (("first", "True"), ("second", "False")):
        project = tmp_path / name
        (project / "plans").mkdir(parents=True)
        (project / "plans" / "acme.plan").write_text(plan, encoding="utf-8")
        done = subprocess.run([sys.executable, "-c", script, str(project)], capture_output=True, text=True, timeout=120, env=env)
        assert done.stdout.split() == ["1", imported], done.stderr
        # The same finding either way: the short number is reported where it is written.
        assert "'+46 42 400' is not a valid phone number" in done.stderr


# --- session 23: when a channel is answered, per plan --------------------------------------------
# Quillstack's mailbox takes requests at any time; Standard's are answered in US office hours, Premium's
# round the clock on weekdays. `hours` per plan said when it is staffed, and nothing said when it is answered.


def test_a_plan_may_say_when_a_channel_is_answered() -> None:
    vendor = vendor_of(
        HEADER
        + CALENDARS
        + '  contact email "support@example.com" hours always answered office\n'
        + '  contact phone "+46 8 123 456 78"\n'
        + '  plan basic { name "Basic" channels email, phone hours office }\n'
        + '  plan plus extends basic { name "Plus" channels email answered always, phone hours always answered office }\n'
        + '  plan same extends plus { name "Same" }\n'
        + "}\n"
    )
    basic, plus, same = vendor.plans
    assert basic.channel_answered("email") is None and basic.channel_calendar("phone") == "office"
    assert plus.channel_answered("email") == "always" and plus.channel_calendar("email") is None
    # `hours` and `answered` together, before `for`: each says its own.
    assert (plus.channel_calendar("phone"), plus.channel_answered("phone")) == ("always", "office")
    answered = next(h for h in plus.channel_hours if h.answered and h.channel == "email")
    assert (answered.pos.line, answered.pos.column) == (9, 65)  # at the calendar's id
    assert same.channel_answered("email") == "always"  # inherited with the channel list


def test_an_unknown_calendar_after_answered_is_reported_where_it_is_written() -> None:
    text = HEADER + CALENDARS + '  contact email "a@example.com"\n  plan p { name "P" channels email answered ofice }\n}\n'
    message, line, column, hint = only(text)
    assert (message, line, column) == ("unknown calendar 'ofice'", 7, 45)
    assert hint is not None and "office" in hint


@pytest.mark.parametrize(
    ("lang", "tier", "heading"),
    [
        ("en", "Email: answered ", "Answered, by tier:"),
        ("sv", "E-post: besvaras ", "Besvaras per nivå:"),
        ("it", "E-mail: gestione delle richieste ", "Gestione delle richieste per livello:"),
        ("pl", "E-mail: obsługa zgłoszeń ", "Obsługa zgłoszeń w pakietach:"),
    ],
)
def test_the_page_says_when_a_channel_is_answered_in_each_plan(lang: str, tier: str, heading: str) -> None:
    email = Contact("mail", "email", "support@acme.example", hours="always", answered="office")
    plans = tuple(
        dataclasses.replace(p, channels=("mail",), channel_hours=(ChannelHours("mail", "always", answered=True),) if i == 1 else ())
        for i, p in enumerate(ACME.plans)
    )
    vendor = dataclasses.replace(ACME, contacts=(email,), plans=plans)
    page = reader(lang, vendor)
    always = site.clock_text(vendor, "always", page)
    (view,) = site.contact_views(vendor, page)
    assert view.plan_hours == () and view.plan_answered == (f"{page.plain(plans[1].name)}: {always}",)
    services = site.plan_services(vendor, page)
    assert services[0].channel_hours == () and [str(h).replace("\u2060", "") for h in services[1].channel_hours] == [
        f"{tier}{always}".replace("\u2060", "")]
    assert page.gettext("Answered, by tier:").replace("\u00a0", " ") == heading  # the contact list's heading over view.plan_answered


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_infors_fax_number_is_shown_but_not_linked(shipped_site, lang):
    # As tel: a tap on a phone rang the fax machine; the phone number above it stays a link.
    section = contact_section(shipped_site, lang, "infor")
    fax = section[section.index("<li><strong>Fa") :].split("</li>")[0]
    assert "039\u00a0699\u00a04289" in fax and "href" not in fax, fax
    assert 'href="tel:+3903969941"' in section


def test_an_account_manager_with_a_label_is_called_by_the_label_alone():
    """An outside author's "Contract manager" read "Account manager: Contract manager"; other kinds keep the kind first."""
    role = Text((("sv", "Avtalsansvarig"), ("it", "Responsabile del contratto"), ("pl", "Opiekun umowy"), ("en", "Contract manager")))
    vendor = dataclasses.replace(ACME, contacts=(Contact("account-manager", "account-manager", "Anna Rossi", label=role),
                                                 Contact("status", "web", "https://status.example.com", label=role)))
    manager, web = site.contact_views(vendor, reader("en", vendor))
    assert (str(manager.title), manager.value) == ("Contract manager", "Anna Rossi")
    assert str(web.title) == "Website: Contract manager"
    (it, _) = site.contact_views(vendor, reader("it", vendor))
    assert str(it.title) == "Responsabile del contratto"
