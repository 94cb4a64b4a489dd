"""A tier whose targets run on several clocks says which in the "Hours counted" row (session 22, an outside author).

Gold's P1 counted round the clock and P2-P4 business hours: the row under the table said "–", as if Gold counted
no hours. It now names each clock with its priorities, the clock most of them run on as "Other priorities".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dsl.cli import main
from dsl.site import views as site
from support.language_plans import vendor_of
from support.site import words

PLAN = """vendor acme {{
  name "Acme"
  language en
  calendar office {{ zone Europe/Stockholm open mon-fri 08:00-17:00 }}
  calendar always {{ open 24x7 }}
  priorities levels {{
    level P1 {{ name "P1" }}
    level P2 {{ name "P2" }}
    level P3 {{ name "P3" }}
    level P4 {{ name "P4" }}
  }}
  plan silver {{
    name "Silver"
    target first-response all 8h on office
  }}
  plan gold {{
    name "Gold"
    {gold}
  }}
}}
"""

GOLD = "target first-response P1 1h on always\n    target first-response all 4h on office"


def said(text: str) -> str:
    """A page's words with no-break spaces as plain ones, without word joiners nor the thin spaces around CLDR's dashes."""
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2060", "").replace("\u2009", "")


def clocks(lang: str, gold: str = GOLD) -> list[str]:
    """Each tier's "Hours counted" of the first-response table, in `lang`."""
    acme = vendor_of(PLAN.format(gold=gold))
    (table,) = site.target_tables(acme, site.Reader(lang, words()[lang], acme))
    return [said(str(c)) for c in table.clocks]


@pytest.mark.parametrize(
    ("lang", "gold"),
    [
        ("sv", "P1: dygnet runt, alla dagar om året<br>Övriga prioriteter: mån–fre 08:00–17:00 svensk tid"),
        ("it", "P1: 24 ore su 24, 7 giorni su 7, tutto l’anno<br>Altre priorità: lun–ven 08:00–17:00, ora svedese"),
        ("pl", "P1: całodobowo, przez cały rok<br>Pozostałe priorytety: pon.–pt. 08:00–17:00 czasu szwedzkiego"),
        ("en", "P1: 24×7, all year round<br>Other priorities: Mon–Fri 08:00–17:00 Swedish time"),
    ],
)
def test_a_tier_that_mixes_clocks_names_each_with_its_priorities(lang: str, gold: str) -> None:
    silver, found = clocks(lang)
    assert found == gold
    assert silver == re.sub(r"^.*: ", "", gold.split("<br>")[1])  # one clock: said once, as before


def test_clocks_of_as_many_priorities_each_name_theirs() -> None:
    gold = "target first-response P1 1h on always\n    target first-response P2 4h on office"
    assert clocks("en", gold)[1] == "P1: 24×7, all year round<br>P2: Mon–Fri 08:00–17:00 Swedish time"


def test_a_built_page_no_longer_says_a_dash_for_a_tier_that_mixes_clocks(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "acme.plan").write_text(PLAN.format(gold=GOLD), encoding="utf-8")
    assert main(["--project", str(tmp_path), "build", "--quiet"]) == 0
    page = said((tmp_path / "_site" / "en" / "acme" / "index.html").read_text(encoding="utf-8"))
    row = re.search(r"<tr><th scope=\"row\">Hours counted</th>(.*?)</tr>", page, re.S)
    assert row is not None
    cells = re.findall(r"<td><small>(.*?)</small></td>", row.group(1), re.S)
    assert cells == ["Mon–Fri 08:00–17:00 Swedish time", "P1: 24×7, all year round<br>Other priorities: Mon–Fri 08:00–17:00 Swedish time"]
