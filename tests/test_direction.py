"""The state after "from" on a verb of acquiring supplied the item: `extract/direction.py` keeps
the triple that would make it the recipient out of the scorer's candidates."""

from __future__ import annotations

import pytest

from materiel.extract.amounts import mention_head
from materiel.extract.direction import from_source
from materiel.extract.lexicon import find_actors, find_items
from materiel.extract.nlp import load_model

pytestmark = pytest.mark.slow


class _Paragraph:
    def __init__(self, text: str) -> None:
        self.text = text
        self.doc = load_model()(text)


# (sentence, the state named, whether it is named as the state the first item came from)
SOURCES = [
    ("Poland unveiled K2 tanks bought from South Korea.", "KOR", True),
    ("Latvia paraded tanks and jets acquired from Britain.", "GBR", True),
    ("Ukraine stored missiles obtained from Britain's stocks.", "GBR", True),
    ("Finland bought howitzers from South Korea last year.", "KOR", True),
    ("Poland unveiled K2 tanks bought from South Korea.", "POL", False),
    ("Germany sent tanks from its own stocks to Ukraine.", "DEU", False),
    ("Estonia imported steel from China and bought tanks from Germany.", "CHN", False),
    ("Troops from Britain trained on the tanks in Latvia.", "GBR", False),
]


@pytest.mark.parametrize(("sentence", "state", "named"), SOURCES)
def test_from_source(sentence: str, state: str, named: bool) -> None:
    paragraph = _Paragraph(sentence)
    item = mention_head(paragraph, find_items(sentence)[0])
    mention = next(m for m in find_actors(sentence) if m.id == state)
    span = paragraph.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    assert from_source(span.root, item) is named


@pytest.mark.parametrize(
    ("sentence", "reverse"),
    [
        ("Poland unveiled K2 tanks bought from South Korea.", ("POL", "KOR")),
        ("Latvia paraded tanks acquired from Britain.", ("LVA", "GBR")),
        ("Ukraine stored missiles obtained from Britain's stocks, officials said.", ("UKR", "GBR")),
    ],
)
def test_reverse_pair_not_reported(sentence: str, reverse: tuple[str, str], extract_text) -> None:
    article = extract_text(sentence, None)
    pairs = {(t.supplier.id, t.recipient.id) for t in article.transfers if t.supplier and t.recipient}
    assert reverse not in pairs
