"""The one-place rule (docs/architecture.md, "Text from files is data"), kept by reading the
source: the safe way is the only way the code has. Text documents, links to the system, rich
text and tooltips go through desktop/safetext.py; a plain QLabel is made plain where it is
made, or shows only the program's own words. A new widget that breaks the rule fails here
with its file and line."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "desktop"
SAFETEXT = DESKTOP / "safetext.py"

# Where a rule does not apply, and why. Keep it short: each entry is a reason, not an escape.
LINK_EXCEPTIONS = {
    # Opens the PDF the user has just saved, by its path: not a link from any text.
    ("desktop/windows/composer.py", "QDesktopServices"),
}
TOOLTIP_OF_PROGRAM_WORDS = {
    # The program's own words (action names and keys, section names), never a file's.
    ("desktop/windows/toolbar.py", 'action.setToolTip(f"{text} ({keys[0]})")'),
    ("desktop/windows/sidepanel.py", 'item.setToolTip(f"{name} (Alt+{number})")'),
    ("desktop/windows/a11y.py", "button.setToolTip(name)"),
    ("desktop/windows/a11y.py", "action.setToolTip(name)"),
    ("desktop/windows/pagepreview.py", "button.setToolTip(name)"),
}
LABEL_OF_PROGRAM_WORDS = {
    # Numbers and the program's own words only (page and zoom, a picture).
    ("desktop/windows/pagepreview.py", "self.page_label = QLabel(self)"),
    ("desktop/windows/pagepreview.py", "self.zoom_label = QLabel(self)"),
    ("desktop/windows/pagepreview.py", "self.image = QLabel(self)"),
    ("desktop/windows/reader.py", "self.find_status = QLabel(self.find_bar)"),
}


def sources() -> Iterator[tuple[str, ast.Module, list[str]]]:
    for path in sorted(DESKTOP.rglob("*.py")):
        if path == SAFETEXT:
            continue
        text = path.read_text(encoding="utf-8")
        yield path.relative_to(ROOT).as_posix(), ast.parse(text), text.splitlines()


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _program_words(node: ast.AST) -> bool:
    """A translated string of the program's own (tr(...), self.tr(...)), maybe formatted."""
    if isinstance(node, ast.Call) and _name(node.func) == "format":
        node = node.func.value  # type: ignore[attr-defined]
    return isinstance(node, ast.Call) and _name(node.func) == "tr"


def test_only_safetext_hands_a_link_to_the_system() -> None:
    found = [
        f"{name}:{node.lineno}"
        for name, tree, _lines in sources()
        for node in ast.walk(tree)
        if isinstance(node, ast.Name | ast.Attribute)
        and _name(node) == "QDesktopServices"
        and (name, "QDesktopServices") not in LINK_EXCEPTIONS
    ]
    assert found == [], "links leave the program only through safetext.open_external"


def test_no_text_document_or_browser_but_the_safe_ones() -> None:
    documents = ("QTextDocument", "QTextBrowser")
    found = []
    for name, tree, _lines in sources():
        for node in ast.walk(tree):
            made = isinstance(node, ast.Call) and _name(node.func) in documents
            based = isinstance(node, ast.ClassDef) and any(
                _name(b) in documents for b in node.bases
            )
            if made or based:
                found.append(f"{name}:{node.lineno}")
    assert found == [], "use safetext.SafeDocument / SafeBrowser: they load no resource"


def test_rich_text_only_in_safetext() -> None:
    found = [
        f"{name}:{node.lineno}"
        for name, tree, _lines in sources()
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in ("RichText", "AutoText")
    ]
    assert found == [], "rich labels are safetext.RichLabel, fed escaped text"


def test_every_tooltip_is_escaped_or_the_programs_own_words() -> None:
    found = []
    for name, tree, lines in sources():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _name(node.func) == "setToolTip"):
                continue
            value = node.args[-1] if node.args else None
            if value is None or _program_words(value):
                continue
            if isinstance(value, ast.Call) and _name(value.func) == "tooltip":
                continue
            line = lines[node.lineno - 1].strip()
            if (name, line) not in TOOLTIP_OF_PROGRAM_WORDS:
                found.append(f"{name}:{node.lineno}: {line}")
    assert found == [], "a tooltip of file text goes through safetext.tooltip"


def test_every_plain_qlabel_is_made_plain_where_it_is_made() -> None:
    """A QLabel reads any text that looks like HTML as HTML: one made here either shows the
    program's own words only, or is set to plain text in the same function."""
    found = []
    for name, tree, lines in sources():
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            body = ast.unparse(function)
            for node in ast.walk(function):
                if not (isinstance(node, ast.Call) and _name(node.func) == "QLabel"):
                    continue
                if node.args and _program_words(node.args[0]):
                    continue
                line = lines[node.lineno - 1].strip()
                target = line.split("=")[0].strip() if "=" in line else ""
                if target and f"{target}.setTextFormat(Qt.TextFormat.PlainText)" in body:
                    continue
                if (name, line) not in LABEL_OF_PROGRAM_WORDS:
                    found.append(f"{name}:{node.lineno}: {line}")
    assert found == [], "use safetext.PlainLabel, or set the label to plain text"


def test_the_rules_see_what_they_look_for() -> None:
    """The walk finds the calls it checks (so an empty list above means something)."""
    calls = {
        _name(node.func)
        for _name_, tree, _lines in sources()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
    }
    assert {"setToolTip", "QLabel", "PlainLabel", "tooltip"} <= calls
