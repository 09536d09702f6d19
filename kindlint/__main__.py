"""``python -m kindlint``."""

from kindlint.cli import run

run()
