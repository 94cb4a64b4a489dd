"""Tier tables on every screen (issue 9): permalinks, the recommended tier, the phone's tier chooser."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dsl.language.vocabulary import LANGUAGES
from dsl.site import views as site
from dsl.site.render import render_site
from support.site import parse, rich_project, words

BASE = "https://support.example.org/compare/"


def _with_recommended(plan_id: str):
    """The hand-built project with one of ACME's tiers marked recommended."""
    project = rich_project()
    vendors = []
    for vendor in project.vendors:
        plans = tuple(dataclasses.replace(p, recommended=p.id == plan_id) for p in vendor.plans)
        vendors.append(dataclasses.replace(vendor, plans=plans))
    return dataclasses.replace(project, vendors=tuple(vendors))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    render_site(_with_recommended("standard"), out, words(), BASE, warnings=site.Warnings())
    return out


@pytest.mark.parametrize(
    ("recommended", "shown"),
    [
        ([False, False, False], (0, 1)),
        ([False, True, False], (1, 2)),
        ([False, False, True], (1, 2)),  # the last tier is shown with the one below it
        ([True, False, False, False], (0, 1)),
        ([False, False], (0, 1)),
        ([False], (0,)),
    ],
)
def test_a_phone_first_shows_the_recommended_tier_and_its_neighbour(recommended, shown) -> None:
    assert site.narrow_tiers(recommended) == shown


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_tier_has_a_permalink_its_column_heads_link_to(built, lang) -> None:
    tags = parse(built / lang / "acme" / "index.html")
    ids = {a["id"] for a in tags.find("article") if a.get("id")}
    assert ids == {"tier-free", "tier-standard", "tier-premium"}
    perma = [a["href"] for t, a in tags.tags if t == "a" and a.get("class") == "perma"]
    assert sorted(perma) == sorted(f"#{i}" for i in ids)
    heads = [a["href"] for t, a in tags.tags if t == "a" and a.get("href", "").startswith("#tier-") and a.get("class") != "perma"]
    # Once in the feature table and once per response-time table, each tier's head links to its card.
    assert set(heads) == {f"#{i}" for i in ids} and len(heads) % 3 == 0


def test_the_recommended_tier_is_marked_in_the_tables_and_its_card(built) -> None:
    html = (built / "en" / "acme" / "index.html").read_text(encoding="utf-8")
    tags = parse(built / "en" / "acme" / "index.html")
    assert tags.find("article", id="tier-standard", class_="tier rec")
    assert tags.find("article", id="tier-premium", class_="tier")
    assert html.count('<th scope="col" class="rec">') == 1  # the feature table
    assert html.count('<th scope="col" class="hl">') == 2  # a response-time table per metric
    # The label is said in the feature table's head, on the tier's card at the top and on its card under "Service per
    # tier"; the other tables mark it by colour.
    assert html.count('<span class="badge">Recommended</span>') == 3
    cards = [a.get("class") for t, a in tags.tags if t == "li" and "tcard" in a.get("class", "")]
    assert cards == ["tcard", "tcard rec", "tcard"]


def test_the_phone_chooser_ticks_the_recommended_tier_and_the_next(built) -> None:
    tags = parse(built / "sv" / "acme" / "index.html")
    boxes = tags.find("input", type="checkbox")
    # Column 1 holds the row labels: the tiers are columns 2.., in the plan file's order.
    assert [b["id"] for b in boxes] == ["k2", "k3", "k4"]
    assert sorted(a["for"] for a in tags.find("label") if a.get("for", "").startswith("k")) == ["k2", "k3", "k4"]
    assert ["checked" in b for b in boxes] == [False, True, True]
    assert tags.find("fieldset", class_="pick")


def test_a_vendor_with_one_tier_has_no_chooser(built) -> None:
    tags = parse(built / "en" / "beta" / "index.html")
    assert not tags.find("fieldset", class_="pick")
    assert tags.find("article", id="tier-basic")
