"""The SQL the program runs keeps to SQLite 3.31 (with JSON1 and FTS5): a Python on a
municipal PC may bring an SQLite older than the one the tests run on, and these features
would fail there only, at the moment a user clicks."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|RETURNING)\b")
NEWER = {  # feature -> the SQLite version that brought it
    r"->": "3.38 (->, ->>)",
    r"\bRETURNING\b": "3.35 (RETURNING)",
    r"\bDROP\s+COLUMN\b": "3.35 (DROP COLUMN)",
    r"\bMATERIALIZED\b": "3.35 (MATERIALIZED)",
    r"\bSTRICT\b": "3.37 (STRICT tables)",
    r"\bunixepoch\s*\(": "3.38 (unixepoch)",
    r"\biif\s*\(": "3.32 (iif)",
    r"\b(RIGHT|FULL)\s+(OUTER\s+)?JOIN\b": "3.39 (RIGHT/FULL JOIN)",
    r"\b(octet_length|concat_ws|string_agg|timediff)\s*\(": "3.43+ functions",
}


def sql_strings(path: Path) -> list[tuple[int, str]]:
    """Each string in a Python file that reads as SQL, with its line: implicitly joined
    literals as one, f-strings' literal parts, docstrings left out (they may name a feature
    to say why it is not used)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and SQL.search(node.value)
    ]


def newer_features(path: Path, root: Path = ROOT) -> list[str]:
    return [
        f"{path.relative_to(root).as_posix()}:{line}: SQLite {version}"
        for line, text in sql_strings(path)
        for pattern, version in NEWER.items()
        if re.search(pattern, text, re.IGNORECASE)
    ]


def test_program_sql_runs_on_sqlite_3_31() -> None:
    files = [p for folder in ("index", "desktop") for p in sorted((ROOT / folder).rglob("*.py"))]
    assert len(files) > 50  # the program's sources were found
    assert [found for path in files for found in newer_features(path)] == []


def test_the_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    text = (
        "A = \"SELECT x -> '$.a' FROM t\"\n"
        'B = "UPDATE t SET a = 1 RETURNING *"\n'
        "def f() -> None:\n"
        '    """Not RETURNING: SQLite 3.35."""\n'
        "    return q + ' RETURNING *'\n"
        "C = 'plain text -> no query'\n"
    )
    sample.write_text(text, encoding="utf-8")
    assert newer_features(sample, tmp_path) == [
        "sample.py:1: SQLite 3.38 (->, ->>)",
        "sample.py:2: SQLite 3.35 (RETURNING)",
        "sample.py:5: SQLite 3.35 (RETURNING)",
    ]
