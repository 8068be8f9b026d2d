"""Every string the user reads is translatable, and the English translation is complete."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from desktop.translations import _tool, sources
from index.resources import resource_path

TS = resource_path("i18n", "handbok_en.ts")


def messages(path: Path) -> dict[tuple[str, str], str | None]:
    found: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in (
                "unfinished",
                "obsolete",
                "vanished",
            )
            text = translation.text if done and translation is not None else None
            found[(name, message.findtext("source") or "")] = text
    return found


def test_english_translation_is_complete_and_keeps_placeholders() -> None:
    for (context, source), translation in messages(TS).items():
        assert translation, f"untranslated in {context!r}: {source!r}"
        placeholder = re.compile(r"(?<!\{)\{\w+(?::[^{}]*)?\}|%\(\w+\)\w|%s")
        assert sorted(placeholder.findall(source)) == sorted(placeholder.findall(translation)), (
            source
        )


def test_translation_source_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [_tool("lupdate"), "-silent", *map(str, sources()), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code = set(messages(fresh))
    in_ts = set(messages(TS))
    assert in_code - in_ts == set(), "run: python -m desktop.translations update"
