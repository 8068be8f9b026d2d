"""Shared fixtures: the real content built once into a real store, and isolated user data."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HANDBOK_LANG"] = "nb"

from index.build import build_store
from index.handbook import Handbook, open_handbook
from index.resources import content_dir, search_config_dir


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
