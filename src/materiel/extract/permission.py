"""Permission as the object of a verb: giving or getting a green light, the go-ahead, a nod or
permission commits the transfer it is for ("gave the green light for the delivery of jets",
"Poland got the go-ahead to send tanks"); denying or withholding it refuses it ("denied Germany
permission to export shells"). The one given or denied it is who would do what it permits
("Berlin gave Helsinki permission to re-export tanks": Finland re-exports; the maker that
consents supplies nothing, as GUIDE counts a re-export)."""

from __future__ import annotations

import re

from spacy.tokens import Token

# Verbs whose object is a permission, by the stage they give it: granted or obtained, a commitment;
# denied or withheld, a refusal. Asking for one ("sought permission") is the request verb's own.
PERMISSION_VERBS = {
    "give": "pledged",  # "gave the green light for the delivery"
    "grant": "pledged",  # "granted permission to export"
    "get": "pledged",  # "Poland got the go-ahead to send tanks"
    "receive": "pledged",  # "received the nod from Berlin"
    "obtain": "pledged",  # "obtained clearance to re-export"
    "win": "pledged",  # "won approval for the sale"
    "secure": "pledged",  # "secured permission to supply"
    "deny": "refused",  # "denied Germany permission to export"
    "withhold": "refused",  # "withheld its consent to the re-export"
}

# Object nouns that are a permission, read with the modifiers before them (see _object_words).
PERMISSION = re.compile(
    r"""(?:^|[ ])(?:
        green[ ]light           # "the green light": "light" alone is the light tank's
      | go[ ]?-?[ ]?ahead       # "the go-ahead", "the go ahead"
      | nod                     # "the nod", "its final nod"
      | permission              # "permission to export", "Germany permission"
      | approval                # "won approval for the sale", "gave its approval for"
      | authori[sz]ation        # "received authorisation for the re-export"
      | clearance               # "export clearance", "clearance for the sale"
      | consent                 # "its consent to the re-export"
      | blessing                # "its blessing for the transfer"
    )$""",
    re.VERBOSE,
)
# Modifiers before an object noun that belong to its name: "green" light, "go"-ahead.
MODIFIERS = {"amod", "compound", "punct"}


def permission_stage(verb: Token) -> str | None:
    """The stage a verb of granting or denying gives when its object is a permission."""
    stage = PERMISSION_VERBS.get(verb.lemma_.lower())
    if stage is None or verb.pos_ != "VERB":
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    return stage if any(PERMISSION.search(_object_words(o)) for o in objects) else None


def _object_words(noun: Token) -> str:
    """The object noun's lemma after the modifiers before it, lowercased: "green light", "go - ahead"."""
    before = [c.lower_ for c in noun.lefts if c.dep_ in MODIFIERS]
    return " ".join([*before, noun.lemma_.lower()])


def is_permission(noun: Token) -> bool:
    """Is the noun a permission ("permission", "the green light", "approval")?"""
    return noun.pos_ == "NOUN" and bool(PERMISSION.search(_object_words(noun)))


# Verbs whose indirect object is given or denied a permission ("gave Israel approval to sell").
GRANTING = {"give", "grant", "deny", "withhold", "refuse"}


def permitted(noun: Token) -> list[Token]:
    """The names a granting verb gives or denies the permission noun to: its indirect object, or
    a name the parse hangs on the noun itself ("given Helsinki permission to re-export")."""
    verb = noun.head
    if not is_permission(noun) or noun.dep_ != "dobj" or verb.lemma_.lower() not in GRANTING:
        return []
    given = [c for c in verb.children if c.dep_ in ("dative", "iobj") and c.i < noun.i]
    return given or [c for c in noun.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]
