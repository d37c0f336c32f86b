"""Article ids in a run (read/ids.py): two pages never share one; an id no other page has stays."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from materiel import api
from materiel.article import Article
from materiel.ledger import schema
from materiel.ledger.store import Store
from materiel.pipeline import skip
from materiel.read.ids import distinct_ids
from tests.test_cli import materiel


def _pages(root: Path, made: bool = False) -> list[Path]:
    """Three pages of one stem: two in sibling folders, one beside them as text."""
    if made:
        return [root / "a", root / "b"]
    (root / "a").mkdir()
    (root / "b").mkdir()
    (root / "a" / "report.html").write_text("<html><body><p>Norway has sent rifles to Ukraine.</p></body></html>")
    (root / "b" / "report.html").write_text("<html><body><p>Finland has sent mortars to Estonia.</p></body></html>")
    (root / "a" / "report.txt").write_text("Denmark has sent drones to Latvia.")
    return [root / "a", root / "b"]


def test_pages_of_one_name_in_different_folders_get_different_ids(tmp_path: Path) -> None:
    """`x.html` in two folders (and `x.txt` beside one) were all given the id `x`."""
    result = materiel("clean", *map(str, _pages(tmp_path)), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    ids = [r["id"] for r in records]
    assert len(records) == 3 and len(set(ids)) == 3
    assert ids[0] == "report"  # the first page read keeps its id: a ledger's ids stay stable
    assert all(i.startswith("report-") for i in ids[1:])


def test_the_ids_of_a_run_do_not_depend_on_its_workers(tmp_path: Path) -> None:
    paths = _pages(tmp_path)
    alone = [a.id for a in api.clean(paths) if isinstance(a, Article)]
    shared = [a.id for a in api.clean(paths, workers=2) if isinstance(a, Article)]
    assert alone == shared and len(set(alone)) == 3


def test_a_feed_record_given_again_in_its_feed_keeps_its_id() -> None:
    """A record given twice in one feed is one page's later version (the ledger keeps the last);
    the same id in another feed is another page."""
    items = [
        Article(id="r1", source="day.jsonl:1", text="a"),
        skip("day.jsonl:2", "empty page"),
        Article(id="r1", source="day.jsonl:3", text="b"),
        Article(id="r1", source="other.jsonl:1", text="c"),
    ]
    ids = [item.id for item in distinct_ids(items) if isinstance(item, Article)]
    assert ids[:2] == ["r1", "r1"] and ids[2].startswith("r1-")


def test_an_id_made_for_a_repeat_never_takes_another_page_s_id() -> None:
    """A page whose own id is the one a repeat would be given: the repeat is numbered on."""
    renamed = [a.id for a in distinct_ids([Article(id="x", source="a/x.txt"), Article(id="x", source="b/x.txt")])][1]
    pages = [Article(id="x", source="a/x.txt"), Article(id=renamed, source="c.txt"), Article(id="x", source="b/x.txt")]
    ids = [a.id for a in distinct_ids(pages)]
    assert ids[:2] == ["x", renamed] and ids[2] == f"{renamed}-2"


def test_an_ingest_stores_pages_of_one_name_under_their_own_ids(tmp_path: Path, runner) -> None:
    url = f"sqlite:///{tmp_path / 'l.db'}"
    summary = Store(url).ingest(api.extract(_pages(tmp_path), runner))
    assert summary.new == 3
    with Store(url).connect() as connection:
        stored = connection.execute(select(schema.articles.c.external_id)).scalars().all()
    assert len(set(stored)) == 3 and "report" in stored
    again = Store(url).ingest(api.extract(_pages(tmp_path, made=True), runner))
    assert (again.new, again.duplicate, again.versions) == (0, 3, 0)  # the same ids again: idempotent
