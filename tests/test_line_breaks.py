"""Where the site lets a line end: ranges and short hyphenated words carry word joiners (U+2060).

The layout itself is checked in Chromium (tests/browser/test_browser_lines.py); these say which texts get
the joiners and that nothing else changes.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

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


# Polish typesetting keeps a one-letter word (a, i, o, u, w, z) with the word after it: a no-break space, so "w" or "i"
# never ends a line. Only in Polish, and only in the site's words and the lists it joins; a vendor's own text is its own.
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("w Państwa strefie czasowej", f"w{NBSP}Państwa strefie czasowej"),
        ("Zgłoszenie w piątek o 16:00", f"Zgłoszenie w{NBSP}piątek o{NBSP}16:00"),
        ("W pakiecie", f"W{NBSP}pakiecie"),
        ("Premium i Standard, a także (z VAT)", f"Premium i{NBSP}Standard, a{NBSP}także (z{NBSP}VAT)"),
        ("%(hours)s w %(zone)s", f"%(hours)s w{NBSP}%(zone)s"),  # a placeholder is a word like any other
        ("P1 i P2", f"P1 i{NBSP}P2"),
        ("ul. Wiejska 4 a", "ul. Wiejska 4 a"),  # nothing after it: nothing to keep it with
        ("Tylko e-mail", "Tylko e-mail"),  # a letter inside a word, before a hyphen or after one, is no word
        ("d’a b", "d’a b"),
    ],
)
def test_polish_one_letter_words_keep_to_the_next_word(text: str, bound: str) -> None:
    assert fmt.bind_single_letter_words(text, "pl") == bound


def _bound_by_rule(text: str, more: bool) -> str:
    """The binding spelt out character by character: a space after one of the letters, which starts the text or follows
    no letter, digit or character of an address, and before a character that is not a space (or, with `more`, the end)."""
    out = []
    for i, char in enumerate(text):
        word = i >= 1 and text[i - 1] in "aiouwzAIOUWZ" and (i == 1 or not (text[i - 2].isalnum() or text[i - 2] in "_-’'/.@:=&?#%+~"))
        following = i + 1 < len(text) and not text[i + 1].isspace()
        out.append(NBSP if char == " " and word and (following or (more and i + 1 == len(text))) else char)
    return "".join(out)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="aiouwzAIOUWZ bcąę1_.-/@:'’\n\t", max_size=14), st.booleans())
@example("A \n", True)  # `$` also matched before a last line end: the space before it was bound, though no word follows
def test_polish_one_letter_words_are_bound_where_the_rule_says(text: str, more: bool) -> None:
    assert fmt.bind_single_letter_words(text, "pl", more) == _bound_by_rule(text, more)


@pytest.mark.parametrize("lang", ["sv", "it", "en"])
def test_other_languages_keep_their_spaces(lang: str) -> None:
    assert fmt.bind_single_letter_words("a ticket i w o", lang) == "a ticket i w o"


def test_the_polish_catalog_and_its_lists_keep_one_letter_words_with_the_next() -> None:
    catalogs = words()
    one, many = "Only in the %(tiers)s tier", "Only in the %(tiers)s tiers"
    assert catalogs["pl"].ngettext(one, many, 2).startswith(f"Tylko w{NBSP}pakietach"), catalogs["pl"].ngettext(one, many, 2)
    assert catalogs["pl"].ngettext(one, many, 1).startswith(f"Tylko w{NBSP}pakiecie")
    assert NBSP not in catalogs["it"].ngettext(one, many, 2)
    # CLDR's "{0} i {1}" keeps "i" with the last item; the items themselves, a vendor's words, are left alone.
    assert fmt.listing(["Premium", "a b"], "pl") == f"Premium i{NBSP}a b"
    assert fmt.listing(["Premium", "a b"], "en") == "Premium and a b"
    assert views.markup_listing([views.Markup("<b>a</b> x"), views.Markup("y")], "pl") == f"<b>a</b> x i{NBSP}y"


@pytest.mark.parametrize(
    ("lang", "text", "bound"),
    [
        ("pl", "poniedziałek, godz. %(time)s", f"poniedziałek, godz.{NBSP}%(time)s"),
        ("pl", "Termin: {date}, godz. {time} {zone}", f"Termin: {{date}}, godz.{NBSP}{{time}} {{zone}}"),
        ("pl", "najbliższy piątek, godz. 16:00: przed", f"najbliższy piątek, godz.{NBSP}16:00: przed"),
        ("sv", "fredag kl. %(time)s", f"fredag kl.{NBSP}%(time)s"),
        ("sv", "exkl. moms", "exkl. moms"),  # an abbreviation that ends in "kl." is not "kl."
        ("sv", "kl. tio", "kl. tio"),  # before a word, not a time
        ("it", "alle ore 16:00", "alle ore 16:00"),
        ("en", "kl. 16:00", "kl. 16:00"),
    ],
)
def test_the_word_for_oclock_keeps_to_its_time(lang: str, text: str, bound: str) -> None:
    # Pages15: a desktop ended a line of the Polish worked example with "poniedziałek, godz." and began the next with "15:00".
    assert fmt.bind_clock_word(text, lang) == bound


def test_the_catalogs_keep_the_word_for_oclock_with_its_time() -> None:
    assert f"godz.{NBSP}{{time}}" in words()["pl"].gettext("Deadline: {date} at {time} {zone}")
    assert f"kl.{NBSP}{{time}}" in words()["sv"].gettext("Deadline: {date} at {time} {zone}")


@pytest.mark.parametrize(
    ("text", "html"),
    [
        # A vendor's own Polish prose: its one-letter words kept with the next word, before emphasis and links too.
        ("Pomoc w godzinach pracy i w weekendy", f"Pomoc w{NBSP}godzinach pracy i{NBSP}w{NBSP}weekendy"),
        ("Dostępne w **Premium** i *Elite*", f"Dostępne w{NBSP}<strong>Premium</strong> i{NBSP}<em>Elite</em>"),
        ('Zob. [w umowie](https://example.com/a "o")', f'Zob. <a href="https://example.com/a" title="o">w{NBSP}umowie</a>'),
        # Never in an address, an attribute or code: those are copied as written.
        ("Link <https://example.com/a b>", "Link &lt;https://example.com/a b&gt;"),  # no autolink, but an address
        ("Zob. https://example.com/a i x.a b", f"Zob. https://example.com/a i{NBSP}x.a b"),
        ("Patrz <https://example.com/w> i `a b`", f'Patrz <a href="https://example.com/w">https://example.com/w</a> i{NBSP}<code>a b</code>'),
        ("Wpisz `w z` a potem", f"Wpisz <code>w z</code> a{NBSP}potem"),
    ],
)
def test_a_vendors_polish_markdown_keeps_one_letter_words_with_the_next_in_text_only(text: str, html: str) -> None:
    assert md.render_inline.__wrapped__(text, "pl") == html
    assert md.render_block.__wrapped__(text, "pl") == f"<p>{html}</p>\n"
    assert NBSP not in md.render_inline.__wrapped__(text)  # the other languages' pages: as written


def test_a_polish_line_end_of_the_source_after_a_one_letter_word_is_a_no_break_space() -> None:
    # A line end inside a paragraph is a space on the page, where "w" would end the line.
    assert md.render_block.__wrapped__("Pomoc w\nweekendy i\n**święta**", "pl") == f"<p>Pomoc w{NBSP}weekendy i{NBSP}<strong>święta</strong></p>\n"
    assert md.render_block.__wrapped__("- a\n- i w\n- z", "pl") == f"<ul>\n<li>a</li>\n<li>i{NBSP}w</li>\n<li>z</li>\n</ul>\n"


def test_a_vendors_text_gets_polish_no_break_spaces_when_it_is_shown_in_polish() -> None:
    text = Text((("pl", "Wsparcie w dni robocze i w **święta**"), ("sv", "Support i Sverige och i Norge")))
    pl = str(views.Reader("pl", words()["pl"], ACME).block(text))
    assert pl == f"<p>Wsparcie w{NBSP}dni robocze i{NBSP}w{NBSP}<strong>święta</strong></p>"
    assert NBSP not in str(views.Reader("sv", words()["sv"], ACME).block(text))  # Swedish "i": a Swedish word
    # A Polish text shown on another page is still Polish; a Swedish one shown on a Polish page is not.
    only_pl, only_sv = Text((("pl", "Tylko w Polsce"),)), Text((("sv", "Endast i Sverige"),))
    assert f"w{NBSP}Polsce" in str(views.Reader("it", words()["it"], ACME).label(only_pl))
    assert NBSP not in str(views.Reader("pl", words()["pl"], ACME).inline(only_sv))
    assert str(views.Reader("pl", words()["pl"], ACME).label(Text((("pl", "Kasa i <b>"),)))) == f"Kasa i{NBSP}&lt;b&gt;"


def test_a_one_letter_priority_id_keeps_to_the_next_word_on_polish_pages(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Wisła's priorities are A, B and C: "o priorytecie A w piątek", "A – Awaria krytyczna" could end a line in "A".
    import shutil

    from dsl.cli import main
    from support.paths import PLANS

    shutil.copytree(PLANS, tmp_path / "plans")
    assert main(["--project", str(tmp_path), "build", "--quiet"]) == 0
    site = tmp_path / "_site"
    page = (site / "pl" / "wisla" / "index.html").read_text(encoding="utf-8")
    assert f"priorytet A{NBSP}–{NBSP}Awaria krytyczna?" in page  # the worked example's question
    assert f'<option value="A">A{NBSP}–{NBSP}Awaria krytyczna</option>' in page  # the calculator's choice
    assert f"<strong>A</strong>{NBSP}Awaria krytyczna" in page  # the tables' and the priorities' heads
    assert f"<small>A{NBSP}–{NBSP}Awaria krytyczna</small>" in (site / "pl" / "compare" / "index.html").read_text(encoding="utf-8")
    # Another language keeps its spaces; so does an id of more than one letter.
    english = (site / "en" / "wisla" / "index.html").read_text(encoding="utf-8")
    assert '<option value="A">A – Critical failure</option>' in english and NBSP + "–" not in english
    assert "<small>P1 – " in (site / "pl" / "compare" / "index.html").read_text(encoding="utf-8")
