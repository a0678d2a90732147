"""Code asks the language data for what it needs and never branches on a language code:
``if lang == "ru"``, ``lang or "en"``, ``code in ("zh", "ja")`` or a table of codes belong in
``lang/<code>/`` files."""
from __future__ import annotations

import ast
from pathlib import Path

import dragoman
from dragoman import lang

PACKAGE = Path(dragoman.__file__).parent
# Package folders still allowed to hold language cases while their owners move them out.
PENDING: tuple[str, ...] = ()
CODES = frozenset(lang.languages()) | {lang.COMMON}


def _codes_in(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and node.value in CODES:
        return [node.value]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [c for element in node.elts for c in _codes_in(element)]
    return []


def _about_language(node: ast.AST) -> bool:
    text = ast.unparse(node).lower()
    return "lang" in text or "code" in text


def language_cases(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            codes = [c for o in operands for c in _codes_in(o)]
            if codes and any(_about_language(o) for o in operands if not _codes_in(o)):
                found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.BoolOp):
            if any(_codes_in(v) for v in node.values) and any(_about_language(v) for v in node.values):
                found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Dict):
            if len([k for k in node.keys if k is not None and _codes_in(k)]) >= 2:
                found.append((node.lineno, ast.unparse(node)[:80]))
    return found


def test_the_checker_sees_language_cases():
    tree = ast.parse('if lang == "ru": pass\nx = code or "en"\ny = lang in ("zh", "ja")\nT = {"ru": 1, "kk": 2}')
    assert [line for line, _ in language_cases(tree)] == [1, 2, 3, 4]
    assert not language_cases(ast.parse('row["id"] == value\nname = lang or default'))


def test_no_code_branches_on_a_language_code():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in PENDING:
            continue
        for line, source in language_cases(ast.parse(path.read_text(encoding="utf-8"))):
            offenders.append(f"{relative}:{line}: {source}")
    assert not offenders, "language cases in code; move them into lang/<code>/ data:\n" + "\n".join(offenders)
