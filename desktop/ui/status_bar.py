"""The main window's status bar: the annotation counts, the analyst's name (and asking for it), and the problems
a change ran into.

Mixed into :class:`desktop.ui.main_window.MainWindow`.
"""

from __future__ import annotations

import getpass

from PySide6.QtWidgets import QLabel, QToolButton

from desktop.domain.model import ClaimdeskError
from desktop.ops.errors import ProjectError, ReadOnlyProject
from desktop.ui import dialogs


class StatusBarMixin:
    """Status bar methods of the main window (a mixin of MainWindow)."""

    def _build_status_bar(self) -> None:
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("countsLabel")
        self.statusBar().addPermanentWidget(self.counts_label)
        self.analyst_button = QToolButton(self)
        self.analyst_button.setObjectName("analystButton")
        self.analyst_button.setAutoRaise(True)
        self.analyst_button.setToolTip("New annotations are stored under this name; change it with "
                                       "Edit \u203a Analyst Name\u2026 or a click here")
        self.analyst_button.clicked.connect(self.change_annotator)
        self.statusBar().addPermanentWidget(self.analyst_button)
        self.statusBar().setSizeGripEnabled(False)

    def _ask_annotator_once(self) -> None:
        if self.app_settings.annotator_asked:
            return
        name = dialogs.ask_annotator(self, self.session.annotator)
        self._use_annotator(name or "")

    def change_annotator(self) -> None:
        name = dialogs.ask_annotator(self, self.session.annotator or self.app_settings.annotator)
        if name is not None:
            name = self._use_annotator(name)
            self.statusBar().showMessage(f"New annotations will be stored as made by {name}.", 5000)

    def _use_annotator(self, name: str) -> str:
        """Store the analyst's name (the system user's name when none was given) and show it."""
        name = name.strip() or default_annotator()
        self.app_settings.set_annotator(name)
        self.session.set_annotator(name)
        self._show_analyst()
        return name

    def _show_analyst(self) -> None:
        name = self.session.annotator
        self.analyst_button.setVisible(self.session.project is not None and bool(name))
        self.analyst_button.setText(f"Coding as {name}")

    def _schedule_counts(self, *_args) -> None:
        self._counts_timer.start()

    def update_counts(self) -> None:
        s = self.session
        if s.project is None:
            self.counts_label.setText("")
            return
        project_total = sum(s.project_type_counts.values())
        ndocs = len(s.summaries)
        project = f"Project: {project_total:,} annotation{'s' if project_total != 1 else ''} in {ndocs:,} " \
                  f"document{'s' if ndocs != 1 else ''}"
        if s.document is None:
            self.counts_label.setText(project)
            return
        parts = [f"{t.name} {s.doc_type_counts.get(t.id, 0):,}" for t in s.tag_types]
        total = sum(s.doc_type_counts.values())
        self.counts_label.setText(f"This document: {total:,} ({', '.join(parts)})   \u2502   {project}")

    def show_problem(self, message: str) -> None:
        """A change that was not saved: said in the status bar, and when the file itself refused it (a full disk,
        a damaged or locked file, not a read-only project the banner explains already) in the banner too."""
        self.statusBar().showMessage(f"\u26a0 {message}", 10000)
        exc = self.session.last_exception
        if isinstance(exc, ProjectError) and not isinstance(exc, ReadOnlyProject) and message == self.session.last_error:
            self.banner.show_failure(message)
        elif exc is not None and not isinstance(exc, ClaimdeskError) and message == self.session.last_error:
            self.banner.show_failure(message)


def default_annotator() -> str:
    """The system user's name, else "analyst"."""
    try:
        name = getpass.getuser().strip()
    except (OSError, KeyError, ImportError):
        name = ""
    return name or "analyst"
