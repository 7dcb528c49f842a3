"""Duplicate detection: exact (normalised URL, content hash) and near-duplicate (MinHash LSH).

Syndicated copies of one wire story differ by a byline, a dateline or a trailing paragraph; their word
shingles still overlap heavily, so a MinHash estimate of the Jaccard similarity finds them without
comparing every pair. A duplicate is linked to its canonical article (``duplicate_of``), never dropped.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
SCHEME = "affine32"
"""datasketch's hashing scheme, fixed so stored signatures stay comparable across library upgrades."""
SHINGLE_WORDS = 3
DEFAULT_THRESHOLD = 0.8
TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|smid)$", re.IGNORECASE)
WORD = re.compile(r"\w+")


def normalize_url(url: str | None) -> str | None:
    """A comparable form of a URL: lower-case scheme and host, no fragment, default port or tracking
    parameters, sorted query, no trailing slash. ``None`` stays ``None``."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port and (parts.scheme, parts.port) not in {("http", 80), ("https", 443)}:
        host = f"{host}:{parts.port}"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(query), ""))


def normalize_text(text: str) -> str:
    """Text reduced to what a reader sees: NFKC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_hash(text: str) -> str:
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def minhash_of(text: str, num_perm: int = NUM_PERM) -> MinHash:
    """MinHash of the word shingles of ``text`` (a text shorter than a shingle is one shingle)."""
    words = WORD.findall(normalize_text(text))
    count = max(len(words) - SHINGLE_WORDS + 1, 1)
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(count)}
    signature = MinHash(num_perm=num_perm, scheme=SCHEME)
    signature.update_batch(list(shingles))
    return signature


def signature_bytes(signature: MinHash) -> bytes:
    return signature.hashvalues.astype(np.uint64).tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype=np.uint64)
    return MinHash(num_perm=len(values), hashvalues=values, scheme=SCHEME)


@dataclass(frozen=True, slots=True)
class NearMatch:
    article_id: int
    similarity: float


class NearDuplicateIndex:
    """An in-memory LSH index over canonical articles' signatures; rebuilt from the store on open."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: dict[int, MinHash] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, article_id: int, signature: MinHash) -> None:
        if article_id not in self._signatures:
            self._lsh.insert(article_id, signature)
            self._signatures[article_id] = signature

    def best_match(self, signature: MinHash) -> NearMatch | None:
        """The most similar indexed article at or above the threshold, oldest first on ties."""
        scored = [
            NearMatch(candidate, signature.jaccard(self._signatures[candidate]))
            for candidate in self._lsh.query(signature)
        ]
        scored = [match for match in scored if match.similarity >= self.threshold]
        return min(scored, key=lambda m: (-m.similarity, m.article_id), default=None)
