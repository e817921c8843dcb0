"""The safety net in eight more languages: plain dangers match, calm disclosures do not.

Examples are our own, written for these tests (not taken from any evaluation set).
Each urgent example names the one family it must show; it may show others too.
"""

from __future__ import annotations

import re

import pytest
import yaml

from common import urgency_words
from common.i18n import CORE_LOCALES
from common.urgency_rules import SIGNS
from common.urgency_words import (
    DISCLOSURE_KEY,
    FAMILIES,
    PARTS_KEY,
    WORDS_FILE,
    explain,
    language_hits,
    matching_form,
    signs_in,
)

WORD_LIST_LANGUAGES = set(CORE_LOCALES) | {"cy"}
URGENT: dict[str, list[tuple[str, str]]] = {
    "cy": [
        ("mae gynno fo gyllell yn ei law", "weapon"),
        ("nath o drio fy nhagu i neithiwr", "strangulation"),
        ("nath o wasgu fy ngwddw nes i fi fethu anadlu", "strangulation"),
        ("mae o wedi bygwth fy lladd i os dw i'n gadael", "threat_to_kill"),
        ("medda fo, lladdith o fi", "threat_to_kill"),
        ("mae o wedi fy nghloi yn y llofft", "trapped"),
        ("dw i'n cuddio yn y bathrwm", "trapped"),
        ("dw i'n gwaedu ac mae fy mraich wedi torri", "serious_injury"),
        ("mae o tu allan yn y car", "abuser_arriving"),
        ("mae e ar ei ffordd adre ac mae e'n gandryll", "abuser_arriving"),
        ("mae e'n taro'r plant", "child_in_danger"),
        ("dw i'n feichiog a nath o gicio fi yn fy mol", "pregnancy_violence"),
        ("dw i isio marw", "suicidal"),
        ("dwi ddim moyn byw rhagor", "suicidal"),
        ("ffoniwch yr heddlu plis", "violence_now"),
        ("mae o'n fy nharo i rwan", "violence_now"),
    ],
    "pl": [
        ("ma nóż i grozi że mnie zabije", "weapon"),
        ("ma noz i grozi ze mnie zabije", "threat_to_kill"),
        ("wczoraj mnie dusił", "strangulation"),
        ("złapał mnie za gardło", "strangulation"),
        ("zamknął mnie w łazience", "trapped"),
        ("krwawię, chyba mam złamany nos", "serious_injury"),
        ("on stoi pod drzwiami i wali w drzwi", "abuser_arriving"),
        ("już jedzie do domu, jest pijany", "abuser_arriving"),
        ("bije moje dzieci", "child_in_danger"),
        ("jestem w ciąży a on mnie kopnął w brzuch", "pregnancy_violence"),
        ("nie chcę już żyć", "suicidal"),
        ("chyba się zabiję", "suicidal"),
        ("teraz mnie bije, zadzwońcie na policję", "violence_now"),
    ],
    "ro": [
        ("are un cuțit în mână", "weapon"),
        ("zice ca ma omoara daca plec", "threat_to_kill"),
        ("m-a amenințat cu moartea", "threat_to_kill"),
        ("m-a strâns de gât aseară", "strangulation"),
        ("m-a încuiat în baie", "trapped"),
        ("sângerez și nu pot să mă ridic", "serious_injury"),
        ("mi-a rupt mâna", "serious_injury"),
        ("e la ușă și bate tare", "abuser_arriving"),
        ("vine incoace si e beat", "abuser_arriving"),
        ("îl bate pe băiatul meu", "child_in_danger"),
        ("sunt însărcinată și m-a lovit în burtă", "pregnancy_violence"),
        ("vreau să mor", "suicidal"),
        ("mă bate acum, sunați la poliție", "violence_now"),
    ],
    "so": [
        ("wuxuu haystaa mindi", "weapon"),
        ("wuu i ceejiyay xalay", "strangulation"),
        ("wuxuu igu hanjabay inuu i dilayo", "threat_to_kill"),
        ("waan ku dilayaa ayuu igu yiri", "threat_to_kill"),
        ("qolka ayuu igu xiray", "trapped"),
        ("dhiig badan baa iga socda", "serious_injury"),
        ("waxaan u baahanahay isbitaal", "serious_injury"),
        ("wuxuu joogaa banaanka", "abuser_arriving"),
        ("carruurta ayuu garaacay", "child_in_danger"),
        ("uur ayaan leeyahay wuuna i garaacay", "pregnancy_violence"),
        ("waxaan rabaa inaan is dilo", "suicidal"),
        ("hadda ayuu i garaacayaa", "violence_now"),
        ("booliska u yeera fadlan", "violence_now"),
    ],
    "ur": [
        ("اس کے پاس چاقو ہے", "weapon"),
        ("اس نے میرا گلا دبایا", "strangulation"),
        ("وہ کہتا ہے مجھے جان سے مار دے گا", "threat_to_kill"),
        ("woh kehta hai mujhe maar dega", "threat_to_kill"),
        ("اس نے مجھے کمرے میں بند کر دیا ہے", "trapped"),
        ("میرا خون بہہ رہا ہے", "serious_injury"),
        ("وہ گھر آ رہا ہے اور بہت غصے میں ہے", "abuser_arriving"),
        ("mera shohar ghar aa raha hai", "abuser_arriving"),
        ("وہ بچوں کو مارتا ہے", "child_in_danger"),
        ("میں حاملہ ہوں اور اس نے میرے پیٹ پر لات ماری", "pregnancy_violence"),
        ("میں خودکشی کرنا چاہتی ہوں", "suicidal"),
        ("khudkushi karna chahti hoon", "suicidal"),
        ("وہ مجھے مار رہا ہے، پولیس کو بلائیں", "violence_now"),
    ],
    "ar": [
        ("معه سكين", "weapon"),
        ("خنقني البارحة", "strangulation"),
        ("ما قدرت أتنفس", "strangulation"),
        ("هددني إنه رح يقتلني", "threat_to_kill"),
        ("قالي هموتك", "threat_to_kill"),
        ("حابسني بالبيت وقافل علي الباب", "trapped"),
        ("أنا أنزف وإيدي مكسورة", "serious_injury"),
        ("جوزي واقف برا عند الباب", "abuser_arriving"),
        ("بيضرب الأولاد", "child_in_danger"),
        ("أنا حامل وضربني على بطني", "pregnancy_violence"),
        ("بدي موت", "suicidal"),
        ("عم يضربني هلق، اتصلوا بالشرطة", "violence_now"),
    ],
    "bn": [
        ("ওর হাতে ছুরি আছে", "weapon"),
        ("আমার গলা টিপে ধরেছিল", "strangulation"),
        ("বলেছে আমাকে মেরে ফেলবে", "threat_to_kill"),
        ("amake mere felbe bolche", "threat_to_kill"),
        ("আমাকে ঘরে আটকে রেখেছে", "trapped"),
        ("মাথা থেকে রক্ত পড়ছে", "serious_injury"),
        ("ও বাইরে দাঁড়িয়ে আছে", "abuser_arriving"),
        ("স্বামী আবার বাড়ি আসছে", "abuser_arriving"),
        ("বাচ্চাদের মারছে", "child_in_danger"),
        ("আমি গর্ভবতী, তবু পেটে লাথি মেরেছে", "pregnancy_violence"),
        ("আমি আর বাঁচতে চাই না", "suicidal"),
        ("আমাকে এখন মারছে, পুলিশ ডাকুন", "violence_now"),
    ],
    "pa": [
        ("ਉਹਦੇ ਕੋਲ ਚਾਕੂ ਹੈ", "weapon"),
        ("ਉਹਨੇ ਮੇਰਾ ਗਲਾ ਘੁੱਟਿਆ", "strangulation"),
        ("ਕਹਿੰਦਾ ਜਾਨੋਂ ਮਾਰ ਦਿਆਂਗਾ", "threat_to_kill"),
        ("oh kehnda mainu maar devega", "threat_to_kill"),
        ("ਮੈਨੂੰ ਕਮਰੇ ਵਿੱਚ ਬੰਦ ਕਰ ਦਿੱਤਾ", "trapped"),
        ("ਖੂਨ ਵਗ ਰਿਹਾ ਹੈ", "serious_injury"),
        ("ਉਹ ਬਾਹਰ ਖੜ੍ਹਾ ਹੈ", "abuser_arriving"),
        ("ਘਰਵਾਲਾ ਘਰ ਆ ਰਿਹਾ ਹੈ", "abuser_arriving"),
        ("ਬੱਚਿਆਂ ਨੂੰ ਕੁੱਟਦਾ ਹੈ", "child_in_danger"),
        ("ਮੈਂ ਗਰਭਵਤੀ ਹਾਂ ਤੇ ਉਸਨੇ ਢਿੱਡ ਵਿੱਚ ਲੱਤ ਮਾਰੀ", "pregnancy_violence"),
        ("ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦੀ ਹਾਂ", "suicidal"),
        ("ਮੈਨੂੰ ਕੁੱਟ ਰਿਹਾ ਹੈ, ਪੁਲਿਸ ਨੂੰ ਬੁਲਾਓ", "violence_now"),
    ],
}

# Serious but not urgent: control, money, shouting, fear alone, isolation; and ordinary
# sentences that share a word with a danger phrase.
CALM: dict[str, list[str]] = {
    "cy": [
        "mae o'n darllen fy negeseuon i gyd",
        "mae o'n rheoli'r arian i gyd",
        "mae o'n gweiddi arna i drwy'r amser",
        "dw i ofn o",
        "dydy fy ngŵr ddim yn gadael i fi weld fy nheulu",
        "wn i ddim beth i wneud",
        "mae'n bwrw glaw a mae'r plant adre",
        "dw i'n gweithio yn yr ysbyty",
        "mae'n braf tu allan heddiw",
        "dw i ddim eisiau byw gyda fo rhagor",
        "nes i dorri fy ffôn",
    ],
    "pl": [
        "sprawdza mój telefon",
        "kontroluje moje pieniądze",
        "ciągle na mnie krzyczy",
        "boję się go",
        "mąż nie pozwala mi widywać się z rodziną",
        "serce mi bije jak szalone, dzieci śpią",
        "czuję bicie serca w uszach",
        "trzeba dusić mięso przez godzinę",
        "pracuję w szpitalu na nocki",
        "zamknął drzwi i wyszedł do pracy",
        "nie chcę żyć z nim dłużej",
        "uderzyło mnie, jak bardzo się zmienił",
    ],
    "ro": [
        "îmi verifică telefonul",
        "îmi controlează banii",
        "țipă la mine toată ziua",
        "mi-e frică de el",
        "soțul nu mă lasă să-mi văd familia",
        "mă bate la cap toată ziua",
        "e frig afară",
        "lucrez la spital",
        "mă omor de râs cu el",
        "inima îmi bate tare când copilul plânge",
        "nu mai vreau să trăiesc cu el",
    ],
    "so": [
        "telefoonkayga ayuu baaraa",
        "lacagta ayuu iga qaataa",
        "wuu igu qayliyaa",
        "waan ka baqayaa",
        "ninkaygu ima oggola inaan qoyskayga arko",
        "waxaan u baahanahay caawimaad ku saabsan guriga",
        "wiilkayga wuxuu tagaa dugsiga",
        "telefoonkii wuu jabay",
        "ma rabo inaan la noolaado isaga",
    ],
    "ur": [
        "وہ میرا فون چیک کرتا ہے",
        "میرا شوہر میرے پیسے لے لیتا ہے",
        "وہ مجھ پر چیختا ہے",
        "مجھے اس سے ڈر لگتا ہے",
        "میرا شوہر مجھے میرے گھر والوں سے ملنے نہیں دیتا",
        "میں بچوں کو مارکیٹ لے گئی",
        "مجھے سمجھ نہیں آ رہی کیا کروں",
        "mera dil toot gaya hai",
        "usne mujhe purani baat yaad dilaya",
        "mujhe rona aa raha hai",
    ],
    "ar": [
        "زوجي يفتش تلفوني",
        "زوجي يتحكم في أموالي",
        "بيصرخ علي كل يوم",
        "أنا خايفة منه",
        "زوجي ما بيخليني أشوف أهلي",
        "مسكين ما عنده شغل",
        "عندي موعد في المستشفى",
        "قدمت طعن في الحكم",
        "رايحة أشتري قلم رصاص",
        "ما بدي عيش معه",
    ],
    "bn": [
        "আমার স্বামী আমার ফোন চেক করে",
        "ও আমার টাকা নিয়ন্ত্রণ করে",
        "ও আমার উপর চিৎকার করে",
        "আমি ওকে ভয় পাই",
        "আমার স্বামী আমাকে পরিবারের সাথে দেখা করতে দেয় না",
        "আমি একটা নতুন চাকুরি খুঁজছি",
        "কাল রক্ত পরীক্ষা করাতে হবে",
        "আমার মা ও বোন কাল আসছে",
        "মেয়েটা স্কুলে যায়",
    ],
    "pa": [
        "ਉਹ ਮੇਰਾ ਫ਼ੋਨ ਚੈੱਕ ਕਰਦਾ ਹੈ",
        "ਉਹ ਮੇਰੇ ਪੈਸੇ ਰੱਖ ਲੈਂਦਾ ਹੈ",
        "ਉਹ ਮੇਰੇ ਤੇ ਚੀਕਦਾ ਹੈ",
        "ਮੈਨੂੰ ਉਸ ਤੋਂ ਡਰ ਲੱਗਦਾ ਹੈ",
        "ਮੇਰਾ ਘਰਵਾਲਾ ਮੈਨੂੰ ਪੇਕੇ ਨਹੀਂ ਜਾਣ ਦਿੰਦਾ",
        "ਅਸੀਂ ਮਾਰਕੀਟ ਗਏ ਸੀ",
        "ਮੇਰੀ ਧੀ ਸਕੂਲ ਜਾਂਦੀ ਹੈ",
        "ਮੈਨੂੰ ਸਮਝ ਨਹੀਂ ਆ ਰਹੀ",
        "ਮੈਂ ਬੱਚਿਆਂ ਨੂੰ ਪਿਆਰ ਕਰਦੀ ਹਾਂ",
    ],
}

# Every language's patterns run on every message, English included.
CALM_ENGLISH = [
    "he checks my phone",
    "he controls my money",
    "he shouts at me",
    "I am scared of him",
    "my husband doesn't let me see my family",
    "I fell off a ladder at work last year",
    "he wakes me in the middle of the night to argue",
    "is the house dilapidated?",
    "I need help with my housing application",
    "my daughter has a beta version of the app",
]


def _cases(table: dict[str, list]) -> list:
    return [pytest.param(lang, case, id=f"{lang}-{i}") for lang, cases in table.items()
            for i, case in enumerate(cases)]


@pytest.mark.parametrize("lang,case", _cases(URGENT))
def test_plain_danger_is_caught(lang: str, case: tuple[str, str]) -> None:
    text, family = case
    assert family in signs_in(text), (text, explain(text))


@pytest.mark.parametrize("lang,text", _cases(CALM))
def test_calm_disclosures_raise_no_alarm(lang: str, text: str) -> None:
    assert signs_in(text) == (), explain(text)


@pytest.mark.parametrize("text", CALM_ENGLISH)
def test_english_calm_messages_raise_no_alarm(text: str) -> None:
    assert signs_in(text) == (), explain(text)


def test_each_language_has_enough_examples() -> None:
    # Every language the model was not trained on, and Welsh, which it half knows.
    assert set(URGENT) == set(CALM) == WORD_LIST_LANGUAGES
    for lang in URGENT:
        assert len(URGENT[lang]) >= 8 and len(CALM[lang]) >= 8, lang
        assert len({family for _, family in URGENT[lang]}) >= 6, lang


def test_yaml_uses_only_the_rules_sign_families_and_covers_each_language() -> None:
    data = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    assert tuple(SIGNS) == FAMILIES
    assert set(data) == WORD_LIST_LANGUAGES
    for lang, entries in data.items():
        families = set(entries) - {PARTS_KEY, DISCLOSURE_KEY}
        assert families <= set(FAMILIES), (lang, families - set(FAMILIES))
        assert len(families) >= 6, lang
        assert all(entries[f] for f in families), lang


def test_every_pattern_compiles() -> None:
    compiled = urgency_words.compiled()
    assert sum(len(p) for families in compiled.values() for p in families.values()) > 300


def test_results_are_sorted_and_unique() -> None:
    signs = signs_in("ma nóż i zamknął mnie w łazience, teraz mnie bije")
    assert signs == tuple(sorted(set(signs)))
    assert {"weapon", "trapped", "violence_now"} <= set(signs)


@pytest.mark.parametrize("typed,plain", [
    ("NÓŻ", "noz"),
    ("Cuțit ȘI cuţit", "cutit si cutit"),
    ("mae'n", "mae n"),
    ("m-a", "m a"),
    ("سِكّين", "سکین"),
    ("يقتلني", "یقتلنی"),
    ("ਖ਼ੁਦਕੁਸ਼ੀ", "ਖੁਦਕੁਸੀ"),
    ("ਘੁੱਟ", "ਘੁਟ"),
    ("বাঁচাও", "বাচাও"),
])
def test_normalise_folds_what_phones_type_differently(typed: str, plain: str) -> None:
    assert matching_form(typed) == matching_form(plain)


def test_plain_word_boundary_fails_on_indic_vowel_signs_and_ours_does_not() -> None:
    # The reason \b is rewritten: a Bengali word ending in a vowel sign has no \b after it.
    assert re.search(r"\bফেলবে\b", "মেরে ফেলবে") is None
    assert "threat_to_kill" in signs_in("মেরে ফেলবে।")
    # ...and the rewritten \b still refuses a match inside a longer word.
    assert signs_in("চাকুরি") == ()
    assert "weapon" in signs_in("চাকু")
    assert signs_in("ਮਾਰਕੀਟ") == ()


# Abuse told without danger (AI-written, unreviewed by native speakers): evidence of the
# language only, never a sign.
DISCLOSURE_ONLY = [
    ("pl", "mąż mnie wyzywa"),
    ("ro", "soțul meu mă controlează"),
    ("so", "ninkayga wuu i caayaa"),
    ("ur", "میرا شوہر مجھے تنگ کرتا ہے"),
    ("ar", "زوجي يهينني"),
    ("bn", "স্বামী আমাকে গালি দেয়"),
    ("pa", "ਘਰਵਾਲਾ ਗਾਲ੍ਹਾਂ ਕੱਢਦਾ"),
]


@pytest.mark.parametrize(("lang", "text"), DISCLOSURE_ONLY)
def test_disclosure_patterns_say_the_language_but_raise_no_alarm(lang: str, text: str) -> None:
    assert signs_in(text) == (), explain(text)
    assert set(language_hits(text)) == {lang}, language_hits(text)


@pytest.mark.parametrize("text", CALM_ENGLISH)
def test_english_matches_no_language_list(text: str) -> None:
    assert language_hits(text) == {}, explain(text)


def test_disclosure_is_not_a_family() -> None:
    assert DISCLOSURE_KEY not in FAMILIES
    assert all(DISCLOSURE_KEY not in families for families in urgency_words.compiled().values())
