"""The pre-commit hook, end to end: ``pre-commit try-repo`` installs this checkout into its
own virtualenv (pip, from PyPI) and runs the ``kindlint`` hook from .pre-commit-hooks.yaml on a
policy repository.

try-repo is pointed at a snapshot of this checkout's working tree (tracked and untracked
files, as ``git ls-files --cached --others --exclude-standard`` lists them) committed to a
temporary repository: on the checkout itself its shadow commit would leave out untracked files.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.data.inputs import write_docx

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow

if importlib.util.find_spec("pre_commit") is None:
    pytest.skip("pre-commit is not installed (it is in the [test] extra)",
                allow_module_level=True)
if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)

LABELLED = """\
# Referrals policy

Offenders and service users are referred by the probation service.

We follow the national guidance on working with ex-offenders.
"""

FIXED = """\
# Referrals policy

People on probation are referred by their probation officer.

<!-- kindlint: ignore[KL101] the title of a published strategy, quoted as written -->
We follow the national strategy "Supporting Offenders into Work" (2026).
"""


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout


def snapshot_of_checkout(target: Path) -> None:
    """Commit the working tree of this checkout to a new repository."""
    try:
        listed = git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard", "-z")
        files = [name for name in listed.split("\0") if name]
    except (subprocess.CalledProcessError, OSError):
        files = []
    target.mkdir()
    if files:
        for name in files:
            source = ROOT / name
            if source.is_file():
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)
    else:  # not a git checkout (an unpacked sdist): copy the tree
        shutil.rmtree(target)
        shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(
            ".git", ".venv", "__pycache__", ".kindlint_cache", ".pytest_cache", ".ruff_cache",
            "build", "dist", "*.egg-info", "node_modules"))
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "snapshot of the kindlint checkout under test")


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    pytest.importorskip("docx")
    base = tmp_path_factory.mktemp("precommit")
    env = dict(os.environ,
               GIT_AUTHOR_NAME="kindlint tests", GIT_AUTHOR_EMAIL="tests@example.org",
               GIT_COMMITTER_NAME="kindlint tests", GIT_COMMITTER_EMAIL="tests@example.org",
               GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)
    env.pop("KINDLINT_CACHE_DIR", None)
    env.pop("PRE_COMMIT", None)
    source = base / "kindlint-src"
    snapshot_of_checkout(source)
    repo = base / "policies"
    repo.mkdir()
    git(repo, "init", "-q")
    return env, source, repo


def try_repo(env, source: Path, repo: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(source),
                           "kindlint", "--all-files", "--color", "never"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=900)


def test_hook_fails_on_labels_then_passes_once_they_are_fixed(setup):
    env, source, repo = setup
    # Only the label rules, so that new structural rules cannot fail the clean run.
    (repo / ".kindlint.toml").write_text('select = ["labels", "KL001"]\n', encoding="utf-8")
    (repo / "policy.md").write_text(LABELLED, encoding="utf-8")
    write_docx(repo, "contract.docx")
    (repo / "notes.csv").write_text("offenders,1\n", encoding="utf-8")  # not a document
    git(repo, "add", "-A")

    failed = try_repo(env, source, repo)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "kindlint" in output and "Failed" in output
    assert "policy.md:3:1: KL101 'Offenders'" in output
    assert "policy.md:5:" in output and "'ex-offenders'" in output
    assert "contract.docx:Schedule 2 > 4.2: KL101 'Offenders'" in output
    assert "notes.csv" not in output
    # the cache kindlint leaves in the repository is ignored by git
    assert (repo / ".kindlint_cache" / "CACHEDIR.TAG").is_file()
    assert ".kindlint_cache" not in git(repo, "status", "--porcelain")

    (repo / "policy.md").write_text(FIXED, encoding="utf-8")
    write_docx(repo, "contract.docx",
               sentence="People on probation will be referred by the probation service.",
               cell="People leaving prison")
    git(repo, "add", "-A")
    passed = try_repo(env, source, repo)
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert "kindlint" in output and "Passed" in output
