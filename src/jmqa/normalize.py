"""Surface normalisation of an English question: chat abbreviations, spelling, and case.

People type "how many ppl visited last yr", "semicondcutor" or "malaca". The search and the
answer checks read words, so each slip costs a term: BM25 misses it, the question looks less
covered by the statement, and a name in lower case is no longer seen as a name. Here:

- common chat abbreviations are written out ("govt" -> "government");
- a word that is neither in the statement nor a common English word is corrected to the nearest
  word, within one edit for short words and two for long ones, of the statement's own vocabulary
  or, failing that, of the most frequent English words (``symspellpy`` over ``wordfreq``);
- words typed in lower case that the statement writes only as a name, inside its sentences,
  take the statement's case: a word it writes alone as a name ("osa" -> "OSA"), a longer name
  only as a whole; so names stay names; and a code typed in pieces is the code ("u s" -> "U.S.").

A question in another language (:meth:`Normalizer.normalize_other`) gets the statement's names
and codes, and its slips mended against wordfreq's list of that language where it is written in
Latin letters (Malay: "Bial" -> "Bila"), else against the statement's words alone ("FOUP" ->
"FOIP" in a Japanese question).

Example::

    >>> n = Normalizer(["Both leaders welcomed the Official Security Assistance (OSA) to Malaysia."])
    >>> n.normalize("what abt osa for malaysa").text
    'what about OSA for Malaysia'
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from jmqa.errors import require_package
from jmqa.language import is_word_of
from jmqa.lexical import (
    NUMBER_WORDS,
    english_name_forms,
    english_name_words,
    is_stopword,
    spelled_out,
    stem,
)
from jmqa.word_frequency import (
    FLOOR,
    bigram_count,
    bigram_share,
    has_list,
    listed,
    most_common,
    zipf,
)

# Chat and note-taking abbreviations of general English (not of any one statement).
ABBREVIATIONS = {
    "abt": "about", "bc": "because", "b/c": "because", "bcoz": "because", "cuz": "because",
    "coz": "because", "govt": "government", "gov": "government", "govts": "governments",
    "gov't": "government", "ppl": "people", "yr": "year", "yrs": "years", "u": "you", "ur": "your",
    "r": "are",
    "pls": "please", "plz": "please", "thx": "thanks", "w/": "with", "w/o": "without",
    "b/w": "between", "intl": "international", "int'l": "international", "natl": "national",
    "wrt": "with regard to", "thru": "through", "tho": "though", "asap": "as soon as possible",
    "imo": "in my opinion", "wat": "what", "wht": "what", "dept": "department",
    "approx": "approximately", "smth": "something", "sth": "something", "tmrw": "tomorrow",
    "agmt": "agreement", "&": "and", "hw": "how", "wen": "when", "b4": "before", "hv": "have",
    "tht": "that", "info": "information", "pct": "percent", "bn": "billion", "1st": "first",
    "2nd": "second", "3rd": "third", "n": "and", "w": "with", "y": "why", "gonna": "going to",
    "wanna": "want to", "gotta": "have to", "ww1": "World War I", "wwi": "World War I",
    "ww2": "World War II", "wwii": "World War II",
    # Contractions typed without their apostrophe, as a lower-case chat message (or one whose
    # marks were stripped) has them: "whats" asks "what's". Not "its", "wont", "cant" or "shell",
    # words of their own.
    "whats": "what's", "whos": "who's", "wheres": "where's", "whens": "when's", "hows": "how's",
    "thats": "that's", "im": "I'm", "ive": "I've", "dont": "don't", "doesnt": "doesn't",
    "didnt": "didn't", "isnt": "isn't", "arent": "aren't", "wasnt": "wasn't", "werent": "weren't",
    "havent": "haven't", "hasnt": "hasn't", "wouldnt": "wouldn't", "couldnt": "couldn't",
    "shouldnt": "shouldn't", "hed": "he'd", "youd": "you'd", "theyd": "they'd", "youre": "you're",
    "theyre": "they're", "hes": "he's", "shes": "she's", "youve": "you've", "theyve": "they've",
    "wholl": "who'll", "whod": "who'd", "theyll": "they'll", "youll": "you'll", "itll": "it'll",
    "thatll": "that'll", "theres": "there's", "weve": "we've", "wouldve": "would've",
    "couldve": "could've", "shouldve": "should've",
}
# Shorthand for an amount's magnitude, only after a number ("870 mil", "2 tn").
_MAGNITUDES = {"mil": "million", "mln": "million", "mn": "million", "bil": "billion", "tn": "trillion", "trn": "trillion"}
_AFTER_A_NUMBER = re.compile(r"\d\s+$")
# Shorthand that is also a single letter: a word of chat only where it stands alone.
_LETTERS = {"u", "r", "n", "w", "y"}
_TOKEN = re.compile(r"[^\W_]+(?:['’/][^\W_]+)*/?|&")
# A word in Latin letters, apart from the script around it ("FOIPの新しいビジョン").
_LATIN_TOKEN = re.compile(r"[0-9A-Za-z\u00c0-\u024f]+(?:['’][0-9A-Za-z\u00c0-\u024f]+)*")
# A word at least this common (Zipf scale: 3 = once per million words, 2.5 = once in three
# million) is a word, not a typo, even when the statement never uses it.
_WORD_ZIPF = FLOOR  # 2.5: the lists are read down to it
# Below this a word that starts a statement word is read as that word cut short: "econ", "infra"
# and "univ" are 2.9-3.1, where words that start other words are commoner ("press" of "pressure"
# 5.2, "wind" of "window" 4.8, "admin" 3.9).
_CLIPPING_ZIPF = 3.5
# A word of a name, rarer than this in English, is a name of its own ("Mahindra" 2.7, "Bharat"
# 3.1, "Yokohama" 3.1; not "Harris" 4.4, "Group" 5.6).
_RARE_ZIPF = 3.5
# Lower-case initials of a name the statement spells out ("amd": 3.5) are rarer than this as words
# ("sep", September's shortening: 3.9).
_INITIALS_ZIPF = 3.6
# A possessor typed without the apostrophe: at least this common (zipf; "pyongyang" 3.1) where it
# is not one of the statement's names, so that a rare noun's plural is not read as one; and a
# word of six letters or more ("its", "bus", "news" are no possessives, and "renes" is a slip).
_POSSESSOR_ZIPF = 3.0
_POSSESSIVE_MIN = 6
# A Malay word one letter from a statement word this much commoner in English (Zipf, a hundred
# times) is that word as Malay spells it: "suport" (1.8) for "support" (5.5).
_SLIP_GAP = 2.0
# The commonest English words (about 300: "much", "many", "when", "what"), and how often, at least,
# one follows the word before a rare word for that to be read as a slip for it (_common_word_between).
_COMMON_ZIPF = 5.5
_ASKED_FOR_SHARE = 0.01
# A word commoner than this (one in ten thousand: "form", "tear", "fate") is typed on purpose far
# more often than for another word a slip away, whatever the words around it.
_MEANT_ZIPF = 4.0
_COMMON_WORDS = 20_000  # how many of a language's most frequent words may be corrected to
_KNOWN_MIN = 5  # a known word (a glossary's) is mended to from five letters on, as a name is
_STATEMENT_WORD_COUNT = 10**9  # a statement word outweighs any English word (10 ** Zipf <= 10**8)


def _keyboard_neighbours() -> dict[str, str]:
    """Each letter's neighbouring keys on a QWERTY keyboard (its row, and the rows above and below)."""
    rows = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
    neighbours = {}
    for r, row in enumerate(rows):
        for c, key in enumerate(row):
            near = [row[j] for j in (c - 1, c + 1) if 0 <= j < len(row)]
            for other in (r - 1, r + 1):
                if 0 <= other < len(rows):
                    near += [rows[other][j] for j in (c - 1, c, c + 1) if 0 <= j < len(rows[other])]
            neighbours[key] = "".join(near)
    return neighbours


KEY_NEIGHBOURS = _keyboard_neighbours()


@dataclass(frozen=True)
class Normalized:
    """The normalised text and what was changed, as (typed, read as) pairs."""

    text: str
    changes: tuple[tuple[str, str], ...]
    # The same words in the case they were typed: "what is the budget" asks for money even where
    # the statement writes of "the recent Budget announcement", a name.
    as_typed: str


class Normalizer:
    """Normalises questions against the vocabulary of one statement's text."""

    def __init__(
        self, texts: Iterable[str], titles: Iterable[str] = (), parties: Iterable[str] = (), known: Iterable[str] = ()
    ) -> None:
        """``texts``: the statement's prose; ``titles``: its headings, whose words are words of
        the statement but, written in title case, say nothing of what is a name; ``parties``: the
        names it repeats throughout, lower-cased (StatementFacts.common_names), whose country
        codes chat types for them ("jp"); ``known``: other words, lower case, that lead to the
        statement (its glossary's), mended to as its own are where no word of its is as near."""
        texts = list(texts)
        self._parties = frozenset(parties)
        cased: Counter[str] = Counter()
        for text in [*texts, *titles]:
            cased.update(w for w in re.findall(r"[^\W_]+", text) if w.isalpha())
        lowered: Counter[str] = Counter()
        for word, count in cased.items():
            lowered[word.lower()] += count
        self.vocabulary = lowered
        self._speller_key = tuple(sorted(lowered))  # the statement speller's cache key, sorted once
        # "carmakrrs" is "carmakers", a glossary word too rare for the English speller's list.
        self._known_key = tuple(sorted(set(lowered) | {w for w in known if w.isalpha() and len(w) >= _KNOWN_MIN}))
        self._stems = {stem(w) for w in lowered}
        # The statement's own form (its commonest) of a word it never writes in lower case and
        # writes alone as a name ("NATO", "Lisbon"). A word it capitalises only inside a longer name
        # ("Budget", "Team", "Recovery") takes its case only with the rest of that name.
        self._case: dict[str, str] = {}
        self._runs: dict[tuple[str, ...], tuple[str, ...]] = {}
        for run, _ in _names(texts, cased).most_common():
            if len(run) == 1:
                # Not a number word: "Seven" of "Group of Seven" (a run ends at "of") is still the
                # number in "the seven governments".
                if run[0].lower() not in NUMBER_WORDS:
                    self._case.setdefault(run[0].lower(), run[0])
            else:
                self._runs.setdefault(tuple(w.lower() for w in run), run)
        # ... unless it is rare in English as well: "anduril" typed alone is still "Anduril" (of
        # "Anduril Industries"), as e5 reads names by their case; "industries" stays a word.
        for run in self._runs.values():
            for word in run:
                lower = word.lower()
                if not cased[lower] and lower not in NUMBER_WORDS and zipf(lower, "en") < _RARE_ZIPF:
                    self._case.setdefault(lower, word)
        self._named = set(self._case) | {w for run in self._runs for w in run}
        # A country the statement names only inside a longer name ("Taiwan" of "Taiwan Strait"),
        # typed alone, is still the country's name (:attr:`_country_case`).
        self._run_words = {word.lower(): word for run in self._runs.values() for word in run}
        # "g7", "mc12", "5g": a name of letters and digits typed in lower case, in the statement's
        # case, where the statement never writes it in lower case.
        tokens = [w for text in texts for w in re.findall(r"[^\W_]+", text) if not w.isalpha() and not w.isdigit()]
        written_lower = {w for w in tokens if w.islower()}
        self._mixed_case: dict[str, str] = {}
        for word, _ in Counter(w for w in tokens if w.lower() != w).most_common():
            if word.lower() not in written_lower:
                self._mixed_case.setdefault(word.lower(), word)
        # "nsg" typed for a name of three words or more that the statement spells out ("Nuclear
        # Suppliers Group"): its initials, in capitals, as an acronym is written.
        self._initials = {short.lower(): short for text in texts for short in spelled_out(text)}
        self._longest_run = max(map(len, self._runs), default=0)
        # Each word of a name but a function word: the names it is in, and where (_mend_names).
        self._runs_at: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for run in self._runs:
            for at, word in enumerate(run):
                if not is_stopword(word):
                    self._runs_at.setdefault(word, []).append((run, at))
        # "the us", "the who": a function word typed after "the", which none follows, is the name
        # or code the statement writes in capitals with its letters ("U.S.", "WHO").
        capitals: Counter[str] = Counter(
            m.group(0) for text in texts for m in _CAPITALS.finditer(text)
            if _no_article_before(m.group(0).replace(".", "").lower())
        )
        self._after_the: dict[str, str] = {}
        for form, _ in capitals.most_common():
            self._after_the.setdefault(form.replace(".", "").lower(), form)
        # "U.S.", "H-1B", "COVID-19": codes whose pieces a lower-case message types apart ("u s",
        # "h 1b") once its points and hyphens are gone; keyed by the pieces run together.
        codes: Counter[str] = Counter(code for text in texts for code in _codes_in(text))
        self._codes: dict[str, str] = {}
        for code, _ in codes.most_common():
            self._codes.setdefault("".join(re.findall(r"[^\W_]+", code)).lower(), code)

    def normalize(self, text: str) -> Normalized:
        """``text`` with abbreviations written out, slips mended and the statement's case."""
        spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        codes = self._codes_typed_apart(text, spans)
        words = [codes.get(i) or self._word(text[a:b], text, a) for i, (a, b) in enumerate(spans)]
        self._mend_names(text, spans, words)
        self._restore_names(text, spans, words)
        changes: list[tuple[str, str]] = []
        out: list[str] = []
        typed_case: list[str] = []
        last = 0
        for (start, end), new in zip(spans, words):
            typed = text[start:end]
            out += [text[last:start], new]
            typed_case += [text[last:start], new.lower() if typed.islower() else new]
            last = end
            if new.lower() != typed.lower():
                changes.append((typed, new))
        out.append(text[last:])
        typed_case.append(text[last:])
        return Normalized("".join(out), tuple(changes), "".join(typed_case))

    def normalize_other(self, text: str, language: str) -> Normalized:
        """A question in another ``language`` (a code :func:`jmqa.language.detect_language` gives):
        the statement's names and codes take their case ("bilakah mesyuarat ceapad" -> "bilakah
        mesyuarat CEAPAD"), and a slip in a word of Latin letters is mended, within one edit (two
        in a long word) of a word of that language's list, if wordfreq has one (Malay,
        Indonesian), or of the statement's ("Bial POEWR Asia dilancarkan?" -> "Bila POWER Asia
        ..."). No abbreviation is written out: those are English's."""
        spans = [(m.start(), m.end()) for m in _LATIN_TOKEN.finditer(text)]
        codes = self._codes_typed_apart(text, spans)
        words = [codes.get(i) or self._other_word(text[a:b], language) for i, (a, b) in enumerate(spans)]
        self._restore_names(text, spans, words)
        out: list[str] = []
        typed_case: list[str] = []
        changes: list[tuple[str, str]] = []
        last = 0
        for (start, end), word in zip(spans, words):
            typed = text[start:end]
            out += [text[last:start], word]
            typed_case += [text[last:start], word.lower() if typed.islower() else word]
            if word.lower() != typed.lower():
                changes.append((typed, word))
            last = end
        return Normalized("".join(out) + text[last:], tuple(changes), "".join(typed_case) + text[last:])

    def _other_word(self, word: str, language: str) -> str:
        lower = word.lower()
        if lower in self.vocabulary or lower in self._mixed_case:
            return self._statement_case(lower, word) if word.islower() else word
        if at := _elision_at(lower, language):
            return f"{word[:at]}'{word[at:]}"  # as typed: "Dargent" is "D'argent"
        shape = _shape(word, starts_sentence=True)  # another language capitalises otherwise
        if (
            shape is None or len(word) < 4 or not word.isalpha() or stem(lower) in self._stems
            or zipf(lower, language) >= _WORD_ZIPF or zipf(lower, "en") >= _WORD_ZIPF
        ):
            return word
        # An acronym, or a word of a language without a list in Latin letters, is mended only
        # into one of the statement's words.
        own_only = shape == "upper" or not _spelled_in_latin(language)
        limit = 1 if len(lower) < 7 else 2
        found = [
            s
            for s in _suggestions(lower, limit, self._speller_key, None if own_only else language)
            if (s.term[0] == lower[0] or _slip_rank(lower, s.term) < _OTHER_SLIP)
            and (not own_only or s.term in self.vocabulary)
        ]
        likely = min((_slip_rank(lower, s.term) for s in found), default=_OTHER_SLIP)
        found = [s for s in found if _slip_rank(lower, s.term) == likely]
        ours = [s.term for s in found if s.term in self.vocabulary]
        if len(ours) == 1:
            fixed = ours[0]
        elif ours or not found or found[0].distance > 1:
            return word
        elif len(found) == 1 or found[0].count > 4 * found[1].count:
            fixed = found[0].term
        else:
            return word
        fixed = self._case.get(fixed, fixed)
        if shape == "upper":
            return fixed.upper()
        return fixed.capitalize() if word[0].isupper() and fixed.islower() else fixed

    def _codes_typed_apart(self, text: str, spans: list[tuple[int, int]]) -> dict[int, str]:
        """Runs of two to four lower-case pieces, one space apart, that spell one of the
        statement's codes ("u s" -> "U.S."; not chat's "u r"), or a code of letters and a number
        that it never writes ("h 1b" -> "H-1B", "f 35" -> "F-35": so it is still a name the
        statement does not give), merged into one span in place: {index: the code}."""
        found: dict[int, str] = {}
        i = 0
        while i < len(spans):
            for length in range(min(4, len(spans) - i), 1, -1):
                run = spans[i : i + length]
                typed = [text[a:b] for a, b in run]
                code = self._codes.get("".join(typed))
                one_space_apart = all(text[run[j][1] : run[j + 1][0]] == " " for j in range(length - 1))
                if code is None and length == 2:
                    code = _lettered_number(*typed)
                if code and not set(typed) <= _LETTERS and one_space_apart:
                    spans[i : i + length] = [(run[0][0], run[-1][1])]
                    found[i] = code
                    break
            i += 1
        return found

    def _mend_names(self, text: str, spans: list[tuple[int, int]], words: list[str]) -> None:
        """Mend, in place, a name of the statement's of two words or more typed with a slip in
        some of its words that makes another word ("LOWER Asia" for "POWER Asia", "Look Eats
        Policy"): where one of its words, no function word, is typed as the name has it and each
        other is its likeliest slip (two letters side by side swapped, or a key put for its
        neighbour), the rest of the name tells which word was meant, as a speller that reads words
        one by one cannot. The slipped words take the statement's form; the rest stay as read."""
        typed = [text[a:b].lower() for a, b in spans]
        # (A swap or a neighbouring key keeps a word's length: a name slipped into is typed in
        # words as long as its own, a test that leaves few of the names that share a word.)
        lengths = [len(word) for word in typed]
        found = {
            (j - at, run)
            for j, word in enumerate(typed)
            for run, at in self._runs_at.get(word, ())
            if 0 <= j - at and lengths[j - at : j - at + len(run)] == [len(w) for w in run]
        }
        mended: set[int] = set()
        # The longest name first, then the first in the question (a set's order is a hash's).
        for i, run in sorted(found, key=lambda found: (-len(found[1]), found)):
            at = range(i, i + len(run))
            if mended.isdisjoint(at) and self._slipped_run(typed[i : i + len(run)], run) and all(
                _only_spaces_between(text, spans[j], spans[j + 1]) for j in at[:-1]
            ):
                for j, (typed_word, word) in zip(at, zip(typed[i : i + len(run)], self._runs[run])):
                    if typed_word != word.lower():
                        words[j] = word
                mended.update(at)

    @staticmethod
    def _slipped_run(window: list[str], run: tuple[str, ...]) -> bool:
        slipped = [(typed, word) for typed, word in zip(window, run) if typed != word]
        return bool(slipped) and all(len(word) >= 3 and word in _likely_slips(typed) for typed, word in slipped)

    def _restore_names(self, text: str, spans: list[tuple[int, int]], words: list[str]) -> None:
        """Give the statement's case to the longest runs of words typed in lower case that it
        writes only as one name ("european union" -> "European Union"), in place."""
        i = 0
        while i < len(words):
            for length in range(min(self._longest_run, len(words) - i), 1, -1):
                run = self._runs.get(tuple(w.lower() for w in words[i : i + length]))
                if run and all(text[a:b].islower() for a, b in spans[i : i + length]) and all(
                    _only_spaces_between(text, spans[j], spans[j + 1]) for j in range(i, i + length - 1)
                ):
                    words[i : i + length] = run
                    i += length - 1
                    break
            i += 1

    def _word(self, word: str, text: str, start: int) -> str:
        lower = word.lower()
        if word == "&" and not (text[start - 1 : start].isspace() and text[start + 1 : start + 2].isspace()):
            return word  # inside a name ("R&D", "AT&T"), not a word of its own
        # A chat abbreviation, unless typed in capitals like an acronym ("BC", "UR"); "GOVT" is
        # the one people shout.
        if lower in _MAGNITUDES and _AFTER_A_NUMBER.search(text[:start]):
            return _MAGNITUDES[lower]  # "870 mil doses"; but "mil" alone may be "military"
        if word.islower() and lower[:-1] in self._after_the and lower.endswith("s") and _AFTER_THE.search(text[:start]):
            return self._after_the[lower[:-1]] + "'s"  # "the whos budget": "the WHO's", not "who's"
        if lower in ABBREVIATIONS and not (word.isupper() and len(word) > 1 and lower != "govt"):
            expanded = ABBREVIATIONS[lower]
            return expanded if lower not in _LETTERS or _chat_letter(text, start, word) else word
        base, possessive = re.fullmatch(r"(.*?)((?:['’]s)?)", word).groups()  # type: ignore[union-attr]
        if possessive and base.isalpha():
            return self._word(base, text, start) + possessive  # "Jaapn's" is "Japan's"
        if word.islower() and lower in self._mixed_case:
            return self._mixed_case[lower]
        if not word.isalpha():
            return word
        if word.islower() and lower in self._after_the and _AFTER_THE.search(text[:start]):
            return self._after_the[lower]
        if lower in self.vocabulary:
            if word.islower() and self._coined_initials(lower) and (
                _CALLED_AN_ACRONYM_BEFORE.search(text[:start]) or _STANDS_FOR.match(text[start + len(word) :])
            ):
                return self._case[lower]  # "what does asia stand for": the question calls it initials
            return self._statement_case(lower, word) if word.islower() else word
        possessor = self._possessor(lower)
        if possessor in self._case:  # "lemurias" is "Lemuria's", not a form of "Lemuria"
            return self._case[possessor] + "'s"
        if stem(lower) in self._stems:
            # "semiconductors": another form of a statement word. But a form no list knows, one
            # slip from a statement word of the same stem, is that word misspelt ("permanant"):
            # the stemmed search reads it either way, the embedders only when it is mended.
            mended = self._same_stem_slip(lower) if not _is_a_word(lower) else None
            if mended is None:
                return word
            mended = self._case.get(mended, mended) + ("'s" if mended == possessor else "")  # "countrys"
            return mended.capitalize() if word[:1].isupper() and mended.islower() else mended
        starts_sentence = _SENTENCE_START.search(text[:start]) is not None
        shape = _shape(word, starts_sentence)
        if shape is None and len(lower) >= _OWN_SLIP_MIN and not _is_a_word(lower):
            # A name of mixed case that the statement writes, mistyped: "GREEHxEXPO" is its
            # "GREENxEXPO", the only name of the statement's one likeliest slip away.
            names = [name for name in _likely_slips(lower) if name in self._case]
            if len(names) == 1:
                return self._case[names[0]]
        # A function word is no slip, and needs no look-up in wordfreq's lists; only a word the
        # statement does not use does.
        if shape is None or is_stopword(lower):
            return word
        if shape == "lower" and lower in self._country_codes:
            return self._country_codes[lower]  # "jp" is Japan, where the statement names Japan
        if shape == "lower" and lower in self._initials and zipf(lower, "en") < _INITIALS_ZIPF:
            # wordfreq counts a firm's initials typed in lower case as a word ("amd", "gsp"), and
            # its Malay list as Malay: only a common English word ("cat", "sep") is not the
            # initials of the statement's name.
            return self._initials[lower]
        if (
            shape == "lower" and starts_sentence and zipf(lower, "en") < _RARE_ZIPF
            and not text[:start].endswith(("<", "</"))  # a tag, "<div>", opens no question
        ):
            # A question opens on a question word or an auxiliary far more often than on a rare
            # word: "Whdn exactly ...?" is "When", "Shat year ...?" "What", "wohs the first ...?"
            # "who's" (not "Withdrawn", "Shat" or "woes").
            opener = _opener_slip(lower)
            if opener:
                opener = ABBREVIATIONS.get(opener, opener)
                return opener.capitalize() if word[:2] != lower[:2] else opener
        if shape == "lower" and len(word) >= 4 and _is_a_word(lower) and zipf(lower, "en") < _RARE_ZIPF:
            # A rare word where one of the commonest fits: "how kuch" and "how mush" are "how much".
            common = self._common_word_between(lower, _neighbours(text, start, word))
            if common:
                return common
        if len(word) >= 4 and _is_a_word(lower) and zipf(lower, "en") < _MEANT_ZIPF:
            # A word of English the statement never uses, a slip from one of its words that English
            # writes between the words around it far more often: "which cite has", "in dull".
            ours = self._statement_word_between(lower, _neighbours(text, start, word))
            if ours:
                ours = self._case.get(ours, ours)
                return ours.capitalize() if word[:1].isupper() and ours.islower() else ours
        if len(word) < 4 or _is_a_word(lower):
            # Too short to mend, or a word; but people shorten the statement's names, and
            # wordfreq counts the shortenings of the commonest as words ("jpn" for Japan).
            name = self._contracted(lower, self._case) if shape == "lower" and _vowelless(lower) else None
            if name is None and shape == "lower" and _vowelless(lower) and not _is_a_word(lower):
                # Or a common English word shortened that wordfreq has never seen ("frm", "whn").
                name = self._shortened_english(lower)
            # And it counts clippings of English words ("econ", "univ"), rare as words of their
            # own; "nasi" (Malay: rice) is no clipping of a name's "nasional". (A word under four
            # letters clips nothing, and looking it up would read wordfreq's lists for "cup".)
            if (
                name is None and shape == "lower" and len(lower) >= 4 and zipf(lower, "en") < _CLIPPING_ZIPF
                and lower not in english_name_forms()  # "malay" is a people's name, not a clipping of "malaysia"
            ):
                name = self._clipped(lower)
                name = name if name and zipf(name.lower(), "en") >= _WORD_ZIPF else None
            name = name or self._common_slip(lower)
            return self._case.get(name, name) if name else word
        fixed = self._correct(lower, shape, _neighbours(text, start, word))
        if fixed is None:
            # No slip of a word near it: "pyongyangs" is "pyongyang's" ("renes" was "renew").
            return word if possessor is None else self._word(possessor, text, start) + "'s"
        if fixed in ABBREVIATIONS and fixed not in _LETTERS:
            fixed = ABBREVIATIONS[fixed]  # a slip of a chat abbreviation: "gotv" is "govt", government
        fixed = self._cased(fixed) or fixed
        if shape == "upper":
            return fixed.upper()
        return fixed.capitalize() if word[:2] != lower[:2] and fixed.islower() else fixed

    def _statement_case(self, lower: str, typed: str) -> str:
        """A statement word typed in lower case, in the case the statement writes it as a name,
        or as typed where it is no name of its own."""
        return self._cased(lower) or self._mixed_case.get(lower) or self._country_case.get(lower) or typed

    def _cased(self, lower: str) -> str | None:
        """The form of a word the statement writes only as a name; but English's, where the
        statement's is initials it coins that spell a name of English: "south asia" (or "Asiw")
        is Asia, not "ASIA" (the "Autonomous Systems Industry Alliance"), as e5 reads names by
        their case. An acronym the statement only uses ("ISIS") stays one."""
        return english_name_forms()[lower] if self._coined_initials(lower) else self._case.get(lower)

    def _coined_initials(self, lower: str) -> bool:
        """Whether the statement writes ``lower`` only as initials it coins for a name it spells
        out, and English writes the word otherwise, as a name ("ASIA", English's "Asia")."""
        ours = self._case.get(lower)
        return ours is not None and ours == self._initials.get(lower) and english_name_forms().get(lower, ours) != ours

    @functools.cached_property
    def _country_case(self) -> dict[str, str]:
        """The statement's words, written only inside longer names, that name a country or its
        people alone (countryinfo): "taiwan" is "Taiwan" where the statement writes only "Taiwan
        Strait"; "budget" of "Budget Announcement" stays a word. Read on first need, with
        :attr:`_country_codes`."""
        from jmqa.countries import country_words_lower

        countries = country_words_lower()
        return {lower: word for lower, word in self._run_words.items() if lower in countries and lower not in self._case}

    @functools.cached_property
    def _country_codes(self) -> dict[str, str]:
        """The ISO codes of the parties' countries, typed in lower case as chat shortens them
        ("jp", "mys"), each with the name the statement writes; not a function word ("my", "us",
        "in"). Only the parties': a code of any country the statement names would read "arm",
        "ml" and "ps" as Armenia, Mali and Palestine. Read on first need: countryinfo's files
        cost a cold start."""
        from jmqa.countries import countries

        parties = self._parties & self._case.keys()
        found: dict[str, str] = {}
        for country in countries():
            named = [self._case[n.lower()] for n in country.names if n.lower() in parties]
            for code in country.codes if named else ():
                lower = code.lower()
                if lower.isalpha() and not is_stopword(lower) and lower not in self.vocabulary:
                    found.setdefault(lower, named[0])
        return found

    def _possessor(self, lower: str) -> str | None:
        """The name in a possessive typed without its apostrophe, as lower case strips it
        ("lemurias gdp", "pyongyangs weapons"): the word less its "s", where that is one of the
        statement's names or a common word (wordfreq) and the typed form is no word at all. Else
        None: "leaders" and "programmes" are words, "tranches" a plural of a rare one."""
        if not lower.endswith("s") or len(lower) < _POSSESSIVE_MIN or _is_a_word(lower):
            return None
        base = lower[:-1]
        if base in self._case or (zipf(base, "en") >= _POSSESSOR_ZIPF and not is_stopword(base)):
            return base  # (not "some" of "somes", a slip for "comes")
        return None

    def is_name(self, word: str) -> bool:
        """Whether the statement writes ``word`` only capitalised, in a name of its own (a country, an
        acronym, a company's name)."""
        return word.lower() in self._named

    def _correct(self, lower: str, shape: str, around: tuple[str, str] = ("", "")) -> str | None:
        """The nearest known word, or None when there is none or no single best one. A name
        (typed with a capital inside a sentence) or an acronym is only ever mended into one of the
        statement's words, but for a name's two letters swapped (:func:`_swapped_word`). ``around``: the words before and after it, which tell equally likely
        slips apart ("how muct" is "how much", not "how must")."""
        limit = 1 if len(lower) < 7 else 2
        # A slip seldom changes a word's first letter, unless by a swap or a neighbouring key:
        # "msia" is no slip for "Asia", nor "trilateral" for "bilateral".
        found = [
            s
            for s in _suggestions(lower, limit, self._known_key, "en")
            if s.term[0] == lower[0] or _slip_rank(lower, s.term) < _OTHER_SLIP
        ]
        # The likeliest slips come first: two letters swapped ("mayn" is "many", not "may";
        # "antion" is "nation", not "action"), then a neighbouring key ("maby" is "many", "datd"
        # is "date", not "data"); a letter left out or added last.
        likely = min((_slip_rank(lower, s.term) for s in found), default=_OTHER_SLIP)
        keyed = [s.term for s in found if s.distance == 1 and _slip_rank(lower, s.term) == _NEIGHBOUR_KEY]
        # But a long word one slip from a single word of the statement is that word, however it
        # slipped, where no likelier slip makes one of its words: the question is about the
        # statement. "extradtion" is "extradition" (a letter left out), not "extraction" (a
        # neighbouring key), in a statement that speaks of an extradition.
        own = {s.term for s in found if s.distance == 1 and s.term in self.vocabulary}
        if len(lower) >= _OWN_SLIP_MIN and len(own) == 1 and not any(
            s.term in self.vocabulary or stem(s.term) in self._stems for s in found if _slip_rank(lower, s.term) == likely
        ):
            return own.pop()
        found = [s for s in found if _slip_rank(lower, s.term) == likely]
        if shape == "lower" and likely == _SWAPPED and keyed and found[0].distance == 1:
            # But a neighbouring key is near as likely as a swap, and the words around can tell
            # them apart: "a probe knto where" is "into", not "knot".
            between = _likeliest_between(around, [*(s.term for s in found), *keyed])
            if between in keyed:
                return between
            # Where they tell nothing (the first word, or a slip beside another), a far commoner
            # word is the likelier: "Ehat imoort duties" is "What", not "Heat".
            commoner = _far_commoner(keyed, [s.term for s in found]) if between is None else None
            if commoner:
                return commoner
        # The statement's words and their forms ("suports": "supports", not "sports").
        ours = [s.term for s in found if s.term in self.vocabulary]
        ours = ours or [s.term for s in found if stem(s.term) in self._stems]
        if ours and shape == "lower" and len(found) > len(ours):
            # Unless the words around ask for another as likely a slip far more often: "how muct
            # of" is "how much", though the statement says "must" and never "much".
            between = _likeliest_between(around, [s.term for s in found])
            if between:
                return between
        if ours:
            # Two statement words equally near ("rational": "national"?): the words around may
            # tell them apart ("the dafe of" is "the date of", not "the safe of"), else nothing can.
            return ours[0] if len(ours) == 1 else _likeliest_between(around, ours)
        # Then a statement word shortened on purpose: keeping its first and last letters, one of
        # its names ("msia") or any word without its vowels ("btwn"); or cut short ("semicon").
        # That comes before an English word that takes more than a swap or a neighbouring key
        # ("mia"; but "mayn" is "many", not "Malaysian", and "chanes" "changes", not "challenges").
        shortened = None
        if shape == "lower" and likely == _OTHER_SLIP:
            shortened = self._contracted(lower, self.vocabulary if _vowelless(lower) else self._case)
            shortened = shortened or self._clipped(lower)
        if shortened:
            return self._case.get(shortened, shortened)
        # Without a vowel, a far commoner English word shortened, before a slip that adds one
        # ("shld" is "should", not "sold").
        shortened = self._shortened_english(lower) if shape == "lower" else None
        if shape == "lower" and found and found[0].distance == 1 and (len(found) > 1 or shortened):
            # The words around it tell equally likely slips apart, and a slip from a shortening:
            # "Whdn will" is "When will", not "Withdrawn will" ("whdn" shortened). (A slip with
            # one mend needs no bigram list: it gets that mend below.)
            between = _likeliest_between(around, [*filter(None, [shortened]), *(s.term for s in found)])
            if between:
                return between
        if shortened:
            return shortened
        if shape != "upper" and (not found or found[0].distance > 1):
            # Two letters swapped in a long word make a slip no other word is near, even for a
            # word too rare for the speller's list: "pynogyang" is "pyongyang". So does a name's
            # likeliest slip ("pylngyang"), and then a word's: a key put for its neighbour in a
            # long word ("naviws", "lrbiting"; the speller knows no "navies" nor "orbiting").
            return _swapped_word(lower) or _name_slip(lower) or _keyed_word(lower)
        if shape == "name":
            # Outside the statement, a name is mended only into a name, by its likeliest slip:
            # "Ameircan", "Talwan" and "Koscow" are names mistyped, where "Baden" is no slip. Or,
            # in a long word, into the one word two letters swapped back make: "Southaest".
            return _name_slip(lower) or _swapped_word(lower)
        if shape == "upper" or found[0].distance > 1:
            return None  # outside the statement, only a one-slip mend of a common word is safe
        return found[0].term if len(found) == 1 or found[0].count > 4 * found[1].count else None

    def _common_word_between(self, lower: str, around: tuple[str, str]) -> str | None:
        """One of the commonest English words (``_COMMON_ZIPF``) that ``lower``, a rare word, is a
        likeliest slip for (:func:`_slip_rank`), where the word before all but asks for it and
        English writes it between ``around``'s words far more often than ``lower`` or any other
        such slip (:func:`_likeliest_between`); else None. A word is typed on purpose more often
        than not: "how" is followed by "much" or "many" in one in twenty of English's pairs, but
        "the" by "help" in one in 2,000, so "the kelp farmers" stays."""
        if not around[0]:
            return None  # nothing before it to ask for a word (and no bigram list to read)
        near = _one_slip_words(lower)
        likely = min((_slip_rank(lower, w) for w in near), default=_OTHER_SLIP)
        near = [w for w in near if _slip_rank(lower, w) == likely]
        if not any(zipf(w, "en") >= _COMMON_ZIPF for w in near):
            return None
        best = _likeliest_between(around, [lower, *near])
        if best is None or best == lower or zipf(best, "en") < _COMMON_ZIPF:
            return None
        return best if bigram_share(around[0], best) >= _ASKED_FOR_SHARE else None

    def _statement_word_between(self, lower: str, around: tuple[str, str]) -> str | None:
        """The statement's word that ``lower``, a word it never uses, is a slip for (two letters
        swapped, a neighbouring key): where English never writes ``lower`` next to ``around``'s
        words, but does write that word there, the one such (:func:`_likeliest_between`), and
        ten times as common; else None. "which cite has" is "which site has", "in dull" "in full"."""
        near = [w for w in _likely_slips(lower) if w in self.vocabulary and zipf(w, "en") >= zipf(lower, "en") + 1.0]
        before, after = around
        if not near or (before and bigram_count(before, lower)) or (after and bigram_count(lower, after)):
            return None  # (the bigram list is read only where a statement word is that near)
        best = _likeliest_between(around, near)
        # ... and next to each word around it that carries meaning: "that bully others" is not
        # "that fully others", however often "that fully" is written.
        if best is None or (before and not is_stopword(before) and not bigram_count(before, best)) or (
            after and not is_stopword(after) and not bigram_count(best, after)
        ):
            return None
        return best

    def _same_stem_slip(self, lower: str) -> str | None:
        """The one statement word of ``lower``'s stem that ``lower`` misspells by a single slip
        (a letter changed, added, left out or two swapped), or None."""
        from symspellpy import Verbosity

        near = {
            s.term
            for s in _statement_speller(self._speller_key).lookup(lower, Verbosity.CLOSEST, max_edit_distance=1)
            if s.distance == 1 and stem(s.term) == stem(lower)
        }
        return near.pop() if len(near) == 1 else None

    def _common_slip(self, lower: str) -> str | None:
        """The statement's word that ``lower``, a word only of Malay, misspells by one letter in
        an English question: Malay spells many English words so ("suport", "amonia"). Only a
        word of six letters or more that is no function word, and far commoner in English."""
        if len(lower) < 5 or zipf(lower, "en") >= _WORD_ZIPF:
            return None
        from symspellpy import Verbosity

        near = [
            s.term
            for s in _statement_speller(self._speller_key).lookup(lower, Verbosity.CLOSEST, max_edit_distance=1)
            if s.distance == 1 and s.term[0] == lower[0] and len(s.term) >= 6 and not is_stopword(s.term)
        ]
        if len(near) != 1:
            return None
        return near[0] if zipf(near[0], "en") - zipf(lower, "en") >= _SLIP_GAP else None

    @staticmethod
    def _shortened_english(lower: str) -> str | None:
        """The English word that ``lower``, without a vowel, shortens, if far commoner than any
        other it can ("shld": "should", not "shield")."""
        if not _vowelless(lower):
            return None
        found = sorted(_contractions_of(lower, most_common("en", _COMMON_WORDS)), key=lambda w: -zipf(w, "en"))
        if found and (len(found) == 1 or zipf(found[0], "en") - zipf(found[1], "en") > _DOMINANT_ZIPF):
            return found[0]
        return None

    def _clipped(self, lower: str) -> str | None:
        """The statement word ``lower`` is the start of, at least two letters short of it, where
        all such words are forms of one or share a longer start ("semicon": the commonest of
        "semiconductor" and "semiconductors"; "econ": of "economic", "economy" and "economies",
        all "econom-"; but "conf" starts "confirmed" and "conference"); not for a start of under
        four letters."""
        if len(lower) < 4:
            return None
        found = [w for w in self.vocabulary if w.startswith(lower) and len(w) >= len(lower) + 2]
        if not found or (len({stem(w) for w in found}) > 1 and len(os.path.commonprefix(found)) < len(lower) + 2):
            return None
        return max(found, key=lambda w: (self.vocabulary[w], -len(w)))

    @staticmethod
    def _contracted(lower: str, words: Iterable[str]) -> str | None:
        """The one word of ``words`` that ``lower`` shortens, if only one."""
        found = _contractions_of(lower, words)
        return found[0] if len(found) == 1 else None


# A word the question itself calls initials: "the acronym asia", "what does asia stand for".
_CALLED_AN_ACRONYM_BEFORE = re.compile(r"\b(?:acronym|abbreviation|initials)\s+(?:of\s+)?$", re.IGNORECASE)
_STANDS_FOR = re.compile(r"\s+(?:(?:stands?|stood)\s+for|(?:is\s+)?short\s+for)\b", re.IGNORECASE)

_SWAPPED, _NEIGHBOUR_KEY, _OTHER_SLIP = 0, 1, 2
_OWN_SLIP_MIN = 7  # "datd" may be "date" or "data": in a short word, the likeliest slip decides
_DOMINANT_ZIPF = 0.6  # four times as common: log10(4)


def _neighbours(text: str, start: int, word: str) -> tuple[str, str]:
    """The words (lower case) just before and after ``word`` at ``start`` in ``text``, or ""."""
    before = _WORD_BEFORE.search(text[:start])
    after = _WORD_AFTER.match(text[start + len(word) :])
    return (before.group(1).lower() if before else "", after.group(1).lower() if after else "")


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s,'’-]*$")
_WORD_AFTER = re.compile(r"[\s,'’-]*([^\W\d_]+)")


def _one_slip_words(lower: str) -> list[str]:
    """The words of the English speller's dictionary (``_COMMON_WORDS``) one slip from ``lower``: a
    letter changed, added or left out, or two side by side swapped. Found by trying each such
    slip, not by building the speller (about 0.8 s), which a rare word typed right never needs."""
    words = _speller_word_set("en")
    return sorted(w for w in _one_slips(lower) if w in words)


def _one_slips(lower: str) -> set[str]:
    """Every string one slip from ``lower`` (a letter changed, added or left out, or two side by
    side swapped)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(lower[:i], lower[i:]) for i in range(len(lower) + 1)]
    slips = {a + b[1:] for a, b in splits if b}
    slips |= _swaps(lower)
    slips |= {a + c + b[1:] for a, b in splits if b for c in letters}
    slips |= {a + c + b for a, b in splits for c in letters}
    slips.discard(lower)
    return slips


# The words a question opens on: a question word (typed with its contraction or without the
# apostrophe, "whos") or an auxiliary.
_QUESTION_OPENERS = frozenset(
    "what when where which who whom whose why how whats whos wheres hows is are was were do does did has have had"
    " will would can could should".split()
)


def _opener_slip(lower: str) -> str | None:
    """The one question opener (``_QUESTION_OPENERS``) that ``lower`` is the likeliest slip for,
    two letters swapped or else a neighbouring key, or None: a letter left out or changed at random
    is too weak a sign."""
    near = [w for w in _one_slips(lower) if w in _QUESTION_OPENERS and _slip_rank(lower, w) < _OTHER_SLIP]
    likely = min((_slip_rank(lower, w) for w in near), default=_OTHER_SLIP)
    near = [w for w in near if _slip_rank(lower, w) == likely]
    return near[0] if len(near) == 1 else None


@functools.cache
def _speller_words(language: str) -> tuple[str, ...]:
    """The words the speller of ``language`` mends to (:func:`_word_speller`), commonest first: the
    order it is built in, which orders equally common suggestions."""
    return tuple(word for word in most_common(language, _COMMON_WORDS) if word.isalpha())


@functools.cache
def _speller_word_set(language: str) -> frozenset[str]:
    return frozenset(_speller_words(language))


def _likeliest_between(around: tuple[str, str], words: list[str]) -> str | None:
    """The one of ``words`` that English writes between ``around``'s two words (the pair before
    and the pair after, symspellpy's bigram counts added) more than four times as often as any
    other, or None."""
    before, after = around
    counts = sorted(
        ((bigram_count(before, w) if before else 0) + (bigram_count(w, after) if after else 0), w) for w in words
    )
    if not counts or counts[-1][0] == 0 or (len(counts) > 1 and counts[-1][0] <= 4 * counts[-2][0]):
        return None
    return counts[-1][1]


def _far_commoner(words: list[str], others: list[str]) -> str | None:
    """The one of ``words`` that is among English's commonest (``_COMMON_ZIPF``) and at least
    thirty times as common as each of ``others`` (1.5 on the Zipf scale), or None."""
    rivals = max((zipf(w, "en") for w in others), default=0.0)
    common = [w for w in words if zipf(w, "en") >= max(_COMMON_ZIPF, rivals + 1.5)]
    return common[0] if len(common) == 1 else None


def _swapped_word(lower: str) -> str | None:
    """The one English word (wordfreq, down to ``_WORD_ZIPF``) that ``lower``, of six letters or
    more, is with two letters side by side swapped back, or None."""
    if len(lower) < _SWAP_MIN:
        return None
    words = [w for w in _swaps(lower) - {lower} if zipf(w, "en") >= _WORD_ZIPF]
    return words[0] if len(words) == 1 else None


_SWAP_MIN = 6


def _keyed_word(lower: str) -> str | None:
    """The one English word (wordfreq, down to ``_WORD_ZIPF``) that ``lower``, of six letters or
    more and in no English list at all (not "jabbed" nor "aircon": words, rare ones), is with
    one key put back for its neighbour, or None."""
    if len(lower) < _SWAP_MIN:
        return None
    words = [w for w in _keyed_slips(lower) if zipf(w, "en") >= _WORD_ZIPF]
    # (The whole list is read only for a word that has such a mend: a tenth of a second, once.)
    return words[0] if len(words) == 1 and not listed(lower, "en") else None


def _name_slip(lower: str) -> str | None:
    """The one name WordNet knows (a place, a people, an institution) or country's name that
    ``lower``, of five letters or more and no such name itself, is with two letters side by side
    swapped back or one key put back for its neighbour, or None. Only those, the likeliest slips:
    a name typed right is often some other slip from another name. (The caller has found
    ``lower`` to be no word.)"""
    if len(lower) < _NAME_SLIP_MIN:
        return None
    names = _name_words()
    if lower in names:
        return None
    found = sorted(_likely_slips(lower) & names)
    return found[0] if len(found) == 1 else None


_NAME_SLIP_MIN = 5


@functools.cache
def _name_words() -> frozenset[str]:
    from jmqa.countries import country_words_lower

    return english_name_words() | country_words_lower()


def _likely_slips(lower: str) -> set[str]:
    """Every string ``lower`` is the likeliest kind of slip for: two letters side by side swapped,
    or one key put for its neighbour (a subset of :func:`_one_slips`, a tenth of its size)."""
    return (_swaps(lower) | _keyed_slips(lower)) - {lower}


def _keyed_slips(word: str) -> set[str]:
    """``word`` with one key put for its neighbour, at each of its letters."""
    return {word[:i] + key + word[i + 1 :] for i, typed in enumerate(word) for key in KEY_NEIGHBOURS.get(typed, "")}


def _swaps(word: str) -> set[str]:
    """``word`` with each two letters side by side swapped."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}


def _vowelless(word: str) -> bool:
    return len(word) >= 3 and not re.search(r"[aeiou]", word)


def _contractions_of(typed: str, words: Iterable[str]) -> list[str]:
    """The words ``typed`` could shorten: longer, with its first and last letters and the rest
    of its letters in order ("msia": "malaysia"; "jpn": "japan", not "japanese")."""
    found = []
    for word in words:
        if len(word) > len(typed) and word[0] == typed[0] and word[-1] == typed[-1]:
            letters = iter(word)
            if all(c in letters for c in typed):
                found.append(word)
    return found


def _slip_rank(typed: str, word: str) -> int:
    """How likely ``typed`` is a slip for ``word``: swapped letters, a neighbouring key, other."""
    if len(typed) != len(word):
        return _OTHER_SLIP
    if sorted(typed) == sorted(word):
        return _SWAPPED
    differ = [(a, b) for a, b in zip(typed, word) if a != b]
    if len(differ) == 1 and differ[0][0] in KEY_NEIGHBOURS.get(differ[0][1], ""):
        return _NEIGHBOUR_KEY
    return _OTHER_SLIP


def _shape(word: str, starts_sentence: bool) -> str | None:
    """How a word is typed: "lower", "name" (a capital inside a sentence), "upper" (an acronym),
    or None for another mix ("McDonald", "GREENxEXPO"), left as typed. A capital that starts a
    sentence, or one that came a letter late ("hWere", "aJpan"), is no name. ("iPhone" has that
    shape too, but is a word of English, which is never mended.)"""
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper" if len(word) > 2 else None
    if word.istitle():
        return "lower" if starts_sentence else "name"
    if word[0].islower() and word[1:2].isupper() and word[2:].islower():
        return "lower"
    return None


def _names(texts: list[str], cased: Counter[str]) -> Counter[tuple[str, ...]]:
    """The statement's names, counted: each run of capitalised words inside a sentence ("NATO",
    "Good Neighbor Policy") that holds a word it never writes in lower case, and each stretch of
    two or more words of a run that holds one ("Jane Smith" of "Minister Jane Smith"). A
    sentence's first word is capitalised whatever it is ("Furthermore", "Three"): no name."""
    names: Counter[tuple[str, ...]] = Counter()
    for text in texts:
        for sentence in _PROSE_SENTENCE.split(text):
            tokens = list(re.finditer(r"[^\W_]+", sentence))
            run: list[str] = []
            for k, m in enumerate([*tokens, None]):
                capitalised = m is not None and k > 0 and m.group(0)[0].isupper() and m.group(0).isalpha()
                if capitalised and run and _only_spaces_between(sentence, tokens[k - 1].span(), m.span()):
                    run.append(m.group(0))
                    continue
                for a in range(len(run)):
                    for b in range(a + (1 if len(run) == 1 else 2), len(run) + 1):
                        if any(not cased[w.lower()] for w in run[a:b]):
                            names[tuple(run[a:b])] += 1
                run = [m.group(0)] if capitalised else []
    return names


def _codes_in(text: str) -> Iterable[str]:
    """The codes a text writes with points or hyphens inside: initials ("U.S.", "D.C."), and
    pieces with a digit or of at most three letters ("H-1B", "COVID-19", "co-led"); not a number
    ("2.75", "2033-2034") nor two words run together at a full stop ("2023.The")."""
    for m in _CODE.finditer(text):
        code = m.group(0)
        pieces = re.findall(r"[^\W_]+", code)
        initials = all(len(piece) == 1 and piece.isalpha() for piece in pieces)
        code = code if not initials else code.rstrip(".") + "."  # "U.S" before "-India" is "U.S."
        if not initials:
            code = code.rstrip(".")  # a sentence's full stop
            if not any(c.isalpha() for c in code) or (
                "." in code and not all(len(piece) <= 3 for piece in pieces)
            ):
                continue
            if not (any(c.isdigit() for c in code) or all(len(piece) <= 3 for piece in pieces)):
                continue
        yield code


def _lettered_number(letters: str, number: str) -> str | None:
    """ "H-1B" for "h" and "1b", "MQ-9B" for "mq" and "9b", "F-35" for "f" and "35": a code as
    lower case without hyphens types it, in pieces. Not a function or chat word ("in 2025", "u
    2"), nor a word and a number with no letter ("jan 2025", "pm 2"): one letter alone, or a
    number with a letter, makes a code."""
    if not (letters.isalpha() and letters.islower() and len(letters) <= 3) or not _CODE_NUMBER.fullmatch(number):
        return None
    if is_stopword(letters) or letters in _LETTERS or letters in ABBREVIATIONS:
        return None
    if len(letters) > 1 and number.isdigit():
        return None
    return f"{letters.upper()}-{number.upper()}"


_CODE_NUMBER = re.compile(r"\d{1,3}[a-z]{0,2}")


def _only_spaces_between(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    return text[left[1] : right[0]] in (" ", "-")


def _no_article_before(word: str) -> bool:
    # "us" is no stopword of jmqa's (it is the name "US" in many a question), but is a pronoun.
    return is_stopword(word) or word == "us"


_CAPITALS = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}|\b[A-Z]{2,}\b")
_AFTER_THE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_CODE = re.compile(r"(?<![\w.-])[^\W_]+(?:[.-][^\W_]+)+\.?(?![\w-])")
_PROSE_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]*\s+")
# What precedes a sentence's first word: nothing, or the end of the sentence before.
_SENTENCE_START = re.compile(r"(?:^|[.!?。？！]\s+)[\W_]*$")


def _chat_letter(text: str, start: int, word: str) -> bool:
    """A letter as a word of chat ("can u tell me", "what r they", "atlantis n lemuria"), not a
    capital, a letter in a list or an initial ("U.S.", "r&d")."""
    if not word.islower():
        return False
    after = text[start + len(word) : start + len(word) + 1]
    # Nor one of a run of single letters, an initialism spelt out ("r n d", "q n a").
    beside = _SINGLE_LETTER_BEFORE.search(text[:start]) or _SINGLE_LETTER_AFTER.match(text[start + len(word) :])
    return after not in {".", "-", "'", "’", "&"} and beside is None


_SINGLE_LETTER_BEFORE = re.compile(r"(?:^|[^\w])[^\W\d_]\s+$")
_SINGLE_LETTER_AFTER = re.compile(r"\s+[^\W\d_](?:[^\w]|$)")


@functools.lru_cache(maxsize=8192)  # bounded: the words are whatever people type
def _is_a_word(lower: str) -> bool:
    """A word of English ("chairing"), or of Malay or Indonesian ("lemak", "Sabah"), that people
    use in English questions: not a slip. So is a regular form of an English word too rare for
    the lists ("cluttering" of "clutter"; "cluttering" was mended into "countering")."""
    return zipf(lower, "en") >= _WORD_ZIPF or is_word_of(lower, "ms") or _inflects_a_word(lower)


def _inflects_a_word(lower: str) -> bool:
    """Whether ``lower`` is a regular form of an English word of four letters or more and Zipf 3
    or more: "-ing", "-ed" (the word's "e" dropped, its last consonant doubled: "sized",
    "mapped"), "-es" after a hiss or an "o" ("taxes", "echoes"), "-ly". Not "countrys" (a "y" after a consonant takes "-ies", "-ied"),
    nor any other "-s": a name's possessive typed without its apostrophe ("pyongyangs view")."""
    for ending in ("ing", "ed", "es", "ly"):
        base = lower.removesuffix(ending)
        if base == lower or len(base) < 4:
            continue
        if ending in ("ed", "es") and re.search(r"[^aeiou]y$", base):
            continue
        if ending == "es" and not re.search(r"(?:s|x|z|ch|sh|o)$", base):
            continue
        bases = {base}
        if ending in ("ing", "ed"):
            bases |= {base + "e"} | ({base[:-1]} if base[-1] == base[-2] and base[-1] not in "aeiou" else set())
        if any(len(b) >= 4 and zipf(b, "en") >= _INFLECTED_ZIPF for b in bases):
            return True
    return False


# A word whose rarer forms are its own, not slips: "clutter" 3.2; not a name made by a slip
# ("leyting" is "letting", not a form of "Leyte", 2.8).
_INFLECTED_ZIPF = 3.0


@functools.cache
def _word_speller(language: str):  # noqa: ANN202  (symspellpy's type, imported lazily)
    """A SymSpell dictionary of the most frequent words of ``language`` (wordfreq's), built on the
    first question that needs it (about 0.8 s and 50 MiB for English) and shared by every
    statement's normalizer: one dictionary per statement held it again for each, 20 statements a
    gigabyte."""
    require_package("symspellpy", "symspellpy==6.10.1", "mend misspelt words")
    from symspellpy import SymSpell

    speller = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    for word in _speller_words(language):
        speller.create_dictionary_entry(word, max(1, int(10 ** zipf(word, language))))
    return speller


# French writes a short word before a vowel as one letter and an apostrophe ("l'UE", "d'argent",
# "s'engage"); typed without its marks, the two run together into no word ("dargent").
_ELIDING = {"fr": ("qu", "l", "d", "s", "n", "m", "t", "c", "j")}


def _elision_at(lower: str, language: str) -> int:
    """Where the apostrophe of ``language``'s elision goes back into ``lower``, a word of no list,
    when what follows it is a common word that starts with a vowel or "h" ("dargent": 1, for
    "d'argent"); else 0."""
    if language not in _ELIDING or zipf(lower, language) >= _WORD_ZIPF:
        return 0
    for short in _ELIDING[language]:
        rest = lower[len(short) :]
        if lower.startswith(short) and rest[:1] in "aeiouhéèêàâîôûœ" and len(rest) >= 2 and zipf(rest, language) >= 3.0:
            return len(short)
    return 0


@functools.cache
def _spelled_in_latin(language: str) -> bool:
    """Whether wordfreq lists enough words of ``language``, in Latin letters, to mend its slips
    against (Malay, Indonesian; not Japanese, nor a language with a short list)."""
    if not has_list(language):
        return False
    try:
        words = most_common(language, _COMMON_WORDS)
    except ValueError:
        return False
    return sum(word.isascii() for word in words[:100]) >= 90


@functools.lru_cache(maxsize=64)
def _statement_speller(vocabulary: tuple[str, ...]):  # noqa: ANN202
    """A SymSpell dictionary of one statement's words, each weighted far above any English word."""
    from symspellpy import SymSpell

    speller = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    for word in vocabulary:
        speller.create_dictionary_entry(word, _STATEMENT_WORD_COUNT)
    return speller


def _suggestions(typed: str, limit: int, vocabulary: tuple[str, ...], language: str | None) -> list:
    """The nearest words to ``typed`` within ``limit`` edits, as one SymSpell dictionary of the
    words of ``language`` (none: the statement's alone) and the statement's would give them
    (``Verbosity.CLOSEST``): the words at the least distance found in either, a word of both with
    both counts, by distance, then count, then the order found."""
    from symspellpy import Verbosity
    from symspellpy.suggest_item import SuggestItem

    found: dict[str, SuggestItem] = {}
    spellers = [_statement_speller(vocabulary)]
    if language is not None:
        spellers.insert(0, _word_speller(language))
    for speller in spellers:
        for item in speller.lookup(typed, Verbosity.CLOSEST, max_edit_distance=limit, include_unknown=False):
            if item.term in found:
                item = SuggestItem(item.term, item.distance, found[item.term].count + item.count)
            found[item.term] = item
    nearest = min((item.distance for item in found.values()), default=0)
    return sorted(item for item in found.values() if item.distance == nearest)
