"""Whether a named candidate beats a chosen role noun or inherited speaker (quotes30): variants of
the ranker's attributions in which only the speakers of one kind of chosen candidate are swapped
for another candidate the ranker offered, with how many quotations each variant changes. Not
shipped.

    base            the ranker's own choice
    role_named      a chosen role noun ("the minister", "officials") -> the likeliest name offered
                    (a person, surname, organisation or outlet written out)
    role_named_p    the same, only a name the ranker finds plausible (over its threshold)
    rolebare_named  only a role noun that stands for no one (it keeps its own words) -> that name
    role_union      the chosen role noun AND that name (an upper bound: the swap's gains only)
    role_second     a chosen role noun -> the next likeliest candidate, whatever its kind
    prev_second     the previous quotation's speaker, inherited -> the next likeliest candidate
    prev_named      the previous quotation's speaker -> the likeliest name offered
    prev_union      the previous speaker AND the next likeliest (gains only)
    role_named_here a chosen role noun -> the likeliest name offered in the quotation's sentence
    prev_named_here the previous speaker -> the likeliest name offered in the quotation's sentence
    roleorg_named   a chosen body's noun ("the ministry") -> the likeliest name offered
    named_role      the reverse: a chosen name -> the likeliest role noun offered
    named_prev      the reverse: a chosen name -> the previous speaker where offered
    roleself_resolved  a role noun's own words chosen -> the name the noun stands for; _named: a name
    pronoun_X       a chosen pronoun -> the next likeliest (second), the previous speaker (prev),
                    another antecedent of a pronoun (other), the likeliest name (named)
    top2_K          the chosen candidate AND the next likeliest, where the chosen is of kind K

Measured out of fold over train + dev by tools/speaker_swap_cv.py, which imports them from here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tools.train_speakers import article_of

if TYPE_CHECKING:
    from materiel.extract.model import Scorer
    from materiel.extract.speakers import Candidate

# Mentions that write a name out (not a pronoun, role noun or body's noun).
NAMED = {"person", "single", "org", "outlet"}
# Kinds of chosen candidate (its "kind=" feature's first part), longest first when matched.
KINDS = ("person", "single", "org", "outlet", "role", "role_org", "role_self", "pronoun", "prev", "earlier")

Ranked = list[tuple[float, object]]
Swap = Callable[[object, Ranked, float], list[str] | None]


def kind_of(candidate: Candidate) -> str:
    """The kind of a candidate (KINDS), from its "kind=" feature ("kind=role_org_x" is role_org)."""
    kind = next((k.removeprefix("kind=") for k in candidate.features if k.startswith("kind=") and "&" not in k), "")
    return next((g for g in sorted(KINDS, key=len, reverse=True) if kind == g or kind.startswith(g + "_")), kind)


def _named(candidate) -> bool:
    return candidate.mention is not None and candidate.mention.kind in NAMED and kind_of(candidate) in NAMED


def _likeliest(ranked: Ranked, chosen, test, floor: float = 0.0) -> str | None:
    found = [c for p, c in ranked if c is not chosen and test(c) and p >= floor and c.name != chosen.name]
    return found[0].name if found else None


def _swap(kinds: set[str], test, floor: bool = False, union: bool = False, bare: bool = False) -> Swap:
    """Swap a chosen candidate of one of `kinds` for the likeliest other one that passes `test`."""

    def swap(chosen, ranked: Ranked, threshold: float) -> list[str] | None:
        if chosen is None or kind_of(chosen) not in kinds:
            return None
        if bare and (chosen.mention is None or chosen.mention.via):
            return None
        other = _likeliest(ranked, chosen, test, threshold if floor else 0.0)
        if other is None:
            return None
        return [chosen.name, other] if union else [other]

    return swap


# Where a name stands in the quotation's own sentence, before or after it.
HERE = {"at=same_before", "at=same_after"}


def _here(candidate) -> bool:
    return bool(HERE & set(candidate.features))


def _any(candidate) -> bool:
    return True


def _role(candidate) -> bool:
    return kind_of(candidate) == "role"


def _prev(candidate) -> bool:
    return kind_of(candidate) == "prev"


SWAPS: dict[str, Swap] = {
    "role_named": _swap({"role"}, _named),
    "role_named_p": _swap({"role"}, _named, floor=True),
    "rolebare_named": _swap({"role"}, _named, bare=True),
    "role_union": _swap({"role"}, _named, union=True),
    "role_second": _swap({"role"}, _any),
    "prev_second": _swap({"prev"}, _any),
    "prev_named": _swap({"prev"}, _named),
    "prev_union": _swap({"prev"}, _any, union=True),
    "role_named_here": _swap({"role"}, lambda c: _named(c) and _here(c)),
    "prev_named_here": _swap({"prev"}, lambda c: _named(c) and _here(c)),
    "roleorg_named": _swap({"role_org"}, _named),
    "named_role": _swap(NAMED, _role),
    "named_prev": _swap(NAMED, _prev),
}
# A role noun's own words chosen ("the Scottish MP") -> the name the same noun stands for.
SWAPS["roleself_resolved"] = _swap(
    {"role_self"}, lambda c: kind_of(c) == "role" and c.mention is not None and c.mention.via != ""
)
SWAPS["roleself_named"] = _swap({"role_self"}, _named)
# A chosen pronoun -> the next likeliest candidate; -> the previous speaker; -> the same pronoun
# read as another of its antecedents.
SWAPS["pronoun_second"] = _swap({"pronoun"}, _any)
SWAPS["pronoun_prev"] = _swap({"pronoun"}, _prev)
SWAPS["pronoun_other"] = _swap({"pronoun"}, lambda c: kind_of(c) == "pronoun")
SWAPS["pronoun_named"] = _swap({"pronoun"}, _named)
# The chosen candidate AND the next likeliest, for one kind of chosen candidate at a time: where
# the ranker's second choice would gain (upper bounds, by kind).
for _kind in ("person", "single", "org", "outlet", "role", "role_org", "pronoun"):
    SWAPS[f"top2_{_kind}"] = _swap({_kind}, _any, union=True)


def attributed(records: list[dict], scorer: Scorer | None = None) -> tuple[dict[str, list], float]:
    """Each record's quotations (tools/train_speakers.py's records: id, clean text, languages)
    attributed by the ranker (the shipped one unless `scorer`), with candidates ranked."""
    from materiel.extract.model import load_scorer
    from materiel.extract.quotes import ARTEFACT, attribute, best

    scorer = scorer or load_scorer(ARTEFACT)
    out = {}
    for record in records:
        article = article_of(record)
        found = attribute(article, lambda _, o: best(o, scorer))
        out[record["id"]] = [
            (a, sorted(((scorer.probability(c.features), c) for c in a.candidates), key=lambda x: -x[0])) for a in found
        ]
    return out, scorer.threshold


def variant(records: list[dict], found: dict[str, list], threshold: float, swap: Swap | None) -> tuple[list, int]:
    out, changed = [], 0
    for record in records:
        quotes = []
        for a, ranked in found[record["id"]]:
            names = swap(a.chosen, ranked, threshold) if swap else None
            changed += names is not None
            name = " | ".join(names) if names else (a.chosen.name if a.chosen else None)
            quotes.append({"text": a.quotation.text, "speaker": {"name": name}})
        out.append({"id": record["id"], "quotes": quotes})
    return out, changed
