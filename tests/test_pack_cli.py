"""Content updates through the command line, as an editor and IT would do them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest


def handbok(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        check=False,
        env=env,
    )


def test_make_verify_import_search_and_roll_back(
    content_copy: Path, tmp_path: Path, store_dir: Path
) -> None:
    env = dict(os.environ, HANDBOK_PACKS_DIR=str(tmp_path / "packs"),
               HANDBOK_DATA_DIR=str(tmp_path / "data"))  # fmt: skip
    env.pop("HANDBOK_STORE", None)
    env["HANDBOK_BUILTIN_STORE"] = str(store_dir)  # the repository's .store may not exist
    private, public = tmp_path / "editor.pem", tmp_path / "editor.pub"
    assert handbok("pack", "keygen", str(private), str(public), env=env).returncode == 0
    env["HANDBOK_PACK_KEY"] = str(public)

    # The editor adds an article and removes a section, then signs a pack.
    (content_copy / "articles" / "nytt-om-likepersoner.md").write_text(
        "---\nid: nytt-om-likepersoner\ntitle: Nytt om likepersoner\npublisher: Selvhjelp Norge\n"
        "source: Testtekst\nsummary: Kort.\n---\n\nLikepersonsarbeid i kommunen.\n",
        encoding="utf-8",
    )
    article = content_copy / "articles" / "hva-er-selvhjelp.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.split("\n## Selvhjelp i arbeidet")[0] + "\n", encoding="utf-8")
    pack = tmp_path / "innhold-2026.12.1.zip"
    made = handbok("pack", "make", str(content_copy), "--key", str(private), "--out", str(pack),
                   "--version", "2026.12.1", "--changelog", "Ny artikkel.", env=env)  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "2026.12.1" in handbok("pack", "verify", str(pack), env=env).stdout

    imported = handbok("pack", "import", str(pack), env=env)
    assert imported.returncode == 0, imported.stderr
    assert "hva-er-selvhjelp#arbeid-og-psykisk-helse" in imported.stdout  # vanished, listed
    found = handbok("search", "likepersonsarbeid", "--json", env=env)
    assert '"nytt-om-likepersoner#innledning"' in found.stdout
    assert "innholdspakke 2026.12.1" in handbok("pack", "status", env=env).stdout

    # A tampered pack is refused in one sentence; the content in use stays.
    tampered = tmp_path / "tuklet.zip"
    with zipfile.ZipFile(pack) as source, zipfile.ZipFile(tampered, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith("contacts.yaml"):
                data = data.replace(b"22 40 00 40", b"22 40 00 41")
            target.writestr(item, data)
    refused = handbok("pack", "import", str(tampered), env=env)
    assert refused.returncode == 2
    assert len(refused.stderr.strip().splitlines()) == 1 and "Traceback" not in refused.stderr
    assert (
        '"nytt-om-likepersoner#innledning"'
        in handbok("search", "likepersonsarbeid", "--json", env=env).stdout
    )

    # An older or equal version needs --force.
    again = handbok("pack", "import", str(pack), env=env)
    assert again.returncode == 2

    # Roll back: the built-in content again, the new article gone, the old section back.
    rolled = handbok("pack", "rollback", env=env)
    assert rolled.returncode == 0, rolled.stderr
    assert "levert med" in handbok("pack", "status", env=env).stdout
    assert (
        "nytt-om-likepersoner"
        not in handbok("search", "likepersonsarbeid", "--json", env=env).stdout
    )
    assert handbok("show", "hva-er-selvhjelp#arbeid-og-psykisk-helse", env=env).returncode == 0


def test_no_trusted_key_is_a_sentence(tmp_path: Path) -> None:
    env = dict(os.environ, HANDBOK_PACK_KEY=str(tmp_path / "mangler.pub"))
    result = handbok("pack", "verify", str(tmp_path / "x.zip"), env=env)
    assert result.returncode == 2
    assert "ingen nøkkel for innholdspakker" in result.stderr


def test_bookmarks_resolve_through_switch_and_rollback(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store_dir: Path
) -> None:
    from index import paths
    from index.handbook import open_handbook
    from index.packs import install as packs
    from index.resources import search_config_dir
    from index.userdata.store import UserData

    monkeypatch.setenv("HANDBOK_PACKS_DIR", str(tmp_path / "packs"))
    monkeypatch.delenv("HANDBOK_STORE", raising=False)
    monkeypatch.setenv("HANDBOK_BUILTIN_STORE", str(store_dir))
    kept, removed = (
        "samarbeid-om-selvorganisert-selvhjelp#frisklivssentralene",
        "hva-er-selvhjelp#arbeid-og-psykisk-helse",
    )
    with UserData.open(tmp_path / "data") as data:
        data.bookmarks.add(kept, "article", "Frisklivssentralene")
        data.bookmarks.add(removed, "article", "Arbeid og psykisk helse")
    article = content_copy / "articles" / "hva-er-selvhjelp.md"
    article.write_text(
        article.read_text("utf-8").split("\n## Selvhjelp i arbeidet")[0] + "\n", "utf-8"
    )
    key = packs.generate_keypair(tmp_path / "k.pem", tmp_path / "k.pub")
    pack = tmp_path / "p.zip"
    packs.make_pack(content_copy, tmp_path / "k.pem", pack, version="2027.1", changelog="")
    builtin = paths.store_dir()
    report = packs.import_pack(pack, [key], paths.packs_root(), installed_version=None,
                               search_dir=search_config_dir())  # fmt: skip

    def resolves(target: str) -> bool:
        book = open_handbook(paths.store_dir())
        try:
            return book.store.kind_of(target) is not None
        finally:
            book.close()

    assert paths.store_dir() == report.store
    assert resolves(kept) and not resolves(removed)
    assert removed in packs.vanished_ids(builtin, report.store)
    with UserData.open(tmp_path / "data") as data:  # the bookmark is kept, shown as gone
        assert {b.target for b in data.bookmarks.list()} == {kept, removed}
    packs.use_builtin(paths.packs_root())
    assert paths.store_dir() == builtin
    assert resolves(kept) and resolves(removed)
