"""Cleaning cases as data: pages, encoding mix-ups, and correct text that must not change."""

from __future__ import annotations

import pytest

from materiel.clean.encoding import repair_line
from tests.builders import cleaned
from tests.conftest import CASES, load_cases

PAGES = load_cases(CASES / "cleaning" / "pages.json")
SENTENCES = load_cases(CASES / "cleaning" / "encoding.json")
NEGATIVES = load_cases(CASES / "cleaning" / "negatives.json")


def misread(text: str, codepage: str) -> str:
    """What a Windows-1252 reader shows for text saved in `codepage` (Latin-1 for 1252's holes)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode(codepage))


PAGE_PARAMS = [
    pytest.param(c, id=c["name"], marks=[pytest.mark.xfail(strict=True, reason=c["xfail"])] if "xfail" in c else [])
    for c in PAGES
]


@pytest.mark.parametrize("case", PAGE_PARAMS)
def test_page(case: dict) -> None:
    article = cleaned(case["input"])
    assert article.title == case["title"]
    for needle in case["keeps"]:
        assert needle in article.text
    for needle in case["drops"]:
        assert needle not in article.text
    reasons = {r.reason for r in article.removed}
    assert set(case["reasons"]) <= reasons, reasons
    repairs = " ".join(r.how for r in article.repairs)
    for how in case.get("repairs", []):
        assert how in repairs, repairs
    for name, expected in case.get("fields", {}).items():
        value = getattr(article, name)
        if isinstance(expected, dict):
            assert {k: value.get(k) for k in expected} == expected
        else:
            assert value == expected


LEGACY = [
    pytest.param(
        c["text"],
        page,
        id=f"{c['language']}-{page}",
        marks=[pytest.mark.xfail(strict=True, reason=c["xfail"])] if "xfail" in c else [],
    )
    for c in SENTENCES
    for page in c["codepages"]
]


@pytest.mark.parametrize(("text", "codepage"), LEGACY)
def test_legacy_mixup_is_repaired(text: str, codepage: str) -> None:
    broken = misread(text, codepage)
    assert broken != text
    repairs: list = []
    assert repair_line(broken, repairs) == text
    # The recorded code page need not be the one used (cp1250 and ISO 8859-2 agree on most
    # letters) but it must explain the bytes: reading the repair back through it gives the input.
    page = repairs[-1].how.split()[0]
    assert misread(repairs[-1].after, page) == repairs[-1].before


@pytest.mark.parametrize("text", [c["text"] for c in SENTENCES])
def test_utf8_mojibake_is_repaired(text: str) -> None:
    broken = text.encode("utf-8").decode("cp1252", errors="replace")
    if "\ufffd" in broken:  # bytes 1252 leaves undefined: read as Latin-1, as browsers do
        broken = misread(text, "utf-8")
    repairs: list = []
    assert repair_line(broken, repairs) == text
    assert repairs


@pytest.mark.parametrize("text", NEGATIVES)
def test_correct_text_is_untouched(text: str) -> None:
    repairs: list = []
    assert repair_line(text, repairs) == text
    assert repairs == []
    article = cleaned(f"Some body text that is long enough to be a paragraph of the page.\n\n{text}")
    assert text in article.text
    assert article.repairs == []
