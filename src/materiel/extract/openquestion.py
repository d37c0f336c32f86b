"""An open question about an act still to come: "it is unclear whether Germany will send tanks",
"has yet to decide whether to send jets" weigh the transfer; they commit nothing."""

from __future__ import annotations

from spacy.tokens import Token

# Auxiliaries of an act still to come in the question: "whether it will send", "whether to send".
AHEAD = {"will", "would", "'ll", "to"}
# Words that open a yes-no question told as a clause: "whether", and "if" on a verb's complement
# ("declined to say if Germany would send tanks"; syntax.hypothetical reads "if" elsewhere as a condition).
QUESTION_MARKS = {"whether", "if"}


def asked_ahead(cue: Token) -> bool:
    """Is the cue's clause a "whether" (or "if") question about an act to come ("whether Germany
    will send tanks", "whether to supply jets", "declined to say if Paris would sell jets")? One
    about an act done ("whether Iran had sent drones") is not."""
    if not any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in cue.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in AHEAD for c in cue.children)
