"""tools/wrap_eval.sh, sourced by the wrappers that blind-check runs as its --materiel: the eval's
gold and output read from its arguments, its exit status kept, the script after it run on them."""

from __future__ import annotations

import subprocess

from tests.conftest import ROOT

# An eval that exits 5 whatever it is given, in place of materiel.
FAKE_EVAL = 'eval_command=(sh -c "exit 5" fake)'


def _bash(script: str) -> subprocess.CompletedProcess:
    line = f'source "{ROOT}/tools/wrap_eval.sh"; {FAKE_EVAL}; {script}'
    return subprocess.run(["bash", "-c", line], capture_output=True, text=True, check=False)


def test_the_eval_s_gold_output_and_status_are_read() -> None:
    done = _bash('_run_eval eval --gold g.jsonl --out o.jsonl --workers 2; echo "$eval_status $eval_gold $eval_out"')
    assert done.stdout.split() == ["5", "g.jsonl", "o.jsonl"]


def test_without_an_output_nothing_runs_after_the_eval() -> None:
    # no --out: the script named (one that does not exist) is never run, the eval's status is kept
    assert _bash("after_eval no_such_script.py --flag -- eval --gold g.jsonl").returncode == 5
    assert _bash("gauge_after_eval no_such_script.py totals.jsonl eval --out o.jsonl").returncode == 5


def test_a_failing_script_after_the_eval_exits_3() -> None:
    assert _bash("after_eval no_such_script.py -- eval --out o.jsonl").returncode == 3
    assert _bash("gauge_after_eval no_such_script.py t.jsonl eval --gold g.jsonl --out o.jsonl").returncode == 3
