"""Readers and bad input: every page is read or reported, and the batch goes on."""

from __future__ import annotations

import codecs
import contextlib
import gzip
import io
import json
import os
import threading
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from materiel import api
from materiel.article import Article
from materiel.pipeline import Failure
from materiel.read import read_paths
from materiel.read.text import decode

PAGE = (
    "<html><head><title>T</title></head><body><article><h1>Head line here</h1>"
    + "<p>Poland sent tanks to Ukraine, the ministry said on Monday morning.</p>" * 30
    + "</article></body></html>"
)


def write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
            writer.write_record(record)


def read(paths) -> tuple[list[Article], list[Failure]]:
    items = list(api.clean(paths))
    return [a for a in items if isinstance(a, Article)], [f for f in items if isinstance(f, Failure)]


def test_text_in_legacy_encoding_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Ministry said: доставка снарядів почалася сьогодні вранці.".encode("cp1251"))
    (article,), failures = read([tmp_path / "a.txt"])
    assert not failures and "снарядів" in article.text


def test_html_gz_keeps_title_apart(tmp_path: Path) -> None:
    (tmp_path / "p.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (article,), _ = read([tmp_path / "p.html.gz"])
    assert article.title == "Head line here"
    assert "Poland sent tanks" in article.text and "Head line here" not in article.text
    assert article.id == "p"


@pytest.mark.parametrize(
    ("name", "opening"),
    [
        ("saved.txt", "<!DOCTYPE html>\n"),
        ("saved.md", "\ufeff  <html lang='en'>"),
        ("saved", '<?xml version="1.0"?>\n<!-- saved by a crawler -->\n<!doctype HTML>'),
    ],
)
def test_html_document_under_a_text_name_is_read_as_a_page(tmp_path: Path, name: str, opening: str) -> None:
    (tmp_path / name).write_text(opening + PAGE, encoding="utf-8")
    (article,), failures = read([tmp_path / name])
    assert not failures and article.title == "Head line here"
    assert "Poland sent tanks" in article.text and "<p>" not in article.text


@pytest.mark.parametrize(
    "text",
    [
        "<b>Kyiv</b> - Poland sent tanks to Ukraine, the ministry said on Monday.",
        "Why html pages matter: Poland sent tanks to Ukraine, the ministry said. <html> was quoted.",
    ],
)
def test_text_with_tags_that_is_no_document_stays_text(tmp_path: Path, text: str) -> None:
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    (article,), _ = read([tmp_path / "t.txt"])
    assert article.html is None and "Poland sent tanks" in article.text


@pytest.mark.parametrize(
    ("declared", "codec", "words"),
    [
        ("windows-1251", "cp1251", "Міністерство оборони повідомило про нову партію снарядів"),
        ("ISO-8859-2", "iso8859-2", "Ministerstwo Obrony Narodowej przekazało czołgi i amunicję"),
        ("iso-8859-1", "cp1252", "the ministry\u2019s statement on the shipment"),  # a Latin-1 label means 1252
    ],
)
def test_html_declared_charset_is_used(tmp_path: Path, declared: str, codec: str, words: str) -> None:
    body = f"<p>{words}, a spokesman said in the capital on Monday.</p>" * 20
    page = (
        f'<html><head><meta charset="{declared}"><title>T</title></head><body><article>{body}</article></body></html>'
    )
    (tmp_path / "p.html").write_bytes(page.encode(codec))
    assert decode(page.encode(codec)) == (page, codec)  # the declaration, not a guess
    (article,), _ = read([tmp_path / "p.html"])
    assert words in article.text


def test_jsonl_keeps_ids_and_reports_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "k1", "text": "Alpha beta gamma."}),
        "{not json",
        json.dumps({"id": 7, "html": PAGE, "url": "https://x.test/a"}),
        json.dumps({"id": "k3"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines))
    articles, failures = read([tmp_path / "feed.jsonl"])
    assert [a.id for a in articles] == ["k1", "7"]
    assert articles[1].url == "https://x.test/a"
    assert len(failures) == 2 and "feed.jsonl:2" in failures[0].source


def test_warc_yields_one_article_per_response(tmp_path: Path) -> None:
    write_warc(
        tmp_path / "crawl.warc.gz",
        [("https://a.test/1", PAGE), ("https://a.test/2", PAGE.replace("Poland", "Norway"))],
    )
    articles, failures = read([tmp_path / "crawl.warc.gz"])
    assert not failures
    assert [a.url for a in articles] == ["https://a.test/1", "https://a.test/2"]
    assert "Norway" in articles[1].text and articles[0].published


def test_bad_inputs_are_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Denmark sent artillery to Ukraine.")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "trunc.html.gz").write_bytes(gzip.compress(PAGE.encode())[:60])
    write_warc(tmp_path / "cut.warc.gz", [("https://a.test/1", PAGE)] * 3)
    data = (tmp_path / "cut.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "nul.txt").write_bytes(b"Sweden sent\x00 jets to Ukraine.")
    (tmp_path / "invalid.txt").write_bytes(b"Caf\xe9 \xff\xfe owner said ok")
    (tmp_path / "deep.html").write_text("<div>" * 10000 + "Deep text about tanks." + "</div>" * 10000)
    articles, failures = read([tmp_path, tmp_path / "missing.txt"])
    names = {Path(a.source.split("#")[0]).name for a in articles}
    assert {"good.txt", "nul.txt", "invalid.txt"} <= names and not names & {"empty.txt", "deep.html"}
    problems = {Path(f.source.split("#")[0].split(":")[0]).name: f.problem for f in failures}
    assert [Path(f.source).name for f in failures if f.skipped] == ["deep.html", "empty.txt"]
    assert "empty" in problems["empty.txt"]
    assert "binary" in problems["binary.txt"]
    assert "nested deeper than 1,000 elements" in problems["deep.html"]  # refused before the parse (review15)
    assert "gzip" in problems["trunc.html.gz"]
    assert "missing.txt" in problems
    assert "cut.warc.gz" in problems
    assert "\x00" not in next(a for a in articles if a.source.endswith("nul.txt")).text


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text")
    path.chmod(0)
    _, failures = read([path])
    assert failures and "permission" in failures[0].problem


def test_large_file_is_refused_not_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"word " * 10_500_000)
    articles, failures = read([path])
    assert not articles and "too large" in failures[0].problem


def test_directory_walk_is_sorted(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.txt"):
        (tmp_path / name).write_text(f"Text of {name} with words enough.")
    assert [Path(a.source).name for a in read_paths([tmp_path]) if isinstance(a, Article)] == [
        "a.txt",
        "b.txt",
        "c.txt",
    ]


def test_front_matter_fills_the_article_and_survives_json(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text(
        "---\ntitle: 'Sweden orders more \u201cArcher\u201d guns - Example Times'\n"
        "url: https://example-times.test/a/1\ndate: 2024-02-01\nauthor: A. Writer\ntags: [army, artillery]\n---\n"
        "Sweden has ordered more Archer guns, the procurement agency said on Thursday.\n",
        encoding="utf-8",
    )
    (article,), failures = read([tmp_path / "post.md"])
    assert not failures
    assert article.title == "Sweden orders more \u201cArcher\u201d guns"
    assert (article.url, article.published) == ("https://example-times.test/a/1", "2024-02-01")
    assert article.meta["author"] == "A. Writer" and article.meta["tags"] == ["army", "artillery"]
    assert "title:" not in article.text and article.text.startswith("Sweden has ordered")
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article


def test_a_feed_record_keeps_its_own_url_over_the_front_matter(tmp_path: Path) -> None:
    text = "---\ntitle: A title of the post\nurl: https://mirror.test/copy\n---\nBody text of the post, long enough."
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "r1", "text": text, "url": "https://origin.test/a"}) + "\n")
    (article,), _ = read([tmp_path / "feed.jsonl"])
    assert article.url == "https://origin.test/a"
    assert article.meta["url"] == "https://mirror.test/copy"
    assert article.title == "A title of the post"


@pytest.mark.parametrize(
    ("og_title", "h1", "expected"),
    [
        # A shortened title for sharing: the heading the reader sees wins.
        ("Navy orders frigates", "Navy orders four frigates at home", "Navy orders four frigates at home"),
        # A site's name in the first heading shares no words with the declared title: the title wins.
        ("Navy orders four frigates", "The Example Daily Courier", "Navy orders four frigates"),
    ],
)
def test_html_headline_is_the_heading_that_agrees_with_the_declared_title(
    tmp_path: Path, og_title: str, h1: str, expected: str
) -> None:
    body = "<p>The navy ordered four frigates from a domestic yard, the ministry said on Monday.</p>" * 20
    page = (
        f'<html><head><meta property="og:title" content="{og_title}"><title>T</title></head>'
        f"<body><h1>{h1}</h1><article>{body}</article></body></html>"
    )
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    (article,), _ = read([tmp_path / "p.html"])
    assert article.title == expected


def test_a_named_pipe_is_reported_not_waited_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Denmark sent artillery to Ukraine.")
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)  # nobody writes to it: opening it to read blocks until someone does
    found: list = []
    walker = threading.Thread(target=lambda: found.append(read([tmp_path])), daemon=True)
    walker.start()
    walker.join(PIPE_WAIT_S)
    _release(pipe)
    assert found, "the walk blocked on the named pipe"
    articles, failures = found[0]
    assert [Path(a.source).name for a in articles] == ["good.txt"]
    assert [(Path(f.source).name, f.problem) for f in failures] == [("pipe.txt", "not a regular file")]


# Seconds a walk of two small files may take before it counts as blocked.
PIPE_WAIT_S = 30


def _release(pipe: Path) -> None:
    """Open the pipe's other end, so that a reader blocked on it goes on (none waiting: nothing)."""
    with contextlib.suppress(OSError):
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))


def _feed(count: int) -> bytes:
    records = [
        {"id": f"r{n}", "text": f"Report {n}: Norway has sent {n + 2} howitzers to Ukraine."} for n in range(count)
    ]
    return "".join(json.dumps(r) + "\n" for r in records).encode()


def test_a_feed_over_the_page_limit_is_read_record_by_record(tmp_path: Path, monkeypatch) -> None:
    from materiel.read import jsonl, text

    for module in (text, jsonl):
        monkeypatch.setattr(module, "MAX_INPUT_BYTES", 2000)  # the feed is 3 times a page's limit
    long = json.dumps({"id": "long", "text": "word " * 500}).encode() + b"\n"
    (tmp_path / "feed.jsonl").write_bytes(_feed(40) + long + _feed(2))
    articles, failures = read([tmp_path / "feed.jsonl"])
    assert len(articles) == 42 and [f.source.rsplit(":", 1)[1] for f in failures] == ["41"]
    assert "too large" in failures[0].problem


def test_a_truncated_gzip_feed_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    packed = gzip.compress(_feed(300))
    (tmp_path / "feed.jsonl.gz").write_bytes(packed[: len(packed) * 2 // 3])
    articles, failures = read([tmp_path / "feed.jsonl.gz"])
    assert 100 < len(articles) < 300
    assert [f.problem for f in failures][-1] == "truncated gzip data"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf16le.jsonl", _feed(3).decode().replace("\n", "\r\n").encode("utf-16")),  # Windows tools' "Unicode"
        ("utf16be.jsonl", b"\xfe\xff" + _feed(3).decode().encode("utf-16-be")),
        ("utf32le.jsonl", _feed(3).decode().encode("utf-32")),  # its mark starts with UTF-16's (FF FE)
        ("utf32be.jsonl", codecs.BOM_UTF32_BE + _feed(3).decode().encode("utf-32-be")),
        ("utf32.jsonl.gz", gzip.compress(_feed(3).decode().encode("utf-32"))),
        ("bare16le.jsonl", _feed(3).decode().encode("utf-16-le")),  # no mark: known by its NUL bytes
        ("bare16be.jsonl", _feed(3).decode().encode("utf-16-be")),
        ("bare32le.jsonl", _feed(3).decode().encode("utf-32-le")),
        ("bare32be.jsonl", _feed(3).decode().encode("utf-32-be")),
        ("cr.jsonl", _feed(3).replace(b"\n", b"\r")),  # old Mac line ends
        ("cr.jsonl.gz", gzip.compress(_feed(3).replace(b"\n", b"\r"))),
        ("mixed.jsonl", b"".join(map(b"".join, zip(_feed(3).splitlines(), (b"\r", b"\n", b"\r\n"), strict=True)))),
    ],
)
def test_a_feed_in_utf16_or_with_cr_line_ends_is_read_record_by_record(tmp_path: Path, name: str, data: bytes) -> None:
    """A feed saved as UTF-16 (with its byte-order mark), or with CR-only line ends, gave one
    error a line ("not JSON", or one record holding the whole feed): it is decoded by its BOM and
    split on any line end, its line numbers kept. So are UTF-32 with its mark (read as UTF-16: a
    "not JSON" a line) and UTF-16 or UTF-32 without one, known by the NUL bytes of its first "{"."""
    (tmp_path / name).write_bytes(data)
    for where, (articles, failures) in {"local": read([tmp_path / name]), "blob": _by_blob(name, data)}.items():
        assert not failures, (where, failures)
        assert [a.text for a in articles] == [json.loads(line)["text"] for line in _feed(3).decode().splitlines()]
        assert [a.source.rsplit(":", 1)[-1] for a in articles] == ["1", "2", "3"]


def _by_blob(name: str, data: bytes) -> tuple[list[Article], list[Failure]]:
    from materiel.read import read_blob

    items = list(read_blob(name, data))
    return [a for a in items if isinstance(a, Article)], [f for f in items if isinstance(f, Failure)]


def test_binary_data_named_as_a_feed_is_one_failure(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_bytes(bytes(range(256)) * 40)
    articles, failures = read([tmp_path / "feed.jsonl"])
    assert not articles and len(failures) == 1 and "binary" in failures[0].problem


def _same_reading(path: Path) -> tuple[list, list]:
    """What the local reader and the in-memory reader (Spark's) make of one file, side by side."""
    from materiel.read import read_blob

    local = [(type(i).__name__, getattr(i, "id", None), getattr(i, "problem", None)) for i in read_paths([path])]
    blob = [
        (type(i).__name__, getattr(i, "id", None), getattr(i, "problem", None))
        for i in read_blob(str(path), path.read_bytes())
    ]
    return local, blob


def test_spark_s_reader_reads_a_feed_record_by_record_as_the_local_reader_does(tmp_path: Path, monkeypatch) -> None:
    from materiel.read import jsonl, text

    for module in (text, jsonl):
        monkeypatch.setattr(module, "MAX_INPUT_BYTES", 2000)  # the feed is 3 times a page's limit
    long = json.dumps({"id": "long", "text": "word " * 500}).encode() + b"\n"
    feeds = {
        "feed.jsonl": _feed(40) + long + _feed(2),
        "feed.jsonl.gz": gzip.compress(_feed(40) + long + _feed(2)),
        "cut.jsonl.gz": gzip.compress(_feed(300))[:3000],
        "binary.jsonl": bytes(range(256)) * 40,
    }
    for name, data in feeds.items():
        (tmp_path / name).write_bytes(data)
        local, blob = _same_reading(tmp_path / name)
        assert blob == local, name
    local, _ = _same_reading(tmp_path / "feed.jsonl")
    assert sum(kind == "Article" for kind, _, _ in local) == 42


def test_spark_s_reader_reads_parquet_as_parquet(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    done = Article(id="done-1", source="made/done-1.txt", text="Chile has pledged two patrol boats to Peru.")
    path = tmp_path / "part-0.parquet"
    pq.write_table(pa.table({"article_json": [json.dumps(done.to_dict())]}), path)
    local, blob = _same_reading(path)
    assert blob == local == [("Article", "done-1", None)]


def test_a_crawl_s_images_scripts_and_redirects_are_no_pages_and_no_failures(tmp_path: Path) -> None:
    """A crawl's WARC holds far more than pages: an image, a PDF, a script or a redirect is passed
    over, not an error line each (nor an article of code); the pages are read and keep their place."""
    records = [
        ("https://a.test/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "image/png", "200 OK"),
        ("https://a.test/1", PAGE.encode(), "text/html; charset=utf-8", "200 OK"),
        ("https://a.test/app.js", b"window.dataLayer = [];", "application/javascript", "200 OK"),
        ("https://a.test/report.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 8, "application/pdf", "200 OK"),
        ("https://a.test/old", b"<html><body>Moved <a href='/1'>here</a></body></html>", "text/html", "301 Moved"),
        ("https://a.test/2", PAGE.replace("Poland", "Norway").encode(), "text/html", "200 OK"),
    ]
    with (tmp_path / "crawl.warc.gz").open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, body, kind, status in records:
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)
    articles, failures = read([tmp_path / "crawl.warc.gz"])
    assert not failures
    assert [a.url for a in articles] == ["https://a.test/1", "https://a.test/2"]
    assert [a.source.rsplit("#", 1)[1] for a in articles] == ["2", "6"]  # numbered by record, as before


def test_parquet_of_another_shape_is_reported_and_a_bad_row_fails_alone(tmp_path: Path) -> None:
    """Parquet is read as `materiel spark`'s articles: a table of another schema is a read_error
    that names the column it lacks (not an empty, successful run), a row whose article_json is no
    article object fails alone, and Spark's claims and transfers tables are passed over."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    done = Article(id="done-1", source="made/done-1.txt", text="Chile has pledged two patrol boats to Peru.")
    rows = ["[1, 2]", '"text"', "not json", json.dumps(done.to_dict())]
    pq.write_table(pa.table({"article_json": rows}), tmp_path / "a-articles.parquet")
    pq.write_table(pa.table({"text": ["Peru bought boats."], "url": ["https://a.test/1"]}), tmp_path / "b-mine.parquet")
    pq.write_table(pa.table({"article_id": ["done-1"], "number": [0]}), tmp_path / "c-claims.parquet")
    pq.write_table(pa.table({"id": ["t1"], "transfer_json": ["{}"]}), tmp_path / "d-transfers.parquet")
    items = list(read_paths([tmp_path]))
    assert [a.id for a in items if isinstance(a, Article)] == ["done-1"]
    problems = {f.source.rsplit("/", 1)[-1]: f.problem for f in items if isinstance(f, Failure)}
    assert set(problems) == {"a-articles.parquet#1", "a-articles.parquet#2", "a-articles.parquet#3", "b-mine.parquet"}
    assert "article_json" in problems["b-mine.parquet"] and "text" in problems["b-mine.parquet"]


def test_a_transfers_folder_of_another_shape_does_not_stop_an_ingest(tmp_path: Path) -> None:
    """`ingest` looks for a Spark run's merged transfers (a `transfers` folder of Parquet); a
    folder of that name that holds other tables, or a file that is no Parquet, is passed over
    (the ledger merges its claims itself), not an internal error that stops the ingest."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from materiel.spark_merge import read_transfers

    (tmp_path / "transfers").mkdir()
    pq.write_table(pa.table({"x": [1]}), tmp_path / "transfers" / "part-0.parquet")
    (tmp_path / "transfers" / "part-1.parquet").write_bytes(b"PAR1 not parquet")
    assert read_transfers([tmp_path]) is None


def test_spark_leaves_out_a_file_hadoop_cannot_open_as_a_failure_of_its_own(tmp_path: Path) -> None:
    """Hadoop ends a whole Spark job on one input it cannot open (a dangling link in a folder, or a
    name with a comma or a pattern's bracket, gave an internal error holding a Java stack trace):
    such a file is reported, as the other executors report a file they cannot read, and the rest
    go to Spark. Checked before Spark starts, so no JVM is needed here."""
    from materiel.spark import inputs_for_spark

    (tmp_path / "good.txt").write_text("Denmark sent artillery to Ukraine.")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "tanks, guns.txt").write_text("Spain sent tanks.")  # Hadoop splits its inputs at commas
    (tmp_path / "page[1].txt").write_text("Spain sent guns.")  # and reads [1] as a pattern
    (tmp_path / "10:30.txt").write_text("Spain sent jets.")  # and a colon as a URI's scheme
    joined, failures, _names = inputs_for_spark([str(tmp_path)])
    assert joined == str((tmp_path / "good.txt").resolve())
    problems = dict((Path(s).name, p) for s, p in failures)
    assert problems.pop("dangling.txt") == "no such file or directory"
    assert problems.pop("pipe.txt") == "not a regular file"
    assert sorted(problems) == ["10:30.txt", "page[1].txt", "tanks, guns.txt"]
    assert all("rename it" in p for p in problems.values())


def test_a_linked_folder_inside_an_input_folder_is_read_once(tmp_path: Path) -> None:
    """A folder given as a link inside the input folder was passed over without a word (exit 0,
    nothing read); it is walked like any folder, and a link back up the tree is walked once."""
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "one.txt").write_text("Denmark sent artillery to Ukraine.")
    (tmp_path / "top").mkdir()
    (tmp_path / "top" / "own.txt").write_text("Norway sent rifles to Ukraine.")
    (tmp_path / "top" / "linked").symlink_to(tmp_path / "archive")
    (tmp_path / "top" / "loop").symlink_to(tmp_path / "top")
    articles, failures = read([tmp_path / "top"])
    assert not failures
    assert sorted(Path(a.source).name for a in articles) == ["one.txt", "own.txt"]


@pytest.mark.parametrize("where", ["file", "bytes"])
def test_an_uncompressed_warc_cut_mid_record_says_so(tmp_path: Path, where: str) -> None:
    """A cut .warc.gz was reported, a cut .warc read its records up to the cut and ended in silence
    (exit 0): the records after the cut were lost without a word. Now both say where it was cut."""
    from materiel.read import read_blob

    with (tmp_path / "crawl.warc").open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        for n in range(3):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            page = io.BytesIO(PAGE.replace("Poland", f"Country {n}").encode())
            writer.write_record(
                writer.create_warc_record(f"https://a.test/{n}", "response", payload=page, http_headers=headers)
            )
    whole = (tmp_path / "crawl.warc").read_bytes()
    (tmp_path / "cut.warc").write_bytes(whole[: len(whole) * 3 // 5])
    for name in ("crawl.warc", "cut.warc"):
        path = tmp_path / name
        items = list(read_paths([path]) if where == "file" else read_blob(str(path), path.read_bytes()))
        failures = [f for f in items if isinstance(f, Failure)]
        if name == "crawl.warc":
            assert not failures and len(items) == 3
        else:
            assert [f.source.rsplit("#", 1)[1] for f in failures] == ["end"]
            assert "truncated" in failures[0].problem


def test_a_record_whose_url_python_cannot_read_keeps_its_page(tmp_path: Path) -> None:
    """A feed record's url that is no URL ("http://[bad/x", an IPv6 host left open) failed its whole
    page in cleaning ("find_title failed: ValueError: Invalid IPv6 URL"); the page is read without
    it, and a note says why, in a feed and in a crawl alike."""
    records = [
        {"id": "a", "url": "http://[bad/story", "text": "Germany has sent tanks to Ukraine."},
        {"id": "b", "url": "https://ok.example/story", "text": "Spain has sent tanks to Ukraine."},
    ]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    write_warc(tmp_path / "crawl.warc.gz", [("http://[bad/page", PAGE)])
    (tmp_path / "post.md").write_text("---\nurl: https://[bad/post\n---\nNorway has sent rifles to Ukraine.\n")
    articles, failures = read([tmp_path])
    assert not failures
    assert [a.url for a in articles] == [None, None, "https://ok.example/story", None]
    assert all(any("not a URL" in n for n in a.notes) for a in articles[:2])


@pytest.mark.parametrize(
    ("data", "words"),
    [
        # UTF-8 with one byte of Windows-1252 pasted in (a scraper joining pages, an editor's paste)
        (
            "Zelensky\u2019s envoy said so.\n\nThe caf".encode() + b"\xe9 owner agreed.\n",
            ["Zelensky\u2019s", "caf\u00e9"],
        ),
        (
            "\u201cWe sent tanks,\u201d he said in Kyiv on \u2013 Monday.".encode() + b" Na\xefve \x93hope\x94.",
            ["\u201cWe", "Na\u00efve \u201chope\u201d"],
        ),
    ],
)
def test_utf8_text_with_a_few_legacy_bytes_keeps_both(tmp_path: Path, data: bytes, words: list[str]) -> None:
    """Mixed encodings in one file: the whole file was guessed as one legacy code page, turning a
    "café" pasted as Windows-1252 into "cafť" (and the UTF-8 into mojibake for ftfy to mend). Text
    that is UTF-8 but for a few bytes reads those bytes as Windows-1252, the rest as UTF-8."""
    text, _ = decode(data)
    assert all(word in text for word in words)


def test_gzip_data_under_a_plain_name_is_unpacked(tmp_path: Path) -> None:
    """A page saved compressed under a plain name (curl without --compressed keeps the server's
    gzip; a feed gzipped in place) was "binary data, not text": gzip is known by its first bytes."""
    (tmp_path / "page.html").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "note.txt").write_bytes(gzip.compress(b"Denmark sent artillery to Ukraine."))
    records = "".join(json.dumps({"id": f"r{n}", "text": f"Norway sent {n} rifles."}) + "\n" for n in range(3))
    (tmp_path / "feed.jsonl").write_bytes(gzip.compress(records.encode()))
    articles, failures = read([tmp_path])
    assert not failures
    assert sorted(a.id for a in articles) == ["note", "page", "r0", "r1", "r2"]
    assert "Poland sent tanks" in next(a.text for a in articles if a.id == "page")


def test_a_dash_for_standard_input_says_it_is_not_read() -> None:
    """`materiel clean -` (a pipe's habit) said "no such file or directory" of "-": the message
    says that standard input is not read, and what to do instead."""
    (failure,) = list(read_paths(["-"]))
    assert isinstance(failure, Failure) and "standard input" in failure.problem


def test_an_uncompressed_arc_file_is_read_as_a_crawl(tmp_path: Path) -> None:
    """`.arc.gz` was read as a crawl, `.arc` as one text page whose title was the file's header."""
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 9\r\n\r\n" + PAGE.encode()
    version = b"1 0 Example Archive\nURL IP-address Archive-date Content-type Archive-length\n"
    head = b"filedesc://old.arc 0.0.0.0 20240101000000 text/plain %d\n" % len(version)
    record = b"https://a.test/1 192.0.2.1 20240101000000 text/html %d\n" % len(body)
    (tmp_path / "old.arc").write_bytes(head + version + b"\n" + record + body + b"\n")
    articles, failures = read([tmp_path / "old.arc"])
    assert not failures
    assert [a.url for a in articles] == ["https://a.test/1"] and "Poland sent tanks" in articles[0].text


def test_a_saved_page_s_assets_in_a_folder_are_no_pages(tmp_path: Path) -> None:
    """A browser's "save page, complete" keeps the page's scripts, styles, images and fonts in a
    folder beside it: a folder walk read the script and the style sheet as articles of code and
    reported each image as binary data. A walk passes over such files; one named alone is read."""
    (tmp_path / "page.html").write_text(PAGE)
    assets = tmp_path / "page_files"
    assets.mkdir()
    (assets / "app.js").write_text('function track() { return "Poland sent tanks"; }\n')
    (assets / "style.css").write_text("body { color: red; }\n")
    (assets / "icon.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><text>Hi</text></svg>')
    (assets / "logo.PNG").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (assets / "font.woff2").write_bytes(bytes(range(256)) * 8)
    articles, failures = read([tmp_path])
    assert not failures and [Path(a.source).name for a in articles] == ["page.html"]
    alone, _ = read([assets / "app.js"])
    assert [Path(a.source).name for a in alone] == ["app.js"]


def test_a_crawl_record_over_the_page_limit_fails_alone(tmp_path: Path, monkeypatch) -> None:
    """The 20 MB limit of a page holds for each record of a crawl (README), as for a feed's: a
    record over it was read whole into memory and cleaned (a 500 MB capture would stall the batch)."""
    from materiel.read import text, warc

    for module in (text, warc):
        monkeypatch.setattr(module, "MAX_INPUT_BYTES", len(PAGE) + 100)
    write_warc(
        tmp_path / "crawl.warc.gz",
        [("https://a.test/1", PAGE), ("https://a.test/2", PAGE * 3), ("https://a.test/3", PAGE)],
    )
    articles, failures = read([tmp_path / "crawl.warc.gz"])
    assert [a.url for a in articles] == ["https://a.test/1", "https://a.test/3"]
    assert [f.source.rsplit("#", 1)[1] for f in failures] == ["2"] and "too large" in failures[0].problem


def test_a_feed_line_cut_mid_string_says_where_once() -> None:
    """json's own message ends in "at" for a raw control character: it read "...character at at column 29"."""
    from materiel.read.jsonl import record_to_article

    failure = record_to_article('{"id": "x", "text": "cut\there', "feed.jsonl:3")
    assert isinstance(failure, Failure) and failure.problem == "not JSON (Invalid control character at column 25)"


def test_a_ledger_in_its_pages_folder_is_no_page(tmp_path: Path) -> None:
    """`ingest pages --db pages/ledger.db`: the ledger (mostly NUL bytes, which text may hold) was
    read as a page and stored in itself, a new version at each ingest. A walk passes over a SQLite
    file and the files SQLite keeps beside it; one named alone, whatever its name, is no page."""
    import sqlite3

    (tmp_path / "page.txt").write_text("Norway has sent rifles to Ukraine.")
    with sqlite3.connect(tmp_path / "ledger.db") as connection:
        connection.execute("CREATE TABLE t (x)")
    (tmp_path / "ledger.db-journal").write_bytes(b"\x00" * 64)
    (tmp_path / "copy.txt").write_bytes((tmp_path / "ledger.db").read_bytes())
    articles, failures = read([tmp_path])
    assert [a.source for a in articles] == [str(tmp_path / "page.txt")]
    assert [(f.source, f.problem) for f in failures] == [
        (str(tmp_path / "copy.txt"), "a SQLite database (a ledger?), not a page")
    ]
