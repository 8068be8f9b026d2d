"""Local contacts through the command line: CSV in, search, show, handout, CSV out."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

HEADER = (
    "Id;Navn;Organisasjon;Kategori;Målgruppe;Telefon;SMS;E-post;Nettside;Chat;Åpningstider;"
    "Område;Adresse;Beskrivelse;Kilde;Kontrollert"
)
# Fictional local numbers: these never go into the shipped content.
ROWS = (
    ";Frivilligsentralen i Testby;Testby kommune;kommunal tjeneste;voksne;62 00 00 01;;"
    "post@testby.invalid;;;man-fre 09:00-15:00;lokal;Torget 1;Låner ut lokaler til "
    "selvhjelpsgrupper.;Kommunen;22.11.2026",
    ";Uten kategori;;tull;;12;;;;;;;;;;",
)


def handbok(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        capture_output=True, text=True, encoding="utf-8", timeout=180, check=False, env=env,
    )  # fmt: skip


def test_csv_import_search_show_handout_export(store_dir: Path, tmp_path: Path) -> None:
    env = dict(os.environ, HANDBOK_DATA_DIR=str(tmp_path / "data"), HANDBOK_STORE=str(store_dir),
               HANDBOK_KOMMUNE_DIR=str(tmp_path / "ingen"))  # fmt: skip
    csv = tmp_path / "kontakter.csv"
    csv.write_bytes(("\ufeff" + "\r\n".join((HEADER, *ROWS)) + "\r\n").encode("utf-8"))

    first = handbok("contacts", "import", str(csv), env=env)
    assert first.returncode == 1  # one bad row: reported, the good one kept
    assert "1 nye" in first.stdout and "Rad 3:" in first.stderr
    again = handbok("contacts", "import", str(csv), env=env)
    assert "0 nye, 0 oppdatert, 1 uendret" in again.stdout  # no duplicates

    found = handbok("search", "frivilligsentralen", "--json", env=env)
    assert found.stdout.index("lokal-frivilligsentralen-i-testby") < found.stdout.index(
        '"frivilligsentral"'
    )  # the local one first
    exact = handbok("search", "frivilligsentral", "--json", env=env)
    ids = [hit["id"] for hit in json.loads(exact.stdout)]
    # ... but never above a title that is exactly what was typed.
    assert ids[:2] == ["frivilligsentral", "lokal-frivilligsentralen-i-testby"]
    shown = handbok("show", "lokal-frivilligsentralen-i-testby", env=env)
    assert "62 00 00 01" in shown.stdout and "Torget 1" in shown.stdout

    pdf = tmp_path / "skriv.pdf"
    made = handbok("handout", "sjekkliste", "--add", "lokal-frivilligsentralen-i-testby",
                   "--pdf", str(pdf), env=env)  # fmt: skip
    assert made.returncode == 0, made.stderr
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "62 00 00 01" in text and "Frivilligsentralen i Testby" in text

    out = tmp_path / "ut.csv"
    assert handbok("contacts", "export", str(out), env=env).returncode == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    assert "Frivilligsentralen i Testby" in data.decode("utf-8-sig")


def _files(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Each file's modification time and bytes (the -shm a reader may leave is SQLite's)."""
    return {
        p.name: (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(folder.iterdir())
        if not p.name.endswith(("-shm", "-wal"))
    }


def test_a_search_reads_the_local_file_and_leaves_it_as_it_was(
    store_dir: Path, tmp_path: Path
) -> None:
    """``handbok search`` and ``show`` open lokalt.sqlite3 only to read it (no whole-file
    check, no copy made, no file made where there is none), and still refuse a crafted one."""
    from index.local.draft import ChannelDraft, ContactDraft
    from index.local.store import LocalStore

    data = tmp_path / "data"
    env = dict(os.environ, HANDBOK_DATA_DIR=str(data), HANDBOK_STORE=str(store_dir),
               HANDBOK_KOMMUNE_DIR=str(tmp_path / "ingen"), HANDBOK_LANG="nb")  # fmt: skip
    with LocalStore.open(data) as store:
        store.contacts.add(
            ContactDraft(
                name="Turgruppe Testby",
                category="organisasjon",
                channels=(ChannelDraft("nett", "tur.example.no"),),
            )
        )
    before = _files(data)
    assert set(before) == {"lokalt.sqlite3", "lokalt.sqlite3.backup"}
    found = handbok("search", "turgruppe", "--json", env=env)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)[0]["id"] == "lokal-turgruppe-testby"
    shown = handbok("show", "lokal-turgruppe-testby", env=env)
    assert shown.returncode == 0 and "tur.example.no" in shown.stdout
    assert _files(data) == before

    empty = dict(env, HANDBOK_DATA_DIR=str(tmp_path / "tom"))
    assert handbok("search", "turgruppe", env=empty).returncode == 0
    assert not (tmp_path / "tom" / "lokalt.sqlite3").exists()

    # A trigger is still found before anything is read, and the file moved aside as at any
    # other open; the last good copy comes back in its place.
    conn = sqlite3.connect(data / "lokalt.sqlite3")
    conn.execute("CREATE TRIGGER spy AFTER INSERT ON notes BEGIN DELETE FROM contacts; END")
    conn.commit()
    conn.close()
    crafted = handbok("search", "turgruppe", "--json", env=env)
    assert crafted.returncode == 0, crafted.stderr
    assert "var skadet" in crafted.stderr and "siste gode kopien" in crafted.stderr
    assert any(p.name.startswith("lokalt.sqlite3.damaged-") for p in data.iterdir())
    conn = sqlite3.connect(data / "lokalt.sqlite3")
    assert (
        conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()[0] == 0
    )
    conn.close()
    assert json.loads(crafted.stdout)[0]["id"] == "lokal-turgruppe-testby"


def test_a_search_in_bokmal_never_loads_qt(store_dir: Path, tmp_path: Path) -> None:
    """Qt is the window's; the command line in bokmål has nothing to translate (its start
    was a third loading Qt for the parser's help texts)."""
    env = dict(os.environ, HANDBOK_DATA_DIR=str(tmp_path / "data"), HANDBOK_LANG="nb",
               HANDBOK_KOMMUNE_DIR=str(tmp_path / "ingen"))  # fmt: skip
    code = (
        "import sys\nfrom desktop.cli.main import main\n"
        f"code = main(['--store', {str(store_dir)!r}, 'search', 'kirkens sos', '--json'])\n"
        "print(code, sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))),"
        " file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=180
    )
    assert done.stderr.strip().splitlines()[-1] == "0 []"
    assert json.loads(done.stdout)[0]["id"] == "kirkens-sos"


def _damage_table(path: Path, table: str) -> None:
    """Garbage over the first page of ``table`` (its root), the rest of the file as it was."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    conn.close()
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\xa5" * page_size)


@pytest.mark.parametrize("table", ["contacts", "contact_terms_data", "notes"])
def test_a_damaged_page_met_by_a_search_is_said(
    store_dir: Path, tmp_path: Path, table: str
) -> None:
    """Opened only to read, the file is not checked page by page; a damaged page a search
    meets is said all the same, and the search answers with what it can read."""
    from index.local.draft import ContactDraft
    from index.local.store import LocalStore

    data = tmp_path / "data"
    env = dict(os.environ, HANDBOK_DATA_DIR=str(data), HANDBOK_STORE=str(store_dir),
               HANDBOK_KOMMUNE_DIR=str(tmp_path / "ingen"), HANDBOK_LANG="nb")  # fmt: skip
    with LocalStore.open(data) as store:
        store.contacts.add(ContactDraft(name="Turgruppe Testby", category="organisasjon"))
        store.notes.add("selvhjelp#grupper", "Turgruppa møtes tirsdager.")
    _damage_table(data / "lokalt.sqlite3", table)
    first = handbok("search", "kirkens sos", "--json", env=env)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)[0]["id"] == "kirkens-sos"  # the national content answers
    then = handbok("search", "turgruppe", "--json", env=env)
    assert then.returncode == 0, then.stderr
    said = first.stderr + then.stderr
    if table == "contacts":  # met by the search only
        assert "ser ut til å være skadet" in said
        assert not any(p.name.startswith("lokalt.sqlite3.damaged-") for p in data.iterdir())
    else:
        # Met while the layer opened (the terms table's structure is read with the schema, the
        # notes with the layer): the file is opened as the window opens it, moved aside and
        # the last good copy put back.
        assert "siste gode kopien" in said
        assert any(p.name.startswith("lokalt.sqlite3.damaged-") for p in data.iterdir())
        assert "lokal-turgruppe-testby" in [h["id"] for h in json.loads(then.stdout)]  # copy
