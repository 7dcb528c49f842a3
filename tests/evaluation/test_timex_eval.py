"""The TempEval-3 scorer on a tiny hand-made gold set whose metrics are worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.evaluation.base import run_evaluation
from storyline.evaluation.timex import Timex, read_documents, read_tml

FIRST = "The company said on Friday that profit rose in the third quarter."
SECOND = "Sales have grown daily for two years and will double by next spring, officials said then."


def _span(text: str, part: str, kind: str, value: str) -> dict:
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part, "type": kind, "value": value}


def _write_gold(folder: Path) -> Path:
    rows = [
        # "third quarter" without "the": our extent differs (relaxed, not strict)
        {"doc_id": "d1", "dct": "1998-10-23", "text": FIRST, "timexes": [
            _span(FIRST, "Friday", "DATE", "1998-10-23"),
            _span(FIRST, "third quarter", "DATE", "1998-Q3"),
        ]},
        # "next spring" is 2001-SP from March 2000: the gold value below is deliberately wrong;
        # "then" is not found; "daily" is found but not in the gold
        {"doc_id": "d2", "dct": "2000-03-01", "text": SECOND, "timexes": [
            _span(SECOND, "two years", "DURATION", "P2Y"),
            _span(SECOND, "next spring", "DATE", "2000-SP"),
            _span(SECOND, "then", "DATE", "PAST_REF"),
        ]},
    ]  # fmt: skip
    folder.mkdir()
    (folder / "timex3.tiny.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return folder


def test_timex_evaluation_scores_a_hand_made_gold_set(tmp_path, settings):
    report = run_evaluation("timex", _write_gold(tmp_path / "gold"), settings=settings)
    metrics = report.metrics
    # 5 gold, 5 predicted (Friday, the third quarter, daily, two years, next spring)
    # relaxed matches 4 → P = R = F1 = 0.8; strict 3 → 0.6; right values 3 → value F1 0.6; types 4/4
    assert (metrics["gold"], metrics["predicted"]) == (5, 5)
    assert metrics["relaxed_f1"] == pytest.approx(0.8)
    assert metrics["f1"] == metrics["relaxed_f1"]
    assert metrics["strict_f1"] == pytest.approx(0.6)
    assert metrics["value_f1"] == pytest.approx(0.6)
    assert metrics["value_accuracy"] == pytest.approx(0.75)
    assert metrics["type_accuracy"] == pytest.approx(1.0)
    assert report.n_items == 2
    assert "dateparser.search_dates" in report.peers
    assert report.anchors


def test_timex_evaluation_reads_timeml_files(tmp_path):
    tml = tmp_path / "tml" / "d1.tml"
    tml.parent.mkdir()
    tml.write_text(
        '<?xml version="1.0" ?><TimeML><DOCID>d1</DOCID>'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-10-23" functionInDocument="CREATION_TIME">'
        '1998-10-23</TIMEX3></DCT><TEXT>Profit <EVENT eid="e1">rose</EVENT> on '
        '<TIMEX3 tid="t1" type="DATE" value="1998-10-23">Friday</TIMEX3> &amp; fell '
        '<TIMEX3 tid="t2" type="DATE" value="PRESENT_REF">now</TIMEX3>.</TEXT></TimeML>',
        encoding="utf-8",
    )
    document = read_tml(tml)
    assert document.dct == "1998-10-23"
    assert document.text == "Profit rose on Friday & fell now."
    assert document.timexes == [Timex(15, 21, "DATE", "1998-10-23"), Timex(29, 32, "DATE", "PRESENT_REF")]
    assert read_documents(tmp_path)[0] == document


def test_timex_evaluation_explains_a_folder_without_data(tmp_path):
    with pytest.raises(FileNotFoundError, match="TempEval-3 layout"):
        read_documents(tmp_path)


def test_timex_evaluation_reads_the_shared_dev_data(shared):
    documents = read_documents(shared / "eval" / "timex-tempeval3")
    assert len(documents) == 256
    assert sum(len(d.timexes) for d in documents) == 1822
    first = documents[0]
    assert all(first.text[t.start : t.end] for t in first.timexes)
