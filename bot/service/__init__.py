"""The answering service shared by the CLI and Discord: one path from a question to an answer,
and one write path for every change."""

from bot.service.answer import Answer, Suggestion
from bot.service.service import BriefingService
from bot.service.views import Audience, View

__all__ = ["Answer", "Audience", "BriefingService", "Suggestion", "View"]
