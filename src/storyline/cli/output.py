"""Terminal helpers shared by the commands: one-line errors on stderr and progress bars."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import NoReturn, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

error_console = Console(stderr=True, soft_wrap=True)
T = TypeVar("T")


def fail(message: str, code: int = 1) -> NoReturn:
    error_console.print(f"storyline: error: {message}", markup=False, highlight=False)
    raise typer.Exit(code)


def progress_over(items: Iterable[T], total: int | None, *, label: str = "analysing") -> Iterator[T]:
    """Yield items, showing a progress bar on stderr when it is a terminal and the run is long."""
    if not sys.stderr.isatty() or (total is not None and total < 2):
        yield from items
        return
    columns = [TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
    with Progress(*columns, console=error_console, transient=True) as progress:
        task = progress.add_task(label, total=total)
        for item in items:
            yield item
            progress.advance(task)
