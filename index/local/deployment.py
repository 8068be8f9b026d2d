"""The municipality's deployment file, read-only to users.

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

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from index.content import yamlsrc
from index.content.model import Contact
from index.errors import DeploymentError, LocalValidationError, Problem
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

DEPLOYMENT_FILE = "kommune.yaml"
DEPLOYMENT_VERSION = 1


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
        contact, errors = checked_contact(draft)
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
            notes.append(DeploymentNote(section, check_note(section, text)))
        except LocalValidationError as error:
            problems.add(entry.line_of(error.field), error.template, **error.params)
    return notes
