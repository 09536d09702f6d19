"""Is a statement negated or rejected ("15-minute visits will not be used", "rather than"), or
about a model that is past or being replaced ("the previous contract paid by the minute")?"""

from __future__ import annotations

import re

from kindlint.lazy_regex import lazy
from kindlint.model.document import Block

_BEFORE = lazy(
    r"\b(?:no|not|never|nor|without|rather than|instead of|other than|avoid(?:s|ing)?|"
    r"prohibit(?:s|ed)?|ban(?:s|ned)?|end(?:s|ing)? (?:the )?(?:use of|reliance on)|"
    r"no longer|will not|won't|shall not|must not|cannot|can't|does not|do not|don't|is not|"
    r"are not|free from|opposed to|exclud(?:e|es|ed|ing))\b[^.;:]{0,50}$",
    re.IGNORECASE)
# Words that end a clause: what follows them is not what the verb before them leaves behind
# ("moved away from block contracts to paying by the minute" asks for the minute).
_CLAUSE_BREAK = r"[.;:,]|\b(?:and|but|now|then|to|towards|into|with|while|whereas|which)\b"
# How far before a statement a verb that leaves it behind is looked for (the verb and 50 more).
_NEAR = 80
# "Replaced …", "moved away from …": what comes next is rejected, up to "with" or "to".
_LEFT_BEHIND = lazy(
    r"\b(?:replac(?:e|es|ed|ing)|away from|(?:mov|shift)(?:e|es|s|ed|ing)? from)\b"
    rf"(?:(?!{_CLAUSE_BREAK}).){{0,50}}$", re.IGNORECASE)
_AFTER = lazy(
    r"^[^.;]{0,60}?\b(?:will not|shall not|must not|are not|is not|won't|cannot|"
    r"will never|should not|not be|no longer|not (?:be |been )?(?:used|permitted|allowed|"
    r"accepted|commissioned|paid|applied)|(?:are|is|be) (?:prohibited|banned|excluded|"
    r"not permitted))\b",
    re.IGNORECASE)
# Limits and floors are not rejections: "no more than four", "no lower than the minimum price";
# nor are results phrased with "not": "each person who does not reoffend".
_NOT_A_REJECTION = lazy(r"\b(?:no|not)\s+(?:more|less|fewer|lower|higher|greater|later|"
                        r"earlier|longer|shorter)\s+than\b|\b(?:does|do|did|has|have) not "
                        r"(?:re-?offend\w*|return\w* to (?:custody|prison|care|homelessness|"
                        r"the streets))|"
                        r"without re-?offending", re.IGNORECASE)


def negated(block: Block, start: int, end: int, *, inside: bool = False) -> bool:
    """True when the sentence holding ``text[start:end]`` rejects it rather than asks for it.

    With ``inside``, negation within the span counts too ("quality will not be assessed on a
    pass/fail basis", where the span runs from "quality" to "pass/fail"); without it, a phrase
    that carries its own negation ("no zero-hours contracts") is not read as rejected.
    """
    s_start, s_end = block.sentence_at(start)
    before = _NOT_A_REJECTION.sub(" ", block.text[s_start:end if inside else start])
    after = _NOT_A_REJECTION.sub(" ", block.text[end:s_end])
    return bool(_BEFORE.search(before) or _AFTER.search(after)
                or _LEFT_BEHIND.search(block.text, max(s_start, start - _NEAR), start))


# The model a sentence is about belongs to the past: "previously", "the old contract paid",
# "under the 2019 framework"; or, after the statement, "… the new model replaces this".
_OLD_MODEL = (r"(?:(?:the|our|its|their) (?:old|previous|former|outgoing|legacy|predecessor|"
              r"existing|current|last) |(?:the |our )?(?:19|20)\d\d(?:/\d\d)? )")
# "the previous home care contract", "our 2019 framework"
_MODEL = (r"(?:[\w-]+ ){0,3}?(?:contracts?|models?|arrangements?|frameworks?|services?|systems?|"
          r"tenders?|programmes?|programs?|agreements?)")
_PAST_VERB = (r"(?:paid|pays|was|were|had|has|ran|used|uses|included|includes|relied|applied|"
              r"required|specified|commissioned|is based|was based)")
_PAST_YEAR = (r"(?:until|before|prior to|between (?:19|20)\d\d and) (?:19|20)\d\d\b[^.;]{0,60}?"
              r"\b(?:was|were|had|used to|paid|commissioned|ran|received)")
_PAST = lazy(
    rf"\b(?:previously|formerly|historically|hitherto|in the past|until now|used to|"
    rf"{_OLD_MODEL}{_MODEL}(?: \w+){{0,3}}? {_PAST_VERB}|under {_OLD_MODEL}{_MODEL}|"
    rf"{_PAST_YEAR})\b",  # "until 2021, visits were", "between 2015 and 2019 the Council paid"
    re.IGNORECASE)
# A practice that was, or will be, brought to an end: "we ended 15-minute visits in 2020", "the
# Council stopped commissioning …", "since abolishing time and task", "we will scrap …"
_STOP = (r"(?:end(?:s|ed|ing)?|stop(?:s|ped|ping)?|ceas(?:e|es|ed|ing)|abolish(?:es|ed|ing)?|"
         r"scrap(?:s|ped|ping)?|discontinu(?:e|es|ed|ing)|withdr(?:aw|aws|ew|awn|awing)|"
         r"phas(?:e|es|ed|ing) out|(?:did|done|doing|do) away with|(?:got|getting) rid of|"
         r"dropp(?:ed|ing) (?:the|our|its|their|all)|(?:put|puts|putting|brought|bring|"
         r"brings|bringing) an end to)\b(?! of\b)")
_STOPPED_BEFORE = lazy(
    rf"\b{_STOP}(?:(?!{_CLAUSE_BREAK}|\b(?:of|in|on|at|after|before)\s+\d).){{0,50}}$",
    re.IGNORECASE)
# "this", or "this approach": what the sentence goes on to say was ended or replaced
_IT = (r"(?:(?:this|that|the) (?:approach|practice|model|method|policy|basis|arrangement)|"
       r"this|it|these|that|them|which)")
_BE = r"(?:is|was|are|were|will|has|have|had)(?: now| since| being| be| been){0,2}"
_ENDED = (r"(?:replaced|removed|dropped|discontinued|abolished|scrapped|phased out|withdrawn|"
          r"abandoned)")
_REPLACED_AFTER = lazy(
    rf"^\s*{_BE} {_ENDED}\b|"  # "outcome payments were abolished"
    # "time and task commissioning ended in 2021", "15-minute visits were phased out"
    rf"^(?:\s*[\w-]+){{0,3}}?\s+(?:{_BE} )?(?:{_ENDED}|ended|stopped|ceased)\b|"
    rf"^[^.]{{0,120}}?\b(?:replac(?:es|ing) {_IT}|{_IT} {_BE} {_ENDED}|"
    rf"(?:this|it|these) (?:has |have |had )?(?:now )?(?:ended|stopped|ceased)|"
    rf"{_IT}(?: will| is| are)? no longer)\b",
    re.IGNORECASE)


def superseded(block: Block, start: int, end: int) -> bool:
    """True when the sentence holding ``text[start:end]`` describes a past or replaced model
    ("the 2019 contract paid by the minute; the new model replaces this"), or one brought to an
    end ("we ended 15-minute visits in 2020")."""
    s_start, s_end = block.sentence_at(start)
    before = block.text[s_start:start]
    return bool(_PAST.search(before)
                or _STOPPED_BEFORE.search(block.text, max(s_start, start - _NEAR), start)
                or _REPLACED_AFTER.search(block.text[end:s_end]))
