"""PDF articles: a text layer written here by hand, as word processors write it (positioned lines, kerning)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from desktop.formats.importing import import_file
from desktop.formats.pdf import join_hyphenated
from desktop.formats.textfile import UnreadableDocument

A4_TOP, LEFT, SIZE, LEADING = 780, 72, 11, 14


def _escape(text: str) -> bytes:
    return text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _show(text: str) -> bytes:
    """A TJ array with a kerning adjustment inside each longer word, as typesetters write."""
    parts = []
    for word in text.split(" "):
        if len(word) > 6:
            parts.append(b"(" + _escape(word[:3]) + b") -15 (" + _escape(word[3:]) + b")")
        else:
            parts.append(b"(" + _escape(word) + b")")
    return b"[" + b" ( ) ".join(parts) + b"] TJ"


def make_pdf(pages, info=None, lang=None) -> bytes:
    """pages: lists of (x, y, size, text) lines. A valid PDF 1.4 with Helvetica in WinAnsiEncoding."""
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    contents = []
    for lines in pages:
        ops = [b"0.2 0.2 0.2 rg 60 40 475 2 re f"]  # a rule, as page furniture
        for x, y, size, text in lines:
            ops.append(b"BT /F1 %d Tf %d %d Td " % (size, x, y) + _show(text) + b" ET")
        stream = b"\n".join(ops)
        contents.append(add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"))
    pages_id = len(objs) + len(pages) + 1
    kids = [add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> "
                b"/Contents %d 0 R >>" % (pages_id, font, c)) for c in contents]
    add(b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R" % pages_id + (b" /Lang (%s)" % lang.encode() if lang else b"")
                  + b" >>")
    info_id = add(b"<< " + b" ".join(b"/%s (%s)" % (k.encode(), _escape(v)) for k, v in info.items()) + b" >>") \
        if info else None
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R" % (len(objs) + 1, catalog)
    out += (b" /Info %d 0 R" % info_id if info_id else b"") + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def layout(paragraphs, *, gap=10, indent=0, top=A4_TOP, number=None):
    """Lines of paragraphs (lists of lines) set down a page; ``indent`` indents first lines instead of gaps."""
    lines, y = [], top
    for paragraph in paragraphs:
        size = paragraph[0] if isinstance(paragraph[0], int) else SIZE
        texts = paragraph[1:] if isinstance(paragraph[0], int) else paragraph
        for i, text in enumerate(texts):
            lines.append((LEFT + (indent if i == 0 else 0), y, size, text))
            y -= size + 3 if size > SIZE else LEADING
        y -= gap
    if number is not None:
        lines.append((290, 50, 9, str(number)))
    return lines


PAGE_1 = [
    [16, "Kremlin questions Zelenskyy's legitimacy"],
    ["The Kremlin said on Tuesday that the legitimacy of Ukrainian",
     "President Volodymyr Zelenskyy could be ques-",
     "tioned now that his five-year term has expired."],
    ["\"Zelenskyy's legitimacy can be questioned,\" spokesman Dmitry",
     "Peskov told reporters. The well-",
     "known pro-",
     "Western politicians in Brussels and the right to self-",
     "determination were not mentioned by the"],
]
PAGE_2 = [
    ["spokesman, who spoke for twenty minutes."],
    ["Kyiv rejected the remarks as propa-", "ganda on Wednesday."],
]
EXPECTED = (
    "Kremlin questions Zelenskyy's legitimacy\n\n"
    "The Kremlin said on Tuesday that the legitimacy of Ukrainian President Volodymyr Zelenskyy could be "
    "questioned now that his five-year term has expired.\n\n"
    "\"Zelenskyy's legitimacy can be questioned,\" spokesman Dmitry Peskov told reporters. The well-known "
    "pro-Western politicians in Brussels and the right to self-determination were not mentioned by the spokesman, "
    "who spoke for twenty minutes.\n\n"
    "Kyiv rejected the remarks as propaganda on Wednesday."
)


def _write(tmp_path, data: bytes, name="article.pdf"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_pdf_text_layer_becomes_paragraphs_with_metadata(project, tmp_path):
    data = make_pdf([layout(PAGE_1, number=1), layout(PAGE_2, number=2)],
                    info={"Title": "Kremlin statement on legitimacy", "Author": "Anna Petrova",
                          "CreationDate": "D:20240521093000+02'00'"}, lang="en-GB")
    doc = project.document(import_file(project, _write(tmp_path, data)).id)
    assert doc.text == EXPECTED
    assert doc.title == "Kremlin statement on legitimacy"
    assert doc.author == "Anna Petrova"
    assert doc.published == "2024-05-21"
    assert doc.language == "en-GB"
    assert doc.original_filename == "article.pdf"


def test_indented_paragraphs_without_gaps_are_told_apart(project, tmp_path):
    paragraphs = [
        ["The Kremlin said on Tuesday that the legitimacy of the Ukrainian",
         "president could be questioned."],
        ["Kyiv rejected the remarks on Wednesday and said the constitution",
         "does not allow elections under martial law."],
    ]
    data = make_pdf([layout(paragraphs, gap=0, indent=18)])
    doc = project.document(import_file(project, _write(tmp_path, data)).id)
    assert doc.text == (
        "The Kremlin said on Tuesday that the legitimacy of the Ukrainian president could be questioned.\n\n"
        "Kyiv rejected the remarks on Wednesday and said the constitution does not allow elections under martial law."
    )
    assert doc.title == "article"


def test_heading_in_body_type_stays_its_own_paragraph(project, tmp_path):
    paragraphs = [
        ["Reactions in Kyiv",
         "Ukrainian officials rejected the remarks on Wednesday and said that",
         "the constitution does not allow elections under martial law"],
    ]
    data = make_pdf([layout(paragraphs)])
    doc = project.document(import_file(project, _write(tmp_path, data)).id)
    assert doc.text.startswith("Reactions in Kyiv\n\nUkrainian officials rejected the remarks on Wednesday and said "
                               "that the constitution")


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("the legiti-", "macy of", "the legitimacy of"),
        ("pro-", "Western", "pro-Western"),
        ("self-", "determination", "self-determination"),
        ("anti-", "war protests", "anti-war protests"),
        ("mother-in-", "law", "mother-in-law"),
        ("the 2023-", "2024 term", "the 2023-2024 term"),
        ("кое-", "что", "кое-что"),
        ("что-", "то", "что-то"),
        ("легитим-", "ность", "легитимность"),
        ("soft\u00ad", "ware", "software"),
    ],
)
def test_hyphen_at_line_end_is_undone_only_where_safe(left, right, joined):
    assert join_hyphenated(left, right) == joined


def test_the_documents_own_spelling_decides_a_broken_word():
    assert join_hyphenated("co-", "operation", {"cooperation"}) == "cooperation"
    assert join_hyphenated("e-", "mail", set(), {"e-mail"}) == "e-mail"


def test_scanned_pdf_without_text_layer_gets_advice(project, tmp_path):
    data = make_pdf([[]])  # only page furniture: what a scan looks like to a text extractor
    with pytest.raises(UnreadableDocument, match="no text layer.*OCR"):
        import_file(project, _write(tmp_path, data, "scan.pdf"))
    assert project.document_count() == 0


def _encrypted(data: bytes, **kwargs) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(**kwargs)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_password_locked_pdf_is_refused_clearly(project, tmp_path):
    data = _encrypted(make_pdf([layout(PAGE_2)]), user_password="secret", owner_password="owner",
                      algorithm="AES-128")
    with pytest.raises(UnreadableDocument, match="locked with a password"):
        import_file(project, _write(tmp_path, data, "locked.pdf"))


def test_pdf_that_only_restricts_copying_opens(project, tmp_path):
    data = _encrypted(make_pdf([layout(PAGE_2)]), user_password="", owner_password="owner", algorithm="AES-256")
    doc = project.document(import_file(project, _write(tmp_path, data, "restricted.pdf")).id)
    assert doc.text.startswith("spokesman, who spoke for twenty minutes.")


def test_damaged_pdf_is_refused_clearly(project, tmp_path):
    path = _write(tmp_path, b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage", "broken.pdf")
    with pytest.raises(UnreadableDocument, match="broken.pdf"):
        import_file(project, path)
