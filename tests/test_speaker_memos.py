"""What the speakers' candidates ask once per mention, not once per quotation it stands near
(perf24): a mention's own features (speakerplaces.mention_features, kept in `Setting.own`) and
a word's role kind (rolementions.role_kind, cached). Each gives what a fresh working-out gives."""

from __future__ import annotations

import pytest

from materiel.extract import quotes, speakerplaces
from materiel.extract.quotations import find_quotations
from materiel.extract.rolementions import role_kind
from materiel.extract.speakers import Setting, candidates

pytestmark = pytest.mark.slow

# Our own wording: one speaker named, then three quotations near her.
TEXT = (
    "Defence Minister Anna Berg spoke in Oslo on Monday. “We will send the trucks,” she said. "
    "“They leave soon,” she added. “More will follow,” Berg said."
)


def _setting() -> tuple[Setting, list]:
    paragraphs = [(0, TEXT)]
    quotations = find_quotations(paragraphs)
    return quotes._setting(TEXT, paragraphs, quotations), quotations


def _features(setting: Setting, quotations: list, forget: bool) -> list[list[tuple[str, dict]]]:
    out = []
    for quotation in quotations:
        if forget:
            setting.own.clear()
        out.append([(c.name, c.features, c.opener_pronoun) for c in candidates(quotation, setting, None, False)])
    return out


def test_a_mentions_own_features_are_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    setting, quotations = _setting()
    assert len(quotations) == 3
    fresh = _features(setting, quotations, forget=True)
    asked: list[int] = []
    original = speakerplaces.antecedent_features

    def counting(mention: speakerplaces.Mention, setting: Setting) -> dict[str, float]:
        asked.append(id(mention))
        return original(mention, setting)

    monkeypatch.setattr(speakerplaces, "antecedent_features", counting)
    setting.own.clear()
    assert _features(setting, quotations, forget=False) == fresh
    assert asked and len(asked) == len(set(asked))  # each mention once, though near several quotations


def test_the_own_features_are_not_changed_by_a_candidate() -> None:
    setting, quotations = _setting()
    mention = next(m for m in setting.mentions if m.name)
    before = dict(speakerplaces.mention_features(mention, setting)[0])
    _features(setting, quotations, forget=False)
    assert speakerplaces.mention_features(mention, setting)[0] == before


def test_role_kind_is_remembered_by_word() -> None:
    role_kind.cache_clear()
    assert role_kind("ministers") == role_kind("ministers") == "role"
    assert role_kind("Navy") is None and role_kind("navy") == "role_org"
    assert role_kind.cache_info().hits == 1
