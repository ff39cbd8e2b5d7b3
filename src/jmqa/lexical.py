"""The lexical side: tokens, the statement's own acronyms, BM25 and term coverage.

Exact terms are where dense models are weakest: acronyms (OSA, JBIC), names of companies, figures
("USD 20 million", "1.05 million"). The statement defines its acronyms in place, "Official
Security Assistance (OSA)", so both spellings are indexed and either one in a question finds
the paragraph that uses the other.

Example::

    >>> from jmqa.document import load_statement
    >>> bm25 = Lexicon(load_statement())
    >>> bm25.expand("What is OSA?")
    'What is OSA? (Official Security Assistance)'
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Collection, Iterator, Sequence

import numpy as np
import Stemmer

from jmqa.countries import (
    Country,
    CountryNames,
    countries,
    countries_in,
    country_names,
    country_names_lower,
    country_words_lower,
    demonym_forms,
    longest_runs,
)
from jmqa.data_files import read_data_file
from jmqa.document import Document, PassageKey, Span
from jmqa.glossary import Glossary
from jmqa.language import is_word_of
from jmqa.nouns import noun_kind
from jmqa.parties import Parties
from jmqa.word_frequency import zipf

_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")
# A figure: digits, with thousands separators or decimals ("1,000", "1.05").
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A figure with the scale word after it, in the languages jmqa reads: "$1 trillion" is not a
# statement's "1" (a list's "(1)"), nor "500 million" its "$500 billion".
# (An ordinal's or a plural's ending is no scale: "50th" and "1990s" are read as 50 and 1990.)
_SCALES = {"bn": "billion", "tn": "trillion", "k": "thousand", "m": "million"} | dict.fromkeys(("st", "nd", "rd", "th", "s"), "")
# Not digits glued to letters, as in a code ("5G", "G7", "COP26", "H1B"), but an ordinal or a
# plural ("the 50th", "the 1990s", "F-35s": 50, 1990, 35) or a figure whose scale is a letter
# ("30m"); a currency's letters may stand before a scaled figure ("RM1.5bn", "USD20m").
_SCALE = r"(?:\s*(?:thousand|million|billion|trillion|bn|tn|juta|bilion|trilion)\b|[km]\b|\s*[万億兆])"
_SCALED = re.compile(
    rf"(?:(?<![A-Za-z0-9.,])\d+(?:[.,]\d+)*(?:{_SCALE}|(?<=1)st|(?<=2)nd|(?<=3)rd|th|s)?"
    rf"|(?<=[A-Z])\d+(?:[.,]\d+)*{_SCALE})(?![A-Za-z0-9])",
    re.IGNORECASE,
)


# English numbers in words: the cardinals ("five", "twenty"), and with the ordinals ("fifth") their
# values.
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen""".split()
_ORDINALS = """zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth""".split()
CARDINALS = (*_UNITS, *_TENS)
NUMBER_WORDS = (
    dict(zip(_UNITS, range(20)))
    | dict(zip(_ORDINALS, range(20)))
    | {word: 20 + 10 * i for i, word in enumerate(_TENS)}
    | {word[:-1] + "ieth": 20 + 10 * i for i, word in enumerate(_TENS)}
)


_CLOCK_TIME = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)|\b\d{1,2}:\d{2}\b", re.IGNORECASE)
# ... and so is a figure of the asker's own: "for my Form 4 quiz", "my 3 kids".
_ASKERS_FIGURE = re.compile(r"\bmy\s+(?:[^\W\d_]+\s+){0,2}\d[\d,.]*\b", re.IGNORECASE)
_ROMAN_AFTER_NAME = re.compile(r"\b[A-Z][a-z]+\s+([IVX]{1,5})\b")
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10}


def _roman_value(numeral: str) -> int:
    """ "II" is 2, "IV" 4, "XIV" 14: a digit before a bigger one is taken off."""
    values = [_ROMAN_DIGITS[ch] for ch in numeral]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0]))


def _typed_as_a_word(acronym: str, question: str) -> bool:
    """Whether ``question`` writes ``acronym`` only as the English word it also is: "Asia" in
    "What is POWER Asia?" is the continent, not a statement's ASIA (an alliance). Typed in
    capitals, or in a question all in lower case, it may be the acronym."""
    if re.search(rf"\b{re.escape(acronym)}\b", question) or not re.search(rf"\b{re.escape(acronym.title())}\b", question):
        return False
    from jmqa.word_frequency import zipf  # only now: most questions name no acronym

    return zipf(acronym.lower(), "en") >= _A_WORD_ZIPF


# An acronym this common as a word (Zipf: twenty per million words; "Nato" is 4.0) is typed as
# that word.
_A_WORD_ZIPF = 4.3


# "before 2023" is "by the end of 2022": a time before a year is also the year before it.
_BEFORE_YEAR = re.compile(r"\b(?:before|prior to|ahead of)\s+((?:19|20)\d\d)\b", re.IGNORECASE)


def years_before(text: str) -> dict[str, str]:
    """Each year ``text`` asks of a time before, to the year before it.

    >>> years_before("What share will be immunised before 2023?")
    {'2023': '2022'}
    """
    return {year: str(int(year) - 1) for year in _BEFORE_YEAR.findall(text)}


def _figure(number: str) -> str:
    """A figure as compared: "1,000" is "1000", "1 Trillion" and "1tn" are "1 trillion"."""
    digits = re.sub(r"[^\d.,].*", "", number)
    scale = number[len(digits) :].strip().lower()
    digits = re.sub(r",(?=\d{3}\b)", "", digits)
    scale = _SCALES.get(scale, scale)
    return f"{digits} {scale}" if scale else digits


_SCALE_VALUES = {
    "thousand": 1e3, "million": 1e6, "juta": 1e6, "billion": 1e9, "bilion": 1e9, "trillion": 1e12,
    "trilion": 1e12, "万": 1e4, "億": 1e8, "兆": 1e12,
}


def figure_values(text: str) -> frozenset[float]:
    """The figures ``text`` writes, as values: "870m" and "at least 870 million" are one figure,
    "$2 billion" and "2bn" another.

    >>> sorted(figure_values("share 870m doses, up to $2 billion and 1,000 more, at the G7"))
    [1000.0, 870000000.0, 2000000000.0]
    """
    values = set()
    for figure in map(_figure, _SCALED.findall(text)):
        digits, _, scale = figure.partition(" ")
        try:
            value = float(digits.replace(",", "."))  # a decimal comma; thousands are gone
        except ValueError:  # "1.2.3": a version or a list number, no figure
            continue
        values.add(round(value * _SCALE_VALUES.get(scale, 1.0), 6))
    return frozenset(values)


def is_figure(name: str) -> bool:
    """Whether one of :meth:`Lexicon.unknown_names` is a figure ("2015", "1 trillion") rather than
    a name."""
    return bool(_SCALED.fullmatch(name))


# "Long Form (LF)": an acronym in brackets and the up to 12 words before it, each followed by
# whitespace. Found from each bracket backwards, in the reversed text: a pattern that starts with the
# words tries every position of the text for them (18 ms over the shipped statement, at each load).
_BRACKETED_SHORT = re.compile(r"\(([A-Z][A-Za-z0-9&-]{1,11})\)")
_WORDS_BEFORE_REVERSED = re.compile(r"(?:\s+[\w'’-]+){1,12}")
_SHORT_THEN_LONG = re.compile(r"\b([A-Z][A-Z0-9&-]{1,11})\s+\(([^()]{4,120})\)")
_MINOR = {"of", "on", "and", "the", "for", "in", "to", "with", "between", "among", "&"}
# Words that frame a question about the statement without saying what it is about; a question
# is not "off the statement" because "statement" or "say" is not one of its indexed terms.
_FRAMING = set(
    """say says said mention mentions mentioned statement joint document text tell talk talked
    discuss discussed anything something regarding regard about agree agreed agreement
    anyth whether also kind sort please question answer know many much""".split()
)
_STOPWORDS = set(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not now of off on once only or other our ours ourselves out
    over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself yourselves s t d ll re ve m o y
    any anything there's what's who's let's ok""".split()
)


@functools.cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def stem(word: str) -> str:
    """``word``'s English stem (Snowball): "agencies" and "agency" are both "agenc"."""
    return _stemmer().stemWord(word)


@functools.cache
def _framing_stems() -> frozenset[str]:
    return frozenset(_stemmer().stemWords(sorted(_FRAMING)))


def _any_of(names: Collection[str]) -> re.Pattern[str] | None:
    """One case-blind pattern for whole ``names``, the longest first ("New Delhi" before "Delhi")."""
    if not names:
        return None
    return re.compile(
        r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b", re.IGNORECASE
    )


_ACRONYM = re.compile(r"[A-Z][A-Z0-9]+")


def _names_a_thing(word: str) -> bool:
    """A word a phrase of :meth:`Lexicon.mentions` may start or end with: one the question asks
    with, not a figure alone."""
    return bool(content_terms(word)) and not _NUMBER.fullmatch(word)


def tokenize(text: str) -> list[str]:
    """Lower-cased, stop-word-free, Snowball-stemmed word tokens."""
    words = [w.lower().replace("'s", "") for w in _WORD.findall(text)]
    return _stemmer().stemWords([w for w in words if w not in _STOPWORDS])


def _known_name_word(word: str, known: Collection[str]) -> bool:
    """Whether ``word`` (lower case) is one of ``known`` or an adjective or plural of one ("asian",
    "japans", "vietnamese", "middle eastern")."""
    return any(word.removesuffix(end) in known for end in ("", "s", "n", "ern", "ese"))


@functools.cache
def english_name_forms() -> dict[str, str]:
    """The words WordNet writes only as a name, in lower case, each with the name as written
    ("brussels": "Brussels", "gdp": "GDP"): data/name-words.tsv, which
    scripts/derive_noun_kinds.py derives. Read on the first question that needs it."""
    rows = (line.split("\t") for line in read_data_file("name-words.tsv").splitlines())
    return {row[0]: row[1] for row in rows if len(row) == 2 and not row[0].startswith("#")}


@functools.cache
def english_name_words() -> frozenset[str]:
    """The words WordNet writes only as a name, in lower case ("brussels", "gdp")."""
    return frozenset(english_name_forms())


# A capitalised word next to a name, or joined to it by "of", "and" or "the", makes it part of a
# longer name: "Republic of Korea", "South Africa".
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s+(?:(?:of|and|the)\s+)?$")
_NAME_AFTER = re.compile(r"\s+(?:(?:of|and|the)\s+)?[A-Z]")


def _is_a_one_word_topic(written: str) -> bool:
    """Whether one word, as a passage writes it, names a topic: an acronym ("OSA"), or a name,
    capitalised, of a country ("Ukraine") or one English writes only so; not a people, which
    qualifies a topic more often than it is one ("Russian state funds")."""
    if _ACRONYM.fullmatch(written):
        return True
    lower = written.lower()
    return written[:1].isupper() and (
        lower in country_names_lower() or (lower in english_name_words() and lower not in country_words_lower())
    )


def is_stopword(word: str) -> bool:
    """Whether ``word`` (lower case) is an English function word ("what", "did", "they")."""
    return word in _STOPWORDS


def content_terms(question: str) -> list[str]:
    """The question's own stemmed terms, less question framing and Malay function words.

    Numbers of one or two digits are left out too: without a unit they match nearly anything
    ("alert(1)" is not about "1.05 million visitors").
    """
    framing = _framing_stems()
    malay = _malay_stems()
    return [
        t for t in tokenize(question)
        if t not in framing and t not in malay and not (t.isdigit() and len(t) < 3)
    ]


def _initials(words: list[str]) -> str:
    return "".join(part[0] for w in words for part in re.split(r"[-’']", w) if part)


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def find_acronyms(text: str) -> dict[str, str]:
    """Acronyms the text defines in place, both "Long Form (LF)" and "LF (Long Form)".

    >>> find_acronyms("through Japan's Official Security Assistance (OSA) since 2023")
    {'OSA': 'Official Security Assistance'}
    >>> find_acronyms("the 28th UN Climate Change Conference of the Parties (COP28)")
    {'COP28': 'Conference of the Parties'}
    """
    found: dict[str, str] = {}
    for long_form, short in _long_then_short(text):
        # An edition's number after the letters is no initial: "Conference of the Parties (COP28)".
        letters = re.sub(r"(?<=[A-Za-z])\d+$", "", re.sub(r"[^A-Za-z0-9]", "", short).rstrip("s")).upper()
        words = long_form.split()
        for k in range(1, min(len(words), len(letters) + 4) + 1):
            phrase = words[-k:]
            if phrase[0][0].upper() == letters[0] and _is_subsequence(
                letters, _initials(phrase).upper()
            ):
                found.setdefault(short, " ".join(phrase))
                break
    for m in _SHORT_THEN_LONG.finditer(text):
        short, long = m.group(1), m.group(2)
        letters = re.sub(r"[^A-Za-z0-9]", "", short).upper()
        words = long.replace(",", " ").split()
        if words and words[0][0].upper() == letters[0] and _is_subsequence(
            letters, _initials(words).upper()
        ):
            found.setdefault(short, long)
    return found


def _long_then_short(text: str) -> Iterator[tuple[str, str]]:
    """Each "Long Form (LF)" of ``text`` as (the words before the bracket, "LF"), left to right:
    the words reach back to the last such bracket at most."""
    reversed_text = text[::-1]
    done = 0  # where the last one found ends
    for bracket in _BRACKETED_SHORT.finditer(text):
        words = _WORDS_BEFORE_REVERSED.match(reversed_text, len(text) - bracket.start(), len(text) - done)
        if words:
            yield words.group(0)[::-1], bracket.group(1)
            done = bracket.end()


def spelled_out(text: str) -> dict[str, str]:
    """Each initialism of three letters or more of a run of capitalised words in ``text``, with the
    words it stands for, where only one run gives it: a question may type "NSG" for the Nuclear
    Suppliers Group that the statement spells out and never shortens.

    >>> spelled_out("support for membership in the Nuclear Suppliers Group")
    {'NSG': 'Nuclear Suppliers Group'}
    """
    found: dict[str, str | None] = {}
    for initials, words in _initialled_runs(text, 3):
        found[initials] = words if found.get(initials, words) == words else None
    return {initials: words for initials, words in found.items() if words}


def initialisms(text: str) -> frozenset[str]:
    """The initials of every run of two to six capitalised words in ``text`` ("International
    Energy Agency" -> "IEA"; "of", "and", "the", "for" are skipped): a question may use an
    acronym the statement never writes for a name it spells out.

    >>> sorted(initialisms("hosted by the International Energy Agency"))
    ['EA', 'IE', 'IEA']
    """
    return frozenset(initials for initials, _ in _initialled_runs(text, 2))


def _initialled_runs(text: str, fewest: int) -> Iterator[tuple[str, str]]:
    """The initials and words of every run of ``fewest`` to six capitalised words in ``text``
    ("of", "and", "the", "for" skipped)."""
    for run in _CAPITALISED_RUN.finditer(text):
        words = [w for w in run.group(0).split() if w not in _RUN_JOINERS]
        for size in range(fewest, 7):
            for i in range(len(words) - size + 1):
                part = words[i : i + size]
                yield "".join(w[0] for w in part), " ".join(part)


class BM25:
    """Okapi BM25 as Lucene scores it (k1 = 1.5, b = 0.75: bm25s's defaults) over tokenized
    passages: each query token adds ``idf * tf / (tf + k1 * (1 - b + b * length / mean length))``.

    Written out in numpy rather than called from bm25s, whose import (it brings scipy.sparse) was
    0.22 s of a cold ``jmqa ask``: over a statement's few dozen passages the whole table of
    scores is a small dense matrix. ``tests/test_lexical.py`` checks the scores against bm25s's.

    Example::

        >>> BM25([["palm", "oil"], ["semiconductor"]]).scores(["palm", "oil", "oil"]).round(3)
        array([0.723, 0.   ], dtype=float32)
    """

    def __init__(self, passages: Sequence[Sequence[str]], k1: float = 1.5, b: float = 0.75) -> None:
        self._row = {t: i for i, t in enumerate(sorted({t for p in passages for t in p}))}
        counts = np.zeros((len(self._row), len(passages)), dtype=np.float32)
        for column, tokens in enumerate(passages):
            for token in tokens:
                counts[self._row[token], column] += 1
        documents = (counts > 0).sum(axis=1)
        idf = np.log(1 + (len(passages) - documents + 0.5) / (documents + 0.5))
        lengths = np.array([len(p) for p in passages], dtype=np.float32)
        scale = k1 * ((1 - b) + b * lengths / max(float(lengths.mean()), 1.0))
        self._scores = (idf[:, None] * counts / (scale + counts)).astype(np.float32)

    def scores(self, tokens: Sequence[str]) -> np.ndarray:
        """Each passage's score for ``tokens`` (a token twice counts twice; unknown ones nothing)."""
        rows = [self._row[t] for t in tokens if t in self._row]
        return self._scores[rows].sum(axis=0, dtype=np.float32)


class Lexicon:
    """BM25 over the statement's paragraphs (and preamble and closing block: its passages), with
    its acronyms and glossary, and term coverage."""

    def __init__(self, document: Document, glossary: Glossary | None = None) -> None:
        passages = document.passages
        text = " ".join(p.text for p in passages)
        self.acronyms = find_acronyms(text)
        self.glossary = glossary if glossary is not None else Glossary.load()
        self._position = document.position
        docs = [tokenize(self.with_long_forms(p.text)) for p in passages]
        self.paragraph_terms = [frozenset(d) for d in docs]
        self._text = text.lower()
        self._words = {w.removesuffix("'s") for w in _WORD.findall(self._text)}
        # The title names the parties too ("Joint Statement of Atlantis and Lemuria"), where the
        # paragraphs may say only "both sides": its names are no unknown names.
        self._title = f"{document.title} {document.subtitle}".lower()
        # Each figure bare and with its scale: a question may say "500" of "$500 billion".
        self._figures = {_figure(n) for n in _NUMBER.findall(self._text)} | {
            _figure(n) for n in _SCALED.findall(self._text)
        }
        # "the Five-Point Consensus", "a second phase": a question may type in digits what the
        # statement writes in words ("the 5 pt consensus", "the 2nd phase").
        self._figures |= {str(NUMBER_WORDS[w]) for w in self._words if w in NUMBER_WORDS}
        # "World War II", "Phase III": a question may write the numeral after a name in digits.
        self._figures |= {
            str(_roman_value(numeral)) for numeral in _ROMAN_AFTER_NAME.findall(text)
        }
        # One-word glossary terms name things the statement covers ("pm", "kl"), so they are
        # no unknown names either, even in a form the glossary does not match ("PMs").
        self._glossed = {
            term.lower() for lang, term, _ in self.glossary.entries if lang == "en" and " " not in term
        }
        # The words a name may be made of without being unknown (the glossary's explanations of a
        # question's own words join them per question).
        self._name_words = (
            self._words | {w.removesuffix("'s") for w in _WORD.findall(self._title)} | self._glossed
        )
        # "the February 2025 statement" names the statement by its own date, said in it or not:
        # no unknown name or figure, and no term the statement lacks.
        self._date_terms: frozenset[str] = frozenset()
        if document.date:
            date = document.date
            self._figures |= {str(date.day), str(date.year)}
            self._name_words.add(f"{date:%B}".lower())
            self._date_terms = frozenset(tokenize(f"{date.day} {date:%B} {date.year}"))
        self._compound = _compound_of(parties(document))
        self._document = document
        self._initialisms = initialisms(text)
        self._capitalised_words = set(_CAPITALS_WORD.findall(f"{document.title} {text}"))
        # Words the statement writes only with a capital ("Reefco", "KELP"): its names, which a
        # question in any language spells alike.
        written = _WORD.findall(text)
        in_lower_case = {w for w in written if w[:1].islower()}
        self._name_only_words = frozenset(
            w.lower() for w in written if w[:1].isupper() and w.lower() not in in_lower_case
        )
        self._spelled_out = spelled_out(text)
        self._bm25 = BM25(docs)
        n = self._n = len(docs)
        df: dict[str, int] = {}
        for tokens in docs:
            for t in set(tokens):
                df[t] = df.get(t, 0) + 1
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self._keys = [p.number for p in passages]
        self._passage_texts = [p.text for p in passages]
        # Each passage's words, lower case, as " w1 w2 ... " (a phrase is a run of them) and
        # where each word is in the text.
        self._word_spans = [[m.span() for m in _WORD.finditer(p.text)] for p in passages]
        self._word_runs = [f" {' '.join(m.group(0).lower() for m in _WORD.finditer(p.text))} " for p in passages]
        self._unknown_idf = math.log(1 + (n + 0.5) / 0.5)
        # A question's glossary matches and additions are asked for four to seven times while it
        # is answered (the expansion, coverage, names...), and were most of jmqa's own time.
        self._explained = functools.lru_cache(maxsize=4096)(self._explain)
        self._added = functools.lru_cache(maxsize=4096)(self._additions)
        # The refusal reads a question's unknown names and its coverage of the first passage for
        # every candidate answer; eval/tune.py's grids asked for them 900,000 times (90 s of
        # the calibration test's 150).
        self._unknown = functools.lru_cache(maxsize=4096)(self._find_unknown_names)
        self._covered = functools.lru_cache(maxsize=4096)(self._coverage)

    def with_long_forms(self, text: str) -> str:
        """``text`` with the long form of each of the statement's acronyms it writes alone appended:
        "the WHO reports back" is about the World Health Organization, which a question may name."""
        extra = [
            long for short, long in self.acronyms.items()
            if re.search(rf"\b{re.escape(short)}\b", text) and long not in text
        ]
        return " ".join([text, *extra])

    def additions(self, question: str) -> list[str]:
        """The statement's terms for the acronyms, long forms and glossary terms in the question."""
        return list(self._added(question))

    def _additions(self, question: str) -> list[str]:
        found: list[str] = []
        lowered = question.lower()
        for short, long in self.acronyms.items():
            if len(short) >= 3 and re.search(rf"\b{re.escape(short.lower())}\b", lowered):
                if long.lower() not in lowered and not _typed_as_a_word(short, question):
                    found.append(long)
            elif long.lower() in lowered and short not in question:
                found.append(short)
        # An acronym the statement never writes, of a name it spells out ("NSG").
        for typed in _TYPED_ACRONYM.findall(question):
            name = self._spelled_out.get(typed)
            if name and typed.lower() not in self._words and name.lower() not in lowered and name not in found:
                found.append(name)
        for _, english in self.explanations(question):
            if english not in found:
                found.append(english)
        return found

    def explanations(self, question: str) -> list[tuple[str, str]]:
        """(term in the question, statement term) pairs: from the glossary, and another name or
        the capital of a country the statement names ("north korea", "Islamabad"; jmqa.countries)."""
        return list(self._explained(question))

    def _explain(self, question: str) -> list[tuple[str, str]]:
        found = [
            pair for pair in self.glossary.matches(question)
            if not self._ends_own_phrase(question, pair[0])
        ]
        pattern = self._other_country_names
        if pattern is not None:
            written = self._countries.other_names
            found += [
                (m.group(0), written[m.group(0).lower()])
                for m in pattern.finditer(question)
                if all(m.group(0).lower() != term.lower() for term, _ in found)
            ]
        return found

    def _ends_own_phrase(self, question: str, term: str) -> bool:
        """Whether ``term`` starts inside a phrase of the statement's own: in "palm oil supply
        chains" the statement's "palm oil" holds the glossary's "oil supply", which means fuel.

        Read only on the left, where English puts a modifier, and only for a word the statement
        uses with the term's first word but never with the whole term.
        """
        term = term.lower()
        if term in self._text:
            return False
        before = re.search(rf"([\w-]+)\s+{re.escape(term)}(?!\w)", question.lower())
        if before is None or is_stopword(before.group(1)):
            return False
        phrase = rf"\b{re.escape(before.group(1))}\s+{re.escape(term.split()[0])}\b"
        return re.search(phrase, self._text) is not None

    @functools.cached_property
    def parties(self) -> Parties:
        """Who the statement is between: read for a library's routing, and by the answerer for a
        question with speakers or countries joined as one relation."""
        return Parties.of(self._document)

    @functools.cached_property
    def _countries(self) -> CountryNames:
        return country_names(self._text)

    @functools.cached_property
    def _named_countries(self) -> tuple[Country, ...]:
        """The countries the statement or its title names."""
        return countries_in(f"{self._text} {self._title}")

    @functools.cached_property
    def country_aliases(self) -> frozenset[str]:
        """Lower case, every name, capital, people and three-letter code of the countries the
        statement or its title names, as people write them ("kuala lumpur", "north korea",
        "usa"), whether or not the statement writes them so."""
        capitals = frozenset(f.lower() for c in self._named_countries for f in c.capital_forms)
        return frozenset(self._countries.other_names) | self._country_words | capitals

    def names_no_such_country(self, word: str) -> bool:
        """Whether ``word`` (lower case) is a one-word name or demonym of a country that neither
        the statement nor its title names ("germany", "germans")."""
        return word in country_words_lower() and word not in self._country_words

    @functools.cached_property
    def _country_words(self) -> frozenset[str]:
        """The names, peoples and three-letter codes, lower case, of the countries the statement or
        its title names ("united states", "americans", "usa")."""
        return frozenset(
            w.lower() for c in self._named_countries for w in (*c.names, *demonym_forms(c.demonym), *(k for k in c.codes if len(k) == 3))
        )

    @functools.cached_property
    def _other_country_names(self) -> re.Pattern[str] | None:
        return _any_of(self._countries.other_names)

    @functools.cached_property
    def _unnamed_countries(self) -> tuple[frozenset[str], int]:
        """The lower-cased names of the countries the statement never names, and the most words
        one has: looked up word run by word run, which took a thousandth of the time one pattern
        of every name did (it was most of the refusal's own time)."""
        names = self._countries.unnamed
        return names, max((len(n.split()) for n in names), default=0)

    def expand(self, question: str) -> str:
        """The question as searched, with the statement's own terms appended, for every signal
        to read.

        >>> from jmqa.document import load_statement
        >>> Lexicon(load_statement()).expand("Do they back FOIP?")
        'Do they back FOIP? (Free and Open Indo-Pacific)'
        >>> Lexicon(load_statement()).expand("japan malaysia strategic dialogue")
        'bilateral strategic dialogue'
        """
        extra = self.additions(question)  # before the compound goes: "Malaysia-Japan International ..."
        searched = self._compound.sub("bilateral", question) if self._compound else question
        return f"{searched} ({'; '.join(extra)})" if extra else searched

    def mentions(self, question: str, passage: PassageKey) -> list[tuple[str, list[PassageKey]]]:
        """The statement's rare phrases that ``question`` and ``passage`` share, each with the other
        passages that use it too: where else the statement names what the question asks about.

        A phrase is the longest run of the question's words found as a run in ``passage`` (case
        aside) that starts and ends with a word the question asks with (not "the", "say", "2025"):
        an acronym, or several words one of which is rare. Rare is used by at most a tenth of the
        passages (at least 3). Each comes as ``passage`` writes it.

        >>> from jmqa.document import load_statement
        >>> Lexicon(load_statement()).mentions("What did they say about the South China Sea?", 22)
        [('South China Sea', [8])]
        """
        at = self._position(passage)
        rare_at_most = max(3, self._n // 10)
        found: list[tuple[str, list[PassageKey]]] = []
        for words, first in self._shared_runs(question, at):
            spans = self._word_spans[at]
            written = self._passage_texts[at][spans[first][0] : spans[first + len(words) - 1][1]]
            users = self._users(f" {' '.join(words)} ")
            if len(words) == 1:
                # One word names a topic only as an acronym ("OSA") or a name of its own ("Ukraine";
                # not "role", "held"), and not as a party's name or people ("Japanese"): the
                # statement is about the parties. A name counts where it stands alone.
                topic = _is_a_one_word_topic(written) and not self.parties.named_in(written)
                if not _ACRONYM.fullmatch(written):
                    users = [k for k in users if self._names_alone(written, k)]
            else:
                # A phrase only with a rare word of its own ("South China Sea"; not "Japan and
                # Malaysia", whose words are everywhere).
                topic = any(len(self._users(f" {w} ")) <= rare_at_most for w in words if _names_a_thing(w))
            if topic and 1 < len(users) <= rare_at_most:
                found.append((written, [k for k in users if k != passage]))
        return found

    def sentences_using(self, phrase: str, passage: PassageKey) -> tuple[Span, ...]:
        """The sentences of ``passage`` whose words hold ``phrase``'s as a run, case aside, as
        :meth:`mentions` finds a phrase in a passage: where the passage says something of it."""
        needle = f" {' '.join(w.lower() for w in _WORD.findall(phrase))} "
        paragraph = self._document.paragraph(passage)
        return tuple(
            span for span in paragraph.sentences
            if needle in f" {' '.join(w.lower() for w in _WORD.findall(paragraph.text[span.start : span.end]))} "
        )

    def _shared_runs(self, question: str, at: int) -> Iterator[tuple[list[str], int]]:
        """The longest runs of the question's words (lower case) that the passage at ``at`` has
        as a run too, left to right, each starting and ending with a word that names a thing
        ("the South China Sea" is "South China Sea"; "in 2025" names none), with the index of
        its first word in the passage."""
        words = [w.lower() for w in _WORD.findall(question)]
        names = [_names_a_thing(w) for w in words]
        passage_words = self._word_runs[at]
        start = 0
        while start < len(words):
            end = next(
                (e for e in range(len(words), start, -1)  # the longest first
                 if names[start] and names[e - 1] and f" {' '.join(words[start:e])} " in passage_words),
                None,
            )
            if end is None:
                start += 1
                continue
            where = passage_words.find(f" {' '.join(words[start:end])} ")
            yield words[start:end], passage_words.count(" ", 0, where)
            start = end

    def _names_alone(self, name: str, passage: PassageKey) -> bool:
        """Whether ``passage`` writes ``name`` as a name of its own, not inside a longer one:
        "Ukraine", not the "Korea" of "Republic of Korea" nor the "Africa" of "South Africa"."""
        text = self._passage_texts[self._position(passage)]
        return any(
            not _NAME_BEFORE.search(text[: m.start()]) and not _NAME_AFTER.match(text[m.end() :])
            for m in re.finditer(rf"\b{re.escape(name)}\b", text)
        )

    def _users(self, needle: str) -> list[PassageKey]:
        """The passages whose words hold ``needle`` (" w1 w2 ")."""
        return [k for k, run in zip(self._keys, self._word_runs) if needle in run]

    def scores(self, question: str) -> np.ndarray:
        """BM25 score of every passage (index 0 is paragraph 1) for the expanded question."""
        tokens = tokenize(self.expand(question))
        if not tokens:
            return np.zeros(self._n, dtype=np.float32)
        return self._bm25.scores(tokens)

    def weight(self, term: str) -> float:
        """How much a stemmed term tells: its IDF over the statement's passages, or the most a term
        can have for one the statement never uses."""
        return self.idf.get(term, self._unknown_idf)

    def statement_names_in(self, question: str) -> str:
        """The words of ``question`` that the statement writes only as names, in any case: of a
        Malay "Syarikat manakah bekerjasama dengan reefco?", "reefco" for a statement that
        names Reefco."""
        return " ".join(w for w in _WORD.findall(question) if w.lower() in self._name_only_words)

    def content_terms(self, question: str) -> list[str]:
        """See :func:`content_terms`."""
        return content_terms(question)

    def _says(self, name: str) -> bool:
        """Whether the statement's text (lower case) has ``name`` where a word starts: "Asian" and
        "Iranian" hold "asia" and "iran", but "diplomacy" holds no "IPL", nor "afford" a "Ford"."""
        # str.find, not a regular expression: a pattern that opens on a lookbehind scans the whole
        # text at every position (0.2 ms a name; this is a few microseconds).
        start = self._text.find(name)
        while start > 0 and (self._text[start - 1].isalnum() or self._text[start - 1] == "_"):
            start = self._text.find(name, start + 1)
        return start != -1

    def unknown_names(self, question: str, language: str = "") -> list[str]:
        """Names and figures in the question that the statement never mentions ("Emperor",
        "Belt and Road", "2030"): a strong sign the question is about something else.

        ``language``: the question's, where known ("en" for a question read as English).
        """
        return list(self._unknown(question, language == "en"))

    def _find_unknown_names(self, question: str, english: bool) -> tuple[str, ...]:
        # Whole figures: "2.5 million" is not the statement's "12.5", nor "$1 trillion" its "1.05".
        # A time of day is the asker's deadline ("need it by 3pm"), no figure of the topic.
        # Where the asker lives or works is no name of the topic ("I'm an engineer in Pune.").
        question = without_askers_place(question)
        topical = _ASKERS_FIGURE.sub(" ", _CLOCK_TIME.sub(" ", question))
        # "before 2023" of a statement that writes "by the end of 2022" asks of a figure it gives.
        earlier = years_before(topical)
        names = [n for n in _SCALED.findall(topical) if _figure(n) not in self._figures and earlier.get(n) not in self._figures]
        explained = " ".join(term.lower() for term, _ in self.explanations(question))
        known = self._name_words.union(explained.split())
        for m in _NAME.finditer(question):
            # A lower-case word hyphened to a name is no part of it: "Indian-owned factories" name
            # India, not "owned"; and "the Manila-based lender" only says where the lender sits.
            if _names_a_seat(question, m.start(), m.end()):
                continue
            name = _HYPHENED_WORD.sub("", m.group(0))
            first = name.split(maxsplit=1)
            if _SHOUTING.fullmatch(name):  # "IGNORE ALL PRIOR INSTRUCTIONS" names nothing
                continue
            opener = re.sub(r"['’](m|ve|d|ll)$", "", first[0].lower())  # "I'm" is "I"
            if _SENTENCE_START.search(question[: m.start()]) or opener in _QUESTION_WORDS:
                # A sentence-initial capital is no name, but "What's Toyota" still holds one, and
                # so does a word with a capital of its own ("Japan-Malaysia ties?", "JMEPA?").
                if len(first) == 1 and not _CAPITAL_INSIDE.search(first[0][1:]):
                    continue
                if len(first) == 1:
                    first = ["", first[0]]
                name = first[1]
            base = re.sub(r"['’]s$", "", name.lower())  # "PM's" is the glossary's "pm"
            if self._says(base) or base in self._title or base in explained or name in self._initialisms:
                continue
            if "-" in base and self._says(base.replace("-", "")):
                continue  # "G-7" of a statement that writes "G7"
            # "POWER Asia" of a statement that writes "power" and "Asia" but never "POWER": one of
            # its words in capitals, inside a longer name, is an acronym of something else.
            if " " in name and any(
                w.lower() in self._words and w not in self._capitalised_words for w in _CAPITALS_WORD.findall(name)
            ):
                names.append(name)
                continue
            # "Tokyo and Kuala Lumpur", "the Japan-Malaysia Comprehensive Strategic Partnership":
            # words the statement uses, put together differently. Not so "Belt and Road".
            words = {w.split("'")[0] for w in _WORD.findall(name.lower())} - {"and", "of", "the", "i"}
            # "Japans" is "Japan's" typed without the apostrophe; "Middle Eastern", "Asian" and
            # "Vietnamese" are adjectives of names the statement uses; "Tokyo and KL" and "PMs"
            # join a name it uses and one the glossary explains.
            # The names and peoples (countryinfo) of the countries it or its title names: "Americans"
            # and "Burmese" of a statement that names the United States and Myanmar.
            if not all(_known_name_word(w, known) or w in self._country_words for w in words):
                names.append(name)
        # A country the statement never names, typed in lower case ("the war in ukraine"), unless
        # the glossary explains it ("burma": the statement's Myanmar).
        names += [
            country for country in self._unnamed_countries_in(question)
            if country.islower() and f" {country} " not in f" {explained} "  # a whole word
        ]
        # So is any word English writes only as a name ("brussels", "gdp"): typed in lower case,
        # the question still names what its capitalised form would.
        names += dict.fromkeys(
            m.group(0) for m in _WORD.finditer(question)
            if (word := m.group(0)).islower() and not is_stopword(word) and word not in names
            and not _known_name_word(word, known)  # the glossary explains "burma" as the statement's Myanmar
            and (
                # Countries are read by every name people give them ("america"), and their
                # peoples too ("the french revolution").
                self.names_no_such_country(word)
                or (
                    word in english_name_words() and not self._says(word) and word not in self._title
                    and word not in self.country_aliases and word not in country_words_lower()
                    # Nor a word of Malay, the other language read in Latin letters, ten times commoner
                    # there: "akan" (will) and "ada" (there is) are names only to an English list;
                    # "paris" and "osaka" are as common in both. In a question read as English, a
                    # Malay place is still a name ("a campus in sabah"): Malay writes it as often.
                    and (english or max(zipf(word, "ms"), zipf(word, "id")) < zipf(word, "en") + 1.0)
                )
            )
            and not _names_a_seat(question, m.start(), m.end())  # last: it reads the text before
        )
        return tuple(names)

    def only_unnamed_countries(self, question: str, language: str = "en") -> tuple[str, ...]:
        """The countries ``question`` names that the statement never names, as typed, when it names
        no other country the statement does, its parties aside: "What did they say about Russia's
        war in Ukraine?" of a statement that names neither, but not "the Israel-Palestine
        conflict" of one that names Palestine. Such a question is about what the statement cannot
        have said: of 72 read questions that name only such countries, 71 were unanswerable.
        In a question in another ``language``, a name typed in lower case that English never
        writes as a word but that language does is that word: French "la première réunion" is a
        meeting, not Réunion (a Malay "indonesia" or a French "france" is still the country)."""
        # "Apart from the US, which ...?", "I work in Singapore. Does it ...?"
        question = _SET_ASIDE.sub(" ", without_askers_place(POSSESSIVE.sub("", question)))
        unnamed = self._unnamed_countries_in(question)
        if language != "en":
            unnamed = [
                name for name in unnamed
                if not (name.islower() and not zipf(name, "en") and is_word_of(name, language))
            ]
        if not unnamed:  # most questions: nothing more to read
            return ()
        explained = f" {' '.join(term.lower() for term, _ in self.explanations(question))} "
        unnamed = [name for name in unnamed if f" {name.lower()} " not in explained]  # "Burma"
        if not unnamed or self._other_named_countries & set(countries_in(question)):
            return ()
        return tuple(dict.fromkeys(unnamed))

    @functools.cached_property
    def _other_named_countries(self) -> frozenset[Country]:
        """The countries the statement or its title names, its parties aside."""
        parties = {countries()[i] for i in self.parties.countries}
        return frozenset(set(self._named_countries) - parties)

    def _unnamed_countries_in(self, question: str) -> list[str]:
        """The names of countries the statement never names in ``question``, as typed, the
        longest at each word first."""
        unnamed, longest = self._unnamed_countries

        def named(run: str) -> str | None:
            # The full stop of "St." is the name's; that of "... in Ukraine." ends a sentence.
            return next((form for form in (run, run.removesuffix(".")) if form.lower() in unnamed), None)

        return [name for _, name in longest_runs(_COUNTRY_WORD.findall(question), longest, named)]

    def coverage(self, question: str, paragraph: PassageKey | None = None) -> float:
        """IDF-weighted share of the question's terms found in the statement (or one paragraph).

        1.0 when every term is there, near 0 for "best ramen in Osaka". Terms a glossary entry
        explains ("dirty money") count as found. For a question without Latin-script terms
        (Japanese), it is the share of its kanji and katakana that glossary terms account for.
        """
        return self._covered(question, paragraph)

    def _coverage(self, question: str, paragraph: PassageKey | None) -> float:
        terms = self.content_terms(question)
        matched = self.explanations(question)
        if paragraph is not None:
            here = self.paragraph_terms[self._position(paragraph)]
            matched = [(t, e) for t, e in matched if set(tokenize(e)) & here]
        if not terms:
            return _ideographic_coverage(question, [term for term, _ in matched])
        explained = {t for term, _ in matched for t in tokenize(term)} | self._date_terms
        if paragraph is None:
            known_terms = self.idf.keys() | explained
        else:
            known_terms = self.paragraph_terms[self._position(paragraph)] | explained
        total = sum(self.weight(t) for t in terms)
        known = sum(self.weight(t) for t in terms if t in known_terms)
        return known / total


# Japanese question framing, which says nothing about the topic.
_JA_FRAMING = ("何と言", "何を言", "教えて", "について", "何人", "いくら", "いつ", "何", "どう", "ですか", "ますか")


def _ideographic_coverage(question: str, terms: list[str]) -> float:
    """Share of the question's kanji and katakana inside glossary terms (framing excluded)."""
    def content(ch: str) -> bool:
        return "\u4e00" <= ch <= "\u9fff" or "\u30a0" <= ch <= "\u30ff"

    def positions(needles: Sequence[str]) -> set[int]:
        found: set[int] = set()
        lowered = question.lower()
        for needle in needles:
            start = lowered.find(needle.lower())
            while needle and start >= 0:
                found.update(range(start, start + len(needle)))
                start = lowered.find(needle.lower(), start + 1)
        return found

    framing = positions(_JA_FRAMING)
    chars = {i for i, ch in enumerate(question) if content(ch)} - framing
    if not chars:
        return 0.0
    return len(chars & positions(terms)) / len(chars)


def parties(document: Document) -> list[str]:
    """The parties of a bilateral statement: the names in its title ("Japan-Malaysia Joint
    Statement", "Joint Statement by the President of X and the Prime Minister of Y") that its
    paragraphs keep repeating (in at least half of them)."""
    names = re.findall(r"\b[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)*", document.title.replace("-", " "))
    words = {w for name in names for w in name.split()}
    count = len(document.paragraphs) or 1
    return [
        w for w in sorted(words)
        if w.lower() not in {"joint", "statement", "declaration", "the", "of", "and", "vision"}
        and sum(w in p.text for p in document.paragraphs) * 2 >= count
    ]


def _compound_of(names: list[str]) -> re.Pattern[str] | None:
    """ "japan malaysia strategic dialogue", "Japan-Malaysia ties": a statement names its two
    parties in nearly every sentence, so their compound says only "bilateral" (the genre's own
    word), while the models would read it as a pull toward the few things named "A-B ..." """
    if len(names) != 2:
        return None
    a, b = (re.escape(n) for n in names)
    return re.compile(rf"\b(?:{a}\s*[-–]?\s*{b}|{b}\s*[-–]?\s*{a})\b", re.IGNORECASE)


_HYPHENED_WORD = re.compile(r"-[a-z]+\b")  # the hyphen _NAME joins on
# A place named as where something has its seat ("the Paris-based energy watchdog", "the world
# body headquartered in New York"): it describes the thing asked about, which the statement may
# name otherwise, and is no topic of its own.
_SEAT_AFTER = re.compile(r"(?:-|\s+)(?:based|headquartered)\b", re.IGNORECASE)
_SEAT_BEFORE = re.compile(r"\b(?:based|headquartered|seated)\s+in\s+(?:the\s+)?$", re.IGNORECASE)


def _names_a_seat(question: str, start: int, end: int) -> bool:
    """Whether the name at ``question[start:end]`` says only where something asked about is seated."""
    name = question[start:end]
    return (
        re.search(r"-(?:based|headquartered)$", name, re.IGNORECASE) is not None
        or _SEAT_AFTER.match(question, end) is not None
        or _SEAT_BEFORE.search(question[:start]) is not None
    )


# A capitalised word or run of them; a code's number after its hyphen is part of it ("H-1B",
# "F-35", "MQ-9B": not "H", a letter any statement writes).
_NAME = re.compile(r"\b[A-Z][A-Za-z0-9]*(?:[-’'][A-Za-z]+|-[0-9][A-Za-z0-9]*)?(?:\s+(?:of\s+|and\s+|the\s+)?[A-Z][A-Za-z0-9]*)*")
# Where a capital says nothing about a name: the start of the question or of a sentence in it.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+)\W*$")
_CAPITAL_INSIDE = re.compile(r"[A-Z]")
_RUN_JOINERS = {"of", "and", "the", "for"}
POSSESSIVE = re.compile(r"['’]s\b")  # "Japan's", "the Earth’s"
# What a question sets aside is not what it asks about: "Apart from the United States, which ...?"
_SET_ASIDE = re.compile(
    r"\b(?i:apart from|aside from|besides|except(?: for)?|other than)\s+(?:the\s+)?[\w.-]+(?:\s+[A-Z][\w.-]*)*"
)
# A place named to the end of its clause, and never past its sentence's full stop ("U.S." is one word).
_TO_CLAUSE_END = (
    r"(?:\s+(?!(?:and|but|so|or|because|about|on|over|regarding|with|against|what|which|who|when|where|why|how"
    r"|did|does|do|is|are|was|were|can|could|will|would|has|have)\b)[\w'’-]+(?:\.[\w'’-]+)*)+"
)
# Nor is where the asker, or someone of theirs, lives or works: "I work at a consultancy in
# Singapore", "my cousin lives in Bulgaria", "my family is in Germany", "I'm from Chile". Not a
# clause with a topic in it ("I'm reading about the war in Ukraine", "I work on trade with Peru").
_ASKERS_PLACE = re.compile(
    r"(?i:\b(?:(?:im|i['’]m|i\s+am|we['’]?re|we\s+are|(?:my|our)(?:\s+[\w-]+){1,2}\s+(?:is|are|was|were))"
    # "I'm a telecom engineer in Pune", "we are a small exporter from Johor"
    r"(?:\s+(?:a|an)(?:\s+(?!(?:about|on|over|regarding|with)\b)[\w-]+){1,3}?)?"
    r"\s+(?:(?:now|currently|originally|based|located|living|staying)\s+)?(?:in|from)"
    r"|(?:i|we|(?:my|our)(?:\s+[\w-]+){1,2})\s+(?:(?:also|now|still|currently)\s+)?(?:live|lives|lived|living|work|works"
    r"|worked|working|study|studies|studied|teach|teaches|taught|grew\s+up|was\s+born|were\s+born|moved|reside|resides"
    r"|come|comes|came)\s+(?:in|at|from|to|for|as)"
    # "I cover politics for a paper in Singapore": where the asker's paper, firm or client is.
    r"|(?:i|we)\s+(?:(?!(?:about|on|over|regarding)\b)[\w'’-]+\s+){1,6}?(?:for|at|with)\s+(?:a|an|my|our)\s+(?:[\w-]+\s+){1,3}?"
    r"(?:(?:based|located)\s+)?(?:in|from))\b"
    + _TO_CLAUSE_END + ")"
)
# ... nor where someone of theirs is, typed without a verb: "my cousin in bulgaria wants to visit",
# "our daughter from Lyon" (a person, by WordNet's nouns; "my research in Ukraine" is a topic).
_KINS_PLACE = re.compile(
    r"(?i:\b(?:my|our)\s+(?:[\w-]+\s+)?(?P<who>[\w-]+)\s+(?:in|from)\b" + _TO_CLAUSE_END + ")"
)


def without_askers_place(question: str) -> str:
    """``question`` without where the asker, or someone of theirs, lives, works or is."""
    question = _ASKERS_PLACE.sub(" ", question)
    return _KINS_PLACE.sub(lambda m: " " if noun_kind(m["who"]) in ("person", "agent") else m.group(0), question)


_TYPED_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
_CAPITALS_WORD = re.compile(r"\b[A-Z]{3,}\b")
_COUNTRY_WORD = re.compile(r"\w+(?:[-'’.]\w+)*\.?")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w-]*(?:\s+(?:(?:of|and|the|for)\s+)*[A-Z][\w-]*)+")
# Two or more words in capitals are shouting ("DROP TABLE"); one alone is an acronym ("JMEPA").
_SHOUTING = re.compile(r"[A-Z]{2,}(?:\s+[A-Z]{2,})+")
_QUESTION_WORDS = {"i", "what", "which", "who", "when", "where", "why", "how", "did", "do", "does", "is", "are", "was", "were", "will", "can", "could", "should", "has", "have", "any", "anything", "tell", "pm"}

_MALAY = set(
    """apa apakah adakah bagaimana berapa bila bilakah siapa mengapa kenapa mana yang dan dengan
    untuk tentang mengenai dalam ini itu di ke dari pada tidak ada akan antara kedua negara mereka
    kata kerjasama telah sudah oleh bagi atau juga lebih serta boleh perlu kerajaan perdana menteri
    """.split()
)


@functools.cache
def _malay_stems() -> frozenset[str]:
    return frozenset(_stemmer().stemWords(sorted(_MALAY)))
