"""Who a statement is between, whether a question names them, and whether it asks what others
said or share.

A library holds several statements that share topics (Ukraine, semiconductors, the Indo-Pacific).
"What did Japan and Malaysia say about Ukraine?" is a question for the statement between Japan and
Malaysia, even where another one also mentions both countries somewhere. A statement's parties
are the countries its title names (from the ``countryinfo`` package, with their other names,
capitals and demonyms: "the US", "Washington", "American"), and the title's other names, words
rare in English ("Atlantis", "Lemuria").

Example::

    >>> from jmqa.document import load_statement
    >>> parties = Parties.of(load_statement())
    >>> parties.named_in("What did the Japanese and Malaysian leaders say about Ukraine?")
    2
    >>> parties.all_named_in("Will they pay in yen instead of the US dollar?")
    False
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from jmqa.countries import (
    Country,
    Mention,
    countries,
    countries_in,
    demonym_forms,
    joined_countries,
    mentions_in,
    named_statements,
)
from jmqa.document import Document
from jmqa.word_frequency import zipf

_WORD = re.compile(r"\w+")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_RARE = 4.0  # Zipf: "Atlantis" 3.4, "Quad" 3.7; "Malaysia" 4.3, "Kingdom" 4.6, "President" 5.5


@dataclass(frozen=True)
class Parties:
    """Each party as one pattern for the ways a question may name it."""

    patterns: tuple[re.Pattern[str], ...]
    # The countries among them (positions in countries.countries()), and the countries the
    # statement itself writes as one relation ("U.S.-Japan-Australia-India", "between X and Y").
    countries: frozenset[int]
    relations: tuple[frozenset[int], ...]

    @classmethod
    def of(cls, document: Document) -> Parties:
        text = " ".join(p.text for p in document.passages)
        found = countries_in(document.title)
        known = {w for c in found for name in c.names for w in _WORD.findall(name.lower())}
        # A name countryinfo does not know is a word rare in English ("Atlantis", not "Kingdom",
        # "President" or "Deep Sea"), in capitals, as in "Joint Statement of Atlantis and ...".
        rare = [
            w for w in dict.fromkeys(_CAPITALISED.findall(document.title))
            if w.lower() not in known and zipf(w.lower(), "en") < _RARE
        ]
        return cls(
            (
                *(_country_pattern(c, text) for c in found),
                # With the endings of a people: "Lemurians", "Zanzarans".
                *(re.compile(rf"\b{re.escape(w)}(?:ians?|ns?|ese)?\b", re.IGNORECASE) for w in rare),
            ),
            frozenset(countries().index(c) for c in found),
            tuple(dict.fromkeys(frozenset().union(*r) for r in joined_countries(f"{document.title}\n{text}"))),
        )

    @property
    def country_names(self) -> tuple[str, ...]:
        """The parties that are countries, as a sentence names them ("Japan", "the United States"),
        in countryinfo's order."""
        return tuple(in_prose(countries()[i].names[0]) for i in sorted(self.countries))

    def named_in(self, question: str) -> int:
        """How many of the parties ``question`` names."""
        return sum(p.search(question) is not None for p in self.patterns)

    def all_named_in(self, question: str) -> bool:
        """Whether ``question`` names every party: one alone is as often a subject of another
        statement ("the US dollar", "Japanese carmakers")."""
        return bool(self.patterns) and self.named_in(question) == len(self.patterns)

    def speak_for_others(self, speakers: Sequence[str]) -> bool:
        """Whether ``speakers`` (a question's, lower case: ``QuestionAnalysis.speakers``) name a
        country that is no party: "What did Japan and India agree?" of a statement between Japan
        and Malaysia, which reports what its parties said, not what others did. False for a
        statement whose title names no country."""
        return bool(self._others(speakers))

    def others_speaking(self, speakers: Sequence[str]) -> tuple[str, ...]:
        """The countries among ``speakers`` that are no party (:meth:`speak_for_others`), by name."""
        return tuple(dict.fromkeys(_name(m, self.countries) for m in self._others(speakers)))

    def _others(self, speakers: Sequence[str]) -> list[Mention]:
        if not self.countries:
            return []
        return [m for m in mentions_in(" ".join(speakers)) if not (m & self.countries)]

    def others_named_as_a_statements_parties(self, question: str) -> tuple[str, ...]:
        """The countries ``question`` names as the parties of a statement that are no party to
        this one ("the UK-India joint statement", of a statement between the United States and
        India: the United Kingdom), by name; () for a statement it writes itself ("the 2015
        U.S.-India Joint Statement", quoted by a later one)."""
        others = [
            m
            for named in named_statements(question)
            if not self._writes(named)
            for m in named
            if not (m & self.countries)
        ]
        return tuple(dict.fromkeys(_name(m, self.countries) for m in others))

    def _writes(self, relation: Sequence[Mention]) -> bool:
        """Whether the statement itself writes the countries of ``relation`` as one (in part and
        in any order: "U.S.-Japan-Australia" writes "Australia-Japan")."""
        return any(all(m & written for m in relation) for written in self.relations)

    def other_relation_in(self, question: str) -> bool:
        """Whether ``question`` asks about a relation between a party and a country that is none
        ("Japan-India ties", "between Malaysia and the US") that the statement never writes as
        one. A relation of no party ("the Israeli-Palestinian conflict", "between Iran and Oman")
        may well be a topic of the statement's, and is left to the refusal model."""
        return self.relates_others(joined_countries(question))

    def relates_others(self, relations: Sequence[Sequence[Mention]]) -> bool:
        """:meth:`other_relation_in` for relations already read (:func:`joined_countries`)."""
        return bool(self.other_relations(relations))

    def other_relations(self, relations: Sequence[Sequence[Mention]]) -> tuple[tuple[str, ...], ...]:
        """Those of ``relations`` that join a party with a country that is none and that the
        statement never writes, each as its countries' names ("Japan", "India")."""
        found = []
        for relation in relations:
            ours = [bool(m & self.countries) for m in relation]
            if all(ours) or not any(ours):
                continue
            if not self._writes(relation):
                found.append(tuple(dict.fromkeys(_name(m, self.countries) for m in relation)))
        return tuple(found)


def _name(mention: Mention, parties: frozenset[int]) -> str:
    """The name of the country ``mention`` stands for: a party, where it may be one; else, of the
    countries a people's name may be, the one whose name is commonest in English, by its rarest
    word ("American": the United States, not the Northern Mariana Islands; "Chinese": China, not
    Macau)."""
    names = [countries()[i].names[0] for i in sorted(mention & parties or mention)]
    return in_prose(max(names, key=lambda name: min(zipf(w, "en") for w in _WORD.findall(name.lower()))))


def in_prose(name: str) -> str:
    """A country's name as a sentence writes it: "the United States", "the Philippines", "Japan"."""
    return f"the {name}" if _TAKES_THE.search(name) else name


# Country names that English writes with "the": "the United States", "the Philippines".
_TAKES_THE = re.compile(
    r"^(?:United|Republic|Kingdom|Federated|Democratic|Central African|Dominican|Czech)\b"
    r"|(?:Islands|Philippines|Netherlands|Maldives|Bahamas|Seychelles|Comoros|Gambia|Emirates)$"
)


def _country_pattern(country: Country, text: str) -> re.Pattern[str]:
    """Any name, capital or demonym of ``country`` in any case, or one of its codes in capitals
    that the statement itself writes ("U.S.", "US"): "IT" or "IN" in a question is seldom Italy
    or India, unless the statement calls them so."""
    words = [*country.names, *country.capital_forms, *demonym_forms(country.demonym)]
    named = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    dotted = [r"\.?".join(code) + r"\.?" for code in country.codes]
    used = [d for d in dotted if re.search(rf"(?<![\w.]){d}(?!\w)", text)]
    pattern = rf"\b(?i:{named})\b"
    if used:
        pattern += rf"|(?<![\w.])(?:{'|'.join(used)})(?!\w)"
    return re.compile(pattern)
