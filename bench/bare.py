"""A bare PySide6 QMainWindow: the floor the start-up and memory benchmarks compare against.

Run as a program it shows the window until closed (startup_bench.py times it); imported, it
only builds and shows the window (memory_bench.py measures it). It imports nothing else, so
the floor costs what Qt itself costs.
"""

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

TITLE = "BareQt"


def bare_window() -> tuple[QApplication, QMainWindow]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    window = QMainWindow()
    window.setWindowTitle(TITLE)
    window.setCentralWidget(QLabel("Hei"))
    window.show()
    return app, window


if __name__ == "__main__":
    app, _window = bare_window()
    app.exec()
