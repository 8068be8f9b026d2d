"""A hostile corpus: markup in every field of every source the program reads text from.

Every payload names files in one spy folder, each field its own files (Qt caches an image by
its name, so one file named twice would hide the second load), and carries links to
``file:`` and ``smb:``, a style sheet import, and tables nested deep enough to freeze or crash
Qt's layout if they were ever read as markup. ``tests.spies.FileSpy`` then tells whether any
of those files was opened.

The sources: a content folder (a pack's worth: articles, contacts, checklists, handouts),
``kommune.yaml``, a CSV contact list, a bookmark file and a content pack whose file name is
markup. No phone number is invented: the hostile contacts have web addresses only.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from index.resources import content_dir

NESTED = "<table><tr><td>" * 30


class Corpus:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.spies = root / "spies"
        self.spies.mkdir(parents=True, exist_ok=True)
        self.count = 0

    def markup(self, field: str, depth: str = NESTED) -> str:
        """A payload for one field: names files no other field names."""
        self.count += 1
        tag = f"{self.count:03d}-{field}"
        for name in (f"{tag}-a.png", f"{tag}-b.png", f"{tag}-c.css", f"{tag}-d.png"):
            (self.spies / name).write_bytes(b"\x89PNG\r\n\x1a\n")
        spy = self.spies
        return (
            f"Fiendtlig {field} "
            f'<img src="{spy}/{tag}-a.png"><img src="file://{spy}/{tag}-b.png">'
            f'<a href="file:///bin/sh">sh</a> <a href="smb://server/share">smb</a> '
            f"<style>@import url({spy}/{tag}-c.css);</style>"
            f'<p style="background-image:url({spy}/{tag}-d.png)">x</p>&lt;b&gt;&amp;{depth}'
        )

    # --- the content folder ----------------------------------------------------------------

    def content(self) -> Path:
        """The shipped content plus an article, a contact, a checklist and a handout whose
        every text field is markup."""
        folder = self.root / "content"
        shutil.copytree(content_dir(), folder)
        y = json.dumps  # a JSON string is a YAML double-quoted scalar
        m = self.markup
        (folder / "articles" / "fiendtlig.md").write_text(
            "---\n"
            "id: fiendtlig\n"
            f"title: {y(m('tittel'))}\n"
            f"publisher: {y(m('utgiver'))}\n"
            f"publisher_note: {y(m('utgivernotat'))}\n"
            f"author: {y(m('forfatter'))}\n"
            f"source: {y(m('kilde'))}\n"
            f"summary: {y(m('sammendrag'))}\n"
            f"keywords: [{y(m('stikkord'))}]\n"
            "updated: 2026-11-01\n"
            "---\n\n"
            f"{m('innledning')}\n\n"
            f"## {m('overskrift')} {{#fiendtlig-avsnitt}}\n\n"
            f"{m('avsnitt')}\n\n"
            f"> {m('sitat')}\n\n"
            f"- {m('liste')}\n\n"
            "[Selvhjelp](https://selvhjelp.no) og [kontakt](kontakt:fiendtlig-kontakt)\n",
            encoding="utf-8",
        )
        with (folder / "contacts.yaml").open("a", encoding="utf-8") as out:
            out.write(
                "\n- id: fiendtlig-kontakt\n"
                f"  name: {y(m('navn'))}\n"
                f"  organisation: {y(m('organisasjon'))}\n"
                "  category: hjelpetelefon\n"
                "  audience: [voksne]\n"
                "  channels:\n"
                f"    - {{type: nett, value: selvhjelp.no, note: {y(m('kanalnotat'))}}}\n"
                "  hours: døgnåpen\n"
                f"  region: {y(m('region'))}\n"
                f"  address: {y(m('adresse'))}\n"
                f"  description: {y(m('beskrivelse'))}\n"
                f"  source: {y(m('kontaktkilde'))}\n"
                f"  caution: {y(m('advarsel'))}\n"
                "  verified: 2026-11-22\n"
            )
        (folder / "checklists" / "fiendtlig-liste.yaml").write_text(
            "id: fiendtlig-liste\n"
            f"title: {y(m('listetittel'))}\n"
            f"intro: {y(m('listeintro'))}\n"
            "source: [fiendtlig]\n"
            "items:\n"
            "  - id: punkt\n"
            f"    group: {y(m('gruppe'))}\n"
            f"    text: {y(m('punkt'))}\n"
            f"    help: {y(m('hjelp'))}\n"
            "    source: fiendtlig#fiendtlig-avsnitt\n",
            encoding="utf-8",
        )
        (folder / "handouts" / "fiendtlig-skriv.yaml").write_text(
            "id: fiendtlig-skriv\n"
            f"title: {y(m('skrivtittel'))}\n"
            f"description: {y(m('skrivbeskrivelse'))}\n"
            f"intro: {y(m('skrivintro'))}\n"
            "blocks:\n"
            "  - type: text\n"
            f"    heading: {y(m('skrivoverskrift'))}\n"
            f"    text: {y(m('skrivtekst'))}\n"
            "  - type: contact\n"
            "    id: fiendtlig-kontakt\n"
            "  - type: section\n"
            "    id: fiendtlig#fiendtlig-avsnitt\n",
            encoding="utf-8",
        )
        return folder

    # --- the municipality's files ----------------------------------------------------------

    def kommune(self) -> Path:
        folder = self.root / "kommune"
        folder.mkdir(exist_ok=True)
        y, m = json.dumps, self.markup
        (folder / "kommune.yaml").write_text(
            f"municipality: {y(m('kommune'))}\n"
            "contacts:\n"
            f"  - name: {y(m('kommunenavn'))}\n"
            f"    organisation: {y(m('kommuneorg'))}\n"
            "    category: hjelpetelefon\n"
            "    audience: [voksne]\n"
            "    channels:\n"
            f"      - {{type: nett, value: kommune.example.no, note: {y(m('kommunenotat'))}}}\n"
            "    hours: døgnåpen\n"
            f"    region: {y(m('kommuneregion'))}\n"
            f"    address: {y(m('kommuneadresse'))}\n"
            f"    description: {y(m('kommunebeskrivelse'))}\n"
            f"    source: {y(m('kommunekilde'))}\n"
            f"    caution: {y(m('kommuneadvarsel'))}\n"
            "    verified: 2026-11-22\n"
            "notes:\n"
            "  - section: fiendtlig#fiendtlig-avsnitt\n"
            f"    text: {y(m('kommunenotat-tekst'))}\n",
            encoding="utf-8",
        )
        return folder

    def csv(self) -> Path:
        """One good hostile row (every field markup, the region 3,000 tables deep) and rows
        the import refuses, whose sentences quote their markup back."""
        m = self.markup
        header = "Navn;Organisasjon;Kategori;Nettside;Område;Adresse;Beskrivelse;Kilde;Kontrollert"

        def row(*cells: str) -> str:
            return ";".join('"' + c.replace('"', '""') + '"' for c in cells)

        lines = [
            header,
            row(m("csvnavn"), m("csvorg"), "organisasjon", "csv.example.no",
                m("csvregion", "<table><tr><td>" * 3000), m("csvadresse"),
                m("csvbeskrivelse"), m("csvkilde"), "22.11.2026"),
            row(m("csvnavn2"), "", "organisasjon", "javascript:alert(1)//x.no", "", "", "", "",
                ""),
            row(m("csvnavn3"), "", m("csvkategori"), "", "", "", "", "", ""),
            row("Nullbyte\x00navn", "", "organisasjon", "", "", "", "", "", ""),
        ]  # fmt: skip
        path = self.root / "kontakter.csv"
        path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
        return path

    def bookmarks(self) -> tuple[Path, Path]:
        """A bookmark file of the wrong version, quoted in the status line, and one whose
        titles and notes are markup."""
        m = self.markup
        bad = self.root / "bokmerker-feil.json"
        bad.write_text(
            json.dumps({"format": "handbok-bokmerker", "version": m("versjon"), "bookmarks": []}),
            encoding="utf-8",
        )
        good = self.root / "bokmerker.json"
        good.write_text(
            json.dumps(
                {
                    "format": "handbok-bokmerker",
                    "version": 1,
                    "bookmarks": [
                        {
                            "target": "fiendtlig",
                            "kind": "article",
                            "title": m("bokmerke"),
                            "note": m("bokmerkenotat"),
                            "created": "2026-11-01T10:00:00+00:00",
                        },
                        {
                            "target": "finnes-ikke",
                            "kind": "article",
                            "title": m("borte"),
                            "note": "",
                            "created": "2026-11-02T10:00:00+00:00",
                        },
                    ],
                }
            ),
            encoding="utf-8",
        )
        return bad, good

    def pack(self) -> Path:
        """A zip whose one file's name is markup: refused for its name before its signature
        is looked at, and the sentence quotes the name."""
        path = self.root / "pakke.zip"
        name = f'content/<a href="file:///bin/sh">x</a><img src="{self.spies}/pakke.png">.md'
        (self.spies / "pakke.png").write_bytes(b"\x89PNG\r\n\x1a\n")
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr(name, "x")
        return path
