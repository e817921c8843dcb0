"""What the conversation knows so far, read from the tracker, and how to remember more."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.directory_access import directory
from actions.remember_needs import merged_needs
from bot.i18n import DEFAULT_LOCALE, Translator, supported


@dataclass
class Known:
    nation: str | None = None
    area: str | None = None
    needs: list[str] = field(default_factory=list)
    gender: str | None = None
    age: int | None = None
    urgency_signs: list[str] = field(default_factory=list)
    place_asked: bool = False
    place_declined: bool = False
    locale: str = DEFAULT_LOCALE

    @property
    def t(self) -> Translator:
        """gettext in the conversation's language."""
        return Translator(self.locale)

    @property
    def route_nation(self) -> str | None:
        """The nation to route for. Someone writing in Welsh who has not said where they
        are is most likely in Wales, so their 24-hour line is Live Fear Free; it is an
        assumption, so the place question is still asked."""
        if self.nation is None and self.area is None and self.locale == "cy":
            return "wales"
        return self.nation

    @property
    def place_known(self) -> bool:
        return self.nation is not None or self.area is not None


def read_known(tracker: Tracker) -> tuple[Known, list[dict[str, Any]]]:
    """The facts so far, and the slot events that remember this turn's new ones."""
    # action_validate_slot_mappings has already merged this turn's needs into the slot;
    # merging again costs nothing and covers a turn where it could not run.
    needs = merged_needs(tracker.get_slot("needs"), tracker.latest_message.get("entities") or [])
    area = tracker.get_slot("area")
    nation = tracker.get_slot("nation")
    metadata = tracker.latest_message.get("metadata") or {}
    default_area = metadata.get("area") if isinstance(metadata, dict) else None
    if area is None and nation is None and isinstance(default_area, str):
        # The embedding council's area, until the person says where they are.
        area = default_area.strip().lower() if default_area.strip().lower() in (
            directory().areas) else None
    if area is not None and nation is None:
        nation = directory().areas.nation_of(area)
    age = tracker.get_slot("age")
    known = Known(
        nation=nation,
        area=area if area != nation else None,
        needs=needs,
        gender=tracker.get_slot("gender"),
        age=int(age) if isinstance(age, str) and age.isdigit() else None,
        urgency_signs=list(tracker.get_slot("urgency_signs") or []),
        place_asked=bool(tracker.get_slot("place_asked")),
        place_declined=bool(tracker.get_slot("place_declined")),
        # The language detector (bot/nlu/language.py) keeps the slot; the widget's
        # locale stands in until a message is long enough to tell.
        locale=(supported(tracker.get_slot("locale")) or supported(metadata.get("locale"))
                or DEFAULT_LOCALE) if isinstance(metadata, dict) else DEFAULT_LOCALE,
    )
    return known, [SlotSet("needs", needs)]
