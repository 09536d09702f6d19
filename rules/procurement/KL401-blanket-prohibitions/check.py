"""KL401: blanket prohibitions on relational things (tea, gifts, touch, friendship, phone numbers).

A prohibition marker (or a sanction such as "gross misconduct") and a relational object must
meet in one sentence, or the object must be in a list item under a lead-in such as "Care
workers must not:". Safety absolutes (abuse, discrimination, violence) are not relational
objects, and a rule that leaves room for judgement, consent or a safer channel is not blanket.
"""

import re

from kindlint.lazy_regex import lazy
from kindlint.model.document import BlockKind
from kindlint.model.findings import Severity

MARKER = lazy(
    r"under no circumstances|in no circumstances|strictly (?:prohibited|forbidden|not permitted)|"
    r"\b(?:must|shall|should|may|will|can)(?: not|not|'t| never)\b|\bnever\b|"
    r"\b(?:is|are|be)(?: strictly)? (?:not (?:allowed|permitted)|prohibited|forbidden|banned)\b|"
    r"\bnot (?:be )?(?:allowed|permitted)\b|\b(?:prohibited|barred) from\b|"
    r"\bforbidden (?:from|to)\b|\brefrain(?:s|ing)? from\b|"
    r"\b(?:must|shall|should|are to|is to) avoid\b|"
    r"zero tolerance|no exceptions|\bat no (?:time|point|stage)\b|\bdo not\b|\bdon't\b|"
    r"\bnot to\b|^\s*(?:strictly )?no \w+ing\b|\bstrictly no\b|"
    r"\b(?:prohibits?|forbids?|bans?) (?:[\w'’]+ ){1,3}?from\b|"
    r"\bagainst (?:the|our|this|company|the service's) (?:rules|policy|code)\b|"
    r"\bbreach of (?:this|the|our) (?:code|policy|rules|standards)\b|"
    r"\b(?:must|shall|should|will|may|can) be no\b|"
    r"\b(?:must|shall|should|will|are to|is to) (?:be )?(?:politely )?(?:decline|refuse)d?\b|"
    r"\bthere (?:is|are|will be|shall be|must be|should be) no\b|"
    r"\bno\b[^.;]{1,40}?\b(?:is|are|will be|shall be) (?:allowed|permitted|tolerated)\b|"
    r"\bit is (?:never |not )(?:appropriate|acceptable)\b|"
    r"\bit is (?:inappropriate|unacceptable)\b|\b(?:is|are) (?:not|never) acceptable\b|"
    r"\b(?:is|are) unacceptable\b|"
    # a ban stated only as its sanction
    r"\bgross misconduct\b|\bdisciplinary (?:action|offence|matter|procedure)|"
    r"\bbe (?:summarily )?dismissed\b|\b(?:grounds for|lead to|result in) dismissal\b|"
    r"\bno (?:member of staff|staff(?: members?)?|workers?|carers?|care workers?|employees?|"
    r"volunteers?|one|residents?) (?:may|shall|should|will|can|is to|are to|is allowed|"
    r"are allowed|is permitted|are permitted)\b",
    re.IGNORECASE)
# Every marker contains one of these: a cheap test before the long pattern.
MARKER_WORDS = ("not", "never", "n't", "prohibit", "forbid", "ban", "barred", "tolerance",
                "exception", "no ", "circumstances", "decline", "refuse", "refrain", "avoid",
                "appropriate", "acceptable", "against", "breach", "misconduct", "disciplinary",
                "dismiss")
# "are not prohibited from" is a permission, not a ban.
NEGATED = lazy(r"\b(?:not|never|no longer)(?:\s+\w+)?\s+$", re.IGNORECASE)
# A marker before one of these is a duty or a permission: "must not prevent visits", "do not
# hesitate to", "do not have to refuse", "will never be dismissed for".
NOT_A_BAN = lazy(
    r"\s+(?:(?:be|ever|try to|seek to|attempt to|unreasonably|unduly|unnecessarily|"
    r"routinely)\s+)*(?:prevent|restrict|deny|denied|discourage|refuse|limit|withhold|obstruct|"
    r"interfer|hesitate|forget|fail|neglect|ignore|lose|expect|require|need|have to|mean|"
    r"stop\w* (?:[\w'’]+ ){0,3}?from|dismiss|disciplin|face|treated as|regarded as|seen as|"
    r"considered|count as|penalis|sanction|punish|criticis|blame)", re.IGNORECASE)

PEOPLE = (r"(?:residents?|patients?|tenants?|clients?|customers?|pupils?|participants?|"
          r"service users?|people (?:they|we|you) (?:support|care for|visit|work with)|people|"
          r"young people|children|a child|the child|the person|a person|individuals|mentees?|"
          r"them)")
OWN = r"(?:their|your|his|her|my)"
# Out of hours, outside agreed sessions: relational only with a way of meeting or contacting.
TIME = (r"off[- ]duty|after hours|in (?:their|your) own time|outside (?:of )?work\b|"
        r"outside (?:of )?(?:the |their |your )?(?:(?:normal|usual|agreed|scheduled|planned|"
        r"arranged|contracted|paid|working|work|office|session|support|visit|shift|duty)[ -])+"
        r"(?:hours|times?|venues?|sessions?|visits?|meetings?|settings?|periods?)")
TIME_OBJECT = lazy(TIME, re.IGNORECASE)
CONTACT = lazy(r"contact|visit|meet|\bsee\b|sociali[sz]|befriend|phone|\bcall|\btext|messag|"
               r"spend time|friend", re.IGNORECASE)
# Staff's own cars are relational only when they carry people.
VEHICLE = lazy(r"(?:own|personal|private) (?:vehicles?|cars?)", re.IGNORECASE)
TRANSPORT = lazy(rf"transport|\blifts?\b|passengers?|\bcarry|\b(?:tak|took|driv|drove|ferr)\w* "
                 rf"{PEOPLE}\b", re.IGNORECASE)
# A personal phone is relational when it is used to reach people, not while driving.
PERSONAL_PHONE = lazy(r"(?:personal|own|private) mobile(?: phones?)?", re.IGNORECASE)
REACHING = lazy(r"contact|\bcall|\btext|messag|\bphon|\bgiv|\bshar|exchang|\bpass|whatsapp",
                re.IGNORECASE)
# "No further contact" is relational when it follows someone leaving.
FURTHER_CONTACT = lazy(r"further contact", re.IGNORECASE)
LEAVING = lazy(r"\b(?:leaves?|left|leaving|moves? on|moved on|ends?|ended|discharged)\b",
               re.IGNORECASE)
# Objects that count only with their context somewhere else in the sentence.
CONTEXTUAL = ((TIME_OBJECT, CONTACT), (VEHICLE, TRANSPORT), (PERSONAL_PHONE, REACHING),
              (FURTHER_CONTACT, LEAVING))
OBJECT = lazy(
    # meeting people out of hours or socially (before "socialise" alone: the longer reading)
    r"\b(?:meet|see|visit|contact|phon|call|text|messag|sociali[sz]|spen[dt]\w* time)\w*"
    rf"(?: [\w'’]+){{0,4}}? (?:(?:when|while|whilst) (?:they are |you are )?)?"
    rf"(?:{TIME}|socially\b)"
    # gifts, food and drink, given or taken
    r"|\b(?:accept|receiv|tak|giv|offer|exchang|buy|bought|purchas|send|sent)\w*"
    r"(?: or (?:giv|receiv|accept|buy|send)\w*)?(?: any)?(?: \w+){0,3}? (?:gifts?|presents?|"
    r"tips?|(?:a |any )?cups? of tea|tea or coffee|hot drinks?|"
    r"(?:any )?food(?: (?:or|and|&) drinks?)?|drinks?|refreshments?|hospitality|lifts?|snacks?|"
    r"biscuits?|cakes?|sweets|chocolates?)\b"
    r"|\bgifts?\b(?: (?:or|and) (?:gratuities|hospitality|tips))?|\bpresents?(?= from)"
    r"|(?:birthday|christmas|festive|leaving|thank[- ]you) presents?"
    r"|cups? of tea|\btea(?:,| or| and) (?:\w+ )?coffee|hot drinks?|refreshments?"
    r"|for (?:a )?(?:cup of )?tea\b(?! breaks?)"
    r"|\b(?:bring|brought|buy|bought|bak\w+|cook\w*) (?:in )?(?:any |some |their own |"
    r"home-?made )?(?:food|cakes?|snacks?|treats?|sweets|biscuits|meals?)\b"
    r"(?=[^.;]{0,50}?\b(?:share|for (?:the |a )?(?:person|people|residents?|clients?|patients?|"
    r"tenants?|young people|children)|with them)\b)"
    r"|(?:eat|share|have)\w* (?:a |their )?(?:meals?|lunch|dinner|breakfast|food|drinks?|"
    rf"cups? of tea|coffee) with(?: (?:a |the )?{PEOPLE}\b)?"
    rf"|\beat\w* with(?: (?:a |the )?{PEOPLE}\b)?"
    rf"|\bsit\w* (?:down )?with (?:the )?{PEOPLE}|\bto chat\b|for a chat\b"
    # touch
    r"|\bhug(?:s|ging)?\b|\bcuddl\w*|physical (?:contact|affection)|"
    # "touch" the person, not "in touch" or "touch their money"
    r"(?<!\bin )\btouch(?:ing)?\b(?! base)"
    r"(?!\s+(?:on|upon)\b(?!\s+(?:the|their|his|her|a) (?:arm|shoulder|hand|back)))"
    r"(?!\s+(?:(?:their|his|her|the|a|any|people's|a person's|the person's|residents')\s+)?"
    r"(?:money|cash|belongings|property|possessions|post|mail|files?|records?|medication|"
    r"medicines|equipment|keys|valuables|bank cards?|computers?|phones?)\b)|"
    r"hold(?:ing)? (?:their |people's )?hands?"
    # friendship and time together
    r"|sociali[sz](?:e|ing)|befriend(?:s|ing|ed)?\b(?!\s+(?:volunteers?|schemes?|services?|"
    r"projects?|co-?ordinators?|relationships?|sessions?|visits?|programmes?|workers?|matches|"
    r"roles?))"
    r"|friendships?|\b(?:becom|be|mak)\w* (?:\w+ )?friends?\b(?: with)?|\bfriends? with\b"
    r"|\bas (?:a )?friends?\b|personal relationships?"
    r"|(?:off[- ]duty|out[- ]of[- ]hours|social) (?:contact|meetings?|visits?)|" + TIME +
    r"|for social purposes|in a social capacity|on a social basis"
    r"|\b(?:attend\w*|go|goes|going|went) (?:[\w'’]+ ){0,6}?(?:funerals?|"
    r"birthday(?: part(?:y|ies))?|christenings?|celebrations?|part(?:y|ies)|weddings?|"
    r"family (?:occasions?|events?|gatherings?))"
    r"|\b(?:accept|extend|issu|send|sent|mak|giv|offer)\w* (?:an |any )?invitations?\b"
    r"(?! to (?:tender|quote|bid|negotiate|participate|apply|submit))"
    rf"|\b(?:tak|took|bring|brought|invit)\w*(?: [\w'’]+){{0,4}}? (?:to|into|back to) {OWN} "
    r"own homes?|\b(?:tak|took|bring|brought)\w* (?:[\w'’]+ ){1,3}?home with"
    rf"|\bintroduc\w*(?: [\w'’]+){{0,4}}? to (?:members of )?{OWN} (?:own )?"
    r"(?:famil(?:y|ies)|friends|partners?|children)"
    r"|(?:birthday|christmas|greetings?|thank[- ]you) cards?"
    r"|(?:have|receive|allowed|allow|invite)\w* (?:any )?visitors?"
    r"|visitors? after \d+(?:[.:]\d+)? ?(?:[ap]m\b|[ap]\.m\.)?"
    r"|\bvisitors?\b(?=[^.;]{0,40}\b(?:rooms?|bedrooms?|flats?|homes?|after \d|evenings?|"
    r"weekends?)\b)|visits? from (?:family|friends|relatives)"
    r"|overnight stays?|sleepovers?"
    # keeping in touch, before and after someone leaves
    r"|(?:personal |own |private |home )?(?:mobile )?(?:tele)?phone numbers?"
    r"|(?:personal|own|private) mobile(?: (?:phones?|numbers?))?|mobile numbers?"
    r"|(?:give|share|exchange|pass on|hand out)\w* (?:their |your |any )?(?:personal )?"
    r"contact details|personal contact details|social media|friend requests?"
    r"|(?:continu|maintain)\w* (?:any |the )?(?:contact|relationships?|friendships?)"
    r"|\b(?:keep|stay|remain)\w* in (?:touch|contact)\b|further contact"
    r"|(?:contact|relationships?|friendships?)(?: with)? (?:a |any )?"
    r"(?:former|previous|past|ex-) ?[\w-]+(?: users?)?"
    # lifts
    r"|(?:give|offer)\w* (?:a |any )?lifts?|\blifts? in (?:[\w'’]+ ){0,2}(?:cars?|vehicles?)"
    r"|(?:own|personal|private) (?:vehicles?|cars?)"
    # telling people about yourself
    rf"|tell\w* (?:[\w'’]+ ){{0,3}}about {OWN} (?:own )?(?:personal )?(?:li(?:fe|ves)|"
    r"famil(?:y|ies))"
    rf"|(?:(?:talk|speak|chat)\w* (?:to (?:[\w'’]+ ){{1,3}})?about|discuss\w*) {OWN} own "
    r"(?:famil(?:y|ies)|li(?:fe|ves)|(?:personal|private) li(?:fe|ves)|children|partners?)"
    r"|(?:talk|speak|chat)\w* about (?:your|my) personal (?:li(?:fe|ves)|problems|famil)"
    rf"|share\w* (?:anything |information |details )?(?:about )?{OWN} own "
    r"(?:personal )?(?:stories|experiences|li(?:fe|ves)|details|famil(?:y|ies))"
    r"|\b(?:disclos|reveal|shar|tell|giv)\w*(?: [\w'’]+){0,5}? (?:information|details|"
    r"anything|much) about themselves|\btalk\w* about themselves|self-disclos\w*"
    r"|\b(?:disclos|reveal|tell|shar|giv)\w*(?: [\w'’]+){0,3}? where (?:they|you) live"
    rf"|{OWN} own (?:home )?address(?:es)?"
    # lending things
    r"|\b(?:giv|lend|lent|loan|swap|exchang)\w*(?: or (?:giv|lend|loan)\w*)?"
    rf"(?: {PEOPLE}| you)? (?:any |their |your )?(?:own |personal )?(?:items|belongings|"
    r"possessions|books|games|toys|clothes|clothing)\b"
    r"|(?:speak to|see) only (?:certain|particular|the same)",
    re.IGNORECASE)
# Every relational object contains one of these (lower case): sentences without any are skipped.
# They are kept specific (" tea " not " tea", which is in "team"): they decide how many
# sentences the long patterns read.
OBJECT_WORDS = (
    "gift", "presents", "present from", " tip", "cup of", "cups of", "tea or", "tea and", "tea,",
    " tea ", " tea.", " tea;", "coffee", "drink", "food", "refreshment", "hospitality", "lift",
    "hug", "cuddl", "physical", "touch", "hold hand", "holding hand", "hold their",
    "holding their", "sociali", "socially", "social media", "social contact", "social visit",
    "social meeting", "social purpose", "social capacity", "social basis", "friend",
    "personal relationship", "phone", "mobile", "contact details", "former", "ex-",
    "further contact", "in contact", "in touch", "continue", "continuing", "maintain",
    "own car", "personal car", "private car", "vehicle", "duty", "outside", "own time",
    "after hours", "of hours", "of-hours", "card", "funeral", "birthday", "christening",
    "celebration", "wedding", "attend", "party", "family occasion", "family event",
    "family gathering", "speak to", "see only", "meal", "lunch", "dinner", "breakfast",
    "visitor", "visits from", "own famil", "own li", "own child", "own partner", "own personal",
    "own stor", "own experience", "personal li", "personal famil", "personal problem",
    "about their", "about your", "themselves", "disclos", "where they live", "where you live",
    "own address", "own home", "home with", "introduc", "invitation", "snack", "biscuit",
    "cake", "sweets", "chocolate", "treats", "items", "belongings", "possessions", "books",
    "games", "toys", "clothes", "clothing", "overnight", "sleepover", " eat", "chat", " sit ",
    " sitting")
PROPORTIONATE = lazy(
    r"unless|until|except (?:where|when|with)|individual(?:ly)? risk[- ]assess|risk assessment|"
    r"agreed with (?:the person|their manager|your manager)|judgement|judgment|"
    r"where (?:it is )?appropriate|\balone\b|lone work|insur|"
    r"with(?:out)? (?:the |a |their |your |prior |written )?(?:line )?(?:manager'?s? )?"
    r"(?:prior |written )?(?:agreement|approval|permission|consent)|"
    r"without (?:first )?(?:telling|informing|notifying|discussing|checking|asking|declaring)|"
    r"talk to (?:your|their) manager|of (?:significant |more than (?:token|nominal) )?value|"
    r"\bnormally\b|\busually\b|\bgenerally\b|\bas a (?:general )?rule\b|"
    # a clinical plan or a health risk is a reason, not a blanket rule
    r"(?:swallowing|eating and drinking|diet(?:ary)?|risk|behaviour(?: support)?) plan|"
    r"\bSALT\b|allerg|\bnuts?\b|prescri|choking|dysphagia|medical advice|modified diet|"
    # a care or support plan is a reason when the rule defers to it, not "the tasks on the plan"
    r"(?<!tasks )(?<!task )\b(?:in|by|under|with|to|per) (?:line with |accordance with )?"
    r"(?:the |their |his |her |a |an |each |the person's |a person's |the child's )?"
    r"(?:agreed |individual )?(?:care|support|placement) plans?\b|"
    r"(?:care|support) plans? (?:says?|states?|allows?|permits?|specif|sets? out|records?)|"
    # the person's own wishes
    r"(?:do|does|did) not (?:want|wish|like)|(?:don't|doesn't|didn't) (?:want|wish|like)|"
    r"\bunwanted\b|\bunwelcome\b|against (?:their|his|her|the person's|a person's) "
    r"(?:will|wishes)|"
    # a safer channel offered instead
    r"(?:work|team|service|company|organisation's|home's|official|agency|office|pool|provided|"
    r"designated) (?:mobile )?(?:phones?|mobiles?|numbers?|accounts?|email|vehicles?|cars?|"
    r"minibus\w*|devices?)|"
    # a narrower kind of thing: inappropriate touch, sexual relationships, money
    r"(?:inappropriate|unnecessary|excessive|prolonged|extended) (?:physical |personal )?"
    r"(?:contact|touch|relationships?|behaviour|gifts?|hugs?|hugging)|sexual|romantic|intimate|"
    r"(?:friendships?|relationships?) (?:that|which) exploit|"
    r"(?:that|which) (?:is|are) (?:not |never )?(?:in|un)?(?:appropriate|acceptable)|"
    r"gifts? (?:of|in) (?:money|cash)|"
    r"(?:cash|expensive|lavish|large|valuable|costly) (?:gifts?|presents?|items)|"
    r"fail\w* to (?:report|record|declare|register)|"
    # a rule that permits: "not prohibited from", "nothing in this policy prevents"
    r"\bnot (?:\w+ )?(?:prohibited|forbidden|banned|barred|prevented)\b|"
    r"\bnothing (?:in|here)\b[^.;]{0,60}\b(?:prevents?|stops?|prohibits?|forbids?)\b|"
    r"\bno (?:rule|ban) (?:against|on)\b",
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
    r"from (?:suppliers?|contractors?|vendors?)|"
    r"photograph|take (?:photos|pictures|images)|"
    r"(?:council|authority|county|city|state|government|agency) (?:officers?|officials?|"
    r"employees?)|"
    r"anonymis|pseudonymis|data protection|GDPR|personal data|third part(?:y|ies)|"
    r"\bpost(?:ing)? (?:any )?(?:photos?|photographs?|pictures?|images?|information|details|"
    r"comments?|content)|in (?:the |a |any )?(?:\w+ )?(?:reports?|responses?|records?|"
    r"surveys?|publications?|returns)\b|on (?:the |any |a )?forms?\b", re.IGNORECASE)
# Ending someone's service for wanting the same worker is a blanket rule against continuity.
CONTINUITY = lazy(
    r"\b(?:demand|insist|ask|request|want)\w*(?: [\w'’-]+){0,6}? (?:the |a |an |one )?"
    r"(?:same|certain|particular|specific|named) (?:care |support )?(?:workers?|carers?|staff|"
    r"members? of (?:the )?(?:[\w-]+ )?staff|team members?|nurses?|volunteers?|key ?workers?)"
    r"|\brefus\w*(?: [\w'’-]+){0,5}? (?:different|other|alternative|replacement|new) "
    r"(?:members? of staff|(?:care |support )?(?:workers?|carers?|staff))", re.IGNORECASE)
CONTINUITY_WORDS = ("the same ", "certain ", "particular ", "specific ", "named ", "refus")
SANCTION = lazy(
    r"(?<!not )(?<!never )(?:withdr[ae]w|terminat|end|stop|suspend|ceas|discharg)\w* "
    r"(?:the |their |our |this |its |a person's )?(?:professional )?(?:service|support|care|"
    r"relationship|package|placement)|(?:service|support|care|relationship|package|placement) "
    r"(?:will |may |shall |can |could )?(?:be )?(?:\w+ and )?(?:withdrawn|terminated|ended|"
    r"stopped|suspended|ceased)", re.IGNORECASE)
# Refusing a worker for who they are, or being abusive, is a reason to act, not continuity.
ABUSE = lazy(r"racis|\brace\b|ethnic|colour|religio|discriminat|abus|harass|violen|threat|"
             r"aggress", re.IGNORECASE)
LISTED = (BlockKind.LIST_ITEM,)


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
        if not found and block.index in continuity:
            found.extend(_continuity(ctx, block))
        yield from found
        text = block.text.strip()
        if text.endswith(":") and _marker(text) and not PROPORTIONATE.search(text):
            lead_in = block


def _prohibitions(ctx, block, in_list):
    """Blanket rules on relational things in one block (or list item under a lead-in)."""
    for start, end in block.sentences or ((0, len(block.text)),):
        sentence = block.text[start:end]
        lowered = sentence.lower()
        if not any(w in lowered for w in OBJECT_WORDS):
            continue
        marker = _marker(sentence) if any(w in lowered for w in MARKER_WORDS) else None
        if not marker and not in_list:
            continue
        if PROPORTIONATE.search(sentence) or NOT_RELATIONAL.search(sentence):
            continue
        obj = _object(sentence, marker)
        if obj is None:
            continue
        # "off duty" alone reads better as what it forbids: contact 'off duty'
        message = (ctx.rule.message.replace("'{term}'", "contact '{term}'")
                   if TIME_OBJECT.fullmatch(obj.group()) else None)
        severity = Severity.INFO if CARVE_OUT.search(block.text[start:]) else None
        yield ctx.finding(block, start + obj.start(), start + obj.end(), severity=severity,
                          message=message)


def _marker(sentence):
    """The first prohibition marker that is not negated ("not prohibited from") and not part
    of a duty ("must not prevent", "do not hesitate")."""
    for marker in MARKER.finditer(sentence):
        if not NEGATED.search(sentence, max(0, marker.start() - 24), marker.start()) \
                and not NOT_A_BAN.match(sentence, marker.end()):
            return marker
    return None


def _object(sentence, marker):
    """The relational object the rule forbids: the first after the marker, else one inside it
    ("no visitors are allowed"), else the nearest one just before it ("gifts must not be
    accepted")."""
    start = marker.end() if marker else 0
    after = next((m for m in OBJECT.finditer(sentence, start) if _in_context(m, sentence)), None)
    if after is not None or marker is None:
        return after
    before = [m for m in OBJECT.finditer(sentence)
              if m.start() < marker.end() and _in_context(m, sentence)]
    inside = [m for m in before if m.end() > marker.start()]
    if inside:
        return inside[0]
    if not before or marker.start() - before[-1].end() >= 60:
        return None
    return None if ";" in sentence[before[-1].end():marker.start()] else before[-1]


def _in_context(found, sentence):
    """Whether an object that counts only in context has it elsewhere in the sentence."""
    start, end = found.span()
    return all(context.search(sentence, 0, start) or context.search(sentence, end)
               for kind, context in CONTEXTUAL if kind.fullmatch(found.group()))


def _continuity(ctx, block):
    """Ending someone's support for wanting the same worker."""
    text = block.text
    if (wanted := CONTINUITY.search(text)) and SANCTION.search(text) and not ABUSE.search(text):
        yield ctx.finding(
            block, *wanted.span(),
            message="Ending someone's support for asking for the same worker turns wanting "
                    "continuity into misconduct")


def _sub_label(label):
    return bool(label) and (label.startswith("(") or label.endswith(")") or label[:1].isalpha())
