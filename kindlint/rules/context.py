"""What a rule's check receives: the document, its facts, options and a finding factory."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kindlint.extract.scan import TextIndex
from kindlint.model.document import Block, Document, Location
from kindlint.model.facts import Evidence, Facts
from kindlint.model.findings import Confidence, Finding, Severity

if TYPE_CHECKING:
    from kindlint.rules.model import Rule
    from kindlint.rules.phrases import PhraseMatch, PhraseMatcher


@dataclass(slots=True)
class DocumentRun:
    """State shared by every rule checking one document (built once, used by all)."""

    document: Document
    facts: Facts
    matcher: PhraseMatcher | None = None
    _index: TextIndex | None = field(default=None, repr=False)
    _block_matches: list[tuple[Block, dict[str, list[PhraseMatch]]]] | None = field(
        default=None, repr=False)

    @property
    def index(self) -> TextIndex:
        """The document's running text, for rules that scan it whole (built once)."""
        if self._index is None:
            self._index = TextIndex(self.document.blocks)
        return self._index

    def phrase_matches(self) -> list[tuple[Block, dict[str, list[PhraseMatch]]]]:
        """Matches of every phrase rule in the run, per block; computed once per document."""
        if self._block_matches is None:
            found = {}
            if self.matcher is not None:
                found = self.matcher.match_index(self.index, frozenset(self.facts.domains))
            blocks = self.document.blocks
            self._block_matches = [(blocks[i], found[i]) for i in sorted(found)]
        return self._block_matches


@dataclass(slots=True)
class RuleContext:
    """Handed to a rule's check: read the document and facts, create findings."""

    rule: Rule
    run: DocumentRun
    options: Mapping[str, Any]

    @property
    def document(self) -> Document:
        return self.run.document

    @property
    def facts(self) -> Facts:
        return self.run.facts

    def finding(
        self,
        block: Block | None,
        start: int = 0,
        end: int | None = None,
        *,
        location: Location | None = None,
        severity: Severity | None = None,
        confidence: Confidence | None = None,
        suggestions: tuple[str, ...] = (),
        subject: str | None = None,
        message: str | None = None,
        **values: Any,
    ) -> Finding:
        """A finding for ``block.text[start:end]`` (or a whole-document finding)."""
        rule = self.rule
        context_span = None
        if block is not None:
            end = len(block.text) if end is None else end
            where = location or block.locate(start, end)
            s_start, s_end = block.sentence_at(start)
            s_start, s_end = min(s_start, start), max(s_end, end)
            context, offsets = fold_space(block.text[s_start:s_end])
            context_span = (offsets[start - s_start], offsets[end - s_start])
            text = " ".join(block.text[start:end].split())
        else:
            where = location or Location(file=self.document.path)
            context = text = ""
        values.setdefault("term", text)
        return Finding(
            code=rule.code,
            name=rule.name,
            category=rule.category,
            severity=severity or rule.severity,
            confidence=confidence or rule.confidence,
            message=(message or rule.message).format_map(_Keep(values)),
            location=where,
            suggestions=suggestions,
            text=text,
            context=context,
            context_span=context_span,
            block=block.index if block is not None else None,
            subject=subject,
        )


    def at(self, evidence: Evidence, **values: Any) -> Finding:
        """A finding at the words a fact was read from."""
        block = self.document.blocks[evidence.block] if evidence.block is not None else None
        span = evidence.location.span or (0, len(block.text) if block else 0)
        return self.finding(block, span[0], span[1], **values)

    @property
    def relational(self) -> bool:
        """Relational thresholds apply unless the text is clearly about something else."""
        return self.facts.relational


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fold_space(text: str) -> tuple[str, list[int]]:
    """Fold runs of white space to one space and trim; ``offsets[i]`` maps a position in
    ``text`` (0..len) to the folded string."""
    if not _SPACES.search(text):  # the common case: nothing to fold
        return text, list(range(len(text) + 1))
    out: list[str] = []
    offsets: list[int] = []
    pending_space = False
    for ch in text:
        if ch.isspace():
            offsets.append(len(out))
            pending_space = bool(out)
            continue
        if pending_space:
            out.append(" ")
            pending_space = False
        offsets.append(len(out))
        out.append(ch)
    offsets.append(len(out))
    return "".join(out), offsets


_SPACES = re.compile(r"\s\s|[^\S ]|^\s|\s$")
