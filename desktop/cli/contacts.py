"""`handbok contacts import FILE.csv | export FILE.csv`: the municipality's local contacts, in
the CSV form Norwegian Excel opens and saves (UTF-8 with BOM, semicolons, Norwegian headers).

Exit code 0 when every row was taken, 1 when some rows were refused (each is listed with its
row number and reason; the good rows are kept), 2 when the file cannot be used at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.i18n import tr, translate
from index import paths


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    contacts = commands.add_parser("contacts", help=tr("lokale kontakter: importer og eksporter"))
    actions = contacts.add_subparsers(
        dest="contacts_command", metavar=tr("handling"), required=True
    )
    load = actions.add_parser("import", help=tr("les kontakter fra en CSV-fil"))
    load.add_argument("file", metavar=tr("FIL"))
    save = actions.add_parser("export", help=tr("skriv kontaktene til en CSV-fil"))
    save.add_argument("file", metavar=tr("FIL"))


def run(args: argparse.Namespace) -> int:
    from index.local.csvfile import export_csv, import_csv
    from index.local.deployment import find_deployment, load_deployment
    from index.local.store import LocalStore

    deployment = find_deployment(paths.deployment_dirs())
    reserved = [c.id for c in load_deployment(deployment).contacts] if deployment else []
    with LocalStore.open(paths.user_data_dir(args.data_dir), reserved_ids=reserved) as store:
        if store.notice:
            print(store.notice.message(translate), file=sys.stderr)
        if args.contacts_command == "export":
            count = export_csv(store, Path(args.file))
            done = tr("Skrev {count} lokale kontakter til {path}.")
            print(done.format(count=count, path=args.file))
            return 0
        report = import_csv(store, Path(args.file))
    print(
        tr("{added} nye, {updated} oppdatert, {unchanged} uendret.").format(
            added=report.added, updated=report.updated, unchanged=report.unchanged
        )
    )
    for line in report.messages(translate):
        print(line, file=sys.stderr)
    return 1 if report.errors else 0
