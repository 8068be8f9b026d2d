"""Handbok never goes online: the guard the test suite and the whole-program runs put on
sockets. Local (AF_UNIX) sockets stay allowed, as the X server and D-Bus use them."""

from __future__ import annotations

import socket
from collections.abc import Callable

Connect = Callable[[socket.socket, object], None]


def guarded_connect(refuse: Callable[[object], None]) -> Connect:
    """``socket.connect`` that calls ``refuse(address)`` (which raises) for a network address."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            refuse(address)
        real_connect(self, address)  # type: ignore[arg-type]

    return guarded
