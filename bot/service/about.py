"""Replies about the bot and about the article, not from it: help with example questions from
the store, and the article's own metadata (author, date, outlet, link) where it states them.
None of these is an answer from the article: `answered` stays false."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.models import Article
from bot.service.answer import ABOUT, HELP, Answer
from bot.service.followup import examples
from bot.service.talk import Talk, words_of
from bot.service.views import View

EXAMPLES_SHOWN = 4
_STOP = frozenset(
    "the a an of about on in to for by it this that article piece story text who wrote written"
    " author when was is published date where can i read link url source what which outlet"
    " newspaper give me send".split()
)


def titles(articles: Sequence[Article]) -> str:
    names = [f"“{a.title}”" for a in articles]
    if not names:
        return "the article"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def help_text(view: View, talk: Talk) -> str:
    """A friendly reply to hello, thanks and help, with example questions from the store."""
    articles = list(view.articles.values())
    if not articles:
        return "Hi! I'm briefbot. There is no article to ask about here yet."
    found = examples(view)
    tries = [f"• {e.question}" for e in found[:EXAMPLES_SHOWN]]
    if talk is Talk.THANKS:
        return "\n".join(
            [f"You're welcome! Anything else about {titles(articles)}? For example:", *tries[:2]]
        )
    lines = [
        ("Hi! I'm briefbot. " if talk is Talk.GREETING else "I'm briefbot. ")
        + f"I answer questions about {titles(articles)} in your own words, quoting the passage"
        " I rely on. When I'm not sure, I offer close questions; when the article doesn't say,"
        " I tell you so."
    ]
    if tries:
        lines += ["Try, for example:", *tries]
    if talk is Talk.HELP:
        lines.append(
            "You can also ask who wrote the article, when it was published and where to read"
            " it, and follow up with “tell me more”, “why?” or “what else did he say?”."
        )
    return "\n".join(lines)


def _date(article: Article) -> str | None:
    day = article.published
    return f"{day.day} {day:%B %Y}" if day else None


def metadata_text(article: Article, talk: Talk) -> str:
    """What the article states about itself, and plainly what it doesn't."""
    title, when, outlet = f"“{article.title}”", _date(article), article.outlet
    if talk is Talk.AUTHOR:
        if article.author is None:
            text = f"The article doesn't name its author ({title})."
            if outlet:
                text += f" It was published by {outlet}."
            return text
        text = f"{title} was written by {article.author}"
        text += f" for {outlet}" if outlet else ""
        text += f", published on {when}." if when else "."
        return text
    if talk is Talk.PUBLISHED:
        if when is None:
            return f"The article doesn't say when it was published ({title})."
        return f"{title} was published on {when}" + (f" by {outlet}." if outlet else ".")
    if talk is Talk.OUTLET:
        if outlet is None:
            text = f"The article doesn't say where it was published ({title})."
        else:
            text = f"{title} was published by {outlet}" + (f" on {when}." if when else ".")
        return text + (f" You can read it at {article.url}" if article.url else "")
    # Talk.LINK
    if article.url is None:
        text = f"I don't have a link to {title}: the article doesn't give one."
        return text + (f" It was published by {outlet}." if outlet else "")
    return f"You can read {title} at {article.url}" + (f" ({outlet})." if outlet else ".")


def articles_text(view: View) -> str:
    articles = list(view.articles.values())
    if not articles:
        return "There is no article to ask about here yet."
    head = "I brief one article here:" if len(articles) == 1 else "I brief these articles here:"
    lines = [head]
    for article in articles:
        parts = [f"• “{article.title}”"]
        byline = ", ".join(p for p in (article.author, article.outlet, _date(article)) if p)
        if byline:
            parts.append(f"({byline})")
        if article.url:
            parts.append(f"— {article.url}")
        lines.append(" ".join(parts))
    return "\n".join(lines)


def named_article(view: View, words: str) -> Article | None:
    """The active article a question names by words of its title or its id, if only one."""
    asked = set(words.split()) - _STOP
    if not asked:
        return None
    scored = []
    for article in view.articles.values():
        known = set(words_of(article.title).split()) | set(re.split(r"[-_]", article.id))
        overlap = len(asked & (known - _STOP))
        if overlap:
            scored.append((overlap, article))
    scored.sort(key=lambda s: -s[0])
    if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return scored[0][1]
    return None


def which_article_text(view: View) -> str:
    names = "\n".join(f"• “{a.title}”" for a in view.articles.values())
    return f"Which article do you mean? I brief several here:\n{names}\nName it in your question."


def talk_answer(
    question: str, talk: Talk, view: View, article: Article | None, words: str
) -> Answer:
    """The reply to talk: help (greetings, thanks, help) or about (the article's metadata)."""
    if not talk.about_the_article:
        return Answer(question, "talk", message=help_text(view, talk), kind=HELP)
    if talk is Talk.ARTICLES:
        return Answer(question, "talk", message=articles_text(view), kind=ABOUT)
    article = named_article(view, words) or article
    if article is None and len(view.articles) == 1:
        article = next(iter(view.articles.values()))
    if article is None:
        text = which_article_text(view) if view.articles else articles_text(view)
        return Answer(question, "talk", message=text, kind=ABOUT)
    return Answer(
        question, "talk", article=article, message=metadata_text(article, talk), kind=ABOUT
    )
