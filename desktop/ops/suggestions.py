"""Suggestions for a document, and accepting them: each accepted suggestion is an ordinary tag (the tagging rules
apply: a span the analyst already tagged with the type is not tagged again)."""

from __future__ import annotations

from desktop.assist import Suggestion, suggest
from desktop.domain.model import ClaimdeskError, TagType
from desktop.ops import annotations as annotation_ops
from desktop.ops.changes import Changes


def suggestions_for(project, document_id: int) -> list[Suggestion]:
    """Every suggestion for one document's stored text (offsets are code points of it)."""
    doc = project.document(document_id)
    return suggest(doc.text, language=doc.language or None)


def _values(tag_type: TagType, suggestion: Suggestion) -> dict:
    """The suggested speaker, target and stance the type has fields for (a stance outside its choices is left
    for the analyst)."""
    fields = {f.name: f for f in tag_type.fields}
    values = {}
    for name in ("speaker", "target", "stance"):
        value = getattr(suggestion, name)
        spec = fields.get(name)
        if value and spec is not None and (not spec.choices or value in spec.choices):
            values[name] = value
    return values


def accept(project, document_id: int, suggestion: Suggestion) -> Changes:
    """Tag one suggestion with the tag type of its name."""
    tag_type = project.find_tag_type(suggestion.type)
    return annotation_ops.tag(project, document_id, tag_type.id, suggestion.start, suggestion.end,
                              _values(tag_type, suggestion), expected_text=suggestion.text)


def accept_all(project, document_id: int, type_name: str) -> Changes:
    """Tag every suggestion of one type in a document; returns what was added."""
    tag_type = project.find_tag_type(type_name)
    changes = Changes()
    for suggestion in suggestions_for(project, document_id):
        if suggestion.type.casefold() != tag_type.name.casefold():
            continue
        try:
            changes = changes.merge(accept(project, document_id, suggestion))
        except ClaimdeskError:
            continue  # a suggestion the project's rules refuse (say, a span across a document edit) is skipped
    changes.notice = ""
    return changes
