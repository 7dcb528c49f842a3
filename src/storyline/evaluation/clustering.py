"""Story clustering (ECB+ documents grouped by seminal event): B-cubed P/R/F1, ARI and V-measure.

The folder holds a JSON Lines file whose records carry ``text`` and the gold ``story_id`` (and ``topic`` when
known); it is recognised by those fields. Ours is ``stories.cluster.cluster_articles`` at its default
threshold, which was set a priori and is not fitted on this data; the threshold sweep in the breakdown shows
how sensitive the score is (on this same folder, so it is not a tuned result).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sklearn.metrics import adjusted_rand_score, homogeneity_completeness_v_measure

from storyline.config import Settings
from storyline.evaluation.base import EvalReport
from storyline.stories.cluster import DEFAULT_THRESHOLD, cluster_articles

SWEEP = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)


def evaluate(data_dir: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    documents = read_documents(data_dir, limit)
    texts = [document["text"] for document in documents]
    gold = [str(document["story_id"]) for document in documents]
    predicted = cluster_articles(texts, DEFAULT_THRESHOLD)
    metrics = score_clustering(gold, predicted)
    if all("topic" in document for document in documents):
        topics = [str(document["topic"]) for document in documents]
        within = cluster_within_groups(texts, topics, DEFAULT_THRESHOLD)
        metrics["bcubed_f1_within_topic"] = score_clustering(gold, within)["bcubed_f1"]
    return EvalReport(
        task="clustering",
        data_dir=str(data_dir),
        n_items=len(documents),
        metrics=metrics,
        peers={"one story per document (singletons)": score_clustering(gold, list(range(len(gold))))},
        breakdown={
            f"threshold {threshold} (sweep on this folder)": score_clustering(
                gold, cluster_articles(texts, threshold)
            )
            for threshold in SWEEP
        },
        notes=[
            f"ours = stories.cluster.cluster_articles (TF-IDF, average-linkage cosine), default threshold "
            f"{DEFAULT_THRESHOLD} set a priori, not fitted here",
            "all documents are clustered at once (harder than per-topic); bcubed_f1_within_topic clusters "
            "each topic's documents separately",
            "no published document-clustering figure for ECB+ (its official task is event coreference)",
        ],
    )


def read_documents(data_dir: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The records of the first JSON Lines file whose records have ``text`` and ``story_id``."""
    for path in sorted(data_dir.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            first = json.loads(handle.readline() or "{}")
            if not {"text", "story_id"} <= first.keys():
                continue
            documents = [first] + [json.loads(line) for line in handle if line.strip()]
        return documents[:limit]
    raise FileNotFoundError(f"{data_dir} has no JSON Lines file of documents with 'text' and 'story_id'")


def cluster_within_groups(texts: Sequence[str], groups: Sequence[str], threshold: float) -> list[str]:
    """Cluster each group's texts separately; labels are ``<group>/<cluster>``."""
    members: dict[str, list[int]] = defaultdict(list)
    for index, group in enumerate(groups):
        members[group].append(index)
    labels = [""] * len(texts)
    for group, indices in members.items():
        for index, label in zip(
            indices, cluster_articles([texts[i] for i in indices], threshold), strict=True
        ):
            labels[index] = f"{group}/{label}"
    return labels


def bcubed(gold: Sequence[Any], predicted: Sequence[Any]) -> dict[str, float]:
    """B-cubed (Bagga & Baldwin 1998): per-item precision and recall of its cluster, averaged over items."""
    pair_counts = Counter(zip(gold, predicted, strict=True))
    gold_sizes, predicted_sizes = Counter(gold), Counter(predicted)
    n = len(gold)
    if not n:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    precision = sum(count * count / predicted_sizes[p] for (_, p), count in pair_counts.items()) / n
    recall = sum(count * count / gold_sizes[g] for (g, _), count in pair_counts.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def score_clustering(gold: Sequence[Any], predicted: Sequence[Any]) -> dict[str, float]:
    scores = bcubed(gold, predicted)
    homogeneity, completeness, v_measure = homogeneity_completeness_v_measure(gold, predicted)
    return scores | {
        "bcubed_precision": scores["precision"],
        "bcubed_recall": scores["recall"],
        "bcubed_f1": scores["f1"],
        "ari": float(adjusted_rand_score(gold, predicted)),
        "v_measure": float(v_measure),
        "homogeneity": float(homogeneity),
        "completeness": float(completeness),
        "clusters": float(len(set(predicted))),
    }
