"""Generated vendors for the build benchmark: N plan files in the language, and the same content as a Hugo site.

Each vendor is realistic for the site: an intro in Markdown, two customer segments, a priority scheme
with an impact x urgency matrix, a calendar, 25 features (in 5 categories) whose descriptions are
Markdown, four tiers that extend each other with prices per segment, cells of every kind and response
targets per priority, everything in Swedish, Italian, Polish and English. Texts mix words that differ
per vendor with phrases many vendors share, as real offers do (so a cache of rendered texts is neither
all hits nor all misses).

`write_plans(folder, n)` writes plans/vNNNN.plan (plus plans/shared.plan); `write_hugo(folder, n)`
writes a Hugo project whose pages show the same tables through `markdownify`.
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
    lines.append('  segment small { sv "Små företag" it "Piccole imprese" pl "Małe firmy" en "Small companies" }')
    lines.append('  segment large { sv "Stora företag" it "Grandi imprese" pl "Duże firmy" en "Large companies" }')
    lines.append('  metric first-response { name { sv "Svarstid" it "Tempo di risposta" pl "Czas odpowiedzi" en "Response time" } }')
    lines.append(f"  priorities {vid}-priorities {{")
    lines.append('    name { sv "Prioriteter" it "Priorità" pl "Priorytety" en "Priorities" }')
    for n, p in enumerate(PRIORITIES):
        lines.append(f'    level {p} {{ name {{ sv "Nivå {n + 1}" it "Livello {n + 1}" pl "Poziom {n + 1}" en "Level {n + 1}" }} }}')
    lines.append('    impact high { sv "Stor påverkan" it "Impatto elevato" pl "Duży wpływ" en "High impact" }')
    lines.append('    impact low { sv "Liten påverkan" it "Impatto basso" pl "Niewielki wpływ" en "Low impact" }')
    lines.append('    urgency high { sv "Hög brådska" it "Urgenza alta" pl "Wysoka pilność" en "High urgency" }')
    lines.append('    urgency low { sv "Låg brådska" it "Urgenza bassa" pl "Niska pilność" en "Low urgency" }')
    lines.append("    matrix {\n      high: P1, P2\n      low: P3, P4\n    }")
    lines.append("  }")
    for cat in CATEGORIES:
        lines.append(f'  category {cat} {{ sv "Grupp {cat}" it "Gruppo {cat}" pl "Grupa {cat}" en "Group {cat}" }}')
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


def write_hugo(root: Path, n: int, same_files: bool = False) -> None:
    """A Hugo project with the same n vendors in four languages (and, `same_files`, the same files as Tierwise writes)."""
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
