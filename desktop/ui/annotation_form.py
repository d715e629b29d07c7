"""The form for the selected annotation: type, speaker, target, stance, custom fields, note.

Each edit is an undo command, written to the project file when the field is left (Enter, Tab, a click
elsewhere) or, for the note, after a short pause in typing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import Annotation
from desktop.ui import colors
from desktop.ui.dialog_parts import problem_label

NOTE_PAUSE_MS = 800


# What an empty speaker or target field says, when the codebook gives the field no words of its own.
PLACEHOLDERS = {"speaker": "Who says it", "target": "Who or what it is about"}


class AnnotationForm(QWidget):
    adjustRequested = Signal()  # "use the article's selection as this annotation's span"
    deleteRequested = Signal()
    historyRequested = Signal()
    doneEditing = Signal()  # Escape: back to the article

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("annotationForm")
        self.setAccessibleName("Selected annotation")
        self.ann: Annotation | None = None
        self._loading = False

        self.quote = QLabel(self)
        self.quote.setObjectName("annotationQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setStyleSheet("color: #1F2328; font-style: italic; padding: 2px 0 4px 0;")
        self.type_combo = QComboBox(self)
        self.type_combo.setObjectName("typeCombo")
        self.type_combo.setAccessibleName("Type")
        self.type_combo.activated.connect(self._type_chosen)
        self.speaker = self._line("speakerEdit", "Speaker", PLACEHOLDERS["speaker"])
        self.target = self._line("targetEdit", "Target", PLACEHOLDERS["target"])
        self.stance = QComboBox(self)
        self.stance.setObjectName("stanceCombo")
        self.stance.setAccessibleName("Stance")
        self.stance.activated.connect(lambda _i: self.commit())
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("noteEdit")
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Note")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.note.installEventFilter(self)
        self._note_timer = QTimer(self, singleShot=True, interval=NOTE_PAUSE_MS)
        self._note_timer.timeout.connect(self.commit)
        self.note.textChanged.connect(self._note_typed)
        self.custom: dict[str, QWidget] = {}

        self.form = QFormLayout()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.addRow("Type", self.type_combo)
        self.form.addRow("Speaker", self.speaker)
        self.form.addRow("Target", self.target)
        self.form.addRow("Stance", self.stance)
        self.form.addRow("Note", self.note)

        self.adjust_btn = QPushButton("Use selection as span", self)
        self.adjust_btn.setObjectName("adjustSpanButton")
        self.adjust_btn.setToolTip("Move this annotation to the text selected in the article")
        self.adjust_btn.clicked.connect(self.adjustRequested)
        self.delete_btn = QPushButton("Delete", self)
        self.delete_btn.setObjectName("deleteAnnotationButton")
        self.delete_btn.setToolTip("Delete this annotation (Del)")
        self.delete_btn.clicked.connect(self.deleteRequested)
        self.history_btn = QPushButton("History", self)
        self.history_btn.setObjectName("annotationHistoryButton")
        self.history_btn.setToolTip("Every change to this annotation: when, who and what (Ctrl+H)")
        self.history_btn.clicked.connect(self.historyRequested)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.adjust_btn)
        buttons.addWidget(self.history_btn)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_btn)

        # A change the file refused (full disk, read-only project): said here, beside the values not saved.
        self.unsaved = problem_label(self, "formNotSaved")
        self.unsaved.setTextFormat(Qt.TextFormat.PlainText)

        page = QWidget(self)
        inner = QVBoxLayout(page)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(4)
        inner.addWidget(self.quote)
        inner.addLayout(self.form)
        inner.addWidget(self.unsaved)
        inner.addLayout(buttons)
        inner.addStretch(1)  # top-aligned: the rows keep their place whatever rows a type shows
        self.placeholder = QLabel(
            "No annotation selected.\n\nSelect text in the article and press a tag key, "
            "or click a highlight or a row of the table to edit it here.", self)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #6E7781; padding: 12px;")
        self.stack = QStackedLayout()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(page)
        self.title = QLabel("<b>Selected annotation</b>", self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        outer.setSpacing(4)
        outer.addWidget(self.title)
        outer.addLayout(self.stack)
        self.codebook_changed()

    def _line(self, name: str, label: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(label)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        model = QStringListModel(edit)
        completer = QCompleter(model, edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        edit.setCompleter(completer)
        edit.editingFinished.connect(self.commit)
        edit.installEventFilter(self)
        return edit

    # ---------------------------------------------------------------- showing
    def codebook_changed(self) -> None:
        self.type_combo.clear()
        for t in self.session.tag_types:
            self.type_combo.addItem(colors.swatch(t.color), t.name + (f"  [{t.key}]" if t.key else ""), t.id)
        if self.ann is not None and self.ann.id in self.session.annotations:
            self.show_annotation(self.session.full(self.ann.id))

    def show_annotation(self, ann: Annotation | None) -> None:
        """Show an annotation's values (after writing any pending edit of the previous one)."""
        if self.ann is not None and (ann is None or ann.id != self.ann.id):
            self.commit()
            self.unsaved.hide()
        self.ann = ann
        self._loading = True
        try:
            if ann is None:
                self.stack.setCurrentIndex(0)
                return
            self.stack.setCurrentIndex(1)
            t = self.session.types_by_id.get(ann.tag_type_id)
            text = " ".join(ann.text.split())
            self.quote.setText("\u201c" + (text if len(text) <= 240 else text[:239] + "\u2026") + "\u201d")
            self.quote.setToolTip(f"characters {ann.start}\u2013{ann.end}")
            self.type_combo.setCurrentIndex(self.type_combo.findData(ann.tag_type_id))
            declared = set(t.field_names()) if t else set()
            for edit, value in ((self.speaker, ann.speaker), (self.target, ann.target)):
                if edit.text() != value:
                    edit.setText(value)
                edit.setCursorPosition(0) if not edit.hasFocus() else None
            specs = {f.name: f for f in (t.fields if t else ())}
            for edit, name in ((self.speaker, "speaker"), (self.target, "target")):
                spec = specs.get(name)  # the codebook's words for the field, else words that fit any type
                edit.setPlaceholderText(spec.label if spec is not None and spec.label else PLACEHOLDERS[name])
            self._set_row_visible(self.speaker, "speaker" in declared or bool(ann.speaker))
            self._set_row_visible(self.target, "target" in declared or bool(ann.target))
            spec = next((f for f in (t.fields if t else ()) if f.name == "stance"), None)
            choices = list(spec.choices) if spec else []
            if ann.stance and ann.stance not in choices:
                choices.append(ann.stance)
            self.stance.clear()
            self.stance.addItem("\u2014", "")
            for c in choices:
                self.stance.addItem(c, c)
            self.stance.setCurrentIndex(max(0, self.stance.findData(ann.stance)))
            self._set_row_visible(self.stance, spec is not None or bool(ann.stance))
            self._show_custom(t, ann)
            if self.note.toPlainText() != ann.note:
                self.note.setPlainText(ann.note)
        finally:
            self._loading = False

    def _set_row_visible(self, widget: QWidget, visible: bool) -> None:
        self.form.setRowVisible(widget, visible)

    def _show_custom(self, t, ann: Annotation) -> None:
        specs = list(t.custom_fields()) if t else []
        names = [s.name for s in specs] + [n for n in ann.fields if n not in {s.name for s in specs}]
        if list(self.custom) != names:
            for w in self.custom.values():
                self.form.removeRow(w)
            self.custom = {}
            for i, name in enumerate(names):
                spec = next((s for s in specs if s.name == name), None)
                if spec and spec.choices:
                    w = QComboBox(self)
                    w.addItem("\u2014", "")
                    for c in spec.choices:
                        w.addItem(c, c)
                    w.activated.connect(lambda _i: self.commit())
                else:
                    w = QLineEdit(self)
                    w.editingFinished.connect(self.commit)
                    w.installEventFilter(self)
                w.setObjectName(f"field_{name}")
                w.setAccessibleName(spec.label if spec and spec.label else name)
                self.form.insertRow(4 + i, (spec.label if spec and spec.label else name).capitalize(), w)
                self.custom[name] = w
        for name, w in self.custom.items():
            value = ann.fields.get(name, "")
            if isinstance(w, QComboBox):
                i = w.findData(value)
                if i < 0 and value:
                    w.addItem(value, value)
                    i = w.count() - 1
                w.setCurrentIndex(max(0, i))
            elif w.text() != value:
                w.setText(value)

    def refresh_completions(self) -> None:
        if self.session.project is None:
            return
        for edit, column in ((self.speaker, "speaker"), (self.target, "target")):
            edit.completer().model().setStringList(self.session.project.used_values(column))

    def focus_first_field(self) -> None:
        """Enter in the article: the first field the annotation's type has (its codebook order), else the note."""
        if self.ann is not None:
            t = self.session.types_by_id.get(self.ann.tag_type_id)
            widgets = {"speaker": self.speaker, "target": self.target, "stance": self.stance, **self.custom}
            order = [f.name for f in (t.fields if t else ())] + ["speaker", "target", "stance"]
            target = next((widgets[n] for n in order if n in widgets and self.form.isRowVisible(widgets[n])),
                          self.note)
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(target, QLineEdit):
                target.selectAll()

    # ----------------------------------------------------------------- saving
    def values(self) -> dict:
        fields = dict(self.ann.fields) if self.ann else {}
        for name, w in self.custom.items():
            value = w.currentData() if isinstance(w, QComboBox) else w.text().strip()
            if value:
                fields[name] = value
            else:
                fields.pop(name, None)
        return {
            "speaker": self.speaker.text().strip(),
            "target": self.target.text().strip(),
            "stance": self.stance.currentData() or "",
            "note": self.note.toPlainText(),
            "fields": fields,
        }

    def commit(self) -> None:
        """Write the form's edits of the shown annotation (one undo command; nothing if unchanged)."""
        self._note_timer.stop()
        if self._loading or self.ann is None or self.ann.id not in self.session.annotations:
            return
        current = self.session.full(self.ann.id)
        changes = {k: v for k, v in self.values().items() if getattr(current, k) != v}
        if changes:
            if self.session.edit(current.id, **changes):
                self.unsaved.hide()
            else:
                said = self.session.last_error
                said = said[:1].upper() + said[1:] if "not saved" in said.lower() else f"Not saved: {said}"
                self.unsaved.setText(said)
                self.unsaved.show()

    def _type_chosen(self, index: int) -> None:
        if self.ann is None or self._loading:
            return
        self.commit()
        type_id = self.type_combo.itemData(index)
        if type_id is not None and type_id != self.ann.tag_type_id:
            self.session.retype(self.ann.id, type_id)

    def _note_typed(self) -> None:
        if not self._loading:
            self._note_timer.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn and watched in (self.speaker, self.target):
            self.refresh_completions()
        elif event.type() == QEvent.Type.FocusOut and watched is self.note:
            self.commit()
        elif event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            popup = watched.completer().popup() if isinstance(watched, QLineEdit) and watched.completer() else None
            if popup is None or not popup.isVisible():
                self.commit()
                self.doneEditing.emit()
                return True
        return super().eventFilter(watched, event)
