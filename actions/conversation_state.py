"""What the conversation knows so far, read from the tracker, and how to remember more."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.directory_access import directory
from actions.remember_situation import SITUATION_SLOTS, updated_situation
from common.i18n import DEFAULT_LOCALE, Translator, supported

# Needs the writer's role brings: what helps friends and family, professionals, or
# people who harm (the directory's words).
ROLE_NEEDS = {"friend-family": "friends-family", "professional": "professionals",
              "perpetrator": "perpetrators"}
# Writing about someone else: the person at risk is that person, not the writer.
ABOUT_ANOTHER = ("friend-family", "professional")


@dataclass
class Known:
    """The situation so far: who is writing, who is at risk, where, and what they need."""

    nation: str | None = None
    area: str | None = None
    needs: list[str] = field(default_factory=list)
    gender: str | None = None  # the writer's own
    age: int | None = None
    asker: str | None = None  # self, friend-family, professional, perpetrator
    gender_at_risk: str | None = None  # of the person a friend or professional asks about
    partner_gender: str | None = None
    children: bool = False
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

    @property
    def about_another(self) -> bool:
        return self.asker in ABOUT_ANOTHER

    @property
    def person_gender(self) -> str | None:
        """The gender of the person at risk, as far as anyone has said it.

        A survivor who names a female partner without saying their own gender is most
        often a man ("my wife hits me"); a man's lines are then offered beside the
        others, and a later "I'm a woman" corrects it (and means Galop).
        """
        if self.about_another:
            return self.gender_at_risk
        if self.asker == "perpetrator":
            return None  # the writer's gender is not the victim's
        if self.gender is None and self.partner_gender == "women":
            return "men"
        return self.gender

    def routing_needs(self) -> list[str]:
        """The needs to route for: what was said, and what the situation implies."""
        needs = list(self.needs)
        gender = self.person_gender
        if self.about_another and "male-victims" in needs and gender != "men":
            needs.remove("male-victims")  # the writer's own gender, not the victim's
        if gender == "men" and "male-victims" not in needs:
            needs.append("male-victims")
        if gender == "women" and "male-victims" in needs:
            needs.remove("male-victims")
        same_sex = (not self.about_another and self.asker != "perpetrator" and
                    self.gender is not None and self.gender == self.partner_gender)
        if same_sex and "lgbt" not in needs:
            needs.append("lgbt")
        # 16 or 17: the young people's line too, whoever says it. A friend's "we're both 16"
        # or a teacher's "she's 16" is the age of the person at risk, or of a young writer.
        if self.age is not None and 16 <= self.age <= 17 and (
                "children-young-people" not in needs):
            needs.append("children-young-people")
        role_need = ROLE_NEEDS.get(self.asker or "")
        if role_need and role_need not in needs:
            needs.append(role_need)
        return needs


def read_known(tracker: Tracker) -> tuple[Known, list[dict[str, Any]]]:
    """The facts so far, and the slot events that remember this turn's new ones."""
    # action_validate_slot_mappings has already added this turn's facts to the slots;
    # adding again costs nothing and covers a turn where it could not run.
    situation = updated_situation({name: tracker.get_slot(name) for name in SITUATION_SLOTS},
                                  tracker.latest_message.get("entities") or [])
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
    age = situation["age"]
    known = Known(
        nation=nation,
        area=area if area != nation else None,
        needs=list(situation["needs"] or []),
        gender=situation["gender"],
        age=int(age) if isinstance(age, str) and age.isdigit() else None,
        asker=situation["asker"],
        gender_at_risk=situation["gender_at_risk"],
        partner_gender=situation["partner_gender"],
        children=bool(situation["children"]),
        place_asked=bool(tracker.get_slot("place_asked")),
        place_declined=bool(tracker.get_slot("place_declined")),
        # The language detector (bot/nlu/language.py) keeps the slot; the widget's
        # locale stands in until a message is long enough to tell.
        locale=(supported(tracker.get_slot("locale")) or supported(metadata.get("locale"))
                or DEFAULT_LOCALE) if isinstance(metadata, dict) else DEFAULT_LOCALE,
    )
    return known, [SlotSet("needs", known.needs)]
