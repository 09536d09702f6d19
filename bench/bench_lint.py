"""Lint benchmark: words per second over ~500,000 words of procurement-style Markdown with
every built-in rule on, and start-up time for one small file.

    python bench/bench_lint.py

Runs the real command line (`python -m kindlint`) in fresh processes with the cache off, so
the figures include start-up, reading, the extract stage, every rule and the report. Targets:
at least 200,000 words/s on this 2-core machine; start-up under 0.15 s.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_markdown_corpus
from results import installed_like, machine, write_section

WORDS = 500_000
SMALL = "# Referrals\n\nPeople on probation are referred by their probation officer.\n"


def run(args: list[str], cache: bool = False) -> float:
    start = time.perf_counter()
    flags = [] if cache else ["--no-cache"]
    subprocess.run([sys.executable, "-m", "kindlint", "--isolated", *flags, "--exit-zero",
                    *args], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    installed_like()
    jobs = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        files, words = write_markdown_corpus(folder, WORDS)
        parallel = min(run([str(folder), "-j", str(jobs)]) for _ in range(2))
        serial = min(run([str(folder), "-j", "1"]) for _ in range(2))
        small = Path(tmp) / "small.md"
        small.write_text(SMALL, encoding="utf-8")
        starts = [run([str(small)]) for _ in range(15)]
        os.environ["KINDLINT_CACHE_DIR"] = str(Path(tmp) / "cache")
        warm = [run([str(small)], cache=True) for _ in range(16)][1:]
        python_only = statistics.median(
            _time([sys.executable, "-c", "pass"]) for _ in range(15))
    startup = statistics.median(starts)
    lines = [
        "## Lint throughput and start-up (`bench/bench_lint.py`)",
        "",
        f"Machine: {machine()}. `python -m kindlint --isolated --no-cache` in fresh processes "
        "with bytecode compiled, as `pip install` leaves it (best of 2 for throughput, median "
        "of 15 for start-up); every built-in rule on.",
        "",
        "| measure | result | target |",
        "|---|---:|---:|",
        f"| corpus | {len(files)} Markdown files, {words:,} words | ~500,000 words |",
        f"| throughput, {jobs} jobs | {words / parallel:,.0f} words/s ({parallel:.2f} s) "
        "| ≥ 200,000 words/s |",
        f"| throughput, 1 job | {words / serial:,.0f} words/s ({serial:.2f} s) | |",
        f"| start-up, one small file, `--no-cache` | {startup:.3f} s (min {min(starts):.3f} s) "
        "| < 0.15 s |",
        f"| start-up, one small file, result cache warm (a pre-commit run) | "
        f"{statistics.median(warm):.3f} s (min {min(warm):.3f} s) | < 0.15 s |",
        f"| bare `python -c pass` | {python_only:.3f} s | |",
    ]
    write_section("lint", "\n".join(lines))
    print("\n".join(lines))


def _time(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
