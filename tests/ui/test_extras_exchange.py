"""Export through the format dialog, and import files with every problem reported."""

from __future__ import annotations

import json
import zipfile

import pytest
from PySide6.QtCore import QPoint, Qt
from ui_helpers import db_rows

from desktop.store import Project
from desktop.ui import export_dialog, import_files as import_module, report_dialog
from desktop.ui.export_dialog import ExportDialog, export_annotations
from desktop.ui.import_files import import_files


@pytest.fixture
def tagged(project_path):
    """Two documents; the sample holds three annotations (one with an emoji-free speaker, note and stance)."""
    with Project.open(project_path) as p:
        text = p.document_text(1)
        for needle, type_id in (("Dmitry Peskov", 1), ("legal foundations", 2), ("legitimacy can be questioned", 3)):
            s = text.index(needle)
            p.create_annotation(1, type_id, s, s + len(needle), speaker="Dmitry Peskov", note="see \u201cTASS\u201d")
        other = p.add_document("A second article \U0001F600 about talks in Riyadh.", "Second")
        at = other.text.index("Riyadh")
        p.create_annotation(other.id, 2, at, at + 6)
    return project_path


def click_radio(qtbot, button):
    """Click on the round indicator (a radio button answers clicks on its indicator and label only)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def drive_export(qtbot, monkeypatch, fmt, only_document=False, out=None):
    seen = {}

    def run(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        seen["dialog"] = dialog
        click_radio(qtbot, dialog.format_buttons[fmt])
        if only_document:
            click_radio(qtbot, dialog.only_doc)
        seen["scope_enabled"] = dialog.only_doc.isEnabled()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    def choose(parent, chosen_fmt, suggested):
        seen["suggested"] = suggested
        return out

    monkeypatch.setattr(export_dialog, "run_dialog", run)
    monkeypatch.setattr(export_dialog, "choose_output", choose)
    return seen


@pytest.mark.parametrize("fmt, name", [("csv", "a.csv"), ("jsonl", "a.jsonl"), ("w3c", "a.jsonld"),
                                       ("qdpx", "a.qdpx")])
def test_every_file_format_is_written(tagged, tmp_path, qtbot, monkeypatch, fmt, name):
    out = tmp_path / name
    seen = drive_export(qtbot, monkeypatch, fmt, out=out)
    messages = []
    with Project.open(tagged) as p:
        assert export_annotations(None, p, status=messages.append) == out
    assert seen["suggested"].suffix == out.suffix
    assert messages == [f"4 annotations written to {out}"]
    data = out.read_bytes()
    if fmt == "csv":
        assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == 5
    elif fmt == "jsonl":
        lines = [json.loads(x) for x in data.decode().splitlines()]
        assert [x["text"] for x in lines][-1] == "Riyadh" and lines[-1]["start_utf16"] == lines[-1]["start"] + 1 == 35  # the emoji before it counts two
    elif fmt == "w3c":
        assert len(json.loads(data)["first"]["items"]) == 4
    else:
        assert "project.qde" in zipfile.ZipFile(out).namelist()


def test_only_the_shown_document(tagged, tmp_path, qtbot, monkeypatch):
    out = tmp_path / "one.jsonl"
    seen = drive_export(qtbot, monkeypatch, "jsonl", only_document=True, out=out)
    with Project.open(tagged) as p:
        export_annotations(None, p, document_id=2)
    assert "Second" in seen["suggested"].name
    assert [json.loads(x)["document_title"] for x in out.read_text().splitlines()] == ["Second"]


def test_codebook_is_always_the_whole_project(tagged, tmp_path, qtbot, monkeypatch):
    out = tmp_path / "codes.qdc"
    seen = drive_export(qtbot, monkeypatch, "qdc", out=out)
    messages = []
    with Project.open(tagged) as p:
        export_annotations(None, p, document_id=1, status=messages.append)
    assert not seen["scope_enabled"]
    assert out.read_text(encoding="utf-8").count("<Code ") >= 3 and "codes written" in messages[0]


def test_brat_into_a_busy_folder_makes_its_own_folder(tagged, tmp_path, qtbot, monkeypatch):
    busy = tmp_path / "Documents"
    busy.mkdir()
    (busy / "thesis.docx").write_bytes(b"keep me")
    drive_export(qtbot, monkeypatch, "brat", out=busy)
    with Project.open(tagged) as p:
        written = export_annotations(None, p)
    assert written == busy / "work brat" and (written / "annotation.conf").is_file()
    assert sorted(x.suffix for x in written.iterdir() if x.suffix in (".txt", ".ann")) == [".ann", ".ann", ".txt",
                                                                                          ".txt"]
    assert (busy / "thesis.docx").read_bytes() == b"keep me"
    # an empty folder is used as it is, and exporting again replaces the earlier export
    empty = tmp_path / "corpus"
    empty.mkdir()
    for _ in range(2):
        drive_export(qtbot, monkeypatch, "brat", out=empty)
        with Project.open(tagged) as p:
            assert export_annotations(None, p) == empty


def test_cancel_and_unwritable_place(tagged, tmp_path, qtbot, monkeypatch, dialog_log):
    drive_export(qtbot, monkeypatch, "csv", out=None)
    with Project.open(tagged) as p:
        assert export_annotations(None, p) is None
    blocker = tmp_path / "file"
    blocker.write_text("x")
    drive_export(qtbot, monkeypatch, "csv", out=blocker / "inside.csv")
    with Project.open(tagged) as p:
        assert export_annotations(None, p) is None
    assert dialog_log.errors[-1][1].startswith("Nothing was exported")


def test_dialog_lists_every_exporter(project, qtbot):
    dialog = ExportDialog(project)
    qtbot.addWidget(dialog)
    assert set(dialog.format_buttons) == set(export_dialog.EXPORTERS)
    assert dialog.chosen_document() is None and not dialog.only_doc.isVisibleTo(dialog)


# ------------------------------------------------------------------------------------------------ import

@pytest.fixture
def shown_reports(monkeypatch):
    shown = []
    monkeypatch.setattr(report_dialog, "show_report",
                        lambda parent, title, summary, sections: shown.append((title, summary, sections)))
    return shown


def lines_of(sections):
    return {s.heading: s.lines for s in sections}


def test_exchange_files_come_in_and_every_problem_is_listed(tagged, tmp_path, qtbot, shown_reports, sample_path):
    from desktop.formats.exporting import export

    with Project.open(tagged) as p:
        export(p, tmp_path / "all.qdpx", "qdpx")
        export(p, tmp_path / "all.jsonl", "jsonl")
    broken = tmp_path / "broken.qdpx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    stray = tmp_path / "stray.jsonl"
    record = json.loads((tmp_path / "all.jsonl").read_text().splitlines()[0])
    record.update(document_sha256="0" * 64, document_uuid="", document_title="Nowhere", document_id=999)
    stray.write_text(json.dumps(record) + "\n", encoding="utf-8")
    fresh = tmp_path / "fresh.claimdesk"
    with Project.open(fresh, create=True) as p:
        results = import_files(None, p, [tmp_path / "all.qdpx", broken, stray, sample_path])
    assert db_rows(fresh, "SELECT count(*) FROM documents") == [(2,)]
    assert db_rows(fresh, "SELECT count(*) FROM annotations") == [(4,)]
    assert db_rows(fresh, "SELECT text FROM annotations ORDER BY start")[0] == ("Dmitry Peskov",)
    assert len(results) == 2  # the .qdpx and the stray JSON Lines file (which placed nothing)
    title, summary, sections = shown_reports[-1]
    found = lines_of(sections)
    assert summary.startswith("2 documents imported, 4 annotations, 1 already in the project, 1 could not be read")
    assert found["Could not be read"][0].startswith("broken.qdpx")
    assert found["Annotations that could not be placed"][0].startswith("stray.jsonl: ")
    assert "Nowhere" in found["Annotations that could not be placed"][0]
    assert found["Already in the project (not imported again)"][0].startswith(sample_path.name)


def test_clean_import_reports_in_the_status_line(tagged, tmp_path, shown_reports):
    from desktop.formats.exporting import export

    with Project.open(tagged) as p:
        export(p, tmp_path / "all.qdpx", "qdpx")
    messages = []
    with Project.open(tmp_path / "fresh.claimdesk", create=True) as p:
        import_files(None, p, [tmp_path / "all.qdpx"], status=messages.append)
    assert messages == ["2 documents imported, 4 annotations."] and not shown_reports


def test_read_only_project_refuses(tagged, sample_path, dialog_log, shown_reports):
    with Project.open(tagged, readonly=True) as p:
        assert import_files(None, p, [sample_path]) == []
    assert "read-only" in dialog_log.errors[-1][1]


def test_many_files_show_a_progress_dialog(project_path, tmp_path, shown_reports, qtbot, monkeypatch):
    files = []
    for i in range(4):
        f = tmp_path / f"n{i}.txt"
        f.write_text(f"Note number {i} about the talks.", encoding="utf-8")
        files.append(f)
    made = []
    original = import_module._progress
    monkeypatch.setattr(import_module, "_progress", lambda parent, total: made.append(original(parent, total))
                        or made[-1])
    messages = []
    with Project.open(project_path) as p:
        import_files(None, p, files, status=messages.append)
    assert made[0] is not None and messages == ["4 documents imported."]
    assert db_rows(project_path, "SELECT count(*) FROM documents") == [(5,)]
