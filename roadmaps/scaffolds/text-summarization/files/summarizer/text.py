"""Sentence splitting and tokenisation, kept dependency-free on purpose."""
from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "e.g.", "i.e.", "U.S.", "vs.", "St.")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def split_sentences(text: str) -> list[str]:
    """Split on ., ! or ? followed by whitespace and a capital/digit; skips common abbreviations."""
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return []
    protected = text
    for i, abbr in enumerate(_ABBREVIATIONS):
        protected = protected.replace(abbr, abbr.replace(".", f"<DOT{i}>"))
    parts = _SENTENCE_END.split(protected)
    restored = []
    for part in parts:
        for i, abbr in enumerate(_ABBREVIATIONS):
            part = part.replace(abbr.replace(".", f"<DOT{i}>"), abbr)
        if part.strip():
            restored.append(part.strip())
    return restored


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens (used by ROUGE)."""
    return _WORD.findall(text.lower())
