"""Write docs/cli.md from the CLI's own --help text (run by `make docs`; a test checks it is current)."""

from __future__ import annotations

import re
import sys

from typer.testing import CliRunner

import materiel.cli_ledger
import materiel.cli_spark  # noqa: F401  (registers the Spark command)
from materiel.cli_app import app

COMMANDS = ("clean", "extract", "eval", "ingest", "ledger", "show", "review", "export", "serve", "spark")


def help_text(*args: str) -> str:
    result = CliRunner().invoke(
        app, [*args, "--help"], prog_name="materiel", env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    )
    return re.sub(r"[ \t]+\n", "\n", result.output).strip()


def render() -> str:
    parts = [
        "# Command reference",
        "",
        "Generated from `materiel --help` by `tools/cli_docs.py`.",
        "",
        "```",
        help_text(),
        "```",
    ]
    for command in COMMANDS:
        parts += ["", f"## materiel {command}", "", "```", help_text(command), "```"]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
