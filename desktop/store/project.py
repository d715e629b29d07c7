"""Opening a project file, and the writes every part of it shares.

A :class:`Project` is one open ``.claimdesk`` file. Every write runs in one transaction that is committed before
the method returns; a write the disk refuses raises :class:`WriteFailed` and leaves the file as it was.

Opening checks the file before trusting it (``safety``), takes the one-writer lock (``locking``), keeps a
rolling backup and upgrades older files in one transaction after a backup (``backups``). A file it refuses is
never written to.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from desktop.store import backups, locking, safety, schema
from desktop.store.annotations import AnnotationsMixin
from desktop.store.backups import BackupsMixin
from desktop.store.codebook import CodebookMixin
from desktop.store.documents import DocumentsMixin
from desktop.store.errors import (
    CorruptProject,
    NotAProject,
    ProjectError,
    ProjectLocked,
    ProjectNotFound,
    ReadOnlyProject,
    WriteFailed,
)

SQLITE_MAGIC = safety.SQLITE_MAGIC
SUFFIX = ".claimdesk"


class Project(CodebookMixin, DocumentsMixin, AnnotationsMixin, BackupsMixin):
    """An open project file.

    ``readonly_reason`` says why a project is read-only (None when it is writable): asked for, a read-only file
    or folder, or another window or process writing to it (then ``lock_holder`` names it). ``backup_warning``
    is set when the rolling backup on opening could not be written.
    """

    def __init__(self, db: Database, path: Path, readonly: bool):
        self.db = db
        self.path = path
        self.readonly = readonly
        self.readonly_reason: str | None = "opened read-only" if readonly else None
        self.lock_holder: locking.LockHolder | None = None
        self.backup_warning: str | None = None
        self.annotator = ""
        self._texts: dict[int, str] = {}
        self._lock: locking.ProjectLock | None = None
        self._locked_out: str | None = None  # who writes to it, when another window or process does

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | os.PathLike, *, create: bool = False, readonly: bool = False,
             require_write: bool = False, backup: bool = True) -> Project:
        """Open (or, with ``create``, make) a project. Raises ProjectError with a clear message.

        When the project cannot be written (read-only file or folder, or another window or process has it open
        for writing) it opens read-only with ``readonly_reason`` set, or, with ``require_write``, raises
        ReadOnlyProject or ProjectLocked. ``backup=False`` skips the rolling backup (one-shot commands).
        """
        path = Path(path)
        name = path.name
        if path.is_dir():
            raise NotAProject(f"{name} is a folder, not a Claimdesk project")
        exists = path.exists()
        if not exists and not create:
            raise ProjectNotFound(f"no project at {path}")
        try:
            header = safety.check_header(path) if exists else None
        except OSError as exc:
            raise ProjectError(f"cannot read {name}: {safety.describe(exc)}") from None
        if exists and header is None and not create:
            raise NotAProject(f"{name} is empty (0 bytes), not a Claimdesk project")

        # Examine an existing database through a read-only connection before anything else touches it.
        probe, kind = _probe(path, header, create)
        try:
            reason, lock, holder, locked_out = _access(path, exists, readonly, require_write)
        except BaseException:
            _close(probe)
            raise
        try:
            if reason is not None and probe is not None:
                conn = probe
            else:
                _close(probe)
                conn = _connect(path, reason is not None)
        except BaseException as exc:
            if lock is not None:
                lock.release()
            if not exists:
                for leftover in (path, path.with_name(name + "-journal")):
                    with contextlib.suppress(OSError):
                        leftover.unlink()
            if isinstance(exc, sqlite3.Error):
                raise ProjectError(f"cannot open {name}: {exc}") from None
            raise
        project = cls(Database(conn, execute_plugins=False), path, reason is not None)
        project.readonly_reason, project.lock_holder, project._lock = reason, holder, lock
        project._locked_out = locked_out
        try:
            project._check_and_migrate(name, kind, backup)
        except BaseException:
            project.close()
            raise
        return project

    def _check_and_migrate(self, name: str, kind: str, backup: bool) -> None:
        self._migrate(name, kind, backup)
        self._check_rows(name)

    def _check_rows(self, name: str) -> None:
        """Refuse a file whose rows break what Claimdesk relies on (an edit outside Claimdesk, say with sqlite3:
        a deleted tag type or document, constraints switched off): one clear line, never a crash later."""
        broken = self.db.execute("PRAGMA foreign_key_check").fetchone()
        if broken is not None:
            table, rowid, parent, _ = broken
            raise CorruptProject(f"{name} was changed outside Claimdesk: {table} row {rowid} refers to a {parent} "
                                 "row that no longer exists; restore a backup (claimdesk restore) or put it back")
        bad = self.db.execute(
            'SELECT id FROM annotations WHERE NOT (start >= 0 AND "end" > start AND orphan IN (0, 1) '
            "AND json_valid(fields) AND json_type(fields) = 'object') LIMIT 1").fetchone()
        if bad is None:
            bad_type = self.db.execute(
                "SELECT name FROM tag_types WHERE NOT (color GLOB '#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]"
                "[0-9A-Fa-f][0-9A-Fa-f]' AND json_valid(fields) AND json_type(fields) = 'array') LIMIT 1").fetchone()
            if bad_type is not None:
                raise CorruptProject(f"{name} was changed outside Claimdesk: tag type {bad_type[0]!r} has a colour "
                                     "or fields Claimdesk cannot use; restore a backup or correct it")
            return
        raise CorruptProject(f"{name} was changed outside Claimdesk: annotation {bad[0]} has a span, orphan flag "
                             "or fields Claimdesk cannot use; restore a backup (claimdesk restore) or correct it")

    def _migrate(self, name: str, kind: str, backup: bool) -> None:
        version = schema.current_version(self.db)
        if version >= schema.target_version():
            if backup and not self.readonly:
                try:
                    backups.rolling_backup(self.db.conn, self.path)
                except ProjectError as exc:
                    self.backup_warning = f"no backup was made on opening: {exc}"
            return
        if self.readonly:
            self._upgrade_in_memory(name)
            return
        new = kind == "empty"
        if not new:
            try:
                saved = backups.write_backup(self.db.conn, self.path, "before-upgrade")
            except ProjectError as exc:
                raise ProjectError(f"{name} was not upgraded, because no backup could be written first "
                                   f"({exc}); the file is unchanged") from None
        try:
            with self._write():
                schema.migrate(self.db)
                if new:
                    self._install_default_codebook()
        except (sqlite3.Error, ProjectError, RuntimeError) as exc:
            if new:
                raise
            raise ProjectError(f"{name} could not be upgraded ({exc}); the file is unchanged and a backup is "
                               f"in {saved.path.parent.name}") from None

    def _upgrade_in_memory(self, name: str) -> None:
        """Read an older project that may not be written: upgrade a copy in memory, never the file."""
        memory = sqlite3.connect(":memory:")
        try:
            self.db.conn.backup(memory)
            db = Database(memory, execute_plugins=False)
            schema.migrate(db)
            memory.execute("PRAGMA query_only = 1")
        except RuntimeError as exc:
            memory.close()
            raise CorruptProject(f"{name} was changed outside Claimdesk: its schema version does not match its "
                                 f"tables ({exc}); restore a backup (claimdesk restore)") from None
        except sqlite3.Error as exc:
            memory.close()
            raise ProjectError(f"{name} is from an older Claimdesk and could not be read ({exc})") from None
        self.db.conn.close()
        self.db = db

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def location_warning(self) -> str | None:
        """A warning when the project sits in a synced cloud folder or on a network share."""
        return safety.sync_folder_warning(self.path)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ----------------------------------------------------------------- writing
    @contextlib.contextmanager
    def _write(self):
        """One committed transaction; disk errors become WriteFailed and nothing of the change is kept."""
        if self.readonly:
            self._refuse_write()
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.IntegrityError:
            raise
        except sqlite3.DatabaseError as exc:
            failure = _write_failure(self.path.name, exc)
            if failure is None:
                raise
            raise failure from exc

    def _refuse_write(self):
        if self._locked_out:
            raise ProjectLocked(f"{self._locked_out}; the change was not saved")
        raise ReadOnlyProject(f"{self.path.name} is open read-only ({self.readonly_reason}); the change was not saved")

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

    def set_settings(self, values: dict) -> None:
        """Store several settings in one transaction (one sync to disk): all of them, or none."""
        rows = [(key, json.dumps(value, ensure_ascii=False)) for key, value in values.items()]
        if not rows:
            return
        with self._write() as db:
            db.conn.executemany(
                "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                rows,
            )

    @property
    def schema_version(self) -> int:
        return schema.current_version(self.db)

    def integrity_ok(self) -> bool:
        return self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def consistency_problems(self, limit: int = 20) -> list[str]:
        """Everything wrong with the open project, one line each; empty when all is well.

        Checks the file (``PRAGMA integrity_check``), the references between tables (``foreign_key_check``) and
        that every anchored annotation's text is its document's slice (SQLite's substr counts code points)."""
        problems = [r[0] for r in self.db.execute(f"PRAGMA integrity_check({int(limit)})") if r[0] != "ok"]
        problems += [f"{table} row {rowid} refers to a missing {parent} row"
                     for table, rowid, parent, _ in self.db.execute("PRAGMA foreign_key_check").fetchmany(limit)]
        rows = self.db.execute(
            'SELECT a.id, a.document_id, a.start, a."end" FROM annotations a JOIN documents d ON d.id = a.document_id '
            'WHERE a.orphan = 0 AND (a."end" > length(d.text) OR substr(d.text, a.start + 1, a."end" - a.start) '
            '<> a.text) ORDER BY a.id LIMIT ?', [limit])
        problems += [f"annotation {i} ({s}-{e}) does not match the text of document {d}" for i, d, s, e in rows]
        return problems


def _close(conn: sqlite3.Connection | None) -> None:
    if conn is not None:
        conn.close()


def _probe(path: Path, header, create: bool) -> tuple[sqlite3.Connection | None, str]:
    """A read-only connection to an existing file that passed every check, and whether it is ``empty``."""
    name = path.name
    if header is None:
        return None, "empty"
    for attempt in (1, 2):
        try:
            probe = safety.connect_readonly(path)
        except sqlite3.Error as exc:
            raise ProjectError(f"cannot open {name}: {exc}") from None
        try:
            kind = safety.check_database(probe, name)
        except sqlite3.DatabaseError:  # a journal left by a writer that crashed mid-change
            probe.close()
            if attempt == 2:
                raise CorruptProject(f"{name} is damaged and cannot be read") from None
            _recover_crashed_write(path)
            continue
        except BaseException:
            probe.close()
            raise
        if kind == "empty" and not create:
            probe.close()
            raise NotAProject(f"{name} is an empty SQLite file, not a Claimdesk project")
        return probe, kind
    raise AssertionError("unreachable")


def _recover_crashed_write(path: Path) -> None:
    """Roll back the change a crashed writer left half-done (SQLite does it on the first read it may write)."""
    name = path.name
    why = safety.readonly_reason(path)
    if why:
        raise CorruptProject(f"{name} was left half-written by a program that stopped, and cannot be repaired "
                             f"here: {why}")
    try:
        lock = locking.acquire(path)
    except ProjectLocked as exc:
        raise CorruptProject(f"{name} was left half-written by a program that stopped; {exc}") from None
    try:
        conn = sqlite3.connect(str(path))
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise CorruptProject(f"{name} is damaged and cannot be read ({exc})") from None
    finally:
        lock.release()


def _access(path: Path, exists: bool, readonly: bool, require_write: bool):
    """Decide how to open: returns (readonly_reason or None, lock, lock holder, who holds it as text)."""
    name = path.name
    reason = "opened read-only" if readonly else safety.readonly_reason(path)
    if reason and not exists:
        raise ProjectError(f"cannot create {name}: {reason}")
    if reason and require_write and not readonly:
        raise ReadOnlyProject(reason)
    if reason is not None:
        return reason, None, None, None
    try:
        return None, locking.acquire(path), None, None
    except ProjectLocked as exc:
        if require_write:
            raise
        return f"{exc}; it is open here read-only", None, getattr(exc, "holder", None), str(exc)
    except ProjectError as exc:  # the lock file cannot be made (a folder writable only in appearance)
        if require_write or not exists:
            raise
        return f"{exc}, so {name} is open read-only", None, None, None


# SQLite result codes (primary) of a write the disk or the system refused.
_FULL, _IOERR, _READONLY, _BUSY, _LOCKED, _CORRUPT, _CANTOPEN, _NOTADB = 13, 10, 8, 5, 6, 11, 14, 26


def _write_failure(name: str, exc: sqlite3.DatabaseError) -> ProjectError | None:
    """The analyst's message for a failed write, or None for an error that is a program's mistake."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if code is not None else None
    text = str(exc)
    low = text.lower()
    if primary == _FULL or "full" in low:
        return WriteFailed(f"the disk is full; the change was not saved ({text})")
    if primary == _IOERR or "i/o" in low:
        return WriteFailed(f"the disk reported an error; the change was not saved ({text})")
    if primary == _READONLY or "readonly" in low:
        return WriteFailed(f"{name} can no longer be written (it became read-only); the change was not saved")
    if primary in (_BUSY, _LOCKED) or "locked" in low:
        return WriteFailed(f"another program is using {name}; the change was not saved, try again")
    if primary in (_CORRUPT, _NOTADB) or "malformed" in low:
        return CorruptProject(f"{name} is damaged; the change was not saved ({text})")
    if primary == _CANTOPEN or "unable to open" in low:
        return WriteFailed(f"{name} or its folder cannot be written; the change was not saved ({text})")
    return None


# The connection class of writable projects; tests swap in one that fails on cue, to prove failed writes safe.
CONNECTION_FACTORY = sqlite3.Connection


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    else:
        conn = sqlite3.connect(str(path), factory=CONNECTION_FACTORY)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 3000")
    if not readonly:
        # A rollback journal, not WAL: every commit is in the one file, so a copy of the file made while the app
        # runs (or e-mailed) holds every confirmed change, and no -wal/-shm side file can be left behind or
        # separated from it. FULL sync: a confirmed change survives a crash or power loss. Each commit costs
        # about 0.7 ms here, far below a frame. (Only reached for a file that passed safety's checks.)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
    return conn
