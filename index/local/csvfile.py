"""Local contacts to and from CSV files that Excel with Norwegian settings opens and saves.

What ``export_csv`` writes: UTF-8 with a byte-order mark (so Excel reads æøå right), ``;`` as
separator, CRLF line ends, fields quoted only when they hold ``;``, ``"`` or a line break, and
this header line::

    Id;Navn;Organisasjon;Kategori;Målgruppe;Telefon;SMS;E-post;Nettside;Chat;Åpningstider;Område;Adresse;Beskrivelse;Kilde;Kontrollert

- Målgruppe: ``barn og unge, voksne`` (", " between groups).
- Telefon, SMS, E-post, Nettside, Chat: one or more values separated by ", ", each optionally
  followed by a note in parentheses and its own opening hours in square brackets:
  ``22 40 00 40 (sentralbord) [man-fre 08:00-15:30], 412 34 567``. A note with a parenthesis
  that is not closed, or a value with one of ``\\ , ( ) [ ]``, has it written as ``\\(`` etc.
- Åpningstider: ``døgnåpen``, or rules separated by " | ":
  ``man-fre 09:00-15:00 | lør 10:00-14:00``.
- Kontrollert: ``22.11.2026`` (how Excel writes a date with Norwegian settings); an ISO date
  ``2026-11-22`` is read too. Empty: today for a new contact, unchanged for a known one.
- A cell that begins with ``=``, ``+``, ``-`` or ``@`` gets a ``'`` in front, so Excel shows it
  as text instead of running it as a formula; the ``'`` is removed again on import.

``import_csv`` reads what Excel saves: with or without the byte-order mark, in UTF-8 or (the
"CSV (semikolondelt)" choice) Windows-1252, ``;``, ``,`` or tab as separator (whichever the
header line uses), quoted fields with separators, quotes and line breaks inside. Column order
does not matter; unknown columns are ignored. Each row is checked on its own: a bad row is
reported with its spreadsheet row number (the header is row 1) and the reason, and the good
rows are saved together, in one transaction. A row matches a saved contact by Id, else by
name and organisation, so importing the same file twice adds nothing (see
``LocalContacts.merge``). Nothing saved is ever deleted by an import.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index.content.model import Channel, Contact
from index.errors import ContactFileError, HandbokError, LocalValidationError
from index.i18n import CONTEXT, QT_TRANSLATE_NOOP
from index.local.deployment import parse_date
from index.local.draft import (
    ChannelDraft,
    ContactDraft,
    checked_contact,
    hours_text,
    normalise_id,
)
from index.local.store import LocalStore
from index.userdata.pickedfile import SaveSentences, read_picked, save_picked

HEADER = (
    "Id", "Navn", "Organisasjon", "Kategori", "Målgruppe", "Telefon", "SMS", "E-post",
    "Nettside", "Chat", "Åpningstider", "Område", "Adresse", "Beskrivelse", "Kilde",
    "Kontrollert",
)  # fmt: skip
CHANNEL_COLUMNS = {  # column -> channel type
    "Telefon": "telefon", "SMS": "sms", "E-post": "e-post", "Nettside": "nett", "Chat": "chat",
}  # fmt: skip
# Far beyond any real list (100,000 contacts are about 15 MB); they stop a wrongly chosen huge
# file early, before it is read into memory or parsed.
MAX_BYTES = 40_000_000
MAX_ROWS = 200_000
PROGRESS_EVERY = 1000  # rows between two calls of an import's progress callback
SPECIAL = "\\,()[]"  # characters with a meaning inside a channel cell
_FORMULA = re.compile(r"^'*[=+\-@\t\r]")  # what Excel would take for a formula
_GUARDED = re.compile(r"^'+[=+\-@\t\r]")
_AUDIENCE_SPLIT = re.compile(r"[,;]")
_ALIASES = {
    "malgruppe": "Målgruppe", "epost": "E-post", "e-mail": "E-post", "nett": "Nettside",
    "nettadresse": "Nettside", "åpningstid": "Åpningstider", "apningstider": "Åpningstider",
    "apningstid": "Åpningstider", "omrade": "Område", "region": "Område",
    "sist kontrollert": "Kontrollert", "navn på kontakt": "Navn",
}  # fmt: skip


_TOO_BIG = QT_TRANSLATE_NOOP("Handbok", "Filen {file} er for stor til å være en kontaktliste.")
_SAVE = SaveSentences(
    full=QT_TRANSLATE_NOOP("Handbok", "Kunne ikke lagre kontaktlisten i {file}: disken er full."),
    readonly=QT_TRANSLATE_NOOP(
        "Handbok", "Kunne ikke lagre kontaktlisten i {file}: Handbok får ikke skrive i {folder}."
    ),
    no_folder=QT_TRANSLATE_NOOP(
        "Handbok", "Kunne ikke lagre kontaktlisten: mappen {folder} finnes ikke."
    ),
    other=QT_TRANSLATE_NOOP("Handbok", "Kunne ikke lagre kontaktlisten i {file} ({reason})."),
)


@dataclass(frozen=True)
class ContactImport:
    """What an import did. ``problems``: (spreadsheet row, why it was not imported)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: tuple[tuple[int, HandbokError], ...] = ()
    ignored_columns: tuple[str, ...] = ()

    @property
    def errors(self) -> list[tuple[int, str]]:
        """(row, bokmål sentence) for each problem."""
        return [(row, str(error)) for row, error in self.problems]

    def messages(self, translate: Any = None) -> list[str]:
        """One line a person reads per problem: ``Rad 4: Ukjent kategori ...``."""
        template = QT_TRANSLATE_NOOP("Handbok", "Rad {row}: {message}")
        if translate:
            template = translate(CONTEXT, template)
        return [template.format(row=row, message=e.message(translate)) for row, e in self.problems]


# --- export --------------------------------------------------------------------------------


def export_csv(store: LocalStore, path: str | Path) -> int:
    """Write every local contact to ``path`` (replacing it whole); return how many."""
    path = Path(path)
    contacts = store.contacts.list()
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows([_guard(cell) for cell in contact_row(c)] for c in contacts)
    save_picked(path, buffer.getvalue().encode("utf-8-sig"), _SAVE, ContactFileError)
    return len(contacts)


def contact_row(contact: Contact) -> list[str]:
    """The cells of one contact, in the order of ``HEADER``."""
    day = contact.verified
    cells = {
        "Id": contact.id,
        "Navn": contact.name,
        "Organisasjon": contact.organisation,
        "Kategori": contact.category,
        "Målgruppe": ", ".join(contact.audience),
        "Åpningstider": hours_text(contact.hours),
        "Område": contact.region,
        "Adresse": contact.address,
        "Beskrivelse": contact.description,
        "Kilde": contact.source,
        # Not strftime's %Y: it writes the year 226 as "226", which the import cannot read.
        "Kontrollert": f"{day:%d.%m.}{day.year:04d}",
    }
    for column, kind in CHANNEL_COLUMNS.items():
        cells[column] = ", ".join(_channel_text(c) for c in contact.channels if c.type == kind)
    return [cells[column] for column in HEADER]


def _guard(cell: str) -> str:
    return "'" + cell if _FORMULA.match(cell) else cell


def _escape(text: str, specials: str) -> str:
    """Put ``\\`` before each of ``specials`` and before a ``\\`` that would otherwise be read
    as an escape (one followed by a special character, or ending the text)."""
    out: list[str] = []
    for i, char in enumerate(text):
        if char in specials:
            out.append("\\" + char)
        elif char == "\\" and (i + 1 == len(text) or text[i + 1] in SPECIAL):
            out.append("\\\\")
        else:
            out.append(char)
    return "".join(out)


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _channel_text(channel: Channel) -> str:
    text = _escape(channel.value, SPECIAL)
    if channel.note:  # balanced parentheses in a note need no escape: they are read as pairs
        text += f" ({_escape(channel.note, '' if _balanced(channel.note) else '()')})"
    if channel.hours:
        text += f" [{hours_text(channel.hours)}]"
    return text


# --- import --------------------------------------------------------------------------------


Progress = Callable[[int, int], None]  # (rows done, rows in all)


def import_csv(
    store: LocalStore, path: str | Path, progress: Progress | None = None
) -> ContactImport:
    """Check every row of ``path`` and save the good ones (rules: module docstring).
    ``progress(done, total)`` is called as the rows are checked and then saved (two passes
    over the rows: checking is the first half of ``total``, saving the second)."""
    rows, problems, ignored, total = _read_csv(path, progress)

    def saving(done: int, count: int) -> None:
        if progress is not None:  # the second half of the way, however many rows were good
            progress(total + done * total // max(count, 1), 2 * total)

    outcomes = store.contacts.merge_checked(
        ((ident, draft, contact) for _row, ident, draft, contact in rows), saving
    )
    if progress is not None:
        progress(2 * total, 2 * total)
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    for outcome, _contact in outcomes:
        counts[outcome] += 1
    return ContactImport(**counts, problems=tuple(problems), ignored_columns=ignored)


Row = tuple[int, str, ContactDraft]  # spreadsheet row, Id as written, the contact
CheckedRow = tuple[int, str, ContactDraft, Contact]  # and the contact its check made


def read_csv(
    path: str | Path,
) -> tuple[list[Row], list[tuple[int, HandbokError]], tuple[str, ...]]:
    """The good rows, the problems of the bad ones, and the columns not understood.
    Raise ContactFileError if the file as a whole cannot be read as a contact list."""
    rows, problems, ignored, _total = _read_csv(path)
    return [(number, ident, draft) for number, ident, draft, _c in rows], problems, ignored


def _read_csv(
    path: str | Path, progress: Progress | None = None
) -> tuple[list[CheckedRow], list[tuple[int, HandbokError]], tuple[str, ...], int]:
    """``read_csv``, each good row with the contact its check made, and the number of rows;
    ``progress(row, 2 * rows)`` as they are checked (the first half of an import)."""
    path = Path(path)
    text = _decode(read_picked(path, MAX_BYTES, _TOO_BIG, ContactFileError), path)
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=lambda d: (first_line.count(d), d == ";"))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        records = []
        for record in reader:
            records.append(record)
            if len(records) > MAX_ROWS + 1:  # the header and MAX_ROWS rows
                raise ContactFileError(
                    QT_TRANSLATE_NOOP(
                        "Handbok",
                        "Filen {file} har mer enn {limit} rader; så mange kontakter kan ikke "
                        "importeres på én gang. Del den opp i flere filer.",
                    ),
                    cause="file",
                    file=str(path),
                    limit=MAX_ROWS,
                )
    except csv.Error as error:
        # The csv module's own reason is English ("field larger than field limit (131072)"),
        # and the one it gives most (a cell over its limit) gets its own sentence.
        if "field limit" in str(error):
            raise ContactFileError(
                QT_TRANSLATE_NOOP(
                    "Handbok",
                    "Filen {file} har en celle på rad {row} med mer enn {limit} tegn; "
                    "så lang tekst kan ikke være i en kontakt. Rett cellen og prøv igjen.",
                ),
                cause="file",
                file=str(path),
                row=reader.line_num,
                limit=csv.field_size_limit(),
            ) from error
        raise ContactFileError(
            QT_TRANSLATE_NOOP(
                "Handbok",
                "Filen {file} kan ikke leses som CSV (rad {row}). Lagre den på nytt fra "
                "regnearket som «CSV (semikolondelt)».",
            ),
            cause="file",
            file=str(path),
            row=reader.line_num,
        ) from error
    columns, ignored = _columns(records[0] if records else [], path)
    good: list[CheckedRow] = []
    problems: list[tuple[int, HandbokError]] = []
    total = len(records) - 1
    for number, cells in enumerate(records[1:], start=2):
        if progress is not None and number % PROGRESS_EVERY == 0:
            progress(number - 1, 2 * total)
        if not any(cell.strip() for cell in cells):
            continue  # an empty line, or a row Excel kept with only separators
        ident, draft, contact, errors = _row(cells, columns)
        if errors:
            problems.extend((number, e) for e in errors)
        else:
            good.append((number, ident, draft, contact))
    return good, problems, ignored, total


def _decode(raw: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), else the
    Windows-1252 that Excel's "CSV (semikolondelt)" writes."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ContactFileError(
                QT_TRANSLATE_NOOP("Handbok", "Filen {file} er ikke en tekstfil."),
                cause="file",
                file=str(path),
            ) from error
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:  # five bytes cp1252 leaves undefined
        return raw.decode("latin-1")


def _column_key(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").casefold().split())


def _columns(header: list[str], path: Path) -> tuple[dict[str, int], tuple[str, ...]]:
    """Our column name -> its index in the file; and the file's columns we do not know."""
    known = {_column_key(h): h for h in HEADER}
    known.update(_ALIASES)
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for index, name in enumerate(header):
        ours = known.get(_column_key(name))
        if ours is not None:
            columns.setdefault(ours, index)
        elif name.strip():
            ignored.append(name.strip())
    if "Navn" not in columns:
        raise ContactFileError(
            QT_TRANSLATE_NOOP(
                "Handbok",
                "Filen {file} ser ikke ut som en kontaktliste: den første linjen skal ha "
                "overskriftene {header}.",
            ),
            cause="file",
            file=str(path),
            header="; ".join(HEADER),
        )
    return columns, tuple(ignored)


def _row(
    cells: list[str], columns: dict[str, int]
) -> tuple[str, ContactDraft, Contact, list[HandbokError]]:
    def cell(column: str) -> str:
        index = columns.get(column)
        value = cells[index] if index is not None and index < len(cells) else ""
        # Only a cell that starts with ' can be guarded (the test first: 16 cells a row).
        return value[1:] if value[:1] == "'" and _GUARDED.match(value) else value

    errors: list[HandbokError] = []
    written_id = cell("Id").strip()
    ident = normalise_id(written_id) if written_id else ""
    if written_id and not ident:
        errors.append(
            LocalValidationError(
                QT_TRANSLATE_NOOP(
                    "Handbok",
                    "«{value}» i kolonnen Id kan ikke brukes som id "
                    "(skriv f.eks. lokal-frivilligsentralen eller la cellen stå tom).",
                ),
                field="id",
                value=written_id,
            )
        )
    verified = None
    if cell("Kontrollert").strip():
        verified = parse_date(re.sub(r"\s+0?0:00(:00)?$", "", cell("Kontrollert").strip()))
        if verified is None:
            errors.append(
                LocalValidationError(
                    QT_TRANSLATE_NOOP(
                        "Handbok",
                        "«{value}» i kolonnen Kontrollert er ikke en dato (skriv f.eks. "
                        "22.11.2026).",
                    ),
                    field="verified",
                    value=cell("Kontrollert").strip(),
                )
            )
    channels: list[ChannelDraft] = []
    for column, kind in CHANNEL_COLUMNS.items():
        try:
            channels += [ChannelDraft(kind, *item) for item in parse_channel_cell(cell(column))]
        except _CellError as error:
            errors.append(
                LocalValidationError(
                    error.template, field="channels", column=column, text=cell(column)
                )
            )
    draft = ContactDraft(
        name=cell("Navn"),
        category=cell("Kategori"),
        audience=tuple(a for a in _AUDIENCE_SPLIT.split(cell("Målgruppe")) if a.strip()),
        channels=tuple(channels),
        organisation=cell("Organisasjon"),
        hours=cell("Åpningstider"),
        region=cell("Område"),
        address=cell("Adresse"),
        description=cell("Beskrivelse"),
        source=cell("Kilde"),
        verified=verified,
    )
    contact, problems = checked_contact(draft)
    errors.extend(problems)
    return ident, draft, contact, errors


class _CellError(Exception):
    def __init__(self, template: str) -> None:
        self.template = template
        super().__init__(template)


_UNCLOSED_NOTE = QT_TRANSLATE_NOOP(
    "Handbok",
    "Kan ikke lese «{text}» i kolonnen {column}: en parentes er ikke lukket. Skriv f.eks. "
    "«22 40 00 40 (sentralbord) [man-fre 08:00-15:30]».",
)
_UNCLOSED_HOURS = QT_TRANSLATE_NOOP(
    "Handbok",
    "Kan ikke lese «{text}» i kolonnen {column}: en hakeparentes er ikke lukket. Skriv f.eks. "
    "«22 40 00 40 (sentralbord) [man-fre 08:00-15:30]».",
)
_TRAILING = QT_TRANSLATE_NOOP(
    "Handbok",
    "Kan ikke lese «{text}» i kolonnen {column}: det står noe etter parentesen. Skriv f.eks. "
    "«22 40 00 40 (sentralbord) [man-fre 08:00-15:30]», og komma mellom flere.",
)


def parse_channel_cell(text: str) -> list[tuple[str, str, str]]:
    """``22 40 00 40 (note) [hours], 116 123`` -> [(value, note, hours), ...]."""
    if not text.strip():
        return []  # most cells of most rows: no need to walk them
    if not any(char in text for char in SPECIAL):
        return [(text.strip(), "", "")]  # one value, no note or hours: what walking gives
    tokens: list[tuple[str, bool]] = []  # (character, escaped)
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in SPECIAL:
            tokens.append((text[i + 1], True))
            i += 2
        else:
            tokens.append((text[i], False))
            i += 1
    items: list[tuple[str, str, str]] = []
    pos = 0

    def plain(*chars: str) -> bool:
        return pos < len(tokens) and not tokens[pos][1] and tokens[pos][0] in chars

    def skip_space() -> None:
        nonlocal pos
        while pos < len(tokens) and not tokens[pos][1] and tokens[pos][0].isspace():
            pos += 1

    def until(close: str, opening: str | None, error: str) -> str:
        nonlocal pos
        depth, out = 1, list[str]()
        pos += 1
        while pos < len(tokens):
            char, escaped = tokens[pos]
            if not escaped and char == opening:
                depth += 1
            elif not escaped and char == close:
                depth -= 1
                if depth == 0:
                    pos += 1
                    return "".join(out)
            out.append(char)
            pos += 1
        raise _CellError(error)

    while pos < len(tokens):
        value: list[str] = []
        while pos < len(tokens) and not plain(",", "(", "["):
            value.append(tokens[pos][0])
            pos += 1
        note = hours = ""
        if plain("("):
            note = until(")", "(", _UNCLOSED_NOTE)
            skip_space()
        if plain("["):
            hours = until("]", None, _UNCLOSED_HOURS)
            skip_space()
        if pos < len(tokens):
            if not plain(","):
                raise _CellError(_TRAILING)
            pos += 1
        if "".join(value).strip() or note.strip() or hours.strip():
            items.append(("".join(value).strip(), note, hours))
    return items
