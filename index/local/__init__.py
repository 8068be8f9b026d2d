"""The municipality's local layer: its own contacts and notes (stored per user), the
deployment file kommune.yaml (read-only), contact drafts and their checks, CSV import and
export, and the layer that puts it all beside the national content for search and display.
May import: index.content, index.store, index.search, index.userdata, index.errors,
index.untrusted."""
