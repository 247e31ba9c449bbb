"""A small linear classifier of snippets into CASE 2021 sub-event codes (ACLED's 25 plus 5 non-conflict codes).

The model is multinomial logistic regression over TF-IDF features of word 1-2-grams and character 3-5-grams,
trained by ``scripts/train_subevent_model.py`` on the project's own snippets
(``data/training/subevent-snippets.jsonl``) and shipped as ``data/subevent-model.npz``. Inference here needs only
NumPy: the features are computed by the functions of this module (the training script hands the same functions to
scikit-learn), then weighted by the exported idf, normalised and scored with the exported weights.

It is meant for the cases where the coder's keyword rules are unsure; it sees one snippet at a time and knows
nothing of actors, places or modality.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from ceasefire.errors import ConfigurationError
from ceasefire.events.taxonomy import load_taxonomy

MODEL_RESOURCE = "data/subevent-model.npz"
FORMAT = "ceasefire.subevent-model.v1"

_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_RECENT = 256  # texts whose probabilities are kept
_DIGIT = re.compile(r"\d")


def normalise(text: str) -> str:
    """Lower case, every digit as 0: casualty counts and dates should not be features of their own."""
    return _DIGIT.sub("0", text.lower())


def word_features(text: str) -> list[str]:
    """Word unigrams and bigrams (tokens of two or more word characters, as scikit-learn's default pattern)."""
    tokens = _TOKEN.findall(normalise(text))
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]


def char_features(text: str) -> list[str]:
    """Character 3-5-grams inside words padded with a space, as scikit-learn's ``char_wb`` analyser."""
    grams: list[str] = []
    append = grams.append
    for word in normalise(text).split():
        padded = f" {word} "
        length = len(padded)
        for n in (3, 4, 5):
            if length <= n:
                append(padded)  # a short word counts once, whatever n
                break
            for start in range(length - n + 1):
                append(padded[start : start + n])
    return grams


@dataclass(frozen=True, kw_only=True)
class _Block:
    """One TF-IDF feature block: its vocabulary, idf and the row of its first feature in the weight matrix."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    offset: int

    def vector(self, features: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Rows in the weight matrix and L2-normalised sublinear TF-IDF values of the known features."""
        lookup = self.vocabulary.get
        known = [(i, n) for feature, n in Counter(features).items() if (i := lookup(feature)) is not None]
        if not known:
            return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.float64)
        index, counts = np.array(known, dtype=np.intp).T
        values = (1.0 + np.log(counts)) * self.idf[index]
        return index + self.offset, values / math.sqrt(float(values @ values))


class SubEventClassifier:
    """Scores a snippet against the 30 CASE 2021 codes; ``load()`` gives the packaged model."""

    def __init__(
        self,
        *,
        classes: list[str],
        word_vocabulary: list[str],
        word_idf: np.ndarray,
        char_vocabulary: list[str],
        char_idf: np.ndarray,
        weights: np.ndarray,
        intercept: np.ndarray,
        metadata: dict[str, object],
    ):
        n_features = len(word_vocabulary) + len(char_vocabulary)
        if weights.shape != (n_features, len(classes)) or intercept.shape != (len(classes),):
            raise ConfigurationError(
                f"sub-event model: weights {weights.shape} and intercept {intercept.shape} do not fit "
                f"{n_features} features and {len(classes)} classes; retrain with scripts/train_subevent_model.py"
            )
        self.classes = list(classes)
        self.metadata = metadata
        self._words = _Block(vocabulary={f: i for i, f in enumerate(word_vocabulary)}, idf=word_idf, offset=0)
        self._chars = _Block(
            vocabulary={f: i for i, f in enumerate(char_vocabulary)}, idf=char_idf, offset=len(word_vocabulary)
        )
        self._weights = weights
        self._intercept = intercept
        self._recent: dict[str, np.ndarray] = {}  # the coder asks about one sentence several times in a row

    @classmethod
    def load(cls, path: Path | None = None) -> SubEventClassifier:
        """The packaged model (read once and cached), or the model saved at ``path``."""
        if path is None:
            return _packaged()
        return cls._read(path)

    @classmethod
    def _read(cls, path: Path) -> SubEventClassifier:
        try:
            with np.load(path, allow_pickle=False) as data:
                metadata = json.loads(str(data["metadata"]))
                if metadata.get("format") != FORMAT:
                    raise ConfigurationError(f"{path}: not a {FORMAT} file (format {metadata.get('format')!r})")
                return cls(
                    classes=[str(c) for c in data["classes"]],
                    word_vocabulary=str(data["word_vocabulary"]).split("\n"),
                    word_idf=data["word_idf"].astype(np.float64),
                    char_vocabulary=str(data["char_vocabulary"]).split("\n"),
                    char_idf=data["char_idf"].astype(np.float64),
                    weights=data["weights"].astype(np.float64),
                    intercept=data["intercept"].astype(np.float64),
                    metadata=metadata,
                )
        except (OSError, KeyError, ValueError) as error:
            raise ConfigurationError(
                f"{path}: cannot read the sub-event model ({error}); rebuild it with scripts/train_subevent_model.py"
            ) from error

    def probabilities(self, text: str) -> np.ndarray:
        """Probability of each of ``self.classes`` for ``text``, in that order."""
        known = self._recent.get(text)
        if known is None:
            if len(self._recent) >= _RECENT:
                self._recent.clear()
            known = self._recent[text] = self._score(text)
        return known.copy()

    def _score(self, text: str) -> np.ndarray:
        word_index, word_values = self._words.vector(word_features(text))
        char_index, char_values = self._chars.vector(char_features(text))
        scores = self._intercept.copy()
        if word_index.size:
            scores += word_values @ self._weights[word_index]
        if char_index.size:
            scores += char_values @ self._weights[char_index]
        scores -= scores.max()
        exp = np.exp(scores)
        return exp / exp.sum()

    def predict(self, text: str) -> list[tuple[str, float]]:
        """Every CASE code with its probability, most probable first."""
        probabilities = self.probabilities(text)
        order = np.argsort(-probabilities, kind="stable")
        return [(self.classes[i], float(probabilities[i])) for i in order]

    def sub_event_type(self, code: str) -> str | None:
        """ACLED's sub-event type for a CASE code; None for the five codes that are not conflict events."""
        taxonomy = load_taxonomy()
        if code in taxonomy.non_conflict_codes:
            return None
        try:
            return taxonomy.by_case_code()[code].name
        except KeyError:
            raise ValueError(f"{code!r} is not a CASE 2021 Task 2 code") from None


@cache
def _packaged() -> SubEventClassifier:
    resource = resources.files("ceasefire.events").joinpath(MODEL_RESOURCE)
    with resources.as_file(resource) as path:
        if not path.exists():
            raise ConfigurationError(
                f"the sub-event model {MODEL_RESOURCE} is missing from the package; "
                "build it with scripts/train_subevent_model.py"
            )
        return SubEventClassifier._read(path)
