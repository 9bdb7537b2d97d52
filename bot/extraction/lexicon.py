"""Small closed word lists the extractors combine with structural cues (never used alone)."""

from __future__ import annotations

# Abbreviations after which a period never ends a sentence (compared lower case, no dot).
ABBREV_ALWAYS = frozenset(
    "mr mrs ms mx dr prof lt gen col maj capt sgt adm cmdr sen rep gov st rev hon fr messrs "
    "mt ft pres supt insp det e.g i.e cf vs approx ca fig no nos vol pp jan feb mar apr aug "
    "sep sept oct nov dec".split()
)
# Abbreviations that may end a sentence: break only before a typical sentence opener.
ABBREV_MAYBE = frozenset("jr sr inc ltd co corp bros etc esq".split())

# Words that typically open a sentence; used to decide after "U.S." or "Inc.".
SENTENCE_STARTERS = frozenset(
    "the a an it its he she they we i you this that these those there here but and or so yet "
    "in on at for if when while after before as however meanwhile still his her their our my "
    "what why how who where some many most one no not now then since despite although though "
    "because another other such each every all both".split()
)

# Titles that can stand right before a personal name (compared without a final dot).
TITLES = frozenset(
    "president presidents vice prime minister chancellor premier senator sen representative "
    "rep congressman congresswoman governor gov mayor judge justice king queen prince princess "
    "pope emperor sheikh general gen lieutenant lt colonel col major maj captain capt sergeant "
    "sgt admiral adm commander cmdr marshal secretary ambassador dr professor prof rev reverend "
    "father bishop archbishop cardinal rabbi imam chairman chairwoman commissioner inspector "
    "detective sheriff coach mp mps mep ceo speaker lord lady baroness baron duke duchess "
    "ayatollah sultan emir president-elect chief deputy".split()
)
# Courtesy titles: a cue for a person, but no role.
HONORIFICS = frozenset("mr mrs ms miss mx sir dame madam messrs".split())

# Nouns that make a phrase a role ("a Kremlin spokesman", "the Republican candidate").
ROLE_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson president minister senator governor mayor official "
    "officer leader chief director secretary ambassador adviser advisor analyst expert "
    "professor researcher scientist economist author writer journalist reporter editor "
    "correspondent commentator lawyer attorney judge general commander chairman chairwoman "
    "chair founder co-founder cofounder executive ceo cfo coo cto cso cmo manager head member "
    "candidate nominee lawmaker legislator politician diplomat envoy negotiator activist "
    "campaigner teacher doctor nurse engineer coach player captain owner co-owner partner "
    "president-elect mp deputy aide strategist historian hydrologist resident farmer worker "
    "student councillor councilor councilwoman councilman commissioner prosecutor "
    "representative premier chancellor king queen incumbent challenger businessman "
    "businesswoman billionaire tycoon physician surgeon planner architect consultant "
    "mayor-elect governor-elect fellow administrator superintendent supervisor coordinator "
    "organizer organiser volunteer treasurer comptroller controller auditor clerk delegate "
    "assemblyman assemblywoman assemblymember congressman congresswoman lobbyist pollster "
    "operative staffer adviser principal dean provost chancellor lecturer biologist "
    "geneticist chemist physicist epidemiologist virologist oncologist psychologist "
    "psychiatrist pharmacist investigator investor banker trader broker entrepreneur "
    "designer developer producer publisher photographer artist musician actor actress "
    "singer driver pilot officer detective sergeant trooper deputy sheriff firefighter "
    "soldier veteran rookie goalie goaltender netminder goalkeeper keeper defenseman "
    "defenceman defender forward winger wing centre center striker midfielder quarterback "
    "pitcher catcher shortstop outfielder linebacker receiver guard teammate linemate "
    "skater trainer scout umpire referee official inspector mother father wife husband "
    "daughter son sister brother widow mom dad owner landlord tenant shopkeeper "
    "homeowner neighbour neighbor customer patient parent vicar priest pastor minister "
    "rabbi imam monk nun chaplain spokesmodel analyst economist regulator specialist "
    "technician mechanic electrician plumber carpenter chef cook waiter bartender "
    "cashier clerk receptionist secretary-general undersecretary attache consul "
    "premier-elect vice-president vice-chair vice-chairman ombudsman sheriff marshal "
    "alderman alderwoman selectman freeholder magistrate justice barrister solicitor "
    "counsel paralegal advocate strategist columnist anchor host presenter blogger "
    "creator influencer scorer sniper playmaker blueliner enforcer starter backup newcomer "
    "prospect centerman star democrat republican predecessor successor colleague ally rival "
    "mentor protege gm blue-liner left-winger right-winger co-captain".split()
)
# Role nouns that say the person is a woman or a man (used to tell "he" from "she").
FEMALE_NOUNS = frozenset(
    "spokeswoman chairwoman businesswoman councilwoman congresswoman assemblywoman "
    "alderwoman actress mother wife daughter sister widow mom queen princess duchess "
    "baroness lady dame nun grandmother aunt niece girlfriend".split()
)
MALE_NOUNS = frozenset(
    "spokesman chairman businessman councilman congressman assemblyman alderman selectman "
    "actor father husband son brother widower dad king prince duke baron lord monk "
    "grandfather uncle nephew boyfriend".split()
)
# Nouns that head a phrase naming an organisation or a thing, not a person ("the Opioid
# Prevention campaign", "the Smith family"): a capitalised run right before them is no person.
THING_NOUNS = frozenset(
    "campaign program programme administration government team list bill act law plan "
    "policy project award prize family era years doctrine style way brand company firm "
    "agency group index fund report model rule strategy trophy cup deal accord era "
    "dynasty regime camp statement release website account organization organisation "
    "foundation institute center centre "
    "university college school hospital clinic lab laboratory building hall street road "
    "station stadium arena park river league conference division series tournament game "
    "games match case trial inquiry investigation probe hearing commission committee "
    "county district state city town region province".split()
)
# Lower-case words that may stand in a role before a name ("retired Army Lt. Gen.").
ROLE_MODIFIERS = frozenset(
    "retired former late incoming outgoing acting interim deputy vice chief senior junior top "
    "veteran then current future newly elected appointed embattled longtime ex assistant "
    "associate general state federal local city county".split()
)
# Nouns a definite description can use for a person mentioned just before ("the veteran
# winger"): role nouns, less those that also name places, things or anyone at all.
DESCRIPTION_NOUNS = ROLE_NOUNS - frozenset(
    "member head resident worker student official player patient customer parent partner "
    "owner mother father wife husband daughter son sister brother mom dad neighbour neighbor "
    "tenant homeowner volunteer wing guard center centre forward keeper chair host anchor "
    "creator general deputy fellow principal counsel advocate driver pilot officer "
    "secretary director manager leader executive".split()
)

# Capitalised words that mark a place, organisation, period or office rather than a person.
NON_PERSON_WORDS = frozenset(
    "house war wars state states united kingdom union nations republic federation department "
    "ministry office agency council committee commission court congress senate parliament "
    "assembly party army navy force forces guard corps bank fund university college school "
    "institute foundation center centre hospital museum church company corporation group "
    "association organization organisation authority times post news journal press street "
    "avenue road square park bridge airport station river sea ocean gulf bay lake island "
    "islands mountains valley city county province region district east west north south "
    "eastern western northern southern central middle europe america asia africa security "
    "national international global federal democratic republican liberal conservative labour "
    "day act treaty accord agreement summit conference forum prize award cup league club games "
    "olympics festival affairs defense defence intelligence police service services advisor "
    "adviser secretary minister ministers motors electric airlines stables inc ltd llc plc corp "
    "co gmbh holdings forum policy prevention healthcare health therapeutics pharmaceuticals "
    "pharma biosciences bioscience biotech biotherapeutics medicine medical sciences labs "
    "laboratories technologies technology systems capital partners ventures media network "
    "networks communications energy insurance financial securities foods brands stores "
    "studios records books software solutions industries enterprises consulting analytics "
    "partnership trust alliance coalition initiative project program programme campaign "
    "administration board authority bureau division unit office commissioner "
    "commissioners rights justice human peace freedom liberty "
    "prize awards championship tournament series conference division stadium arena center "
    "centre museum library gallery theatre theater airport port harbour harbor "
    "railway railways transit bureau cafe restaurant hotel market mall exchange "
    "reserve treasury ministry embassy consulate mission consulting trucking roofing plumbing "
    "printing publishing dredging engineering manufacturing mining shipping banking brewing "
    "marketing advertising broadcasting catering contracting landscaping logistics packaging "
    "recycling staffing towing bio biotechnologies biotechnology trophy medal cup hill capitol "
    "new los las san santa sri hong kong saudi puerto costa jersey york hampshire zealand "
    "orleans angeles vegas dakota carolina mexico arabia korea emirates coast great britain "
    "depot ratings economics macroeconomics genomics genetics biologics oncology diagnostics "
    "biomedical vaccines medicines institutes clinic motor democrats republicans gop".split()
)
MONTHS = (
    "January February March April May June July August September October November December"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
CALENDAR_WORDS = frozenset(w.lower() for w in MONTHS + WEEKDAYS)

# Capitalised words that open a clause but never start a name.
NON_NAME_OPENERS = SENTENCE_STARTERS | frozenset(
    "apart whereas according during with without from by under over among amid unlike like "
    "once also yesterday today tonight recently later earlier last next".split()
)
NAME_PARTICLES = frozenset("de van von der den bin ibn al da du la le del di ter dos das".split())
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())


def _forms(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that attribute speech (not naming verbs such as "called": see CHARACTERISING_VERBS).
SPEECH_VERBS = _forms(
    "said says say saying told tells tell telling added adds adding asked asks asking replied "
    "replies replying declared declares declaring stated states stating noted notes noting "
    "insisted insists insisting argued argues arguing warned warns warning claimed claims "
    "claiming wrote writes writing tweeted tweets tweeting announced announces announcing "
    "continued continues concluded recalled recalls recalling remarked observed observes "
    "admitted admits admitting acknowledged acknowledges acknowledging suggested suggests "
    "suggesting urged urges urging promised promises promising pledged pledges pledging vowed "
    "vows vowing spoke speaks speaking explained explains explaining responded responds "
    "responding answered answers answering shouted cried whispered reiterated reiterates "
    "reiterating stressed stresses stressing emphasised emphasized emphasises emphasizes "
    "emphasising emphasizing maintained maintains conceded concedes conceding cautioned "
    "cautions cautioning predicted predicts predicting countered counters countering quipped "
    "joked jokes boasted boasts complained complains complaining lamented laments lamenting "
    "confirmed confirms confirming denied denies denying testified testifies testifying "
    "posted posts posting texted emailed recounted recounts contended contends asserted "
    "asserts asserting affirmed mused offered underlined underscored underscores hinted "
    "hints agreed agrees disagreed disagrees acknowledged added wondered wonders conceded "
    "pleaded begged demanded demands demanding yelled screamed exclaimed"
)
# Speech verb forms that are also plural nouns: verbs only where the sentence says so.
NOUN_LIKE_VERBS = _forms(
    "states notes claims answers posts demands promises pledges vows replies remarks "
    "responds tells observes warns hints counters jokes laments boasts"
)
# Verbs that put the subject's words on a thing ("called it an “adverse development”", "hailed
# the “historic” move"): they attribute a quote only when it stands in their object.
CHARACTERISING_VERBS = _forms(
    "call called calls calling describe described describes describing dub dubbed dubs term "
    "termed terms label labelled labeled labels brand branded brands hail hailed hails hailing "
    "praise praised praises praising cheer cheered cheers cheering welcome welcomed welcomes "
    "welcoming condemn condemned condemns condemning denounce denounced denounces "
    "denouncing slam slammed slams slamming criticise criticised criticises criticize "
    "criticized criticizes decry decried decries blast blasted blasts deride derided "
    "dismiss dismissed dismisses characterise characterised characterize characterized "
    "deem deemed deems lauded lauds applauded applauds touted touts"
)
# Subjects that are nobody in particular: "Critics call it a “vanity project”".
GENERIC_GROUPS = _forms(
    "critics analysts officials experts residents observers skeptics sceptics supporters "
    "opponents protesters demonstrators lawmakers voters people some others many most few "
    "fans players economists investors commentators academics scientists researchers "
    "doctors parents activists locals neighbours neighbors insiders sources"
)
# Words that are never part of a personal name, even capitalised in a headline-case phrase.
FUNCTION_WORDS = _forms(
    "a an the and or but nor so yet of in on at to for from by with without about above "
    "across after against along among amid around as before behind below beneath beside "
    "between beyond despite down during except inside into like near off onto out outside "
    "over past since than through throughout till toward towards under underneath until up "
    "upon via within i me my mine we us our ours you your yours he him his she her hers it "
    "its they them their theirs this that these those who whom whose which what where when "
    "why how is are was were be been being am has have had do does did will would shall "
    "should can could may might must not no yes all any each every some both either neither "
    "here there then now also very just only even ever never always often again still "
    "meanwhile however eventually finally instead perhaps maybe indeed later earlier soon "
    "today yesterday tomorrow tonight ok okay oh well please thanks"
)
# Prepositions: a name right after one is no subject ("asked about Lowe’s veto, he said").
PREPOSITIONS = _forms(
    "about above across after against along among amid around at before behind below beside "
    "between beyond by despite during for from in inside into like near of off on onto over "
    "past than through to toward towards under until upon via with within without"
)
# Words between a subject and its verb that belong to neither: "Netanyahu, however, said".
ADVERBS_BEFORE_VERB = _forms(
    "also however too again later then meanwhile once previously repeatedly recently "
    "separately similarly subsequently further furthermore moreover earlier initially "
    "ultimately publicly privately only still already often has have had would will could "
    "did does do is was were are being been may might must should shall"
)
# Speech verbs whose object is a listener or a work ("told Bloomberg", "wrote Essence of
# Decision"): a name after them is no speaker.
OBJECT_VERBS = frozenset(
    "told tells telling urged urges promised promises pledged vowed spoke speaks speaking wrote "
    "writes tweeted tweets".split()
)
# Prepositions that put a name in a place or organisation: "at Goldman Sachs", "in New York".
PLACE_PREPOSITIONS = frozenset("at in into inside across near throughout".split())
PRONOUNS_SINGULAR = frozenset("he she".split())
PRONOUNS_PLURAL = frozenset("they we".split())

# Number words (spelled out) and scales.
NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand million billion trillion dozen dozens hundreds thousands "
    "millions billions".split()
)
SCALES = frozenset("hundred thousand million billion trillion".split())
# Words that cannot be the noun counted by a number.
NUMBER_STOPWORDS = frozenset(
    "the a an of and or but to in on at for with by from as is are was were be been being has "
    "have had will would can could may might must should do does did that this these those it "
    "its he she they we i you his her their our my than then so not no also more most less "
    "per which who whom whose when while if".split()
)
