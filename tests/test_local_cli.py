"""Local contacts through the command line: CSV in, search, show, handout, CSV out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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
