"""`show`'s lines for the sentence behind each field of a claim (ledger.fieldspans): the field's
label and value, then its sentence with the words that gave the value highlighted (the whole
sentence where the sentence itself decided, as for a stage)."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

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
