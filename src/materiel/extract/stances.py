"""Stances: what an involved party says about a reported transfer (denies it, will not deny it,
declines to comment, confirms it), read sentence by sentence and from the title, with the actors
it may be said by. Whether the claims a rebuttal calls false tell of a supply is read in
`rebuttals`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span as SpacySpan

from materiel.article import Actor, Response, Span
from materiel.extract.context import Context, Paragraph, left_out
from materiel.extract.lexicon import Mention
from materiel.extract.rebuttals import CLAIMING, of_supply, sentence_before
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


# What makes a supply's negation a delay, later in its clause: "no tanks have been delivered yet"
# (a promise not yet kept, not a denial).
NOT_YET = r"(?![^.;,]*\b(?:yet|so\ far)\b)"
# Past participles of a supply, as a disowning speaker puts them ("no tanks had been sent").
SUPPLIED = r"(?:sent|supplied|provided|delivered|shipped|transferred|sold|given|exported)"
# A detail of the transfer that a silence is about ("declined to comment on the timing of the
# deliveries", "has not commented on the exact numbers"): silence on it leaves the transfer's own
# statement standing, so it makes no refusal.
ON_A_DETAIL = r"""(?!\s+on\s+(?:the\s+)?(?:exact\s+|precise\s+)?
    (?:timing|timetable|dates?|details?|numbers?|schedule|routes?|locations?|types?|size|cost|price)\b)"""
# What an involved party says about a reported transfer, strongest first. Each alternative is a
# way news phrases it; the stance decides the transfer's openness (see `disclosure`).
STANCES = (
    (
        "denied",
        re.compile(
            rf"""
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
            (?:(?:has|have|had|did)\ ?(?:not|n't|n’t|never)\ (?!yet\b)(?:\w+\ )?|never\ )
            (?:sent|send|supplied|supply|provided|provide|delivered|deliver|shipped|ship
              |transferred|transfer|sold|sell|given|give|gave|exported|export)\b{NOT_YET}
                                                              # "Tehran says it has never sent",
                                                              # "insists it did not supply" (a
                                                              # past act denied; "said it would
                                                              # not send" is a refusal; "had not
                                                              # yet sent" is a delay)
    """,
            re.IGNORECASE | re.VERBOSE,
        ),
    ),
    (
        "disowned",  # a speaker says no one, or its own state by name, sent it: read with the speaker (`_disowners`)
        re.compile(
            rf"""
        \b(?P<verb>say|says|said|told|insist(?:s|ed)?|maintain(?:s|ed)?|stat(?:es|ed)|declar(?:es|ed))
            (?:\ (?!that\b|no\b)[\w.-]+){{0,3}}?\ (?:that\ )?  # "said", "told AFP on Monday that"
        (?:no\ (?:[\w-]+\ ){{0,4}}?(?:(?:has|have|had)\ (?:ever\ )?been|was|were)\ {SUPPLIED}
                                                              # "said no Patriot systems had been
                                                              # transferred": none sent at all
          |(?P<doer>(?:the\ )?(?:[A-Z][\w.-]*\ ){{1,3}})        # "said China had never provided": the
            (?:(?:has|have|had|did)\ ?(?:not|n't|n’t|never)\ (?!yet\b)(?:ever\ )?|never\ )  # state named,
            (?:{SUPPLIED}|send|supply|provide|deliver|ship|transfer|sell|give|export)  # not "it"
        )\b{NOT_YET}                                          # (see the stance before); not "had
                                                              # not yet sent", a delay
        (?![^.;]*\b(?:but|however|though|although|except)\b)  # nor one its sentence goes on to qualify:
                                                              # "no weapons were sent, but it has sent
                                                              # helmets"
    """,
            re.VERBOSE,
        ),
    ),
    (
        "rebutted",  # the reports called false: a denial only where they tell of a supply (`of_supply`)
        re.compile(
            r"""
        \b(?:dismiss|reject)(?:ed|s)?\b                     # "rejected the allegations", "dismissed
            (?=(?:\s+\S+){0,4}?\s+(?:reports?|claims?|allegations?|accusations?|stor(?:y|ies)|as)\b)
                                                              # them as fabricated"; not "dismissed
                                                              # the aid", "rejected the option"
      | \bcalled\ (?:the\ )?(?:reports?|claims?|allegations?|accusations?|it|them)
            (?:\ (?:of|about|that)\ (?![^,.;:]*\b(?:delay|halt|pause|suspen|cancel)\w*)[^,.;:]{1,80}?)?
                                                              # "called the reports of drone deliveries
                                                              # to Russia a lie" (not "of a delay in
                                                              # the deliveries": no supply denied)
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
      | ^\W*(?:the\ |these\ |such\ )?(?:reports?|claims?|allegations?|accusations?|suggestions?|rumou?rs)
            \ (?:that|of)\ [^.;:]{3,200}?\ (?:is|are|was|were)\ (?:(?!(?:not|never|hardly)\b)\w+\ )?["“‘']?
            (?:false|fake|baseless|untrue|absurd|groundless|unfounded|nonsense|lies|fabricat\w*|not\ true)
            [^.;:]*?,\ (?:[\w'’.-]+\ ){1,8}?(?P<verb>said|says|told|stated|insisted)\b
                                                              # "Claims that Turkey sold drones are
                                                              # baseless, the ministry said": the
                                                              # speaker after it rebuts (not the
                                                              # article's own verdict, with no one
                                                              # speaking)
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
        \b(?:declined|refused)\ to\ (?:comment|confirm)\b{ON_A_DETAIL}  # "declined to confirm" (not "to say how many")
      | \bno\ comment\b | \bno\ (?:official\ |public\ )?confirmation\b    # "no official confirmation"
      | \b(?:would|will|could)(?:\ not|n't|n’t)\ (?:comment|confirm)\b{ON_A_DETAIL}  # "officials would not comment"
      | \b(?:does|do)(?:\ not|n't|n’t)\ (?:publicly\ )?comment\ on\b        # a standing policy: "Ankara said
                                                              # it does not comment on exports"
      | \b(?:has|have|had)(?:\ not|n't|n’t)\ (?:yet\ )?(?:publicly\ |officially\ )?(?:confirmed|acknowledged)\b
            {NOT_A_CONFIRMATION}                              # "Washington has not confirmed" (not
                                                              # "confirmed" of the last stance, nor
                                                              # "has not confirmed when they arrive")
      | {UNCONFIRMED_PASSIVE}                                 # "the sale was not confirmed by Madrid"
                                                              # (not "the number", nor "by Congress")
      | \bdid\ not\ (?:immediately\ )?(?:respond|reply)\ to\ (?:a\ )?requests?\ for\ comment
      | \b(?:has|have|had)(?:\ not|n't|n’t)\ (?:yet\ |publicly\ )?commented\b{ON_A_DETAIL}
                                                              # "the Kremlin has not commented"
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
    "disowned": "denied",
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
    said = sentence.text  # a span joins its tokens' text at each call: once, not once per stance
    for stance, pattern in STANCES:
        found = pattern.search(said)
        if found and _holds(stance, found, said, lambda: sentence_before(text, paragraph.offset + start)):
            actors = [m for m in paragraph.actors if start <= m.start < end]
            if stance == "disowned":
                actors = _disowners(sentence, found, actors)
            elif stance in SUBJECT_STANCES:
                actors = _deniers(sentence, sentence.start_char + _verb_at(found), actors)
            span = Span(paragraph.offset + start, paragraph.offset + end)
            return [Response(Actor(m.id, m.name), stance, said.strip(), span) for m in actors]
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
    """The stance found stands: a rebuttal of claims that tell of a supply (see `of_supply`,
    given the sentence before), a confirmation no negation takes back."""
    if stance == "rebutted":
        claimed = CLAIMING.search(text[: found.start()]) is not None
        return of_supply(text, "" if claimed else before())
    if stance == "confirmed":
        return NEGATED_BEFORE.search(text[: found.start()]) is None
    return stance != "declined" or not unconfirmed_detail(text, found)


# Stances a verb takes with its subject: "The Kremlin denies that NATO's arms ..." is the
# Kremlin's denial, not NATO's, and "Kyiv said it had received Patriots from Germany" is Kyiv's
# word, not Germany's; where the subject names no actor ("a spokesman denied"), every actor of
# the sentence may be the one who spoke.
SUBJECT_STANCES = {"denied", "rebutted", "non_denial", "confirmed"}


def _verb_at(found: re.Match) -> int:
    """Where the stance's speaking verb is: its `verb` group where the pattern names the speaker
    after the claim ("Claims that ... are baseless, the ministry said"), else where it starts."""
    return found.start("verb") if "verb" in found.re.groupindex and found.group("verb") else found.start()


def _deniers(sentence: SpacySpan, at: int, actors: list) -> list:
    return _speakers(sentence, at, actors) or actors


def _speakers(sentence: SpacySpan, at: int, actors: list) -> list:
    """The actors the subject of the verb at `at` names ("The Kremlin denies ..."), none if it
    names none ("a spokesman denied")."""
    verb = next((t for t in sentence if t.idx <= at < t.idx + max(len(t), 1)), None)
    while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # "did not deny": the verb; "called the claims false": "called"
    if verb is None:
        return []
    subjects = [t for s in subject_tokens(verb) for t in s.subtree]
    return [m for m in actors if any(m.start <= t.idx < m.end for t in subjects)]


def _disowners(sentence: SpacySpan, found: re.Match, actors: list) -> list:
    """Who disowns a supply: the state the speaker names ("Berlin said no Taurus had been sent",
    "a Chinese spokesperson said China had never provided"), and where the clause names who did not
    send, that state too. Never every actor of the sentence: "Zelensky said Germany had not
    delivered the tanks" is a complaint, not Germany's word."""
    speakers = _speakers(sentence, sentence.start_char + found.start("verb"), actors)
    if found.group("doer") is None:
        return speakers
    start, end = sentence.start_char + found.start("doer"), sentence.start_char + found.end("doer")
    doers = {m.id for m in actors if start <= m.start < end}
    return [m for m in speakers if m.id in doers]


# Stances read only with the parse of the speaker: a headline's "Zelensky says Germany has not
# delivered" names nobody disowning it.
PARSED_STANCES = {"disowned"}


def title_responses(title: str | None, actors: list[Mention]) -> list[Response]:
    for stance, pattern in STANCES:
        found = None if stance in PARSED_STANCES else pattern.search(title or "")
        if found and _holds(stance, found, title or "", lambda: ""):
            return [Response(Actor(m.id, m.name), stance, title) for m in actors]
    return []
