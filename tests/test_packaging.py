"""The wheel: kindlint's own rules ship inside it, and the installed package finds them.

The wheel is built from this checkout with ``python -m build --no-isolation`` (hatchling is in
the [test] extra), unpacked, and run from the unpacked copy with a clean start-up cache.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.slow

if importlib.util.find_spec("build") is None or importlib.util.find_spec("hatchling") is None:
    pytest.skip("build and hatchling are needed (they are in the [test] extra)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(out), str(ROOT)], check=True, capture_output=True)
    (found,) = out.glob("kindlint-*.whl")
    return found


def test_every_rule_folder_is_in_the_wheel(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for rule_file in (ROOT / "rules").rglob("*"):
        if rule_file.is_file() and "__pycache__" not in rule_file.parts:
            inside = f"kindlint/_builtin_rules/{rule_file.relative_to(ROOT / 'rules').as_posix()}"
            assert inside in names, f"{inside} is missing from {wheel.name}"
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    registered = zipfile.ZipFile(wheel).read(entry_points).decode()
    for pack in ("language", "procurement", "absence", "plain-language", "core"):
        assert f"{pack} = kindlint.rules.builtin:" in registered


def test_the_unpacked_wheel_lints_with_its_own_rules(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "KINDLINT_CACHE_DIR": str(tmp_path / "results")}
    probe = ("import kindlint, kindlint.rules.builtin as b; "
             "print(kindlint.__file__); print(b.rules_root())")
    where = subprocess.run([sys.executable, "-c", probe], env=env, cwd=tmp_path,
                           capture_output=True, text=True, check=True).stdout.splitlines()
    assert where[0].startswith(str(site))
    assert where[1] == str(site / "kindlint" / "_builtin_rules")
    lint = subprocess.run([sys.executable, "-m", "kindlint", "--isolated",
                           str(EXAMPLES / "homecare-tender.md")],
                          env=env, cwd=tmp_path, capture_output=True, text=True)
    assert lint.returncode == 1, lint.stderr
    assert "KL107" in lint.stdout and "KL202" in lint.stdout
    explain = subprocess.run([sys.executable, "-m", "kindlint", "explain", "KL101"],
                             env=env, cwd=tmp_path, capture_output=True, text=True)
    assert explain.returncode == 0 and "Example that is flagged" in explain.stdout
