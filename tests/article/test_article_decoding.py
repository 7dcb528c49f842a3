"""Bytes → text: encodings, binary, empty and oversized input, Unicode normalisation and offsets."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from storyline.article import extract_article
from storyline.article.decode import decode, normalize
from storyline.config import Settings
from storyline.errors import InputError
from storyline.records import RawDoc

SENTENCE = "The café’s owner said “no” — and the naïve plan to reopen failed."
LIMIT = 20_000_000


def _decoded(data: bytes) -> str:
    return decode(data, "input.txt", max_bytes=LIMIT).text


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-16", "utf-16-le", "utf-32"])
def test_decode_reads_common_encodings(encoding: str) -> None:
    assert _decoded(SENTENCE.encode(encoding)) == SENTENCE


def test_decode_reads_latin1() -> None:
    text = "Der Bürgermeister of Zürich said the façade would be restored."
    assert _decoded(text.encode("latin-1")) == text


def test_decode_drops_utf8_byte_order_mark() -> None:
    assert _decoded(codecs.BOM_UTF8 + SENTENCE.encode("utf-8")) == SENTENCE


def test_decode_honours_declared_html_charset() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Москва</p></body></html>'
    assert "Москва" in _decoded(page.encode("cp1251"))


def test_decode_keeps_utf8_with_one_corrupt_byte() -> None:
    data = SENTENCE.encode("utf-8") + b" \xff trailing words."
    decoded = _decoded(data)
    assert decoded.startswith(SENTENCE)
    assert decoded.count("\ufffd") == 1


def test_decode_refuses_undecodable_bytes() -> None:
    with pytest.raises(InputError, match=r"input\.txt: undecodable"):
        _decoded(b"Caf\xc3\x28 \xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc")


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + bytes(200), b"%PDF-1.7\n" + bytes(range(256)), bytes(range(256)) * 4],
)
def test_decode_refuses_binary(data: bytes) -> None:
    with pytest.raises(InputError, match="binary content, not text"):
        _decoded(data)


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", codecs.BOM_UTF8])
def test_decode_refuses_empty_input(data: bytes) -> None:
    with pytest.raises(InputError, match="empty input"):
        _decoded(data)


def test_extract_article_refuses_a_50_mb_file(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    line = b"The committee met again on Tuesday and adjourned without a vote.\n"
    huge.write_bytes(line * (50_000_000 // len(line) + 1))
    raw = RawDoc(source=str(huge), content=huge.read_bytes())
    with pytest.raises(InputError) as caught:
        extract_article(raw, Settings())
    assert caught.value.source == str(huge)
    assert caught.value.reason == "too large: 50.0 MB, limit 20 MB"


def test_extract_article_refuses_a_body_over_the_character_limit() -> None:
    text = "The committee met again on Tuesday and adjourned without a vote.\n" * 40
    with pytest.raises(InputError, match="text too long"):
        extract_article(RawDoc(source="long.txt", content=text), Settings().with_(max_text_chars=1000))


def test_normalize_composes_and_plains_spaces_but_keeps_quotes() -> None:
    raw = "Cafe\u0301\u00a0“open”\u200b ‘now’\r\nnext\u2028line"
    assert normalize(raw) == "Café “open” ‘now’\nnext\nline"


def test_extract_article_offsets_hold_after_normalisation() -> None:
    raw = (
        "Storm Hits the Cafe\u0301 District\r\n"
        "The cafe\u0301 owner said\u00a0“we will reopen” on Monday.\u200b\r\n"
        "Police closed the road near the cafe\u0301 for two days."
    )
    article = extract_article(RawDoc(source="cafe.txt", content=raw.encode("utf-8")))
    assert "\r" not in article.text and "\u00a0" not in article.text and "\u200b" not in article.text
    start = article.text.index("café owner")
    assert article.text[start : start + len("café owner")] == "café owner"
    assert "“we will reopen”" in article.text
    assert article.title == "Storm Hits the Café District"


def _warning(data: bytes) -> str | None:
    return decode(data, "input.txt", max_bytes=LIMIT).warning


@pytest.mark.parametrize(
    "data",
    [
        SENTENCE.encode("utf-8"),
        codecs.BOM_UTF8 + SENTENCE.encode("utf-8"),
        SENTENCE.encode("utf-16"),
        '<html><head><meta charset="windows-1251"></head><body><p>Москва</p></body></html>'.encode("cp1251"),
    ],
)
def test_decode_is_silent_when_the_encoding_is_certain(data: bytes) -> None:
    assert _warning(data) is None


def test_decode_warns_of_utf16_guessed_without_a_byte_order_mark() -> None:
    assert _warning(SENTENCE.encode("utf-16-le")) == (
        "decoded as utf-16-le: no byte-order mark, guessed from its zero bytes"
    )


def test_decode_counts_every_byte_of_a_cut_character() -> None:
    data = SENTENCE.encode("utf-8") + b" \xe2\x80 trailing words."
    decoded = decode(data, "input.txt", max_bytes=LIMIT)
    assert decoded.text.count("\ufffd") == 1
    assert decoded.warning == "replaced 2 invalid UTF-8 bytes with U+FFFD"


def test_decode_names_a_declared_charset_that_does_not_fit() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><p>Café society</p></body></html>'
    assert (
        _warning(page.encode("cp1252")) == "decoded as cp1252: not valid UTF-8 or the declared charset utf-8"
    )


def test_decode_says_when_charset_normalizer_guessed() -> None:
    text = "Москва сегодня объявила о новых переговорах с Киевом и Вашингтоном по мирному плану."
    assert _warning(text.encode("cp1251")) == (
        "decoded as cp1251 (charset-normalizer's guess): not valid UTF-8 and no charset declared"
    )
