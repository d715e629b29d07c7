"""Bytes that read as no prose in any encoding are refused, not imported as gibberish."""

import random

import pytest

from desktop.formats.textfile import UnreadableDocument, decode_bytes


def test_random_high_bytes_are_refused():
    rng = random.Random(1)
    data = bytes(rng.randint(0x80, 0xFF) for _ in range(3000))
    with pytest.raises(UnreadableDocument, match="binary"):
        decode_bytes(data, "noise.txt")


def test_real_single_byte_text_still_reads():
    text = "Песков заявил, что легитимность Зеленского можно поставить под сомнение. " * 3
    assert decode_bytes(text.encode("cp1251"))[0] == text
    text = "Le porte-parole a déclaré que la légitimité de Zelensky pouvait être remise en question. " * 2
    assert decode_bytes(text.encode("cp1252"))[0] == text
