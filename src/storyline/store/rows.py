"""Flatten an Analysis into table rows (and back): the only place that knows both shapes."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

from storyline.records import Analysis, Entity, Event, Position, Quote, Span, TimeExpr

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def iso_day(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` a date or datetime string starts with, else ``None``."""
    match = ISO_DAY.match(value or "")
    return match.group(0) if match else None


def site_of(url: str | None, site_name: str | None = None) -> str | None:
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.") or site_name


def analysis_json(analysis: Analysis) -> str:
    """The analysis contract without ``article.text``, which the ``text`` column holds once."""
    data = analysis.to_dict()
    data["article"].pop("text")
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def analysis_from_row(analysis: str, text: str) -> Analysis:
    data = json.loads(analysis)
    data["article"]["text"] = text
    return Analysis.from_dict(data)


def _span(prefix: str, span: Span | None) -> dict[str, Any]:
    return {
        f"{prefix}text": span.text if span else None,
        f"{prefix}start": span.start if span else None,
        f"{prefix}end": span.end if span else None,
    }


def entity_row(article_id: int, entity: Entity) -> dict[str, Any]:
    latitude, longitude = entity.coordinates or (None, None)
    return {
        "article_id": article_id,
        "entity_key": entity.id,
        "name": entity.name,
        "name_norm": entity.name.casefold(),
        "type": entity.type,
        "country": entity.country,
        "latitude": latitude,
        "longitude": longitude,
        "roles": json.dumps(entity.roles, ensure_ascii=False),
        "aliases": json.dumps([alias.casefold() for alias in entity.aliases], ensure_ascii=False),
        "mention_count": len(entity.mentions),
    }


def mention_rows(article_id: int, entity_id: int, entity: Entity) -> list[dict[str, Any]]:
    return [{"article_id": article_id, "entity_id": entity_id, **_span("", m)} for m in entity.mentions]


def quote_row(article_id: int, quote: Quote, entity_ids: dict[str, int]) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "quote_key": quote.id,
        "kind": quote.kind,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "speaker_id": entity_ids.get(quote.speaker or ""),
        "speaker_name": quote.speaker_name,
        **_span("cue_", quote.cue),
        "confidence": quote.confidence,
    }


def time_row(article_id: int, time: TimeExpr) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "time_key": time.id,
        "text": time.text,
        "start": time.start,
        "end": time.end,
        "type": time.type,
        "value": time.value,
        "mod": time.mod,
        "anchored": time.anchored,
        "range_start": time.range_start,
        "range_end": time.range_end,
    }


def event_row(
    article_id: int,
    event: Event,
    entity_ids: dict[str, int],
    time_ids: dict[str, int],
    time_values: dict[str, str | None],
    published_date: str | None,
) -> dict[str, Any]:
    resolved = iso_day(time_values.get(event.time or ""))
    return {
        "article_id": article_id,
        "event_key": event.id,
        "type": event.type,
        "status": event.status,
        "mode": event.mode,
        **_span("trigger_", event.trigger),
        **_span("evidence_", event.evidence),
        "location_id": entity_ids.get(event.location or ""),
        "time_id": time_ids.get(event.time or ""),
        "date": resolved or published_date,
        "date_basis": "time" if resolved else "published" if published_date else None,
        "confidence": event.confidence,
    }


def event_actor_rows(
    article_id: int, event_id: int, event: Event, entity_ids: dict[str, int]
) -> list[dict[str, Any]]:
    roles = [("source", key) for key in event.source] + [("target", key) for key in event.target]
    return [
        {"article_id": article_id, "event_id": event_id, "entity_id": entity_ids[key], "role": role}
        for role, key in roles
        if key in entity_ids
    ]


def position_row(article_id: int, position: Position, entity_ids: dict[str, int]) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "position_key": position.id,
        "holder_id": entity_ids.get(position.holder or ""),
        "stance": position.stance,
        **_span("issue_", position.issue),
        **_span("evidence_", position.evidence),
        **_span("condition_", position.condition),
        "confidence": position.confidence,
    }
