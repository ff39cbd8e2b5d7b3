"""What kind of answer a question asks for, and whether a sentence holds one.

"How many JMSDF ships took part?" may match a paragraph closely whose sentences hold no number:
then the statement does not answer it. The question side is read from its wording (wh-words and
the noun after "which"/"what", in general English, Malay and Japanese); the sentence side from
the entity types tagged at index time (:mod:`jmqa.entities`), so nothing here knows any one
statement's names. What a statement says about itself (its date, the names it repeats in nearly
every paragraph) comes in as a :class:`StatementFacts`.

Example::

    >>> expected_answer_types("When and where is the Expo?")
    ('time', 'place')
    >>> expected_answer_types("Are they settling trade in yen?")
    ()
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field

from jmqa.countries import countries_in, country_names_lower, is_country_word
from jmqa.entities import Entity
from jmqa.lexical import CARDINALS, POSSESSIVE, figure_values, is_stopword, stem, years_before
from jmqa.nouns import noun_kind
from jmqa.occasion import without_occasions
from jmqa.word_frequency import EVERYDAY, zipf

# Which entity labels answer each kind of question.
LABELS: dict[str, frozenset[str]] = {
    "money": frozenset({"MONEY"}),
    "number": frozenset({"CARDINAL", "QUANTITY", "PERCENT", "MONEY"}),
    "measure": frozenset({"QUANTITY", "PERCENT"}),
    "time": frozenset({"DATE", "TIME"}),
    "day": frozenset({"DATE"}),
    "month": frozenset({"DATE"}),
    "dated": frozenset({"DATE", "TIME"}),
    "span": frozenset({"DATE", "TIME", "QUANTITY"}),
    "place": frozenset({"GPE", "LOC", "FAC"}),
    "city": frozenset({"GPE"}),  # a place of government that is no country (LOC: regions, seas)
    "organisation": frozenset({"ORG"}),
    "country": frozenset({"GPE", "NORP"}),
    "person": frozenset({"PERSON"}),
    # "Which agencies...", "what programmes...": any named thing, or a list of things.
    "entity": frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}),
}
# Kinds answered by a name: a name the question itself gives is no answer to it ("At which venue
# in Tokyo did they meet?" is not answered by "in Tokyo").
NAMED_KINDS = frozenset({"place", "city", "organisation", "country", "person", "entity"})
# Kinds answered by a date (a year, a day, a month).
DATE_KINDS = frozenset({"time", "day", "month", "dated"})

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"

# The noun a "which ..." or "what ..." question asks for, in general English, mapped to a kind.
_HEAD_NOUNS = {
    "organisation": r"compan(?:y|ies)|firms?|corporations?|(?:car ?|auto)?makers?|manufacturers?"
    r"|startups?|businesses|enterprises?|airlines?|carriers?|banks?|universit(?:y|ies)|institutes?"
    r"|agenc(?:y|ies)|ministr(?:y|ies)|organi[sz]ations?|institutions?|bod(?:y|ies)|utilit(?:y|ies)",
    "country": r"countries|country|nations?",
    "city": r"city|cities|towns?",
    "place": r"sites?|locations?|ports?|venues?|states?|provinces?",
}
# What opens a clause's subject: a determiner or a subject pronoun.
_CLAUSE_SUBJECT = r"(?:the|a|an|these|those|its|their|our|they|we|you|he|she|it|i)"
# Up to three words between "which" and the noun, none a verb or preposition ("which Japanese
# reactor makers"; not "what about ships", "which country gave equipment").
_NOT_IN_NOUN_PHRASE = (
    r"(?:about|is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|shall|may|might|must|of|for|in|on|to"
    r"|with|agreed|said|say|gave|give|gives|provided|provides|supplied|supplies|sent|sends|offered"
    r"|received|receives|got|gets|transferred|delivered|handed|donated|built|builds|made|makes"
    r"|sold|sells|bought|buys|used|uses|needs|wants"
    # A noun phrase of up to five words ends before a preposition or a time's determiner: "which
    # agencies from each country", "the traveller figure last year" (not "the last day"); and
    # before a clause with no "that", at its subject: "which bodies the leaders want countries to
    # work through" asks for bodies, not countries.
    r"|from|between|among|at|by|into|than|per|each|every|(?:last|next|this)\s+(?:year|month|week|decade)s?"
    rf"|{_CLAUSE_SUBJECT})"
)
_WORDS_BEFORE_KIND = rf"((?!{_NOT_IN_NOUN_PHRASE}\b)[\w'-]+(?:\.[\w'-]+)*\.?\s+){{0,5}}?"  # "which U.S. city"
_WHICH = rf"\b(which|what|name the|names of( the)?)\s+{_WORDS_BEFORE_KIND}"
# A date set as a goal is a deadline ("target date", "due date"), answered by a year as "by 2025".
_DEADLINE_WORDS = ("target", "due", "deadline", "goal", "cutoff", "cut-off")
_DEADLINE_DATE = rf"(?:{'|'.join(_DEADLINE_WORDS)})\s+dates?"
_NOT_A_DEADLINE = "".join(rf"(?<!\b{word} )" for word in _DEADLINE_WORDS)  # one fixed-width look-behind each
_ANY_HEAD = "|".join(f"(?:{nouns})" for nouns in _HEAD_NOUNS.values())
# The asked-for noun heads its phrase: "which state oil firm" asks for a firm, not a state.
_HEAD_END = rf"(?!\s+(?:(?!{_CLAUSE_SUBJECT}\b)[\w'-]+\s+)?(?:{_ANY_HEAD})\b)"  # not "which cities the airlines serve"
_UNIT = re.compile(
    r"\b(tonnes?|tons?|barrels?|kilomet(?:re|er)s?|km|miles?|hectares?|megawatts?|gigawatts?"
    r"|percent|per cent)\b|%",
    re.IGNORECASE,
)
# Holding a post: "Who will head / leads / chairs ...?"
_POST_VERB = (
    r"(head|heads|headed|heading|lead|leads|leading|chair|chairs|chaired|chairing|direct|directs"
    r"|directing|run|runs|running|manage|manages|managing|oversee|oversees|overseeing|coordinate"
    r"|coordinates|coordinating)\b"
)
_ASKS_IDENTITY = re.compile(
    r"^\W*who\s+(?:is|are|was|were|will be)\s+(?:the|a|an|[\w.-]+['’]s)\s|\bnames?\s+of\s+(?:the|a|an)\b",
    re.IGNORECASE,
)
_A_LEADERS_TITLE = re.compile(
    r"\b(?:prime\s+min\w*|pms?|presidents?|premiers?|leaders?|heads?\s+of\s+(?:state|government)"
    r"|chancellors?|kings?|emperors?|sultans?|monarchs?)\b",
    re.IGNORECASE,
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# A leader named by the country led: "the Leaders of Australia", "Prime Minister of Japan" (not
# "the Leaders of the Group of Seven": a country's name).
_LEADERS_OF = re.compile(
    rf"{_A_LEADERS_TITLE.pattern}\s+of\s+(?:the\s+)?(?-i:([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*))", re.IGNORECASE
)
_LED_BY = re.compile(
    r"\b(?:co-)?(?:led|headed|chaired|directed|run|managed|overseen|coordinated|convened)\s+by\s+(?:the\s+)?[A-Z]"
    # "As co-chairs, along with Ukraine, of the Platform, we ...": who holds the post is the
    # sentence's subject (in a joint statement, often its authors).
    r"|\b[Aa]s\s+(?:the\s+)?(?:co-)?(?:chairs?|chairm[ae]n|chairpersons?|heads?|leads?|directors?|managers?"
    r"|coordinators?)\b(?!\s+of\s+(?:state|government)\b)"
)
_ASKS_POST = re.compile(
    r"^\W*who(?:\s+(?:will be|will|would|shall|is going to|is to|is|are|has been|have been|was|were)\s+"
    r"|['’]s\s+(?:going\s+to\s+)?|['’]ll\s+|\s+)"
    # "Who has been appointed to lead ...?", "Who is expected to head ...?"
    rf"(?:(?:appointed|named|chosen|picked|tapped|selected|designated|expected|due|set)\s+to\s+)?{_POST_VERB}"
    # "Who has been named as India's envoy ...?", "Who was appointed to be ...?": a post's holder.
    r"|^\W*who\s+(?:(?:has|have|had)\s+been|was|were|will\s+be|is|are)\s+"
    r"(?:appointed|named|nominated|chosen|picked|tapped|selected|designated)\s+(?:as|to\s+be)\s+"
    r"(?:(?:the|a|an|its|their|new|first|next)\s+|[\w.-]+['’]s\s+){0,3}(?P<named_post>[\w-]+)"
    # ... or with the post straight after ("Who has been named director of the institute?", "Who
    # was appointed the new envoy to India?"), not a place or time ("Who was named in it?").
    r"|^\W*who\s+(?:(?:has|have|had)\s+been|was|were|will\s+be|is|are)\s+(?:appointed|named|nominated|designated)"
    r"\s+(?:(?:the|a|an|its|their|new|first|next)\s+){0,2}(?!(?:in|by|at|on|for|to|after|before|during|from"
    r"|with|under|this|that|last|yesterday|today)\b)(?P<post_noun>[a-z-]+)\s+(?:of|for|at|to|in\s+charge)\b",
    re.IGNORECASE
)
# "number" heads its phrase: not "which round number birthday" (a round-number birthday, its
# hyphen lost in lower case), where a noun follows it; a function word may ("what number of").
_HEADS = (
    r"(?!\s+(?!(?:of|is|are|was|were|did|do|does|will|would|has|have|had|should|can|could|for|in|on|to"
    r"|that|which|they|we|you|i|he|she|it|the|a|an|and|or)\b)[a-z]+\b)"
)
_EXPECTS = {
    "money": re.compile(
        r"\bhow much (money|funding|finance|financing|aid|cash|investment)\b"
        r"|\bhow much (?:exactly |precisely )?(is|are|was|has|have|had|did|does|will)\b.*\b(lend|lending|spend|spent|pay|paid"
        r"|pledg|contribut|invest|worth|cost|fund|financ|sell|sold)"
        # A figure of money: "the exact dollar amount", "what cash value".
        r"|\b(?:dollar|monetary|cash|financial)\s+(?:amount|value|figure|sum|total)s?\b"
        r"|\b(?:investment|funding|loan|aid|contribution|grant|financing)\s+(?:amount|figure|sum|total|size)s?\b"
        r"|\bin\s+(?:dollars|(?:dollar|monetary|money|cash)\s+terms)\b"  # "how big is it in dollars"
        # Malay cost, price, budget, allocation; Japanese budget, cost, amount, price.
        # (A compound on 額 is an amount of money: 貿易額, the value of trade; 投資額, of investment.)
        r"|\b(?:kos|harga|bajet|belanjawan|peruntukan)\b|予算|費用|[\u4e00-\u9fff]額|価格|値段"
        # French amount, how much money; German how much money, amount, cost.
        r"|\bmontants?\b|\bcombien d['’]argent\b|\bwie ?viel geld\b|\b(?:betrag|kosten)\b"
        r"|\bcu[aá]nto dinero\b"  # Spanish how much money
        r"|\bco[uû]ts?\b|\b(?:costos?|costes?|precios?)\b|\bpreis\b"  # French cost; Spanish cost, price; German price
        # French, Spanish and German "how much will it cost", and how much is paid, invested or
        # spent: "combien coûtera", "cuánto costarán", "¿Cuánto pagará ...?", "wie viel investiert".
        r"|\b(?:combien|cu[aá]nto)\b.*\b(?:co[uû]t(?:e|ent|era|eront|ait|aient|é)|cuest(?:a|an)|cost(?:ará|arán|aría|arían|ó|aron))\b"
        # (Verbs only: "le mécanisme de paiement", "die Zahl" are no sums paid.)
        r"|\bcombien\b.*\b(?:paie(?:ra|ront|nt)?|paye(?:r|ra|ront|nt)?|payée?s?|investi(?:t|ra|ront|ssent|r)?"
        r"|vers(?:e|é|er|era|eront)|dépens(?:e|é|er|era|eront)|financ(?:e|é|er|era|eront))\b"
        r"|\bcu[aá]nto\b.*\b(?:(?:pag|aport|gast|financi)(?:a|an|ar|ará|arán|ó|aron|aría)|invert(?:ir|irá|irán|ió|ieron)|inviert(?:e|en))\b"
        r"|\bwie ?viel\b.*\b(?:kost(?:et|en|ete|eten)|(?:(?:be)?zahl|investier|finanzier)(?:t|en|te|ten)|ausgeben)\b"
        r"|कितने\s+(?:रुपय|डॉलर|पैस)",  # Hindi how many rupees / dollars
        re.IGNORECASE,
    ),
    "number": re.compile(
        # "What's the current trade value", "what tariff rate": the figure may follow its modifiers.
        r"\bhow (many|much)\b|\bwhat(?:'s| is| was| are)? (?:the |their |its )?"
        # "What values do they share?" asks for principles: only "value" in the singular is a figure.
        rf"((?!{_NOT_IN_NOUN_PHRASE}\b)[\w/'’-]+ ){{0,5}}?(value\b|(number{_HEADS}"
        r"|percentage|percent|proportion|fraction|share|amount|figure|sum|total|size|population|rate|toll)s?\b)"
        r"|\b(amount|value|volume|number|size) of\b|\b(?:amount|figure|sum|total)s?\W*$"
        # One currency's rate to another: "what is the crown to florin rate today?"
        r"|\b[a-z]+\s+(?:to|vs\.?|versus|against)\s+(?:the\s+)?[a-z]+\s+(?:exchange\s+)?rates?\b"
        rf"|{_WHICH}(value\b|(tonnage|volume|quantity|amount|number{_HEADS}|total|figure|percentage|share|sum|rate)s?\b)"
        # Not "how large corporations are taxed": before a bare plural noun, "how" asks the manner.
        # ... nor "how big global firms are taxed": a word that qualifies the noun may come first.
        r"|\bhow (large|big|tall|high|far|old)\b(?!\s+(?:(?!(?:is|are|was|were|will|would|do|does|did|has|have|had|the|a|an|this|its|his|their)\b)[a-z]+\s+)?"
        r"(?!(?:is|was|has|does|this|its|his|us|as|thus|less)\b)[a-z]+s\b)"
        # Malay "berapa(kah)"; Japanese 何 and a counter, in kanji or katakana (何人, 何基, 何トン,
        # 何カ国; not 何年, 何故).
        r"|(?<!\btahun )\bberapa(?:kah)?\b|何(?![年月日時故])[\u4e00-\u9fff\u30a1-\u30fa]"
        r"|いくら|いくつ|どのくらい|どれ(?:くらい|ぐらい|ほど|だけ)|何\s*[%％]"
        r"|(?<=[\u4e00-\u9fff\u30a1-\u30fa])数(?:は|を)?\s*[？?]?\s*$"  # 参加国数, 人数: the count of something
        r"|\bcombien\b|\bwie ?viele?\b|\bcu[aá]nt[oa]s?\b"  # French, German, Spanish how many / how much
        r"|कितन[ेाी]",  # Hindi how many / how much
        re.IGNORECASE,
    ),
    "time": re.compile(
        rf"\bwhen\b|{_WHICH}(date|year|month|week|day|deadline|timeline|timetable|schedule|period"
        r"|time ?frame|season)s?\b(?!\s+(?-i:[A-Z][a-z]))"
        r"|\bwhat(?:'s| is| was| are| were) (?:the |their )?" + _WORDS_BEFORE_KIND
        + r"(date|year|month|week|day|deadline|timeline|timetable|schedule|period|time ?frame|season)s?\b"
        # Not inside a name: "What is the 100 Days Mission?"
        r"(?!\s+(?-i:[A-Z][a-z]))"
        # French, Spanish and German "when", "until when" (a date they ask for is looked for in a
        # quoted paragraph's every sentence: see Answerer.refusal_features).
        r"|\bquand\b|\bcu[aá]ndo\b|\bwann\b|\bby when\b|\bbila(kah)?\b|\btahun (?:berapa|bila)(?:kah)?\b|いつ|何年(?!間)|何月|何日(?!間)"
        r"|कब",  # Hindi when
        re.IGNORECASE,
    ),
    # "How long did the summit last?" asks for a duration (or a length), not for any date.
    # "How many years will it run?" counts time: a duration too ("a 10-year framework").
    "span": re.compile(
        r"\bhow long\b|\bhow many (?:years|months|weeks|days|decades|hours)\b"
        r"|\bberapa (?:lama|jam|hari|minggu|bulan|tahun|dekad)\b"  # Malay: how long, how many hours ...
        # "How quickly should vaccines be ready?": within how long; but "how fast did it grow?" asks
        # for a rate.
        r"|\bhow soon\b|\bhow (?:quickly|fast)\b(?!.*\b(?:grow|grows|grew|grown|growing|rise|rises|rose|risen"
        r"|rising|increase|increases|increased|increasing|expand|expands|expanded|expanding|climb|climbed|fall"
        r"|falls|fell|falling|drop|dropped|decline|declines|declined|shrink|shrank)\b)"
        r"|どのくらいの期間|何年間|何日間|何周年|何時間|何週間|何[かヶカケ]月"
        r"|कितन[ेाी]\s+(?:साल|वर्ष|दिन|महीन|हफ़्त|हफ्त|घंट)",  # Hindi how many years, days ...
        re.IGNORECASE,
    ),
    # "On what date(s) ...?" is answered by "May 2", not by "in 2026"; "By what date ...?" asks for a
    # deadline, which "by the end of 2021" gives.
    "day": re.compile(
        r"\b(exact|precise|specific|actual)\s+([\w'-]+\s+)?(days?|dates?)\b"
        r"|(?<!\bby )(?<!\buntil )(?<!\bbefore )\b(what|which) (days?|dates?)\b"
        r"|किस\s+(?:दिन|तारी(?:ख|\u0959))"  # Hindi on which day / date
        # French, Spanish, German on what date, on which day.
        # (Not a deadline: "para qué fecha", "d'ici quelle date", "bis zu welchem Datum".)
        r"|(?<!\bpara )(?<!\bhasta )(?<!\bd'ici )(?<!\bavant )(?<!\bbis zu )(?<!\bbis )"
        r"(?:\b(?:quelle|la)\s+date\b|\bquel\s+jour\b|\bla\s+fecha\b|\bdas\s+datum\b|\bqu[eé]\s+(?:fecha|d[ií]a)\b|\b(?:welchem|welches)\s+(?:datum|tag)\b)",
        re.IGNORECASE
    ),
    # A terse "nisar launch date" or "next dialogue date?" is answered by a month ("in June 2023"),
    # not by a year alone ("its 2024 launch").
    # Not "... by what date?", a deadline ("time" above).
    # And "In which month ...?" is answered by a month, not by a year ("bulan apa", "何月").
    # A target date is a deadline, which a year gives ("by the end of 2022"): "time" above.
    "month": re.compile(
        rf"(?<!\bwhat )(?<!\bwhich ){_NOT_A_DEADLINE}\bdates?\W*$|\b(?:what|which) months?\b|\bbulan (?:apa|berapa|bila)(?:kah)?\b|何月",
        re.IGNORECASE,
    ),
    # "When exactly ...?" is not answered by "at an early date": only by a date that names its
    # year, month or day.
    "dated": re.compile(
        r"\bwhen\s+(exactly|precisely)\b|\b(exactly|precisely)\s+when\b"
        r"|(?:具体的に|正確に)いつ|いつ(?:具体的に|正確に)",  # Japanese "when exactly"
        re.IGNORECASE,
    ),
    # "Who signed the MOC?" asks for the signatory, which only "signed by ..." or "<Name> signed"
    # gives; "Which minister signed...?" too; but "Which agencies signed the MOC?" names agencies.
    "signatory": re.compile(
        # Not "Who did the ministry sign it with?": a "who" that a subject follows asks who the
        # other party is, as "whom" would.
        r"\bwho\b(?!\s+(?:do|does|did|will|would|shall|should|can|could|has|have|had|is|are|was|were)\s+(?!sign)\w)"
        r"(?:(\W+\w+){0,3}?\W+(sign|signs|signed)\b|.*\b(is|are|was|were) signing\b)"
        # The signatories asked for ("Who were the signatories?", "which signatories", a terse
        # "signatories of the MOC?"), not named as who acts ("What do the signatories aim to ...?").
        rf"|{_WHICH}signator(y|ies)\b|\b(?:who|what)(?:['’]s|\s+(?:is|are|was|were))\s+the\s+signator(y|ies)\b"
        r"|^\W*(?:the\s+)?signator(y|ies)\b"
        r"|\bsiapa(kah)?\b.*\bmenandatangani\b|誰が署名|署名したのは誰"
        r"|\bwhich\s+([\w'-]+\s+){0,2}?(ministers?|officials?|persons?|people|representatives?"
        r"|ambassadors?|secretar(y|ies)|envoys?)\b(\W+\w+){0,3}?\W+(sign|signs|signed)\b",
        re.IGNORECASE,
    ),
    "place": re.compile(
        rf"\bwhere\b|{_WHICH}({_HEAD_NOUNS['place']})\b{_HEAD_END}|\bdi mana(kah)?\b|どこ"
        # Malay "which state / town / place"; Japanese "which city / place".
        r"|\b(?:negeri|bandar|tempat|lokasi|kawasan)\s+mana(kah)?\b|どの(?:都市|町|場所|地域)"
        r"|(?:^|[,¿]\s*|\b(?:und|et|y)\s+)(?:wo|où|d[oó]nde)\b"  # German, French, Spanish where (asking)
        r"|कहा[ँं]",  # Hindi where
        re.IGNORECASE,
    ),
    "city": re.compile(
        rf"{_WHICH}({_HEAD_NOUNS['city']})\b{_HEAD_END}|किस\s+शहर"  # Hindi which city
        r"|\bquelle\s+ville\b|\bqu[eé]\s+ciudad\b|\bwelche[rnsm]?\s+stadt\b",  # French, Spanish, German
        re.IGNORECASE,
    ),
    "measure": _UNIT,
    "organisation": re.compile(
        rf"{_WHICH}({_HEAD_NOUNS['organisation']})\b{_HEAD_END}"
        # Malay "which company / agency / university", its noun maybe qualified by a word after it
        # ("syarikat penerbangan manakah": which airline); Japanese "which company / body", "whose
        # firms".
        r"|\b(?:syarikat|agensi|organisasi|universiti|institusi|bank)(?:\s+\w+)?\s+(?:mana|apa)(?:kah)?\b"
        # (A compound's head counts: どの航空会社, "which airline company".)
        r"|どの[\u4e00-\u9fff\u30a1-\u30fa]{0,4}?(?:企業|会社|機関|団体|大学|組織|銀行)|どこの(?:企業|会社|機関|大学)|(?:企業|会社)名"
        r"|किस\s+(?:\S+\s+)?(?:कंपनी|संस्था|संगठन|बैंक|विश्वविद्यालय|फ़ैक्ट्री|फैक्ट्री)"  # Hindi which company, institution ...
        # French, Spanish, German "which company / agency / body / university / bank"
        r"|\bquel(?:le)?s?\s+(?:entreprises?|soci[ée]t[ée]s?|agences?|organisations?|organismes?|universit[ée]s?"
        r"|institutions?|banques?|compagnies?|firmes?)\b"
        r"|\bqu[eé]\s+(?:empresas?|compañ[ií]as?|agencias?|organizaci[oó]n(?:es)?|organismos?|universidad(?:es)?"
        r"|instituci[oó]n(?:es)?|bancos?)\b"
        r"|\bwelche[rnsm]?\s+(?:unternehmen|firmen?|agenturen?|organisationen?|universit[aä]ten?|hochschulen?"
        r"|beh[oö]rden?|institutionen?|banken?|konzerne?)\b",
        re.IGNORECASE,
    ),
    "country": re.compile(
        rf"{_WHICH}({_HEAD_NOUNS['country']})\b{_HEAD_END}|\bwhich of (?:the |them|both )?(?:two )?(?:countries|nations|sides)\b"
        r"|\bnegara(?:\s+\w+)?\s+mana(?:kah)?\b|どの国"  # Malay, Japanese "which country"
        r"|\bquels?\s+pays\b|\bqu[eé]\s+pa[ií]s(?:es)?\b|\bwelche[rnsm]?\s+l[aä]nd(?:er|ern)?\b",  # French, Spanish, German
        re.IGNORECASE,
    ),
    # "Who is the Indian astronaut ...?", "(tell me) who the envoys are": a person's name.
    # "Who is the ...?"; and who holds a post: "Who will head the platform?", "Who chairs it?".
    "person": re.compile(
        # Not when "who" is the object of a later verb or preposition: "Who is the platform meant
        # to connect?", "Who is the fund for?".
        # "Who was Malaysia's foreign minister (at the summit)?": a possessive stands for "the",
        # when the post ends the question or a preposition follows it ("Who is India's body
        # teaming up with?" asks for a partner).
        # "..., and who was the victim?" asks it too.
        r"(?:^\W*|(?:\band|,)\s+)who\s+(?:(?:(?:is|are|was|were|will be)\s+)?(?:the|a|an)\b|(?:is|are|was|were|will be)\s+[\w.-]+['’]s"
        r"(?:\s+[\w-]+){1,3}?(?=\W*$|\s*[,?]|\s+(?:at|in|of|for|during|on|and|to)\b))"
        r"(?!.*\b(?:meant|intended|designed|supposed|aimed|expected|set|built)\s+(?:to|for)\b)"
        # Nor when its preposition is left with no object before another phrase: "Who is the
        # agency partnering with in India?"
        r"(?!.*\b(?:for|to|with|at|by|from|about|on)(?:\W*$|\s+(?:in|on|at|for|during|under|over|across|within|from|by)\s))"
        rf"|{_ASKS_POST.pattern}"
        # Malay "who (which minister) will head / lead / chair ...", Japanese "who leads / chairs".
        r"|\bsiapa(?:kah)?\b.*\b(?:mengetuai|memimpin|mempengerusikan|mengepalai|menerajui)\b"
        r"|誰が(?:率い|議長|主導|指揮|担当)"
        # Malay "Who (is) the ...?", which needs no verb ("Siapakah menteri yang ...?", not
        # "Siapakah yang ...?", who did something); Japanese "X は誰ですか".
        r"|^\W*(?:boleh\s+\w+\s+)?siapa(?:kah)?\s+(?!(?:yang|akan|telah|sudah|mesti|perlu)\b)(?=\w+\s+\w)"
        r"|は誰(?:です|でしょう|だ)",
        re.IGNORECASE,
    ),
    # "Which agencies...", "names of...": the answer names something. Not "which leader" (named
    # in nearly every sentence), "which paragraph" (about the statement itself), nor "which
    # things" or "which (defence) steps", answered by what the statement says rather than by a
    # name: the noun may follow one word that qualifies it.
    "entity": re.compile(
        r"\bwhich\b(?!(?:\s+[\w-]+)?\s+(?:leaders?|paragraphs?|sections?|parts?|one|ones|things?|areas?|steps?|measures?"
        r"|issues?|topics?|aspects?|matters?|points?|actions?|goals?|commitments?|contexts?|ways?|respects?"
        r"|instances?)\b)|\bnames? of\b"
        r"|\bwhat (?:specific|particular)\b",  # "What specific equipment ...?" asks it be named
        re.IGNORECASE,
    ),
}
# "Where do they mention OSA?", "Where does the communiqué touch on China?" or "Where does OSA
# come up?" asks where in the statement, not for a place; "Where do both governments stand
# on...?" for a position, and "Where are ties headed?" or "where it goes from here" for a direction.
_WHERE_NOT_A_PLACE = re.compile(
    r"\bwhere\b.*\b(statement|document|communiqu[eé]|declaration|text|paragraph|touch(es|ed)? (on|upon)"
    r"|mention(ed|s)?|talk(ed|s)?|say|said|discuss(ed|es)?|refer(red|s)?|stand|stands|fit|fits|come in|comes in"
    r"|come up|comes up|came up|crop up|crops up|show up|shows up|appear|appears|appeared|head|heads|headed|heading"
    r"|going(?! to| up)|from here|go next|goes next|end up|ends up|leading|lead to|leads to"
    r"|taking(?! place)"
    # Where a view is put into words: in a speech or a document ("Where was the vision articulated?").
    r"|articulated|outlined|set out|laid out|spelt out|spelled out|stated|expressed|described|explained)\b",
    re.IGNORECASE,
)
# "Did they say when...?" still asks for a time; "Are they settling trade in yen?" asks yes or no.
_YES_NO = re.compile(
    r"^\W*(is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|shall)\b", re.IGNORECASE
)
# A request put to the reader asks for what it names, whatever its verb: "Could you tell me the
# cost?", "Would you kindly indicate the size of ...?", "Would you be able to confirm the date?",
# "Would you kindly advise in which city ...?", "Do you know who ...?": the reader can answer it
# only by telling.
_REQUEST = re.compile(
    r"^\W*(?:please\s+)?(?:could|can|would|will|do|did|may|might)\s+(?:you|u)\s+"
    r"(?:(?:please|pls|kindly|possibly|happen to|be able to)\s+)*"
    r"(?!(?:be|have|say|think|agree|believe|consider|like|want|need|expect|mind)\b)[a-z]+"
    r"(?:\s+(?:me|us)(?:\s+know)?)?[\s,:]*",
    re.IGNORECASE,
)
# A verb of telling or knowing, then the wh-clause it asks for ("say when", "mention how many"),
# or a wh-question joined on ("..., and when?").
_TOLD = re.compile(
    r"\b(?:say|says|said|mention|mentions|mentioned|tell|tells|told|indicate|indicates|indicated"
    r"|specify|specifies|specified|reveal|reveals|revealed|announce|announces|announced|state"
    r"|states|stated|know|knows|disclose|discloses|disclosed|explain|explains|explained|decide"
    r"|decides|decided|confirm|confirms|confirmed|agree on|agreed on|set out|give|gives|gave"
    r"|show|shows|note|notes|noted|and|if so,?)\s+(?:(?:me|us)\s+)?(?:exactly\s+|precisely\s+|roughly\s+)?"
    r"(?P<preposition>(?:in|by|at|on|for|from|to|into|under|with|of|about|until|since)\s+)?"
    r"(?=(?:how|when|where|which|who|what)\b)",
    re.IGNORECASE,
)
# Figures of speech that look like a question for a time or an amount and ask for neither: "When
# it comes to energy, what...?", "How far did they go on chips?", "How much did they say about
# Myanmar?", "How big a role does the swap play?", "How long-standing".
_NOT_ASKING_FOR = re.compile(
    # "when" before a participle opens a clause of circumstance ("... when supplying buses"), even
    # where lower case and no stop hide the sentence that asks.
    r"\bwhen (?:it (?:comes|came) to|(?:[a-z]+ing|asked)\b)"
    r"|\bhow far\b(?!\s+(?:is|are|was|away|from)\b)|\bhow long-"
    r"|\bhow (?:much|big|large|strong|important|serious|significant)\b(?=\s+(?:of\s+)?(?:an?\s+)?(?:emphasis"
    r"|attention|importance|weight|priority|focus|detail|role|deal|part|stress|progress)\b)"
    r"|\bhow much\b(?=(?:\s+[\w'-]+){1,4}?\s+(?:say|said|talk|talked|discuss|discussed|mention|mentioned"
    r"|write|wrote|emphasi[sz]e|stress|focus)\b(?!.*\b(?:give|gave|contribut|pledg|fund|lend|invest|spend"
    r"|provid|commit)))",
    re.IGNORECASE,
)
# "Who were the two groups that signed ...?", "Who are the agencies involved?": which ones, by a noun
# for a kind of thing that is no person (an organisation, a country, a place, a group of them).
_WHO_BUT_NO_PERSON = re.compile(
    r"\bwho\s+(?:is|are|was|were|will\s+be)\s+the\s+"
    # The noun may follow two words that qualify it, but not a post's "of": "the head of agency".
    rf"(?=(?:(?!(?:of|for|at|in|on|with)\b)[\w-]+\s+){{0,2}}?(?:{_ANY_HEAD}"
    r"|groups?|alliances?|coalitions?|consortia|consortiums?)\b)",
    re.IGNORECASE,
)
# "How many areas of cooperation are mentioned?" is answered by the list, which the reader counts.
_COUNTED = re.compile(
    r"\bhow many\b(?=.*\b(?:mentioned|named|listed|cited|covered|referred to|identified|included)\b)",
    re.IGNORECASE,
)
# "Did they set a date or venue for ...?", "Is there a budget?": a yes/no question whose answer,
# if yes, is a date, a figure or a place. The nouns, mapped to a kind.
_KIND_NOUNS = {
    "time": r"dates?|deadlines?|timelines?|time ?frames?|timetables?|schedules?|periods?",
    "money": r"budgets?|costs?|price(?:s|\s+tag)?",
    "number": r"figures?|numbers?|amounts?|totals?|sums?|quotas?",
    "place": r"venues?|locations?",
}
_TO_EXIST = re.compile(
    r"\b(?:is|are|was|were) there|\b(?:set|sets|fix|fixes|fixed|give|gives|gave|given|name|names|named"
    r"|announce|announces|announced|mention|mentions|mentioned|specify|specifies|specified|reveal"
    r"|reveals|revealed|state|states|stated|disclose|discloses|disclosed|agree on|agreed on|put|puts"
    r"|provide|provides|provided|include|includes|included|have|has|had|attach|attached|offer|offers"
    r"|offered|commit to|committed to)\b",
    re.IGNORECASE,
)
_EXISTING = {
    kind: re.compile(
        rf"(?:{_TO_EXIST.pattern})\s+(?:an?|any|the|some|their|its|specific|exact|concrete|firm|clear)?\s*"
        rf"(?:[\w'-]+\s+){{0,2}}?(?:[\w'-]+\s+or\s+)?(?:{nouns})\b",
        re.IGNORECASE,
    )
    for kind, nouns in _KIND_NOUNS.items()
}


def _asked_to_exist(asked: str) -> tuple[str, ...]:
    """The kind a yes/no question asks whether the statement gives ("Is there a deadline?"). One
    at most: "Did they fix a date or venue?" is answered yes by either. Not a noun that only
    qualifies the next one: "Is there a big round number birthday coming up?" asks after an
    anniversary, not a figure."""
    return next(
        ((kind,) for kind, pattern in _EXISTING.items()
         if any(not _QUALIFIES_NEXT.match(asked, m.end()) for m in pattern.finditer(asked))),
        (),
    )


_WH = re.compile(r"\b(?:what|which|who|whom|whose|how|where|why)\b", re.IGNORECASE)
_JOINED_ON = re.compile(r"(?:\band|\bor|,)\s+(?:(?:since|by|until|till|from)\s+)?$", re.IGNORECASE)


_INVERTED = re.compile(
    r"\s+(?:will|would|is|are|was|were|do|does|did|can|could|should|shall|has|have|had|may|might)\s+"
    r"(?:(?:the|a|an|this|that|these|those|its|their|our|they|we|it|he|she|you)\b|[A-Z])",
)


# A preposition and "which" (or "whom") after a noun open a relative clause: "the programme under
# which universities research ...", "the body with whom they signed". Not "of which": "the leaders
# of which countries" still asks which countries.
_RELATIVE_WHICH = re.compile(
    r"(?<=[\w'’)]\s)(?P<preposition>(?:under|through|by|in|on|at|for|with|from|to|into|via|during|within"
    r"|upon|between|among|across|towards?|against)\s+)(?:which|whom)\b",
    re.IGNORECASE,
)
_JOINING = frozenset({"and", "or", "but", "then", "also", "exactly", "precisely", "just"})


@functools.lru_cache(maxsize=1024)  # holds() reads it for every sentence it looks at
def _without_relative_which(asked: str) -> str:
    """``asked`` with the "which" of a relative clause, in a question already asked by another
    wh-word, read as "that": "What's the name of the programme under which Japanese and Malaysian
    universities research ...?" asks for a name, not which universities. One opening the question
    ("In which city ...?") or joined on ("..., and in which city?") still asks.

    >>> _without_relative_which("What's the name of the scheme under which universities do research?")
    "What's the name of the scheme under that universities do research?"
    """
    for m in reversed(list(_RELATIVE_WHICH.finditer(asked))):
        before = asked[: m.start()]
        words = re.findall(r"[\w'’]+", before)  # (none where a bracket comes first: ") in which")
        if words and words[-1].lower() not in _JOINING and _WH.search(before):
            asked = before + m.group("preposition") + "that" + asked[m.end() :]
    return asked


def _without_subordinate_when_or_where(asked: str) -> str:
    """``asked`` without a "when" or "where" that opens a clause of a question already asked by
    another wh-word ("Which straits does it mention when it talks about shipping?", "What is the
    name of the programme where they study farming?"); one joined on ("..., and by when?") still
    asks."""
    for m in reversed(list(re.finditer(r"\b(?:when|where)\b", asked, re.IGNORECASE))):
        before = asked[: m.start()]
        # "... origins study when will the experts arrive": a verb put before its subject asks
        # again, as no clause's "when" does; and "the WHO's study" holds no wh-word.
        if _INVERTED.match(asked, m.end()):
            continue
        asked_before = any(not w.group(0).isupper() or asked.isupper() for w in _WH.finditer(before))
        if asked_before and not _JOINED_ON.search(before):
            # "that", not nothing: the clause still ends the noun before it (_kinds_of_nouns).
            asked = before + "that" + asked[m.end() :]
    return asked


# A sentence that asks ends in "?"; "2.0" and "U.S. universities" end no sentence (a dot after one
# letter is an initial's).
# (An initialism's points end no sentence: "U.S.", and Spanish "EE. UU." written with a space.)
_ASKING = re.compile(r"(?:[^.!?]|[.!](?=\S)|(?<=\b[A-Za-z])\.|(?<=\b[A-Z]{2})\.(?=\s[A-Z]{2}\.)|(?<=\b[A-Z]{2}\.\s[A-Z]{2})\.)*\?")


def expected_answer_types(question: str) -> tuple[str, ...]:
    """What the question asks for, if that specific: any of "money", "number", "time", "day",
    "month", "dated", "span" (a duration or length), "signatory", "place", "city", "measure", "organisation",
    "country", "person", or any "entity" ("When and where..." asks for two). "money" implies "number" and
    "day" implies "time", so they stand alone ("month" and "dated" too); a named kind makes "entity"
    redundant. A message of several questions asks for what each of them asks ("Has a site been
    picked? Which state?" asks for a place).
    """
    question = _REQUEST.sub("", question, count=1)  # "Could you tell me the cost?" asks for it
    asking = list(_ASKING.finditer(question))
    sentences = [m.group(0).strip() for m in asking] or [question]
    # What follows the last question adds to it ("When is it launching? Exact date pls").
    if asking and question[asking[-1].end() :].strip():
        sentences.append(question[asking[-1].end() :].strip())
    kinds = tuple(dict.fromkeys(kind for sentence in sentences for kind in _asked_in(sentence)))
    if "money" in kinds or "span" in kinds:  # "berapa lama" is "how much time"
        kinds = tuple(k for k in kinds if k != "number")
    if "organisation" in kinds:  # "Who signed the MOC? Which two agencies?": the agencies answer
        kinds = tuple(k for k in kinds if k != "signatory")
    if "day" in kinds:
        kinds = tuple(k for k in kinds if k not in ("time", "dated", "month"))
    elif "month" in kinds:
        kinds = tuple(k for k in kinds if k not in ("time", "dated"))
    elif "dated" in kinds:
        kinds = tuple(k for k in kinds if k != "time")
    if kinds and kinds != ("entity",):
        kinds = tuple(k for k in kinds if k != "entity")
    return kinds


def _asked_in(sentence: str) -> tuple[str, ...]:
    """:func:`_asked_for`, but no place where the sentence's "where" asks where in the statement or
    which way: only its own verb counts ("Has a site been picked? Which state is it going in?"
    asks for a place)."""
    kinds = _asked_for(sentence)
    if _WHERE_NOT_A_PLACE.search(sentence):
        return tuple(k for k in kinds if k not in ("place", "city"))
    return kinds


def _asked_for(asked: str) -> tuple[str, ...]:
    """The kinds one asking sentence asks for, before the rules between kinds."""
    if _YES_NO.search(asked):
        # A yes/no question asks for a kind only through a clause it asks to be told ("Did they
        # say when ...?"); a wh-word elsewhere asks nothing ("Do they pay in yen when trading?",
        # "Is there a cap on how much ...?"), or through the kind of thing it asks whether there
        # is ("Did they set a date for ...?").
        told = _TOLD.search(asked)
        if told is None:
            return _asked_to_exist(asked)
        # The clause told, with its preposition: "by what date" asks for a deadline.
        asked = asked[told.start("preposition") if told.group("preposition") else told.end() :]
    asked = _without_subordinate_when_or_where(_without_relative_which(asked))
    asked = _COUNTED.sub("which", _NOT_ASKING_FOR.sub(" ", asked))
    asked = _COUNTED_PERIOD.sub(" ", _WHO_BUT_NO_PERSON.sub("which ", asked))
    kinds = tuple(kind for kind, pattern in _EXPECTS.items() if pattern.search(asked))
    if "money" not in kinds and _asks_money_word(asked):
        kinds = ("money", *kinds)
    # "By how much will the pledges cut emissions?" asks the size of a change, which a share, a
    # multiple or an amount gives: a figure, not only money ("pledges" is no verb of paying here).
    if "money" in kinds and _BY_HOW_MUCH.search(asked):
        kinds = tuple(dict.fromkeys("number" if k == "money" else k for k in kinds))
    if not kinds and not _ANY_WH.search(asked):
        kinds = _fragment_kinds(asked)
    if "number" in kinds and "money" not in kinds and (_ASKS_RATE.search(asked) or _ASKS_PART.search(asked)):
        kinds = tuple("measure" if k == "number" else k for k in kinds if k != "measure")
    # "Which Indian astronaut ...?" asks for a person, where no other kind of name (nor who
    # signed) is asked for: "Which city hosts ...?" is not.
    named = (NAMED_KINDS - {"entity"}) | {"signatory"}
    # So does "Which EU leaders ...?": a leader's title is a person's, though "leader" may name a firm.
    if not any(kind in named for kind in kinds) and (
        any(noun_kind(h) == "person" for h in _which_heads(asked)) or _asks_which_leaders(asked)
    ):
        kinds = (*kinds, "person")
    return kinds + _kinds_of_nouns(asked)


_BY_HOW_MUCH = re.compile(r"\bby\s+how\s+much\b", re.IGNORECASE)
# The size of a change asked, in English, French, German or Spanish ("de combien", "um wie viel",
# "en cuánto"): a multiple answers it as a figure does.
_ASKS_CHANGE = re.compile(
    r"\bby\s+how\s+much\b|\bde\s+combien\b|\bum\s+wie\s*viel\b|\ben\s+cu[aá]nto\b", re.IGNORECASE
)
# English multiplicatives and what they multiply, up to a clause's end: "will double EU support to
# the Fulbright-Schuman programme", "a threefold rise in ...", "halve".
_MULTIPLE = re.compile(
    r"\b(?:(?:doubl|tripl|quadrupl)(?:e|es|ed|ing)|halv(?:e|es|ed|ing)|(?:two|three|four|five|ten|\d+)-?fold)\b[^,;.]*",
    re.IGNORECASE,
)


def _multiplies_the_asked(question: str, sentence: str, facts: StatementFacts) -> bool:
    """Whether ``sentence`` multiplies what ``question`` asks the change of: a multiple of a thing
    the question names, in a sentence that names every country it does ("By how much will the EU
    raise its Erasmus+ funding?" is not answered by "... and will double EU support to the
    Fulbright-Schuman programme", nor "By how much will the United States raise it?" by the EU's
    own doubling)."""
    if {c.names[0] for c in countries_in(question)} - {c.names[0] for c in countries_in(sentence)}:
        return False
    names = named_things(question, facts)
    return any(_names_any(m.group(0), names) for m in _MULTIPLE.finditer(sentence))


# A rate asked for ("What tariff rate ...?", "the eur/usd rate today?") is a ratio: a percentage or
# a count per unit, not any figure near the topic ("80 million kelp farmers"). Not "How did they rate
# it?", a verb.
_ASKS_RATE = re.compile(
    r"(?:\b(?:which|what|the|a|an|its|their)\b(?:['’]s)?\s+(?:[\w/'’-]+\s+){0,4}?|^\W*(?:[\w/'’-]+\s+){0,6}?)"
    r"rates?\b(?!\s+(?:quotas?|hikes?|cuts?)\b)",
    re.IGNORECASE,
)


# A part of a whole asked for ("what percentage of ...", "what proportion", "what share of the
# world", "what % of"): a percentage or a fraction answers it, not a count near the topic ("over
# two billion doses" for "what share of people must be vaccinated?"). A share of money ("Japan's
# share of the cost") asks for money, which keeps it a figure of money.
_ASKS_PART = re.compile(
    r"\b(?:percent(?:age)?s?|per\s?cent|proportion|fraction)\b|\bshare\s+of\b|\b(?:what|which|many)\s+%"
    # "How much of their own land ...?", "how much of the world's population": a part of a whole;
    # not "how much of the $100 billion" (a figure the question gives), "how much of that" (an
    # amount said before), nor "how much of the money".
    r"|\bhow\s+much\s+of\s+(?!(?:(?:the|their|its|our|his|her|a|an)\s+)?(?:that|it|this|them|those|these|up\s+to"
    r"|over|about|around|nearly|almost|some|roughly|[$€£¥]?\d+|money|funds?|funding|budget|cash|finance|financing)\b)"
    r"|\bperatus(?:an)?\b|何\s*[%％]|何パーセント|割合|प्रतिशत",
    re.IGNORECASE,
)


# _WH leaves "when" to _without_subordinate_when_or_where.
_ANY_WH = re.compile(rf"{_WH.pattern}|\bwhen\b", re.IGNORECASE)


# "the cost", "its price": in lower case, or first ("the Budget announcement" is a name).
# A currency sign asked about, not a figure's ("total $ value?", "how much $$"), is one too.
_MONEY_WORD = re.compile(
    r"(?-i:\b(?:prices?|costs?|budgets?|worth)\b|^\W*(?:Prices?|Costs?|Budgets?|Worth)\b)"
    r"|(?<![\w$€£¥])[$€£¥]+(?!\s*\d)"
)
_AUXILIARY = r"(?:is|are|was|were|do|does|did|will|would|can|could|has|have|had|shall|should|may|might)"
# The wh-phrase: the wh-word, a copula right after it, then up to three words that are no verb's.
_WH_BEFORE = re.compile(
    rf"(?:{_ANY_WH.pattern}|\bwhats\b)(?:\s*['’]s|\s+{_AUXILIARY})?\W+(?:(?!{_AUXILIARY}\b)[\w'’-]+\W+){{0,3}}$",
    re.IGNORECASE,
)
_WHAT_IT_COSTS = re.compile(  # "What will the six aircraft cost India?", "how much the tickets cost"
    r"\b(?:what\s+(?:do|does|did|will|would|could|might|is|are|was|were)|how\s+much)\b.*\b(?:cost|worth)\b",
    re.IGNORECASE,
)


def _asks_money_word(asked: str) -> bool:
    """Whether a money word is what is asked: in a question without a wh-word ("Cost of the
    plant?"), within the wh-phrase ("What was the estimated cost ...?"), or as the verb of a
    "what" or "how much" question ("What will it cost?"). Elsewhere it is what the
    question is about ("Which acts did the budget announcement propose to amend?")."""
    return _WHAT_IT_COSTS.search(asked) is not None or any(
        not _ANY_WH.search(asked) or _WH_BEFORE.search(asked[: m.start()])
        for m in _MONEY_WORD.finditer(asked)
    )


# A question typed as a noun phrase or a request names what it wants: "next dialogue - date and
# venue?", "final seat count for the coalition?", "Please advise the contract duration." The
# nouns, mapped to a kind, where they end their phrase (not "date palm", "count on").
_FRAGMENT_NOUNS = {
    "month": rf"{_NOT_A_DEADLINE}dates?",  # a terse "date" is answered by a month, as "launch date" is (_EXPECTS)
    "time": rf"deadlines?|timelines?|time ?frames?|timetables?|schedules?|{_DEADLINE_DATE}",
    "span": r"durations?",
    "number": r"figures?|numbers?|amounts?|totals?|sums?|quotas?|counts?|tally|volumes?|quantit(?:y|ies)|tonnage"
    r"|rates?|size|value",
    "place": r"venues?|locations?",
}
# A word of the moment may close the phrase too: "crown to shell rate today?", "seat count now".
_PHRASE_ENDS = (
    r"(?=\s*(?:$|[?.!,;:()—–]|\s-\s|\s+(?:and|or|for|of|in|at|on|to|from|with|under|between|please|pls|plz"
    r"|today|now|right now|currently|tomorrow|roughly|approximately|approx"
    # ... and a participle saying whether the statement gives it: "any number given?", "date set?".
    r"|given|mentioned|named|stated|specified|set|announced|disclosed|provided|listed)\b))"
)
# A noun followed by another word of its phrase ("number birthday", "date palm"), not by a word
# that ends it (_PHRASE_ENDS) or starts a clause ("a date when", "a figure that", "a deadline yet").
_QUALIFIES_NEXT = re.compile(
    rf"(?!{_PHRASE_ENDS})\s+(?!(?:when|that|which|by|yet|the|a|an|it|they|this|those|these"
    r"|there|here|so|too|as|if|is|are|was|were|will|would|can|could|did|does|do|has|have|had)\b)[a-z][\w-]*\b",
)
_FRAGMENT = {
    kind: re.compile(rf"\b(?:{nouns})\b{_PHRASE_ENDS}", re.IGNORECASE) for kind, nouns in _FRAGMENT_NOUNS.items()
}


# ... or opens on the word for a sum: "total japanese FDI into malaysia in 2025?"
_A_TOTAL = re.compile(r"^\W*(?:the\s+)?(?:total|combined|aggregate|cumulative)\s+[a-z]", re.IGNORECASE)


def _fragment_kinds(asked: str) -> tuple[str, ...]:
    """The kinds a question without a wh-word names ("seat count for the coalition?")."""
    kinds = tuple(kind for kind, pattern in _FRAGMENT.items() if pattern.search(asked))
    return kinds if kinds or not _A_TOTAL.search(asked) else ("number",)


# "the name of the first astronaut going to ...", or "who's the first astronaut going to ...": the
# words of the thing named, up to a word that starts a clause or a phrase after it.
_NAME_OF = re.compile(
    r"(?:\bnames?\s+of|^\W*who['’]?s)\s+(?:the|a|an|this|that|its|their)\s+((?:[\w'’-]+\s*){1,5})", re.IGNORECASE
)
# Where the thing named ends: a clause or phrase begins, or a relative clause without its "that"
# does, at its subject ("the framework the leaders plan to sign", "the one they kicked off").
_CLAUSE = re.compile(
    r"(?:(?:who|that|which)(?:['’](?:s|ll|d|re|ve))?|whom|whose|to|in|on|at|for|from|with|of|by|under|is|are|was|were|will|would"
    rf"|where|when|why|how|has|have|had|did|does|do|and|or|\w+ing|\w+ed|{_CLAUSE_SUBJECT})",
    re.IGNORECASE,
)
_HOW_MANY = re.compile(r"\bhow many\s+([\w'’-]+)(?:\s+([\w'’-]+))?", re.IGNORECASE)


def _named_phrases(asked: str) -> Iterator[list[str]]:
    """The words of each thing ``asked`` wants the name of (see ``_NAME_OF``)."""
    for m in _NAME_OF.finditer(asked):
        words = []
        for word in m.group(1).split():
            if _CLAUSE.fullmatch(word):
                break
            words.append(word)
        yield words


def _kinds_of_nouns(asked: str) -> tuple[str, ...]:
    """The kinds that follow from the noun asked about: the name of a person ("What is the name of
    the astronaut?"), or a count of a unit of money ("Exactly how many dollars ...?")."""
    kinds: list[str] = []
    for words in _named_phrases(asked):
        heads = [w for w in words if w.islower()]  # the thing is a common noun, not a name
        if heads and noun_kind(heads[-1]) in ("person", "agent"):
            kinds.append("person")
    for m in _HOW_MANY.finditer(asked):
        if any(w and noun_kind(w) == "money" for w in m.groups()):
            kinds.append("money")
    # German, French, Spanish "what is the ... called": a name; a person's, for a noun English
    # shares ("Wie heißt der indische Astronaut ...?").
    for m in _CALLED_OTHER.finditer(asked):
        kinds.append("person" if any(noun_kind(w) in ("person", "agent") for w in m.group(1).split()) else "entity")
    return tuple(kinds)


_DETERMINER_BEFORE = re.compile(r"\b(?:the|our|their|these|those|its|his|her|both|all)\s+$", re.IGNORECASE)


def _counts_things(question: str) -> bool:
    """Whether ``question`` asks how many of a thing that is no money ("How many jobs ...?"; not
    "How many dollars ...?", "How many billion ...?" nor "How many of the $2 billion ...?")."""
    for m in _HOW_MANY.finditer(question):
        words = [w.lower() for w in m.groups() if w]
        if words[0] in ("of", "more", "in", "at", "per") or words[0] in CARDINALS or words[0] in _SCALE_WORDS:
            continue
        if not any(noun_kind(w) == "money" for w in words):
            return True
    # Spanish, French and German "how many" count things too ("¿Cuántos empleos creará ...?"),
    # but for sums of money, asked by their currency or scale ("¿Cuántos millones de dólares ...?").
    return any(
        m["word"].lower() not in _MONEY_WORDS_OTHER and m["word"].lower() not in _COUNTED_OF
        for m in _HOW_MANY_OTHER.finditer(question)
    )


_HOW_MANY_OTHER = re.compile(r"\b(?:cuánt[oa]s|combien\s+d(?:e\s+|['’])|wie\s+viele)\s*(?P<word>[^\W\d_][\w'’-]*)", re.IGNORECASE)
# Words for money, its currencies and its scales after those: a sum, not a count of things.
_MONEY_WORDS_OTHER = frozenset(
    """dinero dólares euros yenes rupias libras mil miles millones millón billones argent dollars yens roupies
    livres milliers millions milliards geld dollar euro yen rupien pfund tausend millionen milliarden""".split()
)
# (and "wie viele von ...", "combien d'entre ...": a part of a whole, as English "how many of")
_COUNTED_OF = frozenset({"de", "del", "von", "der", "entre"})


_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "millions", "billion", "billions", "trillion", "trillions"})


_CALLED_OTHER = re.compile(
    r"\b(?:wie\s+hei(?:ß|ss)(?:t|en)|comment\s+s['’]appellen?t?|c[oó]mo\s+se\s+llama(?:n)?)\s+"
    r"(?:der|die|das|den|le|la|les|l['’]|el|los|las)\s*((?:[^\W\d_]+\s*){1,3})",
    re.IGNORECASE,
)


# "Which Malaysian ministers accompanied ...?": the noun phrase after "which" ends before a
# function word, a verb in "-ed" (or a common past form), an adverb in "-ly", or the end; not
# before "and" or "or", which join the words that qualify its noun ("Malaysian and Japanese"), nor
# before a word in "-ing", as often a noun ("which partner grouping") as a verb.
_ENDS_NOUN_PHRASE = re.compile(r"[a-z'’]+(?:ed|ly)|got|get|gets|went|came|met|sat|flew|made|took", re.IGNORECASE)
_JOINS_WORDS = frozenset({"and", "or", "&", "/"})


def _which_heads(asked: str) -> list[str]:
    """The nouns "which ..." or "what ..." phrases end on, in lower case: "ministers" of "Which
    Malaysian ministers accompanied him?"; not "terrorist" of "which terrorist groups", whose
    phrase goes on, nor "Malaysian" of "which Malaysian and Japanese carmakers"."""
    heads = []
    for m in re.finditer(r"\b(?:which|what)\s+", asked, re.IGNORECASE):
        # One word past the six looked at: the sixth ends the phrase only where the seventh does
        # not go on with it ("which g7 engagement groups business 7 youth 7 etc", typed without
        # brackets, asks for groups, not for youth).
        words = re.findall(r"[\w'’-]+|[^\w\s]", asked[m.end() :])[:7]
        for i, word in enumerate(words[:6]):
            if word.lower() in _JOINS_WORDS:
                continue
            if not word[:1].isalnum() or is_stopword(word.lower()):
                break
            after = words[i + 1] if i + 1 < len(words) else ""
            if after.lower() in _JOINS_WORDS:
                continue
            if not after[:1].isalnum() or is_stopword(after.lower()) or _ENDS_NOUN_PHRASE.fullmatch(after):
                # A nationality ("which Japanese are ...") is no noun for a post or role; a short
                # word is often cut from a longer one ("doc" for a document, not a doctor).
                if (word.islower() or word[1:].islower()) and len(word.removesuffix("s")) > 3 and not is_country_word(word.lower()):
                    heads.append(word.lower())
                break
    return heads


def _asked_heads(question: str) -> list[str]:
    """The nouns for what a question asks be named: "weapon" of "Which chemical weapon ...?",
    "journalist" of "name of the journalist ...?"."""
    heads = list(_which_heads(question))  # (a copy: that list is cached)
    for words in _named_phrases(question):
        heads.extend(w for w in words if w.islower())
    return heads


def _mentions_unnamed(sentence: str, heads: Sequence[str]) -> bool:
    """Whether ``sentence`` speaks of what is asked for (``heads``, see :func:`_asked_heads`) only
    as one it does not name: "the use of a chemical weapon", "the arrest of an independent
    journalist"; not "a chemical weapon, Novichok," nor "the journalist", nor "the weapons X and Y"."""
    unnamed = False
    for head in heads:
        for m in re.finditer(rf"\b{re.escape(head.removesuffix('s'))}s?\b", sentence, re.IGNORECASE):
            indefinite = re.search(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}$", sentence[max(0, m.start() - 40) : m.start()], re.IGNORECASE)
            named_after = re.match(r",?\s*(?:[(\"“‘]|(?:called|named|known\s+as)\b|(?-i:[A-Z]))", sentence[m.end() :], re.IGNORECASE)
            if not indefinite or named_after or m.group(0)[:1].isupper():
                return False  # (a capital: part of a name, "a Memorandum of Cooperation")
            unnamed = True
    return unnamed


@dataclass(frozen=True)
class StatementFacts:
    """What the answer checks need to know of the statement itself, read from its own text."""

    year: int | None  # the statement's date: "the next ..." looks past it, "last year" is before it
    common_names: frozenset[str]  # lower-cased names in most paragraphs (the parties, the leaders)
    # Lower-cased words of the places and nationalities the statement's tags name ("american",
    # "india"): where a thing is, not the thing an amount is for.
    place_words: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()  # every lower-cased word of the statement
    # The acronyms it defines, to their long forms ("LIT": "Lemurian Institute of Technology").
    long_forms: Mapping[str, str] = field(default_factory=dict, hash=False)
    # Its leaders, the people its first passage names, each as the lower-cased words of their
    # fullest name ({"donald", "trump"}, {"modi"}).
    leaders: tuple[frozenset[str], ...] = ()


# French, Spanish and German words for a time or a period ("año", "fois", "Jahren"): "cada año" is
# a rate, "le mois prochain" a time, neither a share nor a thing still to come.
_PERIODS_OTHER = r"(?:año|mes|semana|día|vez|année|an|mois|semaine|jour|fois|jahr|monat|woche|tag|mal)(?:e?s|en)?\b"
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_FIGURE = re.compile(r"\b\d[\d,.]*\d\b")
# "When is the next summit?" is not answered by the date of this one: only a sentence that looks
# ahead can say when something still to come happens. Not "next year", which names a time itself.
_THE_NEXT = re.compile(
    r"\b(the|their|a) next (?!(?:year|month|week|spring|summer|autumn|fall|winter|level|time)\b)"
    r"|\b(seterusnya|berikutnya|akan datang)\b|次回|次の"
    # French, Spanish, German: "le prochain sommet", "la próxima cumbre", "der nächste Gipfel"
    rf"|\b(?:(?:le|la|les|du|des|au|aux)\s+prochaine?s?|(?:el|la|los|las|del|al)\s+próxim[oa]s?"
    rf"|(?:der|die|das|den|dem|des)\s+nächste[nmrs]?)\s+(?!{_PERIODS_OTHER})",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(will|expected|due|scheduled|planned|upcoming)\b"
    r"|\b(akan|dijangka|dijadualkan|dirancang)\b|予定|見込み|見通し",  # Malay, Japanese
    re.IGNORECASE,
)
_BY_WHEN = re.compile(r"\b(?:by|until|till)\s+when\b", re.IGNORECASE)
_ASKED_IN_PAST = re.compile(
    r"\b(?:when|(?:what|which) (?:date|year|month|day)s?)\s+(?:did|was|were|had)\b", re.IGNORECASE
)
_AHEAD = re.compile(
    r"\b(next|will|would|shall|to be held|early date|upcoming|forthcoming|future|intend|intention|plan to"
    r"|plans? for|planned|soon|expected|look(?:s|ed|ing)? forward|aim(?:s|ing)? to)\b",
    re.IGNORECASE,
)
# "Which years ...?", "In what year ...?", "何年に", "tahun berapa": a year.
_ASKS_YEAR = re.compile(r"\b(?:which|what)\s+years?\b|何年(?!間)|\btahun\s+(?:berapa|bila|apa)(?:kah)?\b", re.IGNORECASE)
_RELATIVE_YEAR = {"last year": -1, "past year": -1, "previous year": -1, "this year": 0, "next year": 1}
# "USD 20 million" is money; "ABC 2.0" or "(ABC) 2.0" is a version, not a count.
_VERSION = re.compile(r"(?:\b[A-Z]{2,}\)?|\bversion)\s+\d+\.\d\b")
_SIGNED = re.compile(r"\bsigned by\b|\b[A-Z][a-z]+ (signed|will sign)\b")
_NAMES_WHEN = re.compile(rf"\d|{_MONTH}", re.IGNORECASE)
_DAY = re.compile(rf"\b\d{{1,2}} {_MONTH}|{_MONTH} \d{{1,2}}\b")
# Number words that give a count ("five", "twenty"), not "several" or "multi-".
_COUNT_WORDS = "|".join([*(w for w in CARDINALS if w != "zero"), "hundred"])
# A count of days or years that qualifies the noun after it names a thing, not a time asked for:
# "what is the 100 days mission", "which five year plan", typed in lower case (a capital, "the 100
# Days Mission", already tells a name).
_COUNTED_PERIOD = re.compile(
    rf"\b(?:\d[\d,.]*|{_COUNT_WORDS})\s+(?:day|week|month|year|decade)s?\b(?={_QUALIFIES_NEXT.pattern})",
    re.IGNORECASE,
)
_DURATION = re.compile(
    rf"\b(?:\d[\d,.]*|an?|{_COUNT_WORDS}|several|many|few|some)[\s-]+(?:[\w-]+\s+)?"
    r"(?:second|minute|hour|day|week|month|year|decade|centur(?:y|ie))s?\b",
    re.IGNORECASE,
)
# A stretch of time given by its ends: "from 19 March to 26 September", "between 2024 and 2026".
_RANGE_OPENS = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
# The tagger may leave the closing day out of its date ("to 26 [September 2027]").
_RANGE_CLOSES = re.compile(r"^\s+(?:to|until|till|through|and)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?$", re.IGNORECASE)


def _date_range(sentence: str, entities: Sequence[Entity]) -> bool:
    """Whether ``sentence`` gives a stretch of time by two dates its ``entities`` tag."""
    dates = [e for e in entities if e.label == "DATE"]
    return any(
        _RANGE_OPENS.search(sentence[: a.start]) and _RANGE_CLOSES.match(sentence[a.end : b.start])
        for a, b in zip(dates, dates[1:])
    )


_ANNIVERSARY = re.compile(r"\s+anniversar(?:y|ies)\b", re.IGNORECASE)
_ASKS_ANNIVERSARY = re.compile(r"\banniversar(?:y|ies)\b|\bulang\s+tahun\b|周年", re.IGNORECASE)


def _anniversary(sentence: str, entities: Sequence[Entity]) -> bool:
    """Whether ``sentence`` counts years as an anniversary ("the 70th anniversary")."""
    return any(e.label == "ORDINAL" and _ANNIVERSARY.match(sentence, e.end) for e in entities)


_HOW_LONG_SINCE = re.compile(r"\bhow (?:long|many (?:years|decades|months|weeks|days)) (?:has|have|had)\b", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
_LATELY = re.compile(r"\b(?:for|over|during) the (?:past|last)\b", re.IGNORECASE)
# "What is the exact (or actual) dollar value ...?" or "the dollar figure" asks for a figure, as "When
# exactly ...?" asks for a date: "a multi-billion investment" or "several" answers "how much"
# only loosely, and not that.
_PRECISELY = re.compile(
    r"\b(?:exact|exactly|actual|precise|precisely|specific|figures?)\b|\btepat\b|\bsebenar(?:nya)?\b|正確|具体的"
    # French and German: exact(ly), precise(ly), the figure.
    r"|\b(?:exacte?s?|exactement|pr[ée]cis(?:e|es|ément)?|chiffres?|genau(?:e[nrs]?)?|exakte?[nrs]?|konkrete?[nrs]?|zahl(?:en)?)\b",
    re.IGNORECASE,
)
_A_COUNT = re.compile(rf"\d|\b(?:{_COUNT_WORDS})\b", re.IGNORECASE)
# "... to be hosted in India", "the next summit, hosted by India": where a thing happens, even in
# one of the parties.
_HELD_IN = re.compile(
    r"\b(?:(?:held|hosted|hold|host|located|based|convened|place|opened|open|stationed|built|set up"
    r"|established|headquartered)\s+(?:in|at)|hosted\s+by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Where a sentence sets its scene, before its subject: "On 10 June, in <city>, the leaders held ...".
_SCENE_IN = re.compile(r"^\W*(?:(?:on|at|in)\s[^,]{1,40}(?:,\s*\d{4})?,\s*)?in\s+(?:the\s+)?$", re.IGNORECASE)
# A deadline: "by the end of the year", "by fall of 2025".
_BY_END = re.compile(r"\b(?:by|before|until|no later than)\s+$", re.IGNORECASE)
# A figure asked as it stands at the statement's date, not as a goal.
_NOW = re.compile(
    r"\b(?:current|currently|now|today|at present|presently|so far|to date|as it stands)\b", re.IGNORECASE
)


def _sets_a_deadline(sentence: str, entities: Sequence[Entity]) -> bool:
    """Whether ``sentence`` sets a date to reach something by ("to $500 billion by 2030")."""
    return any(e.label == "DATE" and _BY_END.search(sentence[: e.start]) for e in entities)


# A question that ends by offering its choices: ", Malaysia or Japan?", "- the ADB or the World Bank?"
_CHOICES = re.compile(
    r"(?:[,:;]|\s[\u2013\u2014-])\s*(?:(?:either|is it|was it)\s+)?"
    # Choices, not a question of their own: ", at which venue or building did they meet?"
    r"(?![^?]*\b(?:which|what|who|whom|where|when|why|how|did|does|do|is|are|was|were|will|has|have)\b)"
    r"[^,:;?]+?\s+or\s+[^,:;?]+?\W*$"
    # Typed without the comma ("... the seat malaysia or japan", names in the statement's case by
    # then): two names, after a word in lower case.
    r"|(?<=[a-z])\s+(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s+or\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)\W*$",
    re.IGNORECASE,
)
# A list of things named: "including X and Y", "such as X", "X, Y and Z", "X, and Y, as well as Z";
# not "X as well as Y", which joins any two things ("the resolution of six WTO disputes ... as
# well as their understandings on market access").
_LIST = re.compile(r"\b(including|such as)\b|,\s*as well as\b|,[^,.]+,[^,.]+\band\b")


def years_asked(question: str, facts: StatementFacts) -> set[str]:
    """The years a question names, "last year" and "this year" read against the statement's date;
    for a time "before" a year, the year before it too ("before 2023" is "by the end of 2022").

        >>> sorted(years_asked("What share will be vaccinated before 2023?", StatementFacts(year=2021, common_names=frozenset())))
        ['2022', '2023']
    """
    asked = without_occasions(question)  # not "the 2025 statement"'s year
    years = set(_YEAR.findall(asked)) | set(years_before(asked).values())
    return years | _relative_years(question, facts)


# Not "this year": the statement's own, which it writes of many things (searched for "exports
# this yr" of a 2021 statement, "2021" drew two questions to another paragraph).
# Its possessive is often typed without the apostrophe ("next years summit"). Not "the next year",
# the year after some other one, nor "the last years" of something.
_RELATIVE_YEAR_PHRASE = re.compile(
    rf"(?<!\bthe )\b(?:{'|'.join(p for p, shift in _RELATIVE_YEAR.items() if shift)})(?:['’]s\b|s(?=\s+[a-z])|\b)",
    re.IGNORECASE,
)


def with_years_written(text: str, facts: StatementFacts) -> str:
    """``text`` with each year it names by the statement's date ("next year") also written as a
    statement writes it, which is what a search for it can match ("... next year (2027)").

        >>> facts = StatementFacts(year=2026, common_names=frozenset())
        >>> with_years_written("What happens next year?", facts), with_years_written("last year's figure", facts)
        ('What happens next year (2027)?', "last year's (2025) figure")
    """
    if not facts.year:
        return text
    year = facts.year

    def written(m: re.Match[str]) -> str:
        phrase = m.group(0).lower().removesuffix("s").removesuffix("'").removesuffix("’")
        return f"{m.group(0)} ({year + _RELATIVE_YEAR[phrase]})"

    return _RELATIVE_YEAR_PHRASE.sub(written, text)


def _relative_years(text: str, facts: StatementFacts) -> set[str]:
    """The years ``text`` names as "last year", "this year" or "next year" of the statement's date."""
    if not facts.year:
        return set()
    # Not "the next year", the year after some other one ("What happened the next year?").
    return {
        str(facts.year + shift)
        for phrase, shift in _RELATIVE_YEAR.items()
        if re.search(rf"(?<!\bthe ){phrase}", text, re.IGNORECASE)
    }


def asks_ahead(question: str, facts: StatementFacts) -> bool:
    """Whether the question asks about something still to come at the statement's date."""
    if _THE_NEXT.search(question):
        return True
    if _ASKED_IN_PAST.search(question):
        return False  # "When did it first happen, the drill India will host?" looks back
    if _FUTURE.search(question):
        return True
    # A later year, or "next year" (read against the statement's date): "where is next year's summit?"
    return bool(facts.year) and any(int(y) > facts.year for y in years_asked(question, facts))


def _past(entity: Entity, facts: StatementFacts) -> bool:
    """Whether every year ``entity`` names is before the statement's own."""
    years = _YEAR.findall(entity.text)
    return bool(facts.year and years) and all(int(y) < facts.year for y in years)


def _later(entity: Entity, facts: StatementFacts) -> bool:
    """Whether every year ``entity`` names is after the statement's own."""
    years = _YEAR.findall(entity.text)
    return bool(facts.year and years) and all(int(y) > facts.year for y in years)


def looks_ahead(sentence: str, entities: Sequence[Entity], facts: StatementFacts) -> bool:
    """Whether a sentence speaks of what is still to come: a future form, a deadline ("by the
    end of the year"), or a later year."""
    if _AHEAD.search(sentence):
        return True
    if any(e.label == "DATE" and _BY_END.search(sentence[: e.start]) for e in entities):
        return True
    # A later year, or the statement's own year named as a whole ("2025 as a pioneering year",
    # said in February 2025): most of it is still to come.
    return bool(facts.year) and any(
        int(y) > facts.year or (int(y) == facts.year and _YEAR.fullmatch(e.text.strip()))
        for e in entities
        if e.label == "DATE"
        for y in _YEAR.findall(e.text)
    )


# A number that names one thing ("flight number", "resolution no."), not a count: a noun before
# it, none of the words that make "the number", "a record number of ..." a count.
_ASKS_A_CODE = re.compile(
    r"\b(?!(?:the|a|an|what|which|whose|total|overall|exact|precise|combined|record|large|small|big|huge|high|low"
    r"|growing|rising|increasing|any|same|certain|given|that|this|its|their|of|in|by)\b)[a-z]+\s+(?:numbers?|no\.)(?!\s+of\b)",
    re.IGNORECASE,
)
# A code of capitals and digits: "FR4978", "MH17", "A/RES/76/262".
_CODE = re.compile(r"\b[A-Z]{1,4}(?:/[A-Z]+)*[/-]?\d{2,}(?:/\d+)*[A-Z]?\b")


def holds(
    kind: str, sentence: str, entities: Sequence[Entity], question: str, facts: StatementFacts
) -> bool:
    """Whether ``sentence`` (with its tagged ``entities``) holds an answer of ``kind`` that
    ``question`` does not already give."""
    question = _without_relative_which(question)
    if kind == "signatory":
        return _SIGNED.search(sentence) is not None
    if kind == "number" and _ASKS_A_CODE.search(question) and any(
        m.group(0).lower() not in question.lower() and not _common_name(m.group(0), facts) for m in _CODE.finditer(sentence)
    ):
        return True  # "the flight number?": "Ryanair flight FR4978"
    if kind == "measure" and not (_UNIT.search(sentence) or _FRACTION.search(sentence)):
        return False
    ahead = asks_ahead(question, facts) if kind in DATE_KINDS | {"place", "city"} else (
        # Which country hosts the next summit is a place still to come; not "Which countries will
        # they work with?", answered by the partners named now.
        kind == "country" and _THE_NEXT.search(question) is not None
    )
    # "When did they upgrade ties?" looks back; "By when did they commit to ...?" asks a deadline.
    looked_back = kind == "time" and _ASKED_IN_PAST.search(question) is not None and not _BY_WHEN.search(question)
    if ahead and not looks_ahead(sentence, entities, facts):
        return False
    if kind in DATE_KINDS | {"place", "city", "country"} and _of_other_occasions(sentence, question, facts):
        return False  # "Where is the next G7 summit?" is not answered by "the GPAI Summit in Paris"
    years = years_asked(question, facts)
    # "How many visitors in 2024?" is not answered by "1.05 million in 2025"; "last year" by the
    # statement's own "last year".
    if kind in ("number", "money", "measure") and years and not (
        any(y in sentence for y in years) or years & _relative_years(sentence, facts)
    ):
        return False
    if kind in ("number", "money") and _NOW.search(question) and _sets_a_deadline(sentence, entities):
        return False  # "What is bilateral trade worth now?" is not answered by a goal "by 2030"
    if kind in ("number", "money") and not _shares_out(question, sentence, entities, kind):
        return False  # "How many doses is the US alone giving?" is not answered by the group's total
    if kind == "money" and not _names_any(sentence, named_things(question, facts)):
        return False  # an amount answers only for a thing the question names (and the statement does)
    if kind == "number" and _ASKS_CHANGE.search(question) and _multiplies_the_asked(question, sentence, facts):
        return True  # "By how much is the EU boosting its support?": "will double EU support"
    if kind == "day":
        return _DAY.search(sentence) is not None
    if kind == "month":
        return _DAY.search(sentence) is not None or any(
            e.label == "DATE" and re.search(_MONTH, e.text, re.IGNORECASE) for e in entities
        )
    if kind == "dated":  # "When exactly will the next one be?" is not answered by "launched in 2024"
        return any(
            e.label in LABELS[kind] and _NAMES_WHEN.search(e.text) and not (ahead and _past(e, facts))
            for e in entities
        )
    if kind == "span" and _anniversary(sentence, entities):
        return True  # "the 70th anniversary" counts years: "How many years?", "何周年?"
    if kind in ("number", "entity") and _ASKS_ANNIVERSARY.search(question) and _anniversary(sentence, entities):
        return True  # and answers which anniversary: "ulang tahun ke berapa?", "Which anniversary?"
    if kind == "span":  # "for 70 years", "a three-day visit", "since 1982", "50,000 km"
        # "How long has it been in place?" is also answered by when it began ("since 2023"); "How
        # long did it take?" is not ("Since the start of the pandemic, we have committed ...").
        began = _HOW_LONG_SINCE.search(question) is not None
        since = began and _SINCE.search(sentence) is not None
        return since or _LATELY.search(sentence) is not None or _date_range(sentence, entities) or any(
            e.label == "QUANTITY"
            or (e.label in LABELS[kind] and _DURATION.search(e.text))
            or (began and e.label == "DATE" and _YEAR.search(e.text))
            for e in entities
        )
    if kind in ("entity", "organisation", "person") and _mentions_unnamed(sentence, _asked_heads(question)):
        return False  # "Which chemical weapon was used?" is not answered by "the use of a chemical weapon"
    if kind == "entity" and _LIST.search(sentence):
        return True
    if kind == "person" and _ASKS_POST.search(question) and _LED_BY.search(sentence):
        return True  # "Who heads the review?": "co-led by the National Security Advisors", an office
    if kind == "person" and _asks_which_leaders(question) and any(
        m.group(1).lower() in country_names_lower()
        and not _common_name(m.group(1), facts)
        and m.group(1).lower() not in question.lower()
        for m in _LEADERS_OF.finditer(sentence)
    ):
        return True  # "Which leaders joined them?": "the Leaders of Australia, India, ...", by country
    labels = LABELS.get(kind, frozenset())
    versions = {m.start() for m in _VERSION.finditer(sentence)}
    # "Which country is running, Malaysia or Japan?": the choices it offers are what it asks for.
    asked = without_choices(question).lower()
    asked_for = asked_nouns(asked)
    describing = _describing_words(asked) if kind in NAMED_KINDS else frozenset()
    if kind in ("entity", "organisation") and _names_the_noun(sentence, asked, asked_for, facts):
        return True
    if kind == "place" and any(
        not _given(name, asked, facts.place_words, asked_for) for name in _untagged_after_at(sentence, entities)
    ):
        return True
    if kind == "place" and any(_ends_on_a_place(e, asked) for e in entities):
        return True
    if kind == "time" and _at_an_occasion(sentence, asked, facts):
        return True
    # "Which universities take part?" is answered by a university's name, not by a firm's.
    institution = kind in ("entity", "organisation") and _ASKS_INSTITUTION.search(asked) is not None
    # "Which equipment will be transferred?" by a made thing's name, not by a navy's or a pact's.
    device = kind == "entity" and _asks_a_device(asked)
    precise = kind in ("number", "money") and _PRECISELY.search(question) is not None
    # "How many jobs will the plant create?" counts jobs: a sum of money is no count of them, nor
    # a percentage ("a 20 percent rise in students" is not how many students there are).
    counted = kind == "number" and _counts_things(question)
    given = figure_values(_OFFERED_FIGURES.sub(" ", question)) if kind in ("number", "money") else frozenset()
    for e in entities:
        if e.label not in labels and not (
            (kind == "place" and _at_an_institution(sentence, e))
            # "the Five-Point Consensus", tagged a count: a capitalised number word inside a
            # sentence starts a name, which is what "which plan" asks for.
            or (kind == "entity" and e.label == "CARDINAL" and e.start > 0 and e.text[:1].isupper())
            or (kind == "measure" and (_counts_a_unit(sentence, e) or _is_a_fraction(e)))
        ):
            continue
        if institution and not _INSTITUTION.search(facts.long_forms.get(e.text, e.text)):
            continue
        if device and not _may_name_a_device(e, facts):
            continue
        if kind == "number" and (e.label == "CARDINAL" and _is_version(sentence, e, versions)):
            continue
        if kind == "number" and e.label == "CARDINAL" and e.text.lower() in {"one", "two", "both"} and (
            e.text.lower() != "two" or _DETERMINER_BEFORE.search(sentence[: e.start]) or sentence[e.end : e.end + 1] == "-"
        ):
            continue  # "the two countries", said everywhere, counts nothing; "two anchor events" does
        if counted and e.label in ("MONEY", "PERCENT"):
            continue
        if precise and not _A_COUNT.search(e.text):
            continue  # "the exact value" is not "multi-billion": an exact figure gives a count
        if given and (figures := figure_values(e.text)) and figures <= given:
            continue  # "How much of the $2 billion will each give?" is not answered by "$2 billion"
        if kind == "number" and e.label == "CARDINAL" and e.start > 0 and e.text[:1].isupper():
            continue  # "the Three Principles": a capitalised number word inside a sentence is a name
        if kind == "city" and e.text.lower().removeprefix("the ") in country_names_lower():
            continue  # "In which city ...?" is not answered by a country
        if kind in ("place", "city") and POSSESSIVE.match(sentence, e.end):
            continue  # "to map the Earth's surface" says whose surface, not where anything is
        if kind == "time" and looked_back and _later(e, facts):
            continue  # "When did they upgrade ties?" is not answered by a year still to come
        if kind in NAMED_KINDS:
            if _given(e.text, _without_other_names(asked, e, entities), facts.place_words, asked_for, describing):
                continue  # the question gave this name itself
            if _given_in_other_form(e.text, asked, facts) or _given_by_initials(e.text, question):
                continue  # ... or by its acronym, the acronym's long form, or its initials ("the US")
            if kind == "person" and _named_throughout(e, facts) and (
                not _gives_the_post(sentence, question)
                or (_asks_who_someone_is(question) and not _A_LEADERS_TITLE.search(question))
            ):
                # "Who will head the pavilion?" is not answered by a leader who welcomed it, nor
                # "Who is the astronaut?" (or "the name of the astronaut", "Which astronaut ...?")
                # by one who hailed him; "Who is the Lemurian prime minister?" is.
                continue
            if kind == "person" and _THE_BEFORE.search(sentence[: e.start]):
                continue  # "the Moon", tagged a person: people's names take no article
            if (
                kind not in ("country", "person")
                and _common_name(e.text, facts)
                and not (
                    kind in ("place", "city")
                    and (_HELD_IN.search(sentence[: e.start]) or _SCENE_IN.match(sentence[: e.start]))
                )
            ):
                continue  # the parties and leaders, in nearly every sentence, single out nothing
        return True
    return False


# A figure asked of one party alone, or of each of several: "How many doses is the US alone
# donating?", "How much will each member give?" (not "each year", nor "each other"); or a part of
# a whole the question gives ("Of the 870 million doses, how many is the US giving?").
_SHARE_ASKED = re.compile(
    r"(?:^|(?<=[.!?]\s))\W*(?:out\s+)?of\s+(?:the|those|these|its|their)\b(?:[^,?]|,(?=\d))*?(?:\d|\b(?:thousand|million|billion|trillion)\b)"
    r"(?:[^,?]|,(?=\d))*,?\s*how\s+(?:many|much)\b"
    # Spanish, French and German "each" and "separately" too (not "cada año", "chaque fois",
    # "jedes Jahr": a rate, no share).
    r"|(?P<each>\b(?:each|apiece|individually|cada|chaque|jede[rsnm]?|jeweils|por\s+separado|séparément|individuellement"
    rf"|einzeln)\b(?!\s+(?:(?:other|year|yr|month|week|day|time|quarter|round)s?\b|{_PERIODS_OTHER}))"
    r"|\bper\s+(?:country|member|nation|government|state|party)\b)"
    # "How many of the 870 million doses is Japan giving?": a part of a figure the question gives
    # (not "how many of the people ... in 2022").
    r"|\bhow\s+(?:many|much)\s+of\s+(?:the|those|these|its|their)\s+(?:(?:over|about|around|nearly|almost|some|roughly)\s+)?"
    r"[$€£¥]?(?!(?:19|20)\d\d\b)\d[\d.,]*\b"
    # German "allein", French "à lui seul": one party's own part.
    r"|(?<=\w)\s+(?P<one>alone|itself|by itself|on its own|allein|à\s+(?:lui|elle)\s+seule?)\b",
    re.IGNORECASE,
)
_SHARED_OUT = re.compile(r"\b(?:each|apiece|respectively|individually|per(?!\s+cent)|alone)\b", re.IGNORECASE)
# ("A total of $20 million" may be one party's own: only words of a joint figure.)
_COMBINED = re.compile(r"\b(?:combined|jointly|collectively|together)\b", re.IGNORECASE)
_NOT_THE_PARTY = {"the", "a", "an", "its", "their", "govt", "government", "country", "side"}


def _shares_out(question: str, sentence: str, entities: Sequence[Entity] = (), kind: str = "number") -> bool:
    """Whether ``sentence`` (with its tagged ``entities``) can answer the share of a figure of
    ``kind`` a question asks of one party or of each (see _SHARE_ASKED): it shares its figure out
    ("each provide up to $500 million", "respectively"), or names the party asked about; or, for
    "each", gives a figure apiece ("Kelpco to invest $1.5 billion and Reefco $120 million"). True
    where the question asks no share."""
    asked = _SHARE_ASKED.search(question)
    if asked is None or _SHARED_OUT.search(sentence):
        return True
    if asked.group("each") and _gives_figures_apart(entities, kind):
        return True
    if not asked.group("one"):
        return False
    # "at least $10 million of combined initial commitments from the U.S. and Indian institutions"
    # names the party asked about, but gives no part of its own.
    if _COMBINED.search(sentence):
        return False
    # The party: the word before "alone" or "itself", past a "government" ("the US govt itself").
    before = re.findall(r"[\w'’-]+", question[: asked.start()].lower().replace(".", ""))
    party = next((w for w in reversed(before) if w not in _NOT_THE_PARTY), None)
    return party is not None and party in re.findall(r"[\w'’-]+", sentence.lower().replace(".", ""))


def _gives_figures_apart(entities: Sequence[Entity], kind: str) -> bool:
    """Whether a sentence's ``entities`` give two or more different figures of ``kind``: a figure
    for each of several things, not one total."""
    return len({figure_values(e.text) for e in entities if e.label in LABELS[kind]} - {frozenset()}) >= 2


# Figures a question offers to choose from ("was it 20 million or 200 million?") are not given.
_OFFERED_FIGURES = re.compile(
    r"\S*\d[\d.,]*\S*(?:\s+(?:thousand|million|billion|trillion))?\s+or\s+\S*\d[\d.,]*\S*"
    r"(?:\s+(?:thousand|million|billion|trillion))?",
    re.IGNORECASE,
)


# Institutions whose names say what they are ("the University of X", "Y College"), asked for,
# and the words of such names.
# The words before the noun are no verb's: not one in lower case ending in "s" ("What programme
# supports university research?").
_ASKS_INSTITUTION = re.compile(
    rf"\b(?:which|what)\s+(?:(?!{_NOT_IN_NOUN_PHRASE}\b)(?-i:[A-Z][\w'-]*|[\w'-]*[^\Ws])\s+){{0,3}}?"
    r"(?:universit(?:y|ies)|colleges?)\b",
    re.IGNORECASE,
)
_INSTITUTION = re.compile(
    r"\b(?:universit(?:y|ies)|universiti|college|institutes?|institut|school|academy|polytechnic)\b", re.IGNORECASE
)


# A share written in words ("two thirds", "half", "one-quarter") answers "what percentage ...?".
_FRACTION = re.compile(
    r"\b(?:(?:one|two|three|four|a)[\s-]+(?:thirds?|quarters?|fifths?|tenths?)|half|halves)\b", re.IGNORECASE
)


def _is_a_fraction(e: Entity) -> bool:
    return e.label == "CARDINAL" and _FRACTION.search(e.text) is not None


def _counts_a_unit(sentence: str, e: Entity) -> bool:
    """Whether ``e`` is a count its sentence gives a unit: "at least 10 per cent", which the tagger
    reads as a bare number (it knows "10%" and "10 percent" as percentages)."""
    return e.label == "CARDINAL" and _UNIT.match(sentence[e.end :].lstrip()) is not None


def _at_an_institution(sentence: str, e: Entity) -> bool:
    """Whether ``e`` is an organisation named as where something is: "set up at the University of
    X", "housed in the Y Institute". The tagger calls such places organisations."""
    return e.label == "ORG" and _AT_THE.search(sentence[: e.start]) is not None


_AT_THE = re.compile(r"\b(?:at|in)\s+(?:the\s+)?$", re.IGNORECASE)
# A name after "at": where something happens, as an institution's name is (see _at_an_institution).
_AT_A_NAME = re.compile(r"\bat\s+(?:the\s+)?([A-Z][\w&'’-]*(?:\s+(?:of\s+)?[A-Z][\w&'’-]*)*)")


# A time said by the occasion: "an announcement at COP28", "in the run-up to the G20 Summit".
_AT_AN_OCCASION = re.compile(
    r"\b(?:at|during|on\s+the\s+(?:margins|sidelines)\s+of|ahead\s+of|in\s+the\s+run-up\s+to)\s+(?:the\s+)?"
    r"([A-Z0-9][\w&'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z0-9][\w&'’.-]*)*)"
)
_OCCASION_WORDS = ("summit", "conference", "meeting", "assembly", "forum", "session", "expo", "games", "convention", "ministerial")
_OCCASION_NOUN = re.compile(rf"\b({'|'.join(_OCCASION_WORDS)})s?\b", re.IGNORECASE)


# An occasion named in a sentence, capitalised: "the COVAX Summit", "the UN Ocean Conference".
# Its acronym may stand in brackets before the noun: "... Development (CEAPAD) Ministerial Meeting".
_A_NAMED_OCCASION = re.compile(
    rf"((?:\(?[A-Z0-9][\w&'’.-]*\)?\s+)+)({'|'.join(w.capitalize() for w in _OCCASION_WORDS)})s?\b"
)
_NOT_A_QUALIFIER = frozenset({"the", "a", "an", "of", "leaders", "leaders'", "leaders’", "heads"})


def _of_other_occasions(sentence: str, question: str, facts: StatementFacts) -> bool:
    """Whether ``question`` asks of an occasion ("Where will the next G7 summit be held?") that
    ``sentence`` names only as others, by names the question does not give ("the GPAI Summit in
    Paris", "the COVAX Summit co-hosted by Japan"): their places and times are not the answer.
    The parties' own, named by their names joined ("the last U.S.-EU Summit"), are no others."""
    nouns = {m.group(1).lower() for m in _OCCASION_NOUN.finditer(question)}
    if not nouns:
        return False
    # An acronym the question writes gives its long form's words: "the special WHO assembly"
    # asks of "the World Health Assembly" of a statement that spells out "World Health Organization".
    asked = set(re.findall(r"[\w&'’.-]+", question.lower())) | _spelled_out(question, facts)
    said = [m for m in _OCCASION_NOUN.finditer(sentence) if m.group(1).lower() in nouns]
    named = [m for m in _A_NAMED_OCCASION.finditer(sentence) if m.group(2).lower() in nouns]
    if not named or len(named) < len(said):
        return False  # the sentence also speaks of the occasion unnamed ("the summit")

    def given(word: str) -> bool:
        word = word.strip("()")  # "the CEAPAD ministers' meeting" gives "(CEAPAD) Ministerial Meeting"
        parts = [part for part in re.split(r"[-–/]", word.lower()) if part]
        return word.lower() in asked or (len(parts) >= 2 and all(part in facts.common_names for part in parts))

    def described(word: str) -> bool:
        # "the summit on artificial intelligence" asks of "the GPAI Summit", by words of the long
        # form the statement spells out for it ("Global Partnership for Artificial Intelligence").
        return len(_long_form_words(word, facts) & asked) >= 2

    return not any(
        given(w) or described(w) for m in named for w in m.group(1).split() if w.lower() not in _NOT_A_QUALIFIER
    )


def _spelled_out(question: str, facts: StatementFacts) -> set[str]:
    """The words (lower case) of the long forms the statement gives for the acronyms ``question``
    writes: in capitals as the statement does, or in lower case where no function word ("wto",
    not the "who" of a question).

    >>> facts = StatementFacts(None, frozenset(), long_forms={"WHO": "World Health Organization"})
    >>> sorted(_spelled_out("When is the WHO assembly?", facts))
    ['health', 'organization', 'world']
    >>> sorted(_spelled_out("When is the WHO's assembly?", facts))
    ['health', 'organization', 'world']
    >>> _spelled_out("who chairs the assembly?", facts)
    set()
    """
    typed = {w.rstrip(".") for w in re.findall(r"[\w&.-]+", question)}  # "the WHO's", "the WTO."
    typed_lower = {w.lower() for w in typed}
    words: set[str] = set()
    for acronym in facts.long_forms:
        if acronym in typed or (acronym.lower() in typed_lower and not is_stopword(acronym.lower())):
            words |= _long_form_words(acronym, facts)
    return words


def _long_form_words(acronym: str, facts: StatementFacts) -> set[str]:
    """The words (lower case, function words aside) of the long form the statement spells out for
    ``acronym``, or none."""
    return set(re.findall(r"[\w'’-]+", facts.long_forms.get(acronym, "").lower())) - _FUNCTION_WORDS


def _at_an_occasion(sentence: str, asked: str, facts: StatementFacts) -> bool:
    """Whether ``sentence`` says when by a named occasion that ``asked`` (lower case) does not name:
    a summit, a conference ("at COP28", an acronym the statement spells out as one)."""
    for m in _AT_AN_OCCASION.finditer(sentence):
        name = m.group(1).rstrip(".")
        if name.lower() in asked:
            continue
        if _OCCASION_NOUN.search(name) or _OCCASION_NOUN.search(facts.long_forms.get(name, "")):
            return True
    return False


def _ends_on_a_place(e: Entity, asked: str) -> bool:
    """Whether ``e``, an organisation, ends on a country's name that ``asked`` (lower case), which
    names the rest of it, does not give: "Where did the University of Lemuria open a campus?" is
    answered by "the University of Lemuria Atlantis", a branch named for where it is."""
    if e.label != "ORG":
        return False
    words = e.text.split()
    for n in (3, 2, 1):
        if len(words) > n and " ".join(words[-n:]).lower() in country_names_lower():
            rest = " ".join(words[:-n]).lower().removeprefix("the ")
            return " ".join(words[-n:]).lower() not in asked and rest in asked
    return False


def _untagged_after_at(sentence: str, entities: Sequence[Entity]) -> list[str]:
    """The names after "at" that the tagger left untagged: "convened ... at IIT Kanpur" holds no
    entity to the small model, yet says where."""
    return [
        m.group(1)
        for m in _AT_A_NAME.finditer(sentence)
        if not any(e.start < m.end(1) and m.start(1) < e.end for e in entities)
    ]


def _named_throughout(e: Entity, facts: StatementFacts) -> bool:
    """Whether ``e`` is one of the statement's common names (its leaders, named in most paragraphs)
    or one of its leaders (the people its first passage names), however often it names them."""
    words = e.text.lower().split()
    return any(w in facts.common_names for w in words) or any(
        len(names) > 1 and names & set(words) for names in facts.leaders
    )


def _asks_who_someone_is(question: str) -> bool:
    """Whether ``question`` asks who a person is: "Who is the ...?", "the name(s) of the ...", or
    "Which <a noun for a person> ...?" ("Which Indian astronaut will fly ...?")."""
    return _ASKS_IDENTITY.search(question) is not None or any(
        noun_kind(head) == "person" for head in _which_heads(question)
    )


def _asks_which_leaders(question: str) -> bool:
    """Whether ``question`` asks "Which (EU) leaders ...?" or "Which prime minister ...?"."""
    return any(_A_LEADERS_TITLE.fullmatch(head) for head in _which_heads(question))


def _gives_the_post(sentence: str, question: str) -> bool:
    """For a question on who holds a post ("Who will head ...?", "Who was named envoy to ...?"),
    whether ``sentence`` uses its verb or noun ("headed by ...", "will lead ...", "the envoy");
    true for any other question."""
    post = _ASKS_POST.search(question)
    if post is None:
        return True
    word = post.group(1) or post.group("named_post") or post.group("post_noun")
    return re.search(rf"\b{re.escape(word[:4])}", sentence, re.IGNORECASE) is not None


_HEADS = re.compile(_ANY_HEAD, re.IGNORECASE)
_FUNCTION_WORDS = {"the", "of", "and", "for", "on", "in", "to", "a", "an", "'s"}


def _asks_a_device(asked: str) -> bool:
    """Whether every "which/what X" of ``asked`` (lower case) asks for a made thing that does a job
    (WordNet's instrumentality: equipment, a vehicle, a weapon, a system): "which warships",
    "what specific defence equipment"."""
    heads = _which_heads(asked)
    # (Where the two readings of the noun phrase agree: not "drills" of "which naval service holds
    # drills", whose asked noun is "service".)
    nouns = asked_nouns(asked)
    return bool(heads) and all(noun_kind(head) == "device" and stem(head) in nouns for head in heads)


# What names no made thing: a place, a people, a time, a figure, an event or a law.
_NO_DEVICE_LABELS = frozenset(
    {"GPE", "LOC", "NORP", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "EVENT", "LAW", "LANGUAGE"}
)


def _may_name_a_device(entity: Entity, facts: StatementFacts) -> bool:
    """Whether a tagged name may be a made thing's ("Chinooks", "F-414", "Javelin"), which the
    tagger calls anything from a product to a person: not a place or a time, not a body ("the
    Royal Malaysian Navy", "JMSDF", the "Government of Japan"), nor a name the tagger took with its
    article ("the Transfer of Defence Equipment and Technology"), as a body's or a pact's is."""
    if entity.label in _NO_DEVICE_LABELS:
        return False
    text = facts.long_forms.get(entity.text, entity.text)
    if entity.text.lower().startswith("the ") or _ACRONYM_NAME.fullmatch(entity.text):
        return False
    # A name ends on the noun that says what it names: on a body or a person ("Coast Guard"), or
    # on an everyday word that is no made thing ("Implementation Guidelines", "Technology"), it
    # names something else. (Not a model's code: "F-414".)
    head = text.split()[-1].lower().strip("’'\"”.,")
    if not head.isalpha():
        return True
    kind = noun_kind(head)
    return kind not in ("organisation", "person", "agent") and (kind == "device" or zipf(head, "en") < EVERYDAY)


_ACRONYM_NAME = re.compile(r"[A-Z]{2,}s?")


def _names_the_noun(sentence: str, asked: str, asked_for: Set[str], facts: StatementFacts) -> bool:
    """Whether ``sentence`` writes a name, capitalised inside it, that holds the noun the question
    asks for (``asked_for``, from :func:`asked_nouns`) and that the question does not give: "Which
    consensus ...?" by "the ASEAN Five-Point Consensus", which the tagger misses (to it, "Five" is
    a number); or that follows the noun, as its name ("the PESCO project Military Mobility")."""
    if not asked_for:
        return False
    for m in _CAPITALISED.finditer(sentence):
        words = re.findall(r"[\w-]+", m.group(0).lower())
        # The noun heads the name, not a phrase inside it: "the Three Principles on Transfer of
        # Defense Equipment" names principles, not equipment.
        words = words[: next((i for i, w in enumerate(words) if w in _INSIDE_A_NAME), len(words))]
        before = re.search(r"([\w-]+)\s+$", sentence[: m.start()])
        if m.start() > 0 and (
            any(stem(w) in asked_for for w in words) or (before and stem(before.group(1)) in asked_for)
        ):
            if not _given(m.group(0), asked, facts.place_words, asked_for) and not _common_name(m.group(0), facts):
                return True
    return False


def without_choices(question: str) -> str:
    """The question without the choices it ends by offering.

    >>> without_choices("Which country is running for the seat, Malaysia or Japan?")
    'Which country is running for the seat'
    >>> without_choices("which country is running for the seat Malaysia or Japan")
    'which country is running for the seat'
    >>> without_choices("Is the fund for food or energy?")
    'Is the fund for food or energy?'
    """
    return _CHOICES.sub("", question)


def _common_name(name: str, facts: StatementFacts) -> bool:
    """Whether ``name`` is one of the names in most of the statement's paragraphs, whole or word
    by word ("the United States" where "united" and "states" are)."""
    name = name.lower().removeprefix("the ")
    return name in facts.common_names or all(w in facts.common_names for w in name.split())


def _given_in_other_form(name: str, asked: str, facts: StatementFacts) -> bool:
    """Whether ``asked`` (lower case) gives ``name`` by the other form the statement defines for
    it: "the seventh WTO dispute" gives "World Trade Organisation", "the World Trade Organisation"
    gives "WTO"."""
    name = name.lower().removeprefix("the ")
    for acronym, long_form in facts.long_forms.items():
        long_form = long_form.lower().removeprefix("the ")
        if name == acronym.lower() and long_form in asked:
            return True
        if name == long_form and re.search(rf"\b{re.escape(acronym.lower())}\b", asked):
            return True
    return False


def _given_by_initials(name: str, question: str) -> bool:
    """Whether ``question`` gives a name of two or more capitalised words by their initials, in
    capitals: "the US" gives "the United States", "the EU" "the European Union"; not "us".

    >>> _given_by_initials("the United States", "Which EU countries got visa-free travel to the U.S.?")
    True
    >>> _given_by_initials("the United States", "Can you tell us which country?")
    False
    """
    words = [w for w in re.findall(r"[\w'’-]+", name) if w[:1].isupper() and w.lower() not in _FUNCTION_WORDS]
    if len(words) < 2 or len(words) != len([w for w in name.split() if w.lower() not in _FUNCTION_WORDS]):
        return False
    initials = r"\.?".join(w[0] for w in words)
    return re.search(rf"(?<![\w.]){initials}\.?(?![\w])", question) is not None


def _given(
    name: str, asked: str, place_words: Set[str], asked_for: Set[str] = frozenset(), describing: Set[str] = frozenset()
) -> bool:
    """Whether the question already gives ``name``: most of its words, other than the kind of
    thing asked for ("Which agency...?" is answered by "... Enforcement Agency"; "Which
    consensus...?" by "the Five-Point Consensus": ``asked_for``, from :func:`asked_nouns`) and the
    places and nationalities that only qualify it ("Which Chilean agency...?"), are in it.
    Words the question has only in the phrase that says what it asks for (``describing``, from
    :func:`_describing_words`) describe it and do not give it, when the name has a word the
    question lacks, other than a place's: "Which international energy body ...?" is answered by
    "the International Energy Agency"; "Which ASEAN countries ...?" is not by "ASEAN", nor "Which
    maritime enforcement agency ...?" by "the Malaysian Maritime Enforcement Agency".

    >>> _given("the Chilean Maritime Authority", "which chilean agency patrols maritime areas?", {"chilean"})
    False
    >>> _given("Chile", "which countries besides chile?", {"chile"})
    True
    >>> _given("the Five-Point Consensus", "which consensus do they back?", set(), {"consensus"})
    False
    >>> _given("the U.S. Navy", "which repair facilities were announced?", {"u.s."})
    False
    >>> asked = "which international energy body will india join?"
    >>> _given("the International Energy Agency", asked, set(), asked_nouns(asked), _describing_words(asked))
    False
    """
    every = [w for w in re.findall(r"[\w-]+", name.lower().replace("’s", "").replace("'s", "")) if len(w) > 1]
    words = [
        # A letter of an initialism ("U.S. Navy": "u", "s") is inside nearly any question.
        w for w in every if w not in _FUNCTION_WORDS and not _HEADS.fullmatch(w) and stem(w) not in asked_for
    ]
    if describing and any(
        w not in _FUNCTION_WORDS and w not in place_words and not _starts_a_word(w, asked) for w in every
    ):
        words = [w for w in words if w not in describing]
    words = [w for w in words if w not in place_words] or words  # a place's own name stays
    if not words:
        return False
    return sum(_starts_a_word(w, asked) for w in words) * 2 > len(words)


def _starts_a_word(word: str, text: str) -> bool:
    """Whether a word of ``text`` starts with ``word``: "indian" gives "india", but "fund" gives no
    "un" and "neutral" no "eu"."""
    return re.search(rf"(?<!\w){re.escape(word)}", text) is not None


_STOP_WORDS = (
    rf"(?:{_NOT_IN_NOUN_PHRASE}|the|a|an|and|or|r|by|at|from|that|this|these|those|they|their|should"
    r"|between|under|during|since|as|if|we|you|i|it|its|there|kind|kinds|type|types|sort|sorts"
    r"|besides|except|than|like|among|within|across|into|onto|over|after|before|beyond|near|per|via"
    r"|against|towards?|through|without|including|such|other|apart|up|out|off|plus)"
)
# What follows "which" or "what" up to a verb, a preposition or the end of the noun phrase: its
# last word is the noun asked for ("which ASEAN agreement did ...": "agreement").
_ASKED_PHRASE = re.compile(
    rf"\b(?:which|what)\s+(?:(?:specific|particular|exact)\s+)?((?:(?!{_STOP_WORDS}\b)\w[\w'.-]*\s*){{1,4}})",
    re.IGNORECASE,
)


def _describing_words(asked: str) -> frozenset[str]:
    """The words of a "which/what X" question's phrase before the noun it asks for, that the
    question has nowhere else: "which international energy body" gives "international" and
    "energy"; "which defence items under the defence pact" no "defence"."""
    words: set[str] = set()
    for m in _ASKED_PHRASE.finditer(asked):
        rest = f"{asked[: m.start(1)]} {asked[m.end(1) :]}".lower()
        words.update(w for w in (w.lower().strip(".") for w in m.group(1).split()[:-1]) if w not in rest)
    return frozenset(words)


def asked_nouns(asked: str) -> set[str]:
    """The stems of the nouns a "which/what X" question asks for.

    >>> sorted(asked_nouns("which asean agreement did they want carried out, and what pacts?"))
    ['agreement', 'pact']
    """
    heads = (m.group(1).split()[-1].lower().strip(".") for m in _ASKED_PHRASE.finditer(asked))
    return {stem(head) for head in heads if len(head) > 2 and head.replace("-", "").isalpha()}  # not "U.S."


def _without_other_names(asked: str, entity: Entity, entities: Sequence[Entity]) -> str:
    """``asked`` without the sentence's other names that it gives whole, but for those inside
    ``entity``: "Asian" in the question's "Asian Development Bank" is that bank's, and gives no
    "Asia"; "National" and "Foundation" in "the US National Science Foundation" are that
    foundation's, and give no "Indian ... National Research Foundation" (while "Which Indian
    city?" does give India: the question's own words, as they stand, are matched letter by
    letter). A name's dots are optional ("U.S." is also "US")."""
    own = entity.text.lower()
    for other in sorted(entities, key=lambda e: -len(e.text)):  # "U.S." once the foundation is out
        name = re.sub(r"['’]s$", "", other.text.lower().removeprefix("the "))
        if len(name) > len(entity.text) and name in asked:
            asked = asked.replace(name, " ")
        elif name not in own:
            pattern = re.escape(name).replace(r"\.", r"\.?")
            asked = re.sub(rf"(?<!\w){pattern}(?!\w)", " ", asked)
            asked = _without_run_of(asked, name, own)
    return asked


def _without_run_of(asked: str, name: str, own: str) -> str:
    """``asked`` without its longest run of words (two or more besides "of", "the" and such) that
    is a run of ``name``'s and not of ``own``'s: "India's national research foundation" gives the
    sentence's "Indian Anusandhan National Research Foundation" in part, and its "national" and
    "foundation" are no words of "the U.S. National Science Foundation"."""
    words = re.findall(r"[\w-]+", asked)
    theirs = re.findall(r"[\w-]+", name)
    mine = " " + " ".join(re.findall(r"[\w-]+", own)) + " "
    best: list[str] = []
    for i in range(len(words)):
        for j in range(i + 2, len(words) + 1):
            run = words[i:j]
            if not _is_run(run, theirs):
                break
            if len(run) > len(best) and sum(w not in _FUNCTION_WORDS for w in run) >= 2 and f" {' '.join(run)} " not in mine:
                best = run
    if not best:
        return asked
    return re.sub(r"(?<!\w)" + r"\W+".join(map(re.escape, best)) + r"(?!\w)", " ", asked, count=1)


def _is_run(run: list[str], words: list[str]) -> bool:
    return any(words[k : k + len(run)] == run for k in range(len(words) - len(run) + 1))


def _is_version(sentence: str, entity: Entity, versions: set[int]) -> bool:
    return any(v <= entity.start <= v + 12 for v in versions) and "." in entity.text


_INSIDE_A_NAME = frozenset({"of", "on", "for", "concerning", "to", "in"})
_CAPITALISED = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+|and\s+|for\s+)*[A-Z][\w’'-]*)*")
_QUESTION_WORDS = set(
    """i how what which when where who why did does do is are was were has have will would can could
    the a an and of in on to for hi so ok okay please tell""".split()
)


def named_things(question: str, facts: StatementFacts) -> list[str]:
    """The names the question gives ("POWER Asia", "World Bank Group's RISE Partnership"), less
    the statement's common names, its places and nationalities, and capitalised question words."""
    common = {w for name in facts.common_names for w in name.split()} | facts.place_words
    names = []
    for m in _CAPITALISED.finditer(question):
        for at, part in enumerate(re.split(r"(?<=['’]s)\s+", m.group(0))):  # a possessive ends a name
            words = re.sub(r"['’]s$", "", part).split()
            if at == 0 and _opens_a_sentence(question, m.start()) and _is_sentence_opener(words[0], question):
                words = words[1:]  # "I'm writing a report. Also, how much ...?", "... grant. By how much"
            while words and (_is_question_word(words[0], question) or words[0].lower() in common):
                words = words[1:]
            if words and not all(w.lower() in common or _is_question_word(w, question) for w in words):
                names.append(" ".join(words))
    # A name the statement never uses ("American" where it says "U.S.") singles out no sentence;
    # whether the statement knows the thing at all is the refusal model's "unknown names".
    return [name for name in names if not facts.words or _most_words_in(name, facts.words)]


def _opens_a_sentence(question: str, at: int) -> bool:
    """Whether ``question[at:]`` opens a sentence: first, or after a full stop that ends no
    initial ("the U.S. right now": no sentence opens on "S")."""
    return re.search(r"(?:^|(?<!\b[A-Z])\.|[!?:;])\W*$", question[:at]) is not None


def _is_sentence_opener(word: str, question: str) -> bool:
    """Whether ``word``, capitalised to open a sentence, is a function word or one of English's
    commonest ("Also", "By", "My", "I'm"): no name. An acronym ("US") or a rarer word is kept."""
    plain = word.lower()
    return not _is_acronym(word, question) and (is_stopword(plain) or zipf(plain, "en") >= _COMMONEST)


_COMMONEST = 5.5  # Zipf frequency: "also", "my", "new"; not "Japan" (4.9), "Europe" (5.0)


def _is_question_word(word: str, question: str) -> bool:
    """A word of the asking ("What", "Did"), not an acronym spelt like one ("the WHO")."""
    return word.lower() in _QUESTION_WORDS and not _is_acronym(word, question)


def _is_acronym(word: str, question: str) -> bool:
    """Whether ``word`` is in capitals where ``question`` is not all capitals ("the WHO", "US")."""
    return len(word) > 1 and word.isupper() and not question.isupper()


def _names_any(sentence: str, names: list[str]) -> bool:
    """Whether ``sentence`` gives any of ``names`` (true when there are none to give)."""
    words = set(re.findall(r"[\w-]+", sentence.lower()))
    return not names or any(_most_words_in(name, words) for name in names)


def _most_words_in(name: str, words: Set[str]) -> bool:
    """Whether more than half of ``name``'s words are among ``words``, so a slip in one word
    still counts."""
    name_words = re.findall(r"[\w-]+", name.lower())
    return sum(w in words for w in name_words) * 2 > len(name_words)


def question_figures(question: str) -> list[str]:
    """Multi-digit figures the question gives ("in 2018"): the sentence with one is the one asked about."""
    return _FIGURE.findall(question)


# A count (not a year), then up to four words, one of which may be the thing counted: "15,000
# community jobs", "two anchor events", "220 new aircraft"; not "2025 targets".
_COUNT_THEN_WORDS = re.compile(
    rf"(?:\b(?!(?:19|20)\d\d\b)\d[\d,.]*\d|\b\d|\b(?:{_COUNT_WORDS}))(?:\s+(?:hundred|thousand|million|billion))?((?:\s+[\w'’-]+){{1,4}})",
    re.IGNORECASE,
)


def counted_noun(question: str) -> str:
    """The stem of the noun a "how many ...?" question counts ("job" of "How many jobs will the
    plant create?", "event" of "how many anchor events and where"), or "": also for "how many of
    the ...?" and "how many dollars?".

    >>> counted_noun("how many jobs is the plant supposed to create"), counted_noun("How many new air routes?")
    ('job', 'rout')
    """
    m = _HOW_MANY.search(question)
    if m is None:
        return ""
    head = ""
    for word in re.findall(r"[\w'’-]+(?:\.[\w'’-]+)*\.?", question[m.start(1) :])[:4]:  # "U.S." is one word
        lower = word.lower()
        if is_stopword(lower) or _ENDS_NOUN_PHRASE.fullmatch(lower) or lower in CARDINALS or lower in _SCALE_WORDS:
            break
        head = lower
    if len(head) < 3 or not head.isalpha() or noun_kind(head) == "money":
        return ""
    return stem(head)


def gives_the_count(sentence: str, noun: str) -> bool:
    """Whether ``sentence`` counts the thing whose stem is ``noun``: "up to 5,000 new direct and
    15,000 community jobs" counts jobs; "to invest up to $825 million", beside it, does not."""
    return bool(noun) and any(
        noun in {stem(w.lower()) for w in m.group(1).split()} for m in _COUNT_THEN_WORDS.finditer(sentence)
    )


def asks_for_a_year(question: str) -> bool:
    """Whether ``question`` asks for a year: "Which years are they backing each other for?" is
    answered by "the term 2036-2037" (:func:`names_a_year`), not by "today's international
    community"."""
    return _ASKS_YEAR.search(question) is not None


def names_a_year(sentence: str) -> bool:
    """Whether ``sentence`` names a year ("2036-2037", "in 2018")."""
    return _YEAR.search(sentence) is not None
