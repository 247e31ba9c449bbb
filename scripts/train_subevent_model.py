"""Train the sub-event classifier and export it for NumPy-only inference.

Reads the project's own snippets (every ``src/ceasefire/events/data/training/subevent-snippets*.jsonl``, in name
order: short one-to-three sentence snippets, longer multi-sentence wire paragraphs in other styles, and snippets on the
classes hardest to tell apart; see that folder's README), prints a
stratified k-fold cross-validation on them for a few regularisation strengths, fits multinomial logistic regression
over TF-IDF word 1-2-grams and character 3-5-grams with the best one, and writes:

- ``src/ceasefire/events/data/subevent-model.npz``: vocabularies, idf, weights and intercepts (no pickle);
- ``tests/events/data/subevent-model-expected.json``: scikit-learn's top label and probabilities for the held-out
  snippets (``data/training/subevent-heldout.jsonl``, never trained on), which the tests compare with
  ``ceasefire.events.classifier`` so that they need no scikit-learn.

Training needs scikit-learn (not a run-time dependency of the package). Deterministic: the folds are drawn with
``--seed`` and the solver is deterministic, so a rerun on the same data writes the same model.

    python scripts/train_subevent_model.py [--seed 13] [--folds 5] [--c 10] [--snippets FILE ...]
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import FeatureUnion, make_pipeline

from ceasefire.evaluate.case2021 import weighted_f1
from ceasefire.events.classifier import FORMAT, SubEventClassifier, char_features, word_features
from ceasefire.events.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "ceasefire" / "events" / "data"
DEFAULT_SNIPPETS = tuple(sorted((DATA / "training").glob("subevent-snippets*.jsonl")))  # in name order
DEFAULT_HELDOUT = DATA / "training" / "subevent-heldout.jsonl"
DEFAULT_MODEL = DATA / "subevent-model.npz"
DEFAULT_FIXTURE = ROOT / "tests" / "events" / "data" / "subevent-model-expected.json"

C_GRID = (1.0, 3.0, 10.0, 30.0)
CHAR_MIN_DF = 2  # a character n-gram seen in one snippet only is dropped: it keeps the model small


def read_snippets(path: Path, codes: set[str]) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text, label = str(row["text"]).strip(), str(row["label"])
            except (ValueError, KeyError, TypeError) as error:
                sys.exit(f"{path}:{number}: not a {{'text', 'label'}} JSON line: {error}")
            if label not in codes:
                sys.exit(f"{path}:{number}: unknown label {label!r}; use a CASE 2021 Task 2 code")
            texts.append(text)
            labels.append(label)
    return texts, labels


def build_pipeline(c: float):
    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(analyzer=word_features, sublinear_tf=True, dtype=np.float64)),
            ("chars", TfidfVectorizer(analyzer=char_features, sublinear_tf=True, min_df=CHAR_MIN_DF, dtype=np.float64)),
        ]
    )
    return make_pipeline(features, LogisticRegression(C=c, max_iter=5000))


def cross_validate(texts, labels, acled: set[str], *, c: float, folds: int, seed: int) -> tuple[float, list[str]]:
    split = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    predicted = list(cross_val_predict(build_pipeline(c), texts, labels, cv=split))
    gold_acled = [(g, p) for g, p in zip(labels, predicted, strict=True) if g in acled]
    acled_f1 = weighted_f1([g for g, _ in gold_acled], [p for _, p in gold_acled])
    accuracy = sum(g == p for g, p in zip(labels, predicted, strict=True)) / len(labels)
    macro = f1_score(labels, predicted, average="macro")
    print(f"C={c:<5g} accuracy {accuracy:.3f}  macro F1 {macro:.3f}  weighted F1 on ACLED-coded rows {acled_f1:.3f}")
    return acled_f1, predicted


def report_classes(labels: list[str], predicted: list[str]) -> None:
    classes = sorted(set(labels))
    scores = f1_score(labels, predicted, labels=classes, average=None)
    confusions = Counter((g, p) for g, p in zip(labels, predicted, strict=True) if g != p)
    print("\nper-class F1 (cross-validated), with the most frequent confusion:")
    for label, score in sorted(zip(classes, scores, strict=True), key=lambda item: item[1]):
        worst = max(((p, n) for (g, p), n in confusions.items() if g == label), key=lambda item: item[1], default=None)
        note = f"  -> {worst[0]} x{worst[1]}" if worst else ""
        print(f"  {label:<30} {score:.3f}{note}")


def _shown(path: Path) -> str:
    resolved = path.resolve()
    return str(resolved.relative_to(ROOT)) if resolved.is_relative_to(ROOT) else str(resolved)


def write_npz(path: Path, **arrays: np.ndarray) -> None:
    """``numpy.savez_compressed`` with fixed timestamps, so that retraining on the same data gives the same bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.asanyarray(array), allow_pickle=False)
            entry = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, buffer.getvalue())


def export(pipeline, path: Path, *, c: float, seed: int, n_snippets: int) -> None:
    union, model = pipeline.steps[0][1], pipeline.steps[-1][1]
    words, chars = union.transformer_list[0][1], union.transformer_list[1][1]
    word_vocabulary = words.get_feature_names_out().tolist()
    char_vocabulary = chars.get_feature_names_out().tolist()
    for name, vocabulary in (("word", word_vocabulary), ("character", char_vocabulary)):
        if any("\n" in feature for feature in vocabulary):
            sys.exit(f"a {name} feature holds a newline, which the model file uses as separator")
    metadata = {
        "format": FORMAT,
        "model": "multinomial logistic regression over TF-IDF word 1-2-grams and character 3-5-grams",
        "C": c,
        "seed": seed,
        "snippets": n_snippets,
        "scikit_learn": sklearn.__version__,
        "char_min_df": CHAR_MIN_DF,
    }
    write_npz(
        path,
        metadata=np.array(json.dumps(metadata, sort_keys=True)),
        classes=np.array(model.classes_.tolist()),
        word_vocabulary=np.array("\n".join(word_vocabulary)),
        word_idf=words.idf_.astype(np.float32),
        char_vocabulary=np.array("\n".join(char_vocabulary)),
        char_idf=chars.idf_.astype(np.float32),
        weights=np.ascontiguousarray(model.coef_.T).astype(np.float32),
        intercept=model.intercept_.astype(np.float32),
    )
    print(
        f"\nwrote {_shown(path)}: {path.stat().st_size / 1e6:.2f} MB, "
        f"{len(word_vocabulary)} word and {len(char_vocabulary)} character features, {len(model.classes_)} classes"
    )


def write_fixture(pipeline, exported: SubEventClassifier, texts, labels, path: Path) -> None:
    """scikit-learn's answers on the held-out snippets; stop if the exported model disagrees."""
    probabilities = pipeline.predict_proba(texts)
    classes = pipeline.classes_.tolist()
    cases, correct, worst = [], 0, 0.0
    for text, label, row in zip(texts, labels, probabilities, strict=True):
        order = np.argsort(-row, kind="stable")
        expected = {classes[i]: round(float(row[i]), 6) for i in order[:3]}
        ours = dict(exported.predict(text))
        worst = max(worst, max(abs(ours[code] - p) for code, p in expected.items()))
        if exported.predict(text)[0][0] != classes[order[0]]:
            sys.exit(f"the exported model's top label differs from scikit-learn's for {text!r}")
        correct += classes[order[0]] == label
        cases.append({"text": text, "label": label, "top": classes[order[0]], "probabilities": expected})
    if worst > 1e-4:
        sys.exit(f"the exported model's probabilities differ from scikit-learn's by up to {worst:.2g}")
    path.parent.mkdir(parents=True, exist_ok=True)
    about = (
        "scikit-learn's top label and three highest probabilities for the held-out snippets "
        "(src/ceasefire/events/data/training/subevent-heldout.jsonl), written by scripts/train_subevent_model.py "
        "together with src/ceasefire/events/data/subevent-model.npz; tests/events/test_classifier.py checks that "
        "ceasefire.events.classifier gives the same."
    )
    path.write_text(json.dumps({"about": about, "cases": cases}, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(
        f"held-out snippets: {correct}/{len(texts)} correct; exported model matches scikit-learn "
        f"(largest probability difference {worst:.1e}); wrote {_shown(path)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--snippets", type=Path, nargs="+", default=list(DEFAULT_SNIPPETS))
    parser.add_argument("--heldout", type=Path, default=DEFAULT_HELDOUT)
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--fixture", type=Path, default=DEFAULT_FIXTURE)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, default=None, help="regularisation strength; default: best of the grid")
    args = parser.parse_args()

    taxonomy = load_taxonomy()
    acled = set(taxonomy.by_case_code())
    codes = acled | set(taxonomy.non_conflict_codes)
    texts, labels = [], []
    for path in args.snippets:  # in the order given, so that the folds and the model do not depend on the file system
        more_texts, more_labels = read_snippets(path, codes)
        print(f"{path.name}: {len(more_texts)} snippets")
        texts += more_texts
        labels += more_labels
    counts = Counter(labels)
    print(f"{len(texts)} snippets, {len(counts)} codes, {min(counts.values())}-{max(counts.values())} per code")
    if set(counts) != codes:
        sys.exit(f"codes without snippets: {sorted(codes - set(counts))}")

    print(f"\n{args.folds}-fold cross-validation (seed {args.seed}) on the training snippets:")
    grid = (args.c,) if args.c is not None else C_GRID
    results = {c: cross_validate(texts, labels, acled, c=c, folds=args.folds, seed=args.seed) for c in grid}
    best = max(grid, key=lambda c: (results[c][0], -c))
    print(f"chosen C={best:g}")
    report_classes(labels, results[best][1])

    pipeline = build_pipeline(best).fit(texts, labels)
    export(pipeline, args.model, c=best, seed=args.seed, n_snippets=len(texts))
    exported = SubEventClassifier.load(args.model)
    held_texts, held_labels = read_snippets(args.heldout, codes)
    write_fixture(pipeline, exported, held_texts, held_labels, args.fixture)


if __name__ == "__main__":
    main()
