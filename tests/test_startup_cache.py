"""The per-user start-up cache: exact keys only, a bounded size, never an error."""

from __future__ import annotations

import os

from kindlint import startup_cache


def test_values_come_back_only_for_the_same_key(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    startup_cache.save("rules", ("py3.11", 1), {"KL101": "offender-labels"})
    assert startup_cache.load("rules", ("py3.11", 1)) == {"KL101": "offender-labels"}
    assert startup_cache.load("rules", ("py3.11", 2)) is None
    assert startup_cache.load("entry-points", ("py3.11", 1)) is None


def test_old_entries_are_pruned(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for n in range(10):
        startup_cache.save("rules", n, n)
        path = startup_cache._path("rules", n)
        os.utime(path, (1_000_000 + n, 1_000_000 + n))  # distinct ages on any file system
    startup_cache.save("entry-points", 0, 0)
    kept = sorted(p.name for p in (tmp_path / "kindlint").glob("rules-*.pickle"))
    assert kept == sorted(startup_cache._path("rules", n).name for n in range(6, 10))
    assert startup_cache.load("rules", 9) == 9
    assert startup_cache.load("entry-points", 0) == 0


def test_damaged_or_unwritable_cache_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    startup_cache.save("rules", 1, "value")
    startup_cache._path("rules", 1).write_bytes(b"not a pickle")
    assert startup_cache.load("rules", 1) is None
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    startup_cache.save("rules", 1, "value")  # nothing raised
    assert startup_cache.load("rules", 1) is None
