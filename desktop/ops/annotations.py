"""Tag, edit, retype, move, delete and restore annotations: the rules every front end shares.

Rules:
- **One analyst never tags the same span twice.** Tagging exactly the span and type of an annotation the same
  analyst already made writes nothing and selects that annotation. Two analysts' identical spans are two
  annotations: that is what agreement compares.
- **A span inside an annotation with a speaker takes that speaker** (the innermost one; of two around the same
  text, the newer), when the type has a speaker field and none was given.

Each function writes in one transaction (the store commits before it returns) and returns :class:`Changes`.
"""

from __future__ import annotations

from desktop.domain.model import Annotation
from desktop.ops.changes import Changes
from desktop.store.spans import duplicate_annotation, speaker_around

def tag(project, document_id: int, tag_type_id: int, start: int, end: int, values: dict | None = None, *,
        annotator: str | None = None, expected_text: str | None = None) -> Changes:
    """Tag ``text[start:end]`` of a document with a type, applying the rules above."""
    tag_type = project.tag_type(tag_type_id)
    who = project.annotator if annotator is None else annotator
    same = duplicate_annotation(project, document_id, tag_type_id, start, end, who)
    if same is not None:
        return Changes(selected=same, notice=f"Already tagged as {tag_type.name} \u2014 selected it")
    values = dict(values or {})
    if not values.get("speaker") and "speaker" in tag_type.field_names():
        inherited = speaker_around(project, document_id, start, end)
        if inherited:
            values["speaker"] = inherited
    ann = project.create_annotation(document_id, tag_type_id, start, end, annotator=who,
                                    expected_text=expected_text, **values)
    return Changes(added=[ann], selected=ann.id)


def restore(project, ann: Annotation) -> Changes:
    """Put an annotation back exactly as it was, same id (redo of a tag, undo of a deletion)."""
    ann = project.restore_annotation(ann)
    return Changes(added=[ann], selected=ann.id)


def delete(project, annotation_id: int) -> Changes:
    """Delete an annotation; the change set holds it as it was, so it can be restored."""
    ann = project.delete_annotation(annotation_id)
    return Changes(removed=[ann])


def update(project, annotation_id: int, changes: dict, *, restoring: bool = False) -> Changes:
    """Change attributes, type or span. ``restoring`` puts back values the file held before (an undo), which are
    not checked against the codebook's choices again."""
    old = project.annotation(annotation_id)
    new = project.update_annotation(annotation_id, restoring=restoring, **changes)
    if new == old:
        return Changes(selected=annotation_id)
    return Changes(changed=[(new, old)], selected=annotation_id)


def edit(project, annotation_id: int, **changes) -> Changes:
    """Change speaker, target, stance, note or custom fields (checked against the codebook)."""
    return update(project, annotation_id, changes)


def retype(project, annotation_id: int, tag_type_id: int) -> Changes:
    return update(project, annotation_id, {"tag_type_id": tag_type_id})


def adjust_span(project, annotation_id: int, start: int, end: int) -> Changes:
    """Move an annotation to ``[start, end)`` (an orphan is placed again)."""
    return update(project, annotation_id, {"start": start, "end": end})
