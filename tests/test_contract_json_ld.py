"""Contract terms in the vendor pages' JSON-LD: the minimum term as each Offer's billingDuration.

schema.org's UnitPriceSpecification.billingDuration models "the contractual duration of a
subscription"; renewal and notice have no schema.org property and stay on the page only (docs/site.md).
"""

from __future__ import annotations

import json

import pytest

from dsl.site import structured
from dsl.site import views as site
from support.language_plans import HEADER, vendor_of
from support.site import words

PLANS = """  segment licence { sv "Licens" it "Licenza" pl "Licencja" en "Licence" }
  plan yearly {
    name "Avtal"
    price 100 EUR per month
    price licence 80 EUR per month
    contract 12 months renews 12 months notice 3 months
  }
  plan two-years {
    name "Två år"
    price 1000 EUR per year
    contract 2 years notice 90 days
  }
  plan flex {
    name "Flex"
    price 150 EUR per month
    contract none notice 30 days
  }
  plan quiet {
    name "Tyst"
    price 50 EUR per month
  }
  plan asked {
    name "Offert"
    price on request
    contract 12 months
  }
}
"""


def _graph(lang: str) -> dict[str, dict]:
    vendor = vendor_of(HEADER + PLANS)
    reader = site.Reader(lang, words()[lang], vendor)
    data = json.loads(str(structured.vendor_json_ld(vendor, reader, "https://x.example/sv/v/")))
    return {item["@id"].rsplit("#", 1)[1]: item for item in data["@graph"]}


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_the_minimum_term_is_every_offers_billing_duration(lang: str) -> None:
    graph = _graph(lang)
    yearly = [o["priceSpecification"]["billingDuration"] for o in graph["tier-yearly"]["offers"]]
    assert yearly == [{"@type": "QuantitativeValue", "value": 12, "unitCode": "MON"}] * 2  # each segment's offer
    two = graph["tier-two-years"]["offers"][0]["priceSpecification"]["billingDuration"]
    assert two == {"@type": "QuantitativeValue", "value": 2, "unitCode": "ANN"}


def test_no_minimum_term_no_terms_or_no_offer_give_no_billing_duration() -> None:
    graph = _graph("en")
    for tier in ("tier-flex", "tier-quiet"):
        assert "billingDuration" not in graph[tier]["offers"][0]["priceSpecification"]
    assert "offers" not in graph["tier-asked"]  # a price on request has no Offer to carry the term


def test_renewal_and_notice_are_not_invented_as_schema_org_properties() -> None:
    text = json.dumps(_graph("en"))
    for word in ("renew", "notice", "Notice"):
        assert word not in text


@pytest.mark.parametrize(
    ("vendor", "tier", "named"),
    [
        ("Fjordtel Bedrift", "Bedrift Pluss", "Fjordtel Bedrift Pluss"),  # the outside offer of session 25: "Bedrift" was said twice
        ("Acme", "Acme Gold", "Acme Gold"),
        ("Stratiteq", "SOS", "Stratiteq SOS"),
        ("Amanda Support", "support basic", "Amanda support basic"),
        ("Esri", "Esrinet", "Esri Esrinet"),  # only whole words are shared
    ],
)
def test_a_tiers_name_after_its_vendors_does_not_say_their_shared_words_twice(vendor: str, tier: str, named: str) -> None:
    assert structured.prefixed(vendor, tier) == named
