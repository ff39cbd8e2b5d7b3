"""Question analysis: what a person typed, turned into what retrieval and answering read.

One stage, one frozen :class:`QuestionAnalysis` per question: its language (a language-ID
library, not word lists), the sentence that asks in a long message, the text normalised (chat
abbreviations, spelling against the statement's own words and common English, the statement's
case), the kind of answer it expects, the topics of a question that joins two, the questions of
a message that asks two, and the paragraphs or sections it names.

Example::

    >>> from jmqa.document import load_statement
    >>> analyzer = Analyzer(load_statement())
    >>> a = analyzer.analyze("I cover trade. how many ppl visited japan n malaysia last yr")
    >>> a.language, a.asking, a.answer_types
    ('en', 'how many ppl visited japan n malaysia last yr', ('number',))
    >>> a.normalized
    'how many people visited Japan and Malaysia last year'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass

from jmqa.answer_types import StatementFacts, expected_answer_types, with_years_written
from jmqa.countries import (
    capitals_of,
    country_name_start,
    country_names_lower,
    is_country_word,
    joined_to_a_country,
)
from jmqa.document import Document, PassageKey
from jmqa.entities import Entity
from jmqa.language import detect_language, is_word_of
from jmqa.lexical import content_terms, find_acronyms, is_stopword, stem
from jmqa.normalize import ABBREVIATIONS, Normalizer
from jmqa.question import cited_paragraphs, clean_question, named_sections, without_references

# The words that start a question, in English and Malay ("whats": "what's" in lower case).
_QUESTION_WORDS = (
    r"what|which|who|whom|whose|when|where|why|how|whats|whos|wheres|hows"
    r"|is|are|was|were|do|does|did|has|have|had|will"
    r"|would|can|could|should|shall|tell|list|name|summari[sz]e|explain|describe|give|show|any"
    r"|apa|apakah|adakah|bagaimana|berapa|bila|bilakah|siapa|mengapa|kenapa|di mana"
)
_QUESTION_START = re.compile(rf"^\W*({_QUESTION_WORDS})\b", re.IGNORECASE)
# A sentence ends at . ! ? followed by a space and what starts a sentence, or a question typed in
# lower case ("I cover trade. tell me about palm oil"); "2.0" does not end one (no space), nor an
# initialism or a title before a name or a lower-case word ("the India-U.S. Global Institute", "Dr.
# Leclerc", "the U.S. is"), unless a capitalised question word follows ("I'm from the U.S. What
# did they agree?").
_NOT_AN_ABBREVIATION = r"(?<![A-Z]\.[A-Z]\.)(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr)\.)(?<!\bMrs\.)"
_SENTENCE = re.compile(
    # Nor inside an initialism written with spaces: Spanish "EE. UU.", "U. S.".
    rf"{_NOT_AN_ABBREVIATION}(?<=[.!?])\s+(?![A-Z]{{1,3}}\.(?:\s|$))(?=[\"“(]?[A-Z0-9\u3000-\u9fff])|(?<=[。？！])"
    rf"|{_NOT_AN_ABBREVIATION}(?<=[.!?])\s+(?=(?i:{_QUESTION_WORDS})\b)"
    r"|(?<=[.!?])\s+(?=(?:What|Which|Who|When|Where|Why|How)\b)"
    # A question mark ends a sentence before anything: "...? need it for the 3pm wire" is a remark.
    r"|(?<=\?)\s+(?=\S)"
    # And a full stop after a word, in a message typed in lower case after its context: "I write a
    # newsletter. africa - how much are they investing?" (not "etc. and", "approx. ten").
    r"|(?<=[a-z]{3}[.!])(?<!\betc\.)(?<!\bapprox\.)(?<!\bincl\.)(?<!\besp\.)(?<!\bdept\.)(?<!\bgovt\.)\s+(?=[a-z])"
)
# Topics joined in one question: "about palm oil and (about) semiconductors", "X as well as Y".
_JOINED = re.compile(r"\s*(?:,?\s+(?:and|as well as|plus|along with)\s+(?:also\s+)?(?:about|on|regarding)?\s*|;\s*)", re.IGNORECASE)
_ABOUT = re.compile(r"\b(?:about|on|regarding|concerning|re)\s+(.+?)\s*[?.!]*$", re.IGNORECASE)
# A request in the imperative: "tell me how many ...", "list the companies ...".
_IMPERATIVE = (
    r"(?:please\s+)?(?:(?:tell|show|give)\s+me|(?:list|name|explain|describe|summari[sz]e)\s+(?:the|all|any|each"
    r"|what|which|how|who|when|where|whether|their|its|those|these))\b"
)
# Two questions in one: "What is the target, and how much are companies investing?", or two
# sentences that each ask.
_NEXT_QUESTION = re.compile(
    r"\s*(?:,?\s+and\s+|\?\s+(?:and\s+)?)(?:(?:also|separately|secondly|then|besides|additionally)\W+)?"
    r"(?=(?:what|which|who|whom|when|where|why|how)\b"
    # "..., and is there anything about medicines?", "... sea? did the coast guards sign anything?":
    # an auxiliary and then its subject asks a yes-or-no question of its own; not "... and are
    # expected to ...", one subject doing two things.
    r"|(?:is|are|was|were|do|does|did|has|have|will|can|could|would|should)\s+(?:there|it|they|this|that|these"
    r"|those|any|anyone|anything|either|both|each|he|she|we|you|the|a|an)\b"
    # "List the programmes ..., and tell me how many ...": a request of its own, in the imperative.
    rf"|{_IMPERATIVE})",
    re.IGNORECASE,
)
# "..., and what about the WTO?": a question that asks the same of one more thing, named alone.
_WHAT_ABOUT = re.compile(r"^\W*(?:what|how)\s+about\b", re.IGNORECASE)
# "Since when has ...?", "By when ...?": a question word after its preposition still starts one.
_PREPOSITION = re.compile(r"^\W*(?:in|for|by|since|from|to|at|on|with|of|until)\s+(?=\w)", re.IGNORECASE)
# "Two numbers I need: how many ...", "About the schools - how many ...": what comes before the
# first question's question word, after a colon, dash or comma, only introduces it.
_LEAD_IN = re.compile(rf"^[^?]*?(?:[:;–—]|\s-|,)\s+(?=(?:{_QUESTION_WORDS})\b)", re.IGNORECASE)
# Of those, a topic set off by a dash or colon leads in each question of the message ("civil
# nuclear cooperation - which ... and what ...?"); "Two numbers I need: ..." names none, and a
# clause before a comma ("Since Japan gave ..., which ...") is no topic.
_SET_OFF = re.compile(r"[:;–—-]\s*$")
# Words and marks that join two things, whatever they join: a hint that one paragraph may not
# hold the whole answer ("the energy side and the diplomatic side", "both", "also", a list).
_JOINING = re.compile(r"\b(?:and|both|also|as well as|plus|or)\b|[,;&]", re.IGNORECASE)


@dataclass(frozen=True)
class QuestionAnalysis:
    """Everything later stages need to know about one question."""

    text: str  # the question as typed, cleaned (what the answer echoes)
    language: str  # ISO 639-1 ("en", "ms", "ja", "fr", ...) or "other"
    asking: str  # the sentence(s) that ask, without a long message's context
    # ``asking`` with abbreviations, spelling and case mended; in another language, its slips
    # (against its own word list, or the statement's words) and the statement's names' case.
    normalized: str
    corrections: tuple[tuple[str, str], ...]  # (typed, read as)
    answer_types: tuple[str, ...]  # see answer_types.expected_answer_types
    topics: tuple[str, ...]  # two or more when the question joins topics, else ()
    questions: tuple[str, ...]  # two or more when the message asks two questions in one
    joins: bool  # its asking sentence joins things ("and", "both", "also", a list): see _JOINING
    paragraphs: tuple[PassageKey, ...]  # passages it names ("¶14", "the last paragraph", "the preamble")
    sections: tuple[int, ...]  # indices into Document.sections of sections it names
    # The text the retrievers search: ``normalized``, with the statement's authors as the one who
    # speaks put as "they" (see :func:`without_speaker`).
    searched: str
    # ``normalized`` without the words that name the statement as where to look ("In the June
    # 2023 Modi-Biden joint statement, ..."): what the answer-kind check reads (see
    # :func:`without_document_frame`).
    unframed: str
    # What a "Why did ...?" or "Why was ... -ed?" question takes as done: its verb ("cancel"), or
    # "" (see :func:`premise_verb`).
    premise: str
    # The names of who speaks in it, lower case: ("france", "brazil") in "What did France and
    # Brazil agree?" (see :func:`speaking_subject`).
    speakers: tuple[str, ...]
    # It asks what the statement says of a topic as a whole, not for one fact (see :func:`asks_broadly`).
    broad: bool = False
    # It asks when or where the statement itself was made (see :func:`asks_when_made`).
    when_made: bool = False
    # It asks who made the statement itself (see :func:`asks_who_made`).
    who_made: bool = False
    # It asks about the statement as a document, not what it says (see :func:`asks_about_document`).
    about_document: bool = False
    # It asks jmqa for a recommendation, an opinion or a text of its own (see :func:`asks_advice`).
    advice: bool = False
    # It asks what came of something after the statement was made (see :func:`asks_what_came_of`).
    came_of: bool = False
    # The clause in which it takes a deed as done before it asks (see :func:`taken_as_given`), or "".
    given: str = ""
    # What it asks was signed, in a yes/no question ("a defence treaty"; see :func:`signed_thing`), or "".
    signed: str = ""

    @property
    def asked(self) -> str:
        """The sentence that asks, alone: without the context a message gave before it, even
        when that context carries its topic ("I'm writing a piece. Which straits are named?")."""
        return _last_asking(self.normalized)

    @property
    def questions_topic(self) -> str:
        """The topic a message of two questions names before them, which each of them asks about:
        "the Look East Policy" in "Two things for my thesis on the Look East Policy: what ...,
        and which ...?", or in a sentence of context before them; "" if none."""
        if len(self.questions) < 2:
            return ""
        first = self.questions[0].rstrip("?？ ")
        at = self.normalized.find(first)
        lead = context_topic(self.normalized[:at] + first, first) if at > 0 else ""
        return " ".join(t for t in (context_topic(self.text, self.asking), lead) if t)

    @property
    def remainder(self) -> str:
        """What is left to look for once named paragraphs are taken out ("In ¶14, how much...")."""
        return without_references(self.normalized)


class Analyzer:
    """Analyses questions about one statement (its vocabulary, paragraph count and sections)."""

    def __init__(
        self,
        document: Document,
        entities: Mapping[tuple[PassageKey, int], Sequence[Entity]] | None = None,
        known: Iterable[str] = (),
    ) -> None:
        """``known``: words, lower case, that lead to the statement though it never uses them (its
        glossary's English terms), which a slip is mended to as to its own words."""
        self.document = document
        self.facts = statement_facts(document, entities)
        self.normalizer = Normalizer(
            [p.text for p in document.passages],
            titles=[h for h, _ in document.sections if h],
            parties=self.facts.common_names,
            known=known,
        )
        # The words of the statement's own names, places and people: who may be said to speak.
        self._speakers = frozenset(
            {w for name in self.facts.common_names for w in name.split()}
            | self.facts.place_words
            | {
                w.lower()
                for tags in (entities or {}).values()
                for e in tags
                if e.label == "PERSON"
                for w in _PLACE_WORD.findall(e.text)  # a capitalised word, as for places
            }
        )
        self._headings = [heading for heading, _ in document.sections]
        self._said = " ".join(" ".join(p.text for p in document.passages).lower().split())
        self.analyze = functools.lru_cache(maxsize=2048)(self._analyze)

    def _mended_other(self, asking: str, language: str) -> tuple[str, tuple[tuple[str, str], ...], str]:
        mended = self.normalizer.normalize_other(asking, language)
        return mended.text, mended.changes, mended.as_typed

    def _analyze(self, question: str) -> QuestionAnalysis:
        text = clean_question(question)
        asking = asking_part(text)
        # The statement's own names (its parties, its companies) say nothing of the
        # language a question is in, and sway a detector on short questions.
        language = detect_language(self._without_names(asking))
        mended = self.normalizer.normalize(asking)
        # "what abt semicondctors" or "Whta is Mlaaysia's GDP?" read as Indonesian until their
        # slips are mended; but only slips, no word of the language the detector saw: a French
        # question mended word by word ("Quel" is "Fuel") may only then look English. A name of
        # the statement, shortened ("msia", "jpn"), is a word of no language.
        if language != "en" and _is_latin(asking) and not any(
            # (A chat letter, "n" for "and", is a word of some language or other.)
            len(typed) > 1 and is_word_of(typed, language) and not self.normalizer.is_name(read)
            for typed, read in mended.changes
        ):
            if detect_language(self._without_names(mended.text)) == "en":
                language = "en"
        # Again once mended: "Pls tell me who ..." is a courtesy only once "pls" reads "please".
        normalized, corrections, as_typed = (
            (without_courtesy(mended.text), mended.changes, without_courtesy(mended.as_typed))
            if language == "en"
            else self._mended_other(asking, language)
        )
        answer_types = expected_answer_types(as_typed)
        unframed = without_document_frame(normalized, self._speakers) if language == "en" else normalized
        paragraphs = cited_paragraphs(normalized, len(self.document.paragraphs))
        given = (taken_as_given(normalized) or reported_before(text, asking)) if language == "en" else ""
        questions = split_questions(normalized) if language == "en" else asked_apart(normalized)
        return QuestionAnalysis(
            text=text,
            language=language,
            asking=asking,
            normalized=normalized,
            corrections=corrections,
            answer_types=answer_types,
            topics=split_topics(normalized, self._said) if language == "en" else (),
            questions=questions,
            joins=joins_things(_last_asking(normalized), self.facts.common_names),
            paragraphs=paragraphs,
            sections=named_sections(normalized, self._headings),
            searched=self._with_context_topic(as_written(self._searched(unframed)), text, asking)
            if language == "en" else as_written_other(normalized),
            unframed=unframed,
            premise=premise_verb(unframed, self._speakers) if language == "en" else "",
            speakers=speaking_subject(normalized) if language == "en" else (),
            broad=language == "en" and asks_broadly(_last_asking(normalized), answer_types),
            when_made=asks_when_made(_last_asking(normalized), self._speakers),
            who_made=language == "en" and asks_who_made(_last_asking(normalized), self._speakers),
            about_document=(
                language == "en" and not paragraphs and asks_about_document(_last_asking(normalized), self._speakers)
            ),
            advice=language == "en" and asks_advice(_last_asking(normalized)),
            came_of=language == "en" and all(
                asks_what_came_of(q, self._speakers) for q in questions or (_last_asking(normalized),)
            ),
            # ... or in the context before it: "I read that they signed a trade deal. When ...?"
            given=given,
            signed=signed_thing(normalized, given) if language == "en" else "",
        )

    def _searched(self, unframed: str) -> str:
        """What the retrievers search for an English question, once the statement named as where
        to look is out: without its authors as who speaks, or its parties named together; with the
        years it names by the statement's date ("next year") written out."""
        spoken = without_speaker(unframed, self._speakers)
        parted = without_parties(spoken, self.facts.common_names)
        if parted == spoken and _TWO_JOINED.search(spoken):
            # Or by their capitals ("Did Paris and New Delhi sign ...?"), read only for one that
            # joins two things: countryinfo's files cost a cold start.
            parted = without_parties(spoken, self._parties_or_capitals)
        return with_years_written(without_leaders(parted, self.facts.leaders), self.facts)

    @functools.cached_property
    def _parties_or_capitals(self) -> frozenset[str]:
        return self.facts.common_names | capitals_of(self.facts.common_names)

    def _with_context_topic(self, searched: str, text: str, asking: str) -> str:
        """``searched`` with the topic the message's context names, if any (see
        :func:`context_topic`): the question may point to it only by "which companies"."""
        topic = context_topic(text, asking)
        return f"{searched} {self.normalizer.normalize(topic).text}" if topic else searched

    def _without_names(self, text: str) -> str:
        """``text`` without the statement's own names; a neutral English word when one word or
        none is left (two company names and "hev"), too little to tell any language by."""
        if not _is_latin(text):
            return text
        kept = "".join(w for w in re.split(r"(\W+)", text) if not self.normalizer.is_name(w)).strip()
        # Words told by their letters, not by \w: a Devanagari vowel sign is no word character,
        # and would split a Hindi question into single letters, too little to tell.
        words = sum(sum(ch.isalpha() for ch in w) >= 2 for w in kept.split())
        return kept if words >= 2 else "OK"


# A word that stands for something said before: "it", "each one", "there", a bare "that", or
# "that" before a noun ("that framing", "these measures"); not the statement itself or a time
# ("this statement", "this year"), nor "that" opening a clause ("anything that says", "that the").
_NOT_POINTED_AT = (
    r"the|a|an|they|it|we|you|he|she|i|is|was|are|were|has|have|had|will|would|can|could|should"
    r"|did|does|do|may|might|must|statement|document|text|declaration|communiqu\w*|joint|year|month"
    r"|week|time|summit|visit|meeting|one|ones|deal|agreement|partnership|relationship|pact"
)
# "those responsible", "those who": a pronoun, not a noun's determiner.
_THOSE_ALONE = r"responsible|involved|concerned|affected|who|which|in|of|with|at|from|for|on|by"
_POINTS_BACK = re.compile(
    r"\b(it|its|each one|each of them|either one|both of them|such(?!\s+as))\b"
    # "... each side backing the other?", "the former", "the latter": one of things named before.
    r"|\bthe\s+(?:other|former|latter)\b(?!\s+(?!(?:and|or|but|to|for|in|on|with|at|by|from)\b)[A-Za-z])"
    # ("Anything in there about ...?": in the statement.)
    r"|(?<!is )(?<!are )(?<!was )(?<!were )(?<!\bin )\bthere\b(?!\s+(?:is|are|was|were|be|been|'s)\b)"
    # (Not the statement, as the source: "how many ... according to this?", nor the whole matter:
    # "what role does JBIC play in all of this?")
    r"|(?<!\baccording to )(?<!\bas per )(?<!\bbased on )(?<!\ball of )(?<!\ball )\b(that|this|these|those)\b(?!\s+[A-Za-z])"
    # "Is that a guarantee?": after an auxiliary, "that" is the subject, not "said that the ...".
    r"|\b(?:is|was|are|were|does|did|will|would|has)\s+(?:that|this)\s+(?:a|an|the)\b"
    rf"|\b(?:that|this)\s+(?!(?:{_NOT_POINTED_AT})\b)(?-i:[a-z][\w-]*(?<![^s]s))\b"
    rf"|\b(?:these|those)\s+(?!(?:{_NOT_POINTED_AT}|{_THOSE_ALONE})\b)(?-i:[a-z][\w-]*)\b",
    re.IGNORECASE,
)


# A courtesy before the question itself ("Could you tell me, did ...?", "I was wondering whether
# ..."): it asks nothing, but hides how the question starts ("did", "why") from every later stage.
_COURTESY = re.compile(
    r"^\W*(?:(?:hi|hello|hey)\W+)?(?:please\W+)?"
    r"(?:(?:could|can|would|will)\s+you\s+(?:please\s+|kindly\s+)?(?:tell|let)\s+me(?:\s+know)?"
    r"|would\s+you\s+mind\s+telling\s+me|do\s+you\s+know|i\s+was\s+wondering|i\s+wonder"
    r"|(?:do\s+you\s+(?:have|know)\s+|have\s+you\s+(?:got\s+)?)?any\s+idea"
    r"|i(?:'d|’d|\s+would)\s+like\s+to\s+know|(?:please\s+)?tell\s+me)"
    r"(?:\s+please)?[\s,:;–—-]*"
    r"(?=(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|has|have|had"
    r"|will|would|can|could|should|if|whether)\b)",
    re.IGNORECASE,
)


# Chat openers before the question itself ("wait so how many ...", "ok so what ...", "quick one:
# ..."): words of no topic, which counted as the question's own terms that the statement never
# uses, as a topic it does not cover would.
_OPENER = re.compile(
    r"^\W*(?:(?:wait|ok|okay|so|please|hmm+|um+|uh+|er+m?|well|oh|yo|hey|hi|hello|btw|lol|right|alright|quick"
    r"\s+(?:one|q|question))\b[\s,.:;!–—-]*)+"
    r"(?=(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|has|have|had"
    r"|will|would|can|could|should)\b)",
    re.IGNORECASE,
)


def without_courtesy(question: str) -> str:
    """``question`` without a courtesy or a chat opener that only introduces it.

    >>> without_courtesy("Could you tell me, did they sign anything?")
    'did they sign anything?'
    >>> without_courtesy("wait so how many people live there?")
    'how many people live there?'
    """
    return _COURTESY.sub("", _OPENER.sub("", question, count=1), count=1) or question


def asking_part(text: str) -> str:
    """The sentences of a message that ask: those ending in "?" (or starting like a question),
    after any context the person gave first, without a courtesy before them ("Could you tell me,
    ..."). The whole text when no sentence asks, or when the asking sentence names less than two
    things of its own ("Which companies?")."""
    return without_courtesy(_asking_sentences(text))


_ADDENDUM_WORDS = 4
_THANKS = re.compile(r"\W*(?:many\s+)?(?:thanks?|thank you|thx|ty|cheers|ta)\b", re.IGNORECASE)
_WH_WORDS = r"(?:what|which|who|whom|whose|when|where|why|how|whats|whos|wheres|hows)\b"
_WH_START = re.compile(rf"\W*{_WH_WORDS}", re.IGNORECASE)
_GOES_ON = re.compile(rf"\W*(?:and|also|plus|as well as|what about|how about|{_IMPERATIVE})\b", re.IGNORECASE)


# A message typed without a sentence mark between its context and its question ("i run an
# exchange club how many people travelled last year"): the question starts where a question word
# is followed by what only a direct question puts there, an auxiliary ("what did", "when has"),
# "how many", a noun and then an auxiliary ("which programmes is japan keeping", "what principles
# did they name"), or is one with "is" run into it as lower case types it ("whats that about");
# not an embedded question ("confused about what the union does", "looking at how countries see
# it"), nor a relative clause ("the firm which is building it", "the report which the ministry
# has published": a determiner after "which" opens a clause of its own).
_AUXILIARY = r"(?:did|do|does|is|are|was|were|will|would|can|could|should|has|have|had)"
_DIRECT_WH = (
    rf"(?:(?:what|when|where|why|how)\s+{_AUXILIARY}|how\s+(?:many|much|long|often|soon)"
    # "how big do the two governments want ...", "how fast did they ...": a word between "how" and
    # an auxiliary with its subject after it
    rf"|how\s+(?!come\b)[a-z]+\s+{_AUXILIARY}(?=\s+(?:the|they|there|it|this|these|those|we|you|i|he|she)\b)"
    rf"|(?:what|which)\s+(?!(?:the|a|an|this|that|these|those|my|our|your|his|her|its|their|i|we|you|he|she"
    rf"|it|they)\b)(?:(?:kinds?|sorts?|types?)\s+of\s+)?(?:[a-z-]+\s+){{1,4}}?{_AUXILIARY}|whats|hows|wheres|whos)\s+\w"
)
# ... or a yes/no question, an auxiliary before its subject ("im a malaysian traveller did the
# leaders agree on a visa waiver", "... will my gloves get lower duties").
_YES_NO_RUN_ON = (
    rf"{_AUXILIARY}\s+(?:the|they|there|it|both|any|anything|anyone|either|he|she|you|this|these|those"
    r"|my|our|its|their)\s+\w"
)
_RUN_ON_QUESTION = re.compile(rf"(?<=\w)\s+(?={_DIRECT_WH}|{_YES_NO_RUN_ON})", re.IGNORECASE)
# ... or one whose subject is a country or its capital, as lower case types it ("im covering the
# case has washington agreed to hand him over"): a word after an auxiliary in a statement is a
# verb, an adverb or a determiner ("has been", "has long", "has a"), seldom a country's name.
_YES_NO_TO_A_COUNTRY = re.compile(rf"(?<=\w)\s+(?={_AUXILIARY}\s+(?P<subject>[^\W\d_]+)\s+\w)", re.IGNORECASE)
# A word after which an auxiliary goes on a clause, not a yes/no question: "a student who is the
# first", "the report that is due"; and a question word before it, whose question it inverts.
_GOES_ON_A_CLAUSE = frozenset("that it there this whether if".split())
_WH_WORD = re.compile(rf"\b{_WH_WORDS}", re.IGNORECASE)
# A direct question's opening: a question word as above, or an auxiliary ("has", "did").
_DIRECT_OPENING = re.compile(rf"^\W*(?:{_DIRECT_WH}|{_AUXILIARY}\s+\w)", re.IGNORECASE)
_RUN_ON_CONTEXT_WORDS = 3  # fewer words before it are an opener ("ok so"), read as such
# What is cut off must be about the asker ("im a grad student ...", "my professor wants ..."),
# not the question's own topic ("when discussing the kelp farms what did they commit to") nor a
# first question ("which company is it and what will they build").
_ASKERS_WORDS = r"(?:i|i['’]?m|i['’]?ve|i['’]?d|my|me|we|we['’]?re|our)"  # not "us": "the us"
_ABOUT_THE_ASKER = re.compile(rf"\b{_ASKERS_WORDS}\b", re.IGNORECASE)
_JOINS_ANOTHER = re.compile(r"\b(?:and|or|but|then|also)\W*$", re.IGNORECASE)
# A word that embeds the question that follows it: "my students ask what atlantis does".
_EMBEDS = re.compile(
    r"\b(?:ask|asks|asked|asking|know|knows|knew|wonder|wonders|wondered|wondering|tell|explain|see|understand"
    r"|learn|show|decide|find out|check|about|on|of|over|sure|unsure|unclear|idea|curious)\W*$",
    re.IGNORECASE,
)


# A second question run into a first, inverted as only a direct question is ("has a site been
# picked yet where will it be built", "... will be built which state is it going in"), or "how
# much", "how many" or "which <noun>" asked of it at the end ("... power plant which state").
_RUN_ON_SUBJECT = r"(?:there|it|they|the|this|that|these|those|he|she|we|you|i)\b"
_RUN_ON_SECOND = re.compile(
    rf"(?<=\w)\s+(?=(?:what|when|where|why|how|who)\s+{_AUXILIARY}\s+{_RUN_ON_SUBJECT}"
    rf"|which\s+(?!{_RUN_ON_SUBJECT})[a-z-]+\s+{_AUXILIARY}\s+{_RUN_ON_SUBJECT}"
    r"|how\s+(?:much|many)\W*(?:\w+\W*){0,2}$|which\s+[a-z-]+\W*$)",
    re.IGNORECASE,
)


@functools.cache
def _countries_and_capitals() -> frozenset[str]:
    """Every country's name and capital, lower-cased: a subject; not a people, whose word is as
    often an adjective ("my buyers are japanese trading houses")."""
    names = country_names_lower()
    return names | capitals_of(names)


def _run_on_sentences(text: str) -> list[str]:
    """``text`` cut in two before its first direct question, when it opens with the asker's own
    context and no sentence mark ends that context; or before a second question run into the
    first, each then marked as the question it is."""
    if _QUESTION_START.search(text):
        # (Not after a clause that only sets the scene: "when discussing the farms what did ...".)
        for m in _RUN_ON_SECOND.finditer(text) if _DIRECT_OPENING.search(text) else ():
            first = text[: m.start()]
            # (Nor a question that runs on into it: "..., and by how much".)
            last = re.findall(r"\w+", first)[-1].lower()
            if is_stopword(last) or _EMBEDS.search(first) or len(content_terms(first)) < 2:
                continue
            return [f"{first.rstrip()}?", f"{text[m.end() :].strip()}?"]
        return [text]
    starts = [
        *_RUN_ON_QUESTION.finditer(text),
        *(m for m in _YES_NO_TO_A_COUNTRY.finditer(text) if m["subject"].lower() in _countries_and_capitals()),
    ]
    for m in sorted(starts, key=lambda m: m.start()):
        context = text[: m.start()]
        if len(context.split()) < _RUN_ON_CONTEXT_WORDS or _JOINS_ANOTHER.search(context) or _EMBEDS.search(context):
            continue
        if re.match(_AUXILIARY, text[m.end() :], re.IGNORECASE) and (
            context.split()[-1].lower() in _GOES_ON_A_CLAUSE or _WH_WORD.search(context)
        ):
            continue  # ... nor the inversion of a question already asked: "how much is the deal worth"
        question = text[m.end() :].strip()
        # ... and what is left must have a topic of its own ("what are the dates pls" has none).
        if _ABOUT_THE_ASKER.search(context) and len(content_terms(_spelled(question))) >= 2:
            return [context.strip(), question]
        break
    return [text]


# A thanks run on at the end of a message typed without stops asks nothing ("... to face trial many
# thanks for your help"); only a closing that cannot be what is asked about is taken off ("thank
# you" alone may be: "did they say thank you").
_TRAILING_THANKS = re.compile(
    r"(?<=\w)(?<!\bmany)[\s,-]+(?:many\s+thanks|thanks|thx|thank\s+(?:you|u)(?=\s+(?:so|very|in|for)\b))"
    r"(?:\s+(?:so\s+much|very\s+much|a\s+lot|in\s+advance|for\s+(?:your|ur|the|any)\s+help))*[\s.!]*$",
    re.IGNORECASE,
)


def _asking_sentences(text: str) -> str:
    text = _TRAILING_THANKS.sub("", text)
    sentences = [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]
    # A closing "Thank u so much." asks nothing, whatever came before it.
    while len(sentences) > 1 and _THANKS.match(sentences[-1]):
        sentences.pop()
        text = " ".join(sentences)
    if len(sentences) < 2:
        sentences = _run_on_sentences(text)
    if len(sentences) < 2:
        return text
    asking = [s for s in sentences if s.rstrip().endswith(("?", "？"))]
    if not asking:
        asking = [s for s in sentences if _QUESTION_START.search(s)][-1:]
    if not asking and all(_ABOUT_THE_ASKER.search(s) for s in sentences[:-1]):
        # "I'm writing a piece for my newsletter. best ramen near shinjuku station": after
        # sentences about the asker alone, the last one is what is asked, question word or not.
        asking = sentences[-1:]
    if not asking:
        return text
    # "When is it launching? Exact date pls": a few words after the question ask more of it, and
    # so does a sentence that goes on from it ("... semiconductors? and also anything about
    # space"), or one that asks without its mark ("... warships right? how many and how much").
    # (A "Thanks!" asks nothing.)
    last = sentences.index(asking[-1])
    asking += [
        s for s in sentences[last + 1 :]
        if (len(s.split()) <= _ADDENDUM_WORDS or _GOES_ON.match(s) or _WH_START.match(s)) and not _THANKS.match(s)
    ]
    joined = " ".join(asking)
    first = sentences.index(asking[0])
    # "Which companies?", "What did they say about that?": the topic is in the context, most
    # likely in the sentence just before ("Sorry if this is a basic question. I read about a
    # plant that burns ammonia. What's that about?"); all of it where that one names too little.
    named = len(content_terms(joined))
    if named < 2:
        before = f"{sentences[first - 1]} {joined}" if first else ""
        return before if first and len(content_terms(before)) >= named + 2 else text
    # "... TRUST and ASIA. What does each one cover?": what it points back to comes along.
    if first and _points_back(_spelled(asking[0])):  # "this yr" points at a year
        return f"{sentences[first - 1]} {joined}"
    return joined


# A topic set before the question about it: "hackers locking up company files - is that on their
# radar?", "Arctic Council: what do they want from it?". What the question points back to is there.
_TOPIC_FIRST = re.compile(r"^(?P<topic>[^?]*?\w)\s+[-–—:]\s+(?=\S)")


def _points_back(sentence: str) -> bool:
    """Whether ``sentence`` points back to something named before it ("What does each one
    cover?"), not to a topic of two or more terms it sets itself, before a dash or a colon."""
    m = _TOPIC_FIRST.match(sentence)
    pointer = next((p for p in _POINTS_BACK.finditer(sentence) if not _opens_a_clause(sentence, p)), None)
    if pointer is None or (m and len(content_terms(m.group("topic"))) >= 2):
        return False
    # "Who will chair the council and where is its first meeting?": a second question points
    # back to what the first one names.
    second = _NEXT_QUESTION.search(sentence, 0, pointer.start())
    return not (second and len(content_terms(sentence[: second.start()])) >= 2)


_THAT_AND_A_PAST = re.compile(r"that\s+[a-z]+ed\b", re.IGNORECASE)


def _opens_a_clause(sentence: str, pointer: re.Match[str]) -> bool:
    """Whether ``pointer`` is a "that" opening a relative clause: a verb in the past after it, and
    before it a word of content, not a function word ("the programmes that helped startups"); such
    a "that" points back to nothing. After a function word it does: "about that proposed plan",
    "Is that agreed plan final?"."""
    if not _THAT_AND_A_PAST.match(pointer.group(0)):
        return False
    before = re.findall(r"[\w'’-]+", sentence[: pointer.start()])
    return bool(before) and not is_stopword(before[-1].lower())


def _spelled(text: str) -> str:
    """``text`` with its chat abbreviations spelled out ("ppl" "people", "yr" "year")."""
    return " ".join(ABBREVIATIONS.get(w.lower(), w) for w in text.split())


# A run of the common names, each marked "\x00", joined by "and", "or", "&" or commas.
_NAMES_JOINED = re.compile(r"\x00(?:\W*\b(?:and|or)\b\W*\x00|\s*[,&]\s*\x00)+", re.IGNORECASE)


def joins_things(sentence: str, common_names: Set[str]) -> bool:
    """Whether ``sentence`` joins things ("and", "both", "also", a list), other than the names the
    statement repeats throughout ("between Japan and Malaysia": the parties, not two topics).

    >>> joins_things("Which airlines fly between Japan and Malaysia?", {"japan", "malaysia"})
    False
    >>> joins_things("What about palm oil and chips?", {"japan", "malaysia"})
    True
    """
    names = _names_pattern(frozenset(common_names))
    marked = names.sub("\x00", sentence) if names else sentence  # each name becomes "\x00" ...
    marked = _NAMES_JOINED.sub("\x00", marked)  # ... and a run of them joined, one
    return bool(_JOINING.search(marked))


@functools.lru_cache(maxsize=16)
def _names_pattern(names: frozenset[str]) -> re.Pattern[str] | None:
    """One pattern for all of ``names`` as whole words, the longest first; built once per
    statement, not per question."""
    if not names:
        return None
    return re.compile(rf"(?<![\w-])(?:{_alternation(names)})(?![\w-])", re.IGNORECASE)


def _alternation(names: Iterable[str]) -> str:
    """``names`` as one regex alternation, the longest first ("united states" before "states")."""
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def _last_asking(text: str) -> str:
    sentences = [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]
    asking = [s for s in sentences if s.endswith(("?", "？"))] or sentences or [text]
    return asking[-1]


# The words that name the statement itself.
_DOCUMENT_NOUN = re.compile(r"\b(?:statement|declaration|communiqu[eé]|document)s?\b", re.IGNORECASE)
# The meeting, as who speaks through its statement ("Does the summit say anything about visas?").
_MEETING_NOUN = re.compile(r"summits?|meetings?|talks", re.IGNORECASE)


# A joint statement speaks for its authors: "What did the two prime ministers say about the
# fisheries?" asks what it says of the fisheries. Named, the authors match the one paragraph that
# introduces them ("the Prime Minister of ...") far better than the paragraph on the topic, for
# BM25 and both models alike: in the shipped statement such a question about a region ranked ¶1
# first and the region's paragraph below the fourth, where "What did they say ..." ranks it first
# by a wide margin. General English words for heads of government and their sides; the names
# come from the statement itself.
_SPEAKING = re.compile(
    r"\b(?:(?:actually|really|ever|jointly|also|both|specifically|officially|publicly)\s+)?"
    r"(?:say|says|said|agree|agrees|agreed|discuss|discusses|discussed|talk|talks|talked|mention"
    r"|mentions|mentioned|states|stated|announce|announces|announced|decide|decides|decided|commit"
    r"|commits|committed|pledge|pledges|pledged|promise|promises|promised|express|expresses"
    r"|expressed|notes|noted|stress|stresses|stressed|emphasi[sz]e|emphasi[sz]es|emphasi[sz]ed"
    r"|reaffirm|reaffirms|reaffirmed|affirm|affirms|affirmed|welcome|welcomes|welcomed|declare"
    r"|declares|declared|want|wants|wanted|plans|planned|hopes|hoped|intend|intends|intended"
    r"|propose|proposes|proposed|conclude|concludes|concluded|signs|signed|react|reacts|reacted|respond"
    r"|responds|responded)\b",
    re.IGNORECASE,
)
_SPEAKER_WORDS = frozenset(
    """the both two their respective and & of leader leaders prime minister ministers pm pms premier
    premiers president presidents head heads state government governments administration
    administrations side sides country countries nation nations delegation delegations mr ms mrs
    dr this joint statement declaration communique communiqué document""".split()
)
_SPEAKER_HEAD = re.compile(
    r"\b(?:leaders?|ministers?|pms?|premiers?|presidents?|heads?|governments?|administrations?"
    r"|sides|countries|nations|delegations?|statement|declaration|communiqu[eé]|document)$",
    re.IGNORECASE,
)
_OPENS_WITH_TO_BE = re.compile(r"^\W*(?:is|are|was|were)\b", re.IGNORECASE)
_SUBJECT_WORD = re.compile(r"[\w&.-]+(?:['’]s?)?")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|at|inside|within|near|across|around|throughout)\s+(?:the\s+)?$", re.IGNORECASE)


_ENDS_A_SENTENCE = re.compile(r"[.?!…][\"'”’)\]]*$")


def as_written(question: str) -> str:
    """``question`` with a capital first letter and, when it asks but ends in no mark, a question
    mark: the form in which the models read the statement and the tuning questions. Both encoders
    move with these marks alone (e5 is cased), so a question typed in chat style ("what changes
    to the h1b visa") could rank a near paragraph first that its written form does not.

    >>> as_written("what did they say about palm oil")
    'What did they say about palm oil?'
    >>> as_written("palm oil")
    'Palm oil'
    >>> as_written("Tell me about palm oil.")
    'Tell me about palm oil.'
    """
    question = _capitalised(question)
    if not _ENDS_A_SENTENCE.search(question) and _QUESTION_START.match(_last_asking(question)):
        question += "?"
    return question


def as_written_other(question: str) -> str:
    """A question in another language than English, written as :func:`as_written` writes one:
    a capital first letter and, when it ends in no mark, a question mark. With no question words
    of its language to go by, a message that ends in no mark is taken to ask, as nearly every such
    message to jmqa does, and as the tuning questions in those languages are written. Japanese
    and Chinese often end a question with no mark, and a topic typed alone asks nothing of its
    own: only a Japanese question that ends on its asking particle ("か", "の") gets its mark,
    "？" (e5 reads the two forms apart, enough to refuse one and answer the other).

    >>> as_written_other("bilakah mesyuarat itu diadakan")
    'Bilakah mesyuarat itu diadakan?'
    >>> as_written_other("付属書はありますか")
    '付属書はありますか？'
    >>> as_written_other("付属書")
    '付属書'
    >>> as_written_other("Apa itu ASIA?")
    'Apa itu ASIA?'
    """
    question = _capitalised(question)
    if _ASKS_IN_JAPANESE.search(question):
        question += "？"
    elif question and not _ENDS_A_SENTENCE.search(question) and not _WIDE_OR_ENDED.search(question):
        question += "?"
    return question


def _capitalised(question: str) -> str:
    question = question.strip()
    return question[0].upper() + question[1:] if question[:1].islower() else question


# A message that ends in a character of the scripts that write full-width marks, or in one of
# those marks or a danda (Hindi's full stop).
_WIDE_OR_ENDED = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef\u0964]$")
# A Japanese sentence that ends on a particle that asks: "…ありますか", "…決まったの", "…かな"; "の"
# only after a verb's or an adjective's kana ending, as "マレーシアの" (Malaysia's) asks nothing.
_ASKS_IN_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff](?:か|かな|かね|でしょう|だろう)$|[\u3040-\u309f]の$")


def without_speaker(question: str, names: Set[str]) -> str:
    """``question`` with the statement's authors, where they are who speaks, put as "they".

    ``names`` are the lower-cased words of the statement's own names, places and people: a subject
    made of them and of words for heads of government speaks for the statement. The rest of the
    question must still name something, or nothing is left to search for.

    >>> without_speaker("What did the two prime ministers say about the fisheries?", set())
    'What did they say about the fisheries?'
    >>> without_speaker("What does the joint statement say about ports?", set())
    'What does it say about ports?'
    >>> without_speaker("Who are the two prime ministers?", set())
    'Who are the two prime ministers?'
    >>> without_speaker("What did the Atlantis-Lemuria statement say about kelp?", {"atlantis", "lemuria"})
    'What did it say about kelp?'
    """
    for verb in _SPEAKING.finditer(question):
        if not content_terms(question[verb.end() :]):
            continue
        words = list(_SUBJECT_WORD.finditer(question, 0, verb.start()))
        first = len(words)
        while first and _speaker_or_meeting(words[first - 1].group(0), names):
            first -= 1
        if first == len(words) or words[first].group(0).lower() in {"and", "&", "of"}:
            continue  # no subject, or a part of one ("X and <a leader>"): not the authors alone
        subject = [re.sub(r"['’]s?$", "", w.group(0)) for w in words[first:]]
        named = [w for w in subject if w.lower() not in _SPEAKER_WORDS and not _MEETING_NOUN.fullmatch(w)]
        # A name alone is one side, and who said it is part of the question ("What did Malaysia
        # promise?"); names joined are both (the two leaders' names, the two parties').
        both = (len(named) >= 2 and any(w.lower() in ("and", "&") for w in subject)) or any(
            _joined_names(w, names) for w in named
        ) or (  # ... or typed apart before the statement: "the japan malaysia statement"
            len(named) >= 2 and _DOCUMENT_NOUN.fullmatch(subject[-1]) is not None
            and all(w.lower() in names for w in named)
        )
        if _MEETING_NOUN.fullmatch(subject[-1]) and subject[0].lower() not in ("the", "this"):
            continue  # "Was a meeting planned?", "any security talks planned": no one speaks
        head = subject[-1]
        if (not named and (_SPEAKER_HEAD.search(head) or _MEETING_NOUN.fullmatch(head))) or both:
            # The statement itself, or one meeting, speaking for them, is "it": "What does it say
            # about ...?"
            one = _DOCUMENT_NOUN.fullmatch(head) or (_MEETING_NOUN.fullmatch(head) and not head.lower().endswith("s"))
            pronoun = "it" if one else "they"
            return f"{question[: words[first].start()]}{pronoun} {question[verb.start():]}"
    return question


# The statement named as where the answer is ("According to the joint statement, ...", "... in
# the statement?", "per the document"): it says where to look, not what to look for, and the
# document's name pulls the search towards the one paragraph that writes "this Statement". So do
# the words that say which statement ("in the February 2025 Trump-Modi joint leaders' statement",
# "the June 2026 joint statement by Prime Ministers X and Y", "trump modi feb 2025 statement -
# who ..."): its date, its authors' names and titles, its parties.
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_A_DATE_WORD = rf"(?:(?i:{_MONTH})\b\.?|\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{4}}\b)"
_NAME_JOINER = r"(?:\s*[-–—/&,]\s*|\s+(?:and\s+)?)"
_DOCUMENT = r"(?i:statement|declaration|communiqu[eé]|document)\b(?!['’])"


@functools.lru_cache(maxsize=16)
def _document_frame(names: frozenset[str]) -> re.Pattern[str]:
    """The statement named as where to look, with the words that say which (see above);
    ``names`` are the statement's own names in lower case, as a question may type them."""
    own = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if n.isalpha())
    word = rf"(?:[A-Z][\w.'’-]*|{_A_DATE_WORD}|(?i:(?:joint|leaders{'|' + own if own else ''})\b['’]?))"
    which = rf"(?:{word}{_NAME_JOINER})*"
    after = (
        rf"(?:\s+(?i:by|of|between|from|issued\s+by|signed\s+by)\s+(?:(?i:the)\s+)?{word}(?:{_NAME_JOINER}{word})*"
        rf"|(?:\s+{_A_DATE_WORD})+)?"
    )
    return re.compile(
        rf"(?:^|(?<=[\s,;:]))(?i:according\s+to|as\s+per|per|in|within|from)\s+(?i:the|this|their|that)\s+"
        rf"{which}{_DOCUMENT}{after}\s*,?"
        # A message that opens by naming the statement, then asks ("trump modi feb 2025
        # statement - who ..."), or names the topic after its date ("india us joint statement
        # sept 2023 AMD investment"). Not its meeting: "jpn msia summit - date n venue?" asks
        # about the meeting itself.
        rf"|^\W*(?:{word}{_NAME_JOINER})+{_DOCUMENT}{after}(?:\s*[-–—:,]\s*|(?<=\d)\s+(?=\w))"
    )


def without_document_frame(question: str, names: Set[str] = frozenset()) -> str:
    """``question`` without the words that name the statement as where to look, when something
    else is still asked about; ``names``, the statement's own names in lower case.

    >>> without_document_frame("According to the statement, what is planned for rice?")
    'what is planned for rice?'
    >>> without_document_frame("Which ports are named in the joint statement?")
    'Which ports are named?'
    >>> without_document_frame("What is in the statement?")
    'What is in the statement?'
    >>> without_document_frame("What is Mission 500 in the February 2025 Trump-Modi joint leaders' statement?")
    'What is Mission 500?'
    >>> without_document_frame("trump modi feb 2025 statement - who is being extradited?", {"trump", "modi"})
    'who is being extradited?'
    """
    framed = _document_frame(frozenset(names)).sub(" ", question)
    framed = re.sub(r"\s+([?.!,;:])", r"\1", re.sub(r"\s{2,}", " ", framed))
    framed = re.sub(r"[,;:]+(?=[?.!]|$)", "", framed).strip(" ,;:")  # "grow, according to ...?"
    return framed if content_terms(framed) else question


# The statement's parties named together ("when did Atlantis and Lemuria upgrade their ties",
# "the Strategic Dialogue between Atlantis and Lemuria") single out nothing in a statement between
# them, yet both models match them to whichever paragraph names both near the question's other
# words: such a question ranked a paragraph on trade first, where the same question without them
# ranks the one it asks about. Joined after a verb's helper, they are "they"; after "between",
# they go.
_HELPER = rf"(?:{_AUXILIARY}|shall|may|might)"


# Two things joined after a verb's helper or "between", which may be the parties by other names.
_TWO_JOINED = re.compile(
    rf"\b(?:between|{_HELPER})\s+(?:the\s+)?[\w.]+(?:\s+[\w.]+)?\s+(?:and|&)\s", re.IGNORECASE
)


@functools.lru_cache(maxsize=16)
def _parties_joined(names: frozenset[str]) -> re.Pattern[str] | None:
    """"X and Y" or "X's and Y's" for any two of ``names`` (their own words, not "both" or "prime
    minister")."""
    own = [n for n in names if not all(w in _SPEAKER_WORDS or w == "they" for w in n.split())]
    if len(own) < 2:
        return None
    name = _alternation(own)
    return re.compile(
        rf"\b(?:(?P<before>between|{_HELPER})\s+)?(?:the\s+)?(?P<first>{name})(?:['’]s)?\s+(?:and|&)\s+(?:the\s+)?"
        rf"(?P<second>{name})(?P<owner>['’]s\b)?(?!['’\w])",
        re.IGNORECASE,
    )


def without_parties(question: str, names: Set[str]) -> str:
    """``question`` with the statement's parties named together put as "they" after a verb's helper,
    and left out after "between", when something else is still asked. ``names``: the lower-cased
    names the statement repeats throughout (StatementFacts.common_names).

    >>> without_parties("When did Atlantis and Lemuria upgrade their ties?", {"atlantis", "lemuria"})
    'When did they upgrade their ties?'
    >>> without_parties("When was the dialogue between Atlantis and Lemuria launched?", {"atlantis", "lemuria"})
    'When was the dialogue launched?'
    >>> without_parties("What is between Atlantis and Lemuria?", {"atlantis", "lemuria"})
    'What is between Atlantis and Lemuria?'
    >>> without_parties("Do Atlantis's and Lemuria's growth plans align?", {"atlantis", "lemuria"})
    'Do their growth plans align?'
    """
    pattern = _parties_joined(frozenset(names))
    if pattern is None:
        return question

    def put(m: re.Match[str]) -> str:
        if m["first"].lower() == m["second"].lower():
            return m.group(0)
        if m["owner"]:  # "Do Atlantis's and Lemuria's plans ...?", "in Atlantis and Lemuria's ties"
            return f"{m['before'] or ''} their".lstrip()
        if m["before"] is None:
            return m.group(0)
        return "" if m["before"].lower() == "between" else f"{m['before']} they"

    rewritten = re.sub(r"\s+([?.!,;:])", r"\1", re.sub(r"\s{2,}", " ", pattern.sub(put, question))).strip()
    rest = pattern.sub(" ", question)
    return rewritten if content_terms(rest) else question


def without_leaders(question: str, leaders: Sequence[Set[str]]) -> str:
    """``question`` without the statement's leaders named together ("Trump and Modi", "the
    Modi-Biden", "modi biden"), when something else is still asked: in a query without a verb
    of saying, they say which statement, not what to look for, and pull the search to the
    passage that names them. ``leaders``: each leader's lower-cased name words
    (StatementFacts.leaders).

    >>> without_leaders("Palestine two-state solution - Trump and Modi 2025", [{"donald", "trump"}, {"modi"}])
    'Palestine two-state solution - 2025'
    >>> without_leaders("What did Trump say about Modi's visit?", [{"donald", "trump"}, {"modi"}])
    "What did Trump say about Modi's visit?"
    """
    words = sorted({w for names in leaders for w in names if len(w) > 1}, key=len, reverse=True)
    if len(leaders) < 2 or not words:
        return question
    name = "|".join(re.escape(w) for w in words)
    run = re.compile(rf"\b(?:{name})(?:['’]s)?(?:(?:\s*[-–—/&,]\s*|\s+and\s+|\s+)(?:{name})(?:['’]s)?)+\b(?:\s*,)?", re.IGNORECASE)

    def put(m: re.Match[str]) -> str:
        named = {w.lower() for w in re.findall(r"\w+", m.group(0))}
        return " " if sum(bool(names & named) for names in leaders) >= 2 else m.group(0)

    rewritten = re.sub(r"\s+([?.!,;:])", r"\1", re.sub(r"\s{2,}", " ", run.sub(put, question))).strip()
    return rewritten if rewritten != question.strip() and content_terms(rewritten) else question


def leaders_named(question: str, leaders: Sequence[Set[str]]) -> int:
    """How many of the statement's leaders ``question`` names, by any word of three letters or
    more of their names ("leclerc", "Pendragon's"). ``leaders``: as for :func:`without_leaders`; only
    those with a name of two words or more count: the tagger takes a party's name for a person's
    now and then ("Zanzara condemned ...").

    >>> leaders_named("does leclerc back poseidonia's plan", [{"morgan", "leclerc"}, {"arthur", "pendragon"}])
    1
    >>> leaders_named("what did zanzara say", [{"zanzara"}])
    0
    """
    words = {w.lower() for w in re.findall(r"\w+", question)}
    return sum(len(names) > 1 and any(len(w) > 2 and w in words for w in names) for names in leaders)


_A_CODE = re.compile(r"[A-Z]{2,3}")


def _in_a_country_name(text: str, start: int, end: int) -> bool:
    """Whether the word ``text[start:end]`` ends a country's name of several words."""
    named_from = country_name_start(text, end)
    return named_from is not None and named_from < start


def speaking_subject(question: str) -> tuple[str, ...]:
    """The names of who speaks, says, agrees or the like in ``question``, lower case but for a
    code in capitals ("UK"), without the words for heads and governments; () when it names no one.

    >>> speaking_subject("What did France and Brazil agree on trade?")
    ('france', 'brazil')
    >>> speaking_subject("Did the French President say anything about Japan?")
    ('french',)
    >>> speaking_subject("what did the french and brazilians agree")
    ('french', 'brazilians')
    >>> speaking_subject("what did malaysia and the united states agree")
    ('malaysia', 'united states')
    >>> speaking_subject("What did the UK and India agree?")
    ('UK', 'india')
    >>> speaking_subject("What did Japan's PM say?")
    ('japan',)
    >>> speaking_subject("What did the two leaders say about trade?")
    ()
    >>> speaking_subject("how did beijing react to it?")
    ('beijing',)
    """
    for verb in _SPEAKING.finditer(question):
        if _in_a_country_name(question, verb.start(), verb.end()):
            continue  # "What did Malaysia and the United States agree?": "States" says nothing
        subject, start = [], verb.start()
        words = list(_SUBJECT_WORD.finditer(question, 0, verb.start()))
        while words:
            w = words.pop()
            if _in_a_country_name(question, w.start(), w.end()):
                # "what did malaysia and the united states agree": the whole name, "united" too.
                named_from = country_name_start(question, w.end()) or 0
                name = [w]
                while words and words[-1].start() >= named_from:
                    name.insert(0, words.pop())
                subject.insert(0, question[name[0].start() : w.end()].lower())
                start = name[0].start()
                continue
            written = re.sub(r"['’]s?$", "", w.group(0))
            # A code keeps its capitals for now (see below): "us" is no country.
            word = written.replace(".", "") if _A_CODE.fullmatch(written.replace(".", "")) else written.lower()
            # "what did france say", "how did beijing react": a country's name or its capital.
            a_name = w.group(0)[:1].isupper() or is_country_word(word)
            if not (a_name or word in _SPEAKER_WORDS) or _QUESTION_START.match(word):
                break
            subject.insert(0, word)
            start = w.start()
        # "my cousin in bulgaria wants to visit": a place after "in" is where someone is, not who
        # speaks ("the president of France" still speaks).
        if subject and _PLACE_PREPOSITION.search(question, 0, start):
            continue
        # "Was the East China Sea mentioned?" (also with a word mistyped between, "was teh ..."):
        # in the passive, the subject is what is spoken of, not who speaks.
        opening = _OPENS_WITH_TO_BE.match(question)
        if opening and len(question[opening.end() : start].split()) <= 1 and verb.group(0).endswith("ed"):
            continue
        # A code is a country only joined to another name ("the UK and India"): "Japan's PM" is
        # no Saint Pierre and Miquelon.
        subject = [
            w if not _A_CODE.fullmatch(w) or joined_to_a_country(question[start : verb.start()], w) else w.lower()
            for w in subject
        ]
        named = tuple(w for w in subject if w not in _SPEAKER_WORDS)
        if named:
            return named
    return ()


# What the statement says, mentions or covers of a topic, "tell me about", "everything", "overall",
# "where in the statement": words that ask for all it says rather than for one fact.
_BROADLY = re.compile(
    r"\b(?:say|says|said|saying|mention|mentions|mentioned|talk|talks|talked|feature|features|featured"
    r"|discuss|discusses|discussed|refer|refers|referred|treat|treats|treated|cover|covers|covered"
    r"|address|addresses|addressed|(?:come|comes|came|bring|brings|brought) up)\b"
    r"|\btell (?:me|us) about\b|\bwhat about\b|\beverything\b|\boverall\b|\bacross the\b|\bwhere in the\b",
    re.IGNORECASE,
)
_ASKS = re.compile(
    r"^\W*(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|has|have|had"
    r"|will|would|can|could|should)\b",
    re.IGNORECASE,
)


def asks_broadly(asked: str, answer_types: Sequence[str]) -> bool:
    """Whether the asking sentence ``asked`` wants all the statement says of a topic: it asks for
    no kind of answer, and either asks what is said, mentioned or covered, or is a bare topic.

    >>> asks_broadly("What does the statement say about the South China Sea?", ())
    True
    >>> asks_broadly("Look East Policy?", ())
    True
    >>> asks_broadly("What did they agree on semiconductors?", ())
    False
    >>> asks_broadly("When did they say it was set up?", ("time",))
    False
    """
    return not answer_types and (_BROADLY.search(asked) is not None or _ASKS.search(asked) is None)


# A question about the statement itself, not about what it says: when (or where) it was made.
# "When was the joint statement issued?" shares no word with any paragraph but the date it asks
# for, so the search finds nothing, or "at an early date". In English such a question names the
# document and asks when or where, or whether it was made somewhere, and says nothing else:
# once its framing words, the document's name and the words of issuing, dates and places are
# taken out, no word is left ("In the statement issued on 10 June, what did they say about rice?"
# keeps "rice": it names its occasion and asks about rice).
_WHEN_OR_WHERE = re.compile(
    r"\b(?:when|where|date|dates|dated|day|place|city|venue|location|occasion|circumstances|year|month"
    r"|january|february|march|april|may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)
# Words of issuing a text, and the words that qualify them ("first issued", "made public",
# "the exact date", "supposed to come out", "due out").
_ISSUED = re.compile(
    r"\b(?:issue[sd]?|issuing|released?|releasing|published|publish|put|sign(?:ed|ing)?|adopted|adopt|made"
    r"|make|came|come|produced|announced|finali[sz]ed|concluded|out|public|official|officially|first"
    r"|exact|exactly|actual|actually|supposed|expected|due|scheduled|planned|likely|going)\b",
    re.IGNORECASE,
)
_YES_NO_OPENING = re.compile(r"^\W*(?:was|were|is|did|has|had)\b", re.IGNORECASE)
# The place a question offers, at its end: "... issued in Kuala Lumpur?", "... signed in osaka"
# (up to three words, none a function word: not "in response to the crisis").
_OFFERED_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?P<place>[^\W\d_]+(?:[\s-]+[^\W\d_]+){0,2})\W*$")
# Malay and Japanese, whose questions are not normalised: the whole question.
_ASKS_WHEN_MADE_ELSEWHERE = (
    # "Bilakah kenyataan bersama ini dikeluarkan?", "Apakah tarikh kenyataan bersama ini?"
    re.compile(
        # The parties may be named between ("kenyataan bersama Jepun-Malaysia ini"), and the place
        # asked with the date ("... ditandatangani dan pada tarikh apa").
        r"^\W*(?:(?:bila|bilakah|di\s*mana(?:kah)?|pada\s+tarikh\s+apa)\s+(?:kenyataan|deklarasi)\s+"
        r"(?:bersama\s+)?(?:[\w-]+\s+){0,3}?(?:ini\s+)?(?:telah\s+)?(?:dikeluarkan|diterbitkan|ditandatangani|dibuat"
        r"|diumumkan|diterima\s+pakai)(?:\s+dan\s+(?:bila(?:kah)?|di\s*mana(?:kah)?|pada\s+tarikh\s+apa))?"
        r"|(?:apakah\s+)?tarikh\s+(?:kenyataan|deklarasi)\s+(?:bersama\s+)?(?:ini)?)\W*$",
        re.IGNORECASE,
    ),
    # "この共同声明はいつ発表されましたか？", "共同声明の日付は？"
    re.compile(
        r"^\W*(?:この|本)?(?:共同)?声明(?:は|が)(?:いつ|どこで)[^。？?]{0,12}[？?]?$"
        r"|^\W*(?:この|本)?(?:共同)?声明の(?:日付|発表日|署名日)[^。？?]{0,8}[？?]?$"
    ),
)


def asks_when_made(asked: str, names: Set[str] = frozenset()) -> bool:
    """Whether the asking sentence ``asked`` asks when or where the statement itself was made.
    ``names``: the lower-cased words of the statement's parties, places and people, which may name
    it ("When was the Japan-Malaysia statement issued?").

    >>> asks_when_made("Where and on what date was the joint statement issued?")
    True
    >>> asks_when_made("When was the Strategic Dialogue launched?")
    False
    >>> asks_when_made("In the statement issued on 10 June, what did they say about rice?")
    False
    """
    if any(pattern.search(asked) for pattern in _ASKS_WHEN_MADE_ELSEWHERE):
        return True
    if not _DOCUMENT_NOUN.search(asked):
        return _asks_of_the_occasion(asked, names)
    issued = _ISSUED.search(asked) is not None
    if not (_WHEN_OR_WHERE.search(asked) or (issued and _YES_NO_OPENING.search(asked))):
        return False
    offered = _OFFERED_PLACE.search(asked)
    if offered and not any(is_stopword(w.lower()) for w in re.findall(r"[^\W\d_]+", offered["place"])):
        asked = asked[: offered.start()]
    rest = _WHEN_OR_WHERE.sub(" ", _ISSUED.sub(" ", _DOCUMENT_NOUN.sub(" ", asked)))
    rest = " ".join(w for w in re.findall(r"[^\W\d_]+", rest) if w.lower() not in names)
    return not content_terms(rest)


# The occasion the statement was made at, the leaders' meeting, asked when or where: "Where did the
# two leaders meet?", "In which city was the summit held?". The sentence that writes the
# statement's date says that too ("On <date>, in <place>, ... held a summit meeting"), where the
# search is drawn to whichever paragraph has the leaders doing anything. Not a meeting still to
# come ("When will they meet again?", "the next summit"), nor one of others ("the coast guards").
_MEETING = r"summit|meeting|meetings|talks|visit|visited|visiting|meet|met"
_OCCASION = re.compile(rf"\b(?:{_MEETING})\b", re.IGNORECASE)
# ... and the words that say it took place: these and the meeting are all such a question asks.
_OCCASION_WORDS = re.compile(
    rf"\b(?:{_MEETING}|bilateral|official|hold|held|holding|take|took|taken|place|convened?|two|both"
    r"|their|his|her)\b",
    re.IGNORECASE,
)
_AHEAD = re.compile(r"\b(?:will|shall|next|again|upcoming|future|going\s+to|later|plan|planned)\b", re.IGNORECASE)


def _asks_of_the_occasion(asked: str, names: Set[str]) -> bool:
    """Whether ``asked`` asks when or where the statement's parties or leaders met, and nothing
    else (see :func:`asks_when_made`)."""
    if not (_WHEN_OR_WHERE.search(asked) and _OCCASION.search(asked)) or _AHEAD.search(asked):
        return False
    rest = _OCCASION_WORDS.sub(" ", _WHEN_OR_WHERE.sub(" ", asked))
    return not content_terms(" ".join(w for w in re.findall(r"[^\W\d_]+", rest) if not _speaker_word(w, names)))


# Who made it: "Who issued the joint statement?", "Which leaders signed this declaration?", "Who
# are the parties to the statement?". The sentence that writes the statement's date says who met
# and made it (Document.dated_sentences), where the search would find the paragraph that writes
# "this Statement". Like when_made, the question names the document and nothing else once the
# words of issuing and of heads of government and their sides are taken out.
_WHO = re.compile(
    r"^\W*(?:who|whom|whose|(?:which|what)\s+(?:two\s+)?(?:leaders?|countries|nations|governments"
    r"|parties|sides|heads|states|prime\s+ministers|presidents))\b",
    re.IGNORECASE,
)
_PARTY_WORDS = frozenset("party parties signatory signatories between".split())


def asks_who_made(asked: str, names: Set[str] = frozenset()) -> bool:
    """Whether the asking sentence ``asked`` asks who made the statement itself (issued, signed
    or adopted it, or is party to it). ``names`` as in :func:`asks_when_made`.

    >>> asks_who_made("Who issued this joint statement?")
    True
    >>> asks_who_made("Which two leaders is the declaration between?")
    True
    >>> asks_who_made("Who signed the coast guard memorandum?")
    False
    >>> asks_who_made("Who drafted the statement?")
    False
    """
    if not (_DOCUMENT_NOUN.search(asked) and _WHO.search(asked)):
        return False
    if not (_ISSUED.search(asked) or any(w.lower() in _PARTY_WORDS for w in re.findall(r"\w+", asked))):
        return False  # "Which countries are mentioned in the statement?" asks what it says
    rest = _ISSUED.sub(" ", _DOCUMENT_NOUN.sub(" ", asked))
    rest = " ".join(
        w for w in re.findall(r"[^\W\d_]+", rest)
        if not _speaker_word(w, names) and w.lower() not in _PARTY_WORDS
    )
    return not content_terms(rest)


# Any other question on the statement as a document, not on what it says: who drafted it, how many
# paragraphs or which sections it has, its language, where it was published, the next one. Its
# paragraphs do not describe the document they make up, so any paragraph the search found would be
# quoted as an answer it is not. Such a question names the document and, once its words of issuing,
# dates and places and the statement's own names are taken out, asks only in these words: general
# English for a text as a thing that is written, laid out, published and followed by others.
_DOCUMENT_TERMS = frozenset(
    """paragraph paragraphs section sections heading headings subheading subheadings chapter chapters
    title titled subtitle structure structured organised organized divided
    format layout page pages length long short words word wording language languages english
    version versions original translation translations translated translate translator copy copies
    text website site web online internet url link pdf posted uploaded printed leaked time hour
    o'clock clock draft drafts drafted drafting drafter drafters write wrote written writing writer
    writers author authors authored spokesperson spokesman spokeswoman annex annexes appendix
    appendices attachment attachments binding legally legal force treaty next previous last
    earlier prior preceding former later subsequent following another other follow final opening
    closing second third penultimate""".split()
)


_EITHER = frozenset("either neither each any every all".split())  # "binding on either government"
# The kind of thing a question opens by asking for: "Which officials or ministry", "What agency".
_ASKED_KIND = re.compile(r"^\W*(?:which|what)\s+[^\W\d_]+(?:\s+(?:or|and)\s+[^\W\d_]+)?\b", re.IGNORECASE)


def asks_about_document(asked: str, names: Set[str] = frozenset()) -> bool:
    """Whether the asking sentence ``asked`` asks about the statement as a document (how it was
    drafted, laid out, published or followed up) rather than about what it says. ``names`` as in
    :func:`asks_when_made`.

    >>> asks_about_document("How many paragraphs does the joint statement have?")
    True
    >>> asks_about_document("When will the next joint statement be issued?")
    True
    >>> asks_about_document("Which sections of the statement cover energy?")
    False
    """
    if not _DOCUMENT_NOUN.search(asked):
        return False
    # What the answer would be ("Which officials or ministry drafted it?"), and the statement's
    # authors and sides ("binding on either government"), name nothing it is about.
    kind = _ASKED_KIND.match(asked)
    if kind and not any(w.lower() in _DOCUMENT_TERMS for w in kind.group(0).split()):
        asked = asked[kind.end() :]
    rest = _WHEN_OR_WHERE.sub(" ", _ISSUED.sub(" ", _DOCUMENT_NOUN.sub(" ", asked)))
    words = [
        w.lower() for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", rest)
        if not (_speaker_word(w, names) or w.lower() in _EITHER)
    ]
    asked_of = [w for w in words if w in _DOCUMENT_TERMS]
    return bool(asked_of) and not content_terms(" ".join(w for w in words if w not in _DOCUMENT_TERMS))


# A request to jmqa itself for a recommendation or a text of its own ("Can you recommend a good
# hotel near the Expo site?", "Could you suggest a nice place to eat in the capital?"): a statement
# gives none, yet the place it names drew the search to the paragraph that names it, quoted as if
# it answered.
# How a request to jmqa opens, if at all: "Can you ...", "please ...".
# The verbs of saying (for a premise: "Why did they stress ...?" takes nothing as done), and what
# a statement does, asked of: "do you think they mentioned ...?" asks what it says.
_SAYING = frozenset("say mention talk discuss state note stress agree".split())
_SAID_VERBS = rf"(?:said|(?:{'|'.join(sorted(_SAYING))}|address|refer|cover|include)\w*)"
_ASKED_OF_JMQA = r"^\W*(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|please\s+)?"
_ADVICE = re.compile(
    rf"{_ASKED_OF_JMQA}(?:recommend|suggest|advise)"
    r"\s+(?:me\s+|us\s+)?(?:a|an|some|any|good|nice|the\s+best)\b"
    r"|^\W*what\s+(?:would|do)\s+you\s+(?:recommend|suggest|advise)\b"
    # "best time of year to see the northern lights", "what's the best place to eat near the venue"
    r"|^\W*(?:(?:what|when|where)(?:'s|’s|\s+is|\s+are)?\s+)?(?:the\s+)?best\s+(?:time|place|season|month"
    r"|day|spot|area|hotel|restaurant)s?\b(?:\s+of\s+(?:the\s+)?year)?\s+(?:to|for)\b"
    # "whats a good recipe for ...", "best way to change money ...", "cheapest laptop for uni": the
    # best or a good thing for a purpose is the asker's to choose (all 58 such eval questions have
    # no answer). Not "the good news for ...": a good thing needs "a" or nothing before it.
    r"|^\W*(?:(?:what|which)(?:'s|’s|s|\s+is|\s+are|\s+would\s+be)?\s+)?(?:(?:the\s+)?(?:very\s+)?"
    r"(?:best|cheapest|easiest|quickest|fastest|safest|nicest|simplest)|(?:(?:a|an|some|any)\s+)?(?:really\s+)?"
    r"(?:good|great|cheap|easy|decent|simple))\s+(?:[a-z]+\s+)?[a-z]+\s+(?:to|for)\b"
    # "How do I renew my passport?", "how can i sign up": a way for the asker to do something,
    # which a statement of governments never gives (all 62 such eval questions have no answer).
    r"|^\W*how\s+(?:do|can|should|could|would|might)\s+i\b"
    # "Can you help me write a cover letter?", "write a haiku about ...": a text of jmqa's own,
    # which it never writes (all 7 such eval questions have no answer). Not a summary of what the
    # statement says, which its quotes are.
    rf"|{_ASKED_OF_JMQA}(?:help\s+(?:me|us)\s+(?:to\s+)?)?"
    r"(?:write|draft|compose)\s+(?:me\s+|us\s+)?(?:a|an|some|my|our)\s+(?!(?:short\s+|quick\s+|brief\s+)?"
    r"(?:summary|summaries|overview|brief|briefing|recap|digest|outline|synopsis|notes?)\b)"
    # "Do you think the platform will do anything?", "in your opinion, ...": jmqa's own judgement,
    # which it has none of. Not "do you think they mentioned ...?", which asks what was said.
    r"|\b(?:do|would)\s+(?:you|u|ya)\s+(?:(?:really|honestly|personally|actually)\s+)?(?:think|reckon|believe|feel)\b"
    rf"(?![^?]*\b{_SAID_VERBS}\b)"
    r"|\b(?:in\s+)?your\s+(?:(?:honest|personal|own)\s+)?(?:opinion|view|take|thoughts|assessment|verdict)\b"
    r"|\bwhat\s+do\s+(?:you|u)\s+make\s+of\b",
    re.IGNORECASE,
)


def asks_advice(asked: str) -> bool:
    """Whether the asking sentence ``asked`` asks jmqa for a recommendation, an opinion or a text of
    its own, not what the statement says.

    >>> asks_advice("Can you recommend a good hotel near the Expo site?")
    True
    >>> asks_advice("Could you suggest a paragraph of the statement on energy?")
    False
    >>> asks_advice("What did the leaders recommend?")
    False
    >>> asks_advice("best time of year to see the northern lights?")
    True
    >>> asks_advice("how do i get cheap yen before my flight"), asks_advice("How do I find the paragraph on energy?")
    (True, False)
    >>> asks_advice("Can you help me write a cover letter?"), asks_advice("Write me a short summary of the energy plans")
    (True, False)
    >>> asks_advice("do you think the plan will work?"), asks_advice("Do you think they mentioned Gaza?")
    (True, False)
    """
    return _ADVICE.search(asked) is not None and not _DOCUMENT_NOUN.search(asked) and not re.search(
        r"\b(?:paragraphs?|sections?|parts?|passages?)\b", asked, re.IGNORECASE
    )


# "Why did the US cancel the deal?" takes as done what the statement may never say: the deal
# cancelled. Its verb is the first word after the subject (the statement's names, words for its
# authors, determiners); after "decide to", "agree to" and the like, the verb that follows.
# At the start of a sentence: after context the question brought along ("Sorry if this is basic.
# Why did ...?").
_SENTENCE_OPENS = r"(?:^|(?<=[.!?])\s)\W*"
_WHY_DID = re.compile(rf"{_SENTENCE_OPENS}(?:why|how come)\s+(?:did|had)\s+(.+)$", re.IGNORECASE | re.DOTALL)
_LEADING_TO = frozenset(
    "decide choose agree want plan try seek opt move vote need aim intend resolve".split()
)
_NOT_THE_VERB = frozenset(
    """a an this that these those its his her our they we he she it you so ever actually really
    also finally suddenly eventually first joint statement document declaration""".split()
)
# "Why was the meeting cancelled?": in the passive, the premise is the first participle in "-ed"
# that ends the clause or is followed by a particle or preposition; not one followed by "about"
# or "with" ("Why was the minister pleased about ...?" asks after a feeling, not a deed).
_WHY_WAS = re.compile(
    rf"{_SENTENCE_OPENS}(?:why|how come)\s+(?:was|were|(?:has|have|had)\s+been)\s+(.+)$", re.IGNORECASE | re.DOTALL
)
_PARTICIPLE = re.compile(
    r"\b([a-z]{2,}ed)\b(?=\W*$|\s+(?:to|in|at|down|out|off|up|back|from|until|after|before|for|by|as"
    r"|on|over|during|last|this|again|indefinitely)\b|\s*[?,.;])"
)
# Framing is no premise: "Why did they say ...?" takes nothing as done (_SAYING, above).
_LEADING_TO_STEMS = frozenset(map(stem, _LEADING_TO))
_SAYING_STEMS = frozenset(map(stem, _SAYING))
# "Why" inside a sentence, before a clause in the order of a statement: "the statement explains
# why the dialogue was cancelled", "tell me why Japan scrapped the deal".
_WHY_INSIDE = re.compile(
    r"(?<=\w)\W+why\s+(?!(?:did|was|were|has|have|had|is|are|do|does|will|would|can|could|should|not)\b)(.+)$",
    re.IGNORECASE | re.DOTALL,
)
_PASSIVE = re.compile(r"\b(?:was|were|(?:has|have|had)\s+been)\s+(.+)$", re.IGNORECASE | re.DOTALL)


def premise_verb(question: str, names: Set[str]) -> str:
    """The verb a "Why did ...?" or "Why was ... -ed?" question takes as done, lower case; "" for
    any other question.

    >>> premise_verb("Why did the US decide to cancel the vehicle deal?", {"us"})
    'cancel'
    >>> premise_verb("Why did they say so?", set())
    ''
    >>> premise_verb("Why did the US and EU agree at this summit to confiscate the assets?", {"us", "eu"})
    'confiscate'
    >>> premise_verb("Why was the meeting in July cancelled?", set())
    'cancelled'
    >>> premise_verb("Fact check: the statement explains why the meeting was cancelled.", set())
    'cancelled'
    """
    m = _WHY_DID.search(question)
    if not m:
        inside = _WHY_INSIDE.search(question)
        passive = _WHY_WAS.search(question) or (_PASSIVE.search(inside.group(1)) if inside else None)
        participle = _PARTICIPLE.search(passive.group(1)) if passive else None
        if participle:
            return participle.group(1)
        # "... why Japan scrapped the deal": a verb in the past, after the subject.
        return _premise_in(inside.group(1), names, past=True) if inside else ""
    return _premise_in(m.group(1), names)


def _premise_in(clause: str, names: Set[str], past: bool = False) -> str:
    """The verb of ``clause``: its first word that is no name, determiner or word for the
    statement's authors; "" if that is a framing word or, with ``past``, no past form in "-ed"."""
    words = re.findall(r"[\w'’.-]+", clause)
    for i, word in enumerate(words):
        lower = word.lower()
        if (
            word[:1].isupper() or _speaker_word(lower, names) or lower in _NOT_THE_VERB
            or re.search(r"['’.]|\d", word)
        ):
            continue
        if past and not lower.endswith("ed"):
            return ""
        # Any form of the verbs listed: "decided to drop" takes "drop", and so does "agree at the
        # summit to drop" (a short phrase between); "agreed on" nothing.
        if stem(lower) in _LEADING_TO_STEMS:
            after = [w.lower() for w in words[i + 1 : i + 6]]
            if "to" in after[:-1]:
                lower = after[after.index("to") + 1]
        return "" if stem(lower) in _SAYING_STEMS else lower
    return ""


# "Did they sign a mutual defence treaty at this summit?" asks whether one thing was signed (or
# concluded, inked, sealed): only a paragraph that reports a signing and names that thing answers
# it. Not "Did they sign anything?" nor "any agreement", which ask whether anything was; nor "sign
# off on" or "sign up to" (approve, join). The thing runs from the verb to where the deed's time,
# place or parties begin ("at this summit", "with Malaysia"), or to the next clause. "When did
# India and the US sign their free trade agreement?" takes it as signed just as well.
_SIGN_VERB = r"(?:signed|concluded|inked|sealed)"
_SIGN_STEM = re.compile(r"\b(?:sign|conclud|ink|seal)", re.IGNORECASE)
_NOT_A_PARTICLE = r"(?!(?:off|up|on|onto|in|away|it|this|that)\b)"
_SIGNED_ACTIVE = re.compile(
    rf"{_SENTENCE_OPENS}(?:(?:when|where)\s+)?(?:did|have|has|had)\s+(?:[\w&.'’-]+\s+){{1,10}}?"
    r"(?:(?:actually|really|finally|formally|officially|ever)\s+)?"
    rf"(?:sign|conclude|ink|seal|{_SIGN_VERB})\s+{_NOT_A_PARTICLE}(?P<thing>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_SIGNED_PASSIVE = re.compile(
    rf"{_SENTENCE_OPENS}(?:(?:when|where)\s+)?(?:was|were|(?:has|have|had)\s+been)\s+(?P<thing>.+?)\s+(?:(?:actually|formally|officially)\s+)?"
    rf"{_SIGN_VERB}\b",
    re.IGNORECASE | re.DOTALL,
)
# ... or takes one as signed: in a clause the question takes as given ("Since they signed a free
# trade agreement, ...", "Now that the agreement has been signed, ..."), or in one that says which
# thing it asks about ("the free trade agreement signed at this summit", "the deal that the two PMs
# signed"): not where who signed, or what, is what it asks ("Who signed the MOC?", "What do they
# celebrate having concluded?").
_SIGNED_OBJECT = re.compile(
    rf"\b{_SIGN_VERB}\s+{_NOT_A_PARTICLE}(?P<thing>(?:(?:a|an|the|their|its|another)\s|(?-i:[A-Z])).+)$", re.IGNORECASE | re.DOTALL
)
# The thing opens its clause, follows a preposition or is the subject an auxiliary asks of: "the
# terms of the agreement signed ...", "what tariffs does the agreement signed ... remove" (the
# verb right after it, not "what memoranda does the statement say were signed"); not "When was
# the agreement signed?" nor "in which year the pact was signed".
_THING_OPENS = (
    r"(?:^\W*|[,:;.!?–—-]\s*|\b(?:in|of|on|about|for|from|under|to|into|regarding|with|so|and|but|since|that|once"
    r"|because|as|if)\s+|\b(?P<asks>do|does|did|will|would|can|could|should|might|may)\s+)"
)
_ENDS_ON_A_VERB = re.compile(r"\s(?:was|were|is|are|be|been|being|has|have|had|got|gets|get|say|says|said)$", re.IGNORECASE)
_THE_THING_SIGNED = re.compile(
    rf"{_THING_OPENS}(?P<thing>(?:the|their|its)\s+(?:[\w&.'’-]+\s+){{0,12}}?[\w&.'’-]+)"
    rf"(?<!\bhaving)\s+(?:(?:actually|formally|officially|finally|just)\s+)?{_SIGN_VERB}"
    r"(?=\s*(?:[,?.!;:]|$)|\s+(?:at|in|on|during|by|with|between|last|this|earlier|later|recently|back|under|before"
    r"|after|and|or|so|as|yet|right)\b)",
    re.IGNORECASE,
)
# Where the thing ends, read back from the verb: before who signed it ("that the two PMs"), a
# question it follows ("the coast guard deal - what exactly got signed"), or the passive's verb.
_BEFORE_WHO_SIGNED = re.compile(
    r"\s+(?:-|–|—|that|which|who|what|when|where|how)\s.*$"
    r"|(?:\s+(?:was|were|is|are|be|been|being|has|have|had|got|gets|get|will|would|originally|first|formally"
    r"|officially|actually|finally|just|supposed|to|already))+$",
    re.IGNORECASE | re.DOTALL,
)
_THING_ENDS = re.compile(
    r"\s+(?:in|according\s+to)\s+(?:this|the)\s+(?:joint\s+)?(?:statement|declaration|communiqu[eé]|document)\b"
    r"|\s+(?:at|during|while|when|with|between|before|after|since|by|or|and|as|last|yesterday|today|on\s+behalf"
    r"|this\s+(?:summit|meeting|visit|week|time|year))\b|\s*[,?;!:]|\.(?:\s|$)",
    re.IGNORECASE,
)
_ANY_THING = re.compile(r"^\W*(?:any|anything|something|some|what|whatever|which)\b", re.IGNORECASE)


def signed_thing(question: str, given: str = "") -> str:
    """What a question asks or takes as signed (concluded, inked), as typed, or "": in a yes/no
    question, or one that asks when or where it was, not one that asks whether anything was; in
    the clause it takes as ``given``
    (:func:`taken_as_given`); or in a clause that says which thing it asks about. Not the
    statement itself.

    >>> signed_thing("Did Japan and Malaysia sign a new defence treaty at this summit, and what does it say?")
    'a new defence treaty'
    >>> signed_thing("Was a fisheries deal signed during the visit?")
    'a fisheries deal'
    >>> signed_thing("did the coast guards sign anything at this summit"), signed_thing("Did they sign off on it?")
    ('', '')
    >>> signed_thing("What tariffs are in the new free trade agreement signed at this summit?")
    'the new free trade agreement'
    >>> signed_thing("When did India and the US sign their free trade agreement?")
    'their free trade agreement'
    >>> signed_thing("In which year was it concluded?"), signed_thing("Who signed the MOC?")
    ('', '')
    >>> signed_thing("So when does it start?", given="they signed a free trade deal at the summit")
    'a free trade deal'
    """
    if not _SIGN_STEM.search(f"{question} {given}"):  # most questions: the patterns below are not cheap
        return ""
    m = _SIGNED_ACTIVE.search(question) or _SIGNED_PASSIVE.search(question)
    if m:
        thing, *rest = _THING_ENDS.split(m.group("thing"), maxsplit=1)
        # "Did they sign a binding deal, or is it something softer?" asks which it was.
        if rest and re.match(r"\s*,?\s*or\b", m.group("thing")[len(thing) :], re.IGNORECASE):
            return ""
        return _one_thing(thing)
    if given and (m := _SIGNED_OBJECT.search(given)):
        return _one_thing(_THING_ENDS.split(m.group("thing"), maxsplit=1)[0])
    m = _THE_THING_SIGNED.search(given) or _THE_THING_SIGNED.search(question)
    if m is None or (m.group("asks") and _ENDS_ON_A_VERB.search(m.group("thing"))):
        return ""
    return _one_thing(_BEFORE_WHO_SIGNED.sub("", m.group("thing")))


_THE_STATEMENT = re.compile(rf"^\W*(?:the|this|their|its)\s+(?:[\w'’-]+\s+){{0,3}}?{_DOCUMENT_NOUN.pattern}\W*$", re.IGNORECASE)


def _one_thing(thing: str) -> str:
    """``thing``, stripped, or "" for anything at all ("any agreement") or the statement itself
    ("the joint statement")."""
    return "" if _ANY_THING.match(thing) or _THE_STATEMENT.match(thing) else thing.strip()


# What came of something once the statement was made: "did the fisheries talks at MC12 end up
# succeeding?", "What did the G20 ministers end up agreeing in July?", "did the elections turn out
# free and fair in the end?". A statement speaks as of its own date and cannot say, however close
# its paragraph on the talks. Not of the statement's own authors or occasion ("What did they end
# up agreeing on AI?", "How did the summit turn out?": what the statement says is that outcome),
# nor of what may still come ("Could traders end up paying in their own currencies?").
_CAME_OF = re.compile(
    r"\bdid\s+(?P<subject>(?:[\w&.'’-]+\s+){1,8}?)"
    r"(?:(?:actually|really|ever|finally|eventually|ultimately|in\s+fact)\s+)?"
    r"(?:end\s+up|turn\s+out|pan\s+out|work\s+out|succeed|make\s+it\s+(?:to|into|in)|go\s+ahead"
    r"|come\s+to\s+anything)\b",
    re.IGNORECASE,
)
_NOT_A_SUBJECT = frozenset("it they we you he she them all in at of from for on with by".split())


def asks_what_came_of(asked: str, names: Set[str]) -> bool:
    """Whether the asking sentence ``asked`` asks what came of something after the statement
    was made, done by others than its authors. ``names`` as in :func:`asks_when_made`.

    >>> asks_what_came_of("did the fisheries subsidy talks at MC12 end up succeeding?", set())
    True
    >>> asks_what_came_of("What did the two leaders end up agreeing on AI?", set())
    False
    >>> asks_what_came_of("Which fruits did America make it easier to ship?", {"america"})
    False
    """
    for m in _CAME_OF.finditer(asked):
        words = re.findall(r"[\w&.'’-]+", m["subject"])
        if not all(
            _speaker_word(w, names) or w.lower() in _NOT_A_SUBJECT or _OCCASION_WORDS.fullmatch(w) for w in words
        ):
            return True
    return False


# A clause that takes a deed as done before the question asks about it: "Since the two sides
# signed a free trade agreement, when does it take effect?", "Now that the council has been set
# up, who chairs it?", "With the G7 having pledged a new fund, how is it split?". Not a
# circumstance without a verb of its own ("Given the turmoil in the Gulf, ...", "With all the
# trouble in the Middle East, ..."), nor "Since when ...?", nor "As a student, ...".
_GIVEN_OPENS = re.compile(
    r"(?:^|(?<=[.!?])\s)\W*(?:since(?!\s+when\b)|now\s+that|given(?:\s+that)?|seeing\s+(?:as|that)|considering\s+that"
    r"|as(?!\s+(?:a|an|i|we|you|far|well|regards|for|of|to|per|part|someone|one)\b)|with(?=[^,?]*\bhaving\b))\s+"
    r"(?P<clause>[^,?]{8,}?)(?:,|\s+(?=(?:what|which|who|whom|when|where|why|how)\b))",
    re.IGNORECASE,
)
# ... or reports it as read, heard or said in the statement: "I read that Malaysia agreed to buy
# submarines - how many?", "The statement says the US will sell F-35s to India. When do ...?". Not
# where the statement only takes a topic up ("The statement mentions carbon leakage. Which ...").
_REPORTED_OPENS = re.compile(
    r"(?:^|(?<=[.!?])\s)\W*(?:so\s+|and\s+)?(?:(?:i|we)\s+(?:(?:think|thought|believe)\s+(?:i|we)\s+)?"
    r"(?:(?:have|had|just|recently|once)\s+)?(?:read|heard|saw|seen|was\s+told|were\s+told)"
    r"(?:\s+(?:somewhere|online|in\s+the\s+(?:news|press|paper)))?"
    r"|(?:someone|a\s+friend|a\s+colleague|my\s+\w+)\s+told\s+me"
    r"|(?:the\s+)?(?:statement|declaration|communiqu[eé]|document|text)\s+(?:says|said|states|stated|claims|announces)"
    r")(?:\s+(?:that|the\s+statement\s+says(?:\s+that)?)"
    # Without "that", what follows must be a clause, not the thing read or heard ("I saw something
    # in the news", "I heard about the summit", "I read it online").
    r"|(?!\s+(?:something|anything|nothing|it|this|these|those|a|an|about|of|on|in|online|somewhere|recently"
    r"|earlier|lately|today|yesterday|news|reports?|articles?|stories|story|posts?)\b))\s+"
    # (The context of a message typed without stops ends where its question starts.)
    r"(?P<clause>[^,?;.!]{8,}?)(?:[,?;.!]|\s+[-–—]\s|\s+(?=(?:what|which|who|whom|when|where|why|how)\b)|\s*$)",
    re.IGNORECASE,
)
# ... a deed done: a verb in the past or the perfect ("signed", "has been set up", "became"); not
# a word in "-ed" that is none ("need", "speed", "a hundred", "the United States", "a based ...").
_NOT_PAST = r"(?:n|sp|f|s|d|br|gr|h|w|ind|proc|exc|succ)eed|hundred|united|based|related|limited|advanced"
_DONE = re.compile(
    rf"\b(?:has|have|had|having|was|were|did)\b|\b(?!(?:{_NOT_PAST})\b)[a-z]{{2,}}ed\b"
    r"|\b(?:became|began|made|took|gave|won|sold|bought|built|held|met|led|came|got|brought|sent|spent|paid"
    r"|chose|drew|struck|rose|fell|grew|went|left|set\s+up|put|kicked\s+off)\b"
    # ... or what the statement itself does, in the present: "Since the statement launches a free
    # trade agreement, ..." (not where it only takes the topic up: "mentions", "covers").
    r"|\b(?:statement|declaration|communiqu[eé]|document)\s+(?:\w+ly\s+)?"
    r"(?!(?:is|has|does|mentions|talks|discusses|covers|refers|deals|touches|addresses)\b)[a-z]+s\b",
    re.IGNORECASE,
)


# ... by the statement's people, not the asker: "Since I moved to Penang, what does it offer?"
_ASKERS_OWN = re.compile(r"\s*(?:i|i['’](?:m|ve|d)|my|me|we|we['’](?:re|ve|d)|our)\b", re.IGNORECASE)


# A deed reported as to come: "the statement says the US will sell F-35s to India".
_WILL_DO = re.compile(r"\b(?:will|would|is\s+going\s+to|are\s+going\s+to|plans?\s+to|agrees?\s+to)\s+\w+", re.IGNORECASE)


def taken_as_given(asked: str) -> str:
    """The clause in which ``asked`` takes a deed as done before asking about it, or "".

    >>> taken_as_given("Since the two sides signed a free trade agreement, when does it take effect?")
    'the two sides signed a free trade agreement'
    >>> taken_as_given("With all the trouble in the Middle East, what did Malaysia promise?")
    ''
    >>> taken_as_given("I read that Malaysia agreed to buy submarines - how many?")
    'Malaysia agreed to buy submarines'
    >>> taken_as_given("The statement says the US will sell jets to India. When do they arrive?")
    'the US will sell jets to India'
    >>> taken_as_given("Since I moved to Penang, what does it offer students?")
    ''
    """
    return _deed_in(_GIVEN_OPENS.search(asked), done_only=True) or _deed_in(_REPORTED_OPENS.search(asked))


def reported_before(text: str, asking: str) -> str:
    """The deed a message reports as read or said in the context before its question (``asking``,
    the part of ``text`` that asks), or "".

    >>> reported_before("I read that they signed a trade deal. When does it start?", "When does it start?")
    'they signed a trade deal'
    """
    context = text[: text.rfind(asking)] if asking and asking in text else ""
    return _deed_in(_REPORTED_OPENS.search(context))


# The topic a message's context names before its question ("I'm writing a piece on Japanese
# investment in Malaysia's car sector. Which companies did the leaders point to?"): what follows
# "on", "about", "regarding", ... to the end of its clause, not the asker's own errand after it
# ("... on climate pledges for our local paper").
_TOPIC_OPENS = re.compile(r"\b(?:on|about|regarding|concerning|covering)\s+(?P<topic>[^.,;:!?()\n]+)", re.IGNORECASE)
_TOPIC_ENDS = re.compile(
    # (Typed without stops, a clause of the asker's own starts at "i", "ive", "my": "... on asean
    # for next week my students always ask ...".)
    rf"\s+(?:(?:and|but|so|because|since)\s+(?:{_ASKERS_WORDS}|they|it|he|she)\b|{_ASKERS_WORDS}\b"
    r"|(?:for|at|from)\s+(?:my|our|a|an|the|work|class|school|uni)\b"
    r"|(?:who|which|that|when|while|as|if)\b).*$",
    re.IGNORECASE,
)

_TOPIC_WORDS = 8  # at most: a longer run is a message typed without stops, not its topic


def context_topic(text: str, asking: str) -> str:
    """The topics the context before a message's question (``asking``) names, or "".

    >>> context_topic("I'm writing a piece on car makers for our paper. Which firms?", "Which firms?")
    'car makers'
    >>> context_topic("I'm writing a piece for my newsletter. Which firms?", "Which firms?")
    ''
    """
    context = text[: text.rfind(asking)] if asking and asking != text and asking in text else ""
    topics = (" ".join(_TOPIC_ENDS.sub("", m["topic"]).split()[:_TOPIC_WORDS]) for m in _TOPIC_OPENS.finditer(context))
    # ("... a newsletter on the visit": the occasion itself is no topic.)
    return " ".join(t for t in topics if any(not _OCCASION_WORDS.fullmatch(w) for w in content_terms(t)))


def _deed_in(m: re.Match[str] | None, done_only: bool = False) -> str:
    """The clause of a match of _GIVEN_OPENS or _REPORTED_OPENS where it states a deed of others
    than the asker: done, or (reported) to come."""
    if not m or _ASKERS_OWN.match(m["clause"]):
        return ""
    deed = _DONE.search(m["clause"]) or (not done_only and _WILL_DO.search(m["clause"]))
    return m["clause"].strip() if deed else ""


def _speaker_word(word: str, names: Set[str]) -> bool:
    word = re.sub(r"['’]s?$", "", word).lower()
    return word in _SPEAKER_WORDS or word in names or _joined_names(word, names)


def _speaker_or_meeting(word: str, names: Set[str]) -> bool:
    return _speaker_word(word, names) or _MEETING_NOUN.fullmatch(word) is not None


def _joined_names(word: str, names: Set[str]) -> bool:
    """Whether ``word`` joins two or more of ``names`` by hyphens ("atlantis-lemuria", "pendragon-leclerc")."""
    parts = word.lower().split("-")
    return len(parts) >= 2 and all(p in names for p in parts)


def split_topics(question: str, said: str = "") -> tuple[str, ...]:
    """The topics of a question that asks about two or more ("What did they say about palm oil and
    about semiconductors?"), each as a question of its own; () for a single topic. ``said``: the
    statement's text, lower-cased, whose own "X and Y" is one name, not two topics. A part that
    asks a question of its own ("... about Myanmar, and what about North Korea?") is that question.

    >>> split_topics("When was the Agreement on Equipment and Technology concluded?")
    ()
    >>> split_topics("What about the Agreement on Equipment and Technology?", "the agreement on equipment and technology")
    ()
    >>> split_topics("What did they say about energy and by when?")
    ()
    >>> split_topics("What did they say about Myanmar, and is there anything on fentanyl?")
    ('What did they say about Myanmar?', 'is there anything on fentanyl?')
    """
    m = _ABOUT.search(question)
    # "When was the pact on gear and technology signed?": the topics are the subject's, and the
    # question asks one thing of it.
    if not m or (_PASSIVE_HELPER.search(question, 0, m.start()) and _PARTICIPLE_LAST.search(m.group(1))):
        return ()
    topics = m.group(1)
    parts, start = [], 0
    for joint in _JOINED.finditer(topics):
        before, after = topics[start : joint.start()].split(), topics[joint.end() :].split()
        # One of the statement's own names ("Defence Equipment and Technology") is one topic.
        if (
            before and after and not is_stopword(before[-1].lower()) and not is_stopword(after[0].lower())
            and f"{before[-1]} {joint.group(0).strip()} {after[0]}".lower() in said
        ):
            continue
        parts.append(topics[start : joint.start()])
        start = joint.end()
    parts = [p.strip(" ,") for p in [*parts, topics[start:]] if p.strip(" ,")]
    if len(parts) < 2 or any(len(p.split()) > 6 for p in parts):
        return ()  # long parts are clauses, not topics
    asking = [_ASKS.search(_PREPOSITION.sub("", p, count=1)) is not None for p in parts]
    # "... and by when?", "... and in what year?", "... and how it affects them?": it asks more of
    # the same topic, naming none of its own.
    if any(
        asks and (len(content_terms(p)) < (2 if expected_answer_types(p) else 1) or _points_back(p))
        for p, asks in zip(parts, asking)
    ):
        return ()
    head = question[: m.start(1)]
    return tuple(f"{p}?" if asks else f"{head}{p}?" for p, asks in zip(parts, asking))


# A passive's helper ("was", "has been") before the topics, and the participle that ends them.
_PASSIVE_HELPER = re.compile(r"\b(?:is|are|was|were|be|been)\b", re.IGNORECASE)
# (Not a noun after its article: "... and the seabed?")
_PARTICIPLE_LAST = re.compile(
    r"(?<!\bthe )(?<!\ban )(?<!\ba )\b(?:\w+[^e\W]ed|made|set|held|done|given|taken|written|begun)\W*$", re.IGNORECASE
)


def split_questions(text: str) -> tuple[str, ...]:
    """The questions of a message that asks two or more ("What is the trade target, and how much
    are companies investing?"); () for one. A part that names less than two things of its own
    ("..., and when?") is no question apart: it asks more of the same one."""
    # (A sentence's full stop goes too: "..., and tell me how many visitors came.")
    parts = [re.sub(r"(?<=[a-z]{2})\.$", "", q.strip(" ,?")) for q in _NEXT_QUESTION.split(text) if q.strip(" ,?")]
    lead = ""
    if parts and not _QUESTION_START.search(parts[0]):
        rest = _LEAD_IN.sub("", parts[0], count=1)
        lead, parts[0] = parts[0][: len(parts[0]) - len(rest)], rest
        if _ABOUT_THE_ASKER.search(lead) or not _SET_OFF.search(lead):
            lead = ""
    # A question asked twice is one question (and each part costs a search of its own).
    parts = list(dict.fromkeys(parts))
    if len(parts) < 2 or not all(
        _QUESTION_START.search(_PREPOSITION.sub("", q, count=1))
        and len(content_terms(q)) >= (1 if _WHAT_ABOUT.match(q) else 2)
        for q in parts
    ):
        return ()
    # "Summarise the energy section and list the companies named in it": asked of the same thing.
    if any(re.match(_IMPERATIVE, q, re.IGNORECASE) and _points_back(q) for q in parts[1:]):
        return ()
    # "civil nuclear cooperation - which partnership covers it and what are the plans?": the topic
    # it leads in with is each question's.
    return tuple(f"{lead}{q}?" for q in parts)


def asked_apart(text: str) -> tuple[str, ...]:
    """The questions of a message in another language than English that asks each in a sentence
    of its own, ended by a question mark ("Bilakah ...? Dan adakah ...?"); () for one. Unlike
    :func:`split_questions`, no English question word tells where one starts; as there, each
    must name two things of its own, so one that points back ("Apa lagi tentang itu?") stays
    with the other.

    >>> asked_apart("Bilakah forum kelp itu dilancarkan? Dan adakah ia menyebut ladang rumpai laut?")
    ('Bilakah forum kelp itu dilancarkan?', 'Dan adakah ia menyebut ladang rumpai laut?')
    >>> asked_apart("Bilakah forum kelp itu dilancarkan? Apa lagi?")
    ()
    >>> asked_apart("Welche Kelp-Farmen werden genannt, und bis wann soll das Forum starten?")
    ('Welche Kelp-Farmen werden genannt?', 'bis wann soll das Forum starten?')
    >>> asked_apart("Universiti mana yang membuka kampus, dan bila?")
    ()
    """
    parts = [s.strip() for s in re.split(r"(?<=[?？])\s*", text) if s.strip()]
    parts = list(dict.fromkeys(parts))
    if len(parts) == 1:
        # Or in one sentence, the second after a comma, "and" and its own question word: "Was
        # versprechen sie ..., und bis wann ...?", "Apakah program ..., dan berapa ramai ...?".
        parts = [p.strip(" ,") for p in _NEXT_QUESTION_OTHER.split(text) if p.strip(" ,")]
        parts = [p if p.endswith(("?", "？")) else f"{p}?" for p in parts]
    if len(parts) < 2 or not all(p.endswith(("?", "？")) and len(content_terms(p)) >= 2 for p in parts):
        return ()
    return tuple(parts)


# "and" and a question word (after its preposition) of the languages people ask jmqa in besides
# English: German, French, Malay and Indonesian.
_NEXT_QUESTION_OTHER = re.compile(
    r",\s*(?:und|et|dan|serta)\s+(?=(?:(?:bis|seit|ab|à|en|depuis|jusqu['’]à|sejak|sehingga|hingga)\s+)?"
    r"(?:wann|was|wer|wo|wie|welche[rnsm]?|warum|quand|que|qui|où|comment|quel(?:le)?s?|combien|pourquoi"
    r"|bila|bilakah|apa|apakah|siapa|berapa|bagaimana|mengapa|kenapa|kapan|di\s+mana)\b)",
    re.IGNORECASE,
)


# A capitalised word, or a run of them; "U.S." is one word, not "U" and "S".
_NAME = re.compile(r"\b[A-Z](?:[\w-]|\.(?=[A-Za-z]))*\.?(?:\s+[A-Z](?:[\w-]|\.(?=[A-Za-z]))*\.?)*")
_PLACE_LABELS = ("GPE", "NORP")
# A place's word as tagged: "India", "U.S.", "Indian"; not an acronym the small tagger took for a
# place ("MEXT", "FOIP").
_PLACE_WORD = re.compile(r"[A-Z][a-z][\w-]*|(?:[A-Z]\.)+")


def statement_facts(
    document: Document, entities: Mapping[tuple[PassageKey, int], Sequence[Entity]] | None = None
) -> StatementFacts:
    """The statement's year, the names it repeats in at least a fifth of its paragraphs, and the
    words of the places and nationalities ``entities`` (its index-time tags) name."""
    counts: dict[str, int] = {}
    for paragraph in document.paragraphs:
        names = {_name(m.group(0)) for m in _NAME.finditer(paragraph.text)}
        names |= {w for name in list(names) for w in name.split()}
        for name in {n for n in names if len(n) > 1}:
            counts[name] = counts.get(name, 0) + 1
    floor = max(2, len(document.paragraphs) / 5)
    common = _with_undotted(name for name, count in counts.items() if count >= floor)
    places = _with_undotted(
        word
        for tags in (entities or {}).values()
        for e in tags
        if e.label in _PLACE_LABELS
        for word in map(_name, _PLACE_WORD.findall(e.text))
    )
    words = frozenset(w for p in document.passages for w in re.findall(r"[\w-]+", p.text.lower()))
    return StatementFacts(
        year=document.date.year if document.date else None,
        common_names=common,
        place_words=places,
        words=words,
        leaders=_leaders(document, entities or {}),
        long_forms=find_acronyms(" ".join(p.text for p in document.passages)),
    )


def _leaders(
    document: Document, entities: Mapping[tuple[PassageKey, int], Sequence[Entity]]
) -> tuple[frozenset[str], ...]:
    """The people the statement's first passage names (its preamble, or ¶1: "President Joseph R.
    Biden, Jr. and Prime Minister Narendra Modi today affirmed ..."), each as the lower-cased
    words of their fullest name ("Donald J. Trump", not "Trump" again)."""
    first = document.reading_order[0].number if document.reading_order else None
    names = {
        frozenset(w.lower() for w in _PLACE_WORD.findall(e.text) if "." not in w)
        for (key, _), tags in entities.items()
        if key == first
        for e in tags
        if e.label == "PERSON"
    }
    return tuple(sorted((n for n in names if n and not any(n < other for other in names)), key=sorted))


def _name(text: str) -> str:
    """A name as compared: lower case, without a sentence's full stop ("japan." but "u.s.")."""
    text = text.lower()
    return text[:-1] if text.endswith(".") and text.count(".") == 1 else text


def _with_undotted(names: Iterable[str]) -> frozenset[str]:
    """``names``, each initialism also without its dots: people type "US" for "U.S."."""
    names = set(names)
    return frozenset(names | {n.replace(".", "") for n in names if _INITIALISM.fullmatch(n)})


_INITIALISM = re.compile(r"(?:\w\.)+")


def _is_latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isascii() for ch in letters) * 2 >= len(letters)
