"""Suppliers named by a noun of their role: "Russia remains India's biggest arms supplier",
"Germany is Ukraine's second largest supplier of weapons", "France is the top exporter of arms to
Egypt". The subject of a verb of being is the supplier, or where the noun is that subject, the
parties named after the verb ("The main suppliers of arms to Egypt were Germany and Italy"); the
owner of the noun, of the imports it is 'of' ("the largest suppliers of Qatar's arms imports"), or
the party its 'to' or 'for' names, receives; the item is the noun's compound ("arms supplier") or
what it is 'of' ("supplier of weapons"). Being a supplier says the items have been supplied
(delivered)."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import syntax, treenames
from materiel.extract.lexicon import Mention
from materiel.extract.roles import Roles
from materiel.extract.tradesyntax import IMPORT_NOUNS, owner_of

# Nouns of a state's role as a source of materiel.
SUPPLIER_NOUNS = {"supplier", "exporter", "provider", "seller", "source", "donor"}
# Verbs that say what the subject is: "is", "remains", "became".
BEING = {"be", "remain", "become", "stay"}
# Helpers that make the role a prospect, not a fact ("would become its main supplier").
PROSPECTS = {"will", "would", "could", "may", "might", "should", "'ll"}
# Words that deny the role: "is not its supplier", "is no longer its supplier", "is no supplier",
# "was never its supplier".
DENIALS = {"not", "n't", "no", "never"}
# Dependencies under which a denial hangs from the verb or the noun ("no longer", "no").
DENYING = {"neg", "advmod", "det"}
# The stage a told role gives its items: a state that is (or was) a supplier has supplied them.
STATUS = "delivered"


def supplier_noun_roles(item: Token, actors: list[Mention]) -> Roles | None:
    """Both sides of an item a supplier noun names ("India's biggest arms supplier"), or None."""
    noun = _role_noun(item)
    verb = (predicated_by(noun) or equated_by(noun)) if noun is not None else None
    if noun is None or verb is None or not told(verb, noun):
        return None
    supplier = treenames.mention_in(holders(verb, noun), actors)
    heads = (noun, item, verb)  # "one of the suppliers of weapons to Azerbaijan": 'to' on the verb
    owners = [c for c in noun.children if c.dep_ == "poss"]
    recipient = treenames.mention_in(
        owners + [t for h in heads for t in treenames.prep_objects(h, {"to", "for"})], actors
    ) or _importer(item, noun, actors)
    if supplier is None or recipient is None or supplier.id == recipient.id:
        return None
    return Roles(supplier, recipient)


# Heads of a membership phrase that makes its subject one holder of a role among several: "Russia
# is one of India's main arms suppliers", "Israel remains one of the top suppliers of weapons to
# Azerbaijan". A number word other than "one" counts a set of holders and is left out.
MEMBERSHIP = {"one"}
# Verbs that place their subject among the holders of a role: "Latvia ranked second among the
# buyers of Swedish arms"; with the verbs of being: "Egypt was among the largest recipients".
RANKING = {"rank"}


def predicated_by(noun: Token) -> Token | None:
    """The verb that says its subject holds the role the noun names, or None: a verb of being
    with the noun as its attribute ("is India's supplier"), with "one of" the nouns ("is one of
    its suppliers"), or a verb of being or ranking with "among" them ("was among the largest
    recipients", "ranked second among the buyers")."""
    head = noun.head
    if noun.dep_ == "attr":
        verb, verbs = head, BEING
    elif noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in MEMBERSHIP and head.head.dep_ == "attr":
        verb, verbs = head.head.head, BEING
    elif noun.dep_ == "pobj" and head.lower_ == "among" and head.dep_ == "prep":
        verb, verbs = head.head, BEING | RANKING
    else:
        return None
    return verb if verb.lemma_.lower() in verbs else None


def equated_by(noun: Token) -> Token | None:
    """The verb of being whose subject the role noun is, its holders named after it ("Germany's
    largest arms customers were Egypt and Algeria", "the main suppliers of arms to Egypt were ...")."""
    head = noun.head
    return head if noun.dep_ == "nsubj" and head.lemma_.lower() in BEING else None


def holders(verb: Token, noun: Token) -> list[Token]:
    """Who the verb of being says holds the role: its subject, or where the role noun is the
    subject or the verb has none ("Among its largest customers were Egypt and Algeria"), the
    attribute named after the verb; never the phrase that holds the noun itself."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects and noun.dep_ != "nsubj":
        return subjects
    return [c for c in verb.children if c.dep_ == "attr" and c.i > verb.i and noun not in c.subtree]


def _importer(item: Token, noun: Token, actors: list[Mention]) -> Mention | None:
    """The owner of the imports a supplier noun is 'of': "the largest suppliers of Qatar's arms
    imports" (Qatar), the item being the imports or their compound ("arms")."""
    trade = item.head if item.dep_ == "compound" else item
    if trade.lemma_.lower() not in IMPORT_NOUNS or trade.head.head.i != noun.i:
        return None
    return owner_of(trade, actors)


def told(verb: Token, noun: Token) -> bool:
    """Is the role told as a fact? Not as a prospect ("would become its main supplier"), denied
    ("is not", "is no longer", "is no supplier"), in a condition ("if Russia were its supplier")
    or asked ("Is Russia still its main supplier?")."""
    if any(c.lower_ in PROSPECTS or c.dep_ == "neg" for c in verb.children):
        return False
    if any(w.lower_ in DENIALS for c in (*verb.children, *noun.children) if c.dep_ in DENYING for w in c.subtree):
        return False
    return not syntax.hypothetical(verb) and not syntax.yes_no_question(verb)


def _role_noun(item: Token) -> Token | None:
    """The supplier noun an item names: itself, as the head its compound climbed to ("arms
    supplier"), or the noun it is 'of' ("supplier of weapons")."""
    if item.lemma_.lower() in SUPPLIER_NOUNS:
        return item
    held = item.head if item.dep_ == "compound" and item.head.lemma_.lower() in IMPORT_NOUNS else item
    prep = held.head  # "suppliers of weapons", "suppliers of Qatar's arms imports"
    if held.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in SUPPLIER_NOUNS:
        return prep.head
    return None
