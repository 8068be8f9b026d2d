"""The public keys the program trusts for content packs.

The program trusts the key it ships (resources/keys/content-pack.pub); HANDBOK_PACK_KEY names
another public key file, for an organisation's own key or for tests."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from index.i18n import QT_TRANSLATE_NOOP
from index.resources import resource_path

if TYPE_CHECKING:
    from index.packs.safety import PublicKey

KEY_ENV = "HANDBOK_PACK_KEY"


def trusted_keys() -> list[PublicKey]:
    from index.errors import PackError
    from index.packs.install import load_public_key

    path = Path(os.environ.get(KEY_ENV) or resource_path("keys", "content-pack.pub"))
    if not path.is_file():
        raise PackError(
            "no-trusted-key",
            QT_TRANSLATE_NOOP(
                "Handbok", "Programmet har ingen nøkkel for innholdspakker ({path})."
            ),
            path=str(path),
        )
    return [load_public_key(path)]
