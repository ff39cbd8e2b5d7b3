"""From ranked paragraphs to an answer: verbatim quotes with the answering sentence marked, or a
plain "the statement does not address this".

Nothing here writes prose: a :class:`Quote` is a paragraph's exact text and character spans into
it. Whether to answer at all is decided by a small logistic model over several signals (best dense
cosine of each model, BM25, term coverage), not by a fused-score threshold, which separates
answerable from unanswerable questions poorly. Its parameters live in ``data/calibration.json``
and are fitted on the dev split only (``python eval/tune.py``).
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from jmqa.answer_types import (
    DATE_KINDS,
    NAMED_KINDS,
    StatementFacts,
    asks_for_a_year,
    counted_noun,
    gives_the_count,
    holds,
    names_a_year,
    question_figures,
)
from jmqa.calibration import Calibration
from jmqa.countries import capitals_of, country_names_lower, country_words_lower, joined_countries
from jmqa.document import CLOSING, Document, PassageKey, Span, label
from jmqa.entities import Entity
from jmqa.language import READ, language_name
from jmqa.lexical import Lexicon, is_figure, tokenize
from jmqa.parties import in_prose
from jmqa.retrieval import Hit, Signals
from jmqa.statement import StatementRef
from jmqa.word_frequency import EVERYDAY, zipf

NOT_ADDRESSED = "The statement does not address this question."
# For a refused question that takes something as given ("Why did Japan cancel the visit?", "Did
# they sign a defence treaty?"): the statement does not say that, whatever the nearest paragraphs
# are about.
NOT_SAID = "The statement does not say that."
# For a question on what came of something after the statement was made (QuestionAnalysis.came_of).
NOT_AFTERWARDS = "The statement does not say what came of it: it speaks as of the day it was made."
# A question that takes a deed as done in a clause of its own ("Since the two sides signed a free
# trade agreement, when does it take effect?", QuestionAnalysis.given) is quoted only above this
# confidence: the quote must bear out the deed too, which the refusal model does not check. Set on
# two sets written blind for it (premise-2026-12-05 and g7-2021-06-13-premise: 60 questions, half
# taking as done what their statement never says), just below the least sure answer to a true
# premise there (0.783); 5 of the 17 false premises they quoted were below it. On two more such
# sets (us-india-2025-02-13-premise, us-eu-2021-06-15-premise) it refuses 2 of 17 quoted false
# premises and none of the 30 true ones.
GIVEN_CONFIDENCE = 0.78
# A request for jmqa's own advice (QuestionAnalysis.advice).
NO_ADVICE = "jmqa quotes what the statement says: it gives no advice or opinions and writes no text of its own."
# For a question on the statement as a document ("Who drafted it?", "How many paragraphs?"), told
# before its layout (see Answerer.about_document).
ABOUT_DOCUMENT = "The statement does not say: this asks about the statement as a document, which its paragraphs do not describe."
# Shown with quotes the refusal model is unsure of (see eval/tune.py's CAUTION_CONFIDENCE): on
# dev, about three in ten such answers were to questions the statement does not answer (mostly a
# detail it leaves out), against one in eight above.
CAUTION = (
    "jmqa is not sure the statement answers exactly this: the paragraphs below are the closest "
    "it has. Check that they say what you asked before relying on them."
)
MAX_CITED = 10  # paragraphs quoted for "What do paragraphs 1-27 say?"; the note says so


# Each quoted paragraph's sentences with their scores for the question, by paragraph number.
SentenceScores = dict[PassageKey, list[tuple[Span, float]]]


@dataclass(frozen=True)
class Quote:
    """A paragraph quoted verbatim, with the sentence(s) that answer the question as spans.
    ``paragraph`` is its number, or "preamble" or "closing", and ``section`` its heading (see
    ``jmqa.Hit``)."""

    paragraph: PassageKey
    section: str
    text: str
    highlights: tuple[Span, ...]
    score: float
    statement: StatementRef | None = None  # set by QA: which statement the paragraph is from

    @property
    def highlighted(self) -> list[str]:
        return [self.text[s.start : s.end] for s in self.highlights]


@dataclass(frozen=True)
class Mention:
    """A phrase of the statement's ("South China Sea"), as its quoted passage writes it, and the
    other passages, not quoted, that use it."""

    phrase: str
    passages: tuple[PassageKey, ...]


@dataclass(frozen=True)
class Answer:
    """Either quotes (``found``) or a refusal with the nearest paragraphs to look at instead."""

    question: str
    found: bool
    quotes: tuple[Quote, ...]
    # The refusal model's estimate that the statement answers the question. A question refused
    # before the model is asked (Answerer.ruled_out) keeps it: the model did not decide.
    confidence: float
    nearest: tuple[PassageKey, ...] = ()
    message: str = ""  # a refusal's reason; with quotes, a caution (or "")
    # Where else the statement names what the question asks about: a rare phrase the first quote
    # shares with the question, and the passages not quoted that use it too (see Lexicon.mentions).
    mentions: tuple[Mention, ...] = ()


def language_group(signals: Signals, *, glossary: bool) -> str:
    """Which refusal model applies: "en" for English questions, "other" for the rest, which only
    the multilingual model reads well (the glossary bridges some of their words, not their sense),
    and "other_no_glossary" for the rest on a statement without a glossary: nothing there bridges
    their words to the statement's, so the glossary's coverage, one of "other"'s signals, is
    always about nil and would refuse almost every such question."""
    if signals.language == "en":
        return "en"
    return "other" if glossary else "other_no_glossary"


def _mean(values: list[float]) -> float:
    """The mean, 0 for none: summed from 0.0 in order, as numpy's mean sums a few floats (the
    same digits), at a thirtieth of its cost on a short list."""
    total = 0.0
    for value in values:
        total += value
    return total / len(values) if values else 0.0


def _unaccented(word: str) -> str:
    """``word`` without its accents, as people often type a name: "communique"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _standout(scores: np.ndarray) -> float:
    """How many standard deviations the best of ``scores`` lies above their mean (0 if all equal)."""
    values = np.asarray(scores, dtype=np.float64)
    spread = float(values.std())
    return float(values.max() - values.mean()) / spread if spread > 0.0 else 0.0


def _best(scored: list[tuple[Span, float]]) -> float:
    """The best sentence score of a paragraph's (0.0 for a passage without sentences)."""
    return max((value for _, value in scored), default=0.0)


def logistic(features: dict[str, float], model: dict) -> float:
    """The probability a calibrated logistic ``model`` (features, weights, bias) gives ``features``."""
    z = model["bias"] + sum(w * features[name] for name, w in zip(model["features"], model["weights"]))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# A thing named by "the" and one noun, nothing after it, points back to where it was named: "the
# situation so as to ..." (not "the situation in ...", "the success of", nor the adjective of "the
# critical mineral supply chains"); so does a short name, inside the longer one it stands for
# ("the Expo" of "GREENxEXPO 2027").
_BARE_DEFINITE = re.compile(
    r"\bthe\s+([A-Za-z][a-z]{3,})(?=\s*[,.;:)]|\s+(?:so|as|while|because|but|and|or|which)\b)"
)
# A sentence that opens on "These investments ...", "This facility ...": the noun the sentence before
# it names (not "This path forward", where it names no path).
_OPENS_ON_THESE = re.compile(r"^\W*(?:These|This|Those|Such)\s+([A-Za-z][a-z]{3,})\b")
# A sentence that reports a signing (QuestionAnalysis.signed): "welcomed the signing of a
# Memorandum", "the Agreement ... concluded in 2018"; not "the successful conclusion of its year",
# nor a signing still to come ("we intend to conclude a meaningful agreement", "will sign").
# It names the thing asked as signed when it has half its words, weighed by rarity.
_REPORTS_SIGNING = re.compile(
    r"(?<!\bto\s)(?<!\bwill\s)\b(?:sign|signs|signed|signing|signature|conclude|concluded|inked|sealed)\b", re.IGNORECASE
)
SIGNED_COVERAGE = 0.5
# A signing dated to the meeting the statement reports, and one dated to a year.
_SIGNED_VERB = r"(?:signed|concluded|inked|sealed)"
_AT_THE_MEETING = re.compile(
    r"\b(?:at|during)\s+(?:this|the)\s+(?:summit|meeting|visit)\b|\bthis\s+week\b|\btoday\b", re.IGNORECASE
)
_ASKS_WHETHER = re.compile(
    rf"(?:^\W*|[?.!]\s+|\s[-–—:]\s+)(?:was|were|did|has|have|had|is|are)\b[^?]*\b(?:sign|{_SIGNED_VERB})\b"
    # ... also typed without its dash: "the pact was that signed at this summit or is it older"
    rf"|\b(?:was|were)\s+(?:that|it|this|they)\s+(?:\w+\s+)?{_SIGNED_VERB}\b",
    re.IGNORECASE,
)
_SIGNED_IN = re.compile(rf"\b{_SIGNED_VERB}\s+(?:\w+\s+){{0,2}}?in\s+(?:\w+\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
# Words of a question a sentence shares, rare enough together to say it is about the question: as
# rare as one word in about one passage in eight (BM25's idf), or two in one in three.
RARE_IDF = 2.0
# A capitalised word inside a sentence, not its first.
_INSIDE_CAPITALISED = re.compile(r"(?<![.!?¿¡]\s)(?<=\s)[A-Z][\w-]*")
# A question that asserts as it asks: why something happened, or whether it did.
_PRESUPPOSES = re.compile(
    r"^\W*(why|how come|did|was|were|has|have|had)\b|\bwhy (did|was|were|has|have|had|is|are)\b",
    re.IGNORECASE,
)


def _and(names: Sequence[str], word: str = "and") -> str:
    """ "Japan", "Japan and India", "Japan, India and Brazil" (or with ``word`` "or")."""
    return f" {word} ".join([", ".join(names[:-1]), names[-1]] if len(names) > 2 else names)


def _as_a_name(typed: str) -> str:
    """A country's name as typed, capitalised if typed in lower case, in prose ("sri lanka" is
    "Sri Lanka", "united states" "the United States")."""
    if typed.islower():
        typed = " ".join(w if w in {"and", "of", "the"} else w.capitalize() for w in typed.split())
    return in_prose(typed)


def _refusal(question: str) -> str:
    return NOT_SAID if _PRESUPPOSES.search(question) else NOT_ADDRESSED


class Answerer:
    """Turns a question's signals and ranking into an :class:`Answer`."""

    def __init__(
        self,
        document: Document,
        lexicon: Lexicon,
        calibration: Calibration,
        entities: Mapping[tuple[int, int], tuple[Entity, ...]],
        facts: StatementFacts,
    ) -> None:
        self.document = document
        self.lexicon = lexicon
        self.calibration = calibration
        self.entities = entities
        self.facts = facts
        self.has_glossary = bool(lexicon.glossary.entries)
        # A question's sentences are scored several times (for each candidate quote, its marks
        # and the refusal's answer types): its terms and the sentences' words are read once.
        self._terms = functools.lru_cache(maxsize=1024)(self._question_terms)
        self._sentence_words: dict[tuple[PassageKey, int], frozenset[str]] = {}

    def _holds(self, kind: str, paragraph: PassageKey, span: Span, question: str) -> bool:
        text = self.document.paragraph(paragraph).text
        tags = self.entities.get((paragraph, span.start), ())
        local = tuple(
            Entity(e.label, e.text, e.start - span.start, e.end - span.start) for e in tags
        )
        return holds(kind, text[span.start : span.end], local, question, self.facts)

    def _holds_here(self, kind: str, paragraph: PassageKey, span: Span, question: str) -> bool:
        """:meth:`_holds` for the sentence ``span``, or for the sentence before it when ``span``
        points back to it by a bare "the situation" where the sentence before says which ("the
        situation in <country>"), or by opening on "These <noun>" where the sentence before names
        the noun ("These investments support over 3,000 jobs"), or for the sentence after it when
        that one points back to ``span`` so. A pronoun alone opening a sentence points back to
        nothing here: "They" (in a joint statement, the leaders), "This" ("This path forward will
        ...": the step just named, not the firms or places around it; 9 unanswerable questions of
        the second statement were quoted)."""
        if self._holds(kind, paragraph, span, question):
            return True
        para = self.document.paragraph(paragraph)
        at = para.sentences.index(span)
        before = para.sentences[at - 1] if at else None
        after = para.sentences[at + 1] if at + 1 < len(para.sentences) else None
        # ... or the sentence after it, when that one points back to this one: "... the situation
        # in Myanmar. ... the faithful implementation of the Five-Point Consensus" answers "Which
        # plan for Myanmar?".
        return bool(
            (before and self._points_back(para.text, span, before) and self._holds(kind, paragraph, before, question))
            or (after and self._points_back(para.text, after, span) and self._holds(kind, paragraph, after, question))
        )

    def _anchors(self, question: str) -> frozenset[str]:
        """The words of ``question`` that name, as the statement does, a thing few of its
        paragraphs mention ("MIDORI INFINITY"; not "Japan", nor a place such as "Kuala Lumpur",
        which may stand for a party): written as names in the question too, capitalised inside a
        sentence, and no everyday English word (the statement's "Team" is no name asked for in
        "Team up")."""
        names = self.lexicon.statement_names_in(" ".join(_INSIDE_CAPITALISED.findall(question)))
        return frozenset(
            t for word in names.split()
            if zipf(word, "en") < EVERYDAY and _unaccented(word.lower()) not in self._places_and_title
            for t in tokenize(word) if self.lexicon.idf.get(t, 0.0) >= RARE_IDF
        )

    @functools.cached_property
    def _places_and_title(self) -> frozenset[str]:
        """The lower-cased words of the statement's places, of every country's name and capital,
        and of the statement's title ("Communiqué"): names that single out no thing asked about."""
        places = country_words_lower() | capitals_of(country_names_lower())
        words = {w for name in places for w in name.split()}
        title = re.findall(r"[\w-]+", self.document.title.lower())
        return frozenset(_unaccented(w) for w in words | self.facts.place_words | set(title))

    def _speaks_of(self, paragraph: PassageKey, span: Span, anchors: frozenset[str]) -> bool:
        """Whether the sentence at ``span``, or one beside it, names one of ``anchors``: a name
        asked of a thing the question names is given where the statement speaks of that thing
        ("Which universities take part in MIDORI INFINITY?" is not answered by a university
        welcomed two paragraphs away, in a sentence on another programme)."""
        if not anchors:
            return True
        sentences = self.document.paragraph(paragraph).sentences
        at = sentences.index(span)
        return any(anchors & self._words(paragraph, s) for s in sentences[max(0, at - 1) : at + 2])

    @staticmethod
    def _points_back(text: str, sentence: Span, earlier: Span) -> bool:
        """Whether ``sentence`` names by a bare "the situation", or opens on "These investments",
        what the ``earlier`` one names."""
        words = set(tokenize(text[earlier.start : earlier.end]))
        said = text[sentence.start : sentence.end]
        heads = tokenize(" ".join([*_BARE_DEFINITE.findall(said), *_OPENS_ON_THESE.findall(said)]))
        return any(head in word for head in heads for word in words)

    def refusal_features(
        self, signals: Signals, evidence: np.ndarray, hits: list[Hit], scored: SentenceScores | None = None
    ) -> dict[str, float]:
        """The numbers the refusal model looks at, by name.

        ``evidence`` is the default fusion's score per paragraph, whichever retriever ranked
        ``hits``: the model was fitted on that scale, so other retrievers are judged on how much
        *their* first paragraph stands out in it, and their refusals can be compared.
        ``scored`` may hold the quoted paragraphs' sentence scores, already computed.
        """
        if scored is None:
            scored = self._sentence_scores_of(signals, self.quoted(signals, hits, evidence))
        p = signals.per_paragraph
        top = hits[0].paragraph
        top_at = self.document.position(top)  # where the top passage's scores sit in the arrays
        others = np.delete(evidence, top_at)
        # A "when" may be answered by the second quote, but not by a sentence far from the
        # question (see _near_best).
        near = self._near_best(scored, signals.question)
        # A question of one kind only: the names of a question of two may each be another part's.
        kinds = signals.analysis.answer_types
        named = len(kinds) == 1 and kinds[0] in NAMED_KINDS
        anchors = self._anchors(signals.question) if named else frozenset()
        # A date asked in another language may be anywhere in a quoted paragraph: only e5 ranks
        # its sentences, with no words in common to tell them apart ("Wann sollen in Libyen die
        # Wahlen stattfinden?" is answered by the paragraph's third sentence).
        everywhere = (
            {para: [span for span, _ in sentences] for para, sentences in scored.items()}
            if signals.language != "en" else near
        )
        missing = any(
            not any(
                self._holds_here(kind, para, span, signals.analysis.unframed)
                and self._speaks_of(para, span, anchors)
                for para, spans in (everywhere if kind in DATE_KINDS else near).items()
                for span in spans
            )
            for kind in signals.analysis.answer_types
        )
        unknown = self.lexicon.unknown_names(signals.question, signals.language)
        return {
            "minilm_sentence": float(p["minilm.sentence"].max()),
            "minilm_window": float(p["minilm.window"].max()),
            "e5_sentence": float(p["e5.sentence"].max()),
            "e5_window": float(p["e5.window"].max()),
            "bm25": math.log1p(float(p["bm25"].max())),
            "coverage": signals.coverage,
            # How far an English question is below MiniLM's "on the statement at all" level. Off-topic
            # questions sit low and unanswerable on-topic ones high, so a straight weight on the
            # similarity cannot refuse both; this hinge lets the model treat the low end apart.
            # A question whose every word the statement uses is not far off, however short and
            # unlike any one sentence it is ("What is MIDORI INFINITY for?").
            "far_off": max(0.0, self.calibration.far_off_cosine - float(p["minilm.sentence"].max()))
            if signals.language == "en" and signals.coverage < 1.0 else 0.0,
            # None of the question's own words is in the statement (nor explained by the glossary).
            "no_overlap": float(signals.coverage < 0.1),
            # How much of an English question's closeness to the statement its place, people and
            # nationality names make (Signals.masked_minilm): "What's the capital of Australia?"
            # is near the statement through "Australia" alone.
            "names_lift": max(0.0, float(p["minilm.sentence"].max()) - signals.masked_minilm)
            if signals.masked_minilm is not None else 0.0,
            "top_coverage": self.lexicon.coverage(signals.question, top),
            "type_missing": float(missing),
            # Names and figures the statement never gives, apart: a figure it never gives ("set up in
            # 2015", "$1 trillion") is rarely in a question it answers, a name more often (a
            # paraphrase, an adjective of a name it uses).
            "unknown_names": float(any(not is_figure(n) for n in unknown)),
            "unknown_figures": float(any(is_figure(n) for n in unknown)),
            # It takes something as given ("Why did Japan cancel...?") in words the statement
            # never uses: the premise is not the statement's.
            "unsaid_premise": float(bool(_PRESUPPOSES.search(signals.question)) and signals.coverage < 1.0),
            # How far e5's best paragraph stands out from the statement's others, in standard
            # deviations: a question the statement answers has a paragraph of its own, one it
            # does not is about as close to every paragraph on its topic. The models for other
            # languages, which have no lexical signals of their own, read it.
            "e5_standout": _standout(p["e5.sentence"]),
            "fused_top": float(evidence[top_at]),
            "fused_gap": float(evidence[top_at] - others.max()) if others.size else 0.0,
        }

    def premise_unsaid(self, signals: Signals, quoted: Sequence[Hit]) -> bool:
        """Whether a "Why did ...?" or "Why was ... -ed?" question takes as done what no quoted
        paragraph says.

        "Why did the US cancel the deal?", where no paragraph to quote uses "cancel" (nor a word
        the glossary gives for it): the statement does not say it was done, so no quote is its
        answer, however close the paragraph on the deal. The refusal model is not asked
        (eval/tune.py fits it on the other questions). Over the read sets' "why" questions this
        refused 27 with a false premise and one answerable one, whose verb paraphrased the
        statement's ("pledge" for its "contribution"). A verb that is a function or framing word
        ("do", "mention") says nothing either way.
        """
        premise = signals.analysis.premise
        if not premise or not self.lexicon.content_terms(premise):
            return False
        return not any(self.lexicon.coverage(premise, h.paragraph) for h in quoted)

    def given_names_unknown(self, signals: Signals) -> bool:
        """Whether the deed a question takes as done (``analysis.given``) names something the
        statement never mentions: "Since they announced a second campus in Sabah, when does it
        open?" of a statement that never names Sabah cannot be answered by any quote, however
        close the paragraph on campuses.
        """
        given = signals.analysis.given
        if not given:
            return False
        # Its names as the question reads them, or as the clause alone does where the clause is in
        # context before the question (then a name that opens it reads as a sentence's first word).
        clause = f" {given.lower()} "
        names = [
            *self.lexicon.unknown_names(signals.question, signals.language),
            *self.lexicon.unknown_names(given, signals.language),
        ]
        return any(re.search(rf"\W{re.escape(name.lower())}\W", clause) for name in names)

    def signing_unsaid(self, signals: Signals) -> bool:
        """Whether the thing a question asks or takes as signed (``analysis.signed``) is one no
        sentence reporting a signing names: "Did they sign a defence treaty at this summit?", or
        "What tariffs are in the free trade agreement signed at this summit?", of a statement
        whose signings are a coast guards' memorandum and an energy LOI. Named means at least half
        of the thing's words, weighed by how rare they are in the statement, are in that sentence.
        """
        thing = signals.analysis.signed
        terms = set(tokenize(thing)) if thing else set()
        total = sum(self.lexicon.weight(t) for t in terms)
        if not total:
            return False
        # "... the agreement the two leaders signed at this summit" is not an agreement "concluded in"
        # an earlier year: a signing the question dates to the meeting is not one the statement dates
        # before it.
        # (A question whether it was, "was that signed at this summit or is it older?", is answered
        # by the sentence that dates it.)
        at_the_meeting = _AT_THE_MEETING.search(signals.question) is not None and not _ASKS_WHETHER.search(signals.question)
        for passage in self.document.passages:
            for span in passage.sentences:
                if _REPORTS_SIGNING.search(passage.text, span.start, span.end):
                    named = sum(self.lexicon.weight(t) for t in terms & self._words(passage.number, span))
                    if named >= SIGNED_COVERAGE * total and not (
                        at_the_meeting and self._signed_before(passage.text[span.start : span.end])
                    ):
                        return False
        return True

    def _signed_before(self, sentence: str) -> bool:
        """Whether ``sentence`` dates its signing to a year before the statement's ("concluded in 2018")."""
        year = self.facts.year
        return year is not None and any(int(y) < year for y in _SIGNED_IN.findall(sentence))

    def ruled_out(self, signals: Signals, quoted: Sequence[Hit]) -> bool:
        """Whether the question is refused before the refusal model is asked: it asks jmqa's own
        advice, its premise is not the statement's, it asks what came of something afterwards, or
        it asks what others than the statement's parties said or share."""
        return bool(self.ruled_out_because(signals, quoted))

    def ruled_out_because(self, signals: Signals, quoted: Sequence[Hit]) -> str:
        """Why the question is ruled out (:meth:`ruled_out`), as the refusal says it, or ""."""
        if signals.analysis.advice:
            return NO_ADVICE
        if self.premise_unsaid(signals, quoted) or self.given_names_unknown(signals) or self.signing_unsaid(signals):
            return NOT_SAID
        if signals.analysis.came_of:
            return NOT_AFTERWARDS
        if self.others_speak(signals):
            parties = self.lexicon.parties
            others = parties.others_speaking(signals.analysis.speakers)
            if others and parties.country_names:
                return (
                    f"The statement is between {_and(parties.country_names)}: it does not say what "
                    f"{_and(others)} said or agreed."
                )
            return NOT_SAID
        others = self.lexicon.parties.others_named_as_a_statements_parties(signals.question)
        if others:
            parties = self.lexicon.parties
            if parties.country_names:
                return f"The statement is between {_and(parties.country_names)}, not {_and(others)}."
            return NOT_SAID
        if self.other_relation(signals):
            (relation, *_) = self.lexicon.parties.other_relations(joined_countries(signals.question))
            if len(relation) > 1:
                return f"The statement does not speak of relations between {_and(relation)}."
            return NOT_SAID
        return ""

    def unmentioned(self, signals: Signals) -> str:
        """Why a question only about countries the statement never names is refused ("The
        statement does not mention Ukraine."), or "".

        Told apart from :meth:`ruled_out`, whose questions the refusal model is not fitted on:
        these are questions it should learn to refuse, and a refit without the ten of dev (on 3
        Dec) changed 106 read decisions, 54 for the worse, refusing 19 more answerable ones."""
        unnamed = self.only_unnamed_countries(signals)
        return f"The statement does not mention {_and([_as_a_name(n) for n in unnamed], 'or')}." if unnamed else ""

    def only_unnamed_countries(self, signals: Signals) -> tuple[str, ...]:
        """The countries the statement never names that each topic or question of ``signals``
        asks about (Lexicon.only_unnamed_countries), or () if one asks about anything else:
        "critical minerals and Germany" leaves the refusal model to decide."""
        analysis = signals.analysis
        found = [
            self.lexicon.only_unnamed_countries(part, signals.language)
            for part in analysis.questions or analysis.topics or (analysis.normalized,)
        ]
        return tuple(dict.fromkeys(name for names in found for name in names)) if all(found) else ()

    def others_speak(self, signals: Signals) -> bool:
        """Whether who speaks in the question includes a country that is no party to the
        statement, or, where its title names none, one it never names (a name, capital or people
        countryinfo knows): "What did Germany and Brazil agree on trade?", or "What did Japan and
        India agree?", of a statement between Japan and Malaysia. It cannot say what they said,
        however close a paragraph on trade. Over every eval set this changed no decision."""
        speakers = signals.analysis.speakers
        return bool(speakers) and (
            any(self.lexicon.names_no_such_country(w) for w in speakers)
            or self.lexicon.parties.speak_for_others(speakers)
        )

    def other_relation(self, signals: Signals) -> bool:
        """Whether the question asks about a party's relation with a country that is none
        ("Japan-India ties on semiconductors?" of a statement between Japan and Malaysia); see
        :meth:`Parties.other_relation_in`."""
        relations = joined_countries(signals.question)  # most questions have none: parties unread
        return bool(relations) and self.lexicon.parties.relates_others(relations)

    def answer(self, signals: Signals, evidence: np.ndarray, hits: list[Hit]) -> Answer:
        """Quote ``hits`` (ranked by any retriever) or refuse; ``evidence`` as in refusal_features."""
        c = self.calibration
        model = c.refusal[language_group(signals, glossary=self.has_glossary)]
        quoted = self.quoted(signals, hits, evidence)
        scored = self._sentence_scores_of(signals, quoted)
        confidence = logistic(self.refusal_features(signals, evidence, hits, scored), model)
        because = self.ruled_out_because(signals, quoted) or self.unmentioned(signals)
        if because:
            return Answer(
                question=signals.analysis.text, found=False, quotes=(), confidence=confidence,
                nearest=tuple(h.paragraph for h in hits[:3]), message=because,
            )
        if signals.analysis.given and model["threshold"] <= confidence < GIVEN_CONFIDENCE:
            return Answer(
                question=signals.analysis.text, found=False, quotes=(), confidence=confidence,
                nearest=tuple(h.paragraph for h in hits[:3]), message=NOT_SAID,
            )
        if confidence < model["threshold"]:
            language = signals.analysis.language
            return Answer(
                question=signals.analysis.text,
                found=False,
                quotes=(),
                confidence=confidence,
                nearest=tuple(h.paragraph for h in hits[:3]),
                message=_refusal(signals.analysis.normalized) if language in READ else (
                    f"{NOT_ADDRESSED} Note that jmqa reads questions in English, Japanese and "
                    f"Malay, and this one looks like {language_name(language)}: try asking in English."
                ),
            )
        quoted = self._answer_first(signals, quoted, scored)
        mark = confidence >= c.highlight_confidence
        quotes = tuple(
            Quote(
                h.paragraph, h.section, h.text,
                self.highlight(signals, h.paragraph, scored[h.paragraph]) if mark else (), h.score,
            )
            for h in quoted
        )
        caution = CAUTION if confidence < c.caution_confidence else ""
        return Answer(signals.analysis.text, True, quotes, confidence, message=caution)

    def _near_best(self, scored: SentenceScores, question: str) -> dict[PassageKey, list[Span]]:
        """Where an answer of the kind asked may be: the best two sentences of each quoted
        paragraph, unless more than ``type_near`` below the best of all (¶21's "1.05 million
        visitors" does not answer "How many new air routes?", it trails the routes sentence by
        0.2). A paragraph's second sentence counts beside its best one, or where it shares
        words of the question that are rare in the statement: one apart that shares none is
        about something else of the same topic ("eliminating inefficient fossil fuel subsidies
        by 2025" does not say when petrol car sales end, two sentences before the one on the
        cars)."""
        best = max(value for sentences in scored.values() for _, value in sentences)
        terms, _ = self._terms(question)
        counted = counted_noun(question)
        near: dict[PassageKey, list[Span]] = {}
        for paragraph, sentences in scored.items():
            ranked = [span for span, value in sorted(sentences, key=lambda x: -x[1])[:2]
                      if value >= best - self.calibration.type_near]
            spans = [span for span, _ in sentences]
            near[paragraph] = ranked[:1] + [
                span for span in ranked[1:]
                if abs(spans.index(span) - spans.index(ranked[0])) == 1
                or sum(self.lexicon.idf.get(t, 0.0) for t in terms & self._words(paragraph, span)) >= RARE_IDF
            ]
            # "How many jobs ...?" is answered where a quote counts jobs, however far that sentence
            # trails the one about the plant.
            near[paragraph] += [
                span for span in spans if span not in near[paragraph] and self._counts(paragraph, span, counted)
            ]
        return near

    def _counts(self, paragraph: PassageKey, span: Span, noun: str) -> bool:
        """Whether the sentence at ``span`` counts the thing ``noun`` stems (:func:`gives_the_count`)."""
        return bool(noun) and gives_the_count(self.document.paragraph(paragraph).text[span.start : span.end], noun)

    def _answer_first(self, signals: Signals, quoted: list[Hit], scored: SentenceScores) -> list[Hit]:
        """``quoted`` with the first that holds an answer of the kind asked put first, when the
        best-ranked one holds none, or holds fewer of the kinds asked: "How many people do they
        speak for?" is answered by the paragraph that gives the count, not by a closer one on the
        same topic without it. A numbered paragraph that holds one is put before an unnumbered
        passage that does."""
        kinds = signals.analysis.answer_types
        if not kinds or len(quoted) < 2:
            return quoted
        near = self._near_best(scored, signals.question)

        def held(hit: Hit) -> int:
            """How many of the kinds asked ``hit`` holds."""
            return sum(
                any(self._holds_here(kind, hit.paragraph, span, signals.analysis.unframed) for span in near[hit.paragraph])
                for kind in kinds
            )

        # "What's the target figure and by when?" is answered by the quote that gives both, not by
        # one that gives a date only. A numbered paragraph that answers goes before an unnumbered
        # passage that does too: the preamble of a long communiqué sums up the paragraphs after
        # it, and a quote is cited by its paragraph's number.
        counts = {h.paragraph: held(h) for h in quoted}
        answering = [h for h in quoted if counts[h.paragraph]]
        numbered = [h for h in answering if isinstance(h.paragraph, int)]
        first = max(numbered or answering, key=lambda h: counts[h.paragraph], default=None)  # the earliest of the best
        if first is None or first is quoted[0]:
            return quoted
        return [first, *(h for h in quoted if h is not first)]

    def cite(
        self, signals: Signals, evidence: np.ndarray, hits: list[Hit], cited: tuple[PassageKey, ...],
        asks_more: bool,
    ) -> Answer:
        """Quote the paragraphs the question names by number ("What does ¶14 say?"), in its order.

        The person chose them, so they are quoted unless no such paragraph exists. When the
        question also asks something of them (``asks_more``: "How much does ¶14 say Japan
        gave?"), the refusal model judges whether they answer it (``hits`` put them first): the
        answering sentence is marked if it would have answered, and a note says when it is unsure.
        """
        count = len(self.document.paragraphs)
        has = {p.number for p in self.document.passages}
        valid = [n for n in cited if n in has]
        missing = [f"¶{n}" for n in cited if isinstance(n, int) and n not in has]
        notes = [f"The statement has no {n} block." if n == CLOSING else f"The statement has no {n}."
                 for n in cited if isinstance(n, str) and n not in has]
        if missing:
            notes.append(
                f"The statement's paragraphs are numbered 1 to {count}: there is no {', '.join(missing)}."
            )
        if len(valid) > MAX_CITED:
            rest = valid[MAX_CITED:]
            numbers = [n for n in rest if isinstance(n, int)]
            contiguous = numbers == rest and rest == list(range(numbers[0], numbers[-1] + 1)) and len(rest) > 1
            later = f"¶{rest[0]}–¶{rest[-1]}" if contiguous else ", ".join(label(n) for n in rest)
            notes.append(
                f"Showing the first {MAX_CITED} of the {len(valid)} paragraphs asked for; "
                f"ask for {later} next."
            )
            valid = valid[:MAX_CITED]
        if not valid:
            return Answer(signals.analysis.text, False, (), 0.0, message=" ".join(notes))
        confidence, mark = 1.0, False
        if asks_more:
            model = self.calibration.refusal[language_group(signals, glossary=self.has_glossary)]
            confidence = logistic(self.refusal_features(signals, evidence, hits), model)
            mark = confidence >= model["threshold"]
            if confidence < self.calibration.caution_confidence:
                notes.append("Quoted as asked, but jmqa is not sure this says what you asked about.")
        quotes = []
        for n in valid:
            para = self.document.paragraph(n)
            marked = self.highlight(signals, n) if mark else ()
            quotes.append(Quote(n, para.heading, para.text, marked, float(evidence[self.document.position(n)])))
        return Answer(signals.analysis.text, True, tuple(quotes), confidence, message=" ".join(notes))

    def when_made(self, signals: Signals, evidence: np.ndarray) -> Answer:
        """The answer to a question on when, where or by whom the statement was made: the passages
        that write its own date (Document.dated_sentences), those sentences marked. The statement
        says it in so many words, so the answer is sure. A statement that writes its date only in its
        date line, which is no passage, has nothing to quote: the answer says so, and gives the
        date the line gives (no paragraph is nearer than another to that). ``evidence`` as in
        refusal_features.
        """
        marked: dict[PassageKey, list[Span]] = {}
        for passage, span in self.document.dated_sentences:
            if passage in marked or len(marked) < self.calibration.max_quotes:
                marked.setdefault(passage, []).append(span)
        if not marked:
            where = f", {self.document.place}" if self.document.place else ""
            return Answer(
                signals.analysis.text, False, (), 0.0,
                message=f"No paragraph gives the date the statement was made; its date line gives "
                f"{self.document.date_text}{where}.",
            )
        quotes = tuple(
            Quote(key, para.heading, para.text, tuple(spans), float(evidence[self.document.position(key)]))
            for key, spans in marked.items()
            for para in [self.document.paragraph(key)]
        )
        return Answer(signals.analysis.text, True, quotes, 1.0)

    def about_document(self, signals: Signals) -> Answer:
        """The answer to a question on the statement as a document (who drafted it, its sections,
        where it was published: QuestionAnalysis.about_document): no paragraph describes the
        document it is part of, so nothing is quoted and no paragraph is offered as nearest; the
        refusal says what its layout shows instead (Document.outline)."""
        return Answer(
            signals.analysis.text, False, (), 0.0,
            message=f"{ABOUT_DOCUMENT} What its layout shows: {self.document.outline}",
        )

    def quote_mention(self, paragraph: PassageKey, phrase: str, evidence: np.ndarray) -> Quote:
        """``paragraph`` quoted for using ``phrase`` (a rare phrase of the question's, see
        Lexicon.mentions), each sentence that uses it marked: that is where the statement says
        something of it. ``evidence`` as in refusal_features gives its score."""
        para = self.document.paragraph(paragraph)
        marked = self.lexicon.sentences_using(phrase, paragraph)
        return Quote(paragraph, para.heading, para.text, marked, float(evidence[self.document.position(paragraph)]))

    def quoted(self, signals: Signals, hits: list[Hit], evidence: np.ndarray) -> list[Hit]:
        """The hits an answer quotes: the first, and each of the next ``max_quotes - 1`` that the
        calibrated ``further_quote`` model takes for part of the answer too (a question on two
        topics, a topic the statement takes up twice). ``evidence`` as in refusal_features.
        """
        model = self.calibration.further_quote
        features = self.further_quote_features(signals, hits, evidence)
        return [hits[0]] + [
            h for h, f in zip(hits[1:], features) if logistic(f, model) >= model["threshold"]
        ]

    def further_quote_features(self, signals: Signals, hits: list[Hit], evidence: np.ndarray) -> list[dict[str, float]]:
        """What the further-quote model reads of each hit after the first, up to ``max_quotes``.

        The fused scores alone quoted a second paragraph for a third of the questions whose answer
        takes two (2026-11-30, dev and read hold-outs): one topic's paragraph leads by a wide
        margin on words it shares with the question, while the other's best sentence answers its
        part as well. So the model reads how far each paragraph's best sentence is from the
        first's, besides the fused gap, and whether the question joins things at all.
        """
        at = self.document.position
        top = hits[0].paragraph
        top_sentence = _best(self.sentence_scores(signals, top))
        return [
            {
                "gap": float(evidence[at(top)] - evidence[at(h.paragraph)]),
                "sentence_gap": top_sentence - _best(self.sentence_scores(signals, h.paragraph)),
                "joins": float(signals.analysis.joins),
                "third": float(place == 2),
            }
            for place, h in enumerate(hits[1 : self.calibration.max_quotes], start=1)
        ]

    def _sentence_scores_of(self, signals: Signals, hits: list[Hit]) -> SentenceScores:
        return {h.paragraph: self.sentence_scores(signals, h.paragraph) for h in hits}

    def sentence_scores(self, signals: Signals, paragraph: PassageKey) -> list[tuple[Span, float]]:
        """Each sentence of ``paragraph`` with its score for the question (dense + overlap)."""
        para = self.document.paragraph(paragraph)
        english = signals.language == "en"
        models = [m for m in signals.sentences if english or m == "e5"]
        terms, weight_total = self._terms(signals.question)
        if not english:  # of another language's words, only the statement's names say where
            terms = terms & frozenset(tokenize(self.lexicon.statement_names_in(signals.question)))
        scored = []
        for span in para.sentences:
            dense = [signals.sentences[m].get((paragraph, span.start), 0.0) for m in models]
            words = self._words(paragraph, span)
            overlap = sum(self.lexicon.idf.get(t, 0.0) for t in terms & words) / weight_total
            scored.append((span, _mean(dense) + self.calibration.highlight_lexical * overlap))
        return scored

    def _question_terms(self, question: str) -> tuple[frozenset[str], float]:
        terms = frozenset(tokenize(self.lexicon.expand(question)))
        return terms, sum(self.lexicon.idf.get(t, 0.0) for t in terms) or 1.0

    def _words(self, paragraph: PassageKey, span: Span) -> frozenset[str]:
        key = (paragraph, span.start)
        if key not in self._sentence_words:
            text = self.document.paragraph(paragraph).text
            # As the statement's passages are searched: an acronym stands for its long form.
            self._sentence_words[key] = frozenset(tokenize(self.lexicon.with_long_forms(text[span.start : span.end])))
        return self._sentence_words[key]

    def highlight(
        self, signals: Signals, paragraph: PassageKey, scored: list[tuple[Span, float]] | None = None
    ) -> tuple[Span, ...]:
        """The answering sentence, only when it stands out: a wrong mark is worse than none.

        A question that asks for a date, number, amount or place can only be answered by a
        sentence that holds one, so only those are candidates ("When was the Strategic Dialogue
        launched?" marks "...launched in 2024", not the sentence that best matches the words).
        """
        if scored is None:
            scored = self.sentence_scores(signals, paragraph)
        scored = sorted(scored, key=lambda x: -x[1])
        text = self.document.paragraph(paragraph).text
        kinds = [k for k in signals.analysis.answer_types if k != "entity"]
        if kinds:
            scored = [
                (span, value) for span, value in scored
                if all(self._holds(kind, paragraph, span, signals.analysis.unframed) for kind in kinds)
            ]
        # "What agreement was concluded in 2018?": the sentence that gives the question's own
        # figure is the one it asks about, whatever else shares its words.
        figures = question_figures(signals.question)
        with_figure = [
            (span, v) for span, v in scored if any(f in text[span.start : span.end] for f in figures)
        ]
        if with_figure:
            scored = with_figure
        # "How many jobs ...?": the sentence that counts jobs, likewise.
        counted = counted_noun(signals.question)
        counting = [(span, v) for span, v in scored if self._counts(paragraph, span, counted)]
        if counting:
            scored = counting
        # "Which years ...?": a sentence that names one, not one dated only "today".
        if asks_for_a_year(signals.question):
            scored = [(span, v) for span, v in scored if names_a_year(text[span.start : span.end])]
        if not scored:
            return ()
        best_span, best = scored[0]
        runner_up = scored[1][1] if len(scored) > 1 else -math.inf
        c = self.calibration
        if best >= c.highlight_min and best - runner_up >= c.highlight_margin:
            return (best_span,)
        return ()
