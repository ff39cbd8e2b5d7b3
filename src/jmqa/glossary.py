"""The glossary: everyday phrasings a statement's readers use, mapped to the statement's own terms.

A glossary file holds one ``lang<TAB>term<TAB>statement term`` a line (``lang`` one of en, ms,
ja). The shipped statement's are ``data/glossary-en.tsv`` (everyday English) and
``data/glossary.tsv`` (Malay and Japanese); an added statement may bring its own (``jmqa add``).
:class:`jmqa.lexical.Lexicon` appends the matched statement terms to a question, so "dirty money"
finds "money laundering" and "minyak sawit" finds "palm oil".

Example::

    >>> Glossary.parse("en\\tdirty money\\tmoney laundering").matches("Any word on dirty money?")
    [('dirty money', 'money laundering')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import Stemmer

from jmqa.data_files import read_data_file
from jmqa.errors import InvalidArgumentError
from jmqa.language import READ
from jmqa.word_frequency import zipf

GLOSSARY_FILES = ("glossary-en.tsv", "glossary.tsv")


@dataclass(frozen=True)
class Glossary:
    """Everyday English, Malay and Japanese phrasings mapped to the statement's own terms.

    Read from ``data/glossary*.tsv`` (``lang<TAB>term<TAB>statement term``). It lets "dirty money"
    find "money laundering" and "minyak sawit" or "パーム油" find "palm oil". An added statement
    may have its own, in the same format (see :meth:`parse` and ``jmqa add``).
    """

    entries: tuple[tuple[str, str, str], ...]  # (lang, term, english)
    _patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def load(cls) -> Glossary:
        """The shipped glossary (the shipped statement's own)."""
        rows: list[tuple[str, str, str]] = []
        for name in GLOSSARY_FILES:  # listed, not globbed: a missing file must fail, not shrink
            rows += cls.parse(read_data_file(name), name).entries
        return cls(tuple(rows))

    @classmethod
    def parse(cls, text: str, source: str = "<glossary>") -> Glossary:
        """A glossary file's entries: one ``lang<TAB>term<TAB>statement term`` a line, ``lang``
        one of the languages jmqa reads (en, ms, ja); blank lines and lines starting with "#"
        are skipped. Anything else raises :class:`jmqa.InvalidArgumentError` naming the line."""
        rows = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = [f.strip() for f in line.split("\t")]
            if len(fields) != 3 or not all(fields) or fields[0] not in READ:
                raise InvalidArgumentError(
                    f"{source}, line {number}: expected language<TAB>term<TAB>statement term, the "
                    f"language one of {', '.join(READ)}, not {line[:80]!r}"
                )
            rows.append((fields[0], fields[1], fields[2]))
        return cls(tuple(rows))

    @functools.cached_property
    def _lowered(self) -> tuple[tuple[str, str, str, str, str], ...]:
        """(lang, term, statement term, both lower-cased), lower-cased once rather than per question."""
        return tuple((lang, term, english, term.lower(), english.lower()) for lang, term, english in self.entries)

    def english_words(self) -> frozenset[str]:
        """The words of the English terms, lower case: words that lead to the statement though it
        may never use them ("carmakers", "rainforests")."""
        return frozenset(w for lang, _, _, term_l, _ in self._lowered if lang == "en" for w in re.findall(r"[^\W\d_]+", term_l))

    def matches(self, question: str) -> list[tuple[str, str]]:
        """(term, statement term) pairs whose term occurs in the question. A Malay term matches
        another form of its words too, as written in the question ("melawat", to visit, for the
        glossary's "pelawat", visitors: both "lawat" to Snowball's Indonesian stemmer)."""
        lowered = question.lower()
        found = []
        unmatched = []
        for lang, term, english, term_l, english_l in self._lowered:
            # A substring test first: Japanese has no spaces between words, and for the rest it
            # spares ~1,000 whole-word searches a question (and compiling terms never met).
            hit = term_l in lowered
            if hit and lang != "ja":
                hit = self._whole_word(term_l).search(lowered) is not None
            if hit and english_l not in lowered:
                found.append((term, english))
            elif not hit and lang == "ms" and english_l not in lowered:
                unmatched.append((term_l, english))
        stems = _MalayStems(lowered) if unmatched else None
        if stems:  # most questions have no word that stems as Malay
            for term_l, english in unmatched:
                written = stems.find(self._malay_stems[term_l])
                if written and all(written != t.lower() for t, _ in found):
                    found.append((written, english))
        return found

    def _whole_word(self, term_l: str) -> re.Pattern[str]:
        """``term_l`` as a whole word or phrase: "deputy minister-level" is the glossary's "deputy
        minister"; "pm-led" is no "pm". Compiled once per term: re's own cache holds 512 patterns,
        fewer than the glossary's terms, and recompiled them for every question."""
        pattern = self._patterns.get(term_l)
        if pattern is None:
            pattern = self._patterns[term_l] = re.compile(rf"(?<![\w-]){re.escape(term_l)}(?!\w|-(?!level\b))")
        return pattern

    @functools.cached_property
    def _malay_stems(self) -> dict[str, tuple[str, ...]]:
        """Each Malay term's words, stemmed."""
        return {term_l: _malay_stemmer().stemWords(term_l.split()) for lang, _, _, term_l, _ in self._lowered if lang == "ms"}


@functools.cache
def _malay_stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("indonesian")  # Snowball's; Malay shares its affixes


class _MalayStems:
    """A question's words that are no common English word and carry an affix, stemmed as Malay, to
    find a glossary term in another form. English words are left out: the stemmer would read their
    prefixes."""

    def __init__(self, lowered: str) -> None:
        words = re.findall(r"[^\W\d_]+", lowered)
        stems = [_malay_stemmer().stemWord(w) if len(w) > 3 and zipf(w, "en") < 3.0 else "" for w in words]
        # A run of bare roots matches nothing: "baharu" (new) is no form of "pembaharuan" (reform),
        # where two derived forms of a root, "melawat" (to visit) and "pelawat" (visitor), share
        # its sense.
        affixed = [stem != word for stem, word in zip(stems, words)]
        # Every run of up to four words with a Malay stem, one of them affixed, to its words as written.
        self._runs: dict[tuple[str, ...], str] = {}
        for i in range(len(words)):
            for n in range(1, 5):
                run = stems[i : i + n]
                if len(run) < n or "" in run:
                    break
                if any(affixed[i : i + n]):
                    self._runs.setdefault(tuple(run), " ".join(words[i : i + n]))

    def __bool__(self) -> bool:
        """Whether any run of the question's words stems as Malay."""
        return bool(self._runs)

    def find(self, term: Sequence[str]) -> str:
        """The question's words that stem as ``term`` does, as written; "" if none."""
        return self._runs.get(tuple(term), "")
