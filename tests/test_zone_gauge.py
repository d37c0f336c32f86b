"""The zone gauge's partition of a clean text (tools/zone_gauge.py, a measuring tool)."""

from __future__ import annotations

from tools.zone_gauge import concentration, left_in, lines_of, shape, variants, zones

TEXT = "\n\n".join(
    [
        "Invented Daily | Home | World",
        "A coastal state has shipped forty patrol boats to its neighbour, the ministry said on Monday.",
        "Harbour defence",
        "The boats will guard the northern bay, where smugglers have landed twice this year.",
        "Follow our coverage of the region on every platform",
        "Officials of both states declined to give the price of the deal to reporters on Tuesday.",
        "Share this story.",
    ]
)


def test_each_line_falls_in_one_zone_and_one_shape() -> None:
    lines = lines_of(TEXT)
    assert zones(lines) == ["pre", "in", "in", "in", "in", "in", "post"]
    assert [shape(x) for _, x in lines] == ["S1", "S5", "S1", "S5", "S2", "S5", "S4"]


def test_the_bins_remove_every_line_once() -> None:
    found = variants()
    removed = 0
    for zone in ("pre", "in", "post"):
        for kind in ("S1", "S2", "S3", "S4", "S5"):
            removed += len(lines_of(TEXT)) - len(lines_of(found[f"{zone}_{kind}"](TEXT)))
    assert removed == len(lines_of(TEXT))
    assert "Follow our coverage" not in found["in_S2"](TEXT)
    assert "Harbour defence" in found["in_S2"](TEXT)


def test_glued_sentences_go_by_their_place_in_the_line() -> None:
    glued = "Lead sentence of an invented story about a ferry that was sold abroad. Sign up for our daily briefing now."
    text = "\n\n".join([glued, "A closing sentence of the same invented story, long enough to be prose."])
    assert "Sign up" not in variants()["in_S5_last"](text)
    assert "Lead sentence" not in variants()["in_S5_first"](text)
    assert "Sign up" in variants()["in_S5_first"](text)


def test_the_snippets_left_are_counted_by_article_and_source() -> None:
    snippets = {"aa_1": ["follow our coverage of the region"], "aa_2": ["share this story"], "bb_1": ["sign up"]}
    records = [
        {"id": "aa_1", "text": TEXT},
        {"id": "aa_2", "text": "Nothing of the page's furniture is left here."},
        {"id": "bb_1", "text": "Sign up for the invented weekly letter"},
    ]
    left = left_in(snippets, records)
    assert left == {"aa_1": 1, "bb_1": 1}
    assert concentration(left) == {"left": 2, "articles": [1, 1], "sources": [1, 1]}
