"""W3C Web Annotation (JSON-LD): an AnnotationCollection whose first AnnotationPage holds every annotation.

Each annotation targets its document (``urn:uuid:`` of the document, with ``via`` its web address when it has
one) through a TextQuoteSelector (``exact``, ``prefix``, ``suffix``: anchors even in a copy of the article from
elsewhere) and a TextPositionSelector (``start``/``end`` in code points, as the W3C model counts). Bodies:
the tag (purpose ``tagging``), the note (purpose ``commenting``), and one body per attribute (purpose
``describing``) naming its field. Two terms are added to the standard context: ``field`` for that name and
``sha256`` for the document text's hash, which is how an import finds the document again.
"""

from __future__ import annotations

import json
import re
import uuid as uuidlib
from pathlib import Path

from desktop import __version__
from desktop.domain.model import BUILTIN_FIELDS
from desktop.formats.exchange import (
    DocumentRef,
    ExchangeFileError,
    ImportBatch,
    Pending,
    atomic_output,
    read_utf8,
)
from desktop.formats.importing import ImportResult
from desktop.formats.jsonl import iter_documents
from desktop.store.rows import now

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT = [ANNO_CONTEXT, {"field": "urn:claimdesk:field", "sha256": "urn:claimdesk:sha256",
                          "title": "http://purl.org/dc/terms/title"}]
_WEB = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")


def _urn(value: str, salt: str) -> str:
    try:
        return f"urn:uuid:{uuidlib.UUID(value)}"
    except (ValueError, TypeError):
        return f"urn:uuid:{uuidlib.uuid5(uuidlib.NAMESPACE_URL, salt + ':' + str(value))}"


def annotation_json(doc, ann, tag) -> dict:
    bodies = [{"type": "TextualBody", "purpose": "tagging", "value": tag.name}]
    if ann.note:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": ann.note, "format": "text/plain"})
    values = [(name, getattr(ann, name)) for name in BUILTIN_FIELDS] + sorted(ann.fields.items())
    for name, value in values:
        if value:
            bodies.append({"type": "TextualBody", "purpose": "describing", "field": name, "value": str(value)})
    source = {"id": _urn(doc.uuid, "document"), "type": "Text", "format": "text/plain", "title": doc.title,
              "sha256": doc.sha256}
    if doc.language:
        source["language"] = doc.language
    if _WEB.match(doc.url or ""):
        source["via"] = doc.url
    data = {
        "id": _urn(ann.uuid, "annotation"),
        "type": "Annotation",
        "motivation": "tagging",
        "created": ann.created_at,
        "modified": ann.updated_at,
        "body": bodies,
        "target": {
            "type": "SpecificResource",
            "source": source,
            "selector": [
                {"type": "TextQuoteSelector", "exact": ann.text, "prefix": ann.prefix, "suffix": ann.suffix},
                # An orphan's offsets no longer hold its text: it is anchored by its quote alone.
                *([] if ann.orphan else [{"type": "TextPositionSelector", "start": ann.start, "end": ann.end}]),
            ],
        },
    }
    if ann.annotator:
        data["creator"] = {"type": "Person", "name": ann.annotator}
    return data


def export_w3c(project, out, document_id: int | None = None, raw: bool = False) -> int:
    tags = {t.id: t for t in project.tag_types()}
    items = [annotation_json(doc, ann, tags[ann.tag_type_id])
             for doc, anns in iter_documents(project, document_id) for ann in anns]
    collection_id = _urn(str(Path(project.path).resolve()), "project")
    # The page needs an id of its own: with the collection's id, JSON-LD reads the two as one node.
    page_id = f"urn:uuid:{uuidlib.uuid5(uuidlib.NAMESPACE_URL, collection_id + '/page1')}"
    data = {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": f"Claimdesk project {Path(project.path).stem}",
        "total": len(items),
        "generator": {"type": "Software", "name": f"Claimdesk {__version__}"},
        "generated": now(),
        "first": {"id": page_id, "type": "AnnotationPage", "startIndex": 0,
                  "items": items},
        "last": page_id,
    }
    with atomic_output(Path(out)) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8", newline="\n")
    return len(items)


# ------------------------------------------------------------------------------------------------- import
def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _annotations_in(data) -> list:
    """The annotations of a collection, a page, a single annotation, or a list of them."""
    found = []
    for item in _as_list(data):
        if not isinstance(item, dict):
            continue
        kinds = set(_as_list(item.get("type")))
        if "Annotation" in kinds:
            found.append(item)
        elif "AnnotationCollection" in kinds:
            found.extend(_annotations_in(item.get("first")))
        elif "AnnotationPage" in kinds:
            found.extend(_annotations_in(item.get("items")))
    return found


def _target(annotation: dict) -> tuple[dict, dict, dict]:
    """The target's source, its TextQuoteSelector and its TextPositionSelector (empty dicts where absent)."""
    for target in _as_list(annotation.get("target")):
        if not isinstance(target, dict):
            continue
        source = target.get("source")
        source = source if isinstance(source, dict) else {"id": source or ""}
        quote, position = {}, {}
        for selector in _as_list(target.get("selector")):
            if isinstance(selector, dict):
                kind = selector.get("type")
                if kind == "TextQuoteSelector" and not quote:
                    quote = selector
                elif kind == "TextPositionSelector" and not position:
                    position = selector
        return source, quote, position
    return {}, {}, {}


def _creator(annotation: dict) -> str:
    for creator in _as_list(annotation.get("creator")):
        if isinstance(creator, dict):
            name = creator.get("name") or creator.get("nickname")
            if name:
                return str(_as_list(name)[0])
        elif isinstance(creator, str) and not creator.startswith(("http:", "https:", "urn:")):
            return creator
    return ""


def _text(value) -> str:
    return "" if value is None else str(value)


def _uuid_of(iri: str) -> str:
    return iri[len("urn:uuid:"):] if isinstance(iri, str) and iri.startswith("urn:uuid:") else ""


def import_w3c(project, path: Path) -> ImportResult:
    """Import W3C Web Annotations (ours or another tool's) into the project's matching documents."""
    path = Path(path)
    try:
        data = json.loads(read_utf8(path))
    except json.JSONDecodeError as exc:
        raise ExchangeFileError(f"{path.name} is not JSON ({exc.msg}, line {exc.lineno})") from None
    annotations = _annotations_in(data)
    if not annotations:
        raise ExchangeFileError(f"{path.name} holds no W3C annotations")
    batch = ImportBatch(project, path.name)
    for number, item in enumerate(annotations, 1):
        where = f"annotation {number}"
        source, quote, position = _target(item)
        exact = quote.get("exact") if isinstance(quote.get("exact"), str) else None
        start, end = position.get("start"), position.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            if exact is None:
                batch.problem(f"{where}: it selects no text (no TextQuoteSelector or TextPositionSelector)")
                continue
            start, end = -1, -1
        tags, note, values = [], [], {}
        for body in _as_list(item.get("body")):
            if not isinstance(body, dict) or not isinstance(body.get("value"), str):
                continue
            purposes = _as_list(body.get("purpose"))
            if "tagging" in purposes:
                tags.append(body["value"])
            elif "commenting" in purposes:
                note.append(body["value"])
            elif body.get("field"):
                values[str(body["field"])] = body["value"]
        if not tags:
            batch.problem(f"{where}: it has no tag (no body with purpose tagging)")
            continue
        fields = {k: v for k, v in values.items() if k not in BUILTIN_FIELDS}
        for tag in tags:
            batch.add(Pending(
                where=where,
                doc=DocumentRef(sha256=_text(source.get("sha256")), uuid=_uuid_of(source.get("id")),
                                title=_text(source.get("title"))),
                tag=tag.strip(), start=start, end=end, text=exact, prefix=_text(quote.get("prefix")),
                suffix=_text(quote.get("suffix")), speaker=values.get("speaker", ""),
                target=values.get("target", ""), stance=values.get("stance", ""), note="\n\n".join(note),
                fields=fields, annotator=_creator(item), created_at=_text(item.get("created")),
                updated_at=_text(item.get("modified")),
                uuid=_uuid_of(item.get("id")) if len(tags) == 1 else "",
            ))
    return batch.run()
