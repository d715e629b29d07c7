"""What an operation changed, so that every screen (and the command line) can follow without reloading."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.domain.model import Annotation


@dataclass
class Changes:
    """The outcome of one operation.

    ``added``/``removed`` hold annotations as saved (or as they were); ``changed`` holds ``(new, old)`` pairs.
    ``selected`` is the annotation the analyst should now be on (a new tag, or the existing one a duplicate
    tag found). ``notice`` is a short word for the status bar when nothing went wrong but nothing was written.
    """

    added: list[Annotation] = field(default_factory=list)
    changed: list[tuple[Annotation, Annotation]] = field(default_factory=list)
    removed: list[Annotation] = field(default_factory=list)
    documents_added: list[int] = field(default_factory=list)
    documents_updated: list[int] = field(default_factory=list)
    documents_removed: list[int] = field(default_factory=list)
    texts_corrected: list[int] = field(default_factory=list)
    codebook: bool = False
    selected: int | None = None
    notice: str = ""

    @property
    def wrote(self) -> bool:
        """True when the project file changed."""
        return bool(self.added or self.changed or self.removed or self.documents_added or self.documents_updated
                    or self.documents_removed or self.texts_corrected or self.codebook)

    def merge(self, other: Changes) -> Changes:
        """One change set holding both (for operations made of steps, such as accepting many suggestions)."""
        return Changes(
            added=self.added + other.added,
            changed=self.changed + other.changed,
            removed=self.removed + other.removed,
            documents_added=self.documents_added + other.documents_added,
            documents_updated=self.documents_updated + other.documents_updated,
            documents_removed=self.documents_removed + other.documents_removed,
            texts_corrected=self.texts_corrected + other.texts_corrected,
            codebook=self.codebook or other.codebook,
            selected=other.selected if other.selected is not None else self.selected,
            notice=other.notice or self.notice,
        )
