"""A tier that extends another is headed "The same service as X" only when nothing of its service differs.

Every per-tier fact a page shows as the tier's service counts: contract terms, availability, service
credits, maintenance and obligations (with `for` and `every`) as much as features and targets. Prices
do not: a tier that only costs something else (another segment, a later date) is the same service.
"""

from __future__ import annotations

import pytest

from dsl.language.loader import load_text
from dsl.site import views as site
from support.site import words

TIERS = """calendar office {{
  zone Europe/Stockholm
  open mon-fri 08:00-17:00
}}
calendar sunday-night {{
  zone Europe/Stockholm
  open sun 02:00-06:00
}}
vendor acme {{
  name "Acme"
  language en only
  priorities p {{
    level P1 {{ name "Critical" }}
    level P2 {{ name "High" }}
  }}
  plan std {{
    name "Standard"
    price 100 EUR per month
    contract 12 months renews 12 months notice 3 months
    availability 99.5% per month
    credit 10% below 99.5%, 25% below 99%
    maintenance on sunday-night notice 48h
    obligation review for P1 and P2 1 per month {{ en "We review the open tickets." }}
    obligation call every 2h on office {{ en "We phone the customer." }}
  }}
  plan gold extends std {{
    name "Gold"
{child}
  }}
}}
"""


def _adds(child: str) -> bool:
    result = load_text(TIERS.format(child=child), "t.plan")
    assert result.project is not None and not result.errors, [f"{d.pos}: {d.message}" for d in result.errors]
    acme = result.project.vendors[0]
    head = site.vendor_page(acme, site.Reader("en", words()["en"], acme)).plans[1]
    assert head.adds is site.adds_to_parent(acme.plans[1], acme)
    return head.adds


@pytest.mark.parametrize(
    "child",
    [
        "    contract 24 months renews 12 months notice 3 months",  # a longer minimum term
        "    contract 12 months notice 3 months",  # no automatic renewal
        "    contract 12 months renews 12 months notice 1 month",  # a shorter notice
        "    availability 99.9% per month\n    credit 10% below 99.5%, 25% below 99%",
        "    availability 99.5% per month\n    credit 20% below 99.5%, 25% below 99%",  # larger credits only
        "    maintenance notice 48h",  # maintenance at any time instead of on Sunday nights
        "    maintenance on sunday-night notice 24h",  # shorter notice of maintenance
        '    obligation review for P1 1 per month { en "We review the open tickets." }',  # for fewer priorities
        '    obligation review for P1 and P2 1 per week { en "We review the open tickets." }',  # more often
        '    obligation call every 1h on office { en "We phone the customer." }',  # every hour, not every two
    ],
)
def test_a_tier_differing_only_in_this_is_not_the_same_service(child: str) -> None:
    assert _adds(child) is True


@pytest.mark.parametrize(
    "child",
    [
        "",
        "    price 200 EUR per month",  # only the price differs: the same service, at another price
        "    price 100 EUR per month\n    price 120 EUR per month from 2027-01-01",  # a dated price
        "    contract 1 year renews 1 year notice 3 months",  # 12 months and 1 year name the same length
        '    obligation review for P2 and P1 1 per month { en "We review the open tickets." }',  # same levels, other order
    ],
)
def test_a_tier_with_the_same_service_is_said_to_be_the_same(child: str) -> None:
    assert _adds(child) is False
