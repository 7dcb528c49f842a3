"""Actors on hand-written sentences through the real pipeline, and on the canonical example."""

from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.nlp import load_pipeline
from storyline.nlp.actors import extract_actors
from storyline.records import Analysis, Entity


def actors(text: str) -> list[Entity]:
    return extract_actors(load_pipeline(Settings().spacy_model)(text))


def named(entities: list[Entity], name: str) -> Entity:
    found = [e for e in entities if e.name == name]
    assert len(found) == 1, f"expected one entity named {name!r}, got {[e.name for e in entities]}"
    return found[0]


def test_actors_merge_full_name_surname_and_title_description():
    entities = actors(
        "President Donald Trump spoke on Monday. Trump said the talks were close. "
        "Later the president added that he was hopeful."
    )
    trump = named(entities, "Donald Trump")
    assert [m.text for m in trump.mentions] == ["Donald Trump", "Trump", "the president"]
    assert trump.roles == ["president"]
    assert sum(e.type == "PERSON" for e in entities) == 1


def test_actors_relabel_a_persons_surname_tagged_as_organisation():
    entities = actors("Donald Trump arrived. Jared Kushner, Trump's son-in-law, followed him.")
    people = [e for e in entities if "Trump" in e.aliases]
    assert len(people) == 1 and people[0].type == "PERSON"
    assert not [e for e in entities if e.type == "ORG"]


def test_actors_map_demonyms_capitals_and_seats_to_countries():
    entities = actors(
        "The Kremlin rejected the plan. Moscow has long opposed it, and Russian diplomats said so. "
        "Ukrainian officials said Kyiv would not accept it."
    )
    russia = named(entities, "Russia")
    assert russia.country == "RU" and russia.type == "GPE"
    assert {"Kremlin", "Moscow", "Russian"} <= set(russia.aliases)
    ukraine = named(entities, "Ukraine")
    assert ukraine.country == "UA" and {"Ukrainian", "Kyiv"} <= set(ukraine.aliases)


def test_actors_keep_a_capital_named_as_a_place_with_coordinates():
    entities = actors("Negotiators from both sides met in Berlin on Tuesday.")
    berlin = named(entities, "Berlin")
    assert berlin.country == "DE"
    assert berlin.coordinates == pytest.approx((52.52, 13.41), abs=0.05)


@pytest.mark.parametrize(
    "text",
    [
        "Delegates signed the Paris climate pact last year.",
        "The report came from a Paris-based agency.",
        "The village lies 160 kilometers northeast of Paris.",
        "She booked a flight to Paris for Monday.",
        "Crowds filled Paris's airport on Friday.",
    ],
)
def test_actors_read_a_capital_as_the_city_where_the_syntax_says_so(text: str):
    paris = named(actors(text), "Paris")
    assert paris.country == "FR" and paris.coordinates is not None


def test_actors_read_a_capital_as_its_government_when_it_acts():
    entities = actors("Poland burns coal, although Berlin announced a phaseout.")
    germany = named(entities, "Germany")
    assert germany.aliases == ["Berlin"] and germany.coordinates is None


def test_actors_give_continents_no_country_or_coordinates():
    entities = actors("Wind power is growing in Latin America, Africa and Asia.")
    asia = named(entities, "Asia")
    assert asia.country is None and asia.coordinates is None


def test_actors_place_a_city_inside_its_state():
    entities = actors("The delegations will meet in Miami, Florida, this weekend.")
    miami = named(entities, "Miami")
    assert miami.country == "US"
    assert miami.coordinates == pytest.approx((25.77, -80.19), abs=0.05)
    assert named(entities, "Florida").country == "US"


def test_actors_read_a_state_after_a_city_as_the_state():
    entities = actors("She moved from Seattle, Washington, to Atlanta, Georgia, last year.")
    assert named(entities, "Washington").country == "US"
    assert named(entities, "Georgia").country == "US"
    assert named(entities, "Atlanta").coordinates is not None
    assert not [e for e in entities if e.name in {"United States", "Georgia"} and e.country == "GE"]


def test_actors_normalise_country_abbreviations_and_common_names():
    entities = actors("The U.S. and the United States of America are one; American troops stayed.")
    united_states = named(entities, "United States")
    assert united_states.country == "US"
    assert len([e for e in entities if e.country == "US" and e.type == "GPE"]) == 1


def test_actors_read_a_title_before_the_name_with_its_country():
    entities = actors("Russian President Vladimir Putin met Chinese leader Xi Jinping in Beijing.")
    putin = named(entities, "Vladimir Putin")
    assert putin.roles == ["president"] and putin.country == "RU"
    assert named(entities, "Xi Jinping").country == "CN"


def test_actors_read_roles_and_relations_from_appositions():
    entities = actors(
        "Special envoys Steve Witkoff, a longtime associate in real estate dealings, and Jared Kushner, "
        "Trump's son-in-law and former senior advisor, are tasked with leading the delegation. "
        "President Donald Trump praised them."
    )
    trump = named(entities, "Donald Trump")
    witkoff, kushner = named(entities, "Steve Witkoff"), named(entities, "Jared Kushner")
    assert "special envoy" in witkoff.roles
    assert set(kushner.roles) == {"special envoy", "former senior advisor"}
    assert kushner.relations == [{"relation": "son-in-law", "of": trump.id}]


@pytest.mark.parametrize("apposition", ["Russia's foreign minister", "the Russian foreign minister"])
def test_actors_read_the_country_in_an_apposition(apposition: str):
    entities = actors(f"Sergei Lavrov, {apposition}, told reporters he was confident.")
    lavrov = named(entities, "Sergei Lavrov")
    assert lavrov.roles == ["foreign minister"] and lavrov.country == "RU"


def test_actors_read_an_of_phrase_for_country_and_organisation():
    entities = actors(
        "Volodymyr Zelensky, the president of Ukraine, met Giles Dickson, the chief executive of WindEurope."
    )
    zelensky = named(entities, "Volodymyr Zelensky")
    assert zelensky.roles == ["president"] and zelensky.country == "UA"
    dickson = named(entities, "Giles Dickson")
    org = named(entities, "WindEurope")
    assert dickson.relations == [{"relation": "chief executive", "of": org.id}]


def test_actors_relate_a_title_to_the_name_written_before_it():
    entities = actors(
        "Tesla CEO Elon Musk met Kremlin spokesman Dmitry Peskov and Putin adviser Yuri Ushakov."
    )
    musk, tesla = named(entities, "Elon Musk"), named(entities, "Tesla")
    assert musk.roles == ["ceo"] and musk.relations == [{"relation": "ceo", "of": tesla.id}]
    assert named(entities, "Dmitry Peskov").country == "RU"
    putin = next(e for e in entities if "Putin" in e.aliases)
    assert named(entities, "Yuri Ushakov").relations == [{"relation": "adviser", "of": putin.id}]


def test_actors_merge_an_acronym_with_its_organisation():
    entities = actors("The Federal Bureau of Investigation opened a case. The FBI declined to comment.")
    fbi = named(entities, "Federal Bureau of Investigation")
    assert fbi.aliases == ["Federal Bureau of Investigation", "FBI"]


def test_actors_add_mentions_the_model_missed_and_keep_offsets(settings: Settings):
    text = "Trump urged Kyiv to move. Officials in Kyiv said Kyiv would decide."
    entities = actors(text)
    for entity in entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    kyiv_mentions = [m for e in entities for m in e.mentions if m.text == "Kyiv"]
    assert len(kyiv_mentions) == 3


def test_actors_drop_a_sentence_opening_common_noun():
    entities = actors("Node operators met in Kabul. Each node was checked.")
    assert [e.name for e in entities] == ["Kabul"]


def test_actors_number_entities_in_order_of_first_mention():
    entities = actors("Angela Merkel met Emmanuel Macron in Paris. Macron thanked Merkel.")
    assert [e.id for e in entities] == [f"e{i}" for i in range(1, len(entities) + 1)]
    firsts = [min(m.start for m in e.mentions) for e in entities]
    assert firsts == sorted(firsts)


# the canonical example ------------------------------------------------------------------------------


def test_peace_talks_merges_trump_with_role_president(peace_talks: Analysis):
    trump = named(peace_talks.entities, "Donald Trump")
    assert "president" in trump.roles and trump.country == "US"
    assert {"Donald Trump", "Trump"} <= set(trump.aliases)
    assert not [e for e in peace_talks.entities if e is not trump and "Trump" in e.aliases]


def test_peace_talks_special_envoys_and_kushner_relation(peace_talks: Analysis):
    trump = named(peace_talks.entities, "Donald Trump")
    witkoff, kushner = (
        named(peace_talks.entities, "Steve Witkoff"),
        named(peace_talks.entities, "Jared Kushner"),
    )
    assert "special envoy" in witkoff.roles and "special envoy" in kushner.roles
    assert "former senior advisor" in kushner.roles
    assert {"relation": "son-in-law", "of": trump.id} in kushner.relations


def test_peace_talks_capitals_stand_for_their_countries(peace_talks: Analysis):
    russia, ukraine = named(peace_talks.entities, "Russia"), named(peace_talks.entities, "Ukraine")
    assert russia.country == "RU" and "Moscow" in russia.aliases
    assert ukraine.country == "UA" and "Kyiv" in ukraine.aliases
    assert not [e for e in peace_talks.entities if e.name in {"Moscow", "Kyiv"}]
    assert named(peace_talks.entities, "United States").country == "US"
    assert named(peace_talks.entities, "Miami").coordinates is not None


def test_peace_talks_mentions_lie_in_the_text_and_not_in_boilerplate(peace_talks: Analysis):
    text = peace_talks.article.text
    for entity in peace_talks.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    assert not [e for e in peace_talks.entities if "Bongino" in e.name]


def test_actors_person_with_a_role_in_a_national_body_belongs_to_its_country():
    entities = actors("The Polish Defence Ministry spokesman Jan Nowak denied the report.")
    assert named(entities, "Jan Nowak").country == "PL"


def test_actors_people_leading_a_national_delegation_act_for_its_country():
    entities = actors("Anna Berg and Olaf Lind were asked to head the Swedish delegation at the summit.")
    assert named(entities, "Anna Berg").country == "SE"
    assert named(entities, "Olaf Lind").country == "SE"


def test_actors_leading_a_group_without_a_country_gives_no_country():
    entities = actors("Tom Hale leads a team of scientists in the Arctic.")
    assert named(entities, "Tom Hale").country is None


def test_actors_group_named_with_a_demonym_belongs_to_its_country():
    assert named(actors("Bosnian Croats demanded a ceasefire on Monday."), "Bosnian Croats").country == "BA"
    assert named(actors("Syrian Kurds fled to Turkey."), "Kurds").country == "SY"


def test_actors_title_phrase_before_a_name_in_apposition_gives_role_and_country():
    person = named(actors("The president of Ghana, John Mahama, visited Togo."), "John Mahama")
    assert (person.roles, person.country) == (["president"], "GH")
    person = named(actors("The Ghanaian president, John Mahama, visited Togo."), "John Mahama")
    assert person.country == "GH"


def test_actors_clause_before_a_name_is_no_apposition():
    # a name the political leaders' list does not hold, so that no country comes from there
    person = named(actors("After meeting the president, Kwesi Boateng visited Togo."), "Kwesi Boateng")
    assert (person.roles, person.country) == ([], None)


def test_actors_part_of_a_country_belongs_to_it():
    assert named(actors("Israel mounted an invasion of South Lebanon."), "South Lebanon").country == "LB"


def test_actors_organisation_owned_by_a_multiword_country_belongs_to_it():
    entities = actors("The Ivory Coast's Supreme Court rejected the appeal.")
    assert named(entities, "Supreme Court").country == "CI"


def test_actors_hyphenated_vice_president_and_mediator_are_roles():
    assert named(actors("Vice-President Moody Awori has declined to resign."), "Moody Awori").roles == [
        "vice-president"
    ]
    mediator = named(actors("The rebels will meet U.N. mediator Diego Cordovez."), "Diego Cordovez")
    assert mediator.roles == ["mediator"]
    assert [r["relation"] for r in mediator.relations] == ["mediator"]
