"""The local layer and content updates in the real window."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QComboBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop.documents.pdf import render_handout_pdf
from desktop.windows.dialogs import ScriptedDialogs
from desktop.windows.mainwindow import MainWindow
from desktop.windows.searching import SearchController
from desktop.windows.sections import CONTACTS
from index.handbook import open_handbook
from index.local.draft import ChannelDraft, ContactDraft
from index.resources import resource_path
from index.userdata.store import UserData

DRAFT = ContactDraft(
    name="Frivilligsentralen i Testby",
    category="kommunal-tjeneste",
    audience=("voksne",),
    channels=(ChannelDraft("telefon", "62 00 00 01"),),  # fictional: tests only
    organisation="Testby kommune",
    description="Låner ut lokaler til selvhjelpsgrupper.",
)


@pytest.fixture
def local_window(
    qtbot: QtBot, store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    monkeypatch.setenv("HANDBOK_KOMMUNE_DIR", str(tmp_path / "kommune"))
    monkeypatch.setenv("HANDBOK_PACKS_DIR", str(tmp_path / "packs"))
    handbook = open_handbook(store_dir)
    assert handbook.add_local(tmp_path / "data") == []
    userdata = UserData.open(tmp_path / "data")
    window = MainWindow(userdata, ScriptedDialogs())
    qtbot.addWidget(window)
    window.show()
    window.attach(handbook, SearchController(handbook.searcher, window))
    yield window
    window.close()
    userdata.close()
    handbook.close()


def answer(window: MainWindow, *answers: object) -> ScriptedDialogs:
    dialogs = window.dialogs
    assert isinstance(dialogs, ScriptedDialogs)
    dialogs.answers.extend(answers)
    return dialogs


def test_add_edit_delete_a_local_contact(qtbot: QtBot, local_window: MainWindow) -> None:
    window = local_window
    panel = window.contacts
    assert not panel.local_buttons.isHidden()
    answer(window, DRAFT)
    panel.new_requested.emit()
    qtbot.waitUntil(lambda: not panel.pending)  # the list is read on a thread of its own
    assert "lokal-frivilligsentralen-i-testby" in panel.shown_ids()
    window.search_field.setText("frivilligsentralen")  # not the national one's exact title
    qtbot.waitUntil(lambda: window.results.result is not None, timeout=5000)
    assert window.results.hit_ids()[0] == "lokal-frivilligsentralen-i-testby"
    window.open("lokal-frivilligsentralen-i-testby")
    assert "62 00 00 01" in window.reader.plain_text()

    renamed = ContactDraft(**{**DRAFT.__dict__, "name": "Frivilligsentralen Testby"})
    answer(window, renamed)
    panel.edit_requested.emit("lokal-frivilligsentralen-i-testby")
    assert window.handbook is not None
    assert window.handbook.store.contact("lokal-frivilligsentralen-i-testby").name == (
        "Frivilligsentralen Testby"
    )
    answer(window, True)
    panel.delete_requested.emit("lokal-frivilligsentralen-i-testby")
    qtbot.waitUntil(lambda: not panel.pending)
    assert "lokal-frivilligsentralen-i-testby" not in panel.shown_ids()
    # National contacts cannot be changed from here.
    panel.delete_requested.emit("kirkens-sos")
    assert "Bare kontakter dere har lagt inn selv" in window.status_label.text()


def test_csv_import_from_the_window(qtbot: QtBot, local_window: MainWindow, tmp_path: Path) -> None:
    csv = tmp_path / "k.csv"
    csv.write_bytes(
        "\ufeffNavn;Kategori;Telefon\r\nLegevakten i Testby;nødnummer;62 00 00 02\r\n".encode()
    )
    dialogs = answer(local_window, csv)
    local_window.contacts.import_requested.emit()
    local_window.local_contacts.wait()  # the import runs on a thread of its own
    assert "1 nye" in dialogs.shown[-1][1]
    qtbot.waitUntil(lambda: not local_window.contacts.pending)
    assert "lokal-legevakten-i-testby" in local_window.contacts.shown_ids()


def test_update_content_from_a_pack(
    local_window: MainWindow, content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index.packs import install as packs

    key = packs.generate_keypair(tmp_path / "k.pem", tmp_path / "k.pub")
    monkeypatch.setenv("HANDBOK_PACK_KEY", str(tmp_path / "k.pub"))
    pack = tmp_path / "p.zip"
    packs.make_pack(content_copy, tmp_path / "k.pem", pack, version="2026.12.1",
                    changelog="Nytt om frivilligsentraler.")  # fmt: skip
    dialogs = answer(local_window, pack)
    local_window.update_content()
    assert "versjon 2026.12.1" in dialogs.shown[-1][1]
    assert "Start Handbok på nytt" in dialogs.shown[-1][1]
    local_window.about_content()
    assert "innholdspakke 2026.12.1" in dialogs.shown[-1][1]
    # A tampered pack: refused in one sentence.
    bad = tmp_path / "bad.zip"
    bad.write_bytes(pack.read_bytes()[:-40])
    answer(local_window, bad)
    local_window.update_content()
    assert len(dialogs.shown[-1][1].splitlines()) == 1
    assert key.fingerprint


def test_local_note_on_a_section_is_shown_found_printed_deleted(
    qtbot: QtBot, local_window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtCore import QUrl

    section = "samarbeid-om-selvorganisert-selvhjelp#frisklivssentralene"
    window = local_window
    window.open(section)
    assert "Legg til lokalt notat" in window.reader.plain_text()
    answer(window, "Ring Frisklivssentralen i Testby, de har kurs på tirsdager.")
    window._link_clicked(QUrl(f"lokalnotat:{section}"))
    assert "Hos oss: Ring Frisklivssentralen i Testby" in window.reader.plain_text()
    window.search_field.setText("tirsdager")
    qtbot.waitUntil(lambda: window.results.result is not None, timeout=5000)
    assert window.results.hit_ids() == [section]
    # It goes into a handout with its section, and can be deleted again.
    from desktop.documents.pdf import render_handout_pdf
    from index.handout import Handout, block_for

    assert window.handbook is not None
    store = window.handbook.store
    handout = Handout.from_template(store.handout("sjekkliste"))
    for block in block_for(store, section):
        handout.add(block)
    out = tmp_path / "notat.pdf"
    render_handout_pdf(handout, store, out, layer=window.handbook.layer)
    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "Hos oss: Ring Frisklivssentralen i Testby" in text and "slett" not in text
    (own,) = window.handbook.layer.notes_for(section)
    answer(window, True)
    window._link_clicked(QUrl(f"slettnotat:{own.note_id}"))
    assert "Hos oss:" not in window.reader.plain_text()


def test_municipality_from_the_deployment_file_heads_handouts(
    store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    from desktop.windows.composer import Composer

    folder = tmp_path / "kommune"
    folder.mkdir()
    shutil.copy(resource_path("icons", "handbok.png"), folder / "logo.png")
    (folder / "kommune.yaml").write_text(
        "municipality: Testby kommune\nlogo: logo.png\ncontacts:\n"
        "  - name: Legevakten i Testby\n    category: nødnummer\n    verified: 2026-11-22\n"
        "    channels:\n      - {type: telefon, value: 62 00 00 03}\n"
        "notes:\n  - section: samarbeid-om-selvorganisert-selvhjelp#kommunen\n"
        "    text: Kontakt folkehelsekoordinatoren i Testby.\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("HANDBOK_KOMMUNE_DIR", str(folder))
    handbook = open_handbook(store_dir)
    try:
        assert handbook.add_local(tmp_path / "data") == []
        assert handbook.store.contact("lokal-legevakten-i-testby").name == "Legevakten i Testby"
        (note,) = handbook.layer.notes_for("samarbeid-om-selvorganisert-selvhjelp#kommunen")
        assert note.text == "Kontakt folkehelsekoordinatoren i Testby." and note.deployed
        composer = Composer(handbook.store, None, ScriptedDialogs(), layer=handbook.layer)
        qtbot.addWidget(composer)
        assert composer.municipality.text() == "Testby kommune"
        assert composer.handout.municipality == "Testby kommune"
        # Name and logo head every page of the handout.
        out = tmp_path / "skriv.pdf"
        composer.handout.blocks = composer.handout.blocks[:1]
        render_handout_pdf(composer.handout, handbook.store, out)
        page = PdfReader(out).pages[0]
        assert "Testby kommune" in " ".join(page.extract_text().split())
        assert any(image.image.size[0] == image.image.size[1] == 256 for image in page.images)
    finally:
        handbook.close()


def test_a_csv_file_with_a_huge_cell_is_refused_in_norwegian(
    qtbot: QtBot, local_window: MainWindow, tmp_path: Path
) -> None:
    # A 10 MB cell: the csv module refuses it with its own English reason, which must not
    # reach the nurse; the sentence names the row and what to do.
    csv = tmp_path / "k.csv"
    csv.write_bytes(
        (
            "Navn;Kategori;Telefon\r\nOk;nødnummer;62 00 00 02\r\n" + "A" * 10_000_000 + ";;\r\n"
        ).encode()
    )
    dialogs = answer(local_window, csv)
    local_window.contacts.import_requested.emit()
    local_window.local_contacts.wait()
    message = dialogs.shown[-1][1]
    assert "rad 3" in message and "Rett cellen" in message
    assert "field" not in message and "limit" not in message


def test_the_contact_panel_widens_with_the_text_size_instead_of_cutting_its_buttons(
    qtbot: QtBot, local_window: MainWindow
) -> None:
    # Five steps up on a 1280x720 screen: "Ny lokal kontakt …" read "y lokal kontakt" and
    # the filters "Alle målgrupp" while the panel kept its 340 px.
    window = local_window
    window.resize(1280, 720)
    window.show_section(CONTACTS)
    panel = window.contacts
    base = panel.print_button.font().pointSizeF()
    for _ in range(5):
        window.text_size.bigger()
    qtbot.waitUntil(lambda: panel.print_button.font().pointSizeF() == base + 5, timeout=2000)
    buttons = [*panel.local_buttons.findChildren(QPushButton), panel.print_button]
    combos = panel.findChildren(QComboBox)

    def whole() -> bool:  # a button's text is whole at its size hint, a combo's at its least
        return all(b.width() >= b.sizeHint().width() for b in buttons) and all(
            c.width() >= c.minimumSizeHint().width() for c in combos
        )

    qtbot.waitUntil(whole, timeout=2000)
    assert window.splitter.sizes()[1] >= 500  # the reading pane keeps a readable width
