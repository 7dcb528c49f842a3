"""Entity resolution for speakers and arguments: pronouns, titles, relations and group phrases."""

from __future__ import annotations

from storyline.config import Settings
from storyline.nlp import load_pipeline
from storyline.nlp.actors import extract_actors
from storyline.nlp.context import DocContext
from storyline.records import Article, Entity, Span

TEXT = (
    "President Donald Trump met Russian officials in Miami. Jared Kushner, Trump's son-in-law, joined the "
    "talks. He said the American delegation was ready. Ukrainian public opinion is opposed, the president "
    "added."
)


def context(text: str = TEXT) -> DocContext:
    doc = load_pipeline(Settings().spacy_model)(text)
    return DocContext(doc=doc, article=Article(id="a", text=text), entities=extract_actors(doc))


def resolve(ctx: DocContext, phrase: str, occurrence: int = 0) -> str | None:
    start = -1
    for _ in range(occurrence + 1):
        start = ctx.article.text.index(phrase, start + 1)
    span = ctx.doc.char_span(start, start + len(phrase), alignment_mode="expand")
    found = ctx.entity_for(span)
    return ctx.entity(found).name if found else None


def test_context_resolves_a_pronoun_to_the_last_person_not_a_possessor():
    assert resolve(context(), "He") == "Jared Kushner"


def test_context_resolves_a_subject_pronoun_to_the_last_subject_not_a_name_in_what_was_said():
    text = "Omar Bob says the people finally got rid of Omar al-Bashir. He adds this is another achievement."
    assert resolve(context(text), "He") == "Omar Bob"


def test_context_resolves_a_bare_definite_noun_to_the_last_phrase_with_its_head_naming_an_actor():
    text = (
        "The Philippine government reported that Chinese vessels were spotted near the reefs. China denied "
        "it. The government demanded that the ships leave."
    )
    assert resolve(context(text), "The government") == "Philippines"


def test_context_resolves_a_title_with_a_country_to_that_countrys_holder():
    text = (
        "Russian President Vladimir Putin met French President Emmanuel Macron in Paris. The Russian "
        "president said the talks were useful. The bank president said rates would rise."
    )
    assert resolve(context(text), "The Russian president") == "Vladimir Putin"
    assert resolve(context(text), "The bank president") is None


def test_context_resolves_a_general_word_to_the_holder_of_a_particular_title():
    text = "Israeli Prime Minister Benjamin Netanyahu spoke on Sunday. The Israeli leader met officials."
    assert resolve(context(text), "The Israeli leader") == "Benjamin Netanyahu"


def test_context_resolves_a_title_description_to_its_holder():
    assert resolve(context(), "the president") == "Donald Trump"


def test_context_resolves_a_relation_to_the_related_person():
    assert resolve(context(), "Trump's son-in-law") == "Jared Kushner"


def test_context_resolves_group_phrases_to_their_country():
    ctx = context()
    assert resolve(ctx, "the American delegation") == "United States"
    assert resolve(ctx, "Ukrainian public opinion") == "Ukraine"
    assert resolve(ctx, "Russian officials") == "Russia"


def test_context_finds_the_role_holder_named_before_a_position():
    ctx = context(
        "Special envoy Steve Witkoff arrived first. Jared Kushner, a senior advisor, came later. "
        "The envoy said talks would resume."
    )
    envoy_at = ctx.article.text.index("The envoy")
    assert ctx.entity(ctx.entity_with_role("envoy", envoy_at)).name == "Steve Witkoff"
    assert ctx.entity_with_role("envoy", 0) is None


def test_context_keeps_time_lookup_and_entity_lookup():
    ctx = context()
    assert ctx.entity("e1").name == "Donald Trump"
    assert ctx.entity("e999") is None
    assert ctx.time_in(0, len(ctx.article.text)) is None


def test_context_maps_an_untagged_demonym_to_the_country_named_elsewhere():
    text = "Russia sent a note. Russian officials later denied it."
    doc = load_pipeline(Settings().spacy_model)(text)
    russia = Entity(id="e1", name="Russia", type="GPE", country="RU", mentions=[Span(0, 6, "Russia")])
    ctx = DocContext(doc=doc, article=Article(id="a", text=text), entities=[russia])
    start = text.index("Russian officials")
    assert ctx.entity_for(doc.char_span(start, start + len("Russian officials"))) == "e1"
    assert ctx.country_entity("RU") == "e1" and ctx.country_entity("UA") is None


def test_context_skips_people_marked_as_the_other_gender():
    ctx = context(
        "Maria Zakharova, a spokeswoman, stood beside Mr. Peter Novak at the briefing. She said talks would "
        "continue. He declined to comment."
    )
    assert resolve(ctx, "She") == "Maria Zakharova"
    assert resolve(ctx, "He") == "Peter Novak"


def test_context_its_and_their_refer_to_the_most_recent_country_or_group():
    ctx = context(
        "Norway condemned the raid and said its troops would stay. Bosnian Serbs said their army left."
    )
    assert resolve(ctx, "its") == "Norway"
    assert resolve(ctx, "their") == "Bosnian Serbs"


def test_context_group_pronoun_prefers_an_antecedent_in_a_subject():
    ctx = context("The Chilean government accepted demands from the World Bank that it cut spending.")
    assert resolve(ctx, "it", occurrence=0) == "Chile"


def test_context_placeholder_it_and_distant_antecedents_stay_unresolved():
    ctx = context("It is likely that Poland will object.")
    assert resolve(ctx, "It") is None
    ctx = context("Poland objected. The weather was cold. The next day they left.")
    assert resolve(ctx, "they") is None


def test_context_their_after_coordinated_people_is_left_to_the_clause_subject():
    ctx = context("John Walker and Mary Reed flew to Oslo from Sweden after their talks ended.")
    assert resolve(ctx, "their") is None


def test_context_first_person_inside_a_quote_is_its_speaker():
    from storyline import analyze

    analysis = analyze(
        'Chancellor Olaf Scholz spoke on Monday. "We will not send troops," Scholz said. '
        "I think the talks failed, one analyst added.",
        published="2024-03-04",
    )
    scholz = next(e.id for e in analysis.entities if e.name == "Olaf Scholz")
    quote = next(q for q in analysis.quotes if q.kind == "direct")
    assert quote.speaker == scholz
    doc = load_pipeline(Settings().spacy_model)(analysis.article.text)
    ctx = DocContext(doc=doc, article=analysis.article, entities=analysis.entities, quotes=analysis.quotes)
    we, i = (next(t for t in doc if t.text == word) for word in ("We", "I"))
    assert ctx.entity_of_token(we) == scholz
    assert ctx.entity_of_token(i) is None
