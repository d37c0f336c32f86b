"""Docs generated from code stay current."""

from __future__ import annotations

from tests.conftest import ROOT
from tools.cli_docs import render


def test_cli_reference_is_current() -> None:
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == render(), "run `make docs`"


def test_the_paths_help_names_every_kind_of_file_the_readers_read() -> None:
    """The help said "txt, html, jsonl, warc, wet": ARC crawls, .ndjson feeds and the Parquet of
    `materiel spark` (which `ingest` loads) were read but not named."""
    from materiel.cli_app import Paths
    from materiel.read import READERS

    text = Paths.__metadata__[0].help
    for suffixes, _ in READERS:
        for suffix in suffixes:
            assert suffix.removesuffix(".gz").lstrip(".") in text, suffix
