"""How a source's name is read off the parse: the words that belong to it, and whether a
reference noun ("the newspaper", "the report") names its own source or points back at one."""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Token

from materiel.extract.relativespeakers import TRAILING_RELATIVE

# Words before a reference noun that say whose reports they are ("media reports", "press reports",
# "a U.S. intelligence report").
GENERIC_REPORTERS = {"media", "press", "news", "intelligence"}
# Words before a reference noun that make it a state's body or its record, not an outlet named
# before ("South Korea's spy agency", "the customs agency", "the government's annual report", "a
# congressional report"): it is named as written.
# An inquiry's words ("commission", "committee", "panel") are here too: "the commission's report" is
# an inquiry's record, not an outlet's.
STATE_BODIES = {
    "spy", "security", "space", "defence", "defense", "procurement", "government", "military", "customs",
    "ministry", "parliamentary", "congressional", "commission", "committee", "panel"
}  # fmt: skip
# Prepositions after a reference noun that introduce the one who made or carried it ("the report
# from the Kiel Institute", "a report by Amnesty", "a report in the Daily Mercury newspaper").
MAKER_PREPOSITIONS = ("from", "of", "by", "in")
# Entity types of a proper noun before a reference noun that do not name it ("the British Sunday
# paper", "a Russian daily").
NOT_NAMES = {"DATE", "NORP", "GPE", "TIME"}


def names_itself(head: Token) -> bool:
    """A reference noun that carries its own name or kind, so it is not "the newspaper" named
    earlier: "the Tasnim news agency", "the report from the Kiel Institute", "media reports",
    "a report in the Daily Mercury newspaper", "a report published by the Finnish government"."""
    for child in head.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and any(c.dep_ == "agent" for c in child.children):
            return True  # its maker in a participle's "by"
        if child.dep_ == "appos" and child.pos_ == "PROPN":  # "the outlet Militarnyi"
            return True
        if child.dep_ in ("compound", "poss") and child.pos_ == "PROPN" and child.ent_type_ not in NOT_NAMES:
            return True
        if child.dep_ in ("compound", "amod", "poss") and child.lower_ in GENERIC_REPORTERS | STATE_BODIES:
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in MAKER_PREPOSITIONS
            and any(t.pos_ == "PROPN" and t.ent_type_ not in NOT_NAMES for t in child.subtree)
        ):
            return True
    return False


def kept(token: Token) -> bool:
    """A word of a name: not a relative clause, and no punctuation but a hyphen inside a word
    ("Iran-watchers")."""
    if token.dep_ == "punct":
        return token.text == "-" and token.i > 0 and not token.whitespace_ and not token.nbor(-1).whitespace_
    return token.dep_ != "relcl"


def appositive_person(head: Token) -> str | None:
    """The person a title names in apposition, however long the title ("Former Speaker of the
    House, Newt Gingrich", "the President of the United States Joe Biden")."""
    for child in head.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            return next((e.text for e in head.doc.ents if e.start <= child.i < e.end), None)
    return None


def joined(tokens: list[Token]) -> str:
    """The words as printed where they follow each other ("semi-official"), a space at a gap."""
    text = "".join(t.text + (t.whitespace_ if n.i == t.i + 1 else " ") for t, n in pairwise(tokens))
    text += tokens[-1].text if tokens else ""
    return re.sub(r"\s+", " ", text).replace(" 's", "'s").strip(" ,.")


# Common nouns that name who a report cites ("citing US officials", "citing several analysts");
# another common noun is the reason given ("citing Russia's war", "citing growing frustration").
CITED_SPEAKERS = {
    "official",
    "source",
    "analyst",
    "expert",
    "diplomat",
    "figure",
    "person",
    "people",
    "officer",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ministry",
    "minister",
    "government",
    "agency",
    "intelligence",
    "observer",
    "lawmaker",
    "aide",
    "commander",
    "researcher",
    "witness",
    "resident",
    "statement",
    "author",
    "journalist",
    "correspondent",
    "insider",
    "executive",
    "investigator",
    "prosecutor",
    "inspector",  # "investigators believe", "according to prosecutors"
}


# Verbs that report only with a statement for object, whose subject then speaks ("the ministry
# issued a statement saying", "Modi made the announcement", "the White House released a readout",
# "the paper made prominent mention of the deal").
STATEMENT_VERBS = {"issue", "make", "release", "give"}
STATEMENTS = {
    "statement",
    "announcement",
    "notice",
    "notification",
    "communique",
    "readout",
    "declaration",
    "briefing",
    "mention",
}


# Verbs that put their speaker after them at a sentence's end, which the parser reads as an
# object ("..., writes Mediapart.", "..., reports Kommersant.").
INVERTED_VERBS = {"write", "report", "say"}


def inverted_speakers(token: Token, lemma: str) -> list[Token]:
    """The speaker of a reporting verb that follows a comma and ends its sentence with a name
    (a quoted title too, however the parser tags it: ..., writes "mediapart".)."""
    if lemma not in INVERTED_VERBS or token.i == 0 or token.nbor(-1).text != ",":
        return []
    names = [
        c
        for c in token.children
        if (c.dep_ == "dobj" and c.pos_ == "PROPN") or (c.i > token.i and c.dep_ != "punct" and quoted_title(c))
    ]
    after = [t for t in token.doc[token.i + 1 : token.sent.end] if t.dep_ != "punct"]
    return names if names and all(t.i <= names[0].right_edge.i for t in after) else []


# Marks that open and close a quotation.
QUOTE_MARKS = {'"', "“", "”", "„", "«", "»"}
# A quoted title is a name of a few words; a longer quotation is what someone said.
MAX_TITLE_TOKENS = 5


def quoted_title(head: Token) -> bool:
    """A short name printed in quotation marks, the way many papers print a publication's title
    ('as reported by "Zeit"', 'writes "mediapart"')."""
    words = [t.i for t in head.subtree if t.dep_ != "punct"]
    if not words:  # the parser took a quotation mark itself for the name
        return False
    start, end = min(words), max(words)
    doc = head.doc
    if start == 0 or end + 1 >= len(doc) or end - start + 1 > MAX_TITLE_TOKENS:
        return False
    return doc[start - 1].text in QUOTE_MARKS and doc[end + 1].text in QUOTE_MARKS


# The plural records a sentence cites by what they show: figures and papers, and pictures ("satellite
# imagery shows", "AFP photos showed", "video footage shows").
RECORD_NOUNS = r"""(?:data|figures|records|documents|statistics|images|imagery|recordings|cables
    |photos|photographs|pictures|footage|videos|filings|memos?|memorand(?:um|a)|manifests?|invoices|logs)"""
# One record a sentence ends on by what it shows, named by whose it is ("..., SIPRI's database
# shows.", "..., a Pentagon report shows."): the parser reads "shows" as a noun after it.
ONE_RECORD = r"""(?:database|dataset|tracker|list|tally|register|report|study|analysis|survey|count
    |assessment|document|filing|log)"""
# Participles that say who made or holds a record before its maker ("photos taken by AFP", "images
# published by the ministry", "documents seen by Reuters").
MAKING = r"""(?:taken|published|posted|released|obtained|seen|reviewed|analy[sz]ed|filmed|shared|provided
    |compiled|gathered)"""


# A record cited at the end of a sentence, which the parser often reads as a noun phrase
# ("..., Chinese and Ukrainian customs data show.").
TRAILING_RECORD = re.compile(
    rf"""
    ,\s+(?P<name>(?:[\w'’.-]+\s+){{0,5}}?                      # up to six words of its name
        (?:{RECORD_NOUNS}|(?P<one>{ONE_RECORD}))                    # "customs data", "SIPRI's database"
        (?:\s+(?:{MAKING}\s+)?(?:from|by|of|on)\s+(?:[\w'’.&-]+\s+){{0,7}}?[\w'’.&-]+)?)  # whose: "data from the
                                                                  # Kiel Institute", "photos taken by AFP",
                                                                  # "videos posted on social media"
    \s+(?:show|shows|showed|suggest|suggests|indicate|indicates|reveal|reveals)  # what it does
    \W*$                                                          # at the sentence's end
    """,
    re.IGNORECASE | re.VERBOSE,
)

# A record cited at the start of a sentence, whose verb the parser often reads as a noun ("The
# Kiel Institute's data show that ...", "Customs records indicate ...").
LEADING_RECORD = re.compile(
    rf"""
    ^\W*(?P<name>(?:[\w'’.&-]+\s+){{0,5}}?                   # up to six words of its name
        (?:{RECORD_NOUNS})
        (?:\s+(?:{MAKING}\s+)?(?:from|by|of|on)\s+(?:[\w'’.&-]+\s+){{0,7}}?[\w'’.&-]+  # whose: "data
                                                                  # analysed by Reuters"
          | \s+{MAKING}(?:\s+[\w'’.&-]+){{0,3}}?)?)                  # when: "AFP photos taken last week"
    \s+(?:show|shows|showed|suggest|suggests|indicate|indicates|reveal|reveals)  # what it does
    \s+(?:that\b)?                                              # with the clause it reports
    """,
    re.IGNORECASE | re.VERBOSE,
)


# Who reported, learnt or found what the sentence says, named at its end, which the parser often
# hangs on the sentence's last noun ("..., the BBC understands.", "..., an investigation by
# Bellingcat found.", "..., the press service of the Ministry of Defense reports.").
TRAILING_FINDER = re.compile(
    r"""
    ,\s+(?!(?:and|but|or|which|who|that|as|while|he|she|it|they|we|i|this)\b)  # no clause or pronoun
    (?!(?:according|citing|confirming|denying|quoting|following|contrary|amid|despite|after|in|on|per)\b)
                                                                    # no phrase ending on a report noun
                                                                    # (", according to media reports.")
    (?P<name>(?:[\w'’.&-]+\s+){0,9}?[\w'’.&-]+)                     # up to ten words of its name
    \s+(?:has\s+|have\s+)?(?:learned|learnt|understands|found|reports|reported|informs|writes|wrote  # what it did
      | estimates|estimated|assesses|assessed|concludes|concluded  # what it reckoned: "..., the Atlantic
                                                                    # Council estimates." (a verb read as a noun)
      | claims|alleges)                                             # what it put forward: "..., Kyiv claims."
    \W*$                                                            # at the sentence's end
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A source cited the way Ukrainian and Russian wire copy does ("with reference to the press
# service", "referring to the General Staff"), up to the clause's end.
REFERRING = re.compile(
    r"""
    \b(?:with\s+reference\s+to|referring\s+to)\s+             # the citation
    (?P<name>(?:[\w'’.&-]+\s+){0,9}?[\w'’.&-]+)(?=\s*(?:[,;:]|\W*$))  # up to ten words, to the clause's end
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A proper name set off by what it is, before a verb of saying the parser leaves without a subject
# ("..., the Royal United Services Institute, a defence think tank in London, said in a report").
TRAILING_DESCRIBED = re.compile(
    r"""
    ,\s+(?P<name>(?:the\s+)?[A-Z][\w'’.&-]*                          # a capitalised name
        (?:\s+(?:[A-Z][\w'’.&-]*|for|of|on|the|and|de|du|der))*?)     # "Institute for the Study of War"
    ,\s+(?:a|an|the)\s+[^,;:]{3,80}?,                                  # what it is: ", a think tank,"
    \s+(?:said|says|told|wrote|writes|noted|estimated|added)\b         # the verb of saying, with no
    (?!\s+(?:the|a|an|[A-Z]))                                         # subject after it ("said the report")
    """,
    re.VERBOSE,
)
# Words before a record's noun that do not say whose it is ("The figures show", "New data show").
UNOWNED = {"the", "these", "those", "such", "new", "latest", "recent", "official", "available", "other", "some"}


def bare_record(found: re.Match[str]) -> bool:
    """A leading record named by nothing but its kind ("The data show that ...", "Photos taken last
    week show"): nobody's."""
    words = found.group("name").casefold().split()
    nouns = f"{RECORD_NOUNS}|{ONE_RECORD}"
    kind = next((n for n, w in enumerate(words) if re.fullmatch(nouns, w, re.VERBOSE)), len(words) - 1)
    owned = bool(MAKERS & set(words[kind + 1 :]))  # "data from SIPRI", "photos taken by AFP"
    unowned = UNOWNED | ONE_OF if found.re is TRAILING_RECORD and found.group("one") else UNOWNED
    leading = found.re is LEADING_RECORD or (found.re is TRAILING_RECORD and found.group("one") is not None)
    return leading and all(w in unowned for w in words[:kind]) and not owned


# Articles before one record that say nothing of whose it is ("..., a report shows.").
ONE_OF = {"a", "an", "this", "that"}


# Prepositions after a record's noun that name whose it is.
MAKERS = {"from", "by", "of", "on"}


# A body set off by the short name it is known by, before a verb of saying the parser leaves without
# a subject ("..., Ukraine's military intelligence agency, known as HUR, said").
TRAILING_KNOWN_AS = re.compile(
    r"""
    ,\s+(?P<name>(?:[\w'’.&-]+\s+){0,7}?[\w'’.&-]+)                   # up to eight words of its name
    ,\s+(?:(?:also|better|commonly)\s+)?(?:known\s+as|called)\s+[^,;:]{1,40},  # ", known as HUR,"
    \s+(?:said|says|told|wrote|writes|reported|reports|added)\b         # the verb of saying
    (?!\s+(?:the|a|an|to|[A-Z]))                                       # with no subject after it, nor
    """,  # "said to fly 2,000 km"
    re.VERBOSE,
)
# Writings whose words an article gives after "read" ("The statement from the ministry read:").
WRITINGS = r"""(?:statement|letter|post|message|communiqu[eé]|text|note|release|tweet|declaration|notice)"""
# A writing with whose it is, before or after the words it gives with "read", which the parser often
# takes for a noun ("the Pentagon read"): 'The statement from the Pentagon read: "..."', '"...," a
# letter signed by 40 senators reads.'
WRITING_READ = re.compile(
    rf"""
    (?:^\W*|,\W*\s+)                                            # at the sentence's start, or after
                                                                  # the quotation's comma
    (?P<name>(?:the|a|an)\s+(?:[\w'’.&-]+\s+){{0,3}}?{WRITINGS}   # the writing ("a joint statement")
        \s+(?:(?:signed|issued|released|sent|posted)\s+)?(?:from|by|of)  # whose it is
        \s+(?:[\w'’.&-]+\s+){{0,6}}?[\w'’.&-]+)                    # up to seven words of the name
    \s+(?:read|reads)\b                                           # the verb that gives its words
    (?:,?\s+in\s+part)?                                           # "read, in part:"
    \s*(?:[:,]|\W*$)                                               # before the words, or at the end
    """,
    re.IGNORECASE | re.VERBOSE,
)
TRAILING = (
    TRAILING_RECORD,
    LEADING_RECORD,
    TRAILING_FINDER,
    REFERRING,
    TRAILING_DESCRIBED,
    TRAILING_KNOWN_AS,
    TRAILING_RELATIVE,
    WRITING_READ,
)
RECORD_PATTERNS = (TRAILING_RECORD, LEADING_RECORD)


# Words that make what a pattern took for a name a clause ("..., where the tanks were found",
# "..., when the crews had reported", "X reported that satellite images show").
CLAUSE_WORDS = {
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "had",
    "where",
    "when",
    "whose",
    "whom",
    "what",
    "if",
    "because",
    "after",
    "before",
    "since",
    "until",
    "though",
    "although",
    "so",
    "not",
    "that",  # "Yle reported that satellite imagery shows ...": the record is the outlet's, named by the parse
}


# A state's press, which reports on its government without speaking for it ("German media
# reported", "a Polish newspaper"); its state media and a ministry's press service do speak for it.
PRESS = re.compile(
    r"""
    \b(?:media|newspapers?|papers?|outlets?|broadcasters?|dail(?:y|ies)|magazines?  # the press itself
      |tabloids?|reporters|journalists|television
      |radio|news\ sites?|news\ websites?|news\ portals?          # "Czech Radio", "the news site Seznam"
      |(?<!press\ )tv                                 # not "Press TV", a state's channel
      |press(?!\ (?:officers?|offices?|services?|secretar(?:y|ies)|releases?  # "the press", not a
        |cent(?:er|re)s?|departments?|teams?|attach[eé]s?|tv)\b))\b           # government's press office
    """,
    re.IGNORECASE | re.VERBOSE,
)
# An outlet the state runs, owns or controls, or an official one: not an independent press.
STATE_PRESS = re.compile(r"\bstate(?:-run|-owned|-controlled)?\b|\bofficial\b", re.IGNORECASE)


def independent_press(name: str) -> bool:
    """The source is a country's press, not its state media: "German media", "a Polish paper"."""
    return PRESS.search(name) is not None and STATE_PRESS.search(name) is None


# Voices of a country that watch or judge its government without speaking for it ("the Belarusian
# Hajun monitoring project", "Russian military bloggers", "a Polish think tank").
CIVIL = re.compile(
    r"""
    \b(?:monitor(?:s|ing)?|watchdogs?|projects?                  # "the Hajun monitoring project"
      |analysts?|experts?|researchers?|scholars?|academics?      # "German analysts said"
      |think[-\ ]tanks?|institutes?|foundations?|funds?|universit(?:y|ies)  # "a Polish think tank"
      |bloggers?|activists?|campaigners?|volunteers?|investigators?   # "Russian military bloggers"
      |opposition|dissidents?|exiles?|ngos?|charit(?:y|ies)      # "the Russian opposition"
      |journalists?|reporters?|correspondents?|columnists?|commentators?  # "German journalist Thomas
                                                                 # Wiegold" (one of the press)
      |rights)\b                                                 # "a Ukrainian rights group" (not
                                                                 # "group": the Wagner Group speaks for itself)
    """,
    re.IGNORECASE | re.VERBOSE,
)


def independent_voice(name: str) -> bool:
    """The source is a country's press or civil society, which does not speak for its state."""
    return independent_press(name) or (CIVIL.search(name) is not None and STATE_PRESS.search(name) is None)
