"""An obligation's frequency is said once: the page adds "– once a quarter" from `1 per quarter`, so the text does not say it.

The real plans' commitments (Synerity's webinars and reports, Stratiteq's status meetings, Esri's
daily status update) once read "Once a quarter we invite you ... – once a quarter" in every language.
"""

from __future__ import annotations

import re

import pytest

from dsl.language.model import Project
from dsl.language.vocabulary import LANGUAGES
from dsl.site import views as site
from support.site import words

# The words each language says a period with, in a sentence ("En gång i kvartalet", "daily", "raz w roku").
PERIOD_WORDS: dict[str, dict[str, str]] = {
    "sv": {"day": r"\bdag|daglig", "week": r"veck", "month": r"månad", "quarter": r"kvartal", "year": r"\bår\b|årlig"},
    "it": {"day": r"\bgiorn|quotidian", "week": r"settiman", "month": r"\bmes[ei]\b|mensil", "quarter": r"trimestr", "year": r"\bann[oi]\b|annual"},
    "pl": {"day": r"\bdzie[nń]|codzienn|dzienn", "week": r"tydzie|tygodn", "month": r"miesi", "quarter": r"kwarta", "year": r"\brok|roczn"},
    "en": {"day": r"\bday|daily", "week": r"week", "month": r"month", "quarter": r"quarter", "year": r"\byear|annual"},
}


def _frequent(project: Project) -> list[tuple[str, str, int, str]]:
    """(vendor, plan, index of the obligation, its period) of every obligation with `N per PERIOD`."""
    return [
        (vendor.id, plan.id, i, ob.quantity.period)
        for vendor in project.vendors
        for plan in vendor.plans
        for i, ob in enumerate(plan.obligations)
        if ob.quantity is not None and ob.quantity.period is not None
    ]


def test_the_real_plans_have_such_obligations(shipped: Project) -> None:
    assert {v for v, *_ in _frequent(shipped)} >= {"synerity", "stratiteq", "esri"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_commitment_says_how_often_once(shipped: Project, lang: str) -> None:
    for vendor_id, plan_id, index, period in _frequent(shipped):
        vendor = shipped.vendor(vendor_id)
        reader = site.Reader(lang, words()[lang], vendor)
        service = next(s for s in site.plan_services(vendor, reader) if s.anchor == site.tier_anchor(plan_id))
        shown = str(service.obligations[index])
        text, _, details = shown.partition("<small>")
        assert details, shown  # the page says how often, from the plan's `N per PERIOD`
        assert re.search(PERIOD_WORDS[lang][period], details, re.I), shown
        assert not re.search(PERIOD_WORDS[lang][period], text, re.I), f"{vendor_id}/{plan_id} ({lang}) says how often twice: {shown}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_commitment_with_details_loses_its_full_stop_before_the_dash(shipped: Project, lang: str) -> None:
    # Esri's "A status update on every open support case. – once a day": the sentence ended, then a dash went on.
    said = 0
    for vendor in shipped.vendors:
        reader = site.Reader(lang, words()[lang], vendor)
        for service in site.plan_services(vendor, reader):
            for shown in map(str, service.obligations):
                text, dash, _ = shown.partition(" <small>–")
                if dash:
                    said += 1
                    assert not re.search(r"(?<!\.)\.(</span>)?$", text), f"{vendor.id} ({lang}): {shown}"
    assert said >= 5  # Synerity's, Stratiteq's, Esri's and Norrdrift's commitments have details


@pytest.mark.parametrize(("before", "after"), [
    ("A status update.", "A status update"),
    ('<span lang="en">A status update.</span>', '<span lang="en">A status update</span>'),
    ("See the portal…", "See the portal…"),
    ("And so on...", "And so on..."),
    ("No stop", "No stop"),
])
def test_the_full_stop_pattern_keeps_an_ellipsis(before: str, after: str) -> None:
    assert site._FULL_STOP_AT_END.sub(r"\1", before) == after
