"""The answer contract: verbatim quotes, correct ¶ numbers, sensible highlights, plain refusals."""

from __future__ import annotations

import pytest

import jmqa

pytestmark = pytest.mark.slow

QUESTIONS = [
    "How many visitors were there in 2025?",
    "What did the leaders say about the South China Sea?",
    "Is Japan helping Malaysia with nuclear power?",
    "<img src=x onerror=alert(1)> What about palm oil?",
    "Apa kata mereka tentang minyak sawit?",
    "What is OSA?",
]


def test_every_quote_is_the_paragraph_verbatim(qa):
    for answer in qa.ask_many(QUESTIONS):
        for quote in answer.quotes:
            paragraph = qa.document.paragraph(quote.paragraph)
            assert quote.text == paragraph.text and quote.section == paragraph.section
            for span in quote.highlights:
                assert span in paragraph.sentences  # whole sentences only, inside the text
                assert quote.text[span.start:span.end] in paragraph.text


def test_the_answering_sentence_is_marked(qa):
    answer = qa.ask("How many visitors were there in 2025?")
    assert answer.found and answer.quotes[0].paragraph == 21
    assert any("1.05 million" in s for s in answer.quotes[0].highlighted)


def test_quotes_are_distinct_and_best_first(qa):
    answer = qa.ask("What did the leaders say about the South China Sea?")
    numbers = [q.paragraph for q in answer.quotes]
    assert numbers[0] == 22 and len(numbers) == len(set(numbers))
    assert [q.score for q in answer.quotes] == sorted((q.score for q in answer.quotes), reverse=True)


@pytest.mark.parametrize(
    "question",
    [
        "What is Malaysia's GDP?",
        "Did they agree fishing quotas?",
        "best ramen in Osaka",
        "How do I renew my passport?",
        "Who won the 2022 World Cup?",
        "<script>alert(1)</script>",  # markup and a lone digit are not a question
        "1",
    ],
)
def test_questions_the_statement_does_not_answer_are_refused(qa, question):
    answer = qa.ask(question)
    assert not answer.found and answer.quotes == ()
    assert answer.message == jmqa.NOT_ADDRESSED
    assert len(answer.nearest) == 3 and all(1 <= n <= 27 for n in answer.nearest)


@pytest.mark.parametrize(
    "question, paragraph",
    [
        ("原子力について何と言っていますか？", 13),
        ("Apa kata mereka tentang minyak sawit?", 17),
    ],
)
def test_japanese_and_malay_questions_find_the_english_paragraph(qa, question, paragraph):
    answer = qa.ask(question)
    assert answer.found and answer.quotes[0].paragraph == paragraph


def test_answers_do_not_leak_between_questions(qa):
    first, second, third = qa.ask_many(
        ["What is OSA?", "What did they say about North Korea?", "How many visitors in 2025?"]
    )
    assert (first.quotes[0].paragraph, second.quotes[0].paragraph, third.quotes[0].paragraph) == (6, 25, 21)
