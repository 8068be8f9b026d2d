"""The windows and views of the desktop application: the main window, its side panel and
reading pane, the contact, checklist and bookmark views, the handout composer and the dialogs.
May import: index, desktop.documents, desktop.i18n, desktop.safetext (the only way text from
files reaches a widget). Never imports desktop.cli."""
