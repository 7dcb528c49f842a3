"""The vocabulary every stage speaks: raw inputs, articles and the analysis of an article.

Stages meet only through these records. ``Analysis.to_dict()`` is the JSON contract documented in
``docs/schema.md`` and validated by ``schema/analysis.schema.json``; ``SCHEMA_VERSION`` changes when it does.
Every extracted item carries ``start``/``end`` offsets into ``Article.text`` with
``article.text[start:end] == text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal

SCHEMA_VERSION = "1.1"

QuoteKind = Literal["direct", "indirect", "mixed"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
EventStatus = Literal["occurred", "ongoing", "planned", "hypothetical", "negated"]
Stance = Literal["demand", "propose", "support", "oppose", "reject", "accept", "consider"]


@dataclass(slots=True)
class RawDoc:
    """One input before extraction: bytes or text plus what the source knows about it."""

    source: str
    """How the user named the input (a path, a URL, ``-`` for stdin, ``file.warc.gz#record-7``)."""
    content: bytes | str
    content_type: str | None = None
    """``"html"``, ``"text"`` or ``None`` (sniff it)."""
    url: str | None = None
    published: str | None = None
    fetched: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    """Known fields from a structured source (title, author, section, …) that override extraction."""


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Boilerplate:
    text: str
    kind: str
    """``related``, ``advert``, ``subscribe``, ``share``, ``credit``, ``navigation``, ``other``."""


@dataclass(slots=True)
class Related:
    title: str
    url: str | None = None


@dataclass(slots=True)
class Article:
    id: str
    text: str
    """The body: paragraphs joined by a blank line. Every offset in an analysis points into it."""
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    published: str | None = None
    """ISO date or datetime, or ``None`` when unknown."""
    language: str | None = None
    url: str | None = None
    site_name: str | None = None
    source: str | None = None
    boilerplate: list[Boilerplate] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """One line per repair the input needed (a guessed encoding, replaced bytes); empty for clean input."""


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    """spaCy's label: PERSON, ORG, GPE, LOC, FAC, NORP, …"""
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    relations: list[dict[str, str]] = field(default_factory=list)
    """``{"relation": "son-in-law", "of": "e1"}`` — the other entity's id, or its name when not an actor."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code of the country this actor is or belongs to."""
    coordinates: tuple[float, float] | None = None
    """(latitude, longitude) for places a gazetteer knows."""


@dataclass(slots=True)
class Quote:
    id: str
    kind: QuoteKind
    text: str
    start: int
    end: int
    cue: Span | None = None
    speaker: str | None = None
    speaker_text: Span | None = None
    speaker_name: str | None = None
    confidence: float = 0.0


@dataclass(slots=True)
class TimeExpr:
    id: str
    text: str
    start: int
    end: int
    type: TimeType
    value: str | None = None
    anchored: bool = False
    reference: Literal["publication", "narrative"] | None = None
    granularity: str | None = None
    mod: str | None = None
    range_start: str | None = None
    range_end: str | None = None
    flags: list[str] = field(default_factory=list)
    """e.g. ``fiscal`` for fiscal years whose calendar dates depend on the organisation."""


@dataclass(slots=True)
class Event:
    id: str
    type: str
    trigger: Span
    sentence: Span
    evidence: Span
    status: EventStatus
    mode: str | None = None
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    location: str | None = None
    time: str | None = None
    confidence: float = 0.0
    also_reported: list[Span] = field(default_factory=list)
    """Further evidence for the same event elsewhere in the article."""


@dataclass(slots=True)
class Position:
    id: str
    holder: str | None
    stance: Stance
    issue: Span
    evidence: Span
    condition: Span | None = None
    confidence: float = 0.0


@dataclass(slots=True)
class Analysis:
    article: Article
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    summary: list[Span] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        data = _plain(self)
        return {"schema_version": data.pop("schema_version"), **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        article = dict(data["article"])
        article["boilerplate"] = [Boilerplate(**b) for b in article.get("boilerplate", [])]
        article["related"] = [Related(**r) for r in article.get("related", [])]
        return cls(
            schema_version=data.get("schema_version", SCHEMA_VERSION),
            article=Article(**article),
            entities=[_entity(e) for e in data.get("entities", [])],
            quotes=[_quote(q) for q in data.get("quotes", [])],
            times=[TimeExpr(**t) for t in data.get("times", [])],
            events=[_event(e) for e in data.get("events", [])],
            positions=[_position(p) for p in data.get("positions", [])],
            summary=[Span(**s) for s in data.get("summary", [])],
            warnings=list(data.get("warnings", [])),
        )


def _plain(value: Any) -> Any:
    """Records as JSON-ready dicts and lists; unlike ``dataclasses.asdict`` it copies nothing it need not."""
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _span(value: dict[str, Any] | None) -> Span | None:
    return Span(**value) if value is not None else None


def _entity(data: dict[str, Any]) -> Entity:
    data = dict(data)
    data["mentions"] = [Span(**m) for m in data.get("mentions", [])]
    if data.get("coordinates") is not None:
        data["coordinates"] = tuple(data["coordinates"])
    return Entity(**data)


def _quote(data: dict[str, Any]) -> Quote:
    data = dict(data)
    data["cue"] = _span(data.get("cue"))
    data["speaker_text"] = _span(data.get("speaker_text"))
    return Quote(**data)


def _event(data: dict[str, Any]) -> Event:
    data = dict(data)
    for name in ("trigger", "sentence", "evidence"):
        data[name] = Span(**data[name])
    data["also_reported"] = [Span(**s) for s in data.get("also_reported", [])]
    return Event(**data)


def _position(data: dict[str, Any]) -> Position:
    data = dict(data)
    for name in ("issue", "evidence"):
        data[name] = Span(**data[name])
    data["condition"] = _span(data.get("condition"))
    return Position(**data)


def field_names(record: type) -> list[str]:
    """The JSON keys of a record type, in contract order (used by exports and the schema test)."""
    return [f.name for f in fields(record)]
