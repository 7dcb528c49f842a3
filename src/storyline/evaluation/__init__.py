"""Evaluation: one scorer per task over the layouts of ``../shared/eval``; see ``base.TASKS``."""

from storyline.evaluation.base import TASKS, EvalReport, run_evaluation

__all__ = ["TASKS", "EvalReport", "run_evaluation"]
