# Checks for the TODO steps of the README's "Steps" list of {{projectName}}.
#
# Each check fails until its step is done; its first line then says what to do next. Run them
# with `pytest checks` (plain `pytest` runs only the tests of the parts that are done). Like the
# tests, they drive the chatbot with fake generate functions: no model is downloaded.
from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from {{packageName}} import generation, write
from {{packageName}}.chat import ChatSession, handle_line
from {{packageName}}.prompts import TEMPLATES, Turn, render_template
from {{packageName}}.storage import ConversationLog
from {{packageName}}.write import rank_versions

STARTER_TEMPLATES = {"poem", "haiku", "story"}


def expect(condition: bool, hint: str, detail: str = "") -> None:
    """Fail with the hint as the first line (and what was seen after it), without a traceback."""
    if not condition:
        pytest.fail(hint + (f"\n{detail}" if detail else ""), pytrace=False)


PROJECT = Path(__file__).resolve().parents[1]


def learner_frame(tb) -> str:
    """The deepest frame of the traceback in the project's own code (not checks/, tests/ or a
    virtual environment), as a traceback line, so the editor can put the failure on that line."""
    where = ""
    for frame, line in traceback.walk_tb(tb):
        path = Path(frame.f_code.co_filename).resolve()
        if PROJECT not in path.parents:
            continue
        parts = path.relative_to(PROJECT).parts
        if parts[0] in ("checks", "tests") or parts[0].startswith(".") or "site-packages" in parts:
            continue
        where = f'\n  File "{path.relative_to(PROJECT).as_posix()}", line {line}, in {frame.f_code.co_name}'
    return where


def call(hint: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call the learner's function; if it raises, fail with the hint, what was raised and where."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # a TODO still in place, or a bug on the way to the answer
        problem = f"{type(exc).__name__}: {exc}{learner_frame(exc.__traceback__)}"
    # failing outside the except block keeps the learner's traceback out of the message
    pytest.fail(f"{hint}\n(it raised {problem})", pytrace=False)


def scripted(*replies: str) -> tuple[Callable[[str], str], list[str]]:
    """A fake model that answers with ``replies`` in turn; also returns the prompts it got."""
    prompts: list[str] = []
    queue = list(replies)

    def generate(prompt: str) -> str:
        prompts.append(prompt)
        return queue.pop(0) if queue else " Something new, at last."

    return generate, prompts


FILTER_HINT = (
    "Add the reply filter in ChatSession.ask (chat.py): when the cleaned reply repeats the user's message "
    "or an earlier bot reply word for word, call generate_fn once more and use that reply."
)


def test_reply_filter_regenerates_repeated_replies() -> None:
    generate, prompts = scripted(" How are you?", " I am fine, thanks.")
    session = ChatSession(generate)
    reply = call(FILTER_HINT, session.ask, "How are you?")
    expect(reply == "I am fine, thanks.", FILTER_HINT, f"The model echoed the user's 'How are you?' and the bot said {reply!r}.")
    expect(len(prompts) == 2 and prompts[0] == prompts[1], FILTER_HINT,
           f"generate_fn was called {len(prompts)} times for one message{'' if len(prompts) != 2 else ', with two different prompts'}: "
           "call it once more with the same prompt.")
    expect(session.history == [Turn("user", "How are you?"), Turn("bot", "I am fine, thanks.")], FILTER_HINT,
           f"After one message the history is {session.history}: only the user's message and the reply the user saw.")

    generate, prompts = scripted(" I am fine, thanks.", " Bees are busy.", " I am fine, thanks.", " Ask me about bees!")
    session = ChatSession(generate)
    session.ask("How are you?")
    session.ask("What about bees?")
    reply = call(FILTER_HINT, session.ask, "And now?")
    expect(reply == "Ask me about bees!", FILTER_HINT, f"The model repeated the first of two earlier replies and the bot said {reply!r}: compare with every earlier reply.")
    expect(session.history[-1] == Turn("bot", "Ask me about bees!"), FILTER_HINT, f"The history ends with {session.history[-1]}, not the reply the user saw.")

    generate, prompts = scripted(" How are you?", " How are you?", " How are you?")
    reply = call(FILTER_HINT, ChatSession(generate).ask, "How are you?")
    expect(len(prompts) == 2 and reply == "How are you?", FILTER_HINT,
           f"A model that keeps echoing was asked {len(prompts)} times and the bot said {reply!r}: generate once more, then use that reply whatever it is.")

    generate, prompts = scripted(" Fresh answer.")
    call(FILTER_HINT, ChatSession(generate).ask, "Hello")
    expect(len(prompts) == 1, FILTER_HINT, f"A reply that repeats nothing must be used as it is; generate_fn was called {len(prompts)} times.")


TEMPLATE_HINT = (
    "Add a template of your own to TEMPLATES in prompts.py (a limerick, a headline...) that renders from a "
    "topic alone: other {fields} need a TEMPLATE_DEFAULTS entry."
)


def test_own_template_works_from_the_chat() -> None:
    added = sorted(set(TEMPLATES) - STARTER_TEMPLATES)
    expect(bool(added), TEMPLATE_HINT, f"TEMPLATES has only {sorted(TEMPLATES)}.")
    for kind in added:
        text = call(f"{TEMPLATE_HINT}\n(render_template({kind!r}, topic=...) failed)", render_template, kind, topic="lighthouse keepers")
        expect("lighthouse keepers" in text.lower(), TEMPLATE_HINT, f"The {kind!r} template should mention its topic (a {'{topic}'} field); it renders {text!r}.")
        generate, _ = scripted(" and the lamp burned on.")
        shown = call(TEMPLATE_HINT, handle_line, ChatSession(generate), f"/{kind} lighthouse keepers")
        expect(shown == text + "and the lamp burned on.", TEMPLATE_HINT, f"/{kind} in the chat should print the template and its continuation; it printed {shown!r}.")


RANK_HINT = (
    "Implement rank_versions in write.py: score each piece by its share of distinct words (compared without "
    "case or punctuation; low for text stuck in a loop) and return them all, best first."
)


def test_rank_versions_puts_repetitive_text_last(monkeypatch, capsys) -> None:
    loop = "The sea the sea the sea the sea the sea the sea."
    varied = "A grey gull drifts above quiet harbour boats at dawn."
    middle = "Waves roll in, waves roll out, waves roll in again."
    ranked = call(RANK_HINT, rank_versions, [loop, varied, middle])
    expect(isinstance(ranked, list) and sorted(ranked) == sorted([loop, varied, middle]), RANK_HINT, f"It must return the same pieces, reordered; got {ranked!r}.")
    expect(ranked == [varied, middle, loop], RANK_HINT, f"Shares of distinct words 1.0, 0.5 and 0.17 should rank varied, middle, loop; got {ranked}.")
    # (pieces given, the order expected, why)
    cases = [
        (["Sea, sea! Sea? Sea; sea.", "Gulls cry over the bay."], ["Gulls cry over the bay.", "Sea, sea! Sea? Sea; sea."],
         "'Sea, sea! Sea? Sea; sea.' is one word five times: compare words without punctuation or case"),
        (["the sea the sea the sea the sea the sea the sea", "Gulls cry."], ["Gulls cry.", "the sea the sea the sea the sea the sea the sea"],
         "two different words out of two beat two out of twelve, however long the loop"),
        (["wind and rain and wind", "Wind and rain \u2014 \u2014 \u2014 \u2014"], ["Wind and rain \u2014 \u2014 \u2014 \u2014", "wind and rain and wind"],
         "dashes are not words: 3 distinct words of 3 beat 3 of 5"),
        (["...", "Gulls cry."], ["Gulls cry.", "..."], "a piece with no words at all scores 0, below any piece with words"),
        (["Gulls cry.", "Boats sail."], ["Gulls cry.", "Boats sail."], "equal scores keep the given order"),
    ]
    for pieces, expected, why in cases:
        got = call(RANK_HINT, rank_versions, list(pieces))
        expect(got == expected, RANK_HINT, f"rank_versions({pieces}) gave {got}: {why}.")

    # The write command prints every version, then the best one again.
    versions = iter([" the sea the sea the sea the sea", " grey gulls drift over quiet boats", " waves roll in, waves roll out"])
    monkeypatch.setattr(generation, "load_generator", lambda model: None)
    monkeypatch.setattr(generation, "make_generate_fn", lambda generator, settings, seed=None: lambda prompt: next(versions))
    pieces = call(RANK_HINT, write.main, ["poem", "--topic", "harbour", "-n", "3"])
    out = capsys.readouterr().out
    best = rank_versions(pieces)[0].strip().splitlines()[-1]
    expect(out.count(best) == 2, RANK_HINT,
           f"python -m ...write printed the best version's last line {best!r} {out.count(best)} times: print rank_versions(pieces)[0] after the versions.")


SEARCH_HINT = (
    "Implement ConversationLog.search in storage.py: SELECT conversation_id, role, content FROM messages "
    "WHERE content LIKE ? ESCAPE '\\' (the text, its % and _ escaped, between % signs, as a parameter), oldest first."
)


def test_search_finds_messages_by_text() -> None:
    with ConversationLog(":memory:") as log:
        first, second = log.start_conversation("fake"), log.start_conversation("fake")
        log.add_message(first, Turn("user", "tell me about honey bees"))
        log.add_message(first, Turn("bot", "Bees make honey."))
        log.add_message(second, Turn("user", "don't panic, what is cotton?"))
        log.add_message(second, Turn("bot", "Cotton only, no Honey in it."))
        log.add_message(second, Turn("user", "is it 100% cotton or 100 percent?"))
        log.add_message(second, Turn("bot", "It is 100 per cent, file_name cotton.txt"))
        found = call(SEARCH_HINT, log.search, "honey")
        rows = [tuple(row) for row in found or []]
        expect(rows == [(first, "user", "tell me about honey bees"), (first, "bot", "Bees make honey."), (second, "bot", "Cotton only, no Honey in it.")],
               SEARCH_HINT, f"search('honey') gave {rows!r}: every message containing it in any case, oldest first.")
        for text, content in (("don't", "don't panic, what is cotton?"), ("100%", "is it 100% cotton or 100 percent?"), ("file_name", "It is 100 per cent, file_name cotton.txt")):
            rows = [tuple(r) for r in call(SEARCH_HINT, log.search, text) or []]
            expect(rows == [(second, "user" if "?" in content else "bot", content)], SEARCH_HINT,
                   f"search({text!r}) gave {rows!r}, not the one message containing it: pass the text as a parameter (?), and escape "
                   "LIKE's wildcards % and _ in it (ESCAPE '\\').")
        got = call(SEARCH_HINT, log.search, "penguins")
        expect(got == [], SEARCH_HINT, f"search('penguins') gave {got!r}: an empty list when nothing matches.")


DELETE_HINT = (
    "Implement ConversationLog.delete_conversation in storage.py: DELETE the conversation (its messages go "
    "with it through ON DELETE CASCADE) and return whether one was deleted."
)


def test_delete_conversation_removes_it_and_its_messages(tmp_path) -> None:
    path = tmp_path / "chats.db"
    with ConversationLog(path) as log:
        keep, drop = log.start_conversation("fake"), log.start_conversation("fake")
        for cid in (keep, drop):
            log.add_message(cid, Turn("user", f"hello {cid}"))
        deleted = call(DELETE_HINT, log.delete_conversation, drop)
        expect(deleted is True, DELETE_HINT, f"Deleting an existing conversation returned {deleted!r}, not True.")
        expect([c["id"] for c in log.conversations()] == [keep], DELETE_HINT, f"Conversations left: {log.conversations()}.")
        expect(log.messages(drop) == [], DELETE_HINT, f"The deleted conversation's messages are still there: {log.messages(drop)}.")
        expect(log.messages(keep) == [Turn("user", f"hello {keep}")], DELETE_HINT, f"Another conversation changed: {log.messages(keep)}.")
        again = call(DELETE_HINT, log.delete_conversation, drop)
        expect(again is False, DELETE_HINT, f"Deleting an unknown conversation returned {again!r}, not False.")
    # A second connection sees only what was committed.
    with ConversationLog(path) as other:
        expect([c["id"] for c in other.conversations()] == [keep], DELETE_HINT,
               f"Opened again, the database still has the conversations {[c['id'] for c in other.conversations()]}: commit the delete (with self.conn:).")
