"""The CLI: each command, its formats, exit codes and the JSON error shape."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from materiel.article import Actor, Item
from tests.builders import ledger_of, report, transfer
from tests.conftest import ROOT, SHARED, needs_shared

EXAMPLES = ROOT / "examples"


def materiel(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "materiel", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=300,
    )


def test_help_lists_every_command() -> None:
    result = materiel("--help")
    assert result.returncode == 0
    for command in ("clean", "extract", "eval", "ingest", "ledger", "show", "review", "export"):
        assert command in result.stdout


def test_clean_jsonl_has_cleaning_fields() -> None:
    result = materiel("clean", str(EXAMPLES / "02_cp1251_mojibake.txt"), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert set(record) == {"id", "source", "title", "language", "text", "removed", "repairs", "notes"}
    assert any(r["how"].startswith("cp1251") for r in record["repairs"])
    assert "Ctrl + Enter" not in record["text"]


def test_clean_exit_writes_the_pattern_store_and_every_record(tmp_path: Path) -> None:
    """`materiel clean` ends without the interpreter's teardown: the exit functions must still
    run (the pattern store is written) and every record must reach the pipe, whole; a failure
    still gives exit code 1 and its error line."""
    store = tmp_path / "store"
    paths = [str(p) for p in sorted(EXAMPLES.iterdir()) if p.name != "README.md"]
    result = materiel(
        "clean", *paths, str(tmp_path / "missing.txt"), "--format", "jsonl", env={"MATERIEL_REGEX_CACHE": str(store)}
    )
    assert result.returncode == 1
    assert [json.loads(line)["error"] for line in result.stderr.splitlines()] == ["read_error"]
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) >= len(paths) and all(r["text"] for r in records)
    assert [p.name for p in store.iterdir()] and all(p.stat().st_size > 0 for p in store.iterdir())


def _examples() -> list[Path]:
    return [p for p in sorted(EXAMPLES.iterdir()) if p.name != "README.md"]


def test_clean_without_paragraph_languages_shows_the_same(monkeypatch, tmp_path: Path) -> None:
    """`materiel clean` shows the article's language, not its paragraphs': the cleaning it runs
    asks CLD2 for the article's alone, and its records are those of the whole cleaning."""
    from materiel import api
    from materiel.clean import structure
    from materiel.cli import clean_view

    page = tmp_path / "talks.txt"  # a paragraph with letters outside ASCII is read on its own
    page.write_text(
        "The ministers met in Zürich on Monday to discuss the next package of aid for the region.\n\n"
        "Die Gespräche dauerten bis spät in die Nacht, sagte ein Sprecher des Ministeriums.\n",
        encoding="utf-8",
    )
    paths = [*_examples(), page]
    asked: list[str] = []
    language = structure._language
    monkeypatch.setattr(structure, "_language", lambda text: asked.append(text) or language(text))
    whole = list(api.clean(paths, dates=False))
    asked_whole, asked[:] = len(asked), []
    shown = list(api.clean(paths, dates=False, paragraph_languages=False))
    assert [clean_view(a) for a in shown] == [clean_view(a) for a in whole]
    assert any(a.paragraph_languages for a in whole) and not any(a.paragraph_languages for a in shown)
    assert len(asked) == sum(bool(a.text) for a in shown) < asked_whole


@pytest.mark.parametrize("app", [False, True])
def test_clean_command_asks_no_paragraph_language(app: bool, monkeypatch, tmp_path: Path) -> None:
    """Both ways into `clean` (cli.py's own, the app's) run the cleaning without them."""
    from materiel import api, cli

    given: dict = {}
    monkeypatch.setattr(api, "clean", lambda paths, **options: given.update(options) or iter(()))
    monkeypatch.setattr(cli, "_leave", lambda code: sys.exit(code))
    monkeypatch.setattr(cli, "_stop_once_on_ctrl_c", lambda: None)  # pytest's process keeps its Ctrl-C
    monkeypatch.setattr(sys, "argv", ["materiel", "clean", str(tmp_path), "--format", "table" if app else "jsonl"])
    with pytest.raises(SystemExit):
        cli.main()
    assert given["paragraph_languages"] is False and given["dates"] is False


def test_clean_imports_the_library_with_the_collector_off(monkeypatch, tmp_path: Path) -> None:
    """cli.py's `clean` imports the library with the garbage collector off (its objects live as
    long as the process), freezes them, then turns the collector on for the pages."""
    import gc

    from materiel import api, cli

    order: list[str] = []
    for name in ("disable", "freeze", "enable"):
        monkeypatch.setattr(gc, name, lambda name=name: order.append(name))
    monkeypatch.setattr(api, "clean", lambda paths, **options: iter(()))
    monkeypatch.setattr(cli, "_leave", lambda code: sys.exit(code))
    monkeypatch.setattr(cli, "_stop_once_on_ctrl_c", lambda: None)  # pytest's process keeps its Ctrl-C
    monkeypatch.setattr(sys, "argv", ["materiel", "clean", str(tmp_path), "--format", "jsonl"])
    with pytest.raises(SystemExit):
        cli.main()
    assert order == ["disable", "freeze", "enable"]


def test_clean_does_not_load_the_model() -> None:
    result = materiel("clean", str(EXAMPLES), "--format", "json", env={"MATERIEL_SPACY_MODEL": "no_such_model"})
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) >= 6


def test_clean_to_json_imports_no_framework() -> None:
    """`clean` to JSON runs without typer, rich or pydantic (cli.py), and writes what the app did."""
    page = str(EXAMPLES / "02_cp1251_mojibake.txt")
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "materiel", "clean", page, "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    imported = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines() if "|" in line}
    assert result.returncode == 0 and not imported & {"typer", "rich", "pydantic"}
    assert json.loads(result.stdout)["repairs"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["clean", "a.txt", "b", "--format", "jsonl"], ([Path("a.txt"), Path("b")], "jsonl", 1)),
        (["clean", "-f", "json", "a", "-w", "2"], ([Path("a")], "json", 2)),
        (["clean", "--format=jsonl", "--workers=3", "a"], ([Path("a")], "jsonl", 3)),
    ],
)
def test_clean_command_lines_read_without_the_app(args: list[str], expected: tuple) -> None:
    from materiel.cli import clean_command

    assert clean_command(args) == expected


@pytest.mark.parametrize(
    "args",
    [
        ["clean", "a"],  # a table: rich
        ["clean", "a", "--format", "table"],
        ["clean", "--format", "jsonl"],  # no path: the app's usage error
        ["clean", "a", "--help"],
        ["clean", "a", "-f", "jsonl", "-f", "json"],  # repeated
        ["clean", "a", "-f=jsonl"],  # a short option's "=" is part of its value
        ["clean", "a", "--format=", "jsonl"],
        ["clean", "a", "-f", "JSONL"],
        ["clean", "a", "-f", "jsonl", "-w", "0"],
        ["clean", "a", "-f", "jsonl", "-w", "²"],
        ["clean", "a", "-f", "jsonl", "-w"],
        ["clean", "-", "-f", "jsonl"],
        ["clean", "a", "--", "-f", "jsonl"],
        ["extract", "a", "-f", "jsonl"],
    ],
)
def test_other_command_lines_go_to_the_app(args: list[str]) -> None:
    from materiel.cli import clean_command

    assert clean_command(args) is None


def test_extract_formats() -> None:
    for fmt in ("jsonl", "json", "table"):
        result = materiel("extract", str(EXAMPLES / "03_wire_report.html"), "--format", fmt)
        assert result.returncode == 0, result.stderr
    record = json.loads(materiel("extract", str(EXAMPLES / "03_wire_report.html"), "-f", "jsonl").stdout)
    assert record["id"] == "03_wire_report" and record["source"].endswith("03_wire_report.html")
    assert record["transfers"][0]["supplier"]["id"] == "DEU"


def test_extract_reports_bad_input_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(bytes(range(256)) * 10)
    result = materiel("extract", str(tmp_path / "bad.txt"), str(EXAMPLES / "06_route.txt"), "-f", "jsonl")
    assert result.returncode == 1
    error = json.loads(result.stderr.strip().splitlines()[-1])
    assert error["error"] == "read_error" and "bad.txt" in error["source"]
    assert json.loads(result.stdout)["id"] == "06_route"
    assert "Traceback" not in result.stderr


def test_model_missing_is_one_line_with_the_fix() -> None:
    result = materiel("extract", str(EXAMPLES / "06_route.txt"), env={"MATERIEL_SPACY_MODEL": "no_such_model"})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    error = json.loads(lines[0])
    assert error["error"] == "model_missing" and "pip install" in error["message"]


def test_usage_error_exits_2() -> None:
    assert materiel("extract").returncode == 2
    assert materiel("ledger", "--no-such-option").returncode == 2


@needs_shared
def test_eval_writes_predictions_keyed_by_gold_id(tmp_path: Path) -> None:
    gold = tmp_path / "gold" / "one.jsonl"
    gold.parent.mkdir()
    line = next(json.loads(x) for x in (SHARED / "gold" / "dev.jsonl").read_text().splitlines() if '"seed"' in x)
    line["file"] = str(SHARED / line["file"])
    gold.write_text(json.dumps(line) + "\n")
    result = materiel("eval", "--gold", str(gold), "--out", str(tmp_path / "pred.jsonl"))
    assert result.returncode == 0, result.stderr
    (pred,) = [json.loads(x) for x in (tmp_path / "pred.jsonl").read_text().splitlines()]
    assert pred["id"] == "seed"


def test_eval_bad_gold_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "g.jsonl").write_text("{broken\n")
    result = materiel("eval", "--gold", str(tmp_path / "g.jsonl"), "--out", str(tmp_path / "p.jsonl"))
    assert result.returncode == 2
    assert json.loads(result.stderr.strip())["error"] == "usage_error"


@pytest.mark.parametrize(
    "gold",
    ["{broken\n", '{"id": "a"}\n', None, "", "\n\n", b"\x91\x00\xff\x10", '{"id": "a"}\n'.encode("utf-16")],
    ids=["not-json", "no-file", "missing", "empty", "blank", "binary", "utf-16"],
)
def test_eval_with_a_bad_gold_file_leaves_no_out_file(tmp_path: Path, gold: str | bytes | None) -> None:
    """The --out file was opened (made, empty) before the gold was read; a gold file with no record
    (an empty one) scored nothing and exited 0; one not UTF-8 (binary, UTF-16) was an internal error."""
    if isinstance(gold, bytes):
        (tmp_path / "g.jsonl").write_bytes(gold)
    elif gold is not None:
        (tmp_path / "g.jsonl").write_text(gold)
    result = materiel("eval", "--gold", str(tmp_path / "g.jsonl"), "--out", str(tmp_path / "p.jsonl"))
    assert result.returncode == 2 and json.loads(result.stderr.strip())["error"] == "usage_error"
    assert not (tmp_path / "p.jsonl").exists()


def test_eval_refuses_to_write_its_predictions_over_the_gold(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    line = json.dumps({"id": "route", "file": str(EXAMPLES / "06_route.txt")}) + "\n"
    gold.write_text(line)
    result = materiel("eval", "--gold", str(gold), "--out", str(tmp_path / "." / "gold.jsonl"))
    assert result.returncode == 2 and "is the gold file" in json.loads(result.stderr.strip())["message"]
    assert gold.read_text() == line


@pytest.mark.parametrize("layout", ["flat", "sipri", "kiel"])
def test_ingest_ledger_show_review_export(tmp_path: Path, layout: str) -> None:
    db = f"sqlite:///{tmp_path / 'l.db'}"
    first = materiel("ingest", str(EXAMPLES), "--db", db)
    assert first.returncode == 0, first.stderr
    again = materiel("ingest", str(EXAMPLES), "--db", db)
    assert "new 0" in again.stderr
    rows = json.loads(materiel("ledger", "--db", db, "--format", "json").stdout)
    assert {(r["supplier"], r["recipient"]) for r in rows} >= {("DEU", "UKR"), ("SVK", "UKR")}
    slovak = next(r for r in rows if r["supplier"] == "SVK")
    shown = materiel("show", slovak["id"], "--db", db)
    assert shown.returncode == 0 and "MiG-29" in shown.stdout
    assert (
        materiel("review", slovak["id"], "--set", "status=delivered", "--note", "checked", "--db", db).returncode == 0
    )
    assert materiel("review", slovak["id"], "--set", "status=nonsense", "--db", db).returncode == 2
    assert materiel("review", "nope", "--confirm", "--db", db).returncode == 1
    exported = materiel("export", "--format", "csv", "--layout", layout, "--db", db)
    assert exported.returncode == 0 and exported.stdout.count("\n") == len(rows) + 1
    parquet = tmp_path / "l.parquet"
    assert materiel("export", "--format", "parquet", "--out", str(parquet), "--db", db).returncode == 0
    assert parquet.stat().st_size > 0


@pytest.mark.parametrize(
    "option", [("--supplier", " SVK"), ("--recipient", "UKR "), ("--via", " POL "), ("--category", " aircraft")]
)
def test_a_ledger_filter_with_spaces_around_it_still_filters(tmp_path: Path, option: tuple[str, str]) -> None:
    """`--supplier " SVK"` (a code pasted from a table) listed no transfer, and `--category " aircraft"`
    was a usage error, while the web trims the same values."""
    jets = transfer("SVK", "UKR", Item("jets", "aircraft"), via=[Actor("POL", "Poland")])
    db = ledger_of(tmp_path, report("t-1", "Slovakia has sent jets to Ukraine through Poland.", jets))
    result = materiel("ledger", "--db", db, *option, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert [row["supplier"] for row in json.loads(result.stdout)] == ["SVK"]


def test_ledger_without_database_is_a_clear_error(tmp_path: Path) -> None:
    result = materiel("ledger", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 1
    assert "run `materiel ingest` first" in json.loads(result.stderr.strip())["message"]


@pytest.mark.parametrize(
    "args",
    [
        ["extract", str(EXAMPLES), "--format", "xml"],
        ["ingest", str(EXAMPLES), "--no-such-option"],
        ["no-such-command"],
        ["extract"],
        ["ledger", "--format", "parquet"],  # a format of `export`, which `ledger` does not write
        ["show", "abc", "--format", "yaml"],
        ["export", "--layout", "register"],
    ],
)
def test_a_command_line_that_cannot_run_is_one_json_usage_error(args: list[str]) -> None:
    result = materiel(*args)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    error = json.loads(line)
    assert error["error"] == "usage_error" and "--help" in error["message"]


def test_export_to_a_path_that_cannot_be_written_is_a_write_error(tmp_path: Path) -> None:
    from materiel.ledger.store import Store

    db = f"sqlite:///{tmp_path / 'l.db'}"
    Store(db)
    for fmt in ("csv", "parquet"):
        result = materiel("export", "--db", db, "--format", fmt, "--out", str(tmp_path / "missing" / f"x.{fmt}"))
        assert result.returncode == 1
        error = json.loads(result.stderr.strip())
        assert error["error"] == "write_error" and "missing" in error["message"]


def test_eval_to_a_path_that_cannot_be_written_fails_before_extracting(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "route", "file": str(EXAMPLES / "06_route.txt")}) + "\n")
    result = materiel("eval", "--gold", str(gold), "--out", str(tmp_path / "missing" / "pred.jsonl"))
    assert result.returncode == 1 and json.loads(result.stderr.strip())["error"] == "write_error"


def test_review_of_a_ledger_that_is_not_there_creates_none(tmp_path: Path) -> None:
    result = materiel("review", "abc", "--confirm", "--db", str(tmp_path / "typo.db"))
    assert result.returncode == 1 and "run `materiel ingest` first" in json.loads(result.stderr.strip())["message"]
    assert not (tmp_path / "typo.db").exists()


@pytest.mark.parametrize("command", [["clean", "", "--format", "jsonl"], ["ingest", "", "--db", "l.db"]])
def test_an_empty_path_is_a_usage_error_not_the_working_folder(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "page.txt").write_text("Norway has sent 8 NASAMS systems to Ukraine.")
    result = materiel(*command, cwd=tmp_path)  # as `materiel ingest "$PAGES"` with PAGES unset
    assert result.returncode == 2 and json.loads(result.stderr.strip())["error"] == "usage_error"
    assert not result.stdout and not (tmp_path / "l.db").exists()


def test_serve_on_a_port_in_use_is_one_json_error(tmp_path: Path) -> None:
    import socket

    from materiel.ledger.store import Store

    db = f"sqlite:///{tmp_path / 'l.db'}"
    Store(db)
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = materiel("serve", "--db", db, "--port", str(port))
    assert result.returncode == 2
    error = json.loads(result.stderr.strip())
    assert error["error"] == "usage_error" and str(port) in error["message"]


@pytest.mark.parametrize("port", ["65536", "99999", "-1"])
def test_serve_on_a_port_out_of_range_is_a_usage_error(tmp_path: Path, port: str) -> None:
    """A port over 65535 was an OverflowError from bind(): an internal_error, exit 1."""
    from materiel.ledger.store import Store

    db = f"sqlite:///{tmp_path / 'l.db'}"
    Store(db)
    result = materiel("serve", "--db", db, "--port", port)
    assert result.returncode == 2, result.stderr
    error = json.loads(result.stderr.strip())
    assert error["error"] == "usage_error" and "--port" in error["message"]


@pytest.mark.parametrize(
    ("setting", "value"),
    [("MATERIEL_TIME_BUDGET", "two minutes"), ("MATERIEL_BATCH_SIZE", "abc"), ("MATERIEL_BATCH_SIZE", "0")],
)
def test_a_setting_that_is_no_number_is_one_json_usage_error(tmp_path: Path, setting: str, value: str) -> None:
    result = materiel("ingest", str(EXAMPLES / "06_route.txt"), "--db", str(tmp_path / "l.db"), env={setting: value})
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    error = json.loads(line)
    assert error["error"] == "usage_error" and setting in error["message"]


def test_spark_failures_are_json_lines_whatever_their_quotes(monkeypatch) -> None:
    pytest.importorskip("pyspark")
    from typer.testing import CliRunner

    import materiel.cli_spark  # noqa: F401  (registers the command)
    from materiel import spark
    from materiel.cli_app import app

    failures = [("feed.jsonl:3", 'record has neither a "text" nor an "html" string'), ('say "hi".txt', "binary")]
    monkeypatch.setattr(spark, "run", lambda *_args: spark.SparkSummary(0, 0, failures))
    result = CliRunner().invoke(app, ["spark", "in", "--out", "out"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert [(e["source"], e["message"]) for e in lines] == failures


def test_a_spark_job_s_java_failure_is_one_short_error_line(monkeypatch) -> None:
    """A glob that matches no file, an s3a:// bucket without credentials: Spark's Java exception
    was an internal_error whose message held the whole Java stack trace. It is a spark_error that
    names the Java exception and its message, exit code 1."""
    py4j = pytest.importorskip("py4j.protocol")
    from typer.testing import CliRunner

    import materiel.cli_spark  # noqa: F401  (registers the command)
    from materiel import spark
    from materiel.cli_app import app

    class JavaFailure(py4j.Py4JJavaError):
        def __init__(self) -> None:
            Exception.__init__(self, "java")

        def __str__(self) -> str:
            return (
                "An error occurred while calling o33.partitions.\n: org.apache.hadoop.mapreduce.lib.input."
                "InvalidInputException: Input Pattern file:/data/*.warc.gz matches 0 files\n"
                "\tat org.apache.hadoop.mapreduce.lib.input.FileInputFormat.singleThreadedListStatus(...)\n"
            )

    def run(*_args):
        raise JavaFailure

    monkeypatch.setattr(spark, "run", run)
    result = CliRunner().invoke(app, ["spark", "/data/*.warc.gz", "--out", "out"])
    assert result.exit_code == 1
    (error,) = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert error == {
        "error": "spark_error",
        "source": None,
        "message": "InvalidInputException: Input Pattern file:/data/*.warc.gz matches 0 files",
    }


def test_every_error_line_has_one_shape(tmp_path: Path) -> None:
    """A read error carried `source` and every other error did not (a usage error, a missing
    ledger row): a reader of the lines had to know which kind had which keys. Every line has the
    same keys now, `source` null where the error is about no input."""
    from materiel.errors import ERROR_KEYS

    (tmp_path / "bad.txt").write_bytes(bytes(range(256)) * 10)
    read_error = materiel("clean", str(tmp_path / "bad.txt"), "-f", "jsonl")
    usage = materiel("clean", str(tmp_path / "bad.txt"), "--fromat", "jsonl")
    missing = materiel("show", "000000000000", "--db", str(tmp_path / "no" / "ledger.db"))
    lines = [json.loads(r.stderr.strip().splitlines()[-1]) for r in (read_error, usage, missing)]
    assert [tuple(line) for line in lines] == [ERROR_KEYS] * 3
    assert [line["error"] for line in lines] == ["read_error", "usage_error", "store_error"]
    assert lines[0]["source"].endswith("bad.txt") and lines[1]["source"] is None and lines[2]["source"] is None


@pytest.mark.parametrize("fmt", ["jsonl", "json", "table"])
def test_an_empty_page_is_skipped_with_its_reason_not_printed(tmp_path: Path, fmt: str) -> None:
    """An empty file, or one of blank space only, was printed (and stored by ingest) as an article
    with no text. It is reported as skipped, with its reason, and no failure: exit status 0."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_text(" \n\t\n")
    (tmp_path / "feed.jsonl").write_text('{"text": "  "}\n{"text": "Norway has sent 8 howitzers to Ukraine."}\n')
    result = materiel("clean", str(tmp_path), "-f", fmt)
    assert result.returncode == 0, result.stderr
    skipped = [json.loads(line) for line in result.stderr.splitlines()]
    assert sorted((s["error"], Path(s["source"]).name) for s in skipped) == [
        ("skipped", "blank.html"),
        ("skipped", "empty.txt"),
        ("skipped", "feed.jsonl:1"),
    ]
    assert all("empty" in s["message"] for s in skipped)
    if fmt != "table":
        lines = result.stdout.splitlines()
        records = [json.loads(line) for line in lines] if fmt == "jsonl" else json.loads(result.stdout)
        assert [r["text"] for r in records] == ["Norway has sent 8 howitzers to Ukraine."]


def test_ingest_counts_an_empty_page_as_skipped_and_stores_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"   \n")
    result = materiel("ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "ledger.db"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stderr.splitlines()[0])["error"] == "skipped"
    assert "new 0" in result.stderr and "failed 0 skipped 1" in result.stderr


# Pages that clean to no text: a script-only page, an empty body, and one of furniture only.
TEXTLESS_PAGES = {
    "script.html": "<html><head><title>A page</title></head><body><script>document.write('hi')</script></body></html>",
    "body.html": "<html><head><title>Nothing</title></head><body></body></html>",
    "menus.html": "<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></body></html>",
}


def test_a_page_that_cleans_to_no_text_is_skipped_with_its_reason(tmp_path: Path) -> None:
    """A page whose cleaning left no text (scripts, an empty body, menus only) was stored as an
    article with no text. ingest and extract skip it as they skip an empty file, saying why, and
    count it; clean prints its record, with what cleaning removed and a note that it is skipped."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, page in TEXTLESS_PAGES.items():
        (pages / name).write_text(page)
    (pages / "news.html").write_text("<html><body><p>Norway has sent 8 howitzers to Ukraine.</p></body></html>")
    db = str(tmp_path / "ledger.db")
    ingested = materiel("ingest", str(pages), "--db", db)
    assert ingested.returncode == 0, ingested.stderr
    lines = [json.loads(line) for line in ingested.stderr.splitlines() if line.startswith("{")]
    assert sorted(Path(line["source"]).name for line in lines if line["error"] == "skipped") == sorted(TEXTLESS_PAGES)
    assert all("no article text after cleaning" in line["message"] for line in lines)
    assert "new 1" in ingested.stderr and "failed 0 skipped 3" in ingested.stderr
    assert json.loads(materiel("export", "--db", db, "-f", "json").stdout)[0]["supplier"] == "NOR"
    extracted = materiel("extract", str(pages), "-f", "jsonl")
    assert extracted.returncode == 0, extracted.stderr
    assert [Path(json.loads(line)["source"]).name for line in extracted.stdout.splitlines()] == ["news.html"]
    cleaned = [json.loads(line) for line in materiel("clean", str(pages), "-f", "jsonl").stdout.splitlines()]
    textless = {Path(r["source"]).name: r for r in cleaned if not r["text"]}
    assert sorted(textless) == sorted(TEXTLESS_PAGES)
    assert all(any("no article text after cleaning" in note for note in r["notes"]) for r in textless.values())
    assert [r["text"] for r in textless.values() if r["removed"]] == [""]  # the menus' removals shown


def test_the_progress_total_is_walked_only_at_a_terminal_and_counts_what_is_read(tmp_path: Path, monkeypatch) -> None:
    """The progress bar's total walked the whole input tree even into a pipe, where no bar is
    shown, and counted every file, the readers' skipped ones too (a saved page's scripts, styles
    and images, hidden files, READMEs)."""
    from materiel import cli_app

    (tmp_path / "page.html").write_text("<html><p>Norway has sent howitzers to Ukraine.</p></html>")
    for name in ("page_files/app.js", "page_files/site.css", "page_files/logo.png", ".hidden.txt", "README.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    assert cli_app._files_to_read([tmp_path]) == 1
    walked: list[list[Path]] = []
    monkeypatch.setattr(cli_app, "walk", lambda paths: walked.append(paths) or iter([tmp_path / "page.html"]))
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert list(cli_app._with_progress(iter("ab"), [tmp_path])) == ["a", "b"] and walked == []
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert list(cli_app._with_progress(iter("ab"), [tmp_path])) == ["a", "b"] and walked == [[tmp_path]]


def test_ingest_of_a_path_that_is_not_there_makes_no_ledger(tmp_path: Path) -> None:
    """`ingest /nope` (a mistyped path) created an empty ledger file beside the error."""
    result = materiel("ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "ledger.db"), cwd=tmp_path)
    assert result.returncode == 1
    assert json.loads(result.stderr.splitlines()[0])["message"] == "no such file or directory"
    assert "read 1 new 0 duplicate 0 versions 0 failed 1" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["clean", "extract"])
def test_a_table_of_no_page_prints_nothing(tmp_path: Path, command: str) -> None:
    """With every page skipped or failed (each reported on stderr), the table printed a blank line."""
    (tmp_path / "empty.txt").write_text("  \n")
    result = materiel(command, str(tmp_path / "empty.txt"), str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert [json.loads(line)["error"] for line in result.stderr.splitlines()] == ["skipped", "read_error"]
    assert result.stdout == ""


def _small_files() -> None:
    """In the child: files over 2 kB cannot be written (EFBIG, as a full disk's ENOSPC)."""
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))


def test_eval_that_cannot_write_its_predictions_leaves_the_out_file_as_it_was(tmp_path: Path) -> None:
    """A write that failed midway (a full disk) left a cut --out file and an internal_error."""
    gold, out = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    records = [{"id": f"r{n}", "file": str(EXAMPLES / "06_route.txt")} for n in range(3)]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records))
    out.write_text("the predictions of an earlier run\n")
    env = {**os.environ, "MATERIEL_REGEX_CACHE": str(tmp_path / "patterns")}
    line = [sys.executable, "-m", "materiel", "eval", "--gold", str(gold), "--out", str(out)]
    result = subprocess.run(line, capture_output=True, text=True, env=env, preexec_fn=_small_files, timeout=300)
    assert result.returncode == 1
    assert json.loads(result.stderr.strip().splitlines()[-1])["error"] == "write_error"
    assert out.read_text() == "the predictions of an earlier run\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "patterns") == ["gold.jsonl", "pred.jsonl"]


def test_eval_to_a_full_device_is_a_write_error(tmp_path: Path) -> None:
    """A device written to as it is (/dev/full): its failure was an internal_error."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "route", "file": str(EXAMPLES / "06_route.txt")}) + "\n")
    result = materiel("eval", "--gold", str(gold), "--out", "/dev/full")
    assert result.returncode == 1
    assert json.loads(result.stderr.strip()) == {
        "error": "write_error",
        "source": None,
        "message": "cannot write /dev/full: No space left on device",
    }


@pytest.mark.parametrize("fmt", ["jsonl", "json", "table"])
def test_an_output_with_no_room_is_a_write_error(fmt: str) -> None:
    """Records printed to a full disk (here /dev/full) ended in an internal_error."""
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "materiel", "clean", str(EXAMPLES / "06_route.txt"), "--format", fmt],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    assert result.returncode == 1
    assert json.loads(result.stderr.strip()) == {
        "error": "write_error",
        "source": None,
        "message": "cannot write the output: No space left on device",
    }


@pytest.mark.parametrize("command", [["ingest", str(EXAMPLES / "06_route.txt")], ["ledger"], ["export"]])
def test_an_empty_db_is_a_usage_error_not_the_default_ledger(tmp_path: Path, command: list[str]) -> None:
    """`--db "$LEDGER"` with the variable unset wrote to (or read) ./materiel.db."""
    result = materiel(*command, "--db", "", cwd=tmp_path)
    assert result.returncode == 2 and "empty ledger path" in json.loads(result.stderr.strip())["message"]
    assert list(tmp_path.iterdir()) == []
