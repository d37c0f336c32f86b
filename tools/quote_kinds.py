"""Gold quotes lost, by kind of loss, by source and by kind of text: which kinds of article lose
quotations, and whether to the quotation reader or to the speaker ranker.

    python tools/quote_kinds.py --pred /tmp/dev.jsonl --pred /tmp/train.jsonl [--oof losses.jsonl]

Each `--pred` file (the predictions of `materiel eval`) is one split, scored apart. A gold quote is
`right`, `not found` (no predicted quotation holds its first words), `span` (a predicted quotation
holds them, but does not start with them), `no speaker` or `wrong speaker`; `extra` counts the
attributed quotations we report that no gold quote starts or sits in (costless to the measure,
but they show what the reader takes for a quotation). `--oof` reads the JSON lines of
`tools/speaker_losses.py --json` (losses out of fold) and shows them by the same kinds of text.

A quote's kind of text, the first that holds: `transcript` (two or more lines opened by a
speaker's label, "Q:", "MR. LEE:"), `liveblog` (time-stamped entries), `post` (its paragraph
quotes a post: X, Telegram, Facebook), `statement` (its paragraph quotes a statement, release,
readout, letter or report), `translated` (marks or credits of translated news: guillemets, low
marks, a state agency), `wire` (a wire's credit), else `news`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.quote_losses import gold_records, outcome  # noqa: E402

# A line opened by a speaker's label: "Q:", "A:", "QUESTION:", "MR. LEE:", "SECRETARY HALE:".
LABEL = re.compile(r"^(?:Q|A|QUESTION|ANSWER|(?:[A-Z][A-Z.'\-]+\s){0,3}[A-Z][A-Z.'\-]{1,})\s?:", re.M)
# A live blog's entry stamp at a line's start: "14:05", "9.30 BST", "10:12 a.m."
STAMP = re.compile(r"^\d{1,2}[:.]\d{2}\b(?:\s?(?:[ap]\.?m\.?|BST|GMT|CET|CEST|EET|EEST|ET|UTC))?", re.M | re.I)
POST = re.compile(
    r"""\b(?:tweet(?:ed)?|Telegram|Facebook|Instagram|posted|a\spost|on\sX\b|on\sTwitter|
    social\smedia|pic\.twitter|\(@\w+\)|wrote\son)""",
    re.X | re.I,
)
DOCUMENT = re.compile(
    r"""\b(?:statement|press\srelease|communiqu[eé]|readout|the\sletter|a\sletter|the\sreport|
    a\sreport|the\sdocument|the\sindictment|the\sresolution|the\sagreement|the\sjoint)\b""",
    re.X | re.I,
)
TRANSLATED = re.compile(
    r"""[«»„]|\b(?:Ukrinform|UNIAN|Interfax|TASS|RIA\sNovosti|Ukrainska\sPravda|BelTA|Xinhua|
    Anadolu|Yonhap|KCNA|press\sservice|translated)\b""",
    re.X,
)
WIRE = re.compile(r"\((?:Reuters|AP|AFP|dpa|Bloomberg)\)|\bAssociated\sPress\b|\bAgence\sFrance-Presse\b", re.X)
# A live blog's headline: "Live: ...", "... - live updates", "as it happened".
LIVE_TITLE = re.compile(r"\blive\b|live\supdates|as\sit\shappened", re.I)
# Gold quotes have at least five words (gold/GUIDE.md): an extra under that is no missed gold quote.
GOLD_WORDS = 5
# Labelled lines and stamps needed before an article counts as a transcript or a live blog.
LABELS_NEEDED = 2
STAMPS_NEEDED = 3
LOOKUP_WORDS = 4
KINDS = ("transcript", "liveblog", "post", "statement", "translated", "wire", "news")
OUTCOMES = ("right", "wrong speaker", "no speaker", "span", "not found")


def article_kind(text: str, title: str = "") -> str | None:
    """The kind the whole article has, where it has one."""
    if len(LABEL.findall(text)) >= LABELS_NEEDED:
        return "transcript"
    if len(STAMP.findall(text)) >= STAMPS_NEEDED or LIVE_TITLE.search(title):
        return "liveblog"
    return None


def quote_kind(text: str, starts: str, title: str = "") -> str:
    """The kind of text a quote beginning with `starts` stands in (see the module's doc)."""
    whole = article_kind(text, title)
    if whole:
        return whole
    paragraph = _paragraph(text, starts)
    if POST.search(paragraph):
        return "post"
    if DOCUMENT.search(paragraph):
        return "statement"
    if TRANSLATED.search(text):
        return "translated"
    return "wire" if WIRE.search(text) else "news"


def _paragraph(text: str, starts: str) -> str:
    words = starts.split()[:LOOKUP_WORDS]
    match = re.search(r"\W+".join(re.escape(w) for w in words), text)
    if not match:
        return ""
    begin = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    return text[begin : end if end >= 0 else len(text)]


def gold_outcome(expected: dict, predicted: list[dict], fold: Callable[[str | None], str]) -> str:
    """outcome() of quote_losses, with `span` split from `not found`."""
    kind = outcome(expected, predicted, fold)
    if kind == "not found":
        head = " ".join(fold(expected["starts"]).split()[:LOOKUP_WORDS])
        if any(head and head in fold(q.get("text")) for q in predicted):
            return "span"
        return kind
    return {"right speaker": "right", "another speaker": "wrong speaker"}.get(kind, kind)


def extras(gold: list[dict], predicted: list[dict], fold: Callable[[str | None], str]) -> list[str]:
    """The texts of attributed quotations that no gold quote starts or sits in."""
    starts = [fold(g["starts"]) for g in gold]
    out = []
    for quote in predicted:
        text = fold(quote.get("text"))
        if quote.get("speaker") and not any(s in text for s in starts):
            out.append(quote.get("text") or "")
    return out


def table(title: str, rows: dict[str, Counter], columns: tuple[str, ...]) -> None:
    print(f"\n{title:<14}" + "".join(f"{c:>14}" for c in columns) + f"{'total':>8}{'lost %':>8}")
    for name, counts in sorted(rows.items(), key=lambda kv: -sum(kv[1][c] for c in columns if c != "right")):
        total = sum(counts[c] for c in OUTCOMES) or 1
        lost = total - counts["right"]
        print(f"{name:<14}" + "".join(f"{counts[c]:>14}" for c in columns) + f"{total:>8}{100 * lost / total:>7.1f}%")


def split_report(path: Path, gold: dict[str, dict], fold: Callable[[str | None], str]) -> None:
    by_kind: dict[str, Counter] = defaultdict(Counter)
    by_source: dict[str, Counter] = defaultdict(Counter)
    for line in path.read_text().splitlines():
        pred = json.loads(line)
        record = gold.get(pred["id"], {})
        predicted = [q for q in pred.get("quotes") or [] if isinstance(q, dict)]
        text, title = pred.get("text") or "", pred.get("title") or ""
        source = pred["id"].split("_")[0]
        for expected in record.get("quotes", []):
            result = gold_outcome(expected, predicted, fold)
            by_kind[quote_kind(text, expected["starts"], title)][result] += 1
            by_source[source][result] += 1
        for extra in extras(record.get("quotes", []), predicted, fold):
            short = len(extra.split()) < GOLD_WORDS
            for rows, key in ((by_source, source), (by_kind, quote_kind(text, extra, title))):
                rows[key]["extra" if not short else "extra short"] += 1
    columns = (*OUTCOMES, "extra", "extra short")
    print(f"== {path}")
    table("kind of text", by_kind, columns)
    table("source", by_source, columns)


def oof_report(path: Path, gold: dict[str, dict], texts: dict[str, tuple[str, str]]) -> None:
    """Out-of-fold losses (speaker_losses.py --json) by kind of text, beside each kind's gold total."""
    totals: Counter[str] = Counter()
    lost: dict[str, Counter] = defaultdict(Counter)
    for doc_id, record in gold.items():
        if doc_id in texts:
            for expected in record.get("quotes", []):
                totals[quote_kind(texts[doc_id][0], expected["starts"], texts[doc_id][1])] += 1
    for line in path.read_text().splitlines():
        row = json.loads(line)
        text, title = texts.get(row["id"], ("", ""))
        lost[quote_kind(text, row["starts"], title)][row["kind"]] += 1
    kinds = ("wrong+cand", "wrong-cand", "no_speaker", "not_found")
    header = "".join(f"{k:>12}" for k in kinds)
    print(f"\n== out of fold ({path})\n{'kind of text':<14}{header}{'gold':>8}{'lost %':>8}")
    for kind in KINDS:
        counts = lost[kind]
        print(
            f"{kind:<14}"
            + "".join(f"{counts[k]:>12}" for k in kinds)
            + f"{totals[kind]:>8}{100 * sum(counts.values()) / (totals[kind] or 1):>7.1f}%"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pred", type=Path, action="append", required=True)
    parser.add_argument("--oof", type=Path)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    sys.path.insert(0, str(args.shared / "eval"))
    from score import fold

    gold = gold_records(args.shared)
    texts: dict[str, tuple[str, str]] = {}
    for path in args.pred:
        split_report(path, gold, fold)
        for line in path.read_text().splitlines():
            pred = json.loads(line)
            texts[pred["id"]] = (pred.get("text") or "", pred.get("title") or "")
    if args.oof:
        oof_report(args.oof, gold, texts)


if __name__ == "__main__":
    main()
