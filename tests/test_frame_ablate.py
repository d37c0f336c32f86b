"""tools/frame_ablate.py: the ablation of our executed stages by the article's frame (status21)."""

from __future__ import annotations

from tools.frame_ablate import ablate, frames

TEXT = "Norway will send 20 howitzers to Ukraine. Officials said the guns were ready."


def _record(title: str, text: str = TEXT, status: str = "delivered") -> dict:
    span = {"start": 0, "end": text.index(".") + 1}
    return {"id": "a", "title": title, "text": text, "transfers": [{"status": status, "evidence": [span]}]}


def test_frames_read_the_headline_the_text_and_the_evidence() -> None:
    record = _record("Norway to send howitzers to Ukraine")
    assert frames(record["transfers"][0], record) == {"head_commit", "no_done", "future"}
    done = _record("Howitzers from Norway arrive in Ukraine", TEXT + " The first guns arrived on Monday.")
    assert frames(done["transfers"][0], done) == {"future"}


def test_only_executed_transfers_in_every_frame_named_move() -> None:
    records = [_record("Norway to send howitzers to Ukraine"), _record("Norway sends howitzers to Ukraine")]
    records.append(_record("Norway pledges howitzers", status="considered"))
    assert ablate(records, {"head_commit", "future"}) == 1
    assert [r["transfers"][0]["status"] for r in records] == ["pledged", "delivered", "considered"]
