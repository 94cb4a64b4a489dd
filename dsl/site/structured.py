"""Structured data of a vendor page (issue 9): schema.org JSON-LD a search engine reads.

The vendor is an Organization; each tier a Service it provides, with one Offer per price the plan
states as an amount (or free, or included in a licence or subscription: price 0): price, priceCurrency
and, where the plan says it, the unit and period as a UnitPriceSpecification. Prices "on request" or "contact sales" have no Offer: schema.org has no
word for them that would not mislead. The JSON is made safe to sit inside <script>: no "<", ">" or
"&" survives unescaped, so a plan text such as "</script>" cannot end the block. A price that changes
on a date gives an Offer per version: the later one with validFrom, the earlier with priceValidUntil.
A minimum quantity (`minimum 10 users`) is the Offer's eligibleQuantity; a pack (`for 10 hours`) the price
specification's referenceQuantity. A set-up fee on top of a price
(`plus 3000 EUR setup`) makes its priceSpecification a CompoundPriceSpecification of two components; each part that
adds up with a price (`plus 350 SEK per server`) is a component of it too.
The vendor's phone, SMS, fax and e-mail contacts are the Organization's contactPoints (`contact_point`), each with
the hours it is staffed as hoursAvailable when the plan names them (`hours_available`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from dsl.language import addresses
from dsl.language.model import Calendar, Contact, ContractTerms, Price, Text, Vendor
from dsl.site import views as site

PERIOD_CODES: dict[str, str] = {"day": "DAY", "week": "WEE", "month": "MON", "quarter": "QAN", "year": "ANN"}
"""UN/CEFACT common codes (schema.org's unitCode) for the vocabulary's periods."""

PACK_CODES: dict[str, str] = {"hour": "HUR", "day": "DAY"}
"""UN/CEFACT common codes for the units of a pack that have one; visits, incidents and interventions are counted
pieces (C62, "one") named in unitText."""


def _amount(value: Decimal) -> str:
    """A price as schema.org wants it: digits and a dot, no grouping, no needless decimals."""
    text = format(value.normalize(), "f")
    return text


def tagged(text: Text, reader: site.Reader, before: str = "") -> str | dict[str, str]:
    """A vendor's text as JSON-LD says it: a string in the page's language, or a language-tagged value for an untranslated one.

    `before`: a name in front of it (the vendor's before a tier's), joined by `prefixed`.
    """
    value, fallback = reader.pick(text)
    value = prefixed(before, value)
    # The graph's strings are in the page's language; an untranslated one says its own, as its `lang` does on the page.
    return {"@value": value, "@language": fallback} if fallback else value


def prefixed(name: str, tier: str) -> str:
    """A tier's name after its vendor's, without saying twice the words they share: "Fjordtel Bedrift" and "Bedrift Pluss"
    are "Fjordtel Bedrift Pluss", and "Acme Gold" stays "Acme Gold" after "Acme"."""
    if not name:
        return tier
    words, own = name.split(), tier.split()
    for size in range(min(len(words), len(own)), 0, -1):  # the longest end of the vendor's name the tier's begins with
        if [w.casefold() for w in words[-size:]] == [w.casefold() for w in own[:size]]:
            return " ".join(words[: len(words) - size] + own)
    return f"{name} {tier}"


def offer(price: Price, segment: str | dict[str, str], reader: site.Reader) -> dict[str, Any] | None:
    """The Offer of one price, or None when it states no amount (on request, contact sales, not offered)."""
    if price.kind in ("free", "included"):
        # Included in a licence or subscription: nothing on top of it, the description says with what.
        amount, currency = Decimal(0), price.currency
    elif price.kind == "amount" and price.amount is not None and price.currency:
        amount, currency = price.amount, price.currency
    else:
        return None
    spec: dict[str, Any] = {"@type": "UnitPriceSpecification", "price": _amount(amount)}
    if currency:
        spec["priceCurrency"] = currency
    if price.starting:
        spec["minPrice"] = _amount(amount)
    if price.unit:
        spec["unitText"] = site.price_units(reader)[price.unit].replace("%(price)s", "").strip()
    if price.period:
        spec["referenceQuantity"] = {"@type": "QuantitativeValue", "value": 1, "unitCode": PERIOD_CODES[price.period]}
    if price.pack is not None and price.pack_of is not None:
        # `for 10 hours`: the price is for that quantity (schema.org's referenceQuantity); a period beside it (`per
        # year`) is then said in the description only, as one referenceQuantity cannot hold both.
        code = PACK_CODES.get(price.pack_of, "C62")
        spec["referenceQuantity"] = {"@type": "QuantitativeValue", "value": price.pack, "unitCode": code}
        if code == "C62":
            spec["referenceQuantity"]["unitText"] = price.pack_of
    if price.tax:
        spec["valueAddedTaxIncluded"] = price.tax == "included"
    found: dict[str, Any] = {"@type": "Offer", "price": _amount(amount), "priceSpecification": spec, "description": site.price_text(price, reader)}
    if currency:
        found["priceCurrency"] = currency
    if segment:
        found["category"] = segment
    components = [spec, *(_part(part, price, reader) for part in price.parts)]
    if price.parts and (price.setup is None or price.setup.amount is None):
        # `plus 350 SEK per server`: the parts that add up with the price are components of one compound price.
        for component in components:
            component["priceComponentType"] = "https://schema.org/Subscription"
        found["priceSpecification"] = {"@type": "CompoundPriceSpecification", "priceComponent": components}
    if price.setup is not None and price.setup.amount is not None:
        # `plus 3000 EUR setup`: schema.org's compound price, the recurring price and the one-off fee as its components
        # (priceComponentType Subscription and ActivationFee); the Offer's own price stays the recurring one.
        for component in components:
            component["priceComponentType"] = "https://schema.org/Subscription"
        fee: dict[str, Any] = {
            "@type": "UnitPriceSpecification",
            "price": _amount(price.setup.amount),
            "priceComponentType": "https://schema.org/ActivationFee",
        }
        if price.setup.currency:
            fee["priceCurrency"] = price.setup.currency
        if price.tax:
            fee["valueAddedTaxIncluded"] = price.tax == "included"
        found["priceSpecification"] = {"@type": "CompoundPriceSpecification", "priceComponent": [*components, fee]}
    if price.minimum is not None and price.unit:
        # `minimum 10 users`: the quantities the offer is valid for. How often it is billed has no schema.org word
        # (billingDuration is how long a price is paid, not how often), so the description alone says it.
        unit = site.price_units(reader)[price.unit].replace("%(price)s", "").strip()
        found["eligibleQuantity"] = {"@type": "QuantitativeValue", "minValue": price.minimum, "unitText": unit}
    return found


def _part(part: Price, price: Price, reader: site.Reader) -> dict[str, Any]:
    """A part of a price that adds up with it (`plus 350 SEK per server`), as a component: its amount, unit and the price's period."""
    spec: dict[str, Any] = {"@type": "UnitPriceSpecification", "price": _amount(part.amount or Decimal(0))}
    if part.currency:
        spec["priceCurrency"] = part.currency
    if part.unit:
        spec["unitText"] = site.price_units(reader)[part.unit].replace("%(price)s", "").strip()
    if price.period:
        spec["referenceQuantity"] = {"@type": "QuantitativeValue", "value": 1, "unitCode": PERIOD_CODES[price.period]}
    if price.tax:
        spec["valueAddedTaxIncluded"] = price.tax == "included"
    return spec


def vendor_json_ld(vendor: Vendor, reader: site.Reader, url: str) -> Markup:
    """The page's JSON-LD, escaped for an inline <script type="application/ld+json">."""
    organization: dict[str, Any] = {"@type": "Organization", "@id": url + "#vendor", "name": vendor.name}
    website = site.safe_href(vendor.website)
    if website:
        organization["url"] = website
    points = [
        found
        for contact in vendor.contacts
        if (found := contact_point(contact, reader, vendor.calendar(contact.hours) if contact.hours else None)) is not None
    ]
    if points:
        organization["contactPoint"] = points
    segments = {s.id: tagged(s.label, reader) for s in vendor.segments}
    graph: list[dict[str, Any]] = [organization]
    for plan in vendor.plans:
        service: dict[str, Any] = {
            "@type": "Service",
            "@id": url + "#" + site.tier_anchor(plan.id),
            "name": tagged(plan.name, reader, vendor.name),
            "provider": {"@id": url + "#vendor"},
            "url": url + "#" + site.tier_anchor(plan.id),
        }
        if plan.description is not None:
            service["description"] = tagged(plan.description, reader)
        languages = vendor.languages_of(plan)
        if languages:
            service["availableChannel"] = {"@type": "ServiceChannel", "availableLanguage": list(languages)}
        # A free price names no currency; where the tier's other prices use one, its Offer says 0 in that one.
        currencies = {p.currency for p in plan.prices if p.currency}
        prices = [
            replace(p, currency=next(iter(currencies))) if p.kind in ("free", "included") and len(currencies) == 1 else p for p in plan.prices
        ]
        offers = [o | validity(p, plan.prices) for p in prices if (o := offer(p, segments.get(p.segment or "", ""), reader)) is not None]
        term = minimum_term(plan.contract)
        if term is not None:  # the contract's minimum term: how long each price is billed at least
            for found in offers:
                # A compound price's recurring component is what is billed for the term, not its set-up fee.
                spec = found["priceSpecification"]
                (spec["priceComponent"][0] if "priceComponent" in spec else spec)["billingDuration"] = term
        if offers:
            service["offers"] = offers
        graph.append(service)
    data = {"@context": "https://schema.org", "@graph": graph}
    return script_json(data)


# --- contacts -------------------------------------------------------------------------------------


def contact_point(contact: Contact, reader: site.Reader, hours: Calendar | None = None) -> dict[str, Any] | None:
    """A phone, SMS, fax or e-mail contact as a schema.org ContactPoint, or None for another kind or an unusable value.

    A phone number is its `telephone` and a fax number its `faxNumber` (never a telephone: a search engine's "call"
    button would ring the fax machine), both with the country code. schema.org has no property for a number that takes
    text messages, and as `telephone` it would be offered for calls: an SMS number is the point's `url`, the sms: link
    (RFC 5724) the page has too.
    """
    value = contact.value or ""
    point: dict[str, Any] = {"@type": "ContactPoint", "contactType": "technical support"}
    if contact.kind in ("phone", "fax"):
        number = addresses.phone_number(value)
        if number is None:
            return None
        point["telephone" if contact.kind == "phone" else "faxNumber"] = number.e164
    elif contact.kind == "sms":
        href = addresses.sms_href(value)
        if href is None:
            return None
        point["url"] = href
    elif contact.kind == "email" and addresses.email_href(value) is not None:
        point["email"] = value.strip()
    else:
        return None
    # The page's word joiners and no-break spaces are for lines on a screen, not for a name in data.
    kind = site.contact_kinds(reader)[contact.kind].replace("\u2060", "").replace("\u00a0", " ")
    point["name"] = tagged(contact.label, reader) if contact.label is not None else kind
    available = hours_available(hours) if hours is not None else []
    if available:
        point["hoursAvailable"] = available
    return point


DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""schema.org's DayOfWeek members by name (as its own and search engines' examples write them), Monday = 0 as the model
counts."""


def _time(minutes: int) -> str:
    # schema.org's Time has no 24:00: a day's end is its last second, as its own examples close a day.
    return "23:59:59" if minutes >= 1440 else f"{minutes // 60:02d}:{minutes % 60:02d}:00"


def hours_available(calendar: Calendar) -> list[dict[str, Any]]:
    """The weekly hours of a contact's calendar as schema.org OpeningHoursSpecifications, days with the same hours
    together: [{"dayOfWeek": [Monday … Friday], "opens": "08:00:00", "closes": "17:00:00"}]. Every day from 00:00:00 to
    23:59:59 for a calendar open around the clock.

    The times are wall-clock times: schema.org has no property for the zone they are in nor for the holidays a
    calendar closes on, which the page says in words.
    """
    if calendar.always_open:
        return [{"@type": "OpeningHoursSpecification", "dayOfWeek": list(DAYS), "opens": "00:00:00", "closes": "23:59:59"}]
    pieces: list[tuple[int, int, int]] = []  # (day, opens, closes) within one day
    for interval in calendar.weekly:
        # An interval across midnight (or the weekend) is a piece on each day it touches.
        days = (interval.end_day - interval.start_day) % 7 or (7 if interval.end <= interval.start else 0)
        for step in range(days + 1):
            day = (interval.start_day + step) % 7
            opens = interval.start if step == 0 else 0
            closes = interval.end if step == days else 1440
            if closes > opens:
                pieces.append((day, opens, closes))
    together: dict[tuple[int, int], list[int]] = {}
    for day, opens, closes in sorted(pieces):
        together.setdefault((opens, closes), []).append(day)
    return [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": [DAYS[d] for d in sorted(set(days))], "opens": _time(opens), "closes": _time(closes)}
        for (opens, closes), days in sorted(together.items(), key=lambda item: (min(item[1]), item[0]))
    ]


# --- contract terms -------------------------------------------------------------------------------


def minimum_term(contract: ContractTerms | None) -> dict[str, Any] | None:
    """A contract's minimum term as schema.org's billingDuration (a QuantitativeValue with a UN/CEFACT unit), or None.

    schema.org's UnitPriceSpecification.billingDuration is "for how long this price will be billed",
    which its definition says models "the contractual duration of a subscription". Renewal and notice
    have no schema.org property (docs/site.md says so) and are left to the page.
    """
    length = contract.minimum if contract is not None else None
    if length is None or length.period not in PERIOD_CODES:
        return None
    return {"@type": "QuantitativeValue", "value": length.count, "unitCode": PERIOD_CODES[length.period]}


# --- prices that change on a date -----------------------------------------------------------------


def validity(price: Price, prices: Sequence[Price]) -> dict[str, str]:
    """When an Offer is valid: validFrom for a price from a date, priceValidUntil (its last day) for one replaced later."""
    found: dict[str, str] = {}
    if price.valid_from is not None:
        found["validFrom"] = price.valid_from.isoformat()
    # A segment's prices from a date replace all of its earlier ones (docs/language.md): the next date ends this one.
    later = [p.valid_from for p in prices if p.segment == price.segment and p.valid_from is not None]
    later = [day for day in later if price.valid_from is None or day > price.valid_from]
    if later and min(later) > date.min:  # a price replaced from 0001-01-01 was never valid: no day before it
        found["priceValidUntil"] = (min(later) - timedelta(days=1)).isoformat()
    return found


def script_json(data: object) -> Markup:
    """JSON that can stand inside a <script> element: "<", ">" and "&" as \\u escapes, which JSON reads back unchanged."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # U+2028/2029 too: JSON allows them raw, older JavaScript parsers end a line at them.
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return Markup(text)
