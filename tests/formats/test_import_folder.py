"""A folder of mixed articles, as an analyst's downloads folder looks: imported, skipped, failed, ignored."""

from __future__ import annotations

import subprocess
import sys

import docx
import pytest

from desktop.formats.folder import import_folder
from desktop.store import Project

ARTICLE = "The Kremlin said Zelenskyy’s legitimacy can be questioned. Kyiv rejected this."
RU = "В Кремле заявили, что легитимность Зеленского может быть поставлена под сомнение."
PAGE = """<html lang="en"><head><title>Peskov on legitimacy</title>
<meta property="og:site_name" content="The Daily Courier">
<script src="Peskov_files/tracker.js"></script></head>
<body><nav><a href="/">Home</a></nav><article><h1>Peskov on legitimacy</h1>
<p>Dmitry Peskov said the legitimacy of Volodymyr Zelenskyy could be questioned now that his term expired.</p>
<p>Kyiv says the constitution does not allow elections while martial law is in force.</p></article></body></html>"""


@pytest.fixture
def downloads(tmp_path):
    root = tmp_path / "downloads"
    (root / "2024" / "may").mkdir(parents=True)
    (root / "a_statement.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "2024" / "ru_note.txt").write_bytes(RU.encode("cp1251"))
    (root / "statement copy.md").write_text(ARTICLE, encoding="utf-8")  # the same text again
    (root / "2024" / "may" / "Peskov.html").write_text(PAGE, encoding="utf-8")
    companion = root / "2024" / "may" / "Peskov_files"
    companion.mkdir()
    (companion / "tracker.js").write_text("fetch('https://tracker.example')", encoding="utf-8")
    (companion / "ad-frame.html").write_text("<html><body><p>Buy cheap flights today and save a lot of "
                                             "money on every trip you take this year!</p></body></html>")
    document = docx.Document()
    document.add_heading("Briefing", level=1)
    document.add_paragraph("Peskov repeated that Zelenskyy’s legitimacy can be questioned.")
    document.save(str(root / "2024" / "may" / "briefing.docx"))
    (root / "2024" / "broken.pdf").write_bytes(b"%PDF-1.4\nthis file was cut off during download")
    (root / "2024" / "empty.txt").write_bytes(b"")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    (root / ".hidden.txt").write_text("a hidden file", encoding="utf-8")
    (root / "2024" / "~$briefing.docx").write_bytes(b"\x05lock")
    return root


def test_folder_imports_the_readable_files_and_lists_the_others(project, downloads):
    calls = []
    report = import_folder(project, downloads, lambda done, total, name: calls.append((done, total, name)))

    titles = sorted(d.title for d in report.imported)
    assert titles == ["Briefing", "Peskov on legitimacy", "a statement", "ru note"]
    assert project.document_count() == 4
    ru = next(d for d in report.imported if d.title == "ru note")
    assert project.document(ru.id).text == RU and project.document(ru.id).encoding == "cp1251"

    assert [e.path.name for e in report.skipped] == ["statement copy.md"]
    statement = next(d for d in report.imported if d.title == "a statement")
    assert report.skipped[0].existing_id == statement.id

    failed = {e.path.name: e.reason for e in report.failed}
    assert set(failed) == {"broken.pdf", "empty.txt"}
    assert "not a readable PDF" in failed["broken.pdf"] and failed["broken.pdf"].startswith("2024")
    assert "empty" in failed["empty.txt"]

    ignored = {p.name for p in report.ignored}
    assert {"photo.jpg", "Peskov_files"} <= ignored
    assert not any("ad-frame" in d.title or "cheap flights" in project.document_text(d.id) for d in report.imported)

    assert calls[-1] == (report.total, report.total, "")
    assert [c[0] for c in calls] == list(range(report.total + 1))
    assert report.total == 7 and report.processed == 7
    assert "4 document(s) imported" in report.summary() and "2 could not be read" in report.summary()


def test_importing_the_folder_again_skips_everything_already_there(project, downloads):
    import_folder(project, downloads)
    again = import_folder(project, downloads)
    assert again.imported == []
    assert len(again.skipped) == 5
    assert project.document_count() == 4


def test_cancel_stops_before_the_next_file_and_keeps_what_was_imported(project, downloads):
    def progress(done, total, name):
        names.append(name)
        return done < 4  # cancel when the fifth file is about to start

    names = []
    report = import_folder(project, downloads, progress)
    assert report.cancelled
    assert report.processed == 4
    assert names[:4] == ["2024/broken.pdf", "2024/empty.txt", "2024/may/briefing.docx", "2024/may/Peskov.html"]
    assert project.document_count() == len(report.imported) == 2
    assert "cancelled with 3 file(s) left" in report.summary()


def test_command_line_imports_a_folder(tmp_path, downloads):
    target = tmp_path / "out.claimdesk"
    run = subprocess.run([sys.executable, "-m", "desktop", "import", str(target), str(downloads)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1  # two files failed
    lines = run.stdout.strip().splitlines()
    assert len(lines) == 4 and all(line.split("\t")[0].isdigit() for line in lines)
    assert "claimdesk: skipped:" in run.stderr
    assert "broken.pdf" in run.stderr and "empty.txt" in run.stderr
    assert "4 document(s) imported" in run.stderr
    with Project.open(target, readonly=True) as project:
        assert project.document_count() == 4
