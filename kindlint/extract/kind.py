"""Document kind: tender, specification, contract, KPI schedule, policy or bid, with evidence."""

from __future__ import annotations

import re
from collections import Counter

from kindlint.extract.scan import TextIndex, cue_keywords
from kindlint.lazy_regex import lazy
from kindlint.model.document import BlockKind, Document

KIND_CUES: dict[str, tuple[str, ...]] = {
    "tender": (r"invitation to tender", r"\bITT\b", r"request for (?:proposals?|quotations?|"
               r"information)", r"\bRF[PQ]\b", r"tenderers?", r"bidders?", r"offerors?",
               r"award criteria", r"evaluation criteria", r"submission deadline",
               r"instructions to (?:bidders|tenderers|offerors)", r"quoters?",
               r"most (?:economically )?advantageous", r"pricing schedule"),
    "specification": (r"service specification", r"\bspecification\b",
                      r"statement of (?:requirements?|work|need)", r"\bSOW\b",
                      r"performance work statement", r"scope of (?:the )?services?",
                      r"service requirements?", r"the service will", r"service standards?"),
    "contract": (r"this (?:contract|agreement)", r"the parties", r"terms and conditions",
                 r"hereby", r"indemnif", r"termination", r"core terms", r"call-off contract",
                 r"\bclause\b", r"liability", r"governing law", r"force majeure"),
    "kpi-schedule": (r"key performance indicators?", r"\bKPIs?\b", r"service credits?",
                     r"quality assurance surveillance plan", r"\bQASP\b",
                     r"acceptable quality levels?", r"performance requirements matrix",
                     r"kpi credits?", r"performance monitoring", r"service levels?"),
    "policy": (r"\bpolicy\b", r"\bstrategy\b", r"\bprocedure\b", r"our approach",
               r"action plan", r"we will\b", r"principles?"),
    "bid": (r"our (?:response|approach|proposal|solution)", r"we (?:will|would) provide",
            r"method statement", r"our (?:team|staff|organisation) (?:will|has)",
            r"case stud(?:y|ies)"),
}
_PATTERNS = {kind: lazy("|".join(cues), re.IGNORECASE) for kind, cues in KIND_CUES.items()}
_KEYWORDS = {kind: cue_keywords(cues) for kind, cues in KIND_CUES.items()}
TITLE_WEIGHT = 8
OPENING_WEIGHT = 25  # what the title page calls the document outweighs what the body mentions


def classify_kind(document: Document, index: TextIndex | None = None) -> tuple[str | None,
                                                                              tuple[str, ...]]:
    """The most likely kind and the cues that decided it (the title page and headings count
    more than the body)."""
    index = index or TextIndex(document.blocks)
    scores: Counter[str] = Counter()
    evidence: dict[str, list[str]] = {kind: [] for kind in KIND_CUES}
    for kind, pattern in _PATTERNS.items():
        for hit in index.hits(pattern, _KEYWORDS[kind]):
            block = hit.block
            if block.index < 6 and len(block.text) < 160:
                weight = OPENING_WEIGHT
            elif block.kind is BlockKind.HEADING and block.index < 40:
                weight = TITLE_WEIGHT
            else:
                weight = 1
            scores[kind] += weight
            cue = hit.match.group(0).lower()
            if len(evidence[kind]) < 5 and cue not in evidence[kind]:
                evidence[kind].append(cue)
    if not scores:
        return None, ()
    kind, score = scores.most_common(1)[0]
    if score < 3:
        return None, ()
    return kind, tuple(evidence[kind])
