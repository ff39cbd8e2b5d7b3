"""Which statement a paragraph comes from: a small reference carried by hits and quotes.

Example::

    >>> import datetime as dt
    >>> ref = StatementRef("us-india-2023-06-22", "US-India Joint Statement", dt.date(2023, 6, 22))
    >>> ref.citation(12)
    'US-India Joint Statement, 22 June 2023, ¶12'
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from jmqa.document import Document, PassageKey, label

# Ids are folder-safe and shell-safe: lower-case words joined by hyphens.
ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")
_MAX_TITLE_SLUG = 60


@dataclass(frozen=True)
class StatementRef:
    """A statement's library id, title and date (``None`` when the text gives none)."""

    id: str
    title: str
    date: dt.date | None

    @property
    def date_text(self) -> str:
        return f"{self.date.day} {self.date:%B %Y}" if self.date else ""

    def citation(self, number: PassageKey) -> str:
        """"Title, 22 June 2023, ¶12" (or "..., preamble"): a citation that names the statement."""
        return ", ".join(part for part in (self.title, self.date_text, label(number)) if part)

    def to_json(self) -> dict[str, str | None]:
        return {"id": self.id, "title": self.title, "date": self.date.isoformat() if self.date else None}


def slug(title: str, date: dt.date | None) -> str:
    """The default id of a statement: its title in lower-case words, then its ISO date.

    >>> slug("United States-India Joint Leaders’ Statement", dt.date(2025, 2, 13))
    'united-states-india-joint-leaders-statement-2025-02-13'
    """
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower().replace("'", ""))  # "India's" -> india
    head = ""
    for word in words:  # whole words only, so a long title is cut between words
        if len(head) + len(word) + 1 > _MAX_TITLE_SLUG:
            break
        head = f"{head}-{word}" if head else word
    parts = [p for p in (head or "statement", date.isoformat() if date else "") if p]
    return "-".join(parts)


def ref_of(document: Document, statement_id: str | None = None) -> StatementRef:
    """The reference of ``document``, under ``statement_id`` or its default id."""
    return StatementRef(statement_id or slug(document.title, document.date), document.title, document.date)
