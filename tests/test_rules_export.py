"""The rule export: format, schema, expansion of calendars, determinism.

The model is built directly in Python (tests/support/rules_sample.py, which the
engine and command tests use too), so these tests do not depend on the plan language.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from importlib.resources import files

import holidays
import jsonschema
import pytest

from dsl.language import vocabulary
from dsl.language.model import Calendar, HolidaySource, Project, Vendor
from dsl.rules.export import ExportError, dumps, export_project, load_schema, schema_text
from support.rules_sample import YEARS, H, sample_project, workdays


@pytest.fixture(scope="module")
def doc() -> dict:
    return export_project(sample_project(), YEARS)


def test_export_validates_against_the_schema(doc: dict) -> None:
    validator = jsonschema.Draft202012Validator(load_schema(), format_checker=jsonschema.FormatChecker())
    jsonschema.Draft202012Validator.check_schema(load_schema())
    errors = sorted(validator.iter_errors(doc), key=str)
    assert errors == []


def test_schema_rejects_what_the_format_forbids(doc: dict) -> None:
    validator = jsonschema.Draft202012Validator(load_schema())

    def broken(change) -> bool:
        copy = json.loads(json.dumps(doc))
        change(copy)
        return not validator.is_valid(copy)

    cal = lambda d: d["vendors"]["stratiteq"]["calendars"]["stratiteq-office"]  # noqa: E731
    assert broken(lambda d: cal(d)["weekly"]["mon"].append(["8:00", "17:00"]))
    assert broken(lambda d: cal(d)["weekly"]["mon"].append(["24:00", "24:00"]))
    assert broken(lambda d: cal(d)["weekly"].pop("sun"))
    assert broken(lambda d: cal(d)["dates"].update({"2026-13-01": []}))
    assert not broken(lambda d: cal(d).update({"extra": 1}))  # a later minor version may add fields (tests/test_rules_schema.py)
    assert broken(lambda d: d["vendors"]["amanda"]["calendars"]["around-the-clock"]["weekly"]["mon"].append(["08:00", "09:00"]))
    assert broken(lambda d: d["vendors"]["stratiteq"]["plans"]["sos"]["targets"][0].update({"calendar": None}))
    # Format 1.2: which languages a text holds is the document's "languages" (docs/rules.md); the
    # schema refuses a key that is no language tag, and a text with none.
    assert broken(lambda d: d["vendors"]["stratiteq"]["plans"]["sos"]["name"].update({"Polish": "x"}))
    assert broken(lambda d: d["vendors"]["stratiteq"]["plans"]["sos"]["name"].clear())
    assert broken(lambda d: d.update({"languages": []}))
    assert broken(lambda d: d.update({"metrics": ["uptime"]}))


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def _keys(node: object) -> list[str]:
    if isinstance(node, dict):
        return [*node, *(k for v in node.values() for k in _keys(v))]
    if isinstance(node, list):
        return [k for v in node for k in _keys(v)]
    return []


def test_the_schema_takes_its_lists_from_the_vocabulary() -> None:
    """metrics, periods and weekdays have one home, dsl/language/vocabulary.py; the schema reads them (languages are the project's)."""
    schema = load_schema()
    defs = schema["$defs"]
    assert defs["metric"]["enum"] == list(vocabulary.METRICS)
    # Format 1.2: a project publishes the languages its settings name, so the schema allows any tag.
    assert "enum" not in defs["language"] and re.match(defs["language"]["pattern"], "nb") and re.match(defs["language"]["pattern"], "pt-BR")
    assert not re.match(defs["language"]["pattern"], "Swedish")
    assert defs["period"]["enum"] == list(vocabulary.PERIODS)
    assert defs["weekday"]["enum"] == list(vocabulary.WEEKDAYS)
    assert "required" not in defs["texts"]
    assert defs["calendar"]["properties"]["weekly"]["required"] == list(vocabulary.WEEKDAYS)
    assert not [v for v in _strings(schema) if v.startswith("vocabulary:")]
    assert json.loads(schema_text()) == schema
    # the template the package ships restates none of them
    template = json.loads((files("dsl.rules") / "schema.json").read_text(encoding="utf-8"))
    words = {*vocabulary.METRICS, *vocabulary.PERIODS, *vocabulary.WEEKDAYS, *vocabulary.LANGUAGES}
    assert not words & set(_strings(template))
    assert not words & set(_keys(template)) - {"day"}  # "day" is also the name of a $defs entry


def test_top_level_layout_and_order(doc: dict) -> None:
    assert list(doc) == ["format_version", "generator", "data_versions", "years", "languages", "metrics", "vendors", "zones"]
    assert doc["format_version"] == "1.14"
    assert doc["languages"] == list(vocabulary.LANGUAGES)  # no settings: today's four
    assert doc["years"] == {"first": 2026, "last": 2028, "valid_until": "2028-12-31"}
    assert doc["metrics"] == ["registration", "first-response", "on-site", "status-update", "workaround", "resolution"]
    assert list(doc["vendors"]) == ["amanda", "infor", "stratiteq"]
    assert doc["data_versions"]["holidays"] == holidays.__version__
    assert doc["data_versions"]["tzdata"]
    vendor = doc["vendors"]["stratiteq"]
    assert list(vendor) == ["name", "language", "calendars", "priorities", "plans", "cases", "aliases"]
    assert list(vendor["plans"]) == ["sos", "basic"]  # source order, not sorted
    assert [lv["id"] for lv in vendor["priorities"]["levels"]] == ["P1", "P2", "P3", "P4"]


def test_output_is_identical_for_identical_input() -> None:
    first = dumps(export_project(sample_project(), YEARS))
    second = dumps(export_project(sample_project(), YEARS))
    assert first == second
    assert first.endswith("}\n")
    assert "Hög" in first  # written as UTF-8, not \u escapes
    assert json.loads(first) == export_project(sample_project(), YEARS)


def test_texts_in_every_language_fall_back_to_the_vendor_language(doc: dict) -> None:
    sos = doc["vendors"]["stratiteq"]["plans"]["sos"]
    assert sos["name"] == {"sv": "SOS", "it": "SOS", "pl": "SOS", "en": "SOS"}
    call_back = sos["obligations"][1]["text"]
    assert call_back["en"] == "We call after four hours"
    assert call_back["it"] == call_back["pl"] == "Vi ringer efter fyra timmar"  # vendor language: sv
    premium = doc["vendors"]["amanda"]["plans"]["premium"]["name"]
    assert premium == {"sv": "Premium", "it": "Premium", "pl": "Premium", "en": "Premium"}
    assert doc["vendors"]["amanda"]["calendars"]["around-the-clock"]["name"]["pl"] == "24x7"
    assert doc["vendors"]["amanda"]["calendars"]["amanda-standard"]["name"] is None


def test_targets_coverage_and_obligations(doc: dict) -> None:
    sos = doc["vendors"]["stratiteq"]["plans"]["sos"]
    assert sos["targets"][2] == {
        "metric": "first-response",
        "priority": "P3",
        "minutes": 480,
        "calendar": "stratiteq-office",
        "case": None,
        "business_days": None,
        "days_rule": None,
        "published": True,
        "from": None,
        "cutoff": None,
        "until": None,
        "id": "first-response/P3",
    }
    assert sos["targets"][-1] == {
        "metric": "resolution",
        "priority": "P1",
        "minutes": None,
        "calendar": None,
        "case": None,
        "business_days": None,
        "days_rule": None,
        "published": True,
        "from": None,
        "cutoff": None,
        "until": None,
        "id": "resolution/P1",
    }
    assert sos["obligations"][0]["count"] == 4 and sos["obligations"][0]["period"] == "year"
    assert sos["obligations"][1]["after_minutes"] == 240 and sos["obligations"][1]["calendar"] == "stratiteq-office"
    assert sos["coverage"] == []
    assert doc["vendors"]["infor"]["plans"]["xtreme"]["coverage"] == [{"priority": "S1", "calendar": "cis-24x5", "case": None}]


def test_priority_matrix(doc: dict) -> None:
    matrix = doc["vendors"]["stratiteq"]["priorities"]["matrix"]
    assert matrix["impacts"] == ["high", "low"]
    assert matrix["urgencies"] == ["urgent", "normal"]
    assert matrix["levels"] == {"high": {"urgent": "P1", "normal": "P2"}, "low": {"urgent": "P3", "normal": "P4"}}
    assert matrix["labels"]["impacts"]["low"] == {"sv": "Låg", "it": "Låg", "pl": "Låg", "en": "Low"}
    assert doc["vendors"]["infor"]["priorities"]["matrix"] is None
    assert doc["vendors"]["amanda"]["priorities"] is None


def test_weekly_hours(doc: dict) -> None:
    office = doc["vendors"]["stratiteq"]["calendars"]["stratiteq-office"]
    assert office["zone"] == "Europe/Stockholm" and office["always_open"] is False
    assert office["weekly"]["mon"] == [["08:00", "17:00"]]
    assert office["weekly"]["sat"] == office["weekly"]["sun"] == []
    assert list(office["weekly"]) == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    split = doc["vendors"]["infor"]["calendars"]["split-day"]["weekly"]
    assert split["mon"] == [["08:00", "17:00"]]  # touching pieces are joined
    assert split["tue"] == [["09:00", "11:00"], ["13:00", "15:00"]]  # sorted


def test_interval_across_midnight_is_cut_into_days(doc: dict) -> None:
    cis = doc["vendors"]["infor"]["calendars"]["cis-24x5"]["weekly"]
    assert cis == {
        "mon": [["00:00", "24:00"]],
        "tue": [["00:00", "24:00"]],
        "wed": [["00:00", "24:00"]],
        "thu": [["00:00", "24:00"]],
        "fri": [["00:00", "23:00"]],
        "sat": [],
        "sun": [["23:00", "24:00"]],
    }


def test_always_open_and_customer_zone(doc: dict) -> None:
    always = doc["vendors"]["amanda"]["calendars"]["around-the-clock"]
    assert always["always_open"] is True and always["zone"] is None
    assert all(pieces == [] for pieces in always["weekly"].values()) and always["dates"] == {}
    assert doc["vendors"]["amanda"]["calendars"]["amanda-standard"]["zone"] is None


def test_holidays_are_closed_dates_from_the_holidays_package(doc: dict) -> None:
    dates = doc["vendors"]["stratiteq"]["calendars"]["stratiteq-office"]["dates"]
    assert list(dates) == sorted(dates)
    expected = holidays.country_holidays("SE", years=range(2026, 2029), categories=("public",))
    closed = {d for d, pieces in dates.items() if pieces == []}
    assert {d.isoformat() for d in expected} <= closed
    assert dates["2026-12-25"] == [] and dates["2026-12-26"] == [] and dates["2026-06-06"] == []
    # the public category holds no ordinary Sundays: a plain Sunday is not a dated entry
    assert "2026-11-29" not in dates
    sundays = [d for d in dates if date.fromisoformat(d).weekday() == 6]
    assert sundays and all(date.fromisoformat(d) in expected for d in sundays)


def test_eves_come_from_the_data(doc: dict) -> None:
    dates = doc["vendors"]["stratiteq"]["calendars"]["stratiteq-office"]["dates"]
    eve = [["08:30", "14:00"]]
    se = holidays.country_holidays("SE", years=range(2026, 2030), categories=("public",))
    # 24 December is no public holiday in the data, so it is the eve of Christmas Day
    assert date(2026, 12, 24) not in se and date(2026, 12, 25) in se
    assert dates["2026-12-24"] == eve
    assert "2026-12-23" not in dates
    assert dates["2026-06-19"] == eve  # Friday before Midsummer Day (a Saturday)
    assert dates["2026-12-31"] == eve and dates["2027-12-31"] == eve  # eves of New Year's Day
    assert "2028-12-29" not in dates  # only the day right before a holiday: 2028-12-31 is a Sunday, so no eve
    assert "2026-05-23" not in dates  # a Saturday before Whit Sunday: closed anyway, so no eve
    # every eve is an open weekday, not itself a holiday, followed by a holiday
    for key, pieces in dates.items():
        day = date.fromisoformat(key)
        if pieces == eve:
            assert day.weekday() < 5 and day not in se and day + timedelta(days=1) in se


def test_own_dates_win_and_stay_within_the_years(doc: dict) -> None:
    dates = doc["vendors"]["stratiteq"]["calendars"]["stratiteq-office"]["dates"]
    assert dates["2027-12-23"] == []
    assert dates["2026-12-30"] == [["10:00", "12:00"]]
    assert all("2026-01-01" <= d <= "2028-12-31" for d in dates)
    assert "2031-01-02" not in dates
    # 2027-12-24 is a Friday before Christmas Day (a Saturday): an eve
    assert dates["2027-12-24"] == [["08:30", "14:00"]]


def test_years_change_the_expansion() -> None:
    one = export_project(sample_project(), (2027, 2027))
    dates = one["vendors"]["stratiteq"]["calendars"]["stratiteq-office"]["dates"]
    assert min(dates) >= "2027-01-01" and max(dates) <= "2027-12-31"
    assert dates["2027-12-31"] == [["08:30", "14:00"]]  # eve of 2028-01-01, outside the span
    assert one["years"] == {"first": 2027, "last": 2027, "valid_until": "2027-12-31"}


def test_unknown_holiday_country_is_an_error_in_words() -> None:
    bad = Calendar(id="nowhere", zone="UTC", weekly=workdays(8 * H, 17 * H), holidays=(HolidaySource("QQ"),))
    vendor = Vendor(id="v", name="V", language="en", calendars=(bad,))
    with pytest.raises(ExportError, match="QQ"):
        export_project(Project((vendor,)), YEARS)


# --- the real plan files ---------------------------------------------------------------------

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
PLAN_PATHS = [ROOT / "plans", ROOT / "tests" / "conformance" / "edge-cases.plan"]


@pytest.mark.skipif(not all(p.exists() for p in PLAN_PATHS), reason="needs plans/ and the conformance plan")
def test_export_of_the_plan_files_validates() -> None:
    from dsl.language.loader import load_project

    project = load_project(PLAN_PATHS).project
    assert project is not None
    doc = export_project(project, YEARS)
    jsonschema.Draft202012Validator(load_schema()).validate(doc)
    assert list(doc["vendors"]) == sorted(doc["vendors"])
    for vendor in doc["vendors"].values():
        assert list(vendor["calendars"]) == sorted(vendor["calendars"])
        for cal in vendor["calendars"].values():
            assert list(cal["dates"]) == sorted(cal["dates"])


@pytest.mark.skipif(not (ROOT / "plans").exists(), reason="needs plans/")
def test_rules_command_is_deterministic(tmp_path) -> None:
    import subprocess
    import sys

    outputs = []
    for name in ("a.json", "b.json"):
        done = subprocess.run(
            [sys.executable, "build.py", "rules", "--years", "2026-2027", "-o", str(tmp_path / name)],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )
        assert done.returncode == 0, done.stderr
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    doc = json.loads(outputs[0])
    assert doc["years"] == {"first": 2026, "last": 2027, "valid_until": "2027-12-31"}
    jsonschema.Draft202012Validator(load_schema()).validate(doc)


def test_a_countrys_holidays_are_kept_for_the_next_process(tmp_path, monkeypatch) -> None:
    """Computed once per package version and question, then read from the user's cache folder (not imported again)."""
    from dsl.rules import export

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    export._country_dates.cache_clear()
    dates, known = export._country_dates("SE", None, ("public",), (2026, 2027))
    assert dates == frozenset(holidays.country_holidays("SE", years=[2026, 2027], categories=("public",)))
    assert 2026 in known and 2027 in known
    assert len(list((tmp_path / "tierwise").glob("holidays-*.pickle"))) == 1

    def unavailable(*args, **kwargs):
        raise AssertionError("the holidays package was asked again")

    export._country_dates.cache_clear()  # as a new process: only the file is left
    monkeypatch.setattr(holidays, "country_holidays", unavailable)
    assert export._country_dates("SE", None, ("public",), (2026, 2027)) == (dates, known)
    # Another question, or another version of the package, is asked of the package.
    with pytest.raises(AssertionError, match="asked again"):
        export._country_dates("SE", None, ("public",), (2026, 2028))
    monkeypatch.setattr(export.datasets, "holidays_version", lambda: "0.0-other")
    export._country_dates.cache_clear()
    with pytest.raises(AssertionError, match="asked again"):
        export._country_dates("SE", None, ("public",), (2026, 2027))
    export._country_dates.cache_clear()
