"""The quotes evaluator on a tiny hand-made gold set in the PolNeAR layout, with figures worked by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.evaluation.quotes import (
    Attribution,
    Counts,
    breakdown_from,
    evaluate,
    match_pairs,
    metrics_from,
    predicted_attributions,
    read_polnear,
    score_article,
)
from storyline.records import Quote, Span

TEXT = (
    "Title\n\n"
    '"We will win," Trump said.\n\n'
    "Officials said that the talks failed.\n\n"
    "The deal, aides believe, is dead."
)


def at(fragment: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(fragment, start + 1)
    return start, start + len(fragment)


def brat(label: str, number: int, fragment: str, occurrence: int = 0) -> str:
    start, end = at(fragment, occurrence)
    return f"T{number}\t{label} {start} {end}\t{fragment}"


def write_gold(root: Path) -> None:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "article-one.txt").write_text(TEXT, encoding="utf-8")
    deal, dead = at("The deal"), at("is dead")
    lines = [
        brat("Content", 1, '"We will win,"'),
        brat("Source", 2, "Trump"),
        brat("Cue", 3, "said"),
        "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
        brat("Source", 4, "Officials"),
        brat("Cue", 5, "said", 1),
        brat("Content", 6, "that the talks failed"),
        "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4",
        f"T7\tContent {deal[0]} {deal[1]};{dead[0]} {dead[1]}\tThe deal is dead",
        brat("Source", 8, "aides"),
        brat("Cue", 9, "believe"),
        "E3\tAttribution:T9 Content:T7 Cue:T9 Source:T8 Missing:T99",
    ]
    (root / "attributions" / "article-one_a1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "attributions" / "article-one_b2.ann").write_text(brat("Discard", 1, "Title") + "\n")


def test_read_polnear_takes_the_first_annotator_and_joins_discontinuous_spans(tmp_path: Path) -> None:
    write_gold(tmp_path)
    (article,) = read_polnear(tmp_path)
    assert [a.kind for a in article.attributions] == ["direct", "indirect", "indirect"]
    assert len(article.attributions[2].content) == 2
    assert article.discard == []


def test_score_article_counts_roles_on_matched_contents(tmp_path: Path) -> None:
    write_gold(tmp_path)
    (article,) = read_polnear(tmp_path)
    predicted = [
        Attribution((at("We will win,"),), (at("Trump"),), (at("said"),), "direct"),
        Attribution((at("the talks failed"),), (at("Officials"),), (at("said", 1),), "indirect"),
        Attribution((at("Title"),), (), (), "direct"),
    ]
    counts = Counts()
    score_article(TEXT, article.attributions, predicted, counts)
    metrics = metrics_from(counts)
    # content: 2 of 3 predicted overlap 2 of 3 gold; only "We will win," matches exactly once trimmed
    assert metrics["content_overlap_f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert metrics["content_exact_f1"] == pytest.approx(1 / 3, abs=1e-4)
    # speaker and cue: 2 right of 2 predicted, of 3 in the gold → P 1, R 2/3, F1 0.8
    assert metrics["speaker_overlap_f1"] == pytest.approx(0.8)
    assert metrics["speaker_exact_f1"] == pytest.approx(0.8)
    assert metrics["cue_overlap_f1"] == pytest.approx(0.8)
    assert metrics["f1"] == metrics["content_overlap_f1"]
    # Citron's word overlap: 6 shared of 7 predicted and 11 gold words; speakers 2 of 2 and of 3
    assert metrics["content_token_overlap_f1"] == pytest.approx(12 / 18, abs=1e-4)
    assert metrics["speaker_token_overlap_f1"] == pytest.approx(0.8)
    # of the two matched contents, both gold sources are found
    assert metrics["speaker_attribution"] == 1.0
    # of the two direct quotations predicted, "Title" has no speaker
    assert metrics["direct_without_speaker"] == 0.5
    kinds = breakdown_from(counts)
    assert kinds["direct"]["content_overlap_recall"] == 1.0
    assert kinds["direct"]["content_overlap_precision"] == 0.5
    assert kinds["indirect"]["content_overlap_recall"] == 0.5
    assert kinds["indirect"]["content_overlap_precision"] == 1.0
    assert kinds["direct"]["speaker_overlap_recall"] == 1.0
    assert kinds["indirect"]["speaker_overlap_recall"] == 0.5


def test_a_split_prediction_misses_once_in_pairs_but_not_in_citrons_word_overlap(tmp_path: Path) -> None:
    write_gold(tmp_path)
    (article,) = read_polnear(tmp_path)
    split = [
        Attribution((at("the talks"),), (), (), "indirect"),
        Attribution((at("failed"),), (), (), "indirect"),
    ]
    counts = Counts()
    score_article(TEXT, article.attributions[1:2], split, counts)
    metrics = metrics_from(counts)
    assert metrics["content_overlap_precision"] == 0.5
    assert metrics["content_token_overlap_f1"] == pytest.approx(2 * 3 / (3 + 4), abs=1e-4)


def test_evaluate_runs_the_pipeline_on_the_folder(tmp_path: Path, settings) -> None:
    write_gold(tmp_path)
    report = evaluate(tmp_path, settings=settings, limit=None)
    assert report.task == "quotes" and report.n_items == 1
    # the direct quote and the that-clause are found with their speakers
    assert report.metrics["content_overlap_recall"] >= 2 / 3
    assert report.metrics["speaker_overlap_recall"] >= 2 / 3
    assert report.anchors["Citron (BBC R&D), PARC 3.0, not PolNeAR"]["speaker_exact_f1"] == 0.820
    if report.peers:
        (peer,) = report.peers.values()
        assert set(peer) == set(report.metrics)
    else:
        assert any("textacy is not installed" in note for note in report.notes)


def test_read_polnear_names_the_folder_when_it_has_no_annotations(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=str(tmp_path)):
        read_polnear(tmp_path)


def test_match_pairs_gives_a_prediction_inside_nested_gold_the_closest_content() -> None:
    text = "Police said that a video showed him grabbing her arm."
    outer = Attribution(content=((text.index("that"), len(text) - 1),))
    inner = Attribution(content=((text.index("him"), len(text) - 1),))
    predicted = Attribution(content=((text.index("him"), len(text) - 1),))
    assert match_pairs(text, [outer, inner], [predicted]) == [(1, 0)]


def test_quotes_sharing_cue_and_speaker_are_one_relation_in_parts() -> None:
    trump, said = Span(*at("Trump"), "Trump"), Span(*at("said"), "said")
    officials, said_again = Span(*at("Officials"), "Officials"), Span(*at("said", 1), "said")
    first = Quote("q1", "direct", "We will win,", *at("We will win,"), cue=said, speaker_text=trump)
    continued = Quote(
        "q2", "direct", "the talks failed", *at("the talks failed"), cue=said, speaker_text=trump
    )
    other = Quote(
        "q3", "indirect", "the talks failed", *at("the talks failed"), cue=said_again, speaker_text=officials
    )
    uncued = Quote("q4", "direct", "is dead", *at("is dead"))
    relations = predicted_attributions([first, continued, other, uncued])
    assert [r.content for r in relations] == [
        (at("We will win,"), at("the talks failed")),
        (at("the talks failed"),),
        (at("is dead"),),
    ]
    assert relations[0].cue == (at("said"),) and relations[0].source == (at("Trump"),)
    assert [r.kind for r in relations] == ["direct", "indirect", "direct"]


def test_the_cue_aligned_view_pairs_a_relation_with_the_gold_one_sharing_its_cue() -> None:
    text = "He said he plans to use the $18 million he says he raised for his campaign last week."
    said, says = text.index("said"), text.index("says")
    gold = [
        Attribution(
            content=((said + 5, len(text) - 1),),
            source=((0, 2),),
            cue=((said, said + 4),),
        )
    ]
    predicted = [
        # the speaker's own relation, cut short by the nested report after it
        Attribution(content=((said + 5, says - 4),), source=((0, 2),), cue=((said, said + 4),)),
        # the nested report, whose content overlaps the gold content more
        Attribution(
            content=((says + 5, len(text) - 1),), source=((says - 3, says - 1),), cue=((says, says + 4),)
        ),
    ]
    assert match_pairs(text, gold, predicted) == [(0, 1)]
    assert match_pairs(text, gold, predicted, shared_cue_first=True) == [(0, 0)]
    counts = Counts()
    score_article(text, gold, predicted, counts)
    metrics = metrics_from(counts)
    assert metrics["speaker_overlap_f1"] == 0.0
    assert metrics["speaker_overlap_f1_cue_aligned"] == round(2 / 3, 4)
