"""The tagging rules every front end shares: no duplicate of one analyst's span, speakers inherited from the
annotation around a span; read back from the real file."""

from __future__ import annotations

from desktop.ops import annotations as ops
from desktop.store import Project


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def test_the_same_analyst_tagging_the_same_span_twice_selects_the_first(project, sample_doc):
    quote = project.find_tag_type("Quote")
    start, end = _span(sample_doc.text, "legitimacy")
    first = ops.tag(project, sample_doc.id, quote.id, start, end, annotator="Ana")
    again = ops.tag(project, sample_doc.id, quote.id, start, end, annotator="Ana")
    assert not again.wrote and again.selected == first.selected
    assert "Already tagged" in again.notice
    with Project.open(project.path, readonly=True) as reread:
        assert len(reread.annotations(sample_doc.id)) == 1


def test_two_analysts_identical_spans_are_two_annotations(project, sample_doc):
    quote = project.find_tag_type("Quote")
    start, end = _span(sample_doc.text, "legitimacy")
    ops.tag(project, sample_doc.id, quote.id, start, end, annotator="Ana")
    other = ops.tag(project, sample_doc.id, quote.id, start, end, annotator="Ben")
    assert other.wrote
    with Project.open(project.path, readonly=True) as reread:
        assert sorted(a.annotator for a in reread.annotations(sample_doc.id)) == ["Ana", "Ben"]


def test_a_span_inside_a_quote_takes_the_innermost_speaker(project, sample_doc):
    quote = project.find_tag_type("Quote")
    claim = project.find_tag_type("Claim")
    text = sample_doc.text
    outer = (0, len(text.split("\n")[0]) or 40)
    ops.tag(project, sample_doc.id, quote.id, *outer, {"speaker": "Outer Speaker"})
    inner = (outer[0] + 2, outer[1] - 2)
    ops.tag(project, sample_doc.id, quote.id, *inner, {"speaker": "Inner Speaker"})
    made = ops.tag(project, sample_doc.id, claim.id, inner[0] + 1, inner[0] + 6)
    with Project.open(project.path, readonly=True) as reread:
        assert reread.annotation(made.selected).speaker == "Inner Speaker"


def test_a_given_speaker_is_kept(project, sample_doc):
    quote = project.find_tag_type("Quote")
    ops.tag(project, sample_doc.id, quote.id, 0, 30, {"speaker": "Outer Speaker"})
    made = ops.tag(project, sample_doc.id, quote.id, 2, 10, {"speaker": "Someone Else"})
    assert project.annotation(made.selected).speaker == "Someone Else"
