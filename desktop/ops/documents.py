"""Documents: add one from text, change what an analyst cites (metadata), correct its text, and the sample
project of the first run. Each writes in one transaction and says what changed."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.model import ClaimdeskError, Document
from desktop.domain.text import find_occurrence
from desktop.ops.changes import Changes
from desktop.store.reanchor import ReanchorReport, replace_document_text

__all__ = ["ReanchorReport", "add_text", "correct_text", "make_sample_project", "update_properties"]

SAMPLE_TITLE = "Sample: the Kremlin on talks with Zelenskyy"
SAMPLE_OUTLET = "JND"
SAMPLE_ANNOTATOR = "Claimdesk sample"
PESKOV, ZELENSKYY = "Dmitry Peskov", "Volodymyr Zelenskyy"
SAMPLE_QUOTE = ("Putin himself said that he would be ready to negotiate with Zelenskyy if necessary but the legal basis "
                "of agreements needs discussion considering the reality that Zelenskyy\u2019s legitimacy can be "
                "questioned")
# (tag type, exact text, values): a quote, a legitimacy assertion nested in it and a claim, made by hand.
SAMPLE_ANNOTATIONS = (
    ("Quote", SAMPLE_QUOTE, {"speaker": PESKOV}),
    ("Legitimacy assertion", "Zelenskyy\u2019s legitimacy can be questioned",
     {"speaker": PESKOV, "target": ZELENSKYY, "stance": "questions"}),
    ("Claim", "Putin is open to negotiating with Ukrainian President Volodymyr Zelenskyy", {"speaker": PESKOV}),
)


def add_text(project, text: str, title: str, **meta) -> tuple[Document, Changes]:
    """A new document from text (pasted, say). Raises DuplicateDocument when the project holds the same text."""
    doc = project.add_document(text, title, **meta)
    return doc, Changes(documents_added=[doc.id])


def update_properties(project, document_id: int, **changes) -> tuple[Document, Changes]:
    """Change a document's metadata (title, outlet, author, URL, date, language, note); never its text."""
    doc = project.update_document(document_id, **changes)
    return doc, Changes(documents_updated=[document_id])


def correct_text(project, document_id: int, new_text: str) -> tuple[ReanchorReport, Changes]:
    """Correct a document's text; every annotation follows its text or becomes an orphan (one transaction)."""
    report = replace_document_text(project, document_id, new_text)
    return report, Changes(documents_updated=[document_id], texts_corrected=[document_id])


def annotate_sample(project, document_id: int) -> int:
    """Tag the sample article as an analyst would, so the first run shows finished work; returns how many were
    made. A passage or tag type that is not there (an edited codebook or article) is left out."""
    text = project.document_text(document_id)
    made = 0
    for type_name, needle, values in SAMPLE_ANNOTATIONS:
        try:
            tag_type = project.find_tag_type(type_name)
            start, end = find_occurrence(text, needle)
            project.create_annotation(document_id, tag_type.id, start, end, annotator=SAMPLE_ANNOTATOR,
                                      expected_text=needle, **values)
        except ClaimdeskError:
            continue
        made += 1
    return made


def make_sample_project(path: Path) -> Path:
    """A new project holding the sample article, titled and tagged, so a first-time user sees something real."""
    from desktop.domain.resources import sample_article
    from desktop.formats.importing import import_path
    from desktop.store import Project

    with Project.open(path, create=True) as project:
        if project.document_count() == 0:
            result = import_path(project, sample_article())
            for doc in result.documents:
                project.update_document(doc.id, title=SAMPLE_TITLE, outlet=SAMPLE_OUTLET)
                annotate_sample(project, doc.id)
    return path
