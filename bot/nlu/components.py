"""Rasa pipeline components (named in bot/config.yml) that apply the plain rules.

- LanguageDetector: the message's language as a `language` entity (so the `locale`
  slot follows it); a message clearly in a language the model was not trained on
  becomes `nlu_fallback`, whose action answers in that language.
- UrgencyClassifier: trained; how likely the message is urgent (bot/nlu/urgency_model.py).
- UrgencyGuard: after the intent classifier; when a high-risk sign is in the message
  (in English, or in the word lists for other languages), the intent becomes
  `urgent_danger` whatever the model thought, and each sign is added as an
  `urgency_sign` entity so the tracker and the actions see why.
- RoleGuard: after UrgencyGuard; the reply for someone who harms only when the writer
  says they are the one harming (bot/nlu/role_rules.py), and a `role` entity (self,
  friend-family, professional, perpetrator) with, for someone writing about another
  person, `gender_at_risk`.
- ProfileExtractor: `need`, `gender`, `partner_gender`, `children` and `age` entities
  from what the person says.
- PlaceExtractor: `area` and `nation` entities from the directory's places; a message
  that is only a place ("leith", "BT9") is an answer to "where are you?" (`inform`),
  whatever the model made of a word it has never seen.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu import role_rules, urgency_model
from bot.nlu.language import detect, detector
from bot.nlu.place_rules import PlaceFinder
from bot.nlu.profile_rules import read_profile
from common import normalise
from common.i18n import MODEL_LOCALES, supported
from common.urgency_rules import check_urgency
from common.urgency_words import signs_in
from services_directory import load_directory

URGENT_INTENT = "urgent_danger"
PERPETRATOR_INTENT = "perpetrator_seeking_help"
# The writer's role each intent tells of (the `asker` slot's words).
ROLE_OF_INTENT = {"disclose_abuse": "self", "ask_help_for_someone": "friend-family",
                  "professional_referral": "professional", PERPETRATOR_INTENT: "perpetrator"}
FALLBACK_INTENT = "nlu_fallback"
# Intents that tell of abuse, to oneself or another, and are answered with help.
ABUSE_INTENTS = ("disclose_abuse", "ask_help_for_someone", "perpetrator_seeking_help",
                 "professional_referral")
# As the FallbackClassifier threshold in bot/config.yml.
FALLBACK_THRESHOLD = 0.4


# The role of an `area` or `nation` entity that is another person's place, not the
# writer's (declared in bot/domain/support.yml).
AT_RISK_ROLE = "at_risk"


def _entity(name: str, value: str, extractor: str, start: int = 0, end: int = 0,
            role: str | None = None) -> dict:
    entity = {"entity": name, "value": value, "start": start, "end": end, "confidence": 1.0,
              "extractor": extractor}
    if role:
        entity["role"] = role
    return entity


def _add_entities(message: Message, entities: list[dict[str, Any]]) -> None:
    if entities:
        message.set(ENTITIES, message.get(ENTITIES, []) + entities, add_to_output=True)


class _RuleComponent(GraphComponent):
    """Not trained: the rules are code and data, read when the model loads."""

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> GraphComponent:
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class LanguageDetector(_RuleComponent, EntityExtractorMixin):
    """Before UrgencyGuard, so that danger in any language still wins."""

    def __init__(self) -> None:
        detector()  # load lingua's models with the Rasa model, not on the first message

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            detection = detect(message.get(TEXT) or "")
            metadata = message.get("metadata") or {}
            widget_locale = supported(metadata.get("locale")) if isinstance(metadata, dict) \
                else None
            message.set("language", {"code": detection.language,
                                     "confidence": round(detection.confidence, 3),
                                     "confident": detection.confident}, add_to_output=True)
            locale = detection.locale or widget_locale
            if locale:
                _add_entities(message, [_entity("language", locale, "LanguageDetector")])
            if detection.locale and detection.locale not in MODEL_LOCALES:
                # The model only guesses at words it never saw; say so, and let the
                # fallback action answer in their language.
                fallback = {"name": FALLBACK_INTENT, "confidence": 1.0}
                message.set(INTENT, fallback, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [fallback], add_to_output=True)
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class UrgencyClassifier(GraphComponent):
    """Trains bot/nlu/urgency_model.py on the intents' examples (urgent_danger or not) and
    puts its answer on each message as `urgency`, for UrgencyGuard to weigh."""

    MODEL_FILE = "urgency_model.skops"

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"max_false_alarm_rate": 0.015}

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        # The saved model names the functions it was built with, by module. Rasa's cache
        # (.rasa/) keys on this class's own source only, so a change to those modules,
        # or their moving, must retrain it, not reuse a file that no longer loads.
        modules = (urgency_model, normalise)
        data = b"".join(m.__name__.encode() + Path(m.__file__ or "").read_bytes()
                        for m in modules)
        return hashlib.sha256(data).hexdigest()

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> UrgencyClassifier:
        return cls(config, model_storage, resource)

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 model: urgency_model.UrgencyModel | None = None) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._model = model

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(TEXT) and e.get(INTENT)]
        self._model = urgency_model.train(
            [e.get(TEXT) for e in examples], [e.get(INTENT) == URGENT_INTENT for e in examples],
            max_false_alarm_rate=float(self._config["max_false_alarm_rate"]))
        with self._model_storage.write_to(self._resource) as directory:
            urgency_model.save(self._model, directory / self.MODEL_FILE)
        return self._resource

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> UrgencyClassifier:
        with model_storage.read_from(resource) as directory:
            model = urgency_model.load(directory / cls.MODEL_FILE)
        return cls(config, model_storage, resource, model)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        if self._model is None:
            return messages
        texts = [m.get(TEXT) or "" for m in messages]
        for message, probability in zip(messages, self._model.probability(texts), strict=True):
            message.set("urgency", {"probability": round(probability, 4),
                                    "threshold": round(self._model.threshold, 4),
                                    "urgent": probability >= self._model.threshold},
                        add_to_output=True)
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class UrgencyGuard(_RuleComponent):
    """Rules first; then the urgency model (UrgencyClassifier), which can make a message
    urgent and must agree before the intent classifier's own urgent_danger stands.
    Without the urgency model, or in a language it was not trained on, urgent_danger
    stands at `model_min_confidence` or above. A doubted urgent_danger gives way to the
    runner-up if the model was sure of it, else to the likeliest intent that tells of
    abuse (disclose_abuse if none is ranked).
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"model_min_confidence": 0.0}

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> GraphComponent:
        return cls(float(config.get("model_min_confidence", 0.0)))

    def __init__(self, model_min_confidence: float = 0.0) -> None:
        self._model_min_confidence = model_min_confidence

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            signs = tuple(dict.fromkeys((*check_urgency(text).signs, *signs_in(text))))
            if not signs:
                self._weigh_the_models(message)
                continue
            self._make_urgent(message, 1.0)
            _add_entities(message, [_entity("urgency_sign", s, "UrgencyGuard") for s in signs])
        return messages

    def _weigh_the_models(self, message: Message) -> None:
        intent = message.get(INTENT) or {}
        # The urgency model learnt English and Welsh; elsewhere only the rules, the word
        # lists and the intent model's confidence gate count.
        urgency = None if _other_language(message) else message.get("urgency")
        if isinstance(urgency, dict):
            if urgency.get("urgent"):
                if intent.get("name") != URGENT_INTENT:
                    self._make_urgent(message, float(urgency.get("probability", 1.0)))
                return
        elif intent.get("confidence", 0.0) >= self._model_min_confidence:
            return
        if intent.get("name") == URGENT_INTENT:
            self._doubt_the_model(message)

    @staticmethod
    def _make_urgent(message: Message, confidence: float) -> None:
        urgent = {"name": URGENT_INTENT, "confidence": confidence}
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or []
                   if r.get("name") != URGENT_INTENT]
        message.set(INTENT, urgent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [urgent, *ranking], add_to_output=True)

    @staticmethod
    def _doubt_the_model(message: Message) -> None:
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or []
                   if r.get("name") != URGENT_INTENT]
        if not ranking:
            return
        # The runner-up if the model was sure of it. If not, what it took for danger is
        # still someone telling of abuse: the likeliest of the intents that answer that
        # (all of them offer help), never a "sorry, I didn't understand".
        runner_up = ranking[0]
        if runner_up.get("confidence", 0.0) < FALLBACK_THRESHOLD:
            runner_up = next((r for r in ranking if r.get("name") in ABUSE_INTENTS),
                             {"name": "disclose_abuse", "confidence": 0.0})
        message.set(INTENT, runner_up, add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)


def _other_language(message: Message) -> bool:
    """The language detector was sure the message is in a language the models never saw."""
    language = message.get("language") or {}
    return bool(language.get("confident")) and language.get("code") not in MODEL_LOCALES


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RoleGuard(_RuleComponent, EntityExtractorMixin):
    """As strict about who harms as UrgencyGuard is about danger.

    The intent model's `perpetrator_seeking_help` stands only when the writer says they
    are the one harming (role_rules.may_be_answered_as_perpetrator); otherwise the
    message is a disclosure, someone asking for another person, or a professional, by
    what the words say. The model's `disclose_abuse` becomes `perpetrator_seeking_help`
    only when the writer plainly says they harm and nothing says harm is done to them or
    that they fought back (role_rules.confesses_harm), or when the model itself ranked
    that intent near the top and the looser reading agrees. Urgent messages keep their
    intent: the urgent reply comes first, whoever writes, and names the line for people
    who harm when the writer is one.
    """

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            intent = (message.get(INTENT) or {}).get("name")
            if intent == PERPETRATOR_INTENT and not role_rules.may_be_answered_as_perpetrator(text):
                self._set_intent(message, self._not_perpetrator(text))
            elif intent == "disclose_abuse" and self._plainly_harms(message, text):
                self._set_intent(message, PERPETRATOR_INTENT)
            elif (intent == "ask_help_for_someone"
                  and role_rules.writer_role(text) == "professional"):
                # "I work at a deaf club, a member told me...": asking as a professional.
                self._set_intent(message, "professional_referral")
            intent = (message.get(INTENT) or {}).get("name")
            role = (ROLE_OF_INTENT.get(intent) if intent in (PERPETRATOR_INTENT,
                                                             "professional_referral",
                                                             "ask_help_for_someone")
                    else None) or role_rules.writer_role(text)
            if role == "perpetrator" and intent != PERPETRATOR_INTENT:
                # Only the guarded intent may say so. Not on urgent messages either: a
                # survivor who fought back ("i hit him with the lamp so he would let go")
                # reads like one who harms, and the urgent reply serves both.
                role = None
            if intent == URGENT_INTENT and (role_rules.about_to_harm(text) or (
                    role_rules.confesses_harm(text) and role_rules.owns_the_harm(text))):
                # Unless the writer fears what they are about to do, or says they harm,
                # owns it ("my temper") and nothing says they are harmed or fought back: a
                # survivor in danger tells of acts, not of their own temper. The urgent
                # reply then names the line for people who harm beside 999.
                role = "perpetrator"
            entities = [_entity("role", role, "RoleGuard")] if role else []
            # Also when this message alone does not say who writes: "worried about my
            # mate", then "his boyfriend has all his passwords" is still about him. (The
            # actions read it only when the writer asks for someone else.)
            gender = (role_rules.gender_of_person_at_risk(text)
                      if role in ("friend-family", "professional")
                      else role_rules.gender_by_their_partner(text) if role is None else None)
            if gender:
                entities.append(_entity("gender_at_risk", gender, "RoleGuard"))
            _add_entities(message, entities)
        return messages

    @staticmethod
    def _not_perpetrator(text: str) -> str:
        if role_rules.writer_is_professional(text):
            return "professional_referral"
        if role_rules.about_someone_else(text):
            return "ask_help_for_someone"
        return "disclose_abuse"

    @staticmethod
    def _plainly_harms(message: Message, text: str) -> bool:
        top = [r.get("name") for r in (message.get(INTENT_RANKING_KEY) or [])[:3]]
        return role_rules.confesses_harm(text) or (
            PERPETRATOR_INTENT in top and role_rules.says_they_harm(text)
            and not role_rules.harmed_writer(text)
            and not role_rules.about_someone_else(text))

    @staticmethod
    def _set_intent(message: Message, name: str) -> None:
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != name]
        chosen = next((r for r in message.get(INTENT_RANKING_KEY) or []
                       if r.get("name") == name), {"name": name, "confidence": 1.0})
        if name != PERPETRATOR_INTENT:
            ranking = [r for r in ranking if r.get("name") != PERPETRATOR_INTENT]
        message.set(INTENT, chosen, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class ProfileExtractor(_RuleComponent, EntityExtractorMixin):
    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            profile = read_profile(message.get(TEXT) or "")
            entities = [_entity("need", n, "ProfileExtractor") for n in profile.needs]
            if profile.gender:
                entities.append(_entity("gender", profile.gender, "ProfileExtractor"))
            if profile.partner_gender:
                entities.append(_entity("partner_gender", profile.partner_gender,
                                        "ProfileExtractor"))
            if profile.children:
                entities.append(_entity("children", "yes", "ProfileExtractor"))
            if profile.age is not None:
                entities.append(_entity("age", str(profile.age), "ProfileExtractor"))
            _add_entities(message, entities)
        return messages


# At most this many words, with a place among them, make a message a place answer.
PLACE_ANSWER_MAX_WORDS = 4


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class PlaceExtractor(_RuleComponent, EntityExtractorMixin):
    def __init__(self) -> None:
        self._finder = PlaceFinder(load_directory().areas)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            entities = []
            places = [p for p in self._finder.find(message.get(TEXT) or "")
                      if not p.ambiguous]  # a border postcode: the conversation asks
            # Two places, one of them another person's ("she's in swansea, i'm in
            # bristol"): that one gets the role `at_risk`, so the slots take the
            # writer's, and actions/remember_situation.py takes it for a friend's or
            # professional's conversation, where routing is for the person at risk.
            mixed = len({p.area for p in places}) > 1 and any(
                p.whose == "other" for p in places) and any(
                p.whose != "other" for p in places)
            for place in places:
                role = AT_RISK_ROLE if mixed and place.whose == "other" else None
                entities.append(_entity("area", place.area, "PlaceExtractor", place.start,
                                        place.end, role))
                if place.nation:
                    entities.append(_entity("nation", place.nation, "PlaceExtractor",
                                            place.start, place.end, role))
            _add_entities(message, entities)
            intent = (message.get(INTENT) or {}).get("name")
            words = len((message.get(TEXT) or "").split())
            if entities and words <= PLACE_ANSWER_MAX_WORDS and intent != URGENT_INTENT:
                message.set(INTENT, {"name": "inform", "confidence": 1.0}, add_to_output=True)
        return messages
