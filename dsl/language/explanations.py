"""The longer explanation of every diagnostic code, for `tierwise explain CODE` (like rustc's --explain).

Every diagnostic carries a stable code (`error[T0501]`). Codes are grouped by what they judge:
T01xx the text of a file (syntax), T02xx files and folders, T03xx names and definitions, T04xx words
and texts, T05xx calendars, T06xx priorities, T07xx sources, T08xx targets and durations, T09xx contacts, T10xx the
project's settings file (tierwise.toml).
A code is never reused for another problem. Each entry has a title, an explanation and an example
that really produces the code: `tests/test_explain.py` loads every example and checks it does, and
that every code used in the source has an entry here.
"""

from __future__ import annotations

import dataclasses
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

from dsl.language.diagnostics import Diagnostic, render
from dsl.language.loader import LoadResult, load_project
from dsl.language.settings import SETTINGS_FILE, load_settings

V = 'vendor acme {\n  name "Acme"\n  language en\n'
"""The first lines of a vendor block, for examples of what goes inside one."""

_PLAN_V10 = '  calendar office {\n    zone Europe/Stockholm\n    open mon-fri 08:00-17:00\n  }\n  plan basic {\n    name "Basic"\n'
"""A calendar and the opening of a plan, for the examples of issue 10's target versions."""


_PLAN_UPTIME = '  plan gold {\n    name "Gold"\n'
"""The opening of a plan, for the examples of availability and service credits."""


@dataclass(frozen=True)
class Explanation:
    """What a code means, why it is a problem, how to fix it, and an example that produces it."""

    title: str
    text: str
    example: str  # the plan file (example.plan) of the example
    files: tuple[tuple[str, bytes], ...] = ()  # other files of the example, when it is about files
    load: str = "example.plan"  # what the example checks, relative to its folder
    fix: tuple[str, str] = ("", "")  # the example corrected: this text of it replaced with that

    @property
    def fixed(self) -> str:
        """The example with the mistake corrected (empty when the fix is not in the plan text)."""
        old, new = self.fix
        return self.example.replace(old, new, 1) if old and old in self.example else ""


EXPLANATIONS: dict[str, Explanation] = {
    # --- T01: the text of a file ------------------------------------------------------------------
    "T0101": Explanation(
        "the text does not fit the plan language",
        "The parser met a word or sign where the language allows none. The message says what it found "
        "and what may stand there. Every statement starts with its keyword; blocks are enclosed in { }.",
        V + '  name "Acme" "Inc"\n}\n',
        fix=('  name "Acme" "Inc"\n', '  name "Acme Inc"\n'),
    ),
    "T0102": Explanation(
        "a '{' is never closed",
        "The file ends inside a block. The diagnostic points at the '{' that lacks its '}' (judged from "
        "the indentation of the closing braces that are there) and notes where the file ended. Add the "
        "'}' where the block ends.",
        V + '  plan basic {\n    name "Basic"\n}\n',
        fix=('    name "Basic"\n}\n', '    name "Basic"\n  }\n}\n'),
    ),
    "T0103": Explanation(
        "a misspelt keyword",
        "A name stands where a statement's keyword was expected, and it is close to one: 'nmae' for "
        "'name', 'paln' for 'plan'. The hint names the keyword meant.",
        'vendor acme {\n  nmae "Acme"\n  language en\n}\n',
        fix=('  nmae "Acme"', '  name "Acme"'),
    ),
    "T0104": Explanation(
        'a text opened with """ is closed with a single "',
        'A long text opens and closes with three quotation marks. Closed with one, the text runs on to '
        'the next """ in the file and the parser is lost for the rest of it; Tierwise reports only this '
        "mistake, not what follows from it.",
        V + '  intro { en """Support for\n     every customer." }\n  note { en """Terms apply.""" }\n}\n',
        fix=('every customer." }', 'every customer.""" }'),
    ),
    "T0105": Explanation(
        "a duration written another way",
        "Durations are whole hours and minutes, each a number and its unit without a space: 15min, 2h, "
        "1h 30min. '4,5h' is 4h 30min, '2 hrs' is 2h. Days are written as business days ('2 business "
        "days'), not as a unit of hours (a day of open time on an office calendar is not 24 hours). The "
        "hint gives the duration as the language writes it.",
        V + '  plan basic {\n    name "Basic"\n    target first-response all 4,5h on office\n  }\n}\n',
        fix=('all 4,5h on', 'all 4h 30min on'),
    ),
    "T0106": Explanation(
        "an invisible character",
        "A character that shows as nothing or as an ordinary space stands outside a quoted text: a "
        "no-break space (U+00A0), a byte order mark (U+FEFF; one before the first line is ignored), a zero-width space (U+200B), or a control "
        "character such as a NUL (U+0000) or a vertical tab (U+000B). They come in with text copied from web "
        "pages and word processors, or with a file another program wrote. The message names the code point; "
        "replace the character with an ordinary space or delete it. Inside quotes they are text.",
        V.replace('  name "Acme"', '  name\u00a0"Acme"') + "}\n",
        fix=('  name\xa0"Acme"', '  name "Acme"'),
    ),
    "T0107": Explanation(
        "the file is not UTF-8",
        "Plan files are UTF-8 text. The diagnostic points at the first byte that is not, and names the "
        "character it is in Windows-1252, the encoding such files were usually saved in. Save the file "
        "as UTF-8 in your editor.",
        "",
        files=(("example.plan", b'vendor acme {\n  name "Caf\xe9"\n  language en\n}\n'),),
    ),
    "T0108": Explanation(
        "an empty plan file (warning)",
        "The file holds nothing but blanks and comments. Write a vendor block or shared definitions in "
        "it, or delete it.",
        "# the offer will follow\n",
        fix=('# the offer will follow\n', '# the offer will follow\ncalendar office {\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n}\n'),
    ),
    "T0109": Explanation(
        "tabs and spaces mixed in a long text (warning)",
        'The indentation common to every continuation line of a """ text is removed. When some lines are '
        "indented with tabs and others with spaces, nothing is common, and the lines keep an indentation "
        "that Markdown reads as a code block. Indent with spaces only.",
        V + '  intro { en """Support:\n\t  - by phone\n        - by e-mail""" }\n}\n',
        fix=('\t  - by phone', '        - by phone'),
    ),
    "T0110": Explanation(
        "a quoted text that is never closed",
        'A text in single quotation marks ends on its own line. Close it with a matching ", or write a '
        'text over several lines between """ and """.',
        V + '  intro { en "Support for\n  every customer" }\n}\n',
        fix=('"Support for\n  every customer"', '"""Support for\n  every customer"""'),
    ),
    # Issue 11: the limits of a plan file (dsl/language/limits.py) and the raw-text warnings.
    "T0111": Explanation(
        "a plan file over the size limit",
        "A plan file may hold at most 1,000,000 bytes; a larger one is not even read. The five real "
        "offers take 4-25 kB each. Split the offers into several files, one vendor per file.",
        "",
        files=(("plans/huge.plan", b"#" * 1_000_001),),
        load="plans",
    ),
    "T0112": Explanation(
        "a text over the length limit",
        "One quoted text (one language of a name, an intro or a note) may hold at most 20,000 "
        "characters. Shorten it, or link to the full terms.",
        V + '  intro { en "' + "Our terms. " * 1819 + '" }\n}\n',
        fix=("Our terms. " * 1819, "Our terms."),
    ),
    "T0113": Explanation(
        "a number of too many digits",
        "A number (a price, a count, a duration) may have at most 9 digits; no support offer needs "
        "more, so a longer one is a typing slip.",
        V + '  plan basic { name "Basic" price 12000000000 SEK }\n}\n',
        fix=("12000000000", "12000"),
    ),
    "T0114": Explanation(
        "a plan file with too many lines",
        "A plan file may hold at most 20,000 lines that are not blank or comments. Split the offers "
        "into several files, one vendor per file.",
        "",
        files=(("plans/long.plan", b"note\n" * 20_001),),
        load="plans",
    ),
    "T0115": Explanation(
        "a bidirectional control character (warning)",
        "The invisible characters U+202A-U+202E and U+2066-U+2069 reorder how the text around them is "
        "shown, so a text can read differently on the page, in an editor and in a diagnostic from what "
        "it holds. Delete them; right-to-left words need none.",
        V + '  intro { en "Call us \u202eon weekdays" }\n}\n',
        fix=("\u202e", ""),
    ),
    "T0116": Explanation(
        "an amount written another way",
        "A price's amount is digits with a decimal point and no thousands separator, followed by the "
        "currency's three-letter code: 1400.50 PLN, 25000 USD, 35 USD. A decimal comma (1400,50), a "
        "thousands separator (25,000 or 1 400) or a currency sign ($35, €35) is refused, so that no "
        "amount is read ten or a thousand times too large; the page writes the amount the way its "
        "language does (1 400,50 zł, US$25,000). The hint gives the amount as the language writes it.",
        V + '  plan basic {\n    name "Basic"\n    price 1400,50 PLN per month\n  }\n}\n',
        fix=("1400,50 PLN", "1400.50 PLN"),
    ),
    "T0117": Explanation(
        "a vendor with too many plans or features",
        "A vendor may have at most 50 plans and 500 features; real offers have 1-4 plans and 3-25 "
        "features. Each plan is a column of the vendor's comparison table and each feature a row, so the "
        "pages grow with the two multiplied: within the other limits alone, a 50 kB file could make "
        "hundreds of megabytes of pages. The error stands at the first plan or feature beyond the limit. "
        "Split the offer into several vendors, one plan file each.",
        V + "  " + " ".join(f'plan p{i} {{ name "P{i}" }}' for i in range(1, 52)) + "\n}\n",
        fix=(' plan p51 { name "P51" }', ""),
    ),
    "T0118": Explanation(
        "an id over the length limit",
        "An id (of a vendor, a plan, a calendar, a feature, a level ...) may have at most 64 characters; "
        "the longest in the real offers has 27. A vendor's id is the name of the folder of its pages and of "
        "its rule file (rules/ID.json), which a file system limits, and every id stands in the addresses and "
        "anchors of the pages. Shorten it; the name shown on the pages is the `name` text, which may be long.",
        V + '  plan premium-support-with-a-dedicated-technical-account-manager-and-more {\n    name "Premium"\n  }\n}\n',
        fix=("premium-support-with-a-dedicated-technical-account-manager-and-more", "premium"),
    ),
    # --- T02: files and folders -------------------------------------------------------------------
    "T0201": Explanation(
        "no plan files in a folder",
        "The folder named (or the project's plans/) holds no file ending in .plan.",
        "",
        files=(("plans/readme.txt", b"plans go here\n"),),
        load="plans",
    ),
    "T0202": Explanation(
        "a path that does not exist",
        "A plan file or folder named on the command line does not exist.",
        "",
        load="plans/acme.plan",
    ),
    "T0203": Explanation(
        "a plan file that cannot be read",
        "The file exists but cannot be opened: it is a folder named like a plan file, or you may not "
        "read it.",
        "",
        files=(("plans/acme.plan/keep.txt", b""),),
        load="plans",
    ),
    # --- T03: names and definitions ---------------------------------------------------------------
    "T0301": Explanation(
        "an id defined twice",
        "Two definitions of one kind (plans, features, calendars, contacts ...) have the same id. Other "
        "tools rely on ids; give each its own.",
        V + '  plan basic { name "Basic" }\n  plan basic { name "Basic 2" }\n}\n',
        fix=('  plan basic { name "Basic 2" }', '  plan basic-2 { name "Basic 2" }'),
    ),
    "T0302": Explanation(
        "a second vendor in one file",
        "A file holds one vendor. Move the second one to a file of its own.",
        V + '}\nvendor other {\n  name "Other"\n  language en\n}\n',
        fix=('}\nvendor other {\n  name "Other"\n  language en\n}\n', '}\n'),
    ),
    "T0303": Explanation(
        "a statement given twice in one element",
        "An element holds some statements once (a plan's name, a calendar's zone). Keep one.",
        V + '  plan basic { name "Basic" name "Base" }\n}\n',
        fix=(' name "Base" }', ' }'),
    ),
    "T0304": Explanation(
        "an unknown calendar",
        "A target, coverage, obligation or contact names a calendar that neither the vendor nor any "
        "file of the project defines. When a file is checked on its own (`tierwise check "
        "plans/x.plan`), the shared definitions of the project's other files are in scope.",
        V + "  contact phone hours office\n}\n",
        fix=(
            "  contact phone hours office\n",
            "  contact phone hours office\n  calendar office {\n    zone Europe/Stockholm\n    open mon-fri 08:00-17:00\n  }\n",
        ),
    ),
    "T0305": Explanation(
        "an unknown priority scheme",
        "`priorities ID` in a vendor names a scheme that is not defined.",
        V + "  priorities levels\n}\n",
        fix=('  priorities levels\n', '  priorities levels\n  priorities levels { level P1 { } }\n'),
    ),
    "T0306": Explanation(
        "several priority schemes and none chosen",
        "A vendor that defines more than one priority scheme says which it uses with `priorities ID`.",
        V + "  priorities a { level P1 { } }\n  priorities b { level S1 { } }\n}\n",
        fix=('  priorities a {', '  priorities a\n  priorities a {'),
    ),
    "T0307": Explanation(
        "an unknown category",
        "A feature's `in CATEGORY` names a category the vendor does not declare.",
        V + '  feature f in updatess { label "Updates" }\n  category updates "Updates"\n}\n',
        fix=('in updatess', 'in updates'),
    ),
    "T0308": Explanation(
        "a feature without a category",
        "When a vendor groups its features into categories, every feature names one.",
        V + '  category updates "Updates"\n  feature a in updates { label "A" }\n  feature b { label "B" }\n}\n',
        fix=('feature b {', 'feature b in updates {'),
    ),
    "T0309": Explanation(
        "a cell for an unknown feature",
        "A plan's `features` block gives a cell for a feature the vendor does not declare.",
        V + '  feature patches { label "Patches" }\n  plan basic { name "Basic" features { pathces: yes } }\n}\n',
        fix=('pathces: yes', 'patches: yes'),
    ),
    "T0310": Explanation(
        "a feature given twice in one plan",
        "A plan gives one cell per feature.",
        V + '  feature patches { label "Patches" }\n  plan basic { name "Basic" features { patches: yes patches: no } }\n}\n',
        fix=(' patches: no', ''),
    ),
    "T0311": Explanation(
        "a plan extends an unknown plan",
        "`extends` names a plan of the same vendor.",
        V + '  plan gold extends silvr { name "Gold" }\n  plan silver { name "Silver" }\n}\n',
        fix=('extends silvr', 'extends silver'),
    ),
    "T0312": Explanation(
        "plans extend each other in a circle",
        "A plan cannot, through other plans, extend itself. One plan of the circle must extend nothing.",
        V + '  plan a extends b { name "A" }\n  plan b extends a { name "B" }\n}\n',
        fix=('plan b extends a {', 'plan b {'),
    ),
    "T0313": Explanation(
        "an unknown customer segment",
        "A price names a segment the vendor does not declare with `segment ID TEXT`.",
        V + '  segment others "Other customers"\n  plan basic { name "Basic" price licence 5 EUR }\n}\n',
        fix=('price licence 5 EUR', 'price others 5 EUR'),
    ),
    "T0314": Explanation(
        "an unknown priority",
        "A target or coverage, or the `for` of a channel or an obligation, names a priority level the "
        "vendor's scheme does not have (or the vendor has no scheme: use `all`, or leave out `for ...`).",
        V + '  priorities levels { level P1 { } }\n  plan basic { name "Basic" coverage P2 on around }\n'
        "  calendar around { open 24x7 }\n}\n",
        fix=('coverage P2 on', 'coverage P1 on'),
    ),
    "T0315": Explanation(
        "an unknown channel",
        "A plan's `channels` names a contact id the vendor does not declare.",
        V + '  contact email "support@acme.example"\n  plan basic { name "Basic" channels emial }\n}\n',
        fix=('channels emial', 'channels email'),
    ),
    "T0331": Explanation(
        "leaving out a target or coverage the plan does not inherit",
        "A plan that `extends` another inherits its targets and coverage; `no target METRIC PRIORITY [for CASE]` and "
        "`no coverage PRIORITY [for CASE]` leave one of them out (every version of a target), so that a kind of case keeps "
        "the plan's general target: a tier staffed around the clock, where the parent's on-call clock for the case would "
        "still count. The line names exactly what the parent has, with the same priority (or `all`) and case; it is an "
        "error in a plan that extends none, a second time, or beside the plan's own line for the same thing (which "
        "replaces the inherited one already).",
        V + '  calendar office { zone Europe/Rome open mon-fri 09:00-18:00 }\n  calendar on-call { zone Europe/Rome open sat 09:00-13:00 }\n'
        '  case night "Faults reported on the on-call line"\n'
        '  plan base { name "Base" target first-response all 4h on office target first-response all for night 1h on on-call }\n'
        '  plan top extends base { name "Top" no target first-response all for nigth }\n}\n',
        fix=("for nigth", "for night"),
    ),
    "T0330": Explanation(
        "a channel named twice in one plan",
        "A plan's `channels` lists each contact once: a second entry (with other hours, or for other "
        "priorities) would silently replace or drop the first. When a channel has other hours for some "
        "priorities (a 24x7 line for P1), declare it as a contact of its own with `as ID` and list both.",
        V + '  contact phone "+46 8 123 456 78"\n  calendar around { open 24x7 }\n  priorities levels { level P1 { } level P2 { } }\n'
        "  plan basic { name \"Basic\" channels phone hours around for P1, phone }\n}\n",
        fix=(", phone }", " }"),
    ),
    "T0316": Explanation(
        "a footnote mark without a footnote",
        "Every mark used (*, **, †, ...) has its `footnote MARK TEXT`.",
        V + '  plan basic * { name "Basic" }\n}\n',
        fix=('  plan basic * {', '  footnote * "Not for every product"\n  plan basic * {'),
    ),
    "T0317": Explanation(
        "'applies to' names a plan's id",
        "`applies to ID TEXT` names a group of customers a plan's terms also apply to (trial users); the "
        "rule set answers for it by that id, so it cannot be the id of a plan.",
        V + '  plan basic { name "Basic" }\n  plan premium { name "Premium" applies to basic "Trial users" }\n}\n',
        fix=('applies to basic "Trial users"', 'applies to trial "Trial users"'),
    ),
    "T0318": Explanation(
        "'applies to' given twice",
        "Each group a plan's terms apply to is named once, in one plan.",
        V + '  plan basic { name "Basic" applies to trial "Trial users" }\n  plan premium { name "Premium" applies to trial "Trial" }\n}\n',
        fix=(' applies to trial "Trial" }', " }"),
    ),
    "T0319": Explanation(
        "two recommended tiers (warning)",
        "The page highlights a `recommended` tier; a page that highlights two recommends neither.",
        V + '  plan basic { name "Basic" recommended }\n  plan premium { name "Premium" recommended }\n}\n',
        fix=('  plan basic { name "Basic" recommended }', '  plan basic { name "Basic" }'),
    ),
    "T0320": Explanation(
        "an unknown kind of case",
        "`target ... for CASE` and `coverage ... for CASE` name a kind of case the vendor declares with "
        "`case ID TEXT` (escalated to the manufacturer, security incident). Declare it, or correct the name.",
        V + '  case escalated { en "Escalated to the manufacturer" }\n'
        '  plan basic { name "Basic" target first-response all for escalatd 1h on around }\n'
        "  calendar around { open 24x7 }\n}\n",
        fix=("for escalatd 1h", "for escalated 1h"),
    ),
    "T0321": Explanation(
        "a vendor id the site uses itself",
        "A vendor's id names its pages (en/ID/) and its rule file (rules/ID.json), so it cannot be a "
        "name the published site uses: all, schema, assets, rules, index, 404, sitemap, robots, a "
        "language code, or compare (the page of every vendor's tiers). Choose another id.",
        'vendor rules {\n  name "Rules Inc"\n  language en\n}\n',
        fix=("vendor rules", "vendor rules-inc"),
    ),
    "T0322": Explanation(
        "an obligation given twice in one plan",
        "Each obligation of a plan has its own id: a ticket's `obligation` event names it, and a plan that "
        "extends this one replaces it by that id. A duty with other terms per priority is two obligations "
        "with two ids: `obligation call-p1 for P1 after 2h on office` and `obligation call-p2 for P2 after 4h on office`.",
        V + '  priorities levels { level P1 { } level P2 { } }\n  calendar office { open 24x7 }\n'
        '  plan basic {\n    name "Basic"\n    obligation call for P1 after 2h on office "We phone you"\n'
        '    obligation call for P2 after 4h on office "We phone you"\n  }\n}\n',
        fix=("obligation call for P2", "obligation call-p2 for P2"),
    ),
    "T0323": Explanation(
        "a calendar or priority scheme of another vendor's file",
        "A calendar or priority scheme defined at the top of a file is shared with every file of the project, "
        "so a vendor may name one that stands in another vendor's file. It works while both files are in the "
        "project, but the definition belongs to the other offer: the file no longer checks when it is copied "
        "alone to another project, or when the other file is removed or renamed (then the name is unknown, T0304). "
        "Copy the definition into the vendor block (a vendor's own calendar may keep the id), or move it to a file "
        "that holds no vendor, such as plans/shared.plan, which shares its definitions by intent. The warning is "
        "given once per calendar or scheme, at the first place the vendor names it.",
        V.replace("acme", "beta").replace("Acme", "Beta") + "  contact phone hours office\n}\n",
        files=(
            (
                "acme.plan",
                b'calendar office {\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n}\n'
                b'vendor acme {\n  name "Acme"\n  language en\n  contact phone hours office\n}\n',
            ),
        ),
        load=".",
        fix=(
            "  contact phone hours office\n",
            "  contact phone hours office\n  calendar office {\n    zone Europe/Stockholm\n    open mon-fri 08:00-17:00\n  }\n",
        ),
    ),
    # --- T04: words and texts ---------------------------------------------------------------------
    "T0401": Explanation(
        "an unknown fixed word",
        "Some words come from a fixed list: the kinds of contact (email, phone, sms, portal, web, chat, fax, "
        "address, account-manager), the periods (day, week, month, quarter, year; a contract's lengths "
        "also in the plural: `notice 3 months`) and the price units (user, seat, device, server, node, "
        "workstation, site, connection, hour, day, visit, incident, intervention). The hint names "
        "the closest one. A live chat or a messaging service (livechat, whatsapp, teams, slack ...) is "
        "a chat contact at its address, with its own id and label when it needs one; a number for text "
        "messages is an sms contact. Another name for a unit is told the unit: a price per host or "
        "instance is per server, per endpoint per workstation, per location or office per site, per line "
        "per connection. A price per core or bed has no unit: write it per its period and say 'per core' in a note.",
        V + '  contact emial "support@acme.example"\n}\n',
        fix=('contact emial', 'contact email'),
    ),
    "T0402": Explanation(
        "a language the site is not published in",
        "Texts are written in the languages the site publishes, and so is a vendor's `language`. The "
        "project's settings file, tierwise.toml beside plans/, lists them under [site] languages (without "
        "it: sv, it, pl, en). To publish another language, add it there and add its catalog "
        "(locales/<code>/LC_MESSAGES/messages.po); to drop one, remove it there and its texts from the plans.",
        V + '  intro { en "Support" de "Unterstützung" }\n}\n',
        fix=(' de "Unterstützung"', ''),
    ),
    "T0403": Explanation(
        "a language given twice in one text",
        "A text in braces gives each language once.",
        V + '  intro { en "Support" en "Help" }\n}\n',
        fix=(' en "Help"', ''),
    ),
    "T0404": Explanation(
        "a missing translation (warning; an error with --strict)",
        "A text the site shows lacks a site language. The page then shows the vendor's own language, "
        "marked as such. A vendor whose offer is published in its own language only, by intent, says "
        "`language en only` instead of `language en`: its texts are then not reported.",
        V + '  intro { en "Support" }\n}\n',
        fix=('intro { en "Support" }', 'intro { sv "Support" it "Assistenza" pl "Wsparcie" en "Support" }'),
    ),
    "T0405": Explanation(
        "an unknown metric",
        "Targets measure registration, first-response, on-site, status-update, workaround or resolution.",
        V + '  plan basic { name "Basic" target first-reponse all 2h on around }\n  calendar around { open 24x7 }\n}\n',
        fix=('first-reponse', 'first-response'),
    ),
    "T0406": Explanation(
        "a vendor without its language",
        "A vendor says the language its offer was written in: `language sv`.",
        'vendor acme {\n  name "Acme"\n}\n',
        fix=('  name "Acme"\n}', '  name "Acme"\n  language en\n}'),
    ),
    "T0407": Explanation(
        "a vendor without a name",
        'A vendor has a `name`: `name "Acme"`.',
        "vendor acme {\n  language en\n}\n",
        fix=('  language en\n}', '  name "Acme"\n  language en\n}'),
    ),
    "T0408": Explanation(
        "a feature without a label",
        "A feature has a `label`, the row's text in the matrix.",
        V + "  feature patches { }\n}\n",
        fix=('feature patches { }', 'feature patches { label "Patches" }'),
    ),
    "T0409": Explanation(
        "a plan without a name",
        "A plan has a `name`, the tier's heading.",
        V + "  plan basic { }\n}\n",
        fix=('plan basic { }', 'plan basic { name "Basic" }'),
    ),
    "T0420": Explanation(
        "a percentage of a price that is no share of it",
        "`price 20% of licence per year` is a yearly fee of 20 % of the licence price: the percentage "
        "is more than 0 and at most 100.",
        "vendor acme {\n  name \"Acme\"\n  plan std {\n    name \"Standard\"\n    price 120% of licence per year\n  }\n}\n",
        fix=("price 120% of licence", "price 20% of licence"),
    ),
    # --- how vendors really write prices ---
    "T0421": Explanation(
        "a price of 0 (warning)",
        "A tier that costs nothing is `price free`, and a feature that costs nothing extra is included (`yes`). "
        "`price 0 USD` is shown as an amount (\"US$0\") and sorted among the amounts in the comparison, where "
        "`price free` says \"Free\" in every language, is compared before every amount and makes the home card "
        "read \"Free to …\". An `add-on 0 EUR` says the feature is bought separately for nothing: write `yes`, "
        "or a text such as \"On request, at no charge\". A percentage `at least 0 EUR` sets no minimum: leave it out.",
        V + '  plan community {\n    name "Community"\n    price 0 USD\n  }\n}\n',
        fix=("price 0 USD", "price free"),
    ),
    "T0422": Explanation(
        "an add-on with two prices of the same thing",
        "`add-on 1200 SEK per hour, 9000 SEK per day` gives an add-on a price per hour and one per day. Two "
        "prices in the same currency, per the same unit and period (`add-on 1200 SEK per hour, 1000 SEK per "
        "hour`) leave the reader to guess which applies: keep one, or say what each is per.",
        V + '  feature consulting { label "Consulting" }\n  plan basic {\n    name "Basic"\n'
        "    features {\n      consulting: add-on 1200 SEK per hour, 1000 SEK per hour\n    }\n  }\n}\n",
        fix=("1000 SEK per hour", "9000 SEK per day"),
    ),
    "T0423": Explanation(
        "a minimum quantity of something the price is not per",
        "`price 35 USD per user per month minimum 10 users` is US$35 for each user, and at least 10 users are "
        "bought. The minimum counts what the price is per (`user`, `seat`, `device`, `hour`, `day`, `visit` or "
        "`incident`, in the singular or the plural), so a price per seat has a minimum in seats, and a price "
        "per no unit has no minimum quantity (a flat price is bought once).",
        V + '  plan team {\n    name "Team"\n    price 35 USD per month minimum 10 users\n  }\n}\n',
        fix=("35 USD per month", "35 USD per user per month"),
    ),
    "T0424": Explanation(
        "a minimum quantity below 1",
        "`minimum N users` says that at least N are bought; N is 1 or more. Leave `minimum ...` out when the "
        "vendor sets no minimum.",
        V + '  plan team {\n    name "Team"\n    price 35 USD per user per month minimum 0 users\n  }\n}\n',
        fix=(" minimum 0 users", ""),
    ),
    # --- a set-up fee on top of a recurring price ---
    "T0425": Explanation(
        "an amount after 'plus' that does not say what it is",
        "`price 1500 EUR per month plus 3000 EUR setup` is EUR 1 500 every month and a one-off set-up fee of "
        "EUR 3 000 besides. The word after the fee says what it is (`setup`, also written `set-up`): without it the "
        "reader cannot tell a set-up fee from a second price.",
        V + '  plan gold {\n    name "Gold"\n    price 1500 EUR per month plus 3000 EUR\n  }\n}\n',
        fix=("plus 3000 EUR", "plus 3000 EUR setup"),
    ),
    "T0426": Explanation(
        "a set-up fee paid per period",
        "A set-up fee (`plus 3000 EUR setup`) is paid once. An amount paid every month is a price of its own: "
        "write it as a second `price` (the page shows both, \"or\"), or add it to the price.",
        V + '  plan gold {\n    name "Gold"\n    price 1500 EUR per month plus 300 EUR per month setup\n  }\n}\n',
        fix=("plus 300 EUR per month setup", "plus 300 EUR setup"),
    ),
    "T0427": Explanation(
        "a set-up fee in another currency than its price",
        "A set-up fee is paid in the currency of the price it comes with: `price 1500 EUR per month plus 3000 EUR "
        "setup`. A vendor that also sells in another currency has a price in it of its own, with its own fee.",
        V + '  plan gold {\n    name "Gold"\n    price 1500 EUR per month plus 3000 USD setup\n  }\n}\n',
        fix=("3000 USD setup", "3000 EUR setup"),
    ),
    "T0428": Explanation(
        "a set-up fee on a one-off price (warning)",
        "A set-up fee is paid once besides a price that recurs (per month, per year) or is counted per something "
        "(per user). A one-off price and a one-off fee are simply paid together: give the price its period, or "
        "add the fee to the price.",
        V + '  plan gold {\n    name "Gold"\n    price 1500 EUR plus 3000 EUR setup\n  }\n}\n',
        fix=("price 1500 EUR plus", "price 1500 EUR per month plus"),
    ),
    # --- a prepaid pack ---
    "T0429": Explanation(
        "a pack of one (warning)",
        "`price 650 EUR for 10 hours` is a prepaid pack: the amount buys all ten at once. A pack of one hour is "
        "the price of an hour, a rate: write it `per hour`, so that the page says it as a rate (\"€90 per hour\") "
        "and the comparison and the home card set it beside other rates.",
        V + '  plan gold {\n    name "Gold"\n    price 90 EUR for 1 hour\n  }\n}\n',
        fix=("for 1 hour", "per hour"),
    ),
    "T0430": Explanation(
        "a pack of nothing",
        "`for 10 hours` says how much a prepaid pack holds: at least one of its unit. A pack of 0 buys nothing; "
        "a price of nothing is `price free`.",
        V + '  plan gold {\n    name "Gold"\n    price 650 EUR for 0 hours\n  }\n}\n',
        fix=("for 0 hours", "for 10 hours"),
    ),
    "T0431": Explanation(
        "a pack priced per user or per device",
        "A prepaid pack (`price 650 EUR for 10 hours`) is bought whole; a period after it says how often it is "
        "bought (`for 20 hours per year`), but a unit such as `per user` would make it a price of each user. A "
        "price per user is a price of its own, on a line of its own.",
        V + '  plan gold {\n    name "Gold"\n    price 650 EUR for 10 hours per user\n  }\n}\n',
        fix=("for 10 hours per user", "for 10 hours"),
    ),
    "T0432": Explanation(
        "an amount with three decimals (warning)",
        "Amounts are written with a decimal point and without thousands separators, whatever the vendor's "
        "language: an Italian, Polish or German offer's \"18.000 €\" (eighteen thousand) written `18.000 EUR` is "
        "read as 18 euros. An amount of one or more with exactly three decimals is almost always such a "
        "thousands separator: write `18000 EUR`, or `18 EUR` when 18 euros is meant.",
        V + '  plan gold {\n    name "Gold"\n    price 18.000 EUR per year\n  }\n}\n',
        fix=("18.000 EUR", "18000 EUR"),
    ),
    # --- prices that add up, and the least a price per a unit comes to ---
    "T0433": Explanation(
        "a part of a price paid per another period",
        "`price 4900 SEK per month plus 350 SEK per server` is SEK 4 900 a month and SEK 350 a month for each server, "
        "added up: a part after `plus` is paid per the price's own period, which it need not repeat. A part paid per "
        "another period (per year on a price per month) does not add up with it: it is a price of its own.",
        V + '  plan managed {\n    name "Managed"\n    price 4900 SEK per month plus 350 SEK per server per year\n  }\n}\n',
        fix=("per server per year", "per server"),
    ),
    "T0434": Explanation(
        "a part of a price, or its least amount, in another currency",
        "The parts of a price (`plus 350 SEK per server`) and the least it comes to (`at least 1500 EUR per month`) "
        "are in the price's currency, so that they add up and compare. A vendor that also sells in another currency "
        "has a price in it of its own.",
        V + '  plan managed {\n    name "Managed"\n    price 4900 SEK per month plus 35 EUR per server\n  }\n}\n',
        fix=("plus 35 EUR per server", "plus 350 SEK per server"),
    ),
    "T0435": Explanation(
        "two amounts of one price per the same thing",
        "A part after `plus` is per something else than the price and its other parts: `price 4900 SEK per month plus "
        "350 SEK per server plus 90 SEK per user`. Two amounts per the same unit (or two per no unit) are one amount: "
        "add them up.",
        V + '  plan managed {\n    name "Managed"\n    price 4900 SEK per month plus 350 SEK per server plus 50 SEK per server\n  }\n}\n',
        fix=("plus 350 SEK per server plus 50 SEK per server", "plus 400 SEK per server"),
    ),
    "T0436": Explanation(
        "a least amount on a price that is not per a unit",
        "`price 150 EUR per device per month at least 1500 EUR per month` is EUR 150 for each device, and at least "
        "EUR 1 500 a month however few devices there are. A price per no unit (`150 EUR per month`, a pack `for 10 "
        "hours`) is its amount, so it has no least amount; a price the vendor says starts at an amount is `price "
        "from 150 EUR per month`.",
        V + '  plan fleet {\n    name "Fleet"\n    price 150 EUR per month at least 1500 EUR per month\n  }\n}\n',
        fix=("150 EUR per month at", "150 EUR per device per month at"),
    ),
    "T0437": Explanation(
        "a price with two set-up fees, or billed at two intervals",
        "`plus 3000 EUR setup` is the one-off fee paid when a price starts. Two fees on one price are one fee: add "
        "them up. A fee for something bought apart (an on-site installation) is that thing's price, a feature's "
        "add-on or a price of its own. Likewise a price is invoiced at one interval: `billed quarterly` is written "
        "once, after the price's period or after its last part (`price 4900 SEK per month plus 350 SEK per server "
        "billed quarterly`).",
        V + '  plan gold {\n    name "Gold"\n    price 1500 EUR per month plus 2000 EUR setup plus 1000 EUR setup\n  }\n}\n',
        fix=("plus 2000 EUR setup plus 1000 EUR setup", "plus 3000 EUR setup"),
    ),
    "T0438": Explanation(
        "an unknown currency",
        "An amount's currency is the ISO 4217 code of a currency in use (or legal tender somewhere since 2020): SEK, EUR, PLN, USD, GBP, NOK and so "
        "on. Three other capital letters are not read as a currency of their own, which a page would show "
        "as it is: they are usually a slip (SKE for SEK, EUE for EUR), and the hint names the codes it is "
        "close to.",
        V + '  plan basic {\n    name "Basic"\n    price 1200 SKE per month\n  }\n}\n',
        fix=("1200 SKE", "1200 SEK"),
    ),
    # --- T05: calendars ---------------------------------------------------------------------------
    "T0501": Explanation(
        "an unknown time zone",
        "`zone` names an IANA time zone (Europe/Stockholm, America/New_York), or `customer`. The "
        "diagnostic points at the `zone` line. Files of the computer's zone data that name no place "
        "are refused too: `localtime` (the zone of the computer that builds the site), `posixrules`, "
        "`Factory`, and the copies under `posix/` and `right/`; a browser knows none of them.",
        "calendar office {\n  open mon-fri 08:00-17:00\n  zone Europe/Stokholm\n}\n",
        fix=('Europe/Stokholm', 'Europe/Stockholm'),
    ),
    "T0520": Explanation(
        "a zone with no summer time (warning)",
        "`zone EST`, `zone MST`, `zone HST` and `zone Etc/GMT+5` are IANA names for a fixed offset from "
        "UTC that never changes to summer time: with `zone EST`, office hours of 09:00-17:00 run 10:00-18:00 "
        "New York time from March to November. Name the place whose clock the vendor keeps.",
        "calendar office {\n  zone EST\n  open mon-fri 09:00-17:00\n}\n",
        fix=("zone EST", "zone America/New_York"),
    ),
    "T0521": Explanation(
        "yearly hours that open a weekend day (warning)",
        "`hours yearly 12-24 08:00-12:00` gives those hours on 24 December of every year of the horizon, "
        "whatever the weekday: on a Saturday or Sunday it opens a day the week keeps closed, and a ticket "
        "reported the day before is due that weekend. When the vendor means a half day on Christmas Eve "
        "when it is a working day, end the line with `on working days`: the hours then hold only where the "
        "week opens the day and no holiday closes it. `hours monthly day 25 …` is warned about alike; a pay day "
        "that moves to the working day before it ends with `or the working day before`, a tax deadline that moves to the "
        "next working day with `or the working day after`.",
        "horizon 2026-2028\ncalendar office {\n  zone Europe/Berlin\n  open mon-fri 08:00-17:00\n  hours yearly 12-24 08:00-12:00\n}\n",
        fix=("  hours yearly 12-24 08:00-12:00\n", "  hours yearly 12-24 08:00-12:00 on working days\n"),
    ),
    "T0522": Explanation(
        "an eve before a holiday the calendar does not close",
        "`eve 10:00-13:00 before \"Midsummer Eve\", \"Christmas Eve\"` shortens the day before those holidays only. Each "
        "name is one of the holidays the calendar's `closed holidays` lines close in some year of the horizon, as "
        "`tierwise holidays COUNTRY --year YEAR [--including KINDS]` prints it: its English name, or the country's own "
        "in brackets (`\"Julafton\"`), in any case; each once. A holiday of a kind the calendar does not include (Sweden's "
        "Midsummer Eve without `including de-facto`) is not among them. The name is the holiday after the short day, not "
        "the short day itself: a short 31 December where it is no holiday (Poland's Sylwester) is `before \"New Year's "
        "Day\"`.",
        "horizon 2026-2028\ncalendar office {\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n  closed holidays SE\n"
        "  eve 10:00-13:00 before \"Midsommer\"\n}\n",
        fix=('"Midsommer"', '"Midsummer Day"'),
    ),
    "T0523": Explanation(
        "a holiday kept open that its line does not close",
        "`closed holidays FR except \"Pentecost Monday\"` keeps that holiday of the line an ordinary day (France's "
        "*journée de solidarité*, a US vendor open on Columbus Day). Each name is one of the holidays that very line "
        "closes in some year of the horizon, as `tierwise holidays COUNTRY [SUBDIVISION] --year YEAR [--including KINDS]` "
        "prints it: its English name, or the country's own in brackets (`\"Lundi de Pentecôte\"`), in any case; each once.",
        "horizon 2026-2028\ncalendar bureau {\n  zone Europe/Paris\n  open mon-fri 09:00-18:00\n"
        "  closed holidays FR except \"Pentcost Monday\"\n}\n",
        fix=('"Pentcost Monday"', '"Pentecost Monday"'),
    ),
    "T0524": Explanation(
        "hours for the first or last working days of a month that name no sensible number of days",
        "`hours monthly last 3 working days 07:00-20:00` gives other hours on the last three working days of every "
        "month (a payroll vendor's month-end), `hours monthly first working day …` on the first. The count is 1 to 10, "
        "and each edge of the month is given once: days with different hours near the month's end are one line for the "
        "days they share and the ordinary hours for the rest. `hours monthly day 25 …` (a pay day) names a day every "
        "month has, 1 to 28, each day once; a month's end is its last working days.",
        "calendar office {\n  zone Europe/Berlin\n  open mon-fri 08:00-17:00\n  hours monthly last 0 working days 07:00-20:00\n}\n",
        fix=("last 0 working", "last 3 working"),
    ),
    "T0525": Explanation(
        "bridge days on a calendar without holidays",
        "`closed bridge days` closes each working day between a holiday of the calendar's `closed holidays` lines and a "
        "day the week keeps closed or another such holiday (a Swedish klämdag, an Italian ponte). A calendar that closes on no holidays has no "
        "such day, so the line closes nothing; the customer's own holidays (`closed holidays customer`) do not count, "
        "for they differ from customer to customer.",
        "calendar office {\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n  closed bridge days\n}\n",
        fix=("  closed bridge days\n", "  closed holidays SE\n  closed bridge days\n"),
    ),
    "T0526": Explanation(
        "the holidays of one place given hours twice",
        "`hours holidays IT 09:00-13:00` opens the public holidays of a country (or a subdivision) those hours instead of "
        "closing them: on-call hours on public holidays (\"reperibilità nei giorni festivi\"). Each place has one such "
        "line per calendar, giving all the hours of its holidays (`hours holidays IT 09:00-13:00, 15:00-18:00`); a second "
        "line for the same place would leave unsaid which hours a holiday has. Holidays of other kinds or other places "
        "may have lines of their own (`hours holidays IT MI …` beside `hours holidays IT …`: the line written first wins "
        "on a day both have).",
        "calendar on-call {\n  zone Europe/Rome\n  open sat 09:00-18:00\n  hours holidays IT 09:00-13:00\n"
        "  hours holidays IT 15:00-18:00\n}\n",
        fix=("09:00-13:00\n  hours holidays IT 15:00-18:00\n", "09:00-13:00, 15:00-18:00\n"),
    ),
    "T0502": Explanation(
        "an unknown country for public holidays",
        "`closed holidays XX` names a two-letter country code the holidays package knows.",
        "calendar office {\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n  closed holidays XX\n}\n",
        fix=('holidays XX', 'holidays SE'),
    ),
    "T0503": Explanation(
        "an unknown subdivision",
        "`closed holidays DE BY`: the subdivision is one of the country's.",
        "calendar office {\n  zone Europe/Berlin\n  open mon-fri 08:00-17:00\n  closed holidays DE ZZ\n}\n",
        fix=('holidays DE ZZ', 'holidays DE BY'),
    ),
    "T0504": Explanation(
        "eve hours without holidays",
        "`eve` gives the hours of the day before a holiday, so the calendar needs `closed holidays`.",
        "calendar office {\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n  eve 08:00-13:00\n}\n",
        fix=('  eve 08:00-13:00\n', '  closed holidays SE\n  eve 08:00-13:00\n'),
    ),
    "T0505": Explanation(
        "hours that end before they start",
        "Hours within one day end after they start. Hours past midnight name both days: `open fri "
        "22:00 - sat 06:00`.",
        "calendar office {\n  zone Europe/Stockholm\n  open mon-fri 17:00-08:00\n}\n",
        fix=('open mon-fri 17:00-08:00', 'open mon 17:00 - tue 08:00'),
    ),
    "T0506": Explanation(
        "a 24x7 calendar with other hours",
        "`open 24x7` counts all real time; it cannot also have hours, holidays or dates.",
        "calendar always {\n  open 24x7\n  closed holidays SE\n}\n",
        fix=('  closed holidays SE\n', ''),
    ),
    "T0507": Explanation(
        "overlapping hours",
        "Opening hours (and eve or date hours) do not overlap; merge them into one interval.",
        "calendar office {\n  zone Europe/Stockholm\n  open mon-fri 08:00-12:00, 11:00-17:00\n}\n",
        fix=('08:00-12:00, 11:00-17:00', '08:00-17:00'),
    ),
    "T0508": Explanation(
        "a date given twice",
        "A date has one `closed` or `hours` line. Each day of a span (`closed 2026-12-28 to 2027-01-06`, "
        "`hours 2026-07-06 to 2026-08-02 08:00-16:00`) is a date of its own: given again in another line, it is "
        "reported too.",
        "calendar office {\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n  closed 2026-12-31\n  closed 2026-12-31\n}\n",
        fix=('  closed 2026-12-31\n  closed 2026-12-31\n', '  closed 2026-12-31\n'),
    ),
    "T0509": Explanation(
        "a time that is no time of day",
        "Times run from 00:00 to 24:00.",
        "calendar office {\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:60\n}\n",
        fix=('17:60', '18:00'),
    ),
    "T0510": Explanation(
        "a date that is not in the calendar",
        "Dates are written YYYY-MM-DD and exist.",
        "calendar office {\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n  closed 2026-02-30\n}\n",
        fix=('2026-02-30', '2026-02-28'),
    ),
    "T0511": Explanation(
        "a calendar without a time zone",
        "A calendar's hours are wall-clock times in a zone: `zone Europe/Stockholm`, or `zone "
        "customer` for the customer's own zone.",
        "calendar office {\n  open mon-fri 08:00-17:00\n}\n",
        fix=('calendar office {\n', 'calendar office {\n  zone Europe/Stockholm\n'),
    ),
    "T0512": Explanation(
        "a calendar that is never open",
        "A calendar has opening hours (`open mon-fri 08:00-17:00`) or is `open 24x7`.",
        "calendar office {\n  zone Europe/Stockholm\n}\n",
        fix=('  zone Europe/Stockholm\n}', '  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n}'),
    ),
    "T0513": Explanation(
        "the customer's holidays on a 24x7 calendar",
        "A calendar that is `open 24x7` counts real time and has no holidays, so it cannot close on the "
        "customer's. Give it opening hours, or remove `closed holidays customer`.",
        "calendar around {\n  open 24x7\n  closed holidays customer SE\n}\n",
        fix=("  closed holidays customer SE\n", ""),
    ),
    "T0514": Explanation(
        "the customer's holidays on a calendar in a fixed zone",
        "`closed holidays customer` closes a calendar on the public holidays of the customer's own country, "
        "which goes with the customer's own zone: the calendar needs `zone customer`. To close on one "
        "country's holidays whatever the customer, write `closed holidays SE`.",
        "calendar local {\n  zone Europe/Rome\n  open mon-fri 09:00-17:00\n  closed holidays customer IT\n}\n",
        fix=("  zone Europe/Rome\n", "  zone customer\n"),
    ),
    "T0515": Explanation(
        "a country listed twice for the customer's holidays",
        "Each country in `closed holidays customer` is listed once; the rules carry its holidays once.",
        "calendar local {\n  zone customer\n  open mon-fri 09:00-17:00\n  closed holidays customer SE, PL, SE\n}\n",
        fix=("SE, PL, SE", "SE, PL"),
    ),
    "T0516": Explanation(
        "a fixed country's holidays in the customer's zone (warning)",
        "A calendar in the customer's own zone that closes on `closed holidays SE` closes on Sweden's "
        "holidays wherever the customer is: right if the vendor means its own holidays, wrong if the "
        "customer's are meant. For the customer's own, write `closed holidays customer SE, PL, ...`, "
        "listing the countries the published rules should carry.",
        "calendar local {\n  zone customer\n  open mon-fri 09:00-17:00\n  closed holidays SE\n}\n",
        fix=("  closed holidays SE\n", "  closed holidays customer SE, PL\n"),
    ),
    "T0517": Explanation(
        "an unknown kind of holiday",
        "`closed holidays SE including de-facto` also closes on the days the holidays package counts as "
        "holidays of that kind in the country (Sweden's de facto holidays: Midsummer Eve, Christmas Eve "
        "and New Year's Eve). Public holidays are always included; the other kinds differ per country "
        "(Sweden: bank, de-facto, optional).",
        "calendar office {\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n  closed holidays SE including de-fakto\n}\n",
        fix=("de-fakto", "de-facto"),
    ),
    "T0518": Explanation(
        "closed days (or days with other hours) that end before they start, or span too long",
        "`closed 2026-12-28 to 2027-01-06` closes every day from the first date to the second, both "
        "included, and `hours 2026-07-06 to 2026-08-02 08:00-16:00` gives those days other hours: the earlier date "
        "comes first, and a range spans at most 366 days. For the same days of every year, write `closed yearly 12-24 "
        "to 12-26` (or `hours yearly 07-01 to 08-15 …`).",
        "calendar office {\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n  closed 2027-01-06 to 2026-12-28\n}\n",
        fix=("closed 2027-01-06 to 2026-12-28", "closed 2026-12-28 to 2027-01-06"),
    ),
    "T0519": Explanation(
        "a day of the year that does not exist",
        "`closed yearly MM-DD` names a month (01-12) and a day of that month: `closed yearly 12-24` is "
        "24 December of every year. `02-29` is allowed and closes 29 February in leap years.",
        "calendar office {\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n  closed yearly 24-12\n}\n",
        fix=("closed yearly 24-12", "closed yearly 12-24"),
    ),
    # --- T06: priorities --------------------------------------------------------------------------
    "T0601": Explanation(
        "a matrix row that is not an urgency",
        "Each row of the impact × urgency matrix starts with a declared urgency.",
        'priorities levels {\n  level P1 { }\n  impact large "Large"\n  urgency high "High"\n  matrix {\n    hihg: P1\n  }\n}\n',
        fix=('hihg: P1', 'high: P1'),
    ),
    "T0602": Explanation(
        "a matrix row with the wrong number of levels",
        "A row gives one level per impact, in the order the impacts are declared.",
        'priorities levels {\n  level P1 { }\n  impact large "Large"\n  urgency high "High"\n  matrix {\n    high: P1, P1\n  }\n}\n',
        fix=('high: P1, P1', 'high: P1'),
    ),
    "T0603": Explanation(
        "an unknown level in the matrix",
        "The matrix names levels of its own scheme.",
        'priorities levels {\n  level P1 { }\n  impact large "Large"\n  urgency high "High"\n  matrix {\n    high: P9\n  }\n}\n',
        fix=('high: P9', 'high: P1'),
    ),
    "T0604": Explanation(
        "a combination the matrix leaves out",
        "The matrix gives a level for every impact and urgency.",
        'priorities levels {\n  level P1 { }\n  impact large "Large"\n  urgency high "High"\n  urgency low "Low"\n'
        "  matrix {\n    high: P1\n  }\n}\n",
        fix=('    high: P1\n  }', '    high: P1\n    low: P1\n  }'),
    ),
    "T0605": Explanation(
        "impacts and urgencies without a matrix",
        "A scheme that names impacts and urgencies maps them to levels in a `matrix` block.",
        'priorities levels {\n  level P1 { }\n  impact large "Large"\n  urgency high "High"\n}\n',
        fix=('  urgency high "High"\n}', '  urgency high "High"\n  matrix {\n    high: P1\n  }\n}'),
    ),
    "T0606": Explanation(
        "a priority named twice in 'for' (warning)",
        "`obligation ID for P1 and P2 ...` lists each priority the obligation is for once; the second "
        "mention changes nothing.",
        V + '  priorities levels { level P1 { } level P2 { } }\n'
        '  plan basic { name "Basic" obligation rca for P1 and P1 "A root-cause analysis" }\n}\n',
        fix=("for P1 and P1", "for P1"),
    ),
    # --- T07: sources --------------------------------------------------------------------------------
    "T0701": Explanation(
        "a source's address that is not a web link",
        "`source TEXT url \"URL\"`: the address of the document the terms were taken from is an https:// "
        "or http:// link a reader can open.",
        V + '  source "Support terms" url "acme.example/terms.pdf"\n}\n',
        fix=('url "acme.example/terms.pdf"', 'url "https://acme.example/terms.pdf"'),
    ),
    "T0702": Explanation(
        "a source's year that is not a year",
        "`published` is the document's date (2015-10-01), or only its four-digit year when that is all it states.",
        V + '  source "Support terms" published 15\n}\n',
        fix=("published 15", "published 2015"),
    ),
    "T0703": Explanation(
        "a source read before it was published",
        "`read` is the date you read the terms, so it comes after `published`.",
        V + '  source "Support terms" published 2026-11-02 read 2026-11-01\n}\n',
        fix=("published 2026-11-02", "published 2026-10-15"),
    ),
    # --- T08: targets -----------------------------------------------------------------------------
    "T0801": Explanation(
        "a duration that is not longer than zero",
        "A target or an obligation gives a time longer than zero.",
        V + '  plan basic { name "Basic" target first-response all 0h on around }\n  calendar around { open 24x7 }\n}\n',
        fix=('all 0h on', 'all 15min on'),
    ),
    "T0803": Explanation(
        "a tier with no support that promises a time",
        "`no support` says a tier offers no support at all; it cannot also promise a time. A tier with "
        "support but no promised time says `target METRIC all none` instead.",
        V + '  plan free { name "Free" no support target first-response all 2h on around }\n  calendar around { open 24x7 }\n}\n',
        fix=(" target first-response all 2h on around", ""),
    ),
    "T0802": Explanation(
        "a target without its clock",
        "A guaranteed target says which calendar its time is counted on: `on office`.",
        V + '  plan basic { name "Basic" target first-response all 2h }\n}\n',
        fix=('all 2h }', 'all 2h on around }\n  calendar around { open 24x7 }'),
    ),
    "T0804": Explanation(
        "zero business days",
        "A target in business days counts at least one: `1 business day`, or `end of 1 business day` for "
        "\"by the end of the next business day\".",
        V + '  plan basic { name "Basic" target first-response all 0 business days on office }\n'
        "  calendar office { zone Europe/Stockholm open mon-fri 08:00-17:00 }\n}\n",
        fix=("all 0 business days", "all 1 business day"),
    ),
    "T0805": Explanation(
        "a clock on a target that is not published (warning)",
        "`not published` says the vendor has a target but does not say what it is; there is nothing to "
        "count, so `on CALENDAR` means nothing there and is ignored.",
        V + '  plan basic { name "Basic" target first-response all not published on office }\n'
        "  calendar office { zone Europe/Stockholm open mon-fri 08:00-17:00 }\n}\n",
        fix=("not published on office", "not published"),
    ),
    # --- T09: contacts ----------------------------------------------------------------------------
    "T0901": Explanation(
        "an unknown contact group",
        "`contact ... in GROUP` names a group the vendor declares with `group ID TEXT`.",
        V + '  group italy "Italy"\n  contact phone "+39 039 69941" in itali\n}\n',
        fix=('in itali', 'in italy'),
    ),
    "T0902": Explanation(
        "a phone number without its country code, or not a valid one",
        "Phone and fax numbers are written with their country code (+46 42-400 39 99), so the site can "
        "link them for callers in every country; the page shows the national form. The number is "
        "checked against its country's numbering plan (Google's libphonenumber).",
        V.replace("language en", "language sv") + '  contact phone "042-400 39 99"\n}\n',
        fix=('"042-400 39 99"', '"+46 42-400 39 99"'),
    ),
    "T0903": Explanation(
        "a malformed e-mail address",
        "An e-mail address is name@domain, without spaces or mailto:.",
        V + '  contact email "support(at)acme.example"\n}\n',
        fix=('support(at)acme.example', 'support@acme.example'),
    ),
    "T0904": Explanation(
        "a malformed web address",
        "A web address is a full https:// (or http://) address; a portal may instead be named without "
        "an address (\"My Acme\").",
        V + '  contact web "www.acme.example"\n}\n',
        fix=('"www.acme.example"', '"https://www.acme.example"'),
    ),
    # --- issue 10: the horizon and effective-dated targets ---
    "T0806": Explanation(
        "the horizon is declared twice",
        "`horizon FIRST-LAST` states the calendar years the exported SLA rules cover, for the whole "
        "project; it is written once, in any plan file, outside the vendor blocks.",
        'horizon 2026-2028\nhorizon 2027-2029\n' + V + '}\n',
        fix=('horizon 2027-2029\n', ''),
    ),
    "T0807": Explanation(
        "a horizon that is not a span of years",
        "A horizon names the first and the last calendar year the rules cover, first <= last, at most "
        "20 years (every calendar is expanded day by day over it). Renew the rules with a later horizon "
        "before the last year ends.",
        'horizon 2028-2026\n' + V + '}\n',
        fix=('horizon 2028-2026', 'horizon 2026-2028'),
    ),
    "T0808": Explanation(
        "two versions of a target from the same date",
        "A target may say from which date it applies (`from 2027-01-01`); the targets for one metric, "
        "priority and kind of case are then versions, and a ticket uses the version in force on the day it "
        "was reported. Two versions from the same date would both be in force.",
        V + _PLAN_V10
        + '    target first-response all 8h on office from 2027-01-01\n'
        '    target first-response all 4h on office from 2027-01-01\n  }\n}\n',
        fix=('4h on office from 2027-01-01', '4h on office from 2028-01-01'),
    ),
    "T0809": Explanation(
        "versions of a target out of date order",
        "The versions of one target are written in the order they come into force: first the one without "
        "a date (in force from the start, if there is one), then each `from DATE` in date order, so that "
        "a reader sees the history top to bottom.",
        V + _PLAN_V10
        + '    target first-response all 4h on office from 2028-01-01\n'
        '    target first-response all 8h on office from 2027-01-01\n  }\n}\n',
        fix=('4h on office from 2028-01-01\n    target first-response all 8h on office from 2027-01-01',
             '8h on office from 2027-01-01\n    target first-response all 4h on office from 2028-01-01'),
    ),
    "T0813": Explanation(
        "years outside the holiday data of a calendar's country",
        "The holidays package knows each country's holidays for a span of years only (Sweden: 1953–2100) "
        "and outside it knows none, so a calendar closed on holidays would be open on them. The horizon, "
        "or the years given with --years, must lie within the span of every country a calendar closes on "
        "the holidays of; the diagnostic is at the `closed holidays` line and names the span.",
        'horizon 1940-1942\n' + V
        + '  calendar office {\n    zone Europe/Stockholm\n    open mon-fri 08:00-17:00\n    closed holidays SE\n  }\n}\n',
        fix=('horizon 1940-1942', 'horizon 2026-2028'),
    ),
    "T0815": Explanation(
        "an obligation timed after work without a calendar",
        "`after DURATION` counts working time from the first response on a calendar's open hours, so it "
        "names the calendar: `after 4h on office`. For time counted round the clock, name a calendar with "
        "`open 24x7`.",
        V + _PLAN_V10 + '    obligation call after 4h "We phone you"\n  }\n}\n',
        fix=("after 4h ", "after 4h on office "),
    ),
    "T0814": Explanation(
        "a workaround promised later than the resolution, or sooner than the first response (warning)",
        "A workaround is a temporary fix that restores the service; SLAs promise it after the first "
        "response and before the final resolution (\"P1: response 1 h, workaround 4 h, resolution 5 "
        "days\"). A plan whose workaround target for a priority is longer than its resolution target, or "
        "shorter than its first-response target, has probably swapped two times or given one to the wrong "
        "priority. The targets are compared within one plan block, for the same priority (or `all`), kind "
        "of case and `from` date, when both are counted alike: on the same calendar, both in hours or both "
        "in business days. If the vendor really promises it so, keep it: this is a warning.",
        V + _PLAN_V10 + "    target workaround all 8h on office\n    target resolution all 4h on office\n  }\n}\n",
        fix=("target workaround all 8h", "target workaround all 2h"),
    ),
    # Format 1.6: a technician on site, after the first response.
    "T0816": Explanation(
        "a technician promised on site sooner than the first response (warning)",
        "An on-site target (`target on-site P1 4h on CALENDAR`) is the time until a technician arrives at "
        "the customer's site; SLAs promise it after the first response (\"P1: response 1 h, technician on "
        "site within 4 service hours\"). A plan whose on-site target for a priority is shorter than its "
        "first-response target has probably swapped the two times or given one to the wrong priority. The "
        "targets are compared within one plan block, for the same priority (or `all`), kind of case and "
        "`from` date, when both are counted alike: on the same calendar, both in hours or both in business "
        "days. If the vendor really promises it so, keep it: this is a warning.",
        V + _PLAN_V10 + "    target first-response all 4h on office\n    target on-site all 2h on office\n  }\n}\n",
        fix=("target on-site all 2h", "target on-site all 8h"),
    ),
    "T0817": Explanation(
        "a plan that extends another has only dated versions of an inherited target (warning)",
        "A plan that `extends` another and writes any version of a target (same metric, priority and kind of "
        "case) replaces all of the parent's versions of it. When it writes only versions `from DATE`, it has "
        "no such target before the first date (its `all` target applies, if it has one), although the parent "
        "has one: an author adding \"from 1 January: 12 hours\" to a tier usually means the parent's terms to "
        "hold until then. Write the parent's target again, without a date, before the dated version; if the "
        "tier really has no such target until then, keep it: this is a warning.",
        V + '  calendar office {\n    zone Europe/Stockholm\n    open mon-fri 08:00-17:00\n  }\n'
        '  plan gold {\n    name "Gold"\n    target resolution all 24h on office\n  }\n'
        '  plan platinum extends gold {\n    name "Platinum"\n    target resolution all 12h on office from 2027-01-01\n  }\n}\n',
        fix=('    target resolution all 12h on office from 2027-01-01', '    target resolution all 24h on office\n'
             '    target resolution all 12h on office from 2027-01-01'),
    ),
    "T0812": Explanation(
        "a `terms from DATE` block without targets (warning)",
        "`terms from DATE { ... }` writes several targets (and prices) that change on the same date at "
        "once: each target or price inside it is a version from that date, as if it ended with `from DATE`. "
        "A block with nothing inside changes nothing.",
        V + _PLAN_V10 + '    target first-response all 8h on office\n    terms from 2027-01-01 { }\n  }\n}\n',
        fix=('terms from 2027-01-01 { }', 'terms from 2027-01-01 { target first-response all 4h on office }'),
    ),
    # --- the languages customers are helped in ---
    "T0810": Explanation(
        "an unknown language in `support languages`",
        "`support languages` lists the languages a customer can be helped in, as ISO 639 codes (sv, it, "
        "pl, en, de, fi, ...: two letters, or three where a language has no two-letter code), without a "
        "region. The page names each in the reader's language (\"Swedish and English\", \"svenska och "
        "engelska\").",
        V + "  support languages sv, english\n}\n",
        fix=("english", "en"),
    ),
    "T0811": Explanation(
        "a language listed twice in `support languages`",
        "Each language is named once; the second mention is left out.",
        V + "  support languages sv, en, sv\n}\n",
        fix=("en, sv", "en"),
    ),
    # --- availability (uptime), service credits and maintenance windows ---
    "T0830": Explanation(
        "a percentage of availability or of a credit that is no share",
        "`availability 99.9% per month` promises the service is available 99.9 % of each month; `credit 10% "
        "below 99.9%` credits 10 % of the month's fee when it is not. An availability, and the threshold a "
        "credit starts below, is more than 0 and less than 100 (100 % would allow not one second of "
        "downtime, which no service measures); a credit is more than 0 and at most 100 (the "
        "whole fee). An offer that gives no service credits at all says `credit none`, not a credit of 0 %.",
        V + _PLAN_UPTIME + "    availability 100% per month\n  }\n}\n",
        fix=("availability 100%", "availability 99.9%"),
    ),
    "T0831": Explanation(
        "an availability without the period it is measured over",
        "Availability is measured over a period: 99.9 % per month allows about 43 minutes of downtime in "
        "every month, 99.9 % per year about 8.8 hours in the year, all of which may fall in one month. Write the period the vendor measures over: "
        "`per month` (or day, week, quarter, year).",
        V + _PLAN_UPTIME + "    availability 99.9%\n  }\n}\n",
        fix=("availability 99.9%", "availability 99.9% per month"),
    ),
    "T0832": Explanation(
        "a service credit that starts above the promised availability",
        "A credit is earned when the measured availability falls below its threshold. A threshold above "
        "the promised availability would credit a month in which the promise was kept. Start the credits "
        "at the promised availability or lower (`availability 99.9%` and `credit 10% below 99.9%`).",
        V + _PLAN_UPTIME + "    availability 99.5% per month\n    credit 10% below 99.9%\n  }\n}\n",
        fix=("below 99.9%", "below 99.5%"),
    ),
    "T0833": Explanation(
        "a credit that shrinks as the availability falls",
        "`credit 10% below 99.9%, 25% below 99%` gives 10 % of the fee when the availability is below "
        "99.9 %, and 25 % when it is below 99 %: the lower the availability, the larger the credit. A "
        "lower threshold with a smaller credit has probably swapped two numbers.",
        V + _PLAN_UPTIME + "    availability 99.9% per month\n    credit 25% below 99.9%, 10% below 99%\n  }\n}\n",
        fix=("25% below 99.9%, 10% below 99%", "10% below 99.9%, 25% below 99%"),
    ),
    "T0834": Explanation(
        "the same credit threshold given twice",
        "Each threshold of `credit` names one credit; a second credit below the same availability leaves "
        "open which one applies.",
        V + _PLAN_UPTIME + "    availability 99.9% per month\n    credit 10% below 99.9%, 25% below 99.9%\n  }\n}\n",
        fix=("25% below 99.9%", "25% below 99%"),
    ),
    "T0835": Explanation(
        "service credits without an availability",
        "Credits are earned when a promised availability is missed: write the availability in the same "
        "plan block as the credits (a plan that writes its own `credit` does not take its parent's "
        "availability, so that the two are always read together). The same holds for `credit none` (no "
        "service credits): it says there are no credits for missing the availability written beside it.",
        V + _PLAN_UPTIME + "    credit 10% below 99.9%\n  }\n}\n",
        fix=("    credit 10%", "    availability 99.9% per month\n    credit 10%"),
    ),
    "T0836": Explanation(
        "service credits that are shares of different fees",
        "A credit is a share of the plan's own fee, or, written `10% of subscription below 99.9%`, of the subscription "
        "price (or `of usage`, the usage charges) of the period. The customer gets the largest credit earned, never a "
        "sum, so every credit of a plan is a share of the same fee: write the same `of …` on each, or on none.",
        V + _PLAN_UPTIME + "    availability 99.9% per month\n    credit 10% of subscription below 99.9%, 25% below 99%\n  }\n}\n",
        fix=("25% below 99%", "25% of subscription below 99%"),
    ),
    # --- contract terms: minimum term, renewal, notice ---
    "T0840": Explanation(
        "a length in a contract line that is not at least 1",
        "`contract 12 months renews 12 months notice 3 months` states a tier's minimum term, how long each "
        "automatic renewal runs and the notice to end it; each length is a whole number of days, weeks, "
        "months, quarters or years, at least 1. A tier without a minimum term says `contract none`, and one "
        "that ends without notice says `notice none`: not a length of 0.",
        V + '  plan basic {\n    name "Basic"\n    contract 0 months notice 30 days\n  }\n}\n',
        fix=("contract 0 months", "contract none"),
    ),
    "T0841": Explanation(
        "`renews` in a contract with no minimum term",
        "`renews N UNIT` says that the minimum term runs again by itself when nobody gives notice (\"rinnovo "
        "tacito\", \"förlängs automatiskt\"). A contract with no minimum term (`contract none`) runs until "
        "it is ended, so it has no term to renew. A contract that runs month by month is `contract 1 month "
        "renews 1 month`.",
        V + '  plan flex {\n    name "Flex"\n    contract none renews 1 month notice 30 days\n  }\n}\n',
        fix=("contract none renews 1 month", "contract 1 month renews 1 month"),
    ),
    "T0842": Explanation(
        "a notice longer than the minimum term (warning)",
        "The notice is how long before the end of a term the customer must say it wants to leave. A notice "
        "longer than the minimum term binds the customer for the notice, not for the stated term, so a reader "
        "of the page would be misled; usually a unit is wrong (`notice 3 days`, not `3 months`). Lengths are "
        "compared whatever the calendar: months, quarters and years exactly (13 months is longer than 1 "
        "year), days and weeks against the longest month (31 days is not longer than 1 month, 32 days is). "
        "If the vendor really says so, keep it: this is a warning.",
        V + '  plan basic {\n    name "Basic"\n    contract 1 month renews 1 month notice 3 months\n  }\n}\n',
        fix=("notice 3 months", "notice 3 days"),
    ),
    "T0843": Explanation(
        "an unknown word after 'then' in a contract line",
        "`contract 12 months then open-ended notice 3 months` is a contract that, after its minimum term, runs on "
        "with no term of its own until the customer or the vendor gives notice (\"därefter tills vidare\", \"poi a "
        "tempo indeterminato\", \"następnie na czas nieokreślony\", Finnish \"toistaiseksi voimassa\"). The word "
        "after `then` is `open-ended`, whatever the offer calls it.",
        V + '  plan basic {\n    name "Basic"\n    contract 12 months then indefinitely notice 3 months\n  }\n}\n',
        fix=("then indefinitely", "then open-ended"),
    ),
    "T0844": Explanation(
        "`then open-ended` in a contract with no minimum term",
        "`then open-ended` says what happens after the minimum term: the contract runs on until notice is "
        "given. A contract with no minimum term (`contract none`) runs until it is ended from the start: "
        "`contract none notice 3 months` says all of it.",
        V + '  plan flex {\n    name "Flex"\n    contract none then open-ended notice 3 months\n  }\n}\n',
        fix=("contract none then open-ended", "contract none"),
    ),
    "T0845": Explanation(
        "a contract that both renews and runs on open-ended",
        "After its minimum term a contract either renews for a term of its own (`renews 12 months`: \"rinnovo "
        "tacito\", 12 more months at a time, ended only at the end of a term) or runs on with no term, ended "
        "whenever notice is given (`then open-ended`). Write the one the offer says.",
        V + '  plan basic {\n    name "Basic"\n    contract 12 months renews 12 months then open-ended\n  }\n}\n',
        fix=(" renews 12 months then", " then"),
    ),
    # --- cut-off times of targets -----------------------------------------------
    "T0850": Explanation(
        "a cut-off on a target that promises no time",
        "`cut-off 15:00` after a target says that a ticket reported at or after 15:00 on a business day "
        "counts from the next business day: it moves the start of the promised time. A target of `none` "
        "(no guaranteed time) or `not published` has no time to start, so a cut-off on it says nothing. "
        "Remove the cut-off, or give the target its time and calendar.",
        V + _PLAN_V10 + "    target on-site all none cut-off 15:00\n  }\n}\n",
        fix=("none cut-off 15:00", "end of 1 business day on office cut-off 15:00"),
    ),
    "T0851": Explanation(
        "a cut-off at midnight",
        "A cut-off is a time of day between 00:01 and 23:59: a ticket reported at or after it, on a "
        "business day of the target's calendar, counts as reported at that calendar's first opening of the "
        "next business day. At 00:00 every ticket of a business day would count from the next one, and at "
        "24:00 none would: write the time the vendor's terms name (\"calls received after 15:00\").",
        V + _PLAN_V10 + "    target on-site all end of 1 business day on office cut-off 24:00\n  }\n}\n",
        fix=("cut-off 24:00", "cut-off 15:00"),
    ),
    "T0852": Explanation(
        "calendar days on a calendar with opening hours",
        "`30 calendar days` (\"do 30 kalendářních dnů\", \"entro 30 giorni solari\") counts every day, weekends and "
        "holidays included, 24 hours each: the deadline is 30 × 24 real hours after the report. That is a clock open "
        "24x7; on a calendar with opening hours the days would be counted in its open time, which no vendor means. Name "
        "a calendar with `open 24x7` (in the vendor's zone), or, for days on which the calendar opens, write business days.",
        V + _PLAN_V10 + "    target resolution all 30 calendar days on office\n  }\n}\n",
        fix=("30 calendar days on office", "20 business days on office"),
    ),
    # --- penalties for missed targets ---
    "T0860": Explanation(
        "a penalty or its cap that is no amount",
        "`penalty resolution all 0.5% of monthly fee per started hour` says what the vendor pays when a resolution "
        "is late: an amount more than 0, as a share of the plan's fee (at most 100 %) or as money (`500 SEK`). An offer "
        "that says it pays no penalties writes `penalty none`, not a penalty of 0; a cap of 0 is no cap: leave it out.",
        V + _PLAN_V10 + "    target resolution all 8h on office\n    penalty resolution all 0% of monthly fee per started hour\n  }\n}\n",
        fix=("penalty resolution all 0% of monthly fee per started hour", "penalty none"),
    ),
    "T0861": Explanation(
        "a penalty for a target the plan does not promise",
        "A penalty is paid when a promised time is missed: `penalty first-response P1 ...` needs a target of "
        "`first-response` for P1 (its own or `all`'s) with a time, and `penalty first-response all ...` a target of "
        "`first-response` with a time for some priority, in the plan or what it extends. A target of `none` or `not "
        "published` promises no time that could be missed.",
        V + _PLAN_V10 + "    target first-response all 4h on office\n    penalty resolution all 1% of monthly fee per day\n  }\n}\n",
        fix=("penalty resolution", "penalty first-response"),
    ),
    "T0862": Explanation(
        "a penalty's cap below the penalty itself",
        "`at most 10% of monthly fee per month` caps the penalties of a month together. A cap below one hour's (one "
        "day's, one occurrence's) penalty would be passed at once, so the penalty per hour would never be paid as "
        "written: two numbers are probably swapped. A cap is compared when it is in the same measure as the penalty "
        "(both of the same fee, or both money in one currency).",
        V + _PLAN_V10 + "    target first-response all 4h on office\n"
        "    penalty first-response all 10% of monthly fee per started hour at most 0.5% of monthly fee per month\n  }\n}\n",
        fix=("10% of monthly fee per started hour at most 0.5%", "0.5% of monthly fee per started hour at most 10%"),
    ),
    "T0863": Explanation(
        "a penalty in another currency than the plan's prices",
        "A penalty in money (`500 SEK per started hour`) is paid under the contract the plan's price is in: an amount in "
        "another currency is probably a slip. Write it in the currency of the plan's prices, or as a share of the fee "
        "(`0.5% of monthly fee`).",
        V + _PLAN_V10 + "    price 12000 SEK per month\n    target first-response all 4h on office\n"
        "    penalty first-response all 500 EUR per started hour\n  }\n}\n",
        fix=("500 EUR", "500 SEK"),
    ),
    "T0864": Explanation(
        "a penalty's fee or unit the language does not know",
        "A share is of the plan's fee for a period: `of monthly fee`, `of quarterly fee` or `of yearly fee`, or of the "
        "whole contract's value: `of contract value`. A "
        "penalty is paid `per started hour` or `per hour` (real hours of delay past the deadline; `started`: each "
        "hour counts as it begins, without it only whole hours), `per started business hour` or `per business hour` "
        "(hours of the target's calendar, which the target must have), `per started day` or `per day` (24 hours of "
        "delay), `per started business day` or `per business day` (days the target's calendar is open, each from the "
        "deadline's time of day to the same time on the next one) or `per occurrence` (once per missed target).",
        V + _PLAN_V10 + "    target first-response all 4h on office\n    penalty first-response all 1% of monthly fee per started week\n  }\n}\n",
        fix=("per started week", "per started day"),
    ),
    "T0865": Explanation(
        "a penalty given twice, or beside `penalty none`",
        "Each metric and priority has one penalty (`penalty resolution P1 ...`, `penalty resolution all ...` for the "
        "rest). `penalty none` says the offer pays no penalties at all, so it stands alone.",
        V + _PLAN_V10 + "    target first-response all 4h on office\n    penalty first-response all 1% of monthly fee per day\n"
        "    penalty none\n  }\n}\n",
        fix=("    penalty none\n", ""),
    ),
    "T0866": Explanation(
        "a penalty's cap without what it sums over",
        "A cap limits penalties summed over something: `at most 10% of monthly fee per month` (the penalties of one "
        "calendar month together; or `per quarter`, `per year`, or `per contract`: over the contract's whole term), or "
        "`per occurrence` (the penalties of one missed target). Write the one the contract names; a penalty paid once per "
        "occurrence cannot be capped per occurrence, and a total cap is never per occurrence.",
        V + _PLAN_V10 + "    target first-response all 4h on office\n"
        "    penalty first-response all 0.5% of monthly fee per started hour at most 10% of monthly fee\n  }\n}\n",
        fix=("at most 10% of monthly fee", "at most 10% of monthly fee per month"),
    ),
    "T0867": Explanation(
        "a total cap of penalties without the penalties",
        "`penalty total at most 20% of monthly fee per month` caps all the plan's penalties of a month together. It "
        "stands beside the penalties it caps, in the same plan block: a plan that writes its own total does not take "
        "its parent's penalties (penalties go with their total, as credits with their availability), so write them again.",
        V + _PLAN_V10 + "    target first-response all 4h on office\n    penalty total at most 20% of monthly fee per month\n  }\n}\n",
        fix=("    penalty total", "    penalty first-response all 1% of monthly fee per started hour\n    penalty total"),
    ),
    "T0868": Explanation(
        "a share of a fee on a plan that has no fee",
        "`0.5% of monthly fee` is a share of what the customer pays for the plan: on a plan whose price is `free`, "
        "`included` or `not offered` it comes to nothing, and so does a share of the contract's value (`of contract value`) "
        "on a free plan. Write the penalty in money as the contract states it (`500 SEK per started hour`), or, when the "
        "offer pays no penalties, `penalty none`.",
        V + _PLAN_V10 + "    price free\n    target first-response all 4h on office\n"
        "    penalty first-response all 0.5% of monthly fee per started hour\n  }\n}\n",
        fix=("0.5% of monthly fee", "500 SEK"),
    ),
    "T0869": Explanation(
        "a growing penalty's step that does not follow its penalty",
        "`penalty resolution all 500 SEK per started day then 1000 SEK per started day after 5 days`: from the 6th "
        "started day of delay on, each costs 1000 SEK. A step repeats the penalty's own unit (`per started day`), counts "
        "in it (`after 5 days`; `after 24 hours` for a penalty per hour, business or real as the penalty counts), starts "
        "later than the step before it, and is in the penalty's measure (money in its currency, or a share of the same "
        "fee or of the contract's value). A penalty paid once per missed target does not grow.",
        V + _PLAN_V10 + "    target resolution all 8h on office\n"
        "    penalty resolution all 500 SEK per started day then 1000 SEK per started day after 5 weeks\n  }\n}\n",
        fix=("after 5 weeks", "after 5 days"),
    ),
    "T0870": Explanation(
        "a penalty for an obligation the plan does not have, or on the wrong calendar",
        "`penalty obligation report 0.5% of monthly fee per business day on office` is what the vendor pays when the "
        "plan's obligation `report` is late (a monthly report delivered after the day its text names). The id is one of "
        "the plan's obligations, its own or inherited. The business hours or days of the delay are of the obligation's "
        "own calendar (`obligation call-back after 2h on office`); only an obligation without one (`obligation report 1 "
        "per month`) names it after the unit, `per business day on office`. A calendar on a penalty counted in real "
        "time (`per started day`, `per occurrence`) counts nothing.",
        V + _PLAN_V10 + '    obligation report 1 per month "A monthly service report"\n'
        "    penalty obligation reprot 100 SEK per business day on office\n  }\n}\n",
        fix=("obligation reprot", "obligation report"),
    ),
    # --- T10: the project's settings file, tierwise.toml ----------------------------------------
    "T1001": Explanation(
        "the settings file is not valid TOML",
        "tierwise.toml, beside plans/, is TOML: `key = value` lines under the tables [site] and [brand], "
        "texts in double quotes, lists in brackets. The diagnostic points where the TOML reader stopped. "
        "A tierwise.toml that is no file at all (a folder, a pipe, a link to nothing) is this error too.",
        V + "}\n",
        files=(("tierwise.toml", b'[site]\ntitle = "Support tiers\n'),),
    ),
    "T1002": Explanation(
        "a setting has the wrong kind of value",
        "[site] title is a text; [site] base_url is the full http(s) address the site is served from "
        "(--base-url and TIERWISE_BASE_URL win over it).",
        V + "}\n",
        files=(("tierwise.toml", b'[site]\nbase_url = "support.acme.example"\n'),),
    ),
    "T1003": Explanation(
        "an unknown setting",
        "The settings file has two tables: [site] (title, base_url, languages, default_language, mode, "
        "vendor, templates) and [brand] (name, logo, accent, accent_text, font). The hint names the "
        "closest known name.",
        V + "}\n",
        files=(("tierwise.toml", b'[site]\ntitel = "Support tiers"\n'),),
    ),
    "T1004": Explanation(
        "the site's mode or vendor is wrong",
        "[site] mode is \"directory\" (an index of vendors per language, the default) or \"vendor\" (one "
        "vendor's own site: its page is the root of each language). A single-vendor site names its "
        "vendor with `vendor = \"ID\"`, the id written after `vendor` in a plan file.",
        V + "}\n",
        files=(("tierwise.toml", b'[site]\nmode = "vendor"\nvendor = "acne"\n'),),
    ),
    "T1005": Explanation(
        "a wrong language in the settings",
        "[site] languages lists the languages the site is published in, in the order of the language "
        "switcher, each a language code (sv, en, nb, pt-BR) named once; [site] default_language is one "
        "of them. Each needs a catalog of the site's words (locales/<code>/LC_MESSAGES/messages.po).",
        V + "}\n",
        files=(("tierwise.toml", b'[site]\nlanguages = ["sv", "en"]\ndefault_language = "de"\n'),),
    ),
    "T1006": Explanation(
        "a brand colour or font that is not one",
        "[brand] accent and accent_text are hex colours (#0b4f9c or #fff); [brand] font is a CSS font "
        "stack of names separated by commas. Nothing else is let into the site's style sheet.",
        V + "}\n",
        files=(("tierwise.toml", b'[brand]\naccent = "blue"\n'),),
    ),
    "T1007": Explanation(
        "a file or folder the settings name is not there",
        "[site] templates names a folder of the project (relative to tierwise.toml) whose templates "
        "replace the packaged ones of the same name; [brand] logo names an image file of the project "
        "(svg, png, jpg or webp).",
        V + "}\n",
        files=(("tierwise.toml", b'[brand]\nlogo = "brand/logo.svg"\n'),),
    ),
    "T1008": Explanation(
        "a brand colour too faint to read (warning)",
        "Links take the [brand] accent colour on the white page, so it needs a contrast of at least 4.5:1 "
        "with white (WCAG 2.1 AA), and accent_text at least 4.5:1 with the accent. The dark colour scheme "
        "keeps the site's own colours. A warning: the site is built, but some readers cannot read its links.",
        V + "}\n",
        files=(("tierwise.toml", b'[brand]\naccent = "#7fb2ff"\n'),),
    ),
    "T1009": Explanation(
        "a settings file too deep, too long or too big to read",
        "tierwise.toml holds a few settings one level deep: [site] and [brand], then `key = value`. Lists "
        "and tables may nest at most 50 levels, a dotted key or table name has at most 10 parts, and the "
        "file holds at most 1,000,000 bytes: beyond that the TOML reader would run out of stack or time.",
        V + "}\n",
        files=(("tierwise.toml", b"[site]\ntitle = " + b"[" * 60 + b"]" * 60 + b"\n"),),
    ),
}


# --- prices that change on a date (docs/language.md, "Prices that change on a date") -----------------

_PLAN_PRICES = '  plan gold {\n    name "Gold"\n    price 12000 SEK per year excl tax\n'
"""The opening of a plan with a price in force now, for the examples of dated prices."""

EXPLANATIONS.update({
    "T0820": Explanation(
        "two prices of the same thing from the same date",
        "A price may say from which date it applies (`price 14000 SEK per year from 2027-01-01`): from that "
        "date, the prices written with it replace all of the segment's earlier prices. Several prices of one "
        "date are allowed when they are prices of different things (another currency, unit or period, as "
        "without a date), but two in the same currency, unit and period from the same date would both be in "
        "force. The diagnostic is at the second.",
        V + _PLAN_PRICES
        + '    price 14000 SEK per year excl tax from 2027-01-01\n'
        '    price 15000 SEK per year excl tax from 2027-01-01\n  }\n}\n',
        fix=('15000 SEK per year excl tax from 2027-01-01', '15000 SEK per year excl tax from 2028-01-01'),
    ),
    "T0821": Explanation(
        "prices out of date order",
        "A segment's prices are written in the order they come into force: first the ones without a date "
        "(in force now, if there are any), then each `from DATE` in date order, so that a reader sees the "
        "history top to bottom. Prices of different segments are ordered each on their own.",
        V + _PLAN_PRICES
        + '    price 15000 SEK per year excl tax from 2028-01-01\n'
        '    price 14000 SEK per year excl tax from 2027-01-01\n  }\n}\n',
        fix=('15000 SEK per year excl tax from 2028-01-01\n    price 14000 SEK per year excl tax from 2027-01-01',
             '14000 SEK per year excl tax from 2027-01-01\n    price 15000 SEK per year excl tax from 2028-01-01'),
    ),
})


def run_example(code: str, folder: Path, fixed: bool = False) -> LoadResult:
    """Check an explanation's example (or its corrected form), written into `folder` (an empty folder)."""
    entry = EXPLANATIONS[code]
    text = entry.fixed if fixed else entry.example
    if text:
        (folder / "example.plan").write_text(text, encoding="utf-8")
    for name, data in entry.files:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    # An example with a settings file (T10xx) is a project of its own: its settings are read as the CLI reads them.
    settings, problems, sources = load_settings(folder if (folder / SETTINGS_FILE).is_file() else None)
    result = load_project([folder / entry.load], settings=settings)
    result.diagnostics[:0] = problems
    result.sources.update(sources)
    return result


def _relative(diag: Diagnostic, folder: Path) -> Diagnostic:
    """The diagnostic with its path relative to the example's folder."""
    prefix = str(folder) + "/"
    file = diag.pos.file[len(prefix) :] if diag.pos.file.startswith(prefix) else diag.pos.file
    notes = tuple((text, dataclasses.replace(pos, file=file)) for text, pos in diag.notes)
    return dataclasses.replace(diag, pos=dataclasses.replace(diag.pos, file=file), notes=notes)


def explain(code: str) -> str | None:
    """The long explanation of a code with its example and what Tierwise says about it; None for an unknown code."""
    entry = EXPLANATIONS.get(code.upper())
    if entry is None:
        return None
    code = code.upper()
    lines = [f"{code}: {entry.title}", "", textwrap.fill(entry.text, width=100), ""]
    if entry.example:
        lines += ["For example, this plan file (example.plan):", ""]
        lines += ["    " + _shown(line) for line in entry.example.rstrip("\n").split("\n")]
        lines.append("")
    with tempfile.TemporaryDirectory(prefix="tierwise-explain-") as tmp:
        folder = Path(tmp)
        result = run_example(code, folder)
        sources = {str(_relative_path(Path(k), folder)): v for k, v in result.sources.items()}
        said = [_relative(d, folder) for d in result.diagnostics if d.code == code]
    if said:
        lines += ["is reported as:", ""]
        for diag in said[:1]:
            lines += ["    " + _shown(line) for line in render(diag, sources.get(diag.pos.file)).split("\n")]
    if entry.fixed:
        lines += ["", "Corrected:", ""]
        lines += ["    " + _shown(line) for line in entry.fixed.rstrip("\n").split("\n")]
    return "\n".join(lines).rstrip() + "\n"


SHOWN_WIDTH = 120
"""The longest example line printed whole; the length-limit examples hold lines of 20,000 characters."""


def _shown(line: str) -> str:
    """A line of an example as printed: whole when short, else its start and how long it really is."""
    if len(line) <= SHOWN_WIDTH:
        return line
    return f"{line[: SHOWN_WIDTH - 40]}… ({len(line):,} characters in all)"


def _relative_path(path: Path, folder: Path) -> Path:
    try:
        return path.relative_to(folder)
    except ValueError:
        return path
