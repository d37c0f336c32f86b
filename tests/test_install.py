"""Which Python `make` builds the environment with: the newest of 3.13, 3.12, 3.11 that runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _fake_python(folder: Path, name: str, runs: bool) -> None:
    """A `pythonX.Y` on PATH: one that runs (it answers the version check), or a broken shim."""
    script = folder / name
    script.write_text("#!/bin/sh\nexit 0\n" if runs else "#!/bin/sh\necho 'pyenv: not installed' >&2\nexit 127\n")
    script.chmod(0o755)


def _chosen(folder: Path) -> str:
    env = {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}
    env.pop("PYTHON", None)
    result = subprocess.run(
        ["make", "-n", "-B", "install"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return next(line for line in result.stdout.splitlines() if " -m venv " in line).split()[0]


def test_make_takes_the_newest_python_that_runs(tmp_path: Path) -> None:
    _fake_python(tmp_path, "python3.13", runs=False)  # a pyenv shim naming a version not installed
    _fake_python(tmp_path, "python3.12", runs=True)
    _fake_python(tmp_path, "python3.11", runs=True)
    assert _chosen(tmp_path) == str(tmp_path / "python3.12")
    _fake_python(tmp_path, "python3.13", runs=True)
    assert _chosen(tmp_path) == str(tmp_path / "python3.13")


def test_pyproject_accepts_3_11_to_3_13() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11,<3.14"
    assert (3, 11) <= sys.version_info[:2] <= (3, 13)
