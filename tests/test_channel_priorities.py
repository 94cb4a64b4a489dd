"""`channels phone for P1 and P2, email`: a channel that is only for some priorities (a phone line for critical tickets).

Before, an author could only say it in a note: the tier's summary listed the phone as a channel for every ticket.
"""

from __future__ import annotations

import re

import pytest

from dsl.language.loader import load_text
from dsl.language.model import ChannelPriorities
from dsl.site import views as site
from support.language_plans import only
from support.site import words

PLAN = """vendor acme {{
  name "Acme"
  language en
  contact phone "+46 8 123 456 78"
  contact email "support@example.com"
  priorities p {{
    level P1 {{ name {{ sv "Kritisk" it "Critica" pl "Krytyczny" en "Critical" }} }}
    level P2 {{ name {{ sv "Hög" it "Alta" pl "Wysoki" en "High" }} }}
    level P3 {{ name {{ sv "Normal" it "Normale" pl "Normalny" en "Normal" }} }}
  }}
  plan std {{
    name "Standard"
    channels {channels}
  }}
  plan gold extends std {{
    name "Gold"
  }}
}}
"""


def vendor(channels: str = "phone hours office for P1 and P2, email"):  # type: ignore[no-untyped-def]
    """The vendor whose Standard tier lists `channels` (and Gold inherits them), with an office calendar."""
    text = PLAN.format(channels=channels) + "calendar office {\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n}\n"
    result = load_text(text, "t.plan")
    assert result.project is not None, [f"{d.pos}: {d.message}" for d in result.errors]
    return result.project.vendors[0]


def test_a_channel_names_the_priorities_it_is_for_and_extending_plans_inherit_it() -> None:
    acme = vendor()
    standard, gold = acme.plans
    assert standard.channels == ("phone", "email")
    assert standard.channel_priorities == (ChannelPriorities("phone", ("P1", "P2")),)
    assert standard.channel_calendar("phone") == "office"
    assert gold.channel_priorities == standard.channel_priorities


@pytest.mark.parametrize(
    ("lang", "phone", "email"),
    [
        ("sv", "Telefon (endast Kritisk och Hög)", "E-post"),
        ("it", "Telefono (solo Critica e Alta)", "E-mail"),
        ("pl", "Telefon (tylko Krytyczny i Wysoki)", "E-mail"),
        ("en", "Phone (Critical and High only)", "Email"),
    ],
)
def test_the_tiers_summary_says_which_priorities_a_channel_is_for(lang: str, phone: str, email: str) -> None:
    acme = vendor()
    services = site.plan_services(acme, site.Reader(lang, words()[lang], acme))
    channels = [str(c).replace("\u00a0", " ") for c in services[0].channels]  # Polish "i\u00a0Wysoki": words compared
    assert channels[0] == phone
    assert channels[1] != phone and "(" not in channels[1]  # the e-mail is for every priority
    assert [str(c).replace("\u00a0", " ") for c in services[1].channels] == channels  # Gold inherits both


def test_an_unknown_priority_is_reported_where_the_channel_names_it() -> None:
    found = only(PLAN.format(channels="phone for P1 and P7, email"))
    assert found == ("unknown priority 'P7'", 13, 31, "known here: 'P1', 'P2', 'P3'")


# --- a tier whose only difference from its parent is in its channels -------------------------------

TIERS = """vendor acme {{
  name "Acme"
  language en only
  contact phone "+46 8 123 456 78"
  priorities p {{
    level P1 {{ name "Critical" }}
    level P2 {{ name "High" }}
  }}
  calendar office {{
    zone Europe/Stockholm
    open mon-fri 08:00-17:00
  }}
  plan std {{
    name "Standard"
    channels {parent}
  }}
  plan gold extends std {{
    name "Gold"
    channels {child}
  }}
}}
"""


@pytest.mark.parametrize(
    ("parent", "child", "adds"),
    [
        ("phone", "phone for P1", True),  # the phone only for critical tickets: not the same service
        ("phone for P1", "phone", True),
        ("phone for P1", "phone for P1 and P2", True),
        ("phone", "phone hours office", True),  # the phone staffed on other hours
        ("phone for P1 and P2", "phone for P2 and P1", False),  # the same priorities, written in another order
        ("phone hours office for P1", "phone hours office for P1", False),
    ],
)
def test_the_tier_head_sees_a_difference_in_who_a_channel_is_for_or_when(parent: str, child: str, adds: bool) -> None:
    result = load_text(TIERS.format(parent=parent, child=child), "t.plan")
    assert result.project is not None and not result.errors, [f"{d.pos}: {d.message}" for d in result.errors]
    acme = result.project.vendors[0]
    assert site.adds_to_parent(acme.plans[1], acme) is adds
    head = site.vendor_page(acme, site.Reader("en", words()["en"], acme)).plans[1]
    assert head.adds is adds  # "Everything in Standard, and more" rather than "The same service as Standard"


def test_the_tier_head_sees_a_difference_in_the_languages_of_support() -> None:
    text = TIERS.format(parent="phone", child="phone").replace('name "Gold"', 'name "Gold"\n    support languages en, sv')
    acme = load_text(text, "t.plan").project
    assert acme is not None and site.adds_to_parent(acme.vendors[0].plans[1], acme.vendors[0])
    same = load_text(TIERS.format(parent="phone", child="phone"), "t.plan").project
    assert same is not None and not site.adds_to_parent(same.vendors[0].plans[1], same.vendors[0])


@pytest.mark.parametrize(
    ("lang", "emergency"),
    [
        ("sv", "Telefon (Jourtelefon; endast Kritisk)"),
        ("it", "Telefono (Telefono di emergenza; solo Critica)"),
        ("pl", "Telefon (Telefon alarmowy; tylko Krytyczny)"),
        ("en", "Phone (Emergency phone; Critical only)"),
    ],
)
def test_a_labelled_channel_for_some_priorities_has_one_pair_of_brackets(lang: str, emergency: str) -> None:
    """An outside author's tier read "Phone (Emergency phone) (Critical only)": two pairs of brackets in a row."""
    label = '{ sv "Jourtelefon" it "Telefono di emergenza" pl "Telefon alarmowy" en "Emergency phone" }'
    text = PLAN.format(channels="phone, emergency for P1, email").replace(
        "  contact email", f'  contact phone "+46 8 123 456 79" as emergency {label}\n  contact email'
    )
    result = load_text(text, "t.plan")
    assert result.project is not None, [d.message for d in result.errors]
    acme = result.project.vendors[0]
    channels = [str(c) for c in site.plan_services(acme, site.Reader(lang, words()[lang], acme))[0].channels]
    assert emergency in channels


@pytest.mark.parametrize(
    ("lang", "hours"),
    [
        ("sv", "Telefon (Jourtelefon): dygnet runt, alla dagar om året"),
        ("it", "Telefono (Telefono di emergenza): 24 ore su 24, 7 giorni su 7, tutto l’anno"),
        ("pl", "Telefon (Telefon alarmowy): całodobowo, przez cały rok"),
        ("en", "Phone (Emergency phone): 24×7, all year round"),
    ],
)
def test_a_tiers_own_hours_name_the_channel_as_its_list_does(lang: str, hours: str) -> None:
    """An outside author's Gold tier listed two phones and under them "Phone: 24×7": which of the two?"""
    label = '{ sv "Jourtelefon" it "Telefono di emergenza" pl "Telefon alarmowy" en "Emergency phone" }'
    text = PLAN.format(channels="emergency hours always for P1, phone, email").replace(
        "  contact email", f'  contact phone "+46 8 123 456 79" as emergency {label}\n  contact email'
    ) + "calendar always {\n  open 24x7\n}\n"
    result = load_text(text, "t.plan")
    assert result.project is not None, [d.message for d in result.errors]
    acme = result.project.vendors[0]
    said = [words_of(str(h)) for h in site.plan_services(acme, site.Reader(lang, words()[lang], acme))[0].channel_hours]
    assert said == [hours]


def words_of(html: str) -> str:
    """The text of a bit of a page: no tags, no word joiners, plain spaces."""
    return re.sub(r"<[^>]+>", "", html).replace("\u2060", "").replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("lang", "emergency"),
    [
        ("sv", "Telefon (Jourtelefon, dygnet runt; endast Kritisk)"),
        ("it", "Telefono (Numero di reperibilità, 24 ore su 24; solo Critica)"),
        ("pl", "Telefon (Telefon dyżurny, całodobowo; tylko Krytyczny)"),
        ("en", "Phone (On-call phone, round the clock; Critical only)"),
    ],
)
def test_a_label_with_its_own_brackets_is_not_bracketed_twice(lang: str, emergency: str) -> None:
    """Wisła's tier read "telefon (Telefon dyżurny (awarie krytyczne); tylko Awaria krytyczna)": brackets in brackets."""
    label = ('{ sv "Jourtelefon (dygnet runt)" it "Numero di reperibilità (24 ore su 24)" '
             'pl "Telefon dyżurny (całodobowo)" en "On-call phone (round the clock)" }')
    assert emergency in _emergency_line_said(label, "P1", lang)


def _emergency_line_said(label: str, levels: str, lang: str) -> list[str]:
    """The first tier's channels, in `lang`, with an emergency phone line labelled `label` kept for `levels`."""
    text = PLAN.format(channels=f"phone, emergency for {levels}, email").replace(
        "  contact email", f'  contact phone "+46 8 123 456 79" as emergency {label}\n  contact email'
    )
    result = load_text(text, "t.plan")
    assert result.project is not None, [d.message for d in result.errors]
    acme = result.project.vendors[0]
    return [words_of(str(c)) for c in site.plan_services(acme, site.Reader(lang, words()[lang], acme))[0].channels]


@pytest.mark.parametrize(
    ("lang", "emergency"),
    [
        ("sv", "Telefon (Jourtelefon; endast Kritisk)"),
        ("it", "Telefono (Numero di reperibilità; solo Critica)"),
        ("pl", "Telefon (Telefon dyżurny; tylko Krytyczny)"),
        ("en", "Phone (On-call phone; Critical only)"),
    ],
)
def test_a_label_that_names_its_priorities_says_them_once(lang: str, emergency: str) -> None:
    """Wisła's tier read "phone (On-call phone, critical failures; Critical failure only)": the label's bracket names,
    in its own inflection, the priority the tier keeps the line for, so only the site's words for it are said."""
    label = ('{ sv "Jourtelefon (kritiska fel)" it "Numero di reperibilità (guasti critici)" '
             'pl "Telefon dyżurny (awarie krytyczne)" en "On-call phone (critical failures)" }')
    assert emergency in _emergency_line_said(label, "P1", lang)
    # A bracket that names only some of the line's priorities still tells something: it stays.
    said = _emergency_line_said(label, "P1 and P2", lang)
    assert any(emergency.split(";")[0] + "," in channel for channel in said), said


def test_no_channel_of_a_shipped_tier_has_brackets_in_brackets(shipped) -> None:  # type: ignore[no-untyped-def]
    for lang in ("sv", "it", "pl", "en"):
        for vendor in shipped.vendors:
            for service in site.plan_services(vendor, site.Reader(lang, words()[lang], vendor)):
                for said in map(words_of, [*service.channels, *service.channel_hours]):
                    depth = 0
                    for char in said:
                        depth += {"(": 1, ")": -1}.get(char, 0)
                        assert depth <= 1, f"{vendor.id} ({lang}): {said}"
