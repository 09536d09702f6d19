"""The pipeline for one file and for many: read → extract → rules → FileResult."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kindlint.config import Config, find_config_file, load_config, settings_for
from kindlint.model.findings import FileResult
from kindlint.readers import ReadError, read_document, supported_extensions
from kindlint.rules.packs import load_packs
from kindlint.rules.runner import check_document


@dataclass(frozen=True)
class LintOptions:
    """Choices from the command line that apply to every file."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config_file: Path | None = None
    isolated: bool = False
    statistics: bool = False
    exclude: tuple[str, ...] = field(default=())

    def config_for(self, path: Path) -> Config:
        if self.isolated:
            return Config()
        if self.config_file is not None:
            return load_config(self.config_file)
        return load_config(find_config_file(path))


def lint_file(path: Path, options: LintOptions) -> FileResult:
    """Lint one file. Unreadable files give a result with ``error`` set, never an exception."""
    config = options.config_for(path)
    settings = settings_for(path, config, load_packs(), select=options.select,
                            extend_select=options.extend_select, ignore=options.ignore)
    try:
        document = read_document(path)
    except ReadError as exc:
        return FileResult(str(path), error=str(exc), fail_on=config.fail_on)
    except Exception as exc:  # a reader bug must not stop the other files
        return FileResult(str(path), error=f"unexpected error ({type(exc).__name__}: {exc})",
                          fail_on=config.fail_on)
    findings, facts = check_document(document, load_packs(), settings)
    statistics = {}
    if options.statistics:
        from kindlint.extract.readability import readability_by_section

        statistics = {"readability": readability_by_section(document)}
    return FileResult(
        str(path),
        tuple(findings),
        fail_on=config.fail_on,
        facts=facts,
        statistics=statistics,
        document_format=document.format,
        page_count=document.page_count,
        word_count=document.word_count,
    )


def lint_paths(files: Sequence[Path], options: LintOptions) -> list[FileResult]:
    """Lint files one after another, in the order given."""
    return [lint_file(path, options) for path in files]


def collect_files(paths: Iterable[Path], exclude: Sequence[str] = ()) -> tuple[list[Path],
                                                                               list[FileResult]]:
    """Expand directories into the supported files below them; report paths that don't exist.

    ``exclude`` holds gitignore-style patterns, matched relative to each directory given.
    """
    spec = None
    if exclude:
        import pathspec

        spec = pathspec.GitIgnoreSpec.from_lines(exclude)
    files: list[Path] = []
    missing: list[FileResult] = []
    extensions = set(supported_extensions())
    for path in paths:
        if path.is_dir():
            for found in _walk(path, extensions):
                relative = found.relative_to(path).as_posix()
                if spec is None or not spec.match_file(relative):
                    files.append(found)
        elif path.exists() or path.is_symlink():
            if spec is None or not spec.match_file(path.as_posix()):
                files.append(path)
        else:
            missing.append(FileResult(str(path), error="no such file or directory"))
    return _unique(files), missing


def _walk(root: Path, extensions: set[str]) -> Iterator[Path]:
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in
                         ("node_modules", "__pycache__"))
        for name in sorted(names):
            if Path(name).suffix.lower() in extensions and not name.startswith((".", "~$")):
                yield Path(folder) / name


def _unique(files: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    out = []
    for file in files:
        key = file.resolve()
        if key not in seen:
            seen.add(key)
            out.append(file)
    return out
