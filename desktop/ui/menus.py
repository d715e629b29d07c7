"""The Edit, View, Codebook and Help menus (the File menu has its own module)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.ui.file_menu import add_action, add_menu

SHORTCUTS_HTML = """
<table cellspacing=4>
<tr><td><b>1, 2, 3 \u2026</b></td><td>tag the selected text with the type of that key</td></tr>
<tr><td><b>Shift+arrows</b></td><td>select text in the article with the keyboard</td></tr>
<tr><td><b>Enter</b></td><td>(in the article) edit the selected annotation's speaker</td></tr>
<tr><td><b>Esc</b></td><td>(in the form) back to the article</td></tr>
<tr><td><b>Del</b></td><td>(in the article or the table) delete the selected annotation</td></tr>
<tr><td><b>Ctrl+R</b></td><td>use selection as span: move the selected annotation to the selected text</td></tr>
<tr><td><b>Ctrl+Z</b></td><td>undo</td></tr>
<tr><td><b>Ctrl+Shift+Z, Ctrl+Y</b></td><td>redo</td></tr>
<tr><td><b>Ctrl+F</b></td><td>find in the article; Enter next, Shift+Enter previous, Esc back to the text</td></tr>
<tr><td><b>Ctrl+Shift+F</b></td><td>search all documents</td></tr>
<tr><td><b>Ctrl+H</b></td><td>history of the selected annotation</td></tr>
<tr><td><b>Ctrl+Shift+P</b></td><td>the shown document's properties (title, outlet, author, date \u2026)</td></tr>
<tr><td><b>Ctrl+Shift+V</b></td><td>new document from the clipboard</td></tr>
<tr><td><b>Ctrl+I, Ctrl+Shift+I</b></td><td>import documents, import a folder</td></tr>
<tr><td><b>Ctrl+E, Ctrl+Shift+E</b></td><td>export CSV, export in any format</td></tr>
<tr><td><b>Ctrl+Shift+S</b></td><td>save a copy of the project</td></tr>
</table>
<p>Click a highlight to select its annotation; click again to step to the one around it.
Hover a highlight to see every annotation under the pointer. Click a row of the table to select that annotation
and scroll the article to it.</p>
"""


ANNOTATION_ACTIONS = ("delete_annotation", "adjust_span", "annotation_history")


def annotation_action_states(session) -> dict[str, bool]:
    """The Edit menu's commands on the selected annotation are on only while one is selected (the two that change
    it only in a project that can be written)."""
    selected = session.selected_id is not None
    writable = session.project is not None and not session.project.readonly
    return {"delete_annotation": selected and writable, "adjust_span": selected and writable,
            "annotation_history": selected}


def sync_annotation_actions(window, *_args) -> None:
    for name, on in annotation_action_states(window.session).items():
        if name in window.actions:
            window.actions[name].setEnabled(on)


def build_edit_menu(window) -> QMenu:
    menu = add_menu(window, "&Edit", "editMenu")
    undo = window.session.undo_stack.createUndoAction(window, "Undo")
    undo.setObjectName("action_undo")
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    redo = window.session.undo_stack.createRedoAction(window, "Redo")
    redo.setObjectName("action_redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    menu.addAction(undo)
    menu.addAction(redo)
    window.actions["undo"], window.actions["redo"] = undo, redo
    menu.addSeparator()
    add_action(window, menu, "find", "&Find in Article\u2026", window.open_find_bar, QKeySequence.StandardKey.Find)
    add_action(window, menu, "adjust_span", "Use Selection as &Span", window.adjust_span_to_selection, "Ctrl+R",
               "Move the selected annotation to the text selected in the article")
    delete = add_action(window, menu, "delete_annotation", "&Delete Annotation", window.delete_selected,
                        QKeySequence.StandardKey.Delete)
    # Del deletes the annotation only while the article or the annotation table has the focus; in the form, the
    # type box, the document list or the search box it keeps its usual meaning (or none).
    delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    window.article.addAction(delete)
    window.table_panel.view.addAction(delete)
    add_action(window, menu, "annotation_history", "&History of Annotation\u2026", window.extras.annotation_history,
               "Ctrl+H", "Every change to the selected annotation: when, who and what")
    window.session.selectionChanged.connect(lambda *_args: sync_annotation_actions(window))
    sync_annotation_actions(window)
    menu.addSeparator()
    add_action(window, menu, "annotator", "Analyst &Name\u2026", window.change_annotator,
               tip="The name stored with each annotation you make")
    return menu


def build_document_menu(window) -> QMenu:
    menu = add_menu(window, "&Document", "documentMenu")
    extras = window.extras
    add_action(window, menu, "document_properties", "&Properties\u2026", extras.edit_properties, "Ctrl+Shift+P",
               "Title, outlet, author, URL, published date, language and a note")
    add_action(window, menu, "correct_text", "&Correct Text\u2026", extras.correct_text,
               tip="Fix a typo or a missing passage; annotations follow their text")
    menu.addSeparator()
    add_action(window, menu, "orphans", "&Orphan Annotations\u2026", extras.show_orphans,
               tip="Annotations whose text a correction left nowhere, to place again")
    add_action(window, menu, "document_history", "&History of Document\u2026", extras.document_history,
               tip="Every change to the document's annotations and text")
    return menu


def build_view_menu(window) -> QMenu:
    menu = add_menu(window, "&View", "viewMenu")
    add_action(window, menu, "search", "&Search All Documents", window.focus_search, "Ctrl+Shift+F",
               "Find the documents that hold some words, with the passage around them")
    menu.addSeparator()
    snap = add_action(window, menu, "snap", "&Snap Selections to Whole Words", window.toggle_snap,
                      tip="Widen a selection that cuts a word, and drop spaces around it, before tagging")
    snap.setCheckable(True)
    snap.setChecked(window.snap_to_words)
    return menu


def build_codebook_menu(window) -> QMenu:
    menu = add_menu(window, "&Codebook", "codebookMenu")
    add_action(window, menu, "edit_codebook", "&Edit Codebook\u2026", window.edit_codebook,
               tip="Add, rename, recolour and reorder tag types")
    return menu


def build_help_menu(window) -> QMenu:
    menu = add_menu(window, "&Help", "helpMenu")
    add_action(window, menu, "shortcuts", "&Keys and Mouse", window.show_shortcuts, QKeySequence.StandardKey.HelpContents)
    add_action(window, menu, "about", "&About Claimdesk", window.show_about)
    return menu
