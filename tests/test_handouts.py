"""Handouts as the patient gets them: every template on A4 and A5, in normal and large print,
with a municipality, rendered to real PDFs and read back with pypdf: where each text stands,
how large it is, what it says and in which order; every QR code decoded with zxing-cpp (also
shrunk to 100 dpi) and matched to the nearest printed address."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.documents.handout import lay_out_handout
from desktop.documents.pdf import render_handout_pdf
from desktop.documents.printing import page_text
from desktop.documents.qr import qr_url
from desktop.documents.typeset import scale_for, text_width
from index.content.model import Contact
from index.handbook import Handbook, open_handbook
from index.handout import Handout, block_for, resolve
from index.handout import web_addresses as webs_of
from tests.pdfread import PdfPage, addresses, nearest_address, read

TEMPLATES = (
    "hjelpetelefoner-og-chat",
    "hva-er-en-selvhjelpsgruppe",
    "sjekkliste",
    "slik-kommer-du-i-gang-med-en-selvhjelpsgruppe",
    "til-deg-som-har-mistet-noen-i-selvmord",
)
SIZES = {"A4": (595, 842), "A5": (420, 595)}
MUNICIPALITY = "Stange kommune"
STAFF_WORDS = (
    "Redaksjonell merknad",
    "For fagfolk",
    "Adressen er fra",
    "ukjent",
    "ikke bekreftet",
    "«Hva er selvhjelp?»",
    "lysbildet",
    "RPH",
    "Kontroller",
)


@pytest.fixture(scope="module")
def stange(store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Handbook]:
    """The shipped content with a deployment file for Stange kommune, as IT would set it."""
    folder = tmp_path_factory.mktemp("kommune")
    (folder / "kommune.yaml").write_text(f"municipality: {MUNICIPALITY}\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HANDBOK_KOMMUNE_DIR", str(folder))
        book = open_handbook(store_dir)
        assert book.add_local(tmp_path_factory.mktemp("data")) == []
    assert book.layer.municipality == MUNICIPALITY
    yield book
    book.close()


def handout_for(book: Handbook, template: str, paper: str, large: bool) -> Handout:
    handout = Handout.from_template(book.store.handout(template))
    handout.paper, handout.large_print = paper, large
    handout.municipality = book.layer.municipality
    if not handout.blocks:  # the checklist template: with a checklist and one box ticked
        for block in block_for(book.store, "starte-selvhjelpsgruppe"):
            handout.add(block)
        first = book.store.checklist("starte-selvhjelpsgruppe").items[0]
        handout.ticks = {first.id: True}
    return handout


def printed_contacts(book: Handbook, handout: Handout) -> list[Contact]:
    contacts = [book.store.contact(b.id) for b in handout.blocks if b.type == "contact"]
    return [c for c in contacts if c.channels]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def sizes_of(pages: list[PdfPage]) -> Counter[float]:
    counted: Counter[float] = Counter()
    for page in pages:
        for text in page.texts:
            counted[round(text.size, 1)] += len(text.text.replace(" ", ""))
    return counted


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("paper", ["A4", "A5"])
@pytest.mark.parametrize("template", TEMPLATES)
def test_every_template_reads_back_as_laid_out(
    stange: Handbook, template: str, paper: str, large: bool, tmp_path: Path
) -> None:
    handout = handout_for(stange, template, paper, large)
    out = tmp_path / "skriv.pdf"
    count = render_handout_pdf(handout, stange.store, out)
    pages = read(out)
    paged = lay_out_handout(resolve(handout, stange.store))
    assert len(pages) == count == paged.count
    text = " ".join(p.text for p in pages)
    today = date.today().strftime("%d.%m.%Y")

    # Paper, metadata.
    assert all((round(p.width), round(p.height)) == SIZES[paper] for p in pages)
    info = PdfReader(out).metadata
    assert info.title == handout.title and info.author == MUNICIPALITY
    assert info.subject and handout.title in info.subject
    assert info.creator.startswith("Handbok")

    # The text layer is exactly what each page shows, in order: nothing drawn twice where a
    # page breaks, nothing outside the page, no ligature characters.
    for number, (page, expected) in enumerate(zip(pages, range(count), strict=True)):
        assert squash(page.text) == squash(page_text(paged, expected)), number
        for run in page.texts:
            assert 0 < run.x < page.width and run.top > 0 and run.baseline < page.height
    assert not re.search("[\ufb00-\ufb06]", text)
    assert not re.search(r"Ã|�", text) and re.search("[æøå]", text)

    # Header on every page: the municipality and the title, never touching each other or the
    # body; footer with the date and "Side x av y".
    frame = paged.frame
    for number, page in enumerate(pages, 1):
        head = [t for t in page.texts if t.baseline < frame.rules[0] / 10]
        body = [t for t in page.texts if frame.rules[0] / 10 < t.baseline < frame.rules[1] / 10]
        assert [t.text for t in head] == [MUNICIPALITY, handout.title]
        left, right = head
        if abs(left.baseline - right.baseline) < 1:  # side by side: a clear gap between
            assert left.x + text_width(left.text, left.size) / 10 + 5 < right.x
        else:
            assert right.top >= left.baseline
        assert min(t.top for t in body) > max(t.baseline for t in head) + 4
        assert f"Skrevet ut {today} fra Handbok" in page.text
        assert f"Side {number} av {count}" in page.text

    # Sizes: the body (most characters) 14 pt or more in large print and nothing under 12;
    # 11 pt or more in normal print and nothing under 10.
    sizes = sizes_of(pages)
    body_size = sizes.most_common(1)[0][0]
    if large:
        assert body_size >= 14.0 and min(sizes) >= 12.0, sizes
    else:
        assert body_size >= 11.0 and min(sizes) >= 10.0, sizes

    # Content: title, emergency numbers first, every channel of every printed contact, each
    # number and address whole on one line, each contact on one page.
    first = [t for t in pages[0].texts if t.baseline < frame.rules[1] / 10][2:]  # the body
    title = [t.text for t in first if t.size == max(r.size for r in first)]
    assert squash(" ".join(title)) == squash(handout.title)
    assert first[len(title)].text == "Haster det? Ring:"  # what to do now comes first
    runs = [t.text for p in pages for t in p.texts]
    for number in ("113", "116 117"):
        assert any(number in r for r in runs)
    name_size = scale_for(large).subheading
    for contact in printed_contacts(stange, handout):
        heads = [
            (n, t)
            for n, p in enumerate(pages)
            for t in p.texts
            if t.size == name_size and contact.name.startswith(t.text)
        ]
        assert heads, contact.name
        page = pages[heads[0][0]]  # its name, channels and codes all on this one page
        for channel in contact.channels:
            assert any(channel.value in r for r in (t.text for t in page.texts)), channel.value
    for word in STAFF_WORDS:
        assert word not in text, word

    # Every web address of a printed contact has its code on the same page, in its row: the
    # nearest printed address to each code is the one it holds, and it reads at 100 dpi.
    for page in pages:
        for picture in page.pictures:
            assert picture.codes_at_100_dpi == picture.codes and len(picture.codes) == 1
            (url,) = picture.codes
            assert url.startswith("https://")
            assert nearest_address(page, picture) == url.removeprefix("https://")
    coded = {(n, c) for n, p in enumerate(pages) for pic in p.pictures for c in pic.codes}
    for contact in printed_contacts(stange, handout):
        for web in webs_of(contact):
            page = next(n for n, p in enumerate(pages) if any(a == web for _t, a in addresses(p)))
            assert (page, f"https://{web}") in coded, web


def test_checklist_handout_in_normal_print_is_11_points_with_its_boxes(
    stange: Handbook, tmp_path: Path
) -> None:
    handout = handout_for(stange, "sjekkliste", "A4", False)
    handout.patient_line = "Til Kari: vi snakkes igjen på tirsdag"
    out = tmp_path / "liste.pdf"
    render_handout_pdf(handout, stange.store, out)
    pages = read(out)
    text = " ".join(p.text for p in pages)
    checklist = stange.store.checklist("starte-selvhjelpsgruppe")
    assert "Til Kari: vi snakkes igjen på tirsdag" in text
    assert text.count("☑") == 1 and text.count("☐") == len(checklist.items) - 1
    items = [t for p in pages for t in p.texts if t.text.startswith(checklist.items[1].text[:30])]
    assert items and all(t.size >= 11.0 for t in items)
    # Each box stands on the line of its item.
    for page in pages:
        for box in (t for t in page.texts if t.text in ("☐", "☑")):
            assert any(
                abs(t.baseline - box.baseline) < 1 and t.x > box.x
                for t in page.texts
                if t.text not in ("☐", "☑")
            )
    for item in checklist.items:
        assert squash(item.text)[:40] in squash(text)


def test_guidance_section_prints_without_staff_notes(stange: Handbook, tmp_path: Path) -> None:
    handout = handout_for(stange, "hva-er-en-selvhjelpsgruppe", "A4", False)
    for ident in (
        "samhandling-om-lokalt-selvhjelpsarbeid#definisjon-pa-selvhjelp",
        "samarbeid-om-selvorganisert-selvhjelp#frisklivssentralene",
        "leve",
    ):
        for block in block_for(stange.store, ident):
            handout.add(block)
    handout.add(block_for(stange.store, "leve")[0])  # twice: kept once
    assert sum(b.id == "leve" for b in handout.blocks) == 1
    out = tmp_path / "mer.pdf"
    render_handout_pdf(handout, stange.store, out)
    text = " ".join(p.text for p in read(out))
    assert "Definisjon på selvhjelp" in text and "Norsk selvhjelpsforum" in text
    assert "Frisklivssentralene" in text and "22 36 17 00" in text
    for staff in ("Stikkord på lysbildet", "RPH", "KID, KIB", "Redaksjonell merknad"):
        assert staff not in text, staff


def test_contact_without_channels_is_left_out_and_sources_name_known_publishers(
    stange: Handbook,
) -> None:
    handout = handout_for(stange, "hva-er-en-selvhjelpsgruppe", "A4", False)
    resolved = resolve(handout, stange.store)
    assert {c.id for c in resolved.left_out} == {"frivilligsentral", "frisklivssentral"}
    assert all(not (isinstance(p, Contact) and not p.channels) for _b, p in resolved.parts)
    names = [name for name, _updated in resolved.publishers]
    assert names == ["Selvhjelp Norge"]  # «Hva er selvhjelp?» names no publisher: left out
    paged = lay_out_handout(resolved)
    text = "\n".join(page_text(paged, n) for n in range(paged.count))
    assert "Teksten bygger på veiledning fra Selvhjelp Norge." in text
    assert "Telefonnumre og adresser ble sist kontrollert 22.11.2026." in text
    assert "Frivilligsentral\n" not in text and "Frisklivssentral\n" not in text


@pytest.mark.parametrize(
    ("value", "url"),
    [
        ("selvhjelp.no", "https://selvhjelp.no"),
        ("https://www.selvhjelp.no/grupper", "https://www.selvhjelp.no/grupper"),
        ("http://leve.no", "http://leve.no"),
        ("javascript:alert(1)", None),
        ("file:///C:/Windows/system32", None),
        ("mailto:post@leve.no", None),
        ("post@leve.no", None),
        ("22 40 00 40", None),
        ("https://", None),
        ("", None),
    ],
)
def test_only_web_addresses_get_a_code(value: str, url: str | None) -> None:
    assert qr_url(value) == url


def test_reorder_and_remove_blocks(handbook: Handbook) -> None:
    handout = Handout.from_template(handbook.store.handout("hjelpetelefoner-og-chat"))
    first, second = handout.blocks[0], handout.blocks[1]
    assert handout.move(0, +1) == 1
    assert handout.blocks[:2] == [second, first]
    assert handout.move(0, -1) == 0  # already at the top
    handout.remove(1)
    assert first not in handout.blocks


def handbok(*args: str, store: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--store", str(store), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_cli_list_and_render_with_several_additions_in_order(
    store_dir: Path, tmp_path: Path
) -> None:
    listed = handbok("handout", "--list", store=store_dir)
    assert listed.returncode == 0
    assert set(TEMPLATES) == set(listed.stdout.split())
    out = tmp_path / "a5.pdf"
    adds = ["--add", "kors-pa-halsen", "leve", "--add", "starte-selvhjelpsgruppe"]
    options = ["--pdf", str(out), "--paper", "A5", "--large-print"]
    result = handbok("handout", "sjekkliste", *adds, *options, store=store_dir)
    assert result.returncode == 0, result.stderr
    pages = read(out)
    assert (round(pages[0].width), round(pages[0].height)) == SIZES["A5"]
    text = " ".join(p.text for p in pages)
    assert text.index("Kors på halsen") < text.index("LEVE") < text.index("Starte en")


def test_cli_bad_handout_arguments(store_dir: Path, tmp_path: Path) -> None:
    pdf = str(tmp_path / "x.pdf")
    for args in (
        ["handout", "finnes-ikke", "--pdf", pdf],
        ["handout", "sjekkliste", "--add", "finnes-ikke", "--pdf", pdf],
        ["handout", "sjekkliste", "--pdf", pdf],  # a checklist handout with no checklist
        ["handout", "sjekkliste"],
        ["handout", "sjekkliste", "--paper", "A3"],
    ):
        result = handbok(*args, store=store_dir)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
        assert result.stderr.strip().endswith((".", "»")) or "A3" in result.stderr, args
    assert not (tmp_path / "x.pdf").exists()


def test_a_local_contact_prints_its_address_whole_and_its_code(
    store_dir: Path, tmp_path: Path
) -> None:
    """A municipality's own contact from kommune.yaml (no phone: none is invented here)."""
    folder = tmp_path / "kommune"
    folder.mkdir()
    (folder / "kommune.yaml").write_text(
        "municipality: Stange kommune\ncontacts:\n"
        "  - name: Frivilligsentralen i Stange\n    category: kommunal-tjeneste\n"
        "    verified: 2026-11-22\n"
        "    address: Frivilligsentralen i Stange, Stasjonsvegen 12, 2335 Stange\n"
        "    channels:\n      - {type: nett, value: frivilligsentral.stange.example.no}\n"
        "      - {type: e-post, value: frivilligsentralen@stange.example.no}\n",
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HANDBOK_KOMMUNE_DIR", str(folder))
        book = open_handbook(store_dir)
        try:
            assert book.add_local(tmp_path / "data") == []
            handout = handout_for(book, "hva-er-en-selvhjelpsgruppe", "A5", True)
            (block,) = block_for(book.store, "lokal-frivilligsentralen-i-stange")
            handout.blocks.insert(0, block)
            out = tmp_path / "lokal.pdf"
            render_handout_pdf(handout, book.store, out, layer=book.layer)
        finally:
            book.close()
    pages = read(out)
    runs = [t.text for p in pages for t in p.texts]
    for part in ("Stasjonsvegen 12", "2335 Stange", "frivilligsentralen@stange.example.no"):
        assert any(part in r for r in runs), part
    codes = [c for p in pages for pic in p.pictures for c in pic.codes_at_100_dpi]
    assert "https://frivilligsentral.stange.example.no" in codes
    for page in pages:
        for picture in page.pictures:
            assert nearest_address(page, picture) == picture.codes[0].removeprefix("https://")
