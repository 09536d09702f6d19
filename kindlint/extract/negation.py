"""Is a statement negated or rejected ("15-minute visits will not be used", "rather than"), or
about a model that is past or being replaced ("the previous contract paid by the minute")?"""

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


# The model a sentence is about belongs to the past: "previously", "the old contract paid",
# "under the 2019 framework"; or, after the statement, "… the new model replaces this".
_OLD_MODEL = (r"(?:the|our|its|their) (?:old|previous|former|outgoing|legacy|predecessor|"
              r"existing|current|last) |(?:the |our )?(?:19|20)\d\d(?:/\d\d)? ")
_MODEL = r"(?:contracts?|models?|arrangements?|frameworks?|services?|systems?|tenders?)"
_PAST_VERB = (r"(?:paid|pays|was|were|had|has|used|uses|included|includes|relied|applied|"
              r"required|specified|commissioned|is based|was based)")
_PAST = lazy(
    rf"\b(?:previously|formerly|historically|hitherto|in the past|until now|used to|"
    rf"{_OLD_MODEL}{_MODEL}(?: \w+){{0,3}}? {_PAST_VERB}|under {_OLD_MODEL}{_MODEL})\b",
    re.IGNORECASE)
_IT = r"(?:this|it|these|that|them|which)"
_BE = r"(?:is|was|are|were|will|has|have|had)(?: now| being| be| been){0,2}"
_ENDED = r"(?:replaced|removed|dropped|discontinued|abolished|scrapped|phased out|withdrawn)"
_REPLACED_AFTER = lazy(
    rf"^\s*{_BE} {_ENDED}\b|"  # "outcome payments were abolished"
    rf"^[^.]{{0,120}}?\b(?:replac(?:es|ing) {_IT}|{_IT} {_BE} {_ENDED}|"
    rf"(?:this|it|these) (?:has |have |had )?(?:now )?(?:ended|stopped|ceased)|"
    rf"{_IT}(?: will| is| are)? no longer)\b",
    re.IGNORECASE)


def superseded(block: Block, start: int, end: int) -> bool:
    """True when the sentence holding ``text[start:end]`` describes a past or replaced model
    ("the 2019 contract paid by the minute; the new model replaces this")."""
    s_start, s_end = block.sentence_at(start)
    return bool(_PAST.search(block.text[s_start:start])
                or _REPLACED_AFTER.search(block.text[end:s_end]))
