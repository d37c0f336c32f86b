"""The `materiel` command's entry point. `materiel clean PATHS --format json|jsonl`, the command a
crawl runs over its pages, is read and run here without the command-line framework: typer, rich
and the pydantic typer checks its options with take about a third of a second to import, longer
than cleaning a hundred pages. Every other command line (help, a table, a mistyped option, the
other commands) goes to the typer app in cli_app.py, which reads the same options the same way.
"""

from __future__ import annotations

import atexit
import errno
import gc
import json
import os
import signal
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, NoReturn

from materiel.errors import InternalError, Interrupted, MaterielError, WriteError

if TYPE_CHECKING:
    from materiel.article import Article
    from materiel.pipeline import Failure

# The options of `clean` read here, by each of their spellings.
CLEAN_OPTIONS = {"--format": "format", "-f": "format", "--workers": "workers", "-w": "workers"}
# The formats written here; a table needs rich, and goes to the app.
RECORD_FORMATS = ("json", "jsonl")
# The environment variable click's shell completion answers to: such a call goes to the app.
COMPLETION_VARIABLE = "_MATERIEL_COMPLETE"
# The errors of a write that found no room: a full disk or device, a quota, a file-size limit.
NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
# Exit codes as click gives them: interrupted (128 + SIGINT), and a closed pipe.
INTERRUPTED, BROKEN_PIPE = 130, 1
# The `interrupted` line of a Ctrl-C that lands before a command has begun its work or where it
# says nothing of its own (the app's imports, the model's loading): a traceback and exit -2 before.
STOPPED_BEFORE_THE_WORK = "stopped by Ctrl-C before the command had done its work: run it again"


def main() -> None:
    _stop_once_on_ctrl_c()
    command = clean_command(sys.argv[1:])
    if command is None:
        guarded(_app_main)  # importing the app reads the settings: a bad one is an error line too
        return
    guarded(lambda: _clean(*command))


def _stop_once_on_ctrl_c() -> None:
    """The first Ctrl-C stops the command (KeyboardInterrupt: it says what it kept, in its
    `interrupted` line); any after it is ignored, so that the ending is finished: the rollback of an
    open transaction, that line, and the exit's writes (the output's buffer, the pattern store). A
    second Ctrl-C while they ran printed a traceback ("Exception ignored in atexit callback") or
    killed the process (exit -2, not 130). Where Ctrl-C is ignored already (a shell's background
    job) it stays so."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _first_ctrl_c)


def _first_ctrl_c(_signum: int, _frame: FrameType | None) -> NoReturn:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise KeyboardInterrupt


def _app_main() -> None:
    from materiel.cli_app import main as app_main

    app_main()


def clean_command(args: list[str]) -> tuple[list[Path], str, int] | None:
    """(paths, format, workers) of a `clean` command line this module runs itself, or None for
    any other: one it would need the app to print, check or explain."""
    if args[:1] != ["clean"] or COMPLETION_VARIABLE in os.environ or sys.stderr.isatty():
        return None  # at a terminal the app shows a progress bar
    paths: list[Path] = []
    chosen: dict[str, str] = {}
    tokens = iter(args[1:])
    for token in tokens:
        if not token.startswith("-"):
            if not token.strip():
                return None  # an empty path: the app refuses it
            paths.append(Path(token))
            continue
        name, equals, value = token.partition("=")
        option = CLEAN_OPTIONS.get(name)
        if option is None or option in chosen or (equals and not name.startswith("--")):
            return None
        given = value if equals else next(tokens, None)
        if given is None:
            return None
        chosen[option] = given
    fmt, workers = chosen.get("format", "table"), chosen.get("workers", "1")
    if not paths or fmt not in RECORD_FORMATS or not (workers.isascii() and workers.isdigit()) or int(workers) < 1:
        return None
    return paths, fmt, int(workers)


def _clean(paths: list[Path], fmt: str, workers: int) -> None:
    gc.disable()  # the modules' objects live as long as the process: no collection looks at them
    from materiel import api

    gc.freeze()  # as cli_app.main: the modules imported so far live as long as the process
    gc.enable()
    done = [0, 0]
    try:
        # clean_view shows no date and no paragraph's language: the cleaning looks for neither (a
        # date by htmldate on HTML pages, a language by CLD2)
        articles = api.clean(paths, workers=workers, dates=False, paragraph_languages=False)
        code = write_records(articles, fmt, clean_view, done)
    except KeyboardInterrupt:
        report(interrupted("clean", fmt, done))
        code = INTERRUPTED
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the flush at exit fails silently
        code = BROKEN_PIPE
    _leave(code)


def _leave(code: int) -> NoReturn:
    """End the process once every record is written, without the interpreter's teardown: it
    frees the pages' objects, the memos and the modules one by one, 0.02-0.05 s of CPU after a run
    over the HTML benchmark's 181 pages, for a process that is ending (the system takes its memory
    back whole). The exit functions run first (the pattern store is written, as at any exit) and
    the output is flushed. Only with no thread but this one left (a pool's threads are joined when
    it ends; an interrupted pool's may not be), and only where the output can still be flushed;
    otherwise the ordinary exit. `_clean` runs only as the `materiel` command's process."""
    import threading  # imported already by the pipeline

    if threading.active_count() == 1:
        atexit._run_exitfuncs()
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            sys.exit(code)
        os._exit(code)
    sys.exit(code)


def guarded(run: Callable[[], object]) -> None:
    """Run a command; a MaterielError, or any other exception, ends it as one JSON line."""
    try:
        run()
    except MaterielError as error:
        report(error)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:  # a Ctrl-C before the command's own ending took it: while the app loads
        report(Interrupted(STOPPED_BEFORE_THE_WORK))
        sys.exit(INTERRUPTED)
    except Exception as error:  # the last line of defence: one JSON line, never a traceback
        if isinstance(error, OSError) and error.errno in NO_ROOM:  # the output's disk, not a fault of ours
            report(WriteError(f"cannot write the output: {error.strerror}"))
            sys.exit(WriteError.exit_code)
        if os.environ.get("MATERIEL_DEBUG"):
            raise
        report(InternalError(f"{type(error).__name__}: {error} (set MATERIEL_DEBUG=1 for details)"))
        sys.exit(1)


def interrupted(command: str, fmt: str, done: list[int]) -> Interrupted:
    """What a Ctrl-C leaves of a command that prints records: what was written, how to finish
    (done: the pages done and, of them, the records printed; the others were reported on stderr)."""
    pages, printed = done
    if fmt == "jsonl":
        kept = f"the {printed} record(s) printed so far are whole JSON lines"
        kept += f" (the other {pages - printed} page(s) reported on stderr)" if pages > printed else ""
    else:
        kept = f"nothing was printed (--format {fmt} prints when every page is done; jsonl prints each as it is done)"
    return Interrupted(
        f"stopped after {pages} page(s); {kept}; `{command}` keeps nothing between runs: "
        "run it again on the pages not yet done (or on all of them)"
    )


def report(error: MaterielError | Failure) -> None:
    """Print one error as the JSON error shape, on one line of stderr."""
    line = error.to_dict()
    _TOLD.add(str(line["error"]))
    sys.stderr.write(json.dumps(line, ensure_ascii=False) + "\n")


# The kinds of error line this process printed (`interrupted`: a command said what it kept).
_TOLD: set[str] = set()


def told(kind: str) -> bool:
    """Whether an error line of this kind was printed."""
    return kind in _TOLD
    sys.stderr.flush()


def write_records(
    items: Iterable[Article | Failure], fmt: str, view: Callable[[Article], dict], done: list[int] | None = None
) -> int:
    """Print articles as JSON Lines or one JSON list; report failures; return the exit code.
    done[0] counts the pages done (printed, reported or kept for the list) and done[1] the records
    printed, for a Ctrl-C to say."""
    from materiel.article import Article
    from materiel.pipeline import Failure

    failures, rows, done = 0, [], done if done is not None else [0, 0]
    for item in items:
        line = json.dumps(view(item), ensure_ascii=False) + "\n" if fmt == "jsonl" and isinstance(item, Article) else ""
        # counted before its write: a Ctrl-C is raised once a write that began has returned
        done[0] += 1
        if isinstance(item, Failure):
            failures += not item.skipped  # a skipped page is reported, and no failure
            report(item)
        elif line:
            done[1] += 1
            write_whole(line)
        else:
            rows.append(item)
    if fmt == "json":
        write_whole(json.dumps([view(a) for a in rows], ensure_ascii=False, indent=2) + "\n")
    return 1 if failures else 0


def write_whole(text: str) -> None:
    """Write `text` to stdout with Ctrl-C held back until the write is done, then raised: a Ctrl-C
    that landed while a write was blocked on a full pipe ended it mid-line, the rest of the line
    dropped with the exception, and the last line printed was cut. Held back, a blocked write waits
    for its reader (which reads, or ends and breaks the pipe)."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        sys.stdout.write(text)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


# The fields `clean` prints, in their order.
CLEAN_FIELDS = ("id", "source", "title", "language", "text", "removed", "repairs", "notes")


def clean_view(article: Article) -> dict:
    return article.to_dict(CLEAN_FIELDS)


def __getattr__(name: str) -> object:
    """The app's names (`materiel.cli.app`, ...) as before the entry point moved here: imported
    from cli_app when first asked for. The import system's own questions (`__path__`) are not
    forwarded: answering them would import the app for every command."""
    if name.startswith("_"):
        raise AttributeError(name)
    from materiel import cli_app

    return getattr(cli_app, name)


__all__ = ["clean_command", "main"]
