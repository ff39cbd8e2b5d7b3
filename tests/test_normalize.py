"""Surface normalisation: abbreviations, spelling against the statement and English, case."""

from __future__ import annotations

import pytest

from jmqa.document import load_statement
from jmqa.normalize import Normalizer


@pytest.fixture(scope="module")
def normalizer():
    doc = load_statement()
    return Normalizer([p.text for p in doc.paragraphs])


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("how many ppl visited last yr", "how many people visited last year"),
        ("what did the govt say abt palm oil", "what did the government say about palm oil"),
        ("the heads of gotv", "the heads of government"),  # a slip of an abbreviation, expanded
        ("which airlines r flying the new routes", "which airlines are flying the new routes"),
        ("semicondcutor cooperation", "semiconductor cooperation"),  # two letters swapped
        ("investmnet by Japanese companies", "investment by Japanese companies"),
        ("palm oil sustainabilty", "palm oil sustainability"),  # a letter left out
        ("strait of malaca", "Strait of Malacca"),  # a short name, and the statement's case
        ("what is osa", "what is OSA"),  # the statement's own case
        ("whta did tehy agree", "what did they agree"),  # common English words mended too
        # Two letters swapped is the likeliest slip: not "may", "kids", "action".
        ("how mayn visitors", "how many visitors"),
        ("Which kidns of crime did they list?", "Which kinds of crime did they list?"),
        # A capital that starts the question, or one shifted a letter, is no name.
        ("Whta is the size?", "What is the size?"),
        ("hWere will it be held?", "Where will it be held?"),
        ("What about ASAEN centrality?", "What about ASEAN centrality?"),
        # Then a neighbouring key, before a letter left out: not "may", "strait", "such".
        ("how maby visitors", "how many visitors"),
        ("Which straitd are mentioned?", "Which straits are mentioned?"),
        ("How huch money?", "How much money?"),
        # A word shortened on purpose keeps its first and last letters: the statement's word it
        # alone can shorten, even where wordfreq counts the shortening as a word ("jpn").
        ("what did msia say", "what did Malaysia say"),  # not "Asia": a slip keeps the first letter
        ("hw much did jpn give", "how much did Japan give"),
        # Chat shorthand wordfreq counts as words ("hw", "wen"), and an English word without its
        # vowels that it has never seen ("frm", "whn").
        ("wen did they come frm there", "when did they come from there"),
        # A contraction typed without its apostrophe; "its" is a word of its own.
        ("whats its plan and whos in it", "what's its plan and who's in it"),
        ("whn r the 1st talks", "when are the first talks"),
        ("talks btwn the two", "talks between the two"),  # not "btw"
        ("any news on semicon cooperation", "any news on semiconductor cooperation"),  # cut short
        # Cut short too, though wordfreq counts these as words: rare ones, of English words.
        ("any econ ties", "any economic ties"),  # "economic", "economy", "economies": all "econom-"
        ("more coop on chips", "more cooperation on chips"),
        ("what shld they do", "what should they do"),  # English, far commoner than "shield"
        ("What's Jaapn's role?", "What's Japan's role?"),  # a possessive is mended as its word  # an acronym, into one of the statement's
        # Chat letters and running speech; but not a run of letters ("r n d" below).
        ("what crimes r japan n malaysia gonna fight", "what crimes are Japan and Malaysia going to fight"),
        ("y did they sign an MOC w the coast guard", "why did they sign an MOC with the Coast Guard"),
        ("who died in ww2", "who died in World War II"),
        # Statement words as Malay spells them, in an English question.
        ("any suport for the amonia turbine", "any support for the ammonia turbine"),
        # A slip that keeps a statement word's stem is still mended, for the embedders' sake.
        ("a non permanant seat", "a non permanent seat"),
        ("each countrys hopes", "each country's hopes"),  # the possessive, not "country"
        ("Permanant members?", "Permanent members?"),
        # The words around a slip tell equally likely mends apart (English bigram counts): not
        # "how must", nor "Withdrawn will" ("whdn" as a shortening), nor "were in" for "wbere in".
        ("how muct funding", "how much funding"),
        ("Whdn will it start?", "When will it start?"),
        ("Wbere in Malaysia?", "Where in Malaysia?"),
        # A rare word where the word before all but asks for a very common one.
        ("how mush funding", "how much funding"),
        ("How manu visitors?", "How many visitors?"),
        # A swap and a neighbouring key are near as likely: the words around choose ("knot"
        # is the swap).
        ("a probe knto the origins", "a probe into the origins"),
        # Where the words around tell nothing, a far commoner word is the likelier ("heat" is
        # the swap).
        ("Ehat imoort duties did they cut?", "What import duties did they cut?"),
        # Two letters swapped back make a word too rare for the speller's list.
        ("what about pynogyang", "what about pyongyang"),
        # A name outside the statement, by its likeliest slips only (a swap, a neighbouring key),
        # typed in lower case or as a name: WordNet's names and the countries'.
        ("what about pylngyang", "what about pyongyang"),
        ("ties with Ameircan firms", "ties with American firms"),
        ("the stance on Talwan", "the stance on Taiwan"),
        ("the coronavrius origins", "the coronavirus origins"),
        # A long word in no English list at all, which one key put back for its neighbour makes
        # one English word, however rare for the speller's list ("navies", "orbiting").
        ("are the two naviws still drilling", "are the two navies still drilling"),
        ("fly up to the lrbiting lab", "fly up to the orbiting lab"),
        # A long capitalised word no name, which two letters swapped back make one English word.
        ("between two Southaest Asian neighbours", "between two Southeast Asian neighbours"),
        # A magnitude's shorthand after a number; "mil" alone may be "military".
        ("the 870 mil doses", "the 870 million doses"),
        ("2 tn in aid and mil ties", "2 trillion in aid and mil ties"),
    ],
)
def test_slips_are_mended(normalizer, typed, read):
    assert normalizer.normalize(typed).text == read


@pytest.mark.parametrize(
    "text",
    [
        "rational interests",  # a real word one letter from "national"
        "What about semiconductors and hybrids?",  # other forms of statement words
        "U.S. and U.K. positions",  # "U" before a dot is an initial, not "you"
        "What about r&d and plan R?",  # a letter in a name or a capital is not "are"
        "R&D by AT&T",  # "&" inside a name is no "and"
        "the Ohtani question",  # a name that is no slip of any word
        "what did Biden say",  # a name one letter from another ("Baden"), by no likely slip
        "trilateral talks",  # a rare word, but no slip of "bilateral": a slip keeps the first letter
        "msg from the pms",  # a shortening of more than one statement word, or of none
        "the main issue",  # a common word, though it starts "maintaining"
        "nasi lemak recipe",  # Malay, not a clipping of a name's "nasional"
        "a conf call",  # starts "confirmed" and "conference" alike
        "r n d spending and q n a",  # letters spelt out, not chat
        "the thais and a notional goverment",  # rare English words (and misspellings) stay
        "the kelp farmers",  # rare, and "the" asks for no one word ("help")
    ],
)
def test_real_words_stay(normalizer, text):
    assert normalizer.normalize(text).text == text


def test_changes_are_reported(normalizer):
    result = normalizer.normalize("what abt semicondcutor")
    assert result.changes == (("abt", "about"), ("semicondcutor", "semiconductor"))


def test_case_comes_from_names_not_from_sentence_starts_or_titles():
    n = Normalizer(
        ["Furthermore, the leaders welcomed the recent Budget announcement. They met Anwar Ibrahim in Japan.",
         "Japan and the Strategic Mineral Recovery initiative were named."],
        titles=["Team Work"],
    )
    # A word capitalised only where a sentence starts, or in a heading, is no name.
    assert n.normalize("furthermore the team met").text == "furthermore the team met"
    # A word the statement writes alone as a name takes its case; a longer name takes its case
    # only as a whole.
    assert n.normalize("what about japan").text == "what about Japan"
    assert n.normalize("what did anwar ibrahim say").text == "what did Anwar Ibrahim say"
    assert n.normalize("the strategic mineral recovery initiative").text == (
        "the Strategic Mineral Recovery initiative"
    )
    assert n.normalize("what recovery").text == "what recovery"
    # ... but a word of one that is rare in English is a name on its own too.
    assert n.normalize("what did anwar say").text == "what did Anwar say"


def test_a_country_named_only_inside_a_longer_name_is_still_a_name():
    n = Normalizer(["We support peace across the Taiwan Strait and the Recovery Budget. The G7 and MC12 met."])
    # countryinfo knows Taiwan: typed alone, the country; "budget" of a name stays a word.
    assert n.normalize("what about taiwan and the budget").text == "what about Taiwan and the budget"
    # A name of letters and digits, in the statement's case; in another language too.
    assert n.normalize("did the g7 talk about mc12").text == "did the G7 talk about MC12"
    assert n.normalize_other("was sagt die g7 zu taiwan", "de").text == "was sagt die G7 zu Taiwan"


def test_french_typed_without_its_apostrophes_gets_them_back():
    n = Normalizer(["The G7 committed to net zero."])
    assert n.normalize_other("le g7 sengage t il sur la neutralité carbone", "fr").text == (
        "le G7 s'engage t il sur la neutralité carbone"
    )
    assert n.normalize_other("Combien dargent pour lunion", "fr").text == "Combien d'argent pour l'union"
    assert n.normalize_other("COMBIEN DARGENT", "fr").text == "COMBIEN D'ARGENT"  # as typed
    # A word of its own ("dinde") is left alone, and English has no such elision.
    assert n.normalize_other("une dinde", "fr").text == "une dinde"
    assert n.normalize_other("sengage", "de").text == "sengage"
    assert n.normalize_other("G7の70周年", "ja").text == "G7の70周年"  # no French list is read for it


def test_the_initials_of_a_name_the_statement_spells_out_are_its_acronym():
    n = Normalizer(["They backed India's membership in the Nuclear Suppliers Group at the Kelp Quorum."])
    assert n.normalize("do they back india in the nsg").text == "do they back India in the NSG"
    # Not the initials of a name of two words ("kq" is no English word either): two letters are
    # too many things' initials.
    assert n.normalize("when is the kq").text == "when is the kq"


def test_initials_the_statement_coins_that_spell_a_name_of_english_are_that_name_in_lower_case():
    """ "ASIA" (an alliance's initials) typed "asia" in "south asia" is Asia, as English writes it;
    the question that calls it initials means the alliance. An acronym the statement only uses
    ("ISIS") stays one."""
    n = Normalizer(["The leaders launched the Autonomous Systems Industry Alliance (ASIA) against ISIS."])
    assert n.normalize("any drills planned in south asia").text == "any drills planned in south Asia"
    assert n.normalize("any drills planned in south Asiw").text == "any drills planned in south Asia"  # mended too
    assert n.normalize("what does asia stand for").text == "what does ASIA stand for"
    assert n.normalize("what is the acronym asia").text == "what is the acronym ASIA"
    assert n.normalize("what about isis").text == "what about ISIS"


def test_a_name_english_gives_a_people_is_no_clipping_of_a_statement_word():
    n = Normalizer(["Malaysia and Japan met. Malaysian firms welcomed it."])
    assert n.normalize("anything on the malay peninsula").text == "anything on the malay peninsula"


def test_a_function_word_after_the_is_the_code_the_statement_writes_with_its_letters():
    n = Normalizer(["The U.S. and the EU back the WHO. They told us who spoke, and it was welcomed."])
    assert n.normalize("what did the us and the who agree").text == "what did the U.S. and the WHO agree"
    # ... and so is its possessive typed without the apostrophe, no "who's".
    assert n.normalize("how much goes to the whos budget").text == "how much goes to the WHO's budget"
    # Not the pronoun, nor a word the statement never writes in capitals.
    assert n.normalize("tell us who agreed and what the it team said").text == (
        "tell us who agreed and what the it team said"
    )


def test_a_number_word_inside_a_name_stays_a_number():
    """ "Group of Seven" is read as two runs ("of" ends one), but "seven" typed alone is the number."""
    n = Normalizer(["The leaders of the Group of Seven met in Cornwall."])
    assert n.normalize("what did the seven governments agree in cornwall").text == (
        "what did the seven governments agree in Cornwall"
    )


def test_a_partys_country_code_in_chat_is_its_name():
    """ "jp" is Japan where the statement is Japan's (countryinfo's ISO codes), but only a party's
    code: "arm" stays a word in a statement that names Armenia, and "my" a function word."""
    texts = ["Both Japan and Malaysia welcomed talks with Armenia.", "Leaders of Japan and Malaysia met."]
    n = Normalizer(texts, parties={"japan", "malaysia"})
    assert n.normalize("when did jp and mys sign it").text == "when did Japan and Malaysia sign it"
    assert n.normalize("my arm hurts").text == "my arm hurts"
    assert Normalizer(texts).normalize("when did jp sign").text == "when did jp sign"


def test_a_possessive_typed_without_its_apostrophe_is_a_possessive():
    """Lower case strips the apostrophe: "lemurias" is "Lemuria's" (a name of the statement),
    "pyongyangs" "pyongyang's" (a common word, wordfreq's, and no slip of one); words, plurals
    and slips stay theirs."""
    n = Normalizer(["The leaders of Lemuria and Atlantis discussed the kelp programmes."])
    assert n.normalize("what is lemurias gdp").text == "what is Lemuria's gdp"
    assert n.normalize("pyongyangs view of the kelp").text == "pyongyang's view of the kelp"
    assert n.normalize("the leaders programmes and the bus news").text == "the leaders programmes and the bus news"
    assert n.normalize("when it somes to kelp").text == "when it comes to kelp"
    assert n.normalize("Lemurias kelp").text == "Lemuria's kelp"


def test_a_code_typed_in_pieces_is_the_statements_code():
    """Lower case without punctuation types "U.S." as "u s" and "H-1B" as "h 1b"."""
    n = Normalizer([
        "The Lemurian and U.S. navies will fly the XQ-9B. The plan is two-way, after 2033-2034. "
        "Dr. A.B. Quorvex spoke in 2023.Pendragon agreed, as U.R. Pendragon said."
    ])
    assert n.normalize("why did the u s buy the xq 9b").text == "why did the U.S. buy the XQ-9B"
    assert n.normalize("a two way plan").text == "a two-way plan"
    # Chat's "u r" is "you are", though it spells "U.R."; "tell us" is no "U.S."; numbers and two
    # words run together at a full stop are no codes; nor are pieces typed in capitals.
    assert n.normalize("what u r saying").text == "what u r saying"
    assert n.normalize("tell us about it").text == "tell us about it"
    assert n.normalize("in 2033 2034 the plan").text == "in 2033 2034 the plan"
    assert n.normalize("in 2023 pendragon agreed").text == "in 2023 Pendragon agreed"
    assert n.normalize("what did a b quorvex say").text.startswith("what did A.B. ")
    assert n.normalize("U S policy").text == "U S policy"


def test_a_code_the_statement_never_writes_is_joined_too():
    """ "H-1B" in lower case without hyphens is "h 1b": still a code (a name the statement may not
    give), not a letter and a number; but not a word and a year, nor chat's "u 2"."""
    n = Normalizer(["The leaders of Lemuria and Atlantis met in 2025."])
    assert n.normalize("how many h 1b visas and mq 9b drones").text == "how many H-1B visas and MQ-9B drones"
    assert n.normalize("f 35 jets").text == "F-35 jets"
    assert n.normalize("jan 2025 a 10 year plan top 3").text == "jan 2025 a 10 year plan top 3"


def test_another_language_gets_its_slips_mended_and_the_statements_names():
    n = Normalizer(["The leaders welcomed the Kelp Accord (KELPA) and the MIDORI INFINITY research in Lemuria."])
    malay = n.normalize_other("Bial projek kelpa ni dilancarkan dgn lemuria?", "ms")
    # A slip of a Malay word (wordfreq's list), the statement's names in their case; chat's
    # "ni" and "dgn" are words of Malay, and no English abbreviation is written out.
    assert malay.text == "Bila projek KELPA ni dilancarkan dgn Lemuria?"
    assert malay.changes == (("Bial", "Bila"),)  # a change of case alone is no slip mended
    assert malay.as_typed == "Bila projek kelpa ni dilancarkan dgn lemuria?"
    # In Japanese, a word in Latin letters is mended only into the statement's words, apart
    # from the script around it.
    japanese = n.normalize_other("MIDORU IFNINITYではどんな協力？KELAPは？", "ja")
    assert japanese.text == "MIDORI INFINITYではどんな協力？KELPAは？"
    # A word of no list and no statement word near it stays.
    assert n.normalize_other("Apakah Zorblat?", "ms").text == "Apakah Zorblat?"


def test_the_typed_case_is_kept_beside_the_statements():
    n = Normalizer(["The leaders welcomed the recent Budget announcement."])
    result = n.normalize("what is the budget")
    assert result.text == "what is the Budget"
    assert result.as_typed == "what is the budget"


def test_the_shared_english_speller_suggests_what_one_dictionary_of_both_would():
    """One English dictionary for every statement, one small one per statement: the nearest
    words, their distances, counts and order are those of a single dictionary of both."""
    import json
    import re
    from pathlib import Path

    from symspellpy import SymSpell, Verbosity

    from jmqa import normalize
    from jmqa.word_frequency import most_common, zipf

    vocabulary = tuple(sorted(Normalizer([p.text for p in load_statement().passages]).vocabulary))
    both = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    for word in most_common("en", normalize._COMMON_WORDS):
        if word.isalpha():
            both.create_dictionary_entry(word, max(1, int(10 ** zipf(word, "en"))))
    for word in vocabulary:
        both.create_dictionary_entry(word, normalize._STATEMENT_WORD_COUNT)

    root = Path(__file__).resolve().parents[1] / "eval"
    words = {w.lower() for w in vocabulary} | {
        w.lower()
        for path in sorted(root.glob("holdout-2026-11-29*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
        for w in re.findall(r"[A-Za-z]{4,}", json.loads(line)["question"])
    }
    typed = set()
    for word in sorted(words):  # a letter swapped, dropped, doubled, and one replaced
        middle = len(word) // 2
        typed |= {
            word[:middle - 1] + word[middle] + word[middle - 1] + word[middle + 1:],
            word[:middle] + word[middle + 1:],
            word[:middle] + word[middle] + word[middle:],
            word[:middle] + ("a" if word[middle] != "a" else "e") + word[middle + 1:],
        }
    assert len(typed) > 3000
    for text in sorted(typed):
        limit = 1 if len(text) < 7 else 2
        expected = both.lookup(text, Verbosity.CLOSEST, max_edit_distance=limit, include_unknown=False)
        got = normalize._suggestions(text, limit, vocabulary, "en")
        assert [(s.term, s.distance, s.count) for s in got] == [(s.term, s.distance, s.count) for s in expected], text


def test_a_slip_is_mended_to_a_word_known_to_lead_to_the_statement():
    # "carmakers" is no word of this text, and too rare for the English speller's list; a
    # glossary that leads it to the statement's "automobile" makes it known.
    texts = ["The leaders welcomed the automobile partnership."]
    assert Normalizer(texts).normalize("which carmakrrs").text == "which carmakrrs"
    assert Normalizer(texts, known=["carmakers"]).normalize("which carmakrrs").text == "which carmakers"


def test_a_long_word_one_slip_from_a_statement_word_is_that_word_however_it_slipped():
    n = Normalizer(["The extradition of the kelp smuggler to Lemuria was approved."])
    # A letter left out ("extradition") is less likely than a neighbouring key ("extraction")
    # in general, but the question is about this statement.
    assert n.normalize("who was approved for extradtion").text == "who was approved for extradition"


def test_a_regular_form_of_a_word_too_rare_for_the_lists_stays():
    n = Normalizer(["We oppose countering measures in orbit."])
    assert n.normalize("is junk cluttering up orbit").text == "is junk cluttering up orbit"
    # But a "y" after a consonant takes "-ies": "countrys" is still mended.
    assert n.normalize("each countrys hopes").text != "each countrys hopes"


def test_a_listed_word_too_rare_for_the_speller_is_no_slip_for_a_word_a_key_away():
    # "jabbed" is one key from "nabbed" and "aircon" from "zircon": rare words, but words.
    n = Normalizer(["We will vaccinate the world and cool homes."])
    assert n.normalize("how many people get jabbed").text == "how many people get jabbed"
    assert n.normalize("fridges and aircon use less power").text == "fridges and aircon use less power"


def test_initials_typed_in_lower_case_are_the_statements_name_even_when_wordfreq_counts_them():
    # wordfreq counts "imf" as a word (Zipf 3.5); a common word is never taken for initials.
    n = Normalizer(["Island Marine Foundation will invest in Lemurian kelp.", "Coastal Atlantic Trawlers fish."])
    assert n.normalize("how much will imf invest").text == "how much will IMF invest"
    assert n.normalize("is the cat fishing").text == "is the cat fishing"
    # Nor a contraction typed without its apostrophe: "hed" is "he'd", not initials.
    n = Normalizer(["His Excellency Dato Kelp met the Lemurian envoy."])
    assert n.normalize("what did hed say").text == "what did he'd say"


def test_a_questions_first_word_one_likely_slip_from_a_question_word_is_that_word():
    n = Normalizer(["The kelp dialogue will meet at an early date in Lemuria."])
    # A neighbouring key or two letters swapped, on a word rarer than Zipf 3.5 or none at all.
    assert n.normalize("Whdn exactly is the next dialogue?").text == "When exactly is the next dialogue?"
    assert n.normalize("Shat year did they set?").text == "What year did they set?"
    assert n.normalize("wohs the envoy to Lemuria").text == "who's the envoy to Lemuria"
    # A common first word stays, and so does markup.
    assert n.normalize("Tell me about kelp").text == "Tell me about kelp"
    assert n.normalize("<div>kelp?</div>").text == "<div>kelp?</div>"


def test_the_words_around_tell_two_statement_words_one_slip_away_apart():
    n = Normalizer(["The dialogue will meet at an early date.", "The harbour is safe."])
    # "dafe" is one neighbouring key from "date" and from "safe", both the statement's words.
    assert n.normalize("what is the dafe of the dialogue").text == "what is the date of the dialogue"


def test_the_words_around_may_ask_for_an_english_word_before_a_statement_word_as_near():
    n = Normalizer(["The allies must act on kelp funding."])
    # "muct" is one slip from "must", the statement's, and from "much", which "how ... of" asks for.
    assert n.normalize("how muct of the money is for kelp").text == "how much of the money is for kelp"
    assert n.normalize("they muct act").text == "they must act"


def test_more_contractions_typed_without_their_apostrophe():
    n = Normalizer(["The Lemurian envoy will fly to the kelp station."])
    assert n.normalize("whos the envoy wholl fly there").text == "who's the envoy who'll fly there"
    assert n.normalize("theres a station theyll visit").text == "there's a station they'll visit"


def test_a_word_english_never_writes_there_is_the_statement_word_a_slip_away_it_does():
    """A real word typed for another ("cite" for "site") is mended only where English never
    writes it between its neighbours but does write the statement's word there."""
    n = Normalizer(["Lemuria picked a site for the kelp plant on that date. They will carry out the plan in full this year."])
    assert n.normalize("which cite has lemuria picked").changes == (("cite", "site"),)
    assert n.normalize("will they carry it out in dull").changes == (("dull", "full"),)
    # A common word is meant ("the fate of the kelp"), and "form" is no slip of a statement word.
    assert n.normalize("what is the fate of the kelp").changes == ()
    assert n.normalize("in what form will the aid come").changes == ()
    assert n.normalize("which gear did they sign it").changes == ()
    # Nor where English never writes the statement's word beside a word of meaning next to it:
    # "that fully" is common, "fully others" is not.
    n = Normalizer(["Lemuria and Atlantis fully back the plan."])
    assert n.normalize("what about countries that bully others").changes == ()


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        # A slip in a name's word that makes another word: the rest of the name tells it.
        ("What is LOWER Asia and what do the leaders expect from it?", "What is POWER Asia and what do the leaders expect from it?"),
        ("oLok Eats Policy?", "Look East Policy?"),
        # A name of mixed case, one likely slip from the statement's.
        ("GREEHxEXPO 2027 dates", "GREENxEXPO 2027 dates"),
        # Typed right, or no slip of a name's word, stays.
        ("What is POWER Asia?", "What is POWER Asia?"),
        ("Is the lower house of Asia's parliaments mentioned?", "Is the lower house of Asia's parliaments mentioned?"),
    ],
)
def test_a_name_of_the_statement_typed_with_a_slip_in_its_words_is_that_name(normalizer, typed, read):
    assert normalizer.normalize(typed).text == read
