"""Rasa's responses in the conversation's language (Rasa's NLG endpoint protocol).

Rasa keeps its responses in bot/domain/*.yml, in English, as Rasa projects do. With
`nlg:` set in bot/endpoints.yml, Rasa asks this server for each `utter_*` response
(FAQ answers included, as `utter_faq/<topic>`) and sends the tracker along; the
text and button titles come back from the `responses` catalogue for the locale slot.
The reply also carries `{"meta": {"locale": ...}}` so the gateway can report it, and,
for every response but a greeting, thanks or goodbye, the nation's 24-hour line, so that
no answer comes without help (FAQ answers get theirs from action_information_help).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from actions.directory_access import directory, national_line_id
from actions.replies import in_english_note
from common.i18n import COMPLETE_LOCALES, DEFAULT_LOCALE, Translator, supported
from common.turn_meta import meta_payload

DOMAIN_DIR = Path(__file__).resolve().parents[1] / "bot" / "domain"
# The only answers that may come without a service.
SOCIAL_RESPONSES = frozenset({"utter_greet", "utter_thanks", "utter_goodbye"})
# Followed in the same turn by an action that offers the services that act on them.
ROUTED_PREFIX = "utter_faq/"


@cache
def responses() -> dict[str, list[dict[str, Any]]]:
    """Every response in the domain, by name (read once per process)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(DOMAIN_DIR.glob("*.yml")):
        found.update((yaml.safe_load(path.read_text(encoding="utf-8")) or {})
                     .get("responses") or {})
    return found


def locale_of(tracker: dict[str, Any]) -> str:
    """The locale slot, or the widget's locale from the latest message's metadata."""
    slots = tracker.get("slots") or {}
    metadata = (tracker.get("latest_message") or {}).get("metadata") or {}
    return (supported(slots.get("locale"))
            or supported(metadata.get("locale") if isinstance(metadata, dict) else None)
            or DEFAULT_LOCALE)


def generate(request: dict[str, Any]) -> dict[str, Any]:
    """The body Rasa expects back for one response (see rasa.core.nlg.callback)."""
    name = request.get("response")
    variations = responses().get(name) if isinstance(name, str) else None
    if not isinstance(name, str) or not variations:
        raise KeyError(f"no response named {name!r} in bot/domain")
    locale = locale_of(request.get("tracker") or {})
    t = Translator(locale)
    variation = variations[0]  # one variation each: a person should not get a lottery
    text = " ".join(variation["text"].split())
    reply: dict[str, Any] = {"text": t.translate(text, "responses")}
    if locale not in COMPLETE_LOCALES and not t.has(text, "responses"):
        # Not yet in their language: say so, in their language.
        reply["text"] += "\n" + in_english_note(t)
    if variation.get("buttons"):
        reply["buttons"] = [{**button, "title": t.translate(button["title"], "responses")}
                            for button in variation["buttons"]]
    services = ([] if name in SOCIAL_RESPONSES or name.startswith(ROUTED_PREFIX)
                else [national_line_id(nation_of(request.get("tracker") or {}))])
    reply["custom"] = meta_payload(urgent=False, services=services, locale=locale)
    return reply


def nation_of(tracker: dict[str, Any]) -> str | None:
    """The person's nation from the slots, or from the area (theirs or the council's)."""
    slots = tracker.get("slots") or {}
    if slots.get("nation") in ("england", "wales", "scotland", "northern-ireland"):
        return slots["nation"]
    metadata = (tracker.get("latest_message") or {}).get("metadata") or {}
    for area in (slots.get("area"), metadata.get("area") if isinstance(metadata, dict) else None):
        if isinstance(area, str) and area.strip().lower() in directory().areas:
            return directory().areas.nation_of(area.strip().lower())
    if locale_of(tracker) == "cy":
        return "wales"  # as Known.route_nation: writing in Welsh, most likely in Wales
    return None
