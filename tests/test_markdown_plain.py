"""Plain texts skip markdown-it (dsl/site/views.py): the shortcut must give markdown-it's bytes for every text."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from dsl.site import views
from dsl.site.views import MARKDOWN

# Letters of the four site languages, digits, spaces of several kinds, and every character a CommonMark
# rule could act on: random texts are mostly plain, and often one character away from not being so.
ALPHABET = st.sampled_from(
    list("abcXYZåäöÅłśżźćńęąÓèàìùÉ0123456789")
    + [" ", "  ", "\t", "\n", "\r", "\u00a0", "\u2028", "\0"]
    + list(".,;:?!'\"()/%-+=#>|{}$@^") + list("\\`*_[]<>&~")
)
TEXTS = st.lists(ALPHABET, max_size=24).map("".join) | st.text(max_size=24)

PLAIN_EXAMPLES = [
    "Telefonsupport vardagar",
    'Supporto "premium" in italiano',
    "Pomoc 24/7, także w święta (PL)",
    "l'assistenza è inclusa: 8 ore",
]


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
    assert views._markdown_inline.__wrapped__(text) == str(MARKDOWN.renderInline(text))
    assert views._markdown_block.__wrapped__(text) == str(MARKDOWN.render(text))


def test_plain_sentences_take_the_shortcut() -> None:
    """The shortcut is taken for the plain sentences plan files are mostly made of (else it saves nothing)."""
    for text in PLAIN_EXAMPLES:
        assert views._plain(text), text
    for text in ("**fet**", "[länk](https://example.com)", "rad\nrad", " inledande", "a <b>", "a & b"):
        assert not views._plain(text), text
