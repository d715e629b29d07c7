"""Opening a project file, and the writes every part of it shares.

A :class:`Project` is one open ``.claimdesk`` file. Every write runs in one transaction that is committed before
the method returns; a write the disk refuses raises :class:`WriteFailed` and leaves the file as it was.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from desktop.store import schema
from desktop.store.annotations import AnnotationsMixin
from desktop.store.codebook import CodebookMixin
from desktop.store.documents import DocumentsMixin
from desktop.store.errors import (
    CorruptProject,
    NewerProject,
    NotAProject,
    ProjectError,
    ProjectNotFound,
    ReadOnlyProject,
    WriteFailed,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
SUFFIX = ".claimdesk"


class Project(CodebookMixin, DocumentsMixin, AnnotationsMixin):
    """An open project file."""

    def __init__(self, db: Database, path: Path, readonly: bool):
        self.db = db
        self.path = path
        self.readonly = readonly
        self.annotator = ""
        self._texts: dict[int, str] = {}

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | os.PathLike, *, create: bool = False, readonly: bool = False) -> Project:
        """Open (or, with ``create``, make) a project. Raises ProjectError with a clear message."""
        path = Path(path)
        name = path.name
        if path.is_dir():
            raise NotAProject(f"{name} is a folder, not a Claimdesk project")
        exists = path.exists()
        if not exists and not create:
            raise ProjectNotFound(f"no project at {path}")
        if exists and path.stat().st_size > 0:
            with open(path, "rb") as fh:
                if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                    raise NotAProject(f"{name} is not a Claimdesk project (it is not an SQLite file)")
        if exists and not readonly and not os.access(path, os.W_OK):
            readonly = True
        if not exists and not readonly:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = _connect(path, readonly)
        except sqlite3.Error as exc:
            raise ProjectError(f"cannot open {name}: {exc}") from None
        db = Database(conn, execute_plugins=False)
        project = cls(db, path, readonly)
        try:
            project._check_and_migrate(name)
        except BaseException:
            conn.close()
            raise
        return project

    def _check_and_migrate(self, name: str) -> None:
        try:
            version = schema.current_version(self.db)
            app_id = schema.application_id(self.db)
            has_tables = self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        except sqlite3.DatabaseError as exc:
            raise CorruptProject(f"{name} is damaged and cannot be read ({exc})") from None
        if app_id != schema.APPLICATION_ID and has_tables:
            raise NotAProject(f"{name} is an SQLite file of another program, not a Claimdesk project")
        if version > schema.SCHEMA_VERSION:
            raise NewerProject(
                f"{name} was written by a newer Claimdesk (schema {version}; this version reads up to "
                f"{schema.SCHEMA_VERSION}); update Claimdesk to open it"
            )
        if version < schema.SCHEMA_VERSION:
            if self.readonly:
                raise ReadOnlyProject(f"{name} needs an upgrade but is read-only; copy it somewhere writable")
            new = not has_tables
            with self._write():
                schema.migrate(self.db)
                if new:
                    self._install_default_codebook()

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.conn.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ----------------------------------------------------------------- writing
    @contextlib.contextmanager
    def _write(self):
        """One committed transaction; disk errors become WriteFailed and nothing of the change is kept."""
        if self.readonly:
            raise ReadOnlyProject(f"{self.path.name} is open read-only; the change was not saved")
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.OperationalError as exc:
            message = str(exc)
            if "full" in message or "I/O" in message or "readonly" in message or "locked" in message:
                raise WriteFailed(f"the change was not saved: {message}") from exc
            raise

    # ---------------------------------------------------------------- settings
    def get_setting(self, key: str, default=None):
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value, ensure_ascii=False)],
            )

    @property
    def schema_version(self) -> int:
        return schema.current_version(self.db)

    def integrity_ok(self) -> bool:
        return self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    else:
        conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 3000")
    if not readonly:
        # A rollback journal, not WAL: every commit is in the one file, so a copy of the file made while the app
        # runs (or e-mailed) holds every confirmed change. FULL sync: a confirmed change survives power loss.
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
    return conn
