"""Where quote speakers are lost, as upper bounds read from totals only (quotes29): the quote
measure of score.py on variants of OUR prediction file whose speaker names are widened. A
gauge, not shipped: nothing here changes the package, and only totals are written (never a line
of an article).

    base        the prediction file as it is
    np_left     each chosen name with up to four words before it in its clause (truncated spans)
    np_both     and up to three words after it ("the White House Counsel’s Office")
    para_0      the chosen name and all the text of the quotation's paragraph outside it
    para_1      and of the paragraph before (a speaker named within reach, chosen or not)
    para_3      and of the three paragraphs before
    earlier     the chosen name and every name chosen for the article's earlier quotations

and, the package's ranker run again on the prediction's clean text (quotes.attribute):

    rerun       the likeliest candidate as quotes.best chooses it (the base again, as a check)
    no_floor    the likeliest candidate even below the ranker's threshold (quotations left bare)
    top2        the chosen candidate and the next likeliest (near misses of the ranker)
    offered     every candidate's name (the share of speakers offered at all)
    offered_np  and each candidate's words widened to their clause as np_both does (truncated spans)
    ch_X, of_X  the chosen candidate (ch_) or every candidate (of_) with its printed words widened
                one way only (SIDES: left words, a possessive, a conjunct, capitalised words, ...)
    text_K      the chosen candidate's printed words beside its name, for mentions of kind K only
    tier_T      the speaker chosen by quotes.best with its preference T (TIERS) left out, or all
    er_W        the chosen speaker and the article's earlier ones, for quotations of kind W only
    drop_K      no speaker where the chosen candidate is of kind K (base minus it: K's right ones);
                kind_counts: how many of our attributed quotations each kind speaks

    python tools/speaker_gauge.py GOLD PRED TOTALS        # on a prediction file of ours
    SPEAKER_TOTALS=/tmp/t.jsonl ../shared/eval/blind-check --materiel tools/speaker_gauge
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.recall_gauge import score_records

if TYPE_CHECKING:
    from materiel.article import Article
    from materiel.extract.speakers import Candidate

# Characters that end a clause around a name: what a noun phrase does not cross.
BREAK = re.compile(r"""[.,;:!?"“”„«»()\[\]\n—–]""")
LEFT_WORDS, RIGHT_WORDS = 4, 3
# Characters before a quotation in which its chosen name is looked for.
REACH = 1500

Widen = Callable[[dict, dict, list[dict]], str | None]


def _name(quote: dict) -> str | None:
    speaker = quote.get("speaker")
    return speaker.get("name") if isinstance(speaker, dict) else speaker


def _at(text: str, quote: dict, name: str) -> tuple[int, int] | None:
    """Where the chosen name is written nearest before the quotation, else after it."""
    start, end = quote["span"]["start"], quote["span"]["end"]
    for word in (name, name.split()[-1]):
        at = text.rfind(word, max(0, start - REACH), start)
        if at < 0:
            at = text.find(word, end)
        if at >= 0:
            return at, at + len(word)
    return None


def _phrase(text: str, quote: dict, name: str, right: bool) -> str:
    found = _at(text, quote, name) if name else None
    if found is None:
        return name
    start, end = found
    before = BREAK.split(text[max(0, start - 80) : start])[-1].split()[-LEFT_WORDS:]
    after = BREAK.split(text[end : end + 60])[0].split()[:RIGHT_WORDS] if right else []
    return " ".join([*before, text[start:end], *after])


def _paragraphs(text: str, quote: dict, back: int) -> str:
    start, end = quote["span"]["start"], quote["span"]["end"]
    opens = start
    for _ in range(back + 1):
        opens = text.rfind("\n\n", 0, max(opens - 1, 0))
        if opens < 0:
            opens = 0
            break
    closes = text.find("\n\n", end)
    closes = len(text) if closes < 0 else closes
    return text[opens:start] + " " + text[end:closes]


VARIANTS: dict[str, Widen] = {
    "base": lambda r, q, e: _name(q),
    "np_left": lambda r, q, e: _phrase(r["text"], q, _name(q) or "", False) or None,
    "np_both": lambda r, q, e: _phrase(r["text"], q, _name(q) or "", True) or None,
    "para_0": lambda r, q, e: f"{_name(q)} | {_paragraphs(r['text'], q, 0)}",
    "para_1": lambda r, q, e: f"{_name(q)} | {_paragraphs(r['text'], q, 1)}",
    "para_3": lambda r, q, e: f"{_name(q)} | {_paragraphs(r['text'], q, 3)}",
    "earlier": lambda r, q, e: " | ".join(filter(None, [_name(q), *(_name(x) for x in e)])) or None,
}


# quotes.best's preferences over the ranker's likeliest, each left out in turn by a tier_ variant.
TIERS = ("introducer", "head", "pronoun", "own", "reported")


def _best_without(options: list, scorer, dropped: str):
    """quotes.best with one of its preferences (TIERS) left out, or all of them ("all")."""
    from materiel.extract.quotes import _heads, _introduces, _subject_pronoun

    tests = {
        "introducer": _introduces,
        "head": _heads,
        "pronoun": _subject_pronoun,
        "own": lambda c: c.own_clause,
        "reported": lambda c: c.reported_before,
    }
    scored = [(scorer.probability(c.features), c) for c in options]
    plausible = [pair for pair in scored if pair[0] >= scorer.threshold or _subject_pronoun(pair[1])]
    if not plausible:
        return None
    for tier in TIERS:
        preferred = [pair for pair in plausible if tier != dropped and dropped != "all" and tests[tier](pair[1])]
        if preferred:
            return max(preferred, key=lambda pair: pair[0])[1]
    return max(plausible, key=lambda pair: pair[0])[1]


def record_article(record: dict) -> Article:
    """A prediction record (id, clean text, its paragraphs' languages) as the article it was."""
    from materiel.article import Article

    languages = record.get("paragraph_languages") or record.get("languages") or []
    return Article(id=record["id"], source=record["id"], text=record["text"], paragraph_languages=languages)


def _rerun(records: list[dict]) -> dict[str, list]:
    """Each record's quotations attributed again by the shipped ranker, with their candidates."""
    from materiel.extract.model import load_scorer
    from materiel.extract.quotes import ARTEFACT, attribute, best

    scorer = load_scorer(ARTEFACT)
    out = {}
    for record in records:
        article = record_article(record)
        found = attribute(article, lambda _, o: best(o, scorer))
        out[record["id"]] = [(a, sorted(a.candidates, key=lambda c: -scorer.probability(c.features))) for a in found]
        for dropped in (*TIERS, "all"):  # each quotation's speaker had best() left out one preference
            again = attribute(article, lambda _, o, d=dropped: _best_without(o, scorer, d))
            out[f"tier_{dropped}:{record['id']}"] = [(a, []) for a in again]
    return out


def _widened(text: str, candidate) -> str:
    mention = candidate.mention
    if mention is None:
        return candidate.name
    before = BREAK.split(text[max(0, mention.start - 80) : mention.start])[-1].split()[-LEFT_WORDS:]
    after = BREAK.split(text[mention.end : mention.end + 60])[0].split()[:RIGHT_WORDS]
    return f"{candidate.name} {' '.join([*before, text[mention.start : mention.end], *after])}"


# What `_side` reads after a mention: its possessive and the noun after ("’s Office"), a conjunct
# ("and Germany"), an "of" or "for" phrase, any three words, capitalised or lower-case words only.
RIGHT = {
    "": r"$^",
    "poss": r"['’]s\s+\S+",
    "and": r"\s+(?:and|&)\s+\S+(?:\s+\S+)?",
    "of": r"\s+(?:of|for)\s+\S+(?:\s+\S+){0,2}",
    "any": r"(?:\s*\S+){0,3}",
    "cap": r"(?:['’]s)?(?:\s+[A-Z][\w’'.-]*){1,3}",
    "low": r"(?:['’]s)?(?:\s+[a-z][\w’'-]*){1,3}",
}


def _side(text: str, candidate, left: int, right: str) -> str:
    """The candidate's name, its printed words, and those words widened by `left` words before
    them in their clause and by what RIGHT[`right`] reads after them."""
    mention = candidate.mention
    if mention is None:
        return candidate.name
    before = BREAK.split(text[max(0, mention.start - 80) : mention.start])[-1].split()
    before = before[-left:] if left else []
    found = re.match(RIGHT[right], text[mention.end : mention.end + 60])
    after = BREAK.split(found.group())[0] if found else ""
    words = " ".join([*before, text[mention.start : mention.end]]) + after
    return f"{candidate.name} {words} {mention.text}"


def _chosen(attributed) -> list:
    return [attributed.chosen] if attributed.chosen else []


def _likeliest(attributed, ranked: list) -> str | None:
    chosen = attributed.chosen or (ranked[0] if ranked else None)
    return chosen.name if chosen else None


def _top2(attributed, ranked: list) -> str:
    others = [c.name for c in ranked if c is not attributed.chosen][:1]
    return " | ".join([attributed.chosen.name if attributed.chosen else "", *others])


Pick = Callable[[str, object, list], str | None]
RERUN: dict[str, Pick] = {
    "rerun": lambda t, a, ranked: a.chosen.name if a.chosen else None,
    "no_floor": lambda t, a, ranked: _likeliest(a, ranked),
    "top2": lambda t, a, ranked: _top2(a, ranked),
    "offered": lambda t, a, ranked: " | ".join(c.name for c in ranked),
    "offered_np": lambda t, a, ranked: " | ".join(_widened(t, c) for c in ranked),
}
# The chosen candidate (ch_) or every candidate (of_) widened one way only (see _side).
SIDES = {
    "text": (0, ""), "left1": (1, ""), "left2": (2, ""), "left4": (4, ""), "poss": (0, "poss"), "and": (0, "and"),
    "of": (0, "of"), "right3": (0, "any"), "cap": (0, "cap"), "low": (0, "low"),
}  # fmt: skip


def _sided(left: int, right: str, every: bool) -> Pick:
    return lambda t, a, ranked: " | ".join(_side(t, c, left, right) for c in (ranked if every else _chosen(a)))


def _printed(kind: str) -> Pick:
    """The chosen candidate's printed words beside its name, for one kind of mention only."""
    return lambda t, a, ranked: " | ".join(
        f"{c.name} {c.mention.text}" if c.mention and c.mention.kind == kind else c.name for c in _chosen(a)
    )


for _key, (_left, _right) in SIDES.items():
    RERUN[f"ch_{_key}"] = _sided(_left, _right, False)
    RERUN[f"of_{_key}"] = _sided(_left, _right, True)
for _kind in ("person", "single", "org", "outlet", "role", "role_org", "pronoun"):
    RERUN[f"text_{_kind}"] = _printed(_kind)


# Where the article's earlier speakers are added to a quotation's chosen one (er_ variants): where
# a pronoun is the subject of a reporting verb beside it ("“...,” he said"), where it has a
# reporting clause of its own (no earlier speaker was offered), where it has none.
SPEAKING_PRONOUN = {"verb=subject", "verb=inverted"}
PLACES_HERE = {"at=same_before", "at=same_after"}
EARLIER_WHERE = {
    "er_pronoun": lambda ranked: any(
        c.mention is not None
        and c.mention.kind == "pronoun"
        and SPEAKING_PRONOUN & set(c.features)
        and PLACES_HERE & set(c.features)
        for c in ranked
    ),
    "er_clause": lambda ranked: not any("kind=earlier" in c.features for c in ranked),
    "er_bare": lambda ranked: any("kind=earlier" in c.features for c in ranked),
}


def _with_earlier(attributed: list, where: Callable[[list], bool]) -> list[dict]:
    out, said = [], []
    for a, ranked in attributed:
        name = a.chosen.name if a.chosen else ""
        names = [name, *said] if where(ranked) else [name]
        out.append({"text": a.quotation.text, "speaker": {"name": " | ".join(filter(None, names)) or None}})
        said += [name] if name else []
    return out


# Kinds of chosen candidate (its "kind=" feature's first part), each dropped by a drop_ variant.
KINDS = ("person", "single", "org", "outlet", "role", "role_org", "role_self", "pronoun", "prev", "earlier")


def kind_of(candidate: Candidate) -> str:
    kind = next((k.removeprefix("kind=") for k in candidate.features if k.startswith("kind=") and "&" not in k), "")
    return next((g for g in sorted(KINDS, key=len, reverse=True) if kind == g or kind.startswith(g + "_")), kind)


def _dropping(attributed: list, kind: str) -> list[dict]:
    return [
        {
            "text": a.quotation.text,
            "speaker": {"name": a.chosen.name if a.chosen and kind_of(a.chosen) != kind else None},
        }
        for a, _ in attributed
    ]


def kind_counts(records: list[dict]) -> dict[str, int]:
    """How many of OUR attributed quotations each kind of chosen candidate speaks (a total)."""
    attributed = _rerun(records)
    chosen = [kind_of(a.chosen) for r in records for a, _ in attributed[r["id"]] if a.chosen]
    return {kind: chosen.count(kind) for kind in KINDS}


def rerun_variants(records: list[dict]) -> dict[str, list[dict]]:
    attributed = _rerun(records)
    out = {}
    for kind in KINDS:  # the quotes each kind of chosen candidate gets right: base minus this
        out[f"drop_{kind}"] = [{"id": r["id"], "quotes": _dropping(attributed[r["id"]], kind)} for r in records]
    for name, where in EARLIER_WHERE.items():
        out[name] = [{"id": r["id"], "quotes": _with_earlier(attributed[r["id"]], where)} for r in records]
    for dropped in (*TIERS, "all"):
        out[f"tier_{dropped}"] = [
            {
                "id": r["id"],
                "quotes": [
                    {"text": a.quotation.text, "speaker": {"name": a.chosen.name if a.chosen else None}}
                    for a, _ in attributed[f"tier_{dropped}:{r['id']}"]
                ],
            }
            for r in records
        ]
    for name, pick in RERUN.items():
        out[name] = [
            {
                "id": r["id"],
                "quotes": [
                    {"text": a.quotation.text, "speaker": {"name": pick(r["text"], a, ranked) or None}}
                    for a, ranked in attributed[r["id"]]
                ],
            }
            for r in records
        ]
    return out


def variant(records: list[dict], widen: Widen) -> list[dict]:
    out = []
    for record in records:
        quotes = [q for q in record.get("quotes") or [] if isinstance(q, dict) and q.get("span")]
        widened = [{"text": q["text"], "speaker": {"name": widen(record, q, quotes[:i])}} for i, q in enumerate(quotes)]
        out.append({"id": record["id"], "quotes": widened})
    return out


def sweep(gold: str, out: str, totals: str) -> None:
    records = [json.loads(line) for line in Path(out).read_text().splitlines()]
    lines = []
    with tempfile.TemporaryDirectory(dir=Path(out).parent) as folder:
        for name, widen in VARIANTS.items():
            lines.append({"variant": name, "quotes": score_records(gold, variant(records, widen), folder)["quotes"]})
        for name, widened in rerun_variants(records).items():
            lines.append({"variant": name, "quotes": score_records(gold, widened, folder)["quotes"]})
    lines.append({"variant": "kind_counts", **kind_counts(records)})
    with open(totals, "a", encoding="utf-8") as handle:
        handle.writelines(json.dumps(x) + "\n" for x in lines)


if __name__ == "__main__":
    sweep(*sys.argv[1:4])
