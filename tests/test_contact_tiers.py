"""A contact for some tiers only says so in the vendor-wide contact list (session 22, an outside author).

The list under "Contact and support hours" holds every contact; one that only Gold's `channels` list read as if every
tier had it. It now says "Only in the Gold tier" in the page's language, and nothing when every tier has it, or when
a tier lists no channels (then nobody knows).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dsl.cli import main
from dsl.site import views as site
from support.language_plans import vendor_of
from support.site import words

PLAN = """vendor acme {{
  name "Acme"
  language en
  contact email "support@acme.example"
  contact phone "+46 8 123 456 78"
  contact chat "https://acme.example/chat"
  plan silver {{ name {{ sv "Silver" it "Argento" pl "Srebrny" en "Silver" }} {silver} }}
  plan gold {{ name {{ sv "Guld" it "Oro" pl "Złoty" en "Gold" }} channels email, phone, chat }}
  plan platinum extends gold {{ name "Platinum" channels email, chat }}
  plan free {{ name "Free" no support }}
}}
"""


def said(text: str) -> str:
    """A page's words with no-break spaces as plain ones and without word joiners."""
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2060", "")


def tiers_of(lang: str, silver: str = "channels email") -> dict[str, str]:
    """Each contact's kind and what the contact list says of its tiers, in `lang`."""
    acme = vendor_of(PLAN.format(silver=silver))
    reader = site.Reader(lang, words()[lang], acme)
    return {c.kind: said(str(view.tiers)) for c, view in zip(acme.contacts, site.contact_views(acme, reader), strict=True)}


@pytest.mark.parametrize(
    ("lang", "phone", "chat"),
    [
        ("sv", "Endast i nivån Guld", "Endast i nivåerna Guld och Platinum"),
        ("it", "Solo nel livello Oro", "Solo nei livelli Oro e Platinum"),
        ("pl", "Tylko w pakiecie Złoty", "Tylko w pakietach Złoty i Platinum"),
        ("en", "Only in the Gold tier", "Only in the Gold and Platinum tiers"),
    ],
)
def test_a_contact_some_tiers_list_names_them(lang: str, phone: str, chat: str) -> None:
    found = tiers_of(lang)
    # Every tier that offers support lists email (the Free tier offers none): nothing to say.
    assert found == {"email": "", "phone": phone, "chat": chat}


def test_nothing_is_said_when_a_tier_lists_no_channels() -> None:
    assert set(tiers_of("en", silver="").values()) == {""}


def test_a_built_page_says_it_under_the_contact(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "acme.plan").write_text(PLAN.format(silver="channels email"), encoding="utf-8")
    assert main(["--project", str(tmp_path), "build", "--quiet"]) == 0
    page = said((tmp_path / "_site" / "sv" / "acme" / "index.html").read_text(encoding="utf-8"))
    contacts = page[page.index('id="contact"'):]
    phone = contacts[contacts.index("Telefon"):]
    assert phone[: phone.index("</li>")].count("Endast i nivån Guld") == 1
