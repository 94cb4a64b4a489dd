"""Which build cache entries a build reads: BuildCache.get or .tail wrapped to record (kind, key)."""

from __future__ import annotations

from typing import Any

import pytest

from dsl.language.cache import BuildCache


def record_reads(monkeypatch: pytest.MonkeyPatch, method: str = "get") -> list[tuple[str, str]]:
    """From now on (until the test ends), every call of BuildCache.<method> as (kind, key), in order."""
    calls: list[tuple[str, str]] = []
    real = getattr(BuildCache, method)

    def recording(self: BuildCache, kind: str, key: str, *more: Any) -> Any:
        calls.append((kind, key))
        return real(self, kind, key, *more)

    monkeypatch.setattr(BuildCache, method, recording)
    return calls
