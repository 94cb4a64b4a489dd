"""The build cache's files are made whole or not at all (dsl/language/cache.py, `replace_with`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dsl.language import cache
from dsl.language.cache import BuildCache, replace_with


def test_a_file_is_made_through_a_temporary_one_that_is_then_gone(tmp_path: Path) -> None:
    target = tmp_path / "entry"
    replace_with(str(target), str(tmp_path), ".tmp-", lambda fh: fh.write(b"whole"))
    replace_with(str(target), str(tmp_path), ".tmp-", lambda fh: fh.write(b"again"))
    assert target.read_bytes() == b"again"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entry"]


def test_a_failed_write_leaves_the_file_before_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "entry"
    target.write_bytes(b"before")

    def half(fh) -> None:
        fh.write(b"ha")
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        replace_with(str(target), str(tmp_path), ".tmp-", half)
    assert target.read_bytes() == b"before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entry"]


def test_a_temporary_name_left_by_a_killed_process_with_the_same_id_is_not_reused(tmp_path: Path) -> None:
    taken = next(cache._TEMPORARY) + 1
    left = tmp_path / f".tmp-{os.getpid()}-{taken}"
    left.write_bytes(b"left by a killed run")
    replace_with(str(tmp_path / "entry"), str(tmp_path), ".tmp-", lambda fh: fh.write(b"new"))
    assert (tmp_path / "entry").read_bytes() == b"new"
    assert left.read_bytes() == b"left by a killed run"


def test_entries_round_trip_through_their_files(tmp_path: Path) -> None:
    store = BuildCache(tmp_path / "cache")
    store.put("page", "ab" * 16, {"x": 1}, tail="text")
    again = BuildCache(tmp_path / "cache")
    assert again.get("page", "ab" * 16) == {"x": 1}
    assert again.tail("page", "ab" * 16) == "text"
    assert [p.name for p in (tmp_path / "cache").rglob(".tmp-*")] == []
