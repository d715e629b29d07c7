"""brat standoff: a folder with ``NAME.txt`` (the text exactly as stored: UTF-8, ``\\n``) and ``NAME.ann`` per
document, plus ``annotation.conf`` and ``visual.conf`` so brat shows the codebook with its colours.

- Each annotation is an entity ``T``; brat type names cannot hold spaces, so ``Legitimacy assertion`` becomes
  ``Legitimacy_assertion`` and visual.conf's ``[labels]`` keeps the real name. A span that crosses line breaks
  is written as fragments split at the breaks (``10 20;21 30``), as brat itself does.
- Speaker, target, stance and custom fields are attributes (``A`` lines). brat values are single tokens, so a
  space is written ``_`` and ``_``, ``%``, ``|``, ``,``, ``:`` and other white space are percent-encoded
  (``Dmitry_Peskov``); attribute names keep ``_`` and write a space ``%20``. The import decodes both, and reads
  ``_`` as a space only in a folder Claimdesk wrote (its ``annotation.conf`` or export marker says so): another
  tool's ``Not_Applicable`` stays ``Not_Applicable``.
- The note is an ``AnnotatorNotes`` line (``#``), with line breaks, tabs and backslashes written ``\\n``,
  ``\\t`` and ``\\\\``.
- Offsets are code points of the ``.txt``, as brat counts them. brat has no place for the annotator or times.
- Import reports what it leaves out: relations, events, normalisations, ``#`` comments other than
  ``AnnotatorNotes``, and notes on relations or events.
- ``annotation.conf`` allows any overlap (``<OVERLAP> ... <ANY>``) and lists the attribute values in use.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import quote, unquote

from desktop.domain.model import BUILTIN_FIELDS, FieldSpec
from desktop.formats.exchange import ExchangeFileError, ImportBatch, NewDocument, Pending, RawText
from desktop.formats.importing import ImportResult
from desktop.formats.textfile import MAX_BYTES

CHOICES_MARK = "# Claimdesk fields with fixed choices:"
CONF_MARK = "# Written by Claimdesk."
_UNSAFE_NAME = re.compile(r'[\x00-\x1f<>:"/\\|?*\x7f]')
_LABEL = re.compile(r"[^\w\-]")


# ----------------------------------------------------------------------------------------------- encoding
def _quote(text: str) -> str:
    """%-encode what a brat token cannot hold, keeping letters of any script and harmless punctuation readable."""
    out = quote(text, safe="@'()!*+&", encoding="utf-8", errors="strict")
    return re.sub(r"(%[0-9A-F]{2})+", lambda m: _readable(m.group(0)), out)


def encode_value(value: str) -> str:
    """A brat attribute value token for any text: spaces become ``_`` (and ``_`` itself ``%5F``)."""
    return _quote(value).replace("_", "%5F").replace("%20", "_")


def decode_value(token: str, ours: bool = True) -> str:
    """The value of a token: what Claimdesk wrote (``ours``) is decoded, another tool's value is kept as it is."""
    return unquote(token.replace("_", " ")) if ours else token


def encode_name(name: str) -> str:
    """A brat attribute name: field names keep their underscores; a space is ``%20``."""
    return _quote(name)


def decode_name(token: str) -> str:
    return unquote(token)


def _readable(encoded: str) -> str:
    decoded = unquote(encoded)
    return "".join(ch if (ord(ch) > 127 and not ch.isspace() and ch.isprintable()) else quote(ch, safe="")
                   for ch in decoded)


def escape_note(note: str) -> str:
    return note.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def unescape_note(text: str) -> str:
    return re.sub(r"\\([\\ntr])", lambda m: {"\\": "\\", "n": "\n", "t": "\t", "r": "\r"}[m.group(1)], text)


def label_for(name: str, taken: set[str]) -> str:
    base = _LABEL.sub("_", name.strip()) or "Tag"
    label, n = base, 2
    while label.casefold() in taken:
        label, n = f"{base}_{n}", n + 1
    taken.add(label.casefold())
    return label


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of ``text[start:end]`` between line breaks (empty pieces left out)."""
    pieces, s = [], start
    while s < end:
        nl = text.find("\n", s, end)
        e = end if nl < 0 else nl
        if e > s:
            pieces.append((s, e))
        s = e + 1
    return pieces


def _file_stem(title: str, doc_id: int, taken: set[str]) -> str:
    stem = _UNSAFE_NAME.sub("_", title).strip(" .")[:80] or f"document {doc_id}"
    candidate, n = stem, 2
    while candidate.casefold() in taken:
        candidate, n = f"{stem} ({n})", n + 1
    taken.add(candidate.casefold())
    return candidate


# ------------------------------------------------------------------------------------------------- export
def export_brat(project, out, document_id: int | None = None, raw: bool = False) -> int:
    """Write a brat corpus folder ``out``; returns the number of annotations."""
    out = Path(out)
    if out.exists() and not _replaceable(out):
        raise ExchangeFileError(f"{out.name} exists and is not an earlier brat export; choose a new folder")
    tmp = out.with_name(out.name + ".part")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    try:
        count = _write_corpus(project, tmp, document_id)
        (tmp / EXPORT_MARKER).write_text("A brat corpus exported by Claimdesk; exporting again replaces this folder.\n",
                                         encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        tmp.rename(out)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    return count


# Written into every exported corpus, so that exporting again may replace it; a folder without it (someone's own
# brat corpus, say) is never deleted.
EXPORT_MARKER = ".claimdesk-export"


def _replaceable(out: Path) -> bool:
    """An empty folder, or an earlier Claimdesk export holding only what an export writes."""
    if not out.is_dir():
        return False
    names = list(out.iterdir())
    if not names:
        return True
    return (out / EXPORT_MARKER).is_file() and all(
        p.is_file() and (p.suffix in (".txt", ".ann", ".conf") or p.name == EXPORT_MARKER) for p in names)


def _write_corpus(project, folder: Path, document_id: int | None) -> int:
    types = project.tag_types()
    taken: set[str] = set()
    labels = {t.id: label_for(t.name, taken) for t in types}
    by_id = {t.id: t for t in types}
    ids = [document_id] if document_id is not None else [d.id for d in project.documents()]
    stems: set[str] = set()
    values: dict[str, set[str]] = {}  # attribute -> encoded values in use
    carriers: dict[str, set[int]] = {}  # attribute -> tag type ids that carry it
    for t in types:
        for f in t.fields:
            carriers.setdefault(f.name, set()).add(t.id)
            values.setdefault(f.name, set()).update(encode_value(c) for c in f.choices)
    count = 0
    for doc_id in ids:
        doc = project.document(doc_id)
        stem = _file_stem(doc.title, doc.id, stems)
        (folder / f"{stem}.txt").write_bytes(doc.text.encode("utf-8"))
        lines: list[str] = []
        t_n = a_n = n_n = 0
        for ann in project.annotations(doc_id):
            if ann.orphan:  # its offsets no longer hold its text: brat can only place text by offsets
                continue
            t_n += 1
            pieces = fragments(doc.text, ann.start, ann.end) or [(ann.start, ann.end)]
            offsets = ";".join(f"{s} {e}" for s, e in pieces)
            shown = " ".join(doc.text[s:e] for s, e in pieces)
            lines.append(f"T{t_n}\t{labels[ann.tag_type_id]} {offsets}\t{shown}")
            attrs = [(name, getattr(ann, name)) for name in BUILTIN_FIELDS] + sorted(ann.fields.items())
            for name, value in attrs:
                if value:
                    a_n += 1
                    token = encode_value(str(value))
                    lines.append(f"A{a_n}\t{encode_name(name)} T{t_n} {token}")
                    values.setdefault(name, set()).add(token)
                    carriers.setdefault(name, set()).add(ann.tag_type_id)
            if ann.note:
                n_n += 1
                lines.append(f"#{n_n}\tAnnotatorNotes T{t_n}\t{escape_note(ann.note)}")
            count += 1
        (folder / f"{stem}.ann").write_bytes(("\n".join(lines) + ("\n" if lines else "")).encode("utf-8"))
    choices = sorted({f.name for t in types for f in t.fields if f.choices})
    _write_conf(folder, types, labels, by_id, values, carriers, choices)
    return count


def _write_conf(folder, types, labels, by_id, values, carriers, choices) -> None:
    conf = [f"{CONF_MARK} brat type names cannot hold spaces; visual.conf keeps the real names.",
            "[entities]", *(labels[t.id] for t in types), "",
            "[relations]", "# Annotations may overlap in any way.",
            "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "",
            "[events]", "", "[attributes]"]
    if choices:
        conf.insert(1, f"{CHOICES_MARK} {', '.join(encode_name(c) for c in choices)}")
    for name, tokens in values.items():
        args = "|".join(labels[i] for i in sorted(carriers.get(name, ())) if i in by_id) or "<ENTITY>"
        if tokens:
            conf.append(f"{encode_name(name)}\tArg:{args}, Value:{'|'.join(sorted(tokens))}")
    (folder / "annotation.conf").write_text("\n".join(conf) + "\n", encoding="utf-8", newline="\n")
    visual = ["[labels]", *(f"{labels[t.id]} | {t.name}" for t in types), "", "[drawing]",
              *(f"{labels[t.id]}\tbgColor:{t.color}" for t in types)]
    (folder / "visual.conf").write_text("\n".join(visual) + "\n", encoding="utf-8", newline="\n")


# ------------------------------------------------------------------------------------------------- import
def written_by_claimdesk(folder: Path) -> bool:
    """Whether a brat folder is a Claimdesk export (so its values write a space as ``_``)."""
    if (folder / EXPORT_MARKER).is_file():
        return True
    conf = folder / "annotation.conf"
    if not conf.is_file():
        return False
    with conf.open("rb") as head:
        return head.read(len(CONF_MARK)).decode("utf-8", "replace") == CONF_MARK


def _read_conf(folder: Path, ours: bool) -> tuple[dict[str, str], dict[str, str], dict[str, list[str]], set[str]]:
    """From visual.conf and annotation.conf: label -> name, label -> colour, attribute -> values, choice fields."""
    names, colors, values, choices = {}, {}, {}, set()
    visual = folder / "visual.conf"
    if visual.is_file():
        section = ""
        for line in visual.read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                section = line[1:-1].strip().lower()
            elif section == "labels" and "|" in line:
                label, name = [part.strip() for part in line.split("|")[:2]]
                names[label] = name
            elif section == "drawing":
                label, _, style = line.partition("\t") if "\t" in line else line.partition(" ")
                found = re.search(r"bgColor:(#[0-9A-Fa-f]{6})\b", style)
                if found:
                    colors[label.strip()] = found.group(1)
    conf = folder / "annotation.conf"
    if conf.is_file():
        section = ""
        for line in conf.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith(CHOICES_MARK):
                choices = {decode_name(v.strip()) for v in line[len(CHOICES_MARK):].split(",") if v.strip()}
                continue
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                section = line[1:-1].strip().lower()
            elif section == "attributes":
                name = line.split()[0]
                found = re.search(r"Value:([^,\s]+)", line)
                if found:
                    values[decode_name(name)] = [decode_value(v, ours) for v in found.group(1).split("|")]
    return names, colors, values, choices


def import_brat(project, path: Path) -> ImportResult:
    """Import one ``.ann`` file with the ``.txt`` beside it (and the folder's .conf files, if any)."""
    path = Path(path)
    txt = path.with_suffix(".txt")
    if not txt.is_file():
        raise ExchangeFileError(f"{path.name} needs its text {txt.name} in the same folder")
    if txt.stat().st_size > MAX_BYTES:
        raise ExchangeFileError(f"{txt.name} is larger than {MAX_BYTES // 1_000_000} MB")
    try:
        raw = RawText(txt.read_bytes().decode("utf-8"))
        ann_text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExchangeFileError(f"{path.stem}: brat files must be UTF-8 (byte {exc.start} is not)") from None
    if not raw.text.strip():
        raise ExchangeFileError(f"{txt.name} is empty")
    ours = written_by_claimdesk(path.parent)
    names, colors, conf_values, choices = _read_conf(path.parent, ours)
    batch = ImportBatch(project, path.name)
    batch.add_document(NewDocument(key="doc", text=raw.text, title=txt.stem, meta={"original_filename": txt.name}))
    entities: dict[str, Pending] = {}
    labels: dict[str, str] = {}
    ignored = comments = other_notes = 0
    for number, line in enumerate(ann_text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        ident, _, rest = line.partition("\t")
        kind = ident[:1]
        if kind == "T":
            found = _entity(batch, raw, ident, rest, number, path.name, names)
            if found is not None:
                entities[ident], labels[ident] = found
        elif kind in "AM":
            parts = rest.split()
            if len(parts) >= 2 and parts[1] in entities:
                name = decode_name(parts[0])
                value = decode_value(parts[2], ours) if len(parts) > 2 else "true"
                target = entities[parts[1]]
                if name in BUILTIN_FIELDS:
                    setattr(target, name, value)
                else:
                    target.fields[name] = value
            else:
                batch.problem(f"{path.name} line {number}: attribute of an unknown entity ({rest[:40]})")
        elif kind == "#":
            head, _, note = rest.partition("\t")
            parts = head.split()
            if len(parts) >= 2 and parts[0] == "AnnotatorNotes" and parts[1] in entities:
                target = entities[parts[1]]
                target.note = "\n\n".join(filter(None, [target.note, unescape_note(note)]))
            elif parts[:1] == ["AnnotatorNotes"]:
                other_notes += 1
            else:
                comments += 1
        else:
            ignored += 1
    if ignored:
        batch.problem(f"{path.name}: {ignored} relation, event or normalisation line(s) were not imported "
                      f"(Claimdesk keeps spans, attributes and notes)")
    if other_notes:
        batch.problem(f"{path.name}: {other_notes} note(s) on relations, events or entities not imported were "
                      f"not imported")
    if comments:
        batch.problem(f"{path.name}: {comments} comment line(s) (#) other than AnnotatorNotes were not imported")
    for ident, pending in entities.items():
        batch.add(pending)
        # Fields brat lists with fixed values keep them as choices (a free-text field's values do not).
        fixed = [FieldSpec(name, tuple(vals)) for name, vals in conf_values.items()
                 if name in choices and (getattr(pending, name) if name in BUILTIN_FIELDS
                                         else pending.fields.get(name))]
        batch.declare_tag(pending.tag, color=colors.get(labels[ident], ""), fields=fixed)
    return batch.run()


def _entity(batch, raw: RawText, ident: str, rest: str, number: int, name: str,
            names: dict) -> tuple[Pending, str] | None:
    """The annotation of a ``T`` line and its brat label, or None (reported) if it cannot be read."""
    head, _, shown = rest.partition("\t")
    label, _, offsets = head.partition(" ")
    try:
        pieces = [tuple(int(x) for x in frag.split()) for frag in offsets.split(";")]
        if any(len(p) != 2 or p[0] >= p[1] for p in pieces):
            raise ValueError
    except ValueError:
        batch.problem(f"{name} line {number}: {ident} has unreadable offsets ({offsets[:40]})")
        return None
    start, end = min(p[0] for p in pieces), max(p[1] for p in pieces)
    if end > len(raw.raw):
        batch.problem(f"{name} line {number}: {ident} ends at {end}, beyond the text ({len(raw.raw)} characters)")
        return None
    expected = " ".join(raw.raw[s:e] for s, e in pieces)
    text = None
    if expected != shown:
        if len(pieces) > 1:
            batch.problem(f"{name} line {number}: {ident} reads {expected[:40]!r} in the text, not "
                          f"{shown[:40]!r}; not imported")
            return None
        text = shown  # placed by its text, nearest to the given offsets
    else:
        gaps = [raw.raw[a[1]:b[0]] for a, b in zip(pieces, pieces[1:])]
        if any(gap.strip() for gap in gaps):
            batch.problem(f"{name} line {number}: {ident} is discontinuous; imported as one span "
                          f"{start}-{end}")
    pending = Pending(where=f"{ident} in {name}", doc="doc", tag=names.get(label, label),
                      start=raw.to_text(start), end=raw.to_text(end), text=text)
    return pending, label
