"""The extract stage: procurement facts found in a Document, between readers and rules."""

from __future__ import annotations

from kindlint.extract.domain import classify_domains
from kindlint.model.document import Document
from kindlint.model.facts import Facts


def extract_facts(document: Document, *, domain: str | None = None,
                  document_kind: str | None = None) -> Facts:
    """Find the facts rules need; ``domain`` and ``document_kind`` override detection."""
    evidence = classify_domains(document.text)
    domains = (domain,) if domain else evidence.domains
    return Facts(
        document_kind=document_kind,
        domains=domains,
        domain_evidence=evidence.counts,
    )
