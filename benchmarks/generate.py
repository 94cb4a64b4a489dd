"""Generated vendors for the build benchmark: N plan files in the language, and the same content as a Hugo site.

Each vendor is realistic for the site: an intro in Markdown, two customer segments, a priority scheme
with an impact x urgency matrix, a calendar, 25 features (in 5 categories) whose descriptions are
Markdown, four tiers that extend each other with prices per segment, cells of every kind and response
targets per priority, everything in Swedish, Italian, Polish and English. Texts mix words that differ
per vendor with phrases many vendors share, as real offers do (so a cache of rendered texts is neither
all hits nor all misses).

`write_plans(folder, n)` writes plans/vNNNN.plan (plus plans/shared.plan); `write_hugo(folder, n)`
writes a Hugo project whose pages show the same tables through `markdownify`; `write_hugo(folder, n,
equivalent=True)` one whose files are Tierwise's own for the same vendors (write_hugo_equivalent).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

LANGS = ("sv", "it", "pl", "en")

WORDS = {
    "sv": "support ärende svar kund drift tjänst avtal system fel lösning hjälp tekniker nivå kontakt vecka månad".split(),
    "it": "assistenza caso risposta cliente servizio contratto sistema errore soluzione aiuto tecnico livello contatto settimana mese".split(),
    "pl": "wsparcie zgłoszenie odpowiedź klient usługa umowa system błąd rozwiązanie pomoc technik poziom kontakt tydzień miesiąc".split(),
    "en": "support case answer customer service agreement system fault solution help engineer level contact week month".split(),
}

SHARED = {
    "sv": ("Ingår i alla nivåer", "8 timmar", "På begäran", "Obegränsat"),
    "it": ("Incluso in tutti i livelli", "8 ore", "Su richiesta", "Illimitato"),
    "pl": ("W każdym pakiecie", "8 godzin", "Na życzenie", "Bez limitu"),
    "en": ("Included in every tier", "8 hours", "On request", "Unlimited"),
}

TIERS = ("basic", "silver", "gold", "platinum")
CATEGORIES = ("access", "tickets", "people", "reviews", "extras")
PRIORITIES = ("P1", "P2", "P3", "P4")

# The names every generated plan gives its segments, metric, priority levels, impacts, urgencies and categories, in
# LANGS' order (plan_text writes them; the equivalent Hugo site's front matter holds them as the plan does).
SEGMENTS = {"small": ("Små företag", "Piccole imprese", "Małe firmy", "Small companies"),
            "large": ("Stora företag", "Grandi imprese", "Duże firmy", "Large companies")}
METRIC_NAME = ("Svarstid", "Tempo di risposta", "Czas odpowiedzi", "Response time")
LEVEL_WORD = ("Nivå", "Livello", "Poziom", "Level")
IMPACTS = {"high": ("Stor påverkan", "Impatto elevato", "Duży wpływ", "High impact"),
           "low": ("Liten påverkan", "Impatto basso", "Niewielki wpływ", "Low impact")}
URGENCIES = {"high": ("Hög brådska", "Urgenza alta", "Wysoka pilność", "High urgency"),
             "low": ("Låg brådska", "Urgenza bassa", "Niska pilność", "Low urgency")}
GROUP_WORD = ("Grupp", "Gruppo", "Grupa", "Group")
MATRIX = {"high": ("P1", "P2"), "low": ("P3", "P4")}
"""The plan's matrix as it writes it: a row per urgency, a column per impact (IMPACTS' order)."""


def _names(names: tuple[str, ...]) -> str:
    return "{ " + " ".join(f'{lang} "{name}"' for lang, name in zip(LANGS, names, strict=True)) + " }"


def _q(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _phrase(rng: random.Random, lang: str, n: int) -> str:
    return " ".join(rng.choice(WORDS[lang]) for _ in range(n))


def _markdown(rng: random.Random, lang: str, vendor: str, k: int) -> str:
    """A short Markdown text: emphasis, sometimes a list or a link, words that depend on the vendor."""
    first = f"**{_phrase(rng, lang, 2).capitalize()}** {_phrase(rng, lang, 6)} ({vendor}, {k})."
    kind = rng.randrange(3)
    if kind == 0:
        return first + f" *{_phrase(rng, lang, 4)}*."
    if kind == 1:
        return first + f"\\n\\n- {_phrase(rng, lang, 3)}\\n- {_phrase(rng, lang, 3)}"
    return first + f" [{_phrase(rng, lang, 2)}](https://example.com/{vendor.split()[1]}/{k})."


def _texts(make) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {lang: make(lang) for lang in LANGS}


def _block(texts: dict[str, str]) -> str:
    return "{ " + " ".join(f'{lang} "{texts[lang]}"' for lang in LANGS) + " }"


def vendor_data(i: int) -> dict[str, object]:
    """The content of vendor number i, the same for both generators (seeded by i)."""
    rng = random.Random(i)
    vid = f"v{i:04d}"
    name = f"Vendor {i:04d} " + rng.choice(("AB", "S.p.A.", "Sp. z o.o.", "Ltd"))
    data: dict[str, object] = {"id": vid, "name": name, "language": LANGS[i % 4]}
    data["intro"] = _texts(lambda lang: _markdown(rng, lang, name, 0))
    data["features"] = [
        {
            "id": f"f{k:02d}",
            "category": CATEGORIES[(k - 1) // 5],
            "label": _texts(lambda lang, k=k: f"{_phrase(rng, lang, 3).capitalize()} {k}"),
            "description": _texts(lambda lang, k=k: _markdown(rng, lang, name, k)),
        }
        for k in range(1, 26)
    ]
    base = rng.choice((90, 120, 150, 200))
    tiers = []
    for t, tier in enumerate(TIERS):
        cells = {}
        for k in range(1, 26):
            if k > 8 + t * 6:
                cells[f"f{k:02d}"] = ("no", None)
            elif k % 5 == 0:
                cells[f"f{k:02d}"] = ("text", _texts(lambda lang, k=k: SHARED[lang][k % 4]))
            elif k % 7 == 0:
                cells[f"f{k:02d}"] = ("quantity", 2 + t)
            else:
                cells[f"f{k:02d}"] = ("yes", None)
        tiers.append(
            {
                "id": tier,
                "name": tier.capitalize(),
                "description": _texts(lambda lang, t=t: _markdown(rng, lang, name, 100 + t)),
                "prices": {"small": base * (t + 1), "large": base * (t + 1) * 3},
                "cells": cells,
                "targets": {p: (2 ** (n + 1)) * (4 - t) for n, p in enumerate(PRIORITIES)},
            }
        )
    data["tiers"] = tiers
    return data


SHARED_PLAN = """# Shared by every generated vendor.
calendar office-hours {
  name { sv "Vardagar 08–17" it "Giorni feriali 8–17" pl "Dni robocze 8–17" en "Weekdays 8–17" }
  zone Europe/Stockholm
  open mon-fri 08:00-17:00
  closed holidays SE
}
"""


def plan_text(data: dict[str, object]) -> str:
    """One vendor's plan file."""
    vid = str(data["id"])
    lines = [f"vendor {vid} {{", f'  name "{_q(str(data["name"]))}"', f"  language {data['language']}"]
    lines.append(f"  intro {_block(data['intro'])}")  # type: ignore[arg-type]
    for segment, names in SEGMENTS.items():
        lines.append(f"  segment {segment} {_names(names)}")
    lines.append(f"  metric first-response {{ name {_names(METRIC_NAME)} }}")
    lines.append(f"  priorities {vid}-priorities {{")
    lines.append('    name { sv "Prioriteter" it "Priorità" pl "Priorytety" en "Priorities" }')
    for n, p in enumerate(PRIORITIES):
        lines.append(f"    level {p} {{ name {_names(tuple(f'{word} {n + 1}' for word in LEVEL_WORD))} }}")
    for impact, names in IMPACTS.items():
        lines.append(f"    impact {impact} {_names(names)}")
    for urgency, names in URGENCIES.items():
        lines.append(f"    urgency {urgency} {_names(names)}")
    lines.append("    matrix {\n" + "".join(f"      {u}: {', '.join(row)}\n" for u, row in MATRIX.items()) + "    }")
    lines.append("  }")
    for cat in CATEGORIES:
        lines.append(f"  category {cat} {_names(tuple(f'{word} {cat}' for word in GROUP_WORD))}")
    for feature in data["features"]:  # type: ignore[attr-defined]
        lines.append(f"  feature {feature['id']} in {feature['category']} {{")
        lines.append(f"    label {_block(feature['label'])}")
        lines.append(f"    description {_block(feature['description'])}")
        lines.append("  }")
    previous = None
    for tier in data["tiers"]:  # type: ignore[attr-defined]
        extends = f" extends {previous}" if previous else ""
        lines.append(f"  plan {tier['id']}{extends} {{")
        lines.append(f'    name "{tier["name"]}"')
        lines.append(f"    description {_block(tier['description'])}")
        for segment, amount in tier["prices"].items():
            lines.append(f"    price {segment} {amount} EUR per user per month")
        lines.append("    features {")
        for fid, (kind, value) in tier["cells"].items():
            shown = {"yes": "yes", "no": "no", "text": _block(value) if kind == "text" else "", "quantity": f"{value} per month"}[kind]
            lines.append(f"      {fid}: {shown}")
        lines.append("    }")
        for p, hours in tier["targets"].items():
            lines.append(f"    target first-response {p} {hours}h on office-hours")
        lines.append("  }")
        previous = tier["id"]
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_plans(root: Path, n: int) -> list[Path]:
    """Write root/plans/shared.plan and root/plans/v0001.plan ... for n vendors; returns the vendor files."""
    plans = root / "plans"
    plans.mkdir(parents=True, exist_ok=True)
    (plans / "shared.plan").write_text(SHARED_PLAN, encoding="utf-8")
    paths = []
    for i in range(1, n + 1):
        path = plans / f"v{i:04d}.plan"
        path.write_text(plan_text(vendor_data(i)), encoding="utf-8")
        paths.append(path)
    return paths


# --- Hugo -------------------------------------------------------------------------------------

HUGO_CONFIG = {
    "baseURL": "https://tierwise.example/",
    "defaultContentLanguage": "en",
    "defaultContentLanguageInSubdir": True,
    "disableKinds": ["taxonomy", "term", "RSS"],
    "markup": {"goldmark": {"renderer": {"unsafe": False}}},
    "languages": {
        lang: {"contentDir": f"content/{lang}", "weight": n + 1, "languageCode": lang, "languageName": name}
        for n, (lang, name) in enumerate(zip(LANGS, ("Svenska", "Italiano", "Polski", "English"), strict=True))
    },
}

HUGO_SINGLE = """<!doctype html>
<html lang="{{ .Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">{{ end }}
</head><body>
<nav>{{ range .AllTranslations }}<a href="{{ .RelPermalink }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>
<h1>{{ .Title }}</h1>
<div class="intro">{{ .Params.intro | markdownify }}</div>
<table>
<thead><tr><th></th>{{ range .Params.tiers }}<th>{{ .name }}<div>{{ .description | markdownify }}</div>
{{ range $s, $p := .prices }}<p>{{ $s }}: {{ lang.FormatCurrency 0 "EUR" $p }}</p>{{ end }}</th>{{ end }}</tr></thead>
<tbody>
{{ $tiers := .Params.tiers }}
{{ range .Params.features }}{{ $f := . }}<tr><th>{{ .label }}<div>{{ .description | markdownify }}</div></th>
{{ range $tiers }}{{ $c := index .cells $f.id }}<td>{{ if eq (index $c 0) "yes" }}&#10003;{{ else if eq (index $c 0) "no" }}&ndash;
{{- else if eq (index $c 0) "text" }}{{ index $c 1 | markdownify }}{{ else }}{{ index $c 1 }}{{ end }}</td>{{ end }}</tr>
{{ end }}
{{ range $p := slice "P1" "P2" "P3" "P4" }}<tr><th>{{ $p }}</th>{{ range $tiers }}<td>{{ index .targets $p }} h</td>{{ end }}</tr>{{ end }}
</tbody></table>
</body></html>
"""

HUGO_LIST = """<!doctype html>
<html lang="{{ .Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
<ul>{{ range .RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.intro | markdownify }}</li>{{ end }}</ul>
</body></html>
"""


def hugo_page(data: dict[str, object], lang: str, same_files: bool = False) -> str:
    """One vendor's page content in one language: JSON front matter holding what the table shows.

    `same_files`: the page also has its embeddable table and, in one language only (Tierwise writes one rule file
    per vendor, not per language), its rules.
    """

    def pick(texts: dict[str, str]) -> str:
        return texts[lang].replace("\\n", "\n")

    front = {
        "title": data["name"],
        "slug": data["id"],
        "translationKey": data["id"],
        "intro": pick(data["intro"]),  # type: ignore[arg-type]
        "features": [
            {"id": f["id"], "label": pick(f["label"]), "description": pick(f["description"])}
            for f in data["features"]  # type: ignore[attr-defined]
        ],
        "tiers": [
            {
                "name": t["name"],
                "description": pick(t["description"]),
                "prices": t["prices"],
                "targets": t["targets"],
                "cells": {fid: [kind, pick(v) if kind == "text" else v] for fid, (kind, v) in t["cells"].items()},
            }
            for t in data["tiers"]  # type: ignore[attr-defined]
        ],
    }
    if same_files:
        front["outputs"] = ["html", "embed", "rules"] if lang == "en" else ["html", "embed"]
    return json.dumps(front, ensure_ascii=False) + "\n"


# The same files as Tierwise writes, for `write_hugo(..., same_files=True)`: besides each vendor's page, its
# embeddable tier table (a second HTML output of the page) and its rules (a JSON output of the page's data,
# indented as Tierwise indents its rule files), and per language a comparison page with every vendor's tiers,
# prices and response targets side by side.
HUGO_SAME_FILES_CONFIG = {
    **HUGO_CONFIG,
    "outputFormats": {
        "embed": {"mediaType": "text/html", "baseName": "embed", "isHTML": True, "notAlternative": True},
        "rules": {"mediaType": "application/json", "baseName": "rules", "isPlainText": True, "notAlternative": True},
    },
    "outputs": {"page": ["html", "embed", "rules"], "home": ["html"], "section": ["html"]},
}

HUGO_TABLE = HUGO_SINGLE[HUGO_SINGLE.index("<table>") : HUGO_SINGLE.index("</table>") + len("</table>")]

HUGO_EMBED = """<div class="tierwise-embed" lang="{{ .Language.Lang }}"><h2>{{ .Title }}</h2>
""" + HUGO_TABLE + """
</div>
"""

HUGO_RULES = """{{ dict "vendor" .Params.slug "language" .Language.Lang "tiers" .Params.tiers | jsonify (dict "indent" "  ") }}
"""

HUGO_COMPARE = """<!doctype html>
<html lang="{{ .Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
<h1>{{ .Title }}</h1>
<table><thead><tr><th></th><th></th><th>P1</th><th>P2</th><th>P3</th><th>P4</th></tr></thead><tbody>
{{ range where .Site.RegularPages "Params.tiers" "!=" nil }}{{ $v := . }}{{ range .Params.tiers }}{{ $t := . }}
<tr><th><a href="{{ $v.RelPermalink }}">{{ $v.Title }}</a></th>
<td>{{ .name }}{{ range $s, $p := .prices }}<p>{{ $s }}: {{ lang.FormatCurrency 0 "EUR" $p }}</p>{{ end }}</td>
{{ range $p := slice "P1" "P2" "P3" "P4" }}<td>{{ index $t.targets $p }} h</td>{{ end }}</tr>
{{ end }}{{ end }}</tbody></table>
</body></html>
"""


def write_hugo(root: Path, n: int, same_files: bool = False, equivalent: bool = False) -> None:
    """A Hugo project with the same n vendors in four languages (and, `same_files`, the same files as Tierwise writes).

    `equivalent`: Tierwise's pages themselves, section by section (write_hugo_equivalent; README, "Hugo, equivalent pages").
    """
    if equivalent:
        write_hugo_equivalent(root, n)
        return
    (root / "layouts" / "_default").mkdir(parents=True, exist_ok=True)
    config = HUGO_SAME_FILES_CONFIG if same_files else HUGO_CONFIG
    (root / "hugo.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    (root / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (root / "layouts" / "_default" / "list.html").write_text(HUGO_LIST, encoding="utf-8")
    (root / "layouts" / "index.html").write_text(HUGO_LIST.replace(".RegularPages", ".Site.RegularPages"), encoding="utf-8")
    if same_files:
        (root / "layouts" / "_default" / "single.embed.html").write_text(HUGO_EMBED, encoding="utf-8")
        (root / "layouts" / "_default" / "single.rules.json").write_text(HUGO_RULES, encoding="utf-8")
        (root / "layouts" / "_default" / "compare.html").write_text(HUGO_COMPARE, encoding="utf-8")
    for lang in LANGS:
        (root / "content" / lang).mkdir(parents=True, exist_ok=True)
        if same_files:
            compare = {"title": "Compare", "slug": "compare", "layout": "compare", "outputs": ["html"], "translationKey": "compare"}
            (root / "content" / lang / "compare.md").write_text(json.dumps(compare) + "\n", encoding="utf-8")
    for i in range(1, n + 1):
        data = vendor_data(i)
        for lang in LANGS:
            (root / "content" / lang / f"{data['id']}.md").write_text(hugo_page(data, lang, same_files), encoding="utf-8")


# --- Hugo, equivalent pages -------------------------------------------------------------------
#
# `write_hugo(..., equivalent=True)`: a Hugo site whose pages are Tierwise's pages for the same vendors, section by
# section (benchmarks/hugo_equivalent/layouts/, read by a Hugo author from site_templates/ and the HTML Tierwise
# writes). The rules of fairness are in benchmarks/README.md ("Hugo, equivalent pages"); in short: Hugo gets what a
# plan file holds (texts with their Markdown raw, numbers raw) as JSON front matter and renders it itself; only what
# Hugo cannot compute is precomputed, and each such value is named here.

EQUIVALENT_LAYOUTS = Path(__file__).resolve().parent / "hugo_equivalent"
CHECKOUT_ROOT = Path(__file__).resolve().parents[1]

# The site's words a generated vendor's pages use: Hugo's i18n key -> the msgid in locales/*/LC_MESSAGES/messages.po
# (a pair: singular and plural msgid). Hugo's bundles (i18n/sv.toml ...) are generated from the catalogs, so Hugo's
# pages say what Tierwise's say; `%(name)s` becomes `{{ .name }}`, a plural's count `{{ .Count }}`.
I18N_MSGIDS: dict[str, str | tuple[str, str]] = {
    "page_title": "%(vendor)s support tiers compared",
    "page_description": "Support tiers of %(vendor)s compared: prices, response times, features and contact.",
    "skip": "Skip to content",
    "language": "Language",
    "all_vendors": "All vendors",
    "all_compared": "All support tiers compared",
    "tiers": "Tiers",
    "tier": "Tier",
    "everything_in": "Everything in %(tier)s, and more",
    "compare_all": "Compare all tiers",
    "on_this_page": "On this page",
    "tiers_compared": "Tiers compared",
    "response_times": "Response times",
    "priorities": "Priorities",
    "priority": "Priority",
    "by_when": "By when will they answer?",
    "service_per_tier": "Service per tier",
    "contact_hours": "Contact and support hours",
    "about_vendor": "About %(vendor)s",
    "tiers_side_by_side": "Tiers shown side by side",
    "prices_features_of": "Prices and features of the %(vendor)s tiers",
    "not_every_tier": "Not every tier is shown: choose tiers",
    "prices": "Prices",
    "price": "Price",
    "about_tier": "About the tier",
    "included": "Included",
    "not_included": "Not included",
    "not_stated": "Not stated",
    "first_response_definition": "Time from your report until someone starts working on it.",
    "by_priority_and_tier": "%(metric)s by priority and tier",
    "hours_counted": "Hours counted",
    "calc_result": "Deadline: {date} at {time} {zone}",
    "calc_failed": "There is no guaranteed time for this choice.",
    "calc_unpublished": "The vendor does not publish a time for this choice.",
    "calc_invalid": "Enter a date and a time.",
    "calc_range": "Choose a moment from {first} to {last}: the published rules cover those years.",
    "calc_beyond": "The deadline falls after {last}, and the published rules cover only {first} to {last}.",
    "deadline_for": "Deadline for",
    "preset": "Set to the coming Friday at 16:00: before a weekend, business hours matter most.",
    "use_now": "Use the current time",
    "date_reported": "Date reported",
    "for_example": "For example %(value)s",
    "write_date": "Write the date like this: %(date)s.",
    "time_24": "Time (24-hour, your local time)",
    "calculate": "Calculate",
    "matrix_caption": "Priority by impact (rows) and urgency (columns)",
    "link_to_tier": "Link to the %(tier)s tier",
    "nothing_beyond": "Nothing beyond the comparison above.",
    "no_contacts": "The vendor publishes no contact details.",
    "per_user": "%(price)s per user",
    "per_month": "%(value)s per month",
    "times_month": ("once a month", "%(num)s times a month"),
    "footer": "Compiled from the vendors' published support terms. The vendor's own agreement always applies.",
    "home_title": "Compare support tiers",
    "home_description": "Support tiers of software vendors compared: prices, response times and features.",
    "home_lead": "Choose a vendor to see its support tiers side by side: what each costs, how fast they answer and what is included.",
    "home_to_compare": "every tier of every vendor in one table, and who answers first.",
    "fastest_response": "Fastest response",
    "cmp_lead": "Every support tier of every vendor side by side: %(facts)s.",
    "cmp_shown": "Tiers shown: {shown} of {total}",
    "cmp_none": "No tier chosen yet: tick the box by a tier's name to choose it.",
    "vendors": "Vendors",
    "select_all": "Select all",
    "clear_all": "Clear all",
    "when_available": "When support is available",
    "any": "Any",
    "channel": "Channel",
    "channels": "Channels",
    "only_chosen": "Only the chosen tiers",
    "link_comparison": "Link to this comparison",
    "every_tier": "Every tier of every vendor",
    "scrolls": "The table scrolls sideways.",
    "first_top": "First response, highest priority",
    "first_low": "First response, lowest priority",
    "choose_tier": "Choose %(tier)s (%(vendor)s)",
    "zone_yours": "Times are in your time zone, {zone}.",
    "zone_named": "Times are in {zone}, your time zone.",
    "who_first": "Who answers first?",
    "who_first_lead": (
        "For a ticket reported at the moment you choose: by when each tier shown above gives its first response at the latest, "
        "fastest first. Computed with the published rules, as the calculator on each vendor's page does."
    ),
    "highest": "Highest priority",
    "lowest": "Lowest priority",
    "fastest_first": "First response, fastest first",
    "answers_by": "Answers by",
    "sort_by": "Sort by:",
}

# CLDR plural categories of each site language, in the order of a catalog's msgstr[0], msgstr[1], ...
PLURAL_CATEGORIES = {"sv": ("one", "other"), "it": ("one", "many", "other"), "en": ("one", "other"), "pl": ("one", "few", "many")}


def _go_template(text: str) -> str:
    """A catalog string as a go-i18n template: `%(tier)s` -> `{{ .tier }}`, a plural's `%(num)s` -> `{{ .Count }}`."""
    import re

    text = text.replace("%(num)s", "{{ .Count }}")
    return re.sub(r"%\((\w+)\)s", r"{{ .\1 }}", text).replace("%%", "%")


def i18n_toml(lang: str, extra: dict[str, str]) -> str:
    """Hugo's i18n bundle for `lang` from Tierwise's catalog (the msgids of I18N_MSGIDS), plus `extra` words.

    `extra`: what Tierwise composes from CLDR and Hugo cannot (zone names, the date pattern, the unit "hours" in the
    language's plural forms): see _reference_words.
    """
    from babel.messages.pofile import read_po

    from dsl.site import formatting as fmt

    with open(CHECKOUT_ROOT / "locales" / lang / "LC_MESSAGES" / "messages.po", "rb") as fh:
        catalog = read_po(fh)

    def typeset(text: str) -> str:
        # As Tierwise loads its catalog (dsl/site/render.py): short hyphenated words kept whole ("24-hour"), Polish
        # one-letter words bound to the next, "kl." and "godz." to their time. Done once, to the bundle's strings.
        return fmt.bind_clock_word(fmt.bind_single_letter_words(fmt.keep_short_words_whole(text), lang), lang)

    lines = []
    for key, msgid in I18N_MSGIDS.items():
        message = catalog.get(msgid)
        if isinstance(msgid, tuple):
            forms = list(message.string) if message is not None and all(message.string) else list(msgid)
            cats = PLURAL_CATEGORIES[lang] if lang != "en" or message is not None else ("one", "other")
            table = dict(zip(cats, forms, strict=False))
            table.setdefault("other", forms[-1])
            body = ", ".join(f"{cat} = {json.dumps(_go_template(typeset(form)), ensure_ascii=False)}" for cat, form in table.items())
            lines.append(f"[{key}]\n{body.replace(', ', chr(10))}\n")
        else:
            text = message.string if message is not None and message.string else msgid
            lines.append(f"{key} = {json.dumps(_go_template(typeset(text)), ensure_ascii=False)}")
    for key, value in extra.items():
        if key.startswith("["):  # a table (the plural forms of "hours")
            lines.append(f"{key}\n{value}\n")
        else:
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    singles = [line for line in lines if not line.startswith("[")]
    tables = [line for line in lines if line.startswith("[")]
    return "\n".join(singles) + "\n\n" + "\n".join(tables)


def _hours_forms(lang: str) -> str:
    """CLDR's long unit "hours" in `lang`'s plural forms, as Tierwise words a target ("8 timmar", "2 godziny")."""
    from babel import Locale

    locale = {"sv": "sv_SE", "it": "it_IT", "pl": "pl_PL", "en": "en_GB"}[lang]
    patterns = Locale.parse(locale)._data["unit_patterns"]["duration-hour"]["long"]
    return "\n".join(f"{cat} = {json.dumps(p.replace('{0}', '{{ .Count }}'), ensure_ascii=False)}" for cat, p in patterns.items()
                     if cat in ("zero", "one", "two", "few", "many", "other"))


def _reference_words(work: Path) -> dict[str, object]:
    """What Hugo cannot compute, taken from a Tierwise build of one generated vendor (the same calendar and targets as every one).

    Per language: the business hours in words (the targets' "Hours counted" row), the worked example's sentence
    (deadlines in business hours, computed by the deadline engine), the calculator's zone names and date pattern
    (CLDR), the comparison page's zone names and its list of facts (a list joined the language's way). And the rule
    files' calendar (the holiday dates of the years published) and header. Also the files that do not depend on the
    vendors (assets, the rule schema and conformance vectors, the root language chooser, 404, robots.txt), which
    Hugo copies from static/ as Tierwise copies its assets.
    """
    import re
    import subprocess
    import sys

    project = work / "tierwise-reference"
    if not (project / "_site").exists():
        write_plans(project, 1)
        script = Path(sys.executable).parent / "tierwise"
        cmd = [str(script)] if script.exists() else [sys.executable, str(CHECKOUT_ROOT / "build.py")]
        subprocess.run([*cmd, "--project", str(project), "build", "--quiet"], check=True)
    site = (project / "_site").resolve()
    words: dict[str, object] = {"site": site}
    for lang in LANGS:
        page = (site / lang / "v0001" / "index.html").read_text(encoding="utf-8")
        compare = (site / lang / "compare" / "index.html").read_text(encoding="utf-8")

        def one(pattern: str, text: str) -> str:
            found = re.search(pattern, text, re.S)
            assert found, pattern
            return found.group(1)

        words[lang] = {
            "clock": one(r'<tfoot>\n<tr><th scope="row">[^<]*</th><td><small>([^<]*)</small>', page),
            "example": one(r"</table>\n<p>(.*?)</p>\n</section>\n<section id=\"calculator\"", page),
            "i18n": {
                "calc_zones": one(r'<section id="calculator"[^>]* data-zones="([^"]*)"', page),
                "calc_locale": one(r'<section id="calculator"[^>]* data-locale="([^"]*)"', page),
                "date_pattern": one(r'data-pattern="([^"]*)"', page),
                "date_example": one(r'<span class="hint" id="c-at-hint">[^<]*?(\S+)</span>', page),
                "cmp_zones": one(r'<section id="first"[^>]* data-zones="([^"]*)"', compare),
                "cmp_facts": one(r'<p class="lead">[^<]*?: (.*?)\.</p>', compare),
                "og_locale": one(r'<meta property="og:locale" content="([^"]*)"', page),
                "range_sep": _range_separator(site, lang),
                "[hours]": _hours_forms(lang),
            },
        }
    rules = json.loads((site / "rules" / "v0001.json").read_text(encoding="utf-8"))
    vendor = rules["vendors"]["v0001"]
    words["rules_head"] = {k: v for k, v in rules.items() if k != "vendors"}
    words["calendars"] = vendor["calendars"]
    words["zones"] = json.loads((site / "rules" / "all.json").read_text(encoding="utf-8"))["zones"]
    embed = (site / "en" / "v0001" / "embed.html").read_text(encoding="utf-8")
    words["embed_css"] = re.search(r"<style>(.*?)</style>", embed, re.S).group(1)  # type: ignore[union-attr]
    return words


def _range_separator(site: Path, lang: str) -> str:
    """What Tierwise writes between the two amounts of a price range on a home page's card (CLDR's interval joint, with
    word joiners: "200\u2060–\u2060800 €"); the card says the currency once ("€200 – 800 per user per month")."""
    import re

    page = (site / lang / "v0001" / "index.html").read_text(encoding="utf-8")
    cells = re.findall(r'<td class="p-amount">(.*?)</td>', page)
    number = re.compile(r"\d(?:[\d\u00a0\u202f .,']*\d)?")
    low, high = (number.search(cells[i]).group(0) for i in (0, 3))  # type: ignore[union-attr]  # first segment, first and last tier
    summary = re.search(r"<dd>[^<:]*: (.*?)<br>", (site / lang / "index.html").read_text(encoding="utf-8")).group(1)  # type: ignore[union-attr]
    at = summary.index(low) + len(low)
    return summary[at : summary.index(high, at)]


def hugo_equivalent_page(data: dict[str, object], lang: str, words: dict[str, str]) -> str:
    """One vendor's page in one language for the equivalent site: what its plan file holds, raw, as JSON front matter.

    Texts keep their Markdown (Hugo renders them), numbers stay numbers (Hugo formats them); the names of segments,
    the metric, priorities, impacts, urgencies and categories are those of the plan (generate.plan_text). Precomputed
    (Hugo cannot compute them): `clock`, the business hours in words, and `example`, the worked example's sentence.
    """

    def pick(texts: dict[str, str]) -> str:
        return texts[lang].replace("\\n", "\n")

    at = LANGS.index(lang)
    tiers = []
    previous = ""
    for t in data["tiers"]:  # type: ignore[attr-defined]
        tiers.append({
            "id": t["id"],
            "name": t["name"],
            "extends": previous,
            "description": pick(t["description"]),
            "prices": [{"segment": s, "amount": amount, "currency": "EUR", "unit": "user", "period": "month"}
                       for s, amount in t["prices"].items()],
            "cells": {fid: [kind, pick(v) if kind == "text" else (v if kind == "quantity" else "")]
                      for fid, (kind, v) in t["cells"].items()},
            "targets": [{"priority": p, "hours": hours, "calendar": "office-hours"} for p, hours in t["targets"].items()],
        })
        previous = t["id"]
    front: dict[str, object] = {
        "title": data["name"],
        "slug": data["id"],
        "translationKey": data["id"],
        "layout": "vendor",
        "outputs": ["html", "embed", "rules"] if lang == "en" else ["html", "embed"],
        "vendor": data["id"],
        "language": data["language"],
        "intro": pick(data["intro"]),  # type: ignore[arg-type]
        "segments": [{"id": s, "label": names[at]} for s, names in SEGMENTS.items()],
        "metric": {"id": "first-response", "name": METRIC_NAME[at]},
        "levels": [{"id": p, "name": f"{LEVEL_WORD[at]} {n + 1}"} for n, p in enumerate(PRIORITIES)],
        "impacts": [{"id": i, "label": names[at]} for i, names in IMPACTS.items()],
        "urgencies": [{"id": u, "label": names[at]} for u, names in URGENCIES.items()],
        "matrix": {u: list(row) for u, row in MATRIX.items()},
        "categories": [{"id": c, "label": f"{GROUP_WORD[at]} {c}"} for c in CATEGORIES],
        "features": [
            {"id": f["id"], "category": f["category"], "label": pick(f["label"]), "description": pick(f["description"])}
            for f in data["features"]  # type: ignore[attr-defined]
        ],
        "tiers": tiers,
        "clock": words["clock"],
        "example": words["example"],
    }
    return json.dumps(front, ensure_ascii=False) + "\n"


def write_hugo_equivalent(root: Path, n: int) -> None:
    """The "Hugo, equivalent pages" site: Tierwise's pages, embeddable tables, rule files, comparison and home pages and sitemap.

    The templates (benchmarks/hugo_equivalent/layouts/) draw every section of Tierwise's vendor page with the same
    elements, ids and classes, from the same raw data. The rules of fairness (benchmarks/README.md says more):

    - Hugo gets what a plan file holds, as JSON front matter: texts with their Markdown raw, numbers raw.
    - Hugo renders: each Markdown text as many times per page as Tierwise calls its renderer (30 blocks, 16 inline
      texts per vendor page), inline ones by `markdownify`, blocks by `.RenderString (dict "display" "block")`
      (markdownify drops a one-paragraph text's <p>, which Tierwise keeps); prices by `lang.FormatCurrency`; the
      site's words by i18n bundles generated from locales/*/LC_MESSAGES/messages.po (I18N_MSGIDS); the JSON-LD and
      the rule files by `jsonify`.
    - Precomputed, as Hugo cannot compute them (from a Tierwise build of one generated vendor, _reference_words): the
      business hours in words and the worked example's deadlines (front matter), what Tierwise composes from CLDR
      (zone names, the date pattern, a list's and a range's punctuation, the unit "hours": i18n), the calendar's
      holiday dates (data/rules.json).
    - Copied from static/, as they depend on no vendor: assets, the rules' schema and vectors, the root page, 404.
    benchmarks/check_equivalent.py checks that each Hugo vendor page is within 15 % of the bytes of Tierwise's.
    """
    import shutil

    words = _reference_words(root.parent if root.parent != root else root)
    site: Path = words["site"]  # type: ignore[assignment]
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(EQUIVALENT_LAYOUTS / "layouts", root / "layouts")
    static = root / "static"
    shutil.copytree(site / "assets", static / "assets")
    (static / "rules").mkdir(parents=True)
    for name in ("schema.json", "vectors.jsonl", "clock-vectors.jsonl", "inputs.jsonl", "vectors-rules.json"):
        shutil.copy(site / "rules" / name, static / "rules" / name)
    for name in ("index.html", "404.html", "robots.txt"):
        shutil.copy(site / name, static / name)
    config = {
        **HUGO_CONFIG,
        "disableKinds": ["taxonomy", "term", "RSS", "404"],
        "disableDefaultLanguageRedirect": True,
        "disableHugoGeneratorInject": True,
        "markup": {"goldmark": {"renderer": {"unsafe": False}, "extensions": {"typographer": {"disable": True}}}},
        "outputFormats": {
            "embed": {"mediaType": "text/html", "baseName": "embed", "isHTML": True, "notAlternative": True},
            "rules": {"mediaType": "application/json", "baseName": "rules", "isPlainText": True, "notAlternative": True},
            "allrules": {"mediaType": "application/json", "baseName": "all", "path": "rules", "isPlainText": True,
                         "notAlternative": True},
        },
        "outputs": {"page": ["html", "embed"], "home": ["html"], "section": ["html"]},
        "params": {"brand": "Tierwise"},
    }
    config["languages"]["en"] = {**config["languages"]["en"], "params": {"allrules": True}}  # type: ignore[index]
    (root / "hugo.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    (root / "i18n").mkdir()
    bundles = {lang: i18n_toml(lang, words[lang]["i18n"]) for lang in LANGS}  # type: ignore[index]
    for lang, bundle in bundles.items():
        (root / "i18n" / f"{lang}.toml").write_text(bundle, encoding="utf-8")
    (root / "data").mkdir()
    # The embeddable table is written in ASCII, as Tierwise writes it: each character the site's texts use (the
    # generator's words, the catalogs' words) and its numeric reference.
    texts = Path(__file__).read_text(encoding="utf-8") + "".join(bundles.values())
    texts += "".join(p.read_text(encoding="utf-8") for p in (EQUIVALENT_LAYOUTS / "layouts").rglob("*.*"))
    chars = set(texts) | set(texts.upper()) | set(texts.lower())  # capitalised words: "Ärende"
    entities = {c: f"&#{ord(c)};" for c in sorted(chars) if ord(c) > 127}
    (root / "data" / "site.json").write_text(json.dumps({"embed_css": words["embed_css"], "entities": entities},
                                                        ensure_ascii=False), encoding="utf-8")
    (root / "data" / "rules.json").write_text(json.dumps({"head": words["rules_head"], "calendars": words["calendars"],
                                                          "zones": words["zones"]}, ensure_ascii=False), encoding="utf-8")
    for lang in LANGS:
        (root / "content" / lang).mkdir(parents=True, exist_ok=True)
        home = {"title": "", "outputs": ["html", "allrules"] if lang == "en" else ["html"]}
        (root / "content" / lang / "_index.md").write_text(json.dumps(home) + "\n", encoding="utf-8")
        compare = {"title": "compare", "slug": "compare", "layout": "compare", "outputs": ["html"], "translationKey": "compare"}
        (root / "content" / lang / "compare.md").write_text(json.dumps(compare) + "\n", encoding="utf-8")
    for i in range(1, n + 1):
        data = vendor_data(i)
        for lang in LANGS:
            page = hugo_equivalent_page(data, lang, words[lang])  # type: ignore[arg-type]
            (root / "content" / lang / f"{data['id']}.md").write_text(page, encoding="utf-8")
