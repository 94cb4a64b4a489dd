"""sla.js reads the years 0000-0099 as Python does, not as 1900-1999 (the Date.UTC pitfall)."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from support.paths import ROOT

NODE = shutil.which("node")
WALLS = ["0000-01-01T00:00", "0001-03-01T12:00", "0050-06-01T12:30", "0099-12-31T23:59", "0100-01-01T00:00", "2026-11-23T15:00"]


@pytest.mark.skipif(NODE is None, reason="needs Node")
def test_local_wall_times_of_early_years_match_python() -> None:
    sla = (ROOT / "site_templates" / "assets" / "sla.js").as_uri()
    script = (
        f"import {{ formatIso, localToInstant }} from {json.dumps(sla)};\n"
        f"const walls = {json.dumps(WALLS[1:])};\n"
        "console.log(JSON.stringify(walls.map((w) => formatIso(localToInstant('UTC', w)))));\n"
    )
    run = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    python = [datetime.fromisoformat(w).replace(tzinfo=ZoneInfo("UTC")).isoformat() for w in WALLS[1:]]
    assert json.loads(run.stdout) == python
    assert json.loads(run.stdout)[1] == "0050-06-01T12:30:00+00:00"  # not 1950
