"""Words chat users put in place of the article's: role nouns and their synonyms.

A draft's phrasings are written from the article's own words; these add the everyday names
for the same roles ("the bench boss" for a coach), so a question worded differently still
finds the person and what they said. Only roles: a general thesaurus would pull questions
towards the wrong fact far more often than it helps.
"""

from __future__ import annotations

# A role's head noun (lower case) -> what people call that role instead.
ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "coach": ("bench boss", "head coach", "manager"),
    "goalie": ("goaltender", "netminder", "keeper"),
    "goaltender": ("goalie", "netminder", "keeper"),
    "defenseman": ("blueliner", "defender", "d-man"),
    "defender": ("defenseman", "blueliner"),
    "winger": ("forward", "wing"),
    "center": ("centre", "forward"),
    "captain": ("skipper", "team leader"),
    "quarterback": ("qb", "signal caller"),
    "pitcher": ("hurler",),
    "striker": ("forward",),
    "ceo": ("chief executive", "boss", "head"),
    "chief executive": ("ceo", "boss", "head"),
    "president": ("head", "boss", "chief"),
    "chairman": ("chair", "head"),
    "chairwoman": ("chair", "head"),
    "founder": ("creator",),
    "director": ("head", "chief"),
    "owner": ("proprietor",),
    "co-owner": ("owner", "part owner"),
    "spokesperson": ("spokesman", "spokeswoman", "representative"),
    "spokesman": ("spokesperson", "representative"),
    "spokeswoman": ("spokesperson", "representative"),
    "officer": ("official",),
    "official": ("officer",),
    "senator": ("lawmaker", "legislator", "sen"),
    "sen.": ("senator", "lawmaker", "legislator"),
    "representative": ("lawmaker", "congressman", "congresswoman", "rep"),
    "governor": ("gov", "state leader"),
    "gov.": ("governor",),
    "mayor": ("city leader",),
    "prime minister": ("premier", "pm", "leader"),
    "premier": ("prime minister", "pm", "leader"),
    "president-elect": ("incoming president",),
    "secretary of state": ("top diplomat", "top envoy", "foreign minister"),
    "foreign minister": ("top diplomat", "foreign secretary"),
    "minister": ("government minister",),
    "negotiator": ("envoy",),
    "ambassador": ("envoy", "diplomat"),
    "fellow": ("scholar", "researcher", "expert"),
    "analyst": ("expert",),
    "economist": ("expert",),
    "professor": ("academic", "expert", "prof"),
    "researcher": ("scientist", "expert"),
    "scientist": ("researcher", "expert"),
    "lawyer": ("attorney",),
    "attorney": ("lawyer",),
    "judge": ("justice",),
    "doctor": ("physician", "dr"),
    "police chief": ("top cop",),
    "general manager": ("gm",),
    "gm": ("general manager",),
}

# Roles named by several words: the longest that ends a role is its head ("US Secretary of
# State" -> "secretary of state"), else the last word ("Wild coach" -> "coach").
MULTIWORD_ROLES = tuple(sorted((r for r in ROLE_SYNONYMS if " " in r), key=len, reverse=True))

# Gist questions, asked of every article: its `summary` entry answers them.
GIST_QUESTIONS = (
    "what is the article about",
    "summary",
    "summarize the article",
    "tldr",
    "what's the gist",
    "give me the rundown",
    "what happened",
    "what's the story",
    "what is the headline",
    "main point of the article",
    # the article named as readers name it: a piece, a story, its writer's point
    "what is this piece about",
    "the writer's main point",
    "what is the author's point",
    "sum it up in a sentence",
    "what's the takeaway of the piece",
)

KEY_POINT_QUESTIONS = (
    "key points",
    "main takeaways",
    "highlights",
    "what are the most important facts",
)

# An organisation's head noun -> the kinds readers call it by: a person working for the
# Kohelet Policy Forum is asked "what think tank does X work for".
ORG_KINDS: dict[str, tuple[str, ...]] = {
    "league": ("group", "organisation", "organization", "bloc", "body"),
    "union": ("group", "bloc", "body", "organisation", "organization"),
    "alliance": ("group", "bloc", "coalition"),
    "coalition": ("group", "alliance", "bloc"),
    "association": ("group", "organisation", "organization", "body"),
    "federation": ("group", "organisation", "organization", "body"),
    "organisation": ("group", "organization", "body"),
    "organization": ("group", "organisation", "body"),
    "forum": ("think tank", "group", "organisation", "organization"),
    "institute": ("think tank", "group", "organisation", "organization"),
    "foundation": ("charity", "group", "organisation", "organization", "nonprofit"),
    "center": ("think tank", "group", "organisation", "organization"),
    "council": ("body", "group", "panel"),
    "committee": ("panel", "body", "group"),
    "commission": ("body", "panel", "agency"),
    "ministry": ("government", "department", "office"),
    "office": ("government", "department", "ministry"),
    "department": ("government", "agency", "office"),
    "authority": ("government", "agency", "body"),
    "agency": ("government", "body", "office"),
    "administration": ("government",),
    "court": ("tribunal", "judges"),
    "party": ("group",),
    "company": ("firm", "business"),
    "corporation": ("company", "firm", "business"),
    "inc": ("company", "firm", "business"),
    "corp": ("company", "firm", "business"),
    "bank": ("lender", "company", "firm"),
    "university": ("school", "college"),
    "college": ("school", "university"),
    "hospital": ("clinic", "medical center"),
}
