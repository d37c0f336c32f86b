"""Pronoun speakers (speakers21): the gender the article's own words give a person, the antecedents a
"he" or "she" is offered in, a pronoun named by the sentence after it, and a hearer behind a title."""

from __future__ import annotations

import pytest

from materiel.extract.antecedentorder import sidelined
from materiel.extract.antecedents import resolve
from materiel.extract.mention import Mention
from materiel.extract.mentions import find_mentions
from materiel.extract.quotations import find_quotations, mask
from materiel.extract.sentences import split_sentences
from materiel.extract.speakers import Candidate
from materiel.extract.speakerverbs import HEARER_VERB
from materiel.extract.textgender import agreeing, text_genders
from tests.builders import article_of


def _read(text: str) -> tuple[str, list, list[Mention]]:
    paragraphs = article_of(text).paragraphs()
    quotations = find_quotations(paragraphs)
    masked = mask(text, [(q.start, q.end) for q in quotations])
    sentences = split_sentences(masked, paragraphs)
    return masked, sentences, find_mentions(masked, sentences)


def _genders(text: str) -> dict[str, str]:
    return text_genders(*_read(text))


@pytest.mark.parametrize(
    ("text", "name", "wanted"),
    [
        ("Robin Sato described herself as a reluctant supporter of the plan.", "Robin Sato", "f"),
        ("Lee Harlan said on Monday that his workers had done nothing wrong.", "Lee Harlan", "m"),
        ("Casey Wynn, who made her name as a cost-cutter, wants fewer ships.", "Casey Wynn", "f"),
        ("Dominique Leroy, a lawyer, argued for her clients in court.", "Dominique Leroy", "f"),
        ("The minister's husband, Pat Rourke, runs a freight firm.", "Pat Rourke", "m"),
        ("Alex Moreau chairs the export board. He signed the licence in May.", "Alex Moreau", "m"),
        ("Sasha Petrenko arrived in Vienna. Her talks there lasted two days.", "Sasha Petrenko", "f"),
    ],
)
def test_the_text_tells_a_gender(text: str, name: str, wanted: str) -> None:
    assert _genders(text).get(name) == wanted


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jordan Varga, his deputy, disagrees with the plan.", "Jordan Varga"),  # the apposition's "his" is another's
        ("The prosecutor, Kim Lindahl, asked her to describe the trucks.", "Kim Lindahl"),  # "her" an object
        ("Robin Hale met Casey Wynn, and she told him about the ships.", "Robin Hale"),  # someone named between
        ("Alex Moreau met Kim Berg in Oslo. He signed the licence.", "Alex Moreau"),  # two people before "He"
        ("Robin Sato described herself as cautious. His plan failed.", "Robin Sato"),  # cues of both genders
    ],
)
def test_the_text_tells_no_gender(text: str, name: str) -> None:
    assert name not in _genders(text)


def _person(name: str, titles: str = "", gender: str = "") -> Mention:
    return Mention(0, len(name), name, "person", 0, name=name, titles=titles, gender=gender)


def test_a_gendered_pronoun_speaker_rules_out_the_other_gender() -> None:
    she = Mention(50, 53, "she", "pronoun", 1, name="Ana Clarke", antecedent=_person("Ana Clarke"))
    said = Candidate("Ana Clarke", she, {"verb=subject": 1.0, "at=same_after": 1.0})
    mister = Candidate("Idowu", Mention(0, 5, "Idowu", "single", 0, name="Idowu", titles="mr."), {})
    husband = Candidate("Pat Rourke", _person("Pat Rourke", gender="m"), {})
    unknown = Candidate("Toma Aric", _person("Toma Aric"), {})
    previous = Candidate("Pat Rourke", None, {"kind=prev": 1.0})
    kept = agreeing([said, mister, husband, unknown, previous], {"Pat Rourke": "m"})
    assert kept == [said, unknown]


def test_a_pronoun_that_is_not_the_reporting_subject_rules_out_no_one() -> None:
    she = Mention(50, 53, "she", "pronoun", 1, name="Ana Clarke", antecedent=_person("Ana Clarke"))
    aside = Candidate("Ana Clarke", she, {"at=before1": 1.0})
    mister = Candidate("Idowu", Mention(0, 5, "Idowu", "single", 0, name="Idowu", titles="mr."), {})
    assert agreeing([aside, mister], {}) == [aside, mister]


@pytest.mark.parametrize(
    ("text", "name", "aside"),
    [
        ("After Minister Paul Lind had left, General Aksel Borg spoke.", "Paul Lind", True),
        ("Borg signed it as Ambassador Tom Riley looked on.", "Tom Riley", True),
        ("Sikorski stated that in his view President Ivan Volk would not attack.", "Ivan Volk", True),
        ("The drone fell over the home of the mayor, Ihor Petrov.", "Ihor Petrov", True),
        ("Renner said President Ruiz's visit was decisive.", "Ruiz", True),
        ("General Aksel Borg took questions after the minister left.", "Aksel Borg", False),
        ("The defence minister, Kaspars Ozols, signed the contract.", "Kaspars Ozols", False),
        ("As the army grew, General Ivo Lind rose through its ranks.", "Ivo Lind", False),  # the comma ends it
        ("Lind erred if he saw it as an error\n\nAnna Berg noted the cost.", "Anna Berg", False),  # a new line
    ],
)
def test_a_name_outside_the_main_clause_is_sidelined(text: str, name: str, aside: bool) -> None:
    masked, _, mentions = _read(text)
    (person,) = [m for m in mentions if m.text.endswith(name.split()[-1])]
    assert sidelined(person, masked) is aside


def _pronouns(text: str) -> list[Mention]:
    _, sentences, mentions = _read(text)
    return [m for m in resolve(mentions, sentences) if m.kind == "pronoun"]


def test_a_pronoun_no_one_stands_for_is_the_person_opening_the_next_sentence() -> None:
    (she,) = _pronouns("“We cook in the yard,” she said. Nadia Koval, 61, has lived there all her life.")
    assert she.name == "Nadia Koval" and she.via == "next"


def test_the_next_sentence_names_no_one_for_a_pronoun_that_has_an_antecedent_or_a_new_paragraph() -> None:
    found = _pronouns("Colonel Pavel Rudko inspected the guns.\n\n“They work,” he said. Ivan Marko agreed.")
    assert [m.name for m in found if m.text == "he"] == ["Pavel Rudko"]
    assert not _pronouns("“We cook in the yard,” she said.\n\nNadia Koval, 61, has lived there all her life.")


def test_a_title_between_told_and_a_name_keeps_it_the_hearer() -> None:
    assert HEARER_VERB.search("“We will not forget this,” he told Minister ")
    assert HEARER_VERB.search("he told the Defence Minister ")
    assert not HEARER_VERB.search("“We will not forget this,” said Minister ")
