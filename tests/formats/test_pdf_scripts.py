"""PDF text in other scripts and typesetting: ligatures fold to letters, a short Arabic/Latin page is not a scan.

The PDFs are built here with a CID font (Identity-H) whose ToUnicode map names each glyph's character, as word
processors write them; Arabic is written in visual order (right to left on the page), as real PDFs hold it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.formats.importing import import_file
from desktop.formats.textfile import UnreadableDocument

sys.path.insert(0, str(Path(__file__).parent))
from test_import_pdf import make_pdf  # noqa: E402

PICTURE = b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 " \
          b"/Length 1 >>\nstream\n\x80\nendstream"


def cid_pdf(lines, picture: bool = False) -> bytes:
    """A one-page PDF showing ``lines`` (x, y, text) in a CID font; with ``picture``, a page image as well."""
    chars = sorted({c for _, _, t in lines for c in t})
    cid = {c: i + 1 for i, c in enumerate(chars)}
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n%d beginbfchar\n" % len(chars)
            + "".join("<%04X> <%s>\n" % (cid[c], c.encode("utf-16-be").hex().upper()) for c in chars)
            + "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end").encode()
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    to_unicode = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    descendant = add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NotoNaskhArabic /CIDSystemInfo "
                     b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>")
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /NotoNaskhArabic /Encoding /Identity-H "
               b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (descendant, to_unicode))
    image = add(PICTURE) if picture else None
    ops = [b"q 500 0 0 700 40 60 cm /Im1 Do Q"] if picture else []
    ops += [b"BT /F1 12 Tf %d %d Td <%s> Tj ET" % (x, y, "".join("%04X" % cid[c] for c in t).encode())
            for x, y, t in lines]
    stream = b"\n".join(ops)
    content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    pages_id = len(objs) + 2
    xobject = b" /XObject << /Im1 %d 0 R >>" % image if picture else b""
    page = add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >>%s >> "
               b"/Contents %d 0 R >>" % (pages_id, font, xobject, content))
    add(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page)
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref)
    return bytes(out)


def _visual(arabic: str) -> str:
    return arabic[::-1]


def test_short_arabic_and_latin_statement_is_imported(project, tmp_path):
    path = tmp_path / "statement.pdf"
    path.write_bytes(cid_pdf([(400, 780, _visual("بيان الكرملين")), (72, 740, "TASS")]))
    doc = import_file(project, path)
    stored = project.document(doc.id).text
    assert "بيان الكرملين" in stored and "TASS" in stored  # 16 letters: short, but a real text layer


def test_page_image_with_a_scanner_stamp_is_still_a_scan(project, tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(cid_pdf([(72, 40, "Scanned by app")], picture=True))
    with pytest.raises(UnreadableDocument, match="no text layer.*OCR"):
        import_file(project, path)
    assert project.document_count() == 0


def test_ligatures_become_letters_and_can_be_tagged(tmp_path, capsys):
    lines = [(72, 780, "The reservoir was \ufb01lled and the of\ufb01ce \ufb02ooded, staff said. \ufb00"),
             (72, 760, "\ufefb \ufe91 and \ufdf2 are shown by their letters.")]
    pdf, project_path = tmp_path / "ligatures.pdf", tmp_path / "p.claimdesk"
    pdf.write_bytes(cid_pdf(lines))
    assert main(["import", str(project_path), str(pdf)]) == 0
    doc_id = capsys.readouterr().out.split("\t")[0].strip()
    assert main(["tag", str(project_path), doc_id, "1", "--text", "filled"]) == 0
    assert main(["tag", str(project_path), doc_id, "1", "--text", "office flooded"]) == 0
    from desktop.store import Project

    with Project.open(project_path) as project:
        text = project.document(int(doc_id)).text
        assert [a.text for a in project.annotations(int(doc_id))] == ["filled", "office flooded"]
    assert not any("\ufb00" <= c <= "\ufeff" for c in text)
    assert "ff" in text and "لا" in text and "الله" in text


def test_a_latin_pdf_keeps_its_text_unchanged(project, tmp_path):
    path = tmp_path / "plain.pdf"
    path.write_bytes(make_pdf([[(72, 780, 11, "Kyiv rejected the remarks on Wednesday, officials said.")]]))
    doc = import_file(project, path)
    assert project.document(doc.id).text == "Kyiv rejected the remarks on Wednesday, officials said."
