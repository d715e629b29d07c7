"""Reads the window's dialogs need (search hits, titles, orphans, backups and what they hold): each one query in
the store, none writes. Front ends read through here, never through the store."""

from desktop.store.backups import KIND_LABELS, Backup, backups_dir, list_backups  # noqa: F401
from desktop.store.ui_queries import (  # noqa: F401
    HIT_CLOSE,
    HIT_OPEN,
    backup_counts,
    document_summary,
    document_titles,
    orphan_annotations,
    search_hits,
)
