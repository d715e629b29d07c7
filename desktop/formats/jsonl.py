"""JSON Lines: one annotation per line with every field, for scripts, pandas and NLP tools.

Offsets come twice, clearly named: ``start``/``end`` count Unicode code points of the stored text (Python's
``text[start:end]``), ``start_utf16``/``end_utf16`` count UTF-16 code units (JavaScript, Java, C#, Qt). Each line
names its document by id, uuid, title and the sha256 of its UTF-8 text; the text itself is not repeated.

Importing our own JSON Lines puts the annotations into a project that already holds the documents (matched by
sha256, then uuid, then title), keeping uuid, author and times.
"""

from __future__ import annotations

import json
from pathlib import Path

from desktop.domain.offsets import OffsetMap
from desktop.formats.exchange import (
    DocumentRef,
    ExchangeFileError,
    ImportBatch,
    Pending,
    atomic_output,
    read_utf8,
)
from desktop.formats.importing import ImportResult

FIELDS = (
    "annotation_id", "uuid", "document_id", "document_uuid", "document_title", "document_sha256", "tag",
    "tag_color", "start", "end", "start_utf16", "end_utf16", "text", "prefix", "suffix", "speaker", "target",
    "stance", "note", "fields", "annotator", "created_at", "updated_at", "orphan", "document_outlet",
    "document_url", "document_published",
)


def iter_documents(project, document_id: int | None):
    """The documents to export, each with its annotations (one query per document, none per annotation)."""
    ids = [document_id] if document_id is not None else [d.id for d in project.documents()]
    for doc_id in ids:
        anns = project.annotations(doc_id)
        if anns:
            yield project.document(doc_id), anns


def record(doc, ann, tag, offsets: OffsetMap) -> dict:
    return {
        "annotation_id": ann.id, "uuid": ann.uuid, "document_id": doc.id, "document_uuid": doc.uuid,
        "document_title": doc.title, "document_sha256": doc.sha256, "tag": tag.name, "tag_color": tag.color,
        "start": ann.start, "end": ann.end,
        "start_utf16": offsets.to_utf16(ann.start), "end_utf16": offsets.to_utf16(ann.end),
        "text": ann.text, "prefix": ann.prefix, "suffix": ann.suffix, "speaker": ann.speaker,
        "target": ann.target, "stance": ann.stance, "note": ann.note, "fields": dict(ann.fields),
        "annotator": ann.annotator, "created_at": ann.created_at, "updated_at": ann.updated_at,
        "orphan": ann.orphan, "document_outlet": doc.outlet, "document_url": doc.url,
        "document_published": doc.published,
    }


def export_jsonl(project, out, document_id: int | None = None, raw: bool = False) -> int:
    """Write one JSON object per annotation (UTF-8, ``\\n`` line ends); returns the count."""
    tags = {t.id: t for t in project.tag_types()}
    count = 0
    with atomic_output(Path(out)) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        for doc, anns in iter_documents(project, document_id):
            offsets = OffsetMap(doc.text)
            for ann in anns:
                fh.write(json.dumps(record(doc, ann, tags[ann.tag_type_id], offsets), ensure_ascii=False))
                fh.write("\n")
                count += 1
    return count


def _text(value) -> str:
    return "" if value is None else str(value)


def import_jsonl(project, path: Path) -> ImportResult:
    """Import annotations from our JSON Lines into the project's matching documents."""
    path = Path(path)
    batch = ImportBatch(project, path.name)
    lines = read_utf8(path).split("\n")
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            batch.problem(f"line {number}: not JSON ({exc.msg})")
            continue
        except (RecursionError, ValueError):  # nesting too deep, a number of thousands of digits
            batch.problem(f"line {number}: not JSON Claimdesk can read (nested too deep or a number too long)")
            continue
        if not isinstance(item, dict) or not str(item.get("tag") or "").strip() or "start" not in item or "end" not in item:
            batch.problem(f"line {number}: not a Claimdesk annotation (it needs tag, start and end)")
            continue
        try:
            start, end = int(item["start"]), int(item["end"])
        except (TypeError, ValueError, OverflowError):
            batch.problem(f"line {number}: start and end must be whole numbers")
            continue
        fields = item.get("fields") or {}
        if not isinstance(fields, dict):
            fields = {}
        batch.declare_tag(str(item["tag"]), color=_text(item.get("tag_color")))
        doc_id = item.get("document_id")
        batch.add(Pending(
            where=f"line {number}",
            doc=DocumentRef(sha256=_text(item.get("document_sha256")), uuid=_text(item.get("document_uuid")),
                            title=_text(item.get("document_title")),
                            id=doc_id if isinstance(doc_id, int) else None),
            tag=str(item["tag"]), start=start, end=end,
            text=item["text"] if isinstance(item.get("text"), str) else None,
            prefix=_text(item.get("prefix")), suffix=_text(item.get("suffix")),
            speaker=_text(item.get("speaker")), target=_text(item.get("target")),
            stance=_text(item.get("stance")), note=_text(item.get("note")),
            fields={str(k): _text(v) for k, v in fields.items()},
            annotator=_text(item.get("annotator")), created_at=_text(item.get("created_at")),
            updated_at=_text(item.get("updated_at")), uuid=_text(item.get("uuid")),
            orphan=bool(item.get("orphan")),
        ))
    if not batch.pending and not batch.problems:
        raise ExchangeFileError(f"{path.name} holds no annotations")
    return batch.run()
