"""The handout composer and Ctrl+P, driven in the real window; output read back as PDF."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDir, QStandardPaths, Qt, QUrl
from pytestqt.qtbot import QtBot

from desktop.windows.composer import LARGE_SETTING, MUNICIPALITY_SETTING, PAPER_SETTING, Composer
from desktop.windows.dialogs import ScriptedDialogs
from desktop.windows.sections import CONTACTS
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


class Opened(list[QUrl]):
    def __call__(self, url: QUrl) -> bool:
        self.append(url)
        return True


def composer_for(
    qtbot: QtBot, handbook: Handbook, userdata: UserData | None, *answers: object
) -> Composer:
    composer = Composer(
        handbook.store, userdata, ScriptedDialogs(*answers), current="leve", open_url=Opened()
    )
    qtbot.addWidget(composer)
    composer.show()
    return composer


def choose_template(composer: Composer, ident: str) -> None:
    composer.template_choice.setCurrentIndex(composer.template_choice.findData(ident))


def labels(composer: Composer) -> list[str]:
    return [composer.blocks.item(i).text() for i in range(composer.blocks.count())]


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
    choose_template(composer, "til-deg-som-har-mistet-noen-i-selvmord")
    assert any("Kontakt: LEVE" in label for label in labels(composer))

    # Find a contact in the picker, add it, move it to the top, remove another.
    composer.picker.search.setText("kors halsen")
    assert composer.picker.visible_ids() == ["kors-pa-halsen"]
    assert composer.picker.select("kors-pa-halsen")
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
    assert "Kontroller før utskrift" in composer.warnings.text()  # LEVE's number is from 2020

    # The preview follows: the pages it shows are the pages that are saved.
    qtbot.waitUntil(lambda: composer.paged is not None, timeout=3000)
    assert composer.paged is not None and composer.paged.paper.name == "A5"
    assert composer.save_pdf() == out
    _title, suggestion = composer.dialogs.shown[-1]  # type: ignore[attr-defined]
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(suggestion) == Path(documents) / (
        f"til-deg-som-har-mistet-noen-i-selvmord-{date.today().isoformat()}.pdf"
    )
    reader = PdfReader(out)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A5
    assert len(reader.pages) == composer.paged.count
    text = text_of(out)
    assert text.index("Kors på halsen") < text.index("LEVE")
    assert "800 33 321" in text and "Hamar kommune" in text
    assert "Til Ola: ring meg på fredag" in text
    assert reader.metadata.author == "Hamar kommune"

    # It says it worked, and opens the PDF or its folder when asked.
    assert composer.saved_bar.isVisible() and str(out) in composer.saved_label.text()
    composer.open_pdf.click()
    composer.show_folder.click()
    assert [u.toLocalFile() for u in composer.open_url] == [str(out), str(tmp_path)]  # type: ignore[attr-defined]
    composer.close()

    # Paper, print size and municipality are remembered for the next handout; the line for
    # the patient is stored nowhere: not in the data folder, not in a temporary file.
    assert userdata.settings.get(MUNICIPALITY_SETTING) == "Hamar kommune"
    assert userdata.settings.get(PAPER_SETTING) == "A5"
    assert userdata.settings.get(LARGE_SETTING) == "1"
    again = composer_for(qtbot, handbook, userdata)
    assert again.paper.currentText() == "A5" and again.large.isChecked()
    assert again.handout.paper == "A5" and again.handout.large_print
    assert again.municipality.text() == "Hamar kommune" and not again.patient_line.text()
    again.close()
    userdata.close()
    for path in (tmp_path / "data").iterdir():
        assert not holds(path, "Til Ola"), path
    for path in temp.rglob("*"):
        assert path.is_dir() or not holds(path, "Til Ola"), path


@pytest.mark.parametrize("keep", [False, True])
def test_template_change_keeps_options_and_asks_before_dropping_additions(
    qtbot: QtBot, handbook: Handbook, tmp_path: Path, keep: bool
) -> None:
    out = tmp_path / "skriv.pdf"
    composer = composer_for(qtbot, handbook, None, keep, out)
    choose_template(composer, "hjelpetelefoner-og-chat")
    composer.municipality.setText("Stange kommune")
    composer.paper.setCurrentText("A5")
    composer.large.setChecked(True)
    composer.add_content("selvhjelp-norge")
    assert [b.id for b in composer.handout.additions()] == ["selvhjelp-norge"]
    choose_template(composer, "til-deg-som-har-mistet-noen-i-selvmord")
    question = composer.dialogs.shown[-1][1]  # type: ignore[attr-defined]
    assert "lagt til 1 deler" in question and "blir de borte" in question
    handout = composer.handout
    assert handout.template.id == "til-deg-som-har-mistet-noen-i-selvmord"
    options = (handout.paper, handout.large_print, handout.municipality)
    assert options == ("A5", True, "Stange kommune")
    assert [b.id for b in handout.additions()] == (["selvhjelp-norge"] if keep else [])
    assert ("Kontakt: Selvhjelp Norge" in labels(composer)) is keep
    composer.save_pdf()
    header = PdfReader(out).pages[0].extract_text().splitlines()[0]
    assert header.startswith("Stange kommune")


def test_staff_text_is_marked_before_it_is_added(qtbot: QtBot, handbook: Handbook) -> None:
    section = "samhandling-om-lokalt-selvhjelpsarbeid#definisjon-pa-selvhjelp"
    composer = composer_for(qtbot, handbook, None, False, True)
    tree = composer.picker.tree
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert groups == ["Kontakter", "Veiledning (skrevet for fagfolk)", "Sjekklister"]
    composer.picker.search.setText("definisjon selvhjelp")
    assert section in composer.picker.visible_ids()
    before = len(composer.handout.blocks)
    composer.add_content(section)  # the user says no: nothing is added
    assert "skrevet for fagfolk" in composer.dialogs.shown[-1][1]  # type: ignore[attr-defined]
    assert len(composer.handout.blocks) == before
    composer.add_content(section)  # yes
    assert labels(composer)[-1] == "Avsnitt (for fagfolk): Definisjon på selvhjelp"
    composer.picker.search.setText("rvts nord")
    assert composer.picker.visible_ids() == ["rvts-nord"]
    assert composer.picker.label_of("rvts-nord") == "RVTS Nord (for fagfolk)"
    assert composer.picker.label_of("kirkens-sos") == "Kirkens SOS"


def test_contact_with_nothing_to_print_is_named_in_the_notices(
    qtbot: QtBot, handbook: Handbook
) -> None:
    composer = composer_for(qtbot, handbook, None)
    choose_template(composer, "hva-er-en-selvhjelpsgruppe")
    notices = composer.warnings.text()
    assert "Skrives ikke ut: Frivilligsentral" in notices
    assert "Skrives ikke ut: Frisklivssentral" in notices
    qtbot.waitUntil(lambda: composer.paged is not None, timeout=3000)
    assert composer.paged is not None


def test_what_to_check_before_printing_is_read_without_scrolling_on_a_tall_screen(
    qtbot: QtBot, handbook: Handbook
) -> None:
    from PySide6.QtWidgets import QApplication

    composer = composer_for(qtbot, handbook, None)
    choose_template(composer, "hjelpetelefoner-og-chat")  # four contacts to check
    assert composer.warnings.text().count("\n") >= 4
    line = composer.fontMetrics().lineSpacing()
    composer.resize(1900, 1000)
    QApplication.processEvents()
    bar = composer.notices.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() == 0, timeout=2000)
    # ... and on a 720 px screen the lists above keep their room: five lines, then a scroll.
    composer.resize(1260, 650)
    QApplication.processEvents()
    assert composer.notices.height() <= line * 5 + 6
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)


def test_preview_shows_whole_pages_with_page_and_zoom_controls(
    qtbot: QtBot, handbook: Handbook
) -> None:
    composer = composer_for(qtbot, handbook, None)
    composer.resize(1280, 720)
    choose_template(composer, "hjelpetelefoner-og-chat")
    qtbot.waitUntil(lambda: composer.paged is not None, timeout=3000)
    preview = composer.preview
    qtbot.waitUntil(lambda: not preview.shown_size().isEmpty(), timeout=3000)
    room = preview.area.viewport().size()
    shown = preview.shown_size()
    # The whole page, as large as the pane allows.
    assert shown.width() <= room.width() and shown.height() <= room.height()
    assert shown.height() >= 0.9 * (room.height() - 16) or shown.width() >= 0.9 * (
        room.width() - 16
    )
    assert shown.width() / shown.height() == pytest.approx(210 / 297, abs=0.02)
    assert preview.page_label.text() == f"Side 1 av {composer.paged.count}"  # type: ignore[union-attr]
    assert not preview.previous.isEnabled() and preview.next.isEnabled()
    preview.next.click()
    assert preview.page_label.text().startswith("Side 2 av")
    preview.zoom_in.click()
    assert preview.shown_size().width() > shown.width()
    preview.fit.click()
    assert preview.shown_size() == shown
    # A change of paper reaches the preview.
    composer.paper.setCurrentText("A5")
    qtbot.waitUntil(
        lambda: composer.paged is not None and composer.paged.paper.name == "A5", timeout=3000
    )
    assert preview.paged is composer.paged


def test_the_composer_fits_a_1280x720_screen(qtbot: QtBot, handbook: Handbook) -> None:
    composer = composer_for(qtbot, handbook, None)
    need = composer.minimumSizeHint()
    assert need.width() <= 1280 and need.height() <= 720 - 60  # title bar and task bar


def test_checklist_handout_with_a_runs_ticks(
    qtbot: QtBot, handbook: Handbook, tmp_path: Path
) -> None:
    userdata = UserData.open(tmp_path / "data")
    checklist = handbook.store.checklist("starte-selvhjelpsgruppe")
    run = userdata.runs.create(checklist.id, "Gruppe A")
    userdata.runs.set_ticked(run.id, checklist.items[0].id, True)
    out = tmp_path / "liste.pdf"
    composer = composer_for(qtbot, handbook, userdata, out)
    choose_template(composer, "sjekkliste")
    assert composer.blocks.count() == 0
    composer.add_content("starte-selvhjelpsgruppe")
    assert composer.ticks.isEnabled() and composer.ticks.count() == 2
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


def test_ctrl_p_sets_nothing_under_10_points(
    qtbot: QtBot,
    make_window: WindowFactory,
    tmp_path: Path,
) -> None:
    # A page printed from the reader may be handed to a patient: details, sources, header and
    # footer 10 pt or more (the reader's "small" used to print them at 8.8), the text 11 pt.
    from collections import Counter

    from desktop.documents.typeset import NORMAL
    from tests.pdfread import read

    targets = ("kirkens-sos", "samarbeid-om-selvorganisert-selvhjelp", "starte-selvhjelpsgruppe")
    outs = [tmp_path / f"side{n}.pdf" for n in range(len(targets) + 1)]
    window = make_window(*outs)
    for target in targets:
        window.open(target)
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    window.show_section(CONTACTS)
    window.contacts.print_button.click()
    for out in outs:
        pages = read(out)
        sizes: Counter[float] = Counter()
        for page in pages:
            for text in page.texts:
                sizes[round(text.size, 1)] += len(text.text.replace(" ", ""))
        assert min(sizes) >= NORMAL.small == 10, (out.name, sizes)
        assert NORMAL.body in sizes, (out.name, sizes)
        if out == outs[1]:  # the article: its text is most of the page
            assert sizes.most_common(1)[0][0] == NORMAL.body, sizes
    numbers = [t for t in read(outs[0])[0].texts if t.text.strip() == "22 40 00 40"]
    assert numbers and all(t.size >= NORMAL.number for t in numbers)


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
