"""Extraction cases as data: sentences the authors wrote, the transfers and quotes they hold."""

from __future__ import annotations

import pytest

from materiel.extract.quantities import find_amounts
from materiel.pipeline import Failure
from tests.conftest import CASES, article_of, load_cases

TRANSFERS = load_cases(CASES / "extraction" / "transfers.json")
# Probes of constructions of transfer reporting, grouped by `construction`; `forbid`: partial
# transfers (supplier, recipient, category, status) none of the found may match.
CONSTRUCTIONS = load_cases(CASES / "extraction" / "constructions.json")
# Probes of issue 12's kinds of failure, written before reading the code; `category` may list the
# categories a careful reader could give, and `quotes` the quotations the passage must yield.
PROBES = load_cases(CASES / "extraction" / "probes15.json")
# Probes of the transfer's stage on invented passages (historical summaries, reference-work dates,
# packages, requests, negations, reported speech), written before the stage rules were read, and
# the cases of the rule they led to (deliveries told beside or after an order).
STAGES = load_cases(CASES / "extraction" / "stage17.json")
# Probes of the stage and quantity of arms sales and procurement outside the Ukraine-aid genre
# (approvals, letters of request, contracts, licences, batches, talks, refusals, across eras and
# regions), written before the stage and quantity code was read, and the cases of their rules.
SALES = load_cases(CASES / "extraction" / "sales20.json")
# Probes of the stage by kind of language (announcements of deliveries to come, cumulative
# perfects, allegations under way, contracts, requests, refusals, headlines, sequences), of decades
# and eras as dates (Moscow then is the Soviet Union), of Congress's chambers and of "review",
# written before the stage code was read (stage21).
STAGES_21 = load_cases(CASES / "extraction" / "stage21.json")
# Transfers a headline tells and the body only points at ("The first jets will arrive").
HEADLINES = load_cases(CASES / "extraction" / "headlines.json")
NEGATIVES = load_cases(CASES / "extraction" / "negatives.json")
# Issue 12's look-alikes of a transfer by kind (used, captured, own industry, training, visits,
# scrap, simulations, ...) and positives that resemble them: a case with `expect` is a positive.
LOOKALIKES = load_cases(CASES / "extraction" / "lookalikes20.json")
LOOKALIKE_POSITIVES = [c for c in LOOKALIKES if "expect" in c]
LOOKALIKE_NEGATIVES = [c for c in LOOKALIKES if "expect" not in c]
# Look-alikes of genres the earlier files hold few of (arms-industry business, export statistics and
# donor rankings, drills and training missions, arms control, own industry, seizures, civil aid,
# strikes, modals, criminal export cases, book reviews) and positives in them, written before the
# extraction code was read (prec25).
LOOKALIKES_25 = load_cases(CASES / "extraction" / "lookalikes25.json")
QUOTES = load_cases(CASES / "extraction" / "quotes.json")
# Speaker probes of issue 12's kind 7, by `kind` of construction, written before reading the code.
SPEAKER_PROBES = load_cases(CASES / "extraction" / "speakerprobes.json")
# Speaker probes of kinds those lack, across outlets' styles (speakers20), written before reading the code.
SPEAKER_PROBES_20 = load_cases(CASES / "extraction" / "speakerprobes20.json")
# Pronoun speakers by kind (gender the text tells, embedded and subordinate names, a speaker named
# next), across styles (speakers21), written before reading the resolver code.
SPEAKER_PROBES_21 = load_cases(CASES / "extraction" / "speakerprobes21.json")
# Speakers by kind of layout (continued quotation paragraphs, interviews' bare answers, role nouns
# and surnames far after the full name, a name set off after the role noun), across styles
# (speakers22), written before reading the resolver code.
SPEAKER_PROBES_22 = load_cases(CASES / "extraction" / "speakerprobes22.json")
# Speakers never offered to the ranker (documents as the subject of a verb of wording, verbs of
# naming) and look-alikes, across styles (speakers23), written before reading the candidate code.
SPEAKER_PROBES_23 = load_cases(CASES / "extraction" / "speakerprobes23.json")
# Speakers named one to six sentences or paragraphs back who keep the floor while another person is
# named in what they reported or in the narrative, and look-alikes where that person takes the floor
# (speakers24), written before reading the resolver code.
SPEAKER_PROBES_24 = load_cases(CASES / "extraction" / "speakerprobes24.json")
# Speakers in the quotation's own sentence who speak for an organisation (apposition, a title, "according
# to", "told" an outlet, "quoted as saying", speaking for), look-alikes where the organisation speaks
# (speakers25), written before reading the ranker code; and the verbs of saying the study found missing.
SPEAKER_PROBES_25 = load_cases(CASES / "extraction" / "speakerprobes25.json")
# Quotation detection by kind of marks and layout (open paragraphs, single marks, guillemets, low-high
# marks, headlines, scare quotes, transcripts, colons, split quotations, posts, documents), across
# styles (quotes23), written before reading the quotation code.
QUOTE_PROBES_23 = load_cases(CASES / "extraction" / "quotes23.json")
QUANTITIES = load_cases(CASES / "extraction" / "quantities.json")
# Probes of the language that loses transfers before the scorer (nominalisations, verbs of paying,
# lists) and look-alikes that must yield none, written before reading the code that handles them.
RECALL_PROBES = load_cases(CASES / "extraction" / "recall20.json")
# Probes of the language of gold transfers that get no candidate (nominal transfers, parties named
# by capital, leader or force, a party in the headline only, lists a sentence from their items,
# model numbers, verbs) and look-alikes, written before reading the generator (recall22).
RECALL_PROBES_22 = load_cases(CASES / "extraction" / "recall22.json")
# Probes of which amount a transfer gets where several compete (package and rows, running totals,
# other items' counts, other sentences, value and count, vague bounds, units, none), written before
# the quantity choice code was read, and the cases of the rules they led to (kind `rule`).
QUANTITY_PROBES = load_cases(CASES / "extraction" / "quantity21.json")
# Probes of a transfer's sources by kind (outlets cited, unnamed officials, government bodies, named
# people, documents, and names that are no source), across styles, written before the source code was
# read (sources22).
SOURCE_PROBES = load_cases(CASES / "extraction" / "sources22.json")
# Probes of names that must not be a transfer's source (plain nouns, places as such, an unrelated
# quote's speaker, another paragraph's name, a second form of one source) beside the one that must,
# written before the source code was read (srcprec22).
SOURCE_JUNK_PROBES = load_cases(CASES / "extraction" / "srcprec22.json")
# Probes of amounts told away from the item in its sentence (the headline or lead, a list's line, after
# the item, a running count, a table's row, money written out or in other currencies, vague amounts, a
# package's general row) and neighbours' amounts that are not the item's, written before the quantity
# choice code was read (qty22).
QUANTITY_PROBES_22 = load_cases(CASES / "extraction" / "quantity22.json")
# Probes of how an amount is read and which one a transfer gets in kinds the earlier rounds lack ("a further
# N", unit nouns counting groups, ranges, European numerals, money forms, spelled numbers, vague bounds) and
# look-alikes that are never a quantity (a year, a calibre, a model number, a distance, a casualty count, an
# age), written before the quantity code was read (qty25).
QUANTITY_PROBES_25 = load_cases(CASES / "extraction" / "quantity25.json")
# Probes of near-miss transfers (two of supplier, recipient and category right, the third wrong:
# air defence told as missiles, drones as aircraft, a maker's or transit state, an alliance for a
# member, a company) and negatives, written before the category and party code was read (near22).
NEAR_MISSES = load_cases(CASES / "extraction" / "near22.json")
# Probes of items meant for, bought for or passed on through another state (once meant for, diverted,
# Soviet-made stocks, re-exports, purchases for a third state, resale chains, yards building for a
# foreign navy) and look-alikes, written before the party code was read (meant23).
MEANT_FOR = load_cases(CASES / "extraction" / "meant23.json")
# Probes of the stage in older-era and reference prose, translated state-media phrasing, a headline's
# stage, a stage told later, cancellations, expected arrivals, items on their way and first batches,
# with look-alikes, written before the stage code was read (status23).
STATUS_23 = load_cases(CASES / "extraction" / "status23.json")
# Probes of the stage of contracts against deliveries begun, expected and due arrivals, handing over,
# shipping, sales scrapped before delivery, legislatures' approvals, offers, leases and loans, items
# returned and historic purchases, with look-alikes, written before the stage code was read (status25).
STATUS_25 = load_cases(CASES / "extraction" / "status25.json")
# Probes of parties in kinds earlier rounds left (transit states, bare demonyms, groups named by a state
# adjective, 'pass to', re-exports needing the maker's consent, categories joined by 'and', alliances'
# funds and pooled purchases) and look-alikes, written before the party code was read (via23).
VIA_PARTIES = load_cases(CASES / "extraction" / "via23.json")
# Probes of a transfer told across sentences (the item a sentence after its parties) and look-alikes
# (a general item pointing back, another taker in the item's sentence, two transfers in a row, war
# news), written before the cross-sentence link feature was built (xsent23).
ACROSS_SENTENCES = load_cases(CASES / "extraction" / "xsent23.json")
# A state's or capital's name that is a person's first name ("Defence Minister Israel Katz", "said
# Sofia Marin"), and look-alikes where the state acts (firstnames26).
FIRST_NAMES = load_cases(CASES / "extraction" / "firstnames26.json")
# Probes of a state's "it" or "the country" above the transfer verb's open clause ("It plans to
# send") for the subject of the sentence before, and look-alikes (a ship's or package's "it", a
# sender now receiving, "it" after two states joined by "and"), written before the code (xsent25).
OPEN_CLAUSE_PRONOUNS = load_cases(CASES / "extraction" / "xsent25.json")
# Probes of arms-trade statistics naming one party in the possessive or of-phrase of "exports" and
# the other after "went to", "customers were", "received", and look-alikes (a share of world
# exports, a firm's market share, a share of GDP or a budget), written before the code (stats25).
SHARES = load_cases(CASES / "extraction" / "shares25.json")
# Probes of state invariance: a demonym's plural for the people as its state, for states the lexicon
# lists without one ("the Lithuanians delivered", "to the Armenians"), and look-alikes (states26).
STATES_26 = load_cases(CASES / "extraction" / "states26.json")
# Surnames written alone with their lower-case particle ("al-Harbi said", "de la Fuente told"),
# names of several origins in each shape, and states, movements and places that keep their
# reading (names26, from tools/name_invariance.py's renaming of the gold speakers).
NAMES_26 = load_cases(CASES / "extraction" / "names26.json")
# Readings the embargo filter hid, with states under no embargo: a side profiting from a delay in
# aid is no recipient, a maker's name on what another sends no supplier; look-alikes (emb26).
EMBARGO_26 = load_cases(CASES / "extraction" / "embargo26.json")
# Outlets no lexicon lists, named as outlets by the words around them ("the Israeli newspaper X", "a
# paper like X", "Agencia X", "the X news agency"; src26, from tools/source_invariance.py's renaming).
SOURCES_26 = load_cases(CASES / "extraction" / "sources26.json")

pytestmark = pytest.mark.slow


def _params(cases: list[dict]) -> list:
    return [
        pytest.param(
            c,
            id=c["text"][:50],
            marks=[pytest.mark.xfail(strict=True, reason=c["xfail"])] if "xfail" in c else [],
        )
        for c in cases
    ]


def _matches(found, want: dict) -> bool:
    sides = (found.supplier and found.supplier.id, found.recipient and found.recipient.id)
    if sides != (want["supplier"], want["recipient"]) or found.item.category not in _listed(want["category"]):
        return False
    checks = [
        "status" not in want or found.status in _listed(want["status"]),
        "via" not in want or sorted(v.id for v in found.via) == sorted(want["via"]),
        "disclosure" not in want or found.disclosure == want["disclosure"],
        "quantity" not in want or _quantity_is(found.quantity, want["quantity"]),
        "unit" not in want or (found.quantity is not None and found.quantity.unit == want["unit"]),
        "sources" not in want or all(any(s in f.name.lower() for f in found.sources) for s in want["sources"]),
        all(s not in f.name.lower() for s in want.get("sources_absent", []) for f in found.sources),
        all(f.name.lower() not in want.get("sources_not", []) for f in found.sources),
        all(sum(s in f.name.lower() for f in found.sources) <= 1 for s in want.get("sources_once", [])),
    ]
    return all(checks)


def _listed(wanted: str | list[str]) -> list[str]:
    """A wanted value, or the values a careful reader could give it (`["postponed", "cancelled"]`,
    `["funding", "unspecified"]`)."""
    return wanted if isinstance(wanted, list) else [wanted]


def _quantity_is(quantity, wanted: list | None) -> bool:
    """The quantity overlaps the wanted range; `null` wants none."""
    if wanted is None or quantity is None:
        return wanted is None and quantity is None
    return _overlap(quantity, wanted)


def _overlap(quantity, wanted: list) -> bool:
    low = quantity.low if quantity.low is not None else quantity.high
    high = quantity.high if quantity.high is not None else quantity.low
    return low <= wanted[1] and wanted[0] <= high


@pytest.mark.parametrize(
    "case",
    _params(TRANSFERS)
    + _params(CONSTRUCTIONS)
    + _params(PROBES)
    + _params(STAGES)
    + _params(SALES)
    + _params(STAGES_21)
    + _params(HEADLINES)
    + _params(RECALL_PROBES)
    + _params(RECALL_PROBES_22)
    + _params(QUANTITY_PROBES)
    + _params(SOURCE_PROBES)
    + _params(SOURCE_JUNK_PROBES)
    + _params(QUANTITY_PROBES_22)
    + _params(QUANTITY_PROBES_25)
    + _params(NEAR_MISSES)
    + _params(MEANT_FOR)
    + _params(STATUS_23)
    + _params(STATUS_25)
    + _params(VIA_PARTIES)
    + _params(ACROSS_SENTENCES)
    + _params(FIRST_NAMES)
    + _params(OPEN_CLAUSE_PRONOUNS)
    + _params(SHARES)
    + _params(STATES_26)
    + _params(EMBARGO_26)
    + _params(SOURCES_26)
    + _params(LOOKALIKE_POSITIVES)
    + _params([c for c in LOOKALIKES_25 if "expect" in c]),
)
def test_transfers(case: dict, extract_text) -> None:
    article = extract_text(case["text"], case.get("title"), case.get("published"))
    for want in case.get("quotes", []):
        assert any(_said_by(q, want) for q in article.quotes), (want, article.quotes)
    for want in case["expect"]:
        assert any(_matches(t, want) for t in article.transfers), (want, article.to_dict()["transfers"])
    assert len(article.transfers) <= len(case["expect"]) + case.get("extra_allowed", 0), article.transfers
    for unwanted in case.get("forbid", []):
        assert not any(_like(t, unwanted) for t in article.transfers), (unwanted, article.to_dict()["transfers"])


def _like(found, unwanted: dict) -> bool:
    """Does a found transfer have every party, category and status the forbidden one names?"""
    fields = {
        "supplier": found.supplier and found.supplier.id,
        "recipient": found.recipient and found.recipient.id,
        "category": found.item.category,
        "status": found.status,
    }
    return all(fields[key] == value for key, value in unwanted.items())


def _negative_params(cases: list) -> list:
    """A negative is a sentence, or {"text", "title"?, "xfail"?}: a page under its title, or a
    known false transfer (strict xfail)."""
    return [
        pytest.param(
            c["text"],
            c.get("title"),
            marks=[pytest.mark.xfail(strict=True, reason=c["xfail"])] if "xfail" in c else [],
            id=c["text"][:60],
        )
        if isinstance(c, dict)
        else pytest.param(c, None, id=c[:60])
        for c in cases
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    _negative_params(NEGATIVES)
    + _negative_params(LOOKALIKE_NEGATIVES)
    + _negative_params([c for c in LOOKALIKES_25 if "expect" not in c]),
)
def test_no_transfer(text: str, title: str | None, runner) -> None:
    """No transfer: a page that cleaning leaves without text (a one-line question read as its
    headline) is skipped before extraction, which gives none either."""
    result = runner.run_one(article_of(text, title=title))
    if isinstance(result, Failure):
        assert result.code == "skipped", result
        return
    assert result.transfers == []


@pytest.mark.parametrize(
    "case",
    _params(QUOTES)
    + _params(SPEAKER_PROBES)
    + _params(SPEAKER_PROBES_20)
    + _params(SPEAKER_PROBES_21)
    + _params(SPEAKER_PROBES_22)
    + _params(SPEAKER_PROBES_23)
    + _params(SPEAKER_PROBES_24)
    + _params(SPEAKER_PROBES_25)
    + _params(QUOTE_PROBES_23)
    + _params(NAMES_26),
)
def test_quotes(case: dict, extract_text) -> None:
    quotes = extract_text(case["text"], title=case.get("title")).quotes
    for want in case["expect"]:
        assert any(_said_by(q, want) for q in quotes), (want, quotes)
    for unwanted in case.get("refuse", []):  # a scare quote or a title: found, but nobody's words
        assert not any(q.text.startswith(unwanted["starts"]) and q.speaker for q in quotes), (unwanted, quotes)


def _said_by(quote, want: dict) -> bool:
    """The quote starts as wanted, by a speaker whose name holds `speaker` (or is `speaker_is`)."""
    if not quote.text.startswith(want["starts"]) or quote.speaker is None:
        return False
    if "speaker_is" in want:
        return quote.speaker.name == want["speaker_is"]
    return want["speaker"] in quote.speaker.name


def test_evidence_spans_cover_their_fields(extract_text) -> None:
    article = extract_text("Germany has sent 14 Leopard 2 tanks to Ukraine. Berlin said more would follow.")
    (transfer,) = article.transfers
    sentence = article.text[transfer.evidence[0].start : transfer.evidence[0].end]
    assert sentence.startswith("Germany has sent")
    for field in (transfer.supplier, transfer.recipient, transfer.item, transfer.quantity):
        assert field is not None and field.span is not None
        assert transfer.evidence[0].start <= field.span.start < field.span.end <= transfer.evidence[0].end
    assert article.text[transfer.quantity.span.start : transfer.quantity.span.end] == "14"
    assert 0.0 <= transfer.confidence <= 1.0


def _quantity_params(cases: list[dict]) -> list:
    """Quantity cases by their text; a known misreading (`xfail`) runs as a strict xfail."""
    return [
        pytest.param(
            c,
            id=c["text"][:40],
            marks=[pytest.mark.xfail(strict=True, reason=c["xfail"])] if "xfail" in c else [],
        )
        for c in cases
    ]


@pytest.mark.parametrize("case", _quantity_params(QUANTITIES))
def test_quantity(case: dict) -> None:
    amounts = find_amounts(case["text"])
    assert len(amounts) == case.get("count", 1), amounts
    if not amounts:
        return
    amount = amounts[0]
    assert (amount.text, amount.low, amount.high, amount.unit) == (
        case["amount"],
        case["low"],
        case["high"],
        case["unit"],
    )
