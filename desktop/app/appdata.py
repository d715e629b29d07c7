"""What the app remembers between runs, outside any project: recent projects, the analyst's name, window state.

Everything lives in one folder: the user's data folder (``platformdirs``), or ``$CLAIMDESK_DATA_DIR`` when set
(tests and portable installs use it).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.ops.appfolder import APP_NAME, DATA_DIR_ENV, data_dir  # noqa: F401  (importable from here)

SAMPLE_NAME = "Sample.claimdesk"
MAX_RECENT = 10


def sample_project_path() -> Path:
    return data_dir() / SAMPLE_NAME


from desktop.ops.documents import (  # noqa: E402,F401  (importable from here)
    PESKOV,
    SAMPLE_ANNOTATIONS,
    SAMPLE_ANNOTATOR,
    SAMPLE_QUOTE,
    ZELENSKYY,
    annotate_sample,
)


def window_settings() -> QSettings:
    """Window geometry and splitter sizes, in an INI file in the data folder."""
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)


class AppSettings:
    """A small JSON file: recent projects, the analyst's name, view options."""

    def __init__(self, path: Path | None = None):
        self.path = path or data_dir() / "settings.json"
        self.values: dict = {}
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self.values = loaded
        except (OSError, ValueError):
            self.values = {}

    def get(self, key: str, default=None):
        return self.values.get(key, default)

    def set(self, key: str, value) -> None:
        self.values[key] = value
        self.save()

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(self.values, indent=2, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:
            pass  # remembering is a convenience; the projects themselves are unaffected

    # ---------------------------------------------------------------- recent
    def recent_projects(self) -> list[Path]:
        return [Path(p) for p in self.values.get("recent", []) if isinstance(p, str)]

    def add_recent(self, path: Path) -> None:
        entry = str(Path(path).resolve())
        items = [p for p in self.values.get("recent", []) if p != entry]
        self.set("recent", [entry, *items][:MAX_RECENT])

    def remove_recent(self, path: Path) -> None:
        entry = str(Path(path).resolve())
        self.set("recent", [p for p in self.values.get("recent", []) if p != entry])

    def last_project(self) -> Path | None:
        for p in self.recent_projects():
            if p.exists():
                return p
        return None

    # --------------------------------------------------------------- analyst
    @property
    def annotator_asked(self) -> bool:
        return bool(self.values.get("annotator_asked"))

    @property
    def annotator(self) -> str:
        return str(self.values.get("annotator") or "")

    def set_annotator(self, name: str) -> None:
        self.values["annotator"] = name.strip()
        self.values["annotator_asked"] = True
        self.save()
