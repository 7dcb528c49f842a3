"""The data behind events and positions: PLOVER types, trigger and stance lexicons, status cues.

Each file under ``lexicons/`` is read once per process and checked, so that a typo in a data file fails loudly
with the file and line instead of silently dropping triggers.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from storyline.config import package_data
from storyline.errors import StorylineError

STANCES = ("demand", "propose", "support", "oppose", "reject", "accept", "consider")
ISSUE_SLOTS = {"obj", "comp", "that"}
HOLDER_SLOTS = {"by", "subj", "adj"}


class LexiconError(StorylineError):
    """A lexicon data file is malformed."""


@dataclass(frozen=True, slots=True)
class Trigger:
    words: tuple[str, ...]
    """The lemma and, for phrasal entries, the particle or preposition (``("call", "for")``)."""
    pos: str
    type: str
    mode: str | None
    weak: bool


@dataclass(frozen=True, slots=True)
class StanceCue:
    words: tuple[str, ...]
    pos: str
    stance: str
    issue: tuple[str, ...]
    holder_from: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PloverTypes:
    definitions: dict[str, str]
    modes: dict[str, tuple[str, ...]]
    aliases: dict[str, str]
    alias_modes: dict[str, str]
    domestic: frozenset[str] = frozenset()
    """Types directed, when no target is named, at the state where they happen or the actor's own."""

    def canonical(self, label: str) -> str:
        """Today's PLOVER name for a label, accepting the older names the manual renamed."""
        label = label.strip().upper()
        return self.aliases.get(label, label)


def _read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=1)
def plover_types() -> PloverTypes:
    data = json.loads(package_data("lexicons", "plover_types.json").read_text(encoding="utf-8"))
    types: dict[str, Any] = data["types"]
    modes = {
        name: tuple(sorted({m["mode"] for m in info["modes"] if m["mode"]})) for name, info in types.items()
    }
    for alias, target in data["aliases"].items():
        if target not in types:
            raise LexiconError(f"plover_types.json: alias {alias} points to unknown type {target}")
    domestic = frozenset(data.get("domestic_types", []))
    if not domestic <= set(types):
        raise LexiconError("plover_types.json: domestic_types lists an unknown type")
    return PloverTypes(
        definitions={name: info["definition"] for name, info in types.items()},
        modes=modes,
        aliases=dict(data["aliases"]),
        alias_modes=dict(data["alias_modes"]),
        domestic=domestic,
    )


@lru_cache(maxsize=1)
def triggers() -> dict[tuple[str, str], list[Trigger]]:
    """Triggers by (head lemma, coarse POS), each list in the lexicon's order (the first is the default).

    A verb's head is its first word (``hand over``), a noun's its last (``hunger strike``)."""
    known = plover_types().definitions
    table: dict[tuple[str, str], list[Trigger]] = {}
    for number, row in enumerate(_read_tsv(package_data("lexicons", "plover_triggers.tsv")), start=2):
        if row["type"] not in known or row["pos"] not in {"VERB", "NOUN"}:
            raise LexiconError(f"plover_triggers.tsv row {number}: bad type or pos in {row}")
        words = tuple(row["trigger"].lower().split())
        trigger = Trigger(words, row["pos"], row["type"], row["mode"] or None, row["strength"] == "weak")
        head = words[-1] if row["pos"] == "NOUN" else words[0]
        table.setdefault((head, row["pos"]), []).append(trigger)
    return table


@lru_cache(maxsize=1)
def stance_cues() -> dict[tuple[str, str], list[StanceCue]]:
    table: dict[tuple[str, str], list[StanceCue]] = {}
    for number, row in enumerate(_read_tsv(package_data("lexicons", "stance_cues.tsv")), start=2):
        issue = tuple(s for s in row["issue"].split(",") if s)
        holder_from = tuple(s for s in (row["holder_from"] or "").split(",") if s)
        if row["stance"] not in STANCES or not set(holder_from) <= HOLDER_SLOTS:
            raise LexiconError(f"stance_cues.tsv row {number}: bad stance or holder slot in {row}")
        words = tuple(row["cue"].lower().split())
        cue = StanceCue(words, row["pos"], row["stance"], issue, holder_from)
        table.setdefault((words[0], row["pos"]), []).append(cue)
    return table


@dataclass(frozen=True, slots=True)
class StatusCues:
    negation: frozenset[str]
    negating_verbs: frozenset[str]
    future_modals: frozenset[str]
    hypothetical_modals: frozenset[str]
    conditional_markers: frozenset[str]
    planning_verbs: frozenset[str]
    planning_modifiers: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    ongoing_cues: frozenset[str]
    past_modifiers: frozenset[str]
    light_verbs: frozenset[str]
    light_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    willingness: frozenset[str]
    threat_markers: frozenset[str]
    deontic_modals: frozenset[str]
    cooperative_types: frozenset[str]
    hostile_types: frozenset[str]
    refusal_type: str
    commitment_type: str
    threat_type: str
    request_type: str
    figurative_types: frozenset[str] = frozenset()
    """Types whose trigger is a figure of speech when its subject is one of ``abstract_subjects``."""
    abstract_subjects: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def status_cues() -> StatusCues:
    data = json.loads(package_data("lexicons", "event_status.json").read_text(encoding="utf-8"))
    commitment = data.pop("commitment")
    figurative = data.pop("figurative")
    data.pop("_about")
    words = {name: frozenset(values) for name, values in data.items()}
    known = set(plover_types().definitions)
    type_sets = {name: frozenset(commitment[name]) for name in ("cooperative_types", "hostile_types")}
    type_sets["figurative_types"] = frozenset(figurative["types"])
    if not all(group <= known for group in type_sets.values()):
        raise LexiconError("event_status.json: commitment lists an unknown PLOVER type")
    return StatusCues(
        **words,
        reporting_verbs=frozenset(commitment["reporting_verbs"]),
        willingness=frozenset(commitment["willingness"]),
        threat_markers=frozenset(commitment["threat_markers"]),
        deontic_modals=frozenset(commitment["deontic_modals"]),
        **type_sets,
        refusal_type=commitment["refusal_type"],
        commitment_type=commitment["commitment_type"],
        threat_type=commitment["threat_type"],
        request_type=commitment["request_type"],
        abstract_subjects=frozenset(figurative["abstract_subjects"]),
    )
