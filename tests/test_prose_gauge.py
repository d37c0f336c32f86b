"""The prose gauge's variants (tools/prose_gauge.py, a measuring tool): each touches only its class."""

from __future__ import annotations

from tools.prose_gauge import _changed, _glued, _html_model, _variant

PARAGRAPHS = [
    "A coastal state has shipped forty patrol boats to its neighbour, the ministry said on Monday.",
    "The boats will guard the northern bay, where smugglers have landed twice this year.",
    "Officials of both states declined to give the price of the deal to reporters on Tuesday.",
    "Share this story on Facebook Twitter WhatsApp",
]
TEXT = "\n\n".join(PARAGRAPHS)


def test_prose_at_a_threshold_above_one_removes_nothing_and_html_pages_are_left_alone() -> None:
    assert _variant(1.01)({"text": TEXT, "source": "a.txt"}) == TEXT
    assert _variant(0.0)({"text": TEXT, "source": "a.html"}) == TEXT


def test_prose_at_zero_removes_only_lines_the_step_never_scores() -> None:
    kept = _variant(0.0)({"text": TEXT, "source": "a.txt"})
    assert "Share this story" in kept
    assert "patrol boats" not in kept


def test_html_variant_reads_only_pages_from_html() -> None:
    assert _html_model(0.0)({"text": TEXT, "source": "a.txt"}) == TEXT
    assert "Share this story" not in _html_model(0.0)({"text": TEXT, "source": "a.html"})


def test_glued_sentences_are_cut_from_their_paragraph_only() -> None:
    glued = PARAGRAPHS[1] + " Sign up for our free daily newsletter and follow us on Facebook."
    text = "\n\n".join([PARAGRAPHS[0], glued, *PARAGRAPHS[2:]])
    record = {"text": text, "source": "a.txt"}
    out = _glued(-1, 0.8)(record)
    assert out == TEXT
    assert _changed([record], [{"text": out}]) == 1
    assert _glued(-1, 1.01)(record) == text
    assert _glued(0, 0.0)(record) == text  # the first sentence of that paragraph is its news
