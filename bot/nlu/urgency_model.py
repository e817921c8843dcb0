"""The learned half of urgency detection: one yes/no question, with an honest threshold.

The rules (urgency_rules.py) catch the plain phrasings of danger. Indirect ones ("he
showed me where the spade is", "everyone would manage without me") need a model.
The intent classifier (DIET) answers them too, but it is trained to tell fourteen
intents apart, and its confidence is near 1.0 whether it is right or wrong, so no
threshold on it can trade recall against false alarms.

This model answers only "urgent or not", over words and character n-grams (typos,
text-speak), with logistic regression, whose probabilities are smooth enough to set
a threshold on. The threshold is chosen at training time from out-of-fold
predictions on the training data: the lowest that keeps false alarms on calm
training examples at or under `max_false_alarm_rate`. So when the data changes, the
threshold follows, and nothing is tuned to the evaluation sets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import Pipeline, make_pipeline, make_union

from common.normalise import normalise

# Types skops may load beyond the ones it trusts by default: our normaliser, and the
# sparse matrix in which TfidfVectorizer keeps its idf weights.
TRUSTED_TYPES = frozenset({"common.normalise.normalise", "scipy.sparse._csr.csr_matrix"})
FOLDS = 5


def _pipeline(regularisation: float) -> Pipeline:
    words = TfidfVectorizer(preprocessor=normalise, ngram_range=(1, 2), sublinear_tf=True)
    characters = TfidfVectorizer(preprocessor=normalise, analyzer="char_wb",
                                 ngram_range=(2, 5), min_df=2, sublinear_tf=True)
    # Urgent examples are about a fifth of the data: balance the classes.
    classifier = LogisticRegression(C=regularisation, class_weight="balanced", max_iter=2000)
    return make_pipeline(make_union(words, characters), classifier)


@dataclass
class UrgencyModel:
    pipeline: Pipeline
    threshold: float
    # Out of fold, on the training data: what the threshold was chosen from.
    cross_validated_recall: float
    cross_validated_false_alarm_rate: float

    def probability(self, texts: Sequence[str]) -> list[float]:
        return [float(p) for p in self.pipeline.predict_proba(list(texts))[:, 1]]

    def is_urgent(self, text: str) -> bool:
        return self.probability([text])[0] >= self.threshold


def train(texts: Sequence[str], urgent: Sequence[bool], *, max_false_alarm_rate: float,
          regularisation: float = 10.0, seed: int = 42) -> UrgencyModel:
    """Fit on all the data, with the threshold chosen from out-of-fold predictions."""
    labels = np.array(urgent, dtype=int)
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=seed)
    out_of_fold = cross_val_predict(_pipeline(regularisation), list(texts), labels, cv=folds,
                                    method="predict_proba")[:, 1]
    threshold = threshold_for(out_of_fold[labels == 0], max_false_alarm_rate)
    caught = out_of_fold >= threshold
    pipeline = _pipeline(regularisation).fit(list(texts), labels)
    return UrgencyModel(
        pipeline=pipeline,
        threshold=threshold,
        cross_validated_recall=float(caught[labels == 1].mean()),
        cross_validated_false_alarm_rate=float(caught[labels == 0].mean()),
    )


def threshold_for(calm_probabilities: np.ndarray, max_false_alarm_rate: float) -> float:
    """The lowest threshold at which at most that share of calm messages is called urgent."""
    ordered = np.sort(np.asarray(calm_probabilities))[::-1]
    allowed = int(np.floor(max_false_alarm_rate * len(ordered)))
    if allowed >= len(ordered):
        return 0.0
    # Just above the first calm probability that would be one false alarm too many.
    return float(np.nextafter(ordered[allowed], np.inf))


def save(model: UrgencyModel, path: Path) -> None:
    import skops.io as sio

    sio.dump({"pipeline": model.pipeline, "threshold": model.threshold,
              "recall": model.cross_validated_recall,
              "false_alarm_rate": model.cross_validated_false_alarm_rate}, path)


def load(path: Path) -> UrgencyModel:
    import skops.io as sio

    untrusted = set(sio.get_untrusted_types(file=path))
    unexpected = untrusted - TRUSTED_TYPES
    if unexpected:
        raise ValueError(f"unexpected types in {path.name}: {sorted(unexpected)}")
    saved = sio.load(path, trusted=sorted(untrusted))
    return UrgencyModel(saved["pipeline"], float(saved["threshold"]), float(saved["recall"]),
                        float(saved["false_alarm_rate"]))
