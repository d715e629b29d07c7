"""Claimdesk: annotate quotes, claims and legitimacy assertions in news articles."""

__version__ = "0.1.0"
