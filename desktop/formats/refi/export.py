"""Writing REFI-QDA: a project exchange file (``.qdpx``: ``project.qde`` + ``sources/``) and a codebook
(``.qdc``), valid against the standard's Project.xsd and Codebook.xsd. See :mod:`.mapping` for what goes where.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from desktop import __version__
from desktop.domain.model import BUILTIN_FIELDS
from desktop.formats.exchange import atomic_output
from desktop.formats.jsonl import iter_documents
from desktop.formats.refi.mapping import (
    CODEBOOK_NS,
    DOCUMENT_VARIABLES,
    PROJECT_NS,
    guid,
    guid_or_derived,
    is_datetime,
    pair_name,
    write_description,
    xml_text,
)
from desktop.store.rows import now


class _Codebook:
    """The code tree: one code per tag type, a child code per value of its fields with fixed choices."""

    def __init__(self, tag_types, annotations):
        self.types = list(tag_types)
        self.code_of_type = {t.id: guid("code", t.name) for t in self.types}
        self.choice_fields = {t.id: [f.name for f in t.fields if f.choices] for t in self.types}
        values: dict[tuple[int, str], list[str]] = {}
        for t in self.types:
            for f in t.fields:
                if f.choices:
                    values[(t.id, f.name)] = list(f.choices)
        for ann in annotations:  # values in use that the choices no longer list
            for name in self.choice_fields.get(ann.tag_type_id, ()):
                value = _value(ann, name)
                if value and value not in values[(ann.tag_type_id, name)]:
                    values[(ann.tag_type_id, name)].append(value)
        self.values = values

    def child_guid(self, tag_type, field_name: str, value: str) -> str:
        return guid("code", tag_type.name, field_name, value)

    def write(self, parent, ns: str) -> None:
        codes = etree.SubElement(parent, f"{{{ns}}}Codes")
        for t in self.types:
            code = etree.SubElement(codes, f"{{{ns}}}Code", guid=self.code_of_type[t.id], name=xml_text(t.name),
                                    isCodable="true", color=t.color.upper())
            if t.description:
                etree.SubElement(code, f"{{{ns}}}Description").text = xml_text(t.description)
            for name in self.choice_fields[t.id]:
                for value in self.values[(t.id, name)]:
                    etree.SubElement(code, f"{{{ns}}}Code", guid=self.child_guid(t, name, value),
                                     name=xml_text(pair_name(name, value)), isCodable="true",
                                     color=t.color.upper())


def _value(ann, name: str) -> str:
    return getattr(ann, name) if name in BUILTIN_FIELDS else str(ann.fields.get(name, "") or "")


def _sub(parent, _element: str, **attrs):
    """A child element of the project namespace with the attributes that have a value."""
    return etree.SubElement(parent, f"{{{PROJECT_NS}}}{_element}", {k: v for k, v in attrs.items() if v})


def build_project(project, document_id: int | None = None) -> tuple[etree._Element, dict[str, str]]:
    """The ``Project`` element and the source files (zip name -> text) of a project exchange file."""
    tag_types = project.tag_types()
    by_id = {t.id: t for t in tag_types}
    docs = list(iter_documents(project, document_id))
    if document_id is None:  # documents without annotations travel too
        with_anns = {d.id for d, _ in docs}
        docs += [(project.document(s.id), []) for s in project.documents() if s.id not in with_anns]
        docs.sort(key=lambda pair: pair[0].id)
    all_anns = [a for _, anns in docs for a in anns]
    codebook = _Codebook(tag_types, all_anns)
    root = etree.Element(f"{{{PROJECT_NS}}}Project", nsmap={None: PROJECT_NS},
                         name=xml_text(Path(project.path).stem), origin=f"Claimdesk {__version__}",
                         creationDateTime=now())
    users = sorted({a.annotator for a in all_anns if a.annotator})
    user_guid = {name: guid("user", name) for name in users}
    if users:
        users_el = _sub(root, "Users")
        for name in users:
            _sub(users_el, "User", guid=user_guid[name], name=xml_text(name))
    codebook.write(_sub(root, "CodeBook"), PROJECT_NS)

    used_vars = [v for v in DOCUMENT_VARIABLES if any(getattr(d, v) for d, _ in docs)]
    if used_vars:
        variables = _sub(root, "Variables")
        for v in used_vars:
            _sub(variables, "Variable", guid=guid("variable", v), name=v, typeOfVariable="Text")

    cases: dict[tuple[str, str], list[str]] = {}
    sources_el = _sub(root, "Sources") if docs else None
    notes: list[tuple[str, object]] = []
    files: dict[str, str] = {}
    for doc, anns in docs:
        source_guid = guid_or_derived(doc.uuid, "document", str(doc.id))
        files[f"sources/{source_guid}.txt"] = doc.text
        source = _sub(sources_el, "TextSource", guid=source_guid, name=xml_text(doc.title),
                      plainTextPath=f"internal://{source_guid}.txt",
                      creationDateTime=doc.imported_at if is_datetime(doc.imported_at) else "")
        if doc.note:
            _sub(source, "Description").text = xml_text(doc.note)
        for ann in anns:
            if ann.orphan:  # its offsets no longer hold its text; REFI places selections by offsets only
                continue
            tag = by_id[ann.tag_type_id]
            sel_guid = guid_or_derived(ann.uuid, "annotation", str(ann.id))
            user = user_guid.get(ann.annotator, "")
            created = ann.created_at if is_datetime(ann.created_at) else ""
            modified = ann.updated_at if is_datetime(ann.updated_at) else ""
            sel = _sub(source, "PlainTextSelection", guid=sel_guid, name=xml_text(ann.text),
                       startPosition=str(ann.start), endPosition=str(ann.end), creatingUser=user,
                       creationDateTime=created, modifyingUser=user, modifiedDateTime=modified)
            described = write_description(ann.note, {"speaker": ann.speaker, "target": ann.target})
            if described:  # what QualCoder reads of a selection besides its codes
                _sub(sel, "Description").text = xml_text(described)
            codes = [codebook.code_of_type[tag.id]]
            codes += [codebook.child_guid(tag, name, _value(ann, name))
                      for name in codebook.choice_fields[tag.id] if _value(ann, name)]
            for code_guid in codes:
                coding = _sub(sel, "Coding", guid=guid("coding", sel_guid, code_guid), creatingUser=user,
                              creationDateTime=created)
                _sub(coding, "CodeRef", targetGUID=code_guid)
            if ann.note:
                note_guid = guid("note", sel_guid)
                _sub(sel, "NoteRef", targetGUID=note_guid)
                notes.append((note_guid, ann))
            for name in [*BUILTIN_FIELDS, *sorted(ann.fields)]:
                value = _value(ann, name)
                if value and name not in codebook.choice_fields[tag.id]:
                    cases.setdefault((name, value), []).append(sel_guid)
        for v in used_vars:
            if getattr(doc, v):
                vv = _sub(source, "VariableValue")
                _sub(vv, "VariableRef", targetGUID=guid("variable", v))
                _sub(vv, "TextValue").text = xml_text(getattr(doc, v))
    if cases:
        cases_el = _sub(root, "Cases")
        root.insert(root.index(sources_el) if sources_el is not None else len(root), cases_el)
        for (name, value), selections in sorted(cases.items()):
            case = _sub(cases_el, "Case", guid=guid("case", name, value), name=xml_text(pair_name(name, value)))
            for sel_guid in selections:
                _sub(case, "SelectionRef", targetGUID=sel_guid)
    if notes:
        notes_el = _sub(root, "Notes")
        for note_guid, ann in notes:
            user = user_guid.get(ann.annotator, "")
            note = _sub(notes_el, "Note", guid=note_guid, name=xml_text(f"Note on “{ann.text[:60]}”"),
                        creatingUser=user, creationDateTime=ann.created_at if is_datetime(ann.created_at) else "",
                        modifyingUser=user,
                        modifiedDateTime=ann.updated_at if is_datetime(ann.updated_at) else "")
            _sub(note, "PlainTextContent").text = xml_text(ann.note)
    _sub(root, "Description").text = f"Exported by Claimdesk {__version__} from {Path(project.path).name}"
    return root, files


def export_qdpx(project, out, document_id: int | None = None, raw: bool = False) -> int:
    """Write a REFI-QDA project exchange file; returns the number of annotations (selections)."""
    root, files = build_project(project, document_id)
    xml = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    with atomic_output(Path(out)) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", xml)
        for name, text in files.items():
            zf.writestr(name, text.encode("utf-8"))
    return sum(1 for _ in root.iter(f"{{{PROJECT_NS}}}PlainTextSelection"))


def build_codebook(project) -> etree._Element:
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS}, origin=f"Claimdesk {__version__}")
    _Codebook(project.tag_types(), project.annotations()).write(root, CODEBOOK_NS)
    return root


def export_qdc(project, out, document_id: int | None = None, raw: bool = False) -> int:
    """Write the codebook as a REFI-QDA ``.qdc``; returns the number of codes."""
    root = build_codebook(project)
    with atomic_output(Path(out)) as tmp:
        tmp.write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))
    return sum(1 for _ in root.iter(f"{{{CODEBOOK_NS}}}Code"))
