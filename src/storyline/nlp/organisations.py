"""Intergovernmental organisations (``lexicons/organisations.json``): which actor names name one.

An actor is intergovernmental when its name, or one of its aliases, begins with the full name or an acronym
of a listed organisation as whole words ("UN", "U.N. peacekeepers", "NATO forces", "the Security Council").
Acronyms are matched case-sensitively so that "who" or "Eu" in a name do not count.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache

from storyline.config import package_data

_LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _igo_names() -> tuple[frozenset[str], frozenset[str]]:
    """(full names lower case, acronyms as written)."""
    data = json.loads(package_data("lexicons", "organisations.json").read_text(encoding="utf-8"))
    names, acronyms = set(), set()
    for entry in data["intergovernmental"]:
        if not entry.get("name"):
            raise ValueError(f"organisations.json: entry without a name: {entry}")
        for form in [entry["name"], *entry.get("aliases", [])]:
            (acronyms if _is_acronym(form) else names).add(form if _is_acronym(form) else form.lower())
    return frozenset(names), frozenset(acronyms)


def _is_acronym(form: str) -> bool:
    return " " not in form and sum(c.isupper() for c in form) >= 2


def is_intergovernmental(names: Iterable[str]) -> bool:
    """Whether any of an actor's names begins with an intergovernmental organisation's name or acronym."""
    full_names, acronyms = _igo_names()
    for name in names:
        name = _LEADING_ARTICLE.sub("", name.strip())
        words = name.split()
        if words and words[0].removesuffix("'s") in acronyms:
            return True
        lowered = f"{name.lower()} "
        if any(lowered.startswith(f"{full} ") or lowered.startswith(f"{full}'s ") for full in full_names):
            return True
    return False
