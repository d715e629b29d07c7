"""A text file's title: its name, unless the name is only numbers or a hash."""

from desktop.formats.textfile import read_text_file


def test_hash_named_sample_is_titled_by_its_first_sentence(sample_path):
    title = read_text_file(sample_path).title
    assert title.startswith("Kremlin spokesman Dmitry Peskov has revealed")
    assert len(title) <= 91 and title.endswith("…")


def test_a_meaningful_file_name_is_the_title(tmp_path):
    path = tmp_path / "Peskov_briefing.txt"
    path.write_text("• Source: JND\n\nKremlin spokesman said things today.", encoding="utf-8")
    assert read_text_file(path).title == "Peskov briefing"
