"""Exporting: the formats a front end offers and the one call that writes them (every file whole or not at
all; see :mod:`desktop.formats.exporting`)."""

from desktop.formats.exporting import EXPORTERS, export  # noqa: F401
