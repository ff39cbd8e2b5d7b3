"""The examples in the docstrings of the modules that need no model run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["analysis", "answer_types", "countries", "lexical", "occasion", "parties", "question", "statement",
           "word_frequency"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"jmqa.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted and not result.failed, f"{result.failed} of {result.attempted} examples failed"
