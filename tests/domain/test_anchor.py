"""Re-anchoring annotations after the text was corrected: pure, on strings."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.anchor import Anchor, aligned_blocks, reanchor
from desktop.domain.text import context

TEXT = (
    "The Kremlin said the legitimacy of Zelenskyy can be questioned.\n\n"
    "Peskov said: the legitimacy of Zelenskyy can be questioned, and repeated it.\n\n"
    "Kyiv rejected this."
)


def anchor(text: str, start: int, end: int) -> Anchor:
    prefix, suffix = context(text, start, end)
    return Anchor(start, end, text[start:end], prefix, suffix)


def nth(text: str, needle: str, n: int = 1) -> tuple[int, int]:
    pos = -1
    for _ in range(n):
        pos = text.index(needle, pos + 1)
    return pos, pos + len(needle)


def test_spans_before_and_after_an_edit_move_with_the_text():
    first = anchor(TEXT, *nth(TEXT, "The Kremlin"))
    last = anchor(TEXT, *nth(TEXT, "Kyiv rejected this"))
    new = TEXT.replace("Peskov said", "Dmitry Peskov, the spokesman, said")
    assert reanchor(TEXT, new, [first, last]) == [nth(new, "The Kremlin"), nth(new, "Kyiv rejected this")]


def test_repeated_phrase_is_placed_by_its_context_not_its_first_occurrence():
    phrase = "the legitimacy of Zelenskyy can be questioned"
    second = anchor(TEXT, *nth(TEXT, phrase, 2))
    # The edit touches the second occurrence's own line, so it must be searched for.
    new = TEXT.replace("Peskov said: ", "Peskov told reporters: ").replace("and repeated it", "and he repeated it")
    (place,) = reanchor(TEXT, new, [second])
    assert place == nth(new, phrase, 2)


def test_without_context_the_nearest_occurrence_wins():
    old = "alpha one\nalpha two\nalpha three\n"
    third = Anchor(20, 25, "alpha")  # no stored context; its own line is edited
    new = "alpha one\nalpha two\nthe alpha three!\n"
    assert reanchor(old, new, [third]) == [(24, 29)]


def test_text_that_is_gone_cannot_be_placed():
    gone = anchor(TEXT, *nth(TEXT, "Kyiv rejected this"))
    assert reanchor(TEXT, TEXT.replace("Kyiv rejected this.", "Kyiv said nothing."), [gone]) == [None]


def test_an_orphan_is_found_again_when_its_text_comes_back():
    orphan = Anchor(0, 6, "Peskov", "", " said")  # stale offsets: old text no longer holds it there
    assert reanchor("Kyiv rejected this.", "Kyiv rejected this. Peskov said so.", [orphan]) == [(20, 26)]


def test_typo_fix_inside_a_span_orphans_it_but_not_its_neighbours():
    text = "Peskov said the legitimcy is in question. Kyiv disagreed."
    typo = anchor(text, *nth(text, "the legitimcy is in question"))
    kyiv = anchor(text, *nth(text, "Kyiv disagreed"))
    new = text.replace("legitimcy", "legitimacy")
    assert reanchor(text, new, [typo, kyiv]) == [None, nth(new, "Kyiv disagreed")]


def test_aligned_blocks_cover_unchanged_lines_between_two_edits():
    old = "a\nb\nc\nd\ne\n"
    new = "A\nb\nc\nd\nE\n"
    blocks = aligned_blocks(old, new)
    for b in blocks:
        assert old[b.old_start:b.old_end] == new[b.new_start:b.new_start + b.old_end - b.old_start]
    assert any(b.old_start <= 2 and b.old_end >= 8 for b in blocks)


WORDS = st.sampled_from(["Peskov", "said", "the", "legitimacy", "of", "Zelenskyy", "can", "be", "questioned",
                         "Kyiv", "rejected", "it", "\n\n", ".", ",", "«", "»", "🇺🇦", "é"])
TEXTS = st.lists(WORDS, min_size=1, max_size=60).map(" ".join)


@st.composite
def edits(draw):
    old = draw(TEXTS)
    spans = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(old) - 1))
        end = draw(st.integers(start + 1, min(len(old), start + 40)))
        spans.append((start, end))
    # An edit: replace, insert or delete a few stretches.
    new = old
    for _ in range(draw(st.integers(1, 3))):
        a = draw(st.integers(0, len(new)))
        b = draw(st.integers(a, min(len(new), a + 30)))
        new = new[:a] + draw(st.sampled_from(["", "X", " inserted words ", "\n\n", "legitimacy", "🇺🇦"])) + new[b:]
    return old, new, spans


@settings(max_examples=400, deadline=None)
@given(edits())
def test_every_annotation_whose_text_still_exists_is_kept_on_that_text(case):
    old, new, spans = case
    anchors = [anchor(old, s, e) for s, e in spans]
    places = reanchor(old, new, anchors)
    for a, place in zip(anchors, places):
        if a.text in new:
            assert place is not None
            assert new[place[0]:place[1]] == a.text
        else:
            assert place is None


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.data())
def test_an_unchanged_text_keeps_every_offset(text, data):
    spans = [(s, data.draw(st.integers(s + 1, len(text)))) for s in
             data.draw(st.lists(st.integers(0, len(text) - 1), max_size=6))]
    anchors = [anchor(text, s, e) for s, e in spans]
    assert reanchor(text, text, anchors) == spans
