"""Name invariance of quotation speakers (names26): does the speaker finder depend on the names it
knows? Every train + dev article's gold quote speakers that are people (a surname the gold gives,
written in the text with a first name, or after a title) are renamed consistently in the text and
the gold, by invented names of one origin and the same shape: the full name ("Anna Berg",
"Joseph R. Berg") by an invented full name, the surname alone (and its possessive) by the
invented name's short form, the form the press repeats ("al-Harbi", "Kim", "Thanh"). The copies
go under --work (in /tmp); `materiel eval` runs once over all origins and each origin is scored
by ../shared/eval/score.py against the unrenamed run over the same articles. Not shipped.

    python tools/name_invariance.py [--shared ../shared] [--work /tmp/names26] [--seed 0]
        [--origins korean arabic] [--base-dev /tmp/names26-dev.jsonl --base-train ...]

The invented names are drawn per article and speaker from the origin's given and family names
(each combination invented; a given name of the speaker's gender where the original first name
tells it), seeded by the article id, so two runs rename alike.

Known artefacts of the renaming (each costs every origin alike, so compare origins with each
other): two people of one surname ("Rajnath Singh", "Vyomika Singh") become one invented person;
two speakers may draw the same given name, and then "Oguz" alone is either; a surname spelt two
ways in the text ("Saree", "Sare'e") is renamed in one spelling only; dotted initials ("H.R.
McMaster") are kept before the invented surname.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import random
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from materiel.extract.speakerwords import gender  # noqa: E402


@dataclass(frozen=True)
class Origin:
    """An origin's names and shape. shape: 'western' Given Family (short: Family); 'east' Family
    Given (short: Family); 'viet' Family Van/Thi Given (short: Given); 'arabic' Given [bin
    Father] al-Family (short: al-Family)."""

    shape: str
    male: tuple[str, ...]
    female: tuple[str, ...]
    family: tuple[str, ...]


ORIGINS: dict[str, Origin] = {
    "ukrainian": Origin(
        "western",
        ("Ostap", "Taras", "Bohdan", "Mykola", "Yurii", "Vasyl"),
        ("Oksana", "Yaryna", "Halyna", "Solomiia", "Zoriana"),
        ("Hrytsenko", "Zarichniak", "Pylypchuk", "Voloshchenko", "Tkachyshyn", "Sheremchuk"),
    ),
    "arabic": Origin(
        "arabic",
        ("Khalid", "Youssef", "Faisal", "Tariq", "Hamza", "Nasser"),
        ("Layla", "Mariam", "Huda", "Rania", "Salma"),
        ("Harbi", "Qahtani", "Masri", "Shammari", "Zahrani", "Dosari"),
    ),
    "korean": Origin(
        "east",
        ("Min-jun", "Ji-hoon", "Sung-ho", "Dong-wook", "Tae-yang"),
        ("Seo-yeon", "Hye-jin", "Mi-rae", "Eun-ji", "Soo-ah"),
        ("Yoon", "Jeong", "Seo", "Baek", "Hwang", "Shin"),
    ),
    "chinese": Origin(
        "east",
        ("Jianguo", "Haoran", "Zhiwei", "Guoqiang", "Tianyu"),
        ("Meilin", "Yufei", "Xiaohong", "Lijuan", "Ruoxi"),
        ("Zhao", "Liu", "Chen", "Huang", "Zhou", "Xu"),
    ),
    "vietnamese": Origin(
        "viet",
        ("Thanh", "Hung", "Quang", "Duc", "Tuan"),
        ("Lan", "Huong", "Thu", "Mai", "Ngoc"),
        ("Nguyen", "Tran", "Pham", "Le", "Vu", "Dang"),
    ),
    "yoruba": Origin(
        "western",
        ("Adewale", "Babatunde", "Oluwaseun", "Olumide", "Kayode"),
        ("Folake", "Temitope", "Yetunde", "Funmilayo", "Abimbola"),
        ("Ogunleye", "Adebisi", "Akinola", "Oyelaran", "Ogunwale", "Olaniyan"),
    ),
    "hindi": Origin(
        "western",
        ("Rajesh Kumar", "Vikram", "Anil", "Deepak", "Sanjay"),
        ("Priya", "Sunita", "Kavita", "Anjali", "Meenakshi"),
        ("Chaturvedi", "Srivastava", "Tiwari", "Mishra", "Bhardwaj", "Kulkarni"),
    ),
    "spanish": Origin(
        "western",
        ("Alejandro", "Jose Luis", "Rodrigo", "Esteban", "Joaquin"),
        ("Mariana", "Lucia", "Ximena", "Carmen", "Valeria"),
        ("Herrera", "de la Fuente", "Mendoza", "Villalobos", "Castellanos", "Ibarra"),
    ),
    "hebrew": Origin(
        "western",
        ("Yonatan", "Eitan", "Amir", "Nadav", "Yoav"),
        ("Noa", "Tamar", "Yael", "Michal", "Avital"),
        ("Ben-Ami", "Peretz", "Barkai", "Shaked", "Ben-Zvi", "Mizrahi"),
    ),
    "polish": Origin(
        "western",
        ("Grzegorz", "Wojciech", "Tomasz", "Krzysztof", "Przemyslaw"),
        ("Agnieszka", "Malgorzata", "Katarzyna", "Joanna", "Beata"),
        ("Kaczmarczyk", "Szymanski", "Grabowski-Nowak", "Wozniak", "Zielinski", "Pietrzak"),
    ),
    "turkish": Origin(
        "western",
        ("Mehmet", "Emre", "Burak", "Oguz", "Serkan"),
        ("Ayse", "Zeynep", "Elif", "Gulsen", "Derya"),
        ("Yildirim", "Karaca", "Ozturk", "Demirci", "Aksoy", "Kocabas"),
    ),
}

# A gold speaker of a person's shape: a capitalised surname, hyphened or with an apostrophe
# ("Kosiniak-Kamysz", "O'Hanlon", "MacAskill"), or one led by particles ("von der Leyen", "al-Houthi").
SURNAME = re.compile(
    r"^(?:(?:von|van|der|de|la|al|el|bin|ibn|ben)[ -])*(?:[A-Z][^\W\d_A-Z]*)+(?:['’-](?:[A-Z][^\W\d_A-Z]*)+)*$"
)
# A title that makes a surname after it a person's ("Mr Berg", "President Berg").
TITLE = (
    r"Mr|Mrs|Ms|Miss|Dr|Prof|Professor|President|Premier|Chancellor|Minister|Secretary|Senator|Sen"
    r"|Rep|Representative|General|Gen|Lt|Col|Colonel|Major|Maj|Admiral|Adm|Captain|Capt|Sgt"
    r"|Ambassador|Governor|Gov|Mayor|Judge|Justice|Sheikh|Patriarch|Pope|King|Queen|Prince|Speaker"
)
# A capitalised word that is no first name in front of a surname (titles, places, outlets).
NOT_FIRST = frozenset(TITLE.split("|")) | frozenset(
    """Foreign Defence Defense Prime Vice Deputy State The New York White House Royal United Kremlin
    Pentagon Army Navy Air Force Chief Press Spokesman Spokeswoman Spokesperson Commander Marshal Lord
    Lady Sir Dame Former Then Russian Ukrainian American British German French Israeli Iranian Chinese
    Korean Polish Turkish Indian Pakistani Said But And When As In On At For By If While According
    Ukraine Russia""".split()  # noqa: SIM905 (a word list, easier read as text)
)
FIRST = r"(?:[A-Z][^\W\d_A-Z]+(?:-[A-Z]?[^\W\d_A-Z]+)?|[A-Z]\.)"


def first_names(text: str, surname: str) -> list[str]:
    """The full forms of a surname in the text: a first name or initial before it, and a middle
    initial ("Anna Berg", "Anna K. Berg", "A. Berg")."""
    pattern = re.compile(rf"\b({FIRST}\s(?:[A-Z]\.\s)?){re.escape(surname)}(?![\w-])")
    forms = set()
    for match in pattern.finditer(text):
        words = match.group(1).split()
        if words[0].strip(".") not in NOT_FIRST:
            forms.add(" ".join(words) + " " + surname)
    return sorted(forms, key=len, reverse=True)


def is_person(text: str, surname: str, forms: list[str]) -> bool:
    titled = re.search(rf"\b(?:{TITLE})\.?\s{re.escape(surname)}\b", text)
    return bool(forms or titled)


def invent(origin: Origin, rng: random.Random, sex: str) -> tuple[str, str, str]:
    """An invented (full, short, given) name of the origin's shape."""
    given = rng.choice(origin.female if sex == "f" else origin.male if sex == "m" else origin.male + origin.female)
    family = rng.choice(origin.family)
    if origin.shape == "east":
        return f"{family} {given}", family, given
    if origin.shape == "viet":
        middle = "Thi" if given in origin.female else "Van"
        return f"{family} {middle} {given}", given, given
    if origin.shape == "arabic":
        father = rng.choice(origin.male)
        full = f"{given} bin {father} al-{family}" if rng.random() < 0.5 else f"{given} al-{family}"
        return full, f"al-{family}", given
    return f"{given} {family}", family, given


def sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \t\"“‘'")
    return not before or before[-1] in ".!?\n>"


def substitute(text: str, mapping: list[tuple[str, str]]) -> str:
    """Each (old, new) pair replaced as a whole word, longest old first, in one pass; a new form
    that starts lower case ("al-Harbi") is capitalised at a sentence's start."""
    olds = sorted({o for o, _ in mapping}, key=len, reverse=True)
    if not olds:
        return text
    new_of: dict[str, str] = {}
    for old, new in mapping:
        new_of.setdefault(old, new)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(o) for o in olds) + r")(?![\w-])")

    def one(match: re.Match) -> str:
        new = new_of[match.group(1)]
        return new[0].upper() + new[1:] if sentence_start(text, match.start()) else new

    return pattern.sub(one, text)


def plain(raw: str, path: str) -> str:
    """The words of a page, roughly, for finding its name forms (tags dropped)."""
    if path.endswith(".html"):
        return html.unescape(re.sub(r"<[^>]+>", " ", raw))
    return raw


def rename(record: dict, raw: str, origin: Origin, seed: int) -> tuple[dict, str, dict[str, str]]:
    """The record and page with each person speaker renamed; the gold speakers' new short names."""
    text = plain(raw, record["file"])
    rng = random.Random(int(hashlib.sha256(f"{seed}:{record['id']}".encode()).hexdigest()[:12], 16))
    mapping: list[tuple[str, str]] = []
    shorts: dict[str, str] = {}
    used: set[str] = set()
    for speaker in sorted({q["speaker"] for q in record.get("quotes", []) if q.get("speaker")}):
        if not SURNAME.match(speaker) or not re.search(rf"(?<![\w-]){re.escape(speaker)}(?![\w-])", text):
            continue
        forms = first_names(text, speaker)
        if not is_person(text, speaker, forms):
            continue
        sex = next((g for g in (gender(f) for f in forms) if g), "")
        for _ in range(20):
            full, short, given = invent(origin, rng, sex)
            if short not in used and short not in text:
                break
        used.add(short)
        shorts[speaker] = short
        mapping += [(f, full) for f in forms] + [(speaker, short), (speaker[0].upper() + speaker[1:], short)]
        # the first name alone ("Anna, 34, said") is the same person's
        mapping += [(f.split()[0], given) for f in forms if len(f.split()[0]) > 2 and not f.split()[0].endswith(".")]
    if not mapping:
        return record, raw, shorts
    lower = [(o.lower(), n.lower()) for o, n in mapping]
    new = json.loads(json.dumps(record))
    for quote in new.get("quotes", []):
        quote["speaker"] = shorts.get(quote["speaker"], quote["speaker"])
        quote["starts"] = substitute(quote["starts"], mapping)
    for transfer in new.get("transfers", []):
        transfer["sources"] = [substitute(s, lower) for s in transfer.get("sources", [])]
    new["title"] = substitute(new.get("title") or "", mapping)
    for key in ("must_keep", "must_drop", "once", "repaired"):
        new[key] = [substitute(s, mapping) for s in new.get(key, [])]
    return new, substitute(raw, mapping), shorts


def build(shared: Path, work: Path, origins: list[str], seed: int) -> dict[str, list[str]]:
    """Write every origin's renamed copies of the articles with a renamed speaker, and one gold
    file per split over all origins (ids 'origin|id'); the renamed ids per split."""
    renamed: dict[str, list[str]] = {}
    for split in ("dev", "train"):
        lines, ids = [], set()
        for line in (shared / "gold" / f"{split}.jsonl").read_text().splitlines():
            record = json.loads(line)
            raw = (shared / record["file"]).read_text(encoding="utf-8")
            for name in origins:
                new, page, shorts = rename(record, raw, ORIGINS[name], seed)
                if not shorts:
                    continue
                path = work / name / record["file"]
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(page, encoding="utf-8")
                new["file"] = f"{name}/{record['file']}"
                new["id"] = f"{name}|{record['id']}"
                lines.append(json.dumps(new, ensure_ascii=False))
                ids.add(record["id"])
        (work / "gold").mkdir(parents=True, exist_ok=True)
        (work / "gold" / f"{split}.jsonl").write_text("\n".join(lines) + "\n")
        renamed[split] = sorted(ids)
    return renamed


def scorer(shared: Path):
    sys.path.insert(0, str(shared / "eval"))
    import score

    return score


def read(path: Path) -> dict[str, dict]:
    return {r["id"]: r for r in (json.loads(x) for x in path.read_text().splitlines() if x.strip())}


def quote_hits(score, gold: dict, pred: dict, only: set[str] | None) -> list[bool]:
    """score.py's quote measure, one hit per gold quote (of the speakers `only`, where given)."""
    hits = []
    for quote in gold.get("quotes", []):
        if only is not None and quote["speaker"] not in only:
            continue
        start = score.fold(quote["starts"]).strip("\"'“”‘’ ")
        found = [q for q in pred.get("quotes") or [] if isinstance(q, dict)]
        names = [q["speaker"].get("name") if isinstance(q.get("speaker"), dict) else q.get("speaker") for q in found]
        hits.append(
            any(
                score.fold(q.get("text")).startswith(start) and score.fold(quote["speaker"]) in score.fold(n)
                for q, n in zip(found, names, strict=True)
            )
        )
    return hits


def report(shared: Path, work: Path, origins: list[str], bases: dict[str, Path], errors: bool) -> None:
    """Per split and origin: the renamed speakers' quotes, all quotes, sources, transfer F1."""
    score = scorer(shared)
    print(f"{'split':6} {'origin':11} {'art':>4} {'renamed q':>16} {'quotes':>15} {'sources':>15} {'transfers F1':>15}")
    for split, base_path in bases.items():
        gold_all = read(shared / "gold" / f"{split}.jsonl")
        base, renamed_gold, pred = (
            read(base_path),
            read(work / "gold" / f"{split}.jsonl"),
            read(work / f"pred-{split}.jsonl"),
        )
        for name in origins:
            ids = [i.split("|", 1)[1] for i in renamed_gold if i.startswith(name + "|")]
            old = {i: gold_all[i] for i in ids}
            new = {i: renamed_gold[f"{name}|{i}"] for i in ids}
            out = {i: pred.get(f"{name}|{i}", {}) for i in ids}
            before, _ = score.score(old, {i: base.get(i, {}) for i in ids})
            after, _ = score.score(new, out)
            lost = gained = 0
            hit_b, hit_a = [], []
            for i in ids:
                shorts = {q["speaker"] for q in new[i]["quotes"]} - {q["speaker"] for q in old[i]["quotes"]}
                olds = {q["speaker"] for q in old[i]["quotes"]} - {q["speaker"] for q in new[i]["quotes"]}
                b = quote_hits(score, old[i], base.get(i, {}), olds)
                a = quote_hits(score, new[i], out[i], shorts)
                hit_b += b
                hit_a += a
                for k, (x, y) in enumerate(zip(b, a, strict=True)):
                    lost += x and not y
                    gained += y and not x
                    if errors and x != y:
                        print(f"  {'LOST' if x else 'GAIN'} {split} {name} {i} quote {k}")
            cells = [
                f"{sum(hit_b)}->{sum(hit_a)}/{len(hit_a)}",
                f"{before['quotes'] or 0:.3f}->{after['quotes'] or 0:.3f}",
                f"{before['fields'].get('sources') or 0:.3f}->{after['fields'].get('sources') or 0:.3f}",
                f"{before['transfers']['f1']:.3f}->{after['transfers']['f1']:.3f}",
            ]
            print(f"{split:6} {name:11} {len(ids):>4} " + " ".join(f"{c:>15}" for c in cells) + f"  -{lost} +{gained}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--work", type=Path, default=Path("/tmp/names26"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--origins", nargs="*", default=list(ORIGINS))
    parser.add_argument("--base-dev", type=Path, default=Path("/tmp/names26-dev.jsonl"))
    parser.add_argument("--base-train", type=Path, default=Path("/tmp/names26-train.jsonl"))
    parser.add_argument("--materiel", default=str(ROOT / ".venv/bin/materiel"), help="the command that runs materiel")
    parser.add_argument("--score-only", action="store_true", help="score the predictions already in --work")
    parser.add_argument("--show-changes", action="store_true", help="list each renamed quote lost or gained")
    args = parser.parse_args()
    bases = {"dev": args.base_dev, "train": args.base_train}
    if not args.score_only:
        renamed = build(args.shared, args.work, args.origins, args.seed)
        print({k: len(v) for k, v in renamed.items()}, "articles renamed", file=sys.stderr)
        for split in bases:
            subprocess.run(
                [
                    *args.materiel.split(),
                    "eval",
                    "--gold",
                    str(args.work / "gold" / f"{split}.jsonl"),
                    "--out",
                    str(args.work / f"pred-{split}.jsonl"),
                ],
                check=False,
                stdout=subprocess.DEVNULL,
            )
    report(args.shared, args.work, args.origins, bases, args.show_changes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
