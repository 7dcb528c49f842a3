"""Reported speech found through the parse: a reporting verb or noun, what it reports, and who reports it.

Each finder reads one construction off spaCy's dependency parse and returns ``Report``s whose content is a
character range; none of them parses again.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy import symbols as spacy_symbols
from spacy.attrs import LOWER, POS
from spacy.tokens import Doc, Span, Token

from storyline.config import package_data
from storyline.nlp.context import doc_text
from storyline.nlp.quotes_lexicon import ReportingLexicon

FRAME_DEPS = (("clause", "ccomp"), ("infinitive", "xcomp"), ("object", "dobj"))
FRAME_ORDER = {frame: order for order, (frame, _) in enumerate(FRAME_DEPS)}
NOUN_CONTENT_DEPS = {"acl", "ccomp", "relcl", "appos"}
PREPOSITION_OBJECTS = {"pobj", "pcomp"}
OWN_CONTENT_DEPS = {"dobj", "xcomp", "ccomp", "attr", "acomp"}
RAISING_DEPS = {"advcl", "xcomp", "conj", "pcomp", "relcl", "acomp"}
SUBJECT_DEPS = {"nsubj", "csubj"}
DUMMY_SUBJECT_VERBS = {"appear", "seem", "be"}
CONTENT_PROFORMS = {"yes", "no", "same"}
PROFORM_DEPS = {"intj", "npadvmod", "dobj", "advmod", "acomp", "attr"}
ADDRESSEE_VERBS = {"tell", "assure", "inform", "remind", "warn", "advise", "brief", "promise"}
RAISING_VERBS = {"appear", "seem", "prove", "tend", "happen"}
SPEAKER_PHRASE_MAX_TOKENS = 20
SOURCE_PHRASE_MAX_WORDS = 4  # ``according to show insiders``: a short name, not a clause
MAX_CLIMB = 5  # ``refuses to release his records or explain how …``: conj, xcomp, conj up to the subject
FINITE_TAGS = {"VBD", "VBZ", "VBP"}
NOMINALS = {"NOUN", "PROPN", "PRON"}
OBJECT_PREDICATE_DEPS = {"oprd", "dobj"}
OBJECT_PREDICATE_PREPOSITIONS = {"as", "for", "of", "about"}
NAME_ENTITY_TYPES = {"PERSON", "ORG", "NORP", "GPE"}
TIME_ENTITY_TYPES = {"DATE", "TIME"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom", "whose"}
EDGE_PUNCT = " \t\n\xa0,;:—–―-"


@dataclass(slots=True)
class Report:
    """One reporting construction: the cue tokens, the content's characters, the speaker's head token."""

    cue: Span
    content: tuple[int, int] | None
    speaker: Token | None
    frame: str = "clause"
    neighbours: int = 0
    """Other candidate constructions in the cue's sentence (set by ``quotes.reporting_constructions``)."""
    inside_other: bool = False
    """The cue lies in another candidate's content (``said that X claimed …``)."""
    holds_other: bool = False
    """The content holds another candidate's cue."""


def find_reports(doc: Doc, lexicon: ReportingLexicon) -> list[Report]:
    nouns = list(_noun_reports(doc, lexicon))
    verbs = [r for r in _verb_reports(doc, lexicon) if not _holds_noun_cue(r, nouns)]
    others = [*_adjective_reports(doc, lexicon), *_according_to_reports(doc), *_source_phrase_reports(doc)]
    return sorted([*verbs, *nouns, *others], key=lambda r: r.cue.start)


def _holds_noun_cue(report: Report, nouns: list[Report]) -> bool:
    """``officials detected signs that …``: the noun reports the clause; the verb's object adds nothing."""
    if report.frame == "clause" or report.content is None:
        return False
    start, end = report.content
    return any(start <= noun.cue.start_char < end for noun in nouns if noun.frame == "noun:clause")


def is_cue_verb(token: Token, lexicon: ReportingLexicon, frame: str = "clause") -> bool:
    return token.pos_ == "VERB" and lexicon.allows(token.lemma_.lower(), frame)


def cue_span(token: Token) -> Span:
    """The cue verb with its particle (``pointed out``)."""
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return token.doc[token.i : end]


def speaker_of(cue: Token) -> Token | None:
    """The subject of the cue, the agent of a passive cue, or the subject it shares with its governor; no
    one for an empty ``it`` (``it appeared that …``, ``it's worth noting that …``)."""
    speaker = _subject_of(cue)
    return None if speaker is not None and _is_dummy_it(speaker) else speaker


def _is_dummy_it(token: Token) -> bool:
    return token.lower_ == "it" and (token.dep_ == "expl" or token.head.lemma_ in DUMMY_SUBJECT_VERBS)


def _subject_of(cue: Token) -> Token | None:
    if (inverted := _inverted_subject(cue)) is not None:
        return inverted
    if (
        named := _name_just_before(cue) or _named_after_quotation(cue) or _name_before_aside(cue)
    ) is not None:
        return named
    token: Token | None = cue
    for _ in range(MAX_CLIMB):
        if token is None:
            return None
        if (found := _own_speaker(token) or _free_adjunct_subject(token)) is not None:
            return found
        if token.i == cue.i and _is_passive(cue):
            return None  # ``Asked about the loan, Trump said …``: Trump was asked; who asked goes unnamed
        if token.dep_ == "acl":
            return _speaker_of_noun(token.head)
        # ``had nothing bad to say about``: the one who has something to say says it
        if token.dep_ == "relcl" and _is_infinitive(token) and token.head.dep_ == "dobj":
            return _own_speaker(token.head.head)
        if token.dep_ == "pcomp" and token.head.dep_ in ("prep", "conj") and token.head.pos_ == "ADP":
            preposition = token.head
            token = _adjunct_governor(preposition)  # ``after saying …``, ``stopped short of calling …``
            if token is not None and (
                controller := _one_blamed(token, preposition) or _passive_controller(token)
            ):
                return controller
            continue
        if (reporter := _reporter_joined(token, reports=token.i == cue.i)) is not None:
            token = reporter
            continue
        if _follows_reported_clause(token):
            token = token.head.head  # ``X said (that) …, adding that …``: X adds, not the reported clause
            continue
        if (
            token.dep_ not in RAISING_DEPS and not _joined_without_conjunction(token)
        ) or token.head.i == token.i:
            return None
        if (controller := _object_controller(token) or _passive_partner(token)) is not None:
            return controller
        token = token.head if token.dep_ != "relcl" else None
    return None


def _joined_without_conjunction(verb: Token) -> bool:
    """``Clinton paused, then revealed why …``: a subjectless finite verb the parser left unlabelled after an
    earlier verb continues that verb's sentence."""
    return (
        verb.dep_ == "dep" and verb.tag_ in FINITE_TAGS and verb.head.pos_ == "VERB" and verb.head.i < verb.i
    )


def _passive_partner(verb: Token) -> Token | None:
    """``Trump was forced into damage control and said …``: an active verb joined to a passive one shares its
    subject, which speaks for the active verb."""
    if verb.dep_ != "conj" or verb.tag_ not in FINITE_TAGS:
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubjpass" and c.pos_ in NOMINALS), None)


def _verb_above(token: Token) -> Token | None:
    """The verb a phrase hangs on, through any adverb or adjective between (``aside from``, ``short of``)."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def _adjunct_governor(preposition: Token) -> Token | None:
    """The verb a prepositional phrase qualifies: the main clause for one that opens the sentence (``After
    saying …, she was …``), which parsers often hang on a verb inside a quotation in between."""
    opening = all(t.is_punct or t.is_space for t in preposition.doc[preposition.sent.start : preposition.i])
    root = preposition.sent.root
    if opening and root.pos_ in ("VERB", "AUX", "ADJ") and root.i > preposition.i:
        return root
    return _verb_above(preposition)


def _passive_controller(verb: Token) -> Token | None:
    """``After saying …, she was rushed to hospital``: a passive main clause's subject is who the adjunct's
    participle is about, though it is no speaker of the passive verb itself."""
    if _own_speaker(verb) is not None:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ in NOMINALS), None)


def _one_blamed(verb: Token, preposition: Token) -> Token | None:
    """``criticised Obama for saying …``, ``he was praised for saying …``: the one judged for words said
    them, not the judge."""
    if preposition.lower_ != "for" or preposition.head.i != verb.i:
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in NOMINALS), None)


def _free_adjunct_subject(cue: Token) -> Token | None:
    """``…," Sanders said, suggesting a few questions``: a participle right after a finite verb and its comma
    has that verb's subject, wherever the parser hung it (often inside a quotation that follows)."""
    if cue.tag_ != "VBG" or cue.i < 2 or any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        return None
    comma, verb = cue.doc[cue.i - 1], cue.doc[cue.i - 2]
    if comma.text != "," or verb.tag_ not in FINITE_TAGS:
        return None
    return _own_speaker(verb)


def _is_passive(cue: Token) -> bool:
    """A passive cue (``is expected to``, ``a community known to be``, ``Asked whether he would run, …``):
    its subject, the noun it describes or the clause's subject beside it is the one it was done to, so
    without an agent it has no speaker. PolNeAR's train articles give such reports no source 523 times and
    one 201 times, often someone else's (``seen as … by about a quarter of voters``) or a feeling's holder
    (``convinced that …``; keeping those as speakers was no better on train)."""
    children = {c.dep_ for c in cue.children}
    if children & {"auxpass", "nsubjpass"}:
        return True
    return cue.tag_ == "VBN" and cue.dep_ in ("advcl", "acl") and not children & (SUBJECT_DEPS | {"aux"})


def _object_controller(clause: Token) -> Token | None:
    """``left many nations feeling that …``, ``urged voters to say …``: the object before a complement clause
    is who that clause is about, not the subject of the verb above."""
    if clause.dep_ != "xcomp":
        return None
    return next(
        (c for c in clause.head.children if c.dep_ == "dobj" and c.i < clause.i and _may_speak(c)), None
    )


def _may_speak(noun: Token) -> bool:
    """A name, a pronoun or a plural of people (``nations``, ``voters``), not a thing used (``language``)."""
    return noun.pos_ in ("PRON", "PROPN") or noun.ent_type_ in NAME_ENTITY_TYPES or noun.tag_ == "NNS"


def _reporter_joined(verb: Token, reports: bool = False) -> Token | None:
    """``said he would order a review and warned against hackers``, ``said he'd battled pneumonia and called
    it common``: a subjectless finite verb the parser coordinated with the reported clause, in the tense of
    the reporting verb and not of the clause, or joined to a reported infinitive, is the reporter's next act;
    so is one that ``reports`` itself, whatever its tense (``tweeted that she was "a con" and encouraged
    Americans to …``: PolNeAR's train articles give such a verb to the reporter 32 times, to the clause's
    subject once). The reporting verb, or None."""
    if (
        verb.dep_ != "conj"
        or verb.tag_ not in FINITE_TAGS
        or any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    ):
        return None
    clause, reporter = verb.head, verb.head.head
    # ``called on police to release the videos and called on people to …``: a finite verb joins no infinitive
    if clause.dep_ == "xcomp" and _is_infinitive(clause) and reporter.i < clause.i:
        return reporter
    if clause.dep_ != "ccomp" or reporter.i > clause.i or (reporter.tag_ != verb.tag_ and not reports):
        return None
    # ``didn't support or flatly contradicted`` keeps its tense in ``did``: one predicate in two verbs
    auxiliaries = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lemma_ == "do" for a in auxiliaries) or any(
        c.dep_ == "cc" and c.lower_ != "and" for c in clause.children
    ):
        return None
    return reporter if reports or clause.tag_ != verb.tag_ or auxiliaries else None


def _follows_reported_clause(participle: Token) -> bool:
    """A participle hanging off a clause that a verb before it reports (``said he …, arguing``)."""
    clause = participle.head
    is_participle = participle.dep_ == "advcl" and participle.tag_ == "VBG"
    return is_participle and clause.dep_ == "ccomp" and clause.head.i < clause.i


def _name_just_before(cue: Token) -> Token | None:
    """``In a Bloomberg interview Trump declared …``: with no comma after an opening phrase the parser buries
    the name in it and leaves the finite cue without a subject; the name just before the cue speaks."""
    if cue.i == 0 or cue.tag_ not in FINITE_TAGS or any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        return None
    before = cue.doc[cue.i - 1]
    if before.dep_ in SUBJECT_DEPS or before.pos_ not in ("PROPN", "NOUN"):
        return None
    # the tagger may take a name it meets only here for a common noun: a capital mid-sentence names it
    capitalised = before.is_title and before.i > before.sent.start
    return before if before.ent_type_ in NAME_ENTITY_TYPES or capitalised else None


def _named_after_quotation(cue: Token) -> Token | None:
    """``"…," Flynn, a top Trump surrogate, said Thursday``: the parser may fold the speaker's phrase into the
    quotation before it and give the cue a subject from inside the quotation, or none; a name opening the
    words between the closing mark and the cue speaks, when those words hold no verb."""
    if cue.tag_ not in FINITE_TAGS:
        return None
    doc = cue.doc
    for i in range(cue.i - 1, max(-1, cue.i - SPEAKER_PHRASE_MAX_TOKENS), -1):
        if not doc[i].is_quote or _is_possessive_mark(doc[i]):
            continue
        between = [t for t in doc[i + 1 : cue.i] if not t.is_punct]
        subject_outside = any(c.dep_ in SUBJECT_DEPS and i < c.i for c in cue.children)
        if not between or subject_outside or any(t.pos_ in ("VERB", "AUX") for t in between):
            return None
        first = between[0]
        if not (first.pos_ == "PROPN" and first.ent_type_ in NAME_ENTITY_TYPES):
            return None
        if first.i + 1 < len(doc) and _is_possessive_mark(doc[first.i + 1]):
            # ``Scott's niece``, ``Guterres’ spokesman``: the one possessed speaks
            return next((t for t in between if t.i > first.i + 1 and t.pos_ in ("NOUN", "PROPN")), None)
        return first
    return None


def _is_possessive_mark(token: Token) -> bool:
    """``Guterres’ spokesman``: a mark glued to a word ending in s and followed by a space is its possessive,
    whatever the tagger made of it."""
    if token.tag_ == "POS":
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (
        token.text in ("’", "'")
        and before is not None
        and before.is_alpha
        and before.lower_.endswith("s")
        and not before.whitespace_
        and bool(token.whitespace_)
    )


def _inverted_subject(cue: Token) -> Token | None:
    """``"…," added a party official``: after a quotation the parser often takes the speaker for an object."""
    if (
        any(child.dep_ in SUBJECT_DEPS for child in cue.children)
        or cue.i == 0
        or not cue.doc[cue.i - 1].is_quote
    ):
        return None
    return next((c for c in cue.rights if c.dep_ in {"dobj", "attr"} and c.pos_ in {"PROPN", "NOUN"}), None)


def _name_before_aside(cue: Token) -> Token | None:
    """``Ted Cruz, when asked what is wrong, responded that …``, ``Jeffrey Salkin, a rabbi helping to organize
    the boycott, said …``: the parser may hang the opening name on a verb inside the aside and leave the cue
    after it without a subject; the name that opens the sentence, set off by a comma, is that subject."""
    doc = cue.doc
    if cue.tag_ not in FINITE_TAGS or cue.i < 3 or doc[cue.i - 1].text != ",":
        return None
    if any(c.dep_ in SUBJECT_DEPS | {"nsubjpass"} for c in cue.children):
        return None
    name = []
    for token in doc[cue.sent.start : cue.i]:
        if token.text == ",":
            break
        name.append(token)
    if not name or len(name) == cue.i - cue.sent.start:
        return None
    last = name[-1]
    named = last.pos_ == "PROPN" and last.ent_type_ in NAME_ENTITY_TYPES
    return last if named and all(t.pos_ == "PROPN" or t.is_punct for t in name) else None


def _speaker_of_noun(noun: Token) -> Token | None:
    """``a lawsuit alleging …`` → the lawsuit; ``X released a statement saying …`` → X; ``…, each touting
    …``, ``those saying …`` → the pronoun."""
    if noun.pos_ == "PRON":
        return noun
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    if noun.pos_ == "PROPN" or noun.ent_type_ in NAME_ENTITY_TYPES:
        return noun  # ``has skittish Democrats contemplating …``: the ones named are the ones thinking
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return _own_speaker(noun.head)
    if noun.dep_ == "attr":
        return _own_speaker(noun.head)  # ``Grijalva was the first Democrat to endorse Sanders``
    return noun


def _own_speaker(token: Token) -> Token | None:
    """The subject nearest the verb: a quotation before ``Trump said`` is sometimes given a subject too."""
    # ``they don’t want``: a subject the parser hung on the auxiliary is the verb's
    auxiliaries = [c for c in token.children if c.dep_ == "aux"]
    subjects = [c for t in (token, *auxiliaries) for c in t.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        return min(subjects, key=lambda s: abs(s.i - token.i))
    if token.pos_ == "VERB" and (misread := _compound_before(token)) is not None:
        return misread
    for child in token.children:
        if child.is_punct or child.is_space:
            continue
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
        if child.dep_ == "nsubjpass" and (token.lemma_ == "quote" or _has_contracted(token, child)):
            return child
    return None


def _has_contracted(verb: Token, subject: Token) -> bool:
    """``He's said he gets his ideas …``: a participle after a contracted ``'s`` with a clause of its own is
    ``has said``, however the parser read it; its subject speaks (``it's said that`` stays empty)."""
    contracted = any(c.dep_ == "auxpass" and c.lower_ in {"'s", "’s"} for c in verb.children)
    clause = any(c.dep_ == "ccomp" for c in verb.children)
    return contracted and clause and subject.lower_ != "it"


def _compound_before(verb: Token) -> Token | None:
    """``The nearly 90-second ad slams Kasich``: the tagger read ``ad slams`` as one noun and left the verb
    without a subject; the noun it hung on the verb as a compound is that subject."""
    compounds = [c for c in verb.lefts if c.dep_ == "compound" and c.pos_ in NOMINALS]
    return compounds[-1] if compounds else None


def phrase_of(head: Token, exclude: tuple[int, int] | None = None) -> tuple[int, int]:
    """Character range of the noun phrase headed by ``head`` inside its sentence and paragraph, cut before any
    excluded range (a quote)."""
    low, high = paragraph_of(doc_text(head.doc), head.idx)
    sentence = head.sent
    subtree = list(head.subtree)
    aside = {t.i for root in subtree if _is_aside(root, head) for t in root.subtree}
    tokens = [
        t
        for t in subtree
        if t.i not in aside and sentence.start <= t.i < sentence.end and low <= t.idx < high
    ]
    tokens = [t for t in tokens if t.dep_ != "punct" or head.i < t.i < tokens[-1].i or _kept_mark(t, tokens)]
    if exclude is not None:
        tokens = [t for t in tokens if not (exclude[0] <= t.idx < exclude[1])]
    tokens = _contiguous_around(tokens, head)
    text = doc_text(head.doc)
    start, end = trim(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
    lead = text[start : next((i for i in range(start, end) if text[i].isalnum()), end)]
    if ">" in lead:  # a tag's remains glued to the name (``">Sanders``) in text taken from markup
        start += lead.rindex(">") + 1
    return start, end


def _kept_mark(token: Token, phrase: list[Token]) -> bool:
    """The hyphen of ``Jakarta-based`` (a word glued on either side), the possessive mark the parser took for
    punctuation (``Guterres’ spokesman``) and the bracket that closes one the phrase opens (``Sen. David
    Perdue (R-Ga.)``) belong to the phrase."""
    doc = token.doc
    if 0 < token.i < len(doc) - 1 and not doc[token.i - 1].whitespace_ and not token.whitespace_:
        return True
    if _is_possessive_mark(token):
        return True
    return token.text == ")" and any(t.text == "(" and t.i < token.i for t in phrase)


def _is_aside(token: Token, head: Token) -> bool:
    """Whether ``token`` roots an aside of the phrase headed by ``head``: a participle or relative clause set
    off by a comma or dash (``Trump, speaking from the Oval Office,``, ``Mr. Obama, who understood …``), or
    a day hung on one of its nouns. PARC-style sources keep appositions and restrictive modifiers (``a poll
    released last week``) but not such asides."""
    if token.i == head.i:
        return False
    return (token.head.i == head.i and _is_aside_clause(token)) or _is_time_adjunct(token)


def _is_time_adjunct(token: Token) -> bool:
    """``The leader of the insurgency on Sunday``, ``… insurgency Sunday``: a day the parser hung on a noun of
    the speaker's phrase belongs to the verb (``a poll released last week`` and ``an aide in 2012`` keep
    theirs: a verb's date, a year that dates the role)."""
    if token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.dep_ == "npadvmod":
        return _names_a_day(token)
    objects = [c for c in token.children if c.dep_ == "pobj"]
    return token.dep_ == "prep" and bool(objects) and all(_names_a_day(o) for o in objects)


def _names_a_day(token: Token) -> bool:
    return token.ent_type_ in TIME_ENTITY_TYPES and not token.text.isdigit()


def _is_aside_clause(clause: Token) -> bool:
    participle = clause.dep_ in {"acl", "advcl"} and clause.tag_ in {"VBG", "VBN"}
    if not (participle or clause.dep_ == "relcl"):
        return False
    first = min(t.i for t in clause.subtree)
    return first > 0 and clause.doc[first - 1].text in {",", "—", "–", "―", "--", "("}


def _last_index(head: Token) -> int:
    return max(t.i for t in head.subtree)


def _contiguous_around(tokens: list[Token], head: Token) -> list[Token]:
    kept = [head]
    by_index = {t.i: t for t in tokens}
    i = head.i - 1
    while i in by_index:
        kept.insert(0, by_index[i])
        i -= 1
    i = head.i + 1
    while i in by_index:
        kept.append(by_index[i])
        i += 1
    return kept


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A range without the spaces and clause punctuation at its edges."""
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT + ".":
        end -= 1
    return start, end


def subtree_range(token: Token, cue: Token, without: Token | None = None) -> tuple[int, int] | None:
    """The characters of a clause, inside the cue's sentence and paragraph (parses reach past them)."""
    within = cue.sent
    low, high = paragraph_of(doc_text(token.doc), cue.idx)
    tokens = [t for t in token.subtree if within.start <= t.i < within.end and low <= t.idx < high]
    if without is not None:
        tokens = [t for t in tokens if not _within(t, without)]
    if not tokens:
        return None
    start, end = trim(doc_text(token.doc), tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
    return (start, end) if end > start else None


def paragraph_of(text: str, index: int) -> tuple[int, int]:
    """The character range of the paragraph (blank-line separated) holding ``index``."""
    start = text.rfind("\n\n", 0, index)
    end = text.find("\n\n", index)
    return (0 if start < 0 else start + 2), (len(text) if end < 0 else end)


def _within(token: Token, ancestor: Token) -> bool:
    return token.i == ancestor.i or ancestor in token.ancestors


def _verb_reports(doc: Doc, lexicon: ReportingLexicon) -> Iterator[Report]:
    for token in tokens_of(doc, POS, "VERB"):
        if not lexicon.may_report(token.lemma_.lower()):
            continue
        found = _content_of(token, lexicon)
        # ``…, Carter told a Senate panel``: an object who heard it leaves the clause before as what was told
        heard_by = found is not None and found[0] == "object" and _is_addressee(found[1], token)
        if (found is None or heard_by) and is_cue_verb(token, lexicon) and _is_reporting_clause(token):
            yield _reporting_clause(token)
            continue
        if found is not None:
            frame, content = found
            cue, marker = cue_span(token), None
            if frame == "prep":
                preposition = _preposition_before(content)
                cue = token.doc[token.i : preposition.i + 1]
                marker = preposition if preposition.dep_ == "mark" else None
            content_range = subtree_range(content, token, without=marker)
            if frame != "prep" and content.pos_ in NOMINALS:
                content_range = _with_predicate(content_range, content, token)
            if frame == "clause" and content.i < token.i:
                content_range = _with_clauses_before(content_range, token)
            content_range = _before_next_report(content_range, content, token, lexicon)
            speaker = None if _raises_subject(token, frame) else speaker_of(token)
            yield Report(cue, _before_folded_speaker(content_range, speaker), speaker, frame)


def _raises_subject(verb: Token, frame: str) -> bool:
    """``Voters appear to be moving behind Trump``: the subject of a raising verb belongs to the infinitive,
    and the appearance is the writer's (PolNeAR's train articles give such a report no source 113 times, its
    subject 34)."""
    return frame == "infinitive" and verb.lemma_.lower() in RAISING_VERBS


def _with_clauses_before(content: tuple[int, int] | None, verb: Token) -> tuple[int, int] | None:
    """``The program is hardly formal, but it has attracted a loyal following, said Ms. Gil``: every clause
    the parser hung on the verb before it is what it reports (PolNeAR's train articles mark all of them 72
    times of 79)."""
    ranges = [r for c in verb.lefts if c.dep_ == "ccomp" and (r := subtree_range(c, verb)) is not None]
    if content is None or not ranges:
        return content
    return (min(content[0], *(r[0] for r in ranges)), max(content[1], *(r[1] for r in ranges)))


def _before_next_report(
    content: tuple[int, int] | None, head: Token, cue: Token, lexicon: ReportingLexicon
) -> tuple[int, int] | None:
    """``said geopolitical factors have contributed …, citing the strategic importance …``, ``said fathers
    would not be eligible, and when pressed, the mother of three replied, …``: a clause after a comma that is
    a report of its own (a subjectless participle, or a coordinated clause with its own subject) is the
    speaker's next statement, however the parser hung it, not the end of this one; so is a verb joined to
    the content that ``_reporter_joined`` gives back to the cue (``said he would order a review and warned
    …``)."""
    if content is None:
        return None
    for token in head.subtree:
        if not content[0] < token.idx < content[1]:
            continue
        reports = token.lemma_.lower() in lexicon.verbs
        if _opens_own_report(token, lexicon) or _same_token(_reporter_joined(token, reports), cue):
            first = token.left_edge
            while first.i > head.i and (first.nbor(-1).text == "," or first.nbor(-1).dep_ == "cc"):
                first = first.nbor(-1)
            return _cut_before(content, first)
    return content


def _before_folded_speaker(content: tuple[int, int] | None, speaker: Token | None) -> tuple[int, int] | None:
    """``"…," Guterres’ spokesman, Stephane Dujarric, told reporters``: where the parser folded the speaker
    into the quotation, the content ends at the closing mark before the speaker."""
    if content is None or speaker is None or not content[0] <= speaker.idx < content[1]:
        return content
    doc = speaker.doc
    for i in range(speaker.i - 1, -1, -1):
        mark = doc[i]
        if mark.idx <= content[0]:
            break  # the content holds no closing mark before the speaker
        if mark.is_quote and not _is_possessive_mark(mark):
            return (content[0], mark.idx + len(mark))
    return content


def _same_token(token: Token | None, other: Token) -> bool:
    return token is not None and token.i == other.i


def _after(content: tuple[int, int], token: Token) -> tuple[int, int]:
    """The content starting after ``token``, edge punctuation trimmed; unchanged if nothing would be left."""
    start = trim(doc_text(token.doc), token.idx + len(token), content[1])[0]
    return (start, content[1]) if start < content[1] else content


def _cut_before(content: tuple[int, int], token: Token) -> tuple[int, int]:
    """The content ending before ``token``, edge punctuation trimmed; unchanged if nothing would be left."""
    end = trim(doc_text(token.doc), content[0], token.idx)[1]
    return (content[0], end) if end > content[0] else content


def _opens_own_report(token: Token, lexicon: ReportingLexicon) -> bool:
    if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.verbs or token.i < 2:
        return False
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    if token.tag_ == "VBG" and not subjects:
        return token.dep_ == "advcl" and token.nbor(-1).text == ","
    # ``… and that the footage shows …``, ``… and who approved …`` coordinate the content itself
    coordinated_content = any(c.dep_ == "mark" for c in token.children) or any(
        s.lower_ in RELATIVE_PRONOUNS or s.tag_ in {"WP", "WDT"} for s in subjects
    )
    return token.dep_ == "conj" and bool(subjects) and not coordinated_content


def _with_predicate(content: tuple[int, int] | None, head: Token, verb: Token) -> tuple[int, int] | None:
    """``called Trump a "liar"``, ``described Clinton as …``, ``blasted the media for being …``: what the
    cue says of its object belongs to the content, as PARC and PolNeAR mark it."""
    if content is None:
        return None
    predicates = [c for c in verb.rights if c.i > head.i and _is_object_predicate(c)]
    ends = [r[1] for c in predicates if (r := subtree_range(c, verb)) is not None]
    return (content[0], max([content[1], *ends]))


def _is_object_predicate(token: Token) -> bool:
    if token.dep_ in OBJECT_PREDICATE_DEPS:
        return True
    return token.dep_ == "prep" and token.lower_ in OBJECT_PREDICATE_PREPOSITIONS and _has_object(token)


def _content_of(verb: Token, lexicon: ReportingLexicon) -> tuple[str, Token] | None:
    """What a cue verb reports, in the first frame the lexicon allows it: a complement clause, an
    infinitive (``urged him to act``), an object (``denied the report``), a prepositional object
    (``called for a boycott``)."""
    lemma = verb.lemma_.lower()
    if lexicon.allows(lemma, "clause") and (lent := _clause_lent_to(verb)) is not None:
        return "clause", lent
    children = list(verb.children)
    lent_away = _clauses_lent_away(children, lexicon)
    found = [
        (frame, child)
        for frame, dep in FRAME_DEPS
        if lexicon.allows(lemma, frame)
        for child in children
        if (child.dep_ == dep or _fills_frame_otherwise(frame, child, verb)) and child.i not in lent_away
    ]
    if found:
        # a clause or infinitive after the verb is its content; one before it only when none follows (``…, he
        # said``), since parsers also hang an earlier sentence on the verb (``… is predictable - Trump has
        # vowed to bring back …``); an object counts after any clause
        return min(
            found, key=lambda f: (f[0] == "object" or f[1].i < verb.i, FRAME_ORDER[f[0]], f[1].i < verb.i)
        )
    if lexicon.allows(lemma, "clause") and (clause := _clause_in_adjunct(verb, lexicon)) is not None:
        return "clause", clause
    preposition = _reporting_preposition(verb, lexicon)
    if preposition is not None:
        return "prep", _object_of(preposition)
    return None


def _clause_in_adjunct(verb: Token, lexicon: ReportingLexicon) -> Token | None:
    """``said for the first time that …``, ``had said in an interview taped before the attacks that …``: the
    parser hangs a that-clause after an adjunct on the adjunct's last noun; a noun that is no cue of its own
    (``time``, ``attacks``) takes no such clause, so the verb reports it."""
    for adjunct in verb.rights:
        if adjunct.dep_ != "prep":
            continue
        for token in adjunct.subtree:
            opens_with_that = any(
                c.dep_ == "mark" and c.lower_ == "that" and c.i < token.i for c in token.children
            )
            if (
                token.dep_ in {"relcl", "acl"}
                and opens_with_that
                and token.head.lemma_.lower() not in lexicon.nouns
            ):
                return token
    return None


def _fills_frame_otherwise(frame: str, child: Token, verb: Token) -> bool:
    if frame == "clause":
        return _bare_clause_before(child, verb) or _unlabelled_clause_before(child, verb)
    if frame != "object":
        return False
    # ``said yes``, ``said the same of Sanders``: a word standing for what was said, however parsed
    if child.i > verb.i and child.lower_ in CONTENT_PROFORMS and child.dep_ in PROFORM_DEPS:
        return True
    # ``The bill is supported by 42 percent``: a passive's subject is what its agent reports
    return child.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in verb.children)


def _bare_clause_before(child: Token, verb: Token) -> bool:
    """``The middle fifth paid 8.9 percent, the agency said in a report, and …``: a clause with its own
    subject and no conjunction, set off by a comma before the verb, is what it reports, however parsed."""
    if child.dep_ != "advcl" or child.i > verb.i or child.right_edge.i + 1 >= verb.i:
        return False
    has_subject = any(c.dep_ in SUBJECT_DEPS for c in child.children)
    subordinated = any(c.dep_ in ("mark", "advmod") and c.i < child.i for c in child.children)
    return has_subject and not subordinated and child.doc[child.right_edge.i + 1].text == ","


def _unlabelled_clause_before(child: Token, verb: Token) -> bool:
    """``Those who do take on heavy debt struggle, even with a "good" job, he said``: the opening of the
    sentence, left unlabelled (``dep``) by the parser and set off by a comma before the verb's subject, is
    what it reports."""
    if child.dep_ != "dep" or child.i > verb.i or child.right_edge.i + 1 >= verb.i:
        return False
    opens = all(t.is_space or t.is_punct for t in verb.doc[verb.sent.start : child.left_edge.i])
    subject_after = any(c.dep_ in SUBJECT_DEPS and c.i > child.right_edge.i for c in verb.children)
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in child.subtree)
    return opens and subject_after and has_verb and child.doc[child.right_edge.i + 1].text == ","


def _clause_lent_to(participle: Token) -> Token | None:
    """``"A," Trump said, adding later, "B."``: parsers hang the second quotation on the verb before; the
    clause after a bare participle of that verb is the participle's content."""
    governor = participle.head
    if participle.dep_ != "advcl" or participle.tag_ != "VBG" or participle.i < governor.i:
        return None
    if any(c.dep_ in OWN_CONTENT_DEPS | SUBJECT_DEPS for c in participle.children):
        return None
    return next((c for c in governor.children if c.dep_ == "ccomp" and c.left_edge.i > participle.i), None)


def _clauses_lent_away(children: list[Token], lexicon: ReportingLexicon) -> set[int]:
    """Which clauses among a verb's children are the content of a reporting participle between them."""
    lent = (
        _clause_lent_to(child)
        for child in children
        if child.dep_ == "advcl" and lexicon.allows(child.lemma_.lower(), "clause")
    )
    return {clause.i for clause in lent if clause is not None}


def _reporting_preposition(verb: Token, lexicon: ReportingLexicon) -> Token | None:
    """The preposition next to the verb that the lexicon pairs with it (``call for``, ``warn against``), or
    one opening a clause with its own subject (``called for footage to be released``)."""
    for child in verb.rights:
        if _paired_preposition(verb, child, lexicon, "VERB"):
            return child
        mark = _clause_preposition(child)
        if (
            mark is not None
            and mark.i - verb.i <= 2
            and lexicon.allows(f"{verb.lemma_.lower()} {mark.lower_}", "prep")
        ):
            return mark
    return None


def _clause_preposition(clause: Token) -> Token | None:
    """The preposition a clause opens with, when the parser made it the clause's marker."""
    if clause.dep_ != "advcl":
        return None
    return next((c for c in clause.children if c.dep_ == "mark" and c.i < clause.i), None)


def _preposition_before(content: Token) -> Token:
    """The preposition that introduces a prepositional content: its head, or the clause's own marker."""
    return _clause_preposition(content) or content.head


def _has_object(preposition: Token) -> bool:
    return any(c.dep_ in PREPOSITION_OBJECTS for c in preposition.children)


def _is_reporting_clause(verb: Token) -> bool:
    """``…, officials said`` parsed as hanging off the clause it reports: after it (or inside it, as a
    parenthesis), set off by a comma, with a subject of its own (``…, remarking`` shares its subject); or
    before it, opened by ``as``."""
    inside = verb.dep_ == "parataxis"
    as_clause = _is_as_clause_before(verb)
    hung = inside or as_clause or _joined_to_clause_before(verb)
    if not hung and (verb.dep_ not in {"ccomp", "advcl"} or verb.i < verb.head.i):
        return False
    if not any(child.dep_ in SUBJECT_DEPS for child in verb.children):
        return False
    if any(child.dep_ in OWN_CONTENT_DEPS and not _is_addressee(child, verb) for child in verb.children):
        return False  # ``…, officials detected signs``: the verb has content of its own
    if as_clause:
        return True  # ``As the Times noted, Clinton raised …``: the clause it sits in is what it reports
    first = min(t.i for t in verb.subtree if not t.is_punct)
    return first > 0 and verb.doc[first - 1].is_punct


def _joined_to_clause_before(verb: Token) -> bool:
    """``This includes a special force …, Ash Carter told a Senate panel``: the parser joined the cue to the
    clause before it with no conjunction between them."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and head.i < verb.i
        and not any(c.dep_ in ("cc", "preconj") and head.i < c.i < verb.i for c in head.children)
    )


def _is_addressee(child: Token, verb: Token) -> bool:
    """``told a Senate panel``, ``assured voters``: the object of a verb of telling is who heard it."""
    return child.dep_ == "dobj" and verb.lemma_.lower() in ADDRESSEE_VERBS


def _is_as_clause_before(verb: Token) -> bool:
    return (
        verb.dep_ == "advcl"
        and verb.i < verb.head.i
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    )


def _reporting_clause(token: Token) -> Report:
    """``The talks failed, officials said``: the cue hangs off the clause it reports. Set in the middle and
    followed by a new clause (``It would take weeks, he said, and wrangling could …``), it reports the part
    before it."""
    content = subtree_range(token.head, token, without=token)
    if content is not None and _is_as_clause_before(token):
        content = _after(content, token.right_edge)  # ``But as Clyburn noted, those voters …``
    # the ``and`` that opens the next clause may hang on the cue
    own = [t for t in token.subtree if not (t.dep_ == "cc" and t.head.i == token.i)]
    after = token.doc[max(t.i for t in own) + 1 : token.sent.end]
    opens_clause = next((t for t in after if not t.is_punct), None)
    if content is not None and opens_clause is not None and opens_clause.dep_ == "cc":
        if token.head.i > token.i:  # hung on the clause after it: the clause before is the sentence's start
            content = (token.sent.start_char, content[1])
        content = _cut_before(content, token.left_edge)
    return Report(cue_span(token), content, speaker_of(token))


def _noun_reports(doc: Doc, lexicon: ReportingLexicon) -> Iterator[Report]:
    for token in tokens_of(doc, POS, "NOUN"):
        if (found := _noun_content(token, lexicon)) is None:
            continue
        frame, content, cue_end = found
        content_range = subtree_range(content, token)
        if frame == "clause" and (verb := _governing_cue_verb(token, lexicon)) is not None:
            yield Report(cue_span(verb), content_range, speaker_of(verb), "clause")
        else:
            yield Report(doc[token.i : cue_end], content_range, _noun_speaker(token), f"noun:{frame}")


def _noun_content(noun: Token, lexicon: ReportingLexicon) -> tuple[str, Token, int] | None:
    """What a cue noun reports: ``the claim that …``, ``a pledge to …``, ``criticism of …``; with the end of
    the cue (the preposition belongs to it)."""
    lemma = noun.lemma_.lower()
    for child in noun.rights:
        if (
            child.dep_ in NOUN_CONTENT_DEPS
            and _starts_with_that(child)
            and lexicon.allows(lemma, "clause", "NOUN")
        ):
            return "clause", child, noun.i + 1
        if child.dep_ == "acl" and _is_infinitive(child) and lexicon.allows(lemma, "infinitive", "NOUN"):
            return "infinitive", child, noun.i + 1
        if _paired_preposition(noun, child, lexicon, "NOUN"):
            return "prep", _object_of(child), child.i + 1
    return None


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i for c in verb.children)


def _paired_preposition(head: Token, child: Token, lexicon: ReportingLexicon, pos: str) -> bool:
    """``call for``, ``criticism of``, ``critical of``: a preposition on the cue, with an object. A noun's or
    adjective's comes right after it; a verb's may follow its particle, object and adjuncts (``spoke out
    Tuesday about``, ``talks to DuVernay about``)."""
    if child.dep_ != "prep" or not _has_object(child):
        return False
    if pos != "VERB" and child.i - head.i > 2:
        return False
    return lexicon.allows(f"{head.lemma_.lower()} {child.lower_}", "prep", pos)


def _object_of(preposition: Token) -> Token:
    if preposition.dep_ == "mark":
        return preposition.head
    return next(c for c in preposition.children if c.dep_ in PREPOSITION_OBJECTS)


def _adjective_reports(doc: Doc, lexicon: ReportingLexicon) -> Iterator[Report]:
    """``officials are confident that …``, ``she was critical of …``: the subject of the copula holds it."""
    for token in tokens_of(doc, POS, "ADJ"):
        if not lexicon.may_report(token.lemma_.lower(), "ADJ"):
            continue
        for child in _rights_with_verbs(token):
            if child.dep_ == "ccomp" and lexicon.allows(token.lemma_.lower(), "clause", "ADJ"):
                yield Report(
                    doc[token.i : token.i + 1], subtree_range(child, token), _holder(token), "adj:clause"
                )
                break
            if _paired_preposition(token, child, lexicon, "ADJ"):
                content = subtree_range(_object_of(child), token)
                yield Report(doc[token.i : child.i + 1], content, _holder(token), "adj:prep")
                break


def _rights_with_verbs(adjective: Token) -> list[Token]:
    """The adjective's dependents after it, and for a predicate (``made clear over the weekend that …``)
    the clause the parser hung on its verb after it."""
    rights = list(adjective.rights)
    if adjective.dep_ in {"oprd", "acomp"} and not any(c.dep_ == "ccomp" for c in rights):
        rights += [c for c in adjective.head.rights if c.dep_ == "ccomp" and c.i > adjective.i]
    return rights


def _holder(adjective: Token) -> Token | None:
    """The copula's subject (``officials are confident``), or the noun an adjective phrase set after it
    describes (``Democratic leaders, increasingly worried about …,``)."""
    if (own := next((c for c in adjective.children if c.dep_ in SUBJECT_DEPS), None)) is not None:
        return own  # ``With Democratic leaders increasingly worried about …``
    if adjective.dep_ in {"acomp", "oprd", "ccomp"}:  # ``were sure``, ``made (it) clear that``
        return speaker_of(adjective.head)
    if adjective.dep_ == "amod" and adjective.i > adjective.head.i and adjective.head.pos_ in NOMINALS:
        return adjective.head
    return None


def _governing_cue_verb(noun: Token, lexicon: ReportingLexicon) -> Token | None:
    """``insisted in an interview that …``: the clause hangs off the noun, the verb reports it."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.dep_ != "prep":
        return None
    verb = preposition.head
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon.verbs else None


def _starts_with_that(clause: Token) -> bool:
    first = next(iter(clause.subtree))
    return first.lower_ == "that" and first.dep_ == "mark"


def _noun_speaker(noun: Token) -> Token | None:
    """``Trump's claim that``, ``a claim by Trump that``, ``officials saw signs that``, ``went ahead with
    hopes of``; ``the alliance, advocates for …`` and ``A passionate defender of X, Schultz said`` describe
    the one they stand beside."""
    for child in noun.children:
        if child.dep_ == "poss" or _names_holder(child):
            return child
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    head = noun.head
    if any(c.dep_ == "aux" for c in noun.children):
        return speaker_of(noun)  # ``went off script to comment on``: a verb the tagger took for a noun
    if noun.dep_ in {"dobj", "attr"}:
        return speaker_of(head)
    # ``went ahead with hopes of``, ``in a statement``, ``in the belief that`` (PolNeAR train: the verb's
    # subject holds a cue noun after ``in`` all 29 times it names a holder)
    if noun.dep_ == "pobj" and head.lower_ in {"with", "in"} and head.head.pos_ == "VERB":
        return speaker_of(head.head)
    if noun.dep_ == "appos" and head.pos_ in NOMINALS:
        return head
    opening = noun.left_edge.i == noun.sent.start and noun.right_edge.i + 1 < head.i
    if (
        noun.dep_ in {"dep", "npadvmod"}
        and head.pos_ == "VERB"
        and opening
        and noun.doc[noun.right_edge.i + 1].text == ","
    ):
        return speaker_of(head)
    return None


def _names_holder(modifier: Token) -> bool:
    """``the European reluctance to …``, ``a Kremlin statement that …``: a name or nationality modifying a
    cue noun holds the view."""
    return modifier.dep_ in {"amod", "compound"} and modifier.ent_type_ in NAME_ENTITY_TYPES


def tokens_of(doc: Doc, attribute: int, value: str) -> list[Token]:
    """The tokens whose ``attribute`` (``LOWER``, ``ORTH``, ``POS``) is ``value``, found on the Doc's array
    without making a Token for every word: the finders each look at a few words of the whole text."""
    key = spacy_symbols.IDS[value] if attribute == POS else doc.vocab.strings[value]
    return [doc[int(i)] for i in (doc.to_array(attribute) == key).nonzero()[0]]


def _according_to_reports(doc: Doc) -> Iterator[Report]:
    for token in tokens_of(doc, LOWER, "according"):
        if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
            continue
        to = doc[token.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None) or _noun_closing_phrase(to)
        content = _rest_of_sentence(token.sent, token.i, max(_last_index(token), to.i))
        if content is not None:
            yield Report(doc[token.i : token.i + 2], content, source, "according")


def _noun_closing_phrase(preposition: Token) -> Token | None:
    """``according to show insiders``: where the tagger took a word of the phrase for a verb, the preposition
    has no object; the noun ending the few words after it, before any punctuation, heads the source."""
    words = list(
        itertools.takewhile(
            lambda t: not t.is_punct, preposition.doc[preposition.i + 1 : preposition.sent.end]
        )
    )
    if not words or len(words) > SOURCE_PHRASE_MAX_WORDS or words[-1].pos_ not in NOMINALS:
        return None
    return words[-1]


def _source_phrase_reports(doc: Doc) -> Iterator[Report]:
    """``In an NBC poll released Monday, 50 percent chose Clinton``, ``Trump's gains in recent surveys``: an
    ``in`` phrase on a source noun reports the clause it opens or closes, or the noun phrase it modifies."""
    nouns = source_nouns()
    for token in tokens_of(doc, LOWER, "in"):
        if token.dep_ != "prep":
            continue
        source = next((c for c in token.children if c.dep_ == "pobj"), None)
        if source is None or source.lemma_.lower() not in nouns:
            continue
        head = token.head
        if head.pos_ in ("NOUN", "PROPN"):
            first = min(t.i for t in head.subtree)
            content = trim(doc_text(doc), doc[first].idx, token.idx) if first < token.i else None
        else:
            content = _rest_of_sentence(token.sent, token.i, _last_index(token))
        if content is not None and content[1] > content[0]:
            yield Report(doc[token.i : token.i + 1], content, source, "source")


@lru_cache(maxsize=2)
def source_nouns(use: str = "in") -> frozenset[str]:
    """Lemmas from ``lexicons/source_nouns.json`` that name a source in one use (``in`` a phrase, or as a
    headline's ``label``)."""
    data = json.loads(package_data("lexicons", "source_nouns.json").read_text(encoding="utf-8"))
    return frozenset(data[use])


def _rest_of_sentence(sentence: Span, first: int, last: int) -> tuple[int, int] | None:
    """The larger side of a sentence around an ``according to`` or ``in a poll`` phrase at first..last."""
    doc = sentence.doc
    before = trim(doc_text(doc), sentence.start_char, doc[first].idx)
    after = trim(doc_text(doc), doc[last].idx + len(doc[last]), sentence.end_char)
    best = max(before, after, key=lambda r: r[1] - r[0])
    return best if best[1] - best[0] > 1 else None
