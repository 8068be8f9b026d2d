"""Handbok's plain-Python core: content model, validation, store, search. Never imports Qt."""

from __future__ import annotations

# The one place the version is written; pyproject.toml reads it from here.
__version__ = "0.1.0"
