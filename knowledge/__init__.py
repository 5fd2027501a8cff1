"""RoleFit's domain: the knowledge base, the matcher and the hiring advisor. Never imports Slack."""

from knowledge.loader import KnowledgeError, load_knowledge
from knowledge.matcher import Matcher
from knowledge.models import (
    Alternative,
    Answer,
    KnowledgeBase,
    MatchRef,
    Neighbour,
    Responsibility,
    Role,
)

__all__ = [
    "Alternative",
    "Answer",
    "KnowledgeBase",
    "KnowledgeError",
    "MatchRef",
    "Matcher",
    "Neighbour",
    "Responsibility",
    "Role",
    "load_knowledge",
]
