"""The real window over a real lokalt.sqlite3 of many thousand contacts (issue 15, "the window
stays responsive"): the contact list reads a page, not all of them, and says how many there
are; the start page says how many more; the composer's picker finds a contact by searching;
a handout still carries the emergency numbers. How long the window stalls is measured by
bench/window_scale_bench.py; these tests prove the behaviour, never the time."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from desktop.i18n import grouped
from desktop.windows.contacts import SHOWN, ContactsPanel
from desktop.windows.dialogs import ScriptedDialogs
from desktop.windows.mainwindow import MainWindow
from desktop.windows.searching import SearchController
from desktop.windows.sections import CONTACTS, START
from desktop.windows.startpage import LOCAL_SHOWN
from index.handbook import Handbook, open_handbook
from index.handout import EMERGENCY, resolve
from index.local.csvfile import import_csv
from index.local.store import LocalStore, sort_key
from index.userdata.store import UserData

COUNT = 8000  # enough that nothing may read them all on the window's thread; a fast suite
MONDAY_NOON = datetime(2026, 11, 23, 12, 0)
HEADER = "Navn;Organisasjon;Kategori;Målgruppe;Nettside;Område;Beskrivelse"
CATEGORIES = ("organisasjon", "kommunal-tjeneste", "kompetansesenter")


def write_csv(path: Path, count: int, first: int = 0, name: str = "Testkontakt") -> Path:
    """Fictional contacts with web addresses only (no phone number is invented)."""
    rows = [
        f"{name} {n};Testby kommune;{CATEGORIES[n % 3]};voksne;kontakt{n}.example.no;"
        f"Bydel {n % 7};Treffsted nummer {n}."
        for n in range(first, first + count)
    ]
    path.write_text("\ufeff" + "\r\n".join([HEADER, *rows]) + "\r\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with COUNT of the staff's own contacts, imported once for the module."""
    folder = tmp_path_factory.mktemp("many")
    with LocalStore.open(folder / "data") as store:
        report = import_csv(store, write_csv(folder / "k.csv", COUNT))
    assert report.added == COUNT
    return folder / "data"


@pytest.fixture
def opened(
    qtbot: QtBot, many: Path, store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[MainWindow, Handbook]]:
    monkeypatch.setenv("HANDBOK_KOMMUNE_DIR", str(tmp_path / "ingen-kommune"))
    data = tmp_path / "data"
    shutil.copytree(many, data)
    handbook = open_handbook(store_dir)
    assert handbook.add_local(data) == []
    userdata = UserData.open(data)
    window = MainWindow(userdata, ScriptedDialogs(), clock=lambda: MONDAY_NOON)
    qtbot.addWidget(window)
    window.show()
    window.attach(handbook, SearchController(handbook.searcher, window))
    yield window, handbook
    window.close()
    userdata.close()
    handbook.close()


def listed(qtbot: QtBot, panel: ContactsPanel) -> list[str]:
    """The list's rows once its page has come from the background thread."""
    qtbot.waitUntil(lambda: not panel.pending, timeout=20000)
    return [panel.list.item(r).text() for r in range(panel.list.count())]


def test_the_list_shows_a_page_and_says_how_many(
    qtbot: QtBot, opened: tuple[MainWindow, Handbook]
) -> None:
    window, handbook = opened
    window.show_section(CONTACTS)
    panel = window.contacts
    rows = listed(qtbot, panel)
    national = handbook.national_contacts()
    total = len(national) + COUNT
    assert f"Viser {SHOWN} av {grouped(total)} kontakter – velg kategori" in rows[-1]
    assert grouped(total) == f"{total // 1000}\u00a0{total % 1000:03d}"
    # The contacts at hand first, then the staff's own in Norwegian alphabetical order.
    with LocalStore.open(window.local_contacts.layer.local.path.parent) as store:  # type: ignore[union-attr]
        own = sorted(store.contacts.list(), key=sort_key)
    expected = [c.id for c in national] + [c.id for c in own]
    assert panel.shown_ids() == expected[:SHOWN]

    # A filter counts in the file: a third of the own contacts are organisations.
    panel.category.setCurrentIndex(panel.category.findData("organisasjon"))
    rows = listed(qtbot, panel)
    organisations = sum(1 for c in national if c.category == "organisasjon")
    organisations += sum(1 for n in range(COUNT) if n % 3 == 0)
    assert f"av {grouped(organisations)} kontakter" in rows[-1]
    assert all(c.category == "organisasjon" for c in panel.shown_contacts())
    # The region filter offers the staff's regions, read from the file too.
    regions = [panel.region.itemData(i) for i in range(panel.region.count())]
    assert {f"Bydel {n}" for n in range(7)} <= set(regions)
    panel.region.setCurrentIndex(panel.region.findData("Bydel 3"))
    listed(qtbot, panel)
    wanted = sum(1 for n in range(COUNT) if n % 3 == 0 and n % 7 == 3)
    assert panel.page is not None and panel.page.total == wanted
    assert {c.region for c in panel.shown_contacts()} == {"Bydel 3"}
    # "Åpen nå": none of them has a phone, so none is open; the national lines are.
    panel.region.setCurrentIndex(0)
    panel.category.setCurrentIndex(0)
    panel.open_now.setChecked(True)
    listed(qtbot, panel)
    assert panel.shown_ids() and not any(i.startswith("lokal-") for i in panel.shown_ids())
    # A new contact is offered the region most of them are in.
    assert window.local_contacts is not None
    assert window.local_contacts.home_region().startswith("Bydel ")


def test_the_start_page_says_how_many_more(
    qtbot: QtBot, opened: tuple[MainWindow, Handbook]
) -> None:
    window, _handbook = opened
    window.show_section(START)
    qtbot.waitUntil(lambda: window.local_preview is not None, timeout=20000)
    page = window.start_page
    assert page is not None
    more = f"… og {grouped(COUNT - LOCAL_SHOWN)} til under Kontakter (Alt+3)."
    qtbot.waitUntil(lambda: more in _texts(page), timeout=5000)
    assert sum(1 for i in page.card_ids() if i.startswith("lokal-")) == LOCAL_SHOWN


def test_an_import_shows_in_the_list_with_its_count(
    qtbot: QtBot, opened: tuple[MainWindow, Handbook], tmp_path: Path
) -> None:
    window, handbook = opened
    dialogs = window.dialogs
    assert isinstance(dialogs, ScriptedDialogs) and window.local_contacts is not None
    dialogs.answers.append(write_csv(tmp_path / "flere.csv", 50, name="Aaa tilleggskontakt"))
    window.show_section(CONTACTS)
    window.local_contacts.import_csv()
    window.local_contacts.wait()
    assert any(m.startswith("50 nye") for _t, m in dialogs.shown)
    rows = listed(qtbot, window.contacts)
    total = len(handbook.national_contacts()) + COUNT + 50
    assert f"av {grouped(total)} kontakter" in rows[-1]
    # First in the alphabet: right after the contacts at hand.
    own = [i for i in window.contacts.shown_ids() if i.startswith("lokal-")]
    assert own[0] == "lokal-aaa-tilleggskontakt-0"


def test_the_picker_finds_a_contact_by_name_and_the_handout_keeps_the_emergency_numbers(
    qtbot: QtBot, opened: tuple[MainWindow, Handbook], tmp_path: Path
) -> None:
    from desktop.documents.pdf import render_handout_pdf

    window, handbook = opened
    window.open_composer()
    composer = window.composer
    assert composer is not None
    qtbot.addWidget(composer)
    picker = composer.picker
    # Not listed: the picker holds the contacts at hand, and says how to find the rest.
    assert not any(i.startswith("lokal-") for i in picker.visible_ids())
    assert any("egne kontakter" in t for t in _tree_texts(picker.tree))
    picker.search.setText("Testkontakt 4321")
    wanted = "lokal-testkontakt-4321"
    qtbot.waitUntil(lambda: wanted in picker.visible_ids(), timeout=20000)
    assert picker.label_of(wanted) == "Testkontakt 4321"
    assert picker.select(wanted)
    composer.add_content(wanted)
    resolved = resolve(composer.handout, handbook.store, layer=handbook.layer)
    assert [c.id for c in resolved.emergency] == [
        c.id for c in handbook.national_contacts() if c.id in EMERGENCY
    ]
    assert {c.id for c in resolved.emergency} == set(EMERGENCY)
    out = tmp_path / "skriv.pdf"
    render_handout_pdf(composer.handout, handbook.store, out, layer=handbook.layer)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "Testkontakt 4321" in text and "kontakt4321.example.no" in text
    assert "113" in text  # the emergency numbers head the handout
    # A word nobody has: said so, no contact of theirs offered.
    picker.search.setText("Ingensteds Finnesikke")
    qtbot.waitUntil(
        lambda: any("Ingen av kommunens egne" in t for t in _tree_texts(picker.tree)),
        timeout=20000,
    )
    assert not any(i.startswith("lokal-") for i in picker.visible_ids())
    composer.close()


def _texts(page: object) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [label.text() for label in page.findChildren(QLabel)]  # type: ignore[attr-defined]


def _tree_texts(tree: object) -> list[str]:
    from PySide6.QtWidgets import QTreeWidgetItemIterator

    found = []
    walker = QTreeWidgetItemIterator(tree)  # type: ignore[call-overload]
    while walker.value():
        found.append(walker.value().text(0))
        walker += 1
    return found


def test_a_page_read_in_the_file_is_what_reading_them_all_would_show(tmp_path: Path) -> None:
    """The page (index.local.listing) against the whole list filtered in Python: the same
    contacts in the same Norwegian order, the same count, for every filter."""
    from itertools import product

    from index.local.draft import ChannelDraft, ContactDraft
    from index.local.listing import ContactFilter, OwnListing, page, passes

    names = ("Åpen dør", "Ærlig talt", "Østre treff", "Ébène", "ebba", "Zebra", "alfa", "Øya")
    with LocalStore.open(tmp_path / "data") as store:
        for n, name in enumerate(names * 3):
            phone = ChannelDraft(
                "telefon",
                f"62 00 0{n % 10} 1{n % 10}",
                hours=("døgnåpen" if n % 4 == 0 else "man-fre 09:00-15:00" if n % 4 == 1 else ""),
            )  # fictional numbers: tests only
            channels = (phone,) if n % 3 else (ChannelDraft("nett", f"side{n}.example.no"),)
            store.contacts.add(ContactDraft(
                name=name, category=CATEGORIES[n % 3], audience=(("voksne",), ())[n % 2],
                channels=channels, region=f"Bydel {n % 2}", organisation=f"Lag {n % 5}",
            ))  # fmt: skip
        every = sorted(store.contacts.list(), key=sort_key)
        path = store.path
    own = OwnListing(path)
    try:
        for category, audience, channel, region, open_now in product(
            (None, "organisasjon"), (None, "voksne"), (None, "telefon", "nett"),
            (None, "Bydel 1"), (False, True),
        ):  # fmt: skip
            chosen = ContactFilter(category, audience, channel, region, open_now)
            expected = [c.id for c in every if passes(c, chosen, MONDAY_NOON)]
            found = page([], own, chosen, MONDAY_NOON, 3)
            assert [c.id for c in found.contacts] == expected[:3], chosen
            assert found.total == len(expected), chosen
            assert found.regions == ("Bydel 0", "Bydel 1")
        assert [c.name for c in page([], own, ContactFilter(), MONDAY_NOON, 30).contacts][::3] == [
            "alfa", "ebba", "Ébène", "Zebra", "Ærlig talt", "Østre treff", "Øya", "Åpen dør",
        ]  # fmt: skip
    finally:
        own.close()


def test_a_bad_value_in_the_file_hides_its_own_row_from_the_page(tmp_path: Path) -> None:
    import sqlite3

    from index.local.listing import ContactFilter, OwnListing, page

    with LocalStore.open(tmp_path / "data") as store:
        import_csv(store, write_csv(tmp_path / "k.csv", 30))
        path = store.path
    with sqlite3.connect(path) as conn:  # as a crafted or half-damaged file would have it
        conn.execute("UPDATE contacts SET audience = '[nope', channels = '{' WHERE name LIKE '% 1'")
        conn.execute("UPDATE contacts SET name = x'4142' WHERE name LIKE '% 2'")  # a blob
    own = OwnListing(path)
    try:
        for chosen in (
            ContactFilter(), ContactFilter(audience="voksne"), ContactFilter(channel="nett"),
            ContactFilter(open_now=True), ContactFilter(region="Bydel 1"),
        ):  # fmt: skip
            found = page([], own, chosen, MONDAY_NOON, 100)
            names = [c.name for c in found.contacts]
            assert "Testkontakt 1" not in names and "Testkontakt 2" not in names, chosen
            if not chosen.open_now:
                assert "Testkontakt 3" in names or chosen.region == "Bydel 1", chosen
        assert page([], own, ContactFilter(), MONDAY_NOON, 100).total == 28
    finally:
        own.close()
