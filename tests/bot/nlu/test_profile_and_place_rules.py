from __future__ import annotations

import pytest

from bot.nlu.place_rules import PlaceFinder, outward_code_only
from bot.nlu.profile_rules import read_profile
from services_directory import load_directory


@pytest.fixture(scope="module")
def places() -> PlaceFinder:
    return PlaceFinder(load_directory().areas)


@pytest.mark.parametrize(("text", "needs", "gender"), [
    ("gay man here, my husband hits me", {"lgbt", "male-victims"}, "men"),
    ("im a bloke and my wife smacks me about", {"male-victims"}, "men"),
    ("im a woman and my girlfriend controls me", {"lgbt"}, "women"),
    ("my parents are forcing me to marry", {"forced-marriage"}, None),
    ("my uncle said if i dont end it with my boyfriend the family will kill me",
     {"honour-based-abuse"}, None),
    ("my brothers will hurt me if they find out about my relationship",
     {"honour-based-abuse"}, None),
    ("my family will kill me if i fail my exams", set(), None),
    ("my dad doesnt like my boyfriend", set(), None),
    ("ive been sat in the car looking at the bridge for an hour", {"suicidal-crisis"}, None),
    ("we were looking at the bridge from the hotel window", set(), None),
    ("im standing on the bridge", {"suicidal-crisis"}, None),
    ("his boyfriend has all his passwords and took his bank card", {"lgbt", "economic-abuse"},
     None),
    ("her boyfriend has all her passwords", set(), None),
    ("his aunties say when we go back home they will make her clean, my daughter",
     {"fgm"}, None),
    ("a special party where she becomes a woman, her cousin cried for days", {"fgm"}, None),
    ("she becomes a woman in my eyes when she stands up for herself", set(), None),
    ("i came from bangladesh 2 year ago", {"migrant-women"}, None),
    ("we moved over from poland last year and he controls everything", {"migrant-women"},
     None),
    ("i came from leeds to be with him", set(), None),
    ("i came from work and he was waiting", set(), None),
    ("we sat by the bridge and had a picnic", set(), None),
    ("they say ive brought shame on the family", {"honour-based-abuse"}, None),
    ("he threatens to post my nudes", {"image-based-abuse"}, None),
    ("he takes my wages every month", {"economic-abuse"}, None),
    ("im deaf and use bsl", {"deaf"}, None),
    ("he says hell get me deported", {"migrant-women"}, None),
    ("he reads my messages", set(), None),
    # Stalking described, not named.
    ("my ex sits outside my flat in his car most nights", {"stalking"}, None),
    ("she keeps messaging me from fake accounts after i block her", {"stalking"}, None),
    ("he drives past my house and leaves flowers at my door", {"stalking"}, None),
    ("my partner turns up drunk and shouts", set(), None),
    # Forum shorthand for gender, and "fella" as a partner.
    ("31m, my husband takes my wages", {"economic-abuse", "male-victims", "lgbt"}, "men"),
    ("f here, my gf hits me", {"lgbt"}, "women"),
    ("im a lad and my fella wont let me out", {"male-victims", "lgbt"}, "men"),
    # Needs told by what happened rather than named.
    ("what my stepdad did to me when i was little still haunts me", {"childhood-abuse"}, None),
    ("my dad left when i was little", set(), None),
    ("our girls need to be cleaned when we visit next year", {"fgm"}, None),
    ("they want to take our daughter back home in the summer for the ceremony", {"fgm"},
     None),
    ("my daughters wedding ceremony is next month", set(), None),
    ("one of my ladies is 88 and her son takes her pension", {"older-people",
                                                              "economic-abuse"}, None),
    ("the rent is 80 quid a week", set(), None),
    ("he says the courts always side with dads", {"legal"}, None),
    ("he got out on bail this afternoon", {"legal"}, None),
    ("hes hitting my son right now", {"children-young-people"}, None),
    ("are there any services run by black women", {"black-minoritised"}, None),
    ("is there a jewish charity she could trust", {"jewish"}, None),
    # Letters the normaliser drops must not leave a stray "m" that reads as "male".
    ("mąż mnie bije", set(), None),
    ("m not sure what to do", set(), None),
    ("F my life, he hit me again", set(), None),
    ("20 m from my house he parks his van", set(), None),
    ("he stood by the door shouting", set(), None),
    # Needs told by what happened rather than by the service's own word.
    ("my ex says he will send the videos to my dad", {"image-based-abuse"}, None),
    ("my nan is being pushed around by her husband", {"older-people"}, None),
    ("my stepdad abused me when i was 9 and it is all coming back", {"childhood-abuse"}, None),
    ("some days i just dont want to be here", {"suicidal-crisis"}, None),
    ("he is a rabbi and says a jewish wife obeys", {"jewish"}, None),
    ("he says the quran lets him hit me", {"muslim"}, None),
    ("i overheard them planning my wedding back home", {"forced-marriage"}, None),
    ("we want to get married next year", set(), None),
    ("my uncle abused me from about 8 to 12 and it is coming back", {"childhood-abuse"}, None),
    ("he put pictures of me in a group chat, private ones", {"image-based-abuse"}, None),
    ("he messages me from new instagram accounts and sent flowers to my work",
     {"stalking"}, None),
    ("they talk about the wedding and i have never even met him", {"forced-marriage"}, None),
    ("a pupil says his family are arranging his marriage for the summer", {"forced-marriage"},
     None),
    ("she is 16 and they want her married to her cousin",
     {"forced-marriage", "children-young-people"}, None),
    ("he sent me flowers after the row", set(), None),
    # Calm words that must not pick a specialist (a review's examples).
    ("i want to end things with him but im scared", set(), None),
    ("he says hes suicidal if i leave", set(), None),
    ("we went to a wedding abroad last summer and he hit me there", set(), None),
    ("he keeps posting pictures of our holiday on facebook", set(), None),
    ("he sent photos of the kids to his mum without asking me", set(), None),
    ("he hurt me from about 9 in the evening until the police came", set(), None),
    ("my neighbour is muslim and heard the shouting", set(), None),
    ("they are planning my nikah back home", {"forced-marriage", "muslim"}, None),
    ("im a lesbian", {"lgbt"}, "women"),
    ("hes my boyfriend, were both guys", {"lgbt", "male-victims"}, "men"),
    ("can a man get an occupation order against his wife", {"legal", "male-victims"}, "men"),
    ("my cousin is being married off in the summer holidays", {"forced-marriage"}, None),
    ("my mum was married at 19 and is happy", set(), None),
])
def test_needs_and_gender(text: str, needs: set[str], gender: str | None) -> None:
    profile = read_profile(text)
    assert set(profile.needs) == needs
    assert profile.gender == gender


def test_age_gives_age_bands() -> None:
    assert read_profile("im 16 and my boyfriend hits me").age == 16
    assert "children-young-people" in read_profile("im 16 and scared").needs
    assert read_profile("were both 16, in year 11").age == 16
    assert "older-people" in read_profile("i am 78 and my grandson bullies me").needs


@pytest.mark.parametrize(("text", "area", "nation"), [
    ("i live in hackney", "hackney", "england"),
    ("Glossop", "high-peak", "england"),
    ("we're in Cardiff", "cardiff", "wales"),
    ("Scotland", "scotland", "scotland"),
    ("my postcode is E8 1AB", "hackney", "england"),
    ("BT9", "northern-ireland", "northern-ireland"),
    # A town typed in lower case counts after a word that says where.
    ("were on a farm outside dumfries, nearest neighbour is a mile", "scotland", "scotland"),
    ("we live just outside newry and he farms", "northern-ireland", "northern-ireland"),
    ("she lives round glossop way", "high-peak", "england"),
    # A code set apart at the start, before the story.
    ("SK13. my husband. im a man too, hes started hitting me", "high-peak", "england"),
    ("postcode is DE4 3NN if you need it", "derbyshire", "england"),
])
def test_places_from_the_directory(places: PlaceFinder, text: str, area: str,
                                   nation: str) -> None:
    found = places.find(text)
    assert [(p.area, p.nation) for p in found][:1] == [(area, nation)]


@pytest.mark.parametrize(("text", "areas"), [
    ("glossop, england", ["high-peak"]),
    ("ilkeston DE7", ["derbyshire"]),  # DE7 also reaches Nottinghamshire: the town decides
    ("shes in swansea, im in wales", ["swansea", "wales"]),  # two people, two places
])
def test_a_broader_place_gives_way_to_one_inside_it(places: PlaceFinder, text: str,
                                                    areas: list[str]) -> None:
    assert [p.area for p in places.find(text) if not p.ambiguous] == areas


@pytest.mark.parametrize(("text", "area"), [
    ("my flatmate's ex hurt her when she lived in london. we're in edinburgh", "edinburgh"),
    ("i grew up in cardiff but i live in leeds now", "england"),
    ("after leaving him in glasgow im at my sisters in belfast", "belfast"),
    ("i was in cardiff last week, i live in bristol", "england"),
])
def test_a_place_left_behind_gives_way_to_where_they_are(places: PlaceFinder, text: str,
                                                         area: str) -> None:
    assert [p.area for p in places.find(text)] == [area]


def test_a_place_left_behind_still_counts_alone(places: PlaceFinder) -> None:
    assert [p.area for p in places.find("she lived in swansea before")] == ["swansea"]


def test_a_code_between_sentences_is_a_place(places: PlaceFinder) -> None:
    found = places.find("hes smashed the telly again. BT12. i cant keep doin this")
    assert [p.nation for p in found] == ["northern-ireland"]


def test_a_code_inside_a_sentence_is_not_a_place(places: PlaceFinder) -> None:
    assert places.find("he drove me up the M1. i was terrified") == []


@pytest.mark.parametrize("text", [
    "the dog kept barking", "he hopes i will leave", "my mum lives with us", "stuck on the M1",
])
def test_ordinary_words_are_not_places(places: PlaceFinder, text: str) -> None:
    assert places.find(text) == []


def test_a_town_after_a_sentence_ending_in_i_is_a_place(places: PlaceFinder) -> None:
    assert [p.area for p in places.find("yeah shes a woman, so am i. belfast")] == ["belfast"]


def test_full_postcodes_are_cut_to_the_outward_code() -> None:
    assert outward_code_only("I'm at E8 3AB, near SK17 6DX") == "I'm at E8, near SK17"


def test_a_national_insurance_number_is_not_northern_ireland(places: PlaceFinder) -> None:
    assert places.find("my NI number is [ni_number]") == []
    assert [p.nation for p in places.find("im in NI")] == ["northern-ireland"]


@pytest.mark.parametrize(("text", "whose"), [
    ("shes in swansea, im in bristol", {"swansea": "other", "bristol": "writer"}),
    ("my daughters at uni in edinburgh and her boyfriend has cut her off. were in york",
     {"edinburgh": "other", "york": "writer"}),
    ("i live in cardiff but my mum is in leeds", {"cardiff": "writer", "leeds": "other"}),
    ("im staying at my nans in rhyl", {"rhyl": "writer"}),
    ("my nan lives in rhyl", {"rhyl": "other"}),
    ("glasgow", {"glasgow": None}),
])
def test_whose_place_each_place_is(places: PlaceFinder, text: str,
                                   whose: dict[str, str | None]) -> None:
    assert {p.text.lower(): p.whose for p in places.find(text)} == whose


@pytest.mark.parametrize(("text", "age"), [
    ("a student in year 12, 17, told me her boyfriend hurts her", 17),
    ("my little sister is 15 and her boyfriend is 20", 15),
    ("im 34 and my son is 12", 34),
    ("he is 45 and controls everything", None),  # an adult's age said of another: his
    ("she is 16 weeks pregnant", None),
])
def test_the_age_of_a_young_person_at_risk(text: str, age: int | None) -> None:
    assert read_profile(text).age == age


def test_where_someone_comes_from_gives_way_to_where_they_are(places: PlaceFinder) -> None:
    text = "do refuges in wales take you if youre from england? im staying at my nans in rhyl"
    assert {p.nation for p in places.find(text)} == {"wales"}
    # Said alone, it is still their place.
    assert [p.nation for p in places.find("im from leeds")] == ["england"]
