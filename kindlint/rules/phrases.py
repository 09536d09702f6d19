"""Phrase rules: terms with inflections, the contexts where they apply and where they must not.

A phrase is written in a small notation, compiled to a regular expression:

* words are separated by spaces; a hyphen inside a word also matches a space or nothing
  ("ex-offender" matches "ex offender" and "exoffender");
* ``word(s)`` / ``word(es)`` add an optional plural ending (used to keep number in suggestions);
* ``(a|b)`` is a choice (choices may hold several words: ``(told us|tell us)``);
  ``trespass(er|ers)?`` an optional ending; a ``?`` after a whole word or choice makes it
  optional (``unit(s) of supported? housing``); ``\\(`` is a literal bracket;
* ``#`` is any number and ``*`` any one word.

Every match is checked against the term's context conditions before it becomes a finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from typing import Any

from kindlint.extract.domain import mentions
from kindlint.extract.negation import negated
from kindlint.extract.scan import TextIndex, trie_pattern
from kindlint.lazy_regex import LazyPattern
from kindlint.model.document import Block
from kindlint.model.findings import Confidence, Severity

SEPARATOR = r"[\s\-–‐/]+"
_HYPHEN = r"[\-–‐\s]?"
_TOKEN_WORDS = re.compile(r"[A-Za-z]+")

# Words that, following "the homeless" or "the elderly", show it is used as a noun on its own.
FUNCTION_WORDS = frozenset(
    """
    a an the and or but nor so yet as at by for from in into of off on onto out over to up
    upon with within without about above across after against along among around before
    behind below beneath beside between beyond during except inside near outside since
    through throughout toward towards under until via who whom whose which that what where
    when why how is are was were be been being am do does did have has had will would shall
    should can could may might must need needs often also who're they them their there here
    this these those it its such than then not no more most less least very too just only
    even still already now ever never always sometimes usually living face faced facing
    experience experiences experiencing need needing require requires required receive
    receives receiving get gets got deserve deserves deserved remain remains remained
    themselves himself herself itself ourselves yourselves alone each all both every once
    twice daily weekly monthly today tonight tomorrow yesterday again away aged make makes
    made live lives tend tends form forms want wants say says find finds struggle struggles
    lack lacks account accounts often rarely
    """.split()
)
# "-ing" and "-ed" words after "the homeless" are usually participles ("the homeless living
# in hostels", "a void arising"), apart from these nouns ("the disabled parking bay").
PARTICIPLE_NOUNS = frozenset(
    """
    parking housing funding building buildings training clothing seating lighting dining
    sleeping bedding flooring heating plumbing wellbeing hundred
    """.split()
)

# Plural nouns that can still stand before a noun after "a" ("an alcoholic drinks licence").
PLURAL_MODIFIERS = frozenset({"drinks", "beverages", "services", "products", "goods", "supplies",
                              "foods", "sports", "clinics"})

# A service's or a lot's title is the commissioner's own wording, not a name fixed elsewhere:
# "Ex-Offender Supported Accommodation Services" can be renamed, "the Offenders Act" cannot.
SERVICE_TITLE_NOUNS = frozenset({"service", "services", "lot", "project"})

# Nouns that end the names of statutes, institutions and programmes.
NAME_NOUNS = frozenset(
    """
    act acts institution institutions register registers service services team teams board
    boards order orders regulations regulation programme program scheme schemes fund grant
    association trust forum partnership network centre center project strategy framework
    allowance agreement policy foundation society charity council court commission panel
    department ministry office agency initiative pathway hub group guidance code bill directive
    rules standards standard unit management hospital college university school system
    offer covenant charter week administration institute faculty division bureau medicine
    """.split()
)
_CONNECTORS = frozenset({"of", "and", "for", "the", "&", "on", "in", "to"})


@dataclass(frozen=True, slots=True)
class Term:
    """One entry of a phrase rule, compiled."""

    pattern: LazyPattern
    triggers: frozenset[str]
    reach: int = 90  # the most characters a match can span (bounds the search around a trigger)
    suggest: tuple[str, ...] = ()
    suggest_plural: tuple[str, ...] = ()
    exceptions: LazyPattern | None = None
    not_before: LazyPattern | None = None
    only_before: LazyPattern | None = None
    not_after: LazyPattern | None = None
    only_after: LazyPattern | None = None
    near: LazyPattern | None = None
    not_near: LazyPattern | None = None
    info_near: LazyPattern | None = None
    domains: frozenset[str] = frozenset()
    unknown_domain: str = "skip"  # "apply": check documents whose domain is not known too
    standalone: bool = False
    negated: str = "flag"  # "skip": ignore statements that reject the phrase
    proper_names: str = "skip"  # "skip", "info" or "flag"
    quoted: str = "info"  # "info", "skip" or "flag"
    severity: Severity | None = None
    confidence: Confidence | None = None
    message: str | None = None
    case_sensitive: bool = False


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """A term matched in a block, after its conditions were checked."""

    term: Term
    start: int
    end: int
    text: str
    plural: bool
    severity: Severity | None
    suggestions: tuple[str, ...] = field(default=())


# -- compiling the notation ---------------------------------------------------------------

def phrase_regex(phrase: str, counter: list[int]) -> str:
    """Compile one phrase of the notation to regex source (plural groups named ``plN``)."""
    body = _words_regex(phrase, counter)
    return r"(?<![\w])" + body + r"(?![\w])"


def _split_top(text: str, separator: str) -> list[str]:
    """Split at ``separator`` outside brackets; ``\\(`` escapes a bracket."""
    if "(" not in text and ")" not in text and "\\" not in text:
        return text.split(separator)
    parts, depth, current, i = [], 0, [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            current.append(text[i:i + 2])
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise ValueError(f"unbalanced brackets in {text!r}")
        if ch == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    if depth:
        raise ValueError(f"unbalanced brackets in {text!r}")
    parts.append("".join(current))
    return parts


def _words_regex(phrase: str, counter: list[int]) -> str:
    out = ""
    need_separator = False
    for token in (t for t in _split_top(phrase, " ") if t):
        optional = _optional_token(token)
        body = _token_regex(token[:-1] if optional else token, counter)
        if not need_separator:
            out += f"(?:{body}{SEPARATOR})?" if optional else body
            need_separator = not optional
        else:
            out += f"(?:{SEPARATOR}{body})?" if optional else f"{SEPARATOR}{body}"
    if not out:
        raise ValueError(f"empty phrase {phrase!r}")
    return out


def _optional_token(token: str) -> bool:
    """``word?`` and ``(a|b)?`` are optional words; ``word(s|es)?`` only has an optional end."""
    if len(token) < 2 or not token.endswith("?") or token.endswith("\\?"):
        return False
    if not token.endswith(")?"):
        return True
    return token.startswith("(") and _closing(token, 0) == len(token) - 2


def _closing(text: str, start: int) -> int:
    """Index of the bracket closing the one at ``start``."""
    depth = 0
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced brackets in {text!r}")


def _token_regex(token: str, counter: list[int]) -> str:
    if token == "#":
        return r"\d+(?:[.,]\d+)*"
    if token == "*":
        return r"[A-Za-z][\w'’\-]*"
    pieces = [_piece_regex(piece, counter) for piece in _split_top(token, "-")]
    return _HYPHEN.join(pieces)


def _piece_regex(piece: str, counter: list[int]) -> str:
    out: list[str] = []
    i = 0
    while i < len(piece):
        if piece[i] == "(":
            close = _closing(piece, i)
            inner = piece[i + 1 : close]
            if inner in ("s", "es") and i > 0:
                counter[0] += 1
                out.append(f"(?P<pl{counter[0]}>{inner})?")
                if piece[close + 1 : close + 2] == "?":
                    close += 1  # "word(s)?" means the same as "word(s)"
            else:
                alternatives = [_words_regex(alt, counter) for alt in _split_top(inner, "|")]
                out.append("(?:" + "|".join(alternatives) + ")")
                if piece[close + 1 : close + 2] == "?":
                    out.append("?")
                    close += 1
            i = close + 1
        else:
            j = i
            literal = []
            while j < len(piece) and piece[j] != "(":
                if piece[j] == "\\" and j + 1 < len(piece):
                    literal.append(piece[j + 1])
                    j += 2
                    continue
                literal.append(piece[j])
                j += 1
            out.append(re.escape("".join(literal)).replace("'", "['’]"))
            i = j
    return "".join(out)


# Words so frequent in procurement text that they make poor triggers when a rarer one exists.
COMMON_WORDS = frozenset(
    """
    a an and are as at be by each every for from in is of on or per the to will shall must
    all any our their this that with young people person persons adult adults care support
    supported service services contract contracts terms hour hours price prices cost costs
    review reviews meeting meetings work visit visits home homes personal plan plans time week
    weeks month months day days staff provider providers council number minimum min local
    """.split()
)


def phrase_triggers(phrase: str) -> set[str]:
    """Lower-case words, one of which must occur for the phrase to match.

    The trigger is the phrase's least common word: not in COMMON_WORDS if possible, then the
    longest. A rare trigger means the phrase is tried in fewer places.
    """
    best: set[str] = set()
    best_score: tuple[int, int] | None = None
    for token in _split_top(phrase, " "):
        if not token or token in ("#", "*") or _optional_token(token):
            continue
        for piece in _split_top(token, "-"):
            words = {_longest_word(e) for e in _expand(piece)}
            words.discard("")
            if not words:
                continue
            score = (sum(w in COMMON_WORDS for w in words), -min(len(w) for w in words))
            if best_score is None or score < best_score:
                best, best_score = words, score
    if not best:
        raise ValueError(f"phrase {phrase!r} has no literal word to trigger on")
    return best | _joined_words(phrase)


def _joined_words(phrase: str) -> set[str]:
    """"ex-offender" also matches "exoffender", a single word that must trigger too."""
    words: set[str] = set()
    for token in _split_top(phrase, " "):
        pieces = _split_top(token.rstrip("?"), "-") if token else []
        if len(pieces) > 1 and "#" not in pieces and "*" not in pieces:
            for spelling in _expand("".join(pieces)):
                if spelling.isalpha():
                    words.add(spelling.lower())
    return words


def phrase_reach(phrase: str) -> int:
    """An upper bound on how many characters a match of ``phrase`` can span."""
    total = 0
    for token in _split_top(phrase, " "):
        if token in ("#", "*"):
            total += 30
            continue
        total += max((len(e) for piece in _split_top(token.rstrip("?"), "-")
                      for e in _expand(piece)), default=0) * 2 + 4
    return total + 8


def _longest_word(text: str) -> str:
    return max(_TOKEN_WORDS.findall(text) or [""], key=len).lower()


def _expand(piece: str) -> list[str]:
    """Every spelling of a piece (choices expanded; nested phrases kept as text)."""
    results = [""]
    i = 0
    while i < len(piece):
        if piece[i] == "(":
            close = _closing(piece, i)
            inner = piece[i + 1 : close]
            options = ["", inner] if inner in ("s", "es") and i > 0 else _split_top(inner, "|")
            if piece[close + 1 : close + 2] == "?":
                options = ["", *options]
                close += 1
            results = [r + o for r in results for o in options]
            i = close + 1
        elif piece[i] == "\\" and i + 1 < len(piece):
            results = [r + piece[i + 1] for r in results]
            i += 2
        else:
            results = [r + piece[i] for r in results]
            i += 1
    return results


def _alternation(phrases: Sequence[str] | None, counter: list[int]) -> str | None:
    if not phrases:
        return None
    return "|".join(f"(?:{phrase_regex(p, counter)})" for p in phrases)


def compile_term(spec: Mapping[str, Any], defaults: Mapping[str, Any]) -> Term:
    """Build a Term from a ``[[check.terms]]`` table, with rule-level defaults.

    The notation is parsed now (so malformed data fails at load time); the regular
    expressions are compiled when first needed. ``validate_term`` compiles everything.
    """

    def get(key: str, default: Any = None) -> Any:
        return spec.get(key, defaults.get(key, default))

    phrases = _as_list(spec["phrase"])
    flags = 0 if get("case-sensitive", False) else re.IGNORECASE
    pattern = LazyPattern(partial(_phrases_source, tuple(phrases)), flags)
    triggers: set[str] = set()
    for phrase in phrases:
        triggers |= phrase_triggers(phrase)
    reach = max(phrase_reach(phrase) for phrase in phrases)

    def rx(key: str, anchor: str) -> LazyPattern | None:
        phrases = tuple(_as_list(get(key)))
        return LazyPattern(partial(_anchored_source, anchor, phrases), re.IGNORECASE) \
            if phrases else None

    severity = get("severity")
    confidence = get("confidence")
    suggest = tuple(_as_list(get("suggest")))
    return Term(
        pattern=pattern,
        triggers=frozenset(triggers),
        reach=reach,
        suggest=suggest,
        suggest_plural=tuple(_as_list(get("suggest-plural"))) or suggest,
        exceptions=rx("except", "anywhere"),
        not_before=rx("not-before", "before"),
        only_before=rx("only-before", "before"),
        not_after=rx("not-after", "after"),
        only_after=rx("only-after", "after"),
        near=rx("near", "anywhere"),
        not_near=rx("not-near", "anywhere"),
        info_near=rx("info-near", "anywhere"),
        domains=frozenset(_as_list(get("domains"))),
        unknown_domain=get("unknown-domain", "skip"),
        standalone=bool(get("standalone", False)),
        negated=get("negated", "flag"),
        proper_names=get("proper-names", "skip"),
        quoted=get("quoted", "info"),
        severity=Severity(severity) if severity else None,
        confidence=Confidence(confidence) if confidence else None,
        message=spec.get("message"),
        case_sensitive=bool(get("case-sensitive", False)),
    )


def _phrases_source(phrases: tuple[str, ...]) -> str:
    return _alternation(list(phrases), [0]) or ""


@cache
def _condition_source(phrases: tuple[str, ...]) -> str | None:
    source = _alternation(list(phrases), [0])
    return source.replace("(?P<pl", "(?P<x") if source else None


def _anchored_source(anchor: str, phrases: tuple[str, ...]) -> str:
    """A condition's pattern: just after the match ("before"), just before it ("after"), or
    anywhere in the sentence."""
    source = _condition_source(phrases)
    if anchor == "before":
        return r"[\s\-–]*(?:" + source + ")"
    if anchor == "after":
        return "(?:" + source + r")[\s\-–]*$"
    return source


def validate_term(term: Term) -> None:
    """Build and compile every pattern of a term (the notation is parsed lazily otherwise);
    raise ValueError if one could match empty text."""
    if term.pattern.compiled.fullmatch(""):
        raise ValueError(f"{term.pattern.source!r} matches empty text")
    for name in ("exceptions", "near", "not_near", "info_near"):
        lazy = getattr(term, name)
        if lazy is not None and lazy.compiled.fullmatch(""):
            raise ValueError(f"{name} {lazy.source!r} matches empty text")
    for name in ("not_before", "only_before", "not_after", "only_after"):
        lazy = getattr(term, name)
        if lazy is not None:
            lazy.compiled  # noqa: B018 - compiling is the check


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


# -- matching -----------------------------------------------------------------------------

WINDOW = 90  # characters either side of a trigger word searched for the whole phrase


class PhraseMatcher:
    """Finds the terms of one or more phrase rules in blocks, checking each term's context."""

    def __init__(self, terms_by_key: Mapping[str, Sequence[Term]],
                 allowed: re.Pattern[str] | None = None) -> None:
        self._index: dict[str, list[tuple[str, Term]]] = {}
        for key, terms in terms_by_key.items():
            for term in terms:
                for word in term.triggers:
                    self._index.setdefault(word, []).append((key, term))
        self.allowed = allowed
        self._triggers: re.Pattern[str] | None = None  # every trigger word, as one trie

    def compile_all(self) -> None:
        """Compile every term's patterns now rather than on first use."""
        for entries in self._index.values():
            for _, term in entries:
                validate_term(term)

    def match_index(self, index: TextIndex,
                    domains: frozenset[str]) -> dict[int, dict[str, list[PhraseMatch]]]:
        """Accepted matches in every block of ``index``: block index → rule → matches.

        One pass of a trie of every trigger word finds the places worth looking at, so a
        long document costs little more than its trigger words.
        """
        if self._triggers is None:
            self._triggers = trie_pattern(self._index)
        found: dict[int, dict[str, list[PhraseMatch]]] = {}
        accepted_spans: set[tuple[int, str, int, int]] = set()
        tried: set[tuple[int, int, int, int]] = set()  # (block, term, start, end) judged
        for trigger in self._triggers.finditer(index.lowered_text):
            word = trigger.group()
            block, t_start = index.locate(trigger.start())
            t_end = t_start + len(word)
            for key, term in self._index[word]:
                reach = term.reach
                for m in term.pattern.finditer(block.text, max(0, t_start - reach),
                                               t_end + reach):
                    if m.start() > t_start or m.end() < t_end:
                        continue
                    span = (block.index, key, m.start(), m.end())
                    attempt = (block.index, id(term), m.start(), m.end())
                    if span in accepted_spans or attempt in tried:
                        continue
                    tried.add(attempt)  # another term of the rule may still accept the span
                    accepted = self._accept(term, block, m, domains)
                    if accepted is not None:
                        accepted_spans.add(span)
                        found.setdefault(block.index, {}).setdefault(key, []).append(accepted)
        return {b: {key: _longest(matches) for key, matches in rules.items()}
                for b, rules in found.items()}

    def _accept(self, term: Term, block: Block, m: re.Match[str],
                domains: frozenset[str]) -> PhraseMatch | None:
        text = block.text
        start, end = m.span()
        matched = m.group()
        if self.allowed is not None and self.allowed.fullmatch(matched):
            return None
        if term.exceptions is not None:
            for exc in term.exceptions.finditer(text, max(0, start - WINDOW), end + WINDOW):
                if exc.start() <= start and exc.end() >= end:
                    return None
        if term.not_before is not None and term.not_before.match(text, end):
            return None
        if term.only_before is not None and not term.only_before.match(text, end):
            return None
        before = text[max(0, start - 60):start]
        if term.not_after is not None and term.not_after.search(before):
            return None
        if term.only_after is not None and not term.only_after.search(before):
            return None
        if term.standalone and not _standalone(text, end, _SINGULAR.match(matched) is not None):
            return None
        s_start, s_end = block.sentence_at(start)
        sentence = text[s_start:s_end]
        if term.near is not None and not term.near.search(sentence):
            return None
        if term.not_near is not None and term.not_near.search(sentence):
            return None
        if term.negated == "skip" and negated(block, start, end):
            return None
        if term.domains and not (term.domains & domains) and not any(
            mentions(d, sentence) for d in term.domains
        ) and (domains or term.unknown_domain != "apply"):
            return None
        severity = term.severity
        if term.info_near is not None and term.info_near.search(sentence):
            severity = Severity.INFO
        if term.proper_names != "flag" and in_proper_name(text, start, end):
            if term.proper_names == "skip":
                return None
            severity = Severity.INFO
        # a document's own definition ("'Service User' means …") sets the word for the
        # whole contract: it is used, not quoted ("has the meaning given in" the Act is)
        quoted = (block.quoted or in_quotes(text, start, end)) \
            and not _OWN_DEFINITION.match(text, end)
        # words that talk about the term make it a note whatever the rule says about quotes
        if mentioned(before) or (quoted and term.quoted != "flag"):
            if term.quoted == "skip":
                return None
            severity = Severity.INFO
        plural = any(v for k, v in m.groupdict().items() if k.startswith("pl"))
        options = term.suggest_plural if plural else term.suggest
        opening = start == s_start
        return PhraseMatch(term, start, end, matched, plural, severity,
                           tuple(match_case(s, matched, opening) for s in options))


def _longest(matches: list[PhraseMatch]) -> list[PhraseMatch]:
    """Drop matches inside a longer match of the same rule."""
    matches.sort(key=lambda pm: (pm.start, -(pm.end - pm.start)))
    kept: list[PhraseMatch] = []
    for pm in matches:
        if kept and pm.start < kept[-1].end:
            continue
        kept.append(pm)
    return kept


_NEXT_WORD = re.compile(r"[\s\-–]*([A-Za-z][\w'’]*|[^\sA-Za-z])?")


_SINGULAR = re.compile(r"(?:an?|every|each|one|this|that)\s", re.IGNORECASE)


def _standalone(text: str, end: int, singular: bool = False) -> bool:
    """True when no noun follows (``the homeless`` alone, not ``the homeless shelter``).

    After a singular ``a diabetic`` a word ending in -s is a verb ("a diabetic misses a meal"),
    since a plural noun cannot follow.
    """
    m = _NEXT_WORD.match(text, end)
    word = m.group(1) if m else None
    if not word or not word[0].isalpha():
        return True
    lowered = word.lower()
    if lowered in FUNCTION_WORDS or lowered.endswith("ly"):
        return True
    if singular and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")) \
            and len(lowered) > 3 and lowered not in PLURAL_MODIFIERS:
        return True
    return lowered.endswith(("ing", "ed")) and len(lowered) > 4 and \
        lowered not in PARTICIPLE_NOUNS


_WORD = re.compile(r"[A-Za-z][\w'’]*|&|\d{4}")


def in_proper_name(text: str, start: int, end: int) -> bool:
    """True when the span sits inside a capitalised name such as an Act or an institution."""
    if not _CAPITAL_WORD.search(text, start, end):  # "the Elderly" may end a name too
        return False
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    inside = [i for i, (s, e, _) in enumerate(words) if s < end and e > start]
    if not inside:
        return False

    def capital(i: int) -> bool:
        word = words[i][2]
        return word[0].isupper() or word.isdigit()

    left = inside[0]
    while left > 0 and (capital(left - 1) or words[left - 1][2].lower() in _CONNECTORS) \
            and _adjacent(text, words[left - 1], words[left]):
        left -= 1
    right = inside[-1]
    while right + 1 < len(words) and (capital(right + 1) or words[right + 1][2].lower()
                                      in _CONNECTORS) and _adjacent(text, words[right],
                                                                    words[right + 1]):
        right += 1
    while left < inside[0] and not capital(left):
        left += 1
    while right > inside[-1] and not capital(right):
        right -= 1
    # A name is short: its naming noun is near the words matched, which also keeps a heading
    # or a sentence in capitals from reading as one long name; in capitals, nearer still.
    shouted = not any(ch.islower() for ch in text[words[left][0]:words[right][1]])
    reach = CAPITALS_NAME_REACH if shouted else NAME_REACH
    left, right = max(left, inside[0] - reach), min(right, inside[-1] + reach)
    run = [w for _, _, w in words[left:right + 1]]
    if sum(1 for w in run if w[0].isupper()) < 2:
        return False
    # "Offender Assessment System (OASys)", not "Looked After Children (LAC)": the matched
    # words are not the name's last words
    if right - inside[-1] >= 2 and _ACRONYM_AFTER.match(text, words[right][1]):
        return True
    if len(run) > 2 and run[0].lower() in NAME_NOUNS - SERVICE_TITLE_NOUNS and \
            run[1].lower() in ("of", "for"):
        return True  # "Department of Elderly Care Medicine", "Medicine for the Elderly"
    matched = {w.lower() for _, _, w in words[inside[0]:inside[-1] + 1]}
    nouns = {w.lower() for w in run[1:] if w.lower() in NAME_NOUNS} - matched
    return bool(nouns - SERVICE_TITLE_NOUNS)


NAME_REACH = 5  # words either side of the match that can still belong to the same name
CAPITALS_NAME_REACH = 2  # the same in text written all in capitals
_CAPITAL_WORD = re.compile(r"\b[A-Z]")
_ACRONYM_AFTER = re.compile(r"\s*\((?=[A-Za-z]*[A-Z][A-Za-z]*[A-Z])[A-Za-z]{2,10}\)")


def _adjacent(text: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    gap = text[a[1]:b[0]]
    return len(gap) <= 2 and not any(ch in gap for ch in ".,;:()\n")


# Words that talk about a term rather than use it: "will not be referred to as", "instead of".
_MENTION = re.compile(
    r"\b(?:"
    r"not\s+be\s+(?:called|described\s+as|referred\s+to\s+as|labell?ed(?:\s+as)?)"
    r"|(?:not|never|no\s+longer|avoid|stop)\s+(?:call(?:ing)?|describ(?:e|ing)|"
    r"refer(?:ring)?\s+to|label(?:l?ing)?)\s+(?:them|people|residents|children|anyone|someone|"
    r"young\s+people|a\s+person|the\s+person)\s+as(?:\s+(?:an?|the))?"
    r"|(?:not|never|no\s+longer|avoid|stop)\s+(?:us(?:e|ing)|say(?:ing)?)\s+the\s+"
    r"(?:terms?|words?|labels?|phrases?)"
    r"|instead\s+of(?:\s+(?:using|saying|the\s+term))?|rather\s+than(?:\s+(?:using|saying))?"
    r"|(?:words?|terms?|phrases?|labels?)\s+(?:such\s+as|like)"
    r"|\b(?:the|this)\s+(?:words?|phrases?|label|expressions?|acronyms?)"
    r"|(?:being|been|be|are|is|was|were)\s+called|so[\s-]called"
    r")\s*[\"“‘']?\s*$",
    re.IGNORECASE)


_OWN_DEFINITION = re.compile(r"[\"”’']?\s*(?:\([^)]{0,30}\)\s*)?(?:means|shall mean|is defined as|"
                             r"refers to|includes)\b", re.IGNORECASE)


def mentioned(before: str) -> bool:
    """True when the words just before a term talk about it ("will not be called ...")."""
    return _MENTION.search(before) is not None


def in_quotes(text: str, start: int, end: int) -> bool:
    """True when the span is inside quotation marks in the same block."""
    before, after = text[:start], text[end:]
    opens, closes = before.count("“"), before.count("”")
    if opens > closes and "”" in after:
        return True
    if before.count('"') % 2 == 1 and '"' in after:
        return True
    if before.count("‘") > before.count("’") and "’" in after:
        return True
    # 'bed blocking': straight single quotes hugging the words (an apostrophe never opens
    # after a space and closes before one)
    return (before.endswith("'") and not before[-2:-1].isalnum()
            and after.startswith("'") and not after[1:2].isalnum())


def match_case(suggestion: str, matched: str, opening: bool = False) -> str:
    """Give a suggestion the case of the words it replaces.

    Words in capitals ("SERVICE USERS") give a suggestion in capitals; a capitalised word
    ("Offenders") a capitalised suggestion. An acronym ("LAC", "NEETs") says nothing about
    case, so its suggestion is capitalised only at the start of a sentence (``opening``).
    """
    first_word = matched.split()[0] if matched.split() else matched
    acronym = len(first_word) <= 5 and sum(ch.isupper() for ch in first_word) >= 2
    if acronym:
        return _capitalise(suggestion) if opening else suggestion
    letters = [ch for ch in matched if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return suggestion.upper()
    if matched[:1].isupper():
        return _capitalise(suggestion)
    return suggestion


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def allow_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern matching any phrase a user allowed for their organisation."""
    source = _alternation(list(phrases), [0])
    return re.compile(source.replace("(?P<pl", "(?P<y"), re.IGNORECASE) if source else None
