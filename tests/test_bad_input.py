"""Bad input gets a sentence, never a traceback, and the program keeps working."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from index.build import build_store
from index.content import load_content
from index.errors import ContentError
from index.handbook import Handbook, open_handbook
from index.local import LocalStore
from index.localcheck import ChannelDraft, ContactDraft
from index.localcsv import export_csv, import_csv
from index.packs import (
    PackError,
    PublicKey,
    verify_pack,
)
from index.resources import search_config_dir
from tests.test_packs import write_zip

# =============================================================================================
# Regressions: each failure the property tests found, pinned down on its own
# =============================================================================================


def test_a_long_paste_is_not_offered_back_as_a_suggestion(handbook: Handbook) -> None:
    # Only the first 1000 characters are read, so the last word is cut short ("oppl") and
    # unknown; it does not stand alone in the text, so there is nothing to correct.
    text = "opplevelsen " * 84
    result = handbook.searcher.search(text)
    assert result.hits
    assert result.suggestion != text


def content_problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(folder, search_config_dir())
    return [p.message() for p in caught.value.problems]


def test_an_article_that_cannot_be_read_is_a_problem_not_a_crash(content_copy: Path) -> None:
    (content_copy / "articles" / "mappe.md").mkdir()  # a folder where an article should be
    (message,) = content_problems(content_copy)
    assert message.startswith("content/articles/mappe.md:1: kan ikke lese filen ("), message


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("2026-02-30", "«2026-02-30» er ikke en gyldig dato"),
        ("2026-11-22 25:00:00", "«2026-11-22 25:00:00» er ikke en gyldig dato"),
        ("0x_", "«0x_» er ikke et gyldig tall"),
    ],
)
def test_a_date_or_number_that_does_not_exist_is_reported_with_its_line(
    content_copy: Path, written: str, problem: str
) -> None:
    contacts = content_copy / "contacts.yaml"
    text = contacts.read_text(encoding="utf-8")
    line = text[: text.index("verified: 2026-11-22")].count("\n") + 1
    wrong = text.replace("verified: 2026-11-22", f"verified: {written}", 1)
    contacts.write_text(wrong, encoding="utf-8")
    assert content_problems(content_copy) == [
        f"content/contacts.yaml:{line}: ugyldig YAML: {problem}"
    ]


def test_lists_nested_too_deep_are_reported(content_copy: Path) -> None:
    checklist = sorted((content_copy / "checklists").glob("*.yaml"))[0]
    with checklist.open("a", encoding="utf-8") as stream:
        stream.write("dypt: " + "[" * 1000 + "]" * 1000 + "\n")
    assert content_problems(content_copy) == [
        f"content/checklists/{checklist.name}:1: ugyldig YAML: lister eller felt er nøstet for dypt"
    ]


def test_a_value_with_line_breaks_keeps_each_problem_on_one_line(content_copy: Path) -> None:
    # A block scalar where the id should be: the problem quotes it, line breaks and all.
    checklist = content_copy / "checklists" / "starte-selvhjelpsgruppe.yaml"
    text = checklist.read_text(encoding="utf-8")
    broken = text.replace("id: starte-selvhjelpsgruppe\n", "id: |\n  starte\n  gruppe\n", 1)
    checklist.write_text(broken, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(content_copy, search_config_dir())
    lines = str(caught.value).splitlines()
    assert len(lines) == len(caught.value.problems)
    assert all(re.match(r"content/[^:]+:\d+: \S", line) for line in lines), lines
    assert "id «starte gruppe» kan bare ha" in str(caught.value)


def test_content_without_contacts_checklists_or_handouts_builds(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "eneste.md").write_text(
        "---\nid: eneste\ntitle: Eneste artikkel\npublisher: Handbok\nsource: Redaksjonen\n"
        "summary: Alt innholdet.\n---\n\nSelvhjelp i en artikkel uten noe annet.\n",
        encoding="utf-8",
    )
    (content / "contacts.yaml").write_text("[]\n", encoding="utf-8")
    (content / "verified-numbers.yaml").write_text("[]\n", encoding="utf-8")
    build_store(content, search_config_dir(), tmp_path / "store")
    book = open_handbook(tmp_path / "store")
    try:
        store = book.store
        assert (store.contacts(), store.checklists(), store.handouts()) == ([], [], [])
        assert store.kind_of("finnes-ikke") is None
        assert [h.id for h in book.searcher.search("selvhjelp").hits] == ["eneste#innledning"]
    finally:
        book.close()


def test_two_contacts_of_the_same_name_stay_two_through_export_and_import(tmp_path: Path) -> None:
    with LocalStore.open(tmp_path / "a") as store:
        for region, number in (("Hamar", "62 00 00 01"), ("Løten", "62 00 00 02")):  # fictional
            store.contacts.add(
                ContactDraft(
                    name="Legevakt",
                    category="kommunal-tjeneste",
                    region=region,
                    channels=(ChannelDraft("telefon", number),),
                )
            )
        saved = store.contacts.list()
        export_csv(store, tmp_path / "kontakter.csv")
    with LocalStore.open(tmp_path / "b") as fresh:
        report = import_csv(fresh, tmp_path / "kontakter.csv")
        assert (report.added, report.updated, report.errors) == (2, 0, [])
        assert fresh.contacts.list() == saved


def test_a_year_before_1000_is_exported_so_that_it_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "kontakter.csv"
    path.write_text("Navn;Kategori;Kontrollert\nKafeen;organisasjon;22.11.0226\n", "utf-8")
    with LocalStore.open(tmp_path / "a") as store:
        assert import_csv(store, path).added == 1
        (saved,) = store.contacts.list()
        assert saved.verified == date(226, 11, 22)
        export_csv(store, tmp_path / "ut.csv")
    assert "22.11.0226" in (tmp_path / "ut.csv").read_text(encoding="utf-8-sig")
    with LocalStore.open(tmp_path / "b") as fresh:
        assert import_csv(fresh, tmp_path / "ut.csv").errors == []
        assert fresh.contacts.list() == [saved]


def signed_manifest(folder: Path, raw: bytes) -> tuple[Path, PublicKey]:
    """A pack of nothing but a manifest, signed by a key the test trusts."""
    key = Ed25519PrivateKey.generate()
    pack = write_zip(folder / "pakke.zip", {"manifest.json": raw, "manifest.sig": key.sign(raw)})
    return pack, PublicKey(key.public_key().public_bytes_raw())


def manifest_of(**fields: object) -> bytes:
    manifest = {
        "format": "handbok-innholdspakke", "format_version": 1, "version": "2026.12.1",
        "created": "2026-12-01", "changelog": "", "files": [], **fields,
    }  # fmt: skip
    return json.dumps(manifest, ensure_ascii=False).encode()


def refusal(pack: Path, public: PublicKey) -> PackError:
    with pytest.raises(PackError) as caught:
        verify_pack(pack, [public])
    return caught.value


def test_a_signed_manifest_nested_too_deep_is_refused(tmp_path: Path) -> None:
    # Deep enough for any JSON parser written with recursion, not so packed that the zip
    # checks refuse it for its compression ratio first.
    raw = manifest_of(changelog="@@").replace(b'"@@"', b"[" * 3000 + b"]" * 3000)
    error = refusal(*signed_manifest(tmp_path, raw))
    assert error.reason == "bad-manifest" and "manifest.json" in str(error)


def test_a_signed_manifest_with_a_date_written_as_a_number_is_refused(tmp_path: Path) -> None:
    error = refusal(*signed_manifest(tmp_path, manifest_of(created=20261201)))
    assert error.reason == "bad-manifest" and "«created»" in str(error)


@pytest.mark.parametrize("version", ["２０２６.１２.１", "٢٠٢٦.١٢.١"])
def test_a_version_in_other_digits_is_refused(tmp_path: Path, version: str) -> None:
    # The version names the store's folder, which the pointer only accepts with 0-9.
    error = refusal(*signed_manifest(tmp_path, manifest_of(version=version)))
    assert error.reason == "bad-manifest" and "«version»" in str(error)


def test_a_pack_damaged_in_its_zip_version_field_is_refused(tmp_path: Path) -> None:
    # One damaged byte in the central directory: the version needed to extract, 8.4.
    pack, public = signed_manifest(tmp_path, manifest_of())
    data = bytearray(pack.read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 6 : central + 8] = (84).to_bytes(2, "little")
    pack.write_bytes(bytes(data))
    error = refusal(pack, public)
    assert error.reason == "damaged" and "er skadet" in str(error)
