"""Docs generated from code stay current."""

from __future__ import annotations

from tests.conftest import ROOT
from tools.cli_docs import render


def test_cli_reference_is_current() -> None:
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == render(), "run `make docs`"
