"""The window's sections, in the order the section list shows them (Alt+1 ... Alt+6), and the
search results' panel after them. A module of its own so that the main window, its actions
and the side panel can all name them without importing each other."""

START, GUIDE, CONTACTS, CHECKLISTS, BOOKMARKS, HISTORY = range(6)
SEARCH = 6  # the search results: a panel, not a section of its own
ICONS = ("start", "guide", "contacts", "checklists", "bookmarks", "history")
