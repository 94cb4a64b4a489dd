"""`serve`'s HTTP side: headers, no listings, bad URLs, idle connections, load during rebuilds, bad plans.

The server runs in-process on 127.0.0.1 with a free port (make_server), except for the test that
saves a plan with `zone Europe` under a real `serve` process.
"""

from __future__ import annotations

import http.client
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from io import StringIO
from pathlib import Path

import pytest

from dsl.site import serve as serving
from dsl.site.publish import publish
from dsl.site.serve import LISTEN_BACKLOG, make_server
from support.paths import PLANS
from support.rules_sample import sample_project
from support.serving import fetch, serve_process, wait_for, write_newer


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[tuple[Path, int]]:
    """A published sample site and the port of a server for it."""
    out = tmp_path_factory.mktemp("served") / "_site"
    assert publish(sample_project(), out, (2026, 2026), stderr=StringIO()) == 0
    server = make_server(out, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield out, server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def get(port: int, path: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def test_headers_say_charset_nosniff_and_no_python_version(site) -> None:
    _, port = site
    status, headers, body = get(port, "/en/index.html")
    assert status == 200 and body.startswith(b"<!DOCTYPE html>")
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["server"] == "Tierwise"
    assert get(port, "/assets/site.css")[1]["content-type"] == "text/css; charset=utf-8"
    assert get(port, "/assets/sla.js")[1]["content-type"] == "text/javascript; charset=utf-8"
    assert get(port, "/rules/all.json")[1]["content-type"] == "application/json"


def test_folders_are_not_listed(site) -> None:
    _, port = site
    for path in ("/assets/", "/rules/"):
        status, headers, body = get(port, path)
        assert status == 404 and b"site.css" not in body and b"all.json" not in body
        assert headers["x-content-type-options"] == "nosniff"
    assert get(port, "/en/")[0] == 200  # a folder with an index.html is its page


def test_bad_urls_get_400_and_the_server_goes_on(site) -> None:
    _, port = site
    for path in ("/%00", "/en/%00/index.html", "/a%00b.html"):
        status, _, _ = get(port, path)
        assert status == 400, path
    for path in ("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc/passwd"):
        status, _, body = get(port, path)
        assert status == 404 and b"root:" not in body, path
    assert get(port, "/en/index.html")[0] == 200


def test_idle_connections_are_closed(site, monkeypatch) -> None:
    out, _ = site
    monkeypatch.setattr(serving.SiteHandler, "timeout", 0.5)
    server = make_server(out, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with socket.create_connection(server.server_address, timeout=5) as idle:
            idle.sendall(b"GET /en/index.html HTTP/1.1\r\n")  # and then nothing
            start = time.monotonic()
            assert idle.recv(1024) == b""  # the server hung up
            assert time.monotonic() - start < 4
    finally:
        server.shutdown()
        server.server_close()


def test_the_listen_backlog_is_real() -> None:
    assert LISTEN_BACKLOG >= 200 and serving.SiteServer.request_queue_size == LISTEN_BACKLOG


@pytest.mark.slow
def test_1000_requests_in_parallel_batches_during_rebuilds_all_succeed(tmp_path) -> None:
    """1,000 requests, 200 at a time, while the site is rebuilt again and again: 0 errors, 0 404s."""
    out = tmp_path / "_site"
    years = [(2026, 2026), (2026, 2027)]
    assert publish(sample_project(), out, years[0], stderr=StringIO()) == 0
    paths = ["/en/index.html", "/sv/stratiteq/index.html", "/rules/all.json", "/assets/site.css", "/index.html"]
    server = make_server(out, 0)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stop = threading.Event()
    rebuilds = [0]

    def rebuild() -> None:
        while not stop.is_set():
            publish(sample_project(), out, years[rebuilds[0] % 2], stderr=StringIO())
            rebuilds[0] += 1

    builder = threading.Thread(target=rebuild, daemon=True)
    builder.start()
    statuses: list[int | str] = []
    try:
        with ThreadPoolExecutor(max_workers=200) as pool:
            for batch in range(5):
                def one(i: int, batch: int = batch) -> int | str:
                    try:
                        return get(port, paths[(i + batch) % len(paths)])[0]
                    except OSError as exc:
                        return type(exc).__name__
                statuses += list(pool.map(one, range(200)))
    finally:
        stop.set()
        builder.join(timeout=60)
        server.shutdown()
        server.server_close()
    assert len(statuses) == 1000
    assert [s for s in statuses if s != 200] == []
    assert rebuilds[0] >= 1


@pytest.mark.slow
def test_saving_a_plan_with_a_zone_folder_does_not_kill_serve(tmp_path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("shared.plan", "stratiteq.plan"):
        shutil.copy(PLANS / name, plans / name)
    log = tmp_path / "serve.log"
    with serve_process(plans, tmp_path / "_site", log, tmp_path) as (port, server):
        page = f"http://127.0.0.1:{port}/en/stratiteq/index.html"
        assert "<h1>Stratiteq</h1>" in wait_for(lambda: fetch(page))
        plan = plans / "stratiteq.plan"
        source = plan.read_text(encoding="utf-8")
        assert "zone Europe/Stockholm" in source
        write_newer(plan, source.replace("zone Europe/Stockholm", "zone Europe", 1))
        wait_for(lambda: "still serving the last good site" in log.read_text(encoding="utf-8"))
        assert server.poll() is None and "<h1>Stratiteq</h1>" in fetch(page)
    err = log.read_text(encoding="utf-8")
    assert "unknown time zone 'Europe'" in err and "Traceback" not in err
    assert "to this computer only" in err
