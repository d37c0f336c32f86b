"""A request noun that its asker sends or makes ("Ukraine sent a request for tanks to Germany",
"Kyiv made a request for Patriots from Berlin"): the subject of the verb asks, the party the
request goes 'to' or is made 'from' is asked, and nothing is delivered by sending the request. An
item 'for' on the making verb is the request's ("Kyiv sent a request to Berlin for tanks"), and an
asker named on the noun ("Ukraine's request ... was rejected by Germany") receives."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract import syntax, treenames
from materiel.extract.letters import LETTERS
from materiel.extract.lexicon import Mention
from materiel.extract.negation import negated_verb

# Verbs whose object is a request the subject puts to someone ("sent a request", "made a plea").
MAKING = {"send", "make", "submit", "file", "issue", "put", "lodge", "forward", "transmit", "renew", "deliver", "hand"}
# Prepositions naming the party a request is put to ("to Germany"), asked of ("from Berlin") or
# filed with ("lodged a request with Berlin").
ASKED_PREPS = {"to", "from", "of", "with"}
# Words on a request noun's left that name its asker ("Ukraine's request", "the Polish plea").
ASKER_DEPS = ("poss", "amod", "compound", "nmod")
# Subjects and complements of the verb a request noun is the subject of: the agent of 'went
# unanswered by Germany' hangs on the complement.
COMPLEMENT_DEPS = ("acomp", "xcomp", "oprd")
# Verbs by which the asked party answers a request its subject was put ("Berlin rejected Kyiv's
# request"); a verb of a third party's view ("Poland backed Ukraine's request") names no one asked.
GRANTING = {"approve", "grant", "accept", "fulfil", "fulfill", "meet", "answer", "honour", "honor"}
REFUSING = {"reject", "refuse", "deny", "decline", "rebuff", "ignore", "dismiss"}
WEIGHING = {"consider", "weigh", "review", "study", "receive"}
ANSWERING = GRANTING | REFUSING | WEIGHING
# Phrasal verbs of answering, by particle ("turned down the request", "was turned down by Berlin").
ANSWERING_PHRASES = {("turn", "down")}
# Complements that leave a request unanswered by its agent ("went unanswered by Germany").
UNANSWERED = {"unanswered", "unmet", "unheeded"}
# Verbs by which the asked party takes a request in: what the request asks for is only asked for.
TAKING_IN = {"receive", "get"}
# Stages a request noun may not take from the verb that makes it: sending a request delivers nothing.
MOVING_STAGES = {"delivered", "in_progress"}


def made_request(cue: Token) -> Token | None:
    """The verb that makes or sends a request noun cue ('sent a request'), if any."""
    table = syntax.cues()
    if syntax.cue_kind(cue) != "noun" or table.nouns.get(cue.lemma_.lower()) != "requested":
        return None
    carrier = _letter_of(cue) or cue
    verb = carrier.head
    if carrier.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in MAKING:
        return None
    return verb


def _letter_of(noun: Token) -> Token | None:
    """The document a request noun is the 'of' of ("sent a letter of request for drones"), if any."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lemma_.lower() not in LETTERS:
        return None
    return prep.head


def _carried_request(noun: Token) -> Token:
    """The request noun a document carries ("a letter of request"), else the noun itself."""
    inner = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
    found = next((o for o in inner if o.dep_ == "pobj"), None) if noun.lemma_.lower() in LETTERS else None
    return found if found is not None else noun


def request_governs(item: Token) -> Token | None:
    """The request noun that an item asked for on its making verb names ("Kyiv sent a request to
    Berlin for tanks": the parse hangs 'for tanks' on 'sent'): the request governs the item."""
    prep = item.head
    if item.dep_ != "pobj" or prep.lower_ != "for" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.lemma_.lower() not in MAKING:
        return None
    nouns = [_carried_request(c) for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return next((n for n in nouns if made_request(n) is not None), None)


def named_asker_roles(cue: Token, item: Token, actors: list[Mention]) -> tuple[Mention, Mention] | None:
    """A request noun with its asker named on it ("Ukraine's request for tanks was rejected by
    Germany", "Poland backed Kyiv's plea for tanks from Germany"): the asker receives what it asks
    for; the party it is put to or asked 'from', the verb's agent or, for a request that a verb of
    answering takes as its object, that verb's subject is asked. As (supplier, recipient)."""
    if syntax.cue_kind(cue) != "noun" or syntax.cues().nouns.get(cue.lemma_.lower()) != "requested":
        return None
    asker = treenames.mention_in([c for c in cue.children if c.dep_ in ASKER_DEPS and c.i < cue.i], actors)
    if asker is None or made_request(cue) is not None:
        return None
    put = treenames.prep_objects(cue, ASKED_PREPS) + treenames.prep_objects(item, {"from"})
    put += treenames.prep_objects(cue.head, {"from"}) if cue.dep_ == "dobj" else []
    asked = treenames.mention_in(put + _answerers(cue), actors) or _maker_asked(cue, item, asker, actors)
    if asked is None or asked.id == asker.id:
        return None  # no one named asked: the noun's other readings ("requests for American-made drones")
    return asked, asker


def _maker_asked(cue: Token, item: Token, asker: Mention, actors: list[Mention]) -> Mention | None:
    """The state named on what a request with a named asker is 'for' ("Kyiv's request for American
    Patriot systems", "the Saudi demand for more US bombs"): the asker asks that state, never the
    other way round. Not an owner's possessive ("Turkey's request for Israel's drones" names none)."""
    first = treenames.first_conjunct(item)
    if first is None or first.dep_ != "pobj" or first.head.lower_ != "for" or first.head.head.i != cue.i:
        return None
    named = treenames.mention_in([c for c in item.children if c.dep_ in MAKER_DEPS and c.i < item.i], actors)
    return None if named is None or named.id == asker.id else named


# Words on the left of an item asked for that name its maker ("American Patriots", "US-made jets").
MAKER_DEPS = ("amod", "compound", "nmod")


def _answerers(cue: Token) -> list[Token]:
    """The agent of a verb of answering that a request noun is the subject of ("was rejected by
    Germany", "went unanswered by Germany"), or the subject of the verb of answering it is the
    object of ("Berlin rejected"). The agent of any other verb is a third party ("was supported
    by Poland", "was discussed by NATO ministers"), not the one asked."""
    verb = cue.head
    if cue.dep_ in ("nsubj", "nsubjpass"):
        # the verb, and one conjoined to it ("was backed by Poland and approved by Germany")
        verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        return [g for v in verbs if _answers(v) for c in _holders(v) if c.dep_ == "agent" for g in c.children]
    if cue.dep_ == "dobj" and answering(verb):
        return [c for c in verb.children if c.dep_ == "nsubj"]
    return []


def third_party_only(cue: Token, item: Token, actors: list[Mention]) -> bool:
    """A request noun whose asker is named and whose only other party is the agent of a verb
    that does not answer it ("Ukraine's request for tanks was supported by Poland", "...was
    discussed by NATO ministers"): no one named is asked, and that agent supplies nothing."""
    if syntax.cue_kind(cue) != "noun" or syntax.cues().nouns.get(cue.lemma_.lower()) != "requested":
        return False
    if cue.dep_ not in ("nsubj", "nsubjpass") or named_asker_roles(cue, item, actors) is not None:
        return False
    asker = treenames.mention_in([c for c in cue.children if c.dep_ in ASKER_DEPS and c.i < cue.i], actors)
    agents = [g for c in cue.head.children if c.dep_ == "agent" for g in c.children]
    return asker is not None and treenames.mention_in(agents, actors) is not None


def _holders(verb: Token) -> list[Token]:
    """The children of a verb and of its complements, where the parse hangs an agent."""
    return [c for h in (verb, *(c for c in verb.children if c.dep_ in COMPLEMENT_DEPS)) for c in h.children]


def _answers(verb: Token) -> bool:
    """The verb, its complement or its adverbial clause answers a request ("was rejected",
    "went unanswered")."""
    words = [verb, *(c for c in verb.children if c.dep_ in (*COMPLEMENT_DEPS, "advcl"))]
    return any(answering(w) or w.lower_ in UNANSWERED for w in words)


def answering(verb: Token) -> bool:
    """Is the verb one by which the asked party answers a request ("rejected", "turned down")?"""
    lemma = verb.lemma_.lower()
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    return lemma in ANSWERING or any((lemma, p) in ANSWERING_PHRASES for p in particles)


def asked_party(cue: Token, verb: Token, item: Token, actors: list[Mention]) -> Mention | None:
    """The party a made request goes to or is asked of, on the noun, its verb or the item asked
    for ("a request for tanks from Germany")."""
    tokens = treenames.prep_objects(cue, ASKED_PREPS) + treenames.prep_objects(verb, ASKED_PREPS)
    tokens += treenames.prep_objects(item, {"from"})
    tokens += [c for c in verb.children if c.dep_ in ("dative", "iobj")]
    return treenames.mention_in(tokens, actors)


def request_stage(cue: Token, found: str) -> str:
    """A made request's stage, or one its asked party takes in ("Britain received Ukraine's
    request for missiles"): what the verb would move is only asked for."""
    if found not in MOVING_STAGES:
        return found
    return "requested" if made_request(cue) is not None or _taken_in(cue) else found


def _taken_in(cue: Token) -> bool:
    """A request noun that a verb of taking in has as its object or passive subject."""
    if syntax.cue_kind(cue) != "noun" or syntax.cues().nouns.get(cue.lemma_.lower()) != "requested":
        return False
    return cue.dep_ in ("dobj", "nsubjpass") and cue.head.lemma_.lower() in TAKING_IN


def unasked(cue: Token, status: str) -> bool:
    """A request verb under "not" or "never" ("Ukraine has never asked China for weapons", "Kyiv
    has not requested jets"): no one asked, so nothing is requested of anyone."""
    return status == "requested" and syntax.cue_kind(cue) == "request" and negated_verb(cue)
