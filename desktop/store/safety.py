"""Checking a project file before Claimdesk trusts it, and where it lives.

Nothing in this module writes to the project file. The header is read as plain bytes, and the database is then
examined through a read-only connection (``mode=ro``), so a file Claimdesk refuses (not SQLite, truncated,
damaged, another program's, written by a newer Claimdesk) is left byte-for-byte as it was, with no side files.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop.store import schema
from desktop.store.errors import CorruptProject, NewerProject, NotAProject

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100

# Tables every released schema has; a Claimdesk file without one of them is damaged.
REQUIRED_TABLES = ("documents", "tag_types", "annotations", "history", "settings")


@dataclass(frozen=True)
class Header:
    """The fields of the 100-byte SQLite header that matter here (see sqlite.org/fileformat.html)."""

    page_size: int
    write_version: int  # 1: rollback journal, 2: WAL
    change_counter: int
    page_count: int
    user_version: int
    application_id: int
    version_valid_for: int

    @property
    def wal(self) -> bool:
        return self.write_version == 2


def read_header(path: Path) -> Header | None:
    """The parsed header, or None for an empty (0-byte) file. Raises NotAProject for anything not SQLite."""
    name = path.name
    with open(path, "rb") as fh:
        data = fh.read(HEADER_SIZE)
    if not data:
        return None
    if not data.startswith(SQLITE_MAGIC[: len(data)]) or len(data) < len(SQLITE_MAGIC):
        raise NotAProject(f"{name} is not a Claimdesk project (it is not an SQLite file)")
    if len(data) < HEADER_SIZE:
        raise CorruptProject(f"{name} is truncated ({len(data)} bytes): it holds only the start of a project")
    page_size = struct.unpack(">H", data[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise CorruptProject(f"{name} is damaged: its header is not valid")
    (change_counter, page_count) = struct.unpack(">II", data[24:32])
    user_version, = struct.unpack(">i", data[60:64])
    application_id, = struct.unpack(">i", data[68:72])
    valid_for, = struct.unpack(">I", data[92:96])
    return Header(page_size=page_size, write_version=data[18], change_counter=change_counter,
                  page_count=page_count, user_version=user_version, application_id=application_id,
                  version_valid_for=valid_for)


def check_header(path: Path) -> Header | None:
    """Refuse, from its header alone, a file that is not a project this Claimdesk can open."""
    name = path.name
    header = read_header(path)
    if header is None:
        return None
    size = path.stat().st_size
    if header.application_id not in (0, schema.APPLICATION_ID):
        raise NotAProject(f"{name} is an SQLite file of another program, not a Claimdesk project")
    if header.application_id == 0 and header.wal:
        raise NotAProject(f"{name} is an SQLite file of another program, not a Claimdesk project")
    if size % header.page_size:
        raise CorruptProject(f"{name} is truncated or damaged: its size does not fit its page size")
    if header.version_valid_for == header.change_counter and header.page_count * header.page_size > size:
        raise CorruptProject(
            f"{name} is truncated: it holds {size:,} bytes of {header.page_count * header.page_size:,}")
    if header.application_id == schema.APPLICATION_ID and header.user_version > schema.target_version():
        raise NewerProject(
            f"{name} was written by a newer Claimdesk (schema {header.user_version}; this version reads up to "
            f"{schema.target_version()}); update Claimdesk to open it"
        )
    return header


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to the file (nor roll back a journal a crashed writer left)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    conn.execute("PRAGMA busy_timeout = 3000")
    return conn


def is_hot_journal_error(exc: sqlite3.Error) -> bool:
    """True when a read-only connection met the journal of a writer that stopped mid-change."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code == 776 or (code is None and "readonly" in str(exc).lower())  # SQLITE_READONLY_ROLLBACK


def check_database(conn: sqlite3.Connection, name: str) -> str:
    """Examine an open database; returns ``"empty"`` (no tables yet) or ``"project"``.

    Raises NotAProject for another program's database, CorruptProject for a damaged one.
    """
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return "empty"
        if app_id != schema.APPLICATION_ID:
            raise NotAProject(f"{name} is an SQLite file of another program, not a Claimdesk project")
        result = [r[0] for r in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as exc:
        if is_hot_journal_error(exc):
            raise
        raise CorruptProject(f"{name} is damaged and cannot be read ({_short(str(exc))}); "
                             "restore it from a backup (claimdesk restore)") from None
    if result != ["ok"]:
        raise CorruptProject(f"{name} is damaged: the integrity check found {_first_problem(result)}")
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        raise CorruptProject(f"{name} is damaged: it lacks the table(s) {', '.join(missing)}")
    return "project"


def _short(message: str) -> str:
    """SQLite's message on one short line: a damaged schema quotes whole CREATE statements."""
    message = " ".join(message.split())
    if "malformed database schema" in message:
        return "its table definitions are damaged"
    return message if len(message) <= 100 else message[:99] + "…"


def _first_problem(result: list[str]) -> str:
    first = result[0].replace("*** in database main ***", "").strip().splitlines()[0] if result else "an error"
    return first[:120]


# ------------------------------------------------------------------------------------------------ read-only

def _writable(p: Path) -> bool:
    try:
        mode = p.stat().st_mode
    except OSError:
        return False
    # Write bits as well as access(): the owner's intent counts even for an administrator who could write anyway.
    return os.access(p, os.W_OK) and bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def readonly_reason(path: Path) -> str | None:
    """Why the project cannot be written here, or None when it can (the file and its folder are writable)."""
    name = path.name
    if path.exists() and not _writable(path):
        return f"{name} is a read-only file, so changes cannot be saved"
    folder = path.resolve().parent
    if folder.exists() and not _writable(folder):
        return f"the folder holding {name} is read-only, so changes cannot be saved"
    return None


# ---------------------------------------------------------------------------------------- where it lives

# Folder names that sync clients create, matched case-insensitively at the start of a path component.
_CLOUD_FOLDERS = (
    ("dropbox", "Dropbox"),
    ("onedrive", "OneDrive"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("icloud drive", "iCloud Drive"),
    ("icloud~", "iCloud Drive"),
    ("com~apple~clouddocs", "iCloud Drive"),
    ("mobile documents", "iCloud Drive"),
    ("pcloud drive", "pCloud"),
    ("box sync", "Box"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
    ("yandex.disk", "Yandex Disk"),
    ("megasync", "MEGA"),
)
_CLOUD_EXACT = {"box": "Box", "mega": "MEGA", "sync": "Sync"}

# Linux filesystem types of network shares, and of FUSE mounts that sync or stream files.
_NETWORK_FS = ("nfs", "cifs", "smb", "ncpfs", "afs", "9p", "ceph", "glusterfs", "lustre", "davfs", "sshfs",
               "rclone", "s3fs", "gcsfuse", "google-drive", "onedrive", "dropbox")


def cloud_service(path: Path) -> str | None:
    """The sync service whose folder holds ``path``, judged by the folder names sync clients use."""
    for part in Path(path).resolve().parts[:-1]:
        low = part.casefold()
        if low in _CLOUD_EXACT:
            return _CLOUD_EXACT[low]
        for marker, service in _CLOUD_FOLDERS:
            if low.startswith(marker):
                return service
    return None


def mount_type(path: Path, mounts: str | None = None) -> str | None:
    """The filesystem type of the mount holding ``path`` on Linux (from /proc/mounts), else None."""
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = str(Path(path).resolve())
    best, best_type = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fields[2]
    return best_type


def _windows_network_drive(path: Path) -> bool:
    text = str(Path(path).resolve())
    if text.startswith("\\\\"):
        return True
    try:
        import ctypes

        drive = os.path.splitdrive(text)[0] + "\\"
        return ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE
    except (AttributeError, OSError):
        return False


def network_filesystem(path: Path, mounts: str | None = None) -> str | None:
    """A short description of the network share holding ``path``, or None (best effort)."""
    if sys.platform == "win32":
        return "a network drive" if _windows_network_drive(path) else None
    fstype = mount_type(path, mounts)
    if fstype and any(k in fstype.lower() for k in _NETWORK_FS):
        return f"a network share ({fstype})"
    return None


def sync_folder_warning(path: str | os.PathLike, mounts: str | None = None) -> str | None:
    """A warning when the project sits in a synced cloud folder or on a network share, else None."""
    path = Path(path)
    name = path.name
    service = cloud_service(path)
    if service:
        return (f"{name} is in a {service} folder: if it is opened on two computers, or synced while open, "
                f"changes can be lost; open it on one computer at a time and let {service} finish syncing first")
    share = network_filesystem(path, mounts)
    if share:
        return (f"{name} is on {share}, where file locking is unreliable: open it on one computer at a time, "
                f"or copy it to this computer to work on it")
    return None


def describe(exc: BaseException) -> str:
    """One line for an OSError or sqlite3 error, for messages."""
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


__all__ = ["Header", "check_database", "check_header", "connect_readonly", "readonly_reason",
           "sync_folder_warning"]
