"""The readable report of one analysis (``--format text``), rendered with Rich."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from storyline.records import Analysis

console = Console(soft_wrap=True)


def print_report(analysis: Analysis, out: Console = console) -> None:
    article = analysis.article
    names = {entity.id: entity.name for entity in analysis.entities}
    out.rule(escape(article.title or article.source or article.id))
    if article.subtitle:
        out.print(f"[italic]{escape(article.subtitle)}[/italic]")
    meta = [part for part in (article.author, article.published, article.url) if part]
    if meta:
        out.print(escape(" · ".join(meta)), style="dim")
    _actors(analysis, out)
    _quotes(analysis, names, out)
    _events(analysis, names, out)
    _positions(analysis, names, out)
    _times(analysis, out)
    for warning in [*article.warnings, *analysis.warnings]:
        out.print(f"[yellow]warning:[/yellow] {escape(warning)}")


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _actors(analysis: Analysis, out: Console) -> None:
    if not analysis.entities:
        return
    names = {entity.id: entity.name for entity in analysis.entities}
    table = _table("Actors", "actor", "type", "roles", "country", "mentions")
    for entity in sorted(analysis.entities, key=lambda e: -len(e.mentions)):
        relations = [f"{r['relation']} of {names.get(r['of'], r['of'])}" for r in entity.relations]
        roles = "; ".join(entity.roles + relations)
        table.add_row(
            escape(entity.name), entity.type, escape(roles), entity.country or "", str(len(entity.mentions))
        )
    out.print(table)


def _quotes(analysis: Analysis, names: dict[str, str], out: Console) -> None:
    if not analysis.quotes:
        return
    table = _table("Quotes", "speaker", "kind", "cue", "quote", "conf.")
    for quote in analysis.quotes:
        speaker = names.get(quote.speaker or "", quote.speaker_name or "(unknown)")
        cue = quote.cue.text if quote.cue else ""
        table.add_row(escape(speaker), quote.kind, escape(cue), escape(quote.text), f"{quote.confidence:.2f}")
    out.print(table)


def _events(analysis: Analysis, names: dict[str, str], out: Console) -> None:
    if not analysis.events:
        return
    times = {time.id: time for time in analysis.times}
    table = _table("Events", "type", "status", "source", "trigger", "target", "where", "when")
    for event in analysis.events:
        when = times.get(event.time or "")
        table.add_row(
            event.type,
            event.status,
            escape(_names(event.source, names)),
            escape(event.trigger.text),
            escape(_names(event.target, names)),
            escape(names.get(event.location or "", "")),
            escape(f"{when.text} ({when.value or 'unresolved'})" if when else ""),
        )
    out.print(table)


def _positions(analysis: Analysis, names: dict[str, str], out: Console) -> None:
    if not analysis.positions:
        return
    table = _table("Positions", "holder", "stance", "issue", "condition")
    for position in analysis.positions:
        table.add_row(
            escape(names.get(position.holder or "", "(unknown)")),
            position.stance,
            escape(position.issue.text),
            escape(position.condition.text if position.condition else ""),
        )
    out.print(table)


def _times(analysis: Analysis, out: Console) -> None:
    if not analysis.times:
        return
    table = _table("Times", "expression", "type", "value", "mod")
    for time in analysis.times:
        table.add_row(escape(time.text), time.type, time.value or "unresolved", time.mod or "")
    out.print(table)


def _names(ids: list[str], names: dict[str, str]) -> str:
    return ", ".join(names.get(entity_id, entity_id) for entity_id in ids)
