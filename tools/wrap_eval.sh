# Sourced by the wrappers in tools/ that blind-check runs as its --materiel (the ablations and the
# gauges): `materiel` with blind-check's arguments, then a script of tools/ on the prediction file
# named after --out (and the gold named after --gold). Each function returns materiel's exit
# status, or 3 when the script fails.
WRAP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The command that writes the predictions: materiel itself, unless a wrapper names another.
eval_command=("$WRAP_ROOT/.venv/bin/materiel")

# _run_eval ARGUMENT...: eval_command with blind-check's arguments; sets eval_status, eval_out, eval_gold.
_run_eval() {
    local previous="" argument
    "${eval_command[@]}" "$@"
    eval_status=$?
    eval_out=""
    eval_gold=""
    for argument in "$@"; do
        [ "$previous" = "--out" ] && eval_out="$argument"
        [ "$previous" = "--gold" ] && eval_gold="$argument"
        previous="$argument"
    done
}

# after_eval SCRIPT [OPTION...] -- ARGUMENT...: then `tools/SCRIPT OUT OPTION...` (it rewrites OUT).
after_eval() {
    local script="$1" options=()
    shift
    while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do options+=("$1"); shift; done
    shift
    _run_eval "$@"
    [ -n "$eval_out" ] || return "$eval_status"
    "$WRAP_ROOT/.venv/bin/python" "$WRAP_ROOT/tools/$script" "$eval_out" "${options[@]}" || return 3
    return "$eval_status"
}

# gauge_after_eval SCRIPT TOTALS ARGUMENT...: then `tools/SCRIPT GOLD OUT TOTALS` (it appends the
# totals of its variants to TOTALS).
gauge_after_eval() {
    local script="$1" totals="$2"
    shift 2
    _run_eval "$@"
    [ -n "$eval_out" ] && [ -n "$eval_gold" ] || return "$eval_status"
    "$WRAP_ROOT/.venv/bin/python" "$WRAP_ROOT/tools/$script" "$eval_gold" "$eval_out" "$totals" || return 3
    return "$eval_status"
}
