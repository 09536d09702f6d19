"""KL401: blanket prohibitions on relational things (tea, gifts, touch, friendship, phone numbers).

A prohibition marker and a relational object must meet in one sentence, or the object must be
in a list item under a lead-in such as "Care workers must not:". Safety absolutes (abuse,
discrimination, violence) are not relational objects, and a rule that leaves room for
individual judgement or risk assessment is not blanket.
"""

import re

from kindlint.lazy_regex import lazy
from kindlint.model.document import BlockKind
from kindlint.model.findings import Severity

MARKER = lazy(
    r"under no circumstances|in no circumstances|strictly (?:prohibited|forbidden|not permitted)|"
    r"\b(?:must|shall|should|may|will|can)(?: not|not|'t| never)\b|\bnever\b|"
    r"\b(?:is|are|be)(?: strictly)? (?:not (?:allowed|permitted)|prohibited|forbidden|banned)\b|"
    r"\bnot (?:be )?(?:allowed|permitted)\b|\bprohibited from\b|\bforbidden (?:from|to)\b|"
    r"zero tolerance|no exceptions|\bat no time\b|\bdo not\b|\bdon't\b|\bnot to\b|"
    r"\b(?:must|shall|should|will|may|can) be no\b|"
    r"\b(?:must|shall|should|will|are to|is to) (?:politely )?(?:decline|refuse)\b|"
    r"\bthere (?:is|are|will be|shall be|must be|should be) no\b|"
    r"\bno (?:member of staff|staff(?: members?)?|workers?|carers?|care workers?|employees?|"
    r"volunteers?|one|residents?) (?:may|shall|should|will|can|is to|are to|is allowed|"
    r"are allowed|is permitted|are permitted)\b",
    re.IGNORECASE)
# Out-of-hours objects are relational only with a way of meeting or contacting people.
TIME_OBJECT = lazy(r"off[- ]duty|outside (?:of )?(?:their )?(?:working|work) hours|"
                   r"in their own time", re.IGNORECASE)
CONTACT = lazy(r"contact|visit|meet|see\b|socialis|befriend|phone|call|text|messag|"
               r"spend time|friend", re.IGNORECASE)
OBJECT = lazy(
    r"\b(?:accept|receiv|tak|giv|offer|exchang)\w*(?: or (?:giv|receiv|accept)\w*)?"
    r"(?: any)?(?: \w+){0,2} (?:gifts?|presents?|tips?|(?:a |any )?cups? of tea|tea or coffee|"
    r"hot drinks?|(?:any )?food(?: (?:or|and|&) drinks?)?|drinks?|refreshments?|hospitality|"
    r"lifts?)"
    r"|\bgifts?\b(?: (?:or|and) (?:gratuities|hospitality|tips))?"
    r"|cups? of tea|tea or coffee|hot drinks?|refreshments?"
    r"|\bhug(?:s|ging)?\b|\bcuddl\w*|physical (?:contact|affection)|"
    # "touch" the person, not "in touch" or "touch their money"
    r"(?<!\bin )(?<!keep in )\btouch(?:ing)?\b(?! base)(?!\s+(?:on|upon)\b)"
    r"(?!\s+(?:(?:their|his|her|the|a|any|people's|a person's|the person's|residents')\s+)?"
    r"(?:money|cash|belongings|property|possessions|post|mail|files?|records?|medication|"
    r"medicines|equipment|keys|valuables|bank cards?|computers?|phones?)\b)|"
    r"hold(?:ing)? (?:their |people's )?hands?"
    r"|socialis(?:e|ing)|befriend\w*|friendships?|\bfriends? with\b|personal relationships?"
    r"|(?:personal |own |private )?(?:mobile )?(?:tele)?phone numbers?|personal contact details"
    r"|(?:personal|own|private) mobile(?: numbers?)?|mobile numbers?"
    r"|social media|friend requests?"
    r"|(?:give|offer)\w* (?:a |any )?lifts?|in (?:their|a|your) (?:own )?cars?\b"
    r"|in (?:their|a|your) (?:own |personal |private )?vehicles?\b"
    r"|\bvisitors?\b(?=[^.;]{0,40}\b(?:rooms?|bedrooms?|flats?|homes?|after \d|evenings?|"
    r"weekends?)\b)|visits? from (?:family|friends|relatives)"
    r"|\bsit\w* (?:down )?with (?:the )?(?:patients|residents|people|children|young people|"
    r"tenants|clients|the person)"
    r"|off[- ]duty|outside (?:of )?(?:their )?(?:working|work) hours|in their own time"
    r"|(?:birthday|christmas|greetings?|thank[- ]you) cards?|"
    r"attend\w* (?:[\w'’]+ ){0,6}?(?:funerals?|birthday(?: part(?:y|ies))?|"
    r"celebrations?|part(?:y|ies)|weddings?)"
    r"|(?:eat|share|have)\w* (?:a |their )?(?:meals?|lunch|dinner|breakfast|food|drinks?|"
    r"cups? of tea|coffee) with|\beat\w* with"
    r"|(?:give|share|exchange|pass on|hand out)\w* (?:their |your |any )?(?:personal )?"
    r"contact details|\bas (?:a )?friends?\b|\bto chat\b|for a chat\b"
    r"|continu\w* (?:any |the )?(?:contact|relationships?|friendships?)"
    r"|tell\w* (?:[\w'’]+ ){0,3}about (?:their|your) (?:own )?(?:personal )?(?:li(?:fe|ves)|"
    r"famil(?:y|ies))"
    r"|(?:have|receive|allowed|allow|invite)\w* (?:any )?visitors?|visitors? after \d"
    r"|(?:talk|speak|chat)\w* (?:to (?:[\w'’]+ ){1,3})?about (?:their|your) own "
    r"(?:famil(?:y|ies)|lives?|personal lives?|private lives?|children|partners?)"
    r"|share\w* (?:anything |information |details )?(?:about )?(?:their|your) own "
    r"(?:personal )?(?:stories|experiences|lives?|details|famil(?:y|ies))"
    r"|overnight stays?|sleepovers?"
    r"|(?:speak to|see) only (?:certain|particular|the same)",
    re.IGNORECASE)
PROPORTIONATE = lazy(
    r"unless|except (?:where|when|with)|individual(?:ly)? risk[- ]assess|risk assessment|"
    r"agreed with (?:the person|their manager|your manager)|judgement|judgment|"
    r"where (?:it is )?appropriate|"
    r"with (?:the |a |their |your )?(?:line )?(?:manager'?s? )?(?:agreement|approval|permission|"
    r"consent)|without (?:prior |written )?(?:agreement|approval|permission|consent)|"
    r"talk to (?:your|their) manager|of (?:significant |more than (?:token|nominal) )?value|"
    r"\bnormally\b|\busually\b|\bgenerally\b|\bas a (?:general )?rule\b|"
    # a clinical plan or a health risk is a reason, not a blanket rule
    r"(?:care|support|swallowing|eating and drinking|diet(?:ary)?|risk|behaviour) plan|"
    r"\bSALT\b|allerg|prescri|choking|dysphagia|medical advice",
    re.IGNORECASE)
# A value limit makes a gift rule proportionate; "this excludes tea and coffee" does not.
CARVE_OUT = lazy(r"small tokens?|token gifts?|of (?:small|nominal|low) value|"
                 r"(?:under|below|up to|less than) £\s?\d+", re.IGNORECASE)
# Anti-bribery and data-protection clauses forbid gifts or phone numbers for other reasons.
NOT_RELATIONAL = lazy(
    r"inducement|\bbrib|corrupt|conflicts? of interest|in connection with (?:the|this|any) "
    r"(?:contract|tender|procurement|award)|(?:officers?|employees?|members?|officials?) of "
    r"the (?:council|authority|buyer|customer|government|agency|department|state)|"
    r"to obtain or retain|\binduce|influence (?:the|any) (?:award|decision)|"
    r"public officials?|government (?:employees?|officials?)|bidders?|tenderers?|"
    r"evaluation panel|business with the (?:council|authority|county|city|state)|"
    r"photograph|take (?:photos|pictures|images)|"
    r"(?:council|authority|county|city|state|government|agency) (?:officers?|officials?|"
    r"employees?)|"
    r"anonymis|pseudonymis|data protection|GDPR|personal data|"
    r"\bpost(?:ing)? (?:any )?(?:photos?|photographs?|pictures?|images?|information|details|"
    r"comments?|content)|in (?:any |the )?(?:reports?|responses?|records?|forms?|surveys?|"
    r"publications?)\b", re.IGNORECASE)
# Ending someone's service for wanting the same worker is a blanket rule against continuity.
CONTINUITY = lazy(r"(?:demand|insist|ask|request)\w*(?: on| for| to (?:see|speak to|have)"
                  r"(?: or (?:see|speak to|have))?)?(?: (?:only|just))? (?:one |a )?"
                  r"(?:the same|certain|particular|specific|named) (?:care |support )?"
                  r"(?:workers?|carers?|staff|members of [^.;]{0,30}staff)", re.IGNORECASE)
CONTINUITY_WORDS = ("the same ", "certain ", "particular ", "specific ", "named ")
SANCTION = lazy(r"(?:withdr[ae]w|terminat|end|stop|suspend|ceas|discharg)\w* (?:the |their |"
                r"our |this |its |a person's )?(?:professional )?(?:service|support|care|"
                r"relationship|package)|(?:service|support|care|relationship|package) "
                r"(?:will |may |shall |can |could )?(?:be )?(?:withdrawn|terminated|ended|stopped|"
                r"suspended|ceased)", re.IGNORECASE)
# Every marker contains one of these: a cheap test before the long pattern.
MARKER_WORDS = ("not", "never", "n't", "prohibit", "forbid", "banned", "tolerance",
                "exception", "no time", "circumstances", "no ", "decline", "refuse")
LISTED = (BlockKind.LIST_ITEM,)
# Every relational object contains one of these (lower case): blocks without any are skipped.
OBJECT_WORDS = ("gift", "present", " tip", " tea", "tea or", "cup", "coffee", "drink", "food",
                "refreshment", "hospitality", "lift", "hug", "cuddl", "physical", "touch",
                "hold", "socialis", "befriend", "friend", "relationship", "phone", "mobile",
                "contact details", "social media", " car", "duty", "outside", "own time",
                "card", "funeral", "birthday", "celebration", "party", "parties", "wedding",
                "speak to", "see only", "meal", "lunch", "dinner", "breakfast", "visitor",
                "own famil", "own li", "own child", "own partner", "own personal", "own stor",
                "own experience", "overnight", "sleepover", " eat", "as friend", "chat",
                "continue contact", "continue any", "continuing contact", "about their",
                "about your", "vehicle", "visits from", " sit ", " sit down", " sitting")


def check(ctx):
    # People's services, health included (the Mental Health Act Code is this rule's source).
    if not ctx.facts.for_people:
        return
    candidates = {b.index for b in ctx.run.index.blocks_with(OBJECT_WORDS)}
    continuity = {b.index for b in ctx.run.index.blocks_with(CONTINUITY_WORDS)}
    lead_in = None
    for block in ctx.document.blocks:
        if block.kind in (BlockKind.HEADER, BlockKind.FOOTER, BlockKind.HEADING):
            lead_in = None
            continue
        in_list = lead_in is not None and (block.kind in LISTED or _sub_label(block.label))
        if not in_list:
            lead_in = None
        found = list(_prohibitions(ctx, block, in_list)) if block.index in candidates else []
        if not found and block.index in continuity \
                and (wanted := CONTINUITY.search(block.text)) and SANCTION.search(block.text):
            found.append(ctx.finding(
                block, *wanted.span(),
                message="Ending someone's support for asking for the same worker turns wanting "
                        "continuity into misconduct"))
        yield from found
        text = block.text.strip()
        if text.endswith(":") and MARKER.search(text) and not PROPORTIONATE.search(text):
            lead_in = block


def _prohibitions(ctx, block, in_list):
    """Blanket rules on relational things in one block (or list item under a lead-in)."""
    for start, end in block.sentences or ((0, len(block.text)),):
        sentence = block.text[start:end]
        lowered = sentence.lower()
        if not any(w in lowered for w in OBJECT_WORDS):
            continue
        marker = MARKER.search(sentence) if any(w in lowered for w in MARKER_WORDS) else None
        if not marker and not in_list:
            continue
        if PROPORTIONATE.search(sentence) or NOT_RELATIONAL.search(sentence):
            continue
        obj = _object_after(sentence, marker) if marker else OBJECT.search(sentence)
        if obj is None or (TIME_OBJECT.fullmatch(obj.group()) and not CONTACT.search(sentence)):
            continue
        severity = Severity.INFO if CARVE_OUT.search(block.text[start:]) else None
        yield ctx.finding(block, start + obj.start(), start + obj.end(), severity=severity)


def _object_after(sentence, marker):
    """The relational object the prohibition applies to, after the marker (or just before it,
    as in "gifts must not be accepted")."""
    after = OBJECT.search(sentence, marker.end())
    if after is not None:
        return after
    before = [m for m in OBJECT.finditer(sentence) if m.end() <= marker.start()]
    return before[-1] if before and marker.start() - before[-1].end() < 60 else None


def _sub_label(label):
    return bool(label) and (label.startswith("(") or label.endswith(")") or label[:1].isalpha())
