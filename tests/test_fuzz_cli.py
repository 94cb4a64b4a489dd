"""Regressions from the command-line fuzz run of session 18: each input once gave a traceback, a hang,
an unlocated error or lost files; each now gives a located error (file:line:col, code, hint) and a
non-zero exit, and leaves every file as it was."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from dsl.language.settings import load_settings
from support.paths import BUILD_PY, ROOT

SHARED = (ROOT / "plans" / "shared.plan").read_text(encoding="utf-8")
VENDOR = (ROOT / "plans" / "stratiteq.plan").read_text(encoding="utf-8")


def project(tmp_path: Path, toml: bytes | None = None, shared: str = SHARED) -> Path:
    """A project of the real shared definitions and one real vendor (Stratiteq: closed on Swedish holidays)."""
    root = tmp_path / "project"
    (root / "plans").mkdir(parents=True)
    (root / "plans" / "shared.plan").write_text(shared, encoding="utf-8")
    (root / "plans" / "stratiteq.plan").write_text(VENDOR, encoding="utf-8")
    if toml is not None:
        (root / "tierwise.toml").write_bytes(toml)
    return root


def tierwise(root: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the command line on the project at `root`."""
    return subprocess.run(
        [sys.executable, str(BUILD_PY), "--project", str(root), *args], capture_output=True, text=True, timeout=timeout, cwd=root
    )


def settings_problem(tmp_path: Path, toml: bytes) -> tuple[str, int, int, str, str | None]:
    """(code, line, column, message, hint) of the one problem of a settings file."""
    (tmp_path / "tierwise.toml").write_bytes(toml)
    _, [problem], _ = load_settings(tmp_path)
    return problem.code, problem.pos.line, problem.pos.column, problem.message, problem.hint


# --- tierwise.toml -----------------------------------------------------------------------------


def test_a_template_folder_or_logo_name_too_long_for_the_system_is_t1007_not_a_traceback(tmp_path) -> None:
    long = "h" * 5000
    code, line, col, message, _ = settings_problem(tmp_path, f'[site]\ntitle = "x"\ntemplates = "{long}"\n'.encode())
    assert (code, line, col, message) == ("T1007", 3, 13, f"the template folder '{long}' does not exist")
    code, line, col, message, _ = settings_problem(tmp_path, f'[brand]\nlogo = "{long}.svg"\n'.encode())
    assert (code, line, col) == ("T1007", 2, 8) and message.startswith("the logo 'hhh")
    root = project(tmp_path, f'[site]\ntemplates = "{long}"\n'.encode())
    done = tierwise(root, "check")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{root / 'tierwise.toml'}:2:13: error[T1007]" in done.stderr


def test_lists_nested_too_deep_are_t1009_at_the_first_bracket_too_deep(tmp_path) -> None:
    code, line, col, message, hint = settings_problem(tmp_path, b"[site]\ntitle = " + b"[" * 5000 + b"]" * 5000 + b"\n")
    assert (code, line, col) == ("T1009", 2, 9 + 50)  # the 51st bracket
    assert message == "the settings nest more than 50 lists or tables inside each other"
    assert hint is not None and 'languages = ["sv", "en"]' in hint
    # Brackets inside texts and comments are not nesting.
    (tmp_path / "tierwise.toml").write_bytes(b'[site]\ntitle = "' + b"[" * 60 + b'"  # ' + b"{" * 60 + b"\n")
    assert load_settings(tmp_path)[1] == []


def test_a_dotted_key_of_thousands_of_parts_is_t1009_at_once_not_minutes_of_reading(tmp_path) -> None:
    started = time.process_time()
    code, line, col, message, _ = settings_problem(tmp_path, b"[site]\n\na" + b".b" * 50_000 + b" = 1\n")
    assert (code, line, col, message) == ("T1009", 3, 1, "a key or table name of more than 10 parts")
    code, line, col, _, _ = settings_problem(tmp_path, b"[a" + b".b" * 50_000 + b"]\n")
    assert (code, line, col) == ("T1009", 1, 2)
    assert time.process_time() - started < 5  # Python's TOML reader took 128 s on the first one
    # Dots inside a text, and numbers with a fraction, are not key parts.
    (tmp_path / "tierwise.toml").write_bytes(b'[site]\ntitle = "a.b.c.d.e.f.g.h.i.j.k.l.m"\n')
    assert load_settings(tmp_path)[1] == []


def test_a_settings_file_over_the_limit_is_t1009_without_reading_it_whole(tmp_path, monkeypatch) -> None:
    from dsl.language import settings as settings_module

    monkeypatch.setattr(settings_module, "MAX_SETTINGS_BYTES", 1000)  # the same path as 1 MB, with a file of 50 kB
    code, line, col, message, _ = settings_problem(tmp_path, b"[site]\n" + b"# " + b"x" * 50_000 + b"\n")
    assert (code, line, col, message) == ("T1009", 1, 1, "the settings file is 50,010 bytes; it may hold at most 1,000")
    (tmp_path / "tierwise.toml").write_bytes(b'[site]\ntitle = "' + b"x" * 900 + b'"\n')  # under it: read as ever
    assert load_settings(tmp_path)[1] == []


def test_a_settings_file_that_is_not_utf8_is_located_at_the_bad_byte(tmp_path) -> None:
    code, line, col, message, _ = settings_problem(tmp_path, '[site]\n# café\ntitle = "Ĉaf'.encode() + b'\xe9"\n')
    assert (code, line, col, message) == ("T1001", 3, 13, "the settings file is not UTF-8")


# --- build --out --------------------------------------------------------------------------------


def test_build_never_replaces_a_folder_of_other_files(tmp_path) -> None:
    root = project(tmp_path)
    before = sorted(p.name for p in (root / "plans").iterdir())
    done = tierwise(root, "build", "--quiet", "--out", "plans")  # once replaced the plan files by the site
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("plans: error: the output folder holds files that are not a published site; refusing to replace it\n")
    assert "  = hint: name a new or empty folder" in done.stderr
    assert (root / "plans").is_dir() and not (root / "plans").is_symlink()
    assert sorted(p.name for p in (root / "plans").iterdir()) == before
    for out in (".", str(root)):
        done = tierwise(root, "build", "--quiet", "--out", out)
        assert done.returncode == 1 and "refusing to replace it" in done.stderr
    assert sorted(p.name for p in root.iterdir()) == [".tierwise-cache", "plans"]  # no site, not even a lock file
    # An empty folder, or none, is published to; and so is a site published as a plain folder before.
    (root / "empty").mkdir()
    assert tierwise(root, "build", "--quiet", "--out", "empty").returncode == 0
    assert (root / "empty" / "index.html").is_file()


# --- the years the holiday data covers ----------------------------------------------------------


def test_a_horizon_before_the_holiday_data_is_t0813_at_the_closed_holidays_line(tmp_path) -> None:
    root = project(tmp_path, shared=SHARED.replace("horizon 2026-2028", "horizon 1940-1942"))
    line = next(n for n, text in enumerate(VENDOR.splitlines(), start=1) if text.strip() == "closed holidays SE")
    col = VENDOR.splitlines()[line - 1].index("closed") + 1
    shared_line = next(n for n, text in enumerate(SHARED.splitlines(), start=1) if text.startswith("horizon"))
    done = tierwise(root, "check")  # once "ok", and then `rules` and `build` failed without a place
    assert done.returncode == 1
    assert (
        f"plans/stratiteq.plan:{line}:{col}: error[T0813]: the holidays package knows the holidays of SE only for "
        "1953–2100, not all of the horizon 1940–1942"
    ) in done.stderr
    assert f"hint: choose a horizon within 1953–2100 (at {root / 'plans' / 'shared.plan'}:{shared_line})" in done.stderr
    for command in (["rules"], ["build", "--quiet"], ["due", "stratiteq/sos", "P1", "1941-03-03T10:00+01:00"]):
        done = tierwise(root, *command)
        assert done.returncode == 1 and "Traceback" not in done.stderr, command
        assert f"plans/stratiteq.plan:{line}:{col}: error[T0813]" in done.stderr, (command, done.stderr)


def test_a_cached_check_after_a_horizon_change_reports_t0813_as_an_uncached_one_does(tmp_path) -> None:
    """T0813 is judged per file, its cache key holding the horizon: an unchanged vendor file's calendars are judged again."""
    root = project(tmp_path)
    assert tierwise(root, "check").returncode == 0  # the cache now holds every file's findings under the good horizon
    assert tierwise(root, "build", "--quiet").returncode == 0  # and the outlines that leave a file unloaded
    (root / "plans" / "shared.plan").write_text(SHARED.replace("horizon 2026-2028", "horizon 1940-1942"), encoding="utf-8")
    cached = tierwise(root, "check")
    uncached = subprocess.run(
        [sys.executable, str(BUILD_PY), "--project", str(root), "check"],
        capture_output=True, text=True, timeout=120, cwd=root, env={**os.environ, "TIERWISE_CACHE": "off"},
    )
    line = next(n for n, text in enumerate(VENDOR.splitlines(), start=1) if text.strip() == "closed holidays SE")
    col = VENDOR.splitlines()[line - 1].index("closed") + 1
    assert uncached.returncode == cached.returncode == 1
    assert f"plans/stratiteq.plan:{line}:{col}: error[T0813]" in uncached.stderr, uncached.stderr
    assert cached.stderr == uncached.stderr
    # And back: the good horizon's cached findings are used again, with no T0813.
    (root / "plans" / "shared.plan").write_text(SHARED, encoding="utf-8")
    done = tierwise(root, "check")
    assert done.returncode == 0 and "T0813" not in done.stderr, done.stderr


def test_years_asked_for_beyond_the_holiday_data_are_located_at_the_calendar(tmp_path) -> None:
    root = project(tmp_path)
    line = next(n for n, text in enumerate(VENDOR.splitlines(), start=1) if text.strip() == "closed holidays SE")
    col = VENDOR.splitlines()[line - 1].index("closed") + 1
    for command in (["rules", "--years", "1900-1910"], ["build", "--quiet", "--years", "1900-1910"]):
        done = tierwise(root, *command)
        assert done.returncode == 1 and "Traceback" not in done.stderr and "export.py" not in done.stderr, command
        assert (
            f"stratiteq.plan:{line}:{col}: error[T0813]: calendar 'stratiteq-office': the holidays package knows the holidays "
            f"of SE only for 1953–2100, not all of 1900–1910\n  {line} |     closed holidays SE\n     |     ^^^^^^^^^^^^^^^^^^\n"
            "  = hint: choose years within 1953–2100 (--years, or the horizon)"
        ) in done.stderr, done.stderr
    assert not (root / "_site").exists()


# --- paths on the command line ------------------------------------------------------------------


def test_paths_the_system_cannot_look_up_are_errors_not_tracebacks(tmp_path) -> None:
    root = project(tmp_path)
    long = "y" * 5000
    done = tierwise(root, "check", long)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"{long[:200]}…: error[T0202]: '{long[:200]}…' cannot be looked up: File name too long\n")
    assert "  = hint: name a .plan file or a folder of them; each name in a path is at most 255 bytes" in done.stderr
    done = tierwise(root, "due", "--plans", long, "stratiteq/sos", "P1", "2026-03-02T10:00+01:00")
    assert done.returncode == 1 and "error[T0202]" in done.stderr and "Traceback" not in done.stderr
    done = tierwise(tmp_path, "--project", long, "check")  # the second --project wins
    assert done.returncode == 2 and "Traceback" not in done.stderr  # an unusable command line, as for a missing folder
    assert f"{long}: error: the project folder does not exist" in done.stderr
    (root / "loop1").symlink_to("loop2")
    (root / "loop2").symlink_to("loop1")
    done = tierwise(root, "check", "loop1")  # resolving it raised RuntimeError("Symlink loop")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("loop1: error[T0202]: 'loop1' does not exist\n")


# --- the environment and --base-url -------------------------------------------------------------


def test_a_source_date_epoch_beyond_year_9999_is_ignored_everywhere_not_an_internal_error(tmp_path, monkeypatch) -> None:
    from io import StringIO

    from dsl.rules.export import build_date, source_date_epoch
    from dsl.site.publish import publish
    from support.rules_sample import sample_project

    for value in ("99999999999999", "999999999999", "253402300800", "٣٣"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
        assert source_date_epoch() is None, value
        assert build_date() == build_date.__globals__["date"].today()
        stderr = StringIO()
        assert publish(sample_project(), tmp_path / f"out{len(value)}", (2026, 2026), stderr=stderr) == 0, stderr.getvalue()
        assert "error" not in stderr.getvalue()  # was "render.py:591: error: ValueError: year 3170843 is out of range"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "253402300799")  # the last second of 9999: still a date
    assert source_date_epoch() == 253402300799


def test_a_base_url_urllib_cannot_take_apart_is_an_error_naming_where_it_came_from(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("TIERWISE_BASE_URL", raising=False)
    root = project(tmp_path)
    for url in ("http://[::1", "http://x.example:99999/", "https://a b.example/", 'https://x.example/a"b/', "https://x.example/<s>/"):
        done = tierwise(root, "build", "--quiet", "--base-url", url)
        assert done.returncode == 1 and "Traceback" not in done.stderr and "parse.py" not in done.stderr, done.stderr
        assert done.stderr.startswith(
            f"--base-url: error: expected an absolute http(s) address such as https://tierwise.example/, got {url!r}\n"
        ), done.stderr
    code, line, col, message, _ = settings_problem(tmp_path, b'[site]\ntitle = "x"\nbase_url = "http://[::1/"\n')
    assert (code, line, col, message) == ("T1002", 3, 12, "[site] base_url is not an http(s) address: 'http://[::1/'")
    assert not (root / "_site").exists()


def test_a_folder_changing_while_its_plan_files_are_listed_is_listed_again_or_t0203(tmp_path, monkeypatch) -> None:
    from dsl.language.loader import find_plan_files

    root = project(tmp_path)
    real = Path.rglob
    failures = {"left": 1}

    def flaky(self: Path, pattern: str):  # `check ""` walked /tmp while pytest removed its folders
        if failures["left"] > 0:
            failures["left"] -= 1
            raise FileNotFoundError(2, "No such file or directory", "pytest-of-root/pytest-586")
        return real(self, pattern)

    monkeypatch.setattr(Path, "rglob", flaky)
    files, problems = find_plan_files([root / "plans"])
    assert [f.name for f in files] == ["shared.plan", "stratiteq.plan"] and problems == []
    failures["left"] = 99
    files, [problem] = find_plan_files([root / "plans"])
    assert files == [] and problem.code == "T0203" and problem.pos.file == str(root / "plans")
    assert problem.message == f"cannot list the plan files in '{root / 'plans'}': No such file or directory"


# --- a project's own catalog --------------------------------------------------------------------

ACME = """vendor acme {
  name "Acme"
  language en
  plan basic {
    name "Basic"
  }
}
"""


def test_a_broken_catalog_of_the_project_is_an_error_at_its_line_not_in_babel_or_a_template(tmp_path) -> None:
    root = tmp_path / "project"
    (root / "plans").mkdir(parents=True)
    (root / "plans" / "acme.plan").write_text(ACME, encoding="utf-8")
    (root / "tierwise.toml").write_text('[site]\nlanguages = ["en", "de"]\n', encoding="utf-8")
    po = root / "locales" / "de" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    header = b'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
    cases = [
        (b'msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "caf\xe9"\n', 5, "the catalog is not UTF-8; save it as UTF-8"),
        (header.replace(b"nplurals=2", b"nplurals=x"), 3,
         "the catalog's Plural-Forms header cannot be read: invalid literal for int() with base 10: 'x'"),
        (header.replace(b"(n != 1)", b"(n/0)"), 3, "the catalog's plural rule '(n/0)' cannot be evaluated: integer division or modulo by zero"),
        (header.replace(b"(n != 1)", b"(n+5)"), 3, "the catalog's plural rule '(n+5)' gives no form of the 2 for 0"),
        (header + b'msgid "Compare support tiers"\nmsgstr "Vergleich %(x)s"\n', 5,
         "the translation of 'Compare support tiers' cannot be filled in: it names %(x)s, which the msgid does not have"),
        (header + b'\n\nmsgid "Compare support tiers"\nmsgstr "100%"\n', 7,
         "the translation of 'Compare support tiers' cannot be filled in: incomplete format (write %% for a %)"),
    ]
    for data, line, message in cases:
        po.write_bytes(data)
        done = tierwise(root, "build", "--quiet")
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert f"{po.relative_to(root)}:{line}: error: {message}\n" in done.stderr, done.stderr
        assert "site-packages" not in done.stderr and "<string>" not in done.stderr and "site_templates" not in done.stderr
    assert not (root / "_site").exists()
    po.write_bytes(header + b'msgid "Compare support tiers"\nmsgstr "Supportstufen vergleichen"\n')
    assert tierwise(root, "build", "--quiet").returncode == 0


def test_a_batch_whose_reader_closes_the_pipe_says_so_not_that_the_batch_file_cannot_be_read(tmp_path) -> None:
    root = project(tmp_path)
    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"plan": "stratiteq/sos", "priority": "P1", "at": "2026-03-02T10:00+01:00"}\n' * 20_000, encoding="utf-8")
    # `due --batch FILE | head -1`: the reader takes one line and closes the pipe.
    with subprocess.Popen(
        [sys.executable, str(BUILD_PY), "--project", str(root), "due", "--batch", str(batch)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=root,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()
        stderr = proc.stderr.read().decode()
        code = proc.wait(timeout=120)
    assert first.startswith(b'{"due": ')
    assert code == 1 and "Traceback" not in stderr and "cannot read the batch file" not in stderr, stderr
    assert stderr == "error: the answers' reader closed standard output before the batch ended; the rest was not answered\n"


def test_a_batch_of_one_endless_line_stops_at_the_limit_with_a_located_error(tmp_path) -> None:
    """`due --batch /dev/zero` read an endless line for ever; now it stops after the limit plus one byte."""
    from dsl.language.limits import MAX_BATCH_LINE_BYTES

    root = project(tmp_path)
    for command in ("due", "clock"):
        started = time.monotonic()
        done = tierwise(root, command, "--batch", "/dev/zero", timeout=120)
        elapsed = time.monotonic() - started
        assert elapsed < 30, elapsed  # a start-up and one 64 KiB line; it never ended before
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        message = f"line 1 is longer than {MAX_BATCH_LINE_BYTES:,} bytes, the most a batch line may hold; the batch stops here"
        assert done.stderr.startswith(f"/dev/zero:1:1: error: {message}\n  hint: end every JSON object with a newline"), done.stderr
        assert done.stdout == '{"error": "' + message + '", "line": 1, "field": null}\n'


def test_a_batch_file_with_an_over_long_line_answers_the_lines_before_it_and_names_it(tmp_path) -> None:
    from dsl.language.limits import MAX_BATCH_LINE_BYTES

    root = project(tmp_path)
    good = '{"plan": "stratiteq/sos", "priority": "P3", "at": "2026-11-23T15:00:00+01:00"}\n'
    batch = tmp_path / "cases.jsonl"
    batch.write_text(good * 2 + "x" * (MAX_BATCH_LINE_BYTES + 1) + "\n" + good, encoding="utf-8")
    done = tierwise(root, "due", "--batch", str(batch))
    assert done.returncode == 2, done.stderr
    answers = done.stdout.splitlines()
    assert answers[:2] == ['{"due": "2026-11-24T14:00:00+01:00"}'] * 2 and len(answers) == 3  # the line after it: not read
    assert f"{batch}:3:1: error: line 3 is longer than {MAX_BATCH_LINE_BYTES:,} bytes" in done.stderr.splitlines()[0]
    # A line of exactly the limit is read and answered (as the JSON it is not), and the batch goes on.
    batch.write_text("x" * MAX_BATCH_LINE_BYTES + "\n" + good, encoding="utf-8")
    done = tierwise(root, "due", "--batch", str(batch))
    assert done.returncode == 1 and done.stderr == ""
    assert done.stdout.splitlines()[1] == '{"due": "2026-11-24T14:00:00+01:00"}'


def test_a_batch_file_with_nul_bytes_or_bad_utf8_gets_error_lines_not_a_traceback(tmp_path) -> None:
    root = project(tmp_path)
    batch = tmp_path / "cases.bin"
    batch.write_bytes(b"\x00\x00\x00\n" + b'{"plan": "strati\x00teq/sos"}\n' + b"\x89PNG\r\n\x1a\n")
    done = tierwise(root, "due", "--batch", str(batch))
    assert done.returncode == 1 and done.stderr == "", done.stderr
    assert done.stdout.splitlines() == [
        '{"error": "line 1 holds a NUL byte at character 1; a batch file is text, one JSON object per line", "line": 1, "field": null}',
        '{"error": "line 2 holds a NUL byte at character 17; a batch file is text, one JSON object per line", "line": 2, "field": null}',
        '{"error": "line 3 is not UTF-8: byte 0x89 at byte 1", "line": 3, "field": null}',
        '{"error": "line 4 is not JSON: Expecting value at column 1", "line": 4, "field": null}',
    ]


def test_rules_o_writes_into_a_pipe_and_through_a_link_instead_of_replacing_them(tmp_path) -> None:
    import os
    import stat
    import threading

    root = project(tmp_path)
    fifo = tmp_path / "rules.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    done = tierwise(root, "rules", "-o", str(fifo))  # once: the rename put a regular file where the pipe was
    reader.join(timeout=60)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert got and got[0].startswith(b'{\n  "format_version": ')
    link = tmp_path / "link.json"
    link.symlink_to("real.json")
    assert tierwise(root, "rules", "-o", str(link)).returncode == 0
    assert link.is_symlink() and (tmp_path / "real.json").read_bytes() == got[0]


def test_serve_refuses_a_port_out_of_range_before_building(tmp_path) -> None:
    root = project(tmp_path)
    for port in ("99999", "-1", "65536"):
        done = tierwise(root, "serve", f"--port={port}", timeout=60)  # was OverflowError from the socket, after a build
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert done.stderr.endswith(f"serve: error: argument --port: expected a port number from 0 to 65535, got '{port}'\n")
    assert not (root / "_site").exists()


def test_a_theme_template_that_is_not_utf8_is_named_with_its_line(tmp_path) -> None:
    root = tmp_path / "project"
    (root / "plans").mkdir(parents=True)
    (root / "plans" / "acme.plan").write_text(ACME, encoding="utf-8")
    (root / "tierwise.toml").write_text('[site]\nlanguages = ["en"]\ntemplates = "theme"\n', encoding="utf-8")
    (root / "theme").mkdir()
    (root / "theme" / "index.html").write_bytes(b"<p>ok</p>\n<p>caf\xe9</p>\n")
    done = tierwise(root, "build", "--quiet")  # was "index.html: error: UnicodeDecodeError: 'utf-8' codec can't decode ..."
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"{root / 'theme' / 'index.html'}:2: error: the template is not UTF-8; save it as UTF-8\n"), done.stderr


def test_an_output_folder_below_a_file_is_told_which_file_is_in_the_way(tmp_path) -> None:
    """`--out afile/sub`: mkdir's 'File exists' named no file; the error names the one that is not a folder."""
    root = project(tmp_path)
    (tmp_path / "afile").write_text("a file", encoding="utf-8")
    done = tierwise(root, "build", "--quiet", "--out", str(tmp_path / "afile" / "sub"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"cannot create the build directory: {tmp_path / 'afile'} is a file, not a folder" in done.stderr, done.stderr
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "a file"
