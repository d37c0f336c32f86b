"""What a transfer verb's form and frame make of its base stage, where no stage word above it
decides: the progressive ("is sending", "are being shipped"), a gerund as a clause's subject, an
infinitive of what is arranged ("is to send", "has yet to deliver"), a package or a counted lot
in the progressive, a sum sold. Read last by stage.py."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract.clause import aim_of_noun, sold_sum
from materiel.extract.cuekinds import cue_kind
from materiel.extract.described import SCHEDULED, scheduled
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


# A stage and what decided it ("progressive: send", "verb: deliver, past", "noun: aid"), which a
# transfer keeps as its `status_reason`.
Staged = tuple[str, str]


def verb_form_reason(cue: Token, base: str) -> Staged:
    """What the verb's form and frame make of its base stage: the progressive, an infinitive of
    what is arranged ("is to send", "has yet to deliver"), the aim of a noun, a sum sold; else the
    base stage, under any negation; with what decided it."""
    lemma = cue.lemma_.lower()
    if base in EXECUTED and _gerund_subject(cue):
        return "considered", f"gerund subject: {lemma}"  # "supplying jets to Kyiv is not straightforward"
    if base in EXECUTED and dated_ahead(cue):
        return negated(cue, "pledged"), f"dated ahead: {lemma}"  # "Poland transfers the tanks next week"
    if base in EXECUTED and _progressive(cue):
        # "is sending tanks", "tanks are being shipped": under way; "is seeking jets", "is offering
        # tanks" keep their stage;
        # "Poland is buying 250 tanks", "Britain is sending 14 tanks", "announced that it is
        # sending tanks": a lot decided, its deliveries still to come
        if negated_verb(cue):
            # "is not sending tanks", "tanks are not being sent": it declines; "is not yet sending"
            # is still to come (pledged, as "has not yet sent" is)
            return negated(cue, "delivered"), f"progressive: {lemma}"
        decided = _sends_package(cue) or _counted_lot(cue) or _announced(cue)
        return ("pledged" if decided else "in_progress"), f"progressive: {lemma}"
    if _destined(cue):
        return "pledged", f"destined: {lemma}"
    if base in EXECUTED and _awaited_lot(cue):
        return "pledged", f"awaited lot: {lemma}"  # "the tanks that Poland bought are due to arrive"
    if base in EXECUTED and aim_of_noun(cue):
        return "considered", f"aim of noun: {lemma}"  # "a campaign to sell the tank", "efforts to deliver jets"
    if base in EXECUTED and sold_sum(cue) and not negated_verb(cue):
        return "pledged", f"sold sum: {lemma}"  # "sold $8 billion in arms": the deals' value
    form = verb_form(cue)
    return negated(cue, base), f"noun: {lemma}" if form == "noun" else f"verb: {lemma}, {form}"


def verb_form(cue: Token) -> str:
    """The form of a transfer word, as a status_reason names it: a noun ("the delivery of"), the
    perfect ("has sent", "have been delivered"), the passive ("were sent"), the past ("sent"), the
    present ("sends"), an infinitive ("to send"), a participle with no helper ("tanks sent by")."""
    helpers = {c.lemma_.lower() for c in cue.children if c.dep_ in ("aux", "auxpass")}
    tags = {c.tag_ for c in cue.children if c.dep_ in ("aux", "auxpass")}
    if cue.pos_ in ("NOUN", "PROPN"):
        return "noun"
    if "have" in helpers:
        return "perfect"
    if "TO" in tags:
        return "infinitive"
    if any(c.dep_ == "auxpass" for c in cue.children):
        return "passive"
    return {"VBD": "past", "VBZ": "present", "VBP": "present", "VBN": "participle", "VBG": "gerund"}.get(
        cue.tag_, cue.tag_ or "other"
    )


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


def _counted_lot(verb: Token) -> bool:
    """A lot counted exactly, or a sum, that a verb of giving, a purchase or a sale moves in the
    progressive ("Britain is sending 14 tanks", "is providing Kyiv with 20 howitzers", "is sending
    $400 million worth of weapons", "Poland is buying 250 tanks", "the United States is selling
    Poland 32 jets") is one decision told as it is announced, its deliveries still to come; an
    uncounted plural ("is sending weapons", "was buying drones from Iran"), a round number of a
    flow ("is sending thousands of shells") or a rate ("is sending 10,000 shells a month") is
    supplies under way. Receiving ("Ukraine is receiving 14 tanks") tells the deliveries."""
    if cue_kind(verb) != "transfer" and verb.lemma_.lower() not in BUYING | SELLING:
        return False
    objects = _objects(verb)
    if any(_rate(c) for n in (verb, *objects) for c in n.subtree):
        return False
    return any(_counted(o) for o in objects)


def _counted(noun: Token) -> bool:
    """A noun counted exactly ("14 tanks", "two more systems"; not "thousands of shells") or a sum
    of money ("$400 million worth of weapons", "€300 million in arms")."""
    if any(t.tag_ == "$" for t in noun.subtree if t.i <= noun.i):
        return True
    return any(n.dep_ == "nummod" and n.lemma_.lower() not in ROUND and not _calibre(n) for n in noun.children)


# Units after a number that make it a calibre, not a count: "155mm shells", "155-mm rounds",
# "105 millimetre ammunition", "12.7 calibre rounds".
CALIBRE_UNITS = {"mm", "millimeter", "millimetre", "millimeters", "millimetres", "cm", "calibre", "caliber"}


def _calibre(number: Token) -> bool:
    """The number is a calibre ("155" of "155mm shells"), which counts nothing."""
    after = [t for t in number.doc[number.i + 1 : number.i + 3] if t.text != "-"]
    return bool(after) and after[0].lower_ in CALIBRE_UNITS


# Nouns of a period that make a count a rate ("10,000 shells a month"): a flow under way; and the
# words that make it one ("this week" is a time).
PERIODS = {"day", "week", "month", "year"}
EACH = {"a", "an", "per", "every", "each"}
# Count words of a round, open number: "thousands of shells" is a flow, not a lot.
ROUND = {"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "million", "millions"}


# Verbs of making a decision public: what they report in the progressive ("announced that it is
# sending tanks", "is sending tanks, the ministry announced") is the decision announced.
ANNOUNCING = {"announce", "unveil"}


def _announced(verb: Token) -> bool:
    """Is the progressive the clause a verb of announcing reports? Not one of saying ("said it is
    sending weapons": supplies under way) nor of confirming what others report."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ANNOUNCING


def _rate(token: Token) -> bool:
    """A period taken as a rate: "a month", "every week", "per day"."""
    return token.lemma_.lower() in PERIODS and (
        any(c.lower_ in EACH for c in token.children) or token.head.lower_ in EACH
    )


def _objects(verb: Token) -> list[Token]:
    """What the verb moves: its objects ("sends 14 tanks", "sends Kyiv 14 tanks"), the noun of its
    'with' ("provides Kyiv with 14 tanks"), their conjuncts ("tanks and 20 howitzers") and what
    they are a lot of ("its fleet of 19 howitzers")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children]
    objects += [c for o in objects for c in o.conjuncts]
    lots = [n for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for n in p.children]
    return objects + lots


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
    if cue.dep_ == "ccomp" and cue.head.lemma_ in SCHEDULED:
        return True  # "Brazil expects the first jets to arrive in 2021": its own subject, still ahead
    return cue.dep_ == "ROOT" or (cue.dep_ == "xcomp" and cue.head.lemma_ in ("be", *SCHEDULED))


# Modals that put the arrival of a lot ahead: "the tanks Poland bought will arrive next month".
AHEAD_MODALS = {"will", "'ll", "shall"}


def _awaited_lot(verb: Token) -> bool:
    """A sale or purchase told in a clause on the lot ("the jets Greece bought", "the first of the
    drones that Turkey sold to Kenya") whose own clause puts its arrival ahead ("are due to arrive",
    "are expected to be delivered next year", "will arrive next month"): the deal is made, the
    lot not there yet. A lot sent that is due at the front ("the shells Bulgaria sent are expected
    to reach the front") has left its supplier, and is left alone."""
    if verb.lemma_.lower() not in BUYING | SELLING or verb.dep_ not in ("relcl", "acl"):
        return False
    lot = verb.head
    if lot.dep_ == "pobj" and lot.head.lower_ == "of" and lot.head.head.i != lot.head.i:
        lot = lot.head.head  # "the first of the tanks that Spain sold"
    arrival = lot.head
    if lot.dep_ not in ("nsubj", "nsubjpass") or arrival.i == lot.i:
        return False
    ahead = any(c.dep_ == "aux" and c.lower_ in AHEAD_MODALS for c in arrival.children)
    return ahead or scheduled(lot) is not None


def _sends_package(verb: Token) -> bool:
    if any(c.dep_ == "dobj" and c.lemma_.lower() in PACKAGE_OBJECTS for c in verb.children):
        return True
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in UNDER]
    return any(t.lemma_.lower() in PACKAGES for p in preps for t in p.subtree)
