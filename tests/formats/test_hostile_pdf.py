"""A PDF whose encryption Claimdesk cannot read is refused with one clear line, not a traceback."""

import pytest

from desktop.formats.importing import import_file
from desktop.formats.textfile import UnreadableDocument


def _pdf(trailer_extra: bytes, extra_objects: list[bytes]) -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>", *extra_objects]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer_extra + b" >>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_unknown_encryption_version_is_refused_clearly(project, tmp_path):
    encrypt = b"<< /Filter /Standard /V 99 /R 99 /O (0123456789abcdef0123456789abcdef) " \
              b"/U (0123456789abcdef0123456789abcdef) /P -1 >>"
    path = tmp_path / "odd.pdf"
    path.write_bytes(_pdf(b"/Encrypt 3 0 R /ID [(abc) (abc)]", [encrypt]))
    with pytest.raises(UnreadableDocument, match="encrypted in a way Claimdesk cannot"):
        import_file(project, path)
    assert project.documents() == []
