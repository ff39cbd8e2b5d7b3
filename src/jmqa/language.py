"""Which language a question is in, from the script and a maintained language-ID library.

Japanese, Chinese and Korean are told by their scripts. Latin-script text goes to
``lingua-language-detector`` (low-accuracy mode: trigram models, 0.1 s to load, ~30 MB, against
2 s and ~200 MB for the full models); a short question such as "palm oil?" or "OSA" carries too
little text for any detector, so the verdict is English unless the detector is at least half sure
of another language, and even then English when three words in four are common English words
(``wordfreq``: chat English such as "what abt semicondctors" looks Indonesian to trigrams).

Example::

    >>> detect_language("Apa kata mereka tentang minyak sawit?")
    'ms'
    >>> detect_language("パーム油について")
    'ja'
    >>> detect_language("palm oil?")
    'en'
"""

from __future__ import annotations

import functools
import re
import unicodedata

from jmqa.errors import require_package
from jmqa.nouns import noun_kind
from jmqa.word_frequency import zipf

# Languages jmqa reads: English, and Malay and Japanese through the glossary and the multilingual
# model. Indonesian is near enough to Malay that detectors confuse the two; it is read as Malay.
READ = ("en", "ms", "ja")
NAMES = {
    "en": "English", "ms": "Malay", "ja": "Japanese", "zh": "Chinese", "ko": "Korean",
    "fr": "French", "es": "Spanish", "de": "German", "pt": "Portuguese", "it": "Italian",
    "nl": "Dutch", "other": "another language",
}
# The detector must be this sure (its relative confidence) before a question is taken as not English.
_SURE = 0.5
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@functools.cache
def _detector():  # noqa: ANN202  (lingua's type is only known once it is imported)
    require_package("lingua", "lingua-language-detector==2.1.1", "tell which language a question is in")
    from lingua import Language, LanguageDetectorBuilder

    languages = [
        Language.ENGLISH, Language.MALAY, Language.INDONESIAN, Language.FRENCH, Language.SPANISH,
        Language.GERMAN, Language.PORTUGUESE, Language.ITALIAN, Language.DUTCH,
    ]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def _script(text: str) -> str | None:
    """"ja", "zh", "ko" or "other" for text mostly outside the Latin script, else None."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or sum(ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in letters) / len(letters) >= 0.5:
        return None
    if any("\u3040" <= ch <= "\u30ff" for ch in letters):  # hiragana or katakana
        return "ja"
    if any("\uac00" <= ch <= "\ud7af" for ch in letters):
        return "ko"
    if any("\u4e00" <= ch <= "\u9fff" for ch in letters):
        return "ja"  # kanji alone: read as Japanese, which the glossary and e5 can try
    return "other"


def english_share(text: str, other: str = "ms") -> float:
    """Share of the words that tell English from language ``other`` that are English: common
    English words (wordfreq Zipf >= 3, i.e. at least once per million words) commoner in English
    than in ``other`` (Malay counted with Indonesian), against common words of ``other`` that are
    no common English words. A word common in neither ("mitosis", a name, a slip) or in both but
    commoner there (a loan: "password" in Italian) tells nothing, nor does the name of a unit of
    money, which every language writes alike ("convert 5000 yen to rupiah"); 0.0 when no word tells."""
    others = ("ms", "id") if other == "ms" else (other,)
    english = foreign = 0
    for word in (w.lower() for w in _WORD.findall(text)):
        if noun_kind(word) == "money":
            continue
        here, there = zipf(word, "en"), max(zipf(word, code) for code in others)
        english += here >= 3.0 and here >= there
        foreign += there >= 3.0 and here < 3.0
    return english / (english + foreign) if english + foreign else 0.0


def is_word_of(word: str, language: str) -> bool:
    """Whether ``word`` is a common word (wordfreq Zipf >= 3) of ``language`` (Indonesian counted
    with Malay); False for a language wordfreq has no list of, or "other".

    Read from wordfreq's "small" lists, which hold exactly the words that common."""
    languages = ("ms", "id") if language == "ms" else (language,)
    return any(zipf(word.lower(), code, "small") >= 3.0 for code in languages)


@functools.lru_cache(maxsize=4096)
def detect_language(text: str) -> str:
    """ISO 639-1 code of the question's language ("en", "ms", "ja", "fr", ...) or "other"."""
    script = _script(text)
    if script:
        return script
    if not _WORD.search(text):
        return "en"
    ranked = _detector().compute_language_confidence_values(text)
    best = ranked[0]
    code = best.language.iso_code_639_1.name.lower()
    code = "ms" if code == "id" else code
    if code == "en" or best.value < _SURE:
        return "en"  # "OSA", "palm oil?": too little text to be sure of anything else
    # Of the languages it finds likely, the one whose own words (common there, not in English) the
    # question is most made of, where two or more are: on a short question low-accuracy mode may put
    # a neighbour first (French read as Spanish). One word is too little ("who won the duro").
    words = [w.lower() for w in _WORD.findall(text)]

    def own_words(language: str) -> int:
        return sum(is_word_of(w, language) and zipf(w, "en") < 3.0 for w in words)

    # (Any language it gives a thousandth or more: in low-accuracy mode it gave "combien dargent a
    # t il investi en inde" to Spanish at 0.98, and French 0.009. One it finds all but impossible
    # is no rival, and reading its word list would cost memory for nothing: several MiB a list.)
    others = (v.language.iso_code_639_1.name.lower() for v in ranked if v.value >= _RIVAL)
    rival = max(("ms" if c == "id" else c for c in others if c != "en"), key=own_words, default=code)
    if own_words(rival) >= 2 and own_words(rival) > own_words(code):
        code = rival
    if english_share(text, code) >= 0.75:  # "what abt semicondctors": chat English, not Indonesian
        return "en"
    return code


_RIVAL = 0.001  # the least confidence the detector gives a rival to its best guess


def language_name(code: str) -> str:
    return NAMES.get(code, code)
