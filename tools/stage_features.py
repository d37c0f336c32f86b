"""Features of a transfer's stage, read from its evidence sentences and the headline (status12;
moved out of tools/status_cv.py by status18): the verb that governs the item (tag, cue class of its
lemma, modal, negation, perfect, progressive, passive, infinitive, the stage word it hangs from),
stage words of cues.json by the stage they give, any modal or negation, the root's tag, time ahead
or behind, years named before or after the article's, a quotation, the lead, the number of
evidence sentences.

Read from the plain forms (`Transfer` and `Article` as `to_dict` writes them, as `materiel eval`
writes them). The rules' own stage is no feature here (tools/status_cv.py adds it). No stage model
over these features is shipped: see bench/RESULTS.md (status12, status18).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from materiel.extract.syntax import cues

if TYPE_CHECKING:
    from spacy.language import Language

MODALS = {"will": "future", "would": "future", "shall": "future", "'ll": "future", "could": "possible",
          "may": "possible", "might": "possible", "can": "possible", "should": "must", "must": "must"}  # fmt: skip
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
AHEAD = re.compile(
    r"\b(?:next\s+(?:week|month|year|spring|summer|autumn|winter)|in\s+the\s+coming\s+\w+|soon|later\s+this\s+\w+"
    r"|by\s+the\s+end\s+of|in\s+the\s+future|expected\s+to|set\s+to|plans?\s+to|is\s+to|are\s+to)\b",
    re.I,
)
PAST_MARK = re.compile(
    r"\b(?:already|last\s+(?:week|month|year)|earlier\s+this|ago|arrived|have\s+been|has\s+been)\b", re.I
)


def stage_features(transfer: dict, article: dict, nlp: Language) -> dict[str, float]:
    """The features of one transfer (plain form) of one article (plain form); `nlp` parses."""
    text = article.get("text") or ""
    features: dict[str, float] = {}
    year = _article_year(article)
    item = transfer["item"].get("span") or {}
    spans = transfer.get("evidence") or []
    for index, span in enumerate(spans):
        sentence = text[span["start"] : span["end"]]
        local = _sentence_features(nlp(sentence), sentence, item, span, year)
        for name, value in local.items():
            features[name] = max(features.get(name, 0.0), value)
            if index == 0:
                features[f"first_{name}"] = value
    features["n_evidence"] = min(len(spans), 5) / 5
    features["lead"] = float(bool(spans) and spans[0]["start"] < 0.15 * max(len(text), 1))
    title = article.get("title") or ""
    for name, value in _bag(nlp(title), title, year).items():
        features[f"head_{name}"] = value
    return features


def _article_year(article: dict) -> int | None:
    published = article.get("published") or ""
    found = YEAR.search(published)
    return int(found.group()) if found else None


def _sentence_features(doc, sentence: str, item: dict, span: dict, year: int | None) -> dict[str, float]:
    features = _bag(doc, sentence, year)
    start = item.get("start")
    if start is None or not span["start"] <= start < span["end"]:
        return features
    token = next((t for t in doc if t.idx >= start - span["start"]), None)
    verb = _governing_verb(token)
    if verb is not None:
        features.update({f"gov_{k}": v for k, v in _verb_features(verb).items()})
    return features


def _governing_verb(token):
    steps = 0
    while token is not None and steps < 6:
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            return token
        if token.head.i == token.i:
            return None
        token, steps = token.head, steps + 1
    return None


def _verb_features(verb) -> dict[str, float]:
    table = cues()
    lemma = verb.lemma_.lower()
    out = {f"tag_{verb.tag_}": 1.0}
    for name, words in (("transfer", table.transfer), ("receive", table.receive), ("request", table.request),
                        ("stage", table.stage)):  # fmt: skip
        if lemma in words:
            out[f"{name}_{words[lemma]}"] = 1.0
    for child in verb.children:
        if child.dep_ == "neg":
            out["neg"] = 1.0
        if child.dep_ == "aux" and child.lower_ in MODALS:
            out[f"modal_{MODALS[child.lower_]}"] = 1.0
        if child.dep_ == "aux" and child.lemma_ == "have":
            out["perfect"] = 1.0
        if child.dep_ == "aux" and child.lemma_ == "be" and verb.tag_ == "VBG":
            out["progressive"] = 1.0
        if child.dep_ == "auxpass":
            out["passive"] = 1.0
        if child.dep_ == "aux" and child.tag_ == "TO":
            out["infinitive"] = 1.0
    if verb.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl"):
        out[f"under_{verb.dep_}"] = 1.0
        head = verb.head.lemma_.lower()
        if head in table.stage:
            out[f"head_stage_{table.stage[head]}"] = 1.0
    return out


def _bag(doc, text: str, year: int | None) -> dict[str, float]:
    table = cues()
    out: dict[str, float] = {}
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma in table.stage:
            out[f"word_{table.stage[lemma]}"] = 1.0
        if lemma in table.request:
            out["word_request"] = 1.0
        if token.dep_ == "neg":
            out["any_neg"] = 1.0
        if token.tag_ == "MD" and token.lower_ in MODALS:
            out[f"any_modal_{MODALS[token.lower_]}"] = 1.0
        if token.dep_ == "ROOT":
            out[f"root_{token.tag_}"] = 1.0
    out["ahead"] = float(bool(AHEAD.search(text)))
    out["past_mark"] = float(bool(PAST_MARK.search(text)))
    out["quoted"] = float(any(m in text for m in ('"', "“", "”")))
    years = [int(y) for y in YEAR.findall(text)]
    if year is not None and years:
        out["year_ahead"] = float(max(years) > year)
        out["year_before"] = float(min(years) < year)
    return out
