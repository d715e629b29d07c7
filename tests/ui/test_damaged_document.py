"""A byte flipped inside one stored text (the file's pages still check out) no longer stops the window: the
project opens, the damaged document is named (never its text), and the others can be read."""

from __future__ import annotations

from desktop.formats.importing import import_file
from desktop.store import Project

DAMAGED_WORDS = "Unmistakable sentence of the damaged article"


def test_the_window_opens_and_names_the_damaged_document(open_window, tmp_path, sample_path):
    path = tmp_path / "damaged.claimdesk"
    other = tmp_path / "other.txt"
    other.write_text(f"{DAMAGED_WORDS}, with more words after it so that it reads as an article.",
                     encoding="utf-8")
    with Project.open(path, create=True) as p:
        good = import_file(p, sample_path).id
        bad = import_file(p, other).id
        p.set_setting("last_document", bad)
    data = bytearray(path.read_bytes())
    at = data.find(DAMAGED_WORDS.encode())
    while at != -1:  # the text and its search index copy
        data[at + 4] = 0xFF
        at = data.find(DAMAGED_WORDS.encode(), at + 1)
    path.write_bytes(bytes(data))

    window = open_window(path)
    assert window is not None and window.session.project is not None
    assert bad in window.session.damaged_documents
    assert f"document {bad}" in window.session.last_error and "Unmistak" not in window.session.last_error
    assert window.session.open_document(good) is not None
    assert window.article.text.startswith(window.session.project.document_text(good)[:20])
