"""Library text that reads as instructions to a language model, screened by every composer.

A guideline library can hold a hostile document ("Ignore previous instructions and ...").
No composer may quote such a sentence as a statement or pass it to a model: the extractive
composer drops it from its candidates, the LLM composers withhold it from their prompts.
A tripwire for the plain cases; the defence proper for a model is the delimiting, the rules
and the verifier on what comes back (docs/llm.md).
"""

from __future__ import annotations

import re

INSTRUCTION_LIKE = re.compile(
    r"\b(?:ignore|disregard|forget|override|bypass)\b.{0,60}?"
    r"\b(?:instructions?|prompts?|rules|guardrails)\b"
    r"|\b(?:system|developer|hidden)\s+(?:prompt|message|instructions?)\b"
    r"|\byou\s+(?:are|were)\s+now\b|\bfrom\s+now\s+on,?\s+you\b"
    r"|\b(?:language\s+models?|chatbots?|llms?|ai\s+(?:assistant|model|system)s?)\b"
    r"|^\W*(?:system|assistant|user)\s*:"
    r"|<<<|>>>",
    re.IGNORECASE,
)


def is_instruction_like(sentence: str) -> bool:
    """Whether a sentence reads as addressed to a language model."""
    return INSTRUCTION_LIKE.search(sentence) is not None
