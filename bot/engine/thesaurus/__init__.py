"""A thesaurus from WordNet: question words the entry never writes but that mean what one of its
words says ("slogan" for "motto", "netminder" for "goalie") count as explained (`gate.refine`)."""

from bot.engine.thesaurus.table import Thesaurus, load

__all__ = ["Thesaurus", "load"]
