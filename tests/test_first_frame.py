"""The first frame imports only what it shows (docs/architecture.md, "The quality bars": the
first window within 1.5x of a bare PySide6 window). The real ``handbok`` entry point starts
offscreen in a child process; when the main window is shown, the child reports what is on it
and every module loaded by then. How long that takes is the benchmark's business
(bench/startup_bench.py), not a test's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from index.userdata.store import FILE_NAME, UserData

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import json, os, sys
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QToolBar, QWidget

app = QApplication(sys.argv[:1])


class AtFirstShow(QObject):
    painted = []  # the red bar's numbers painted so far

    def eventFilter(self, watched, event):
        kind = event.type()
        if kind == QEvent.Type.Paint and type(watched).__name__ == "NumberButton":
            self.painted.append(watched.accessibleName())
            if len(self.painted) == 2:  # once the red bar is painted
                QTimer.singleShot(0, lambda: self.report(watched.window()))
        if kind == QEvent.Type.Show and watched.objectName() == "main":
            self.qt_at_show = "Qt" in vars(QtCore)
        return False

    def report(self, window):
        report = {
            "qt_namespace": [self.qt_at_show, "Qt" in vars(QtCore)],
            "painted": self.painted,
            "modules": sorted(sys.modules),
            "title": window.windowTitle(),
            "toolbar": bool(window.findChildren(QToolBar)),
            "red_bar": window.emergency.parent() is not None,
            "sections": window.sections.accessibleName(),
            "search": window.search_field.placeholderText(),
            "points": QApplication.font().pointSizeF(),
            "size": [window.width(), window.height()],
        }
        print(json.dumps(report), flush=True)
        os._exit(0)  # the measurement is taken; nothing after the first frame matters here


watcher = AtFirstShow()
app.installEventFilter(watcher)
from desktop.cli.main import main

sys.exit(main(sys.argv[1:]))
"""

# Whole libraries and the program's own heavy modules that the first frame does not need:
# the search engine and the content (the loader thread opens them), Markdown and YAML (the
# content's parsers), PDF and QR code, the icons, the panels and pages made after the frame,
# and the command line's sub-commands.
NOT_BEFORE_THE_FIRST_FRAME = (
    "whoosh",
    "markdown_it",
    "yaml",
    "segno",
    "sqlite_utils",
    "rapidfuzz",
    "cryptography",
    "qtawesome",
    "qtpy",
    "index.handbook",
    "index.search",
    "index.store",
    "index.content.model",
    "index.content.hours",
    "index.packs",
    "desktop.documents",
    "desktop.windows.reader",
    "desktop.windows.startpage",
    "desktop.windows.checklist",
    "desktop.windows.icons",
    "desktop.cli.packs",
    "desktop.cli.contacts",
)


def first_frame(tmp_path: Path, *args: str) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return report


@pytest.mark.parametrize("options", [(), ("--store", "{store}")])
def test_the_first_frame_loads_none_of_what_comes_after_it(
    tmp_path: Path, store_dir: Path, options: tuple[str, ...]
) -> None:
    data = tmp_path / "data"
    args = ["--data-dir", str(data), *(o.format(store=store_dir) for o in options)]
    report = first_frame(tmp_path, *args)
    modules = report["modules"]
    assert isinstance(modules, list)
    early = [
        name
        for name in modules
        if any(
            name == heavy or name.startswith(heavy + ".") for heavy in NOT_BEFORE_THE_FIRST_FRAME
        )
    ]
    assert early == []
    # Nor is the Qt namespace made (its 93 enums took 40 ms, a third of what the program adds
    # to a bare window), up to the first paint of the red bar.
    assert report["painted"] == ["113 Medisinsk nødtelefon", "116 117 Legevakt"]
    assert report["qt_namespace"] == [False, False]
    # ... and the frame still shows what it showed: the window, its toolbar, the red bar,
    # the section list and the search field, in Norwegian.
    assert report["title"] == "Handbok"
    assert report["toolbar"] is True and report["red_bar"] is True
    assert report["sections"] == "Deler av Handbok"
    assert str(report["search"]).startswith("Søk i veiledning")


def test_the_first_frame_has_the_size_and_text_size_the_user_left(tmp_path: Path) -> None:
    # Read before the user's data is opened properly (index/userdata/remembered.py): the
    # frame must not open at the default look and then jump.
    plain = first_frame(tmp_path, "--data-dir", str(tmp_path / "fresh"))
    data = tmp_path / "data"
    with UserData.open(data) as saved:
        saved.settings.set("window.text_size", "3")
    bigger = first_frame(tmp_path, "--data-dir", str(data))
    assert bigger["points"] == plain["points"] + 3  # type: ignore[operator]
    # A damaged file is no reason not to open: the default look, then the sentence.
    (data / FILE_NAME).write_bytes(b"not a database at all" * 100)
    damaged = first_frame(tmp_path, "--data-dir", str(data))
    assert damaged["points"] == plain["points"] and damaged["size"] == plain["size"]


@pytest.mark.parametrize(
    "options",
    [
        ["--data-dir", "{data}", "--store", "{store}"],
        # Abbreviated as argparse allows, and a value the quick reader leaves to the parser
        # (which then reads a window line: its English must not keep the window from opening).
        ["--data", "{data}", "--st={store}"],
        ["--store", "{store}", "--data-dir", "-5"],
    ],
)
def test_the_window_opens_in_english_too(
    tmp_path: Path, store_dir: Path, options: list[str]
) -> None:
    # The command line used to make a QCoreApplication for its translations first, and the
    # window then failed with "An unexpected error occurred". The build's smoke test mode
    # quits with a verdict once the content is on screen.
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        HANDBOK_LANG="en",
        HANDBOK_SMOKE_TEST="1",
    )
    start = "import sys; from desktop.cli.main import main; sys.exit(main())"
    args = [o.format(data=tmp_path / "data", store=store_dir) for o in options]
    done = subprocess.run(
        [sys.executable, "-c", start, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "unexpected" not in done.stderr


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--data-dir", "/tmp/a"],
        ["--data-dir=/tmp/a", "--store", "/tmp/s"],
        ["--store=/tmp/s", "--data-dir", "b", "--data-dir", "c"],
        ["--data-dir="],
        ["--data", "/tmp/a"],
        ["--d=/tmp/a", "--st", "/tmp/s"],
        ["--s", "/tmp/s"],
    ],
)
def test_the_window_options_read_as_the_parser_reads_them(argv: list[str]) -> None:
    from desktop.cli.main import build_parser, window_args

    assert window_args(argv) == build_parser().parse_args(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "feber"],
        ["--data-dir"],
        ["--data-dir", "--store", "x"],
        ["--help"],
        ["--he"],
        ["--v"],
        ["--", "x"],
        ["-d", "x"],
        ["--version"],
        ["--data-dir", "x", "show", "y"],
    ],
)
def test_anything_else_goes_to_the_parser(argv: list[str]) -> None:
    from desktop.cli.main import window_args

    assert window_args(argv) is None
