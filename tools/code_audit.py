"""Measure the code standards over a tree: functions over 30 lines, modules over 400 lines, defs
without type hints, bare numbers compared against in conditions (thresholds not named), and regular
expressions compiled without re.VERBOSE and a comment. A place to look, not a verdict.

    python tools/code_audit.py src/materiel            # counts, then the rows
    python tools/code_audit.py src/materiel --counts   # counts only
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from pathlib import Path

# The project's limits (/work/HELPERS.md "Standards"): most functions under 30 lines, modules under ~400.
MAX_FUNCTION_LINES = 30
MAX_MODULE_LINES = 400
# Numbers that are not thresholds when compared against: counts of nothing, one, two, and -1 for "not found".
PLAIN_NUMBERS = {0, 1, 2, -1}
# Lines above a pattern in which its comment (or its function's docstring) may stand.
NEAR_LINES = 5
RE_CALLS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}


def functions(tree: ast.AST) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def length(node: ast.AST) -> int:
    return (node.end_lineno or node.lineno) - node.lineno + 1


def long_functions(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in functions(tree):
        if length(node) > MAX_FUNCTION_LINES:
            yield node.lineno, f"{node.name} {length(node)} lines"


def untyped(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in functions(tree):
        args = node.args
        every = [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]
        missing = [a.arg for a in every if a is not None and a.annotation is None and a.arg not in ("self", "cls")]
        if node.returns is None and node.name != "__init__":
            missing.append("return")
        if missing:
            yield node.lineno, f"{node.name}: {', '.join(missing)}"


def number(node: ast.AST) -> float | None:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = number(node.operand)
        return None if inner is None else -inner
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return node.value
    return None


def magic_numbers(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and any(isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)) for op in node.ops):
            for side in (node.left, *node.comparators):
                value = number(side)
                if value is not None and value not in PLAIN_NUMBERS:
                    yield node.lineno, f"compared with {value}"


def is_re_call(node: ast.Call) -> bool:
    func = node.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr in RE_CALLS
        and isinstance(func.value, ast.Name)
        and func.value.id in ("re", "regex", "regexcache")
    )


def mentions_verbose(node: ast.Call) -> bool:
    return any(isinstance(n, ast.Attribute) and n.attr in ("VERBOSE", "X") for n in ast.walk(node))


def uncommented_patterns(tree: ast.AST, lines: list[str]) -> Iterator[tuple[int, str]]:
    """A pattern literal of 40+ characters outside re.VERBOSE, with no comment or docstring on or just above it."""
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and is_re_call(node) and node.args):
            continue
        first = node.args[0]
        text = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else ""
        if len(text) < 40 or mentions_verbose(node):
            continue
        near = lines[max(0, node.lineno - NEAR_LINES) : node.end_lineno or node.lineno]
        if not any("#" in line or '"""' in line for line in near):  # a comment, or a docstring just above
            yield node.lineno, f"re.{node.func.attr} pattern of {len(text)} characters"  # type: ignore[attr-defined]


def audit(path: Path) -> dict[str, list[tuple[int, str]]]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    lines = source.splitlines()
    found = {
        "long_functions": list(long_functions(tree)),
        "untyped": list(untyped(tree)),
        "magic_numbers": list(magic_numbers(tree)),
        "uncommented_patterns": list(uncommented_patterns(tree, lines)),
        "long_modules": [(1, f"{len(lines)} lines")] if len(lines) > MAX_MODULE_LINES else [],
    }
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, nargs="?", default=Path("src/materiel"))
    parser.add_argument("--counts", action="store_true", help="print the counts only")
    args = parser.parse_args(argv)
    totals: dict[str, int] = {}
    rows: list[str] = []
    for path in sorted(args.root.rglob("*.py")):
        for kind, found in audit(path).items():
            totals[kind] = totals.get(kind, 0) + len(found)
            rows += [f"{kind}\t{path}:{line}\t{what}" for line, what in found]
    for kind, count in totals.items():
        print(f"{kind}: {count}")
    if not args.counts:
        print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
