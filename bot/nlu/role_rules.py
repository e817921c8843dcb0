"""Who is writing, and about whom, by plain rules over the normalised text.

The reply for someone who harms (the Respect Phoneline, "wanting to change") is the
worst thing to say to a survivor, so it is as guarded as danger is: it comes only when
the writer says *they* are the one doing the harm, in the first person ("I hit", "I've
been controlling", "I want to stop hurting her"). Everything here is read by
RoleGuard (bot/nlu/components.py) and remembered for the conversation by the actions.

Roles use the words of the `asker` slot: self, friend-family, professional, perpetrator.
"""

from __future__ import annotations

import re

from common.normalise import normalise

_PARTNER = (r"(?:partner|wife|husband|girlfriend|boyfriend|missus|misses|mrs|fiance|fiancee|"
            r"ex|other half|fella|bloke|spouse)")
_FAMILY = (r"(?:mum|mam|mom|mother|dad|father|son|daughter|brother|sister|nan|gran|"
           r"granny|grandma|grandad|granddad|grandfather|grandmother|stepdad|stepmum|"
           r"family|kids|children|child|parents)")
# Someone the writer could harm: a pronoun, or a partner or relative named as theirs.
_OBJECT = rf"(?:her|him|them|my {_PARTNER}|my {_FAMILY}|the kids|our kids|people)"
# Name-calling is harm; "i'll call them" is not.
_CALL_NAMES = (r"call\w* (?:her|him|them|my \w+) (?:names|horrible|a |an |stupid|fat|ugly|"
               r"useless|worthless|pathetic)")
_HARM_VERB = (
    r"(?:hit|hits|hitting|hurt|hurts|hurting|slap\w*|punch\w*|push\w*|shov\w*|kick\w*|"
    r"grab\w*|strangl\w*|chok\w*|thump\w*|smack\w*|beat|beating|abus\w*|control\w*|"
    r"threaten\w*|scare|scared|scaring|frighten\w*|belittl\w*|bull(?:y|ied|ying)|"
    r"intimidat\w*|manipulat\w*|isolat\w*|humiliat\w*|shout\w* at|scream\w* at|"
    r"swear\w* at|yell\w* at|lash\w* out at|go for|went for|going for|have a go at|"
    r"stalk\w*|track\w*|spy on|spied on|bit|bite|scratch\w*|rough with|violent (?:to|with|"
    r"towards)|treat|treated|treating|take it out on|took it out on|taking it out on|"
    r"gaslight\w*|put down|puts down|putting down|pin\w* down|"
    r"hold|held|holding|throw\w* \w+ at|threw \w+ at|stopped|stop|stopping|"
    r"raped|forc\w*|degrad\w*|insult\w*|torment\w*|terroris\w*|squeez\w*|restrain\w*)"
)
# Adverbs and auxiliaries between "i" and the verb: "i have been", "i keep", "i sometimes".
_AUX = (r"(?:(?:have|had|has|am|was|keep|kept|always|sometimes|often|really|just|then|"
        r"also|still|even|actually|been|do|did|will|would|can|could|might|started|start|"
        r"starting|end up|ended up|tend to|get|got|go|went|and|to|so|once|twice|"
        r"literally|basically|probably|only|ever)\s)*")
# The writer doing the harm: "i hit her", "ive been controlling my wife".
_I_HARM = re.compile(rf"\bi {_AUX}(?:{_HARM_VERB} {_OBJECT}|{_CALL_NAMES})\b")
# What survivors say of their own defence or words; never a sign they are the one harming.
_DEFENCE = re.compile(
    r"\b(?:back|away|off me|in self defen[cs]e|to get (?:him|her|them) off|to stop (?:him|her))\b|"
    r"\bthreaten\w* (?:to leave|to go|to call|him with the police|her with the police)\b"
)
# "she'll tell everyone i hit her, which i never have": a denial, not a confession.
_DENIED = re.compile(r"\b(?:which|that|but) i (?:never|have never|did not|do not|never "
                     r"have|would never)\b|\b(?:says|said|claims|tell \w+|telling \w+|accus\w*"
                     r"(?: me)?(?: of)?) (?:that )?i\b")
# Calling oneself the one who harms, or controlling in the ways people confess.
_I_AM_HARMFUL = re.compile(
    r"\bi (?:think i |know i |worry i |fear i |might |may |could |guess i |suppose i )?"
    r"(?:am|have been|been|was|might be|may be|could be|must be) "
    r"(?:really |so |very |quite |a bit |being |the |an |a )*"
    r"(?:abuser|abusive|perpetrator|controlling|violent|aggressive|possessive|toxic one|"
    r"(?:abusive|controlling|violent|toxic|aggressive) one|"
    r"one (?:hurting|abusing|who hurts|who is hurting|doing it|causing|at fault|"
    r"(?:who is|whos|that is|thats) (?:abusive|controlling|violent|hurting)|who is controlling)|"
    r"one who (?:hurts|abuses|controls))\b"
)
_I_CONTROL = re.compile(
    rf"\bi {_AUX}(?:check\w* (?:her|his|their|my \w+?s?) (?:phone|messages)|go through (?:her|his) "
    r"(?:phone|messages|things|bag)|went through (?:her|his) (?:phone|messages|things)|"
    r"read (?:her|his) messages|hide (?:her|his)|hid (?:her|his)|take (?:her|his) "
    r"(?:money|wages|card|phone|keys|pension)|(?:make|made|making) (?:her|him|my \w+) "
    r"(?:ask|beg|stay|account|delete|show|hand|give)|"
    r"control (?:all )?(?:the|our|her|his) (?:money|finances|bank|accounts?|spending)|"
    r"(?:taking|take|took|taken) money (?:from|out of) (?:her|his|my \w+?s?) (?:account|purse|"
    r"pension|card|bank)|"
    r"do not let (?:her|him)|will not let (?:her|him)|stop (?:her|him) (?:from )?(?:seeing|"
    r"going|working)|guilt trip\w* (?:her|him|my)|accus\w* (?:her|him|my \w+) of|"
    r"ring (?:her|him) (?:over and over|again and again|constantly)|lose (?:my temper|it) "
    r"(?:with|at) (?:her|him|my)|lost (?:my temper|it) (?:with|at) (?:her|him|my)|"
    r"put my fist through|smash\w* (?:her|his|things|stuff|the))"
)
_WANT_TO_CHANGE = re.compile(
    r"\b(?:want|need|trying|try|tried|help|how) (?:to |do i )?(?:stop|change|quit|sort "
    r"(?:myself|my head) out|calm down|control my (?:anger|temper))\b"
    r"(?! (?:him|her|them|my (?:partner|husband|wife|boyfriend|girlfriend|ex)))"
    r"(?:.*\b(?:hurting|hitting|abusing|being (?:abusive|violent|controlling|aggressive|"
    r"like this|jealous|possessive)|my (?:anger|behaviou?r|temper|jealousy)|how i (?:treat|"
    r"behave|act|react|speak|talk)|what i (?:am|do)|the way i))"
)
_PROGRAMME = re.compile(
    r"\b(?:course|programme|program|group|class|counselling|help|support|lines?|services?|"
    r"numbers?|helplines?) (?:for|about) "
    r"(?:my (?:behaviou?r|anger|temper|violence|abuse)|(?:people|ppl) who (?:are abusive|abuse|"
    r"hurt)|"
    r"abusers|perpetrators|men who (?:abuse|hurt))\b|\banger management\b.*\b(?:i|my)\b|"
    r"\b(?:i|my)\b.*\banger management\b|"
    # Told to attend one ("court says i need to do a perpetrator programme").
    r"\b(?:i (?:need|have|got|ve got) to (?:do|go on|attend)|(?:says|said|told me) i "
    r"(?:need|have) to (?:do|go on|attend)|ordered me to (?:do|go on|attend))\b"
    r"(?:\W+\w+){0,3}\W+(?:perpetrator|behaviou?r change|anger management|dvpp) "
    r"(?:programme|program|course)\b(?! for (?:victims|survivors))|"
    r"\b(?:people|men|women|someone) like me (?:who|that) (?:hurt|abuse|hit|control|scare)\b|"
    # Ordered to do one, unnamed: "judge says i have to do some programme".
    r"\b(?:judge|court|probation|cafcass|solicitor|social worker|social services)\b"
    r"(?:\W+\w+){0,3}?\W+(?:i|me) (?:have to|need to|must|to|got to) (?:do|go on|attend) "
    r"(?:a|some|the|this|that) (?:programme|program|course)\b(?! for (?:victims|survivors))"
)
_MY_HARM = re.compile(
    r"\bmy (?:own )?(?:abusive |violent |controlling )?(?:behaviou?r|anger|temper|jealousy|"
    r"violence|abuse|aggression|rages?|outbursts?|moods?|drinking and (?:anger|temper))"
    r"(?! (?:of|from) (?:him|her|my))\b(?!.*\b(?:his|her) (?:behaviou?r|anger|temper)\b)|"
    r"\b(?:non mol|non molestation|restraining order|injunction|protective order|bail|"
    r"conditions|order) (?:\w+ )?against me\b|\bi (?:am|was) (?:\w+ )?(?:horrible|cruel|nasty|vile|"
    r"awful|mean|aggressive|violent|abusive|rough) (?:to|with|towards)\b|"
    r"\bi (?:\w+ )?(?:keep |kept )?(?:making|made|make) threats\b|\bi say (?:vile|horrible|"
    r"cruel|nasty) things\b|\b(?:lose|lost|losing) (?:the plot|it|my rag|my head|my shit)\b"
    r"(?:\W+\w+){0,6}\W+(?:with|at) (?:her|him|my|the kids)\b|\bme (?:launching|throwing|"
    r"smashing|hitting|screaming|shouting)\b|\bi (?:rip|ripped|smash\w*|break|broke|"
    r"punch\w*|kick\w*|threw|throw|chuck\w*|lob\w*) (?:up )?(?:her|his|their) (?:stuff|things|"
    r"phone|clothes)\b|\bwhat i (?:did|have done|do) to (?:her|him|them|my)\b|"
    r"\bi (?:stand|stood|block\w*) (?:in )?the (?:door|doorway)\b|"
    # Breaking in on someone who shut themselves away: "i kicked the door in".
    r"\bi (?:\w+ )?(?:kick\w*|smash\w*|boot\w*|broke|break|bash\w*) (?:the |her |his |their )?"
    r"(?:bedroom |bathroom |front )?doors? (?:in|down)\b|"
    r"\bi (?:stand|stood|loom\w*|tower\w*) over (?:her|him|them|my)\b|\bbecom\w* (?:abusive|"
    r"violent|like my (?:dad|father|mum|mother))\b|\bhow i (?:treat|treated|act|behave|react)"
    r"\w* (?:to|towards|with|around)? ?(?:her|him|them|my)\b"
)
_FEAR_OF_ME = re.compile(
    rf"\b(?:she|he|they|my {_PARTNER}|my {_FAMILY}|my \w+) (?:is|are|gets|get|seems|looks)"
    r" (?:\w+ )?(?:scared|afraid|frightened|terrified) of me\b|\bflinch\w* when i\b|"
    r"\bbruises from me\b|\bmarks? (?:on her|on him) (?:from|because of) me\b|"
    r"\b(?:eggshells|egg shells) (?:round|around) me\b|\bfear in (?:her|his|their) (?:face|"
    r"eyes)\b|\b(?:hear|see) me (?:come in|coming)\b|"
    r"\b(?:she|he|they) (?:is |has )?(?:left|leave|went)"
    r"(?: \w+){0,3} because of (?:me|how i (?:treat|treated|act|acted|behave|behaved)|"
    r"what i (?:did|do|have done|said|say) to (?:her|him|them))\b|"
    r"\bscared of what i (?:do|might do|could do)\b"
)
# Someone telling of harm done to them: "he hits me", "my husband controls me".
_TO_ME = re.compile(
    rf"\b{_HARM_VERB} me\b|\bto me\b|\b(?:i am|i feel|i get|i was) (?:so |really )?"
    r"(?:scared|afraid|frightened|terrified) of (?:him|her|them|my)\b|\bmy abuser\b|"
    r"\bmakes me\b|\bwill not let me\b|\bdoes not let me\b"
)
# Another person's words about the writer ("he says i am controlling") are not a confession.
_TOLD_SO = re.compile(
    r"\b(?:says|said|tells me|told me|calls me|called me|makes me (?:feel|think)|"
    r"accuses me|accused me|claims|blames me|blamed me|twists it)\b"
)
_AGREES = re.compile(r"\b(?:(?:she|he|they) (?:is|are|was|were|might be|may be) right|"
                     r"i agree|i know (?:it|that|i)|it is true)\b")
# Owning the act while arguing with the word: "i only grab her arm when she won't
# listen", "i do it because i love her". (Not "i only pushed him to get him off me".)
_MINIMISES = re.compile(rf"\bi (?:only|just) {_HARM_VERB} (?:her|him|them)\b|"
                        r"\bi (?:only )?(?:do|did) (?:it|that|this) because i (?:love|care "
                        r"about|worry about) (?:her|him|them)\b")


def _agrees(words: str) -> bool:
    return bool(_AGREES.search(words) or (_MINIMISES.search(words)
                                          and not _FOUGHT_BACK.search(words)))


# The writer as the one acting on another person: "i make her send me pics", "i text my
# ex dozens of times". Too broad to decide alone ("i told him"), so it only confirms the
# intent model's own reading of a message as someone who harms (RoleGuard).
_I_ACT_ON = re.compile(rf"\bi (?:\w+ ){{0,3}}?(?:{_OBJECT}|my \w+s (?:arm|hair|neck|face|"
                       r"phone|hand|stuff|things|money))\b")
# Signs the writer is the one harmed: harm to them, an abuser named as the subject, or
# looking for safety.
_HARMED = re.compile(
    rf"\b(?:he|she|they|my {_PARTNER}|my {_FAMILY}) (?:\w+ ){{0,3}}?{_HARM_VERB} (?:me|my)\b|"
    r"\b(?:somewhere|place|home|house) (?:\w+ ){0,2}?safe\b|\bsafe (?:place|house|home|"
    r"somewhere|space) (?:for|to)\b|\brefuge\b|\bshelter\b|\bescape\b|\bget away from\b|"
    r"\bprotect (?:me|myself|my kids|my children)\b|\bleave (?:him|her|them)\b|"
    r"\bmy (?:abuser|abusive)\b|"
    # Done to the writer's things: "he takes my hearing aids and hides them".
    rf"\b(?:he|she|they|my {_PARTNER}) (?:\w+ ){{0,3}}?(?:take|takes|took|taking|hide|hides|"
    r"hid|hiding|keep|keeps|kept|break|breaks|broke|smash\w*|destroy\w*|steal\w*|stole|"
    r"lock\w*|cut|cuts) (?:\w+ )?my\b|\bi (?:left|fled|walked out on|am leaving|have left) "
    r"(?:him|her|them|my)\b|\b(?:i am|i feel) (?:scared|afraid|frightened|terrified|unsafe)|"
    # Someone else as the subject, the writer as the one it is done to: "he moves the
    # furniture to make me look stupid", "my son made me sign the house over".
    r"\b(?:he|she|they|my \w+|his family|her family) (?:\w+ ){0,6}?(?:me|myself)\b|"
    r"\bi (?:have to|had to|must|am made to|am not allowed|am forced|can not go|can not see|"
    r"dread|am dreading|worry|am worried|feel like a shell)\b|\b(?:off|from) me\b"
)


# Between "i" and the person: words that make it seeing, wanting or telling, not acting.
_NOT_ACTING = re.compile(r"\b(?:am|was|not|never|want|wanted|see|seen|saw|hear|heard|love|"
                         r"loved|miss|know|knew|met|told|tell|ask|asked|"
                         r"when|if|think|worry|worried|believe|trust|left|leave|help|helped)\b")


def acts_on_another(text: str) -> bool:
    return any(not _NOT_ACTING.search(m.group(0)[2:])
               for m in _I_ACT_ON.finditer(normalise(text)))


def harmed_writer(text: str) -> bool:
    """Signs the writer is the one being harmed, or looking for safety."""
    words = normalise(text)
    return bool(_TO_ME.search(words) or _HARMED.search(words))


# A sentence that starts with the harm, its subject dropped as people type: "pushed my wife
# against the fridge on sunday", "shoved her into the telly stand". Read only where no one
# else's partner is named and nothing says the writer is harmed: in "her husband is vile.
# pushed her down the stairs" the dropped subject is him.
_DROPPED_I_HARM = re.compile(
    r"^(?:(?:then|and|so|once|just|literally|basically|also) )*"
    rf"(?:pushed|shoved|hit|slapped|smacked|punched|kicked|grabbed|choked|strangled|"
    rf"headbutted|throttled|spat at|shook|threw \w+ at|threatened) {_OBJECT}\b"
)
_SENTENCE = re.compile(r"[.!?\n]+")


def _dropped_subject_harm(text: str) -> bool:
    words = normalise(text)
    if (_THEIR_ABUSER_HERS.search(words) or _THEIR_ABUSER_HIS.search(words)
            or harmed_writer(text)):
        return False
    return any(_DROPPED_I_HARM.search(words) and not _DEFENCE.search(words)
               for words in map(normalise, _SENTENCE.split(text)))


# What someone else says the writer did, just before it: "she'll tell everyone i hit her".
_REPORTED_BEFORE = re.compile(
    r"\b(?:tell|tells|telling|told|say|says|said|saying|claim\w*|accus\w*|make out|making out|"
    r"pretend\w*|lie|lies|lying)\b(?:\W+\w+){0,3}?\W+(?:that )?$")
# A figure of speech: "lol i could strangle him for forgetting my birthday".
_IDIOM = re.compile(
    r"\bi (?:could|would|will|am going to|am gonna) (?:\w+ )?(?:kill|strangle|murder|throttle|"
    r"swing for) (?:him|her|them)\b(?= (?:for|sometimes|lol|haha)\b)")


# Scots as typed: "a" for "I" before a verb ("a kicked the door in"), and the words a
# confession turns on ("a need tae sort masel oot"). Only where "a" cannot be the article.
_SCOTS_I = re.compile(r"\ba (?=(?:kicked|hit|punched|battered|skelped|leathered|smashed|booted|"
                      r"slapped|shoved|grabbed|threw|choked|strangled|lost|need|want|wis|am|"
                      r"hae|huv|cannae|canny|dinnae|didnae|shouldnae)\b)")
_SCOTS_WORDS = {"tae": "to", "masel": "myself", "oot": "out", "wouldnae": "would not",
                "didnae": "did not", "cannae": "can not", "dinnae": "do not", "ma": "my"}
_SCOTS_WORD = re.compile(r"\b(?:" + "|".join(_SCOTS_WORDS) + r")\b")


def _read_scots(words: str) -> str:
    words = _SCOTS_I.sub("i ", words)
    return _SCOTS_WORD.sub(lambda m: _SCOTS_WORDS[m.group()], words)


def says_they_harm(text: str) -> bool:
    """The writer says, in the first person, that they are the one harming someone."""
    words = _read_scots(_IDIOM.sub(" ", normalise(text)))
    # Called the abuser by the one who harms them ("he says im the abusive one now. am
    # i?"): asking, not confessing, unless they agree.
    if _CALLED_HARMER.search(words) and not _agrees(words):
        return False
    if _dropped_subject_harm(text) and not about_someone_else(text):
        return True
    for sentence in re.split(r"\b(?:but|because|when|after|so|and then)\b", words) or [words]:
        hit = _I_HARM.search(sentence)
        if hit and not _DEFENCE.search(sentence[hit.start():]) and not _DENIED.search(
                sentence[hit.start():]) and not _REPORTED_BEFORE.search(sentence[:hit.start()]):
            return True
    if any(p.search(words) for p in (_I_CONTROL, _FEAR_OF_ME, _PROGRAMME, _MY_HARM)):
        return True
    confessed = _I_AM_HARMFUL.search(words)
    doubt = confessed and re.search(r"\b(?:if|whether|convince \w+|think|thinks|believe|"
                                    r"feel like) (?:i am|i was)\b", words[:confessed.end()])
    if confessed and not (doubt and tells_of_harm_to_them(text)) and (
            not _TOLD_SO.search(words) or _AGREES.search(words)):
        return True
    return bool(_WANT_TO_CHANGE.search(words)) and not _TO_ME.search(words)


# Afraid of what they are about to do: "i'm going to hurt her tonight, how do i stop
# myself". Said in danger, so it decides the urgent reply's door for someone who harms.
_ABOUT_TO_HARM = re.compile(
    r"\b(?:stop myself|control myself|scared of myself|afraid of myself|(?:scared|afraid|"
    r"frightened|terrified) of what i (?:will|might|am going to|could) do|"
    r"(?:do not|can not|could not) trust (?:myself|myslef|meself|my self))\b|"
    # Their own rage about to spill: "im so angry i could smash the door in".
    r"\b(?:so|that|too) (?:angry|furious|wound up|raging|mad|livid) (?:that )?i (?:could|"
    r"might|will|would|am going to|am gonna) (?:\w+ ){0,2}?(?:smash|kill|hit|hurt|break|kick|"
    r"batter|strangle|punch)\b|"
    # A threat they made: "i said if she does i will kill her".
    r"\bi (?:said|told (?:her|him)|threatened|swore)\b(?:\W+\w+){0,5}?\W+i (?:will|would|"
    r"am going to) (?:kill|hurt|strangle|batter) (?:her|him|them)\b|"
    rf"\bi (?:think i )?(?:am going to|am gonna|will|might) (?:\w+ )?(?:hurt|hit|harm|kill|"
    rf"strangle|attack|batter) (?:her|him|them|my {_PARTNER}|my {_FAMILY})\b"
)


# Harm said to be done to the writer, strictly: a harmer's own message often has the
# partner as the subject of something done to "me" ("she winds me up", "she wants me to do
# a course"), which harmed_writer() counts but this does not.
# Only the verbs of harm itself: "she can't stop me seeing my kids" is not harm to him.
_HARMS_ME_VERB = (r"(?:hit|hits|hitting|hurt\w*|slap\w*|punch\w*|kick\w*|strangl\w*|chok\w*|"
                  r"beat|beats|beating|beaten|abus\w*|threaten\w*|rape\w*|stalk\w*|control\w*|"
                  r"bull(?:y|ies|ied|ying)|attack\w*|push\w*|shov\w*|grab\w*|scare\w*|"
                  r"frighten\w*|isolat\w*|track\w*|broke|breaks)")
_HARM_TO_ME = re.compile(
    rf"\b(?:he|she|they|my {_PARTNER}|my {_FAMILY}) (?:\w+ ){{0,3}}?(?:{_HARMS_ME_VERB}|"
    r"won t let|will not let|does not let) (?:me|my)\b|"
    r"\b(?:hits|hit|hurts|hurt|beats|beat|chokes|choked|strangled|kicked|punched|slapped|"
    r"raped|stalks|threatens|threatened) me\b|"
    r"\b(?:i am|i feel|i get|i was|im) (?:so |really )?(?:scared|afraid|frightened|terrified) "
    r"of (?:him|her|them|my)\b|\bmy abuser\b"
)
# Fighting back, anywhere in the message: "i hit him with the lamp so he would let go".
_FOUGHT_BACK = re.compile(
    r"\b(?:self defen[cs]e|to get (?:him|her|them) off|off me|fought back|fight back|"
    r"(?:hit|pushed|shoved|slapped|punched|kicked) (?:him|her|them) (?:back|away|off)|"
    r"so (?:he|she|they) (?:would|could|will|d) (?:let go|stop|get off|leave me))\b|"
    # "i'll kill him if he touches me again": a threat against harm to come.
    r"\bif (?:he|she|they) (?:\w+ ){0,2}?(?:touch\w*|hits?|comes? near|lays? a finger|tries|"
    r"try|hurts?|goes for|ever)\b"
)


def about_to_harm(text: str) -> bool:
    """The writer fears the harm they are about to do, and nothing says they are harmed
    or writing about someone else. Narrower than says_they_harm, for urgent messages,
    where a survivor who fought back must never read as one who harms."""
    words = normalise(text)
    # Their fear of themselves is not fear of someone else: judge the rest.
    rest = _ABOUT_TO_HARM.sub(" ", words)
    return (rest != words and not _HARM_TO_ME.search(rest) and not _FOUGHT_BACK.search(words)
            and not about_someone_else(text) and not writer_is_professional(text))


# Called the one who harms by someone else: "he says im the abusive one now. am i?"
_CALLED_HARMER = re.compile(
    r"\b(?:says|said|tells me|told me|calls me|called me|accuses me|accused me|claims|"
    r"reckons|thinks) (?:that )?(?:i am|i was|i have been) (?:the |an |a |being )?(?:abusive|"
    r"abuser|controlling|violent|toxic|narcissist|problem|one)\b")


# Owning the harm as their own problem, not only telling of an act: "my temper", "i need
# to stop", "scared of what i'll do", "she's scared of me".
def owns_the_harm(text: str) -> bool:
    words = _read_scots(normalise(text))
    return bool(_WANT_TO_CHANGE.search(words) or _I_AM_HARMFUL.search(words)
                or _FEAR_OF_ME.search(words) or _PROGRAMME.search(words)
                or re.search(r"\bmy (?:own )?(?:temper|anger|rages?|jealousy|aggression|"
                             r"behaviou?r)\b|\b(?:lose|lost|losing) my temper\b", words))


def confesses_harm(text: str) -> bool:
    """The writer says they harm someone, and nothing says harm is done to them, that they
    fought back, or that they write about someone else or as a professional. For messages
    the intent model reads as a disclosure or as danger, where this alone decides that the
    writer is the one who harms."""
    words = normalise(text)
    return (says_they_harm(text) and not _HARM_TO_ME.search(words)
            and not _FOUGHT_BACK.search(words)
            and not (_CALLED_HARMER.search(words) and not _agrees(words))
            and not about_someone_else(text) and not writer_is_professional(text))


def tells_of_harm_to_them(text: str) -> bool:
    """The writer tells of harm done to them ("he hits me", "I'm scared of him")."""
    return bool(_TO_ME.search(normalise(text)))


# ---- someone else at risk -------------------------------------------------------------

# The writer's own partner is not among them: "my husband takes my hearing aids" is a
# survivor telling of her husband, not someone asking how to help him.
_THEM_WOMAN = (r"(?:sister|mum|mam|mom|mother|daughter|niece|aunt|auntie|gran|granny|nan|"
               r"nanna|grandma|grandmother|granddaughter|stepmum|stepdaughter|cousin she|"
               r"girl|sister in law|mother in law|daughter in law|goddaughter)")
_THEM_MAN = (r"(?:brother|dad|father|son|nephew|uncle|grandad|granddad|grandpa|grandfather|"
             r"grandson|stepdad|stepson|boy|brother in law|father in law|son in law|godson)")
_OTHER = (r"(?:friend|mate|best friend|bestie|pal|neighbour|colleague|workmate|coworker|"
          r"flatmate|housemate|cousin|client|tenant|patient|pupil|student|service user|"
          r"resident|customer|member|employee|staff member)")
_WRITER_IS_PROFESSIONAL = re.compile(
    r"\b(?:i am|i work as|as|working as) (?:a |an |the )?(?:\w+ )?(?:social worker|"
    r"housing officer|housing worker|housing officer|health visitor|midwife|nurse|doctor|gp|"
    r"teacher|head teacher|headteacher|police officer|pcso|probation officer|support worker|"
    r"key worker|keyworker|idva|isva|caseworker|case worker|practitioner|professional|"
    r"safeguarding lead|dsl|counsellor|therapist|pharmacist|paramedic|solicitor|"
    r"family support worker|outreach worker|tenancy officer|advisor|adviser|councillor|"
    r"youth worker|receptionist)\b|\b(?:my|our|a) (?:client|tenant|patient|pupil|"
    r"service user|caseload|resident)s?\b|\b(?:refer|referral|referring|marac|dash "
    r"(?:risk|checklist|form)|safeguarding referral)\b|"
    # People in their care or employ. (A job named first is not enough: "a doctor at
    # a&e said to contact you" is a survivor sent by a professional.)
    r"\b(?:one of )?our (?:staff|employees?|members?|pupils?|patients?|clients?|"
    r"residents?|tenants?|service users?)\b|\bas an employer\b|\bi work (?:at|in|for) "
    r"(?:a|an|the) (?:\w+ )?(?:club|centre|center|school|hospital|surgery|charity|nursery|"
    r"college|practice|pharmacy|service|council|clinic)\b(?=.*\b(?:member|client|patient|"
    r"pupil|student|resident|tenant|service user|staff|employee)s?\b)"
)
# A job given as the opening words, as professionals write to a service: "GP in
# macclesfield.", "community midwife, cardiff.", "pharmacist here.", "I'm a parish priest
# in a village near Ely." Only the whole first clause counts, so a job named inside the
# story ("the gp in town said...") does not.
_JOB = (r"(?:social worker|housing officer|housing worker|health visitor|midwife|nurse|"
        r"doctor|gp|teacher|head of year|head teacher|headteacher|police officer|pc|dc|"
        r"sergeant|pcso|probation officer|support worker|key worker|keyworker|idva|isva|"
        r"caseworker|case worker|practitioner|safeguarding lead|dsl|counsellor|therapist|"
        r"pharmacist|paramedic|solicitor|outreach worker|tenancy officer|advisor|adviser|"
        r"youth worker|carer|care worker|pa|personal adviser|priest|vicar|pastor|imam|"
        r"rabbi|chaplain|minister|senco|tutor|lecturer|dentist|hr manager|manager|"
        r"psychologist|psychiatrist|consultant|hca|health care assistant)")
_JOB_OPENING = re.compile(
    rf"(?:(?:hi|hello|hiya) )?(?:i am |i m |im )?(?:a |an )?"
    rf"(?:(?!(?:the|my|our|his|her|their|your|this|that)\b)\w+ ){{0,2}}?{_JOB}"
    r"(?: here| (?:in|at|from|near|based in)(?: \w+){1,5}| \w+ based)?"
)
_FIRST_CLAUSE = re.compile(r"[^.,;:!?\n]+")


def opens_with_a_job(text: str) -> bool:
    first = _FIRST_CLAUSE.search(text)
    return bool(first and _JOB_OPENING.fullmatch(normalise(first.group(0))))


# "her husband", "his girlfriend": the abuser named as someone else's partner.
_THEIR_ABUSER_HERS = re.compile(rf"\bher (?:new )?{_PARTNER}\b|\bshe is being\b|\bshe (?:is|was)"
                                r" (?:scared|afraid|terrified)\b")
_THEIR_ABUSER_HIS = re.compile(rf"\bhis (?:new )?{_PARTNER}\b|\bhe is being\b|\bhe (?:is|was)"
                               r" (?:scared|afraid|terrified)\b")
# Anyone the writer may write about: "my sister", "my mate", "my client".
OTHER_PERSON = rf"(?:{_THEM_WOMAN}|{_THEM_MAN}|{_OTHER})"
_MY_RELATION = re.compile(rf"\bmy (?:\w+ )??(?:{_THEM_WOMAN}|{_THEM_MAN}|{_OTHER})s?\b")
# Writing about someone else: a person of theirs is at risk, not the writer.
_ABOUT_THEM = re.compile(
    rf"\b(?:my (?:\w+ )?(?:{_THEM_WOMAN}|{_THEM_MAN}|{_OTHER})s?|a (?:\w+ )?{_OTHER}|"
    r"someone i know|somebody i know|a woman i know|a man i know|a girl i know|"
    r"a lad i know|my (?:\w+ )?(?:friends|mates))\b"
    r"(?:\W+\w+){0,14}?\W+(?:is being|has been|was|is|gets|keeps|told me|says|said|"
    r"partner|husband|wife|boyfriend|girlfriend|her|his|she|he)\b"
)


# Being told something is not being harmed: "my mate told me her boyfriend..."
_TOLD_ME = re.compile(r"\b(?:told|tells|telling|asked|asks|said to|says to|rang|rings|texted|"
                      r"texts|messaged|came to|comes to|confided in|showed|opened up to) me\b")


# The writer's partner as the one at risk: "my wife is being abused by her ex".
_PARTNER_AT_RISK = re.compile(
    r"\bmy (?:wife|girlfriend|husband|boyfriend|partner|fiancee?)s? (?:\w+ ){0,2}?(?:is being|"
    r"has been|was being|gets|got) (?:\w+ )?(?:abused|hit|hurt|beaten|stalked|harassed|"
    r"threatened|controlled|followed)\b|\bmy (?:wife|girlfriend|husband|boyfriend|partner)s? ex\b"
)


# The writer's own child, named by a parent telling of their own situation ("im in a b&b
# with my son, he's telling everyone im unstable") is not, alone, someone else at risk:
# that needs the child's own partner or harm said to the child.
_CHILD = r"(?:son|daughter|boy|girl|stepson|stepdaughter)"
_ABOUT_MY_CHILD = re.compile(
    rf"\bmy (?:\w+ )?{_CHILD}(?:s| s)? (?:new )?{_PARTNER}\b|"
    rf"\bmy (?:\w+ )?{_CHILD}s?\b(?:\W+\w+){{0,14}}?\W+"
    rf"(?:is being|(?:her|his) (?:new )?{_PARTNER})\b"
)
_MY_CHILD = re.compile(rf"my (?:\w+ )?{_CHILD}s?\b")


def about_someone_else(text: str) -> bool:
    """The writer asks about another person at risk, not about themselves."""
    words = normalise(text)
    others = [m for m in _ABOUT_THEM.finditer(words) if not _MY_CHILD.match(m.group(0))]
    if not (others or _ABOUT_MY_CHILD.search(words) or _PARTNER_AT_RISK.search(words)):
        return False
    # "my husband hits me" names a relation too: the writer is the one at risk.
    untold = _TOLD_ME.sub("", words)
    return not _TO_ME.search(untold) and not _HARMED.search(untold)


def writer_is_professional(text: str) -> bool:
    return bool(_WRITER_IS_PROFESSIONAL.search(normalise(text))) or opens_with_a_job(text)


# A relation as the one harmed: "hits my mum", "a bully to my mum", "rough with her".
_HARMED_RELATION = re.compile(
    r"\b(?:hit|hits|hitting|hurt\w*|slap\w*|punch\w*|push\w*|shov\w*|kick\w*|strangl\w*|"
    r"chok\w*|thump\w*|smack\w*|beat\w*|batter\w*|abus\w*|controls|controlling|"
    r"threaten\w*|bully to|bullies|bullying|rough with|violent (?:to|with|towards)|"
    r"lash\w* out at) "
    rf"(?:my (?:\w+ )??(?:(?P<woman>{_THEM_WOMAN})|"
    rf"{_THEM_MAN})s?|(?P<her>her)|him)\b"
)


def gender_of_person_at_risk(text: str) -> str | None:
    """For someone writing about another person: that person's gender, if said."""
    words = normalise(text)
    harmed = _HARMED_RELATION.search(words)
    if harmed:  # "my stepdad hits my mum": the one harmed, not the first named
        return "women" if harmed.group("woman") or harmed.group("her") else "men"
    mine = _MY_RELATION.search(words)
    if mine:
        word = mine.group(0)
        if re.search(rf"\b{_THEM_WOMAN}s?\b", word):
            return "women"
        if re.search(rf"\b{_THEM_MAN}s?\b", word):
            return "men"
    by_partner = gender_by_their_partner(text)
    if by_partner:
        return by_partner
    she = len(re.findall(r"\b(?:she|her|herself)\b", words))
    he = len(re.findall(r"\b(?:he|him|his|himself)\b", words))
    if she and not he:
        return "women"
    if he and not she and re.search(r"\b(?:his|him) (?:wife|girlfriend|partner)\b|\bhe is "
                                    r"being\b", words):
        return "men"
    return None


def gender_by_their_partner(text: str) -> str | None:
    """The gender of someone whose partner is named as theirs ("his boyfriend took his
    card"), for a message that does not itself say who is writing."""
    words = normalise(text)
    hers, his = _THEIR_ABUSER_HERS.search(words), _THEIR_ABUSER_HIS.search(words)
    if bool(hers) != bool(his):
        return "women" if hers else "men"
    return None


# "he slaps me": the writer's own harm, which outweighs "I worked as a nurse back home".
_HARM_DONE_TO_WRITER = re.compile(rf"\b(?:he|she|they|my {_PARTNER}) (?:\w+ ){{0,3}}?"
                                  rf"(?:{_HARM_VERB}|broke|breaks|tracks|tracking|won t let|"
                                  r"will not let|does not let) (?:me|my)\b")


def writer_role(text: str) -> str | None:
    """Who is writing, when the words say it: perpetrator, professional, friend-family,
    or self (telling of harm to themselves); None when they do not."""
    if says_they_harm(text) and not tells_of_harm_to_them(text):
        return "perpetrator"
    if writer_is_professional(text) and not _HARM_DONE_TO_WRITER.search(normalise(text)):
        return "professional"
    if about_someone_else(text):
        return "friend-family"
    if tells_of_harm_to_them(text):
        return "self"
    return None


def may_be_answered_as_perpetrator(text: str) -> bool:
    """Whether the intent model's "someone who harms" may stand for this message.

    The writer's own first-person account of harming stands alone. The broader "I ... her"
    stands only where nothing says the writer is harmed, writes about someone else, or
    writes as a professional.
    """
    if says_they_harm(text):
        return True
    return (acts_on_another(text) and not harmed_writer(text) and not about_someone_else(text)
            and not writer_is_professional(text))
