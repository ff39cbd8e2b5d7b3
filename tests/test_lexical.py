"""Tokens, acronyms defined in the statement, BM25 and coverage."""

from __future__ import annotations

import numpy as np
import pytest

from jmqa.document import load_statement
from jmqa.lexical import Lexicon, find_acronyms, language_of, tokenize


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon(load_statement())


def test_acronyms_come_from_the_statement_in_both_directions(lexicon):
    assert lexicon.acronyms["OSA"] == "Official Security Assistance"
    assert lexicon.acronyms["JMSDF"] == "Japan Maritime Self-Defense Force"
    assert lexicon.acronyms["DRF"] == "Disaster Risk Financing"  # "DRF (Disaster Risk Financing)"
    assert lexicon.acronyms["UNCLOS"] == "United Nations Convention on the Law of the Sea"
    assert "JBIC" not in lexicon.acronyms  # used but never defined


def test_find_acronyms_needs_matching_initials():
    assert find_acronyms("the Memorandum of Cooperation (MOC) was signed") == {"MOC": "Memorandum of Cooperation"}
    assert find_acronyms("cooperation with partners (ABC)") == {}


def test_expansion_adds_the_other_spelling(lexicon):
    assert lexicon.expand("what is osa") == "what is osa (Official Security Assistance)"
    assert lexicon.expand("disaster risk financing?") == "disaster risk financing? (DRF)"
    assert lexicon.expand("palm oil") == "palm oil"


def test_bm25_finds_the_paragraph_that_uses_only_the_acronym(lexicon):
    scores = lexicon.scores("Official Security Assistance")
    top = set(np.argsort(-scores)[:2] + 1)
    assert top == {6, 24}  # ¶24 says only "OSA"


def test_bm25_exact_figures(lexicon):
    assert int(np.argmax(lexicon.scores("USD 20 million"))) + 1 == 14
    assert not lexicon.scores("ramen").any()


def test_coverage_separates_on_and_off_statement_words(lexicon):
    assert lexicon.coverage("What does the statement say about palm oil?") == 1.0
    assert lexicon.coverage("best ramen in Osaka") == 0.0
    assert lexicon.coverage("") == 0.0


def test_tokenize_stems_and_drops_stopwords():
    assert tokenize("The leaders' cooperation on Energies") == ["leader", "cooper", "energi"]


@pytest.mark.parametrize(
    "text, language",
    [
        ("What did they say about palm oil?", "en"),
        ("Apa kata mereka tentang minyak sawit?", "ms"),
        ("原子力について何と言っていますか？", "other"),
        ("OSA", "en"),
    ],
)
def test_language_of(text, language):
    assert language_of(text) == language
