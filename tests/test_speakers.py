"""Quote speakers: quotation marks, mentions and their resolution, the ranker's plain-Python
application, and that `make model` rebuilds the shipped speaker artefact from ../shared/gold."""

from __future__ import annotations

import json

import pytest

from materiel.extract.antecedents import resolve
from materiel.extract.mentions import find_mentions
from materiel.extract.model import Scorer
from materiel.extract.quotations import find_quotations, mask
from materiel.extract.quotes import ARTEFACT, best, quotes_of
from materiel.extract.sentences import split_sentences
from materiel.extract.speakers import Candidate
from materiel.extract.speakerverbs import FRAMER_OF, SUBJECT_OF, governed
from materiel.extract.speakerwords import gender
from tests.builders import article_of
from tests.conftest import needs_shared


def _mentions(text: str):
    paragraphs = article_of(text).paragraphs()
    quotations = find_quotations(paragraphs)
    masked = mask(text, [(q.start, q.end) for q in quotations])
    sentences = split_sentences(masked, paragraphs)
    return resolve(find_mentions(masked, sentences), sentences)


def test_quotation_marks_of_several_kinds() -> None:
    text = (
        "«Nous ne céderons pas ici», il a dit. „Wir bleiben hier und jetzt“, sagte er. ‘We will stay here,’ she said."
    )
    found = [q.text for q in find_quotations([(0, text)])]
    assert found == ["Nous ne céderons pas ici", "Wir bleiben hier und jetzt", "We will stay here,"]


def test_an_open_quotation_runs_to_its_paragraph_end() -> None:
    paragraphs = [(0, '"The first part goes on here'), (30, '"and the second part ends," she said.')]
    first, second = find_quotations(paragraphs)
    assert not first.closed and second.closed and second.paragraph == 1


def test_a_quotation_may_close_with_the_other_kind_of_mark() -> None:
    text = '“We stay here," she said. "We go there,” he said. ‘It’s all about them,\' he said.'
    assert [q.text for q in find_quotations([(0, text)])] == ["We stay here,", "We go there,", "It’s all about them,"]


def test_marks_broken_by_scrapes() -> None:
    text = (
        "''Nothing will stop the deliveries this year,'' says Ola Berg.\n\n"
        "The minister called them ““old but working rifles and mortars”.\n\n"
        'The crates may hold more than anyone expected," Anna Lind said. "We will count them."\n\n'
        "Lind added,” The second convoy leaves on Friday morning.”"
    )
    paragraphs = article_of(text).paragraphs()
    said = [q.text for q in find_quotations(paragraphs)]
    assert said == [
        "Nothing will stop the deliveries this year,",
        "old but working rifles and mortars",
        "The crates may hold more than anyone expected,",
        "We will count them.",
        "The second convoy leaves on Friday morning.",
    ]


def test_a_speech_set_as_its_own_paragraph() -> None:
    text = (
        "Berg spoke at the summit. He said\n\nThe allies will send more shells before the winter comes.\n\n"
        "Lind said:\n\nWe will not wait for anyone to decide for us.”\n\n"
        "“It is late,” she added\n\nThe talks went on for hours after that."
    )
    paragraphs = article_of(text).paragraphs()
    said = [q.text for q in find_quotations(paragraphs) if q.block]
    assert said == [
        "The allies will send more shells before the winter comes.",
        "We will not wait for anyone to decide for us.”",
    ]


def test_apostrophes_do_not_open_quotations() -> None:
    assert find_quotations([(0, "The country's army and the soldiers' rations were fine.")]) == []


def test_titles_are_stripped_and_surnames_completed() -> None:
    mentions = _mentions("Sen. Lindsey Graham spoke first. Graham said he would vote.")
    graham = [m for m in mentions if m.name == "Lindsey Graham"]
    assert graham[0].title and graham[0].kind == "person"
    assert any(m.via == "surname" for m in graham)


def test_pronoun_and_role_resolve_to_people_before_them() -> None:
    mentions = _mentions("Defence Minister Tomas Berg met Lars Weber. The minister said he was glad.")
    minister = [m for m in mentions if m.kind == "role"]
    assert minister[0].name == "Tomas Berg" and minister[0].via == "titled"
    assert {m.name for m in mentions if m.kind == "pronoun"} == {"Tomas Berg", "Lars Weber"}


def test_a_pronoun_does_not_stand_for_a_person_of_the_other_gender() -> None:
    mentions = _mentions("Defence Minister Tomas Berg met Anna Weber. She said he was glad.")
    assert {m.text: m.name for m in mentions if m.kind == "pronoun" and m.rank == 0} == {
        "She": "Anna Weber",
        "he": "Tomas Berg",
    }


def test_sentences_end_at_a_stop_without_a_space() -> None:
    text = "It looked like theater.“xxxxxx,” he said. It was late.Weber said so. The U.S.Army and Gen. Berg left."
    found = [text[s.start : s.end].strip() for s in split_sentences(text, [(0, text)])]
    assert found == [
        "It looked like theater.",
        "“xxxxxx,” he said.",
        "It was late.",
        "Weber said so.",
        "The U.S.Army and Gen. Berg left.",
    ]


def test_titles_inside_a_run_and_after_a_possessive() -> None:
    mentions = _mentions(
        "Spain's Defence Minister Ana Ruiz and Retired U.S. Admiral Jon Berg met U.N. Secretary-General Li Wei."
    )
    people = {m.text: m.title for m in mentions if m.kind == "person"}
    assert people == {"Ana Ruiz": True, "Jon Berg": True, "Li Wei": True}


def test_gender_of_a_name() -> None:
    assert [gender("Anna Berg"), gender("Tom Berg"), gender("Okafor", "mrs"), gender("Sasha Petrova")] == list("fmff")
    assert gender("Sasha Berg") == "" and gender("Oleg Sokolov") == "m"
    # Common first names of northern, central and western Europe ("Helga", "Mikael", "Tomasz")
    names = ["Helga Lund", "Mikael Lund", "Tomasz Lis", "Rūta Kaz", "Claire Roy"]
    assert [gender(name) for name in names] == list("fmmff")


def test_what_follows_a_speaker() -> None:
    assert SUBJECT_OF.match(", warned that") and SUBJECT_OF.match(" (MoD) said its jets")
    assert FRAMER_OF.match(" called the plan") and FRAMER_OF.match(", the minister, has also denied that")
    assert not FRAMER_OF.match(" met the minister")


def test_an_indefinite_role_noun_is_someone_new() -> None:
    mentions = _mentions("Tom Berg spoke. A spokesman said so. The minister agreed.")
    assert {m.text: m.name for m in mentions if m.kind == "role"} == {
        "A spokesman": "A spokesman",
        "minister": "Tom Berg",
    }


def test_institutions_are_mentions() -> None:
    kinds = {m.text: m.kind for m in _mentions("The Ministry of Defence and the Pentagon said so.")}
    assert kinds["Ministry of Defence"] == "org" and kinds["Pentagon"] == "org"


def test_a_shortened_institution_is_its_full_name() -> None:
    mentions = _mentions("The Baltic Courier Post printed a leader. Nevertheless, the Post declares it wrong.")
    assert [m.name for m in mentions if m.text == "Post"] == ["Baltic Courier Post"]
    assert not [m for m in mentions if m.text == "Nevertheless"]


def test_an_institution_name_runs_past_a_lexicon_name_inside_it() -> None:
    names = {m.name for m in _mentions("The Times of Israel sums up that sales will go on.")}
    assert "Times of Israel" in names and "The Times" not in names


def test_best_leaves_a_quotation_unattributed_below_the_threshold() -> None:
    scorer = Scorer({"weights": {"good": 3.0}, "bias": -2.0, "threshold": 0.5})
    weak, strong = Candidate("A", None, {}), Candidate("B", None, {"good": 1.0})
    assert best([weak, strong], scorer) is strong
    assert best([weak], scorer) is None
    assert best([], scorer) is None


def test_shipped_artefact_is_small_and_sane() -> None:
    payload = json.loads(ARTEFACT.read_text())
    assert ARTEFACT.stat().st_size < 100_000
    assert 0.0 < payload["threshold"] < 1.0
    assert len(payload["weights"]) > 20


def test_quotes_without_the_nlp() -> None:
    text = 'Anna Berg spoke in Oslo on Monday.\n\n"The systems will arrive before winter," she said.'
    (quote,) = quotes_of(article_of(text))
    assert quote.speaker is not None and quote.speaker.name == "Anna Berg"


@pytest.mark.slow
@needs_shared
def test_rebuild_gives_the_shipped_artefact(tmp_path) -> None:
    from tests.conftest import SHARED
    from tools import train_speakers

    train_speakers.sys.path.insert(0, str(SHARED / "eval"))
    records = train_speakers.load_articles(SHARED, tmp_path / "quote_texts.jsonl")
    rebuilt, shipped = train_speakers.train(records), json.loads(ARTEFACT.read_text())
    assert rebuilt["threshold"] == shipped["threshold"]
    assert rebuilt["weights"].keys() == shipped["weights"].keys()
    assert rebuilt["bias"] == pytest.approx(shipped["bias"], abs=1e-4)
    for name, weight in shipped["weights"].items():
        assert rebuilt["weights"][name] == pytest.approx(weight, abs=1e-4), name


def test_an_institution_speaks_with_its_bracketed_abbreviation() -> None:
    from materiel.extract.quotes import _with_short

    text = "The Nordic Defence Institute (NDI) said on Monday: “The shells will arrive in the spring.”"
    assert _with_short("Nordic Defence Institute", text) == "Nordic Defence Institute (NDI)"
    assert _with_short("Anna Berg", text) == "Anna Berg"
    assert _with_short("NDI", text) == "Nordic Defence Institute (NDI)"


def test_the_first_name_of_a_sentence_before_its_reporting_verb() -> None:
    from materiel.extract.quotes import attribute

    text = "Anna Berg, a researcher at the Nordic Institute said the deliveries were “slower than anyone had hoped.”"
    (found,) = attribute(article_of(text), lambda _, options: None)
    leads = {c.name: c.features.get("leads_to_say", 0.0) for c in found.candidates}
    assert leads["Anna Berg"] == 1.0 and leads["Nordic Institute"] == 0.0


# Five sentences of narrative about things, no person in them: a pronoun's near reach is four.
FILLER = (
    "The yard builds four hulls a year. Its order book is full. Two hulls went to Asia. A third is fitted with radar."
)


def test_a_pronoun_stands_for_a_person_named_further_back() -> None:
    said = _mentions(f"Anna Berg has run the yard since 2015. {FILLER} “We build them fast,” she said.")
    (she,) = [m for m in said if m.text == "she"]
    assert she.name == "Anna Berg" and she.via == "far"


def test_a_far_pronoun_keeps_to_its_gender() -> None:
    said = _mentions(f"Anna Berg has run the yard since 2015. {FILLER} “We build them fast,” he said.")
    assert not [m for m in said if m.text == "he" and m.name == "Anna Berg"]


def test_a_role_set_after_a_name_titles_it() -> None:
    said = _mentions(f"Anna Berg, an analyst at the Nordic Institute, follows the yard. {FILLER} The analyst said so.")
    (berg,) = [m for m in said if m.text == "Anna Berg"]
    assert "analyst" in berg.titles
    assert [m.name for m in said if m.text == "analyst"] == ["Anna Berg"]


def test_words_after_a_name_that_are_no_description_title_nothing() -> None:
    said = _mentions(
        "Jonas Vik, in a letter to the minister, asked for more shells. Anna Berg, who met an analyst, left."
    )
    titles = {m.text: m.titles for m in said if m.kind == "person"}
    assert "minister" not in titles["Jonas Vik"] and "analyst" not in titles["Anna Berg"]


def test_an_earlier_speaker_is_offered_to_a_quotation_with_no_clause() -> None:
    from materiel.extract.quotes import attribute

    text = (
        "“We found the rifles under the fish,” Tomas Vik said.\n\nThe trucks came from the south.\n\n"
        "A second truck was stopped later.\n\nProsecutors charged three people.\n\n“The routes keep changing.”"
    )
    found = attribute(article_of(text), lambda _, options: options[0] if options else None)
    earlier = {c.name: c.features for c in found[-1].candidates if c.features.get("kind=earlier")}
    assert list(earlier) == ["Tomas Vik"] and earlier["Tomas Vik"]["earlier_paragraphs"] > 0
    assert not any(c.features.get("kind=earlier") for c in found[0].candidates)


def test_a_title_set_after_a_name_is_that_persons_role() -> None:
    mentions = _mentions("Olaf Lund, the Chancellor of Norway, met Karin Holm. The chancellor said he was glad.")
    (role,) = [m for m in mentions if m.kind == "role"]
    assert (role.name, role.via) == ("Olaf Lund", "titled")
    lund = next(m for m in mentions if m.name == "Olaf Lund" and m.kind == "person")
    assert "chancellor" in lund.titles and lund.title_states == {"NOR"}


def test_words_after_a_name_that_are_no_title_give_it_none() -> None:
    mentions = _mentions("Olaf Lund, 54, met Karin Holm on Monday, and the chancellor said he was glad.")
    assert all(m.via != "titled" for m in mentions)
    assert next(m for m in mentions if m.name == "Olaf Lund").titles.strip() == ""


def test_a_role_of_one_state_stands_for_the_person_titled_for_it() -> None:
    text = (
        "Russian President Ivan Sokolov opened the summit. A delegation led by Kenyan President Daniel Mwangi"
        " arrived later. The Russian president said he was pleased. The Kenyan president said he was not."
    )
    roles = [m for m in _mentions(text) if m.kind == "role" and m.text.endswith("president")]
    russian = {m.name for m in roles if m.text == "Russian president"}
    kenyan = {m.name for m in roles if m.text == "Kenyan president"}
    assert "Ivan Sokolov" in russian and "Daniel Mwangi" not in russian
    assert "Daniel Mwangi" in kenyan and "Ivan Sokolov" not in kenyan


def test_another_spelling_of_a_surname_is_no_one_named_before() -> None:
    # The gold takes a speaker's spelling now from the name in full, now from the quotation's own
    # ("McCaul" and "McCall"): a second spelling is left as written (out of fold: 3 won, 3 lost).
    mentions = _mentions("Mikko Lahtinen opened the fair. Later Lahtinnen said sales had doubled, and Holt agreed.")
    assert {m.text: m.name for m in mentions if m.kind == "single"} == {"Lahtinnen": "Lahtinnen", "Holt": "Holt"}


def test_an_institutions_noun_before_its_abbreviation_is_its_title() -> None:
    mentions = _mentions("The official state news agency NNA said on Monday that the talks had failed.")
    assert "NNA" in {m.text for m in mentions} and not [m for m in mentions if m.text.endswith("agency")]
    apart = _mentions("Asked about the claim by the agency, NATO declined to answer.")
    assert "agency" in {m.text for m in apart} and "NATO" in {m.text for m in apart}


def test_a_sentences_capitalised_preposition_governs_the_mention_after_it() -> None:
    assert governed("In a statement, the ministry said", len("In "))
    assert governed("From the ministry came a reply", len("From "))
    assert not governed("On Monday Berg said", len("On Monday "))  # Monday is the object, Berg the subject
    assert not governed("Secretary of Defense Anna Berg said", len("Secretary of Defense "))


def test_a_role_naming_an_office_is_no_one_titled_with_another() -> None:
    found = _mentions("President Eva Lund met the envoys. The Prime Minister said the talks were useful.")
    role = next(m for m in found if m.text == "Prime Minister")
    assert role.name == "Prime Minister"  # not Eva Lund, titled president
    found = _mentions("General Tarja Mikkola visited the school. The commander said the guns were new.")
    assert next(m for m in found if m.text == "commander").name == "Tarja Mikkola"
