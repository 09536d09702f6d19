"""The extract stage: procurement facts found in a Document, between readers and rules."""

from __future__ import annotations

from kindlint.extract.award import find_award
from kindlint.extract.contract import (
    find_hourly_rates,
    find_payment_models,
    find_price_reductions,
    find_term,
    find_visit_lengths,
)
from kindlint.extract.domain import classify_domains
from kindlint.extract.kind import classify_kind
from kindlint.extract.kpis import find_kpis
from kindlint.extract.scan import TextIndex
from kindlint.model.document import Document
from kindlint.model.facts import Facts

# What a document is and which service it is about are read from its first blocks: enough to
# decide, and it keeps a 300-page document as quick to classify as a 30-page one.
SAMPLE_BLOCKS = 400


def extract_facts(document: Document, *, domain: str | None = None,
                  document_kind: str | None = None, index: TextIndex | None = None) -> Facts:
    """Find the facts rules need; ``domain`` and ``document_kind`` override detection.

    ``index`` is the document's TextIndex when the caller already has one.
    """
    index = index or TextIndex(document.blocks)
    opening = index.head(SAMPLE_BLOCKS)
    evidence = classify_domains(opening)
    kind, kind_evidence = classify_kind(document, opening)
    return Facts(
        document_kind=document_kind or kind,
        kind_evidence=("set in configuration",) if document_kind else kind_evidence,
        domains=(domain,) if domain else evidence.domains,
        domain_evidence=evidence.counts,
        kpis=find_kpis(document),
        award=find_award(document, index),
        term=find_term(index),
        payment_models=tuple(find_payment_models(index)),
        visit_lengths=tuple(find_visit_lengths(index)),
        hourly_rates=tuple(find_hourly_rates(index)),
        price_reductions=tuple(find_price_reductions(index)),
    )
