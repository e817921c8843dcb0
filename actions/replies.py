"""What the actions say. Every sentence a person reads is built here, in one place.

Wording follows the issue's manners: believe, don't blame, name what they describe
when it helps, never pressure to leave or report; short; 999 always in reach.

Each sentence is an English gettext msgid, translated through `t` (a Translator for
the conversation's locale; see common/i18n). Strings marked `i18n: core` are the
safety-critical ones every community language must carry.
"""

from __future__ import annotations

from actions.directory_access import directory, first_sentence, now
from common.i18n import N_, Translator
from services_directory.routing import Offer

# How to name what someone describes (need from bot/nlu/profile_rules.py -> words).
# Each claim is in the Home Office guidance (seeds/004): the Act's definition (s1),
# paragraphs 5 (rape, stalking are offences), 88, 97 (forced marriage), 98 (FGM).
FORM_NAMES = {
    "economic-abuse": N_("controlling someone's money is economic abuse"),
    "stalking": N_("being followed, watched or harassed is stalking, and it is a crime"),
    "forced-marriage": N_("being made to marry is forced marriage, and it is a crime"),
    "honour-based-abuse": N_("abuse to protect a family's so-called honour is still abuse"),
    "fgm": N_("FGM is child abuse and a crime in the UK"),
    "image-based-abuse": N_("sharing or threatening to share intimate images is abuse"),
    "sexual-violence": N_(
        "sex without your consent is rape or sexual assault, even in a relationship"),
}


def believe(t: Translator, needs: list[str]) -> str:
    """The first reply to a disclosure."""
    named = [FORM_NAMES[n] for n in needs if n in FORM_NAMES][:1]
    # i18n: core (the first reply to a disclosure)
    lines = [t("Thank you for telling me. What is happening is not your fault, and you "
               "deserve to be safe.")]
    if named:
        lines.append(t("What you describe matters: {form}.").format(
            form=t.translate(named[0])))
    # i18n: core (the first reply to a disclosure)
    lines.append(t("You don't have to decide anything now."))
    return " ".join(lines)


def urgent(t: Translator, helpline_name: str, helpline_phone: str | None, suicidal: bool,
           samaritans_phone: str | None, for_someone_else: bool) -> str:
    lines = [
        # i18n: core (the urgent reply; 999 is the UK emergency number)
        t("If someone is in danger now, call 999.") if for_someone_else
        # i18n: core (the urgent reply; 999 is the UK emergency number)
        else t("If you are in danger now, call 999."),
        # i18n: core (the urgent reply: the Silent Solution)
        t("If you can't speak, call 999 from a mobile and press 55 when you are asked: "
          "the police will know it is an emergency (Silent Solution)."),
        # i18n: core (the urgent reply: emergency SMS for deaf people)
        t("If you are deaf or can't speak, you can text 999 once you have registered "
          "for emergency SMS."),
    ]
    if helpline_phone:
        # i18n: core (the urgent reply; {name} is a helpline's name, {phone} its number)
        lines.append(t("When you can, {name} is free and open 24 hours: {phone}.").format(
            name=helpline_name, phone=helpline_phone))
    if suicidal and samaritans_phone:
        # i18n: core (the urgent reply, when someone is thinking of suicide)
        lines.append(t("If you are thinking of ending your life, Samaritans are there day "
                       "and night: {phone}.").format(phone=samaritans_phone))
    return "\n".join(lines)


def service_line(t: Translator, offer: Offer) -> str:
    """One service: name, what it is for, how to reach it, and whether it is open now."""
    service = offer.service
    card = directory().card(service.id, now(), t.locale,
                            lambda m: t.translate(m, "directory"))
    description = " ".join(service.description.get("en", "").split())
    purpose = first_sentence(t.translate(description, "directory"))
    reach = []
    if card["phone"]:
        # i18n: core (routing reply)
        reach.append(t("call {phone}").format(phone=card["phone"]))
    if card["text"]:
        # i18n: core (routing reply: send a text message to {number})
        reach.append(t("text {number}").format(number=card["text"]))
    if not reach and card["url"]:
        # i18n: core (routing reply)
        reach.append(t("see {url}").format(url=card["url"]))
    # i18n: core (routing reply: "call X or text Y")
    how = t(" or ").join(reach)
    if card["hours"] and card["open_now"] is True:
        # i18n: core (routing reply; {hours} is e.g. "Monday to Friday, 9am to 5pm")
        when = t("open now ({hours})").format(hours=card["hours"])
    elif card["hours"] and card["open_now"] is False:
        # i18n: core (routing reply)
        when = t("closed now; open {hours}").format(hours=card["hours"])
    else:
        when = card["hours"] or ""
    details = "; ".join(part for part in (how, when) if part)
    interpreter = ""
    if t.locale != "en" and service.interpreting:
        # i18n: core (routing reply, after a service that arranges interpreters)
        interpreter = " " + t("They can arrange an interpreter.")
    return (f"• {service.name}: {purpose}."
            + (f" {details[0].upper()}{details[1:]}." if details else "") + interpreter)


def services_list(t: Translator, offers: list[Offer], intro: str | None = None) -> str:
    # i18n: core (routing reply)
    lines = [intro or t("These services can help:"), *(service_line(t, o) for o in offers)]
    untranslated = any(not t.has(" ".join(o.service.description.get("en", "").split()),
                                 "directory") for o in offers)
    if untranslated:
        lines.append(in_english_note(t))
    return "\n".join(lines)


def in_english_note(t: Translator) -> str:
    """Said in the person's language when part of a reply could not be translated."""
    # i18n: core (note when part of a reply falls back to English)
    return t("Some of these details are in English, because I can't yet write them in "
             "{language}.").format(language=t.language_name)


def when_safe(t: Translator) -> str:
    # i18n: core (urgent reply: the services offered after 999)
    return t("When it is safe, these can also help:")


def place_question(t: Translator) -> str:
    return t("Which part of the UK are you in? It helps me find the right people near "
             "you. You don't have to say.")


def place_buttons(t: Translator) -> list[dict[str, str]]:
    return [
        {"title": t("England"), "payload": '/inform{"nation": "england"}'},
        {"title": t("Wales"), "payload": '/inform{"nation": "wales"}'},
        {"title": t("Scotland"), "payload": '/inform{"nation": "scotland"}'},
        {"title": t("Northern Ireland"), "payload": '/inform{"nation": "northern-ireland"}'},
        {"title": t("I'd rather not say"), "payload": "/decline_place"},
    ]


def next_step_buttons(t: Translator) -> list[dict[str, str]]:
    return [
        {"title": t("Making a safety plan"), "payload": "How do I make a safety plan?"},
        {"title": t("I just want to talk about my options"), "payload": "/talk_options"},
        {"title": t("Start again"), "payload": "/restart"},
    ]


def safety_line(t: Translator) -> str:
    # i18n: core (999 line)
    return t("If you are ever in danger, call 999.")


def helping_someone(t: Translator) -> str:
    return t("It's good that you want to help. The most useful things are to listen, "
             "believe them, and let them decide what to do; don't confront the person "
             "harming them. Helplines also talk to friends and family about how to "
             "support someone.")


def professional(t: Translator) -> str:
    return t("For professionals: use the DASH risk checklist with the person's consent "
             "where you can; if the risk is high, refer to your area's MARAC. Local "
             "domestic abuse services take referrals and can advise.")


def perpetrator(t: Translator) -> str:
    return t("Thank you for reaching out: wanting to change is an important first step. "
             "The Respect Phoneline is a confidential service for people who are abusive "
             "to a partner or family member and want to stop. If anyone is in danger now, "
             "call 999.")


def declined_place(t: Translator) -> str:
    return t("That's fine, you don't need to tell me.")


def not_sure_but_here_is_help(t: Translator) -> str:
    return t("I'm not sure I understood all of that, but here is who can help. You can "
             "tell me more in your own words.")


def fallback_buttons(t: Translator) -> list[dict[str, str]]:
    return [
        {"title": t("I want to talk about my options"), "payload": "/talk_options"},
        {"title": t("Start again"), "payload": "/restart"},
    ]


def not_understood(t: Translator, helpline_name: str, helpline_phone: str | None) -> str:
    lines = [t("I'm sorry, I didn't quite understand. Could you say it another way?")]
    if helpline_phone:
        lines.append(t("If it is easier, you can talk to someone at {name}, free and open "
                       "24 hours: {phone}.").format(name=helpline_name, phone=helpline_phone))
    lines.append(t("If you are in danger now, call 999."))
    return " ".join(lines)


def other_language(t: Translator) -> str:
    """For a language the model was not trained on: believe, and say what we can do."""
    # i18n: core (the first reply to someone writing in a language the chat only partly
    # understands; {language} is the name of their language)
    return t("Thank you for writing to me. Whatever is happening, it is not your fault. "
             "I understand only a little {language}, so here are people who can talk "
             "with you:").format(language=t.language_name)
