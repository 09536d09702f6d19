"""Service domain: which kind of public service a text is about, with the evidence."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kindlint.extract.scan import TextIndex
from kindlint.lazy_regex import lazy

# Cue phrases per service domain. A domain is decided by how often its cues occur.
DOMAIN_CUES: dict[str, tuple[str, ...]] = {
    "care": (
        r"home ?care", r"domiciliary", r"dom care", r"care (?:and|&) support", r"social care",
        r"care workers?",
        r"carers?", r"care homes?", r"nursing homes?", r"personal care", r"reablement",
        r"supported living", r"extra care", r"care plans?", r"Care Act", r"care at home",
        r"learning disabilit(?:y|ies)", r"dementia", r"older people", r"CQC",
        r"Care Quality Commission", r"day (?:care|services?|opportunities)", r"respite",
        r"people who draw on care", r"visits? (?:to|in) (?:the person's|people's|their) homes?",
        r"care packages?", r"packages? of care", r"service users?",
        # drug and alcohol recovery is commissioned as support, mostly by councils
        r"substance (?:use|misuse)", r"drug and alcohol",
        r"community support services?", r"support for adults", r"shared lives",
        r"personal assistants?", r"advocacy",
    ),
    "children": (
        r"children'?s (?:residential )?(?:homes?|social care|services)", r"looked[- ]after",
        r"foster(?:ing|ed| carers?| care)?",
        r"care[- ](?:experienced|leavers?)", r"Ofsted", r"Children Act",
        r"corporate parent(?:ing)?", r"child(?:ren)? in care", r"young people in care",
        r"residential children", r"The Promise", r"kinship care", r"adoption",
        r"child protection", r"safeguarding children", r"\bLAC\b", r"unaccompanied",
        r"children in residential care", r"care proceedings", r"care orders?",
        r"Independent Reviewing Officers?", r"IROs?", r"special guardianship",
        r"child(?:ren)? in (?:[\w-]+ ){0,3}placements?",
        r"leaving care", r"children (?:and young people )?looked after",
    ),
    "housing": (
        r"homeless(?:ness)?", r"rough sleep(?:ing|ers?)", r"supported accommodation",
        r"temporary accommodation", r"Housing First", r"hostels?", r"tenanc(?:y|ies)",
        r"housing support", r"floating support", r"move[- ]on", r"housing related support",
        r"supported housing",
    ),
    "justice": (
        r"probation", r"offend(?:ers?|ing)", r"prisons?", r"custody", r"convictions?",
        r"rehabilitat(?:ion|ive)", r"criminal justice", r"HMPPS", r"youth justice",
        r"people on probation", r"resettlement",
    ),
    "employability": (
        r"employability", r"employment support", r"into work", r"job ?(?:outcomes?|starts?)",
        r"jobseekers?", r"Fair Start", r"sustained employment", r"in-work support",
        r"unemploy(?:ed|ment)", r"NEETs?", r"not in education, employment or training",
        r"Work Programme", r"Restart",
    ),
    "health": (
        r"NHS", r"patients?", r"clinical", r"hospital", r"GP", r"primary care", r"mental health",
        r"Integrated Care Board", r"ICB", r"CCG", r"health visiting", r"public health",
    ),
    "other": (
        r"facilities management", r"cleaning services?", r"catering", r"grounds maintenance",
        r"software", r"agile", r"user research", r"IT services?", r"helpdesk",
        r"construction", r"building fabric", r"asset management", r"hosting", r"cloud",
        r"data centre", r"consultan(?:cy|ts?)", r"maintenance", r"repairs?", r"highways?",
        r"road (?:salt|works|maintenance|surfacing)", r"the works", r"works contract",
        r"supply of (?:goods|materials|equipment|vehicles|furniture|stationery)",
        r"fleet", r"waste (?:collection|management|disposal)", r"stationery", r"furniture",
        r"office supplies", r"ICT",
        r"IT (?:support|helpdesk|service desk) (?:contract|services?)",
        r"goods", r"(?:rock |road )?salt", r"gritting", r"asphalt", r"street ?lighting",
        r"uniforms", r"printing", r"civil engineering", r"hardware", r"laptops", r"telephony",
        r"licen[cs]es", r"leisure centre", r"vehicle (?:hire|leas\w+|maintenance|purchase)",
        r"interpret(?:ing|ers?)", r"translation",
    ),
}

# Words that name what is being bought as goods or works count twice for "other": in "the
# refurbishment of the kitchen at Oak Lodge care home" the care home is only where it happens.
SUBJECT_CUES = (
    r"supply (?:and (?:delivery|installation) )?of", r"refurbishment", r"installation of",
    r"(?:capital|building|civil|construction|highway) works", r"design and build",
    r"demolition", r"resurfacing", r"(?:office|window|school) cleaning", r"cleaning of",
    r"managed (?:IT )?service", r"hire of", r"works contract", r"construction of",
)

RELATIONAL_DOMAINS = frozenset({"care", "children", "housing", "justice", "employability"})

# Matched against lower-cased text: case-insensitive matching is about twice as slow.
_PATTERNS = {
    domain: lazy(r"\b(?:" + "|".join(cue.lower() for cue in cues) + r")\b")
    for domain, cues in {**DOMAIN_CUES, "other": DOMAIN_CUES["other"] + SUBJECT_CUES}.items()
}
# Every cue in one pattern, a named group per domain ("subject" for SUBJECT_CUES): one pass
# over the text counts them all. Where cues of two domains start at the same place, the
# domain listed first takes it ("foster carers" is children's care, not also adult care).
_ALL_CUES = lazy(lambda: r"\b(?:" + "|".join(
    f"(?P<{domain}>" + "|".join(cue.lower() for cue in cues) + ")"
    for domain, cues in {"subject": SUBJECT_CUES, **DOMAIN_CUES}.items()) + r")\b")
_WEIGHT = {"subject": ("other", 2)}


@dataclass(frozen=True, slots=True)
class DomainEvidence:
    """The domains a text is about, strongest first, with the cue counts that decided it."""

    domains: tuple[str, ...]
    counts: tuple[tuple[str, int], ...]


def count_cues_in(index: TextIndex) -> Counter[str]:
    """Cue counts for a whole document."""
    return _count(index.lowered_text)


def count_cues(text: str) -> Counter[str]:
    """How many cues of each domain appear in ``text``."""
    return _count(text.lower())


def _count(lowered: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for m in _ALL_CUES.finditer(lowered):
        domain, weight = _WEIGHT.get(m.lastgroup, (m.lastgroup, 1))
        counts[domain] += weight
    return counts


def classify_domains(text: str | TextIndex, *, min_share: float = 0.2) -> DomainEvidence:
    """Domains whose cues make up at least ``min_share`` of the strongest domain's count."""
    counts = count_cues_in(text) if isinstance(text, TextIndex) else count_cues(text)
    if not counts:
        return DomainEvidence((), ())
    top = max(counts.values())
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    threshold = max(2, int(top * min_share)) if top >= 4 else 1
    chosen = tuple(d for d, n in ranked if n >= threshold)
    return DomainEvidence(chosen, tuple(ranked))


def mentions(domain: str, text: str) -> bool:
    """True when ``text`` carries at least one cue of ``domain``."""
    return bool(_PATTERNS[domain].search(text.lower()))
