"""The window figures of ``claimdesk bench``, measured in the real widgets (offscreen unless a screen is set).

Every figure runs to the screen: after the action, Qt's events are processed until the article's viewport has
painted, and what the analyst would see is checked (outside the timing) so a fast figure cannot be a broken one.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from desktop.domain.model import ClaimdeskError

SETTLE_S = 5.0  # give up waiting for a paint after this long


class PaintWatch:
    """Counts paint events of one widget (the article's viewport)."""

    def __init__(self, widget):
        from PySide6.QtCore import QEvent, QObject

        paint = QEvent.Type.Paint

        class _Filter(QObject):
            def eventFilter(inner, obj, event):  # noqa: N802, N805
                if event.type() == paint:
                    self.count += 1
                return False

        self.count = 0
        self.filter = _Filter()
        widget.installEventFilter(self.filter)


def settle(app, watch: PaintWatch, since: int) -> None:
    """Process events until ``watch`` saw a paint after ``since``, then let the rest of the queue run once."""
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + SETTLE_S
    while watch.count <= since:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if time.perf_counter() > deadline:
            raise ClaimdeskError("the window did not paint within 5 s")
    app.processEvents()


def _quiet_offscreen_warnings() -> None:
    """The offscreen platform warns on every window it cannot size-hint; those lines are not figures."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(mode, context, message):
        if "does not support propagateSizeHints" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)


def run(bench, path: Path, big_id: int, folder: Path) -> None:
    from desktop.bench import Figure, percentile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="claimdesk-bench-data-") as data:
        os.environ["CLAIMDESK_DATA_DIR"] = data  # window state and recent projects stay out of the user's folder
        t0 = time.perf_counter()
        from PySide6.QtTest import QTest  # noqa: F401  (imported before timing, like the rest of Qt)
        from PySide6.QtWidgets import QApplication

        from desktop.app.appdata import AppSettings
        from desktop.ui.launch import ensure_app
        from desktop.ui.main_window import MainWindow  # noqa: F401  (the window's modules, imported before timing)

        app = ensure_app()
        _quiet_offscreen_warnings()
        bench.add(Figure("qt_start_ms", (time.perf_counter() - t0) * 1000, "ms",
                         note=f"import Qt and the window's modules, make the application "
                              f"({QApplication.platformName()} platform); not part of open_ms"))
        settings = AppSettings(Path(data) / "settings.json")
        settings.set_annotator("bench")
        window = None
        try:
            window = _open(bench, app, settings, path, Figure)
            _switch(bench, app, window, big_id, Figure)
            _tag(bench, app, window, big_id, folder, Figure, percentile)
        finally:
            if window is not None:
                window.close()
                window.deleteLater()
                app.processEvents()


def _open(bench, app, settings, path, Figure):
    from desktop.ui.main_window import MainWindow

    t0 = time.perf_counter()
    window = MainWindow(settings)
    window.show()
    watch = PaintWatch(window.article.viewport())
    since = watch.count
    if not window.open_project(path):
        raise ClaimdeskError(f"the window could not open {path.name}")
    settle(app, watch, since)
    ms = (time.perf_counter() - t0) * 1000
    s = window.session
    if s.document is None or window.article.document().characterCount() != len(window.article.text) + 1 \
            and window.article.offsets.is_trivial:
        raise ClaimdeskError("the first document is not shown after opening")
    bench.add(Figure("open_ms", ms, "ms", 1000,
                     note=f"make the window, open {len(s.summaries)} documents / {sum(s.doc_counts.values())} "
                          f"annotations (rolling backup included), paint document {s.document.id}"))
    window._bench_watch = watch
    return window


def _switch(bench, app, window, big_id, Figure):
    s = window.session
    watch = window._bench_watch
    first = next((d.id for d in s.summaries if d.id != big_id), None)
    if first is None:
        bench.say("# switch_doc_ms skipped: the project holds one document only")
        return
    times = []
    for _ in range(3):
        if s.document is None or s.document.id != first:
            since = watch.count
            window.show_document(first)
            settle(app, watch, since)
        since = watch.count
        t0 = time.perf_counter()
        window.show_document(big_id)
        settle(app, watch, since)
        times.append((time.perf_counter() - t0) * 1000)
        if s.document.id != big_id or window.table_panel.model.rowCount() != len(s.annotations):
            raise ClaimdeskError("the big document or its table is not shown after switching")
    floor = _bare_text_floor(app, window, s.text, len(times))
    bench.add(Figure("switch_doc_ms", max(times), "ms", 100,
                     baseline=f"bare QPlainTextEdit setPlainText of the same text until painted {max(floor):.0f} ms",
                     note=f"slowest of {len(times)} switches to the {len(s.text)}-character document with "
                          f"{len(s.annotations)} annotations, until painted (median {statistics.median(times):.0f} "
                          f"ms)"))
    bench.add(Figure("switch_floor_ms", max(floor), "ms",
                     note=f"slowest of {len(floor)}: a bare QPlainTextEdit of the article's size and font, "
                          f"setPlainText of the same text until painted (median {statistics.median(floor):.0f} ms)"))
    bench.add(Figure("switch_vs_floor_ratio", max(times) / max(floor), "x", 2,
                     note="switch_doc_ms / switch_floor_ms, both slowest of their runs"))


def _bare_text_floor(app, window, text: str, rounds: int) -> list[float]:
    """What showing ``text`` costs Qt alone: a plain editor beside the window, no highlights, table or form."""
    from PySide6.QtWidgets import QPlainTextEdit

    article = window.article
    bare = QPlainTextEdit()
    bare.setReadOnly(True)
    bare.setFont(article.font())
    bare.setLineWrapMode(article.lineWrapMode())
    bare.resize(article.size())
    bare.show()
    watch = PaintWatch(bare.viewport())
    times = []
    try:
        for _ in range(rounds):
            since = watch.count
            bare.setPlainText("")
            settle(app, watch, since)
            since = watch.count
            t0 = time.perf_counter()
            bare.setPlainText(text)
            settle(app, watch, since)
            times.append((time.perf_counter() - t0) * 1000)
            if bare.document().characterCount() < len(text):  # UTF-16 units: never fewer than code points
                raise ClaimdeskError("the bare editor does not hold the whole text")
    finally:
        bare.close()
        bare.deleteLater()
        app.processEvents()
    return times


def _tag(bench, app, window, big_id, folder, Figure, percentile):
    from PySide6.QtTest import QTest

    from desktop.store import bulk

    s = window.session
    view = window.article
    watch = window._bench_watch
    key = next(t.key for t in s.tag_types if t.key)
    text = s.text
    project = s.project
    store_create = project.create_annotation
    saves: list[float] = []

    def timed_create(*args, **kwargs):  # the store's share of each tag: write and commit
        t0 = time.perf_counter()
        try:
            return store_create(*args, **kwargs)
        finally:
            saves.append((time.perf_counter() - t0) * 1000)

    times, bare = [], []
    before = len(s.annotations)
    conn = bulk.bare_connection(folder / "bare-window.sqlite")
    project.create_annotation = timed_create
    try:
        for i in range(bench.args.tags):
            # Two words somewhere in the article, selected and in view before the key is pressed.
            start = text.find(" ", (i * 7919 * 131) % max(1, len(text) - 200)) + 1
            end = text.find(" ", text.find(" ", start) + 1)
            if end <= start:
                continue
            view.select_span(start, end)
            settle(app, watch, watch.count)
            # The baseline, taken between the tags so that both meet the same disk.
            t0 = time.perf_counter()
            bulk.bare_insert(conn, start, text[start:end])
            bare.append((time.perf_counter() - t0) * 1000)
            rows = window.table_panel.model.rowCount()
            since = watch.count
            t0 = time.perf_counter()
            QTest.keyClick(view, key)
            settle(app, watch, since)
            times.append((time.perf_counter() - t0) * 1000)
            ann = s.selected
            if ann is None or ann.start != start or window.table_panel.model.rowCount() != rows + 1:
                raise ClaimdeskError("a tag was not saved, highlighted and listed as expected")
            if view.index.span_of(ann.id) is None:
                raise ClaimdeskError("a new tag is missing from the article's highlights")
    finally:
        del project.create_annotation
        conn.close()
    if not times:
        raise ClaimdeskError("the article is too short to time tagging")
    screen = [t - save for t, save in zip(times, saves)]
    bench.add(Figure("tag_p50_ms", statistics.median(times), "ms",
                     note=f"select, press {key!r}: saved, highlighted, row shown and painted; {len(times)} tags "
                          f"into the document already holding {before}"))
    bench.add(Figure("tag_p95_ms", percentile(times, 95), "ms", 16,
                     baseline=f"bare insert + commit p95 {percentile(bare, 95):.2f} ms (p50 "
                              f"{statistics.median(bare):.2f} ms), taken between the tags"))
    bench.add(Figure("tag_vs_bare_ratio", percentile(times, 95) / percentile(bare, 95), "x", 8,
                     note="tag_p95_ms / bare insert + commit p95, both from this run"))
    bench.add(Figure("tag_save_p95_ms", percentile(saves, 95), "ms",
                     note=f"the store's share: check, insert, history, commit (p50 {statistics.median(saves):.2f} ms)"))
    bench.add(Figure("tag_screen_p95_ms", percentile(screen, 95), "ms",
                     note=f"the rest: key, undo command, highlight, table row, form, paint (p50 "
                          f"{statistics.median(screen):.2f} ms)"))
