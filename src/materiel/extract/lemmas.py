"""The spaCy rule lemmatizer, with every answer remembered.

spaCy's rule lemmatizer walks the Doc token by token in Python and remembers a lemma by (word,
part of speech, morphology), but not the commonest answer: a word already in its base form (a
singular noun, an infinitive, a positive adjective) is worked out again each time it is seen.
Its rules read nothing else of a token, so the lemma is a function of those three values: here
each is worked out once by spaCy's own `lemmatize` and remembered, and the lemmas are read and
written as one array. Tokens that already have a lemma (the attribute ruler's exceptions) keep
it, as spaCy's lemmatizer keeps them unless told to overwrite.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.tokens import Doc

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.lookups import Lookups

# (word, part of speech, morphology) combinations remembered at most: one entry is about two
# hundred bytes; past this the memory starts again (a crawl's vocabulary keeps growing).
MEMORY_SIZE = 200_000
ARRAY = [ORTH, POS, MORPH, LEMMA]


def install(nlp: Language) -> bool:
    """Make the pipeline's rule lemmatizer remember every lemma: True if it was one."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or not hasattr(lemmatizer, "rule_lemmatize"):
        return False
    base = type(lemmatizer)
    lemmatizer.__class__ = type(f"Remembering{base.__name__}", (base,), {"__call__": _remembering_call})
    lemmatizer.remembered = {}
    _index_as_sets(lemmatizer.lookups)
    return True


def _index_as_sets(lookups: Lookups) -> None:
    """spaCy asks `form in index` of the word list of a part of speech (57,000 nouns) for every
    form a suffix rule makes: as a list, each answer is a scan (a first sight of a word costs
    about 0.1 ms). The same words as a set give the same answers at once. The pipeline is never
    saved, so the table need not stay serialisable."""
    if not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    for pos in list(index.keys()):
        index[pos] = frozenset(index[pos])


def _remembering_call(self, doc: Doc) -> Doc:
    """spaCy's `Lemmatizer.__call__`, with each (word, part of speech, morphology) lemmatized once."""
    if not self._validated:
        self._validate_tables(Errors.E1004)
    if not len(doc):
        return doc
    try:
        rows = doc.to_array(ARRAY)
        lemmas = rows[:, 3].copy()
        for position, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            lemmas[position] = _lemma(self, doc, position, (orth, pos, morph))
        doc.from_array([LEMMA], lemmas)
        return doc
    except Exception as error:
        self.get_error_handler()(self.name, self, [doc], error)


def _lemma(self, doc: Doc, position: int, key: tuple[int, int, int]) -> int:
    """The string id of the lemma of the token at `position`, whose (word, part of speech, morphology) is `key`."""
    remembered = self.remembered
    found = remembered.get(key)
    if found is None:
        if len(remembered) >= MEMORY_SIZE:
            remembered.clear()
        found = remembered[key] = doc.vocab.strings.add(self.lemmatize(doc[position])[0])
    return found
