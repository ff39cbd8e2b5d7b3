"""The question-analysis stage: one frozen QuestionAnalysis per question, read by every later stage."""

from __future__ import annotations

import dataclasses

import pytest

from jmqa.analysis import (
    Analyzer,
    asking_part,
    asks_about_document,
    asks_broadly,
    asks_what_came_of,
    asks_when_made,
    asks_who_made,
    context_topic,
    premise_verb,
    reported_before,
    signed_thing,
    speaking_subject,
    split_questions,
    split_topics,
    statement_facts,
    taken_as_given,
    without_document_frame,
    without_speaker,
)
from jmqa.document import load_statement
from jmqa.entities import Entity
from jmqa.errors import InvalidQuestionError
from jmqa.parser import parse


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(load_statement())


def test_an_analysis_is_frozen(analyzer):
    analysis = analyzer.analyze("What did they say about palm oil?")
    with pytest.raises(dataclasses.FrozenInstanceError):
        analysis.language = "fr"  # type: ignore[misc]


def test_a_chat_style_question_is_normalised(analyzer):
    a = analyzer.analyze("how many ppl visited last yr")
    assert a.language == "en"
    assert a.normalized == "how many people visited last year"
    assert ("ppl", "people") in a.corrections and a.answer_types == ("number",)


def test_a_question_in_another_language_is_searched_as_written(analyzer):
    # Typed in lower case without its mark, it is searched with both, as English is; a French
    # question that a short-text detector first reads as Spanish is French, not mended as English.
    assert analyzer.analyze("bilakah mesyuarat menteri ceapad diadakan").searched == "Bilakah mesyuarat menteri CEAPAD diadakan?"
    # A Japanese question that ends on its asking particle is searched with its mark, as typed
    # with it (e5 reads the two apart); a topic typed alone asks nothing of its own.
    assert analyzer.analyze("日本とマレーシアの首脳はいつ会談しましたか").searched == "日本とマレーシアの首脳はいつ会談しましたか？"
    assert analyzer.analyze("台湾海峡の情勢について何と述べましたか").searched == analyzer.analyze("台湾海峡の情勢について何と述べましたか？").searched
    assert analyzer.analyze("半導体協力").searched == "半導体協力"
    assert analyzer.analyze("マレーシアの").searched == "マレーシアの"  # "Malaysia's": a fragment
    assert analyzer.analyze("日程は決まったの").searched == "日程は決まったの？"
    french = analyzer.analyze("Combien d'argent le Japon a-t-il investi en Malaisie ?")
    assert (french.language, french.corrections, french.answer_types) == ("fr", (), ("money",))


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        # A courtesy is left out once the chat words are read ("pls" is "please"), so the
        # question starts with what it asks for.
        ("Pls tell me who the senior negotiators are.", ("person",)),
        ("Please tell me who the senior negotiators are.", ("person",)),
        ("I'd like to know when the next summit is.", ("time",)),
    ],
)
def test_a_courtesy_before_the_question_hides_no_answer_kind(analyzer, question, kinds):
    a = analyzer.analyze(question)
    assert a.answer_types == kinds
    assert a.normalized.lower().startswith(("who", "when"))


def test_the_asking_sentence_of_a_long_message(analyzer):
    a = analyzer.analyze("I'm writing a piece for our newsletter. How many visitors were there in 2025?")
    assert a.asking == "How many visitors were there in 2025?"
    assert a.text.startswith("I'm writing")  # what the answer echoes is what was typed


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("I'm writing a piece on kelp farming in the north. Which firms did they name?", "kelp farming in the north"),
        # The asker's own errand after the topic is no part of it, nor is the occasion itself.
        ("I'm writing a piece on climate pledges for our local paper. By what year will emissions fall?", "climate pledges"),
        ("I work on a kelp farm and we get a lot of flak. Does the statement help seaweed growers?", "a kelp farm"),
        ("We're putting together a newsletter on the visit. What did they promise?", ""),
        # Context about the asker alone names no topic; nor does a question without context.
        ("I'm writing a piece for my newsletter. Which firms did they name?", ""),
        ("What did they say about kelp?", ""),
    ],
)
def test_the_topic_a_messages_context_names(text, topic):
    assert context_topic(text, asking_part(text)) == topic


def test_the_topic_of_the_context_is_searched_with_the_question(analyzer):
    a = analyzer.analyze("I'm writing a piece on Japanese investment in the car sector. Which companies did they point to?")
    assert a.asking == "Which companies did they point to?"
    assert a.searched.endswith("Japanese investment in the car sector")
    # What it asks for is read from the question alone.
    assert a.answer_types == ("organisation",)


@pytest.mark.parametrize(
    ("text", "asking"),
    [
        ("Hello. What did they agree on palm oil?", "What did they agree on palm oil?"),
        ("I cover trade. how many visitors were there in 2025", "how many visitors were there in 2025"),
        # An initialism or a title before a name ends no sentence, unless a question follows it.
        ("Where will the Atlantis-U.S. Kelp Institute be based?", "Where will the Atlantis-U.S. Kelp Institute be based?"),
        ("Did Dr. Leclerc sign it?", "Did Dr. Leclerc sign it?"),
        ("I live in the U.S. What did they agree on palm oil?", "What did they agree on palm oil?"),
        # Nor does an initialism written with spaces, as Spanish writes the US.
        ("¿Qué acordaron la UE y EE. UU. sobre el acero?", "¿Qué acordaron la UE y EE. UU. sobre el acero?"),
        # A request typed in lower case after the context is asked too.
        ("i write a newsletter. tell me about palm oil", "tell me about palm oil"),
        ("saya pelajar. berapa ramai pelawat tahun lepas", "berapa ramai pelawat tahun lepas"),
        # The asking sentence names nothing of its own: the context is the topic.
        ("The PMs praised a car-industry tie-up. Which companies?",
         "The PMs praised a car-industry tie-up. Which companies?"),
        ("What did they say about palm oil?", "What did they say about palm oil?"),
        # An asking sentence that points back keeps the sentence it points to ...
        ("Two initiatives came out of the visit, TRUST and ASIA. What does each one cover?",
         "Two initiatives came out of the visit, TRUST and ASIA. What does each one cover?"),
        # ... but not one that points to a topic it sets itself, before a dash or a colon.
        ("I write a newsletter. hackers locking up company files - is that on their radar?",
         "hackers locking up company files - is that on their radar?"),
        ("I read about the kelp platform. tell me - who is it for?",
         "I read about the kelp platform. tell me - who is it for?"),
        # ... and so does "that" or "these" before a noun, which names something said before ...
        ("Some call the kelp accord a sell-out. Does the statement reject that framing?",
         "Some call the kelp accord a sell-out. Does the statement reject that framing?"),
        # ... and so does "the other" (or "the former", "the latter") standing for a thing named
        # before; not "the other" before its own noun.
        ("Atlantis and Lemuria backed each other's bids for seats. For which terms does each back the other?",
         "Atlantis and Lemuria backed each other's bids for seats. For which terms does each back the other?"),
        ("I follow the talks. Which kelp farms do the other partners run?", "Which kelp farms do the other partners run?"),
        # ... but not the statement itself, nor "those" standing alone, nor a clause's "that".
        ("I'm writing a story. What does Lemuria get under this deal?", "What does Lemuria get under this deal?"),
        # A chat abbreviation is read spelled out: "this yr" is a year, not a thing said before.
        ("I'm writing a piece. which kelp accords will they sign this yr", "which kelp accords will they sign this yr"),
        ("I served there. What did they demand of those responsible?", "What did they demand of those responsible?"),
        ("I write a newsletter. Is there anything that covers kelp farming?", "Is there anything that covers kelp farming?"),
        # ... but "is there" points nowhere.
        ("I write a newsletter. Is there anything on palm oil?", "Is there anything on palm oil?"),
        # "Is that a ...?": "that" is the thing just named, so the sentence naming it comes along.
        (
            "They say Lemuria promised kelp. Is that a guarantee or are there strings attached?",
            "They say Lemuria promised kelp. Is that a guarantee or are there strings attached?",
        ),
        ("I write a newsletter. Any fuels such as LNG or naphtha?", "Any fuels such as LNG or naphtha?"),
        # A few words after the question ask more of it; a thanks asks nothing.
        ("I follow space news. When is the satellite launch? Exact date pls", "When is the satellite launch? Exact date pls"),
        # After a question mark, a remark in lower case is no part of it; a few words still are.
        ("What did they say about kelp farming? need it for the 3pm wire", "What did they say about kelp farming?"),
        ("When is the satellite launch? exact date pls", "When is the satellite launch? exact date pls"),
        # ... and so does a sentence that goes on from it, however long.
        ("Anything on kelp? and also anything about space or satellites", "Anything on kelp? and also anything about space or satellites"),
        ("I follow space news. When is the satellite launch? Thanks!", "When is the satellite launch?"),
        # ... nor is a closing thanks the question of a message that has no question mark.
        (
            "Good afternoon, I would be grateful if u could tell me which kelp plan they backed. Thank u so much.",
            "Good afternoon, I would be grateful if u could tell me which kelp plan they backed.",
        ),
        ("I'm a student. Which airline flies the kelp route? Many thanks in advance.", "Which airline flies the kelp route?"),
        # ... nor one run on at the end of a message typed without stops; but "thank you" alone
        # may be what is asked about.
        (
            "good afternoon could you tell me which kelp plan they backed many thanks for your help",
            "good afternoon could you tell me which kelp plan they backed",
        ),
        ("what did they agree on kelp thanks", "what did they agree on kelp"),
        ("did the leaders say thank you", "did the leaders say thank you"),
        # ... and so does a request in the imperative after it.
        ("What did they say about kelp? Tell me about the fleet too.", "What did they say about kelp? Tell me about the fleet too."),
        # "According to this" names the statement, not something in the context before.
        ("hi, i teach Form 4 geography. how many visitors came last year according to this?", "how many visitors came last year according to this?"),
        ("I read about the kelp fund. how much has it raised?", "I read about the kelp fund. how much has it raised?"),
        # ... and so does one that asks without its mark.
        ("they agreed to buy kelp boats right? how many and how much", "they agreed to buy kelp boats right? how many and how much"),
        # A full stop before a lower-case word ends the context too; not after "approx." or "etc.".
        ("I write a newsletter. kelp farms - how much are they investing?", "kelp farms - how much are they investing?"),
        ("Did approx. ten kelp farms sign the accord?", "Did approx. ten kelp farms sign the accord?"),
        # A courtesy that only introduces the question goes, so "did" starts it again ...
        ("Could you tell me, did they sign a treaty?", "did they sign a treaty?"),
        ("Would you mind telling me: what is JBIC involved in?", "what is JBIC involved in?"),
        ("Could you kindly let me know when they met?", "when they met?"),
        ("Hello. I was wondering, is there anything on chips?", "is there anything on chips?"),
        # A chat opener goes too ("wait", "ok so"), but a word that begins the topic stays.
        ("wait so how many people live in the two unions??", "how many people live in the two unions??"),
        ("ok so, what about kelp?", "what about kelp?"),
        ("Please, what is the kelp budget?", "what is the kelp budget?"),
        ("Well-being of fishers: what do they say?", "Well-being of fishers: what do they say?"),
        # Typed without a sentence mark, the asker's context ends where a direct question starts
        # ("what did", "how many") ...
        ("im a grad student in leclerc when did the kelp dialogue start", "when did the kelp dialogue start"),
        ("i run an exchange club how many people travelled last year", "how many people travelled last year"),
        ("i teach science which exchange programmes is lemuria keeping going", "which exchange programmes is lemuria keeping going"),
        ("i read about kelp plants whats the budget for kelp farms", "whats the budget for kelp farms"),
        ("i read the report which the ministry has published on kelp", "i read the report which the ministry has published on kelp"),
        # ... or a yes/no question does, its auxiliary before its subject; not a clause going on.
        ("im a lemurian traveller did the leaders agree on a visa waiver for lemurians", "did the leaders agree on a visa waiver for lemurians"),
        ("i make kelp gloves in leclerc will my gloves get lower kelp duties", "will my gloves get lower kelp duties"),
        ("im the one student who is the first to study kelp tariffs", "im the one student who is the first to study kelp tariffs"),
        ("im a kelp reporter how much is the kelp deal worth", "how much is the kelp deal worth"),
        # ... or a word between "how" and the auxiliary ("how big do", "how fast did"), or "what
        # kind of" before a noun of four words.
        ("im covering the lemuria visit how big do the two governments want kelp trade to get", "how big do the two governments want kelp trade to get"),
        ("our think tank tracks kelp policy what kind of kelp farm tax reform do the two leaders back", "what kind of kelp farm tax reform do the two leaders back"),
        ("my students keep asking how big the kelp fund is", "my students keep asking how big the kelp fund is"),
        # A country or its capital after the auxiliary is a subject too; a people ("are french
        # trading houses") is as often an adjective.
        ("im covering the kelp smuggling case has paris agreed to hand over any suspect", "has paris agreed to hand over any suspect"),
        ("i cover kelp farming is france going to lead the kelp task force", "is france going to lead the kelp task force"),
        (
            "i export kelp and my buyers are french trading houses did the leaders say anything about kelp",
            "did the leaders say anything about kelp",
        ),
        ("Im on deadline: how many kelp seeds will the fund buy in the next year", "Im on deadline: how many kelp seeds will the fund buy in the next year"),
        # ... and a second question run into a first is marked as one, as if typed with its "?".
        ("has lemuria picked a site for the kelp plant yet where will it be built", "has lemuria picked a site for the kelp plant yet? where will it be built?"),
        ("did the kelp fund raise any money how much", "did the kelp fund raise any money? how much?"),
        # ... and so is one that asks "which <noun>" of the first, inverted or at the end.
        ("has lemuria picked a site for the kelp plant which region", "has lemuria picked a site for the kelp plant? which region?"),
        ("has lemuria decided where the kelp plant will be built which region is it going in", "has lemuria decided where the kelp plant will be built? which region is it going in?"),
        ("did they agree to cut kelp tariffs and by how much", "did they agree to cut kelp tariffs and by how much"),
        # After sentences about the asker alone, the last sentence is what is asked, even without
        # a question word; not after a sentence on the topic.
        ("I'm writing a piece for my newsletter. best kelp farms near leclerc", "best kelp farms near leclerc"),
        ("Kelp farms grow in Leclerc. the budget for the farms", "Kelp farms grow in Leclerc. the budget for the farms"),
        # ... not at an embedded question, nor a second question, nor after the question's own topic.
        ("i teach history and my students ask what atlantis does about kelp", "i teach history and my students ask what atlantis does about kelp"),
        ("which firm builds it and how much will it cost", "which firm builds it and how much will it cost"),
        ("when discussing the kelp farms what did the leaders commit to", "when discussing the kelp farms what did the leaders commit to"),
        ("now that the us has agreed to sell jets when will they arrive", "now that the us has agreed to sell jets when will they arrive"),
        ("thinking of showing our kelp at the expo what are the dates pls", "thinking of showing our kelp at the expo what are the dates pls"),
        # A question that names too little of its own takes the sentence before it, not an
        # apology further back ...
        ("Sorry if this is a basic question. I read about a plant that burns ammonia. What's that about?", "I read about a plant that burns ammonia. What's that about?"),
        ("Sorry. What's that about?", "Sorry. What's that about?"),
        # A "that" opening a relative clause points back to nothing; "that plant" does.
        ("Quick question for a report. which ministry runs the programmes that helped kelp startups expand into leclerc", "which ministry runs the programmes that helped kelp startups expand into leclerc"),
        ("I read about a plant that burns ammonia. Who is building that plant?", "I read about a plant that burns ammonia. Who is building that plant?"),
        # "In all of this" is the whole matter, not something named before.
        ("A friend and I were discussing this over lunch. what role does the kelp fund play in all of this?", "what role does the kelp fund play in all of this?"),
        # ... and a second question that points back to what the first one names needs nothing
        # before it.
        ("Sorry if this is a basic question. who will chair the kelp council and where is its first meeting", "who will chair the kelp council and where is its first meeting"),
        ("They named TRUST and ASIA. What does each one cover?", "They named TRUST and ASIA. What does each one cover?"),
        ("Sorry if this is a basic question. Is there anything in there about kelp farms?", "Is there anything in there about kelp farms?"),
        # ... but not a request that is the question itself.
        ("Tell me about palm oil", "Tell me about palm oil"),
        ("Can you tell me about palm oil?", "Can you tell me about palm oil?"),
        ("Do you know Japan?", "Do you know Japan?"),
    ],
)
def test_asking_part(text, asking):
    assert asking_part(text) == asking


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Apa kata mereka tentang minyak sawit?", "ms"),
        ("原子力について何と言っていますか？", "ja"),
        ("What is the Japan-Malaysia AI Platform?", "en"),  # the statement's names say nothing
        ("perodua daihatsu hev", "en"),  # names and one word: too little to tell otherwise
        ("Qu'ont dit les dirigeants sur l'huile de palme ?", "fr"),
        # Slips that made it look Malay or Dutch are mended, and then it reads as English ...
        ("Whta is Mlaaysia's GDP?", "en"),
        ("what about rubger gloevs", "en"),
        # ... but a question whose mended words are words of its own language stays in it
        # ("Quel" is not a slip for "Fuel", nor "haben" for "haven").
        ("Quel est le PIB de la Malaisie ?", "fr"),
        ("Was haben sie über Palmöl gesagt?", "de"),
        # Mostly in Latin letters, mostly another script once the statement's names are left
        # out, and a slip: read, not a crash looking the slip up in "other"'s word list.
        ("Japn Malaysia ASEAN के बारे में दोनों नेताओं ने क्या कहा?", "other"),
    ],
)
def test_language(analyzer, question, language):
    assert analyzer.analyze(question).language == language


def test_only_english_is_normalised(analyzer):
    malay = analyzer.analyze("Apakah kerjasama nuklear?")
    assert malay.normalized == malay.asking and malay.corrections == ()


def test_another_language_typed_in_lower_case_gets_only_the_statements_names_back(analyzer):
    malay = analyzer.analyze("apa kata kenyataan ni pasal osa dan asean, dan kerjasama dgn jepun")
    assert malay.language == "ms"
    assert malay.normalized == "apa kata kenyataan ni pasal OSA dan ASEAN, dan kerjasama dgn jepun"
    assert malay.corrections == ()


def test_another_language_asks_two_questions_in_two_sentences(analyzer):
    malay = analyzer.analyze("Bilakah POWER Asia dilancarkan? Dan adakah kenyataan ini menyebut bahan api penerbangan?")
    assert malay.language == "ms"
    assert malay.questions == ("Bilakah POWER Asia dilancarkan?", "Dan adakah kenyataan ini menyebut bahan api penerbangan?")
    assert analyzer.analyze("Bilakah POWER Asia dilancarkan?").questions == ()


def test_named_paragraphs_and_sections(analyzer):
    assert analyzer.analyze("What do paragraphs 3-5 say?").paragraphs == (3, 4, 5)
    assert analyzer.analyze("Summarise the security section").sections == (1,)
    assert analyzer.analyze("What about palm oil?").paragraphs == ()


def test_topics_of_a_joined_question():
    assert split_topics("What did they say about palm oil and about semiconductors?") == (
        "What did they say about palm oil?", "What did they say about semiconductors?",
    )
    assert split_topics("What did they say about palm oil?") == ()
    # A long clause after "and" is no second topic.
    assert split_topics(
        "What did they say about energy and how it will be shared between the two countries over time?"
    ) == ()


@pytest.mark.parametrize(
    "question, said, topics",
    [
        # The statement's own "X and Y" is one name's, not two topics.
        ("When is the Partnership on Wind and Solar Power due?", "the partnership on wind and solar power", ()),
        # Not joined by the statement: two topics.
        ("What about wind and solar power?", "the partnership on wind and the solar power",
         ("What about wind?", "What about solar power?")),
        # Nor by a function word beside "and": the statement names the two together, as a list.
        ("What about the wind and the solar power?", "ports facing the wind and the solar power",
         ("What about the wind?", "What about the solar power?")),
        # Topics inside a passive's subject: one thing is asked of them.
        ("What year was the pact on handing over military gear and technology signed?", "", ()),
        # A part that asks its own question is that question ...
        ("What did they say about Myanmar, and is there anything on fentanyl?", "",
         ("What did they say about Myanmar?", "is there anything on fentanyl?")),
        # ... unless it names nothing of its own: it asks more of the same.
        ("Which anniversary are their ties about to reach, and in what year?", "", ()),
        ("What did the leaders say about the crisis and how it affects them?", "", ()),
    ],
)
def test_topics_that_are_one_or_asked_apart(question: str, said: str, topics: tuple[str, ...]) -> None:
    assert split_topics(question, said) == topics


_NAMES = {"japan", "malaysia", "japanese", "malaysian", "anwar", "takaichi", "trump", "modi"}


@pytest.mark.parametrize(
    "question, searched",
    [
        # The statement's authors, as who speaks, are "they": what is searched is the topic.
        ("What did the two prime ministers say about the Korean Peninsula?",
         "What did they say about the Korean Peninsula?"),
        ("what the leaders actually said about chips", "what they actually said about chips"),
        ("How big do the two countries want their trade to get?", "How big do they want their trade to get?"),
        ("what did modi and trump say about illegal immigration?", "what did they say about illegal immigration?"),
        ("Did Japan and Malaysia say anything about Taiwan?", "Did they say anything about Taiwan?"),
        # The statement named by its parties is "it", their names joined or typed apart.
        ("What does the Japan-Malaysia statement say about ports?", "What does it say about ports?"),
        ("what does the japan malaysia joint statement say about ports", "what does it say about ports"),
        # The meeting speaks through its statement: "the summit" is "it".
        ("Does the summit say anything about changing visas?", "Does it say anything about changing visas?"),
        ("What did the summit meeting agree on kelp?", "What did it agree on kelp?"),
        # ... but a meeting that is what is asked about speaks for no one.
        ("Are there any security talks planned, and will the navies drill?", None),
        ("Was a summit meeting planned on kelp?", None),
        # One side named is part of what is asked; so is one name of a pair the statement lacks.
        ("What did Malaysia promise to keep shipping to Japan?", None),
        ("What did Anwar say about FOIP?", None),
        ("What did Prime Minister Kishida and Anwar agree about nuclear power?", None),
        # Nothing is left to search for, or the leaders are what is asked about.
        ("What did the two prime ministers say?", None),
        ("Who are the two prime ministers?", None),
        # "state" here is no verb of saying.
        ("Which Japanese state bodies are involved in rare earths?", None),
    ],
)
def test_the_statements_authors_as_speaker_are_not_searched_for(question, searched):
    assert without_speaker(question, _NAMES) == (searched or question)


def test_what_is_searched_leaves_the_speaker_out_and_the_rest_reads_the_whole_question(analyzer):
    analysis = analyzer.analyze("what did the two PMs say about the korean peninsula")
    # ... and it is read as written: a capital first, a question mark last.
    assert analysis.searched == "What did they say about the Korean Peninsula?"
    assert "PMs" in analysis.normalized  # the answer's checks still read who was named
    # Only English is rewritten.
    malay = analyzer.analyze("Apakah kata kedua-dua perdana menteri tentang Semenanjung Korea?")
    assert malay.searched == malay.normalized


@pytest.mark.parametrize(
    "question, verb",
    [
        ("Why did the US cancel the Stryker deal?", "cancel"),
        ("Why did the two leaders decide to scrap the dialogue?", "scrap"),
        ("why did Malaysia's prime minister turn down the offer", "turn"),
        ("How come Japan refused to support the bid?", ""),  # "did" or "had" is what takes it as done
        ("Why did they say so?", ""),  # framing takes nothing as done
        ("Why are the leaders worried about energy?", ""),
        ("What did Japan cancel?", ""),
        ("Why was the CEAPAD Ministerial Meeting in July 2025 cancelled?", "cancelled"),
        ("why was the summit moved to Mumbai", "moved"),
        ("Why was Anwar pleased about the new rules?", ""),  # a feeling, not a deed
        # "why" inside a sentence, before a clause in a statement's order
        ("Fact check: the statement explains why the dialogue was cancelled in 2025. What reason?", "cancelled"),
        ("Can you tell me why Japan scrapped the deal?", "scrapped"),
        ("I wonder why the two leaders decided to drop the plan", "drop"),
        ("Do you know why they agreed on this?", ""),  # framing again
        ("Tell me why the partnership is important", ""),  # no deed in the past
        # A sentence of context before the question, brought along by a word pointing back ("its").
        ("Sorry if this is basic. Why did Japan scrap its deal?", "scrap"),
        ("Quick one. why was its meeting cancelled", "cancelled"),
    ],
)
def test_the_premise_of_a_why_did_question_is_its_verb(question, verb):
    assert premise_verb(question, _NAMES) == verb


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("Did Japan and Malaysia sign a new defence treaty at this summit?", "a new defence treaty"),
        ("have the two sides inked an FTA with each other", "an FTA"),
        ("Was a fisheries deal formally signed during the visit?", "a fisheries deal"),
        ("I cover trade. Did they conclude a currency pact, and when does it start?", "a currency pact"),
        # Whether anything was signed takes no one thing as signed; nor does a choice.
        ("did the coast guards sign anything at the summit", ""),
        ("Were any documents signed on the occasion of the summit?", ""),
        ("Did they sign a binding deal, or is it something softer?", ""),
        # "sign off on", "sign up to": approve, join.
        ("Did the ministers sign off on the tax deal?", ""),
        ("What did they sign?", ""),
    ],
)
def test_what_a_yes_no_question_asks_was_signed(question, thing):
    assert signed_thing(question) == thing


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        # In a clause it takes as given, or reports as said.
        ("Since they signed a free trade deal at the summit, when does it start?", "a free trade deal"),
        ("Now that the trade agreement has been signed, when does it take effect?", "the trade agreement"),
        ("The statement says they signed a visa deal. How long can visitors stay?", "a visa deal"),
        # In a clause that says which thing it asks about, without who signed it.
        ("What are the main terms of the new trade agreement signed at this summit?", "the new trade agreement"),
        ("What tariff cuts are in the trade deal that the two PMs signed in Tokyo?", "the trade deal"),
        # ... also as the subject an auxiliary asks of.
        ("What tariffs does the free trade agreement signed at the summit eliminate?", "the free trade agreement"),
        ("What memoranda does the statement say were signed, and in which areas?", ""),
        # When or where it was signed takes it as signed too: the statement may never say it was.
        ("When was the agreement on defence equipment concluded?", "the agreement on defence equipment"),
        ("When did Lemuria and Atlantis sign their free trade agreement?", "their free trade agreement"),
        ("Where was the kelp memorandum signed?", "the kelp memorandum"),
        # Not (yet) "In which year ...?", nor who signed it, nor the statement itself.
        ("In which year was the pact on military hardware signed?", ""),
        ("Who signed the MOC on each side?", ""),
        ("Where was the joint statement signed?", ""),
    ],
)
def test_what_a_question_takes_as_signed(analyzer, question, thing):
    # As normalised: the statement's own words in its case ("Agreement").
    assert analyzer.analyze(question).signed.lower() == thing


@pytest.mark.parametrize(
    ("question", "came_of"),
    [
        ("did the fisheries subsidy talks at MC12 end up succeeding?", True),
        ("What minimum rate did the G20 finance ministers end up agreeing at their July meeting?", True),
        ("did the iraqi elections in october turn out free and fair in the end?", True),
        ("did the astronaut actually make it to the space station in 2024?", True),
        # What the statement's own authors or occasion came to is what it says.
        ("What did the two prime ministers end up agreeing on energy?", False),
        ("what did they end up deciding about the AI platform", False),
        ("How did the summit turn out?", False),
        ("Did Japan and Malaysia end up signing anything on defence?", False),
        # What may still come, and "make it" in another sense.
        ("Could traders end up paying each other in ringgit and yen?", False),
        ("Which fruits did America make it easier to ship?", False),
    ],
)
def test_a_question_on_what_came_of_something_afterwards(question, came_of):
    assert asks_what_came_of(question, _NAMES | {"america"}) is came_of


@pytest.mark.parametrize(
    ("question", "given"),
    [
        ("Since Japan and Malaysia signed a free trade agreement, when does it take effect?",
         "Japan and Malaysia signed a free trade agreement"),
        ("Now that the council has been set up, who chairs it?", "the council has been set up"),
        ("With the G7 having pledged a new climate fund, how is it split?", "the G7 having pledged a new climate fund"),
        ("seeing as they agreed to settle trade in yen how will the switch work", "they agreed to settle trade in yen"),
        ("As Japan pledged USD 50 million to the fund, what is it for?", "Japan pledged USD 50 million to the fund"),
        # What the statement itself does, in the present, but not where it only takes a topic up.
        ("Since the statement scraps the steel tariffs, when do they come off?", "the statement scraps the steel tariffs"),
        ("Since the statement mentions AI, what does it say about chips?", ""),
        # A circumstance, a state of things or a role takes no deed as done.
        ("With all the trouble in the Middle East, what did Malaysia promise?", ""),
        ("Given the sensitivities around Taiwan, what does the statement say?", ""),
        ("Given that the G7 wants to speed up vaccines, how fast?", ""),
        ("As Quad partners, what do the leaders say underpins their partnership?", ""),
        ("Since when has Japan provided security assistance, and what did it supply?", ""),
        ("As a student, I wonder what they agreed on energy?", ""),
    ],
)
def test_a_clause_that_takes_a_deed_as_done(question, given):
    assert taken_as_given(question) == given


def test_the_premise_is_read_past_the_statement_named_as_where_to_look(analyzer):
    # "agree in this statement to buy": the frame between "agree" and "to" hid the deed taken as done.
    analysis = analyzer.analyze("why did malaysia agree in this statement to buy japanese submarines?")
    assert analysis.premise == "buy"


def test_questions_of_a_message_that_asks_two():
    assert split_questions("What is the trade target, and how much are companies investing in India?") == (
        "What is the trade target?", "how much are companies investing in India?",
    )
    assert split_questions("Which ships took part? How many sailors joined the exercise?") == (
        "Which ships took part?", "How many sailors joined the exercise?",
    )
    # A part that names less than two things of its own asks more of the same question.
    assert split_questions("How much is the loan and what is it for?") == ()
    # A frame before the question is no question.
    assert split_questions("When it comes to rare earths, which nations will they work with?") == ()
    assert split_questions("Apart from gas and oil, which products will be shipped?") == ()
    # What introduces the first question is no part of it, but a topic it leads in with is each
    # question's; a question word after its preposition still starts one.
    assert split_questions("Two numbers I need: how many ships took part, and what share of them sank?") == (
        "how many ships took part?", "what share of them sank?",
    )
    assert split_questions("About the fleet - how many ships took part, and which ports did they visit?") == (
        "About the fleet - how many ships took part?", "About the fleet - which ports did they visit?",
    )
    assert split_questions("civil nuclear cooperation - which partnership covers it and what are the plans for reactors?") == (
        "civil nuclear cooperation - which partnership covers it?",
        "civil nuclear cooperation - what are the plans for reactors?",
    )
    assert split_questions("Since the ferry sank, which ports shut and who pays for the salvage?") == (
        "which ports shut?", "who pays for the salvage?",
    )
    # A word between may mark the second as apart; and "what about X" asks the same of one more
    # thing, named alone.
    assert split_questions("What reforms do they want at the WHO? and separately what about the WTO") == (
        "What reforms do they want at the WHO?", "what about the WTO?",
    )
    assert split_questions("What did they say about kelp, and what about it?") == ()
    assert split_questions("Since when has the kelp dialogue run, and what has it funded so far?") == (
        "Since when has the kelp dialogue run?", "what has it funded so far?",
    )
    # A yes-or-no question starts at its auxiliary and the subject after it; one subject doing two
    # things ("and are expected to") asks one question.
    assert split_questions("Which firms are investing in US plants, and is there anything about medicine ingredients?") == (
        "Which firms are investing in US plants?", "is there anything about medicine ingredients?",
    )
    assert split_questions("What did they say about the South China Sea? did the coast guards sign anything?") == (
        "What did they say about the South China Sea?", "did the coast guards sign anything?",
    )
    assert split_questions("Which firms are investing and are expected to build new plants?") == ()
    # A request in the imperative asks a question of its own ("..., and tell me how many ..."),
    # its full stop gone; not one that asks more of the first one's topic ("... named in it").
    assert split_questions("List the kelp programmes Lemuria will keep running, and tell me how many visitors came.") == (
        "List the kelp programmes Lemuria will keep running?", "tell me how many visitors came?",
    )
    assert split_questions("Summarise the kelp section and list the companies named in it.") == ()
    # A question asked again (pasted twice) is asked once.
    repeated = "Which ships took part in the exercise? " * 3
    assert split_questions(repeated) == ()
    assert split_questions(repeated + "How many sailors joined it?") == (
        "Which ships took part in the exercise?", "How many sailors joined it?",
    )


def test_statement_facts_come_from_its_text():
    facts = statement_facts(load_statement())
    assert facts.year == 2026
    assert {"japan", "malaysia"} <= facts.common_names
    assert "perodua" not in facts.common_names  # named once, so it singles something out


def test_statement_facts_read_dotted_names_and_the_tagged_places():
    text = (
        "United States-India Joint Leaders' Statement\n\nFebruary 13, 2025\n\n"
        + "".join(f"{n}. The U.S. and India agreed on item {n} in Washington.\n" for n in range(1, 6))
    )
    doc = parse(text)
    tags = {(1, 0): (Entity("GPE", "U.S.", 4, 8), Entity("GPE", "Washington", 42, 52), Entity("ORG", "MEXT", 0, 4))}
    facts = statement_facts(doc, tags)
    assert "u.s." in facts.common_names and not {"u", "s"} & facts.common_names
    # Not an acronym tagged as a place; an initialism also as people type it ("US").
    assert facts.place_words == {"u.s.", "us", "washington"}
    assert "us" in facts.common_names
    assert "agreed" in facts.words


def test_bad_input_is_refused_before_any_analysis(analyzer):
    with pytest.raises(InvalidQuestionError):
        analyzer.analyze("   ")
    with pytest.raises(InvalidQuestionError):
        analyzer.analyze("x \ud800")


def test_the_asking_sentence_alone(analyzer):
    # The question names one thing only, so the context stays in what is searched; but what it
    # asks is the last sentence alone.
    analysis = analyzer.analyze("I'm writing a piece for our newsletter. Which straits are mentioned?")
    assert analysis.searched.startswith("I'm writing")
    assert analysis.asked == "Which straits are mentioned?"
    assert analyzer.analyze("What about palm oil?").asked == "What about palm oil?"


def test_a_question_that_joins_things_is_marked_so(analyzer):
    assert analyzer.analyze("What did they say on energy security and on the Middle East?").joins
    assert analyzer.analyze("Does the statement mention both chips and space?").joins
    # Only the asking sentence counts: context before it joins nothing that is asked.
    assert not analyzer.analyze("I read the news, and I wonder. What did they say about the South China Sea?").joins
    assert not analyzer.analyze("What did they say about the South China Sea?").joins


@pytest.mark.parametrize(
    ("question", "joins"),
    [
        # The parties, named together, are not two topics: the statement names them everywhere.
        ("Which airlines fly the new routes between Japan and Malaysia?", False),
        ("How do Japan & Malaysia cooperate on chips?", False),
        ("What did both leaders say about Myanmar?", False),
        # A third name, or a topic beside them, still joins.
        ("What did Japan, Malaysia and ASEAN agree?", True),
        ("What did Japan and Malaysia say on chips and on space?", True),
    ],
)
def test_naming_the_parties_together_joins_no_topics(analyzer, question, joins):
    assert analyzer.analyze(question).joins is joins


def test_answer_type_reads_the_case_as_typed():
    doc = parse(
        "Joint Statement\n10 June 2026\n\n1. The leaders welcomed the recent Budget announcement.\n"
        "2. The leaders agreed to cooperate on energy.\n"
    )
    a = Analyzer(doc).analyze("what is the budget for energy cooperation?")
    assert "Budget" in a.normalized  # the statement's case, for retrieval
    assert a.answer_types == ("money",)  # but typed in lower case it asks for an amount


@pytest.mark.parametrize(
    "question, broad",
    [
        ("What does the statement say about the South China Sea?", True),
        ("Where in the statement is OSA mentioned?", True),
        ("Tell me about palm oil.", True),
        ("Everything on critical minerals, please", True),
        ("How does the Middle East come up in the statement?", True),
        ("Look East Policy?", True),  # a bare topic
        ("What did they agree on semiconductors?", False),  # what was agreed, not all that was said
        ("Which straits are named?", False),  # asks for names: an answer kind
        ("When did they say the partnership was set up?", False),  # a time
        ("Did Japan come to an agreement on LNG?", False),  # "come", not "come up"
    ],
)
def test_a_question_asks_broadly_for_all_the_statement_says_of_a_topic(analyzer, question, broad):
    assert analyzer.analyze(question).broad is broad


def test_a_question_with_an_answer_kind_or_not_in_english_is_not_broad():
    assert asks_broadly("Tell me about palm oil", ()) and not asks_broadly("Tell me about palm oil", ("money",))
    # The phrases read are English ones: a question in another language is never read as broad.
    assert not Analyzer(load_statement()).analyze("Apakah yang dikatakan tentang minyak sawit?").broad


@pytest.mark.parametrize(
    "question, when_made",
    [
        ("When was the joint statement issued?", True),
        ("Where and on what date was the joint statement issued?", True),
        ("Was the joint statement issued in Kuala Lumpur?", True),
        ("Was the statement signed on 10 June 2026?", True),
        ("When did they issue the statement?", True),
        ("What's the date of the joint statement?", True),
        ("Bilakah kenyataan bersama ini dikeluarkan?", True),
        # Malay, naming the parties, typed in lower case, or asking the place with the date.
        ("bilakah kenyataan bersama jepun malaysia dikeluarkan", True),
        ("Di mana kenyataan bersama Jepun-Malaysia ini ditandatangani dan pada tarikh apa?", True),
        ("Bilakah mesyuarat menteri itu diadakan?", False),
        ("この共同声明はいつ発表されましたか？", True),
        # The meeting it was made at, which the sentence that dates it tells of; not one to come.
        ("When did the summit take place?", True),
        ("In which city did the two leaders hold their meeting?", True),
        ("When did Anwar visit Japan?", True),
        ("When will the leaders meet again?", False),
        ("When is the next summit?", False),
        ("When did the coast guards meet?", False),
        ("When was the Strategic Dialogue launched?", False),
        ("What was announced in the statement?", False),
        ("In the statement issued on 10 June, what did they say about rice?", False),  # its occasion
        ("When was the statement agreed on semiconductors?", False),  # "on" a topic, not a date
        ("Where was the statement signed, and in how many copies?", False),  # asks more than that
        ("what day did they put out the joint statment", True),
        ("What year was this document published?", True),
        ("Was the statement issued in Osaka?", True),  # the place it offers is what it asks about
        ("What time of day was the statement released?", False),  # a time no date gives
        ("When will the next joint statement be issued?", False),  # another statement
        ("Was the statement issued in response to the crisis?", False),
        ("When does the statement say the expo opens?", False),
        ("On what occasion was the joint statement released?", True),
    ],
)
def test_a_question_asks_when_or_where_the_statement_itself_was_made(question, when_made):
    assert Analyzer(load_statement()).analyze(question).when_made is when_made  # read as mended


def test_asking_when_made_reads_the_statements_own_names_and_the_place_a_question_offers():
    assert not asks_when_made("When was the Japan-Malaysia statement issued?")
    assert asks_when_made("When was the Japan-Malaysia statement issued?", {"japan", "malaysia"})
    assert asks_when_made("was the statement issued in osaka")
    assert not asks_when_made("was the statement issued in response to the crisis")


@pytest.mark.parametrize(
    "question, searched",
    [
        # The statement named as the one who speaks, or as where to look, is no topic: it pulled
        # the search to the one paragraph that writes "this Statement" (¶27, for semiconductors).
        ("What does the joint statement say about semiconductors?", "What does it say about semiconductors?"),
        ("According to the statement, what is planned for rice?", "What is planned for rice?"),
        ("Which ports are named in the declaration?", "Which ports are named?"),
        ("what does the document mention on energy", "What does it mention on energy?"),
        # Said of it in a sentence of context, in the third person.
        ("The joint statement mentions POWER Asia. When was it launched?", "It mentions POWER Asia. When was it launched?"),
        ("What is in the statement?", "What is in the Statement?"),  # nothing else is asked (in its case)
        # The parties named together single out nothing in a statement between them.
        ("when did japan and malaysia upgrade their ties", "When did they upgrade their ties?"),
        ("Was the dialogue between Malaysia and Japan launched in 2024?", "Was the dialogue launched in 2024?"),
        # ... or as owners, each or together: theirs ("they's" once).
        ("Do Japan's and Malaysia's growth plans line up?", "Do their growth plans line up?"),
        ("What are Japan and Malaysia's growth plans?", "What are their growth plans?"),
        ("What milestone in Japan and Malaysia's ties is coming?", "What milestone in their ties is coming?"),
        ("Did Japan and Malaysian firms agree on rice?", "Did Japan and Malaysian firms agree on rice?"),
        # ... or by their capitals, as governments are written of (countryinfo's, and by initials).
        ("what year did tokyo and KL sign the deal on defence kit?", "What year did they sign the deal on defence kit?"),
        ("Did Kuala Lumpur and Tokyo agree on rice?", "Did they agree on rice?"),
        ("Did Tokyo and Seoul agree on rice?", "Did Tokyo and Seoul agree on rice?"),  # Seoul is no party's
        # A year named by the statement's date is written as the statement writes years.
        ("What is planned for next year?", "What is planned for next year (2027)?"),
        ("What is the statement's view of energy?", "What is the Statement's view of energy?"),
        # The words that say which statement go with it: its date, its authors, its parties.
        ("In the June 2026 Takaichi-Anwar joint statement, what was said about rice?", "What was said about rice?"),
        ("what did they say about rice per the june 2026 japan malaysia joint statement", "What did they say about rice?"),
        ("takaichi anwar statement june 2026 - what about rice?", "What about rice?"),
        # ... or a topic typed after its date; not its meeting, which may be what is asked about.
        ("jpn msia summit - date n venue?", "Japan Malaysia summit - date and venue?"),
        ("japan malaysia joint statement june 2026 rice exports", "Rice exports"),
    ],
)
def test_the_statement_named_as_speaker_or_as_where_to_look_is_not_searched(analyzer, question, searched):
    assert analyzer.analyze(question).searched == searched


def test_without_document_frame_keeps_a_question_with_nothing_else_to_ask():
    assert without_document_frame("Per the joint statement, who met?") == "who met?"
    assert without_document_frame("What is in the statement?") == "What is in the statement?"
    assert without_document_frame("What is in the June 2026 Takaichi-Anwar statement?") == (
        "What is in the June 2026 Takaichi-Anwar statement?"
    )


@pytest.mark.slow  # the leaders are read from the index's entity tags
def test_the_leaders_are_those_the_first_passage_names_and_together_are_not_searched(qa):
    analyzer = qa.analyzer
    assert set(analyzer.facts.leaders) == {frozenset({"takaichi", "sanae"}), frozenset({"anwar", "ibrahim"})}
    assert analyzer.analyze("Myanmar - Takaichi and Anwar, June 2026").searched == "Myanmar - June 2026"
    # One leader alone is who said it, part of the question.
    assert analyzer.analyze("What did Anwar say about Myanmar?").searched == "What did Anwar say about Myanmar?"


def test_the_words_that_say_which_statement_are_read_as_written():
    """A date word is whole ("2023" is no day "20"); a name the statement uses may be typed in
    lower case, other words only as names, in capitals."""
    names = {"modi", "biden", "india", "us"}
    assert without_document_frame(
        "By how much did student numbers grow, according to the Biden-Modi joint statement of 22 June 2023?", names
    ) == "By how much did student numbers grow?"
    assert without_document_frame("how many aircraft per the june 2023 us india joint statement", names) == (
        "how many aircraft"
    )
    # A word that is neither a name nor a date is what the question asks about.
    assert without_document_frame("What is planned, per the rice export statement?") == (
        "What is planned, per the rice export statement?"
    )


@pytest.mark.parametrize(
    "question, who_made, about_document",
    [
        ("Who issued the joint statement?", True, False),
        ("Which leaders signed this declaration?", True, False),
        ("Who are the parties to the statement?", True, False),
        ("How many paragraphs does the joint statement have?", False, True),
        ("What are the sections of the statement?", False, True),
        ("Who drafted the joint statement?", False, True),
        ("In which language was the original text of the statement signed?", False, True),
        ("On which website was the joint statement first published?", False, True),
        ("When will the next joint statement be issued?", False, True),
        ("Is the statement legally binding?", False, True),
        ("what time was the joint statment released", False, True),  # read as mended
        ("Which department or agency wrote this declaration?", False, True),  # the kind asked for
        ("What is the title of the statement's last section?", False, True),
        ("Is the declaration binding on either side?", False, True),
        ("any idea when the next joint statement is due out?", False, True),  # a courtesy, a modal
        ("What language is the statement in?", False, True),
        ("Which countries are mentioned in the statement?", False, False),  # what it says
        ("What does the last paragraph of the statement say?", False, False),  # a paragraph named
        ("Who signed the coast guard memorandum?", False, False),  # a deal the statement tells of
        ("Who is the Prime Minister of Malaysia named in the statement?", False, False),
        ("Which sections of the statement cover energy?", False, False),  # a topic
        ("What does the statement say about the next summit?", False, False),
        ("What is the statement about?", False, False),
        ("When was the joint statement issued?", False, False),  # when_made
    ],
)
def test_a_question_on_the_statement_as_a_document(analyzer, question, who_made, about_document):
    analysis = analyzer.analyze(question)
    assert (analysis.who_made, analysis.about_document) == (who_made, about_document)


def test_who_made_and_about_document_read_the_statements_own_names():
    names = {"japan", "malaysia"}
    assert asks_who_made("Which countries issued the Japan-Malaysia statement?", names)
    assert not asks_who_made("Who issued the Japan-Malaysia statement?")  # "japan" is then a topic
    assert asks_about_document("Who drafted the Japan-Malaysia statement?", names)
    assert not asks_about_document("Who drafted the Japan-Malaysia statement?")


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Two things for my thesis on kelp farming: what did they fund for the farms, and which firms will build "
         "the farms?", "kelp farming"),
        ("I'm writing a piece on kelp farming. What did they fund for the farms, and which firms will build the "
         "farms?", "kelp farming"),
        ("I'm writing for my class. What did they fund for the farms, and which firms will build the farms?", ""),
        # The first question's own topic is its own, not the second's.
        ("What did they say on kelp farming, and which firms will build the farms?", ""),
    ],
)
def test_the_topic_named_before_two_questions_is_each_ones(analyzer, text, topic):
    assert analyzer.analyze(text).questions_topic == topic



@pytest.mark.parametrize(
    ("question", "speakers"),
    [
        ("What did Lemuria and Atlantis agree on kelp?", ("lemuria", "atlantis")),
        ("What did the president of France say?", ("france",)),
        # A place after "in" is where someone is, not who speaks.
        ("my cousin in bulgaria wants to visit did the leaders say anything about visas", ()),
        ("Did the leaders in Tokyo say anything about Germany?", ()),
    ],
)
def test_who_speaks_in_a_question(question, speakers):
    assert speaking_subject(question) == speakers


def test_a_deed_read_before_a_question_typed_without_stops_is_still_reported():
    text = "i read that lemuria agreed to sell kelp boats to atlantis at this summit when will the first ones arrive"
    assert reported_before(text, "when will the first ones arrive") == "lemuria agreed to sell kelp boats to atlantis at this summit"
    # ... but not a thing only seen.
    assert reported_before("i read something online what did they say about kelp", "what did they say about kelp") == ""
