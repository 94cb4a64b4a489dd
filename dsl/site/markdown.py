"""Plan texts in Markdown, rendered safely: CommonMark by markdown-it-py, with two shortcuts for the texts that are common.

markdown-it-py is the renderer: raw HTML off, no images, links only to http(s), mailto and tel. Its
output is what a page shows. Rendering is most of the cost of a page, though, and most texts use a small
part of CommonMark, so two shortcuts give markdown-it's bytes without running it:

- a **plain** text (no character any CommonMark rule acts on) is itself, escaped, in a paragraph;
- a **simple** text (one-line paragraphs and tight "- " lists of words, `**strong**`, `*emphasis*` and
  `[links](https://...)` whose delimiters stand where no CommonMark rule could read them another way) is
  put together directly.

Each shortcut answers only when it is certain and otherwise leaves the text to markdown-it; where in
doubt, a guard is stricter than CommonMark needs. tests/test_markdown_shortcuts.py compares both with
markdown-it on random texts made of the pieces the shortcuts look at and on near misses of the forms
they accept.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from dsl.site import formatting as fmt

SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")


def safe_link(url: str) -> bool:
    """Whether `url` may be a link on a page: http(s), mailto or tel."""
    return url.strip().lower().startswith(SAFE_SCHEMES)


class _SafeMarkdown(MarkdownIt):
    """CommonMark without raw HTML and images, whose links are http(s), mailto or tel only."""

    def __init__(self) -> None:
        super().__init__("commonmark", {"html": False})
        # An image would be a request to another host: the site loads nothing from elsewhere.
        self.disable("image")
        self.core.ruler.push("whole_short_words", _whole_short_words_in_text)

    def validateLink(self, url: str) -> bool:  # markdown-it-py calls it by this name
        """Whether a link may be a link: plan files are written by marketing, but a page must never
        carry a javascript: or data: link, nor a relative one that breaks on another host."""
        return safe_link(url)


def _whole_short_words_in_text(state: StateCore) -> None:
    """Keep the vendor's short hyphenated words whole ("E-mail", "on-site"), as the site's own words are (render._whole_words),
    and in a Polish text (env "lang"), its one-letter words with the next word (fmt.bind_single_letter_words).

    Only in the text a reader sees: a text token's content, never an attribute (a link's href is not a token's
    content), a code span or block (not "text" tokens), nor the text of an autolink, which is its address.
    """
    lang = state.env.get("lang", "") if isinstance(state.env, dict) else ""
    for block in state.tokens:
        in_autolink = False
        children = block.children or []
        for i, token in enumerate(children):
            if token.type == "link_open":
                in_autolink = token.markup == "autolink"
            elif token.type == "link_close":
                in_autolink = False
            elif token.type == "text" and not in_autolink:
                # Words follow on the line unless this is the paragraph's last token: "w " before **strong** is bound too.
                more = i + 1 < len(children)
                token.content = fmt.bind_single_letter_words(fmt.keep_short_words_whole(token.content), lang, more)
                # "w" at a line end of the source: the line end (a space on the page) becomes the no-break space.
                if lang == "pl" and more and children[i + 1].type == "softbreak" and fmt.SINGLE_LETTER_WORD_AT_END.search(token.content):
                    children[i + 1].type, children[i + 1].content = "text", fmt.NO_BREAK_SPACE


MARKDOWN = _SafeMarkdown()


# --- the plain shortcut --------------------------------------------------------------------------
# A plain text has no character that a CommonMark rule acts on (emphasis, code, links, autolinks,
# entities, escapes, line breaks), so markdown-it renders it as itself, HTML-escaped, and a block as
# one paragraph when it starts with a letter (a digit, "#", ">", "-" or "+" could start a list, a
# heading or a quote) and has no space at either end (a paragraph is trimmed).
_PLAIN = re.compile(r"[^\\`*_\[\]!<>&~\n\r\0]*")


def plain(value: str) -> bool:
    """Whether `value` is a text no CommonMark rule acts on."""
    return value == value.strip() and _PLAIN.fullmatch(value) is not None


def _text(value: str, lang: str = "") -> str:
    # markdown-it escapes &, <, > and " (not the apostrophe, as MarkupSafe would); the texts that reach
    # here have only the last. A text token gets the word joiners and no-break spaces MARKDOWN's rule gives it; a
    # piece that ends in a space has more words after it on its line (a line is stripped).
    return fmt.bind_single_letter_words(fmt.keep_short_words_whole(value), lang, True).replace('"', "&quot;")


# --- the simple shortcut -------------------------------------------------------------------------
# Words between delimiters: the plain characters less the tab (indentation) and the line ends.
_WORDS = r"[^\\`*_\[\]!<>&~\n\r\t\0]"
_TEXT = re.compile(_WORDS + "+")
# Emphasis whose inside starts and ends with a letter or digit: the opening run is then left-flanking and
# the closing one right-flanking whatever stands around them, and with no "*" inside, each opener pairs
# with the next closer. Opening runs must follow a space or the start, closing ones precede a space, the
# end or a few marks of punctuation (checked in `_inline`), so no run can also be read the other way.
_STRONG = re.compile(rf"\*\*([^\W_](?:{_WORDS}*[^\W_])?)\*\*")
_EMPHASIS = re.compile(rf"\*([^\W_](?:{_WORDS}*[^\W_])?)\*")
_AFTER_CLOSER = frozenset(" .,;:?)")
# A link whose text is words with no space at either end and whose address markdown-it would neither
# encode nor refuse: lower-case host names, no "%", "&", quotes or parentheses.
_LINK = re.compile(
    rf"\[([^\s\[\]\\`*_!<>&~](?:{_WORDS}*[^\s\[\]\\`*_!<>&~])?)\]"
    r"\((https?://[a-z0-9.-]+(?:/[A-Za-z0-9._~/-]*)?|mailto:[A-Za-z0-9.+-]+@[a-z0-9.-]+|tel:\+?[0-9-]+)\)"
)


def _inline(value: str, lang: str = "") -> str | None:
    """The HTML of a one-line text of words, emphasis and links, or None when markdown-it must decide."""
    out: list[str] = []
    pos, end = 0, len(value)
    while pos < end:
        char = value[pos]
        if char == "*":
            if pos and value[pos - 1] != " ":
                return None
            match = _STRONG.match(value, pos)
            tag = "strong"
            if match is None:
                match, tag = _EMPHASIS.match(value, pos), "em"
                if match is None:
                    return None
            pos = match.end()
            if pos < end and value[pos] not in _AFTER_CLOSER:
                return None
            out.append(f"<{tag}>{_text(match.group(1), lang)}</{tag}>")
        elif char == "[":
            match = _LINK.match(value, pos)
            if match is None:
                return None
            pos = match.end()
            out.append(f'<a href="{match.group(2)}">{_text(match.group(1), lang)}</a>')
        else:
            match = _TEXT.match(value, pos)
            if match is None:
                return None
            pos = match.end()
            out.append(_text(match.group(), lang))
    return "".join(out)


def _line(value: str, lang: str = "") -> str | None:
    """`_inline` of a paragraph's or a list item's line, which must start with a letter, emphasis or a link."""
    if not value or value != value.strip() or not (value[0].isalpha() or value[0] in "*["):
        return None
    return _inline(value, lang)


def _simple_block(value: str, lang: str = "") -> str | None:
    """The HTML of one-line paragraphs and tight "- " lists separated by blank lines, or None."""
    if value != value.strip():
        return None
    out: list[str] = []
    after_list = False
    for block in value.split("\n\n"):
        if block.startswith("- "):
            # A list after a blank line would continue the one before it, as a loose list.
            if after_list:
                return None
            items = []
            for line in block.split("\n"):
                html = _line(line[2:], lang) if line.startswith("- ") else None
                if html is None:
                    return None
                items.append(f"<li>{html}</li>\n")
            out.append("<ul>\n" + "".join(items) + "</ul>\n")
            after_list = True
        else:
            html = _line(block, lang)  # a line end, within the block, is not a word: no paragraph of two lines
            if html is None:
                return None
            out.append(f"<p>{html}</p>\n")
            after_list = False
    return "".join(out)


# --- rendering -------------------------------------------------------------------------------------
# Each distinct text is rendered once per process: the same words stand in many cells and on many
# pages (a shared label, "8 hours"), and rendering is a pure function of the text.


# `lang` is the language the text is written in; only "pl" changes the HTML (fmt.bind_single_letter_words), so callers
# pass "" for the others and each text of theirs is rendered once, whatever page it stands on.


@lru_cache(maxsize=8192)
def render_inline(value: str, lang: str = "") -> str:
    """A one-line text's HTML (emphasis, links; no paragraph)."""
    if plain(value):
        return _text(value, lang)
    if value == value.strip():
        html = _inline(value, lang)
        if html is not None:
            return html
    return str(MARKDOWN.renderInline(value, {"lang": lang}))


@lru_cache(maxsize=8192)
def render_block(value: str, lang: str = "") -> str:
    """A text's HTML as blocks (paragraphs, lists)."""
    if value[:1].isalpha() and plain(value):
        return f"<p>{_text(value, lang)}</p>\n"
    html = _simple_block(value, lang)
    return html if html is not None else str(MARKDOWN.render(value, {"lang": lang}))
