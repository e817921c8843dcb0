"""The safety net, sign by sign. Phrasings here are our own, not the evaluation set's."""

from __future__ import annotations

import pytest

from common.normalise import normalise
from common.urgency_rules import SIGNS, check_urgency

URGENT = {
    "weapon": [
        "hes got a blade",
        "HE HAS A KNIFE",
        "she came at me with a hammer",
        "he keeps a gun in the loft and showed it me",
        "hit me with a frying pan",
    ],
    "strangulation": [
        "he strangled me last year",
        "he nearly choked me out on the stairs",
        "he chocked me till i saw stars",
        "had his arm across my neck against the wall",
        "put a pillow over my face",
        # Said by what happened to the body, with no alarming word (issue 12).
        "he pushed his thumb into my throat",
        "she leant her forearm on my neck on the sofa",
        "he knelt with his knee on my neck",
        "he got me up against the fridge and pinned me by the neck",
        "pressed down on my windpipe till i went dizzy",
        "he crushed my throat with both thumbs",
        "theres finger marks all round my neck this morning",
        "my neck is purple where he squeezed",
        "bruising down the side of my neck from last night",
        "my voice has gone croaky since he grabbed me",
        "it hurts to swallow after what he did with his hands",
        "i couldnt breathe when he lay across me",
    ],
    "threat_to_kill": [
        "he says hell kill me if i go",
        "she said she would murder me",
        "told me nobody would find my body",
        "said im dead when he gets back",
        "he keeps telling me people go missing and nobody bats an eyelid",
        "she said she'd make it look like an accident",
        "he said i'll end up like his first wife",
    ],
    "trapped": [
        "ive barricaded myself in the box room",
        "he wont let me out of the flat",
        "im hiding in the wardrobe",
        "hes locked all the doors",
        "hes took my phone and the car keys so i cant get to anyone",
        "stuck at the farm with no signal and miles from the nearest house",
    ],
    "serious_injury": [
        "i think my wrist is broken",
        "the cut on my hand wont stop bleeding",
        "theres blood all up the bathroom wall",
        "he punched me and my nose will not stop bleeding",
        "my top is soaked in blood",
        "theres blood coming from my ear",
        "he knocked me out",
        "i need an ambulance",
        "he banged my head on the floor and ive been throwing up since",
        "the cut on my leg from the glass has gone all hot and swollen and theres pus",
    ],
    "unresponsive": [
        "my mum is lying on the landing and she wont wake up after he pushed her",
        "my sister is unresponsive, he threw her into the wardrobe",
        "he hit my brother and now hes not moving",
        "shes not breathing properly, he was on top of her",
        "dad shoved him down the stairs and he wont come round",
        "she went out cold when he hit her",
        "her lips are going blue",
        "he knocked my mum out",
        "when i came to he had gone and the door was locked",
        "i blacked out after he punched me",
        "she fell and hit her head on the floor and cant wake her up",
        "hes barely breathing",
    ],
    "fresh_injury": [
        "its 2am, my lip is split and hes asleep in the next room",
        "it just happened and my eye is swelling shut",
        "my lip is still bleeding, he is snoring on the sofa",
        "he slapped me twenty minutes ago",
        "he punched me tonight and went to bed",
        "theres a lump on my head and it happened an hour ago",
        "4am and my ear is still ringing from where he hit me",
        "just now he kicked me",
        "my cheek is all swollen, he only went to bed half an hour ago",
        "my tooth feels loose, he passed out upstairs",
    ],
    "abuser_arriving": [
        "his car just pulled up",
        "my ex is outside",
        "she is on her way round",
        "i can hear his key in the door",
        "hes parked across the road again",
        "hes been sat outside every night for weeks and hes there now",
        "shes just turned into our close, i can see her from the window",
    ],
    "child_in_danger": [
        "he is hurting my son",
        "hes taken the kids and wont bring them back",
        "the baby is not safe with him",
        "my daughter came home from her dads with finger marks on her arm",
    ],
    "pregnancy_violence": [
        "im pregnant and he punched me",
        "he kicked me in the belly and im 20 weeks",
        "got a bun in the oven and he shoved me into the wardrobe",
        "he said hed punch the baby out of me",
        # Said plainly or with slang (issue 12).
        "he booted me in the stomach and im 7 months",
        "she punched my bump",
        "im expecting and he threw me against the door",
        "im preggo and he slapped me round the face",
        "he kicked me while i was carrying our baby",
        "hes kneed me in the belly and im 30 weeks",
        "up the duff and he still battered me",
        "im 5 months gone and he dragged me down the hall",
        "hes shoved me twice this week and were expecting twins",
        "me 8 weeks pregnant and him stamping on my legs",
    ],
    "suicidal": [
        "i want to kill myself",
        "dont want to be alive anymore",
        "thinking about ending it all",
        "honestly things would be easier for everyone with me not being here",
        "im writing goodbye letters to my kids",
        "my family would be better off if i was gone",
        "i feel like a burden to everyone",
    ],
    "violence_now": [
        "help hes hitting me",
        "he is beating me right now",
        "please call the police",
        "help",
    ],
    "forced_marriage_imminent": [
        "my family are taking me to pakistan next week to marry a man i dont know",
    ],
}

CALM = [
    "he reads all my messages",
    "she controls all the money",
    "my ex keeps texting me",
    "he shouts at me a lot",
    "he pushed me once years ago",
    "my husband checks my phone and my bank account",
    "he says im useless and no one would want me",
    "my family cut me off when i came out",
    "do they call the police if i ring the helpline",
    "i have a hospital appointment next week",
    "hes ending it with me and i dont know what to do",
    "the dog was barking at the postman",
    "what is coercive control",
    "hello",
    "thank you so much",
    "my partner wont let me see my friends",
    # Control and ongoing stalking, serious but not an emergency by themselves.
    "she wont let me go out without her",
    "he wont let me leave the house on my own",
    "my ex has stood outside my work most mornings for months",
    "since we split hes been parked at the end of my road every weekend",
    # Metaphors and dinner tables.
    "living with her feels suffocating",
    "i feel trapped in this marriage",
    "he moaned that i put the knife and fork on the wrong side",
    "she says ill end up on my own without her",
    "im not locked in or anything but i cant go anywhere without him asking",
    "i cant stand being in the same room as her",
    "he knows where ive been because of the app",
    "she says ill never see the kids again if i divorce her",
    "i feel like a prisoner in my own home",
    "i keep smashing plates when we argue and i hate myself for it",
    "a and e nurse here, how do i contact the hospital idva",
    "she says the kids would be better off with her",
    "he calls me a burden",
    # Idioms and negations.
    "i nearly choked on my coffee when i saw what hed spent",
    "i feel strangled by all his rules",
    "he shot off to the pub without a word",
    "some days i cant get out of bed",
    "my stomach is tied up in knots",
    "im trapped in this marriage with no money of my own",
    "hes never been violent but he controls everything, even with me pregnant",
    "he is back from the rigs next week and i dread it",
]


@pytest.mark.parametrize(("sign", "text"), [(s, t) for s, ts in URGENT.items() for t in ts])
def test_each_sign_is_caught(sign: str, text: str) -> None:
    check = check_urgency(text)
    assert check.urgent, text
    assert sign in check.signs, (text, check.signs)


@pytest.mark.parametrize("text", CALM)
def test_calm_messages_do_not_raise_the_alarm(text: str) -> None:
    assert check_urgency(text).signs == ()


def test_every_sign_has_a_test() -> None:
    assert set(URGENT) == set(SIGNS)


def test_normalising_text_speak() -> None:
    assert normalise("OMG hes gna kill me!!") == "he is going to kill me"
    assert normalise("I’m scared, he’ll be back") == "i am scared he will be back"


# Close to the new families, but not danger (issue 12).
CALM_NEAR_ISSUE_12 = [
    "i passed out from exhaustion at work on friday",
    "we had training on unconscious bias at work",
    "my nose wont stop bleeding in winter, its the heating",
    "i bump into him in town sometimes and it upsets me",
    "im expecting a call from the council about the flat",
    "im expecting him to kick off when he sees the bill",
    "hes passed out drunk on the sofa again",
    "hes not responding to my texts",
    "thank god he wont come round tonight",
    "my husband will not wake up for work, he is so lazy",
    "my voice is hoarse from shouting at the match",
    "hes bleeding me dry, every penny goes on his car",
    "theres bad blood between our families",
    "he wont come round to the idea of counselling",
    "im 3 months behind on rent and he hit the roof",
    "he hit me years ago and tonight i finally told my mum",
    "he pushed me once, can i talk to someone tonight",
    "its 4am and im lying awake worrying about money",
    "my alarm goes off at 5am for work",
    "he gave me a black eye in 2019",
    "my lip is split from the cold",
    "i have a bump on my head from the cupboard door",
    "we are expecting our first and he controls the money",
    "my dad collapsed last year with a heart attack",
    "she had a panic attack and i calmed her down",
    "i stopped breathing exercises at the gym",
    "hes not breathing a word of it to his mum",
    "when i came round to his flat he was lovely",
    "my son has stopped responding to my messages",
    "my nan is not moving in with us after all",
    "my ears are ringing from the concert last night",
    "i fainted giving blood",
    "i get nosebleeds when the heating is on",
    "he has a tattoo of my name",
]


@pytest.mark.parametrize("text", CALM_NEAR_ISSUE_12)
def test_near_misses_of_the_new_families_stay_calm(text: str) -> None:
    assert check_urgency(text).signs == (), check_urgency(text).signs


# One dangerous sentence in a long post about something else is still caught, and a
# calm reading of one sentence never cancels a sign in another.
LONG_POSTS = [
    ("strangulation",
     "hi, sorry this is long. we moved to the area last year and the council have been slow "
     "with the repairs. the kids are doing ok at school and my mum helps when she can. in "
     "march he got his forearm across my throat on the landing. anyway my main question is "
     "whether i can get a transfer to a bigger flat and how long the list is."),
    ("serious_injury",
     "i get nosebleeds in winter, always have. but he punched me and now its bleeding again."),
    ("strangulation",
     "i fainted at work on monday from exhaustion. on saturday he choked me."),
    ("abuser_arriving",
     "hes texted me every night for months. right now hes sat outside in his van."),
    ("pregnancy_violence",
     "were expecting our second in may and hes been off work with his back. he has money "
     "worries and he drinks. last night he kicked me in the stomach."),
    ("unresponsive",
     "my dad collapsed last year with his heart. tonight my stepdad hit my mum and she is "
     "on the floor not moving."),
]


@pytest.mark.parametrize(("sign", "text"), LONG_POSTS)
def test_one_sentence_of_danger_in_a_long_post_is_caught(sign: str, text: str) -> None:
    assert sign in check_urgency(text).signs, check_urgency(text).signs


def test_a_habit_said_in_one_sentence_only_softens_that_sentence() -> None:
    # The loitering is a habit; the smashing is not said to be.
    text = "he has parked over the road every night for months. he just smashed everything."
    assert "violence_now" in check_urgency(text).signs
    assert check_urgency("he has parked over the road every night for months").signs == ()


# Found in review: the exceptions for calm language must never swallow plain danger, and
# the sideways families must not fire on everyday words.
STILL_URGENT = [
    "we've been married for 10 years and he is hitting me",
    "i've been with him for years and he's outside",
    "he's banging on the door for ages",
    "he is beating me, every time we argue he does this",
    "my court date is next week and he's outside",
    "he's hitting the kids every night",
    "he's suffocating me",
    "i was strangled when i tried to leave",
    "i almost choked to death when he grabbed me",
    "he won't let me leave, i'm alone with him and he's drunk",
    "he'll end up killing me",
    "he said i'd end up in a ditch",
    "he just smashed everything",
    "he stamped on my arm and i can't move it",
    "he held the butter knife to my throat",
]
STILL_CALM = [
    "money keeps going missing from my account",
    "he was horrible at her funeral",
    "my little boy has an accident most nights since his dad left",
    "i don't want to end up like my mum",
    "i called the helpline but the line was busy",
    "his last message said he was sorry",
    "there is no way out but to leave him",
    "my head is all over the place, i'm so confused",
    "i think my phone is infected with spyware",
    "please don't tell my mum i'm talking to you",
    "my son has a bruise from football",
    "i was so choked up when he apologised",
]


@pytest.mark.parametrize("text", STILL_URGENT)
def test_exceptions_do_not_swallow_danger(text: str) -> None:
    assert check_urgency(text).urgent


@pytest.mark.parametrize("text", STILL_CALM)
def test_sideways_families_do_not_fire_on_everyday_words(text: str) -> None:
    assert check_urgency(text).signs == ()


# Everyday words the weapon, breathing, hospital, pregnancy and leaving patterns took for
# danger, each with its dangerous twin (phrasings our own).
WORDS_NOT_DANGER = [
    "i saw what he wrote to my sister",
    "we met at a salsa club and he was lovely to me at first",
    "i feel like i cant breathe in this house any more",
    "my mum works at the hospital and says i should talk to someone",
    "a nurse at a hospital told me about this site",
    "my daughter was born 8 weeks ago and since then he hardly speaks to me",
    "for 3 weeks he has been cold and ignoring me",
    "i use a walking frame and cant get out the house without my husband",
    "he always knows where i am, i think its my phone",
    "would it be kidnapping if i took the kids to my mums",
    "my ex keeps turning up at the school gates",
    "lol i could strangle him for forgetting my birthday again",
    "i could kill her sometimes, she never puts the lid on anything",
    "the kids slammed the door and locked themselves out of the shed",
    "im going nowhere, this is my flat and hes the one who should leave",
    "i was scared to go home for years but i have my own place now",
    "my partner is a chef so our kitchen is full of knives, and my boss will kill me if im late",
    "was chopping onions with the big kitchen knife and it made me think about us",
    "im a butcher by trade so i handle knives all day",
    "sorry, i know this isnt an emergency, others have it worse",
    "we had to rush the dog to the emergency vet and he blamed me",
    "my mate always jokes he'll kill her when she buys anything",
]
DANGER_STILL = [
    ("strangulation", "he choked me last night. lol i could strangle him for it"),
    ("suicidal", "some nights i google ways to do it and worked out how many of my tablets"),
    ("violence_now", "i can hear the woman next door screamin and things smashing"),
    ("violence_now", "my pupil says hes scared to go home after school today"),
    ("violence_now", "hes stood over me shouting and wont move"),
    ("violence_now", "im so angry i could smash the door in"),
    ("trapped", "we had a row and shes locked herself in the bathroom"),
    ("trapped", "took my car keys and says im going nowhere tonight"),
    ("weapon", "he held the kitchen knife to my throat while i was cooking"),
    ("weapon", "my husband is a chef and he came at me with a knife"),
    ("threat_to_kill", "he said he will kill me lol not joking"),
    ("threat_to_kill", "he said he'll kill me lol"),
    ("violence_now", "this is an emergency"),
    ("suicidal", "i'd rather be dead than stay with him another year"),
    ("suicidal", "my sister texted that she'd rather die than go through with it"),
    ("weapon", "he came at me with a saw from the shed"),
    ("weapon", "he swung at me with a club"),
    ("strangulation", "he had his hands round me and i cant breathe"),
    ("serious_injury", "i ended up in hospital with a broken jaw"),
    ("pregnancy_violence", "im 24 weeks and he punched me last night"),
    ("trapped", "i cant get out, he locked the front door and took the key"),
    ("trapped", "i was kidnapped by my ex and held in his flat"),
    ("abuser_arriving", "he found where i live now"),
    ("abuser_arriving", "my ex keeps turning up and hes waiting outside right now"),
]


@pytest.mark.parametrize("text", WORDS_NOT_DANGER)
def test_everyday_words_are_not_danger(text: str) -> None:
    assert check_urgency(text).signs == ()


@pytest.mark.parametrize(("sign", "text"), DANGER_STILL)
def test_their_dangerous_twins_still_are(sign: str, text: str) -> None:
    assert sign in check_urgency(text).signs
