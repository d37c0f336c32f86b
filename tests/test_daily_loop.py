"""The analyst's daily loop end to end (review4): eval on a small gold of one's own, a page
ingested again after its text changed, and what `show` prints of a review."""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path

import pytest

from materiel.ledger.export import kiel, quantities_text, sipri
from materiel.ledger.merge import rebuild_transfers
from materiel.ledger.queries import Filters, list_transfers
from materiel.ledger.review import record_review
from materiel.ledger.store import Store
from materiel.read import EMPTY_PAGE
from tests.conftest import ROOT
from tests.test_cli import materiel
from tests.test_ledger import ingest


def _eval_beside_a_good_file(tmp_path: Path, other: str, text: str | None) -> tuple[int, list[dict]]:
    """`eval` of two gold records, a readable page and `other` (not written when `text` is None):
    its exit status and its JSON error lines."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "one.txt").write_text("Norway has delivered 12 howitzers to Ukraine, the ministry said.")
    if text is not None:
        (tmp_path / "corpus" / other).write_text(text)
    gold = tmp_path / "gold" / "g.jsonl"
    gold.parent.mkdir()
    records = [{"id": "one", "file": "corpus/one.txt"}, {"id": Path(other).stem, "file": f"corpus/{other}"}]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = materiel("eval", "--gold", str(gold), "--out", str(tmp_path / "pred.jsonl"))
    return result.returncode, [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]


def test_eval_reports_a_gold_file_that_gave_no_article_and_exits_1(tmp_path: Path) -> None:
    returncode, errors = _eval_beside_a_good_file(tmp_path, "gone.txt", None)
    assert returncode == 1, errors
    assert [(e["error"], Path(e["source"]).name) for e in errors] == [("read_error", "gone.txt")]
    predictions = [json.loads(line) for line in (tmp_path / "pred.jsonl").read_text().splitlines()]
    assert [p["id"] for p in predictions] == ["one", "gone"]


def test_eval_reports_an_empty_gold_file_as_skipped_and_still_exits_1(tmp_path: Path) -> None:
    """An empty gold file was reported as a `read_error` carrying the skip's message: it is the
    readers' `skipped` now, and eval still exits 1, as for any gold record scored as all misses."""
    returncode, errors = _eval_beside_a_good_file(tmp_path, "blank.txt", " \n")
    assert returncode == 1, errors
    assert [(e["error"], Path(e["source"]).name) for e in errors] == [("skipped", "blank.txt")]
    assert errors[0]["message"] == EMPTY_PAGE
    (blank,) = [json.loads(line) for line in (tmp_path / "pred.jsonl").read_text().splitlines()][1:]
    assert (blank["id"], blank["error"], blank["message"], blank["transfers"]) == ("blank", "skipped", EMPTY_PAGE, [])


def _only(url: str, **filters: str) -> dict:
    with Store(url).connect() as connection:
        (row,) = list_transfers(connection, Filters(**filters))
    return row


def test_a_changed_page_replaces_its_earlier_versions_claims(db_url: str, runner, tmp_path: Path) -> None:
    page = tmp_path / "story.txt"
    page.write_text("Denmark will send 14 F-16 jets to Ukraine, the ministry said.")
    ingest(db_url, [page], runner)
    page.write_text("Denmark will send 18 F-16 jets to Ukraine, the ministry said.")  # the outlet's correction
    assert ingest(db_url, [page], runner)["versions"] == 1
    row = _only(db_url, supplier="DNK")
    assert (row["quantity_low"], row["quantity_high"], len(row["claim_ids"])) == (18, 18, 1)
    page.write_text("Sweden will send 18 F-16 jets to Ukraine, the ministry said.")  # and another
    ingest(db_url, [page], runner)
    with Store(db_url).connect() as connection:
        assert [(r["supplier"], r["quantity_low"]) for r in list_transfers(connection)] == [("SWE", 18)]
    with Store(db_url).engine.begin() as connection:  # the fold gave what a rebuild from all claims gives
        before = list_transfers(connection)
        rebuild_transfers(connection)
        assert list_transfers(connection) == before


def test_a_feed_record_corrected_at_another_line_replaces_its_earlier_version(
    db_url: str, runner, tmp_path: Path
) -> None:
    """A feed written again with a new record above a corrected one: the record's key held its line
    ("feed.jsonl:1"), so at line 2 it was no version of itself; both counts stayed in the transfer
    (8-12, two sources, contested against itself). A record with its own id is that id in its feed."""
    feed = tmp_path / "feed.jsonl"
    tanks = "Norway has sent {} Leopard 2 tanks to Ukraine, the defence ministry said on Tuesday."
    feed.write_text(json.dumps({"id": "a1", "text": tanks.format(8)}) + "\n")
    ingest(db_url, [feed], runner)
    jets = {"id": "b2", "text": "Denmark has delivered 19 F-16 jets to Ukraine, the government said."}
    feed.write_text(json.dumps(jets) + "\n" + json.dumps({"id": "a1", "text": tanks.format(12)}) + "\n")
    assert ingest(db_url, [feed], runner)["versions"] == 1
    row = _only(db_url, supplier="NOR")
    assert (row["quantity_low"], row["quantity_high"], row["contested"], len(row["claim_ids"])) == (12, 12, False, 1)


def test_a_feed_that_gives_a_record_twice_keeps_the_last_one_s_claims(db_url: str, runner, tmp_path: Path) -> None:
    """A record given again further down the same feed, changed (an update appended): the last one
    stands, as it would had the two come in two ingests."""
    feed = tmp_path / "feed.jsonl"
    tanks = "Norway has sent {} Leopard 2 tanks to Ukraine, the defence ministry said on Tuesday."
    feed.write_text("".join(json.dumps({"id": "a1", "text": tanks.format(n)}) + "\n" for n in (8, 10, 12)))
    assert ingest(db_url, [feed], runner)["versions"] == 2
    row = _only(db_url, supplier="NOR")
    assert (row["quantity_low"], row["quantity_high"], len(row["claim_ids"])) == (12, 12, 1)


def test_a_corrected_quantity_is_the_count_every_view_shows(db_url: str, runner, tmp_path: Path) -> None:
    page = tmp_path / "story.txt"
    page.write_text("Germany will send 14 Leopard 2 tanks to Ukraine, the chancellor said.")
    ingest(db_url, [page], runner)
    ident = _only(db_url)["id"]
    with Store(db_url).engine.begin() as connection:
        record_review(connection, ident, "set", "quantity_low", "18", last=False)  # the range is checked after both
        record_review(connection, ident, "set", "quantity_high", "18")
    row = _only(db_url)
    assert (row["quantities"], quantities_text(row)) == ([{"unit": "count", "low": 18.0, "high": 18.0}], "18 (count)")
    assert (sipri(row)["number_ordered"], kiel(row)["quantity"]) == (18, 18)
    with Store(db_url).engine.begin() as connection:
        record_review(connection, ident, "set", "quantity_low", "none")
        record_review(connection, ident, "set", "quantity_high", "none")
    assert _only(db_url)["quantities"] == []


@pytest.mark.parametrize(
    ("field", "value", "shown"), [("quantity_high", "5", (5.0, 5.0)), ("quantity_low", "3", (3.0, 3.0))]
)
def test_one_corrected_end_holds_when_the_page_s_new_count_passes_it(
    db_url: str, runner, tmp_path: Path, field: str, value: str, shown: tuple
) -> None:
    """A correction of one end of a count, then the page's new version with a count beyond it: the
    ledger showed "6-5 (count)" (the new extracted low end above the corrected high end), and the
    SIPRI and Kiel numbers with it. The analyst's end holds; the extracted one gives way to it."""
    page = tmp_path / "radars.txt"
    page.write_text("Spain has delivered 4 radars to Ukraine, the ministry said on Monday.")
    ingest(db_url, [page], runner)
    ident = _only(db_url)["id"]
    with Store(db_url).engine.begin() as connection:
        record_review(connection, ident, "set", field, value)
    page.write_text(
        "Spain has delivered 6 radars to Ukraine, the ministry said on Monday."
        if field == "quantity_high"
        else "Spain has delivered 2 radars to Ukraine, the ministry said on Monday."
    )
    ingest(db_url, [page], runner)
    row = _only(db_url)
    assert (row["quantity_low"], row["quantity_high"]) == shown
    assert quantities_text(row) == f"{shown[0]:.0f} (count)"


def test_show_prints_the_review_and_ledger_rejected_lists_what_was_hidden(tmp_path: Path) -> None:
    page = tmp_path / "story.txt"
    page.write_text("Germany will send 14 Leopard 2 tanks to Ukraine, the chancellor said.")
    db = str(tmp_path / "l.db")
    assert materiel("ingest", str(page), "--db", db).returncode == 0
    (row,) = json.loads(materiel("ledger", "--db", db, "-f", "json").stdout)
    assert materiel("review", row["id"], "--reject", "--note", "a satire site", "--db", db).returncode == 0
    shown = materiel("show", row["id"], "--db", db).stdout.splitlines()
    assert "review: rejected" in shown[1] and "a satire site" in shown[1]
    listed = materiel("ledger", "--db", db, "--rejected", "-f", "json")
    assert [(r["id"], r["review"]) for r in json.loads(listed.stdout)] == [(row["id"], "rejected")]
    assert json.loads(materiel("ledger", "--db", db, "-f", "json").stdout) == []


def _readme_commands() -> list[list[str]]:
    """The command lines of the README's "Using it" block, without their comments."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Using it", 1)[1].split("```", 2)[1]
    return [
        shlex.split(line.split("  #")[0])[1:] for line in block.splitlines() if line.startswith(".venv/bin/materiel")
    ]


@pytest.mark.slow
def test_the_readme_commands_run_as_written(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    for command in _readme_commands():
        if command[0] == "eval" and not (tmp_path / command[2]).exists():
            continue  # the shared gold is not beside a temporary folder
        result = materiel(*command, cwd=tmp_path, env={"MATERIEL_DB": ""})
        assert result.returncode == 0, (command, result.stderr)
        shown = {"--supplier": "SVK,Slovakia", "show": "DEU Germany -> UKR Ukraine"}
        assert all(shown[word] in result.stdout for word in command if word in shown), command
    assert "Leopard 2 tanks" in (tmp_path / "register.csv").read_text()


def _feed(folder: Path, ident: str, published: str, text: str) -> Path:
    record = {"id": ident, "url": f"https://{ident}.test/a", "published": published, "title": "Howitzers", "text": text}
    path = folder / f"{ident}.jsonl"
    path.write_text(json.dumps(record) + "\n")
    return path


def _reviewed(url: str) -> list[tuple]:
    with Store(url).connect() as connection:
        return [(r["first_seen"], r["status"], r["quantity_low"], r["review"]) for r in list_transfers(connection)]


def test_a_review_stays_with_its_transfer_when_an_ingest_numbers_the_group_again(
    db_url: str, runner, tmp_path: Path
) -> None:
    late = _feed(tmp_path, "late", "2024-05-02", "Norway has delivered 24 howitzers to Latvia, the ministry said.")
    ingest(db_url, [late], runner)
    ident = _only(db_url)["id"]
    with Store(db_url).engine.begin() as connection:
        record_review(connection, ident, "set", "quantity_high", "30", note="ministry figure")
        record_review(connection, ident, "set", "quantity_low", "30")  # never above the high end
    early = _feed(tmp_path, "early", "2019-02-11", "Norway will send 6 howitzers to Latvia, the ministry said.")
    ingest(db_url, [early], runner)  # opens a transfer before the reviewed one: the group is rebuilt
    reviewed = ("2024-05-02", "delivered", 30.0, "corrected")
    assert _reviewed(db_url) == [("2019-02-11", "pledged", 6.0, None), reviewed]
    middle = _feed(tmp_path, "middle", "2021-09-20", "Norway will send 12 howitzers to Latvia, the ministry said.")
    ingest(db_url, [middle], runner)  # opens one between them: the reviewed one is renamed in place
    assert _reviewed(db_url)[1:] == [("2021-09-20", "pledged", 12.0, None), reviewed]
    with Store(db_url).engine.begin() as connection:
        before = list_transfers(connection)
        rebuild_transfers(connection)
        assert list_transfers(connection) == before
