"""The quality gate (``make eval-check``): each task on a small fixed slice must stay above its floors.

    python -m storyline.evaluation.gate ../shared/eval [--floors FILE]

Floors live in ``floors.json`` beside this module: per check, the task, the folder, the slice (``limit``: the
first N items) and the lowest acceptable value of each metric. Lowering a floor is an explicit, reviewed
change to that file. A task listed there whose evaluator is missing or fails makes the gate fail too.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from storyline.config import Settings, package_data, settings_from_env
from storyline.evaluation.base import TASKS, EvalReport, run_evaluation

FLOORS = package_data("evaluation", "floors.json")


@dataclass(frozen=True)
class Check:
    task: str
    data: str
    """The folder under the evaluation directory."""
    limit: int | None
    floors: dict[str, float]


@dataclass
class Outcome:
    check: Check
    failures: list[str]
    measured: dict[str, float]
    seconds: float


def load_checks(path: Path = FLOORS) -> list[Check]:
    """The checks of a floors file, validated: known tasks, numeric floors, positive limits."""
    data = json.loads(path.read_text(encoding="utf-8"))
    checks = []
    for entry in data["checks"]:
        check = Check(entry["task"], entry["data"], entry.get("limit"), dict(entry["floors"]))
        if check.task not in TASKS:
            raise ValueError(f"{path}: unknown task {check.task!r}")
        if not check.floors or not all(isinstance(v, int | float) for v in check.floors.values()):
            raise ValueError(f"{path}: {check.task} needs numeric floors")
        if check.limit is not None and check.limit < 1:
            raise ValueError(f"{path}: {check.task} limit must be a positive number of items")
        checks.append(check)
    return checks


def below_floors(report: EvalReport, floors: dict[str, float]) -> list[str]:
    """One message per metric that is missing or below its floor."""
    failures = []
    for name, floor in floors.items():
        value = report.metrics.get(name)
        if value is None:
            failures.append(f"{name} missing from the report")
        elif value < floor:
            failures.append(f"{name} {value:.3f} < floor {floor:.3f}")
    return failures


def run_check(check: Check, eval_dir: Path, settings: Settings) -> Outcome:
    started = time.perf_counter()
    try:
        report = run_evaluation(check.task, eval_dir / check.data, settings=settings, limit=check.limit)
    except ModuleNotFoundError as error:
        if error.name != TASKS[check.task]:
            raise
        return Outcome(check, ["evaluator missing (no module)"], {}, time.perf_counter() - started)
    except Exception as error:  # a crashing evaluator fails its check; the other checks still run
        failure = f"evaluator failed: {type(error).__name__}: {error}"
        return Outcome(check, [failure], {}, time.perf_counter() - started)
    measured = {name: report.metrics[name] for name in check.floors if name in report.metrics}
    return Outcome(check, below_floors(report, check.floors), measured, time.perf_counter() - started)


def describe(outcome: Outcome) -> str:
    check = outcome.check
    scope = f"first {check.limit}" if check.limit else "all"
    values = ", ".join(
        f"{name} {value:.3f} (floor {check.floors[name]})" for name, value in outcome.measured.items()
    )
    status = "FAIL: " + "; ".join(outcome.failures) if outcome.failures else "ok"
    return f"{check.task} on {check.data} ({scope}, {outcome.seconds:.0f} s): {values} -> {status}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fail when a task scores below its floor on a small slice.")
    parser.add_argument("eval_dir", type=Path)
    parser.add_argument("--floors", type=Path, default=FLOORS)
    args = parser.parse_args(argv)
    if not args.eval_dir.is_dir():
        parser.error(f"{args.eval_dir} is not a directory")
    settings = settings_from_env()
    outcomes = [run_check(check, args.eval_dir, settings) for check in load_checks(args.floors)]
    for outcome in outcomes:
        print(describe(outcome))
    failed = sum(bool(outcome.failures) for outcome in outcomes)
    print(f"eval-check: {len(outcomes) - failed} of {len(outcomes)} checks passed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
