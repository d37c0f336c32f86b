"""Encoding repair: materiel against ftfy alone, on the test cases (tests/cases/cleaning) and real text.

    .venv/bin/python bench/encoding.py [--shared ../shared]

Legacy mix-ups: every sentence of `encoding.json` written in each of its code pages and read as
Windows-1252. Cyrillic mix-ups: every sentence written in one Cyrillic code page and read with
another (its `mixups`), pair by pair, known failures included. UTF-8 mojibake: every sentence's
UTF-8 read as Windows-1252. Correct lines that must come out unchanged: `negatives.json` and the
sentences themselves; the Cyrillic strings of Unicode CLDR (names of places, languages, units,
shipped with Babel); and the lines of ../shared/corpus (news/ and train/) that hold Cyrillic,
counted as changed when they get any repair but ftfy's. Speed: every line above through
`repair_line`, against `ftfy.fix_text` on the same lines in the same run.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import ftfy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from materiel.article import Repair  # noqa: E402
from materiel.clean.encoding import repair_line  # noqa: E402
from tools import cldr  # noqa: E402
from tools.cldr import CYRILLIC, misread  # noqa: E402

CASES = ROOT / "tests" / "cases" / "cleaning"


def ours(line: str) -> str:
    return repair_line(line, [])


def rate(pairs: list[tuple[str, str]], fix: Callable[[str], str]) -> float:
    return sum(fix(broken) == wanted for broken, wanted in pairs) / len(pairs) if pairs else float("nan")


def cldr_lines() -> list[str]:
    try:
        return cldr.cyrillic_texts()
    except ImportError:
        return []


def corpus_lines(shared: Path) -> list[str]:
    paths = sorted((shared / "corpus").glob("news/*")) + sorted((shared / "corpus").glob("train/*"))
    return [
        line
        for path in paths
        for line in path.read_text(encoding="utf-8", errors="replace").split("\n")
        if CYRILLIC.search(line)
    ]


def code_page_repairs(line: str) -> list[Repair]:
    repairs: list[Repair] = []
    repair_line(line, repairs)
    return [r for r in repairs if not r.how.startswith("ftfy")]


def seconds(fix: Callable[[str], str], lines: list[str]) -> float:
    start = time.process_time()
    for line in lines:
        fix(line)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    sentences = json.loads((CASES / "encoding.json").read_text(encoding="utf-8"))["cases"]
    negatives = json.loads((CASES / "negatives.json").read_text(encoding="utf-8"))["cases"]
    legacy = [(misread(c["text"], page), c["text"]) for c in sentences for page in c["codepages"]]
    utf8 = [(misread(c["text"], "utf-8"), c["text"]) for c in sentences]
    correct = [(line, line) for line in negatives + [c["text"] for c in sentences]]
    pairs: dict[str, list[tuple[str, str]]] = {}
    for c in sentences:
        for written, read, *_ in c["mixups"]:
            pairs.setdefault(f"{written} read as {read}", []).append((misread(c["text"], written, read), c["text"]))
    fixers = {"materiel": ours, "ftfy.fix_text": ftfy.fix_text}
    print(f"{'':16} {'legacy mix-ups':>15} {'Cyrillic mix-ups':>17} {'UTF-8 mojibake':>15} {'correct unchanged':>18}")
    cyrillic = [pair for found in pairs.values() for pair in found]
    for name, fix in fixers.items():
        print(
            f"{name:16} {rate(legacy, fix):15.1%} {rate(cyrillic, fix):17.1%} "
            f"{rate(utf8, fix):15.1%} {rate(correct, fix):18.1%}"
        )
    print(
        f"({len(legacy)} legacy cases in {len({p for c in sentences for p in c['codepages']})} code pages read as "
        f"cp1252, {len(cyrillic)} Cyrillic cases in {len(pairs)} pairs, {len(utf8)} UTF-8 cases, "
        f"{len(correct)} correct lines)\n"
    )
    print(f"{'Cyrillic pair':28} {'cases':>6} {'materiel':>9} {'ftfy':>6}")
    for pair, found in sorted(pairs.items()):
        print(f"{pair:28} {len(found):6} {rate(found, ours):9.1%} {rate(found, ftfy.fix_text):6.1%}")
    real = {"CLDR names (Babel)": cldr_lines(), "../shared/corpus news+train": corpus_lines(args.shared)}
    print()
    for name, lines in real.items():
        changed = sum(bool(code_page_repairs(line)) for line in lines)
        print(f"correct Cyrillic lines changed, {name}: {changed} of {len(lines)}")
    timed = [broken for broken, _ in legacy + cyrillic + utf8] + [line for line, _ in correct]
    timed += real["CLDR names (Babel)"]
    ratio = seconds(ftfy.fix_text, timed) / seconds(ours, timed)
    print(f"speed on {len(timed)} lines: materiel repair_line at {ratio:.2f}x ftfy.fix_text's lines per second")


if __name__ == "__main__":
    main()
