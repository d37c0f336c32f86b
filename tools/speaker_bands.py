"""How far back each gold quote's speaker was last written, and how often the ranker is right at
each distance, out of fold (the grouped cross-validation of tools/speaker_losses.py). Every gold
quote that a quotation starts with is put in a band by the sentences between the last writing of
its gold speaker's name before the quotation (or in the quotation's own sentence) and the
quotation's sentence: same, 1, 2, 3-6, 7+, after (written only later) or never. Each band prints
its count and accuracy by split (train, dev), and the wrong picks of each band by kind (`--json`
rows carry the quotation's sentence too, to sort the picks by construction):

    previous    the speaker of the article's quotation just before (by the gold)
    between     someone else the gold has quoted since the speaker was last written
    nearest     the person (a name, not an organisation) written last before the quotation
    org         an organisation, state or outlet
    pronoun     a pronoun or role noun resolved to someone else
    none        no speaker given
    other       anyone else

    python tools/speaker_bands.py [--shared ../shared] [--cache build/quote_texts.jsonl]
        [--seed 1] [--json out.jsonl]
"""

from __future__ import annotations

import bisect
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from materiel.extract import quotes as quotes_module  # noqa: E402
from materiel.extract.abbreviations import with_short  # noqa: E402
from materiel.extract.quotes import Attributed, english_paragraphs  # noqa: E402
from tools.speaker_losses import out_of_fold, out_of_fold_parser  # noqa: E402
from tools.train_speakers import article_of, fold  # noqa: E402

BANDS = ["same", "1", "2", "3-6", "7+", "after", "never"]
ORGANISATIONS = {"org", "outlet", "role_org"}


def band(sentences_back: int | None, after: bool) -> str:
    if sentences_back is None:
        return "after" if after else "never"
    if sentences_back <= 0:
        return "same"
    if sentences_back <= 2:
        return str(sentences_back)
    return "3-6" if sentences_back <= 6 else "7+"


def rows_of(record: dict, found: list[Attributed]) -> list[dict]:
    """One row per gold quote that a found quotation starts with."""
    text = record["text"]
    if not found:
        return []
    setting = quotes_module._setting(text, english_paragraphs(article_of(record)), [a.quotation for a in found])
    starts = [s.start for s in setting.sentences]
    persons = [m for m in setting.mentions if m.kind in ("person", "single") and not m.antecedent]

    def sentence_of(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    order = [(fold(q["starts"]), fold(q["speaker"]), q["speaker"]) for q in record["quotes"]]
    gold_of = {}
    for a in found:
        said = fold(a.quotation.text)
        gold_of[id(a)] = next((g for g in order if said.startswith(g[0])), None)
    rows = []
    for index, a in enumerate(found):
        gold = gold_of[id(a)]
        if gold is None:
            continue
        _, speaker, written = gold
        here = sentence_of(a.quotation.start)
        sentence_end = setting.sentences[here].end if setting.sentences else a.quotation.end
        at = text.lower().rfind(written.lower(), 0, max(sentence_end, a.quotation.end))
        back = None if at < 0 else here - sentence_of(at)
        if at >= 0 and at >= a.quotation.start and sentence_of(at) == here:
            back = 0
        later = text.lower().find(written.lower(), a.quotation.end) >= 0
        name = with_short(a.chosen.name, text) if a.chosen else None  # as the package writes it
        said = fold(name) if name else ""
        right = bool(said) and speaker in said
        row = {
            "id": record["id"],
            "split": record["split"],
            "gold": written,
            "band": band(back, later),
            "paragraphs": None if at < 0 else text.count("\n\n", at, a.quotation.start),
            "right": right,
            "offered": any(speaker in fold(c.name) for c in a.candidates),
            "said": name,
            "sentence": text[setting.sentences[here].start : sentence_end] if setting.sentences else "",
        }
        if not right:
            row["wrong"] = _wrong_kind(a, index, found, gold_of, at, persons)
            row["starts"] = a.quotation.text[:60]
        rows.append(row)
    return rows


def _wrong_kind(a: Attributed, index: int, found: list[Attributed], gold_of: dict, at: int, persons: list) -> str:
    if a.chosen is None:
        return "none"
    said = fold(a.chosen.name)
    earlier = [gold_of[id(b)] for b in found[:index] if gold_of[id(b)]]
    if earlier and earlier[-1][1] and earlier[-1][1] in said:
        return "previous"
    since = [g for b, g in zip(found[:index], earlier, strict=False) if g and b.quotation.start > at]
    if any(g[1] and g[1] in said for g in since):
        return "between"
    mention = a.chosen.mention
    if mention is not None and mention.kind in ORGANISATIONS:
        return "org"
    before = [m for m in persons if m.end <= a.quotation.start]
    if before and fold(before[-1].name or before[-1].text) in said:
        return "nearest"
    if mention is not None and mention.kind in ("pronoun", "role"):
        return "pronoun"
    return "other"


def main() -> None:
    parser = out_of_fold_parser(__doc__)
    parser.add_argument("--json", type=Path, help="also write every row as JSON lines")
    args = parser.parse_args()
    records, found = out_of_fold(args)
    rows = [row for r in records for row in rows_of(r, found[r["id"]][0])]
    if args.json:
        args.json.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
    table: dict[tuple[str, str], list[bool]] = defaultdict(list)
    wrong: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        table[(row["band"], row["split"])].append(row["right"])
        table[(row["band"], "all")].append(row["right"])
        if not row["right"]:
            wrong[row["band"]][row["wrong"] + ("" if row["offered"] else "/unoffered")] += 1
    print(f"{'band':<6} {'train':>12} {'dev':>12} {'all':>12}  wrong picks")
    for name in BANDS:
        cells = []
        for split in ("train", "dev", "all"):
            values = table[(name, split)]
            cells.append(f"{sum(values):4d}/{len(values):<4d}{sum(values) / len(values):.2f}" if values else " " * 12)
        print(f"{name:<6} " + " ".join(f"{c:>12}" for c in cells) + "  " + json.dumps(dict(wrong[name].most_common())))


if __name__ == "__main__":
    main()
