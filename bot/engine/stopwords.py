"""Words that carry no fact: function words, chat filler and question words.

Question words are kept aside as intent; everything else here is dropped before matching, so an
unknown word left in a question is a real content word that the article may not cover.
"""

QUESTION_WORDS = frozenset(
    "who whom whose what whats which when where why how whos wheres whens hows whys".split()
)

STOPWORDS = frozenset(
    """
    a an the and or but nor so yet if then than that this these those there here thats theres
    is are was were be been being am isnt arent wasnt werent im ive id youre youve hes shes its
    theyre theyve weve were do does did doing done dont doesnt didnt have has had having havent
    hasnt hadnt can could cant couldnt will would wont wouldnt shall should shouldnt may might must
    mustnt need needs i me my mine myself we us our ours you your yours he him his she her hers it
    itself they them their theirs one ones someone something anyone anything everyone everything
    of to in on at by for with about from into onto over under up down out off again further once
    as also too very just really only even still ever some any all both each few more most other
    such no not own same s t d ll re ve m o y nt
    tell told telling explain explains describe show give gave know knows knew known think thinks
    thought mean means meant meaning say says said saying quote quoted quotes quoting talk talked
    talking mention mentioned mentions bit thing things stuff kind sort many much
    news bot briefbot pls please plz thanks thank thx 0 1 2 3 4 5 6 7 8 9
    article articles piece story text author writer name named names list listed lists cite cited
    identify identified discuss discussed discusses
    ty hey hi hello yo sup ok okay okey yeah yes yep nope lol lmao lmfao rofl omg wtf idk imo tbh
    btw hmm hm huh uh um er eh oh ah wow guys guy folks everybody somebody anybody dude bro man
    again actually basically literally kinda sorta gonna wanna gotta like pretty quite well
    whatever whichever whoever however via per vs versus etc eg ie ya u ur r n w
    can't won't
    go going goes went get gets got getting make makes made let lets put see seen look looking
    wondering wonder curious question questions ask asking answer quick
    anyway anyways honestly seriously rn tho though lemme gimme nah ppl whole sure maybe perhaps
    exactly supposed supposedly apparently someone somebody else earth heck hell lot lots alot
    before after against between among during without within besides around across toward towards
    upon since while until unless whether
    """.split()
)

INTENT_WORDS = {
    "said": "quote",
    "say": "quote",
    "says": "quote",
    "saying": "quote",
    "quote": "quote",
    "quoted": "quote",
    "quotes": "quote",
    "who": "who",
    "whos": "who",
    "whom": "who",
    "many": "number",
    "much": "number",
    "when": "when",
    "whens": "when",
    "where": "where",
    "why": "why",
    "whys": "why",
}

# How chat spells a few words ("wat did ppl call it"): read as the word before anything else, so
# "wat" asks what (a question word, not a content word the entry lacks) and "cuz" gives a reason.
# Spellings chat uses for these words far more than for any word of their own ("wen"), and typos
# of "article": typos of content words are repaired towards the store's words instead
# (`Analyzer._correct`), which never holds a stopword to repair towards.
CHAT_SPELLINGS = {
    "wat": "what",
    "wut": "what",
    "wot": "what",
    "whut": "what",
    "wht": "what",
    "waht": "what",
    "hwat": "what",
    "whta": "what",
    "wats": "whats",
    "wuts": "whats",
    "whts": "whats",
    "hwo": "who",
    "hw": "how",
    "wen": "when",
    "wich": "which",
    "whcih": "which",
    "cuz": "because",
    "coz": "because",
    "bcuz": "because",
    "becuz": "because",
    "bcoz": "because",
    "abt": "about",
    "smth": "something",
    "sth": "something",
    "smthng": "something",
    "somethin": "something",
    "thru": "through",
    "b4": "before",
    "rly": "really",
    "govt": "government",
    "prez": "president",
    "convo": "conversation",
    "yr": "year",
    "yrs": "years",
    "shud": "should",
    "shld": "should",
    "sed": "said",
    "fone": "phone",
    "gov": "government",
    "admin": "administration",
    "artcle": "article",
    "artical": "article",
    "aricle": "article",
}
