"""``storyline analyze``: analyse files, directories or standard input and print a report or JSON."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from storyline.cli import app
from storyline.cli.output import error_console, fail, progress_over
from storyline.cli.report import print_report
from storyline.config import settings_from_env
from storyline.errors import InputError, SkippedInput, StorylineError
from storyline.records import Analysis, RawDoc
from storyline.service import analyze_inputs
from storyline.sources.files import read_inputs


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


@app.command()
def analyze(
    inputs: Annotated[
        list[str], typer.Argument(help="Files or directories (read recursively); - for stdin.")
    ],
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) used to resolve relative dates.")
    ] = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option("--format", help="text (default on a terminal), json (object or array) or jsonl."),
    ] = None,
) -> None:
    """Analyse articles and print who said and did what, where and when."""
    settings = settings_from_env()
    chosen = output_format or (OutputFormat.text if sys.stdout.isatty() else OutputFormat.json)
    raws = (
        _with_published(item, published) for item in read_inputs(inputs, max_bytes=settings.max_input_bytes)
    )
    failed = False
    collected: list[Analysis] = []
    try:
        for result in progress_over(analyze_inputs(raws, settings), _count_known(inputs)):
            if isinstance(result, InputError):
                skipped = isinstance(result, SkippedInput)
                failed |= not skipped
                # A skip's reason already says "skipped: …"; only real failures get the error label.
                line = f"storyline: {result}" if skipped else f"storyline: error: {result}"
                error_console.print(line, markup=False, highlight=False)
            elif chosen is OutputFormat.jsonl:
                _warn(result)
                print(json.dumps(result.to_dict(), ensure_ascii=False))
            elif chosen is OutputFormat.text:
                print_report(result)
            else:
                _warn(result)
                collected.append(result)
    except StorylineError as error:
        fail(str(error))
    if chosen is OutputFormat.json and collected:
        payload = collected[0].to_dict() if len(collected) == 1 else [a.to_dict() for a in collected]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    raise typer.Exit(1 if failed else 0)


def _warn(analysis: Analysis) -> None:
    """Repairs the input needed, on standard error too: JSON readers should not have to look for them."""
    name = analysis.article.source or analysis.article.url or analysis.article.id
    for warning in analysis.article.warnings:
        error_console.print(f"storyline: warning: {name}: {warning}", markup=False, highlight=False)


def _count_known(inputs: list[str]) -> int | None:
    """How many articles the run has, when every input is a single file."""
    return None if any(Path(name).is_dir() for name in inputs) else len(inputs)


def _with_published(item: RawDoc | InputError, published: str | None) -> RawDoc | InputError:
    if published and isinstance(item, RawDoc):
        item.published = published
    return item
