"""Small named exceptions; the CLI turns each into one JSON error shape and an exit code."""

from __future__ import annotations

import os


class MaterielError(Exception):
    """Base of every error materiel reports to a user (never a traceback)."""

    code = "error"
    exit_code = 1

    def to_dict(self) -> dict[str, str]:
        return {"error": self.code, "message": str(self)}


class ReadError(MaterielError):
    """One input (file or record) could not be read; the batch goes on."""

    code = "read_error"

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ModelMissing(MaterielError):
    code = "model_missing"
    exit_code = 2


class UsageError(MaterielError):
    code = "usage_error"
    exit_code = 2


class NotFound(MaterielError):
    code = "not_found"


class WriteError(MaterielError):
    """An output file (--out) could not be written."""

    code = "write_error"


class Interrupted(MaterielError):
    """Ctrl-C (SIGINT) during a command that writes: what was committed is kept."""

    code = "interrupted"
    exit_code = 130  # 128 + SIGINT, as shells report it


class StoreError(MaterielError):
    code = "store_error"


class SparkError(MaterielError):
    """A Spark job failed in Java (an input Hadoop cannot list, a store it cannot reach)."""

    code = "spark_error"


class InternalError(MaterielError):
    """A bug: reported as one line, with MATERIEL_DEBUG=1 to see the traceback."""

    code = "internal_error"


def number_setting(name: str, default: float, minimum: float) -> float:
    """A number from the environment (MATERIEL_...): one that is no number, or under `minimum`,
    is a usage error naming the variable, not a traceback at import."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not value >= minimum:  # a NaN fails too
        raise UsageError(f"{name} must be a number of at least {minimum:g}, not {raw!r}")
    return value
