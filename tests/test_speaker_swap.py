"""The speaker swaps (tools/speaker_swap.py), measured out of fold by tools/speaker_swap_cv.py."""

from __future__ import annotations

from dataclasses import replace

from materiel.extract.mention import Mention
from materiel.extract.speakers import Candidate
from tools.speaker_swap import SWAPS, kind_of

ROLE = Candidate("the minister", Mention(0, 12, "minister", "role", 0, name="the minister"), {"kind=role": 1.0})
NAMED = Candidate("Anna Berg", Mention(20, 29, "Anna Berg", "person", 0, name="Anna Berg"), {"kind=person": 1.0})
PREV = Candidate("Olaf Lund", None, {"kind=prev": 1.0})
THRESHOLD = 0.1


def _ranked(named_p: float = 0.3) -> list[tuple[float, Candidate]]:
    return sorted([(0.6, ROLE), (named_p, NAMED), (0.05, PREV)], key=lambda pair: -pair[0])


def test_a_chosen_role_noun_goes_to_the_likeliest_name_offered_plausible_or_not() -> None:
    assert SWAPS["role_named"](ROLE, _ranked(), THRESHOLD) == ["Anna Berg"]
    assert SWAPS["role_named"](ROLE, _ranked(0.02), THRESHOLD) == ["Anna Berg"]
    assert SWAPS["role_named_p"](ROLE, _ranked(0.02), THRESHOLD) is None
    assert SWAPS["role_union"](ROLE, _ranked(), THRESHOLD) == ["the minister", "Anna Berg"]


def test_only_a_role_noun_that_stands_for_no_one_is_bare() -> None:
    resolved = replace(ROLE, mention=replace(ROLE.mention, via="role", name="Olaf Lund"), name="Olaf Lund")
    assert SWAPS["rolebare_named"](ROLE, _ranked(), THRESHOLD) == ["Anna Berg"]
    assert SWAPS["rolebare_named"](resolved, _ranked(), THRESHOLD) is None


def test_other_kinds_are_left_and_the_reverse_swaps_a_name_for_a_role_or_the_previous_speaker() -> None:
    assert SWAPS["role_named"](NAMED, _ranked(), THRESHOLD) is None
    assert SWAPS["prev_second"](PREV, _ranked(), THRESHOLD) == ["the minister"]
    assert SWAPS["named_role"](NAMED, _ranked(), THRESHOLD) == ["the minister"]
    assert SWAPS["named_prev"](NAMED, _ranked(), THRESHOLD) == ["Olaf Lund"]


def test_a_candidate_s_kind_is_the_longest_kind_its_kind_feature_starts_with() -> None:
    assert kind_of(Candidate("the ministry", None, {"kind=role_org": 1.0})) == "role_org"
    assert kind_of(Candidate("the minister", None, {"kind=org&at=same": 1.0, "kind=role_far": 1.0})) == "role"
    assert kind_of(Candidate("Olaf Lund", None, {"at=same_before": 1.0})) == ""
