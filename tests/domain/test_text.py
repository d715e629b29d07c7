"""Spans, word snapping, search and overlap flattening over the canonical text."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.model import InvalidSpan
from desktop.domain.text import (
    check_span,
    find_all,
    find_occurrence,
    flatten,
    normalize_text,
    snap_to_words,
)


def test_normalize_removes_bom_and_unifies_line_ends():
    assert normalize_text("\ufeffa\r\nb\rc\n") == "a\nb\nc\n"


@pytest.mark.parametrize(
    ("start", "end", "reason"),
    [(5, 5, "empty"), (-1, 3, "outside"), (0, 999, "outside"), (5, 2, "empty"), (3, 4, "white space")],
)
def test_invalid_spans_are_refused_with_a_reason(start, end, reason):
    with pytest.raises(InvalidSpan, match=reason):
        check_span("abc def ghi", start, end)


def test_span_text_must_match_when_expected():
    with pytest.raises(InvalidSpan, match="reads"):
        check_span("abc def", 0, 3, expected="abd")


def test_snap_widens_to_words_and_trims_space():
    text = "Kremlin spokesman Dmitry Peskov said"
    start = text.index("pokes")
    end = text.index("Dmit") + 2
    assert text[slice(*snap_to_words(text, start, end))] == "spokesman Dmitry"
    assert text[slice(*snap_to_words(text, 7, 18))] == "spokesman"


def test_snap_keeps_emoji_sequences_whole():
    text = "the 👨‍👩‍👧 family"
    s = text.index("👨")
    assert text[slice(*snap_to_words(text, s, s + 1))] in ("👨‍👩‍👧", "👨")


def test_find_ignores_case_and_quote_style():
    text = "Zelenskyy’s legitimacy can be questioned. ZELENSKYY'S term"
    hits = find_all(text, "zelenskyy's")
    assert [text[s:e] for s, e in hits] == ["Zelenskyy’s", "ZELENSKYY'S"]


def test_find_occurrence_counts_from_one_and_explains_misses():
    text = "a b a b a"
    assert find_occurrence(text, "a", 3) == (8, 9)
    with pytest.raises(InvalidSpan, match="3 occurrence"):
        find_occurrence(text, "a", 4)
    with pytest.raises(InvalidSpan, match="not found"):
        find_occurrence(text, "zzz")


def test_find_keeps_offsets_when_lowercasing_changes_length():
    text = "İstanbul and Istanbul"
    hits = find_all(text, "istanbul")
    assert all(e - s == len("istanbul") for s, e in hits)
    assert text[hits[-1][0] : hits[-1][1]] == "Istanbul"


spans_strategy = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 30)).map(lambda t: (min(t), max(t))), max_size=12
)


@given(spans_strategy)
def test_flatten_agrees_with_brute_force(spans):
    keyed = [(s, e, i) for i, (s, e) in enumerate(spans)]
    segments = list(flatten(keyed))
    # Disjoint, ordered, and every covered position carries exactly the spans that cover it.
    for (s1, e1, _), (s2, _e2, _) in zip(segments, segments[1:]):
        assert e1 <= s2
    for pos in range(31):
        expected = {i for s, e, i in keyed if s <= pos < e}
        got = [set(keys) for s, e, keys in segments if s <= pos < e]
        assert (got[0] if got else set()) == expected


def test_snap_leaves_a_name_inside_a_compound_or_possessive_alone():
    text = "a Putin-Zelenskyy meeting; Zelenskyy’s legitimacy; 'we agree'"
    for word in ("Zelenskyy", "we agree"):
        start = text.index(word, 10 if word == "Zelenskyy" else 0)
        assert text[slice(*snap_to_words(text, start, start + len(word)))] == word
    s = text.index("Zelenskyy")  # inside the compound: a cut word still widens to the word, not the compound
    assert text[slice(*snap_to_words(text, s + 2, s + 5))] == "Zelenskyy"
