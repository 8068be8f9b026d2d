"""A local contact as the user writes it (form, CSV row, kommune.yaml), and the checks that
turn it into a ``Contact``: each problem a sentence naming the field, so a form can point at
it. Also the rules for local ids, numbers, web and e-mail addresses."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from index.content.hours import HoursError, OpeningHours, read_hours
from index.content.model import (
    AUDIENCES,
    CATEGORIES,
    CHANNEL_TYPES,
    LABELS,
    LOCAL_ID_PREFIX,
    Channel,
    Contact,
)
from index.errors import LocalValidationError
from index.i18n import QT_TRANSLATE_NOOP
from index.untrusted import has_control, web_address
from index.userdata.sqlitefile import text as _text

ID_PREFIX = LOCAL_ID_PREFIX
LOCAL_REGION = "lokal"
ID_LENGTH = 60  # characters of the name kept in a generated id
SECTION_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*#[a-z0-9]+(?:-[a-z0-9]+)*$")


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


# --- checking what the user wrote ----------------------------------------------------------

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int | None = None) -> str:
    """``Lærings- og mestringssenter, Hamar`` -> ``laerings-og-mestringssenter-hamar``."""
    ascii_text = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii")
    result = _NOT_SLUG.sub("-", ascii_text).strip("-")
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
_EMAIL = re.compile(r"^[^@\s<>\"'\\/:]+@[^@\s<>\"'\\/:]+\.[^@\s.<>\"'\\/:][^@\s<>\"'\\/:]*$")
# A phone number of four digits that does not start with 1 is no number one can call: it is
# the five-digit 0xxxx number a spreadsheet saved as a number, without its leading zero.
_LOST_ZERO = re.compile(r"^\s*[2-9](?:[\s.\-]*\d){3}\s*$")


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
    """``https://www.Selvhjelp.no/`` -> ``www.Selvhjelp.no``; None if it is no web address
    (a host name with an optional path: ``javascript:``, ``smb:`` and the like are not)."""
    return web_address(value)


def normalise_email(value: str) -> str | None:
    written = re.sub(r"^mailto:", "", value.strip(), flags=re.IGNORECASE)
    return written if _EMAIL.match(written) else None


@lru_cache(maxsize=4096)
def parse_hours_text(text: str) -> OpeningHours | None:
    """ "" -> None (unknown); otherwise hours as people write them (``read_hours``): the
    form, CSV import and kommune.yaml all read them this one way. Remembered: a list of
    thousands of contacts says "man-fre 09:00-15:00" thousands of times (and the hours are
    frozen values, safe to share)."""
    return read_hours(text)


def hours_text(hours: OpeningHours | None) -> str:
    """The inverse of ``parse_hours_text``."""
    if hours is None:
        return ""
    spec = hours.spec()
    return spec if isinstance(spec, str) else " | ".join(spec)


def clean_text(value: str) -> str:
    """What every text field is saved as: characters UTF-8 can hold, line breaks as ``\\n``,
    no space at either end."""
    # Each step only where it can change something: eight fields a row, 100,000 rows.
    if not value.isascii():  # a surrogate is not ASCII
        value = _text(value)
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.strip()


def check_contact(draft: ContactDraft) -> list[LocalValidationError]:
    """Everything wrong with ``draft``, in the order of the form; [] if it can be saved."""
    return checked_contact(draft)[1]


def checked_contact(draft: ContactDraft) -> tuple[Contact, list[LocalValidationError]]:
    """The draft as a contact (id "", ``verified`` today if None) and what is wrong with it."""
    errors: list[LocalValidationError] = []

    def bad(template: str, name: str, channel: int | None = None, **params: Any) -> None:
        errors.append(LocalValidationError(template, field=name, channel=channel, **params))

    _control_characters(draft, bad)
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


_CONTROL_TEXT = QT_TRANSLATE_NOOP(
    "Handbok",
    "Feltet {column} har et usynlig kontrolltegn ({char}) som ikke kan lagres. Skriv teksten "
    "inn på nytt, eller fjern tegnet i regnearket.",
)
# The fields by the names the form and the spreadsheet (localcsv.HEADER) give them.
_COLUMNS = {
    "name": "Navn", "organisation": "Organisasjon", "category": "Kategori", "region": "Område",
    "hours": "Åpningstider", "address": "Adresse", "description": "Beskrivelse",
    "source": "Kilde", "audience": "Målgruppe", "type": "Kanal", "value": "Nummer/adresse",
    "note": "Merknad",
}  # fmt: skip
# Fields that are one line: a line break in them is a mistake too (a pasted cell).
_ONE_LINE = ("name", "organisation", "category", "region")
_MULTI_LINE = ("hours", "address", "description", "source")


def _control_characters(draft: ContactDraft, bad: Any) -> None:
    """A value with a control character (NUL, ESC, a bidirectional override...) is refused:
    it would print as nothing, or as something else, and drive a terminal on export."""

    def check(value: str, name: str, single_line: bool, channel: int | None = None) -> None:
        if has_control(value, single_line=single_line):
            found = next(c for c in value if has_control(c, single_line=single_line))
            bad(_CONTROL_TEXT, name, channel, column=_COLUMNS[name], char=f"U+{ord(found):04X}")

    # Nearly every draft has none: two searches over all its values (a space between them
    # adds nothing either search finds) say so, instead of one search per value, which is a
    # third of checking a row of a 100,000-row import. Any find: each value as below.
    one_line = [str(getattr(draft, name)) for name in _ONE_LINE]
    one_line += draft.audience
    multi_line = [str(getattr(draft, name)) for name in _MULTI_LINE]
    for c in draft.channels:
        one_line += (c.type, c.value)
        multi_line += (c.note, c.hours)
    if not has_control(" ".join(one_line), single_line=True) and not has_control(
        " ".join(multi_line)
    ):
        return
    for name in _ONE_LINE:
        check(str(getattr(draft, name)), name, True)
    for name in _MULTI_LINE:
        check(str(getattr(draft, name)), name, False)
    for value in draft.audience:
        check(value, "audience", True)
    for n, channel in enumerate(draft.channels):
        check(channel.type, "type", True, n)
        check(channel.value, "value", True, n)
        check(channel.note, "note", False, n)
        check(channel.hours, "hours", False, n)


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
    if kind == "telefon" and _LOST_ZERO.match(value):
        bad(
            QT_TRANSLATE_NOOP(
                "Handbok",
                "«{value}» har fire sifre og er ikke et telefonnummer. Har regnearket tatt bort "
                "nullen foran? Femsifrede numre skrives med 0 først, som 0{digits}.",
            ),
            "value",
            n,
            value=value,
            digits=re.sub(r"\D", "", value),
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


def valid_contact(draft: ContactDraft) -> Contact:
    contact, errors = checked_contact(draft)
    if errors:
        raise errors[0]
    return contact


def check_note(section_id: str, text: str) -> str:
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
        raise empty_note()
    if has_control(cleaned):
        raise control_in_note()
    return cleaned


def control_in_note() -> LocalValidationError:
    return LocalValidationError(
        QT_TRANSLATE_NOOP(
            "Handbok", "Notatet har et usynlig kontrolltegn som ikke kan lagres. Skriv det på nytt."
        ),
        field="text",
    )


def empty_note() -> LocalValidationError:
    return LocalValidationError(QT_TRANSLATE_NOOP("Handbok", "Notatet er tomt."), field="text")
