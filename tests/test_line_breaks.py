"""Where the site lets a line end: ranges and short hyphenated words carry word joiners (U+2060).

The layout itself is checked in Chromium (tests/browser/test_browser_lines.py); these say which texts get
the joiners and that nothing else changes.
"""

from __future__ import annotations

import pytest

from dsl.site import formatting as fmt
from support.site import words

WJ = "\u2060"


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_a_range_has_no_break_opportunity_between_its_values(lang: str) -> None:
    text = fmt.time_range(8 * 60, 17 * 60, lang)
    first, last = fmt.clock(8 * 60, lang), fmt.clock(17 * 60, lang)
    joint = text[len(first) : len(text) - len(last)]
    assert text.startswith(first) and text.endswith(last)
    # Every character of the joint ("–", " – " with thin spaces) stands between two word joiners.
    assert joint.startswith(WJ) and joint.endswith(WJ)
    assert all(joint[i] == WJ for i in range(0, len(joint), 2)), repr(joint)
    assert joint.replace(WJ, "").strip("\u2009 ") == "–"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("E-post", "E-\u2060post"),
        ("E-mail, telefon", "E-\u2060mail, telefon"),
        ("Add-on: 5 €", "Add-\u2060on: 5 €"),
        ("svensk tid, New York-tid", "svensk tid, New York-\u2060tid"),
        ("Klockslag (24-timmars)", "Klockslag (24-\u2060timmars)"),
        ("de facto-helgdagar", "de facto-helgdagar"),  # a long compound may break after its hyphen
        ("e-mail-adress", "e-mail-adress"),  # two hyphens: not a short word
        ("%(a)s–%(b)s", "%(a)s–%(b)s"),
    ],
)
def test_short_hyphenated_words_are_kept_whole(text: str, kept: str) -> None:
    assert fmt.keep_short_words_whole(text) == kept


def test_the_catalogs_site_words_carry_the_joiner() -> None:
    catalogs = words()
    assert catalogs["sv"].gettext("E-mail") == "E-\u2060post"
    assert catalogs["pl"].gettext("E-mail") == "E-\u2060mail"
    assert catalogs["en"].gettext("Add-on") == "Add-\u2060on"
    assert WJ not in catalogs["sv"].gettext("Phone")
