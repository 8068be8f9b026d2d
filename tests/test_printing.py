"""The pagination model every printout uses: keep-together units, headings kept with what
follows, long units cut at their line boundaries only, and no page ending early unless the
next unit does not fit. Then a page of the reader (Ctrl+P) through the same model."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from PySide6.QtGui import QPainter
from pytestqt.qtbot import QtBot

from desktop.documents.pages import Page, Unit, paginate
from desktop.documents.printing import Decor, page_document, write_pdf

BODY = 1000.0


class Block(Unit):
    def __init__(
        self, height: float, cuts: tuple[float, ...] = (), keep: bool = False, space: float = 0
    ) -> None:
        self.height, self.cuts, self.keep_with_next, self.space_before = height, cuts, keep, space

    def paint(self, painter: QPainter, top: float, bottom: float) -> None:
        pass


def placed(pages: list[Page], unit: Unit) -> list[tuple[int, float, float]]:
    return [
        (n, s.top, s.bottom) for n, page in enumerate(pages) for s in page.slices if s.unit is unit
    ]


units_strategy = st.lists(
    st.tuples(
        st.floats(min_value=20, max_value=1400),
        st.booleans(),  # a heading, kept with the next
        st.booleans(),  # may break at its lines
        st.floats(min_value=0, max_value=60),
    ),
    min_size=1,
    max_size=40,
)


def make(spec: list[tuple[float, bool, bool, float]]) -> list[Block]:
    blocks = []
    for height, heading, breakable, space in spec:
        if heading:
            blocks.append(Block(min(height, 120), keep=True, space=space))
        elif breakable:
            lines = tuple(float(c) for c in range(50, int(height) - 49, 50))
            blocks.append(Block(height, cuts=lines, space=space))
        else:
            blocks.append(Block(min(height, BODY), space=space))
    return blocks


@settings(max_examples=300, deadline=None)
@given(units_strategy)
def test_every_unit_is_placed_once_whole_or_at_its_cuts(
    spec: list[tuple[float, bool, bool, float]],
) -> None:
    blocks = make(spec)
    pages = paginate(blocks, BODY)
    for block in blocks:
        parts = placed(pages, block)
        assert parts, "every unit is printed"
        assert parts[0][1] == 0 and parts[-1][2] == block.height, "from its top to its end"
        for (page_a, _top_a, bottom_a), (page_b, top_b, _bottom_b) in pairwise(parts):
            assert page_b == page_a + 1 and top_b == bottom_a, "a part goes on on the next page"
            assert bottom_a in block.cuts or not block.cuts, "cut only where it may be cut"
        if block.height <= BODY and not block.cuts:
            assert len(parts) == 1, "a unit that fits on a page is never split"
    for page in pages:
        for piece in page.slices:
            assert piece.y >= 0 and piece.y + piece.bottom - piece.top <= BODY + 1e-6


@settings(max_examples=300, deadline=None)
@given(units_strategy)
def test_a_page_ends_early_only_when_the_next_unit_does_not_fit(
    spec: list[tuple[float, bool, bool, float]],
) -> None:
    blocks = make(spec)
    pages = paginate(blocks, BODY)
    for page, following in pairwise(pages):
        last = page.slices[-1]
        used = last.y + last.bottom - last.top
        first = following.slices[0]
        unit = first.unit
        if first.top > 0:
            continue  # a long unit going on: this page was filled to its last cut
        index = blocks.index(unit)  # type: ignore[arg-type]
        need = unit.space_before + unit.height
        while blocks[index].keep_with_next and index + 1 < len(blocks):
            index += 1  # headings in a row, then at least the start of what follows them
            nxt = blocks[index]
            lead = nxt.height if nxt.keep_with_next or not nxt.cuts else nxt.cuts[0]
            need += nxt.space_before + lead
        fits_part = (
            unit.cuts
            and not unit.keep_with_next
            and used + unit.space_before + unit.cuts[0] <= BODY
        )
        assert used + need > BODY - 1e-6 and not fits_part, (used, need)


@settings(max_examples=300, deadline=None)
@given(units_strategy)
def test_a_heading_never_ends_a_page(spec: list[tuple[float, bool, bool, float]]) -> None:
    blocks = make(spec)
    pages = paginate(blocks, BODY)
    for page in pages[:-1]:
        last = page.slices[-1].unit
        index = blocks.index(last)  # type: ignore[arg-type]
        if last.keep_with_next and index + 1 < len(blocks):
            group = last.height
            while blocks[index].keep_with_next and index + 1 < len(blocks):
                index += 1
                group += blocks[index].space_before + blocks[index].height
            assert group > BODY, "stranded only if headings and what follows exceed a page"


def test_reader_page_breaks_between_lines_without_copies(qtbot: QtBot, tmp_path: Path) -> None:
    paragraphs = "".join(
        f"<p>Avsnitt {n}: litt tekst som fyller mer enn en linje på arket, slik at linjene "
        f"brytes, og slik at siden fylles opp med tekst som hører til avsnitt {n}.</p>"
        for n in range(60)
    )
    page = f"<h1>Tittel</h1>{paragraphs}<h2>Overskrift</h2><p>Det som hører til.</p>"
    out = tmp_path / "side.pdf"
    decor = Decor("Handbok", "Tittel", "Skrevet ut 01.01.2027 fra Handbok")
    pages = write_pdf(lambda device: page_document(page, device), out, "A4", decor, "Tittel")
    reader = PdfReader(out)
    assert len(reader.pages) == pages > 1
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for n in range(60):
        # Each sentence once, whole: no line drawn twice where a page breaks.
        assert text.count(f"Avsnitt {n}:") == 1, n
    assert f"Side {pages} av {pages}" in text
    last = " ".join(reader.pages[-1].extract_text().split())
    assert "Overskrift" in last and "Det som hører til." in last
    assert "\ufb01" not in text and "\ufb02" not in text
    assert reader.metadata.title == "Tittel"


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=2100, max_value=4500), st.integers(min_value=0, max_value=30))
def test_numbers_and_addresses_never_break_over_two_lines(
    qapp: object, width: int, words: int
) -> None:
    """At any width the longest of them fits in (210 pt and more at 14 pt)."""
    from desktop.documents.typeset import WHOLE, Para, Run, document

    text = (
        "Ord " * words + "Ring legevakten på 116 117 eller Kirkens SOS på 22 40 00 40, skriv til "
        "meldinger.kirkens-sos.no eller post@leve.no, åpent man–fre 09:00–15:00."
    )
    doc = document(width, [Para(runs=(Run(text),), points=14)])
    block = doc.begin()
    layout = block.layout()
    starts = [layout.lineAt(n).textStart() for n in range(1, layout.lineCount())]
    for match in WHOLE.finditer(block.text()):
        first, end = match.span()
        assert not any(first < start < end for start in starts), match.group(0)
    assert block.text().replace("\u2028", "") == text  # only line breaks were added
