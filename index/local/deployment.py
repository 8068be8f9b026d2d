"""The municipality's deployment file, read-only to users.

The deployment file, ``kommune.yaml`` (UTF-8)::

    version: 1                          # optional; this program reads version 1
    municipality: Hamar kommune         # required: the municipality's name
    logo: logo.png                      # optional: a PNG, JPEG, GIF or BMP file (not SVG),
                                        #   relative to this file, at most 2 MB
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
and keeps working with the national content. The file may be at most 2 MB (a list of a few
hundred contacts is under 100 KB) and may not use YAML aliases (``*name``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from index.content import yamlsrc
from index.content.fields import (
    CHANNEL_FIELDS,
    CONTACT_FIELDS,
    Problems,
    read_yaml,
    text_field,
    unknown_keys,
)
from index.content.model import Contact
from index.errors import DeploymentError, LocalValidationError
from index.i18n import QT_TRANSLATE_NOOP
from index.local.draft import (
    LOCAL_REGION,
    ChannelDraft,
    ContactDraft,
    check_note,
    checked_contact,
    clean_text,
    new_id,
    normalise_id,
)
from index.paths import DEPLOYMENT_FILE as DEPLOYMENT_FILE
from index.paths import find_deployment as find_deployment

DEPLOYMENT_VERSION = 1
MAX_BYTES = 2 * 1024 * 1024  # read at every start: a bigger file is a mistake, not a list
MAX_LOGO_BYTES = 2 * 1024 * 1024
# What a logo file starts with, by format; SVG is not among them, as an SVG can name other
# files (<image href="file:...">) that would be read when the handout is printed.
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM")


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


# --- kommune.yaml --------------------------------------------------------------------------

_TOP_KEYS = {"version", "municipality", "logo", "contacts", "notes"}
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif"}


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


def load_deployment(path: str | Path) -> Deployment:
    """Read and check ``kommune.yaml``; raise DeploymentError (``file:line: ...``) if bad."""
    path = Path(path)
    problems = Problems()
    data = read_yaml(path, problems, max_bytes=MAX_BYTES)
    if problems.items:
        raise DeploymentError(problems.items)
    if not isinstance(data, yamlsrc.LineDict):
        problems.add(
            path,
            1,
            QT_TRANSLATE_NOOP(
                "Handbok", "filen skal være felt med verdier, som «municipality: Hamar kommune»"
            ),
        )
        raise DeploymentError(problems.items)
    unknown_keys(data, _TOP_KEYS, path, problems)
    version = data.get("version", DEPLOYMENT_VERSION)
    if version != DEPLOYMENT_VERSION or isinstance(version, bool):
        problems.add(
            path,
            data.line_of("version"),
            QT_TRANSLATE_NOOP(
                "Handbok",
                "filen har versjon {found}, men denne versjonen av Handbok leser {wanted}",
            ),
            found=version,
            wanted=DEPLOYMENT_VERSION,
        )
    municipality = text_field(data, "municipality", path, problems)
    logo = _logo(data, path, problems)
    contacts = _deployment_contacts(data, path, problems)
    notes = _deployment_notes(data, path, problems)
    if problems.items:
        raise DeploymentError(problems.items)
    return Deployment(path, municipality, logo, tuple(contacts), tuple(notes))


def _rules(data: yamlsrc.LineDict, key: str, path: Path, problems: Problems) -> str:
    """Hours as ``døgnåpen``, one rule, or a list of rules -> the " | " text form."""
    value = data.get(key)
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return " | ".join(value)
        problems.add(
            path,
            data.line_of(key),
            QT_TRANSLATE_NOOP("Handbok", "feltet «{key}» skal være en liste med tekster"),
            key=key,
        )
        return ""
    return text_field(data, key, path, problems, required=False)


def _logo(data: yamlsrc.LineDict, path: Path, problems: Problems) -> Path | None:
    name = text_field(data, "logo", path, problems, required=False)
    if not name:
        return None
    logo = (path.parent / name).resolve()
    if logo.suffix.lower() not in _IMAGE_SUFFIXES:
        problems.add(
            path,
            data.line_of("logo"),
            QT_TRANSLATE_NOOP(
                "Handbok",
                "logoen «{name}» skal være et bilde i PNG, JPEG, GIF eller BMP (ikke SVG)",
            ),
            name=name,
        )
    elif not logo.is_file():
        problems.add(
            path,
            data.line_of("logo"),
            QT_TRANSLATE_NOOP("Handbok", "fant ikke logoen «{name}» ved siden av filen"),
            name=name,
        )
    elif not _is_image(logo):
        problems.add(
            path,
            data.line_of("logo"),
            QT_TRANSLATE_NOOP(
                "Handbok",
                "logoen «{name}» er ikke et bilde i PNG, JPEG, GIF eller BMP, eller den er større "
                "enn {limit} MB",
            ),
            name=name,
            limit=MAX_LOGO_BYTES // (1024 * 1024),
        )
    return logo


def _is_image(path: Path) -> bool:
    """Whether the file is what its name says, by its first bytes, and small enough."""
    try:
        if path.stat().st_size > MAX_LOGO_BYTES:
            return False
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError:
        return False
    return head.startswith(_IMAGE_MAGIC)


def _entries(
    data: yamlsrc.LineDict, key: str, path: Path, problems: Problems
) -> list[yamlsrc.LineDict]:
    value = data.get(key)
    if value is None:
        return []
    entries = value if isinstance(value, list) else [None]
    result = [e for e in entries if isinstance(e, yamlsrc.LineDict)]
    if len(result) != len(entries):
        problems.add(
            path,
            data.line_of(key),
            QT_TRANSLATE_NOOP("Handbok", "«{key}» skal være en liste der hvert punkt har felt"),
            key=key,
        )
    return result


def _deployment_contacts(data: yamlsrc.LineDict, path: Path, problems: Problems) -> list[Contact]:
    contacts: list[Contact] = []
    taken: set[str] = set()
    for entry in _entries(data, "contacts", path, problems):
        before = len(problems.items)
        unknown_keys(entry, CONTACT_FIELDS, path, problems)
        channel_entries = _entries(entry, "channels", path, problems)
        for item in channel_entries:
            unknown_keys(item, CHANNEL_FIELDS, path, problems)
        audience = entry.get("audience") or []
        if isinstance(audience, str):
            audience = audience.split(",")
        if not isinstance(audience, list) or not all(isinstance(a, str) for a in audience):
            problems.add(
                path,
                entry.line_of("audience"),
                QT_TRANSLATE_NOOP("Handbok", "feltet «{key}» skal være en liste med tekster"),
                key="audience",
            )
            audience = []
        verified = parse_date(entry["verified"]) if entry.get("verified") is not None else None
        if verified is None:
            problems.add(
                path,
                entry.line_of("verified") if "verified" in entry else entry.line,
                QT_TRANSLATE_NOOP(
                    "Handbok",
                    "feltet «verified» skal være datoen opplysningene ble kontrollert, "
                    "som 2026-11-22",
                ),
            )
        draft = ContactDraft(
            name=text_field(entry, "name", path, problems, required=False),
            category=text_field(entry, "category", path, problems, required=False),
            audience=tuple(audience),
            channels=tuple(
                ChannelDraft(
                    type=text_field(item, "type", path, problems, required=False),
                    value=text_field(item, "value", path, problems, required=False),
                    note=text_field(item, "note", path, problems, required=False),
                    hours=_rules(item, "hours", path, problems),
                )
                for item in channel_entries
            ),
            organisation=text_field(entry, "organisation", path, problems, required=False),
            hours=_rules(entry, "hours", path, problems),
            region=text_field(entry, "region", path, problems, required=False) or LOCAL_REGION,
            address=text_field(entry, "address", path, problems, required=False),
            description=text_field(entry, "description", path, problems, required=False),
            source=text_field(entry, "source", path, problems, required=False),
            verified=verified,
        )
        contact, errors = checked_contact(draft)
        for error in errors:
            where = entry if error.channel is None else channel_entries[error.channel]
            problems.add(path, where.line_of(error.field), error.template, **error.params)
        written = text_field(entry, "id", path, problems, required=False)
        ident = normalise_id(written) if written else new_id(contact.name, taken)
        if written and not ident:
            problems.add(
                path,
                entry.line_of("id"),
                QT_TRANSLATE_NOOP("Handbok", "id «{id}» kan ikke brukes; skriv f.eks. lokal-navn"),
                id=written,
            )
        elif ident in taken:
            problems.add(
                path,
                entry.line_of("id"),
                QT_TRANSLATE_NOOP("Handbok", "id «{id}» er brukt før i filen"),
                id=ident,
            )
        taken.add(ident)
        if len(problems.items) == before:
            caution = clean_text(text_field(entry, "caution", path, problems, required=False))
            contacts.append(replace(contact, id=ident, caution=caution))
    return contacts


def _deployment_notes(
    data: yamlsrc.LineDict, path: Path, problems: Problems
) -> list[DeploymentNote]:
    notes: list[DeploymentNote] = []
    for entry in _entries(data, "notes", path, problems):
        unknown_keys(entry, {"section", "text"}, path, problems)
        section = text_field(entry, "section", path, problems)
        text = text_field(entry, "text", path, problems)
        if not section or not text:
            continue
        try:
            notes.append(DeploymentNote(section, check_note(section, text)))
        except LocalValidationError as error:
            problems.add(path, entry.line_of(error.field), error.template, **error.params)
    return notes
