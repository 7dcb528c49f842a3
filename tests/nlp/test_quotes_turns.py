"""Transcript turns: labelled paragraphs that take turns are the labelled speakers' words."""

from __future__ import annotations

import gc
import time

from storyline.nlp.quotes_turns import transcript_turns

TRANSCRIPT = """Partial transcript as follows:

"WALLACE: Let's start with the debate. Why would he do that?

"PENCE: Well, look, this is serious business.

"(CROSSTALK.)

He went on at length.

"WALLACE: Do you really see those two as equivalent?
"""


def _turns(text: str) -> list[tuple[str, str]]:
    return [(text[t.label_start : t.label_end], text[t.start : t.end]) for t in transcript_turns(text)]


def test_transcript_turns_read_each_labelled_paragraph_with_its_speaker() -> None:
    assert _turns(TRANSCRIPT) == [
        ("WALLACE", "Let's start with the debate. Why would he do that?"),
        ("PENCE", 'Well, look, this is serious business.\n\n"(CROSSTALK.)\n\nHe went on at length.'),
        ("WALLACE", "Do you really see those two as equivalent?"),
    ]


def test_question_and_answer_labels_take_turns() -> None:
    text = "Q: Will you run?\nA: No.\nQ: Why not?\nA: Family."
    assert [label for label, _ in _turns(text)] == ["Q", "A", "Q", "A"]


def test_labels_that_do_not_take_turns_are_not_a_transcript() -> None:
    text = "UPDATE: The vote was delayed.\n\nUPDATE: It passed.\n\nCORRECTION: An earlier version erred."
    assert transcript_turns(text) == []
    assert transcript_turns("Pence: Flowers Won't Be at Debate.\n\nHe said so on Sunday.") == []


def test_a_headline_label_stays_on_its_line() -> None:
    text = "Pence: Flowers Won't Be at Debate\n\nPence spoke on Sunday.\n\n" + TRANSCRIPT
    turns = _turns(text)
    assert turns[0] == ("Pence", "Flowers Won't Be at Debate")
    assert [label for label, _ in turns] == ["Pence", "WALLACE", "PENCE", "WALLACE"]


def test_a_huge_transcript_is_read_in_linear_time() -> None:
    def seconds(pairs: int) -> float:
        """The best of three readings, with the garbage collector held off: other load on the machine and
        collections of the many small objects would otherwise blur the comparison."""
        text = "WALLACE: A question.\nPENCE: An answer.\n" * pairs
        timings = []
        gc.disable()
        try:
            for _ in range(3):
                started = time.perf_counter()
                assert len(transcript_turns(text)) == 2 * pairs
                timings.append(time.perf_counter() - started)
        finally:
            gc.enable()
        return min(timings)

    # four times the text takes about four times as long; a quadratic reading would take sixteen
    assert seconds(50_000) < 8 * seconds(12_500)
