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
    if cue.dep_ == "prep":
        return cue.head
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and cue.dep_ == "relcl" and subjects[0].lower_ in RELATIVES:
        return cue.head  # "a package that includes ...": the noun the clause describes
    return subjects[0] if subjects else None


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


# Nouns whose contents are a transfer: the package or shipment itself, a sum of aid or the deal
# that moves it ("the tranche includes", "the consignment contained", "the deal includes").
SHIPMENT_NOUNS = {
    "package",  # "the package includes HIMARS"
    "shipment",  # "the shipment contained shells"
    "cargo",  # "the cargo included rifles"
    "consignment",  # "the consignment comprised drones"
    "delivery",  # "the delivery included tanks"
    "tranche",  # "the tranche includes howitzers"
    "batch",  # "the first batch included ten jets"
    "aid",  # "the aid includes Javelins"
    "assistance",  # "security assistance that included radars"
    "support",  # "support which includes shells"
    "order",  # "the order includes 40 jets"
    "deal",  # "the deal includes F-16s"
    "contract",  # "the contract includes frigates"
    "agreement",  # "agreements to include the sale of missiles"
    "sale",  # "the sale includes missiles"
    "total",  # "the EU total does not include aid from Norway": a sum of aid
    "expenditure",  # "these expenditures include weapons for Ukraine"
    "funding",  # "the funding includes shells"
    "vessel",  # "the vessel was loaded with armoured vehicles": a carrier holds a shipment
    "ship",  # "the ship was loaded with howitzers"
    "freighter",  # "the freighter carried a cargo that contained shells"
    "plane",  # "the plane was loaded with missiles"
    "truck",  # "trucks loaded with ammunition"
    "convoy",  # "the convoy included fuel trucks and tanks"
    "train",  # "the train was loaded with tanks"
    "container",  # "the containers held rifles"
}
# Verbs that forbid what they govern: "prohibits transporting cargo, which includes weapons".
PROHIBITIONS = {"prohibit", "ban", "forbid", "bar", "outlaw"}
# How many heads up from the listing noun a prohibition may stand ("prohibits transporting cargo").
PROHIBITION_REACH = 3


def lists_no_shipment(cue: Token) -> bool:
    """Does a contents verb list what something other than a transfer holds? Its subject is no
    package, shipment, aid or deal, no pronoun pointing back to one, and no noun a transfer verb
    moves ("Britain's air defences include four jets", "the list, which includes packages"); or a
    ban governs the noun ("prohibits transporting cargo, which includes weapons")."""
    if syntax.cue_kind(cue) != "contents" or cue.dep_ == "prep":
        return False  # "a package of aid, including ...": see `syntax._subset_of_item`
    package = package_of(cue)
    if package is None:
        return False  # "and includes ...", "to include ...": no subject of its own to judge
    if _prohibited(package):
        return True
    if package.lower_ in ANAPHORS | RELATIVES or package.lemma_.lower() in SHIPMENT_NOUNS:
        return False
    if syntax.cue_kind(package) is not None or any(_moved_by(c) for c in package.children):
        return False  # "deliveries that include ...", "the weapons Germany has sent include ..."
    above = syntax.governing_cue(package, package.sent)
    return above is None or above is cue or syntax.cue_kind(above) == "contents"


def _moved_by(clause: Token) -> bool:
    """A clause on the listing noun that moves it: "the weapons (that) Germany sent", "items
    supplied by France"."""
    return clause.dep_ in ("relcl", "acl") and syntax.cue_kind(clause) in ("transfer", "receive")


def _prohibited(noun: Token) -> bool:
    node = noun
    for _ in range(PROHIBITION_REACH):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in PROHIBITIONS:
            return True
    return False
