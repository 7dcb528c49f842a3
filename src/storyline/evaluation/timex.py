"""TempEval-3 Task A scoring of time expressions: detection (strict, relaxed) and normalisation (value, type).

Reads a folder in the TempEval layout described by ``shared/eval/timex-tempeval3/README.md``: JSON lines
files (``doc_id``, ``dct``, ``text``, ``timexes``) at the top, or failing those ``tml/**/*.tml`` TimeML files.
Each document is parsed by the configured pipeline and normalised against its creation time, as TempEval-3
does. dateparser's ``search_dates`` is scored the same way in the same run as a peer.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from storyline.config import Settings
from storyline.evaluation.base import EvalReport, prf
from storyline.nlp.pipeline import load_pipeline
from storyline.nlp.times import extract_times
from storyline.nlp.timex.calendar import parse_reference

ANCHORS = {
    "HeidelTime (TempEval-3, TE3-platinum)": {"value_f1": 0.776},
    "SUTime (TempEval-3, TE3-platinum)": {"value_f1": 0.674},
}
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str | None


@dataclass(frozen=True)
class Document:
    doc_id: str
    dct: str
    text: str
    timexes: list[Timex]


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, other: Counts) -> None:
        for name in ("gold", "predicted", "strict", "relaxed", "value", "type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def evaluate(data_dir: Path, *, settings: Settings, limit: int | None) -> EvalReport:
    documents = read_documents(data_dir)[:limit] if limit else read_documents(data_dir)
    nlp = load_pipeline(settings.spacy_model)
    docs = nlp.pipe((d.text for d in documents), batch_size=settings.batch_size)
    ours = [_our_timexes(doc, d.dct, settings.date_locale) for doc, d in zip(docs, documents, strict=True)]
    counts, per_type = score(documents, ours)
    peer_counts, _ = score(documents, [dateparser_timexes(d) for d in documents])
    return EvalReport(
        task="timex",
        data_dir=str(data_dir),
        n_items=len(documents),
        metrics=metrics(counts),
        anchors=ANCHORS,
        peers={"dateparser.search_dates": metrics(peer_counts)},
        breakdown={kind: _type_table(c) for kind, c in per_type.items()},
        notes=[
            "Character-offset matching (TempEval-3 scores tokens): strict = same extent, relaxed = overlap.",
            "value_f1 = relaxed F1 x value accuracy (TempEval-3's attribute F1); headline f1 = relaxed F1.",
            "Rules were developed looking at this data (TempEval-3 training set); held out: TE3-platinum.",
            "Week numbers compare with zero padding (gold 2000-W7 = 2000-W07).",
        ],
    )


def read_documents(data_dir: Path) -> list[Document]:
    """Documents from the JSON lines files of the folder, or else from its TimeML files."""
    lines = sorted(data_dir.glob("*.jsonl"))
    if lines:
        return [_document_from_json(json.loads(line)) for path in lines for line in _lines(path)]
    tml = sorted(data_dir.glob("tml/**/*.tml")) or sorted(data_dir.glob("**/*.tml"))
    if not tml:
        raise FileNotFoundError(f"{data_dir}: no *.jsonl or tml/**/*.tml files in the TempEval-3 layout")
    return [read_tml(path) for path in tml]


def _lines(path: Path) -> Iterable[str]:
    with path.open(encoding="utf-8") as handle:
        yield from (line for line in handle if line.strip())


def _document_from_json(row: dict) -> Document:
    timexes = [Timex(t["start"], t["end"], t["type"], t.get("value")) for t in row["timexes"]]
    return Document(row["doc_id"], row["dct"], row["text"], timexes)


def read_tml(path: Path) -> Document:
    """One TimeML file: the creation time, and the TEXT element's text with its TIMEX3 offsets."""
    root = ElementTree.parse(path).getroot()
    dct = root.find(".//DCT/TIMEX3")
    text_element = root.find(".//TEXT")
    if dct is None or text_element is None:
        raise ValueError(f"{path}: a TimeML file needs DCT/TIMEX3 and TEXT elements")
    parts: list[str] = []
    timexes: list[Timex] = []
    _flatten(text_element, parts, timexes)
    return Document(path.stem, dct.get("value", ""), "".join(parts), timexes)


def _flatten(element: ElementTree.Element, parts: list[str], timexes: list[Timex]) -> None:
    """Append an element's text to ``parts``, recording where each TIMEX3 starts and ends."""
    start = sum(len(p) for p in parts)
    parts.append(element.text or "")
    for child in element:
        _flatten(child, parts, timexes)
        parts.append(child.tail or "")
    if element.tag == "TIMEX3":
        end = start + len("".join(element.itertext()))
        timexes.append(Timex(start, end, element.get("type", ""), element.get("value")))


def _our_timexes(doc, dct: str, locale: str) -> list[Timex]:
    return [Timex(t.start, t.end, t.type, t.value) for t in extract_times(doc, dct, locale=locale)]


def dateparser_timexes(document: Document) -> list[Timex]:
    """dateparser's ``search_dates`` from the creation time, as a DATE (a TIME when it has a clock)."""
    from dateparser.search import search_dates

    base = parse_reference(document.dct)
    settings = {"RELATIVE_BASE": datetime(base.year, base.month, base.day)} if base else {}
    found = search_dates(document.text, languages=["en"], settings=settings) or []
    timexes, cursor = [], 0
    for text, moment in found:
        start = document.text.find(text, cursor)
        if start < 0:
            continue
        cursor = start + len(text)
        has_clock = (moment.hour, moment.minute) != (0, 0)
        value = moment.strftime("%Y-%m-%dT%H:%M") if has_clock else moment.date().isoformat()
        timexes.append(Timex(start, cursor, "TIME" if has_clock else "DATE", value))
    return timexes


def score(documents: list[Document], predictions: list[list[Timex]]) -> tuple[Counts, dict[str, Counts]]:
    total = Counts()
    per_type = {kind: Counts() for kind in TYPES}
    for document, predicted in zip(documents, predictions, strict=True):
        total.add(_score_document(document.timexes, predicted, per_type))
    return total, per_type


def _score_document(gold: list[Timex], predicted: list[Timex], per_type: dict[str, Counts]) -> Counts:
    counts = Counts(gold=len(gold), predicted=len(predicted))
    for gold_timex, match in _pairs(gold, predicted):
        table = per_type.setdefault(gold_timex.type, Counts())
        table.gold += 1
        if match is None:
            continue
        checks = {
            "relaxed": True,
            "strict": (gold_timex.start, gold_timex.end) == (match.start, match.end),
            "value": _same_value(gold_timex.value, match.value),
            "type": gold_timex.type == match.type,
        }
        for name, passed in checks.items():
            setattr(counts, name, getattr(counts, name) + passed)
            setattr(table, name, getattr(table, name) + passed)
    return counts


def _pairs(gold: list[Timex], predicted: list[Timex]) -> list[tuple[Timex, Timex | None]]:
    """Each gold timex with the unused prediction overlapping it most (one-to-one), or None."""
    used: set[int] = set()
    pairs = []
    for gold_timex in gold:
        best, best_overlap = None, 0
        for index, candidate in enumerate(predicted):
            overlap = min(gold_timex.end, candidate.end) - max(gold_timex.start, candidate.start)
            if index not in used and overlap > best_overlap:
                best, best_overlap = index, overlap
        if best is not None:
            used.add(best)
        pairs.append((gold_timex, predicted[best] if best is not None else None))
    return pairs


def _same_value(gold: str | None, predicted: str | None) -> bool:
    """TIMEX3 values compared as strings, after undoing the one spelling variant of the data (W7 = W07)."""
    if gold is None or predicted is None:
        return False
    return _canonical(gold) == _canonical(predicted)


def _canonical(value: str) -> str:
    return re.sub(r"-W(\d)(?!\d)", r"-W0\1", value.strip())


def metrics(counts: Counts) -> dict[str, float]:
    strict = prf(counts.strict, counts.predicted, counts.gold)
    relaxed = prf(counts.relaxed, counts.predicted, counts.gold)
    value = prf(counts.value, counts.predicted, counts.gold)
    kind = prf(counts.type, counts.predicted, counts.gold)
    matched = counts.relaxed or 1
    return {
        "precision": relaxed["precision"],
        "recall": relaxed["recall"],
        "f1": relaxed["f1"],
        "strict_precision": strict["precision"],
        "strict_recall": strict["recall"],
        "strict_f1": strict["f1"],
        "relaxed_precision": relaxed["precision"],
        "relaxed_recall": relaxed["recall"],
        "relaxed_f1": relaxed["f1"],
        "value_f1": value["f1"],
        "value_accuracy": counts.value / matched,
        "type_f1": kind["f1"],
        "type_accuracy": counts.type / matched,
        "gold": float(counts.gold),
        "predicted": float(counts.predicted),
    }


def _type_table(counts: Counts) -> dict[str, float]:
    matched = counts.relaxed or 1
    return {
        "gold": float(counts.gold),
        "relaxed_recall": counts.relaxed / counts.gold if counts.gold else 0.0,
        "value_accuracy": counts.value / matched,
        "type_accuracy": counts.type / matched,
    }
