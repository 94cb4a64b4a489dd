"""A price per day of work (session 22, an outside author): a consultant's "9 000 SEK per day".

`per day` was a period, which CLDR's Swedish and Polish say as a 24-hour day ("9 000 kr per dygn", "9000 SEK na dobę").
With one `per`, `day` is now a price unit like `hour` ("per dag", "al giorno", "za dzień", "per day"), and a period
of a day after a unit, of a count or of an allowance is said "per dag", "dziennie" (docs/glossary.md).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from dsl.cli import main
from dsl.site import views as site
from support.language_plans import one_tier as plan
from support.language_plans import only, vendor_of
from support.site import plain as said
from support.site import words


def reader(lang: str, vendor):  # type: ignore[no-untyped-def]
    """The page reader of `vendor` in `lang`."""
    return site.Reader(lang, words()[lang], vendor)


def test_a_lone_per_day_is_the_unit_a_day_of_work_and_after_a_unit_the_period() -> None:
    rate = vendor_of(plan("price 9000 SEK per day minimum 2 days excl tax")).plans[0].prices[0]
    assert (rate.amount, rate.unit, rate.period, rate.minimum) == (Decimal(9000), "day", None, 2)
    daily = vendor_of(plan("price 5 EUR per user per day")).plans[0].prices[0]
    assert (daily.unit, daily.period) == ("user", "day")


def test_a_minimum_of_days_counts_only_a_price_per_day() -> None:
    assert only(plan("price 1200 SEK per hour minimum 2 days"))[0] == "a minimum of 2 days, but the price is per hour"


@pytest.mark.parametrize(
    ("lang", "rate", "per_user", "allowance"),
    [
        ("sv", "9 000 kr per dag exkl. moms, minst 2 dagar", "5 € per användare per dag", "2 timmar per dag"),
        ("it", "9000 SEK al giorno IVA esclusa, minimo 2 giorni", "5 € per utente al giorno", "2 ore al giorno"),
        ("pl", "9000 SEK za dzień netto (bez VAT), minimum 2 dni", "5 € za użytkownika dziennie", "2 godziny dziennie"),
        ("en", "SEK 9,000 per day excl. tax, minimum 2 days", "€5 per user per day", "2 hours per day"),
    ],
)
def test_the_pages_say_a_day_as_natives_write_it(lang: str, rate: str, per_user: str, allowance: str) -> None:
    acme = vendor_of(plan("price 9000 SEK per day minimum 2 days excl tax\n    price 5 EUR per user per day", "2h per day"))
    page = reader(lang, acme)
    assert [said(site.price_text(p, page)) for p in acme.plans[0].prices] == [rate, per_user]
    assert said(site.feature_cell(acme.plans[0].cells[0], acme, page).html) == allowance
    # Never CLDR's 24-hour day.
    assert not any(word in said(site.price_range(acme, page)) for word in ("dygn", "dobę"))


def test_a_built_page_says_a_day_rate_per_day_of_work(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "acme.plan").write_text(plan("price 9000 SEK per day", "add-on 1200 SEK per hour, 9000 SEK per day"), encoding="utf-8")
    assert main(["--project", str(tmp_path), "build", "--quiet"]) == 0
    sv = said((tmp_path / "_site" / "sv" / "acme" / "index.html").read_text(encoding="utf-8"))
    assert "Tillval: 1 200 kr per timme eller 9 000 kr per dag" in sv and "dygn" not in sv
    pl = said((tmp_path / "_site" / "pl" / "acme" / "index.html").read_text(encoding="utf-8"))
    assert "9000 SEK za dzień" in pl and "dobę" not in pl
    comparison = said((tmp_path / "_site" / "sv" / "compare" / "index.html").read_text(encoding="utf-8"))
    assert "9 000 kr per dag" in comparison
