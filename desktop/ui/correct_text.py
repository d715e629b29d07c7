"""Correct a document's text (a typo, a missing paragraph) without losing its annotations.

The dialog edits the stored text; OK re-anchors every annotation by its exact text and context
(``desktop.store.reanchor``), all in one transaction recorded in history. Annotations whose text is gone are kept
as orphans; the analyst is told how many before saving, and they are listed afterwards.

Only the part the analyst edited is taken from the editor: the text before and after it is kept exactly as
stored, so characters Qt would turn into something else (a no-break space, a line separator) stay as they were.
``run_dialog`` is the one modal call, so tests can drive the real dialog.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.domain.anchor import PARAGRAPH, Anchor, merge_edit, reanchor  # noqa: F401  (merge_edit importable from here)
from desktop.domain.model import Annotation, ClaimdeskError
from desktop.domain.text import normalize_text
from desktop.ops.documents import ReanchorReport, correct_text
from desktop.ui import dialogs, report_dialog
from desktop.ui.dialog_parts import ProblemFooter, ok_cancel_buttons, problem_label, run_dialog
from desktop.ui.report_dialog import Section

TITLE = "Correct Document Text"


def describe(ann: Annotation, type_names: dict[int, str], width: int = 70) -> str:
    """``Quote “the text…” (Dmitry Peskov)`` for lists."""
    text = " ".join(ann.text.split())
    if len(text) > width:
        text = text[:width - 1].rstrip() + "\u2026"
    who = f" ({ann.speaker})" if ann.speaker else ""
    return f"{type_names.get(ann.tag_type_id, 'Annotation')} \u201c{text}\u201d{who}"


class CorrectTextDialog(QDialog, ProblemFooter):
    def __init__(self, project, document_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.document = project.document(document_id)
        self.report: ReanchorReport | None = None
        self.setObjectName("correctTextDialog")
        self.setWindowTitle(f"{TITLE} \u2014 {self.document.title}")
        self.resize(760, 560)

        intro = QLabel("Fix a typo or add a missing passage. Each annotation follows its text; an annotation "
                       "whose text is no longer there is kept as an orphan for you to place again.", self)
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("correctTextEdit")
        self.editor.setAccessibleName("Document text")
        self.editor.setFont(QFont("Georgia", 11))
        self.editor.setPlainText(self.document.text)
        self._raw_before = self.editor.document().toRawText()
        self.problem = problem_label(self, "correctTextProblem")
        self.buttons = ok_cancel_buttons(self, "Save Correction")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        if project.readonly:
            self.editor.setReadOnly(True)
            self.ok_button.setEnabled(False)
            self._show_problem(f"The project is open read-only ({project.readonly_reason}); the text cannot be "
                               f"corrected.")

    def corrected_text(self) -> str:
        return merge_edit(self.document.text, self._raw_before, self.editor.document().toRawText())

    def would_orphan(self, new_text: str) -> list[Annotation]:
        """The annotations whose text the correction would leave nowhere (worked out without writing)."""
        anns = self.project.annotations(document_id=self.document.id)
        places = reanchor(self.document.text, normalize_text(new_text),
                          [Anchor(a.start, a.end, a.text, a.prefix, a.suffix) for a in anns])
        return [a for a, place in zip(anns, places) if place is None]

    def accept(self) -> None:
        new_text = self.corrected_text()
        if new_text == self.document.text:
            super().reject()  # nothing to save
            return
        lost = self.would_orphan(new_text)
        if lost:
            names = {t.id: t.name for t in self.project.tag_types()}
            listed = "\n".join(f"\u2022 {describe(a, names)}" for a in lost[:8])
            more = f"\n\u2026 and {len(lost) - 8} more" if len(lost) > 8 else ""
            n = len(lost)
            question = (f"The text of {n} annotation{'s' if n != 1 else ''} is no longer in the corrected "
                        f"document:\n\n{listed}{more}\n\nThey will be kept as orphans, with their text and "
                        f"attributes, for you to place again. Save the correction?")
            if not dialogs.confirm(self, TITLE, question, "Save Correction"):
                return
        try:
            self.report, _changes = correct_text(self.project, self.document.id, new_text)
        except ClaimdeskError as exc:
            self._show_problem(f"Not saved: {exc}")
            return
        super().accept()


def report_sections(project, report: ReanchorReport) -> list[Section]:
    names = {t.id: t.name for t in project.tag_types()}
    return [
        Section("Orphans to place again (their text is no longer in the document)",
                [describe(a, names) for a in report.orphans], "problem"),
        Section("Orphans found again", [describe(a, names) for a in report.restored], "ok"),
        Section("Moved with their text", [describe(a, names) for a in report.moved], "ok"),
    ]


def correct_document_text(parent: QWidget | None, project, document_id: int) -> ReanchorReport | None:
    """Edit a document's text; returns the re-anchoring report when a correction was saved, else None."""
    dialog = CorrectTextDialog(project, document_id, parent)
    try:
        run_dialog(dialog)
        report = dialog.report
    finally:
        dialog.deleteLater()
    if report is None or not report.changed:
        return None
    summary = report.summary()
    report_dialog.show_report(parent, TITLE, "Saved: " + summary + ".", report_sections(project, report))
    return report
