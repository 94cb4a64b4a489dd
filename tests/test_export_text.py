"""The rule files' text: `dsl.rules.export.dumps` writes what json.dumps(doc, ensure_ascii=False, indent=2) writes.

Consumers read the files with any JSON parser, but the published bytes are also compared between builds, versions
and the serial and parallel paths: the hand-written encoder must not change a byte of them."""

from __future__ import annotations

import json
import math
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dsl.language.loader import load_project
from dsl.language.model import Project
from dsl.rules.export import dumps, export_project

ROOT = Path(__file__).resolve().parents[1]


def reference(doc: object) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def test_every_rule_file_of_the_project_is_written_as_json_dumps_writes_it() -> None:
    project = load_project([ROOT / "plans"]).project
    assert project is not None and len(project.vendors) >= 5
    whole = export_project(project, (2026, 2027))
    assert dumps(whole) == reference(whole)
    for vendor in project.vendors:
        doc = export_project(Project((vendor,)), (2026, 2027))
        assert dumps(doc) == reference(doc), vendor.id


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30), st.floats(allow_nan=True, allow_infinity=True),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(documents)
def test_any_json_document_is_written_byte_for_byte_as_json_dumps_writes_it(doc: object) -> None:
    assert dumps(doc) == reference(doc)  # type: ignore[arg-type]


def test_what_the_json_module_handles_differently_is_left_to_it() -> None:
    odd = {"a": {1: "an int key", None: 2.5}, "b": (1, [math.inf, -math.inf]), "c": "\u2028\x00\"\\é"}
    assert dumps(odd) == reference(odd)
