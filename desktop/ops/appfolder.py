"""The folder where Claimdesk keeps what it remembers outside any project, read without Qt (the command line
uses it too): recent projects and the analyst's name in ``settings.json``."""

from __future__ import annotations

import json
import os
from pathlib import Path

APP_NAME = "Claimdesk"
DATA_DIR_ENV = "CLAIMDESK_DATA_DIR"


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    return data_dir() / "settings.json"


def analyst_name() -> str:
    """The analyst's name as the window stored it (Edit › Analyst Name), or ``""``."""
    try:
        values = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    return str(values.get("annotator") or "").strip() if isinstance(values, dict) else ""
