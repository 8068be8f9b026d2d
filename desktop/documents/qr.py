"""QR codes on paper: the one place that decides which addresses get a code and draws it.

Only web addresses (http and https) get a code: a phone app opens whatever a code holds, so
an address of any other kind (a file, a mail program, a script) is never put in one. Content
writes web addresses without a scheme (``selvhjelp.no``); those mean https.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import segno
from PySide6.QtGui import QImage

from index.untrusted import web_url

WEB_SCHEMES = ("http", "https")
# Four modules of white round the code is the standard's quiet zone; two are drawn in the
# image and the layout keeps at least two more of white paper round it.
BORDER_MODULES = 2
PIXELS_PER_MODULE = 8  # sharp edges at any zoom, without smoothing


@dataclass(frozen=True)
class QrCode:
    url: str  # what the code holds: always http(s)://...
    image: QImage
    modules: int  # the code's width in modules, without the border


@lru_cache(maxsize=128)
def qr_for(address: str) -> QrCode | None:
    """The code for a printed web address, or None when it is no http(s) address. Kept:
    finding a code's best mask takes longer than laying out a page, and the preview asks
    for the same codes after every change."""
    url = qr_url(address)
    if url is None:
        return None
    code = segno.make(url, error="m", boost_error=False)
    return QrCode(url=url, image=_image(code), modules=int(code.symbol_size(border=0)[0]))


def qr_url(address: str) -> str | None:
    """``selvhjelp.no`` -> ``https://selvhjelp.no``; http(s) addresses as they are; any
    other scheme (file:, javascript:, mailto: ...) or anything that is not a host: None.
    The program's one rule for that, index.untrusted.web_url, so a code, a printed address
    and a link in the reading pane can never disagree."""
    return web_url(address)


def _image(code: segno.QRCode) -> QImage:
    """One byte per module, scaled up without smoothing.

    Built from a byte buffer, not pixel by pixel: PySide6's QImage.setPixel miscounts
    references to None on Python 3.11, and thousands of calls crash the interpreter.
    """
    rows = list(code.matrix_iter(border=BORDER_MODULES))
    size = len(rows)
    stride = (size + 3) // 4 * 4  # QImage wants 32-bit aligned lines
    data = bytearray(b"\xff" * stride * size)
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                data[y * stride + x] = 0
    image = QImage(bytes(data), size, size, stride, QImage.Format.Format_Grayscale8).copy()
    return image.scaled(size * PIXELS_PER_MODULE, size * PIXELS_PER_MODULE)
