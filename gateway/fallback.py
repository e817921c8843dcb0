"""The reply when Rasa, the action server or Redis cannot answer.

It is built from constants, not the directory or the model, so it works when
everything else is down. A person in danger must never see an error page.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from common.i18n import N_, Translator
from common.urgency_rules import check_urgency
from common.urgency_words import signs_in
from gateway.schemas import CardChannel, Reply, ServiceCard
from gateway.turn import service_cards
from services_directory import NATIONAL_LINES, Directory

logger = logging.getLogger(__name__)

# The directory's card for the helpline, its phone line only; this and FALLBACK_TEXT are
# the copies that must stay, and tests/test_safety_facts.py compares them with it.
NATIONAL_HELPLINE_NUMBER = "0808 2000 247"
NATIONAL_HELPLINE = ServiceCard(
    id="national-domestic-abuse-helpline",
    name="National Domestic Abuse Helpline",
    phone=NATIONAL_HELPLINE_NUMBER,
    text=None,
    url=None,
    hours="24 hours, every day",
    open_now=True,
    webchat=None,
    email=None,
    channels=[CardChannel(channel="phone", label=None, value=NATIONAL_HELPLINE_NUMBER,
                          href="tel:+44-808-200-0247", hours="24 hours, every day",
                          open_now=True, hours_url=None)],
)

# i18n: core (the reply when the chat is down; keep 999, 55 and the number)
FALLBACK_TEXT = N_(
    "I'm sorry, I can't answer properly just now. "
    "If you are in danger now, call 999. If you can't speak, call 999 from a mobile "
    "and press 55 when you are asked.\n"
    "The National Domestic Abuse Helpline is free and open 24 hours: 0808 2000 247."
)


def fallback_replies(locale: str | None = None) -> list[Reply]:
    """In the person's language when its catalogue has it (compiled catalogues are
    files on disk, so this still works with Rasa and the action server down)."""
    return [Reply(text=Translator(locale).translate(FALLBACK_TEXT))]


def shows_danger(scrubbed_message: str) -> bool:
    """The safety net's own rules (pure Python, no model), so danger is still flagged
    urgent, and the widget shows its urgent banner, when Rasa cannot answer."""
    try:
        return bool(check_urgency(scrubbed_message).signs or signs_in(scrubbed_message))
    except Exception:  # the fallback itself must never fail; its text names 999 anyway
        logger.exception("fallback without the safety net")
        return False


def fallback_services(directory: Directory, area: str | None,
                      locale: str) -> list[ServiceCard]:
    """The nation's own 24-hour line first when the embedding council's area or the
    Welsh locale tells the nation (the directory is in this process, so it answers with
    Rasa down); England's helpline always, from constants."""
    nation = "wales" if locale == "cy" else None
    try:
        area = area.strip().lower() if area else None  # as the actions read it
        if area and area in directory.areas:
            nation = directory.areas.nation_of(area) or nation
        if nation in NATIONAL_LINES and nation != "england":
            own = service_cards(directory, [NATIONAL_LINES[nation]],
                                datetime.now(timezone.utc), locale)
            return [*own, NATIONAL_HELPLINE]
    except Exception:  # the fallback itself must never fail
        logger.exception("fallback without the nation's line")
    return [NATIONAL_HELPLINE]


# Compile the word lists now (about 2 s), not in the first person's fallback turn.
signs_in("")
