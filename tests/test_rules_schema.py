"""The rule JSON Schema: open to later minor versions, strict about every rule it can state (docs/rules.md, "Validating").

What the schema cannot state, `structural_problems` checks; the export runs it on itself. Ajv in strict
mode (tests/js/schema.test.mjs) must compile the published schema and accept an export, as jsonschema does.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest

from dsl.rules.export import export_project, load_schema, schema_text, structural_problems
from support.paths import ROOT
from support.rules_sample import YEARS, sample_project

NODE = shutil.which("node")


@pytest.fixture(scope="module")
def doc() -> dict:
    return export_project(sample_project(), YEARS)


def _changed(doc: dict, change: Callable[[dict], Any]) -> dict:
    copy = json.loads(json.dumps(doc))
    change(copy)
    return copy


def _vendor(d: dict) -> dict:
    return d["vendors"]["stratiteq"]


def _targets(d: dict) -> list[dict]:
    return _vendor(d)["plans"]["sos"]["targets"]


def test_the_id_is_a_stable_urn_of_the_major_version() -> None:
    schema = load_schema()
    assert schema["$id"] == "urn:tierwise:sla-rules:schema:1"
    assert "example" not in schema_text()


@pytest.mark.parametrize(
    "where",
    [
        lambda d: d,
        lambda d: d["data_versions"],
        lambda d: d["years"],
        _vendor,
        lambda d: _vendor(d)["calendars"]["stratiteq-office"],
        lambda d: _vendor(d)["plans"]["sos"],
        lambda d: _targets(d)[0],
        lambda d: _vendor(d)["priorities"]["levels"][0],
    ],
)
def test_a_field_a_later_minor_version_adds_is_accepted(doc: dict, where: Callable[[dict], dict]) -> None:
    validator = jsonschema.Draft202012Validator(load_schema())
    later = _changed(doc, lambda d: where(d).update({"added_in_1_14": {"any": ["thing"]}}))
    later["format_version"] = "1.14"
    assert validator.is_valid(later)
    assert not validator.is_valid({**later, "format_version": "2.0"})


@pytest.mark.parametrize(
    "change",
    [
        # customer_holidays belong to a calendar in the customer's zone only
        lambda d: _vendor(d)["calendars"]["stratiteq-office"].update({"customer_holidays": {"SE": ["2026-01-01"]}}),
        # business days and minutes exclude each other; a days_rule needs business days and the reverse
        lambda d: _targets(d)[0].update({"business_days": 2, "days_rule": "same-time"}),
        lambda d: _targets(d)[0].update({"minutes": None, "business_days": 2, "days_rule": None}),
        lambda d: _targets(d)[0].update({"days_rule": "day-end", "business_days": None}),
        # an unpublished target has no amount
        lambda d: _targets(d)[0].update({"published": False}),
        lambda d: d.update({"zones": ["UTC", "UTC"]}),
        lambda d: _vendor(d)["calendars"]["stratiteq-office"]["weekly"].update({"mon": [["08:00"]]}),
    ],
)
def test_the_schema_refuses_what_it_can_state(doc: dict, change: Callable[[dict], Any]) -> None:
    assert not jsonschema.Draft202012Validator(load_schema()).is_valid(_changed(doc, change))


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (
            lambda d: _vendor(d)["calendars"]["stratiteq-office"]["weekly"].update({"mon": [["17:00", "08:00"]]}),
            "weekly.mon: piece 17:00–08:00 does not end after it starts",
        ),
        (
            lambda d: _vendor(d)["calendars"]["stratiteq-office"]["weekly"].update({"tue": [["08:00", "12:00"], ["11:00", "17:00"]]}),
            "weekly.tue: pieces 08:00–12:00 and 11:00–17:00 overlap",
        ),
        (
            lambda d: _vendor(d)["calendars"]["stratiteq-office"]["weekly"].update({"wed": [["08:00", "12:00"], ["12:00", "17:00"]]}),
            "overlap, touch or are out of order",
        ),
        (lambda d: _targets(d).append(dict(_targets(d)[0])), "a second target for metric"),
        (lambda d: _targets(d)[0].update({"calendar": "nowhere"}), "unknown calendar 'nowhere'"),
        (lambda d: _targets(d)[0].update({"priority": "P9"}), "unknown priority 'P9'"),
        (lambda d: _targets(d)[0].update({"case": "ghost"}), "unknown kind of case 'ghost'"),
        (lambda d: _vendor(d)["calendars"]["stratiteq-office"]["dates"].update({"2099-01-01": []}), "dates.2099-01-01: outside the years"),
        (lambda d: d["years"].update({"first": 2030}), "years: first 2030 comes after last"),
        (lambda d: _vendor(d).update({"aliases": {"sos": {"plan": "sos", "who": {}}}}), "aliases.sos: is also a plan id"),
        (lambda d: _vendor(d)["priorities"]["levels"].append(dict(_vendor(d)["priorities"]["levels"][0])), "a level id appears twice"),
        (lambda d: d.update({"zones": ["UTC", "Europe/Stockholm"]}), "zones: not sorted"),
        (
            # the country errors list the keys in document order, which docs/rules.md §7 promises is sorted
            lambda d: _vendor(d)["calendars"]["stratiteq-office"].update({"zone": None, "customer_holidays": {"SE": [], "PL": []}}),
            "stratiteq-office.customer_holidays: the countries are not sorted",
        ),
    ],
)
def test_structural_problems_names_what_the_schema_cannot(doc: dict, change: Callable[[dict], Any], words: str) -> None:
    changed = _changed(doc, change)
    problems = structural_problems(changed)
    assert any(words in p for p in problems), problems


def test_an_export_has_no_structural_problems(doc: dict) -> None:
    assert structural_problems(doc) == []


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_ajv_strict_compiles_the_schema_and_accepts_an_export(doc: dict, tmp_path) -> None:
    (tmp_path / "schema.json").write_text(schema_text(), encoding="utf-8")
    (tmp_path / "rules.json").write_text(json.dumps(doc), encoding="utf-8")
    env = {**os.environ, "TIERWISE_SCHEMA": str(tmp_path / "schema.json"), "TIERWISE_RULES": str(tmp_path / "rules.json")}
    assert NODE is not None
    run = subprocess.run(
        [NODE, "--test", str(ROOT / "tests" / "js" / "schema.test.mjs")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "# pass 2" in run.stdout and "# skipped 0" in run.stdout
