"""The UI's own helpers that need no server: reading a paragraph asked for in the address or the
browser (the page, its handlers and the server are tested in test_ui_server and test_ui_browser)."""

from __future__ import annotations

import pytest

from jmqa.document import load_statement
from jmqa.ui import _passage_key


@pytest.mark.parametrize(
    "value,expected",
    [
        ("14", 14),
        (" 7 ", 7),
        (1, 1),
        (27, 27),
        ("0", None),
        ("28", None),
        ("-1", None),
        ("1e1", None),
        ("14abc", None),
        ("", None),
        (None, None),
        (True, None),
        ("../etc", None),
        ("９", None),
        (3.0, None),
        ("preamble", None),  # the shipped statement has none
        ("closing", None),
    ],
)
def test_paragraph_number_validation(value, expected):
    assert _passage_key(value, load_statement()) == expected
