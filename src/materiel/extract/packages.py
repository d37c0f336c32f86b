"""What a contents cue lists: the package named as its subject or head ("the package includes",
"a package of aid, including ..."), and whether that package was named in an earlier sentence."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import syntax
from materiel.extract.statenouns import DEFINITE


def package_of(cue: Token) -> Token | None:
    """The package a contents cue lists: the subject of "includes", the noun "including" hangs
    from ("the package for Ukraine includes ...", "a package of aid, including ...")."""
    if syntax.cue_kind(cue) != "contents":
        return None
    if cue.dep_ == "prep" or (cue.dep_ == "acl" and cue.head.pos_ in ("NOUN", "PROPN")):
        return cue.head  # "a package of aid, including ...", "a package comprising ..."
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and cue.dep_ == "relcl" and subjects[0].lower_ in RELATIVES:
        return _described(cue.head)  # "a package that includes ...": the noun the clause describes
    return subjects[0] if subjects else None


# Prepositions of the one a package goes to ("a package for Ukraine", "sent weapons to Kyiv").
TO_PREPS = {"to", "for"}


def _described(noun: Token) -> Token:
    """The noun a relative clause of contents describes. A named recipient holds no weapons: where
    the parse hangs the clause on the name after the package ("a package for Ukraine, which
    includes ...", "sent weapons to Kyiv, which include ..."), it describes the package, or the
    object of the verb the name is 'to'."""
    prep = noun.head
    if noun.pos_ != "PROPN" or noun.dep_ != "pobj" or prep.lower_ not in TO_PREPS:
        return noun
    if prep.head.pos_ == "NOUN":
        return prep.head
    return next((c for c in prep.head.children if c.dep_ == "dobj"), noun)


def moving_verb(cue: Token) -> Token | None:
    """The transfer verb that moves the package a contents participle describes ("sent Ukraine a
    consignment containing mortars": 'sent'), whose recipient the contents share."""
    if syntax.cue_kind(cue) != "contents" or cue.dep_ != "acl":
        return None
    package, verb = cue.head, cue.head.head
    if package.dep_ not in ("dobj", "nsubjpass") or syntax.cue_kind(verb) != "transfer":
        return None
    return verb


# Relative pronouns: the subject of "includes" in a clause on the package ("a package which includes").
RELATIVES = {"that", "which"}
# Subjects that point back at a package named before ("It includes ...", "That included ...").
ANAPHORS = {"it", "this", "that", "these", "they"}


def refers_back(cue: Token) -> bool:
    """Does a contents cue list what a package named in an earlier sentence holds? Its subject
    is a pronoun ("These include ...") or a definite transfer noun ("The shipment contained ...")."""
    package = package_of(cue)
    if package is None or package.dep_ not in ("nsubj", "nsubjpass"):
        return False
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in package.children)
    return package.lower_ in ANAPHORS or (definite and syntax.cue_kind(package) == "noun")


# Nouns of a part or a round of someone's aid: "the EU's latest tranche of military aid", "Germany's
# new batch of weapons". Their owner gives what they are of, not the clause's subject ("Hungary
# blocked the EU's tranche of aid": Hungary gives none).
PORTIONS = {"tranche", "batch", "round", "portion", "part", "share", "instalment", "installment", "wave"}


def portion_of(cue: Token) -> Token | None:
    """The portion noun a transfer noun is 'of' ("tranche of military aid"), if any."""
    if cue.dep_ != "pobj" or cue.head.lower_ != "of":
        return None
    portion = cue.head.head
    return portion if portion.lemma_.lower() in PORTIONS else None
