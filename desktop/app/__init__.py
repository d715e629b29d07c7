"""The open project session: undo commands and signals (QtCore/QtGui, no widgets)."""
