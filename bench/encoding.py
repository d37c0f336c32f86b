"""Encoding repair: materiel against ftfy alone, on the test cases (tests/cases/cleaning).

    .venv/bin/python bench/encoding.py

Legacy mix-ups: every sentence of `encoding.json` written in each of its code pages and read as
Windows-1252. UTF-8 mojibake: every sentence's UTF-8 read as Windows-1252. Negatives: correct
lines of `negatives.json` (and the sentences themselves) that must come out unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path

import ftfy

from materiel.clean.encoding import repair_line

CASES = Path(__file__).resolve().parents[1] / "tests" / "cases" / "cleaning"


def misread(text: str, codepage: str) -> str:
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode(codepage))


def rate(pairs: list[tuple[str, str]], fix) -> float:
    return sum(fix(broken) == wanted for broken, wanted in pairs) / len(pairs)


def main() -> None:
    sentences = json.loads((CASES / "encoding.json").read_text(encoding="utf-8"))["cases"]
    negatives = json.loads((CASES / "negatives.json").read_text(encoding="utf-8"))["cases"]
    legacy = [(misread(c["text"], page), c["text"]) for c in sentences for page in c["codepages"]]
    utf8 = [(misread(c["text"], "utf-8"), c["text"]) for c in sentences]
    correct = [(line, line) for line in negatives + [c["text"] for c in sentences]]
    ours = {"materiel": lambda line: repair_line(line, []), "ftfy.fix_text": ftfy.fix_text}
    print(f"{'':16} {'legacy mix-ups':>15} {'UTF-8 mojibake':>15} {'correct unchanged':>18}")
    for name, fix in ours.items():
        print(f"{name:16} {rate(legacy, fix):15.1%} {rate(utf8, fix):15.1%} {rate(correct, fix):18.1%}")
    print(
        f"({len(legacy)} legacy cases in {len({p for c in sentences for p in c['codepages']})} code pages, "
        f"{len(utf8)} UTF-8 cases, {len(correct)} correct lines)"
    )


if __name__ == "__main__":
    main()
