"""Sources that do not say who they are: by their name ("people familiar with the matter") or by
the words attached to them ("a US official, who asked not to be named, said") (`unnamed_source`)."""

from __future__ import annotations

import re

from materiel.article import Source
from materiel.extract.context import Context

# Sources that do not say who they are.
ANONYMOUS = re.compile(
    r"""\b(?:sources?|people|person|officials?)\b.*\b(?:familiar|close|knowledge|anonymity|briefed)\b
      | ^(?:(?:a|an|the|two|three|several)\s)?(?:[\w-]+\s){0,3}sources?$   # "sources", "German government sources"
      | ^(?:(?:a|an|the|two|three|several)\s)?(?:unnamed|anonymous|unidentified)\b  # "unnamed officials",
                                                                       # "an anonymous US official"
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Words in a source's sentence that say it spoke without giving its name: an insider, not its
# government stating it ("a German official said on condition of anonymity").
UNNAMED = re.compile(
    r"""
    \banonym(?:ity|ously)\b                       # "on condition of anonymity", "speaking anonymously"
  | \b(?:asked|requested|declined)\ (?:not\ )?to\ be\ (?:named|identified)\b  # "who asked not to be named"
  | \bnot\ authori[sz]ed\ to\ (?:speak|talk|comment|discuss)\b  # "not authorised to speak publicly"
    """,
    re.IGNORECASE | re.VERBOSE,
)


# Speakers named by their kind alone, whom a sentence may leave unnamed ("a US official", "two
# diplomats"); a person's or an outlet's name in the same sentence is not left unnamed by it.
KIND_OF_SPEAKER = re.compile(
    r"\b(?:officials?|sources?|diplomats?|aides?|officers?|insiders?|people|persons?|spokes(?:man|woman|person))\b",
    re.IGNORECASE,
)


def unnamed_source(source: Source, context: Context) -> bool:
    """The source does not say who it is: by its name ("people familiar with the matter"), or by
    the words attached to it ("a US official, who asked not to be named, said"). One whose name
    holds a person's ("Pentagon spokesman John Kirby") has said who it is."""
    if ANONYMOUS.search(source.name):
        return True
    if source.kind == "media" or not KIND_OF_SPEAKER.search(source.name) or _names_person(source, context):
        return False
    return any(UNNAMED.search(stretch) for stretch in _attached(source, context))


def _names_person(source: Source, context: Context) -> bool:
    span = source.span
    return span is not None and any(span.start <= p.start < span.end for p in context.people)


# A clause that opens a sentence with a participle ("Speaking on condition of anonymity, a US
# official said"): it tells of the sentence's subject.
OPENING_PARTICIPLE = re.compile(r"\s*[A-Z]\w*ing\b[^,;]*,\s*$")


def _attached(source: Source, context: Context) -> list[str]:
    """The words that tell of the source itself: its own span and what follows it up to the end
    of the next comma-delimited stretch (its relative clause or participle: ", who asked not to be
    named, said"), cut at the next speaker ("said, adding that officials who asked not to be
    named ..." tells of those officials); and a participle clause opening the sentence before it."""
    sentence = context.sentence_at(source.span)
    if sentence is None or source.span is None:
        return []
    text = context.article.text
    after = text[source.span.start + len(source.name) : sentence.end]
    commas = [i for i, c in enumerate(after) if c == ","]
    reach = commas[1] if len(commas) > 1 else len(after)
    other = KIND_OF_SPEAKER.search(after, 0, reach)
    stretches = [after[: other.start() if other else reach]]
    before = text[sentence.start : source.span.start]
    if OPENING_PARTICIPLE.match(before):
        stretches.append(before)
    return stretches
