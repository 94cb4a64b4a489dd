"""Sentences a careful customer reads on the pages (session 21's review on a phone and a desktop, sv and pl)."""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from dsl.cli import main
from dsl.language.model import Project
from dsl.site import compare
from dsl.site import formatting as fmt
from dsl.site import views as site
from support.paths import PLANS, ROOT
from support.site import plain, words


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_a_clock_round_the_clock_starts_as_a_weekday_clock_does(shipped: Project, lang: str) -> None:
    # It stands after a colon ("Ärenden tas emot: dygnet runt, …", "Przyjmowanie zgłoszeń: całodobowo, …") and in
    # the same cells as "mån–fre 08:00–17:00": Swedish and Polish write both in lower case, as the glossary does.
    reader = site.Reader(lang, words()[lang])
    always = reader.gettext("24×7, all year round")
    weekday = site.fmt.weekday_range(0, 4, lang)
    if always[0].isalpha() and weekday[0].isalpha():
        assert always[0].isupper() == weekday[0].isupper(), (always, weekday)


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_a_tier_priced_per_segment_gives_each_segment_a_line_in_the_comparison(shipped: Project, lang: str) -> None:
    synerity = shipped.vendor("synerity")
    gold = next(p for p in synerity.plans if p.id == "gold")
    text = str(compare.price_cell(gold, synerity, site.Reader(lang, words()[lang], synerity)).text)
    lines = text.split("<br>")
    assert len(lines) == 2 and "; " not in text, text


def test_polish_writes_nie_together_with_an_adjectival_participle() -> None:
    # "Nie opublikowany przez dostawcę", "(nie wliczane do niedostępności)": Polish spelling writes "nieopublikowany",
    # "niewliczane" (separately only to contrast, which these are not).
    catalog = words()["pl"]._catalog
    separate = [
        text
        for text in catalog.values()
        if isinstance(text, str) and re.search(r"\b[Nn]ie \w+(?:any|ony|ana|ona|ane|one)\b", text)
    ]
    assert separate == []


# --- the comparison's lead, the worked example's priority, the general case beside a kind of case -----------------

LEAD = re.compile(r'<p class="lead">(.*?)</p>', re.S)
META = re.compile(r'<meta name="description" content="([^"]*)">')
FACTS = {  # a column's key -> the words the lead names it by (both first-response columns: response times)
    "price": "price", "coverage": "when support is available", "top": "response times", "low": "response times",
    "channels": "channels", "languages": "languages of support", "availability": "promised availability",
    "penalties": "penalties for delay",
}
AVAILABILITY = ROOT / "docs" / "language.md"  # its availability example: a vendor that states availability and nothing else


def _availability_plan() -> str:
    text = AVAILABILITY.read_text(encoding="utf-8")
    return text[text.index("## Availability, service credits and maintenance"):].split("```\n", 2)[1]


def _build(folder: Path, shipped_plans: bool, availability: bool) -> Path:
    plans = folder / "plans"
    if shipped_plans:
        shutil.copytree(PLANS, plans)
    else:
        plans.mkdir(parents=True)
    if availability:
        (plans / "uptime.plan").write_text(_availability_plan(), encoding="utf-8")
    assert main(["--project", str(folder), "build", "--quiet"]) == 0
    return folder / "_site"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Built sites: the shipped plans (languages and penalties columns), with a vendor promising availability (every
    column), and that vendor alone (no languages or penalties columns)."""
    return {
        "shipped": _build(tmp_path_factory.mktemp("shipped"), True, False),
        "all": _build(tmp_path_factory.mktemp("all"), True, True),
        "uptime": _build(tmp_path_factory.mktemp("uptime"), False, True),
    }


def _lead(page: str) -> str:
    found = LEAD.search(page)
    assert found is not None
    return plain(unescape(found.group(1)))


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
@pytest.mark.parametrize("name", ["shipped", "all", "uptime"])
def test_the_comparisons_lead_names_what_its_columns_compare(sites: dict[str, Path], name: str, lang: str) -> None:
    # The lead said "price, when support is available, response times and channels" above a table that also compared
    # languages of support and penalties for delay (and, on a site whose vendors promise it, availability).
    page = (sites[name] / lang / "compare" / "index.html").read_text(encoding="utf-8")
    keys = re.findall(r'<th scope="col" data-key="([a-z]+)"', page)
    catalog = words()[lang]
    lead = _lead(page)
    for key, fact in FACTS.items():
        said = plain(catalog.gettext(fact))
        assert (said in lead) == (key in keys), (key, said, lead)
        if lang != "en":
            assert said != fact, fact
    # One list in the page's language: the last two joined by its "and", the lead once more as the page's description.
    named = list(dict.fromkeys(plain(catalog.gettext(FACTS[k])) for k in keys if k in FACTS))
    assert plain(fmt.listing(named, lang)) in lead
    meta = META.search(page)
    assert meta is not None and plain(unescape(meta.group(1))) == lead


def test_the_comparisons_lead_in_english(sites: dict[str, Path]) -> None:
    start = "Every support tier of every vendor side by side: "
    assert _lead((sites["all"] / "en" / "compare" / "index.html").read_text(encoding="utf-8")) == start + (
        "price, when support is available, response times, channels, languages of support, promised availability and"
        " penalties for delay."
    )
    assert _lead((sites["uptime"] / "en" / "compare" / "index.html").read_text(encoding="utf-8")) == start + (
        "price, when support is available, response times, channels and promised availability."
    )


def _question(page: str) -> str:
    """The worked example's question, as a reader sees it."""
    table = page.split('id="m-first-response"', 1)[1].split("</table>", 1)[1]  # the sentence stands under the table
    found = re.match(r"\s*<p>(.*?)</p>", table, re.S)
    assert found is not None
    return plain(unescape(re.sub(r"<[^>]+>", "", found.group(1)))).split("?", 1)[0] + "?"


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
@pytest.mark.parametrize("vendor_id", ["amanda", "cassalink", "norrdrift", "stratiteq", "wisla"])
def test_the_worked_example_names_its_priority_as_the_calculator_offers_it(sites: dict[str, Path], vendor_id: str, lang: str) -> None:
    # "A priority P1 ticket …?" showed the id only, where the tables and the calculator under it say "P1 – Critical".
    page = (sites["shipped"] / lang / vendor_id / "index.html").read_text(encoding="utf-8")
    select = re.search(r'<select id="c-priority" name="priority"><option value="([^"]+)"[^>]*>([^<]+)</option>', page)
    assert select is not None
    level, offered = select.group(1), plain(unescape(select.group(2)))
    assert offered.startswith(f"{level} – ") and len(offered) > len(level) + 3
    question = _question(page)
    assert offered in question, (offered, question)
    # The name stands where it needs no case ending of its own: at the end of the question, or before a comma.
    after = question.split(offered, 1)[1]
    assert after[:1] in ("?", ","), question


def test_the_worked_examples_question_in_every_language(sites: dict[str, Path]) -> None:
    said = {lang: _question((sites["shipped"] / lang / "wisla" / "index.html").read_text(encoding="utf-8")) for lang in ("sv", "it", "pl", "en")}
    assert said == {
        "en": "A ticket with priority A – Critical failure, reported on Friday at 16:00 Polish time?",
        "sv": "Ett ärende med prioritet A – Kritiskt fel, anmält fredag kl. 16:00 polsk tid?",
        "it": "Una richiesta con priorità A – Guasto critico, segnalata venerdì alle 16:00, ora polacca?",
        "pl": "Zgłoszenie w piątek o 16:00 czasu polskiego, priorytet A – Awaria krytyczna?",
    }


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("en", "Any case other than cases escalated to Esri Inc"),
        ("sv", "Alla ärenden utom ärenden som eskaleras till Esri Inc"),
        ("it", "Tutti i casi non classificati come casi inoltrati a Esri Inc"),  # "eccetto casi …" lacked the article; "come" takes none
        ("pl", "Zgłoszenia inne niż zgłoszenia eskalowane do Esri Inc"),
    ],
)
def test_esris_general_case_names_the_case_it_leaves_out(sites: dict[str, Path], lang: str, label: str) -> None:
    # "Who answers first?" shows the first response cell's label alone (assets/compare.js), without the escalated
    # case's line under it: "Any other case" did not say other than what.
    page = (sites["shipped"] / lang / "compare" / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr [^>]*data-plan="esri/extended-3".*?</tr>', page, re.S)
    assert row is not None
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(0), re.S)
    smalls = [plain(unescape(re.sub(r"<[^>]+>", "", s))) for s in re.findall(r"<small[^>]*>(.*?)</small>", cells[2], re.S)]
    assert smalls[0] == label, smalls
    # Where no case has a time of its own (Extended support 1), the time is for every request, as before.
    plain_row = re.search(r'<tr [^>]*data-plan="esri/extended-1".*?</tr>', page, re.S)
    assert plain_row is not None and words()[lang].gettext("Every request") in plain_row.group(0)


@pytest.mark.parametrize(
    ("lang", "said", "twice"),
    [
        ("pl", "Tylko w: Pakiet Rozszerzony", "w pakiecie Pakiet"),
        ("en", "Only in the Extended package", "Extended package tier"),
        ("sv", "Endast i Utökat paket", "nivån Utökat paket"),
        ("it", "Solo con Pacchetto Esteso", "livello Pacchetto"),
    ],
)
def test_a_tier_whose_name_says_tier_is_not_called_a_tier_again(sites: dict[str, Path], lang: str, said: str, twice: str) -> None:
    """Wisła's on-call phone is only in its "Pakiet Rozszerzony": the contact list said "Tylko w pakiecie Pakiet
    Rozszerzony" (and "Only in the Extended package tier"). A tier named without the word keeps it."""
    page = plain((sites["shipped"] / lang / "wisla" / "index.html").read_text(encoding="utf-8"))
    assert said in page and twice not in page
    english = plain((sites["shipped"] / "en" / "infor" / "index.html").read_text(encoding="utf-8"))
    assert "Only in the Xtreme Elite tier" in english


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_each_language_names_its_own_words_for_a_tier(lang: str) -> None:
    """`views.names_say_tier` reads the page language's words for a tier from the catalog: the glossary's term first."""
    reader = site.Reader(lang, words()[lang])
    listed = [w.strip() for w in reader.gettext("tier, package, plan, level, edition").split(",")]
    glossary_term = {"sv": "nivå", "it": "livello", "pl": "pakiet", "en": "tier"}[lang]
    assert listed[0] == glossary_term and all(w and " " not in w for w in listed)
    assert site.names_say_tier([site.Markup(f"X {listed[1]}")], reader)
    assert not site.names_say_tier([site.Markup("Gold")], reader)


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        ("sv", "Alla detaljer om nivån", "Jämför alla nivåer"),
        ("it", "Tutti i dettagli del livello", "Confronta tutti i livelli"),
        ("pl", "Wszystkie szczegóły pakietu", "Porównaj wszystkie pakiety"),
        ("en", "All details of the tier", "Compare all tiers"),
    ],
)
def test_a_vendor_of_one_tier_has_no_link_to_compare_all_its_tiers(sites: dict[str, Path], lang: str, one: str, many: str) -> None:
    # Stratiteq sells one tier: its card's "Compare all tiers" promised a comparison of one.
    links = {
        vendor: re.findall(r'<a class="cta" href="#compare">(.*?)</a>', (sites["shipped"] / lang / vendor / "index.html").read_text(encoding="utf-8"))
        for vendor in ("stratiteq", "synerity")
    }
    assert links == {"stratiteq": [one], "synerity": [many] * 3}
