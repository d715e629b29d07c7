"""Reading REFI-QDA project exchange files (``.qdpx``) and codebooks (``.qdc``) from ATLAS.ti, NVivo, MAXQDA,
QualCoder and Claimdesk itself.

Real files differ from the standard, and all of these are read: the inner file ``project.qde`` or named after the
project, the folder ``sources/`` or ``Sources/``, the namespace of version 1.0, an older one or none, texts with a
UTF-8 byte-order mark or CRLF line ends, positions in code points or (NVivo) UTF-16 units with CRLF as two (see
:mod:`.positions`). Texts are stored normalised (no mark, ``\\n``) and positions converted to them. Sources of other
kinds (PDF, pictures, audio, video), empty or unreadable sources and selections that cannot be placed are
reported, never dropped silently; the rest of the project is imported.

Tools that code a selection with several codes write one ``PlainTextSelection`` per code (QualCoder does, also
for a tag and its ``stance:`` child code): the codings of one place in one source (same start and end) are read
as one selection. Two codes of the same name under different parents stay apart as ``Parent / Child``. A source
without a name is titled after its file (``Interview 3.txt`` gives "Interview 3"), else "Source N".
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lxml import etree

from desktop.domain.model import BUILTIN_FIELDS, FieldSpec
from desktop.formats.exchange import ExchangeFileError, ImportBatch, NewDocument, Pending
from desktop.formats.importing import ImportResult
from desktop.formats.refi.mapping import (
    DOCUMENT_VARIABLES,
    child,
    children,
    is_guid,
    local,
    read_description,
    split_pair,
    text_of,
)
from desktop.formats.refi.positions import SourceText, choose_counting, reads_as
from desktop.formats.textfile import UnreadableDocument, decode_bytes

MAX_MEMBER = 200 * 1024 * 1024
MEMO_TAG = "Memo"  # the tag of selections that carry only a memo (MAXQDA writes those)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)


@dataclass
class _Code:
    name: str
    tag: str = ""  # the tag type this code is, or whose attribute value it is
    pair: tuple[str, str] | None = None  # (field, value) for an attribute code


def _color(value: str) -> str:
    value = (value or "").strip()
    if len(value) == 4 and value.startswith("#"):
        value = "#" + "".join(c * 2 for c in value[1:])
    return value.upper() if len(value) == 7 and value.startswith("#") else ""


def _decode(data: bytes, name: str) -> str:
    """The text of a source or note file: '' when it holds only white space (UnreadableDocument if binary)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "\ufeff" + data[3:].decode("utf-8", errors="replace")
    return decode_bytes(data, name)[0] if data.strip() else ""


def _file_title(path: str) -> str:
    """``internal://Interview 3.txt`` -> ``Interview 3``; '' for a file named by its guid."""
    stem = PurePosixPath(path.split("://", 1)[-1].replace("\\", "/")).stem.strip()
    return "" if is_guid(stem) else stem


def _parse(data: bytes, name: str):
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ExchangeFileError(f"{name} is not readable XML ({exc})") from None


class _Reader:
    def __init__(self, root, batch: ImportBatch):
        self.root = root
        self.batch = batch
        self.codes: dict[str, _Code] = {}
        self.users = {u.get("guid", ""): u.get("name", "") for u in root.iter() if local(u) == "User"}
        origin = (root.get("origin") or "").lower()
        self.prefer_utf16 = "nvivo" in origin

    # ------------------------------------------------------------------ codebook
    def read_codebook(self, codes_parent) -> None:
        if codes_parent is None:
            return
        tops = [code for codes in children(codes_parent, "Codes") for code in children(codes, "Code")]
        seen: set[str] = set()
        self.repeated: set[str] = set()  # code names used more than once (casefolded)
        for el in (e for top in tops for e in top.iter() if local(e) == "Code"):
            name = (el.get("name") or "").strip().casefold() or "code"
            (self.repeated if name in seen else seen).add(name)
        for code in tops:
            self._code(code, None, ())

    def _tag_name(self, name: str, path: tuple[str, ...]) -> str:
        """A code's tag type name: its own, or prefixed with its parents' when another code has the same name."""
        if name.casefold() not in self.repeated or not path:
            return name
        taken = {c.tag.casefold() for c in self.codes.values() if c.tag and not c.pair}
        for depth in range(1, len(path) + 1):
            tag = " / ".join([*path[-depth:], name])
            if tag.casefold() not in taken:
                break
        return tag

    def _code(self, el, parent: _Code | None, path: tuple[str, ...]) -> None:
        guid_ = el.get("guid", "")
        name = (el.get("name") or "").strip() or "Code"
        codable = (el.get("isCodable") or "true").strip().lower() != "false"
        pair = split_pair(name) if parent is not None and parent.tag else None
        if pair is not None:
            code = _Code(name, tag=parent.tag, pair=pair)
            choices = [c.pair[1] for c in self.codes.values() if c.tag == parent.tag and c.pair
                       and c.pair[0] == pair[0]] + [pair[1]]
            self.batch.declare_tag(parent.tag)
            self._merge_choices(parent.tag, pair[0], choices)
        elif codable:
            tag = self._tag_name(name, path)
            code = _Code(name, tag=tag)
            self.batch.declare_tag(tag, color=_color(el.get("color", "")), description=text_of(el, "Description"))
        else:
            code = _Code(name)
        self.codes[guid_] = code
        for sub in children(el, "Code"):
            self._code(sub, code, (*path, name))

    def _merge_choices(self, tag: str, field_name: str, choices: list[str]) -> None:
        spec = self.batch.tags[tag]
        spec.fields = [f for f in spec.fields if f.name != field_name] + [FieldSpec(field_name, tuple(choices))]

    # ------------------------------------------------------------------ project
    def read_project(self, read_member) -> None:
        root, batch = self.root, self.batch
        self.read_codebook(child(root, "CodeBook"))
        variables = {v.get("guid", ""): v.get("name", "") for v in root.iter() if local(v) == "Variable"}
        notes = {n.get("guid", ""): self._note_text(n, read_member) for n in children(child(root, "Notes"), "Note")}
        case_values: dict[str, list[tuple[str, str]]] = {}
        case_guids: dict[str, tuple[str, str]] = {}
        for case in children(child(root, "Cases"), "Case"):
            pair = split_pair(case.get("name") or "")
            if pair is None:
                continue
            case_guids[case.get("guid", "")] = pair
            for ref in children(case, "SelectionRef"):
                case_values.setdefault(ref.get("targetGUID", ""), []).append(pair)
        linked: dict[str, list[str]] = {}
        for link in root.iter():
            if local(link) == "Link":
                a, b = link.get("originGUID", ""), link.get("targetGUID", "")
                if a in notes:
                    linked.setdefault(b, []).append(a)
                elif b in notes:
                    linked.setdefault(a, []).append(b)
        self.notes, self.case_values, self.case_guids, self.linked = notes, case_values, case_guids, linked
        other = 0
        sources = child(root, "Sources")
        for number, source in enumerate(list(sources) if sources is not None else [], 1):
            kind = local(source)
            if kind == "TextSource":
                self._text_source(source, number, variables, read_member)
            elif kind:
                other += 1
        if other:
            batch.problem(f"{other} source(s) other than text (PDF, picture, audio, video) were not imported")

    def _note_text(self, note, read_member) -> str:
        content = child(note, "PlainTextContent")
        if content is not None:
            return content.text or ""
        path = note.get("plainTextPath") or ""
        data = read_member(path) if path else None
        try:
            text = _decode(data, path).strip() if data else ""
        except UnreadableDocument as exc:
            self.batch.problem(f"note {note.get('name') or path!r}: {exc}; not imported")
            text = ""
        return text or text_of(note, "Description")

    def _text_source(self, source, number: int, variables: dict, read_member) -> None:
        batch = self.batch
        path = source.get("plainTextPath") or ""
        title = ((source.get("name") or "").strip() or _file_title(path or source.get("richTextPath") or "")
                 or f"Source {number}")
        selections = children(source, "PlainTextSelection")
        content = child(source, "PlainTextContent")
        if content is not None and content.text:
            raw = content.text
        else:
            data = read_member(path) if path else None
            if data is None:
                batch.problem(f"source {title!r}: its text ({path or 'no path'}) is not in the file; "
                              f"{len(selections)} selection(s) not imported")
                return
            try:
                raw = _decode(data, title)
            except UnreadableDocument as exc:
                batch.problem(f"source {title!r}: {exc}; {len(selections)} selection(s) not imported")
                return
        text = SourceText(raw)
        if not text.text.strip():
            batch.problem(f"source {title!r} is empty; {len(selections)} selection(s) not imported")
            return
        meta = {}
        for vv in children(source, "VariableValue"):
            ref = child(vv, "VariableRef")
            name = variables.get(ref.get("targetGUID", "") if ref is not None else "", "")
            values = [c.text for c in vv if local(c).endswith("Value") and c.text]
            if name in DOCUMENT_VARIABLES and values:
                meta[name] = values[0].strip()
        if text_of(source, "Description"):
            meta["note"] = text_of(source, "Description")
        key = source.get("guid") or title
        batch.add_document(NewDocument(key=key, text=text.text, title=title, meta=meta))
        if children(source, "Coding"):
            batch.problem(f"source {title!r}: codings of the whole source were not imported")
        positions = []
        for sel in selections:
            try:
                positions.append((int(sel.get("startPosition")), int(sel.get("endPosition")), sel.get("name") or ""))
            except (TypeError, ValueError):
                positions.append((-1, -1, sel.get("name") or ""))
        counting, names_are_text = choose_counting(text, positions, self.prefer_utf16)
        placed: dict[tuple[int, int], list] = {}  # span -> the selections there (one per code, as QualCoder writes)
        for sel, (start, end, name) in zip(selections, positions):
            where = f"selection {start}-{end} of {title!r}"
            span = text.span(counting, start, end)
            if span is not None and names_are_text and name.strip() and not reads_as(text.text[span[0]:span[1]], name):
                span = self._find(text.text, name, span[0])
            if span is None:
                shown = f" ({name[:40]!r})" if name.strip() else ""
                batch.problem(f"{where}{shown} cannot be placed in the text (positions read as "
                              f"{counting.describe()}); not imported")
                continue
            placed.setdefault(span, []).append((sel, where))
        for span, found in placed.items():
            self._selection([sel for sel, _ in found], key, found[0][1], span)

    @staticmethod
    def _find(text: str, name: str, near: int) -> tuple[int, int] | None:
        hits = []
        start = text.find(name)
        while start >= 0:
            hits.append(start)
            start = text.find(name, start + 1)
        if not hits or not name.strip():
            return None
        best = min(hits, key=lambda s: abs(s - near))
        return best, best + len(name)

    def _selection(self, sels: list, doc_key: str, where: str, span: tuple[int, int]) -> None:
        """One annotation per tag coded at this place. A tag takes the values and notes of the selections that
        code it (with its code or a child code); those of a selection without codes go to every tag."""
        tags: dict[str, tuple[object, dict[str, str], list[str]]] = {}  # tag -> first selection, values, notes
        loose_values: dict[str, str] = {}
        loose_notes: list[str] = []
        for sel in sels:
            coded: dict[str, dict[str, str]] = {}
            values: dict[str, str] = {}
            for coding in children(sel, "Coding"):
                ref = child(coding, "CodeRef")
                target = ref.get("targetGUID", "") if ref is not None else ""
                code = self.codes.get(target)
                if code is not None and code.tag:
                    coded.setdefault(code.tag, {}).update([code.pair] if code.pair else [])
                elif target in self.case_guids:  # tools that code a case like a code
                    values.__setitem__(*self.case_guids[target])
            values.update(self.case_values.get(sel.get("guid", ""), []))
            note, described = read_description(text_of(sel, "Description"))
            values = {**described, **values}  # a readable speaker/target line stands in for a missing case
            note_ids = [r.get("targetGUID", "") for r in children(sel, "NoteRef")]
            notes = [note, *(self.notes.get(n, "") for n in note_ids + self.linked.get(sel.get("guid", ""), []))]
            if not coded and not values and not "".join(notes).strip():
                self.batch.problem(f"{where} has no code; not imported")
            elif not coded:
                loose_values.update(values)
                loose_notes += notes
            for tag, own in coded.items():
                _, tag_values, tag_notes = tags.setdefault(tag, (sel, {}, []))
                tag_values.update({**values, **own})
                tag_notes += notes
        if not tags:
            if not "".join(loose_notes).strip() and not loose_values:
                return  # reported above
            tags = {MEMO_TAG: (sels[0], {}, [])}
        used: set[str] = set()
        for tag, (sel, own, own_notes) in tags.items():
            sel_guid = (sel.get("guid") or "").strip("{}").lower()
            values = {**loose_values, **own}
            note = "\n\n".join(dict.fromkeys(t.strip() for t in own_notes + loose_notes if t and t.strip()))
            user = self.users.get(sel.get("creatingUser") or sel.get("modifyingUser") or "", "")
            self.batch.add(Pending(
                where=where, doc=doc_key, tag=tag, start=span[0], end=span[1], speaker=values.get("speaker", ""),
                target=values.get("target", ""), stance=values.get("stance", ""), note=note,
                fields={k: v for k, v in values.items() if k not in BUILTIN_FIELDS},
                annotator=user, created_at=sel.get("creationDateTime") or "",
                updated_at=sel.get("modifiedDateTime") or sel.get("creationDateTime") or "",
                uuid=sel_guid if sel_guid not in used else ""))
            used.add(sel_guid)


# ----------------------------------------------------------------------------------------------- entry points
def _zip_reader(zf: zipfile.ZipFile, base: PurePosixPath):
    members = {info.filename.replace("\\", "/").lower(): info for info in zf.infolist() if not info.is_dir()}
    by_basename: dict[str, zipfile.ZipInfo] = {}
    for name, info in members.items():
        by_basename.setdefault(name.rsplit("/", 1)[-1], info)

    def read(path: str) -> bytes | None:
        """The bytes of an ``internal://`` (or relative) path, looked up in sources/ or Sources/, any case."""
        name = path.split("://", 1)[-1].lstrip("/").replace("\\", "/").lower()
        folder = str(base).lower()
        candidates = [f"{folder}/sources/{name}", f"sources/{name}", f"{folder}/{name}", name]
        info = next((members[c.removeprefix("./")] for c in candidates if c.removeprefix("./") in members),
                    by_basename.get(name.rsplit("/", 1)[-1]))
        if info is None or info.file_size > MAX_MEMBER:
            return None
        return zf.read(info)

    return read


def _find_qde(zf: zipfile.ZipFile, name: str) -> zipfile.ZipInfo:
    qdes = [i for i in zf.infolist() if i.filename.lower().endswith(".qde") and not i.is_dir()]
    if not qdes:
        raise ExchangeFileError(f"{name} holds no project (.qde) file; it is not a REFI-QDA project")
    qdes.sort(key=lambda i: (i.filename.count("/"), i.filename.lower() != "project.qde", i.filename))
    if qdes[0].file_size > MAX_MEMBER:
        raise ExchangeFileError(f"{name}: the project file is larger than {MAX_MEMBER // 1_000_000} MB")
    return qdes[0]


def import_qdpx(project, path: Path) -> ImportResult:
    """Import a REFI-QDA project: its codebook, text sources and coded selections."""
    path = Path(path)
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise ExchangeFileError(f"{path.name} is not a REFI-QDA project (it is not a zip archive)") from None
    with zf:
        info = _find_qde(zf, path.name)
        root = _parse(zf.read(info), info.filename)
        if local(root) != "Project":
            raise ExchangeFileError(f"{path.name}: {info.filename} is not a REFI-QDA project file")
        batch = ImportBatch(project, path.name)
        _Reader(root, batch).read_project(_zip_reader(zf, PurePosixPath(info.filename).parent))
    return batch.run()


def import_qdc(project, path: Path) -> ImportResult:
    """Import a REFI-QDA codebook: its codes become tag types (with colours and descriptions)."""
    path = Path(path)
    root = _parse(path.read_bytes(), path.name)
    if local(root) != "CodeBook":
        raise ExchangeFileError(f"{path.name} is not a REFI-QDA codebook")
    batch = ImportBatch(project, path.name)
    reader = _Reader(root, batch)
    reader.read_codebook(root)
    if not batch.tags:
        raise ExchangeFileError(f"{path.name} holds no codes")
    return batch.run()
