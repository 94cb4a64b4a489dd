"""Write tests/conformance/inputs.jsonl: the shared table of accepted and refused inputs.

Run it from any folder:  python3 tests/conformance/generate_inputs.py

The rows are written by hand in tests/support/inputs_table.py from docs/rules.md §5 ("Inputs");
this script only writes them, one JSON object per line.
"""

import json
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(TESTS.parent), str(TESTS)]

from support.inputs_table import rows  # noqa: E402

TABLE = Path(__file__).resolve().parent / "inputs.jsonl"


def text() -> str:
    """The file's text: one row per line, UTF-8."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows())


if __name__ == "__main__":
    TABLE.write_text(text(), encoding="utf-8")
    print(f"{TABLE}: {len(rows())} rows")
