"""KL401: blanket prohibitions on relational things (tea, gifts, touch, friendship, phone numbers).

A prohibition marker (or a sanction such as "gross misconduct") and a relational object must
meet in one sentence, or the object must be in a list item under a lead-in such as "Care
workers must not:". Safety absolutes (abuse, discrimination, violence) are not relational
objects, and a rule that leaves room for judgement, consent or a safer channel is not blanket.
"""

import heapq
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
    r"\bagainst (?:(?:the|our|this|company|the service's|agency|organisational) )?"
    r"(?:rules|policy|policies|code)\b|"
    r"\bbreach of (?:this|the|our) (?:code|policy|rules|standards)\b|"
    r"\b(?:must|shall|should|will|may|can) be no\b|"
    r"\b(?:must|shall|should|will|are to|is to) (?:be )?(?:politely )?"
    r"(?:decline|refuse|turn down)d?\b|"
    r"\bthere (?:is|are|will be|shall be|must be|should be|is to be|are to be) no\b|"
    r"\bno\b[^.;]{1,60}?\b(?:is|are|will|shall|may|can|should|must) (?:to )?(?:be )?"
    r"(?:allowed|permitted|tolerated|accepted|received|given)\b|"
    r"\bnot(?= even\b)|"
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
# Markers that count only for touch: "physical contact is only permitted for personal care".
TOUCH_MARKER = lazy(
    r"\b(?:is|are) only (?:ever )?(?:permitted|allowed|acceptable)\b|"
    r"\b(?:must|shall|should|will|is to|are to)(?: be)? (?:kept|limited|restricted|confined) "
    r"to (?:a |an |the )?(?:absolute )?(?:minimum (?:necessary|needed|required)|what is|"
    r"that (?:which is )?|(?:personal )?care)",
    re.IGNORECASE)
TOUCH_MARKER_WORDS = ("only ", "kept to", "limited to", "restricted to", "confined to")
# Every marker contains one of these: a cheap test before the long pattern.
MARKER_WORDS = ("not", "never", "n't", "prohibit", "forbid", "ban", "barred", "tolerance",
                "exception", "no ", "circumstances", "decline", "refuse", "refrain", "avoid",
                "appropriate", "acceptable", "against", "breach", "misconduct", "disciplinary",
                "dismiss", "turn down")
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
        r"arranged|contracted|paid|working|work|office|session|support|visit|shift|duty|"
        r"program|programme|project|scheme|service|business|opening)[ -])+"
        r"(?:hours|times?|venues?|sessions?|visits?|meetings?|settings?|periods?)|"
        r"(?:on|during) (?:their|your|his|her) (?:days?|time|weekends?) off|"
        r"(?:on|during|while on|whilst on) (?:their |your |his |her )?(?:annual )?"
        r"(?:leave|holidays?)|"
        r"in (?:their|your|his|her) (?:free|spare|personal|leisure) time|"
        r"(?:their|your) (?:free|spare|leisure) time|"
        r"(?:when|while|whilst) (?:they are |you are |they're |you're |he is |she is )?not "
        r"(?:working|on (?:shift|duty)|at work|rostered(?: on)?)|"
        r"after (?:their|your|his|her) shifts?\b|after work\b(?! (?:is|has))|"
        r"in a (?:personal|private) capacity|outside (?:of )?(?:the |their |your )?"
        r"(?:sessions?|shifts?|visits?)\b|"
        r"outside (?:of )?(?:the |their |your )?(?:scheme|project|programme|"
        r"(?:befriending|mentoring|professional|working) "
        r"(?:relationship|scheme|programme|role)|role)\b")
TIME_OBJECT = lazy(TIME, re.IGNORECASE)
# "be contacted" on a day off is about staff; "be meeting people socially" is not.
PASSIVE_NOT = "".join(f"(?<!be {verb})" for verb in (
    "contacted", "visited", "called", "phoned", "messaged", "texted", "met", "seen"))
NOT_PEOPLE_WE_SUPPORT = (r"(?!\w* (?:with |in with |on )?(?:(?:other |their |your |the |a |an )?"
                         r"(?:[\w-]+ )?(?:staff|colleagues?|employees?|managers?|supervisors?|"
                         r"team (?:members?|leaders?))|each other|one another|the office|"
                         r"(?:more|fewer|less) than|over \d|up to)\b)")
CONTACT = lazy(r"(?:contact|visit|meet|\bsee\b|sociali[sz]|befriend|phone|\bcall|"
               r"\btext|messag|spen[dt]\w* (?:[\w'’]+ ){0,2}?time|\bgo(?:es|ing)? (?:round|over)|"
               r"\bwent (?:round|over)|\bdrop\w* (?:in|by|round)|\bpop\w* (?:in|round)|friend|"
               r"outing|\btrips?\b|days? out|\btak\w* (?:[\w'’]+ ){1,3}?out\b|social activit)\w*+"
               + PASSIVE_NOT + NOT_PEOPLE_WE_SUPPORT, re.IGNORECASE)
# Eating or drinking is relational in the person's home or on a visit, not in a kitchen, a
# clinic or before surgery; never with alcohol or drugs.
EAT_ACT = (r"\b(?:eat(?<!-eat)(?:s|ing)?|drink(?<!food or drink)(?<!food and drink)"
           r"(?<!food, drink)(?<!a drink)(?<!any drink)(?<!hot drink)(?<!soft drink)(?:s|ing)?|"
           r"consum(?:e|es|ing)|(?:have|has|having) (?:a |any )?(?:hot |cold )?"
           r"(?:drinks?|snacks?|meals?|food|cups? of (?:tea|coffee)|"
           r"tea|coffee|refreshments?)|mak\w* (?:themselves|yourself|himself|herself|oneself) "
           r"(?:a |any )?(?:hot |cold )?(?:drinks?|cups? of (?:tea|coffee)|tea|coffee|snacks?|"
           r"food|meals?)|mak\w* (?:a |any )?(?:hot )?(?:drinks?|cups? of (?:tea|coffee)|tea|"
           r"coffee) for (?:themselves|yourself|himself|herself))\b"
           r"(?:(?:,| or| and)(?: (?:a|any))? (?:eat(?:s|ing)?|drink(?:s|ing)?|snacks?))?"
           r"(?! (?:any |the |some )?(?:alcohol|beer|wine|spirits|drugs))")
EAT_OBJECT = lazy(EAT_ACT, re.IGNORECASE)
IN_THEIR_HOME = lazy(
    r"\b(?:in|at|on|inside) (?:a |the |any |their |someone's |somebody's |people's |"
    r"another person's )?(?:[\w-]+ )?(?:[\w-]+(?:'s|s'|’s|s’) )?(?:own )?(?:homes?|houses?|"
    r"property|properties|flats?|premises|bungalows?|residences?|apartments?|dwellings?|"
    r"accommodation)\b(?! (?:kitchen|office)s?\b)|"
    r"\b(?:in|at) (?:a |the )?[\w-]+(?:'s|s'|’s|s’) (?:bed|living |sitting |front )?rooms?\b|"
    r"\bhomes? of\b|\b(?:while|whilst|when) (?:they are |you are |staff are )?"
    r"(?:on (?:a |their |your )?(?:visits?|calls?)|visiting)|"
    r"\bduring (?:a |the |their |your |any )?(?:home )?(?:visits?|calls?)\b|"
    r"\beven (?:if|when|though) (?:it is |this is |food is |they are |you are |staff are )?"
    r"(?:offered|invited|asked|pressed|encouraged)|"
    r"\beven if (?:the |a |they |their )?(?:[\w-]+ ){0,3}?(?:offers?|insists?|asks?|invites?)\b",
    re.IGNORECASE)
EAT_WORDS = ("eat", "drink", "consum", "snack", "meal", "food", "tea", "coffee", "refreshment")
# Taking people out is relational in one's own time or for a coffee, a walk or a meal.
OUTING = (r"\b(?:tak|took)\w* (?:[\w'’]+ ){1,3}?(?:out|on (?:trips?|outings?|days? out|holidays?)|"
          r"shopping|to (?:the )?(?:cinema|pub|caf[eé]|park|beach|football|bowling|pictures))\b")
OUTING_OBJECT = lazy(OUTING, re.IGNORECASE)
OUTING_WORDS = ("tak", "took")
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
LEISURE = lazy(TIME + r"|\bfor (?:a |an )?(?:coffee|drink|walk|meal|pint|treat|cup of tea|"
               r"day out|lunch|dinner)|\bsocially\b|\bcinema|\bpub\b|\bcaf[eé]", re.IGNORECASE)
# Objects that count only with their context somewhere else in the sentence.
CONTEXTUAL = ((TIME_OBJECT, CONTACT), (VEHICLE, TRANSPORT), (PERSONAL_PHONE, REACHING),
              (FURTHER_CONTACT, LEAVING), (EAT_OBJECT, IN_THEIR_HOME), (OUTING_OBJECT, LEISURE))
OBJECT = lazy(
    # meeting people out of hours or socially (before "socialise" alone: the longer reading)
    r"\b(?:meet|see|visit|contact|phon|call|text|messag|sociali[sz]|"
    r"spen[dt]\w* (?:[\w'’]+ ){0,2}?time|go(?:es|ing)? round|went round|drop\w* (?:in|by|round)|"
    r"pop\w* (?:in|round))\w*+" + PASSIVE_NOT + NOT_PEOPLE_WE_SUPPORT +
    rf"(?: [\w'’]+){{0,4}}? (?:(?:when|while|whilst) (?:they are |you are )?)?"
    rf"(?:{TIME}|socially\b)"
    # gifts, food and drink, given or taken
    r"|\b(?:accept|receiv|tak|giv|offer|exchang|buy|bought|purchas|send|sent)\w*"
    r"(?: or (?:giv|receiv|accept|buy|send)\w*)?(?: any)?"
    r"(?: (?:so much as|as much as|even|not even|a single))?(?: \w+){0,3}? (?:gifts?|presents?|"
    r"tips?|(?:a |any )?cups? of tea|tea or coffee|hot drinks?|coffees?(?! (?:breaks?|machines?))|"
    r"(?:any )?food(?: (?:or|and|&) drinks?)?|drinks?(?! alcohol)|refreshments?|hospitality|lifts?|"
    r"snacks?|biscuits?|cakes?|sweets?|chocolates?|flowers|glass(?:es)? of water|"
    r"sodas?|soft drinks?|juices?|beverages?|tea\b(?! (?:breaks?|towels?))|"
    r"tokens?(?! (?:for|of entry))|anything(?= [^.;]{0,60}?(?:\bnot even\b|\bso much as\b|"
    r"\bhowever small\b|\bno matter how\b|\beven (?:a|an|one|something)\b)))\b"
    r"|\b(?:accept|receiv)\w* anything\b"
    r"|\beven (?:a |an |one |a single |the smallest |the odd )?"
    r"(?:[\w-]+ )?(?:sweets?|biscuits?|chocolates?|cups? of (?:tea|coffee)|tea|coffee|drinks?|"
    r"cards?|glass of water|flowers|tokens?|gifts?|presents?)\b"
    r"|\bgifts?\b(?: (?:or|and) (?:gratuities|hospitality|tips))?|\bpresents?(?= from)"
    r"|(?:birthday|christmas|festive|leaving|thank[- ]you) presents?"
    r"|cups? of (?:tea|coffee)|\btea(?:,| or| and) (?:\w+ )?coffee|refreshments?"
    r"|\bgratuit(?:y|ies)\b"
    r"|hot drink(?<!leave hot drink)(?<!leaving hot drink)(?<!place hot drink)"
    r"(?<!put hot drink)(?<!carry hot drink)(?<!carrying hot drink)s?\b"
    r"(?! (?:[\w'’]+ ){0,4}?(?:carried|left|placed|within reach|unattended|near|spill))"
    r"|for (?:a )?(?:cup of )?tea\b(?! breaks?)"
    r"|\b(?:bring|brought|buy|bought|bak\w+|cook\w*) (?:in )?(?:any |some |their own |"
    r"home-?made )?(?:food|cakes?|snacks?|treats?|sweets|biscuits|meals?)\b"
    r"(?=[^.;]{0,50}?\b(?:share|for (?:the |a )?(?:person|people|residents?|clients?|patients?|"
    r"tenants?|young people|children)|with them)\b)"
    r"|\b(?:eat(?<!-eat)|share|have)\w* (?:a |their )?(?:meals?|lunch|dinner|breakfast|food|"
    rf"drinks?|cups? of tea|coffee) with(?: (?:a |the )?{PEOPLE}\b)?"
    rf"|\beat(?<!-eat)\w* with(?: (?:a |the )?{PEOPLE}\b)?"
    rf"|\bsit\w* (?:down )?with (?:the )?{PEOPLE}|\bto chat\b|for a chat\b"
    r"|\bspen[dt]\w* (?:their|your|his|her) (?:own |free |spare |leisure |personal )time with\b"
    r"|\b(?:go(?:es|ing)?|went) (?:out )?(?:for (?:a |an )?(?:coffee|drink|walk|meal|pint|"
    r"cup of tea|lunch|dinner)|to (?:the )?(?:pub|cinema|caf[eé]|bar|club)) with\b"
    # touch
    r"|\bhug(?:s|ging)?\b|\bcuddl\w*|physical (?:contact|affection)|"
    # "touch" the person, not "in touch" or "touch their money"
    r"(?<!\bin )\btouch(?:ing)?\b(?! base)"
    r"(?!\s+(?:on|upon)\b(?!\s+(?:the|their|his|her|a) (?:arm|shoulder|hand|back)))"
    r"(?!\s+(?:(?:their|his|her|the|a|any|people's|a person's|the person's|residents')\s+)?"
    r"(?:money|cash|belongings|property|possessions|post|mail|files?|records?|medication|"
    r"medicines|equipment|keys|valuables|bank cards?|computers?|phones?)\b)"
    r"(?!\s+(?:[\w'’-]+\s+){0,2}?(?:food|wounds?|dressings?|catheters?|cannulas?|stomas?|drains?|"
    r"sterile|surfaces?|electrical|sockets?|plugs?|switches|bodily fluids|blood|sharps|needles?|"
    r"chemicals?)\b)(?!\s+your (?:face|eyes|nose|mouth)\b)|"
    r"hold(?:ing)? (?:their |people's )?hands?"
    # friendship and time together
    r"|sociali[sz](?:e|ing)|befriend(?:s|ing|ed)?\b(?!\s+(?:volunteers?|schemes?|services?|"
    r"projects?|co-?ordinators?|relationships?|sessions?|visits?|programmes?|workers?|matches|"
    r"roles?))"
    r"|friendships?|\b(?:becom|be|mak)\w* (?:\w+ )?friends?\b(?: with)?|\bfriends? with\b"
    r"|\bas (?:a )?friends?\b|personal relationships?"
    r"|(?:off[- ]duty|out[- ]of[- ]hours|social) (?:contact|meetings?|visits?)"
    r"|\b(?:engag\w* in|tak\w* part in|join\w*|attend\w*|go(?:es|ing)? (?:on|to)|hav\w*|"
    r"organis\w*|arrang\w*) (?:any )?social (?:activit(?:y|ies)|events?|outings?|gatherings?)"
    r"|" + TIME +
    r"|for social purposes|in a social capacity|on a social basis"
    r"|\b(?:attend\w*|go|goes|going|went) (?:[\w'’]+ ){0,6}?(?:funerals?|"
    r"birthday(?: part(?:y|ies))?|christenings?|celebrations?|part(?:y|ies)|weddings?|"
    r"family (?:occasions?|events?|gatherings?))"
    r"|\b(?:accept|extend|issu|send|sent|mak|giv|offer)\w* (?:an |any )?invitations?\b"
    r"(?! to (?:tender|quote|bid|negotiate|participate|apply|submit))"
    rf"|\b(?:tak|took|bring|brought|invit)\w*(?: [\w'’]+){{0,4}}? (?:to|into|back to) {OWN} "
    r"own homes?|\b(?:tak|took|bring|brought)\w* (?:a |the |any |one )?(?:[\w-]+ )?(?:person|"
    r"people|child(?:ren)?|residents?|clients?|tenants?|pupils?|patients?|service users?|"
    r"participants?|mentees?|them) home with"
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
# What "must decline" or "must refuse" is followed by (the marker holds the verb).
DECLINED = lazy(r"(?:all |any |every )?(?:offers? of )?(?:food|drinks?|refreshments?|hospitality|"
                r"gifts?|presents?|snacks?|hot drinks?|tea|coffee)(?: (?:or|and|&) drinks?)?\b",
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
    "cake", "sweet", "chocolate", "treats", "items", "belongings", "possessions", "books",
    "games", "toys", "clothes", "clothing", "overnight", "sleepover", " eat", "chat", " sit ",
    " sitting", "day off", "days off", "time off", "weekend off", "on leave", "annual leave",
    "holiday", "free time", "spare time", "leisure time", "personal time", "personal capacity",
    "private capacity", "not working", "not on shift", "not at work", "their shift",
    "your shift", "after work",
    "anything", "token", "flowers", "the pub", "for a walk", "soda", "beverage", "gratuit",
    "social activit", "social event", "social outing", "social gathering")
PROPORTIONATE = lazy(
    r"unless|until|except (?:where|when|with)|individual(?:ly)? risk[- ]assess|risk assessment|"
    r"agreed with (?:the person|their manager|your manager)|judgement|judgment|"
    r"where (?:it is )?appropriate|\balone\b|lone work|insur|"
    r"with(?:out)? (?:the |a |their |your |prior |written )?(?:line )?(?:manager'?s? )?"
    r"(?:prior |written )?(?:agreement|approval|permission|consent)|"
    r"without (?:first )?(?:telling|informing|notifying|discussing|checking|asking|declaring|"
    r"explaining|recording|registering|reporting|logging)|"
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
# More reasons, kept apart so that the long pattern above stays quick: clinical rules, touch in
# anger, helping yourself, and the person leading ("unless they ask for a hug", not "even if
# they ask").
MORE_REASONS = lazy(
    r"nil by mouth|speech and language|dietitian|thicken|\bfasting\b|scald|within (?:the |their |"
    r"a |the person's |a person's )?reach|before (?:the |an |a |their )?(?:operation|surgery|"
    r"procedure|anaesthetic)|\bin anger\b|\binappropriately\b|\broughly\b|"
    r"\binitiat\w* (?:any )?(?:physical contact|touch\w*|hugs?|hugging|cuddles?)|"
    r"\b(?:except|other than|apart from|only)\b[^.;]{0,40}?\b(?:comfort|reassur|consol)|"
    r"\bhelp(?:s|ing)? (?:themselves|yourself|himself|herself) to\b|"
    r"without (?:being )?(?:offered|asked|invited)|"
    r"\b(?:if|when|where|unless|once|as long as|provided(?: that)?)(?<!even if)(?<!even when) "
    r"(?:the person|they|the child|the young person|the resident|the patient|the tenant|he|she|"
    r"someone) (?:[\w'’]+ ){0,2}?(?:want|wish|ask|request|initiat|welcom|consent|agree|choose|"
    r"chose|invit|seek|sought|is comfortable|are comfortable)\w*|"
    # alcohol is a narrower rule
    r"\bafter (?:drinking|consuming) alcohol|under the influence|been drinking|"
    r"gifts? of alcohol|\baccept\w* (?:any )?alcohol",
    re.IGNORECASE)
# A value limit makes a gift rule proportionate; "this excludes tea and coffee" does not.
CARVE_OUT = lazy(r"small tokens?|token gifts?|of (?:small|nominal|low) value|"
                 r"(?:under|below|up to|less than|more than|over|above|exceeding|in excess of) "
                 r"[£$€]\s?\d+", re.IGNORECASE)
# Anti-bribery and data-protection clauses forbid gifts or phone numbers for other reasons.
NOT_RELATIONAL = lazy(
    r"inducement|\bbrib|corrupt|conflicts? of interest|in connection with (?:the|this|any) "
    r"(?:contract|tender|procurement|award)|(?:officers?|employees?|members?|officials?) of "
    r"the (?:council|authority|buyer|customer|government|agency|department|state)|"
    r"to obtain or retain|\binduce|influence (?:the|any) (?:award|decision)|"
    r"public officials?|government (?:employees?|officials?)|bidders?|tenderers?|"
    r"evaluation panel|in (?:exchange|return) for|"
    r"business with the (?:council|authority|county|city|state)|"
    r"from (?:(?:a|any|the|our|potential|their|its|[\w-]+(?:'s|s'|’s)) )*(?:suppliers?|"
    r"contractors?|vendors?)|"
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
    r"(?:will |may |shall |can |could )?(?:be |being )?(?:\w+ and )?(?:withdrawn|terminated|ended|"
    r"stopped|suspended|ceased)", re.IGNORECASE)
# Refusing a worker for who they are, or being abusive, is a reason to act, not continuity.
ABUSE = lazy(r"racis|\brace\b|ethnic|colour|religio|discriminat|abus|harass|violen|threat|"
             r"aggress", re.IGNORECASE)
# Touch allowed only for tasks ("except when providing personal care") still forbids comfort.
TOUCH = lazy(r"hug|cuddl|physical (?:contact|affection)|touch|hold", re.IGNORECASE)
TOUCH_WORDS = ("touch", "hug", "cuddl", "physical", "hold")
TASK_ONLY = lazy(
    r"\b(?:unless|except|other than|apart from|beyond|save for|only (?:when|where|if|for|as|"
    r"during|to))\b[^.;]{0,70}?\b(?:personal care|intimate care|care tasks?|tasks?|duties|"
    r"moving and handling|manual handling|hoist\w*|wash\w*|dress\w*|bath\w*|shower\w*|mov\w*|"
    r"assist\w*|help\w* (?:them|the person|him|her|someone)|"
    r"toilet\w*|transfer\w*|first aid|emergenc(?:y|ies)|safety|safe|harm|injur\w*|"
    r"clinical|medical|treatment|procedures?|examinations?|necessary|needed|required|"
    r"care\b(?! ?plans?)|"
    r"essential|unavoidable)\b[^.;,]*", re.IGNORECASE)
# An exception that follows the person or their plan is not task-only.
PERSONAL_EXCEPTION = lazy(r"agree|plan\b|plans\b|want|wish|\bask|request|consent|choos|individual|"
                          r"assess|initiat|welcom|comfort|reassur|consol|distress|upset",
                          re.IGNORECASE)
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
        if text.endswith(":") and _marker(text) and not _proportionate(text):
            lead_in = block


def _prohibitions(ctx, block, in_list):
    """Blanket rules on relational things in one block (or list item under a lead-in)."""
    for start, end in block.sentences or ((0, len(block.text)),):
        sentence = block.text[start:end]
        lowered = sentence.lower()
        if not any(w in lowered for w in OBJECT_WORDS):
            continue
        marker = _marker(sentence) if any(w in lowered for w in MARKER_WORDS) else None
        touch_only = False
        if not marker and any(w in lowered for w in TOUCH_MARKER_WORDS) \
                and any(w in lowered for w in TOUCH_WORDS):
            marker = TOUCH_MARKER.search(sentence)
            touch_only = marker is not None
        if not marker and not in_list:
            continue
        if NOT_RELATIONAL.search(sentence):
            continue
        if _proportionate(sentence):
            if not _task_only_touch(sentence, lowered):
                continue
            touch_only = True
        obj = _object(sentence, marker)
        if obj is None or (touch_only and not TOUCH.search(obj.group())):
            continue
        # "off duty" alone reads better as what it forbids: contact 'off duty'
        message = ctx.rule.messages["time"] if TIME_OBJECT.fullmatch(obj.group()) else None
        severity = None
        if CARVE_OUT.search(block.text[start:]):
            severity, message = Severity.INFO, ctx.rule.messages["carved-out"]
        yield ctx.finding(block, start + obj.start(), start + obj.end(), severity=severity,
                          message=message)


def _task_only_touch(sentence, lowered):
    """Whether the only room a touch rule leaves is for tasks ("except for personal care")."""
    if not any(w in lowered for w in TOUCH_WORDS):
        return False
    exceptions = [m.group() for m in TASK_ONLY.finditer(sentence)]
    return bool(exceptions) and not any(PERSONAL_EXCEPTION.search(e) for e in exceptions) \
        and not _proportionate(TASK_ONLY.sub(" ", sentence))


def _proportionate(text):
    return PROPORTIONATE.search(text) is not None or MORE_REASONS.search(text) is not None


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
    if marker and marker.group().lower().endswith(("decline", "refuse", "turn down")):
        declined = DECLINED.match(sentence, start + 1)
        if declined:
            return declined
    after = next((m for m in _objects(sentence, start) if _in_context(m, sentence)), None)
    if after is not None or marker is None:
        return after
    before = [m for m in _objects(sentence)
              if m.start() < marker.end() and _in_context(m, sentence)]
    inside = [m for m in before if m.end() > marker.start()]
    if inside:
        return inside[0]
    if not before or marker.start() - before[-1].end() >= 60:
        return None
    return None if ";" in sentence[before[-1].end():marker.start()] else before[-1]


def _objects(sentence, start=0):
    """Relational objects from ``start`` in order; eating and outings (which count only in
    their context) are looked for only when the sentence has that context."""
    found = OBJECT.finditer(sentence, start)
    lowered = sentence.lower()
    extra = [pattern.finditer(sentence, start)
             for pattern, words, context in ((EAT_OBJECT, EAT_WORDS, IN_THEIR_HOME),
                                             (OUTING_OBJECT, OUTING_WORDS, LEISURE))
             if any(w in lowered for w in words) and context.search(sentence)]
    return heapq.merge(found, *extra, key=lambda m: m.start()) if extra else found


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
            message=ctx.rule.messages["continuity"])


def _sub_label(label):
    return bool(label) and (label.startswith("(") or label.endswith(")") or label[:1].isalpha())
