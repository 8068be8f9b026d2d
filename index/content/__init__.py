"""The content model and how it is read: plain dataclasses (model), opening hours, Markdown,
YAML that remembers line numbers, and the loader that validates a content folder into the
model with every problem as ``file:line``. May import: index.errors, index.i18n, index.resources,
index.untrusted. Never imports the store, search, user data or Qt."""
