"""Near-duplicates: syndicated copies of one story share a group and count as one source.

MinHash signatures (datasketch) over word 5-shingles, with an LSH index at a Jaccard threshold
that joins wire copies with a changed headline, byline or footer but not two stories on the same
topic (which share phrases, not most of their shingles).
"""

from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH
from sqlalchemy import select
from sqlalchemy.engine import Engine

from materiel.ledger import schema

PERMUTATIONS = 128
# The hashing scheme of the stored signatures; fixed so that stored values stay comparable.
SCHEME = "affine32"
SHINGLE_WORDS = 5
# Estimated Jaccard similarity of shingle sets above which two articles are copies of one story.
COPY_THRESHOLD = 0.7


def signature(text: str) -> MinHash:
    words = re.findall(r"\w+", text.casefold())
    minhash = MinHash(num_perm=PERMUTATIONS, scheme=SCHEME)
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    for shingle in shingles:
        minhash.update(shingle.encode("utf-8"))
    return minhash


class NearDuplicates:
    """An LSH index of the ledger's articles, mapping each to its group."""

    def __init__(self) -> None:
        self.index = MinHashLSH(threshold=COPY_THRESHOLD, num_perm=PERMUTATIONS)
        self.groups: dict[str, str] = {}

    @classmethod
    def load(cls, engine: Engine) -> NearDuplicates:
        near = cls()
        query = select(schema.articles.c.id, schema.articles.c.group_id, schema.articles.c.minhash)
        with engine.connect() as connection:
            for key, group, values in connection.execute(query):
                if values:
                    near.add(key, MinHash(num_perm=PERMUTATIONS, hashvalues=values, scheme=SCHEME), group or key)
        return near

    def add(self, key: str, minhash: MinHash, group: str) -> None:
        if key not in self.groups:
            self.index.insert(key, minhash)
            self.groups[key] = group

    def group_for(self, key: str, minhash: MinHash) -> str:
        """The group of the first stored copy of this text, or a new group named by its key."""
        matches = sorted(self.groups[m] for m in self.index.query(minhash) if m in self.groups)
        group = matches[0] if matches else key
        self.add(key, minhash, group)
        return group
