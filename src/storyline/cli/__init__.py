"""The ``storyline`` command: a thin Typer layer over the library. Each module registers its commands."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="storyline",
    help="Turn news articles into a source-linked record of actors, quotes, events, times and positions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def main() -> None:
    """Storyline: news in, knowledge out. Settings come from STORYLINE_SPACY_MODEL and STORYLINE_DB."""


from storyline.cli import analyze, evaluate, store  # noqa: E402,F401  (registers the commands)
