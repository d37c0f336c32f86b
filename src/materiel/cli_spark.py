"""The Spark command (pyspark is the optional extra `materiel[spark]`)."""

from __future__ import annotations

import re
from typing import Annotated

import typer

from materiel.cli import report
from materiel.cli_app import app, err, fail
from materiel.errors import MaterielError, SparkError, UsageError
from materiel.pipeline import Failure, skip

# The line of py4j's text that names the Java exception: "org.apache....SomeException: message".
_JAVA_EXCEPTION = re.compile(r"^(?:[a-z][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error)\b")


@app.command()
def spark(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, globs or Hadoop URIs (s3a://, hdfs://).")],
    out: Annotated[str, typer.Option("--out", help="Output directory (local or a Hadoop URI) for Parquet.")],
    master: Annotated[str | None, typer.Option(help="Spark master URL (default local[*]).")] = None,
    partitions: Annotated[int | None, typer.Option(min=1, help="Minimum number of input partitions.")] = None,
    merge: Annotated[
        bool, typer.Option("--merge/--no-merge", help="Also group near-duplicates and merge transfers in Spark.")
    ] = True,
) -> None:
    """Run the per-article pipeline on Spark; write articles and claims as Parquet under --out."""
    try:
        from materiel import spark as job
    except ImportError:
        fail(UsageError("pyspark is not installed: pip install 'materiel[spark]'"))
    from py4j.protocol import Py4JJavaError  # pyspark's own dependency

    try:
        summary = job.run(inputs, out, master, partitions, merge)
    except MaterielError as error:
        fail(error)
    except Py4JJavaError as error:
        fail(SparkError(java_reason(str(error))))
    for source, problem in summary.failures:
        report(Failure(source, problem))  # json.dumps: a quote in a name or a problem stays JSON
    for source, reason in summary.skipped:
        report(skip(source, reason))
    counts = f"failed {len(summary.failures)} skipped {len(summary.skipped)}"
    err.print(f"articles {summary.articles} claims {summary.claims} {counts}")
    raise typer.Exit(1 if summary.failures else 0)


def java_reason(message: str) -> str:
    """A Java exception's class (without its package) and message, from py4j's text: the line that
    names it, not the call it failed in ("An error occurred while calling ...") nor its stack."""
    lines = [line.removeprefix(": ").strip() for line in message.splitlines()]
    named = next((line for line in lines if _JAVA_EXCEPTION.match(line)), lines[0] if lines else message)
    name, _, rest = named.partition(": ")
    return f"{name.rsplit('.', 1)[-1]}: {rest}" if rest else named
