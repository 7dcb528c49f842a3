"""Run every task on every folder of an evaluation directory and write the results as markdown.

    python -m storyline.evaluation.report ../shared/eval docs/evaluation.md [--limit N]

A folder's task is the start of its name (``extraction-scrapinghub`` → ``extraction``). A task whose evaluator
does not exist yet, or fails, gets a line saying so and the report goes on. Hand-written commentary after the
``COMMENTARY_MARKER`` line of an existing report is kept when the report is regenerated.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import spacy

from storyline.config import Settings, settings_from_env
from storyline.evaluation.base import TASKS, EvalReport, run_evaluation

COMMENTARY_MARKER = "<!-- commentary: hand-written below this line; kept when the report is regenerated -->"
HEADLINE = ("f1", "precision", "recall")
KEY_METRIC = {
    "extraction": "accuracy",
    "ner": "f1",
    "quotes": "speaker_overlap_f1",
    "events": "type_macro_f1",
    "timex": "value_f1",
    "stance": "fnc_score",
    "clustering": "ari",
}
OURS_LABEL = {"stance": "TF-IDF + cue baseline", "clustering": "cluster_articles baseline"}


@dataclass
class FolderResult:
    task: str
    folder: Path
    report: EvalReport | None = None
    problem: str | None = None
    """Why there is no report: the evaluator is not available yet, or it failed."""


# --- rows shared by the markdown report and the terminal tables ----------------------------------------


def comparison_rows(report: EvalReport) -> list[tuple[str, str, dict[str, float]]]:
    """(system, kind, metrics) for ours, each peer measured in the run, and each published anchor."""
    rows = [(OURS_LABEL.get(report.task, "storyline"), "ours", report.metrics)]
    rows += [(name, "measured peer", metrics) for name, metrics in report.peers.items()]
    rows += [(name, "published anchor", metrics) for name, metrics in report.anchors.items()]
    return rows


def metric_columns(tables: list[dict[str, float]]) -> list[str]:
    """F1, precision, recall first, then every other metric in order of first appearance."""
    seen = [name for name in HEADLINE if any(name in table for table in tables)]
    for table in tables:
        seen += [name for name in table if name not in seen]
    return seen


COUNTS = frozenset({"gold", "predicted", "support", "clusters", "articles", "failed", "html_pages"})
WIDE = 8
"""Tables with more metric columns than this are printed one metric per row."""


def format_value(value: float | None, name: str = "") -> str:
    """Counts as integers, scores with three decimals, large rates with one."""
    if value is None:
        return ""
    if name in COUNTS or name.startswith("predicted ") or (float(value).is_integer() and abs(value) >= 2):
        return f"{value:,.0f}"
    return f"{value:.3f}" if abs(value) < 100 else f"{value:,.1f}"


def grid(tables: dict[str, dict[str, float]], corner: str = "") -> tuple[list[str], list[list[str]]]:
    """Header and rows of a table of named metric dictionaries; wide ones become one metric per row."""
    columns = metric_columns(list(tables.values()))
    if len(columns) > WIDE:
        names = list(tables)
        rows = [[c] + [format_value(tables[n].get(c), c) for n in names] for c in columns]
        return ["metric", *names], rows
    rows = [[n] + [format_value(table.get(c), c) for c in columns] for n, table in tables.items()]
    return [corner, *columns], rows


# --- running -----------------------------------------------------------------------------------------


def task_of(folder: Path) -> str | None:
    task = folder.name.split("-", 1)[0]
    return task if task in TASKS else None


def evaluate_folder(task: str, folder: Path, settings: Settings, limit: int | None) -> FolderResult:
    try:
        return FolderResult(task, folder, report=run_evaluation(task, folder, settings=settings, limit=limit))
    except ModuleNotFoundError as error:
        if error.name != TASKS[task]:
            raise
        return FolderResult(task, folder, problem="not available yet (no evaluator module)")
    except Exception as error:  # one broken evaluator must not hide every other task's results
        return FolderResult(task, folder, problem=f"failed: {type(error).__name__}: {error}")


def evaluate_all(eval_dir: Path, settings: Settings, limit: int | None = None) -> list[FolderResult]:
    """Every task on every folder, in task order; each result is announced on stderr as it comes."""
    folders = [path for path in sorted(eval_dir.iterdir()) if path.is_dir() and task_of(path)]
    ordered = sorted(folders, key=lambda path: (list(TASKS).index(task_of(path) or ""), path.name))
    results = []
    for folder in ordered:
        result = evaluate_folder(task_of(folder) or "", folder, settings, limit)
        seconds = f"{result.report.seconds:.0f} s" if result.report else ""
        print(f"{result.task:<11} {folder.name:<26} {result.problem or 'ok'} {seconds}", file=sys.stderr)
        results.append(result)
    return results


# --- markdown ----------------------------------------------------------------------------------------


def markdown_table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]


def summary_section(results: list[FolderResult]) -> list[str]:
    rows = []
    for result in results:
        if result.report is None:
            rows.append([result.task, result.folder.name, "", "", "", "", "", result.problem or ""])
            continue
        metrics, key = result.report.metrics, KEY_METRIC.get(result.task, "f1")
        rows.append(
            [result.task, result.folder.name, format_value(result.report.n_items)]
            + [format_value(metrics.get(name)) for name in HEADLINE]
            + [
                f"{key} {format_value(metrics.get(key))}" if key in metrics else "",
                f"{result.report.seconds:.0f}",
            ]
        )
    header = ["task", "dataset", "items", "F1", "P", "R", "task metric", "seconds"]
    return ["## Summary", "", *markdown_table(header, rows), ""]


def task_section(result: FolderResult) -> list[str]:
    lines = [f"## {result.task} — {result.folder.name}", ""]
    if result.report is None:
        return lines + [f"**{result.problem}**", ""]
    systems = {f"{name} ({kind})": metrics for name, kind, metrics in comparison_rows(result.report)}
    lines += [f"{result.report.n_items:,} items, {result.report.seconds:.0f} s.", ""]
    lines += markdown_table(*grid(systems, "system")) + [""]
    lines += [f"- {note}" for note in result.report.notes]
    if result.report.breakdown:
        lines += ["", "Breakdown:", "", *markdown_table(*grid(result.report.breakdown))]
    return lines + [""]


def machine_description(settings: Settings) -> str:
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 2**20:.0f} GiB RAM"
    except (OSError, IndexError, ValueError):
        pass
    return (
        f"{platform.platform()}, {os.cpu_count()} CPUs{memory}; Python {platform.python_version()}, "
        f"spaCy {spacy.__version__}, pipeline {settings.spacy_model}"
    )


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()


def render(results: list[FolderResult], command: str, settings: Settings, commentary: str) -> str:
    lines = [
        "# Evaluation results",
        "",
        f"Generated by `{command}` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC at commit {_commit()}.",
        f"Machine: {machine_description(settings)}.",
        "",
        "Data: the development portions of third-party datasets in `../shared/eval` (see each folder's "
        "README); scores are development scores. *ours* is Storyline; *measured peer* rows are other tools "
        "run in the same process on the same items; *published anchor* rows are figures from the literature "
        "on the full or held-out data, quoted for scale, not measured here.",
        "",
        *summary_section(results),
    ]
    for result in results:
        lines += task_section(result)
    return "\n".join(lines) + "\n" + commentary


def kept_commentary(output: Path) -> str:
    if output.exists() and COMMENTARY_MARKER in (text := output.read_text(encoding="utf-8")):
        return text[text.index(COMMENTARY_MARKER) :]
    return f"{COMMENTARY_MARKER}\n\n## Commentary\n\n(none yet)\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Evaluate every task on every folder and write markdown.")
    parser.add_argument("eval_dir", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="items per folder (default: all)")
    args = parser.parse_args(argv)
    if not args.eval_dir.is_dir():
        parser.error(f"{args.eval_dir} is not a directory")
    settings = settings_from_env()
    results = evaluate_all(args.eval_dir, settings, args.limit)
    command = "python -m storyline.evaluation.report " + " ".join(argv if argv is not None else sys.argv[1:])
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render(results, command, settings, kept_commentary(args.output)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
