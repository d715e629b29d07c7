"""The first run's sample project holds finished work to look at: a quote, a legitimacy assertion inside it, a claim."""

from __future__ import annotations

from ui_helpers import db_rows, utf16

SQL = ('SELECT a.id, t.name, a.text, a.speaker, a.target, a.stance, a.annotator, a.start, a."end" '
       'FROM annotations a JOIN tag_types t ON t.id = a.tag_type_id ORDER BY a.start, a."end" DESC')


def test_first_run_sample_holds_three_annotations(open_window, data_dir):
    window = open_window(None)
    rows = db_rows(data_dir / "Sample.claimdesk", SQL)
    assert [r[1:7] for r in rows] == [
        ("Claim", "Putin is open to negotiating with Ukrainian President Volodymyr Zelenskyy", "Dmitry Peskov", "",
         "", "Claimdesk sample"),
        ("Quote", rows[1][2], "Dmitry Peskov", "", "", "Claimdesk sample"),
        ("Legitimacy assertion", "Zelenskyy’s legitimacy can be questioned", "Dmitry Peskov", "Volodymyr Zelenskyy",
         "questions", "Claimdesk sample"),
    ]
    quote, legit = rows[1], rows[2]
    assert quote[2].startswith("Putin himself said that he would be ready") and quote[2].endswith("can be questioned")
    assert quote[7] <= legit[7] and legit[8] <= quote[8]  # nested in the quote
    # the window shows them: three rows in the table, both spans under the pointer inside the legitimacy assertion
    assert window.table_panel.model.rowCount() == 3
    assert window.session.document.text[legit[7]:legit[8]] == legit[2]
    pos = utf16(window.article.text, legit[7] + 3)
    assert sorted(window.article.index.at(pos)) == sorted([quote[0], legit[0]])
