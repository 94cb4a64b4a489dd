"""Three offers of vendors unlike the seeds, written by an outside author from docs/language.md alone (session 20).

A US SaaS company (Cobalt: per-user prices, P1 around the clock, availability with service credits, a
root-cause analysis for P1, a contract term), a Munich managed-services firm (Nordwerk: an impact ×
urgency matrix, Bavarian holidays, half days on the eves, an on-site visit for critical incidents) and a
Finnish hosting company in English and Swedish (Lumo: segments, a free tier, targets and prices that
change on a date). Each must check without errors, publish in four languages and export rules that the
published schema accepts: what an author writes from the docs must work end to end.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from dsl.rules.export import load_schema
from support.paths import BUILD_PY, ROOT

OUTSIDE = ROOT / "tests" / "plans" / "outside"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("outside")
    shutil.copytree(OUTSIDE, project / "plans")
    checked = subprocess.run([sys.executable, str(BUILD_PY), "--project", str(project), "check"], capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0, checked.stderr
    assert "error[" not in checked.stderr
    built = subprocess.run(
        [sys.executable, str(BUILD_PY), "--project", str(project), "build", "--quiet"], capture_output=True, text=True, timeout=600
    )
    assert built.returncode == 0, built.stderr
    return project / "_site"


def test_the_three_offers_publish_in_every_language(published: Path) -> None:
    for vendor in ("cobalt", "nordwerk", "lumo"):
        for lang in ("sv", "it", "pl", "en"):
            assert (published / lang / vendor / "index.html").is_file(), (lang, vendor)


def test_their_rules_are_valid_and_carry_what_the_authors_wrote(published: Path) -> None:
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(load_schema()).validate(rules)
    enterprise = rules["vendors"]["cobalt"]["plans"]["enterprise"]
    assert enterprise["availability"]["percent"] == 99.95
    assert [c["below"] for c in enterprise["availability"]["credits"]] == [99.95, 99, 95]
    assert {o["id"]: o["priorities"] for o in enterprise["obligations"]}["rca"] == ["P1"]
    onsite = {o["id"]: o for o in rules["vendors"]["nordwerk"]["plans"]["komfort"]["obligations"]}["onsite-escalation"]
    assert onsite["priorities"] == ["P1"] and onsite["after_minutes"] == 120


def test_their_pages_say_the_new_facts_in_the_readers_language(published: Path) -> None:
    english = (published / "en" / "cobalt" / "index.html").read_text(encoding="utf-8")
    swedish = (published / "sv" / "cobalt" / "index.html").read_text(encoding="utf-8")
    assert "Minimum term: 12 months" in english
    assert "99,95\u00a0%" in swedish or "99,95 %" in swedish


def test_nordwerks_on_site_promise_is_a_target_with_a_deadline(published: Path) -> None:
    """Format 1.6: 'a technician on site within 4 service hours' (Komfort, critical incidents) was a feature cell."""
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))
    plans = rules["vendors"]["nordwerk"]["plans"]
    onsite = {name: [(t["priority"], t["minutes"], t["calendar"]) for t in plan["targets"] if t["metric"] == "on-site"]
              for name, plan in plans.items()}
    # Komfort inherits Basis's "no on-site time" for P2-P4 and promises 4 service hours for P1.
    assert onsite == {"basis": [(None, None, None)], "komfort": [(None, None, None), ("P1", 240, "nordwerk-service")]}
    assert "onsite-time" not in (published.parent / "plans" / "nordwerk.plan").read_text(encoding="utf-8")
    # Friday 15:00 in Munich: 2 service hours that day, 2 on Monday.
    due = subprocess.run(
        [sys.executable, str(BUILD_PY), "--project", str(published.parent), "due", "nordwerk/komfort", "P1",
         "2026-11-27T15:00:00+01:00", "--metric", "on-site"],
        capture_output=True, text=True, timeout=300,
    )
    assert due.returncode == 0, due.stderr
    assert due.stdout.strip() == "2026-11-30T10:00:00+01:00"
    for lang, title in (("sv", "Tekniker på plats"), ("it", "Intervento on-site"), ("pl", "Przyjazd technika"), ("en", "Technician on site")):
        page = (published / lang / "nordwerk" / "index.html").read_text(encoding="utf-8").replace("\u2060", "")  # "on-site" kept whole
        assert f'<h3 id="m-on-site">{title}</h3>' in page and f'<option value="on-site">{title}</option>' in page
