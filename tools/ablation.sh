# Sourced by the ablation wrappers for blind-check's --materiel (tools/status_ablation,
# tools/frame_ablation): `materiel` with blind-check's arguments, then a script that rewrites the
# prediction file named after --out. Usage: after_eval SCRIPT [OPTION...] -- MATERIEL-ARGUMENT...
after_eval() {
    local here script options=() out="" previous="" status
    here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    script="$1"
    shift
    while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do options+=("$1"); shift; done
    shift
    "$here/.venv/bin/materiel" "$@"
    status=$?
    for argument in "$@"; do
        [ "$previous" = "--out" ] && out="$argument"
        previous="$argument"
    done
    [ -n "$out" ] || return "$status"
    "$here/.venv/bin/python" "$here/tools/$script" "$out" "${options[@]}" || return 3
    return "$status"
}
