"""cluster_articles: TF-IDF average-linkage story clustering."""

from __future__ import annotations

import pytest

from storyline.stories.cluster import cluster_articles

QUAKE = [
    "Earthquake strikes Chile coast, tsunami warning issued",
    "Tsunami warning issued after earthquake strikes Chile",
]
REHAB = ["Actress checks into Malibu rehab clinic", "Actress enters rehab clinic in Malibu"]


def test_cluster_articles_groups_texts_of_one_story_numbered_by_first_appearance() -> None:
    assert cluster_articles([REHAB[0], QUAKE[0], REHAB[1], QUAKE[1]]) == [0, 1, 0, 1]


def test_cluster_articles_threshold_one_keeps_different_texts_apart() -> None:
    assert cluster_articles(QUAKE, threshold=1.0) == [0, 1]


def test_cluster_articles_handles_empty_single_and_wordless_inputs() -> None:
    assert cluster_articles([]) == []
    assert cluster_articles(["alone"]) == [0]
    assert cluster_articles(["the", "and of"]) == [0, 1]
    assert cluster_articles([QUAKE[0], "", QUAKE[1]]) == [0, 1, 0]


def test_cluster_articles_rejects_a_threshold_outside_zero_one() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        cluster_articles(QUAKE, threshold=1.5)
