"""Tierwise in a checkout: `python build.py COMMAND` is `tierwise COMMAND`; see `python build.py --help`."""

import os
import sys
from pathlib import Path

try:
    from dsl.cli import run
except ModuleNotFoundError as exc:  # a Python without Tierwise's libraries: never a traceback
    if (exc.name or "").partition(".")[0] == "dsl":
        raise
    venv = Path(__file__).resolve().parent / ".venv"
    # The checkout's own virtual environment (README's quick start makes it) has them: run there instead
    # (once: the variable stops a second try when that environment lacks them too).
    if (venv / "bin" / "python").is_file() and Path(sys.prefix).resolve() != venv and not os.environ.get("TIERWISE_REEXEC"):
        os.environ["TIERWISE_REEXEC"] = "1"
        python = str(venv / "bin" / "python")
        os.execv(python, [python, str(Path(__file__).resolve()), *sys.argv[1:]])
    sys.exit(
        f"build.py: error: this Python ({sys.executable}) lacks '{exc.name}', one of the libraries Tierwise needs\n"
        "  hint: make the project's virtual environment and run build.py with it:\n"
        "        python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python build.py (README, Quick start)"
    )

if __name__ == "__main__":
    run(prog="python build.py")
