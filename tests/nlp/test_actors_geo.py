"""The gazetteer and the title lexicon behind actors: real datasets plus data files, checked once."""

from __future__ import annotations

import pycountry

from storyline.config import package_data
from storyline.nlp import geo, roles


def test_geo_demonym_file_covers_every_iso_country():
    listed = {
        line.split("\t")[0]
        for line in package_data("lexicons", "demonyms.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    assert {c.alpha_2 for c in pycountry.countries} <= listed


def test_geo_names_countries_by_common_name_code_and_alias():
    gazetteer = geo.gazetteer()
    assert gazetteer.country("RU").name == "Russia"
    assert {gazetteer.country_named(t) for t in ("US", "U.S.", "the United States", "America", "USA")} == {
        "US"
    }
    assert gazetteer.country_named("Britain") == "GB"
    assert gazetteer.country_named("Russian Federation") == "RU"
    assert gazetteer.country_named("Moscow") is None
    assert (gazetteer.country_named("Bosnia"), gazetteer.country_named("PRC")) == ("BA", "CN")


def test_geo_maps_demonyms_plurals_and_shared_forms():
    gazetteer = geo.gazetteer()
    assert gazetteer.demonym("Ukrainians") == "UA"
    assert gazetteer.demonym("American") == "US"
    assert gazetteer.demonym("South Korean") == "KR"
    assert gazetteer.demonym("Dominican") == "DO"  # shared with Dominica; the more populous country wins
    assert gazetteer.demonym("Martian") is None


def test_geo_knows_capitals_seats_and_alternate_names():
    gazetteer = geo.gazetteer()
    assert gazetteer.capital("Moscow") == "RU"
    assert gazetteer.capital("Kiev") == "UA"
    assert gazetteer.capital("Miami") is None
    assert gazetteer.seat_of_government("the Kremlin") == "RU"


def test_geo_flags_places_whose_name_no_place_dominates():
    gazetteer = geo.gazetteer()
    springfield = gazetteer.place("Springfield")
    assert springfield is not None and springfield.ambiguous and springfield.coordinates is None
    assert gazetteer.place("Springfield", region="IL").coordinates is not None
    assert gazetteer.place("Paris").country == "FR"
    assert gazetteer.place("Paris", region="TX").country == "US"


def test_roles_lexicon_reads_titles_modifiers_and_plurals():
    lexicon = roles.lexicon()
    assert roles.singular("envoys", lexicon.heads) == "envoy"
    assert roles.singular("secretaries", lexicon.heads) == "secretary"
    assert roles.core_title("special envoy", lexicon) == "envoy"
    assert roles.refers_to("president", "president", lexicon)
    assert roles.refers_to("minister", "foreign minister", lexicon)
    assert not roles.refers_to("president", "vice president", lexicon)


def test_geo_knows_countries_geonames_lists_beyond_iso_3166():
    gazetteer = geo.gazetteer()
    assert gazetteer.country_named("Kosovo") == "XK"
    assert gazetteer.country("XK").name == "Kosovo"
    assert gazetteer.demonym("Kosovar") == "XK"


def test_geo_country_of_region_reads_a_compass_word_before_a_country():
    gazetteer = geo.gazetteer()
    assert gazetteer.country_of_region("South Lebanon") == "LB"
    assert gazetteer.country_of_region("Western Cambodia") == "KH"
    assert gazetteer.country_of_region("South Africa") is None  # a country itself
    assert gazetteer.country_of_region("South Park") is None
