"""The outside data plans are judged against and the rules are expanded with: holiday and time-zone data.

The checks judge a subdivision or a zone name against them, the export expands calendars with them,
and every rule document names their versions (`data_versions`). One home for which data that is, so
that the build cache's keys of both (check findings, pages and rule files) hold the same versions.
"""

from __future__ import annotations

import zoneinfo
from pathlib import Path

from dsl.language.cache import version


def holidays_version() -> str:
    """The installed version of the holidays package (read without importing it)."""
    return version("holidays")


def tz_data() -> tuple[str, str]:
    """Which zone data zoneinfo really reads, and where from: a system directory on TZPATH wins over the tzdata package."""
    for folder in zoneinfo.TZPATH:
        marker = Path(folder) / "tzdata.zi"
        try:
            with marker.open(encoding="utf-8") as handle:
                head = handle.readline()
        except OSError:
            continue
        if head.startswith("# version "):
            return head.removeprefix("# version ").strip(), f"system:{folder}"
    found = version("tzdata")
    return (found, "python:tzdata") if found != "unknown" else ("unknown", "unknown")


def data_versions() -> dict[str, str]:
    """The versions of the holiday and time-zone data the calendars are judged, expanded and evaluated with."""
    tz_version, tz_source = tz_data()
    return {"holidays": holidays_version(), "tzdata": tz_version, "tzdata_source": tz_source}


def subdivision_name(country: str, subdivision: str) -> str:
    """A subdivision's name as the holidays package knows it ("England" for GB ENG), else its code."""
    # The package names subdivisions in their own language only (Cataluña, England): a place name a
    # reader of any page language recognises, where a code (CT, ENG) says nothing.
    import holidays

    try:
        aliases = holidays.country_holidays(country).subdivisions_aliases
    except (NotImplementedError, KeyError, AttributeError):
        return subdivision
    return next((name for name, code in aliases.items() if code == subdivision), subdivision)
