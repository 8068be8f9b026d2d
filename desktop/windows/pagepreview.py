"""The preview of laid-out pages: one whole page fitted to the pane by default, with page and
zoom controls. It paints the same pages the printer and the PDF get (``Paged``)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.pages import LAYOUT_DPI
from desktop.documents.printing import Paged, page_image, page_text

ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)  # times the size that fits the pane


class PagePreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paged: Paged | None = None
        self.page = 0
        self.zoom = 1.0  # 1.0: the whole page fits the pane
        self.page_label = QLabel(self)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous = self._button(self.tr("Forrige side"), "◀", lambda: self.show_page(-1))
        self.next = self._button(self.tr("Neste side"), "▶", lambda: self.show_page(+1))
        self.zoom_out = self._button(self.tr("Zoom ut"), "−", lambda: self.step_zoom(-1))
        self.fit = self._button(self.tr("Hel side"), self.tr("Hel side"), self.fit_page)
        self.zoom_in = self._button(self.tr("Zoom inn"), "+", lambda: self.step_zoom(+1))
        self.zoom_label = QLabel(self)
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName(self.tr("Forhåndsvisning av siden"))
        self.area = QScrollArea(self)
        self.area.setWidget(self.image)
        self.area.setWidgetResizable(True)
        self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # The pages lie on the platform's darker shade, as in Qt's own print preview.
        self.area.setBackgroundRole(QPalette.ColorRole.Mid)
        bar = QHBoxLayout()
        for widget in (self.previous, self.page_label, self.next):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.zoom_out, self.fit, self.zoom_in, self.zoom_label):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.area, 1)
        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.setInterval(60)
        self._resized.timeout.connect(self.redraw)
        self._controls()

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.clicked.connect(slot)  # type: ignore[arg-type]
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        return button

    def sizeHint(self) -> QSize:
        return QSize(520, 560)

    def set_pages(self, paged: Paged) -> None:
        self.paged = paged
        self.page = min(self.page, paged.count - 1)
        self.redraw()

    def show_page(self, delta: int) -> None:
        if self.paged is not None:
            self.page = max(0, min(self.paged.count - 1, self.page + delta))
            self.redraw()

    def step_zoom(self, direction: int) -> None:
        larger = [z for z in ZOOM_STEPS if z > self.zoom + 1e-6]
        smaller = [z for z in ZOOM_STEPS if z < self.zoom - 1e-6]
        if direction > 0 and larger:
            self.zoom = larger[0]
        elif direction < 0 and smaller:
            self.zoom = smaller[-1]
        self.redraw()

    def fit_page(self) -> None:
        self.zoom = 1.0
        self.redraw()

    def fitted_scale(self) -> float:
        """Image pixels per layout unit that show the whole page in the pane."""
        if self.paged is None:
            return 1.0
        size = self.paged.paper.size
        room = self.area.viewport().size()
        margin = 16
        return max(
            0.01,
            min(
                (room.width() - margin) / size.width(),
                (room.height() - margin) / size.height(),
            ),
        )

    def actual_size(self) -> float:
        """The page as shown against the paper's real size on this screen (1.0: as large)."""
        real = self.logicalDpiX() / LAYOUT_DPI
        return self.fitted_scale() * self.zoom / real

    def redraw(self) -> None:
        self._controls()
        if self.paged is None:
            self.image.clear()
            return
        ratio = self.devicePixelRatioF()
        scale = self.fitted_scale() * self.zoom
        picture = page_image(self.paged, self.page, scale * ratio)
        pixmap = QPixmap.fromImage(picture)
        pixmap.setDevicePixelRatio(ratio)
        self.image.setPixmap(pixmap)
        # What the page says, for a screen reader: the picture alone says nothing.
        self.image.setAccessibleDescription(page_text(self.paged, self.page))

    def shown_size(self) -> QSize:
        """The page as shown, in screen pixels: for tests and for the user's sake alike."""
        pixmap = self.image.pixmap()
        if pixmap.isNull():
            return QSize(0, 0)
        return (pixmap.deviceIndependentSize()).toSize()

    def _controls(self) -> None:
        count = self.paged.count if self.paged is not None else 0
        self.page_label.setText(
            self.tr("Side {page} av {pages}").format(page=self.page + 1, pages=count)
            if count
            else ""
        )
        self.previous.setEnabled(self.page > 0)
        self.next.setEnabled(self.page < count - 1)
        self.zoom_out.setEnabled(self.zoom > ZOOM_STEPS[0])
        self.zoom_in.setEnabled(self.zoom < ZOOM_STEPS[-1])
        self.zoom_label.setText(f"{round(self.actual_size() * 100)} %" if count else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._resized.start()
