"""Quotes and speakers on hand-written sentences, through the real parse, actors and coreference."""

from __future__ import annotations

import re
import time

import pytest
from spacy.tokens import Doc

from storyline.config import Settings
from storyline.nlp.actors import extract_actors
from storyline.nlp.context import DocContext
from storyline.nlp.pipeline import load_pipeline
from storyline.nlp.quotes import Judge, extract_quotes, quoted_passages
from storyline.nlp.quotes_syntax import Report
from storyline.records import Article, Quote


def analyse(text: str, judge: Judge | None = None) -> tuple[DocContext, list[Quote]]:
    doc = load_pipeline(Settings().spacy_model)(text)
    context = DocContext(doc=doc, article=Article(id="test", text=text), entities=extract_actors(doc))
    return context, extract_quotes(context, judge=judge)


def quotes_of(text: str, judge: Judge | None = None) -> list[Quote]:
    return analyse(text, judge)[1]


def parsed(text: str, analysis: str) -> DocContext:
    """``text`` with the parse given as ``word/TAG/dep<head`` tokens (one the parser gave on a real page), so
    a rule is tested on the parse that misled it; POS, lemmas and entities come from the pipeline's own."""
    nlp = load_pipeline(Settings().spacy_model)
    tokens = nlp.make_doc(text)
    fields = [re.fullmatch(r"(.+)/([^/]+)/([^/<]+)<(\d+)", token).groups() for token in analysis.split()]
    assert [t.text for t in tokens] == [word for word, *_ in fields]
    doc = Doc(
        nlp.vocab,
        words=[t.text for t in tokens],
        spaces=[bool(t.whitespace_) for t in tokens],
        tags=[tag for _, tag, _, _ in fields],
        deps=[dep for _, _, dep, _ in fields],
        heads=[int(head) for *_, head in fields],
    )
    for name in ("attribute_ruler", "lemmatizer", "ner"):
        doc = nlp.get_pipe(name)(doc)
    return DocContext(doc=doc, article=Article(id="parsed", text=text), entities=extract_actors(doc))


def every_construction(report: Report) -> float:
    """A judge that lets every reporting construction through: for tests of what comes after the scorer."""
    return 1.0


def speaker_name(context: DocContext, quote: Quote) -> str | None:
    entity = context.entity(quote.speaker) if quote.speaker else None
    return entity.name if entity else None


def offsets_hold(text: str, quote: Quote) -> bool:
    spans = [
        (quote.start, quote.end, quote.text),
        *[(s.start, s.end, s.text) for s in (quote.cue, quote.speaker_text) if s],
    ]
    return all(text[start:end] == covered for start, end, covered in spans)


@pytest.mark.parametrize("marks", ['""', "“”", "«»", "„“", "‘’"])
def test_extract_quotes_reads_a_direct_quote_in_every_mark_style(marks: str) -> None:
    opening, closing = marks
    text = f"{opening}We will not accept this deal,{closing} Senator Elizabeth Warren said on Tuesday."
    context, (quote,) = analyse(text)
    assert quote.kind == "direct"
    assert quote.text == "We will not accept this deal,"
    assert quote.cue.text == "said"
    assert quote.speaker_text.text == "Senator Elizabeth Warren"
    assert "Warren" in speaker_name(context, quote)


def test_extract_quotes_joins_a_quote_over_several_paragraphs() -> None:
    text = (
        '"The plan will cut taxes for every family in the state," Governor Tim Walz said.\n\n'
        '"It will also fund the schools that were closed last year.\n\n'
        '"And it will pass before the summer."'
    )
    context, quotes = analyse(text)
    assert [q.kind for q in quotes] == ["direct", "direct"]
    continued = quotes[1]
    assert continued.text.startswith("It will also fund") and continued.text.endswith("before the summer.")
    assert continued.speaker == quotes[0].speaker is not None
    assert continued.cue == quotes[0].cue and continued.confidence < quotes[0].confidence


def test_extract_quotes_makes_reported_speech_with_a_quoted_part_mixed() -> None:
    text = 'President Donald Trump said the negotiations are "getting close to something" substantial.'
    context, (quote,) = analyse(text)
    assert quote.kind == "mixed"
    assert quote.text == 'the negotiations are "getting close to something" substantial'
    assert quote.cue.text == "said"
    assert speaker_name(context, quote) == "Donald Trump"


def test_extract_quotes_reads_a_quote_introduced_by_a_colon() -> None:
    text = 'Senator Elizabeth Warren gave a blunt answer: "We will block this bill in committee."'
    context, (quote,) = analyse(text)
    assert quote.text == "We will block this bill in committee."
    assert "Warren" in speaker_name(context, quote)
    assert quote.cue.text == ":"


def test_extract_quotes_reads_a_quote_followed_by_a_dash_and_a_name() -> None:
    text = 'The campaign closed with one line. "Nobody in this country is above the law" — Nancy Pelosi.'
    context, (quote,) = analyse(text)
    assert quote.kind == "direct"
    assert speaker_name(context, quote) == "Nancy Pelosi"
    assert quote.cue is None


@pytest.mark.parametrize("dash", ["―", "—", "-"])
def test_extract_quotes_takes_a_name_after_a_dash_even_when_the_ner_missed_it(dash: str) -> None:
    text = f"Readers wrote in.\n\n“He never answers a question on the budget.” {dash} Marisol Quintanar\n"
    context, quotes = analyse(text)
    (quote,) = [q for q in quotes if q.kind == "direct"]
    assert quote.speaker_text is not None and quote.speaker_text.text == "Marisol Quintanar"
    assert offsets_hold(text, quote)


def test_extract_quotes_gives_a_description_with_an_apposition_the_named_persons_voice() -> None:
    text = "Indonesia's high-profile education minister, Nadiem Makarim, said that the exam would change."
    context, (quote,) = analyse(text)
    assert speaker_name(context, quote) == "Nadiem Makarim"
    assert quote.speaker_text.text == "Indonesia's high-profile education minister, Nadiem Makarim"


def test_extract_quotes_gives_a_role_the_voice_of_the_body_it_serves() -> None:
    text = "Five people were killed, the Ghazni provincial head for the Red Cross told reporters."
    context, (quote,) = analyse(text)
    assert speaker_name(context, quote) == "Red Cross"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ('"We will respond," a White House spokesman said.', "United States"),
        ("Russian authorities said they would moderate their claims.", "Russia"),
        ('"I call it COVID-crazy," a JetBlue pilot said.', None),
        ("Russian voters said they were tired of the war.", None),
        ('"India and Japan face challenges," The Print, an Indian online publication, said.', None),
        ('"We will win," Senator Graham\'s wife said.', None),
        ("Party leaders, worried about Hillary Clinton's chances, said turnout would be low.", None),
        # the modifier nearest the head names the body served, not the country before it
        ("The leader of Yemen’s Houthi movement said the truce was a first step.", "Houthi"),
    ],
)
def test_a_speaker_speaks_for_the_actor_in_its_phrase_only_as_its_voice(text: str, actor: str | None) -> None:
    context, quotes = analyse(text)
    assert speaker_name(context, next(q for q in quotes if q.cue.text == "said")) == actor


def test_extract_quotes_keeps_hyphenated_modifiers_in_the_speaker_phrase() -> None:
    text = "“We have many remote areas,” said Jakarta-based social worker and activist Ryan Febrianto."
    context, (quote,) = analyse(text)
    assert quote.speaker_text.text == "Jakarta-based social worker and activist Ryan Febrianto"
    assert speaker_name(context, quote) == "Ryan Febrianto"
    assert offsets_hold(text, quote)


def test_an_interrupted_quote_keeps_the_whole_speaker_phrase() -> None:
    text = '"We will not back down," Sen. Claire McCaskill said. "Not this time."'
    (quote,) = quotes_of(text)
    assert quote.speaker_text.text == "Sen. Claire McCaskill"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Sen. David Perdue (R-Ga.) said that the bill would fail.", "Sen. David Perdue (R-Ga.)"),
        (
            "A Quinnipiac poll released last week showed that the race had tightened.",
            "A Quinnipiac poll released last week",
        ),
        ("Mr. Obama, who spoke in Ohio, said that the plan would work.", "Mr. Obama"),
        ("Mr. Obama, speaking in Ohio, said that the plan would work.", "Mr. Obama"),
        # a day the parser hung on the phrase's noun is the verb's; a year dating a role is the phrase's
        (
            "The leader of the movement on Monday said that the truce would hold.",
            "The leader of the movement",
        ),
        ("A close aide in 2012 said that it was hard.", "A close aide in 2012"),
        # a possessive mark after s that the parser took for punctuation
        (
            "“We are deeply concerned about the situation,” Guterres’ spokesman, Stephane Dujarric, told "
            "reporters on Monday.",
            "Guterres’ spokesman, Stephane Dujarric",
        ),
    ],
)
def test_a_speaker_phrase_keeps_restrictive_modifiers_and_drops_asides(text: str, speaker: str) -> None:
    (quote,) = quotes_of(text)
    assert quote.speaker_text.text == speaker


def test_extract_quotes_sets_scare_quotes_aside() -> None:
    assert quotes_of('The so-called "reforms" were abandoned by the "new" government last year.') == []


@pytest.mark.parametrize(
    ("text", "passages"),
    [
        ('The senator said on CBS\'s "Face the Nation," that he would not resign.', []),
        ("In his 2002 book, “Make Your Kid a Millionaire,” he set out a plan.", []),
        ('The candidate set a goal of "Peace Through Strength."', ["Peace Through Strength."]),
        ('He said: "Free Trade Works For Everyone"', ["Free Trade Works For Everyone"]),
    ],
)
def test_quoted_passages_set_titles_aside_but_not_slogans_or_speech(text: str, passages: list[str]) -> None:
    assert [text[p.start : p.end] for p in quoted_passages(text)] == passages


def test_extract_quotes_reads_a_that_clause_as_indirect_speech() -> None:
    context, (quote,) = analyse("Prime Minister Keir Starmer said that the talks had failed.")
    assert quote.kind == "indirect"
    assert quote.text == "that the talks had failed"
    assert quote.speaker_text.text == "Prime Minister Keir Starmer"


def test_extract_quotes_reads_according_to() -> None:
    context, (quote,) = analyse("According to the Associated Press, the vote was delayed until March.")
    assert quote.kind == "indirect"
    assert quote.text == "the vote was delayed until March"
    assert quote.cue.text == "According to"
    assert quote.speaker_text.text == "the Associated Press"


def test_extract_quotes_finds_the_agent_of_a_passive_cue() -> None:
    context, (quote,) = analyse("It was announced by the White House that the summit would go ahead.")
    assert quote.text == "that the summit would go ahead"
    assert quote.speaker_text.text == "the White House"


def test_extract_quotes_resolves_a_pronoun_speaker() -> None:
    text = 'Angela Merkel arrived in Paris on Monday. "Europe must stand together," she said.'
    context, (quote,) = analyse(text)
    assert quote.speaker_text.text == "she"
    assert speaker_name(context, quote) == "Angela Merkel"
    assert quote.speaker_name == "Angela Merkel"


def test_extract_quotes_resolves_a_title_speaker() -> None:
    text = (
        "President Joe Biden met reporters at the White House on Friday.\n\n"
        '"We will not retreat from this fight," the president said.'
    )
    context, (quote,) = analyse(text)
    assert quote.speaker_text.text == "the president"
    assert speaker_name(context, quote) == "Joe Biden"


def test_extract_quotes_resolves_a_relative_pronoun_to_its_antecedent() -> None:
    text = "The bill was opposed by Senator Bernie Sanders, who argued that it would raise prices."
    context, quotes = analyse(text)
    quote = next(q for q in quotes if q.cue.text == "argued")
    assert quote.speaker_text.text == "who"
    assert "Sanders" in quote.speaker_name


def test_extract_quotes_leaves_an_unattributed_speaker_null() -> None:
    (quote,) = quotes_of('Across the bridge hung a banner: "No more wars in our name, not ever again."')
    assert quote.speaker is None and quote.speaker_text is None
    assert quote.confidence <= 0.3


def test_extract_quotes_keeps_an_interrupted_quote_whole() -> None:
    text = '"This is not over," Warren said. "We will be back next year."'
    (quote,) = quotes_of(text)
    assert quote.text == 'This is not over," Warren said. "We will be back next year.'


def test_extract_quotes_ignores_reporting_verbs_inside_a_quotation() -> None:
    text = '"My father always said that hard work pays," Mayor Eric Adams told reporters.'
    (quote,) = quotes_of(text)
    assert quote.kind == "direct" and quote.cue.text == "told"


def test_extract_quotes_survives_unbalanced_and_nested_marks() -> None:
    text = (
        'He said "nothing at all\n\n'
        "“I heard them say ‘we are leaving’ before dawn,” the witness told the court.\n\n"
        "A stray ” mark and a “ lone one."
    )
    quotes = quotes_of(text)
    assert [q.text for q in quotes if q.kind == "direct"] == [
        "I heard them say ‘we are leaving’ before dawn,"
    ]
    assert all(offsets_hold(text, q) for q in quotes)


def test_extract_quotes_is_bounded_on_a_line_of_ten_thousand_marks() -> None:
    """The stage's own cost: the Doc gets a flat parse, since spaCy's parser is not under test here."""
    text = "Officials said the deal was done. " + '"' * 10_000 + " “a” ‘b’" * 2_000
    doc = load_pipeline(Settings().spacy_model).make_doc(text)
    doc = Doc(
        doc.vocab,
        words=[t.text for t in doc],
        spaces=[bool(t.whitespace_) for t in doc],
        heads=list(range(len(doc))),
        deps=["ROOT"] * len(doc),
    )
    context = DocContext(doc=doc, article=Article(id="marks", text=text), entities=[])
    started = time.perf_counter()
    quotes = extract_quotes(context)
    assert time.perf_counter() - started < 5
    assert all(offsets_hold(text, q) for q in quotes)


def test_extract_quotes_offsets_hold_for_every_span() -> None:
    text = (
        "“Prices will fall,” the minister said, adding that wages would rise.\n\n"
        "According to Reuters, the bank disagreed. ‘It is too soon,’ a spokesman said."
    )
    quotes = quotes_of(text)
    assert len(quotes) >= 3
    assert all(offsets_hold(text, q) for q in quotes)
    assert [q.id for q in quotes] == [f"q{i}" for i in range(1, len(quotes) + 1)]


def test_extract_quotes_finds_a_speaker_placed_after_the_cue() -> None:
    (quote,) = quotes_of('"We are done negotiating for this year," added a senior party official.')
    assert quote.cue.text == "added"
    assert quote.speaker_text.text == "a senior party official"
    assert quote.speaker is None and quote.speaker_name == "a senior party official"


def test_extract_quotes_reads_a_reporting_noun_with_its_holder() -> None:
    context, (quote,) = analyse("Senator Ted Cruz's claim that the election was stolen drew sharp criticism.")
    assert quote.kind == "indirect"
    assert quote.cue.text == "claim"
    assert quote.text == "that the election was stolen"
    assert "Cruz" in quote.speaker_name


def test_extract_quotes_reads_a_parenthetical_attribution() -> None:
    (quote,) = quotes_of("The goal, he said, is to forge a durable cease-fire in the north.")
    assert quote.kind == "indirect"
    assert quote.cue.text == "said" and quote.speaker_text.text == "he"
    assert quote.text.startswith("The goal") and quote.text.endswith("cease-fire in the north")


def test_extract_quotes_keeps_a_clause_with_its_own_object_out_of_reporting() -> None:
    text = "The envoys met in Berlin, where officials detected signs that the positions may not be far apart."
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["that the positions may not be far apart"]
    assert quotes[0].cue.text == "signs"


def test_extract_quotes_takes_the_subject_beside_the_cue_not_one_inside_the_quote() -> None:
    text = '"If she wins, nothing you can do, folks," Trump said before leaving the stage.'
    (quote,) = quotes_of(text)
    assert quote.speaker_text.text == "Trump"


def test_extract_quotes_gives_a_participle_after_a_preposition_the_clause_subject() -> None:
    text = "After saying he was nervous about the vote, the farmer asked a question."
    quote = next(q for q in quotes_of(text) if q.cue.text == "saying")
    assert quote.text == "he was nervous about the vote"
    assert quote.speaker_text.text == "the farmer"


# (text, cue, speaker phrase): the speaker found through the syntax around the cue
SPEAKERS = [
    # a noun or adjective cue speaks for the one it describes: a small clause's subject, the subject of the
    # verb it qualifies, the noun it stands in apposition to, the subject an opening description precedes
    (
        "With Democratic leaders increasingly worried about turnout, the president is rolling out a message.",
        "worried about",
        "Democratic leaders",
    ),
    ("They went with the former with hopes of coming back to the latter.", "hopes of", "They"),
    # a reporting verb the parser joined to the reported clause is the reporter's, whatever its tense
    (
        "Merrill says Machado promised to keep campaigning and said she would stand up to him.",
        "said",
        "Merrill",
    ),
    # an active verb joined to a passive one, or left unlabelled after a comma, shares its subject
    (
        "By the end of the day, Mr. Trump was forced into damage control and said that his words were "
        "misread.",
        "said",
        "Mr. Trump",
    ),
    ("Clinton paused, then revealed why the activism was especially moving.", "revealed", "Clinton"),
    # what one has to say is one's own; a verb the tagger took for a noun keeps its subject
    ("In an interview, Deacon had nothing bad to say about Sanders.", "say about", "Deacon"),
    (
        "Charles Barkley went off script to comment on presidential candidate Donald Trump and his "
        "supporters.",
        "comment on",
        "Charles Barkley",
    ),
    # a cue noun after ``in`` is held by the verb's subject; ``made clear`` by the one who made it so
    ("The senator acted in the belief that the vote would fail.", "belief", "The senator"),
    ("Some Republicans made clear that they would like to see him come around.", "clear", "Some Republicans"),
    # the tagger read ``ad slams`` as one noun: the compound it left on the verb is the subject
    (
        "The nearly 90-second ad slams Kasich for voting in favor of an assault-weapons ban in 1994.",
        "slams",
        "ad",
    ),
    # the opening name speaks where the parser hung it inside the aside after it
    (
        "Ted Cruz, when asked specifically what about Trump’s vision for the country is wrong, responded "
        "that the businessman is right about the problems.",
        "responded",
        "Ted Cruz",
    ),
    # a subject the parser hung on the auxiliary
    (
        "To a person, they don’t want to let go of the feeling the campaign has inspired in them.",
        "want",
        "they",
    ),
    # a contracted ``'s`` before a participle with a clause is ``has``
    ("He's said he gets his ideas about monetary policy from a pro-gold speech.", "said", "He"),
    # a nationality or a name modifying the cue noun holds the view
    (
        "Its efforts face strict limits because of the European reluctance to hand over security powers.",
        "reluctance",
        "European",
    ),
    # a participle after a preposition coordinated with another speaks with the verb they qualify
    (
        "Oz appeared at a hearing for his role in promoting the pills and for saying that the extract was a "
        "miracle cure.",
        "saying",
        "Oz",
    ),
    ("Senator Ron Wyden, a critic of the trucking deal, voted against it.", "critic of", "Senator Ron Wyden"),
    ("A passionate defender of the network, Mr. Schultz likened it to TV.", "defender of", "Mr. Schultz"),
    # a participle in a phrase speaks with the verb the phrase hangs on; one judged for saying said it
    (
        "Governor McAuliffe refuses to discuss appointees, aside from saying he wants a diverse delegation.",
        "saying",
        "Governor McAuliffe",
    ),
    (
        "Trump described the incident as terrible, but stopped short of calling the officer's actions "
        "racially motivated.",
        "calling",
        "Trump",
    ),
    ("Republicans criticized Obama for saying that the war was over.", "saying", "Obama"),
    # an adjective phrase set after a noun is that noun's view
    (
        "Democratic leaders, increasingly worried about a lack of passion among young voters, are turning "
        "to Obama.",
        "worried about",
        "Democratic leaders",
    ),
    # a phrase opening the sentence qualifies its main clause, even a passive one
    (
        'After saying her foot was "so swollen I could barely walk," the senator was rushed to a hospital.',
        "saying",
        "the senator",
    ),
    # a clause about an object is the object's, an occasion's participle its host's, and a participle right
    # after ``X said,`` is X's
    (
        "The collapse of the Soviet Union left many nations feeling that they faced no military threat.",
        "feeling",
        "many nations",
    ),
    (
        "The health scare has skittish Democrats wondering whether Clinton can finish the race.",
        "wondering",
        "skittish Democrats",
    ),
    # a participle on the object of a preposition speaks for that noun (PolNeAR train: 20 to 4)
    ("The super PAC spent $1 million on ads attacking Rubio for his immigration record.", "attacking", "ads"),
    (
        '"We will get there," Lynch said at a news conference announcing that her department was suing.',
        "announcing",
        "Lynch",
    ),
    (  # the parser hangs ``suggesting`` inside the question that follows
        '"The people do not agree with Trump," Sanders said, suggesting a few questions, including, "Mr. '
        'Trump, do you really think that billionaires need a massive tax break?"',
        "suggesting",
        "Sanders",
    ),
    # deep in coordinated or chained clauses
    (  # accuse → turn → unable → be: four steps up to the subject
        "Trump will be unable to turn the crowds against the moderators and accuse the audience of being "
        "donors.",
        "accuse",
        "Trump",
    ),
    (  # the parser may hang ``going`` off the quotation; it follows ``Sanders said,``
        '"Bringing up the birther issue again is insane," Sanders said, going on to say that the country '
        'has spent "hundreds of years fighting against racism."',
        "say",
        "Sanders",
    ),
]


@pytest.mark.parametrize(("text", "cue", "speaker"), SPEAKERS)
def test_extract_quotes_finds_the_speaker_through_the_syntax_around_the_cue(
    text: str, cue: str, speaker: str
) -> None:
    quote = next(q for q in quotes_of(text, every_construction) if q.cue.text == cue)
    assert quote.speaker_text.text == speaker


def test_extract_quotes_reads_a_poll_as_the_source_of_its_findings() -> None:
    text = "In a CBS poll released Monday, 50 percent of voters chose Clinton while 40 percent chose Trump."
    (quote,) = quotes_of(text)
    assert (quote.kind, quote.cue.text) == ("indirect", "In")
    assert quote.text == "50 percent of voters chose Clinton while 40 percent chose Trump"
    assert quote.speaker_text.text == "a CBS poll released Monday"


@pytest.mark.parametrize(
    "text",
    [
        "It's said that he gets his ideas from a speech.",
        "Often, it appeared that Trump was unable to parlay the attack.",
        "It's worth noting that this is the first time the question has been asked.",
    ],
)
def test_an_empty_it_names_no_speaker(text: str) -> None:
    (quote,) = quotes_of(text)
    assert quote.speaker is None and quote.speaker_text is None


@pytest.mark.parametrize(
    "text",
    [
        "A broad swath of Republican voters appears to be moving behind Trump.",
        "In the face of the worst conflicts, the Council has proved to be ineffective.",
    ],
)
def test_the_subject_of_a_raising_verb_is_no_speaker(text: str) -> None:
    (quote,) = quotes_of(text, judge=every_construction)
    assert quote.cue.text in ("appears", "proved")
    assert quote.speaker is None and quote.speaker_text is None


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("Asked about his daughter's work for the campaign, Trump said nothing.", "Asked about", None),
        ("Asked by a reporter whether he would run, Trump said no.", "Asked", "a reporter"),
        ("She is moving to Los Angeles but is expected to continue to appear on the show.", "expected", None),
        ("While the topic is not expected to come up in talks, China is an issue.", "expected", None),
        ("The senator waved to a community known to be supportive of gay rights.", "known", None),
    ],
)
def test_a_passive_cue_is_spoken_by_its_agent_not_by_the_one_it_was_done_to(
    text: str, cue: str, speaker: str | None
) -> None:
    passive = next(q for q in quotes_of(text, judge=every_construction) if q.cue.text == cue)
    assert (passive.speaker_text.text if passive.speaker_text else None) == speaker


def test_a_report_under_a_raising_verb_keeps_the_subject_as_its_speaker() -> None:
    text = "Obama himself seemed to recognize that the victory mattered."
    recognised = next(q for q in quotes_of(text, judge=every_construction) if q.cue.text == "recognize")
    assert recognised.speaker_text.text == "Obama himself"


def test_an_it_that_stands_for_something_still_speaks() -> None:
    quote = next(
        q
        for q in quotes_of("The agency released its figures. It said that exports fell.")
        if q.cue.text == "said"
    )
    assert quote.speaker_text.text == "It"


# (text, words of the quotation, its speaker phrase): which cue a quotation belongs to
QUOTATION_SPEAKERS = [
    # the parser folds a possessive speaker into the quotation (its apostrophe tagged as a closing mark)
    (
        "“We are deeply concerned,” Guterres’ spokesman, Stephane Dujarric, told reporters on Monday.",
        "deeply concerned",
        "Guterres’ spokesman, Stephane Dujarric",
    ),
    (
        '"This is a big year for our potential senator," Scott\'s niece, state Del. Marcia Price, shouted.',
        "big year",
        "Scott's niece, state Del. Marcia Price",
    ),
    # a later sentence reporting content of its own does not claim a closed quotation
    (
        "“His travel has been prohibited,” Mujahid said. “He is not someone we trust.” In his response "
        "Wednesday, Bennett said he had consistently sought to engage with the authorities.",
        "He is not",
        "Mujahid",
    ),
    (
        '"This is unacceptable during the prayers," Casin said. "So the radical groups do not want to '
        'normalize relations." The United States has voiced concern over the violence in Israel.',
        "radical groups",
        "Casin",
    ),
    # a name after a quotation speaks, though the parser folds it into the quotation
    (
        "“He's absolutely right. There's a severe disconnect between this White House and frankly the "
        "president and our military,” Flynn, a top Trump surrogate, said Thursday morning on Fox News’s “Fox "
        "and Friends.” “I mean, there's no enemy that's unbeatable.”",
        "He's absolutely right",
        "Flynn",
    ),
    # a quotation later on the same line goes on past a report in between
    (
        "“It’s finished,” Melanie said of the election, after her sister said Trump would triumph. “In my "
        "head, anyway.”",
        "In my head",
        "Melanie",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), QUOTATION_SPEAKERS)
def test_extract_quotes_gives_a_quotation_the_speaker_of_its_own_cue(
    text: str, words: str, speaker: str
) -> None:
    quote = next(q for q in quotes_of(text) if words in q.text)
    assert (quote.speaker_text.text, quote.speaker_text.start) == (speaker, text.index(speaker))


def test_extract_quotes_takes_a_bare_label_before_a_colon_as_the_speaker() -> None:
    text = "Veteran pollster: “Turnout was far higher than anyone expected this year.”"
    (quote,) = quotes_of(text)
    assert quote.text == "Turnout was far higher than anyone expected this year."
    assert quote.speaker_text.text == "Veteran pollster"


def test_extract_quotes_keeps_a_clause_before_a_colon_from_labelling_the_quote() -> None:
    text = "The advertisement targets voters in three states: “Stand up for the farms that feed you.”"
    (quote,) = quotes_of(text, judge=lambda report: None)  # no report near it to lend a speaker
    assert quote.speaker_text is None


def test_extract_quotes_lets_a_short_cue_sentence_announce_the_next_quote() -> None:
    text = (
        "The bureau's chief economist agreed. “Prices will keep falling for at least another year, "
        "whatever the government decides.”"
    )
    (quote,) = quotes_of(text)
    assert quote.cue.text == "agreed"
    assert quote.speaker_text.text == "The bureau's chief economist"


def test_extract_quotes_reaches_the_subject_through_an_adjective_or_a_predicate_noun() -> None:
    (quick,) = quotes_of("Trump was quick to add that the negotiation does not include the wall.")
    assert quick.cue.text == "add"
    assert quick.speaker_text.text == "Trump"
    (first,) = quotes_of("Grijalva was the first Democrat in Congress to endorse Sanders.")
    assert first.speaker_text.text == "Grijalva"


def test_extract_quotes_names_the_antecedent_of_a_relative_that_as_the_speaker() -> None:
    # the span is where the clause names its speaker, as for ``who`` (PARC and PolNeAR mark it so); the name
    # is the antecedent's
    quotes = quotes_of(
        "The group published poll results that show that most voters oppose the plan.", every_construction
    )
    quote = next(q for q in quotes if q.cue.text == "show")
    assert quote.text == "that most voters oppose the plan"
    assert quote.speaker_text.text == "that"
    assert quote.speaker_name == "poll results"


def test_extract_quotes_leaves_a_headline_before_a_dash_out_of_the_label() -> None:
    text = "TURNOUT FELL IN THE NORTH - Veteran pollster: “The nomination contests have finally started.”"
    (quote,) = quotes_of(text)
    assert quote.speaker_text.text == "Veteran pollster"


def test_extract_quotes_reads_a_transcript_turn_by_turn() -> None:
    text = (
        "Vice-presidential nominee Mike Pence spoke to Chris Wallace on Sunday.\n\n"
        "WALLACE: Will the guest be at the debate tomorrow night?\n\n"
        "PENCE: She will not be attending. I think voters want the issues.\n\n"
        "WALLACE: Do you see those two as equivalent?\n\n"
        "PENCE: No, I do not."
    )
    context, quotes = analyse(text)
    turns = [(q.speaker_text.text, speaker_name(context, q), q.cue.text, q.text) for q in quotes]
    assert turns == [
        ("WALLACE", "Chris Wallace", ":", "Will the guest be at the debate tomorrow night?"),
        ("PENCE", "Mike Pence", ":", "She will not be attending. I think voters want the issues."),
        ("WALLACE", "Chris Wallace", ":", "Do you see those two as equivalent?"),
        ("PENCE", "Mike Pence", ":", "No, I do not."),
    ]


def test_extract_quotes_reads_speech_reported_by_a_headline() -> None:
    text = "Lindsey Graham Says Trump Could Address Clean Energy\n\nThe senator spoke to reporters on Monday."
    context, quotes = analyse(text)
    assert [(q.kind, q.cue.text, q.text, speaker_name(context, q)) for q in quotes] == [
        ("indirect", "Says", "Trump Could Address Clean Energy", "Lindsey Graham")
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'Senator Ted Cruz called Donald Trump a "pathological liar" on Tuesday.',
            'Donald Trump a "pathological liar"',
        ),
        (
            'Trump described Hillary Clinton as "a lifetime politician."',
            'Hillary Clinton as "a lifetime politician."',
        ),
        (
            'The governor blasted the American media for being "unbelievably dishonest."',
            'the American media for being "unbelievably dishonest."',
        ),
    ],
)
def test_extract_quotes_keeps_what_the_cue_says_of_its_object_in_the_content(text: str, content: str) -> None:
    (quote,) = quotes_of(text)
    assert quote.text == content
    assert quote.kind == "mixed"


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        (
            "Analysts said economic factors have raised the country's appeal, citing its ports on the "
            "Indian Ocean.",
            [
                ("said", "economic factors have raised the country's appeal"),
                ("citing", "its ports on the Indian Ocean"),
            ],
        ),
        (
            "She said parents who adopt would not be eligible for the leave, and when pressed on why, the "
            'mother of three replied, "It is meant to benefit the mother."',
            [
                ("said", "parents who adopt would not be eligible for the leave"),
                ("replied", "It is meant to benefit the mother."),
            ],
        ),
        (
            "The senator said the bill was a disaster and urged colleagues to vote against it.",
            [("said", "the bill was a disaster"), ("urged", "to vote against it")],
        ),
        (
            "The family has called on police to release the videos and called on people to protest "
            "peacefully.",
            [("called", "to release the videos"), ("called", "to protest peacefully")],
        ),
        (
            'Roberts said the videos were "inconclusive" and that the footage showed nothing new.',
            [("said", 'the videos were "inconclusive" and that the footage showed nothing new')],
        ),
    ],
)
def test_a_report_after_the_content_is_the_speakers_next_statement(
    text: str, reports: list[tuple[str, str]]
) -> None:
    assert [(q.cue.text, q.text) for q in quotes_of(text)] == reports


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The news set off another round of fireworks on Friday: Republicans said they are convinced the "
            "department mishandled the investigation.",
            "they are convinced the department mishandled the investigation",
        ),
        (
            "It would likely take two to three weeks to convene the committee, he said, and the wrangling "
            "could be paralyzing.",
            "It would likely take two to three weeks to convene the committee",
        ),
        (  # the parser hung both clauses before the cue on it
            "The program is hardly formal, but it has attracted a loyal following, said Ms. Gil, with games "
            "of capture the flag.",
            "The program is hardly formal, but it has attracted a loyal following",
        ),
    ],
)
def test_a_cue_reports_the_clause_after_it_or_the_one_it_interrupts(text: str, content: str) -> None:
    assert next(q.text for q in quotes_of(text, every_construction) if q.cue.text == "said") == content


@pytest.mark.parametrize(
    ("text", "analysis", "content"),
    [
        # the cue hung on the clause after it, with the ``and`` hung on the cue
        (
            "It would take weeks to convene the board, he said, and the wrangling could be paralyzing.",
            "It/PRP/nsubj<2 would/MD/aux<2 take/VB/ROOT<2 weeks/NNS/dobj<2 to/TO/aux<5 convene/VB/xcomp<2 "
            "the/DT/det<7 board/NN/dobj<5 ,/,/punct<10 he/PRP/nsubj<10 said/VBD/parataxis<17 ,/,/punct<10 "
            "and/CC/cc<10 the/DT/det<14 wrangling/NN/nsubj<17 could/MD/aux<17 be/VB/aux<17 "
            "paralyzing/VBG/conj<2 ././punct<17",
            "It would take weeks to convene the board",
        ),
        # a bare clause set off by a comma before the cue, parsed as an adverbial clause
        (
            "The middle fifth paid 9 percent, the agency said in a report, and the rest paid less.",
            "The/DT/det<2 middle/JJ/amod<2 fifth/NN/nsubj<3 paid/VBD/advcl<9 9/CD/nummod<5 percent/NN/dobj<3 "
            ",/,/punct<9 the/DT/det<8 agency/NN/nsubj<9 said/VBD/ROOT<9 in/IN/prep<9 a/DT/det<12 "
            "report/NN/pobj<10 ,/,/punct<9 and/CC/cc<9 the/DT/det<16 rest/NN/nsubj<17 paid/VBD/conj<9 "
            "less/JJR/dobj<17 ././punct<17",
            "The middle fifth paid 9 percent",
        ),
    ],
)
def test_a_cue_in_mid_sentence_reports_the_clause_before_it_however_parsed(
    text: str, analysis: str, content: str
) -> None:
    quotes = extract_quotes(parsed(text, analysis), judge=every_construction)
    assert next(q.text for q in quotes if q.cue.text == "said") == content


def test_a_name_the_tagger_took_for_a_noun_still_speaks_before_its_cue() -> None:
    text = "In a radio interview Smith declared “I think the alliance may be obsolete.”"
    analysis = (
        "In/IN/prep<5 a/DT/det<4 radio/NN/compound<3 interview/NN/compound<4 Smith/NN/pobj<0 "
        "declared/VBD/ROOT<5 “/``/punct<5 I/PRP/nsubj<8 think/VBP/ccomp<5 the/DT/det<10 alliance/NN/nsubj<12 "
        "may/MD/aux<12 be/VB/ccomp<8 obsolete/JJ/acomp<12 ././punct<5 ”/''/punct<5"
    )
    (quote,) = extract_quotes(parsed(text, analysis), judge=every_construction)
    assert quote.cue.text == "declared"
    assert quote.speaker_text.text.endswith("Smith")


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        # an infinitive after the cue beats the clause before it that the parser hung on the cue
        (
            "The outlook for coal is grim - the senator has vowed to bring back lost jobs.",
            "vowed",
            "to bring back lost jobs",
            "the senator",
        ),
        # a passive: its subject is what the agent reports
        ("The plan is supported by most economists.", "supported", "The plan", "most economists"),
        # what the cue says of its object through ``of`` and ``about``
        ("Trump accused the moderator of being biased.", "accused", "the moderator of being biased", "Trump"),
        ("The host asked him about his tax returns.", "asked", "him about his tax returns", "The host"),
        # a preposition the parser made the marker of the clause it opens
        (
            "Protesters marched and called for the footage to be released.",
            "called for",
            "the footage to be released",
            "Protesters",
        ),
        # a that-clause the parser hung on the noun of an adjunct
        (
            "Kirby also said for the first time that some emails between Clinton and Obama have been "
            "located.",
            "said",
            "that some emails between Clinton and Obama have been located",
            "Kirby",
        ),
        # a verb that reports only through its preposition
        (
            "First lady Michelle Obama has focused on childhood obesity.",
            "focused on",
            "childhood obesity",
            "First lady Michelle Obama",
        ),
        # a verb's preposition after its particle and adjuncts
        (
            "Clinton spoke out Tuesday about the death of a driver in Tulsa.",
            "spoke out Tuesday about",
            "the death of a driver in Tulsa",
            "Clinton",
        ),
        # a clause the parser hung on the verb of a reporting adjective
        (
            "Mr. Obama made clear over the weekend that meeting relatives of prisoners has an impact.",
            "clear",
            "that meeting relatives of prisoners has an impact",
            "Mr. Obama",
        ),
        # a word standing for what was said
        ("Asked if he was ever bullied, the candidate said no.", "said", "no", "the candidate"),
        ("Most voters backed Clinton, and half said the same.", "said", "the same", "half"),
        # a verb of telling joined to the clause before it, its object who heard it
        (
            "This includes a special force to assist Kurdish Peshmerga, Defense Secretary Ash Carter told a "
            "Senate panel Wednesday.",
            "told",
            "This includes a special force to assist Kurdish Peshmerga",
            "Defense Secretary Ash Carter",
        ),
        # an ``as`` clause before the clause it reports
        (
            "But as Clyburn noted, those voters will give Sanders a second look.",
            "noted",
            "those voters will give Sanders a second look",
            "Clyburn",
        ),
        # the sentence's opening, left unlabelled by the parser, before ``, he said``
        (
            'Those who do take on  heavy debt struggle, even with a "good" job, he said.',
            "said",
            'Those who do take on  heavy debt struggle, even with a "good" job',
            "he",
        ),
    ],
)
def test_a_cue_finds_its_content_in_every_frame_the_parse_gives_it(
    text: str, cue: str, content: str, speaker: str
) -> None:
    quote = next(q for q in quotes_of(text, every_construction) if q.cue.text == cue)
    assert (quote.text, quote.speaker_text.text) == (content, speaker)


def test_a_reporting_participle_before_a_second_quotation_is_its_cue() -> None:
    text = (
        '"We cannot afford this," Smith said, adding later, "It is costing us a fortune, and we are paying."'
    )
    quotes = quotes_of(text, every_construction)
    assert [(q.cue.text, q.text) for q in quotes] == [
        ("said", "We cannot afford this,"),
        ("adding", "It is costing us a fortune, and we are paying."),
    ]
    assert {q.speaker_text.text for q in quotes} == {"Smith"}


def test_extract_quotes_leaves_a_lesser_report_inside_anothers_content_to_it() -> None:
    (quote,) = quotes_of("According to police, officers ordered the driver to get out of the car.")
    assert quote.cue.text == "According to"
    assert quote.text == "officers ordered the driver to get out of the car"


def test_extract_quotes_keeps_a_speech_clause_inside_anothers_content() -> None:
    quotes = quotes_of(
        "Aides said that the senator claimed that the vote had been rigged.", every_construction
    )
    assert [q.cue.text for q in quotes] == ["said", "claimed"]


def test_extract_quotes_joins_a_quote_interrupted_by_a_long_attribution() -> None:
    text = (
        '"It was a spectacular deal for the company," said Patrick McGinley, a law professor at West '
        "Virginia University who has been involved in many cases against coal companies for decades. "
        '"It has had complete success in divesting itself of its obligations."'
    )
    (quote,) = quotes_of(text)
    assert quote.text.startswith("It was a spectacular deal") and quote.text.endswith("obligations.")


def test_extract_quotes_gives_a_participle_after_reported_speech_the_reporters_voice() -> None:
    text = (
        "Senator David Perdue said he did not believe the attacks hurt Romney, arguing that divisions in the "
        "party were a bigger hurdle."
    )
    context, quotes = analyse(text)
    (arguing,) = [q for q in quotes if q.cue.text == "arguing"]
    assert arguing.speaker_text.text == "Senator David Perdue"
    assert speaker_name(context, arguing) == "David Perdue"


def test_a_speaker_phrase_leaves_the_remains_of_a_tag_out() -> None:
    (quote,) = quotes_of(
        'We rate it Mostly True.">Sanders said that the real unemployment rate is 51 percent.'
    )
    assert quote.speaker_text.text == "Sanders"
