"""Event coding against PLOVER gold-standard records: event type and (source, type, target) triples.

Layout: a folder with one ``*.jsonl`` file of PLOVER records (one sentence each; a ``DOCUMENT`` header
record is skipped). Each sentence is analysed as a one-sentence article through the whole pipeline; its most
confident event is compared with the gold event (no event counts as a wrong type). Gold labels of earlier
PLOVER versions (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT) are read as today's types through
``lexicons/plover_types.json``.

Actors are compared by code, as the records code them: a country actor by its ISO 3166 alpha-3 code (our
``Entity.country`` mapped through pycountry), an intergovernmental organisation
(``lexicons/organisations.json``) and its officials ("NATO Secretary-General X") as ``IGO``, a transnational
militant network or an international NGO that no country claims (``lexicons/non_state_groups.tsv``) as ``IMG``
or ``NGO``. Compound actors
give one triple per actor; reciprocal ``SRC/TAR`` actors (and our events with several sources and no target)
give both directions. An actor we cannot code counts as ``None`` and matches nothing but a missing gold
actor.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry

from storyline.config import Settings
from storyline.evaluation.base import EvalReport, prf
from storyline.nlp import analyze_articles, groups
from storyline.nlp.events_classifier import shipped_classifier
from storyline.nlp.events_lexicon import plover_types
from storyline.nlp.organisations import is_intergovernmental
from storyline.records import Analysis, Article

NO_EVENT = "NONE"
PUBLISHED = "2000-01-01"
"""The records' own date for every sentence (see the dataset README)."""
ANCHORS = {
    "NGEC (Halterman et al. 2023, POLECAT coder; own test set)": {
        "type_macro_f1": 0.52,
        "role_f1": 0.70,
        "seconds_per_document": 3.9,
    }
}

Triple = tuple[str | None, str, str | None]


@dataclass
class GoldSentence:
    id: str
    text: str
    type: str
    triples: set[Triple]


def evaluate(data_dir: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    gold = read_gold(data_dir, limit)
    started = time.perf_counter()
    analyses = list(analyze_articles(_articles(gold), settings))
    seconds = time.perf_counter() - started
    predicted = [predicted_event(analysis) for analysis in analyses]
    n_events = sum(len(a.events) for a in analyses)
    report = EvalReport(
        task="events",
        data_dir=str(data_dir),
        n_items=len(gold),
        metrics=score(gold, predicted)
        | {"sentences_per_second": len(gold) / seconds, "events_per_second": n_events / seconds},
        anchors=ANCHORS,
        breakdown=per_type(gold, [p[0] for p in predicted]),
        notes=[
            "one gold event per sentence; our most confident event is compared, no event = wrong type",
            "actors compared as ISO alpha-3 country codes, IGO, IMG or NGO; sectors are not scored",
            "NGEC's figures are from its own POLECAT test set, not these sentences",
            "the trigger lexicon, PLOVER coding rules and actor-coding rules (group pronouns, national "
            "groups and offices, country aliases, default targets of domestic events and threats) were "
            "refined by error analysis on this dev half "
            "(the held-out half was never read), so these figures are optimistic",
        ],
    )
    if (classifier := shipped_classifier()) is not None:
        alone = [(max((p := classifier.probabilities(g.text)), key=p.get), set()) for g in gold]
        report.peers["type classifier alone (sentence text, no triggers)"] = _type_metrics(gold, alone)
    return report


def read_gold(data_dir: Path, limit: int | None = None) -> list[GoldSentence]:
    files = sorted(data_dir.glob("*.jsonl"))
    if not files:
        raise FileNotFoundError(f"no *.jsonl PLOVER records in {data_dir}")
    gold = []
    for line in files[0].read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("event") == "DOCUMENT":
            continue
        gold.append(_gold_sentence(record))
        if limit is not None and len(gold) >= limit:
            break
    return gold


def _gold_sentence(record: dict[str, Any]) -> GoldSentence:
    event_type = plover_types().canonical(record["event"])
    sources = [a.get("code") for a in _actor_list(record.get("source"))]
    targets = [a.get("code") for a in _actor_list(record.get("target"))]
    info = record.get("textInfo")
    reciprocal = isinstance(info, dict) and "SRC/TAR" in info.get("markup", "")
    return GoldSentence(
        record["id"], record["text"], event_type, triples(sources, event_type, targets, reciprocal)
    )


def _actor_list(value: Any) -> list[dict[str, Any]]:
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def triples(
    sources: list[str | None], event_type: str, targets: list[str | None], reciprocal: bool
) -> set[Triple]:
    """One triple per (source, target) pair; sources acting on each other give both directions."""
    if reciprocal and not targets and len(sources) > 1:
        return {(a, event_type, b) for a in sources for b in sources if a != b}
    return {(s, event_type, t) for s in sources or [None] for t in targets or [None]}


def _articles(gold: list[GoldSentence]) -> list[Article]:
    return [Article(id=g.id, text=g.text, published=PUBLISHED, language="en") for g in gold]


def predicted_event(analysis: Analysis) -> tuple[str, set[Triple]]:
    """The most confident event of a one-sentence analysis, as a type and its coded triples."""
    if not analysis.events:
        return NO_EVENT, set()
    event = max(analysis.events, key=lambda e: e.confidence)
    codes = {
        entity.id: actor_code(entity.name, entity.country, entity.aliases) for entity in analysis.entities
    }
    for entity in analysis.entities:  # an official of an intergovernmental body acts for it
        if codes[entity.id] is None and any(_of_igo(r["of"], codes) for r in entity.relations):
            codes[entity.id] = "IGO"
    sources = list(dict.fromkeys(codes.get(s) for s in event.source))
    targets = list(dict.fromkeys(codes.get(t) for t in event.target))
    return event.type, triples(sources, event.type, targets, reciprocal=True)


def _of_igo(of: str, codes: dict[str, str | None]) -> bool:
    """Whether a relation's other end (an actor's id, or the name of a body the article does not name) is
    intergovernmental."""
    return codes[of] == "IGO" if of in codes else is_intergovernmental([of])


def actor_code(name: str, country: str | None, aliases: list[str] | None = None) -> str | None:
    """An actor's code in the records' scheme: alpha-3 for a country, IGO for an intergovernmental body
    (``lexicons/organisations.json``), IMG or NGO for a listed non-state group of no one country."""
    if is_intergovernmental([name, *(aliases or [])]):
        return "IGO"
    if country:
        found = pycountry.countries.get(alpha_2=country.upper())
        return found.alpha_3 if found else None
    if (group := groups.find([name, *(aliases or [])], None)) is not None and not group.national:
        return group.code
    try:
        return pycountry.countries.lookup(name.removeprefix("the ").strip()).alpha_3
    except LookupError:
        return None


def score(gold: list[GoldSentence], predicted: list[tuple[str, set[Triple]]]) -> dict[str, float]:
    metrics = _type_metrics(gold, predicted)
    true_positives = sum(len(g.triples & p[1]) for g, p in zip(gold, predicted, strict=True))
    n_predicted = sum(len(p[1]) for p in predicted)
    n_gold = sum(len(g.triples) for g in gold)
    triple = prf(true_positives, n_predicted, n_gold)
    metrics |= {f"triple_{name}": value for name, value in triple.items()}
    return {"f1": metrics["type_macro_f1"], **metrics}


def _type_metrics(gold: list[GoldSentence], predicted: list[tuple[str, set[Triple]]]) -> dict[str, float]:
    table = per_type(gold, [p[0] for p in predicted])
    correct = sum(g.type == p[0] for g, p in zip(gold, predicted, strict=True))
    macro = {
        name: sum(row[name] for row in table.values()) / len(table) for name in ("precision", "recall", "f1")
    }
    return {
        "type_accuracy": correct / len(gold) if gold else 0.0,
        "type_macro_f1": macro["f1"],
        "precision": macro["precision"],
        "recall": macro["recall"],
        "coverage": sum(p[0] != NO_EVENT for p in predicted) / len(gold) if gold else 0.0,
    }


def per_type(gold: list[GoldSentence], predicted_types: list[str]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and gold count for every type in the gold data."""
    gold_counts = Counter(g.type for g in gold)
    predicted_counts = Counter(predicted_types)
    hits = Counter(g.type for g, p in zip(gold, predicted_types, strict=True) if g.type == p)
    table = {}
    for event_type in sorted(gold_counts):
        row = prf(hits[event_type], predicted_counts[event_type], gold_counts[event_type])
        table[event_type] = row | {"support": float(gold_counts[event_type])}
    return table
