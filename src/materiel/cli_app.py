"""Thin commands named after library functions, as a typer app. Errors become one JSON shape on
stderr. The process starts in cli.py, which runs `clean` to JSON itself and hands every other
command line to `main` here."""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from materiel import api
from materiel.article import Actor, Article
from materiel.cli import (
    INTERRUPTED,
    STOPPED_BEFORE_THE_WORK,
    clean_view,
    guarded,
    interrupted,
    report,
    told,
    write_records,
)
from materiel.errors import Interrupted, MaterielError, UsageError, WriteError
from materiel.pipeline import Failure, Runner
from materiel.read import walk

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn raw news pages into a sourced, checkable ledger of arms transfers.",
)
# Page text is shown as written: no ":name:" codes turned into emoji.
err = Console(stderr=True, soft_wrap=True, emoji=False)
# Tables printed to a pipe or file are not cut to 80 columns.
out = Console(soft_wrap=True, emoji=False, width=None if sys.stdout.isatty() else 200)
# Show a progress bar only when there are more inputs than this (a few files print at once).
PROGRESS_MIN_FILES = 5


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def _path(value: str) -> Path:
    """A path argument; an empty one (a shell variable left unset) is refused, not read as Path("")
    = the working folder, walked whole."""
    if not value.strip():
        raise typer.BadParameter("an empty path (an unset variable?); name '.' for the working folder")
    return Path(value)


def db_path(value: str) -> str:
    """A --db value; an empty one (a shell variable left unset) is refused, not read as the default
    ledger, which an ingest then wrote to."""
    if not value.strip():
        raise typer.BadParameter("an empty ledger path (an unset variable?); leave --db out for the default")
    return value


Paths = Annotated[
    list[Path],
    typer.Argument(
        help=(
            "Files or directories: pages (html, htm, xhtml, txt; a file of another name is read as a page or"
            " text), feeds (jsonl, ndjson), crawls (warc, wet, arc), each also gzipped, and the parquet of"
            " `materiel spark`. '-' (standard input) is not read."
        ),
        parser=_path,
    ),
]
# The --format flag of every command that prints in more than one form (each its own choices; typer
# copies the option where it is used).
FORMAT_FLAG = typer.Option("--format", "-f", help="Output format.")
FormatOption = Annotated[Format, FORMAT_FLAG]
Workers = Annotated[
    int,
    typer.Option(
        "--workers", "-w", min=1, help="Worker processes (files are shared out; at most one a file and a core)."
    ),
]


def fail(error: MaterielError) -> None:
    report(error)
    raise typer.Exit(error.exit_code)


def _files_to_read(paths: list[Path]) -> int:
    """The files the readers will read (a walk passes over assets, hidden and system files)."""
    return sum(1 for _ in walk(paths))


def _with_progress(items: Iterator, paths: list[Path]) -> Iterator:
    """The items, with a progress bar at a terminal; the inputs are walked for its total only then
    (in a pipe the walk was a second pass over a crawl's tree, for nothing)."""
    if not sys.stderr.isatty():
        yield from items
        return
    total = _files_to_read(paths)
    if total <= PROGRESS_MIN_FILES:
        yield from items
        return
    from rich.progress import Progress  # imported here: only a terminal shows progress

    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("articles", total=total)
        for item in items:
            progress.advance(task)
            yield item


def emit(
    items: Iterable[Article | Failure], fmt: Format, view: Callable[[Article], dict], done: list[int] | None = None
) -> int:
    """Print articles in the chosen format; report failures; return the exit code (done: the
    pages done so far, and the records printed of them)."""
    done = done if done is not None else [0, 0]
    if fmt is not Format.table:
        return write_records(items, fmt.value, view, done)
    failures, rows = 0, []
    for item in items:
        if isinstance(item, Failure):
            failures += not item.skipped  # a skipped page is reported, and no failure
            report(item)
        else:
            rows.append(item)
        done[0] += 1
    if rows:  # no page to show (each skipped or failed, reported on stderr): no table, not a blank line
        out.print(_table(rows, view))
    return 1 if failures else 0


def _table(rows: list[Article], view: Callable[[Article], dict]) -> Table:
    table = Table(show_lines=False)
    sample = view(rows[0]) if rows else {}
    for key in sample:
        table.add_column(key, overflow="fold")
    for article in rows:
        table.add_row(*(_cell(v) for v in view(article).values()))
    return table


def _cell(value: object) -> str:
    if isinstance(value, list):
        return f"{len(value)}"
    return "" if value is None else str(value)[:120]


def _extract_view(article: Article) -> dict:
    return article.to_dict()


@app.command()
def clean(paths: Paths, fmt: FormatOption = Format.table, workers: Workers = 1) -> None:
    """Read and clean pages (no NLP): title, text, removed[], repairs[], notes[] per article."""
    articles = api.clean(paths, workers=workers, dates=False, paragraph_languages=False)  # clean_view shows neither
    raise typer.Exit(_emit_or_stop("clean", articles, paths, fmt, clean_view))


@app.command()
def extract(paths: Paths, fmt: FormatOption = Format.table, workers: Workers = 1) -> None:
    """Run the whole per-article pipeline; jsonl is the evaluation prediction format."""
    view = _extract_view if fmt is not Format.table else _transfer_rows_view
    try:
        items = api.extract(paths, workers=workers)  # loads the model now
    except MaterielError as error:
        fail(error)
    except KeyboardInterrupt:
        fail(interrupted("extract", fmt.value, [0, 0]))
    raise typer.Exit(_emit_or_stop("extract", items, paths, fmt, view))


def _emit_or_stop(command: str, items: Iterator, paths: list[Path], fmt: Format, view: Callable) -> int:
    """emit(), or after a Ctrl-C the `interrupted` line: what was printed, how to finish (exit 130)."""
    done = [0, 0]
    try:
        return emit(_with_progress(items, paths), fmt, view, done)
    except KeyboardInterrupt:
        fail(interrupted(command, fmt.value, done))


def _transfer_rows_view(article: Article) -> dict:
    rows = [
        f"{_id(t.supplier)}->{_id(t.recipient)}"
        + (f" via {','.join(str(v.id) for v in t.via)}" if t.via else "")
        + f" {t.item.category} {t.status}"
        for t in article.transfers
    ]
    return {
        "id": article.id,
        "title": article.title,
        "transfers": "; ".join(rows),
        "quotes": str(len(article.quotes)),
    }


def _id(actor: Actor | None) -> str:
    return str(actor.id) if actor and actor.id else "?"


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Option(help="Gold JSONL (FORMAT.md).")],
    out_path: Annotated[Path, typer.Option("--out", help="Where to write the predictions (JSONL).")],
) -> None:
    """Extract every gold record's file, write predictions keyed by gold id, print the scores."""
    try:
        records = api.gold_records(gold)  # a bad gold file fails before --out is touched
        _check_writable(out_path, gold)  # an --out that cannot be written fails now, not after the extraction
        runner = Runner(api.extract_steps())
        predictions = list(api.predict_gold_records(records, gold.resolve().parent.parent, runner))
    except MaterielError as error:
        fail(error)
    try:
        write_whole_file(out_path, (json.dumps(record, ensure_ascii=False) + "\n" for record in predictions))
    except MaterielError as error:
        fail(error)
    failed = [Failure(p["source"], p["message"], p["error"]) for p in predictions if "error" in p]
    # Each gold file that gave no article, unreadable or skipped (empty): its record is scored as
    # all misses, so the scores are not the extractor's alone, and eval exits 1 for either.
    for failure in failed:
        report(failure)
    scorer = api.shared_scorer(gold)
    if scorer is None:
        err.print(f"wrote {len(predictions)} predictions to {out_path}; no eval/score.py beside the gold")
    else:
        result, _ = scorer.score(scorer.read_jsonl(str(gold)), scorer.read_jsonl(str(out_path)))
        _print_scores(result, scorer.show)
    raise typer.Exit(1 if failed else 0)


def _check_writable(out_path: Path, gold: Path) -> None:
    """Raise unless `out_path` can be written, leaving it as it was: a file that is not there is
    made and removed again (the predictions are written once they are all made), and the gold
    file itself is refused (writing the predictions over it would lose it)."""
    try:
        if out_path.exists():
            if out_path.is_file() and gold.is_file() and out_path.samefile(gold):
                raise UsageError(f"--out {out_path} is the gold file: name another file for the predictions")
            out_path.open("a").close()
        else:
            out_path.open("x").close()
            out_path.unlink()
    except OSError as error:
        raise WriteError(f"cannot write {out_path}: {error.strerror or error}") from error


def write_whole_file(path: Path, lines: Iterable[str]) -> None:
    """Write the lines to `path` whole or not at all: into a file beside it, moved into its place
    once written, so that a full disk or a Ctrl-C leaves the file as it was (a cut file was read
    as a run's predictions). A device or a pipe (`/dev/stdout`), or a file in a folder that takes
    no new file, is written to as it is."""
    target = Path(os.path.realpath(path))  # a link is written through, as opening it would
    direct = target.exists() and (not target.is_file() or not os.access(target.parent, os.W_OK))
    written = target if direct else target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with written.open("w" if direct else "x", encoding="utf-8") as handle:
            handle.writelines(lines)
        if not direct:
            os.replace(written, target)
    except BaseException as error:
        if not direct:
            written.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise WriteError(f"cannot write {path}: {error.strerror or error}") from error
        raise


def _print_scores(result: dict, show: Callable[[float], str]) -> None:
    t = result["transfers"]
    out.print(f"articles {result['articles']}  gold transfers {t['gold']}")
    out.print(f"transfers  P {show(t['precision'])}  R {show(t['recall'])}  F1 {show(t['f1'])}")
    out.print("fields     " + "  ".join(f"{k} {show(v)}" for k, v in result["fields"].items()))
    out.print(f"quotes     {show(result['quotes'])}")
    out.print("cleaning   " + "  ".join(f"{k} {show(v)}" for k, v in result["cleaning"].items()))


def main() -> None:
    """Every command line but a `clean` to JSON (cli.py runs that one without typer)."""
    import materiel.cli_ledger
    import materiel.cli_spark  # noqa: F401  (registers the Spark command)

    # The modules imported so far live as long as the process: taking them out of the garbage
    # collector's generations saves it rescanning them while pages are read (4% of `clean`).
    gc.freeze()
    guarded(_run_app)


# The exit code of a command line whose help was printed because it named no command.
HELP_SHOWN = 2


def _run_app() -> None:
    """The app; a command line it cannot run (an unknown option or command, a bad value, a missing
    argument) is a usage error in the one JSON error shape, exit code 2."""
    try:
        code = app(standalone_mode=False)
    except typer.Abort:
        code = INTERRUPTED
    except Exception as error:
        # Known by class name: typer raises its own copy of click's exceptions, as typer does itself.
        names = {kind.__name__ for kind in type(error).__mro__}
        if "NoArgsIsHelpError" in names:
            code = HELP_SHOWN
        elif "ClickException" in names:
            ctx = getattr(error, "ctx", None)
            where = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
            raise UsageError(error.format_message() + where) from None
        else:
            raise
    if code == INTERRUPTED and not told(Interrupted.code):  # typer's exit for a Ctrl-C no command caught
        report(Interrupted(STOPPED_BEFORE_THE_WORK))
    sys.exit(code or 0)


__all__ = ["UsageError", "app", "main"]
