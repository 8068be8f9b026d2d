"""The command line as IT and the benchmarks use it: real processes, exit codes, JSON shape."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from index import __version__


def handbok(*args: str, store: Path | None = None) -> subprocess.CompletedProcess[str]:
    options = ["--store", str(store)] if store else []
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *options, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_version() -> None:
    result = handbok("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"handbok {__version__}"


# Words of argparse's own English that a help text shows unless the program says otherwise.
ARGPARSE_ENGLISH = ("usage:", "options:", "positional arguments", "show program", "show this help")


def test_every_help_text_is_norwegian() -> None:
    """`handbok --help` and each command's: argparse's default texts (usage, options, the
    --version line) are said in bokmål too, not left in its English."""
    commands = ("", "search", "show", "handout", "self-test", "pack", "contacts", "build-index")
    for command in commands:
        result = handbok(*([command] if command else []), "--help")
        assert result.returncode == 0, result.stderr
        assert "bruk: handbok" in result.stdout
        leftovers = [w for w in ARGPARSE_ENGLISH if w in result.stdout.lower()]
        assert not leftovers, (command, leftovers, result.stdout)


def test_search_json_shape_best_first(store_dir: Path) -> None:
    result = handbok("search", "hjelpetelefon", "for", "unge", "--json", store=store_dir)
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert 1 <= len(hits) <= 10
    for hit in hits:
        assert {"id", "kind", "title", "snippet", "score"} <= set(hit)
        assert hit["kind"] in ("article", "contact", "checklist")
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_search_kind_and_limit(store_dir: Path) -> None:
    result = handbok("search", "selvhjelp", "--kind", "contact", "--limit", "2", "--json",
                     store=store_dir)  # fmt: skip
    hits = json.loads(result.stdout)
    assert len(hits) == 2 and {h["kind"] for h in hits} == {"contact"}


def test_search_text_output(store_dir: Path) -> None:
    result = handbok("search", "selvhjelpsgrupe", store=store_dir)
    assert result.returncode == 0
    assert "Mente du: selvhjelpsgruppe" in result.stdout
    assert "id: starte-selvhjelpsgruppe" in result.stdout


def test_search_with_no_hits_says_so(store_dir: Path) -> None:
    result = handbok("search", "xyzzy", store=store_dir)
    assert result.returncode == 0
    assert "Ingen treff for «xyzzy»." in result.stdout


def test_odd_queries_are_fine(store_dir: Path) -> None:
    for text in ('"', "-", "*", "OR", "\\"):
        assert handbok("search", text, "--json", store=store_dir).returncode == 0


def test_bad_arguments_are_one_line_and_exit_2(store_dir: Path) -> None:
    for args in (["search", "x", "--kind", "bok"], ["search", "x", "--limit", "0"],
                 ["search", "x", "--limit", "mange"], ["search"], ["lag-kaffe"],
                 ["show"], ["--ukjent"]):  # fmt: skip
        result = handbok(*args, store=store_dir)
        assert result.returncode == 2, args
        assert one_line_error(result).startswith("handbok: "), args


def test_show_section_contact_checklist(store_dir: Path) -> None:
    section = handbok("show", "samarbeid-om-selvorganisert-selvhjelp#frisklivssentralene",
                      store=store_dir)  # fmt: skip
    assert section.returncode == 0
    assert "Frisklivssentralene" in section.stdout and "Utgiver: Selvhjelp Norge" in section.stdout
    contact = handbok("show", "kirkens-sos", store=store_dir)
    assert "22 40 00 40" in contact.stdout and "døgnåpen" in contact.stdout
    assert "Kontrollert: 22.11.2026" in contact.stdout
    checklist = handbok("show", "starte-selvhjelpsgruppe", store=store_dir)
    assert "[ ] " in checklist.stdout


def test_show_json_has_the_full_text(store_dir: Path) -> None:
    article = json.loads(handbok("show", "hva-er-selvhjelp", "--json", store=store_dir).stdout)
    assert article["kind"] == "article" and article["sections"]
    assert "iboende ressurser" in article["text"]
    contact = json.loads(handbok("show", "leve", "--json", store=store_dir).stdout)
    assert {"type": "telefon", "value": "22 36 17 00"}.items() <= contact["channels"][
        0
    ].items() or any(c["value"] == "22 36 17 00" for c in contact["channels"])
    assert contact["caution"]


def test_unknown_id_is_one_line_exit_2(store_dir: Path) -> None:
    result = handbok("show", "finnes-ikke", store=store_dir)
    assert result.returncode == 2
    assert one_line_error(result) == "handbok: Fant ingenting med id «finnes-ikke»."


def test_build_index_reports_broken_content(content_copy: Path, tmp_path: Path) -> None:
    contacts = content_copy / "contacts.yaml"
    contacts.write_text(contacts.read_text("utf-8").replace("category: hjelpetelefon",
                        "category: hjelpelinje", 1), "utf-8")  # fmt: skip
    result = handbok("build-index", "--content", str(content_copy), "--out", str(tmp_path / "s"))
    assert result.returncode == 2
    assert one_line_error(result).startswith("content/contacts.yaml:")
    assert not (tmp_path / "s").exists()


def test_build_index_then_search_it(tmp_path: Path) -> None:
    out = tmp_path / "s"
    result = handbok("build-index", "--out", str(out))
    assert result.returncode == 0 and "Bygde" in result.stdout
    assert handbok("search", "leve", "--json", store=out).returncode == 0


def test_missing_store_is_a_sentence_not_a_traceback(tmp_path: Path) -> None:
    result = handbok("search", "leve", store=tmp_path / "empty")
    assert result.returncode == 1
    assert "Fant ikke innholdsdatabasen" in one_line_error(result)


def test_english_translation_when_asked(store_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HANDBOK_LANG", "en")
    result = handbok("search", "xyzzy", store=store_dir)
    assert "No results for «xyzzy»." in result.stdout


def test_self_test_passes_and_writes_only_user_data(store_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--store", str(store_dir), "--data-dir", str(data),
         "self-test"],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines[:4]] == ["OK"] * 4
    assert lines[-1] == "Selvtesten er bestått."
    assert (data / "userdata.sqlite3").exists()


def test_self_test_reports_a_broken_store(store_dir: Path, tmp_path: Path) -> None:
    import shutil

    broken = tmp_path / "store"
    shutil.copytree(store_dir, broken)
    for segment in (broken / "whoosh").glob("*.seg"):
        segment.write_bytes(b"\0" * 64)
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--store", str(broken), "--data-dir",
         str(tmp_path / "data"), "self-test"],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
