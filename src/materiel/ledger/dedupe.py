"""Near-duplicates: syndicated copies of one story share a group and count as one source.

MinHash signatures (datasketch) over word 5-shingles, cut into LSH bands at a Jaccard threshold
that joins wire copies with a changed headline, byline or footer but not two stories on the same
topic (which share phrases, not most of their shingles).

The bands live in the ledger (`article_bands`, one indexed key per band), so finding the copies
of a new article is one indexed query: nothing is held in memory per ledger size. Two articles
are candidates when any band of theirs is equal, exactly as in datasketch's `MinHashLSH`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

from datasketch import MinHash
from datasketch.lsh import _optimal_param
from sqlalchemy import select
from sqlalchemy.engine import Connection

from materiel.ledger import schema

PERMUTATIONS = 128
# The hashing scheme of the stored signatures; fixed so that stored values stay comparable.
SCHEME = "affine32"
SHINGLE_WORDS = 5
# Estimated Jaccard similarity of shingle sets above which two articles are copies of one story.
COPY_THRESHOLD = 0.7
# Bands and rows per band that datasketch's MinHashLSH picks for this threshold (equal weight to
# false positives and false negatives): 14 bands of 9 values for 128 permutations at 0.7.
BANDS, ROWS = _optimal_param(COPY_THRESHOLD, PERMUTATIONS, 0.5, 0.5)
# Keys per query: well under SQLite's and PostgreSQL's limits on bound parameters.
KEYS_PER_QUERY = 500


def signature(text: str) -> MinHash:
    words = re.findall(r"\w+", text.casefold())
    minhash = MinHash(num_perm=PERMUTATIONS, scheme=SCHEME)
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles])
    return minhash


def band_keys(values: Sequence[int]) -> list[int]:
    """One key per band: a 63-bit hash of the band's number and values (fits a signed BIGINT)."""
    keys = []
    for band in range(BANDS):
        chunk = ",".join(str(int(v)) for v in values[band * ROWS : (band + 1) * ROWS])
        digest = hashlib.blake2b(f"{band}:{chunk}".encode(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big") >> 1)
    return keys


class BatchGroups:
    """The near-duplicate group of each article of one batch.

    The stored articles sharing a band with the batch are found with one query per
    KEYS_PER_QUERY keys; the batch's own articles are added as they are assigned, so an article
    finds a copy earlier in the same batch as it finds one stored before."""

    def __init__(self, connection: Connection, keys: Iterable[int]) -> None:
        self.known: dict[int, str] = {}  # band key -> the smallest group of an article with it
        bands, articles = schema.article_bands, schema.articles
        wanted = sorted(set(keys))
        for start in range(0, len(wanted), KEYS_PER_QUERY):
            query = (
                select(bands.c.key, articles.c.group_id, articles.c.id)
                .join(articles, articles.c.id == bands.c.article_id)
                .where(bands.c.key.in_(wanted[start : start + KEYS_PER_QUERY]))
            )
            for key, group, ident in connection.execute(query):
                self._note(key, group or ident)

    def _note(self, key: int, group: str) -> None:
        if key not in self.known or group < self.known[key]:
            self.known[key] = group

    def group_for(self, article: str, keys: list[int]) -> str:
        """The smallest group among the candidates (as the in-memory index chose), else a new one."""
        groups = [self.known[k] for k in keys if k in self.known]
        group = min(groups) if groups else article
        for key in keys:
            self._note(key, group)
        return group
