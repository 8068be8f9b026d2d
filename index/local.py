"""The local layer: what a municipality adds on top of the national content.

Two sources, both shown beside the national content and marked "lokalt":

- ``LocalStore``: local contacts and local notes that staff enter in the program, in their own
  SQLite file ``lokalt.sqlite3`` in the user's data folder. It follows the rules of
  ``index.userdata`` (schema version in ``PRAGMA user_version``, migrations in a transaction,
  WAL with ``synchronous = FULL``, a busy timeout, a damaged or newer file moved aside with a
  notice, every write one transaction, SQLite errors turned into ``UserDataError`` sentences).
- ``load_deployment``: a read-only file ``kommune.yaml`` that IT places beside the program or
  in the machine-wide data folder.

Local contacts are ``index.model.Contact`` values, so the app shows them exactly like national
ones. Their ids start with ``lokal-`` and are made from the name when the contact is first
saved (``Frivilligsentralen Hamar`` -> ``lokal-frivilligsentralen-hamar``, then ``-2``, ``-3``
... if taken); renaming a contact keeps its id, so bookmarks to it survive. Phone and SMS
numbers are not checked against ``verified-numbers.yaml`` (that rule is for the national
content) but must look Norwegian: eight digits (``22 40 00 40``, ``412 34 567``) or a short
service number: ``1xx`` (``113``), four or five digits (``1881``, ``02800``) or the
European ``116 xxx`` (``116 123``). ``+47`` is dropped and
a number typed without spaces is grouped as it is dialled.

The deployment file, ``kommune.yaml`` (UTF-8)::

    version: 1                          # optional; this program reads version 1
    municipality: Hamar kommune         # required: the municipality's name
    logo: logo.png                      # optional: an image file, relative to this file
    contacts:                           # optional: the fields of resources/content/contacts.yaml
      - id: frivilligsentralen-hamar    # optional: made from the name when left out; "lokal-"
                                        #   is put in front when missing
        name: Frivilligsentralen i Hamar                 # required
        organisation: Hamar kommune                      # optional
        category: organisasjon          # required: nødnummer, hjelpetelefon, organisasjon,
                                        #   kompetansesenter or kommunal-tjeneste
        audience: [voksne, pårørende]   # optional: barn og unge, voksne, pårørende,
                                        #   etterlatte, fagfolk
        channels:                       # optional: type telefon, sms, e-post, nett or chat
          - {type: telefon, value: "62 00 00 00", note: Sentralbord, hours: "man-fre 08:00-15:30"}
          - {type: e-post, value: post@frivillig.example.no}
          - {type: nett, value: frivillig.example.no}   # without https://
        hours: [man-fre 08:00-15:30, lør 10:00-14:00]   # optional: døgnåpen, or rules
        region: Hamar                   # optional: default "lokal"
        address: Torggata 1, 2317 Hamar # optional
        description: Formidler frivillig hjelp og har selvhjelpsgrupper.   # optional
        source: Hamar kommune, telefonliste 2026          # optional
        verified: 2026-11-22            # required: when the facts were checked (or 22.11.2026)
        caution: Nytt nummer fra 2027.  # optional: a short warning shown with the contact
    notes:                              # optional: shown with a section of the guidance
      - section: samarbeid-om-selvorganisert-selvhjelp#frivilligsentralene
        text: |
          I Hamar har frivilligsentralen selvhjelpsgrupper hver tirsdag.

A file with a mistake is not used; the program says what is wrong as ``file:line: sentence``
and keeps working with the national content.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import yaml

from index import yamlsrc
from index.errors import HandbokError, NotFoundError, Problem
from index.hours import HoursError, OpeningHours, parse_hours
from index.i18n import QT_TRANSLATE_NOOP
from index.model import AUDIENCES, CATEGORIES, CHANNEL_TYPES, LABELS, Channel, Contact
from index.sqlitefile import Db as _Db
from index.sqlitefile import FileKind, Notice, open_file
from index.sqlitefile import now as _now
from index.sqlitefile import one as _one
from index.sqlitefile import text as _text

FILE_NAME = "lokalt.sqlite3"
DEPLOYMENT_FILE = "kommune.yaml"
DEPLOYMENT_VERSION = 1
ID_PREFIX = "lokal-"
LOCAL_REGION = "lokal"
ID_LENGTH = 60  # characters of the name kept in a generated id
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SECTION_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*#[a-z0-9]+(?:-[a-z0-9]+)*$")
MergeOutcome = Literal["added", "updated", "unchanged"]
Merged = tuple[MergeOutcome, Contact]


# --- values --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChannelDraft:
    """A channel as the user writes it. ``hours``: "" (unknown), ``døgnåpen``, or rules
    separated by ``|`` or line breaks (``man-fre 09:00-15:00 | lør 10:00-14:00``)."""

    type: str
    value: str
    note: str = ""
    hours: str = ""


@dataclass(frozen=True)
class ContactDraft:
    """A local contact as entered in a form, a CSV row or ``kommune.yaml``: text, not yet
    checked. ``verified`` None means: keep the saved date, or today for a new contact."""

    name: str
    category: str
    audience: tuple[str, ...] = ()
    channels: tuple[ChannelDraft, ...] = ()
    organisation: str = ""
    hours: str = ""
    region: str = LOCAL_REGION
    address: str = ""
    description: str = ""
    source: str = ""
    verified: date | None = None

    @classmethod
    def from_contact(cls, contact: Contact) -> ContactDraft:
        """The draft a form starts from when editing ``contact``."""
        return cls(
            name=contact.name,
            category=contact.category,
            audience=contact.audience,
            channels=tuple(
                ChannelDraft(c.type, c.value, c.note, hours_text(c.hours)) for c in contact.channels
            ),
            organisation=contact.organisation,
            hours=hours_text(contact.hours),
            region=contact.region,
            address=contact.address,
            description=contact.description,
            source=contact.source,
            verified=contact.verified,
        )


@dataclass(frozen=True, slots=True)
class LocalNote:
    """A note staff wrote to a section of the guidance ("artikkel-id#anker")."""

    id: int
    section_id: str
    text: str
    created: datetime  # UTC
    updated: datetime  # UTC


@dataclass(frozen=True)
class DeploymentNote:
    """A note from ``kommune.yaml``: shown with the section, never edited in the program."""

    section_id: str
    text: str


@dataclass(frozen=True)
class Deployment:
    """What ``kommune.yaml`` says, checked."""

    path: Path
    municipality: str
    logo: Path | None = None
    contacts: tuple[Contact, ...] = ()
    notes: tuple[DeploymentNote, ...] = ()

    def notes_for(self, section_id: str) -> tuple[DeploymentNote, ...]:
        return tuple(n for n in self.notes if n.section_id == section_id)

    def contact(self, ident: str) -> Contact | None:
        return next((c for c in self.contacts if c.id == ident), None)


class LocalValidationError(HandbokError):
    """A value that cannot be saved; the sentence says what to write instead.

    ``field`` names the field it is about, so a form can put the cursor there: a
    ``ContactDraft`` field ("name", "category", "audience", "hours"), a ``ChannelDraft`` field
    ("type", "value", "hours") of the channel at index ``channel``, or a note's "section"/"text".
    """

    def __init__(
        self, template: str, *, field: str = "", channel: int | None = None, **params: Any
    ) -> None:
        self.field = field
        self.channel = channel
        super().__init__(template, **params)


class DeploymentError(HandbokError):
    """``kommune.yaml`` cannot be used. The message is the first problem, ``file:line: ...``;
    ``problems`` holds every one found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("{text}", text=problems[0].message())

    def message(self, translate: Any = None) -> str:
        return self.problems[0].message(translate)


# --- checking what the user wrote ----------------------------------------------------------

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss"})


def slug(text: str, limit: int | None = None) -> str:
    """``Lærings- og mestringssenter, Hamar`` -> ``laerings-og-mestringssenter-hamar``."""
    ascii_text = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii")
    result = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if limit is not None and len(result) > limit:
        cut = result[:limit]
        if result[limit] != "-" and "-" in cut:  # do not end in the middle of a word
            cut = cut.rsplit("-", 1)[0]
        result = cut.strip("-")
    return result


def normalise_id(ident: str) -> str:
    """A local id as written by someone (``Lokal-Frivilligsentralen Hamar``) in its proper form
    (``lokal-frivilligsentralen-hamar``); "" if nothing usable is left."""
    result = slug(ident)
    if not result or result == ID_PREFIX.rstrip("-"):
        return ""
    return result if result.startswith(ID_PREFIX) else ID_PREFIX + result


def new_id(name: str, taken: Collection[str]) -> str:
    """A stable id from the name, not in ``taken``."""
    base = ID_PREFIX + (slug(name, ID_LENGTH) or "kontakt")
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    return ident


def match_key(name: str, organisation: str) -> tuple[str, str]:
    """What makes two contacts "the same" when an import row has no id."""
    return (" ".join(name.casefold().split()), " ".join(organisation.casefold().split()))


def _vocabulary_key(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").split())


def _vocabulary(ids: Sequence[str], **aliases: str) -> dict[str, str]:
    """Written form (id or label, any case, "-" or space) -> id."""
    known = {_vocabulary_key(i): i for i in ids}
    known.update({_vocabulary_key(LABELS.get(i, i)): i for i in ids})
    known.update({_vocabulary_key(k.replace("_", " ")): v for k, v in aliases.items()})
    return known


_CATEGORIES = _vocabulary(CATEGORIES)
_AUDIENCES = _vocabulary(AUDIENCES)
_CHANNELS = _vocabulary(CHANNEL_TYPES, epost="e-post", e_mail="e-post", web="nett")
_CHANNEL_ORDER = {kind: n for n, kind in enumerate(CHANNEL_TYPES)}

_NUMBER_PREFIX = re.compile(r"^(?:\+|00)\s*47(?=[\s\d])")
_NUMBER_CHARS = re.compile(r"^[\d\s.\-]+$")
_GROUPED = re.compile(r"^(?:\d{2} \d{2} \d{2} \d{2}|\d{3} \d{2} \d{3})$")  # as dialled
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.][^@\s]*$")
_WEB = re.compile(r"^[^\s/@]+\.[^\s/@]+(?:/\S*)?$")


def normalise_number(value: str) -> str | None:
    """The number grouped as dialled, or None if it does not look like a Norwegian number."""
    written = _NUMBER_PREFIX.sub("", value.strip()).strip()
    if not _NUMBER_CHARS.match(written):
        return None
    digits = re.sub(r"\D", "", written)
    if len(digits) == 8 and digits[0] in "23456789":
        if _GROUPED.match(written):
            return written
        if digits[0] in "489":  # mobile and 800-numbers: 412 34 567, 800 33 321
            return f"{digits[:3]} {digits[3:5]} {digits[5:]}"
        return " ".join(digits[i : i + 2] for i in range(0, 8, 2))
    if len(digits) == 6 and digits.startswith("116"):  # European numbers: 116 123
        return f"{digits[:3]} {digits[3:]}"
    if len(digits) in (4, 5) or (len(digits) == 3 and digits[0] == "1"):  # 113, 1881, 02800
        return digits
    return None


def normalise_web(value: str) -> str | None:
    """``https://www.Selvhjelp.no/`` -> ``www.Selvhjelp.no``; None if it is no web address."""
    written = re.sub(r"^https?://", "", value.strip(), flags=re.IGNORECASE)
    if written.count("/") == 1 and written.endswith("/"):
        written = written[:-1]
    return written if _WEB.match(written) else None


def normalise_email(value: str) -> str | None:
    written = re.sub(r"^mailto:", "", value.strip(), flags=re.IGNORECASE)
    return written if _EMAIL.match(written) else None


def parse_hours_text(text: str) -> OpeningHours | None:
    """ "" -> None (unknown); ``døgnåpen``; or rules separated by ``|``, ``,``, ``;`` or line
    breaks (a rule has none of them; "," is how ``OpeningHours.describe`` joins rules)."""
    rules = [r.strip() for r in re.split(r"[|,;\n\r]", text.replace("–", "-")) if r.strip()]
    if not rules:
        return None
    return parse_hours(rules[0] if len(rules) == 1 else rules)


def hours_text(hours: OpeningHours | None) -> str:
    """The inverse of ``parse_hours_text``."""
    if hours is None:
        return ""
    spec = hours.spec()
    return spec if isinstance(spec, str) else " | ".join(spec)


def clean_text(value: str) -> str:
    """What every text field is saved as: characters UTF-8 can hold, line breaks as ``\\n``,
    no space at either end."""
    return _text(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def check_contact(draft: ContactDraft) -> list[LocalValidationError]:
    """Everything wrong with ``draft``, in the order of the form; [] if it can be saved."""
    return _checked(draft)[1]


def _checked(draft: ContactDraft) -> tuple[Contact, list[LocalValidationError]]:
    """The draft as a contact (id "", ``verified`` today if None) and what is wrong with it."""
    errors: list[LocalValidationError] = []

    def bad(template: str, name: str, channel: int | None = None, **params: Any) -> None:
        errors.append(LocalValidationError(template, field=name, channel=channel, **params))

    name = clean_text(draft.name)
    if not name:
        bad(QT_TRANSLATE_NOOP("Handbok", "Kontakten må ha et navn."), "name")
    category = _CATEGORIES.get(_vocabulary_key(draft.category), "")
    if not draft.category.strip():
        bad(
            QT_TRANSLATE_NOOP("Handbok", "Velg en kategori for kontakten ({allowed})."),
            "category",
            allowed=", ".join(CATEGORIES),
        )
    elif not category:
        bad(
            QT_TRANSLATE_NOOP("Handbok", "Ukjent kategori «{value}» (bruk {allowed})."),
            "category",
            value=clean_text(draft.category),
            allowed=", ".join(CATEGORIES),
        )
    audience: set[str] = set()
    for value in draft.audience:
        if not value.strip():
            continue
        known = _AUDIENCES.get(_vocabulary_key(value))
        if known is None:
            bad(
                QT_TRANSLATE_NOOP("Handbok", "Ukjent målgruppe «{value}» (bruk {allowed})."),
                "audience",
                value=clean_text(value),
                allowed=", ".join(AUDIENCES),
            )
        else:
            audience.add(known)
    hours = _hours(draft.hours, bad, "hours")
    channels = [c for n, d in enumerate(draft.channels) if (c := _channel(d, n, bad))]
    channels.sort(key=lambda c: _CHANNEL_ORDER[c.type])
    contact = Contact(
        id="",
        name=name,
        category=category,
        audience=tuple(a for a in AUDIENCES if a in audience),
        channels=tuple(channels),
        description=clean_text(draft.description),
        source=clean_text(draft.source),
        verified=draft.verified or date.today(),
        organisation=clean_text(draft.organisation),
        region=clean_text(draft.region) or LOCAL_REGION,
        address=clean_text(draft.address),
        hours=hours,
    )
    return contact, errors


def _hours(text: str, bad: Any, name: str, channel: int | None = None) -> OpeningHours | None:
    try:
        return parse_hours_text(text)
    except HoursError as error:
        template = QT_TRANSLATE_NOOP("Handbok", "Åpningstiden kan ikke leses: {what}.")
        bad(template, name, channel, what=str(error))
        return None


def _channel(draft: ChannelDraft, n: int, bad: Any) -> Channel | None:
    kind = _CHANNELS.get(_vocabulary_key(draft.type))
    value = clean_text(draft.value)
    if not draft.type.strip() and not value:
        return None  # an empty row of the form
    if kind is None:
        bad(
            QT_TRANSLATE_NOOP("Handbok", "Ukjent kanal «{value}» (bruk {allowed})."),
            "type",
            n,
            value=clean_text(draft.type),
            allowed=", ".join(CHANNEL_TYPES),
        )
        return None
    if not value:
        bad(
            QT_TRANSLATE_NOOP("Handbok", "Kanalen «{type}» mangler nummer eller adresse."),
            "value",
            n,
            type=kind,
        )
        return None
    if kind in ("telefon", "sms"):
        written = normalise_number(value)
        template = QT_TRANSLATE_NOOP(
            "Handbok",
            "«{value}» er ikke et norsk telefonnummer. Skriv åtte sifre, som 22 40 00 40, "
            "eller et kort nummer, som 113, 1881 eller 116 123.",
        )
    elif kind == "e-post":
        written = normalise_email(value)
        template = QT_TRANSLATE_NOOP(
            "Handbok", "«{value}» er ikke en e-postadresse (skriv f.eks. post@kommune.no)."
        )
    else:
        written = normalise_web(value)
        template = QT_TRANSLATE_NOOP(
            "Handbok",
            "«{value}» er ikke en nettadresse (skriv f.eks. selvhjelp.no, uten mellomrom).",
        )
    if written is None:
        bad(template, "value", n, value=value)
        return None
    hours = _hours(draft.hours, bad, "hours", n)
    return Channel(type=kind, value=written, note=clean_text(draft.note), hours=hours)


def _valid(draft: ContactDraft) -> Contact:
    contact, errors = _checked(draft)
    if errors:
        raise errors[0]
    return contact


def _check_note(section_id: str, text: str) -> str:
    if not SECTION_ID.match(section_id):
        raise LocalValidationError(
            QT_TRANSLATE_NOOP(
                "Handbok", "«{id}» er ikke et avsnitt i veiledningen (skriv artikkel-id#anker)."
            ),
            field="section",
            id=section_id,
        )
    cleaned = clean_text(text)
    if not cleaned:
        raise _empty_note()
    return cleaned


def _empty_note() -> LocalValidationError:
    return LocalValidationError(QT_TRANSLATE_NOOP("Handbok", "Notatet er tomt."), field="text")


# --- the SQLite file -----------------------------------------------------------------------


def _v1(conn: sqlite3.Connection) -> None:
    for sql in (
        """CREATE TABLE contacts (
               id TEXT PRIMARY KEY,
               name TEXT NOT NULL,
               organisation TEXT NOT NULL DEFAULT '',
               category TEXT NOT NULL,
               audience TEXT NOT NULL DEFAULT '[]',
               channels TEXT NOT NULL DEFAULT '[]',
               hours TEXT,
               region TEXT NOT NULL DEFAULT 'lokal',
               address TEXT NOT NULL DEFAULT '',
               description TEXT NOT NULL DEFAULT '',
               source TEXT NOT NULL DEFAULT '',
               verified TEXT NOT NULL,
               created TEXT NOT NULL,
               updated TEXT NOT NULL)""",
        """CREATE TABLE notes (
               id INTEGER PRIMARY KEY AUTOINCREMENT,
               section_id TEXT NOT NULL,
               text TEXT NOT NULL,
               created TEXT NOT NULL,
               updated TEXT NOT NULL)""",
        "CREATE INDEX notes_section ON notes (section_id, id)",
    ):
        conn.execute(sql)


# MIGRATIONS[n] takes a database from version n to n + 1. Append, never edit a released step.
MIGRATIONS = (_v1,)
SCHEMA_VERSION = len(MIGRATIONS)

_DAMAGED_NOTICE = QT_TRANSLATE_NOOP(
    "Handbok",
    "Filen med lokale kontakter og notater var skadet og kunne ikke brukes. "
    "Den er tatt vare på som {path}, og Handbok har laget en ny, tom fil.",
)
_NEWER_NOTICE = QT_TRANSLATE_NOOP(
    "Handbok",
    "Filen med lokale kontakter og notater er lagret av en nyere versjon av Handbok. "
    "Den er tatt vare på som {path}, og denne versjonen har laget en ny, tom fil.",
)
LOCAL_FILE = FileKind(
    name=FILE_NAME,
    migrations=MIGRATIONS,
    open_action=QT_TRANSLATE_NOOP("Handbok", "åpne de lokale kontaktene"),
    damaged_notice=_DAMAGED_NOTICE,
    newer_notice=_NEWER_NOTICE,
    newer_in_use=QT_TRANSLATE_NOOP(
        "Handbok",
        "En nyere versjon av Handbok bruker filen med lokale kontakter. "
        "Lukk den før du åpner denne versjonen.",
    ),
)


def _contact_row(contact: Contact) -> dict[str, Any]:
    return {
        "id": contact.id,
        "name": contact.name,
        "organisation": contact.organisation,
        "category": contact.category,
        "audience": json.dumps(contact.audience, ensure_ascii=False),
        "channels": json.dumps(
            [
                {
                    "type": c.type,
                    "value": c.value,
                    "note": c.note,
                    "hours": c.hours.spec() if c.hours else None,
                }
                for c in contact.channels
            ],
            ensure_ascii=False,
        ),
        "hours": json.dumps(contact.hours.spec(), ensure_ascii=False) if contact.hours else None,
        "region": contact.region,
        "address": contact.address,
        "description": contact.description,
        "source": contact.source,
        "verified": contact.verified.isoformat(),
    }


def _spec_hours(spec: Any) -> OpeningHours | None:
    return parse_hours(spec) if spec else None


def _contact(row: sqlite3.Row) -> Contact:
    return Contact(
        id=row["id"],
        name=row["name"],
        organisation=row["organisation"],
        category=row["category"],
        audience=tuple(json.loads(row["audience"])),
        channels=tuple(
            Channel(c["type"], c["value"], c["note"], _spec_hours(c["hours"]))
            for c in json.loads(row["channels"])
        ),
        hours=_spec_hours(json.loads(row["hours"])) if row["hours"] else None,
        region=row["region"],
        address=row["address"],
        description=row["description"],
        source=row["source"],
        verified=date.fromisoformat(row["verified"]),
    )


def _note(row: sqlite3.Row | None) -> LocalNote:
    assert row is not None
    return LocalNote(
        id=row["id"],
        section_id=row["section_id"],
        text=row["text"],
        created=datetime.fromisoformat(row["created"]),
        updated=datetime.fromisoformat(row["updated"]),
    )


# Æ, Ø, Å come after Z, above every other letter; ä and ö sort as æ and ø.
_LAST = {"æ": "\U000ffff1", "ä": "\U000ffff1", "ø": "\U000ffff2", "ö": "\U000ffff2"}
_ALPHABET = str.maketrans({**_LAST, "å": "\U000ffff3"})


def _collate(text: str) -> str:
    """A key that sorts text as a Norwegian reader expects: é with e, æ ø å after z."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_ALPHABET))
    return "".join(c for c in folded if not unicodedata.combining(c))


def sort_key(contact: Contact) -> tuple[str, str, str]:
    """Norwegian alphabetical order of name, then organisation."""
    return (_collate(contact.name), _collate(contact.organisation), contact.id)


class LocalStore:
    """``lokalt.sqlite3``, open. ``notice`` is set when a bad file was moved aside.

    ``reserved_ids``: ids new contacts must not get (those of ``kommune.yaml``).
    Use one ``LocalStore`` per thread.
    """

    def __init__(
        self, db: _Db, notice: Notice | None, journal_mode: str, reserved_ids: Collection[str]
    ) -> None:
        self._db = db
        self.path = db.path
        self.notice = notice
        self.journal_mode = journal_mode
        self.contacts = LocalContacts(db, frozenset(reserved_ids))
        self.notes = LocalNotes(db)

    @classmethod
    def open(cls, folder: str | Path, reserved_ids: Collection[str] = ()) -> LocalStore:
        db, notice, mode = open_file(Path(folder), LOCAL_FILE)
        return cls(db, notice, mode, reserved_ids)

    def close(self) -> None:
        self._db.conn.close()

    def __enter__(self) -> LocalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_COLUMNS = (
    "id", "name", "organisation", "category", "audience", "channels", "hours", "region",
    "address", "description", "source", "verified",
)  # fmt: skip
_INSERT = (
    f"INSERT INTO contacts ({', '.join(_COLUMNS)}, created, updated) "
    f"VALUES ({', '.join(':' + c for c in _COLUMNS)}, :now, :now)"
)
_UPDATE = (
    f"UPDATE contacts SET {', '.join(f'{c} = :{c}' for c in _COLUMNS[1:])}, updated = :now "
    "WHERE id = :id"
)


class LocalContacts:
    """Contacts staff add for their municipality; read and written as ``Contact`` values."""

    def __init__(self, db: _Db, reserved: frozenset[str]) -> None:
        self._db = db
        self.reserved = reserved

    def add(self, draft: ContactDraft) -> Contact:
        """Check and save a new contact; raise LocalValidationError with the first problem."""
        contact = _valid(draft)
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "lagre kontakten")) as conn:
            taken = {r[0] for r in conn.execute("SELECT id FROM contacts")} | self.reserved
            contact = replace(contact, id=new_id(contact.name, taken))
            conn.execute(_INSERT, {**_contact_row(contact), "now": _now()})
        return contact

    def update(self, contact_id: str, draft: ContactDraft) -> Contact:
        """Replace what is saved for ``contact_id``; its id stays, whatever the new name."""
        contact = _valid(draft)
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "lagre kontakten")) as conn:
            old = _one(conn.execute("SELECT verified FROM contacts WHERE id = ?", (contact_id,)))
            if old is None:
                raise _contact_gone(contact_id)
            verified = draft.verified or date.fromisoformat(old["verified"])
            contact = replace(contact, id=contact_id, verified=verified)
            conn.execute(_UPDATE, {**_contact_row(contact), "now": _now()})
        return contact

    def delete(self, contact_id: str) -> bool:
        """Remove the contact; False if there was none."""
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "slette kontakten")) as conn:
            deleted = conn.execute("DELETE FROM contacts WHERE id = ?", (contact_id,)).rowcount
        return deleted > 0

    def get(self, contact_id: str) -> Contact | None:
        rows = self._db.rows("SELECT * FROM contacts WHERE id = ?", (contact_id,))
        return _contact(rows[0]) if rows else None

    def merge(self, items: Iterable[tuple[str, ContactDraft]]) -> list[Merged]:
        """Import ``(id or "", draft)`` pairs in one transaction: all or nothing.

        Each is matched to a saved contact by id (in any spelling ``normalise_id`` accepts),
        else by name and organisation (``match_key``). A match is updated (its id kept, and its
        date checked kept when the draft has none) unless nothing changed; anything else is
        added, with the given id if it is free, else one made from the name. Earlier items
        count as saved for later ones, so one file never adds the same contact twice.
        A draft with a problem raises LocalValidationError and nothing is saved.
        """
        checked = [(normalise_id(ident), draft, _valid(draft)) for ident, draft in items]
        outcomes: list[Merged] = []
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "importere kontaktene")) as conn:
            saved = {r["id"]: _contact(r) for r in conn.execute("SELECT * FROM contacts")}
            by_key: dict[tuple[str, str], str] = {}
            for c in sorted(saved.values(), key=sort_key):
                by_key.setdefault(match_key(c.name, c.organisation), c.id)
            for ident, draft, contact in checked:
                key = match_key(contact.name, contact.organisation)
                target = ident if ident in saved else by_key.get(key)
                now = _now()
                if target is not None:
                    old = saved[target]
                    new = replace(contact, id=target, verified=draft.verified or old.verified)
                    if new == old:
                        outcomes.append(("unchanged", old))
                        continue
                    conn.execute(_UPDATE, {**_contact_row(new), "now": now})
                    outcomes.append(("updated", new))
                else:
                    taken = saved.keys() | self.reserved
                    free = ident and ident not in taken
                    new = replace(contact, id=ident if free else new_id(contact.name, taken))
                    conn.execute(_INSERT, {**_contact_row(new), "now": now})
                    outcomes.append(("added", new))
                saved[new.id] = new
                by_key.setdefault(key, new.id)
        return outcomes

    def list(self) -> list[Contact]:
        """In Norwegian alphabetical order of name, then organisation."""
        return sorted((_contact(r) for r in self._db.rows("SELECT * FROM contacts")), key=sort_key)


def _contact_gone(contact_id: str) -> NotFoundError:
    return NotFoundError(
        QT_TRANSLATE_NOOP(
            "Handbok",
            "Kontakten «{id}» finnes ikke lenger. Den kan være slettet i et annet vindu.",
        ),
        id=contact_id,
    )


class LocalNotes:
    """Notes staff attach to a section of the guidance ("artikkel-id#anker")."""

    def __init__(self, db: _Db) -> None:
        self._db = db

    def add(self, section_id: str, text: str) -> LocalNote:
        text = _check_note(section_id, text)
        now = _now()
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "lagre notatet")) as conn:
            sql = "INSERT INTO notes (section_id, text, created, updated) VALUES (?, ?, ?, ?) "
            row = _one(conn.execute(sql + "RETURNING *", (section_id, text, now, now)))
        return _note(row)

    def update(self, note_id: int, text: str) -> LocalNote:
        cleaned = clean_text(text)
        if not cleaned:
            raise _empty_note()
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "lagre notatet")) as conn:
            sql = "UPDATE notes SET text = ?, updated = ? WHERE id = ? RETURNING *"
            row = _one(conn.execute(sql, (cleaned, _now(), note_id)))
        if row is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP(
                    "Handbok", "Notatet finnes ikke lenger. Det kan være slettet i et annet vindu."
                )
            )
        return _note(row)

    def delete(self, note_id: int) -> bool:
        """Remove the note; False if there was none."""
        with self._db.write(QT_TRANSLATE_NOOP("Handbok", "slette notatet")) as conn:
            deleted = conn.execute("DELETE FROM notes WHERE id = ?", (note_id,)).rowcount
        return deleted > 0

    def get(self, note_id: int) -> LocalNote | None:
        rows = self._db.rows("SELECT * FROM notes WHERE id = ?", (note_id,))
        return _note(rows[0]) if rows else None

    def list_for(self, section_id: str) -> list[LocalNote]:
        """The notes on one section, oldest first."""
        sql = "SELECT * FROM notes WHERE section_id = ? ORDER BY id"
        return [_note(r) for r in self._db.rows(sql, (section_id,))]

    def list_all(self) -> list[LocalNote]:
        """Every note, by section id, oldest first within a section."""
        return [_note(r) for r in self._db.rows("SELECT * FROM notes ORDER BY section_id, id")]


# --- kommune.yaml --------------------------------------------------------------------------

_TOP_KEYS = {"version", "municipality", "logo", "contacts", "notes"}
_CONTACT_KEYS = {
    "id", "name", "organisation", "category", "audience", "channels", "hours", "region",
    "address", "description", "source", "verified", "caution",
}  # fmt: skip
_CHANNEL_KEYS = {"type", "value", "note", "hours"}
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".svg", ".bmp", ".gif"}


def parse_date(value: object) -> date | None:
    """A date as written in a file: ``2026-11-22``, ``22.11.2026`` or ``22.11.26``."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            year, month, day = (int(p) for p in text.split("-"))
            return date(year, month, day)
        match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})", text)
        if match:
            day, month, year = (int(p) for p in match.groups())
            return date(year + 2000 if year < 100 else year, month, day)
    except ValueError:
        return None
    return None


class _Problems:
    def __init__(self, path: Path) -> None:
        self.file = str(path)
        self.items: list[Problem] = []

    def add(self, line: int, template: str, **params: Any) -> None:
        self.items.append(Problem(self.file, line, template, params))


def find_deployment(folders: Iterable[Path]) -> Path | None:
    """The first ``kommune.yaml`` in ``folders`` (program folder, machine-wide data folder)."""
    return next((f / DEPLOYMENT_FILE for f in folders if (f / DEPLOYMENT_FILE).is_file()), None)


def load_deployment(path: str | Path) -> Deployment:
    """Read and check ``kommune.yaml``; raise DeploymentError (``file:line: ...``) if bad."""
    path = Path(path)
    problems = _Problems(path)
    data = _read_deployment(path, problems)
    if problems.items:
        raise DeploymentError(problems.items)
    if not isinstance(data, yamlsrc.LineDict):
        problems.add(
            1,
            QT_TRANSLATE_NOOP(
                "Handbok", "filen skal være felt med verdier, som «municipality: Hamar kommune»"
            ),
        )
        raise DeploymentError(problems.items)
    _unknown_keys(data, _TOP_KEYS, problems)
    version = data.get("version", DEPLOYMENT_VERSION)
    if version != DEPLOYMENT_VERSION or isinstance(version, bool):
        problems.add(
            data.line_of("version"),
            QT_TRANSLATE_NOOP(
                "Handbok",
                "filen har versjon {found}, men denne versjonen av Handbok leser {wanted}",
            ),
            found=version,
            wanted=DEPLOYMENT_VERSION,
        )
    municipality = _scalar(data, "municipality", problems, required=True)
    logo = _logo(data, path, problems)
    contacts = _deployment_contacts(data, problems)
    notes = _deployment_notes(data, problems)
    if problems.items:
        raise DeploymentError(problems.items)
    return Deployment(path, municipality, logo, tuple(contacts), tuple(notes))


def _read_deployment(path: Path, problems: _Problems) -> Any:
    try:
        text = path.read_bytes().decode("utf-8-sig")
        return yamlsrc.load(text)
    except FileNotFoundError:
        problems.add(1, QT_TRANSLATE_NOOP("Handbok", "filen finnes ikke"))
    except UnicodeDecodeError:
        problems.add(1, QT_TRANSLATE_NOOP("Handbok", "filen er ikke lagret som UTF-8"))
    except OSError as error:
        problems.add(
            1,
            QT_TRANSLATE_NOOP("Handbok", "kan ikke lese filen ({reason})"),
            reason=error.strerror or str(error),
        )
    except yaml.YAMLError as error:
        line, what = yamlsrc.error_line(error)
        problems.add(line, QT_TRANSLATE_NOOP("Handbok", "ugyldig YAML: {what}"), what=what)
    return None


def _unknown_keys(data: yamlsrc.LineDict, known: set[str], problems: _Problems) -> None:
    for key in sorted(set(data) - known, key=data.line_of):
        template = QT_TRANSLATE_NOOP("Handbok", "ukjent felt «{key}»")
        problems.add(data.line_of(key), template, key=key)


def _scalar(
    data: yamlsrc.LineDict, key: str, problems: _Problems, *, required: bool = False
) -> str:
    value = data.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.add(data.line, QT_TRANSLATE_NOOP("Handbok", "mangler feltet «{key}»"), key=key)
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        problems.add(
            data.line_of(key),
            QT_TRANSLATE_NOOP("Handbok", "feltet «{key}» skal være tekst"),
            key=key,
        )
        return ""
    return str(value).strip()


def _rules(data: yamlsrc.LineDict, key: str, problems: _Problems) -> str:
    """Hours as ``døgnåpen``, one rule, or a list of rules -> the " | " text form."""
    value = data.get(key)
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return " | ".join(value)
        problems.add(
            data.line_of(key),
            QT_TRANSLATE_NOOP("Handbok", "feltet «{key}» skal være en liste med tekster"),
            key=key,
        )
        return ""
    return _scalar(data, key, problems)


def _logo(data: yamlsrc.LineDict, path: Path, problems: _Problems) -> Path | None:
    name = _scalar(data, "logo", problems)
    if not name:
        return None
    logo = (path.parent / name).resolve()
    if logo.suffix.lower() not in _IMAGE_SUFFIXES:
        problems.add(
            data.line_of("logo"),
            QT_TRANSLATE_NOOP(
                "Handbok", "logoen «{name}» skal være et bilde (PNG, JPEG eller SVG)"
            ),
            name=name,
        )
    elif not logo.is_file():
        problems.add(
            data.line_of("logo"),
            QT_TRANSLATE_NOOP("Handbok", "fant ikke logoen «{name}» ved siden av filen"),
            name=name,
        )
    return logo


def _entries(data: yamlsrc.LineDict, key: str, problems: _Problems) -> list[yamlsrc.LineDict]:
    value = data.get(key)
    if value is None:
        return []
    entries = value if isinstance(value, list) else [None]
    result = [e for e in entries if isinstance(e, yamlsrc.LineDict)]
    if len(result) != len(entries):
        problems.add(
            data.line_of(key),
            QT_TRANSLATE_NOOP("Handbok", "«{key}» skal være en liste der hvert punkt har felt"),
            key=key,
        )
    return result


def _deployment_contacts(data: yamlsrc.LineDict, problems: _Problems) -> list[Contact]:
    contacts: list[Contact] = []
    taken: set[str] = set()
    for entry in _entries(data, "contacts", problems):
        before = len(problems.items)
        _unknown_keys(entry, _CONTACT_KEYS, problems)
        channel_entries = _entries(entry, "channels", problems)
        for item in channel_entries:
            _unknown_keys(item, _CHANNEL_KEYS, problems)
        audience = entry.get("audience") or []
        if isinstance(audience, str):
            audience = audience.split(",")
        if not isinstance(audience, list) or not all(isinstance(a, str) for a in audience):
            problems.add(
                entry.line_of("audience"),
                QT_TRANSLATE_NOOP("Handbok", "feltet «{key}» skal være en liste med tekster"),
                key="audience",
            )
            audience = []
        verified = parse_date(entry["verified"]) if entry.get("verified") is not None else None
        if verified is None:
            problems.add(
                entry.line_of("verified") if "verified" in entry else entry.line,
                QT_TRANSLATE_NOOP(
                    "Handbok",
                    "feltet «verified» skal være datoen opplysningene ble kontrollert, "
                    "som 2026-11-22",
                ),
            )
        draft = ContactDraft(
            name=_scalar(entry, "name", problems),
            category=_scalar(entry, "category", problems),
            audience=tuple(audience),
            channels=tuple(
                ChannelDraft(
                    type=_scalar(item, "type", problems),
                    value=_scalar(item, "value", problems),
                    note=_scalar(item, "note", problems),
                    hours=_rules(item, "hours", problems),
                )
                for item in channel_entries
            ),
            organisation=_scalar(entry, "organisation", problems),
            hours=_rules(entry, "hours", problems),
            region=_scalar(entry, "region", problems) or LOCAL_REGION,
            address=_scalar(entry, "address", problems),
            description=_scalar(entry, "description", problems),
            source=_scalar(entry, "source", problems),
            verified=verified,
        )
        contact, errors = _checked(draft)
        for error in errors:
            where = entry if error.channel is None else channel_entries[error.channel]
            problems.add(where.line_of(error.field), error.template, **error.params)
        written = _scalar(entry, "id", problems)
        ident = normalise_id(written) if written else new_id(contact.name, taken)
        if written and not ident:
            problems.add(
                entry.line_of("id"),
                QT_TRANSLATE_NOOP("Handbok", "id «{id}» kan ikke brukes; skriv f.eks. lokal-navn"),
                id=written,
            )
        elif ident in taken:
            problems.add(
                entry.line_of("id"),
                QT_TRANSLATE_NOOP("Handbok", "id «{id}» er brukt før i filen"),
                id=ident,
            )
        taken.add(ident)
        if len(problems.items) == before:
            caution = clean_text(_scalar(entry, "caution", problems))
            contacts.append(replace(contact, id=ident, caution=caution))
    return contacts


def _deployment_notes(data: yamlsrc.LineDict, problems: _Problems) -> list[DeploymentNote]:
    notes: list[DeploymentNote] = []
    for entry in _entries(data, "notes", problems):
        _unknown_keys(entry, {"section", "text"}, problems)
        section = _scalar(entry, "section", problems, required=True)
        text = _scalar(entry, "text", problems, required=True)
        if not section or not text:
            continue
        try:
            notes.append(DeploymentNote(section, _check_note(section, text)))
        except LocalValidationError as error:
            problems.add(entry.line_of(error.field), error.template, **error.params)
    return notes
