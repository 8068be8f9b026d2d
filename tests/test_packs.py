"""Content packs: a signed pack installs beside the store in use and can be rolled back; every
damaged, tampered, hostile or invalid pack is refused with its own sentence and leaves the
content in use byte for byte as it was."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import stat
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from index.content.fields import SLUG
from index.content.loader import load_content
from index.errors import ContentError, PackError
from index.packs import safety as packsafety
from index.packs.install import (
    PublicKey,
    current_store,
    generate_keypair,
    import_pack,
    installed_info,
    load_public_key,
    make_pack,
    rollback,
    use_builtin,
    vanished_ids,
    verify_pack,
)
from index.resources import content_dir, search_config_dir
from index.store.build import build_store
from index.store.database import DB_FILE, Store

INSTALLED = "2026.9.3"
NEW = "2026.12.1"


@dataclass(frozen=True)
class Keys:
    private: Path
    public: PublicKey


def _keys(folder: Path) -> Keys:
    public = generate_keypair(folder / "pack.pem", folder / "pack.pub")
    return Keys(folder / "pack.pem", public)


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return _keys(tmp_path_factory.mktemp("keys"))


@pytest.fixture(scope="session")
def stranger(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    """A valid key pair that Handbok does not trust."""
    return _keys(tmp_path_factory.mktemp("stranger"))


def _copy_content(target: Path) -> Path:
    shutil.copytree(content_dir(), target)
    return target


def _add_article_and_contact(content: Path) -> None:
    (content / "articles" / "nytt-fra-redaksjonen.md").write_text(
        "---\nid: nytt-fra-redaksjonen\ntitle: Nytt fra redaksjonen\npublisher: Handbok\n"
        "source: Redaksjonen\nsummary: En ny artikkel fra en innholdspakke.\n---\n\n"
        "Innledningen til den nye artikkelen.\n\n"
        "## Hva er nytt {#hva-er-nytt}\n\nInnholdet kom med en innholdspakke.\n",
        encoding="utf-8",
    )
    with (content / "contacts.yaml").open("a", encoding="utf-8") as stream:
        stream.write(
            "\n- id: ny-kontakt-fra-pakke\n  name: Ny kontakt fra pakke\n"
            "  category: organisasjon\n  audience: [voksne]\n"
            "  channels:\n    - {type: nett, value: selvhjelp.no}\n"
            "  description: En kontakt som kom med en innholdspakke.\n"
            "  source: Redaksjonen\n  verified: 2026-11-22\n"
        )


@pytest.fixture(scope="session")
def new_pack(tmp_path_factory: pytest.TempPathFactory, keys: Keys) -> Path:
    """A good pack, newer than what is installed, with one more article and contact."""
    folder = tmp_path_factory.mktemp("new-pack")
    content = _copy_content(folder / "content")
    _add_article_and_contact(content)
    out = folder / "innhold-2026.12.1.zip"
    make_pack(content, keys.private, out, version=NEW, changelog="Ny artikkel og ny kontakt.")
    return out


@pytest.fixture(scope="session")
def installed_root(tmp_path_factory: pytest.TempPathFactory, keys: Keys) -> Path:
    """A stores_root with the shipped content installed as a pack, built once."""
    folder = tmp_path_factory.mktemp("installed")
    pack = folder / "innhold-2026.9.3.zip"
    make_pack(content_dir(), keys.private, pack, version=INSTALLED, changelog="Første utgave.")
    root = folder / "stores"
    import_pack(pack, [keys.public], root, installed_version=None, search_dir=search_config_dir())
    return root


@pytest.fixture
def stores_root(tmp_path: Path, installed_root: Path) -> Path:
    root = tmp_path / "stores"
    shutil.copytree(installed_root, root)
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def entries(pack: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(pack) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def write_zip(path: Path, files: dict[str, bytes], *, symlinks: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(name)
            mode = stat.S_IFLNK | 0o777 if name in symlinks else stat.S_IFREG | 0o644
            info.external_attr = mode << 16
            zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def signed_pack(path: Path, keys: Keys, content: dict[str, bytes], **manifest: object) -> Path:
    """A pack signed with a real key, for content or manifests make_pack would refuse."""
    data = {
        "format": "handbok-innholdspakke",
        "format_version": 1,
        "version": NEW,
        "created": "2026-12-01",
        "changelog": "Laget i testen.",
        "files": [
            {"path": name, "sha256": hashlib.sha256(body).hexdigest()}
            for name, body in content.items()
        ],
        **manifest,
    }
    raw = json.dumps(data).encode()
    key = load_pem_private_key(keys.private.read_bytes(), password=None)
    assert isinstance(key, Ed25519PrivateKey)
    files = {"manifest.json": raw, "manifest.sig": key.sign(raw)}
    files.update((f"content/{name}", body) for name, body in content.items())
    return write_zip(path, files)


def content_of(pack: Path) -> dict[str, bytes]:
    return {
        name.removeprefix("content/"): body
        for name, body in entries(pack).items()
        if name.startswith("content/")
    }


# --- keys ------------------------------------------------------------------------------------


def test_key_pair_files(tmp_path: Path) -> None:
    public = generate_keypair(tmp_path / "k.pem", tmp_path / "k.pub")
    assert stat.S_IMODE((tmp_path / "k.pem").stat().st_mode) == 0o600
    assert (tmp_path / "k.pem").read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    lines = (tmp_path / "k.pub").read_text(encoding="ascii").splitlines()
    assert len(lines) == 1
    assert load_public_key(tmp_path / "k.pub") == public
    assert len(public.raw) == 32
    with pytest.raises(PackError) as caught:
        generate_keypair(tmp_path / "k.pem", tmp_path / "other.pub")
    assert caught.value.reason == "key-exists"
    (tmp_path / "bad.pub").write_text("ikke en nøkkel\n", encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_public_key(tmp_path / "bad.pub")
    assert caught.value.reason == "bad-key"


# --- the good path ---------------------------------------------------------------------------


def test_pack_holds_only_content_files_with_a_signed_manifest(new_pack: Path, keys: Keys) -> None:
    names = set(entries(new_pack))
    assert {"manifest.json", "manifest.sig", "content/contacts.yaml"} <= names
    assert "content/verified-numbers.yaml" in names
    assert "content/articles/nytt-fra-redaksjonen.md" in names
    assert all(n in ("manifest.json", "manifest.sig") or n.startswith("content/") for n in names)
    manifest = json.loads(entries(new_pack)["manifest.json"])
    assert manifest["format"] == "handbok-innholdspakke"
    assert manifest["format_version"] == 1
    assert manifest["version"] == NEW
    assert {f"content/{f['path']}" for f in manifest["files"]} == names - {
        "manifest.json",
        "manifest.sig",
    }
    info = verify_pack(new_pack, [keys.public])
    assert (info.version, info.changelog) == (NEW, "Ny artikkel og ny kontakt.")
    assert info.signed_by == keys.public.fingerprint


def test_make_pack_skips_unknown_files_and_refuses_broken_content(
    tmp_path: Path, keys: Keys
) -> None:
    content = _copy_content(tmp_path / "content")
    (content / "notater.txt").write_text("privat", encoding="utf-8")
    (content / "articles" / "utkast.txt").write_text("utkast", encoding="utf-8")
    make_pack(content, keys.private, tmp_path / "p.zip", version=NEW, changelog="")
    assert not any("notater" in n or "utkast" in n for n in entries(tmp_path / "p.zip"))
    with pytest.raises(PackError) as caught:
        make_pack(content, keys.private, tmp_path / "q.zip", version="desember", changelog="")
    assert caught.value.reason == "bad-version"
    (content / "contacts.yaml").write_text("- id: [\n", encoding="utf-8")
    with pytest.raises(ContentError):
        make_pack(content, keys.private, tmp_path / "q.zip", version=NEW, changelog="")
    assert not (tmp_path / "q.zip").exists()


def test_round_trip_import_and_rollback(stores_root: Path, new_pack: Path, keys: Keys) -> None:
    old_store = current_store(stores_root)
    assert old_store is not None
    old = snapshot(old_store)

    report = import_pack(
        new_pack,
        [keys.public],
        stores_root,
        installed_version=INSTALLED,
        search_dir=search_config_dir(),
    )
    assert current_store(stores_root) == report.store != old_store
    assert report.store.parent == stores_root
    assert report.previous_store == old_store
    assert report.previous_version == INSTALLED
    assert report.content.is_relative_to(stores_root / "packs")
    store = Store(report.store / DB_FILE)
    try:
        assert store.article("nytt-fra-redaksjonen").title == "Nytt fra redaksjonen"
        assert store.contact("ny-kontakt-fra-pakke").name == "Ny kontakt fra pakke"
    finally:
        store.close()
    info = installed_info(stores_root)
    assert info is not None
    assert (info.version, info.changelog) == (NEW, "Ny artikkel og ny kontakt.")
    assert info.previous_version == INSTALLED
    assert info.content == report.content
    assert load_content(report.content, search_config_dir())
    pointer = json.loads((stores_root / "current.json").read_text(encoding="utf-8"))
    assert pointer["store"] == report.store.name
    assert pointer["previous"]["store"] == old_store.name
    assert snapshot(old_store) == old, "the previous store is kept as it was"

    assert rollback(stores_root) == old_store
    assert current_store(stores_root) == old_store
    assert snapshot(old_store) == old
    assert not report.store.exists(), "the store rolled away from is deleted"
    info = installed_info(stores_root)
    assert info is not None and info.version == INSTALLED
    with pytest.raises(PackError) as caught:
        rollback(stores_root)
    assert caught.value.reason == "nothing-to-roll-back"
    assert current_store(stores_root) == old_store


def test_only_current_and_previous_stores_are_kept(
    stores_root: Path, new_pack: Path, keys: Keys, tmp_path: Path
) -> None:
    first = current_store(stores_root)
    assert first is not None
    second = import_pack(
        new_pack, [keys.public], stores_root, installed_version=INSTALLED,
        search_dir=search_config_dir(),
    )  # fmt: skip
    newer = tmp_path / "newer.zip"
    make_pack(content_dir(), keys.private, newer, version="2027.1.1", changelog="Enda nyere.")
    third = import_pack(
        newer, [keys.public], stores_root, installed_version=NEW, search_dir=search_config_dir()
    )
    assert current_store(stores_root) == third.store
    assert third.previous_store == second.store
    assert not first.exists()
    stores = sorted(p.name for p in stores_root.glob("store-*"))
    assert stores == sorted([second.store.name, third.store.name])
    assert sorted(p.name for p in (stores_root / "packs").iterdir()) == sorted(
        [second.content.parent.name, third.content.parent.name]
    )
    # What the pack removed compared with the store before it.
    assert vanished_ids(second.store, third.store) == [
        "ny-kontakt-fra-pakke",
        "nytt-fra-redaksjonen",
        "nytt-fra-redaksjonen#hva-er-nytt",
        "nytt-fra-redaksjonen#innledning",
    ]


def test_older_or_equal_version_is_refused_unless_forced(
    stores_root: Path, keys: Keys, tmp_path: Path
) -> None:
    before = snapshot(stores_root)
    for version in ("2026.9.2", INSTALLED, "2026.9.3.0", "2026.1.10"):
        older = tmp_path / f"{version}.zip"
        make_pack(content_dir(), keys.private, older, version=version, changelog="")
        with pytest.raises(PackError) as caught:
            import_pack(
                older, [keys.public], stores_root, installed_version=INSTALLED,
                search_dir=search_config_dir(),
            )  # fmt: skip
        assert caught.value.reason == "not-newer"
        assert version in str(caught.value) and INSTALLED in str(caught.value)
        assert snapshot(stores_root) == before
    report = import_pack(
        tmp_path / "2026.9.2.zip", [keys.public], stores_root, installed_version=INSTALLED,
        force=True, search_dir=search_config_dir(),
    )  # fmt: skip
    assert current_store(stores_root) == report.store
    assert installed_info(stores_root).version == "2026.9.2"  # type: ignore[union-attr]


def test_versions_compare_part_by_part(stores_root: Path, keys: Keys, tmp_path: Path) -> None:
    pack = tmp_path / "p.zip"
    make_pack(content_dir(), keys.private, pack, version="2026.12.1", changelog="")
    report = import_pack(
        pack, [keys.public], stores_root, installed_version="2026.9.30",
        search_dir=search_config_dir(),
    )  # fmt: skip
    assert current_store(stores_root) == report.store


# --- bad packs -------------------------------------------------------------------------------

BadPack = Callable[[Path, Path, Keys, Keys], Path]


def _rewrite(change: Callable[[dict[str, bytes]], object]) -> BadPack:
    def make(good: Path, folder: Path, keys: Keys, stranger: Keys) -> Path:
        files = entries(good)
        change(files)
        return write_zip(folder / "bad.zip", files)

    return make


def _with(name: str, data: bytes, *, symlink: bool = False) -> BadPack:
    def make(good: Path, folder: Path, keys: Keys, stranger: Keys) -> Path:
        files = {**entries(good), name: data}
        return write_zip(folder / "bad.zip", files, symlinks=(name,) if symlink else ())

    return make


def _not_a_zip(good: Path, folder: Path, keys: Keys, stranger: Keys) -> Path:
    path = folder / "innhold.zip"
    path.write_text("Dette er et brev, ikke en innholdspakke.\n", encoding="utf-8")
    return path


def _truncated(good: Path, folder: Path, keys: Keys, stranger: Keys) -> Path:
    path = folder / "bad.zip"
    path.write_bytes(good.read_bytes()[:-200])
    return path


def _corrupted(good: Path, folder: Path, keys: Keys, stranger: Keys) -> Path:
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zf:
        info = zf.getinfo("content/contacts.yaml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 20, start + 60):
        data[offset] ^= 0x55
    path = folder / "bad.zip"
    path.write_bytes(bytes(data))
    return path


def _wrong_key(good: Path, folder: Path, keys: Keys, stranger: Keys) -> Path:
    return signed_pack(folder / "bad.zip", stranger, content_of(good))


def _tampered_manifest(files: dict[str, bytes]) -> None:
    manifest = json.loads(files["manifest.json"])
    manifest["changelog"] = "Endret av noen andre."
    files["manifest.json"] = json.dumps(manifest).encode()


def _changed_file(files: dict[str, bytes]) -> None:
    files["content/contacts.yaml"] += b"\n# endret etter signering\n"


def _signed(change: Callable[[dict[str, bytes]], None], **manifest: object) -> BadPack:
    def make(good: Path, folder: Path, keys: Keys, stranger: Keys) -> Path:
        content = content_of(good)
        change(content)
        return signed_pack(folder / "bad.zip", keys, content, **manifest)

    return make


def _unverified_number(content: dict[str, bytes]) -> None:
    text = content["contacts.yaml"].decode()
    assert '"22 40 00 40"' in text
    content["contacts.yaml"] = text.replace('"22 40 00 40"', '"22 99 99 99"', 1).encode()


def _bomb_files(good: Path, folder: Path, count: int, size: int) -> Path:
    files = entries(good)
    for n in range(count):
        files[f"content/articles/bombe-{n}.md"] = b"\0" * size
    return write_zip(folder / "bad.zip", files)


def _lying_header(good: Path, folder: Path, keys: Keys, stranger: Keys) -> Path:
    """Says 4 kB uncompressed, holds 5 MB: the declared sizes pass, the real bytes do not."""
    files = entries(good)
    files["content/articles/bombe.md"] = b"\0" * (5 * 1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    raw = bytearray(buffer.getvalue())
    end = raw.rindex(b"PK\x05\x06")
    central = struct.unpack_from("<I", raw, end + 16)[0]  # where the central directory starts
    while True:
        name_length = struct.unpack_from("<H", raw, central + 28)[0]
        if raw[central + 46 : central + 46 + name_length] == b"content/articles/bombe.md":
            struct.pack_into("<I", raw, central + 24, 4096)
            break
        extra, comment = struct.unpack_from("<HH", raw, central + 30)
        central += 46 + name_length + extra + comment
    path = folder / "bad.zip"
    path.write_bytes(bytes(raw))
    return path


def _many_entries(good: Path, folder: Path, keys: Keys, stranger: Keys) -> Path:
    return _bomb_files(good, folder, 2001, 1)


BAD_PACKS: dict[str, tuple[BadPack, str]] = {
    "not a zip": (_not_a_zip, "not-zip"),
    "cut short": (_truncated, "damaged"),
    "damaged entry": (_corrupted, "damaged"),
    "many entries": (_many_entries, "too-many-files"),
    "too big in all": (lambda g, f, k, s: _bomb_files(g, f, 6, 9 * 1024 * 1024), "too-big"),
    "one file too big": (lambda g, f, k, s: _bomb_files(g, f, 1, 11 * 1024 * 1024), "file-too-big"),
    "compression bomb": (lambda g, f, k, s: _bomb_files(g, f, 1, 5 * 1024 * 1024), "ratio"),
    "lying header": (_lying_header, "lying-size"),
    "parent folder": (_with("../evil.md", b"x"), "unsafe-path"),
    "parent inside": (_with("content/articles/../../evil.md", b"x"), "unsafe-path"),
    "absolute path": (_with("/tmp/evil.md", b"x"), "unsafe-path"),
    "backslash": (_with("content\\..\\..\\evil.md", b"x"), "unsafe-path"),
    "drive letter": (_with("C:/evil.md", b"x"), "unsafe-path"),
    "long name": (_with("content/articles/" + "a" * 150 + ".md", b"x"), "long-name"),
    "symlink": (_with("content/articles/lenke.md", b"../../etc/passwd", symlink=True), "symlink"),
    "duplicate": (_with("content/Contacts.yaml", b"x"), "duplicate"),
    "no manifest": (_rewrite(lambda f: f.pop("manifest.json")), "no-manifest"),
    "no signature": (_rewrite(lambda f: f.pop("manifest.sig")), "no-signature"),
    "wrong key": (_wrong_key, "bad-signature"),
    "tampered manifest": (_rewrite(_tampered_manifest), "bad-signature"),
    "other format": (_signed(lambda c: None, format="zip"), "unknown-format"),
    "newer format": (_signed(lambda c: None, format_version=2), "unknown-format"),
    "no version": (_signed(lambda c: None, version="neste"), "bad-manifest"),
    "no files list": (_signed(lambda c: None, files="alt"), "bad-manifest"),
    "unknown file kind": (_signed(lambda c: c.update({"skript.py": b"x"})), "bad-manifest"),
    "changed file": (_rewrite(_changed_file), "changed-file"),
    "extra file": (_with("content/articles/ekstra.md", b"x"), "unlisted-file"),
    "missing file": (_rewrite(lambda f: f.pop("content/contacts.yaml")), "missing-file"),
    "invalid content": (_signed(_unverified_number), "invalid-content"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(BAD_PACKS))
def test_bad_pack_is_refused_and_changes_nothing(
    case: str, stores_root: Path, new_pack: Path, keys: Keys, stranger: Keys, tmp_path: Path
) -> None:
    make, reason = BAD_PACKS[case]
    bad = make(new_pack, tmp_path, keys, stranger)
    before = snapshot(stores_root)
    if reason == "invalid-content":
        # Signed and whole: only the content rules, checked on import, find the fault.
        assert verify_pack(bad, [keys.public]).version == NEW
    else:
        with pytest.raises(PackError) as verified:
            verify_pack(bad, [keys.public])
        assert verified.value.reason == reason
    with pytest.raises(PackError) as caught:
        import_pack(
            bad, [keys.public], stores_root, installed_version=INSTALLED,
            search_dir=search_config_dir(),
        )  # fmt: skip
    assert caught.value.reason == reason
    assert snapshot(stores_root) == before, "the content in use is byte for byte unchanged"
    assert not (tmp_path / "evil.md").exists()
    message = str(caught.value)
    if reason == "invalid-content":
        assert "22 99 99 99" in message and "verified-numbers.yaml" in message
    else:
        assert "\n" not in message and message.endswith(".") and message[0].isupper()


def test_every_refusal_has_its_own_sentence(
    stores_root: Path, new_pack: Path, keys: Keys, stranger: Keys, tmp_path: Path
) -> None:
    templates: dict[str, str] = {}
    for case, (make, reason) in BAD_PACKS.items():
        folder = tmp_path / re.sub(r"\W", "-", case)
        folder.mkdir()
        if reason == "invalid-content":
            continue
        with pytest.raises(PackError) as caught:
            verify_pack(make(new_pack, folder, keys, stranger), [keys.public])
        templates.setdefault(caught.value.reason, caught.value.template)
    assert len(set(templates.values())) == len(templates)


def test_a_pack_that_is_not_there(tmp_path: Path, keys: Keys) -> None:
    with pytest.raises(PackError) as caught:
        verify_pack(tmp_path / "finnes-ikke.zip", [keys.public])
    assert caught.value.reason == "unreadable"


def test_no_trusted_key_trusts_nothing(new_pack: Path) -> None:
    with pytest.raises(PackError) as caught:
        verify_pack(new_pack, [])
    assert caught.value.reason == "bad-signature"


# --- the pointer -----------------------------------------------------------------------------


def test_no_or_broken_pointer_means_no_installed_store(stores_root: Path, tmp_path: Path) -> None:
    assert current_store(tmp_path / "tom") is None
    assert installed_info(tmp_path / "tom") is None
    pointer = stores_root / "current.json"
    for broken in ("{", "[]", '{"store": "../stores"}', '{"store": "store-9-9"}', "[" * 100_000):
        pointer.write_text(broken, encoding="utf-8")
        assert current_store(stores_root) is None
        assert installed_info(stores_root) is None


def test_a_doctored_pointer_never_reaches_outside(stores_root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "store-1-1"
    outside.mkdir()
    (outside / DB_FILE).write_bytes(b"")
    pointer = json.loads((stores_root / "current.json").read_text(encoding="utf-8"))
    pointer["previous"] = {"store": "../store-1-1", "content": "../../x/content"}
    (stores_root / "current.json").write_text(json.dumps(pointer), encoding="utf-8")
    with pytest.raises(PackError) as caught:
        rollback(stores_root)
    assert caught.value.reason == "previous-missing"
    use_builtin(stores_root)
    assert current_store(stores_root) is None
    assert (outside / DB_FILE).exists()


def test_use_builtin_forgets_the_packs(stores_root: Path) -> None:
    store = current_store(stores_root)
    assert store is not None
    use_builtin(stores_root)
    assert current_store(stores_root) is None
    assert not store.exists()


# --- vanished ids ----------------------------------------------------------------------------


def test_vanished_ids_lists_a_removed_section(store_dir: Path, tmp_path: Path) -> None:
    content = _copy_content(tmp_path / "content")
    everything = "\n".join(
        p.read_text(encoding="utf-8") for p in content.rglob("*") if p.suffix in (".md", ".yaml")
    )
    article = content / "articles" / "hva-er-selvhjelp.md"
    lines = article.read_text(encoding="utf-8").splitlines()
    anchors = {n: m[1] for n, line in enumerate(lines) if (m := re.search(r"^## .*{#(.*)}", line))}
    # The last section nothing links to, so the content stays valid without it.
    start, anchor = next(
        (n, a) for n, a in reversed(anchors.items()) if f"hva-er-selvhjelp#{a}" not in everything
    )
    end = next((n for n in anchors if n > start), len(lines))
    article.write_text("\n".join(lines[:start] + lines[end:]) + "\n", encoding="utf-8")
    new_store = tmp_path / "store"
    build_store(content, search_config_dir(), new_store)
    assert vanished_ids(store_dir, new_store) == [f"hva-er-selvhjelp#{anchor}"]
    assert vanished_ids(new_store, store_dir) == []


# --- the module itself -----------------------------------------------------------------------


def test_pack_file_names_follow_the_content_id_rule() -> None:
    assert SLUG.pattern.strip("^$") == packsafety._SLUG


def test_reading_the_pointer_loads_no_search_engine() -> None:
    """paths.store_dir may ask current_store() at start-up, before the window is shown."""
    code = (
        "import sys, index.packs.pointer; "
        "print(sorted(m for m in ('whoosh', 'yaml', 'cryptography') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
