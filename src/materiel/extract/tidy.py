"""One person or outlet once: a transfer's sources and responses without repeats, each source's
span on its name.

Attribution finds a source at every citation, so one person or outlet comes back under several
names ("Prime Minister Eduard Heger", "Heger"; "the Wall Street Journal" twice, with overlapping
spans). Names that are the same once folded, or where one is the other's first or last words,
are one source, shown under its longest name. A source cited by a pronoun or a reference ("he
said", "the newspaper reported") points at the name it stands for, not at the two letters of "he".
"""

from __future__ import annotations

import re
from dataclasses import replace

from materiel.article import Response, Source, Span, Transfer


def tidy_attribution(transfers: list[Transfer], text: str) -> None:
    """Step over assembled transfers: repeated sources and responses folded, spans on names."""
    for transfer in transfers:
        named = [_unquoted(s) for s in transfer.sources]
        transfer.sources = unique_sources([_undotted(_on_its_name(s, text)) for s in named if s.name])
        transfer.responses = unique_responses(transfer.responses)


# An initialism written with stops ("U.S.", "U.K.", "E.U.", or "U.S" where a name's last stop was
# cut): shown as its letters, so that "U.S. officials" and "US officials" are one name, as a
# tracker writes it.
DOTTED = re.compile(r"\b((?:[A-Z]\.)+[A-Z]\.?)(?!\w)")


def _undotted(source: Source) -> Source:
    name = DOTTED.sub(lambda m: m.group(1).replace(".", ""), source.name)
    return source if name == source.name else replace(source, name=name)


# Quotation marks around a name ('as reported by "Zeit"'): not part of it; a mark alone is no name.
QUOTE_MARKS = "\"“”„«»‘’'"


def _unquoted(source: Source) -> Source:
    name = source.name.strip().strip(QUOTE_MARKS).strip()
    if name == source.name:
        return source
    return replace(source, name=name if re.search(r"\w", name) else "")


def fold(name: str) -> str:
    """A name for comparison: case, spacing, a leading article and a possessive folded."""
    words = re.sub(r"[’']s\b", "", name.casefold())
    words = re.sub(r"[^\w\s-]", " ", words).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def same_party(short: str, long: str) -> bool:
    """One folded name is the other, or its first or last words ('heger' in 'prime minister
    eduard heger', 'kiel institute' in 'kiel institute for the world economy')."""
    if not short or not long:
        return False
    if short == long:
        return True
    return long.startswith(short + " ") or long.endswith(" " + short)


def unique_sources(sources: list[Source]) -> list[Source]:
    """Each party once, in order of first citation, under its longest name and that name's span."""
    groups: list[list[Source]] = []
    for source in sources:
        key = fold(source.name)
        group = next((g for g in groups if any(_same(key, fold(s.name)) for s in g)), None)
        if group is None:
            groups.append([source])
        else:
            group.append(source)
    return [_merged(group) for group in groups]


def _merged(group: list[Source]) -> Source:
    """The longest name (with its span), keeping what a shorter citation knew: whom the source
    speaks for, and a kind more telling than 'other'."""
    best = max(group, key=lambda s: (len(s.name), s.span is not None))
    actor = best.actor_id or next((s.actor_id for s in group if s.actor_id), None)
    kind = best.kind if best.kind != "other" else next((s.kind for s in group if s.kind != "other"), "other")
    return replace(best, kind=kind, actor_id=actor)


def _same(one: str, other: str) -> bool:
    short, long = sorted((one, other), key=len)
    return same_party(short, long) or _same_words(short, long)


# Words a shorter citation puts before a name that a longer one leaves out ("Mr. Sullivan" of
# "National Security Advisor Jake Sullivan"), and words that join a name's parts in one order only
# ("the Ministry of Defence", "the defence ministry").
HONORIFICS = {"mr", "mrs", "ms", "dr"}
JOINING = {"of", "for", "and"}


def _same_words(short: str, long: str) -> bool:
    """The same party in another order or with a title ("minister pistorius" of "defence minister
    boris pistorius", "ministry of defence" of "defence ministry"): every word of the shorter name
    is one of the longer's, and both end in the same word or hold the same words."""
    words, others = short.split(), long.split()
    if len(words) < 2:
        return False
    mine, theirs = set(words) - JOINING - HONORIFICS, set(others) - JOINING
    if not mine or not mine <= theirs:
        return False
    return words[-1] == others[-1] or mine == theirs


def unique_responses(responses: list[Response]) -> list[Response]:
    """One response per party and stance (a sentence naming 'Slovakia' and 'Bratislava' is one
    confirmation, not two; a headline saying what the body says adds nothing); one in the text
    (with a span) is kept over the headline's."""
    kept: dict[tuple, Response] = {}
    for response in responses:
        key = (response.actor.id if response.actor else None, response.stance)
        if key not in kept or (kept[key].span is None and response.span is not None):
            kept[key] = response
    return list(kept.values())


def _on_its_name(source: Source, text: str) -> Source:
    """The source's span moved onto its name when the span holds something else (a pronoun, 'the
    newspaper'): the last mention of the name before the citation, else the first after it."""
    span = source.span
    if span is None or fold(source.name) in fold(text[span.start : span.end]):
        return source
    lower, name = text.casefold(), source.name.casefold()
    at = lower.rfind(name, 0, span.start)
    if at < 0:
        at = lower.find(name, span.end)
    if at < 0:
        return source
    return replace(source, span=Span(at, at + len(source.name)))
