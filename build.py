"""Tierwise in a checkout: `python build.py COMMAND` is `tierwise COMMAND`; see `python build.py --help`."""

import sys

from dsl.cli import main

if __name__ == "__main__":
    sys.exit(main(prog="python build.py"))
