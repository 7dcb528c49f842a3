"""Language identification: English analysed, confident other languages skipped, short texts kept."""

from __future__ import annotations

import pytest

from storyline.article import extract_article, read_article
from storyline.article.language import identify_language
from storyline.errors import SkippedInput
from storyline.records import RawDoc

GERMAN = (
    "Die Bundesregierung hat am Mittwoch neue Maßnahmen beschlossen, um die steigenden Energiepreise "
    "zu bekämpfen. Der Kanzler sagte in Berlin, die Lage sei ernst, aber beherrschbar. Die Opposition "
    "kritisierte die Pläne als unzureichend und forderte weitere Entlastungen für Familien und Rentner."
)
ENGLISH = (
    "The government announced new measures on Wednesday to curb rising energy prices. The chancellor "
    "said in Berlin that the situation was serious but manageable."
)


def test_extract_article_skips_german_with_the_language_named() -> None:
    with pytest.raises(SkippedInput) as caught:
        extract_article(RawDoc(source="bericht.txt", content=GERMAN))
    assert caught.value.source == "bericht.txt"
    assert caught.value.reason == "skipped: language de"


def test_read_article_keeps_german_and_names_its_language() -> None:
    assert read_article(RawDoc(source="bericht.txt", content=GERMAN)).language == "de"


def test_extract_article_marks_english() -> None:
    assert extract_article(RawDoc(source="report.txt", content=ENGLISH)).language == "en"


def test_identify_language_does_not_judge_a_short_foreign_phrase() -> None:
    assert identify_language("Der Hund schläft.") is None


def test_identify_language_leaves_a_mixed_text_unknown() -> None:
    text = (
        "Kanzler Scholz und Präsident Macron trafen sich in Berlin zum Gipfel über Energie, Migration und "
        "Verteidigung; the meeting ended late, officials said, with no joint statement, and plans for "
        "another summit"
    )
    assert identify_language(text) is None
