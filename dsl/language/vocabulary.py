"""The fixed words of Tierwise: one home for the lists every stage reads.

The site's languages, the weekdays, what a target can measure (and which measure a question means
when it names none), the periods of a count, and the kinds of contact. The grammar's hints, the
checks, the page views, the templates, the rule export and its schema all take these from here, so
adding a language or a metric is a change in one place (plus its translations and docs).
"""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("sv", "it", "pl", "en")
"""The languages a site is published in, in display order, when its project's settings (tierwise.toml,
dsl/language/settings.py) name none: the default of Settings.languages, which every output iterates."""

SOURCE_LANGUAGE_FALLBACK = "en"
"""The language a text falls back to when a vendor's own language is unknown."""

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Weekday names as plan files and the rule JSON write them, Monday first (index 0)."""

METRICS: tuple[str, ...] = ("registration", "first-response", "on-site", "status-update", "workaround", "resolution")
"""What an SLA target measures, from the report of a ticket to ...

registration: the ticket is registered and acknowledged;
first-response: a person starts working on it (answers, or starts troubleshooting);
on-site: a technician arrives at the customer's site (hardware, field service: "on site within 4 service hours");
status-update: the interval between status updates while it is open;
workaround: a workaround (a temporary fix) restores the service, before the final resolution;
resolution: it is resolved.
"""

DEFAULT_METRIC = "first-response"
"""The metric a deadline question means when it names none ("by when must we respond?")."""

PERIODS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
"""The periods a count can be given per: 4 per year."""

CONTACT_KINDS: tuple[str, ...] = ("email", "phone", "sms", "portal", "web", "chat", "fax", "address", "account-manager")
"""The kinds of contact a vendor can list (a `chat` is a live chat, reached at a web address; an `sms` is a number that
takes text messages, as telecoms and on-call services give one beside their phone line)."""

MINUTES_PER_DAY = 24 * 60

PRICE_UNITS: tuple[str, ...] = (
    "user", "seat", "device", "server", "node", "workstation", "site", "connection", "hour", "day", "visit", "incident", "intervention",
)
"""What a price can be counted per besides a period: 2500 SEK per user per month; an add-on's 1200 SEK per hour.

`day` is a day of work, a consultant's day rate (9000 SEK per day), as `hour` is an hour of it: with one `per` it is
the unit, and the pages say "per dag", "al giorno", "za dzień" (it was the period before, which CLDR's
Swedish and Polish say as a 24-hour day, "per dygn", "na dobę"). `per user per day` keeps `day` as the period.
`intervention` is one call-out of on-call staff, remote or on site (Italian "per intervento di reperibilità"): an
`incident` reads "per richiesta di assistenza", "za zgłoszenie", a ticket, which a call-out fee is not.

The units of infrastructure, as managed-services, open-source, security and telecom vendors price: `server` (a physical
or virtual server: "€89 per server per month"), `node` (a member of a cluster, as open-source subscriptions are sold),
`workstation` (a computer a person works at, as MSPs price desktops apart from servers; an endpoint), `site` (a customer's
address or office, as telecoms and field service price) and `connection` (a telecom line or network connection).
Their other names (host, instance, endpoint, location, line ...) are PRICE_UNIT_WORDS, told to write the unit."""

PRICE_UNIT_WORDS: dict[str, str] = {
    **dict.fromkeys(("host", "instance", "vm", "machine"), "server"),
    **dict.fromkeys(("endpoint", "pc", "desktop", "laptop", "computer"), "workstation"),
    **dict.fromkeys(("location", "office", "branch", "premises", "address"), "site"),
    **dict.fromkeys(("line", "circuit", "link"), "connection"),
    **dict.fromkeys(("appliance", "router", "switch", "firewall"), "device"),
    # outside17: an accounting-software vendor's price "per licence" is per named user's licence, a seat, and its
    # "per stanowisko" (Swedish "arbetsplats", Italian "postazione") a workstation.
    **dict.fromkeys(("licence", "license", "licens", "licenza", "licencja"), "seat"),
    **dict.fromkeys(("stanowisko", "arbetsplats", "postazione"), "workstation"),
}
"""Words vendors price per that name a unit of PRICE_UNITS, with the unit: `per host` is `per server` (a hint says so)."""

PRICE_UNITS_LACKING: frozenset[str] = frozenset({"core", "cpu", "socket", "processor", "bed", "patient"})
"""Words vendors price per that the language has no unit for (a part of a server; a hospital's bed): the hint says to
write the price per its period and the unit in a note, rather than a unit that would tell a buyer another price."""

PRICE_BASES: tuple[str, ...] = ("licence", "subscription", "usage")
"""What a price can be a percentage of, in the order the comparison sorts them: `price 20% of licence per year` (a
yearly fee of 20 % of the licence price, as software maintenance is often sold); `subscription`, the price of a
subscription to the product (premium support "at 25 % of your subscription"); `usage`, the customer's usage charges
of a cloud service ("10 % of monthly cloud usage", as cloud vendors sell support)."""

CREDIT_BASES: tuple[str, ...] = ("subscription", "usage")
"""What a service credit can be a share of instead of the plan's own fee: `credit 10% of subscription below 99.9%`, the
subscription price of the product whose availability is promised (SaaS: "10 % of the monthly subscription fee"), or
`usage`, the usage charges of the affected cloud service ("10 % of the charges for the affected service")."""

INCLUDED_IN: tuple[str, ...] = ("licence", "subscription")
"""What support can come with at no extra charge: `price included in licence` ("support is included in your licence"),
`price included in subscription` ("included with every subscription"); `price included` names nothing."""

TAX_NOTES: tuple[str, ...] = ("excluded", "included")
"""Whether a price is written excluding or including tax (VAT, moms, IVA): `excl tax`, `incl tax`."""

# --- names the published site uses itself (issue 11) ------------------------------------------------
# A vendor's pages are {lang}/{vendor}/ and its rules rules/{vendor}.json, so a vendor id equal to
# one of these would overwrite or shadow the site's own files. The check refuses them and the
# publisher (dsl.site.publish) refuses to lay out a site with one, both reading this one list.

SITE_FOLDERS: tuple[str, ...] = ("assets", "rules")
"""The folders at the top of the site beside the language folders."""

SITE_PAGES: tuple[str, ...] = ("index", "404", "sitemap", "robots")
"""The stems of the files at the top of the site (index.html, 404.html, sitemap.xml, robots.txt)."""

RULES_FILES: tuple[str, ...] = ("all", "schema", "vectors-rules", "vectors", "inputs", "clock-vectors")
"""The stems of the rule files beside rules/{vendor}.json: rules/all.json, rules/schema.json, and the
conformance files rules/vectors.jsonl, rules/vectors-rules.json, rules/inputs.jsonl and rules/clock-vectors.jsonl
(docs/rules.md §10)."""

RESERVED_IDS: tuple[str, ...] = (*RULES_FILES, *SITE_FOLDERS, *SITE_PAGES, *LANGUAGES)
"""Ids no vendor may have: they collide with the site's own paths."""

# Issue 9: the cross-vendor comparison lives at {lang}/compare/, beside the vendors' {lang}/{vendor}/.
LANGUAGE_FOLDERS: tuple[str, ...] = ("compare",)
"""The site's own folders inside each language folder, beside the vendors' folders."""

RESERVED_IDS = (*RESERVED_IDS, *LANGUAGE_FOLDERS)

# --- the project settings (issue 8 item 8, issue 9) -----------------------------------------------
# LANGUAGES above is the default of a project whose tierwise.toml names none; the languages a site
# publishes are its Settings.languages (dsl/language/settings.py), handed to every output.

SITE_MODES: tuple[str, ...] = ("directory", "vendor")
"""What a site is: a directory of vendors (an index per language), or one vendor's own tier pages."""


def support_language_codes() -> frozenset[str]:
    """The codes `support languages` accepts: ISO 639 languages CLDR names (two or three letters, no region)."""
    global _SUPPORT_LANGUAGES
    if _SUPPORT_LANGUAGES is None:
        # Babel only here, and only when a plan names languages: `check` need not load CLDR data.
        from babel import Locale

        # Not the codes for no language, many, undetermined or missing ones: nobody is helped in those.
        special = {"und", "zxx", "mul", "mis"}
        names = [str(c) for c in Locale("en").languages]
        _SUPPORT_LANGUAGES = frozenset(c for c in names if c.isalpha() and c.islower() and len(c) in (2, 3) and c not in special)
    return _SUPPORT_LANGUAGES


_SUPPORT_LANGUAGES: frozenset[str] | None = None


def support_language_named(name: str) -> str | None:
    """The code of a language written out by its name in English or a site language ("english", "svenska"), or None."""
    from babel import Locale

    wanted = name.casefold()
    codes = support_language_codes()
    for lang in ("en", *LANGUAGES):
        for code, shown in Locale(lang).languages.items():
            if code in codes and str(shown).casefold() == wanted:
                return str(code)
    return None


# --- contract terms --------------------------------------------------------------------
# `contract 12 months renews 12 months notice 3 months`: a contract's lengths are counted in the periods
# above, written in the singular or the plural as reads naturally ("1 month", "3 months").

PERIOD_PLURALS: dict[str, str] = {"days": "day", "weeks": "week", "months": "month", "quarters": "quarter", "years": "year"}
"""The plural of each period, as a contract's lengths may be written: `notice 30 days`."""

PERIOD_WORDS: tuple[str, ...] = (*PERIODS, *PERIOD_PLURALS)
"""Every word a length of time in a contract may be counted in: the periods, singular and plural."""


OPEN_ENDED = "open-ended"
"""The word after `then` in `contract 12 months then open-ended`: the contract runs on until further notice."""


def period_named(word: str) -> str | None:
    """The period (singular) a word names, "months" -> "month"; None when it names none."""
    if word in PERIODS:
        return word
    return PERIOD_PLURALS.get(word)

# --- zones that keep one offset all year -----------------------------

FIXED_OFFSET_ZONES: dict[str, str] = {
    "EST": "America/New_York",
    "MST": "America/Denver (America/Phoenix keeps no summer time)",
    "HST": "Pacific/Honolulu",
}
"""IANA names that read like a region's zone but never change to summer time, with the zone usually meant.

`zone EST` is UTC-5 all year: New York's office hours would run an hour late from March to November.
Etc/GMT+5 and the like are fixed offsets too (their sign is reversed: Etc/GMT+5 is UTC-5)."""

# --- availability (uptime) -------------------------------------------------------------------------

AVAILABILITY_PERIOD_DAYS: dict[str, int] = {"day": 1, "week": 7, "month": 30, "quarter": 91, "year": 365}
"""The days of each period an availability is promised per (vocabulary.PERIODS), for the downtime it allows: the
site says "≈ 43 minutes per month" of `availability 99.9% per month` from a month of 30 days (docs/site.md)."""

# --- how vendors really write prices ----------------------------------------------------

PRICE_UNIT_PLURALS: dict[str, str] = {f"{unit}s": unit for unit in PRICE_UNITS}
"""The plural of each price unit, as a minimum quantity is written: `minimum 10 users`."""

PACK_UNITS: tuple[str, ...] = ("hour", "day", "visit", "incident", "intervention")
"""What a prepaid pack holds a number of: `price 650 EUR for 10 hours` (a bank of hours), `for 5 days` (days of
work), `for 3 visits`, `for 10 incidents`, `for 5 interventions`; the units of work of PRICE_UNITS, written singular
or plural. A price for users, seats, devices or the units of infrastructure (servers, sites ...) is per each of them,
not a pack."""

BILLING: dict[str, str] = {"monthly": "month", "quarterly": "quarter", "yearly": "year", "annually": "year"}
"""How often a price is invoiced, as `billed yearly` writes it, with the period it names (`annually` is `yearly`)."""

# --- a set-up fee on top of a recurring price -------------------------------------------

FEES: tuple[str, ...] = ("setup", "set-up")
"""The words that say what an amount paid on top of a price is: `price 1500 EUR per month plus 3000 EUR setup`, a
one-off set-up (onboarding) fee; both spellings name the same fee."""


CURRENCIES: tuple[str, ...] = (
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF",
    "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC",
    "CUC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL",
    "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HRK", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR",
    "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
    "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR",
    "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR",
    "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SLL", "SOS", "SRD", "SSP",
    "STN", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU",
    "UZS", "VES", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG", "ZWL",
)
"""The ISO 4217 codes an amount may be in (T0438), so a slip such as SKE for SEK is not published as a currency of its own:
CLDR's legal tenders of some territory, now or at any time since 2020 (a contract priced in kuna or lev may still run).
Kept here, not read from Babel, so that parsing a price needs no CLDR data; tests/test_limits.py compares the two."""

# --- penalties for missed targets ----------------------------------------------------------

PENALTY_FEES: dict[str, str] = {"monthly": "month", "quarterly": "quarter", "yearly": "year", "annual": "year"}
"""The fee a penalty in percent is a share of, as `0.5% of monthly fee` writes it, with its period (`annual` is `yearly`)."""

PENALTY_UNITS: tuple[str, ...] = (
    "started hour", "hour", "started business hour", "business hour", "started day", "day",
    "started business day", "business day", "occurrence",
)
"""What a penalty is paid per, as `per ...` writes it. An hour or a day is of delay past the target's deadline: a
`started` one counts as soon as it begins ("za każdą rozpoczętą godzinę"), one without the word only when it is
whole. A `business hour` is an hour of the target's calendar's open time; a `business day` (lang14) runs from the
deadline's time of day to the same time on the calendar's next business day ("per ogni giorno lavorativo di ritardo");
an `hour` or a `day` (24 hours) is real time. `occurrence`: once per missed target, however late."""

PENALTY_CONTRACT_VALUE = "contract value"
"""The other thing a penalty in percent may be a share of: the whole contract's value (`10% of contract value`,
"10 % wartości umowy", "10 % del valore del contratto")."""

PENALTY_CAP_PERIODS: tuple[str, ...] = ("month", "quarter", "year", "contract", "occurrence")
"""What a penalty's cap (`at most 10% of monthly fee per month`) sums over: the penalties of one calendar month (quarter,
year) together, those of the contract's whole term (`per contract`), or those of one missed target (`per occurrence`)."""

PENALTY_TOTAL_PERIODS: tuple[str, ...] = ("month", "quarter", "year", "contract")
"""What `penalty total` sums all of a plan's penalties over."""

PENALTY_UNIT_NOUNS: dict[str, tuple[str, ...]] = {"hour": ("hour", "hours"), "day": ("day", "days")}
"""The words a growing penalty's `after N ...` counts in, per the penalty's unit (singular or plural)."""

PENALTY_PER: tuple[str, ...] = ("hour", "day", "occurrence")
"""What a penalty is paid per in the rules (PENALTY_UNITS without `started` and `business`, which are fields of their own)."""

PENALTY_FEE_PERIODS: tuple[str, ...] = tuple(dict.fromkeys(PENALTY_FEES.values()))
"""The periods whose fee a penalty in percent is a share of: month, quarter, year."""
