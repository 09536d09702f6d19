"""Is a statement negated or rejected? ("15-minute visits will not be used", "rather than")."""

from __future__ import annotations

import re

from kindlint.lazy_regex import lazy
from kindlint.model.document import Block

_BEFORE = lazy(
    r"\b(?:no|not|never|nor|without|rather than|instead of|other than|avoid(?:s|ing)?|"
    r"prohibit(?:s|ed)?|ban(?:s|ned)?|end(?:s|ing)? (?:the )?(?:use of|reliance on)|"
    r"move(?:s|d)? away from|moving away from|replace(?:s|d)?|no longer|will not|won't|"
    r"shall not|must not|cannot|can't|does not|do not|don't|is not|are not|free from|"
    r"opposed to|away from|exclud(?:e|es|ed|ing))\b[^.;:]{0,50}$",
    re.IGNORECASE)
_AFTER = lazy(
    r"^[^.;]{0,60}?\b(?:will not|shall not|must not|are not|is not|won't|cannot|"
    r"will never|should not|not be|no longer|not (?:be )?(?:used|permitted|allowed|accepted|"
    r"commissioned|paid|applied)|(?:are|is|be) (?:prohibited|banned|excluded|not permitted))\b",
    re.IGNORECASE)
# Limits and floors are not rejections: "no more than four", "no lower than the minimum price".
_COMPARISON = lazy(r"\b(?:no|not)\s+(?:more|less|fewer|lower|higher|greater|later|"
                         r"earlier|longer|shorter)\s+than\b", re.IGNORECASE)


def negated(block: Block, start: int, end: int, *, inside: bool = False) -> bool:
    """True when the sentence holding ``text[start:end]`` rejects it rather than asks for it.

    With ``inside``, negation within the span counts too ("quality will not be assessed on a
    pass/fail basis", where the span runs from "quality" to "pass/fail"); without it, a phrase
    that carries its own negation ("no zero-hours contracts") is not read as rejected.
    """
    s_start, s_end = block.sentence_at(start)
    before = _COMPARISON.sub(" ", block.text[s_start:end if inside else start])
    after = _COMPARISON.sub(" ", block.text[end:s_end])
    return bool(_BEFORE.search(before) or _AFTER.search(after))
