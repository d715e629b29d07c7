"""Export annotations: the analyst picks a format (and whether the whole project or only the shown document),
then where to write it; ``desktop.formats.exporting.export`` writes it.

``run_dialog`` (the format dialog) and ``choose_output`` (the file or folder chooser) are the module's modal
calls, so tests can drive the real dialog and name the output.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import ClaimdeskError
from desktop.ops.exports import EXPORTERS, export
from desktop.ui import dialogs
from desktop.ui.dialog_parts import ok_cancel_buttons, run_dialog

# Format -> (label, who reads it). A format missing here (added later) is listed by its name.
FORMAT_LABELS = {
    "csv": ("CSV spreadsheet (.csv)", "Excel, LibreOffice, R, pandas; one row per annotation"),
    "jsonl": ("JSON Lines (.jsonl)", "scripts and NLP tools; every field, offsets in code points and UTF-16"),
    "w3c": ("W3C Web Annotation (.jsonld)", "web annotation tools; quote and position selectors"),
    "brat": ("brat standoff (a folder of .txt and .ann files)", "brat and NLP corpora tools"),
    "qdpx": ("REFI-QDA project (.qdpx)", "ATLAS.ti, NVivo, MAXQDA, QualCoder; texts, codes and codings"),
    "qdc": ("REFI-QDA codebook (.qdc)", "the codebook only, for the same tools"),
}
FOLDER_FORMATS = ("brat",)
WHOLE_PROJECT_ONLY = ("qdc",)
TITLE = "Export Annotations"

_last_format = "csv"


def suffix_of(fmt: str) -> str:
    suffixes = [s for s in EXPORTERS[fmt][0] if s]
    return suffixes[0] if suffixes else ""


class ExportDialog(QDialog):
    def __init__(self, project, document_id: int | None = None, parent: QWidget | None = None,
                 initial: str = "csv"):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(TITLE)
        self.setMinimumWidth(520)
        formats = QGroupBox("Format", self)
        col = QVBoxLayout(formats)
        self.format_group = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        for name in EXPORTERS:
            label, detail = FORMAT_LABELS.get(name, (name, ""))
            button = QRadioButton(label, formats)
            button.setObjectName(f"format_{name}")
            button.setToolTip(detail)
            col.addWidget(button)
            if detail:
                note = QLabel(detail, formats)
                note.setStyleSheet("color: #6E7781; margin-left: 22px;")
                col.addWidget(note)
            self.format_group.addButton(button)
            self.format_buttons[name] = button
        (self.format_buttons.get(initial) or next(iter(self.format_buttons.values()))).setChecked(True)

        scope = QGroupBox("Annotations", self)
        srow = QVBoxLayout(scope)
        self.whole = QRadioButton("The whole project", scope)
        self.whole.setObjectName("scopeProject")
        self.only_doc = QRadioButton(scope)
        self.only_doc.setObjectName("scopeDocument")
        self.document_id = document_id
        if document_id is not None:
            title = project.document(document_id).title
            short = title if len(title) <= 60 else title[:59] + "\u2026"
            self.only_doc.setText(f"Only this document: {short}")
        srow.addWidget(self.whole)
        srow.addWidget(self.only_doc)
        self.whole.setChecked(True)
        self.only_doc.setVisible(document_id is not None)
        self.format_group.buttonToggled.connect(lambda *_: self._format_changed())

        self.buttons = ok_cancel_buttons(self, "Export\u2026")
        layout = QVBoxLayout(self)
        layout.addWidget(formats)
        layout.addWidget(scope)
        layout.addWidget(self.buttons)
        self._format_changed()

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def chosen_format(self) -> str:
        return next(name for name, b in self.format_buttons.items() if b.isChecked())

    def chosen_document(self) -> int | None:
        if self.document_id is None or self.chosen_format() in WHOLE_PROJECT_ONLY:
            return None
        return self.document_id if self.only_doc.isChecked() else None

    def _format_changed(self) -> None:
        self.only_doc.setEnabled(self.chosen_format() not in WHOLE_PROJECT_ONLY)


def ask_format(parent: QWidget | None, project, document_id: int | None) -> tuple[str, int | None] | None:
    """The format and the document to export (None: the whole project), or None when cancelled."""
    dialog = ExportDialog(project, document_id, parent, initial=_last_format)
    try:
        if not run_dialog(dialog):
            return None
        return dialog.chosen_format(), dialog.chosen_document()
    finally:
        dialog.deleteLater()


def choose_output(parent: QWidget | None, fmt: str, suggested: Path) -> Path | None:
    """Where to write: a folder for brat, else a file (the format's extension added when missing)."""
    if fmt in FOLDER_FORMATS:
        path = QFileDialog.getExistingDirectory(parent, "Export brat: choose a folder", str(suggested.parent))
        return Path(path) if path else None
    suffix = suffix_of(fmt)
    label = FORMAT_LABELS.get(fmt, (fmt, ""))[0]
    path, _ = QFileDialog.getSaveFileName(parent, TITLE, str(suggested), f"{label} (*{suffix});;All files (*)")
    if not path:
        return None
    p = Path(path)
    return p if p.suffix.lower() == suffix or not suffix else p.with_name(p.name + suffix)


def brat_folder(chosen: Path, stem: str) -> Path:
    """The chosen folder when it is empty or an earlier brat export; otherwise a new folder inside it."""
    chosen = Path(chosen)
    if chosen.is_dir() and (not any(chosen.iterdir()) or (chosen / "annotation.conf").is_file()):
        return chosen
    return chosen / f"{stem} brat"


EXPORT_FOLDER_KEY = "export/folder"


def export_folder(project_path: Path) -> Path:
    """Where an export is suggested: the folder used last; else, for a project in Claimdesk's own (hidden) data
    folder such as the first run's sample, the user's documents folder; else the project's folder."""
    from PySide6.QtCore import QStandardPaths

    from desktop.app.appdata import data_dir, window_settings

    last = window_settings().value(EXPORT_FOLDER_KEY)
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    folder = Path(project_path).parent
    try:
        hidden = folder.resolve() == data_dir().resolve()
    except OSError:
        hidden = False
    if hidden:
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()
    return folder


def remember_export_folder(out: Path) -> None:
    from desktop.app.appdata import window_settings

    s = window_settings()
    s.setValue(EXPORT_FOLDER_KEY, str(Path(out).parent))
    s.sync()


def _suggested(project, fmt: str, document_id: int | None) -> Path:
    stem = project.path.stem
    if document_id is not None:
        title = "".join(c if c.isalnum() or c in " -_" else " " for c in project.document(document_id).title)
        stem = f"{stem} - {' '.join(title.split())[:50]}".rstrip(" -")
    return export_folder(project.path) / (stem + suffix_of(fmt))


def export_annotations(parent: QWidget | None, project, document_id: int | None = None,
                       status: Callable[[str], None] | None = None) -> Path | None:
    """Ask for a format and a place, and export; returns what was written (a file, or a folder for brat).

    ``document_id`` is the shown document, offered as an alternative to the whole project. ``status`` receives
    a one-line confirmation (the window shows it in its status bar)."""
    global _last_format
    choice = ask_format(parent, project, document_id)
    if choice is None:
        return None
    fmt, only = choice
    _last_format = fmt
    suggested = _suggested(project, fmt, only)
    out = choose_output(parent, fmt, suggested)
    if out is None:
        return None
    if fmt in FOLDER_FORMATS:
        out = brat_folder(out, suggested.stem)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        count = export(project, out, fmt, document_id=only)
    except (ClaimdeskError, OSError) as exc:
        failure = str(exc)
    else:
        failure = ""
    finally:
        QApplication.restoreOverrideCursor()
    if failure:
        dialogs.show_error(parent, TITLE, f"Nothing was exported: {failure}")
        return None
    remember_export_folder(out)
    if status is not None:
        what = "codes" if fmt == "qdc" else "annotations"
        if count == 1:
            what = what[:-1]
        status(f"{count:,} {what} written to {out}")
    return out
