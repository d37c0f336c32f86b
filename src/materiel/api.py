"""The library functions the CLI, the web app and the executors call."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from types import ModuleType

from materiel.article import Article
from materiel.clean import batch_clean_steps, require_text
from materiel.clean.siterepeat import SharedSiteMemory, SiteMemory
from materiel.errors import NotFound, UsageError
from materiel.pipeline import BATCH_SIZE, Failure, Runner, Step, batched
from materiel.read import read_paths
from materiel.read.ids import distinct_ids


def extract_steps(memory: SiteMemory | None = None) -> list[Step]:
    """Cleaning and extraction; `memory`: the line counts per site kept from earlier runs (a
    ledger's), for the step that removes a site's repeated lines."""
    from materiel.extract import extract_findings
    from materiel.extract.nlp import load_model

    load_model()  # fail fast, once, with the install hint, before any article is read
    return [*batch_clean_steps(memory), require_text, extract_findings]


def clean_steps() -> list[Step]:
    return batch_clean_steps()


def undated_clean_steps() -> list[Step]:
    """The cleaning for an output that shows no date: the same text, without looking for the date."""
    return batch_clean_steps(dates=False)


def shown_clean_steps() -> list[Step]:
    """The cleaning for `materiel clean`'s records, which show neither a date nor the paragraphs'
    languages: the same text, without looking for either (the article's language is shown)."""
    return batch_clean_steps(dates=False, paragraph_languages=False)


def clean(
    paths: Iterable[str | Path],
    runner: Runner | None = None,
    workers: int = 1,
    dates: bool = True,
    paragraph_languages: bool = True,
) -> Iterator[Article | Failure]:
    """Read and clean only (no NLP model is loaded). Without `dates`, each article's date is not
    looked for (a date the input gave is still checked); without `paragraph_languages`, only the
    article's language is: for outputs that do not show them."""
    factory = _clean_factory(dates, paragraph_languages)
    if workers > 1:
        from materiel.executors import run_pool  # process pools are imported only when used

        return distinct_ids(run_pool(paths, factory, workers))
    runner = runner or Runner(factory())
    return distinct_ids(runner.run(read_paths(paths)))


def _clean_factory(dates: bool, paragraph_languages: bool) -> Callable[[], list[Step]]:
    """The module-level function that makes the steps (a pool's workers are handed it by name)."""
    if dates:
        return clean_steps if paragraph_languages else partial(batch_clean_steps, paragraph_languages=False)
    return undated_clean_steps if paragraph_languages else shown_clean_steps


def extract(
    paths: Iterable[str | Path],
    runner: Runner | None = None,
    workers: int = 1,
    memory: SharedSiteMemory | None = None,
) -> Iterator[Article | Failure]:
    """The whole per-article pipeline: read, clean, extract. Articles read already extracted
    (Spark's Parquet) pass through, and without any such article no model is loaded. `memory`:
    see extract_steps."""
    if workers > 1:
        from materiel.executors import run_pool

        extract_steps()  # fail fast here (model missing) rather than in every worker
        return distinct_ids(run_pool(paths, extract_steps, workers, memory))
    if runner is not None:
        return distinct_ids(runner.run(read_paths(paths)))
    return distinct_ids(_extract_when_needed(read_paths(paths), memory))


def _extract_when_needed(items: Iterable[Article | Failure], memory: SiteMemory | None) -> Iterator[Article | Failure]:
    """Build the extraction steps (and load the NLP model) at the first batch with an article that
    needs them; the runner sees its articles batch by batch (its batch step learns from them)."""
    runner: Runner | None = None
    for chunk in batched(items, BATCH_SIZE):
        if any(isinstance(item, Article) and not item.done for item in chunk):
            runner = runner or Runner(extract_steps(memory))
            yield from runner.run(chunk)
        else:
            yield from chunk


def gold_records(gold: Path) -> list[dict]:
    records, lines_of = [], {}
    for number, line in enumerate(_gold_lines(gold), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise UsageError(f"{gold}:{number}: not JSON ({error.msg})") from error
        if not isinstance(record, dict) or "id" not in record or "file" not in record:
            raise UsageError(f'{gold}:{number}: a gold record needs "id" and "file"')
        first = lines_of.setdefault(str(record["id"]), number)
        if first != number:  # the scorer keeps one record per id: the other would go unscored, unsaid
            raise UsageError(f"{gold}:{number}: the id {str(record['id'])!r} is line {first}'s too")
        records.append(record)
    if not records:  # an empty file (the wrong one?) scored nothing, exit 0
        raise UsageError(f"{gold}: no gold records")
    return records


def _gold_lines(gold: Path) -> list[str]:
    """The gold file's lines: one that cannot be read, or is not UTF-8 text (a binary file, UTF-16),
    is a usage error, not an internal one."""
    try:
        return gold.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise UsageError(f"cannot read gold file {gold}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise UsageError(f"cannot read gold file {gold}: not UTF-8 text (byte {error.start})") from error


def predict_gold(gold: Path, runner: Runner) -> Iterator[dict]:
    """Predictions keyed by gold id, for every gold record's file (relative to gold's parent's parent)."""
    return predict_gold_records(gold_records(gold), gold.resolve().parent.parent, runner)


def predict_gold_records(records: list[dict], root: Path, runner: Runner) -> Iterator[dict]:
    """One stream through the runner, so that a batch step sees the records' pages together."""
    for record, item in run_gold_records(records, root, runner):
        if isinstance(item, Failure):
            yield {"id": record["id"], **item.to_dict(), "transfers": [], "quotes": []}  # the one error shape
            continue
        out = item.to_dict()
        out["id"] = str(record["id"])
        yield out


def run_gold_records(records: list[dict], root: Path, runner: Runner) -> Iterator[tuple[dict, Article | Failure]]:
    """Each gold record with its page through the runner's steps (or its Failure), all in one
    stream, as `materiel eval` runs them (the training tools clean the pages the same way)."""
    firsts = (_first(record, root) for record in records)
    yield from zip(records, runner.run(firsts), strict=True)


def _first(record: dict, root: Path) -> Article | Failure:
    """A gold record's article: the first its file reads as, or why there is none."""
    items = list(read_paths([root / record["file"]]))
    article = next((a for a in items if isinstance(a, Article)), None)
    if article is not None:
        return article
    return items[0] if items else Failure(str(root / record["file"]), "no article")


def shared_scorer(gold: Path) -> ModuleType | None:
    """The scorer of the evaluation contract (`eval/score.py` beside the gold's folder), or None."""
    script = gold.resolve().parent.parent / "eval" / "score.py"
    if not script.exists():
        return None
    spec = importlib.util.spec_from_file_location("materiel_shared_score", script)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract_text_or_path(text_or_path: str | Path) -> list[Article]:
    """`materiel.extract(...)`: Articles from a text, or from a file or folder path."""
    if not isinstance(text_or_path, str | Path):  # not an AttributeError from deep inside
        raise TypeError(f"materiel.extract takes a text (str) or a path, not {type(text_or_path).__name__}")
    if isinstance(text_or_path, Path) and not text_or_path.exists():  # not an empty list
        raise NotFound(f"no file or folder {text_or_path}")
    if isinstance(text_or_path, Path) or _names_a_file(text_or_path):
        items = extract([text_or_path])
    else:
        items = iter([Runner(extract_steps()).run_one(Article(id="", source="<text>", text=str(text_or_path)))])
    return [item for item in items if isinstance(item, Article)]


# Linux's longest path (PATH_MAX): a longer text names no file, and is not asked of the disk.
PATH_MAX = 4096


def _names_a_file(text: str) -> bool:
    if not text.strip() or len(text) >= PATH_MAX or "\n" in text:  # Path("") is the working folder
        return False
    try:
        return Path(text).exists()
    except OSError:  # a sentence too long to be a file name ("File name too long")
        return False
