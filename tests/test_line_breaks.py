"""Where the site lets a line end: ranges and short hyphenated words carry word joiners (U+2060).

The layout itself is checked in Chromium (tests/browser/test_browser_lines.py); these say which texts get
the joiners and that nothing else changes.
"""

from __future__ import annotations

import pytest

from dsl.language.model import Text
from dsl.site import formatting as fmt
from dsl.site import markdown as md
from dsl.site import views
from support.site import ACME, words

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


@pytest.mark.parametrize(
    ("text", "html"),
    [
        # The vendor's prose: its short hyphenated words are kept whole in the text a reader sees.
        ("Support by e-mail and on-site visits", "Support by e-\u2060mail and on-\u2060site visits"),
        ('Ring "E-post"-kön', "Ring &quot;E-\u2060post&quot;-kön"),
        ("Ring **E-post** *on-site*", "Ring <strong>E-\u2060post</strong> <em>on-\u2060site</em>"),
        # Never in an address, an attribute or code: those are copied, and a joiner would break them.
        ("[E-post](https://e-x.se/e-post)", '<a href="https://e-x.se/e-post">E-\u2060post</a>'),
        ("<https://e-x.se/a-b>", '<a href="https://e-x.se/a-b">https://e-x.se/a-b</a>'),
        ("<it-help@e-x.se>", '<a href="mailto:it-help@e-x.se">it-help@e-x.se</a>'),
        ("Run `re-run` now", "Run <code>re-run</code> now"),
    ],
)
def test_vendor_markdown_keeps_short_hyphenated_words_whole_in_text_only(text: str, html: str) -> None:
    assert md.render_inline.__wrapped__(text) == html
    assert md.render_block.__wrapped__(text) == f"<p>{html}</p>\n"


def test_a_code_block_of_the_vendors_prose_is_left_as_written() -> None:
    assert md.render_block.__wrapped__("    re-run e-mail\n") == "<pre><code>re-run e-mail\n</code></pre>\n"


def test_a_vendors_text_on_a_page_carries_the_joiner_in_prose_and_not_in_its_links() -> None:
    text = Text((("sv", "E-post och on-site, se [Rutin-sida](https://e-x.se/on-site) eller `e-mail`."),))
    html = str(views.Reader("pl", words()["pl"], ACME).block(text))  # shown in Swedish, its own `lang` on the <div>
    assert html.startswith('<div lang="sv"><p>E-\u2060post och on-\u2060site, se ')
    assert '<a href="https://e-x.se/on-site">Rutin-\u2060sida</a>' in html and "<code>e-mail</code>" in html
