"""What the command line writes, made safe for a terminal.

Text from files reaches the terminal in many ways: a pack's file name in a refusal, a contact
from a CSV file in ``handbok show``, a search snippet. An escape sequence in any of them
(``ESC ]0;...`` retitles the window, others rewrite what was printed or, on some terminals,
answer back as typed input) must never reach the terminal as such. So ``main`` sends stdout
and stderr through ``VisibleStream``, which writes every control character but tab and line
feed the way ``index.untrusted.visible`` does (``\\x1b``): one place, whatever is printed.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

from index.untrusted import CONTROL

# CONTROL keeps carriage return, which in a terminal moves back over what was printed.
_TERMINAL = re.compile(f"{CONTROL.pattern[:-1]}\r]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    # \u form: valid inside a JSON string too, so --json output stays JSON.
    return f"\\u{code:04x}"


class VisibleStream:
    """A text stream that writes through to ``stream`` with control characters spelled out."""

    def __init__(self, stream: TextIO) -> None:
        self.wrapped = stream

    def write(self, text: str) -> int:
        self.wrapped.write(_TERMINAL.sub(_escape, text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wrapped, name)
