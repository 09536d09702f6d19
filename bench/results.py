"""Write one benchmark's section into bench/RESULTS.md, keeping the other sections."""

from __future__ import annotations

import compileall
import os
import platform
import re
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADER = """# Benchmark results

Each section is rewritten by the script named in it (`python bench/<script>.py`). Timings are
wall-clock seconds on the machine named; compare ratios measured in the same run, not absolute
numbers across runs (machines are noisy).
"""


def installed_like() -> None:
    """Compile kindlint's bytecode first, as ``pip install`` does: a source checkout run with
    PYTHONDONTWRITEBYTECODE would otherwise compile every module in every timed process."""
    root = RESULTS.parent.parent
    for folder in ("kindlint", "rules"):
        compileall.compile_dir(root / folder, quiet=1)


def machine() -> str:
    return (f"{platform.python_implementation()} {platform.python_version()}, "
            f"{os.cpu_count()} CPUs, {platform.machine()}, {time.strftime('%Y-%m-%d')}")


def write_section(name: str, body: str) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else HEADER
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    section = f"{start}\n{body.strip()}\n{end}"
    if start in text:
        text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: section, text,
                      flags=re.DOTALL)
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    RESULTS.write_text(text, encoding="utf-8")
