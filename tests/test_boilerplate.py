"""The boilerplate rules' shortcuts: a rule's regex is searched only on lines holding one of its
needles, so every line the regex matches must hold one, or the rule would silently miss it; and a
rule marked anchored is only tried at a line's start, so a search must find nothing more."""

from __future__ import annotations

import json
import sys

import pytest

from materiel.clean.boilerplate import RULES, boilerplate_reason, fold
from materiel.clean.rules import RuleBook
from tests.conftest import CASES, SHARED, load_cases

CHROME_FILE = json.loads((CASES / "cleaning" / "chrome.json").read_text(encoding="utf-8"))
CHROME, CHROME_NEGATIVES = CHROME_FILE["cases"], CHROME_FILE["negatives"]


def _lines() -> list[str]:
    texts = [case["input"] for case in load_cases(CASES / "cleaning" / "pages.json")]
    texts += load_cases(CASES / "cleaning" / "negatives.json")
    texts += [case["line"] for case in CHROME] + CHROME_NEGATIVES
    texts += [path.read_text(encoding="utf-8", errors="replace") for path in sorted((SHARED / "corpus").glob("*.txt"))]
    return [line.strip() for text in texts for line in text.split("\n") if line.strip()]


# Notices written for these tests, one or more per rule that has needles.
NOTICES = [
    ("This website uses cookies to improve your experience.", "cookie_notice"),
    ("OK, got it", "cookie_notice"),
    ("Found a mistake? Select it and press Ctrl+Enter", "typo_report"),
    ("Report a typo", "typo_report"),
    ("[email\xa0protected]", "email_placeholder"),
    ("Цей текст також доступний українською", "language_notice"),
    ("Tekst dostępny również w języku angielskim", "language_notice"),
    ("Dieser Artikel ist auch auf Englisch verfügbar", "language_notice"),
    ("Read this in English", "language_notice"),
    ("This article was originally published in Ukrainian.", "language_notice"),
    ("Translated from Russian by our desk.", "language_notice"),
    ("Accept all cookies", "cookie_notice"),
    ("Manage preferences", "cookie_notice"),
    ("JOIN US ON TELEGRAM!", "social_follow"),
    ("Have a news tip? Send it to the desk.", "social_follow"),
    ("Sign up for our daily newsletter", "newsletter"),
    ("Get the NewsNow app", "newsletter"),
    ("Subscribe to continue reading", "paywall"),
    ("This article is for subscribers only.", "paywall"),
    ("Get our stories by email every Friday.", "newsletter"),
    ("By providing your email address, you agree to our privacy policy.", "newsletter"),
    ("Leave this field blank", "newsletter"),
    ("The opinions expressed here are the writer's own.", "disclaimer"),
    ("This page is more than 3 years old", "disclaimer"),
    ("Reposted with permission from Example Review.", "disclaimer"),
    ("(c) 2019 Example Media", "disclaimer"),
    ("This report was corrected on Tuesday to fix a figure.", "update_note"),
    ("Last updated: 4 May 2024, 10:15", "update_note"),
    ("By continuing, you acknowledge our Terms of Service and Privacy Policy.", "consent_notice"),
    ("Marketing cookies track visitors across websites.", "consent_notice"),
    ("Take our poll - story continues below", "read_more"),
    ("What each side wants from the talks?Read more", "read_more"),
    ("Ministry of Defence Skip to main content", "navigation"),
    ("We have sent a verification code to your email address.", "navigation"),
    ("Please consider a donation to keep our reporting free.", "self_promotion"),
    ("See who is sharing it and leave a comment.", "share_bar"),
    ("The Institute is a private, nonprofit institution and does not take institutional positions.", "disclaimer"),
    ("Please see the PDF for footnotes.", "disclaimer"),
    ("Join us at the Example Defence Summit in May.", "self_promotion"),
    ("The desk accepts tips about wrongdoing and protects the confidentiality of its sources.", "self_promotion"),
    ("Video Defence Minister In Kyiv: a visit to the front", "read_more"),
    ("Name This field is for validation purposes and should be left unchanged.", "newsletter"),
    ("Completing this poll grants you access to Example updates free of charge.", "newsletter"),
    ("Source: https://example.org/2024/03/story/", "source_link"),
    ("Defence, Ukraine War, Nordic Security, Air Power, and Europe", "tags"),
    ("* Share !Email share !url-copy", "share_bar"),
    ("[](https://example.org/search?q=story)[](https://example.org/profile)", "share_bar"),
    ("New episodes every week at https://example.tv/", "self_promotion"),
    ("Plans from $4 a month, cancel anytime", "paywall"),
    ("Jo Ray covers defence. She can be reached at jo@example.org", "author_card"),
    ("Jo Ray covers defence. Follow her on Bluesky for updates.", "author_card"),
    ("DAX 18,204.5 +0.4% | EUR/USD 1.08", "ticker"),
    ("Get the weekend edition delivered to your door", "paywall"),
    ("The print magazine: 6 issues for £9.99 and a free tote", "paywall"),
    ("Why the frigate order slipped again · 4 min read", "read_more"),
    ("Inside the shipyard at night | Mar 2, 2024", "read_more"),
]


LINES = _lines() + [line for line, _ in NOTICES]


@pytest.mark.parametrize("rule", [r for r in RULES if r.needles], ids=lambda r: r.reason)
def test_every_match_holds_a_needle(rule) -> None:
    matched = [line for line in LINES if len(line) <= rule.max_chars and rule.pattern.search(line)]
    missed = [line for line in matched if not any(n in line.casefold() for n in rule.needles)]
    assert matched, f"no case line exercises {rule.reason}"
    assert not missed


@pytest.mark.parametrize("rule", [r for r in RULES if r.anchored], ids=lambda r: r.reason)
def test_anchored_rules_match_only_at_the_start(rule) -> None:
    """A rule marked anchored is tried at a line's start only; a search must find nothing more."""
    lines = [line for line in LINES if len(line) <= rule.max_chars]
    assert [x for x in lines if rule.pattern.search(x)] == [x for x in lines if rule.pattern.match(x)]


def test_rule_book_gives_the_first_rule_that_matches() -> None:
    """The book's shortcuts (rules by length, every needle looked for at once) give the reason of
    the first rule that `Rule.matches`, tried one by one in order."""
    book = RuleBook(RULES)
    for line in LINES + [line.upper() for line in LINES[:2000]]:
        folded = line.casefold()
        first = next((r.reason for r in RULES if r.matches(line, folded)), None)
        assert book.reason(line, folded) == first, line


def test_rule_book_knows_each_needles_rules() -> None:
    """The rules of each needle, gathered in one pass over the rules: those whose needles hold it."""
    book = RuleBook(RULES)
    assert book.rules_of == {n: frozenset(i for i, r in enumerate(RULES) if n in r.needles) for n in book.needles}


@pytest.mark.parametrize(("line", "reason"), NOTICES)
def test_needles_let_real_notices_through(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize("case", CHROME, ids=lambda c: c["line"][:40])
def test_site_chrome_is_dropped(case: dict) -> None:
    assert boilerplate_reason(case["line"]) == case["reason"]


@pytest.mark.parametrize("line", CHROME_NEGATIVES, ids=lambda line: line[:40])
def test_sentences_with_chrome_words_stay(line: str) -> None:
    assert boilerplate_reason(line) is None


def test_fold_skips_the_split_only_where_it_would_change_nothing() -> None:
    """fold returns a printable text without two spaces or an outer space as it is (case-folded):
    it holds no white space to collapse, since " " is the only printable white space
    character; every other text is split and joined."""
    spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()]
    assert [c for c in spaces if c.isprintable()] == [" "]
    texts = ["Kyiv gets tanks", " Kyiv", "Kyiv ", "Kyiv  gets", "ＫＹＩＶ ＧＥＴＳ Straße", "a\u00adb"]
    texts += [f"Kyiv{c}gets" for c in spaces] + [f"{c}Kyiv{c}" for c in spaces]
    for text in texts:
        assert fold(text) == " ".join(text.split()).casefold(), repr(text)
