"""Bad documents: a clear message (UnreadableDocument), and the project left exactly as it was."""

import hashlib
import random
import subprocess
import sys

import pytest

from desktop.formats.importing import import_file
from desktop.formats.textfile import MAX_BYTES, UnreadableDocument
from desktop.store import Project


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rnd(n, low=1, seed=7):
    r = random.Random(seed)
    return bytes(r.randrange(low, 256) for _ in range(n))


def write_huge(path):
    with open(path, "wb") as fh:  # 200 MB, sparse: no disk space used, refused before it is read
        fh.truncate(200 * 1000 * 1000)


BAD_DOCUMENTS = [
    ("image.txt", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rnd(3000)), "binary"),
    ("program.txt", lambda p: p.write_bytes(b"\x7fELF\x02\x01\x01" + rnd(3000)), "binary"),
    ("archive.txt", lambda p: p.write_bytes(b"\x1f\x8b\x08" + rnd(3000, seed=9)), "binary"),
    ("terminal.txt", lambda p: p.write_bytes(b"Hello\x01\x02\x03 world\x1b[31m red \x07\x08" * 50), "binary"),
    ("empty.txt", lambda p: p.write_bytes(b""), "empty"),
    ("blank.txt", lambda p: p.write_bytes(b" \r\n\t\n  "), "empty"),
    ("bom-only.txt", lambda p: p.write_bytes(b"\xef\xbb\xbf\r\n"), "empty"),
    ("nul.txt", lambda p: p.write_bytes(b"A statement\x00 with NUL bytes\x00 inside."), "NUL"),
    ("bad-utf16.txt", lambda p: p.write_bytes(b"\xff\xfe" + b"\x00\xd8\x41"), "not valid"),
    ("huge.txt", write_huge, "200 MB; Claimdesk imports text files up to 50 MB"),
]


@pytest.fixture
def project_path(tmp_path):
    path = tmp_path / "p.claimdesk"
    with Project.open(path, create=True) as p:
        p.add_document("Peskov said the legitimacy can be questioned. 😀", "kept")
    return path


@pytest.mark.parametrize("name, make, words", BAD_DOCUMENTS, ids=[b[0] for b in BAD_DOCUMENTS])
def test_bad_document_is_refused_clearly_and_the_project_is_unchanged(tmp_path, project_path, name, make, words):
    doc = tmp_path / name
    make(doc)
    before = sha(project_path)
    with Project.open(project_path) as p:
        with pytest.raises(UnreadableDocument, match=words) as info:
            import_file(p, doc)
        assert name in str(info.value) and "\n" not in str(info.value)
        assert p.document_count() == 1 and p.integrity_ok()
    with Project.open(project_path) as p:
        assert [d.title for d in p.documents()] == ["kept"]
    # Through the command line: exit 1, one line naming the file, the project file byte-for-byte the same.
    before = sha(project_path)
    proc = subprocess.run([sys.executable, "-m", "desktop", "import", str(project_path), str(doc)],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 1 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimdesk: error: ") and name in lines[0], proc.stderr
    assert sha(project_path) == before


def test_good_and_bad_together_imports_the_good_and_names_the_bad(tmp_path, project_path):
    good = tmp_path / "good.txt"
    good.write_text("Кремль заявил, что легитимность может быть поставлена под сомнение.", encoding="cp1251")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(rnd(2000))
    proc = subprocess.run([sys.executable, "-m", "desktop", "import", str(project_path), str(bad), str(good)],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 1
    assert proc.stdout.strip().split("\t")[1] == "good"
    assert "bad.txt" in proc.stderr and proc.stderr.count("\n") == 1
    with Project.open(project_path) as p:
        assert p.document_count() == 2 and "легитимность" in p.document_text(2)


def test_size_limit_is_fifty_megabytes(tmp_path, project_path):
    assert MAX_BYTES == 50_000_000
    at_limit = tmp_path / "at-limit.txt"
    with open(at_limit, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    with Project.open(project_path) as p, pytest.raises(UnreadableDocument, match="up to 50 MB"):
        import_file(p, at_limit)


def test_a_few_stray_control_characters_are_tolerated(tmp_path, project_path):
    doc = tmp_path / "form-feeds.txt"
    doc.write_text("Page one.\fPage two. " * 300 + "A stray \x1b escape and a bell \x07.", encoding="utf-8")
    with Project.open(project_path) as p:
        assert import_file(p, doc).text.startswith("Page one.\f")
