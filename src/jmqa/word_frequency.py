"""How common a word is: wordfreq's Zipf figures, read from its own lists without importing it;
and how common a pair of words is, from the bigram list symspellpy ships (:func:`bigram_count`).

wordfreq is the reference. But importing it (it brings ftfy, langcodes and regex, and finds its
folder by walking the call stack) and reading its English list took 0.6 s, a third of a cold
``jmqa ask``, for the one thing jmqa asks of it: how often a plain word occurs. So a plain word (all
letters, lower case, NFC) is looked up here, in wordfreq's own data files, read only as far as
:data:`FLOOR`: about 50 ms for English, Malay and Indonesian. Any other word (digits, an
apostrophe, a capital) still goes to wordfreq, which tokenizes it first. Either way the figure is
wordfreq's; ``tests/test_word_frequency.py`` checks every word of the lists and of the eval
questions against it.

Example::

    >>> zipf("visitors", "en")
    4.49
    >>> zipf("xqzv", "en")
    0.0
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import importlib.util
import math
import re
import unicodedata
from array import array
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from jmqa.errors import ModelNotInstalledError, require_package

# The rarest figure jmqa asks about ("a word of English": Zipf >= 2.5); rarer words read 0.0.
# Reading the English list only down to here keeps 54,000 of its 321,000 words.
FLOOR = 2.5
# An everyday English word is at least this common: "guidelines" 4.25, "consensus" 4.1, "team"
# 5.7; not "Hercules" 3.6, "Poseidon" 3.1, "Midori" 2.6.
EVERYDAY = 4.0
_PACKAGE = "wordfreq==3.1.1"
_FORMAT = {"format": "cB", "version": 1}
_DIGITS = re.compile(r"\d[\d.,]+")


def zipf(word: str, language: str, wordlist: str = "best") -> float:
    """wordfreq's ``zipf_frequency(word, language, wordlist)``, or 0.0 when that is under
    :data:`FLOOR` or ``language`` has no such list."""
    if not has_list(language, wordlist):
        return 0.0
    if word.isalpha() and word == unicodedata.normalize("NFC", word).casefold():
        return _figures(language, wordlist).get(word, 0.0)
    from wordfreq import zipf_frequency

    figure = zipf_frequency(word, language, wordlist)
    return figure if figure >= FLOOR else 0.0


def most_common(language: str, n: int) -> list[str]:
    """wordfreq's ``top_n_list(language, n)``: the ``n`` commonest words, commonest first, less
    those that open with a run of digits ("00", "0.0": wordfreq's stand-ins for numbers). Raises
    ValueError when fewer than ``n`` reach :data:`FLOOR`."""
    words = [word for word in _figures(language, "best") if not _DIGITS.match(word)]
    if len(words) < n:
        raise ValueError(f"{language!r} has {len(words)} words of Zipf {FLOOR} or more, not {n}")
    return words[:n]


@functools.cache
def has_list(language: str, wordlist: str = "best") -> bool:
    """Whether wordfreq has a list of ``language`` ("best": its large list, else its small one)."""
    return _path(language, wordlist) is not None


def _path(language: str, wordlist: str) -> Path | None:
    require_package("wordfreq", _PACKAGE, "tell how common a word is")
    spec = importlib.util.find_spec("wordfreq")
    data = Path(next(iter(spec.submodule_search_locations))) / "data"  # type: ignore[union-attr]
    for name in (["large", "small"] if wordlist == "best" else [wordlist]):
        path = data / f"{name}_{language}.msgpack.gz"
        if path.is_file():
            return path
    return None


@functools.cache
def _figures(language: str, wordlist: str) -> dict[str, float]:
    """Each word of the list down to :data:`FLOOR` with its Zipf figure, commonest first."""
    figures: dict[str, float] = {}
    for centibels, words in _buckets(language, wordlist):
        figure = _zipf_of_bucket(centibels)
        if figure < FLOOR:
            break
        for word in words:
            figures[word] = figure  # a word twice: the later bucket wins, as in wordfreq
    return figures


def listed(word: str, language: str) -> bool:
    """Whether wordfreq's list of ``language`` holds ``word`` (lower case) at all, however rare:
    "jabbed", "aircon" and "mutates" are words below :data:`FLOOR`; "naviws" is none.

    >>> listed("jabbed", "en"), listed("naviws", "en")
    (True, False)
    """
    hashes, key = _every_word(language), hash(word)
    at = int(np.searchsorted(hashes, key))
    return at < len(hashes) and int(hashes[at]) == key


@functools.cache
def _every_word(language: str) -> np.ndarray:
    """Every word of the list, read to its end (English: 321,000 words, about 0.1 s), as its
    sorted hashes: 2.6 MB, where a set of the words themselves held 40 MiB in a warm process.
    (str hashes differ between processes, never within one.)"""
    words = (word for _, bucket in _buckets(language, "best") for word in bucket)
    return np.sort(np.fromiter((hash(word) for word in words), dtype=np.int64))


def _buckets(language: str, wordlist: str) -> Iterator[tuple[int, tuple[str, ...]]]:
    """The list's buckets of words, commonest first, each with its frequency in centibels.

    The list is wordfreq's "cB" pack: a header, then one bucket of words per centibel of
    frequency, bucket ``i`` holding the words of frequency ``10 ** (-i / 100)``."""
    import msgpack

    path = _path(language, wordlist)
    if path is None:
        return
    with gzip.open(path, "rb") as fh:
        unpacker = msgpack.Unpacker(fh, raw=False, use_list=False)
        buckets = unpacker.read_array_header() - 1
        if unpacker.unpack() != _FORMAT:
            raise ModelNotInstalledError(
                f"{path} is not in the format jmqa reads ({_FORMAT}); install {_PACKAGE}"
            )
        for centibels in range(buckets):
            yield centibels, unpacker.unpack()


def _zipf_of_bucket(centibels: int) -> float:
    """What ``zipf_frequency`` gives a word of bucket ``centibels``: wordfreq rounds the frequency
    to three significant digits, then the Zipf figure to two decimals."""
    frequency = 10 ** (-centibels / 100)
    frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log(frequency, 10) + 9, 2)


@functools.cache
def _bigrams() -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
    """symspellpy's English bigram counts, from the list its package ships
    (frequency_bigramdictionary_en_243_342.txt, MIT: 242,342 pairs of lower-case words), read on
    the first slip that needs them: each pair's 64-bit hash, sorted, with its count (4 MB; a dict
    of the pairs took 32 MiB), and each first word's count over all its pairs."""
    require_package("symspellpy", "symspellpy==6.10.1", "mend misspelt words")
    spec = importlib.util.find_spec("symspellpy")
    folder = Path(next(iter(spec.submodule_search_locations)))  # type: ignore[union-attr]
    hashes, counts = array("Q"), array("q")
    followers: dict[str, int] = {}
    with open(folder / "frequency_bigramdictionary_en_243_342.txt", encoding="utf-8") as lines:
        for line in lines:
            first, second, count = line.split()
            hashes.append(_pair_hash(first, second))
            counts.append(int(count))
            followers[first] = followers.get(first, 0) + int(count)
    keys = np.frombuffer(hashes, dtype=np.uint64)
    order = np.argsort(keys)
    return keys[order], np.frombuffer(counts, dtype=np.int64)[order], followers


def _pair_hash(first: str, second: str) -> int:
    return int.from_bytes(hashlib.blake2b(f"{first} {second}".encode(), digest_size=8).digest(), "little")


def bigram_share(first: str, second: str) -> float:
    """The share of ``first``'s bigrams that ``second`` follows it in (0.0 to 1.0): "much" follows
    "how" in one in fifteen of them, "help" follows "the" in one in 2,000."""
    total = _bigrams()[2].get(first, 0)
    return bigram_count(first, second) / total if total else 0.0


def bigram_count(first: str, second: str) -> int:
    """How often ``first`` is followed by ``second`` in symspellpy's English bigram list (lower
    case; 0 when the pair is not listed).

    >>> bigram_count("how", "much") > 1000 * bigram_count("how", "must")
    True
    """
    keys, counts, _ = _bigrams()
    key = np.uint64(_pair_hash(first, second))
    at = int(np.searchsorted(keys, key))
    return int(counts[at]) if at < len(keys) and keys[at] == key else 0
