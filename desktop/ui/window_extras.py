"""What the main window's File, Document and history commands do beyond tagging: new documents (clipboard, files,
folders), exports, copies and backups, document properties, text corrections and their orphans, histories.

Each command calls one entry function of its own module (which shows its own dialogs and messages) and then
tells the session what changed, so the window refreshes only that: one list row for a pasted or edited document,
one full reload after a bulk import or a restore.
"""

from __future__ import annotations

from pathlib import Path

from desktop.ops.queries import list_backups
from desktop.ui import (
    backups_dialog,
    correct_text,
    dialogs,
    document_properties,
    export_dialog,
    folder_import,
    history_dialog,
    import_files,
    orphan_list,
    paste_document,
)
from desktop.ui.menus import annotation_action_states

STATUS_MS = 8000
IMPORT_FOLDER_KEY = "import_folder"


class WindowExtras:
    """The window's extra commands; ``w`` is the MainWindow."""

    def __init__(self, window):
        self.w = window
        self.orphans = None  # the orphan list, while it is open

    @property
    def s(self):
        return self.w.session

    def _status(self, message: str) -> None:
        self.w.statusBar().showMessage(message, STATUS_MS)

    def _writable(self) -> bool:
        return self.s.project is not None and not self.s.project.readonly

    def _start_folder(self) -> Path | None:
        remembered = self.w.app_settings.get(IMPORT_FOLDER_KEY)
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        return self.s.path.parent if self.s.path else None

    def _remember_folder(self, folder: Path) -> None:
        self.w.app_settings.set(IMPORT_FOLDER_KEY, str(folder))

    # ------------------------------------------------------------ new documents
    def paste_document(self) -> None:
        if self.s.project is None:
            return
        doc = paste_document.paste_as_document(self.w, self.s.project)
        if doc is not None:
            self.s.document_added(doc.id)
            self.w.show_document(doc.id)
            self._status(f"\u201c{doc.title}\u201d was added from the clipboard.")

    def import_paths(self, paths: list[Path] | None = None) -> list[int]:
        """Import articles or annotated exchange files (chosen, dropped or given); returns the new documents."""
        if self.s.project is None:
            return []
        if paths is None:
            paths = import_files.choose_files(self.w, self._start_folder())
        paths = [Path(p) for p in paths or []]
        if not paths:
            return []
        self._remember_folder(paths[0].parent)
        self.w.form.commit()
        results = import_files.import_files(self.w, self.s.project, paths, status=self._status)
        new_ids = [d.id for r in results for d in r.documents]
        if results:
            self.s.reload_documents()
            if new_ids:
                self.w.show_document(new_ids[0])
        return new_ids

    def import_folder(self) -> None:
        if self.s.project is None:
            return
        folder = folder_import.choose_folder(self.w, self._start_folder())
        if folder is None:
            return
        self._remember_folder(folder)
        self.w.form.commit()
        report = folder_import.import_folder_with_progress(self.w, self.s.project, folder)
        # None also means the run stopped on a project error after some files came in: read the list again once.
        if report is None or report.imported or report.annotations:
            self.s.reload_documents()
            if report is not None and report.imported:
                self.w.show_document(report.imported[0].id)

    # ------------------------------------------------------------------ output
    def export(self) -> None:
        if self.s.project is None:
            return
        self.w.form.commit()
        export_dialog.export_annotations(self.w, self.s.project, self.s.document.id if self.s.document else None,
                                         status=self._status)

    def save_copy(self) -> None:
        if self.s.project is None:
            return
        self.w.form.commit()
        path = backups_dialog.save_copy(self.w, self.s.project)
        if path is not None:
            self._status(f"A complete copy was saved to {path}")

    def restore_backup(self) -> None:
        path = self.s.path
        if path is None or not self._writable():
            return
        self.w.form.commit()
        out = backups_dialog.restore_backup(self.w, path, before_restore=self.w.close_project)
        if out is not None and out.reopen:
            self.w.open_project(out.path)
        if out:
            self._status(out.message())

    def offer_restore(self, path: Path, problem: str) -> bool:
        """Opening failed because the file is damaged: offer its backups; True when a restored copy was opened."""
        path = Path(path)
        if not list_backups(path):
            dialogs.show_error(self.w, "Cannot open project", f"{problem}\n\nThere is no backup of it to restore.")
            return False
        question = (f"{problem.rstrip('.')}.\n\nClaimdesk keeps backups of {path.name}. Choose one to put in its "
                    f"place? (The damaged file is kept beside the backups.)")
        if not dialogs.confirm(self.w, "Cannot open project", question, "Restore from Backup\u2026"):
            return False
        out = backups_dialog.restore_backup(self.w, path)
        if not out:
            return False
        if self.w.open_project(path):
            self._status(out.message())
            return True
        return False

    # --------------------------------------------------------------- documents
    def _document_id(self, document_id: int | None) -> int | None:
        if document_id is not None:
            return document_id
        return self.s.document.id if self.s.document is not None else None

    def edit_properties(self, document_id: int | None = None) -> None:
        document_id = self._document_id(document_id)
        if self.s.project is None or document_id is None:
            return
        if document_properties.edit_document_properties(self.w, self.s.project, document_id):
            self.s.document_updated(document_id)
            self._status("The document's properties were saved.")

    def correct_text(self, document_id: int | None = None) -> None:
        document_id = self._document_id(document_id)
        if document_id is None or not self._writable():
            return
        self.w.form.commit()
        report = correct_text.correct_document_text(self.w, self.s.project, document_id)
        if report is None:
            return
        self.s.text_corrected(report.document_id)
        self.refresh_orphans()
        if report.orphans:
            self.show_orphans()

    def show_orphans(self, document_id: int | None = None):
        """The orphan list beside the window (one at a time); activating a row shows that annotation."""
        if self.s.project is None:
            return None
        if self.orphans is not None:
            self.orphans.document_id = document_id
            self.orphans.refresh()
            self.orphans.raise_()
            self.orphans.activateWindow()
            return self.orphans
        dlg = orphan_list.show_orphans(self.w, self.s.project, document_id)
        dlg.annotationActivated.connect(self._orphan_activated)
        dlg.destroyed.connect(self._orphans_closed)
        self.orphans = dlg
        return dlg

    def _orphan_activated(self, document_id: int, annotation_id: int) -> None:
        self.w.show_document(document_id)
        self.s.select(annotation_id)
        self.w.article.setFocus()

    def _orphans_closed(self, *_args) -> None:
        self.orphans = None

    def refresh_orphans(self) -> None:
        if self.orphans is not None:
            self.orphans.refresh()

    def close_orphans(self) -> None:
        """The list belongs to the project that was open; it goes with it."""
        if self.orphans is not None:
            dlg, self.orphans = self.orphans, None
            dlg.close()

    def annotation_changed(self, new, old) -> None:
        if bool(new.orphan) != bool(old.orphan):
            self.refresh_orphans()

    def annotation_added_or_removed(self, ann) -> None:
        if getattr(ann, "orphan", False):
            self.refresh_orphans()

    # ----------------------------------------------------------------- history
    def document_history(self, document_id: int | None = None):
        document_id = self._document_id(document_id)
        if self.s.project is None or document_id is None:
            return None
        return history_dialog.show_history(self.w, self.s.project, document_id=document_id)

    def annotation_history(self):
        if self.s.project is None or self.s.selected_id is None:
            self._status("Select an annotation first, then ask for its history.")
            return None
        self.w.form.commit()
        return history_dialog.show_history(self.w, self.s.project, annotation_id=self.s.selected_id)

    # ----------------------------------------------------------------- actions
    def update_actions(self) -> None:
        """Enable each command when it can do something now."""
        s, actions = self.s, self.w.actions
        has = s.project is not None
        writable = self._writable()
        shown = s.document is not None
        states = {
            "paste_document": writable, "import": writable, "import_folder": writable,
            "restore_backup": writable, "export": has, "save_copy": has, "orphans": has,
            "document_properties": shown, "correct_text": shown and writable, "document_history": shown,
            "search": has, **annotation_action_states(s),
        }
        for name, on in states.items():
            if name in actions:
                actions[name].setEnabled(on)
