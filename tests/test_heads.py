"""heads.py parses only the sentences whose parse can name a speaker, and parses them as the full
pipeline does (the entity recognizer run only where the parse mending reads an entity type)."""

from __future__ import annotations

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from materiel.extract.heads import _parse, parse_heads
from materiel.extract.nlp import load_model
from materiel.extract.quotations import find_quotations
from materiel.extract.quotes import _setting, english_paragraphs
from tests.builders import article_of

# Sentences the mending changes (a state's name before the object's count read as the dative, a
# subject after "arrived", a double object cut in two) and sentences it leaves alone.
MENDED = [
    "Britain agreed to sell Saudi Arabia 48 Eurofighter jets, the minister said.",
    "Arrived to Ukraine the howitzers from France, Berg said “xxxx”.",
    "Arrived Monday the howitzers, the ministry said.",
    "The United States will send Ukraine 500 Stinger missiles.",
]
PLAIN = ["Berg called the plan “xxxxxxx”.", "Lund said the talks would “xxxx xxx”."]
ATTRIBUTES = [HEAD, DEP, POS, TAG, LEMMA, MORPH]


def test_heads_parse_is_the_pipelines() -> None:
    nlp = load_model()
    texts = MENDED + PLAIN
    for text, doc in zip(texts, _parse(texts), strict=True):
        assert doc.to_array(ATTRIBUTES).tolist() == nlp(text).to_array(ATTRIBUTES).tolist(), text


def test_entities_are_found_only_where_the_mending_reads_them() -> None:
    docs = list(_parse(MENDED[:3] + PLAIN))
    assert [doc.has_annotation("ENT_IOB") for doc in docs] == [True, True, True, False, False]
    assert [t.ent_type_ for t in docs[0] if t.text == "Arabia"] == ["GPE"]


def _parsed(text: str) -> list[str]:
    article = article_of(text)
    paragraphs = english_paragraphs(article)
    setting = _setting(text, paragraphs, find_quotations(paragraphs))
    return [setting.masked[s.start : s.end] for i, s in enumerate(setting.sentences) if i in setting.parses]


def test_only_sentences_that_can_name_a_speaker_are_parsed() -> None:
    text = (
        "Anna Berg called the plan “a grave mistake”.\n\n"  # words before it and a name: parsed
        "“We will send more,” the minister said.\n\n"  # nothing before the quotation
        "They called it “a stab in the back”.\n\n"  # no name outside the quotation
        "“It is over,” Lund said, calling the deal “a disgrace to the alliance”."  # words before the second
    )
    parsed = _parsed(text)
    assert len(parsed) == 2
    assert parsed[0].startswith("Anna Berg called")
    assert parsed[1].startswith("“xx")


def test_no_quotation_no_parse() -> None:
    assert parse_heads([], "", [], []) == {}
