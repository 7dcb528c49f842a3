"""The non-state groups' list: lookup by name and year, and the country it gives actors."""

from __future__ import annotations

from storyline.evaluation.events import actor_code
from storyline.nlp import groups
from storyline.records import Entity


def named(entities: list[Entity], text: str) -> Entity:
    return next(e for e in entities if text in e.aliases or e.name == text)


def test_names_aliases_and_acronyms_find_a_group():
    assert groups.find(["Revolutionary United Front"], 1998).code == "SL"
    assert groups.find(["Tamil Tigers"], 2005).code == "LK"
    assert groups.find(["Hizbullah"], 2006).code == "LB"  # a spelling variant
    assert groups.find(["Al Qaida"], 2005).code == "IMG"  # article written apart, other spelling
    assert groups.find(["the Zapatistas"], 1995).code == "MX"


def test_acronyms_match_only_as_written():
    assert groups.find(["UNITA"], 1995).code == "AO"
    assert groups.find(["Unita"], 1995) is None
    assert groups.find(["JeM"], 2005).code == "PK"
    assert groups.find(["JEM"], 2005).code == "SD"


def test_a_name_that_goes_on_past_a_group_matches_its_longest_listed_beginning():
    assert groups.find(["FARC guerrillas"], 2002).code == "CO"
    assert groups.find(["Islamic State West Africa Province fighters"], 2019).code == "NG"
    assert groups.find(["Amal Clooney"], 2019, beginnings=False) is None


def test_the_year_chooses_between_groups_sharing_a_name():
    assert groups.find(["SPLA"], 1995).code == "SD"
    assert groups.find(["SPLA"], 2015).code == "SS"
    assert groups.find(["SPLA"], None) is None
    assert groups.find(["Jane Doe Liberation Front"], 2001) is None


def test_an_unplaced_group_gets_its_country(actors_in):
    entities = actors_in("UNITA rebels ambushed a convoy near Huambo on Monday.", "1994-05-02")
    assert named(entities, "UNITA").country == "AO"


def test_a_country_the_article_states_wins_over_the_list(actors_in):
    entities = actors_in("Pakistani Taliban commanders met in Waziristan on Monday.", "2009-05-02")
    assert named(entities, "Taliban").country == "PK"


def test_a_group_the_model_misses_or_takes_for_a_person_is_an_organisation(actors_in):
    entities = actors_in("The Lord's Resistance Army abducted children in the north.", "2003-05-02")
    assert named(entities, "Lord's Resistance Army").country == "UG"
    entities = actors_in("Boko Haram kidnapped schoolgirls in Chibok.", "2014-04-20")
    assert named(entities, "Boko Haram").type == "ORG"
    assert named(entities, "Boko Haram").country == "NG"


def test_transnational_networks_and_international_ngos_are_coded_by_name():
    assert actor_code("al-Qaeda", None, ["al-Qaeda"]) == "IMG"
    assert actor_code("Human Rights Watch", None) == "NGO"
    assert actor_code("al-Qaeda", "IQ", ["Iraqi al-Qaeda"]) == "IRQ"  # the article's country wins
