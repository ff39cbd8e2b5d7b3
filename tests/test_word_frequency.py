"""jmqa's reading of wordfreq's lists gives wordfreq's own figures, without importing wordfreq; and symspellpy's bigram counts."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import wordfreq

from jmqa import word_frequency
from jmqa.word_frequency import FLOOR, bigram_count, bigram_share, has_list, most_common, zipf

ROOT = Path(__file__).resolve().parents[1]


def _reference(word: str, language: str, wordlist: str = "best") -> float:
    figure = wordfreq.zipf_frequency(word, language, wordlist)
    return figure if figure >= FLOOR else 0.0


@pytest.mark.parametrize(("language", "wordlist"), [("en", "best"), ("ms", "best"), ("id", "best"), ("fr", "small")])
def test_every_word_read_has_wordfreqs_figure(language, wordlist):
    figures = word_frequency._figures(language, wordlist)
    assert len(figures) > 20_000
    assert all(zipf(word, language, wordlist) == _reference(word, language, wordlist) for word in figures)


def test_the_list_is_read_down_to_the_floor_and_no_further():
    top = wordfreq.top_n_list("en", 60_000)
    reached = [w for w in top if w.isalpha() and w.islower() and wordfreq.zipf_frequency(w, "en") >= FLOOR]
    below = [w for w in top[-2000:] if w.isalpha() and w.islower() and wordfreq.zipf_frequency(w, "en") < FLOOR]
    assert below, "the sample must reach under the floor"
    assert all(zipf(w, "en") > 0 for w in reached)
    assert all(zipf(w, "en") == 0.0 for w in below)


def test_every_word_of_the_eval_questions_has_wordfreqs_figure():
    words = set()
    for path in sorted((ROOT / "eval").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                words |= set(re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", json.loads(line)["question"]))
    words |= {w.lower() for w in words}
    assert len(words) > 2000
    for language in ("en", "ms", "id"):
        assert [w for w in sorted(words) if zipf(w, language) != _reference(w, language)] == []


@pytest.mark.parametrize("word", ["Visitors", "malaysia's", "don't", "covid-19", "G7", "ﬁnance", "café", ""])
def test_a_word_of_any_other_shape_goes_to_wordfreq(word):
    assert zipf(word, "en") == _reference(word, "en")


def test_a_word_is_listed_however_rare_as_wordfreq_lists_it():
    for word in ("jabbed", "aircon", "mutates", "naviws", "lrbiting", "the"):
        assert word_frequency.listed(word, "en") == (wordfreq.zipf_frequency(word, "en") > 0)
    assert word_frequency.listed("jabbed", "en") and zipf("jabbed", "en") == 0.0  # under the floor, yet a word
    assert not word_frequency.listed("naviws", "en")


def test_the_commonest_words_are_wordfreqs():
    assert most_common("en", 20_000) == wordfreq.top_n_list("en", 20_000)


def test_more_common_words_than_the_list_holds_is_an_error():
    with pytest.raises(ValueError, match="not 10000000"):
        most_common("en", 10_000_000)


def test_a_language_without_a_list_reads_nothing():
    assert not has_list("other")
    assert zipf("word", "other") == 0.0
    assert has_list("ms") and has_list("fr", "small")


def test_a_plain_word_is_read_without_importing_wordfreq():
    code = (
        "import sys; from jmqa.word_frequency import zipf; "
        "assert zipf('visitors', 'en') > 4 and zipf('lemak', 'ms') > 3; "
        "print('wordfreq' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_bigram_counts_come_from_symspellpys_list():
    assert bigram_count("how", "much") == 1162051712  # the list's own line
    assert bigram_count("how", "must") == 0  # not listed
    assert bigram_count("much", "how") < bigram_count("how", "much")  # ordered pairs


def test_a_bigrams_share_is_of_its_first_words_pairs():
    assert 0.01 < bigram_share("how", "much") < 1.0
    assert bigram_share("the", "help") < bigram_share("how", "much") / 10
    assert bigram_share("xqzv", "much") == 0.0
