"""The shape every task evaluator returns, and the registry that maps task names to evaluators.

Each task module exposes ``evaluate(data_dir: Path, *, settings: Settings, limit: int | None) -> EvalReport``.
Evaluators find their files by the folder's layout (never by the word ``dev`` in a name), so the same command
scores another split of the same dataset.
"""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.config import Settings

TASKS: dict[str, str] = {
    "extraction": "storyline.evaluation.extraction",
    "ner": "storyline.evaluation.ner",
    "quotes": "storyline.evaluation.quotes",
    "events": "storyline.evaluation.events",
    "timex": "storyline.evaluation.timex",
    "stance": "storyline.evaluation.stance",
    "clustering": "storyline.evaluation.clustering",
}


@dataclass
class EvalReport:
    task: str
    data_dir: str
    n_items: int
    metrics: dict[str, float]
    """Headline ``f1``/``precision``/``recall`` plus the task's own names (``value_f1``, ``triple_f1``, …)."""
    anchors: dict[str, dict[str, float]] = field(default_factory=dict)
    """Published figures of reference systems, by system name."""
    peers: dict[str, dict[str, float]] = field(default_factory=dict)
    """Other tools measured in the same run on the same data, by tool name."""
    breakdown: dict[str, dict[str, float]] = field(default_factory=dict)
    """Per-class tables (per event type, per quote kind, …) for the docs."""
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "data_dir": self.data_dir,
            "n_items": self.n_items,
            "metrics": self.metrics,
            "anchors": self.anchors,
            "seconds": round(self.seconds, 3),
            "peers": self.peers,
            "breakdown": self.breakdown,
            "notes": self.notes,
        }


def run_evaluation(task: str, data_dir: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    if task not in TASKS:
        raise ValueError(f"unknown evaluation task {task!r}; choose one of {', '.join(TASKS)}")
    module = importlib.import_module(TASKS[task])
    started = time.perf_counter()
    report: EvalReport = module.evaluate(Path(data_dir), settings=settings, limit=limit)
    report.seconds = time.perf_counter() - started
    return report


def prf(true_positives: float, predicted: float, gold: float) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    precision = true_positives / predicted if predicted else 0.0
    recall = true_positives / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
