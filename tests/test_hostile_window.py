"""The real window, offscreen, through a hostile corpus: markup in every field of every
source (content, kommune.yaml, CSV, bookmark file, a pack's file name). Run in a process of
its own (tests/hostileworker.py) with a time limit, so a freeze fails as a timeout and a crash
as an exit code. Spies that trust nothing in the program: the kernel says whether any file the
markup names was opened, and Qt hands every URL given to the system to a recorder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from index.resources import search_config_dir
from index.store.build import build_store
from index.untrusted import external_link
from tests.hostile import Corpus
from tests.spies import ALLOWED_SCHEMES

ROOT = Path(__file__).resolve().parents[1]
TIME_LIMIT = 300  # seconds for the whole walk; a markup freeze alone took over 90 s a table


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    work = tmp_path_factory.mktemp("hostile")
    corpus = Corpus(work)
    store = work / "store"
    build_store(corpus.content(), search_config_dir(), store)
    kommune = corpus.kommune()
    corpus.csv()
    corpus.bookmarks()
    corpus.pack()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HANDBOK_LANG": "nb",
        "HANDBOK_KOMMUNE_DIR": str(kommune),
        "HANDBOK_PACKS_DIR": str(work / "packs"),
        "HANDBOK_DATA_DIR": str(work / "data"),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-m", "tests.hostileworker", str(store), str(work / "data"),
         str(corpus.spies), str(work)],
        cwd=work, env=env, capture_output=True, text=True, timeout=TIME_LIMIT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    report["fields"] = corpus.count
    return report


def test_no_file_named_by_markup_is_ever_opened(walk: dict[str, object]) -> None:
    assert walk["fields"] > 40  # every source took part
    assert walk["opened_files"] == []


def test_no_foreign_url_reaches_the_system(walk: dict[str, object]) -> None:
    opened = walk["opened_urls"]
    assert isinstance(opened, list)
    assert all(u.split(":")[0] in ALLOWED_SCHEMES and external_link(u) for u in opened), opened
    # The content's own web links did get through: the spy was listening.
    assert "https://selvhjelp.no" in opened


def test_every_message_box_is_plain_text(walk: dict[str, object]) -> None:
    boxes = walk["boxes"]
    assert isinstance(boxes, list)
    titles = {b["title"] for b in boxes}
    assert {"Importer kontakter", "Importer bokmerker", "Oppdater innhold fra fil"} <= titles
    assert all(b["format"] == "PlainText" for b in boxes)
    # The sentences quote the markup as it is written, so the user sees what is wrong.
    pack = next(b for b in boxes if b["title"] == "Oppdater innhold fra fil")
    assert '<a href="file:///bin/sh">' in pack["text"]
    csv = next(b for b in boxes if b["title"] == "Importer kontakter")
    assert "1 nye" in csv["text"] and "javascript:" in csv["text"] and "U+0000" in csv["text"]


def test_the_status_line_quotes_markup_as_text(walk: dict[str, object]) -> None:
    statuses = walk["statuses"]
    assert isinstance(statuses, list)
    assert any("<img src=" in s and "format" in s for s in statuses), statuses


def test_no_label_reads_file_text_as_markup(walk: dict[str, object]) -> None:
    assert walk["marked_up_labels"] == []


def test_printing_and_the_handout_came_through(walk: dict[str, object]) -> None:
    pdfs = walk["pdfs"]
    assert isinstance(pdfs, list)
    assert {"kontaktliste.pdf", "skriv.pdf"} <= set(pdfs)
    assert any(p.startswith("lokal-") for p in pdfs)


def test_the_red_strip_shows_no_local_help_line(walk: dict[str, object]) -> None:
    strip = walk["strip"]
    assert isinstance(strip, list) and any(name.startswith("113 ") for name in strip)
    # The hostile help lines (national content and kommune.yaml, both døgnåpen) have no
    # phone number, so neither may be there; a local one never is (test_hostile_files).
    assert not any("Fiendtlig" in name for name in strip)
