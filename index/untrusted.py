"""Text from files, as the program may use it: the rules in one place (docs/architecture.md,
"Text from files is data"). No Qt here, so the content loader, the local layer, the command
line, the windows and the handouts all ask the same functions.

- ``CONTROL`` names the characters no name or value may hold: the C0 and C1 controls (all but
  tab and line breaks), DEL, and the bidirectional overrides and isolates that make a name read
  differently from what it is. ``visible`` writes them as ``\\x1b`` so a sentence quoting a
  hostile file name can neither drive a terminal nor turn its own text around.
- ``web_address`` and ``web_url``: a web or chat value is a host name (with an optional path)
  or an http(s) address, nothing else; ``web_url`` is the only way such a value becomes a link
  or a QR code.
- ``external_link`` is the allow-list every click on a link passes before anything outside
  the program opens it.
"""

from __future__ import annotations

import re

# Tab, line feed and carriage return are ordinary in multi-line text; everything else in C0,
# DEL, all of C1, and U+202A-U+202E, U+2066-U+2069 (embeddings, overrides, isolates).
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_BREAK = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# A quoted value longer than this is cut: a sentence names a file, it does not reprint it.
QUOTE_LIMIT = 2000


def has_control(text: str, *, single_line: bool = False) -> bool:
    """Whether ``text`` holds a character no name or value may hold (``CONTROL``); with
    ``single_line`` also tab and line breaks, for ids, names and numbers."""
    pattern = _CONTROL_OR_BREAK if single_line else CONTROL
    return pattern.search(text) is not None


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, single_line: bool = False, limit: int | None = QUOTE_LIMIT) -> str:
    """``text`` with every control character written out (``\\x1b``, ``\\u202e``), cut to
    ``limit`` characters: safe to quote in a sentence, a message box or a terminal."""
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    return (_CONTROL_OR_BREAK if single_line else CONTROL).sub(_escape, text)


# --- web addresses ---------------------------------------------------------------------------

# A host name: labels of letters (any script, for æøå), digits and inner hyphens, at least two
# of them, the last one letters only. No user, no port, no IP address: none is ever needed for
# a help line's web page, and each is a way to point somewhere the name does not say.
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
_HOST = rf"(?:{_LABEL}\.)+[^\W\d_]{{2,63}}"
# What may follow the host: a path, query or fragment, without spaces, quotes, angle brackets
# or backslashes (a backslash turns into a path separator, even a UNC path, in some programs).
_REST = r"(?:[/?#][^\s\"'<>\\`]*)?"
_ADDRESS = re.compile(rf"^{_HOST}{_REST}$")
_SCHEME = re.compile(r"^(https?)://", re.IGNORECASE)
WEB_LIMIT = 300  # characters; a real address is far shorter, and a QR code must stay readable


def web_address(value: str) -> str | None:
    """A web or chat value as it is stored: ``selvhjelp.no``, ``www.leve.no/kontakt`` (an
    ``https://`` in front and a lone ``/`` at the end are dropped); None for anything else,
    such as ``javascript:...``, ``smb://...``, ``file:...`` or an address with spaces."""
    written = value.strip()
    match = _SCHEME.match(written)
    written = written[match.end() :] if match else written
    if written.count("/") == 1 and written.endswith("/"):
        written = written[:-1]
    if len(written) > WEB_LIMIT or has_control(written, single_line=True):
        return None
    return written if _ADDRESS.match(written) else None


def web_url(value: str) -> str | None:
    """The http(s) address a web or chat value opens, or None if it is not one: a stored
    ``selvhjelp.no`` gives ``https://selvhjelp.no``, a full ``http://`` or ``https://`` address
    is kept if its host is a host name. The only way a value from a file becomes a link, a
    printed address or a QR code."""
    written = value.strip()
    match = _SCHEME.match(written)
    scheme = match.group(1).lower() if match else "https"
    rest = written[match.end() :] if match else written
    if len(rest) > WEB_LIMIT or has_control(rest, single_line=True):
        return None
    return f"{scheme}://{rest}" if _ADDRESS.match(rest) else None


_EMAIL = re.compile(r"^[^@\s/\\:<>\"'?#]+@" + _HOST + "$")


def external_link(url: str) -> bool:
    """The allow-list for a link the user clicks that leaves the program: an http(s) address
    with a host name, or ``mailto:`` one e-mail address. The program's own schemes (kontakt:,
    artikkel:, ...) are handled inside it and never reach this."""
    scheme, _, rest = url.partition(":")
    if scheme.lower() in ("http", "https"):
        return rest.startswith("//") and web_url(url) is not None
    if scheme.lower() == "mailto":
        return _EMAIL.match(rest) is not None and not has_control(rest, single_line=True)
    return False
