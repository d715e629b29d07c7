"""Backups of a project file, all written through SQLite's backup API.

Backups of ``demo.claimdesk`` live in the folder ``demo.backups`` beside it, named
``demo 2026-11-25T091502.123Z opened.claimdesk`` (UTC time, then why it was taken). Each is a complete project
that Claimdesk or any SQLite tool opens. A backup is first written under a temporary name and renamed when
complete, so a half-written backup never looks like a real one.

Kinds: ``opened`` (a rolling backup when the project is opened for writing and has changed since the newest
backup; the newest five are kept), ``manual`` (``claimdesk backup``), ``before-upgrade``, ``before-restore`` and
``damaged`` (a byte copy of a damaged file replaced by a restore). Only ``opened`` backups are pruned.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlite_utils import Database

from desktop.store import locking, safety, schema
from desktop.store.errors import ProjectError, ReadOnlyProject, WriteFailed

BACKUPS_KEPT = 5
ROLLING_KINDS = ("opened",)
KIND_LABELS = {
    "opened": "on opening",
    "manual": "made by hand",
    "before-upgrade": "before an upgrade",
    "before-restore": "before a restore",
    "damaged": "damaged file, kept before a restore",
}
SUFFIX = ".claimdesk"
_STAMP = "%Y-%m-%dT%H%M%S"
_NAME = re.compile(r"^(?P<stem>.*) (?P<stamp>\d{4}-\d\d-\d\dT\d{6}\.\d{3}Z) (?P<kind>[a-z-]+)\.claimdesk$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC
    kind: str
    size: int

    @property
    def label(self) -> str:
        """``2026-11-25 10:15 (on opening)`` in local time, for menus."""
        local = self.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        return f"{local} ({KIND_LABELS.get(self.kind, self.kind)})"


def backups_dir(project_path: Path) -> Path:
    project_path = Path(project_path)
    folder = project_path.with_name(project_path.stem + ".backups")
    if folder.is_symlink():
        raise ProjectError(f"the backups folder {folder.name} is a symbolic link; Claimdesk does not write "
                           "through it (remove the link)")
    if folder.exists() and not folder.is_dir():
        raise ProjectError(f"{folder.name} beside the project is a file, not a backups folder; move it away")
    return folder


def list_backups(project_path: str | os.PathLike) -> list[Backup]:
    """The project's backups, newest first (none when the backups folder is not a real folder)."""
    try:
        folder = backups_dir(Path(project_path))
    except ProjectError:
        return []
    found = []
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            match = _NAME.match(entry.name)
            if not match or not entry.is_file():
                continue
            stamp = datetime.strptime(match["stamp"][:-5], _STAMP).replace(
                microsecond=int(match["stamp"][-4:-1]) * 1000, tzinfo=timezone.utc)
            found.append(Backup(entry, stamp, match["kind"], entry.stat().st_size))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def _fsync_dir(folder: Path) -> None:
    if os.name == "posix":
        with contextlib.suppress(OSError):
            fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _remove_quietly(*paths: Path) -> None:
    for p in paths:
        with contextlib.suppress(OSError):
            p.unlink()


def _side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm")]


def copy_database(source: sqlite3.Connection, dest: Path) -> None:
    """Write a complete, consistent copy of ``source`` to ``dest`` (replaced only once the copy is whole)."""
    dest = Path(dest)
    tmp = dest.with_name(f".{dest.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        out = sqlite3.connect(tmp)
        try:
            source.backup(out)
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
        _fsync_dir(dest.parent)
    except (OSError, sqlite3.Error) as exc:
        _remove_quietly(tmp, *_side_files(tmp))
        raise WriteFailed(f"could not write {dest.name}: {safety.describe(exc)}") from None


def _new_name(project_path: Path, kind: str) -> Path:
    folder = backups_dir(project_path)
    while True:
        now = datetime.now(timezone.utc)
        stamp = now.strftime(_STAMP) + f".{now.microsecond // 1000:03d}Z"
        dest = folder / f"{project_path.stem} {stamp} {kind}{SUFFIX}"
        if not dest.exists():
            return dest
        time.sleep(0.002)


def write_backup(source: sqlite3.Connection, project_path: Path, kind: str) -> Backup:
    """Back up the open database ``source`` of ``project_path`` into its backups folder."""
    project_path = Path(project_path)
    dest = _new_name(project_path, kind)
    copy_database(source, dest)
    prune(project_path)
    return next(b for b in list_backups(project_path) if b.path == dest)


def rolling_backup(source: sqlite3.Connection, project_path: Path) -> Backup | None:
    """A backup on opening, unless the project has not changed since the newest backup."""
    newest = next(iter(list_backups(project_path)), None)
    if newest is not None:
        with contextlib.suppress(OSError):
            if newest.path.stat().st_mtime_ns >= Path(project_path).stat().st_mtime_ns:
                return None
    return write_backup(source, project_path, "opened")


def prune(project_path: Path, keep: int = BACKUPS_KEPT) -> None:
    """Keep the newest ``keep`` rolling backups; remove leftovers of interrupted copies."""
    rolling = [b for b in list_backups(project_path) if b.kind in ROLLING_KINDS]
    for old in rolling[keep:]:
        _remove_quietly(old.path)
    with contextlib.suppress(OSError):
        for entry in backups_dir(project_path).glob(".*.tmp"):
            if time.time() - entry.stat().st_mtime > 3600:
                _remove_quietly(entry)


# ------------------------------------------------------------------------------------------------ restoring

def _prepare(backup_path: Path, dest: Path) -> None:
    """Check a backup and write it, upgraded to the current schema if it is older, to ``dest``."""
    backup_path = Path(backup_path)
    if not backup_path.is_file():
        raise ProjectError(f"no backup at {backup_path}")
    header = safety.check_header(backup_path)
    if header is None:
        raise ProjectError(f"{backup_path.name} is empty, not a backup")
    src = safety.connect_readonly(backup_path)
    try:
        if safety.check_database(src, backup_path.name) != "project":
            raise ProjectError(f"{backup_path.name} is an empty database, not a backup")
        copy_database(src, dest)
    finally:
        src.close()
    if header.user_version < schema.target_version():
        db = Database(sqlite3.connect(dest), execute_plugins=False)
        try:
            db.conn.execute("PRAGMA foreign_keys = ON")
            schema.migrate(db)
        except sqlite3.Error as exc:
            raise ProjectError(f"could not upgrade {backup_path.name}: {exc}") from None
        finally:
            db.conn.close()


def restore_into(conn: sqlite3.Connection, project_path: Path, backup_path: Path) -> Backup:
    """Replace the content of an open project with a backup; returns the backup of the state it replaced."""
    project_path = Path(project_path)
    folder = backups_dir(project_path)
    tmp = folder / f".restore-{uuid.uuid4().hex[:8]}.tmp"
    try:
        _prepare(backup_path, tmp)
        kept = write_backup(conn, project_path, "before-restore")
        src = sqlite3.connect(tmp)
        try:
            src.backup(conn)
        except sqlite3.Error as exc:
            raise WriteFailed(f"the backup was not restored: {exc}") from None
        finally:
            src.close()
    finally:
        _remove_quietly(tmp, *_side_files(tmp))
    return kept


def restore_file(project_path: str | os.PathLike, backup_path: str | os.PathLike) -> Backup | None:
    """Replace a closed project (even a damaged one) with a backup.

    The current file is kept first: as a ``before-restore`` backup when it is readable, else as a ``damaged``
    byte copy. Returns that backup (None when there was no file). Raises ProjectLocked when the project is open
    for writing elsewhere.
    """
    project_path = Path(project_path)
    if Path(backup_path).resolve() == project_path.resolve():
        raise ProjectError("a project cannot be restored from itself")
    reason = safety.readonly_reason(project_path)
    if reason:
        raise ReadOnlyProject(f"cannot restore: {reason}")
    lock = locking.acquire(project_path)
    tmp = project_path.with_name(f".{project_path.name}.{uuid.uuid4().hex[:8]}.restore")
    try:
        _prepare(Path(backup_path), tmp)
        kept = _keep_current(project_path) if project_path.exists() else None
        _remove_quietly(*_side_files(project_path))
        try:
            os.replace(tmp, project_path)
        except OSError as exc:
            raise WriteFailed(f"the backup was not restored: {safety.describe(exc)}") from None
        _fsync_dir(project_path.parent)
        return kept
    finally:
        _remove_quietly(tmp, *_side_files(tmp))
        lock.release()


def _keep_current(project_path: Path) -> Backup:
    try:
        safety.check_header(project_path)
        conn = safety.connect_readonly(project_path)
        try:
            safety.check_database(conn, project_path.name)
            return write_backup(conn, project_path, "before-restore")
        finally:
            conn.close()
    except (ProjectError, sqlite3.Error):
        pass  # unreadable: keep its bytes as they are instead
    dest = _new_name(project_path, "damaged")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(project_path, dest)
    except OSError as exc:
        raise WriteFailed(f"could not keep a copy of {project_path.name}: {safety.describe(exc)}") from None
    return next(b for b in list_backups(project_path) if b.path == dest)


class BackupsMixin:
    """Save a Copy, backups and restoring, for an open :class:`~desktop.store.project.Project`."""

    def save_copy(self, dest: str | os.PathLike) -> Path:
        """Write a complete copy of the project to ``dest`` (File > Save a Copy); the open project stays open."""
        dest = Path(dest)
        if dest.exists() and dest.resolve() == self.path.resolve():
            raise ProjectError("a copy cannot replace the open project itself; choose another name")
        if dest.is_dir():
            raise ProjectError(f"{dest} is a folder; choose a file name for the copy")
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WriteFailed(f"could not write {dest.name}: {safety.describe(exc)}") from None
        lock = locking.acquire(dest)  # never replace a project another window is writing to
        try:
            copy_database(self.db.conn, dest)
        finally:
            if lock is not None:
                lock.release()
        return dest

    def list_backups(self) -> list[Backup]:
        return list_backups(self.path)

    def backup_now(self, kind: str = "manual") -> Backup:
        return write_backup(self.db.conn, self.path, kind)

    def restore_backup(self, backup_path: str | os.PathLike) -> Backup:
        """Replace the project's content with a backup, keeping a backup of the current state first.

        Returns that backup. Every annotation, document and setting is then the backup's: reload all views.
        """
        if self.readonly:
            self._refuse_write()
        kept = restore_into(self.db.conn, self.path, Path(backup_path))
        self._texts.clear()
        return kept
