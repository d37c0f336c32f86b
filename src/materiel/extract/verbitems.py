"""Item words the parse reads as verbs: "forces continued to shell the city", "jets bomb Gaza",
"plans to mine the harbour" name an act of war, not materiel moved.

The lexicon finds items in the text before any parse (`lexicon.find_items`); once a paragraph is
parsed, an item word that English also uses as a verb, written in lower case, whose token the
tagger calls a verb in the base or present form is dropped. Only words with a verb sense are
looked at: the tagger also calls a plural noun a verb now and then ("not only tanks but also
missiles" read "missiles" as a present verb). Participles ("shelled", "bombing") never match an
item term, and a capitalised name ("Hawk", "Stinger") is a named system whatever the tagger says.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from materiel.extract.lexicon import Mention

# Penn tags of a verb's base and present forms: "to shell", "they bomb", "Russia shells".
BASE_AND_PRESENT = frozenset({"VB", "VBP", "VBZ"})
# Item terms (items.json) that are also verbs, by lemma.
VERB_SENSES = frozenset({
    "shell",   # "forces continued to shell the city"
    "bomb",    # "jets bomb the depots"
    "rocket",  # "prices rocket"
    "gun",     # "gunmen gun down a guard"
    "tank",    # "shares tank"
    "fuel",    # "exports fuel the war"
    "drone",   # "speakers drone on"
    "radio",   # "pilots radio the base"
    "truck",   # "they truck the grain to the port"
    "jet",     # "ministers jet off to Brussels"
    "round",   # "police round up suspects"
    "arm",     # "Iran arms the rebels with rockets" (SUPPLY_VERBS)
    "aid",     # "Washington aids Kyiv with air defence" (SUPPLY_VERBS)
})  # fmt: skip
# Verbs of supply among them (cues.json): what they move is the item their sentence names beside
# them ("arms the rebels with rockets": the rockets), so they are dropped only where the sentence
# names one; alone ("will aid the army with 40 million euros") the word is the aid, unspecified.
SUPPLY_VERBS = frozenset({"arm", "aid"})


def noun_items(items: list[Mention], doc: Doc) -> list[Mention]:
    """The item mentions less those the parse reads as a verb."""
    verbs = {i: token for i, m in enumerate(items) if (token := _verb_token(m, doc)) is not None}
    nouns = [m for i, m in enumerate(items) if i not in verbs]
    return [m for i, m in enumerate(items) if i not in verbs or _alone(verbs[i], nouns)]


def _alone(verb: Token, nouns: list[Mention]) -> bool:
    """A verb of supply with no other item in its sentence: the word is the aid it names."""
    sentence = verb.sent
    named = any(sentence.start_char <= m.start < sentence.end_char for m in nouns)
    return verb.lemma_.lower() in SUPPLY_VERBS and not named


def _verb_token(mention: Mention, doc: Doc) -> Token | None:
    """The mention's one token where the parse reads it as a verb of VERB_SENSES."""
    if not mention.text.islower() or " " in mention.text:
        return None
    span = doc.char_span(mention.start, mention.end)
    if span is None or len(span) != 1:
        return None
    token = span[0]
    verb = token.pos_ == "VERB" and token.tag_ in BASE_AND_PRESENT and token.lemma_.lower() in VERB_SENSES
    return token if verb else None
