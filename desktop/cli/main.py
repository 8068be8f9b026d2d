"""The ``handbok`` command: the desktop app without arguments, tools for IT and tests with them.

Every failure the user can cause (bad option, unknown id, broken content) is one sentence on
stderr and exit code 2; an unexpected fault is one sentence, exit code 1, and the details go
to a log file in the data folder. No traceback reaches the user.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from desktop import i18n
from desktop.cli.terminal import VisibleStream
from desktop.i18n import tr
from index import __version__, paths
from index.content.kinds import KINDS
from index.errors import ContentError, HandbokError, NotFoundError
from index.i18n import CONTEXT, QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from index.handbook import Handbook

EXIT_OK, EXIT_FAULT, EXIT_USAGE = 0, 1, 2

# argparse's own messages, in bokmål (and through Qt's translator for English).
_ARGPARSE = {
    "usage: ": QT_TRANSLATE_NOOP("argparse", "bruk: "),
    "positional arguments": QT_TRANSLATE_NOOP("argparse", "argumenter"),
    "options": QT_TRANSLATE_NOOP("argparse", "valg"),
    "show this help message and exit": QT_TRANSLATE_NOOP("argparse", "vis denne hjelpen"),
    "show program's version number and exit": QT_TRANSLATE_NOOP(
        "argparse", "vis programmets versjon"
    ),
    "the following arguments are required: %s": QT_TRANSLATE_NOOP("argparse", "mangler: %s"),
    "unrecognized arguments: %s": QT_TRANSLATE_NOOP("argparse", "ukjente argumenter: %s"),
    "invalid choice: %(value)r (choose from %(choices)s)": QT_TRANSLATE_NOOP(
        "argparse", "ugyldig valg: %(value)r (velg blant %(choices)s)"
    ),
    "expected one argument": QT_TRANSLATE_NOOP("argparse", "trenger en verdi"),
    "expected at least one argument": QT_TRANSLATE_NOOP("argparse", "trenger minst én verdi"),
    "invalid %(type)s value: %(value)r": QT_TRANSLATE_NOOP("argparse", "ugyldig verdi: %(value)r"),
    "argument %(argument_name)s: %(message)s": QT_TRANSLATE_NOOP(
        "argparse", "%(argument_name)s: %(message)s"
    ),
    "ambiguous option: %(option)s could match %(matches)s": QT_TRANSLATE_NOOP(
        "argparse", "tvetydig valg: %(option)s kan være %(matches)s"
    ),
}


def _argparse_text(text: str) -> str:
    return tr(_ARGPARSE.get(text, text), "argparse")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, no usage dump: the message says what to fix.
        self.exit(EXIT_USAGE, f"handbok: {message}\n")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


_positive.__name__ = "tall"


# The options the window takes; with nothing else on the line the parser is not built (its
# sub-commands import their modules), so the first frame comes sooner.
_WINDOW_OPTIONS = ("--data-dir", "--store")
# Every long option of the top-level parser: an abbreviation means the one option it starts,
# as argparse reads it ("--data" is "--data-dir"; "--s" is "--store").
_TOP_OPTIONS = ("--help", "--version", *_WINDOW_OPTIONS)


def _window_option(name: str) -> str | None:
    """The window option ``name`` stands for, written out or abbreviated; None otherwise."""
    if name in _TOP_OPTIONS:
        return name if name in _WINDOW_OPTIONS else None
    if not name.startswith("--") or len(name) < 3:
        return None
    matches = [option for option in _TOP_OPTIONS if option.startswith(name)]
    return matches[0] if len(matches) == 1 and matches[0] in _WINDOW_OPTIONS else None


def window_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The window's options when ``argv`` holds nothing else, as the parser would read them;
    None for anything else (a sub-command, --help, a mistake), which the parser handles."""
    values: dict[str, str | None] = {"data_dir": None, "store": None}
    rest = list(argv)
    while rest:
        written, equals, value = rest.pop(0).partition("=")
        name = _window_option(written)
        if name is None:
            return None
        if not equals:
            if not rest or rest[0].startswith("-"):
                return None  # the parser says what is missing
            value = rest.pop(0)
        values[name[2:].replace("-", "_")] = value
    return argparse.Namespace(command=None, **values)


def build_parser() -> argparse.ArgumentParser:
    argparse._ = _argparse_text  # type: ignore[attr-defined]
    parser = _Parser(
        prog="handbok",
        description=tr(
            "Handbok: veiledning, kontakter og sjekklister for helsestasjon og fastlege."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"handbok {__version__}",
        # Python 3.11's argparse gives this help as a plain English default, not through _()
        help=_argparse_text("show program's version number and exit"),
    )
    parser.add_argument("--data-dir", metavar=tr("MAPPE"), help=tr("mappen for brukerdata"))
    parser.add_argument("--store", metavar=tr("MAPPE"), help=tr("mappen for det bygde innholdet"))
    commands = parser.add_subparsers(dest="command", metavar=tr("kommando"), parser_class=_Parser)

    search = commands.add_parser("search", help=tr("søk i veiledning, kontakter og sjekklister"))
    search.add_argument("query", nargs="+", metavar=tr("SØK"), help=tr("det du leter etter"))
    search.add_argument("--kind", choices=KINDS, help=tr("bare én type treff"))
    search.add_argument(
        "--limit", type=_positive, default=10, metavar="N", help=tr("høyst N treff (10)")
    )
    search.add_argument("--json", action="store_true", help=tr("skriv treffene som JSON"))

    show = commands.add_parser("show", help=tr("skriv ut en artikkel, et avsnitt, en kontakt"))
    show.add_argument("id", metavar="ID", help=tr("id-en fra et søketreff"))
    show.add_argument("--json", action="store_true", help=tr("skriv alle feltene som JSON"))

    handout = commands.add_parser("handout", help=tr("lag et skriv til pasienten som PDF"))
    handout.add_argument("template", nargs="?", metavar=tr("MAL"), help=tr("malens id"))
    handout.add_argument(
        "--add",
        action="extend",
        nargs="+",
        default=[],
        metavar="ID",
        help=tr("legg til innhold, ett eller flere, i denne rekkefølgen"),
    )
    handout.add_argument("--pdf", metavar=tr("FIL"), help=tr("PDF-filen som skal lages"))
    handout.add_argument("--paper", choices=("A4", "A5"), default="A4", help=tr("papirstørrelse"))
    handout.add_argument("--large-print", action="store_true", help=tr("stor skrift"))
    handout.add_argument(
        "--municipality", default="", metavar=tr("NAVN"), help=tr("kommunens navn")
    )
    handout.add_argument("--list", action="store_true", help=tr("vis malene"))

    commands.add_parser("self-test", help=tr("kontroller at innholdet, søket og utskriften virker"))
    from desktop.cli import contacts as contactscmd
    from desktop.cli import packs as packcmd

    packcmd.add_parser(commands)
    contactscmd.add_parser(commands)

    build = commands.add_parser("build-index", help=tr("bygg innholdet og søkeindeksen"))
    build.add_argument("--content", metavar=tr("MAPPE"), help=tr("innholdsmappen som skal bygges"))
    build.add_argument("--out", metavar=tr("MAPPE"), help=tr("hvor det bygde innholdet skal ligge"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(errors="replace")
    # Everything printed may quote a file: no control character reaches the terminal as such.
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = VisibleStream(out), VisibleStream(err)  # type: ignore[assignment]
    try:
        return _main(argv)
    finally:
        if isinstance(sys.stdout, VisibleStream):  # not the devnull of a broken pipe
            sys.stdout = out
        if isinstance(sys.stderr, VisibleStream):
            sys.stderr = err


def _main(argv: list[str]) -> int:
    # The window installs its translations into its own QApplication; a QCoreApplication
    # made here first would be the only one the process may have, and no window could open.
    args = window_args(argv)
    if args is None:
        lang = i18n.language()
        made = None
        if lang != "nb":
            from PySide6.QtCore import QCoreApplication

            if QCoreApplication.instance() is None:
                made = QCoreApplication(["handbok"])
            i18n.install(lang)
        args = build_parser().parse_args(argv)
        if args.command is None and made is not None:
            # The parser read a window line the quick reader did not ("--data-dir -5"): the
            # application made for the parser's English goes, so the window can make its own.
            made.shutdown()
            del made
    try:
        return _dispatch(args)
    except ContentError as error:
        print(error.message(i18n.translate), file=sys.stderr)
        return EXIT_USAGE
    except NotFoundError as error:
        print(f"handbok: {error.message(i18n.translate)}", file=sys.stderr)
        return EXIT_USAGE
    except HandbokError as error:
        print(f"handbok: {error.message(i18n.translate)}", file=sys.stderr)
        return EXIT_USAGE if error.bad_input else EXIT_FAULT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``handbok search x | head``): not a fault.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stays open until exit
        return EXIT_OK
    except Exception:  # the last line of defence: a sentence for the user, details in a log
        where = _log_fault(args)
        print(
            tr("handbok: Det oppstod en uventet feil. Detaljer er skrevet til {log}.").format(
                log=where
            ),
            file=sys.stderr,
        )
        return EXIT_FAULT


def _dispatch(args: argparse.Namespace) -> int:
    if args.command is None:
        from desktop.app import run

        return int(run(args))
    if args.command == "build-index":
        return _build_index(args)
    if args.command == "pack":
        from desktop.cli import packs as packcmd

        return packcmd.run(args)
    if args.command == "contacts":
        from desktop.cli import contacts as contactscmd

        return contactscmd.run(args)
    store_dir = paths.store_dir(args.store)
    from index.handbook import open_or_repair, prepare_store

    if args.store is None:
        _report_build(prepare_store(store_dir))
    handbook, repaired = open_or_repair(store_dir, repair=args.store is None)
    if repaired:
        print(f"handbok: {tr(repaired)}", file=sys.stderr)
    # A search or a look at one item only reads the staff's own contacts: no whole-file
    # check, no file made (LocalStore.open_to_read).
    reading = args.command in ("search", "show")
    for notice in handbook.add_local(paths.user_data_dir(args.data_dir), read_only=reading):
        print(f"handbok: {notice}", file=sys.stderr)
    try:
        if args.command == "search":
            return _search(handbook, args)
        if args.command == "handout":
            return _handout(handbook, args)
        if args.command == "self-test":
            from desktop.cli.selftest import run_self_test

            return run_self_test(handbook, paths.user_data_dir(args.data_dir))
        return _show(handbook, args)
    finally:
        handbook.close()


def _build_index(args: argparse.Namespace) -> int:
    from index.resources import content_dir, search_config_dir
    from index.store.build import build_store

    content = Path(args.content) if args.content else content_dir()
    out = Path(args.out) if args.out else paths.store_dir(args.store)
    report = build_store(content, search_config_dir(), out)
    print(
        tr("Bygde {count} søkbare elementer i {folder} på {seconds:.1f} s.").format(
            count=report.documents, folder=report.store, seconds=report.seconds
        )
    )
    return EXIT_OK


def _report_build(report: Any) -> None:
    if report is not None and report.rebuilt:
        print(
            tr("Innholdet er endret; bygde søkeindeksen på nytt ({seconds:.1f} s).").format(
                seconds=report.seconds
            ),
            file=sys.stderr,
        )


def _search(handbook: Handbook, args: argparse.Namespace) -> int:
    import json

    from desktop.cli.textout import search_text

    result = handbook.searcher.search(" ".join(args.query), kind=args.kind, limit=args.limit)
    if args.json:
        print(json.dumps([hit.as_json() for hit in result.hits], ensure_ascii=False, indent=2))
    else:
        print(search_text(result))
    _tell_if_damaged(handbook)
    return EXIT_OK


def _tell_if_damaged(handbook: Handbook) -> None:
    """The local file is read without a check of every page (``add_local(read_only=True)``):
    a damaged page the search met is said, and the window's next start deals with it."""
    if handbook.layer is not None and handbook.layer.damaged:
        from index.local.store import DAMAGED_WHILE_READING

        print(f"handbok: {tr(DAMAGED_WHILE_READING, CONTEXT)}", file=sys.stderr)


def _show(handbook: Handbook, args: argparse.Namespace) -> int:
    import json

    from desktop.cli.textout import item_json, item_text

    if handbook.store.kind_of(args.id) is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Handbok", "Fant ingenting med id «{id}»."), id=args.id
        )
    if args.json:
        print(json.dumps(item_json(handbook.store, args.id), ensure_ascii=False, indent=2))
    else:
        print(item_text(handbook.store, args.id), end="")
    return EXIT_OK


def _handout(handbook: Handbook, args: argparse.Namespace) -> int:
    store = handbook.store
    if args.list:
        for template in store.handouts():
            print(template.id)
        return EXIT_OK
    if not args.template or not args.pdf:
        print(
            tr("handbok: skriv «handbok handout MAL --pdf FIL.pdf», eller «--list»"),
            file=sys.stderr,
        )
        return EXIT_USAGE
    from desktop.documents.pdf import render_handout_pdf
    from index.handout import Handout, block_for, printable

    handout = Handout.from_template(store.handout(args.template))
    handout.paper, handout.large_print = args.paper, args.large_print
    layer = handbook.layer
    deployment = layer.deployment if layer is not None else None
    handout.municipality = args.municipality or (deployment.municipality if deployment else "")
    handout.logo = deployment.logo if deployment else None
    for ident in args.add:
        for block in block_for(store, ident):
            handout.add(block)
    if not handout.blocks:
        print(
            tr(
                "handbok: malen «{template}» har ikke noe innhold av seg selv; legg til en "
                "sjekkliste eller annet innhold med «--add ID»."
            ).format(template=args.template),
            file=sys.stderr,
        )
        return EXIT_USAGE
    for block in handout.blocks:
        contact = store.contact(block.id) if block.type == "contact" else None
        if contact is not None and not printable(contact):
            print(
                tr(
                    "handbok: {name} skrives ikke ut: ingen telefon, e-post eller nettadresse."
                ).format(name=contact.name),
                file=sys.stderr,
            )
    try:
        pages = render_handout_pdf(handout, store, Path(args.pdf), layer=layer)
    except OSError as error:
        print(
            tr("handbok: Kunne ikke skrive {path} ({reason}).").format(
                path=args.pdf, reason=error.strerror or error
            ),
            file=sys.stderr,
        )
        return EXIT_FAULT
    print(tr("Skrev {pages} sider til {path}.").format(pages=pages, path=args.pdf))
    return EXIT_OK


def _log_fault(args: argparse.Namespace) -> Path | str:
    from desktop.faults import log_fault

    folder = paths.user_data_dir(getattr(args, "data_dir", None))
    return log_fault(folder, traceback.format_exc()) or tr("(ingen skrivbar loggmappe)")


if __name__ == "__main__":
    sys.exit(main())
