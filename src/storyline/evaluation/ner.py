"""Named entities on CoNLL-2003 (``../shared/eval/ner-conll2003``): conlleval entity micro-F1.

The data file is found by its layout, not its name: a file whose first line is ``-DOCSTART-`` and whose
token lines have four space-separated columns ``token POS chunk NER`` with IOB2 tags. Each ``-DOCSTART-``
document is rebuilt as one spaCy Doc from the given tokens (``Doc(words=…, spaces=…)``), so the score is
computed on the gold tokens, and every component of the pipeline runs on it as on an article.

spaCy's OntoNotes labels are mapped onto CoNLL's four types:

=============================================================  ======
spaCy label                                                    CoNLL
=============================================================  ======
PERSON                                                         PER
ORG                                                            ORG
GPE, LOC, FAC                                                  LOC
NORP, EVENT, WORK_OF_ART, LAW, LANGUAGE, PRODUCT               MISC
DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL        (dropped)
=============================================================  ======

Scoring follows conlleval: an entity counts only if its exact token span and its type match a gold
entity; precision, recall and F1 are pooled over all entities (micro), and per type in ``breakdown``.
Every installed spaCy pipeline is measured in the same run (``peers``, with documents and tokens per
second through the whole pipeline); the configured one gives the headline ``metrics``. Each is measured a
second time with Storyline's actors on top (``<pipeline> + storyline actors``, metrics ``actors_f1`` …):
the mentions of the merged entities, with names the model missed elsewhere in the document added and
labels made consistent per name, mapped to CoNLL types (a demonym mention of a country is MISC).

The anchors are spaCy's published NER F-scores for en_core_web_sm/md 3.8, measured on OntoNotes 5 with
OntoNotes labels, not on CoNLL-2003: they show what the models score on their own data, not a target for
this table.
"""

from __future__ import annotations

import importlib.metadata
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from storyline.config import Settings
from storyline.evaluation.base import EvalReport, prf
from storyline.nlp import geo
from storyline.nlp.actors import extract_actors
from storyline.nlp.pipeline import load_pipeline

LABEL_MAP = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "PRODUCT": "MISC",
}
TYPES = ("PER", "ORG", "LOC", "MISC")
NON_ACTOR_MISC = {"EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"}
ACTORS = " + storyline actors"
"""Suffix of the peer that scores Storyline's actor mentions on top of a pipeline's NER."""
ANCHORS = {
    "en_core_web_sm 3.8 (published NER F, OntoNotes 5, not CoNLL)": {"f1": 0.84},
    "en_core_web_md 3.8 (published NER F, OntoNotes 5, not CoNLL)": {"f1": 0.85},
}
DOCSTART = "-DOCSTART-"
NO_SPACE_BEFORE = {
    ".",
    ",",
    ":",
    ";",
    "?",
    "!",
    ")",
    "]",
    "}",
    "'s",
    "n't",
    "%",
    "'",
    "'re",
    "'ve",
    "'ll",
    "'d",
}
NO_SPACE_AFTER = {"(", "[", "{", "$"}

Entity = tuple[int, int, str]
"""(first token, end token, CoNLL type) within one document."""


@dataclass(slots=True)
class Document:
    words: list[str]
    tags: list[str]


def evaluate(data_dir: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    documents = read_documents(find_data_files(data_dir))
    if limit is not None:
        documents = documents[:limit]
    gold = [entities_from_tags(d.tags) for d in documents]
    models = installed_pipelines(settings.spacy_model)
    peers: dict[str, dict[str, float]] = {}
    breakdowns: dict[str, dict[str, dict[str, float]]] = {}
    for model, location in models.items():
        for suffix, (scores, per_type) in _measure(load_pipeline(location), documents, gold).items():
            peers[model + suffix], breakdowns[model + suffix] = scores, per_type
    headline, actors = peers[settings.spacy_model], peers[settings.spacy_model + ACTORS]
    return EvalReport(
        task="ner",
        data_dir=str(data_dir),
        n_items=len(documents),
        metrics={
            **{name: headline[name] for name in ("f1", "precision", "recall")},
            **{f"actors_{name}": actors[name] for name in ("f1", "precision", "recall")},
        },
        anchors=ANCHORS,
        peers=peers,
        breakdown=_breakdown(breakdowns[settings.spacy_model], breakdowns[settings.spacy_model + ACTORS]),
        notes=[
            f"pipeline {settings.spacy_model}; peers: {', '.join(models)}, each alone and{ACTORS}",
            "labels mapped PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, NORP/EVENT/WORK_OF_ART/LAW/LANGUAGE/"
            "PRODUCT→MISC, others dropped; in actors, a demonym mention of a country is MISC",
            "anchors are spaCy's published OntoNotes figures, not CoNLL-2003 scores",
        ],
    )


def _breakdown(
    spacy_scores: dict[str, dict[str, float]], actors_scores: dict[str, dict[str, float]]
) -> dict[str, dict[str, float]]:
    return {
        kind: {
            **spacy_scores[kind],
            **{f"actors_{name}": value for name, value in actors_scores[kind].items()},
        }
        for kind in TYPES
    }


def _measure(
    nlp: Language, documents: list[Document], gold: list[set[Entity]]
) -> dict[str, tuple[dict[str, float], dict[str, dict[str, float]]]]:
    """Scores and speed of the pipeline's NER alone and with Storyline's actors on top."""
    for _ in nlp.pipe(docs_from_tokens(nlp, documents[:1])):
        pass  # the first call initialises lazily; keep it out of the timing
    started = time.perf_counter()
    docs = list(nlp.pipe(docs_from_tokens(nlp, documents)))
    parsed = time.perf_counter()
    with_actors = [entities_from_actors(doc) for doc in docs]
    finished = time.perf_counter()
    tokens = sum(len(d.words) for d in documents)
    return {
        "": _scored(gold, [entities_from_doc(doc) for doc in docs], parsed - started, len(docs), tokens),
        ACTORS: _scored(gold, with_actors, finished - started, len(docs), tokens),
    }


def _scored(
    gold: list[set[Entity]], predicted: list[set[Entity]], seconds: float, n_docs: int, n_tokens: int
) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    scores = score(gold, predicted)
    seconds = max(seconds, 1e-9)
    speed = {"docs_per_s": n_docs / seconds, "tokens_per_s": n_tokens / seconds}
    return {**scores.pop("overall"), **speed}, scores


def find_data_files(data_dir: Path) -> list[Path]:
    """The CoNLL files in a folder, recognised by their first line (``-DOCSTART-``) and four columns."""
    found = sorted(path for path in Path(data_dir).rglob("*") if path.is_file() and _is_conll(path))
    if not found:
        raise FileNotFoundError(
            f"{data_dir}: no CoNLL-2003 file found (a file starting with '-DOCSTART- -X- -X- O', "
            "one token per line with four columns); point DATA_DIR at a folder laid out like "
            "../shared/eval/ner-conll2003"
        )
    return found


def _is_conll(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as handle:
            first = handle.readline().split()
    except (UnicodeDecodeError, OSError):
        return False
    return len(first) == 4 and first[0] == DOCSTART


def read_documents(paths: Iterable[Path]) -> list[Document]:
    documents: list[Document] = []
    for path in paths:
        documents.extend(_documents_in(path))
    return documents


def _documents_in(path: Path) -> Iterator[Document]:
    current = Document([], [])
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        cells = line.split()
        if not cells:
            continue
        if len(cells) != 4:
            raise ValueError(f"{path} line {number}: expected 4 columns (token POS chunk NER), got {line!r}")
        if cells[0] == DOCSTART:
            if current.words:
                yield current
            current = Document([], [])
            continue
        current.words.append(cells[0])
        current.tags.append(cells[3])
    if current.words:
        yield current


def entities_from_tags(tags: list[str]) -> set[Entity]:
    """Entity spans from IOB tags as conlleval reads them: a chunk starts at B-, or at I- after a different
    type or O, and ends before the next B-, O or type change."""
    entities: set[Entity] = set()
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind
        if start is not None and not continues:
            entities.add((start, i, kind))
            start, kind = None, None
        if prefix in {"B", "I"} and not continues:
            start, kind = i, label
    return entities


def docs_from_tokens(nlp: Language, documents: Iterable[Document]) -> Iterator[Doc]:
    for document in documents:
        yield Doc(nlp.vocab, words=document.words, spaces=_spaces(document.words))


def _spaces(words: list[str]) -> list[bool]:
    """Whitespace after each token, as running text would have it ("Reuters ." → "Reuters.")."""
    return [
        i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE and word not in NO_SPACE_AFTER
        for i, word in enumerate(words)
    ]


def entities_from_doc(doc: Doc) -> set[Entity]:
    return {(ent.start, ent.end, LABEL_MAP[ent.label_]) for ent in doc.ents if ent.label_ in LABEL_MAP}


def entities_from_actors(doc: Doc) -> set[Entity]:
    """Storyline's actor mentions as CoNLL entities, plus spaCy's non-actor MISC names (events, laws, …).

    Descriptions ("the president") are not names and are left out; a demonym merged into its country
    ("Russian" in Russia) is MISC, as CoNLL annotates nationalities."""
    gazetteer = geo.gazetteer()
    found = {(e.start, e.end, "MISC") for e in doc.ents if e.label_ in NON_ACTOR_MISC}
    for entity in extract_actors(doc):
        for mention in entity.mentions:
            span = doc.char_span(mention.start, mention.end)
            if span is not None and mention.text[:1].isupper():
                found.add((span.start, span.end, _conll_type(entity.type, mention.text, gazetteer)))
    return found


def _conll_type(label: str, text: str, gazetteer: geo.Gazetteer) -> str:
    if label == "GPE" and gazetteer.demonym(text) and not gazetteer.country_named(text):
        return "MISC"
    return LABEL_MAP[label]


def score(gold: list[set[Entity]], predicted: list[set[Entity]]) -> dict[str, dict[str, float]]:
    """conlleval micro P/R/F1 over all documents (``overall``) and per CoNLL type."""
    counts = {kind: [0, 0, 0] for kind in ("overall", *TYPES)}
    for gold_entities, predicted_entities in zip(gold, predicted, strict=True):
        for kind in ("overall", *TYPES):
            g = {e for e in gold_entities if kind == "overall" or e[2] == kind}
            p = {e for e in predicted_entities if kind == "overall" or e[2] == kind}
            counts[kind][0] += len(g & p)
            counts[kind][1] += len(p)
            counts[kind][2] += len(g)
    return {kind: prf(*values) for kind, values in counts.items()}


def installed_pipelines(default: str) -> dict[str, str]:
    """Every spaCy pipeline installed as a package, by name, with how to load it (the configured one first):
    those registered with spaCy load by name; a package that ships a pipeline directory (``config.cfg``
    beside ``meta.json``) as package data loads from that directory."""
    registered = spacy.util.get_installed_models()
    shipped: dict[str, str] = {}
    for distribution in importlib.metadata.distributions():
        files = {str(f) for f in distribution.files or []}
        for name in sorted(files):
            if name.endswith("/config.cfg") and name.replace("config.cfg", "meta.json") in files:
                shipped.setdefault(name.split("/")[0], str(distribution.locate_file(name).parent))
    names = dict.fromkeys([default, *registered, *shipped])
    return {name: name if name in registered else shipped.get(name, name) for name in names}
