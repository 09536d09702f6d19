"""Baselines: record today's findings so that only new ones are reported (adoption aid)."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from kindlint.model.findings import FileResult

BASELINE_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read."""


def _key(path: str, base: Path) -> str:
    try:
        return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()
    except ValueError:
        return Path(path).as_posix()


def write_baseline(output: Path, results: Sequence[FileResult]) -> int:
    """Write the fingerprints of every finding; returns how many were recorded."""
    base = output.resolve().parent
    entries = [
        {"file": _key(r.path, base), "code": f.code, "fingerprint": f.fingerprint, "text": f.text}
        for r in results
        for f in r.findings
    ]
    payload = {"schema_version": BASELINE_VERSION, "tool": "kindlint", "findings": entries}
    output.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(entries)


def load_baseline(path: Path) -> tuple[Path, set[tuple[str, str]]]:
    """The baseline's folder and its (file, fingerprint) pairs."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = {(e["file"], e["fingerprint"]) for e in data["findings"]}
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BaselineError(f"{path}: not a kindlint baseline ({exc})") from None
    return path.resolve().parent, entries


def filter_baseline(results: Sequence[FileResult],
                    baseline: tuple[Path, set[tuple[str, str]]]) -> list[FileResult]:
    """Drop findings recorded in the baseline."""
    base, known = baseline
    out = []
    for result in results:
        key = _key(result.path, base)
        kept = tuple(f for f in result.findings if (key, f.fingerprint) not in known)
        out.append(replace(result, findings=kept))
    return out
