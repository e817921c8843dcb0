"""What the actions say. Every sentence a person reads is built here, in one place.

Wording follows the issue's manners: believe, don't blame, name what they describe
when it helps, never pressure to leave or report; short; 999 always in reach.
"""

from __future__ import annotations

from actions.directory_access import directory, first_sentence, now
from services_directory.routing import Offer

# How to name what someone describes (need from bot/nlu/profile_rules.py -> words).
# Each claim is in the Home Office guidance (seeds/004): the Act's definition (s1),
# paragraphs 5 (rape, stalking are offences), 88, 97 (forced marriage), 98 (FGM).
FORM_NAMES = {
    "economic-abuse": "controlling someone's money is economic abuse",
    "stalking": "being followed, watched or harassed is stalking, and it is a crime",
    "forced-marriage": "being made to marry is forced marriage, and it is a crime",
    "honour-based-abuse": "abuse to protect a family's so-called honour is still abuse",
    "fgm": "FGM is child abuse and a crime in the UK",
    "image-based-abuse": "sharing or threatening to share intimate images is abuse",
    "sexual-violence": "sex without your consent is rape or sexual assault, even in a relationship",
}


def believe(needs: list[str]) -> str:
    named = [FORM_NAMES[n] for n in needs if n in FORM_NAMES][:1]
    naming = f" What you describe matters: {named[0]}." if named else ""
    return (
        "Thank you for telling me. What is happening is not your fault, and you deserve "
        f"to be safe.{naming} You don't have to decide anything now."
    )


def urgent(helpline_name: str, helpline_phone: str | None, suicidal: bool,
           samaritans_phone: str | None, for_someone_else: bool) -> str:
    who = "someone is" if for_someone_else else "you are"
    lines = [
        f"If {who} in danger now, call 999.",
        "If you can't speak, call 999 from a mobile and press 55 when you are asked: "
        "the police will know it is an emergency (Silent Solution).",
        "If you are deaf or can't speak, you can text 999 once you have registered "
        "for emergency SMS.",
    ]
    if helpline_phone:
        lines.append(f"When you can, {helpline_name} is free and open 24 hours: {helpline_phone}.")
    if suicidal and samaritans_phone:
        lines.append(f"If you are thinking of ending your life, Samaritans are there day and "
                     f"night: {samaritans_phone}.")
    return "\n".join(lines)


def service_line(offer: Offer) -> str:
    """One service: name, what it is for, how to reach it, and whether it is open now."""
    service = offer.service
    card = directory().card(service.id, now())
    purpose = first_sentence(service.description.get("en", ""))
    reach = []
    if card["phone"]:
        reach.append(f"call {card['phone']}")
    if card["text"]:
        reach.append(f"text {card['text']}")
    if not reach and card["url"]:
        reach.append(f"see {card['url']}")
    how = " or ".join(reach)
    if card["hours"] and card["open_now"] is True:
        when = f"open now ({card['hours']})"
    elif card["hours"] and card["open_now"] is False:
        when = f"closed now; open {card['hours']}"
    else:
        when = card["hours"] or ""
    details = "; ".join(part for part in (how, when) if part)
    return f"• {service.name}: {purpose}." + (f" {details[0].upper()}{details[1:]}." if details
                                               else "")


def services_list(offers: list[Offer], intro: str = "These services can help:") -> str:
    return "\n".join([intro, *(service_line(o) for o in offers)])


WHEN_SAFE = "When it is safe, these can also help:"
PLACE_QUESTION = (
    "Which part of the UK are you in? It helps me find the right people near you. "
    "You don't have to say."
)
PLACE_BUTTONS = [
    {"title": "England", "payload": '/inform{"nation": "england"}'},
    {"title": "Wales", "payload": '/inform{"nation": "wales"}'},
    {"title": "Scotland", "payload": '/inform{"nation": "scotland"}'},
    {"title": "Northern Ireland", "payload": '/inform{"nation": "northern-ireland"}'},
    {"title": "I'd rather not say", "payload": "/decline_place"},
]
NEXT_STEP_BUTTONS = [
    {"title": "Making a safety plan", "payload": "How do I make a safety plan?"},
    {"title": "I just want to talk about my options", "payload": "/talk_options"},
    {"title": "Start again", "payload": "/restart"},
]
SAFETY_LINE = "If you are ever in danger, call 999."

HELPING_SOMEONE = (
    "It's good that you want to help. The most useful things are to listen, believe "
    "them, and let them decide what to do; don't confront the person harming them. "
    "Helplines also talk to friends and family about how to support someone."
)
PROFESSIONAL = (
    "For professionals: use the DASH risk checklist with the person's consent where you "
    "can; if the risk is high, refer to your area's MARAC. Local domestic abuse services "
    "take referrals and can advise."
)
PERPETRATOR = (
    "Thank you for reaching out: wanting to change is an important first step. The "
    "Respect Phoneline is a confidential service for people who are abusive to a partner "
    "or family member and want to stop. If anyone is in danger now, call 999."
)
DECLINED_PLACE = "That's fine, you don't need to tell me."

NOT_SURE_BUT_HERE_IS_HELP = (
    "I'm not sure I understood all of that, but here is who can help. You can tell me "
    "more in your own words."
)
FALLBACK_BUTTONS = [
    {"title": "I want to talk about my options", "payload": "/talk_options"},
    {"title": "Start again", "payload": "/restart"},
]


def not_understood(helpline_name: str, helpline_phone: str | None) -> str:
    talk = (f" If it is easier, you can talk to someone at {helpline_name}, free and open "
            f"24 hours: {helpline_phone}." if helpline_phone else "")
    return ("I'm sorry, I didn't quite understand. Could you say it another way?"
            f"{talk} If you are in danger now, call 999.")
