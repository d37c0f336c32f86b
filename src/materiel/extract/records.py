"""Records as sources: the nouns of a record that can speak for someone ("customs data show", "a
list published by the government"), the verbs by which someone gives a record out or carries
another's words, and what "per" and "citing" may cite. `reporting.py` reads the sentence's
reporting words with them.
"""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract.context import REFERENCES
from materiel.extract.source_names import CITED_SPEAKERS, STATEMENTS

# Nouns of a record, whose subject use with a verb of showing makes a source.
RECORDS = {
    "data",
    "datum",
    "figure",
    "report",
    "record",
    "document",
    "image",
    "footage",
    "photo",
    "analysis",
    "study",
    "statistic",
    "video",
    "recording",
    "cable",
    "imagery",
    "database",
    "survey",
    "information",
    "tracker",  # "the Kiel Institute's Ukraine Support Tracker shows"
    "list",  # "a list published by the government", "the ministry's list shows"
    "tally",
    "count",
    "dataset",
    "register",
    "readout",  # "per a Pentagon readout", "the White House readout shows"
    "transcript",  # "according to a transcript of the call"
    "filing",  # "court filings show", "according to a regulatory filing"
    "memo",  # "a leaked memo shows"
    "memorandum",
    "manifest",  # "the ship's manifest shows"
    "invoice",  # "customs invoices show"
    "log",  # "flight logs show"
    "investigation",  # "a journalistic investigation showed that ...", "an investigation published by"
    "inquiry",  # "the parliamentary inquiry found that ..."
}

# What someone wrote or put out, beside the records: the statements that say, and the written
# words an article quotes ("the letter said", "the indictment says", "the post reads").
WRITTEN = RECORDS | STATEMENTS | {"letter", "indictment", "investigation", "assessment", "post", "tweet", "text"}


# Verbs by which someone gives a record out or gets hold of it: whoever did is its source
# ("information provided by the Federal Government", "footage released by the ministry", "data
# compiled by the Kiel Institute", "documents seen by Reuters"); not "tanks built by Rheinmetall".
RECORD_GIVING = {
    "provide",
    "publish",
    "release",
    "issue",
    "compile",
    "obtain",
    "see",
    "review",
    "collect",
    "gather",
    "share",
    "post",
    "leak",
    "circulate",
    "broadcast",
    "air",
    "verify",
    "geolocate",
}


# What someone said that a participle says who aired or carried ("remarks broadcast by state TV",
# "comments carried by Interfax"); these are no records a verb of showing has for subject.
SPOKEN = {"remark", "comment", "interview", "speech"}


def record_given(verb: Token) -> bool:
    """A participle that says who gave out or obtained the record it qualifies."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and verb.lemma_.lower() in RECORD_GIVING | CARRYING
        and verb.head.lemma_.lower() in RECORDS | SPOKEN
    )


# Verbs by which an outlet carries someone's words ("comments carried by the Tasnim agency").
CARRYING = {"carry", "run", "quote", "report"}


def named_or_record(cited: Token) -> bool:
    """What "per" cites as a source: a name or a record ("per Reuters", "per a Pentagon
    statement"), not a unit ("$100 per shell", "per day", "per capita")."""
    lemma = cited.lemma_.lower()
    return cited.pos_ == "PROPN" or (cited.pos_ == "NOUN" and lemma in CITED_SPEAKERS | RECORDS | REFERENCES)


def cites_someone(cited: Token) -> bool:
    lemma = cited.lemma_.lower()
    return cited.pos_ != "NOUN" or lemma in CITED_SPEAKERS or lemma in RECORDS or lemma in REFERENCES
