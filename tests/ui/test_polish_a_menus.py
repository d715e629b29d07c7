"""The Keys and Mouse sheet lists every key of the README; the commands on the selected annotation follow it."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtTest import QTest
from ui_helpers import select_text

README = Path(__file__).resolve().parents[2] / "README.md"
ANNOTATION_COMMANDS = ("delete_annotation", "adjust_span", "annotation_history")


def readme_keys() -> set[str]:
    using = README.read_text(encoding="utf-8").split("<!-- section: using -->")[1].split("<!-- /section: using")[0]
    keys = set()
    for line in using.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            first = line.split("|")[1]
            keys.update(re.findall(r"\b(?:Ctrl\+(?:Shift\+)?[A-Z]|Del|Enter|Esc)\b", first))
    return keys


def test_keys_and_mouse_lists_every_key_of_the_readme(window, dialog_log):
    keys = readme_keys()
    assert {"Ctrl+R", "Ctrl+H", "Ctrl+Shift+V", "Del", "Enter"} <= keys
    window.actions["shortcuts"].trigger()
    (title, sheet), = dialog_log.infos
    assert title == "Keys and mouse"
    for key in keys:
        assert f"{key}</b>" in sheet or f"{key}," in sheet or f", {key}" in sheet, key
    assert "use selection as span" in sheet.lower()
    assert "click a row of the table" in sheet.lower()


def test_annotation_commands_follow_the_selection(window, project_path):
    enabled = lambda: {n: window.actions[n].isEnabled() for n in ANNOTATION_COMMANDS}  # noqa: E731
    assert enabled() == dict.fromkeys(ANNOTATION_COMMANDS, False)
    select_text(window.article, "Dmitry Peskov")
    window.article.setFocus()
    QTest.keyClick(window.article, "1")
    assert window.session.selected_id is not None
    assert enabled() == dict.fromkeys(ANNOTATION_COMMANDS, True)
    window.session.select(None)
    assert enabled() == dict.fromkeys(ANNOTATION_COMMANDS, False)
    ann_id = next(iter(window.session.annotations))
    window.session.select(ann_id)  # as a click on the highlight does
    assert enabled() == dict.fromkeys(ANNOTATION_COMMANDS, True)
