"""Every construct of the plan language, parsed into the model."""

from datetime import date
from decimal import Decimal

from dsl.language.loader import load_project, load_text
from dsl.language.model import Quantity
from support.language_plans import ALL
from support.paths import PLANS


def load(body: str, shared: str = ""):
    """Load one vendor whose block holds `body`; fail the test on any error."""
    text = f"{shared}\nvendor v {{\n  name \"Vendor\"\n  language sv\n{body}\n}}\n"
    result = load_text(text, "t.plan")
    errors = [f"{d.pos}: {d.message}" for d in result.errors]
    assert not errors, errors
    return result.project.vendor("v"), result


def test_vendor_header_texts_and_contacts():
    vendor, _ = load(
        f"""
  website "https://example.com"
  intro {{ {ALL} }}
  note {{ sv "N" it "N" pl "N" en "N" }}
  contact email "support@example.com"
  contact phone "+46 770-33 06 90" as phone-se hours office {{ {ALL} }}
  contact account-manager
  calendar office {{ zone Europe/Stockholm open mon-fri 08:00-17:00 }}
"""
    )
    assert vendor.name == "Vendor" and vendor.language == "sv"
    assert vendor.website == "https://example.com"
    assert vendor.intro.get("pl") == "P"
    assert len(vendor.notes) == 1
    email, phone, manager = vendor.contacts
    assert (email.id, email.kind, email.value, email.hours) == ("email", "email", "support@example.com", None)
    assert (phone.id, phone.kind, phone.value, phone.hours) == ("phone-se", "phone", "+46 770-33 06 90", "office")
    assert phone.label.get("it") == "I"
    assert (manager.kind, manager.value) == ("account-manager", None)


def test_neutral_text_is_the_same_in_every_language():
    vendor, result = load('plan p { name "Gold" }')
    name = vendor.plan("p").name
    assert [name.get(lang) for lang in ("sv", "it", "pl", "en")] == ["Gold"] * 4
    assert name.missing() == ()


def test_triple_quoted_text_is_dedented_markdown():
    vendor, _ = load(
        '''
  intro {
    sv """Första raden.
       - punkt ett
       - punkt två"""
    it "I" pl "P" en "E"
  }
'''
    )
    assert vendor.intro.get("sv") == "Första raden.\n- punkt ett\n- punkt två"


def test_string_escapes():
    vendor, _ = load(r'intro { sv "Säg \"hej\"" it "I" pl "P" en "E" }')
    assert vendor.intro.get("sv") == 'Säg "hej"'


def test_calendar_statements():
    vendor, _ = load(
        """
  plan p { name "P" target first-response all 2h on office }
  calendar office {
    name { sv "Kontor" it "Ufficio" pl "Biuro" en "Office" }
    zone Europe/Stockholm
    open mon-fri 08:30-11:30, 12:30-16:00
    open sat 10:00-24:00
    closed holidays SE
    eve 08:30-14:00
    closed 2026-12-31
    hours 2026-12-30 08:00-12:00
  }
"""
    )
    cal = vendor.calendar("office")
    assert cal.zone == "Europe/Stockholm" and not cal.always_open
    assert len(cal.weekly) == 11
    assert (cal.weekly[0].start_day, cal.weekly[0].start, cal.weekly[0].end) == (0, 510, 690)
    sat = cal.weekly[-1]
    assert (sat.start_day, sat.start, sat.end_day, sat.end) == (5, 600, 5, 1440)
    assert cal.holidays[0].country == "SE" and cal.holidays[0].categories == ("public",)
    assert [(h.start, h.end) for h in cal.eve_hours] == [(510, 840)]
    closed, special = cal.dates
    assert closed.day == date(2026, 12, 31) and closed.hours == ()
    assert special.day == date(2026, 12, 30) and [(h.start, h.end) for h in special.hours] == [(480, 720)]


def test_interval_across_midnight_and_the_week_end():
    vendor, _ = load(
        """
  plan p { name "P" coverage all on cis }
  calendar cis { zone America/New_York open sun 23:00 - fri 23:00 }
"""
    )
    (interval,) = vendor.calendar("cis").weekly
    assert (interval.start_day, interval.start, interval.end_day, interval.end) == (6, 1380, 4, 1380)
    assert interval.length() == 5 * 24 * 60
    assert interval.week_spans() == ((6 * 1440 + 1380, 7 * 1440), (0, 4 * 1440 + 1380))


def test_customer_zone_and_24x7_and_day_lists():
    vendor, _ = load(
        """
  plan p { name "P" target first-response all 1h on local target resolution all 1h on always }
  calendar local { zone customer open mon,wed,fri 08:00-17:00 }
  calendar always { open 24x7 }
"""
    )
    local = vendor.calendar("local")
    assert local.zone is None
    assert [i.start_day for i in local.weekly] == [0, 2, 4]
    assert vendor.calendar("always").always_open


def test_shared_calendar_from_another_definition_at_top_level():
    vendor, _ = load(
        'plan p { name "P" target first-response all 1h on office }',
        shared="calendar office { zone Europe/Rome open mon-fri 09:00-18:00 }",
    )
    assert vendor.calendar("office").zone == "Europe/Rome"


def test_priorities_with_matrix():
    vendor, _ = load(
        f"""
  priorities levels {{
    level P1 {{ name {{ {ALL} }} definition {{ {ALL} }} example {{ {ALL} }} }}
    level P2 {{ name {{ {ALL} }} }}
    impact large {{ {ALL} }}
    impact small {{ {ALL} }}
    urgency high {{ {ALL} }}
    urgency low {{ {ALL} }}
    matrix {{
      high: P1, P2
      low: P2, P2
    }}
  }}
"""
    )
    scheme = vendor.priorities
    assert [lv.id for lv in scheme.levels] == ["P1", "P2"]
    assert scheme.level("P1").example.get("en") == "E"
    assert scheme.matrix.level("large", "high") == "P1"
    assert scheme.matrix.level("small", "high") == "P2"
    assert scheme.matrix.level("small", "low") == "P2"


def test_features_categories_footnotes_and_cells():
    vendor, _ = load(
        f"""
  footnote * {{ {ALL} }}
  footnote ** {{ {ALL} }}
  category updates {{ {ALL} }}
  feature patches in updates * {{ label {{ {ALL} }} description {{ {ALL} }} }}
  feature meetings in updates {{ label {{ {ALL} }} }}
  feature reports in updates ** {{ label {{ {ALL} }} }}
  feature portal in updates {{ label {{ {ALL} }} }}
  plan p {{
    name "P"
    features {{
      patches: yes
      meetings: 4 per year {{ {ALL} }}
      reports: {{ {ALL} }} *
      portal: no
    }}
  }}
"""
    )
    assert [f.id for f in vendor.features_in("updates")] == ["patches", "meetings", "reports", "portal"]
    assert vendor.feature("patches").marks == ("*",)
    assert vendor.footnote("**") is not None
    plan = vendor.plan("p")
    assert plan.cell("patches").kind == "included"
    meetings = plan.cell("meetings")
    assert meetings.kind == "quantity" and meetings.quantity == Quantity(4, "year") and meetings.text.get("sv") == "S"
    assert plan.cell("reports").kind == "text" and plan.cell("reports").marks == ("*",)
    assert plan.cell("portal").kind == "excluded" and not plan.cell("portal").offered


def test_prices_of_every_kind():
    vendor, _ = load(
        f"""
  footnote * {{ {ALL} }}
  segment licence {{ {ALL} }}
  segment others {{ {ALL} }}
  plan p * {{
    name "P"
    price licence free
    price others 2500 SEK per month *
  }}
  plan q {{
    name "Q"
    price licence 99.50 EUR
    price others on request
  }}
  plan r {{ name "R" price not offered }}
"""
    )
    free, paid = vendor.plan("p").prices
    assert vendor.plan("p").marks == ("*",)
    assert (free.segment, free.kind, free.amount) == ("licence", "free", None)
    assert (paid.kind, paid.amount, paid.currency, paid.period, paid.marks) == ("amount", Decimal("2500"), "SEK", "month", ("*",))
    once, ask = vendor.plan("q").prices
    assert (once.amount, once.currency, once.period) == (Decimal("99.50"), "EUR", None)
    assert ask.kind == "on-request"
    (not_offered,) = vendor.plan("r").prices
    assert (not_offered.segment, not_offered.kind) == (None, "not-offered")


def test_targets_coverage_obligations_channels():
    vendor, _ = load(
        f"""
  contact email
  contact phone
  priorities levels {{ level P1 {{ name {{ {ALL} }} }} level P2 {{ name {{ {ALL} }} }} }}
  calendar office {{ zone Europe/Stockholm open mon-fri 08:00-17:00 }}
  calendar always {{ open 24x7 }}
  plan p {{
    name "P"
    target first-response P1 2h on office
    target first-response all 1h 30min on office
    target resolution all none
    coverage P1 on always
    obligation meetings 4 per year {{ {ALL} }}
    obligation call after 4h on office {{ {ALL} }}
    obligation daily 1 per day {{ {ALL} }}
    channels email, phone
  }}
"""
    )
    plan = vendor.plan("p")
    p1, rest, none = plan.targets
    assert (p1.metric, p1.priority, p1.minutes, p1.calendar) == ("first-response", "P1", 120, "office")
    assert (rest.priority, rest.minutes) == (None, 90)
    assert none.minutes is None and not none.guaranteed
    assert plan.target("first-response", "P2") is rest  # falls back to the target for all
    assert plan.target("first-response", "P1") is p1
    assert plan.coverage[0].priority == "P1" and plan.coverage[0].calendar == "always"
    meetings, call, daily = plan.obligations
    assert meetings.quantity == Quantity(4, "year") and meetings.after_minutes is None
    assert (call.after_minutes, call.calendar) == (240, "office")
    assert daily.quantity == Quantity(1, "day")
    assert plan.channels == ("email", "phone")
    assert {c.id for c in vendor.calendars} == {"office", "always"}


def test_extends_merges_cells_targets_and_obligations():
    vendor, _ = load(
        f"""
  feature a {{ label {{ {ALL} }} }}
  feature b {{ label {{ {ALL} }} }}
  calendar office {{ zone Europe/Stockholm open mon-fri 08:00-17:00 }}
  plan base {{
    name "Base"
    features {{ a: yes b: no }}
    target first-response all 8h on office
    obligation meetings 1 per year {{ {ALL} }}
  }}
  plan top extends base {{
    name "Top"
    features {{ b: yes }}
    target first-response all 2h on office
  }}
"""
    )
    top = vendor.plan("top")
    assert top.extends == "base"
    assert top.cell("a").kind == "included" and top.cell("b").kind == "included"
    assert top.own_features == ("b",)
    assert [t.minutes for t in top.targets] == [120]
    assert [o.id for o in top.obligations] == ["meetings"]
    assert vendor.plan("base").cell("b").kind == "excluded"
    assert vendor.offered_features("base") == ("a",)
    assert vendor.offered_features("top") == ("a", "b")


def test_metric_wording_and_comments():
    vendor, _ = load(
        f"""
  # a comment on its own line
  metric first-response {{ name {{ {ALL} }} definition {{ {ALL} }} }}  # and one after a statement
"""
    )
    assert vendor.metric_text("first-response").definition.get("it") == "I"


def test_positions_travel_with_the_model():
    vendor, _ = load('plan p { name "P" }')
    plan = vendor.plan("p")
    assert (plan.pos.file, plan.pos.line, plan.pos.column) == ("t.plan", 5, 1)


def test_the_shipped_plans_load_without_errors():
    result = load_project([PLANS])
    assert not result.errors, [f"{d.pos}: {d.message}" for d in result.errors]
