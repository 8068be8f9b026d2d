"""The side panel's sections, in the order they are shown. A module of its own so that the
main window and the side panel can both name them without importing each other."""

TAB_SEARCH, TAB_GUIDE, TAB_CONTACTS, TAB_CHECKLISTS, TAB_BOOKMARKS, TAB_HISTORY = range(6)
