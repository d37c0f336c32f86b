"""What a transfer verb's form and frame make of its base stage, where no stage word above it
decides: the progressive ("is sending", "are being shipped"), a gerund as a clause's subject, an
infinitive of what is arranged ("is to send", "has yet to deliver"), a package or a counted lot
in the progressive, a sum sold. Read last by stage.py."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract.clause import aim_of_noun, sold_sum
from materiel.extract.described import SCHEDULED
from materiel.extract.futuretime import dated_ahead, headline_infinitive
from materiel.extract.negation import EXECUTED, negated, negated_verb

# Purchase verbs whose progressive, with a counted lot, tells a purchase agreed, not deliveries
# under way ("Poland is buying 250 tanks", "India is acquiring 26 jets"); "is importing" tells flows.
BUYING = {"buy", "purchase", "acquire", "procure"}
# Sale verbs whose progressive with a counted lot tells the same deal from the seller's side ("the
# United States is selling Poland 32 jets"); "is selling drones to Russia" tells flows, as above.
SELLING = {"sell"}
# Objects that make "is sending ..." an announcement of a package, not deliveries under way:
# "is sending a new package", "is providing a further $3 billion of military aid".
PACKAGE_OBJECTS = {"package", "tranche", "million", "billion", "trillion"}
# Nouns of a package that a progressive verb may send its items under ("is providing HIMARS as
# part of a new package", "is sending shells under the latest tranche").
PACKAGES = {"package", "tranche"}
# Prepositions that put the sending under a package; "with" and "to" lead to the items and the
# recipient instead ("is providing Kyiv with the tanks of the May package": deliveries under way).
UNDER = {"as", "under", "in", "through", "within"}


def verb_form_stage(cue: Token, base: str) -> str:
    """What the verb's form and frame make of its base stage: the progressive, an infinitive of
    what is arranged ("is to send", "has yet to deliver"), the aim of a noun, a sum sold; else the
    base stage, under any negation."""
    if base in EXECUTED and _gerund_subject(cue):
        return "considered"  # "supplying jets to Kyiv is not straightforward": the act talked about
    if base in EXECUTED and dated_ahead(cue):
        return negated(cue, "pledged")  # "Poland transfers the tanks next week", "is sending jets next month"
    if base in EXECUTED and _progressive(cue):
        # "is sending tanks", "tanks are being shipped": under way; "is seeking jets", "is offering
        # tanks" keep their stage;
        # "Poland is buying 250 tanks": a purchase agreed, its deliveries still to come
        if negated_verb(cue):
            # "is not sending tanks", "tanks are not being sent": it declines; "is not yet sending"
            # is still to come (pledged, as "has not yet sent" is)
            return negated(cue, "delivered")
        return "pledged" if _sends_package(cue) or _counted_purchase(cue) else "in_progress"
    if _destined(cue):
        return "pledged"
    if base in EXECUTED and aim_of_noun(cue):
        return "considered"  # "a campaign to sell the tank", "efforts to deliver jets"
    if base in EXECUTED and sold_sum(cue) and not negated_verb(cue):
        return "pledged"  # "sold $8 billion in arms": the deals' value
    return negated(cue, base)


def _gerund_subject(verb: Token) -> bool:
    """A gerund that is the subject of a clause in the present or future ("supplying jets is not
    straightforward", "sending tanks would escalate"): the act is talked about; one of a past
    clause ("sending the tanks took weeks") was done."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("csubj", "nsubj") or any(c.dep_ == "aux" for c in verb.children):
        return False
    head = verb.head
    return head.tag_ != "VBD" and not any(c.dep_ == "aux" and c.tag_ == "VBD" for c in head.children)


def _progressive(verb: Token) -> bool:
    """The progressive, active ("is sending") or passive ("are being shipped"; not "after being
    delivered", which has no tensed 'be')."""
    helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    tensed = any(c.dep_ == "aux" and c.lemma_ == "be" for c in helpers)
    if verb.tag_ == "VBG":
        return tensed
    return (
        verb.tag_ == "VBN"
        and any(c.lower_ == "being" for c in helpers)
        and any(c.lemma_ == "be" and c.lower_ != "being" for c in helpers)
    )


def _counted_purchase(verb: Token) -> bool:
    """A purchase or a sale of a counted lot ("is buying 250 tanks", "is selling Poland 32 jets")
    is one deal, agreed; an uncounted plural ("was buying drones from Iran") is a flow of supplies
    under way."""
    if verb.lemma_.lower() not in BUYING | SELLING:
        return False
    return any(c.dep_ == "dobj" and any(n.dep_ == "nummod" for n in c.children) for c in verb.children)


def _destined(cue: Token) -> bool:
    """An infinitive of what is arranged to happen: a headline's future ("France to send Ukraine
    light tanks"), "be to" ("the United States is to send 31 tanks", "are to be delivered"), a
    timetable ("is set to receive") or what is still awaited ("has yet to deliver")."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in cue.children):
        return False
    if headline_infinitive(cue):
        return True  # "Germany to send tanks, says minister", "UPDATE: Britain to send tanks"
    if cue.dep_ == "xcomp" and any(c.lower_ == "yet" for c in cue.head.children):
        return True  # "has yet to deliver", "is yet to receive": expected, not done
    if cue.dep_ == "xcomp" and cue.head.lower_ == "about" and cue.head.dep_ == "acomp":
        return True  # "is about to send": at hand, not done
    return cue.dep_ == "ROOT" or (cue.dep_ == "xcomp" and cue.head.lemma_ in ("be", *SCHEDULED))


def _sends_package(verb: Token) -> bool:
    if any(c.dep_ == "dobj" and c.lemma_.lower() in PACKAGE_OBJECTS for c in verb.children):
        return True
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in UNDER]
    return any(t.lemma_.lower() in PACKAGES for p in preps for t in p.subtree)
