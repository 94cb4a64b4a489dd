"""Tierwise command line: `python build.py COMMAND`; see `python build.py --help`."""

import sys

from dsl.cli import main

if __name__ == "__main__":
    sys.exit(main())
