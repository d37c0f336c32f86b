"""Stances: what an involved party says about a reported transfer (denies it, will not deny it,
declines to comment, confirms it), read sentence by sentence and from the title, with the actors
it may be said by.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

from materiel.article import Actor, Response, Span
from materiel.extract.context import Context, Paragraph, left_out
from materiel.extract.subjects import subject_tokens

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
      | \b(?:dismiss|reject)(?:ed|s)?\b                     # "rejected the allegations", "dismissed
            (?=(?:\s+\S+){0,4}?\s+(?:reports?|claims?|allegations?|accusations?|stor(?:y|ies)|as)\b)
                                                              # them as fabricated"; not "dismissed
                                                              # the aid", "rejected the option"
      | \bcalled\ (?:the\ )?(?:reports?|claims?|allegations?|accusations?|it|them)\ (?:\w+\ )?  # "called
            (?:false|fake|baseless|untrue|absurd|groundless|unfounded|nonsense|lies|a\ lie|fabricat\w*
              |propaganda|disinformation|misinformation|(?:a\ )?provocation|slander|(?:a\ )?hoax)
                                                              # the allegations absurd", "called the
                                                              # reports propaganda"
      | \b(?:say|says|said|insist(?:s|ed)?|stat(?:es|ed))\ (?:that\ )?(?:the\ |these\ |such\ |those\ )?
            (?:reports?|claims?|allegations?|accusations?|stor(?:y|ies))
            \ (?:(?:is|are|was|were)\ (?:\w+\ )?["“‘']?         # "said the claims were fabricated",
              (?:false|fake|baseless|untrue|absurd|groundless|unfounded|nonsense|lies|fabricat\w*
                |not\ true|without\ (?:any\ )?basis)
              |(?:has|have|had)\ no\ basis)\b(?!\ that\b)        # "said the report had no basis in
                                                              # fact" (not "said reports were true",
                                                              # nor "the story was not true that
                                                              # they were old": another claim)
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
            r"""
        \b(?:declined|refused)\ to\ (?:comment|confirm)\b  # "declined to confirm" (not "to say how many")
      | \bno\ comment\b | \bno\ (?:official\ |public\ )?confirmation\b    # "no official confirmation"
      | \b(?:would|will|could)(?:\ not|n't|n’t)\ (?:comment|confirm)\b      # "officials would not comment"
      | \b(?:does|do)(?:\ not|n't|n’t)\ (?:publicly\ )?comment\ on\b        # a standing policy: "Ankara said
                                                              # it does not comment on exports"
      | \b(?:has|have|had|was|were|is|are)(?:\ not|n't|n’t)\ (?:yet\ )?(?:been\ )?
            (?:publicly\ |officially\ )?(?:confirmed|acknowledged)\b
                                                              # "Washington has not confirmed", "the
                                                              # sale was not confirmed by Madrid"
                                                              # (not "confirmed" of the last stance)
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
            responses.extend(_sentence_responses(paragraph, sentence))
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
ANSWERS = ("denied", "non_denial")


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


def _sentence_responses(paragraph: Paragraph, sentence: SpacySpan) -> list[Response]:
    for stance, pattern in STANCES:
        found = pattern.search(sentence.text)
        if found:
            start, end = sentence.start_char, sentence.end_char
            actors = [m for m in paragraph.actors if start <= m.start < end]
            if stance in SUBJECT_STANCES:
                actors = _deniers(sentence, sentence.start_char + found.start(), actors)
            span = Span(paragraph.offset + start, paragraph.offset + end)
            return [Response(Actor(m.id, m.name), stance, sentence.text.strip(), span) for m in actors]
    return []


# Stances a verb takes with its subject: "The Kremlin denies that NATO's arms ..." is the
# Kremlin's denial, not NATO's, and "Kyiv said it had received Patriots from Germany" is Kyiv's
# word, not Germany's; where the subject names no actor ("a spokesman denied"), every actor of
# the sentence may be the one who spoke.
SUBJECT_STANCES = {"denied", "non_denial", "confirmed"}


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
        if title and pattern.search(title):
            return [Response(Actor(m.id, m.name), stance, title) for m in actors]
    return []
