"""The reporting-cue lexicon: verbs and nouns of saying, writing, thinking and showing, read once.

Each row allows one lemma in one frame: ``clause`` (a complement clause or a quotation: ``said that``,
``the claim that``, ``confident that``), ``infinitive`` (``urged him to act``, ``a pledge to act``),
``object`` (``denied the report``, verbs only) or ``prep``, whose lemma then names the preposition too
(``call for``, ``criticism of``, ``critical of``).
``lexicons/reporting_cues.tsv`` is written by ``storyline.training.quotes`` from the hand-listed candidates in
``lexicons/reporting_candidates.json`` and the cues of PolNeAR's train compartment, with how often each
row's quotes were right there; ``is_used`` keeps the rows that ever work, and ``quotes_classifier`` judges
each construction they propose.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from storyline.config import package_data

LEXICON_FILE = package_data("lexicons", "reporting_cues.tsv")
COLUMNS = ["lemma", "pos", "frame", "listed", "train_predicted", "train_correct"]
FRAMES = {
    "VERB": {"clause", "infinitive", "object", "prep"},
    "NOUN": {"clause", "infinitive", "prep"},
    "ADJ": {"clause", "prep"},
}


@dataclass(frozen=True, slots=True)
class ReportingLexicon:
    verbs: dict[str, frozenset[str]]
    """Lemma → the frames it reports in."""
    nouns: dict[str, frozenset[str]]
    adjectives: dict[str, frozenset[str]]
    heads: dict[str, frozenset[str]] = field(init=False, repr=False, compare=False)
    """Part of speech → every lemma that reports in some frame, through a preposition too (``focus`` for
    ``focus on``)."""

    def __post_init__(self) -> None:
        tables = {"VERB": self.verbs, "NOUN": self.nouns, "ADJ": self.adjectives}
        heads = {pos: frozenset(key.split(" ", 1)[0] for key in table) for pos, table in tables.items()}
        object.__setattr__(self, "heads", heads)

    def allows(self, lemma: str, frame: str, pos: str = "VERB") -> bool:
        table = {"VERB": self.verbs, "NOUN": self.nouns, "ADJ": self.adjectives}[pos]
        return frame in table.get(lemma, ())

    def may_report(self, lemma: str, pos: str = "VERB") -> bool:
        """Whether the lemma reports in any frame (``rail`` does only as ``rail against``)."""
        return lemma in self.heads[pos]


@lru_cache(maxsize=2)
def reporting_lexicon(path: Path = LEXICON_FILE) -> ReportingLexicon:
    """The cue lexicon at ``path``; a malformed file raises ValueError naming the line."""
    return lexicon_from_rows(read_lexicon_rows(path))


def lexicon_from_rows(rows: list[dict[str, str]]) -> ReportingLexicon:
    tables: dict[str, dict[str, set[str]]] = {pos: {} for pos in FRAMES}
    for row in rows:
        if is_used(row):
            tables[row["pos"]].setdefault(row["lemma"], set()).add(row["frame"])
    frozen = {pos: {lemma: frozenset(f) for lemma, f in table.items()} for pos, table in tables.items()}
    return ReportingLexicon(frozen["VERB"], frozen["NOUN"], frozen["ADJ"])


PROPOSE_FROM = 0.15
"""A row proposes constructions when at least this share of its quotes on the train compartment were right
(and one at least): below that, a frame is nearly always something else (``stopped to``, ``made it``). Chosen
on train articles unseen by the lexicon (``python -m storyline.training.quotes --unseen-estimate``)."""


def is_used(row: dict[str, str]) -> bool:
    """A row proposes constructions when it sometimes worked on the train compartment, or when it is a
    hand-listed cue with a complement clause; the attribution scorer then judges each construction."""
    made, right = int(row["train_predicted"]), int(row["train_correct"])
    if row["listed"] == "yes" and row["frame"] == "clause":
        return True
    return right >= 1 and right >= PROPOSE_FROM * made


def read_lexicon_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        if reader.fieldnames != COLUMNS:
            raise ValueError(f"{path}: header must be {' '.join(COLUMNS)}, found {reader.fieldnames}")
        rows = list(reader)
    for line, row in enumerate(rows, start=2):
        lemma, pos, frame = row["lemma"], row["pos"], row["frame"]
        valid_counts = row["train_predicted"].isdigit() and row["train_correct"].isdigit()
        if not lemma or lemma != lemma.lower() or frame not in FRAMES.get(pos, ()) or not valid_counts:
            raise ValueError(
                f"{path}:{line}: expected a lower-case lemma, VERB, NOUN or ADJ and a frame, found {row}"
            )
    return rows
