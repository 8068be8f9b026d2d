"""Content packs: signed updates of the content folder that staff can install offline.

An editor makes a pack (a zip with ``manifest.json``, ``manifest.sig`` and ``content/``) with
the project's private key; the program installs it only if a trusted public key signed it,
every file matches the manifest (index/packs/safety.py checks all that) and the content passes
the same validation as a build. Each install gets its own store beside the old one;
``current.json`` in ``stores_root`` names the store in use and the one before it and is
replaced atomically, so a failure at any step leaves the content in use as it was.

    stores_root/current.json                  the pointer (see import_pack)
    stores_root/packs/<version>-<time>/content   an installed pack's content, unpacked
    stores_root/store-<version>-<time>/        the store built from it
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import stat
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from index.errors import ContentError, PackError
from index.i18n import QT_TRANSLATE_NOOP
from index.packs.pointer import (
    CONTENT_NAME,
    POINTER,
    STORE_NAME,
    current_store,
    is_name,
    read_pointer,
    store_of,
    write_pointer,
)
from index.packs.safety import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    SIGNATURE,
    VERSION,
    PackInfo,
    PublicKey,
    verified,
)
from index.store.database import DB_FILE, Store

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

__all__ = [
    "InstalledInfo",
    "PackError",
    "PackImport",
    "PackInfo",
    "PublicKey",
    "current_store",
    "generate_keypair",
    "import_pack",
    "installed_info",
    "load_public_key",
    "make_pack",
    "rollback",
    "shipped_version",
    "use_builtin",
    "vanished_ids",
    "verify_pack",
    "version_in_use",
]

T = TypeVar("T")


@dataclass(frozen=True)
class PackImport:
    info: PackInfo
    store: Path
    content: Path
    previous_store: Path | None
    previous_version: str | None


@dataclass(frozen=True)
class InstalledInfo:
    version: str
    changelog: str
    created: date | None
    installed: datetime | None
    store: Path
    content: Path | None  # the pack's content, to rebuild the store after a program update
    previous_version: str | None


# --- keys ------------------------------------------------------------------------------------


def generate_keypair(private_path: Path, public_path: Path) -> PublicKey:
    """A new key pair: the private key as PEM (mode 0600), the public key as one line of
    base64. Existing files are never overwritten: a lost private key cannot be recovered."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    for path in (private_path, public_path):
        if path.exists():
            raise PackError(
                "key-exists",
                QT_TRANSLATE_NOOP(
                    "Handbok", "Nøkkelfilen {file} finnes fra før og blir ikke overskrevet."
                ),
                file=path,
            )
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    try:
        _write_new(private_path, pem, 0o600)
        try:
            _write_new(public_path, base64.b64encode(raw) + b"\n", 0o644)
        except OSError:
            private_path.unlink()
            raise
    except OSError as error:
        raise _write_failed(private_path.parent, error) from error
    return PublicKey(raw)


def load_public_key(path: Path) -> PublicKey:
    try:
        raw = base64.b64decode(path.read_text(encoding="ascii").strip(), validate=True)
    except (OSError, ValueError) as error:
        raise _bad_key(path) from error
    if len(raw) != 32:
        raise _bad_key(path)
    return PublicKey(raw)


def _load_private_key(path: Path) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    try:
        key = load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as error:
        raise _bad_key(path) from error
    if not isinstance(key, Ed25519PrivateKey):
        raise _bad_key(path)
    return key


def _bad_key(path: Path) -> PackError:
    return PackError(
        "bad-key",
        QT_TRANSLATE_NOOP(
            "Handbok", "Nøkkelfilen {file} er ikke en gyldig nøkkel for innholdspakker."
        ),
        file=path,
    )


# --- making and checking a pack ---------------------------------------------------------------


def make_pack(
    content_dir: Path, private_key_path: Path, out_path: Path, *, version: str, changelog: str
) -> PackInfo:
    """Sign the content folder into a pack. Broken content raises ContentError, as a build
    does: a pack is never made from content the program would refuse."""
    from index.content.loader import content_files, load_content

    if not VERSION.fullmatch(version):
        raise PackError(
            "bad-version",
            QT_TRANSLATE_NOOP(
                "Handbok", "Versjonen «{version}» er ugyldig; skriv den som 2026.12.1."
            ),
            version=version,
        )
    key = _load_private_key(private_key_path)
    load_content(content_dir)
    readme = content_dir / "README.md"
    paths = [*content_files(content_dir), *([readme] if readme.is_file() else [])]
    files = {p.relative_to(content_dir).as_posix(): p.read_bytes() for p in paths}
    created = date.today()
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "version": version,
        "created": created.isoformat(),
        "changelog": changelog,
        "files": [
            {"path": name, "sha256": hashlib.sha256(data).hexdigest()}
            for name, data in sorted(files.items())
        ],
    }
    data = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    stamp = (created.year, created.month, created.day, 0, 0, 0)
    entries = {MANIFEST: data, SIGNATURE: key.sign(data)}
    entries.update((f"content/{name}", body) for name, body in sorted(files.items()))
    work = out_path.with_name(f".{out_path.name}.{os.getpid()}.tmp")
    try:
        with zipfile.ZipFile(work, "w") as zf:
            for name, body in entries.items():
                entry = zipfile.ZipInfo(name, date_time=stamp)
                entry.external_attr = (stat.S_IFREG | 0o644) << 16
                zf.writestr(entry, body, compress_type=zipfile.ZIP_DEFLATED)
        # The program's own checks, so an editor learns of a problem before staff do.
        raw = key.public_key().public_bytes_raw()
        info = verified(work, [PublicKey(raw)])[0]
        os.replace(work, out_path)
    except OSError as error:
        raise _write_failed(out_path.parent, error) from error
    finally:
        work.unlink(missing_ok=True)
    return info


def verify_pack(pack_path: Path, trusted_keys: Sequence[PublicKey]) -> PackInfo:
    """Check a pack's zip, signature and files without installing it; PackError says what is
    wrong. The content rules themselves are checked by import_pack (and by make_pack)."""
    return verified(pack_path, trusted_keys)[0]


# --- installing, the pointer and rollback -----------------------------------------------------


def import_pack(
    pack_path: Path,
    trusted_keys: Sequence[PublicKey],
    stores_root: Path,
    *,
    installed_version: str | None,
    force: bool = False,
    search_dir: Path,
) -> PackImport:
    """Verify, unpack, validate and build the pack beside the store in use, then switch to
    it. Until the pointer is replaced nothing the program uses has changed.

    ``installed_version`` is the content version in use (installed_info's, or the shipped
    content's); a pack that is not newer is refused unless ``force``. None: no check.
    ``current.json`` then holds {"store", "content", "version", "created", "installed",
    "changelog", "signed_by", "previous"}, where "previous" is the pointer before (with no
    "previous" of its own) or null; the store before that is deleted.
    """
    from index.store.build import build_store  # Whoosh and the content model: only when installing

    info, files = verified(pack_path, trusted_keys)
    if installed_version and not force and _newer(installed_version, info.version) is False:
        raise PackError(
            "not-newer",
            QT_TRANSLATE_NOOP(
                "Handbok",
                "Innholdspakken har versjon {version}, som ikke er nyere enn innholdet du har "
                "({installed}).",
            ),
            version=info.version,
            installed=installed_version,
        )
    old = read_pointer(stores_root)
    if store_of(stores_root, old) is None:
        old = None  # a broken pointer is not worth going back to
    unpacked, store_name = _reserve(stores_root, info.version)
    content = unpacked / "content"
    store = stores_root / store_name
    try:
        for name, body in files.items():
            target = content.joinpath(*name.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("xb") as stream:
                stream.write(body)
        build_store(content, search_dir, store)
        pointer = {
            "store": store_name,
            "content": content.relative_to(stores_root).as_posix(),
            "version": info.version,
            "created": info.created.isoformat(),
            "installed": datetime.now().isoformat(timespec="seconds"),
            "changelog": info.changelog,
            "signed_by": info.signed_by,
            "previous": None if old is None else {**old, "previous": None},
        }
        write_pointer(stores_root, pointer)
    except BaseException as error:
        _remove(unpacked, store)
        if isinstance(error, ContentError):
            lines = error.message().splitlines()
            raise PackError(
                "invalid-content",
                QT_TRANSLATE_NOOP(
                    "Handbok", "Innholdet i pakken har feil og blir ikke tatt i bruk:\n{problems}"
                ),
                problems="\n".join(lines[:5] + (["…"] if len(lines) > 5 else [])),
            ) from error
        if isinstance(error, OSError):
            raise _write_failed(stores_root, error) from error
        raise
    if old is not None and isinstance(old.get("previous"), dict):
        _discard(stores_root, old["previous"], keep=old)  # beyond current and previous
    return PackImport(
        info=info,
        store=store,
        content=content,
        previous_store=store_of(stores_root, old),
        previous_version=None if old is None else str(old.get("version", "")),
    )


def shipped_version() -> str | None:
    """The version of the content the program was delivered with (resources/content/VERSION),
    or None if that file cannot be read."""
    from index.resources import content_dir

    try:
        written = (content_dir() / "VERSION").read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return written if VERSION.fullmatch(written) else None


def version_in_use(stores_root: Path) -> str | None:
    """The content version a pack must be newer than: the installed pack's, or, with none
    installed, the shipped content's (a pack older than what came with the program is as old
    as one older than the last pack)."""
    installed = installed_info(stores_root)
    return installed.version if installed is not None else shipped_version()


def installed_info(stores_root: Path) -> InstalledInfo | None:
    pointer = read_pointer(stores_root)
    store = store_of(stores_root, pointer)
    if pointer is None or store is None:
        return None
    content = pointer.get("content")
    previous = pointer.get("previous")
    return InstalledInfo(
        version=str(pointer.get("version", "")),
        changelog=str(pointer.get("changelog", "")),
        created=_parse(date.fromisoformat, pointer.get("created")),
        installed=_parse(datetime.fromisoformat, pointer.get("installed")),
        store=store,
        content=stores_root / str(content) if is_name(CONTENT_NAME, content) else None,
        previous_version=str(previous.get("version")) if isinstance(previous, dict) else None,
    )


def rollback(stores_root: Path) -> Path:
    """Go back to the store in use before the last import; the one left is deleted."""
    pointer = read_pointer(stores_root)
    previous = pointer.get("previous") if pointer else None
    if pointer is None or not isinstance(previous, dict):
        raise PackError(
            "nothing-to-roll-back",
            QT_TRANSLATE_NOOP("Handbok", "Det finnes ikke noe tidligere innhold å gå tilbake til."),
        )
    store = store_of(stores_root, previous)
    if store is None:
        raise PackError(
            "previous-missing",
            QT_TRANSLATE_NOOP(
                "Handbok",
                "Det tidligere innholdet finnes ikke lenger og kan ikke tas i bruk igjen.",
            ),
        )
    try:
        write_pointer(stores_root, {**previous, "previous": None})
    except OSError as error:
        raise _write_failed(stores_root, error) from error
    _discard(stores_root, pointer, keep=previous)
    return store


def use_builtin(stores_root: Path) -> None:
    """Forget every installed pack: the program goes back to the content it was shipped with."""
    pointer = read_pointer(stores_root)
    try:
        (stores_root / POINTER).unlink(missing_ok=True)
    except OSError as error:
        raise _write_failed(stores_root, error) from error
    for item in (pointer, pointer.get("previous") if pointer else None):
        if isinstance(item, dict):
            _discard(stores_root, item, keep={})


def vanished_ids(old_store_dir: Path, new_store_dir: Path) -> list[str]:
    """Ids in the old store that the new one no longer has (articles, sections, contacts,
    checklists, checklist items), so the program can tell which bookmarks lost their target."""
    return sorted(_ids(old_store_dir) - _ids(new_store_dir))


def _ids(store_dir: Path) -> set[str]:
    store = Store(store_dir / DB_FILE)
    try:
        tables = ("articles", "sections", "contacts", "checklists", "checklist_items")
        return {row[0] for t in tables for row in store.conn.execute(f"SELECT id FROM {t}")}
    finally:
        store.close()


def _newer(installed: str, candidate: str) -> bool | None:
    """Whether ``candidate`` is a newer version, part by part as numbers ("2026.12.1" is newer
    than "2026.9.3"); None if the installed version cannot be read."""
    if not VERSION.fullmatch(installed):
        return None
    old, new = ([int(p) for p in v.split(".")] for v in (installed, candidate))
    width = max(len(old), len(new))
    return new + [0] * (width - len(new)) > old + [0] * (width - len(old))


def _reserve(stores_root: Path, version: str) -> tuple[Path, str]:
    """A fresh folder for the unpacked content, and a store name nobody uses yet."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for attempt in range(1000):
        name = f"{version}-{stamp}" + (f"-{attempt}" if attempt else "")
        folder = stores_root / "packs" / name
        if (stores_root / f"store-{name}").exists():
            continue
        try:
            folder.mkdir(parents=True)
        except FileExistsError:
            continue
        except OSError as error:
            raise _write_failed(stores_root, error) from error
        return folder, f"store-{name}"
    raise _write_failed(stores_root, FileExistsError(str(stores_root / "packs")))


def _discard(stores_root: Path, pointer: dict[str, Any], *, keep: dict[str, Any]) -> None:
    """Delete one pointer's store and unpacked content, unless ``keep`` uses the same store;
    best effort, as Windows does not delete files a running program has open."""
    store, content = pointer.get("store"), pointer.get("content")
    if store == keep.get("store"):
        return
    if is_name(STORE_NAME, store):
        _remove(stores_root / str(store))
    if is_name(CONTENT_NAME, content):
        _remove((stores_root / str(content)).parent)


def _remove(*folders: Path) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def _parse(parse: Callable[[str], T], value: object) -> T | None:
    try:
        return parse(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _write_new(path: Path, data: bytes, mode: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(fd, "wb") as stream:
        stream.write(data)
    os.chmod(path, mode)


def _write_failed(folder: Path, error: OSError) -> PackError:
    return PackError(
        "write-failed",
        QT_TRANSLATE_NOOP("Handbok", "Kunne ikke lagre innholdet i {folder}: {reason}."),
        folder=folder,
        reason=error.strerror or str(error),
    )
