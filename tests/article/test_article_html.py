"""HTML extraction: a hand-written page, truncated and empty pages, sniffing, and real benchmark pages."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from storyline.article import extract_article
from storyline.article.html import looks_like_html
from storyline.errors import InputError
from storyline.records import RawDoc

PARAGRAPHS = (
    "A powerful storm hit the northern coast on Tuesday, knocking out power to thousands of homes "
    "and forcing officials to close schools across the region.",
    "Emergency crews worked through the night to restore power, and the utility said most homes would "
    "have electricity again by Wednesday evening.",
    "The governor thanked the crews and urged residents to stay off the roads until the weekend.",
)
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Storm Knocks Out Power Along the Coast | Coastal Herald</title>
<meta property="og:title" content="Storm Knocks Out Power Along the Coast">
<meta property="og:site_name" content="Coastal Herald">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-12-16T08:00:00Z">
<link rel="canonical" href="https://herald.example.com/news/storm-power">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Storm Knocks Out Power Along the Coast</h1>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1]}</p>
<p>Advertisement</p>
<p>{PARAGRAPHS[2]}</p>
<p>Also Read: <strong>Second Storm Expected Along the Coast Next Week</strong></p>
</article>
<aside><ul><li><a href="/news/second-storm">Second Storm Expected Along the Coast Next Week</a></li>
</ul></aside>
<footer><p>Copyright 2025 Coastal Herald. All rights reserved.</p></footer>
</body></html>"""


def _html(page: str, **fields: object) -> RawDoc:
    return RawDoc(source="storm.html", content=page.encode("utf-8"), **fields)


def test_extract_article_reads_main_text_and_metadata() -> None:
    article = extract_article(_html(PAGE))
    assert article.text == "\n\n".join(PARAGRAPHS)
    assert article.title == "Storm Knocks Out Power Along the Coast"
    assert article.author == "Jane Doe"
    assert article.published == "2025-12-16"
    assert article.site_name == "Coastal Herald"
    assert article.url == "https://herald.example.com/news/storm-power"
    assert article.language == "en"
    assert [(b.kind, b.text) for b in article.boilerplate] == [
        ("advert", "Advertisement"),
        ("related", "Also Read: Second Storm Expected Along the Coast Next Week"),
    ]
    assert [(r.title, r.url) for r in article.related] == [
        ("Second Storm Expected Along the Coast Next Week", "https://herald.example.com/news/second-storm")
    ]


def test_extract_article_prefers_what_the_source_knows() -> None:
    raw = _html(
        PAGE,
        published="2025-12-18",
        metadata={"title": "Storm Hits Coast", "author": "Desk Staff", "url": "https://feed.example/1"},
    )
    article = extract_article(raw)
    assert (article.title, article.author) == ("Storm Hits Coast", "Desk Staff")
    assert article.published == "2025-12-18"
    assert article.url == "https://feed.example/1"


def test_extract_article_id_is_stable_and_follows_the_url() -> None:
    first, again = extract_article(_html(PAGE)), extract_article(_html(PAGE))
    other = extract_article(_html(PAGE.replace("storm-power", "storm-power-2")))
    assert first.id == again.id
    assert first.id != other.id
    assert re.fullmatch(r"[0-9a-f]{16}", first.id)


def test_extract_article_sniffs_html_without_a_content_type() -> None:
    assert extract_article(RawDoc(source="page", content=PAGE)).text.startswith("A powerful storm")


def test_looks_like_html_ignores_text_that_mentions_a_tag() -> None:
    assert not looks_like_html("Writers wrap paragraphs in a <p> element.\nThat is all.")
    assert looks_like_html(PAGE)
    assert looks_like_html("<p>The council approved the budget.</p><p>Taxes stay.</p>")


def test_extract_article_reads_a_truncated_page() -> None:
    cut = PAGE[: PAGE.index(PARAGRAPHS[1]) + 60]
    article = extract_article(_html(cut))
    assert article.text.startswith(PARAGRAPHS[0])
    assert "Emergency crews" in article.text


def test_extract_article_refuses_a_page_without_text() -> None:
    page = "<html><head><title>Storm</title></head><body><nav><a href='/'>Home</a></nav><div class="
    with pytest.raises(InputError, match=r"storm\.html: no article text found"):
        extract_article(_html(page))


# --- real pages from the Zyte article-extraction benchmark (research use, read from ../shared) ---------

REAL_PAGES = 8
MIN_PAGE_F1 = 0.8


@pytest.fixture(scope="module")
def benchmark_pages(shared: Path) -> list[tuple[str, bytes, str]]:
    folder = shared / "eval" / "extraction-scrapinghub"
    gold = json.loads((folder / "ground-truth.dev.json").read_text(encoding="utf-8"))
    chosen = sorted(gold)[:REAL_PAGES]
    return [
        (key, gzip.open(folder / "html" / f"{key}.html.gz", "rb").read(), gold[key]["articleBody"])
        for key in chosen
    ]


def _shingle_f1(gold: str, predicted: str) -> float:
    def grams(text: str) -> Counter[tuple[str, ...]]:
        tokens = re.findall(r"\w+", text)
        return Counter(tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3)))

    true, pred = grams(gold), grams(predicted)
    overlap = sum((true & pred).values())
    return 2 * overlap / (sum(true.values()) + sum(pred.values()))


def test_extract_article_matches_benchmark_bodies(benchmark_pages: list[tuple[str, bytes, str]]) -> None:
    scores = {}
    for key, html, gold in benchmark_pages:
        article = extract_article(RawDoc(source=key, content=html, content_type="html"))
        assert "\n\n" in article.text
        scores[key[:8]] = _shingle_f1(gold, article.text)
    assert min(scores.values()) >= MIN_PAGE_F1, scores


def test_extract_article_normalises_text_from_html_entities() -> None:
    page = (
        "<html><head><title>Storm&nbsp;Hits</title></head><body><article>"
        f"<p>{PARAGRAPHS[0]} The cafe&#769; owner&nbsp;said the&#8203; road was closed.</p>"
        f"<p>{PARAGRAPHS[1]}</p></article></body></html>"
    )
    article = extract_article(_html(page))
    assert "The café owner said the road was closed." in article.text
    assert article.title == "Storm Hits"
