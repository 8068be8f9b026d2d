"""What the user keeps: the per-user SQLite file (bookmarks, history, checklist runs,
settings), how the program opens its own SQLite files safely (sqlitefile), bookmarks to and
from a JSON file, and files the user picks to import or export.
May import: index.content (the model), index.errors, index.atomicfile."""
