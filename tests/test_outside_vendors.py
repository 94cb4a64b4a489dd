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
