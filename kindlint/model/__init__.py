"""The document model, procurement facts and findings: the types every stage shares."""

from kindlint.model.document import Anchor, Block, BlockKind, Directive, Document, Location, Table

__all__ = ["Anchor", "Block", "BlockKind", "Directive", "Document", "Location", "Table"]
