"""Language identification: the script, then lingua, with short English guarded by wordfreq."""

from __future__ import annotations

import pytest

from jmqa.language import detect_language, language_name


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("What did they say about palm oil?", "en"),
        ("palm oil?", "en"),  # too short for any detector: English unless sure
        ("OSA", "en"),
        ("how many ppl visited last yr", "en"),
        ("die hard fans of the Expo", "en"),  # English words that are German words too
        # Words common in neither language (terms, names, slips) tell nothing, nor do loans.
        ("what is the diffrence between mitosis and meiosis", "en"),
        ("Why did Lemuria pull out of KELPEXPO 2027 in Atlantis?", "en"),
        ("How do I reset the password on my home wifi router?", "en"),
        # A unit of money is written alike in every language: it tells nothing.
        ("convert 5000 yen to ringgit", "en"),
        ("berapa yen untuk satu ringgit", "ms"),
        ("Apakah kata Lemuria tentang KELPEXPO 2027?", "ms"),
        ("Apa kata mereka tentang minyak sawit?", "ms"),
        ("Bagaimana dengan kerjasama keselamatan maritim?", "ms"),
        ("原子力について何と言っていますか？", "ja"),
        ("Qu'ont dit les dirigeants sur l'huile de palme ?", "fr"),
        ("¿Qué dijeron sobre el Mar de China Meridional?", "es"),
        ("Was sagen die beiden über Kernenergie?", "de"),
        # Low-accuracy mode reads this as Spanish first; its words are French ones.
        ("Combien d'argent a-t-il investi en Inde ?", "fr"),
        # ... and so this, typed without its apostrophes, though it finds French all but unlikely.
        ("combien dargent a t il investi en inde", "fr"),
        ("양국 정상은 무엇을 합의했나요?", "ko"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_language_names_for_messages():
    assert language_name("fr") == "French"
    assert language_name("xx") == "xx"


def test_a_missing_language_package_names_its_install_command(monkeypatch):
    import importlib.util

    import jmqa
    from jmqa import language

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "lingua" else real(name, *a))
    language._detector.cache_clear()
    try:
        with pytest.raises(jmqa.ModelNotInstalledError, match="pip install lingua-language-detector"):
            language._detector()
    finally:
        language._detector.cache_clear()
