"""Political leaders (``lexicons/political_leaders.tsv``): the country of a person news names without it.

Event coders (PETRARCH, Phoenix) carry an actor dictionary because reporters write "President Bouteflika"
or "Putin said" and leave the country to the reader's knowledge. The dictionary lists heads of state and
government, foreign ministers of the larger powers and heads of intergovernmental bodies, each with the
years in office.

A person is looked up by full name (or an alias), else by first and last name ("Omar Hassan al-Bashir" for
"Omar al-Bashir"), else, for a one-word name, by surname. Several entries can match ("Bush", "Sharif",
"Aliyev"): the publication year picks those in office then (else the nearest term); what is still
ambiguous across countries stays unresolved. A leader keeps their country after office ("former president
Menem"), so the years only choose between namesakes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from storyline.config import package_data

PARTICLES = {"al", "el", "ad", "as", "ash", "an", "at", "ar", "bin", "ibn", "ben", "ould"}
"""Arabic articles and filiation words that reporters write or drop ("Omar El Bashir", "Omar Bashir")."""
IGO = "IGO"
SURNAME_WINDOW = 10
"""Years around a term in which a surname alone still names that leader."""


def years_apart(year: int, start: int, end: int | None) -> int:
    """Years between ``year`` and the span ``start``–``end`` (0 inside it; an open end runs to now)."""
    if year < start:
        return start - year
    return 0 if end is None or year <= end else year - end


@dataclass(frozen=True, slots=True)
class Leader:
    name: str
    country: str
    """ISO 3166-1 alpha-2, or ``IGO`` for the head of an intergovernmental organisation."""
    role: str
    start: int
    end: int | None
    """None: in office when the list was written."""
    organisation: str | None = None
    """For ``IGO`` entries, the organisation the person heads."""

    def distance(self, year: int) -> int:
        """Years between ``year`` and the term (0 inside it)."""
        return years_apart(year, self.start, self.end)


@dataclass(frozen=True, slots=True)
class _Index:
    full: dict[str, list[Leader]]
    first_last: dict[tuple[str, str], list[Leader]]
    surname: dict[str, list[Leader]]


def key(name: str) -> tuple[str, ...]:
    """A name's words without accents, case, dots, apostrophes or Arabic particles, written apart or
    hyphenated ("al-Bashir", "El Bashir" and "Bashir" agree; "Jong-il" stays one word)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    for mark in ".’'`":
        text = text.replace(mark, " " if mark == "." else "")
    words = []
    for word in text.split():
        head, _, rest = word.partition("-")
        if rest and head in PARTICLES:
            word = rest
        if word not in PARTICLES:
            words.append(word)
    return tuple(words)


@lru_cache(maxsize=1)
def _index() -> _Index:
    full: dict[str, list[Leader]] = {}
    first_last: dict[tuple[str, str], list[Leader]] = {}
    surname: dict[str, list[Leader]] = {}
    path = package_data("lexicons", "political_leaders.tsv")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        leader, aliases = _parse(line, number)
        for form in dict.fromkeys([leader.name, *aliases]):
            words = key(form)
            if not words:
                continue
            full.setdefault(" ".join(words), []).append(leader)
            if len(words) > 1:
                first_last.setdefault((words[0], words[-1]), []).append(leader)
                surname.setdefault(words[-1], []).append(leader)
    return _Index(full, first_last, surname)


def _parse(line: str, number: int) -> tuple[Leader, list[str]]:
    fields = line.split("\t")
    if len(fields) != 6:
        raise ValueError(f"political_leaders.tsv line {number}: expected 6 tab-separated fields")
    name, aliases, country, role, start, end = (f.strip() for f in fields)
    organisation = None
    if country.startswith(IGO):
        country, _, organisation = country.partition(":")
    else:
        found = pycountry.countries.get(alpha_3=country)
        if found is None:
            raise ValueError(f"political_leaders.tsv line {number}: unknown country {country!r}")
        country = found.alpha_2
    leader = Leader(name, country, role, int(start), int(end) if end else None, organisation or None)
    return leader, [a.strip() for a in aliases.split(";") if a.strip()]


def find(names: list[str], year: int | None) -> Leader | None:
    """The leader an actor's names (its mentions) refer to, the publication year choosing between namesakes;
    None when no entry or entries of several countries fit."""
    index = _index()
    for lookup in (_by_full_name, _by_first_and_last, _by_surname):
        candidates = [leader for name in names if (words := key(name)) for leader in lookup(index, words)]
        if candidates:
            # a bare surname names a leader only near their time in office ("Brown" in 2008, not in 1980)
            return _choose(candidates, year, SURNAME_WINDOW if lookup is _by_surname else None)
    return None


def _by_full_name(index: _Index, words: tuple[str, ...]) -> list[Leader]:
    return index.full.get(" ".join(words), [])


def _by_first_and_last(index: _Index, words: tuple[str, ...]) -> list[Leader]:
    return index.first_last.get((words[0], words[-1]), []) if len(words) > 1 else []


def _by_surname(index: _Index, words: tuple[str, ...]) -> list[Leader]:
    # only a one-word name: "Bill Clinton" is not "Hillary Clinton" just because the surnames agree
    return index.surname.get(words[0], []) if len(words) == 1 else []


def _choose(candidates: list[Leader], year: int | None, window: int | None = None) -> Leader | None:
    if year is not None:
        if window is not None:
            candidates = [c for c in candidates if c.distance(year) <= window]
            if not candidates:
                return None
        nearest = min(c.distance(year) for c in candidates)
        candidates = [c for c in candidates if c.distance(year) == nearest]
    countries = {(c.country, c.organisation) for c in candidates}
    if len(countries) != 1:
        return None
    return max(candidates, key=lambda c: c.start)


def year_of(date: str | None) -> int | None:
    """The year of an ISO date ("2000-01-01" → 2000); None when absent or unreadable."""
    if not date or len(date) < 4 or not date[:4].isdigit():
        return None
    return int(date[:4])
