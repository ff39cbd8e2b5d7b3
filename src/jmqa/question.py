"""Checking and normalising what a person typed, before anything is searched."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from jmqa.document import CLOSING, PREAMBLE, PassageKey
from jmqa.errors import InvalidArgumentError, InvalidQuestionError

MAX_QUESTION_CHARS = 1000


def clean_question(question: object, max_chars: int = MAX_QUESTION_CHARS) -> str:
    """Return the question NFC-normalised with whitespace collapsed, or raise.

    A zero-width space separates words, so it becomes a space ("palm\\u200boil" is "palm oil");
    other invisible format characters (joiners, BOMs) are dropped. Control characters are
    refused, since they never belong in a question and often mean binary input, and so are lone
    surrogates (invalid UTF-8).

    >>> clean_question("  What about\\u200b OSA?\\n")
    'What about OSA?'
    >>> clean_question("palm\\u200boil")
    'palm oil'
    """
    if not isinstance(question, str):
        raise InvalidQuestionError(f"a question must be text, not {type(question).__name__}")
    if len(question) > 20 * max_chars:  # refuse before normalising megabytes
        raise InvalidQuestionError(_too_long(len(question), max_chars))
    # Lone surrogates are not text: bytes that were not UTF-8 (argv, a broken client) or half of
    # an emoji. No tokenizer can read them, so they are refused like control characters.
    surrogates = sorted({ch for ch in question if unicodedata.category(ch) == "Cs"})
    if surrogates:
        names = ", ".join(f"U+{ord(ch):04X}" for ch in surrogates[:3])
        raise InvalidQuestionError(
            f"the question is not valid text (lone surrogates {names}, often bytes that are not "
            f"UTF-8); retype it in UTF-8 and ask again"
        )
    text = unicodedata.normalize("NFC", question)
    text = text.replace("\u200b", " ")
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    controls = sorted({ch for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r"})
    if controls:
        names = ", ".join(f"U+{ord(ch):04X}" for ch in controls[:3])
        raise InvalidQuestionError(f"the question contains control characters ({names}); remove them and ask again")
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise InvalidQuestionError("the question is empty; type a question about the statement")
    if not any(ch.isalnum() for ch in text):  # "?", "...", emoji alone: nothing to search for
        raise InvalidQuestionError("the question has no words; type a question about the statement")
    if len(text) > max_chars:
        raise InvalidQuestionError(_too_long(len(text), max_chars))
    return text


def question_list(questions: object) -> list[object]:
    """``questions`` (a batch: list, tuple or other sequence) as a list, or raise.

    A lone string is a sequence of letters, and would be asked as one-letter questions.

    >>> question_list(("a?", "b?"))
    ['a?', 'b?']
    """
    if isinstance(questions, (str, bytes)) or not isinstance(questions, Sequence):
        raise InvalidArgumentError(
            f"questions must be a list of questions, not {type(questions).__name__}; "
            f"to ask one question, call ask() or search()"
        )
    return list(questions)


def _too_long(length: int, max_chars: int) -> str:
    return (
        f"the question is {length:,} characters long; the limit is {max_chars:,}. "
        f"Ask about one thing at a time"
    )


# "¶14", "paragraphs 3-5", "para. 7 and 9", "perenggan 14", "第14段落": the person names paragraphs
# by the statement's own numbers, which no similarity search can be trusted to find.
_REFERENCE = re.compile(
    r"(?:¶¶?|§§?|\bparagraphs?\b|\bparas?\b\.?|\bperenggan\b)\s*(?:no\.?|number|#)?\s*"
    # A number of four digits or more is no paragraph's: "para 2030" is Spanish for "by 2030".
    r"(\d{1,3}\b(?:\s*(?:-|–|—|to|and|&|,|or)\s*\d{1,3}\b)*)"
    r"|第?\s*(\d{1,3})\s*(?:段落|パラグラフ)",
    re.IGNORECASE,
)
_RANGE = re.compile(r"(\d{1,3})\s*(?:-|–|—|to)\s*(\d{1,3})|(\d{1,3})")
_FIRST = re.compile(r"\b(first|opening)\s+paragraph\b", re.IGNORECASE)
_LAST = re.compile(r"\b(last|final|closing|concluding)\s+paragraph\b", re.IGNORECASE)
# The unnumbered text around the numbered paragraphs, named as such ("the preamble", "the
# signature block"); "the opening section" is the first heading's paragraphs, not the preamble.
# Not the asker's own ("forgive the preamble, but ...", "sorry for my long preamble").
_PREAMBLE = re.compile(
    r"(?<!\bmy )(?<!\blong )(?<!\blengthy )(?<!forgive the )(?<!excuse the )(?<!pardon the )"
    r"\bpreamble\b|\bmukadimah\b|前文",
    re.IGNORECASE,
)
_CLOSING_BLOCK = re.compile(r"\b(?:signature|signing|closing)\s+block\b|\bblok\s+tandatangan\b", re.IGNORECASE)
_NAMED_PASSAGES = ((_PREAMBLE, PREAMBLE), (_CLOSING_BLOCK, CLOSING))


def cited_paragraphs(question: str, count: int) -> tuple[PassageKey, ...]:
    """The paragraph numbers ``question`` names, in the order it names them (out-of-range
    numbers included, so the answer can say there is no such paragraph), and "preamble" or
    "closing" when it names the unnumbered text before ¶1 or the signature block after the last.

    >>> cited_paragraphs("What do paragraphs 3-5 and ¶9 say?", 27)
    (3, 4, 5, 9)
    >>> cited_paragraphs("What does the last paragraph say?", 27)
    (27,)
    >>> cited_paragraphs("Which paragraph mentions OSA?", 27)
    ()
    >>> cited_paragraphs("What do the preamble and ¶1 say?", 27)
    ('preamble', 1)
    """
    text = unicodedata.normalize("NFKC", question)  # full-width digits
    found: list[tuple[int, PassageKey]] = []  # (position, passage)
    for m in _REFERENCE.finditer(text):
        numbers = m.group(1) or m.group(2)
        for r in _RANGE.finditer(numbers):
            if r.group(3):
                found.append((m.start(), int(r.group(3))))
            else:
                low, high = int(r.group(1)), int(r.group(2))
                span = range(low, high + 1) if low <= high and high - low < count else (low, high)
                found.extend((m.start(), n) for n in span)
    found += [(m.start(), 1) for m in _FIRST.finditer(text)]
    found += [(m.start(), count) for m in _LAST.finditer(text)]
    found += [(m.start(), key) for pattern, key in _NAMED_PASSAGES for m in pattern.finditer(text)]
    return tuple(dict.fromkeys(n for _, n in sorted(found, key=lambda x: x[0])))


def names_paragraphs(question: str) -> bool:
    """Whether ``question`` names any paragraph by number or position (see cited_paragraphs)."""
    text = unicodedata.normalize("NFKC", question)
    return any(pattern.search(text) for pattern in (_REFERENCE, _FIRST, _LAST, _PREAMBLE, _CLOSING_BLOCK))


def without_references(question: str) -> str:
    """``question`` with its paragraph references taken out: what is left to look for."""
    text = unicodedata.normalize("NFKC", question)
    for pattern in (_REFERENCE, _FIRST, _LAST, _PREAMBLE, _CLOSING_BLOCK):
        text = pattern.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


# "the security section", "the section on regional and international cooperation": a section is
# named by a word of its heading within a few words of "section" ("part" is too common: "as part
# of the economic partnership"). Headings' generic words name no section.
_SECTION = re.compile(r"\b(section|sections|heading)\b")
# Words of a heading that name no section: "Strengthened U.S.-EU Economic Cooperation" is named by
# "economic", not by "for", "with" or the "s" of "U.S." (which "statement" would start with).
_HEADING_GENERIC = {"and", "cooperation", "of", "the", "on", "for", "with", "from", "into", "more", "toward", "towards"}
_OPENING = {"opening", "first", "introductory", "introduction"}
_CLOSING = {"closing", "last", "final", "concluding"}


def named_sections(question: str, headings: Sequence[str]) -> tuple[int, ...]:
    """Indices into ``headings`` (the statement's sections in order, "" for paragraphs before
    the first heading) of the sections ``question`` names.

    >>> named_sections("Summarise the security section", ["", "Security and Safety Cooperation"])
    (1,)
    >>> named_sections("What does the closing section say?", ["", "Security", "Conclusion"])
    (2,)
    """
    words = re.findall(r"[\w-]+", question.lower())
    keywords = [
        {w.strip("-")[:6] for w in re.findall(r"[\w-]+", heading.lower()) if len(w.strip("-")) >= 3 and w not in _HEADING_GENERIC}
        for heading in headings
    ]
    found: list[int] = []
    for i, word in enumerate(words):
        if not _SECTION.fullmatch(word):
            continue
        near = words[max(0, i - 4) : i] + words[i + 1 : i + 6]
        for index, stems in enumerate(keywords):
            if any(w.startswith(stem) for w in near for stem in stems):
                found.append(index)
        if _OPENING & set(near) and headings and not headings[0]:
            found.append(0)
        if _CLOSING & set(near):
            found.append(len(headings) - 1)
    return tuple(dict.fromkeys(found))
