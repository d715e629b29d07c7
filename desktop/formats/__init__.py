"""Importers and exporters. No Qt here."""
