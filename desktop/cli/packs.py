"""`handbok pack ...`: content updates from a signed file, for editors and IT.

    handbok pack keygen PRIVATE.pem PUBLIC.pub     a signing key pair (editors, once)
    handbok pack make DIR --key PRIVATE.pem --out FILE --version V [--changelog TEXT]
    handbok pack verify FILE                       signature, hashes, limits; changes nothing
    handbok pack import FILE [--force]             verify, validate, build, switch
    handbok pack rollback                          back to the content before the last import
    handbok pack status                            the content in use and its changelog

The program trusts the public key it ships (resources/keys/content-pack.pub);
HANDBOK_PACK_KEY names another public key file, for an organisation's own key or for tests.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.i18n import tr
from index import paths
from index.packs.keys import trusted_keys
from index.resources import search_config_dir

if TYPE_CHECKING:
    pass


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    pack = commands.add_parser("pack", help=tr("innholdspakker: oppdater innholdet fra en fil"))
    actions = pack.add_subparsers(dest="pack_command", metavar=tr("handling"), required=True)
    keygen = actions.add_parser("keygen", help=tr("lag et nøkkelpar for signering"))
    keygen.add_argument("private", metavar=tr("PRIVAT"), help=tr("den private nøkkelen (hemmelig)"))
    keygen.add_argument("public", metavar=tr("OFFENTLIG"), help=tr("den offentlige nøkkelen"))
    make = actions.add_parser("make", help=tr("lag en signert innholdspakke"))
    make.add_argument("content", metavar=tr("MAPPE"), help=tr("innholdsmappen"))
    make.add_argument("--key", required=True, metavar=tr("PRIVAT"), help=tr("privat nøkkel"))
    make.add_argument("--out", required=True, metavar=tr("FIL"), help=tr("pakken som lages"))
    make.add_argument("--version", required=True, dest="pack_version", metavar="V",
                      help=tr("innholdets versjon, som 2026.12.1"))  # fmt: skip
    make.add_argument("--changelog", default="", metavar=tr("TEKST"), help=tr("hva som er nytt"))
    verify = actions.add_parser("verify", help=tr("kontroller en innholdspakke"))
    verify.add_argument("file", metavar=tr("FIL"))
    load = actions.add_parser("import", help=tr("ta i bruk en innholdspakke"))
    load.add_argument("file", metavar=tr("FIL"))
    load.add_argument("--force", action="store_true", help=tr("også en eldre versjon"))
    actions.add_parser("rollback", help=tr("gå tilbake til innholdet før siste import"))
    actions.add_parser("status", help=tr("vis hvilket innhold som er i bruk"))


def run(args: argparse.Namespace) -> int:
    from index.packs import install as packs

    root = paths.packs_root()
    command = args.pack_command
    if command == "keygen":
        key = packs.generate_keypair(Path(args.private), Path(args.public))
        print(tr("Laget nøkkelpar; fingeravtrykk {print}.").format(print=key.fingerprint))
    elif command == "make":
        info = packs.make_pack(
            Path(args.content), Path(args.key), Path(args.out),
            version=args.pack_version, changelog=args.changelog,
        )  # fmt: skip
        print(_describe(info))
    elif command == "verify":
        print(_describe(packs.verify_pack(Path(args.file), trusted_keys())))
    elif command == "import":
        report = packs.import_pack(
            Path(args.file), trusted_keys(), root,
            installed_version=packs.version_in_use(root),
            force=args.force, search_dir=search_config_dir(),
        )  # fmt: skip
        print(
            tr("Innholdet er oppdatert til versjon {version}.").format(version=report.info.version)
        )
        old = report.previous_store or paths.builtin_store_dir()
        gone = packs.vanished_ids(old, report.store) if old.exists() else []
        if gone:
            print(tr("Finnes ikke lenger i innholdet (bokmerker til disse vises som borte):"))
            for ident in gone:
                print(f"  {ident}")
    elif command == "rollback":
        try:
            packs.rollback(root)
        except packs.PackError as error:
            if error.reason != "nothing-to-roll-back":
                raise
            packs.use_builtin(root)  # the first pack's "before" is the built-in content
        now = packs.installed_info(root)
        version = now.version if now else tr("innebygd")
        print(tr("Tilbake til innholdet fra før: {version}.").format(version=version))
    else:
        in_use = packs.installed_info(root)
        if in_use is None:
            print(tr("I bruk: innholdet programmet ble levert med."))
        else:
            print(tr("I bruk: innholdspakke {version}.").format(version=in_use.version))
            if in_use.changelog:
                print(in_use.changelog)
    return 0


def _describe(info: object) -> str:
    from index.packs.install import PackInfo

    assert isinstance(info, PackInfo)
    return (
        tr("Innholdspakke {version} fra {date}: {files} filer, signert med nøkkel {key}. {log}")
        .format(
            version=info.version,
            date=info.created.strftime("%d.%m.%Y"),
            files=info.files,
            key=info.signed_by,
            log=info.changelog,
        )
        .strip()
    )
