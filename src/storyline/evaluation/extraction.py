"""Main-text extraction from HTML pages: ours against trafilatura, readability-lxml and newspaper4k.

Two layouts are recognised by their contents, not their file names:
- a JSON object ``{id: {"articleBody": str, "url": str}}`` beside ``html/<id>.html.gz`` (the Zyte/Scrapinghub
  article extraction benchmark), scored with its word 4-gram shingle precision/recall/F1;
- a JSON object ``{key: {"file": "html/….html.gz", "with": [...], "without": [...]}}`` (trafilatura's
  evaluation corpus), scored with its with/without snippet precision/recall/F1.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import trafilatura
from trafilatura.utils import decode_file

from storyline.article import read_article
from storyline.config import Settings
from storyline.evaluation.base import EvalReport
from storyline.records import RawDoc

Extractor = Callable[[bytes, str | None], str]
"""Page bytes and URL in, main text out ("" when the tool finds nothing)."""

ANCHORS_SHINGLE = {
    "trafilatura 2.0.0, all 181 pages": {"f1": 0.958},
    "newspaper4k, all 181 pages": {"f1": 0.949},
    "readability-js, all 181 pages": {"f1": 0.947},
    "html-text (whole page), all 181 pages": {"f1": 0.665},
}
OURS = "storyline"


@dataclass
class Page:
    id: str
    html: bytes
    url: str | None
    gold_body: str | None = None
    with_snippets: list[str] = field(default_factory=list)
    without_snippets: list[str] = field(default_factory=list)


def evaluate(data_dir: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    layout, pages = read_pages(data_dir, limit)
    score = score_shingles if layout == "shingle" else score_snippets
    runs = {name: run_tool(extractor, pages) for name, extractor in extractors(settings).items()}
    ours = runs.pop(OURS)
    accepted = [number for number in range(len(pages)) if number not in ours.failed]
    report = EvalReport(
        task="extraction",
        data_dir=str(data_dir),
        n_items=len(pages),
        metrics=_scores(score, pages, ours, accepted) | {"accepted_pages": float(len(accepted))},
        anchors=ANCHORS_SHINGLE if layout == "shingle" else {},
        peers={name: _scores(score, pages, run, accepted) for name, run in runs.items()},
        notes=[f"layout: {_LAYOUT_NAMES[layout]}"],
    )
    report.notes += [run.failure_note(name) for name, run in (runs | {OURS: ours}).items() if run.failed]
    if len(accepted) < len(pages):
        report.notes.append(
            "*_accepted: every tool scored only on the pages storyline accepted (it refuses pages where it "
            "finds no article text); the headline counts those pages as empty output"
        )
    return report


def _scores(score: Callable, pages: list[Page], run: ToolRun, accepted: list[int]) -> dict[str, float]:
    """The tool's scores on all pages, plus on the pages ours accepted when it refused some."""
    scores = score(pages, run.texts) | {"seconds_per_page": run.seconds_per_page}
    if len(accepted) < len(pages):
        subset = score([pages[i] for i in accepted], [run.texts[i] for i in accepted])
        scores |= {f"{name}_accepted": subset[name] for name in ("f1", "precision", "recall")}
    return scores


_LAYOUT_NAMES = {
    "shingle": "articleBody ground truth, word 4-gram shingle P/R/F1 (Zyte benchmark's evaluate.py)",
    "snippet": "with/without snippets, micro P/R/F1 (trafilatura's evaluation)",
}


# --- reading the two layouts -------------------------------------------------------------------------


def read_pages(data_dir: Path, limit: int | None) -> tuple[str, list[Page]]:
    """The folder's layout (``shingle`` or ``snippet``) and its pages in the ground truth's order."""
    for path in sorted(data_dir.glob("*.json")):
        records = json.loads(path.read_text(encoding="utf-8"))
        sample = next(iter(records.values()), None) if isinstance(records, dict) else None
        if isinstance(sample, dict) and "articleBody" in sample:
            return "shingle", list(_shingle_pages(data_dir, records, limit))
        if isinstance(sample, dict) and "with" in sample and "file" in sample:
            return "snippet", list(_snippet_pages(data_dir, records, limit))
    raise FileNotFoundError(
        f"{data_dir} has no extraction ground truth: expected a JSON file of articleBody records "
        "(Zyte benchmark) or of with/without snippet records (trafilatura evaluation)"
    )


def _shingle_pages(data_dir: Path, records: dict[str, Any], limit: int | None) -> Iterator[Page]:
    for key in list(records)[:limit]:
        html = gzip.decompress((data_dir / "html" / f"{key}.html.gz").read_bytes())
        yield Page(id=key, html=html, url=records[key].get("url"), gold_body=records[key]["articleBody"])


def _snippet_pages(data_dir: Path, records: dict[str, Any], limit: int | None) -> Iterator[Page]:
    for key in list(records)[:limit]:
        record = records[key]
        yield Page(
            id=key,
            html=gzip.decompress((data_dir / record["file"]).read_bytes()),
            url=key if key.startswith("http") else None,
            with_snippets=record.get("with") or [],
            without_snippets=record.get("without") or [],
        )


# --- the tools ---------------------------------------------------------------------------------------


def extractors(settings: Settings) -> dict[str, Extractor]:
    """Ours first, then every peer that is installed."""
    tools: dict[str, Extractor] = {OURS: lambda html, url: _ours(html, url, settings)}
    tools["trafilatura"] = _trafilatura
    for name, loader in (("readability-lxml", _readability), ("newspaper4k", _newspaper)):
        try:
            tools[name] = loader()
        except ImportError:
            continue
    return tools


def _ours(html: bytes, url: str | None, settings: Settings) -> str:
    # Extraction is scored in every language: the English-only gate of the analysis is not extraction.
    raw = RawDoc(source=url or "<page>", content=html, content_type="html", url=url)
    return read_article(raw, settings).text


def _trafilatura(html: bytes, url: str | None) -> str:
    # trafilatura's canonical evaluation settings: no comments, tables included, no formatting
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True)
    return text or ""


def _readability() -> Extractor:
    import lxml.html
    from readability import Document

    def extract(html: bytes, url: str | None) -> str:
        summary = Document(_decoded(html), url=url).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content() if summary.strip() else ""

    return extract


def _newspaper() -> Extractor:
    with warnings.catch_warnings():  # it warns that its optional NLP extras (nltk) are absent
        warnings.simplefilter("ignore")
        from newspaper import Article

    def extract(html: bytes, url: str | None) -> str:
        article = Article(url or "https://example.invalid/", fetch_images=False)
        article.download(input_html=_decoded(html))
        article.parse()
        return article.text or ""

    return extract


def _decoded(html: bytes) -> str:
    return decode_file(html)


@dataclass
class ToolRun:
    texts: list[str]
    seconds: float
    failed: dict[int, str]
    """``ExceptionName: message`` by the number of each page the tool failed on."""

    @property
    def seconds_per_page(self) -> float:
        return self.seconds / max(len(self.texts), 1)

    def failure_note(self, name: str) -> str:
        count = f"{len(self.failed)} of {len(self.texts)} pages"
        example = next(iter(self.failed.values()))[:160]
        return f"{name} failed on or refused {count} (scored as empty); e.g. {example}"


def run_tool(extractor: Extractor, pages: list[Page]) -> ToolRun:
    """Run one tool over every page; a crash counts as empty output, as the benchmarks' scorers do."""
    texts, failed, started = [], {}, time.perf_counter()
    for number, page in enumerate(pages):
        try:
            texts.append(extractor(page.html, page.url))
        except Exception as error:  # any failure of a third-party tool is that tool's score, not ours
            texts.append("")
            failed[number] = f"{type(error).__name__}: {error}"
    return ToolRun(texts, time.perf_counter() - started, failed)


# --- the Zyte benchmark's shingle metric -------------------------------------------------------------

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Word n-grams of ``\\w+`` tokens; a text shorter than n tokens is one shorter shingle."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_counts(gold: str, predicted: str) -> tuple[float, float, float]:
    """(TP, FP, FN) over shingle multisets, normalised by their sum so every page weighs the same."""
    true, pred = shingles(gold), shingles(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def shingle_metrics(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Mean per-page precision and recall (pages where they are defined), F1 of the two means."""
    precisions = [_page_score(tp, fp, fn) for tp, fp, fn in counts if tp + fp > 0]
    recalls = [_page_score(tp, fn, fp) for tp, fp, fn in counts if tp + fn > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _page_score(tp: float, wrong: float, other_wrong: float) -> float:
    if wrong == other_wrong == 0:
        return 1.0
    return tp / (tp + wrong) if tp + wrong else 0.0


def score_shingles(pages: list[Page], outputs: list[str]) -> dict[str, float]:
    counts = [shingle_counts(page.gold_body or "", text) for page, text in zip(pages, outputs, strict=True)]
    exact = [
        _TOKEN.findall(page.gold_body or "") == _TOKEN.findall(text)
        for page, text in zip(pages, outputs, strict=True)
    ]
    return shingle_metrics(counts) | {"accuracy": sum(exact) / len(exact) if exact else 0.0}


# --- trafilatura's snippet metric --------------------------------------------------------------------


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def snippet_counts(output: str, with_snippets: list[str], without_snippets: list[str]) -> Counter[str]:
    """TP/FN over the snippets that must appear, FP/TN over those that must not."""
    text = _normalised(output)
    counts: Counter[str] = Counter(tp=0, fn=0, fp=0, tn=0)
    for snippet in with_snippets:
        counts["tp" if text and _normalised(snippet) in text else "fn"] += 1
    for snippet in without_snippets:
        counts["fp" if text and _normalised(snippet) in text else "tn"] += 1
    return counts


def snippet_metrics(counts: Counter[str]) -> dict[str, float]:
    tp, fp, fn, tn = counts["tp"], counts["fp"], counts["fn"], counts["tn"]
    total = tp + fp + fn + tn
    return {
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0,
        "accuracy": (tp + tn) / total if total else 0.0,
    }


def score_snippets(pages: list[Page], outputs: list[str]) -> dict[str, float]:
    totals: Counter[str] = Counter()
    for page, text in zip(pages, outputs, strict=True):
        totals.update(snippet_counts(text, page.with_snippets, page.without_snippets))
    return snippet_metrics(totals)
