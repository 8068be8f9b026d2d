"""Contacts: contacts.yaml, each with its channels, opening hours and verified numbers."""

from __future__ import annotations

from pathlib import Path

from index.content import yamlsrc
from index.content.fields import (
    CHANNEL_FIELDS,
    CONTACT_FIELDS,
    Problems,
    check_id,
    check_number,
    date_field,
    read_yaml,
    string_list,
    text_field,
    unknown_keys,
)
from index.content.hours import HoursError, OpeningHours, parse_hours
from index.content.model import (
    AUDIENCES,
    CATEGORIES,
    CHANNEL_TYPES,
    NUMBER_CHANNELS,
    Channel,
    Contact,
    is_local_id,
)
from index.i18n import QT_TRANSLATE_NOOP
from index.untrusted import web_address


def load_contacts(path: Path, numbers: dict[str, str], problems: Problems) -> list[Contact]:
    if not path.is_file():
        problems.add(path, 1, QT_TRANSLATE_NOOP("Handbok", "kontaktlisten mangler"))
        return []
    data = read_yaml(path, problems)
    if not isinstance(data, list):
        if data is not None:
            problems.add(
                path,
                1,
                QT_TRANSLATE_NOOP("Handbok", "kontaktlisten skal være en liste («- id: ...»)"),
            )
        problems.lines["kontakt:*"] = 1  # unreadable: links to contacts are not checked
        return []
    contacts = []
    for entry in data:
        if not isinstance(entry, yamlsrc.LineDict):
            problems.add(
                path, 1, QT_TRANSLATE_NOOP("Handbok", "hver kontakt skal være felt med verdier")
            )
            continue
        contact = _contact(entry, path, numbers, problems)
        if contact:
            contacts.append(contact)
    return contacts


def _contact(
    entry: yamlsrc.LineDict, path: Path, numbers: dict[str, str], problems: Problems
) -> Contact | None:
    before = len(problems.items)
    ident = check_id(entry, path, problems, stem=False)
    problems.lines[ident] = entry.line_of("id")
    if is_local_id(ident):
        problems.add(
            path,
            entry.line_of("id"),
            QT_TRANSLATE_NOOP(
                "Handbok", "id «{id}» kan ikke begynne med «lokal-»: det er for kommunens kontakter"
            ),
            id=ident,
        )
    name = text_field(entry, "name", path, problems)
    description = text_field(entry, "description", path, problems)
    source = text_field(entry, "source", path, problems)
    category = text_field(entry, "category", path, problems)
    if category and category not in CATEGORIES:
        problems.add(
            path,
            entry.line_of("category"),
            QT_TRANSLATE_NOOP("Handbok", "ukjent kategori «{value}» (bruk {allowed})"),
            value=category,
            allowed=", ".join(CATEGORIES),
        )
    audience = string_list(entry, "audience", path, problems)
    for value in audience:
        if value not in AUDIENCES:
            problems.add(
                path,
                entry.line_of("audience"),
                QT_TRANSLATE_NOOP("Handbok", "ukjent målgruppe «{value}» (bruk {allowed})"),
                value=value,
                allowed=", ".join(AUDIENCES),
            )
    if "audience" not in entry:
        problems.add(
            path, entry.line, QT_TRANSLATE_NOOP("Handbok", "mangler feltet «{key}»"), key="audience"
        )
    verified = date_field(entry, "verified", path, problems)
    if verified is None and "verified" not in entry:
        problems.add(
            path, entry.line, QT_TRANSLATE_NOOP("Handbok", "mangler feltet «{key}»"), key="verified"
        )
    hours = _hours(entry, path, problems)
    channels = _channels(entry, path, numbers, problems)
    unknown_keys(entry, CONTACT_FIELDS, path, problems)
    if len(problems.items) > before or verified is None:
        return None
    return Contact(
        id=ident,
        name=name,
        category=category,
        audience=audience,
        channels=channels,
        description=description,
        source=source,
        verified=verified,
        organisation=text_field(entry, "organisation", path, problems, required=False),
        region=text_field(entry, "region", path, problems, required=False) or "nasjonal",
        address=text_field(entry, "address", path, problems, required=False),
        hours=hours,
        caution=text_field(entry, "caution", path, problems, required=False),
    )


def _hours(entry: yamlsrc.LineDict, path: Path, problems: Problems) -> OpeningHours | None:
    if entry.get("hours") is None:
        return None
    try:
        return parse_hours(entry["hours"])
    except HoursError as error:
        problems.add(path, entry.line_of("hours"), "{what}", what=str(error))
        return None


def _channels(
    entry: yamlsrc.LineDict, path: Path, numbers: dict[str, str], problems: Problems
) -> tuple[Channel, ...]:
    raw = entry.get("channels")
    if raw is None:
        problems.add(
            path, entry.line, QT_TRANSLATE_NOOP("Handbok", "mangler feltet «{key}»"), key="channels"
        )
        return ()
    if not isinstance(raw, list):
        problems.add(
            path,
            entry.line_of("channels"),
            QT_TRANSLATE_NOOP("Handbok", "feltet «channels» skal være en liste"),
        )
        return ()
    channels = []
    for item in raw:
        if not isinstance(item, yamlsrc.LineDict):
            problems.add(
                path,
                entry.line_of("channels"),
                QT_TRANSLATE_NOOP("Handbok", "hver kanal skal ha «type» og «value»"),
            )
            continue
        kind = text_field(item, "type", path, problems)
        value = text_field(item, "value", path, problems)
        if kind and kind not in CHANNEL_TYPES:
            problems.add(
                path,
                item.line_of("type"),
                QT_TRANSLATE_NOOP("Handbok", "ukjent kanal «{value}» (bruk {allowed})"),
                value=kind,
                allowed=", ".join(CHANNEL_TYPES),
            )
        if kind in NUMBER_CHANNELS and value:
            check_number(value, numbers, path, item.line_of("value"), problems)
        elif kind == "e-post" and value and ("@" not in value or " " in value):
            problems.add(
                path,
                item.line_of("value"),
                QT_TRANSLATE_NOOP("Handbok", "«{value}» er ikke en e-postadresse"),
                value=value,
            )
        elif kind in ("nett", "chat") and value and ("://" in value or web_address(value) is None):
            problems.add(
                path,
                item.line_of("value"),
                QT_TRANSLATE_NOOP(
                    "Handbok", "skriv nettadressen uten https:// og mellomrom, som «selvhjelp.no»"
                ),
            )
        unknown_keys(item, CHANNEL_FIELDS, path, problems)
        channels.append(
            Channel(
                type=kind,
                value=value,
                note=text_field(item, "note", path, problems, required=False),
                hours=_hours(item, path, problems),
            )
        )
    return tuple(channels)
