"""Events on hand-written sentences: one per PLOVER type, status, voice, nominal triggers, coordination."""

from __future__ import annotations

import pytest

from storyline import analyze
from storyline.nlp.events_lexicon import plover_types, triggers
from storyline.records import Analysis, Event

PUBLISHED = "2025-01-15"


def analysed(text: str, settings) -> Analysis:
    return analyze(text, published=PUBLISHED, settings=settings)


def main_event(analysis: Analysis) -> Event:
    assert analysis.events, f"no event in {analysis.article.text!r}"
    return max(analysis.events, key=lambda e: e.confidence)


def names(analysis: Analysis, ids: list[str]) -> set[str]:
    by_id = {e.id: e.name for e in analysis.entities}
    return {by_id[i] for i in ids}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Finland and Estonia agreed to a new border treaty on Monday.", "AGREE"),
        ("The Hungarian foreign minister met his Romanian counterpart in Budapest.", "CONSULT"),
        ("Germany praised Poland for its handling of the crisis.", "SUPPORT"),
        ("The government eased restrictions on opposition rallies.", "CONCEDE"),
        ("France and Egypt launched joint military exercises in the Mediterranean.", "COOPERATE"),
        ("Japan donated food and medicine to Nepal after the earthquake.", "AID"),
        ("Syria withdrew its troops from Lebanon.", "RETREAT"),
        ("Poland demanded an apology from Russia.", "REQUEST"),
        ("Zimbabwe accused the United States of blackmail.", "ACCUSE"),
        ("Serbia rejected the Australian proposal.", "REJECT"),
        ("Nigeria threatened Chad with sanctions.", "THREATEN"),
        ("Thousands of students demonstrated outside the parliament in Belgrade.", "PROTEST"),
        ("The European Union imposed sanctions on Belarus.", "SANCTION"),
        ("Turkey mobilized troops along the border with Syria.", "MOBILIZE"),
        ("Police arrested twenty opposition activists in Minsk.", "COERCE"),
        ("Rebels attacked a government convoy near Goma.", "ASSAULT"),
    ],
)
def test_extract_events_types_each_plover_category(sentence, expected, settings):
    assert main_event(analysed(sentence, settings)).type == expected


def test_extract_events_source_and_target_from_subject_and_object(settings):
    analysis = analysed("Russia invaded Ukraine in February 2022.", settings)
    event = main_event(analysis)
    assert (event.type, event.status) == ("ASSAULT", "occurred")
    assert names(analysis, event.source) == {"Russia"}
    assert names(analysis, event.target) == {"Ukraine"}


def test_extract_events_passive_voice_swaps_roles(settings):
    analysis = analysed("Ukraine was attacked by Russia on Tuesday.", settings)
    event = main_event(analysis)
    assert event.type == "ASSAULT"
    assert names(analysis, event.source) == {"Russia"}
    assert names(analysis, event.target) == {"Ukraine"}


def test_extract_events_nominal_trigger_with_possessor(settings):
    analysis = analysed("Russia's invasion of Ukraine shocked Europe.", settings)
    event = next(e for e in analysis.events if e.trigger.text == "invasion")
    assert event.type == "ASSAULT"
    assert names(analysis, event.source) == {"Russia"}
    assert names(analysis, event.target) == {"Ukraine"}


def test_extract_events_coordinated_subjects_are_all_sources(settings):
    analysis = analysed("France and Germany met Italy in Rome.", settings)
    event = main_event(analysis)
    assert event.type == "CONSULT"
    assert names(analysis, event.source) == {"France", "Germany"}
    assert names(analysis, event.target) == {"Italy"}
    assert event.location is not None and names(analysis, [event.location]) == {"Rome"}


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Russia did not attack Ukraine.", "negated"),
        ("Russia may attack Ukraine.", "hypothetical"),
        ("Russia would attack Ukraine if talks failed.", "hypothetical"),
        ("The meeting between France and Germany is scheduled for next week.", "planned"),
        ("Russian forces are attacking Kharkiv.", "ongoing"),
        ("Russian forces attacked Kharkiv.", "occurred"),
    ],
)
def test_extract_events_status_from_modality_negation_and_planning(sentence, status, settings):
    assert main_event(analysed(sentence, settings)).status == status


def test_extract_events_refusal_is_a_reject_not_the_refused_act(settings):
    analysis = analysed("Pakistan refused to deploy peacekeepers in Iraq.", settings)
    assert main_event(analysis).type == "REJECT"


def test_extract_events_announced_future_aid_is_a_commitment(settings):
    analysis = analysed("Finland said it will give Tanzania a grant next year.", settings)
    event = main_event(analysis)
    assert (event.type, event.status) == ("AGREE", "planned")
    assert names(analysis, event.source) == {"Finland"}


def test_extract_events_repeated_reports_merge_into_one_event(settings):
    text = "Russia attacked Ukraine on Monday. Officials said Russia attacked Ukraine again."
    attacks = [e for e in analysed(text, settings).events if e.type == "ASSAULT"]
    assert len(attacks) == 1
    assert len(attacks[0].also_reported) == 1
    assert attacks[0].also_reported[0].text.startswith("Russia attacked Ukraine")


def test_extract_events_spans_hold_offsets(settings):
    analysis = analysed(
        "Turkey mobilized troops along the border. Syria withdrew from Lebanon on Friday.", settings
    )
    text = analysis.article.text
    for event in analysis.events:
        for span in (event.trigger, event.sentence, event.evidence, *event.also_reported):
            assert text[span.start : span.end] == span.text
        assert event.sentence.start <= event.trigger.start < event.trigger.end <= event.sentence.end


def test_trigger_lexicon_covers_every_plover_type_with_hundreds_of_entries():
    entries = [t for group in triggers().values() for t in group]
    assert len(entries) >= 400
    assert {t.type for t in entries} == set(plover_types().definitions)


def test_plover_types_accept_older_labels_as_aliases():
    types = plover_types()
    assert types.canonical("DEMAND") == "REQUEST"
    assert types.canonical("disapprove") == "ACCUSE"
    assert types.canonical("FIGHT") == "ASSAULT"
    assert types.canonical("CONSULT") == "CONSULT"


def test_extract_events_announced_refusal_is_a_reject(settings):
    analysis = analysed("Syria says it will not accept any more refugees.", settings)
    assert main_event(analysis).type == "REJECT"


def test_extract_events_act_announced_with_unless_is_a_threat(settings):
    analysis = analysed(
        "Germany announced that it will withdraw its troops from Mali unless talks resume.", settings
    )
    event = main_event(analysis)
    assert event.type == "THREATEN"
    assert names(analysis, event.source) == {"Germany"}


def test_extract_events_what_someone_says_another_must_do_is_a_request(settings):
    analysis = analysed("Russia said on Tuesday that Sudan must return the helicopter.", settings)
    event = main_event(analysis)
    assert (event.type, event.status) == ("REQUEST", "occurred")
    assert names(analysis, event.source) == {"Russia"}
    assert names(analysis, event.target) == {"Sudan"}


def test_extract_events_light_noun_gives_way_to_its_event_modifier(settings):
    analysis = analysed("Qatar launched a mediation effort between Egypt and Sudan.", settings)
    event = main_event(analysis)
    assert (event.type, event.trigger.text) == ("CONSULT", "mediation")
    assert names(analysis, event.source) == {"Qatar"}


def test_extract_events_purpose_clause_ranks_below_the_main_event(settings):
    analysis = analysed(
        "Students staged mass demonstrations in Jakarta to demand political reforms.", settings
    )
    assert main_event(analysis).type == "PROTEST"


def test_extract_events_a_delegation_to_talks_takes_part_in_them(settings):
    analysis = analysed(
        "Anna Berg was chosen to lead the Swedish delegation to the talks with Norway.", settings
    )
    event = main_event(analysis)
    assert event.type == "CONSULT"
    assert names(analysis, event.source) == {"Sweden"}
    assert names(analysis, event.target) == {"Norway"}


def test_extract_events_source_of_an_act_someone_is_willing_to_do(settings):
    analysis = analysed("Chile says it is willing to withdraw its troops from Peru.", settings)
    event = main_event(analysis)
    assert names(analysis, event.source) == {"Chile"}
    assert names(analysis, event.target) == {"Peru"}


def test_extract_events_recipient_group_located_in_a_country_is_coded_by_it(settings):
    analysis = analysed("Japan sent aid to refugees in Chad.", settings)
    event = main_event(analysis)
    assert (event.type, names(analysis, event.source), names(analysis, event.target)) == (
        "AID",
        {"Japan"},
        {"Chad"},
    )


def test_extract_events_conflict_verb_with_an_abstract_subject_is_no_assault(settings):
    analysis = analysed("The plan clashes with the interests of Poland.", settings)
    assert not [e for e in analysis.events if e.type == "ASSAULT"]
    analysis = analysed("The protesters clashed with police in Lima.", settings)
    assert main_event(analysis).type == "ASSAULT"


def test_extract_events_group_spread_throughout_a_country_acts_for_it(settings):
    analysis = analysed("Students throughout Kenya staged protests on Saturday.", settings)
    event = main_event(analysis)
    assert (event.type, names(analysis, event.source)) == ("PROTEST", {"Kenya"})


@pytest.mark.parametrize(
    ("sentence", "type_", "target"),
    [
        # no one named as the object: the state where it happens
        ("Hundreds of Chilean miners demonstrated in Bolivia on Monday.", "PROTEST", {"Bolivia"}),
        # no place either: the actor's own state
        ("Kenyan teachers went on strike on Monday.", "PROTEST", {"Kenya"}),
        ("The Peruvian government lifted the curfew on Tuesday.", "CONCEDE", {"Peru"}),
    ],
)
def test_a_domestic_act_without_object_is_aimed_at_the_state(settings, sentence, type_, target):
    analysis = analysed(sentence, settings)
    event = main_event(analysis)
    assert event.type == type_
    assert names(analysis, event.target) == target


def test_a_domestic_act_with_an_object_keeps_it(settings):
    analysis = analysed("Kenyan teachers demonstrated against Uganda on Monday.", settings)
    assert names(analysis, main_event(analysis).target) == {"Uganda"}


def test_a_threat_is_aimed_at_whoever_its_condition_names(settings):
    text = "Chile threatened to recall its ambassador unless Peru released the fishermen."
    analysis = analysed(text, settings)
    event = main_event(analysis)
    assert event.type == "THREATEN"
    assert (names(analysis, event.source), names(analysis, event.target)) == ({"Chile"}, {"Peru"})


def test_a_place_beside_the_actor_acted_on_is_no_second_target(settings):
    analysis = analysed("Turkish soldiers beat Syrian prisoners on the Golan Heights on Monday.", settings)
    assert names(analysis, main_event(analysis).target) == {"Syria"}


def test_a_non_state_group_named_without_its_country_is_coded_by_it(settings):
    analysis = analysed("Hezbollah fighters attacked an Israeli patrol near the border.", settings)
    event = main_event(analysis)
    countries = {e.id: e.country for e in analysis.entities}
    assert event.type == "ASSAULT"
    assert {countries[i] for i in event.source} == {"LB"}
    assert {countries[i] for i in event.target} == {"IL"}
