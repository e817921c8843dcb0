"""The deterministic safety net: plain phrasings of danger that must never be missed.

Urgent means the person may be at risk of serious harm now or very soon, or tells of
a high-risk sign: strangulation or choking (even in the past), threats to kill, a
weapon, being trapped or held, serious injury, someone unconscious or not breathing, a
fresh injury (it has just happened, or it is the middle of the night and they are still
there), the abuser arriving or outside, a child in danger, pregnancy with violence,
suicidal thoughts.

Each sign is a family of patterns over the normalised text (common/normalise.py),
written from that definition, with common misspellings folded into the patterns.
The model (DIET) catches what the rules do not; the rules catch what the model may
miss. A calm message ("he reads all my messages") must not match: every pattern
needs the dangerous element itself, not just an abuser or a feeling.

The patterns read the whole message. The calm readings at the end (a habit, a date to
come, a winter nosebleed) are judged on the sentence the match is in, and anything in
the whole message that says someone did harm keeps the alarm, so one calm sentence of
a long post never cancels danger told in another.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from common.normalise import normalise

# Someone who could be the danger (or the person themselves, for some signs).
_PERSON = (
    r"(?:he|she|they|him|her|them|husband|wife|partner|boyfriend|girlfriend|ex|fiance|"
    r"dad|father|mum|mother|son|daughter|brother|sister|uncle|cousin|stepdad|carer|"
    r"in law|family|someone|somebody|man|guy)"
)
# Not the cutlery at a dinner ("the wrong knife", "knife and fork").
_KNIFE = (
    r"(?<!wrong )(?<!butter )(?<!cutlery )"
    r"(?:knife|knives|knif|nife|kinfe|knive|blade|machete|stanley)(?! and fork)"
)
_WEAPON = (
    rf"(?:{_KNIFE}|gun|guns|shotgun|rifle|pistol|firearm|axe|hammer|baseball bat|bat|"
    r"crowbar|scissors|screwdriver|acid|petrol|lighter fluid|taser|crossbow|sword|"
    r"broken bottle|bottle|iron bar|metal bar|pole|poker|hurley|golf club|weapon|weapons|"
    r"cleaver|chisel|hatchet|(?<=\ba )saw|(?<=\bthe )saw|(?<=\bhis )saw|drill|spanner|wrench|brick|"
    r"chain|(?<=\bwith a )club|cosh|"
    r"nail gun|bolt cutters|hot iron|kettle|boiling water)"
)
_HOLDING = (
    r"(?:has|have|got|gets|getting|holding|holds|held|grab|grabbed|grabbing|pulled|pulls|"
    r"pulling|waving|waved|pointing|pointed|pointin|came at|coming at|come at|swung|swinging|"
    r"got out|getting out|gets out|sharpening|sharpened|holds up|held up|"
    r"threaten|threatened|threatening|threatens|picked up|picking up|brandish|with a|with "
    r"the|with his|with her|took out|taken out|keeps a|carrying|carries|hid|hiding a)"
)
_CHILD = (
    r"(?:baby|babies|babys|kids|kid|children|child|son|daughter|little one|toddler|newborn|"
    r"weans|bairns|my boy|my girl|our boy|our girl|little boy|little girl|"
    r"\d+ (?:year|yr|yo|month) old|\d+ (?:year|yr)s? old|\d+yo)"
)
# (Not "he has never been violent", "he is not violent", "a panic attack".)
_VIOLENCE = (
    r"(?<!not )(?<!never )(?<!never been )(?<!heart )(?<!panic )(?<!asthma )(?<!anxiety )"
    r"(?:hit|hits|hitting|kick|kicked|kicking|kicks|punch|punched|punching|push|pushed|"
    r"shoved|beat|beats|beating|beaten|attack|attacked|attacking|hurt|hurts|hurting|"
    r"threw|thrown|slap|slapped|stamped|violent|violence|strangl\w*|chok\w*|assault\w*|"
    r"shaking|shook|dragged|dragging|sat on|stood on|bit|bitten|twisted|battering|battered|"
    r"bruises|bruised|smack\w*|whack\w*|headbutt\w*|yanked|yanking|flung|dangled|dangling|"
    r"shove|shoving|hurled|threw me|thrown me|landed on|went flying|elbowed|stamping|"
    r"laid into|lay into|laying into|went for me|goes for me|booted|kneed|kneeing|stomped|"
    r"stomping|jumped on me|jumped on her)"
)

# Pregnant, as people say it. Not "expecting a call", "expecting him to kick off",
# "bump into him", "i am 3 months behind on the rent".
_PREGNANT = (
    r"(?:pregnant|pregnancy|preggers|preggo|preggy|preggie|prego|up the duff|knocked up|unborn|"
    r"twins|weeks gone|months gone|carrying (?:his|a|the|our|my) (?:baby|child|bairn)|"
    r"expecting(?! (?:a (?!baby|child|little)|an |the |to |that |him|her|them|it|you|me|us|"
    r"any|some|more|much|too|nothing|everything|something|anything|this|what|people|my "
    r"(?!first|second|third|baby|child|\w+ baby)|his (?!baby|child)|visitors|guests|company|"
    r"post|parcel|delivery|call|letter|news|money|trouble|rain|snow|bad|better|worse))|"
    r"(?<!fist )(?<!speed )(?<!little )bump(?! into| in to| in the road| on (?:my|the|his|her) "
    r"head)|"
    r"(?:i am|she is|shes|were|we are|me being|while i was|when i was|and i am|and im) "
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|\d+ and a half) (?:months|weeks)"
    r"(?! (?:late|behind|into|in|out|clean|sober|free|off|away|since|ago|now|old|on|post|"
    r"after|from|of|with|without|at|till|until|before|left|to go))|"
    r"\d+ (?:weeks|months) (?:pregnant|gone|along))"
)

# A wound that shows: a split lip, an eye swelling shut, a lump on the head.
_WOUND = (
    r"(?:(?:split|busted|bust|burst|fat|cut) (?:my |her |open my |open her )?lip|lip (?:is |was "
    r"|has )?(?:split|busted|bust|burst|bleeding|swollen|cut|all swollen)|black eye|"
    r"eyes? (?:is |are |has |have )?(?:swelling|swollen|swelled|closing|closed) (?:up )?shut|"
    r"can not open my eye|"
    r"(?:lump|egg|bump|gash|cut) (?:on|in) (?:my|her|the back of my|the side of my) head|"
    r"(?:teeth|tooth) (?:is |are |feel |feels )?(?:loose|wobbly|chipped|knocked)|"
    r"(?:nose|mouth|lip|ear|head) (?:is |was )?(?:still )?(?:bleeding|pouring)|"
    r"(?:ears?|head) (?:is |are |still |keeps )*ringing|"
    r"(?:face|cheek|eye|jaw) (?:is |has |was )?(?:all |really |so )?(?:swollen|swelling|puffed up|"
    r"throbbing))"
)
# It has just happened, or it is the dead of night and they are still in the house.
_FRESH = (
    r"(?:just happened|just now|happened (?:tonight|just now|an hour ago)|(?:few |\d+ |ten |five |"
    r"twenty |a few )?(?:minutes?|mins?) ago|(?:an|half an|an hour or so|a couple of) hours? ago|"
    r"\d+ hours? ago|tonight|still (?:bleeding|pouring|swelling|ringing|shaking)|"
    r"(?:will not|wont|not) stop(?:ped)? bleeding|"
    r"\d{1,2} ?am(?! (?:tomorrow|on|every|each|shift|start|finish))|"
    r"\d{1,2} in the morning|middle of the night|dead of night|"
    r"(?:he|she|they) (?:is |are |has |have |just )?(?:asleep|sleeping|snoring|passed out|"
    r"crashed out|gone to bed|in bed|gone to sleep|fell asleep)\b(?:\W+\w+){0,3}\W+(?:next|other|"
    r"front|back|spare) room|(?:asleep|sleeping|snoring|passed out) (?:upstairs|downstairs|"
    r"next door|in the next room|in the other room|on the sofa|on the couch))"
)

# Up to ten words between the injury and "tonight", none of them putting it in the past
# ("he hit me years ago and tonight I told my mum").
_NOT_LONG_AGO = (r"(?:\W+(?!(?:ago|years?|once|before|used|last|when|back in|in \d{4})\b)\w+)"
                 r"{0,10}?")

SIGNS: dict[str, list[str]] = {
    "weapon": [
        # Knives, blades and guns are a high-risk sign wherever they appear in a disclosure.
        rf"\b(?:{_KNIFE}|gun|guns|shotgun|rifle|pistol|firearm|crossbow|sword|taser)\b",
        rf"\b{_HOLDING}\b(?:\W+\w+){{0,4}}?\W+{_WEAPON}\b",
        r"\b(?:hit|hits|hitting|beat|beating|attacked|attacking|threw|throwing|came at|burn\w*|"
        r"hurt|hurting|smashed|smacked|whacked) (?:me|her|him|us) with\b",
        r"\b(?:lighter|flame|match|cigarette|iron|kettle|boiling water)\b(?:\W+\w+){0,2}\W+"
        r"(?:to|on|at|over) (?:my|her|his) (?:hair|face|skin|arm|body|head)\b",
        rf"\b{_WEAPON}\b(?:\W+\w+){{0,4}}?\W+(?:at|to|against|on) (?:me|my|her|his|us|the kids)\b",
        r"\b(?:knife|knives|blade)\b(?:\W+\w+){0,2}\W+(?:to|at|against) (?:me|my|her|his|us)\b",
        r"\b(?:stab|stabbed|stabbing|stabbin|shoot|shot at|shooting|slash\w*)\b"
        r"(?! (?:off|games?|the breeze|a video|a film))",
        r"\b(?:cut|cutting) (?:me|her)\b(?! off)",
    ],
    "strangulation": [
        # Not "choked on his tea", "nearly choked when I saw the bill", "feel strangled by".
        r"(?<!feel )(?<!feels )(?<!felt )(?<!nearly )(?<!almost )"
        r"\b(?:strangl\w*|strangul\w*|stangl\w*|strangel\w*|throttl\w*|choke|choked|chokes|"
        r"choking|choaked|chocked|chokin|smother\w*)\b(?! (?:on|up|laughing|back)\b)",
        r"\b(?:nearly|almost) (?:strangl\w*|chok\w*|smother\w*|suffocat\w*) (?:me|her|him|us|"
        r"to death)\b|\b(?:strangl\w*|chok\w*|smother\w*|suffocat\w*) to death\b",
        # Done to them: "I was strangled", "got choked" (not "I was so choked up").
        r"\b(?:was|got|been|being|get) (?:strangled|choked|throttled|smothered|suffocated)\b"
        r"(?! up\b(?! against))",
        # "It feels suffocating" is how control feels; "he suffocated me" is not a metaphor.
        r"(?<!feels )(?<!feel )(?<!felt )(?<!so )(?<!it is )(?<!its )(?<!bit )\bsuffocat\w*\b",
        r"\b(?:hands?|thumbs?|fingers|forearm|arm|arms|elbow|knee|knees|foot|boot|shin|belt|rope|"
        r"cord|scarf|lead|cable|wire|tie|strap|towel|charger)\b(?:\W+\w+){0,3}\W+(?:round|around|"
        r"on|over|against|into|across) (?:my|her|his|the) (?:neck|throat)\b",
        r"\binto (?:my|her|his) (?:throat|windpipe)\b|"
        r"\bthumbs? in (?:my|her|his) (?:throat|neck)\b",
        # What it left: marks on the neck, a voice gone hoarse, swallowing that hurts.
        r"\b(?:marks?|bruises?|bruising|finger ?marks|fingerprints|hand ?prints?|scratches|welts)\b"
        r"(?:\W+\w+){0,2}\W+(?:round|around|on|across|down|all over) "
        r"(?:my|her|his|the (?:front|side|back) of my) (?:neck|throat)\b",
        r"\b(?:my|her|his) (?:neck|throat)\b(?:\W+\w+){0,3}\W+(?:bruises|bruising|bruised|"
        r"finger ?marks|marks|purple|black and blue)\b",
        rf"^(?=.*(?:\b{_VIOLENCE}\b|\b(?:grab\w*|squeez\w*|pinned|pressed|throat|neck)\b)).*"
        r"\b(?:voice\b(?:\W+\w+){0,3}\W+(?:hoarse|croaky|raspy|gone|funny|strange|weird)|hoarse|"
        r"croaky|(?:hurts|painful|agony|can not|could not|struggling|struggle|hard) "
        r"(?:\w+ )?(?:to )?swallow\w*)\b",
        r"\b(?:across|on|against|round|around|at) (?:my|her|his) (?:throat|neck|windpipe)\b",
        r"\bmarks? (?:round|around|on) (?:my|her|his) (?:neck|throat)\b",
        r"\b(?:by|grabbed|squeez\w*|squeezing|pressed|pinned|crush\w*|clamp\w*|grip\w*|clutch\w*|"
        r"lifted|dug)\b(?:\W+\w+){0,3}\W+(?:my|her|the) (?:neck|throat)\b",
        r"\b(?:pillow|hand|hands|bag|cushion)\b(?:\W+\w+){0,2}\W+over (?:my|her|his) "
        r"(?:face|mouth|head)\b",
        r"\b(?:drown|drowned|drowning|held me under|head under (?:the )?water)\b",
        # Not "i can't breathe in that house": a home that feels airless, not a hand on the throat.
        r"\b(?:could not|can not|couldnt) breathe\b(?! (?:in|at) (?:that|this|the|my|our|his|her) "
        r"(?:house|home|flat|place|marriage|relationship|family)\b)",
        r"\bwindpipe\b|\bwent limp\b|\beverything went (?:fuzzy|black|dark|white|grey)\b|"
        r"\bsaw stars\b|\bpassed out\b",
        r"\b(?:get|getting|got|no|any) (?:any )?air\b",
        r"\b(?:covered|held|clamped|put|pressed)\b(?:\W+\w+){0,3}\W+(?:nose|mouth|face)\b",
        r"\b(?:sat|sits|sitting|knelt|kneeling|kneels|lay|lying) on (?:my|her|his) (?:chest|neck|"
        r"throat|face)\b",
    ],
    "threat_to_kill": [
        r"\b(?:kill|murder|murdered|kil|kll)\b (?:me|her|us|you|them|the kids|my kids|the "
        r"children|my children|the baby|my mum|my family|himself|herself|everyone|us all)\b",
        r"\b(?:going to|will|would|gonna|wants to|want to|trying to|tried to|try to|threat\w* "
        r"to|promised to|swore to|swears to|said he|said she|says he|says she)\b(?:\W+\w+){0,3}"
        r"\W+(?:kill|murder|end)\b(?! up (?:in a home|on my own|alone|with nothing|homeless|"
        r"broke|skint|on the streets|in debt|like)\b)",
        r"\bend up (?:dead|killing|in a ditch|in a box|in hospital|in the river|in the canal)\b",
        r"\b(?:wants|want) (?:me|her|us) dead\b|\bi (?:will|would) be dead\b|\bend up dead\b",
        r"\b(?:burn|burned|set fire to|torch) (?:the|my|our) (?:house|flat|home|car)\b",
        r"\b(?:set|pour\w*|threw|throw) (?:fire|petrol)\b",
        r"\bdead by (?:morning|tomorrow|tonight)\b|\bnot (?:make it|survive)\b",
        r"\b(?:six|6) (?:foot|feet) under\b|\bbury (?:me|her|you|us)\b|\b(?:in|into) (?:a|the|my) "
        r"(?:coffin|box|grave|ground)\b",
        r"\bnever wake up\b|\bsay (?:your|ur|my|her) (?:goodbyes|prayers)\b|\bsay goodbye to\b",
        r"\b(?:do|doing|serve) (?:life|time|a life sentence) (?:for|over) (?:me|you|her|us)\b",
        r"\b(?:i am|you are|youre|she is|we are|im) dead (?:when|if|once|after|by)\b",
        r"\b(?:see|want|wants|wanted|have|rather see) (?:me|her|us|you) dead\b",
        r"\b(?:find|found|finding) (?:my|your|her|our) (?:body|bodies)\b",
        r"\b(?:will not|wont|not going to|never) (?:see|make it to|live to see) (?:christmas|xmas|"
        r"tomorrow|morning|the morning|your birthday|the weekend|next week|another day)\b",
        r"\bpoison\w*\b",
        r"\b(?:on fire|set fire|burn) (?:with|while) (?:me|us|her|the kids) in\b|\bon fire\b",
        r"\b(?:deal with|sort|sort out|finish|get rid of) (?:me|her|you|us)\b(?:\W+\w+){0,3}"
        r"\W*(?:for good|properly|once and for all)?",
        r"\b(?:getting it|get it|going to get it|gonna get it|in for it) (?:when|tonight|later|"
        r"once)\b",
        r"\btonights? (?:the night|is the night)\b|\bsomething bad (?:is going to|will|is gonna) "
        r"happen\b|\bi (?:am|think i am|will be) next\b",
        # Threats to kill said sideways: disappearing, accidents, graves, ending up like another.
        r"\b(?:i|me|you|she|her|women|woman|people|wives|girls|wife|someone)\b(?:\W+\w+){0,2}"
        r"\W+(?:go|goes|going|went|gone) missing\b|\b(?:no one|nobody|noone) (?:would|will|will "
        r"ever|would ever|is going to) (?:find|miss|look for|notice|know)\b",
        r"\blook like (?:an|a) (?:accident|suicide)\b|\b(?:will|going to|gonna|could|might|"
        r"would|can) (?:easily )?(?:have|has) (?:an|a little|a nasty) accident\b|"
        r"\b(?:your|ur) (?:funeral|grave)\b|\b(?:plan\w*|pick\w*|chose|choose|chosen|dig|digging|"
        r"dug) (?:my|her) (?:funeral|grave)\b|\bend up like (?:his|her|the) (?:ex|last|first|"
        r"previous|other)\b",
        r"\b(?:where|place) (?:he|she|they) (?:would|will|is going to|was going to|d) (?:put|bury|"
        r"dump|leave) (?:me|her|my body|you)\b|\bsay goodbye\b",
        r"\b(?:dealt with|taken care of|sorted out) (?:like|same as|the way)\b",
    ],
    "trapped": [
        r"\b(?:locked|lock|locking|locks|barricad\w*|boarded) (?:me|myself|us|her|himself)?\W*"
        r"(?:in|inside|into|out of)?\b(?:\W+\w+){0,3}\W+(?:room|bedroom|bathroom|toilet|house|"
        r"flat|home|cupboard|wardrobe|car|shed|loft|basement|cellar|garage)\b",
        r"\b(?:barricad\w*)\b|\blocked (?:herself|himself|themselves|ourselves) in\b",
        # Told they are not leaving: "says i'm going nowhere tonight" (and as said up north).
        r"\b(?:says|said|told me|tells me|telling me)\b(?:\W+\w+){0,2}?\W+(?:i am|am|we are|"
        r"you are) (?:going|goin|gannin) (?:nowhere|naewhere|no where)\b",
        r"\blocked (?:all )?(?:the|every|all the) (?:doors?|windows?)\b|\blocked (?:her|him|them|"
        r"me|us) in\b|(?<!not )\blocked in\b",
        r"\b(?:wedged|jammed|blocked|nailed|bolted|screwed) (?:the )?(?:door|doors|window)\b|"
        r"\bagainst the door\b|\bdoor shut from\b",
        r"\bstuck in (?:the|my|a|his|her) (?:room|bedroom|bathroom|house|flat|car|cupboard)\b",
        r"\b(?:being|been) held\b|\bkeeping me (?:here|in|prisoner)\b|(?<!like a )\bprisoner\b",
        r"\b(?:shut|shuts|locks|locking)\b(?:\W+\w+){0,2}\W+(?:in|inside)"
        r" (?:the|a|my|his|her|this|our)?\s?(?:\w+ )?(?:room|bedroom|house|flat|cupboard|car|"
        r"shed|loft|cellar|basement)\b",
        r"\blocked\b(?:\W+\w+){0,5}\W+(?:me|us|her) in\b|\bshut in\b|\bpadlock\w*\b",
        r"\b(?:will not|wont|not) unlock\b|\bonly (?:door )?key\b",
        r"\b(?:windows?|doors?) (?:shut|locked|nailed|screwed|bolted)\b|\b(?:screwed|nailed) "
        r"(?:the )?(?:windows?|doors?)\b",
        r"\bnot (?:been|allowed|let) (?:out|outside)\b(?:\W+\w+){0,2}\W+(?:in|for|since)\b",
        r"\b(?:does not|doesnt|do not) know (?:where i am|i am (?:here|texting|on|messaging))\b",
        r"\b(?:taken|took|hidden|hid|removed) (?:away )?(?:my|her) (?:wheelchair|crutches|"
        r"walking frame|frame|walking stick|stick|scooter|hearing aid)\b",
        # "won't let me out without him" is control, not being held.
        r"\b(?:will not|wont|not) (?:let|letting) (?:me|us|her)\b(?:\W+\w+){0,2}\W+(?:leave|out|"
        r"get out|escape)\b(?!(?:\W+(?:the|of|front|back|door|house|flat|home)){0,3}\W+(?:"
        r"without|unless|on (?:my|her|our) own|by (?:myself|herself)|alone)\b)",
        r"(?<!feel )(?<!feels )(?<!felt )(?<!feeling )"
        r"\b(?:trapped(?! in (?:this|the|my|a|our) (?:marriage|relationship))|held hostage|"
        r"hostage|held captive|(?<!is that )(?<!is it )(?<!\bbe )(?<!\bas )(?<!\bof )kidnap\w*|"
        r"tied me|tied up(?! in knots)|tied my|"
        r"holding me|held me down|pinned me|pinning me)\b",
        # Not "can't get out the flat without him": depending on a carer, not being held.
        r"\b(?:can not|could not|no way to) (?:get|getting) out\b(?! of bed)"
        r"(?!(?:\W+\w+){0,3}?\W+without\b)|\bcan not escape\b",
        r"\b(?:i am|im|we are|were|currently|still) hiding\b|\bhiding (?:in|under|behind|from)\b",
        r"\btook (?:my|all my|the) (?:keys|phone)\b(?:\W+\w+){0,4}\W+(?:leave|out|locked|go)\b",
        # The means to leave or to call for help taken away, so they cannot get out.
        r"\b(?:took|taken|takes|hid|hidden|removed|smashed|broke|disconnected|cut off)\b.*\b"
        r"(?:keys|car keys|phone|wheelchair|batteries|charger|sim|router|wifi|crutches|frame)\b.*\b"
        r"(?:can not|no way to|unable to) (?:go|get|leave|call|ring|move|phone|text)\b",
        r"\b(?:stuck|stranded)\b.*\b(?:no signal|no phone|no car|no keys|miles from|middle of "
        r"nowhere)\b",
    ],
    "serious_injury": [
        r"\b(?:bleeding|bleedin|blood everywhere|covered in blood|lot of blood|losing blood|"
        r"pouring with blood|soaked in blood|bled (?:all over|through|everywhere|for))\b"
        r"(?! (?:me|us|him|her|them|you) dry| hearts?\b)",
        r"(?<!bad )(?<!cold )(?<!new )(?<!first )\bblood\b(?! pressure| tests?| sugar| type| "
        r"donor| relatives?| relation| work| results| bank| donation| is thicker| line| brothers?| "
        r"sisters?| money)",
        r"\b(?:is|are|feels|think it is|think its) (?:broken|fractured|dislocated)\b",
        r"\b(?:ribs?|jaw|nose|wrist|arm|leg|ankle|cheek|eye|skull|fingers?|teeth|tooth)\b"
        r"(?:\W+\w+){0,3}\W+(?:cracked|broken|wonky|swollen|purple|huge|dislocated|hanging|"
        r"bent|crooked|split|busted|caved)\b",
        r"\blost (?:\w+ )?(?:teeth|tooth)\b|\bhurts? (?:every time|when) i (?:breathe|move)\b",
        r"\b(?:can not|could not) (?:bend|open|close|lift|feel) my\b",
        # Not the workplace of a nurse or doctor asking how to refer.
        r"\b(?:stitches|gash|deep cut|a and e|a&e|casualty|ambulance)\b(?! (?:nurse|doctor|"
        r"consultant|staff|department|team|idva|social worker|receptionist))",
        # Nor "a nurse at a hospital": "a hospital" and working there are the workplace.
        r"(?<!at a )(?<!work at the )(?<!work in the )(?<!works at the )"
        r"(?<!works in the )(?<!worked at the )"
        r"\bhospital\b(?! (?:appointment|idva|staff|social worker|team|based|nurse|doctor))",
        r"\b(?:can not|could not|cant) see (?:out of|properly|with)\b",
        r"\b(?:kicked|hit|punched|stamped on|smashed) (?:me |her )?(?:in|on) the head\b",
        # Hurt too badly to get up; not "can't stand him" or "can't walk past the pub".
        r"\b(?:can not|could not|cant) (?:get up|stand up|move my)\b",
        r"\b(?:can not|could not|cant) (?:move|stand|walk)\b(?! (?:him|her|them|this|that|"
        r"being|the|to|when|how|his|my|people|anywhere|past|away|out|into|in|round|around|down|"
        r"without|on my own|alone))",
        r"\b(?:stopped|not|will not|wont|refuses to|refusing to) (?:giving|give) me my (?:insulin|"
        r"medication|meds|heart tablets|inhaler|oxygen)\b",
        r"\bbroken? (?:my |her |his )?(?:arm|arms|leg|legs|rib|ribs|nose|jaw|wrist|bone|bones|"
        r"fingers?|cheekbone|collarbone|eye socket)\b",
        r"\b(?:broke|fractured|cracked|dislocated) (?:my|her|his) (?:arm|arms|leg|legs|rib|ribs|"
        r"nose|jaw|wrist|bone|bones|fingers?|cheekbone|collarbone|skull|ankle|hand|shoulder|"
        r"eye socket|back|neck|knee|toe|toes|tooth|teeth)\b",
        r"\b(?:unconscious(?! (?:bias|biases|mind|level|thoughts?|patterns?|habits?|behaviou?r))|"
        r"knocked (?:me )?out|passed out|blacked out|black out|concussion|"
        r"head injury|cracked my head|fractur\w*)\b",
        r"\b(?:need|needs|call) (?:an|a)? ?(?:ambulance|paramedic|doctor now)\b",
        r"\b(?:burned|burnt|scalded) (?:me|my|her)\b|\bteeth (?:out|knocked)\b",
        # A blow to the head followed by the signs of a brain injury that needs A&E.
        r"\b(?:hit|banged|bashed|smashed|slammed|kicked|punched|knocked|cracked|stamped|"
        r"headbutt\w*|whacked|shoved|pushed)\b(?:\W+\w+){0,8}\W+(?:head|skull)\b.*\b(?:been sick|"
        r"being sick|throwing up|threw up|vomit\w*|dizzy|dizziness|seeing double|double vision|"
        r"blurry|blurred|confused|drowsy|keep fainting|fainted|can not remember)\b|"
        r"\b(?:seeing double|double vision)\b",
        # A wound going bad, or breathing hurt after a beating.
        r"\b(?:gone|going|it is|its|all) (?:hot and red|red and hot|hot and swollen|green|septic|"
        r"infected)\b",
        r"\b(?:cut|wound|bite|burn|gash|stitches)\b.*\b(?:infected|septic|oozing|pus)\b|"
        r"\b(?:arm|leg|hand|face|finger)\b(?:\W+\w+){0,5}\W+(?:infected|septic|oozing)\b",
        r"\bcoughing (?:up )?blood\b|\bcan not breathe properly\b",
    ],
    # Someone out cold, not breathing, or not coming round: said plainly, with no alarming
    # word. The plain phrases stand alone; the ones that also mean sleep, a visit or a
    # text left unanswered ("he won't come round tonight", "not responding to my texts")
    # need a fall, a blow, the floor or blood somewhere in the message.
    "unresponsive": [
        r"\b(?:unresponsive|not responsive|lifeless|out cold|out for the count|went limp|gone limp|"
        r"gone floppy|"
        r"(?:lips?|face) (?:is |are |has |have )?(?:gone |going |turning |turned )?blue|"
        r"(?:stopped|not|is not|isnt|barely|hardly|can not tell if (?:he|she|they) (?:is|are)) "
        r"breathing(?! (?:a word|down|on|over|in my|out|for|easier|again|exercises?|"
        r"techniques?|space|room))|"
        r"knocked (?:him|her|them|my \w+) out(?! of)|"
        r"(?:when|until|till|after|by the time) i (?:came|come) (?:round|to)(?= (?:i|he|she|they|"
        r"there|on|in|and)\b|$))",
        rf"^(?=.*(?:\b{_VIOLENCE}\b|\b(?:floor|ground|stairs|head|blood|bleeding|fell|fallen|"
        r"pills|tablets|overdose|choked|ambulance|999)\b)).*"
        r"\b(?:(?:will not|would not|can not|could not|not|is not|did not) "
        r"(?:wake (?:(?:him|her|them|my \w+) )?up|waking up|come round|coming round)"
        r"(?! (?:to|for|early|on time|in time|till|until|before|at|when|here|there|tonight|"
        r"today|again|anymore|any more|much|often))|"
        r"(?:not|is not|will not|stopped) (?:responding|moving|reacting)(?! (?:to|out|in|on|away|"
        r"house|back|forward|anywhere|here|there|for|from|with)\b)|"
        r"passed out|blacked out|collapsed|fainted)\b",
    ],
    # A fresh injury or a beating just now: the night it happened, still bleeding, and
    # the person who did it asleep next door. Not "he gave me a black eye years ago".
    "fresh_injury": [
        rf"\b(?:{_WOUND}|{_VIOLENCE} (?:me|her|my \w+))\b{_NOT_LONG_AGO}\W+{_FRESH}\b",
        rf"\b{_FRESH}\b{_NOT_LONG_AGO}\W+(?:{_WOUND}|{_VIOLENCE} (?:me|her|my \w+))\b",
    ],
    "abuser_arriving": [
        rf"\b{_PERSON}\b(?:\W+\w+){{0,3}}?\W+(?:is|are|just|now)?\W*(?:outside|downstairs|"
        r"at the door|at my door|at the window|in the garden|on the doorstep|in the car park|"
        r"banging|hammering|kicking the door|kicking my door|trying to get in|breaking in|"
        r"broke in|broken in|climbing)\b",
        rf"\b{_PERSON}\b(?:\W+\w+){{0,3}}?\W+(?:is|are) (?:coming|on (?:his|her|their|the) way)"
        r"(?: back| home| here| over| round| for me| to get me)?\b",
        r"\b(?:he|she|they|ex|him|husband|wife|partner|boyfriend|girlfriend)\b(?:\W+\w+){0,3}?"
        r"\W+(?:on (?:his|her|their) way|coming (?:back|home|round|over|for me|to get me)|"
        r"heading (?:here|home|back|over))\b",
        r"\b(?:just|has|have) (?:arrived|turned up|shown up|showed up|pulled up|got back|come "
        r"back|came back|came home|got home|walked in)\b",
        r"\b(?:car|van|truck|taxi)\b(?:\W+\w+){0,2}\W+(?:pulled up|pull up|outside|parked "
        r"outside|pulling up|just arrived|in the drive|on the drive)\b",
        r"\b(?:hear|heard|hearing|see|saw|seen|can see)\b(?:\W+\w+){0,3}\W+(?:his|her|their)? ?"
        r"(?:key|keys|footsteps|car|van|voice)\b(?:\W+\w+){0,3}\W*(?:door|stairs|outside|lock|"
        r"drive|coming|pull)",
        rf"\b{_PERSON}\b(?:\W+\w+){{0,3}}?\W+(?:found|knows) (?:me|where i (?:live|am|stay|"
        r"moved)|my address|my new address|where we (?:live|are|stay|moved))\b"
        r"(?<!always knows where i am)",
        r"\b(?:parked|stood|standing|waiting|sat|sitting|lurking|watching|hanging about|hanging "
        r"around)\b(?:\W+\w+){0,2}\W+(?:across|outside|opposite|at the end of|in the car park|"
        r"by my|near my|over the road)\b",
        r"\b(?:across the road|across the street|over the road|end of my road|end of the road|on "
        r"the step|on my step|up the drive|up the path|up the stairs|at the gate)\b",
        r"\b(?:looking|searching|hunting|driving round) (?:for me|for us|for her)\b|\b(?:when|if|"
        r"once) (?:he|she|they) (?:finds|find|catches|catch|gets hold of) (?:me|us|her)\b",
        r"\bi am coming (?:round|over|for you|to get you|back)\b|\bsee you soon\b",
        r"\bpulled (?:up|in|into|onto|on to) (?:the|my|our) (?:drive|driveway|road|street|close|"
        r"car park)\b|\b(?:on|onto) the drive\b",
        r"\bknocked (?:on|at) (?:my|the|our) (?:new )?(?:door|window)\b",
        r"\b(?:car|van|truck|taxi|motorbike|bike|motorcycle|engine)\b(?:\W+\w+){0,3}\W+"
        r"(?:outside|revving|idling|parked)\b|\boutside (?:mine|my place|my house|my flat)\b",
        r"\blook (?:out|outside) (?:the|your|ur) (?:window|door)\b",
        r"\b(?:should not|shouldnt|does not|doesnt|is not meant to) know (?:this|my|where)\b",
        r"\b(?:driving|coming|flying|travelling) (?:down|up|over|round)? ?to (?:take|get|find|"
        r"collect|fetch) (?:me|us|her)\b",
        r"\bran out\b|\bescaped\b|\bgot out of the house\b",
        # Coming into sight: round the corner, up the street, onto the estate.
        r"\b(?:he|she|they|ex|him|husband|wife|partner|boyfriend|girlfriend)\b(?:\W+\w+){0,3}?"
        r"\W+(?:come|came|coming|comes|turned|turning|walking|walked|running|ran|driving|drove|"
        r"pulling) (?:round|around|down|up|into|onto|on to|along) (?:the|our|my) (?:corner|street|"
        r"road|close|estate|drive|path|lane|cul de sac|block|stairs)\b",
        r"\b(?:he|she|they) (?:is|are) (?:back|here|home)\b(?:\W+\w+){0,5}\W+(?:drunk|angry|"
        r"raging|off his head|kicking off|shouting|scared|going to)\b",
    ],
    "child_in_danger": [
        rf"\b{_VIOLENCE}\b(?:\W+\w+){{0,3}}?\W+(?:the|my|our|her|his) {_CHILD}\b",
        rf"\b(?:hurt|harm|hurting|harming|kill)\b(?:\W+\w+){{0,2}}\W+(?:our|my|the) "
        rf"{_CHILD}\b",
        rf"\b(?:the|my|our) {_CHILD}\b(?:\W+\w+){{0,3}}?\W+(?:is|are) (?:in danger|not safe|"
        r"unsafe|hurt|bleeding|being hurt|being hit|locked)\b",
        rf"\b(?:took|taken|snatched|grabbed|kidnapped|has) (?:the|my|our) {_CHILD}\b"
        r"(?:\W+\w+){0,4}\W+(?:will not|wont|not) (?:bring|give|let)\b",
        # Someone else took them; not "if i took the kids to my mums".
        rf"(?<!\bi )(?<!\bwe )\b(?:took|taken|snatched|kidnapped|grabbed) (?:the|my|our) "
        rf"{_CHILD}\b",
        rf"\b{_CHILD}\b(?:\W+\w+){{0,6}}\W+(?:will not|wont|not) let me (?:in|near|see|have "
        r"(?:him|her|them|the kids|the baby|my kids))\b",
        rf"\b(?:locked|locking|locks|shut|shutting|keeps) (?:the |my |our )?{_CHILD} in\b",
        rf"\b{_CHILD}s? (?:is|are) screaming\b",
        rf"\b{_CHILD}s?\b(?:\W+\w+){{0,2}}\W+(?:cot|bed|pram)\b(?:\W+\w+){{0,4}}\W*{_VIOLENCE}|"
        rf"{_VIOLENCE}\W+(?:\w+\W+){{0,2}}{_CHILD}s? (?:cot|pram|bed)\b",
        rf"\b{_CHILD}\b(?:\W+\w+){{0,4}}\W+(?:bruises|bruised|marks|burns)\b",
        rf"\b{_CHILD}\b.*\b(?:hand ?print|finger ?marks|belt marks|slap marks|burn marks|"
        r"cigarette burns?)\b",
        r"\b(?:told|tells|telling|said to|says to) (?:him|her|them|my son|my daughter|the kids|"
        r"my kids|the children|my boy|my girl)\b(?:\W+\w+){0,2}\W+(?:not to|never to) tell\b",
        # "You'll never see the kids again" is a custody threat; never *finding* them is not.
        r"\bnever (?:find|get to|get back) (?:them|him|her|the kids|the baby|my kids)\b",
        rf"\b{_CHILD}\b.*\b(?:threaten\w* to|going to|gonna|will) (?:hurt|harm|kill|hit|take)\b",
        rf"\b(?:threaten\w* to|going to|gonna) (?:hurt|harm|kill|hit)\b.*\b{_CHILD}\b",
        rf"\b(?:driving|drove|drive|driven)\b.*\b{_CHILD}\b.*\b(?:drunk|pints|drinking|"
        r"high|off his head|off her head|wasted)\b",
        rf"\b(?:drunk|pints|drinking|high|wasted)\b.*\b(?:driving|drove)\b.*\b{_CHILD}\b",
        rf"\b{_CHILD}\b(?:\W+\w+){{0,4}}\W+(?:in danger|at risk)\b",
        r"\b(?:cut|cutting|circumcis\w*|fgm)\b(?:\W+\w+){0,6}\W+(?:next week|this week|tomorrow|"
        r"soon|holiday|abroad|flight|flights|booked|summer)\b",
    ],
    "pregnancy_violence": [
        rf"\b(?:{_PREGNANT}|scan|due date|midwife)\b.*\b{_VIOLENCE}\b",
        rf"\b{_VIOLENCE}\b.*\b(?:{_PREGNANT}|stomach|belly|tummy)\b",
        # "20 weeks" along, not "6 weeks ago" or "for 3 weeks".
        rf"(?<!for )(?<!in )(?<!last )\b\d+ weeks\b(?! (?:ago|later|after|before|since))"
        rf"(?:\W+\w+){{0,20}}?\W+{_VIOLENCE}\b|\bfelt (?:the )?baby move\b",
        rf"\b(?:bun in the oven|preggo|preggy|with child|having a baby|having his baby|baby is due|"
        rf"due in)\b.*\b(?:{_VIOLENCE}|kick it out|lose it|lose the baby|get rid)\b",
        r"\b(?:kick|punch|beat|knock)\w* (?:it|the baby|the bairn) out of me\b|\b(?:make|made) me "
        r"lose (?:it|the baby)\b",
    ],
    "suicidal": [
        r"\b(?:kill|killing|end|ending|hurt|hurting|harm|harming) myself\b",
        r"\bsuicid\w*\b|\bself harm\w*\b",
        r"\b(?:want|wanting|wants|going) to die\b|\bwish i (?:was|were) dead\b",
        # "i'd rather be dead than go back", "she'd rather die than go": of anyone.
        r"\brather (?:die|be dead)\b",
        r"\b(?:do not|dont|no longer) (?:want|wanna|wish) to (?:live|be alive|be here|exist|"
        r"wake up|go on)\b",
        r"\b(?:end|ending) (?:it all|my life|everything|it now)\b|\btake my (?:own )?life\b",
        r"\bbetter off (?:dead|without me)\b|\bno (?:point|reason) (?:in )?(?:living|being "
        r"alive|to live|going on)\b",
        # Being a burden, everyone better off if they were gone: said of oneself.
        r"\bbetter off if i (?:was|were|am|wasnt|werent) (?:not )?(?:here|around|alive|gone|dead)"
        r"\b|\bfeel (?:like )?(?:i am |im )?(?:just )?(?:a|such a) burden\b",
        r"\b(?:overdose|took all my pills|take all my pills|jump off|jump in front|slit my|"
        r"hang myself)\b",
        r"\bcan not go on\b(?! like this)",
        r"\bkms\b|\bkys\b|\bunalive\w*\b",
        r"\b(?:killing|kill|end|ending|harming|hurting|hurt) (?:himself|herself|themselves)\b",
        r"\b(?:all|load of|lots of|handful of|how many|box of|bunch of|stockpil\w*) "
        r"(?:of )?(?:my )?"
        r"(?:pills|tablets|tabs|meds|paracetamol|sleeping pills)\b|\bparacetamol\b",
        r"\b(?:pills|tablets|tabs|meds)\b(?:\W+\w+){0,2}\W+(?:lined up|counted out|all out|"
        r"ready)\b",
        r"\b(?:cutting|cut) (?:again|myself|my arms|my wrists)\b|\bslit\b",
        r"\bending it\b(?! with| all with)|\bend it\b(?! with)|\b(?:it all|everything) to stop\b",
        r"\b(?:on|off) (?:the|a) bridge\b|\binto the (?:sea|river|canal|traffic)\b|\brope\b",
        # Looking up how: "some nights i google ways to do it".
        r"\b(?:google|googled|googling|search\w*|look\w* up|looked up|read up on) (?:\w+ )?"
        r"(?:ways|how) to (?:do it|die|end it|kill myself|go)\b|\bways to do it\b",
        r"\bsaving (?:up )?(?:my )?(?:meds|medication|pills|tablets)\b|\bplanned how\b|"
        r"\bhow (?:i am|im) going to do it\b",
        r"\b(?:go to sleep|sleep) and (?:never|not) wake up\b|\btop of (?:the|a) (?:multi storey|"
        r"building|cliff|car park|tower)\b",
        # Said sideways: not being here, no way out, the railway, goodbye letters.
        r"\b(?:me|i) not (?:being|be) (?:here|around|alive)\b|\bnot (?:be|being) here "
        r"(?:anymore|any more|much longer|for long|tomorrow)\b",
        r"\bno (?:way|way out|escape) (?:out )?(?:of this )?(?:except|but|apart from|other than)\b"
        r"(?! (?:to )?leav)",
        r"\b(?:railway|train tracks|the tracks|railway line|train line|level crossing|"
        r"motorway bridge)\b"
        r"(?:\W+\w+){0,12}\W+(?:dunno why|why i am|an hour|for ages|cannot|can not|do not know|"
        r"texting|messaging|sat|sitting|standing)\b|\b(?:sat|sitting|standing|stood) (?:by|on|at|"
        r"near) (?:the )?(?:railway|tracks|train tracks|level crossing)\b",
        r"\bgoodbye (?:letter|letters|note|notes|message)\b|\b(?:written|wrote|writing|left|leave) "
        r"(?:a |my )?(?:last|suicide) (?:letter|note|message)\b|\bwritten (?:letters|notes) "
        r"to (?:my|the) (?:kids|children|mum|family)\b|\bdisappear (?:forever|for good)\b",
    ],
    "violence_now": [
        # (Not "my dad, i've started hitting": there the writer is the one hitting.)
        rf"\b{_PERSON}\b(?:\W+(?!i\b)\w+){{0,2}}?\W+(?:is|are|started|starting) "
        r"(?:hitting|beating|attacking|punching|kicking|hurting|strangling|choking|dragging|"
        r"smashing|throwing)\b",
        r"\b(?:hitting|beating|attacking|punching|kicking|hurting) (?:me|us|her|my mum|my mom)\b"
        r"(?:\W+\w+){0,3}\W+(?:now|right now|at the moment|again tonight)\b",
        r"\b(?:right now|now|tonight)\b(?:\W+\w+){0,3}\W+(?:hitting|beating|attacking|hurting)\b",
        r"\b(?:going to|about to|gonna|will)\b(?:\W+\w+){0,2}\W+(?:hurt|attack|beat|batter|kill|"
        r"kil|hit|smash) (?:me|us|her|the kids|my kids)\b",
        r"\b(?:scared|afraid|frightened|terrified|fear|fearing)\b(?:\W+\w+){0,3}\W+(?:for my "
        r"life|for our lives|going to die|to die|will die|he will kill|she will kill|kill me)\b",
        r"\b(?:in danger|immediate danger|not safe right now|unsafe right now|need (?:the )?"
        r"police|get the police|send (?:the )?police|sos|"
        # Not "i know this isn't an emergency", nor the emergency vet.
        r"(?<!not an )(?<!not really an )(?<!not a )(?<!isnt an )emergency"
        r"(?! vet| dentist| contact| appointment| plumber| locksmith| tax))\b",
        r"(?:^|\b(?:please|someone|somebody|pls|just|can you|could you|you need to|messaged|"
        r"texted|text|said|screamed|shouted|mouthed)) call "
        r"(?:the )?police\b|\bcall (?:the )?police (?:now|please|for me)\b",
        r"^(?:please )?help(?: me)?(?: please)?(?: now)?$",
        r"\bhelp (?:me )?(?:please )?(?:he|she|they) (?:is|are)\b",
        r"\bbeing (?:beaten|hit|attacked|battered|strangled|choked|hurt|stabbed|raped|kicked)\b"
        r"(?:\W+\w+){0,4}\W+(?:now|right now|through the wall|next door|tonight)\b",
        r"\b(?:can|could) hear\b(?:\W+\w+){0,5}\W+(?:screaming|screamin|crying|being|get off|"
        r"help|smashing|banging)\b",
        # A child or adult afraid of tonight: "he's scared to go home after school today".
        r"\b(?:scared|afraid|frightened|terrified) to go (?:back )?home\b(?:\W+\w+){0,4}?\W+"
        r"(?:tonight|today|after school|later|now)\b",
        r"\b(?:is|are|s) (?:stood|standing) (?:over|ower) (?:me|us)\b",
        # About to break in on someone hiding: "i could smash the door in".
        r"\b(?:could|going to|gonna|about to|will|trying to|try to|tries to) (?:smash|kick|"
        r"break|bash) (?:the |her |his |my )?doors? (?:in|down)\b",
        r"\b(?:is|are) losing it\b|\bget off me\b|\b(?:need|want) (?:someone|somebody|help) "
        r"(?:now|right now|quick)\b",
        r"\bphone (?:is|s|has gone|went) (?:off|dead)\b(?:\W+\w+){0,4}|\bnow (?:her|his|their) "
        r"phone\b",
        r"\b(?:smashing|breaking|wrecking|trashing|just smashed) (?:things|everything|the place|"
        r"stuff|the house|up the)\b",
        r"\b(?:can not|could not|cant) (?:talk|speak|call|ring|phone)\b(?:\W+\w+){0,4}\W+"
        r"(?:he|she|they|him|her)\b",
        r"\b(?:in the next room|in the other room|downstairs|next door)\b(?:\W+\w+){0,3}\W+"
        r"(?:scared|terrified|frightened|whisper\w*|quiet)\b",
    ],
    "forced_marriage_imminent": [
        # Taken abroad to marry, soon: the last chance to stop it is before the flight.
        r"\b(?:flight|flights|flying|fly|taking|take|sending|send|ship|shipping|booked)\b"
        r"(?:\W+\w+){0,3}\W+(?:me|her|us|my sister|my daughter)\b.*\b(?:marry|marriage|married|"
        r"wedding)\b",
        r"^(?=.*\b(?:i|me|my|her)\b).*\b(?:flight|flights|plane|tickets|passport)\b.*\b"
        r"(?:marry|marriage|married|wedding)\b",
        r"\b(?:taken|took|got|has|have|hidden|hid) (?:my|her) passport\b.*\b(?:flight|flights|"
        r"abroad|plane|tickets|fly|flying)\b",
        r"\b(?:me|her|i)\b.*\b(?:marry|marriage|married|wedding)\b.*\b(?:flight|flights|flying|"
        r"taking me|take me|sending me|tomorrow|tmrw|on saturday|on friday|on sunday|next week|"
        r"this week|in \w+ days)\b",
    ],
}

_COMPILED = {sign: [re.compile(p) for p in patterns] for sign, patterns in SIGNS.items()}

# Someone waiting outside "for months" or "every night" is stalking, and smashing things
# "when we argue" a pattern: serious, but not an emergency by themselves (the other signs,
# a weapon or choking, count however long ago). "Now", "tonight" or "just" still is one.
_HABITUAL = re.compile(
    r"\b(?:when|whenever|every time) we (?:argue|row|fight|fall out)\b|"
    r"\bfor (?:\w+ )?(?:weeks|months|years|ages)\b|\bevery (?:day|night|week|weekend|morning|"
    r"evening|time i)\b|\b(?:most|some) (?:days|nights|mornings|evenings)\b|"
    r"\bkeeps? (?:turning|showing|coming|popping) up\b|\bsince (?:we|i) "
    r"(?:split|broke up|separated|left)\b"
)
_NOW = re.compile(
    r"\b(?:now|right now|tonight|today|at the moment|currently|this (?:morning|afternoon|evening)|"
    r"minutes?|an hour|hours|just|still)\b"
)
# Only these matches are softened, never "he is hitting me" or "he's outside": loitering
# and smashing things by habit, and someone coming back at a date to come.
_HABIT_SOFTENS = re.compile(
    r"\b(?:parked|stood|standing|waiting|waited|sat|sitting|lurking|watching|hanging about|"
    r"hanging around|smashing|breaking|wrecking|trashing|across the road|across the street|"
    r"over the road|end of my road|end of the road)\b"
)
# Coming back "next week" is a worry to plan for, not an arrival now.
_LATER = re.compile(r"\bnext (?:week|month|year|weekend)\b|\bin (?:a few|two|three|\d+) "
                    r"(?:weeks|months)\b")
_COMING = re.compile(r"\b(?:coming|come|comes|back|home|on (?:his|her|their) way)\b")
# Bleeding and fainting with an everyday cause: a winter nosebleed, a faint at work.
_BLEED_OR_FAINT = re.compile(
    r"\b(?:bleed\w*|bled|blood|passed out|blacked out|black out|fainted|collapsed|unconscious)\b")
_EVERYDAY_CAUSE = re.compile(
    r"\b(?:nose ?bleeds?|nosebleeds?|gums?|period|periods|piles|in (?:the )?winter|dry air|"
    r"the heating|shaving|paper cut|eczema|(?:from|with) (?:exhaustion|tiredness|the heat|heat|"
    r"hunger|the pain of|low blood sugar)|exhausted|at work|on the tube|on the train|in the gym|"
    r"giving blood|blood test|heatstroke|dehydrat\w*|hangover|on the sofa|in front of the telly|"
    r"heart attack|stroke|seizure|epilep\w*|diabet\w*|hypo|"
    r"in front of the tv|drunk)\b")
# Anything in the whole message that says someone did harm keeps the alarm.
_HARM = re.compile(
    rf"\b{_VIOLENCE}\b|\b(?:chok\w*|strangl\w*|throttl\w*|grabbed|squeezed|pinned|he did|she did|"
    r"they did|did this to)\b")


@dataclass(frozen=True)
class _CalmReading:
    """A calm reading of some matches, judged on the sentence the match is in.

    `match` says which matches it may soften; `sentence` what their own sentence must
    say; `keeps` what anywhere in the whole message keeps the alarm. So a calm sentence
    never cancels a sign in another sentence of a long message.
    """

    signs: frozenset[str]
    match: re.Pattern[str]
    sentence: Callable[[str], bool]
    keeps: re.Pattern[str]


# A figure of speech about an annoying partner: "lol i could strangle him for forgetting my
# birthday again". Softened only while nothing in the message tells of it being done.
_IDIOM_SOFTENS = re.compile(r"\b(?:strangle|throttle|kill|murder)\b")
_IDIOM = re.compile(
    r"\bi (?:could|would|will|am going to|am gonna) (?:\w+ )?(?:strangle|throttle|kill|murder) "
    r"(?:him|her|them)\b (?:for|when (?:he|she|they)|sometimes|lol|haha)\b")
_DONE_TO_THE_NECK = re.compile(
    r"\b(?:strangled|choked|throttled|smothered) (?:me|her)\b|\b(?:neck|throat|windpipe)\b")


# A knife as a tool of the trade or the kitchen: "my partner is a chef so our kitchen is full
# of knives", "was chopping onions with the big kitchen knife". Kept by any sign it was used
# on or held at someone.
_TOOL_SOFTENS = re.compile(rf"\b(?:{_KNIFE}|cleavers?)\b")
_TRADE_OR_KITCHEN = re.compile(
    r"\b(?:chef|chefs|butcher|butchers|cook|cooks|cooking|chopping|choppin|chopped|carving the|"
    r"by trade|knife crime|roast|dinner|onions?|veg|vegetables)\b")
_USED_ON_SOMEONE = re.compile(
    r"\b(?:at me|at her|at him|at us|to my|to her|against my|held|holding|pointed|pointing|"
    r"waved|waving|came at|comes at|threaten\w*|stab\w*|cut me|cut her|slash\w*|pulled|pulls|"
    r"grabbed|under (?:the|his|her) (?:bed|pillow|mattress)|sleeps with|carries|carrying)\b")
# "my boss will kill me if im late": a saying, in a sentence that says so. Not a laugh
# ("he said he'll kill me lol" is how people in danger play it down), nor "not joking".
_SAYING_SOFTENS = re.compile(r"\b(?:kill|murder)\b")
_SAYING = re.compile(r"\bjust a saying\b|(?<!not )(?<!no )(?<!never )\bjok(?:e|es|ing|ed)\b|"
                     r"\b(?:boss|manager|teacher|coach) (?:will|would|is going to) kill me\b")


_CALM_READINGS = (
    _CalmReading(frozenset({"abuser_arriving", "violence_now"}), _HABIT_SOFTENS,
                 lambda s: bool(_HABITUAL.search(s)), _NOW),
    _CalmReading(frozenset({"abuser_arriving", "violence_now"}), _COMING,
                 lambda s: bool(_LATER.search(s)), _NOW),
    _CalmReading(frozenset({"serious_injury", "strangulation", "unresponsive"}), _BLEED_OR_FAINT,
                 lambda s: bool(_EVERYDAY_CAUSE.search(s)), _HARM),
    _CalmReading(frozenset({"strangulation", "threat_to_kill"}), _IDIOM_SOFTENS,
                 lambda s: bool(_IDIOM.search(s)), _DONE_TO_THE_NECK),
    _CalmReading(frozenset({"weapon"}), _TOOL_SOFTENS,
                 lambda s: bool(_TRADE_OR_KITCHEN.search(s)), _USED_ON_SOMEONE),
    _CalmReading(frozenset({"threat_to_kill", "violence_now"}), _SAYING_SOFTENS,
                 lambda s: bool(_SAYING.search(s)), _DONE_TO_THE_NECK),
)

# Where one sentence ends: the readings above look at one sentence at a time.
_SENTENCE_END = re.compile(r"[.!?;:\n]+(?=\s|$)|\n")


def _sentences(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The whole message normalised, and where each of its sentences starts in it."""
    parts, starts, at = [], [], 0
    for raw in _SENTENCE_END.split(text):
        words = normalise(raw)
        if words:
            starts.append((at, words))
            parts.append(words)
            at += len(words) + 1
    return " ".join(parts), starts


def _sentence_at(position: int, starts: list[tuple[int, str]]) -> str:
    return next((words for start, words in reversed(starts) if start <= position), "")


@dataclass(frozen=True)
class UrgencyCheck:
    signs: tuple[str, ...]

    @property
    def urgent(self) -> bool:
        return bool(self.signs)


def check_urgency(text: str) -> UrgencyCheck:
    """Which high-risk signs the message shows, by the rules alone, over the whole text."""
    normalised, starts = _sentences(text)
    kept = {reading: bool(reading.keeps.search(normalised)) for reading in _CALM_READINGS}

    def calm(sign: str, match: re.Match[str]) -> bool:
        sentence = _sentence_at(match.start(), starts)
        return any(sign in r.signs and not kept[r] and r.match.search(match.group(0))
                   and r.sentence(sentence) for r in _CALM_READINGS)

    signs = [sign for sign, patterns in _COMPILED.items()
             if any(not calm(sign, m) for p in patterns for m in p.finditer(normalised))]
    return UrgencyCheck(tuple(signs))
