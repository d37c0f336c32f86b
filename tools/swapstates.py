"""Swap states in an article and its gold: every form of a state the actor lexicon knows (names,
aliases, demonyms, seats, makers, leaders; extract/lexicons/actors.json and pycountry) becomes
the same kind of form of its partner, and the gold's ids follow. Used by
tools/state_invariance.py and tests/test_state_invariance.py.

A form is swapped as a whole word, case as written; outlets' names ("the Washington Post",
"Kyiv Independent", media.json) and names of places that hold a state's name ("Latin America")
are left as they are, in the text and in the gold's sources alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pycountry

from materiel.extract.lexicon import load
from materiel.extract.nlp import load_model

# Forms that hold a state's name and name something else: a place, and not the state.
PLACES = ("Latin America", "South America", "North America", "Central America", "Americas", "Pan-American")
# A state's short name as a swap writes it, where pycountry's common name reads otherwise; a
# name that takes "the" in running text is written with it.
SHORT_NAMES = {"USA": "the US", "GBR": "Britain", "NLD": "the Netherlands", "KOR": "South Korea", "VNM": "Vietnam"}
# Demonyms English gives no plural in "-s" ("the French", "the Swiss", "the Chinese", "Icelandic").
ENGLISH_NO_PLURAL = re.compile(r"(?:ch|sh|s|z|x|ese|ic)$")
# A short name written in capitals, which modifies a noun as often as it names the state.
ABBREVIATION = re.compile(r"[A-Z][A-Z.]+")
# Dependencies by which a word modifies the noun after it ("US officials", "a U.S. drone").
MODIFIER_DEPS = ("compound", "amod", "nmod")
# How far around a short name the parse reads, in characters either side.
WINDOW = 300
# Written names that take "the" in running text ("the US", "the United Kingdom", "the PRC"): a
# partner's name that takes none drops it ("the US sent" -> "France sent").
TAKES_THE = re.compile(
    r"(?:United|Republic|Federal|Islamic|People's|Russian\ Federation|French\ Republic|Netherlands)\b|[A-Z.]+$"
)


@dataclass(frozen=True)
class Form:
    state: str
    kind: str  # name, plural, demonym, seat, maker, leader
    index: int  # its place among its state's forms of that kind (0: the capital, the short name)


def _names(state: str) -> list[str]:
    data = load("actors.json")
    found = []
    country = pycountry.countries.get(alpha_3=state)
    for attr in ("common_name", "name", "official_name"):
        value = getattr(country, attr, None) if country else None
        if value and "," not in value and value not in data["exclude"]:
            found.append(value)
    return list(dict.fromkeys([*data["alias"].get(state, []), *found]))


def _demonyms(state: str) -> tuple[list[str], list[str]]:
    """A state's demonyms, singular and plural: a plural the lexicon lacks is written as English
    writes it, whether or not the lexicon reads it ("Armenians")."""
    words = load("actors.json")["demonym"].get(state, [])
    plural = [w for w in words if w.endswith("s") and w[:-1] in words]
    singular = [w for w in words if w not in plural]
    made = [f"{w}s" for w in singular if not ENGLISH_NO_PLURAL.search(w) and f"{w}s" not in plural]
    return singular, plural + made


def forms_of(state: str) -> dict[str, list[str]]:
    data = load("actors.json")
    singular, plural = _demonyms(state)
    leaders = [name for leader in data["leader"] if leader["id"] == state for name in _leader_names(leader)]
    return {
        "name": _names(state),
        "demonym": singular,
        "plural": plural,
        "seat": data["seat"].get(state, []),
        "maker": data["maker"].get(state, []),
        "leader": leaders,
    }


def _leader_names(leader: dict) -> list[str]:
    """A leader's names in the lexicon, and the surname of the full name where it lacks it
    ("Jake Sullivan" is "Sullivan" after the first mention, lexicon or not)."""
    names = list(leader["names"])
    surname = names[0].split()[-1]
    return names if surname in names else [*names, surname]


class Swap:
    """A consistent exchange of pairs of states, in text and in ids."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.pairs = list(pairs)
        self.partner: dict[str, str] = {}
        for a, b in self.pairs:
            self.partner[a], self.partner[b] = b, a
        self.states = frozenset(self.partner)
        self.forms = {s: forms_of(s) for s in self.states}
        written: dict[str, Form] = {}
        for state, kinds in self.forms.items():
            for kind, words in kinds.items():
                for index, word in enumerate(words):
                    written.setdefault(word, Form(state, kind, index))
        self.written = written
        alternation = "|".join(re.escape(w) for w in sorted(written, key=len, reverse=True))
        # a name is a whole word, and markdown's underscores around it ("_Russia has agreed_") no part of it
        self.pattern = re.compile(rf"(?P<article>\b[Tt]he\s+)?(?<![^\W_])(?<!\.)(?P<form>{alternation})(?![^\W_])")
        self.lower_pattern = re.compile(self.pattern.pattern, re.IGNORECASE)
        kept = "|".join(re.escape(p) for p in sorted((*PLACES, *_outlets()), key=len, reverse=True))
        self.kept = re.compile(rf"(?<!\w)(?:{kept})(?!\w)")
        self.lower_kept = re.compile(self.kept.pattern, re.IGNORECASE)

    def id(self, ident: str | None) -> str | None:
        return self.partner.get(ident, ident) if ident else ident

    def key(self, key: tuple) -> tuple:
        return (self.id(key[0]), self.id(key[1]), *key[2:])

    def text(self, text: str) -> str:
        kept = [m.span() for m in self.kept.finditer(text)]
        modifiers = self._modifiers(text)
        return self.pattern.sub(lambda m: self._replace(m, kept, m.start("form") in modifiers), text)

    def lower_text(self, text: str) -> str:
        """A lower-cased gold string ("us officials", "ukrainian defence ministry") swapped: a
        short name before another word is a modifier there ("us officials")."""
        kept = [m.span() for m in self.lower_kept.finditer(text)]

        def replace(m: re.Match) -> str:
            return self._replace(m, kept, re.match(r" \w", text[m.end() :]) is not None, folded=True)

        return self.lower_pattern.sub(replace, text).lower()

    def _modifiers(self, text: str) -> set[int]:
        """Where a short name in capitals ("US", "U.K.") modifies the noun after it ("US officials",
        "a U.S. drone"): there it swaps to the partner's demonym ("French officials"), as a writer
        would put it. Read from the parse of the sentence around it."""
        spans = [m.span("form") for m in self.pattern.finditer(text) if ABBREVIATION.fullmatch(m.group("form"))]
        if not spans:
            return set()
        spots = [start for start, _ in spans]
        windows = [_window(text, start, end) for start, end in spans]
        found = set()
        for spot, (begin, _), doc in zip(spots, windows, load_model().pipe(w for _, w in windows), strict=True):
            token = next((t for t in doc if t.idx == spot - begin), None)
            if token is not None and token.dep_ in MODIFIER_DEPS and token.head.i > token.i:
                found.add(spot)
        return found

    def _replace(self, match: re.Match, kept: list[tuple[int, int]], modifier: bool, folded: bool = False) -> str:
        start, end = match.span("form")
        written = self._spelling(match.group("form"), folded)
        if written is None or any(a <= start < b for a, b in kept):
            return match.group()
        form = self.written[written]
        article = match.group("article") or ""
        other = self.forms[self.partner[form.state]]
        if form.kind == "name" and modifier and ABBREVIATION.fullmatch(written) and other["demonym"]:
            return article + other["demonym"][0]
        word = self._counterpart(form)
        if form.kind != "name" or not word.startswith("the "):
            # a name that takes "the" ("the US") gives it up for one that takes none ("France")
            return ("" if form.kind == "name" and TAKES_THE.match(written) else article) + word
        bare = word.removeprefix("the ")
        joined = match.string[end : end + 1] == "-" or match.string[max(0, start - 1) : start] == "-"
        if article or joined or TAKES_THE.match(written):
            return article + bare
        opening = not match.string[:start].strip() or match.string[:start].rstrip()[-1:] in ".!?\n"
        return ("The " if opening else "the ") + bare

    def _spelling(self, written: str, folded: bool) -> str | None:
        """The form as the lexicon spells it ("US" for a gold string's "us")."""
        if not folded:
            return written if written in self.written else None
        return next((w for w in self.written if w.lower() == written.lower()), None)

    def _counterpart(self, form: Form) -> str:
        other = self.partner[form.state]
        forms = self.forms[other]
        capital = (forms["seat"] or forms["name"])[0]
        if form.kind == "name":
            return SHORT_NAMES.get(other, (forms["name"] or [capital])[0])
        if form.kind in ("demonym", "plural"):
            words = forms[form.kind] or forms["demonym"]
            return words[0] if words else capital
        if form.kind == "seat":
            return forms["seat"][form.index] if form.index < len(forms["seat"]) else capital
        if form.kind == "maker" and forms["maker"]:
            return forms["maker"][form.index % len(forms["maker"])]
        if form.kind == "leader":
            return self._leader(form, other) or capital
        return capital  # a maker of a state with none known: its capital stands for it

    def _leader(self, form: Form, other: str) -> str | None:
        """The partner's leader in office over the same years (the lexicon reads a leader only in
        their years): the one sharing the most years, full name for full name; None when the
        partner has none then."""
        leaders = load("actors.json")["leader"]
        mine = next(x for x in leaders if x["id"] == form.state and self._is_leader(x, form))

        def overlap(theirs: dict) -> int:
            return min(mine["to"], theirs["to"]) - max(mine["from"], theirs["from"])

        ranked = sorted((x for x in leaders if x["id"] == other and overlap(x) > 0), key=overlap, reverse=True)
        if not ranked:
            return None
        full = " " in next(n for n in _leader_names(mine) if self.written[n] == form)
        return ranked[0]["names"][0] if full else _leader_names(ranked[0])[-1]

    def _is_leader(self, leader: dict, form: Form) -> bool:
        return any(self.written.get(n) == form for n in _leader_names(leader))


def _window(text: str, start: int, end: int) -> tuple[int, str]:
    """The sentence-like stretch around a name's span, and where it begins."""
    begin = max(0, start - WINDOW)
    cut = max(text.rfind("\n", begin, start), text.rfind(". ", begin, start))
    begin = cut + 1 if cut >= 0 else begin
    ends = [i for i in (text.find("\n", end, end + WINDOW), text.find(". ", end, end + WINDOW)) if i >= 0]
    return begin, text[begin : min(ends, default=min(len(text), end + WINDOW))]


def _outlets() -> list[str]:
    return [alias for aliases in load("media.json")["outlets"].values() for alias in aliases]


def write_swapped(source: Path, target: Path, swap: Swap) -> bool:
    """The page at `source` written to `target` with the states swapped (its bytes kept where
    they are no UTF-8); whether the swap changed it."""
    text = source.read_bytes().decode("utf-8", errors="surrogateescape")
    swapped = swap.text(text)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(swapped.encode("utf-8", errors="surrogateescape"))
    return swapped != text


def swap_gold(record: dict, swap: Swap) -> dict:
    """The gold record with its transfers' ids and sources swapped (cleaning fields unchanged)."""
    transfers = []
    for transfer in record.get("transfers", []):
        moved = dict(transfer)
        moved["supplier"], moved["recipient"] = swap.id(transfer.get("supplier")), swap.id(transfer.get("recipient"))
        moved["via"] = [swap.id(v) for v in transfer.get("via") or []]
        if transfer.get("sources"):
            moved["sources"] = [swap.lower_text(s) for s in transfer["sources"]]
        transfers.append(moved)
    quotes = [{**q, "speaker": swap.text(q["speaker"])} for q in record.get("quotes", [])]
    return {**record, "transfers": transfers, "quotes": quotes}
