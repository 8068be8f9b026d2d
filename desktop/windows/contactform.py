"""The form for a local contact: the municipality's own frivilligsentral, LMS, legevakt.

A new contact starts as a municipal service in the municipality's own area. Opening hours
are read as people write them ("mandag–fredag 8–15.30") and shown back as understood while
typing, or with a sentence saying what cannot be read. Checked field by field as the
content's contacts are; a problem is shown as a sentence beside the form and the form stays
open, so nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import label, tr, translate
from desktop.windows import theme
from index.content.hours import HoursError, read_hours
from index.content.model import AUDIENCES, CATEGORIES, Contact
from index.local.draft import LOCAL_REGION, ChannelDraft, ContactDraft, check_contact, hours_text

NEW_CATEGORY = "kommunal-tjeneste"

CHANNEL_FIELDS = (("telefon", "phone"), ("sms", "sms"), ("e-post", "email"), ("nett", "web"))


class ContactForm(QDialog):
    def __init__(
        self,
        contact: Contact | None = None,
        parent: QWidget | None = None,
        region: str = LOCAL_REGION,
    ) -> None:
        """``region``: where a new contact belongs, the municipality's own area."""
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Rediger lokal kontakt") if contact else self.tr("Ny lokal kontakt")
        )
        self.draft: ContactDraft | None = None
        self.name = self._line(self.tr("Navn"))
        self.organisation = self._line(self.tr("Organisasjon"))
        self.category = QComboBox(self)
        self.category.setAccessibleName(self.tr("Kategori"))
        for value in CATEGORIES:
            self.category.addItem(label(value), value)
        self.category.setCurrentIndex(self.category.findData(NEW_CATEGORY))
        self.audience = {value: QCheckBox(label(value), self) for value in AUDIENCES}
        # An example no phone can ring (no Norwegian number starts with 1 and has eight
        # digits), not a real help line's number that could be taken for this contact's.
        self.phone = self._line(self.tr("Telefon"), "12 34 56 78")
        self.sms = self._line(self.tr("SMS"))
        self.email = self._line(self.tr("E-post"), "post@kommune.no")
        self.web = self._line(self.tr("Nettside"), "kommune.no")
        self.hours = self._line(
            self.tr("Åpningstider"), self.tr("for eksempel: mandag–fredag 8–15.30")
        )
        self.hours_read = QLabel(self)
        self.hours_read.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what was typed
        self.hours_read.setWordWrap(True)
        self.hours_read.setAccessibleName(self.tr("Åpningstiden slik Handbok forstår den"))
        self.hours.textChanged.connect(self._show_hours)
        self.region = self._line(self.tr("Område"))
        self.region.setText(region)
        self.address = self._line(self.tr("Adresse"))
        self.description = QPlainTextEdit(self)
        self.description.setAccessibleName(self.tr("Beskrivelse"))
        self.source = self._line(self.tr("Kilde"), self.tr("for eksempel: kommunens nettside"))
        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        theme.mark(self.problem, "warning")

        audience = QHBoxLayout()
        for box in self.audience.values():
            audience.addWidget(box)
        form = QFormLayout()
        for text, widget in (
            (self.tr("Navn"), self.name),
            (self.tr("Organisasjon"), self.organisation),
            (self.tr("Kategori"), self.category),
            (self.tr("For"), None),
            (self.tr("Telefon"), self.phone),
            (self.tr("SMS"), self.sms),
            (self.tr("E-post"), self.email),
            (self.tr("Nettside"), self.web),
            (self.tr("Åpningstider"), self.hours),
            ("", self.hours_read),
            (self.tr("Område"), self.region),
            (self.tr("Adresse"), self.address),
            (self.tr("Beskrivelse"), self.description),
            (self.tr("Kilde"), self.source),
        ):
            if widget is None:
                form.addRow(text, audience)
            else:
                form.addRow(text, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.description.setMaximumHeight(90)  # the form must fit a 720 px screen
        if contact is not None:
            self._fill(contact)
        self._show_hours(self.hours.text())

    def _show_hours(self, text: str) -> None:
        """What the hours field is understood as, before anything is saved."""
        try:
            hours = read_hours(text)
        except HoursError as error:
            theme.mark(self.hours_read, "warning")
            self.hours_read.setText(
                tr("Kan ikke leses: {what}.").format(what=translate("Handbok", str(error)))
            )
            return
        theme.mark(self.hours_read, "window_details")
        if hours is None:
            self.hours_read.setText(tr("Tomt felt: åpningstiden vises som ukjent."))
        else:
            self.hours_read.setText(
                tr("Forstått som: {hours}").format(hours=label(hours.describe()))
            )

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        field = QLineEdit(self)
        field.setAccessibleName(name)
        field.setPlaceholderText(placeholder)
        return field

    def _fill(self, contact: Contact) -> None:
        self.name.setText(contact.name)
        self.organisation.setText(contact.organisation)
        self.category.setCurrentIndex(max(self.category.findData(contact.category), 0))
        for value, box in self.audience.items():
            box.setChecked(value in contact.audience)
        fields = dict(CHANNEL_FIELDS)
        for channel in contact.channels:
            if channel.type in fields:
                getattr(self, fields[channel.type]).setText(channel.value)
        self.hours.setText(_readable(hours_text(contact.hours)))
        self.region.setText(contact.region)
        self.address.setText(contact.address)
        self.description.setPlainText(contact.description)
        self.source.setText(contact.source)

    def current_draft(self) -> ContactDraft:
        channels = tuple(
            ChannelDraft(type=kind, value=getattr(self, name).text().strip())
            for kind, name in CHANNEL_FIELDS
            if getattr(self, name).text().strip()
        )
        return ContactDraft(
            name=self.name.text().strip(),
            category=str(self.category.currentData()),
            audience=tuple(v for v, box in self.audience.items() if box.isChecked()),
            channels=channels,
            organisation=self.organisation.text().strip(),
            hours=self.hours.text().strip(),
            region=self.region.text().strip() or LOCAL_REGION,
            address=self.address.text().strip(),
            description=self.description.toPlainText().strip(),
            source=self.source.text().strip(),
        )

    def accept_if_valid(self) -> bool:
        draft = self.current_draft()
        problems = check_contact(draft)
        if problems:
            self.problem.setText("\n".join(p.message(translate) for p in problems))
            return False
        self.draft = draft
        self.accept()
        return True


def _readable(spec: str) -> str:
    """The stored form ("man-fre 09:00-15:00 | lør 10:00-14:00") as a person writes it."""
    return spec.replace(" | ", ", ")
