"""The one direction of dependencies (docs/architecture.md), checked over the whole tree:
index/ is plain Python and never imports Qt or desktop/; nothing outside the command line
imports it; and no modules, nor sub-packages, import each other in a circle."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("index", "desktop")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    return {
        module_name(path): path for package in PACKAGES for path in (ROOT / package).rglob("*.py")
    }


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> Iterator[str]:
    """Every module this one imports, at the top or inside a function: a late import is a
    dependency all the same. ``from package import module`` names the module. Imports under
    ``if TYPE_CHECKING:`` are left out: they name a type for mypy and never run."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for block in ast.walk(tree):  # imports for type hints only never run: no dependency
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test):
            block.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            for alias in node.names:
                if f"{base}.{alias.name}" in modules:
                    yield f"{base}.{alias.name}"


def graph() -> dict[str, set[str]]:
    modules = all_modules()
    return {
        name: {m for m in imports_of(name, path, modules) if m in modules and m != name}
        for name, path in modules.items()
    }


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_walk_sees_the_sub_packages() -> None:
    modules = all_modules()
    assert "index.search.searcher" in modules and "desktop.windows.mainwindow" in modules
    assert "desktop.windows.mainwindow" in graph()["desktop.app"]


def test_no_qt_or_desktop_import_in_index() -> None:
    for path in (ROOT / "index").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] in ("PySide6", "shiboken6", "desktop") for n in names), (
                path
            )


def test_only_the_command_line_imports_the_command_line() -> None:
    wrong = [
        f"{name} imports {target}"
        for name, targets in graph().items()
        if not name.startswith("desktop.cli")
        for target in targets
        if target.startswith("desktop.cli")
    ]
    assert wrong == []


def test_no_two_modules_import_each_other() -> None:
    assert cycles(graph()) == []


def test_sub_packages_depend_in_one_direction() -> None:
    """index.search may use index.content, but then index.content never uses index.search."""

    def package_of(module: str) -> str:  # a top-level module counts as a package of its own
        return ".".join(module.split(".")[:2])

    edges: dict[str, set[str]] = {}
    for name, targets in graph().items():
        for target in targets:
            if package_of(target) != package_of(name):
                edges.setdefault(package_of(name), set()).add(package_of(target))
    assert cycles(edges) == []


def test_the_cycle_finder_finds_cycles() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_importing_all_of_index_loads_no_qt() -> None:
    modules = sorted(name for name in all_modules() if name.startswith("index"))
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_network_guard_works() -> None:
    import socket

    import pytest

    from tests.conftest import NetworkUsed

    with pytest.raises(NetworkUsed), socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.connect(("127.0.0.1", 9))


def test_the_error_family_is_defined_in_one_module() -> None:
    """Every error the user may see is a HandbokError defined in index/errors.py."""
    elsewhere = []
    for path in (ROOT / "index").rglob("*.py"):
        if path.name == "errors.py" and path.parent.name == "index":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}
                if bases & {"HandbokError", "UserDataError", "ContentError"}:
                    elsewhere.append(f"{path.relative_to(ROOT)}: {node.name}")
    assert elsewhere == []
