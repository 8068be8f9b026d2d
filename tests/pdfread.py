"""A PDF read back as a reader gets it, with pypdf: each run of text with its place and size,
each image with its place and what its QR code says (decoded with zxing-cpp)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import zxingcpp
from PIL import Image, ImageOps
from pypdf import PdfReader

ADDRESS = re.compile(r"(?:[a-z0-9-]+\.)+(?:no|com|org|net)(?:/\S*)?", re.IGNORECASE)


@dataclass(frozen=True)
class Text:
    text: str  # spaces as spaces, whatever the PDF's font maps them to
    x: float  # points from the page's left edge
    baseline: float  # points from the page's top edge
    size: float  # points

    @property
    def top(self) -> float:
        return self.baseline - self.size * 0.8


@dataclass(frozen=True)
class Picture:
    x0: float
    top: float
    x1: float
    bottom: float
    codes: tuple[str, ...]  # decoded from the image as embedded
    codes_at_100_dpi: tuple[str, ...]  # decoded after shrinking it to its size at 100 dpi

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2


@dataclass
class PdfPage:
    width: float
    height: float
    texts: list[Text] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.texts)


def read(path: Path) -> list[PdfPage]:
    reader = PdfReader(path)
    return [_page(page) for page in reader.pages]


def _page(page: object) -> PdfPage:
    box = page.mediabox  # type: ignore[attr-defined]
    width, height = float(box.width), float(box.height)
    result = PdfPage(width, height)
    placed: list[tuple[str, list[float]]] = []

    def before(op: bytes, args: list[object], cm: list[float], tm: list[float]) -> None:
        if op == b"Do":
            placed.append((str(args[0]).lstrip("/"), list(cm)))

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        clean = " ".join(text.replace("\xa0", " ").split())
        if not clean:
            return
        x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
        y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
        scale = abs(tm[3] * cm[3]) or abs(tm[0] * cm[0])
        result.texts.append(Text(clean, x, height - y, size * scale))

    page.extract_text(visitor_operand_before=before, visitor_text=visit)  # type: ignore[attr-defined]
    images = {Path(image.name).stem: image.image for image in page.images}  # type: ignore[attr-defined]
    for name, cm in placed:
        image = images.get(name)
        if image is None:
            continue
        xs = [cm[4], cm[4] + cm[0]]
        ys = [height - cm[5], height - (cm[5] + cm[3])]
        x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
        result.pictures.append(
            Picture(x0, top, x1, bottom, _decode(image), _decode(_at_dpi(image, x1 - x0, 100)))
        )
    return result


def _decode(image: Image.Image) -> tuple[str, ...]:
    return tuple(r.text for r in zxingcpp.read_barcodes(image))


def _at_dpi(image: Image.Image, width_pt: float, dpi: int) -> Image.Image:
    """The image as a printer or screen at ``dpi`` shows it: shrunk with averaging, on white."""
    pixels = max(1, round(width_pt * dpi / 72))
    small = image.convert("L").resize((pixels, pixels), Image.Resampling.BOX)
    return ImageOps.expand(small, border=max(4, pixels // 8), fill=255)


def addresses(page: PdfPage) -> list[tuple[Text, str]]:
    """Every printed web address on the page, with the run of text it stands in."""
    found = []
    for text in page.texts:
        for word in text.text.split():
            match = ADDRESS.fullmatch(word.strip(".,;:()«»"))
            if match:
                found.append((text, match.group(0).lower()))
    return found


def nearest_address(page: PdfPage, picture: Picture) -> str | None:
    """The printed address nearest the picture's centre: level with it counts most."""
    cx, cy = picture.centre
    near = sorted(addresses(page), key=lambda a: abs(a[0].top - cy) + 0.3 * abs(a[0].x - cx))
    return near[0][1] if near else None
