"""TextIndex: searching a whole document at once must find exactly what searching each block
with the pattern itself finds (offsets, groups and case included)."""

import re

import pytest

from kindlint.extract.scan import TextIndex
from kindlint.lazy_regex import lazy
from kindlint.model.document import Block, BlockKind, Location

TEXTS = [
    "The PROVIDER will be paid 10% of the Fee on Outcomes.",
    "Payment by Results\tapplies to\nlot 2; PbR payments at 13, 26 and 52 weeks.",
    "Café SERVICES: Über-Provider staff (ÉLITE) must not accept GIFTS.",
    "İstanbul office: the Provider İS paid per visit.",  # "İ".lower() is two characters
    "no match here",
    "Scoped flags: ab, then Ab.",
]

PATTERNS = [
    lazy(r"payment[s]? by results?|\bPbR\b", re.IGNORECASE),
    lazy(r"(?P<Pct>\d+)\s*% of the (?P<what>\w+)", re.IGNORECASE),
    lazy(r"\bpaid\b\S*\s\w+", re.IGNORECASE),  # \S and \W must not become \s and \w
    lazy(r"[A-Z]+\b(?= payments)", re.IGNORECASE),
    lazy(r"élite|über-\w+|café", re.IGNORECASE),
    lazy(r"\bis paid\b", re.IGNORECASE),
    lazy(r"PROVIDER"),  # case-sensitive patterns are searched as they are
    lazy(r"(?-i:A)b", re.IGNORECASE),  # lower-cased text cannot decide this: checked exactly
]


def blocks(texts):
    return [Block(kind=BlockKind.PARAGRAPH, text=t, location=Location(file="x.md"), index=i)
            for i, t in enumerate(texts)]


def by_block(texts, pattern):
    found = []
    for i, text in enumerate(texts):
        searched = re.sub(r"[\n\t]", " ", text)
        found += [(i, m.start(), m.end(), m.groupdict(), m.group())
                  for m in pattern.compiled.finditer(searched)]
    return found


@pytest.mark.parametrize("texts", [TEXTS, TEXTS[:3] + TEXTS[4:]], ids=["with-dotted-I", "ascii"])
@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.source[:30])
def test_hits_equal_searching_each_block(texts, pattern):
    index = TextIndex(blocks(texts))
    got = [(h.block.index, h.start, h.end, h.match.groupdict(), h.match.group())
           for h in index.hits(pattern)]
    assert got == by_block(texts, pattern)


def test_case_insensitive_hits_keep_the_documents_case():
    index = TextIndex(blocks(TEXTS))
    [hit] = index.hits(PATTERNS[1], ("%",))
    assert hit.match.group("what") == "Fee"


def test_keywords_only_narrow_the_search():
    index = TextIndex(blocks(TEXTS))
    with_keywords = list(index.hits(PATTERNS[0], ("result", "pbr")))
    assert [h.match.group() for h in with_keywords] == ["Payment by Results", "PbR"]
    assert list(index.hits(PATTERNS[0], ("absent",))) == []


def test_folding_keeps_escapes_and_group_names():
    pattern = lazy(r"(?P<Amount>\d+) \S+ \W \B(?P=Amount) ABC", re.IGNORECASE)
    assert pattern.folded.pattern == r"(?P<Amount>\d+) \S+ \W \B(?P=Amount) abc"
    assert pattern.folded.flags & re.IGNORECASE == 0
    assert lazy("abc").folded is None
