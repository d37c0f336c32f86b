"""Small named exceptions; the CLI turns each into one JSON error shape and an exit code."""

from __future__ import annotations

import os

# The keys of every error line: the CLI's lines on stderr, a batch's failed or skipped inputs, the
# API's JSON errors. All three are always present; `source` (the input a line is about) is null
# where a line is about no input.
ERROR_KEYS = ("error", "source", "message")


def error_shape(code: str, message: str, source: str | None = None) -> dict[str, str | None]:
    """The one JSON error shape."""
    return dict(zip(ERROR_KEYS, (code, source, message), strict=True))


class MaterielError(Exception):
    """Base of every error materiel reports to a user (never a traceback)."""

    code = "error"
    exit_code = 1
    source: str | None = None  # no input: the error is about the command, the ledger, a request

    def to_dict(self) -> dict[str, str | None]:
        return error_shape(self.code, str(self), self.source)


class ModelMissing(MaterielError):
    code = "model_missing"
    exit_code = 2


class UsageError(MaterielError):
    code = "usage_error"
    exit_code = 2


class Skipped(MaterielError):
    """An input with nothing in it (an empty page), refused as the readers skip it: not stored."""

    code = "skipped"


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
