"""Plain and simple texts skip markdown-it (dsl/site/markdown.py): each shortcut must give markdown-it's bytes.

Random texts are drawn from the very pieces the shortcuts look at (words, spaces, emphasis runs, links,
list bullets, line ends, marks of punctuation), so that most are one piece away from the form a shortcut
accepts; each shortcut either answers exactly as markdown-it does or leaves the text to it.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dsl.site import markdown as md
from dsl.site.markdown import MARKDOWN

# Letters of the four site languages, digits, spaces of several kinds, and every character a CommonMark
# rule could act on: random texts are mostly plain, and often one character away from not being so.
ALPHABET = st.sampled_from(
    list("abcwzXYZåäöÅłśżźćńęąÓèàìùÉ0123456789")
    + [" ", "  ", "\t", "\n", "\r", "\u00a0", "\u2028", "\0"]
    + list(".,;:?!'\"()/%-+=#>|{}$@^")
    + list("\\`*_[]<>&~")
)
TEXTS = st.lists(ALPHABET, max_size=24).map("".join) | st.text(max_size=24)

# The simple shortcut's pieces, and the near misses around each of them.
PIECES = st.sampled_from(
    ["Ord", "vecka", "E-post", "on-site", "24", "ärende", "Łódź", "x", " ", "  ", "\u00a0", "\t"]
    + ["**", "*", "***", "_", "__", "[", "]", "(", ")", "](", "![", "\\*", "`"]
    + ["https://example.com/a-b/1", "https://Example.com", "http://x.y", "mailto:a.b@x.se", "tel:+4681234", "javascript:x"]
    + ["/a%20b", "?q=1&r=2", "#top", '"t"', "<b>", "&amp;"]
    + ["- ", "-", "+ ", "1. ", "# ", "> ", "    ", "\n", "\n\n", "\n\n\n", "\n- ", "\n\n- "]
    + list(".,;:?!'\"/")
)
WORDS = st.sampled_from(["Ord", "vecka", "E-post", "on-site", "ärende", "Łódź", "24h", "x", "(P1)", "8 ore", 'det "bästa"', "w", "i a"])
AFTER = st.sampled_from(["", " ", ".", ",", ";", ":", "?", ")", "!", "-", "x", "*", "_"])
LINKS = st.sampled_from(["https://example.com/a-b/1", "http://x.y", "mailto:a.b@x.se", "tel:+4681234"])


@st.composite
def _inline(draw: st.DrawFn) -> str:
    """A line of words, emphasis and links, as the simple shortcut accepts them (mostly)."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["words", "strong", "em", "link"]))
        words = " ".join(draw(st.lists(WORDS, min_size=1, max_size=3)))
        if kind == "words":
            parts.append(words)
        elif kind == "link":
            parts.append(f"[{words}]({draw(LINKS)})")
        else:
            run = "**" if kind == "strong" else "*"
            parts.append(f"{run}{words}{run}{draw(AFTER)}")
    return draw(st.sampled_from([" ", "", ", "])).join(parts)


@st.composite
def _simple(draw: st.DrawFn) -> str:
    """Paragraphs and lists of such lines, then perhaps one piece put in, taken out or changed."""
    blocks = []
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            blocks.append("\n".join("- " + draw(_inline()) for _ in range(draw(st.integers(1, 3)))))
        else:
            blocks.append(draw(_inline()))
    text = "\n\n".join(blocks)
    edit = draw(st.sampled_from(["none", "none", "insert", "delete", "replace"]))
    if edit != "none" and text:
        at = draw(st.integers(0, len(text) - 1))
        piece = draw(PIECES)
        text = text[:at] + (piece if edit != "delete" else "") + text[at + (edit != "insert") :]
    return text


SIMPLE_TEXTS = _simple() | st.lists(PIECES, max_size=16).map("".join)

PLAIN_EXAMPLES = [
    "Telefonsupport vardagar",
    'Supporto "premium" in italiano',
    "Pomoc 24/7, także w święta (PL)",
    "l'assistenza è inclusa: 8 ore",
]

# What the generated benchmark vendors and real offers write: the simple shortcut must take them all.
SIMPLE_EXAMPLES = [
    "**Lösning kund** hjälp kontakt (Vendor 0001 S.p.A., 1). [nivå ärende](https://example.com/0001/1).",
    "**Errore cliente** livello contatto (Vendor 0001, 1).\n\n- soluzione mese livello\n- contatto tecnico livello",
    "Answer week *engineer contact level solution*.",
    "Ring **E-post** *on-site*",
    "- en\n- två\n\nSe [villkoren](https://e-x.se/villkor) eller *ring oss*: [08-123 45](tel:+46812345).",
    "Skriv till [support](mailto:support@e-x.se); **dygnet runt** för P1.",
]


def same_as_markdown_it(text: str) -> None:
    # And in Polish, whose one-letter words the shortcuts and markdown-it's rule bind to the next word alike.
    for lang in ("", "pl"):
        assert md.render_inline.__wrapped__(text, lang) == str(MARKDOWN.renderInline(text, {"lang": lang})), (text, lang)
        assert md.render_block.__wrapped__(text, lang) == str(MARKDOWN.render(text, {"lang": lang})), (text, lang)


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
@example("1. punkt")
@example("# Rubrik")
@example("- lista")
@example("+ lista")
@example("> citat")
@example("Text  ")
@example("    kod")
@example("Rad ett\nrad två")
@example("Se https://example.com")
@example("a &amp; b")
def test_every_text_renders_as_markdown_it_renders_it(text: str) -> None:
    same_as_markdown_it(text)


@settings(max_examples=6000, deadline=None)
@given(SIMPLE_TEXTS)
# Each guard of the simple shortcut, by a text that goes wrong without it.
@example("a**b**")  # an opener after a letter
@example("**a**b")  # a closer before a letter
@example("**a**_")
@example("** a**")  # a space inside the opener
@example("**a **")  # a space inside the closer
@example("*a**")  # runs of different lengths
@example("***a***")
@example("**a*b*c**")  # emphasis inside emphasis
@example("a *b* (*c*)")  # an opener after a parenthesis
@example("[a](javascript:alert(1))")  # an address markdown-it refuses
@example("[a](https://EXAMPLE.com/x)")  # an address it rewrites
@example("[a](https://x.se/a%20b)")
@example("[ a ](https://x.se)")  # a link's text with spaces at its ends
@example("![a](https://x.se)")  # an image, disabled
@example("[a]: https://x.se")  # a reference definition
@example("- a\n\n- b")  # a loose list
@example("a\n- b")  # a list right under a paragraph
@example("- a\nb")  # a lazy continuation line
@example("-  a")  # an item indented further
@example("- ")
@example("1. a")
@example("a\n\n\nb")
@example("a  \n\nb")
@example("* a")  # a bullet, not emphasis
@example("*a* *b*")
def test_simple_texts_render_as_markdown_it_renders_them(text: str) -> None:
    same_as_markdown_it(text)


def test_plain_sentences_take_the_plain_shortcut() -> None:
    """The shortcut is taken for the plain sentences plan files are mostly made of (else it saves nothing)."""
    for text in PLAIN_EXAMPLES:
        assert md.plain(text), text
    for text in ("**fet**", "[länk](https://example.com)", "rad\nrad", " inledande", "a <b>", "a & b"):
        assert not md.plain(text), text


@pytest.mark.parametrize("text", SIMPLE_EXAMPLES)
def test_texts_with_emphasis_links_and_lists_take_the_simple_shortcut(text: str) -> None:
    """Benchmark vendors' and real offers' Markdown is put together without markdown-it, to the same bytes."""
    assert md._simple_block(text) is not None
    same_as_markdown_it(text)


def test_the_shortcuts_leave_to_markdown_it_what_they_cannot_be_sure_of() -> None:
    for text in ("a**b**", "- a\n\n- b", "[a](javascript:x)", "**a*b*c**", "Rad ett\nrad två", "1. a"):
        assert md._simple_block(text) is None, text
