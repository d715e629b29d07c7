"""Operations: every change an analyst can make, without Qt.

Each operation validates, applies the project's rules, writes through the store in one transaction and returns
:class:`desktop.ops.changes.Changes`, which says what changed. The window's session wraps operations in undo
commands and turns their changes into signals; the command line calls the same functions, so both follow the
same rules.
"""
