"""Quotes and speakers: who said what, in quotation marks (direct), reported (indirect) or both (mixed).

The ladder, per article:
1. speech set out under its speaker's name: transcript turns (``quotes_turns``) and headlines that report
   (``quotes_headlines``); then quoted passages from the quotation marks alone (``quotes_marks``), scare
   quotes and titles set aside;
2. reporting constructions from the parse (``quotes_syntax``): a cue verb or noun with its content clause,
   ``according to X``, ``…, officials said``;
3. a report whose content is a quoted passage makes it direct; one whose content contains a quoted passage
   makes it mixed; the rest are indirect;
4. a quoted passage still without a cue takes the nearest cue verb around it, then a name after a dash,
   then the actor before a colon that opens it;
5. ``"A," she said. "B."`` becomes one quote; a cue-less quote that follows another in its paragraph or
   opens the next paragraph continues it and keeps its speaker (with lower confidence);
6. speakers become canonical actors through ``DocContext`` (pronouns and titles included), or stay null.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from storyline.nlp import roles
from storyline.nlp.context import DocContext, doc_text
from storyline.nlp.quotes_classifier import attribution_scorer
from storyline.nlp.quotes_headlines import headline_reports
from storyline.nlp.quotes_lexicon import ReportingLexicon, reporting_lexicon
from storyline.nlp.quotes_marks import QUOTE_MARKS, QuotedSpan, find_quoted_spans
from storyline.nlp.quotes_syntax import (
    RELATIVE_PRONOUNS,
    Report,
    cue_span,
    find_reports,
    is_cue_verb,
    phrase_of,
    speaker_of,
)
from storyline.nlp.quotes_turns import LabelledSpeech, transcript_turns
from storyline.records import Quote, QuoteKind, Span

SCARE_QUOTE_MAX_WORDS = 2
TITLE_MAX_WORDS = 8
PUNCTUATION = ".,;:!?'\"’‘“”()[]—-…"
UNATTRIBUTED_MIN_WORDS = 5
NEAREST_CUE_MAX_TOKENS = 12
INTERRUPTION_MAX_WORDS = 20
LABEL_MAX_WORDS = 8
BARE_CUE_DEPS = {"nsubj", "aux", "neg", "advmod", "npadvmod", "prt", "punct"}
DASHES = ("—", "–", "―", "-", "--")
SERVED_PREPOSITIONS = {"for", "of", "at", "with", "from"}
"""``a spokesman for``, ``the head of``, ``an official at``: what links a role to the body it serves."""
MAX_CONFIDENCE = 0.95
LENDING_PROBABILITY = 0.5
CONFIDENCE = {"cue": 0.85, "colon": 0.75, "dash": 0.75, "continued": 0.6, "none": 0.3}


@dataclass(slots=True)
class Attribution:
    """A quote in the making: content range, kind, cue tokens and speaker head token."""

    start: int
    end: int
    kind: QuoteKind
    cue: DocSpan | None
    speaker: Token | None
    how: str
    speaker_range: tuple[int, int] | None = None
    frame: str | None = None
    probability: float | None = None
    """The scorer's probability that the cue reports this content (None where no scorer judged it)."""


Judge = Callable[[Report], float | None]
"""The probability that a reporting construction reports someone's words, or None when it does not."""


def extract_quotes(
    context: DocContext,
    lexicon: ReportingLexicon | None = None,
    judge: Judge | None = None,
) -> list[Quote]:
    """Every quote of the article in text order, with its cue and speaker where the text gives them.
    ``judge`` decides which reporting constructions report (the learned scorer by default)."""
    return [quote for quote, _ in quotes_with_frames(context, lexicon, judge)]


def quotes_with_frames(
    context: DocContext,
    lexicon: ReportingLexicon | None = None,
    judge: Judge | None = None,
    *,
    keep_nested: bool = False,
) -> list[tuple[Quote, str | None]]:
    """Quotes with the frame their cue was found in (``clause``, ``object``, …; for training the lexicon,
    which counts every construction, nested ones too)."""
    lexicon = lexicon or reporting_lexicon()
    judge = judge or attribution_scorer().judge
    text = doc_text(context.doc)
    turns = transcript_turns(text)
    headlines = [h for h in headline_reports(context.doc) if not any(t.start == h.start for t in turns)]
    labelled = turns + headlines
    every_passage = _passages_outside(find_quoted_spans(text), labelled)
    passages = quoted_passages(text, every_passage)
    labelled_spans = [QuotedSpan(s.label_start, s.end, s.label_start, s.end) for s in labelled]
    judged = [(r, judge(r)) for r in reporting_constructions(context.doc, lexicon, passages + labelled_spans)]
    attributions, unattributed = _merge([(r, p) for r, p in judged if p is not None], passages, text)
    quoted = quoted_tokens(context.doc, every_passage)
    for passage in unattributed:
        attributions.append(_attribute_direct(context, passage, _Cues(lexicon, judge), quoted))
    attributions.extend(_labelled_attribution(context.doc, speech) for speech in labelled)
    attributions.sort(key=lambda a: a.start)
    attributions = _join_interrupted(attributions, text)
    _continue_speakers(attributions, text)
    kept = [a for a in attributions if _keep(a, text) and (keep_nested or not _nested(a, attributions))]
    _mark_quoted_words(kept, every_passage)
    return [(_to_quote(context, a, i), a.frame) for i, a in enumerate(kept, start=1)]


def _passages_outside(passages: list[QuotedSpan], labelled: list[LabelledSpeech]) -> list[QuotedSpan]:
    """Labelled speech is a quote already: marks around or inside it quote the speaker's words again."""
    return [p for p in passages if not any(p.outer_start < s.end and s.start < p.outer_end for s in labelled)]


def _labelled_attribution(doc: Doc, speech: LabelledSpeech) -> Attribution:
    cue = doc.char_span(speech.cue_start, speech.cue_end, alignment_mode="expand")
    label = doc.char_span(speech.label_start, speech.label_end, alignment_mode="expand")
    speaker = label[-1] if label is not None and len(label) else None
    speaker_range = (speech.label_start, speech.label_end) if speaker is not None else None
    how = "colon" if speech.kind == "direct" else "cue"
    return Attribution(speech.start, speech.end, speech.kind, cue, speaker, how, speaker_range=speaker_range)


def reporting_constructions(doc: Doc, lexicon: ReportingLexicon, passages: list[QuotedSpan]) -> list[Report]:
    """The lexicon's reporting constructions with a content, outside quotations (the candidates to score),
    each told how it sits among the others of its sentence."""
    reports = [r for r in find_reports(doc, lexicon) if r.content and not _cue_inside(r, passages)]
    by_sentence: dict[int, list[Report]] = {}
    for report in reports:
        by_sentence.setdefault(report.cue.root.sent.start, []).append(report)
    for sentence in by_sentence.values():
        for report in sentence:
            others = [o for o in sentence if o is not report]
            report.neighbours = len(others)
            report.inside_other = any(_holds(o, report.cue.start_char) for o in others)
            report.holds_other = any(_holds(report, o.cue.start_char) for o in others)
    return reports


def _holds(report: Report, offset: int) -> bool:
    return report.content is not None and report.content[0] <= offset < report.content[1]


def quoted_passages(text: str, every_passage: list[QuotedSpan] | None = None) -> list[QuotedSpan]:
    """The passages in quotation marks that are someone's words: scare quotes set aside."""
    every_passage = find_quoted_spans(text) if every_passage is None else every_passage
    return [p for p in every_passage if not _is_scare_quote(text, p)]


def _is_scare_quote(text: str, passage: QuotedSpan) -> bool:
    """One or two words in marks with no sentence inside (a term, an ironic ``reforms``), or a title: a few
    words all capitalised inside a sentence, not closed like a sentence (``told "Face the Nation,"``, ``the
    anthem "A Change Is Gonna Come"``; a slogan ``"Peace Through Strength."`` is said)."""
    inner = text[passage.start : passage.end].strip()
    words = inner.split()
    if inner.endswith((".", "!", "?")):
        return False
    if len(words) <= SCARE_QUOTE_MAX_WORDS and not inner.endswith(","):
        return True
    return len(words) <= TITLE_MAX_WORDS and _title_cased(words) and not _opens_sentence(text, passage)


def _title_cased(words: list[str]) -> bool:
    """Every word but short function words starts with a capital (or a digit): how titles are written."""
    bare = [word.strip(PUNCTUATION) for word in words]
    content = [word for i, word in enumerate(bare) if word and (i == 0 or len(word) > 3)]
    return bool(content) and all(word[0].isupper() or word[0].isdigit() for word in content)


def _opens_sentence(text: str, passage: QuotedSpan) -> bool:
    """The passage starts a sentence or a paragraph, or follows a colon: where speech is set out, and where
    any words are capitalised anyway."""
    before = text[max(0, passage.outer_start - 3) : passage.outer_start].rstrip(" \xa0")
    return before == "" or before.endswith(("\n", ".", ":", "!", "?", "—", "―"))


def _cue_inside(report: Report, passages: list[QuotedSpan]) -> bool:
    """A report inside a quotation belongs to the quoted speaker's words, not to the article's voices."""
    start = report.cue.start_char
    return any(p.start <= start < p.end for p in passages)


def _merge(
    reports: list[tuple[Report, float]], passages: list[QuotedSpan], text: str
) -> tuple[list[Attribution], list[QuotedSpan]]:
    """Pair each report with the quoted passages its content covers; return the passages left over."""
    attributions: list[Attribution] = []
    used: set[int] = set()
    for report, probability in reports:
        start, end = report.content
        touching = [i for i, p in enumerate(passages) if p.outer_start < end and start < p.outer_end]
        fresh = [i for i in touching if i not in used]
        if touching and not fresh:
            continue
        used.update(fresh)
        for attribution in _with_passages(report, [passages[i] for i in fresh], text):
            attribution.probability = probability
            attributions.append(attribution)
    return attributions, [p for i, p in enumerate(passages) if i not in used]


def _mark_quoted_words(attributions: list[Attribution], every_passage: list[QuotedSpan]) -> None:
    """Reported speech holding a word or two in marks (``called him a "liar"``) quotes the speaker's own
    words: mixed, though such a short passage alone would be a scare quote."""
    for attribution in attributions:
        if attribution.kind == "indirect" and any(
            attribution.start <= p.outer_start and p.outer_end <= attribution.end for p in every_passage
        ):
            attribution.kind = "mixed"


def _with_passages(report: Report, passages: list[QuotedSpan], text: str) -> list[Attribution]:
    """Indirect without quoted passages; direct (one per passage) when the passages are all the content."""
    start, end = report.content
    cue, speaker, frame = report.cue, report.speaker, report.frame
    if speaker is not None and _in_passages(speaker.idx, passages):
        speaker = None
    if not passages:
        return [Attribution(start, end, "indirect", cue, speaker, "cue", frame=frame)]
    if _words_outside(text, start, end, passages, cue) <= 1:
        return [Attribution(p.start, p.end, "direct", cue, speaker, "cue", frame=frame) for p in passages]
    start, end = min(start, passages[0].outer_start), max(end, passages[-1].outer_end)
    return [Attribution(start, end, "mixed", cue, speaker, "cue", frame=frame)]


def _words_outside(text: str, start: int, end: int, passages: list[QuotedSpan], cue: DocSpan) -> int:
    """Words of the content outside the quoted passages, not counting an interposed ``she said``."""
    pieces, cursor = [], start
    for passage in passages:
        gap = (cursor, max(cursor, passage.outer_start))
        if not (cursor > start and gap[0] <= cue.start_char < gap[1]):
            pieces.append(text[gap[0] : gap[1]])
        cursor = max(cursor, passage.outer_end)
    pieces.append(text[cursor:end])
    return len(" ".join(pieces).split())


def _in_passages(index: int, passages: list[QuotedSpan]) -> bool:
    return any(p.outer_start <= index < p.outer_end for p in passages)


def quoted_tokens(doc: Doc, passages: list[QuotedSpan]) -> set[int]:
    quoted: set[int] = set()
    for passage in passages:
        span = doc.char_span(passage.outer_start, passage.outer_end, alignment_mode="expand")
        quoted.update(range(span.start, span.end) if span is not None else ())
    return quoted


@dataclass(frozen=True, slots=True)
class _Cues:
    """Which verbs may introduce a quoted passage: in the lexicon's clause frame, and judged to report it."""

    lexicon: ReportingLexicon
    judge: Judge

    def introduces(self, verb: Token, passage: QuotedSpan) -> float | None:
        """The probability that ``verb`` introduces the passage, or None when it does not."""
        return self.judge(passage_report(verb, passage)) if is_cue_verb(verb, self.lexicon) else None


def passage_report(verb: Token, passage: QuotedSpan) -> Report:
    """A cue verb near a quoted passage, as the construction the scorer judges (frame ``passage``)."""
    return Report(cue_span(verb), (passage.start, passage.end), speaker_of(verb), "passage")


def _attribute_direct(context: DocContext, passage: QuotedSpan, cues: _Cues, quoted: set[int]) -> Attribution:
    """A quoted passage no content clause claimed: the nearest cue, a colon, a dash, or nothing yet."""
    doc = context.doc
    if (nearest := _nearest_cue(context, passage, cues, quoted)) is not None:
        cue, probability = nearest
        speaker = _outside(speaker_of(cue), passage)
        return Attribution(
            passage.start,
            passage.end,
            "direct",
            cue_span(cue),
            speaker,
            "cue",
            frame="clause",
            probability=probability,
        )
    if (named := _name_after_dash(context, passage)) is not None:
        name, characters = named
        return Attribution(passage.start, passage.end, "direct", None, name, "dash", speaker_range=characters)
    if (found := _colon_speaker(context, passage)) is not None:
        colon, speaker, label = found
        cue = doc[colon.i : colon.i + 1]
        return Attribution(passage.start, passage.end, "direct", cue, speaker, "colon", speaker_range=label)
    if (announcing := _announcing_cue(context, passage, cues, quoted)) is not None:
        verb, probability = announcing
        cue = cue_span(verb)
        speaker = speaker_of(verb)
        return Attribution(passage.start, passage.end, "direct", cue, speaker, "cue", probability=probability)
    return Attribution(passage.start, passage.end, "direct", None, None, "none")


def _nearest_cue(
    context: DocContext, passage: QuotedSpan, cues: _Cues, quoted: set[int]
) -> tuple[Token, float] | None:
    """The cue verb closest to the quote in its sentences and paragraph, never one inside a quotation, with
    the scorer's probability that it introduces the quote."""
    verbs = verbs_near(context.doc, passage, cues.lexicon, quoted)
    judged = [(verb, cues.judge(passage_report(verb, passage))) for verb in verbs]
    candidates = [(verb, probability) for verb, probability in judged if probability is not None]
    if not candidates:
        return None
    return min(candidates, key=lambda c: min(abs(c[0].idx - passage.start), abs(c[0].idx - passage.end)))


def verbs_near(doc: Doc, passage: QuotedSpan, lexicon: ReportingLexicon, quoted: set[int]) -> list[Token]:
    """The lexicon's cue verbs within a few tokens of a quoted passage, in its sentences and paragraph and
    outside every quotation."""
    span = doc.char_span(passage.outer_start, passage.outer_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    first = max(span[0].sent.start, span.start - NEAREST_CUE_MAX_TOKENS)
    last = min(_attribution_end(span), span.end + NEAREST_CUE_MAX_TOKENS)
    text = doc_text(doc)
    return [
        doc[i]
        for i in range(first, last)
        if i not in quoted
        and is_cue_verb(doc[i], lexicon)
        and _same_paragraph(text, doc[i].idx, passage)
        and not _reports_its_own_clause_later(doc[i], span)
    ]


def _reports_its_own_clause_later(verb: Token, span: DocSpan) -> bool:
    """``"He is not someone we trust." In his response, Bennett said he had sought …``, ``… The United States
    has voiced concern over …``: a verb in a later sentence that reports content of its own (a clause, a
    thing said; not whom it is told to, ``told reporters``) is not the closed quotation's attribution."""
    if verb.sent.start < span[-1].sent.end:
        return False
    return any(child.i > verb.i and _own_content(child) for child in verb.children)


def _own_content(child: Token) -> bool:
    thing = child.dep_ == "dobj" and child.tag_ == "NN" and not child.ent_type_
    return child.dep_ == "ccomp" or thing


def _announcing_cue(
    context: DocContext, passage: QuotedSpan, cues: _Cues, quoted: set[int]
) -> tuple[Token, float] | None:
    """``Bystrom agreed. "…"``, ``Dr. Ward stated:`` then the quote: a sentence just before the quote that is
    only a speaker and a cue verb, ending its paragraph or running into the quote, announces it."""
    doc = context.doc
    span = doc.char_span(passage.outer_start, passage.outer_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    opening = span[0].sent
    lead = [t for t in doc[opening.start : span.start] if not t.is_space]
    if opening.start == 0 or any(t.i not in quoted for t in lead):
        return None  # the quote does not open its sentence
    previous = doc[opening.start - 1].sent
    verb = previous.root
    if (
        verb.i in quoted
        or speaker_of(verb) is None
        or any(c.dep_ not in BARE_CUE_DEPS for c in verb.children)
    ):
        return None  # ``The campaign closed with one line.`` says more than who speaks
    gap = doc_text(doc)[previous.end_char : span.start_char]
    ends_paragraph = previous.text.rstrip().endswith(":")
    if gap.count("\n\n") > (1 if ends_paragraph else 0):
        return None
    probability = cues.introduces(verb, passage)
    return (verb, probability) if probability is not None else None


def _attribution_end(span: DocSpan) -> int:
    """Where a quote's attribution may end: its sentence, or the next one when the quote closes its own."""
    sentence = span[-1].sent
    if sentence.end - span.end <= 1 and sentence.end < len(span.doc):
        return span.doc[sentence.end].sent.end
    return sentence.end


def _same_paragraph(text: str, index: int, passage: QuotedSpan) -> bool:
    low, high = sorted((index, passage.outer_start if index < passage.outer_start else passage.outer_end))
    return "\n\n" not in text[low:high]


def _outside(token: Token | None, passage: QuotedSpan) -> Token | None:
    if token is None or passage.outer_start <= token.idx < passage.outer_end:
        return None
    return token


def _name_after_dash(context: DocContext, passage: QuotedSpan) -> tuple[Token, tuple[int, int]] | None:
    """``"We will win" — Trump``, ``"…" ― Marisol Quintanar``: the name right after a dash that follows the
    quote (whether or not the NER took it), as its last word and its characters."""
    text = doc_text(context.doc)
    rest = text[passage.outer_end : passage.outer_end + 4].lstrip(" ,\xa0")
    if not rest.startswith(DASHES):
        return None
    end = min(len(text), passage.outer_end + 60)
    after = context.doc.char_span(passage.outer_end, end, alignment_mode="expand")
    name: list[Token] = []
    for token in after or []:
        if not name and (token.is_punct or (token.is_space and "\n" not in token.text)):
            continue  # the dash, a comma or a no-break space before the name
        if token.is_space or not _name_word(token):
            break  # the name ends at its line or at the first word that is not a name's
        name.append(token)
    while name and not name[-1].is_alpha:
        name.pop()
    if not name or not any(t.pos_ == "PROPN" or context.entity_of_token(t) for t in name):
        return None
    return name[-1], (name[0].idx, name[-1].idx + len(name[-1]))


def _name_word(token: Token) -> bool:
    """A word of a personal name: capitalised, or an initial (``N``, ``F.``)."""
    return (token.is_alpha and token.is_title) or (len(token.text) <= 2 and token.text[:1].isupper())


def _colon_speaker(
    context: DocContext, passage: QuotedSpan
) -> tuple[Token, Token, tuple[int, int] | None] | None:
    """``Trump's answer: "…"``: the colon that opens the quote and the actor heading the clause before it, or
    the label before it with the label's characters."""
    doc = context.doc
    before = doc.char_span(max(0, passage.outer_start - 3), passage.outer_start, alignment_mode="expand")
    colon = next((t for t in reversed(before or []) if not t.is_space), None)
    if colon is None or colon.text != ":":
        return None
    before = doc[colon.sent.start : colon.i]
    for token in reversed(before):
        if context.entity_of_token(token) is not None and token.dep_ in {"nsubj", "poss", "ROOT", "pobj"}:
            return colon, token, None
    label = _label_before(before)
    if label is None:
        return None
    return colon, label[-1], (label[0].idx, label[-1].idx + len(label[-1]))


def _label_before(before: DocSpan) -> list[Token] | None:
    """``Kasich: "…"``, ``Iowa pollster Ann Selzer: "…"``: a bare name or noun phrase labelling the quote,
    with no verb of its own (``The ad targets …:`` is a clause, not a label); a headline before a dash
    (``TURNOUT FELL - Michael McDonald: "…"``) is no part of it."""
    dashes = [t.i for t in before if t.text in DASHES]
    words = [t for t in before if not t.is_punct and not t.is_space and (not dashes or t.i > dashes[-1])]
    if not words or len(words) > LABEL_MAX_WORDS or any(t.pos_ in {"VERB", "AUX"} for t in words):
        return None
    return words if words[-1].pos_ in {"PROPN", "NOUN"} else None


def _join_interrupted(attributions: list[Attribution], text: str) -> list[Attribution]:
    """``"A," she said. "B."`` is one quote interrupted by its attribution, as PARC and PolNeAR mark it."""
    joined: list[Attribution] = []
    for attribution in attributions:
        previous = joined[-1] if joined else None
        if previous is not None and _interrupts(previous, attribution, text):
            if previous.speaker is not None and previous.speaker_range is None:
                # the phrase is read while the content is still one part: joined, it spans the speaker too
                speaker = previous.speaker
                previous.speaker_range = _speaker_range(speaker, _referent(speaker), previous)
            previous.end = attribution.end
            continue
        joined.append(attribution)
    return joined


def _interrupts(previous: Attribution, attribution: Attribution, text: str) -> bool:
    if previous.kind != "direct" or attribution.kind != "direct" or previous.cue is None:
        return False
    between = text[previous.end : attribution.start]
    cue_between = previous.end <= previous.cue.start_char < attribution.start
    if "\n\n" in between or (len(between.split()) > INTERRUPTION_MAX_WORDS and not cue_between):
        return False  # a long interruption may be the attribution itself (``said X, a lawyer who …``)
    same_cue = attribution.cue is not None and attribution.cue.start == previous.cue.start
    return same_cue or attribution.how == "none"


def _continue_speakers(attributions: list[Attribution], text: str) -> None:
    """A quote paragraph with no cue continues the quote just before it, so it keeps that speaker and the cue
    that attributes both (the one relation PolNeAR and PARC mark); within a line the last quotation goes on
    past any report between (``"It's finished," she said of the election, which she was sure … "In my head,
    anyway."``)."""
    previous: Attribution | None = None
    quoted: Attribution | None = None
    for attribution in attributions:
        if attribution.how == "none" and previous is not None and _continues(previous, attribution, text):
            same_line = quoted is not None and "\n" not in text[quoted.end : attribution.start]
            lender = quoted if same_line else previous
            attribution.how = "continued"
            attribution.speaker = lender.speaker
            attribution.speaker_range = lender.speaker_range
            attribution.cue = lender.cue
        if attribution.speaker is not None and _sure(attribution):
            previous = attribution
            if attribution.kind != "indirect":
                quoted = attribution


def _sure(attribution: Attribution) -> bool:
    """Whether a report is sure enough to lend its speaker to the quote after it."""
    return attribution.probability is None or attribution.probability >= LENDING_PROBABILITY


def _continues(previous: Attribution, attribution: Attribution, text: str) -> bool:
    """The quote follows the previous one in its paragraph, or opens the next paragraph."""
    if attribution.kind != "direct":
        return False
    breaks = text[previous.end : attribution.start].count("\n\n")
    if breaks == 0:
        return True
    paragraph_start = text.rfind("\n\n", 0, attribution.start) + 2
    opens_paragraph = text[paragraph_start : attribution.start].strip(" \n" + QUOTE_MARKS) == ""
    return opens_paragraph and breaks == 1


def _nested(attribution: Attribution, attributions: list[Attribution]) -> bool:
    """A report inside another's content is that source's account, not the article's: ``According to police,
    officers ordered him to get out``. Only a full speech clause inside keeps its own standing (``Aides said
    that Trump claimed that …``); objects, infinitives and prepositions inside are part of the outer claim."""
    cue = attribution.cue
    if cue is None or attribution.kind != "indirect" or attribution.frame == "clause":
        return False
    return any(
        other is not attribution and other.start <= cue.start_char < other.end for other in attributions
    )


def _keep(attribution: Attribution, text: str) -> bool:
    """A cue-less quote of a few words is more likely a title or a slogan than someone's words."""
    if attribution.how != "none":
        return True
    return len(text[attribution.start : attribution.end].split()) >= UNATTRIBUTED_MIN_WORDS


def _to_quote(context: DocContext, attribution: Attribution, number: int) -> Quote:
    text = doc_text(context.doc)
    speaker_span, entity_id, name = _speaker(context, attribution)
    cue = attribution.cue
    return Quote(
        id=f"q{number}",
        kind=attribution.kind,
        text=text[attribution.start : attribution.end],
        start=attribution.start,
        end=attribution.end,
        cue=Span(cue.start_char, cue.end_char, cue.text) if cue is not None else None,
        speaker=entity_id,
        speaker_text=speaker_span,
        speaker_name=name,
        confidence=_confidence(attribution, entity_id),
    )


def _speaker(context: DocContext, attribution: Attribution) -> tuple[Span | None, str | None, str | None]:
    """The speaker phrase, its canonical actor id and name; a relative ``who`` or ``that`` is the phrase
    (where its clause names the speaker, as PARC and PolNeAR mark it) and its antecedent gives the name."""
    token = attribution.speaker
    if token is None:
        return None, None, None
    text = doc_text(context.doc)
    referent = _referent(token)
    start, end = attribution.speaker_range or _speaker_range(token, referent, attribution)
    attribution.speaker_range = (start, end)
    label = text[start:end]
    transcript_label = attribution.how == "colon" and label.isupper()  # ``PENCE:`` names a person by surname
    entity_id = (
        (context.person_named(label) if transcript_label else None)
        or _described_actor(context, referent)
        or _actor_speaking(context, referent)
    )
    entity = context.entity(entity_id) if entity_id else None
    if entity is not None:
        name = entity.name
    elif referent is not token:
        name = _antecedent_text(referent, token)
    else:
        name = text[start:end]
    return Span(start, end, text[start:end]), entity_id, name


def _referent(speaker: Token) -> Token:
    """A relative ``who`` or ``that`` stands for its antecedent; any other speaker for itself."""
    if speaker.lower_ in RELATIVE_PRONOUNS and speaker.head.dep_ == "relcl":
        return speaker.head.head
    return speaker


def _described_actor(context: DocContext, head: Token) -> str | None:
    """The actor a description of a speaker names: ``Indonesia's education minister, Nadiem Makarim,`` and
    ``social worker and activist Ryan Febrianto`` speak as the person in apposition (or in a conjunct the
    parser split off), ``the Ghazni provincial head for the Red Cross`` for the organisation it serves — not
    as the place that modifies the description."""
    if head.pos_ != "NOUN" or context.entity_of_token(head) is not None:
        return None
    for child in head.children:
        if child.dep_ not in {"appos", "conj"}:
            continue
        entity_id = context.entity_of_token(child)
        entity = context.entity(entity_id) if entity_id else None
        if entity is not None and entity.type == "PERSON":
            return entity_id
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in SERVED_PREPOSITIONS:
            served = next((g for g in child.children if g.dep_ == "pobj"), None)
            entity_id = context.entity_for(served) if served is not None else None
            entity = context.entity(entity_id) if entity_id else None
            if entity is not None and entity.type in {"ORG", "NORP", "GPE"}:
                return entity_id
    return None


def _actor_speaking(context: DocContext, head: Token) -> str | None:
    """The actor the speaker phrase names; a phrase that only mentions one in a modifier speaks for it when
    its head is a title or a body that speaks for others (``a JetBlue spokesman``, ``Russian authorities``),
    not when it is anyone else (``a JetBlue pilot``, ``Russian voters``: no actor). Only the words up to the
    head count: what follows it describes the speaker (``leaders, worried about Clinton's chances,``), and a
    body it serves is read by ``_described_actor``."""
    entity_id = context.entity_for(head.doc[head.left_edge.i : head.i + 1])
    if entity_id is None or head.pos_ not in ("NOUN", "PROPN") or context.entity_of_token(head) is not None:
        return entity_id
    if head.pos_ == "PROPN":
        return None  # ``The Print, an Indian online publication``: a name of its own, not India
    return entity_id if head.lemma_.lower() in roles.voice_nouns() else None


def _speaker_range(token: Token, referent: Token, attribution: Attribution) -> tuple[int, int]:
    """The speaker's phrase, kept clear of the quotation and of the cue's own clause."""
    excluded = (attribution.start, attribution.end)
    cue = attribution.cue
    if cue is not None and token.i < cue.start and cue.root.head.i == token.i:
        clause_start = cue.root.left_edge.idx if cue.root.left_edge.i > token.i else cue.start_char
        excluded = (clause_start, max(cue.end_char, attribution.end))  # ``Democrats wondering whether …``
    return phrase_of(token, excluded)


def _antecedent_text(referent: Token, pronoun: Token) -> str:
    """``the senator who said``: the antecedent's phrase up to the relative pronoun."""
    first = min(t.i for t in referent.subtree)
    doc = referent.doc
    return doc[first : pronoun.i].text.rstrip(" ,") or referent.text


def _confidence(attribution: Attribution, entity_id: str | None) -> float:
    """The scorer's probability where it judged the cue (the rule's prior otherwise), lower for a speaker
    that is no known actor, at most the ``none`` prior without a speaker."""
    judged = attribution.probability
    base = min(judged, MAX_CONFIDENCE) if judged is not None else CONFIDENCE[attribution.how]
    if attribution.speaker is None:
        return round(min(base, CONFIDENCE["none"]), 2)
    return round(base if entity_id is not None else base - 0.1, 2)
