"""Handbok's plain-Python core: content model, validation, store, search. Never imports Qt."""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("handbok")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
