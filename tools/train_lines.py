"""Train the furniture-line model (`make model`): every line of the gold articles' text after the
rule steps, labelled by the gold's snippets, fitted by logistic regression, written as the small
JSON artefact the package ships (src/materiel/clean/models/lines.json).

    python tools/train_lines.py [--shared ../shared] [--cv] [--unnamed] [--ruleless W]

Labels: a line holding a must_keep snippet is article (0); else one holding a must_drop snippet is
furniture (1); an unlabelled line between an article's first and last must_keep line is article
too, with a lower weight (the annotators sample the body, they do not list it). The model is
fitted on train.jsonl and, weighed less, on the lines of the HTML benchmark's 181 pages
(../shared/bench/article-extraction, labelled by their ground truth). `--cv` prints grouped
cross-validation (group = source, the id prefix) over train + dev, and over the benchmark's pages
(each page a site the model has not seen: recall and precision of the lines dropped on unseen
sites, with every line the benchmark's article holds counted as must_keep). `--unnamed` learns
from the text before the rule steps that name furniture (NAMED_RULES) instead; `--ruleless W` adds
the lines those steps removed, as they stand before them, at weight W (see RULELESS_WEIGHT). scikit-learn is
needed here only; the package applies the weights in plain Python.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from materiel.clean.line_features import PROSE_CHARS, SENTENCE_END, WORD, features  # noqa: E402
from materiel.clean.lines import ADDRESSED_THRESHOLD, ARTEFACT, gate, scored  # noqa: E402
from materiel.extract.model import group_of  # noqa: E402

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

# Inverse strength of the L2 penalty; of 0.03, 0.1, 0.3 and 1, 0.1 gave the best grouped
# cross-validated furniture recall at the must_keep floor below.
REGULARISATION = 0.1
# Weight of an unlabelled line inside the body (most are article text, a few are furniture the
# annotators did not list) against a line a snippet labels.
BODY_WEIGHT = 0.5
# The threshold keeps at least this share of the must_keep lines in out-of-fold scores on train:
# dropping article text is worse than keeping furniture. At 0.995 the threshold fell to 0.3, where
# grouped CV dropped 2.6% of the unlabelled lines inside articles (subheadings, short quotes);
# at 0.999 it drops 1.4% of them (most are cells of two tables) and 0.46 of the furniture.
KEEP_FLOOR = 0.999
# The floor only counts the few labelled article lines; below this threshold the lines no snippet
# labels go too: retrained after the rules took more furniture, the floor chose 0.35, where the
# model dropped cells of a table of sales, subheadings and a sentence without its stop on dev and
# train, and grouped CV kept 0.911 of the unlabelled body lines (0.914 at 0.45).
MIN_THRESHOLD = 0.45
# Vocabulary: words of furniture lines in at least this many sources (a gold source or a benchmark
# page), this much likelier in furniture than in article lines (smoothed odds), at most this many.
# Of 2, 3, 4 and 6 sources, 6 gave the most furniture dropped in grouped CV (0.44 against 0.38
# with 2, whose words were topics of a few sources: "nato", "london"); 120 words did no better.
VOCABULARY_SOURCES = 6
VOCABULARY_ODDS = 4.0
VOCABULARY_SIZE = 60
FOLDS = 5
# The group of a line the step drops only at its higher threshold (clean/lines.py `gate`).
ADDRESSED = "addressed"
# Weight of a line of the HTML benchmark's pages (whole-page text, a line labelled article when
# the page's ground truth holds it): 0.1 of 0.02, 0.1, 0.3 and 1 gave the most furniture dropped
# in grouped CV at the must_keep floor (0.36 against 0.15 without them). Its 25,000 furniture
# lines are mostly menus, so it weighs less than the gold.
BENCH_WEIGHT = 0.1
# Weight of a line the named rules removed, learnt from the text before them (`dump`,
# `--ruleless`): off. Measured (clean18, 2026-12-07) out of fold by tools/clean_oof.py --no-rules,
# the proxy for unseen sites (must_drop 0.833, must_keep 1.000 without it): at 1.0, lines before
# the text's first paragraph of prose taken too (and five neighbourhood features, not kept),
# must_drop 0.848 but a dev article's standfirst (20 words without a full stop, first in the text)
# lost, out of fold and in sample; lines above the first paragraph left out (as now), threshold
# 0.60, must_drop 0.838 and must_keep 1.000, but the benchmark pages' article lines kept out of fold
# fell 0.800 -> 0.784, dev transfers F1 0.817 -> 0.814, train 0.711 -> 0.706, and on the check
# set must_drop went 0.930 -> 0.932 while once fell 1.000 -> 0.947.
RULELESS_WEIGHT = 0.0
# A line of the text before the rules that holds a kept line this long was trimmed, not removed.
TRIMMED_CHARS = 20


def fold(text: str | None) -> str:
    """The scorer's normalisation (../shared/eval/score.py), so labels match what it checks."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"'`«»]", "", text)
    return re.sub(r"\s+", " ", text).strip()


# The rule steps that remove furniture they name (phrases, widgets, a page's tail). After them the
# model learns from the few lines the rules leave on the sites they were written from (44 lines
# over train + dev, against 1,398 must_drop snippets); `--unnamed` learns from the text before
# them, every kind of furniture as it stands on a site no rule was written for. Cleaned without
# them (tools/clean_oof.py --no-rules, out of fold), that model left must_drop 0.810 against 0.800
# and kept every must_keep, and on the check set must_drop went 0.907 -> 0.912 but once 1.000 ->
# 0.947, and a hand case lost an article's bulleted list item: not shipped.
NAMED_RULES = frozenset(
    [
        "cut_tail",
        "drop_story_widgets",
        "drop_headed_lists",
        "drop_polls",
        "drop_chapter_lists",
        "drop_author_boxes",
        "drop_company_notes",
        "drop_boilerplate",
        "drop_author_bios",
        "drop_story_lists",
    ]
)


def learning_steps(unnamed: bool = True) -> list:
    """The rule steps (`unnamed`: without the NAMED_RULES: the page read, repaired, its title
    found, laid out)."""
    from materiel.clean import RULE_STEPS

    return [s for s in RULE_STEPS if not unnamed or getattr(s, "__name__", "") not in NAMED_RULES]


def dump(shared: Path, unnamed: bool = False, ruleless: float = RULELESS_WEIGHT) -> list[dict]:
    """One record per gold article: its lines after the rule steps (`unnamed`: the
    `learning_steps`), labels and weights; and, with a `ruleless` weight, one more record per
    article (marked `ruleless`) of the lines the named rules removed, as they stand in the text
    before those rules (the furniture of a site no rule was written for, among its neighbours)."""
    from materiel.pipeline import Runner
    from materiel.read import read_paths

    runner = Runner(learning_steps(unnamed))
    before = Runner(learning_steps()) if ruleless and not unnamed else None
    articles = []
    for split in ("train", "dev"):
        for line in (shared / "gold" / f"{split}.jsonl").read_text().splitlines():
            record = json.loads(line)
            article = next(iter(runner.run(read_paths([shared / record["file"]]))))
            lines = article.text.split("\n\n") if article.text else []
            labels, weights = label(lines, record)
            base = {"id": record["id"], "split": split, "title": article.title}
            articles.append({**base, "lines": lines, "labels": labels, "weights": weights})
            if before is not None:
                articles.append(_ruleless(before, shared, record, base, frozenset(lines), ruleless))
    return articles


def _ruleless(runner, shared: Path, record: dict, base: dict, kept: frozenset[str], weight: float) -> dict:
    """The article's text before the named rules, labelled only on the lines those rules removed
    whole below the text's first paragraph of prose (a line they kept, or trimmed, is in the
    article's own record already; above that paragraph, where the rules clear a page's masthead,
    the model would learn that the first line of a clean text is furniture, a standfirst too): by
    the gold's snippets, and a line no snippet names as furniture, at BODY_WEIGHT (the rules'
    removals are furniture as a rule: they keep every must_keep snippet)."""
    from materiel.read import read_paths

    article = next(iter(runner.run(read_paths([shared / record["file"]]))))
    lines = article.text.split("\n\n") if article.text else []
    keeps = [fold(s) for s in record.get("must_keep", []) if fold(s)]
    drops = [fold(s) for s in record.get("must_drop", []) if fold(s)]
    labels: list[float | None] = []
    weights: list[float] = []
    prose = [len(line) >= PROSE_CHARS and SENTENCE_END.search(line) is not None for line in lines]
    first = prose.index(True) if any(prose) else len(lines)
    for index, line in enumerate(lines):
        folded = fold(line)
        top = index < first
        trimmed = top or line in kept or any(len(k) >= TRIMMED_CHARS and k in line for k in kept)
        value = 0.0 if any(k in folded for k in keeps) else 1.0
        labels.append(None if trimmed else value)
        named = value == 0.0 or any(d in folded for d in drops)
        weights.append(weight if named else weight * BODY_WEIGHT)
    return {**base, "title": article.title, "lines": lines, "labels": labels, "weights": weights, "ruleless": True}


def bench(shared: Path) -> list[dict]:
    """The HTML benchmark's pages as the whole-page text a scraper saves, one record each."""
    import gzip

    from resiliparse.extract.html2text import extract_plain_text

    root = shared / "bench" / "article-extraction"
    truth = json.loads((root / "ground-truth.json").read_text("utf-8"))
    pages = []
    for name in sorted(truth):
        html = gzip.decompress((root / "html" / f"{name}.html.gz").read_bytes()).decode("utf-8", "replace")
        text = extract_plain_text(html, main_content=False, alt_texts=False, links=False)
        lines = [line for line in (" ".join(raw.split()) for raw in text.split("\n")) if line]
        body = fold(truth[name]["articleBody"])
        labels: list[float | None] = [0.0 if fold(line) in body else 1.0 for line in lines]
        pages.append(
            {
                "id": f"bench{name[:12]}_page",
                "split": "bench",
                "title": None,
                "lines": lines,
                "labels": labels,
                "weights": [BENCH_WEIGHT] * len(lines),
            }
        )
    return pages


def label(lines: list[str], record: dict) -> tuple[list[float | None], list[float]]:
    keeps = [fold(s) for s in record.get("must_keep", []) if fold(s)]
    drops = [fold(s) for s in record.get("must_drop", []) if fold(s)]
    labels: list[float | None] = []
    for line in lines:
        folded = fold(line)
        labels.append(0.0 if any(k in folded for k in keeps) else 1.0 if any(d in folded for d in drops) else None)
    body = [i for i, value in enumerate(labels) if value == 0.0]
    weights = [1.0 if value is not None else BODY_WEIGHT for value in labels]
    for index in range(body[0], body[-1]) if body else ():
        if labels[index] is None:
            labels[index] = 0.0
    return labels, weights


def vocabulary(articles: list[dict]) -> frozenset[str]:
    """Words typical of furniture: frequent in furniture lines of several sources, rare in article lines."""
    furniture, body, sources = defaultdict(int), defaultdict(int), defaultdict(set)
    for article in articles:
        for line, value in zip(article["lines"], article["labels"], strict=True):
            for word in {w.casefold() for w in WORD.findall(line)}:
                if value == 1.0:
                    furniture[word] += 1
                    sources[word].add(group_of(article["id"]))
                elif value == 0.0:
                    body[word] += 1
    n_furniture = sum(furniture.values()) or 1
    n_body = sum(body.values()) or 1
    odds = {w: ((furniture[w] + 1) / n_furniture) / ((body[w] + 1) / n_body) for w in furniture}
    chosen = [w for w in furniture if len(sources[w]) >= VOCABULARY_SOURCES and odds[w] >= VOCABULARY_ODDS]
    return frozenset(sorted(chosen, key=lambda w: (-odds[w], w))[:VOCABULARY_SIZE])


def rows_of(articles: list[dict], words: frozenset[str]) -> tuple[list[dict], list[float], list[float], list[str]]:
    """Features, labels, weights and groups of the labelled lines; a line the step never drops
    (a paragraph, a sentence of prose: see clean/lines.py `scored`) carries group None, and one it
    drops only at ADDRESSED_THRESHOLD (clean/lines.py `gate`) the group ADDRESSED."""
    x, y, w, groups = [], [], [], []
    for article in articles:
        rows = features(article["lines"], article["title"], words)
        for line, row, value, weight in zip(article["lines"], rows, article["labels"], article["weights"], strict=True):
            if value is not None:
                x.append(row)
                y.append(value)
                w.append(weight)
                addressed = gate(line, row, 0.0) is not None
                groups.append(group_of(article["id"]) if scored(line, row) else ADDRESSED if addressed else None)
    return x, y, w, groups


def fit(articles: list[dict], extra: list[dict]) -> tuple[Pipeline, list[str], frozenset[str]]:
    """Logistic regression on standardised features, over the gold articles and the `extra`
    (benchmark) pages; returns (model, names, vocabulary)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    words = vocabulary(articles + extra)
    x, y, w, _ = rows_of(articles + extra, words)
    names = sorted({n for row in x for n in row} | {f"w:{word}" for word in words})
    model = make_pipeline(StandardScaler(), LogisticRegression(C=REGULARISATION, max_iter=5000))
    model.fit(_matrix(x, names), y, logisticregression__sample_weight=w)
    return model, names, words


def _matrix(rows: list[dict], names: list[str]):
    import numpy as np

    return np.array([[row.get(n, 0.0) for n in names] for row in rows])


def out_of_fold(articles: list[dict], extra: list[dict]) -> list[tuple[str, float, float, float]]:
    """(group, label, weight, probability) of every labelled line of `articles`, each scored by a
    model fitted without its source (and with every `extra` page); 0 for a line the step skips."""
    groups = sorted({group_of(a["id"]) for a in articles})
    scored = []
    for k in range(FOLDS):
        held = set(groups[k::FOLDS])
        model, names, words = fit([a for a in articles if group_of(a["id"]) not in held], extra)
        test = [a for a in articles if group_of(a["id"]) in held and not a.get("ruleless")]
        x, y, w, g = rows_of(test, words)
        probabilities = model.predict_proba(_matrix(x, names))[:, 1] if x else []
        for group, value, weight, p in zip(g, y, w, map(float, probabilities), strict=True):
            scored.append((group or "", value, weight, _effective(group, p)))
    return scored


def out_of_fold_pages(articles: list[dict], pages: list[dict]) -> list[tuple[str, float, float, float]]:
    """The same for the benchmark's pages, each a site of its own: every page scored by a model
    fitted on the gold articles and the pages of the other folds (unseen sites' furniture)."""
    scored = []
    for k in range(FOLDS):
        held = pages[k::FOLDS]
        model, names, words = fit(articles, [p for p in pages if p not in held])
        x, y, _, g = rows_of(held, words)
        probabilities = model.predict_proba(_matrix(x, names))[:, 1] if x else []
        for group, value, p in zip(g, y, map(float, probabilities), strict=True):
            scored.append((group or "", value, 1.0, _effective(group, p)))
    return scored


def _effective(group: str | None, p: float) -> float:
    """The probability as the step uses it: 0 for a line it never drops, and for a line it drops
    only at ADDRESSED_THRESHOLD (so that every threshold below that one counts it as the step does)."""
    if group is None or (group == ADDRESSED and p < ADDRESSED_THRESHOLD):
        return 0.0
    return p


def choose_threshold(scored: list[tuple[str, float, float, float]]) -> float:
    """The lowest threshold (on a 0.05 grid, from MIN_THRESHOLD) that keeps KEEP_FLOOR of the
    labelled article lines."""
    body = [p for _, value, weight, p in scored if value == 0.0 and weight == 1.0]
    for step in range(round(MIN_THRESHOLD * 20), 20):
        threshold = step / 20
        if sum(p < threshold for p in body) >= KEEP_FLOOR * len(body):
            return threshold
    return 0.95


def report(scored: list[tuple[str, float, float, float]], threshold: float, title: str) -> None:
    kept = [p < threshold for _, value, weight, p in scored if value == 0.0 and weight == 1.0]
    weak = [p < threshold for _, value, weight, p in scored if value == 0.0 and weight < 1.0]
    dropped = [p >= threshold for _, value, _, p in scored if value == 1.0]
    furniture = [value == 1.0 for _, value, _, p in scored if p >= threshold]
    print(
        f"{title}: threshold {threshold:.2f}  must_keep lines kept {_rate(kept)}  "
        f"unlabelled body lines kept {_rate(weak)}  furniture lines dropped {_rate(dropped)}  "
        f"dropped lines that are furniture {_rate(furniture)}"
    )


def _rate(hits: list[bool]) -> str:
    return f"{sum(hits) / len(hits):.3f} ({sum(hits)}/{len(hits)})" if hits else "n/a"


def export(model: Pipeline, names: list[str], threshold: float, path: Path) -> None:
    """Weights folded with the scaler: one weight per feature on its raw value, and a bias."""
    scaler, regression = model.named_steps["standardscaler"], model.named_steps["logisticregression"]
    scale = [s if s > 0 else 1.0 for s in scaler.scale_]
    weights = [c / s for c, s in zip(regression.coef_[0], scale, strict=True)]
    bias = float(regression.intercept_[0]) - sum(w * m for w, m in zip(weights, scaler.mean_, strict=True))
    payload = {
        "about": "logistic regression over the line features of clean/lines.py; built by tools/train_lines.py",
        "threshold": threshold,
        "bias": round(bias, 6),
        "weights": {n: round(float(w), 6) for n, w in zip(names, weights, strict=True) if not math.isclose(w, 0.0)},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n")


def build(shared: Path, out: Path, cv: bool, unnamed: bool = False, ruleless: float = RULELESS_WEIGHT) -> None:
    articles, extra = dump(shared, unnamed, ruleless), bench(shared)
    train = [a for a in articles if a["split"] == "train"]
    threshold = choose_threshold(out_of_fold(train, extra))
    if cv:
        report(out_of_fold(articles, extra), threshold, "grouped CV, train + dev")
        report(out_of_fold_pages(articles, extra), threshold, "grouped CV, benchmark pages (article = must_keep)")
    model, names, words = fit(train, extra)
    export(model, names, threshold, out)
    print(f"wrote {out}: {len(names)} features ({len(words)} words), threshold {threshold:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cv", action="store_true", help="print grouped cross-validation over train + dev")
    parser.add_argument("--unnamed", action="store_true", help="learn from the text before the named rules")
    parser.add_argument("--out", type=Path, default=ARTEFACT, help="where to write the artefact")
    parser.add_argument("--ruleless", type=float, default=RULELESS_WEIGHT, help="weight of the lines the rules removed")
    args = parser.parse_args()
    build(args.shared, args.out, args.cv, args.unnamed, args.ruleless)
    return 0


if __name__ == "__main__":
    sys.exit(main())
