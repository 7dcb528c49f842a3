"""The whole pipeline on real articles: the canonical example, VOA stories and every scrapinghub page."""

from __future__ import annotations

import gzip
from pathlib import Path

from conftest import EXAMPLES
from storyline import RawDoc, Settings, analyze_inputs
from storyline.errors import InputError, SkippedInput
from storyline.records import Analysis
from storyline.sources.files import read_inputs


def entity_named(analysis: Analysis, name: str):
    return next(e for e in analysis.entities if e.name == name)


def test_example_article_layout_and_boilerplate(peace_talks: Analysis) -> None:
    article = peace_talks.article
    assert article.title == "Trump Says Ukraine Peace Talks ‘Getting Close’ Ahead of US–Russia Meeting"
    assert article.subtitle == "President hints major breakthrough in Russia talks imminent."
    assert [b.kind for b in article.boilerplate] == ["related", "related"]
    assert all(b.text.startswith("Also Read:") for b in article.boilerplate)
    assert "Also Read" not in article.text and "Bongino" not in article.text
    names = {alias for e in peace_talks.entities for alias in [e.name, *e.aliases]}
    assert not names & {"Dan Bongino", "Bongino", "FBI", "Kennedy Center"}


def test_example_article_actors(peace_talks: Analysis) -> None:
    trump = entity_named(peace_talks, "Donald Trump")
    assert "president" in trump.roles
    assert {"Trump", "Donald Trump"} <= {m.text for m in trump.mentions}
    assert len([e for e in peace_talks.entities if "Trump" in e.name]) == 1
    for envoy in ("Steve Witkoff", "Jared Kushner"):
        assert "special envoy" in entity_named(peace_talks, envoy).roles
    russia, ukraine = entity_named(peace_talks, "Russia"), entity_named(peace_talks, "Ukraine")
    assert (russia.country, ukraine.country) == ("RU", "UA")
    assert "Moscow" in {m.text for m in russia.mentions}
    assert "Kyiv" in {m.text for m in ukraine.mentions}


def test_voa_stories_all_analyse(settings: Settings) -> None:
    results = list(analyze_inputs(read_inputs([str(EXAMPLES / "voa-2019-2024.jsonl")]), settings))
    assert len(results) == 44
    assert [r for r in results if isinstance(r, InputError)] == []
    assert all(r.entities and r.article.published for r in results)


def test_every_scrapinghub_page_analyses_or_is_skipped_for_language(shared: Path, settings: Settings) -> None:
    pages = sorted((shared / "eval" / "extraction-scrapinghub" / "html").glob("*.html.gz"))
    raws = (
        RawDoc(source=p.name, content=gzip.decompress(p.read_bytes()), content_type="html") for p in pages
    )
    results = list(analyze_inputs(raws, settings))
    assert len(results) == len(pages) == 90
    failures = [str(r) for r in results if isinstance(r, InputError) and not isinstance(r, SkippedInput)]
    assert failures == []
    skipped = [r for r in results if isinstance(r, SkippedInput)]
    assert all("language" in r.reason and "language en" not in r.reason for r in skipped)
    assert len(skipped) < 15
