"""Quotations in paragraphs the NLP does not read (the gate keeps it for materiel), found with
patterns: the reporting clause beside a quotation names its speaker ("said Anna Berg", "Berg
said", "she told CNN"), a pronoun or a role ("the MP added") is the last person named outside
quotation marks (preferring one who opens a sentence), and a quotation with no clause beside it
continues the previous speaker."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from materiel.article import Quote, Span, Speaker
from materiel.extract.lexicon import find_actors, load

SAY = re.compile(
    r"\b(?:said|says|added|adds|told|tells|wrote|writes|stated|explained|noted|warned|insisted|argued|continued|"
    r"asked|replied|tweeted|posted|underscored|stressed|declared|remarked|saying)\b"
)
# A run of capitalised words, with the particles names carry ("Ursula von der Leyen").
CAPITALISED = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:(?:von|van|de|der|da|al|bin|le|la)\s+)?[A-Z][\w'’-]+)*")
# Words that start a capitalised run without being part of a person's name: titles and roles.
TITLES = {
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sen",
    "Rep",
    "Gen",
    "Maj",
    "Col",
    "Prof",
    "President",
    "Prime",
    "Minister",
    "Chancellor",
    "Secretary",
    "Foreign",
    "Defence",
    "Defense",
    "Vice",
    "Governor",
    "Senator",
    "Former",
    "Republican",
    "Democratic",
    "Democrat",
    "Spokesman",
    "Spokeswoman",
    "Chief",
    "General",
    "Deputy",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Lord",
    "Lady",
    "Sir",
    "Dame",
    "Ambassador",
    "Commander",
    "Mayor",
    "Pope",
}
NOT_NAMES = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "This",
    "That",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "According",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Yes",
    "No",
    "So",
    "Still",
    "Some",
    "There",
    "Speaking",
    "However",
    "Meanwhile",
    "Later",
    "Earlier",
    "For",
    "Our",
    "His",
    "Her",
    "Europe",
    "Asia",
    "Africa",
    "America",
    "Americas",
    "West",
    "East",
    "North",
    "South",
    "Kremlin",
}
# Last words of capitalised runs that name organisations, media and places, not people.
ORGANISATION_WORDS = {
    "TV",
    "Radio",
    "News",
    "Times",
    "Post",
    "Party",
    "Palace",
    "Institute",
    "Ministry",
    "University",
    "Council",
    "Commission",
    "Union",
    "Forces",
    "Army",
    "Agency",
    "Office",
    "House",
    "Department",
    "Convention",
    "Forum",
    "Street",
    "Square",
    "Program",
    "Programme",
    "Fact",
    "Press",
    "Journal",
}
ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;:]{2,60}?)\s*,?\s*$", re.IGNORECASE)
PRONOUN = re.compile(r"^\W*(?:he|she)\b", re.IGNORECASE)
ROLE = re.compile(r"^\W*(?:the|a|an)\s+(?P<role>[\w’' -]{2,50}?)\s*$", re.IGNORECASE)
QUOTED = re.compile(r'"(?P<a>[^"\n]{12,})(?:"|$)|“(?P<b>[^”\n]{12,})(?:”|$)|«(?P<c>[^»\n]{12,})(?:»|$)', re.MULTILINE)
# A quotation shorter than this many words is a phrase being cited, not speech.
MIN_QUOTE_WORDS = 3
# How far around a quotation its reporting clause may sit (characters).
CLAUSE_WINDOW = 140


def quotes_without_nlp(text: str, paragraphs: list[tuple[int, str]]) -> list[Quote]:
    """Quotations of the given (offset, paragraph) pairs of `text`, with pattern-found speakers."""
    found: list[Quote] = []
    for offset, paragraph in paragraphs:
        for match in QUOTED.finditer(paragraph):
            said = next(g for g in match.groups() if g is not None).strip()
            if len(said.split()) < MIN_QUOTE_WORDS:
                continue
            span = Span(offset + match.start(), offset + match.end())
            speaker = clause_speaker(text, offset, paragraph, match) or _continues(found, span)
            found.append(Quote(Speaker(speaker) if speaker else None, said.rstrip(), span))
    return found


def clause_speaker(text: str, offset: int, paragraph: str, match: re.Match[str]) -> str | None:
    """The speaker named by the reporting clause right after the quotation, or right before it."""
    after = re.split(r"(?<=[.!?])\s|[“\"«]", paragraph[match.end() : match.end() + CLAUSE_WINDOW], maxsplit=1)[0]
    window = paragraph[max(0, match.start() - CLAUSE_WINDOW) : match.start()].rstrip()
    before = re.split(r"(?<=[.!?])\s+|[”\"»]", window)[-1]
    for clause, is_before in ((after, False), (before, True)):
        verb = SAY.search(clause)
        if verb is None:
            continue
        subject, rest = clause[: verb.start()], clause[verb.end() :]
        if is_before:  # "..., he said." or "Berg told reporters:" right before the quotation
            subject = subject.split(",")[-1]
        who = _who(subject, text, offset + match.start()) or _first_name(rest, text)
        if who:
            return who
    according = ACCORDING.search(window)
    if according:  # 'According to Anna Weber, "the talks were..."'
        names = person_names(according.group("who"), text)
        return names[0] if names else according.group("who")
    if window.endswith(":"):  # "...he would fight for Latvia: "If a robber...""
        names = person_names(before, text)
        return names[0] if names else None
    return None


def _who(subject: str, text: str, at: int) -> str | None:
    if PRONOUN.match(subject):
        return last_person(text, at)
    names = person_names(subject, text)
    if names:
        return _completed(names[0], text[:at])
    role = ROLE.match(subject)
    if role:
        own_name = any(
            w[:1].isupper() and w not in _demonyms() and not _is_role(w) for w in role.group("role").split()
        )  # "a BBC spokesperson" names its own speaker
        person = last_person(text, at) if _is_role(role.group("role")) and not own_name else None
        return person or subject.strip(" ,")
    return None


def _first_name(rest: str, text: str) -> str | None:
    names = person_names(rest[:80], text)
    return names[0] if names else None


def _is_role(words: str) -> bool:
    return bool(words.split()) and words.split()[-1].lower() in {
        "mp",
        "minister",
        "president",
        "leader",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "diplomat",
        "chancellor",
        "senator",
        "official",
        "premier",
    }


def _continues(found: list[Quote], span: Span) -> str | None:
    speaker = continued_speaker(found[-1] if found else None, span)
    return speaker.name if speaker else None


# A quotation with no reporting clause, starting within this many characters of the end of the
# previous quotation, continues its speaker (a quote running on into the next paragraph).
CONTINUATION_GAP = 200


def continued_speaker(previous: Quote | None, span: Span) -> Speaker | None:
    """The previous quotation's speaker, when the one at `span` follows it closely."""
    if previous is None or previous.span is None or previous.speaker is None:
        return None
    return previous.speaker if span.start - previous.span.end < CONTINUATION_GAP else None


def continue_speakers(quotes: list[Quote]) -> list[Quote]:
    """Quotations in text order, each without a speaker given its predecessor's when it follows
    it closely: across parsed and unparsed paragraphs, which are read apart."""
    out: list[Quote] = []
    for quote in quotes:
        if quote.speaker is None and quote.span is not None:
            quote = Quote(continued_speaker(out[-1] if out else None, quote.span), quote.text, quote.span)
        out.append(quote)
    return out


def person_names(segment: str, article: str = "") -> list[str]:
    """Names of people in a segment of an article: capitalised runs without their titles, that are
    not places, states or outlets; a single word when it is a leader's name or recurs in the
    article (a surname used alone: "Andrew said", "Giuffre said")."""
    return [name for _, name in _names_at(segment, article)]


def _names_at(segment: str, article: str) -> list[tuple[int, str]]:
    out = []
    for match in CAPITALISED.finditer(segment):
        words = match.group().replace("’s", "").replace("'s", "").split()
        while words and (
            words[0] in TITLES or words[0] in NOT_NAMES or words[0] in _demonyms() or words[0].endswith("ing")
        ):
            words = words[1:]
        name = " ".join(words)
        if name and _looks_personal(name, article):
            out.append((match.start(), name))
    return out


def _looks_personal(name: str, article: str) -> bool:
    mentions = find_actors(name)
    if any(m.kind == "leader" for m in mentions):
        return True
    if mentions and mentions[0].start == 0 and mentions[0].end >= len(name) - 1:
        return False
    if any(w in NOT_NAMES for w in name.split()) or name.split()[-1] in ORGANISATION_WORDS:
        return False
    return len(name.split()) >= 2 or (len(name) > 2 and name in _recurring(article))


@lru_cache(maxsize=4)
def _recurring(article: str) -> frozenset[str]:
    """Capitalised words an article uses at least twice (a surname used alone recurs)."""
    counts = Counter(re.findall(r"\b[A-Z][\w'’-]+\b", article))
    return frozenset(word for word, count in counts.items() if count >= 2)


def last_person(text: str, at: int) -> str | None:
    found = last_person_at(text, at)
    return found[1] if found else None


def last_person_at(text: str, at: int) -> tuple[int, str] | None:
    """(offset, name) of the last person named before `at` (within a few paragraphs), outside
    quotation marks: a name inside a quotation is what the speaker talks about."""
    start = max(0, at - 3000)
    segment = text[start:at]
    spans = quoted_spans(segment)
    names = [(offset, name) for offset, name in _names_at(segment, text) if not inside(offset, spans)]
    # A name that opens a sentence is most often its subject, the usual antecedent of a pronoun
    # ("Landsbergis does not agree ... with Putin. '...,' he noted": Landsbergis).
    openers = [(offset, name) for offset, name in names if _opens_sentence(segment, offset)]
    chosen = openers or names
    if not chosen:
        return None
    offset, name = chosen[-1]
    return start + offset, name


def _opens_sentence(text: str, offset: int) -> bool:
    before = text[:offset].rstrip(' \t"“«(')
    return not before or before.endswith((".", "!", "?", "\n", ":"))


# A quotation closed within its paragraph.
QUOTATION = re.compile(r'"[^"\n]*"|“[^”\n]*”|«[^»\n]*»')


def quoted_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in QUOTATION.finditer(text)]


def inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < offset < end for start, end in spans)


def _completed(name: str, before: str) -> str:
    """A surname alone is completed from an earlier full name ('Berg' -> 'Anna Berg')."""
    fuller = [n for n in person_names(before[-5000:], before) if n.endswith(name) and n != name]
    return fuller[-1] if fuller else name


@cache
def _demonyms() -> frozenset[str]:
    words = {w for names in load("actors.json")["demonym"].values() for name in names for w in name.split()}
    return frozenset(words)
