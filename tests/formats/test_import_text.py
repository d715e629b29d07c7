"""Plain-text articles in the encodings analysts actually receive."""

from __future__ import annotations

import codecs

import pytest

from desktop.formats.importing import import_file
from desktop.formats.textfile import UnreadableDocument, decode_bytes

RU = (
    "В Кремле заявили во вторник, что легитимность президента Украины Владимира Зеленского может быть "
    "поставлена под сомнение. «Легитимность Зеленского может быть поставлена под сомнение», — сказал "
    "журналистам пресс-секретарь президента России Дмитрий Песков.\n\n"
    "Киев отвергает эти заявления."
)
RU_PLAIN = RU.replace("«", '"').replace("»", '"').replace("—", "-")  # KOI8-R and ISO-8859-5 lack « » —
UK = "Речник Кремля заявив, що легітимність Зеленського можна поставити під сумнів. Україна відкидає ці заяви."
FR = ("Le porte-parole du Kremlin a déclaré que la légitimité de Zelensky pouvait être remise en question. "
      "L'Ukraine rejette ces déclarations ; « c'est à Kyiv de décider », a répondu un député.")
DE = "Der Kremlsprecher sagte, die Legitimität Selenskyjs könne in Frage gestellt werden. Die Ukraine weist das zurück."
PL = "Rzecznik Kremla powiedział, że legitymacja Zełenskiego może być zakwestionowana. Ukraina odrzuca te twierdzenia."
CS = "Mluvčí Kremlu řekl, že legitimita Zelenského může být zpochybněna. Ukrajina tato tvrzení odmítá."
EL = "Ο εκπρόσωπος του Κρεμλίνου δήλωσε ότι η νομιμότητα του Ζελένσκι μπορεί να αμφισβητηθεί."


def _import(project, tmp_path, data: bytes, name: str = "article.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    doc = import_file(project, path)
    return project.document(doc.id)


@pytest.mark.parametrize(
    ("text", "encoding", "recorded"),
    [
        (RU, "cp1251", "cp1251"),
        (RU_PLAIN, "koi8_r", "koi8-r"),
        (RU_PLAIN, "iso8859_5", "iso8859-5"),
        (RU, "mac_cyrillic", "mac-cyrillic"),
        (UK, "cp1251", "cp1251"),
        (UK, "koi8_u", "koi8-u"),
        (FR, "cp1252", "cp1252"),
        (FR, "iso8859_1", "cp1252"),  # the same characters: Windows-1252 is the superset
        (DE, "cp1252", "cp1252"),
        (PL, "cp1250", "cp1250"),
        (CS, "cp1250", "cp1250"),
        (EL, "cp1253", "cp1253"),
    ],
)
def test_single_byte_encodings_decode_to_the_original_text(project, tmp_path, text, encoding, recorded):
    doc = _import(project, tmp_path, text.encode(encoding))
    assert doc.text == text
    assert doc.encoding == recorded


def test_a_short_windows_1251_note_is_not_mistaken_for_koi8_or_mac(project, tmp_path):
    note = "Песков: легитимность Зеленского под вопросом."
    doc = _import(project, tmp_path, note.encode("cp1251"))
    assert doc.text == note
    assert doc.encoding == "cp1251"


def test_short_koi8_text_is_not_read_as_japanese(project, tmp_path):
    note = "Легитимность Зеленского под вопросом."
    doc = _import(project, tmp_path, note.encode("koi8_r"))
    assert doc.text == note


def test_case_swapped_reading_is_rejected_by_sentence_starts(project, tmp_path):
    # Upper- and lower-case words only: KOI8-R read as Windows-1251 swaps case and still looks like words.
    note = "ЗАЯВЛЕНИЕ ПЕСКОВА. Легитимность под вопросом."
    doc = _import(project, tmp_path, note.encode("koi8_r"))
    assert doc.text == note
    assert doc.encoding == "koi8-r"


@pytest.mark.parametrize("bom", [True, False])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_byte_order_mark(project, tmp_path, codec, bom):
    data = RU.replace("\n", "\r\n").encode(codec)
    if bom:
        data = (codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE) + data
    doc = _import(project, tmp_path, data)
    assert doc.text == RU  # CRLF normalised, no BOM left
    assert doc.encoding.startswith("utf-16")


def test_utf8_with_bom_and_crlf(project, tmp_path):
    doc = _import(project, tmp_path, codecs.BOM_UTF8 + FR.replace(" ; ", "\r\n").encode("utf-8"), "note.md")
    assert doc.text == FR.replace(" ; ", "\n")
    assert doc.encoding == "utf-8 (BOM)"
    assert doc.original_filename == "note.md"


def test_plain_utf8_is_recorded(project, tmp_path):
    doc = _import(project, tmp_path, RU.encode("utf-8"))
    assert doc.encoding == "utf-8"


def test_binary_file_named_txt_is_refused_clearly(project, tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4)
    with pytest.raises(UnreadableDocument, match="binary"):
        import_file(project, path)
    assert project.document_count() == 0


def test_empty_file_is_refused(project, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n\n")
    with pytest.raises(UnreadableDocument, match="empty"):
        import_file(project, path)


def test_decode_bytes_reports_the_encoding_it_chose():
    text, encoding = decode_bytes(RU.encode("cp1251"))
    assert (text, encoding) == (RU, "cp1251")
