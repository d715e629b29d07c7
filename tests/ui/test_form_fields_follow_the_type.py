"""Enter in the article goes to the first field the annotation's type has; placeholders come from the field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import db_rows, select_text

from desktop.domain.model import FieldSpec


def test_enter_goes_to_the_target_of_a_type_with_only_a_target(window, project_path, qtbot):
    t = window.session.add_tag_type(name="Target only", color="#009E73", key="7", fields=(FieldSpec("target"),))
    assert t is not None
    view = window.article
    select_text(view, "Dmitry Peskov")
    view.setFocus()
    QTest.keyClick(view, "7")
    assert db_rows(project_path)[0][4] == t.id
    QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.form.target.hasFocus())
    assert window.form.target.placeholderText() == "Who or what it is about"


def test_the_legitimacy_target_keeps_its_own_words(window):
    view = window.article
    select_text(view, "Zelenskyy’s legitimacy can be questioned")
    view.setFocus()
    QTest.keyClick(view, "3")
    assert window.form.target.placeholderText() == "Whose legitimacy"
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert window.form.speaker.hasFocus()
