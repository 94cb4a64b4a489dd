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


def test_entries_kept_in_a_group_are_found_by_their_keys_and_the_group(tmp_path: Path) -> None:
    """One file holds a vendor's entries; each is found under its own key and the group's name, the pages unread
    when only a small entry is asked for, and a group damaged or unnamed is a miss, never an error."""
    cache.pack_kinds("card")
    store = BuildCache(tmp_path / "cache")
    store.put_group("g1", [("card", "k1", ("<li>", {}), "view"), ("rules", "k2", ("{}", "part"), None)])
    assert [p.relative_to(tmp_path / "cache").as_posix() for p in (tmp_path / "cache").rglob("*") if p.is_file()] == ["group/g1"]
    again = BuildCache(tmp_path / "cache")
    assert again.get("card", "k1") is None and again.has("rules", "k2") is False  # not without the group
    assert again.get("card", "k1", "g1") == ("<li>", {}) and again.tail("card", "k1", "g1") == "view"
    assert again.has("rules", "k2", "g1") and again.get("rules", "k2", "g1") == ("{}", "part")
    assert again.get("card", "k2", "g1") is None and again.get("card", "k1", "g2") is None
    (tmp_path / "cache" / "group" / "g1").write_bytes(b"not a pickle")
    damaged = BuildCache(tmp_path / "cache")
    assert damaged.get("card", "k1", "g1") is None and damaged.tail("card", "k1", "g1") is None


def test_the_pack_takes_grouped_entries_from_their_group(tmp_path: Path) -> None:
    cache.pack_kinds("card")
    store = BuildCache(tmp_path / "cache")
    store.put_group("g1", [("card", "k1", ("<li>", {}), "view")])
    store.save_pack()
    (tmp_path / "cache" / "group" / "g1").unlink()
    assert BuildCache(tmp_path / "cache").get("card", "k1") == ("<li>", {})  # from the pack alone


def test_entries_round_trip_through_their_files(tmp_path: Path) -> None:
    store = BuildCache(tmp_path / "cache")
    store.put("page", "ab" * 16, {"x": 1}, tail="text")
    again = BuildCache(tmp_path / "cache")
    assert again.get("page", "ab" * 16) == {"x": 1}
    assert again.tail("page", "ab" * 16) == "text"
    assert [p.name for p in (tmp_path / "cache").rglob(".tmp-*")] == []
