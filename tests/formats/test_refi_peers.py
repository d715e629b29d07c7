"""REFI-QDA as NVivo for Mac, QualCoder and other peers write it (small files built here with each one's habits)."""

from __future__ import annotations

import uuid
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from desktop.formats.exporting import export
from desktop.formats.importing import import_path
from desktop.store import Project

NS = "urn:QDA-XML:project:1.0"
TEXT = "Peskov said Zelenskyy's legitimacy can be questioned. Kyiv rejected the claim on Wednesday."
G = {name: str(uuid.uuid4()) for name in ("legit", "stance_q", "stance_d", "actors", "ru", "ru_off", "ua",
                                          "ua_off", "user")}


def span(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def selection(needle: str, *codes: str, description: str = "") -> str:
    start, end = span(needle)
    desc = f"<Description>{escape(description)}</Description>" if description else ""
    codings = "".join(f'<Coding guid="{uuid.uuid4()}"><CodeRef targetGUID="{c}"/></Coding>' for c in codes)
    return (f'<PlainTextSelection guid="{uuid.uuid4()}" name={quoteattr(needle)} startPosition="{start}" '
            f'endPosition="{end}" creatingUser="{G["user"]}">{desc}{codings}</PlainTextSelection>')


CODEBOOK = (
    f'<CodeBook><Codes>'
    f'<Code guid="{G["legit"]}" name="Legitimacy" isCodable="true">'
    f'<Code guid="{G["stance_q"]}" name="stance: questions" isCodable="true"/>'
    f'<Code guid="{G["stance_d"]}" name="stance: denies" isCodable="true"/></Code>'
    f'<Code guid="{G["actors"]}" name="Actors" isCodable="false">'
    f'<Code guid="{G["ru"]}" name="Russia" isCodable="false">'
    f'<Code guid="{G["ru_off"]}" name="Officials" isCodable="true"/></Code>'
    f'<Code guid="{G["ua"]}" name="Ukraine" isCodable="false">'
    f'<Code guid="{G["ua_off"]}" name="Officials" isCodable="true"/></Code></Code>'
    f'</Codes></CodeBook>'
)


def make_qdpx(path, sources: list[tuple[str, str, bytes, str]], origin: str = "QualCoder 3.6") -> Path:
    """sources: (name attribute, file name inside sources/, file bytes, selections XML)."""
    xml_sources, files = [], {}
    for name, file_name, data, selections in sources:
        name_attr = f" name={quoteattr(name)}" if name else ""
        xml_sources.append(f'<TextSource guid="{uuid.uuid4()}"{name_attr} plainTextPath="internal://{file_name}">'
                           f'{selections}</TextSource>')
        files[f"sources/{file_name}"] = data
    qde = (f'<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="{NS}" name="Study" origin="{origin}">'
           f'<Users><User guid="{G["user"]}" name="Olena"/></Users>{CODEBOOK}'
           f'<Sources>{"".join(xml_sources)}</Sources></Project>')
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.qde", qde.encode("utf-8"))
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def annotations(project) -> list[tuple]:
    return sorted((project.tag_type(a.tag_type_id).name, a.text, a.stance, a.speaker, a.target, a.note)
                  for a in project.annotations())


def test_empty_sources_are_reported_and_the_rest_imported(project, tmp_path):
    """NVivo for Mac 15 writes sources it holds no text for as empty (or line-end-only) files."""
    path = make_qdpx(tmp_path / "nvivo.qdpx", [
        ("Interview 1", f"{uuid.uuid4()}.txt", b"\r\n", ""),
        ("Interview 2", f"{uuid.uuid4()}.txt", b"", ""),
        ("Statement", f"{uuid.uuid4()}.txt", TEXT.encode("utf-8"), selection("Peskov", G["ru_off"])),
    ], origin="NVivo 15 (Mac)")
    result = import_path(project, path)
    assert [d.title for d in result.documents] == ["Statement"]
    assert result.annotations == 1
    names = {t.name for t in project.tag_types()}
    assert {"Legitimacy", "Russia / Officials", "Ukraine / Officials"} <= names
    assert any("'Interview 1' is empty" in p for p in result.problems)
    assert any("'Interview 2' is empty" in p for p in result.problems)


def test_a_tag_and_its_stance_coded_as_two_selections_become_one_annotation(project, tmp_path):
    quote = "Zelenskyy's legitimacy can be questioned"
    sels = (selection(quote, G["legit"], description="Said at the daily briefing")
            + selection(quote, G["stance_q"]) + selection("Kyiv rejected the claim", G["legit"], G["stance_d"]))
    result = import_path(project, make_qdpx(tmp_path / "qualcoder.qdpx",
                                            [("Statement", "s.txt", TEXT.encode("utf-8"), sels)]))
    assert result.annotations == 2 and result.problems == []
    assert annotations(project) == [
        ("Legitimacy", "Kyiv rejected the claim", "denies", "", "", ""),
        ("Legitimacy", quote, "questions", "", "", "Said at the daily briefing"),
    ]


def test_codes_of_the_same_name_under_different_parents_stay_apart(project, tmp_path):
    sels = selection("Peskov", G["ru_off"]) + selection("Kyiv", G["ua_off"])
    import_path(project, make_qdpx(tmp_path / "tree.qdpx", [("Statement", "s.txt", TEXT.encode("utf-8"), sels)]))
    assert annotations(project) == [("Russia / Officials", "Peskov", "", "", "", ""),
                                    ("Ukraine / Officials", "Kyiv", "", "", "", "")]


def test_an_unnamed_source_is_titled_after_its_file(project, tmp_path):
    result = import_path(project, make_qdpx(tmp_path / "unnamed.qdpx", [
        ("", "Interview 3.txt", TEXT.encode("utf-8"), ""),
        ("", f"{uuid.uuid4()}.txt", TEXT.replace("Wednesday", "Thursday").encode("utf-8"), ""),
    ]))
    assert [d.title for d in result.documents] == ["Interview 3", "Source 2"]


def _through_qualcoder(qdpx, out):
    """What QualCoder keeps of a project: codes and the selections' Descriptions, one selection per code; it
    drops Cases and Notes."""
    with zipfile.ZipFile(qdpx) as zf:
        files = {name: zf.read(name) for name in zf.namelist()}
    root = etree.fromstring(files["project.qde"])
    for name in ("Cases", "Notes"):
        for el in root.findall(f"{{{NS}}}{name}"):
            root.remove(el)
    for sel in list(root.iter(f"{{{NS}}}PlainTextSelection")):
        for ref in sel.findall(f"{{{NS}}}NoteRef"):
            sel.remove(ref)
        for coding in sel.findall(f"{{{NS}}}Coding")[1:]:
            copy = etree.SubElement(sel.getparent(), f"{{{NS}}}PlainTextSelection", dict(sel.attrib))
            copy.set("guid", str(uuid.uuid4()))
            sel.remove(coding)
            copy.append(coding)
    files["project.qde"] = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return out


def test_note_speaker_and_target_survive_a_trip_through_qualcoder(project, tmp_path):
    doc = project.add_document(TEXT, "Statement")
    legit = project.find_tag_type("3")
    start, end = span("Zelenskyy's legitimacy can be questioned")
    project.create_annotation(doc.id, legit.id, start, end, speaker="Dmitry Peskov", target="Volodymyr Zelenskyy",
                              stance="questions", note="Said at the daily briefing\nsecond line")
    export(project, tmp_path / "out.qdpx")
    with zipfile.ZipFile(tmp_path / "out.qdpx") as zf:
        qde = zf.read("project.qde").decode("utf-8")
    assert ("<Description>Said at the daily briefing\nsecond line\n\nspeaker: Dmitry Peskov\n"
            "target: Volodymyr Zelenskyy</Description>") in qde
    back = _through_qualcoder(tmp_path / "out.qdpx", tmp_path / "qualcoder.qdpx")
    expected = [(legit.name, "Zelenskyy's legitimacy can be questioned", "questions", "Dmitry Peskov",
                 "Volodymyr Zelenskyy", "Said at the daily briefing\nsecond line")]
    for source in (back, tmp_path / "out.qdpx"):  # after QualCoder, and straight back
        with Project.open(tmp_path / f"{source.stem}.claimdesk", create=True) as target:
            result = import_path(target, source)
            assert result.problems == [] and result.annotations == 1
            assert annotations(target) == expected
