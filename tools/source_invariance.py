"""Source invariance of outlets (src26): do transfer sources depend on the outlets the lexicon
knows? Every train + dev article whose gold sources name a news outlet or agency (one of
media.json's outlets, research institutes and leak sites left out) is copied to --work three
times, with every form of each such outlet renamed consistently in the text and the gold:
'orig' (nothing renamed: the same articles, for the baseline), 'known' (to another outlet
media.json knows, of the same kind and shape: the probe's own noise) and 'invented' (to an
invented outlet of the same kind and shape: "the Harbour Tribune", "Kestrel News Agency").
`materiel eval` runs once per split and variant (one stream holding near-copies of a page would
let the cross-page steps, site repeats, drop their text) and each is scored by ../shared/eval/score.py.
Not shipped.

    python tools/source_invariance.py [--shared ../shared] [--work /tmp/src26] [--seed 0]
        [--score-only] [--show-changes]

Shape: a form in capitals ("WSJ", "AFP", "CNN") becomes an invented acronym, any other form the
invented full name; a form that starts with "The" ("The Times") keeps its article. The pick is
seeded by the article id, so two runs rename alike.

Known artefacts: an outlet named inside another name ("the BBC's Newsnight") is renamed too; an
acronym the lexicon lacks ("the Journal" for the Wall Street Journal) is kept.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from name_invariance import read, scorer, substitute  # noqa: E402

MEDIA = ROOT / "src/materiel/extract/lexicons/media.json"
# Gold sources media.json lists that are not news outlets: research institutes and a leak site.
NOT_OUTLETS = frozenset(
    {"Kiel Institute", "SIPRI", "Institute for the Study of War", "WikiLeaks", "Oryx", "Bellingcat"}
)
AGENCIES = frozenset(
    """Reuters|Associated Press|AFP|TASS|RIA Novosti|Interfax|Yonhap|Ukrinform|Xinhua|Kyodo News|Anadolu Agency
    |Tasnim|Fars|IRNA|KCNA|Jiji Press|dpa|ANSA|EFE|Europa Press|Polish Press Agency|UNIAN|Mehr News Agency|ISNA
    |Newsis|Sputnik""".replace("\n    ", "").split("|")
)
BROADCASTERS = frozenset(
    """BBC|CNN|Fox News|NHK|Al Jazeera|RT|Sky News|NBC News|CBS News|ABC News|Deutsche Welle|France 24|Euronews
    |NPR|CNBC|Press TV|Voice of America|KBS|ARD|ZDF|NDR|WDR|Yle|SVT|NRK|MSNBC|PBS|CGTN|NDTV|Al Arabiya
    |Al Mayadeen|Suspilne|Radio Svoboda|Radio Free Asia|i24NEWS|n-tv|Tagesschau|Forces News""".replace(
        "\n    ", ""
    ).split("|")
)
PAPER_WORDS = re.compile(r"Times|Post|Journal|Herald|Gazett|Daily|Zeitung|Ilbo|Shimbun|Tribune|Express|Mail|Sera|Monde")

# (full name, acronym) by kind: invented, and known to media.json (the control).
INVENTED = {
    "agency": [("Kestrel News Agency", "KNA"), ("Agencia Solana", "AGS"), ("Tarvo Press Service", "TPS")],
    "broadcaster": [("Radio Kestrel", "RKL"), ("Channel Nordia", "CNX"), ("Valmora Television", "VTV")],
    "paper": [
        ("Harbour Tribune", "HTR"),
        ("Nordland Post", "NLP"),
        ("Calder Herald", "CHD"),
        ("Vestmark Gazette", "VMG"),
    ],
    "magazine": [("Ostrava Review", "ORV"), ("Lantern Weekly", "LWK"), ("Brightwater Monitor", "BWM")],
}
KNOWN = {
    "agency": [("Agence France-Presse", "AFP"), ("Kyodo News", None), ("Anadolu Agency", None), ("Interfax", None)],
    "broadcaster": [("Deutsche Welle", "DW"), ("NBC News", "NBC"), ("Sky News", None), ("Al Jazeera", None)],
    "paper": [
        ("Frankfurter Allgemeine Zeitung", "FAZ"),
        ("Financial Times", "FT"),
        ("Le Monde", None),
        ("Haaretz", None),
    ],
    "magazine": [("Newsweek", None), ("Foreign Policy", None), ("Axios", None), ("Der Spiegel", None)],
}
VARIANTS = ("orig", "known", "invented")


def kind(name: str) -> str:
    if name in AGENCIES or "Agency" in name:
        return "agency"
    if name in BROADCASTERS:
        return "broadcaster"
    return "paper" if PAPER_WORDS.search(name) else "magazine"


def acronym(form: str) -> bool:
    return " " not in form and form.isupper() and len(form) <= 6


def outlets() -> dict[str, list[str]]:
    """Each outlet's forms (its name and media.json's aliases), institutes left out."""
    data = json.loads(MEDIA.read_text())["outlets"]
    return {
        name: sorted({name, *aliases}, key=len, reverse=True)
        for name, aliases in data.items()
        if name not in NOT_OUTLETS
    }


def key(text: str) -> str:
    return re.sub(r"^the ", "", text.lower())


def cited(record: dict, forms: dict[str, list[str]], text: str) -> list[str]:
    """The outlets among the record's gold sources that the page names."""
    golds = {key(s) for t in record.get("transfers", []) for s in t.get("sources", [])}
    return [
        name
        for name, names in forms.items()
        if any(key(f) in golds for f in names)
        and any(re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text) for f in names)
    ]


def pairs(forms: list[str], new: tuple[str, str | None]) -> list[tuple[str, str]]:
    """(old, new) for each form: an acronym to the new acronym, the rest to the full name; a form
    with its own "The" keeps it."""
    full, short = new
    out = []
    for form in forms:
        target = short if acronym(form) and short else full
        if form.startswith("The "):
            out += [(form, "The " + target), ("the " + form[4:], "the " + target)]
        else:
            out.append((form, target))
    return out


def rename(record: dict, raw: str, variant: str, seed: int, forms: dict[str, list[str]]) -> tuple[dict, str, list[str]]:
    """The record and page with each cited outlet renamed; the new gold source keys."""
    names = cited(record, forms, raw)
    if variant == "orig" or not names:
        return json.loads(json.dumps(record)), raw, []
    rng = random.Random(int(hashlib.sha256(f"{seed}:{variant}:{record['id']}".encode()).hexdigest()[:12], 16))
    pool = INVENTED if variant == "invented" else KNOWN
    mapping: list[tuple[str, str]] = []
    used: set[str] = set()
    for name in names:
        need_short = any(acronym(f) for f in forms[name])
        choices = [
            c
            for c in pool[kind(name)]
            if c[0] not in used and c[0] not in raw and (c[1] or not need_short) and c[0] not in forms[name]
        ]
        if not choices:
            continue
        pick = rng.choice(choices)
        used.add(pick[0])
        mapping += pairs(forms[name], pick)
    lower = [(o.lower(), n.lower()) for o, n in mapping]
    new = json.loads(json.dumps(record))
    for transfer in new.get("transfers", []):
        transfer["sources"] = [substitute(s, lower) for s in transfer.get("sources", [])]
    for quote in new.get("quotes", []):
        quote["starts"] = substitute(quote["starts"], mapping)
        quote["speaker"] = substitute(quote["speaker"], mapping)
    new["title"] = substitute(new.get("title") or "", mapping)
    for field in ("must_keep", "must_drop", "once", "repaired"):
        new[field] = [substitute(s, mapping) for s in new.get(field, [])]
    return new, substitute(raw, mapping), sorted({key(n) for _, n in mapping})


def build(shared: Path, work: Path, seed: int) -> dict[str, dict[str, list[str]]]:
    """Write the three variants of each article citing an outlet, and one gold file per split and
    variant (ids 'variant|id'); per split, each article's renamed source keys (the invented ones)."""
    forms = outlets()
    renamed: dict[str, dict[str, list[str]]] = {}
    for split in ("dev", "train"):
        lines: dict[str, list[str]] = {v: [] for v in VARIANTS}
        keys = {}
        for line in (shared / "gold" / f"{split}.jsonl").read_text().splitlines():
            record = json.loads(line)
            raw = (shared / record["file"]).read_text(encoding="utf-8")
            if not cited(record, forms, raw):
                continue
            for variant in VARIANTS:
                new, page, news = rename(record, raw, variant, seed, forms)
                path = work / variant / record["file"]
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(page, encoding="utf-8")
                new["file"] = f"{variant}/{record['file']}"
                new["id"] = f"{variant}|{record['id']}"
                lines[variant].append(json.dumps(new, ensure_ascii=False))
                if variant == "invented":
                    keys[record["id"]] = news
        (work / "gold").mkdir(parents=True, exist_ok=True)
        for variant in VARIANTS:
            (work / "gold" / f"{split}-{variant}.jsonl").write_text("\n".join(lines[variant]) + "\n")
        renamed[split] = keys
    return renamed


def outlet_misses(errors: list[str], outlet_keys: set[str]) -> int:
    """score.py's source misses that are of a renamed (or, for 'orig', a cited) outlet."""
    found = 0
    for line in errors:
        match = re.search(r" source '(.+?)' not found", line)
        found += bool(match and key(match.group(1)) in outlet_keys)
    return found


def report(shared: Path, work: Path, show: bool) -> None:
    score = scorer(shared)
    forms = outlets()
    every = {key(f) for names in forms.values() for f in names}
    every |= {key(n) for pool in (INVENTED, KNOWN) for c in pool.values() for p in c for n in p if n}
    print(
        f"{'split':6} {'variant':9} {'art':>4} {'outlet misses':>13} {'sources':>8}"
        f" {'disclosure':>10} {'transfers F1':>12}"
    )
    for split in ("dev", "train"):
        per: dict[str, list[str]] = {}
        for variant in VARIANTS:
            gold = read(work / "gold" / f"{split}-{variant}.jsonl")
            pred = read(work / f"pred-{split}-{variant}.jsonl")
            ids = [i for i in gold if i.startswith(variant + "|")]
            totals, errors = score.score({i: gold[i] for i in ids}, {i: pred.get(i, {}) for i in ids})
            per[variant] = [e.split("|", 1)[1] for e in errors if " source " in e]
            misses = outlet_misses(errors, every)
            fields = totals["fields"]
            print(
                f"{split:6} {variant:9} {len(ids):>4} {misses:>13} {fields.get('sources') or 0:>8.3f}"
                f" {fields.get('disclosure') or 0:>10.3f} {totals['transfers']['f1']:>12.3f}"
            )
        if show:
            for variant in ("orig", "invented"):
                for line in per[variant]:
                    print(f"  {variant.upper()} MISS", split, line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--work", type=Path, default=Path("/tmp/src26"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--materiel", default=str(ROOT / ".venv/bin/materiel"), help="the command that runs materiel")
    parser.add_argument("--score-only", action="store_true", help="score the predictions already in --work")
    parser.add_argument("--show-changes", action="store_true", help="list each source miss of the invented variant")
    args = parser.parse_args()
    if not args.score_only:
        renamed = build(args.shared, args.work, args.seed)
        print({k: len(v) for k, v in renamed.items()}, "articles citing an outlet", file=sys.stderr)
        for split in ("dev", "train"):
            for variant in VARIANTS:
                gold = args.work / "gold" / f"{split}-{variant}.jsonl"
                out = args.work / f"pred-{split}-{variant}.jsonl"
                cmd = [*args.materiel.split(), "eval", "--gold", str(gold), "--out", str(out)]
                subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    report(args.shared, args.work, args.show_changes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
