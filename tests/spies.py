"""Spies that do not trust the code they watch.

``FileSpy`` asks the Linux kernel (inotify) whether any file in a folder was opened or read,
by anyone in any way: a Qt image loader, a style sheet import, a QLabel's rich text. Hostile
text names files in that folder; the program must never open one.

``UrlSpy`` registers itself with Qt as the handler of every scheme an attacker might use, so a
``QDesktopServices.openUrl`` from anywhere (the program's code, a QLabel or QMessageBox that
opens its own links) is recorded instead of handed to the system.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import struct
from pathlib import Path

IN_ACCESS, IN_OPEN = 0x00000001, 0x00000020
_EVENT = struct.Struct("iIII")

# Schemes a hostile link may use, and the ones the program may open on a click.
HOSTILE_SCHEMES = ("file", "smb", "javascript", "ftp", "data", "vbscript", "ms-msdt", "search")
ALLOWED_SCHEMES = ("http", "https", "mailto")


class FileSpy:
    """Every file opened or read in ``folder`` (not below it) since the spy was made."""

    def __init__(self, folder: Path) -> None:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        self._fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if self._fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        watch = libc.inotify_add_watch(self._fd, str(folder).encode(), IN_OPEN | IN_ACCESS)
        if watch < 0:
            raise OSError(ctypes.get_errno(), "inotify_add_watch")
        self.seen: list[str] = []

    def opened(self) -> list[str]:
        """The names opened or read so far (each once, in order)."""
        while True:
            try:
                data = os.read(self._fd, 65536)
            except BlockingIOError:
                break
            offset = 0
            while offset < len(data):
                _wd, _mask, _cookie, length = _EVENT.unpack_from(data, offset)
                name = data[offset + _EVENT.size : offset + _EVENT.size + length]
                offset += _EVENT.size + length
                text = name.rstrip(b"\0").decode(errors="replace")
                if text not in self.seen:
                    self.seen.append(text)
        return list(self.seen)

    def close(self) -> None:
        os.close(self._fd)


def make_url_spy() -> tuple[object, list[str]]:
    """A QObject that Qt hands every hostile and allowed scheme to; the list of URLs it got.
    Keep the object alive for as long as the spy should listen."""
    from PySide6.QtCore import QObject, QUrl, Slot
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []

    class _Spy(QObject):
        @Slot(QUrl)
        def handle(self, url: QUrl) -> None:
            opened.append(url.toString())

    spy = _Spy()
    for scheme in (*HOSTILE_SCHEMES, *ALLOWED_SCHEMES):
        QDesktopServices.setUrlHandler(scheme, spy, "handle")
    return spy, opened
