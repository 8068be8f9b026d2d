"""Content as documents: HTML for the reading pane (render), paged output for printing and
PDF (printing), the patient handout as a document (handout), and a handout straight to PDF
without a window (pdf). May import: index, desktop.i18n, desktop.safetext. Never imports
desktop.windows or desktop.cli."""
