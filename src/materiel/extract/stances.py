"""Stances: what an involved party says about a reported transfer (denies it, will not deny it,
declines to comment, confirms it), read sentence by sentence and from the title, with the actors
it may be said by.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span as SpacySpan

from materiel.article import Actor, Response, Span
from materiel.extract.context import Context, Paragraph, left_out
from materiel.extract.subjects import subject_tokens

# What follows "not confirmed" when it is no silence on the transfer: a detail or a time ("it was
# not confirmed when they would arrive", "whether more would follow"), a later confirmation ("not
# confirmed until March"), the outlet's own check ("confirmed independently"), or a legislature's
# vote, which approves a sale and discloses nothing ("not yet confirmed by Congress").
NOT_A_CONFIRMATION = r"""(?!\s+(?:until|till|when|whether|if|how|where|what|which|who|independently)\b)
    (?!\s+by\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}(?:Congress|Senate|(?<!White\ )House|[Pp]arliament|Bundestag|Knesset
      |Duma|Sejm|Rada|Riksdag|Storting|Folketing|Diet|National\s+Assembly|lawmakers|legislators|MPs|senators)\b)"""
# A transfer or what was reported of it said to be unconfirmed, in the passive ("the transfer has
# not been confirmed", "it was not officially acknowledged"): not any subject ("the date").
UNCONFIRMED_PASSIVE = rf"""
    \b(?:transfers?|deliver(?:y|ies)|shipments?|suppl(?:y|ies)|sales?|deals?|purchases?|contracts?|agreements?
      |packages?|reports?|claims?|it|this)
    \ (?:has|have|had|was|were|is|are)(?:\ not|n't|n’t)\ (?:yet\ )?(?:been\ )?
    (?:officially\ |publicly\ )?(?:confirmed|acknowledged)\b{NOT_A_CONFIRMATION}"""
# Words before a transfer noun that make it another's complement: "the date of the first delivery
# has not been confirmed" leaves the date unconfirmed, not the delivery.
DETAIL_OF = re.compile(r"\b(?:of|for|about|on)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
PASSIVE = re.compile(UNCONFIRMED_PASSIVE, re.IGNORECASE | re.VERBOSE)


def unconfirmed_detail(text: str, found: re.Match) -> bool:
    """A passive "not confirmed" found whose transfer noun is a detail's complement ("the date
    of the first delivery has not been confirmed")."""
    return PASSIVE.match(text, found.start()) is not None and DETAIL_OF.search(text[: found.start()]) is not None


# What an involved party says about a reported transfer, strongest first. Each alternative is a
# way news phrases it; the stance decides the transfer's openness (see `disclosure`).
STANCES = (
    (
        "denied",
        re.compile(
            r"""
        (?<!\bnot\ )(?<!n't\ )(?<!n’t\ )(?<!\bnor\ )         # ("did not deny", "nor denied":
                                                              # no denial, see non_denial)
        \b(?:denied|denies|deny|refuted)\b                  # "Seoul denied the report",
            (?!\s+(?:a\ |the\ )?request)                      # but not "denied a request"
      | \b(?:say|says|said|insist(?:s|ed)?|maintain(?:s|ed)?|stress(?:es|ed)?|claim(?:s|ed)?|reiterat(?:es|ed)
            |declar(?:es|ed)|stat(?:es|ed))               # ("declared that it had never sent")
            \ (?:that\ )?(?:it|they|we)\                       # the speaker says it did not do it
                                                              # (a named subject may be another's
                                                              # complaint: "X said Germany had not
                                                              # delivered the tanks"):
            (?:(?:has|have|had|did)\ ?(?:not|n't|n’t|never)\ (?:\w+\ )?|never\ )
            (?:sent|send|supplied|supply|provided|provide|delivered|deliver|shipped|ship
              |transferred|transfer|sold|sell|given|give|gave|exported|export)\b
                                                              # "Tehran says it has never sent",
                                                              # "insists it did not supply" (a
                                                              # past act denied; "said it would
                                                              # not send" is a refusal)
    """,
            re.IGNORECASE | re.VERBOSE,
        ),
    ),
    (
        "rebutted",  # the reports called false: a denial only where they tell of a supply (`_of_supply`)
        re.compile(
            r"""
        \b(?:dismiss|reject)(?:ed|s)?\b                     # "rejected the allegations", "dismissed
            (?=(?:\s+\S+){0,4}?\s+(?:reports?|claims?|allegations?|accusations?|stor(?:y|ies)|as)\b)
                                                              # them as fabricated"; not "dismissed
                                                              # the aid", "rejected the option"
      | \bcalled\ (?:the\ )?(?:reports?|claims?|allegations?|accusations?|it|them)
            \ (?:(?!(?:not|never|hardly|scarcely|barely)\b)\w+\ )?
            (?:false|fake|baseless|untrue|absurd|groundless|unfounded|nonsense|lies|a\ lie|fabricat\w*
              |propaganda|disinformation|misinformation|(?:a\ )?provocation|slander|(?:a\ )?hoax)
                                                              # "called the allegations absurd", "called
                                                              # the reports propaganda" (not "hardly")
      | \b(?:say|says|said|insist(?:s|ed)?|stat(?:es|ed))\ (?:that\ )?(?:the\ |these\ |such\ |those\ )?
            (?:reports?|claims?|allegations?|accusations?|stor(?:y|ies))
            \ (?:(?:is|are|was|were)\ (?:(?!(?:not|never|hardly|scarcely|barely)\b)\w+\ )?["“‘']?
                                                              # "said the claims were fabricated" (not
                                                              # "were not false": a word between is no
                                                              # negation)
              (?:false|fake|baseless|untrue|absurd|groundless|unfounded|nonsense|lies|fabricat\w*
                |not\ true|without\ (?:any\ )?basis)
              |(?:has|have|had)\ no\ basis)\b(?!\ that\b)        # "said the report had no basis in
                                                              # fact" (not "said reports were true",
                                                              # nor "the story was not true that
                                                              # they were old": another claim)
    """,
            re.IGNORECASE | re.VERBOSE,
        ),
    ),
    (
        "non_denial",
        re.compile(
            r"""
        \b(?:did|does|do|would)(?:\ not|n't|n’t)\ (?:directly\ |explicitly\ |publicly\ )?(?:refute|deny|dispute)\b
      | \bneither\ confirm\w*\ nor\ den\w+
    """,
            re.IGNORECASE | re.VERBOSE,
        ),
    ),
    (
        "declined",
        re.compile(
            rf"""
        \b(?:declined|refused)\ to\ (?:comment|confirm)\b  # "declined to confirm" (not "to say how many")
      | \bno\ comment\b | \bno\ (?:official\ |public\ )?confirmation\b    # "no official confirmation"
      | \b(?:would|will|could)(?:\ not|n't|n’t)\ (?:comment|confirm)\b      # "officials would not comment"
      | \b(?:does|do)(?:\ not|n't|n’t)\ (?:publicly\ )?comment\ on\b        # a standing policy: "Ankara said
                                                              # it does not comment on exports"
      | \b(?:has|have|had)(?:\ not|n't|n’t)\ (?:yet\ )?(?:publicly\ |officially\ )?(?:confirmed|acknowledged)\b
            {NOT_A_CONFIRMATION}                              # "Washington has not confirmed" (not
                                                              # "confirmed" of the last stance, nor
                                                              # "has not confirmed when they arrive")
      | {UNCONFIRMED_PASSIVE}                                 # "the sale was not confirmed by Madrid"
                                                              # (not "the number", nor "by Congress")
      | \bdid\ not\ (?:immediately\ )?(?:respond|reply)\ to\ (?:a\ )?requests?\ for\ comment
      | \b(?:has|have|had)(?:\ not|n't|n’t)\ (?:yet\ |publicly\ )?commented\b    # "the Kremlin has not commented"
      | \bcould\ not\ (?:immediately\ )?be\ reached\ for\ comment\b
      | \b(?:remained|remains|kept|keeps)\ (?:silent|tight-lipped)\b          # "Seoul has remained silent"
      | \b(?:does|do|did)\ not\ (?:publicly\ )?(?:recogni[sz]e|acknowledge|confirm)\b
    """,
            re.IGNORECASE | re.VERBOSE,
        ),
    ),
    (
        "covert",  # done out of sight: the supplier has not made it public, whoever tells of it now
        re.compile(r"\b(?:secretly|covertly|clandestinely|quietly)\b", re.IGNORECASE),
    ),
    (
        "confirmed",
        re.compile(
            r"""\bconfirmed\b|\bannounced\b
              | \bsaid\ it\ (?:had|has|would)\b(?!\ ?(?:not|never|n't|n’t)\b)  # not "said it had not received"
            """,
            re.IGNORECASE | re.VERBOSE,
        ),
    ),
)
STANCE_DISCLOSURE = {
    "denied": "denied",
    "rebutted": "denied",
    "non_denial": "unacknowledged",
    "declined": "unacknowledged",
    "covert": "unacknowledged",
    "confirmed": "official",
}


def find_responses(context: Context) -> list[Response]:
    """Every stance sentence with the actors in it (and the title, where 'Seoul does not...'), in
    the paragraphs read and in those the gate left out that deny it (see `_answers`)."""
    responses = []
    for paragraph in context.paragraphs + left_out(context, _answers):
        for sentence in paragraph.doc.sents:
            responses.extend(_sentence_responses(paragraph, sentence, context.article.text))
    return responses


# What a denial far from the transfer must speak of, within a few words of its verb, to be about
# it, not another matter ("Russia denied targeting civilians", "the governor denied that he had
# phoned the minister ... the files were provided"): the reports, or a supply.
TALK_REACH = 6  # words after the denial's first word
TRANSFER_TALK = re.compile(
    r"""\b(?:reports?|claims?|allegations?|accusations?  # "denied the reports"
        |suppl(?:y|ies|ied|ying)|deliver(?:y|ies|ed|ing)?|ship(?:ped|ping|ments?)?  # "denied supplying"
        |sen(?:d|t|ding)|transfer(?:s|red|ring)?|provid(?:e|ed|ing)|exports?
        |arms|weapons?|dealings?)\b                        # "denied the arms dealings"
    """,
    re.IGNORECASE | re.VERBOSE,
)
# The stances a paragraph naming no materiel adds: a denial, or a refusal to deny.
ANSWERS = ("denied", "rebutted", "non_denial")


def _answers(text: str) -> bool:
    """A paragraph the gate left out that denies the transfer, speaking of the reports or the
    supply ("Pyongyang has dismissed the claims"). A refusal to comment there may be about any
    other matter of the story ("The MoD declined to comment"), and is not read."""
    for name, pattern in STANCES:
        found = pattern.search(text)
        if found:
            reach = " ".join(text[found.start() :].split()[: TALK_REACH + 1])
            return name in ANSWERS and TRANSFER_TALK.search(reach) is not None
    return False


def _sentence_responses(paragraph: Paragraph, sentence: SpacySpan, text: str) -> list[Response]:
    start, end = sentence.start_char, sentence.end_char
    for stance, pattern in STANCES:
        found = pattern.search(sentence.text)
        if found and _holds(stance, found, sentence.text, lambda: _before(text, paragraph.offset + start)):
            actors = [m for m in paragraph.actors if start <= m.start < end]
            if stance in SUBJECT_STANCES:
                actors = _deniers(sentence, sentence.start_char + found.start(), actors)
            span = Span(paragraph.offset + start, paragraph.offset + end)
            return [Response(Actor(m.id, m.name), stance, sentence.text.strip(), span) for m in actors]
    return []


# A negation in the verb's own group, just before "confirmed": "has not yet been confirmed by
# Congress" is no confirmation, though no refusal either; "Kyiv, not Berlin, confirmed" is one.
NEGATED_BEFORE = re.compile(
    r"""(?:\b(?:not|never|cannot)|n['’]t)\b             # the negation
        (?:\s+(?:yet|be|been|officially|publicly|formally|independently))*  # "not yet been officially"
        \s+$
      | \b(?:no\s+[\w-]+|nobody|no-one|none)                # no one to confirm: "no official has"
        (?:\s+(?:has|have|had|would|could|will|can))?
        (?:\s+(?:yet|officially|publicly|formally|independently))*\s+$""",
    re.IGNORECASE | re.VERBOSE,
)


def _holds(stance: str, found: re.Match, text: str, before: Callable[[], str]) -> bool:
    """The stance found stands: a rebuttal of claims that tell of a supply (see `_of_supply`,
    given the sentence before), a confirmation no negation takes back."""
    if stance == "rebutted":
        claimed = CLAIMING.search(text[: found.start()]) is not None
        return _of_supply(text, "" if claimed else before())
    if stance == "confirmed":
        return NEGATED_BEFORE.search(text[: found.start()]) is None
    return stance != "declined" or not unconfirmed_detail(text, found)


# What the claims a party calls false may tell: a supply (its denial), or what befell the arms
# ("Russia said it had shot down several, but London said the claims were false": a rebuttal of
# the enemy's boast, not of the supply).
SUPPLY_CLAIM = re.compile(
    r"""\b(?:suppl(?:y|ies|ied|ying)|deliver(?:y|ies|ed|ing|s)?|ship(?:s|ped|ping|ments?)?  # a supply
        |sen(?:d|ds|t|ding)|transferr?(?:s|ed|ing)?|provid(?:e|es|ed|ing)|exports?|exported|sold|sell(?:s|ing)?
        |(?:re-?)?arm(?:s|ed|ing)|gave|give[ns]?|receiv(?:e|es|ed|ing)|bought|purchas(?:e|es|ed|ing))\b
        (?!\s+(?:[\w-]+\s+)?(?:troops|soldiers|instructors|advis[eo]rs|mercenaries|personnel|volunteers
          |forces|delegations?|diplomats|envoys)\b)      # people sent are no supply ("had sent troops")
    """,
    re.IGNORECASE | re.VERBOSE,
)
FATE_CLAIM = re.compile(
    r"""\b(?:destroy(?:s|ed|ing)?|shot\ down|shoot(?:s|ing)?\ down|down(?:s|ed|ing)|hit|struck|strikes?
        |damag(?:e|es|ed|ing)|knock(?:s|ed)?\ out|eliminat(?:e|es|ed|ing)|wip(?:e|es|ed|ing)\ out
        |captur(?:e|es|ed|ing)|intercept(?:s|ed|ing)?|burn(?:s|ed|t|ing)?)\b  # "destroyed five", "downed"
        (?!\s+(?:a|an|the|its|their|new)\s+(?:[\w-]+\s+)?(?:deals?|agreements?|contracts?|accords?|bargains?)\b)
                                                        # "struck a deal to supply" is no fate
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A relative clause on a noun of the claim, to the next comma: what befell the arms there ("Iran
# had supplied Russia with drones that hit Kyiv") does not make the claim one of their fate.
RELATIVE = re.compile(r"\b(?P<before>\w+),?\s+(?:that|which)\b[^,;:]*", re.IGNORECASE)
# Words after which "that" opens the claim itself, no relative clause: "said that it had shot
# down several", "rejected reports that its drones hit Kyiv", "so that", "such that".
OPENING_THAT = {
    "said", "says", "say", "claimed", "claims", "claim", "reported", "alleged", "alleges", "stated",
    "added", "believed", "believes", "thought", "insisted", "boasted", "announced", "showed", "shows",
    "suggested", "warned", "wrote", "feared", "fears", "clear", "so", "such", "reports", "report",
    "allegations", "accusations", "suggestions", "rumours", "rumors", "news", "fact", "idea",
}  # fmt: skip


def _main_clauses(told: str) -> str:
    """The claim without its relative clauses ("drones that hit Kyiv" reads "drones")."""
    return RELATIVE.sub(lambda m: m.group(0) if m["before"].lower() in OPENING_THAT else m["before"], told)


# A claim told before the rebuttal in its own sentence ("Russia said it had shot down several, but
# officials said the claims were false"): the claims called false are that one.
CLAIMING = re.compile(r"\b(?:said|says|claim(?:s|ed)?|report(?:s|ed)|alleg(?:es|ed)|boast(?:s|ed))\b", re.IGNORECASE)
# How far back the sentence before a rebuttal is read (characters).
BEFORE_REACH = 400


def _before(text: str, at: int) -> str:
    """The sentence before a position in the article, whichever paragraph it is in."""
    pieces = re.split(r"(?<=[.!?])[\"”’]?\s+", text[max(0, at - BEFORE_REACH) : at].strip())
    return pieces[-1] if pieces else ""


def _of_supply(sentence: str, before: str) -> bool:
    """The claims a rebuttal calls false tell of a supply: the nearest of its sentence and the
    one before that tells something speaks of one, not of arms destroyed or shot down (where the
    rebuttal's own sentence tells the claim, "Moscow said the tanks would burn, and London called
    the claims nonsense", the sentence before is not read)."""
    for told in (sentence, before):
        if FATE_CLAIM.search(_main_clauses(told)):
            return False
        if SUPPLY_CLAIM.search(told):
            return True
    return False


# Stances a verb takes with its subject: "The Kremlin denies that NATO's arms ..." is the
# Kremlin's denial, not NATO's, and "Kyiv said it had received Patriots from Germany" is Kyiv's
# word, not Germany's; where the subject names no actor ("a spokesman denied"), every actor of
# the sentence may be the one who spoke.
SUBJECT_STANCES = {"denied", "rebutted", "non_denial", "confirmed"}


def _deniers(sentence: SpacySpan, at: int, actors: list) -> list:
    verb = next((t for t in sentence if t.idx <= at < t.idx + max(len(t), 1)), None)
    while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # "did not deny": the verb; "called the claims false": "called"
    if verb is None:
        return actors
    subjects = [t for s in subject_tokens(verb) for t in s.subtree]
    named = [m for m in actors if any(m.start <= t.idx < m.end for t in subjects)]
    return named or actors


def title_responses(title: str | None, actors) -> list[Response]:
    for stance, pattern in STANCES:
        found = pattern.search(title or "")
        if found and _holds(stance, found, title or "", lambda: ""):
            return [Response(Actor(m.id, m.name), stance, title) for m in actors]
    return []
