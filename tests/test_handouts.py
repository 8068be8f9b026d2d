"""Handouts as the patient gets them: real PDFs, read back with pypdf, QR codes decoded."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import zxingcpp
from pypdf import PdfReader

from desktop.documents.pdf import render_handout_pdf
from index.content.model import Contact
from index.handbook import Handbook
from index.handout import Handout, block_for
from index.handout import web_addresses as webs_of

TEMPLATES = (
    "hjelpetelefoner-og-chat",
    "hva-er-en-selvhjelpsgruppe",
    "slik-kommer-du-i-gang-med-en-selvhjelpsgruppe",
    "til-deg-som-har-mistet-noen-i-selvmord",
)
A4 = (595, 842)
A5 = (420, 595)


def text_of(pdf: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)


def render(handbook: Handbook, handout: Handout, path: Path) -> PdfReader:
    pages = render_handout_pdf(handout, handbook.store, path)
    reader = PdfReader(path)
    assert len(reader.pages) == pages
    return reader


def page_size(reader: PdfReader) -> tuple[int, int]:
    box = reader.pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def contacts_in(handbook: Handbook, handout: Handout) -> list[Contact]:
    return [handbook.store.contact(b.id) for b in handout.blocks if b.type == "contact"]


@pytest.mark.parametrize("template", TEMPLATES)
def test_template_as_pdf(handbook: Handbook, template: str, tmp_path: Path) -> None:
    handout = Handout.from_template(handbook.store.handout(template))
    reader = render(handbook, handout, tmp_path / "skriv.pdf")
    assert page_size(reader) == A4
    assert 1 <= len(reader.pages) <= 2, "a handout should fit on two pages"
    text = text_of(tmp_path / "skriv.pdf")
    assert handout.title in text
    # The emergency numbers, every number and web address of its contacts.
    for number in ("113", "116 117"):
        assert number in text
    for contact in contacts_in(handbook, handout):
        assert contact.name in text
        for channel in contact.channels:
            assert channel.value in text, (contact.id, channel.value)
    # Date printed, page numbers, sources with their dates, Norwegian letters intact.
    today = date.today().strftime("%d.%m.%Y")
    assert f"Skrevet ut {today} fra Handbok" in text
    assert f"Side 1 av {len(reader.pages)}" in text
    assert "Kilder" in text and "sist kontrollert 22.11.2026" in text
    assert re.search(r"[æøå]", text) and not re.search(r"Ã|�", text)
    assert reader.metadata.title == handout.title


def test_every_web_address_has_a_qr_code_that_decodes_to_it(
    handbook: Handbook, tmp_path: Path
) -> None:
    handout = Handout.from_template(handbook.store.handout("hjelpetelefoner-og-chat"))
    reader = render(handbook, handout, tmp_path / "skriv.pdf")
    decoded = set()
    for page in reader.pages:
        for image in page.images:
            decoded |= {r.text for r in zxingcpp.read_barcodes(image.image)}
    wanted = {f"https://{w}" for c in contacts_in(handbook, handout) for w in webs_of(c)}
    assert wanted and decoded == wanted


def test_large_print_is_at_least_14_points(handbook: Handbook, tmp_path: Path) -> None:
    handout = Handout.from_template(handbook.store.handout("hva-er-en-selvhjelpsgruppe"))
    handout.large_print = True
    reader = render(handbook, handout, tmp_path / "stor.pdf")
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.append(size * abs(tm[3]) * abs(cm[3]) or size)

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    body = sorted(sizes)[len(sizes) // 2]  # the median run of text is body text
    assert body >= 13.9, sizes[:20]
    normal = Handout.from_template(handbook.store.handout("hva-er-en-selvhjelpsgruppe"))
    assert len(render(handbook, normal, tmp_path / "vanlig.pdf").pages) <= len(reader.pages)


def test_a5_checklist_with_ticks_and_a_line_for_the_patient(
    handbook: Handbook, tmp_path: Path
) -> None:
    handout = Handout.from_template(handbook.store.handout("sjekkliste"))
    for block in block_for(handbook.store, "starte-selvhjelpsgruppe"):
        handout.add(block)
    checklist = handbook.store.checklist("starte-selvhjelpsgruppe")
    handout.ticks = {checklist.items[0].id: True}
    handout.paper = "A5"
    handout.municipality = "Hamar kommune"
    handout.patient_line = "Til Kari: vi snakkes igjen på tirsdag"
    reader = render(handbook, handout, tmp_path / "liste.pdf")
    assert page_size(reader) == A5
    text = text_of(tmp_path / "liste.pdf")
    assert "Hamar kommune" in text and "Til Kari: vi snakkes igjen på tirsdag" in text
    assert "☑" in text and text.count("☐") == len(checklist.items) - 1
    for item in checklist.items:
        assert item.text[:40] in text


def test_added_section_and_contact(handbook: Handbook, tmp_path: Path) -> None:
    handout = Handout.from_template(handbook.store.handout("hva-er-en-selvhjelpsgruppe"))
    for ident in ("samarbeid-om-selvorganisert-selvhjelp#frisklivssentralene", "leve"):
        for block in block_for(handbook.store, ident):
            handout.add(block)
    handout.add(block_for(handbook.store, "leve")[0])  # twice: kept once
    assert sum(b.id == "leve" for b in handout.blocks) == 1
    render(handbook, handout, tmp_path / "mer.pdf")
    text = text_of(tmp_path / "mer.pdf")
    assert "Frisklivssentralene" in text and "22 36 17 00" in text
    assert "Redaksjonell merknad" not in text  # staff notes stay out of patient handouts


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


def test_cli_list_and_render(store_dir: Path, tmp_path: Path) -> None:
    listed = handbok("handout", "--list", store=store_dir)
    assert listed.returncode == 0
    assert set(TEMPLATES) | {"sjekkliste"} == set(listed.stdout.split())
    out = tmp_path / "a5.pdf"
    template = "til-deg-som-har-mistet-noen-i-selvmord"
    options = ["--add", "leve", "--pdf", str(out), "--paper", "A5", "--large-print"]
    result = handbok("handout", template, *options, store=store_dir)
    assert result.returncode == 0, result.stderr
    assert page_size(PdfReader(out)) == A5
    assert "LEVE" in text_of(out)


def test_cli_bad_handout_arguments(store_dir: Path, tmp_path: Path) -> None:
    pdf = str(tmp_path / "x.pdf")
    for args in (
        ["handout", "finnes-ikke", "--pdf", pdf],
        ["handout", "sjekkliste", "--add", "finnes-ikke", "--pdf", pdf],
        ["handout", "sjekkliste"],
        ["handout", "sjekkliste", "--paper", "A3"],
    ):
        result = handbok(*args, store=store_dir)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()
