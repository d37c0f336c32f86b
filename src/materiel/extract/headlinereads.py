"""Transfers the headline tells and the body only points at (issue 12, headline18). News style
puts the main transfer in the headline ("Belgium to send F-16s to Ukraine") and goes on from it
in the lead ("The first jets will arrive before the end of the year"), naming the items again
("the jets") and neither party.

The headline is read by the same candidate machinery as a body sentence, in an article of its
own (its future "to" read as "will": titles.future_told), so that its grammar gives the stage
("to send" pledged, "sends" delivered, "approves" a sale pledged). Its transfer joins the article
when the body reads no transfer of that kind of item itself (between other parties it is
another lot: "US sends Abrams tanks to Poland" over "Germany has delivered Leopard tanks to
Ukraine") and names the items, by their kind or their noun. The transfer's item and evidence
are that mention and its sentence (spans are offsets into the text, which holds no headline);
its parties are the headline's, with no span, as pagerecipient's title-only recipient.

A headline tells no transfer when it asks ("Should the West send jets?"), supposes ("could",
"may"), demands ("must"), debunks or denies ("FACT CHECK: No, ..."), quotes a claim, or tells
war news ("Russia pounds Kyiv with missiles"; nor where the body's sentence does: "The jets struck
targets"); nor when the two are at war, its item hangs on a word that is no transfer word
("warning to NATO over F-16s"), its stage is only talk (asked for, weighed), or the body reads
the pair refusing or withdrawing a transfer. Each transfer added is noted on the article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from materiel.article import Actor, Article, Item, Span, Transfer
from materiel.extract import syntax
from materiel.extract.amounts import amount_for
from materiel.extract.context import Context, Paragraph, build_context
from materiel.extract.hostile import war_pairs
from materiel.extract.lexicon import Mention
from materiel.extract.quantity_choice import choose_quantity
from materiel.extract.titles import future_told
from materiel.extract.transfers import quantity_of
from materiel.extract.triples import transfer_key

# Stages a headline-only transfer may take: a headline that only asks for or weighs a transfer
# ("Kyiv asks for jets", "Berlin weighs tank deal") is talk the body tells in its own words.
TOLD_STAGES = {"pledged", "in_progress", "delivered"}
# Stages of the body's reading of the pair and kind that rule the headline's out: the body says
# the transfer was refused or withdrawn ("Germany to send jets" over "Berlin ruled out jets").
RULED_OUT = {"refused", "cancelled"}
# The shortest head noun looked for in the body's words ("jets", not the "F" of "F-16").
MIN_NOUN = 3
# How many headlines stay read: the articles a worker has in hand at once.
HEADLINES_KEPT = 8
# A headline that asks, supposes, debunks or quotes tells no transfer of its own.
DOUBTING = re.compile(
    r"""
    \?                                              # a question: "Will Germany send tanks?"
    | \b(?:could|might|would|should|if|whether)\b  # a supposition: "Germany could send tanks"
    | \b(?:must|ought|needs?\ to)\b                # an opinion's demand: "Britain must send tanks"
    | (?-i:\bmay\b)                                 # the modal in lower case, not the month "May"
    | \b(?:fact[\s-]?check|fake|false|myth|debunk\w*|hoax|no,)\b  # a debunking: "FACT CHECK: No, ..."
    | \b(?:not|never|n't|no)\b                      # a denial: "No tanks for Ukraine", "did not send"
    | ["“”]                                         # a quoted claim: '"We will send tanks," says X'
    | ^\s*['‘] | [,!?]['’]                          # in single marks: "'We will send tanks,' says X"
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Words of war news: the items used in combat, not moved to their user ("Russia pounds Kyiv with
# missiles", "Ukraine's F-16s down drones", over "The missiles struck power stations").
COMBAT = re.compile(
    r"""
    \b(?:pound|shell|bomb|strike|struck|hit|target|attack|raid|kill)(?:s|ed|ing)?\b  # attacks
    | \b(?:shoots?|shot|shooting)\ down\b | \bdown(?:s|ed)\b                     # air defence at work
    | \b(?:destroy|intercept|repel)(?:s|ed|ing)?\b                               # the other side's losses
    | \b(?:fire[sd]?|launch(?:es|ed)?)\b (?:\s+[\w-]+){0,4}?\s+(?:at|on|against|into)\b  # fired at a target
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Dependencies by which an item hangs on its transfer word directly: its object, its subject
# ("Tanks arrive"), a conjunct or compound of such a noun, or the object of a preposition on it.
DIRECT = {"dobj", "obj", "nsubj", "nsubjpass", "attr", "dative", "conj", "compound", "appos", "pobj", "npadvmod"}
# Prepositions by which a transfer word takes its items ("supply Kyiv with jets", "delivery of
# tanks", "a deal for frigates"); not what a word is about ("warning to NATO over F-16s").
ITEM_PREPOSITIONS = {"with", "of", "for", "including"}


def headline_transfers(context: Context, transfers: list[Transfer]) -> list[Transfer]:
    """The headline's transfers of a kind of item the body reads no transfer of, each on a mention
    of its items in the body (`_standing`), neither ruled out (`_ruled_out`) nor war news."""
    title = context.article.title
    if not title or not context.paragraphs or DOUBTING.search(title) or COMBAT.search(title):
        return []
    kinds = {t.item.category for t in transfers}  # the body reads a transfer of these itself
    added: list[Transfer] = []
    for told in _read_headline(title, context.article.published):
        if told.item.category in kinds or _ruled_out(context, told, transfers):
            continue
        standing = _standing(context, told.item)
        if standing is None or COMBAT.search(_sentence_of(*standing).text):
            continue  # "The jets struck targets near the border": war news, not a supply
        joined = _joined(told, *standing)
        choose_quantity(context, joined)  # "a first batch of 20", else the headline's count
        added.append(joined)
        kinds.add(told.item.category)
        context.article.notes.append(
            f"headline: {told.supplier.name} -> {told.recipient.name} {told.item.category} {told.status}, "
            "its items named in the body"
        )
    return added


def _ruled_out(context: Context, told: Transfer, transfers: list[Transfer]) -> bool:
    """Is the headline's transfer only talk, between two at war, or of a pair the body reads
    refusing or withdrawing a transfer?"""
    pair = transfer_key(told)[:2]
    refused = any(transfer_key(t)[:2] == pair and t.status in RULED_OUT for t in transfers)
    return told.status not in TOLD_STAGES or refused or frozenset(pair) in war_pairs(context)


@lru_cache(maxsize=HEADLINES_KEPT)
def _read_headline(title: str, published: str | None) -> tuple[Transfer, ...]:
    """The headline read as the one sentence of an article: the rules' transfers with both parties
    named, whose item hangs on its transfer word (`_hangs_on_cue`)."""
    from materiel.extract import rule_transfers  # the package reads this module

    article = Article(id="", source="<headline>", text=future_told(title), published=published)
    context = build_context(article)
    if not context.paragraphs:
        return ()
    paragraph = context.paragraphs[0]
    return tuple(
        t
        for t in rule_transfers(context)
        if t.supplier and t.recipient and t.supplier.id and t.recipient.id and _hangs_on_cue(paragraph, t)
    )


def _hangs_on_cue(paragraph: Paragraph, transfer: Transfer) -> bool:
    """Does the headline's item hang on its transfer word, through its object, subject, a
    conjunct or a preposition on the word, not through another noun ("offers warning to NATO over
    F-16s": the jets hang on the warning)?"""
    span = transfer.item.span
    if span is None:
        return False
    item = paragraph.doc.char_span(span.start, span.end, alignment_mode="expand")
    if item is None:
        return False
    token: Token = item.root
    while syntax.cue_kind(token) is None:
        through = token.dep_ in DIRECT or (token.pos_ == "ADP" and token.lower_ in ITEM_PREPOSITIONS)
        if not through or token.head is token:
            return False
        token = token.head
    return True


def _standing(context: Context, item: Item) -> tuple[Paragraph, Mention] | None:
    """The body's first mention of the headline's items (its paragraph and mention): one of their
    kind, or their own noun, which the lexicon may class apart ("CV90 combat vehicles" over "the
    vehicles, a first batch of 20")."""
    noun = _noun(item.text)
    for paragraph in context.paragraphs:
        for mention in paragraph.items:
            if (mention.id or "unspecified") == item.category or _noun(mention.text) == noun:
                return paragraph, mention
    if len(noun) < MIN_NOUN:
        return None
    said = re.compile(rf"\b{re.escape(noun)}s?\b", re.IGNORECASE)  # "the boats": no lexicon word
    for paragraph in context.paragraphs:
        if (found := said.search(paragraph.text)) is not None:
            mention = Mention(item.category, item.category, found.group(), found.start(), found.end(), "item")
            return paragraph, mention
    return None


def _sentence_of(paragraph: Paragraph, mention: Mention) -> SpacySpan:
    """The parsed sentence of a mention in its paragraph."""
    span = paragraph.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.sent if span is not None else paragraph.doc[:]


def _noun(text: str) -> str:
    """An item's head noun, singular: "combat vehicles" and "vehicle" are one noun."""
    words = text.lower().split()
    return words[-1].removesuffix("s") if words else ""


def _joined(told: Transfer, paragraph: Paragraph, mention: Mention) -> Transfer:
    """The headline's transfer on the body's item mention: its parties the headline's (no span in
    the text), its item and evidence the body's mention and sentence."""
    offset = paragraph.offset
    sent = _sentence_of(paragraph, mention)
    amount = amount_for(paragraph, sent, mention)  # "The first four aircraft were handed over"
    where = Span(offset + mention.start, offset + mention.end)
    return Transfer(
        supplier=Actor(told.supplier.id, told.supplier.name),
        recipient=Actor(told.recipient.id, told.recipient.name),
        item=Item(mention.text, told.item.category, told.item.lethal, where),
        quantity=quantity_of(amount, offset, told.supplier.id) if amount is not None else None,
        status=told.status,
        evidence=[Span(offset + sent.start_char, offset + sent.end_char)],
        status_reason=f"headline; {told.status_reason}" if told.status_reason else "headline",
    )
