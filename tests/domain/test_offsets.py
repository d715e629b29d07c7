"""Code point <-> UTF-16 conversion: the one place offsets change unit."""

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.offsets import OffsetMap, utf16_len


def _u16_prefix_len(text: str, cp: int) -> int:
    return utf16_len(text[:cp])


def test_emoji_counts_two_utf16_units():
    text = "Hi 👋🏽 𝕏!"
    m = OffsetMap(text)
    assert m.length == len(text)
    assert m.length_utf16 == utf16_len(text)
    assert m.to_utf16(text.index("!")) == utf16_len(text[: text.index("!")])
    assert m.from_utf16(utf16_len(text[: text.index("!")])) == text.index("!")


def test_position_inside_a_surrogate_pair_rounds_down():
    text = "a𝕏b"
    m = OffsetMap(text)
    assert m.from_utf16(2) == 1  # between the two halves of 𝕏
    assert m.from_utf16(3) == 2


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60), st.data())
def test_round_trip_matches_brute_force(text, data):
    m = OffsetMap(text)
    cp = data.draw(st.integers(0, len(text)))
    u16 = m.to_utf16(cp)
    assert u16 == _u16_prefix_len(text, cp)
    assert m.from_utf16(u16) == cp
