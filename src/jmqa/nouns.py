"""What WordNet says an English noun names: a person, a verb's doer, a unit of money or an
organisation.

"What is the name of the Indian astronaut?" asks for a person and "Exactly how many dollars ...?"
for a sum of money: the kind of answer follows from the noun asked about; a name that ends on
"Union" names an organisation, whatever a tagger made of it. The table, data/noun-kinds.tsv, is
derived once from WordNet 3.0 by scripts/derive_noun_kinds.py.

Example::

    >>> noun_kind("astronauts"), noun_kind("rupiah")
    ('person', 'money')
"""

from __future__ import annotations

import functools

from jmqa.data_files import read_data_file


@functools.cache
def _noun_kinds() -> dict[str, str]:
    """WordNet's nouns for a person (or a verb's doer), a unit of money or an organisation:
    data/noun-kinds.tsv, which scripts/derive_noun_kinds.py derives. Read on first use."""
    rows = (line.split("\t") for line in read_data_file("noun-kinds.tsv").splitlines())
    return {row[0]: row[1] for row in rows if len(row) == 2 and not row[0].startswith("#")}


def noun_kind(word: str) -> str | None:
    """"person", "money" or "organisation" for an English noun that first means one (in the singular
    or plural), else None; "agent" for a person noun formed from a verb ("lender", "contractor"),
    which may name a firm.

    >>> noun_kind("astronauts"), noun_kind("lenders"), noun_kind("dollars"), noun_kind("unions"), noun_kind("policy")
    ('person', 'agent', 'money', 'organisation', None)
    """
    word = word.lower().strip("'’")
    kinds = _noun_kinds()
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("men"):
        forms.append(word[:-3] + "man")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return next((kinds[f] for f in forms if f in kinds), None)
