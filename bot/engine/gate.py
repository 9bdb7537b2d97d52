"""What the gate reads of the few best entries: how much of the question each explains, and
whether it holds the question's focus.

Words an entry lacks count as explained as far as their vector is close to one of the entry's
words (a ramp), never to one of its names ("europe" is close to "Russia" and is not a paraphrase of
it); a common English word the article does not use counts less than a rare one.
The focus (`bot.engine.focus`) is checked strictly: its words must be the entry's own (or very
close), and the kind of fact asked for must be stated in the entry's answer or evidence.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from bot.engine import focus as f
from bot.engine.analyzer import Analyzer
from bot.engine.index import Index
from bot.engine.memo import per_index, per_question
from bot.engine.ranking import Prepared, Scored, Weights, blend, kind_adjustments, lexical_score
from bot.engine.textproc import words
from bot.engine.thesaurus.credit import credits as thesaurus_credits
from bot.knowledge.schema import KINDS
from bot.models import Entry


def _missing(index: Index, position: int, terms: Iterable[str]) -> list[str]:
    """The terms the entry does not hold (one set of its term ids, not a search per term)."""
    own = set(index.terms_of(position).tolist())
    term_id = index.stats.term_id
    return [t for t in terms if term_id.get(t) not in own]


def _generic(prepared: Prepared, index: Index, term: str, w: Weights) -> float:
    """How much a missing word counts: common English words less (see `Weights.generic_*`)."""
    if w.generic_floor >= 1.0:
        return 1.0
    rank = index.stats.model.rank(prepared.query.surfaces.get(term, term))
    if rank is None:
        return 1.0
    low, high = np.log(w.generic_common), np.log(w.generic_rare)
    share = float(np.clip((np.log(max(rank, 1)) - low) / (high - low), 0.0, 1.0))
    return w.generic_floor + (1.0 - w.generic_floor) * share


def _framing(index: Index, entry: Entry, prepared: Prepared) -> set[str] | None:
    """The question's terms that carry what it asks, in the entry's article (see
    `bot.engine.clause`; None: every word does)."""
    core = prepared.query.core
    if core is None:
        return None
    analyzer = index.stats.analyzer
    article = entry.article_id
    return per_question(
        prepared, ("core", article), lambda: set(analyzer.stems(analyzer.corrected(core), article))
    )


def _common(index: Index, word: str, w: Weights) -> bool:
    """A word common in English ("despite", "many"): capitalised first in a sentence, no name."""
    rank = index.stats.model.rank(word)
    return rank is not None and rank < w.generic_rare


def ceiling(item: Scored, prepared: Prepared, w: Weights) -> float:
    """The most `refine` can make of an entry's score: everything it lacks explained."""
    adjust = kind_adjustments(prepared.query.intents, w)[int(item.index.kind.view[item.position])]
    return blend(lexical_score(item.best_f1, 1.0, item.chars, w), item.semantic, float(adjust), w)


def refine(scored: list[Scored], prepared: Prepared, w: Weights) -> None:
    """Soft-match the words the given entries lack, check their focus, and rescore them."""
    adjustments = kind_adjustments(prepared.query.intents, w)
    for item in scored:
        index = item.index
        entry = index.entries[item.position]
        scope = entry.article_id if entry.article_id in prepared.weights else None
        weights = prepared.weights[scope]
        total = sum(weights.values()) or 1.0
        missing = _missing(index, item.position, weights)
        core = _framing(index, entry, prepared) if missing and w.framing < 1.0 else None
        if core is not None and not core.isdisjoint(missing):
            core = None  # framing is forgiven only once what is asked is held ("the weather")
        lost = {
            t: weights[t]
            * _generic(prepared, index, t, w)
            * (1.0 if core is None or t in core else w.framing)
            for t in missing
        }
        explained = 1.0 - sum(lost.values()) / total
        plain = _plain_terms(index, item.position, entry, w) if missing else None
        closest = _closest(index, item.position, prepared, missing, plain)
        if missing and closest is not None:
            span = w.soft_full - w.soft_zero
            credit = np.clip((closest - w.soft_zero) / span, 0.0, 1.0)
            thesaurus = thesaurus_credits(index, item.position, prepared, missing, w)
            credit = np.maximum(credit, thesaurus)  # a WordNet neighbour among its words
            soft = sum(lost[t] * c for t, c in zip(missing, credit, strict=True))
            explained += float(soft) / total
        explained = min(max(explained, 0.0), 1.0)
        item.explained = explained
        item.holds_focus = holds_focus(index, item.position, entry, prepared, w)
        adjust = adjustments[int(index.kind.view[item.position])]
        item.lexical = lexical_score(item.best_f1, explained, item.chars, w)
        item.score = blend(item.lexical, item.semantic, float(adjust), w)


def _plain_terms(index: Index, position: int, entry: Entry, w: Weights) -> np.ndarray:
    """The entry's term ids less those of the names in its answer and evidence (months and
    days aside): a question word close to a name is another name ("europe" is not "Russia",
    "iran" not "Russia"), never a paraphrase of it (cached per position)."""
    found = index.plain.get(position)
    if found is None:
        body, _ = _body(index, position, entry)
        names = f.names(body, lambda word: _common(index, word, w))[0]
        analyzer = index.stats.analyzer
        ids = index.stats.term_id
        named = {
            ids[t]
            for n in names
            if n.lower() not in f.TIME_WORDS  # "July" is a time
            for t in analyzer.terms(n, entry.article_id)
            if t in ids
        }
        own = index.terms_of(position)
        found = index.plain[position] = np.asarray(
            [t for t in own.tolist() if t not in named], dtype=own.dtype
        )
    return found


def _closest(
    index: Index,
    position: int,
    prepared: Prepared,
    asked: list[str],
    own: np.ndarray | None = None,
) -> np.ndarray | None:
    """Per asked term, its best cosine with one of the entry's terms (or of `own`, some of
    them) (None: nothing to compare)."""
    if not asked:
        return None
    if own is None:
        own = index.terms_of(position)
    entry_vectors = index.stats.term_vectors.view[own]
    if not len(entry_vectors):
        return None
    stats = index.stats
    zero = np.zeros(entry_vectors.shape[1], dtype=np.float32)
    vectors = []
    for term in asked:
        vector = prepared.term_vectors.get(term)
        if vector is None and term in stats.term_id:
            vector = stats.term_vectors.view[stats.term_id[term]]
        vectors.append(zero if vector is None else vector)  # unknown: close to nothing
    return (entry_vectors @ np.stack(vectors).T).max(axis=0)


# A phrasing asking for a kind of focus: the kind, its terms, whether it supposes, its role.
Declared = tuple[str, frozenset[str], bool, frozenset[str]]


def _declared(index: Index, position: int, entry: Entry) -> tuple[Declared, ...]:
    """The entry's phrasings that ask for a kind of focus: that kind, the phrasing's terms,
    whether it supposes ("who might be picked") and the verb or noun its agent stands by
    (cached per index position)."""
    found = index.declared.get(position)
    if found is None:
        analyzer = index.stats.analyzer
        article = entry.article_id
        asking = ((f.focus_in(p), p) for p in entry.phrasings)
        found = index.declared[position] = tuple(
            (
                focus.kind,
                frozenset(analyzer.terms(p, article)),
                focus.modal,
                frozenset(analyzer.stems(focus.role, article)),
            )
            for focus, p in asking
            if focus.kind
        )
    return found


# A question asking for more than it names: no phrasing of the entry vouches for that.
_BEYOND = frozenset("other besides else".split())


def _declares(
    index: Index, position: int, entry: Entry, prepared: Prepared, kind: str, w: Weights
) -> bool:
    """One of the entry's own phrasings asks for that kind about what the question asks: it
    holds at least `Weights.declared_share` of the question's weight. A phrasing asking "who"
    about something else says nothing (with many alternates, some "who" phrasing is common:
    "pre vote international poll, who favored trump" must not answer "who ran the survey")."""
    scope = entry.article_id if entry.article_id in prepared.weights else None
    weights = prepared.weights[scope]
    total = sum(weights.values()) or 1.0
    focus = prepared.query.focus
    if _BEYOND.intersection(focus.given):
        return False  # "what other promises besides obamacare": its phrasing asks for those
    question = {t for _, scoped in prepared.query.scopes for t in scoped}
    question.update(index.stats.analyzer.stems(focus.role, entry.article_id))
    for asked, terms, supposes, role in _declared(index, position, entry):
        if supposes and not focus.modal:
            continue  # "who will be secretary of state" does not say who ended up picked
        if not role <= question:
            continue  # "who said they're worse than assad" names no rebel group the US backed
        if asked == kind and sum(weights.get(t, 0.0) for t in terms) / total >= w.declared_share:
            return True
    return False


# In a quote's lead the speaker comes before any of these: "Dmitry Peskov, a Kremlin spokesman,
# after Trump's election:" names Peskov as speaker, not Trump.
_LEAD_ENDS = frozenset("after before about of on to with in at for from by than over".split())


def _speaker_lead(answer: str) -> str:
    """The words of a quote's answer before its quotation and before any preposition."""
    lead = answer.split("“")[0].split('"')[0].split()
    end = next((i for i, w in enumerate(lead) if w.lower().strip(",.:;") in _LEAD_ENDS), len(lead))
    return " ".join(lead[:end])


def _event_at(tokens: list[str], focus: f.Focus, analyzer: Analyzer) -> set[int]:
    """Where the words of the event asked about stand in an entry's words."""
    # typos repaired as the question's words are ("wat day was the campain introdused")
    asked = {analyzer.stem(t) for t in analyzer.corrected(f.event_words(focus.given))}
    return {i for i, t in enumerate(tokens) if analyzer.stem(t) in asked}


def _dated(tokens: list[str], focus: f.Focus, analyzer: Analyzer, w: Weights) -> bool:
    """The date stands near a word of the event asked about (when the entry has one)."""
    anchors = _event_at(tokens, focus, analyzer)
    return not anchors or f.dates_near(tokens, anchors, w.date_window)


def _agents(
    index: Index,
    position: int,
    body: str,
    article: str,
    prepared: Prepared,
    w: Weights,
    needs_verb: bool = False,
) -> list[str]:
    """The names of the body that can be the agent asked for (see `focus.agents`): beside the
    asked verb or role noun, its own word or one whose vector is `Weights.focus_soft` close."""
    focus = prepared.query.focus
    analyzer = index.stats.analyzer
    role, matrix, content = per_question(
        prepared, ("agent", article), lambda: _agent_words(index, article, prepared)
    )
    anchors = _anchors(index, position, body, article, role, matrix, w)

    def asked(word: str) -> bool:
        return bool(content.intersection(analyzer.word_stems(word, article)))

    common = lambda word: _common(index, word, w)  # noqa: E731
    named = per_index(
        index,
        ("named", position, w.generic_rare),
        lambda: tuple(f.names_at(f.split(body)[0], common)),
    )
    return f.agents(
        body,
        common,
        asked,
        anchors.__getitem__,
        w.agent_window,
        focus.modal,
        needs_verb,
        named,
        clause=focus.kind == f.NAMED,
    )


def _agent_words(
    index: Index, article: str, prepared: Prepared
) -> tuple[set[str], np.ndarray | None, set[str]]:
    """The asked verb or role noun's terms and their vectors, and the question's content terms
    (the same for every entry of an article)."""
    focus = prepared.query.focus
    analyzer = index.stats.analyzer
    stats = index.stats
    role = set(analyzer.stems(focus.role, article))
    vectors = [
        v
        for v in (
            prepared.term_vectors.get(t)
            if t in prepared.term_vectors
            else (stats.term_vectors.view[stats.term_id[t]] if t in stats.term_id else None)
            for t in role
        )
        if v is not None
    ]
    matrix = np.stack(vectors) if vectors else None
    content = set(analyzer.stems(f.content_words(focus.given), article))
    return role, matrix, content


# A batched cosine this close to `Weights.focus_soft` is checked again word by word, as each
# word was first checked alone: the two products may round their last bit differently.
_RECHECK = 1e-4


def _anchors(
    index: Index,
    position: int,
    body: str,
    article: str,
    role: set[str],
    matrix: np.ndarray | None,
    w: Weights,
) -> dict[str, bool]:
    """Per word of the body: the asked verb or role noun itself, or a word whose vector is
    `Weights.focus_soft` close to it (one product for the whole body)."""
    stats = index.stats
    words_stems = per_index(
        index, ("stems", position, article), lambda: _word_stems(index, body, article)
    )
    found: dict[str, bool] = {}
    pending: list[tuple[str, list[int]]] = []
    for word, stems in words_stems:
        if role.intersection(stems):
            found[word] = True
            continue
        ids = [stats.term_id[t] for t in stems if t in stats.term_id] if matrix is not None else []
        if ids:
            pending.append((word, ids))
        else:
            found[word] = False
    if pending and matrix is not None:
        flat = [i for _, ids in pending for i in ids]
        best = (stats.term_vectors.view[flat] @ matrix.T).max(axis=1).tolist()
        at = 0
        for word, ids in pending:
            close = max(best[at : at + len(ids)])
            at += len(ids)
            if abs(close - w.focus_soft) < _RECHECK:  # exactly as one word alone (in float32)
                found[word] = bool((stats.term_vectors.view[ids] @ matrix.T).max() >= w.focus_soft)
            else:
                found[word] = close >= w.focus_soft
    return found


def _word_stems(index: Index, body: str, article: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The body's distinct plain words, each with its terms in the article."""
    analyzer = index.stats.analyzer
    plain = f.split(body)[1]
    return tuple(
        (word, analyzer.word_stems(word, article)) for word in dict.fromkeys(plain) if word
    )


_PERSON_KIND = KINDS.index("person")
_persons_cache: dict[tuple[int, int, str], frozenset[str]] = {}


def _persons(index: Index, article: str) -> frozenset[str]:
    """The terms naming the article's people: its person entries' questions ("Who is Dmitry
    Peskov?"), so "he said" can stand for Peskov, never for the Kremlin (cached per index
    version)."""
    key = (index.serial, index.version, article)
    found = _persons_cache.get(key)
    if found is None:
        code = index.code_of(article)
        positions = np.flatnonzero(
            (index.kind.view == _PERSON_KIND) & (index.article.view == code) & index.alive.view
        )
        analyzer = index.stats.analyzer
        found = frozenset(
            t
            for p in positions.tolist()
            for t in analyzer.terms(index.entries[p].question, article)
        )
        if len(_persons_cache) >= 64:
            _persons_cache.pop(next(iter(_persons_cache)))
        _persons_cache[key] = found
    return found


def _body(index: Index, position: int, entry: Entry) -> tuple[str, list[str]]:
    """The entry's answer and evidence as one text, and its words (cached per index position:
    a position's entry never changes; do not change the list returned)."""
    found = index.bodies.get(position)
    if found is None:
        body = " ".join([entry.answer, *(e.quote for e in entry.evidence)])
        found = index.bodies[position] = (body, words(body))
    return found


def holds_focus(index: Index, position: int, entry: Entry, prepared: Prepared, w: Weights) -> bool:
    focus = prepared.query.focus
    if not focus:
        return True
    analyzer = index.stats.analyzer
    article = entry.article_id
    held = per_question(
        prepared, ("held", article), lambda: analyzer.stems(analyzer.corrected(focus.held), article)
    )
    if held and not _holds_words(index, position, prepared, list(held), w):
        return False
    kind = focus.kind
    if kind is None:
        return True
    if focus.copula and set(held) & _persons(index, article):
        return True  # "who is the kremlin spokesman": Peskov, by another name
    if kind != f.SPEECH and _declares(index, position, entry, prepared, kind, w):
        return True  # one of its own phrasings asks for that ("Who threw the banquet?")
    body, body_words = _body(index, position, entry)
    if kind in (f.TIME, f.COUNT, f.SHARE, f.DATE, f.DURATION, f.SPAN, f.REASON):
        if not f.stated(kind, body_words, focus.given):
            return False
        if kind in (f.TIME, f.DATE) and "will" in focus.given and not f.FUTURE & set(body_words):
            return False  # "when will the sanctions end": a past date is no answer
        return kind != f.DATE or _dated(body_words, focus, analyzer, w)
    asked = per_question(
        prepared, ("asked",), lambda: {t for _, scoped in prepared.query.scopes for t in scoped}
    )
    given = per_question(prepared, ("given",), lambda: {analyzer.stem(t) for t in focus.given})
    if kind in (f.AGENT, f.NAMED):
        # The asked verb ("who showed up") must be the entry's own or close to one of its
        # words, else no name in it is the one who did it; not for "who said" (a quote's lead
        # names its speaker) nor a role noun ("which country", "name the academics").
        role = focus.role
        needs_verb = (
            kind == f.AGENT
            and entry.kind != "quote"
            and bool(role)
            and role[0] not in f.SPEECH_VERBS
            and not set(role) <= set(focus.held)
        )
        chosen = _agents(index, position, body, article, prepared, w, needs_verb)
        if entry.kind == "quote" and (not focus.role or focus.role[0] in f.SPEECH_VERBS):
            # "who said ...": a quote's lead names its speaker, however far from "said"
            lead = _speaker_lead(entry.answer)
            chosen += f.names(lead, lambda word: _common(index, word, w))[0]
    elif kind == f.PLACE:
        # a named place ("in Aleppo"), else a place said in common nouns ("on the wall by the
        # dining table"): a draft's sentence names where things are as often as not
        chosen = f.names(body, lambda word: _common(index, word, w))[1] or f.common_places(
            body_words, _event_at(body_words, focus, analyzer), w.date_window
        )
    if kind in (f.AGENT, f.PLACE, f.NAMED):
        stems = {t for name in chosen for t in _name_terms(index, name, article)}
        return bool(stems - asked - given)
    if kind == f.SPEECH:
        if entry.kind == "person":
            return False  # who someone is, not what they said ("what did peskov say")
        speaker = per_question(  # "his": nobody named
            prepared,
            ("speaker", article),
            # typos repaired as the question's words are ("what did grahm say")
            lambda: set(analyzer.terms(" ".join(analyzer.corrected(focus.speaker)), article)),
        )
        if not speaker or not _holds_words(index, position, prepared, sorted(speaker), w, 0.0):
            return False
        lead = _speaker_lead(entry.answer)
        if entry.kind == "quote" and speaker & set(analyzer.sequence(lead, article)):
            return True  # a quote's answer names its speaker before the quotation
        sequence = per_index(
            index, ("sequence", position, article), lambda: analyzer.stems(body_words, article)
        )
        verbs = per_question(
            prepared, ("verbs",), lambda: {analyzer.stem(v) for v in (*f.SPEECH_VERBS, focus.verb)}
        )
        person = bool(speaker & _persons(index, article))
        return f.speaks(sequence, speaker, verbs, w.speech_window, person)
    return True


def _name_terms(index: Index, name: str, article: str) -> tuple[str, ...]:
    """A name's terms in the article (the same few names come back for every question)."""
    return per_index(
        index, ("terms", name, article), lambda: index.stats.analyzer.terms(name, article)
    )


def _holds_words(
    index: Index,
    position: int,
    prepared: Prepared,
    terms: list[str],
    w: Weights,
    soft: float | None = None,
) -> bool:
    """Every term is the entry's own, or (with `soft` > 0) a vector that close to one of them."""
    missing = _missing(index, position, terms)
    if not missing:
        return True
    soft = w.focus_soft if soft is None else soft
    if soft <= 0:
        return False
    closest = _closest(index, position, prepared, missing)
    return closest is not None and bool((closest >= soft).all())
