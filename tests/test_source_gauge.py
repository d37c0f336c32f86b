"""tools/source_gauge.py: the sources7 variants that add names by form, on a stand-in parse."""

from __future__ import annotations

from tools.source_gauge import FORMS, INSTITUTED


class _Parsed:
    text = "The Defence Ministry said Norway sent howitzers.\n\nThe army trains crews."

    def entities(self, labels: set[str], low: int = 0, high: int | None = None) -> list[str]:
        return []


TRANSFER = {"sources": [{"name": "the Defence Ministry"}], "evidence": [{"start": 0, "end": 48}]}
RECORD = {"text": _Parsed.text, "transfers": [TRANSFER]}


def test_institution_words_split_by_whether_our_names_hold_them() -> None:
    assert INSTITUTED["add_institutions_ours_hold"](RECORD, TRANSFER, _Parsed()) == ["ministry"]
    assert INSTITUTED["add_institutions_ours_lack"](RECORD, TRANSFER, _Parsed()) == ["army"]


def test_fills_for_empty_sources_skip_transfers_with_sources() -> None:
    assert FORMS["add_everything_if_empty"](RECORD, TRANSFER, _Parsed()) == []
    assert FORMS["add_institution_words"](RECORD, TRANSFER, _Parsed()) == ["ministry", "army"]
