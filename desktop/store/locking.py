"""One writer per project: a lock file next to the project that says who is writing.

``demo.claimdesk`` is guarded by ``demo.claimdesk.lock``, a small JSON file naming the user, computer, process
and time of the window (or command) that has the project open for writing. A second opener reads it and opens
the project read-only (or refuses, when it must write), with a message naming the holder.

Who holds the lock: on Linux and macOS the holder keeps an ``flock`` on the lock file, which the system drops
when the process ends in any way (even SIGKILL or a power cut), so a lock left by a crashed Claimdesk is taken
over at once. Where ``flock`` is missing (Windows) or refused (some network shares), a lock whose process no
longer runs on this computer is taken over. A lock held from another computer is never taken over
automatically: that computer may still be writing. :func:`break_lock` removes it when the analyst says so.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from desktop.store.errors import ProjectError, ProjectLocked

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

LOCK_SUFFIX = ".lock"


@dataclass(frozen=True)
class LockHolder:
    user: str
    host: str
    pid: int
    since: str  # UTC, ISO 8601

    def describe(self) -> str:
        """``alice on laptop (process 4242) since 2026-11-25 09:41``, in local time."""
        when = self.since
        with contextlib.suppress(ValueError):
            stamp = datetime.fromisoformat(self.since.replace("Z", "+00:00"))
            when = stamp.astimezone().strftime("%Y-%m-%d %H:%M")
        if self.pid == os.getpid() and self.host == _host():
            return f"another window of this Claimdesk (since {when})"
        return f"{self.user or 'someone'} on {self.host or 'another computer'} (process {self.pid}) since {when}"

    def to_json(self) -> str:
        return json.dumps({"user": self.user, "host": self.host, "pid": self.pid, "since": self.since,
                           "app": "claimdesk"})

    @classmethod
    def from_json(cls, text: str) -> LockHolder | None:
        try:
            data = json.loads(text)
            return cls(user=str(data.get("user", "")), host=str(data.get("host", "")), pid=int(data["pid"]),
                       since=str(data.get("since", "")))
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


def lock_path(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + LOCK_SUFFIX)


def _host() -> str:
    return socket.gethostname()


def _me() -> LockHolder:
    try:
        user = getpass.getuser()
    except Exception:  # getuser raises various errors when no user name is set; a name is only informative
        user = ""
    since = datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")
    return LockHolder(user=user, host=_host(), pid=os.getpid(), since=since)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read_fd(fd: int) -> LockHolder | None:
    os.lseek(fd, 0, os.SEEK_SET)
    return LockHolder.from_json(os.read(fd, 4096).decode("utf-8", "replace"))


def read_holder(project_path: Path) -> LockHolder | None:
    """Who the lock file names, if there is one (it may be stale)."""
    try:
        return LockHolder.from_json(lock_path(project_path).read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None


class ProjectLock:
    """A held lock; :meth:`release` removes the lock file."""

    def __init__(self, path: Path, fd: int, holder: LockHolder):
        self.path = path
        self.holder = holder
        self._fd: int | None = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            with contextlib.suppress(OSError):
                if os.stat(self.path).st_ino == os.fstat(fd).st_ino:
                    os.unlink(self.path)
        finally:
            os.close(fd)

    def __del__(self):  # a forgotten Project must not keep its descriptor (the system drops the flock anyway)
        with contextlib.suppress(Exception):
            if self._fd is not None:
                os.close(self._fd)


def _locked(project_path: Path, holder: LockHolder | None) -> ProjectLocked:
    who = holder.describe() if holder else "another Claimdesk"
    message = f"{project_path.name} is open for writing by {who}"
    if holder is not None and holder.host != _host():
        message += f" (if nobody uses it there any more, delete {lock_path(project_path).name})"
    exc = ProjectLocked(message)
    exc.holder = holder
    return exc


def _write_holder(fd: int, holder: LockHolder) -> None:
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, holder.to_json().encode("utf-8"))
    with contextlib.suppress(OSError):
        os.fsync(fd)


def acquire(project_path: Path) -> ProjectLock:
    """Take the project's lock or raise ProjectLocked naming who holds it."""
    path = lock_path(project_path)
    me = _me()
    for attempt in range(20):
        if fcntl is None:
            lock = _acquire_exclusive(project_path, path, me)
        else:
            lock = _acquire_flock(project_path, path, me, last=attempt == 19)
        if lock is not None:
            return lock
        time.sleep(0.02)
    raise _locked(project_path, read_holder(project_path))


def _open_lock_file(path: Path, flags: int) -> int:
    """Open the lock file, never through a symbolic link: a project folder received as a zip or a checkout may
    carry ``NAME.claimdesk.lock -> ../.bashrc``, and writing the holder's name would overwrite the link's target."""
    try:
        return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except FileExistsError:
        raise
    except OSError as exc:
        if os.path.islink(path):
            raise ProjectError(f"the lock file {path.name} is a symbolic link; Claimdesk does not write through "
                               "it (remove the link to open the project for writing)") from None
        raise ProjectError(f"cannot create the lock file {path.name}: {exc.strerror or exc}") from None


def _acquire_flock(project_path: Path, path: Path, me: LockHolder, last: bool) -> ProjectLock | None:
    fd = _open_lock_file(path, os.O_RDWR | os.O_CREAT)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                holder = _read_fd(fd)
                if holder is None and not last:
                    return None  # the holder is still writing its name; look again
                raise _locked(project_path, holder) from None
            # flock is not supported here (some network shares): judge by the process instead
            os.close(fd)
            fd = None
            return _acquire_exclusive(project_path, path, me)
        try:
            same_file = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same_file = False
        if not same_file:
            return None  # the previous holder removed it while we waited; start again
        previous = _read_fd(fd)
        if previous is not None and previous.host != me.host:
            # flock does not always reach other computers over a network share: trust their lock
            raise _locked(project_path, previous)
        _write_holder(fd, me)
        lock, fd = ProjectLock(path, fd, me), None
        return lock
    finally:
        if fd is not None:
            os.close(fd)


def _acquire_exclusive(project_path: Path, path: Path, me: LockHolder) -> ProjectLock | None:
    try:
        fd = _open_lock_file(path, os.O_RDWR | os.O_CREAT | os.O_EXCL)
    except FileExistsError:
        holder = read_holder(project_path)
        stale = (holder is not None and holder.host == me.host and not _pid_alive(holder.pid)) or (
            holder is None and _age(path) > 10)
        if not stale:
            if holder is None:
                return None
            raise _locked(project_path, holder) from None
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        return None
    _write_holder(fd, me)
    return ProjectLock(path, fd, me)


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def break_lock(project_path: Path) -> None:
    """Remove a lock the analyst knows to be stale (e.g. held from a computer that crashed)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(lock_path(project_path))
