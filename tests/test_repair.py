"""A damaged or missing content database or search index: rebuilt, said in one sentence."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from index.handbook import open_or_repair
from index.store.database import DB_FILE


@pytest.fixture
def copy(store_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "store"
    shutil.copytree(store_dir, target)
    return target


# Whoosh leaves a file object open when it fails to read a damaged segment; CPython closes it.
UNCLOSED = (
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
)


@UNCLOSED[0]
@UNCLOSED[1]
@pytest.mark.parametrize("damage", ["index-garbage", "index-missing", "database-missing"])
def test_damaged_content_is_rebuilt_and_said(copy: Path, damage: str) -> None:
    if damage == "index-garbage":
        for segment in (copy / "whoosh").glob("*.seg"):
            segment.write_bytes(b"\0" * 128)
    elif damage == "index-missing":
        shutil.rmtree(copy / "whoosh")
    else:
        (copy / DB_FILE).unlink()
    handbook, notice = open_or_repair(copy)
    try:
        assert "bygget det på nytt" in notice and "\n" not in notice
        assert handbook.searcher.search("kirkens sos").hits[0].id == "kirkens-sos"
    finally:
        handbook.close()


def test_a_store_named_explicitly_is_not_replaced(copy: Path) -> None:
    from index.errors import HandbokError

    (copy / DB_FILE).unlink()
    with pytest.raises(HandbokError):
        open_or_repair(copy, repair=False)
    assert not (copy / DB_FILE).exists()


def test_the_command_line_repairs_its_own_store(copy: Path, tmp_path: Path) -> None:
    for segment in (copy / "whoosh").glob("*.seg"):
        segment.write_bytes(b"\0" * 128)
    env = dict(os.environ, HANDBOK_BUILTIN_STORE=str(copy), HANDBOK_DATA_DIR=str(tmp_path / "d"),
               HANDBOK_PACKS_DIR=str(tmp_path / "p"))  # fmt: skip
    env.pop("HANDBOK_STORE", None)
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "search", "leve", "--json"],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert '"leve"' in result.stdout
    assert "bygget det på nytt" in result.stderr and "Traceback" not in result.stderr
