"""The learned attribution scorer: is this reporting construction someone's reported speech or belief?

The cue lexicon proposes every construction its verbs, nouns and adjectives may form; most frames are right
only part of the time (``called`` reports in ``called for a ban`` and in ``called him a liar``, not in
``called the meeting``). A logistic regression over the construction's words and syntax (the cue's lemma
and frame, its tense and modality, who its subject is, what its content looks like, how it sits among the
other candidates of its sentence) keeps the ones that report. It is trained by ``python -m
storyline.training.quotes`` on PolNeAR's train compartment, with its threshold chosen by cross-validation
there, and shipped as plain JSON weights (``models/quote_attribution.json``) so that loading runs no code and
needs no scikit-learn.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from storyline.config import package_data
from storyline.nlp.quotes_syntax import RELATIVE_PRONOUNS, Report

MODEL_FILE = package_data("models", "quote_attribution.json")
PERSONAL_PRONOUNS = {"i", "we", "you", "he", "she", "they", "me", "us", "him", "her", "them"}
WH_WORDS = {"what", "how", "why", "whether", "if", "who", "when", "where", "which"}
MODALS = {"will", "would", "can", "could", "may", "might", "must", "should", "shall"}
LENGTH_BUCKETS = (1, 3, 7, 15, 30)
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "conj", "relcl"}
MAX_NEIGHBOURS = 4
OPENERS = WH_WORDS | {"that", "to", "for", "about"}


@dataclass(frozen=True, slots=True)
class AttributionScorer:
    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: list[str]) -> float:
        score = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-score))

    def judge(self, report: Report) -> float | None:
        """The probability that the construction reports someone's words, or None below the threshold."""
        probability = self.probability(report_features(report))
        return probability if probability >= self.threshold else None


@lru_cache(maxsize=2)
def attribution_scorer(path: Path = MODEL_FILE) -> AttributionScorer:
    """The scorer at ``path``; a missing or malformed file raises ValueError naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return AttributionScorer(
            {str(k): float(v) for k, v in data["weights"].items()},
            float(data["bias"]),
            float(data["threshold"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"{path}: not a quote attribution model ({error}); run `make train`") from error


def report_features(report: Report) -> list[str]:
    """Indicator features of one reporting construction, as ``name=value`` strings."""
    cue = report.cue.root
    lemma = " ".join(t.lemma_.lower() for t in report.cue if not t.is_punct) or cue.lower_
    frame = report.frame
    speaker = _speaker_kind(report.speaker)
    content = _content_features(report, lemma)
    features = [
        f"lemma={lemma}",
        f"frame={frame}",
        f"lemma_frame={lemma}|{frame}",
        f"tag={cue.tag_}",
        f"dep={cue.dep_}",
        f"head={cue.head.pos_}|{cue.dep_}",
        f"speaker={speaker}",
        f"frame_speaker={frame}|{speaker}",
        f"lemma_speaker={lemma}|{speaker}",
        *content,
        *(f"frame_{c}" for c in content if c.startswith(("length=", "content_head="))),
        *_neighbourhood_features(report, lemma),
    ]
    deps = {child.dep_ for child in cue.children}
    auxiliaries = {child.lower_ for child in cue.children if child.dep_ == "aux"}
    if "neg" in deps:
        features.append("negated")
    modal = next((word for word in sorted(auxiliaries) if word in MODALS), None)
    if modal is not None:
        features.append(f"modal={modal}")
    if "to" in auxiliaries:
        features.append("infinitive_cue")
    if "auxpass" in deps:
        features.append("passive_cue")
    if cue.sent.start == 0:
        features.append("first_sentence")
    if cue.sent.text.rstrip().endswith("?"):
        features.append("question")
    features.append(f"lemma_tag={lemma}|{cue.tag_}")
    features.append(f"cue_head={cue.head.lemma_.lower()}|{cue.dep_}")
    governor = _reporting_governor(cue)
    if governor is not None:
        features += [f"under={governor.lemma_.lower()}", f"lemma_under={lemma}|{governor.lemma_.lower()}"]
    if report.speaker is not None:
        features.append(f"speaker_type_lemma={report.speaker.ent_type_ or report.speaker.pos_}|{lemma}")
        features.append(f"speaker_lemma={report.speaker.lemma_.lower()}")
        features.append(f"speaker_dep={report.speaker.dep_}")
        features.append(f"speaker_side={'before' if report.speaker.i < cue.i else 'after'}")
    return features


def _neighbourhood_features(report: Report, lemma: str) -> list[str]:
    """How the construction sits among the other candidates of its sentence: a report inside another's
    content, or one holding another, is judged differently from one alone (``passage`` reports, judged one
    quotation at a time, have none)."""
    if report.frame == "passage":
        return []
    return [
        f"neighbours={min(report.neighbours, MAX_NEIGHBOURS)}",
        f"inside_other={report.inside_other}",
        f"holds_other={report.holds_other}",
        f"lemma_inside_other={lemma}|{report.inside_other}",
        f"lemma_holds_other={lemma}|{report.holds_other}",
    ]


def _reporting_governor(cue: Token) -> Token | None:
    """The verb whose clause the cue sits in (``said he believed …``: believe under say), up a few clauses."""
    token = cue
    for _ in range(3):
        if token.dep_ not in CLAUSE_DEPS or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ == "VERB":
            return token
    return None


def _speaker_kind(speaker: Token | None) -> str:
    if speaker is None:
        return "none"
    lower = speaker.lower_
    if lower in PERSONAL_PRONOUNS:
        return f"pronoun:{lower}"
    if lower in RELATIVE_PRONOUNS:
        return "relative"
    if lower in {"it", "this", "that"}:
        return "it"
    if speaker.ent_type_:
        return f"entity:{speaker.ent_type_}"
    if speaker.pos_ == "NOUN":
        return f"noun:{speaker.lemma_.lower()}"
    return f"pos:{speaker.pos_}"


def _content_features(report: Report, lemma: str) -> list[str]:
    if report.content is None:
        return ["content=none"]
    start, end = report.content
    doc = report.cue.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ["content=none"]
    words = sum(1 for t in span if not t.is_punct and not t.is_space)
    length = next((b for b in LENGTH_BUCKETS if words <= b), LENGTH_BUCKETS[-1] + 1)
    first = span[0]
    cue = report.cue.root
    features = [
        f"length={length}",
        f"content_head={span.root.pos_}",
        f"content_first={first.pos_}",
        f"content_first_word={first.lower_}",
        f"content_side={'after' if span.start > cue.i else 'before'}",
        f"lemma_opens={lemma}|{first.lower_ if first.lower_ in OPENERS else first.pos_}",
    ]
    if first.lower_ in WH_WORDS or first.lower_ in {"that", "to"}:
        features.append(f"content_opens={first.lower_}")
    if span.root.ent_type_:
        features.append(f"content_entity={span.root.ent_type_}")
    if any(t.is_quote for t in span):
        features.append("content_quoted")
    if any(t.pos_ in {"VERB", "AUX"} for t in span):
        features.append("content_has_verb")
    return features
