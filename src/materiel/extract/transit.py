"""States the materiel passes through, told by other words than 'through' and 'via' on the verb
or the item (roles.ROUTE_PREPS): GUIDE makes them via, neither supplier nor recipient.

- "by way of": "shipped rifles to the IRA by way of Malta".
- A state used as, or serving as, a way: "Iran used Syria as a transit point for shipments of
  rockets to Hezbollah", "Tehran used Iraqi territory as a land corridor to send rockets",
  "Chad served as a conduit for weapons sent to the RSF".
- A place in a state where the cargo stops before it goes on: "shipped to a port in Egypt and
  from there to Libya".
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import treenames
from materiel.extract.lexicon import Mention

# Nouns of a way through a state: "used Syria as a transit point", "served as a conduit".
WAY_NOUNS = {
    "point", "route", "hub", "conduit", "corridor", "channel", "bridge", "gateway", "springboard",
    "waypoint", "stopover", "pipeline", "transit", "way", "base", "post", "ground", "area",
}  # fmt: skip
# Words that make 'base', 'post', 'ground' and 'area' a way, not a place of their own: "staging
# area", "transit base"; the other way nouns need none.
WAY_MARKS = {"transit", "staging", "transshipment", "supply", "logistics", "land", "smuggling"}
PLAIN_WAYS = WAY_NOUNS - {"base", "post", "ground", "area", "point", "way"}
# Verbs whose subject is the way ("Chad served as a conduit") or whose object is ("used Syria as").
SERVING = {"serve", "act", "function"}
USING = {"use", "turn"}
# Places where a cargo is put down on its way: "to a port in Egypt and from there to Libya".
STOPS = {"port", "harbour", "harbor", "airport", "airfield", "airbase", "base", "depot", "hub", "terminal"}
# Words after the stop that send the cargo on: "and from there", "then on to".
ONWARD = ("from there", "from where", "thence", "then on to", "onward to")


def transit_states(cue: Token, item: Token, actors: list[Mention], known: set[str]) -> list[Mention]:
    """The states the cue's item passes through by these frames, not already a party."""
    tokens = _by_way_of(cue) + _by_way_of(item) + _ways(cue) + _stops(cue)
    found: list[Mention] = []
    for token in tokens:
        mention = treenames.mention_in([token], actors)
        if mention is not None and mention.id not in known and all(m.id != mention.id for m in found):
            found.append(mention)
    return found


def _by_way_of(token: Token) -> list[Token]:
    """ "by way of Malta": the object of 'of' on 'way' after 'by'."""
    return [
        g
        for way in treenames.prep_objects(token, {"by"})
        if way.lower_ == "way"
        for g in treenames.prep_objects(way, {"of"})
    ]


def _ways(cue: Token) -> list[Token]:
    """The state named as the way in a 'use X as' or 'X served as' frame that holds the cue."""
    out = []
    for verb in _above(cue):
        ways = [w for w in treenames.prep_objects(verb, {"as"}) if _way(w)]
        if not ways:
            continue
        lemma = verb.lemma_.lower()
        if lemma in USING:
            out += [c for c in verb.children if c.dep_ == "dobj"]
        elif lemma in SERVING:
            out += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return out


def _above(token: Token) -> list[Token]:
    """The token's heads up to the root of its sentence."""
    out = []
    while token.head.i != token.i:
        token = token.head
        out.append(token)
    return out


def _way(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    marks = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
    return lemma in PLAIN_WAYS or (lemma in WAY_NOUNS and bool(marks & WAY_MARKS))


def _stops(cue: Token) -> list[Token]:
    """ "shipped to a port in Egypt and from there to Libya": the state of a stop that the
    sentence says the cargo left again."""
    sentence = cue.sent.text.lower()
    if not any(word in sentence for word in ONWARD):
        return []
    return [
        g
        for stop in treenames.prep_objects(cue, {"to"})
        if stop.lemma_.lower() in STOPS
        for g in treenames.prep_objects(stop, {"in", "at"})
    ]
