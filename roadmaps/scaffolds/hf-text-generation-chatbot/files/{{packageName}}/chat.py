"""The chatbot: a session object (testable with any ``generate_fn``) and a command-line loop.

Run: ``python -m <package>.chat`` (``--help`` for options). Type /help in the chat for commands.
"""
from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from .generation import DEFAULT_MODEL, GenerateFn, GenerationSettings
from .prompts import (DEFAULT_BOT_NAME, DEFAULT_PERSONA, DEFAULT_USER_NAME, TEMPLATES, Turn, TokenCounter,
                      build_prompt, count_words, extract_reply, render_template)
from .storage import ConversationLog

HELP = """Commands:
  /poem <topic>    write a poem        /story <topic>   start a story      /haiku <topic>
  /history         show what the bot remembers        /reset   forget the conversation
  /settings        show generation settings           /quit    leave"""


class ChatSession:
    """Keeps the history, builds prompts, calls the model, cleans replies and (optionally) logs them."""

    def __init__(self, generate_fn: GenerateFn, count_tokens: TokenCounter = count_words,
                 max_prompt_tokens: int = 900, max_turns: int = 10, persona: str = DEFAULT_PERSONA,
                 bot_name: str = DEFAULT_BOT_NAME, user_name: str = DEFAULT_USER_NAME,
                 log: ConversationLog | None = None, model_name: str = DEFAULT_MODEL,
                 conversation_id: int | None = None) -> None:
        self.generate_fn = generate_fn
        self.count_tokens = count_tokens
        self.max_prompt_tokens = max_prompt_tokens
        self.max_turns = max_turns
        self.persona = persona
        self.bot_name = bot_name
        self.user_name = user_name
        self.log = log
        self.model_name = model_name
        self.history: list[Turn] = []
        self.conversation_id = conversation_id
        if log is not None:
            if conversation_id is None:
                self.conversation_id = log.start_conversation(model_name)
            else:
                self.history = log.messages(conversation_id)  # resume an old conversation

    def prompt_for(self, message: str) -> str:
        return build_prompt(self.history, message, self.max_prompt_tokens, self.count_tokens, self.max_turns,
                            self.persona, self.user_name, self.bot_name)

    def ask(self, message: str) -> str:
        """Answer one user message and remember both sides."""
        message = message.strip()
        raw = self.generate_fn(self.prompt_for(message))
        reply = extract_reply(raw, self.user_name, self.bot_name)
        # TODO: add a simple quality filter here: when the reply repeats the user's message or an
        #       earlier bot reply word for word, call generate_fn once more and use that reply.
        for turn in (Turn("user", message), Turn("bot", reply)):
            self.history.append(turn)
            if self.log is not None and self.conversation_id is not None:
                self.log.add_message(self.conversation_id, turn)
        return reply

    def create(self, kind: str, topic: str) -> str:
        """Poem/story/haiku from a template: not part of the conversation history."""
        prompt = render_template(kind, topic=topic)
        return prompt + self.generate_fn(prompt).strip()

    def reset(self) -> None:
        self.history.clear()
        if self.log is not None:
            self.conversation_id = self.log.start_conversation(self.model_name)


def handle_line(session: ChatSession, line: str, settings: GenerationSettings | None = None) -> str | None:
    """Process one line of input; returns the text to show, or ``None`` to quit."""
    line = line.strip()
    if not line:
        return ""
    if not line.startswith("/"):
        return f"{session.bot_name}: {session.ask(line)}"
    command, _, arg = line[1:].partition(" ")
    command = command.lower()
    if command in ("quit", "exit"):
        return None
    if command == "help":
        return HELP
    if command == "reset":
        session.reset()
        return "(conversation forgotten)"
    if command == "history":
        return "\n".join(f"{t.role}: {t.text}" for t in session.history) or "(empty)"
    if command == "settings":
        return str(settings or "(unknown)")
    if command in TEMPLATES:
        if not arg:
            return f"usage: /{command} <topic>"
        return session.create(command, arg)
    return f"unknown command /{command}; try /help"


def run_cli(session: ChatSession, settings: GenerationSettings | None = None,
            input_fn: Callable[[str], str] = input, output_fn: Callable[[str], None] = print) -> None:
    output_fn(f"Chatting with {session.bot_name} ({session.model_name}). /help for commands, /quit to leave.")
    while True:
        try:
            line = input_fn("you> ")
        except (EOFError, KeyboardInterrupt):
            break
        answer = handle_line(session, line, settings)
        if answer is None:
            break
        if answer:
            output_fn(answer)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Chat with a GPT-2 style model.")
    p.add_argument("--model", default=DEFAULT_MODEL, help="any causal LM on the Hub, e.g. distilgpt2, gpt2")
    p.add_argument("--max-new-tokens", type=int, default=60)
    p.add_argument("--temperature", type=float, default=0.8)
    p.add_argument("--top-p", type=float, default=0.92)
    p.add_argument("--top-k", type=int, default=50)
    p.add_argument("--greedy", action="store_true", help="no sampling (deterministic)")
    p.add_argument("--max-turns", type=int, default=10, help="most history turns kept in the prompt")
    p.add_argument("--log", metavar="DB", help="log the conversation to this SQLite file, e.g. chats.db")
    p.add_argument("--resume", type=int, metavar="ID", help="continue conversation ID from --log")
    p.add_argument("--seed", type=int, default=None)
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    from .generation import context_size, load_generator, make_generate_fn, make_token_counter

    args = parse_args(argv)
    settings = GenerationSettings(max_new_tokens=args.max_new_tokens, temperature=args.temperature,
                                  top_p=args.top_p, top_k=args.top_k, do_sample=not args.greedy)
    settings.validate()
    print(f"Loading {args.model} (first run downloads it)...")
    generator = load_generator(args.model)
    log = ConversationLog(args.log) if args.log else None
    session = ChatSession(
        make_generate_fn(generator, settings, args.seed),
        count_tokens=make_token_counter(generator),
        max_prompt_tokens=context_size(generator) - settings.max_new_tokens,
        max_turns=args.max_turns, log=log, model_name=args.model, conversation_id=args.resume,
    )
    try:
        run_cli(session, settings)
    finally:
        if log is not None:
            log.close()


if __name__ == "__main__":
    main()
