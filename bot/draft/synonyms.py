"""Words news readers use in place of the article's: a small hand-curated lexicon.

Each group holds words and phrases that stand for one another in news writing ("criticised",
"slammed", "lashed out"; "goalie", "netminder"). A draft turns the groups its article uses into
the article's own aliases (`bot.draft.aliasing`): every other member becomes a variant of the word
the article writes, so "which blueliner got banged up" reaches "defenseman ... injury". Aliases are
scoped to their article, so a group can only blur words within one article, never pull a question
towards another one; a word with two common senses ("pass", "run", "state") is left out.

Members are written in their base form; plurals, past and -ing forms are added when the groups
are read (irregular forms are written out). Place names stand for their government
("the Kremlin", "Brussels") because news writing uses them so.
"""

from __future__ import annotations

# One group per line, members separated by commas.
_GROUPS = """
criticise, criticize, criticism, condemn, condemnation, denounce, slam, blast, lash out, rebuke,
    decry, censure, pan
praise, hail, laud, applaud, commend, cheer, cheered, cheering, welcome, celebrate, acclaim
support, endorse, favour, favor, favored, favoring, backer, supporter
oppose, opposition, resist, resisted, resisting
+ backlash, blowback, pushback, outcry, uproar, furore, furor
mockery, ridicule, mock, derision, lampoon
reject, rejection, dismiss, rebuff, spurn, refuse, refusal
announce, announcement, unveil, reveal, reveals, revealed, disclose
warn, warning, caution, cautioned, alert
reaction, react, respond, response, reply
urge, plead
demand, insist, insisted, insisting
stress, emphasise, emphasize, underline, underscore
reiterate, repeat, restate
acknowledge, admit, admitted, admitting, concede
expect, anticipate, predict, forecast
worry, worried, concern, concerned, fear, afraid, anxious, uneasy, alarm, alarmed, apprehensive
= happy, pleased, glad, delighted, thrilled, satisfied, elated, overjoyed
= angry, furious, fuming, outraged, enraged, livid, incensed, irate
= frustrated, frustration, frustrations, irritation, irritated, annoyed, annoyance, exasperated,
    exasperation
= confident, confidence, self-belief, self-assured, assured
= surprised, surprise, shocked, stunned, astonished
= disappointed, disappointment, dismayed, dismay, letdown
regret, lament, deplore
= important, crucial, vital, key, essential, pivotal, significant
= difficult, hard, harder, hardest, tough, tougher, toughest, challenging, tricky
= easy, easier, simple, simpler, straightforward
+ mistake, error, blunder, misstep, gaffe, misjudgment, misjudgement
+ problem, issue, trouble, difficulty
+ aim, intent, intention, purpose, objective
+ reason, motive, rationale, motivation
+ consequence, repercussion, fallout, ramification, implication
+ effect, impact, influence
= dangerous, risky, hazardous, perilous, unsafe
= harmful, adverse, detrimental
+ benefit, advantage, upside
threat, threaten, menace
+ obstacle, barrier, hurdle, impediment
+ tension, friction, strain
pressure, squeeze
compel, coerce
+ trick, ploy, tactic
capitulate, surrender, cave
encourage, embolden, foster, spur
fend off, stave off, avert
heighten, escalate, intensify, inflame
attempt, bid, effort
spoil, spoilt, ruin, wreck
divide, divided, split, disagree, disagreement
= biased, one-sided, partisan
= upcoming, coming, forthcoming, impending
= illegal, unlawful, illicit, illegitimate, outlawed
= legal, legitimate, permitted, permissible, allowed
+ law, legislation, statute
+ bill, draft law
+ court, tribunal
+ judge, justice
+ lawsuit, suit, litigation, legal action, legal challenge, case, complaint
investigation, investigate, probe, inquiry, enquiry, inquiries, enquiries
arrest, detain, detention, custody
accuse, accusation, allege, allegation
= prison, prisons, jail, jails, jailed, imprisoned, behind bars, incarcerated, incarceration
+ inmate, convict
release, freed
+ police, cop, law enforcement
+ crime, offence
ban, prohibit, prohibition
+ government, administration
+ lawmaker, congressman, congresswoman, parliamentarian
+ legislature, parliament, congress, capitol hill
+ senator, sen
+ governor, gov
+ prime minister, premier, pm
+ official, officer
+ spokesperson, spokesman, spokeswoman, spokesmen, spokeswomen
+ statement, remark, comment
vote, ballot
poll, survey
election, elect, reelection, re-election
+ candidate, contender, hopeful, nominee
= conservative, conservatives, right-wing, right-leaning
= liberal, liberals, left-wing, left-leaning, progressive, progressives
+ republican, gop
+ committee, panel
resign, resignation, quit
visit, trip, tour
+ policy, policies
+ position, stance, opinion, view, viewpoint
+ decision, ruling, verdict, judgment, judgement
move, step, measure, action
change, shift, alter, alteration, modify, modified, modifies, modifying, switch, reversal,
    overhaul
plan, proposal, scheme, blueprint, strategy, strategies
meeting, gathering, session, summit
debate, discussion, deliberation
deal, agreement, pact, treaty, treaties
replace, replacement, substitute, sub, subbed, backup, stand-in, fill in
+ negotiator, envoy, mediator, middleman, middlemen, intermediary, intermediaries
+ example, instance
+ choice, option, alternative
+ company, firm, business, corporation, enterprise, agency, outfit, companies, agencies
+ ceo, chief executive, chief executive officer
+ founder, co-founder, creator
+ owner, proprietor
+ employee, worker, staffer
+ customer, client, consumer, buyer, shopper
+ shareholder, investor, stockholder
+ product, merchandise, wares
purchase, buy, bought
+ merger, acquisition, takeover, buyout
+ price, cost, price tag, budget
= money, dollars, cash, funds, funding
= revenue, revenues, sales
+ profit, earnings
+ wage, salary, salaries, pay
+ debt, borrowing
+ deficit, shortfall
+ bankruptcy, bankruptcies, insolvency
+ layoff, job cut, redundancy, redundancies
rise, rose, risen, increase, climb, jump, surge, soar, grow, grew, grown, growth
fall, fell, fallen, drop, dropped, dropping, decline, decrease, plunge, slide, slid, sink, sank,
    dip, dipped, shrink, shrank, tumble
+ recession, downturn, contraction
struggle, struggling, flounder, falter
= unemployment, joblessness, jobless
= inflation, price rises
+ tax, levy, taxes, levies
= federal reserve, fed, central bank
+ interest rate, borrowing cost
= stock market, stock markets, stocks, shares, equities, wall street
= economy, economic, economies
= technology, technologies, tech
= artificial intelligence, ai
+ cyberattack, hack, hacking, breach
+ smartphone, phone, cellphone
+ car, vehicle, automobile
= fuel, fuels, gasoline, petrol
= advertising, ad, ads, advert, adverts, advertisement, advertisements, commercial, commercials,
    marketing
= audience, audiences, viewers, viewership, readers
+ slogan, tagline, catchphrase, motto
+ reputation, image, brand
= attention, notice, spotlight
= viral, trending
= provocative, edgy, edgier, controversial
= offensive, insulting, inappropriate
+ core, heart, crux, essence
bury, buried, hide, hid, hidden, obscure
+ drug, medicine, medication
+ pharmaceutical, pharma, drugmaker
= biotech, biotechnology
+ treatment, therapy, cure, therapies
+ painkiller, opioid, opiate, narcotic
misuse, abuse
= addiction, dependence, dependency, addicted
+ disease, illness, condition, ailment, disorder, sickness, illnesses
+ cancer, tumor, tumour
+ outbreak, epidemic, pandemic
+ doctor, physician, dr
+ patient, sufferer
+ participant, volunteer
study, research, studies
+ trial, clinical trial
+ dose, dosage
+ vaccine, vaccination, jab, inoculation
approval, approve, clearance, green light
= food and drug administration, fda
= die, died, dies, dying, death, deaths, dead, fatal, fatality, fatalities
+ gun, firearm, weapon
+ shooter, gunman, gunmen
attack, assault
= troops, soldiers
= military, army, armed forces
+ migrant, immigrant
+ border, frontier
protest, demonstration, demonstrator, protester, protestor
+ blaze, wildfire, fire
win, won, winning, victory, victories, triumph, beat, beats, beaten, beating, topple
lose, lost, losing, loss, losses, defeat
+ game, match, matches, contest, outing, matchup, fixture
goal, score, tally, tallies
assist, feed, helper
save, stop, stopped, stopping, turn aside, turned aside
shutout, clean sheet, blank
+ goalie, goaltender, netminder, goalkeeper, keeper
+ defenseman, defencemen, defenseman, defensemen, defenceman, defender, blueliner
+ coach, bench boss, head coach, coaches, bench bosses, head coaches
+ captain, skipper
+ team, squad, club
+ season, campaign
+ period, frame
+ streak, stretch, stretches, skid, drought
injury, injuries, injured, injure, hurt, hurting, banged up, knock
fight, fought, brawl, scrap, fisticuffs, punch, punches, punched, scuffle
+ opponent, rival, foe
= crowd, crowds, attendance, spectators
+ playoff, postseason
+ touchdown, td
+ home run, homer
+ pitcher, hurler
+ quarterback, qb
= veteran, veterans, experienced, aging, ageing
= waning, closing
consider, mull, weigh, ponder
start, begin, began, begun, beginning, launch, open, kick off
end, finish
= international, global, worldwide, world
+ land, territory, area, zone, territories
live, dwell
+ resident, inhabitant
+ city, town, municipality, cities
build, built, building, construction, construct
seize, seized, capture, captured
recognise, recognize, recognition
help, aid
= male, males, men
= female, females, women
+ teen, teenager, adolescent, youth
= child, children, kid, kids
+ student, pupil
+ teacher, educator
+ website, site, webpage
= online, internet, web
= behavior, behaviour, behaviors, behaviours, habit, habits, conduct
= labor, labour
= defense, defence
= center, centre
= organization, organisation, organizations, organisations
= program, programme, programs, programmes
analyze, analyse
= united nations, un, world body
= european union, eu, brussels
= russia, russian, russians, kremlin, moscow
= china, chinese, beijing
= france, french, elysee, paris
= britain, british, uk, united kingdom, whitehall, downing street
= germany, german, germans, berlin
= japan, japanese, tokyo
= iran, iranian, iranians, tehran
= israel, israeli, israelis, jewish state
= egypt, egyptian, egyptians, cairo
= jordan, jordanian, jordanians, amman
= turkey, turkish, ankara
= ukraine, ukrainian, ukrainians, kyiv, kiev
= india, indian, indians, new delhi
= canada, canadian, canadians, ottawa
= mexico, mexican, mexicans
= palestinian authority, ramallah
= ten, 10
= eleven, 11
= twelve, 12
= thirteen, 13
= fourteen, 14
= fifteen, 15
= sixteen, 16
= seventeen, 17
= eighteen, 18
= nineteen, 19
= twenty, 20
= thirty, 30
= forty, 40
= fifty, 50
= sixty, 60
= seventy, 70
= eighty, 80
= ninety, 90
= hundred, 100
= pentagon, defense department, defence department
"""

# Members whose plural or verb forms are other words, or that must stay as written.
_UNINFLECTED = frozenset(
    """
    us un eu uk pm dr sen gov ceo ad jab web key fed beaten began begun grew grown rose risen fell
    fallen sank won lost fought built seized captured jailed died dead injured buried hidden
    against world elect men women kid children
    """.split()
)


# Word endings that take no inflection (adjectives, participles) or only a plural (nouns).
_FIXED_ENDINGS = (
    "ed", "ing", "ous", "ive", "ful", "less", "able", "ible", "al", "ic", "ish", "ese", "ian",
    "ary", "ory", "ern", "ly", "est",
)  # fmt: skip
_NOUN_ENDINGS = (
    "ion", "ment", "ness", "ity", "ism", "ship", "ence", "ance", "er", "or", "ist", "ure", "age",
    "ant", "ent", "cy", "ery", "ty",
)  # fmt: skip


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _noun_forms(word: str) -> list[str]:
    if not word.isalpha() or len(word) < 3 or (word.endswith("s") and not word.endswith("ss")):
        return [word]
    return [word, _plural(word)]


def _forms(word: str) -> list[str]:
    """A word with its regular inflections ("slam" -> slams, slammed, slamming)."""
    if (
        word in _UNINFLECTED
        or not word.isalpha()
        or len(word) < 3
        or word.endswith(_FIXED_ENDINGS)
        or (word.endswith("s") and not word.endswith("ss"))
    ):
        return [word]
    if word.endswith(_NOUN_ENDINGS):
        return [word, _plural(word)]
    forms = [word, _plural(word)]
    last = word[-1]
    if last == "e":
        forms += [word + "d", word[:-1] + "ing"]
    elif last == "y" and word[-2] not in "aeiou":
        forms += [word[:-1] + "ied", word + "ing"]
    else:
        # one consonant after one vowel doubles in short words: slam -> slammed
        double = (
            len(word) <= 4
            and last not in "aeiouwxy"
            and word[-2] in "aeiou"
            and word[-3] not in "aeiou"
        )
        stem = word + last if double else word
        forms += [stem + "ed", stem + "ing"]
    return forms


_PARTICLES = frozenset("out off up down in on over away back".split())


def _phrase_forms(member: str, inflect: str) -> list[str]:
    """A member with the forms readers type: every inflection (verbs), plurals only (nouns),
    or as written (adjectives and names)."""
    if inflect == "=":
        return [member]
    forms = _forms if inflect == "" else _noun_forms
    words = member.split()
    if len(words) == 1:
        return list(dict.fromkeys(forms(member)))
    if words[-1] in _PARTICLES:  # a verb and its particle inflect on the verb: "lashed out"
        return list(dict.fromkeys(" ".join([f, *words[1:]]) for f in forms(words[0])))
    # other phrases on their last word: "price tags"
    return list(dict.fromkeys(" ".join([*words[:-1], f]) for f in forms(words[-1])))


def _parse(text: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Lines of comma-separated members; a line starting with "=" is used as written, one with
    "+" takes plurals only, any other takes every inflection."""
    groups = []
    for line in text.replace("\n    ", " ").strip().splitlines():
        inflect = line[0] if line[0] in "=+" else ""
        members = [m.strip().lower() for m in line.lstrip("=+").split(",") if m.strip()]
        groups.append(tuple(tuple(_phrase_forms(m, inflect)) for m in members))
    return tuple(groups)


# Each group: its members, each with its forms (the member first).
GROUPS: tuple[tuple[tuple[str, ...], ...], ...] = _parse(_GROUPS)

# Chat words that ask for no fact ("according to the article", "fr", "ngl"): read as "just", a
# stopword, so that they vanish from a question as stopwords do instead of counting against
# every entry (the site's shared aliases do the same with "heard", "already", ...).
FILLER_CANONICAL = "just"
FILLER = (
    "according", "regarding", "fr", "ngl", "bruh", "bro", "smh", "fam", "yall", "specifically",
    "particular", "exact", "overall", "lmaooo", "lmaoo", "lolol", "pls", "plz", "lowkey",
    "highkey", "goated", "bussin", "nocap", "deadass", "istg", "tbf", "imho", "irl", "lmk",
    "talkin", "bout", "wat", "howd", "whyd", "tryna",
)  # fmt: skip
