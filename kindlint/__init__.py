"""kindlint: find the relational blind spots in procurement documents."""

__version__ = "0.1.0"
