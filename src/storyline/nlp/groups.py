"""Non-state groups (``lexicons/non_state_groups.tsv``): the country of a group news names without it.

Reporters write "Hezbollah guerrillas", "the FIS" or "UNITA rebels" and leave the country to the reader, so
event coders carry actor dictionaries of armed groups, movements and parties. Each listed group has the
country it fights in or belongs to (ISO alpha-3), or ``IMG`` for a transnational militant network and
``NGO`` for an international non-governmental organisation, with its CAMEO sector and active years.

A name matches a listed form when their words agree without accents, case, apostrophes or Arabic articles
(``leaders.key``: "al-Qaeda", "Al Qaeda" and "Qaeda" agree), or, for a name that goes on past a listed
form, on its longest listed beginning ("Hamas militants", "Taliban fighters"). Acronyms match only as
written ("ETA" is not "Eta", "JeM" not "JEM"). The years choose between groups that share a name; what
stays ambiguous across codes is left unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from storyline.config import package_data
from storyline.nlp.leaders import key, years_apart

NON_NATIONAL = {"IMG", "NGO"}
"""Codes for groups that belong to no one country."""
FIELDS = 7


@dataclass(frozen=True, slots=True)
class Group:
    name: str
    code: str
    """ISO 3166-1 alpha-2, or ``IMG`` / ``NGO``."""
    sector: str
    start: int
    end: int | None
    """None: active when the list was written."""

    def distance(self, year: int) -> int:
        """Years between ``year`` and the group's active years (0 inside them)."""
        return years_apart(year, self.start, self.end)

    @property
    def national(self) -> bool:
        return self.code not in NON_NATIONAL


@dataclass(frozen=True, slots=True)
class _Index:
    words: dict[tuple[str, ...], list[Group]]
    acronyms: dict[str, list[Group]]
    longest: int
    """Words in the longest listed name: how far a name's beginning is tried."""
    written: tuple[str, ...]
    """The listed names of two words or more, as written, for finding them in running text."""


def is_acronym(form: str) -> bool:
    """ "PKK", "SPLM/A", "JeM", "M23": one word with at least two capitals and no lower-case run of two."""
    return " " not in form and sum(c.isupper() for c in form) >= 2 and not re.search(r"[a-z]{2}", form)


@lru_cache(maxsize=1)
def _index() -> _Index:
    words: dict[tuple[str, ...], list[Group]] = {}
    acronyms: dict[str, list[Group]] = {}
    written: set[str] = set()
    path = package_data("lexicons", "non_state_groups.tsv")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        group, forms = _parse(line, number)
        for form in dict.fromkeys(forms):
            if is_acronym(form):
                acronyms.setdefault(form, []).append(group)
            elif normalised := key(form):
                words.setdefault(normalised, []).append(group)
                if len(re.split(r"[\s-]+", form)) > 1 and form[:1].isupper():
                    written.update(_article_cases(form))
    longest = max((len(w) for w in words), default=0)
    return _Index(words, acronyms, longest, tuple(sorted(written, key=len, reverse=True)))


def _article_cases(form: str) -> list[str]:
    """A name opening with an Arabic article is written with it in either case ("Al-Qaeda", "al-Qaeda")."""
    head, separator, rest = form.partition("-")
    if separator and head.lower() in {"al", "el"}:
        return [f"{head.lower()}-{rest}", f"{head.capitalize()}-{rest}"]
    return [form]


def _parse(line: str, number: int) -> tuple[Group, list[str]]:
    fields = [f.strip() for f in line.split("\t")]
    if len(fields) != FIELDS:
        raise ValueError(f"non_state_groups.tsv line {number}: expected {FIELDS} tab-separated fields")
    name, aliases, code, sector, start, end, _note = fields
    if code not in NON_NATIONAL:
        found = pycountry.countries.get(alpha_3=code)
        if found is None:
            raise ValueError(f"non_state_groups.tsv line {number}: unknown country {code!r}")
        code = found.alpha_2
    group = Group(name, code, sector, int(start), int(end) if end else None)
    return group, [name, *(a.strip() for a in aliases.split(";") if a.strip())]


def find(names: list[str], year: int | None, *, beginnings: bool = True) -> Group | None:
    """The group an actor's names (its mentions) refer to, the publication year choosing between groups
    that share a name; None when no group or groups with different codes fit. ``beginnings=False`` asks
    for whole names only (a person's name may begin with a group's: "Amal Clooney")."""
    index = _index()
    candidates = [group for name in names for group in _lookup(index, name, beginnings)]
    return _choose(candidates, year) if candidates else None


def _lookup(index: _Index, name: str, beginnings: bool) -> list[Group]:
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    first = name.split()[0] if beginnings and name.split() else name
    if found := index.acronyms.get(name) or index.acronyms.get(first.removesuffix("'s")):
        return found
    words = key(name)
    if not beginnings:
        return index.words.get(words, [])
    for size in range(min(len(words), index.longest), 0, -1):
        if found := index.words.get(words[:size]):
            return found
    return []


def _choose(candidates: list[Group], year: int | None) -> Group | None:
    if year is not None:
        nearest = min(c.distance(year) for c in candidates)
        candidates = [c for c in candidates if c.distance(year) == nearest]
    if len({c.code for c in candidates}) != 1:
        return None
    return max(candidates, key=lambda c: c.start)


def names_in(text: str) -> list[tuple[int, int]]:
    """Character spans of listed names of two words or more written in ``text`` as listed ("Lord's
    Resistance Army", "al-Qaeda"), which a statistical tagger often misses; longest first at each place."""
    index = _index()
    if not index.written:
        return []
    pattern = _written_pattern(index.written)
    return [match.span() for match in pattern.finditer(text)]


@lru_cache(maxsize=1)
def _written_pattern(written: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(form) for form in written)
    # checking the first letter before trying hundreds of alternatives makes the scan ~3x faster
    first_letters = "".join(sorted({re.escape(form[0]) for form in written}))
    return re.compile(rf"(?<![\w-])(?=[{first_letters}])(?:{alternatives})(?![\w-])")
