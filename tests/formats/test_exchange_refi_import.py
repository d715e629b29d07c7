"""Importing REFI-QDA projects as other tools write them (hand-built files with each tool's habits)."""

from __future__ import annotations

import uuid
import zipfile
from xml.sax.saxutils import quoteattr

import pytest

from desktop.formats.exchange import ExchangeFileError
from desktop.formats.importing import import_path

NS = "urn:QDA-XML:project:1.0"
RAW = ("Kremlin statement\r\n\r\nPeskov said 🙂 that Zelenskyy’s legitimacy can be questioned.\r\n"
       "The 𝕏 post 👍🏽 was “a provocation”, said Зеленський.\r\nNothing more was said that day.\r\n")
STORED = RAW.replace("\r\n", "\n")
QUOTES = ["Zelenskyy’s legitimacy can be questioned", "“a provocation”", "Зеленський"]
USER = str(uuid.uuid4())
CODE_LEGIT, CODE_ACTORS, CODE_KREMLIN = (str(uuid.uuid4()) for _ in range(3))


def utf16(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return len(text[:i].encode("utf-16-le")) // 2, len(text[:i + len(needle)].encode("utf-16-le")) // 2


def code_points(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


def make_qdpx(path, *, qde_name="project.qde", folder="sources", origin="", namespace=NS, source_bytes=None,
              positions=None, names=None, extra_selection="", extra_sources="", inline=False):
    """A .qdpx with one text source, the codebook Legitimacy / Actors > Kremlin, a user, a note and a case."""
    source_guid = str(uuid.uuid4())
    note_guid = str(uuid.uuid4())
    sel_guids = [str(uuid.uuid4()) for _ in QUOTES]
    names = names or [""] * len(QUOTES)
    selections = []
    codes = [CODE_LEGIT, CODE_KREMLIN, CODE_LEGIT]
    for n, ((start, end), name) in enumerate(zip(positions, names)):
        note_ref = f'<NoteRef targetGUID="{note_guid}"/>' if n == 0 else ""
        selections.append(
            f'<PlainTextSelection guid="{sel_guids[n]}" name={quoteattr(name)} startPosition="{start}" '
            f'endPosition="{end}" creatingUser="{USER}" creationDateTime="2024-05-21T10:00:00Z">'
            f'<Coding guid="{uuid.uuid4()}" creatingUser="{USER}"><CodeRef targetGUID="{codes[n]}"/></Coding>'
            f'{note_ref}</PlainTextSelection>')
    xmlns = f' xmlns="{namespace}"' if namespace else ""
    # An XML writer escapes CR (a literal one would become LF when read).
    content = f"<PlainTextContent>{RAW.replace(chr(13), '&#13;')}</PlainTextContent>" if inline else ""
    path_attr = "" if inline else f' plainTextPath="internal://{source_guid}.txt"'
    qde = (
        f'<?xml version="1.0" encoding="utf-8"?>\n<Project{xmlns} name="Kremlin study" origin="{origin}">'
        f'<Users><User guid="{USER}" name="Olena"/></Users>'
        f'<CodeBook><Codes><Code guid="{CODE_LEGIT}" name="Legitimacy" isCodable="true" color="#A0B"/>'
        f'<Code guid="{CODE_ACTORS}" name="Actors" isCodable="false">'
        f'<Code guid="{CODE_KREMLIN}" name="Kremlin" isCodable="true" color="#112233"/></Code></Codes></CodeBook>'
        f'<Cases><Case guid="{uuid.uuid4()}" name="speaker: Dmitry Peskov">'
        f'<SelectionRef targetGUID="{sel_guids[0]}"/></Case>'
        f'<Case guid="{uuid.uuid4()}" name="Interview group A"><SelectionRef targetGUID="{sel_guids[1]}"/></Case>'
        f'</Cases>'
        f'<Sources><TextSource guid="{source_guid}" name="Kremlin statement"{path_attr}>{content}'
        f'{"".join(selections)}{extra_selection}</TextSource>{extra_sources}</Sources>'
        f'<Notes><Note guid="{note_guid}" name="memo"><PlainTextContent>Check the Russian original.'
        f'</PlainTextContent></Note></Notes></Project>'
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(qde_name, qde.encode("utf-8"))
        if not inline:
            zf.writestr(f"{folder}/{source_guid}.txt", source_bytes if source_bytes is not None
                        else RAW.encode("utf-8"))
    return path


def _imported(project):
    return sorted((project.tag_type(a.tag_type_id).name, a.text) for a in project.annotations())


EXPECTED = sorted([("Legitimacy", QUOTES[0]), ("Kremlin", QUOTES[1]), ("Legitimacy", QUOTES[2])])


def test_nvivo_utf16_positions_with_crlf_as_two_are_converted(project, tmp_path):
    """NVivo: the file named after the project, Sources/ in capitals, UTF-16 units, CRLF counted two, no names."""
    qdpx = make_qdpx(tmp_path / "nvivo.qdpx", qde_name="Kremlin study.qde", folder="Sources",
                     origin="NVivo 14.23.0", positions=[utf16(RAW, q) for q in QUOTES])
    result = import_path(project, qdpx)
    assert result.problems == []
    assert result.annotations == 3
    [doc] = result.documents
    assert doc.text == STORED and doc.title == "Kremlin statement"
    assert _imported(project) == EXPECTED
    first = next(a for a in project.annotations() if a.text == QUOTES[0])
    assert (first.annotator, first.created_at, first.speaker) == ("Olena", "2024-05-21T10:00:00Z", "Dmitry Peskov")
    assert first.note == "Check the Russian original."
    kremlin = project.find_tag_type("Kremlin")
    assert kremlin.color == "#112233" and project.find_tag_type("Legitimacy").color == "#AA00BB"


@pytest.mark.parametrize("origin, prefix, encode, names", [
    # UTF-16 units with CRLF as two from a tool that does not say who it is and names nothing: found by where the
    # spans begin and end (a wrong counting shifts them into words).
    ("", b"", lambda q: utf16(RAW, q), "none"),
    # QualCoder: a UTF-8 byte-order mark on the source; code points, CRLF as two.
    ("QualCoder 3.6", b"\xef\xbb\xbf", lambda q: code_points(RAW, q), "text"),
    # MAXQDA: code points, CRLF as two, no names to check against.
    ("MAXQDA 24", b"", lambda q: code_points(RAW, q), "none"),
    # ATLAS.ti: quotation names cut short with an ellipsis; here positions in UTF-16 units, found by the names.
    ("ATLAS.ti 23", b"", lambda q: utf16(RAW, q), "cut"),
    # A tool that counts CRLF as one (its own text had LF only) and names selections by their text.
    ("Other", b"", lambda q: code_points(STORED, q), "text"),
])
def test_positions_are_found_whatever_the_tool_counts(project, tmp_path, origin, prefix, encode, names):
    shown = {"text": QUOTES, "none": None, "cut": [q[:9] + "..." if len(q) > 12 else q for q in QUOTES]}[names]
    qdpx = make_qdpx(tmp_path / "tool.qdpx", origin=origin, source_bytes=prefix + RAW.encode("utf-8"),
                     positions=[encode(q) for q in QUOTES], names=shown)
    result = import_path(project, qdpx)
    assert result.problems == []
    assert _imported(project) == EXPECTED
    assert project.document(result.documents[0].id).text == STORED


def test_an_older_file_without_namespace_and_with_inline_text(project, tmp_path):
    qdpx = make_qdpx(tmp_path / "old.qdpx", namespace="", inline=True,
                     positions=[code_points(RAW, q) for q in QUOTES])
    result = import_path(project, qdpx)
    assert result.problems == []
    assert _imported(project) == EXPECTED


def test_selections_that_cannot_be_placed_are_reported_not_dropped(project, tmp_path):
    beyond = (f'<PlainTextSelection guid="{uuid.uuid4()}" name="" startPosition="5000" endPosition="5010">'
              f'<Coding guid="{uuid.uuid4()}"><CodeRef targetGUID="{CODE_LEGIT}"/></Coding></PlainTextSelection>')
    uncoded = f'<PlainTextSelection guid="{uuid.uuid4()}" name="" startPosition="0" endPosition="7"/>'
    memo = (f'<PlainTextSelection guid="{uuid.uuid4()}" name="" startPosition="0" endPosition="7">'
            f'<Description>Headline is vague</Description></PlainTextSelection>')
    pdf = f'<PDFSource guid="{uuid.uuid4()}" name="scan" path="internal://scan.pdf"/>'
    qdpx = make_qdpx(tmp_path / "bad.qdpx", origin="NVivo 14", positions=[utf16(RAW, q) for q in QUOTES],
                     extra_selection=beyond + uncoded + memo, extra_sources=pdf)
    result = import_path(project, qdpx)
    assert result.annotations == 4
    assert len(result.problems) == 3
    assert any("5000-5010" in p and "cannot be placed" in p for p in result.problems)
    assert any("0-7" in p and "no code" in p for p in result.problems)
    assert any("other than text" in p for p in result.problems)
    memo_ann = next(a for a in project.annotations() if project.tag_type(a.tag_type_id).name == "Memo")
    assert (memo_ann.text, memo_ann.note) == ("Kremlin", "Headline is vague")


def test_a_selection_whose_name_is_elsewhere_is_moved_to_its_text(project, tmp_path):
    positions = [code_points(RAW, q) for q in QUOTES]
    positions[2] = (positions[2][0] - 30, positions[2][1] - 30)  # the tool's offsets are off for this one
    qdpx = make_qdpx(tmp_path / "moved.qdpx", positions=positions, names=QUOTES)
    result = import_path(project, qdpx)
    assert result.problems == []
    assert _imported(project) == EXPECTED


def test_a_missing_source_text_is_reported(project, tmp_path):
    qdpx = make_qdpx(tmp_path / "nosrc.qdpx", positions=[code_points(RAW, q) for q in QUOTES])
    with zipfile.ZipFile(qdpx) as zf:
        qde = zf.read("project.qde")
    with zipfile.ZipFile(qdpx, "w") as zf:
        zf.writestr("project.qde", qde)
    result = import_path(project, qdpx)
    assert result.annotations == 0 and result.documents == []
    assert any("not in the file" in p and "3 selection(s)" in p for p in result.problems)


def test_a_file_that_is_not_a_project_is_refused_clearly(project, tmp_path):
    bad = tmp_path / "x.qdpx"
    bad.write_text("not a zip")
    with pytest.raises(ExchangeFileError, match="not a zip"):
        import_path(project, bad)
    with zipfile.ZipFile(tmp_path / "empty.qdpx", "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(ExchangeFileError, match="no project"):
        import_path(project, tmp_path / "empty.qdpx")
