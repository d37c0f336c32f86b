"""Rewrite OUR executed stages to pledged where the article's frame tells a commitment (status21):
an ablation of our own `materiel eval` output for blind-check's `--materiel`, totals only.

    python tools/frame_ablate.py PRED.jsonl --frame head_commit [--frame no_done ...]

Every frame named must hold for a transfer we call executed (delivered, in_progress) to be
rewritten to pledged; the check set's status total then moves by (gold committed - gold executed)
among the rewritten. Frames, read from our own record (headline, text, the transfer's evidence):
`head_commit` the headline tells a commitment ("X to send", "pledges", "approves", "deal") and no
done giving ("sends", "delivered", "arrive"); `no_done` the article nowhere says that anything
arrived, was received or delivered, or has (already) been sent; `future` an evidence sentence looks
ahead ("will", "expected to", "due to", "next year"); `report` an evidence sentence names an
announcement, approval, deal or package; `under_deal` an evidence sentence places the transfer
under a deal, agreement, contract or package ("under the agreement", "as part of the package").
The file is rewritten in place; nothing is printed.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.predictions import rewrite

EXECUTED = {"delivered", "in_progress"}
FRAMES = ("head_commit", "no_done", "future", "report", "under_deal")
# A headline that tells a commitment: an infinitive of giving ("Germany to send tanks"), a verb of
# promising, approving or agreeing, or a deal noun.
HEAD_COMMIT = re.compile(
    r"\b(?:to\s+(?:send|supply|deliver|provide|give|sell|buy|acquire|receive|get|transfer|ship|hand)"
    r"|pledge[sd]?|promise[sd]?|vows?|approve[sd]?|agree[sd]?|signs?|inks?|announce[sd]?|unveil(?:s|ed)?"
    r"|plans?|will|deal|contract|package|orders?|clears?|OKs?|greenlights?|wins?|secures?|offers?|commits?)\b",
    re.I,
)
# A headline that tells a giving done (the headline's present simple tells a past event).
HEAD_DONE = re.compile(
    r"\b(?:sends|sent|delivers|delivered|arrives?|arrived|receives?|received|hands?\s+over|handed|supplies"
    r"|supplied|ships|shipped|transfers|transferred|gets|got|gives|gave|provides|provided)\b",
    re.I,
)
# Words that tell that something reached its recipient.
DONE = re.compile(
    r"\b(?:arrived|arrive[sd]?|delivered|received|handed\s+over|took\s+delivery|taken\s+delivery|in\s+service"
    r"|(?:have|has|had)\s+(?:already\s+)?(?:been\s+)?(?:sent|supplied|delivered|transferred|shipped|provided"
    r"|given|handed|received|donated)|already)\b",
    re.I,
)
# Time ahead in a sentence.
FUTURE = re.compile(
    r"\b(?:will|'ll|shall|expected\s+to|due\s+(?:to|in|by)|set\s+to|(?:is|are)\s+to|to\s+be\s+(?:delivered"
    r"|sent|supplied|shipped|transferred)|next\s+(?:week|month|year)|in\s+the\s+coming|by\s+the\s+end\s+of"
    r"|later\s+this|plans?\s+to|intends?\s+to|would)\b",
    re.I,
)
# An announcement, approval, deal or package named in a sentence.
REPORT = re.compile(
    r"\b(?:announced|approved|agreed|signed|unveiled|pledged|promised|committed|authori[sz]ed|cleared"
    r"|ordered|contract(?:ed)?|deal|package)\b",
    re.I,
)


# A transfer placed under a commitment: "under the agreement", "as part of the new package".
UNDER_DEAL = re.compile(
    r"\b(?:under|as\s+part\s+of|within|in\s+line\s+with)\s+(?:the|a|an|this|that|its|their)\s+(?:[\w$.,-]+\s+){0,4}?"
    r"(?:agreements?|deals?|contracts?|package|accords?|memorandum|plan|programme|program)\b",
    re.I,
)


def frames(transfer: dict, record: dict) -> set[str]:
    """The frames that hold for one transfer of one record (plain forms)."""
    text = record.get("text") or ""
    title = record.get("title") or ""
    sentences = [text[s["start"] : s["end"]] for s in transfer.get("evidence") or []]
    held = set()
    if title and HEAD_COMMIT.search(title) and not HEAD_DONE.search(title):
        held.add("head_commit")
    if not DONE.search(text):
        held.add("no_done")
    if any(FUTURE.search(s) for s in sentences):
        held.add("future")
    if any(REPORT.search(s) for s in sentences):
        held.add("report")
    if any(UNDER_DEAL.search(s) for s in sentences):
        held.add("under_deal")
    return held


def ablate(records: list[dict], wanted: set[str]) -> int:
    moved = 0
    for record in records:
        for transfer in record.get("transfers") or []:
            if transfer.get("status") in EXECUTED and wanted <= frames(transfer, record):
                transfer["status"] = "pledged"
                moved += 1
    return moved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pred", type=Path)
    parser.add_argument("--frame", action="append", required=True, choices=FRAMES)
    args = parser.parse_args()
    rewrite(args.pred, lambda records: ablate(records, set(args.frame)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
