"""docs/glossary.md is what the catalogs say: its terms appear in the translations, its register holds."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from dsl.language.vocabulary import LANGUAGES
from dsl.site.render import LOCALES
from support.paths import ROOT

# Glossary row (its first column, up to the bracket) -> a site word whose translation must use the term.
USES = {
    "tier": "Tier",
    "priority": "Priority",
    "response times": "Response times",
    "hours counted": "Hours counted",
    "recommended": "Recommended",
    "tiers compared": "Tiers compared",
    "compare all tiers": "Compare all tiers",
    "notes by the editors": "Notes by the editors",
    "channels": "Channels",
    "account manager": "Account manager",
    "email": "E-mail",
    "round the clock": "24×7, all year round",
    "tiers shown side by side": "Tiers shown side by side",
    # Issue 9: the comparison across vendors.
    "all support tiers compared": "All support tiers compared",
    "who answers first?": "Who answers first?",
    "highest / lowest priority": "Highest priority",
    "business hours": "Business hours",
    "around the clock": "Around the clock",
    "chat": "Chat",
    "workaround": "Workaround",
    # Format 1.6: the metric on-site.
    "technician on site": "Technician on site",
    # `language en only`: the note on the vendor's pages in other languages.
    "offer": "Of this site’s languages, the offer is available in English only.",
    "available in English only": "Of this site’s languages, the offer is available in English only.",
    "of this site’s languages": "Of this site’s languages, the offer is available only in these: %(languages)s.",
    # An obligation for some priorities only ("Critical and High only"), worded as a channel's.
    "only": "%(priorities)s only",
    # Availability (uptime), service credits and maintenance windows.
    "availability": "Promised availability",
    "service credit": "Service credit (share of the period's fee)",
    "no service credits": "No service credits",
    # A price: support included in a licence or subscription (`price included in licence`), not "free".
    "included in the licence / subscription / price": "Included in the licence",
    "scheduled maintenance": "Scheduled maintenance (not counted as downtime)",
    "downtime": "Allowed downtime",
    # Session 21: a percentage's least amount and billing (the bases are inflected: Polish "ceny subskrypcji").
    "at least": "%(price)s, at least %(minimum)s",
    "billed yearly / quarterly / monthly": "billed yearly",
    # The units of infrastructure and the kind `sms`.
    "per server": "%(price)s per server",
    "per node": "%(price)s per node",
    "per workstation": "%(price)s per workstation",
    "per site": "%(price)s per site",
    "per connection": "%(price)s per connection",
    "SMS": "SMS",
    # Penalties for missed targets (kary umowne, penale, vite).
    "penalty for delay": "Penalty for delay",
    "no penalties": "No penalties",
    "of the monthly / quarterly / annual fee": "%(amount)s of the monthly fee",
    "per started hour of delay": "%(amount)s per started hour of delay",
    "per started day of delay": "%(amount)s per started day of delay",
    "per started business day of delay": "%(amount)s per started business day of delay",
    "per missed target": "%(amount)s per missed target",
    "of the contract value": "%(amount)s of the contract value",
    "over the whole contract": "at most %(cap)s over the whole contract",
    "on the day before": "%(hours)s; on the day before %(holidays)s %(eve)s",
    # The general case on the comparison, named by the kinds of case it leaves out ("Any case other than cases escalated …").
    "any case other than": "Any case other than %(cases)s",
    # A phone's tier table with a tier unticked.
    "not every tier is shown: choose tiers": "Not every tier is shown: choose tiers",
}


def glossary() -> dict[str, dict[str, str]]:
    """The glossary's first table: term -> {lang: word}."""
    rows: dict[str, dict[str, str]] = {}
    text = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8").split("## ", 1)[0]
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0] not in ("term", "---"):
            term = re.sub(r"\s*\(.*\)$", "", cells[0])
            rows[term] = dict(zip(("sv", "it", "pl", "en"), cells[1:], strict=True))
    return rows


def catalog(lang: str) -> dict[str, str]:
    with open(LOCALES / lang / "LC_MESSAGES" / "messages.po", "rb") as fh:
        return {m.id: m.string for m in read_po(fh) if isinstance(m.id, str) and m.id}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_catalogs_use_the_glossarys_terms(lang: str) -> None:
    terms, words = glossary(), catalog(lang)
    for term, msgid in USES.items():
        wanted = re.sub(r"\s*\(.*\)$", "", terms[term][lang]).split(" / ")[0].lower()
        assert wanted in words[msgid].lower(), (lang, term, wanted, words[msgid])


# The register docs/glossary.md fixes: Italian voi, Polish impersonal or Państwo, Swedish without "ni".
REGISTER = {
    "it": r"\b(tu|tuo|tua|tuoi|scegli|inserisci|hai|contatta)\b",
    "pl": r"\b(ty|twój|twoja|twoje|twojej|twoim|otrzymasz|wybierz|podaj|skontaktuj)\b",
    "sv": r"\b(ni|er|ert|era)\b",
}


@pytest.mark.parametrize("lang", sorted(REGISTER))
def test_the_catalogs_keep_the_glossarys_register(lang: str) -> None:
    found = {msgid: s for msgid, s in catalog(lang).items() if re.search(REGISTER[lang], s, re.I)}
    assert found == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_catalogs_write_one_kind_of_apostrophe(lang: str) -> None:
    # The Italian comparison once read "Quando l’assistenza è disponibile" above "quando l'assistenza
    # è disponibile"; English mixed "The vendor’s commitments" with "The vendor's own website".
    straight = {msgid: s for msgid, s in catalog(lang).items() if "'" in (s if isinstance(s, str) else "".join(s))}
    assert straight == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_response_times_are_one_term_wherever_they_are_named(lang: str) -> None:
    # Polish cards once said "Czasy odpowiedzi nie są opublikowane" under the site's "Czasy reakcji".
    words = catalog(lang)
    term = words["Response times"].split()[-1].lower()  # the noun's constant part: svarstider, risposta, reakcji
    term = {"svarstider": "svarstid"}.get(term, term)  # Swedish inflects the compound itself (svarstiderna)
    for msgid in ("Response times not published", "Response times not stated by the vendor"):
        assert term in words[msgid].lower(), (lang, msgid, words[msgid])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_plans_name_the_first_response_with_the_glossarys_term(shipped, lang: str) -> None:
    # The vendors' own name for the metric heads its table and the calculator's "Deadline for": Esri's Polish said
    # "Czas odpowiedzi" where Amanda's, Stratiteq's and Synerity's (and the site's "Czasy reakcji") say "czas reakcji".
    term = glossary()["response times"][lang].split()[-1].lower()  # svarstider, risposta, reakcji, times
    term = {"svarstider": "svarstid", "times": "response"}.get(term, term)  # a metric is named in the singular
    for vendor in shipped.vendors:
        for metric in vendor.metrics:
            if metric.metric == "first-response" and metric.name is not None:
                name = dict(metric.name.values).get(lang) or dict(metric.name.values).get("*", "")
                assert term in name.lower(), (vendor.id, lang, name)


def test_the_polish_plan_texts_say_response_times_as_the_glossary_does() -> None:
    # Esri's and Infor's Polish features said "czas rejestracji i odpowiedzi", "czasy odpowiedzi" beside the site's
    # "Czasy reakcji" on the same page.
    said = []
    for path in sorted((ROOT / "plans").glob("*.plan")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.lstrip().startswith("#") and re.search(r"\bczas\w*\s+(?:\w+\s+i\s+)?odpowiedzi\b", line, re.IGNORECASE):
                said.append(f"{path.name}:{number}: {line.strip()}")
    assert said == []


# A plan file's texts: a language key and its string, one- or three-quoted (the grammar's STRING); comments skipped.
PLAN_TEXT = re.compile(r'#[^\n]*|\b(sv|it|pl|en)\s+("""[\s\S]*?"""|"[^"\\\n]*(?:\\.[^"\\\n]*)*")')

# The plan texts' register, as the catalogs' (REGISTER) with the forms the reviews found in the vendors' texts:
# Amanda's "z Tobą", "możesz zmienić", Esri's "Zadzwoń do nas", "I tuoi dati personali", "Chiamaci".
PLAN_REGISTER = {
    "it": REGISTER["it"][:-3] + r"|ti|puoi|fornisci|ascolta|chiamaci|inviaci|scrivici|contattaci)\b",
    "pl": REGISTER["pl"][:-3] + r"|tobą|tobie|cię|ciebie|twoich|twojego|możesz|pamiętaj|posłuchaj|zadzwoń|wyślij|zakładaj)\b",
}


def plan_texts(lang: str | None = None) -> list[tuple[str, str]]:
    """Every text of the shipped plan files (in `lang`, or in any language), with where it stands."""
    found = []
    for path in sorted((ROOT / "plans").glob("*.plan")):
        source = path.read_text(encoding="utf-8")
        for match in PLAN_TEXT.finditer(source):
            if match.group(1) and lang in (None, match.group(1)):
                found.append((f"{path.name}:{source.count(chr(10), 0, match.start()) + 1}", match.group(2)))
    return found


@pytest.mark.parametrize("lang", sorted(PLAN_REGISTER))
def test_the_plan_texts_keep_the_glossarys_register(lang: str) -> None:
    said = [(where, m.group(0)) for where, text in plan_texts(lang) if (m := re.search(PLAN_REGISTER[lang], text, re.I))]
    assert said == []


def test_the_plan_texts_write_typographic_apostrophes() -> None:
    # About a hundred "dell'assistenza", "Infor's" stood beside the catalogs' "l’assistenza", "the vendor’s".
    assert [where for where, text in plan_texts() if "'" in text] == []
