"""The stage an item's own phrase tells, whatever clause it stands in: one a hyphenated participle
says was supplied ("U.S.-supplied aircraft") or that a clause says has been used or has moved
("pledged 14 tanks, which arrived in March") is delivered; one
named as what a commitment is for ("a contract for 24 Rafale jets") has the commitment's stage."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract.clause import done, stage_ancestors
from materiel.extract.described import described
from materiel.extract.history import earlier_history
from materiel.extract.negation import negated
from materiel.extract.stage import COMMITMENTS, in_use, stage_of
from materiel.extract.syntax import cue_kind, cues, stage_word


def item_stage(item: Token, recipient: str | None = None, year: int | None = None) -> str | None:
    """The stage an item's own phrase tells: delivered when in use or supplied (delivered_already),
    in progress when a verb of being says it travels (travelling), else the stage of a commitment
    it is named as the object of (under_commitment)."""
    if delivered_already(item, recipient, year):
        return "delivered"
    return travelling(item) or under_commitment(item)


def delivered_already(item: Token, recipient: str | None = None, year: int | None = None) -> bool:
    """An item a relative clause says has been used (stage.in_use) or has moved since to the
    transfer's `recipient` (an actor id; the article is of `year`), or a participle says was
    supplied."""
    return in_use(item) or _supplied(item) or _moved_since(item, recipient, year)


# Cue kinds of a verb that tells items moved: "which have been delivered", "which arrived".
MOVED = {"transfer", "receive", "arrive"}
# Shares before "of which" that count none of the items: "none of which have arrived".
NO_SHARE = {"none", "neither", "few"}


def _moved_since(item: Token, recipient: str | None, year: int | None) -> bool:
    """Items a clause after them says have moved ("pledged 14 tanks, which arrived in March",
    "pledged 18 tanks, all of which have been delivered"): delivered. The clause hangs on the item
    or, as the parser may read it, on the verb the item is the object of; a clause with an object
    of its own speaks of a party ("to Ukraine, which has received tanks"), and one naming who
    gave the items ("jets that were delivered by the Soviet Union") tells their earlier history, as
    does one of another party or an earlier time (history.earlier_history: "guns that were
    delivered to Qatar years ago")."""
    main = _verb_above(item)
    clauses = [c for c in item.children if c.dep_ == "relcl"]
    if item.dep_ == "dobj":
        clauses += [c for c in item.head.children if c.dep_ in ("advcl", "relcl") and c.i > item.i]
    moved = [c for c in clauses if _tells_moved(c)] + [c for c in _conjuncts_after(item) if _counts_moved(c)]
    return any(not earlier_history(c, main, recipient, year) for c in moved)


def _conjuncts_after(item: Token) -> list[Token]:
    """The clauses joined after the verb that names the item as its object, or after the verb
    that verb completes ("promised to deliver 800 shells, but only 500 have been delivered")."""
    verbs = [item.head] if item.dep_ in ("dobj", "dative") else []
    if verbs and verbs[0].dep_ == "xcomp":
        verbs.append(verbs[0].head)
    return [c for v in verbs for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > item.i]


def _verb_above(item: Token) -> Token:
    """The verb whose clause names the item ("will send Ukraine 15 guns"), else the item's root."""
    return next((a for a in item.ancestors if a.pos_ in ("VERB", "AUX")), item.sent.root)


def _past_passive(verb: Token) -> bool:
    """ "were delivered", "was handed over": a past passive (not "were to be delivered")."""
    helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]
    return (
        verb.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in helpers)
        and not any(c.dep_ == "neg" or c.tag_ == "MD" for c in helpers)
    )


def _tells_moved(verb: Token) -> bool:
    if cue_kind(verb) not in MOVED or not (done(verb) or _past_passive(verb)):
        return False
    if any(c.dep_ in ("dobj", "dative", "agent") or c.lower_ == "from" for c in verb.children):
        return False  # an object of its own, or another supplier: "jets that were delivered by the Soviets"
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ in NO_SHARE:
        return False
    if subject.tag_ == "WDT":
        return True  # "which arrived", "that were delivered"
    of = [p for p in subject.children if p.dep_ == "prep" and p.lower_ == "of"]
    if any(o.tag_ == "WDT" for p in of for o in p.children):
        return True  # "all of which", "most of which"
    of_which = any(p.dep_ == "prep" and p.lower_ == "of" and _which(p) for p in verb.children)
    return of_which and _counted(subject)  # "100 tanks, of which 40 have arrived"


def _which(prep: Token) -> bool:
    return any(o.tag_ == "WDT" for o in prep.children)


# Shares that, as a clause's subject, count part of the items named before it: "but only half
# have arrived", "and most have been delivered".
SHARES = {"half", "third", "quarter", "most", "some", "all", "rest", "majority", "part"}


def _counted(subject: Token) -> bool:
    """A bare count or share of the items named before ("40", "half", "most of them"); not one
    with a noun of its own ("40 soldiers", "half of the crews"), nor a count of none."""
    if subject.lower_ in NO_SHARE or any(c.lower_ == "no" for c in subject.children):
        return False
    of_nouns = [o for p in subject.children if p.dep_ == "prep" for o in p.children if o.pos_ in ("NOUN", "PROPN")]
    return not of_nouns and (subject.tag_ == "CD" or subject.lemma_.lower() in SHARES)


def _counts_moved(verb: Token) -> bool:
    """A joined clause whose subject counts the items and that says they moved ("promised 100
    tanks, but only 40 have arrived so far")."""
    if cue_kind(verb) not in MOVED or not (done(verb) or _past_passive(verb)):
        return False
    if any(c.dep_ in ("dobj", "dative", "agent") or c.lower_ == "from" for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and _counted(subject) and negated(verb, "delivered") == "delivered"


# What a verb of being says of items that travel: "the tanks are on their way", "are en route",
# "are in transit"; under a modal ("will be on their way") they have not left yet.
TRAVEL = {("on", "way"), ("en", "route"), ("in", "transit")}


def travelling(item: Token) -> str | None:
    """In progress: items a verb of being says travel ("the tanks Spain promised are on their way"),
    whatever clause on them tells how they were committed; not items a clause on them says were
    sent already, nor a journey inside the recipient or back (`_moved_on`)."""
    subject = _load_of(item) or item
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.lemma_ != "be" or any(c.tag_ == "MD" or c.dep_ == "neg" for c in verb.children):
        return None
    # the parser may take "en" for an adverb: "are en route"
    ways = [
        o
        for p in verb.children
        if p.dep_ in ("prep", "advmod")
        for o in p.children
        if (p.lower_, o.lemma_.lower()) in TRAVEL
    ]
    ways = [w for w in ways if not _toward_change(w) and not _moved_on(w)]
    return "in_progress" if ways and not _sent_before(item) else None


# Goals of a journey inside the recipient's own ground: items on their way to the front are
# the recipient's already.
FRONT_GOALS = {
    "front",  # "on their way to the front"
    "frontline",  # "to the frontline"
    "battlefield",  # "to the battlefield"
    "line",  # "to the front line", "to the lines"
    "position",  # "to their positions"
    "unit",  # "to the units"
}


# Parts of speech of a load or share before "of": a noun ("a shipment"), a share ("most", "half",
# "some"), a count ("two of the launchers").
LOAD_POS = {"NOUN", "ADJ", "PRON", "NUM"}


def _load_of(item: Token) -> Token | None:
    """The load or share that the item fills, as "of" names it ("a shipment of tanks is on its
    way", "the first batch of shells is en route", "most of the tanks are on their way"): it
    travels with the items in it."""
    prep = item.head
    if item.dep_ != "pobj" or prep.lower_ != "of" or prep.head.pos_ not in LOAD_POS:
        return None
    return prep.head


def _moved_on(way: Token) -> bool:
    """'on their way back to Germany', 'on their way to the front': a journey of items already
    handed over, not the handover. (A city is left alone: "on their way to Kyiv" may be the
    handover's own goal.)"""
    if any(t.lower_ == "back" for t in (*way.children, *way.head.children, *way.head.head.children)):
        return True
    goals = [g for p in way.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children]
    return any(g.lemma_.lower() in FRONT_GOALS for g in goals)


# Verbs of a deal, not of a handover: "the tanks that Spain sold (ordered, bought) to Ukraine are
# on their way" are still travelling.
DEAL_VERBS = {"sell", "buy", "order", "purchase", "procure", "acquire", "approve", "offer"}


def _sent_before(item: Token) -> bool:
    """A clause on the items tells they were moved already: "the tanks that Spain sent to
    Ukraine", "vehicles, supplied by the United States," (not "the tanks Spain promised")."""
    clauses = [c for c in item.children if c.dep_ in ("relcl", "acl") and cue_kind(c) in MOVED]
    clauses = [c for c in clauses if c.lemma_.lower() not in DEAL_VERBS]
    past = [c for c in clauses if done(c) or _past_passive(c) or (c.dep_ == "acl" and c.tag_ == "VBN")]
    return any(stage_word(c) is None and not any(h.dep_ == "neg" for h in c.children) for c in past)


# Goals of a way that are an item's end of service, not a place it travels to: "the jets are on
# their way to retirement", "on the way to the scrapyard", "on their way out".
SERVICE_ENDS = {
    "retirement",  # "on their way to retirement"
    "scrap", "scrapyard", "scrapheap", "breaker",  # "on the way to the scrapyard / the breakers"
    "decommissioning", "obsolescence",  # "on their way to decommissioning"
    "out",  # "the old jets are on their way out"
}  # fmt: skip


def _toward_change(way: Token) -> bool:
    """'on the way to being approved', 'on the way to collapse', 'on their way to retirement' or
    'out': a process or an end of service, not a journey."""
    goals = [g for p in way.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children]
    if any(c.lower_ in SERVICE_ENDS for c in way.children):
        return True  # "on their way out"
    return any(
        g.tag_ == "VBG" or g.dep_ == "pcomp" or stage_word(g) is not None or g.lemma_.lower() in SERVICE_ENDS
        for g in goals
    )


# Participles that, after a hyphen, say who already gave the item: "U.S.-supplied aircraft",
# "Western-provided tanks", "German-donated howitzers" were handed over, whatever the clause
# around them says ("the figures don't include strikes with U.S.-supplied aircraft"). "-made" and
# "-built" name the maker, not a supply, and are left out.
SUPPLY_PARTICIPLES = {"supplied", "provided", "donated", "delivered", "gifted"}


def _supplied(item: Token) -> bool:
    """An item a hyphenated participle says was supplied: one token ("U.S.-supplied") or the
    participle after a hyphen token ("Western - provided")."""
    return bool(supply_participles(item))


def supply_participles(item: Token) -> list[Token]:
    """The item's hyphenated supply participles ("U.S.-supplied", "Western - provided")."""
    return [c for c in item.children if c.dep_ in ("amod", "compound") and _after_hyphen(c)]


def names_supplier(name: Token) -> bool:
    """Is the name the state on a hyphenated supply participle ("U.S.-supplied" as one token, or
    "British" before "- supplied")? That participle says the state supplied the item, so it is
    never the item's recipient ("Saudi jets dropped British-supplied bombs": no Saudi jets to Britain)."""
    return _after_hyphen(name) or (name.i < name.head.i and _after_hyphen(name.head))


def _after_hyphen(word: Token) -> bool:
    head, hyphen, last = word.lower_.rpartition("-")
    if hyphen:
        return bool(head) and last in SUPPLY_PARTICIPLES
    return word.lower_ in SUPPLY_PARTICIPLES and word.i > 0 and word.doc[word.i - 1].tag_ == "HYPH"


def under_commitment(item: Token) -> str | None:
    """An item named as what a commitment is for ("a contract for 24 Rafale jets", "an order of 50
    tanks", "a bill for $40 billion in aid") has the commitment's stage, whatever verb governs the
    commitment ("acquired a frigate as part of a contract for 24 Rafales": the jets are on order)."""
    while item.dep_ == "conj" and item.head.i != item.i:
        item = item.head
    item = _amount_of(item)
    prep = item.head
    if item.dep_ != "pobj" or prep.lower_ not in COMMITTED_TO or prep.head.i == prep.i:
        return None
    noun = prep.head
    lemma = noun.lemma_.lower()
    if noun.pos_ == "NOUN" and lemma in ANNOUNCEMENTS:
        return negated(noun, cues().stage[lemma])  # whatever governs it: "discussed the announcement of $500m"
    if noun.pos_ != "NOUN" or lemma not in COMMITMENTS:
        return None
    return _stage_above(noun) or described(noun) or negated(noun, cues().stage[lemma])


def _amount_of(item: Token) -> Token:
    """The amount an item is counted in ("$500 million in military financing": the million), else
    the item."""
    amount = item.head.head if item.dep_ == "pobj" and item.head.lower_ == "in" else None
    return amount if amount is not None and amount.tag_ == "CD" else item


# Nouns of a supplier's announcement: what it is 'of' is pledged, whatever verb governs it
# ("welcomed / discussed the announcement of $500 million in military financing", cues.json
# "_stage_talks_announcement_why"), also where a list ("including the announcement of ...") names it.
ANNOUNCEMENTS = {"announcement"}


# Stages of a noun that stops a trade the item phrase names: "a suspension of arms sales", "the
# cancellation of arms exports", "a freeze on arms sales".
STOPS = {"postponed", "cancelled", "refused"}


def under_stop(item: Token) -> str | None:
    """An item that is itself a transfer noun ("arms sales") named as what a noun of a stop is
    of or on ("announced a suspension of arms sales"): the stage the stop gives it, as if the
    noun were the cue, whatever verb governs the stop ("announced" does not pledge the sales)."""
    prep = item.head
    if item.dep_ != "pobj" or prep.lower_ not in STOPPED_BY or item.lemma_.lower() not in cues().nouns:
        return None
    noun = prep.head
    if noun.pos_ != "NOUN" or stage_word(noun) not in STOPS:
        return None
    return stage_of(item, cues().nouns[item.lemma_.lower()])


# Prepositions that name what a stop is of or on: "a suspension of sales", "a freeze on exports".
STOPPED_BY = {"of", "on"}


def _stage_above(noun: Token) -> str | None:
    """The stage a stage word above a commitment gives it ("cancelled the contract for jets"); a
    review of one's own concluded commitment is none (`_reviewed_own`)."""
    for ancestor in stage_ancestors(noun):
        word = stage_word(ancestor)
        if word is not None and ancestor.pos_ in ("VERB", "NOUN", "AUX", "ADJ"):
            return None if _reviewed_own(ancestor, noun) else negated(ancestor, word)
    return None


# Commitments concluded already, which a review looks back on; a plan, a bill, an offer or a
# request under review is still weighed ("is reviewing Poland's request", "reviewing the bill").
CONCLUDED = {"deal", "contract", "agreement", "order", "permit", "licence", "license", "approval"}
# Words of a review: a look at what was done, not the weighing of what is proposed.
REVIEWING = {"review", "reexamine", "re-examine", "audit"}


def _reviewed_own(word: Token, noun: Token) -> bool:
    """A review of a concluded commitment its owner names ("Canada is reviewing its export permits
    for vehicles", "a review of Berlin's contract for tanks"): the commitment stands."""
    owned = any(c.dep_ == "poss" for c in noun.children)
    return owned and word.lemma_.lower() in REVIEWING and noun.lemma_.lower() in CONCLUDED


# Prepositions that name what a commitment is for: "a contract for jets", "an order of tanks".
COMMITTED_TO = {"for", "of"}
