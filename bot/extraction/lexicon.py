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
    "chair founder executive ceo manager head member candidate nominee lawmaker legislator "
    "politician diplomat envoy negotiator activist campaigner teacher doctor nurse engineer "
    "coach player captain owner partner president-elect mp deputy aide strategist historian "
    "hydrologist resident farmer worker student councillor councilor councilwoman councilman "
    "commissioner prosecutor spokesperson representative premier chancellor king queen "
    "incumbent challenger businessman businesswoman billionaire tycoon physician surgeon "
    "planner architect consultant mayor-elect governor-elect".split()
)
# Lower-case words that may stand in a role before a name ("retired Army Lt. Gen.").
ROLE_MODIFIERS = frozenset(
    "retired former late incoming outgoing acting interim deputy vice chief senior junior top "
    "veteran then current future newly elected appointed embattled longtime ex assistant "
    "associate general state federal local city county".split()
)
# Nouns a definite description can use for a person mentioned just before.
DESCRIPTION_NOUNS = frozenset(
    "candidate nominee president-elect spokesman spokeswoman spokesperson senator governor "
    "mayor chancellor premier incumbent challenger billionaire businessman businesswoman "
    "tycoon chairman chairwoman hydrologist councillor mayor-elect".split()
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
    "co gmbh holdings".split()
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

# Verbs that attribute speech (not naming verbs such as "called").
SPEECH_VERBS = frozenset(
    "said says say saying told tells telling added adds adding asked asks asking replied "
    "replies declared declares stated states noted notes insisted insists argued argues warned "
    "warns claimed claims wrote writes tweeted tweets announced announces continued concluded "
    "recalled recalls remarked observed admitted acknowledged suggested suggests urged urges "
    "promised promises pledged vowed spoke speaks speaking explained explains responded answered "
    "shouted cried whispered".split()
)
# Speech verbs whose object is a listener or a work ("told Bloomberg", "wrote Essence of
# Decision"): a name after them is no speaker.
OBJECT_VERBS = frozenset(
    "told tells telling urged urges promised promises pledged vowed spoke speaks speaking wrote "
    "writes tweeted tweets".split()
)
# Prepositions that put a name in a place or organisation: "at Goldman Sachs", "in New York".
PLACE_PREPOSITIONS = frozenset("at in into inside across near throughout".split())
# Words that open a clause that is not the main clause (skipped when looking for a subject).
CLAUSE_OPENERS = frozenset(
    "in on at after before apart despite since when while although though as because if with "
    "without during for from by according following unlike like amid among under over "
    "through once now then however meanwhile still yet also moreover furthermore but and "
    "whereas earlier later last yesterday today".split()
)
# Words that end a backward scan for the subject of a speech verb ("... when he said:").
CLAUSE_BOUNDARIES = frozenset(
    "when as and but that while because after before if where though although then so who "
    "which whom whose".split()
)
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
