"""The JSON contract: validate an analysis against the shipped JSON Schema and the offset invariant."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from jsonschema import Draft202012Validator

from storyline.config import package_data


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = json.loads(package_data("schema", "analysis.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def contract_errors(data: dict[str, Any]) -> list[str]:
    """Everything wrong with one analysis dict: schema violations, then spans that break the offsets."""
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator().iter_errors(data)]
    text = data.get("article", {}).get("text", "")
    for where, span in iter_spans(data):
        if not {"start", "end", "text"} <= span.keys():
            continue
        if text[span["start"] : span["end"]] != span["text"]:
            errors.append(f"{where}: text[{span['start']}:{span['end']}] != {span['text']!r}")
    return errors


def iter_spans(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every offset-carrying item of an analysis dict, with a path naming it."""
    for entity in data.get("entities", []):
        for mention in entity.get("mentions", []):
            yield f"entities/{entity.get('id')}/mentions", mention
    for quote in data.get("quotes", []):
        yield f"quotes/{quote.get('id')}", quote
        for name in ("cue", "speaker_text"):
            if quote.get(name):
                yield f"quotes/{quote.get('id')}/{name}", quote[name]
    for time in data.get("times", []):
        yield f"times/{time.get('id')}", time
    for event in data.get("events", []):
        for name in ("trigger", "sentence", "evidence"):
            if event.get(name):
                yield f"events/{event.get('id')}/{name}", event[name]
        for span in event.get("also_reported", []):
            yield f"events/{event.get('id')}/also_reported", span
    for position in data.get("positions", []):
        for name in ("issue", "evidence", "condition"):
            if position.get(name):
                yield f"positions/{position.get('id')}/{name}", position[name]
    for span in data.get("summary", []):
        yield "summary", span
