"""Sentences a careful customer reads on the pages (session 21's review on a phone and a desktop, sv and pl)."""

from __future__ import annotations

import re

import pytest

from dsl.language.model import Project
from dsl.site import compare
from dsl.site import views as site
from support.site import words


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_a_clock_round_the_clock_starts_as_a_weekday_clock_does(shipped: Project, lang: str) -> None:
    # It stands after a colon ("Ärenden tas emot: dygnet runt, …", "Przyjmowanie zgłoszeń: całodobowo, …") and in
    # the same cells as "mån–fre 08:00–17:00": Swedish and Polish write both in lower case, as the glossary does.
    reader = site.Reader(lang, words()[lang])
    always = reader.gettext("24×7, all year round")
    weekday = site.fmt.weekday_range(0, 4, lang)
    if always[0].isalpha() and weekday[0].isalpha():
        assert always[0].isupper() == weekday[0].isupper(), (always, weekday)


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_a_tier_priced_per_segment_gives_each_segment_a_line_in_the_comparison(shipped: Project, lang: str) -> None:
    synerity = shipped.vendor("synerity")
    gold = next(p for p in synerity.plans if p.id == "gold")
    text = str(compare.price_cell(gold, synerity, site.Reader(lang, words()[lang], synerity)).text)
    lines = text.split("<br>")
    assert len(lines) == 2 and "; " not in text, text


def test_polish_writes_nie_together_with_an_adjectival_participle() -> None:
    # "Nie opublikowany przez dostawcę", "(nie wliczane do niedostępności)": Polish spelling writes "nieopublikowany",
    # "niewliczane" (separately only to contrast, which these are not).
    catalog = words()["pl"]._catalog
    separate = [
        text
        for text in catalog.values()
        if isinstance(text, str) and re.search(r"\b[Nn]ie \w+(?:any|ony|ana|ona|ane|one)\b", text)
    ]
    assert separate == []
