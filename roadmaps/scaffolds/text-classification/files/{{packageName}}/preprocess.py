"""Text cleaning: normalise, tokenise, drop stopwords, lemmatise (lite).

Everything here is plain Python + scikit-learn's stopword list, so it works offline with no
NLTK/spaCy downloads. Swapping in a real lemmatiser is one of the TODOs.
"""
from __future__ import annotations

import re

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

# Negations carry the meaning in sentiment ("not good"), so keep them even though they are stopwords.
NEGATIONS = frozenset({"no", "not", "nor", "never", "none", "nothing", "cannot"})
STOPWORDS = frozenset(ENGLISH_STOP_WORDS) - NEGATIONS

_URL = re.compile(r"(https?://\S+|www\.\S+)")
_MENTION = re.compile(r"@\w+")
_MONEY = re.compile(r"[$£€]\s?\d+(?:[.,]\d+)?")
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_HTML = re.compile(r"<[^>]+>")
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|<[a-z]+>|!")
_CONTRACTIONS = {"n't": " not", "'re": " are", "'ll": " will", "'ve": " have", "'m": " am"}


def normalize(text: str) -> str:
    """Lower-case and replace URLs, @mentions, money and numbers by placeholder tokens.

    Placeholders keep the *fact* that a message had a link or a price (a strong spam signal)
    without making every URL its own rare word.
    """
    text = _HTML.sub(" ", str(text).lower())
    text = text.replace("\u2019", "'")  # curly apostrophe
    text = _URL.sub(" <url> ", text)
    text = _MENTION.sub(" <user> ", text)
    text = _MONEY.sub(" <money> ", text)
    text = _NUMBER.sub(" <num> ", text)
    for short, full in _CONTRACTIONS.items():
        text = text.replace(short, full)
    return text


def lemmatize_lite(token: str) -> str:
    """A tiny rule-based stand-in for a lemmatiser: plural and -ing/-ed endings.

    >>> [lemmatize_lite(w) for w in ["prizes", "parties", "calling", "claimed", "class", "is"]]
    ['prize', 'party', 'call', 'claim', 'class', 'is']

    TODO: this version knows nothing about irregular words. Look the token up in a table of
    irregular forms first ("ran" -> "run", "went" -> "go", "better" -> "good", "children" -> "child",
    "mice" -> "mouse", ...), or replace the whole function with nltk's WordNetLemmatizer or spaCy,
    and compare the model's F1 with and without it.
    """
    if len(token) <= 3 or token.startswith("<"):
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith("sses"):
        return token[:-2]
    if token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    for suffix in ("ing", "ed"):
        stem = token[: -len(suffix)]
        if token.endswith(suffix) and len(stem) >= 3:
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":  # "stopped" -> "stop"
                stem = stem[:-1]
            return stem
    return token


def tokenize(text: str, remove_stopwords: bool = True, lemmatize: bool = True) -> list[str]:
    """Clean ``text`` and split it into tokens. This is what the TF-IDF vectoriser sees."""
    tokens = _TOKEN.findall(normalize(text))
    if remove_stopwords:
        tokens = [t for t in tokens if t not in STOPWORDS]
    if lemmatize:
        tokens = [lemmatize_lite(t) for t in tokens]
    return tokens


def clean_text(text: str) -> str:
    """Tokens joined back into a string (handy for looking at what the model sees)."""
    return " ".join(tokenize(text))
