"""Each field's span is the sentence that decided it: the stage, the intermediary, the quantity and
each source, where that sentence is another than the transfer's own, and the transfer's own where
it decided there. Pages written for these tests."""

from __future__ import annotations

import pytest

from materiel.article import Article, Span, Transfer

pytestmark = pytest.mark.slow


def _said(article: Article, span: Span | None) -> str | None:
    return article.text[span.start : span.end] if span else None


def _only(article: Article) -> Transfer:
    assert len(article.transfers) == 1, article.transfers
    return article.transfers[0]


def test_a_later_sentence_that_advances_the_stage_is_its_span(extract_text) -> None:
    article = extract_text(
        "Germany has agreed to send Leopard 2 tanks to Ukraine, the chancellor said on Monday.\n\n"
        "Deliveries of the tanks began in May, the defence ministry said."
    )
    transfer = _only(article)
    assert transfer.status == "in_progress"
    assert _said(article, transfer.status_span) == "Deliveries of the tanks began in May, the defence ministry said."


def test_a_stage_told_in_the_transfers_own_sentence_has_that_sentence(extract_text) -> None:
    article = extract_text("Norway has pledged eight air defence systems to Ukraine. The war is in its third year.")
    transfer = _only(article)
    assert transfer.status == "pledged"
    assert _said(article, transfer.status_span) == "Norway has pledged eight air defence systems to Ukraine."


def test_a_route_told_in_another_sentence_is_the_vias_span(extract_text) -> None:
    article = extract_text(
        "Canada is buying 20,000 artillery rounds for Ukraine, its defence minister said. "
        "Canada transfers the rounds to the United States, which then ships them to Ukraine."
    )
    transfer = _only(article)
    assert [v.id for v in transfer.via] == ["USA"]
    assert _said(article, transfer.via_span) == (
        "Canada transfers the rounds to the United States, which then ships them to Ukraine."
    )


def test_a_route_whose_onward_leg_is_the_next_sentence_spans_both(extract_text) -> None:
    article = extract_text(
        "Canada sold 20,000 artillery shells to the United States last year. "
        "The United States then ships them to Ukraine, officials said."
    )
    transfer = _only(article)
    assert _said(article, transfer.via_span) == article.text


def test_an_intermediary_named_in_the_sentence_has_it(extract_text) -> None:
    article = extract_text(
        "Canada has sent 20,000 artillery shells to Ukraine through the United States, officials said."
    )
    transfer = _only(article)
    assert [v.id for v in transfer.via] == ["USA"]
    assert _said(article, transfer.via_span) == article.text
    assert _only(extract_text("Canada has sent 20,000 artillery shells to Ukraine.")).via_span is None


def test_a_count_told_in_a_later_sentence_is_the_quantitys_span(extract_text) -> None:
    article = extract_text(
        "Germany will send Leopard 2 tanks to Ukraine, the government said on Friday. "
        "Fourteen tanks will be delivered by March."
    )
    transfer = _only(article)
    assert transfer.quantity is not None and transfer.quantity.text == "Fourteen"
    assert _said(article, transfer.quantity_span) == "Fourteen tanks will be delivered by March."
    assert _only(extract_text("Germany will send Leopard 2 tanks to Ukraine.")).quantity_span is None


def test_a_source_in_the_paragraph_before_has_its_own_sentence(extract_text) -> None:
    article = extract_text(
        "The Wall Street Journal reported new details on Tuesday about the secret arrangement.\n\n"
        "South Korea has supplied Ukraine with hundreds of thousands of shells."
    )
    transfer = _only(article)
    cited = {s.name: _said(article, s.sentence_span) for s in transfer.sources}
    assert cited["The Wall Street Journal"] == (
        "The Wall Street Journal reported new details on Tuesday about the secret arrangement."
    )


def test_a_source_credited_in_the_transfers_sentence_has_that_sentence(extract_text) -> None:
    article = extract_text("Sweden has delivered 50 armoured vehicles to Ukraine, according to the Financial Times.")
    cited = {s.name: _said(article, s.sentence_span) for s in _only(article).sources}
    assert cited["the Financial Times"] == article.text


def test_a_quoted_speaker_has_the_quotation_as_its_span(extract_text) -> None:
    article = extract_text(
        "Poland has delivered 14 tanks to Ukraine. Marek Nowakowski, a deputy defence minister, was asked "
        'about it in Warsaw.\n\n"We keep every promise we make to Kyiv," he said.'
    )
    cited = {s.name: _said(article, s.sentence_span) for s in _only(article).sources if s.span is None}
    assert cited, "the speaker was cited by the quotation, with no name span of its own"
    assert cited == {"Marek Nowakowski": '"We keep every promise we make to Kyiv,"'}


def test_a_stage_the_headline_tells_has_no_span_of_the_text(extract_text) -> None:
    article = extract_text(
        "Germany has pledged Leopard 2 tanks to Ukraine, the chancellor said.",
        title="Leopard tanks from Germany arrive in Ukraine",
    )
    transfer = _only(article)
    assert (transfer.status, transfer.status_reason) == ("delivered", "headline")
    assert transfer.status_span is None
