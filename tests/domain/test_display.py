"""Display-only line breaks in long paragraphs: same length, only spaces become line breaks, blocks stay short."""

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.display import BLOCK_BREAK, display_text

ALPHABET = st.sampled_from(["a", "B", " ", " ", ".", "!", "?", "\u2026", "\u201d", "\n", "\u0301", "\u200d",
                            "\U0001f600", "\ufe0f", "\u00a0", "e.g.", "\t"])


UNBREAKABLE_AFTER = {"", " ", "\u0301", "\u200d", "\ufe0f"}  # a space before these (or at the end) stays


def blocks(text: str) -> list[str]:
    return BLOCK_BREAK.split(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=400).map("".join), st.integers(5, 40), st.integers(0, 20))
def test_only_spaces_become_line_breaks_and_blocks_fit(text, cap, min_block):
    shown = display_text(text, long=cap, cap=cap, min_block=min_block)
    assert len(shown) == len(text)
    assert len(shown.encode("utf-16-le")) == len(text.encode("utf-16-le"))
    for a, b in zip(text, shown, strict=True):
        assert a == b or (a == " " and b == "\n")
    for i, (a, b) in enumerate(zip(text, shown, strict=True)):
        if a != b and i + 1 < len(text):  # no break before a combining mark or joiner
            assert text[i + 1] not in "\u0301\u200d\ufe0f \n"
    for block in blocks(shown):
        if len(block) > cap:  # then it holds no space that could be broken (leading spaces aside)
            body = block.lstrip(" ")
            assert all(body[i + 1:i + 2] in UNBREAKABLE_AFTER for i, ch in enumerate(body) if ch == " "), block


def test_short_paragraphs_are_left_alone():
    text = "One. Two.\n" * 500
    assert display_text(text) is text


def test_long_paragraph_breaks_after_sentences():
    sentence = "The minister said the talks were over. "
    text = sentence * 300  # one paragraph of 11,700 characters
    shown = display_text(text)
    parts = shown.split("\n")
    assert len(parts) > 5
    assert all(len(p) <= 2000 for p in parts)
    assert all(p.endswith("over.") for p in parts[:-1])
    assert shown.replace("\n", " ") == text


def test_abbreviations_and_text_without_sentences():
    text = ("e.g. the word " * 400).strip()
    shown = display_text(text)
    assert all(len(p) <= 2000 for p in shown.split("\n"))
    assert shown.replace("\n", " ") == text


def test_a_long_run_without_spaces_stays_whole():
    text = "x" * 5000 + " tail"
    assert display_text(text) == "x" * 5000 + "\ntail"
    assert display_text("y" * 5000) == "y" * 5000
