"""Countries as a statement names them, and the other names people use for them.

People write "Islamabad" for Pakistan's government, "north korea" for the Democratic People's
Republic of Korea, "Nippon" for Japan. The names and capitals come from the ``countryinfo``
package (MIT), not from a list of our own; what a statement calls a country comes from its text.
(countryinfo keeps "Burma" apart from Myanmar: the glossary says that one.)

Example::

    >>> names = country_names("Both leaders discussed the Democratic People's Republic of Korea.")
    >>> names.other_names["north korea"]
    "Democratic People's Republic of Korea"
    >>> "ukraine" in names.unnamed
    True
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass
from typing import TypeVar

from jmqa.errors import require_package


@dataclass(frozen=True)
class Country:
    names: tuple[str, ...]  # its name and other spellings, longer than a code ("US", "JPN")
    capitals: tuple[str, ...]
    demonym: str  # "American", "" where countryinfo has none
    codes: tuple[str, ...]  # "US", "USA": its ISO codes and short spellings, in capitals
    currencies: tuple[str, ...] = ()  # "USD": ISO 4217 codes

    @property
    def capital_forms(self) -> tuple[str, ...]:
        """Its capitals, also as people write them: "Washington D.C." and "Washington"."""
        return tuple(dict.fromkeys(f for c in self.capitals for f in (c, re.sub(r"\s+D\.C\.$", "", c))))


@dataclass(frozen=True)
class CountryNames:
    """What one text says of countries."""

    # Lower-cased other name or capital of a country the text names, not used by the text itself
    # -> the name the text writes ("islamabad" -> "Pakistan", "nippon" -> "Japan").
    other_names: dict[str, str]
    # Lower-cased names of the countries the text does not name at all ("ukraine").
    unnamed: frozenset[str]


@functools.cache
def countries() -> tuple[Country, ...]:
    """Every country countryinfo knows (its ``data`` and ``data_no_iso`` folders: one JSON file
    per country).

    Read file by file, keeping three fields: countryinfo's own loader keeps every field of every
    country (borders, provinces, GeoJSON), and a cold ``jmqa ask`` peaked 5 MiB higher with it.
    """
    require_package("countryinfo", "countryinfo", "read a country's other names")
    out = []
    package = importlib.resources.files("countryinfo")
    # "data_no_iso": places without an ISO code of their own (Taiwan, Kosovo).
    for path in [p for folder in ("data", "data_no_iso") for p in sorted((package / folder).iterdir())]:
        if not path.name.endswith(".json"):
            continue
        info = json.loads(path.read_text(encoding="utf-8"))
        names = (info.get("name") or "", *(info.get("altSpellings") or ()))
        capitals = info.get("capital") or ()
        iso = info.get("ISO") or {}
        codes = {n for n in (*names, iso.get("alpha2"), iso.get("alpha3")) if n and _CODE.fullmatch(n)}
        out.append(
            Country(
                tuple(n for n in names if len(n) > 3 and _latin(n)),
                (capitals,) if isinstance(capitals, str) else tuple(capitals),
                info.get("demonym") or "",
                tuple(sorted(codes)),
                tuple(c for c in info.get("currencies") or () if _CURRENCY.fullmatch(c)),
            )
        )
    return tuple(c for c in out if c.names)


@functools.cache
def country_words_lower() -> frozenset[str]:
    """Every one-word name and demonym of a country, lower-cased ("france", "french", "brazilians")."""
    return frozenset(
        w for c in countries() for w in (*(n.lower() for n in c.names), *demonym_forms(c.demonym)) if " " not in w
    )


@functools.cache
def currency_codes() -> frozenset[str]:
    """Every country's ISO 4217 currency codes ("USD", "EUR", "MYR")."""
    return frozenset(code for country in countries() for code in country.currencies)


@functools.cache
def country_names_lower() -> frozenset[str]:
    """Every country's names, lower-cased ("malaysia", "united states of america")."""
    return frozenset(name.lower() for country in countries() for name in country.names)


def capitals_of(names: Set[str]) -> frozenset[str]:
    """The capitals, lower-cased, of the countries ``names`` (lower-cased) name, as people write
    them for those countries' governments ("Did Paris and New Delhi sign ...?"): each as
    countryinfo spells it, and one of several words also by its initials ("nd" for New Delhi,
    as "BA" is written for Buenos Aires).

        >>> sorted(capitals_of({"france", "india"}))
        ['nd', 'new delhi', 'paris']
    """
    found: set[str] = set()
    for country in countries():
        if any(n.lower() in names for n in country.names):
            for form in country.capital_forms:
                found.add(form.lower())
                words = re.findall(r"[^\W\d_]+", form)
                if len(words) > 1:
                    found.add("".join(w[0] for w in words).lower())
    return frozenset(found)


def country_names(text: str) -> CountryNames:
    """The countries ``text`` names (by any of their names), read longest name first and each
    taken out once found: "Republic of Korea" inside "Democratic People's Republic of Korea"
    names no second country."""
    plain_text = f" {_plain(text)} "
    written = _written(text)
    other_names: dict[str, str] = {}
    unnamed: set[str] = set()
    for i, country in enumerate(countries()):
        if i not in written:
            unnamed.update(n.lower() for n in country.names)
            continue
        for form in (*country.names, *country.capital_forms):
            # A name the text uses itself is searched as it is ("the summit in Tokyo").
            if f" {_plain(form)} " not in plain_text:
                other_names.setdefault(form.lower(), written[i])
    # countryinfo has some countries twice ("Myanmar" is also one of Burma's names): a name the
    # text writes, whichever entry it was matched to, is no country the text leaves unnamed.
    text_words = set(plain_text.split())
    for name in list(unnamed):
        plain = _plain(name)
        # The word test first: most names share no word with the text, and it is the quick one.
        if set(plain.split()) <= text_words and f" {plain} " in plain_text:
            unnamed.discard(name)
    return CountryNames(other_names, frozenset(unnamed - other_names.keys()))


def countries_in(text: str) -> tuple[Country, ...]:
    """The countries ``text`` names, by any of their names, in countryinfo's order.

        >>> [c.names[0] for c in countries_in("United States-India Joint Leaders' Statement")]
        ['India', 'United States']
    """
    return tuple(countries()[i] for i in sorted(_written(text)))


def _written(text: str) -> dict[int, str]:
    """Each country ``text`` names (its position in :func:`countries`) -> the name it writes."""
    words = f" {_plain(text)} "
    written: dict[int, str] = {}
    for name, i in _spellings():
        plain = f" {_plain(name)} "
        if plain in words:
            written.setdefault(i, name)
            words = words.replace(plain, " | ")
    return written


@functools.cache
def _spellings() -> tuple[tuple[str, int], ...]:
    """Every country's names with its position, the longest first."""
    return tuple(sorted(((name, i) for i, c in enumerate(countries()) for name in c.names), key=lambda x: -len(x[0])))


def demonym_forms(demonym: str) -> tuple[str, ...]:
    """ "American" -> ("american", "americans"); "Japanese" has no plural of its own; "" -> ()."""
    lower = demonym.lower()
    if not lower:
        return ()
    return (lower,) if lower.endswith(("s", "sh", "ch", "ese")) else (lower, f"{lower}s")


def _plain(text: str) -> str:
    """Lower-case words joined by single spaces: names compared whole, in one pass."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _latin(name: str) -> bool:
    """Whether ``name`` is written in Latin letters (with accents): a question in Japanese or
    Arabic script is read by the glossary, not by this."""
    return _LATIN.fullmatch(name) is not None


_CODE = re.compile(r"[A-Z]{2,3}")
_CURRENCY = re.compile(r"[A-Z]{3}")
_LATIN = re.compile(r"[\u0000-\u024f\u1e00-\u1eff\u2019]+")


_T = TypeVar("_T")
# A country, as :func:`joined_countries` reads one: the positions in :func:`countries` its name may
# stand for ("American" is the people of more than one).
Mention = frozenset[int]


def joined_countries(text: str) -> tuple[tuple[Mention, ...], ...]:
    """Countries written as one relation: joined by a hyphen, dash or slash ("Japan-India ties",
    "U.S.-Japan", "Tokyo/Canberra") or as "between X and Y"; each relation with two or more.

        >>> [len(r) for r in joined_countries("Japan-India ties, and between the US and France?")]
        [2, 2]
        >>> joined_countries("the Indo-Pacific, Japan-ASEAN")
        ()
    """
    relations: list[list[Mention]] = []
    last_end = -1
    for joiner in _JOINER.finditer(text):
        left = _name_ending_at(text, joiner.start())
        right = _name_starting_at(text, joiner.end())
        if left is None or right is None:
            continue
        if joiner.start() == last_end and relations:  # "U.S.-Japan-India": one relation
            relations[-1].append(right[0])
        else:
            relations.append([left[0], right[0]])
        last_end = joiner.end() + right[1]
    for between in _BETWEEN.finditer(text):
        first = _name_starting_at(text, between.end())
        if first is None:
            continue
        joiner = _AND.match(text, between.end() + first[1])
        second = _name_starting_at(text, joiner.end()) if joiner else None
        if second is not None:
            relations.append([first[0], second[0]])
    return tuple(tuple(r) for r in relations)


def mentions_in(words: str) -> tuple[Mention, ...]:
    """The countries named in ``words`` (single spaces: "united states india", "UK india"), each
    by its name, capital or people, the longest name at each word first. A code in capitals
    ("UK") counts only beside a country named in full ("UK india"): alone, "PM" or "IT" is
    seldom a country."""
    forms, longest = _forms()
    runs = longest_runs(words.split(), longest, lambda run: forms.get(_key(run)))
    named = any(not _CODE.fullmatch(_key(run)) for run, _ in runs)
    return tuple(mention for run, mention in runs if named or not _CODE.fullmatch(_key(run)))


def named_statements(text: str) -> tuple[tuple[Mention, ...], ...]:
    """The countries ``text`` names as the parties of a statement: before "joint statement",
    "declaration" or "communiqué" ("the UK-India joint statement", "saudi arabia pakistan joint
    statement", "Japan and Malaysia's joint declaration"), or after it ("the joint statement
    between Canada and India"); each with two or more, one of them named in full.

        >>> [len(r) for r in named_statements("What did the UK-India joint statement say?")]
        [2]
        >>> named_statements("What did Japan say in the joint statement?")
        ()
    """
    found = []
    for statement in _A_STATEMENT.finditer(text):
        named = _names_before(text, statement.start())
        of = _OF_PARTIES.match(text, statement.end())
        if of:
            named += _names_after(text, of.end())
        if len(named) >= 2 and any(not _CODE.fullmatch(_key(name)) for name, _ in named):
            found.append(tuple(mention for _, mention in named))
    return tuple(found)


def _names_before(text: str, end: int) -> list[tuple[str, Mention]]:
    """The countries named in a run that ends at ``end`` ("Japan and Malaysia's", "UK-India"),
    each with the words that name it."""
    named: list[tuple[str, Mention]] = []
    head = _POSSESSIVE_END.sub("", text[:end])
    while (found := _name_ending_at(head, len(head)) or _code_ending_at(head)) is not None:
        named.insert(0, (head[len(head) - found[1] :], found[0]))
        head = head[: len(head) - found[1]]
        joiner = _JOINED_BEFORE.search(head)
        if joiner is None:
            break
        head = head[: joiner.start()]
    return named


def _code_ending_at(head: str) -> tuple[Mention, int] | None:
    """A country's code typed in lower case that ends ``head`` ("uk malaysia joint statement"):
    beside a country's name, before the word for a statement, it is no "us" or "in"."""
    code = _LOWER_CODE_END.search(head)
    return None if code is None else _name_ending_at(head[: code.start()] + code.group(0).upper(), len(head))


def _code_starting_at(text: str, start: int) -> tuple[Mention, int] | None:
    """:func:`_code_ending_at` for a code that starts at ``start``."""
    code = _LOWER_CODE.match(text, start)
    return None if code is None else _name_starting_at(text[:start] + code.group(0).upper(), start)


def _names_after(text: str, start: int) -> list[tuple[str, Mention]]:
    """The countries named in a run from ``start`` ("Canada and India"), each with its words."""
    named: list[tuple[str, Mention]] = []
    while (found := _name_starting_at(text, start) or _code_starting_at(text, start)) is not None:
        named.append((text[start : start + found[1]], found[0]))
        joiner = _JOINED_AFTER.match(text, start + found[1])
        if joiner is None:
            break
        start = joiner.end()
    return named


def longest_runs(words: Sequence[str], longest: int, lookup: Callable[[str], _T | None]) -> list[tuple[str, _T]]:
    """Each run of at most ``longest`` ``words`` (joined by single spaces) for which ``lookup``
    gives a value, left to right, the longest run at each word first, each word in one run at most.

        >>> longest_runs("the united states and india".split(), 2, {"united states": 1, "india": 2}.get)
        [('united states', 1), ('india', 2)]
    """
    found, i = [], 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            run = " ".join(words[i : i + n])
            value = lookup(run)
            if value:
                found.append((run, value))
                i += n
                break
        else:
            i += 1
    return found


_JOINER = re.compile(r"\s*[-–—/]\s*")
# A statement as a document: "joint statement", "Joint Leaders' Statement", "joint declaration".
_A_STATEMENT = re.compile(
    r"\b(?:joint\s+)?(?:leaders['’]?\s+)?(?:statement|declaration|communiqu[eé])s?\b", re.IGNORECASE
)
_OF_PARTIES = re.compile(r"\s+(?:between|of|by|from)\s+(?:the\s+)?", re.IGNORECASE)
_LOWER_CODE = re.compile(r"[a-z]{2,3}(?![\w.])")
_LOWER_CODE_END = re.compile(r"(?<![\w.])[a-z]{2,3}$")
_POSSESSIVE_END = re.compile(r"(?:['’]s?)?\s*$")
_JOINED_BEFORE = re.compile(r"(?:\s*[-–—/,&]\s*|\s+and\s+(?:the\s+)?|\s+)$", re.IGNORECASE)
_JOINED_BY_A_WORD = re.compile(r"(?:\s*[-–—/,&]\s*|\s+and\s+(?:the\s+)?)$", re.IGNORECASE)
_JOINED_AFTER = re.compile(r"\s*(?:[-–—/,&]|\band\b)\s*(?:the\s+)?", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?", re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?", re.IGNORECASE)
_NAME_WORD = re.compile(r"[\w.’']+")


def _name_ending_at(text: str, end: int) -> tuple[Mention, int] | None:
    """The country named by the words just before ``end`` (the longest run), and its length."""
    forms, longest = _forms()
    words = [w for w in _NAME_WORD.finditer(text, max(0, end - 60), end) if not _cut(text, w.start())]
    words = words[-longest:]
    if not words or words[-1].end() != end:
        return None
    for k in range(len(words)):  # the longest run first
        run = text[words[k].start() : end]
        mention = forms.get(_key(run))
        if mention:
            return mention, end - words[k].start()
    return None


def country_name_start(text: str, end: int) -> int | None:
    """Where the name of a country that ends at ``end`` starts (the longest: "the United States"
    from "States"), or None.

        >>> text = "What did the United States say?"
        >>> text[country_name_start(text, 26) :]
        'United States say?'
    """
    found = _name_ending_at(text, end)
    return None if found is None else end - found[1]


def joined_to_a_country(text: str, code: str) -> bool:
    """Whether ``text`` joins ``code`` (a country's code, written with or without dots) to a
    country's name by "and", "&", a comma, hyphen or slash: "the UK and India", "India-US", not
    "India's PM and Biden".

        >>> joined_to_a_country("the UK, France and India", "UK"), joined_to_a_country("India's PM and Biden", "PM")
        (True, False)
    """
    written = r"\.?".join(code) + r"\.?"
    for m in re.finditer(rf"(?<![\w.]){written}(?!\w)", text):
        after = _JOINED_AFTER.match(text, m.end())
        if after and _name_starting_at(text, after.end()) is not None:
            return True
        before = _JOINED_BY_A_WORD.search(text[: m.start()])  # not by a space: "the Malaysian PM"
        if before and _name_ending_at(text, before.start()) is not None:
            return True
    return False


def _cut(text: str, start: int) -> bool:
    """Whether a word found from ``start`` is the end of a longer one."""
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".’'")


def _name_starting_at(text: str, start: int) -> tuple[Mention, int] | None:
    """The country named by the words from ``start`` (the longest run), and its length."""
    forms, longest = _forms()
    words = [w for w in _NAME_WORD.finditer(text, start, start + 60)][:longest]
    if not words or words[0].start() != start:
        return None
    for k in range(len(words), 0, -1):
        run = text[start : words[k - 1].end()]
        mention = forms.get(_key(run))
        if mention:
            return mention, len(run)
    return None


def is_country_word(word: str) -> bool:
    """Whether ``word`` (one word, lower case) is a country's name, capital or people ("france",
    "beijing", "brazilians"); a code only in capitals ("us" is a pronoun).

    >>> is_country_word("beijing"), is_country_word("brazilians"), is_country_word("us")
    (True, True, False)
    """
    return word in country_words_lower() or _key(word) in _forms()[0]


def _key(name: str) -> str:
    """How a name is looked up: codes in capitals without dots ("U.S." is "US"), the rest in
    lower case with single spaces ("washington dc")."""
    plain = re.sub(r"[.’']", "", name)
    plain = re.sub(r"\s+", " ", plain).strip()
    return plain if _CODE.fullmatch(plain) else plain.lower()


@functools.cache
def _forms() -> tuple[dict[str, Mention], int]:
    """Every name, capital, people and code of a country, as :func:`_key` writes it -> the
    countries it may stand for; and the most words in one."""
    forms: dict[str, set[int]] = {}
    for i, c in enumerate(countries()):
        for form in (*c.names, *c.capital_forms, *demonym_forms(c.demonym), *c.codes):
            forms.setdefault(_key(form), set()).add(i)
    return {k: frozenset(v) for k, v in forms.items() if k}, max(len(k.split()) for k in forms)
