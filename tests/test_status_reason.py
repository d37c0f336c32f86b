"""status_reason: each transfer names what decided its stage, in the output the scorer ignores."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

TEXT = (
    "Slovenia has sent 14 armoured vehicles to Ukraine.\n\n"
    "Portugal will deliver three howitzers to Ukraine.\n\n"
    "Estonia agreed to supply drones to Ukraine.\n\n"
    "Iran is supplying Russia with hundreds of drones.\n\n"
    "Sweden is sending 50 CV90 fighting vehicles to Ukraine."
)


def _reasons(article) -> dict:
    return {(t.supplier.id, t.item.category): (t.status, t.status_reason) for t in article.transfers if t.supplier}


def test_each_stage_names_its_decider(extract_text) -> None:
    found = _reasons(extract_text(TEXT))
    assert found[("SVN", "armored-vehicles")] == ("delivered", "verb: send, perfect")
    assert found[("PRT", "artillery")] == ("pledged", "modal")
    assert found[("EST", "drones")] == ("pledged", "stage word: agree")
    assert found[("IRN", "drones")] == ("in_progress", "progressive: supply")
    assert found[("SWE", "armored-vehicles")] == ("pledged", "progressive: send")


def test_a_later_reading_names_itself(extract_text) -> None:
    article = extract_text("Latvia pledged 20 howitzers to Ukraine. Deliveries began in March.")
    transfer = next(t for t in article.transfers if t.item.category == "artillery")
    assert (transfer.status, transfer.status_reason) == ("in_progress", "later sentence")


def test_the_reason_is_written_with_the_transfer(extract_text) -> None:
    article = extract_text("Slovenia has sent 14 armoured vehicles to Ukraine.")
    assert article.to_dict()["transfers"][0]["status_reason"] == "verb: send, perfect"
