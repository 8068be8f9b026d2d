"""The local layer: local contacts and notes in real SQLite files, Excel-style CSV files and
kommune.yaml, all in tmp_path."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.content.hours import parse_hours
from index.content.model import Channel, Contact
from index.errors import (
    ContactFileError,
    DeploymentError,
    HandbokError,
    LocalValidationError,
    NotFoundError,
    UserDataError,
)
from index.local.csvfile import HEADER, export_csv, import_csv, parse_channel_cell
from index.local.deployment import find_deployment, load_deployment
from index.local.draft import (
    ChannelDraft,
    ContactDraft,
    check_contact,
    clean_text,
    new_id,
    normalise_id,
    normalise_number,
)
from index.local.store import FILE_NAME, SCHEMA_VERSION, LocalStore
from index.untrusted import has_control
from index.userdata.sqlitefile import backup_path
from tests.damage import DAMAGES, Damage, truncated

HEADER_LINE = (
    "Id;Navn;Organisasjon;Kategori;Målgruppe;Telefon;SMS;E-post;Nettside;Chat;Åpningstider;"
    "Område;Adresse;Beskrivelse;Kilde;Kontrollert"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(folder: Path) -> Iterator[LocalStore]:
    with LocalStore.open(folder) as opened:
        yield opened


FRIVILLIG = ContactDraft(
    name="Frivilligsentralen Hamar",
    organisation="Hamar kommune",
    category="organisasjon",
    audience=("pårørende", "voksne"),
    channels=(
        ChannelDraft("nett", "https://frivillig.example.no/"),
        ChannelDraft("telefon", "62000000", note="Sentralbord", hours="man-fre 08:00-15:30"),
        ChannelDraft("e-post", "post@frivillig.example.no"),
    ),
    hours="man-fre 08:00-15:30 | tor 18:00-20:00",
    region="Hamar",
    address="Torggata 1, 2317 Hamar",
    description="Formidler frivillig hjelp.\nHar selvhjelpsgrupper på tirsdager.",
    source="Hamar kommune, telefonliste",
    verified=date(2026, 11, 22),
)


# --- contacts: CRUD, reopening, ids --------------------------------------------------------


def test_new_folder_gives_an_empty_store_in_wal_mode(folder: Path) -> None:
    with LocalStore.open(folder) as store:
        assert store.path == folder / FILE_NAME
        assert store.notice is None
        assert store.journal_mode == "wal"
        assert store.contacts.list() == [] and store.notes.list_all() == []
    conn = sqlite3.connect(folder / FILE_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_a_contact_is_saved_as_a_model_contact_and_survives_reopening(folder: Path) -> None:
    with LocalStore.open(folder) as store:
        saved = store.contacts.add(FRIVILLIG)
        assert saved == Contact(
            id="lokal-frivilligsentralen-hamar",
            name="Frivilligsentralen Hamar",
            organisation="Hamar kommune",
            category="organisasjon",
            audience=("voksne", "pårørende"),  # in the content's order
            channels=(  # in the order of CHANNEL_TYPES, numbers grouped as dialled
                Channel(
                    "telefon", "62 00 00 00", "Sentralbord", parse_hours("man-fre 08:00-15:30")
                ),
                Channel("e-post", "post@frivillig.example.no"),
                Channel("nett", "frivillig.example.no"),
            ),
            hours=parse_hours(["man-fre 08:00-15:30", "tor 18:00-20:00"]),
            region="Hamar",
            address="Torggata 1, 2317 Hamar",
            description="Formidler frivillig hjelp.\nHar selvhjelpsgrupper på tirsdager.",
            source="Hamar kommune, telefonliste",
            verified=date(2026, 11, 22),
        )
        assert store.contacts.get(saved.id) == saved
    with LocalStore.open(folder) as store:
        assert store.notice is None
        assert store.contacts.list() == [saved]


def test_update_keeps_the_id_and_the_date_checked(store: LocalStore) -> None:
    saved = store.contacts.add(FRIVILLIG)
    draft = replace(ContactDraft.from_contact(saved), name="Hamar frivilligsentral", verified=None)
    updated = store.contacts.update(saved.id, draft)
    assert updated.id == saved.id == "lokal-frivilligsentralen-hamar"
    assert updated.name == "Hamar frivilligsentral"
    assert updated.verified == date(2026, 11, 22)
    assert store.contacts.get(saved.id) == updated
    # A form that starts from the saved contact and changes nothing saves the same contact.
    assert store.contacts.update(saved.id, ContactDraft.from_contact(updated)) == updated


def test_a_new_contact_without_a_date_is_checked_today(store: LocalStore) -> None:
    saved = store.contacts.add(ContactDraft(name="Kafé", category="organisasjon"))
    assert saved.verified == date.today()
    assert saved.region == "lokal" and saved.channels == () and saved.hours is None


def test_delete(store: LocalStore) -> None:
    saved = store.contacts.add(FRIVILLIG)
    assert store.contacts.delete(saved.id) is True
    assert store.contacts.delete(saved.id) is False
    assert store.contacts.get(saved.id) is None
    with pytest.raises(NotFoundError) as caught:
        store.contacts.update(saved.id, FRIVILLIG)
    assert str(caught.value) == (
        "Kontakten «lokal-frivilligsentralen-hamar» finnes ikke lenger. "
        "Den kan være slettet i et annet vindu."
    )


def test_ids_are_made_from_the_name_unique_and_stable(folder: Path) -> None:
    reserved = {"lokal-legevakt-hamar"}
    with LocalStore.open(folder, reserved_ids=reserved) as store:
        first = store.contacts.add(FRIVILLIG)
        second = store.contacts.add(FRIVILLIG)
        third = store.contacts.add(FRIVILLIG)
        lms = store.contacts.add(
            ContactDraft(name="Lærings- og mestringssenter Øst (LMS)", category="kommunal tjeneste")
        )
        legevakt = store.contacts.add(ContactDraft(name="Legevakt Hamar", category="nødnummer"))
        nameless = store.contacts.add(ContactDraft(name="«»", category="organisasjon"))
        long = store.contacts.add(ContactDraft(name="Veldig " * 20, category="organisasjon"))
        assert [first.id, second.id, third.id] == [
            "lokal-frivilligsentralen-hamar",
            "lokal-frivilligsentralen-hamar-2",
            "lokal-frivilligsentralen-hamar-3",
        ]
        assert lms.id == "lokal-laerings-og-mestringssenter-ost-lms"
        assert lms.category == "kommunal-tjeneste"
        assert legevakt.id == "lokal-legevakt-hamar-2"  # kommune.yaml has the first
        assert nameless.id == "lokal-kontakt"
        assert long.id.startswith("lokal-veldig-veldig") and len(long.id) <= 66
        assert not long.id.endswith("-") and "--" not in long.id
        store.contacts.delete(second.id)
        renamed = store.contacts.update(first.id, replace(FRIVILLIG, name="Noe helt annet"))
        assert renamed.id == "lokal-frivilligsentralen-hamar"
    with LocalStore.open(folder) as store:
        ids = [c.id for c in store.contacts.list()]
        assert len(ids) == len(set(ids)) == 6
        assert "lokal-frivilligsentralen-hamar" in ids


def test_id_helpers() -> None:
    assert normalise_id("Lokal-Frivilligsentralen Hamar") == "lokal-frivilligsentralen-hamar"
    assert normalise_id("frivilligsentralen-hamar") == "lokal-frivilligsentralen-hamar"
    assert normalise_id("lokal-") == normalise_id("???") == ""
    assert new_id("Kirkens SOS", {"lokal-kirkens-sos"}) == "lokal-kirkens-sos-2"


def test_list_is_in_norwegian_alphabetical_order(store: LocalStore) -> None:
    for name in ("Åsen", "Ørje", "Ærlig", "Zeta", "alfa", "Bø"):
        store.contacts.add(ContactDraft(name=name, category="organisasjon"))
    names = [c.name for c in store.contacts.list()]
    assert names == ["alfa", "Bø", "Zeta", "Ærlig", "Ørje", "Åsen"]


# --- validation ----------------------------------------------------------------------------


def draft(**changes: Any) -> ContactDraft:
    return replace(ContactDraft(name="Kafé Pusterommet", category="organisasjon"), **changes)


def phone(value: str, kind: str = "telefon", hours: str = "") -> ContactDraft:
    return draft(channels=(ChannelDraft(kind, value, hours=hours),))


@pytest.mark.parametrize(
    ("bad", "field", "sentence"),
    [
        (draft(name="  "), "name", "Kontakten må ha et navn."),
        (
            draft(category=""),
            "category",
            "Velg en kategori for kontakten (nødnummer, hjelpetelefon, organisasjon, "
            "kompetansesenter, kommunal-tjeneste).",
        ),
        (
            draft(category="kafé"),
            "category",
            "Ukjent kategori «kafé» (bruk nødnummer, hjelpetelefon, organisasjon, "
            "kompetansesenter, kommunal-tjeneste).",
        ),
        (
            draft(audience=("voksne", "studenter")),
            "audience",
            "Ukjent målgruppe «studenter» (bruk barn og unge, voksne, pårørende, etterlatte, "
            "fagfolk).",
        ),
        (
            phone("22 40 00 40", kind="faks"),
            "type",
            "Ukjent kanal «faks» (bruk telefon, chat, sms, e-post, nett).",
        ),
        (phone("", kind="sms"), "value", "Kanalen «sms» mangler nummer eller adresse."),
        (
            phone("22 40 00 4"),
            "value",
            "«22 40 00 4» er ikke et norsk telefonnummer. Skriv åtte sifre, som 22 40 00 40, "
            "eller et kort nummer, som 113, 1881 eller 116 123.",
        ),
        (
            phone("ring 113"),
            "value",
            "«ring 113» er ikke et norsk telefonnummer. Skriv åtte sifre, som 22 40 00 40, "
            "eller et kort nummer, som 113, 1881 eller 116 123.",
        ),
        (
            phone("post(at)kommune.no", kind="e-post"),
            "value",
            "«post(at)kommune.no» er ikke en e-postadresse (skriv f.eks. post@kommune.no).",
        ),
        (
            phone("www.hamar kommune.no", kind="nett"),
            "value",
            "«www.hamar kommune.no» er ikke en nettadresse (skriv f.eks. selvhjelp.no, uten "
            "mellomrom).",
        ),
        (
            draft(hours="mandag 9-15 etter avtale"),
            "hours",
            "Åpningstiden kan ikke leses: forstår ikke «etter» i «mandag 9-15 etter avtale» "
            "(skriv for eksempel «mandag–fredag 8–15.30»).",
        ),
        (
            phone("113", hours="fre-man 09:00-15:00"),
            "hours",
            "Åpningstiden kan ikke leses: dagene i «fre-man 09:00-15:00» står i feil rekkefølge.",
        ),
    ],
)
def test_each_bad_field_gets_a_sentence(
    store: LocalStore, bad: ContactDraft, field: str, sentence: str
) -> None:
    (problem,) = check_contact(bad)
    assert (problem.field, str(problem)) == (field, sentence)
    assert isinstance(problem, HandbokError)
    with pytest.raises(LocalValidationError) as caught:
        store.contacts.add(bad)
    assert str(caught.value) == sentence
    assert store.contacts.list() == []


def test_all_problems_are_listed_in_the_order_of_the_form() -> None:
    problems = check_contact(
        ContactDraft(name="", category="x", channels=(ChannelDraft("telefon", "1"),))
    )
    assert [(p.field, p.channel) for p in problems] == [
        ("name", None),
        ("category", None),
        ("value", 0),
    ]


@pytest.mark.parametrize(
    ("written", "saved"),
    [
        ("22400040", "22 40 00 40"),
        ("22 40 00 40", "22 40 00 40"),
        ("+47 22 40 00 40", "22 40 00 40"),
        ("0047 41234567", "412 34 567"),
        ("412 34 567", "412 34 567"),
        ("41 23 45 67", "41 23 45 67"),
        ("800-33-321", "800 33 321"),
        ("113", "113"),
        ("1881", "1881"),
        ("116123", "116 123"),
        ("116 117", "116 117"),
        ("2242", "2242"),
        ("02800", "02800"),
        ("62 00 00", None),  # six digits: only the European 116 numbers
        ("620", None),  # three digits: only 1xx
        ("2240004", None),
        ("224000401", None),
        ("12345678", None),
        ("11", None),
        ("+46 8 123 456 78", None),
        ("22 40 00 40 / 113", None),
    ],
)
def test_number_rule_for_local_contacts(written: str, saved: str | None) -> None:
    assert normalise_number(written) == saved


def test_written_forms_are_accepted_and_saved_in_one_form(store: LocalStore) -> None:
    saved = store.contacts.add(
        draft(
            category="Kommunal tjeneste",
            audience=("Barn og unge", "FAGFOLK", "voksne", "voksne"),
            channels=(
                ChannelDraft("SMS", "+47 412 34 567"),
                ChannelDraft("E-post", "mailto:post@kommune.no"),
                ChannelDraft("nettside", "http://www.Kommune.no/"),
                ChannelDraft("chat", "https://chat.kommune.no/start"),
                ChannelDraft("", ""),  # an empty row of the form
            ),
            hours="Døgnåpen",
        )
    )
    assert saved.category == "kommunal-tjeneste"
    assert saved.audience == ("barn og unge", "voksne", "fagfolk")
    assert [(c.type, c.value) for c in saved.channels] == [
        ("chat", "chat.kommune.no/start"),
        ("sms", "412 34 567"),
        ("e-post", "post@kommune.no"),
        ("nett", "www.Kommune.no"),
    ]
    assert saved.hours is not None and saved.hours.always


# --- notes ---------------------------------------------------------------------------------


def test_notes_round_trip_and_survive_reopening(folder: Path) -> None:
    section = "samarbeid-om-selvorganisert-selvhjelp#frivilligsentralene"
    with LocalStore.open(folder) as store:
        first = store.notes.add(section, "  Gruppe for etterlatte tirsdager kl. 18.\r\n")
        second = store.notes.add(section, "Kontakt: Kari, 412 34 567")
        other = store.notes.add("hva-er-selvhjelp#innledning", "Brosjyre i resepsjonen")
        assert first.text == "Gruppe for etterlatte tirsdager kl. 18."
        assert first.created == first.updated and first.created.tzinfo is not None
        assert store.notes.list_for(section) == [first, second]
        assert store.notes.list_for("finnes-ikke#her") == []
        edited = store.notes.update(second.id, "Kontakt: Ola")
        assert edited.text == "Kontakt: Ola" and edited.created == second.created
        assert edited.updated >= second.updated
    with LocalStore.open(folder) as store:
        assert store.notes.list_all() == [other, first, edited]
        assert store.notes.get(first.id) == first
        assert store.notes.delete(first.id) is True
        assert store.notes.delete(first.id) is False
        assert store.notes.list_for(section) == [edited]
        with pytest.raises(NotFoundError):
            store.notes.update(first.id, "x")


def test_bad_notes_get_a_sentence(store: LocalStore) -> None:
    with pytest.raises(LocalValidationError) as caught:
        store.notes.add("hva-er-selvhjelp#innledning", " \n ")
    assert (caught.value.field, str(caught.value)) == ("text", "Notatet er tomt.")
    with pytest.raises(LocalValidationError) as caught:
        store.notes.add("Hva er selvhjelp", "tekst")
    assert str(caught.value) == (
        "«Hva er selvhjelp» er ikke et avsnitt i veiledningen (skriv artikkel-id#anker)."
    )
    note = store.notes.add("hva-er-selvhjelp#innledning", "tekst")
    with pytest.raises(LocalValidationError):
        store.notes.update(note.id, "")
    assert store.notes.list_all() == [note]


# --- damaged, newer, full, read-only -------------------------------------------------------


def make_real_database(folder: Path) -> Path:
    with LocalStore.open(folder) as store:
        for n in range(200):  # some pages, so damage lands inside the data
            store.contacts.add(replace(FRIVILLIG, name=f"Kontakt {n}", description="tekst " * 40))
        store.notes.add("hva-er-selvhjelp#innledning", "notat")
    return folder / FILE_NAME


@pytest.mark.parametrize("damage", DAMAGES)
def test_damaged_file_is_moved_aside_with_a_notice(folder: Path, damage: Damage) -> None:
    path = folder / FILE_NAME
    damage(path, make_real_database)
    backup_path(path).unlink(missing_ok=True)  # no last good copy
    original = path.read_bytes()
    with LocalStore.open(folder) as store:
        notice = store.notice
        assert notice is not None and notice.moved_to is not None
        assert re.fullmatch(r"lokalt\.sqlite3\.damaged-\d{8}-\d{6}", notice.moved_to.name)
        assert notice.message() == (
            "Filen med lokale kontakter og notater var skadet og kunne ikke brukes. "
            f"Den er tatt vare på som {notice.moved_to}, og Handbok har laget en ny, tom fil."
        )
        assert notice.moved_to.read_bytes() == original  # kept, byte for byte
        assert store.contacts.list() == []
        store.contacts.add(FRIVILLIG)
    with LocalStore.open(folder) as store:
        assert store.notice is None
        assert len(store.contacts.list()) == 1


def test_damaged_file_is_replaced_by_the_last_good_copy(folder: Path) -> None:
    truncated(folder / FILE_NAME, make_real_database)
    with LocalStore.open(folder) as store:
        assert store.notice is not None and "siste gode kopien" in store.notice.message()
        assert len(store.contacts.list()) == 200
        assert store.notes.list_for("hva-er-selvhjelp#innledning")


def test_file_from_a_newer_version_is_moved_aside(folder: Path) -> None:
    folder.mkdir()
    conn = sqlite3.connect(folder / FILE_NAME)
    conn.execute("CREATE TABLE future (x TEXT)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with LocalStore.open(folder) as store:
        assert store.notice is not None and store.notice.moved_to is not None
        assert re.fullmatch(r"lokalt\.sqlite3\.newer-\d{8}-\d{6}", store.notice.moved_to.name)
        assert "nyere versjon" in store.notice.message()
        store.contacts.add(FRIVILLIG)


def test_full_disk_gives_a_sentence_and_keeps_what_was_saved(store: LocalStore) -> None:
    saved = store.contacts.add(FRIVILLIG)
    pages = store._db.conn.execute("PRAGMA page_count").fetchone()[0]
    store._db.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own SQLITE_FULL
    with pytest.raises(UserDataError) as caught:
        store.contacts.add(replace(FRIVILLIG, description="x" * 100_000))
    assert caught.value.cause == "full"
    assert str(caught.value) == "Kunne ikke lagre kontakten: disken er full."
    with pytest.raises(UserDataError) as caught:
        store.notes.add("hva-er-selvhjelp#innledning", "x" * 100_000)
    assert str(caught.value) == "Kunne ikke lagre notatet: disken er full."
    assert store.contacts.list() == [saved] and store.notes.list_all() == []


def test_read_only_gives_a_sentence(store: LocalStore) -> None:
    saved = store.contacts.add(FRIVILLIG)
    store._db.conn.execute("PRAGMA query_only = ON")  # SQLite's own SQLITE_READONLY
    for write in (
        lambda: store.contacts.add(FRIVILLIG),
        lambda: store.contacts.update(saved.id, FRIVILLIG),
        lambda: store.contacts.delete(saved.id),
        lambda: store.notes.add("hva-er-selvhjelp#innledning", "x"),
    ):
        with pytest.raises(UserDataError) as caught:
            write()
        assert caught.value.cause == "readonly"
        assert "får ikke skrive i mappen" in str(caught.value)
    assert store.contacts.list() == [saved]


# --- CSV: export, and back -----------------------------------------------------------------


def tricky(store: LocalStore) -> list[Contact]:
    """Contacts with everything Excel makes hard: æøå, ; and " in fields, a line break,
    a leading minus, notes with parentheses and commas, hours per channel."""
    store.contacts.add(FRIVILLIG)
    store.contacts.add(
        ContactDraft(
            name='Kafé «Pusterommet»; "åpent hus"',
            organisation="Blå Kors, Ørsta",
            category="organisasjon",
            audience=("barn og unge", "etterlatte"),
            channels=(
                ChannelDraft("telefon", "22 40 00 40", note="vakt (kveld), helg", hours="døgnåpen"),
                ChannelDraft("telefon", "116 123", note="sa:) hei"),
                ChannelDraft("sms", "2242"),
                ChannelDraft("chat", "chat.example.no/a,b(c)"),
            ),
            description="- Åpent for alle.\nIngen påmelding; bare kom.\n\nÆØÅ æøå",
            source="=Hamar kommune",
            address="Storgata 2\n2317 Hamar",
            verified=date(2025, 1, 9),
        )
    )
    store.contacts.add(ContactDraft(name="Tom", category="nødnummer"))
    return store.contacts.list()


def test_export_writes_what_excel_expects(store: LocalStore, tmp_path: Path) -> None:
    tricky(store)
    out = tmp_path / "kontakter.csv"
    assert export_csv(store, out) == 3
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + HEADER_LINE.encode() + b"\r\n")
    assert ";".join(HEADER) == HEADER_LINE
    text = raw.decode("utf-8-sig")
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == list(HEADER) and len(rows) == 4
    assert all(len(r) == len(HEADER) for r in rows)
    frivillig = next(r for r in rows if r[0] == "lokal-frivilligsentralen-hamar")
    assert dict(zip(HEADER, frivillig, strict=True)) == {
        "Id": "lokal-frivilligsentralen-hamar",
        "Navn": "Frivilligsentralen Hamar",
        "Organisasjon": "Hamar kommune",
        "Kategori": "organisasjon",
        "Målgruppe": "voksne, pårørende",
        "Telefon": "62 00 00 00 (Sentralbord) [man-fre 08:00-15:30]",
        "SMS": "",
        "E-post": "post@frivillig.example.no",
        "Nettside": "frivillig.example.no",
        "Chat": "",
        "Åpningstider": "man-fre 08:00-15:30 | tor 18:00-20:00",
        "Område": "Hamar",
        "Adresse": "Torggata 1, 2317 Hamar",
        "Beskrivelse": "Formidler frivillig hjelp.\nHar selvhjelpsgrupper på tirsdager.",
        "Kilde": "Hamar kommune, telefonliste",
        "Kontrollert": "22.11.2026",
    }
    kafe = next(r for r in rows if r[1].startswith("Kafé"))
    assert kafe[HEADER.index("Beskrivelse")].startswith("'- Åpent")  # not a formula in Excel
    assert kafe[HEADER.index("Kilde")] == "'=Hamar kommune"
    assert kafe[HEADER.index("Chat")] == "chat.example.no/a\\,b\\(c\\)"
    assert '"Kafé «Pusterommet»; ""åpent hus"""' in text  # quoted as Excel does


def test_export_then_import_into_a_fresh_store_gives_equal_contacts(tmp_path: Path) -> None:
    out = tmp_path / "kontakter.csv"
    with LocalStore.open(tmp_path / "a") as store:
        contacts = tricky(store)
        export_csv(store, out)
    with LocalStore.open(tmp_path / "b") as fresh:
        report = import_csv(fresh, out)
        assert (report.added, report.updated, report.unchanged, report.errors) == (3, 0, 0, [])
        assert fresh.contacts.list() == contacts


def test_importing_the_same_file_twice_adds_nothing(store: LocalStore, tmp_path: Path) -> None:
    contacts = tricky(store)
    out = tmp_path / "kontakter.csv"
    export_csv(store, out)
    for _ in range(2):
        report = import_csv(store, out)
        assert (report.added, report.updated, report.unchanged, report.errors) == (0, 0, 3, [])
    assert store.contacts.list() == contacts


def write(path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def test_a_file_saved_as_cp1252_without_bom(store: LocalStore, tmp_path: Path) -> None:
    path = write(
        tmp_path / "excel.csv",
        f"{HEADER_LINE}\n"
        ";Frisklivssentralen Løten;Løten kommune;Kommunal tjeneste;Voksne;62 59 00 00;;;;;"
        "man-fre 08:00-15:00;Løten;;Trening og kosthold, også for pårørende;Løten kommune;"
        "2.3.2026\n",
        encoding="cp1252",
    )
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
    report = import_csv(store, path)
    assert (report.added, report.errors) == (1, [])
    (contact,) = store.contacts.list()
    assert contact.id == "lokal-frisklivssentralen-loten"
    assert (contact.name, contact.organisation) == ("Frisklivssentralen Løten", "Løten kommune")
    assert contact.category == "kommunal-tjeneste" and contact.audience == ("voksne",)
    assert contact.verified == date(2026, 3, 2)


def test_a_comma_separated_file_in_another_column_order(store: LocalStore, tmp_path: Path) -> None:
    path = write(
        tmp_path / "komma.csv",
        "Navn,Kategori,Telefon,Beskrivelse,Merknad,Kontrollert\n"
        '"Kirkens bymisjon, Hamar",organisasjon,"62 00 00 01, 412 34 567","Sier ""hei""\n'
        'og hadet",intern,2026-11-22\n'
        ",,,,,\n"
        "Hjelpetelefonen,hjelpetelefon,116 123,,,\n",
        encoding="utf-8",
    )
    report = import_csv(store, path)
    assert (report.added, report.errors, report.ignored_columns) == (2, [], ("Merknad",))
    bymisjon, hjelp = store.contacts.list()[1], store.contacts.list()[0]
    assert bymisjon.name == "Kirkens bymisjon, Hamar"
    assert [c.value for c in bymisjon.channels] == ["62 00 00 01", "412 34 567"]
    assert bymisjon.description == 'Sier "hei"\nog hadet'
    assert hjelp.channels == (Channel("telefon", "116 123"),)


def test_bad_rows_are_reported_by_row_and_good_rows_imported(
    store: LocalStore, tmp_path: Path
) -> None:
    kept = store.contacts.add(FRIVILLIG)
    path = write(
        tmp_path / "feil.csv",
        f"{HEADER_LINE}\n"
        ";God rad 1;;organisasjon;;113;;;;;;;;;;\n"  # row 2
        ";Kafé;;kafé;;;;;;;;;;;;\n"  # row 3: unknown category
        ";Nummer;;organisasjon;;22 40 00 4;;;;;;;;;;\n"  # row 4: bad number
        ';Flere linjer;;organisasjon;;;;;;;;;;"linje 1\nlinje 2";;\n'  # row 5, two lines
        ";Dato;;organisasjon;;;;;;;;;;;;31.02.2026\n"  # row 6: bad date
        ";;;organisasjon;;113;;;;;;;;;;\n"  # row 7: no name
        ";;;;;;;;;;;;;;;\n"  # row 8: empty, skipped
        ";Parentes;;organisasjon;;113 (åpen;;;;;;;;;;\n"  # row 9
        ";God rad 2;;organisasjon;;;;;;;;;;;;\n",  # row 10
    )
    report = import_csv(store, path)
    assert (report.added, report.updated, report.unchanged) == (3, 0, 0)
    assert report.errors == [
        (
            3,
            "Ukjent kategori «kafé» (bruk nødnummer, hjelpetelefon, organisasjon, "
            "kompetansesenter, kommunal-tjeneste).",
        ),
        (
            4,
            "«22 40 00 4» er ikke et norsk telefonnummer. Skriv åtte sifre, som 22 40 00 40, "
            "eller et kort nummer, som 113, 1881 eller 116 123.",
        ),
        (6, "«31.02.2026» i kolonnen Kontrollert er ikke en dato (skriv f.eks. 22.11.2026)."),
        (7, "Kontakten må ha et navn."),
        (
            9,
            "Kan ikke lese «113 (åpen» i kolonnen Telefon: en parentes er ikke lukket. "
            "Skriv f.eks. «22 40 00 40 (sentralbord) [man-fre 08:00-15:30]».",
        ),
    ]
    assert report.messages()[0].startswith("Rad 3: Ukjent kategori «kafé»")
    names = {c.name for c in store.contacts.list()}
    assert names == {"Frivilligsentralen Hamar", "God rad 1", "Flere linjer", "God rad 2"}
    assert store.contacts.get(kept.id) == kept  # nothing existing lost


def test_rows_without_id_match_on_name_and_organisation(store: LocalStore, tmp_path: Path) -> None:
    text = (
        "Navn;Organisasjon;Kategori;Beskrivelse\n"
        "Frivilligsentralen;Hamar kommune;organisasjon;Første\n"
        "Frivilligsentralen;Løten kommune;organisasjon;Første\n"
    )
    path = write(tmp_path / "uten-id.csv", text)
    first = import_csv(store, path)
    assert (first.added, first.updated, first.unchanged) == (2, 0, 0)
    again = import_csv(store, path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    old_row, new_row = "Hamar kommune;organisasjon;Første", "HAMAR  kommune;organisasjon;Endret"
    write(path, text.replace(old_row, new_row))
    changed = import_csv(store, path)
    assert (changed.added, changed.updated, changed.unchanged, changed.errors) == (0, 1, 1, [])
    contacts = store.contacts.list()
    assert len(contacts) == 2
    assert {c.id for c in contacts} == {
        "lokal-frivilligsentralen",
        "lokal-frivilligsentralen-2",
    }
    assert {c.description for c in contacts} == {"Endret", "Første"}


def test_an_id_from_another_pc_is_kept(store: LocalStore, tmp_path: Path) -> None:
    path = write(
        tmp_path / "id.csv",
        "Id;Navn;Kategori\nLokal-Kafeen Hamar;Kafeen;organisasjon\n?!;Annen;organisasjon\n",
    )
    report = import_csv(store, path)
    assert report.added == 1 and [row for row, _ in report.errors] == [3]
    assert [c.id for c in store.contacts.list()] == ["lokal-kafeen-hamar"]


def test_import_is_all_or_nothing_for_the_good_rows(store: LocalStore, tmp_path: Path) -> None:
    path = write(
        tmp_path / "stor.csv",
        "Navn;Kategori;Beskrivelse\n"
        + "".join(f"Kontakt {n};organisasjon;{'x' * 5000}\n" for n in range(50)),
    )
    pages = store._db.conn.execute("PRAGMA page_count").fetchone()[0]
    store._db.conn.execute(f"PRAGMA max_page_count = {pages + 5}")
    with pytest.raises(UserDataError) as caught:
        import_csv(store, path)
    assert str(caught.value) == "Kunne ikke importere kontaktene: disken er full."
    assert store.contacts.list() == []


def test_files_that_are_no_contact_list(store: LocalStore, tmp_path: Path) -> None:
    with pytest.raises(ContactFileError) as caught:
        import_csv(store, tmp_path / "finnes-ikke.csv")
    assert str(caught.value) == f"Fant ikke filen {tmp_path / 'finnes-ikke.csv'}."
    path = write(tmp_path / "annet.csv", "Dato;Beløp\n1.1.2026;100\n")
    with pytest.raises(ContactFileError) as caught:
        import_csv(store, path)
    assert str(caught.value).startswith(f"Filen {path} ser ikke ut som en kontaktliste")
    assert HEADER_LINE.replace(";", "; ") in str(caught.value)
    with pytest.raises(ContactFileError) as caught:
        export_csv(store, tmp_path / "mangler" / "ut.csv")
    assert caught.value.cause == "io"
    assert str(caught.value) == (
        f"Kunne ikke lagre kontaktlisten: mappen {tmp_path / 'mangler'} finnes ikke."
    )


def test_channel_cells() -> None:
    assert parse_channel_cell("") == []
    assert parse_channel_cell("22 40 00 40 (vakt, helg) [døgnåpen],116 123 ,") == [
        ("22 40 00 40", "vakt, helg", "døgnåpen"),
        ("116 123", "", ""),
    ]
    assert parse_channel_cell("a\\,b (x \\( y)") == [("a,b", "x ( y", "")]


# --- any text round-trips through CSV ------------------------------------------------------

excel_text = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(list(";,\"'\n\r\t()[]\\=+-@ æøåÆØÅ«»|#\ufeff"))),
).filter(lambda s: not has_control(s))  # those are refused: test_a_control_character_...


@settings(max_examples=80, deadline=None, database=None)
@given(
    name=excel_text.filter(lambda s: clean_text(s) != "" and not has_control(s, single_line=True)),
    description=excel_text,
    note=excel_text,
)
def test_any_text_round_trips_through_csv(name: str, description: str, note: str) -> None:
    # A temporary folder per example (hypothesis does not reset function-scoped fixtures).
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with LocalStore.open(root / "a") as store:
            saved = store.contacts.add(
                ContactDraft(
                    name=name,
                    category="organisasjon",
                    description=description,
                    channels=(ChannelDraft("telefon", "22 40 00 40", note=note),),
                )
            )
            assert (saved.name, saved.description) == (clean_text(name), clean_text(description))
            assert saved.channels[0].note == clean_text(note)
            export_csv(store, root / "k.csv")
        with LocalStore.open(root / "b") as fresh:
            report = import_csv(fresh, root / "k.csv")
            assert (report.added, report.errors) == (1, [])
            assert fresh.contacts.list() == [saved]


# --- kommune.yaml --------------------------------------------------------------------------

KOMMUNE = """\
# Lagt ut av IT, november 2026
municipality: Hamar kommune
logo: bilder/logo.png
contacts:
  - id: frivilligsentralen-hamar
    name: Frivilligsentralen i Hamar
    organisation: Hamar kommune
    category: organisasjon
    audience: [voksne, pårørende]
    channels:
      - {type: telefon, value: "62 00 00 00", note: Sentralbord, hours: "man-fre 08:00-15:30"}
      - {type: e-post, value: post@frivillig.example.no}
    hours: [man-fre 08:00-15:30, lør 10:00-14:00]
    region: Hamar
    description: Formidler frivillig hjelp.
    verified: 2026-11-22
    caution: Nytt nummer fra 2027.
  - name: Legevakt Hamar
    category: nødnummer
    channels:
      - {type: telefon, value: 62000001}
    hours: døgnåpen
    verified: 22.11.2026
notes:
  - section: samarbeid-om-selvorganisert-selvhjelp#frivilligsentralene
    text: |
      I Hamar har frivilligsentralen selvhjelpsgrupper hver tirsdag.
"""


def kommune(tmp_path: Path, text: str = KOMMUNE) -> Path:
    (tmp_path / "bilder").mkdir(exist_ok=True)
    (tmp_path / "bilder" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    path = tmp_path / "kommune.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_deployment_file_loads(tmp_path: Path) -> None:
    path = kommune(tmp_path)
    assert find_deployment([tmp_path / "ingen", tmp_path]) == path
    assert find_deployment([tmp_path / "ingen"]) is None
    deployment = load_deployment(path)
    assert deployment.municipality == "Hamar kommune"
    assert deployment.logo == (tmp_path / "bilder" / "logo.png").resolve()
    frivillig, legevakt = deployment.contacts
    assert frivillig.id == "lokal-frivilligsentralen-hamar"
    assert frivillig.caution == "Nytt nummer fra 2027."
    assert frivillig.channels[0] == Channel(
        "telefon", "62 00 00 00", "Sentralbord", parse_hours("man-fre 08:00-15:30")
    )
    assert frivillig.hours == parse_hours(["man-fre 08:00-15:30", "lør 10:00-14:00"])
    assert frivillig.audience == ("voksne", "pårørende") and frivillig.region == "Hamar"
    assert legevakt.id == "lokal-legevakt-hamar"
    assert legevakt.channels == (Channel("telefon", "62 00 00 01"),)
    assert legevakt.verified == date(2026, 11, 22) and legevakt.region == "lokal"
    assert deployment.contact("lokal-legevakt-hamar") == legevakt
    (note,) = deployment.notes_for("samarbeid-om-selvorganisert-selvhjelp#frivilligsentralene")
    assert note.text == "I Hamar har frivilligsentralen selvhjelpsgrupper hver tirsdag."
    assert load_deployment(kommune(tmp_path, "municipality: Løten\n")).contacts == ()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("contacts:\n", "contacts: [\n", ":5: ugyldig YAML: "),
        ("category: organisasjon", "category: kafé", ":8: Ukjent kategori «kafé» (bruk "),
        ('value: "62 00 00 00"', 'value: "62 00 00"', ":11: «62 00 00» er ikke et norsk "),
        ("type: e-post", "type: faks", ":12: Ukjent kanal «faks» (bruk telefon, "),
        ("hours: døgnåpen", "hours: alltid", ":22: Åpningstiden kan ikke leses: "),
        ("    verified: 22.11.2026\n", "", ":18: feltet «verified» skal være datoen "),
        ("    caution:", "    varsel:", ":17: ukjent felt «varsel»"),
        ("municipality: Hamar kommune\n", "", ":2: mangler feltet «municipality»"),
        ("logo: bilder/logo.png", "logo: logo.png", ":3: fant ikke logoen «logo.png» ved "),
        ("section: samarbeid", "section: Samarbeid", ":25: «Samarbeid-om-selvorganisert"),
        ("  - name: Legevakt Hamar", "  - id: frivilligsentralen-hamar\n    name: L", ":18: id «"),
    ],
)
def test_a_broken_deployment_file_says_file_and_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    assert old in KOMMUNE
    path = kommune(tmp_path, KOMMUNE.replace(old, new, 1))
    with pytest.raises(DeploymentError) as caught:
        load_deployment(path)
    assert str(caught.value).startswith(f"{path}{message}"), str(caught.value)
    assert isinstance(caught.value, HandbokError) and caught.value.problems


def test_a_deployment_file_that_is_missing_or_not_utf8(tmp_path: Path) -> None:
    with pytest.raises(DeploymentError) as caught:
        load_deployment(tmp_path / "kommune.yaml")
    assert str(caught.value) == f"{tmp_path / 'kommune.yaml'}:1: filen finnes ikke"
    path = tmp_path / "kommune.yaml"
    path.write_bytes("municipality: Løten\n".encode("cp1252"))
    with pytest.raises(DeploymentError) as caught:
        load_deployment(path)
    assert str(caught.value) == f"{path}:1: filen er ikke lagret som UTF-8"
    path.write_text("- bare en liste\n", encoding="utf-8")
    with pytest.raises(DeploymentError) as caught:
        load_deployment(path)
    assert str(caught.value).startswith(f"{path}:1: filen skal være felt med verdier")
