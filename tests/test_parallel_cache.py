"""Checking many files: a process pool gives the same results as a serial run, and the
content-keyed cache answers for unchanged files without reading them again."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import pickle
from pathlib import Path

import pytest

import kindlint.cache as cache
import kindlint.lint as lint
from kindlint.cache import CACHE_ENV, ResultCache
from kindlint.lint import LintOptions, lint_paths
from kindlint.model.document import Location
from kindlint.report import RunReport
from kindlint.report.json import report_json
from kindlint.rules.packs import load_packs
from tests.data.inputs import CLEAN_MD, varied_files, write_markdown

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
OPTIONS = LintOptions(isolated=True, extend_select=("KL001",))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    pytest.importorskip("reportlab")
    return varied_files(tmp_path_factory.mktemp("varied"))


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


def as_json(results) -> str:
    report = RunReport(results, {r.code: r for r in load_packs()})
    return json.dumps(report_json(report), indent=1, sort_keys=True)


def count_reads(monkeypatch) -> list[Path]:
    """Record every document read from now on."""
    calls: list[Path] = []
    real = lint.read_document

    def counting(path):
        calls.append(Path(path))
        return real(path)

    monkeypatch.setattr(lint, "read_document", counting)
    return calls


def forbid_reads(monkeypatch) -> None:
    def refuse(path):
        raise AssertionError(f"{path} was read again")

    monkeypatch.setattr(lint, "read_document", refuse)


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.parent.parent.name
                  .startswith("results-"))


# -- parallel -------------------------------------------------------------------------------

def test_parallel_results_are_identical_to_serial_and_in_order(corpus, monkeypatch):
    options = LintOptions(isolated=True, extend_select=("KL001",), cache=False)
    serial = lint_paths(corpus, options, jobs=1)
    used = []
    real = lint._lint_parallel

    def spy(todo, opts, workers):
        used.append(workers)
        yield from real(todo, opts, workers)

    monkeypatch.setattr(lint, "_lint_parallel", spy)
    monkeypatch.setattr(lint, "_pays_to_parallelise", lambda paths, workers: True)
    parallel = lint_paths(corpus, options, jobs=3)
    assert used == [3], "the process pool was not used"
    assert [r.path for r in parallel] == [str(p) for p in corpus]
    assert parallel == serial
    assert as_json(parallel) == as_json(serial)
    assert [r.facts for r in parallel] == [r.facts for r in serial]
    # the set is varied: findings in every format, a clean file and unreadable files
    formats = {r.document_format for r in serial if r.findings}
    assert {"markdown", "text", "docx", "pdf"} <= formats
    assert sum(1 for r in serial if r.error) == 2
    assert any(not r.findings and not r.error for r in serial)


def test_one_job_or_one_file_never_starts_a_pool(corpus, monkeypatch):
    def no_pool(*args):
        raise AssertionError("a process pool was started")

    monkeypatch.setattr(lint, "_lint_parallel", no_pool)
    monkeypatch.setattr(lint, "_pays_to_parallelise", lambda paths, workers: True)
    options = LintOptions(isolated=True, cache=False)
    assert len(lint_paths(corpus, options, jobs=1)) == len(corpus)
    assert len(lint_paths(corpus[:1], options, jobs=4)) == 1
    assert lint_paths([], options) == []


def test_small_runs_are_not_worth_a_pool(tmp_path):
    small = [write_markdown(tmp_path, f"{i}.md", CLEAN_MD) for i in range(3)]
    assert not lint._pays_to_parallelise(small, 2)
    big = tmp_path / "big.md"
    big.write_text(CLEAN_MD * 3000, encoding="utf-8")  # ~0.5 MB of text
    assert lint._pays_to_parallelise([big, big, big, big], 2)


def test_configuration_errors_are_raised_before_any_work(tmp_path, monkeypatch):
    from kindlint.config import ConfigError

    bad = tmp_path / "bad.toml"
    bad.write_text('select = ["NOPE"]\n', encoding="utf-8")
    calls = count_reads(monkeypatch)
    files = [write_markdown(tmp_path, f"{i}.md") for i in range(3)]
    with pytest.raises(ConfigError):
        lint_paths(files, LintOptions(config_file=bad, cache=False), jobs=2)
    assert calls == []


# -- progress -------------------------------------------------------------------------------

class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_and_for_long_runs():
    terminal = FakeTerminal()
    progress = lint._Progress(40, terminal)
    for _ in range(40):
        progress.advance()
    progress.close()
    text = terminal.getvalue()
    assert "kindlint: checked 1/40 files" in text and "checked 40/40 files" in text
    assert text.endswith("\r")  # the line is cleared at the end

    short = FakeTerminal()
    progress = lint._Progress(5, short)
    for _ in range(5):
        progress.advance()
    progress.close()
    assert short.getvalue() == ""  # five quick files: no progress

    slow = FakeTerminal()
    progress = lint._Progress(5, slow)
    progress.start -= 10  # as if the run had been going for ten seconds
    progress.advance()
    assert "checked 1/5 files" in slow.getvalue()

    pipe = io.StringIO()
    progress = lint._Progress(40, pipe)
    for _ in range(40):
        progress.advance()
    progress.close()
    assert pipe.getvalue() == ""


# -- cache ----------------------------------------------------------------------------------

def test_second_run_comes_from_the_cache(corpus, cache_dir, monkeypatch):
    first = lint_paths(corpus, OPTIONS, jobs=1)
    assert (cache_dir / "CACHEDIR.TAG").read_text().startswith(
        "Signature: 8a477f597d28d172789f06886806bc55")
    assert (cache_dir / ".gitignore").read_text() == "*\n"
    readable = [p for p, r in zip(corpus, first, strict=True) if not r.error]
    # a-policy.md and j-second-copy.md have the same bytes and reader: one entry
    assert len(entries(cache_dir)) == len(readable) - 1

    # Unreadable files are not cached: on the second run only they may be read.
    reads = count_reads(monkeypatch)
    second = lint_paths(corpus, OPTIONS, jobs=1)
    assert sorted(p.name for p in reads) == ["h-empty.md", "i-broken.docx"]
    assert as_json(second) == as_json(first)
    assert [r.facts for r in second] == [r.facts for r in first]

    forbid_reads(monkeypatch)
    third = lint_paths(readable, OPTIONS, jobs=2)
    assert as_json(third) == as_json([r for r in first if not r.error])


def test_a_cached_result_takes_the_path_it_is_found_at(tmp_path, cache_dir, monkeypatch):
    original = tmp_path / "tender.md"  # a tender, so that the facts have locations too
    original.write_bytes((EXAMPLES / "homecare-tender.md").read_bytes() +
                         write_markdown(tmp_path, "policy.md").read_bytes())
    [before] = lint_paths([original], OPTIONS)
    assert {location.file for location in locations_in(before.facts)} == {str(original)}
    moved = tmp_path / "moved" / "renamed.md"
    moved.parent.mkdir()
    moved.write_bytes(original.read_bytes())
    forbid_reads(monkeypatch)
    [after] = lint_paths([moved], OPTIONS)
    assert after.path == str(moved)
    assert {f.location.file for f in after.findings} == {str(moved)}
    assert [f.fingerprint for f in after.findings] == [f.fingerprint for f in before.findings]
    files = {location.file for location in locations_in(after.facts)}
    assert files == {str(moved)}


def locations_in(value) -> list[Location]:
    """Every Location inside a dataclass tree (facts hold many)."""
    if isinstance(value, Location):
        return [value]
    if dataclasses.is_dataclass(value):
        return [x for f in dataclasses.fields(value) for x in locations_in(getattr(value, f.name))]
    if isinstance(value, (list, tuple)):
        return [x for item in value for x in locations_in(item)]
    if isinstance(value, dict):
        return [x for item in value.values() for x in locations_in(item)]
    return []


def test_changing_the_file_or_the_settings_misses_the_cache(tmp_path, cache_dir, monkeypatch):
    files = [write_markdown(tmp_path, f"{name}.md") for name in ("one", "two", "three")]
    lint_paths(files, OPTIONS)
    reads = count_reads(monkeypatch)

    files[1].write_text(files[1].read_text(encoding="utf-8") + "\nMore offenders.\n",
                        encoding="utf-8")
    results = lint_paths(files, OPTIONS)
    assert reads == [files[1]]
    assert len(results[1].findings) == len(results[0].findings) + 1

    reads.clear()
    ignored = lint_paths(files, LintOptions(isolated=True, ignore=("KL101",)))
    assert len(reads) == 3
    assert not any(f.code == "KL101" for r in ignored for f in r.findings)

    reads.clear()
    config = tmp_path / "kindlint.toml"
    config.write_text('[rules.KL101]\nseverity = "error"\n', encoding="utf-8")
    severe = lint_paths(files, LintOptions(config_file=config))
    assert len(reads) == 3
    assert {f.severity.value for r in severe for f in r.findings if f.code == "KL101"} == \
        {"error"}

    reads.clear()
    config.write_text('allow = ["offenders"]\n', encoding="utf-8")
    load_config_cache_clear()
    allowed = lint_paths(files, LintOptions(config_file=config))
    assert len(reads) == 3
    texts = {f.text for r in allowed for f in r.findings if f.code == "KL101"}
    assert "Offenders" not in texts and "Offenders" in {f.text for f in results[0].findings}

    reads.clear()
    lint_paths(files, OPTIONS)  # back to the first settings: all cached again
    assert reads == []


def load_config_cache_clear() -> None:
    from kindlint import config

    config.load_config.cache_clear()
    config._read_toml.cache_clear()


def test_no_cache_reads_and_writes_nothing(tmp_path, cache_dir, monkeypatch):
    files = [write_markdown(tmp_path, f"{i}.md") for i in range(2)]
    lint_paths(files, LintOptions(isolated=True, cache=False))
    assert not cache_dir.exists()
    lint_paths(files, OPTIONS)
    stored = {p: p.read_bytes() for p in entries(cache_dir)}
    reads = count_reads(monkeypatch)
    lint_paths(files, LintOptions(isolated=True, extend_select=("KL001",), cache=False))
    assert len(reads) == 2
    assert {p: p.read_bytes() for p in entries(cache_dir)} == stored


def test_no_cache_on_the_command_line(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kindlint.cli import main

    write_markdown(tmp_path, "policy.md")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(CACHE_ENV, raising=False)
    runner = CliRunner()
    assert runner.invoke(main, ["--isolated", "--no-cache", "policy.md"]).exit_code == 1
    assert not (tmp_path / ".kindlint_cache").exists()
    first = runner.invoke(main, ["--isolated", "--format", "json", "policy.md"])
    assert (tmp_path / ".kindlint_cache" / "CACHEDIR.TAG").is_file()
    forbid_reads(monkeypatch)
    second = runner.invoke(main, ["--isolated", "--format", "json", "policy.md"])
    assert second.exit_code == first.exit_code == 1
    assert second.stdout == first.stdout


def test_corrupt_entries_are_ignored_and_replaced(tmp_path, cache_dir, monkeypatch):
    files = [write_markdown(tmp_path, "policy.md")]
    [good] = lint_paths(files, OPTIONS)
    [entry] = entries(cache_dir)
    for damage in (b"", b"garbage", entry.read_bytes()[:40],
                   cache._MAGIC + pickle.dumps({"not": "a result"})):
        entry.write_bytes(damage)
        reads = count_reads(monkeypatch)
        [again] = lint_paths(files, OPTIONS)
        assert reads == files and again == good
        monkeypatch.undo()
        monkeypatch.setenv(CACHE_ENV, str(cache_dir))
    [entry] = entries(cache_dir)
    forbid_reads(monkeypatch)
    assert lint_paths(files, OPTIONS) == [good]


class _RunsCode:
    """A pickle that would create a file when loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_planted_entry_cannot_run_code(tmp_path, cache_dir, monkeypatch):
    files = [write_markdown(tmp_path, "policy.md")]
    [good] = lint_paths(files, OPTIONS)
    [entry] = entries(cache_dir)
    marker = tmp_path / "pwned"
    entry.write_bytes(cache._MAGIC + pickle.dumps(_RunsCode(marker)))
    [again] = lint_paths(files, OPTIONS)
    assert not marker.exists()
    assert again == good


def test_unwritable_cache_folder_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    files = [write_markdown(tmp_path, "policy.md")]
    assert lint_paths(files, OPTIONS)[0].findings


def test_rule_data_is_part_of_the_key(tmp_path):
    folder = tmp_path / "KL999-made-up"
    folder.mkdir()
    (folder / "rule.toml").write_text('code = "KL999"\n', encoding="utf-8")
    (folder / "check.py").write_text("def check(ctx):\n    return []\n", encoding="utf-8")
    before = cache._stamps_under(folder)
    (folder / "check.py").write_text("def check(ctx):\n    return ()\n", encoding="utf-8")
    os.utime(folder / "check.py", ns=(1, 1))  # an edit that keeps the size still counts
    after_check = cache._stamps_under(folder)
    (folder / "rule.toml").write_text('code = "KL999"\nname = "x"\n', encoding="utf-8")
    after_toml = cache._stamps_under(folder)
    assert len({before, after_check, after_toml}) == 3
    # and the environment digest covers kindlint's version, code and the loaded rules
    assert cache.environment_digest() == cache.environment_digest()


def test_the_key_depends_on_the_reader(tmp_path):
    same = CLEAN_MD
    md = write_markdown(tmp_path, "a.md", same)
    txt = tmp_path / "a.txt"
    txt.write_text(same, encoding="utf-8")
    cache = ResultCache.open(tmp_path / "c")
    assert cache is not None
    config, settings = lint._settings(md, OPTIONS)
    key_md, _ = cache.key_for(md, OPTIONS, config, settings)
    key_txt, _ = cache.key_for(txt, OPTIONS, config, settings)
    assert key_md and key_txt and key_md != key_txt
    assert cache.key_for(tmp_path / "missing.md", OPTIONS, config, settings) == (None, None)
