"""What a message says about the person and what they need, by plain rules.

Needs use the directory's vocabulary (services_directory/vocabulary.py), so routing
can use them as they are. Only what the person says of themselves counts: "my
husband" from a man, or "I'm gay", not a guess from a name or a place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from babel import Locale

from common.normalise import normalise

_ME = r"(?:i am|i m|am|as|being|im)(?: a| an)?"
# Countries and territories outside the UK, by their English names, as normalise()
# writes them ("St. Lucia" -> "st lucia").
_ABROAD = "|".join(sorted(
    {normalise(name) for code, name in Locale("en").territories.items()
     if code.isalpha() and code not in ("GB", "UK", "ZZ", "EU", "EZ", "UN")} - {""},
    key=len, reverse=True))

# need -> patterns over the normalised text
NEED_PATTERNS: dict[str, list[str]] = {
    "lgbt": [
        r"\b(?:gay|lesbian|bi|bisexual|trans|transgender|transman|transwoman|queer|non binary|"
        r"nonbinary|enby|lgbt\w*|same sex|pansexual|pan)\b",
        r"\b(?:we are|were|we re) (?:both|two) (?:women|girls|ladies|females|men|guys|blokes|lads|"
        r"males)\b",
        # Someone else's same-sex partner, as a friend tells it: "his boyfriend took his card".
        r"\bhis (?:new |ex )?(?:boyfriend|husband|fiance)\b|\bher (?:new |ex )?(?:girlfriend|wife|"
        r"fiancee)\b",
    ],
    "forced-marriage": [
        r"\bforc\w* (?:me |her |him )?(?:in)?to (?:marry|marriage|get married|wed)\b",
        r"\b(?:make|making|made|want|wants) (?:me|her|him) (?:to )?(?:marry|get married)\b",
        r"\b(?:want|wants|get|getting|have) (?:me|her) married\b|\bmarr(?:y|ied) (?:me|her) off\b",
        # Married as something done to her: "she's being married over the summer".
        r"\bbeing married (?:off|over|in|to|this|next|during|when|at|before)\b|\bmarried off\b",
        r"\bforced (?:marriage|marry|married|wedding)\b|\bmarry (?:a man|a woman|someone|"
        r"somebody|my cousin|a stranger)\b",
        r"\b(?:arranged|arranging) (?:a |my |her |his |their )?marriage\b",
        r"\bmarr(?:y|ied|iage) to (?:a |my |her |his |their )?cousin\b",
        # A marriage planned behind the person's back or on a trip abroad.
        r"\b(?:nikah|wedding|marriage|engagement|rishta)\b.*\b(?:without (?:my|her|his) "
        r"(?:knowing|consent|say)|overheard|secretly|behind (?:my|her|his) back)\b",
        r"\b(?:abroad|back home|on holiday)\b.*\b(?:nikah|get (?:me|her) married|get engaged)\b",
        r"\b(?:they|them|parents|family|mum|dad) (?:are |were |have been )?(?:planning|arranging) "
        r"(?:my|her|his|their) (?:nikah|wedding|marriage)\b",
        r"\b(?:nikah|wedding|marry|marriage|engaged|engagement|rishta)\b.*\b(?:never (?:even )?"
        r"met (?:him|her)|do not (?:even )?know (?:him|her))\b",
        r"\b(?:picked|chosen|chose|found|arranged|lined up)\b.*\b(?:marry|marriage|wedding|"
        r"husband|wife)\b|\bfor me to marry\b",
        r"\b(?:marry|marriage|wedding)\b.*\b(?:no say|no choice|against my will|have to|"
        r"dont want|do not want|not ready|without asking)\b",
    ],
    "honour-based-abuse": [
        r"\bhonou?r\b|\bizzat\b|\bshame (?:on|to) (?:the|my|our) (?:family|name)\b|"
        r"\bbrought shame\b|\bdishonou?r\w*\b|\bbringing shame\b",
        r"\b(?:sham\w*|disgrac\w*|embarrass\w*) (?:the|my|our|his|her) (?:family|name|parents)\b|"
        r"\b(?:family|familys) (?:name|reputation|respect)\b|"
        r"\bwhat (?:will )?people (?:will )?say\b",
        # Relatives threatening harm over who she sees or marries, either way round.
        r"\b(?:boyfriend|girlfriend|relationship|marry\w*|marriage)\b[^.?!]{0,60}\b(?:family|"
        r"uncles?|brothers?|father|dad|cousins?)\b[^.?!]{0,30}\b(?:kill|hurt|punish|disown)\w*\b|"
        r"\b(?:family|uncles?|brothers?|father|dad|cousins?)\b[^.?!]{0,40}\b(?:kill|hurt|punish|"
        r"disown)\w*\b[^.?!]{0,40}\b(?:boyfriend|girlfriend|relationship|marry\w*|marriage)\b",
    ],
    "fgm": [
        r"\bfgm\b|\bfemale genital\b|\bcircumcis\w*\b|\bcutting\b(?:\W+\w+){0,4}\W+(?:daughter|"
        r"girl|girls|sister|niece)\b|\b(?:get|have|be) (?:her|my daughter|my niece) cut\b",
        # Said the way families say it: "make her clean", a party where she "becomes a woman".
        r"\bmake (?:her|my daughter|my niece|them) (?:clean|pure)\b|"
        r"\b(?:party|ceremony|celebration)\b(?:\W+\w+){0,6}\W+becomes? a woman\b",
        # Done to a girl, in the family's words: "our girls need to be cleaned", "taken
        # back home for the ceremony" (not a wedding or a naming one).
        r"\b(?:daughters?|girls?|niece|nieces)\b (?:\w+ ){0,2}?(?:should|need|needs|must|will|"
        r"to|going to) (?:be |get )?(?:cleaned|cleansed|done|cut|purified)\b",
        r"\b(?:daughters?|girls?|niece|nieces)\b[^.?!]{0,80}\b(?<!wedding )(?<!marriage )"
        r"(?<!nikah )(?<!naming )(?<!graduation )ceremony\b",
    ],
    "stalking": [
        r"\bstalk\w*\b|\bfollow\w* me\b|\bturn\w* up (?:at|outside)\b|\bwatching (?:me|my)\b|"
        r"\btracker\b|\btracking (?:me|my)\b|\bwont leave me alone\b|\bwill not leave me alone\b|"
        r"\bharass\w*\b",
        # What stalking looks like when nobody names it: fixated, unwanted, repeated.
        r"\b(?:waiting|waits|waited|sat|sits|sitting|parked|parks|hanging about|hanging around|"
        r"standing|stands|stood) "
        r"(?:for me )?(?:outside|at the end of|across from|opposite) (?:my|the|our)\b|"
        r"\b(?:new|different|fake|withheld|private) (?:\w+ )?(?:numbers?|accounts?|profiles?)\b|"
        r"\b(?:sent|sends|sending|left|leaves|leaving) (?:\w+ )?(?:flowers|gifts|presents|cards?|"
        r"notes|letters|parcels) (?:to|at|on) (?:my|the)\b|"
        r"\bwait (?:as long as it takes|forever)\b|"
        r"\b(?:drives|driving|drove|walks|walking) past (?:my|the|our)\b|"
        r"\bleav\w* (?:stuff|things|notes|letters|gifts|presents|flowers|parcels) (?:on|at|"
        r"outside|by|for)\b",
    ],
    "image-based-abuse": [
        r"\bnudes?\b|\b(?:intimate|naked|nude|sexual|private) (?:images?|photos?|pictures?|pics|"
        r"videos?)\b|\brevenge porn\b|\bsextortion\b|\bshare (?:my|the) (?:photos|pictures|pics|"
        r"videos)\b",
        # Threats to send or post pictures: told by the act, not the word "intimate".
        r"\b(?:threat\w* to|going to|gonna|will|would|says he ll|says she ll) (?:\w+ ){0,2}?"
        r"(?:send|share|post|leak|upload|spread|show) (?:\w+ ){0,2}(?:videos?|photos?|"
        r"pictures?|pics|images?)\b",
        r"\b(?:pictures?|photos?|pics|videos?|images?) of me\b.*\b(?:group chat|private|naked|"
        r"nude|intimate|sexual|without my (?:consent|permission)|leaked|in bed)\b|"
        r"\b(?:group chat|private|naked|nude|intimate)\b.*\b(?:pictures?|photos?|pics|videos?) "
        r"of me\b",
    ],
    "economic-abuse": [
        r"\bmoney\b|\bfinanc\w*\b|\bdebts?\b|\bwages?\b|\bsalary\b|\bbenefits\b|\bbank\b|"
        r"\ballowance\b|\bcredit cards?\b|\bloans?\b|\bpension\b|\bpay ?check\b",
    ],
    "deaf": [r"\bdeaf\b|\bhard of hearing\b|\bbsl\b|\bsign language\b|\bhearing impaired\b"],
    "disabled": [
        r"\bdisabled\b|\bdisabilit\w*\b|\bwheelchair\b|\blearning difficult\w*\b|\bblind\b|"
        r"\bpartially sighted\b|\bmobility\b|\bautis\w*\b|\bmy carer\b|\bcares for me\b",
    ],
    "older-people": [
        r"\b(?:pensioner|elderly|oap|old age|retired|my grandson|my granddaughter|"
        r"grandchildren)\b",
        # Someone else's age: "my mum is 80", "my nan", "in her eighties".
        r"\b(?:my|our) (?:nan|nana|nanna|gran|granny|grandma|grandmother|grandad|grandpa|"
        r"grandfather)\b|\bin (?:her|his|their) (?:seventies|eighties|nineties|70s|80s|90s)\b",
        r"\b(?:mum|mom|mother|dad|father|she|he|gran|nan|aunt|uncle) (?:is|s) "
        r"(?:6[5-9]|[7-9]\d)\b|\b(?:6[5-9]|[7-9]\d) (?:year old|yr old|yo) (?:mum|mom|mother|"
        r"dad|father|woman|man|lady|gran|nan)\b",
        # Anyone's age of 65 and over, as a carer or a child tells it: "one of my ladies is
        # 88", "me dads 80"; not an amount ("is 80 quid").
        r"\b(?:is|s|aged|age|mums|moms|dads|nans|grans|grandads|grandmas|husbands|wifes) "
        r"(?:6[5-9]|[7-9]\d|10\d)\b(?! (?:times|quid|pounds|pence|percent|"
        r"grand|miles|minutes|mins|hours|days|weeks|months|stone|kg|k|calls|messages|texts))",
    ],
    "childhood-abuse": [
        r"\b(?:abused|molested|touched|raped|hurt) (?:me )?(?:as a (?:child|kid|boy|girl)|when i "
        r"was (?:a )?(?:child|kid|little|young|small|boy|girl|\d{1,2}))\b",
        r"\bchildhood (?:abuse|sexual abuse|trauma)\b|\babused as a (?:child|kid|boy|girl)\b|"
        r"\b(?:as a (?:child|kid)|when i was (?:a )?(?:child|kid|little))\b.*\b(?:abus\w*|"
        r"molest\w*|touch\w*|rap\w*|hurt\w*)\b",
        # An age span in childhood: "abused me from about 8 to 12".
        r"\b(?:abus\w*|molest\w*|touched|raped)\b(?:\W+\w+){0,8}\W+(?:from|since|"
        r"between) (?:about |around |age |the age of )?(?:[3-9]|1[0-5]) (?:to|till|until|and) "
        r"(?:[5-9]|1[0-7])\b",
        # What someone did to them in childhood, without naming it: "what my stepdad did to
        # me when i was little", "ma da did the same tae me when a wis wee".
        r"\b(?:did|done|used to do) (?:\w+ ){0,3}?(?:(?:to|tae) (?:me|us) )?(?:\w+ )?"
        r"when (?:i|a|we) (?:was|wis|were) (?:a |an |only )?(?:child|children|kid|kids|"
        r"little|young|small|wee|boy|girl|teenager|bairn|[3-9]|1[0-5])\b",
    ],
    "suicidal-crisis": [
        # The writer's own: "he says he's suicidal if i leave" is his threat, not her crisis.
        r"\bi (?:\w+ ){0,3}?(?:suicid\w*|self harm\w*)\b|\bkill(?:ing)? myself\b|"
        r"\bend (?:it all|my life)\b|\btake my (?:own )?life\b|"
        r"\b(?:do not|dont|not) want to (?:be here|live|wake up)\b(?! with)|"
        r"\bbetter off (?:dead|without me)\b|"
        # A place to end it, waited at or watched: "ive been sat in the car looking at the
        # bridge for an hour", "im standing on the bridge".
        r"\b(?:i|im|ive)\b(?:\W+\w+){0,3}?\W+(?:sat|sitting|stood|standing)\b[^.?!]{0,40}"
        r"\b(?:at|on|by|over) the (?:bridge|edge|tracks|railway line|cliff)\b|"
        r"\b(?:staring|looking) (?:at|over) the (?:bridge|edge|tracks|railway line|cliff) for "
        r"(?:an?|\d+|hours|ages)\b",
    ],
    "legal": [
        r"\binjunction\b|\bnon molestation\b|\boccupation order\b|\bcourt\b|\bsolicitor\b|"
        r"\blegal\b|\blawyer\b|\bcustody\b|\bdivorce\b|\bprotect(?:ion|ive) order\b",
        # The criminal side and the family court, by what they are called: bail, parole,
        # a DVPN or a non-mol; children taken off her; debts he forged in her name.
        r"\bcourts?\b|\bbail\b|\bparole\b|\bprobation\b|\bnon mol\b|\bdvp[no]s?\b|"
        r"\brestraining order\b|\bvictim contact\b|\bprosecut\w*\b|\bchild arrangements?\b|"
        r"\bparental responsibility\b|\bmy rights\b|\bforg(?:ed|ery|ing)\b|"
        r"\btake (?:the |my |our )?(?:kids|children|child|baby|son|daughter) (?:off|from|away "
        r"from) me\b|\b(?:liable|legally responsible) for\b|\bwritten off\b",
    ],
    "housing": [
        r"\bhousing\b|\bhomeless\w*\b|\bsomewhere (?:to live|to stay|safe to stay)\b|\bevict\w*\b|"
        r"\btenancy\b|\blandlord\b|\bcouncil (?:house|flat)\b|\bplace to (?:live|stay)\b|"
        r"\bmove out\b|\bmoving out\b|\bnowhere to (?:go|live|stay)\b|\brehous\w*\b",
    ],
    "refuge": [r"\brefuges?\b|\bshelter\b|\bsafe house\b"],
    "sexual-violence": [
        r"\brap(?:e|ed|es|ing)\b|\bsexual(?:ly)? assault\w*\b|\bforc\w* (?:me )?(?:to have|into) "
        r"sex\b|\bsex (?:when i|without)\b|\bmake me have sex\b|\bsexual abuse\b",
    ],
    "migrant-women": [
        r"\bvisa\b|\bimmigration\b|\bdeport\w*\b|\bno recourse\b|\basylum\b|\bleave to remain\b|"
        r"\bhome office\b|\bmy status\b|\bresidence permit\b|\bsettled status\b",
        # "i came from bangladesh 2 year ago": arrived from another country (Babel's names).
        rf"\b(?:i|we) (?:came|come|moved|arrived) (?:here |over |to (?:the )?uk |to england |"
        rf"to britain |to wales |to scotland )?from (?:{_ABROAD})\b",
    ],
    "black-minoritised": [
        rf"\b{_ME} (?:black|asian|south asian|african|caribbean|bame|bme|minority|"
        r"ethnic minority)\b",
        # Asking for a service of their own community: "run by black women", "black-led".
        r"\b(?:run by|led by|for) (?:black|asian|south asian|african|caribbean|bme|bame|"
        r"minoritised)\b|\b(?:black|asian|bme|bame|minoritised) (?:led|run|women s|womens)\b",
    ],
    # Naming the faith is enough: the specialist services are for that community.
    # The writer's own faith or community, not a neighbour's.
    "jewish": [rf"\b{_ME} jewish\b|\b(?:we are|were|we re) (?:\w+ )?jewish\b|"
               r"\bjewish (?:\w+ ){0,2}?(?:community|family|woman|man|wife|husband|girl|home|"
               r"marriage)\b|\bsynagogue\b|\brabbi\b|\bbeth din\b|\bagunah\b|\bfrum\b|"
               r"\bgive me (?:a|the) get\b|\bthe get\b(?= (?:from|refused))|"
               r"\bjewish (?:charity|service|organisation|helpline|support|counsellor)\b"],
    "muslim": [rf"\b{_ME} (?:a )?muslim\b|\b(?:we are|were|we re) (?:\w+ )?muslim\b|"
               r"\bmuslim (?:\w+ ){0,2}?(?:community|family|woman|man|wife|husband|girl|home|"
               r"marriage)\b|\bislam\w*\b|\bmosque\b|\bimam\b|\bquran\b|\bkoran\b|"
               r"\bsharia\b|\bnikah\b|"
               r"\bmuslim (?:charity|service|organisation|helpline|support|counsellor)\b"],
    # A child being harmed now, not only living with it: "hes hitting my son right now".
    "children-young-people": [
        r"\b(?:hit|hits|hitting|hurt|hurts|hurting|beat|beats|beating|kick\w*|punch\w*|"
        r"smack\w*|slap\w*|strangl\w*|chok\w*|touch\w*|abus\w*) (?:my|our|the|her|his) "
        r"(?:little |baby |eldest |youngest |oldest |\d{1,2} year old )?(?:son|sons|daughter|"
        r"daughters|kids|children|child|baby|boy|girl|toddler|little ones)\b",
    ],
    "christian": [rf"\b{_ME} (?:a )?christian\b|\bchurch\b|\bpastor\b|\bvicar\b|\bpriest\b"],
}

_MAN = [rf"\b{_ME} (?:\w+ )?(?:man|male|guy|bloke|lad|dad|father|husband|boy|fella)\b",
        r"^(?!(?:my|ma|her|his|your|our|the|a) )(?:\w+ )?(?:guy|man|bloke|lad|fella|male)\b",
        r"\b(?:blokes|men|guys|lads|males) (?:do not |dont |can not |cant |can |do )?get "
        r"(?:abused|hit|beaten|battered)\b",
        r"\b(?:gay|bi|bisexual|trans|straight) (?:guy|man|bloke|lad|male|fella)\b",
        r"\b(?:male victim|men get abused|as a bloke|as a guy|as a man)\b",
        r"\b(?:we are|were|we re) (?:both|two) (?:men|guys|blokes|lads|males)\b",
        # "can a man get an occupation order against his wife": asking for himself.
        r"^(?:\w+ )?(?:can|do|does|will|could) (?:a )?(?:man|men|guy|bloke)s? (?:get|have|apply|"
        r"be|ask)\b"]
_WOMAN = [rf"\b{_ME} (?:\w+ )?(?:woman|female|girl|mum|mother|wife|lady)\b",
          r"\b(?:gay|bi|bisexual|trans|lesbian) (?:woman|girl|female|lady)\b",
          r"\bas a woman\b", rf"\b{_ME} lesbian\b",
          r"\b(?:we are|were|we re) (?:both|two) (?:women|girls|ladies|females)\b"]
# Forum shorthand at the start of a message: "24m, ...", "f32 here", "(m) ...". Read on the
# raw text: normalising drops letters like ą, so Polish "mąż" would look like "m".
# A lone letter counts only as "(m)" or "m here": "m not sure", "F my life" are not genders.
_SHORTHAND = re.compile(
    r"^\W*(?:\d{2}(?P<a>[mf])|(?P<b>[mf])\d{2}|\((?P<c>[mf])\)|(?P<d>[mf]) here\b)"
    r"(?=[\s,.;:!)/-]|$)"
)
# A partner word, to tell same-sex relationships from what the person says they are.
_MALE_PARTNER = (r"\bmy (?:boyfriend|husband|bf|fiance|male partner|fella|feller|hubby)\b|"
                 r"\bmy partner (?:he|him)\b")
_FEMALE_PARTNER = (r"\bmy (?:girlfriend|wife|gf|fiancee|female partner)\b|"
                   r"\bmy partner (?:she|her)\b")
# "im 16", "aged 17", and for a young writer with a friend, "were both 16".
_AGE = re.compile(r"\b(?:i am|im|aged|age|(?:we are|were|we re) both)(?: only)? (\d{1,3})"
                  r"(?: years? old| yo| yrs)?\b")
# Someone else's age, only when young: "she's 16", "a pupil in year 11, 16,", "my
# daughter 17". An adult's age said of someone else is often the abuser's ("he's 45").
_YOUNG_OTHER = re.compile(
    r"\b(?:(?:she|he) is(?: only| just)?|(?:pupil|student|girl|boy|daughter|son|sister|"
    r"brother|niece|nephew|client|patient|cousin|friend|mate)(?: in year \d{1,2})?(?: is)?) "
    r"(1[0-7])(?: years? old| yo)?\b(?! (?:weeks|months|days|minutes|mins|hours|stone|foot|"
    r"feet|times|quid|pounds|percent|grand|miles))"
)
_CHILDREN = re.compile(
    r"\b(?:my|our|the|have|got|with) (?:\w+ )?(?:kids|children|child|baby|son|daughter|"
    r"toddler|little ones)\b|\bpregnant\b"
)


@dataclass
class Profile:
    needs: list[str] = field(default_factory=list)
    gender: str | None = None  # "women" | "men", the directory's words
    age: int | None = None
    children: bool = False
    partner_gender: str | None = None  # of a partner the writer names as theirs


def read_profile(text: str) -> Profile:
    words = normalise(text)
    profile = Profile()
    for need, patterns in NEED_PATTERNS.items():
        if any(re.search(p, words) for p in patterns):
            profile.needs.append(need)
    shorthand = _SHORTHAND.match(text.strip().lower())
    letter = shorthand and next((g for g in shorthand.groups() if g), None)
    if letter == "m" or any(re.search(p, words) for p in _MAN):
        profile.gender = "men"
    elif letter == "f" or any(re.search(p, words) for p in _WOMAN):
        profile.gender = "women"
    if profile.gender == "men":
        profile.needs.append("male-victims")
        if re.search(_MALE_PARTNER, words) and "lgbt" not in profile.needs:
            profile.needs.append("lgbt")
    if (profile.gender == "women" and re.search(_FEMALE_PARTNER, words)
            and "lgbt" not in profile.needs):
        profile.needs.append("lgbt")
    if re.search(_MALE_PARTNER, words):
        profile.partner_gender = "men"
    elif re.search(_FEMALE_PARTNER, words):
        profile.partner_gender = "women"
    age = _AGE.search(words) or _YOUNG_OTHER.search(words)
    if age and 10 <= int(age.group(1)) <= 110:
        profile.age = int(age.group(1))
        if profile.age >= 60 and "older-people" not in profile.needs:
            profile.needs.append("older-people")
        if profile.age < 18 and "children-young-people" not in profile.needs:
            profile.needs.append("children-young-people")
    profile.children = bool(_CHILDREN.search(words))
    return profile
