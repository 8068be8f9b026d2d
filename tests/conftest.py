"""Shared fixtures: the real content built once into a real store, and isolated user data."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HANDBOK_LANG"] = "nb"

from pytestqt.qtbot import QtBot

import tests.isolation  # noqa: F401  # the suite's own config folders, before Qt starts
from desktop.app import open_userdata
from desktop.windows.dialogs import ScriptedDialogs
from desktop.windows.mainwindow import MainWindow
from desktop.windows.searching import SearchController
from index.handbook import Handbook, open_handbook
from index.resources import content_dir, search_config_dir
from index.store.build import build_store
from index.userdata.store import UserData
from tests.nonetwork import guarded_connect


class NetworkUsed(AssertionError):
    pass


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Handbok never goes online: any test that opens a network connection fails. Local
    (AF_UNIX) sockets stay allowed, as the X server and D-Bus use them."""

    def refuse(address: object, *args: object, **kwargs: object) -> None:
        raise NetworkUsed(f"network connection attempted to {address!r}")

    guarded = guarded_connect(refuse)
    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test ever touches the real home folder."""
    monkeypatch.setenv("HANDBOK_DATA_DIR", str(tmp_path / "userdata"))


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content, built by the real build into a real store."""
    out = tmp_path_factory.mktemp("store") / "store"
    build_store(content_dir(), search_config_dir(), out)
    return out


@pytest.fixture(autouse=True)
def _builtin_store_is_the_test_store(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or builds the repository's own .store (a fresh clone has none)."""
    monkeypatch.setenv("HANDBOK_BUILTIN_STORE", str(store_dir))


@pytest.fixture(scope="session")
def handbook(store_dir: Path) -> Iterator[Handbook]:
    book = open_handbook(store_dir)
    yield book
    book.close()


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the real content folder, for tests that break it on purpose."""
    target = tmp_path / "content"
    shutil.copytree(content_dir(), target)
    return target


# --- the real window -------------------------------------------------------------------------

MONDAY_NOON = datetime(2026, 11, 23, 12, 0)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, handbook: Handbook, data_dir: Path) -> Iterator[WindowFactory]:
    opened: list[tuple[MainWindow, UserData | None]] = []

    def make(*answers: object, clock: Callable[[], datetime] = lambda: MONDAY_NOON) -> MainWindow:
        userdata, _notice = open_userdata(data_dir)
        window = MainWindow(userdata, ScriptedDialogs(*answers), clock=clock)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        window.attach(handbook, SearchController(handbook.searcher, window))
        opened.append((window, userdata))
        return window

    yield make
    for window, userdata in opened:
        window.close()
        if userdata is not None:
            userdata.close()
