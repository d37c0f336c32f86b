"""The layout step: hard-wrapped lines joined back to their sentence, list entries kept apart."""

from materiel.clean.structure import layout
from tests.builders import article_of


def _paragraphs(text: str) -> list[str]:
    article = article_of(text)
    layout(article)
    return article.text.split("\n\n")


def test_numbered_entries_stay_apart_though_they_open_with_a_digit() -> None:
    text = "The package holds these lots:\n1. 12 armoured vehicles\n2. 3 Patriot launchers\n3) 40 mortars"
    assert _paragraphs(text)[1:] == ["1. 12 armoured vehicles", "2. 3 Patriot launchers", "3) 40 mortars"]


def test_a_line_opening_with_a_figure_still_goes_on_with_its_sentence() -> None:
    text = "Officials said the army had received\n155 shells and 12 trucks from Spain"
    assert _paragraphs(text) == ["Officials said the army had received 155 shells and 12 trucks from Spain"]


def test_a_wrapped_line_after_a_numbered_entry_goes_on_with_it() -> None:
    text = "1. Norway has delivered\n40 trucks to the brigade"
    assert _paragraphs(text) == ["1. Norway has delivered 40 trucks to the brigade"]
