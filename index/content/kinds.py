"""The three kinds of content and the mark of a local id, apart from the model: the window's
first frame (user data, the red bar) and the command line need these names, not the model's
dataclasses and opening-hours parser (docs/architecture.md, "The quality bars")."""

from __future__ import annotations

from typing import Literal

Kind = Literal["article", "contact", "checklist"]
KINDS: tuple[Kind, ...] = ("article", "contact", "checklist")

# Every local contact's id begins so (kommune.yaml's, and those staff add or import); no
# national one may. It is how the program tells a number nobody here verified from one the
# national content verified (the red emergency strip shows only the latter).
LOCAL_ID_PREFIX = "lokal-"


def is_local_id(ident: str) -> bool:
    return ident.startswith(LOCAL_ID_PREFIX)
