"""Where the quotations of a text are: spans between matching quotation marks.

Marks: straight and curly double quotes, guillemets (« » and » «), the German „ “ and ‚ ‘, the
Swedish and Finnish ” ” (the same mark opening a word), typeset ``...'' and single
quotes (‘ ’ and straight ') where they open and close around words rather than stand for an
apostrophe. A straight mark may close a curly one and the other way round (typed text mixes
them). A quotation opened in a paragraph and not closed there runs to the paragraph's end (the
next paragraph opens again with a mark: a quotation over several paragraphs). Single quotes
inside a double-quoted span are a quotation inside the quotation, not one of their own; so are
curly double quotes inside curly double quotes when the outer one is closed after them. An
apostrophe after a plural ("the soldiers' morale") does not close a single-quoted quotation, nor
is it read past the next opening mark; a curly opening single mark glued to a stop opens one
("it.‘We"), a single mark after a stop glued to a capital closes one ("it.’The"), and an
apostrophe for elided letters ("the ‘90s", "‘em") opens none.
Scrapes break marks: two apostrophes typed for a double mark, a doubled opening mark, a straight
closing mark whose opening one was lost (it opens nothing), and a paragraph that lost its opening
mark (words from its start to a closing mark and a reporting clause; narration in sentences before
the last one is not part of it unless they speak in the first or second person), or that lost it
after a reporting clause's colon ("She added: We cannot hold alone.”").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from materiel.extract.speakerwords import SAY

# A quotation shorter than this many words is a phrase being cited ("scare quotes"), not speech.
MIN_QUOTE_WORDS = 3

# Opening marks and the pattern of their closing mark.
DOUBLE = re.compile(
    r"""
    ``(?P<backticks>(?:(?!'')[^\n])*)(?:''|$)   # two backticks and two apostrophes (typeset text's
                                            # ``quotation'' as plain text keeps it)
  | ''(?P<twin>(?:(?!'')[^\n])*)(?:''|$)    # two apostrophes typed for a double mark
  | (?!(?<=\S)"(?:[\s,.;:!?)\]]|$))          # (not a mark that ends a word and opens nothing: a stray
                                            # closing mark whose opening mark was lost)
    "(?P<straight>(?:[^"”\n]               # straight double quotes (opened then closed in turn), or closed curly,
        |(?<=\s)"(?=\w)[^"”\n]{0,40}?\w"(?=[\s,.;:!?)]))*)   # holding a short phrase in the same marks
    (?:["”]|$)                              # ("Such "deals" only delay war," he said; not "... "on the cheap," said X)
  | “+(?P<nesting>[^”“"\n]*(?:“[^”“"\n]*”[^”“"\n]*)+)[”"]   # curly double quotes holding a “quotation
                                            # inside” them in the same marks, closed after it
  | “+(?P<curly>[^”“"\n]*)                  # curly double quotes (a doubled opening mark is one), closed by
    (?:[”"]|(?<=\S)“|(?=“)|$)               # a curly or straight mark, by an opening mark typed for a closing one
                                            # ("win,“ he said"), or not: a second opening mark after a space
                                            # opens a quotation of its own ("she asked: “Why?”")
  | (?:(?<=[,:])|(?<=[,:]\s))”(?=\s?[A-Z])(?P<stray>[^”“"\n]*)(?:[”“"]|$)   # a closing mark typed to open
                                            # after a clause and its comma ("Berg added,” We will")
  | „(?P<low>[^“”\n]*)(?:[“”]|$)            # German low-high marks
  | (?:^|(?<=[\s(\[—–-]))”(?=\w)(?P<same>[^”“"\n]*)(?:”|$)   # the same mark to open and close (Swedish,
                                            # Finnish: ”Vi skickar”), opening at a word's start
  | «(?P<guillemets>[^»\n]*)(?:»|$)         # guillemets
  | »(?P<reversed>[^«\n]*)(?:«|$)           # reversed guillemets (German, Danish)
""",
    re.VERBOSE | re.MULTILINE,
)
# Words that follow a closing single mark in running text (a pronoun or verb of the reporting
# clause, a conjunction, a preposition, a word of time): after a plural's apostrophe comes the noun
# it owns instead.
AFTER_CLOSING = r"""(?:he|she|it|they|we|i|you|his|her|its|their|our|the|a|an|this|that|these|those|and|or|but|
    nor|so|as|if|when|while|because|which|who|where|to|in|on|at|for|of|with|from|by|after|before|into|than|
    over|about|during|since|until|against|without|within|under|through|amid|despite|
    is|was|are|were|has|have|had|will|would|could|can|should|may|might|said|says|say|told|added|wrote|
    according|not|also|then|last|next|earlier|later|yesterday|today|now|again|instead|too|however)"""
# An apostrophe inside a single-quoted quotation: in a word ("won't"), or after a plural that owns the
# next word ("the soldiers' morale is high,' he said"), then only in a quotation that a mark closes.
IN_WORD = r"(?<![.!?,])['’]\w"
OWNING = r"(?:(?<![.!?,])['’]\w|(?<=s)['’](?=\s+(?!" + AFTER_CLOSING + r"\b)[a-z]))"
# A closing single mark: at a word's end, or glued to the next sentence by a scrape that lost the
# space or the paragraph break after it ("support.’The army"; an apostrophe never follows a stop).
CLOSES = r"(?:['’](?!\w)|(?<=[.!?,])['’](?=[A-Z]))"
# Words whose first letters an apostrophe stands for, which typing software often turns into an
# opening mark: a decade ("the ‘90s"), "‘em", "‘til", "‘tis", "‘cause", "rock ‘n’ roll".
ELIDED = r"(?!(?:\d0s|em|til|tis|cause|n)\b)"
SINGLE = re.compile(
    r"""
    ‚(?P<low>[^‘’\n]*)(?:[‘’]|$)              # German low-high single marks (‚ ... ‘)
  | (?:^|(?<=[\s(\[—–-])|(?<=[.!?,:;]))‘ELIDED(?:  # ‘ ... ’ (or ') where it ends a word; the curly opening mark
                                            # is no apostrophe, so it opens glued to a stop too ("it.‘We")
        (?P<curly_owning>[^‘’'\n]*(?:OWNING[^‘’'\n]*)+)CLOSES   # past a plural's apostrophe to a closing
                                            # mark, not past the next opening one ("the ‘Times’ paper ... ‘we")
      | (?P<curly>[^’'\n]*(?:IN_WORD[^’'\n]*)*)(?:CLOSES|$))
  | (?:^|(?<=[\s(\[—–-]))'(?=\w)ELIDED(?:   # ' ... ' (or ’) likewise
        (?P<straight_owning>[^'’\n]*(?:OWNING[^'’\n]*)+)CLOSES
      | (?P<straight>[^'’\n]*(?:IN_WORD[^'’\n]*)*)(?:CLOSES|$))
""".replace("OWNING", OWNING)
    .replace("IN_WORD", IN_WORD)
    .replace("CLOSES", CLOSES)
    .replace("ELIDED", ELIDED),
    re.VERBOSE | re.MULTILINE,
)


@dataclass(frozen=True)
class Quotation:
    start: int  # offset of the opening mark in the text
    end: int  # offset after the closing mark (or the paragraph's end)
    text: str  # the words between the marks
    closed: bool  # False when it runs to the end of its paragraph
    paragraph: int  # index of its paragraph
    block: bool = False  # a whole paragraph set as a quotation, without marks


def find_quotations(paragraphs: list[tuple[int, str]]) -> list[Quotation]:
    """Quotations of (offset, paragraph) pairs, in text order; `paragraph` indexes the list."""
    found: list[Quotation] = []
    for index, (offset, text) in enumerate(paragraphs):
        if index and _introduces(paragraphs[index - 1][1]) and not MARK.search(text.rstrip(BLOCK_END)):
            found.append(Quotation(offset, offset + len(text), text.strip(), True, index, block=True))
        else:
            found.extend(_in_paragraph(index, offset, text))
    return found


# Any quotation mark.
MARK = re.compile(r"[\"“”„«»]")
# A paragraph that ends by introducing a speech set as its own paragraph, without marks.
INTRODUCES = re.compile(
    r"""\b(?:said|says|told|added|wrote|writes|stated|declared|explained)\b[^.!?"“”]*:\s*$   # "Sunak said:"
      | (?:^|[.!?]\s+)[^.!?"“”]{0,60}\b(?:said|says|added|wrote)\s*$   # a last sentence without marks that ends
                                                                   # with its verb and no stop ("He said")
    """,
    re.VERBOSE,
)
# What may close such a paragraph besides its words: a stray closing mark left by the scrape.
BLOCK_END = ' .”"'


def _introduces(paragraph: str) -> bool:
    return INTRODUCES.search(paragraph[-200:]) is not None


# A paragraph whose opening mark was lost: words from its start to a closing mark after a stop or
# comma, then a reporting clause ("... may be an indication," he said.).
UNOPENED = re.compile(
    r"""^(?P<said>[^"“”„«»\n]{20,}?[,.!?])["”]     # the words from the paragraph's start, and the closing mark
        (?=\s+(?:[A-Z][\w.'’-]*\s+){0,3}            # then a name's first words ("Alan Mendoza said")
           (?:he|she|they|[A-Z][\w'’-]+)\s+         # and a pronoun or a name's last word
           (?:said|says|added|told|wrote)            # before a reporting verb
         | \s+(?:said|says|added|wrote)\b)          # or the verb first ("..., said Alan Mendoza")
    """,
    re.VERBOSE,
)

# The same loss after a reporting clause and its colon inside the paragraph: "She added: We cannot
# defend the skies alone.”" (words from the colon, opening with a capital, to the closing mark).
COLON_UNOPENED = re.compile(
    r"""\b(?:said|says|told|added|wrote|writes|stated|declared|explained)\b  # "She added:", "told the BBC:",
        (?:\s+[\w.'’-]+){0,3}:\s+                              # at most three words before the colon
        (?P<said>[A-Z][^"“”„«»\n]{20,}?[,.!?])["”](?=\s|$)     # the words and the closing mark, nothing opened
    """,
    re.VERBOSE,
)
# Opening marks that a closing mark after them may belong to.
OPENING = re.compile(r"[“„«]|(?:^|(?<=\s))\"")


def _colon_unopened(text: str) -> re.Match[str] | None:
    """COLON_UNOPENED's speech, where no mark opened before it is left open at its colon."""
    found = COLON_UNOPENED.search(text)
    if found is None:
        return None
    before = text[: found.start()]
    opened = [m.start() for m in OPENING.finditer(before)]
    closed = [i for i, ch in enumerate(before) if ch in "”»" or (ch == '"' and i and not before[i - 1].isspace())]
    return found if not opened or (closed and closed[-1] > opened[-1]) else None


# Where a sentence ends inside such words: a stop, then a space and a capital.
SENTENCE_END = re.compile(r"(?P<word>[\w.’'-]*)[.!?]\s+(?=[A-Z])")
# Words before a stop that do not end a sentence ("Lt. Col. Anna Weber").
ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "st", "jr", "no", "vs", "ft", "mt", "rep", "sen", "gov"}  # civil
    | {"gen", "col", "lt", "sgt", "capt", "maj", "adm", "cmdr"}  # military ranks
)
# Words of a speaker's own voice: a sentence before the last one that has them is part of the speech.
FIRST_PERSON = re.compile(r"\b(?:I|us|(?i:we|our|ours|my|me|you|your))\b")


def _speech_start(said: str) -> int:
    """Where the speech of an unopened paragraph starts in `said`: after the last sentence
    boundary when the sentences before it narrate ("Germany sent tanks. The crews are ready,"
    said Anna Weber), at its start when they speak in the first or second person."""
    ends = [m.end() for m in SENTENCE_END.finditer(said) if m.group("word").lower() not in ABBREVIATIONS]
    if not ends or FIRST_PERSON.search(said[: ends[-1]]):
        return 0
    return ends[-1]


def _in_paragraph(index: int, offset: int, text: str) -> list[Quotation]:
    unopened = UNOPENED.match(text)
    if unopened:
        said = unopened.group("said")
        start = _speech_start(said)
        head = Quotation(offset + start, offset + unopened.end(), said[start:].strip(), True, index)
        rest = _in_paragraph(index, offset + unopened.end(), text[unopened.end() :])
        return [head, *rest] if len(head.text.split()) >= MIN_QUOTE_WORDS else rest
    colon = _colon_unopened(text)
    if colon:
        said = colon.group("said")
        head = Quotation(offset + colon.start("said"), offset + colon.end(), said.strip(), True, index)
        before = _in_paragraph(index, offset, text[: colon.start("said")])
        return [*before, head, *_in_paragraph(index, offset + colon.end(), text[colon.end() :])]
    doubles = [_quotation(m, index, offset, text) for m in DOUBLE.finditer(text)]
    taken = [(q.start - offset, q.end - offset) for q in doubles]
    singles = [
        _quotation(m, index, offset, text)
        for m in SINGLE.finditer(text)
        if not any(a <= m.start() < b for a, b in taken)
    ]
    quotations = _join_split_heads(sorted(doubles + singles, key=lambda q: q.start), text, offset)
    return [q for q in quotations if len(q.text.split()) >= MIN_QUOTE_WORDS]


# What stands between the two parts of a sentence of speech split by its reporting clause: the
# clause, set off by commas, with no stop or quotation mark in it ("“We will,” Berg said, “send").
SPEECH_TAG = re.compile(r"""^\s*,?\s*(?P<tag>[^"“”„«».!?\n]{1,80}),\s*$""")
# Most words of such a clause: a speaker's name with a title and a hearer ("Defence Minister Anna
# Berg told reporters on Monday"); a longer stretch is narration with a clause of its own.
SPEECH_TAG_WORDS = 10
# Words that open a clause of narration, not a reporting clause ("“...,” while Berg said, “...”").
NARRATION_OPENS = re.compile(
    r"""^(?:and|but|or|so                                # a coordinated clause
        |while|whereas|as|though|although                # a contrast
        |when|because|after|before|if)\b                 # a clause of time, cause or condition
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Where a sentence opens before the first part: the paragraph's start, or a stop and a space. A
# short quotation inside a sentence ("the situation is “under control,” while Berg said, “...”")
# is a phrase cited, not the start of the speech that follows.
SENTENCE_OPEN = re.compile(r"(?:^|[.!?:][\"”’)]?)\s*$")


def _join_split_heads(quotations: list[Quotation], text: str, offset: int) -> list[Quotation]:
    """A closed quotation too short to stand as a quotation of its own ("We will,") whose sentence
    goes on, in lower case, in the next quotation after a reporting clause speaks both parts: its
    text holds the whole sentence, its span stays the first part's (the reporting clause between
    stays readable for the speaker). The second part stays a quotation of its own too."""
    out = list(quotations)
    for i, (head, rest) in enumerate(pairwise(quotations)):
        if len(head.text.split()) >= MIN_QUOTE_WORDS or not head.closed or not rest.text[:1].islower():
            continue
        tag = SPEECH_TAG.match(text[head.end - offset : rest.start - offset])
        if tag and _splits(tag.group("tag")) and SENTENCE_OPEN.search(text[: head.start - offset]):
            out[i] = replace(head, text=f"{head.text} {rest.text}")
    return out


def _splits(tag: str) -> bool:
    """A reporting clause short enough to stand between two parts of one sentence."""
    words = len(tag.split())
    return words <= SPEECH_TAG_WORDS and SAY.search(tag) is not None and not NARRATION_OPENS.match(tag.strip())


def _quotation(match: re.Match[str], index: int, offset: int, text: str) -> Quotation:
    name, said = next((n, g) for n, g in match.groupdict().items() if g is not None)
    closed = match.end() > match.end(name) or text.startswith("“", match.end())  # a closing mark or the next
    # quotation's opening one, not the paragraph's end
    return Quotation(offset + match.start(), offset + match.end(), said.strip(), closed, index)


QUOTE_MARKS = "\"“”„«»‘’'"


def mask(text: str, spans: list[tuple[int, int]], fill: str = "x") -> str:
    """The text with each span's inside (not its marks) replaced by `fill`: sentence splitting
    and name finding then see a quotation as one opaque word."""
    chars = list(text)
    for start, end in spans:
        for i in range(start + (chars[start] in QUOTE_MARKS), end - 1):
            if chars[i] != "\n" and not (i == end - 2 and chars[i] in ".!?"):  # its last stop ends a sentence
                chars[i] = fill
    return "".join(chars)


# A quotation closed within its paragraph.
QUOTATION = re.compile(r'"[^"\n]*"|“[^”\n]*”|«[^»\n]*»')


def quoted_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in QUOTATION.finditer(text)]


def inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < offset < end for start, end in spans)
