"""Pure functions for turning a conversation into a prompt and a generation back into a reply.

Nothing here imports transformers, so it is fast to test. GPT-2 is not an instruction-tuned chat
model: it simply continues text. We therefore write the conversation as a script
("User: ... / Bot: ...") and let the model continue the bot's line, then cut its output where it
starts writing the user's next line.
"""
from __future__ import annotations

import re
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass

DEFAULT_BOT_NAME = "{{botName}}"
DEFAULT_USER_NAME = "User"
DEFAULT_PERSONA = (
    "The following is a conversation between a curious person and {bot}, a friendly, "
    "helpful assistant who gives short, clear answers."
)

TokenCounter = Callable[[str], int]


def count_words(text: str) -> int:
    """Crude token counter used when no tokenizer is at hand (tests, quick experiments)."""
    return len(text.split())


@dataclass(frozen=True)
class Turn:
    """One line of the conversation: ``role`` is ``"user"`` or ``"bot"``."""

    role: str
    text: str

    def __post_init__(self) -> None:
        if self.role not in ("user", "bot"):
            raise ValueError(f"role must be 'user' or 'bot', not {self.role!r}")


def format_turn(turn: Turn, user_name: str = DEFAULT_USER_NAME, bot_name: str = DEFAULT_BOT_NAME) -> str:
    speaker = user_name if turn.role == "user" else bot_name
    return f"{speaker}: {turn.text.strip()}"


def trim_history(history: Sequence[Turn], budget_tokens: int, count_tokens: TokenCounter = count_words,
                 max_turns: int | None = None, user_name: str = DEFAULT_USER_NAME,
                 bot_name: str = DEFAULT_BOT_NAME) -> list[Turn]:
    """Keep the most recent turns whose formatted lines fit in ``budget_tokens`` (and ``max_turns``).

    Older turns are dropped first, whole turns at a time; the order of the kept turns is unchanged.
    """
    kept: list[Turn] = []
    used = 0
    for turn in reversed(history):
        if max_turns is not None and len(kept) >= max_turns:
            break
        cost = count_tokens(format_turn(turn, user_name, bot_name) + "\n")
        if used + cost > budget_tokens:
            break
        kept.append(turn)
        used += cost
    # TODO: instead of dropping old turns, summarise them into one line (e.g. with a summarisation
    #       pipeline) and keep that summary at the top of the prompt.
    return list(reversed(kept))


def build_prompt(history: Sequence[Turn], user_message: str, max_prompt_tokens: int = 900,
                 count_tokens: TokenCounter = count_words, max_turns: int | None = 10,
                 persona: str = DEFAULT_PERSONA, user_name: str = DEFAULT_USER_NAME,
                 bot_name: str = DEFAULT_BOT_NAME) -> str:
    """Persona line + as much recent history as fits + the new message + ``"<bot>:"`` to continue.

    ``max_prompt_tokens`` should be the model's context size minus ``max_new_tokens``
    (GPT-2: 1024 - 60), so that the prompt and the reply fit together.
    """
    header = persona.format(bot=bot_name, user=user_name).strip() + "\n\n"
    tail = format_turn(Turn("user", user_message), user_name, bot_name) + f"\n{bot_name}:"
    budget = max_prompt_tokens - count_tokens(header) - count_tokens(tail)
    if budget < 0:
        raise ValueError("the message alone is longer than max_prompt_tokens; shorten it")
    kept = trim_history(history, budget, count_tokens, max_turns, user_name, bot_name)
    lines = [format_turn(t, user_name, bot_name) for t in kept]
    return header + "".join(line + "\n" for line in lines) + tail


def extract_reply(generated: str, user_name: str = DEFAULT_USER_NAME, bot_name: str = DEFAULT_BOT_NAME,
                  fallback: str = "Sorry, I lost my train of thought. Could you say that again?") -> str:
    """Clean the model's continuation into one reply.

    Cuts at the first line where the model starts speaking for either side ("User:", "Ada:"),
    drops a trailing unfinished sentence when a finished one exists, and falls back to
    ``fallback`` when nothing is left.
    """
    speaker = re.compile(rf"^\s*({re.escape(user_name)}|{re.escape(bot_name)})\s*:", re.IGNORECASE | re.MULTILINE)
    match = speaker.search(generated)
    text = generated[: match.start()] if match else generated
    text = " ".join(text.split())  # collapse newlines and runs of spaces
    last_stop = max(text.rfind(ch) for ch in ".!?")
    if 0 < last_stop < len(text) - 1:
        text = text[: last_stop + 1]
    return text or fallback


# ---- Templates for creative generation (poems, stories) -----------------------------------------
# Plain str.format templates: each {name} is filled by render_template. GPT-2 continues the text,
# so a template is the *beginning* of the piece we want, not an instruction.
TEMPLATES: dict[str, str] = {
    "poem": "{title}\nA {style} poem about {topic}\n\n",
    "haiku": "Three haiku about {topic}, five, seven and five syllables each:\n\n",
    "story": "{genre} short story: {title}\n\nOnce upon a time, {opening}",
    # TODO: add your own template (a limerick, a product description, a news headline...) that
    #       needs only a {topic} (other fields need a TEMPLATE_DEFAULTS entry), and compare how
    #       well distilgpt2 and gpt2 follow it. The chat's /<name> command uses it at once.
}
TEMPLATE_DEFAULTS: dict[str, str] = {"style": "free verse", "genre": "A fantasy", "opening": "there was"}


def template_fields(kind: str) -> list[str]:
    """Names of the placeholders in ``TEMPLATES[kind]``."""
    return [name for _, name, _, _ in string.Formatter().parse(TEMPLATES[kind]) if name]


def render_template(kind: str, **values: str) -> str:
    """Fill a template; ``title`` defaults to the topic, other gaps to ``TEMPLATE_DEFAULTS``."""
    if kind not in TEMPLATES:
        raise KeyError(f"unknown template {kind!r}; choose from {sorted(TEMPLATES)}")
    filled = {**TEMPLATE_DEFAULTS, **{k: v for k, v in values.items() if v}}
    if "title" not in filled and "topic" in filled:
        filled["title"] = filled["topic"].strip().title()
    missing = [name for name in template_fields(kind) if name not in filled]
    if missing:
        raise KeyError(f"template {kind!r} needs: {missing}")
    return TEMPLATES[kind].format(**filled)
