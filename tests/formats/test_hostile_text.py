"""Unicode's own line and paragraph separators (U+2028, U+2029) are text: they import as line ends."""

from desktop.formats.importing import import_file


def test_line_and_paragraph_separators_become_line_ends(project, tmp_path):
    path = tmp_path / "separators.txt"
    path.write_text("First line of a text\u2028second line here\u2029third paragraph of the text.\n", encoding="utf-8")
    document = import_file(project, path)
    stored = project.document(document.id).text  # read back from the project file
    assert stored == "First line of a text\nsecond line here\nthird paragraph of the text.\n"
