"""Word .docx files built here the way Word writes them: headings, paragraphs, a table, core properties."""

from __future__ import annotations

import datetime as dt

import docx
import pytest

from desktop.formats.importing import import_file
from desktop.formats.textfile import UnreadableDocument


def _docx(path, *, blocks, title="", author="", created=None, language=""):
    document = docx.Document()
    for kind, value in blocks:
        if kind == "h1":
            document.add_heading(value, level=1)
        elif kind == "h2":
            document.add_heading(value, level=2)
        elif kind == "p":
            document.add_paragraph(value)
        elif kind == "empty":
            document.add_paragraph("")
        elif kind == "break":
            paragraph = document.add_paragraph(value[0])
            paragraph.add_run().add_break()
            paragraph.add_run(value[1])
        elif kind == "table":
            table = document.add_table(rows=len(value), cols=len(value[0]))
            for r, row in enumerate(value):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    props = document.core_properties
    props.title, props.author, props.language = title, author, language
    if created:
        props.created = created
    document.save(str(path))
    return path


def test_word_file_gives_paragraphs_headings_and_core_properties(project, tmp_path):
    path = _docx(
        tmp_path / "Peskov statement.docx",
        blocks=[
            ("h1", "Kremlin questions Zelenskyy’s legitimacy"),
            ("p", "The Kremlin said on Tuesday that Zelenskyy’s legitimacy can be questioned."),
            ("empty", ""),
            ("h2", "Reactions"),
            ("p", "Kyiv rejected the claim  as  propaganda."),
            ("break", ("Line one of a poem", "line two of a poem")),
            ("table", [["Speaker", "Stance"], ["Dmitry Peskov", "questions"]]),
            ("p", "Президент Украины остаётся легитимным, заявили в Киеве."),
        ],
        title="Peskov on legitimacy",
        author="Anna Petrova",
        created=dt.datetime(2024, 5, 21, 9, 30),
        language="en-GB",
    )
    doc = project.document(import_file(project, path).id)
    assert doc.text == (
        "Kremlin questions Zelenskyy’s legitimacy\n\n"
        "The Kremlin said on Tuesday that Zelenskyy’s legitimacy can be questioned.\n\n"
        "Reactions\n\n"
        "Kyiv rejected the claim as propaganda.\n\n"
        "Line one of a poem\nline two of a poem\n\n"
        "Speaker\tStance\nDmitry Peskov\tquestions\n\n"
        "Президент Украины остаётся легитимным, заявили в Киеве."
    )
    assert doc.title == "Peskov on legitimacy"
    assert doc.author == "Anna Petrova"
    assert doc.published == "2024-05-21"
    assert doc.language == "en-GB"
    assert doc.original_filename == "Peskov statement.docx"


def test_word_file_without_a_title_is_named_after_the_file(project, tmp_path):
    path = _docx(tmp_path / "kremlin_briefing.docx", blocks=[("p", "Peskov spoke to reporters.")])
    doc = project.document(import_file(project, path).id)
    assert doc.title == "kremlin briefing"


def test_damaged_word_file_is_refused_clearly(project, tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(UnreadableDocument, match="broken.docx is not a readable Word .docx file"):
        import_file(project, path)


def test_old_binary_word_file_gets_advice(project, tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)
    with pytest.raises(UnreadableDocument, match="save it as .docx"):
        import_file(project, path)


def test_word_file_without_text_is_refused(project, tmp_path):
    path = _docx(tmp_path / "blank.docx", blocks=[("empty", "")])
    with pytest.raises(UnreadableDocument, match="holds no text"):
        import_file(project, path)
