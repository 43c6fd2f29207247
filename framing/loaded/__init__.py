"""Loaded language in context, from the article's parse: which lexicon matches are a
neutral sense of their word (``senses``), and which words general rules and general
lexical resources flag that no lexicon lists (``rules``). terms.py combines them with the
lexicon matches; a story's own lexicon entries always win over both."""

from framing.loaded.rules import RuleHit, find_rule_hits
from framing.loaded.senses import find_neutral_sense

__all__ = ["RuleHit", "find_neutral_sense", "find_rule_hits"]
