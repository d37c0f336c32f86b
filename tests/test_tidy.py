"""Sources and responses: one person or outlet once, under its longest name, its span on its name."""

from __future__ import annotations

import pytest

from materiel.article import Actor, Item, Response, Source, Span, Transfer
from materiel.extract.tidy import tidy_attribution, unique_responses, unique_sources
from materiel.read import read_paths
from tests.conftest import SHARED, needs_shared


def test_one_person_once_under_the_longest_name() -> None:
    sources = [
        Source("Prime Minister Eduard Heger", "other", Span(40, 67)),
        Source("Heger", "person", Span(90, 95), "SVK"),
        Source("the Wall Street Journal", "media", Span(100, 123)),
        Source("The Wall Street Journal", "media", Span(104, 123)),
        Source("US officials", "official", Span(130, 142)),
    ]
    kept = unique_sources(sources)
    assert [s.name for s in kept] == ["Prime Minister Eduard Heger", "the Wall Street Journal", "US officials"]
    assert (kept[0].kind, kept[0].actor_id) == ("person", "SVK")  # what the short citation knew is kept


def test_quotation_marks_are_no_part_of_a_source_name() -> None:
    text = 'Germany will buy the jets, as reported by "Zeit".'
    germany, usa = Actor("DEU", "Germany"), Actor("USA", "United States")
    sources = [Source('"', "media"), Source('"Zeit"', "media")]
    transfer = Transfer(usa, germany, Item("jets", "aircraft"), sources=sources)
    tidy_attribution([transfer], text)
    assert [s.name for s in transfer.sources] == ["Zeit"]


def test_different_people_stay_apart() -> None:
    sources = [Source("Boris Pistorius", "person"), Source("Boris Johnson", "person"), Source("Reuters", "media")]
    assert len(unique_sources(sources)) == 3


def test_one_response_per_party_and_stance() -> None:
    quote = "Slovakia will give 13 jets to Ukraine, Prime Minister Eduard Heger announced in Bratislava."
    responses = [
        Response(Actor("SVK", "Slovakia"), "confirmed", quote, Span(0, 90)),
        Response(Actor("SVK", "Bratislava"), "confirmed", quote, Span(0, 90)),
        Response(Actor("SVK", "Slovakia"), "confirmed", "Slovakia confirms jets"),
        Response(Actor("SVK", "Slovakia"), "denied", "Bratislava denied it"),
    ]
    kept = unique_responses(responses)
    assert [(r.stance, r.span is not None) for r in kept] == [("confirmed", True), ("denied", False)]


@pytest.mark.slow
def test_a_pronoun_source_points_at_the_name(extract_text) -> None:
    text = (
        "Defense Ministry spokesman Jeong Ha-kyu spoke on Tuesday.\n\n"
        "South Korea supplies helmets and body armor to Ukraine, but refrains from sending lethal weapons, he said."
    )
    article = extract_text(text)
    for transfer in article.transfers:
        for source in transfer.sources:
            assert source.span is not None
            assert (
                article.text[source.span.start : source.span.end]
                .casefold()
                .endswith(source.name.casefold().removeprefix("the "))
            ), source


@needs_shared
@pytest.mark.slow
def test_seed_sources_once_and_on_their_names(runner) -> None:
    (article,) = runner.run(read_paths([SHARED / "corpus" / "000_642162b549643bcb.txt"]))
    for transfer in article.transfers:
        names = [s.name.casefold().removeprefix("the ") for s in transfer.sources]
        assert len(names) == len(set(names)), names
        for source in transfer.sources:
            if source.span is not None:
                assert (
                    source.name.casefold().removeprefix("the ")
                    in article.text[source.span.start : source.span.end].casefold()
                ), source
        pairs = [(r.actor.id if r.actor else None, r.stance) for r in transfer.responses]
        assert len(pairs) == len(set(pairs)), pairs


def test_tidy_moves_a_pronoun_span_onto_the_name() -> None:
    text = "Jeong Ha-kyu spoke. Seoul sends helmets, he said."
    pronoun = Source("Jeong Ha-kyu", "person", Span(41, 43))
    transfer = Transfer(None, None, Item("helmets", "protective-gear"), sources=[pronoun])
    tidy_attribution([transfer], text)
    span = transfer.sources[0].span
    assert text[span.start : span.end] == "Jeong Ha-kyu"
