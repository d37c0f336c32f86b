"""A letter that carries a stage: "Washington sent India a letter of offer for 31 drones", "Riyadh
submitted a letter of acceptance for the jets", "the UAE signed a letter of intent for 80 jets".
Sending or issuing the letter moves the document, not the items it is for: the items have the
stage the letter's kind tells (an offer, an acceptance, an intent: pledged). A letter of request
is requestnouns.py's, which also turns its sides round (the sender asks).
"""

from __future__ import annotations

from spacy.tokens import Token

# Nouns of a document that carries an offer, an acceptance or a request ("a letter of offer").
LETTERS = {"letter", "note"}
# What a letter is 'of', and the stage it gives the items it is for.
LETTER_STAGES = {
    "offer": "pledged",  # "a letter of offer and acceptance": the supplier's terms, sent to the buyer
    "acceptance": "pledged",  # "signed the letter of acceptance": the buyer agrees to the terms
    "intent": "pledged",  # "a letter of intent for 80 jets": both sides state the deal
}
# Verbs that move or make the letter rather than the items: "sent", "issued", "submitted", "signed".
LETTER_VERBS = {"send", "issue", "submit", "deliver", "hand", "forward", "transmit", "sign", "make"}


def letter_stage(cue: Token) -> str | None:
    """The stage of the letter a verb of sending or signing takes as its object, if any."""
    if cue.pos_ != "VERB" or cue.lemma_.lower() not in LETTER_VERBS:
        return None
    for letter in (c for c in cue.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in LETTERS):
        kinds = [o.lemma_.lower() for p in letter.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        found = next((LETTER_STAGES[k] for k in kinds if k in LETTER_STAGES), None)
        if found is not None:
            return found
    return None
