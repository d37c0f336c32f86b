"""A PDF's running footer with the page's number (clean/pagefeet.py), and numbered lines of an
article that are none. Lines written for these tests."""

from __future__ import annotations

from materiel.clean.boilerplate import fold
from materiel.clean.pagefeet import numbered_running_lines

BODY = ["The ministry said the first batch had arrived.", "Officials gave no number.", "More will follow."]


def _pages(footer: str, pages: int = 3) -> list[str]:
    lines: list[str] = []
    for page in range(1, pages + 1):
        lines += [*BODY, footer.format(page)]
    return lines


def test_a_footer_with_the_page_number_is_found_on_every_page() -> None:
    lines = _pages("Legislative Research Office {}")
    assert numbered_running_lines(lines, fold) == {f"legislative research office {n}" for n in (1, 2, 3)}


def test_the_number_may_lead_with_a_bar() -> None:
    assert len(numbered_running_lines(_pages("{} | Annual Arms Export Report"), fold)) == 3


def test_numbered_headings_of_an_article_are_kept() -> None:
    for heading in ("Delivery phase {}", "Lessons of the war, part {}", "Scenario {}", "Tranche {} of the package"):
        assert numbered_running_lines(_pages(heading), fold) == set(), heading


def test_a_list_of_numbered_items_is_kept() -> None:
    lines = ["Battery of the northern group 1", "Battery of the northern group 2", "Battery of the northern group 3"]
    assert numbered_running_lines(lines, fold) == set()


def test_numbers_that_do_not_count_pages_are_kept() -> None:
    lines = [*BODY, "Armoured vehicles delivered in 2023", *BODY, "Armoured vehicles delivered in 2024"]
    assert numbered_running_lines(lines, fold) == set()


def test_a_sentence_is_never_a_footer() -> None:
    assert numbered_running_lines(_pages("The total number of guns is now {}."), fold) == set()
