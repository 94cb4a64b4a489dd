"""The README's answers: what its commands, its Python lines and its JavaScript line say they give, they give.

An engineer consuming the rules starts from the README's "The commands" and "Consuming the SLA rules";
each `# -> ANSWER`, `# 'ANSWER'` and `// a Date: ANSWER` there is read from the README and checked against
the reference evaluators on the plans in plans/ (tests/conformance/rules.json holds them, over the
plans' horizon, with the conformance vendor beside them).
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dsl.rules.engine import Evaluator
from support.paths import BUILD_PY, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
RULES_PATH = ROOT / "tests" / "conformance" / "rules.json"
NODE = shutil.which("node")


def test_the_commands_print_what_the_readme_shows() -> None:
    shown = re.findall(r"^tierwise ((?:due|priority) [^#\n]+?)\s+# -> (\S+)$", README, re.M)
    assert len(shown) == 2, shown
    for command, answer in shown:
        run = subprocess.run([sys.executable, str(BUILD_PY), *shlex.split(command)], cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert (run.returncode, run.stdout.strip()) == (0, answer), run.stderr


def test_the_python_lines_give_what_the_readme_shows() -> None:
    rules = Evaluator(json.loads(RULES_PATH.read_text(encoding="utf-8")))
    shown = re.findall(r"^(rules\.[^#\n]+?)\s+# '([^']+)'$", README, re.M)
    assert len(shown) == 2, shown
    for expression, answer in shown:
        # the line as the README writes it, so a changed call or answer there is what the test runs
        assert eval(expression, {"rules": rules}) == answer


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_javascript_line_gives_the_date_the_readme_shows(tmp_path: Path) -> None:
    block = re.search(r"```js\n(.*?)```", README, re.S).group(1)  # type: ignore[union-attr]
    call = re.search(r"const deadline = (due\(rules, \{.*?\}\));", block).group(1)  # type: ignore[union-attr]
    answer = re.search(r"// a Date: (\S+)", block).group(1)  # type: ignore[union-attr]
    script = tmp_path / "readme.mjs"
    script.write_text(
        f"import {{ readFileSync }} from 'node:fs';\nimport {{ due }} from {json.dumps((ROOT / 'site_templates' / 'assets' / 'sla.js').as_uri())};\n"
        f"const rules = JSON.parse(readFileSync({json.dumps(str(RULES_PATH))}, 'utf-8'));\nconsole.log({call}.toISOString());\n",
        encoding="utf-8",
    )
    run = subprocess.run([NODE, str(script)], capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stdout.strip()) == (0, answer), run.stderr


# What a plan states, by its section in docs/language.md -> the words the README's opening paragraph names it by.
STATED = {
    "Features, categories and footnotes": "feature matrix",
    "Customer segments": "customer segment",
    "Priorities and the impact × urgency matrix": "impact × urgency matrix",
    "SLA targets": "response targets",
    "Calendars: when the clock runs": "national holidays",
    "Channels": "channels",
    "Obligations": "obligations",
    "Availability, service credits and maintenance": "availability with service credits",
    "Penalties for missed targets": "penalties for missed targets",
    "Prices": "prices",
    "Contract terms: minimum term, renewal, notice": "contract terms",
}


def test_the_opening_paragraph_names_what_a_plan_states() -> None:
    # It named availability and service credits but not the penalties a plan can state for a missed target.
    sections = re.findall(r"^## (.+)$", (ROOT / "docs" / "language.md").read_text(encoding="utf-8"), re.M)
    assert set(STATED) <= set(sections), set(STATED) - set(sections)
    opening = " ".join(README.split("\n\n")[2].split())
    assert opening.startswith("A vendor describes its support tiers")
    assert [words for words in STATED.values() if words not in opening] == []
