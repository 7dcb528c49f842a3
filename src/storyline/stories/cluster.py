"""Group articles into stories by the words they share: TF-IDF vectors and average-linkage clustering.

Two articles belong to one story when the average cosine similarity between their clusters reaches the
threshold. The distance matrix is quadratic in the number of articles: cluster a window of articles (a
day, a feed batch), not a whole archive at once. The IDF weights are fitted on the texts given, so the same
threshold splits a small window (a few dozen articles, where shared topic words weigh little) more finely
than a large one; docs/evaluation.md shows by how much.
"""

from __future__ import annotations

from collections.abc import Sequence

from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_distances

DEFAULT_THRESHOLD = 0.25
"""Average cosine similarity of TF-IDF vectors from which two groups of articles are one story."""


def cluster_articles(texts: Sequence[str], threshold: float = DEFAULT_THRESHOLD) -> list[int]:
    """One story label per text, numbered 0, 1, 2, … in order of first appearance.

    ``threshold`` is a cosine similarity in [0, 1]: higher splits stories more finely.
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be a cosine similarity between 0 and 1, got {threshold}")
    if len(texts) < 2:
        return list(range(len(texts)))
    try:
        vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    except ValueError:  # no text has a content word: nothing links any two articles
        return list(range(len(texts)))
    clustering = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1.0 - threshold
    )
    # precomputed distances: a text without content words is at distance 1 from all, not an error
    labels = clustering.fit_predict(cosine_distances(vectors))
    return _in_order_of_appearance(labels.tolist())


def _in_order_of_appearance(labels: list[int]) -> list[int]:
    renumbered: dict[int, int] = {}
    return [renumbered.setdefault(label, len(renumbered)) for label in labels]
