"""Which triples an article reports: the rules' reading where they settled an item, and the
triples the learned scorer accepts among the items they left, built from their best sentence."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.article import Actor, Item, Span, Transfer
from materiel.extract import itemstage, stage, syntax, treenames
from materiel.extract.amounts import amount_for, mention_head
from materiel.extract.attribution import sentence_sources
from materiel.extract.context import Context
from materiel.extract.continued import continued
from materiel.extract.coordinated import coordinated_triples
from materiel.extract.cuekinds import base_stage
from materiel.extract.embargoes import embargoed
from materiel.extract.farpackages import far_contents
from materiel.extract.itemnegation import none_moved
from materiel.extract.lexicon import Mention
from materiel.extract.model import load_scorer
from materiel.extract.negation import AWAITED
from materiel.extract.nontransfer import no_transfer
from materiel.extract.otherroles import maker_only, profits_from_lack
from materiel.extract.packages import refers_back
from materiel.extract.partyvetoes import named_roots, party_vetoed, recipient_roots
from materiel.extract.permission import is_permission
from materiel.extract.pointing import with_pointed_kinds
from materiel.extract.positional import ranged_maker
from materiel.extract.quantity_choice import choose_quantity
from materiel.extract.reporting import source_phrases
from materiel.extract.rolenames import MODIFIER_DEPS
from materiel.extract.siblings import listed_siblings
from materiel.extract.transfers import add_sources, quantity_of, without_anaphoric_generics
from materiel.extract.triples import Sighting, Triple, find_triples, transfer_key
from materiel.extract.verbform import Staged
from materiel.extract.withdrawal import REQUESTS


def scored_transfers(context: Context, rules: list[Transfer]) -> list[Transfer]:
    """The rules' transfers, then the triples the scorer accepts among the item mentions the
    rules left unsettled (no governing cue, or a side they could not find). A transfer with no
    amount of its own sentence takes that sentence's money (before a count another sentence gave
    it), else a count elsewhere, else the headline's, else one for "a"/"an" (`choose_quantity`)."""
    scorer = load_scorer()
    known = {transfer_key(t) for t in rules}
    triples = [t for t in find_triples(context, rules) if t.key not in known]
    accepted = [t for t in triples if scorer.accepts(t.features)]
    found = accepted + coordinated_triples(accepted, [t for t in triples if t not in accepted])
    found = [t for t in found if not _across_clause(t) and not _area_owner(t) and not _range_maker(t)]
    found = [t for t in found if not _reverses_parse(t, context) and not _permitter(t)]
    found = [t for t in found if not _source_only(t) and not _reacting_only(t) and not _recipient_gives(t)]
    found = [t for t in found if not party_vetoed(t)]  # objectors, takers, visits, addressees, targets
    found = [t for t in found if not maker_only(t) and not profits_from_lack(t)]  # makers, adversaries
    found = [t for t in found if not all(no_transfer(s.sentence) for s in t.sightings)]  # drills, deployments
    scored = _named_here_first([_from_sighting(context, t) for t in found], rules)
    scored = [t for t in scored if not embargoed(t, context)]  # "Russian troops advanced as US aid stalled"
    text = context.article.text
    transfers = without_anaphoric_generics(rules + scored, text)
    transfers = with_pointed_kinds(transfers, text)
    transfers += listed_siblings(context, transfers)
    transfers += far_contents(context, transfers)  # "The package includes ..." far from the package
    transfers += continued(context, transfers)  # "Norway pledged aid to Ukraine. Tanks will follow."
    for transfer in transfers:
        choose_quantity(context, transfer)
    return transfers


def _across_clause(triple: Triple) -> bool:
    """Does the triple's best sentence name both sides before a listed name that opens a clause of
    its own, and the item only after it ("France sent howitzers to Ukraine and Armenia signed a deal
    for radars": the radars are Armenia's business, not France's to Ukraine)?"""
    sighting = triple.best()
    item, sentence = mention_head(sighting.paragraph, sighting.item), sighting.sentence
    if item is None:
        return False
    doc = sighting.paragraph.doc
    ids = {triple.supplier.id, triple.recipient.id}
    named = [m for m in sighting.paragraph.actors if m.id in ids and sentence.start_char <= m.start < sentence.end_char]
    spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in named]
    if {m.id for m in named} != ids or any(span is None or span.end > item.i for span in spans):
        return False
    last = max(span.end - 1 for span in spans if span is not None)
    return treenames.clause_break(sentence, last, item.i)


def _reverses_parse(triple: Triple, context: Context) -> bool:
    """Does the triple make the supplier that the parse rules read for its best item mention (with
    no recipient) the recipient ("Russia relies on ammunition supplies from North Korea": the rules
    read North Korea as the supplier, so no Russia to North Korea)?"""
    sighting = triple.best()
    return context.one_sided.get(sighting.paragraph.offset + sighting.item.start) == triple.recipient.id


def _area_owner(triple: Triple) -> bool:
    """Is the recipient, in the triple's best sentence, only the owner of a stretch of air or sea
    the item is moved into ("sent 30 warplanes into Taiwan's air defence zone": `treenames.AREAS`)?"""
    roots = recipient_roots(triple)
    return bool(roots) and all(treenames.owns_area(root) for root in roots)


def _range_maker(triple: Triple) -> bool:
    """Is the recipient, in the triple's best sentence, only the maker of an item that ends a range
    ("pledged everything from British Challenger tanks to American Patriot systems": no route to the US)?"""
    roots, items = recipient_roots(triple), triple.best().paragraph.items
    return bool(roots) and all(ranged_maker(root, items) for root in roots)


def _permitter(triple: Triple) -> bool:
    """Is the supplier, in the triple's best sentence, only the one whose permission the transfer
    has ("sent Javelin missiles to Ukraine with US permission", "with the blessing of Berlin"): the
    maker who allows a re-export, not the state that sends?"""
    roots = named_roots(triple, triple.supplier.id)
    return bool(roots) and all(_permits(root) for root in roots)


def _permits(root: Token) -> bool:
    """Does the name modify a noun of permission ("US permission", "Germany's approval"), or follow
    its 'of' or 'from' ("the approval of Washington", "asked for approval from Washington")?"""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in ("of", "from"):  # "approval from the United States"
        head = head.head
    elif root.dep_ not in MODIFIER_DEPS:
        return False
    return is_permission(head)  # with the modifiers before it: "the green light of Berlin"


def _source_only(triple: Triple) -> bool:
    """Is a side, in the triple's best sentence, named only on the people its source names ("the
    militia fires drones built in Iran, US officials said", "according to British intelligence"):
    they report the transfer, their state is no party to it?"""
    sentence = triple.best().sentence
    heads = {t.i for token in sentence for phrase in source_phrases(token) for t in phrase if _watchers(t)}
    for actor in (triple.supplier, triple.recipient):
        roots = named_roots(triple, actor.id) if actor is not None else []
        if roots and all(r.dep_ in SOURCE_MODIFIERS and r.head.i in heads for r in roots):
            return True
    return False


# How a state is named on a source's people: "US officials", "British intelligence".
SOURCE_MODIFIERS = {"amod", "compound", "nmod"}
# People who watch and report others' transfers: officials, spies, experts. Not a state's media
# ("according to the Ukrainian website", which reports what Ukraine got).
WATCHERS = {
    "official", "intelligence", "source", "diplomat", "officer", "spokesman", "spokeswoman",
    "spokesperson", "analyst", "expert", "investigator", "researcher", "monitor",
}  # fmt: skip


def _watchers(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in WATCHERS


# Verbs of stirring a party's feelings: what they take is a party that reacts to a transfer, no
# party to it ("arms packages that have angered Beijing", "the sale alarmed New Delhi").
REACTIONS = {
    "anger", "infuriate", "enrage", "irritate", "irk", "annoy", "upset", "rile", "alarm", "worry", "concern",
    "trouble", "unsettle", "provoke", "antagonize", "antagonise", "offend", "alienate", "frustrate",
}  # fmt: skip


def _reacting_only(triple: Triple) -> bool:
    """Is a side, in the triple's best sentence, named only as the one a transfer stirs ("a string
    of arms packages that have angered Beijing": China gets none)?"""
    for actor in (triple.supplier, triple.recipient):
        roots = named_roots(triple, actor.id) if actor is not None else []
        if roots and all(r.dep_ == "dobj" and r.head.lemma_.lower() in REACTIONS for r in roots):
            return True
    return False


def _recipient_gives(triple: Triple) -> bool:
    """Is the recipient, in the triple's best sentence, named only after 'from' ("lobbied for the
    delivery of F-16s from the Netherlands") or on a supply participle ("British-supplied bombs"):
    what comes from a party is its to give? Not a request from it ("granted the request from Kyiv
    for air defence"): that party asks to be given."""
    roots = recipient_roots(triple)
    return bool(roots) and all(_given_from(r) or itemstage.names_supplier(r) for r in roots)


def _given_from(root: Token) -> bool:
    if root.dep_ != "pobj" or root.head.lower_ != "from":
        return False
    return root.head.head.lemma_.lower() not in REQUESTS


def _named_here_first(scored: list[Transfer], rules: list[Transfer]) -> list[Transfer]:
    """The scorer's transfers less one that takes a side from outside its item's sentence where
    another reading of the same item mention, with the same other side, names that side in the
    sentence itself ("Israel receives US military aid" after a sentence on France: Israel gets it,
    not France)."""
    readings = rules + scored
    return [t for t in scored if not any(_named_instead(t, other) for other in readings if other is not t)]


def _named_instead(transfer: Transfer, other: Transfer) -> bool:
    if transfer.item.span != other.item.span or transfer.supplier is None or transfer.recipient is None:
        return False
    if other.supplier is None or other.recipient is None:
        return False
    pairs = ((transfer.recipient, other.recipient, transfer.supplier, other.supplier),)
    pairs += ((transfer.supplier, other.supplier, transfer.recipient, other.recipient),)
    return any(
        side.span is None and named.span is not None and named.id != side.id and kept.id == same.id
        for side, named, kept, same in pairs
    )


def _from_sighting(context: Context, triple: Triple) -> Transfer:
    sighting = triple.best()
    paragraph, sentence, item = sighting.paragraph, sighting.sentence, sighting.item
    offset = paragraph.offset
    amount = amount_for(paragraph, sentence, item)
    transfer = Transfer(
        supplier=_actor(triple.supplier, sighting, 0),
        recipient=_actor(triple.recipient, sighting, 1),
        item=Item(item.text, item.id or "unspecified", item.lethal, Span(offset + item.start, offset + item.end)),
        quantity=quantity_of(amount, offset, triple.key[0]) if amount else None,
        evidence=[],
    )
    transfer.status, transfer.status_reason = _stage(sighting, triple.recipient.id, context.year)
    transfer.status_span = Span(offset + sentence.start_char, offset + sentence.end_char)
    for other in [sighting, *(s for s in triple.sightings if s is not sighting and _names_both(s))]:
        start = other.paragraph.offset + other.sentence.start_char
        span = Span(start, start + len(other.sentence.text))
        if span not in transfer.evidence:
            transfer.evidence.append(span)
            add_sources(transfer, sentence_sources(context, other.paragraph, other.sentence))
    return transfer


def _names_both(sighting: Sighting) -> bool:
    """A sighting whose sentence names both parties: more evidence for the transfer, and its sources."""
    return sighting.features.get("both_sent") == 1.0


def _actor(mention: Mention, sighting: Sighting, side: int) -> Actor:
    """The actor with its span when it is named in the paragraph (a headline name has none)."""
    prefix = "s" if side == 0 else "r"
    named_here = sighting.features.get(f"{prefix}_sent") == 1.0 or sighting.features.get(f"{prefix}_prev") == 1.0
    in_paragraph = any(m == mention for m in sighting.paragraph.actors)
    span = Span(sighting.paragraph.offset + mention.start, sighting.paragraph.offset + mention.end)
    return Actor(mention.id, mention.name, span if named_here and in_paragraph else None)


def _stage(sighting: Sighting, recipient: str | None, year: int | None) -> Staged:
    """The stage the item itself tells (itemstage.item_stage), else the one its governing cue gives,
    as the rules read it; else what a cue on the item or the sentence's first cue word gives
    (`_clause_cue`); else what a stage word above the item gives ("had not considered US
    helicopters"); else what a commitment in the sentence gives (stage.bare_stage). An item
    counted as none on the recipient's side is awaited ("none of the tanks have arrived":
    itemnegation.none_moved), as a rule candidate's is; none sent is left to the disclosure, a
    denial of the act ("Berlin said no missiles had been sent")."""
    found, why = _stage_reason(sighting, recipient, year)
    return found, f"scorer; {why}"


def _stage_reason(sighting: Sighting, recipient: str | None, year: int | None) -> Staged:
    span = sighting.paragraph.doc.char_span(sighting.item.start, sighting.item.end, alignment_mode="expand")
    own = itemstage.item_stage(span.root, recipient, year) if span is not None else None
    if own is not None:
        return own, "item"
    cue = syntax.governing_cue(span.root, sighting.sentence) if span is not None else None
    if cue is None:
        cue = _clause_cue(span.root, sighting.sentence) if span is not None else None
    if cue is None:
        bare = stage.bare_stage(sighting.sentence)
        found, why = stage.stage_reason(span.root, bare) if span is not None else (bare, "bare")
        return found, "bare sentence" if why.startswith("verb:") else why
    told, why = stage.stage_reason(cue, base_stage(cue))
    if (listed := _listed_back(cue)) is not None:
        return listed, "listed back"
    if cue.lemma_.lower() in AWAITED and (none := none_moved(span.root, told)) != told:
        return none, "none moved"
    return told, why


# Clause relations of a participle or a clause on the item that moves it ("10 Il-76s sold to China").
ON_ITEM = {"acl", "relcl"}
# Cue words that, as a preposition or a conjunction, move nothing ("Given that the jets ...").
CONJUNCTIONS = {"given"}


def _clause_cue(item: Token, sentence: SpacySpan) -> Token | None:
    """The cue of a participle or clause on the item where none governs it ("includes 10 Il-76s
    sold to China in 2013"), else the sentence's first cue word that is no conjunction ("Given
    that ... , including 10 jets sold to China": not "given")."""
    own = next((c for c in item.children if c.dep_ in ON_ITEM and syntax.cue_kind(c)), None)
    return own or next((t for t in sentence if syntax.cue_kind(t) and not _conjunction(t)), None)


def _conjunction(token: Token) -> bool:
    """'Given that ...', 'given the delays': a cue word opening a clause or a phrase, no verb of its own."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ in CONJUNCTIONS and (
        token.dep_ in ("prep", "mark") or (following is not None and following.lower_ == "that")
    )


# Kinds of cue that tell the stage of a package a later "This includes ..." lists, verbs first.
TOLD_CUES = (("transfer", "receive"), ("noun",))


def _listed_back(cue: Token) -> str | None:
    """'Allies have pledged EUR 1bn in aid. This includes body armour': a contents cue whose
    subject points back lists what the sentence before told, whose first transfer word (a verb
    before a noun) gives its stage, as a rule candidate takes its package's."""
    if syntax.cue_kind(cue) != "contents" or not refers_back(cue) or cue.sent.start == 0:
        return None
    before = cue.doc[cue.sent.start - 1].sent
    for kinds in TOLD_CUES:
        told = next((t for t in before if syntax.cue_kind(t) in kinds), None)
        if told is not None:
            return stage.stage_of(told, base_stage(told))
    return None
