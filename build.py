"""Tierwise in a checkout: `python build.py COMMAND` is `tierwise COMMAND`; see `python build.py --help`."""

from dsl.cli import run

if __name__ == "__main__":
    run(prog="python build.py")
