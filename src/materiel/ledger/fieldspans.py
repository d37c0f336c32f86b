"""Each field of a stored claim with the sentence that decided it, for `show`, the transfer page
and the JSON API: the field, a label for a reader, its value, the sentence's offsets and text, and
where in the sentence the words that gave the value stand (`mark`, None for the whole sentence).

A field whose sentence is not known (the headline decided it, or the claim was stored before
schema version 8) is left out, as is a field with no value.
"""

from __future__ import annotations

# A reader's name for each field, as the transfer page labels it.
LABELS = {"status": "Stage", "via": "Through", "quantity": "Quantity", "disclosure": "Openness", "source": "Source"}


def field_spans(claim: dict, text: str, sources: list[dict]) -> list[dict]:
    """The claim's fields, each with its deciding sentence (see the module's docstring)."""
    quantity = " ".join(p for p in (claim.get("quantity_text"), claim.get("unit")) if p)
    found = [
        _field("status", claim["status"], claim.get("status_span"), text),
        _field("via", ", ".join(claim.get("via") or []), claim.get("via_span"), text),
        _field("quantity", quantity, claim.get("quantity_span"), text, claim.get("quantity_text")),
        _field("disclosure", claim.get("disclosure"), claim.get("disclosure_span"), text),
    ]
    for source in sources:
        span = _span(source.get("sentence_start"), source.get("sentence_end"))
        found.append(_field("source", source["name"], span, text, name_at=(source.get("start"), source.get("end"))))
    return [f for f in found if f is not None]


def _field(
    name: str,
    value: str | None,
    span: dict | None,
    text: str,
    words: str | None = None,
    name_at: tuple[int | None, int | None] = (None, None),
) -> dict | None:
    if not value or not span or not 0 <= span["start"] < span["end"] <= len(text):
        return None
    sentence = text[span["start"] : span["end"]]
    return {
        "field": name,
        "label": LABELS[name],
        "value": value,
        "start": span["start"],
        "end": span["end"],
        "text": sentence,
        "mark": _mark(sentence, span["start"], words, name_at),
    }


def _mark(sentence: str, offset: int, words: str | None, name_at: tuple[int | None, int | None]) -> dict | None:
    """Where the value's own words stand in the sentence: a source's name by its stored span, a
    quantity by its text (its first occurrence); None where they are not inside it."""
    start, end = name_at
    if start is not None and end is not None and offset <= start < end <= offset + len(sentence):
        return {"start": start - offset, "end": end - offset}
    at = sentence.find(words) if words else -1
    return {"start": at, "end": at + len(words)} if words and at >= 0 else None


def _span(start: int | None, end: int | None) -> dict | None:
    return {"start": start, "end": end} if start is not None and end is not None else None
