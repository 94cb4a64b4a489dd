"""T0323: a vendor that names a calendar or priority scheme from the top of ANOTHER vendor's file is warned.

Such a file checks inside its project and fails (T0304, T0305) when it is checked alone elsewhere, or when the other
vendor's file goes: the outside author of session outside16 found it out only by copying the file. Definitions of the
vendor's own file and of files without a vendor (plans/shared.plan) are the vendor's to use.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support.paths import BUILD_PY

ACME = """calendar office {
  zone Europe/Stockholm
  open mon-fri 08:00-17:00
}
priorities levels { level P1 { name "P1" } }
vendor acme {
  name "Acme"
  language en only
  contact phone "+46 8 123 456 78" hours office
}
"""

BETA = """vendor beta {
  name "Beta"
  language en only
  priorities levels
  contact phone "+46 8 123 456 79" hours office
  contact email "help@beta.example.com" hours office answered office
  plan basic {
    name "Basic"
    target first-response P1 2h on office
    coverage all on office
  }
}
"""


def project(tmp_path: Path, **files: str) -> Path:
    (tmp_path / "plans").mkdir(parents=True)
    for name, text in files.items():
        (tmp_path / "plans" / f"{name}.plan").write_text(text, encoding="utf-8")
    return tmp_path


def check(root: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(BUILD_PY), "check", *args] if cwd else [sys.executable, str(BUILD_PY), "--project", str(root), "check", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=cwd)


def test_another_vendors_calendar_and_scheme_are_warned_once_each_where_first_named(tmp_path: Path) -> None:
    root = project(tmp_path, acme=ACME, beta=BETA)
    done = check(root)
    assert done.returncode == 0, done.stderr  # a warning: the project still checks and publishes
    warned = [line for line in done.stderr.splitlines() if "warning[T0323]" in line]
    assert warned == [
        f"{root}/plans/beta.plan:4:14: warning[T0323]: priority scheme 'levels' is defined in acme.plan, the file of vendor 'acme'",
        f"{root}/plans/beta.plan:5:42: warning[T0323]: calendar 'office' is defined in acme.plan, the file of vendor 'acme'",
    ]
    assert "= hint: copy it into vendor 'beta' (it may keep its id there) or into a file without a vendor, such as plans/shared.plan" in done.stderr
    assert "tierwise explain T0323" in done.stderr
    strict = check(root, "--strict")
    assert strict.returncode == 1 and "T0323" in strict.stderr


def test_the_file_checked_on_its_own_inside_its_project_is_warned_too(tmp_path: Path) -> None:
    """`check plans/beta.plan`: acme.plan is read for its shared definitions only, and still known to hold a vendor."""
    root = project(tmp_path, acme=ACME, beta=BETA)
    done = check(root, "plans/beta.plan", cwd=root)
    assert done.returncode == 0, done.stderr
    assert "plans/beta.plan:5:42: warning[T0323]: calendar 'office' is defined in acme.plan, the file of vendor 'acme'" in done.stderr
    # And what the warning foretells: copied alone, the file does not check.
    alone = project(tmp_path / "alone", beta=BETA)
    failed = check(alone)
    assert failed.returncode == 1 and "error[T0304]: unknown calendar 'office'" in failed.stderr and "error[T0305]" in failed.stderr


def test_a_shared_file_without_a_vendor_and_the_vendors_own_definitions_are_not_warned(tmp_path: Path) -> None:
    shared = ACME.split("vendor acme")[0]
    gamma = ACME.replace("acme", "gamma").replace("office", "gamma-office").replace("levels", "gamma-levels")
    root = project(tmp_path, shared=shared, beta=BETA, gamma=gamma)
    done = check(root, "--strict")
    assert done.returncode == 0, done.stderr
    assert "T0323" not in done.stderr
    # Beta's own calendar of the same id shadows acme's: nothing is borrowed.
    own = BETA.replace('  priorities levels\n', '  priorities levels\n  calendar office { zone Europe/Oslo open mon-fri 09:00-16:00 }\n')
    (root / "plans" / "shared.plan").unlink()
    (root / "plans" / "acme.plan").write_text(ACME.replace("priorities levels { level P1 { name \"P1\" } }\n", ""), encoding="utf-8")
    own = own.replace('  priorities levels\n', '  priorities levels { level P1 { name "P1" } }\n')
    (root / "plans" / "beta.plan").write_text(own, encoding="utf-8")
    done = check(root, "--strict")
    assert done.returncode == 0, done.stderr
    assert "T0323" not in done.stderr


def test_the_build_cache_notices_when_the_other_file_loses_or_gains_its_vendor(tmp_path: Path) -> None:
    """The findings of beta.plan are kept in the build cache: whether acme.plan holds a vendor is part of their key."""
    root = project(tmp_path, acme=ACME, beta=BETA)
    assert "T0323" in check(root).stderr
    assert "T0323" in check(root).stderr  # from the cache, the same
    (root / "plans" / "acme.plan").write_text(ACME.split("vendor acme")[0], encoding="utf-8")
    done = check(root)
    assert done.returncode == 0 and "T0323" not in done.stderr, done.stderr
    (root / "plans" / "acme.plan").write_text(ACME, encoding="utf-8")
    assert "T0323" in check(root).stderr
