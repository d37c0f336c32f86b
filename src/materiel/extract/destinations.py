"""Destinations that keep an item from a borrowed recipient: where the verb that moves it sends it
outside the party a one-sided mention would borrow, a body of water ("warships to the Gulf"), a
region of no one party ("to the Middle East"), a base or territory ("jets to Diego Garcia"), or a
place the actor lexicon gives to another state ("deployed jets to Warsaw")."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import syntax, treenames
from materiel.extract.amounts import mention_token
from materiel.extract.candidate import Candidate
from materiel.extract.statenouns import STATE_KINDS

# Head nouns of a body of water: an item sent "to the Red Sea", "to the Gulf" or "to the Strait of
# Hormuz" is deployed there, outside any party, and is nobody's to receive.
WATERS = {
    "sea",  # "to the Black Sea", "to the South China Sea"
    "gulf",  # "to the Gulf", "to the Persian Gulf"
    "strait",  # "to the Strait of Hormuz", "to the Taiwan Strait"
    "straits",  # "to the Straits of Malacca"
    "ocean",  # "to the Indian Ocean"
    "channel",  # "to the English Channel"
    "bay",  # "to the Bay of Bengal"
    "mediterranean",  # "to the eastern Mediterranean"
    "pacific",  # "to the Pacific"
    "atlantic",  # "to the Atlantic"
    "baltic",  # "to the Baltic" (the sea; "the Baltics" are states, parties)
}


# Regions that belong to no one party: an item sent "to the Middle East" is deployed there, not
# given to the state that asked (matched on the place's words, "the" left out).
REGIONS = {
    "middle east",  # "two aircraft carriers to the Middle East"
    "east",  # "to the East" (of Europe, of Asia)
    "far east",  # "to the Far East"
    "pacific",  # "to the Pacific"
    "indo-pacific",  # "to the Indo-Pacific"
    "balkans",  # "to the Balkans"
    "arctic",  # "to the Arctic"
    "region",  # "to the region"
    "horn of africa",  # "to the Horn of Africa"
}
# Bases and overseas territories that news names as destinations of a state's own deployments:
# "Britain will also send Typhoon jets to Diego Garcia" is no delivery to the state that asked.
# spaCy's entities do not tell these from a recipient's towns (Donbas and Pokrovsk are GPE as Guam
# is; Diego Garcia and Kherson are PERSON), so they are data.
DEPLOYMENT_PLACES = {
    "diego garcia",  # British territory, US and UK bombers
    "guam",  # US territory
    "hawaii",  # US state
    "okinawa",  # Japanese prefecture, US bases
    "gibraltar",  # British territory
    "ramstein",  # US air base in Germany
    "rzeszow",  # the Polish hub for aid to Ukraine
    "incirlik",  # US air base in Turkey
    "al udeid",  # US air base in Qatar
    "akrotiri",  # British base in Cyprus
}


# Prepositions of a path through space: what is sent across, along or near a place is moved there
# by its own side ("Beijing sent 30 warplanes across the median line"), handed to no one.
PATHS = {"across", "along", "near", "toward", "towards", "around", "past"}


def destined(candidate: Candidate, recipient: str) -> bool:
    """The verb that moves the candidate's item sends it to a place outside the recipient that
    would be borrowed: a body of water ("will also send more warships to the Gulf"), a region or a
    base (`_outside`), or a place the actor lexicon gives to another state ("deployed jets to
    Warsaw"); or moves it along a path (PATHS) or into a stretch of air or sea. A city, region or
    front of the recipient ("40 Marders to Donbas", "sent to the front") does not stop the
    borrowing."""
    item = mention_token(candidate.paragraph, candidate.item)
    if item is None:
        return False
    verbs = [a for a in item.ancestors if syntax.cue_kind(a) == "transfer"][:1]
    places = [p for v in verbs for p in treenames.prep_objects(v, {"to", "into"})]
    if any(p.lemma_.lower() in WATERS or _outside(p) or _others_place(candidate, p, recipient) for p in places):
        return True
    return any(treenames.prep_objects(v, PATHS) or _into_area(v) for v in verbs)


def _into_area(verb: Token) -> bool:
    """The verb moves its item into or over a stretch of air or sea (`treenames.AREAS`)."""
    return any(p.lemma_.lower() in treenames.AREAS for p in treenames.prep_objects(verb, {"into", "over", "through"}))


def _outside(place: Token) -> bool:
    """Is the place a region of no one party ("the Middle East") or a base or territory named as a
    deployment's destination ("Diego Garcia")?"""
    words = [t.lower_ for t in place.subtree if (t.dep_ != "det" and not t.is_punct) or t.text == "-"]
    phrase = " ".join(words).replace(" - ", "-")
    return phrase in REGIONS or phrase in DEPLOYMENT_PLACES


def _others_place(candidate: Candidate, place: Token, recipient: str) -> bool:
    """Is the place a name the actor lexicon gives to a state other than the recipient?"""
    named = [m for m in candidate.paragraph.actors if m.start <= place.idx < m.end]
    return any(m.id and m.id != recipient and m.kind in STATE_KINDS for m in named)
