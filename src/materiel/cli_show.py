"""How `show` prints one transfer: its ledger row in a line, the analyst's review, its history, the
disagreements between its reports, and each report with its evidence sentences and the sentence
behind each field (ledger.fieldspans), the words that gave a field's value highlighted."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from materiel.countries import labelled

# How the words that gave a field's value stand out in its sentence, and a sentence that decided
# as a whole (a terminal shows both; a pipe gets the plain text).
MARK_STYLE = "bold reverse"
SENTENCE_STYLE = "bold"


def print_field_spans(console: Console, claim: dict) -> None:
    """Each field of the claim that has a sentence: `    Stage (delivered): “...”`."""
    for found in claim.get("field_spans") or []:
        line = Text(f"    {found['label']} ({found['value']}): ")
        line.append_text(_sentence(found))
        console.print(line, highlight=False)


def _sentence(found: dict) -> Text:
    sentence = Text("“" + found["text"] + "”")
    mark = found.get("mark")
    if mark is None:
        sentence.stylize(SENTENCE_STYLE, 1, len(sentence) - 1)
    else:
        sentence.stylize(MARK_STYLE, mark["start"] + 1, mark["end"] + 1)
    return sentence


def print_transfer(console: Console, row: dict) -> None:
    """The whole of `show`'s text answer for one transfer (`get_transfer`'s row)."""
    console.print(_headline(row), markup=False, highlight=False)
    if row.get("review"):
        _print_review(console, row)
    for event in row["history"]:
        console.print(
            f"  {event['date'] or '????-??-??':<10}  {event['status']:<11} {event['disclosure'] or '':<14} "
            f"{event['outlet']}",
            markup=False,
        )
    _print_claims(console, row)


def _headline(row: dict) -> str:
    """The transfer as its ledger row has it: parties, intermediaries, count and items, category,
    stage, openness and sources ("CAN Canada -> UKR Ukraine via USA United States: 20,000 (count)
    artillery rounds, ammunition, delivered (official), 1 source(s)")."""
    via = f" via {', '.join(labelled(code) for code in row['via'])}" if row["via"] else ""
    what = " ".join(part for part in (quantity_label(row), "; ".join(row["items"])) if part)
    return (
        f"{labelled(row['supplier'])} -> {labelled(row['recipient'])}{via}: {what + ', ' if what else ''}"
        f"{row['category']}, {row['status']} ({row['disclosure'] or 'unknown'}), {row['corroboration']} source(s)"
    )


# What each review state means to the reader of `show` (the ledger's table has only the word).
REVIEW_MEANING = {
    "confirmed": "checked and right",
    "rejected": "hidden from the ledger and exports but `ledger --rejected`; --confirm restores it",
    "corrected": "fields above as corrected",
}


def _print_review(console: Console, row: dict) -> None:
    """The analyst's decision on the transfer and its notes."""
    notes = "; ".join(row.get("review_notes") or [])
    line = f"  review: {row['review']} ({REVIEW_MEANING[row['review']]})" + (f": {notes}" if notes else "")
    console.print(line, markup=False, highlight=False)


def _carriers(claim: dict) -> str:
    """The outlets that ran an exact copy of the claim's page, each with the address it ran at (a
    fact-checker opens it to see the copy), as the transfer page links them."""
    places = zip(claim["also_carried_by"], claim.get("also_carried_at") or [], strict=False)
    return ", ".join(f"{outlet} <{url}>" if url else outlet for outlet, url in places)


def _print_claims(console: Console, row: dict) -> None:
    """Both sides of each disagreement, then every report once with its evidence sentences."""
    for disagreement in row.get("disagreements") or []:
        console.print(f"\nCONTESTED: {disagreement['kind']}", markup=False, highlight=False)
        for label, side in zip(("one side", "other side"), disagreement["claims"], strict=False):
            for claim in side:
                sentence = claim["evidence_text"][0] if claim["evidence_text"] else ""
                console.print(f"  {label}: {claim['outlet'] or claim['source']}: {sentence}", markup=False)
    for claim in row["claims"]:
        also = f" (also carried by {_carriers(claim)})" if claim.get("also_carried_by") else ""
        console.print(f"\n{claim['source']}{also}", markup=False, style="dim")
        for sentence in claim["evidence_text"]:
            console.print(f"  > {sentence}", markup=False)
        print_field_spans(console, claim)


def quantity_label(row: dict) -> str:
    """The row's count or sum as the ledger's table and `show` print it ("20,000", "10-12")."""
    from materiel.ledger.export import quantities_text

    if row.get("quantities"):
        return quantities_text(row)
    low, high = row["quantity_low"], row["quantity_high"]
    if low is None and high is None:
        return ""
    return f"{low:,.0f}" if high in (None, low) else f"{low or 0:,.0f}-{high:,.0f}"
