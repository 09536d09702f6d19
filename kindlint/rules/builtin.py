"""kindlint's own rule packs, registered in pyproject.toml like any third-party pack."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def rules_root() -> Path:
    """The ``rules/`` folder: inside the installed wheel, or at the top of a source checkout."""
    packaged = Path(str(files("kindlint"))) / "_builtin_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


def language() -> Path:
    return rules_root() / "language"


def procurement() -> Path:
    return rules_root() / "procurement"


def absence() -> Path:
    return rules_root() / "absence"


def plain_language() -> Path:
    return rules_root() / "plain-language"


def core() -> Path:
    return rules_root() / "core"
