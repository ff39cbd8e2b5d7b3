"""From ranked paragraphs to an answer: verbatim quotes with the answering sentence marked, or a
plain "the statement does not address this".

Nothing here writes prose: a :class:`Quote` is a paragraph's exact text and character spans into
it. Whether to answer at all is decided by a small logistic model over several signals (best dense
cosine of each model, BM25, term coverage), not by a fused-score threshold, which separates
answerable from unanswerable questions poorly. Its parameters live in ``data/calibration.json``
and are fitted on the dev split only (``python eval/tune.py``).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from importlib import resources

import numpy as np

from jmqa.document import Document, Span
from jmqa.lexical import Lexicon, tokenize, unsupported_language
from jmqa.retrieval import Hit, Signals
from jmqa.statement import StatementRef

NOT_ADDRESSED = "The statement does not address this question."
# Shown with quotes the refusal model is unsure of (see eval/tune.py's CAUTION_CONFIDENCE): on
# dev, about three in ten such answers were to questions the statement does not answer (mostly a
# detail it leaves out), against one in eight above.
CAUTION = (
    "jmqa is not sure the statement answers exactly this: the paragraphs below are the closest "
    "it has. Check that they say what you asked before relying on them."
)
MAX_CITED = 10  # paragraphs quoted for "What do paragraphs 1-27 say?"; the note says so
FAR_OFF_COSINE = 0.45  # chosen on dev by out-of-fold abstention F1, from 0.30 to 0.50
# A sentence that answers a "how many" must also be about what was asked: within this much of the
# best sentence's score. ¶21's "1.05 million visitors" does not answer "How many new air routes?"
# (it trails the routes sentence by 0.2). Chosen on dev by out-of-fold F1 (0.1 and 0.15 tie).
TYPE_NEAR = 0.1


# Each quoted paragraph's sentences with their scores for the question, by paragraph number.
SentenceScores = dict[int, list[tuple[Span, float]]]


@dataclass(frozen=True)
class Quote:
    """A paragraph quoted verbatim, with the sentence(s) that answer the question as spans."""

    paragraph: int
    section: str
    text: str
    highlights: tuple[Span, ...]
    score: float
    statement: StatementRef | None = None  # set by QA: which statement the paragraph is from

    @property
    def highlighted(self) -> list[str]:
        return [self.text[s.start : s.end] for s in self.highlights]


@dataclass(frozen=True)
class Answer:
    """Either quotes (``found``) or a refusal with the nearest paragraphs to look at instead."""

    question: str
    found: bool
    quotes: tuple[Quote, ...]
    confidence: float  # estimated probability that the statement answers the question
    nearest: tuple[int, ...] = ()
    message: str = ""  # a refusal's reason; with quotes, a caution (or "")


@dataclass(frozen=True)
class Calibration:
    """Parameters fitted on the dev split (see ``eval/tune.py``)."""

    refusal: dict[str, dict]  # per language group: features, weights, bias, threshold
    quote_margin: float  # include further paragraphs within this many z-units of the best
    max_quotes: int
    highlight_min: float  # minimum sentence score to mark it
    highlight_margin: float  # ... and its lead over the runner-up sentence
    highlight_lexical: float  # weight of word overlap in a sentence's score
    highlight_confidence: float  # mark nothing unless the answer is at least this confident
    caution_confidence: float = 0.0  # quote with CAUTION below this confidence

    @classmethod
    def load(cls) -> Calibration:
        raw = resources.files("jmqa").joinpath("data").joinpath("calibration.json").read_text()
        return cls(**json.loads(raw))


# What kind of answer a question asks for, and whether a sentence holds one. "How many JMSDF
# ships took part?" matches ¶7 closely, but no sentence there has a number: not answered.
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_UNIT = re.compile(
    r"\b(tonnes?|tons?|barrels?|kilomet(?:re|er)s?|km|miles?|hectares?|megawatts?|gigawatts?"
    r"|percent|per cent)\b|%",
    re.IGNORECASE,
)
# "Where do they mention OSA?" asks where in the statement, not for a place; "Where do both
# governments stand on...?" asks for a position, and "Where are ties headed?" for a direction.
_WHERE_NOT_A_PLACE = re.compile(
    r"\bwhere\b.*\b(statement|document|text|paragraph|mention(ed|s)?|talk(ed|s)?|say|said|discuss"
    r"(ed|es)?|refer(red|s)?|stand|stands|fit|fits|come in|comes in|head|heads|headed|heading"
    r"|going(?! to)|go from here|go next|goes next|end up|ends up|leading|lead to|leads to"
    r"|taking(?! place))\b",
    re.IGNORECASE,
)
# "which", "what" or "name the", then up to three words that are not a verb or preposition
# ("which Japanese reactor makers"; not "what about ships", "what was agreed about ships", "which
# country gave equipment").
_WORDS_BEFORE_KIND = (
    r"((?!(?:about|is|are|was|were|do|does|did|has|have|had|will|would|can|could|of|for|in|on|to"
    r"|with|agreed|said|say|gave|give|gives|provided|provides|supplied|supplies|sent|sends|offered"
    r"|received|receives|got|gets|transferred|delivered|handed|donated|built|builds|made|makes"
    r"|sold|sells|bought|buys|used|uses|needs|wants)\b)[\w'-]+\s+){0,3}?"
)
_WHICH = rf"\b(which|what|name the|names of( the)?)\s+{_WORDS_BEFORE_KIND}"
_EXPECTS = {
    # An amount of money: only a currency answers it, not "1.05 million visitors".
    "money": re.compile(
        r"\bhow much (money|funding|finance|financing|aid|cash|investment)\b"
        r"|\bhow much (is|are|was|has|have|had|did|does|will)\b.*\b(lend|lending|spend|spent|pay|paid"
        r"|pledg|contribut|invest|worth|cost|fund|financ|sell|sold)"
        r"|\b(price|cost|budget|worth)\b|\bin (us )?(dollars|yen|ringgit)\b",
        re.IGNORECASE,
    ),
    "number": re.compile(
        r"\bhow (many|much)\b|\bwhat(?:'s| is| was| are)? (?:the )?(number|percentage|share|amount"
        r"|value|figure|sum|size|population)\b|\b(amount|value|volume|number|size) of\b"
        r"|\bhow (large|big|tall|high|far|old)\b|\bberapa\b|何人|いくら|どのくらい|何トン",
        re.IGNORECASE,
    ),
    "time": re.compile(
        r"\bwhen\b|\b(what|which) (date|year|month|day)s?\b|\bby when\b|\bhow long\b"
        r"|\bbila(kah)?\b|いつ|何年",
        re.IGNORECASE,
    ),
    # "On what exact day...", "which day": a month or a year will not do.
    "day": re.compile(r"\b(exact|precise)\s+(day|date)\b|\b(what|which) day\b", re.IGNORECASE),
    # "Who signed the MOC?" asks for the signatory, which only "signed by ..." or "<Name> signed"
    # gives: the statement welcomes "the signing of" agreements and says nothing of who signed.
    # Not "Who welcomed the signing of the LOI?": both leaders did, and the statement says so.
    # "Which minister signed...?" too; but "Which agencies signed the MOC?" names the agencies.
    "signatory": re.compile(
        r"\bwho\b(\W+\w+){0,3}?\W+(sign|signs|signed)\b|\bwho\b.*\b(is|are|was|were) signing\b"
        r"|\bsignator(y|ies)\b"
        r"|\bsiapa(kah)?\b.*\bmenandatangani\b|誰が署名|署名したのは誰"
        r"|\bwhich\s+([\w'-]+\s+){0,2}?(ministers?|officials?|persons?|people|representatives?"
        r"|ambassadors?|secretar(y|ies)|envoys?)\b(\W+\w+){0,3}?\W+(sign|signs|signed)\b",
        re.IGNORECASE,
    ),
    "place": re.compile(
        r"\bwhere\b|\bwhich ([\w-]+ ){0,2}?(city|cities|site|location|port|venue|state|province|town)\b"
        r"|\bdi mana\b"
        r"|どこ",
        re.IGNORECASE,
    ),
    # Tonnes of what, kilometres of what: the unit has to be there too, not just any number.
    "measure": _UNIT,
    # "Which airlines...", "what Japanese companies...": only a name of that kind answers it.
    "company": re.compile(
        rf"{_WHICH}(compan(y|ies)|firms?|(car ?|auto)?makers?|manufacturers?|startups?)\b", re.IGNORECASE
    ),
    "university": re.compile(rf"{_WHICH}universit(y|ies)\b", re.IGNORECASE),
    "airline": re.compile(rf"{_WHICH}(airlines?|carriers?)\b", re.IGNORECASE),
    "country": re.compile(rf"{_WHICH}(countries|country|nations?)\b", re.IGNORECASE),
    # "Which defence equipment...", "what specific equipment...", "which warship", "which reactor":
    # the statement names no piece of hardware. Not "What equipment did Japan provide?", which ¶24
    # answers in kind.
    "hardware": re.compile(
        rf"\bwhich\s+{_WORDS_BEFORE_KIND}equipment\b"
        rf"|\bwhat\s+(specific|exact|particular)\s+([\w'-]+\s+){{0,2}}?equipment\b"
        rf"|{_WHICH}(warships?|vessels?|ships?|aircraft|submarines?|frigates?|reactors?|radars?)\b"
        r"(?!\s+(makers?|manufacturers?|builders?))",  # "which reactor maker" asks for a company
        re.IGNORECASE,
    ),
    # "Which agencies...", "what companies...": the answer names something. Not "which leader"
    # (the answer is a leader, named in nearly every sentence) nor "which paragraph" (about us).
    "entity": re.compile(
        r"\bwhich\b(?!\s+(?:leaders?|paragraphs?|sections?|parts?|one)\b)|\bnames? of\b"
        r"|\bwhat (companies|firms|organi[sz]ations|agencies|ministries|institutions|universities"
        r"|airlines|banks|programmes|programs|countries)\b",
        re.IGNORECASE,
    ),
}
_HAS = {
    "money": re.compile(r"\b(USD|US\$|JPY|MYR|RM|yen|ringgit|dollars?)\b|[$¥]", re.IGNORECASE),
    # A count or amount. Not a year ("concluded in 2018"), a day of a month ("19 March", taken
    # out by holds()), a name ("Three Principles") or "the two countries", said everywhere.
    "number": re.compile(
        r"\b(?!(?:19|20)\d\d\b)\d"
        r"|(?<!-)\b(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million"
        r"|billion)\b(?!-|\s+(?:countries|leaders|sides|nations|governments|agencies)\b)",
    ),
    "time": re.compile(rf"\b(19|20)\d\d\b|\b{_MONTH}\b|\bearly date\b|\bearliest\b"),
    "day": re.compile(rf"\b\d{{1,2}} {_MONTH}|{_MONTH} \d{{1,2}}\b"),
    "signatory": re.compile(r"\bsigned by\b|\b[A-Z][a-z]+ (signed|will sign)\b"),
    # A named place other than the two countries themselves, which nearly every sentence names.
    # Not a title ("in Prime Minister Takaichi's speech"); "to" only ever leads to a body's name.
    "place": re.compile(rf"\b(in|at|from) (the )?(?!Japan\b|Malaysia\b|Prime\b|{_MONTH}\b)[A-Z][a-z]+"),
    "measure": _UNIT,
    # The names of each kind the statement uses, and the usual forms of others.
    "company": re.compile(
        r"\b(Perodua|Daihatsu|Tenaga Nasional|Sarawak Energy|Petronas|Toyota|Honda|Proton|Mitsubishi"
        r"|Corporation|Corp|Inc|Ltd|Berhad|Bhd)\b"
    ),
    "university": re.compile(r"\bUniversit(y|ies)\b|\bInstitute of Technology\b|\bMJIIT\b"),
    "airline": re.compile(r"\b(Airlines?|Airways|AirAsia|ANA|JAL)\b"),
    "hardware": re.compile(
        r"\b(vessels?|boats?|ships?|warships?|aircraft|helicopters?|drones?|submarines?|frigates?|radars?"
        r"|[A-Z]{2,}-\d+)\b"
    ),
    "country": re.compile(
        r"\b(Japan|Malaysia|Australia|France|Iran|Palestine|Myanmar|Cambodia|Thailand|Korea|China|Indonesia|Singapore"
        r"|Philippines|Viet ?Nam|Brunei|Laos|India|United States|United Kingdom)\b"
    ),
    # A name inside the sentence (not its first word) other than those in nearly every sentence,
    # or a list ("including ...", "a, b and c"): "which aspects" may be answered by "site selection".
    "entity": re.compile(
        r"(?<=[\w,;:()'’] )"
        r"(?!(?:Japan|Malaysia|Japanese|Malaysian|Prime|Minister|Takaichi|Anwar|Government)\b)"
        r"[A-Z][A-Za-z0-9]+"
        r"|\b(including|such as|as well as)\b|,[^,.]+,[^,.]+\band\b"
    ),
}


# A version after an acronym ("MJIIT 2.0", "(MJIIT) 2.0", "AZEC 2.0") is no count; a currency is.
_VERSION = re.compile(r"\b(?!USD|JPY|MYR)[A-Z]{2,}\)? \d+\.\d\b")


# Kinds answered by a name: a name the question itself gives is no answer to it ("At which venue
# in Tokyo did they meet?" is not answered by "in Tokyo").
_NAMED_KINDS = {"place", "company", "university", "airline", "country"}


# "When is the next summit?" is not answered by the date of this one, nor "When will MJIIT 2.0 be
# completed?" by ¶20's "opened in September 2024": only a sentence that looks ahead can say when
# (or where) something still to come happens. Not "next year", which names a time itself.
_THE_NEXT = re.compile(
    r"\b(the|their|a) next (?!(?:year|month|week|spring|summer|autumn|fall|winter|level|time)\b)"
    r"|\b(seterusnya|berikutnya|akan datang)\b|次回|次の",
    re.IGNORECASE,
)
_FIGURE = re.compile(r"\b\d[\d,.]*\d\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_FUTURE = re.compile(r"\b(will|expected|due|scheduled|planned)\b", re.IGNORECASE)
# Looking ahead from the statement's date (June 2026): "to be held", "at an early date", 2027 on.
_AHEAD = re.compile(
    r"\b(next|will|would|to be held|early date|upcoming|intend|intention)\b|\b20(2[7-9]|[3-9]\d)\b",
    re.IGNORECASE,
)


# Names every sentence could hold, which single out nothing: the two sides, their leaders, question
# words and openers that start with a capital.
_COMMON_NAMES = set(
    """japan japanese malaysia malaysian tokyo kuala lumpur kl putrajaya prime minister pm pms
    takaichi anwar usd us i how what which when where who why did does do is are was were has have
    will would can could the a an and of in on to for hi so ok okay please tell""".split()
)
_CAPITALISED = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+|and\s+|for\s+)*[A-Z][\w’'-]*)*")


def _named_things(question: str) -> list[str]:
    """The names the question gives ("POWER Asia", "ADB", "World Bank Group's RISE Partnership"),
    less the two sides, their leaders and capitalised question words."""
    names = []
    for m in _CAPITALISED.finditer(question):
        # "the ADB's CMM-FPF" names two things: a possessive ends a name.
        for part in re.split(r"(?<=['’]s)\s+", m.group(0)):
            words = re.sub(r"['’]s$", "", part).split()
            while words and words[0].lower() in _COMMON_NAMES:
                words = words[1:]
            if words and not all(w.lower() in _COMMON_NAMES for w in words):
                names.append(" ".join(words))
    return names


def _names_any(sentence: str, names: list[str]) -> bool:
    """Whether ``sentence`` gives any of ``names`` (true when there are none to give): more than
    half of a name's words, so a slip in one word ("Critical Minerls ... Facility") still counts."""
    words = set(re.findall(r"[\w-]+", sentence.lower()))
    return not names or any(
        sum(w in words for w in name_words) * 2 > len(name_words)
        for name_words in (re.findall(r"[\w-]+", name.lower()) for name in names)
    )


def holds(kind: str, sentence: str, question: str = "") -> bool:
    """Whether ``sentence`` holds an answer of this kind (see ``expected_answer_types``) that
    ``question`` does not already name.

    >>> holds("place", "They met in Tokyo.", "Where did they meet?")
    True
    >>> holds("place", "They met in Tokyo.", "At which venue in Tokyo did they meet?")
    False
    """
    if kind == "number":
        sentence = _HAS["day"].sub("", sentence)  # "19 March" is a date, not a count
        sentence = _VERSION.sub("", sentence)  # nor is "MJIIT 2.0"
    ahead = _THE_NEXT.search(question) or (kind in ("time", "day") and _FUTURE.search(question))
    if kind in ("time", "day", "place") and ahead and not _AHEAD.search(sentence):
        return False
    # "How much is Japan giving POWER Asia?" is not answered by ¶14's "USD 20 million to the
    # Critical Minerals ... Facility": an amount answers only for a thing the question names.
    if kind == "money" and not _names_any(sentence, _named_things(question)):
        return False
    # "How many visitors in 2024?" is not answered by ¶21's "1.05 million in 2025".
    years = _YEAR.findall(question)
    if kind in ("number", "money", "measure") and years and not any(y in sentence for y in years):
        return False
    if kind not in _NAMED_KINDS:
        return _HAS[kind].search(sentence) is not None
    asked = question.lower()
    return any(m.group(0).split()[-1].lower() not in asked for m in _HAS[kind].finditer(sentence))


# "Did they say when...?" still asks for a time; "Are they settling trade in yen?" asks yes or no,
# not for an amount, though "in yen" alone would say so.
_YES_NO = re.compile(
    r"^\W*(is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|shall)\b", re.IGNORECASE
)
_WH = re.compile(r"\b(how|when|where|which|who|what)\b", re.IGNORECASE)
# Figures of speech that look like a question for a time or an amount and ask for neither: "When
# it comes to energy, what...?", "When discussing security...", "How far did they go on chips?",
# "How much did they say about Myanmar?", "How big a role does the swap play?", "How long-standing".
_NOT_ASKING_FOR = re.compile(
    r"\bwhen (?:it (?:comes|came) to|(?:talking|discussing|speaking|referring|dealing|looking|asked)\b)"
    r"|\bhow far\b(?!\s+(?:is|are|was|away|from)\b)|\bhow long-"
    r"|\bhow (?:much|big|large|strong|important|serious|significant)\b(?=\s+(?:of\s+)?(?:an?\s+)?(?:emphasis"
    r"|attention|importance|weight|priority|focus|detail|role|deal|part|stress|progress)\b)"
    r"|\bhow much\b(?=(?:\s+[\w'-]+){1,4}?\s+(?:say|said|talk|talked|discuss|discussed|mention|mentioned"
    r"|write|wrote|emphasi[sz]e|stress|focus)\b(?!.*\b(?:give|gave|contribut|pledg|fund|lend|invest|spend"
    r"|provid|commit)))",
    re.IGNORECASE,
)
# "How many areas of cooperation are mentioned?" is answered by the list, which the reader counts.
_COUNTED = re.compile(
    r"\bhow many\b(?=.*\b(?:mentioned|named|listed|cited|covered|referred to|identified|included)\b)",
    re.IGNORECASE,
)
_ASKING = re.compile(r"(?:[^.!?]|[.!](?=\S))*\?")  # "MJIIT 2.0" and "U.S." end no sentence


def expected_answer_types(question: str) -> tuple[str, ...]:
    """What the question asks for, if that specific: any of "money", "number", "time", "day" (of
    a month), "signatory", "place", "measure" (a unit), a name of a "company", "university",
    "airline", "country" or piece of "hardware", or any "entity" ("When and where..." asks for
    two). "money" implies "number" and "day" implies "time", so they stand alone.

    >>> expected_answer_types("When and where is the Expo?")
    ('time', 'place')
    >>> expected_answer_types("Are they settling trade in yen?")
    ()
    """
    if _YES_NO.search(question) and not _WH.search(question):
        return ()
    # In "Some background: I've been tracking which countries... For which years...?" only the
    # sentences that ask something say what the answer must be.
    asked = " ".join(_ASKING.findall(question)) or question
    asked = _COUNTED.sub("which", _NOT_ASKING_FOR.sub(" ", asked))
    kinds = tuple(kind for kind, pattern in _EXPECTS.items() if pattern.search(asked))
    if _WHERE_NOT_A_PLACE.search(question):
        kinds = tuple(k for k in kinds if k != "place")
    if "money" in kinds:
        kinds = tuple(k for k in kinds if k != "number")
    if "day" in kinds:
        kinds = tuple(k for k in kinds if k != "time")
    if kinds and kinds != ("entity",):
        kinds = tuple(k for k in kinds if k != "entity")  # "which year" asks for a time
    return kinds


def language_group(signals: Signals) -> str:
    """Which refusal model applies: "en", or "other" for questions the glossary cannot bridge."""
    return "en" if signals.language == "en" or signals.glossed else "other"


def answerable_probability(features: dict[str, float], model: dict) -> float:
    z = model["bias"] + sum(w * features[name] for name, w in zip(model["features"], model["weights"]))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class Answerer:
    """Turns a question's signals and ranking into an :class:`Answer`."""

    def __init__(self, document: Document, lexicon: Lexicon, calibration: Calibration) -> None:
        self.document = document
        self.lexicon = lexicon
        self.calibration = calibration

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
            scored = self._sentence_scores_of(signals, self.quoted(hits, evidence))
        p = signals.per_paragraph
        top = hits[0].paragraph
        others = np.delete(evidence, top - 1)
        # The best two sentences of each paragraph the answer would quote: a "when" may be
        # answered by the second quote, but not by a sentence far from the question.
        best = max(value for sentences in scored.values() for _, value in sentences)
        best_sentences = [
            self.document.paragraph(paragraph).text[span.start : span.end]
            for paragraph, sentences in scored.items()
            for span, value in sorted(sentences, key=lambda x: -x[1])[:2]
            if value >= best - TYPE_NEAR
        ]
        missing = any(
            not any(holds(kind, sentence, signals.question) for sentence in best_sentences)
            for kind in expected_answer_types(signals.question)
        )
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
            "far_off": max(0.0, FAR_OFF_COSINE - float(p["minilm.sentence"].max()))
            if signals.language == "en" and signals.coverage < 1.0 else 0.0,
            # None of the question's own words is in the statement (nor explained by the glossary).
            "no_overlap": float(signals.coverage < 0.1),
            "top_coverage": self.lexicon.coverage(signals.question, top),
            "type_missing": float(missing),
            "unknown_names": float(bool(self.lexicon.unknown_names(signals.question))),
            "fused_top": float(evidence[top - 1]),
            "fused_gap": float(evidence[top - 1] - others.max()) if others.size else 0.0,
        }

    def answer(self, signals: Signals, evidence: np.ndarray, hits: list[Hit]) -> Answer:
        """Quote ``hits`` (ranked by any retriever) or refuse; ``evidence`` as in refusal_features."""
        c = self.calibration
        model = c.refusal[language_group(signals)]
        quoted = self.quoted(hits, evidence)
        scored = self._sentence_scores_of(signals, quoted)
        confidence = answerable_probability(self.refusal_features(signals, evidence, hits, scored), model)
        if confidence < model["threshold"]:
            foreign = unsupported_language(signals.question)
            return Answer(
                question=signals.question,
                found=False,
                quotes=(),
                confidence=confidence,
                nearest=tuple(h.paragraph for h in hits[:3]),
                message=NOT_ADDRESSED if foreign is None else (
                    f"{NOT_ADDRESSED} Note that jmqa reads questions in English, Japanese and "
                    f"Malay, and this one looks like {foreign}: try asking in English."
                ),
            )
        mark = confidence >= c.highlight_confidence
        quotes = tuple(
            Quote(
                h.paragraph, h.section, h.text,
                self.highlight(signals, h.paragraph, scored[h.paragraph]) if mark else (), h.score,
            )
            for h in quoted
        )
        caution = CAUTION if confidence < c.caution_confidence else ""
        return Answer(signals.question, True, quotes, confidence, message=caution)

    def cite(
        self, signals: Signals, evidence: np.ndarray, hits: list[Hit], cited: tuple[int, ...], asks_more: bool
    ) -> Answer:
        """Quote the paragraphs the question names by number ("What does ¶14 say?"), in its order.

        The person chose them, so they are quoted unless no such paragraph exists. When the
        question also asks something of them (``asks_more``: "How much does ¶14 say Japan
        gave?"), the refusal model judges whether they answer it (``hits`` put them first): the
        answering sentence is marked if it would have answered, and a note says when it is unsure.
        """
        count = len(self.document.paragraphs)
        valid = [n for n in cited if 1 <= n <= count]
        missing = [f"¶{n}" for n in cited if not 1 <= n <= count]
        notes = []
        if missing:
            notes.append(
                f"The statement's paragraphs are numbered 1 to {count}: there is no {', '.join(missing)}."
            )
        if len(valid) > MAX_CITED:
            rest = valid[MAX_CITED:]
            contiguous = rest == list(range(rest[0], rest[-1] + 1)) and len(rest) > 1
            later = f"¶{rest[0]}–¶{rest[-1]}" if contiguous else ", ".join(f"¶{n}" for n in rest)
            notes.append(
                f"Showing the first {MAX_CITED} of the {len(valid)} paragraphs asked for; "
                f"ask for {later} next."
            )
            valid = valid[:MAX_CITED]
        if not valid:
            return Answer(signals.question, False, (), 0.0, message=" ".join(notes))
        confidence, mark = 1.0, False
        if asks_more:
            model = self.calibration.refusal[language_group(signals)]
            confidence = answerable_probability(self.refusal_features(signals, evidence, hits), model)
            mark = confidence >= model["threshold"]
            if confidence < self.calibration.caution_confidence:
                notes.append("Quoted as asked, but jmqa is not sure this says what you asked about.")
        quotes = []
        for n in valid:
            para = self.document.paragraph(n)
            marked = self.highlight(signals, n) if mark else ()
            quotes.append(Quote(n, para.section, para.text, marked, float(evidence[n - 1])))
        return Answer(signals.question, True, tuple(quotes), confidence, message=" ".join(notes))

    def quoted(self, hits: list[Hit], evidence: np.ndarray, margin: float | None = None) -> list[Hit]:
        """The hits an answer quotes: the first, and those of the next ``max_quotes - 1`` whose
        ``evidence`` is within ``margin`` (default: the calibrated ``quote_margin``) of its own.

        Measured on the default fusion's scale, like the refusal, so that every retriever quotes
        by the same rule (RRF's scores are all within any margin of each other).
        """
        c = self.calibration
        margin = c.quote_margin if margin is None else margin
        floor = evidence[hits[0].paragraph - 1] - margin
        return [hits[0]] + [h for h in hits[1 : c.max_quotes] if evidence[h.paragraph - 1] >= floor]

    def _sentence_scores_of(self, signals: Signals, hits: list[Hit]) -> SentenceScores:
        return {h.paragraph: self.sentence_scores(signals, h.paragraph) for h in hits}

    def sentence_scores(self, signals: Signals, paragraph: int) -> list[tuple[Span, float]]:
        """Each sentence of ``paragraph`` with its score for the question (dense + overlap)."""
        para = self.document.paragraph(paragraph)
        english = signals.language == "en"
        models = [m for m in signals.sentences if english or m == "e5"]
        terms = set(tokenize(self.lexicon.expand(signals.question)))
        weight_total = sum(self.lexicon.idf.get(t, 0.0) for t in terms) or 1.0
        scored = []
        for span in para.sentences:
            dense = [signals.sentences[m].get((paragraph, span.start), 0.0) for m in models]
            words = set(tokenize(para.text[span.start : span.end]))
            overlap = sum(self.lexicon.idf.get(t, 0.0) for t in terms & words) / weight_total
            value = float(np.mean(dense)) if dense else 0.0
            if english:
                value += self.calibration.highlight_lexical * overlap
            scored.append((span, value))
        return scored

    def highlight(
        self, signals: Signals, paragraph: int, scored: list[tuple[Span, float]] | None = None
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
        kinds = [k for k in expected_answer_types(signals.question) if k != "entity"]
        if kinds:
            scored = [
                (span, value) for span, value in scored
                if all(holds(kind, text[span.start : span.end], signals.question) for kind in kinds)
            ]
        # "What agreement was concluded in 2018?": the sentence that gives the question's own
        # figure is the one it asks about, whatever else shares its words.
        figures = _FIGURE.findall(signals.question)
        with_figure = [
            (span, v) for span, v in scored if any(f in text[span.start : span.end] for f in figures)
        ]
        if with_figure:
            scored = with_figure
        if not scored:
            return ()
        best_span, best = scored[0]
        runner_up = scored[1][1] if len(scored) > 1 else -math.inf
        c = self.calibration
        if best >= c.highlight_min and best - runner_up >= c.highlight_margin:
            return (best_span,)
        return ()
