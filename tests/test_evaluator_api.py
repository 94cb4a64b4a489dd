"""The engine's interfaces for many reports (`Evaluator.due_many`, the module's `due_many`) and for integers
(`Clock.due_us`) give the brute-force oracle's answers (tests/support/oracle.py, which reads the model,
not the JSON, and shares no code with the engine)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from dsl.language.loader import load_project
from dsl.language.model import Project
from dsl.rules.engine import Evaluator, RuleError, clock, due, due_many
from dsl.rules.export import export_project
from support import oracle
from support.paths import PLANS

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
YEARS = (2026, 2027)
QUESTIONS = [("stratiteq/sos", "P3", None), ("amanda/standard", "P1", "Asia/Tokyo"), ("amanda/premium", "P2", None)]


def _us(moment: datetime) -> int:
    return (moment - EPOCH) // timedelta(microseconds=1)


@pytest.fixture(scope="module")
def project() -> Project:
    loaded = load_project([PLANS]).project
    assert loaded is not None
    return loaded


@pytest.fixture(scope="module")
def rules(project: Project) -> dict:
    return export_project(project, YEARS)


def reports() -> list[datetime]:
    """Every 97 minutes from Friday 27 March 2026 06:00: across a weekend and Stockholm's spring DST change."""
    start = datetime(2026, 3, 27, 6, 0, tzinfo=timezone(timedelta(hours=1)))
    return [start + timedelta(minutes=97 * k) for k in range(80)]


@pytest.fixture(scope="module")
def expected(project: Project) -> dict[tuple[str, str | None, str | None], list[datetime]]:
    """The oracle's deadlines for every report of every question."""
    return {
        (plan, priority, tz): [oracle.deadline(project, YEARS, oracle.Question(plan, priority, m.isoformat(), tz)) for m in reports()]
        for plan, priority, tz in QUESTIONS
    }


@pytest.mark.parametrize(("plan", "priority", "tz"), QUESTIONS)
def test_due_many_gives_the_oracle_answers(rules, expected, plan, priority, tz) -> None:
    wanted = [d.isoformat() for d in expected[(plan, priority, tz)]]
    assert [d.isoformat() for d in Evaluator(rules).due_many(plan, priority, iter(reports()), tz=tz)] == wanted
    assert [d.isoformat() for d in due_many(rules, plan, priority, reports(), tz=tz)] == wanted


@pytest.mark.parametrize(("plan", "priority", "tz"), QUESTIONS)
def test_due_us_gives_the_oracle_answers(rules, expected, plan, priority, tz) -> None:
    ready = Evaluator(rules).clock(plan, priority, tz)
    assert [ready.due_us(_us(m)) for m in reports()] == [_us(d) for d in expected[(plan, priority, tz)]]


def test_the_seed_example_through_every_interface(rules) -> None:
    monday = datetime.fromisoformat("2026-11-23T15:00:00+01:00")
    answer = datetime.fromisoformat("2026-11-24T14:00:00+01:00")
    evaluator = Evaluator(rules)
    assert evaluator.due("stratiteq/sos", "P3", monday) == answer
    assert evaluator.due("stratiteq/sos", "P3", "2026-11-23T15:00:00+01:00") == answer
    assert evaluator.due_many("stratiteq/sos", "P3", [monday]) == [answer]
    assert evaluator.clock("stratiteq/sos", "P3").due_us(_us(monday)) == _us(answer)
    assert due(rules, "stratiteq/sos", "P3", monday) == answer
    assert due_many(rules, "stratiteq/sos", "P3", [monday]) == [answer]
    assert clock(rules, "stratiteq/sos", "P3").due_us(_us(monday)) == _us(answer)


def test_naive_moment_is_refused_in_words(rules) -> None:
    with pytest.raises(RuleError, match="has no UTC offset"):
        due(rules, "stratiteq/sos", "P3", datetime(2026, 11, 23, 15, 0))
    with pytest.raises(RuleError, match="has no UTC offset"):
        Evaluator(rules).due_many("amanda/premium", "P2", [datetime(2026, 11, 23, 15, 0)])


def test_moment_outside_the_years_is_named_as_given(rules) -> None:
    with pytest.raises(RuleError, match=r"the moment 2029-01-02T10:00:00\+01:00 lies outside the years the rules cover \(2026–2027\)"):
        due(rules, "stratiteq/sos", "P3", "2029-01-02T10:00:00+01:00")


def test_equal_calendars_compile_once_and_a_changed_one_again(rules: dict) -> None:
    """Timelines are kept by the calendar's content across evaluators (a build asks one per vendor, and vendors share
    calendars): the same answers from a second rule document, and a calendar with one more closed day answers for it."""
    import copy

    from dsl.rules import engine

    engine._COMPILED.clear()
    report = datetime(2026, 12, 23, 15, 0, tzinfo=UTC)
    first = Evaluator(rules).due("stratiteq/sos", "P3", report)
    assert engine._COMPILED
    kept = dict(engine._COMPILED)
    again = Evaluator(copy.deepcopy(rules)).due("stratiteq/sos", "P3", report)
    assert again == first and engine._COMPILED == kept  # nothing compiled a second time
    changed = copy.deepcopy(rules)
    calendar_id = changed["vendors"]["stratiteq"]["plans"]["sos"]["targets"][0]["calendar"]
    calendar = changed["vendors"]["stratiteq"]["calendars"][calendar_id]
    day = first.date().isoformat()  # the deadline's day, closed: the deadline moves later
    calendar["dates"] = {**calendar["dates"], day: []}
    later = Evaluator(changed).due("stratiteq/sos", "P3", report)
    assert later > first and len(engine._COMPILED) > len(kept)


def test_a_vendor_part_that_breaks_the_format_is_refused_at_every_question_and_its_neighbours_still_answer(rules: dict) -> None:
    """An evaluator checks a vendor's part of the document at its first question only when it passes: a broken part
    is refused in the same words at each question asked about it, and another vendor of the same document answers."""
    vendors = dict(rules["vendors"])
    amanda = dict(vendors["amanda"])
    amanda["calendars"] = {**amanda["calendars"], "broken": {"zone": 7}}
    vendors["amanda"] = amanda
    evaluator = Evaluator({**rules, "vendors": vendors})
    report = datetime(2026, 3, 27, 9, 0, tzinfo=UTC)
    refusals = []
    for plan, priority in (("amanda/standard", "P1"), ("amanda/premium", "P2"), ("amanda/standard", "P1")):
        with pytest.raises(RuleError) as refused:
            evaluator.due(plan, priority, report, tz="Asia/Tokyo")
        refusals.append(str(refused.value))
    assert len(set(refusals)) == 1 and "vendors.amanda.calendars.broken" in refusals[0]
    assert evaluator.due("stratiteq/sos", "P3", report) == due(rules, "stratiteq/sos", "P3", report)


@pytest.mark.parametrize(
    ("moment", "words"),
    [
        ("2026-03-27T09:00:00+01:00", "the moment '2026-03-27T09:00:00+01:00' is a text; this interface takes a datetime"),
        (None, "the moment must be an ISO 8601 text such as 2026-11-23T15:00:00+01:00, not null"),
        (datetime(2026, 3, 27, 9, 0), "the time 2026-03-27 09:00:00 has no UTC offset"),
    ],
)
def test_the_datetime_interfaces_name_what_they_were_given_instead(rules: dict, moment: object, words: str) -> None:
    """Clock.due and due_many take datetimes; a text (which has its offset) was told it had none, and None was called a time."""
    for ask in (
        lambda: Evaluator(rules).clock("stratiteq/sos", "P3").due(moment),  # type: ignore[arg-type]
        lambda: due_many(rules, "stratiteq/sos", "P3", [moment]),  # type: ignore[list-item]
        lambda: Evaluator(rules).clock("amanda/standard", "P1", tz="Asia/Tokyo").due(moment),  # type: ignore[arg-type]
    ):
        with pytest.raises(RuleError) as refused:
            ask()
        assert str(refused.value).startswith(words) and refused.value.field == "at"
