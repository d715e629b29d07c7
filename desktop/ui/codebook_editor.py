"""The codebook editor: add, rename, recolour, reorder and describe tag types; set their keys and fields.

Every change is saved as soon as it is made (like everything else in Claimdesk); deleting a type that holds
annotations says how many and asks first.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import BUILTIN_FIELDS, FieldSpec
from desktop.ui import colors, dialogs

SAVED_NAME = Qt.ItemDataRole.UserRole  # on a field's name cell: its name as saved in the file
PALETTE = ("#56B4E9", "#E69F00", "#CC79A7", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#999999")


class CodebookEditor(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("codebookEditor")
        self.setWindowTitle("Codebook")
        self.resize(760, 480)
        self._loading = False

        self.list = QListWidget(self)
        self.list.setObjectName("tagTypeList")
        self.list.setAccessibleName("Tag types")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.model().rowsMoved.connect(self._moved)
        self.list.currentRowChanged.connect(self._show_current)
        add = QPushButton("Add", self, objectName="addTypeButton", clicked=self.add_type)
        self.delete_btn = QPushButton("Delete\u2026", self, objectName="deleteTypeButton", clicked=self.delete_type)
        up = QPushButton("\u2191", self, objectName="moveUpButton", toolTip="Move up", clicked=lambda: self.move(-1))
        down = QPushButton("\u2193", self, objectName="moveDownButton", toolTip="Move down",
                           clicked=lambda: self.move(1))
        for b in (up, down):
            b.setFixedWidth(34)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(add)
        list_buttons.addWidget(self.delete_btn)
        list_buttons.addStretch(1)
        list_buttons.addWidget(up)
        list_buttons.addWidget(down)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(list_buttons)

        self.name = QLineEdit(self, objectName="typeNameEdit")
        self.name.editingFinished.connect(lambda: self._save(name=self.name.text().strip()))
        self.key = QLineEdit(self, objectName="typeKeyEdit", maxLength=1)
        self.key.setFixedWidth(48)
        self.key.setToolTip("One character; pressing it in the article tags the selection")
        self.key.editingFinished.connect(lambda: self._save(key=self.key.text().strip()))
        self.color_btn = QPushButton(self, objectName="typeColorButton", clicked=self.choose_color)
        self.description = QPlainTextEdit(self, objectName="typeDescriptionEdit")
        self.description.setFixedHeight(70)
        self.description.installEventFilter(self)
        self.fields = QTableWidget(0, 2, self, objectName="typeFieldsTable")
        self.fields.setHorizontalHeaderLabels(["Field", "Choices"])
        self.fields.horizontalHeaderItem(1).setToolTip("Comma-separated; leave empty for free text")
        self.fields.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.fields.horizontalHeader().resizeSection(0, 140)
        self.fields.verticalHeader().hide()
        self.fields.itemChanged.connect(self._fields_edited)
        add_field = QPushButton("Add field", self, objectName="addFieldButton", clicked=self.add_field)
        remove_field = QPushButton("Remove field", self, objectName="removeFieldButton", clicked=self.remove_field)
        field_buttons = QHBoxLayout()
        field_buttons.addWidget(add_field)
        field_buttons.addWidget(remove_field)
        field_buttons.addStretch(1)
        help_text = QLabel("Choices are comma-separated; leave them empty for free text. <i>speaker</i>, "
                           "<i>target</i> and <i>stance</i> are the built-in fields; any other name becomes a "
                           "custom field (an extra CSV column).", self)
        help_text.setWordWrap(True)
        help_text.setStyleSheet("color: #57606A;")
        self.error = QLabel(self, objectName="codebookError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B42318;")

        form = QFormLayout()
        self.key_error = QLabel(self, objectName="typeKeyError")
        self.key_error.setStyleSheet("color: #B42318;")
        key_row = QHBoxLayout()
        key_row.addWidget(self.key)
        key_row.addSpacing(16)
        key_row.addWidget(QLabel("Colour", self))
        key_row.addWidget(self.color_btn)
        key_row.addSpacing(12)
        key_row.addWidget(self.key_error, 1)
        form.addRow("Name", self.name)
        form.addRow("Key", key_row)
        form.addRow("Description", self.description)
        form.addRow("Fields", self.fields)
        form.addRow("", field_buttons)
        form.addRow("", help_text)
        self.details = QWidget(self)
        self.details.setLayout(form)

        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(self.details, 3)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(QLabel("Changes are saved as you make them.", self))
        outer.addLayout(body, 1)
        outer.addWidget(self.error)
        outer.addWidget(box)
        # Enter in a field only saves that field: no button of the editor is the default one.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        session.error.connect(self._show_error)
        self.reload()

    # ------------------------------------------------------------------ view
    def reload(self, select_id: int | None = None) -> None:
        if select_id is None:
            select_id = self.current_id()
        self._loading = True
        self.list.clear()
        for t in self.session.tag_types:
            label = t.name + (f"   [{t.key}]" if t.key else "")
            item = QListWidgetItem(colors.swatch(t.color, 14), label)
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            self.list.addItem(item)
        self._loading = False
        ids = [t.id for t in self.session.tag_types]
        row = ids.index(select_id) if select_id in ids else (0 if ids else -1)
        self.list.setCurrentRow(row)
        self._show_current(row)

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def current_type(self):
        tid = self.current_id()
        return self.session.types_by_id.get(tid) if tid is not None else None

    def _show_current(self, _row: int = -1) -> None:
        if self._loading:
            return
        t = self.current_type()
        self.details.setEnabled(t is not None)
        self.delete_btn.setEnabled(t is not None)
        self.key_error.clear()
        self._loading = True
        try:
            self.name.setText(t.name if t else "")
            self.key.setText(t.key if t else "")
            self.color_btn.setText(t.color if t else "")
            self.color_btn.setIcon(colors.swatch(t.color, 14) if t else colors.swatch("#FFFFFF", 14))
            self.description.setPlainText(t.description if t else "")
            self.fields.setRowCount(0)
            for f in (t.fields if t else ()):
                self._append_field_row(f.name, ", ".join(f.choices), saved=f.name)
        finally:
            self._loading = False

    def _append_field_row(self, name: str, choices: str, saved: str = "") -> None:
        """One field row; the name cell remembers the name saved in the file, so a rename can be told apart."""
        row = self.fields.rowCount()
        self.fields.insertRow(row)
        name_item = QTableWidgetItem(name)
        name_item.setData(SAVED_NAME, saved)
        self.fields.setItem(row, 0, name_item)
        self.fields.setItem(row, 1, QTableWidgetItem(choices))

    def _show_error(self, message: str) -> None:
        self.error.setText(message)

    # ---------------------------------------------------------------- changes
    def _save(self, **changes) -> None:
        t = self.current_type()
        if self._loading or t is None:
            return
        changes = {k: v for k, v in changes.items() if getattr(t, k) != v}
        if not changes:
            return
        self.error.clear()
        self.key_error.clear()
        key = changes.get("key")
        clash = next((o for o in self.session.tag_types if key and o.id != t.id and o.key == key), None)
        if clash is not None:
            self.key.setText(t.key)
            self.key_error.setText(f"Key {key} is already used by {clash.name}; "
                                   f"{t.name} keeps {t.key or 'no key'}.")
            return
        if self.session.update_tag_type(t.id, **changes) is None:
            self._show_current()  # refused: show what is saved
        else:
            self.reload(t.id)

    def choose_color(self) -> None:
        t = self.current_type()
        if t is None:
            return
        color = dialogs.pick_color(self, t.color)
        if color:
            self._save(color=color.upper())

    def add_type(self) -> None:
        types = self.session.tag_types
        names = {t.name.casefold() for t in types}
        n = len(types) + 1
        while f"new type {n}" in names:
            n += 1
        used_colors = {t.color.upper() for t in types}
        color = next((c for c in PALETTE if c not in used_colors), PALETTE[-1])
        used_keys = {t.key for t in types}
        key = next((k for k in "123456789" if k not in used_keys), "")
        self.error.clear()
        t = self.session.add_tag_type(name=f"New type {n}", color=color, key=key)
        if t is not None:
            self.reload(t.id)
            self.name.setFocus()
            self.name.selectAll()

    def delete_type(self) -> None:
        t = self.current_type()
        if t is None:
            return
        count = self.session.count_of_type(t.id)
        if count:
            message = (f"The tag type \u201c{t.name}\u201d holds {count} annotation{'s' if count != 1 else ''} in "
                       f"this project. Deleting the type deletes {'them' if count != 1 else 'it'} too; this cannot "
                       "be undone (the project's history keeps a record).")
        else:
            message = f"Delete the tag type \u201c{t.name}\u201d? No annotation uses it."
        if not dialogs.confirm(self, "Delete tag type", message, f"Delete {t.name}"):
            return
        self.error.clear()
        if self.session.delete_tag_type(t.id) is not None:
            self.reload()

    def move(self, step: int) -> None:
        ids = [t.id for t in self.session.tag_types]
        tid = self.current_id()
        if tid is None:
            return
        i = ids.index(tid)
        j = i + step
        if not 0 <= j < len(ids):
            return
        ids[i], ids[j] = ids[j], ids[i]
        if self.session.reorder_tag_types(ids):
            self.reload(tid)

    def _moved(self, *_args) -> None:
        if self._loading:
            return
        ids = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        tid = self.current_id()
        if self.session.reorder_tag_types(ids):
            self.reload(tid)

    def add_field(self) -> None:
        if self.current_type() is None:
            return
        self._loading = True
        self._append_field_row("", "")
        self._loading = False
        self.fields.setCurrentCell(self.fields.rowCount() - 1, 0)
        self.fields.editItem(self.fields.item(self.fields.rowCount() - 1, 0))

    def remove_field(self) -> None:
        row = self.fields.currentRow()
        if row >= 0:
            self.fields.removeRow(row)
            self._fields_edited()

    def field_specs(self) -> list[FieldSpec]:
        t = self.current_type()
        labels = {f.name: f.label for f in (t.fields if t else ())}
        specs = []
        for row in range(self.fields.rowCount()):
            name_item, choices_item = self.fields.item(row, 0), self.fields.item(row, 1)
            name = name_item.text().strip() if name_item else ""
            if not name:
                continue
            choices = tuple(c.strip() for c in (choices_item.text() if choices_item else "").split(",") if c.strip())
            specs.append(FieldSpec(name=name, choices=choices, label=labels.get(name, "")))
        return specs

    def _fields_edited(self, *_args) -> None:
        if self._loading:
            return
        t = self.current_type()
        if t is None:
            return
        specs = tuple(self.field_specs())
        if specs == t.fields:
            return
        self.error.clear()
        if not self._save_fields(t, specs):
            self._show_current()  # refused or cancelled: show what is saved
            return
        self._loading = True
        for row in range(self.fields.rowCount()):
            item = self.fields.item(row, 0)
            if item is not None:
                item.setData(SAVED_NAME, item.text().strip())
        self._loading = False

    def _save_fields(self, t, specs: tuple[FieldSpec, ...]) -> bool:
        """Save a type's new field list; a renamed or removed custom field that holds values asks first.

        Annotations keep custom values under the field's name, so a rename offers to carry them to the new
        name (in the same saved change), and a removal says how many annotations hold a value."""
        kept = {s.name for s in specs}
        renames = []
        for row in range(self.fields.rowCount()):
            item = self.fields.item(row, 0)
            saved = item.data(SAVED_NAME) if item is not None else ""
            name = item.text().strip() if item is not None else ""
            if saved and name and name != saved and saved not in kept:
                renames.append((saved, name))
        renamed = {old for old, _new in renames}
        removed = [f.name for f in t.custom_fields() if f.name not in kept and f.name not in renamed]
        removed += [old for old, new in renames if new in BUILTIN_FIELDS]
        for name in removed:
            count = self.session.field_value_count(t.id, name)
            if count and not dialogs.confirm_field_removal(self, t.name, name, count):
                return False
        carried = False
        for old, new in renames:
            count = self.session.field_value_count(t.id, old) if new not in BUILTIN_FIELDS else 0
            if not count:
                continue
            answer = dialogs.ask_field_rename(self, t.name, old, new, count)
            if answer is None:
                return False
            if answer == dialogs.CARRY_VALUES:
                if self.session.rename_field(t.id, old, new, specs) is None:
                    return False
                carried = True
        if carried:
            return True
        return self.session.update_tag_type(t.id, fields=specs) is not None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.description and event.type() == QEvent.Type.FocusOut:
            self._save(description=self.description.toPlainText().strip())
        return super().eventFilter(watched, event)

    def done(self, result: int) -> None:
        t = self.current_type()
        if t is not None and self.description.toPlainText().strip() != t.description:
            self._save(description=self.description.toPlainText().strip())
        try:
            self.session.error.disconnect(self._show_error)
        except (RuntimeError, TypeError):
            pass
        super().done(result)
