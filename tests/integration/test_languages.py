"""Languages end to end through POST /api/chat, with the real model and catalogues.

The messages here were written for these tests; the held-out language set
(tests/eval_data/languages.yml) is measured by `make eval`, not asserted on.
"""

from __future__ import annotations

import httpx
import pytest

from common.i18n import Translator
from tools.launcher import Stack

pytestmark = pytest.mark.integration

NATIONAL_HELPLINE = "national-domestic-abuse-helpline"
LIVE_FEAR_FREE = "live-fear-free"

URGENT = {
    "cy": "Mae e wedi cloi fi yn y stafell ac mae ganddo gyllell",
    "pl": "Mój mąż trzyma nóż i mówi, że mnie zabije",
    "ur": "میرا شوہر چاقو لے کر کھڑا ہے اور کہتا ہے کہ مجھے مار دے گا",
    "bn": "আমার স্বামী ছুরি নিয়ে দাঁড়িয়ে আছে, বলছে আমাকে মেরে ফেলবে",
    "pa": "ਮੇਰਾ ਪਤੀ ਚਾਕੂ ਲੈ ਕੇ ਖੜ੍ਹਾ ਹੈ ਅਤੇ ਕਹਿੰਦਾ ਹੈ ਕਿ ਮੈਨੂੰ ਮਾਰ ਦੇਵੇਗਾ",
    "ar": "زوجي يحمل سكينا ويقول إنه سيقتلني",
    "ro": "Soțul meu are un cuțit și spune că mă omoară",
    "so": "Ninkaygu wuxuu haystaa mindi wuxuuna leeyahay waan ku dilayaa",
}
DISCLOSURE = {
    "pl": "Mój partner kontroluje wszystkie moje pieniądze i nie pozwala mi widywać rodziny",
    "ur": "میرا شوہر میرے سارے پیسے لے لیتا ہے اور مجھے گھر والوں سے ملنے نہیں دیتا",
    "bn": "আমার স্বামী আমার সব টাকা নিয়ে নেয় আর আমাকে পরিবারের সাথে দেখা করতে দেয় না",
    "ro": "Partenerul meu îmi ia toți banii și nu mă lasă să îmi văd familia",
    "ar": "زوجي يأخذ كل أموالي ولا يسمح لي برؤية عائلتي",
}


def chat(stack: Stack, message: str, **fields: str) -> dict:
    response = httpx.post(f"{stack.url}/api/chat", json={"message": message, **fields},
                          timeout=30)
    assert response.status_code == 200
    return response.json()


def text_of(reply: dict) -> str:
    return "\n".join(r["text"] for r in reply["replies"])


def test_a_welsh_disclosure_gets_a_welsh_reply_routing_to_live_fear_free(stack: Stack) -> None:
    reply = chat(stack, "Dw i angen help, mae fy nghariad yn fy mygwth")
    t = Translator("cy")
    assert reply["locale"] == "cy"
    assert not reply["urgent"]
    assert t("You don't have to decide anything now.") in text_of(reply)
    assert LIVE_FEAR_FREE in [s["id"] for s in reply["services"]]
    # The conversation stays in Welsh for a short answer the detector cannot place.
    follow_up = chat(stack, "ok", conversation_id=reply["conversation_id"])
    assert follow_up["locale"] == "cy"


def test_the_widget_language_is_kept_for_a_greeting(stack: Stack) -> None:
    reply = chat(stack, "helo", locale="cy")
    assert reply["locale"] == "cy"
    greeting = Translator("cy")("Hello. I'm here to listen and to help you find support. You "
                                "can tell me what is happening, in your own words. If you "
                                "are in danger now, call 999.", "responses")
    assert text_of(reply).startswith(greeting)


@pytest.mark.parametrize("locale", sorted(URGENT))
def test_danger_in_each_language_gets_the_999_reply_in_that_language(
        stack: Stack, locale: str) -> None:
    reply = chat(stack, URGENT[locale])
    t = Translator(locale)
    assert reply["urgent"] is True
    assert reply["locale"] == locale
    assert t("If you are in danger now, call 999.") in text_of(reply)
    assert t("If you are in danger now, call 999.") != "If you are in danger now, call 999."
    assert reply["services"][0]["id"] == "emergency-999"


@pytest.mark.parametrize("locale", sorted(DISCLOSURE))
def test_a_disclosure_in_a_community_language_names_the_helpline_and_its_interpreters(
        stack: Stack, locale: str) -> None:
    reply = chat(stack, DISCLOSURE[locale])
    t = Translator(locale)
    said = text_of(reply)
    assert reply["locale"] == locale
    assert not reply["urgent"]
    assert "National Domestic Abuse Helpline" in said
    assert t("They can arrange an interpreter.") in said
    assert t("They can arrange an interpreter.") != "They can arrange an interpreter."
    assert reply["services"][0]["id"] == NATIONAL_HELPLINE


def test_widget_words_are_served_per_language(stack: Stack) -> None:
    welsh = httpx.get(f"{stack.url}/api/translations/cy").json()
    assert welsh["dir"] == "ltr" and welsh["strings"]["Exit this page"]
    urdu = httpx.get(f"{stack.url}/api/translations/ur").json()
    assert urdu["dir"] == "rtl" and urdu["strings"]["Exit this page"] != "Exit this page"
    assert httpx.get(f"{stack.url}/api/translations/xx").status_code == 404
