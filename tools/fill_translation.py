"""Fill a .ts file from a Python dict of source -> translation (a developer's helper for
translating many new strings at once; Qt Linguist does the same one string at a time).

    python tools/fill_translation.py resources/i18n/handbok_en.ts strings.py
where strings.py defines a dict EN = {"bokmål source": "translation", ...}.
Prints the sources still untranslated.
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def main(ts_path: str, dict_path: str) -> int:
    table: dict[str, str] = runpy.run_path(dict_path)["EN"]
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        if source in table:
            translation.text = table[source]
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished" or not translation.text:
            missing.append(source)
    body = ET.tostring(tree.getroot(), encoding="unicode")
    Path(ts_path).write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    for source in missing:
        print(f"untranslated: {source!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
