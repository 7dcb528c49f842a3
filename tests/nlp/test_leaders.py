"""The political leaders' list: lookup by name and year, and the country it gives actors."""

from __future__ import annotations

from storyline.nlp import leaders
from storyline.records import Entity


def person(entities: list[Entity], surname: str) -> Entity:
    return next(e for e in entities if e.type == "PERSON" and e.name.endswith(surname))


def test_full_name_first_and_last_name_and_surname_find_a_leader():
    assert leaders.find(["Abdelaziz Bouteflika"], 2001).country == "DZ"
    assert leaders.find(["Omar El Bashir"], 2001).country == "SD"  # particle written differently
    assert leaders.find(["Omar Hassan Ahmad al-Bashir"], None).country == "SD"
    assert leaders.find(["Putin"], 2005).country == "RU"


def test_unknown_and_ambiguous_names_stay_unresolved():
    assert leaders.find(["Jane Doe"], 2001) is None
    # a surname two countries' leaders share while both are in office
    assert leaders.find(["Hussein"], 1995) is None


def test_the_publication_year_chooses_between_namesakes():
    assert leaders.find(["Antonio Guterres"], 1999).country == "PT"
    found = leaders.find(["Antonio Guterres"], 2020)
    assert (found.country, found.organisation) == ("IGO", "United Nations")


def test_a_bare_surname_names_a_leader_only_near_their_term():
    assert leaders.find(["Mugabe"], 1995).country == "ZW"
    assert leaders.find(["Mugabe"], 2060) is None
    assert leaders.find(["Robert Mugabe"], 2060).country == "ZW"  # a full name still does


def test_a_leader_named_without_a_country_gets_it(actors_in):
    entities = actors_in("President Bouteflika said he would visit the region next month.", "2001-05-02")
    assert person(entities, "Bouteflika").country == "DZ"


def test_a_country_the_article_states_wins_over_the_list(actors_in):
    entities = actors_in("French diplomat Jacques Chirac arrived on Monday.", "2001-05-02")
    assert person(entities, "Chirac").country == "FR"
    entities = actors_in("Ghanaian envoy Vladimir Putin arrived on Monday.", "2001-05-02")
    assert person(entities, "Putin").country == "GH"


def test_the_head_of_an_intergovernmental_body_is_related_to_it(actors_in):
    entities = actors_in("Kofi Annan appealed for calm on Tuesday.", "2003-03-04")
    annan = person(entities, "Annan")
    assert annan.country is None
    assert annan.relations == [{"relation": "secretary-general", "of": "United Nations"}]
