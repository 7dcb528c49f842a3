"""Transcript turns: paragraphs opened by a speaker's label and a colon (``PENCE: Well, look, …``).

News sites print interviews, debates and briefings as transcripts; each turn is the labelled speaker's own
words, as PolNeAR and PARC annotate them (cue ``:``). A label alone is not enough (``UPDATE:``, ``VIDEO:``,
a headline ``Pence: …``): the labels must take turns, the speaker changing at least ``MIN_CHANGES`` times
from one labelled paragraph to the next (A, B, A). Then every labelled paragraph is a turn, the headline
included, and a turn goes on over unlabelled paragraphs until the next label; a headline (the article's
first line) stays one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from storyline.nlp.quotes_marks import QUOTE_MARKS
from storyline.records import QuoteKind

MIN_CHANGES = 2
LABEL_MAX_CHARACTERS = 40
SPACE_AND_MARKS = " \t\n\u00a0" + QUOTE_MARKS
LABELLED_PARAGRAPH = re.compile(
    r"^[ \t\"“”'‘’]*"  # a transcript quoted paragraph by paragraph reopens each one with a mark
    r"(?P<label>[A-Z][\w.’'-]*(?:[ \t][A-Z][\w.’'-]*){0,3})"
    r"[ \t]*:[ \t\u00a0]+"
    r"(?P<words>\S.*)$",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class LabelledSpeech:
    """Words set out under their speaker's name: a transcript turn or a headline (``X Says Y``)."""

    label_start: int
    label_end: int
    cue_start: int
    cue_end: int
    start: int
    end: int
    kind: QuoteKind = "direct"
    """A turn is the speaker's words; a headline's content is a paraphrase (``indirect``)."""

    def speaker_key(self, text: str) -> str:
        """Who speaks, whatever the label's length or case (``JAKE TAPPER`` and ``TAPPER`` are one)."""
        return text[self.label_start : self.label_end].split()[-1].lower()


def transcript_turns(text: str) -> list[LabelledSpeech]:
    """The turns of a transcript in text order; nothing when the article does not take turns."""
    turns = [_turn(match) for match in LABELLED_PARAGRAPH.finditer(text)]
    turns = [t for t in turns if t.label_end - t.label_start <= LABEL_MAX_CHARACTERS]
    speakers = [turn.speaker_key(text) for turn in turns]
    changes = sum(1 for before, after in zip(speakers, speakers[1:], strict=False) if before != after)
    if changes < MIN_CHANGES:
        return []
    headline_start = len(text) - len(text.lstrip(SPACE_AND_MARKS))
    following = [turn.label_start for turn in turns[1:]]
    return [
        turn if turn.label_start == headline_start else _run_on(text, turn, label)
        for turn, label in zip(turns, following, strict=False)
    ] + turns[-1:]


def _run_on(text: str, turn: LabelledSpeech, next_label: int) -> LabelledSpeech:
    """A turn goes on over unlabelled paragraphs until the next label (the speaker's answer continues)."""
    end = text.rfind("\n", 0, next_label)
    while end > turn.end and text[end - 1] in SPACE_AND_MARKS:  # no slicing: a long transcript stays linear
        end -= 1
    return replace(turn, end=max(end, turn.end))


def _turn(match: re.Match[str]) -> LabelledSpeech:
    words = match.group("words").rstrip()
    return LabelledSpeech(
        label_start=match.start("label"),
        label_end=match.end("label"),
        cue_start=(colon := match.string.index(":", match.end("label"))),
        cue_end=colon + 1,
        start=match.start("words"),
        end=match.start("words") + len(words),
    )
