"""How a candidate speaker's mention stands to a reporting verb in its sentence: its subject ("X
said", with an apposition between), the name after it ("said X"), its hearer ("told X"), its
source ("according to X"), a clause running on to a colon before the quotation; and whether a
preposition governs the mention or it quotes someone else ("X quoted him as saying"); and
whether it is the subject of the quotation's own reporting clause (`own_clause`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from materiel.extract.mentions import Mention
from materiel.extract.quotations import Quotation
from materiel.extract.speakerwords import DESCRIBING, FRAMES, PERSON_ROLES, SAY, TITLES

if TYPE_CHECKING:
    from materiel.extract.speakers import Setting

SAY_PATTERN = SAY.pattern
# "Anna Berg, the defence minister, said": a subject, an apposition, then the verb.
SUBJECT_BEFORE_VERB = r"""^(?:\s*\([^()\n]{1,40}\))?            # an abbreviation in brackets ("(MoD)")
        (?:\s*,[^,“”"«»\n]{0,130},)?                     # an apposition between commas
        (?:\s*[–—][^–—“”"«»\n]{1,130}[–—])?              # or between dashes ("Bear – a call-sign – said")
        (?:\s*,)?                                        # the closing comma of one opened before
        (?:\s*who\b)?                                   # a relative clause's subject ("Berg, who called it")
        \s*(?:(?:has|had|have|also|later|then|was|were|is|would|will|further|previously|once|
              \w+ly)\s+)*                               # auxiliaries and adverbs
"""
SUBJECT_OF = re.compile(SUBJECT_BEFORE_VERB + "(?:" + SAY_PATTERN + ")", re.VERBOSE | re.IGNORECASE)
# "Anna Berg called the plan “...”": the subject of a verb that frames a partial quotation.
FRAMER_OF = re.compile(SUBJECT_BEFORE_VERB + "(?:" + FRAMES.pattern + ")", re.VERBOSE | re.IGNORECASE)
# A lower-case noun that describes the person named after it ("researcher", "resident").
DESCRIBED_NOUN = r"(?-i:(?:" + "|".join(sorted(DESCRIBING | PERSON_ROLES)) + r")s?)"
# Role nouns of a speaker named after them ("said defence ministry adviser Oleh Marchenko").
NAMED_ROLE = r"(?-i:(?:" + "|".join(sorted(PERSON_ROLES | DESCRIBING)) + r")s?)"
# "said Anna Berg", "told reporters Anna Berg" is rare: "told X" makes X the hearer.
AFTER_VERB = re.compile(
    r"(?P<verb>" + SAY_PATTERN + r")\s*,?\s*"
    r"(?:(?:the|a|an|its|his|her|their)\s+(?:[\w-]+\s+){0,2})?"  # a determiner, modifiers ("said a technical adviser")
    r"(?:(?:[a-z-]+\s+){0,2}" + NAMED_ROLE + r",?\s+)?"  # modifiers and a role ("ministry adviser", "executive, ")
    r"(?:(?-i:[A-Z][\w.-]*\s+){1,3}" + DESCRIBED_NOUN + r"\s+)?"  # a place and a describing noun ("SIPRI researcher")
    r"(?-i:[A-Z][\w.-]*\s+){0,4}$",  # capitalised words before the name ("said Defence Minister")
    re.VERBOSE | re.IGNORECASE,
)
# A verb right after a name: "said Blair was ..." makes the name the subject of the reported
# clause, not of the reporting verb before it.
CLAUSE_VERB = re.compile(
    r"""\s+(?:was|is|are|were|has|had|have|would|will|could|should|can|may|might|must|did|does   # auxiliaries
        |(?!(?:indeed|this|thus|plus|as|its|his|us|was|is|has|does)\b)[a-z]{3,}(?:ed|es)      # a past or present verb
        |made|took|gave|sent|told|knew|saw|got|went|wants|needs|plans|hopes|thinks|says)\b""",  # "said Biden made"
    re.VERBOSE,
)
HEARER_VERB = re.compile(
    r"""\b(?:(?:told|tells|tell|telling|asked|asks|asking)\s+(?:the\s+)?(?-i:[A-Z][\w.-]*\s+){0,3}  # "told Minister X"
        |(?:to|with|by|for)\s+(?:the\s+)?)$""",  # "spoke to X", "met with X"
    re.VERBOSE | re.IGNORECASE,
)
# "quoted X", "citing X"; not "was quoted as telling X" (the one quoted speaks, X hears), nor "was
# quoted by X as saying" (X reports).
ACCORDING = re.compile(
    r"\b(?:according\s+to|in\s+the\s+words\s+of|cited|quoting|citing|quoted)\s+(?!as\s|by\s)"  # "in the words of X"
    r"(?:the\s+|a\s+)?(?:[\w.’'-]+\s+){0,4}$",  # "Russia’s"
    re.IGNORECASE,
)
# "according to the commander of the base, Colonel Anna Berg": the name set off after the source's
# role noun (lower-case, past a determiner), a title allowed before it; the name is the source only
# where its apposition closes after it (see APPOSITION_CLOSED), not in "according to a report,
# Berg said", where it opens a clause of its own.
ACCORDING_APPOSED = re.compile(
    r"""\b(?:according\s+to|in\s+the\s+words\s+of)\s+
        (?:the|a|an|its|their)\s+(?-i:[a-z][\w’'-]*)(?:\s+[\w.’'-]+){0,5},\s+  # "the commander of the base, "
        (?-i:[A-Z][\w.-]*\s+){0,3}$                                            # a title ("Colonel")
    """,
    re.VERBOSE | re.IGNORECASE,
)
# "said the chief of the shipyard, Per Ekdahl": the name set off after the role noun that follows the
# verb of saying (as ACCORDING_APPOSED), where its apposition closes after it; not after a verb of
# telling, whose object hears ("told the head of the agency, Jon Aas, that").
INVERTED_APPOSED = re.compile(
    r"(?P<verb>"
    + SAY_PATTERN
    + r""")\s+
        (?:the|a|an|its|their)\s+(?-i:[a-z][\w’'-]*)(?:\s+[\w.’'-]+){0,5},\s+  # "the foreman, "
        (?-i:[A-Z][\w.-]*\s+){0,3}$                                            # a title ("Colonel")
    """,
    re.VERBOSE | re.IGNORECASE,
)
TELLING = re.compile(r"tells?|told", re.IGNORECASE)
# What closes an apposition right after the name: a comma, the sentence's end, a quotation mark.
APPOSITION_CLOSED = re.compile(r"^\s*(?:[,.;]|[“”\"]|$)")

# The mention's clause runs on to a colon right before the quotation ("Kasparov urged haste: "...").
COLON = re.compile(r"^[^.!?:;“”\"«»]{0,120}:\s*$")

# A possessive ending right after a mention: "Beijing’s “attempts to change the status quo”" names
# whose words or deeds are quoted, not who quotes them.
POSSESSIVE = re.compile(r"['’]s\b")
# A preposition just before a mention, past a determiner and up to two modifiers: the mention is
# the object of a phrase ("the inspectors of three agencies stated", "aid to Ukraine stated"), not
# the subject of the verb after it.
GOVERNED = re.compile(
    r"""\b(?:of|to|with|by|about|from|for|against|at|into|in|on|under|between)\s+(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){0,2}$
      # a capitalised preposition right before the mention or its determiner: "In a statement, the
      # ministry said" (not "On Monday Berg said", where Monday is the object)
      |\b(?:In|On|With|From|By|For|At|Under|To|About|Into|Against|Between)\s+(?:(?:the|a|an)\s+)?$""",
    re.VERBOSE,
)
# A title's own "of" or "for" phrase right before a name: "Secretary of Defense Anna Berg said",
# "Minister for Foreign Affairs Anna Berg", "Chairman of the Joint Chiefs of Staff Jon Berg" name
# their holder, whom no preposition governs. Case-sensitive: the words after the preposition are
# capitalised, and the word before it is a title (see TITLES).
TITLE_PHRASE = re.compile(
    r"""(?P<title>[A-Z][\w-]*)\s+(?:of|for)\s+    # the title ("Secretary", "Secretary-General")
        (?:the\s+)?(?:[A-Z][\w’'.-]*\s+){1,5}$     # its capitalised object ("Defense", "the Joint Chiefs")
    """,
    re.VERBOSE,
)
# A mention that ends a prepositional phrase is what the phrase's head noun is about, so a reporting
# verb after it has that head for subject: "the head of the defence ministry said", "officials in
# Oslo said" (the ministry and Oslo do not speak). Case-sensitive: a capitalised word between the
# preposition and the name makes it a title ("Secretary of State Anna Berg said").
IN_PHRASE = re.compile(
    r"""\b[\w’'-]+\s+                                         # the head ("head", "officials", "Agency in Oslo")
        (?:of|for|at|in|from|to|with|about|on|under|between|against|into)\s+  # not "by", which names an agent
        (?:(?:the|a|an|its|his|her|their)\s+)?                 # a determiner
        (?:[a-z][\w’'-]*\s+){0,2}$                             # lower-case modifiers ("defence", "armed forces")
    """,
    re.VERBOSE,
)

# "report" as the verb of the reporting clause right after a quotation: its subject ("“...,” WAFA
# reported") or the name after it ("“...,” reports The Atlantic"). Elsewhere the word is often a
# noun ("reports say") or frames a claim more than words, so it counts as a verb of saying only
# there, where nothing but the quotation's comma stands between ("“....” WAFA reported that" opens
# another sentence), and only where no verb of saying comes before the quotation in its sentence:
# in "The letter said it was “...,” Kyodo reported", the letter speaks and Kyodo reports it.
REPORTED_BY = re.compile(r"^\s*(?:has\s+|had\s+|also\s+|later\s+)?report(?:s|ed)\b", re.IGNORECASE)
REPORTS_NAME = re.compile(r"^[\s,]*report(?:s|ed)\s+(?:the\s+)?$", re.IGNORECASE)
RIGHT_AFTER = re.compile(r"^[\s,]*$")

# Characters of text after a mention in which its reporting verb must begin.
VERB_REACH = 140

# "quoted X as saying" right after a mention: the mention reports someone else's words.
QUOTER = re.compile(
    r"""\s+(?:(?:has|had|have|also|later|was)\s+)?quoted\s+(?!as\b|by\b)   # "quoted", not "quoted as"
        [\w’'.-]+(?:\s+[\w’'.-]+){0,3}?\s+as\s+(?:saying|telling|stating)\b  # whom, "as saying"
    """,
    re.VERBOSE | re.IGNORECASE,
)


def quoter(mention: Mention, setting: Setting) -> bool:
    """The mention quotes someone else ("The newspaper quoted him as saying"): it does not speak."""
    return mention.kind != "pronoun" and QUOTER.match(setting.masked, mention.end) is not None


def governed(masked: str, start: int) -> bool:
    """A preposition governs the mention at `start`, unless it is a title's own (see TITLE_PHRASE)."""
    before = masked[max(0, start - 40) : start]
    return GOVERNED.search(before) is not None and not titled(masked, start)


def titled(masked: str, start: int) -> bool:
    """The words right before `start` are a title with its own "of" or "for" phrase (see
    TITLE_PHRASE): "Minister of Defence Anna Berg" names its holder, no preposition's object."""
    title = TITLE_PHRASE.search(masked[max(0, start - 80) : start])
    return title is not None and all(part in TITLES for part in title["title"].split("-"))


def own_clause(quote: Quotation, mention: Mention, setting: Setting, features: dict[str, float]) -> bool:
    """A name or role noun (not a pronoun) that is the subject of the reporting verb of the
    quotation's own sentence: right after it ("“...,” the German chancellor said", "“...,” said
    Berg"), or before it as the subject of a finite verb ("Berg said on Monday that “...”"); not the
    subject of a participle ("Japan's new command, saying that “...”" belongs to the clause's
    subject) nor a name after a verb that opens a reported clause ("He said Britain “has ...”")."""
    if mention.kind == "pronoun" or features.get("governed") or features.get("possessive"):
        return False
    if mention.kind == "role_org" and (mention.antecedent is not None or ISSUED_BY.match(setting.masked, mention.end)):
        return False  # "reads the statement": whose statement is a guess; "the statement by X": X's
    sentence = setting.sentences[mention.sentence]
    if features.get("at=same_after"):
        said = features.get("verb=subject") or features.get("verb=inverted")
        return bool(said) and _attached(setting.masked[quote.end : mention.start]) and not _participle(mention, setting)
    if not features.get("at=same_before") or not features.get("verb=subject"):
        return False
    clause = setting.masked[mention.end : min(sentence.end, quote.start)]
    return SUBJECT_OF.match(clause) is not None and not _participle(mention, setting)


# What may stand between a quotation and the subject of its reporting clause after it: the
# quotation's comma, the verb, a determiner and modifiers ("," said the German"); not a clause of
# its own ("..." where Berg told him) nor a preposition that governs the name.
ATTACHED = re.compile(r"^[\s,.!?;:—–-]*(?:[\w’'-]+\s+){0,5}$")
# Words that open a clause of its own, and prepositions that govern a name ("reads the statement by X").
CLAUSE_OPENERS = {"where", "which", "who", "when", "while", "that", "because", "after", "before", "and", "but", "as"}
NOT_ATTACHED = CLAUSE_OPENERS | {"if", "by", "of", "from", "for", "with", "to", "in", "on", "at"}


# A document's issuer named after it ("the statement by Prime Minister Anna Holm").
ISSUED_BY = re.compile(r"\s+(?:by|from|of)\s+(?:the\s+)?[A-Z]")


def _attached(between: str) -> bool:
    return ATTACHED.match(between) is not None and not NOT_ATTACHED & set(between.lower().split())


def _participle(mention: Mention, setting: Setting) -> bool:
    """The reporting verb the mention is the subject of is a participle ("X, saying that")."""
    sentence = setting.sentences[mention.sentence]
    said = SUBJECT_OF.match(setting.masked[mention.end : sentence.end])  # a slice: the pattern opens with ^
    return said is not None and said.group().rstrip().lower().endswith("ing")


def verb_features(mention: Mention, setting: Setting, quote: Quotation) -> dict[str, float]:
    """How the mention stands to a reporting verb in its sentence."""
    sentence = setting.sentences[mention.sentence]
    after = setting.masked[mention.end : min(sentence.end, mention.end + VERB_REACH)]
    before = setting.masked[max(sentence.start, mention.start - 60) : mention.start]
    owner = bool(POSSESSIVE.match(setting.masked, mention.end))
    subject = bool(SUBJECT_OF.match(after)) and not _ends_clause(mention, setting, after)
    in_phrase = mention.kind != "pronoun" and bool(IN_PHRASE.search(before))  # "he" is never a phrase's object
    found = {
        "subject": subject and not in_phrase,
        "phrase_subject": subject and in_phrase,  # "the head of the ministry said": the head speaks
        "framer": bool(FRAMER_OF.match(after)),
        "inverted": (
            bool(AFTER_VERB.search(before))
            and not HEARER_VERB.search(before)
            and not CLAUSE_VERB.match(setting.masked, mention.end)
        )
        or _inverted_apposed(before, after),
        "hearer": bool(HEARER_VERB.search(before)) and not ACCORDING.search(before),  # not "according to X"
        "according": (bool(ACCORDING.search(before)) and not owner)  # not "Russia" of "according to Russia’s army"
        or (bool(ACCORDING_APPOSED.search(before)) and bool(APPOSITION_CLOSED.match(after))),
        "colon": bool(COLON.match(setting.masked[mention.end : quote.start])) if mention.end <= quote.start else False,
    }
    if _reported_after(mention, setting, quote):
        between = setting.masked[quote.end : mention.start]
        found["subject"] |= bool(RIGHT_AFTER.match(between) and REPORTED_BY.match(after))
        found["inverted"] |= bool(REPORTS_NAME.match(between))
    return {f"verb={name}": 1.0 for name, hit in found.items() if hit}


# A participle of saying after a comma ("..., saying that"): its subject is its clause's subject.
PARTICIPLE_AFTER_COMMA = re.compile(
    r"^\s*,\s*(?:\w+ly\s+)?(?:saying|adding|stating|noting|writing|warning|insisting|arguing|declaring)\b"
)


def _inverted_apposed(before: str, after: str) -> bool:
    """The name set off after the role noun following a verb of saying (see INVERTED_APPOSED)."""
    found = INVERTED_APPOSED.search(before)
    return found is not None and not TELLING.fullmatch(found["verb"]) and bool(APPOSITION_CLOSED.match(after))


def _ends_clause(mention: Mention, setting: Setting, after: str) -> bool:
    """The mention ends a clause whose subject is named before it, right before a participle of
    saying ("Onufriy compared the president to Yaroslav the Wise, saying that ..."): the object
    of that clause, not the participle's subject."""
    first = setting.leading.get(mention.sentence, mention.start)
    return first < mention.start and PARTICIPLE_AFTER_COMMA.match(after) is not None


def _reported_after(mention: Mention, setting: Setting, quote: Quotation) -> bool:
    """The mention stands after a quotation whose sentence goes on past it (its words end with a
    comma) and has no reporting verb before it (see REPORTED_BY)."""
    if mention.start < quote.end or not quote.text.rstrip().endswith(","):
        return False
    sentence = setting.sentences[mention.sentence]
    return sentence.start <= quote.start and not SAY.search(setting.masked, sentence.start, quote.start)
