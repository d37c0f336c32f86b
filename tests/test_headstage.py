"""The headline is parsed for its stage only where it could advance a transfer: one whose two
parties it names, or whose recipient alone it names (the article's one transfer of that item to
it), with no other state. The output is the same as when every headline is parsed."""

from __future__ import annotations

import pytest

import materiel.extract as extract_module
import materiel.extract.headstage as headstage
from materiel.extract import extract_findings
from tests.builders import article_of

BODY = "Germany pledged 14 Leopard tanks to Ukraine, the ministry said."
# (title, text): no transfer at all, headlines naming one party, another state, a demonym or
# the parties only as people, beside headlines that name both parties (which are parsed).
PROBES = [
    ("Storms close schools across the region", "Heavy rain fell on Monday. Schools closed early."),
    ("Germany sends tanks to Ukraine", "The weather was cold. Farmers waited for rain."),
    ("Tanks arrive", BODY),
    ("Ukraine gets its tanks", BODY),
    ("Germany delivers the tanks", BODY),
    ("Germany delivers tanks to Ukraine and Poland", BODY),
    ("German tanks reach Ukrainian front", BODY),
    ("Scholz and Zelensky meet as tanks arrive", BODY),
    ("France delivers tanks to Ukraine", BODY),
    ("Germany delivers Leopard tanks to Ukraine", BODY),
    ("Leopard tanks from Germany arrive in Ukraine", BODY),
    ("Will Germany deliver tanks to Ukraine?", BODY),
    ("Germany has not delivered tanks to Ukraine", BODY),
    ("Germany could deliver tanks to Ukraine", BODY),
    ("Germany to deliver 14 tanks to Ukraine", BODY),
]


def _extract(title: str, text: str) -> dict:
    article = article_of(text, title=title)
    extract_findings(article)
    return article.to_dict()


def _parsing_every_headline(context, transfers) -> None:
    """The step as it was: the headline parsed first, then each transfer looked at."""
    title = context.article.title
    if not title:
        return
    paragraph = headstage.parsed_title(title, context.year)
    named = {m.id for m in paragraph.actors if m.id}
    both = [t for t in transfers if headstage._names_only_parties(t, named)]
    alone = [t for t in transfers if t not in both and headstage._names_its_recipient(t, named, transfers)]
    for transfer in both + alone:
        for item in (m for m in paragraph.items if m.id == transfer.item.category):
            cue = headstage._item_cue(paragraph.doc, item.start, item.end)
            if transfer in alone and not headstage._same_lot(paragraph.doc, item.start, item.end, transfer.item.text):
                continue
            if transfer in alone and cue is not None and headstage._gives(cue, item.start, item.end):
                continue
            told = headstage.stage.stage_of(cue, headstage.base_stage(cue)) if cue is not None else None
            if cue is not None and told is not None and headstage._further(told, transfer.status):
                doubt = headstage._doubt(title, cue, item.start, item.end, told)
                headstage._advance(context, transfer, told, doubt)


@pytest.mark.parametrize(("title", "text"), PROBES)
def test_headline_parse_skipped_only_where_it_could_change_nothing(
    title: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    shortcut = _extract(title, text)
    monkeypatch.setattr(extract_module, "advance_by_headline", _parsing_every_headline)
    assert shortcut == _extract(title, text)


def test_a_page_without_a_transfer_never_parses_its_headline(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(title: str, year: int | None):
        raise AssertionError(f"headline parsed: {title}")

    monkeypatch.setattr(headstage, "parsed_title", refuse)
    for title, text in PROBES[:2]:
        assert _extract(title, text)["transfers"] == []


def test_a_headline_naming_both_parties_still_advances_the_stage() -> None:
    transfers = _extract("Germany delivers Leopard tanks to Ukraine", BODY)["transfers"]
    assert [t["status"] for t in transfers] == ["delivered"]


def test_a_headline_naming_the_recipient_alone_advances_its_one_transfer() -> None:
    transfers = _extract("Leopard tanks arrive in Ukraine", BODY)["transfers"]
    assert [t["status"] for t in transfers] == ["delivered"]


def test_a_headline_naming_the_recipient_as_giver_or_another_model_advances_nothing() -> None:
    for title in ("Ukraine sends its tanks to the front", "First Abrams tanks arrive in Ukraine"):
        assert [t["status"] for t in _extract(title, BODY)["transfers"]] == ["pledged"], title
