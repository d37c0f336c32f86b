"""Layout invariance (fmt26): does the extraction read an article the same when only its layout
changes? A gauge, not shipped.

    python tools/layout_invariance.py [--sets dev train] [--only wrap crlf ...] [--work DIR]
                                      [--diffs N] [--reuse]

`materiel` is the worktree's (.venv/bin/materiel), or the command the MATERIEL variable names (to
gauge another checkout's code while this one changes).

For every plain-text gold article of each set, each perturbation of tools/layout_perturb.py is
applied alone; the set's pages, perturbed where it changes them, and a gold file naming them are written under
--work (in /tmp, never into the project) under their own relative paths (a page's site is its
folder's name: clean/siterepeat.py), one `materiel eval` runs per set and perturbation over the
whole set, and each copy is scored with ../shared/eval/score.py against the same gold.
Gold fields that hold article text (title, must_keep, must_drop, once, repaired, quote starts) take
the perturbation too where it changes characters (numbers, titles, dashes); the scorer already
folds case, whitespace, NFKC spaces and quotation marks, so the others need nothing. HTML pages are
left as they are (their layout is the markup's) and count as unchanged.

Prints per set and perturbation: articles changed, articles whose ledger rows (transfers with
status, quantity range, via and sources; quotes with speaker) differ, and the change of every
score against the unperturbed run. `--diffs N` lists up to N differing articles with what moved.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from tools.layout_perturb import PERTURBATIONS, Perturbation  # noqa: E402

TEXT_FIELDS = ("must_keep", "must_drop", "once", "repaired")


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORE = _scorer()


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _page(record: dict) -> str | None:
    path = SHARED / record["file"]
    if path.suffix != ".txt":
        return None
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return None


def _gold_copy(record: dict, perturbation: Perturbation) -> dict:
    copy = json.loads(json.dumps(record))
    if not perturbation.gold_too:
        return copy
    change = lambda s: perturbation.apply(s, record["id"])  # noqa: E731
    if copy.get("title"):
        copy["title"] = change(copy["title"])
    for field in TEXT_FIELDS:
        copy[field] = [change(s) for s in copy.get(field, [])]
    for quote in copy.get("quotes", []):
        quote["starts"] = change(quote["starts"])
    return copy


def build(gold: list[dict], name: str, work: Path) -> tuple[Path, dict[str, dict]]:
    """Writes a copy of the set's pages (each perturbed where the perturbation changes it) under
    their own relative paths, so that each keeps its site (clean/siterepeat.py reads the folder's
    name), and a gold file beside them naming them."""
    perturbation = PERTURBATIONS[name]
    golds = {}
    for record in gold:
        page = _page(record)
        changed = page is not None and perturbation.apply(page, record["id"]) != page
        golds[record["id"]] = {**_gold_copy(record, perturbation), "_changed": changed}
        target = work / record["file"]
        target.parent.mkdir(parents=True, exist_ok=True)
        if changed:
            target.write_bytes(perturbation.apply(page, record["id"]).encode("utf-8"))
        else:
            target.write_bytes((SHARED / record["file"]).read_bytes())
    gold_path = work / "gold" / "set.jsonl"
    gold_path.parent.mkdir(parents=True, exist_ok=True)
    rows = [{k: v for k, v in g.items() if k != "_changed"} for g in golds.values()]
    gold_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return gold_path, golds


def run_eval(gold_path: Path, out: Path, reuse: bool) -> dict[str, dict]:
    if not (reuse and out.exists()):
        out.parent.mkdir(parents=True, exist_ok=True)
        program = os.environ.get("MATERIEL", str(ROOT / ".venv" / "bin" / "materiel"))
        command = [program, "eval", "--gold", str(gold_path), "--out", str(out)]
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL)
    return {r["id"]: r for r in _read_jsonl(out)}


def _fold(text: str | None) -> str:
    text = SCORE.fold(unicodedata.normalize("NFKC", text or ""))
    return re.sub(r"\s*[—–-]\s*", "-", text)


def rows_of(pred: dict) -> tuple[tuple, tuple]:
    """An article's ledger rows, with what a layout may rightly change folded away."""
    transfers = sorted(
        (
            SCORE.key_of(t),
            t.get("status"),
            SCORE.quantity_of(t),
            tuple(sorted(str(SCORE.actor_id(v)) for v in t.get("via") or [])),
            tuple(sorted(_fold(s.get("name") if isinstance(s, dict) else s) for s in t.get("sources") or [])),
        )
        for t in pred.get("transfers") or []
    )
    quotes = sorted(
        (
            _fold((q.get("speaker") or {}).get("name") if isinstance(q.get("speaker"), dict) else q.get("speaker")),
            _fold(q.get("text"))[:60],
        )
        for q in pred.get("quotes") or []
    )
    return tuple(map(repr, transfers)), tuple(quotes)


def _flat(result: dict) -> dict[str, float | None]:
    t = result["transfers"]
    return {
        "P": t["precision"],
        "R": t["recall"],
        "F1": t["f1"],
        **result["fields"],
        "quotes": result["quotes"],
        **result["cleaning"],
    }


SHOWN = (
    "F1",
    "P",
    "R",
    "status",
    "quantity",
    "sources",
    "quotes",
    "title",
    "must_keep",
    "must_drop",
    "once",
    "repaired",
)


def _delta(now: float | None, base: float | None) -> str:
    if now is None or base is None:
        return "   n/a"
    return f"{now - base:+6.3f}" if abs(now - base) >= 0.0005 else "     ."


def report(label: str, base_gold: dict, base_pred: dict, runs: dict[str, tuple[dict, dict]], diffs: int) -> None:
    base = _flat(SCORE.score(base_gold, base_pred)[0])
    print(
        f"\n== {label}: {len(base_gold)} articles; unperturbed "
        + "  ".join(f"{k} {base[k]:.3f}" for k in SHOWN if base[k] is not None)
    )
    print(f"{'perturbation':12} {'changed':>7} {'differ':>6} " + " ".join(f"{k[:6]:>6}" for k in SHOWN))
    listed = []
    for name, (gold, pred) in runs.items():
        now = _flat(SCORE.score(gold, pred)[0])
        differ = [i for i, g in gold.items() if rows_of(pred.get(i, {})) != rows_of(base_pred.get(i, {}))]
        changed = sum(g["_changed"] for g in gold.values())
        print(f"{name:12} {changed:7d} {len(differ):6d} " + " ".join(_delta(now[k], base[k]) for k in SHOWN))
        listed += [(name, i, pred.get(i, {})) for i in differ]
    for name, doc, pred in listed[:diffs]:
        before, after = rows_of(base_pred.get(doc, {})), rows_of(pred)
        print(f"\n-- {name} {doc}")
        for kind, old, new in (("transfer", before[0], after[0]), ("quote", before[1], after[1])):
            for row in sorted(set(old) - set(new)):
                print(f"   - {kind} {row}")
            for row in sorted(set(new) - set(old)):
                print(f"   + {kind} {row}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=["dev", "train"], choices=["dev", "train"])
    parser.add_argument("--only", nargs="+", choices=sorted(PERTURBATIONS), default=sorted(PERTURBATIONS))
    parser.add_argument("--work", type=Path, default=Path("/tmp/layout_invariance"))
    parser.add_argument("--diffs", type=int, default=0, help="list this many differing articles")
    parser.add_argument("--reuse", action="store_true", help="reuse the predictions already in --work")
    args = parser.parse_args()
    if args.work.resolve().is_relative_to(ROOT):
        sys.exit("--work must lie outside the project")
    for name in args.sets:
        gold = _read_jsonl(SHARED / "gold" / f"{name}.jsonl")
        base_gold = {r["id"]: r for r in gold}
        base_pred = run_eval(SHARED / "gold" / f"{name}.jsonl", args.work / name / "original.jsonl", args.reuse)
        runs = {}
        for perturbation in args.only:
            work = args.work / name / perturbation
            gold_path, golds = build(gold, perturbation, work)
            runs[perturbation] = golds, run_eval(gold_path, work / "pred.jsonl", args.reuse)
        report(name, base_gold, base_pred, runs, args.diffs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
