"""Backups from a front end: put one back (the current state is kept first) and write a complete copy."""

from desktop.store.backups import restore_file as restore  # noqa: F401


def save_copy(project, dest):
    """A complete, consistent copy of the open project at ``dest``; returns the path written."""
    return project.save_copy(dest)
