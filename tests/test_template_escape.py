"""The pages' templates write autoescaped values as plain strings (dsl/site/render.py, `_Template`): the same bytes
as Jinja's own Template, which makes a Markup of each."""

from __future__ import annotations

import random

from jinja2 import DictLoader, Environment, Template, select_autoescape
from markupsafe import Markup, escape

from dsl.site.render import _escaped_output, _Template

PIECES = ["a", "ä", "&", "<", ">", "'", '"', "&amp;", "&#39;", " ", "\n", "ł", "<b>", "\u2060", "€"]


class Html:
    def __html__(self) -> str:
        return "<i>x</i>"


def test_each_kind_of_value_is_escaped_as_markupsafe_escapes_it() -> None:
    rng = random.Random(7)
    texts = ["".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 12))) for _ in range(3000)]
    for value in [*texts, *(Markup(t) for t in texts[:200]), 0, -3, 2.5, None, True, Html(), Markup("<b>&amp;</b>")]:
        assert _escaped_output(value) == str(escape(value)), repr(value)


SOURCE = """{% macro cell(x) %}<td title="{{ x }}">{{ x }}</td>{% endmacro %}
{% set block %}<p>{{ a }}</p>{% endset %}{{ block }}{{ a }}{{ b }}{{ a ~ b }}{{ a|safe }}{{ a|e }}{{ n }}{{ cell(a) }}
{% for x in items %}{{ loop.index }}{{ cell(x) }}{{ x|upper }}{% endfor %}{{ _("it's") }}{% autoescape false %}{{ a }}{% endautoescape %}"""


def test_a_template_writes_what_jinjas_own_template_writes() -> None:
    rng = random.Random(11)
    for n in range(200):
        words = ["".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 8))) for _ in range(4)]
        context = {"a": words[0], "b": Markup(words[1]), "n": n, "items": [words[2], Markup(words[3]), n]}
        pages = []
        for template_class in (Template, _Template):
            env = Environment(loader=DictLoader({"t.html": SOURCE}), autoescape=select_autoescape(["html"]), extensions=["jinja2.ext.i18n"])
            env.template_class = template_class
            env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
            pages.append(env.get_template("t.html").render(**context))
        assert pages[0] == pages[1], context


GETTEXT_SOURCE = """{{ _("it's <b>%%</b>") }}|{{ _("Hello %(name)s, 100%%", name=a) }}|{{ gettext("it's <b>%%</b>") }}|
{%- trans %}x & y{% endtrans %}|{% trans n=a %}{{ n }} costs 5 %{% endtrans %}|{{ _("it's <b>%%</b>") }}
{%- autoescape false %}|{{ _("Hello %(name)s, 100%%", name=a) }}|{{ _("a<b") }}{% endautoescape %}"""


class Catalog:
    """Translations that visibly change every message (the templates must show the translated, escaped text)."""

    def gettext(self, message: str) -> str:
        return f"<{message}> ✓"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural


def test_the_pages_gettext_writes_what_the_i18n_extensions_own_writes() -> None:
    from dsl.site.render import _gettext

    rng = random.Random(5)
    for _ in range(100):
        a = "".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 8)))
        pages = []
        for fast in (False, True):
            env = Environment(loader=DictLoader({"t.html": GETTEXT_SOURCE}), autoescape=select_autoescape(["html"]), extensions=["jinja2.ext.i18n"])
            env.install_gettext_translations(Catalog(), newstyle=True)  # type: ignore[attr-defined]
            if fast:
                env.globals["gettext"] = env.globals["_"] = _gettext(Catalog())  # type: ignore[arg-type]
            pages.append(env.get_template("t.html").render(a=a))
        assert pages[0] == pages[1], a
        assert "<it's <b>%</b>> ✓" in pages[1] and f"<Hello {escape(a)}, 100%> ✓" in pages[1]  # translated; the variable escaped


def test_html_format_and_sentence_write_what_markups_own_formatting_writes() -> None:
    from dsl.site.views import html_format, sentence

    rng = random.Random(3)
    templates = ["{}: {}", '<span lang="{}">{}</span>', "{} ({})", "<p>{}</p>{}", "{}<br><small>{}</small>"]
    for _ in range(500):
        words = ["".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 8))) for _ in range(2)]
        # Texts, Markup and numbers, as the views pass (markupsafe escapes what another object's __html__ returns: none is passed).
        values: list[object] = [rng.choice([words[0], Markup(words[0]), rng.randrange(-5, 500)]), rng.choice([words[1], Markup(words[1])])]
        template = rng.choice(templates)
        assert html_format(template, *values) == Markup(template).format(*values)
        assert type(html_format(template, *values)) is Markup
        catalog = rng.choice(["%(a)s: %(b)s", "%(a)s & %(b)s 100%%", "<%(b)s>"])
        named = {"a": values[1], "b": rng.choice([words[0], Markup(words[0])])}
        assert sentence(catalog, **named) == Markup(escape(catalog)) % named  # type: ignore[arg-type]
