"""What a question asks for (its wording), and whether a sentence holds it (its entity types)."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

import pytest

from jmqa.answer_types import (
    StatementFacts,
    _describing_words,
    _given,
    asked_nouns,
    asks_ahead,
    counted_noun,
    expected_answer_types,
    gives_the_count,
    holds,
    named_things,
    noun_kind,
    with_years_written,
    without_choices,
    years_asked,
)
from jmqa.entities import tag_texts

# The statement's own facts, as jmqa.analysis.statement_facts reads them from its text.
FACTS = StatementFacts(
    year=2026,
    common_names=frozenset({"japan", "malaysia", "prime", "minister", "prime minister", "takaichi", "anwar", "both"}),
)


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("How many JMSDF ships took part?", ("number",)),
        # The figure asked for may follow its modifiers.
        ("What's the current trade value?", ("number",)),
        ("What's the exact dollar amount they are investing?", ("money",)),
        ("How many years will the framework run?", ("span",)),  # a duration, not a count
        # A rate is a ratio: a percentage or a count per unit answers it, not any figure.
        ("What tariff rate will apply to steel?", ("measure",)),
        ("What are their growth rates?", ("measure",)),
        ("What is Lemuria's new tariff rate on kelp?", ("measure",)),
        ("whats the eur/usd rate right now", ("measure",)),
        ("kelp dollar to atlantean crown rate today?", ("measure",)),  # terse, ended by "today"
        ("what's the dollar to crown rate today roughly", ("measure",)),
        ("Tell me today's exchange rate between the two currencies.", ("measure",)),
        ("How did Atlantis rate Lemuria's chairmanship?", ()),  # a verb
        ("What tariff-rate quota volume was agreed?", ("number",)),  # the volume is asked
        # Up to five words describe the noun asked for; a preposition or a time ends them.
        ("what minimum global corporate tax rate did they endorse", ("measure",)),
        ("Which Atlantean and Lemurian car companies were named?", ("organisation",)),
        ("Which research agencies from each country will partner?", ("organisation",)),
        # French, Spanish and German "which company / body / university".
        ("Quelle entreprise construira l'usine de varech ?", ("organisation",)),
        ("¿Qué universidades abrirán campus en Lemuria?", ("organisation",)),
        ("Welche Unternehmen wurden sanktioniert?", ("organisation",)),
        # A phrase typed on past the six words looked at ends on none of them: "youth" here is
        # the name of a group, not the thing asked for.
        ("which reef engagement groups business 7 youth 7 etc are mentioned in the communique", ("entity",)),
        ("What was the real visitor figure last year?", ("number",)),
        ("what is the last day to apply?", ("time",)),
        # A part of a whole is a ratio too: a percentage or a fraction answers it.
        ("What share of people must be vaccinated to end the pandemic?", ("measure",)),
        ("What proportion of new cases will be sequenced?", ("measure",)),
        # "How much of" a whole is a part of it; of a figure given, or of money, a figure.
        ("how much of their own land do they promise to protect for kelp", ("measure",)),
        ("How much of the world's population must get jabbed?", ("measure",)),
        ("how much of the 80 billion for kelp comes from Atlantis?", ("number",)),
        ("How much of the up to $2 billion will each member give?", ("number",)),
        ("How much has Atlantis given, and how much of that went to kelp?", ("number",)),
        # "By how much" asks the size of a change: any figure, though a money verb follows.
        ("By how much will the updated kelp pledges reduce emissions?", ("number",)),
        # Money asked in French, Spanish, German and Japanese by what is paid, invested or traded
        # (a compound on 額), not only by what it costs; a count of countries is no money.
        ("¿Cuánto pagará la aerolínea por los aviones?", ("money",)),
        ("Combien l'Atlantide paiera-t-elle pour l'usine ?", ("money",)),
        ("Combien de pays participent ?", ("number",)),
        ("Wie viel investiert Lemurien in Atlantis?", ("money",)),
        ("2025年の二国間貿易額はいくらでしたか？", ("money",)),
        ("How much will Atlantis pledge for kelp?", ("money",)),
        ("what % of the planet do they want jabbed", ("measure",)),
        ("What percentage of the loan is concessional?", ("measure",)),
        ("What is Atlantis's share of the cost?", ("money",)),  # a share of money is money
        ("How many countries share the strait?", ("number",)),  # a verb
        ("What is the state of ties?", ()),  # "state" names no place after "what is the"
        ("Tell me about the Expo.", ()),
        ("What's the size of the swap arrangement?", ("number",)),
        ("How much is JBIC lending for the grid?", ("money",)),
        ("What's the price of LNG?", ("money",)),
        ("When is the next Strategic Dialogue?", ("time",)),
        # "Which month" is answered by a month, not by a year.
        ("In which month is the next Strategic Dialogue?", ("month",)),
        # A modifier written with points ("U.S."), the "actual" date (a day), a "toll" (a count).
        ("In which U.S. city will the anchor event be held?", ("city",)),
        ("When is the next dialogue? I need the actual date.", ("day",)),
        ("What death toll does the communique cite?", ("number",)),
        # "Where" a view was put into words asks for a speech or a document, not a place.
        ("Where was Atlantis's updated kelp vision articulated?", ()),
        ("Pada bulan apa dialog itu diadakan?", ("month",)),
        ("次回の戦略対話は何月ですか？", ("month",)),
        # "By what date" asks for a deadline, which a year gives ("by the end of 2030"); "on what
        # date" for a day, also where a verb of telling asks it.
        ("By what date will Atlantis stop financing kelp plants?", ("time",)),
        ("Could you indicate by what date they will stop financing kelp plants?", ("time",)),
        ("Did they say on what date they met?", ("day",)),
        # A terse question may ask whether the statement gives a figure or a date.
        ("target for kelp exports by 2030, any number given?", ("number",)),
        ("next kelp dialogue: any date set?", ("month",)),
        # Which parts of the text, not which named thing.
        ("In which contexts does the statement refer to the kelp fund?", ()),
        ("When and where will the next summit be?", ("time", "place")),
        ("Which city hosts the Expo?", ("city",)),
        ("Where in the statement is OSA mentioned?", ()),
        ("How many tonnes of LNG will Malaysia supply?", ("number", "measure")),
        ("In which year was the partnership set up?", ("time",)),
        ("For which years is Malaysia seeking a seat?", ("time",)),  # not "which <names>"
        # A time noun inside a name asks no time.
        ("What is the 100 Days Kelp Mission about?", ()),
        ("What is the date of the Kelp Summit?", ("time",)),
        ("Which agencies work on rare earths?", ("organisation",)),
        ("What companies are named in the car industry?", ("organisation",)),
        ("Which Japanese reactor maker did Malaysia pick?", ("organisation",)),
        ("Which airlines fly the new routes?", ("organisation",)),
        ("Where do both governments stand on Pyongyang's weapons programmes?", ()),  # a position
        ("Where are Japan-Malaysia ties headed?", ()),  # a direction
        ("Where does the Myanmar question go from here?", ()),
        ("where is malaysia going to build its first nuclear plant", ("place",)),
        ("Where will the Expo take place?", ("place",)),
        # Figures of speech ask for no time or amount.
        ("When it comes to energy, what did they agree?", ()),
        ("When discussing security, did they mention coast guards?", ()),
        ("How far did they go on semiconductors?", ()),
        ("How much did they say about Myanmar?", ()),
        ("How big a role does the swap arrangement play?", ()),
        # Before a bare plural noun, "how" asks the manner, not a size.
        ("Where will they agree on how large corporations are taxed?", ("place",)),
        ("How large is the fund?", ("number",)),
        ("How much did Japan say it would contribute to the ADB?", ("money",)),
        ("How far is Yokohama from Tokyo?", ("number",)),
        # Named kinds: only a name of that kind answers them.
        ("Which minister signed the Letter of Intent?", ("signatory",)),
        ("Which specific defence equipment will Japan transfer?", ("entity",)),
        ("Which Japanese warship will escort the tankers?", ("entity",)),
        ("What equipment did Japan provide through OSA?", ()),  # ¶24 answers it in kind
        ("What about ships passing through the gulf near Iran?", ()),  # "what about": no "which"
        ("which fields besides technology will exchanges be promoted in", ("entity",)),
        ("Which universities take part?", ("organisation",)),
        ("Which like-minded countries are named?", ("country",)),
        ("Which country gave equipment to the ASEAN observers?", ("country",)),  # not "equipment"
        ("In which Malaysian state is the plant?", ("place",)),
        # Only the sentence that asks says what the answer is: not the background before it.
        ("I track which countries back each other's bids. For which years is Malaysia running?", ("time",)),
        # A leader's title asks for a person, whom the leaders named throughout answer (below).
        ("Which leader welcomed the Expo?", ("person",)),
        ("Which paragraph is about palm oil?", ()),
        ("What did they say about palm oil?", ()),
        # A yes/no question asks whether, not how much, unless it says so.
        ("Are they settling trade in yen and ringgit?", ()),
        ("Did they discuss the price of LNG?", ()),
        ("Did they say when the Expo runs?", ("time",)),
        ("Did Japan say how much it gives?", ("number",)),
        ("On what exact day in April was POWER Asia launched?", ("day",)),
        ("What date did the leaders meet?", ("day",)),  # every such question read had a day
        # Who signed asks for a signatory; which agencies signed asks for the parties.
        ("Who signed the Coast Guard MOC?", ("signatory",)),
        ("who signed the maritime MOC - which two agencies", ("organisation",)),
        ("who signed the LOI on each side, and when?", ("time", "signatory")),
        ("Which agencies signed a Memorandum of Cooperation?", ("organisation",)),
        ("Who welcomed the signing of the LOI?", ()),
        ("Siapakah yang menandatangani MOC itu?", ("signatory",)),  # Malay: who signed the MOC
        ("When will MJIIT 2.0 be completed?", ("time",)),  # "2.0" ends no sentence
        ("During which period will the fair be held?", ("time",)),  # a span of dates
        ("Who will chair the new committee?", ("person",)),  # who holds a post
        ("Who leads the task force?", ("person",)),
        ("Who signed the MOC?", ("signatory",)),
        # The signatories asked for, not named as who acts.
        ("Which signatories attended?", ("signatory",)),
        ("signatories of the MOC?", ("signatory",)),
        ("What annual volume of funding do the signatories aim to mobilise?", ("number",)),
        ("What is the time frame for the review?", ("time",)),
        ("What is the exact launch date of the NISAR mission?", ("day",)),  # words between
        # In the plural too: a meeting over several days, asked for its days.
        ("What are the exact dates of the summit India is hosting in 2024?", ("day",)),
        ("On which days will the forum meet?", ("day",)),
        # French, Spanish and German when, on what date, in which city, which country; a date to
        # reach something by is a time, as "by what date" is.
        ("Quand aura lieu la première réunion ?", ("time",)),
        ("Wann tritt das Abkommen in Kraft?", ("time",)),
        ("¿En qué fecha se celebrará la cumbre?", ("day",)),
        ("Quelle est la date de la prochaine réunion ?", ("day",)),
        ("¿Cuántas dosis donarán y para qué fecha?", ("number",)),
        ("¿En qué ciudad se celebró la cumbre?", ("city",)),
        ("In welcher Stadt findet der Gipfel statt?", ("city",)),
        ("Quel pays accueillera le prochain sommet ?", ("country",)),
        ("Welches Land wird den nächsten Gipfel ausrichten?", ("country",)),
        ("What's the timeline for the trade talks?", ("time",)),
        ("When exactly will the next Strategic Dialogue take place?", ("dated",)),
        # A yes/no question asks for a kind only through a clause it asks to be told ...
        ("Did they say in which city the Expo is?", ("city",)),
        ("Is the next summit in Tokyo, and when?", ("time",)),
        # A request put to the reader asks for what it names, whatever its verb; "say", "think"
        # and the like ask an opinion.
        ("Would you kindly advise in which city the fair will convene?", ("city",)),
        ("Do you know how many kelp farms they plan?", ("number",)),
        ("Would you say the summit where they met was a success?", ()),
        ("Would you be able to indicate the scheduled opening date of the campus?", ("month",)),
        ("Could you kindly indicate the size of the kelp fund?", ("number",)),
        ("Can you explain why they met?", ()),
        # "if so" joins on the clause it asks.
        ("Does the deal commit Atlantis to handing over ships, and if so how many?", ("number",)),
        # A "where" inside a question another wh-word asks is a relative: no place is asked.
        ("What's the name of the programme where Lemurian universities study kelp?", ("entity",)),
        ("Where will they meet, and where is the plant?", ("place",)),
        # Money asked in the plural, or by its sign.
        ("What prices did they set?", ("money",)),
        ("kelp farm deal - total $ value?", ("money",)),
        ("Is the $5 billion fund new?", ()),
        # The figure asked may follow its modifiers; "by what date" at the end asks a deadline.
        ("What is the exact total, and how is it shared out?", ("number",)),
        ("What mission does the kelp compact serve, and by what date?", ("time",)),
        ("kelp plant launch date?", ("month",)),
        # A target or due date is a deadline, which a year gives ("by the end of 2022").
        ("target date for vaccinating two thirds of Lemuria?", ("time",)),
        ("Is there a target date for scrapping kelp subsidies?", ("time",)),
        ("whats the due date for the kelp report", ("time",)),
        # Who is to hold a post, however the choice is put.
        ("Who has been appointed to lead the kelp taskforce?", ("person",)),
        ("Who is expected to head the new office?", ("person",)),
        ("Who has been named as the kelp compact's chief negotiator?", ("person",)),
        ("Who has been named director of the kelp institute?", ("person",)),
        ("Who was appointed the new envoy to Lemuria?", ("person",)),
        # "when" before a participle asks no time, also where lower case runs two sentences on.
        ("we farm kelp is anything set up so farmers get paid when supplying atlantis", ()),
        # ... not through a wh-word that asks nothing.
        ("Do they plan to use their own currencies when paying for trade?", ()),
        ("Is there any cap on how much energy Malaysia would send?", ()),
        # A request put as a question asks for what it names.
        ("Could you tell me the cost of the turbine project?", ("money",)),
        # ... nor through a yes/no question whose "yes" would be a date, a figure or a place.
        ("Did the leaders fix a date or venue for the next consultations?", ("time",)),
        ("Is there a target date for the new campus?", ("time",)),
        ("Does the statement mention the number of visitors?", ("number",)),
        ("Is there a budget for the programme?", ("money",)),
        ("Did Japan give a grant?", ()),
        ("Did they agree to boost trade?", ()),
        # "How long" asks for a duration or a length, in English, Malay and Japanese.
        ("How long did the summit meeting last?", ("span",)),
        ("How long will the subsea cable be?", ("span",)),
        ("Berapa lama lawatan itu?", ("span",)),
        ("会談は何年間続きましたか？", ("span",)),
        ("来年は国交樹立何周年ですか？", ("span",)),  # which anniversary: how many years
        ("首脳会談は何時間続きましたか？", ("span",)),  # how many hours
        ("交渉には何ヶ月かかりますか？", ("span",)),  # how many months
        ("関税を何％引き下げますか？", ("measure",)),  # by what percentage
        ("berapa tahun perjanjian itu berkuat kuasa?", ("span",)),  # Malay: for how many years
        ("berapa peratus tarif dikurangkan?", ("measure",)),  # Malay: by what percentage
        ("何年に始まりましたか？", ("time",)),
        ("How long-standing is the partnership?", ()),
        ("On what date did the Prime Minister give the speech?", ("day",)),
        ("What annual tonnage of LNG will be shipped?", ("number",)),
        ("What specific equipment did Japan provide?", ("entity",)),
        ("What kind of help is Japan offering?", ()),
        ("Berapakah jumlah pelaburan syarikat itu?", ("number",)),  # Malay: how much is the total
        ("原子力発電所を何基建設する予定ですか？", ("number",)),  # Japanese: how many (plants)
        ("年間何トンを輸入する予定ですか？", ("number",)),  # a counter in katakana: how many tonnes
        ("何カ国が参加しましたか？", ("number",)),
        ("何をしますか？", ()),
        ("Syarikat penerbangan manakah yang akan mengendalikan laluan itu?", ("organisation",)),  # which airline
        ("Syarikat Jepun melabur dalam apa?", ()),  # what do Japanese companies invest in
        ("なぜ何故そうしたのですか？", ()),
        # Malay and Japanese words for a month, a day, a cost or budget, and "which state/city".
        ("次の対話は何月に開かれますか？", ("month",)),
        ("会談は何日に行われましたか？", ("time",)),
        ("その計画の予算はどのくらいですか？", ("money",)),
        ("Berapakah kos projek itu?", ("money",)),
        ("Di negeri manakah loji itu akan dibina?", ("place",)),
        ("どの都市に新しい路線が開設されますか？", ("place",)),
        ("Apakah kerjasama untuk membanteras penipuan dalam talian?", ()),
        # A "when" that opens a clause of a question asked by another wh-word asks nothing.
        ("Which straits does the statement mention when it talks about shipping?", ("entity",)),
        ("How big is the trade target, and by when do they hope to hit it?", ("number", "time")),
        ("What has the aid been used for, and since when has it been running?", ("time",)),
        ("What is the date on which the partnership was established?", ("time",)),
        # ... but a "when" whose verb comes before its subject asks again, as no clause's does; and
        # an acronym spelt like a wh-word ("the WHO's") asks nothing before it.
        ("what did they agree on the kelp fund when will it start paying out", ("time",)),
        ("now that Lemuria has agreed to host the WHO's kelp study when will the experts arrive", ("time",)),
        ("Which reports does the WHO cite when it reviews kelp?", ("entity",)),  # "Which" still asks
        # A count of days or years before another noun names a thing ("the 100 Days Mission"), in
        # lower case too; a count alone, or a "how long", still asks.
        ("what is the 100 days mission mentioned in the communique", ()),
        ("which five year plan did they sign", ("entity",)),
        ("how long is the five year plan", ("span",)),
        ("when does the 3 year kelp programme start", ("time",)),
        # "Which things" asks for what was said, not for a name.
        ("Which things are expected by the fall, on trade and on partnerships?", ()),
        ("Which steps did the leaders agree to take?", ()),
        ("Which defence steps did the leaders say they would take?", ()),  # one word may qualify it
        ("Which agencies took steps?", ("organisation",)),
        ("Which initiatives did they launch?", ("entity",)),
        # An initial's dot ends no sentence: the "how many" after "U.S." is still asked.
        ("Does the statement say how many U.S. universities will open campuses?", ("number",)),
        # A message of several questions asks for what each asks.
        ("Has a site been picked for the plant? Which state?", ("place",)),
        # A "where" that asks which way counts in its own sentence only.
        ("Has it been decided where the new plant will be built? Which state is it going in?", ("place",)),
        ("Is there a budget? How much?", ("money",)),
        # What follows the last question adds to it.
        ("when's the satellite launching? exact date pls", ("day",)),
        # "Who is the X?" asks for a person's name; "Who will host it?" may be a country's.
        ("Who is the astronaut who will fly to the station?", ("person",)),
        ("Could you tell me who the senior representatives for the talks are?", ("person",)),
        ("Who will host the next summit?", ()),
        ("What did the astronaut who flew say?", ()),
        ("In which city will the partners meet?", ("city",)),
        # A capitalised noun inside a sentence is a name: "the Budget announcement" asks no money.
        ("Which acts did the Budget announcement propose to amend?", ("entity",)),
        ("Cost of the plant?", ("money",)),
        # In lower case too, a money word the question is about is not what it asks for; one in
        # the wh-phrase, or the verb of "what ... cost", is.
        ("which indian acts did the budget announcement propose to amend", ("entity",)),
        ("whats the budget for the ai platform", ("money",)),
        ("what is the estimated total cost of the plant?", ("money",)),
        ("What will the six extra aircraft cost India?", ("money",)),
        ("I'd like to know how much the entry tickets cost.", ("money",)),
        ("Which company will bear the cost?", ("organisation",)),
        # A query that ends on "date" asks for a month at least; a figure may follow three modifiers.
        ("nisar launch date", ("month",)),
        ("next strategic dialogue date??", ("month",)),
        # "values" in the plural are principles, not a figure.
        ("what values do the two countries say they have in common?", ()),
        ("What was the value of bilateral trade in 2025?", ("number",)),
        ("What is the current bilateral trade figure?", ("number",)),
        ("How much exactly is Meta investing in the cable, in dollars?", ("money",)),
        ("what's the name of the astronaut who's going to the station?", ("person",)),
        ("What's the name of the Indian astronaut who'll go to the station?", ("person",)),
        # "..., and who was the victim?" asks for a person as a question of its own would.
        ("Which poison was used and who was the victim?", ("person",)),
        ("What did they agree, and who is the new envoy?", ("person",)),
        # Japanese: the head of a compound says the kind (どの航空会社, "which airline company").
        ("新しい路線はどの航空会社がいつから就航しますか", ("time", "organisation")),
        # The asked-for noun heads its phrase: a "state oil firm" is a firm, not a state.
        ("Which state oil firm is named?", ("organisation",)),
        ("In which state is the plant?", ("place",)),
        ("Where will the partners meet?", ("place",)),
        # The noun asked about says the kind (WordNet, through data/noun-kinds.tsv): the name of
        # a person, a count of a unit of money.
        ("What's the name of the first Indian astronaut going to the ISS?", ("person",)),
        ("Could you tell me the names of the two ministers who signed it?", ("signatory", "person")),
        ("What is the name of the decades-old policy of learning from the East?", ("entity",)),
        ("What is the name of the Kyoto University project?", ("entity",)),
        # A person noun "which" asks for: a person's name, unless a firm may do what it names
        # ("contractor", "lender": a verb's doer), or it only qualifies the noun ("terrorist groups").
        ("Which Malaysian ministers accompanied Anwar to the summit?", ("person",)),
        ("which indian astronaut got picked for the ISS mission", ("person",)),
        ("Which American defense contractor is working with India's electronics firm?", ("entity",)),
        ("Which multilateral lender set up the facility?", ("entity",)),
        ("Which terrorist groups are named?", ("entity",)),
        ("Which partner grouping do the leaders intend to convene?", ("entity",)),
        ("Exactly how many dollars is the firm putting into the cable?", ("money",)),
        ("How many billion yen will the bank lend?", ("money",)),
        ("How many people travelled between the countries?", ("number",)),
        # A noun of number asked for follows "what" in its own phrase, not after a verb's subject.
        ("What share of trade is settled in yen?", ("measure",)),
        ("In the nuclear part, what did Malaysia share with Japan?", ()),
        # "who" as the object of a later verb or preposition asks for no one's name.
        ("Who is the new platform mainly meant to connect?", ()),
        ("Who is the fund for?", ()),
        ("Who is the national science funding agency partnering with in the region?", ()),  # "with" lacks its object
        # The thing named ends where a relative clause without "that" begins.
        ("What is the name of the new joint framework the leaders agreed?", ("entity",)),
        ("Siapakah menteri yang akan mengetuai rundingan itu?", ("person",)),  # Malay: who will head
        # Malay "who is the ...?" needs no verb; "who (is it) that ..." asks no one's name as such.
        ("Siapakah nama angkasawan pertama itu?", ("person",)),
        ("siapa wakil kanan dilantik untuk rundingan itu", ("person",)),
        ("Siapakah yang hadir di sidang kemuncak itu?", ()),
        ("Pakar ekonomi itu siapa?", ()),
        ("視察団の団長は誰ですか？", ("person",)),  # Japanese "who is X?"
        # Japanese "how much" in its other forms, and a count asked as a noun ("the number of
        # member countries"); Malay and Japanese "which country".
        ("日本は年間どれくらい輸入しますか？", ("number",)),
        ("参加国数", ("number",)),
        ("数学の協力は？", ()),  # 数 starting a word counts nothing
        ("Negara ASEAN mana yang akan menyertai pakatan itu?", ("country",)),
        ("日本はどの国と協力しますか？", ("country",)),
        ("次回の対話は具体的にいつ開催されますか？", ("dated",)),  # Japanese "when exactly"
        # Hindi when, where, how many (years), how many rupees, which city / company / date, what
        # percentage.
        ("शिखर सम्मेलन कब और कहाँ होगा?", ("time", "place")),
        ("भारत कितने बैरल तेल खरीदेगा?", ("number",)),
        ("यह ढांचा कितने साल का होगा?", ("span",)),
        ("भारत कितने रुपये का निवेश करेगा?", ("money",)),
        ("अगला सम्मेलन किस शहर में होगा?", ("city",)),
        ("यह किस कंपनी के साथ बनेगा?", ("organisation",)),
        ("सम्मेलन किस तारीख़ को है?", ("day",)),
        ("शुल्क कितने प्रतिशत घटाया?", ("measure",)),
        ("बजट में किन कानूनों की बात है?", ()),  # the budget is what is spoken of
        ("who's heading the pavilion", ("person",)),  # who holds a post, asked in any tense
        ("who's going to run the kelp platform", ("person",)),
        ("who'll chair the forum?", ("person",)),
        # "How quickly/soon": within how long.
        ("Next time a virus shows up, how quickly should vaccines be ready?", ("span",)),
        ("Student numbers - how fast did they grow last yr?", ()),  # a rate
        ("Who is leading the review?", ("person",)),
        ("Where in Malaysia is the plant going up?", ("place",)),  # "going up" is being built
        # Malay "which year" is a time, not a count.
        ("Pada tahun berapakah loji itu akan beroperasi?", ("time",)),
        # German, French and Spanish "where", "how many", "how much money".
        ("Où aura lieu le prochain sommet ?", ("place",)),
        ("¿Dónde se celebrará la cumbre?", ("place",)),
        ("¿Cuántos ingenieros formará la empresa?", ("number",)),
        ("¿Cuánto dinero aportó Lemuria al fondo?", ("money",)),
        # ... and "what is the ... called": a name, a person's for a noun English shares.
        ("Wie heißt der lemurische Astronaut, der zur Station fliegt?", ("person",)),
        ("Comment s'appelle le fonds pour le varech ?", ("entity",)),
        # Malay and Japanese "which company": an organisation.
        ("Syarikat mana yang akan membina loji itu?", ("organisation",)),
        ("どの企業がプラットフォームに参加しますか？", ("organisation",)),
        # French and German: an amount of money, and a count.
        ("Quel est le montant des avoirs gelés ?", ("money",)),
        ("Wie viel Geld stellt Deutschland bereit?", ("money",)),
        ("Combien de pays participent ?", ("number",)),
        ("Wie viele Staaten nehmen teil?", ("number",)),
        # ... and what a thing costs, as English "how much will it cost" asks.
        ("¿Cuánto costarán los drones que Lemuria quiere comprar?", ("money",)),
        ("Combien coûtera la nouvelle usine ?", ("money",)),
        # A cost or price named, and an initialism written with spaces that ends no sentence.
        ("Quel est le coût total de l'achat des drones par Lemuria ?", ("money",)),
        ("¿Cuál es el costo de la nueva planta?", ("money",)),
        ("¿Cuánto dinero aportarán la UE y EE. UU. para la recuperación de Lemuria?", ("money",)),
        ("Wie viel kostet das neue Werk?", ("money",)),
        # A question typed as a noun phrase or a request names the kind it wants, where the noun
        # ends its phrase; a figure of speech ("count on") or a modifier ("date palm") does not.
        ("next strategic dialogue - date and venue? filing tonight", ("month", "place")),
        ("election: final seat count for the ruling coalition?", ("number",)),
        ("Please advise the contract duration.", ("span",)),
        ("Kindly confirm the deadline for the review", ("time",)),
        ("date palm exports", ()),
        # "number" heads its phrase, or it is a modifier: a round-number birthday, its hyphen lost.
        ("which round number birthday of their ties is coming up", ("entity",)),
        ("what number of visitors came", ("number",)),
        ("which numbers did they give", ("number",)),
        ("can we count on them?", ()),
        # "Where does X come up?" asks where in the statement, not for a place.
        ("where all does the council come up in this and what are they using it for", ()),
        ("Where does the reef appear in the statement?", ()),
        # "where it goes from here" asks for a direction.
        ("What do they say about the kelp policy and where it goes from here?", ()),
        ("Where do the leaders want to take the kelp policy from here?", ()),
        # "who's the ..." (for "who is") asks for a person when its noun names one (WordNet);
        # not for "the car brand".
        ("whos the first astronaut going to the station", ("person",)),
        ("Who's the envoy for the kelp talks?", ("person",)),
        ("whos the local car brand teaming up with a foreign maker", ()),
        # "the actual amount" asks for a figure, as "the exact amount" does.
        ("What's the actual dollar amount they are investing?", ("money",)),
        # A yes/no question asks whether there is a figure only where "number" ends its phrase.
        ("is there some big round number birthday for their ties coming up soon", ()),
        ("Is there a number given for the visitors?", ("number",)),
        ("Is there a date yet", ("time",)),
        # "Who were the ...?" of a noun for no person asks which ones, by that noun's kind.
        ("who were the two groups that signed the 6G memorandum?", ("entity",)),
        ("Who are the two agencies that signed the MOC?", ("organisation",)),
        ("Who is the head of agency?", ("person",)),
        # A question typed as "total ..." asks for the sum.
        ("total japanese FDI into malaysia in 2025?", ("number",)),
        # "Where does the communique touch on ...?" asks where in the document, not a place.
        ("Where does the communique touch on China - human rights, Taiwan?", ()),
        ("where does the declaration mention Gaza", ()),
        # The noun asked for ends at a clause without its "that": bodies, not the countries the
        # clause names; and "the airlines" of such a clause does not head "cities".
        ("which international bodies the leaders want countries to work through?", ("organisation",)),
        ("what cities the airlines fly to", ("city",)),
    ],
)
def test_expected_answer_types(question, kinds):
    assert expected_answer_types(question) == kinds


def test_noun_kinds_come_from_wordnet_in_the_singular_and_plural():
    assert [noun_kind(w) for w in ("astronaut", "Astronauts", "chairwomen", "secretaries")] == ["person"] * 4
    assert [noun_kind(w) for w in ("dollars", "ringgit", "rupees", "yen")] == ["money"] * 4
    # A person noun formed from a verb names whoever does that, a firm too.
    assert [noun_kind(w) for w in ("lender", "contractors", "steelmaker", "supplier")] == ["agent"] * 4
    assert [noun_kind(w) for w in ("minister", "officials", "ambassador", "suspect")] == ["person"] * 4
    # A word whose first sense is no person ("model", "head") is not one, nor is a thing.
    assert [noun_kind(w) for w in ("model", "head", "policy", "cable")] == [None] * 4
    assert [noun_kind(w) for w in ("union", "Association", "councils", "agency")] == ["organisation"] * 4
    assert [noun_kind(w) for w in ("bank", "summit", "bay")] == [None] * 3  # a river's bank first


@functools.cache
def _entities(sentence: str):
    return tag_texts([sentence])[0]


def _holds(kind: str, sentence: str, question: str = "") -> bool:
    return holds(kind, sentence, _entities(sentence), question, FACTS)


@pytest.mark.slow  # tags with spaCy
@pytest.mark.parametrize(
    ("kind", "sentence", "expected"),
    [
        ("number", "visitors reaching approximately 1.05 million in 2025", True),
        # A count or a season the tagger misses is corrected (jmqa.entities._with_missed).
        ("number", "a total of over two billion vaccine doses", True),
        ("time", "We will establish a taskforce to develop proposals and report back to us in the Autumn.", True),
        ("time", "the pledges fall short of the goal", False),
        # "per cent" written out: the tagger reads a bare number, the unit makes it a measure.
        ("measure", "a level of genomic sequencing of at least 10 per cent of all new samples", True),
        ("measure", "at least 10 of all new samples", False),
        ("number", "the Agreement concluded in 2018", False),  # a year is not a count
        ("number", "to be held from 19 March to 26 September 2027", False),  # nor a date
        ("number", "review of the Three Principles on Transfer", False),  # nor a name
        ("number", "cooperation between the two countries", False),
        # ... but a bare "two" counts what follows it; not "two-way".
        ("number", "an agenda to include two anchor events in the fall", True),
        ("number", "the exchange of two-way visitors", False),
        ("number", "a two-state solution", False),
        ("number", "the realisation of the MJIIT 2.0 concept", False),  # a version
        ("number", "Institute of Technology (MJIIT) 2.0 concept", False),
        ("number", "a contribution of USD 20.5 million", True),
        ("day", "to be held from 19 March to 26 September 2027", True),
        ("day", "established in December 2023", False),
        ("month", "established in December 2023", True),
        ("month", "to be launched in 2024", False),
        ("signatory", "the MOC was signed by the two Commandants", True),
        # The parties it was signed between are not who signed it.
        ("signatory", "welcomed the signing of an MOC between the two agencies", False),
        ("signatory", "the Ministers signed the LOI", True),
        ("signatory", "they welcomed the signing of the Letter of Intent (LOI)", False),
        ("money", "a contribution of USD 20 million", True),
        ("money", "visitors reaching approximately 1.05 million", False),
        ("place", "the Expo, to be held in Yokohama, Japan", True),
        ("place", "opened in September 2024", False),
        ("place", "the exercise, to be hosted in Japan", True),  # a party, as where it happens
        ("place", "the next summit, to be hosted by Japan in 2027", True),
        ("place", "Japan will support Malaysia in the field of energy", False),
        ("place", "as articulated in Prime Minister Takaichi's speech", False),  # a title
        ("organisation", "cooperation between Perodua and Daihatsu", True),
        ("organisation", "involving Japanese companies and Malaysian stakeholders", False),
        ("organisation", "the opening of the University of Tsukuba Malaysia", True),
        ("organisation", "the launch of new air routes connecting the two countries", False),
        ("country", "like-minded countries, such as Australia and France", True),
        ("country", "the arbitrary export restrictions", False),
        ("country", "Malaysia will continue to supply LNG to Japan", True),  # "Which country supplies LNG?"
        ("place", "a contribution of USD 20 million to the Critical Minerals Facility", False),
        # An organisation named as where something is: the tagger calls such places organisations.
        ("place", "the establishment of the Tamil Studies Chair at the University of Houston", True),
        ("place", "funding from the University of Houston for the chair", False),
        ("span", "a partnership that has lasted for over 70 years", True),
        ("span", "cooperation over the past decade", True),  # "since 1982": see below
        ("span", "a 50,000 km subsea cable", True),
        ("span", "the three-day official visit", True),
        ("span", "the summit held in Tokyo on 10 June 2026", False),  # a date is no duration
        ("span", "GREENxEXPO 2027, to be held from 19 March to 26 September 2027", True),  # two are
        ("span", "as they approach the 70th anniversary of diplomatic relations", True),  # 70 years
        ("span", "the first meeting of the new committee", False),  # an ordinal alone counts nothing
        ("number", "as they approach the 70th anniversary of diplomatic relations", False),  # no count of people
        ("span", "they agreed to meet again this year", False),
        ("entity", "cooperation between Perodua and Daihatsu", True),
        ("entity", "engagement between JBIC and Malaysian counterparts", True),
        ("entity", "transnational crimes, including online fraud, drug offences", True),
        ("entity", "options, site selection, and business arrangements", True),
        ("entity", "Both leaders welcomed the launch of new air routes connecting the two countries.", False),
        ("entity", "Prime Minister Anwar welcomed the cooperation between Japan and Malaysia.", False),
        ("person", "Prime Minister Anwar welcomed the cooperation between Japan and Malaysia.", True),
        ("person", "They welcomed the mission that will send an astronaut to the station.", False),
        # A city is a place of government that is no country: not a country, nor a region.
        ("city", "the Expo, to be held in Yokohama, Japan", True),
        ("city", "Malaysia will continue to supply LNG to Japan", False),
        ("city", "collaboration with partners in the Middle East", False),
    ],
)
def test_what_a_sentence_holds(kind, sentence, expected):
    assert _holds(kind, sentence) is expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("kind", "sentence", "question", "expected"),
    [
        ("place", "They held a summit meeting in Tokyo.", "Where did they meet?", True),
        # A rate is answered by a ratio, not by a count on the same topic.
        ("measure", "Together the two kingdoms count nearly 80 million kelp farmers.", "crown to shell rate today?", False),
        ("measure", "They back a kelp levy of at least 15% in every harbour.", "What minimum rate for the kelp levy did they back?", True),
        # A share written in words is a percentage.
        ("measure", "They aim to train at least two thirds of all kelp farmers by 2030.", "what % of farmers will be trained?", True),
        # Which anniversary is answered by the ordinal that counts it, not by any count.
        ("number", "as they approach the 40th anniversary of relations in 2031", "Ulang tahun ke berapa pada 2031?", True),
        ("entity", "as they approach the 40th anniversary of relations", "Which anniversary is coming up?", True),
        ("number", "as they approach the 40th anniversary of relations", "How many ships were sold?", False),
        # A name the question gives is no answer to it.
        ("place", "They held a summit meeting in Tokyo.", "At which venue in Tokyo did they meet?", False),
        # A place that owns something says whose it is, not where anything is.
        ("place", "A joint satellite will be launched in 2026 to map the Earth's surface.", "Where will the satellite be launched from?", False),
        ("place", "A joint satellite will be launched from Florida in 2026.", "Where will the satellite be launched from?", True),
        ("organisation", "cooperation between Perodua and Daihatsu", "Which carmaker works with Perodua?", True),
        ("organisation", "cooperation between Perodua and Daihatsu", "Which firm do Perodua and Daihatsu serve?", False),
        ("country", "like-minded countries such as Australia", "Which countries will Japan and Malaysia work with?", True),
        # Which country hosts the next summit: one named where the sentence looks ahead.
        ("country", "We welcome the recent summit co-hosted by Japan.", "Which country hosts the next summit?", False),
        ("country", "The next summit will be hosted by Japan.", "Which country hosts the next summit?", True),
        ("country", "Japan and Malaysia will work together", "Which countries will Japan and Malaysia work with?", False),
        # Choices the question offers are what it asks for, not names it gives.
        ("country", "Japan and Malaysia will work together", "Which country will work with others, Japan or Malaysia?", True),
        # A leader, named in most paragraphs, answers who the leader is; not when the question names him.
        ("person", "Prime Minister Anwar Ibrahim visited Japan.", "Who is the Malaysian prime minister?", True),
        ("person", "Prime Minister Anwar Ibrahim visited Japan.", "who is the prime minster of malaysia", True),
        ("person", "Prime Minister Anwar Ibrahim visited Japan.", "Who is the host of Anwar Ibrahim?", False),
        # Who holds a post: a leader named throughout answers only where the sentence gives the post.
        ("person", "Prime Minister Takaichi welcomed Malaysia's pavilion at the Expo.", "Who will head the pavilion?", False),
        ("person", "The pavilion will be headed by Prime Minister Takaichi.", "Who will head the pavilion?", True),
        ("person", "The pavilion will be headed by Dr Lim Wei Ming.", "Who will head the pavilion?", True),
        # Something still to come is not answered by a date in the past.
        ("time", "On June 10, 2026, in Tokyo, they held a summit meeting.", "When is the next summit?", False),
        ("place", "On June 10, 2026, in Tokyo, they held a summit meeting.", "Where is the next summit?", False),
        ("time", "to hold at an early date the next Strategic Dialogue, launched in 2024",
         "When is the next Strategic Dialogue?", True),
        ("time", "the opening of the University of Tsukuba Malaysia in September 2024",
         "When will MJIIT 2.0 be completed?", False),
        ("time", "GREENxEXPO 2027, to be held from 19 March to 26 September 2027", "When will the Expo run?", True),
        ("time", "the Agreement concluded in 2018", "When was the agreement concluded?", True),
        ("time", "visitors reaching approximately 1.05 million in 2025", "What happened the next year?", True),
        # "did" looks back, whatever else in the question is still to come.
        ("time", "the forthcoming exercise (first inaugurated in 2019) to be hosted in India",
         "When did the drill that India will host first happen?", True),
        # What was done is not answered by a year after the statement's own; a deadline asked for is.
        ("time", "as the two countries approach the 70th anniversary of their relations in 2027",
         "When did they raise their ties to the current level?", False),
        ("time", "the leaders committed to halve the gap by 2030", "By when did the leaders commit to halve the gap?", True),
        # Plans, and the statement's own year named as a whole, look ahead; a past day of it not.
        ("time", "The leaders hailed 2026 as a pioneering year for space cooperation.",
         "When will the joint mission take place?", True),
        ("time", "a speech delivered on May 2, 2026", "When will the speech be delivered?", False),
        # What they "looked forward to" is still to come, in the statement's past tense.
        ("time", "Prime Minister Modi looked forward to the visit to the G20 Summit in New Delhi in September 2026",
         "When is the G20 Summit that the President is expected to attend?", True),
        # A role "in the future" is still to come.
        ("place", "India's decision to take on a future leadership role in the task force to secure sea lanes in the Arabian Sea",
         "Where will it help secure sea lanes?", True),
        # A deadline is still to come; a plain date is not.
        ("time", "the leaders committed to put forward a roadmap by the end of the year",
         "When is the roadmap due?", True),
        ("time", "the leaders put forward a roadmap at the end of the year", "When is the roadmap due?", False),
        # "When exactly" wants a date that names a year, month or day.
        ("dated", "to hold at an early date the next Strategic Dialogue",
         "When exactly is the next Strategic Dialogue?", False),
        # ... nor by a year already past, when it asks what is still to come.
        ("dated", "to hold at an early date the next Strategic Dialogue, which was launched in 2024",
         "When exactly is the next Strategic Dialogue?", False),
        ("dated", "to hold the next Strategic Dialogue in March 2027",
         "When exactly is the next Strategic Dialogue?", True),
        ("dated", "the Comprehensive Strategic Partnership established in December 2023",
         "When exactly was the partnership set up?", True),
        # An amount answers only for a thing the question names (more than half of its words).
        ("money", "a contribution of USD 20 million to the Financing Partnership Facility (ADB)",
         "How much is Japan giving to POWER Asia?", False),
        ("money", "a contribution of USD 20 million to the Financing Partnership Facility (ADB)",
         "How much did Japan give the ADB's facility?", True),
        ("money", "a contribution of USD 20 million to the Financing Partnership Facility (ADB)",
         "how much for the Finacing Partnership Facility", True),
        ("money", "a contribution of USD 20 million", "How much did Japan give?", True),
        # A date of another occasion than the one asked about is no answer; one named by its
        # acronym in brackets is the one the question names by it.
        ("time", "building on the co-hosting of the Conference on Reef Development (CRD) Ministerial Meeting in July 2025",
         "When did Atlantis co-host the CRD ministers' meeting?", True),
        ("time", "building on the co-hosting of the Conference on Reef Development (CRD) Ministerial Meeting in July 2025",
         "When did Atlantis host the kelp ministers' meeting?", False),
        # A function word opening a second sentence is no name the amount must be for.
        ("money", "a contribution of USD 20 million", "I'm writing a report. Also, how much did Japan give?", True),
        # The size of a change asked is given by a multiple of the thing asked about, where the
        # sentence names each country the question does.
        ("number", "Malaysia will raise its funding to the Kelp programme, and will double its support to the Reef Scholars programme",
         "My son wants a Reef Scholars grant. By how much is Malaysia boosting its support for it?", True),
        ("number", "Malaysia will raise its funding to the Kelp programme, and will double its support to the Reef Scholars programme",
         "By how much will Malaysia raise its Kelp programme funding?", False),
        ("number", "Malaysia will raise its funding to the Kelp programme, and will double its support to the Reef Scholars programme",
         "By how much will Japan raise its support for Reef Scholars?", False),
        ("number", "Malaysia will increase its support to the Reef Scholars programme",
         "By how much is Malaysia boosting its support for Reef Scholars?", False),
        # A count for another year than the one asked about is no answer.
        ("number", "visitors reaching approximately 1.05 million in 2025", "How many visitors in 2024?", False),
        ("number", "visitors reaching approximately 1.05 million in 2025", "How many visitors in 2025?", True),
        # The statement's own "last year" is the asker's, both read against its date.
        ("number", "an increase of nearly 20 percent in students last year alone",
         "By how much did the number of students go up last year?", True),
        ("number", "an increase of nearly 20 percent in students this year",
         "By how much did the number of students go up last year?", False),
        # An exact amount or count is a figure: "multi-billion" answers "how much" only loosely.
        ("money", "Meta's announcement of a multi-billion, multi-year investment in an undersea cable",
         "How much is Meta's cable investment?", True),
        ("money", "Meta's announcement of a multi-billion, multi-year investment in an undersea cable",
         "What is the exact dollar value of Meta's cable investment?", False),
        ("money", "Meta's announcement of a multi-billion, multi-year investment in an undersea cable",
         "whats the dollar figure for metas undersea cable investment?", False),
        ("money", "a contribution of USD 20 million to the Financing Partnership Facility (ADB)",
         "What precise amount did Japan give the ADB's facility?", True),
        ("number", "visitors reaching approximately 1.05 million in 2025",
         "What is the exact number of visitors in 2025?", True),
        # A goal to reach by a date is no figure of the present.
        ("money", "a goal to more than double total bilateral trade to $500 billion by 2030",
         "What's the current value of bilateral trade?", False),
        ("money", "a goal to more than double total bilateral trade to $500 billion by 2030",
         "What's the target for bilateral trade?", True),
        ("money", "bilateral trade reached $190 billion in 2024", "What is bilateral trade worth today?", True),
    ],
)
def test_what_a_sentence_holds_for_a_question(kind, sentence, question, expected):
    assert _holds(kind, sentence, question) is expected


def test_a_word_opening_a_sentence_is_no_name_unless_rare_or_an_acronym():
    # A common word capitalised to open a sentence names nothing; a full stop after an initial
    # ("U.S.") opens no sentence; a rarer word or an acronym opening one is still a name.
    assert named_things("I'm writing a report. Also, how much will Atlantis give the Kelp Fund?", FACTS) == [
        "Atlantis", "Kelp Fund"
    ]
    assert named_things("My son applied. By how much did the U.S. raise it?", FACTS) == ["U", "S"]
    assert named_things("Fulbright grants aside. Kelp Fund: how much?", FACTS) == ["Fulbright", "Kelp Fund"]
    assert named_things("Right. ADB funding: how much?", FACTS) == ["ADB"]


@pytest.mark.slow  # tags with spaCy
def test_a_name_said_throughout_is_a_place_answer_where_a_sentence_sets_its_scene():
    # A statement that names its host city in many paragraphs: the name singles out nothing,
    # except where a sentence opens by saying where it all happened.
    facts = replace(FACTS, common_names=FACTS.common_names | {"tokyo"})
    question = "In which city did the leaders hold their meeting?"
    for sentence, expected in [
        ("On June 10, 2026, in Tokyo, the two leaders held a summit meeting.", True),
        ("In Tokyo, the two leaders held a summit meeting.", True),
        ("The two leaders welcomed the new office in Tokyo and its staff.", False),
    ]:
        assert holds("city", sentence, _entities(sentence), question, facts) is expected


@pytest.mark.slow  # tags with spaCy
def test_how_long_something_has_lasted_is_also_told_by_when_it_began():
    sentence = "the partnership established in December 2023"
    assert _holds("span", sentence, "How long has the partnership been in place?")
    assert not _holds("span", sentence, "How long did the summit last?")
    # ... and by "since": not how long a thing took to do.
    sentence = "Since the start of the pandemic, we have committed $8.6 billion to the vaccines pillar."
    assert _holds("span", sentence, "How long has the pillar been funded?")
    assert _holds("span", sentence, "How many years have they funded the pillar?")
    assert not _holds("span", sentence, "How long did it take to come up with the vaccines?")
    assert _holds("span", "the development of vaccines in just over 300 days", "How long did it take?")
    assert _holds("span", "the Look East Policy, pursued since 1982", "How long has it been pursued?")


@pytest.mark.slow  # tags with spaCy
def test_a_figure_the_question_gives_does_not_answer_it():
    sentence = "We will share at least 870 million doses over the next year."
    assert _holds("number", sentence, "How many doses will they share?")
    # The question already gives the figure ("870m" is "870 million"): what it asks is not there.
    assert not _holds("number", sentence, "How much did the US alone put toward the 870m doses?")
    # Figures it offers to choose from are asked, not given.
    assert _holds("number", sentence, "How many doses, was it 870 million or 1 billion?")
    pledge = "Donors plan to commit up to $2 billion to the programme."
    assert not _holds("money", pledge, "How much of the $2 billion will each donor commit to the programme?")
    assert _holds("money", pledge, "How much will donors commit to the programme?")


@pytest.mark.slow  # tags with spaCy
def test_an_actual_amount_is_asked_for_exactly():
    sentence = "Both leaders welcomed a multi-billion investment in the kelp cable this year."
    assert _holds("money", sentence, "How much is the kelp cable investment?")
    assert not _holds("money", sentence, "What's the actual dollar amount of the kelp cable investment?")


@pytest.mark.slow  # tags with spaCy
def test_a_share_asked_of_one_party_or_of_each_is_not_the_groups_total():
    total = "Together we will share at least 600 million kelp seedlings over the next year."
    assert _holds("number", total, "How many kelp seedlings will they share?")
    assert not _holds("number", total, "How many seedlings is Atlantis alone sharing?")
    assert not _holds("number", total, "How many seedlings will each member share?")
    assert _holds("number", total, "How many seedlings will they share each year?")  # not a share
    # A part of a whole the question gives is a share too.
    bigger = "Together we will share over two billion kelp seedlings over the next year."
    assert not _holds("number", bigger, "Of the 600 million seedlings, how many is Atlantis giving?")
    assert not _holds("number", bigger, "How many of the 600 million seedlings is Atlantis giving?")
    assert not _holds("number", total, "Wie viele Setzlinge gibt Atlantis allein?")  # German "alone"
    # Spanish, French and German "each" and "separately"; "each year" in them is a rate, not a share.
    assert not _holds("number", total, "¿Cuántos plantones aporta cada miembro por separado?")
    assert not _holds("number", total, "Combien de plants chaque membre partage-t-il ?")
    assert not _holds("number", total, "Wie viele Setzlinge teilt jedes Mitglied?")
    assert _holds("number", total, "¿Cuántos plantones comparten cada año?")
    assert _holds("number", total, "Wie viele Setzlinge teilen sie jedes Jahr?")
    # Not a part of a year, nor of a name with a digit.
    planted = "They will plant 600 million kelp seedlings by 2030."
    assert _holds("number", planted, "How many of the seedlings will be planted by 2030?")
    assert _holds("number", total, "How many of the kelp seedlings do the G7 share?")
    assert not _holds("number", bigger, "Of the roughly half a billion seedlings, how many are going to Lemuria?")
    # A sentence that shares the figure out, or names the party asked about, answers.
    each = "The two funds each provide up to $500 million to the kelp facility."
    assert _holds("money", each, "How much are the two funds each putting into the kelp facility?")
    own = "Atlantis will give 200 million seedlings."
    assert _holds("number", own, "How many seedlings is Atlantis alone giving?")
    # "Each" of the things a sentence gives a figure apiece is answered by it; one party "alone",
    # not named, is not.
    apiece = "They welcomed Kelpco's plan to invest $1.5 billion and Reefco's plan to invest $120 million."
    assert _holds("money", apiece, "Which firms are investing, and how much is each investing?")
    assert not _holds("money", apiece, "How much is Atlantis alone investing?")
    # A sentence that names the party asked about but gives a combined figure does not answer.
    combined = "They launched the kelp institute with $10 million of combined commitments from Atlantis and Lemuria."
    assert _holds("money", combined, "How much did they commit to the kelp institute?")
    assert not _holds("money", combined, "How much is the Atlantis side alone contributing to the kelp institute?")
    own_total = "Atlantis will give a total of 200 million kelp seedlings."
    assert _holds("number", own_total, "How many seedlings is Atlantis alone giving?")


def test_an_amount_needs_only_the_names_the_statement_uses():
    sentence = "The Indian student community contributes over $8 billion annually to the U.S. economy."
    words = frozenset(re.findall(r"[\w-]+", sentence.lower()))
    facts = StatementFacts(2025, frozenset({"india", "u.s."}), frozenset({"indian", "u.s."}), words)
    # "American" is no word of this statement: it singles out no sentence, so the amount answers.
    question = "How much money do students from India bring into the American economy?"
    assert holds("money", sentence, _entities(sentence), question, facts)
    # "Kenya" is not either, but "Toyota" in a statement that names it must be in the sentence.
    assert not holds("money", sentence, _entities(sentence), "How much is Toyota investing?",
                     replace(facts, words=facts.words | {"toyota"}))


@pytest.mark.parametrize(
    ("question", "stripped"),
    [
        ("Which country is running for the seat, Malaysia or Japan?", "Which country is running for the seat"),
        ("Who hosts it - is it Japan or Malaysia?", "Who hosts it"),
        # A clause with its own question word is no list of choices.
        ("In the opening part, at which venue or building did they meet?",
         "In the opening part, at which venue or building did they meet?"),
        ("Is the Japan-Malaysia deal about rice or fish?", "Is the Japan-Malaysia deal about rice or fish?"),
        # Typed without the comma, as lower case types it (the names in the statement's case by
        # then): two names after a word in lower case are choices too; two words are not.
        ("which country is running for the seat Malaysia or Japan", "which country is running for the seat"),
        ("is the fund for food or energy", "is the fund for food or energy"),
    ],
)
def test_the_choices_a_question_ends_with(question, stripped):
    assert without_choices(question) == stripped


def test_relative_years_are_read_against_the_statement_date():
    assert years_asked("How many visitors last year?", FACTS) == {"2025"}
    assert years_asked("What happens next year, in 2030?", FACTS) == {"2027", "2030"}
    assert years_asked("What happens next year?", StatementFacts(None, frozenset())) == set()
    # A time before a year is up to the end of the year before: "before 2023" is "by the end of 2022".
    assert years_asked("What share will be immunised before 2023?", FACTS) == {"2022", "2023"}
    assert years_asked("What share was immunised prior to 2023?", FACTS) == {"2022", "2023"}
    assert years_asked("What share will be immunised by 2023?", FACTS) == {"2023"}


def test_next_year_is_written_out_and_looks_ahead_even_typed_without_its_apostrophe():
    facts = replace(FACTS, year=2021)
    assert with_years_written("where is next years g7 summit being held", facts) == (
        "where is next years (2022) g7 summit being held"
    )
    assert asks_ahead("where is next years g7 summit being held", facts)
    assert asks_ahead("Where is next year's summit?", facts)
    # "The next year" is the year after another, and "the last years" of something no year at all.
    assert with_years_written("What happened the next year?", facts) == "What happened the next year?"
    assert years_asked("What happened the next year?", facts) == set()
    assert with_years_written("in the last years of the war", facts) == "in the last years of the war"


@pytest.mark.parametrize(
    "question",
    [
        "Bilakah kampus itu akan dibuka?",  # Malay: when will the campus open?
        "Bilakah pusat itu dijadualkan beroperasi?",  # ... is it scheduled to run?
        "首相は次にいつ訪問する予定ですか？",  # Japanese: when is the prime minister to visit next?
        "Quel pays accueillera le prochain sommet ?",  # French: which country hosts the next summit?
        "¿Dónde será la próxima cumbre?",  # Spanish: where is the next summit?
        "Wann findet der nächste Gipfel statt?",  # German: when is the next summit?
    ],
)
def test_a_question_in_another_language_may_ask_about_what_is_still_to_come(question):
    assert asks_ahead(question, FACTS)
    assert not asks_ahead("Bilakah kampus itu dibuka?", FACTS)  # when did it open
    assert not asks_ahead("¿Cuánto invertirán el próximo año?", FACTS)  # "next year" is a year, read as such


def test_an_occasion_named_after_at_says_when():
    facts = replace(FACTS, long_forms={"COP28": "Conference of the Parties"})
    sentence = "We look forward to a robust Methane Finance Sprint announcement at COP28."
    assert holds("time", sentence, (), "When do they expect the Methane Finance Sprint announcement?", facts)
    assert holds("time", "We will meet again at the G20 Summit.", (), "When will they meet again?", facts)
    # Not an occasion the question names itself, nor a name after "at" that is no occasion.
    assert not holds("time", "We will meet again at the G20 Summit.", (), "When is the G20 summit?", facts)
    assert not holds("time", "They opened a campus at IIT Kanpur.", (), "When did they open the campus?", facts)


@pytest.mark.slow  # tags with spaCy
def test_an_occasion_the_question_describes_by_its_spelled_out_name_is_the_one_it_asks_of():
    """A named occasion is another one's ("Where is the next summit?" is not answered by "the GKF
    Summit in Lemuria City") unless the question names it, as by words of the long form the
    statement spells out for its acronym."""
    facts = replace(FACTS, long_forms={"GKF": "Global Kelp Forum"})
    sentence = "We look forward to the GKF Summit in Lemuria City in November 2031."
    entities = _entities(sentence)
    assert holds("time", sentence, entities, "When is the upcoming summit of the global kelp forum?", facts)
    assert not holds("time", sentence, entities, "When is the upcoming summit on kelp farming?", facts)
    assert not holds("time", sentence, entities, "When is the next summit?", facts)


def test_the_year_of_the_occasion_a_question_names_is_no_year_it_asks_about():
    assert years_asked("In the February 2025 statement, how many visitors?", FACTS) == set()
    assert years_asked("Per the 2023 joint statement, how many by 2030?", FACTS) == {"2030"}


def test_a_nationality_that_only_qualifies_the_kind_asked_does_not_give_the_name():
    sentence = "They welcomed the document signed with the Malaysian Maritime Enforcement Agency."
    facts = replace(FACTS, place_words=frozenset({"malaysian", "malaysia", "japanese", "japan"}))
    # "Malaysian" says which agency only as "Which Malaysian agency?" does: the name is the answer.
    assert holds("organisation", sentence, _entities(sentence), "Which Malaysian agency signed the maritime pact?", facts)
    # Its own distinctive words in the question do give it.
    assert not holds("organisation", sentence, _entities(sentence),
                     "Which Maritime Enforcement agency signed it?", facts)


def test_the_noun_a_which_question_asks_for_does_not_give_the_name_it_heads():
    """ "Which consensus ...?" is answered by "the Consensus" of the sentence, whatever the noun:
    it is the kind of thing asked for, as "agency" is in "Which agency ...?"."""
    for question in ("which consensus do they want implemented?", "which consensuses do they back",
                     "what specific consensus, besides others, do they back?"):
        assert asked_nouns(question) == {"consensus"}, question  # stems
        assert _given("the Consensus", question, set())  # the word alone would give it
        assert not _given("the Consensus", question, set(), asked_nouns(question)), question
    assert _given("the Cairo Consensus", "which cairo consensus?", set(), {"consensus"})  # its own words do
    assert asked_nouns("which countries besides japan are members?") == {"countri"}
    assert asked_nouns("what kind of support, and which agencies?") == {"agenc"}


@pytest.mark.slow  # tags with spaCy
def test_words_that_describe_what_is_asked_do_not_give_the_name_that_completes_them():
    sentence = "The leaders backed Lemuria joining the International Kelp Agency as a full member."
    # "international kelp" says which body; "Agency", which the question lacks, is the answer's.
    assert _holds("organisation", sentence, "Which international kelp body will Lemuria join?")
    # Words outside that phrase do give it, and so does a name whose every word the question has.
    assert not _holds("organisation", sentence, "Which body, the international kelp one, will Lemuria join?")
    assert not _holds("organisation", sentence, "Which International Kelp Agency will Lemuria join?")


@pytest.mark.slow  # tags with spaCy
def test_a_name_the_tagger_misses_answers_which_when_it_holds_the_noun_or_starts_on_a_number_word():
    sentence = "Both leaders called for the full implementation of the Five-Point Consensus."
    assert [e.label for e in _entities(sentence)] == ["CARDINAL"]  # "Five": no name to the tagger
    assert _holds("entity", sentence, "Which consensus do the leaders want implemented?")
    # A capitalised number word inside a sentence starts a name, which answers "which" as a tagged
    # name would, whatever its noun (three blind writers asked "which plan"); not one the question
    # gives, nor a count.
    assert _holds("entity", sentence, "Which plan do the leaders want implemented?")
    assert not _holds("entity", sentence, "Which consensus, the Five-Point one?")
    counted = "Both leaders called for the full implementation of five measures."
    assert not _holds("entity", counted, "Which plan do the leaders want implemented?")


@pytest.mark.slow  # tags with spaCy
def test_which_equipment_is_answered_by_a_made_things_name_not_a_bodys_or_a_pacts():
    # WordNet's made things that do a job: equipment, vehicles, weapons (not a facility).
    assert [noun_kind(w) for w in ("equipment", "warships", "radar", "helicopters")] == ["device"] * 4
    assert [noun_kind(w) for w in ("facility", "shipyard", "products")] == [None] * 3
    navy = "Both leaders welcomed the exercises between the Lemurian Navy and the Atlantean Coast Guard."
    pact = "They will form projects under the Agreement concerning the Transfer of Kelp Equipment and Technology."
    rules = "Lemuria welcomed the review of the Three Principles on Transfer of Kelp Equipment and its Implementation Guidelines."
    for sentence in (navy, pact, rules):
        assert not _holds("entity", sentence, "Which specific kelp equipment will Lemuria transfer?")
    assert _holds("entity", navy, "Which agencies hold the exercises?")  # a body, where one is asked for
    # A made thing's name, whatever the tagger calls it; a code such as "F-414" too.
    made = "They plan to co-produce the Javelin Anti-Tank Guided Missiles in Atlantis."
    assert _holds("entity", made, "Which weapons will they co-produce?")
    engine = "The deal will see the F-414 engines built in Atlantis."
    assert _holds("entity", engine, "Which jet engine will be built in Atlantis?")


@pytest.mark.slow  # tags with spaCy
def test_how_many_things_is_not_answered_by_a_sum_of_money():
    invest = "Kelp Holdings will invest approximately US$300 million in a kelp plant in Atlantis."
    assert not _holds("number", invest, "How many jobs will the kelp plant create?")
    assert _holds("number", invest, "How much will Kelp Holdings invest in the plant?")
    assert _holds("number", invest, "How many dollars will Kelp Holdings invest?")  # money, counted
    jobs = "The kelp plant will create 5,000 jobs and cost US$300 million."
    assert _holds("number", jobs, "How many jobs will the kelp plant create?")
    # ... in Spanish, French and German too; but "how many millions of dollars" asks a sum.
    assert not _holds("number", invest, "¿Cuántos empleos creará la planta de algas?")
    assert not _holds("number", invest, "Combien d'emplois l'usine va-t-elle créer ?")
    assert not _holds("number", invest, "Wie viele Arbeitsplätze schafft das Werk?")
    assert _holds("number", invest, "¿Cuántos millones de dólares invertirá Kelp Holdings?")
    assert _holds("number", invest, "Wie viele Millionen Dollar investiert Kelp Holdings?")


def test_how_many_things_is_not_answered_by_a_percentage():
    rise = "Atlantean students in Lemuria rose by nearly 20 percent last year."
    tags = _tagged(rise, "PERCENT", "nearly 20 percent")
    assert not holds("number", rise, tags, "How many Atlantean students were enrolled last year?", FACTS)
    assert holds("measure", rise, tags, "By what percentage did the number of students rise?", FACTS)
    count = "Some 200,000 Atlantean students were enrolled in Lemuria last year."
    counted = _tagged(count, "CARDINAL", "200,000")
    assert holds("number", count, counted, "How many Atlantean students were enrolled last year?", FACTS)


@pytest.mark.slow  # tags with spaCy
def test_which_university_is_answered_by_a_name_that_says_it_is_one():
    firms = "Atlantean universities work with Kelp Holdings and the Coral Trading Corporation on reefs."
    school = "The University of Lemuria opened a kelp campus in Atlantis."
    assert not _holds("organisation", firms, "Which universities work on reefs?")
    assert _holds("organisation", firms, "Which companies work on reefs?")
    assert _holds("organisation", school, "Which university opened a campus?")
    # A university the question only mentions asks for none.
    programme = "The Kelp Holdings Programme supports university research on reefs."
    assert _holds("entity", programme, "What programme supports university research on reefs?")
    # An acronym is read by the long form the statement gives it.
    acronym = "The LIT opened a kelp campus in Atlantis."
    facts = replace(FACTS, long_forms={"LIT": "Lemurian Institute of Technology"})
    assert hash(facts) == hash(FACTS)  # still a value: the long forms are read, not hashed
    assert holds("organisation", acronym, _entities(acronym), "Which university opened a campus?", facts)


@pytest.mark.slow  # tags with spaCy
def test_a_branch_named_for_its_country_says_where_it_is():
    sentence = "Both leaders welcomed the opening of the University of Lemuria Chile in May 2024."
    assert _holds("place", sentence, "Where did the University of Lemuria open a campus?")
    assert not _holds("place", sentence, "Where in Chile is the University of Lemuria Chile?")
    assert not _holds("place", sentence, "Where is the kelp institute?")  # another body


@pytest.mark.slow  # tags with spaCy
def test_a_name_inside_a_longer_name_the_question_gives_is_not_given():
    sentence = "a contribution to the facility of the Asian Development Bank to support critical minerals in Asia"
    # "Asian" in the question's "Asian Development Bank" is the bank's: it does not give "Asia".
    assert _holds("place", sentence, "Where is the Asian Development Bank's facility meant to help?")
    assert not _holds("place", sentence, "Where in Asia is the Asian Development Bank's facility meant to help?")
    # A nationality that qualifies what is asked does give its country's name ...
    assert not _holds("place", "an exercise to be hosted in India", "Which Indian city will host the exercise?")
    # ... and a hyphenated pair gives each of its names.
    border = "equipment for the ASEAN observers in the border areas between Cambodia and Thailand"
    assert not _holds("country", border, "Which countries sent observers to the Cambodia-Thailand border?")


@pytest.mark.slow  # tags with spaCy
def test_the_words_of_another_name_the_question_gives_do_not_give_this_one():
    sentence = (
        "a new partnership between the U.S. National Science Foundation and the Indian Anusandhan "
        "National Research Foundation in researching critical and emerging technologies"
    )
    # "National" and "Foundation" are the US foundation's, written without its dots.
    assert _holds("organisation", sentence, "Which Indian agency is the US National Science Foundation partnering with?")
    # So are the words of a run of the other name the question gives in part ("India's national
    # research foundation"), when that run is none of this name's.
    assert _holds(
        "organisation", sentence,
        "Which American research funding agency struck a new research deal with India's National Research Foundation?",
    )
    # The one name the question gives is still given.
    alone = "a new partnership with the Indian Anusandhan National Research Foundation"
    assert not _holds("organisation", alone, "Which agency is the Anusandhan National Research Foundation's partner?")


@pytest.mark.slow  # tags with spaCy
def test_a_countrys_name_is_tagged_a_place_even_where_spacy_reads_an_organisation():
    sentence = "Both leaders shared deep concern over the Democratic People's Republic of Korea's missile programmes."
    assert [e.label for e in _entities(sentence) if "Korea" in e.text] == ["GPE"]
    assert _holds("country", sentence, "Which country's missile programmes worried the leaders?")


@pytest.mark.slow  # tags with spaCy
def test_a_place_named_for_an_organisation_is_tagged_one():
    sentence = (
        "We share an interest in a resilient Africa, and welcome the accession of the African Union as "
        "a permanent member of the G20."
    )
    assert [e.label for e in _entities(sentence) if "Union" in e.text] == ["ORG"]
    assert _holds("organisation", sentence, "Which organisation became a permanent member of the G20?")
    # A place whose name ends on no such noun stays a place.
    assert [e.label for e in _entities("The leaders met in Carbis Bay.") if "Bay" in e.text] == ["LOC"]


@pytest.mark.slow  # tags with spaCy
def test_an_amount_in_a_currency_is_money_whatever_spacy_made_of_it():
    goal = "We intend to scale up efforts to meet the USD 100 billion per year climate finance goal through to 2025."
    loans = "Lemuria will provide JPY 5 billion in loans and a $2million grant."
    assert [(e.label, e.text) for e in _entities(goal)] == [("MONEY", "USD 100 billion"), ("DATE", "2025")]
    assert [(e.label, e.text) for e in _entities(loans) if e.label == "MONEY"] == [
        ("MONEY", "JPY 5 billion"), ("MONEY", "$2million")
    ]
    assert _holds("money", goal, "How much climate finance do they intend to meet per year?")
    # A code before a bare number is often no currency's ("COP 28"; Colombia's peso is COP).
    assert all(e.label != "MONEY" for e in _entities("Both sides look forward to COP 28 and to COP 29 in 2024."))


def test_a_name_after_at_that_the_tagger_missed_says_where():
    sentence = "The kelp team convened the inaugural partnership at IIT Kanpur, with Lemurian universities."
    assert holds("place", sentence, (), "Where did the kelp team convene the inaugural partnership?", FACTS)
    # Not one the question gives, nor a name after another word.
    assert not holds("place", sentence, (), "Where at IIT Kanpur did they convene it?", FACTS)
    assert not holds("place", "The partnership includes IIT Kanpur.", (), "Where did they convene it?", FACTS)


def _tagged(sentence: str, label: str, text: str):
    from jmqa.entities import Entity

    start = sentence.index(text)
    return [Entity(label, text, start, start + len(text))]


def test_who_holds_a_post_is_answered_by_the_office_that_leads():
    sentence = "the next annual review, co-led by the National Security Advisors of both countries"
    assert holds("person", sentence, [], "Who heads up the yearly review?", FACTS)
    assert not holds("person", sentence, [], "Who is the Indian astronaut?", FACTS)
    # A joint statement names the holders as its own subject: "As co-chairs ..., we ...".
    chairs = "As co-chairs, along with Lemuria, of the Kelp Donor Platform, we are working together."
    assert holds("person", chairs, [], "who chairs the group that coordinates kelp donors", FACTS)
    assert not holds("person", "As heads of state, we met in Atlantis.", [], "Who heads the kelp platform?", FACTS)


def test_a_post_named_is_answered_only_where_the_sentence_names_it():
    """ "Who was appointed as the envoy?" names the post, not its verb (this once raised a
    TypeError): a leader named throughout answers it only in a sentence that names the post."""
    facts = replace(FACTS, leaders=(frozenset({"joseph", "biden"}), frozenset({"narendra", "modi"})))
    thanked = "President Biden thanked Lemuria for its support."
    biden = _tagged(thanked, "PERSON", "Biden")
    for question in ("Who was appointed as the new envoy to Lemuria?", "Who has been named director of the kelp institute?"):
        assert not holds("person", thanked, biden, question, facts)
    named = "President Biden named his envoy to Lemuria."
    assert holds("person", named, _tagged(named, "PERSON", "Biden"), "Who was appointed as the new envoy to Lemuria?", facts)


def test_a_possessive_asks_who_as_the_does():
    """ "Who was Lemuria's foreign minister?" asks for a person, as "Who was the ...?" does; a
    leader named throughout answers it only when it asks for a leader's title."""
    assert "person" in expected_answer_types("Who was Lemuria's foreign minister at the summit?")
    facts = replace(FACTS, leaders=(frozenset({"joseph", "biden"}), frozenset({"narendra", "modi"})))
    met = "President Biden and Prime Minister Modi held a summit in Atlantis."
    biden = _tagged(met, "PERSON", "Biden")
    assert not holds("person", met, biden, "Who was India's foreign minister at the summit?", facts)
    assert holds("person", met, biden, "Who is America's president?", facts)


def test_a_leader_does_not_answer_who_someone_is_nor_a_person_with_an_article():
    facts = replace(FACTS, leaders=(frozenset({"joseph", "biden"}), frozenset({"narendra", "modi"})))
    hailed = "President Biden congratulated the scientists of the space agency"
    biden = _tagged(hailed, "PERSON", "Biden")
    assert not holds("person", hailed, biden, "Who is the Indian astronaut going to the station?", facts)
    assert not holds("person", hailed, biden, "name of the indian astronaut", facts)
    assert not holds("person", hailed, biden, "Which Indian astronaut will fly to the station?", facts)
    assert holds("person", hailed, biden, "Who congratulated the scientists?", facts)
    moon = "a landing near the south pole of the Moon"
    assert not holds("person", moon, _tagged(moon, "PERSON", "Moon"), "Who landed?", facts)


def test_an_amount_asked_as_a_keyword_query_is_money():
    assert "money" in expected_answer_types("Micron India investment amount")
    assert "money" in expected_answer_types("how big is the payment security fund in dollars")
    assert expected_answer_types("funding figure for the plant") != ()


@pytest.mark.slow  # tags with spaCy
def test_a_name_the_question_gives_by_its_acronym_or_long_form_is_given():
    facts = StatementFacts(
        2023, frozenset({"india", "united", "states", "u.s."}), long_forms={"WTO": "World Trade Organisation"}
    )
    sentence = "The leaders lauded the settlement of the last World Trade Organisation (WTO) dispute between India and the United States."
    # "which products" is not answered by the body the question named as "WTO", nor by the parties,
    # "the United States" among them, word by word.
    assert not holds("entity", sentence, _entities(sentence), "what was the WTO dispute about - which products?", facts)
    assert not holds(
        "entity", sentence, _entities(sentence), "which products did the World Trade Organisation dispute cover?", facts
    )
    # A question that names neither is answered by the body.
    assert holds("entity", sentence, _entities(sentence), "which body settled the dispute?", facts)


def test_a_name_is_given_only_by_words_of_the_question_that_start_with_its_words():
    """ "the UN" is no part of "fund", nor "the EU" of "neutral"; "Indian" gives "India"."""
    assert not _given("the UN", "which body will fund the neutral review?", set())
    assert not _given("the EU", "which body will fund the neutral review?", set())
    assert _given("the UN", "what did the un say?", set())
    assert _given("India", "which indian firm?", set())
    # So with the words that only describe what is asked: "Which kelp reef agency ...?" lacks the
    # name's "Ion" ("nation" holds it only inside), so the name answers it.
    asked = "which kelp reef agency did the nation pick?"
    assert not _given("the Kelp Reef Ion Agency", asked, set(), asked_nouns(asked), _describing_words(asked))


@pytest.mark.slow  # tags with spaCy
def test_a_name_that_follows_the_noun_asked_for_answers_which():
    facts = StatementFacts(2021, frozenset({"united", "states", "eu"}))
    # The tagger misses "Military Mobility"; it follows "project", so it names the project ...
    sentence = "We welcome the invitation to join the PESCO project Military Mobility."
    assert holds("entity", sentence, _entities(sentence), "Given the EU invited the US to join a PESCO project, which project is it?", facts)
    # ... unless the question gives it.
    assert not holds("entity", sentence, _entities(sentence), "which project is it? Military Mobility?", facts)
    # The parties answer no "which": "the United States", whose words are both common names.
    sentence = "We welcome the EU's invitation to the United States to join the PESCO project."
    assert not holds("entity", sentence, _entities(sentence), "Which PESCO project did they join?", facts)


@pytest.mark.slow  # tags with spaCy
def test_a_name_the_question_gives_by_its_initials_is_given():
    facts = StatementFacts(2021, frozenset({"united", "states", "eu"}))
    sentence = (
        "We welcome progress made by the United States and the EU toward additional EU member states "
        "meeting the requirements necessary for visa-free travel to the United States."
    )
    # "Which EU countries ...?" is not answered by the party the question named as "the US".
    assert not holds("country", sentence, _entities(sentence), "which EU countries got visa-free travel to the US?", facts)
    assert not holds("country", sentence, _entities(sentence), "Which EU countries got visa free travel to the U.S.?", facts)
    # Nor is "us" a name: named nowhere, the party answers "Which country ...?".
    assert holds("country", sentence, _entities(sentence), "Can you tell us which country eases visas?", facts)


def test_the_noun_a_how_many_question_counts_and_the_sentence_that_counts_it():
    assert counted_noun("how many jobs is the chip plant supposed to create") == "job"
    assert counted_noun("Innovation Handshake agenda - how many anchor events and where?") == "event"
    # Not a share of something named, nor a sum of money.
    assert counted_noun("How many of the doses go to Africa?") == ""
    assert counted_noun("How many dollars will they give?") == ""
    assert counted_noun("how many U.S. universities will open campuses?") == "universiti"  # "U.S." is one word
    jobs = "The investment would create up to 5,000 new direct and 15,000 community jobs in five years."
    assert gives_the_count(jobs, counted_noun("How many jobs will it create?"))
    assert not gives_the_count("Micron will invest up to $825 million to build a facility.", "job")
    assert gives_the_count("The agenda has two anchor events, one in each country.", "event")
    assert not gives_the_count(jobs, "")
    assert not gives_the_count("They set 2025 targets.", "target")  # a year counts nothing


def test_a_list_answers_which_but_two_things_joined_by_as_well_as_do_not():
    question = "Which practices did they express concern about?"
    listed = "They voiced concern about coercion, and non-market practices, as well as export restrictions."
    assert holds("entity", listed, (), question, FACTS)
    assert holds("entity", "They welcomed steps such as the visa waiver.", (), question, FACTS)
    joined = "They welcomed the resolution of six disputes as well as their understandings on market access."
    assert not holds("entity", joined, (), "Which disputes were settled?", FACTS)


def test_an_occasion_asked_of_is_not_answered_by_another_named_one():
    """ "Where will the next kelp summit be held?" is not answered by where another summit, named
    by a name the question does not give, is held; a question that names that one is."""
    sentence = "We look forward to the Ocean Summit in Lisbon in November 2027."
    lisbon = _tagged(sentence, "GPE", "Lisbon")
    assert not holds("place", sentence, lisbon, "Where will the next kelp summit be held?", FACTS)
    assert not holds("city", sentence, lisbon, "In which city will the leaders' next summit take place?", FACTS)
    assert holds("place", sentence, lisbon, "Where will the Ocean Summit be held?", FACTS)
    # A sentence that also speaks of a summit by no name may answer.
    unnamed = "The next summit will be held in Lisbon, after the Ocean Summit."
    assert holds("place", unnamed, _tagged(unnamed, "GPE", "Lisbon"), "Where will the next kelp summit be held?", FACTS)


def test_a_thing_spoken_of_but_not_named_does_not_answer_which_it_is():
    """ "Which chemical weapon ...?" and "name of the journalist ...?" ask for a name; a sentence
    that speaks of "a chemical weapon" or "an independent journalist" names none, however long a
    list it holds. One that names it, or speaks of the one the question means, may answer."""
    unnamed = "We call on Lemuria to explain the use of a chemical weapon on its soil, to end its crackdown, and to act."
    assert not holds("entity", unnamed, [], "Which chemical weapon was used in Lemuria?", FACTS)
    arrest = "We condemn the forced landing of flight AT123 and the arrest of an independent journalist and his partner."
    assert not holds("entity", arrest, [], "name of the journalist Lemuria arrested?", FACTS)
    named = "We call on Lemuria to explain the use of a chemical weapon, Kelpotoxin, on its soil, to end its crackdown, and to act."
    signed = "The coast guards signed a Memorandum of Cooperation, on safety, and on drills."
    assert holds("entity", signed, [], "Which memorandum of cooperation was signed?", FACTS)  # a name, by its capitals
    assert holds("entity", named, _tagged(named, "PRODUCT", "Kelpotoxin"), "Which chemical weapon was used in Lemuria?", FACTS)


def test_an_occasion_of_the_parties_own_is_the_one_asked_of():
    """ "the last Atlantis-Lemuria Summit" is the parties' own, named by their names: it answers
    when the previous summit between them was, however the question names them."""
    facts = replace(FACTS, common_names=frozenset({"atlantis", "lemuria"}))
    sentence = "Since the last Atlantis-Lemuria Summit in June 2021, the world has changed."
    june = _tagged(sentence, "DATE", "June 2021")
    assert holds("time", sentence, june, "when was the previous summit between the two capitals held?", facts)
    assert not holds("time", sentence, june, "when was the previous summit between the two capitals held?", FACTS)
    # One name the statement uses often is no pair of parties: "the G20 Summit" is another's.
    often = replace(FACTS, common_names=frozenset({"g20", "atlantis"}))
    g20 = "We look forward to the G20 Summit in Rome in October."
    assert not holds("time", g20, _tagged(g20, "DATE", "October"), "When is the next kelp summit?", often)


def test_an_occasion_asked_of_by_an_acronym_of_its_name_is_the_one_named():
    """ "the special KHO assembly" asks of "the Kelp Health Assembly" where the statement spells out
    "KHO" as the "Kelp Health Organization": the acronym gives its long form's words. A lower-case
    acronym gives them too, unless it is a function word (the "who" of a question)."""
    facts = replace(FACTS, long_forms={"KHO": "Kelp Health Organization", "WHO": "World Health Organization"})
    sentence = "The report will be considered at the special session of the Kelp Health Assembly in November 2027."
    november = _tagged(sentence, "DATE", "November 2027")
    assert holds("time", sentence, november, "When is the special KHO assembly meeting?", facts)
    assert holds("time", sentence, november, "when is the special kho assembly meeting", facts)
    assert holds("time", sentence, november, "When is the KHO's special assembly?", facts)
    assert not holds("time", sentence, november, "When is the special KHO assembly meeting?", FACTS)
    world = "The report will be considered at the World Health Assembly in November 2027."
    asked = "who knows when the next assembly meets?"
    assert not holds("time", world, _tagged(world, "DATE", "November 2027"), asked, facts)


def test_an_acronym_spelt_like_a_question_word_is_a_name_the_amount_must_be_for():
    sentence = "The members commit $3 billion over five years to the Kelp Partnership."
    words = frozenset(re.findall(r"[\w-]+", sentence.lower())) | {"who"}
    facts = StatementFacts(2025, frozenset({"members"}), frozenset(), words)
    # "the WHO" is a body the question names, not the word "who": an amount for another is no answer.
    assert not holds("money", sentence, _entities(sentence), "How much did the members pledge to the WHO?", facts)
    assert holds("money", sentence, _entities(sentence), "How much did the members pledge?", facts)


def test_how_big_before_a_qualified_plural_noun_asks_the_manner_not_a_size():
    assert expected_answer_types("By which meeting do they hope to agree on how big global firms get taxed?") == ("entity",)
    assert expected_answer_types("How big are the investments?") == ("number",)
    assert expected_answer_types("how big an investment is it") == ("number",)


def test_a_modal_verb_ends_the_noun_a_which_question_asks_for():
    # "nations" is the subject of the clause after "should", not the kind of thing asked for.
    assert "country" not in expected_answer_types("Which bodies should nations work through on orbital debris?")


def test_a_number_that_names_one_thing_is_answered_by_its_code():
    sentence = "We condemn the forced landing of flight KX4471 and the detention of its crew."
    assert _holds("number", sentence, "kelp state diverted plane flight number?")
    # A count is still asked by "the number of", and a code is no count.
    assert not _holds("number", sentence, "What is the number of crew detained?")


def test_which_leaders_is_answered_by_a_leaders_name_not_by_the_leaders_unnamed():
    question = "Which leaders met today?"
    named = "Prime Minister Anwar welcomed the Expo and met Prime Minister Takaichi today."
    unnamed = "We, the leaders of Lemuria and Kelpland, met today to renew our partnership."
    assert _holds("person", named, question)
    assert not _holds("person", unnamed, question)
    assert "person" in expected_answer_types("Which EU leaders took part in the summit?")
    # A leader named by the country led answers too, but not the parties' own leaders so named.
    assert _holds("person", "We were joined by the Leaders of Australia and Kenya.", "Which leaders joined them?")
    assert not _holds("person", "We, the leaders of Japan and Malaysia, met today.", "Which leaders joined them?")


def test_a_which_after_a_noun_and_its_preposition_opens_a_clause_and_asks_nothing():
    # "the programme under which universities research ..." asks for the programme's name, which a
    # name answers whatever the sentence says of universities; "In which city ...?" still asks.
    question = "What's the name of the programme under which Japanese and Malaysian universities research farm emissions?"
    sentence = "They welcomed joint research between Japanese and Malaysian universities through the Kelp Programme."
    assert _holds("entity", sentence, question)
    assert "city" in expected_answer_types("In which city will the expo be held?")
    assert "city" in expected_answer_types("When did they meet, and in which city?")
    assert "country" in expected_answer_types("The leaders of which countries joined the summit?")
    assert expected_answer_types(") in which city?") == ("city",)  # no word before it: still asks


def test_who_before_an_auxiliary_and_a_subject_asks_for_the_other_party_not_a_signatory():
    # "Who did the Pentagon sign it with?" is "whom": the body it was signed with answers.
    assert "signatory" not in expected_answer_types("Who did the Pentagon sign an administrative arrangement with?")
    assert "signatory" not in expected_answer_types("Who is the EU signing with?")
    for asked in ("Who signed the arrangement?", "who will sign it", "Who has signed the arrangement?"):
        assert expected_answer_types(asked) == ("signatory",)
