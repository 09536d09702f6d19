"""``python -m kindlint``."""

from kindlint.cli import main

main()
