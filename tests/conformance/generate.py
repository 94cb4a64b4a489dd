"""Write tests/conformance/vectors.jsonl: deadlines the brute-force oracle computes.

Run it from any folder:  python3 tests/conformance/generate.py

The questions and the answering live in tests/support/rules_vectors.py (the tests read them
from there); this script only writes the file, and beside it rules.json, the rules the vectors
hold for, which the site publishes with them as rules/vectors-rules.json (docs/rules.md §10).
"""

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(TESTS.parent), str(TESTS)]  # the checkout (for dsl) and tests/ (for support), as pytest has them

from support.clock_vectors import main as clock_main  # noqa: E402
from support.rules_vectors import main, write_rules  # noqa: E402

if __name__ == "__main__":
    code = main()
    write_rules()
    sys.exit(code or clock_main())
