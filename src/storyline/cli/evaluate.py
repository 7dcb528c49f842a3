"""``storyline eval`` and ``storyline bench``: measure Storyline on evaluation data and print the results."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from storyline.bench import render_markdown, run_benchmark
from storyline.cli import app
from storyline.cli.output import fail
from storyline.config import settings_from_env
from storyline.errors import StorylineError
from storyline.evaluation.base import TASKS, EvalReport, run_evaluation
from storyline.evaluation.report import comparison_rows, grid, kept_commentary, machine_description


class ReportFormat(StrEnum):
    text = "text"
    json = "json"


@app.command("eval")
def eval_command(
    task: Annotated[str, typer.Argument(help=f"One of: {', '.join(TASKS)}.")],
    data_dir: Annotated[
        Path, typer.Argument(help="A folder laid out like the task's ../shared/eval folder.")
    ],
    output_format: Annotated[
        ReportFormat, typer.Option("--format", help="text tables or one JSON object.")
    ] = ReportFormat.text,
    limit: Annotated[int | None, typer.Option(min=1, help="Score only the first N items.")] = None,
) -> None:
    """Score one task on an evaluation folder, beside peers measured in the same run and published figures."""
    if task not in TASKS:
        fail(f"unknown task {task!r}; choose one of {', '.join(TASKS)}", code=2)
    if not data_dir.is_dir():
        fail(f"{data_dir} is not a directory", code=2)
    try:
        report = run_evaluation(task, data_dir, settings=settings_from_env(), limit=limit)
    except ModuleNotFoundError as error:
        if error.name != TASKS[task]:
            raise
        fail(f"the {task} evaluator is not available yet in this version of Storyline")
    except (FileNotFoundError, ValueError, StorylineError) as error:
        fail(f"{task} on {data_dir}: {error}")
    _print(report, output_format)


@app.command("bench")
def bench_command(
    articles: Annotated[int, typer.Option(min=1, help="How many articles to analyse.")] = 500,
    data_dir: Annotated[
        Path, typer.Option("--data", help="Folder of evaluation data to build the corpus from.")
    ] = Path("../shared/eval"),
    n_process: Annotated[int | None, typer.Option(min=1, help="spaCy processes (default: settings).")] = None,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", help="text tables or one JSON object.")
    ] = ReportFormat.text,
    markdown: Annotated[
        Path | None, typer.Option(help="Also write the results as a markdown page (e.g. docs/benchmarks.md).")
    ] = None,
) -> None:
    """Measure throughput, memory and latency of the full analysis against spaCy and trafilatura alone."""
    if not data_dir.is_dir():
        fail(f"{data_dir} is not a directory; pass --data with the evaluation folder", code=2)
    settings = settings_from_env()
    if n_process is not None:
        settings = settings.with_(n_process=n_process)
    try:
        report = run_benchmark(data_dir, articles=articles, settings=settings)
    except (FileNotFoundError, ValueError, StorylineError) as error:
        fail(str(error))
    _print(report, output_format)
    if markdown is not None:
        command = "storyline bench " + " ".join(sys.argv[2:])
        page = render_markdown(report, command, machine_description(settings), kept_commentary(markdown))
        markdown.write_text(page, encoding="utf-8")


def _print(report: EvalReport, output_format: ReportFormat) -> None:
    if output_format is ReportFormat.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
        return
    console = Console(soft_wrap=True)  # made per call so that it measures the terminal it prints to
    console.rule(
        escape(f"{report.task} · {report.data_dir} · {report.n_items:,} items · {report.seconds:.1f} s")
    )
    systems = {f"{name} ({kind})": metrics for name, kind, metrics in comparison_rows(report)}
    console.print(_table(*grid(systems, "system")))
    if report.breakdown:
        console.print(_table(*grid(report.breakdown), title="Breakdown"))
    for note in report.notes:
        console.print(f"[dim]- {escape(note)}[/dim]")


def _table(header: list[str], rows: list[list[str]], title: str | None = None) -> Table:
    table = Table(title=title, title_justify="left")
    for number, name in enumerate(header):
        table.add_column(escape(name), justify="left" if number == 0 else "right", overflow="fold")
    for row in rows:
        table.add_row(*(escape(cell) for cell in row))
    return table
