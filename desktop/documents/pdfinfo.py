"""Two finishing touches to the PDF Qt writes, appended as one incremental update (PDF 1.7,
7.5.6: new versions of some objects, a cross-reference section for them and a trailer
pointing back to the old one; Qt's bytes stay untouched):

- the document information: title, author, subject and creator (Qt's writer has no subject);
- spaces that read back as spaces. Qt maps each glyph to the first character the font gives
  it, and fonts give the space glyph to TAB (U+0009) as well as to SPACE, so copying
  "Ring 116 123" from Qt's PDF gives tabs. Each font's ToUnicode map is corrected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index import __version__


@dataclass(frozen=True)
class PdfInfo:
    title: str
    author: str  # the municipality, or Handbok
    subject: str
    creator: str = f"Handbok {__version__}"


_TRAILER = re.compile(rb"trailer\s*<<(?P<body>.*?)>>\s*startxref\s*(?P<xref>\d+)\s*%%EOF\s*$", re.S)
_REF = rb"/%s\s+(\d+)\s+(\d+)\s+R"
_TAB = b"<0009>"
_SPACE = b"<0020>"


def with_info(pdf: bytes, info: PdfInfo) -> bytes:
    """``pdf`` with ``info`` and spaces as spaces; unchanged if it is not laid out as Qt
    writes it (one classic trailer at the end)."""
    trailer = _TRAILER.search(pdf)
    if trailer is None:
        return pdf
    body = trailer.group("body")
    size = re.search(rb"/Size\s+(\d+)", body)
    root = re.search(_REF % b"Root", body)
    if size is None or root is None:
        return pdf
    old_info = re.search(_REF % b"Info", body)
    number = int(old_info.group(1)) if old_info else int(size.group(1))
    objects = {number: _info_object(pdf, number if old_info else None, info)}
    objects.update(_unicode_maps(pdf))
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offsets = {}
    for ident in sorted(objects):
        offsets[ident] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (ident, objects[ident])
    xref = len(out)
    out += b"xref\n"
    for ident in sorted(offsets):
        out += b"%d 1\n%010d 00000 n \n" % (ident, offsets[ident])
    ident_array = re.search(rb"/ID\s*\[[^\]]*\]", body)
    out += b"trailer\n<<\n/Size %d\n/Root %s %s R\n/Info %d 0 R\n%s/Prev %s\n>>\n" % (
        max(int(size.group(1)), number + 1),
        root.group(1),
        root.group(2),
        number,
        ident_array.group(0) + b"\n" if ident_array else b"",
        trailer.group("xref"),
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _info_object(pdf: bytes, old: int | None, info: PdfInfo) -> bytes:
    dates = b""
    if old is not None:  # keep Qt's creation and modification dates
        start = pdf.find(b"\n%d 0 obj" % old)
        end = pdf.find(b"endobj", start)
        if start >= 0 and end > start:
            found = re.findall(rb"/(?:CreationDate|ModDate) \([^)]*\)", pdf[start:end])
            dates = b"".join(d + b"\n" for d in found)
    fields = {
        b"Title": info.title,
        b"Author": info.author,
        b"Subject": info.subject,
        b"Creator": info.creator,
        b"Producer": info.creator,
    }
    entries = b"".join(b"/%s %s\n" % (key, _text(value)) for key, value in fields.items())
    return b"<<\n%s%s>>" % (entries, dates)


def _unicode_maps(pdf: bytes) -> dict[int, bytes]:
    """Every ToUnicode map that reads a glyph as TAB, reading it as SPACE instead."""
    fixed = {}
    for ident in sorted({int(m) for m in re.findall(rb"/ToUnicode (\d+) 0 R", pdf)}):
        start = pdf.find(b"\n%d 0 obj" % ident)
        head = re.compile(rb"\s*<<\s*/Length (\d+)\s*>>\s*stream\r?\n").match(
            pdf, start + len(b"\n%d 0 obj" % ident)
        )
        if start < 0 or head is None:
            continue  # compressed or laid out otherwise: left as it is
        data = pdf[head.end() : head.end() + int(head.group(1))]
        if _TAB not in data:
            continue
        patched = _spaces(data)
        fixed[ident] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(patched), patched)
    return fixed


def _spaces(cmap: bytes) -> bytes:
    """TAB as SPACE where a map says what a glyph reads as: in bfchar pairs (the second
    code) and bfrange lists; never in the glyph codes themselves."""
    lines = []
    section = b""
    for line in cmap.split(b"\n"):
        words = line.split()
        if words and words[-1] in (b"beginbfchar", b"beginbfrange"):
            section = words[-1]
        elif words and words[0] in (b"endbfchar", b"endbfrange"):
            section = b""
        elif section == b"beginbfchar" and len(words) == 2 and words[1] == _TAB:
            line = words[0] + b" " + _SPACE
        elif section == b"beginbfrange" and b"[" in line:
            codes, _bracket, targets = line.partition(b"[")
            line = codes + b"[" + targets.replace(_TAB, _SPACE)
        elif section == b"beginbfrange" and words[2:] == [_TAB] and words[0] == words[1]:
            line = words[0] + b" " + words[1] + b" " + _SPACE
        lines.append(line)
    return b"\n".join(lines)


def _text(value: str) -> bytes:
    """A PDF text string: UTF-16 with its byte-order mark, as hex (nothing to escape)."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"
