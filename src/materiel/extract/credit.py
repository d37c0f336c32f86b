"""Credit lines: a paragraph that opens by handing the text after it to whoever reported it
("RT reports: In an interview ...", "From the AP:"). A story republished or relayed this way is
that reporter's account, the summary above the credit included, so the reporter is a source of
every transfer in the article. So is an outlet the article credits in any paragraph ("as reported
by Zeit"), the paragraphs the parser never reads included (see `outlet_credits`)."""

from __future__ import annotations

import re
from dataclasses import replace

from materiel.article import Article, Source, Span
from materiel.extract.lexicon import find_actors, outlet_finder
from materiel.extract.outlets import marked_outlets
from materiel.extract.source_names import CLAUSE_WORDS

# Words a credit's name may be that name no reporter ("He writes:", "This reported:").
NOT_REPORTERS = {"he", "she", "it", "they", "we", "i", "you", "this", "that", "one"}

# A name as a credit prints it: up to five capitalised words ("RT", "The Kiel Courier").
_NAME = r"(?-i:(?:The\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})"

CREDIT_LINE = re.compile(
    rf"""
    ^\s*(?:
        (?P<reporter>{_NAME})\s+(?:reports|reported|writes|wrote)\s*:   # "RT reports: ...", "TASS wrote:"
      | (?:from|via)\s+(?:the\s+)?(?P<outlet>{_NAME})\s*:               # "From the AP:", "Via Reuters:"
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)


# A wire agency's credit in a story's dateline: the agency in brackets after the place, then a dash
# or a colon ("KYIV, Ukraine (AP) — ", "WARSAW (Reuters) - ", "Kyiv (AFP) -"), or in brackets
# alone ahead of the text ("(Reuters) - "). Any bracketed name elsewhere is no credit ("the
# Associated Press (AP) reported", "the Patriot (MIM-104) system").
WIRE_DATELINE = re.compile(
    r"""
    ^\s*(?:[^\s()][^()\n]{0,60}?\s+)?        # the place, in capitals or not ("KYIV, Ukraine")
    \((?P<outlet>[A-Z][\w.&'’-]*(?:[\s/]+[A-Z][\w.&'’-]*){0,3})\)  # the agency in brackets ("(AP)")
    \s*[-—–:]                                  # then the dash before the story's first words
    """,
    re.VERBOSE,
)
# A wire agency's credit on a line of its own: a sign-off ("— Reuters", "-- AFP", "(AP)") or a
# byline ("By Reuters", "By The Associated Press", "By AFP staff"; not "By John Smith").
WIRE_SIGNOFF = re.compile(
    r"""
    ^\s*(?:[-—–]{1,2}\s*(?P<dashed>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2})  # "— Reuters"
      | \((?P<bracketed>[A-Z][\w.&'’-]*(?:[\s/]+[A-Z][\w.&'’-]*){0,2})\)         # "(AP)"
      | [Bb]y\s+(?:[Tt]he\s+)?(?P<byline>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2})  # "By Reuters"
        (?:\s+[Ss]taff)?                                                             # "By AFP staff"
      | [Bb]y\s+[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,5}               # "By Jane Doe and John
        \s*[,|]\s*(?:[Tt]he\s+)?(?P<bylined>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2}))  # Roe, Reuters": the
                                                                                     # agency after its reporters
    \s*$
    """,
    re.VERBOSE,
)
SIGNOFF_GROUPS = ("dashed", "bracketed", "byline", "bylined")


# A note that the story is another outlet's, republished ("This article was originally published
# by Deutsche Welle", "This story first appeared in Politico", "Republished with permission from
# Reuters") or excerpted ("Read the rest of the article at the Economist", "Read more at Defense
# News"): the outlet reported it. Our own outlet's "Source: ..." line is no such note.
REPUBLISHED = re.compile(
    r"""
    \b(?i:(?:originally|first)\s+(?:published|appeared|ran|posted)   # "originally published", "first appeared"
      | (?:appeared|published)\s+originally                          # "appeared originally in"
      | republished|reprinted|reproduced|syndicated                  # "Reprinted with permission"
      | (?:read|continue\s+reading)(?:\s+(?:the\s+)?(?:rest|full|whole|original|more))?  # an excerpt's pointer to
        (?:\s+(?:of\s+)?(?:the\s+|this\s+)?(?:article|story|piece|report))?)  # the rest: "Read the rest
                                                                      # of the article at the Economist"
    \s+(?i:(?:here\s+)?with\s+(?:the\s+)?(?:kind\s+)?permission\s+)?  # "with permission"
    (?i:by|in|on|at|from|of)\s+(?:the\s+)?                            # then the outlet, "The" of
    (?P<outlet>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}              # its name kept ("The Conversation")
      (?:\s+(?:magazine|newspaper))?)                                # "in Foreign Policy magazine"
    """,
    re.VERBOSE,
)


def republished_credits(article: Article) -> list[Source]:
    """The known outlets a republication note names, in the text or among the lines cleaning
    dropped."""
    found = []
    for start, text in article.paragraphs():
        found += [s for m in REPUBLISHED.finditer(text) for s in _republisher(m, start)]
    for removal in article.removed:
        found += [s for m in REPUBLISHED.finditer(removal.text) for s in _republisher(m, None)]
    return found


def _republisher(found: re.Match[str], start: int | None) -> list[Source]:
    """The known outlet a republication note names, with the "The" it prints ("The Conversation")
    or without it ("The Guardian", known as "Guardian")."""
    name = _named(found)
    at = None if start is None else start + found.start("outlet")
    bare = re.sub(r"^The\s+", "", name)
    if bare == name:
        return _agencies(name, at)
    return _agencies(name, at) or _agencies(bare, None if at is None else at + len(name) - len(bare))


def _named(found: re.Match[str]) -> str:
    """The outlet's name without the sentence's full stop (not a name's: "Lenta.ru"), and without
    the kind of outlet after it unless the lexicon names it so ("Foreign Policy magazine")."""
    name = found.group("outlet").rstrip(".")
    bare = re.sub(r"\s+(?:magazine|newspaper)$", "", name)
    whole = any(m.start == 0 and m.end == len(name) for m in outlet_finder().find(name))
    return name if bare == name or whole else bare


# A line that names where the story comes from, at a page's foot ("Source: AFP", "Sources: tvn24.pl,
# PAP", "Source: Al Jazeera and agencies"); not a web address, which says where it was copied from.
SOURCE_LINE = re.compile(r"^\s*[Ss]ources?\s*:\s*(?P<names>(?!\S*(?:://|www\.))[^:\n]{2,60}?)\s*\.?\s*$")
# What joins the names of such a line, and the words for wires no name is given for.
SOURCE_LINE_JOINS = re.compile(r"\s*(?:,|;|/|&|\band\b)\s*")
UNNAMED_WIRES = {"agencies", "wires", "news agencies", "wire services"}


def source_line_credits(article: Article) -> list[Source]:
    """The known outlets a "Source:" line names, in the text or among the lines cleaning dropped."""
    lines = [(start, text) for start, text in article.paragraphs()] + [(None, r.text) for r in article.removed]
    found = []
    for start, text in lines:
        match = SOURCE_LINE.match(text)
        if match is None:
            continue
        names = match.group("names")
        for part in SOURCE_LINE_JOINS.split(names):
            if part and part.casefold() not in UNNAMED_WIRES:
                at = None if start is None else start + match.start("names") + names.index(part)
                found += _agencies(part, at)
    return found


def wire_credits(article: Article) -> list[Source]:
    """The known agencies a story's dateline credits, in its first paragraph, or a sign-off line
    credits, in its text or among the lines cleaning dropped; each named as the story prints it
    ("AP", not the lexicon's "Associated Press")."""
    paragraphs = article.paragraphs()
    found = []
    for start, text in paragraphs[:1]:
        match = WIRE_DATELINE.match(text)
        if match is not None:
            at = start + match.start("outlet")
            found += _agencies(match.group("outlet"), at) or _unlisted_agency(match.group("outlet"), at)
    for start, text in paragraphs:
        match = WIRE_SIGNOFF.match(text)
        if match is not None:
            group = next(g for g in SIGNOFF_GROUPS if match.group(g))
            found += _agencies(match.group(group), start + match.start(group))
    for removal in article.removed:
        match = WIRE_SIGNOFF.match(removal.text)
        if match is not None:
            found += _agencies(next(match.group(g) for g in SIGNOFF_GROUPS if match.group(g)), None)
    return found


# What may follow an agency's name in a credit without making it another name ("AP News").
SITE_WORDS = {"", "News"}


def _agencies(name: str, at: int | None) -> list[Source]:
    """The known outlets a credit's name is made of ("Reuters/AP": both), as printed; none when
    it holds other words ("(AP Photo)", a picture's credit, not the story's)."""
    found = outlet_finder().find(name)
    rest = name
    for outlet in found:
        rest = rest.replace(outlet.text, "")
    if not found or rest.strip(" /&,") not in SITE_WORDS:
        return []
    return [Source(o.text, "media", Span(at + o.start, at + o.end) if at is not None else None) for o in found]


# Words in a dateline's brackets that tag the story, not its agency ("KYIV (UPDATED) -").
STORY_TAGS = frozenset(
    """update updated updates video videos photo photos live exclusive analysis opinion breaking watch listen
    audio graphic graphics corrected correction""".split()  # noqa: SIM905 (a word list, easier read as text)
)


def _unlisted_agency(name: str, at: int) -> list[Source]:
    """The agency a dateline credits that the lexicon does not list ("KYIV (Kestrel) -"): its
    brackets between the place and the dash mark it, unless it tags the story, names a place or
    an actor or holds a model's number ("(UPDATED)", "(Ukraine)", "the Patriot (MIM-104) -")."""
    if set(name.casefold().split()) & STORY_TAGS or find_actors(name) or re.search(r"\d", name):
        return []
    return [Source(name, "media", Span(at, at + len(name)))]


# An outlet a headline credits with its story: before a colon at its start ("WSJ: North Korea
# shipped ..."), or at its end after a comma, a dash, a bar or a colon, with or without its verb
# ("..., Spiegel reports", "... - Reuters", "...: WSJ", "..., says NYT", "... | AP News").
TITLE_LEAD = re.compile(r"^(?P<name>[^:,]{1,40}):\s")
TITLE_TAIL = re.compile(
    r"""
    (?:,|\s[-–—|:]|:)\s*(?:(?:says|said|reports|reported|according\s+to)\s+)?  # ", says", " - "
    (?P<name>[^,:|–—]{1,40}?)                                                # the outlet
    (?:\s+(?:says|said|reports|reported|writes|wrote|finds|found|has\s+learned|learns))?  # its verb
    \s*$
    """,
    re.IGNORECASE | re.VERBOSE,
)


def title_credits(title: str | None) -> list[Source]:
    """The known outlets a headline credits, named as printed; a headline's other names ("...,
    Zelensky says") are the story's speakers, found in its text."""
    for pattern in (TITLE_LEAD, TITLE_TAIL):
        found = pattern.search(title or "")
        if found is not None:
            name = re.sub(r"^the\s+", "", found.group("name").strip(), flags=re.IGNORECASE)
            credited = [replace(source, span=None) for source in _agencies(name, 0)]
            if credited:
                return credited
    return []


# Who a headline says spoke, after a comma or dash at its end ("..., Scholz says", "... - US
# officials say", "..., says Pentagon"): a capitalised name of a few words and a verb of saying.
TITLE_SPEAKER = re.compile(
    r"""
    (?:,|\s[-–—])\s*
    (?:(?:says|said)\s+(?P<after>(?-i:[A-Z][\w.'’-]*)(?:\s+[\w.'’-]+){0,4})    # "..., says Pentagon"
      | (?P<before>(?-i:[A-Z][\w.'’-]*)(?:\s+[\w.'’-]+){0,4}?)                # "..., Scholz says"
        \s+(?:says|said|say|tells|told|claims|claimed|confirms|confirmed|announces|announced)
        (?:\s+[\w.'’-]+){0,2})                                                 # "... says in interview"
    \s*$
    """,
    re.IGNORECASE | re.VERBOSE,
)


# Who a headline says spoke, at its start before the claim ("Pentagon says Iran sent drones to
# Russia", "US officials say ...", "Kyiv claims ..."): a capitalised name of a few words, a verb of
# saying in the present, as headlines write it, and the claim after it.
TITLE_LEAD_SPEAKER = re.compile(
    r"""
    ^(?P<name>(?-i:[A-Z][\w.'’-]*)(?:\s+[\w.'’-]+){0,3}?)    # "Pentagon", "US officials"
    \s+(?:says?|claims?|confirms?|alleges?|warns?)             # its verb
    \s+(?:that\s+)?(?:(?-i:[A-Z])|(?:it|they)\b)               # the claim: a name, or the speaker again
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A record named by its kind alone at a headline's start ("Report says ...", "Study finds ..."):
# whose it is, the story says, if anyone.
RECORD_KINDS = {"report", "study", "analysis", "poll", "survey", "data", "research", "document"}
# Unnamed sources or officials a headline credits at its end, with or without their verb ("... -
# sources", "..., sources say", "...: US officials"), written in lower case as headlines often do.
TITLE_UNNAMED = re.compile(
    r"""
    (?:,|\s[-–—|]|:)\s*
    (?P<name>(?:[\w.'’-]+\s+){0,3}?(?:sources|officials|diplomats))     # "sources", "three US officials"
    (?:\s+(?:say|said|tell\s+[\w.'’-]+(?:\s+[\w.'’-]+)?))?           # "say", "tell Reuters"
    \s*$
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Who a headline credits after a colon at its end, with no verb ("Iran sending drones to Russia:
# Pentagon", "...: US officials"): a name the lexicon knows as an actor, or unnamed officials; other
# words there say what kind of story it is ("...: Analysis", "...: live updates").
TITLE_COLON_SPEAKER = re.compile(r":\s*(?P<name>(?-i:[A-Z][\w.'’-]*)(?:\s+[\w.'’-]+){0,3})\s*$", re.IGNORECASE)


def title_speakers(title: str | None) -> list[Source]:
    """The speaker a headline names at its end or at its start, with no place in the text
    ("Germany to send more tanks, Scholz says", "Pentagon says Iran sent drones to Russia"):
    whoever says the headline's claim."""
    found = TITLE_SPEAKER.search(title or "")
    if found is not None:
        return _speaker(found.group("after") or found.group("before"))
    found = TITLE_UNNAMED.search(title or "")
    if found is not None:
        return _speaker(found.group("name"))
    found = TITLE_LEAD_SPEAKER.match(title or "")
    if found is not None and found.group("name").casefold().rstrip("s") not in RECORD_KINDS:
        return _speaker(found.group("name"))
    found = TITLE_COLON_SPEAKER.search(title or "")
    if found is not None and _speaks_for_someone(found.group("name")):
        return _speaker(found.group("name"))
    return []


def _speaker(name: str) -> list[Source]:
    return [Source(name, "other")] if not CLAUSE_WORDS & set(name.casefold().split()) else []


def _speaks_for_someone(name: str) -> bool:
    """A headline's last words after a colon name who spoke: an actor the lexicon knows ("Pentagon",
    "Kyiv") or officials or sources ("US officials")."""
    words = name.casefold().split()
    return bool(find_actors(name)) or words[-1].rstrip("s") in {"official", "source"}


def credit_sources(article: Article) -> list[Source]:
    """The reporter each credit line names. "From X:" names a place or a time as often as an
    outlet ("From Kyiv:", "From March:"), so there X must be a known outlet."""
    found = wire_credits(article) + republished_credits(article) + source_line_credits(article)
    found += title_credits(article.raw_title or article.title)
    for start, text in article.paragraphs():
        match = CREDIT_LINE.match(text)
        if match is None:
            continue
        group = "reporter" if match.group("reporter") else "outlet"
        name = match.group(group)
        known = bool(outlet_finder().find(name))
        if name.lower() in NOT_REPORTERS or (group == "outlet" and not known):
            continue
        span = Span(start + match.start(group), start + match.end(group))
        found.append(Source(name, "media" if known else "other", span))
    return found


# Words right before an outlet that credit it with a report ("according to Reuters", "as reported
# by the Guardian", "told Haaretz").
CREDIT_BEFORE = re.compile(
    r"""
    \b(?:according\s+to                                 # "according to X"
      | (?:reported|cited|quoted|revealed|published)\s+by  # "as reported by X", "quoted by X"
      | quoted\s+as\s+saying\s+by                          # "X was quoted as saying by RIA"
      | told|citing                                       # "an official told X", "citing X"
      | ,\s*(?:reported|reports|wrote|writes|said|says))   # "..., reported the Wall Street Journal,
                                                          # citing officials" (the outlet after its verb)
    \s+(?:the\s+)?
    (?:(?:[A-Z][\w-]*\s+)?(?:(?:news|state|wire)\s+)?     # what kind of outlet it is: "told the German
      (?:agency|newspaper|daily|weekly|magazine|broadcaster|channel)\s+)?$  # news agency dpa"
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Words right after an outlet that say it reported ("Reuters reported", "the Guardian has learned").
CREDIT_AFTER = re.compile(
    r"""
    ^(?:\s+(?:first|also|previously|earlier))?              # "X first reported"
    \s+(?:has\s+|had\s+)?(?:reported|reports|wrote|writes|revealed|learned|learnt)\b  # it reported
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A title in quotation marks after a credit ('as reported by "Zeit"'), the way many papers print a
# publication's name, whether or not a lexicon knows it.
QUOTED_CREDIT = re.compile(
    r"""
    \b(?:reported|published)\s+by\s+               # "as reported by"
    ["“„«](?P<name>[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,3})["”«»]  # "Name" of up to four words
    """,
    re.VERBOSE,
)
# An outlet the article names after the kind of outlet it is, with the words that credit it
# before ("according to the newspaper Welt am Sonntag", "reported the German daily Die Welt"),
# whether or not a lexicon knows it: the words of a name, and the particles inside many papers'.
DESCRIBED_CREDIT = re.compile(
    r"""
    \b(?:according\s+to | (?:reported|cited|quoted|published)\s+by | told | citing
      | ,\s+(?:reported|reports|wrote|writes))         # "..., reported the daily X" (the credit after
                                                      # the report, its verb before the outlet)
    \s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?                  # "the German"
    (?:newspaper|daily|weekly|magazine|broadcaster|news\s+(?:agency|site|website|portal|outlet))\s+
    (?P<name>(?-i:[A-Z][\w&'’-]*(?:\.[\w&'’-]+)*(?:\s+(?:(?:am|de|del|der|des|di|du|la|le|el|al|von|van)\s+)?[A-Z][\w&'’-]*(?:\.[\w&'’-]+)*){0,3}))
                                                      # (a dot inside a name, "Politico.eu", not after it)
    """,
    re.IGNORECASE | re.VERBOSE,
)
# How much text before an outlet is read for the words that credit it, with the kind of outlet
# between ("according to the Italian daily ").
CREDIT_REACH = 50


def outlet_credits(article: Article) -> list[Source]:
    """Outlets the article credits with a report anywhere in its text, each once: those the lexicon
    lists and those the words around them mark as outlets (`outlets.marked_outlets`)."""
    text = article.text
    found = [
        Source(o.text, "media", Span(o.start, o.end))
        for o in outlet_finder().find(text) + marked_outlets(text)
        if CREDIT_BEFORE.search(text[max(0, o.start - CREDIT_REACH) : o.start]) or CREDIT_AFTER.match(text[o.end :])
    ]
    found += [
        Source(m.group("name"), "media", Span(m.start("name"), m.end("name"))) for m in QUOTED_CREDIT.finditer(text)
    ]
    found += [source for m in DESCRIBED_CREDIT.finditer(text) if (source := _described(text, m)) is not None]
    return list({s.name: s for s in reversed(found)}.values())[::-1]


# Nouns after a described name that make the kind word an adjective of theirs, not of an outlet:
# "the weekly Pentagon briefing", "the daily UK Defence Intelligence update", "the weekly Pentagon
# press briefing" (a word of its kind between).
NOT_OUTLET_AFTER = re.compile(
    r"""\s+(?:(?:press|news|intelligence|situation|security|defen[cs]e|military|operational)\s+)?  # its kind
        (?:briefings?|updates?|reports?|bulletins?|assessments?|statements?|summar(?:y|ies)|readouts?
          |reviews?|estimates?|conferences?|releases?)\b""",
    re.VERBOSE,
)
# Kinds of actor mention that end a described name where they end it: "told the daily Handelsblatt
# Germany would send" is Handelsblatt, then the state the sentence is about.
STATE_KINDS = {"state", "alias"}


def _described(text: str, match: re.Match) -> Source | None:
    """The outlet a described credit names, up to a state named at its end ("Handelsblatt
    Germany would send"; "Kyiv Independent", "South China Morning Post" keep theirs); none where
    a noun after the name says the kind word was of it ("the weekly Pentagon briefing")."""
    start, end = match.span("name")
    if NOT_OUTLET_AFTER.match(text, end):
        return None
    states = [m for m in find_actors(text[start:end]) if m.kind in STATE_KINDS and m.start > 0]
    last = states[-1] if states else None
    if last is not None and text[start + last.end : end].strip("'’s") == "":
        end = start + len(text[start : start + last.start].rstrip())
    return Source(text[start:end], "media", Span(start, end))
