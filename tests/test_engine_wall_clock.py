"""The compiled calendar's wall-clock arithmetic (engine._wall_clock) equals the datetime conversion
(engine._local_us, fold=0) for every zone of the tz database, on every day and at the hours where
offsets change, so compiling a calendar by integers changes no deadline."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo, available_timezones

from dsl.rules.engine import _local_us, _wall_clock

# On a day whose offset changes: midnight, the small hours where most changes happen, the last minutes.
MINUTES = (0, 30, 59, 60, 90, 119, 120, 150, 179, 180, 210, 240, 480, 1020, 1380, 1439, 1440)


def test_every_zone_every_day_of_three_years() -> None:
    first, last = 2026, 2028
    days = range(date(first, 1, 1).toordinal(), date(last, 12, 31).toordinal() + 1)
    names = sorted(available_timezones())
    assert len(names) > 400  # the tz database is there (tzdata)
    for name in names:
        zone = ZoneInfo(name)
        fast = _wall_clock(first, last, zone)
        wrong = []
        for d in days:
            start, end = _local_us(d, 0, zone), _local_us(d, 1440, zone)
            if (fast(d, 0), fast(d, 1440)) != (start, end):
                wrong.append((date.fromordinal(d), "midnight"))
            elif end - start != 86_400_000_000:  # the offset changes on this day: every hour of it
                wrong += [(date.fromordinal(d), m) for m in MINUTES if fast(d, m) != _local_us(d, m, zone)]
        assert not wrong, f"{name}: {wrong[:3]}"


def test_a_zone_whose_offset_changes_twice_a_year_and_one_that_never_does() -> None:
    for name in ("Europe/Stockholm", "America/Santiago", "Australia/Lord_Howe", "Asia/Tokyo"):
        zone = ZoneInfo(name)
        fast = _wall_clock(1990, 1992, zone)
        for d in range(date(1990, 1, 1).toordinal(), date(1992, 12, 31).toordinal() + 1):
            for m in range(0, 1441, 15):
                assert fast(d, m) == _local_us(d, m, zone), (name, date.fromordinal(d), m)
