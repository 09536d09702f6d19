"""Shared test fixtures: paths to the real corpus, the examples and small document builders."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CORPUS = ROOT.parent / "shared" / "corpus" / "real"

needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(),
    reason=f"the real-document corpus is not at {CORPUS} (../shared/corpus/real beside the repo)",
)


@pytest.fixture(autouse=True)
def _isolated_result_cache(tmp_path_factory, monkeypatch):
    """Each test gets its own result cache, never the working directory's."""
    monkeypatch.setenv("KINDLINT_CACHE_DIR", str(tmp_path_factory.mktemp("kindlint-cache")))


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the real-document corpus is not at {CORPUS}")
    return CORPUS
