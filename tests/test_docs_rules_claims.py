"""docs/rules.md's claims in prose, each read from the page and asked of the reference evaluator.

tests/test_docs_rules.py runs the page's code blocks and tables in a built site; this file covers the
examples written inside sentences, which a consumer written from the page alone takes as the contract:
they are asked of tests/conformance/rules.json, the file the site publishes as rules/vectors-rules.json.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from dsl.language.model import Project
from dsl.rules.engine import Evaluator, RuleError
from dsl.rules.export import FORMAT_VERSION, export_project
from support.paths import ROOT

TEXT = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
RULES = json.loads((ROOT / "tests" / "conformance" / "rules.json").read_text(encoding="utf-8"))


def _flat(text: str) -> str:
    """The page's text with its line breaks and indentation as single spaces, so sentences can be matched."""
    return re.sub(r"\s+", " ", text)


FLAT = _flat(TEXT)
NODE = shutil.which("node")


@pytest.fixture(scope="module")
def evaluator() -> Evaluator:
    return Evaluator(RULES)


def test_the_page_describes_the_format_the_export_writes_and_every_minor_version_before_it() -> None:
    """§1 "A newer minor version" sends a consumer to a section per minor version: each must exist."""
    major, minor = FORMAT_VERSION.split(".")
    assert TEXT.startswith(f"# The SLA rule set (format {FORMAT_VERSION})\n")
    assert f"A consumer implements one minor version (this page: {FORMAT_VERSION})" in FLAT
    headings = set(re.findall(r"^## Format (\d+\.\d+): what (?:was added|changed)$", TEXT, re.M))
    assert headings == {f"{major}.{n}" for n in range(1, int(minor) + 1)}


def test_a_missing_field_of_a_later_minor_version_reads_as_null(evaluator: Evaluator) -> None:
    """§1: a deadline-changing field's absence means what null means (an older document), and ignoring it is wrong."""
    late = ("conformance-lab/cutoff", "P1", "2026-11-23T16:00:00+01:00")
    with_cutoff = evaluator.due(*late, metric="on-site")
    older = json.loads(json.dumps(RULES))
    for vendor in older["vendors"].values():
        for plan in vendor["plans"].values():
            for target in plan["targets"]:
                target.pop("cutoff", None)
    ignored = Evaluator(older).due(*late, metric="on-site")
    nulled = json.loads(json.dumps(older))
    for plan in nulled["vendors"]["conformance-lab"]["plans"].values():
        for target in plan["targets"]:
            target["cutoff"] = None
    assert Evaluator(nulled).due(*late, metric="on-site") == ignored
    # "a consumer of 1.8 that ignores 1.9's cutoff answers a late report ... too early"
    assert ignored < with_cutoff


QUESTIONS = [
    ("stratiteq/sos", "P3", "2026-11-23T15:00:00+01:00", {}),
    ("conformance-lab/days", "P2", "2026-11-23T15:00:00+01:00", {"metric": "resolution"}),
    ("conformance-lab/local", "P2", "2026-12-23T15:00:00+01:00", {"tz": "Europe/Stockholm", "country": "SE"}),
    ("infor/xtreme", "S1", "2026-11-23T15:00:00+01:00", {}),
    ("esri/extended-3", None, "2026-11-28T10:00:00+01:00", {"case": "escalated"}),
    ("conformance-lab/office", "P1", "2027-07-01T10:00:00+02:00", {}),
]


def _answers(rules: dict) -> list[str]:
    evaluator, out = Evaluator(rules), []
    for plan, priority, at, kw in QUESTIONS:
        try:
            out.append(evaluator.due(plan, priority, at, **kw).isoformat())
        except RuleError as error:
            out.append(str(error))
    return out


@pytest.mark.parametrize(
    ("where", "field", "value"),
    [("targets", "published", True), ("plans", "no_support", False), ("targets", "cutoff", None), ("vendors", "aliases", {})],
)
def test_a_field_at_its_older_meaning_may_be_left_out(where: str, field: str, value: object) -> None:
    """§1: absent, a deadline-changing field means what it meant before it existed (published true, no_support false, …)."""
    at_default, left_out = json.loads(json.dumps(RULES)), json.loads(json.dumps(RULES))
    for doc, drop in ((at_default, False), (left_out, True)):
        for vendor in doc["vendors"].values():
            records = [vendor] if where == "vendors" else list(vendor["plans"].values())
            if where == "targets":
                records = [t for plan in records for t in plan["targets"] if t.get(field, value) == value]
            for record in records:
                if drop:
                    record.pop(field, None)
                else:
                    record[field] = value
    assert _answers(left_out) == _answers(at_default)
    assert any(not a.startswith(("plan ", "vendor ")) for a in _answers(left_out))


def test_the_version_boundary_example_of_step_8(evaluator: Evaluator) -> None:
    """§5 step 8's worked example: the same report on either side of a version boundary, by the zone it is read in."""
    example = FLAT[FLAT.index("*Worked example* (the vectors' `conformance-lab/always`") :][:1000]
    report, priority = re.search(r"A report `([^`]+)` of priority `([^`]+)` asked \*\*without\*\* `tz`", example).groups()  # type: ignore[union-attr]
    without, with_tz = re.findall(r"deadline `([^`]+)`", example)[:2]
    zone = re.search(r'asked \*\*with\*\* `tz: "([^"]+)"`', example).group(1)  # type: ignore[union-attr]
    assert evaluator.due("conformance-lab/always", priority, report).isoformat() == without
    assert evaluator.due("conformance-lab/always", priority, report, tz=zone).isoformat() == with_tz
    # asked without a priority, the target for every priority answers the same
    assert evaluator.due("conformance-lab/always", None, report).isoformat() == without


def _sunday_nights(pieces: list[list[str]]) -> Evaluator:
    """The conformance rules with lab-night open on Sundays only, at the given pieces."""
    rules = json.loads(json.dumps(RULES))
    night = rules["vendors"]["conformance-lab"]["calendars"]["lab-night"]
    night["weekly"] = {day: (pieces if day == "sun" else []) for day in night["weekly"]}
    night["dates"] = {}
    return Evaluator(rules)


def test_the_dst_nights_of_section_4() -> None:
    """§4: Sunday 01:00–04:00 is 2 real hours on 29 March 2026 and 4 on 25 October; 02:30 in the gap is 02:30+01:00."""
    assert "(Sunday `01:00–04:00` is 2 real hours on 29 March 2026 and 4 on 25 October 2026 in Stockholm)" in FLAT
    assert "in Stockholm on 29 March 2026, `02:30` is `02:30+01:00` = `03:30+02:00`" in FLAT
    nights = _sunday_nights([["01:00", "04:00"]])
    # conformance-lab/night answers first response in 3 hours for P2: 2 hours that night, the third a week later
    assert nights.due("conformance-lab/night", "P2", "2026-03-29T01:00:00+01:00").isoformat() == "2026-04-05T02:00:00+02:00"
    # and all 3 hours inside the night of the change back, which is 4 hours long
    assert nights.due("conformance-lab/night", "P2", "2026-10-25T01:00:00+02:00").isoformat() == "2026-10-25T03:00:00+01:00"
    # a piece starting at 02:30 that night opens at 03:30+02:00: P1's 30 minutes end at its 04:00
    gap = _sunday_nights([["02:30", "04:00"]])
    assert gap.due("conformance-lab/night", "P1", "2026-03-29T00:00:00+01:00").isoformat() == "2026-03-29T04:00:00+02:00"


def test_the_on_site_example_of_format_1_6(evaluator: Evaluator) -> None:
    found = re.search(r"`(\{\"plan\": \"conformance-lab/field\"[^`]+\})` is due `\"([^\"]+)\"`", FLAT)
    assert found, "the 1.6 example moved"
    question = json.loads(found.group(1))
    assert evaluator.due(question["plan"], question["priority"], question["at"], metric=question["metric"]).isoformat() == found.group(2)


def test_the_suggestion_for_a_time_without_an_offset_shows_the_form_not_the_offset_in_force(evaluator: Evaluator) -> None:
    found = re.search(r"\(`([^`]+)` suggests `([^`]+)`\)", FLAT)
    assert found, "the example in §5 Inputs moved"
    with pytest.raises(RuleError) as caught:
        evaluator.due("stratiteq/sos", "P3", found.group(1))
    assert str(caught.value).endswith(f"such as {found.group(2)}")


def test_a_clock_that_starts_outside_the_span_is_named_in_its_calendars_zone(evaluator: Evaluator) -> None:
    """§11.6's example, against §7's rule that a deadline question names the report in its own offset."""
    found = re.search(r"a ticket reported `([^`]+)` on Stratiteq's office calendar is refused with `([^`]+)`", FLAT)
    assert found, "the example in §11.6 moved"
    at, words = found.groups()
    with pytest.raises(RuleError) as caught:
        evaluator.ticket("stratiteq/sos", "P3", at, at)
    assert str(caught.value) == words
    with pytest.raises(RuleError) as asked:
        evaluator.due("stratiteq/sos", "P3", at)
    assert str(asked.value) == "the moment 2031-01-01T00:00:00+00:00 lies outside the years the rules cover (2026–2028)"


def test_a_long_name_is_cut_to_100_characters_with_an_ellipsis(evaluator: Evaluator) -> None:
    assert "and cut to its first 100 characters, with `…` added inside the quotes (`'Europe/Europe/…'`)" in FLAT
    with pytest.raises(RuleError) as caught:
        evaluator.due("amanda/standard", "P1", "2026-11-23T15:00:00+01:00", tz="Europe/" * 20)
    assert f"'{('Europe/' * 20)[:100]}…'" in str(caught.value)


def test_a_name_is_quoted_as_given(evaluator: Evaluator) -> None:
    assert "written as given, between single quotes and without escaping (`not 'it's'`, `'a\\b'`)" in FLAT
    for plan in ("it's", "a\\b"):
        with pytest.raises(RuleError) as caught:
            evaluator.due(plan, None, "2026-11-23T15:00:00+01:00")
        assert str(caught.value).endswith(f"not '{plan}'")


@pytest.fixture(scope="module")
def published(shipped: Project) -> dict:
    """What `rules/all.json` holds: the project's plans/ over the horizon of plans/shared.plan."""
    return export_project(shipped, (2026, 2028))


def _fragment(body: str) -> dict:
    """A §2/§3 JSON fragment (`"id": {…}`) read as JSON: `texts` as null, elisions (`…`) left out."""
    body = re.sub(r"\{ … \}", "{}", body)
    body = re.sub(r"\[ … \]", "[]", body)
    body = re.sub(r",\s*…", "", body)
    body = re.sub(r"\btexts\b", "null", body)
    return json.loads("{" + body + "}")


def _json_block_after(heading: str) -> str:
    return TEXT[TEXT.index(heading) :].split("```json\n", 1)[1].split("```", 1)[0]


def test_the_vendor_example_of_section_2_is_stratiteqs_export(published: dict) -> None:
    """§2's vendor fragment says `"stratiteq": {…}`: each value it writes out is the export's (it once gave it Esri's case)."""
    (vendor_id, shown), = _fragment(_json_block_after("## 2. A vendor")).items()
    real = published["vendors"][vendor_id]
    assert list(shown) == list(real)
    for field in ("name", "language", "cases", "aliases"):
        assert shown[field] == real[field], field
    assert shown["priorities"]["matrix"] == real["priorities"]["matrix"]
    assert list(shown["calendars"]) == list(real["calendars"]) and list(shown["plans"]) == list(real["plans"])
    assert "(Stratiteq declares no kinds of case; Esri, which does, has `\"cases\": {\"escalated\": {\"name\": texts}}`.)" in FLAT
    assert list(published["vendors"]["esri"]["cases"]) == ["escalated"]


def test_the_plan_example_of_section_2_says_which_entries_are_stratiteqs(published: dict) -> None:
    """§2's plan fragment adds entries to Stratiteq's `sos`; the sentence before it says which are real, and they are."""
    assert (
        "the export of `sos` has the first target below (and P1 in 120 minutes, P2 in 240), no others, and the obligations "
        "`status-meetings`, `call-customer` (a call after 240 minutes of work) and two with neither a count nor a time "
        "(`until-solved`, `on-site`)" in FLAT
    )
    shown = _fragment(_json_block_after("**Plan.**"))["sos"]
    real = published["vendors"]["stratiteq"]["plans"]["sos"]
    assert [(t["metric"], t["priority"], t["minutes"]) for t in real["targets"]] == [
        ("first-response", "P1", 120),
        ("first-response", "P2", 240),
        ("first-response", "P3", 480),
    ]
    first = shown["targets"][0]
    assert first == {k: v for k, v in real["targets"][2].items() if k in first}
    assert [o["id"] for o in real["obligations"]] == ["status-meetings", "call-customer", "until-solved", "on-site"]
    assert [o["id"] for o in real["obligations"] if o["count"] or o["after_minutes"] or o["every_minutes"]] == [
        "status-meetings",
        "call-customer",
    ]
    assert next(o for o in real["obligations"] if o["id"] == "call-customer")["after_minutes"] == 240
    assert shown["obligations"][0] == {k: v for k, v in real["obligations"][0].items() if k in shown["obligations"][0] and k != "text"} | {
        "text": None
    }
    assert shown["coverage"] == real["coverage"]
    extended = published["vendors"]["esri"]["plans"]["extended-3"]["targets"]
    assert any(t["case"] == "escalated" and t["minutes"] == 60 and t["calendar"] == "around-the-clock" for t in extended)


def test_the_calendar_example_of_section_3_is_stratiteqs_office(published: dict) -> None:
    (calendar_id, shown), = _fragment(_json_block_after("## 3. A calendar")).items()
    real = published["vendors"]["stratiteq"]["calendars"][calendar_id]
    assert list(shown) == list(real)
    for field in ("zone", "always_open", "weekly", "holidays", "customer_holidays"):
        assert shown[field] == real[field], field
    assert list(shown["dates"].items()) == list(real["dates"].items())[: len(shown["dates"])]


def test_the_24x5_week_of_section_3_is_infors(published: dict) -> None:
    assert (
        "Infor's 24×5 week, Sunday 23:00 to Friday 23:00, is `sun: [[\"23:00\",\"24:00\"]]`, `mon`–`thu: [[\"00:00\",\"24:00\"]]`, "
        "`fri: [[\"00:00\",\"23:00\"]]`, `sat: []`" in FLAT
    )
    weekly = published["vendors"]["infor"]["calendars"]["infor-cis-24x5"]["weekly"]
    full = [["00:00", "24:00"]]
    assert weekly == {"mon": full, "tue": full, "wed": full, "thu": full, "fri": [["00:00", "23:00"]], "sat": [], "sun": [["23:00", "24:00"]]}


def test_the_alias_example_of_section_2_is_amandas(published: dict) -> None:
    found = re.search(r'Amanda: `"trial": \{"plan": "([^"]+)", "who": \{"en": "([^"]+)", …\}\}`', FLAT)
    assert found, "the alias example of §2 moved"
    alias = published["vendors"]["amanda"]["aliases"]["trial"]
    assert (alias["plan"], alias["who"]["en"]) == found.groups()


def test_the_priority_for_words_of_section_8_are_the_evaluators(published: dict) -> None:
    """§8 lists `priority_for`'s refusals "about rules/all.json": each is what it answers (the vendor list once lacked three vendors)."""
    bullet = FLAT[FLAT.index("- `Evaluator.priority_for(vendor, impact, urgency) -> str`") :]
    bullet = bullet[: bullet.index("- `Evaluator.timeline(")]
    shown = [w for w in re.findall(r"`([^`]+)`", bullet) if w.startswith(("unknown vendor", "vendor '"))]
    questions = [
        ("acme", "large", "high"),
        ("esri", "large", "high"),
        ("amanda", "high", "high"),
        ("amanda", "huge", "high"),
        ("amanda", "large", "soon"),
    ]
    said = []
    evaluator = Evaluator(published)
    for question in questions:
        with pytest.raises(RuleError) as caught:
            evaluator.priority_for(*question)
        said.append(str(caught.value))
    assert said == shown[: len(questions)]
    assert shown[len(questions)] == "vendor 'VENDOR''s matrix gives no level for impact 'IMPACT' with urgency 'URGENCY'"


def _two_versions(first: dict, second: dict) -> Evaluator:
    """A vendor whose plan's first response has a version until 2027-01-01 and another from it."""
    texts = {language: "x" for language in RULES["languages"]}
    always = {"zone": None, "always_open": True, "weekly": {d: [] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}}
    common = {"metric": "first-response", "priority": None, "case": None, "business_days": None, "days_rule": None, "published": True}
    targets = [
        common | first | {"from": None, "until": "2027-01-01", "cutoff": None},
        common | second | {"from": "2027-01-01", "until": None, "cutoff": None},
    ]
    for target in targets:
        target["id"] = f"{target['metric']}/all" + (f"@{target['from']}" if target["from"] else "")
    plan = {"name": texts, "targets": targets, "coverage": [], "obligations": [], "no_support": False, "id": "p"}
    vendor = {
        "name": "V",
        "language": "en",
        "calendars": {"a": always | {"dates": {}, "holidays": [], "name": None, "customer_holidays": None}},
        "priorities": None,
        "plans": {"p": plan},
        "cases": {},
        "aliases": {},
    }
    return Evaluator({**RULES, "vendors": {"v": vendor}})


def test_a_version_without_a_zone_of_its_own_begins_at_midnight_in_tz_else_utc() -> None:
    """§2 `from`/`until`: a version without a calendar, or whose calendar has no zone, begins at midnight in `tz` if given, else UTC.

    The sentence once listed these versions as the ones read in UTC, which a consumer could take whatever `tz` said."""
    found = re.search(
        r"a report `([^`]+)` asked with `tz: \"([^\"]+)\"` is after Tokyo's midnight \(`[^`]+`\) and gets the \"guarantees no "
        r"first-response time\" error; asked with `tz: \"([^\"]+)\"` it is due `([^`]+)`, and without `tz` `([^`]+)`",
        FLAT,
    )
    assert found, "the example of §2 `from`, `until` moved"
    at, tokyo, new_york, due_new_york, due_utc = found.groups()
    rules = _two_versions({"minutes": 60, "calendar": "a"}, {"minutes": None, "calendar": None})
    with pytest.raises(RuleError, match="guarantees no first-response time"):
        rules.due("v/p", None, at, tz=tokyo)
    assert rules.due("v/p", None, at, tz=new_york).isoformat() == due_new_york
    assert rules.due("v/p", None, at).isoformat() == due_utc
    # the other way round: the version with a calendar but no zone begins at Tokyo's midnight too
    later = _two_versions({"minutes": None, "calendar": None}, {"minutes": 60, "calendar": "a"})
    assert later.due("v/p", None, at, tz=tokyo).isoformat() == "2027-01-01T02:00:00+09:00"
    with pytest.raises(RuleError, match="guarantees no first-response time"):
        later.due("v/p", None, at)


def test_a_fraction_of_a_second_is_written_with_six_digits_only_when_there_is_one(evaluator: Evaluator) -> None:
    """§6 "The answer": `…T15:15:00.500000+01:00` for a report at `…T15:00:00.5+01:00`; none for `.0` (P1 within 15 minutes, 24×7)."""
    assert "(`…T15:15:00.500000+01:00` for a report at `…T15:00:00.5+01:00`; none for `.0`)" in FLAT
    assert evaluator.due("conformance-lab/always", "P1", "2026-11-23T15:00:00.5+01:00").isoformat() == "2026-11-23T15:15:00.500000+01:00"
    assert evaluator.due("conformance-lab/always", "P1", "2026-11-23T15:00:00.0+01:00").isoformat() == "2026-11-23T15:15:00+01:00"


def test_the_document_example_of_section_1_is_the_exports_head(published: dict) -> None:
    """§1's fragment: the fields a consumer reads first are what the export writes (its generator once named an old version)."""
    shown = json.loads(re.sub(r",\s*…", "", _json_block_after("## 1. The document").replace("{ … }", "{}")))
    assert list(shown) == list(published)
    for field in ("format_version", "generator", "years", "languages", "metrics"):
        assert shown[field] == published[field], field
    assert list(shown["data_versions"]) == list(published["data_versions"])
    assert list(shown["vendors"])[0] in published["vendors"]
    assert published["zones"][:2] == shown["zones"][:2] and published["zones"][-1] == shown["zones"][-1]


MISSING_OR_NOT_TEXT = [
    {"at": "2026-11-23T10:00:00+01:00"},
    {"type": "priority", "at": "2026-11-23T10:00:00+01:00"},
    {"type": "obligation", "at": "2026-11-23T10:00:00+01:00"},
    {"type": 5, "at": "2026-11-23T10:00:00+01:00"},
    {"type": ["pause"], "at": "2026-11-23T10:00:00+01:00"},
    {"type": "priority", "at": "2026-11-23T10:00:00+01:00", "priority": "x" * 200},
]


def _ticket_refusals(evaluator: Evaluator) -> list[str]:
    said = []
    for event in MISSING_OR_NOT_TEXT:
        with pytest.raises(RuleError) as caught:
            evaluator.ticket("stratiteq/sos", "P1", "2026-11-23T09:00:00+01:00", "2026-11-23T11:00:00+01:00", [event])
        said.append(str(caught.value))
    return said


def test_a_missing_or_non_text_value_of_an_event_is_quoted_as_section_11_6_says(evaluator: Evaluator, tmp_path: Path) -> None:
    """§11.6: a missing value is quoted `null`; a `type` that is not a text gets the list; a long one is cut inside its quotes.

    A consumer written from the page quoted nothing for a missing value and gave a non-text type no hint at all."""
    known = "obligation, on-site, pause, priority, registered, resolved, responded, resume, updated, workaround"
    for claim in (
        "an event without `type` has `an unknown type null`",
        "a `priority` event without `priority` `changes the priority to null`",
        "an `obligation` event without `obligation` `names the obligation null`",
        f"its hint is always the list, `event 1 has an unknown type 5; known: {known}`",
        "(a `priority` of 200 `x` is quoted as `\"` and 99 `x` then `…`, without a closing quote)",
    ):
        assert claim in FLAT, claim
    expected = [
        f"event 1 has an unknown type null; known: {known}",
        "event 1 changes the priority to null, which is not one of: P1, P2, P3",
        "event 1 names the obligation null, which is not one of the plan's timed obligations: call-customer",
        f"event 1 has an unknown type 5; known: {known}",
        f'event 1 has an unknown type ["pause"]; known: {known}',
        'event 1 changes the priority to "' + "x" * 99 + "…, which is not one of: P1, P2, P3",
    ]
    assert _ticket_refusals(evaluator) == expected
    if NODE is None:
        pytest.skip("node is not installed")
    from support.ticket_agreement import node_json

    rules_path = tmp_path / "rules.json"
    rules_path.write_text(json.dumps(RULES), encoding="utf-8")
    script = (
        "import { readFileSync } from 'node:fs'; import { ticket } from './site_templates/assets/ticket.js';"
        "const rules = JSON.parse(readFileSync(process.argv[1], 'utf-8'));"
        "const q = {plan: 'stratiteq/sos', priority: 'P1', at: '2026-11-23T09:00:00+01:00', now: '2026-11-23T11:00:00+01:00'};"
        "console.log(JSON.stringify(JSON.parse(process.argv[2]).map((e) => {"
        " try { ticket(rules, {...q, events: [e]}); return null; } catch (error) { return error.message; } })));"
    )
    assert node_json(script, rules_path, MISSING_OR_NOT_TEXT) == expected


def test_a_timed_obligations_clock_outside_the_span_refuses_the_ticket(evaluator: Evaluator) -> None:
    """§11.3: an obligation's clock refuses the ticket as a metric's does, met or not, its start named in its calendar's zone.

    The page said so of "a clock" in the paragraph about metrics only, and named the start in "the metric's" calendar."""
    found = re.search(
        r"Stratiteq SOS, P1, reported `([^`]+)` \(a Friday\) and answered at `(\d\d:\d\d)` is refused with the §7 words "
        r"`([^`…]+)…`, because `call-customer`'s 240 minutes of work from 16:00 end in 2029 — even when the call is made at "
        r"`?(\d\d:\d\d)`? —, and answered `([^`]+)` with `([^`…]+)…`",
        FLAT,
    )
    assert found, "the example of §11.3 moved"
    at, answered, after_words, called, late, outside_words = found.groups()
    day = at[:11]
    responded = {"type": "responded", "at": f"{day}{answered}:00+01:00"}
    called_event = {"type": "obligation", "obligation": "call-customer", "at": f"{day}{called}:00+01:00"}
    for events in ([responded], [responded, called_event]):
        with pytest.raises(RuleError) as caught:
            evaluator.ticket("stratiteq/sos", "P1", at, f"{day}16:30:00+01:00", events)
        assert str(caught.value).startswith(after_words)
    with pytest.raises(RuleError) as caught:
        evaluator.ticket("stratiteq/sos", "P1", at, late, [{"type": "responded", "at": late}])
    assert str(caught.value).startswith(outside_words)
    answer = evaluator.ticket("stratiteq/sos", "P1", at, f"{day}16:30:00+01:00")
    assert answer["obligations"] == {"call-customer": {"state": "waiting", "due": None}}


def test_language_md_says_when_a_version_on_a_zoneless_24x7_clock_begins() -> None:
    """docs/language.md "Targets that change on a date" once said such a version begins at midnight UTC, full stop."""
    language = _flat((ROOT / "docs" / "language.md").read_text(encoding="utf-8"))
    assert (
        "for a clock in the customer's zone, and for a 24×7 clock without a zone, the customer's: the zone a question gives, "
        "or UTC when it gives none" in language
    )
    assert "at 18:00 on 31 December New York time for a customer in Berlin, at 19:00 for one who gives no zone" in language
    rules = _two_versions({"minutes": 60, "calendar": "a"}, {"minutes": 120, "calendar": "a"})
    # 18:00 in New York on 31 December 2026 is 23:00Z, midnight in Berlin; 19:00 is midnight UTC
    assert rules.due("v/p", None, "2026-12-31T17:59:00-05:00", tz="Europe/Berlin").isoformat() == "2027-01-01T00:59:00+01:00"
    assert rules.due("v/p", None, "2026-12-31T18:00:00-05:00", tz="Europe/Berlin").isoformat() == "2027-01-01T02:00:00+01:00"
    assert rules.due("v/p", None, "2026-12-31T18:59:00-05:00").isoformat() == "2026-12-31T19:59:00-05:00"
    assert rules.due("v/p", None, "2026-12-31T19:00:00-05:00").isoformat() == "2026-12-31T21:00:00-05:00"


def _penalty_plan(lines: list[str]) -> dict:
    """The exported plan of a vendor whose one plan (prices in SEK, levels P1 and P2) states the given penalty lines."""
    from dsl.language.loader import load_text

    penalties = "\n".join(f"    {line}" for line in lines)
    names = "{ sv \"P\" it \"P\" pl \"P\" en \"P\" }"
    text = (
        "calendar office {\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n}\n"
        "vendor v {\n  name \"V\"\n  language en\n  priorities p\n  plan p {\n    name \"P\"\n"
        "    price 1000 SEK per month excl tax\n    target first-response P1 2h on office\n"
        f"    target resolution all 8h on office\n{penalties}\n  }}\n}}\n"
        f"priorities p {{\n  level P1 {{ name {names} }}\n  level P2 {{ name {names} }}\n}}\n"
    )
    loaded = load_text(text, "penalties.plan")
    assert loaded.project is not None and not loaded.errors, [d.message for d in loaded.errors]
    return export_project(loaded.project, (2026, 2026))["vendors"]["v"]["plans"]["p"]


def test_the_penalty_examples_of_section_2_are_what_their_lines_export() -> None:
    """§2 "Penalties for missed targets": each plan line and the JSON shown after it (the 1.10 block once lacked 1.11's `steps`)."""
    lines = re.search(
        r"\*\*Penalties for missed targets \(1\.10\)\.\*\* A plan written `([^`]+)` and `([^`]+)`:", FLAT
    ).groups()  # type: ignore[union-attr]
    shown = json.loads("{" + _json_block_after("**Penalties for missed targets (1.10).**") + "}")
    assert _penalty_plan(list(lines))["penalties"] == shown["penalties"]
    total_line, total_json = re.search(r"`penalties_total` \(written `([^`]+)`\) is `(\{[^`]+\})`", FLAT).groups()  # type: ignore[union-attr]
    assert _penalty_plan([*lines, total_line])["penalties_total"] == json.loads(total_json)
    growing_line = re.search(r"A growing penalty written `([^`]+)` is:", FLAT).group(1)  # type: ignore[union-attr]
    growing = json.loads(_json_block_after("A growing penalty written"))
    assert _penalty_plan([growing_line.replace("PLN", "SEK")])["penalties"] == [
        json.loads(json.dumps(growing).replace("PLN", "SEK"))
    ]


def test_the_swedish_holiday_note_of_section_3(published: dict) -> None:
    """§3: 24 December, Midsummer Eve and New Year's Eve are eves (not holidays) of Stratiteq's office; Sundays no holidays."""
    assert (
        "ordinary Sundays are not holidays; Christmas Eve (24 December), Midsummer Eve and New Year's Eve are not holidays "
        "either — so 24 December is the *eve* of Christmas Day, and the Friday before Midsummer Day (a Saturday) is an eve" in FLAT
    )
    dates = published["vendors"]["stratiteq"]["calendars"]["stratiteq-office"]["dates"]
    eve = [["08:30", "14:00"]]
    assert (dates["2026-06-19"], dates["2026-06-20"]) == (eve, [])  # Friday, then Midsummer Day (a Saturday), listed too
    assert (dates["2026-12-24"], dates["2026-12-25"], dates["2026-12-31"], dates["2027-01-01"]) == (eve, [], eve, [])
    assert "2026-12-27" not in dates  # an ordinary Sunday: its weekly pieces, none


def test_every_status_update_interval_keeps_the_version_in_force_at_the_report(tmp_path: Path) -> None:
    """§11.3: a status-update interval that starts after a new version keeps the report's version (Python and ticket.js).

    A consumer written from the page measured each interval against the version in force at its start, as if each
    update were a new report."""
    found = re.search(
        r"with status updates every (\d+) minutes until `([^`]+)` and every (\d+) minutes from it \(a 24×7 calendar\), a ticket "
        r"reported `([^`]+)` and updated at `([^`]+)` has its current interval due at `([^`]+)`, not 11:00",
        FLAT,
    )
    assert found, "the example of §11.3 moved"
    before, change, after, at, updated, due = found.groups()
    assert change == "2027-01-01"
    evaluator = _two_versions(
        {"metric": "status-update", "minutes": int(before), "calendar": "a"}, {"metric": "status-update", "minutes": int(after), "calendar": "a"}
    )
    rules = evaluator.rules
    rules["vendors"]["v"]["calendars"]["a"]["zone"] = "UTC"
    question = {"plan": "v/p", "priority": None, "at": at, "now": "2027-01-01T10:30:00Z", "events": [{"type": "updated", "at": updated}]}
    answer = Evaluator(rules).ticket(question["plan"], None, at, question["now"], question["events"])["metrics"]["status-update"]
    assert (answer["due"], answer["missed"], answer["target_seconds"]) == (due, 1, int(before) * 60)
    if NODE is None:
        pytest.skip("node is not installed")
    from support.ticket_agreement import node_json

    path = tmp_path / "rules.json"
    path.write_text(json.dumps(rules), encoding="utf-8")
    script = (
        "import { readFileSync } from 'node:fs'; import { ticket } from './site_templates/assets/ticket.js';"
        "const rules = JSON.parse(readFileSync(process.argv[1], 'utf-8'));"
        "console.log(JSON.stringify(JSON.parse(process.argv[2]).map((q) => ticket(rules, q).metrics['status-update'])));"
    )
    assert node_json(script, path, [question]) == [answer]


def test_a_clock_read_after_the_span_counts_up_to_its_end_even_on_a_24x7_calendar(tmp_path: Path) -> None:
    """§11.2: F counts only open time inside the span, 24×7 included, so elapsed time stops at the span's end.

    A consumer in Java written from the page counted a 24×7 clock's real time past the last year (F(t) = t), where
    both evaluators stop at the span's end; the page did not say which."""
    found = re.search(
        r"a first response due within (\d+) minutes on a 24×7 calendar without a zone, reported `([^`]+)` and read at "
        r"`([^`]+)`, is `breached` with `elapsed_seconds` (\d+) \(to midnight UTC\), not \d+, and `remaining_seconds` −(\d+)",
        FLAT,
    )
    assert found, "the example of §11.2 moved"
    minutes, at, now, elapsed, overdue = found.groups()
    evaluator = _two_versions({"minutes": int(minutes), "calendar": "a"}, {"minutes": int(minutes), "calendar": "a"})
    answer = evaluator.ticket("v/p", None, at, now)["metrics"]["first-response"]
    assert (answer["state"], answer["elapsed_seconds"], answer["remaining_seconds"]) == ("breached", int(elapsed), -int(overdue))
    if NODE is None:
        pytest.skip("node is not installed")
    from support.ticket_agreement import node_json

    path = tmp_path / "rules.json"
    path.write_text(json.dumps(evaluator.rules), encoding="utf-8")
    script = (
        "import { readFileSync } from 'node:fs'; import { ticket } from './site_templates/assets/ticket.js';"
        "const rules = JSON.parse(readFileSync(process.argv[1], 'utf-8'));"
        "console.log(JSON.stringify(JSON.parse(process.argv[2]).map((q) => ticket(rules, q).metrics['first-response'])));"
    )
    assert node_json(script, path, [{"plan": "v/p", "priority": None, "at": at, "now": now}]) == [answer]


def test_the_zone_names_java_leaves_out_read_as_their_links_since_1970() -> None:
    """§10 "Your runtime's time-zone data": EST, MST, HST and ROC are names a question may give (`zones`), and the
    zones the page tells a Java consumer to read them as have the offsets Python reads under those names from 1970 on."""
    found = re.search(
        r"`EST`, `MST`, `HST` \(kept for `ZoneId.SHORT_IDS`\) and `ROC` are in `zones` but not in `ZoneId.getAvailableZoneIds\(\)`\. "
        r"The tz database makes them links to `([^`]+)`, `([^`]+)`, `([^`]+)` and `([^`]+)`, whose offsets from 1970 on",
        FLAT,
    )
    assert found, "the paragraph of §10 on the names OpenJDK leaves out moved"
    from datetime import UTC, datetime, timedelta
    from zoneinfo import ZoneInfo

    for name, link in zip(("EST", "MST", "HST", "ROC"), found.groups(), strict=True):
        assert name in RULES["zones"]
        moment, differ = datetime(1970, 1, 1, tzinfo=UTC), []
        while moment.year < 2101:
            if moment.astimezone(ZoneInfo(name)).utcoffset() != moment.astimezone(ZoneInfo(link)).utcoffset():
                differ.append(moment)
            moment += timedelta(days=5, hours=7)
        assert not differ, (name, link, differ[:3])


def test_an_interval_that_starts_after_the_span_is_refused_as_a_start_outside_it(tmp_path: Path) -> None:
    """§11.3: each status-update interval, and each interval of a recurring obligation, is a clock that starts at its event.

    A consumer written from the page refused such a ticket with "the deadline falls after the last year", the words of a
    clock that runs past the span, where both evaluators name the interval's start as outside the span."""
    found = re.search(
        r"with status updates every (\d+) minutes on a 24×7 calendar without a zone, a ticket reported `([^`]+)`, updated at "
        r"`([^`]+)` and read at `(\d\d:\d\d)` is refused with `([^`…]+)…`",
        FLAT,
    )
    assert found, "the example of §11.3 moved"
    minutes, at, updated, read, words = found.groups()
    now = f"{updated[:11]}{read}:00Z"
    update = {"metric": "status-update", "minutes": int(minutes), "calendar": "a"}
    rules = _two_versions(update, update).rules
    plan = rules["vendors"]["v"]["plans"]["p"]
    texts = {language: "x" for language in RULES["languages"]}
    plan["obligations"] = [
        {"id": "call", "count": None, "period": None, "after_minutes": None, "calendar": "a", "text": texts, "priorities": None}
        | {"every_minutes": int(minutes)}
    ]
    tickets = [
        {"plan": "v/p", "priority": None, "at": at, "now": now, "events": [{"type": "updated", "at": updated}]},
        {"plan": "v/p", "priority": None, "at": at, "now": now}
        | {"events": [{"type": "responded", "at": at}, {"type": "obligation", "obligation": "call", "at": updated}]},
    ]
    for question in tickets:
        with pytest.raises(RuleError) as caught:
            Evaluator(rules).ticket(question["plan"], None, at, now, question["events"])
        assert str(caught.value).startswith(words) and caught.value.field == "at"
    if NODE is None:
        pytest.skip("node is not installed")
    refused = _refusals_in_node(tmp_path, rules, tickets, "ticket")
    assert [message is not None and message.startswith(words) for message in refused] == [True, True]


def _refusals_in_node(tmp_path: Path, rules: dict, questions: list[dict], module: str) -> list[str | None]:
    """The words sla.js (`dueIso`) or ticket.js (`ticket`) refuses each question with, None for an answer."""
    from support.ticket_agreement import node_json

    path = tmp_path / "rules.json"
    path.write_text(json.dumps(rules), encoding="utf-8")
    call = "dueIso(rules, q)" if module == "sla" else "ticket(rules, q)"
    name = "dueIso" if module == "sla" else "ticket"
    script = (
        f"import {{ readFileSync }} from 'node:fs'; import {{ {name} }} from './site_templates/assets/{module}.js';"
        "const rules = JSON.parse(readFileSync(process.argv[1], 'utf-8'));"
        f"const refusal = (q) => {{ try {{ {call}; return null; }} catch (e) {{ return e.message; }} }};"
        "console.log(JSON.stringify(JSON.parse(process.argv[2]).map(refusal)));"
    )
    return node_json(script, path, questions)


@pytest.mark.parametrize("years", [(2027, 2027), (1, 2)])
def test_the_years_in_the_words_of_the_span_are_whole_numbers_with_an_en_dash(years: tuple[int, int], tmp_path: Path) -> None:
    """§7: `(2027–2027)`, `(1–2)`: the page showed only `(2026–2028)`, which a consumer could write zero-padded or with a hyphen."""
    found = re.search(r"also when they are the same year: `\((\d+)–(\d+)\)`, `\((\d+)–(\d+)\)`, `\((\d+)–(\d+)\)`", FLAT)
    assert found, "the sentence of §7 moved"
    assert (str(years[0]), str(years[1])) in list(zip(found.groups()[::2], found.groups()[1::2], strict=True))
    first, last = years
    rules = json.loads(json.dumps(RULES))
    rules["years"] = {"first": first, "last": last, "valid_until": f"{last:04d}-12-31"}
    for vendor in rules["vendors"].values():
        for calendar in vendor["calendars"].values():
            calendar["dates"] = {}
    rules["vendors"] = {"conformance-lab": rules["vendors"]["conformance-lab"]}
    rules["vendors"]["conformance-lab"]["plans"]["office"]["targets"] = [
        t for t in rules["vendors"]["conformance-lab"]["plans"]["office"]["targets"] if t["from"] is None and t["until"] is None
    ]
    outside = {"plan": "conformance-lab/office", "priority": "P3", "at": f"{last + 1:04d}-06-01T10:00:00+01:00", "metric": "resolution"}
    after = {"plan": "conformance-lab/office", "priority": "P3", "at": f"{last:04d}-12-31T16:00:00+01:00", "metric": "resolution"}
    span = f"({first}–{last})"
    expected = [
        f"the moment {last + 1:04d}-06-01T10:00:00+01:00 lies outside the years the rules cover {span}",
        f"the deadline falls after the last year the rules cover {span}; export more years",
    ]
    words = []
    for question in (outside, after):
        with pytest.raises(RuleError) as caught:
            Evaluator(rules).due(question["plan"], "P3", question["at"], metric="resolution")
        words.append(str(caught.value))
    assert words == expected
    if NODE is None:
        pytest.skip("node is not installed")
    assert _refusals_in_node(tmp_path, rules, [outside, after], "sla") == expected


def test_a_ticket_checks_its_metrics_before_its_obligations(tmp_path: Path) -> None:
    """§11.6: each metric, in the order of `metrics`, then each timed obligation: a resolution that runs past the span is
    reported before an obligation that starts after it. The page's order ended at "then each metric"."""
    assert "then each timed obligation, in the plan's order (§11.4)" in FLAT
    at, responded = "2028-12-29T16:00:00+01:00", "2029-01-02T10:00:00+01:00"
    ticket = {"plan": "conformance-lab/office", "priority": "P1", "at": at, "now": "2029-01-03T10:00:00+01:00"}
    ticket["events"] = [{"type": "responded", "at": responded}]
    expected = "the deadline falls after the last year the rules cover (2026–2028); export more years"
    rules = json.loads(json.dumps(RULES))
    with pytest.raises(RuleError) as caught:
        Evaluator(rules).ticket(ticket["plan"], "P1", at, ticket["now"], ticket["events"])
    assert str(caught.value) == expected
    # Without the resolution target, the obligation's start after the span is what refuses it.
    office = rules["vendors"]["conformance-lab"]["plans"]["office"]
    office["targets"] = [t for t in office["targets"] if t["metric"] != "resolution"]
    with pytest.raises(RuleError) as caught:
        Evaluator(rules).ticket(ticket["plan"], "P1", at, ticket["now"], ticket["events"])
    assert str(caught.value) == "the moment 2029-01-02T10:00:00+01:00 lies outside the years the rules cover (2026–2028)"
    if NODE is None:
        pytest.skip("node is not installed")
    assert _refusals_in_node(tmp_path, RULES, [ticket], "ticket") == [expected]
    assert _refusals_in_node(tmp_path, rules, [ticket], "ticket") == [str(caught.value)]
