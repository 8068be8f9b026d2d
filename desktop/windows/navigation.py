"""Back and forward through what the user opened, like a browser. Plain Python."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_STEPS = 200


@dataclass
class Navigator:
    """``visit`` records where the user went; ``back``/``forward`` return where to go."""

    _past: list[str] = field(default_factory=list)
    _future: list[str] = field(default_factory=list)
    current: str | None = None

    def visit(self, target: str) -> None:
        if target == self.current:
            return
        if self.current is not None:
            self._past.append(self.current)
            del self._past[:-MAX_STEPS]
        self.current = target
        self._future.clear()

    def can_go_back(self) -> bool:
        return bool(self._past)

    def can_go_forward(self) -> bool:
        return bool(self._future)

    def back(self) -> str | None:
        if not self._past:
            return None
        if self.current is not None:
            self._future.append(self.current)
        self.current = self._past.pop()
        return self.current

    def forward(self) -> str | None:
        if not self._future:
            return None
        if self.current is not None:
            self._past.append(self.current)
        self.current = self._future.pop()
        return self.current
