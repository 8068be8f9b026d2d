"""Whether a content pack can be trusted: its zip, its signature and its manifest.

The zip is read into memory without trusting anything it says about itself.

A pack comes from outside (a USB stick, an e-mail), so before its signature is even looked at
the zip is checked against hard limits: the number of entries, the declared sizes and
compression ratios, and then the real bytes, read with a cap so a header that lies about its
sizes gets no further than a header that tells the truth. Names that could land outside the
content folder (absolute paths, ``..``, backslashes, drive letters) and symbolic links are
refused. Only then are the signature over ``manifest.json`` and the manifest itself checked,
and every file against it. Nothing is written to disk here.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import stat
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from index.errors import PackError
from index.i18n import QT_TRANSLATE_NOOP

MAX_TOTAL = 50 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_FILE = 10 * 1024 * 1024
MAX_RATIO = 100
# A name in the pack, in characters. The content's own names are under 70; with the user's
# data folder in front (~90 on Windows) a longer one would run past Windows' 260-character
# paths, and fail at unpacking with a sentence that blames the disk.
MAX_NAME = 160
_CHUNK = 64 * 1024
_MB = 1024 * 1024

FORMAT = "handbok-innholdspakke"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
# [0-9], not \d, which also takes other scripts' digits ("２０２６"): the version names the
# store's folder, and pointer.STORE_NAME only takes 0-9 there.
VERSION = re.compile(r"^[0-9]{1,9}(?:\.[0-9]{1,9}){0,5}$")
_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"  # content.fields.SLUG; not imported, to keep this light
# The only files a pack may carry: what the content format knows (resources/content/README.md).
_LAYOUT = re.compile(
    rf"^(?:articles/{_SLUG}\.md|(?:checklists|handouts)/{_SLUG}\.yaml"
    r"|contacts\.yaml|verified-numbers\.yaml|README\.md)$"
)


def read_pack(path: Path) -> dict[str, bytes]:
    """Every file in the pack by its name in the zip, after the zip, size and name checks."""
    zf = _open(path)
    with zf:
        infos = zf.infolist()
        _check_declared(infos)
        files: dict[str, bytes] = {}
        budget = MAX_TOTAL
        for info in infos:
            data = _read_capped(zf, info, budget, path)
            budget -= len(data)
            if not info.is_dir():
                files[info.filename] = data
        _check_names(infos)
        return files


def _open(path: Path) -> zipfile.ZipFile:
    try:
        with path.open("rb") as stream:
            head = stream.read(4)
        if not zipfile.is_zipfile(path):
            if head == b"PK\x03\x04":  # starts like a zip but has no end: cut short
                raise _damaged(path)
            raise PackError(
                "not-zip",
                QT_TRANSLATE_NOOP(
                    "Handbok",
                    "Filen {file} er ikke en innholdspakke for Handbok (ikke en zip-fil).",
                ),
                file=path.name,
            )
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise _damaged(path) from error
    except NotImplementedError as error:  # a "version needed to extract" zipfile cannot read
        raise _damaged(path) from error
    except OSError as error:
        raise PackError(
            "unreadable",
            QT_TRANSLATE_NOOP("Handbok", "Kunne ikke lese innholdspakken {file}: {reason}."),
            file=path.name,
            reason=error.strerror or str(error),
        ) from error


def _damaged(path: Path) -> PackError:
    return PackError(
        "damaged",
        QT_TRANSLATE_NOOP("Handbok", "Innholdspakken {file} er skadet og kan ikke leses."),
        file=path.name,
    )


def _check_declared(infos: list[zipfile.ZipInfo]) -> None:
    """The limits, from what the zip says about itself: cheap, and before any decompression."""
    if len(infos) > MAX_ENTRIES:
        raise PackError(
            "too-many-files",
            QT_TRANSLATE_NOOP(
                "Handbok", "Innholdspakken har for mange filer ({count}; høyst {limit} er lov)."
            ),
            count=len(infos),
            limit=MAX_ENTRIES,
        )
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL:
        raise _too_big(total)
    for info in infos:
        if info.file_size > MAX_FILE:
            raise PackError(
                "file-too-big",
                QT_TRANSLATE_NOOP(
                    "Handbok",
                    "Filen «{name}» i innholdspakken er for stor ({size} MB; høyst {limit} MB).",
                ),
                name=info.filename,
                size=round(info.file_size / _MB, 1),
                limit=MAX_FILE // _MB,
            )
        if info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _ratio(info)


def _too_big(size: int) -> PackError:
    return PackError(
        "too-big",
        QT_TRANSLATE_NOOP(
            "Handbok", "Innholdspakken er for stor når den pakkes ut ({size} MB; høyst {limit} MB)."
        ),
        size=round(size / _MB, 1),
        limit=MAX_TOTAL // _MB,
    )


def _ratio(info: zipfile.ZipInfo) -> PackError:
    return PackError(
        "ratio",
        QT_TRANSLATE_NOOP(
            "Handbok",
            "Filen «{name}» i innholdspakken er mistenkelig sterkt komprimert og pakkes ikke ut.",
        ),
        name=info.filename,
    )


def _read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, path: Path) -> bytes:
    """The member's bytes, never more than it declared, the per-file cap or what is left of
    the total. zipfile itself stops at the declared size and then fails on the checksum; a
    copy of the entry that allows a little more lets a lying header show as what it is."""
    probe = copy.copy(info)
    probe.file_size = info.file_size + _CHUNK + 1
    chunks: list[bytes] = []
    got = 0
    try:
        with zf.open(probe) as stream:
            while chunk := stream.read(_CHUNK):
                got += len(chunk)
                if got > info.file_size:
                    raise PackError(
                        "lying-size",
                        QT_TRANSLATE_NOOP(
                            "Handbok",
                            "Filen «{name}» i innholdspakken er større enn pakken oppgir, "
                            "og pakkes ikke ut.",
                        ),
                        name=info.filename,
                    )
                if got > budget:
                    raise _too_big(MAX_TOTAL - budget + got)
                if got > MAX_RATIO * max(info.compress_size, 1):
                    raise _ratio(info)
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError) as error:
        # A bad checksum or stream, an encrypted entry, an unknown compression method.
        raise _damaged(path) from error
    except OSError as error:
        raise _damaged(path) from error
    if got != info.file_size:
        raise _damaged(path)
    return b"".join(chunks)


def safe_name(name: str) -> bool:
    """A relative POSIX path that stays inside the folder it is unpacked into, on any system."""
    if not name or name.startswith("/") or "\\" in name or ":" in name:
        return False  # absolute, Windows separators, drive letters and alternate streams
    if any(ord(c) < 32 or c == "\x7f" for c in name):
        return False
    parts = name.removesuffix("/").split("/")
    return all(part not in ("", ".", "..") for part in parts)


# Names Windows keeps for devices, whatever the extension ("con.md" opens the console), and
# characters it cannot hold in a name; a part ending in a dot or space loses it on disk.
_WINDOWS_DEVICES = re.compile(
    r"^(?:con|prn|aux|nul|conin\$|conout\$|(?:com|lpt)[0-9\u00b9\u00b2\u00b3])(?:\..*)?$",
    re.IGNORECASE,
)
_WINDOWS_CHARACTERS = re.compile(r'[<>"|?*]')


def windows_can_hold(name: str) -> bool:
    """Whether Windows can keep a file of this (relative, ``/``-separated) name as it is."""
    parts = name.removesuffix("/").split("/")
    return not any(
        _WINDOWS_DEVICES.match(part)
        or part.endswith((".", " "))
        or _WINDOWS_CHARACTERS.search(part)
        for part in parts
    )


def _check_names(infos: list[zipfile.ZipInfo]) -> None:
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        shown = name if len(name) <= 100 else name[:60] + "…"  # a sentence names, not reprints
        if stat.S_ISLNK(info.external_attr >> 16):
            raise PackError(
                "symlink",
                QT_TRANSLATE_NOOP(
                    "Handbok",
                    "Innholdspakken inneholder en snarvei («{name}»), og det er ikke lov.",
                ),
                name=shown,
            )
        if not (safe_name(name) and safe_name(info.orig_filename)):
            raise PackError(
                "unsafe-path",
                QT_TRANSLATE_NOOP(
                    "Handbok",
                    "Innholdspakken har en fil med et ugyldig navn («{name}») som kunne havnet "
                    "utenfor innholdsmappen.",
                ),
                name=shown,
            )
        if not windows_can_hold(name):
            raise PackError(
                "windows-name",
                QT_TRANSLATE_NOOP(
                    "Handbok",
                    "Innholdspakken har en fil med et navn Windows ikke kan bruke («{name}»), "
                    "som con, nul, aux, com1 eller lpt1.",
                ),
                name=shown,
            )
        if len(name) > MAX_NAME:
            raise PackError(
                "long-name",
                QT_TRANSLATE_NOOP(
                    "Handbok",
                    "Innholdspakken har en fil med et for langt navn («{name}»); "
                    "høyst {limit} tegn er lov.",
                ),
                name=shown,
                limit=MAX_NAME,
            )
        key = name.removesuffix("/").casefold()  # the same file on Windows and macOS
        if key in seen:
            raise PackError(
                "duplicate",
                QT_TRANSLATE_NOOP("Handbok", "Innholdspakken har filen «{name}» mer enn én gang."),
                name=shown,
            )
        seen.add(key)


# --- signature and manifest ------------------------------------------------------------------


@dataclass(frozen=True)
class PublicKey:
    """A trusted Ed25519 public key, as the 32 raw bytes."""

    raw: bytes

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()[:16]


@dataclass(frozen=True)
class PackInfo:
    version: str
    created: date
    changelog: str
    files: int
    size: int
    signed_by: str  # the fingerprint of the key that signed it


def _signer(manifest: bytes, signature: bytes, trusted: Sequence[PublicKey]) -> PublicKey:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    for key in trusted:
        try:
            Ed25519PublicKey.from_public_bytes(key.raw).verify(signature, manifest)
        except (InvalidSignature, ValueError):
            continue
        return key
    raise PackError(
        "bad-signature",
        QT_TRANSLATE_NOOP(
            "Handbok",
            "Innholdspakken er ikke signert av en utgiver Handbok stoler på, eller den er "
            "endret etter at den ble signert.",
        ),
    )


def verified(
    pack_path: Path, trusted_keys: Sequence[PublicKey]
) -> tuple[PackInfo, dict[str, bytes]]:
    """The pack's facts and its content files (path under content/ -> bytes), all checked."""
    files = read_pack(pack_path)
    manifest = files.get(MANIFEST)
    if manifest is None:
        raise PackError(
            "no-manifest",
            QT_TRANSLATE_NOOP("Handbok", "Innholdspakken mangler innholdslisten (manifest.json)."),
        )
    signature = files.get(SIGNATURE)
    if signature is None:
        raise PackError(
            "no-signature",
            QT_TRANSLATE_NOOP("Handbok", "Innholdspakken er ikke signert (manifest.sig mangler)."),
        )
    signer = _signer(manifest, signature, trusted_keys)
    data = _manifest(manifest)
    content: dict[str, bytes] = {}
    for entry in data["files"]:
        name = f"content/{entry['path']}"
        body = files.get(name)
        if body is not None and hashlib.sha256(body).hexdigest() != entry["sha256"]:
            raise PackError(
                "changed-file",
                QT_TRANSLATE_NOOP(
                    "Handbok", "Filen «{name}» i innholdspakken er endret etter at den ble signert."
                ),
                name=name,
            )
        if body is not None:
            content[entry["path"]] = body
    for name in sorted(set(files) - {MANIFEST, SIGNATURE}):
        if not name.startswith("content/") or name.removeprefix("content/") not in content:
            raise PackError(
                "unlisted-file",
                QT_TRANSLATE_NOOP(
                    "Handbok", "Innholdspakken har en fil som ikke står i innholdslisten: «{name}»."
                ),
                name=name,
            )
    for entry in data["files"]:
        if entry["path"] not in content:
            raise PackError(
                "missing-file",
                QT_TRANSLATE_NOOP(
                    "Handbok", "Filen «{name}» står i innholdslisten, men mangler i innholdspakken."
                ),
                name=f"content/{entry['path']}",
            )
    info = PackInfo(
        version=data["version"],
        created=date.fromisoformat(data["created"]),
        changelog=data["changelog"],
        files=len(content),
        size=sum(len(b) for b in content.values()),
        signed_by=signer.fingerprint,
    )
    return info, content


def _manifest(raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # RecursionError: lists or objects nested too deep
        data = None
    if not isinstance(data, dict):
        raise _bad_manifest("manifest.json")
    if data.get("format") != FORMAT or data.get("format_version") != FORMAT_VERSION:
        raise PackError(
            "unknown-format",
            QT_TRANSLATE_NOOP(
                "Handbok",
                "Innholdspakken har et format denne versjonen av Handbok ikke kjenner "
                "({format} {format_version}).",
            ),
            format=data.get("format"),
            format_version=data.get("format_version"),
        )
    if not isinstance(data.get("version"), str) or not VERSION.fullmatch(data["version"]):
        raise _bad_manifest("version")
    if not isinstance(data.get("created"), str):  # 20261201 would pass as "20261201"
        raise _bad_manifest("created")
    try:
        date.fromisoformat(data["created"])
    except ValueError as error:
        raise _bad_manifest("created") from error
    if not isinstance(data.get("changelog"), str):
        raise _bad_manifest("changelog")
    entries = data.get("files")
    if not isinstance(entries, list) or not all(_good_entry(e) for e in entries):
        raise _bad_manifest("files")
    if len({e["path"] for e in entries}) != len(entries):
        raise _bad_manifest("files")
    return data


def _good_entry(entry: object) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("path"), str)
        and bool(_LAYOUT.fullmatch(entry["path"]))
        and isinstance(entry.get("sha256"), str)
        and bool(re.fullmatch(r"[0-9a-f]{64}", entry["sha256"]))
    )


def _bad_manifest(field: str) -> PackError:
    return PackError(
        "bad-manifest",
        QT_TRANSLATE_NOOP(
            "Handbok",
            "Innholdslisten i innholdspakken er ugyldig: feltet «{field}» mangler eller er feil.",
        ),
        field=field,
    )
