"""Source invariance of outlets (src26): a small fixed sample of dev articles (the first SAMPLE
whose gold sources name an outlet tools/source_invariance.py renames, read from ../shared at run
time), each cited outlet renamed in the text and the gold to an invented outlet of the same kind
and shape; the gold sources score.py finds must be found as well after as before."""

from __future__ import annotations

import json
import sys
import tempfile
from functools import cache
from pathlib import Path

import pytest

from materiel import api
from materiel.pipeline import Runner
from tests.conftest import SHARED, needs_shared
from tools.source_invariance import cited, outlets, rename

pytestmark = [pytest.mark.slow, needs_shared]

# Articles in the sample: the dev articles that cite an outlet (24 at src26), outlets of every kind.
SAMPLE = 24
# Articles of the sample whose renamed outlet is still missed, with why.
KNOWN_LOSSES: dict[int, str] = {
    19: "semeval25_EN_UA_015443: an unlisted outlet's name of no outlet's shape ('X reported earlier this"
    " week that ...') is no outlet; a known one is credited with the whole article (credit.outlet_credits)",
    23: "wib_2010-11-07-obama-the-arms-broker: an unlisted outlet's site name with nothing around it that"
    " says it is an outlet ('X.com, at least, ...'), where the lexicon's 'CNN' is one anywhere",
}


@cache
def _sample() -> list[dict]:
    records = [json.loads(line) for line in (SHARED / "gold" / "dev.jsonl").open(encoding="utf-8")]
    forms = outlets()
    return [r for r in records if cited(r, forms, (SHARED / r["file"]).read_text(encoding="utf-8"))][:SAMPLE]


def _score():
    sys.path.insert(0, str(SHARED / "eval"))
    import score

    return score


@cache
def _run(variant: str) -> tuple[dict[str, dict], dict[str, dict]]:
    """The sample's gold and materiel's output, the variant's pages in one stream as `materiel
    eval` runs them (each variant apart: near-copies of a page in one stream would be read as a
    site's repeated text)."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        records = []
        for record in _sample():
            new, page, _ = rename(record, (SHARED / record["file"]).read_text(encoding="utf-8"), variant, 0, outlets())
            (root / new["file"]).parent.mkdir(parents=True, exist_ok=True)
            (root / new["file"]).write_text(page, encoding="utf-8")
            records.append(new)
        found = list(api.predict_gold_records(records, root, Runner(api.extract_steps())))
    return {r["id"]: r for r in records}, {f["id"]: f for f in found}


def _sources(variant: str, index: int) -> float | None:
    gold, found = _run(variant)
    doc = _sample()[index]["id"]
    totals, _ = _score().score({doc: gold[doc]}, {doc: found.get(doc, {})})
    return totals["fields"].get("sources")


@pytest.mark.parametrize(
    "index",
    [
        pytest.param(i, marks=[pytest.mark.xfail(strict=True, reason=KNOWN_LOSSES[i])] if i in KNOWN_LOSSES else [])
        for i in range(SAMPLE)
    ],
)
def test_sources_found_alike_after_renaming(index: int) -> None:
    before, after = _sources("orig", index), _sources("invented", index)
    assert (after or 0) >= (before or 0), (_sample()[index]["id"], before, after)
