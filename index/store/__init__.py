"""The built content store: the SQLite database of the content (read-only at run time), how it
is built from a content folder (beside, then switched), and contacts as table rows.
May import: index.content, index.search (to build the full-text index), index.errors."""
