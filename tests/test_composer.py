"""The handout composer and Ctrl+P, driven in the real window; output read back as PDF."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDir, Qt
from pytestqt.qtbot import QtBot

from desktop.windows.composer import MUNICIPALITY_SETTING, Composer
from desktop.windows.dialogs import ScriptedDialogs
from index.handbook import Handbook
from index.userdata.store import UserData
from tests.conftest import WindowFactory

A5 = (420, 595)


def text_of(pdf: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)


def holds(path: Path, text: str) -> bool:
    """Whether ``path`` holds ``text`` as UTF-8 or UTF-16, or in a PDF's (compressed) text."""
    data = path.read_bytes()
    if any(text.encode(codec) in data for codec in ("utf-8", "utf-16-le", "utf-16-be")):
        return True
    return data.startswith(b"%PDF") and text in text_of(path)


def composer_for(
    qtbot: QtBot, handbook: Handbook, userdata: UserData, *answers: object
) -> Composer:
    composer = Composer(handbook.store, userdata, ScriptedDialogs(*answers), current="leve")
    qtbot.addWidget(composer)
    composer.show()
    return composer


def test_compose_reorder_and_save(
    qtbot: QtBot, handbook: Handbook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A temporary folder of this test's own, for Python and for Qt, to look into afterwards.
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    assert Path(QDir.tempPath()).resolve() == temp.resolve()
    userdata = UserData.open(tmp_path / "data")
    out = tmp_path / "skriv.pdf"
    composer = composer_for(qtbot, handbook, userdata, out)
    composer.template_choice.setCurrentIndex(
        composer.template_choice.findData("til-deg-som-har-mistet-noen-i-selvmord")
    )
    labels = [composer.blocks.item(i).text() for i in range(composer.blocks.count())]
    assert any("Kontakt: LEVE" in label for label in labels)

    # Add a contact from the list, move it to the top, remove another, A5, large print.
    composer.addable.setCurrentIndex(composer.addable.findData("kors-pa-halsen"))
    composer.add.click()
    assert composer.blocks.currentItem().text() == "Kontakt: Kors på halsen"
    while composer.blocks.currentRow() > 0:
        composer.up.click()
    assert composer.handout.blocks[0].id == "kors-pa-halsen"
    composer.blocks.setCurrentRow(1)
    removed = composer.handout.blocks[1]
    composer.remove.click()
    assert removed not in composer.handout.blocks
    composer.paper.setCurrentText("A5")
    composer.large.setChecked(True)
    composer.municipality.setText("Hamar kommune")
    composer.municipality.editingFinished.emit()
    composer.patient_line.setText("Til Ola: ring meg på fredag")
    composer.patient_line.editingFinished.emit()
    assert "Kontroller før utskrift" in composer.warnings.text()  # LEVE's number is from 2020

    # The preview shows the document that will be printed.
    qtbot.waitUntil(lambda: composer.last_document is not None, timeout=5000)
    assert "Kors på halsen" in composer.last_document.toPlainText()  # type: ignore[union-attr]

    assert composer.save_pdf() == out
    reader = PdfReader(out)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A5
    text = text_of(out)
    assert text.index("Kors på halsen") < text.index("LEVE")
    assert "800 33 321" in text and "Hamar kommune" in text
    assert "Til Ola: ring meg på fredag" in text
    composer.close()

    # The municipality is remembered; the line for the patient is stored nowhere: not in the
    # data folder, not in a temporary file; only in the PDF the user chose to save.
    assert userdata.settings.get(MUNICIPALITY_SETTING) == "Hamar kommune"
    userdata.close()
    for path in (tmp_path / "data").iterdir():
        assert not holds(path, "Til Ola"), path
    for path in temp.rglob("*"):
        assert path.is_dir() or not holds(path, "Til Ola"), path


def test_checklist_handout_with_a_runs_ticks(
    qtbot: QtBot, handbook: Handbook, tmp_path: Path
) -> None:
    userdata = UserData.open(tmp_path / "data")
    checklist = handbook.store.checklist("starte-selvhjelpsgruppe")
    run = userdata.runs.create(checklist.id, "Gruppe A")
    userdata.runs.set_ticked(run.id, checklist.items[0].id, True)
    out = tmp_path / "liste.pdf"
    composer = composer_for(qtbot, handbook, userdata, out)
    composer.template_choice.setCurrentIndex(composer.template_choice.findData("sjekkliste"))
    assert composer.blocks.count() == 0
    composer.add_content("starte-selvhjelpsgruppe")
    assert not composer.ticks.isEnabled() or composer.ticks.count() == 2
    composer.ticks.setCurrentIndex(composer.ticks.findData(run.id))
    composer.save_pdf()
    text = text_of(out)
    assert "☑" in text and text.count("☐") == len(checklist.items) - 1
    composer.close()
    userdata.close()


def test_ctrl_p_prints_the_section_being_read(
    qtbot: QtBot,
    make_window: WindowFactory,
    tmp_path: Path,
) -> None:
    out = tmp_path / "avsnitt.pdf"
    window = make_window(out)
    window.open("samarbeid-om-selvorganisert-selvhjelp#frisklivssentralene")
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    text = text_of(out)
    assert "Frisklivssentralene" in text and "Side 1 av" in text and "Skrevet ut" in text
    assert "Selvhjelp Norges distriktskontorer" not in text  # only the section, not the article


def test_print_checklist_with_ticks_and_filtered_contacts(
    qtbot: QtBot,
    make_window: WindowFactory,
    tmp_path: Path,
) -> None:
    listed, checked = tmp_path / "kontakter.pdf", tmp_path / "sjekkliste.pdf"
    window = make_window(checked, listed)
    window.open("samarbeid-med-kommunen-om-selvhjelp")
    view = window.checklist_view
    assert view is not None
    next(iter(view.boxes.values())).setChecked(True)
    window.print_current()
    assert "☑" in text_of(checked)
    window.contacts.category.setCurrentIndex(window.contacts.category.findData("nødnummer"))
    window.contacts.print_button.click()
    text = text_of(listed)
    assert "113" in text and "116 117" in text and "Kirkens SOS" not in text
    assert "Kopier" not in text
