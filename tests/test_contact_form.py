"""The local-contact form as staff fill it in: sensible defaults, opening hours written as
people write them and shown back before saving, a sentence for what cannot be read; and the
same reader for a CSV import."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.windows.contactform import ContactForm
from desktop.windows.dialogs import ScriptedDialogs
from desktop.windows.localcontacts import LocalContactActions
from index.content.hours import read_hours
from index.handbook import Handbook
from index.local.csvfile import import_csv
from index.local.draft import valid_contact
from index.local.store import LocalStore

MONDAY_NOON = datetime(2026, 11, 23, 12, 0)


def test_a_new_contact_starts_as_a_municipal_service_in_the_home_area(qtbot: QtBot) -> None:
    form = ContactForm(None, region="Hamar")
    qtbot.addWidget(form)
    assert form.category.currentData() == "kommunal-tjeneste"
    assert form.region.text() == "Hamar"
    assert form.hours_read.text() == "Tomt felt: åpningstiden vises som ukjent."


def test_hours_are_shown_back_as_understood_and_saved_so(qtbot: QtBot) -> None:
    form = ContactForm(None)
    qtbot.addWidget(form)
    form.name.setText("Frisklivssentralen i Testby")
    form.phone.setText("62000003")  # fictional: tests only
    qtbot.keyClicks(form.hours, "Mandag-fredag 8-15.30")
    assert form.hours_read.text() == "Forstått som: man–fre 08:00–15:30"
    form.hours.setText("man-fre 8-15 etter avtale")
    assert form.hours_read.text().startswith("Kan ikke leses: forstår ikke «etter»")
    assert not form.accept_if_valid()  # the form stays open, with the sentence beside it
    assert "Åpningstiden kan ikke leses" in form.problem.text()
    form.hours.setText("hverdager 08.00-15.30, stengt i helgene")
    assert form.accept_if_valid()
    assert form.draft is not None
    contact = valid_contact(form.draft)
    assert contact.hours == read_hours("man-fre 08:00-15:30")
    assert contact.hours is not None and contact.hours.is_open(MONDAY_NOON)
    assert contact.region == "lokal" and contact.category == "kommunal-tjeneste"


def test_home_area_comes_from_the_municipality(handbook: Handbook, tmp_path: Path) -> None:
    from dataclasses import replace

    from index.local.deployment import Deployment
    from index.local.layer import LocalLayer

    def home(deployment: Deployment | None) -> str:
        layer = LocalLayer(None, deployment, tmp_path)
        dialogs = ScriptedDialogs()
        return LocalContactActions(layer, dialogs, changed=lambda: None, report=print).home_region()

    assert home(None) == "lokal"  # no kommune.yaml: the local area
    named = Deployment(tmp_path / "kommune.yaml", "Hamar kommune")
    assert home(named) == "Hamar"
    legevakt = replace(handbook.store.contact("legevakt"), id="lokal-legevakt", region="Innlandet")
    assert home(replace(named, contacts=(legevakt,))) == "Innlandet"


def test_csv_import_reads_hours_as_people_write_them(tmp_path: Path) -> None:
    csv = tmp_path / "kontakter.csv"
    csv.write_bytes(
        "\ufeffNavn;Kategori;Telefon;Åpningstider\r\n"
        "Legevakten i Testby;nødnummer;62 00 00 02;hverdager 08.00-15.30\r\n"
        "Kafé Testby;organisasjon;62 00 00 04;tirsdager 18–20\r\n".encode()
    )
    with LocalStore.open(tmp_path / "data") as store:
        report = import_csv(store, csv)
        assert report.added == 2, report.messages(lambda _c, text: text)
        hours = {c.name: c.hours for c in store.contacts.list()}
    assert hours["Legevakten i Testby"] == read_hours("man-fre 08:00-15:30")
    assert hours["Kafé Testby"] == read_hours("tir 18:00-20:00")


def test_no_example_in_the_form_is_a_number_the_handbook_lists(
    qtbot: QtBot, handbook: Handbook
) -> None:
    # A placeholder that is a real help line's number could be taken for this contact's.
    form = ContactForm(None)
    qtbot.addWidget(form)
    listed = {
        "".join(c for c in channel.value if c.isdigit())
        for contact in handbook.national_contacts()
        for channel in contact.channels
    }
    examples = {"".join(c for c in form.phone.placeholderText() if c.isdigit())}
    assert examples and not examples & listed
