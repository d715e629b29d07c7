"""A project with everything the exchange formats must carry, and how to compare two projects' annotations.

Imported by the other test_exchange_* modules (it holds no tests itself).
"""

from __future__ import annotations

from desktop.domain.model import FieldSpec
from desktop.store import Project

ARTICLE = (
    "Peskov said 🙂 that Zelenskyy’s legitimacy can be questioned.\n"
    "The 𝕏 post read: =SUM(1,2) and more — “we will not negotiate”.\n"
    "\n"
    "A second paragraph: the Kyiv office called the claim \"absurd\" 👍🏽 and moved on."
)
SECOND = "Another article.\nWith two lines and a claim here, in Ukrainian: Зеленський."


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def build_rich_project(path) -> Project:
    """Two documents; overlapping spans, emoji before and inside spans, every attribute, tricky notes."""
    p = Project.open(path, create=True)
    p.annotator = "ana"
    doc = p.add_document(ARTICLE, "Kremlin 🙂 statement", outlet="TASS", url="https://tass.com/politics/1",
                         published="2024-05-20", author="Staff", language="en")
    doc2 = p.add_document(SECOND, "Second article")
    quote, claim, legit = (p.find_tag_type(k) for k in ("1", "2", "3"))
    p.update_tag_type(legit.id, fields=[*legit.fields, FieldSpec("certainty", ("high", "low")),
                                        FieldSpec("source kind")])
    s, e = _span(ARTICLE, "Zelenskyy’s legitimacy can be questioned")
    p.create_annotation(doc.id, legit.id, s, e, speaker="Dmitry Peskov", target="Volodymyr Zelenskyy",
                        stance="questions", note='=HYPERLINK("x")\nsecond line\twith a tab',
                        fields={"certainty": "high", "source kind": "press | call, quoted_100%"})
    # Overlaps the one above and starts before the emoji.
    p.create_annotation(doc.id, quote.id, 0, e + 1, speaker="Dmitry Peskov", annotator="bob")
    s, e = _span(ARTICLE, "𝕏 post read: =SUM(1,2) and more")
    p.create_annotation(doc.id, claim.id, s, e, note="-starts with a minus", annotator="")
    # Crosses the blank line between paragraphs.
    s, _ = _span(ARTICLE, "read:")
    _, e = _span(ARTICLE, "A second")
    p.create_annotation(doc.id, quote.id, s, e, speaker="@handle")
    s, e = _span(ARTICLE, "called the claim \"absurd\" 👍🏽")
    p.create_annotation(doc.id, legit.id, s, e, speaker="Kyiv office", target="Dmitry Peskov", stance="denies",
                        fields={"certainty": "low"})
    # The same span twice, with two tags.
    s, e = _span(ARTICLE, "the claim")
    p.create_annotation(doc.id, claim.id, s, e)
    p.create_annotation(doc.id, quote.id, s, e, speaker="Someone_with_underscore")
    s, e = _span(SECOND, "Зеленський")
    p.create_annotation(doc2.id, claim.id, s, e, speaker="Зеленський В.", note="Кириллица 🙂")
    return p


def copy_documents(source: Project, target: Project) -> None:
    """Put the source's documents into the target (for formats that carry no text), in another order."""
    for summary in reversed(source.documents()):
        doc = source.document(summary.id)
        target.add_document(doc.text, doc.title)


def rows(project: Project, keep: tuple[str, ...]) -> list[tuple]:
    """Every annotation as (document sha256, tag name, start, end, text, *kept fields), sorted."""
    out = []
    for a in project.annotations():
        out.append((project.document(a.document_id).sha256, project.tag_type(a.tag_type_id).name, a.start, a.end,
                    a.text, *(getattr(a, k) for k in keep)))
    return sorted(out, key=repr)


CONTENT = ("speaker", "target", "stance", "note", "fields")
