"""Who is writing (bot/nlu/role_rules.py). Phrasings are our own, written for these tests.

The figure that matters most: a survivor is never answered as someone who harms.
"""

from __future__ import annotations

import pytest

from bot.nlu.role_rules import (
    about_someone_else,
    about_to_harm,
    confesses_harm,
    gender_of_person_at_risk,
    harmed_writer,
    may_be_answered_as_perpetrator,
    owns_the_harm,
    says_they_harm,
    writer_role,
)

FIRST_PERSON_HARM = [
    "i hit my girlfriend last night and i hate myself",
    "ive been controlling my wife for years and i want to stop",
    "i want to stop hurting the people i love",
    "i keep shoving my husband when we row",
    "i think i am the abusive one in this relationship",
    "my kids are scared of me and i dont want them to be",
    "i go through her phone every night while she sleeps",
    "i smashed her phone because she was texting a mate",
    "how do i get help with my anger before i lose my family",
    "i called her worthless again tonight, i dont know why i do it",
    "theres a non mol against me and i want to change",
    "i lose it with my partner over nothing, i need to sort my head out",
    "the court says i need to do a perpetrator programme, where is one",
    "is there anything for people like me who hurt their partner",
    # Scots as typed: "a" is "I" before a verb.
    "a kicked the door in last night cos she wouldnae open it. a need tae sort masel oot",
    "i kicked the bathroom door in when she locked herself away from me",
]

SURVIVORS = [
    "i need somewhere safe for me and my two kids",
    "im deaf and my husband shouts at me so i cant follow",
    "he hits me when he drinks",
    "my partner says i am the abusive one but he is the one who hurts me",
    "i hit him back once to get him off me",
    "he says ill tell everyone you hit me, which i never did",
    "i am scared of my boyfriend",
    "my wife controls all the money and i have to ask for bus fare",
    "i blocked him everywhere but he still finds me",
    "i threatened to leave and he laughed",
    "i dont know if i am the problem, he says i overreact",
    "she checks my phone and screams at me if i talk to anyone",
    "court says he has to do a perpetrator programme, will it work",
    "i need to go on a course for work but he will not let me",
    "when my husband is angry he takes my hearing aids and hides them",
    "if i phone the helpline will they phone the police? i dont want him arrested",
    "i keep hearing the woman next door screaming. ive never seen her out alone",
    "i have to go on a domestic violence course at the family centre because my ex beat me",
    "my social worker said i need to do the domestic abuse programme for victims first",
    "i threw his phone at the wall and screamed at him. he says im the abusive one now. am i?",
    "he kicked the door in and i hid in the bathroom",
    "ma man's been battering me for years and a need tae get oot",
    "i was so angry i could scream when he took my wages again",
]

# A survivor naming her own partner is telling of her own situation, not asking for him.
OWN_PARTNER = [
    "i am deaf. when my husband is angry he takes my hearing aids and hides them",
    "is there a way to find out if my new boyfriend has a history of hurting women",
    "my wife decides who i see and checks the mileage on the car",
    "i worked as a nurse back home. here he slaps me and keeps my passport",
    "manager at a shop, my boyfriend hits me when i get home",
    "a doctor at a&e said to contact you after my husband broke my arm",
    "the nurse at the hospital gave me this number, my partner wont let me leave the house",
    "receptionist at a gp surgery here. my husband has been tracking my car",
]


@pytest.mark.parametrize("text", FIRST_PERSON_HARM)
def test_the_writer_who_says_they_harm_is_heard(text: str) -> None:
    assert may_be_answered_as_perpetrator(text)


@pytest.mark.parametrize("text", SURVIVORS)
def test_a_survivor_is_never_taken_for_someone_who_harms(text: str) -> None:
    assert not says_they_harm(text)
    assert not may_be_answered_as_perpetrator(text)
    assert writer_role(text) != "perpetrator"


@pytest.mark.parametrize("text", [
    "my sisters husband hits her, how can i help",
    "my mate told me her boyfriend reads all her messages",
    "a woman i know from church is scared of her husband",
    "my son's wife keeps belittling him in front of everyone",
    "my daughter is being hit by her boyfriend",
    "my daughters fella checks her phone every night",
])
def test_writing_about_someone_else(text: str) -> None:
    assert about_someone_else(text)
    assert writer_role(text) == "friend-family"
    assert not may_be_answered_as_perpetrator(text)


@pytest.mark.parametrize("text", [
    "my husband keeps me from seeing my sister",
    "my boyfriend and his mum gang up on me",
])
def test_naming_a_relative_while_telling_of_harm_to_oneself_is_not_about_someone_else(
        text: str) -> None:
    assert not about_someone_else(text)
    assert harmed_writer(text)


@pytest.mark.parametrize("text", [
    "left him 2 months ago. im in a b&b with my son and he tells everyone im unstable",
    "im scared for my son, my husband is getting worse",
    "my daughter is 4 and he screams at her when hes drunk",
])
def test_a_parent_naming_their_own_child_is_not_writing_about_someone_else(
        text: str) -> None:
    assert not about_someone_else(text)
    assert writer_role(text) != "friend-family"


@pytest.mark.parametrize(("text", "gender"), [
    ("my sisters husband hits her", "women"),
    ("my brother's girlfriend smacks him about", "men"),
    ("my friend says her fella takes her wages", "women"),
    ("my mate is being hit by his wife", "men"),
    ("a friend of mine is being abused", None),
    # The one harmed, not the first named.
    ("my dad has always been a bully to my mum and now hes rough with her", "women"),
    ("my stepdad hits my mum when hes drunk", "women"),
    ("my mum keeps hitting my dad", "men"),
])
def test_the_gender_of_the_person_at_risk(text: str, gender: str | None) -> None:
    assert gender_of_person_at_risk(text) == gender


@pytest.mark.parametrize("text", [
    "nurse at a hospital in crewe. a patient disclosed abuse on the ward",
    "i work at a deaf club and a member told me her partner hits her",
    "hr manager here. one of our staff says her ex waits in the car park",
    "im a housing officer and a tenant has told me her partner hits her",
    "one of my patients disclosed abuse, how do i refer her to marac",
    "as a teacher what do i do when a pupil says dad hits mum",
    # The job as the opening words, the way professionals write.
    "district nurse in leeds. an older lady on my round has bruises she wont explain",
    "probation officer here, a woman on my caseload wants to know about refuges",
    "Im a youth pastor near Leicester. One of the girls says her boyfriend scares her",
])
def test_professionals(text: str) -> None:
    assert writer_role(text) == "professional"


@pytest.mark.parametrize("text", [
    "the gp in town said i should talk to someone about him",
    "my nurse said to ring you",
    "pc came round last night and did nothing, he laughed after",
    "carer for my mum, and my husband shouts at me all day",
])
def test_a_job_inside_the_story_is_not_the_writers(text: str) -> None:
    assert writer_role(text) != "professional"


@pytest.mark.parametrize("text", OWN_PARTNER)
def test_naming_ones_own_partner_is_not_writing_about_someone_else(text: str) -> None:
    assert writer_role(text) not in ("friend-family", "professional")
    assert not about_someone_else(text)


def test_a_partner_at_risk_is_someone_else_and_a_woman() -> None:
    text = "my wife is being abused by her ex who keeps turning up at our house"
    assert about_someone_else(text)
    assert gender_of_person_at_risk(text) == "women"


# Urgent messages: the line for people who harm only for a writer afraid of what they are
# about to do, never for a survivor who fought back or fears their partner.
ABOUT_TO_HARM = [
    "we had a row. im so angry i could smash the door in, ive got my hand on the handle",
    "i'm going to hurt her tonight if i don't get out of the house, how do i stop myself",
    "scared of what i might do to my wife right now, i've hit her before",
    "i think i will hit him, i can feel it building, please help me control myself",
]
NOT_ABOUT_TO_HARM = [
    "i hit him with the lamp so he would let go",
    "i am going to kill him if he touches me again",
    "i think he is going to hurt me tonight",
    "im going to hit him back next time he hits me",
    "im going to leave him tonight",
    "my son is going to hurt my wife",
    "i will kill myself",
    "my client says she is scared of what she might do to him",
]


@pytest.mark.parametrize("text", ABOUT_TO_HARM)
def test_a_writer_afraid_of_the_harm_they_are_about_to_do(text: str) -> None:
    assert about_to_harm(text)


@pytest.mark.parametrize("text", NOT_ABOUT_TO_HARM)
def test_fear_of_harm_from_others_or_fighting_back_is_not_about_to_harm(text: str) -> None:
    assert not about_to_harm(text)


# confesses_harm decides alone, for disclosures and urgent messages: the writer's own
# harm, with nothing saying harm is done to them or that they fought back.
CONFESSIONS = [
    "pushed my wife against the fridge on sunday. she says one more time and shes gone",
    "when ive had a drink i get nasty. shoved her into the telly stand last weekend",
    "i smacked her once in front of the kids. just once",
    "i keep checking my boyfriends phone and i made him delete his mates off everything",
    "i control all the money in our house, i make her show me every receipt",
    "she winds me up and then cries when i shout. i threw her phone across the room",
    "shes left with the kids because of what i did to her",
    "ive been taking money from my dads account for months and i want to stop",
    "the judge says i have to do some programme or else",
    "if i ring one of these lines for ppl who are abusive do they tell the police",
    "ive got a non mol against me. can i still message her? she cant stop me seeing my kids",
    "my missus says i intimidate her, i stand over her in rows and block the door",
    # Called abusive, and owning the act while arguing with the word.
    "she says im abusive but i only grab her arm when she wont listen to me",
    "my girlfriend says im controlling because i track her location. i do it because i "
    "love her",
]
NOT_CONFESSIONS = [
    *SURVIVORS,
    "i hit him with the lamp so he would let go of my neck",
    "he hit me. hit him back and ran to my mums",
    "her husband is vile. pushed her down the stairs last week",
    "my dad is awful to my mum. shoved her into the wall",
    "he strangled me so i scratched his face to get him off",
    "im going to hit him back next time he hits me",
    "i am going to kill him if he touches me again",
    "im a guy btw. she says if i leave shell tell everyone i hit her",
    "i threw his phone at the wall and screamed at him. he says im the abusive one now. am i?",
    "lol i could strangle him for forgetting my bday again. he reads all my texts",
    "i got a caution after i hit him back, he had strangled me first",
    "he says im abusive but i only pushed him to get him off me",
    "he left with the kids because of what i told the police",
    "i have never hit anyone in my life, i would never hurt her",
]


@pytest.mark.parametrize("text", CONFESSIONS)
def test_a_writer_who_says_they_harm_confesses(text: str) -> None:
    assert confesses_harm(text)


@pytest.mark.parametrize("text", NOT_CONFESSIONS)
def test_a_survivor_or_someone_else_does_not_confess(text: str) -> None:
    assert not confesses_harm(text)


@pytest.mark.parametrize("text", [
    "im sat outside her house with a knife in the car. i dont trust myself right now",
    "shes leaving and i said if she does i will kill her. i meant it",
])
def test_a_writer_afraid_of_themselves_or_threatening_is_about_to_harm(text: str) -> None:
    assert about_to_harm(text)


@pytest.mark.parametrize(("text", "owns"), [
    ("ive ruined everything. shes left with the kids because of what i did to her", True),
    ("he left with the kids because of what i told the police", False),
])
def test_owning_the_harm(text: str, owns: bool) -> None:
    assert owns_the_harm(text) is owns
