"""The part every helping action shares: route, list the services, maybe ask where."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import replies
from actions.conversation_state import Known
from actions.directory_access import EMERGENCY_ID, offers_for
from common.turn_meta import meta_payload
from services_directory.routing import Offer, shortlist
from services_directory.schema import Service

# Enough to choose from on a small screen; the national 24-hour line is always among them.
# Five, not four: with the nation's line and two specialists for one need, four left the
# local service out.
MAX_SERVICES = 5


def offers_for_situation(known: Known, *, extra_needs: Sequence[str] = (),
                         first: Sequence[Offer] = (), then: Sequence[Offer] = (),
                         urgent: bool = False) -> list[Offer]:
    """Every service that fits the person at risk, best first: `first` (a topic's or an
    urgent situation's own services), then what route() gives for the situation, then
    `then` (the services of a question asked in passing)."""
    needs = known.routing_needs()
    needs += [n for n in extra_needs if n not in needs]
    offers = offers_for(nation=known.route_nation, area=known.area, needs=needs,
                        gender=known.person_gender, age=known.age, language=known.locale,
                        urgent=urgent)
    chosen = {o.id for o in first}
    offers = [*first, *(o for o in offers if o.id not in chosen)]
    chosen = {o.id for o in offers}
    offers += [o for o in then if o.id not in chosen]
    if known.asker != "perpetrator":
        # A line for people who harm, offered to a survivor, a friend or a professional
        # asking about a victim, answers them as the one who harms.
        offers = [o for o in offers if not for_people_who_harm(o.service)]
    return offers


def for_people_who_harm(service: Service) -> bool:
    """A service for people who harm, as opposed to one that also works with them."""
    return "perpetrators" in service.needs and "domestic-abuse" not in service.needs


def route_and_reply(dispatcher: CollectingDispatcher, known: Known, *,
                    extra_needs: Sequence[str], intro: str | None = None,
                    first: Sequence[Offer] = (), then: Sequence[Offer] = ()
                    ) -> list[dict[str, Any]]:
    """Offer services for what is known; ask once where they are if it is not known."""
    t = known.t
    offers = offers_for_situation(known, extra_needs=extra_needs, first=first, then=then)
    offers = shortlist([o for o in offers if o.id != EMERGENCY_ID], MAX_SERVICES)
    ask_place = not known.place_known and not known.place_asked and not known.place_declined
    dispatcher.utter_message(text=replies.services_list(t, offers, intro))
    events: list[dict[str, Any]] = []
    if ask_place:
        dispatcher.utter_message(text=replies.place_question(t), buttons=replies.place_buttons(t))
        events.append(SlotSet("place_asked", True))
    else:
        dispatcher.utter_message(text=replies.safety_line(t),
                                 buttons=replies.next_step_buttons(t))
    dispatcher.utter_message(json_message=meta_payload(
        urgent=False, services=[o.id for o in offers], locale=known.locale))
    return events
