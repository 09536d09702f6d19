"""Absence rules: a relational commissioning document that never mentions something it needs.

Declared in rule.toml with ``[check] kind = "absence"``: ``signals`` (phrases, any of which
present and not negated means the document passes), ``homes`` (headings where such a clause
usually lives, most likely first, to anchor the finding), ``looked-for`` and ``where`` (plain
words for the message). They only run on tenders, specifications, contracts and KPI schedules
whose main service domain is relational and that are long enough to judge (option
``min-words``). ``unless-kpis = true`` leaves documents with KPIs to the rules that judge them.

``refusals`` (regular expressions) are statements that rule the thing out ("no variations will
be permitted"); each is reported where it stands, with ``refusal-message``, in any document
about people, however short, unless the sentence keeps a way open ("unless agreed").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from kindlint.extract.domain import RELATIONAL_DOMAINS
from kindlint.extract.negation import negated
from kindlint.extract.scan import TextIndex
from kindlint.lazy_regex import LazyPattern
from kindlint.model.document import Block, BlockKind
from kindlint.model.findings import SUBJECT_DOCUMENT, Finding
from kindlint.rules.context import RuleContext
from kindlint.rules.phrases import WINDOW, phrase_regex, phrase_triggers

DEFAULT_KINDS = ("tender", "specification", "contract", "kpi-schedule")
KIND_NAMES = {"tender": "tender", "specification": "specification", "contract": "contract",
              "kpi-schedule": "KPI schedule", "policy": "policy", "bid": "bid"}


class AbsenceCheck:
    """Reports once per document when none of the signal phrases appears."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.signals = _compile(spec["signals"])
        self.keywords = tuple(sorted({w for phrase in spec["signals"]
                                      for w in phrase_triggers(phrase)}))
        self.homes = [_compile([home]) for home in spec.get("homes", ())]
        self.looked_for = str(spec["looked-for"])
        self.where = str(spec["where"])
        self.kinds = tuple(spec.get("kinds", DEFAULT_KINDS))
        self.unless_kpis = bool(spec.get("unless-kpis", False))
        refusals = list(spec.get("refusals", ()))
        self.refusals = LazyPattern("|".join(refusals), re.IGNORECASE) if refusals else None
        self.refusal_words = tuple(spec.get("refusal-words", ()))
        self.refusal_message = str(spec.get("refusal-message", "")) or None
        if self.refusals is not None and not (self.refusal_words and self.refusal_message):
            raise ValueError("refusals need refusal-words and a refusal-message")

    def applies(self, ctx: RuleContext) -> bool:
        """Commissioning documents whose main service domain is relational, long enough."""
        facts = ctx.facts
        return (facts.document_kind in self.kinds
                and bool(facts.domains) and facts.domains[0] in RELATIONAL_DOMAINS
                and not (self.unless_kpis and facts.kpis)
                and ctx.document.word_count >= int(ctx.options.get("min-words", 1000)))

    def present(self, index: TextIndex) -> bool:
        """Is a signal there, not negated? Only the places a signal's word occurs are read."""
        for word in self.keywords:
            for position in index.word_positions(word):
                block, start = index.locate(position)
                window = (max(0, start - WINDOW), start + len(word) + WINDOW)
                for m in self.signals.finditer(block.text, *window):
                    if m.start() <= start < m.end() and not negated(block, *m.span()):
                        return True
        return False

    def __call__(self, ctx: RuleContext) -> Iterable[Finding]:
        refused = list(self._refusals(ctx))
        yield from refused
        if refused or not self.applies(ctx) or self.present(ctx.run.index):
            return
        anchor = self._anchor(ctx.document.blocks)
        kind = KIND_NAMES.get(ctx.facts.document_kind or "", "document")
        start = anchor.body_start if anchor else 0
        yield ctx.finding(anchor, start, len(anchor.text) if anchor else None,
                          looked_for=self.looked_for, where=self.where, kind=kind,
                          subject=SUBJECT_DOCUMENT)

    def _refusals(self, ctx: RuleContext) -> Iterable[Finding]:
        if self.refusals is None or not ctx.facts.relational:
            return
        reported = set()  # one finding per sentence
        for block, start, end, _ in ctx.run.index.hits(self.refusals, self.refusal_words):
            sentence = block.sentence_at(start)
            if (block.index, sentence) not in reported \
                    and not _LEAVES_A_WAY.search(block.text, *sentence) \
                    and not _about_price_only(block.text[sentence[0]:sentence[1]]):
                reported.add((block.index, sentence))
                yield ctx.finding(block, start, end, message=self.refusal_message)

    def _anchor(self, blocks: tuple[Block, ...]) -> Block | None:
        headings = [b for b in blocks if b.kind is BlockKind.HEADING]
        for home in self.homes:  # the first home listed is the most likely place
            for block in headings:
                if home.search(block.text):
                    return block
        body = [b for b in blocks if b.kind not in (BlockKind.HEADER, BlockKind.FOOTER)]
        return headings[0] if headings else (body[0] if body else None)


# A price held firm ("the hourly rate is fixed for the life of the contract") is not the service
# held fixed, unless the sentence also rules out changing the service itself.
_PRICE = re.compile(r"\bprices?\b|\brates?\b|\bfees?\b|\bcharges\b", re.IGNORECASE)
_SERVICE = re.compile(r"\b(?:scope|specification|service|support|hours|outcomes?)\b",
                      re.IGNORECASE)


def _about_price_only(sentence: str) -> bool:
    """The sentence holds a price firm without naming the service."""
    return bool(_PRICE.search(sentence)) and not _SERVICE.search(sentence)


# "No variation is valid unless agreed in writing" is a variation clause, not a refusal.
_LEAVES_A_WAY = re.compile(r"\bunless\b|\bexcept\b|other than|save (?:as|where)|in writing|"
                           r"(?:by|with|without) (?:the )?(?:prior )?(?:written )?(?:mutual )?"
                           r"(?:agreement|consent)|agreed (?:by|between)|signed by", re.IGNORECASE)


def _compile(phrases: Iterable[str]) -> LazyPattern | None:
    phrases = list(phrases)
    if not phrases:
        return None
    counter = [0]
    return LazyPattern("|".join(f"(?:{phrase_regex(p, counter)})" for p in phrases)
                       .replace("(?P<pl", "(?P<s"), re.IGNORECASE)
